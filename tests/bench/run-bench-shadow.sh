#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Host instructions per shadow MMU operation, counted by callgrind
# (deterministic), with the port hooks a bare-metal port has; then the memory
# table and the three synchronization strategies on one synthetic workload.
#   run-bench-shadow.sh BENCH_SHADOW SHADOW_WORKLOAD
set -eu
bench=$1
workload=$2
n=20000
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

count() { # function kind n -> instructions per call
	valgrind --tool=callgrind --toggle-collect="$1" \
		--callgrind-out-file="$out/cg" "$bench" "$2" "$3" \
		>/dev/null 2>"$out/log" || { cat "$out/log" >&2; exit 1; }
	echo $(($(sed -n 's/^summary: *//p' "$out/cg") / $3))
}

printf '%-44s %10s %8s\n' "operation" "instr/op" "goal"
printf '%-44s %10s %8s\n' "lazy fill, 4 KiB page (slot has an L2)" \
	"$(count measured_fault fill-page $n)" "<= 300"
printf '%-44s %10s %8s\n' "lazy fill, 4 KiB page (first in its slot)" \
	"$(count measured_fault fill-l2 $n)" "-"
printf '%-44s %10s %8s\n' "lazy fill, guest section as host section" \
	"$(count measured_fault fill-section $n)" "-"
printf '%-44s %10s %8s\n' "switch to a cached address space" \
	"$(count measured_switch switch $n)" "-"
printf '%-44s %10s %8s\n' "  entries invalidated by those switches" "0" "0"
printf '%-44s %10s %8s\n' "guest TLBIMVA (8 address spaces cached)" \
	"$(count measured_tlbi tlbimva $n)" "-"
echo
"$bench" memory
echo
steps=20000
echo "Strategies on one synthetic workload ($steps steps: fork/COW, exec, exit,"
echo "demand paging, context switches; exits by cause; library instructions)"
printf '%-4s %8s %8s %8s %8s %8s %8s %8s %8s %12s %9s\n' strat faults wp tlbop \
	hcall ttbr exits fills drops "lib instr" "instr/exit"
for s in tlb wp pv; do
	valgrind --tool=callgrind --collect-atstart=no \
		--callgrind-out-file="$out/cg.$s" "$workload" $s $steps \
		>"$out/row.$s" 2>"$out/log.$s" || { cat "$out/log.$s" >&2; exit 1; }
	instr=$(sed -n 's/^summary: *//p' "$out/cg.$s")
	exits=$(awk '{print $7}' "$out/row.$s")
	printf '%s %12s %9s\n' "$(cat "$out/row.$s")" "$instr" "$((instr / exits))"
done
grep -h 'user accesses' "$out"/log.tlb
