#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Run the CPU oracle: generate cases on the host, execute each instruction
# natively on a QEMU board's CPU, then check the results.
#
#   run-cpu-oracle.sh HOST_TOOL GUEST_DIR BOARD SEED CASES MODE [CLASSES [BATCH]]
#
# BOARD is realview-pb-a8 (Cortex-A8) or vexpress-a9 (Cortex-A9, run with
# secure=off: without it QEMU gives the A9 the Security Extensions, and SMC
# would enter Monitor mode instead of being UNDEFINED as on the A8); GUEST_DIR
# holds cpu_oracle_<board>.elf. MODE is selftest (infrastructure checks that
# need no emulator) or check (compare with cpu_oracle_emulate(), excusing the
# QEMU deviations listed in deviations.txt next to this script). CLASSES is
# a comma-separated class list or "all" (default). CASES are split into
# batches of BATCH (default 20000), batch b using seed SEED+b; every batch
# runs each case twice (forward and reverse order). Exit status 0 only if
# every batch passes; 77 if MODE is check and no emulator is linked in.
# Set CPU_ORACLE_KEEP=dir to keep the last batch's blob and results there,
# CPU_ORACLE_RERUN=1 to run QEMU twice per batch and require identical
# results files (each run already executes every case twice).
set -eu

tool=$1 guests=$2 board=$3 seed=$4 cases=$5 mode=$6
classes=${7:-all} batch=${8:-20000}
qemu=${QEMU:-qemu-system-arm}
dev=$(cd "$(dirname "$0")" && pwd)/deviations.txt
guests=$(cd "$guests" && pwd)
case $board in
realview-pb-a8) machine=realview-pb-a8 elf=$guests/cpu_oracle_pb-a8.elf
	blob=0x72000000
	quiet="-audiodev none,id=snd0 -global pl041.audiodev=snd0" ;;
vexpress-a9) machine=vexpress-a9,secure=off elf=$guests/cpu_oracle_vexpress-a9.elf
	blob=0x62000000 quiet="-audiodev none,id=snd0 -global lm4549.audiodev=snd0" ;;
*) echo "run-cpu-oracle: unknown board $board" >&2; exit 2 ;;
esac
case $mode in
selftest|check) ;;
*) echo "run-cpu-oracle: MODE is selftest or check" >&2; exit 2 ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/amv-cpu-oracle.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run_qemu LOG: run the guest on the blob in $work; results in cpu-oracle.out.
# -icount shift=0,sleep=off keeps the run deterministic; semihosting writes
# the results file into the working directory.
run_qemu() {
	rm -f "$work/cpu-oracle.out"
	# shellcheck disable=SC2086 # $quiet is a list of options
	(cd "$work" && timeout 300 "$qemu" -M "$machine" -m 128M \
		-nographic -monitor none -serial stdio $quiet \
		-icount shift=0,sleep=off \
		-semihosting-config enable=on,target=native \
		-kernel "$elf" \
		-device loader,file=blob.bin,addr=$blob,force-raw=on \
		>"$work/$1" 2>&1)
}

b=0
done_cases=0
status=0
while [ "$done_cases" -lt "$cases" ]; do
	n=$((cases - done_cases))
	[ "$n" -gt "$batch" ] && n=$batch
	s=$(((seed + b) % 4294967296))
	"$tool" gen "$board" "$s" "$n" "$work/blob.bin" 2 "$classes" >/dev/null
	if ! run_qemu qemu.log; then
		echo "cpu oracle: QEMU failed on batch $b (seed $s):" >&2
		cat "$work/qemu.log" >&2
		exit 1
	fi
	if [ -n "${CPU_ORACLE_RERUN:-}" ]; then
		mv "$work/cpu-oracle.out" "$work/first.out"
		if ! run_qemu qemu2.log; then
			echo "cpu oracle: QEMU failed on batch $b (seed $s), run 2:" >&2
			cat "$work/qemu2.log" >&2
			exit 1
		fi
		if ! cmp -s "$work/first.out" "$work/cpu-oracle.out"; then
			echo "cpu oracle: batch $b (seed $s): two QEMU runs differ" >&2
			exit 1
		fi
	fi
	if [ -n "${CPU_ORACLE_KEEP:-}" ]; then
		mkdir -p "$CPU_ORACLE_KEEP"
		cp "$work/blob.bin" "$work/cpu-oracle.out" "$CPU_ORACLE_KEEP/"
	fi
	rc=0
	if [ "$mode" = check ]; then
		"$tool" check "$work/blob.bin" "$work/cpu-oracle.out" "$dev" || rc=$?
	else
		"$tool" selftest "$work/blob.bin" "$work/cpu-oracle.out" || rc=$?
	fi
	case $rc in
	0) ;;
	77) [ "$status" -eq 0 ] && status=77 ;;
	*) exit "$rc" ;;
	esac
	done_cases=$((done_cases + n))
	b=$((b + 1))
done
if [ "$status" -eq 0 ]; then
	echo "cpu oracle: $board $mode: all $b batch(es) passed; replay with AMV_SEED=$seed"
fi
exit "$status"
