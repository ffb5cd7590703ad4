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
"$workload"
