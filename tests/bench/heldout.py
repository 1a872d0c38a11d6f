#!/usr/bin/env python3
"""make bench-heldout: brief's article extraction on pages it was not
developed on.

bench-extract measures brief on the 130 pages it was developed against
(Mozilla Readability's test suite); a figure from those pages says how
well the rules fit them, not how well they carry to pages nobody looked at.
This reads saved pages held out of development from $BRIEF_HELDOUT (else
/work/html-heldout), a folder kept outside the repository: the pages and
their reference texts belong to others, under various licences, and are
never copied into the project (tests/bench/heldout-sources.txt names where
each came from, without content).  Without the folder this says so and
exits 0.  Python 3 standard library only.

Layout: one sub-folder per source; each page is SOURCE/NAME.html (or .htm),
and the folder holds its references in one or both of two files:

  ground-truth.json   {"NAME": {"articleBody": "...", "url": "..."}}, the
                      whole text of the article (the format of scrapinghub's
                      article-extraction-benchmark).  Scored by word 4-gram
                      shingles, precision, recall and F1 as bench-extract
                      scores (tests/bench/extract.py's own functions).
  snippets.json       {"NAME.html": {"with": [...], "without": [...]}}:
                      passages the extracted text must hold and passages it
                      must not (trafilatura's tests/realworld_tests.py).
                      Scored as trafilatura scores itself: the share of
                      "with" passages found and of "without" passages
                      absent, white space folded on both sides (brief's
                      lines and trafilatura's differ only in layout).

For every page it runs `brief --export text PAGE` (timed: wall clock and
CPU of the whole process, start-up included) and `brief --export json PAGE`
(the header fields and the html explanation: which element was taken and
why), and reports crashes (a signal), hangs (no answer in --timeout
seconds, default 10) and any non-zero exit.  The slowest pages by CPU are
run once more under callgrind (when valgrind is installed) for an exact
instruction count.

  BRIEF_HELDOUT=/work/html-heldout BRIEF=src/brief python3 tests/bench/heldout.py
  ... heldout.py -v             every page with its article element
  ... heldout.py --callgrind N  count instructions for the N slowest (default 3, 0: none)
  ... heldout.py --json FILE    also write every page's figures to FILE
  ... heldout.py SOURCE/NAME... only these pages
"""
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ left in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract  # noqa: E402  (bench-extract's shingles and prf: the same metric)


def fold(s):
    """White space folded, so a passage split over lines still matches."""
    return " ".join(s.split())


def load_refs(folder):
    """(whole texts by page name, snippets by page name) of one source folder."""
    whole, snips = {}, {}
    gt = os.path.join(folder, "ground-truth.json")
    if os.path.isfile(gt):
        with open(gt, encoding="utf-8") as f:
            for key, val in json.load(f).items():
                whole[key] = val
    sn = os.path.join(folder, "snippets.json")
    if os.path.isfile(sn):
        with open(sn, encoding="utf-8") as f:
            for key, val in json.load(f).items():
                snips[re.sub(r"\.html?$", "", key)] = val
    return whole, snips


def brief_run(brief, args, timeout):
    """One timed run, as extract.run times it but with a shorter limit:
    (stdout, wall seconds, cpu seconds, status), the status being the exit
    status (negative: the signal that killed it) or "hang" past timeout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        p = subprocess.run([brief] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return "", float(timeout), float(timeout), "hang"
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p.stdout.decode("utf-8", "replace"), wall, cpu, p.returncode


def status_word(st):
    if st == "hang":
        return "hang"
    if isinstance(st, int) and st < 0:
        return f"crash (signal {-st})"
    return f"exit {st}"


def callgrind(brief, page):
    """Instructions brief executes on one page, start-up included, or None."""
    if not shutil.which("valgrind"):
        return None
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                        brief, "--export", "text", page],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    m = re.search(rb"Collected\s*:\s*(\d+)", p.stderr)
    return int(m.group(1)) if m else None


def main():
    argv = sys.argv[1:]
    verbose = "-v" in argv
    ncg, jsonout, only, timeout = 3, None, [], 10
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("--callgrind", "--json", "--timeout") and i + 1 < len(argv):
            if a == "--callgrind":
                ncg = int(argv[i + 1])
            elif a == "--json":
                jsonout = argv[i + 1]
            else:
                timeout = float(argv[i + 1])
            i += 2
            continue
        if a != "-v":
            only.append(a)
        i += 1
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.environ.get("BRIEF_HELDOUT") or "/work/html-heldout"
    brief = os.environ.get("BRIEF") or os.path.join(here, "..", "..", "src", "brief")
    if not os.path.isdir(root):
        print(f"bench-heldout: no held-out pages at {root}: nothing measured "
              "(set BRIEF_HELDOUT to a folder of SOURCE/NAME.html with SOURCE/ground-truth.json "
              "or SOURCE/snippets.json; tests/bench/heldout-sources.txt says where they came from)")
        return 0

    pages = []  # (source, name, path, whole text or None, snippets or None, url)
    for source in sorted(os.listdir(root)):
        folder = os.path.join(root, source)
        if not os.path.isdir(folder):
            continue
        whole, snips = load_refs(folder)
        for fn in sorted(os.listdir(folder)):
            m = re.match(r"(.+)\.html?$", fn)
            if not m:
                continue
            name = m.group(1)
            if only and f"{source}/{name}" not in only and name not in only:
                continue
            w = whole.get(name)
            s = snips.get(name)
            if w is None and s is None:
                print(f"bench-heldout: {source}/{fn}: no reference, skipped")
                continue
            pages.append((source, name, os.path.join(folder, fn),
                          w["articleBody"] if w else None, s, (w or {}).get("url")))
    print(f"bench-heldout: {len(pages)} held-out pages from {root}, brief {brief}")
    if not pages:
        return 0

    rows, failures = [], []
    for source, name, path, want, snips, url in pages:
        got, wall, cpu, st = brief_run(brief, ["--export", "text", path], timeout)
        row = {"page": f"{source}/{name}", "url": url, "wall_ms": wall * 1000, "cpu_ms": cpu * 1000,
               "status": st, "bytes": os.path.getsize(path)}
        if st != 0:
            failures.append((row["page"], status_word(st)))
        if want is not None:
            p, r, f = extract.prf(got, want)
            row.update(precision=p, recall=r, f1=f)
        if snips is not None:
            text = fold(got)
            have = [x for x in snips.get("with", []) if fold(x) in text]
            leak = [x for x in snips.get("without", []) if fold(x) in text]
            row.update(with_found=len(have), with_total=len(snips.get("with", [])),
                       without_absent=len(snips.get("without", [])) - len(leak),
                       without_total=len(snips.get("without", [])),
                       missing=[x for x in snips.get("with", []) if x not in have], leaked=leak)
        out, _, _, st2 = brief_run(brief, ["--export", "json", path], timeout)
        try:
            d = json.loads(out)
            doc, h = d.get("document", {}), d.get("html") or {}
        except ValueError:
            d, doc, h = {}, {}, {}
            if st2 == 0:
                failures.append((row["page"], "--export json is not JSON"))
        if st2 != 0:
            failures.append((row["page"], "--export json: " + status_word(st2)))
        art = h.get("article") or {}
        row.update(title=doc.get("title"), byline=doc.get("byline"), site=doc.get("source"),
                   date=doc.get("date"), found=art.get("found"), element=art.get("element"),
                   rule=art.get("rule"), why=art.get("why"), paragraphs=len(d.get("paragraphs", [])))
        rows.append(row)

    scored = [r for r in rows if "f1" in r]
    snipped = [r for r in rows if "with_total" in r]
    if verbose:
        print(f"\n{'page':28} {'P':>6} {'R':>6} {'F1':>6} {'with':>7} {'w/out':>7} {'ms':>6} {'cpu':>6}  article")
        for r in rows:
            prf = (f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}" if "f1" in r
                   else f"{'':6} {'':6} {'':6}")
            sn = (f"{r['with_found']:>3}/{r['with_total']:<3} {r['without_absent']:>3}/{r['without_total']:<3}"
                  if "with_total" in r else f"{'':7} {'':7}")
            print(f"{r['page'][:28]:28} {prf} {sn} {r['wall_ms']:6.1f} {r['cpu_ms']:6.1f}  "
                  f"{r['element'] if r['found'] else 'NO ARTICLE'}")
    if scored:
        n = len(scored)
        print(f"\nwhole texts, word 4-gram shingles, mean over {n} pages: "
              f"precision {sum(r['precision'] for r in scored) / n:.3f}  "
              f"recall {sum(r['recall'] for r in scored) / n:.3f}  "
              f"F1 {sum(r['f1'] for r in scored) / n:.3f}; "
              f"median F1 {statistics.median(r['f1'] for r in scored):.3f}; "
              f"pages with F1 >= 0.96: {sum(r['f1'] >= 0.96 for r in scored)}, "
              f"precision >= 0.95: {sum(r['precision'] >= 0.95 for r in scored)}")
    if snipped:
        wf = sum(r["with_found"] for r in snipped)
        wt = sum(r["with_total"] for r in snipped)
        oa = sum(r["without_absent"] for r in snipped)
        ot = sum(r["without_total"] for r in snipped)
        print(f"snippets over {len(snipped)} pages: must-have found {wf}/{wt}"
              f" ({wf / wt if wt else 1:.3f}), must-not absent {oa}/{ot} ({oa / ot if ot else 1:.3f}); "
              f"pages with every snippet right: "
              f"{sum(r['with_found'] == r['with_total'] and r['without_absent'] == r['without_total'] for r in snipped)}")
    walls = [r["wall_ms"] for r in rows]
    cpus = [r["cpu_ms"] for r in rows]
    slow = max(rows, key=lambda r: r["cpu_ms"])
    print(f"time per page (whole process): wall median {statistics.median(walls):.1f} ms, "
          f"max {max(walls):.1f}; CPU median {statistics.median(cpus):.1f} ms, "
          f"max {max(cpus):.1f} ({slow['page']}); pages over 50 ms wall: {sum(w > 50 for w in walls)}, "
          f"CPU: {sum(c > 50 for c in cpus)}")
    if ncg > 0:
        for r in sorted(rows, key=lambda r: -r["cpu_ms"])[:ncg]:
            src, name = r["page"].split("/", 1)
            path = next(p[2] for p in pages if p[0] == src and p[1] == name)
            ins = callgrind(brief, path)
            r["instructions"] = ins
            print(f"  callgrind {r['page']} ({r['bytes']} bytes): "
                  + (f"{ins / 1e6:.1f} million instructions" if ins else "not counted (no valgrind)"))
    print(f"no article found: {sum(not r['found'] for r in rows)} of {len(rows)}")
    worst = sorted(scored, key=lambda r: (r["f1"], r["page"]))[:10]
    if worst:
        print("\nthe worst pages by F1, and the element brief took:")
        for r in worst:
            print(f"  {r['page'][:28]:28} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                  f"{r['why'] or 'no article'}")
    bad = [r for r in snipped if r["missing"] or r["leaked"]]
    if bad:
        print("\nsnippet pages with a passage missing or leaked:")
        for r in bad:
            print(f"  {r['page'][:40]:40} missing {len(r['missing'])}/{r['with_total']}, "
                  f"leaked {len(r['leaked'])}/{r['without_total']}: {r['why'] or 'no article'}")
    if jsonout:
        with open(jsonout, "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)
    for page, what in failures:
        print(f"FAILED: {page}: {what}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
