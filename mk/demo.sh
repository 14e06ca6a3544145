#!/bin/sh
# demo.sh BIN DUMP - run the pipeline on a dump and show what comes out.
set -eu
bin=$1 dump=$2
PATH=$bin:$PATH
export PATH
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { printf '\n$ %s\n' "$*"; }

say "ir-split $dump | jq -r '[.kind, .line, .id // \"\", .title // \"\"] | @tsv'"
ir-split "$dump" >"$tmp/posts.ndjson"
jq -r '[.kind, .line, .id // "", (.title // "" | .[0:40])] | @tsv' "$tmp/posts.ndjson"
last=$tmp/posts.ndjson
if command -v ir-extract >/dev/null 2>&1; then
	say "ir-split $dump | ir-extract | jq -c '{id, org, org_type, published, affected, data_types}'"
	ir-extract "$last" >"$tmp/facts.ndjson"
	jq -c 'select(.kind == "incident") | {id, org, org_type, published, affected, data_types}' "$tmp/facts.ndjson"
	last=$tmp/facts.ndjson
fi
if command -v ir-classify >/dev/null 2>&1; then
	say "... | ir-classify --explain | head -20"
	ir-classify --explain "$last" | head -20
	ir-classify "$last" >"$tmp/classified.ndjson"
	last=$tmp/classified.ndjson
fi
if command -v ir-stats >/dev/null 2>&1; then
	say "... | ir-stats -g category --sum affected --share"
	ir-stats -g category --sum affected --share "$last"
	say "... | ir-stats -g published:month -o bar"
	ir-stats -g published:month -o bar "$last"
fi
