#!/bin/sh
# SPDX-License-Identifier: BSD-2-Clause
# amv-scan test driver (ctest: scan_*), one MODE per test:
#
#   run-scan-tests.sh MODE SCAN CHECK MKBAD SRCDIR WORKDIR [PROG_ELF OBJCOPY]
#
#   hostile   malformed ELFs from scan_mkbad and bad command lines: exit 2
#             (1 for usage errors) with a message, never a crash
#   findings  prog.elf: exact findings (address encoding class action), the
#             skipped Thumb region, and the per-class summary vs expected.txt
#   patch     --patch: UDF #i at each sensitive address, table contents,
#             everything else byte-identical (scan_patchcheck)
#   raw       --raw --base 0x8000 on .text as a binary: the literal pool is
#             now (correctly) unmarked code; --patch refused without --force
#   segments  prog.elf without section headers: executable PT_LOAD only
#   nosyms    prog.elf stripped of .symtab: unmarked, warning, --force
#   json      --json is well-formed (python3 -m json.tool) and agrees with
#             the text output
#
# Exit 77 (ctest SKIP_RETURN_CODE) when the test cannot run here: no cross
# compiler (no PROG_ELF), or the A32 decoder is not in this build yet
# (amv-scan exit status 3).
set -u
MODE=$1 SCAN=$2 CHECK=$3 MKBAD=$4 SRCDIR=$5 WORK=$6
PROG=${7:-} OBJCOPY=${8:-}
W=$WORK/$MODE
rm -rf "$W" && mkdir -p "$W" || exit 1
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
# AMV_NO_SKIP (set by `make check`): a missing prerequisite is a failure.
skip() {
	if [ -n "${AMV_NO_SKIP:-}" ]; then
		echo "FAIL (AMV_NO_SKIP): cannot run: $*"
		exit 1
	fi
	echo "SKIP: $*"
	exit 77
}

need_prog() {
	[ -n "$PROG" ] && [ -f "$PROG" ] || skip "no cross-built prog.elf (arm-none-eabi-gcc not found)"
}

# run OUTFILE ERRFILE ARGS...: runs amv-scan, sets $rc; exit 3 (no
# decoder in this build) stops the test as a failure.
run() {
	out=$1 err=$2
	shift 2
	"$SCAN" "$@" >"$out" 2>"$err"
	rc=$?
	if [ $rc -eq 3 ]; then
		cat "$err"
		echo "FAIL: amv-scan reports no A32 decoder in this build"
		exit 1
	fi
}

# no_crash ERRFILE: stderr has only amv-scan's own messages.
no_crash() {
	if grep -q -e Sanitizer -e 'runtime error' -e 'Segmentation' "$1"; then
		return 1
	fi
	return 0
}

findings() { grep -E '^(0x|skipped )' "$1" | awk '{ if ($1 == "skipped") print; else print $1, $2, $3, $4 }'; }
expected() { grep -v '^#' "$SRCDIR/expected.txt"; }
expected_raw() {
	{ grep '^0x' "$SRCDIR/expected.txt"; echo '0x00008060 f10c0080 CPS patch'; } | sort
}
# expected "summary CLASS count trap patch" lines (and the total) from a list
summary_of() {
	grep '^0x' "$1" | awk '
	{ n[$3]++; if ($4 == "trap") t[$3]++; else p[$3]++; N++; if ($4 == "trap") T++; else P++ }
	END { for (c in n) printf "summary %s %d %d %d\n", c, n[c], t[c] + 0, p[c] + 0;
	      printf "summary~total %d %d %d\n", N, T + 0, P + 0 }' | sort
}
summary_got() { grep '^summary ' "$1" | awk '{ if ($2 == "total") print "summary~total", $3, $4, $5; else print $1, $2, $3, $4, $5 }' | sort; }

compare() { # NAME EXPECTED GOT
	if cmp -s "$2" "$3"; then
		ok "$1"
	else
		fail "$1"
		diff -u "$2" "$3"
	fi
}

case $MODE in
hostile)
	mkdir -p "$W/files"
	"$MKBAD" "$W/files" || { echo "scan_mkbad failed"; exit 1; }
	for f in "$W"/files/bad-*; do
		n=$(basename "$f")
		"$SCAN" "$f" >"$W/out" 2>"$W/err"
		rc=$?
		if [ $rc -ne 2 ] || ! no_crash "$W/err" || ! grep -q '^amv-scan: ' "$W/err"; then
			fail "$n: exit $rc, stderr: $(cat "$W/err")"
		else
			ok "$n: $(head -n 1 "$W/err")"
		fi
	done
	for f in "$W"/files/ok-*; do
		n=$(basename "$f")
		"$SCAN" "$f" >"$W/out" 2>"$W/err"
		rc=$?
		if { [ $rc -ne 0 ] && [ $rc -ne 3 ]; } || ! no_crash "$W/err"; then
			fail "$n: exit $rc (expected 0, or 3 without decoder): $(cat "$W/err")"
		else
			ok "$n accepted (exit $rc)"
		fi
	done
	# command lines: ARGS... -> expected exit status
	head -c 32 "$W/files/ok-base.elf" >"$W/raw32.bin"
	: >"$W/empty.bin"
	check_cli() {
		want=$1
		shift
		"$SCAN" "$@" >"$W/out" 2>"$W/err"
		rc=$?
		if [ $rc -ne "$want" ] || ! no_crash "$W/err" || [ ! -s "$W/err" ]; then
			fail "amv-scan $*: exit $rc, want $want: $(cat "$W/err")"
		else
			ok "amv-scan $*: exit $rc: $(head -n 1 "$W/err")"
		fi
	}
	check_cli 2 --raw --base 0xfffffff0 "$W/raw32.bin"
	check_cli 2 --raw --base 0 "$W/empty.bin"
	check_cli 1 --raw --base 0x8001 "$W/raw32.bin"
	check_cli 1 --raw --base 0x100000000 "$W/raw32.bin"
	check_cli 1 --raw --base junk "$W/raw32.bin"
	check_cli 1 --raw "$W/raw32.bin"
	check_cli 1 --base 0x8000 "$W/raw32.bin"
	check_cli 1 --bogus "$W/raw32.bin"
	check_cli 1 "$W/raw32.bin" "$W/raw32.bin"
	check_cli 1 --patch
	check_cli 1
	check_cli 2 "$W/does-not-exist"
	check_cli 2 "$W"
	check_cli 2 "$W/raw32.bin"
	;;
findings)
	need_prog
	run "$W/out" "$W/err" "$PROG"
	[ $rc -eq 0 ] || { cat "$W/err"; fail "exit $rc"; }
	cat "$W/out"
	findings "$W/out" >"$W/got"
	expected >"$W/want"
	compare "findings and skipped regions match expected.txt" "$W/want" "$W/got"
	summary_of "$W/want" >"$W/sum-want"
	summary_got "$W/out" >"$W/sum-got"
	compare "per-class summary" "$W/sum-want" "$W/sum-got"
	if grep -q 'no mapping symbols' "$W/err"; then fail "warned about mapping symbols"; else ok "no mapping-symbol warning"; fi
	;;
patch)
	need_prog
	run "$W/out" "$W/err" --patch "$W/prog.patched" "$PROG"
	[ $rc -eq 0 ] || { cat "$W/err"; fail "--patch exit $rc"; }
	[ -f "$W/prog.patched" ] && [ -f "$W/prog.patched.patches" ] || { fail "no output files"; exit 1; }
	if "$CHECK" "$PROG" "$W/prog.patched" "$W/prog.patched.patches" >"$W/table"; then
		ok "patched words are UDF #index, table consistent, rest byte-identical"
	else
		fail "scan_patchcheck"
	fi
	expected | awk '$4 == "patch" { print $1, $2, $3 }' >"$W/want"
	awk '{ print $1, $2, $3 }' "$W/table" >"$W/got"
	compare "patch table lists exactly the sensitive findings, in order" "$W/want" "$W/got"
	# condition column: 0x8054 msrne -> 1, unconditional space -> 15
	grep -q '^0x00008054 1121f001 MSR 1$' "$W/table" && ok "conditional MSR keeps cond NE in the table" || fail "cond of 0x8054"
	grep -q '^0x00008004 f10c0080 CPS 15$' "$W/table" && ok "CPS: cond 15 (unconditional space)" || fail "cond of 0x8004"
	# data and trapping instructions untouched (also implied by the check)
	run "$W/out2" "$W/err2" "$W/prog.patched"
	if grep -E '^0x' "$W/out2" | awk '$4 == "patch"' | grep -q .; then
		fail "patched image still has sensitive instructions"
	else
		ok "patched image has no sensitive instruction left"
	fi
	;;
raw)
	need_prog
	[ -n "$OBJCOPY" ] || skip "no objcopy"
	"$OBJCOPY" -O binary -j .text "$PROG" "$W/prog.bin" || { fail objcopy; exit 1; }
	run "$W/out" "$W/err" --raw --base 0x8000 "$W/prog.bin"
	[ $rc -eq 0 ] || { cat "$W/err"; fail "exit $rc"; }
	findings "$W/out" >"$W/got"
	expected_raw >"$W/want"
	compare "raw findings = expected.txt + the (unmarked) literal pool word" "$W/want" "$W/got"
	grep -q 'no mapping symbols' "$W/err" && ok "warns about missing mapping symbols" || fail "no warning"
	run "$W/out" "$W/err" --raw --base 0x8000 --patch "$W/p.bin" "$W/prog.bin"
	if [ $rc -eq 2 ] && grep -q 'refusing to patch' "$W/err" && [ ! -e "$W/p.bin" ]; then
		ok "--patch refused on unmarked code without --force"
	else
		fail "--patch without --force: exit $rc"
	fi
	run "$W/out" "$W/err" --raw --base 0x8000 --patch "$W/p.bin" --force "$W/prog.bin"
	if [ $rc -eq 0 ] && "$CHECK" "$W/prog.bin" "$W/p.bin" "$W/p.bin.patches" 0x8000 >"$W/table"; then
		ok "--patch --force on a raw image"
	else
		fail "--patch --force: exit $rc"
	fi
	expected_raw | awk '$4 == "patch" { print $1, $2, $3 }' >"$W/want"
	awk '{ print $1, $2, $3 }' "$W/table" >"$W/got"
	compare "raw patch table" "$W/want" "$W/got"
	;;
segments)
	need_prog
	"$MKBAD" --strip-shdr "$PROG" "$W/noshdr.elf" || { fail strip; exit 1; }
	run "$W/out" "$W/err" "$W/noshdr.elf"
	[ $rc -eq 0 ] || { cat "$W/err"; fail "exit $rc"; }
	findings "$W/out" >"$W/got"
	expected_raw >"$W/want"
	compare "PT_LOAD (R+X only) findings = raw findings" "$W/want" "$W/got"
	grep -q '^# region PT_LOAD\[0\] ' "$W/out" && ok "region is PT_LOAD[0]" || fail "region name"
	;;
nosyms)
	need_prog
	[ -n "$OBJCOPY" ] || skip "no objcopy"
	"$OBJCOPY" --strip-all -R .text_thumb "$PROG" "$W/stripped.elf" || { fail objcopy; exit 1; }
	run "$W/out" "$W/err" "$W/stripped.elf"
	[ $rc -eq 0 ] || { cat "$W/err"; fail "exit $rc"; }
	findings "$W/out" >"$W/got"
	expected_raw >"$W/want"
	compare "stripped ELF findings = raw findings" "$W/want" "$W/got"
	grep -q 'no mapping symbols' "$W/err" && ok "warns about missing mapping symbols" || fail "no warning"
	grep -q '\[unmarked\]' "$W/out" && ok "findings flagged [unmarked]" || fail "no [unmarked] flag"
	run "$W/out" "$W/err" --patch "$W/p.elf" "$W/stripped.elf"
	[ $rc -eq 2 ] && grep -q 'refusing to patch' "$W/err" && ok "--patch refused" || fail "--patch not refused (exit $rc)"
	run "$W/out" "$W/err" --patch "$W/p.elf" --force "$W/stripped.elf"
	if [ $rc -eq 0 ] && grep -q 'warning: patching' "$W/err" &&
	   "$CHECK" "$W/stripped.elf" "$W/p.elf" "$W/p.elf.patches" >/dev/null; then
		ok "--patch --force patches with a warning"
	else
		fail "--patch --force (exit $rc)"
	fi
	;;
json)
	need_prog
	run "$W/out.json" "$W/err" --json "$PROG"
	[ $rc -eq 0 ] || { cat "$W/err"; fail "exit $rc"; }
	run "$W/out.txt" "$W/err" "$PROG"
	if command -v python3 >/dev/null 2>&1; then
		if python3 -m json.tool "$W/out.json" >/dev/null; then
			ok "JSON well-formed"
		else
			fail "python3 -m json.tool rejects the output"
		fi
		python3 - "$W/out.json" >"$W/got" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["findings"]:
    print(f["address"][:2] + f["address"][2:].zfill(8), f["encoding"][2:], f["class"], f["action"])
for s in d["skipped"]:
    print("skipped", s["kind"], s["start"] + "-" + s["end"], s["region"])
assert d["totals"]["count"] == len(d["findings"])
assert sum(v["count"] for v in d["summary"].values()) == len(d["findings"])
for f in d["findings"]:
    assert f["action"] == ("patch" if f["sensitive"] else "trap")
EOF
		[ $? -eq 0 ] || fail "JSON content assertions"
		findings "$W/out.txt" >"$W/want"
		compare "JSON findings = text findings" "$W/want" "$W/got"
	else
		echo "python3 not found: JSON well-formedness not checked"
		grep -q '"findings": \[' "$W/out.json" && ok "JSON has findings" || fail "JSON findings"
	fi
	;;
*)
	echo "unknown mode $MODE"
	exit 1
	;;
esac
if [ $fails -ne 0 ]; then
	echo "$MODE: $fails failure(s)"
	exit 1
fi
echo "$MODE: all passed"
exit 0
