#!/bin/sh
# examples/report: the pipeline, ir-stats tables and gnuplot charts, made by make.
. "$(dirname "$0")/../lib.sh"
plan 10
top=$here/../..
if ! command -v gnuplot >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; then
	for n in 1 2 3 4 5 6 7 8 9 10; do skip "report ($n)" "no gnuplot or make"; done
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
ir ir-stats -o markdown -g category --share "$tmp/build/records/first.ndjson" >"$tmp/want"
assert "report.md holds the category table of ir-stats" grep -qxF "$(sed -n 3p "$tmp/want")" "$tmp/build/report.md"
assert "report.md holds the month, org type, affected and delay tables" test \
	"$(grep -c -e '^| published:month ' -e '^| org_type  *| count | share ' \
		-e '^| category  *| count | sum_affected ' -e '^| org_type  *| count | mean_disclosure_days ' \
		"$tmp/build/report.md")" -eq 4
n=$(ir ir-stats -o tsv "$tmp/build/records/first.ndjson" | sed -n 2p)
assert "report.md gives the number of incidents" grep -q "^$n incidents (copies left out) from 1 dump(s)" "$tmp/build/report.md"

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
	grep -q "^$n incidents (copies left out) from 2 dump(s)" "$tmp/build/report.md"

done_testing
