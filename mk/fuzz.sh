#!/bin/sh
# fuzz.sh SECONDS [TARGET...] - build the libFuzzer harnesses of
# tests/fuzz and run each for SECONDS, starting from its seeds in
# tests/fuzz/seeds/TARGET and the corpus kept in build/fuzz/corpus/TARGET.
# A crash leaves its input in build/fuzz/ and fails the run.
set -eu
secs=${1:-60}
shift || true
out=build/fuzz
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
make -s OBJ=$out/obj BIN=$out/bin CC=clang \
	CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $san" $out/obj/lib/libir.a
libs=$(pkg-config --cflags --libs libpcre2-8 libutf8proc jansson)
targets=${*:-$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')}
status=0
for t in $targets; do
	# shellcheck disable=SC2086
	clang -g -O1 -fsanitize=fuzzer $san -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror \
		-Ilib -Itests/fuzz tests/fuzz/fuzz_$t.c $out/obj/lib/libir.a $libs -lm -pthread \
		-o $out/fuzz_$t
	mkdir -p $out/corpus/$t
	printf 'fuzz %s for %s s: ' "$t" "$secs"
	# -close_fd_mask=2: the parsers' own messages (refused rule files...)
	# stay out of the log; libFuzzer and the sanitizers still report.
	if $out/fuzz_$t -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -close_fd_mask=2 \
		-artifact_prefix=$out/$t- $out/corpus/$t tests/fuzz/seeds/$t >$out/$t.log 2>&1; then
		grep -o 'stat::number_of_executed_units: [0-9]*\|cov: [0-9]*' $out/$t.log | tail -1
		grep -E '^Done [0-9]+ runs' $out/$t.log || echo ok
	else
		echo FAILED
		tail -40 $out/$t.log
		status=1
	fi
done
exit $status
