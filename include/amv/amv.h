/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file amv.h
 * @brief Umbrella header: every public amv header.
 */
#ifndef AMV_AMV_H
#define AMV_AMV_H

#include <amv/amv_env.h>
#include <amv/asid.h>
#include <amv/cp15.h>
#include <amv/decode.h>
#include <amv/desc.h>
#include <amv/domain.h>
#include <amv/emulate.h>
#include <amv/error.h>
#include <amv/fault.h>
#include <amv/port.h>
#include <amv/shadow.h>
#include <amv/vcpu.h>
#include <amv/vector.h>
#include <amv/version.h>
#include <amv/walk.h>

#endif /* AMV_AMV_H */
