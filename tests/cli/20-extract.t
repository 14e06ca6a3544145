#!/bin/sh
# ir-extract: fields added to incidents, pass-through, rejects, options.
. "$(dirname "$0")/../lib.sh"
plan 42
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

# Fictional notices in layouts of their own (第1, a letter with 記 and 以上,
# a body that dates itself, a news report, labels before colons): the facts
# each states, where it states them.
ir ir-split layouts.txt | ir ir-extract >"$tmp/layouts.ndjson"
jq -c 'select(.kind == "incident") | [.id, .org, .published, .published_from, .data_types, .reported_to, .discovered, .contractor, .affected, [.sections[] | .name]]' "$tmp/layouts.ndjson" >"$tmp/got"
assert "layouts: facts and parts of notices in other layouts" cmp -s layouts.want "$tmp/got"

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
# Counts are kept exactly past 2^53 (the JSON is compared as text: jq
# would round it), or null with a warning when past 2^63 - 1.
record() {
	printf '{"kind":"incident","id":"2025-071","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2025-071】見本商事 お詫び\\n%s\\n"}\n' "$1"
}
record "会員情報9007199254740993件が流出したおそれがあります。" >"$tmp/in"
run ir ir-extract
check "a count past 2^53 stays exact" 0 "*" ""
assert "a count past 2^53: affected and counts[].n are exact" \
	test "$(grep -o '"affected":[0-9]*,\|"n":[0-9]*' "$tmp/out" | tr '\n' ' ')" = '"affected":9007199254740993, "n":9007199254740993 '
record "約2.2万件の個人情報と、1.5件分" >"$tmp/in"
run ir ir-extract
assert "counts with decimals stay right" \
	test "$(grep -o '"affected":[0-9.]*,\|"n":[0-9.]*' "$tmp/out" | tr '\n' ' ')" = '"affected":22000, "n":22000 "n":1.5 '
record "顧客情報99999999999999999999件、ほか3名" >"$tmp/in"
run ir ir-extract
assert "a count past 2^63: null with a warning, not another count" \
	test "$(jq -c '[.affected, [.counts[].n], .warnings]' "$tmp/out")" = \
	'[null,[null,3],["count 99999999999999999999件 is too large to keep exactly: it and affected are null"]]'

# Days an era does not hold: read as the Gregorian day, with a warning.
printf '%s\n' '{"kind":"incident","id":"2019-072","source":"t","line":1,"offset":0,"title":"x","text":"【セキュリティ事件簿#2019-072】見本商事 お詫び 令和元年6月3日\n平成31年5月7日、当社サーバへの不正アクセスを確認しました。昭和64年1月8日から令和元年4月30日までの期間に登録されたお客様の情報が流出しました。\n"}' >"$tmp/in"
run ir ir-extract
check "days an era does not hold: runs clean" 0 "*" ""
cat >"$tmp/want" <<'OUT'
{"published":"2019-06-03","discovered":"2019-05-07","period":{"from":"1989-01-08","to":"2019-04-30"},"warnings":["discovered date 平成31年5月7日 is after the last day of 平成 (2019-04-30): read as 2019-05-07","period from date 昭和64年1月8日 is after the last day of 昭和 (1989-01-07): read as 1989-01-08","period to date 令和元年4月30日 is before the first day of 令和 (2019-05-01): read as 2019-04-30"]}
OUT
jq -c '{published, discovered, period, warnings}' "$tmp/out" >"$tmp/got"
assert "days an era does not hold: read as Gregorian days, with warnings" cmp -s "$tmp/want" "$tmp/got"
rm "$tmp/in"

# Records of an old Mac dump (CR line ends) read as those of the LF dump.
tr '\n' '\r' <../../examples/sample.txt >"$tmp/cr.txt"
ir ir-split "$tmp/cr.txt" 2>/dev/null >"$tmp/cr.ndjson"
run ir ir-extract "$tmp/cr.ndjson"
check "CR line ends: runs clean" 0 "*" ""
jq -c 'select(.kind == "incident") | [.org, .published, .affected, .data_types, .discovered]' "$tmp/out" >"$tmp/got"
jq -c 'select(.kind == "incident") | [.org, .published, .affected, .data_types, .discovered]' \
	"$tmp/facts.ndjson" >"$tmp/want"
assert "CR line ends: the facts of the LF dump" cmp -s "$tmp/want" "$tmp/got"

# Invisible characters inside words, dates and headers are left out of
# what is read (the text keeps them).
awk 'BEGIN { z = "\342\200\213" }
/^【/ { sub(/】/, "】" z); print z $0 "\342\201\240"; next }
{ gsub(/。/, "。" z); gsub(/個人情報/, "個人" z "情報"); gsub(/月/, z "月"); print }' \
	../../examples/sample.txt >"$tmp/zw.txt"
ir ir-split "$tmp/zw.txt" >"$tmp/zw.ndjson"
run ir ir-extract "$tmp/zw.ndjson"
check "invisible characters: runs clean" 0 "*" ""
jq -c 'select(.kind == "incident") | [.org, .published, .affected, .data_types, .reported_to, .discovered]' \
	"$tmp/out" >"$tmp/got"
jq -c 'select(.kind == "incident") | [.org, .published, .affected, .data_types, .reported_to, .discovered]' \
	"$tmp/facts.ndjson" >"$tmp/want"
assert "invisible characters: the facts of the plain dump" cmp -s "$tmp/want" "$tmp/got"

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
