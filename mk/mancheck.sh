#!/bin/sh
# mancheck.sh PAGE... - lint the man pages and run their EXAMPLES.
#
# Each .Dl line of an EXAMPLES section is run with sh, in order, in a
# scratch folder (one per page) holding dump.txt, dump1.txt and dump2.txt
# (copies of the sample dump), and must exit 0.  IR_BIN names the folder of
# the tools.
set -eu
top=$(pwd)
bin=${IR_BIN:-$top/bin}
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for page in "$@"; do
	if command -v mandoc >/dev/null 2>&1; then
		if ! mandoc -Tlint -Wwarning "$page"; then
			echo "mancheck: $page: mandoc -Tlint complains" >&2
			status=1
		fi
	fi
	awk '/^\.Sh /{ex = ($2 == "EXAMPLES")} ex && /^\.Dl /{sub(/^\.Dl /, ""); print}' "$page" |
	sed -e 's/\\e/\\/g' -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' -e 's/\\-/-/g' -e 's/\\&//g' >"$tmp/examples"
	rm -rf "$tmp/run"
	mkdir "$tmp/run"
	for f in dump.txt dump1.txt dump2.txt; do cp "$top/examples/sample.txt" "$tmp/run/$f"; done
	while IFS= read -r cmd; do
		if ! (cd "$tmp/run" && PATH="$bin:$PATH" sh -c "$cmd" >/dev/null 2>"$tmp/err"); then
			echo "mancheck: $page: example failed: $cmd" >&2
			cat "$tmp/err" >&2
			status=1
		fi
	done <"$tmp/examples"
done
exit $status
