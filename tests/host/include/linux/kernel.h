/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for the parts of <linux/kernel.h> parsers use. */
#ifndef __HOST_LINUX_KERNEL_H__
#define __HOST_LINUX_KERNEL_H__
#include <limits.h>
#include <stdio.h>
#include <linux/types.h>

#define __printf(a, b) __attribute__((format(printf, a, b)))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a) - 1)) == 0)
#define lower_32_bits(n) ((u32)((n) & 0xffffffff))
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define ALIGN(x, a) (((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min_t(t, a, b) ((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b) ((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define clamp(v, lo, hi) min_t(__typeof__(v), max_t(__typeof__(v), v, lo), hi)
#endif
