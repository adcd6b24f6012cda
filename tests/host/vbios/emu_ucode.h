/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The emulated ucode contract (drivers/gpu/nova-core/emu/ucode.h) for the
 * user-space generators. That header uses the uapi types (__u8, __le32);
 * the system <linux/types.h> has them, the kernel-header shims of
 * tests/host/include (which vbios-test builds with) do not: supply them.
 */
#ifndef MKVBIOS_EMU_UCODE_H
#define MKVBIOS_EMU_UCODE_H

#include <stdint.h>
#include <linux/types.h>

/*
 * Only the two ucode.h uses; repeating a typedef of the same type is
 * valid C11, should the shims grow them.
 */
#ifndef _LINUX_TYPES_H
typedef uint8_t __u8;
typedef uint32_t __le32;
#endif

#include "../../../drivers/gpu/nova-core/emu/ucode.h"

#endif
