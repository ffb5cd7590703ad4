#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# Check a freestanding build of libamv.a: the only external symbols it may
# need are the string functions amv_env.h maps to and 32-bit division
# helpers. 64-bit division and floating point are forbidden in lib/.
#   check-freestanding.sh NM LIBAMV_A
set -eu
nm=$1 lib=$2
# Undefined in some member and defined in none: what the archive needs.
defined=$("$nm" --defined-only "$lib" | awk 'NF == 3 {print $3}' | sort -u)
needed=$("$nm" -u "$lib" | awk '$1 == "U" {print $2}' | sort -u |
	grep -v -x -F "$defined" || true)
bad=$(printf '%s\n' "$needed" | grep -v -E \
	'^(memset|memcpy|__aeabi_mem(cpy|set|clr|move)[48]?|__aeabi_u?idiv(mod)?|)$' || true)
if [ -n "$bad" ]; then
	echo "check-freestanding: $lib needs symbols outside the allowed set:" >&2
	echo "$bad" >&2
	exit 1
fi
echo "check-freestanding: $lib OK (needs: $(printf '%s ' $needed))"
