#!/bin/sh
# Real-terminal checks of brief in a tmux pane: quitting, suspending, dying of
# SIGHUP/SIGTERM must all leave the terminal as it was; a pipe on stdin still
# takes keys from the terminal; scrolling beside the panel keeps both intact,
# and at full width the title and comparison.  Conditions are polled (bounded), never slept
# for.  Prints TAP-like "ok N - ..." lines; exit 1 on a failure, 77 if tmux is
# missing.
set -u

if ! command -v tmux >/dev/null 2>&1; then
	echo "# tmux not found: skipping the real-terminal tests"
	exit 77
fi
: "${BRIEF:?set BRIEF to the brief binary}"
BRIEF_ASSETS=${BRIEF_ASSETS:-$(dirname "$0")/../../assets}
LANG=C.UTF-8 LC_ALL=C.UTF-8
export LANG LC_ALL
unset NO_COLOR LINES COLUMNS TMUX

SOCK="brief-e2e-$$"
T="tmux -L $SOCK -f /dev/null"
TMPD=$(mktemp -d)
trap '$T kill-server >/dev/null 2>&1; rm -rf "$TMPD"' EXIT INT TERM HUP
export HOME="$TMPD" XDG_STATE_HOME="$TMPD/state"

n=0
failed=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() {
	n=$((n + 1)); failed=1
	echo "not ok $n - $1"
	echo "# pane:"
	$T capture-pane -p -t e2e 2>/dev/null | sed 's/^/#   /'
}
check() { # check DESCRIPTION COMMAND...
	desc=$1; shift
	if "$@"; then pass "$desc"; else fail "$desc"; fi
}

pane() { $T capture-pane -p -t e2e; }
fmt() { $T display -p -t e2e "$1"; }

# Poll for up to ~5 s until the pane shows a fixed string.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		if pane | grep -qF -- "$1"; then return 0; fi
		i=$((i + 1)); sleep 0.05
	done
	return 1
}
# Until the pane does not show the string any more.
wait_gone() {
	i=0
	while [ $i -lt 100 ]; do
		if ! pane | grep -qF -- "$1"; then return 0; fi
		i=$((i + 1)); sleep 0.05
	done
	return 1
}
# Until a tmux format has a value.
wait_fmt() {
	i=0
	while [ $i -lt 100 ]; do
		[ "$(fmt "$1")" = "$2" ] && return 0
		i=$((i + 1)); sleep 0.05
	done
	return 1
}
# Until the last line (brief's status line) matches an ERE.
wait_status() {
	i=0
	while [ $i -lt 100 ]; do
		if pane | grep -v '^$' | tail -n 1 | grep -qE -- "$1"; then return 0; fi
		i=$((i + 1)); sleep 0.05
	done
	return 1
}
# The pid of the program the pane's shell runs in the foreground (whatever
# the binary is called).
brief_pid() {
	sh_pid=$(fmt '#{pane_pid}')
	i=0
	while [ $i -lt 100 ]; do
		# The shell's only child while the reader runs (echo is a builtin).
		p=$(ps -o pid= --ppid "$sh_pid" 2>/dev/null | awk 'NR == 1 { print $1 }')
		[ -n "$p" ] && { echo "$p"; return 0; }
		i=$((i + 1)); sleep 0.05
	done
	return 1
}
# ^U first: a key sent in case a program still ran may wait at the prompt.
clear_pane() { $T send-keys -t e2e C-u 'clear' Enter; wait_gone 'EXIT=' ; }
run_brief() { # run_brief "ARGS or pipeline" : type it at the shell prompt
	clear_pane
	$T send-keys -t e2e "$1; echo EXIT=\$?" Enter
}
reader_up() {
	wait_for 'US Secretary of State' && wait_status 'h help' && wait_fmt '#{alternate_on}' 1
}
terminal_restored() {
	wait_fmt '#{alternate_on}' 0 && wait_fmt '#{cursor_flag}' 1
}

# An interactive shell with job control, a plain prompt.
$T new-session -d -s e2e -x 100 -y 30 "env PS1='e2e\$ ' sh -i" || { echo "not ok 1 - tmux new-session"; exit 1; }
$T set -g -t e2e remain-on-exit on >/dev/null
wait_for 'e2e$' || { fail "the shell did not start"; exit 1; }

# 1. Start, keys, quit.
run_brief "'$BRIEF' --no-state"
check "brief draws the article in a real terminal" reader_up
$T send-keys -t e2e j
$T send-keys -t e2e ']'
check "] names a mention on the status line" wait_status ' [0-9]+/[0-9]+ '
$T send-keys -t e2e q
check "q exits with status 0" wait_for 'EXIT=0'
check "q leaves the alternate screen and shows the cursor" terminal_restored
check "no reader screen is left in the pane" wait_gone 'h help'

# 2. Suspend and resume.
run_brief "'$BRIEF' --no-state"
reader_up || fail "brief did not start for ^Z"
$T send-keys -t e2e C-z
check "^Z gives the shell back" wait_for 'Stopped'
check "^Z leaves the alternate screen and shows the cursor" terminal_restored
# The shell already printed EXIT=148 for the stop: fg reports the real end.
$T send-keys -t e2e 'fg; echo EXIT=$?' Enter
check "fg brings the reader screen back" reader_up
check "fg redraws the panel too" wait_for 'ACTORS'
$T send-keys -t e2e j
check "keys work after fg" wait_status '%|END'
$T send-keys -t e2e q
check "q after fg exits 0" wait_for 'EXIT=0'
check "the terminal is restored after fg and q" terminal_restored

# 3. SIGHUP and SIGTERM leave a usable terminal.
for sig in HUP TERM; do
	case $sig in HUP) want=129 ;; TERM) want=143 ;; esac
	run_brief "'$BRIEF' --no-state"
	reader_up || fail "brief did not start for SIG$sig"
	pid=$(brief_pid) || { fail "no brief process for SIG$sig"; continue; }
	kill -"$sig" "$pid"
	check "kill -$sig exits with status $want" wait_for "EXIT=$want"
	check "after SIG$sig the alternate screen is off" wait_fmt '#{alternate_on}' 0
	check "after SIG$sig the cursor is visible" wait_fmt '#{cursor_flag}' 1
	check "after SIG$sig no reader screen is left" wait_gone 'h help'
done

# 4. The article on a pipe: keys come from the terminal.
run_brief "cat '$BRIEF_ASSETS/commentary.txt' | '$BRIEF' --no-state"
check "a piped article is shown" reader_up
$T send-keys -t e2e G
check "keys work with the article on a pipe (G shows END)" wait_status 'END'
$T send-keys -t e2e q
check "q exits 0 with the article on a pipe" wait_for 'EXIT=0'
check "the terminal is restored after the piped run" terminal_restored

# scroll_by_3 LIST FIRST: LIST prints the article's rows, FIRST the first of
# them that scrolls.  Sends j j j and waits until that row shows what row
# FIRST+3 showed (the frame is in), then leaves in $TMPD what must match:
# kept.want (the rows that stay on screen, before) and kept.got (after).
scroll_by_3() {
	$1 > "$TMPD/before"
	want=$(sed -n "$(($2 + 3))p" "$TMPD/before")
	$T send-keys -t e2e j j j
	i=0
	while [ $i -lt 100 ] && [ "$($1 | sed -n "$2p")" != "$want" ]; do
		i=$((i + 1)); sleep 0.05
	done
	$1 > "$TMPD/after"
	total=$(wc -l < "$TMPD/before")
	sed -n "$(($2 + 3)),${total}p" "$TMPD/before" > "$TMPD/kept.want"
	sed -n "$2,$((total - 3))p" "$TMPD/after" > "$TMPD/kept.got"
}

# 5. Scrolling beside the panel in tmux, which has no left/right margins:
#    brief scrolls whole rows and repaints the panel in the same frame.  The
#    rows left of the panel rule must move up as one, the panel must not.
rows() { pane | grep '│'; }                  # the rows beside the panel
beside() { rows | sed 's/ *│.*//'; }         # their article part
panel() { rows | sed 's/^[^│]*│//'; }
run_brief "'$BRIEF' --no-state"
reader_up || fail "brief did not start for the scroll"
panel > "$TMPD/panel.want"
scroll_by_3 beside 2                         # row 1 is the title's
# Empty captures would compare equal: there must be rows beside a panel.
check "the panel is beside the article before the scroll" test "$total" -ge 8
check "3 j beside the panel move the article's rows up by 3" cmp -s "$TMPD/kept.want" "$TMPD/kept.got"
panel > "$TMPD/panel.got"
check "the panel beside them is the same after the scroll" cmp -s "$TMPD/panel.want" "$TMPD/panel.got"
$T send-keys -t e2e q
check "q exits 0 after the scroll" wait_for 'EXIT=0'

# 6. Full width (s): brief scrolls the article's whole rows itself, between
#    the title row above and the comparison below, which stay.
art() { pane | sed -n '2,/── Comparison/p' | sed '$d'; }    # between them
below() { pane | sed -n '/── Comparison/,$p' | sed '$d'; }  # status row aside
run_brief "'$BRIEF' --no-state"
reader_up || fail "brief did not start for the full-width scroll"
$T send-keys -t e2e s
wait_gone 'ACTORS' || fail "s did not hide the panel"
pane | sed -n 1p > "$TMPD/title.want"
below > "$TMPD/below.want"
scroll_by_3 art 1
check "the article has rows between the title and the comparison" test "$total" -ge 8
check "3 j at full width move the article's rows up by 3" cmp -s "$TMPD/kept.want" "$TMPD/kept.got"
pane | sed -n 1p > "$TMPD/title.got"
below > "$TMPD/below.got"
check "the title row stays put" cmp -s "$TMPD/title.want" "$TMPD/title.got"
check "the comparison stays put" cmp -s "$TMPD/below.want" "$TMPD/below.got"
$T send-keys -t e2e q
check "q exits 0 after the full-width scroll" wait_for 'EXIT=0'

# 7. The state file at quit (issue 20): a link to a null device is left a
#    device (the issue's reproduction, on a scratch node: never the real
#    /dev/null; making one needs root, as CI is, else an empty file stands
#    in), a FIFO is not waited on, and a lock held elsewhere is given up
#    after a second, with a warning once the terminal is back.
H="$TMPD/hostile"
mkdir -p "$H/s/brief" "$H/dev"
if mknod -m 666 "$H/dev/null" c 1 3 2>/dev/null; then kind=c; else : > "$H/dev/null"; kind=f; fi
ln -s "$H/dev/null" "$H/s/brief/state"
run_brief "XDG_STATE_HOME='$H/s' '$BRIEF'"
reader_up || fail "brief did not start with the state linked to a null device"
$T send-keys -t e2e q
check "q exits 0 with the state linked to a null device" wait_for 'EXIT=0'
check "the warning says the link's target is not brief's state" wait_for "not brief's state"
check "the null device is what it was ($kind)" test "-$kind" "$H/dev/null" -a ! -s "$H/dev/null"
check "nothing was made beside the null device" test "$(ls -A "$H/dev")" = null
check "the link is still a link" test -L "$H/s/brief/state"

rm -f "$H/s/brief/state"
mkfifo "$H/s/brief/state"
run_brief "XDG_STATE_HOME='$H/s' '$BRIEF'"
check "brief starts with a FIFO for its state" reader_up
$T send-keys -t e2e q
check "q exits 0 with a FIFO for its state" wait_for 'EXIT=0'
check "the FIFO is said not to be a regular file" wait_for 'not a regular file'
check "the FIFO is still a FIFO" test -p "$H/s/brief/state"

rm -f "$H/s/brief/state"
# A file size limit: the state cannot be written (EFBIG), which is said;
# brief is not killed by SIGXFSZ and leaves no temporary file behind.
run_brief "(ulimit -f 0; XDG_STATE_HOME='$H/s' exec '$BRIEF')"
check "brief starts under ulimit -f 0" reader_up
$T send-keys -t e2e q
check "q exits 0 under ulimit -f 0" wait_for 'EXIT=0'
check "the state's write error is said" wait_for 'File too large'
check "no temporary state file is left under ulimit -f 0" test "$(ls -A "$H/s/brief")" = state.lock

exec 9>"$H/s/brief/state.lock"
flock 9
run_brief "XDG_STATE_HOME='$H/s' '$BRIEF'"
check "brief starts while another process holds the state lock" reader_up
$T send-keys -t e2e q
check "q exits 0 with the state lock held elsewhere" wait_for 'EXIT=0'
check "the warning says the state is locked" wait_for 'locked by another process'
check "no state was written past the lock" test ! -e "$H/s/brief/state"
exec 9>&-

# 8. A terminal that cannot move the cursor is refused, not drawn on: with
#    TERM=dumb only the status line would show.
run_brief "TERM=dumb '$BRIEF' --no-state"
check "TERM=dumb exits with status 2" wait_for 'EXIT=2'
check "TERM=dumb says the terminal cannot move the cursor" wait_for 'cannot move the cursor'
$T send-keys -t e2e q    # were it running after all

# 9. A TERM holding a line feed is named on one line: it must not forge a
#    second "brief: ..." line in a log.
run_brief "TERM=\"\$(printf 'nosuch\\nbrief: forged')\" '$BRIEF' --no-state"
check "a TERM with a line feed exits with status 2" wait_for 'EXIT=2'
term_one_line() { ! pane | grep -q "^brief: forged"; }
check "the unusable TERM is named on one line" term_one_line
$T send-keys -t e2e q

# 10. "-" with the terminal on standard input: no article to read, and a
#     blank screen waiting for ^D would say nothing (the last section:
#     its ^D may end the pane's shell).
run_brief "'$BRIEF' --no-state -"
check "- on a terminal exits with status 2" wait_for 'EXIT=2'
check "- on a terminal says to pipe the article in" wait_for 'standard input is a terminal'
$T send-keys -t e2e C-d q

echo "1..$n"
exit $failed
