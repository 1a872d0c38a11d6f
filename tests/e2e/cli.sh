#!/bin/sh
# End-to-end tests of the brief program: exit statuses, --help/--version, --export json, --dump, stdin, pipes, sibling annotations, hostile bytes.
# Environment: BRIEF (the program), BRIEF_ASSETS (assets dir), BRIEF_TESTS (tests dir).
# Prints "ok N - what" / "not ok N - what" per check; exits 1 if any failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
BRIEF=${BRIEF:-$here/../../src/brief}
BRIEF_ASSETS=${BRIEF_ASSETS:-$here/../../assets}
BRIEF_TESTS=${BRIEF_TESTS:-$here/..}
LC_ALL=C.UTF-8
export LC_ALL
unset NO_COLOR

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
skip() { n=$((n + 1)); echo "ok $n - # SKIP $1"; }
# check WHAT COMMAND...: ok when the command succeeds.
check() {
	what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
# Show the first lines of a file as TAP comments.
diag() { sed -e 's/^/# /' "$1" | head -n "${2:-5}"; }

if [ ! -x "$BRIEF" ]; then
	echo "1..0 # SKIP $BRIEF not built"
	exit 77
fi
article=$BRIEF_ASSETS/commentary.txt
[ -r "$article" ] || { echo "Bail out! no $article"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/brief-cli.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP
[ -n "${HOME:-}" ] || HOME=$T
export HOME

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# run STATUS WHAT ARGS...: run brief (stdin /dev/null: the bundled article),
# out in $T/out, err in $T/err, and expect the exit status.
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
err_has() { grep -q -- "$1" "$T/err"; }
err_empty() { [ ! -s "$T/err" ]; }
out_has() { grep -q -F -- "$1" "$T/out"; }

# ---- exit statuses and messages ---------------------------------------------
run 0 "bundled --dump" --dump
check "bundled --dump writes the article" out_has "Secretary of State"
check "bundled --dump: nothing on stderr" err_empty

run 0 "--help" --help
check "--help shows usage on stdout" out_has "Usage: brief"
check "--help lists --export" out_has "--export"
check "--help: nothing on stderr" err_empty
run 0 "-h" -h
check "-h shows usage" out_has "Usage: brief"

run 0 "--version" --version
check "--version prints 'brief VERSION'" grep -q -E '^brief [0-9]+\.[0-9]+' "$T/out"
check "--version prints one line" test "$(wc -l <"$T/out")" -eq 1

run 2 "unknown option" --no-such-option
check "unknown option named on stderr" err_has "no-such-option"
check "unknown option: nothing on stdout" test ! -s "$T/out"
# A long option that takes no argument, given one: named as typed, not as
# its short letter or a control character.
run 2 "--no-color=1" --no-color=1
check "--no-color=1 says the option takes no argument" err_has "option '--no-color' takes no argument"
run 2 "--help=x" --help=x
check "--help=x names --help, not -h" err_has "option '--help' takes no argument"
run 2 "unknown short option" -Z
# A short option that fails inside a cluster leaves getopt on that word:
# the word before it, here an option's argument, is not what is wrong.
run 2 "-Zq after an argument that looks like a long option" -a --no -Zq
check "-Zq after '--no': -Z named, not '--no'" err_has "unknown option '-Z'"
run 2 "--=x" --=x
check "--=x is unknown, not ambiguous" err_has "unknown option '--=x'"

for w in abc 0 5 19 -3 60x 10001 ""; do
	run 2 "bad --width '$w'" --dump --width "$w"
done
run 2 "--width without a value" --dump --width
run 0 "--width 20 (lowest)" --dump --width 20

run 2 "unknown --export format" --export xml
check "unknown format named on stderr" err_has "xml"
run 2 "--export without a format" --export
# Two outputs asked for: refused, whatever the order, not one silently dropped.
run 2 "--dump with --export json" --dump --export json
check "--dump with --export: the conflict named" err_has "cannot be used together"
check "--dump with --export: nothing on stdout" test ! -s "$T/out"
run 2 "-e json -d" -e json -d

run 2 "two files" "$article" "$article"

run 66 "missing file" "$T/no-such-file.txt"
check "missing file named on stderr" err_has "no-such-file.txt"
run 66 "a directory" "$T"
check "directory named on stderr" err_has "$T"
run 66 "missing annotation file" -a "$T/no-such.brief" "$article"
run 66 "a directory as annotations" -a "$T" "$article"
check "a directory as annotations: worded as for the article" err_has ": is a directory"
run 2 "annotations from standard input" -a - "$article"
check "-a -: says annotations come from a file" err_has "not standard input"

# A bad annotation file: exit 65 and FILE:LINE:COL: on stderr.
printf 'Alpha met Beta.\n' >"$T/a.txt"
printf 'brief 1\nactor a person "Alpha"\n  alias "A"\nbogus keyword\n' >"$T/bad.brief"
run 65 "annotation with an unknown keyword" -a "$T/bad.brief" "$T/a.txt"
check "unknown keyword reported as FILE:4:1:" err_has "bad\.brief:4:1: "
printf 'actor a person "Alpha"\nfigure "no such text" "meaning"\n' >"$T/bad2.brief"
run 65 "annotation quoting text not in the article" -a "$T/bad2.brief" "$T/a.txt"
check "missing quote reported as FILE:LINE:COL:" \
	grep -q -E 'bad2\.brief:2:[0-9]+: ' "$T/err"
printf 'actor a person "Alpha\n' >"$T/bad3.brief"
run 65 "annotation with an unterminated string" -a "$T/bad3.brief" "$T/a.txt"
check "unterminated string reported as FILE:1:COL:" \
	grep -q -E 'bad3\.brief:1:[0-9]+: ' "$T/err"
check "nothing on stdout for a bad annotation file" test ! -s "$T/out"

# ---- python checks -------------------------------------------------------------
cat >"$T/check.py" <<'EOF'
import json, sys
from outcheck import check_clean, cols, fail

def walk(x, found):
    if isinstance(x, dict):
        if 'start' in x and 'end' in x and 'text' in x:
            found.append(x)
        for v in x.values():
            walk(v, found)
    elif isinstance(x, list):
        for v in x:
            walk(v, found)

def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)

what = sys.argv[1]
if what == 'json-valid':
    d = load(sys.argv[2])
    for k in ('document', 'entities', 'figures', 'comparisons'):
        if k not in d:
            fail('no ' + k)
elif what == 'mentions':
    d = load(sys.argv[2])
    ents = {e['name']: e for e in d['entities']}
    for pair in sys.argv[3:]:
        name, want = pair.rsplit('=', 1)
        got = len(ents[name]['mentions']) if name in ents else None
        if got != int(want):
            fail('%s: %s mentions, expected %s' % (name, got, want))
elif what == 'row':
    # row JSON PARTY CUR_CMP CUR DEMAND
    d = load(sys.argv[2])
    party, cmp_, cur, dem = sys.argv[3], sys.argv[4], float(sys.argv[5]), float(sys.argv[6])
    rows = [r for c in d['comparisons'] for r in c['rows'] if r['party'] == party]
    if len(rows) != 1:
        fail('%d rows for %s' % (len(rows), party))
    r = rows[0]
    if r['current'] is None or r['demand'] is None:
        fail('%s: current %r demand %r' % (party, r['current'], r['demand']))
    if r['current']['comparator'] != cmp_:
        fail('%s: comparator %r' % (party, r['current']['comparator']))
    if abs(r['current']['value'] - cur) > 1e-9 or abs(r['demand']['value'] - dem) > 1e-9:
        fail('%s: %r -> %r' % (party, r['current']['value'], r['demand']['value']))
elif what == 'offsets':
    d = load(sys.argv[2])
    with open(sys.argv[3], 'rb') as f:
        raw = f.read()
    spans = []
    walk(d, spans)
    if len(spans) < 50:
        fail('only %d spans' % len(spans))
    for s in spans:
        b = raw[s['start']:s['end']]
        if not (0 <= s['start'] <= s['end'] <= len(raw)) or b != s['text'].encode('utf-8'):
            fail('[%d,%d) is %r, text %r' % (s['start'], s['end'], b, s['text']))
elif what == 'width':
    w = int(sys.argv[3])
    with open(sys.argv[2], encoding='utf-8') as f:
        for i, line in enumerate(f.read().split('\n'), 1):
            if cols(line) > w:
                fail('line %d is %d columns: %s' % (i, cols(line), line))
elif what == 'clean':
    # No terminal controls; for JSON, not in the decoded strings either.
    check_clean(sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == 'json')
elif what == 'ascii':
    with open(sys.argv[2], 'rb') as f:
        data = f.read()
    bad = [i for i, c in enumerate(data) if c >= 0x80]
    if bad:
        fail('byte 0x%02x at %d' % (data[bad[0]], bad[0]))
else:
    fail('unknown check ' + what)
EOF

py() {
	PYTHONPATH="$here" python3 "$T/check.py" "$@" 2>"$T/pyerr"
	rc=$?
	[ $rc -ne 0 ] && diag "$T/pyerr"
	return $rc
}
pycheck() {
	what=$1
	shift
	if [ $have_python -eq 0 ]; then skip "$what (no python3)"; return; fi
	if py "$@"; then ok "$what"; else not_ok "$what"; fi
}

# ---- --export json -------------------------------------------------------------
run 0 "--export json" --export json
cp "$T/out" "$T/bundled.json"
check "--export json: nothing on stderr" err_empty
pycheck "--export json parses with json.load" json-valid "$T/bundled.json"
# "The Donald Trump administration", "the Trump administration": the US's
# (a person's government is its country's), so Trump has 1 of his 3.
pycheck "mentions: Rubio 3, Trump 1, Ishiba 2, Lee 1" mentions "$T/bundled.json" \
	"Marco Rubio=3" "Donald Trump=1" "Shigeru Ishiba=2" "Lee Jae-myung=1" "US=26"
pycheck "Japan: current <2 vs demand 3.5" row "$T/bundled.json" Japan "<" 2 3.5
pycheck "South Korea: current 2.3 vs demand 5" row "$T/bundled.json" "South Korea" "=" 2.3 5
pycheck "every [start,end) slices assets/commentary.txt to its text" \
	offsets "$T/bundled.json" "$article"
run 0 "-e json" -e json
check "-e json equals --export json" cmp -s "$T/out" "$T/bundled.json"
"$BRIEF" --export json "$article" </dev/null >"$T/file.json" 2>"$T/err"
rc=$?
check "--export json FILE (exit 0)" test $rc -eq 0
pycheck "offsets of the article given as a file slice it" offsets "$T/file.json" "$article"

# ---- --dump ------------------------------------------------------------------------
run 0 "--dump --width 60" --dump --width 60
cp "$T/out" "$T/dump60"
pycheck "--dump --width 60: no line wider than 60 columns" width "$T/dump60" 60
check "--dump marks [Marco Rubio]" out_has "[Marco Rubio]"
check "--dump has the header 'Commentary'" grep -q "Commentary" "$T/dump60"
check "--dump header is the first line" sh -c 'head -n 1 "$1" | grep -q Commentary' sh "$T/dump60"
check "--dump shows the chart" out_has "more than +1.5 pp"
run 0 "-d -w 100" -d -w 100
pycheck "-d -w 100: no line wider than 100 columns" width "$T/out" 100
# A heading wrapped on narrow output keeps one rule, under its last line.
run 0 "--dump --width 20" --dump --width 20
check "--dump --width 20: as many heading rules as at 60" \
	sh -c 'test "$(grep -c "^─" "$1")" -eq "$(grep -c "^─" "$2")"' sh "$T/out" "$T/dump60"
run 0 "--dump --ascii" --dump --ascii --width 72
pycheck "--dump --ascii: only ASCII bytes" ascii "$T/out"
# Not a terminal: --dump is the default.
run 0 "no option, stdout not a terminal" 
check "no option, stdout not a terminal: the dump" out_has "[Marco Rubio]"

# ---- standard input -------------------------------------------------------------
cat "$article" | "$BRIEF" --dump >"$T/out" 2>"$T/err"
rc=$?
check "cat article | brief --dump (exit 0)" test $rc -eq 0
check "stdin: the article is read" out_has "US Secretary of State"
check "stdin: nothing on stderr" err_empty
"$BRIEF" --dump - <"$article" >"$T/out" 2>"$T/err"
rc=$?
check "brief --dump - <article (exit 0)" test $rc -eq 0
check "'-': the article is read" out_has "US Secretary of State"
cat "$article" | "$BRIEF" --export json >"$T/stdin.json" 2>"$T/err"
rc=$?
check "cat article | brief --export json (exit 0)" test $rc -eq 0
pycheck "stdin JSON parses" json-valid "$T/stdin.json"

# ---- a closed pipe -------------------------------------------------------------------
# Large enough that brief is still writing when head has gone.
i=0
: >"$T/big.txt"
while [ $i -lt 300 ]; do
	cat "$article" >>"$T/big.txt"
	i=$((i + 1))
done
{ "$BRIEF" --dump "$T/big.txt" </dev/null 2>"$T/err"; echo $? >"$T/rc"; } | head -n 1 >"$T/out"
check "brief --dump | head -1: exit 0" test "$(cat "$T/rc")" -eq 0
check "brief --dump | head -1: nothing on stderr" err_empty
check "brief --dump | head -1: one line out" test "$(wc -l <"$T/out")" -eq 1
{ "$BRIEF" --export json "$T/big.txt" </dev/null 2>"$T/err"; echo $? >"$T/rc"; } | head -c 10 >/dev/null
check "brief --export json | head -c 10: exit 0" test "$(cat "$T/rc")" -eq 0
check "brief --export json | head -c 10: nothing on stderr" err_empty
{ "$BRIEF" --dump </dev/null 2>"$T/err"; echo $? >"$T/rc"; } | head -n 1 >/dev/null
check "bundled brief --dump | head -1: exit 0, quiet" \
	sh -c 'test "$(cat "$1")" -eq 0 && test ! -s "$2"' sh "$T/rc" "$T/err"
if [ -w /dev/full ]; then
	"$BRIEF" --dump </dev/null >/dev/full 2>"$T/err"
	rc=$?
	check "--dump >/dev/full: exit 74" test $rc -eq 74
	check "--dump >/dev/full: a write error on stderr" err_has "write error"
	for opt in --help --version --keys; do
		"$BRIEF" $opt </dev/null >/dev/full 2>"$T/err"
		rc=$?
		check "$opt >/dev/full: exit 74" test $rc -eq 74
		check "$opt >/dev/full: a write error on stderr" err_has "write error"
	done
else
	for i in 1 2 3 4 5 6 7 8; do
		skip "no /dev/full"
	done
fi

# A file changed while --dump writes it (issue 20 items 2 and 6): the reader
# of the pipe takes the first line, changes the file while brief waits on
# the full pipe (a pipe and stdio hold about 1,100 of these lines, far
# fewer than come before the change), then reads the rest.
i=1
while [ $i -le 20000 ]; do
	printf 'Line %05d: Alpha said it again................................\n' $i
	i=$((i + 1))
done >"$T/changing.txt"
#   Truncated at the end of line 10000: the dump stops after that line.
{ "$BRIEF" --dump --width 80 "$T/changing.txt" </dev/null 2>"$T/err"; echo $? >"$T/rc"; } |
	{ IFS= read -r first; truncate -s $((10000 * 64)) "$T/changing.txt"; printf '%s\n' "$first"; cat; } >"$T/out"
check "--dump of a file truncated while written: exit 74" test "$(cat "$T/rc")" -eq 74
check "--dump of a file truncated while written: it says the file shrank" err_has "shrank"
check "--dump of a file truncated while written: ends with the last line before the cut" \
	test "$(tail -n 1 "$T/out" | cut -c 1-11)" = "Line 10000:"
check "--dump of a file truncated while written: nothing of the lost part" \
	sh -c '! grep -q "Line 10001" "$1" && test "$(tr -d "\000" <"$1" | wc -c)" -eq "$(wc -c <"$1")"' sh "$T/out"
#   Rewritten in place, same size, with OSC 52 and a C1 CSI on every line.
i=1
while [ $i -le 20000 ]; do
	printf 'Line %05d: Alpha said it again................................\n' $i
	i=$((i + 1))
done >"$T/changing.txt"
hostile=$(printf '\033]52;c;UFdORUQ=\007\302\23331m pwned\033]2;title\007...........................')
{ "$BRIEF" --dump --width 80 "$T/changing.txt" </dev/null 2>"$T/err"; echo $? >"$T/rc"; } |
	{ IFS= read -r first
	  i=5000; while [ $i -lt 20000 ]; do printf '%s' "$hostile"; i=$((i + 1)); done |
		dd of="$T/changing.txt" bs=64 seek=5000 conv=notrunc 2>/dev/null
	  printf '%s\n' "$first"; cat; } >"$T/out"
check "--dump of a file rewritten while written: exit 0" test "$(cat "$T/rc")" -eq 0
check "--dump of a file rewritten while written: the rewrite shows, as placeholders" \
	grep -q 'UFdORUQ=' "$T/out"
check "--dump of a file rewritten while written: no ESC, BEL or C1 in the bytes written" \
	sh -c '! LC_ALL=C grep -q "$(printf "[\033\007]")" "$1" && ! LC_ALL=C grep -q "$(printf "\302[\200-\237]")" "$1"' sh "$T/out"
rm -f "$T/changing.txt"

# A file size limit (ulimit -f) makes a write fail with EFBIG, an output
# error like any other: 74 with a message, not death by SIGXFSZ (153).
for opt in --dump "--export json"; do
	# shellcheck disable=SC2086
	(ulimit -f 4 && exec "$BRIEF" $opt) </dev/null >"$T/fsize.out" 2>"$T/err"
	rc=$?
	check "$opt under ulimit -f 4: exit 74" test $rc -eq 74
	check "$opt under ulimit -f 4: a write error on stderr" err_has "write error"
done
rm -f "$T/fsize.out"

# ---- --dump columns line up by display width, not bytes -------------------------------
mkdir "$T/cols"
printf 'Report\n\nCafe met Caf\303\251 and \346\235\261\344\272\254 in July.\n' >"$T/cols/x.txt"
printf 'actor a person "Cafe"\nactor b person "Caf\303\251"\nactor c place "\346\235\261\344\272\254"\n' >"$T/cols/x.brief"
"$BRIEF" --dump "$T/cols/x.txt" </dev/null >"$T/out" 2>"$T/err"
# Each count sits in the same column: the Cafe, Café and 東京 rows are the
# same once the name is replaced by four ASCII columns.
cafe2=$(printf 'Caf\303\251')
tokyo=$(printf '\346\235\261\344\272\254')
check "--dump: actor counts line up after a name with é or CJK" \
	sh -c 'test "$(grep -E "^  (Cafe|$2|$3) " "$1" | sed -e "s/$2/Cafe/" -e "s/$3/Cafe/" |
		sort -u | wc -l)" -eq 1' sh "$T/out" "$cafe2" "$tokyo"

# ---- sibling annotation file ----------------------------------------------------------
mkdir "$T/sib"
printf 'Report\n\nAlpha met Beta in Gamma. Alpha said 5 percent.\n' >"$T/sib/x.txt"
printf 'actor alpha person "Alpha"\nactor beta person "Beta"\n  alias "Gamma"\n' >"$T/sib/x.brief"
"$BRIEF" --dump "$T/sib/x.txt" </dev/null >"$T/out" 2>"$T/err"
rc=$?
check "x.txt with x.brief beside it (exit 0)" test $rc -eq 0
check "x.brief is picked up: [Alpha] and [Gamma] marked" \
	sh -c 'grep -q -F "[Alpha] met [Beta] in [Gamma]" "$1"' sh "$T/out"
"$BRIEF" --export json "$T/sib/x.txt" </dev/null >"$T/out" 2>"$T/err"
check "--export json names x.brief as the annotations" out_has "x.brief"
printf 'Plain Alpha text.\n' >"$T/sib/y.txt"
"$BRIEF" --dump "$T/sib/y.txt" </dev/null >"$T/out" 2>"$T/err"
rc=$?
check "y.txt without y.brief: no marks, exit 0" \
	sh -c 'test "$1" -eq 0 && ! grep -q -F "[Alpha]" "$2"' sh "$rc" "$T/out"
"$BRIEF" --dump -a "$T/sib/x.brief" "$T/sib/y.txt" </dev/null >"$T/out" 2>"$T/err"
check "-a uses the given annotations" out_has "[Alpha]"

# ---- hostile bytes --------------------------------------------------------------------
# ESC [31m, OSC 52 (clipboard), BEL, raw C1 CSI 0x9b, UTF-8 U+009B, U+202E.
printf 'Alpha \033[31mred\033[0m and \033]52;c;aGVsbG8=\007 then \233 31m and \302\233 2J\n' >"$T/evil.txt"
printf 'Beta \342\200\256desrever\342\200\254 done, Alpha again.\n' >>"$T/evil.txt"
printf 'actor alpha person "Alpha"\nactor beta person "Beta"\n' >"$T/evil.brief"
check "the hostile file does hold ESC, BEL, 0x9b and U+202E" \
	sh -c 'od -An -tx1 "$1" | tr -s " \n" "  " | grep -q " 1b " &&
	       od -An -tx1 "$1" | tr -s " \n" "  " | grep -q " 07 " &&
	       od -An -tx1 "$1" | tr -s " \n" "  " | grep -q " 9b " &&
	       od -An -tx1 "$1" | tr -s " \n" "  " | grep -q "e2 80 ae"' sh "$T/evil.txt"
"$BRIEF" --dump "$T/evil.txt" </dev/null >"$T/evil.dump" 2>"$T/err"
rc=$?
check "hostile file --dump (exit 0)" test $rc -eq 0
check "hostile --dump: no ESC byte" sh -c '! od -An -tx1 "$1" | grep -q "1b"' sh "$T/evil.dump"
pycheck "hostile --dump: no ESC, BEL, C1 or bidi control" clean "$T/evil.dump"
check "hostile --dump: text around them kept" grep -q -F "[Alpha] again" "$T/evil.dump"
"$BRIEF" --export json "$T/evil.txt" </dev/null >"$T/evil.json" 2>"$T/err"
rc=$?
check "hostile file --export json (exit 0)" test $rc -eq 0
check "hostile --export json: no ESC byte" sh -c '! od -An -tx1 "$1" | grep -q "1b"' sh "$T/evil.json"
pycheck "hostile --export json: no controls, raw or escaped" clean "$T/evil.json" json
"$BRIEF" --dump --ascii "$T/evil.txt" </dev/null >"$T/out" 2>"$T/err"
pycheck "hostile --dump --ascii: no controls either" clean "$T/out"
cat "$T/evil.txt" | "$BRIEF" --dump >"$T/out" 2>"$T/err"
pycheck "hostile bytes on stdin: none pass" clean "$T/out"

# The README's key table is what --keys prints (both from the action table).
"$BRIEF" --keys </dev/null >"$T/keys" 2>"$T/err"
sed -n '/^## Keys/,/^## /p' "$BRIEF_TESTS/../README.md" | sed -n '/^```$/,/^```$/p' | sed '1d;$d' >"$T/readme-keys"
check "README's key table matches brief --keys" sh -c '[ -s "$1" ] && cmp -s "$1" "$2"' _ "$T/keys" "$T/readme-keys"
"$BRIEF" --keys=man </dev/null >"$T/keys.man" 2>"$T/err"
check "--keys=man gives one .TP entry per action" test "$(grep -c '^\.TP' "$T/keys.man")" -eq "$(wc -l <"$T/keys")"

# Automatic actors: the commentary without its annotations, its draft, the
# options and their usage errors.
cp "$article" "$T/plain.txt"
run 0 "--dump of a text without annotations" --dump "$T/plain.txt"
check "--dump says the actors were found automatically" out_has "ACTORS (found automatically)"
check "--dump lists an actor found by title" out_has "Marco Rubio"
run 0 "--no-auto" --dump --no-auto "$T/plain.txt"
check "--no-auto finds no actors" sh -c '! grep -q "^ACTORS" "$1"' _ "$T/out"
run 0 "--dump --explain" --dump --explain "$T/plain.txt"
check "--explain names the rule" out_has "found: title-cue, sure"
check "--explain marks each mention's rule" out_has "[Rubio]<alias:surname>"
run 0 "--draft" --draft "$T/plain.txt"
cp "$T/out" "$T/plain.brief"
check "the draft starts with the format version" grep -q '^brief 1$' "$T/plain.brief"
run 0 "the draft loads back as FILE.brief" --export json "$T/plain.txt"
check "the reloaded actors come from the annotation" out_has '"source": "annotation"'
run 2 "--draft with --dump" --draft --dump "$T/plain.txt"
check "--draft with --dump named" err_has "--draft cannot be used with --dump or --export"
run 2 "--draft with --no-auto" --draft --no-auto "$T/plain.txt"
run 2 "--explain with --export" --explain --export json "$T/plain.txt"
mkdir -p "$T/cfg/brief"
printf 'actor x nonsense "X"\n' >"$T/cfg/brief/actors.brief"
XDG_CONFIG_HOME=$T/cfg "$BRIEF" --dump "$T/plain.txt" </dev/null >"$T/out" 2>"$T/err"
check "a bad corrections file is exit 65" test $? -eq 65
check "a bad corrections file is named with its line and column" err_has "actors.brief:1:9: unknown kind"

# Memory has a bound whatever the text holds: a text made of figures stops
# being scanned past FIGURES_MAX, and the JSON says where.
if [ $have_python -eq 1 ]; then
	python3 -c 'import sys; sys.stdout.write("1% " * 600000 + "\n")' >"$T/figures.txt"
	run 0 "--export json of 600,000 figures" --export json "$T/figures.txt"
	check "the JSON says where figures stopped being kept" out_has '"figures_stop": 1572864'
	check "and not mentions, which did not" sh -c "! grep -q mentions_stop '$T/out'"
else
	skip "python3 not found: the bound on figures"
fi

echo "1..$n"
[ $failed -eq 0 ] || exit 1
exit 0
