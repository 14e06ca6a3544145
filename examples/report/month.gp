# month.gp - incidents per month as columns, from ir-stats -o tsv -g published:month.
# gnuplot -e "in='month.tsv'; out='month.png'" month.gp
set terminal pngcairo size 900,420 font "sans,10" noenhanced
set output out
set datafile separator "\t"
set key autotitle columnheader
set key off
stats in using 2 nooutput
if (STATS_max <= 10) set ytics 1
set title "Incidents per month"
set ylabel "incidents"
set yrange [0:STATS_max * 1.05]
set xtics rotate by -45 nomirror
set style fill solid 0.85 border -1
set boxwidth 0.8
set grid ytics
plot in using 0:2:xtic(1) with boxes lc rgb "#3b6ea5"
