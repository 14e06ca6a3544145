#!/bin/sh
# eval.sh BIN SHARED - score the tools against the gold labels.
#
# Runs the pipeline (as far as it is built) over ../shared/corpus and the
# two made-up dumps, examples/sample.txt and examples/heldout.txt (the
# latter written without sight of the tools' rules), and scores them with
# ../shared/eval/score.py; fails when a measure is below the bar the issues
# set.
set -eu
bin=$1 shared=$2
if [ ! -f "$shared/eval/score.py" ]; then
	echo "eval.sh: $shared/eval/score.py not found; nothing to score against" >&2
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pipeline() {
	"$bin/ir-split" "$@" >"$tmp/out.ndjson"
	for t in ir-extract ir-classify; do
		if [ -x "$bin/$t" ]; then
			"$bin/$t" <"$tmp/out.ndjson" >"$tmp/next.ndjson"
			mv "$tmp/next.ndjson" "$tmp/out.ndjson"
		fi
	done
}

bars="--min noise_p=0.9 --min noise_r=0.9 --min incidents=1.0 --min id=1.0"
[ -x "$bin/ir-extract" ] && bars="$bars --min org=0.97 --min org_type=0.95 --min published=1.0 --min affected=0.97"
[ -x "$bin/ir-classify" ] && bars="$bars --min category=0.95"

status=0
echo "== ../shared/corpus"
pipeline "$shared"/corpus/*.txt
# shellcheck disable=SC2086
python3 "$shared/eval/score.py" $bars "$shared"/gold/*.jsonl <"$tmp/out.ndjson" || status=1
for dump in sample heldout; do
	echo "== examples/$dump.txt"
	pipeline examples/$dump.txt
	# shellcheck disable=SC2086
	python3 "$shared/eval/score.py" $bars examples/$dump.gold.jsonl <"$tmp/out.ndjson" || status=1
done
exit $status
