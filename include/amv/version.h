/* SPDX-License-Identifier: BSD-2-Clause */
/**
 * @file version.h
 * @brief Library version; CMakeLists.txt reads the numbers from here.
 */
#ifndef AMV_VERSION_H
#define AMV_VERSION_H

#define AMV_VERSION_MAJOR 0 /**< Incompatible API changes. */
#define AMV_VERSION_MINOR 1 /**< Compatible additions. */
#define AMV_VERSION_PATCH 0 /**< Fixes. */

#endif /* AMV_VERSION_H */
