#!/bin/sh
# deps.sh build|check|prove|bench - install the Debian packages ir needs,
# when missing.
#
# build: what `make` needs; check: also what the tests need; prove: also
# the fuzzers and valgrind (make fuzz, make valgrind-check); bench: what
# make bench measures against.  Run as root
# (or with password-less sudo) it installs them with apt-get; otherwise it
# prints the command to run and fails.
set -eu
build="make gcc pkg-config libpcre2-dev libutf8proc-dev jq"
check="$build check libjansson-dev mandoc python3 python3-jsonschema gnuplot-nox parallel bash-completion"
prove="$check clang libclang-rt-14-dev valgrind"
bench="$build python3 time miller"
case ${1:-build} in
build) want=$build ;;
check) want=$check ;;
prove) want=$prove ;;
bench) want=$bench ;;
*) echo "usage: deps.sh build|check|prove|bench" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "deps.sh: not a Debian-like system; install the equivalents of: $want" >&2
	exit 0
fi
missing=
for p in $want; do
	case $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) in
	"install ok installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	echo "deps.sh: missing packages:$missing" >&2
	echo "deps.sh: install them with: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "deps.sh: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
$sudo apt-get install -y -q --no-install-recommends $missing ||
	{ $sudo apt-get update -q && $sudo apt-get install -y -q --no-install-recommends $missing; }
