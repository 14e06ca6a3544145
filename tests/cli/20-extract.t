#!/bin/sh
# ir-extract: fields added to incidents, pass-through, rejects, options.
. "$(dirname "$0")/../lib.sh"
plan 21
cd "$FIXTURES"

ir ir-split ../../examples/sample.txt >"$tmp/posts.ndjson"

run ir ir-extract "$tmp/posts.ndjson"
check "sample: runs clean" 0 "*" ""
cp "$tmp/out" "$tmp/facts.ndjson"
assert "one record out per record in" test "$(wc -l <"$tmp/facts.ndjson")" -eq "$(wc -l <"$tmp/posts.ndjson")"
jq -c 'select(.kind != "incident")' "$tmp/posts.ndjson" >"$tmp/a"
jq -c 'select(.kind != "incident")' "$tmp/facts.ndjson" >"$tmp/b"
assert "noise and preamble pass through unchanged" cmp -s "$tmp/a" "$tmp/b"
grep -v '"kind":"incident"' "$tmp/posts.ndjson" >"$tmp/a"
grep -v '"kind":"incident"' "$tmp/facts.ndjson" >"$tmp/b"
assert "pass-through is byte for byte" cmp -s "$tmp/a" "$tmp/b"
jq -c 'select(.kind == "incident") | del(.org, .org_type, .published, .published_raw, .report_no, .affected, .affected_approx, .counts, .data_types, .reported_to, .discovered, .disclosure_days, .period, .contractor, .warnings)' "$tmp/facts.ndjson" >"$tmp/a"
jq -c 'select(.kind == "incident")' "$tmp/posts.ndjson" >"$tmp/b"
assert "incident fields of ir-split kept as they were" cmp -s "$tmp/a" "$tmp/b"
assert "every incident has the fifteen fields" \
	test "$(jq -c 'select(.kind == "incident") | [has("org", "org_type", "published", "published_raw", "report_no", "affected", "affected_approx", "counts", "data_types", "reported_to", "discovered", "disclosure_days", "period", "contractor", "warnings")] | all' "$tmp/facts.ndjson" | sort -u)" = true

# A fixture with known facts.
printf '%s\n' '{"kind":"incident","id":"2025-031","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2025-031】株式会社ミナト精機 個人情報漏えいのお詫び(第2報) 2015年3月4日\n\n2025年2月3日、不審な通信を検知しました。お客様の氏名、住所(約1,234件)が流出した可能性があります。\n"}' >"$tmp/one.ndjson"
run ir ir-extract "$tmp/one.ndjson"
check "fixture: runs clean" 0 "*" ""
assert "fixture: facts" test "$(jq -c '[.org, .org_type, .published, .published_raw, .report_no, .affected, .affected_approx, .data_types, .discovered, .disclosure_days]' "$tmp/out")" = '["株式会社ミナト精機","company","2025-03-04","2015年3月4日",2,1234,true,["address","name"],"2025-02-03",29]'
assert "fixture: a warning for the corrected year" test "$(jq -r '.warnings[0]' "$tmp/out")" = "published year 2015 corrected to 2025 (post 2025-031)"
run ir ir-extract "$tmp/out"
check "running twice: same record" 0 "@$tmp/out" ""

# Bad lines: reported, set aside, the rest goes on.
{
	head -2 "$tmp/posts.ndjson"
	echo '[1, 2]'
	echo '{"kind":"incident","text":5}'
	echo '{"kind":"incident","text":"【セキュリティ事件簿#2025-001】x'
	echo ''
	sed -n 3p "$tmp/posts.ndjson"
} >"$tmp/bad.ndjson"
run ir ir-extract --rejects "$tmp/rej" "$tmp/bad.ndjson"
check "bad lines: reported with file and line, exit 1" 1 "*" "ir-extract: $tmp/bad.ndjson:3: not a JSON object
ir-extract: $tmp/bad.ndjson:4: incident without a text string
ir-extract: $tmp/bad.ndjson:5: not a JSON object"
assert "bad lines: the good records are written" test "$(wc -l <"$tmp/out")" -eq 3
assert "bad lines: --rejects holds them verbatim" test "$(sed -n '3,5p' "$tmp/bad.ndjson")" = "$(cat "$tmp/rej")"

run ir ir-extract --threads 1 "$tmp/posts.ndjson"
assert "--threads 1 gives what many threads give" cmp -s "$tmp/out" "$tmp/facts.ndjson"
cp "$tmp/posts.ndjson" "$tmp/in"
run ir ir-extract --line-buffered
rm "$tmp/in"
assert "--line-buffered on stdin gives the same" cmp -s "$tmp/out" "$tmp/facts.ndjson"

run ir ir-extract --threads x
check "--threads needs a number" 2 "" "ir-extract: --threads: expected a whole number from 0 to 64, not 'x'
usage: ir-extract [--line-buffered] [--max-record-bytes N] [--rejects FILE]
                  [--threads N] [FILE...]
Try 'ir-extract --help' for more information."
run ir ir-extract --rejects /nonexistent/dir/r "$tmp/posts.ndjson"
check "--rejects that cannot be created" 2 "" "ir-extract: /nonexistent/dir/r: cannot create: No such file or directory"
run ir ir-extract "$tmp/missing"
check "missing input" 2 "" "ir-extract: $tmp/missing: cannot open: No such file or directory"
if [ -w /dev/full ]; then
	set +e
	ir ir-extract "$tmp/posts.ndjson" >/dev/full 2>"$tmp/err"
	status=$?
	set -e
	: >"$tmp/out"
	check "output to /dev/full" 2 "" "ir-extract: write error on standard output: No space left on device"
else
	skip "output to /dev/full" "no /dev/full"
fi
run ir ir-extract --help
assert "--help" test "$status" -eq 0 -a "$(head -1 "$tmp/out")" = "usage: ir-extract [--line-buffered] [--max-record-bytes N] [--rejects FILE]"

if have_shared; then
	ir ir-split "$IR_SHARED"/corpus/*.txt | ir ir-extract >"$tmp/corpus.ndjson"
	assert "corpus: org, org_type, published, affected reach the bars" \
		python3 "$IR_SHARED/eval/score.py" --min org=0.97 --min org_type=0.95 --min published=1.0 \
		--min affected=0.97 "$IR_SHARED"/gold/*.jsonl <"$tmp/corpus.ndjson"
else
	skip "corpus: org, org_type, published, affected reach the bars" "no ../shared"
fi

done_testing
