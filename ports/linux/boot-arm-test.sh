#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Cross-build amv.ko for Debian's armhf "armmp" kernel, boot that kernel in
# QEMU (vexpress-a9) with a busybox initramfs that loads the module, and
# check the self-test line it prints; then run the static user-space test
# of /dev/amv (amv_ioctl_test.c) and check its line too.
#
#   ports/linux/boot-arm-test.sh WORKDIR
#
# Debian 12, as root, with the Debian archive reachable by apt-get. Every
# download and extracted file stays in WORKDIR; a re-run reuses them.
# Exit 0 only if the console shows "amv: N passed, 0 failed" with N > 0
# and "amv-ioctl-test: N passed, 0 failed" with N > 0.
#
# Environment:
#   KMOD_FLAGS    extra make arguments (default "W=1 KCFLAGS=-Werror")
#   BOOT_TIMEOUT  seconds QEMU may run (default 120)
#   AMV_UPDATE=1  run apt-get update even when the armhf index looks usable
#   AMV_KABI      kernel ABI to use, e.g. 6.1.0-50 (default: the newest)
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 WORKDIR" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
work=$(cd "$1" && pwd)
debs=$work/debs root=$work/root mod=$work/mod
mkdir -p "$debs" "$root"
KMOD_FLAGS=${KMOD_FLAGS-"W=1 KCFLAGS=-Werror"}
BOOT_TIMEOUT=${BOOT_TIMEOUT:-120}

say() { echo "boot-arm-test: $*"; }
die() { echo "boot-arm-test: error: $*" >&2; exit 1; }
now() { date +%s; }
t0=$(now)

# ---------------------------------------------------------------- tools
need=""
command -v arm-linux-gnueabihf-gcc >/dev/null 2>&1 || need="$need gcc-arm-linux-gnueabihf"
# The static armhf C library for amv_ioctl_test.
[ -e /usr/arm-linux-gnueabihf/lib/libc.a ] || need="$need libc6-dev-armhf-cross"
command -v qemu-system-arm >/dev/null 2>&1 || need="$need qemu-system-arm"
command -v cpio >/dev/null 2>&1 || need="$need cpio"
command -v make >/dev/null 2>&1 || need="$need make"
# W=1 runs scripts/kernel-doc, which needs Pod::Usage (package perl, not
# just perl-base).
perl -MPod::Usage -e 1 >/dev/null 2>&1 || need="$need perl"
if [ -n "$need" ]; then
	say "installing:$need"
	apt-get update >/dev/null 2>&1 || true
	# shellcheck disable=SC2086
	apt-get install -y --no-install-recommends $need >/dev/null
fi

# ---------------------------------------------------------- armhf index
# The newest non-rt ABI: 6.1.0-50 (linux-image-6.1.0-50-armmp) or the
# 6.12-in-bookworm style 6.12.117+deb12; no -rt, -lpae or meta-packages.
find_abi() {
	if [ -n "${AMV_KABI:-}" ]; then echo "$AMV_KABI"; return; fi
	apt-cache search --names-only '^linux-image-.*-armmp$' 2>/dev/null |
		sed -n 's/^linux-image-\(.*\)-armmp - .*/\1/p' |
		grep -E '^[0-9]+\.[0-9]+\.[0-9]+(-[0-9]+|\+deb[0-9]+)$' | sort -V | tail -n 1
}
updated=0
if ! dpkg --print-foreign-architectures | grep -qx armhf; then
	say "dpkg --add-architecture armhf"
	dpkg --add-architecture armhf
	AMV_UPDATE=1
fi
abi=""
[ "${AMV_UPDATE:-0}" = 1 ] || abi=$(find_abi)
if [ -z "$abi" ]; then
	say "apt-get update (a failing index, e.g. the security mirror's armhf one, is tolerated)"
	apt-get update >"$work/apt-update.log" 2>&1 || say "apt-get update reported errors (see $work/apt-update.log)"
	updated=1
	abi=$(find_abi)
fi
[ -n "$abi" ] || die "no linux-image-*-armmp package in the armhf index"
kver=$(apt-cache show --no-all-versions "linux-image-$abi-armmp:armhf" | sed -n 's/^Version: //p' | head -n 1)
[ -n "$kver" ] || die "no version for linux-image-$abi-armmp:armhf"
majmin=$(echo "$abi" | sed 's/^\([0-9]*\.[0-9]*\).*/\1/')
upstream=${kver%-*}
say "kernel $abi-armmp, package version $kver; apt-get update run: $updated"

# The amd64 kbuild (fixdep, modpost built for this machine) of the same
# version; failing that, any one with the same upstream version; failing
# that, the candidate (with a warning). Named linux-kbuild-6.1 for 6.1.0-N,
# linux-kbuild-6.12.117+deb12 for 6.12.117+deb12.
kbuild=linux-kbuild-$majmin
if apt-cache show "linux-kbuild-$abi:amd64" >/dev/null 2>&1; then kbuild=linux-kbuild-$abi; fi
kbver=""
for v in $(apt-cache madison "$kbuild" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}'); do
	if [ "$v" = "$kver" ]; then kbver=$v; break; fi
	if [ -z "$kbver" ] && [ "${v%-*}" = "$upstream" ]; then kbver=$v; fi
done
if [ -z "$kbver" ]; then
	kbver=$(apt-cache show --no-all-versions "$kbuild:amd64" | sed -n 's/^Version: //p' | head -n 1)
	[ -n "$kbver" ] || die "no $kbuild:amd64 in the index"
	say "warning: no $kbuild $upstream; using $kbver"
fi

# ------------------------------------------------------------- download
t1=$(now)
# name:arch=version; skipped when a .deb of that name and version is there.
fetch() {
	name=$1 arch=$2 ver=$3
	fver=$(echo "$ver" | sed 's/:/%3a/')
	f=$(ls "$debs/${name}_${fver}_"*.deb 2>/dev/null | head -n 1 || true)
	if [ -z "$f" ]; then
		say "apt-get download $name:$arch=$ver"
		(cd "$debs" && apt-get download -o APT::Sandbox::User=root "$name:$arch=$ver" >/dev/null) ||
			die "apt-get download $name:$arch=$ver failed"
		f=$(ls "$debs/${name}_${fver}_"*.deb | head -n 1)
	fi
	# Extract each .deb once into the common root (relative symlinks in
	# the headers, e.g. scripts -> ../../lib/linux-kbuild-X.Y/scripts,
	# then resolve inside WORKDIR).
	stamp=$root/.extracted-$(basename "$f")
	if [ ! -e "$stamp" ]; then
		dpkg-deb -x "$f" "$root"
		touch "$stamp"
	fi
}
bbver=$(apt-cache show --no-all-versions busybox-static:armhf | sed -n 's/^Version: //p' | head -n 1)
[ -n "$bbver" ] || die "no busybox-static:armhf in the index"
fetch "linux-image-$abi-armmp" armhf "$kver"
fetch "linux-headers-$abi-armmp" armhf "$kver"
fetch "linux-headers-$abi-common" all "$kver"
fetch "$kbuild" amd64 "$kbver"
fetch busybox-static armhf "$bbver"
t2=$(now)

kdir=$root/usr/src/linux-headers-$abi-armmp
common=$root/usr/src/linux-headers-$abi-common
vmlinuz=$root/boot/vmlinuz-$abi-armmp
# Directly in the directory in 6.1; under arm/ from 6.5 on.
dtb=$(find "$root/usr/lib/linux-image-$abi-armmp" -name vexpress-v2p-ca9.dtb 2>/dev/null | head -n 1)
busybox=$root/bin/busybox
[ -n "$dtb" ] || die "no vexpress-v2p-ca9.dtb in linux-image-$abi-armmp"
for f in "$kdir/Makefile" "$common/Makefile" "$vmlinuz" "$dtb" "$busybox" \
	"$kdir/scripts/basic/fixdep"; do
	[ -e "$f" ] || die "missing $f after extraction"
done

# ---------------------------------------------------------------- build
# The armmp headers' Makefile is one line including the -common headers
# by absolute path (/usr/src/...); point it at the extracted copy.
echo "include $common/Makefile" >"$kdir/Makefile"
# scripts/ and tools/ are relative links to the amd64 kbuild: check that
# fixdep runs here (the armhf kbuild's would not).
rc=0
"$kdir/scripts/basic/fixdep" >/dev/null 2>&1 || rc=$?
[ $rc -ne 126 ] && [ $rc -ne 127 ] || die "$kdir/scripts/basic/fixdep does not run on this machine"

say "building amv.ko (ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- $KMOD_FLAGS)"
# From scratch (2 s): make decides by mtime, and a source tree swapped
# under the links in $mod (another checkout, an older file) would leave
# stale objects.
rm -rf "$mod"
# shellcheck disable=SC2086
if ! "$here/build-module.sh" "$kdir" "$mod" ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf- \
	$KMOD_FLAGS >"$work/build.log" 2>&1; then
	cat "$work/build.log" >&2
	die "module build failed (log: $work/build.log)"
fi
warnings=$(grep -c 'warning:' "$work/build.log" || true)
say "built $mod/amv.ko ($warnings compiler warnings; log: $work/build.log)"
grep 'warning:' "$work/build.log" || true
# The user-space test of /dev/amv: static armhf, warnings are errors.
top=$(cd "$here/../.." && pwd)
say "building amv_ioctl_test (arm-linux-gnueabihf-gcc -static)"
arm-linux-gnueabihf-gcc -static -O2 -Wall -Wextra -Werror -I"$top/include" -I"$here" \
	"$here/amv_ioctl_test.c" -o "$work/amv_ioctl_test" ||
	die "amv_ioctl_test build failed"
t3=$(now)

# ------------------------------------------------------------ initramfs
ird=$work/initramfs
rm -rf "$ird"
mkdir -p "$ird/bin" "$ird/proc" "$ird/sys" "$ird/dev" "$ird/tmp"
cp "$busybox" "$ird/bin/busybox"
ln -s busybox "$ird/bin/sh"
cp "$mod/amv.ko" "$ird/amv.ko"
cp "$work/amv_ioctl_test" "$ird/amv_ioctl_test"
# The kernel opens /dev/console for init before anything is mounted.
mknod -m 600 "$ird/dev/console" c 5 1 2>/dev/null || true
cat >"$ird/init" <<'EOF'
#!/bin/sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
[ -c /dev/console ] && exec </dev/console >/dev/console 2>&1
echo "amv-test: kernel $(uname -r) $(uname -m)"
if insmod /amv.ko; then
	echo "amv-test: insmod ok"
else
	echo "amv-test: insmod failed"
	dmesg | tail -n 20
fi
dmesg | sed -n 's/^\[[^]]*\] *//p' | grep '^amv:'
if [ -c /dev/amv ]; then
	/amv_ioctl_test
	echo "amv-test: amv_ioctl_test exit status $?"
else
	echo "amv-test: no /dev/amv"
fi
# Kernel complaints the ioctls may have caused.
dmesg | grep -E 'BUG|WARNING|Oops|Unable to handle|Internal error' || true
echo "amv-test: done"
poweroff -f
EOF
chmod 755 "$ird/init"
(cd "$ird" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) | gzip -9 >"$work/initramfs.cpio.gz"
t4=$(now)

# ----------------------------------------------------------------- boot
log=$work/console.log
say "booting $(basename "$vmlinuz") on qemu-system-arm -M vexpress-a9 (timeout ${BOOT_TIMEOUT}s)"
set +e
timeout "$BOOT_TIMEOUT" qemu-system-arm -M vexpress-a9 -m 256 \
	-kernel "$vmlinuz" -dtb "$dtb" -initrd "$work/initramfs.cpio.gz" \
	-append "console=ttyAMA0 quiet" -nographic -no-reboot \
	-audiodev none,id=snd0 -global pl041.audiodev=snd0 \
	</dev/null >"$log" 2>&1
qrc=$?
set -e
t5=$(now)

line=$(tr -d '\r' <"$log" | grep -E '^amv: [0-9]+ passed, [0-9]+ failed$' | tail -n 1 || true)
iline=$(tr -d '\r' <"$log" | grep -E '^amv-ioctl-test: [0-9]+ passed, [0-9]+ failed$' | tail -n 1 || true)
printf 'boot-arm-test: timings (s): setup %d, download+extract %d, build %d, initramfs %d, boot %d, total %d\n' \
	$((t1 - t0)) $((t2 - t1)) $((t3 - t2)) $((t4 - t3)) $((t5 - t4)) $((t5 - t0))
passed=$(echo "$line" | sed -n 's/^amv: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
failed=$(echo "$line" | sed -n 's/^amv: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
ipassed=$(echo "$iline" | sed -n 's/^amv-ioctl-test: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
ifailed=$(echo "$iline" | sed -n 's/^amv-ioctl-test: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
if [ -n "$line" ] && [ "$failed" = 0 ] && [ "$passed" -gt 0 ] &&
	[ -n "$iline" ] && [ "$ifailed" = 0 ] && [ "$ipassed" -gt 0 ]; then
	echo "$line"
	echo "$iline"
	[ $qrc -eq 0 ] || say "note: qemu exited with status $qrc"
	exit 0
fi
say "FAILED (qemu status $qrc${line:+; self-test: $line}${iline:+; ioctl test: $iline}); console log $log:"
tr -d '\r' <"$log"
exit 1
