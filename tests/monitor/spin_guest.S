/* SPDX-License-Identifier: BSD-2-Clause */
/* A guest that never ends: the monitor's watchdog (limit=MS) must stop it
 * and the monitor report and exit. */
	.syntax unified
	.arm
	.text
	.global _start
_start:
	b	_start
