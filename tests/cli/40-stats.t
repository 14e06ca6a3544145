#!/bin/sh
# ir-stats: groups, aggregates, formats, partial states, failures.
. "$(dirname "$0")/../lib.sh"
plan 140

# Made-up records: seven incidents, a copy, a noise post and a preamble.
cat >"$tmp/f.ndjson" <<'EOF'
{"kind":"preamble","source":"t","line":1,"text":"前置き\n"}
{"kind":"incident","id":"2024-001","org":"株式会社ミナト精機","org_type":"company","published":"2024-01-15","discovered":"2024-01-05","disclosure_days":10,"affected":1200,"data_types":["email","name"],"category":"ransomware","veris":{"action":["malware"],"actor":["external"]},"score":0.1}
{"kind":"incident","id":"2024-002","org":"あおば市","org_type":"local_gov","published":"2024-01-20","discovered":null,"disclosure_days":null,"affected":35,"data_types":["name"],"category":"misdelivery","veris":{"action":["error"],"actor":["internal"]},"score":0.2}
{"kind":"noise","title":"今週のまとめ"}
{"kind":"incident","id":"2024-003","org":"Kite Books","org_type":"company","published":"2024-03-02","discovered":"2024-02-01","disclosure_days":30,"affected":48000,"data_types":["card_number","name"],"category":"card_skimming","veris":{"action":["hacking","malware"],"actor":["external"]},"score":0.3}
{"kind":"incident","id":"2024-004","org":"ひかり大学","org_type":"education","published":"2024-03-10","discovered":"2024-03-08","disclosure_days":2,"affected":null,"data_types":[],"category":"ransomware","veris":{"action":["malware"],"actor":["external"]}}
{"kind":"incident","id":"2024-001","org":"株式会社ミナト精機","org_type":"company","published":"2024-01-15","affected":1200,"category":"ransomware","duplicate_of":{"source":"t","line":2}}
{"kind":"incident","id":"2024-005","org":"株式会社ミナト精機","org_type":"company","published":"2024-03-28","discovered":"2024-03-01","disclosure_days":27,"affected":250,"data_types":["email"],"category":"unauthorized_access","veris":{"action":["hacking"],"actor":["external"]},"score":0.4}
{"kind":"incident","id":"2024-006","org":"あおば市","org_type":"local_gov","published":null,"affected":7,"data_types":["address","name"],"category":"loss","veris":{"action":["error","physical"],"actor":["internal"]}}
{"kind":"incident","id":"2024-007","org":"Kite Books","org_type":"company","published":"2024-01-31","discovered":"2024-01-30","disclosure_days":1,"affected":3,"data_types":["name"],"category":"ransomware","veris":{"action":["malware"],"actor":["external"]}}
EOF
f=$tmp/f.ndjson
synopsis="usage: ir-stats [-g FIELD]... [--sum FIELD]... [--min FIELD]... [--max FIELD]...
                [--mean FIELD]... [--median FIELD]... [--distinct FIELD]... [--share]
                [--where EXPR]... [--since DATE] [--until DATE] [--all] [--incidents]
                [--list FIELD,...] [--sort count|key] [--top N] [--fill]
                [-o FORMAT] [--bom] [--partial]
                [--merge] [--line-buffered] [--max-record-bytes N] [--rejects FILE]
                [--threads N] [FILE...]
Try 'ir-stats --help' for more information."

# Groups and aggregates ---------------------------------------------------

run ir ir-stats "$f"
check "no -g: the number of incidents that are not copies" 0 "count
    7" ""
run ir ir-stats -g category "$f"
check "-g: by count, largest first, ties by key" 0 "category             count
ransomware               3
card_skimming            1
loss                     1
misdelivery              1
unauthorized_access      1" ""
run ir ir-stats -g org_type --sum affected --min affected --max affected --mean disclosure_days \
	--median affected --distinct org "$f"
check "every aggregate, n beside; null skipped, no values shown as -" 0 "org_type   count  sum_affected  min_affected  max_affected  mean_disclosure_days  n_disclosure_days  median_affected  n_affected  distinct_org
company        4         49453             3         48000                 17.00                  4              725           4             2
local_gov      2            42             7            35                     -                  0               21           2             1
education      1             -             -             -                  2.00                  1                -           0             1" ""
run ir ir-stats --sum score --mean score "$f"
check "sums of fractions are exact: 0.1 + 0.2 + 0.3 + 0.4" 0 "count  sum_score  mean_score  n_score
    7          1        0.25        4" ""
run ir ir-stats -g org --share "$f"
check "--share: Wilson interval; Japanese text aligned by display width" 0 "org                 count  share  share_low  share_high
Kite Books              2   28.6        8.2        64.1
あおば市                2   28.6        8.2        64.1
株式会社ミナト精機      2   28.6        8.2        64.1
ひかり大学              1   14.3        2.6        51.3" ""
run ir ir-stats -g data_types -g org_type "$f"
check "arrays: once per element, cross product, empty array is (none)" 0 "data_types   org_type   count
name         company        3
email        company        2
name         local_gov      2
address      local_gov      1
card_number  company        1
(none)       education      1" ""
run ir ir-stats -g veris.action --sort key "$f"
check "a dot path into nested objects; --sort key" 0 "veris.action  count
error             2
hacking           2
malware           4
physical          1" ""
run ir ir-stats -g published:quarter -g published:year -g published:day -g published:week \
	-g discovered:month "$f"
check "date buckets: quarter, year, day, ISO week, on any date field" 0 "published:quarter  published:year  published:day  published:week  discovered:month  count
2024-Q1            2024            2024-01-15     2024-W03        2024-01               1
2024-Q1            2024            2024-01-20     2024-W03        (none)                1
2024-Q1            2024            2024-01-31     2024-W05        2024-01               1
2024-Q1            2024            2024-03-02     2024-W09        2024-02               1
2024-Q1            2024            2024-03-10     2024-W10        2024-03               1
2024-Q1            2024            2024-03-28     2024-W13        2024-03               1
(none)             (none)          (none)         (none)          (none)                1" ""
run ir ir-stats -g published:month --fill "$f"
check "--fill: the empty month, in key order" 0 "published:month  count
2024-01              3
2024-02              0
2024-03              3
(none)               1" ""
printf '%s\n' '{"kind":"incident","published":"2023-03-31"}' '{"kind":"incident","published":"2023-04-01"}' \
	'{"kind":"incident","published":"2024-03-31"}' '{"kind":"incident","published":"2025-05-01"}' >"$tmp/fy.ndjson"
run ir ir-stats -g published:fy --fill "$tmp/fy.ndjson"
check ":fy: fiscal years from April, --fill adds the empty one" 0 "published:fy  count
FY2022            1
FY2023            2
FY2024            0
FY2025            1" ""
run ir ir-stats -g published:fy --sort key -o tsv "$tmp/fy.ndjson"
check ":fy with --sort key" 0 "$(printf 'published:fy\tcount\nFY2022\t1\nFY2023\t2\nFY2025\t1')" ""
run ir ir-stats -g category -g published:month --fill --top 5 "$f"
check "--fill with two -g: every month for every category; --top" 0 "category       published:month  count
card_skimming  2024-01              0
card_skimming  2024-02              0
card_skimming  2024-03              1
loss           2024-01              0
loss           2024-02              0" ""
run ir ir-stats -g published:month --fill --sort count "$f"
check "--fill keeps an explicit --sort count" 0 "published:month  count
2024-01              3
2024-03              3
(none)               1
2024-02              0" ""
run ir ir-stats --all -g kind "$f"
check "--all: noise, preamble and copies too" 0 "kind      count
incident      8
noise         1
preamble      1" ""
run ir ir-stats -g category --top 2 "$f"
check "--top" 0 "category       count
ransomware         3
card_skimming      1" ""

# Fields that exist nowhere -----------------------------------------------

run ir ir-stats -g categroy "$f"
check "-g: a field no record has, the nearest name suggested, rows printed" 1 "categroy  count
(none)        7" "ir-stats: no record has a field 'categroy' (did you mean 'category'?)"
run ir ir-stats --sum afected --median disclosure_day -o tsv "$f"
check "aggregates: each field no record has said once" 1 "$(printf 'count\tsum_afected\tn_afected\tmedian_disclosure_day\tn_disclosure_day\n7\t\t0\t\t0')" "ir-stats: no record has a field 'afected' (did you mean 'affected'?)
ir-stats: no record has a field 'disclosure_day' (did you mean 'disclosure_days'?)"
run ir ir-stats --where 'veris.actoin=malware' -g org_type "$f"
check "--where: a dotted field no record has, the nested name suggested" 1 "org_type  count" "ir-stats: no record has a field 'veris.actoin' (did you mean 'veris.action'?)"
ir ir-split "$here/../../examples/sample.txt" | ir ir-extract >"$tmp/extracted.ndjson"
run ir ir-stats -g category "$tmp/extracted.ndjson"
check "a field a later stage adds: which tool" 1 "category  count
(none)       26" "ir-stats: no record has a field 'category' (ir-classify adds it)"
run ir ir-stats -g zzz </dev/null
check "no record read: nothing to say about fields" 0 "zzz  count" ""
head -3 "$f" >"$tmp/piece1"
tail -n +4 "$f" | sed 's/"category"/"catgory"/' >"$tmp/piece2"
ir ir-stats --partial -g category "$tmp/piece1" >"$tmp/p1.state"
run ir ir-stats --partial -g category "$tmp/piece2"
check "--partial: a piece without the field is no mistake" 0 "*" ""
cp "$tmp/out" "$tmp/p2.state"
run ir ir-stats --merge -g category "$tmp/p1.state" "$tmp/p2.state"
check "--merge: a field seen in one piece is seen" 0 "category     count
(none)           5
misdelivery      1
ransomware       1" ""
run ir ir-stats --merge -g category "$tmp/p2.state"
check "--merge: unseen in every piece, said with the nearest name" 1 "category  count
(none)        5" "ir-stats: no record has a field 'category' (did you mean 'catgory'?)"

# Selecting records -------------------------------------------------------

run ir ir-stats -g category --where org_type=company "$f"
check "--where FIELD=VALUE" 0 "category             count
ransomware               2
card_skimming            1
unauthorized_access      1" ""
run ir ir-stats -g org --where data_types=name --where 'affected>=35' --sum affected "$f"
check "--where: an array holds by any element; all conditions must hold" 0 "org                 count  sum_affected  n_affected
Kite Books              1         48000           1
あおば市                1            35           1
株式会社ミナト精機      1          1200           1" ""
run ir ir-stats -g org --where 'data_types!=name' "$f"
check "--where !=: no element equals; a missing or empty field holds" 0 "org                 count
ひかり大学              1
株式会社ミナト精機      1" ""
run ir ir-stats -g org --where 'org~^株式会社|ブックス|Books$' --where 'disclosure_days<10' "$f"
check "--where ~ (PCRE2, UTF-8) and a number compared; null does not hold" 0 "org         count
Kite Books      1" ""
run ir ir-stats -g published:month --since 2024-01-20 --until 2024-03 "$f"
check "--since and --until: inclusive, to the precision given; no date never holds" 0 "published:month  count
2024-03              3
2024-01              2" ""
run ir ir-stats --since 2024-01-20 --until 2024-03 --partial -g org_type "$f"
check "--partial: the conditions are in the state's header" 0 '{"ir_stats":2,"by":["org_type"],"sum":[],"min":[],"max":[],"mean":[],"median":[],"distinct":[],"where":["published<=2024-03","published>=2024-01-20"],"all":false,"incidents":false,"read":7,"unseen":{},"records":5}
{"key":["company"],"count":3,"num":{},"distinct":{}}
{"key":["education"],"count":1,"num":{},"distinct":{}}
{"key":["local_gov"],"count":1,"num":{},"distinct":{}}' ""
cp "$tmp/out" "$tmp/where.state"
run ir ir-stats --merge -g org_type --where 'published>=2024-01-20' --until 2024-03 "$tmp/where.state"
check "--merge: the same conditions, in any order and spelling" 0 "org_type   count
company        3
education      1
local_gov      1" ""
run ir ir-stats --merge -g org_type "$tmp/where.state"
check "--merge refuses a state made with other conditions" 2 "" "ir-stats: $tmp/where.state:1: a state made with other options (-g org_type --where published<=2024-03 --where published>=2024-01-20); --merge needs the same -g, aggregate, --where, --all and --incidents options"
jq -c 'select(.kind == "incident" and .duplicate_of == null and (.data_types | index("name")))' "$f" >"$tmp/name.ndjson"
for fmt in table tsv csv json markdown bar; do
	ir ir-stats -g org_type --sum affected -o $fmt --all "$tmp/name.ndjson" >"$tmp/want.$fmt"
	run ir ir-stats -g org_type --sum affected -o $fmt --where data_types=name "$f"
	check "--where in -o $fmt: the rows of the records selected" 0 "@$tmp/want.$fmt" ""
done
printf '{"kind":"incident","t":"%s"}\n' aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab aaa >"$tmp/expo.ndjson"
run ir ir-stats --where 't~^(a|aa)+$' "$tmp/expo.ndjson"
check "--where ~: a pattern that runs out of work is said once, the record left out" 1 "count
    1" "ir-stats: $tmp/expo.ndjson:1: --where 't~^(a|aa)+\$': gave up on this record (taken as not matching)"
run ir ir-stats --where category "$f"
check "--where: a bad expression is a usage error naming it" 2 "" "ir-stats: --where: 'category' is not FIELD=VALUE, FIELD!=VALUE, FIELD<N, FIELD<=N, FIELD>N, FIELD>=N or FIELD~REGEX
$synopsis"
run ir ir-stats --where 'org>M' "$f"
check "--where: < compares numbers or dates" 2 "" "ir-stats: --where: 'org>M': < <= > >= compare numbers, or dates written YYYY, YYYY-MM or YYYY-MM-DD
$synopsis"
run ir ir-stats --where 'org~[' "$f"
check "--where: a bad pattern, with PCRE2's reason" 2 "" "ir-stats: --where: 'org~[': missing terminating ] for character class at offset 1 of the pattern
$synopsis"
run ir ir-stats --until 2024-02-30 "$f"
check "--until: a date that does not exist" 2 "" "ir-stats: --until: expected a date (YYYY, YYYY-MM or YYYY-MM-DD), not '2024-02-30'
$synopsis"
# Records out -------------------------------------------------------------

run ir ir-stats --list id,org,affected,data_types,veris.action "$f"
check "--list: a row per record in input order; arrays joined with ;, dot paths, null as -" 0 "id        org                 affected  data_types        veris.action
2024-001  株式会社ミナト精機      1200  email;name        malware
2024-002  あおば市                  35  name              error
2024-003  Kite Books             48000  card_number;name  hacking;malware
2024-004  ひかり大学                 -                    malware
2024-005  株式会社ミナト精機       250  email             hacking
2024-006  あおば市                   7  address;name      error;physical
2024-007  Kite Books                 3  name              malware" ""
run ir ir-stats --list id,affected,data_types --top 2 -o tsv "$f"
check "--list -o tsv, --top" 0 "$(printf 'id\taffected\tdata_types\n2024-001\t1200\temail;name\n2024-002\t35\tname')" ""
printf 'id,affected,data_types\r\n2024-001,1200,email;name\r\n2024-002,35,name\r\n' >"$tmp/want.csv"
run ir ir-stats --list id,affected,data_types --top 2 -o csv "$f"
check "--list -o csv" 0 "@$tmp/want.csv" ""
run ir ir-stats --list id,affected,data_types,discovered --top 2 -o json "$f"
check "--list -o json: arrays stay arrays, null is null" 0 '{"id":"2024-001","affected":1200,"data_types":["email","name"],"discovered":"2024-01-05"}
{"id":"2024-002","affected":35,"data_types":["name"],"discovered":null}' ""
run ir ir-stats --list id,affected --top 2 -o markdown "$f"
check "--list -o markdown" 0 "| id       | affected |
| -------- | -------: |
| 2024-001 |     1200 |
| 2024-002 |       35 |" ""
COLUMNS=40
export COLUMNS
run ir ir-stats --list org,affected --top 3 -o bar "$f"
unset COLUMNS
check "--list -o bar: the bar of the first column of numbers" 0 "株式会社ミナト精機  ▍               1200
あおば市            ▏                 35
Kite Books          █████████████  48000" ""
run ir ir-stats --list org,published:fy,affected --where 'affected>100' --sort key "$f"
check "--list with --where, a date bucket, --sort key (by the cells, then input order)" 0 "org                 published:fy  affected
Kite Books          FY2023           48000
株式会社ミナト精機  FY2023             250
株式会社ミナト精機  FY2023            1200" ""
awk 'BEGIN { for (i = 1; i <= 2000; i++) printf "{\"kind\":\"incident\",\"id\":\"%d\"}\n", (i * 7919) % 10007 }' >"$tmp/ids.ndjson"
run ir ir-stats --list id --threads 4 "$tmp/ids.ndjson"
{ echo id; jq -r .id "$tmp/ids.ndjson"; } >"$tmp/list1"
check "--list: input order whatever the threads" 0 "@$tmp/list1" ""
printf '\357\273\277org,count\r\n' >"$tmp/want.csv"
printf 'Kite Books,2\r\n' >>"$tmp/want.csv"
run ir ir-stats -g org --top 1 -o csv --bom "$f"
check "--bom: a UTF-8 byte order mark before the csv" 0 "@$tmp/want.csv" ""
run ir ir-stats --list id --bom "$f"
check "--bom is for csv" 2 "" "ir-stats: --bom is for -o csv
$synopsis"
run ir ir-stats --list id -g org "$f"
check "--list does not go with -g" 2 "" "ir-stats: --list prints records, not groups or states: -g goes without it
$synopsis"
run ir ir-stats --list id --partial "$f"
check "--list does not go with --partial" 2 "" "ir-stats: --list prints records, not groups or states: --partial goes without it
$synopsis"
run ir ir-stats --list id,,org "$f"
check "--list: an empty field" 2 "" "ir-stats: --list: '' is not a field (NAME or NAME.NAME..., and :BUCKET)
$synopsis"
run ir ir-stats --list id,orgg "$f"
check "--list: a field no record has" 1 "*" "ir-stats: no record has a field 'orgg' (did you mean 'org'?)"

# Incidents, not notices -------------------------------------------------

# Made-up notices: a company's notice, its 第2報 and the regulator's about
# it, a copy; a regulator's notice alone; two organisations under one id;
# two notices under an id without a serial; an own notice and a
# regulator's naming no subject.
cat >"$tmp/inc.ndjson" <<'EOF'
{"kind":"incident","id":"2024-010","source":"t","line":1,"org":"株式会社カワセミ電機","org_type":"company","published":"2024-02-01","discovered":"2024-01-20","disclosure_days":12,"report_no":null,"affected":1000,"affected_approx":true,"category":"unauthorized_access","categories":[{"label":"unauthorized_access","score":5}],"data_types":["email"]}
{"kind":"incident","id":"2024-010","source":"t","line":2,"org":"株式会社カワセミ電機","org_type":"company","published":"2024-02-15","discovered":"2024-01-21","disclosure_days":25,"report_no":2,"affected":1500,"affected_approx":false,"category":"ransomware","categories":[{"label":"ransomware","score":6}],"data_types":["email","name"]}
{"kind":"incident","id":"2024-010","source":"t","line":3,"org":"個人情報保護委員会","org_type":"national_gov","published":"2024-03-10","discovered":null,"disclosure_days":null,"report_no":null,"affected":1600,"affected_approx":false,"category":"regulatory","categories":[{"label":"regulatory","score":5},{"label":"ransomware","score":4}],"subject_org":"株式会社カワセミ電機","data_types":["email"]}
{"kind":"incident","id":"2024-011","source":"t","line":4,"org":"個人情報保護委員会","org_type":"national_gov","published":"2024-03-11","discovered":null,"report_no":null,"affected":200,"affected_approx":false,"category":"regulatory","categories":[{"label":"regulatory","score":5},{"label":"misdelivery","score":3},{"label":"loss","score":3}],"subject_org":"みどり市","data_types":["name"]}
{"kind":"incident","id":"2024-012","source":"t","line":5,"org":"セキレイ書房","org_type":"company","published":"2024-03-12","report_no":null,"affected":10,"category":"defacement","data_types":[]}
{"kind":"incident","id":"2024-012","source":"t","line":6,"org":"つばさ町","org_type":"local_gov","published":"2024-03-12","report_no":null,"affected":20,"category":"misdelivery","data_types":["address"]}
{"kind":"incident","id":"2024","source":"t","line":7,"org":"ヤマガラ運輸株式会社","org_type":"company","published":"2024-04-02","report_no":null,"affected":5,"category":"loss","data_types":[]}
{"kind":"incident","id":"2024","source":"t","line":8,"org":"ヤマガラ運輸株式会社","org_type":"company","published":"2024-05-09","report_no":null,"affected":7,"category":"phishing","data_types":[]}
{"kind":"incident","id":"2024-013","source":"t","line":9,"org":"ひばり大学","org_type":"education","published":"2024-04-10","discovered":"2024-04-01","disclosure_days":9,"report_no":null,"affected":null,"category":"misconfiguration","data_types":["name"]}
{"kind":"incident","id":"2024-013","source":"t","line":10,"org":"個人情報保護委員会","org_type":"national_gov","published":"2024-05-20","report_no":null,"affected":300,"affected_approx":true,"category":"regulatory","categories":[{"label":"regulatory","score":5}],"data_types":["name"]}
{"kind":"incident","id":"2024-010","source":"t","line":11,"org":"株式会社カワセミ電機","org_type":"company","published":"2024-02-01","report_no":null,"affected":1000,"category":"unauthorized_access","duplicate_of":{"source":"t","line":1}}
EOF
i=$tmp/inc.ndjson
run ir ir-stats -o tsv "$i"
check "notices counted: ten" 0 "$(printf 'count\n10')" ""
run ir ir-stats -o tsv --incidents "$i"
check "--incidents: seven incidents" 0 "$(printf 'count\n7')" ""
run ir ir-stats --incidents --list id,notices,org,org_type,category,affected,published,discovered,disclosure_days "$i"
check "--incidents --list: the rules of an incident's fields" 0 "id        notices  org                   org_type   category          affected  published   discovered  disclosure_days
2024-010        3  株式会社カワセミ電機  company    ransomware            1500  2024-02-01  2024-01-20               12
2024-011        1  みどり市              -          misdelivery            200  2024-03-11  -                         -
2024-012        1  セキレイ書房          company    defacement              10  2024-03-12  -                         -
2024-012        1  つばさ町              local_gov  misdelivery             20  2024-03-12  -                         -
2024            1  ヤマガラ運輸株式会社  company    loss                     5  2024-04-02  -                         -
2024            1  ヤマガラ運輸株式会社  company    phishing                 7  2024-05-09  -                         -
2024-013        2  ひばり大学            education  misconfiguration       300  2024-04-10  2024-04-01                9" ""
run ir ir-stats -g org_type --sum affected "$i"
check "by notice, the regulator's notices count and affected is summed" 0 "org_type      count  sum_affected  n_affected
company           5          2522           5
national_gov      3          2100           3
education         1             -           0
local_gov         1            20           1" ""
run ir ir-stats --incidents -g org_type --sum affected "$i"
check "--incidents -g --sum: once per incident, the latest figure" 0 "org_type   count  sum_affected  n_affected
company        4          1522           4
education      1           300           1
local_gov      1            20           1
(none)         1           200           1" ""
run ir ir-stats --incidents --where 'notices>1' --since 2024-02 --until 2024-04 --list id,notices "$i"
check "--incidents with --where on notices and --since on the earliest date" 0 "id        notices
2024-010        3
2024-013        2" ""
run ir ir-stats --incidents --all -o tsv --list id,notices --where id=2024-010 "$i"
check "--incidents --all: a copy joins its incident" 0 "$(printf 'id\tnotices\n2024-010\t4')" ""
opts="--incidents -g category -g published:month --sum affected --median affected"
ir ir-stats $opts "$i" >"$tmp/inc.one"
ir ir-stats --partial $opts "$i" >"$tmp/inc.whole"
split -l 3 "$i" "$tmp/incp."
for p in $(ls -r "$tmp"/incp.*); do ir ir-stats --partial $opts "$p"; done >"$tmp/inc.parts"
run ir ir-stats --merge $opts "$tmp/inc.parts"
check "--incidents through --partial and --merge, pieces merged in reverse: one run's rows" 0 "@$tmp/inc.one" ""
run ir ir-stats --merge --partial $opts "$tmp/inc.parts"
check "--incidents: a merged state equals one run's, byte for byte" 0 "@$tmp/inc.whole" ""
ir ir-stats --incidents --list kind,org,category,affected -o json "$i" >"$tmp/inc.records"
for fmt in table tsv csv json markdown bar; do
	ir ir-stats --all -g category --sum affected -o $fmt "$tmp/inc.records" >"$tmp/want.$fmt"
	run ir ir-stats --incidents -g category --sum affected -o $fmt "$i"
	check "--incidents -o $fmt: the groups of the incidents' records" 0 "@$tmp/want.$fmt" ""
done
run ir ir-stats --merge --incidents -g category --sum affected "$tmp/cat.state"
check "--merge refuses a state made without --incidents" 2 "" "*"

# Formats -------------------------------------------------------------------

run ir ir-stats -g org_type --sum affected -o tsv "$f"
check "-o tsv: an empty sum is empty" 0 "$(printf 'org_type\tcount\tsum_affected\tn_affected\ncompany\t4\t49453\t4\nlocal_gov\t2\t42\t2\neducation\t1\t\t0')" ""
printf 'org,count,share,share_low,share_high\r\nKite Books,2,28.6,8.2,64.1\r\nあおば市,2,28.6,8.2,64.1\r\n株式会社ミナト精機,2,28.6,8.2,64.1\r\nひかり大学,1,14.3,2.6,51.3\r\n' >"$tmp/want.csv"
run ir ir-stats -g org -o csv --share "$f"
check "-o csv: header, CRLF" 0 "@$tmp/want.csv" ""
printf '%s\n' '{"kind":"incident","t":"a, \"b\""}' '{"kind":"incident","t":"c|d"}' >"$tmp/q.ndjson"
printf 't,count\r\n"a, ""b""",1\r\nc|d,1\r\n' >"$tmp/want.csv"
run ir ir-stats -g t -o csv "$tmp/q.ndjson"
check "-o csv: RFC 4180 quoting" 0 "@$tmp/want.csv" ""
run ir ir-stats -g t -o markdown "$tmp/q.ndjson"
check "-o markdown escapes |" 0 "| t      | count |
| ------ | ----: |
| a, \"b\" |     1 |
| c\\|d   |     1 |" ""
# A NUL, an ESC, a C1 CSI (U+009B), a tab and a line end in one value.
printf '%s\n' '{"kind":"incident","org":"A\u0000B,\u001b[2J\u009b1m\tC\nD"}' >"$tmp/ctl.ndjson"
run ir ir-stats -g org -o table "$tmp/ctl.ndjson"
check "-o table: control characters escaped, tab and line end as spaces" 0 'org                             count
A\u0000B,\u001b[2J\u009b1m C D      1' ""
run ir ir-stats -g org -o tsv "$tmp/ctl.ndjson"
check "-o tsv: control characters escaped, one field" 0 "$(printf 'org\tcount\nA\\u0000B,\\u001b[2J\\u009b1m C D\t1')" ""
printf 'org,count\r\n"A\\u0000B,\\u001b[2J\\u009b1m\tC\nD",1\r\n' >"$tmp/want.csv"
run ir ir-stats -g org -o csv "$tmp/ctl.ndjson"
check "-o csv: control characters escaped, quoting not cut at the NUL" 0 "@$tmp/want.csv" ""
run ir ir-stats -g org -o markdown "$tmp/ctl.ndjson"
check "-o markdown: control characters escaped" 0 '| org                            | count |
| ------------------------------ | ----: |
| A\u0000B,\u001b[2J\u009b1m C D |     1 |' ""
COLUMNS=40
export COLUMNS
run ir ir-stats -g org -o bar "$tmp/ctl.ndjson"
unset COLUMNS
check "-o bar: control characters escaped" 0 'A\u0000B,\u001b[2J\u009b1m C D  ██████████  1' ""
run ir ir-stats -g org_type -o json --median affected "$f"
check "-o json: one object per row, null for no value" 0 '{"org_type":"company","count":4,"median_affected":725,"n_affected":4}
{"org_type":"local_gov","count":2,"median_affected":21,"n_affected":2}
{"org_type":"education","count":1,"median_affected":null,"n_affected":0}' ""
run ir ir-stats -g published:month -o json "$f"
check "-o json: (none) is null" 0 '{"published:month":"2024-01","count":3}
{"published:month":"2024-03","count":3}
{"published:month":null,"count":1}' ""
run ir ir-stats -g org -o markdown --mean disclosure_days "$f"
check "-o markdown: aligned by display width, numbers right" 0 "| org                | count | mean_disclosure_days | n_disclosure_days |
| ------------------ | ----: | -------------------: | ----------------: |
| Kite Books         |     2 |                15.50 |                 2 |
| あおば市           |     2 |                    - |                 0 |
| 株式会社ミナト精機 |     2 |                18.50 |                 2 |
| ひかり大学         |     1 |                 2.00 |                 1 |" ""
COLUMNS=50
export COLUMNS
run ir ir-stats -g org -o bar "$f"
check "-o bar: fitted to \$COLUMNS, eighths, labels by display width" 0 "Kite Books          ███████████████████████████  2
あおば市            ███████████████████████████  2
株式会社ミナト精機  ███████████████████████████  2
ひかり大学          █████████████▌               1" ""
run ir ir-stats -g published:month --fill --sum affected -o bar "$f"
check "-o bar: the bar follows the first aggregate" 0 "2024-01  ▊                             3   1238  3
2024-02                                0      -  0
2024-03  ████████████████████████████  3  48250  2
(none)   ▏                             1      7  1" ""
unset COLUMNS
run ir ir-stats -g org_type -o bar "$f"
check "-o bar: 80 columns without a terminal or \$COLUMNS" 0 "company    ██████████████████████████████████████████████████████████████████  4
local_gov  █████████████████████████████████                                   2
education  ████████████████▌                                                   1" ""

# Bad values ------------------------------------------------------------------

cat >"$tmp/bad.ndjson" <<'EOF'
{"kind":"incident","category":"a","affected":"many","published":"2024-02-30"}
[1, 2]
{"kind":"incident","category":"b","affected":5,"published":"2024-02-03"}
{"kind":"incident","category":"a","affected":"lots","published":"soon"}
{"kind":"incident","category":"b","affected":true,
{"kind":"incident","category":"b","affected":2.5}
EOF
run ir ir-stats -g category -g published:month --sum affected --rejects "$tmp/rej" "$tmp/bad.ndjson"
check "bad lines and values: reported once per field, exit 1" 1 "category  published:month  count  sum_affected  n_affected
a         (none)               2             -           0
b         2024-02              1             5           1
b         (none)               1           2.5           1" "ir-stats: $tmp/bad.ndjson:2: not a JSON object
ir-stats: $tmp/bad.ndjson:5: not a JSON object
ir-stats: $tmp/bad.ndjson:1: affected: not a number
ir-stats: $tmp/bad.ndjson:1: published: not a date"
assert "--rejects holds the bad lines verbatim" test "$(sed -n '2p;5p' "$tmp/bad.ndjson")" = "$(cat "$tmp/rej")"
printf '%s\n' '{"kind":"incident","n":"x","m":"y"}' >"$tmp/bad2.ndjson"
run ir ir-stats --median n --min m "$tmp/bad.ndjson" "$tmp/bad2.ndjson"
check "not a number: the first place of each field, across inputs" 1 "count  median_n  n_n  min_m  n_m
    5         -    0      -    0" "ir-stats: $tmp/bad.ndjson:2: not a JSON object
ir-stats: $tmp/bad.ndjson:5: not a JSON object
ir-stats: $tmp/bad2.ndjson:1: m: not a number
ir-stats: $tmp/bad2.ndjson:1: n: not a number"

# Exact arithmetic --------------------------------------------------------------

nums() {
	for v in "$@"; do printf '{"kind":"incident","a":%s}\n' "$v"; done
}
nums 9223372036854775807 -9223372036854775808 >"$tmp/n1.ndjson"
run ir ir-stats --sum a --min a --max a -o tsv "$tmp/n1.ndjson"
check "INT64_MAX and INT64_MIN are integers: their sum is -1" 0 "$(printf 'count\tsum_a\tmin_a\tmax_a\tn_a\n2\t-1\t-9223372036854775808\t9223372036854775807\t2')" ""
nums 9223372036854775807 9223372036854775807 2 1e20 >"$tmp/n2.ndjson"
run ir ir-stats --sum a -o tsv "$tmp/n2.ndjson"
check "integer sums past 2^64 keep every digit" 0 "$(printf 'count\tsum_a\tn_a\n4\t118446744073709551616\t4')" ""
for order in "1e308 1e308 -1e308" "1e308 -1e308 1e308" "-1e308 1e308 1e308"; do
	# shellcheck disable=SC2086
	nums $order >"$tmp/n3.ndjson"
	run ir ir-stats --sum a --mean a -o tsv "$tmp/n3.ndjson"
	check "a float sum past a double's range, in the order $order" 0 "$(printf 'count\tsum_a\tmean_a\tn_a\n3\t1e+308\t3.33333333333333e+307\t3')" ""
done
nums 1.7976931348623157e308 1.7976931348623157e308 0.5 >"$tmp/n4.ndjson"
ir ir-stats --partial --sum a --mean a "$tmp/n4.ndjson" >"$tmp/n4.state"
run ir ir-stats --merge --sum a --mean a -o tsv "$tmp/n4.state"
check "a sum past a double's range survives the state" 0 "$(printf 'count\tsum_a\tmean_a\tn_a\n3\t3.59538626972463e+308\t1.19846208990821e+308\t3')" ""
# Floats of every size, a few past half a double's range: the same sum in
# any order, thread count or cut into states.
awk 'BEGIN { for (i = 1; i <= 3000; i++) {
	e = (i * 37) % 40 - 20; m = (i * 7919) % 100003 / 7
	v = (i % 2 ? m : -m) * 10 ^ e
	if (i == 600 || i == 1200) v = 1.5e308
	if (i == 1800) v = -1.5e308
	printf "{\"kind\":\"incident\",\"g\":%d,\"a\":%.17g}\n", i % 3, v } }' >"$tmp/fl.ndjson"
ir ir-stats -g g --sum a --mean a --threads 1 "$tmp/fl.ndjson" >"$tmp/fl.one"
tac "$tmp/fl.ndjson" >"$tmp/fl.rev"
run ir ir-stats -g g --sum a --mean a --threads 4 "$tmp/fl.rev"
check "float sums: reversed input, four threads, one result" 0 "@$tmp/fl.one" ""
split -l 700 "$tmp/fl.ndjson" "$tmp/flp."
for p in $(ls -r "$tmp"/flp.*); do ir ir-stats --partial -g g --sum a --mean a "$p"; done >"$tmp/fl.parts"
run ir ir-stats --merge -g g --sum a --mean a "$tmp/fl.parts"
check "float sums: states merged in reverse, one result" 0 "@$tmp/fl.one" ""
printf '%s\n' '{"ir_stats":2,"by":[],"sum":["a"],"min":[],"max":[],"mean":["a"],"median":[],"distinct":[],"where":[],"all":false,"incidents":false,"read":1,"unseen":{},"records":1}' \
	'{"key":[],"count":1,"num":{"a":{"n":18446744073709551615,"int":0,"frac":[],"float":0,"min":0,"max":0}},"distinct":{}}' >"$tmp/big-n.state"
cat "$tmp/big-n.state" "$tmp/big-n.state" >"$tmp/big-n2.state"
run ir ir-stats --merge --sum a --mean a -o tsv "$tmp/big-n2.state"
check "more than 2^64 numbers: the sum overflows, said once, left empty" 1 "$(printf 'count\tsum_a\tmean_a\tn_a\n2\t\t\t')" \
	"ir-stats: a: the sum overflows (more than 2^64 numbers); its n, sum and mean are left empty"
ir ir-stats --merge --partial --sum a --mean a "$tmp/big-n2.state" >"$tmp/ov.state" 2>/dev/null || true
run ir ir-stats --merge --sum a --mean a -o tsv "$tmp/ov.state"
check "the overflow is carried through a merged state" 1 "$(printf 'count\tsum_a\tmean_a\tn_a\n2\t\t\t')" \
	"ir-stats: a: the sum overflows (more than 2^64 numbers); its n, sum and mean are left empty"

# Partial states and merging --------------------------------------------------

# A bigger made-up input: 400 records, numbers, fractions, dates, arrays.
awk 'BEGIN {
	split("ransomware loss phishing misdelivery unauthorized_access", cat, " ")
	split("company local_gov education medical", typ, " ")
	split("name email address phone password", dt, " ")
	for (i = 1; i <= 400; i++) {
		s = (i * 7919) % 1000
		d = sprintf("%04d-%02d-%02d", 2023 + s % 2, 1 + s % 12, 1 + s % 28)
		aff = s % 9 == 0 ? "null" : s % 5 == 0 ? sprintf("%d.%d", s, s % 10) : s * 13
		types = ""
		for (k = 0; k < s % 4; k++)
			types = types (k ? "," : "") "\"" dt[1 + (s + k) % 5] "\""
		printf "{\"kind\":\"%s\",\"org\":\"組織%d\",\"org_type\":\"%s\",\"category\":\"%s\",", \
			s % 17 == 0 ? "noise" : "incident", s % 23, typ[1 + s % 4], cat[1 + s % 5]
		printf "\"published\":%s,\"affected\":%s,\"disclosure_days\":%d,\"data_types\":[%s]}\n", \
			s % 11 == 0 ? "null" : "\"" d "\"", aff, s % 40, types
	}
}' >"$tmp/big.ndjson"
same_after_merge() {
	name=$1 state=$2 view=$3
	# shellcheck disable=SC2086
	ir ir-stats $state $view "$tmp/big.ndjson" >"$tmp/one" 2>"$tmp/one.err"
	# shellcheck disable=SC2086
	parallel --pipe -N 20 "$IR_BIN/ir-stats" --partial $state <"$tmp/big.ndjson" >"$tmp/parts" 2>"$tmp/parts.err"
	run ir ir-stats --merge $state $view "$tmp/parts"
	if [ -s "$tmp/one" ] && [ ! -s "$tmp/one.err" ] && [ ! -s "$tmp/parts.err" ] &&
		[ "$(grep -c '"ir_stats"' "$tmp/parts")" -eq 20 ]; then
		check "$name" 0 "@$tmp/one" ""
	else
		not_ok "$name" "the single run or the partial runs failed"
	fi
}
if command -v parallel >/dev/null 2>&1; then
	same_after_merge "parallel --partial, --merge: count, sum, median, --share" \
		"-g category --sum affected --median affected" "--share"
	same_after_merge "parallel --partial, --merge: min, max, mean, week buckets, --fill" \
		"-g published:week --min affected --max affected --mean disclosure_days" "--fill"
	same_after_merge "parallel --partial, --merge: distinct, arrays, --sort key, --top, json" \
		"-g data_types -g org_type --distinct org --distinct published:month" "--sort key --top 7 -o json"
	same_after_merge "parallel --partial, --merge: fractions, quarters, csv" \
		"-g published:quarter -g category --sum affected --mean affected --median disclosure_days" "-o csv"
	same_after_merge "parallel --partial, --merge: --all, markdown" \
		"--all -g kind -g org_type --sum disclosure_days" "-o markdown"
else
	for n in 1 2 3 4 5; do skip "parallel --partial, --merge ($n)" "no GNU parallel"; done
fi
opts="-g category -g published:month --sum affected --median affected --distinct org"
ir ir-stats $opts --share "$tmp/big.ndjson" >"$tmp/one"
split -l 90 "$tmp/big.ndjson" "$tmp/piece."
for p in "$tmp"/piece.*; do ir ir-stats --partial $opts "$p" >"$p.state"; done
cat "$tmp"/piece.aa.state "$tmp"/piece.ab.state | ir ir-stats --merge --partial $opts >"$tmp/ab.state"
run ir ir-stats --merge $opts --share "$tmp/ab.state" "$tmp"/piece.a[c-z].state
check "--merge --partial merges states into one state, for merging again" 0 "@$tmp/one" ""
ir ir-stats --partial $opts "$tmp/big.ndjson" >"$tmp/whole.state"
run ir ir-stats --merge --partial $opts "$tmp"/piece.*.state
check "a merged state equals the state of one run, byte for byte" 0 "@$tmp/whole.state" ""
run ir ir-stats --threads 1 $opts --share "$tmp/big.ndjson"
check "--threads 1 gives what several threads give" 0 "@$tmp/one" ""
cp "$tmp/big.ndjson" "$tmp/in"
run ir ir-stats --line-buffered $opts --share -
rm "$tmp/in"
check "standard input, --line-buffered" 0 "@$tmp/one" ""
run ir ir-stats --partial -g category --sum affected "$f"
check "--partial: the state, as documented" 0 '{"ir_stats":2,"by":["category"],"sum":["affected"],"min":[],"max":[],"mean":[],"median":[],"distinct":[],"where":[],"all":false,"incidents":false,"read":7,"unseen":{},"records":7}
{"key":["card_skimming"],"count":1,"num":{"affected":{"n":1,"int":48000,"frac":[],"float":0,"min":48000,"max":48000}},"distinct":{}}
{"key":["loss"],"count":1,"num":{"affected":{"n":1,"int":7,"frac":[],"float":0,"min":7,"max":7}},"distinct":{}}
{"key":["misdelivery"],"count":1,"num":{"affected":{"n":1,"int":35,"frac":[],"float":0,"min":35,"max":35}},"distinct":{}}
{"key":["ransomware"],"count":3,"num":{"affected":{"n":2,"int":1203,"frac":[],"float":0,"min":3,"max":1200}},"distinct":{}}
{"key":["unauthorized_access"],"count":1,"num":{"affected":{"n":1,"int":250,"frac":[],"float":0,"min":250,"max":250}},"distinct":{}}' ""
cp "$tmp/out" "$tmp/cat.state"
run ir ir-stats --merge -g category --mean affected "$tmp/cat.state"
check "--merge refuses states of other options" 2 "" "ir-stats: $tmp/cat.state:1: a state made with other options (-g category --sum affected); --merge needs the same -g, aggregate, --where, --all and --incidents options"
run ir ir-stats --merge --all -g category --sum affected "$tmp/cat.state"
check "--merge refuses a state made without --all" 2 "" "ir-stats: $tmp/cat.state:1: a state made with other options (-g category --sum affected); --merge needs the same -g, aggregate, --where, --all and --incidents options"
sed 1d "$tmp/cat.state" >"$tmp/headless.state"
run ir ir-stats --merge -g category --sum affected "$tmp/headless.state"
check "--merge wants the header that counts the records" 2 "" "ir-stats: $tmp/headless.state:1: a state line before any state header"
{
	head -1 "$tmp/cat.state"
	echo '{"key":["loss"],"count":"one"}'
	echo '{"kind":"incident"}'
	tail -1 "$tmp/cat.state"
} >"$tmp/mixed.state"
run ir ir-stats --merge -g category --sum affected "$tmp/mixed.state"
check "--merge: a bad state line refuses the input, named; nothing printed" 2 "" "ir-stats: $tmp/mixed.state:2: a state line with a missing or bad member"

# A state that does not add up is refused, named by file and line.
ir ir-stats --partial -g published:month --min affected --max affected "$f" >"$tmp/good.state"
refused() {
	name=$1 expr=$2 at=$3 why=$4
	sed "$expr" "$tmp/good.state" >"$tmp/bad.state"
	run ir ir-stats --merge -g published:month --min affected --max affected "$tmp/good.state" "$tmp/bad.state"
	check "--merge refuses $name" 2 "" "ir-stats: $tmp/bad.state:$at: $why"
}
refused "a count above its state's records" '2s/"count":3/"count":9/' 2 "a state line whose count exceeds its state's records"
refused "a negative count" '2s/"count":3/"count":-3/' 2 "a state line with a negative count"
refused "a minimum above the maximum" '2s/"min":3,"max":1200/"min":1300,"max":1200/' 2 "a state line whose minimum is above its maximum"
refused "a key that is no month" '3s/"2024-03"/"2024-3"/' 3 "a state line whose key is not a bucket of its -g field"
refused "a group twice in one state" '3s/"2024-03"/"2024-01"/' 3 "a state line of a group its state has already"
refused "groups that hold fewer records than the header" '$d' 1 "a state whose groups hold fewer records than its header counts"
refused "a header that read fewer records than it counts" '1s/"read":7/"read":6/' 1 "a state header with more records counted than read"
printf 'not json\n' >>"$tmp/good.state"
run ir ir-stats --merge -g published:month --min affected --max affected "$tmp/good.state"
check "--merge: a line that is not JSON refuses the input" 2 "" "ir-stats: $tmp/good.state:5: not a JSON object"

# Usage errors and failures -------------------------------------------------

run ir ir-stats --fill -g category "$f"
check "--fill needs a date bucket" 2 "" "ir-stats: --fill needs a date bucket to fill, such as -g published:month
$synopsis"
run ir ir-stats --fill -g published:month -g discovered:month "$f"
check "--fill works on one date bucket" 2 "" "ir-stats: --fill: more than one date bucket (-g published:month, -g discovered:month)
$synopsis"
run ir ir-stats --top 0 "$f"
check "--top 0" 2 "" "ir-stats: --top: expected a whole number from 1 to 1000000000, not '0'
$synopsis"
run ir ir-stats -o yaml "$f"
check "-o: unknown format" 2 "" "ir-stats: -o: unknown format 'yaml' (table, tsv, csv, json, markdown or bar)
$synopsis"
run ir ir-stats --sort size "$f"
check "--sort: count or key" 2 "" "ir-stats: --sort: expected count or key, not 'size'
$synopsis"
run ir ir-stats --partial -g category --top 3 "$f"
check "--partial with a row option" 2 "" "ir-stats: --partial writes a state, not rows: give --top to the --merge that reads it
$synopsis"
run ir ir-stats -g published:monthly "$f"
check "unknown date bucket" 2 "" "ir-stats: -g: unknown date bucket in 'published:monthly' (year, fy, quarter, month, week or day)
$synopsis"
run ir ir-stats --mean published:month "$f"
check "no date bucket on a numeric aggregate" 2 "" "ir-stats: --mean: date buckets are for -g and --distinct, not 'published:month'
$synopsis"
run ir ir-stats --by veris..action "$f"
check "--by: not a field" 2 "" "ir-stats: -g: 'veris..action' is not a field (NAME or NAME.NAME..., and :BUCKET)
$synopsis"
run ir ir-stats --sum affected --sum affected "$f"
check "an aggregate given twice" 2 "" "ir-stats: --sum affected given twice
$synopsis"
run ir ir-stats --median
check "an option without its argument" 2 "" "ir-stats: option --median needs an argument
$synopsis"
run ir ir-stats --count "$f"
check "unknown option" 2 "" "ir-stats: unknown option --count
$synopsis"
run ir ir-stats -g category "$tmp/missing" "$f"
check "missing input: reported, no figures, exit 2" 2 "" "ir-stats: $tmp/missing: cannot open: No such file or directory"
if [ -w /dev/full ]; then
	set +e
	ir ir-stats -g category "$f" >/dev/full 2>"$tmp/err"
	status=$?
	set -e
	: >"$tmp/out"
	check "output to /dev/full" 2 "" "ir-stats: write error on standard output: No space left on device"
else
	skip "output to /dev/full" "no /dev/full"
fi
run ir ir-stats --help
assert "--help starts with the synopsis" test "$status" -eq 0 -a "$(head -4 "$tmp/out")" = "$(echo "$synopsis" | head -4)"
run ir ir-stats --version
check "--version" 0 "ir-stats (ir) 0.1.0" ""

# Agreement with the other tools on the sample --------------------------------

ir ir-split "$here/../../examples/sample.txt" | ir ir-extract | ir ir-classify >"$tmp/sample.ndjson"
run ir ir-stats -o tsv "$tmp/sample.ndjson"
assert "the count equals the incidents ir-split wrote that are not copies" \
	test "$(tail -1 "$tmp/out")" = "$(jq -s '[.[] | select(.kind == "incident" and .duplicate_of == null)] | length' "$tmp/sample.ndjson")"
run ir ir-stats -g category --sum affected -o tsv --sort key "$tmp/sample.ndjson"
jq -rs '[.[] | select(.kind == "incident" and .duplicate_of == null)] | group_by(.category)[]
	| [.[].affected | numbers] as $n
	| [.[0].category, length, (if $n == [] then "" else $n | add end), ($n | length)] | @tsv' \
	"$tmp/sample.ndjson" >"$tmp/want"
sed 1d "$tmp/out" >"$tmp/got"
assert "per category: counts and sums agree with jq" cmp -s "$tmp/want" "$tmp/got"

done_testing
