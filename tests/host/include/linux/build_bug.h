/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for <linux/build_bug.h>: static_assert() with an optional
 * message, as the kernel's (C11's _Static_assert wants one).
 */
#ifndef __HOST_LINUX_BUILD_BUG_H__
#define __HOST_LINUX_BUILD_BUG_H__
#undef static_assert
#define static_assert(expr, ...) __host_static_assert(expr, ##__VA_ARGS__, #expr)
#define __host_static_assert(expr, msg, ...) _Static_assert(expr, msg)
#endif
