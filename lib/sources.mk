# SPDX-License-Identifier: BSD-2-Clause
# The library's sources, listed once. Read by CMakeLists.txt (one
# "AMV_SRCS += file.c" per line) and by the Linux Kbuild in ports/linux.
AMV_SRCS += asid.c
AMV_SRCS += decode_a32.c
AMV_SRCS += domain.c
AMV_SRCS += emulate.c
AMV_SRCS += error.c
AMV_SRCS += fault.c
AMV_SRCS += shadow.c
AMV_SRCS += vcpu.c
AMV_SRCS += vector.c
AMV_SRCS += walk.c
