#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# make demo: the test guest OS natively on QEMU's realview-pb-a8 (Cortex-A8),
# then under the example monitor with its console shown live, the monitor's
# exit summary, and the comparison of the two transcripts ('@' timing lines
# aside). Exit 0 when they are identical.
#   demo.sh AMV_SCAN ARM_BUILD OUTDIR [SYNC]
set -u
[ $# -ge 3 ] || { echo "usage: $0 AMV_SCAN ARM_BUILD OUTDIR [SYNC]" >&2; exit 64; }
scan=$1 build=$2 out=$3 sync=${4:-tlb}
here=$(dirname "$0")
guest=$build/examples/guest/guest_pb-a8.elf
mkdir -p "$out"

echo "== 1. the guest natively in SVC mode on realview-pb-a8 (reference transcript)"
GUEST_TIMEOUT=300 "$here/../guest/run-native.sh" "$guest" pb-a8 "$out/native.txt"
echo "   native run: exit status $?, $(wc -l <"$out/native.txt") lines"

echo "== 2. the same guest de-privileged under the amv monitor (sync=$sync), live:"
{ "$here/run-monitor.sh" realview-pb-a8 "$build/examples/monitor/monitor_pb-a8.elf" \
	"$guest" "$sync" - "$out/monitor.txt" "$scan"; echo $? >"$out/status"; } |
	tee "$out/guest.txt"
status=$(cat "$out/status")

echo "== 3. the monitor's report (its own console, UART1):"
cat "$out/monitor.txt"

echo "== 4. comparing transcripts ('@' lines are timings and differ by design)"
grep -v '^@' "$out/native.txt" >"$out/native.f"
grep -v '^@' "$out/guest.txt" >"$out/guest.f"
if [ "$status" -eq 0 ] && cmp -s "$out/native.f" "$out/guest.f"; then
	echo "demo: PASS: $(wc -l <"$out/guest.f") lines identical to the native run; guest exit status 0"
	exit 0
fi
diff "$out/native.f" "$out/guest.f" | head -20
echo "demo: FAIL (guest exit status $status)"
exit 1
