#!/bin/sh
# ir.schema.json: every record the tools write, on the made-up dumps and
# on ../shared/corpus, is valid; a wrong one is refused.
. "$(dirname "$0")/../lib.sh"
top=$here/../..
schema=$top/ir.schema.json
check_schema() {
	python3 "$top/mk/schemacheck.py" "$schema" "$@"
}
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "1..0 # SKIP no python3-jsonschema"
	exit 0
fi

# The records of each stage, on each dump.
stages() {
	name=$1
	shift
	ir ir-split "$@" >"$tmp/$name.split"
	ir ir-extract <"$tmp/$name.split" >"$tmp/$name.extract"
	ir ir-classify <"$tmp/$name.extract" >"$tmp/$name.classify"
}
for d in "$top"/examples/*.txt; do
	n=$(basename "$d" .txt)
	stages "$n" "$d"
	run check_schema "$tmp/$n.split" "$tmp/$n.extract" "$tmp/$n.classify"
	check "$n: every record of ir-split, ir-extract and ir-classify is valid" 0 "" ""
done
if have_shared; then
	stages corpus "$IR_SHARED"/corpus/*.txt
	run check_schema "$tmp/corpus.split" "$tmp/corpus.extract" "$tmp/corpus.classify"
	check "../shared/corpus: every record of every stage is valid" 0 "" ""
else
	skip "../shared/corpus: every record of every stage is valid" "no ../shared"
fi

# Records the schema must refuse, made from a valid one.
rec=$(grep '"kind":"incident"' "$tmp/sample.classify" | head -1)
refused() {
	name=$1 filter=$2
	printf '%s\n' "$rec" | jq -c "$filter" >"$tmp/bad.ndjson"
	run check_schema "$tmp/bad.ndjson"
	check "refused: $name" 1 "*" ""
}
refused "an org_type that is no label" '.org_type = "corp"'
refused "a field no tool writes" '.orgs = .org'
refused "a stage's fields in part" 'del(.counts)'
refused "a date that is not YYYY-MM-DD" '.published = "2025/03/04"'
refused "a data type not in the list" '.data_types += ["shoe_size"]'
refused "a count of people that is negative" '.affected = -1'
refused "a section of no known name" '.sections = [{"name": "intro", "heading": null, "offset": 0, "length": 1}]'
printf '%s\n' "$rec" | jq -c '.sections = [{"name": "cause", "heading": "■原因", "offset": 10, "length": 40}] | .published_from = "body" | .subject_org = null' >"$tmp/new.ndjson"
run check_schema "$tmp/new.ndjson"
check "the fields ir-extract is gaining are valid" 0 "" ""

done_testing
