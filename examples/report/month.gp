# month.gp - incidents per month as columns; a month with no notice at all
# (no post in the dumps: a gap of the scrape, not a zero) is shaded.
# The data: month, incidents (empty for such a month), notices.
# gnuplot -e "in='month.chart'; out='month.png'" month.gp
set terminal pngcairo size 900,420 font "sans,10" noenhanced
set output out
set datafile separator "\t"
set key autotitle columnheader
set key top right opaque
stats in using 2 nooutput
if (STATS_max <= 10) set ytics 1
set title "Incidents per month"
set ylabel "incidents"
set yrange [0:STATS_max * 1.05]
set xtics rotate by -45 nomirror
set style fill solid 0.85 border -1
set boxwidth 0.8
set grid ytics
top = STATS_max * 1.05
plot in using 0:($3 == 0 ? top : 1/0) with boxes fs solid 0.25 noborder lc rgb "#999999" \
	title "no notice in the dumps", \
	in using 0:2:xtic(1) with boxes lc rgb "#3b6ea5" notitle
