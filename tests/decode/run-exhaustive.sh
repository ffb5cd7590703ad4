#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# All 2^32 A32 encodings through decode_capstone, split into chunks run by
# N parallel lanes; one merged summary report. See docs/decode-capstone.md.
#   run-exhaustive.sh DECODE_CAPSTONE [-j N] [-o REPORT] [--start S]
#                     [--count C] [--chunks K]
# --start/--count select a slice (default: everything), e.g. the 2^28 slice
# used for the run-time estimate: --start 0xe0000000 --count 0x10000000.
# Exit 0 when no unexcused mismatch was found, 1 otherwise.
set -eu
bin=$1
shift
jobs=$(nproc 2>/dev/null || echo 2)
report=decode-exhaustive-report.txt
start=0
count=4294967296
chunks=64
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift 2 ;;
	-o) report=$2; shift 2 ;;
	--start) start=$(($2)); shift 2 ;;
	--count) count=$(($2)); shift 2 ;;
	--chunks) chunks=$2; shift 2 ;;
	*) echo "usage: $0 DECODE_CAPSTONE [-j N] [-o REPORT] [--start S]" \
		"[--count C] [--chunks K]" >&2
	   exit 2 ;;
	esac
done
[ $((start + count)) -le 4294967296 ] || { echo "slice beyond 2^32" >&2; exit 2; }
[ "$chunks" -le "$count" ] || chunks=$count
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# lane k runs chunks k, k + jobs, k + 2 jobs, ...
t0=$(date +%s)
pids=
k=0
while [ $k -lt "$jobs" ]; do
	(
		i=$k
		while [ $i -lt "$chunks" ]; do
			s=$((start + count * i / chunks))
			e=$((start + count * (i + 1) / chunks))
			rc=0
			"$bin" --range "$s" "$((e - s))" --report 0 --summary "$work/sum.$i" \
				--mismatch-log "$work/mis.$i" >"$work/out.$i" 2>&1 || rc=$?
			if [ "$rc" -gt 1 ]; then
				echo "chunk $i ($s + $((e - s))) failed, exit $rc:" >&2
				cat "$work/out.$i" >&2
				exit 1
			fi
			i=$((i + jobs))
		done
	) &
	pids="$pids $!"
	k=$((k + 1))
done
fail=0
for p in $pids; do
	wait "$p" || fail=1
done
t1=$(date +%s)
[ $fail -eq 0 ] || { echo "run-exhaustive: a chunk failed" >&2; exit 2; }

{
	printf 'decode_capstone exhaustive run: words %#x + %#x, %s chunks, %s lanes, %s s wall\n' \
		"$start" "$count" "$chunks" "$jobs" "$((t1 - t0))"
	# %.0f, not %d: mawk's %d saturates at 2^31 - 1.
	cat "$work"/sum.* | awk '
	$1 == "total" { tot[$2] += $3 }
	$1 == "class" { cw[$2] += $3; ca[$2] += $4; cb[$2] += $5 }
	$1 == "cat"   { kt[$2] += $3; ko[$2] += $4 }
	$1 == "exc"   { if (!($2 in ex)) exo[++nex] = $2; ex[$2] += $3 }
	END {
		printf "\nwords compared   %14.0f\nagree            %14.0f  (both UNDEFINED %.0f)\n", \
			tot["words"], tot["agree"], tot["both_undef"]
		printf "excused          %14.0f\nmismatched       %14.0f\n", tot["excused"], tot["mismatched"]
		printf "\n%-12s %14s %14s %14s\n", "amv class", "words", "ok", "mismatched"
		for (c in cw) printf "%-12s %14.0f %14.0f %14.0f\n", c, cw[c], ca[c], cb[c] | "sort"
		close("sort")
		printf "\n%-18s %14s %14s\n", "disagreement", "total", "unexcused"
		for (c in kt) printf "%-18s %14.0f %14.0f\n", c, kt[c], ko[c] | "sort"
		close("sort")
		printf "\n%-28s %14s\n", "exception", "hits"
		for (i = 1; i <= nex; i++) printf "%-28s %14.0f\n", exo[i], ex[exo[i]]
	}'
	printf '\nmost common unexcused mismatches (first open category|Capstone id|amv class):\n'
	cat "$work"/sum.* | awk '$1 == "kind" { n[$2] += $3; if (!($2 in ex)) ex[$2] = $4 }
		END { for (k in n) printf "%14d  %-48s e.g. %s\n", n[k], k, ex[k] }' |
		sort -rn | head -40
	printf '\nfirst mismatches (logs capped at 100000 lines a chunk):\n'
	i=0
	while [ $i -lt "$chunks" ]; do
		[ -s "$work/mis.$i" ] && head -50 "$work/mis.$i" && break
		i=$((i + 1))
	done
} >"$report"
cat "$report"
grep -q '^mismatched  *0$' "$report"
