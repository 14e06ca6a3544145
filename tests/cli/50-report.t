#!/bin/sh
# examples/report: the pipeline, ir-stats tables and gnuplot charts, made by make.
. "$(dirname "$0")/../lib.sh"
plan 18
top=$here/../..
if ! command -v gnuplot >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; then
	for n in $(seq 18); do skip "report ($n)" "no gnuplot or make"; done
	exit 0
fi
mkdir "$tmp/dumps"
cp "$top/examples/sample.txt" "$tmp/dumps/first.txt"
report() {
	# A make of its own, not a sub-make of the one running the tests.
	run env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory -C "$top/examples/report" DUMPS="$tmp/dumps" BUILD="$tmp/build" IR_BIN="$IR_BIN" "$@"
}

report
check "make builds the report quietly" 0 "" ""
png_ok() {
	test "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a
}
assert "month.png is a PNG file" png_ok "$tmp/build/month.png"
assert "category.png is a PNG file" png_ok "$tmp/build/category.png"
ir ir-stats --incidents -o tsv -g category --share "$tmp/build/records/first.ndjson" |
	awk -f "$top/examples/report/table.awk" >"$tmp/want"
assert "report.md holds the category table of ir-stats --incidents" grep -qxF "$(sed -n 3p "$tmp/want")" "$tmp/build/report.md"
assert "report.md holds the month, org type, affected and delay tables" test \
	"$(grep -c -e '^| published:month | incidents | notices |$' -e '^| org_type | count | share ' \
		-e '^| category | count | sum_affected | median_affected | max_affected | n_affected |$' \
		-e '^| org_type | count | mean_disclosure_days | median_disclosure_days | max_disclosure_days | n_disclosure_days |$' \
		"$tmp/build/report.md")" -eq 4
n=$(ir ir-stats --incidents -o tsv "$tmp/build/records/first.ndjson" | sed -n 2p)
m=$(ir ir-stats -o tsv "$tmp/build/records/first.ndjson" | sed -n 2p)
assert "report.md gives the number of incidents and of notices" \
	grep -q "^$n incidents ($m notices, copies left out) from 1 dump(s)" "$tmp/build/report.md"
assert "big numbers have thousands separators" grep -q '^| .* | [0-9]\{1,3\},[0-9]\{3\} |' "$tmp/build/report.md"
assert "the coverage: first and last date, undated notices, months without any" \
	grep -qx 'Notices from 2025-01-22 to 2025-03-04; 1 without a date (left out of the month chart); months with no notice at all, shown as gaps: none.' "$tmp/build/report.md"
assert "the undated incidents the month chart leaves out are said in words" \
	grep -qx '1 incident(s) without a date: not in the chart nor the table.' "$tmp/build/report.md"

report -q
check "a second make has nothing to do (make -q)" 0 "" ""
ls -l --time-style=+%s.%N "$tmp/build" "$tmp/build/records" >"$tmp/before"
sleep 1
cp "$top/examples/sample.txt" "$tmp/dumps/second.txt"
report
ls -l --time-style=+%s.%N "$tmp/build/records" >"$tmp/after"
assert "a new dump: the old dump's records are not made again" \
	test "$(grep first.ndjson "$tmp/before")" = "$(grep first.ndjson "$tmp/after")"
assert "a new dump: its records are made" test -s "$tmp/build/records/second.ndjson"
assert "incidents repeated in another dump are counted once" \
	grep -q "^$n incidents ($m notices, copies left out) from 2 dump(s)" "$tmp/build/report.md"

# A dump with a month missing: a gap, not a zero; LABELS=ja.
awk '/^【セキュリティ事件簿#2025-11[89]】/ { skip = 1 } /^【/ && !/#2025-11[89]】/ { skip = 0 } !skip' \
	"$top/examples/sample.txt" | sed 's/2025年1月22日/2024年11月22日/' >"$tmp/dumps/second.txt"
report BUILD="$tmp/ja" LABELS=ja
check "make LABELS=ja" 0 "" ""
assert "LABELS=ja: Japanese category names in the tables" grep -q '^| ランサムウェア | ' "$tmp/ja/report.md"
assert "LABELS=ja: and in the chart's data" grep -q '^ランサムウェア	' "$tmp/ja/category.chart"
assert "a month with no notice is a gap: no count, in words" \
	grep -q '^| 2024-12 | – | 0 |$' "$tmp/ja/report.md"
assert "the gap is named in the coverage" grep -q 'shown as gaps: 2024-12' "$tmp/ja/report.md"

done_testing
