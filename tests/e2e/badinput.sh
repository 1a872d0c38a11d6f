#!/bin/sh
# Bad input for the brief program: each hostile, broken or unusual input is
# run through `brief --dump --width 80` and `brief --export json`, and the
# exit status and the output are checked.  Whatever the input, standard
# output must be valid UTF-8 with no ESC, no C1 control (U+0080..U+009F) and
# no bidi control (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C);
# --dump lines fit 80 columns; JSON parses.  Exit statuses: 0 for any
# readable file, 66 for what cannot be read, 65 for a bad annotation file
# (with FILE:LINE:COL: on stderr).
# Environment: BRIEF (the built program), HOME (a throwaway folder).
# Prints "ok N - what" / "not ok N - what"; exits 1 if any check failed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
BRIEF=${BRIEF:-$here/../../src/brief}
LC_ALL=C.UTF-8
export LC_ALL
unset NO_COLOR

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
skip() { n=$((n + 1)); echo "ok $n - # skip $1"; }
# Show the first lines of a file as comments, any non-ASCII byte or control
# shown as '?' (the file may hold what the test is about).
diag() { head -n "${2:-5}" "$1" | LC_ALL=C tr -c '\11\12\40-\176' '?' | cut -c 1-200 | sed -e 's/^/# /'; }

if [ ! -x "$BRIEF" ]; then
	echo "1..0 # SKIP $BRIEF not built"
	exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "1..0 # SKIP python3 is needed to check the output bytes"
	exit 77
fi
if command -v timeout >/dev/null 2>&1; then
	TIMEOUT="timeout 60"
else
	TIMEOUT=""
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/brief-bad.XXXXXX") || exit 1
cleanup() {
	chmod -R u+rwx "$T" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
[ -n "${HOME:-}" ] && [ -d "${HOME:-}" ] || HOME=$T
export HOME

# ---- the output checker ----------------------------------------------------------
cat >"$T/check.py" <<'EOF'
import sys
from outcheck import check_clean, cols, fail

# check.py MODE FILE [WIDTH]: MODE is dump, json or text (any output).
mode, path = sys.argv[1], sys.argv[2]
s, d = check_clean(path, mode == 'json')
if mode == 'json':
    if not isinstance(d, dict) or 'document' not in d:
        fail('JSON has no "document"')
elif mode == 'dump':
    w = int(sys.argv[3])
    for i, line in enumerate(s.split('\n'), 1):
        if cols(line) > w:
            fail('line %d is %d columns wide (width %d): %r' % (i, cols(line), w, line[:100]))
EOF

# py_ok MODE FILE [WIDTH]: ok when check.py accepts the file.
py_ok() {
	PYTHONPATH="$here" python3 "$T/check.py" "$@" 2>"$T/pyerr"
}

# run_brief OUT ERR ARGS...: run brief with a time bound; status in $rc.
run_brief() {
	out=$1
	err=$2
	shift 2
	$TIMEOUT "$BRIEF" "$@" </dev/null >"$out" 2>"$err"
	rc=$?
}

# bad WANT WHAT FILE [ARGS...]: --dump --width 80 and --export json of FILE
# exit WANT; their stdout is clean; with WANT 0 the dump fits 80 columns and
# the JSON parses; otherwise something is said on stderr.
bad() {
	want=$1
	what=$2
	file=$3
	shift 3
	for mode in dump json; do
		if [ "$mode" = dump ]; then
			opt="--dump --width 80"
			run_brief "$T/out" "$T/err" "$@" --dump --width 80 "$file"
		else
			opt="--export json"
			run_brief "$T/out" "$T/err" "$@" --export json "$file"
		fi
		if [ "$rc" -eq 124 ]; then
			not_ok "$what: $opt timed out (60 s)"
			continue
		fi
		if [ "$rc" -ne "$want" ]; then
			not_ok "$what: $opt exit $rc, expected $want"
			diag "$T/err"
			continue
		fi
		if [ "$want" -eq 0 ]; then
			check_mode=$mode
			[ -s "$T/err" ] && { not_ok "$what: $opt wrote to stderr"; diag "$T/err"; continue; }
		else
			check_mode=text
			[ -s "$T/err" ] || { not_ok "$what: $opt exit $rc but no message"; continue; }
			# The message goes to a terminal too: nothing may drive it.
			if ! py_ok text "$T/err"; then
				not_ok "$what: $opt message on stderr is not clean"
				diag "$T/pyerr"
				continue
			fi
		fi
		if py_ok "$check_mode" "$T/out" 80; then
			ok "$what: $opt exit $want, output clean"
		else
			not_ok "$what: $opt output"
			diag "$T/pyerr"
		fi
	done
}

# ---- files with hostile or broken content --------------------------------------------
f=$T/empty.txt
: >"$f"
bad 0 "empty file" "$f"

printf '\n\n\n\n\n\n\n\n\n\n' >"$T/newlines.txt"
bad 0 "only newlines" "$T/newlines.txt"

printf 'before\000\000NUL\000after\n\000\n' >"$T/nul.txt"
bad 0 "NUL bytes" "$T/nul.txt"

# 10 MB on one line without a space: must wrap in bounded time.
python3 -c 'import sys; sys.stdout.write("x" * (10 * 1024 * 1024))' >"$T/long.txt"
bad 0 "a 10 MB line without spaces" "$T/long.txt"

printf 'overlong \300\257 \340\200\257 \360\200\200\257 surrogate \355\240\200 big \364\220\200\200 ' >"$T/utf8.txt"
printf 'stray \200\277 \376\377 five \370\210\200\200\200 cut \342\202 end \360\237\230\n' >>"$T/utf8.txt"
bad 0 "invalid and overlong UTF-8" "$T/utf8.txt"

printf 'C0 \001\002\003\004\005\006\007\010\013\014\016\017\020\021\022\023\024\025\026\027\030\031\032\034\035\036\037 DEL \177\n' >"$T/c0.txt"
bad 0 "C0 controls and DEL" "$T/c0.txt"

printf 'raw C1 \200 \205 \220 \233 31m \235 52;c;eA== \234 \237\n' >"$T/c1.txt"
printf 'encoded C1 \302\200 \302\205 \302\220 \302\2332J \302\235 \302\234 \302\237\n' >>"$T/c1.txt"
bad 0 "C1 controls, raw and UTF-8 encoded" "$T/c1.txt"

printf 'Some \033[31mred\033[0m text\n' >"$T/csi.txt"
bad 0 "ESC CSI colour" "$T/csi.txt"
printf '\033[1;4;5;7;38;5;196;48;2;0;0;255mSGR\033[m \033[2J\033[H\033[?1049h\033[?25l\033[6n\n' >"$T/sgr.txt"
bad 0 "ESC SGR, clear screen, alternate screen, cursor report" "$T/sgr.txt"
printf 'copy \033]52;c;SGVsbG8=\007 and \033]52;p;?\033\\ done\n' >"$T/osc52.txt"
bad 0 "OSC 52 clipboard write and query" "$T/osc52.txt"
printf 'a \033]8;;http://evil.example/\033\\link\033]8;;\033\\ b \033]0;window title\007\n' >"$T/osc8.txt"
bad 0 "OSC 8 hyperlink and OSC 0 title" "$T/osc8.txt"
printf 'x \033P1$qm\033\\ y \033P+q544e\033\\ \033_apc\033\\ \033^pm\033\\ z\n' >"$T/dcs.txt"
bad 0 "DCS, APC and PM strings" "$T/dcs.txt"
printf 'text then \033]2;this title never ends and eats the rest\nsecond line\n' >"$T/osc-open.txt"
bad 0 "an unterminated OSC" "$T/osc-open.txt"

printf 'abc \342\200\256evil\342\200\254 \342\201\246iso\342\201\251 \342\200\216\342\200\217\330\234 ' >"$T/bidi.txt"
printf '\342\200\252\342\200\253\342\200\255 \342\201\247\342\201\250 end\n' >>"$T/bidi.txt"
bad 0 "bidi controls (U+202E, U+2066, ...)" "$T/bidi.txt"

printf 'family \360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247 flag \360\237\217\263\357\270\217\342\200\215\360\237\214\210 lone \342\200\215 zw \342\200\213\342\201\240\n' >"$T/zwj.txt"
bad 0 "ZWJ sequences, lone ZWJ, zero-width space" "$T/zwj.txt"

python3 -c 'import sys; sys.stdout.buffer.write(("base e" + "\u0301" * 500 + " next\n").encode())' >"$T/marks.txt"
bad 0 "500 combining marks on one base" "$T/marks.txt"

printf '\357\273\277BOM at the start\n\357\273\277and one inside\n' >"$T/bom.txt"
bad 0 "byte order marks" "$T/bom.txt"

printf 'one\r\ntwo\r\nthree\r\n\r\n' >"$T/crlf.txt"
bad 0 "CRLF line ends" "$T/crlf.txt"
printf 'one\rtwo\rthree\r\rfour' >"$T/cr.txt"
bad 0 "CR-only line ends" "$T/cr.txt"

# Spaces before a combining mark: the mark joins the last space's cluster.
python3 -c 'import sys; sys.stdout.buffer.write(("a" + " " * 200 + "\u0301b then words\n").encode())' >"$T/spacemark.txt"
bad 0 "200 spaces then a combining mark" "$T/spacemark.txt"

if [ -r /bin/ls ]; then
	head -c 100000 /bin/ls >"$T/binary"
	bad 0 "a binary file (100 KB of /bin/ls)" "$T/binary"
else
	skip "no /bin/ls for a binary file"
	skip "no /bin/ls for a binary file"
fi

# ---- files that are not regular files, or cannot be read ------------------------------
mkdir "$T/dir"
bad 66 "a directory" "$T/dir"
bad 66 "a missing path" "$T/no/such/file.txt"
# The path is echoed in the message: a hostile name must not reach the terminal.
bad 66 "a missing path named with OSC 52 and U+202E" "$T/$(printf 'no\033]52;c;eA==\007such\342\200\256txt.')"

# A name is one line of a message: a line feed or tab in it (a path, an
# option) must not start a second "brief: ..." line in a log or cron mail.
# one_line WHAT LINES ARGS...: brief exits non-zero, stderr has LINES lines,
# none of them the forged one, and is clean.
one_line() {
	what=$1
	lines=$2
	shift 2
	run_brief "$T/out" "$T/err" "$@"
	got=$(wc -l <"$T/err")
	if [ "$rc" -eq 0 ]; then
		not_ok "$what: exit 0"
	elif [ "$got" -ne "$lines" ] || grep -q '^brief: forged' "$T/err"; then
		not_ok "$what: $got lines on stderr, expected $lines"
		diag "$T/err"
	elif ! py_ok text "$T/err"; then
		not_ok "$what: message not clean"
		diag "$T/pyerr"
	else
		ok "$what: one line, exit $rc"
	fi
}
nl='
'
one_line "a missing path with a line feed in its name" 1 --dump "$T/no${nl}brief: forged"
one_line "a missing path with a tab and a line feed (--export)" 1 --export json "$T/no	x${nl}brief: forged"
one_line "annotations at a missing path with a line feed" 1 --dump -a "$T/no${nl}brief: forged.brief" "$T/nul.txt"
one_line "an unknown option with a line feed" 2 "--no-such${nl}brief: forged"
one_line "a bad width with a line feed" 2 --dump --width "9${nl}brief: forged" "$T/nul.txt"
# The reader's corrections file is named in its errors: its folder may hold one.
cfg="$T/cfg${nl}brief: forged"
mkdir -p "$cfg/brief" && printf 'actor x nonsense "X"\n' >"$cfg/brief/actors.brief"
saved_cfg=${XDG_CONFIG_HOME-}
export XDG_CONFIG_HOME="$cfg"
one_line "a bad corrections file in a folder with a line feed" 1 --dump "$T/nul.txt"
export XDG_CONFIG_HOME="$saved_cfg"

# Endless input read to its end stops at 256 MiB with a message, not when
# the memory runs out; annotations at 16 MiB.
if [ -r /dev/zero ]; then
	bad 66 "/dev/zero as the article (endless)" /dev/zero
	printf 'Alpha met Beta.\n' >"$T/zero-article.txt"
	bad 65 "/dev/zero as the annotations (endless)" "$T/zero-article.txt" -a /dev/zero
else
	skip "no /dev/zero"
	skip "no /dev/zero"
	skip "no /dev/zero"
	skip "no /dev/zero"
fi

# A regular file too large to map under a limit on address space is not a
# pipe: out of memory (71), said as such, not "save it to a file".  A
# sanitizer build reserves terabytes of shadow memory and cannot start under
# any such limit: then brief --version fails too, and the check is skipped.
truncate -s 1G "$T/huge.txt" 2>/dev/null || : >"$T/huge.txt"
if [ "$(wc -c <"$T/huge.txt")" -gt 0 ] && (ulimit -v 600000 && "$BRIEF" --version) >/dev/null 2>&1; then
	for opt in --dump "--export json"; do
		# shellcheck disable=SC2086
		(ulimit -v 600000 && exec $TIMEOUT "$BRIEF" $opt "$T/huge.txt") </dev/null >"$T/out" 2>"$T/err"
		rc=$?
		if [ "$rc" -ne 71 ]; then
			not_ok "a 1 GiB file under ulimit -v: $opt exit $rc, expected 71"
			diag "$T/err"
		elif grep -q 'save it to a file' "$T/err" || ! grep -q 'cannot map' "$T/err"; then
			not_ok "a 1 GiB file under ulimit -v: $opt message"
			diag "$T/err"
		elif [ -s "$T/out" ]; then
			not_ok "a 1 GiB file under ulimit -v: $opt wrote to stdout"
		else
			ok "a 1 GiB file under ulimit -v: $opt exit 71, cannot map"
		fi
	done
else
	skip "a 1 GiB file under ulimit -v: no sparse file, or brief cannot start under the limit"
	skip "a 1 GiB file under ulimit -v: no sparse file, or brief cannot start under the limit"
fi
rm -f "$T/huge.txt"

# A FIFO with a writer in the background, once for each mode.
if mkfifo "$T/fifo" 2>/dev/null; then
	for mode in dump json; do
		if [ "$mode" = dump ]; then opt="--dump"; else opt="--export json"; fi
		( printf 'Through a \033[31mFIFO\033[0m, 25 percent in early July.\n' >"$T/fifo" ) &
		wpid=$!
		if [ "$mode" = dump ]; then
			run_brief "$T/out" "$T/err" --dump --width 80 "$T/fifo"
		else
			run_brief "$T/out" "$T/err" --export json "$T/fifo"
		fi
		# Reap the writer (killed if brief never opened the FIFO).
		kill "$wpid" 2>/dev/null
		wait "$wpid" 2>/dev/null
		if [ "$rc" -ne 0 ]; then
			not_ok "a FIFO: $opt exit $rc, expected 0"
			diag "$T/err"
		elif ! py_ok "$mode" "$T/out" 80; then
			not_ok "a FIFO: $opt output"
			diag "$T/pyerr"
		elif [ "$mode" = dump ] && ! grep -q 'FIFO' "$T/out"; then
			not_ok "a FIFO: --dump did not show what was written"
		else
			ok "a FIFO: $opt exit 0, output clean"
		fi
	done
else
	skip "mkfifo failed"
	skip "mkfifo failed"
fi

# An unreadable file.  root reads anything, so as root the check runs as
# nobody (uid 65534) through setpriv or su.
printf 'secret\n' >"$T/unreadable.txt"
chmod 000 "$T/unreadable.txt"
as_user=""
if [ "$(id -u)" -ne 0 ]; then
	as_user=direct
elif command -v setpriv >/dev/null 2>&1 &&
	setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	as_user=setpriv
elif command -v su >/dev/null 2>&1 && su nobody -s /bin/sh -c true 2>/dev/null; then
	as_user=su
fi
# as nobody, brief must be reachable and the folder searchable.
if [ "$as_user" = setpriv ] || [ "$as_user" = su ]; then
	chmod 711 "$T"
	if [ "$as_user" = setpriv ]; then
		setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$BRIEF" || as_user=""
	else
		su nobody -s /bin/sh -c 'test -x "$1"' sh "$BRIEF" || as_user=""
	fi
fi
if [ -z "$as_user" ]; then
	skip "unreadable file: running as root without setpriv or su to drop to nobody (or nobody cannot run $BRIEF)"
	skip "unreadable file: running as root without setpriv or su to drop to nobody (or nobody cannot run $BRIEF)"
else
	for mode in dump json; do
		if [ "$mode" = dump ]; then set -- --dump --width 80; else set -- --export json; fi
		opt=$*
		case $as_user in
		direct) $TIMEOUT "$BRIEF" "$@" "$T/unreadable.txt" </dev/null >"$T/out" 2>"$T/err" ;;
		setpriv) HOME=/nonexistent $TIMEOUT setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$BRIEF" "$@" "$T/unreadable.txt" </dev/null >"$T/out" 2>"$T/err" ;;
		su) $TIMEOUT su nobody -s /bin/sh -c 'HOME=/nonexistent exec "$@"' sh "$BRIEF" "$@" "$T/unreadable.txt" \
			</dev/null >"$T/out" 2>"$T/err" ;;
		esac
		rc=$?
		if [ "$rc" -ne 66 ]; then
			not_ok "unreadable file ($as_user): $opt exit $rc, expected 66"
			diag "$T/err"
		elif ! grep -q 'unreadable.txt' "$T/err"; then
			not_ok "unreadable file ($as_user): $opt message does not name the file"
			diag "$T/err"
		elif ! py_ok text "$T/out"; then
			not_ok "unreadable file ($as_user): $opt output"
			diag "$T/pyerr"
		else
			ok "unreadable file ($as_user): $opt exit 66"
		fi
	done
	chmod 700 "$T"
fi

# ---- bad annotation files: 65 and FILE:LINE:COL: ----------------------------------------
printf 'Alpha met Beta in early July.\n' >"$T/article.txt"
# annot WHAT LINE:COL CONTENT (printf format): both modes exit 65, stderr has
# bad.brief:LINE:COL: and stays clean, stdout is empty.
annot() {
	what=$1
	where=$2
	# shellcheck disable=SC2059
	printf "$3" >"$T/bad.brief"
	for mode in dump json; do
		if [ "$mode" = dump ]; then set -- --dump --width 80; else set -- --export json; fi
		opt=$*
		run_brief "$T/out" "$T/err" "$@" -a "$T/bad.brief" "$T/article.txt"
		if [ "$rc" -ne 65 ]; then
			not_ok "annotation $what: $opt exit $rc, expected 65"
			diag "$T/err"
		elif ! grep -q -F "bad.brief:$where: " "$T/err"; then
			not_ok "annotation $what: $opt message lacks bad.brief:$where:"
			diag "$T/err"
		elif [ -s "$T/out" ]; then
			not_ok "annotation $what: $opt wrote to stdout"
		elif ! py_ok text "$T/err"; then
			not_ok "annotation $what: $opt message is not clean"
			diag "$T/pyerr"
		else
			ok "annotation $what: $opt exit 65, bad.brief:$where:"
		fi
	done
}
annot "unknown keyword" 3:1 'brief 1\nactor a person "Alpha"\nbogus keyword\n'
annot "unterminated string" 2:16 'brief 1\nactor a person "Alpha\n'
annot "unknown kind" 1:9 'actor a persn "Alpha"\n'
annot "duplicate id" 2:7 'actor a person "Alpha"\nactor a person "Beta"\n'
annot "quote not found" 2:8 'actor a person "Alpha"\nfigure "no such text" "meaning"\n'
annot "invalid UTF-8" 1:19 'actor a person "Al\377pha"\n'
annot "ESC in a keyword line" 1:1 '\033[31mactor a person "Alpha"\n'
annot "quote not found, bidi and C1 in it" 1:8 'figure "\342\200\256x\302\233y" "m"\n'

echo "1..$n"
[ "$failed" -eq 0 ] || exit 1
exit 0
