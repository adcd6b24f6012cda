/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core register definitions.
 *
 * Offsets are byte offsets into BAR0. Fields are indented beneath the
 * register they belong to and are built with GENMASK()/BIT(), to be used
 * with FIELD_GET()/FIELD_PREP().
 */
#ifndef __NOVA_CORE_REGS_H__
#define __NOVA_CORE_REGS_H__

#include <linux/bits.h>

/* PMC: master control, identification. */
#define NV_PMC_BOOT_0				0x00000000
#define   NV_PMC_BOOT_0_ARCH_0			GENMASK(28, 24)
#define   NV_PMC_BOOT_0_IMPL			GENMASK(23, 20)
#define   NV_PMC_BOOT_0_ARCH_1			BIT(8)
#define   NV_PMC_BOOT_0_MAJOR_REV		GENMASK(7, 4)
#define   NV_PMC_BOOT_0_MINOR_REV		GENMASK(3, 0)

#define NV_PMC_BOOT_42				0x00000a00
#define   NV_PMC_BOOT_42_ARCH			GENMASK(29, 24)
#define   NV_PMC_BOOT_42_IMPL			GENMASK(23, 20)
#define   NV_PMC_BOOT_42_MAJOR_REV		GENMASK(19, 16)
#define   NV_PMC_BOOT_42_MINOR_REV		GENMASK(15, 12)

#endif /* __NOVA_CORE_REGS_H__ */
