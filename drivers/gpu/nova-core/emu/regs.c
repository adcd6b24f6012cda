// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the register model of the emulated GPU.
 *
 * BAR0 is modelled as a list of blocks, each a range of registers with a
 * read and a write handler. An access outside every block reads as the
 * value real GPUs return for an unassigned register and is counted; writes
 * there are dropped. Each hardware block lives in its own file: the PROM
 * window (vbios.c), the falcons (falcon.c, running the emulated ucode of
 * firmware.c), the framebuffer and miscellaneous registers (fb.c), the
 * FSP of Hopper and Blackwell and its boot status (fsp.c).
 */

#include <linux/bitfield.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "emu.h"

/* What a read of an unassigned register returns on real hardware. */
#define NOVA_EMU_BAD_READ	0xbadf1100

#define NV_PMC_BOOT_0			0x00000000
#define   NV_PMC_BOOT_0_ARCH_0		GENMASK(28, 24)
#define   NV_PMC_BOOT_0_IMPL		GENMASK(23, 20)
#define   NV_PMC_BOOT_0_MAJOR_REV	GENMASK(7, 4)
#define   NV_PMC_BOOT_0_MINOR_REV	GENMASK(3, 0)
/*
 * NV_PMC_BOOT_1: 0 on a physical GPU of a little-endian host (bits 17:16
 * set would say a vGPU's virtual function, which nouveau refuses).
 */
#define NV_PMC_BOOT_1			0x00000004
#define NV_PMC_BOOT_42			0x00000a00
#define   NV_PMC_BOOT_42_ARCH		GENMASK(29, 24)
#define   NV_PMC_BOOT_42_IMPL		GENMASK(23, 20)
#define   NV_PMC_BOOT_42_MAJOR_REV	GENMASK(19, 16)
#define   NV_PMC_BOOT_42_MINOR_REV	GENMASK(15, 12)

/* Revision every emulated chip reports: a.1, like production silicon. */
#define NOVA_EMU_MAJOR_REV	0xa
#define NOVA_EMU_MINOR_REV	0x1

#define NOVA_EMU_CHIP(_name, _arch, _impl) \
	{ .name = (_name), .arch = (_arch), .impl = (_impl) }

/* The chipsets the emulator can be, as the hardware identifies itself. */
const struct nova_emu_chip nova_emu_chips[] = {
	NOVA_EMU_CHIP("tu102", 0x16, 0x2),
	NOVA_EMU_CHIP("tu104", 0x16, 0x4),
	NOVA_EMU_CHIP("tu106", 0x16, 0x6),
	NOVA_EMU_CHIP("tu117", 0x16, 0x7),
	NOVA_EMU_CHIP("tu116", 0x16, 0x8),
	NOVA_EMU_CHIP("ga100", 0x17, 0x0),
	NOVA_EMU_CHIP("ga102", 0x17, 0x2),
	NOVA_EMU_CHIP("ga103", 0x17, 0x3),
	NOVA_EMU_CHIP("ga104", 0x17, 0x4),
	NOVA_EMU_CHIP("ga106", 0x17, 0x6),
	NOVA_EMU_CHIP("ga107", 0x17, 0x7),
	NOVA_EMU_CHIP("gh100", 0x18, 0x0),
	NOVA_EMU_CHIP("ad102", 0x19, 0x2),
	NOVA_EMU_CHIP("ad103", 0x19, 0x3),
	NOVA_EMU_CHIP("ad104", 0x19, 0x4),
	NOVA_EMU_CHIP("ad106", 0x19, 0x6),
	NOVA_EMU_CHIP("ad107", 0x19, 0x7),
	NOVA_EMU_CHIP("gb100", 0x1a, 0x0),
	NOVA_EMU_CHIP("gb102", 0x1a, 0x2),
	NOVA_EMU_CHIP("gb202", 0x1b, 0x2),
	NOVA_EMU_CHIP("gb203", 0x1b, 0x3),
	NOVA_EMU_CHIP("gb205", 0x1b, 0x5),
	NOVA_EMU_CHIP("gb206", 0x1b, 0x6),
	NOVA_EMU_CHIP("gb207", 0x1b, 0x7),
};

const unsigned int nova_emu_num_chips = ARRAY_SIZE(nova_emu_chips);

/**
 * nova_emu_chip_find() - look a chipset up by name
 * @name: the name, in any case
 *
 * Return: the chipset, or NULL if the emulator does not know it.
 */
const struct nova_emu_chip *nova_emu_chip_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < nova_emu_num_chips; i++)
		if (!strcasecmp(nova_emu_chips[i].name, name))
			return &nova_emu_chips[i];
	return NULL;
}

/**
 * nova_emu_chip_of() - the chipset a GPU is, also when created raw
 * @gpu: the emulated GPU
 *
 * A GPU created with raw boot0/boot42 is the chipset its NV_PMC_BOOT_42
 * names, if the table has it (what its firmware files are, for the
 * booter).
 *
 * Return: the chipset, or NULL if the identification names none known.
 */
const struct nova_emu_chip *nova_emu_chip_of(const struct nova_emu_gpu *gpu)
{
	u32 arch = FIELD_GET(NV_PMC_BOOT_42_ARCH, gpu->cfg.boot42);
	u32 impl = FIELD_GET(NV_PMC_BOOT_42_IMPL, gpu->cfg.boot42);
	unsigned int i;

	if (gpu->cfg.chip)
		return gpu->cfg.chip;
	for (i = 0; i < nova_emu_num_chips; i++)
		if (nova_emu_chips[i].arch == arch && nova_emu_chips[i].impl == impl)
			return &nova_emu_chips[i];
	return NULL;
}

/**
 * nova_emu_chip_boot_regs() - identification registers of a chipset
 * @chip: the chipset
 * @boot0: set to the value of NV_PMC_BOOT_0
 * @boot42: set to the value of NV_PMC_BOOT_42
 */
void nova_emu_chip_boot_regs(const struct nova_emu_chip *chip, u32 *boot0,
			     u32 *boot42)
{
	*boot0 = FIELD_PREP(NV_PMC_BOOT_0_ARCH_0, chip->arch) |
		 FIELD_PREP(NV_PMC_BOOT_0_IMPL, chip->impl) |
		 FIELD_PREP(NV_PMC_BOOT_0_MAJOR_REV, NOVA_EMU_MAJOR_REV) |
		 FIELD_PREP(NV_PMC_BOOT_0_MINOR_REV, NOVA_EMU_MINOR_REV);
	*boot42 = FIELD_PREP(NV_PMC_BOOT_42_ARCH, chip->arch) |
		  FIELD_PREP(NV_PMC_BOOT_42_IMPL, chip->impl) |
		  FIELD_PREP(NV_PMC_BOOT_42_MAJOR_REV, NOVA_EMU_MAJOR_REV) |
		  FIELD_PREP(NV_PMC_BOOT_42_MINOR_REV, NOVA_EMU_MINOR_REV);
}

/**
 * nova_emu_config_family() - derive the chip family flags of a configuration
 * @cfg: the configuration, with its @boot42 set
 *
 * Sets @cfg->ga100_plus, @cfg->ga102_plus, @cfg->no_display and
 * @cfg->fsp_family from the architecture and implementation in
 * NV_PMC_BOOT_42, so raw boot0/boot42 devices get the registers of the
 * chip they claim to be; display=0 fuses the display off on any chip. The
 * data centre chips (GA100, GH100, GB10x) have no display; Hopper (0x18)
 * and Blackwell (0x1a GB10x, 0x1b GB20x) boot GSP-RM through their FSP.
 */
void nova_emu_config_family(struct nova_emu_config *cfg)
{
	u8 arch = FIELD_GET(NV_PMC_BOOT_42_ARCH, cfg->boot42);
	u8 impl = FIELD_GET(NV_PMC_BOOT_42_IMPL, cfg->boot42);

	cfg->ga100_plus = arch >= 0x17;
	cfg->ga102_plus = (arch == 0x17 && impl != 0) || arch >= 0x18;
	cfg->no_display = (arch == 0x17 && impl == 0) || arch == 0x18 ||
			  arch == 0x1a || cfg->display_off;
	switch (arch) {
	case 0x18:
		cfg->fsp_family = NOVA_EMU_FSP_GH100;
		break;
	case 0x1a:
		cfg->fsp_family = NOVA_EMU_FSP_GB10X;
		break;
	case 0x1b:
		cfg->fsp_family = NOVA_EMU_FSP_GB20X;
		break;
	default:
		cfg->fsp_family = NOVA_EMU_FSP_NONE;
	}
}

/**
 * struct nova_emu_block - a range of registers with its handlers
 * @name: name of the hardware block, for messages.
 * @base: byte offset of the first register.
 * @size: size of the range in bytes.
 * @inst: instance of the hardware the block belongs to (for the falcons:
 *	NOVA_EMU_FALCON_*), passed to the handlers.
 * @rd: read handler; @addr is relative to @base. Called with the GPU's
 *	lock held. Returns false for a register the block does not model.
 * @wr: write handler, likewise; NULL for a read-only block.
 */
struct nova_emu_block {
	const char *name;
	u32 base;
	u32 size;
	unsigned int inst;
	bool (*rd)(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		   u32 *val);
	bool (*wr)(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		   u32 val);
};

/**
 * nova_emu_pmc_rd() - read handler of the PMC block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * Return: true if the register is modelled.
 */
static bool nova_emu_pmc_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			    u32 addr, u32 *val)
{
	switch (addr) {
	case NV_PMC_BOOT_0:
		*val = gpu->cfg.boot0;
		return true;
	case NV_PMC_BOOT_1:
		*val = 0;
		return true;
	case NV_PMC_BOOT_42:
		*val = gpu->cfg.boot42;
		return true;
	}
	return false;
}

#define NOVA_EMU_BLOCK(_name, _base, _size, _inst, _rd, _wr)		\
	{ .name = (_name), .base = (_base), .size = (_size),		\
	  .inst = (_inst), .rd = (_rd), .wr = (_wr) }

static const struct nova_emu_block nova_emu_blocks[] = {
	NOVA_EMU_BLOCK("PMC", 0x000000, 0x001000, 0, nova_emu_pmc_rd, NULL),
	NOVA_EMU_BLOCK("PBUS", 0x001000, 0x001000, 0,
		       nova_emu_pbus_rd, nova_emu_pbus_wr),
	NOVA_EMU_BLOCK("PTIMER", 0x009000, 0x001000, 0,
		       nova_emu_ptimer_rd, nova_emu_ptimer_wr),
	NOVA_EMU_BLOCK("THERM", 0x020000, 0x001000, 0, nova_emu_therm_rd, NULL),
	NOVA_EMU_BLOCK("FUSE (Turing)", 0x021000, 0x001000, 0,
		       nova_emu_tu_fuse_rd, NULL),
	NOVA_EMU_BLOCK("PFB", 0x100000, 0x001000, 0,
		       nova_emu_pfb_rd, nova_emu_pfb_wr),
	NOVA_EMU_BLOCK("GSP falcon", 0x110000, 0x001000, NOVA_EMU_FALCON_GSP,
		       nova_emu_falcon_rd, nova_emu_falcon_wr),
	NOVA_EMU_BLOCK("GSP falcon2", 0x111000, 0x001000, NOVA_EMU_FALCON_GSP,
		       nova_emu_falcon2_rd, nova_emu_falcon2_wr),
	NOVA_EMU_BLOCK("PGC6", 0x118000, 0x001000, 0, nova_emu_pgc6_rd, NULL),
	NOVA_EMU_BLOCK("PFB_PRI_MMU", 0x1fa000, 0x001000, 0,
		       nova_emu_mmu_rd, NULL),
	NOVA_EMU_BLOCK("PROM", 0x300000, 0x100000, 0, nova_emu_prom_rd, NULL),
	NOVA_EMU_BLOCK("PDISP", 0x625000, 0x001000, 0, nova_emu_pdisp_rd, NULL),
	NOVA_EMU_BLOCK("FUSE", 0x820000, 0x005000, 0, nova_emu_fuse_rd, NULL),
	NOVA_EMU_BLOCK("SEC2 falcon", 0x840000, 0x001000, NOVA_EMU_FALCON_SEC2,
		       nova_emu_falcon_rd, nova_emu_falcon_wr),
	NOVA_EMU_BLOCK("SEC2 falcon2", 0x841000, 0x001000, NOVA_EMU_FALCON_SEC2,
		       nova_emu_falcon2_rd, nova_emu_falcon2_wr),
	NOVA_EMU_BLOCK("HSHUB0 (GB10x)", 0x870000, 0x001000, 0,
		       nova_emu_hub_rd, nova_emu_hub_wr),
	NOVA_EMU_BLOCK("FBHUB0 (GB20x)", 0x8a1000, 0x001000, 1,
		       nova_emu_hub_rd, nova_emu_hub_wr),
	NOVA_EMU_BLOCK("FSP falcon", 0x8f2000, 0x001000, 0,
		       nova_emu_fsp_rd, nova_emu_fsp_wr),
	NOVA_EMU_BLOCK("THERM (GB20x)", 0xad0000, 0x001000, 1,
		       nova_emu_therm_rd, NULL),
	NOVA_EMU_BLOCK("VIRTUAL_FUNCTION_PRIV CPU_INTR", 0xb81000, 0x001000, 0,
		       nova_emu_vf_intr_rd, nova_emu_vf_intr_wr),
	NOVA_EMU_BLOCK("VIRTUAL_FUNCTION_PRIV", 0xb83000, 0x001000, 0,
		       nova_emu_vf_priv_rd, nova_emu_vf_priv_wr),
};

/**
 * nova_emu_block_find() - the block a register belongs to
 * @addr: byte offset of the register in BAR0
 *
 * Return: the block, or NULL if no block covers @addr.
 */
static const struct nova_emu_block *nova_emu_block_find(u32 addr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nova_emu_blocks); i++) {
		const struct nova_emu_block *b = &nova_emu_blocks[i];

		if (addr >= b->base && addr - b->base < b->size)
			return b;
	}
	return NULL;
}

/**
 * nova_emu_rd32() - &nova_core_io_ops.rd32 of an emulated GPU
 * @priv: the emulated GPU
 * @addr: byte offset of the register in BAR0
 *
 * Return: the register's value.
 */
static u32 nova_emu_rd32(void *priv, u32 addr)
{
	struct nova_emu_gpu *gpu = priv;
	const struct nova_emu_block *b;
	unsigned long flags;
	u32 val = NOVA_EMU_BAD_READ;

	/* Outside the BAR the bus returns all ones, like a real PCI read. */
	if (addr >= gpu->cfg.bar0_size || addr & 3)
		return U32_MAX;

	spin_lock_irqsave(&gpu->lock, flags);
	b = nova_emu_block_find(addr);
	if (!b || !b->rd(gpu, b->inst, addr - b->base, &val)) {
		val = NOVA_EMU_BAD_READ;
		gpu->unmodeled++;
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	return val;
}

/**
 * nova_emu_wr32() - &nova_core_io_ops.wr32 of an emulated GPU
 * @priv: the emulated GPU
 * @addr: byte offset of the register in BAR0
 * @val: the value to write
 */
static void nova_emu_wr32(void *priv, u32 addr, u32 val)
{
	struct nova_emu_gpu *gpu = priv;
	const struct nova_emu_block *b;
	unsigned long flags;
	bool raise;

	if (addr >= gpu->cfg.bar0_size || addr & 3)
		return;

	spin_lock_irqsave(&gpu->lock, flags);
	b = nova_emu_block_find(addr);
	if (!b || !b->wr || !b->wr(gpu, b->inst, addr - b->base, val))
		gpu->unmodeled++;
	raise = nova_emu_irq_update(gpu);
	spin_unlock_irqrestore(&gpu->lock, flags);

	if (raise)
		nova_emu_host_irq(gpu, true);
}

/**
 * nova_emu_irq_update() - recompute the level of a GPU's interrupt line
 * @gpu: the emulated GPU, its lock held
 *
 * The line is high while a falcon has an interrupt pending in IRQSTAT that
 * its IRQMASK lets through. Call after anything that may change either;
 * then, without the lock, tell the host of a rising level.
 *
 * Return: whether the level rose.
 */
bool nova_emu_irq_update(struct nova_emu_gpu *gpu)
	__must_hold(&gpu->lock)
{
	bool level = false, rose;
	unsigned int i;

	lockdep_assert_held(&gpu->lock);
	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++)
		level |= !!(gpu->falcon[i].irqstat & gpu->falcon[i].irqmask);
	rose = level && !gpu->irq_level;
	gpu->irq_level = level;
	return rose;
}

/**
 * nova_emu_count() - count one event in a counter of a GPU
 * @gpu: the emulated GPU, its lock not held
 * @counter: the counter, a member of @gpu protected by its lock
 */
void nova_emu_count(struct nova_emu_gpu *gpu, u64 *counter)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	(*counter)++;
	spin_unlock_irqrestore(&gpu->lock, flags);
}

/* The register callbacks nova_core calls through its seam. */
const struct nova_core_io_ops nova_emu_io_ops = {
	.rd32 = nova_emu_rd32,
	.wr32 = nova_emu_wr32,
};

/**
 * nova_emu_regs_init() - initialize the register model of a new GPU
 * @gpu: the emulated GPU, with its configuration filled in and its falcon
 *	memories allocated
 *
 * Zeroes the counters and puts the GPU in its power-on state.
 */
void nova_emu_regs_init(struct nova_emu_gpu *gpu)
{
	spin_lock_init(&gpu->lock);
	gpu->unmodeled = 0;
	gpu->dma_errors = 0;
	gpu->fwsec_runs = 0;
	gpu->nvidia_ucode_runs = 0;
	atomic64_set(&gpu->irqs, 0);
	nova_emu_power_on(gpu);
}

/**
 * nova_emu_power_on() - put the GPU in its power-on state
 * @gpu: the emulated GPU
 *
 * What a cold boot of the board does: the falcons are out of reset, idle
 * (their jobs cancelled), with interrupts masked and scrubbed memories;
 * WPR2 is absent (unless the GPU was created with wpr2=preset); GSP-RM is
 * off; the scratch and flush-page registers are cleared; the FSP (Hopper,
 * Blackwell) has booted, its queues empty. The VBIOS ROM and the counters
 * are kept. Takes the GPU's lock; callable from any context.
 */
void nova_emu_power_on(struct nova_emu_gpu *gpu)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	nova_emu_falcons_power_on(gpu);
	nova_emu_fb_power_on(gpu);
	nova_emu_gsp_power_on(gpu);
	nova_emu_fsp_power_on(gpu);
	gpu->irq_storm = 0;
	nova_emu_irq_update(gpu);
	spin_unlock_irqrestore(&gpu->lock, flags);
}
