/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <linux/types.h>. */
#ifndef __HOST_LINUX_TYPES_H__
#define __HOST_LINUX_TYPES_H__

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;	/* as in the kernel, for %llx */
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

/* From the kernel's <linux/compiler_attributes.h>, which every file sees. */
#ifndef __packed
#define __packed __attribute__((__packed__))
#endif

#endif
