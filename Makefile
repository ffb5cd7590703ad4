# SPDX-License-Identifier: BSD-2-Clause
# Thin driver over CMake. On a fresh Debian 12 machine, as root:
#   make demo    install what it needs, build, boot the demo on QEMU
#   make check   install what it needs, build everything, run every test
# Other targets: build, test, cross, kmod, kmod-arm, docs, consumer, oracle,
# oracle-long, cpu-oracle, monitor-test, bench, profile-syscall, decode-exhaustive, fuzz,
# scan-kernel, clean.
# Variables: AMV_SEED (oracle seed), ORACLE_IMAGES, ORACLE_QUERIES,
# CPU_ORACLE_CASES, CPU_ORACLE_MODE, CPU_ORACLE_CLASSES, FUZZ_SECONDS, JOBS.

SHELL := /bin/sh
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ifndef AMV_SEED
AMV_SEED := $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')
endif
export AMV_SEED
ORACLE_IMAGES ?= 200
ORACLE_QUERIES ?= 1000
FUZZ_SECONDS ?= 60
PACKAGES := cmake/debian-packages.txt

HOST := $(BUILD)/host
REL := $(BUILD)/release
ARM7 := $(BUILD)/arm-armv7-a
ARM6 := $(BUILD)/arm-armv6k
PREFIX := $(abspath $(BUILD)/prefix)
GUESTS := $(ARM7)/tests/oracle/guest
BOARDS := realview-pb-a8 vexpress-a9 vexpress-a15
ORACLE := tests/oracle/run-walk-oracle.sh $(HOST)/tests/walk_oracle $(GUESTS) \
	tests/oracle/deviations.txt
CPU_ORACLE_CASES ?= 20000
CPU_ORACLE_MODE ?= selftest
CPU_ORACLE_CLASSES ?= all
CPU_ORACLE_GUESTS := $(BUILD)/cpu-oracle-guest
CPU_ORACLE := tests/cpu_oracle/run-cpu-oracle.sh $(HOST)/tests/cpu_oracle/cpu_oracle \
	$(CPU_ORACLE_GUESTS)

.PHONY: all demo check deps-demo deps-check deps-bench build test cross kmod kmod-arm docs \
	consumer oracle oracle-long cpu-oracle cpu-oracle-guest bench profile-syscall \
	decode-exhaustive \
	monitor-test \
	fuzz fuzz-build \
	scan-kernel clean

all: build

# ------------------------------------------------------------ packages
# deps-<target>: install the packages cmake/debian-packages.txt lists for it.
# (An explicit rule: make does not apply pattern rules to .PHONY targets.)
deps-demo deps-check deps-bench:
	@pkgs=$$(awk -v t="$(@:deps-%=%)" '!/^#/ && NF > 1 { for (i = 2; i <= NF; i++) if ($$i == t) print $$1 }' $(PACKAGES)); \
	missing=$$(for p in $$pkgs; do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" != 0 ]; then echo "missing packages (run as root to install): $$missing" >&2; exit 1; fi; \
		echo "installing:" $$missing; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# ------------------------------------------------------------ builds
build:
	cmake -S . -B $(HOST) -DCMAKE_BUILD_TYPE=Debug -DAMV_SANITIZE=ON -DAMV_WERROR=ON >/dev/null
	cmake --build $(HOST) -j $(JOBS)

# lib/ freestanding for ARMv7-A and ARMv6K (plus the bare-metal programs on v7).
cross:
	cmake -S . -B $(ARM7) -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
		-DAMV_ARM_ARCH=armv7-a -DAMV_FREESTANDING=ON -DAMV_WERROR=ON \
		-DAMV_BUILD_BAREMETAL=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(ARM7) -j $(JOBS)
	cmake -S . -B $(ARM6) -DCMAKE_TOOLCHAIN_FILE=cmake/arm-none-eabi.cmake \
		-DAMV_ARM_ARCH=armv6k -DAMV_FREESTANDING=ON -DAMV_WERROR=ON \
		-DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(ARM6) -j $(JOBS)
	cmake/check-freestanding.sh arm-none-eabi-nm $(ARM7)/libamv.a
	cmake/check-freestanding.sh arm-none-eabi-nm $(ARM6)/libamv.a

# AMV_NO_SKIP: a test whose prerequisite is missing fails instead of skipping.
# lib/ as a Linux kernel module (ports/linux) against Debian's x86-64 kernel
# headers, W=1 with warnings as errors: the library builds in kernel context.
kmod:
	@kdir=$$(ls -d /usr/src/linux-headers-*-amd64 2>/dev/null | sort -V | tail -n 1); \
	if [ -z "$$kdir" ]; then echo "kmod: no /usr/src/linux-headers-*-amd64 (package linux-headers-amd64)" >&2; exit 1; fi; \
	echo "kmod: building amv.ko against $$kdir"; \
	ports/linux/build-module.sh $$kdir $(BUILD)/linux-x86 W=1 KCFLAGS=-Werror

# amv.ko cross-built for Debian's armhf armmp kernel (downloaded from the
# Debian archive), booted on QEMU vexpress-a9; passes on "amv: N passed, 0 failed".
kmod-arm:
	ports/linux/boot-arm-test.sh $(BUILD)/linux-arm

test: build
	cd $(HOST) && AMV_NO_SKIP=1 ctest --output-on-failure -j $(JOBS)

docs: build
	cmake --build $(HOST) --target docs

# Install a plain release build and build examples/consumer against it.
consumer:
	rm -rf $(PREFIX) $(BUILD)/consumer
	cmake -S . -B $(REL) -DCMAKE_BUILD_TYPE=Release -DAMV_BUILD_TESTS=OFF \
		-DAMV_WERROR=ON -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	cmake --build $(REL) -j $(JOBS)
	cmake --install $(REL) >/dev/null
	cmake -S examples/consumer -B $(BUILD)/consumer -DCMAKE_PREFIX_PATH=$(PREFIX) >/dev/null
	cmake --build $(BUILD)/consumer
	$(BUILD)/consumer/amv_consumer
	PKG_CONFIG_PATH=$(PREFIX)/lib/pkgconfig pkg-config --exists --print-errors amv

# The walker against the MMU of each board's CPU; one seed for all boards.
oracle: build cross
	@echo "walk oracle seed $(AMV_SEED) (replay: make oracle AMV_SEED=$(AMV_SEED))"
	@for b in $(BOARDS); do \
		$(ORACLE) $$b $(AMV_SEED) $(ORACLE_IMAGES) $(ORACLE_QUERIES) || exit 1; \
	done

oracle-long: ORACLE_IMAGES = 20000
oracle-long: ORACLE_QUERIES = 4000
oracle-long: oracle

# The CPU oracle (tests/cpu_oracle): privileged instructions executed natively
# by QEMU's Cortex-A8 and Cortex-A9 from generated states. CPU_ORACLE_MODE is
# selftest (the harness against hand-written ARM ARM rules, no emulator) or
# check (cpu_oracle_emulate() against QEMU); CPU_ORACLE_CLASSES a comma list
# (`cpu_oracle classes`). The guest is its own CMake project.
cpu-oracle-guest:
	cmake -S tests/cpu_oracle/guest -B $(CPU_ORACLE_GUESTS) \
		-DCMAKE_TOOLCHAIN_FILE=$(abspath cmake/arm-none-eabi.cmake) >/dev/null
	cmake --build $(CPU_ORACLE_GUESTS) -j $(JOBS)

cpu-oracle: build cpu-oracle-guest
	@echo "cpu oracle seed $(AMV_SEED) (replay: make cpu-oracle AMV_SEED=$(AMV_SEED))"
	@for b in realview-pb-a8 vexpress-a9; do \
		$(CPU_ORACLE) $$b $(AMV_SEED) $(CPU_ORACLE_CASES) $(CPU_ORACLE_MODE) \
			$(CPU_ORACLE_CLASSES) || exit 1; \
	done

bench: deps-bench
	cmake -S . -B $(REL) -DCMAKE_BUILD_TYPE=Release -DAMV_BUILD_TESTS=ON >/dev/null
	cmake --build $(REL) -j $(JOBS) --target bench_walk bench_decode bench_shadow shadow_workload bench_emulate
	tests/bench/run-bench.sh $(REL)/tests/bench/bench_walk
	tests/bench/run-bench-decode.sh $(REL)/tests/bench/bench_decode
	tests/bench/run-bench-shadow.sh $(REL)/tests/bench/bench_shadow $(REL)/tests/bench/shadow_workload
	tests/bench/run-bench-emulate.sh $(REL)/tests/bench/bench_emulate
	$(MAKE) cross
	tests/bench/run-bench-arm.sh $(ARM7)/tests/bench/arm/bench_arm_pb-a8.elf
	$(MAKE) build
	tests/bench/run-bench-monitor.sh $(HOST)/examples/amv-scan/amv-scan $(ARM7) $(BUILD)/bench-monitor

# Instructions per null system call under the monitor, by function (QEMU's
# translation-block log; tests/bench/profile). Not in check.
profile-syscall: deps-bench build cross
	tests/bench/profile/run-profile-syscall.sh $(HOST)/examples/amv-scan/amv-scan \
		$(ARM7) $(BUILD)/profile-syscall

# All 2^32 A32 encodings against Capstone, both cores (about 12-15 min). Not in check.
decode-exhaustive:
	cmake -S . -B $(REL) -DCMAKE_BUILD_TYPE=Release -DAMV_BUILD_TESTS=ON >/dev/null
	cmake --build $(REL) -j $(JOBS) --target decode_capstone
	tests/decode/run-exhaustive.sh $(REL)/tests/decode/decode_capstone \
		-j $(JOBS) -o $(BUILD)/decode-exhaustive-report.txt

# libFuzzer binaries (clang); `make check` builds them, `make fuzz` runs each
# for FUZZ_SECONDS on a scratch copy of its corpus.
fuzz-build: build
	cmake --build $(HOST) --target fuzz_decode fuzz_emulate scan_fuzz_elf_libfuzzer fuzz_loader

fuzz: fuzz-build
	for t in fuzz/fuzz_decode:tests/fuzz/corpus/decode \
		 fuzz/fuzz_emulate:tests/fuzz/corpus/emulate \
		 monitor/fuzz_loader:tests/monitor/corpus \
		 scan/scan_fuzz_elf:tests/scan/corpus; do \
		bin=$(HOST)/tests/$${t%%:*} corpus=$${t#*:}; scratch=$$(mktemp -d); \
		cp -r $$corpus/. $$scratch/; \
		$$bin -max_total_time=$(FUZZ_SECONDS) $$scratch || exit 1; \
		rm -rf $$scratch; \
	done

# Run equivalence (tests/monitor/equivalence.sh): guests natively on QEMU and
# under the example monitor, both boards, every sync strategy, transcripts
# compared. The smoke guest first, then the test OS (examples/guest), then
# the test OS again with the shadow pools cut to their minimum (evictions
# and reverse-map overflows all the time), then monitor-misc.sh.
EQUIV := tests/monitor/equivalence.sh $(HOST)/examples/amv-scan/amv-scan $(ARM7)
monitor-test: build cross
	timeout 120 qemu-system-arm -M realview-pb-a8 -nographic -audiodev none,id=snd0 \
		-global pl041.audiodev=snd0 -semihosting \
		-kernel $(ARM7)/examples/monitor/fast_diff_pb-a8.elf
	$(EQUIV) $(BUILD)/equivalence/smoke $(ARM7)/examples/monitor/smoke_guest_@BOARD@.elf
	$(EQUIV) $(BUILD)/equivalence/guest $(ARM7)/examples/guest/guest_@BOARD@.elf \
		$(ARM7)/examples/guest/guest_pv_@BOARD@.elf
	MONITOR_ARGS="l1=3 l2=5 rmap=16" BOARDS=pb-a8 $(EQUIV) $(BUILD)/equivalence/small-pools \
		$(ARM7)/examples/guest/guest_@BOARD@.elf $(ARM7)/examples/guest/guest_pv_@BOARD@.elf
	tests/monitor/monitor-misc.sh $(HOST)/examples/amv-scan/amv-scan $(ARM7) $(BUILD)/monitor-misc

# amv-scan on Debian's armhf armmp kernel (needs the Debian archive).
scan-kernel: build
	tests/scan/scan-debian-kernel.sh $(HOST)/examples/amv-scan/amv-scan $(BUILD)/kernel

# ------------------------------------------------------------ the two commands
check: deps-check
	$(MAKE) build cross kmod kmod-arm
	$(MAKE) test docs consumer oracle fuzz-build monitor-test
	$(MAKE) cpu-oracle CPU_ORACLE_MODE=selftest CPU_ORACLE_CASES=20000
	$(MAKE) cpu-oracle CPU_ORACLE_MODE=check CPU_ORACLE_CASES=100000
	@echo "make check: all passed"

demo: deps-demo
	$(MAKE) build cross
	examples/monitor/demo.sh $(HOST)/examples/amv-scan/amv-scan $(ARM7) $(BUILD)/demo

clean:
	rm -rf $(BUILD)
