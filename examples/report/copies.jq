# copies.jq - mark the incidents that repeat an earlier post, across dumps.
#
# Each dump is split on its own, so ir-split marks only the copies within
# it.  Split together, the dumps give every copy's duplicate_of; $copies
# holds those, as {"key": "SOURCE:LINE", "value": duplicate_of} entries:
#	ir-split A.txt B.txt | jq -c 'select(.duplicate_of) | {key: "\(.source):\(.line)", value: .duplicate_of}' >copies.ndjson
#	cat A.ndjson B.ndjson | jq -c -n --slurpfile copies copies.ndjson -f copies.jq
($copies | from_entries) as $m
| inputs
| if .kind == "incident" then .duplicate_of = ($m["\(.source):\(.line)"] // .duplicate_of) else . end
