#!/bin/sh
# The reader's calls go down its layers, never round in a circle: read from
# the built objects with nm (each file's undefined symbols, resolved to the
# file that defines them), so what is checked is what links.
#
#   5 main.c
#   4 the loop    ui.c ui_input.c ui_layout.c ui_panes.c
#   3 the panes   view_*.c (a pane never calls another pane)
#   2 the core    the other ui_*.c, theme.c, keymap.c
#   1 the model   libbrief.a, no curses
#
# Every edge from a file to another must go to a lower layer, or stay in
# its layer (but for panes); the whole graph must have no cycle (tsort).
# Run from make check (BRIEF names the built program); prints the edges
# that break a rule and exits 1, or says how many it checked.
set -u
src=$(dirname "${BRIEF:?BRIEF is the built brief}")
for tool in nm ar tsort; do
	command -v "$tool" >/dev/null 2>&1 || { echo "layers.sh: $tool not found" >&2; exit 1; }
done
T=$(mktemp -d "${TMPDIR:-/tmp}/brief-layers.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT
(cd "$T" && ar x "$src/libbrief.a") || exit 1
cp "$src"/brief-*.o "$T"/ || exit 1

name() {
	n=${1##*/}
	n=${n%.o}
	echo "${n#brief-}"
}

layer() {
	case $1 in
	main) echo 5 ;;
	ui | ui_input | ui_layout | ui_panes) echo 4 ;;
	view_*) echo 3 ;;
	ui_* | theme | keymap) echo 2 ;;
	*) echo 1 ;;
	esac
}

: >"$T/defs"
: >"$T/uses"
for o in "$T"/*.o; do
	n=$(name "$o")
	nm -g --defined-only "$o" | awk -v n="$n" 'NF == 3 { print $3, n }' >>"$T/defs"
	nm -u "$o" | awk -v n="$n" '{ print n, $NF }' >>"$T/uses"
done
awk 'NR == FNR { d[$1] = $2; next } ($2 in d) && d[$2] != $1 { print $1, d[$2] }' \
	"$T/defs" "$T/uses" | sort -u >"$T/edges"

bad=0
checked=0
while read -r from to; do
	checked=$((checked + 1))
	lf=$(layer "$from")
	lt=$(layer "$to")
	if [ "$lt" -gt "$lf" ]; then
		echo "not ok - $from.c (layer $lf) calls up into $to.c (layer $lt)"
		bad=1
	elif [ "$lt" -eq "$lf" ] && [ "$lf" -eq 3 ]; then
		echo "not ok - pane $from.c calls pane $to.c"
		bad=1
	fi
done <"$T/edges"
if ! tsort "$T/edges" >/dev/null 2>"$T/tsort"; then
	echo "not ok - a circle of calls between files:"
	sed -e 's/^/# /' "$T/tsort"
	bad=1
fi
[ "$checked" -gt 20 ] || { echo "not ok - only $checked edges found: were the objects read?"; bad=1; }
[ "$bad" -eq 0 ] && echo "ok - $checked calls between files, all down the layers, no circle"
exit "$bad"
