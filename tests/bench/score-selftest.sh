#!/bin/sh
# make check's run of the development set's scorer: the annotated texts must
# score as their annotation files say, errors planted in brief's export must
# show, and so must a draft that does not load back to the same actors
# (tests/bench/score.py --self-test; the web pages are not needed).
if ! command -v python3 >/dev/null 2>&1; then
	echo "score-selftest.sh: no python3: skipped"
	exit 77
fi
here=$(cd "$(dirname "$0")" && pwd)
exec python3 "${BRIEF_TESTS:-$here/..}/bench/score.py" --self-test
