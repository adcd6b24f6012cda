/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <linux/overflow.h>. */
#ifndef __HOST_LINUX_OVERFLOW_H__
#define __HOST_LINUX_OVERFLOW_H__
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
#endif
