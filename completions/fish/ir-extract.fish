# fish completion for ir-extract
complete -c ir-extract -s h -l help -d 'Show help'
complete -c ir-extract -l version -d 'Show the version'
complete -c ir-extract -l line-buffered -d 'Write each record as soon as it is complete'
complete -c ir-extract -l max-record-bytes -x -d 'Skip longer lines (bytes; K, M, G allowed)'
complete -c ir-extract -l rejects -r -F -d 'Copy unusable lines to FILE'
complete -c ir-extract -l threads -x -a '0 1 2 4' -d 'Number of threads (0: one per CPU)'
