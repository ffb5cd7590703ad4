#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Runs amv-scan on a real kernel: Debian's armhf linux-image-*-armmp.
# Not part of ctest (it needs the Debian archive); see docs/amv-scan.md.
#
#   tests/scan/scan-debian-kernel.sh AMV_SCAN [WORKDIR] [--dbg]
#
# 1. Adds the armhf architecture to dpkg and runs apt-get update if the
#    armmp packages are not known yet (needs root).
# 2. Picks the newest non-RT linux-image-<abi>-armmp from
#    `apt-cache search 'linux-image-.*-armmp$'`, apt-get downloads it and
#    unpacks it with dpkg-deb.
# 3. /boot/vmlinuz-* is a zImage: a small position-independent
#    decompressor followed by the compressed kernel Image. The compressor
#    comes from CONFIG_KERNEL_{GZIP,LZMA,XZ,LZ4,LZO} in /boot/config-*;
#    the script looks for that format's magic bytes in the zImage and
#    decompresses from each candidate offset until one yields an image
#    (the payload is followed by a 4-byte size and padding, so the tools
#    run in single-stream mode or are allowed to warn about trailing data).
# 4. The Image is the kernel linked at PAGE_OFFSET + TEXT_OFFSET
#    (CONFIG_PAGE_OFFSET from the config; TEXT_OFFSET 0x8000, or 0x208000
#    when Meson/MSM8x60 is configured, as in armmp: 0xc0208000); it is
#    scanned with --raw --base that address. A raw
#    Image has no mapping symbols and contains .rodata and .data after the
#    code, so the raw counts are an upper bound (data words read as ARM).
# 5. With --dbg it also downloads linux-image-<abi>-armmp-dbg (about
#    600 MB) and scans its vmlinux as an ELF: executable sections only,
#    literal pools excluded by the $d mapping symbols: the exact counts.
#
# Prints the per-class summary of each scan; the full listings are left
# in WORKDIR (scan-raw.txt, scan-vmlinux.txt).
set -eu
SCAN=${1:?usage: scan-debian-kernel.sh AMV_SCAN [WORKDIR] [--dbg]}
WORK=${2:-${TMPDIR:-/tmp}/amv-scan-debian-kernel}
DBG=${3:-}
case $SCAN in /*) ;; *) SCAN=$(pwd)/$SCAN ;; esac
mkdir -p "$WORK"
cd "$WORK"

pkgs() {
	# (the regex also matches the -dbg packages' descriptions: filter names)
	apt-cache search 'linux-image-.*-armmp$' | awk '{ print $1 }' |
		grep -e '^linux-image-.*-armmp$' | grep -v -e '-rt-' | sort -V
}
if [ -z "$(pkgs)" ]; then
	echo "== adding armhf to dpkg and updating the package lists"
	dpkg --print-foreign-architectures | grep -qx armhf || dpkg --add-architecture armhf
	apt-get update || echo "(apt-get update reported errors; continuing with what it got)"
fi
PKG=$(pkgs | tail -n 1)
[ -n "$PKG" ] || { echo "no linux-image-*-armmp package in the archive" >&2; exit 1; }
echo "== package $PKG"
rm -rf x ./*.deb
apt-get download "$PKG:armhf"
dpkg-deb -x ./"$PKG"_*_armhf.deb x
ZIMAGE=$(ls x/boot/vmlinuz-*)
CONFIG=$(ls x/boot/config-*)
echo "== $(basename "$ZIMAGE"): $(wc -c <"$ZIMAGE") bytes"

comp=$(sed -n 's/^CONFIG_KERNEL_\(GZIP\|LZMA\|XZ\|LZ4\|LZO\)=y$/\1/p' "$CONFIG")
case $comp in
XZ) magic='\xfd\x37\x7a\x58\x5a\x00'; dec='xz -dc --single-stream' ;;
GZIP) magic='\x1f\x8b\x08'; dec='gzip -dc' ;;
LZMA) magic='\x5d\x00\x00'; dec='xz -dc --format=lzma --single-stream' ;;
LZ4) magic='\x02\x21\x4c\x18'; dec='lz4 -dc' ;;
LZO) magic='\x89\x4c\x5a\x4f'; dec='lzop -dc' ;;
*) echo "unknown kernel compression '$comp'" >&2; exit 1 ;;
esac
echo "== compression $comp"
rm -f Image
for off in $(LC_ALL=C grep -obUaP "$magic" "$ZIMAGE" | cut -d: -f1); do
	# trailing data after the stream only draws a warning from gzip/lz4
	tail -c +$((off + 1)) "$ZIMAGE" | $dec >Image.try 2>/dev/null || true
	if [ "$(wc -c <Image.try)" -gt 1048576 ]; then
		mv Image.try Image
		echo "== payload at zImage offset $off: Image $(wc -c <Image) bytes"
		break
	fi
done
rm -f Image.try
[ -f Image ] || { echo "no $comp payload found in $ZIMAGE" >&2; exit 1; }

# TEXT_OFFSET as arch/arm/Makefile sets it: 0x8000, but multi-platform
# kernels that include Meson or MSM8x60 reserve 2 MiB (0x208000) and Axxia
# 3 MiB (0x308000) below the kernel; Debian's armmp includes Meson.
page_offset=$(sed -n 's/^CONFIG_PAGE_OFFSET=//p' "$CONFIG")
text_offset=0x8000
if grep -q '^CONFIG_ARCH_AXXIA=y' "$CONFIG"; then
	text_offset=0x308000
elif grep -q -e '^CONFIG_ARCH_MESON=y' -e '^CONFIG_ARCH_MSM8X60=y' "$CONFIG"; then
	text_offset=0x208000
fi
BASE=$(printf '0x%08x' $((page_offset + text_offset)))
echo "== PAGE_OFFSET $page_offset + TEXT_OFFSET $text_offset = $BASE"
echo "== amv-scan --raw --base $BASE Image"
rc=0
"$SCAN" --raw --base "$BASE" Image >scan-raw.txt 2>scan-raw.err || rc=$?
cat scan-raw.err
if [ $rc -ne 0 ]; then
	echo "amv-scan failed (exit $rc)" >&2
	exit $rc
fi
grep -e '^summary' -e '^# [0-9]* ARM words' scan-raw.txt

if [ "$DBG" = "--dbg" ]; then
	echo "== $PKG-dbg (vmlinux with symbols)"
	apt-get download "$PKG-dbg:armhf"
	dpkg-deb --fsys-tarfile ./"$PKG"-dbg_*_armhf.deb |
		tar -x --wildcards -O './usr/lib/debug/boot/vmlinux-*' >vmlinux
	rm -f ./"$PKG"-dbg_*_armhf.deb
	echo "== amv-scan vmlinux"
	rc=0
	"$SCAN" vmlinux >scan-vmlinux.txt 2>scan-vmlinux.err || rc=$?
	cat scan-vmlinux.err
	[ $rc -eq 0 ] || { echo "amv-scan failed (exit $rc)" >&2; exit $rc; }
	grep -e '^# region' -e '^summary' -e '^# [0-9]* ARM words' scan-vmlinux.txt
	entry=$(grep -m1 '^# region .head.text' scan-vmlinux.txt | awk '{ print $4 }' | cut -d- -f1)
	[ -z "$entry" ] || echo "== vmlinux .head.text starts at $entry (raw base used: $BASE)"
	# The raw findings that fall inside vmlinux's executable sections:
	# what a raw scan reports when told where the code is but not where
	# the literal pools are.
	echo "== raw Image findings inside the vmlinux executable sections"
	awk '
	function hex(s,   i, v) {
		v = 0; s = tolower(s); sub(/^0x/, "", s)
		for (i = 1; i <= length(s); i++)
			v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
		return v
	}
	FNR == NR {
		if ($1 == "#" && $2 == "region") {
			split($4, r, "-"); lo[n] = hex(r[1]); hi[n] = hex(r[2]); n++
		}
		next
	}
	/^0x/ {
		a = hex($1)
		for (i = 0; i < n; i++)
			if (a >= lo[i] && a < hi[i]) {
				c[$3]++; t++
				if ($4 == "trap") tr++; else pa++
				break
			}
	}
	END {
		for (k in c) printf "code-only %-12s %6d\n", k, c[k]
		printf "code-only %-12s %6d %6d %6d\n", "total", t, tr, pa
	}' scan-vmlinux.txt scan-raw.txt | sort
fi
