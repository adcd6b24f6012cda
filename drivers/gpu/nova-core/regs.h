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

/* PBUS: software scratch registers. */
#define NV_PBUS_SW_SCRATCH_0E			0x00001438
#define   NV_PBUS_SW_SCRATCH_0E_FRTS_ERR	GENMASK(31, 16)
#define NV_PBUS_SW_SCRATCH_15			0x00001454
#define   NV_PBUS_SW_SCRATCH_15_SB_ERR		GENMASK(15, 0)

/* Display fuses: bit 0 set when the display engine is fused off. */
#define NV_FUSE_STATUS_OPT_DISPLAY_TU102	0x00021c04
#define NV_FUSE_STATUS_OPT_DISPLAY_GA100	0x00820c04
#define   NV_FUSE_STATUS_OPT_DISPLAY_DISABLED	BIT(0)

/* PFB: sysmem flush page, VRAM size. */
#define NV_PFB_NISO_FLUSH_SYSMEM_ADDR		0x00100c10	/* addr >> 8 */
#define NV_PFB_NISO_FLUSH_SYSMEM_ADDR_HI	0x00100c40	/* addr >> 40 */
#define NV_PFB_PRI_MMU_LOCAL_MEMORY_RANGE	0x00100ce0
/*
 * Hopper and Blackwell: the sysmem flush page's raw address in two halves
 * (bits 7:0 ignored; the high half holds bits 51:32): GH100's FBHUB, GB10x's
 * HSHUB0 (its primary and its egress pair, both set), GB20x's FBHUB0.
 */
#define NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_LO_GH100	0x00100a34
#define NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_HI_GH100	0x00100a38
#define NV_PFB_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO_GB100	0x00870e50
#define NV_PFB_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI_GB100	0x00870e54
#define NV_PFB_HSHUB0_EG_PCIE_FLUSH_SYSMEM_ADDR_LO_GB100 0x008706c0
#define NV_PFB_HSHUB0_EG_PCIE_FLUSH_SYSMEM_ADDR_HI_GB100 0x008706c4
#define NV_PFB_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO_GB202	0x008a1d58
#define NV_PFB_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI_GB202	0x008a1d5c
#define   NV_PFB_PCIE_FLUSH_SYSMEM_ADDR_HI		GENMASK(19, 0)
#define   NV_PFB_LOCAL_MEMORY_RANGE_SCALE	GENMASK(3, 0)
#define   NV_PFB_LOCAL_MEMORY_RANGE_MAG		GENMASK(9, 4)
#define   NV_PFB_LOCAL_MEMORY_RANGE_ECC		BIT(30)

/* PGC6 always-on scratch: GFW boot progress, usable FB size (GA102+). */
#define NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_PRIV_LEVEL_MASK	0x00118128
#define   NV_PGC6_AON_READ_PROTECTION_LEVEL0	BIT(0)
#define NV_PGC6_AON_SECURE_SCRATCH_GROUP_05_0_GFW_BOOT		0x00118234
#define   NV_PGC6_AON_GFW_BOOT_PROGRESS		GENMASK(7, 0)
#define   NV_PGC6_AON_GFW_BOOT_COMPLETED	0xff
#define NV_USABLE_FB_SIZE_IN_MB			0x001183a4

/* PFB: the WPR2 region; the fields hold address bits 39:12. */
#define NV_PFB_PRI_MMU_WPR2_ADDR_LO		0x001fa824
#define NV_PFB_PRI_MMU_WPR2_ADDR_HI		0x001fa828
#define   NV_PFB_PRI_MMU_WPR2_ADDR		GENMASK(31, 4)
#define   NV_PFB_PRI_MMU_WPR2_SHIFT		12

/* PROM: the VBIOS ROM, readable 32 bits at a time. */
#define NV_PROM_DATA				0x00300000
#define NV_PROM_SIZE				0x00100000

/* PDISP: where the VBIOS put its VGA workspace. */
#define NV_PDISP_VGA_WORKSPACE_BASE		0x00625f04
#define   NV_PDISP_VGA_WORKSPACE_STATUS_VALID	BIT(3)
#define   NV_PDISP_VGA_WORKSPACE_ADDR		GENMASK(31, 8)	/* addr >> 16 */

/* Fuse versions of ucode signatures, per engine, indexed by ucode id - 1. */
#define NV_FUSE_OPT_FPF_NVDEC_UCODE1_VERSION	0x00824100
#define NV_FUSE_OPT_FPF_SEC2_UCODE1_VERSION	0x00824140
#define NV_FUSE_OPT_FPF_GSP_UCODE1_VERSION	0x008241c0
#define NV_FUSE_OPT_FPF_UCODE_COUNT		16

#endif /* __NOVA_CORE_REGS_H__ */
