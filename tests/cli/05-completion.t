#!/bin/sh
# The bash completion, run under bash-completion as bash calls it: the
# line split at COMP_WORDBREAKS (':' included), the function given the
# command, the word and the word before.
. "$(dirname "$0")/../lib.sh"
top=$here/../..
bc=/usr/share/bash-completion/bash_completion
if ! command -v bash >/dev/null 2>&1 || [ ! -r "$bc" ]; then
	echo "1..0 # SKIP no bash or bash-completion"
	exit 0
fi
# complete LINE WORD...: the replies to LINE, which bash splits into the
# WORDs (the last the one completed).
complete() {
	bash -c '. "$1"; . "$2"; COMP_LINE=$3; shift 3
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_POINT=${#COMP_LINE}
		COMPREPLY=(); _ir "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' sh "$bc" "$top/completions/bash/ir" "$@"
}
run complete "ir-stats -g published:mo" ir-stats -g published : mo
check "-g published:mo completes to published:month, across the colon" 0 "month" ""
run complete "ir-stats -g discovered:f" ir-stats -g discovered : f
check "-g discovered:f completes to discovered:fy" 0 "fy" ""
run complete "ir-stats --sort k" ir-stats --sort k
check "--sort k completes to key" 0 "key" ""
run complete "ir-stats --inc" ir-stats --inc
check "--inc completes to --incidents" 0 "--incidents" ""
done_testing
