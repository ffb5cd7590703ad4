#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Host instructions per decoded A32 word, counted by callgrind
# (deterministic: instructions, not time), for amv_decode_class(),
# amv_decode() and Capstone cs_disasm_iter() with detail off and on, over
# the same instruction stream (bench_decode's seeded synthetic mix, or the
# .text of ELF).
#   run-bench-decode.sh BENCH_DECODE [N] [ELF]
set -eu
bench=$1
n=${2:-100000}
elf=${3:-}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() { # mode function
	valgrind --tool=callgrind --toggle-collect="$2" \
		--callgrind-out-file="$out/cg.$1" "$bench" "$1" "$n" $elf \
		>/dev/null 2>"$out/log.$1" || { cat "$out/log.$1" >&2; exit 1; }
	total=$(sed -n 's/^summary: *//p' "$out/cg.$1")
	# per word, one decimal
	echo "$total $n" | awk '{ printf "%.1f", $1 / $2 }'
}
cls=$(count class amv_decode_class)
dec=$(count decode amv_decode)
cs=$(count cs cs_disasm_iter)
csd=$(count cs-detail cs_disasm_iter)
echo "stream: ${elf:-synthetic mix (60% DP, 25% ld/st, 10% branch, 5% system)}, $n words"
printf '%-34s %12s\n' "decoder" "instr/word"
printf '%-34s %12s\n' "amv_decode_class()" "$cls"
printf '%-34s %12s\n' "amv_decode()" "$dec"
printf '%-34s %12s\n' "Capstone cs_disasm_iter, detail off" "$cs"
printf '%-34s %12s\n' "Capstone cs_disasm_iter, detail on" "$csd"
echo "$cs $cls $csd $dec" | awk '{
	printf "ratio Capstone(detail off) / amv_decode_class = %.1fx (goal >= 50x)\n", $1 / $2
	printf "ratio Capstone(detail on)  / amv_decode       = %.1fx\n", $3 / $4 }'
