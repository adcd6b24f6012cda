/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The emulated ucode contract (drivers/gpu/nova-core/emu/firmware.h) for the
 * user-space generators, mkvbios and mkfw. That header uses the uapi types
 * (__u8, __le32); the system <linux/types.h> has them, the kernel-header
 * shims of tests/host/include (which the host tests build with) do not:
 * supply them.
 */
#ifndef NOVA_HOST_EMU_UCODE_H
#define NOVA_HOST_EMU_UCODE_H

#include <stdint.h>
#include <linux/types.h>

#ifndef _LINUX_TYPES_H
typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
typedef uint16_t __le16;
typedef uint32_t __le32;
typedef uint64_t __le64;
#endif

#include "../../drivers/gpu/nova-core/emu/firmware.h"

#endif
