#!/bin/sh
# ir-extract: fields added to incidents, pass-through, rejects, options.
. "$(dirname "$0")/../lib.sh"
plan 31
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
jq -c 'select(.kind == "incident") | del(.org, .org_type, .subject_org, .published, .published_raw, .published_from, .report_no, .affected, .affected_approx, .counts, .data_types, .reported_to, .discovered, .disclosure_days, .period, .contractor, .sections, .warnings)' "$tmp/facts.ndjson" >"$tmp/a"
jq -c 'select(.kind == "incident")' "$tmp/posts.ndjson" >"$tmp/b"
assert "incident fields of ir-split kept as they were" cmp -s "$tmp/a" "$tmp/b"
assert "every incident has the eighteen fields" \
	test "$(jq -c 'select(.kind == "incident") | [has("org", "org_type", "subject_org", "published", "published_raw", "published_from", "report_no", "affected", "affected_approx", "counts", "data_types", "reported_to", "discovered", "disclosure_days", "period", "contractor", "sections", "warnings")] | all' "$tmp/facts.ndjson" | sort -u)" = true

# A fixture with known facts.
printf '%s\n' '{"kind":"incident","id":"2025-031","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2025-031】株式会社ミナト精機 個人情報漏えいのお詫び(第2報) 2015年3月4日\n\n2025年2月3日、不審な通信を検知しました。お客様の氏名、住所(約1,234件)が流出した可能性があります。\n"}' >"$tmp/one.ndjson"
run ir ir-extract "$tmp/one.ndjson"
check "fixture: runs clean" 0 "*" ""
assert "fixture: facts" test "$(jq -c '[.org, .org_type, .published, .published_raw, .report_no, .affected, .affected_approx, .data_types, .discovered, .disclosure_days]' "$tmp/out")" = '["株式会社ミナト精機","company","2025-03-04","2015年3月4日",2,1234,true,["address","name"],"2025-02-03",29]'
assert "fixture: a warning for the corrected year" test "$(jq -r '.warnings[0]' "$tmp/out")" = "published year 2015 corrected to 2025 (post 2025-031)"
run ir ir-extract "$tmp/out"
check "running twice: same record" 0 "@$tmp/out" ""

# sections: parts of the body, in bytes of the original text, headings as written.
printf '%s\n' '{"kind":"incident","id":"2026-061","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2026-061】架空町 お知らせ 2026年2月1日\nＵＳＢメモリを紛失しました。\n【紛失した情報】\n町民の氏名\n■ 今後の対策\n管理を徹底します。\n"}' >"$tmp/sec.ndjson"
run ir ir-extract "$tmp/sec.ndjson"
check "sections: runs clean" 0 "*" ""
assert "sections: names, headings, offsets and lengths" test "$(jq -c '.sections' "$tmp/out")" = '[{"name":"overview","heading":null,"offset":81,"length":43},{"name":"data","heading":"【紛失した情報】","offset":124,"length":41},{"name":"prevention","heading":"■ 今後の対策","offset":165,"length":48}]'
assert "sections: they cover the body, byte for byte" test "$(jq -r '[.sections[] | .length] | add' "$tmp/out")" -eq "$(($(jq -j .text "$tmp/out" | wc -c) - 81))"
assert "sections: a heading is the text at its offset" test "$(jq -j '.text' "$tmp/out" | tail -c +125 | head -c 24)" = "【紛失した情報】"

# published_from: the header's date, the body's, or none.
{
	printf '%s\n' '{"kind":"incident","id":"2026-062","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2026-062】架空電機株式会社 不正アクセスについて\n2026年2月9日\n架空電機株式会社\n2026年2月2日、不審な通信を検知しました。\n"}'
	printf '%s\n' '{"kind":"incident","id":"2026-063","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2026-063】架空電機株式会社 続報\n2026年2月2日に検知した通信について、2026年2月5日にお知らせしましたとおり調査しております。\n"}'
} >"$tmp/pub.ndjson"
run ir ir-extract "$tmp/pub.ndjson"
check "published_from: runs clean" 0 "*" ""
assert "published_from: body, then none for an incident's date" test "$(jq -c '[.published, .published_from, .disclosure_days]' "$tmp/out" | tr '\n' ' ')" = '["2026-02-09","body",7] [null,null,null] '
run ir ir-extract "$tmp/one.ndjson"
assert "published_from: header" test "$(jq -r '.published_from' "$tmp/out")" = header

# subject_org: the body a regulator acted on; null elsewhere.
printf '%s\n' '{"kind":"incident","id":"2026-064","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2026-064】個人情報保護委員会 架空データ株式会社に対する行政上の対応について\n個人情報保護委員会は、架空データ株式会社に対し、令和8年3月2日に指導を行いましたので、お知らせいたします。\n架空データ株式会社は、令和8年1月6日に漏えいを把握した。\n"}' >"$tmp/reg.ndjson"
run ir ir-extract "$tmp/reg.ndjson"
check "subject_org: runs clean" 0 "*" ""
assert "subject_org: the organisation acted on, no disclosure delay" test "$(jq -c '[.subject_org, .published, .published_from, .discovered, .disclosure_days]' "$tmp/out")" = '["架空データ株式会社","2026-03-02","body","2026-01-06",null]'
assert "subject_org: null on other notices" test "$(jq -r 'select(.kind == "incident" and .subject_org != null) | .id' "$tmp/facts.ndjson")" = 2025-109

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
