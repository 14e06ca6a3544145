#!/bin/sh
# ir-classify: categories and evidence, rule files, --explain, failures.
. "$(dirname "$0")/../lib.sh"
plan 37
cd "$FIXTURES"

ir ir-split ../../examples/sample.txt | ir ir-extract >"$tmp/facts.ndjson"
run ir ir-classify "$tmp/facts.ndjson"
check "sample: runs clean" 0 "*" ""
cp "$tmp/out" "$tmp/classified.ndjson"
grep -v '"kind":"incident"' "$tmp/facts.ndjson" >"$tmp/a"
grep -v '"kind":"incident"' "$tmp/classified.ndjson" >"$tmp/b"
assert "other kinds pass through byte for byte" cmp -s "$tmp/a" "$tmp/b"
assert "incidents keep what they came with" \
	test "$(jq -c 'select(.kind == "incident") | del(.category, .categories, .evidence, .veris)' "$tmp/classified.ndjson" | md5sum)" = \
	"$(jq -c 'select(.kind == "incident")' "$tmp/facts.ndjson" | md5sum)"
assert "every incident has category, categories, evidence and veris" \
	test "$(jq -c 'select(.kind == "incident") | [has("category", "categories", "evidence", "veris")] | all' "$tmp/classified.ndjson" | sort -u)" = true
# The sample's hand labels accept one category or a few.
cat >"$tmp/agree.py" <<'PY'
import json, sys
gold = {g["line"]: [g["category"]] + g["category_ok"]
        for g in map(json.loads, open(sys.argv[1])) if g["kind"] == "incident"}
bad = [r["line"] for r in map(json.loads, open(sys.argv[2]))
       if r["kind"] == "incident" and r["category"] not in gold[r["line"]]]
sys.exit(1 if bad else 0)
PY
assert "categories agree with the sample's hand labels" \
	python3 "$tmp/agree.py" ../../examples/sample.gold.jsonl "$tmp/classified.ndjson"
cat >"$tmp/offsets.py" <<'PY'
import json, sys
n = 0
for r in map(json.loads, open(sys.argv[1])):
    t = r.get("text", "").encode()
    for e in r.get("evidence", []):
        m = e["match"].encode()
        assert t[e["offset"]:e["offset"] + len(m)] == m, (r["id"], e)
        n += 1
sys.exit(0 if n > 0 else 1)
PY
assert "evidence: match and offset are the text's own bytes" python3 "$tmp/offsets.py" "$tmp/classified.ndjson"

# A rule file of one's own.
cat >"$tmp/mine.rules" <<'RULES'
order fax_error
veris fax_error error internal
rule fax_error 3 lead ファクシミリ|FAX
RULES
run ir ir-classify -r "$tmp/mine.rules" "$tmp/facts.ndjson"
check "-r adds rules" 0 "*" ""
assert "-r: its label can win" test "$(jq -r 'select(.id == "2025-111") | .category' "$tmp/out")" = misdelivery
assert "-r: and appears among the categories" \
	test "$(jq -r 'select(.id == "2025-111") | [.categories[].label] | index("fax_error") != null' "$tmp/out")" = true
run ir ir-classify --no-default-rules -r "$tmp/mine.rules" "$tmp/facts.ndjson"
check "--no-default-rules: only the file's rules" 0 "*" ""
assert "--no-default-rules: fax_error first, others other" \
	test "$(jq -r 'select(.kind == "incident") | .category' "$tmp/out" | sort -u | tr '\n' ' ')" = "fax_error other "
assert "--no-default-rules: veris of the file" \
	test "$(jq -c 'select(.id == "2025-111") | .veris' "$tmp/out")" = '{"action":["error"],"actor":["internal"]}'
run ir ir-classify --no-default-rules "$tmp/facts.ndjson"
assert "no rules at all: every incident is other" \
	test "$(jq -r 'select(.kind == "incident") | .category' "$tmp/out" | sort -u)" = other

run ir ir-classify --dump-rules
check "--dump-rules" 0 "*" ""
cp "$tmp/out" "$tmp/dump.rules"
run ir ir-classify --no-default-rules -r "$tmp/dump.rules" "$tmp/facts.ndjson"
jq -c 'del(.evidence)' "$tmp/out" >"$tmp/a"
jq -c 'del(.evidence)' "$tmp/classified.ndjson" >"$tmp/b"
assert "--dump-rules reads back to the same verdicts" cmp -s "$tmp/a" "$tmp/b"

run ir ir-classify --explain "$tmp/facts.ndjson"
check "--explain" 0 "*" ""
assert "--explain: one account per incident" \
	test "$(grep -c '^  category: ' "$tmp/out")" -eq "$(jq -c 'select(.kind == "incident")' "$tmp/facts.ndjson" | wc -l)"
assert "--explain: evidence lines name their rule" grep -q '^  \* misdelivery .* default.rules:[0-9]*  "' "$tmp/out"

# The parts of a notice, "and" in a sentence, and moods, through the tool.
cat >"$tmp/told.rules" <<'RULES'
scope told title overview cause
rule taken 3 told 退職者|元社員
	and sentence 持ち出
rule open 2 told,prevention アクセス制限
	mood denied
	and clause かけ
rule ransom 3 body ランサムウェア
RULES
printf '【セキュリティ事件簿#2040-001】見本商事株式会社 顧客名簿の持ち出しについて 2040年1月5日\n退職者が顧客名簿を持ち出していました。ランサムウェアによるものではありません。\n\n再発防止策\n元社員の持ち出しを防ぎます。共有フォルダにアクセス制限をかけていませんでした。\n' >"$tmp/told.txt"
ir ir-split "$tmp/told.txt" >"$tmp/told.ndjson"
run ir ir-classify --no-default-rules -r "$tmp/told.rules" --explain "$tmp/told.ndjson"
check "scopes of parts, and in a sentence, moods" 0 "$tmp/told.ndjson:1  2040-001  見本商事株式会社 顧客名簿の持ち出しについて 2040年1月5日
  category: taken
  * taken              +3  $tmp/told.rules:2  \"退職者が顧客名簿を持ち出\" at 123
  * open               +2  $tmp/told.rules:4  \"アクセス制限をかけ\" at 321" ""
printf 'rule x 1 body a\n\tand 5\n' >"$tmp/and.rules"
run ir ir-classify -r "$tmp/and.rules"
check "'and' with a reach and no pattern" 2 "" "ir-classify: $tmp/and.rules:2:7: 'and' needs a pattern"

# Bad rule files: FILE:LINE:COLUMN and PCRE2's words, exit 2.
printf 'rule x 1 body ok\nrule y 1 body (unclosed\n' >"$tmp/bad.rules"
run ir ir-classify -r "$tmp/bad.rules" "$tmp/facts.ndjson"
check "bad pattern: file, line, column, message" 2 "" "ir-classify: $tmp/bad.rules:2:24: missing closing parenthesis"
printf 'rule x 1 everywhere a\n' >"$tmp/bad2.rules"
run ir ir-classify -r "$tmp/bad2.rules"
check "bad scope" 2 "" "ir-classify: $tmp/bad2.rules:1:10: 'everywhere' is not a scope: title, lead, body, overview, timeline, cause, data, response, prevention, contact, other, or a name given by 'scope'"
run ir ir-classify -r "$tmp/missing.rules"
check "missing rule file" 2 "" "ir-classify: $tmp/missing.rules: cannot open: No such file or directory"

# Rule files that are not: a device without end, a huge file, NUL bytes.
run ir ir-classify -r /dev/zero
check "-r /dev/zero: refused at its first byte" 2 "" "ir-classify: /dev/zero:1:1: NUL byte in a rule file"
head -c 17000000 /dev/zero | tr '\0' '#' >"$tmp/huge.rules"
run ir ir-classify -r "$tmp/huge.rules"
check "a rule file over 16 MiB: refused" 2 "" "ir-classify: $tmp/huge.rules: larger than 16 MiB: not a rule file"
printf 'rule x 1 body a\n# fine\nrule y 1 body b\0c\n' >"$tmp/nul.rules"
run ir ir-classify -r "$tmp/nul.rules"
check "a NUL byte: its line and column" 2 "" "ir-classify: $tmp/nul.rules:3:16: NUL byte in a rule file"
printf '\357\273\277order fax_error\nrule fax_error 3 lead ファクシミリ|FAX\n' >"$tmp/bom.rules"
run ir ir-classify -r "$tmp/bom.rules" "$tmp/facts.ndjson"
check "a rule file that starts with a byte-order mark" 0 "*" ""
assert "...is read whole" test "$(jq -r 'select(.id == "2025-111") | [.categories[].label] | index("fax_error") != null' "$tmp/out")" = true
printf 'rule x 1 body a\n\tunless -5 b\n' >"$tmp/neg.rules"
run ir ir-classify -r "$tmp/neg.rules"
check "a negative window: refused" 2 "" "ir-classify: $tmp/neg.rules:2:9: '-5' is not a whole number in range"

# A pathological pattern gives up fast, says so, and the rest goes on.
printf 'rule slow 2 body (a+)+$\n' >"$tmp/slow.rules"
python3 -c 'import json; print(json.dumps({"kind": "incident", "id": "2025-999", "text": "【セキュリティ事件簿#2025-999】例\n" + "a" * 20000 + "b\n"}))' >"$tmp/slow.ndjson"
start=$(date +%s)
run ir ir-classify --no-default-rules -r "$tmp/slow.rules" "$tmp/slow.ndjson" "$tmp/slow.ndjson"
elapsed=$(($(date +%s) - start))
check "pathological pattern: reported per record, exit 1" 1 "*" "ir-classify: $tmp/slow.ndjson:1: rule $tmp/slow.rules:1 gave up on this record
ir-classify: $tmp/slow.ndjson:1: rule $tmp/slow.rules:1 gave up on this record
ir-classify: rule $tmp/slow.rules:1 gave up on 2 records in all"
assert "pathological pattern: ends within a second or two" test "$elapsed" -le 2

# PCRE2's limits hold per start position; the budget holds per record:
# a pattern that scans to the end from every character of a long record.
printf 'rule scan 2 body (.)(?:(?!\\1).|\\1)*+(?!)\nrule fine 2 body 紛失\n' >"$tmp/scan.rules"
python3 -c 'import json; print(json.dumps({"kind": "incident", "id": "2025-998", "text": "【セキュリティ事件簿#2025-998】例\n書類を紛失しました。" + "かきくけ" * 25000 + "\n"}))' >"$tmp/long.ndjson"
start=$(date +%s)
run ir ir-classify --no-default-rules -r "$tmp/scan.rules" "$tmp/long.ndjson"
elapsed=$(($(date +%s) - start))
check "a scan from every start: gives up on the record, exit 1" 1 "*" "ir-classify: $tmp/long.ndjson:1: rule $tmp/scan.rules:1 gave up on this record"
if [ -z "$VALGRIND" ]; then
	assert "...within a second or two" test "$elapsed" -le 2
else
	skip "...within a second or two" "timed without valgrind only"
fi
assert "...and the other rules still count" test "$(jq -r .category "$tmp/out")" = fine
printf 'lead-end (.)(?:(?!\\1).|\\1)*+(?!)\nlead-chars 1000000\nrule fine 2 lead 紛失\n' >"$tmp/lead.rules"
run ir ir-classify --no-default-rules -r "$tmp/lead.rules" "$tmp/long.ndjson"
check "lead-end is bounded too" 1 "*" "ir-classify: $tmp/long.ndjson:1: lead-end $tmp/lead.rules:1 gave up on this record"

run ir ir-classify --threads 1 "$tmp/facts.ndjson"
assert "--threads 1 gives what many threads give" cmp -s "$tmp/out" "$tmp/classified.ndjson"
printf '{"kind":"incident"}\n' >"$tmp/notext.ndjson"
run ir ir-classify "$tmp/notext.ndjson"
check "incident without text: rejected" 1 "" "ir-classify: $tmp/notext.ndjson:1: incident without a text string"

done_testing
