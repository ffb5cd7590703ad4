#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Build amv.ko out of tree: build-module.sh KDIR OUTDIR [make args...]
# e.g. build-module.sh /usr/src/linux-headers-6.1.0-56-amd64 build/linux-x86 W=1
set -eu
kdir=$1 out=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
# Always from scratch (about 2 s): kbuild decides by timestamps, and links to
# a different source tree can be older than the objects they would replace.
if [ -e "$out/Kbuild" ]; then
	rm -rf "$out"
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
cp "$here/Kbuild" "$out/Kbuild"
ln -s "$top/lib/sources.mk" "$out/sources.mk"
ln -s "$top/include" "$out/include"
ln -s "$top/tests/vectors" "$out/vectors"
for f in "$top"/lib/*.c "$top"/lib/*.h "$here"/*.c "$here"/*.h; do
	[ -e "$f" ] && ln -s "$f" "$out/$(basename "$f")"
done
make -C "$kdir" M="$out" "$@" modules
