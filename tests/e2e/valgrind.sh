#!/bin/sh
# Runs brief under valgrind: --dump, --export json, bad input, and a scripted
# interactive session in tmux.  Any error or definite leak fails.
# Usage: valgrind.sh PATH/TO/brief
set -u
BRIEF=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'tmux -L brief-vg kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_STATE_HOME=$tmp/state LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite"
fails=0
n=0
check() {
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fails=$((fails + 1)); fi
}

$vg "$BRIEF" --dump --width 70 >/dev/null 2>"$tmp/err1"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/err1" ]; check $? "--dump clean under valgrind (rc $rc)"
$vg "$BRIEF" --export json >/dev/null 2>"$tmp/err2"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/err2" ]; check $? "--export json clean under valgrind (rc $rc)"
printf 'bad\x1b[31m\xff\xc0\xaf text\r\n' > "$tmp/bad.txt"
printf 'actor x planet "X"\n' > "$tmp/bad.brief"
$vg "$BRIEF" --dump "$tmp/bad.txt" >/dev/null 2>"$tmp/err3"; rc=$?
[ $rc -eq 65 ] && ! grep -q '==[0-9]*==' "$tmp/err3"; check $? "bad annotation file: status 65, no valgrind error (rc $rc)"
$vg "$BRIEF" --dump "$tmp/missing.txt" >/dev/null 2>"$tmp/err4"; rc=$?
[ $rc -eq 66 ] && ! grep -q '==[0-9]*==' "$tmp/err4"; check $? "missing file: status 66, no valgrind error (rc $rc)"

if command -v tmux >/dev/null 2>&1; then
	tmux -L brief-vg new-session -d -x 100 -y 30 \
		"$vg --log-file=$tmp/vg.log $BRIEF; echo EXIT=\$? > $tmp/exit"
	wait_for() {  # up to ~60 s under valgrind
		i=0
		while [ $i -lt 600 ]; do
			tmux -L brief-vg capture-pane -p 2>/dev/null | grep -q "$1" && return 0
			[ -f "$tmp/exit" ] && return 1
			i=$((i + 1)); sleep 0.1
		done
		return 1
	}
	wait_for 'h help'; check $? "interactive session painted under valgrind"
	for k in j j ']' ']' Tab Enter n n N Tab Tab Enter / I S H I B A Enter n s c c s G g 5 0 p q; do
		tmux -L brief-vg send-keys "$k"
	done
	i=0
	while [ ! -f "$tmp/exit" ] && [ $i -lt 600 ]; do i=$((i + 1)); sleep 0.1; done
	grep -q 'EXIT=0' "$tmp/exit" 2>/dev/null; check $? "interactive session exits 0"
	[ -f "$tmp/vg.log" ] && ! grep -q -E 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|Invalid|uninitialised' "$tmp/vg.log"
	check $? "interactive session: no valgrind error, nothing definitely lost"
	[ -s "$tmp/vg.log" ] && cat "$tmp/vg.log"
fi
echo "$((n - fails)) passed, $fails failed"
[ $fails -eq 0 ]
