#!/bin/sh
# End-to-end tests of `brief --export notes`: Markdown and JSON from a notes
# file written here, orphans, citation styles, standard input, hostile
# notes, and the exit statuses of a notes file that is corrupt (65), cannot
# be read (66), or of --format out of place (2).
# Environment: BRIEF (the program), BRIEF_ASSETS (assets dir).
# Prints "ok N - what" / "not ok N - what" per check; exits 1 if any failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
BRIEF=${BRIEF:-$here/../../src/brief}
BRIEF_ASSETS=${BRIEF_ASSETS:-$here/../../assets}
LC_ALL=C.UTF-8
export LC_ALL

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
check() {
	what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
diag() { sed -e 's/^/# /' "$1" | head -n "${2:-8}"; }

if [ ! -x "$BRIEF" ]; then
	echo "1..0 # SKIP $BRIEF not built"
	exit 77
fi
article=$BRIEF_ASSETS/commentary.txt
[ -r "$article" ] || { echo "Bail out! no $article"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/brief-notes.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP
XDG_STATE_HOME=$T/state
HOME=$T
export XDG_STATE_HOME HOME
notes=$XDG_STATE_HOME/brief/notes
mkdir -p "$XDG_STATE_HOME/brief"

# run STATUS WHAT ARGS...: stdin /dev/null, out in $T/out, err in $T/err.
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
		diag "$T/out"
	fi
}
out_has() { grep -q -F -- "$1" "$T/out"; }
err_has() { grep -q -F -- "$1" "$T/err"; }
err_empty() { [ ! -s "$T/err" ]; }

# ---- no notes ----------------------------------------------------------------
run 0 "--export notes with no notes file" --export notes
check "a heading from the header" out_has "# Notes: Commentary"
check "the byline and source under it" out_has "Cai Liang · Global Times"
check "says there are none" out_has "No notes on this document."
check "the citation at the end" sh -c 'tail -n 1 "$1" | grep -q -F -- "— Cai Liang, *Commentary*, Global Times"' _ "$T/out"
check "nothing on stderr" err_empty

# ---- notes written here, for the bundled commentary ----------------------------
sentence='In response, Seoul'"'"'s Foreign Ministry said that Rubio'"'"'s visit to South Korea appears to be "difficult" to arrange in the near future.'
quoted=$(printf '%s' "$sentence" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
{
	echo 'brief-notes 1'
	echo 'doc "/some/other.txt"'
	echo 'note 00000000000000aa 5 "Other." "not this one"'
	echo 'doc "(bundled commentary)"'
	echo "note 0000000000000001 999999 \"$quoted\" \"Why *difficult*?\""
	echo 'note 0000000000000002 12 "A sentence the article never had." "lost \\x1b"'
	printf 'note 0000000000000003 3 "Esc \\x1b[31m in it" "red \\x1b]52;c;SGk=\\x07 bell"\n'
} >"$notes"
run 0 "--export notes" --export notes
check "the quotation as a block quote" out_has "> $sentence"
check "with its line" out_has "> — line 12"
check "and its note, Markdown escaped" out_has 'Why \*difficult\*?'
check "orphans under their own heading" out_has "## Orphaned notes"
check "an orphan's sentence is kept" out_has "> A sentence the article never had."
check "another document's note is not listed" sh -c '! grep -q "not this one" "$1"' _ "$T/out"
check "no control character reaches the output" sh -c '! LC_ALL=C grep -q "$(printf "[\001-\010\013-\037\177]")" "$1"' _ "$T/out"
check "an escape in a note is shown as its picture" out_has "red ␛\\]52;c;SGk=␇ bell"
check "found notes come before the orphans" sh -c 'a=$(grep -n "^> In response" "$1" | cut -d: -f1); b=$(grep -n "^## Orphaned" "$1" | cut -d: -f1); [ "$a" -lt "$b" ]' _ "$T/out"

run 0 "--export notes --format=markdown is the default" --export notes --format=markdown
cp "$T/out" "$T/md"
"$BRIEF" --export notes </dev/null >"$T/md2" 2>/dev/null
check "the same bytes" cmp -s "$T/md" "$T/md2"

run 0 "--export notes --cite=apa" --export notes --cite=apa
check "an APA reference at the end" sh -c 'tail -n 1 "$1" | grep -q -F -- "Cai, L. (n.d.). Commentary. Global Times."' _ "$T/out"

run 0 "--export notes --format json" --export notes --format json
if command -v python3 >/dev/null 2>&1; then
	check "the JSON parses, with what Markdown has" python3 - "$T/out" "$sentence" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
notes = d["notes"]
assert d["document"]["section"] == "Commentary" and d["document"]["id"] == "(bundled commentary)", d["document"]
assert d["citation"].startswith("\u2014 Cai Liang"), d["citation"]
found = [x for x in notes if not x["orphaned"]]
orph = [x for x in notes if x["orphaned"]]
assert len(found) == 1 and len(orph) == 2, notes
f = found[0]
assert f["quote"] == sys.argv[2] and f["note"] == "Why *difficult*?" and f["line"] == 12, f
assert f["id"] == "0000000000000001"
assert all(x["line"] is None and x["start"] is None for x in orph), orph
EOF
	check "JSON offsets are the file's bytes" python3 - "$T/out" "$article" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
f = [x for x in d["notes"] if not x["orphaned"]][0]
raw = open(sys.argv[2], "rb").read()
assert raw[f["start"]:f["end"]].decode() == f["quote"], raw[f["start"]:f["end"]]
EOF
fi

# ---- a named file, and standard input ----------------------------------------
cp "$article" "$T/article.txt"
run 0 "--export notes FILE: its own notes (none yet)" --export notes "$T/article.txt"
check "none for the copy" out_has "No notes on this document."
check "the citation names the file" out_has "$T/article.txt"
real=$(cd "$T" && pwd -P)/article.txt
printf 'doc "%s"\nnote 0000000000000009 0 "Since early 2025, the US has been brandishing the weapon of \\"reciprocal tariffs\\" across the globe." "tariffs"\n' "$real" >>"$notes"
run 0 "--export notes FILE, named another way" --export notes "$T/./article.txt"
check "the file's notes, by its real path" out_has "> — line 17"
"$BRIEF" --export notes - <"$T/article.txt" >"$T/out" 2>"$T/err"
check "standard input: exit 0" test $? -eq 0
check "standard input has notes of its own" out_has "No notes on this document."

# ---- bad notes files -----------------------------------------------------------
cp "$notes" "$T/good-notes"
printf 'note 00000000000000zz 1 "x" "y"\n' >>"$notes"
run 65 "a line not understood" --export notes
check "says FILE:LINE:COLUMN" err_has "$notes:10:6: expected an id of 16 hex digits"
check "the notes understood are still printed" out_has "Why \*difficult\*?"
rm -f "$notes"
mkfifo "$notes"
timeout 10 "$BRIEF" --export notes </dev/null >"$T/out" 2>"$T/err"
rc=$?
check "a FIFO is not waited on: exit 66" test "$rc" -eq 66
check "a FIFO: says what it is" err_has "a FIFO, not a regular file"
check "a FIFO: nothing printed" test ! -s "$T/out"
rm -f "$notes"
printf 'brief-notes 2\n' >"$notes"
run 66 "a newer notes file" --export notes
check "says so" err_has "written by a newer brief"
cp "$T/good-notes" "$notes"

run 2 "--format json without --export notes" --format json --dump
check "says what --format goes with" err_has "goes with --export notes"
run 2 "--format of no kind" --export notes --format yaml
check "names the values" err_has "json or markdown with --export notes"
run 2 "--export of no kind" --export csv
check "names notes among the exports" err_has "or notes)"
run 2 "--cite of no style" --cite mla
check "names the styles" err_has "expected plain, markdown or apa"

# ---- an output error ---------------------------------------------------------------
if [ -w /dev/full ]; then
	"$BRIEF" --export notes </dev/null >/dev/full 2>"$T/err"
	check "a full disk: exit 74" test $? -eq 74
fi

# A directory name holding a C1 CSI and a right-to-left override: the JSON's
# "id" (the real path) is written sanitised, as "name" is.
evil="$T/$(printf 'evil\342\200\256dir\302\23331m')"
mkdir -p "$evil" && cp "$article" "$evil/a.txt"
run 0 "--export notes --format json of a file in a hostile directory" --export notes --format json "$evil/a.txt"
check "no C1 control or bidi override in the JSON" sh -c '! LC_ALL=C grep -q "$(printf "\302\233\\|\342\200\256")" "$1"' sh "$T/out"
check "the id is there, sanitised" out_has '"id": "'

echo "1..$n"
exit "$failed"
