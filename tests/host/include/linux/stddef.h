/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for <linux/stddef.h>: offsetof() and NULL from the C
 * library, then the UAPI header as the kernel's includes it.
 */
#ifndef __HOST_LINUX_STDDEF_H__
#define __HOST_LINUX_STDDEF_H__
#include <stddef.h>
#include_next <linux/stddef.h>
#endif
