# lib.sh - what the CLI tests share.  Source it, then call plan and the
# checks; every check runs one command and compares its stdout, stderr and
# exit status with what is expected (stderr empty unless said otherwise).
#
# Environment: IR_BIN (directory of the tools, default ../../bin),
# IR_SHARED (the ../shared folder, optional), VALGRIND (a prefix for the
# tools, e.g. "valgrind -q --error-exitcode=99"), IR_BATCH_BYTES (the
# tools' batch size; small by default here).
set -eu
LC_ALL=C.UTF-8
export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
IR_BIN=${IR_BIN:-$here/../../bin}
IR_SHARED=${IR_SHARED:-$here/../../../shared}
FIXTURES=$here/../fixtures
VALGRIND=${VALGRIND:-}
# Batches of a few records, so that every comparison of thread counts
# sees many batches in flight and fails if the pool writes them out of
# order (ir(7), ENVIRONMENT).
IR_BATCH_BYTES=${IR_BATCH_BYTES:-2048}
export IR_BATCH_BYTES
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ir-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ntest=0
nfail=0

planned=
plan() {
	planned=$1
	echo "1..$1"
}

# The tools, with the optional VALGRIND prefix.
ir() {
	tool=$1
	shift
	$VALGRIND "$IR_BIN/$tool" "$@"
}

# run CMD...: runs CMD with stdin from $tmp/in when it exists, keeping
# stdout in $tmp/out, stderr in $tmp/err and the status in $status.
run() {
	set +e
	if [ -e "$tmp/in" ]; then
		"$@" <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
	else
		"$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	fi
	status=$?
	set -e
}

ok() {
	ntest=$((ntest + 1))
	echo "ok $ntest - $1"
}

not_ok() {
	ntest=$((ntest + 1))
	nfail=$((nfail + 1))
	echo "not ok $ntest - $1"
	shift
	for line in "$@"; do
		printf "#   %s\n" "$line"
	done
}

# check NAME STATUS OUT ERR: compares the last run.  OUT is the exact
# expected stdout, or @FILE for a file's content, or * for "not checked
# here" (the caller then checks it with its own assertions).  ERR is the
# exact expected stderr (empty string: none; *: not checked).
check() {
	name=$1 want_status=$2 want_out=$3 want_err=$4
	problems=
	if [ "$status" != "$want_status" ]; then
		problems="exit status $status, want $want_status"
	fi
	case $want_out in
	\*) ;;
	@*)
		if ! cmp -s "${want_out#@}" "$tmp/out"; then
			problems="$problems${problems:+; }stdout differs from ${want_out#@}"
		fi
		;;
	*)
		printf '%s\n' "$want_out" >"$tmp/want"
		if [ -z "$want_out" ]; then : >"$tmp/want"; fi
		if ! cmp -s "$tmp/want" "$tmp/out"; then
			problems="$problems${problems:+; }stdout differs"
		fi
		;;
	esac
	printf '%s\n' "$want_err" >"$tmp/wanterr"
	if [ -z "$want_err" ]; then : >"$tmp/wanterr"; fi
	if [ "$want_err" != "*" ] && ! cmp -s "$tmp/wanterr" "$tmp/err"; then
		problems="$problems${problems:+; }stderr differs"
	fi
	if [ -z "$problems" ]; then
		ok "$name"
	else
		not_ok "$name" "$problems" "stdout: $(head -c 300 "$tmp/out" | tr '\n' '|')" \
			"stderr: $(head -c 300 "$tmp/err" | tr '\n' '|')"
	fi
}

# assert NAME CMD...: a test that passes when CMD succeeds.
assert() {
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then
		ok "$name"
	else
		not_ok "$name" "failed: $*"
	fi
}

# skip NAME REASON
skip() {
	ntest=$((ntest + 1))
	echo "ok $ntest - $1 # SKIP $2"
}

have_shared() {
	[ -d "$IR_SHARED/corpus" ] && [ -d "$IR_SHARED/gold" ]
}

# done_testing: ends the script; prints the plan when the script did not
# know its count in advance.
done_testing() {
	[ -n "$planned" ] || echo "1..$ntest"
	[ "$nfail" -eq 0 ]
}
