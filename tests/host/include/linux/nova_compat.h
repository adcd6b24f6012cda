/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-in for <linux/nova_compat.h>: of the kernel-version switches,
 * the parsers need only the unaligned accessors.
 */
#ifndef __HOST_NOVA_COMPAT_H__
#define __HOST_NOVA_COMPAT_H__
#include <linux/unaligned.h>
#endif
