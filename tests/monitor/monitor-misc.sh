#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# The example monitor survives what a guest can throw at it beyond the
# escape probes of the test OS (which run in equivalence.sh):
#  - a guest that never ends: the watchdog (limit=MS) stops it, the monitor
#    reports and exits with status 7;
#  - a guest file that is not an ARM executable: the loader says why and
#    the monitor exits with status 2, before running anything;
#  - a guest that ends in time is not disturbed by the watchdog.
#   monitor-misc.sh AMV_SCAN ARM_BUILD OUTDIR
set -u
[ $# -eq 3 ] || { echo "usage: $0 AMV_SCAN ARM_BUILD OUTDIR" >&2; exit 64; }
scan=$1 build=$2 out=$3
run=$(dirname "$0")/../../examples/monitor/run-monitor.sh
mkdir -p "$out"
fail=0

expect() { # LABEL STATUS WANT MONITOR_OUT PATTERN
	if [ "$2" -ne "$3" ] || ! grep -q "$5" "$4"; then
		echo "FAIL $1: status $2 (want $3), monitor said:"
		cat "$4"
		fail=1
	else
		echo "ok   $1: status $2, $(grep -m1 "$5" "$4")"
	fi
}

for b in pb-a8 vexpress-a9; do
	case $b in pb-a8) long=realview-pb-a8 ;; *) long=vexpress-a9 ;; esac
	mon=$build/examples/monitor/monitor_$b.elf
	MONITOR_ARGS=limit=200 "$run" $long "$mon" \
		"$build/examples/monitor/spin_guest_$b.elf" tlb "$out/spin-$b.txt" \
		"$out/spin-$b.mon" "$scan"
	expect "$b spinning guest, limit=200" $? 7 "$out/spin-$b.mon" "watchdog"
	MONITOR_ARGS=limit=5000 "$run" $long "$mon" \
		"$build/examples/monitor/smoke_guest_$b.elf" wp "$out/smoke-$b.txt" \
		"$out/smoke-$b.mon" "$scan"
	expect "$b smoke guest, limit=5000" $? 0 "$out/smoke-$b.mon" "exited with status 0"
	head -c 3000 /dev/urandom >"$out/garbage.elf"
	printf '\177ELF\002\001\001' | dd of="$out/elf64.elf" bs=1 conv=notrunc 2>/dev/null
	head -c 200 /dev/zero >>"$out/elf64.elf"
	for bad in garbage elf64; do
		"$run" $long "$mon" "$out/$bad.elf" tlb "$out/$bad-$b.txt" \
			"$out/$bad-$b.mon" "$scan" 2>/dev/null
		expect "$b $bad guest file" $? 2 "$out/$bad-$b.mon" "\[amv\] .*\.elf: "
	done
done
exit $fail
