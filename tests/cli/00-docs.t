#!/bin/sh
# Every option a tool's --help lists is in its man page and in the bash,
# zsh and fish completions; every tool is in the README and ir(7).
. "$(dirname "$0")/../lib.sh"
top=$here/../..
tools=$(cd "$IR_BIN" && ls ir-* 2>/dev/null)
plan $(($(echo "$tools" | wc -w) * 6))

for t in $tools; do
	"$IR_BIN/$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/opts"
	missing() {
		while read -r o; do
			grep -q -e "$o" "$1" || echo "$o"
		done <"$tmp/opts"
	}
	# mdoc writes --rejects as "Fl \-rejects".
	sed -n 's/.*Fl \\-\([a-z\\-]*\).*/--\1/p' "$top/man/$t.1" | sed 's/\\-/-/g' >"$tmp/man"
	assert "$t: options in its man page" test -z "$(missing "$tmp/man")"
	assert "$t: options in the bash completion" test -z "$(missing "$top/completions/bash/ir")"
	assert "$t: options in the zsh completion" test -z "$(missing "$top/completions/zsh/_ir")"
	assert "$t: options in the fish completion" \
		test -z "$(sed 's/^--/-l /' "$tmp/opts" | while read -r l o; do grep -q -- "-l $o" "$top/completions/fish/$t.fish" || echo "$o"; done)"
	assert "$t: in the README" grep -q -- "$t" "$top/README.md"
	assert "$t: in ir(7)" grep -q -- "Xr $t 1" "$top/man/ir.7"
done

done_testing
