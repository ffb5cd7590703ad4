#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Run the guest OS natively on QEMU: run-native.sh ELF BOARD OUT
#   BOARD: pb-a8 | vexpress-a9 (or the full machine name); OUT: UART0 transcript.
# Exits with QEMU's status (the guest's semihosting exit code; 124 on timeout).
set -u
if [ $# -ne 3 ]; then
	echo "usage: $0 ELF pb-a8|vexpress-a9 OUT" >&2
	exit 2
fi
elf=$1 board=$2 out=$3
case $board in
pb-a8|realview-pb-a8) machine=realview-pb-a8 ;;
vexpress-a9) machine=vexpress-a9,secure=off ;; # as the monitor runs: no Security Extensions
*) echo "$0: unknown board $board" >&2; exit 2 ;;
esac
exec timeout "${GUEST_TIMEOUT:-120}" qemu-system-arm -M "$machine" -m 64 -nographic \
	-icount shift=0,sleep=off -semihosting \
	-audiodev none,id=snd0 -global pl041.audiodev=snd0 \
	-monitor none -kernel "$elf" -serial "file:$out"
