#!/usr/bin/env python3
"""make bench-extract: how well brief reads the article out of saved pages.

For each folder of $BRIEF_WEBPAGES (else ../shared/webpages beside the
source tree, else /work/shared/webpages, as tests/bench/score.py) holding source.html and expected.html (Mozilla
Readability's test pages: what Readability.js extracted, one good
extractor's answer rather than the truth), runs `brief --export text
source.html` and compares its words with the text of expected.html:
precision, recall and F1 of word 4-grams ("shingles", counted with
multiplicity), per page and averaged over pages, the metric of the public
article-extraction benchmarks.  Also the time per page (wall clock of the
whole process, start-up included, and its CPU time), and how often the
header fields agree with expected-metadata.json.

The pages are not the project's (Apache-2.0, development only): they are
read from where they are, never copied.  Without them this says so and
exits 0.  Python 3 standard library only.

  BRIEF_WEBPAGES=../shared/webpages BRIEF=src/brief python3 tests/bench/extract.py
  ... extract.py -v          every page, not only the worst ten
  ... extract.py --news      only the 36 news and magazine articles
  ... extract.py PAGE...     only these folders
"""
import collections
import html.parser
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time

BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
    "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "br",
}
SKIP = {"script", "style", "noscript", "template", "svg", "head", "title"}


class TextOf(html.parser.HTMLParser):
    """expected.html as plain text: one block a line, entities decoded,
    white space folded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.skip = [], [], 0

    def _end(self):
        line = " ".join("".join(self.cur).split())
        if line:
            self.lines.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCKS:
            self._end()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self._end()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)

    def text(self):
        self._end()
        return "\n".join(self.lines)


def html_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        p = TextOf()
        p.feed(f.read())
        p.close()
        return p.text()


# The news and magazine articles among the pages (--news): what brief is
# for, where the blogs, documentation and edge cases are not.
NEWS = """aktualne ars-1 bbc-1 breitbart buzzfeed-1 citylab-1 cnet cnn engadget folha
gmw guardian-1 heise herald-sun-1 la-nacion lemonde-1 liberation-1 medicalnewstoday
msn nytimes-1 nytimes-2 nytimes-3 nytimes-4 quanta-1 salon-1 seattletimes-1 telegraph
theverge tmz-1 wapo-1 wapo-2 webmd-1 yahoo-1 yahoo-2 yahoo-3 yahoo-4""".split()

WORD = re.compile(r"\w+")


def shingles(text, n=4):
    words = WORD.findall(text.lower())
    if len(words) < n:
        return collections.Counter([tuple(words)]) if words else collections.Counter()
    return collections.Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def prf(got, want):
    a, b = shingles(got), shingles(want)
    if not a and not b:
        return 1.0, 1.0, 1.0
    if not a or not b:
        return 0.0, 0.0, 0.0
    common = sum((a & b).values())
    p = common / sum(a.values())
    r = common / sum(b.values())
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(brief, args):
    """(stdout, wall seconds, cpu seconds, exit status) of one brief run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run([brief] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return p.stdout.decode("utf-8", "replace"), wall, cpu, p.returncode


def fold(s):
    return " ".join((s or "").split()).casefold()


def main():
    argv = sys.argv[1:]
    verbose = "-v" in argv
    only = [a for a in argv if a not in ("-v", "--news")]
    if "--news" in argv:
        only += NEWS
    here = os.path.dirname(os.path.abspath(__file__))
    pages = next((d for d in (os.environ.get("BRIEF_WEBPAGES"),
                              os.path.join(here, "..", "..", "..", "shared", "webpages"),
                              "/work/shared/webpages") if d and os.path.isdir(d)),
                 os.environ.get("BRIEF_WEBPAGES") or os.path.join(here, "..", "..", "..", "shared", "webpages"))
    brief = os.environ.get("BRIEF") or os.path.join(here, "..", "..", "src", "brief")
    if not os.path.isdir(pages):
        print(f"bench-extract: no saved pages at {os.path.normpath(pages)}: nothing measured "
              "(set BRIEF_WEBPAGES to a folder of PAGE/source.html and PAGE/expected.html)")
        return 0
    names = sorted(d for d in os.listdir(pages)
                   if os.path.isfile(os.path.join(pages, d, "source.html"))
                   and os.path.isfile(os.path.join(pages, d, "expected.html")))
    if only:
        names = [n for n in names if n in only]
    print(f"bench-extract: {len(names)} pages from {os.path.normpath(pages)}, brief {brief}")
    rows, failures = [], []
    meta_hits = collections.Counter()
    meta_tries = collections.Counter()
    for name in names:
        src = os.path.join(pages, name, "source.html")
        got, wall, cpu, rc = run(brief, ["--export", "text", src])
        if rc != 0:
            failures.append((name, rc))
        want = html_text(os.path.join(pages, name, "expected.html"))
        p, r, f = prf(got, want)
        rows.append((name, p, r, f, wall, cpu))
        mpath = os.path.join(pages, name, "expected-metadata.json")
        if os.path.isfile(mpath):
            with open(mpath, encoding="utf-8") as fh:
                exp = json.load(fh)
            out, _, _, rc2 = run(brief, ["--export", "json", src])
            try:
                doc = json.loads(out)["document"]
            except (ValueError, KeyError):
                doc = {}
            for key, mine in (("title", "title"), ("byline", "byline"),
                              ("siteName", "source"), ("publishedTime", "date")):
                if exp.get(key):
                    meta_tries[key] += 1
                    a, b = fold(doc.get(mine)), fold(exp[key])
                    if key == "publishedTime":
                        a, b = a[:10], b[:10]
                    if key == "byline":
                        b = re.sub(r"^by\s+", "", b)
                    meta_hits[key] += a == b
    if not rows:
        print("bench-extract: no pages")
        return 0
    if verbose:
        print(f"{'page':40} {'P':>6} {'R':>6} {'F1':>6} {'ms':>7} {'cpu ms':>7}")
        for name, p, r, f, wall, cpu in rows:
            print(f"{name:40} {p:6.3f} {r:6.3f} {f:6.3f} {wall * 1000:7.1f} {cpu * 1000:7.1f}")
    n = len(rows)
    mp = sum(x[1] for x in rows) / n
    mr = sum(x[2] for x in rows) / n
    mf = sum(x[3] for x in rows) / n
    walls = [x[4] * 1000 for x in rows]
    cpus = [x[5] * 1000 for x in rows]
    print(f"\nword 4-gram shingles, mean over {n} pages: precision {mp:.3f}  recall {mr:.3f}  F1 {mf:.3f}")
    print(f"median F1 {statistics.median(x[3] for x in rows):.3f}; "
          f"pages with F1 >= 0.9: {sum(x[3] >= 0.9 for x in rows)}, < 0.5: {sum(x[3] < 0.5 for x in rows)}")
    print(f"time per page (whole process): wall median {statistics.median(walls):.1f} ms, "
          f"mean {statistics.mean(walls):.1f}, max {max(walls):.1f} ({rows[walls.index(max(walls))][0]}); "
          f"CPU median {statistics.median(cpus):.1f} ms, max {max(cpus):.1f}; "
          f"pages over 50 ms wall: {sum(w > 50 for w in walls)}")
    if meta_tries:
        print("header fields equal to Readability's: " + ", ".join(
            f"{k} {meta_hits[k]}/{meta_tries[k]}" for k in ("title", "byline", "siteName", "publishedTime")
            if meta_tries[k]))
    print("\nthe ten worst pages by F1:")
    for name, p, r, f, wall, cpu in sorted(rows, key=lambda x: (x[3], x[0]))[:10]:
        print(f"  {name:40} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for name, rc in failures:
        print(f"FAILED: {name}: exit status {rc}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
