#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Where the monitor's instructions go on a null system call: runs
# syscall_guest with 1000 calls and with 0 under the example monitor on
# realview-pb-a8 with QEMU's translation-block log, and prints instructions
# per call by function (tb-profile.pl). The logs take about 200 MB in
# OUTDIR while it runs. Not part of make check: make profile-syscall.
#   run-profile-syscall.sh AMV_SCAN ARM_BUILD OUTDIR [SYNC]
set -eu
[ $# -ge 3 ] || { echo "usage: $0 AMV_SCAN ARM_BUILD OUTDIR [SYNC]" >&2; exit 64; }
scan=$1 build=$2 out=$3 sync=${4:-tlb}
here=$(cd "$(dirname "$0")" && pwd)
monitor=$build/examples/monitor/monitor_pb-a8.elf
mkdir -p "$out"
out=$(cd "$out" && pwd)
for n in 1000 0; do
	# The monitor loads the guest as built and applies the table.
	guest=$(readlink -f "$build/examples/monitor/syscall_guest_$n.elf")
	"$scan" --patch "$out/guest_$n.elf" "$guest" >/dev/null 2>&1
	timeout 300 qemu-system-arm -M realview-pb-a8 -m 128 -display none \
		-monitor none -icount shift=0,sleep=off \
		-semihosting-config enable=on,target=native \
		-audiodev none,id=snd0 -global pl041.audiodev=snd0 \
		-kernel "$monitor" \
		-append "guest=$guest patches=$out/guest_$n.elf.patches sync=$sync" \
		-serial null -serial "file:$out/monitor_$n.txt" \
		-d in_asm,exec,nochain -D "$out/log_$n"
done
echo "null system call under the monitor (sync=$sync), per call:"
"$here/tb-profile.pl" "$monitor" "$out/log_1000" "$out/log_0" 1000
rm -f "$out/log_1000" "$out/log_0"
