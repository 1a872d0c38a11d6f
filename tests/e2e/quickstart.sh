#!/bin/sh
# README's first Quick start command, run as the reader would run it, with
# every program it calls replaced by a stub that writes down how it was
# called: as root on a fresh container (no sudo installed) and as a user
# with sudo, the whole chain must run, installing through sudo only where
# there is one.  And the manual can be read from the build tree, as --help
# and README say.  Prints "ok N - ..." lines; exit 1 on a failure.
set -u
: "${BRIEF:?set BRIEF to the brief binary}"
: "${BRIEF_TESTS:?set BRIEF_TESTS to the tests folder}"
readme=$BRIEF_TESTS/../README.md
builddir=$(cd "$(dirname "$BRIEF")/.." && pwd)

T=$(mktemp -d "${TMPDIR:-/tmp}/brief-quickstart.XXXXXX") || exit 1
trap 'rm -rf "$T"' EXIT INT TERM HUP

n=0
failed=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
check() { # check DESCRIPTION COMMAND...
	desc=$1; shift
	if "$@"; then pass "$desc"; else fail "$desc"; fi
}

# The first line of the first ```sh block after "## Quick start".
cmd=$(awk '/^## Quick start/ { q = 1 } q && /^```sh/ { getline; print; exit }' "$readme")
check "README has a Quick start command" test -n "$cmd"

# Stubs: each logs "NAME ARGS" and succeeds.  ./configure and ./src/brief
# are run from the folder the command runs in.
stub() { # stub PATH
	printf '#!/bin/sh\necho "%s $*" >> "%s/log"\n' "$(basename "$1")" "$T" > "$1"
	chmod +x "$1"
}
mkdir -p "$T/bin" "$T/sudo-bin" "$T/tree/src"
for p in apt-get autoreconf make; do stub "$T/bin/$p"; done
stub "$T/tree/configure"
stub "$T/tree/src/brief"
# sudo runs what it is given, as sudo does, after logging itself.
printf '#!/bin/sh\necho "sudo $*" >> "%s/log"\nexec "$@"\n' "$T" > "$T/sudo-bin/sudo"
chmod +x "$T/sudo-bin/sudo"
shell=$(command -v sh)

# A fresh container: root, and no sudo on the PATH.
: > "$T/log"
(cd "$T/tree" && env -i PATH="$T/bin" HOME="$T" "$shell" -c "$cmd") > "$T/out" 2>&1
rc=$?
check "as root without sudo the command succeeds (it said: $(head -c 200 "$T/out"))" test "$rc" -eq 0
check "as root without sudo apt-get installs directly" grep -q '^apt-get install' "$T/log"
check "as root without sudo nothing asks for sudo" sh -c "! grep -q '^sudo' '$T/log'"
check "as root without sudo the chain goes on to build and start brief" grep -q '^brief' "$T/log"

# A user with sudo: the installs go through it, the build does not.
: > "$T/log"
(cd "$T/tree" && env -i PATH="$T/sudo-bin:$T/bin" HOME="$T" "$shell" -c "$cmd") > "$T/out" 2>&1
rc=$?
check "as a user with sudo the command succeeds" test "$rc" -eq 0
check "as a user with sudo apt-get update goes through sudo" grep -q '^sudo apt-get update' "$T/log"
check "as a user with sudo apt-get install goes through sudo" grep -q '^sudo apt-get install' "$T/log"
check "as a user with sudo the build is not run by sudo" sh -c "! grep -qE '^sudo (make|configure|autoreconf|brief)( |\$)' '$T/log'"
check "as a user with sudo the chain goes on to start brief" grep -q '^brief' "$T/log"

# The manual from the build tree: --help and README name the page make
# built, and it is there.
check "--help says how to read the manual from the build tree" sh -c "'$BRIEF' --help | grep -qF 'man ./brief.1'"
check "README says how to read the manual from the build tree" grep -qF 'man ./brief.1' "$readme"
check "make built the manual where they say (./brief.1)" test -s "$builddir/brief.1"
check "the built manual is the page, keys filled in" sh -c "grep -q '^\\.TH BRIEF 1' '$builddir/brief.1' && ! grep -q '@KEYS@' '$builddir/brief.1'"

echo "1..$n"
exit $failed
