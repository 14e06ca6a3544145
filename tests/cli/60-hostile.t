#!/bin/sh
# Hostile input and failing output, for every tool: each case states the
# exit status and the message expected.  Nothing may crash (a status of 128
# or more), hang (each run is given 120 seconds) or drop a record quietly.
. "$(dirname "$0")/../lib.sh"
cd "$FIXTURES"

tools="ir-split ir-extract ir-classify ir-stats"

# hostile NAME TOOL STATUS STDERR [ARGS...]: runs TOOL on $tmp/in (or ARGS).
hostile() {
	name=$1 tool=$2 want=$3 err=$4
	shift 4
	set +e
	timeout 120 $VALGRIND "$IR_BIN/$tool" "$@" >"$tmp/out" 2>"$tmp/err"
	status=$?
	set -e
	if [ "$status" -ge 124 ]; then
		not_ok "$tool: $name" "status $status: crashed or hung" "stderr: $(head -c 300 "$tmp/err")"
		return
	fi
	check "$tool: $name" "$want" "*" "$err"
}

record='{"kind":"incident","id":"2025-001","source":"t","line":1,"offset":0,"title":"例","text":"【セキュリティ事件簿#2025-001】例\n本文。\n"}'
records() {
	ir ir-split ../../examples/sample.txt | head -3
}

for t in $tools; do
	if [ "$t" = ir-split ]; then
		# Raw dumps.
		printf '【セキュリティ事件簿#2025-001】例\n壊れた\377\376\n' >"$tmp/bad.txt"
		hostile "invalid UTF-8" $t 0 "ir-split: $tmp/bad.txt:2: invalid UTF-8 at byte 55" "$tmp/bad.txt"
		printf 'a\000b\n' >"$tmp/nul.txt"
		hostile "NUL bytes" $t 0 "ir-split: $tmp/nul.txt:1: NUL byte at byte 1; is this a text file?" "$tmp/nul.txt"
		head -c 100000000 /dev/zero | tr '\0' 'x' >"$tmp/long.txt"
		hostile "a 100 MB line, past --max-record-bytes" $t 1 \
			"ir-split: $tmp/long.txt:1: a post of 100000000 bytes, longer than --max-record-bytes (67108864); left out" \
			"$tmp/long.txt"
		assert "$t: ... is left out" test ! -s "$tmp/out"
		hostile "a 100 MB line, within --max-record-bytes" $t 0 "" --max-record-bytes 100M "$tmp/long.txt"
		assert "$t: a 100 MB line comes out whole" \
			test "$(jq -j .text "$tmp/out" | wc -c)" -eq 100000000
		rm "$tmp/long.txt"
		printf '{"kind":"incident","text":5}\n' >"$tmp/json.txt"
		hostile "a JSON line is just text" $t 0 "" "$tmp/json.txt"
		assert "$t: ...kept as a preamble" test "$(jq -r .kind "$tmp/out")" = preamble
		head -c 3000 /dev/urandom >"$tmp/binary"
		# stderr varies with the random bytes: checked only for no crash
		hostile "binary file" $t 0 "*" "$tmp/binary"
	else
		printf '%s\n' "$record" | sed 's/本文/本\\udcff文/' >"$tmp/bad.ndjson"
		printf '{"kind":"incident","text":"壊れた\377"}\n' >>"$tmp/bad.ndjson"
		hostile "invalid UTF-8" $t 1 "$t: $tmp/bad.ndjson:1: lone surrogate (\\uD800-\\uDFFF without its pair) in a string
$t: $tmp/bad.ndjson:2: invalid UTF-8 in a string" "$tmp/bad.ndjson"
		printf '{"kind":"noise","text":"a\000b"}\n' >"$tmp/nul.ndjson"
		hostile "NUL bytes" $t 1 "$t: $tmp/nul.ndjson:1: unescaped control character in a string" "$tmp/nul.ndjson"
		head -c 100000000 /dev/zero | tr '\0' 'x' >"$tmp/long.ndjson"
		hostile "a 100 MB line" $t 1 "$t: $tmp/long.ndjson:1: a line of 100000000 bytes, longer than --max-record-bytes (67108864); skipped" "$tmp/long.ndjson"
		assert "$t: nothing written for it" test ! -s "$tmp/out" -o "$t" = ir-stats
		rm "$tmp/long.ndjson"
		printf '%s' "$record" | head -c 60 >"$tmp/trunc.ndjson"
		hostile "truncated JSON" $t 1 "$t: $tmp/trunc.ndjson:1: not a JSON object" "$tmp/trunc.ndjson"
		printf '[1, 2]\n"incident"\n' >"$tmp/array.ndjson"
		hostile "an array and a scalar" $t 1 "$t: $tmp/array.ndjson:1: not a JSON object
$t: $tmp/array.ndjson:2: not a JSON object" "$tmp/array.ndjson"
		printf '{"kind":"incident","id":"2025-001","text":5}\n' >"$tmp/type.ndjson"
		if [ $t = ir-stats ]; then
			hostile "\"text\": 5" $t 0 "" "$tmp/type.ndjson"
		else
			hostile "\"text\": 5" $t 1 "$t: $tmp/type.ndjson:1: incident without a text string" "$tmp/type.ndjson"
		fi
		printf '{"kind":"incident","id":"2025-001","affected":1e400,"n":123456789012345678901234567890,"text":"x"}\n' >"$tmp/huge.ndjson"
		if [ $t = ir-stats ]; then
			# 1e400 is JSON but no double: skipped as not a number, the
			# record still counted.
			hostile "huge numbers" $t 1 "$t: $tmp/huge.ndjson:1: affected: not a number" \
				"$tmp/huge.ndjson" --sum affected -o tsv
			assert "$t: the record with them is counted" \
				test "$(sed -n 2p "$tmp/out")" = "$(printf '1\t\t0')"
		else
			hostile "huge numbers" $t 0 "" "$tmp/huge.ndjson"
		fi
		{ printf '{"kind":"noise","x":'; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; printf '}\n'; } >"$tmp/deep.ndjson"
		hostile "100,000-deep nesting" $t 1 "$t: $tmp/deep.ndjson:1: JSON nested more than 512 levels deep" "$tmp/deep.ndjson"
		{ printf '{"kind":"noise","x":'; head -c 512 /dev/zero | tr '\0' '['; head -c 512 /dev/zero | tr '\0' ']'; printf '}\n'; } >"$tmp/deep.ndjson"
		hostile "512-deep nesting: taken" $t 0 "" "$tmp/deep.ndjson"
		printf '{"kind":"noise","text":"\\ud800"}\n{"kind":"noise","text":"\\ud800x\\udc00"}\n' >"$tmp/lone.ndjson"
		hostile "lone surrogates" $t 1 "$t: $tmp/lone.ndjson:1: lone surrogate (\\uD800-\\uDFFF without its pair) in a string
$t: $tmp/lone.ndjson:2: lone surrogate (\\uD800-\\uDFFF without its pair) in a string" "$tmp/lone.ndjson"
	fi
	: >"$tmp/empty"
	hostile "empty file" $t 0 "" "$tmp/empty"
	hostile "a directory" $t 2 "$t: $tmp:1: read error: Is a directory" "$tmp"
	if [ $t != ir-split ] && [ $t != ir-stats ]; then
		# A read error between two files: the records of both still come
		# out, in order, from the thread pool.
		records >"$tmp/recs"
		ir $t --threads 1 "$tmp/recs" >"$tmp/once"
		cat "$tmp/once" "$tmp/once" >"$tmp/twice"
		run ir $t --threads 4 "$tmp/recs" "$tmp" "$tmp/recs"
		check "$t: a directory between two files" 2 "@$tmp/twice" "$t: $tmp:1: read error: Is a directory"
	fi
	printf '%s\n' "$record" >"$tmp/locked"
	chmod 000 "$tmp/locked"
	if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
		cp "$IR_BIN/$t" "$tmp/$t.copy"
		chmod 755 "$tmp" "$tmp/$t.copy"
		set +e
		setpriv --reuid=nobody --regid=nogroup --clear-groups "$tmp/$t.copy" "$tmp/locked" >"$tmp/out" 2>"$tmp/err"
		status=$?
		set -e
		check "$t: unreadable file" 2 "" "$t.copy: $tmp/locked: cannot open: Permission denied"
	elif [ "$(id -u)" -ne 0 ]; then
		hostile "unreadable file" $t 2 "$t: $tmp/locked: cannot open: Permission denied" "$tmp/locked"
	else
		skip "$t: unreadable file" "root without setpriv"
	fi
	records >"$tmp/recs"
	[ $t = ir-split ] && cp ../../examples/sample.txt "$tmp/recs"
	if [ -w /dev/full ]; then
		set +e
		"$IR_BIN/$t" "$tmp/recs" >/dev/full 2>"$tmp/err"
		status=$?
		set -e
		: >"$tmp/out"
		check "$t: output to /dev/full" 2 "" "$t: write error on standard output: No space left on device"
	else
		skip "$t: output to /dev/full" "no /dev/full"
	fi
	run sh -c "'$IR_BIN/$t' '$tmp/recs' >&-"
	check "$t: closed stdout" 2 "" "$t: standard output is closed"
	if [ -n "${IR_SHIM:-}" ]; then
		run env LD_PRELOAD="$IR_SHIM" IR_FAIL_WRITE=10 "$IR_BIN/$t" "$tmp/recs"
		check "$t: a write that fails (shim)" 2 "*" "$t: write error on standard output: No space left on device"
		run env LD_PRELOAD="$IR_SHIM" IR_FAIL_CLOSE=1 "$IR_BIN/$t" "$tmp/recs"
		check "$t: a close that fails (shim)" 2 "*" "$t: close error on standard output: Input/output error"
	else
		skip "$t: a write that fails (shim)" "no IR_SHIM (sanitizer builds cannot preload it)"
		skip "$t: a close that fails (shim)" "no IR_SHIM"
	fi
done

# A catastrophic pattern in a rule file ends fast, with a message.
printf 'rule slow 2 body (a+)+$\n' >"$tmp/slow.rules"
python3 -c 'import json; print(json.dumps({"kind": "incident", "id": "2025-999", "text": "【セキュリティ事件簿#2025-999】例\n" + "a" * 30000 + "b\n"}))' >"$tmp/slow.ndjson"
start=$(date +%s)
hostile "a catastrophic rule" ir-classify 1 "ir-classify: $tmp/slow.ndjson:1: rule $tmp/slow.rules:1 gave up on this record" \
	--no-default-rules -r "$tmp/slow.rules" "$tmp/slow.ndjson"
assert "ir-classify: ...within a second or two" test $(($(date +%s) - start)) -le 2
assert "ir-classify: ...and the record is still written" test "$(jq -r .category "$tmp/out")" = other

done_testing
