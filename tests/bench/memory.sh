#!/bin/sh
# brief's memory on files built to cost it the most: peak RSS, first paint
# and the time until the whole file is checked and scanned, when a file is
# opened in the reader and sent to its end (G), through a pseudo-terminal.
#
#   BRIEF=/path/to/src/brief tests/bench/memory.sh     (make bench-memory does this)
#
# The files: NUL lines ("\0\n"), all line feeds, all 0xFF (one line of
# invalid UTF-8), random bytes 0x80..0xFF (invalid UTF-8 without runs), C0
# controls in turn with no two alike side by side (the placeholders' worst
# case, 3 bytes each), one-letter lines ("a\n", the line index's worst case),
# CRLF text, quoted demands with speakers (claims' and quotations' worst
# case), each BENCH_MEM_MB MiB (default 100); and a sparse file of
# BENCH_SPARSE_GB GiB (default 10) of zeros with no line feed.  README
# states the bound these figures check.  BENCH_MEM_FILES lists the files to
# run (names as in the loop below; default all).  BRIEF_BEFORE names a second binary
# to run on the same files (an older build, for before and after); a file
# it cannot open within the time limit or the memory limit reports its
# error.  Needs python3 and
# a file system with sparse files; writes the files under TMPDIR.  Prints a
# markdown table; exit 0 unless the harness breaks.
set -u

here=$(cd "$(dirname "$0")" && pwd)
mb=${BENCH_MEM_MB:-100}
sparse_gb=${BENCH_SPARSE_GB:-10}
timeout=${BENCH_MEM_TIMEOUT:-600}

if [ -z "${BRIEF:-}" ]; then
	if [ -x "$PWD/src/brief" ]; then BRIEF=$PWD/src/brief
	else BRIEF=$here/../../src/brief
	fi
fi
if [ ! -x "$BRIEF" ]; then
	echo "memory.sh: no brief at $BRIEF (build it, or set BRIEF)" >&2
	exit 2
fi
command -v python3 >/dev/null 2>&1 || { echo "memory.sh: python3 is needed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/brief-memory.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM HUP
say() { printf '%s\n' "$*" >&2; }

drive=$work/ptydrive
${CC:-cc} -O2 -o "$drive" "$here/ptydrive.c" -lutil || { echo "memory.sh: cannot build ptydrive" >&2; exit 2; }

# ---- the files ------------------------------------------------------------------
say "writing the files ($mb MiB each, and $sparse_gb GiB sparse)..."
python3 - "$work" "$((mb * 1048576))" <<'EOF' || exit 2
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
def fill(name, unit):
    block = unit * (1048576 // len(unit) + 1)      # a whole number of units
    with open(os.path.join(d, name), 'wb') as f:
        left = n
        while left > 0:
            k = min(left, len(block))
            f.write(block[:k])
            left -= k
fill('nul-lines', b'\0\n')
fill('newlines', b'\n')
fill('ff', b'\xff')
fill('a-lines', b'a\n')
fill('crlf', b'The quick brown fox jumps over the lazy dog.\r\n')   # no figure
# C0 controls but TAB, LF and CR, in turn: no run, 3 bytes of text each.
fill('c0', bytes(c for c in range(1, 32) if c not in (9, 10, 13)))
# Quoted demands with their speakers, each line a new one: the claims'
# and quotations' worst case (every quote is sought from the body's start,
# so a search bound keeps the whole at a fraction of a second).
with open(os.path.join(d, 'quotes'), 'wb') as f:
    left, i = n, 0
    while left > 0:
        who = ('Alan Brackley', 'Mary Zorblat', 'Kofi Mensah', 'Li Wei')[i % 4]
        line = ('"We will raise the budget to %d percent of GDP this year," %s said on day %d.\n'
                % (i % 97, who, i)).encode()[:left]
        f.write(line)
        left -= len(line)
        i += 1
# Random bytes 0x80..0xFF: invalid UTF-8, hardly a run, now and then a
# valid two-byte character.
with open(os.path.join(d, 'high'), 'wb') as f:
    left = n
    while left > 0:
        k = min(left, 1 << 20)
        f.write(bytes(b | 0x80 for b in os.urandom(k)))
        left -= k
EOF
truncate -s "${sparse_gb}G" "$work/sparse" 2>/dev/null || : >"$work/sparse"

printf 'start\nkeys end 1 G\nquit q\n' >"$work/script"

# run BINARY FILE: "paint_ms settle_ms maxrss_kb", or "error ..." on failure.
# Under a limit on the data segment (BENCH_MEM_LIMIT_MB, default 4096): an
# older build on the sparse file would otherwise take the machine's memory
# (it makes 3 bytes of heap of each byte), and now ends "out of memory".
run() {
	out=$(ulimit -d $((${BENCH_MEM_LIMIT_MB:-4096} * 1024)) &&
		"$drive" -t "$timeout" -s 100x30 -p 'h help' -f "$work/script" -- "$1" --no-state "$2" 2>&1)
	paint=$(printf '%s\n' "$out" | sed -n 's/^start .*paint_ms=\([0-9.]*\).*/\1/p')
	settle=$(printf '%s\n' "$out" | sed -n 's/^start .*settle_ms=\([0-9.]*\).*/\1/p')
	rss=$(printf '%s\n' "$out" | sed -n 's/^quit .*maxrss_kb=\([0-9]*\).*/\1/p')
	if [ -n "$paint" ] && [ -n "$rss" ]; then
		echo "$paint $settle $rss"
	else
		echo "error $(printf '%s' "$out" | tr '\n' ' ' | cut -c 1-120)"
	fi
}

row() { # row NAME: the file's row, for each binary
	name=$1
	f=$work/$name
	bytes=$(wc -c <"$f")
	for bin in $BRIEF ${BRIEF_BEFORE:-}; do
		[ "$bin" = "$BRIEF" ] && who=brief || who=before
		say "  $name ($who)..."
		set -- $(run "$bin" "$f")
		if [ "$1" = error ]; then
			shift
			printf '| %s | %s | %s | %s | | | |\n' "$row_name" "$who" "$bytes" "$*"
			continue
		fi
		ROW=$row_name awk -v who="$who" -v b="$bytes" -v p="$1" -v s="$2" -v r="$3" 'BEGIN {
			printf "| %s | %s | %.0f MiB | %.1f ms | %.2f s | %.1f MiB | %.3f× |\n",
			       ENVIRON["ROW"], who, b / 1048576, p, s / 1000, r / 1024, r * 1024 / b }'
	done
}

echo
echo "| file | binary | size | first paint | checked and scanned (G) | peak RSS | RSS / size |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for f in ${BENCH_MEM_FILES:-nul-lines newlines ff high c0 a-lines crlf quotes sparse}; do
	case $f in
	nul-lines) row_name='NUL lines (NUL, LF)' ;;
	newlines) row_name='all line feeds' ;;
	ff) row_name='all 0xFF, no LF' ;;
	high) row_name='random 0x80..0xFF, no LF' ;;
	c0) row_name='C0 controls in turn, no LF' ;;
	a-lines) row_name='one-letter lines (a, LF)' ;;
	crlf) row_name='CRLF text' ;;
	quotes) row_name='quoted demands, each line new' ;;
	sparse) row_name='sparse zeros, no LF' ;;
	esac
	row "$f"
done
