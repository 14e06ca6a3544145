# category.gp - incidents per category as horizontal bars, from ir-stats -o tsv -g category
# (its labels named by table.awk).
# gnuplot -e "in='category.chart'; out='category.png'" category.gp
set terminal pngcairo size 900,420 font "sans,10" noenhanced
set output out
set datafile separator "\t"
set key autotitle columnheader
set key off
stats in using 2 nooutput
if (STATS_max <= 10) set xtics 1
set title "Incidents per category"
set xlabel "incidents"
set xrange [0:STATS_max * 1.05]
set yrange [*:*] reverse
set style fill solid 0.85 border -1
set grid xtics
plot in using ($2 / 2):0:($2 / 2):(0.4):ytic(1) with boxxyerror lc rgb "#3b6ea5"
