#!/bin/sh
# End-to-end tests of web pages: brief reads tests/fixtures/page.html named,
# piped, gzip-compressed; --format and --export text; the JSON's offsets
# index into --export text; bad gzip; pages with no article, deep nesting,
# 50 MB, hostile bytes.
# Environment: BRIEF (the program), BRIEF_TESTS (tests dir).
# Prints "ok N - what" / "not ok N - what" per check; exits 1 if any failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
BRIEF=${BRIEF:-$here/../../src/brief}
BRIEF_TESTS=${BRIEF_TESTS:-$here/..}
LC_ALL=C.UTF-8
export LC_ALL

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
skip() { n=$((n + 1)); echo "ok $n - # SKIP $1"; }
check() {
	what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
diag() { sed -e 's/^/# /' "$1" | head -n "${2:-5}"; }

if [ ! -x "$BRIEF" ]; then
	echo "1..0 # SKIP $BRIEF not built"
	exit 77
fi
page=$BRIEF_TESTS/fixtures/page.html
[ -r "$page" ] || { echo "Bail out! no $page"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/brief-web.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP
HOME=$T
export HOME

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1
have_gzip=0
command -v gzip >/dev/null 2>&1 && have_gzip=1

# run STATUS WHAT ARGS...: brief with stdin /dev/null, out in $T/out, err in
# $T/err, and expect the exit status.
run() {
	want=$1
	what=$2
	shift 2
	"$BRIEF" "$@" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" -eq "$want" ]; then
		ok "$what (exit $want)"
	else
		not_ok "$what: exit $rc, expected $want"
		diag "$T/err"
	fi
}
out_has() { grep -q -F -- "$1" "$T/out"; }
err_has() { grep -q -F -- "$1" "$T/err"; }
err_empty() { [ ! -s "$T/err" ]; }
# pycheck WHAT - ARGS... <<SCRIPT: run a Python check read from stdin.
pycheck() {
	what=$1
	shift
	if [ $have_python -eq 0 ]; then skip "$what (no python3)"; return; fi
	if python3 "$@" 2>"$T/pyerr"; then ok "$what"; else not_ok "$what"; diag "$T/pyerr"; fi
}
# cleancheck WHAT FILE [json]: no terminal control in it (outcheck.py).
cleancheck() {
	what=$1
	shift
	if [ $have_python -eq 0 ]; then skip "$what (no python3)"; return; fi
	if PYTHONPATH="$here" python3 -c 'import sys, outcheck; outcheck.check_clean(sys.argv[1], len(sys.argv) > 2)' \
		"$@" 2>"$T/pyerr"; then
		ok "$what"
	else
		not_ok "$what"
		diag "$T/pyerr"
	fi
}

first='Northland has refused to pay a harbour levy of 4 percent of its annual budget, leaving the Alliance without an agreement two days before its leaders meet in Port Aster.'

# ---- reading a page ----------------------------------------------------------
run 0 "--export text page.html" --export text "$page"
cp "$T/out" "$T/page.txt"
check "--export text: the first line is the first paragraph" test "$(head -1 "$T/page.txt")" = "$first"
check "--export text: nothing on stderr" err_empty
check "--export text: no page chrome" sh -c '! grep -q -E "cookies|Skip to content|Share on|Most read|harbourwatcher|All rights|Advertisement|<p>|&euro;" "$1"' _ "$T/page.txt"
check "--export text: a heading, a list, a quote" sh -c 'grep -q -x "A budget already stretched" "$1" &&
	grep -q "^• a loan from" "$1" && grep -q "^> We are not refusing" "$1"' _ "$T/page.txt"
pycheck "--export text: ends in one LF, blocks parted by one blank line at most" - "$T/page.txt" <<'EOF'
import sys
t = open(sys.argv[1], "rb").read()
assert t.endswith(b".\n") and b"\n\n\n" not in t and not t.startswith(b"\n"), t[-20:]
EOF

cat "$page" | "$BRIEF" --export text >"$T/out" 2>"$T/err"
check "cat page.html | brief --export text: the same text" cmp -s "$T/out" "$T/page.txt"
"$BRIEF" --export text - <"$page" >"$T/out" 2>"$T/err"
check "brief --export text - <page.html: the same text" cmp -s "$T/out" "$T/page.txt"
cp "$page" "$T/saved"
run 0 "a page named without .html, found by its first bytes" --export text "$T/saved"
check "...: the same text" cmp -s "$T/out" "$T/page.txt"

if [ $have_gzip -eq 1 ]; then
	gzip -c "$page" >"$T/page.html.gz"
	run 0 "page.html.gz" --export text "$T/page.html.gz"
	check "page.html.gz: the same text" cmp -s "$T/out" "$T/page.txt"
	gzip -c "$page" | "$BRIEF" --export text >"$T/out" 2>"$T/err"
	check "gzip -c page.html | brief --export text: the same text" cmp -s "$T/out" "$T/page.txt"
	head -c 1000 "$T/page.html.gz" >"$T/cut.gz"
	run 66 "a truncated .gz" --export text "$T/cut.gz"
	check "a truncated .gz: the file and the reason" err_has "cut.gz: the gzip data ends early (truncated)"
	head -c 1000 "$T/page.html.gz" | "$BRIEF" --export text >"$T/out" 2>"$T/err"
	check "a truncated gzip on stdin: exit 66" test $? -eq 66
	check "a truncated gzip on stdin: named (stdin)" err_has "(stdin): the gzip data ends early"
	printf 'The text of a note, 3 percent.\n' | gzip -c >"$T/note.txt.gz"
	run 0 "note.txt.gz: a gzip-compressed text" --export text "$T/note.txt.gz"
	check "note.txt.gz: inflated text" test "$(cat "$T/out")" = "The text of a note, 3 percent."
else
	skip "gzip tests (no gzip)"
fi

# ---- --format -------------------------------------------------------------------
run 0 "--format=text page.html" --format=text --export text "$page"
check "--format=text: the markup as it is" test "$(head -1 "$T/out")" = "<!DOCTYPE html>"
printf '<p>Markup in a .txt file, <b>read</b> as a page.</p>\n' >"$T/snippet.txt"
run 0 "--format=html snippet.txt" --format=html --export text "$T/snippet.txt"
check "--format=html: read as HTML" test "$(cat "$T/out")" = "Markup in a .txt file, read as a page."
run 0 "snippet.txt without --format" --export text "$T/snippet.txt"
check "without --format a .txt of markup is text" out_has "<b>read</b>"
run 2 "--format=pdf" --format=pdf "$page"
check "--format=pdf: says what it expects" err_has "unknown format 'pdf' (expected text or html, or json or markdown with --export notes)"
run 2 "--export=xml" --export=xml "$page"
check "--export=xml: says what it expects" err_has "(expected json, text or notes)"
run 2 "--export text --dump" --export text --dump "$page"
run 0 "--version" --version
check "--version names libxml2 and zlib" sh -c 'grep -q "^brief .*libxml2 [0-9].*zlib [0-9]" "$1"' _ "$T/out"

# ---- JSON ----------------------------------------------------------------------------
run 0 "--export json page.html" --export json "$page"
cp "$T/out" "$T/page.json"
pycheck "JSON: offsets \"text\", format html, the header from the page" - "$T/page.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))["document"]
assert d["offsets"] == "text" and d["format"] == "html" and d["gzip"] is False, d
assert d["title"] == "Harbour levy splits the Alliance as Northland digs in", d
assert d["byline"] == "Ingrid Solberg and Tomas Reyes" and d["source"] == "The Meridian Ledger", d
assert d["date"] == "2025-03-14" and d["section"] == "World", d
EOF
pycheck "JSON: every figure's offsets index into --export text" - "$T/page.json" "$T/page.txt" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
text = open(sys.argv[2], "rb").read()
assert len(j["figures"]) >= 8, len(j["figures"])
for f in j["figures"]:
    got = text[f["start"]:f["end"]].decode()
    assert got == f["text"], (got, f)
assert j["figures"][0]["text"] == "4 percent", j["figures"][0]
EOF
pycheck "JSON: paragraphs with their kinds cover the text" - "$T/page.json" "$T/page.txt" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
text = open(sys.argv[2], "rb").read()
ps = j["paragraphs"]
kinds = [p["kind"] for p in ps]
assert kinds.count("heading") == 1 and kinds.count("item") == 3 and kinds.count("quote") == 1, kinds
end = 0
for p in ps:
    assert p["start"] >= end and p["end"] > p["start"], p
    assert text[end:p["start"]].strip(b"\n") == b"", (end, p)
    end = p["end"]
assert text[end:] == b"\n"
h = [p for p in ps if p["kind"] == "heading"][0]
assert text[h["start"]:h["end"]] == b"A budget already stretched" and h["level"] == 2, h
EOF
pycheck "JSON: which element was taken, and why" - "$T/page.json" <<'EOF'
import json, sys
h = json.load(open(sys.argv[1]))["html"]
a = h["article"]
assert a["found"] and a["rule"] == "score" and a["element"] == "div.article-body", a
assert a["path"] == "/html/body/main[1]/article[1]/div[1]", a
assert "div.article-body" in a["why"] and a["tries"][0]["rule"] == "score", a
assert h["charset"] == "UTF-8" and h["charset_rule"] == "meta-charset", h
assert h["header_from"]["title"] == "og:title" and h["header_from"]["byline"] == "json-ld:author", h
assert h["left_out"]["chrome-element"] >= 3 and h["left_out"]["hidden"] >= 1, h["left_out"]
EOF
"$BRIEF" --export json "$BRIEF_TESTS/fixtures/second.txt" </dev/null >"$T/text.json" 2>"$T/err"
pycheck "JSON of a text file: offsets \"file\", no html, its paragraphs" - "$T/text.json" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
assert j["document"]["offsets"] == "file" and j["document"]["format"] == "text", j["document"]
assert j["html"] is None
assert len(j["paragraphs"]) >= 3 and all(p["kind"] == "paragraph" for p in j["paragraphs"])
EOF

# --export text of a text file: the file as brief reads it (sanitised).
run 0 "--export text of a text file" --export text "$BRIEF_TESTS/fixtures/second.txt"
check "--export text of a clean text file: the file byte for byte" cmp -s "$T/out" "$BRIEF_TESTS/fixtures/second.txt"
printf 'Text with ESC \033[31m, BEL \007, C1 \302\233 and RLO \342\200\256 in it.\n' >"$T/evil.txt"
run 0 "--export text of a hostile text file" --export text "$T/evil.txt"
cleancheck "--export text of a hostile text file: no ESC, BEL, C1 or bidi control" "$T/out"
check "--export text of a hostile text file: the text around them kept" out_has "in it."

run 0 "--dump page.html" --dump --width 80 "$page"
check "--dump: the header from the page" out_has "Harbour levy splits the Alliance"
check "--dump: figures marked in the article" out_has "{4 percent}"

# ---- pages without an article, or hostile ---------------------------------------------
printf '<!doctype html><html><body><nav><a href="/">Home</a> <a href="/b">Business</a></nav><p>Nothing here.</p></body></html>' >"$T/nav.html"
run 0 "a page with no article" --export json "$T/nav.html"
pycheck "no article: found false, the whole page" - "$T/out" <<'EOF'
import json, sys
a = json.load(open(sys.argv[1]))["html"]["article"]
assert not a["found"] and a["rule"] == "whole-page" and a["element"] is None, a
EOF
run 0 "--export text, no article: the whole text" --export text "$T/nav.html"
check "no article: nav and text shown" sh -c 'grep -q "Home Business" "$1" && grep -q "Nothing here." "$1"' _ "$T/out"
: >"$T/empty.html"
run 0 "an empty .html" --export text "$T/empty.html"
check "an empty .html: no text" test ! -s "$T/out"

if [ $have_python -eq 1 ]; then
	python3 - "$T/deep.html" "$T/big.html" "$T/evil.html" <<'EOF'
import sys
deep, big, evil = sys.argv[1:]
p = "<p>A paragraph of the article, with commas, long enough, that says what it has to say.</p>"
open(deep, "w").write("<html><body>" + "<div>" * 200000 + p * 3 + "</div>" * 200000 + "<b>" * 100000 + "</body></html>")
with open(big, "w") as f:
    f.write("<!doctype html><html><head><title>Big</title></head><body><article>")
    line = "<p>Paragraph: the committee said on Tuesday that the budget would rise by 25 percent, to $1.2 billion.</p>\n"
    f.write(line * (50 * 1024 * 1024 // len(line)))
    f.write("</article></body></html>")
open(evil, "wb").write(b"<html><head><title>T \x1b]0;pwned\x07</title></head><body><article>"
    b"<p>Evil \x1b[2J \x9b text &#x9b;1m &#x202e;rev&#x202c; &#27;[31m, with commas, long enough, "
    b"to be an article, which it is.</p><p>Second paragraph, also long enough, with commas, to count.</p>"
    b"</article></body></html>")
EOF
	run 0 "200,000 nested divs and 100,000 unclosed <b>" --export text "$T/deep.html"
	check "deep nesting: the paragraphs read" out_has "A paragraph of the article"
	run 0 "a 50 MB page" --export text "$T/big.html"
	check "a 50 MB page: its text" test "$(wc -l <"$T/out")" -gt 500000
	for fmt in text json; do
		"$BRIEF" --export $fmt "$T/evil.html" </dev/null >"$T/evil.$fmt" 2>"$T/err"
		check "hostile page --export $fmt (exit 0)" test $? -eq 0
		if [ $fmt = json ]; then
			cleancheck "hostile page --export json: no ESC, BEL, C1 or bidi control" "$T/evil.json" json
		else
			cleancheck "hostile page --export text: no ESC, BEL, C1 or bidi control" "$T/evil.text"
		fi
	done
	"$BRIEF" --dump "$T/evil.html" </dev/null >"$T/evil.dump" 2>"$T/err"
	cleancheck "hostile page --dump: no ESC, BEL, C1 or bidi control" "$T/evil.dump"
else
	skip "generated pages (no python3)"
fi

echo "1..$n"
[ $failed -eq 0 ] || exit 1
exit 0
