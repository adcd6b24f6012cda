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
 * get_unaligned_le32() and friends: <asm/unaligned.h> became
 * <linux/unaligned.h> in 6.12.
 */
#if KERNEL_VERSION(6, 12, 0) <= LINUX_VERSION_CODE
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * NOVA_CORE_NS - the symbol namespace of the core API. Kernels since 6.13
 * take a namespace as a string; older ones as a bare word they stringify.
 */
#if KERNEL_VERSION(6, 13, 0) <= LINUX_VERSION_CODE
#define NOVA_CORE_NS "NOVA_CORE"
#else
#define NOVA_CORE_NS NOVA_CORE
#endif

/*
 * NOVA_PLATFORM_REMOVE(fn) - the platform_driver.remove callback for a
 * remove function @fn that returns void. The callback returns void since
 * 6.11 (6.3 to 6.10 offered the void one as .remove_new); 6.1 wants an int,
 * which NOVA_DEFINE_PLATFORM_REMOVE(fn) supplies as a wrapper, fn##_int.
 * Use NOVA_DEFINE_PLATFORM_REMOVE() once, after @fn, at file scope.
 */
#if KERNEL_VERSION(6, 11, 0) <= LINUX_VERSION_CODE
#define NOVA_DEFINE_PLATFORM_REMOVE(fn) static_assert(1)
#define NOVA_PLATFORM_REMOVE(fn) (fn)
#else
#define NOVA_DEFINE_PLATFORM_REMOVE(fn)					\
	static int fn##_int(struct platform_device *pdev)		\
	{								\
		fn(pdev);						\
		return 0;						\
	}								\
	static_assert(1)
#define NOVA_PLATFORM_REMOVE(fn) (fn##_int)
#endif

/*
 * NOVA_DRM_DRIVER_DATE(d) - the .date initializer of struct drm_driver.
 * The member is gone since 6.14; before, a driver gives its own (non-empty:
 * libdrm up to 2.4.124 crashes on an empty one). The DRM core reports "0"
 * to DRM_IOCTL_VERSION from 6.14 on, and Debian's 6.12 does already.
 */
#if KERNEL_VERSION(6, 14, 0) <= LINUX_VERSION_CODE
#define NOVA_DRM_DRIVER_DATE(d)
#else
#define NOVA_DRM_DRIVER_DATE(d) .date = (d),
#endif

/*
 * NOVA_PCI_IRQ_INTX - pci_alloc_irq_vectors()'s flag for the legacy INTx
 * interrupt: PCI_IRQ_INTX in 6.12 (the name changed in the 6.8 to 6.10
 * window), PCI_IRQ_LEGACY in 6.1.
 */
#if KERNEL_VERSION(6, 12, 0) <= LINUX_VERSION_CODE
#define NOVA_PCI_IRQ_INTX PCI_IRQ_INTX
#else
#define NOVA_PCI_IRQ_INTX PCI_IRQ_LEGACY
#endif

/*
 * NOVA_DMA_OPS_MAP_PHYS - struct dma_map_ops maps a physical address
 * (.map_phys/.unmap_phys) rather than a page (.map_page/.unmap_page).
 * 6.12 has the page form, 7.2 only the physical one; the change came in
 * 6.18 or 6.19 (uncertain which: no kernel between is built here).
 */
#if KERNEL_VERSION(6, 19, 0) <= LINUX_VERSION_CODE
#define NOVA_DMA_OPS_MAP_PHYS 1
#else
#define NOVA_DMA_OPS_MAP_PHYS 0
#endif

#endif /* __LINUX_NOVA_COMPAT_H__ */
