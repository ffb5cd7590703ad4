# SPDX-License-Identifier: BSD-2-Clause
# Toolchain file for bare-metal ARM (Debian's gcc-arm-none-eabi).
# Pass -DAMV_ARM_ARCH=armv6k (or armv7-a, the default) to pick the target.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_AR arm-none-eabi-ar CACHE FILEPATH "")
set(CMAKE_RANLIB arm-none-eabi-ranlib CACHE FILEPATH "")
set(CMAKE_OBJCOPY arm-none-eabi-objcopy CACHE FILEPATH "")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(AMV_ARM_ARCH armv7-a CACHE STRING "-march for the ARM build")
set(CMAKE_C_FLAGS_INIT "-march=${AMV_ARM_ARCH} -marm -mfloat-abi=soft -ffreestanding")
set(CMAKE_ASM_FLAGS_INIT "-march=${AMV_ARM_ARCH} -marm -mfloat-abi=soft")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostdlib -nostartfiles")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
