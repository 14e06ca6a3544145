#!/bin/sh
# Scale-out: the pipeline cut into pieces by GNU parallel (the README's
# recipes), and by the tools' own threads, writes what one serial run
# writes, byte for byte.
. "$(dirname "$0")/../lib.sh"
cd "$FIXTURES"

# same_as_serial NAME DUMP...: serial and parallel runs of the pipeline.
same_as_serial() {
	what=$1
	shift
	ir ir-split "$@" >"$tmp/split"
	ir ir-extract --threads 1 "$tmp/split" | ir ir-classify --threads 1 >"$tmp/serial"
	ir ir-stats --threads 1 -g category --sum affected --median affected --share "$tmp/serial" \
		>"$tmp/stats.serial"

	ir ir-extract --threads 2 "$tmp/split" | ir ir-classify --threads 2 >"$tmp/threads"
	assert "$what: --threads 2 equals --threads 1" cmp "$tmp/serial" "$tmp/threads"

	if ! command -v parallel >/dev/null 2>&1; then
		skip "$what: parallel --pipe --keep-order" "no GNU parallel"
		skip "$what: ir-stats --partial | --merge" "no GNU parallel"
		return
	fi
	# Small blocks, so that even a small dump is cut into many pieces.
	parallel --pipe --keep-order --block 20k -j 2 "$IR_BIN/ir-extract" --threads 1 <"$tmp/split" |
		parallel --pipe --keep-order --block 20k -j 2 "$IR_BIN/ir-classify" --threads 1 \
			>"$tmp/parallel"
	assert "$what: parallel --pipe --keep-order" cmp "$tmp/serial" "$tmp/parallel"
	parallel --pipe --block 20k -j 2 "$IR_BIN/ir-stats" --partial -g category --sum affected \
		--median affected <"$tmp/parallel" >"$tmp/parts"
	ir ir-stats --merge -g category --sum affected --median affected --share "$tmp/parts" \
		>"$tmp/stats.merged"
	assert "$what: ir-stats --partial | --merge" cmp "$tmp/stats.serial" "$tmp/stats.merged"
}

same_as_serial "sample" ../../examples/sample.txt ../../examples/heldout.txt
if have_shared; then
	same_as_serial "corpus" "$IR_SHARED"/corpus/*.txt
else
	for n in 1 2 3; do skip "corpus: parallel ($n)" "no ../shared/corpus"; done
fi

done_testing
