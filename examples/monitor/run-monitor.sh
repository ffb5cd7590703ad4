#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Run a guest under the example monitor on QEMU.
#   run-monitor.sh BOARD MONITOR_ELF GUEST_ELF SYNC GUEST_OUT MONITOR_OUT [AMV_SCAN]
# BOARD: realview-pb-a8 | vexpress-a9; SYNC: tlb | wp | pv. The guest's
# console (UART0) goes to GUEST_OUT, the monitor's (UART1) to MONITOR_OUT;
# with GUEST_OUT = - the guest's console is shown live and not kept. The
# patch table is made with amv-scan --patch (default: next to the monitor
# build's host tree, or AMV_SCAN); MONITOR_ARGS adds to the monitor's
# command line (e.g. limit=MS). Exit status: the guest's, or the monitor's
# own (2: cannot load the guest, 7: the guest's time limit expired).
set -eu
[ $# -ge 6 ] || { echo "usage: $0 BOARD MONITOR_ELF GUEST_ELF SYNC GUEST_OUT MONITOR_OUT [AMV_SCAN]" >&2; exit 64; }
board=$1 monitor=$2 guest=$3 sync=$4 gout=$5 mout=$6 scan=${7:-${AMV_SCAN:-amv-scan}}
case $board in
realview-pb-a8) machine=realview-pb-a8 mem=128 ;;
vexpress-a9) machine=vexpress-a9,secure=off mem=512 ;;
*) echo "$0: unknown board $board" >&2; exit 64 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
guest=$(readlink -f "$guest")
patches="patches=$tmp/patched.elf.patches"
if ! "$scan" --patch "$tmp/patched.elf" "$guest" >"$tmp/scan.log" 2>&1; then
	# Not a guest amv-scan can patch: the monitor gets the file alone
	# (its loader has the last word, and a message, on what it accepts).
	cat "$tmp/scan.log" >&2
	patches=
fi
if [ "$gout" = - ]; then serial0=stdio; else serial0="file:$gout"; fi
set +e
timeout "${QEMU_TIMEOUT:-300}" qemu-system-arm -M "$machine" -m "$mem" \
	-display none -monitor none -icount shift=0,sleep=off \
	-semihosting-config enable=on,target=native \
	-audiodev none,id=snd0 -global pl041.audiodev=snd0 \
	-kernel "$monitor" \
	-append "guest=$guest $patches sync=$sync ${MONITOR_ARGS:-}" \
	-serial "$serial0" -serial "file:$mout"
rc=$?
set -e
[ $rc -ne 124 ] || echo "$0: timed out" >&2
exit $rc
