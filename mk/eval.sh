#!/bin/sh
# eval.sh BIN SHARED - score the tools against the gold labels.
#
# Runs the pipeline (as far as it is built) over ../shared/corpus and the
# made-up dumps of examples/ (heldout.txt, unseen.txt and sealed.txt were
# written without sight of the tools' rules; the last two have every
# extended field, and sealed.txt was kept away from everyone who worked on
# the rules until it was scored, once, in examples/sealed.first-pass.txt;
# sealed2.txt likewise, written by one who never saw the code or the rules,
# scored once in examples/sealed2.first-pass.txt and not tuned on),
# and scores them with ../shared/eval/score.py; fails when a
# measure is below the bar the issues set: on the corpus, the bars for
# notices the rules were written from; on unseen.txt, the bars for notices
# never seen.
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

# bars NOISE CORE CATEGORY EXTENDED: the --min options of score.py.
bars() {
	b="--min noise_p=$1 --min noise_r=$1 --min incidents=1.0 --min id=1.0"
	[ -x "$bin/ir-extract" ] && b="$b $2 $4"
	[ -x "$bin/ir-classify" ] && b="$b --min category=$3"
	echo "$b"
}
# The corpus: the notices the rules were written from (issue 11).
corpus=$(bars 0.95 "--min org=0.97 --min org_type=0.97 --min published=0.97 --min affected=0.97" 0.97 \
	"--min data_types_f1=0.95 --min reported_to=0.90 --min discovered=0.90 --min contractor=0.93 \
	 --min published_body=0.90 --min subject_org=1.0")
# The made-up dumps of the core fields (sample, heldout).
core=$(bars 0.9 "--min org=0.97 --min org_type=0.95 --min published=1.0 --min affected=0.97" 0.95 "")
# Notices never seen (issue 11).
unseen=$(bars 0.85 "--min org=0.95 --min org_type=0.95 --min published=0.97 --min affected=0.93" 0.92 \
	"--min data_types_f1=0.90 --min reported_to=0.85 --min discovered=0.85")

status=0
echo "== ../shared/corpus"
pipeline "$shared"/corpus/*.txt
# shellcheck disable=SC2086
python3 "$shared/eval/score.py" $corpus "$shared"/gold/*.jsonl <"$tmp/out.ndjson" || status=1
for dump in sample heldout unseen sealed sealed2; do
	echo "== examples/$dump.txt"
	pipeline examples/$dump.txt
	case $dump in unseen | sealed*) b=$unseen ;; *) b=$core ;; esac
	# shellcheck disable=SC2086
	python3 "$shared/eval/score.py" $b examples/$dump.gold.jsonl <"$tmp/out.ndjson" || status=1
done
exit $status
