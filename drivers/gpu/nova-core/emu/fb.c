// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the framebuffer and miscellaneous registers.
 *
 * What nova_core reads and writes on its way to WPR2 outside the falcons:
 * the GFW boot (devinit) status, the VRAM size, the display fuse, the VGA
 * workspace, the sysmem flush page (NISO on Turing to Ada, FBHUB on
 * Hopper, HSHUB0 on GB10x, FBHUB0 on GB20x), the WPR2 bounds, the FWSEC
 * scratch registers and the ucode fuse versions. Each register exists on the chips
 * that have it; on the others it is unmodeled.
 */

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/sizes.h>

#include "emu.h"

/* PBUS (block at 0x001000). */
#define NV_PBUS_SW_SCRATCH_0E		0x438	/* 0x001438 */
#define NV_PBUS_SW_SCRATCH_15		0x454	/* 0x001454 */

/* Turing FUSE (block at 0x021000). */
#define NV_FUSE_STATUS_OPT_DISPLAY_TU	0xc04	/* 0x021c04 */

/* PFB (block at 0x100000). */
#define NV_PFB_NISO_FLUSH_SYSMEM_ADDR	0xc10	/* 0x100c10 */
#define NV_PFB_NISO_FLUSH_SYSMEM_ADDR_HI 0xc40	/* 0x100c40, GA100+ */
#define NV_PFB_LOCAL_MEMORY_RANGE	0xce0	/* 0x100ce0, TU, GA100 */
#define   NV_PFB_LOCAL_MEMORY_RANGE_SCALE GENMASK(3, 0)
#define   NV_PFB_LOCAL_MEMORY_RANGE_MAG	GENMASK(9, 4)

/* Hopper's sysmem flush page (PFB): address bits 31:8 / 51:32. */
#define NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_LO 0xa34	/* 0x100a34, GH100 */
#define NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_HI 0xa38	/* 0x100a38, GH100 */
#define   NV_FLUSH_SYSMEM_ADDR_LO	GENMASK(31, 8)
#define   NV_FLUSH_SYSMEM_ADDR_HI	GENMASK(19, 0)

/* Blackwell's: HSHUB0 (block at 0x870000, GB10x), FBHUB0 (0x8a1000, GB20x). */
#define NV_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO 0xe50	/* 0x870e50 */
#define NV_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI 0xe54	/* 0x870e54 */
#define NV_HSHUB0_EG_FLUSH_SYSMEM_ADDR_LO 0x6c0		/* 0x8706c0 */
#define NV_HSHUB0_EG_FLUSH_SYSMEM_ADDR_HI 0x6c4		/* 0x8706c4 */
#define NV_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO 0xd58	/* 0x8a1d58 */
#define NV_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI 0xd5c	/* 0x8a1d5c */

/* PGC6 (block at 0x118000). */
#define NV_PGC6_GFW_BOOT_PROGRESS	0x128	/* 0x118128 */
#define   NV_PGC6_GFW_BOOT_PROGRESS_DONE BIT(0)
#define NV_PGC6_GFW_BOOT_STATUS		0x234	/* 0x118234 */
#define   NV_PGC6_GFW_BOOT_STATUS_DONE	0xff
#define NV_PGC6_BSI_SECURE_SCRATCH_14	0x0f8	/* 0x1180f8 */
#define NV_USABLE_FB_SIZE_IN_MB		0x3a4	/* 0x1183a4, GA102+ */

/* PFB_PRI_MMU (block at 0x1fa000). */
#define NV_PFB_PRI_MMU_WPR2_ADDR_LO	0x824	/* 0x1fa824 */
#define NV_PFB_PRI_MMU_WPR2_ADDR_HI	0x828	/* 0x1fa828 */
#define   NV_PFB_PRI_MMU_WPR2_ADDR	GENMASK(31, 4)

/* PDISP (block at 0x625000). */
#define NV_PDISP_VGA_WORKSPACE_BASE	0xf04	/* 0x625f04 */

/* FUSE (block at 0x820000), GA100+. */
#define NV_FUSE_STATUS_OPT_DISPLAY	0x0c04	/* 0x820c04 */
#define NV_FUSE_OPT_FPF_NVDEC_UCODE_VER	0x4100	/* 0x824100, GA102+ */
#define NV_FUSE_OPT_FPF_SEC2_UCODE_VER	0x4140	/* 0x824140, GA102+ */
#define NV_FUSE_OPT_FPF_GSP_UCODE_VER	0x41c0	/* 0x8241c0, GA102+ */
#define NV_FUSE_OPT_FPF_UCODE_VER_COUNT	16

/**
 * nova_emu_fb_size_encode() - the Turing/GA100 encoding of a VRAM size
 * @size: the size in bytes, a multiple of 1 MiB
 * @val: set to the value of NV_PFB_LOCAL_MEMORY_RANGE: the size in MiB as
 *	mag << scale, with mag in bits 9:4 and scale in bits 3:0; ECC off
 *
 * Return: whether @size can be encoded exactly (mag at most 63).
 */
bool nova_emu_fb_size_encode(u64 size, u32 *val)
{
	u64 mib = size >> 20;
	unsigned int scale;

	if (!mib || size & (SZ_1M - 1))
		return false;
	scale = min_t(unsigned int, __ffs64(mib), 15);
	if (mib >> scale > 63)
		return false;
	*val = FIELD_PREP(NV_PFB_LOCAL_MEMORY_RANGE_MAG, mib >> scale) |
	       FIELD_PREP(NV_PFB_LOCAL_MEMORY_RANGE_SCALE, scale);
	return true;
}

/**
 * nova_emu_fb_power_on() - power-on state of the FB and misc registers
 * @gpu: the emulated GPU, its lock held
 *
 * No WPR2, unless the GPU was created with wpr2=preset: then a 1 MiB WPR2
 * lies 1 MiB below the top of VRAM, where FWSEC-FRTS would put it.
 */
void nova_emu_fb_power_on(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);

	gpu->wpr2_lo = 0;
	gpu->wpr2_hi = 0;
	if (gpu->cfg.wpr2_preset) {
		u64 lo = (gpu->cfg.fb_size - SZ_2M) >> 12;
		u64 hi = ((gpu->cfg.fb_size - SZ_1M) >> 12) - 1;

		gpu->wpr2_lo = FIELD_PREP(NV_PFB_PRI_MMU_WPR2_ADDR, lo);
		gpu->wpr2_hi = FIELD_PREP(NV_PFB_PRI_MMU_WPR2_ADDR, hi);
	}
	gpu->scratch_0e = 0;
	gpu->scratch_15 = 0;
	gpu->flush_lo = 0;
	gpu->flush_hi = 0;
	gpu->flush2_lo = 0;
	gpu->flush2_hi = 0;
	gpu->ptimer_offset = 0;
	gpu->ptimer_hi = 0;
	gpu->ptimer_intr_en = 0;
	gpu->ptimer_num = 0;
	gpu->ptimer_den = 0;
	gpu->ptimer_alarm = 0;
	gpu->mmu_inval_pdb_lo = 0;
	gpu->mmu_inval_pdb_hi = 0;
	gpu->mmu_inval = 0;
}

/**
 * nova_emu_pbus_rd() - read handler of the PBUS block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_pbus_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 *val)
{
	switch (addr) {
	case NV_PBUS_SW_SCRATCH_0E:
		*val = gpu->scratch_0e;
		return true;
	case NV_PBUS_SW_SCRATCH_15:
		*val = gpu->scratch_15;
		return true;
	}
	return nova_emu_rm_scratch_rd(gpu, 0x001000 + addr, val);
}

/**
 * nova_emu_pbus_wr() - write handler of the PBUS block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: the value written
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_pbus_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 val)
{
	switch (addr) {
	case NV_PBUS_SW_SCRATCH_0E:
		gpu->scratch_0e = val;
		return true;
	case NV_PBUS_SW_SCRATCH_15:
		gpu->scratch_15 = val;
		return true;
	}
	return nova_emu_rm_scratch_wr(gpu, 0x001000 + addr, val);
}

/**
 * nova_emu_tu_fuse_rd() - read handler of the Turing FUSE block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value: bit 0, the display fused off
 *	(display=0; every Turing SKU the model knows has one)
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_tu_fuse_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val)
{
	if (gpu->cfg.ga100_plus || addr != NV_FUSE_STATUS_OPT_DISPLAY_TU)
		return false;
	*val = gpu->cfg.no_display ? 1 : 0;
	return true;
}

/**
 * nova_emu_wpr2_range() - the bytes of VRAM WPR2 covers
 * @lo: NV_PFB_PRI_MMU_WPR2_ADDR_LO
 * @hi: NV_PFB_PRI_MMU_WPR2_ADDR_HI, not 0 (0 means no WPR2)
 * @start: set to WPR2's first byte
 * @end: set to its end (exclusive)
 *
 * Bits 31:4 of each hold an address >> 12; HI names the last 4 KiB page.
 */
void nova_emu_wpr2_range(u32 lo, u32 hi, u64 *start, u64 *end)
{
	*start = (u64)FIELD_GET(NV_PFB_PRI_MMU_WPR2_ADDR, lo) << 12;
	*end = ((u64)FIELD_GET(NV_PFB_PRI_MMU_WPR2_ADDR, hi) + 1) << 12;
}

/**
 * nova_emu_pfb_rd() - read handler of the PFB block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_pfb_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val)
{
	bool fsp = gpu->cfg.fsp_family != NOVA_EMU_FSP_NONE;
	bool gh100 = gpu->cfg.fsp_family == NOVA_EMU_FSP_GH100;

	switch (addr) {
	case NV_PFB_NISO_FLUSH_SYSMEM_ADDR:
		*val = gpu->flush_lo;
		return !fsp;
	case NV_PFB_NISO_FLUSH_SYSMEM_ADDR_HI:
		*val = gpu->flush_hi;
		return gpu->cfg.ga100_plus && !fsp;
	case NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_LO:
		*val = gpu->flush_lo;
		return gh100;
	case NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_HI:
		*val = gpu->flush_hi;
		return gh100;
	case NV_PFB_LOCAL_MEMORY_RANGE:
		/* The size was checked to be encodable at creation. */
		return !gpu->cfg.ga102_plus &&
		       nova_emu_fb_size_encode(gpu->cfg.fb_size, val);
	}
	return false;
}

/**
 * nova_emu_pfb_wr() - write handler of the PFB block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: the value written
 *
 * Return: true if the register is modelled (and writable) on this chip.
 */
bool nova_emu_pfb_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 val)
{
	bool fsp = gpu->cfg.fsp_family != NOVA_EMU_FSP_NONE;
	bool gh100 = gpu->cfg.fsp_family == NOVA_EMU_FSP_GH100;

	switch (addr) {
	case NV_PFB_NISO_FLUSH_SYSMEM_ADDR:
		if (fsp)
			return false;
		gpu->flush_lo = val;
		return true;
	case NV_PFB_NISO_FLUSH_SYSMEM_ADDR_HI:
		if (!gpu->cfg.ga100_plus || fsp)
			return false;
		gpu->flush_hi = val;
		return true;
	case NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_LO:
		if (!gh100)
			return false;
		gpu->flush_lo = val & NV_FLUSH_SYSMEM_ADDR_LO;
		return true;
	case NV_PFB_FBHUB_PCIE_FLUSH_SYSMEM_ADDR_HI:
		if (!gh100)
			return false;
		gpu->flush_hi = val & NV_FLUSH_SYSMEM_ADDR_HI;
		return true;
	}
	return false;
}

/**
 * nova_emu_hub_reg() - the storage of a Blackwell flush page register
 * @gpu: the emulated GPU
 * @inst: 0 for HSHUB0 (0x870000, GB10x), 1 for FBHUB0 (0x8a1000, GB20x)
 * @addr: register offset in the block
 * @mask: set to the bits the register keeps
 *
 * Return: the register's storage, or NULL if it is not one on this chip.
 */
static u32 *nova_emu_hub_reg(struct nova_emu_gpu *gpu, unsigned int inst,
			     u32 addr, u32 *mask)
{
	enum nova_emu_fsp_family family = gpu->cfg.fsp_family;

	*mask = NV_FLUSH_SYSMEM_ADDR_LO;
	if (!inst && family == NOVA_EMU_FSP_GB10X) {
		switch (addr) {
		case NV_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO:
			return &gpu->flush_lo;
		case NV_HSHUB0_EG_FLUSH_SYSMEM_ADDR_LO:
			return &gpu->flush2_lo;
		}
		*mask = NV_FLUSH_SYSMEM_ADDR_HI;
		switch (addr) {
		case NV_HSHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI:
			return &gpu->flush_hi;
		case NV_HSHUB0_EG_FLUSH_SYSMEM_ADDR_HI:
			return &gpu->flush2_hi;
		}
	}
	if (inst && family == NOVA_EMU_FSP_GB20X) {
		if (addr == NV_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_LO)
			return &gpu->flush_lo;
		*mask = NV_FLUSH_SYSMEM_ADDR_HI;
		if (addr == NV_FBHUB0_PCIE_FLUSH_SYSMEM_ADDR_HI)
			return &gpu->flush_hi;
	}
	return NULL;
}

/**
 * nova_emu_hub_rd() - read handler of Blackwell's HSHUB0 and FBHUB0 blocks
 * @gpu: the emulated GPU
 * @inst: 0 for HSHUB0 (GB10x), 1 for FBHUB0 (GB20x)
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * The sysmem flush page: LO holds address bits 31:8 (its bits 7:0 read
 * 0), HI address bits 51:32 in its bits 19:0; GB10x has two such pairs
 * (PCIE and EG), which the driver sets alike.
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_hub_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val)
{
	u32 mask, *reg = nova_emu_hub_reg(gpu, inst, addr, &mask);

	if (!reg)
		return false;
	*val = *reg;
	return true;
}

/**
 * nova_emu_hub_wr() - write handler of Blackwell's HSHUB0 and FBHUB0 blocks
 * @gpu: the emulated GPU
 * @inst: 0 for HSHUB0 (GB10x), 1 for FBHUB0 (GB20x)
 * @addr: register offset in the block
 * @val: the value written
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_hub_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 val)
{
	u32 mask, *reg = nova_emu_hub_reg(gpu, inst, addr, &mask);

	if (!reg)
		return false;
	*reg = val & mask;
	return true;
}

/**
 * nova_emu_pgc6_rd() - read handler of the PGC6 block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * The GFW boot has completed (unless gfw=stuck); GA102 and later report
 * the usable VRAM in MiB.
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_pgc6_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 *val)
{
	switch (addr) {
	case NV_PGC6_GFW_BOOT_PROGRESS:
		*val = gpu->cfg.gfw_stuck ? 0 : NV_PGC6_GFW_BOOT_PROGRESS_DONE;
		return true;
	case NV_PGC6_GFW_BOOT_STATUS:
		*val = gpu->cfg.gfw_stuck ? 0 : NV_PGC6_GFW_BOOT_STATUS_DONE;
		return true;
	case NV_USABLE_FB_SIZE_IN_MB:
		*val = gpu->cfg.fb_size >> 20;
		return gpu->cfg.ga102_plus;
	case NV_PGC6_BSI_SECURE_SCRATCH_14:
		*val = gpu->gsp.boot_stage;
		return true;
	}
	return false;
}

/**
 * nova_emu_mmu_rd() - read handler of the PFB_PRI_MMU block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * WPR2 is read-only: only the emulated FWSEC sets it.
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_mmu_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val)
{
	switch (addr) {
	case NV_PFB_PRI_MMU_WPR2_ADDR_LO:
		*val = gpu->wpr2_lo;
		return true;
	case NV_PFB_PRI_MMU_WPR2_ADDR_HI:
		*val = gpu->wpr2_hi;
		return true;
	}
	return false;
}

/*
 * PTIMER: the GPU's nanosecond clock (NV_PTIMER_TIME_0 the low word,
 * NV_PTIMER_TIME_1 the high one), which a driver may set by writing the
 * high word then the low one; its clock ratio and interrupt registers hold
 * what is written (the alarm never fires: nothing here raises it).
 */
#define NV_PTIMER_INTR_0		0x100
#define NV_PTIMER_INTR_EN_0		0x140
#define NV_PTIMER_NUMERATOR		0x200
#define NV_PTIMER_DENOMINATOR		0x210
#define NV_PTIMER_TIME_0		0x400
#define NV_PTIMER_TIME_1		0x410
#define NV_PTIMER_ALARM_0		0x420

static u64 nova_emu_ptimer_now(struct nova_emu_gpu *gpu)
{
	return nova_emu_host_now_ns() + gpu->ptimer_offset;
}

/**
 * nova_emu_ptimer_rd() - read handler of the PTIMER block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_ptimer_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
			u32 *val)
{
	lockdep_assert_held(&gpu->lock);

	switch (addr) {
	case NV_PTIMER_TIME_0:
		*val = lower_32_bits(nova_emu_ptimer_now(gpu));
		return true;
	case NV_PTIMER_TIME_1:
		*val = upper_32_bits(nova_emu_ptimer_now(gpu));
		return true;
	case NV_PTIMER_INTR_0:
		*val = 0;
		return true;
	case NV_PTIMER_INTR_EN_0:
		*val = gpu->ptimer_intr_en;
		return true;
	case NV_PTIMER_NUMERATOR:
		*val = gpu->ptimer_num;
		return true;
	case NV_PTIMER_DENOMINATOR:
		*val = gpu->ptimer_den;
		return true;
	case NV_PTIMER_ALARM_0:
		*val = gpu->ptimer_alarm;
		return true;
	}
	return false;
}

/**
 * nova_emu_ptimer_wr() - write handler of the PTIMER block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: the value written
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_ptimer_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
			u32 val)
{
	lockdep_assert_held(&gpu->lock);

	switch (addr) {
	case NV_PTIMER_TIME_1:
		gpu->ptimer_hi = val;
		return true;
	case NV_PTIMER_TIME_0:
		/* The high word written before, then this: the new time. */
		gpu->ptimer_offset = (((u64)gpu->ptimer_hi << 32) | val) -
				     nova_emu_host_now_ns();
		return true;
	case NV_PTIMER_INTR_0:
		return true;
	case NV_PTIMER_INTR_EN_0:
		gpu->ptimer_intr_en = val;
		return true;
	case NV_PTIMER_NUMERATOR:
		gpu->ptimer_num = val;
		return true;
	case NV_PTIMER_DENOMINATOR:
		gpu->ptimer_den = val;
		return true;
	case NV_PTIMER_ALARM_0:
		gpu->ptimer_alarm = val;
		return true;
	}
	return false;
}

/**
 * nova_emu_pdisp_rd() - read handler of the PDISP block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value: the VGA workspace is not valid
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_pdisp_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		       u32 *val)
{
	if (addr != NV_PDISP_VGA_WORKSPACE_BASE)
		return false;
	*val = 0;
	return true;
}

/**
 * nova_emu_fuse_rd() - read handler of the FUSE block (GA100+)
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * The display fuse (GA100 has no display); on GA102 and later, the ucode
 * fuse versions of NVDEC, SEC2 and GSP, one register per ucode id (id 1
 * first), each (1 << fuse) - 1 so that its fls() is the fuse version.
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_fuse_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 *val)
{
	const u32 arrays[] = {
		NV_FUSE_OPT_FPF_NVDEC_UCODE_VER,
		NV_FUSE_OPT_FPF_SEC2_UCODE_VER,
		NV_FUSE_OPT_FPF_GSP_UCODE_VER,
	};
	unsigned int i;

	if (!gpu->cfg.ga100_plus)
		return false;
	if (addr == NV_FUSE_STATUS_OPT_DISPLAY) {
		*val = gpu->cfg.no_display ? 1 : 0;
		return true;
	}
	if (!gpu->cfg.ga102_plus)
		return false;
	for (i = 0; i < ARRAY_SIZE(arrays); i++) {
		if (addr >= arrays[i] &&
		    addr < arrays[i] + 4 * NV_FUSE_OPT_FPF_UCODE_VER_COUNT) {
			*val = BIT(gpu->cfg.fuse) - 1;
			return true;
		}
	}
	return false;
}

/*
 * The interrupt tree of NV_VIRTUAL_FUNCTION_PRIV (0xb81000 on Turing and
 * later), which nouveau drives (tu102_vfn_intr; nova_core takes the GSP
 * falcon's interrupt directly): vector V is bit V % 32 of leaf V / 32,
 * and top bit L / 2 gathers leaves L. The model's only source is GSP-RM's
 * message interrupt, vector 0x80 (its interrupt table says so: leaf 4, bit
 * 0), pending while the GSP falcon's interrupt is (IRQSTAT & IRQMASK),
 * a level: writing its leaf bit clears nothing. LEAF_EN_SET and _CLEAR
 * (and TOP_EN_SET and _CLEAR) set and clear enables and read them back;
 * TOP shows the leaves pending and enabled. The model's interrupt line
 * follows the falcons, not these enables.
 */
#define NV_VF_PRIV_CPU_INTR_LEAF		0x000
#define NV_VF_PRIV_CPU_INTR_LEAF_EN_SET		0x200
#define NV_VF_PRIV_CPU_INTR_LEAF_EN_CLEAR	0x400
#define NV_VF_PRIV_CPU_INTR_TOP			0x600
#define NV_VF_PRIV_CPU_INTR_TOP_EN_SET		0x608
#define NV_VF_PRIV_CPU_INTR_TOP_EN_CLEAR	0x610
#define NV_VF_INTR_GSP_VECTOR			0x80

/* The leaf @leaf as GSP-RM's interrupt makes it. */
static u32 nova_emu_vf_intr_leaf(struct nova_emu_gpu *gpu, unsigned int leaf)
{
	const struct nova_emu_falcon *f = &gpu->falcon[NOVA_EMU_FALCON_GSP];

	if (leaf != NV_VF_INTR_GSP_VECTOR / 32 || !(f->irqstat & f->irqmask))
		return 0;
	return BIT(NV_VF_INTR_GSP_VECTOR % 32);
}

/**
 * nova_emu_vf_intr_rd() - read handler of the interrupt tree
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block (0xb81000)
 * @val: set to the register's value
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_vf_intr_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val)
{
	unsigned int leaf = (addr & 0x1ff) / 4;
	unsigned int l;

	if (addr == NV_VF_PRIV_CPU_INTR_TOP) {
		*val = 0;
		for (l = 0; l < NOVA_EMU_INTR_LEAVES; l++)
			if (nova_emu_vf_intr_leaf(gpu, l) & gpu->intr_leaf_en[l])
				*val |= BIT(l / 2);
		return true;
	}
	if (addr == NV_VF_PRIV_CPU_INTR_TOP_EN_SET ||
	    addr == NV_VF_PRIV_CPU_INTR_TOP_EN_CLEAR) {
		*val = gpu->intr_top_en;
		return true;
	}
	if (addr >= NV_VF_PRIV_CPU_INTR_TOP || (addr & 3) ||
	    leaf >= NOVA_EMU_INTR_LEAVES)
		return false;
	if (addr < NV_VF_PRIV_CPU_INTR_LEAF_EN_SET)
		*val = nova_emu_vf_intr_leaf(gpu, leaf);
	else
		*val = gpu->intr_leaf_en[leaf];
	return true;
}

/**
 * nova_emu_vf_intr_wr() - write handler of the interrupt tree
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block (0xb81000)
 * @val: the value written
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_vf_intr_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 val)
{
	unsigned int leaf = (addr & 0x1ff) / 4;

	if (addr == NV_VF_PRIV_CPU_INTR_TOP_EN_SET) {
		gpu->intr_top_en |= val;
		return true;
	}
	if (addr == NV_VF_PRIV_CPU_INTR_TOP_EN_CLEAR) {
		gpu->intr_top_en &= ~val;
		return true;
	}
	if (addr >= NV_VF_PRIV_CPU_INTR_TOP || (addr & 3) ||
	    leaf >= NOVA_EMU_INTR_LEAVES)
		return false;
	if (addr >= NV_VF_PRIV_CPU_INTR_LEAF_EN_CLEAR)
		gpu->intr_leaf_en[leaf] &= ~val;
	else if (addr >= NV_VF_PRIV_CPU_INTR_LEAF_EN_SET)
		gpu->intr_leaf_en[leaf] |= val;
	/* A leaf's bits are levels of their sources: clearing is theirs. */
	return true;
}

/*
 * NV_VIRTUAL_FUNCTION_PRIV (0xb83000 on Turing and later): the TLB
 * invalidate a driver that maps its own page tables triggers (nouveau's
 * tu102_vmm_flush; nova_core does not yet): the page directory, then
 * INVALIDATE with TRIGGER (bit 31), which reads clear once done.
 */
#define NV_VF_PRIV_MMU_INVALIDATE_PDB		0x0a0
#define NV_VF_PRIV_MMU_INVALIDATE_UPPER_PDB	0x0a4
#define NV_VF_PRIV_MMU_INVALIDATE		0x0b0
#define NV_VF_PRIV_MMU_INVALIDATE_TRIGGER	BIT(31)

/**
 * nova_emu_vf_priv_rd() - read handler of the VIRTUAL_FUNCTION_PRIV block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_vf_priv_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val)
{
	switch (addr) {
	case NV_VF_PRIV_MMU_INVALIDATE_PDB:
		*val = gpu->mmu_inval_pdb_lo;
		return true;
	case NV_VF_PRIV_MMU_INVALIDATE_UPPER_PDB:
		*val = gpu->mmu_inval_pdb_hi;
		return true;
	case NV_VF_PRIV_MMU_INVALIDATE:
		*val = gpu->mmu_inval;
		return true;
	}
	return false;
}

/**
 * nova_emu_vf_priv_wr() - write handler of the VIRTUAL_FUNCTION_PRIV block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: the value written
 *
 * An invalidate (TRIGGER set) completes at once: the model has no TLB.
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_vf_priv_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 val)
{
	switch (addr) {
	case NV_VF_PRIV_MMU_INVALIDATE_PDB:
		gpu->mmu_inval_pdb_lo = val;
		return true;
	case NV_VF_PRIV_MMU_INVALIDATE_UPPER_PDB:
		gpu->mmu_inval_pdb_hi = val;
		return true;
	case NV_VF_PRIV_MMU_INVALIDATE:
		gpu->mmu_inval = val & ~NV_VF_PRIV_MMU_INVALIDATE_TRIGGER;
		return true;
	}
	return false;
}
