#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Run the walker oracle: generate table images on the host, execute their
# ATS operations on a QEMU board's CPU, compare with amv_walk.
#
#   run-walk-oracle.sh HOST_TOOL GUEST_DIR DEVIATIONS BOARD SEED IMAGES QUERIES [BATCH]
#
# BOARD is realview-pb-a8 (Cortex-A8), vexpress-a9 or vexpress-a15 (both run
# in Secure state, secure=on); GUEST_DIR holds walk_oracle_<board>.elf.
# IMAGES are split into batches of BATCH images (default 200), batch b using
# seed SEED+b; the whole run is replayed with the same SEED. Exit status 0
# only if every batch passes.
set -eu

tool=$1 guests=$2 dev=$3 board=$4 seed=$5 images=$6 queries=$7 batch=${8:-200}
qemu=${QEMU:-qemu-system-arm}
guests=$(cd "$guests" && pwd)
case $board in
realview-pb-a8) machine=realview-pb-a8 elf=$guests/walk_oracle_pb-a8.elf
	blob=0x72000000
	quiet="-audiodev none,id=snd0 -global pl041.audiodev=snd0" ;;
vexpress-a9) machine=vexpress-a9,secure=on elf=$guests/walk_oracle_vexpress-a9.elf
	blob=0x62000000 quiet="-audiodev none,id=snd0" ;;
vexpress-a15) machine=vexpress-a15,secure=on elf=$guests/walk_oracle_vexpress-a15.elf
	blob=0x82000000 quiet="-audiodev none,id=snd0" ;;
*) echo "run-walk-oracle: unknown board $board" >&2; exit 2 ;;
esac
work=$(mktemp -d "${TMPDIR:-/tmp}/amv-oracle.XXXXXX")
trap 'rm -rf "$work"' EXIT

b=0
done_images=0
while [ "$done_images" -lt "$images" ]; do
	n=$((images - done_images))
	[ "$n" -gt "$batch" ] && n=$batch
	s=$(((seed + b) % 4294967296))
	"$tool" gen "$board" "$s" "$n" "$queries" "$work/blob.bin" >/dev/null
	rm -f "$work/walk-oracle.out"
	# -icount keeps the run deterministic; semihosting writes the results.
	# shellcheck disable=SC2086 # $quiet is a list of options
	if ! (cd "$work" && timeout 600 "$qemu" -M "$machine" -m 128M \
		-nographic -monitor none -serial stdio $quiet \
		-icount shift=0,sleep=off \
		-semihosting-config enable=on,target=native \
		-kernel "$elf" \
		-device loader,file=blob.bin,addr=$blob,force-raw=on \
		>"$work/qemu.log" 2>&1); then
		echo "walk oracle: QEMU failed on batch $b (seed $s):" >&2
		cat "$work/qemu.log" >&2
		exit 1
	fi
	"$tool" check "$work/blob.bin" "$work/walk-oracle.out" "$dev"
	done_images=$((done_images + n))
	b=$((b + 1))
done
echo "walk oracle: $board: all $b batch(es) passed; replay with AMV_SEED=$seed"
