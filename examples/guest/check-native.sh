#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Run every guest ELF natively twice and compare: repeats must be
# byte-identical, and the PV build must print what the default build prints
# (apart from '@' timing lines). check-native.sh [BUILD_DIR] [OUT_DIR]
set -u
here=$(cd "$(dirname "$0")" && pwd)
bdir=${1:-$here/../../build/arm-armv7-a/examples/guest}
out=${2:-$(mktemp -d)}
mkdir -p "$out" || exit 2
fail=0
for board in pb-a8 vexpress-a9; do
	for v in "" pv_; do
		for i in 1 2; do
			t=$out/${v}$board.$i.txt
			"$here/run-native.sh" "$bdir/guest_${v}$board.elf" "$board" "$t"
			rc=$?
			echo "guest_${v}$board run $i: exit $rc"
			[ $rc -eq 0 ] || fail=1
		done
		cmp -s "$out/${v}$board.1.txt" "$out/${v}$board.2.txt" ||
			{ echo "guest_${v}$board: repeats differ"; fail=1; }
	done
	grep -v '^@' "$out/$board.1.txt" > "$out/$board.cmp"
	grep -v '^@' "$out/pv_$board.1.txt" > "$out/pv_$board.cmp"
	cmp -s "$out/$board.cmp" "$out/pv_$board.cmp" ||
		{ echo "$board: PV and default transcripts differ"; fail=1; }
done
echo "transcripts in $out"
[ $fail -eq 0 ] && echo "check-native: OK" || echo "check-native: FAILED"
exit $fail
