#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The test guest's micro-benchmarks natively and under the example monitor
# with each sync strategy, on QEMU with -icount shift=0,sleep=off: one guest
# instruction is 1 ns of virtual time and the 24 MHz counter the guest reads
# ticks every 1000/24 instructions, so every number here is an exact,
# repeatable instruction count (guest plus monitor), not a time.
#
#   run-bench-monitor.sh AMV_SCAN ARM_BUILD OUTDIR [BOARD]
#
# Prints the table (instructions per iteration, overhead ratio, extra
# instructions per iteration) and writes OUTDIR/benchmarks.md (the same
# table in Markdown, with the monitor's exit counts) and OUTDIR/overhead.svg.
set -eu
[ $# -ge 3 ] || { echo "usage: $0 AMV_SCAN ARM_BUILD OUTDIR [BOARD]" >&2; exit 64; }
scan=$1 build=$2 out=$3 board=${4:-pb-a8}
here=$(dirname "$0")
mkdir -p "$out"
BOARDS=$board "$here/../monitor/equivalence.sh" "$scan" "$build" "$out" \
	"$build/examples/guest/guest_@BOARD@.elf" \
	"$build/examples/guest/guest_pv_@BOARD@.elf" >"$out/equivalence.txt" || {
	cat "$out/equivalence.txt"; exit 1; }

# @bench NAME ITERATIONS TICKS24 -> NAME instructions-per-iteration (x10)
per_iter() {
	awk '$1 == "@bench" { printf "%s %d\n", $2, ($4 * 10000) / (24 * $3) + 0.5 }' "$1"
}
per_iter "$out/native-default-$board.txt" >"$out/b.native"
per_iter "$out/native-pv-$board.txt" >"$out/b.nativepv"
for s in tlb wp pv; do per_iter "$out/$s-$board.txt" >"$out/b.$s"; done

# Exits per phase from the monitor's report: phase -> total.
for s in tlb wp pv; do
	awk '$1 == "[amv]" && NF == 16 && $2 != "phase" { print $2, $14, $15 }' \
		"$out/$s-$board.mon" >"$out/x.$s"
done

awk -v board="$board" -v md="$out/benchmarks.md" -v svg="$out/overhead.svg" '
function fmt(x) { return sprintf("%.1f", x / 10) }
FILENAME ~ /b\.native$/ { nat[$1] = $2; order[++n] = $1; next }
FILENAME ~ /b\.nativepv$/ { natpv[$1] = $2; next }
FILENAME ~ /b\.(tlb|wp|pv)$/ { split(FILENAME, p, "."); v[p[2], $1] = $2; next }
FILENAME ~ /x\.(tlb|wp|pv)$/ { split(FILENAME, p, "."); ex[p[2], $1] = $2; swd[p[2], $1] = $3; next }
END {
	split("tlb wp pv", S, " ")
	printf "guest micro-benchmarks on %s, instructions per iteration (QEMU -icount, exact)\n", board
	printf "%-12s %10s %10s %10s %10s  %7s %7s %7s  %8s %8s %8s\n", "benchmark", "native", "tlb", "wp", "pv", "tlb/n", "wp/n", "pv/n", "+tlb", "+wp", "+pv"
	print "| benchmark | native | tlb | wp | pv | tlb/native | wp/native | pv/native | extra (tlb) | extra (wp) | extra (pv) | exits tlb/wp/pv | switch drops tlb/wp/pv |" > md
	print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|" > md
	for (i = 1; i <= n; i++) {
		b = order[i]; line = sprintf("%-12s %10s", b, fmt(nat[b]))
		mdl = sprintf("| %s | %s", b, fmt(nat[b]))
		for (k = 1; k <= 3; k++) { line = line sprintf(" %10s", fmt(v[S[k], b])); mdl = mdl sprintf(" | %s", fmt(v[S[k], b])) }
		line = line " "
		for (k = 1; k <= 3; k++) {
			ref = (S[k] == "pv" && (b in natpv)) ? natpv[b] : nat[b]
			r[k] = ref > 0 ? v[S[k], b] / ref : 0
			line = line sprintf(" %7.3f", r[k]); mdl = mdl sprintf(" | %.3f", r[k])
		}
		line = line " "
		for (k = 1; k <= 3; k++) {
			ref = (S[k] == "pv" && (b in natpv)) ? natpv[b] : nat[b]
			line = line sprintf(" %8s", fmt(v[S[k], b] - ref)); mdl = mdl sprintf(" | %s", fmt(v[S[k], b] - ref))
		}
		mdl = mdl sprintf(" | %d/%d/%d | %d/%d/%d |", ex["tlb", b], ex["wp", b], ex["pv", b], swd["tlb", b], swd["wp", b], swd["pv", b])
		print line; print mdl > md
		ratio[i, 1] = r[1]; ratio[i, 2] = r[2]; ratio[i, 3] = r[3]
	}
	# Bar chart of the overhead ratios, log2 scale from 1x to 128x.
	W = 120 * n + 120; H = 400; Y0 = 330
	printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H > svg
	printf "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n" > svg
	printf "<text x=\"10\" y=\"18\" font-size=\"14\">amv example monitor: guest instructions + monitor instructions per iteration / native (%s, QEMU -icount, log scale)</text>\n", board > svg
	split("#4477aa #ee6677 #228833", C, " ")
	for (t = 0; t <= 7; t++) {
		y = Y0 - t * 40
		printf "<line x1=\"60\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/><text x=\"16\" y=\"%d\">%dx</text>\n", y, W - 20, y, y + 4, 2 ^ t > svg
	}
	for (i = 1; i <= n; i++) {
		x0 = 80 + (i - 1) * 120
		for (k = 1; k <= 3; k++) {
			l = ratio[i, k] > 1 ? log(ratio[i, k]) / log(2) : 0
			h = l * 40; if (h > 290) h = 290
			printf "<rect x=\"%d\" y=\"%.1f\" width=\"28\" height=\"%.1f\" fill=\"%s\"><title>%s %s %.3fx</title></rect>\n", x0 + (k - 1) * 30, Y0 - h, h, C[k], order[i], S[k], ratio[i, k] > svg
			printf "<text x=\"%d\" y=\"%.1f\" font-size=\"9\">%.1f</text>\n", x0 + (k - 1) * 30, Y0 - h - 3, ratio[i, k] > svg
		}
		printf "<text x=\"%d\" y=\"%d\">%s</text>\n", x0, Y0 + 20, order[i] > svg
	}
	for (k = 1; k <= 3; k++)
		printf "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">sync=%s</text>\n", 80 + (k - 1) * 100, Y0 + 35, C[k], 96 + (k - 1) * 100, Y0 + 46, S[k] > svg
	print "</svg>" > svg
}' "$out/b.native" "$out/b.nativepv" "$out/b.tlb" "$out/b.wp" "$out/b.pv" \
	"$out/x.tlb" "$out/x.wp" "$out/x.pv"
echo "exits per benchmark phase and cause (sync=tlb):"
grep '^\[amv\]' "$out/tlb-$board.mon" | sed -n '/phase/,$p'
echo "(Markdown: $out/benchmarks.md, plot: $out/overhead.svg)"
