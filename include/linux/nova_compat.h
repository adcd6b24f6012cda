/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Out-of-tree compatibility: the one place where the nova modules adapt to
 * differences between the kernels they build for (Debian 12's 6.1 first,
 * and newer). In a kernel tree this header would go, and its users would
 * use the current API directly. checkpatch's LINUX_VERSION_CODE warning is
 * expected here and only here.
 */
#ifndef __LINUX_NOVA_COMPAT_H__
#define __LINUX_NOVA_COMPAT_H__

#include <linux/version.h>

/*
 * NOVA_CORE_NS - the symbol namespace of the core API. Kernels since 6.13
 * take a namespace as a string; older ones as a bare word they stringify.
 */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
#define NOVA_CORE_NS "NOVA_CORE"
#else
#define NOVA_CORE_NS NOVA_CORE
#endif

#endif /* __LINUX_NOVA_COMPAT_H__ */
