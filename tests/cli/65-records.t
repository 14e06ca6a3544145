#!/bin/sh
# The record loop every tool after ir-split shares (run/records.h): the
# options it parses, a raw dump given by mistake, a rejects file that is
# also an input, records longer than --max-record-bytes, the batch knob.
. "$(dirname "$0")/../lib.sh"
cd "$FIXTURES"

ir ir-split two-posts.txt >"$tmp/posts"

for t in ir-extract ir-classify ir-stats; do
	# A raw dump: one hint, not a message per line; its lines set aside.
	run ir $t --rejects "$tmp/rej" two-posts.txt
	check "$t: a raw dump gets one hint" 1 "*" \
		"$t: two-posts.txt:1: input looks like a raw dump; run ir-split first"
	assert "$t: ... and its lines go to the rejects file" \
		sh -c "grep -v '^[[:space:]]*\$' two-posts.txt | cmp - '$tmp/rej'"
	# Records after a raw dump are read as ever.
	ir $t "$tmp/posts" >"$tmp/want" 2>/dev/null
	run ir $t two-posts.txt "$tmp/posts"
	check "$t: records after a raw dump are read" 1 "@$tmp/want" \
		"$t: two-posts.txt:1: input looks like a raw dump; run ir-split first"

	# The rejects file may not be an input: it would be emptied first.
	cp "$tmp/posts" "$tmp/x.nd"
	run ir $t --rejects "$tmp/x.nd" "$tmp/x.nd"
	check "$t: --rejects naming an input is refused" 2 "" \
		"$t: --rejects $tmp/x.nd is also an input ($tmp/x.nd); refused"
	assert "$t: ... and the input is intact" cmp "$tmp/posts" "$tmp/x.nd"
	ln "$tmp/x.nd" "$tmp/y.nd"
	ln "$tmp/x.nd" "$tmp/in"
	run ir $t --rejects "$tmp/y.nd"
	check "$t: --rejects naming standard input, by another name" 2 "" \
		"$t: --rejects $tmp/y.nd is also an input (-); refused"
	rm -f "$tmp/in" "$tmp/y.nd"

	# A record longer than --max-record-bytes is skipped, the others kept.
	python3 -c 'import json; print(json.dumps({"kind": "noise", "text": "x" * 5000}))' \
		>"$tmp/big.nd"
	cat "$tmp/posts" "$tmp/big.nd" "$tmp/posts" >"$tmp/mixed.nd"
	cat "$tmp/posts" "$tmp/posts" | ir $t >"$tmp/want" 2>/dev/null
	run ir $t --max-record-bytes 4K "$tmp/mixed.nd"
	check "$t: a record past --max-record-bytes is skipped" 1 "@$tmp/want" \
		"$t: $tmp/mixed.nd:4: a line of 5030 bytes, longer than --max-record-bytes (4096); skipped"
	run ir $t --max-record-bytes 1 "$tmp/posts"
	check "$t: --max-record-bytes below 1K" 2 "*" "*"
	assert "$t: ... says the range" grep -q "max-record-bytes: expected a size from 1024 to 4294967296 bytes" "$tmp/err"
	run ir $t --max-record-bytes 5X "$tmp/posts"
	check "$t: --max-record-bytes with a bad suffix" 2 "*" "*"

	run env IR_BATCH_BYTES=many "$IR_BIN/$t" "$tmp/posts"
	check "$t: IR_BATCH_BYTES must be a number" 2 "" \
		"$t: IR_BATCH_BYTES: expected a number of bytes, not 'many'"
done

# The same output whatever the batch size and thread count.
ir ir-split ../../examples/sample.txt >"$tmp/sample"
IR_BATCH_BYTES=262144 ir ir-extract --threads 1 "$tmp/sample" >"$tmp/one"
for b in 1 700 50000; do
	IR_BATCH_BYTES=$b ir ir-extract --threads 4 "$tmp/sample" >"$tmp/many"
	assert "batches of $b bytes in 4 threads: the output of one" cmp "$tmp/one" "$tmp/many"
done

done_testing
