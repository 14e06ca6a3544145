# table.awk - a table of ir-stats -o tsv, for the report.
#
#	awk -f table.awk [-v labels=labels.ja.tsv] [-v out=tsv] table.tsv
#
# Writes a Markdown table: a column of numbers on the right, with
# thousands separators (1,280,001 and 6,304.5); an empty cell (a value
# ir-stats could not give, or a month with no notice) as "–".  With
# labels, a FILE of "label<TAB>name" lines, each label in a cell is
# shown by its name (LABELS=ja: the Japanese names of the taxonomy).
# With out=tsv it writes the TSV back with the labels named and no
# separators, for gnuplot; with out=cells, the cells of the rows as the
# table shows them, tab-separated, without the header, for a sentence.
BEGIN {
	FS = "\t"
	if (labels != "")
		while ((getline line < labels) > 0) {
			split(line, p, "\t")
			name[p[1]] = p[2]
		}
}
{
	for (i = 1; i <= NF; i++)
		cell[NR, i] = $i
	if (NF > cols)
		cols = NF
	rows = NR
}
function is_number(s) {
	return s ~ /^-?[0-9]+(\.[0-9]+)?$/
}
# 1234567.5 as 1,234,567.5
function grouped(s,    sign, whole, rest) {
	sign = ""
	if (substr(s, 1, 1) == "-") {
		sign = "-"
		s = substr(s, 2)
	}
	whole = s
	rest = ""
	if (index(s, ".") > 0) {
		whole = substr(s, 1, index(s, ".") - 1)
		rest = substr(s, index(s, "."))
	}
	while (length(whole) > 3) {
		rest = "," substr(whole, length(whole) - 2) rest
		whole = substr(whole, 1, length(whole) - 3)
	}
	return sign whole rest
}
function shown(s) {
	return s in name ? name[s] : s
}
END {
	for (c = 1; c <= cols; c++) {
		numeric[c] = rows > 1
		for (r = 2; r <= rows; r++)
			if (cell[r, c] != "" && !is_number(cell[r, c]))
				numeric[c] = 0
	}
	for (r = out == "cells" ? 2 : 1; r <= rows; r++) {
		line = ""
		for (c = 1; c <= cols; c++) {
			v = cell[r, c]
			if (r > 1 && out != "tsv")
				v = v == "" ? "–" : numeric[c] ? grouped(v) : shown(v)
			else if (r > 1)
				v = shown(v)
			line = line (out == "" ? "| " v " " : (c > 1 ? "\t" : "") v)
		}
		print out == "" ? line "|" : line
		if (r == 1 && out == "") {
			line = ""
			for (c = 1; c <= cols; c++)
				line = line (numeric[c] ? "| --: " : "| --- ")
			print line "|"
		}
	}
}
