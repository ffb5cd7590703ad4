#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Host instructions per emulated instruction (callgrind, deterministic):
# amv_emulate() on a decoded instruction, and decode + emulate (a trap).
#   run-bench-emulate.sh BENCH_EMULATE
set -eu
bench=$1
n=20000
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() { # function kind mode
	valgrind --tool=callgrind --toggle-collect="$1" \
		--callgrind-out-file="$out/cg" "$bench" "$2" $n "$3" \
		>/dev/null 2>"$out/log" || { cat "$out/log" >&2; exit 1; }
	echo $(($(sed -n 's/^summary: *//p' "$out/cg") / n))
}
printf '%-14s %10s %14s %8s\n' "instruction" "emulate" "decode+emul." "goal"
for k in mrc-sctlr mcr-tpidrprw mrs-cpsr msr-cpsr-c cps-id-i subs-pc-lr svc-inject; do
	goal="<= 100"
	[ "$k" = svc-inject ] && goal="<= 250"
	printf '%-14s %10s %14s %8s\n' "$k" "$(count measured_emulate $k emulate)" \
		"$(count measured_trap $k trap)" "$goal"
done
