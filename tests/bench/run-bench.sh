#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Host instructions per amv_walk() call, counted by callgrind (deterministic:
# instructions, not time). The port's read hook (one contiguous guest RAM
# region: a bounds check and a load) is included, as a real port's would be.
#   run-bench.sh BENCH_WALK
set -eu
bench=$1
n=100000
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-12s %10s %10s\n' "walk" "instr/walk" "goal"
for kind in mmu-off section small-page fault-l1 fault-l2; do
	valgrind --tool=callgrind --toggle-collect=amv_walk \
		--callgrind-out-file="$out/cg.$kind" "$bench" "$kind" "$n" \
		>/dev/null 2>"$out/log.$kind"
	total=$(sed -n 's/^summary: *//p' "$out/cg.$kind")
	goal=-
	[ "$kind" = small-page ] && goal="<= 150"
	printf '%-12s %10s %10s\n' "$kind" "$((total / n))" "$goal"
done
