# fish completion for ir-split
complete -c ir-split -s h -l help -d 'Show help'
complete -c ir-split -l version -d 'Show the version'
complete -c ir-split -l line-buffered -d 'Write each record as soon as it is complete'
complete -c ir-split -l max-record-bytes -x -d 'Leave out longer posts (bytes; K, M, G allowed)'
complete -c ir-split -l no-dedup -d 'Do not look for copies of earlier incidents'
complete -c ir-split -l strict -d 'Stop reading a file at invalid UTF-8'
