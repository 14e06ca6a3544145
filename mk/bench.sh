#!/bin/sh
# bench.sh BIN SHARED RUNS SIZE... - the measurements of BENCHMARKS.md.
#
# For each SIZE (MiB) it writes a dump with SHARED/bench/make-corpus, then
# times each tool alone on its own input, the whole pipeline, and the
# references in the same run: cat, SHARED/bench/baseline.py (each stage,
# and all), mlr and jq -s for the statistics, and the floor of any
# four-process pipeline: ir-split piped through three cats.  Our tools
# run RUNS times; the references, which take minutes on a large dump, run
# 3 times up to 256 MiB and once above (BENCH_REF_RUNS overrides).  Reported: the
# median wall time, MB/s of the input (10^6 bytes) and the peak RSS of
# the largest process, then the ratios the goals are stated in; last, one
# post of 5 MB through ir-extract (its passes are linear in a post).  The
# report goes to stdout and build/bench/report.md; inputs are kept in
# build/bench and made again only when missing.
set -eu
bin=$(cd "$1" && pwd) shared=$2 runs=$3
shift 3
sizes=${*:-64 256 1024}
dir=build/bench
mkdir -p "$dir"
export LC_ALL=C.UTF-8
base="python3 $shared/bench/baseline.py"
[ -x "$shared/bench/make-corpus" ] || { echo "bench.sh: no $shared/bench/make-corpus" >&2; exit 2; }

# measure RUNS NAME INPUT CMD: appends "name size secs rss_kib" to $dir/raw.
measure() {
	n=$1 name=$2 input=$3 cmd=$4
	: >"$dir/times"
	i=0
	while [ $i -lt "$n" ]; do
		/usr/bin/time -f '%e %M' -o "$dir/one" sh -c "$cmd" >/dev/null
		cat "$dir/one" >>"$dir/times"
		i=$((i + 1))
	done
	# The median time; the largest RSS of the runs.
	sort -n "$dir/times" | awk -v name="$name" -v size="$size" -v bytes="$(wc -c <"$input")" '
		{ t[NR] = $1; if ($2 > rss) rss = $2 }
		END { printf "%s %s %s %.2f %d\n", name, size, bytes, t[int((NR + 1) / 2)], rss }' \
		>>"$dir/raw"
	tail -1 "$dir/raw" >&2
}

: >"$dir/raw"
for size in $sizes; do
	d=$dir/dump$size.txt s=$dir/split$size.ndjson e=$dir/extract$size.ndjson c=$dir/classify$size.ndjson
	[ -s "$d" ] || "$shared/bench/make-corpus" "$size" >"$d"
	[ -s "$s" ] || "$bin/ir-split" "$d" >"$s"
	[ -s "$e" ] || "$bin/ir-extract" "$s" >"$e"
	[ -s "$c" ] || "$bin/ir-classify" "$e" >"$c"
	[ -s "$dir/base-split$size.ndjson" ] || $base split <"$d" >"$dir/base-split$size.ndjson"
	[ -s "$dir/base-extract$size.ndjson" ] ||
		$base extract <"$dir/base-split$size.ndjson" >"$dir/base-extract$size.ndjson"
	[ -s "$dir/base-classify$size.ndjson" ] ||
		$base classify <"$dir/base-extract$size.ndjson" >"$dir/base-classify$size.ndjson"
	refruns=${BENCH_REF_RUNS:-$([ "$size" -le 256 ] && echo 3 || echo 1)}

	measure "$runs" cat "$d" "cat $d"
	measure "$runs" ir-split "$d" "$bin/ir-split $d"
	measure "$runs" ir-extract "$s" "$bin/ir-extract $s"
	measure "$runs" "ir-extract_--threads_1" "$s" "$bin/ir-extract --threads 1 $s"
	measure "$runs" "parallel_-j2_ir-extract_--threads_1" "$s" \
		"parallel --pipepart -a $s --keep-order --block 8M -j 2 $bin/ir-extract --threads 1"
	measure "$runs" ir-classify "$e" "$bin/ir-classify $e"
	measure "$runs" "ir-classify_--threads_1" "$e" "$bin/ir-classify --threads 1 $e"
	measure "$runs" "ir-stats_-g_category" "$c" "$bin/ir-stats -g category $c"
	measure "$runs" pipeline "$d" \
		"$bin/ir-split $d | $bin/ir-extract | $bin/ir-classify | $bin/ir-stats -g category"
	# The floor of any four-process pipeline: the records moved through
	# three pipes with no work done on them.
	measure "$runs" "floor:_ir-split_then_3_cats" "$d" "$bin/ir-split $d | cat | cat | cat"
	measure "$refruns" "baseline.py_split" "$d" "$base split <$d"
	measure "$refruns" "baseline.py_extract" "$dir/base-split$size.ndjson" \
		"$base extract <$dir/base-split$size.ndjson"
	measure "$refruns" "baseline.py_classify" "$dir/base-extract$size.ndjson" \
		"$base classify <$dir/base-extract$size.ndjson"
	measure "$refruns" "baseline.py_stats" "$dir/base-classify$size.ndjson" \
		"$base stats <$dir/base-classify$size.ndjson"
	measure "$refruns" "baseline.py_all" "$d" "$base all <$d"
	measure "$refruns" "mlr_count_-g_category" "$c" "mlr --ijsonl --opprint count -g category $c"
	# jq -s holds the whole input in memory: 256 MiB at most.
	if [ "$size" -le 256 ]; then
		measure "$refruns" "jq_-s" "$c" "jq -s -c 'map(select(.kind == \"incident\" and \
.duplicate_of == null)) | group_by(.category) | map({category: .[0].category, count: length})' $c"
	fi
done

# One post of 5 MB (fictional text, made here): every pass of ir-extract
# over a post must be linear in its length (issue 13), so this takes
# about what 5 MB of ordinary posts take.
size=one-post
post=$dir/post5mb.ndjson
[ -s "$post" ] || LC_ALL=C awk 'BEGIN {
	printf "{\"kind\":\"incident\",\"id\":\"2026-900\",\"source\":\"bench\",\"line\":1,"
	printf "\"offset\":0,\"title\":\"x\",\"text\":\"【セキュリティ事件簿#2026-900】架空工業株式会社 "
	printf "長い通知 2026年1月9日\\n■ 経緯\\n"
	s = "2026年1月5日、所轄警察署、監督官庁および個人情報保護委員会に報告しました。" \
	    "委託先の保守業者が氏名、住所、電話番号を含むファイル(約1,200件)を誤って公開しましたが、" \
	    "クレジットカード情報およびパスワードは含まれておりません。不審なメールにご注意ください。\\n"
	for (n = 0; n < 5000000; n += length(s))
		printf "%s", s
	print "\"}"
}' >"$post"
measure "$runs" "ir-extract_--threads_1_on_one_5_MB_post" "$post" "$bin/ir-extract --threads 1 $post"

awk '
function row(k) { return sprintf("| %s | %.1f | %.2f | %.0f | %.1f |", name[k], bytes[k] / 1e6,
	secs[k], secs[k] > 0 ? bytes[k] / 1e6 / secs[k] : 0, rss[k] / 1024) }
function ratio(a, b, goal, what,   r) {
	if (!((a, sz) in secs) || !((b, sz) in secs) || secs[a, sz] == 0) return
	r = secs[b, sz] / secs[a, sz]
	printf "| %s | %.1f× | %s |\n", what, r, (goal == "" ? "" : (r >= goal ? "met (≥ " goal "×)" : "missed (goal " goal "×)"))
}
function speed(a, goal, what,   v) {
	if (!((a, sz) in secs) || secs[a, sz] == 0) return
	v = bytes[a, sz] / 1e6 / secs[a, sz]
	printf "| %s | %.0f MB/s | %s |\n", what, v, (v >= goal ? "met (≥ " goal " MB/s)" : "missed (goal " goal " MB/s)")
}
{
	k = $1 SUBSEP $2
	gsub(/_/, " ", $1)
	name[k] = $1; bytes[k] = $3; secs[k] = $4; rss[k] = $5
	if (!($2 in seen)) { seen[$2] = 1; order[++nsizes] = $2 }
	keys[$2, ++nkeys[$2]] = k
}
END {
	for (i = 1; i <= nsizes; i++) {
		sz = order[i]
		if (sz !~ /^[0-9]+$/) {
			printf "\n### %s\n\n", sz
			print "| command | input MB | median s | MB/s | peak RSS MiB |"
			print "| --- | ---: | ---: | ---: | ---: |"
			for (j = 1; j <= nkeys[sz]; j++) print row(keys[sz, j])
			continue
		}
		printf "\n### %s MiB dump\n\n", sz
		print "| command | input MB | median s | MB/s | peak RSS MiB |"
		print "| --- | ---: | ---: | ---: | ---: |"
		for (j = 1; j <= nkeys[sz]; j++) print row(keys[sz, j])
		print "\n| ratio | value | goal |"
		print "| --- | ---: | --- |"
		ratio("pipeline", "baseline.py_all", 25, "pipeline vs baseline.py all")
		ratio("floor:_ir-split_then_3_cats", "baseline.py_all", "", "floor (split, 3 pipes, no work) vs baseline.py all")
		ratio("ir-split", "baseline.py_split", "", "ir-split vs baseline.py split")
		ratio("ir-extract", "baseline.py_extract", "", "ir-extract vs baseline.py extract")
		ratio("ir-classify", "baseline.py_classify", "", "ir-classify vs baseline.py classify")
		ratio("ir-extract_--threads_1", "baseline.py_extract", 4, "ir-extract --threads 1 vs baseline.py extract")
		ratio("ir-classify_--threads_1", "baseline.py_classify", 3, "ir-classify --threads 1 vs baseline.py classify")
		ratio("ir-stats_-g_category", "baseline.py_stats", "", "ir-stats vs baseline.py stats")
		ratio("ir-stats_-g_category", "mlr_count_-g_category", 10, "ir-stats vs mlr")
		ratio("ir-stats_-g_category", "jq_-s", 1, "ir-stats vs jq -s")
		ratio("ir-extract", "ir-extract_--threads_1", "", "ir-extract: 2 threads vs 1")
		ratio("parallel_-j2_ir-extract_--threads_1", "ir-extract_--threads_1", "", "ir-extract: parallel -j2 vs 1 thread")
		ratio("cat", "ir-split", "", "ir-split time / cat time")
		speed("ir-split", 500, "ir-split")
		speed("ir-extract", 100, "ir-extract")
		speed("ir-classify", 100, "ir-classify")
	}
	print "\n### Peak RSS (MiB) as the dump grows\n"
	printf "| tool |"; for (i = 1; i <= nsizes; i++) if (order[i] ~ /^[0-9]+$/) printf " %s MiB |", order[i]; print ""
	printf "| --- |"; for (i = 1; i <= nsizes; i++) if (order[i] ~ /^[0-9]+$/) printf " ---: |"; print ""
	split("ir-split ir-extract ir-classify ir-stats_-g_category pipeline", t, " ")
	for (j = 1; j <= 5; j++) {
		n = t[j]; gsub(/_/, " ", n); printf "| %s |", n
		for (i = 1; i <= nsizes; i++) if (order[i] ~ /^[0-9]+$/) printf " %.1f |", rss[t[j], order[i]] / 1024
		print ""
	}
}' "$dir/raw" | tee "$dir/report.md"
