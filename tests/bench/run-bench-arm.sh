#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The benchmarks on the target ISA: bench_arm (tests/bench/arm) on QEMU's
# Cortex-A8 with -icount shift=0,sleep=off, so instruction counts are exact
# and the same on every run.
#   run-bench-arm.sh BENCH_ARM_ELF
set -eu
elf=$1
timeout 120 "${QEMU:-qemu-system-arm}" -M realview-pb-a8 -nographic \
	-audiodev none,id=snd0 -global pl041.audiodev=snd0 \
	-icount shift=0,sleep=off -semihosting -kernel "$elf"
