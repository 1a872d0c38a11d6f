#!/bin/sh
# Build the libFuzzer targets of brief with clang (ASan + UBSan), replay the
# regression inputs in tests/fuzz/regress/<target>/, then fuzz each target for
# FUZZ_SECONDS on a copy of tests/fuzz/corpus/<target>/ (with the dictionary
# tests/fuzz/<target>.dict when there is one).
#
#   FUZZ_SECONDS=60 sh tests/fuzz/run.sh            # all targets, 60 s each
#   FUZZ_SECONDS=0 sh tests/fuzz/run.sh             # regression inputs only
#   FUZZ_TARGETS="fuzz_layout" sh tests/fuzz/run.sh # some targets
#
# Environment: CC (default clang), FUZZ_SECONDS (60), FUZZ_TARGETS (all),
# FUZZ_BUILT (a folder of targets already built, as configure
# --enable-fuzzing makes them: nothing is compiled then),
# FUZZ_ARTIFACTS (where crashers are kept; default a folder in the temp dir,
# which is then kept), FUZZ_KEEP=1 to keep the temp dir, FUZZ_FLAGS (extra
# libFuzzer flags).  Prints the executions of each target (libFuzzer's
# stat::number_of_executed_units); exits 1 on any crash, leak, timeout or
# violated invariant, 2 when it cannot build.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
CC=${CC:-clang}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TARGETS=${FUZZ_TARGETS:-"fuzz_document fuzz_annot fuzz_layout fuzz_search fuzz_mentions fuzz_sentence fuzz_word fuzz_tokens fuzz_actors fuzz_draft fuzz_viewport fuzz_state fuzz_html fuzz_claims fuzz_notes fuzz_gazetteer"}
FUZZ_FLAGS=${FUZZ_FLAGS:-}

FUZZ_BUILT=${FUZZ_BUILT:-}
if [ -z "$FUZZ_BUILT" ] && ! command -v "$CC" >/dev/null 2>&1; then
	echo "run.sh: $CC not found (install clang and libclang-rt-dev)" >&2
	exit 2
fi

T=$(mktemp -d "${TMPDIR:-/tmp}/brief-fuzz.XXXXXX") || exit 2
keep=${FUZZ_KEEP:-0}
cleanup() { [ "$keep" = 1 ] || rm -rf "$T"; }
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
artifacts=${FUZZ_ARTIFACTS:-$T/artifacts}
mkdir -p "$artifacts" || exit 2

# The sources each target needs, explicitly.
sources_for() {
	s="src/util.c src/document.c src/doc_map.c src/doc_sanitize.c src/doc_lines.c src/cpsafe.c src/mapguard.c"
	case $1 in
	fuzz_document) s="$s -DDOC_LINE_MAX=61" ;;   # cuts within a fuzz input
	fuzz_annot) s="$s src/annot.c src/figures.c src/mentions.c src/word.c $T/assets_data.c" ;;
	fuzz_layout) s="$s src/layout.c" ;;
	fuzz_search) s="$s src/search.c src/matchcount.c" ;;
	fuzz_mentions) s="$s src/annot.c src/figures.c src/mentions.c src/word.c" ;;
	fuzz_sentence) s="$s src/sentence.c" ;;
	fuzz_word) s="$s src/annot.c src/figures.c src/mentions.c src/word.c" ;;
	fuzz_tokens) s="$s src/word.c src/sentence.c src/tokens.c" ;;
	fuzz_actors) s="$s src/annot.c src/word.c src/sentence.c src/tokens.c src/gazetteer.c src/actors.c $T/assets_data.c" ;;
	fuzz_draft) s="$s src/annot.c src/word.c src/figures.c src/mentions.c src/compare.c src/model.c src/sentence.c src/tokens.c src/gazetteer.c src/actors.c src/header.c src/draft.c src/claims.c src/quotes.c src/html_input.c src/html_tree.c src/html_extract.c src/html_meta.c src/html_jsonld.c $T/assets_data.c" ;;
	fuzz_viewport) s="$s src/layout.c src/search.c src/annot.c src/figures.c src/mentions.c src/word.c src/viewport.c" ;;
	fuzz_state) s="src/util.c src/state.c" ;;
	fuzz_html) s="$s src/html_input.c src/html_tree.c src/html_extract.c src/html_meta.c src/html_jsonld.c" ;;
	fuzz_claims) s="$s src/annot.c src/word.c src/figures.c src/mentions.c src/compare.c src/sentence.c src/tokens.c src/gazetteer.c src/actors.c src/claims.c src/quotes.c $T/assets_data.c" ;;
	fuzz_notes) s="$s src/notes.c src/state.c" ;;
	fuzz_gazetteer) s="src/util.c src/gazetteer.c $T/assets_data.c" ;;
	*) echo "run.sh: unknown target $1" >&2; return 1 ;;
	esac
	echo "$s"
}

cat >"$T/config.h" <<'EOH'
/* Written by tests/fuzz/run.sh for the fuzz builds. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#define PACKAGE_VERSION "fuzz"
#define VERSION "fuzz"
EOH
(cd "$top" && sh assets/embed.sh assets/commentary.txt assets/commentary.brief \
	assets/gazetteer/*.tsv assets/gazetteer/*.txt) >"$T/assets_data.c" || {
	echo "run.sh: assets/embed.sh failed" >&2
	exit 2
}

SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# libxml2 and zlib, for the web page reader (fuzz_html; harmless to the rest).
XML_FLAGS=$(pkg-config --cflags --libs libxml-2.0 zlib 2>/dev/null) || XML_FLAGS="-I/usr/include/libxml2 -lxml2 -lz"
CFLAGS_FUZZ="-g -O1 -std=gnu11 -Wall -Wextra -Wno-unused-parameter -I$T -I$top/include -I$here"

status=0
for t in $FUZZ_TARGETS; do
	if [ -n "$FUZZ_BUILT" ]; then
		if [ -x "$FUZZ_BUILT/$t" ]; then
			ln -s "$FUZZ_BUILT/$t" "$T/$t"
		else
			echo "not ok - $t: not built in $FUZZ_BUILT"
			status=2
		fi
		continue
	fi
	srcs=$(sources_for "$t") || { status=2; continue; }
	abs=""
	for s in $srcs; do
		case $s in /* | -*) abs="$abs $s" ;; *) abs="$abs $top/$s" ;; esac
	done
	# shellcheck disable=SC2086
	if ! $CC $CFLAGS_FUZZ $SAN -o "$T/$t" "$here/$t.c" $abs -lunistring -lm $XML_FLAGS >"$T/$t.build.log" 2>&1; then
		echo "not ok - $t: build failed"
		sed -e 's/^/# /' "$T/$t.build.log" | head -40
		status=2
		continue
	fi
	[ -s "$T/$t.build.log" ] && sed -e 's/^/# /' "$T/$t.build.log" | head -20
done
[ "$status" -eq 0 ] || exit "$status"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

for t in $FUZZ_TARGETS; do
	# 1. Regression inputs: each file run once, alone, so one failure does
	#    not hide the next.
	reg="$here/regress/$t"
	if [ -d "$reg" ]; then
		nreg=0
		nbad=0
		for f in "$reg"/*; do
			[ -f "$f" ] || continue
			nreg=$((nreg + 1))
			if ! "$T/$t" -timeout=10 -rss_limit_mb=2048 "$f" >"$T/$t.regress.log" 2>&1; then
				nbad=$((nbad + 1))
				echo "not ok - $t: regression input ${f#"$top"/} fails"
				grep -A1 -E 'ERROR|invariant violated|runtime error|#[0-9]+ 0x' "$T/$t.regress.log" |
					grep -v -E '^--$|in fuzzer::|libc|_start|__sanitizer|main ' | head -20 | LC_ALL=C tr -c '\11\12\40-\176' '?' | cut -c 1-200 |
					sed -e 's/^/# /'
			fi
		done
		if [ "$nbad" -eq 0 ] && [ "$nreg" -gt 0 ]; then
			echo "ok - $t: $nreg regression inputs pass"
		elif [ "$nbad" -gt 0 ]; then
			status=1
		fi
	fi

	# 2. Fuzzing on a copy of the seed corpus (new inputs stay in the copy).
	[ "$FUZZ_SECONDS" -gt 0 ] 2>/dev/null || continue
	mkdir -p "$T/corpus/$t"
	[ -d "$here/corpus/$t" ] && cp "$here/corpus/$t"/* "$T/corpus/$t"/ 2>/dev/null
	dict=""
	[ -f "$here/$t.dict" ] && dict="-dict=$here/$t.dict"
	# shellcheck disable=SC2086
	"$T/$t" $dict -max_len=4096 -timeout=10 -rss_limit_mb=2048 -max_total_time="$FUZZ_SECONDS" \
		-print_final_stats=1 -artifact_prefix="$artifacts/$t-" $FUZZ_FLAGS \
		"$T/corpus/$t" >"$T/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$T/$t.log" | tail -1)
	cov=$(grep -E '^#[0-9]+' "$T/$t.log" | tail -1 | sed -n 's/.*cov: \([0-9]*\).*ft: \([0-9]*\).*corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/p')
	if [ "$rc" -eq 0 ]; then
		echo "ok - $t: ${execs:-?} executions in ${FUZZ_SECONDS}s (${cov:-no stats})"
	else
		echo "not ok - $t: exit $rc after ${execs:-?} executions"
		grep -A1 -E 'ERROR|invariant violated|runtime error|SUMMARY|#[0-9]+ 0x|Test unit written' "$T/$t.log" |
			grep -v -E '^--$|in fuzzer::|libc|_start|__sanitizer|main ' | head -40 | LC_ALL=C tr -c '\11\12\40-\176' '?' | cut -c 1-200 | sed -e 's/^/# /'
		status=1
		keep=1
	fi
done

if [ "$status" -ne 0 ]; then
	echo "# crashers and logs kept in $T (artifacts: $artifacts); add each crasher to tests/fuzz/regress/<target>/"
fi
exit "$status"
