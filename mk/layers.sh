#!/bin/sh
# layers.sh - check that every #include in lib/ keeps to the layers of
# lib/README.md: a module includes its own layer and those below it.
set -eu
cd "$(dirname "$0")/.."
allowed() {
	case $1 in
	base) echo "base" ;;
	json | ja) echo "base $1" ;;
	run) echo "base json run" ;;
	split | extract | classify | stats) echo "base json ja run $1" ;;
	*) echo "" ;;
	esac
}
status=0
for f in lib/*/*.[ch]; do
	layer=${f#lib/}
	layer=${layer%%/*}
	ok=$(allowed "$layer")
	if [ -z "$ok" ]; then
		echo "layers.sh: $f: $layer is not a layer of lib/README.md" >&2
		status=1
		continue
	fi
	grep -n '^#include "' "$f" | while IFS= read -r inc; do
		line=${inc%%:*}
		dep=$(printf '%s\n' "$inc" | sed 's/.*#include "\([^/"]*\)\/.*/\1/; t; s/.*/-/')
		case " $ok " in
		*" $dep "*) ;;
		*) echo "layers.sh: $f:$line: $layer may not include ${inc#*#include }" >&2; echo x ;;
		esac
	done | grep -q x && status=1
done
exit $status
