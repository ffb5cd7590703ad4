#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Run equivalence: a guest's console transcript natively on QEMU and under
# the example monitor, for each board and sync strategy, must be identical
# once the timing lines (those starting with '@') are removed.
#
#   equivalence.sh AMV_SCAN ARM_BUILD OUTDIR GUEST [PV_GUEST]
#
# GUEST and PV_GUEST are paths containing @BOARD@ (pb-a8 | vexpress-a9);
# PV_GUEST (default: GUEST) runs under sync=pv. BOARDS and SYNCS (environment)
# narrow the matrix. Each run's files are left in OUTDIR: native-B.txt,
# SYNC-B.txt (guest console) and SYNC-B.mon (the monitor's report).
set -u
[ $# -ge 4 ] || { echo "usage: $0 AMV_SCAN ARM_BUILD OUTDIR GUEST [PV_GUEST]" >&2; exit 64; }
scan=$1 build=$2 out=$3 guest=$4 pvguest=${5:-$4}
here=$(dirname "$0")
mkdir -p "$out"
fail=0

# The guest natively, as examples/guest runs it (same board set-up).
native() { # ELF BOARD OUT
	GUEST_TIMEOUT=${QEMU_TIMEOUT:-300} \
		"$here/../../examples/guest/run-native.sh" "$1" "$2" "$3"
}

check() { # LABEL REFERENCE RUN STATUS
	if [ "$4" -ne 0 ]; then
		echo "FAIL $1: exit status $4"
		fail=1
	elif ! grep -v '^@' "$2" | cmp -s - "$out/filtered.tmp" 2>/dev/null; then
		echo "FAIL $1: transcript differs from native:"
		grep -v '^@' "$2" | diff - "$out/filtered.tmp" | head -20
		fail=1
	else
		echo "ok   $1: $(grep -vc '^@' "$3") lines identical to native"
	fi
}

for b in ${BOARDS:-pb-a8 vexpress-a9}; do
	case $b in
	pb-a8) long=realview-pb-a8 ;;
	vexpress-a9) long=vexpress-a9 ;;
	*) echo "$0: unknown board $b" >&2; exit 64 ;;
	esac
	for kind in default pv; do
		elf=$(echo "$guest" | sed "s/@BOARD@/$b/g")
		[ $kind = pv ] && elf=$(echo "$pvguest" | sed "s/@BOARD@/$b/g")
		[ $kind = pv ] && [ "$pvguest" = "$guest" ] && continue
		native "$elf" $b "$out/native-$kind-$b.txt"
		st=$?
		[ $st -eq 0 ] || { echo "FAIL native $kind $b: exit status $st"; fail=1; }
	done
	for s in ${SYNCS:-tlb wp pv}; do
		kind=default elf=$(echo "$guest" | sed "s/@BOARD@/$b/g")
		if [ $s = pv ] && [ "$pvguest" != "$guest" ]; then
			kind=pv elf=$(echo "$pvguest" | sed "s/@BOARD@/$b/g")
		fi
		"$here/../../examples/monitor/run-monitor.sh" $long \
			"$build/examples/monitor/monitor_$b.elf" "$elf" $s \
			"$out/$s-$b.txt" "$out/$s-$b.mon" "$scan"
		st=$?
		grep -v '^@' "$out/$s-$b.txt" >"$out/filtered.tmp"
		check "$b sync=$s ($kind guest)" "$out/native-$kind-$b.txt" "$out/$s-$b.txt" $st
		[ $st -eq 0 ] || tail -5 "$out/$s-$b.mon"
	done
	if [ -f "$out/native-pv-$b.txt" ]; then
		grep -v '^@' "$out/native-pv-$b.txt" >"$out/filtered.tmp"
		check "$b native pv build vs default build" "$out/native-default-$b.txt" "$out/native-pv-$b.txt" 0
	fi
done
rm -f "$out/filtered.tmp"
exit $fail
