// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the falcons (GSP and SEC2).
 *
 * Both falcons follow one model: the PFALCON registers at the falcon's base
 * (0x110000 GSP, 0x840000 SEC2) and the PFALCON2 (RISC-V, boot ROM)
 * registers 0x1000 above. Each has 64 KiB of IMEM and 64 KiB of DMEM,
 * loaded by PIO (IMEMC/IMEMD, DMEMC/DMEMD) or by the DMA engine from system
 * memory. Starting the CPU runs the emulated ucode found at BOOTVEC
 * (ucode.c) synchronously; the falcon is halted when the starting write
 * returns.
 *
 * Engine reset: ENGINE bit 0 going from 1 to 0 resets the falcon (every
 * register but the mailboxes) and starts the scrubbing of its memories,
 * which completes after %NOVA_EMU_SCRUB_READS reads of HWCFG2 or DMACTL
 * or %NOVA_EMU_SCRUB_NS, whichever comes first (never with scrub=stuck).
 * While held in reset or scrubbing, the falcon refuses PIO, DMA and CPU
 * starts (counted as unmodeled or DMA errors).
 *
 * DMA: the driver's buffer comes from dma_alloc_coherent() on the emulated
 * platform device. On x86 without an IOMMU (the only configuration the
 * emulator supports) its DMA address is its physical address, which the
 * model reads through the kernel's direct map after checking that every
 * page touched is valid, low memory and RAM; anything else is refused and
 * counted in dma_errors.
 */

#include <linux/bitfield.h>
#include <linux/io.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/nova_compat.h>

#include "emu.h"

/* PFALCON registers, offsets from the falcon's base. */
#define FALCON_IRQSCLR			0x004
#define FALCON_IRQSTAT			0x008
#define   FALCON_IRQ_HALT		BIT(4)
#define FALCON_MAILBOX0			0x040
#define FALCON_MAILBOX1			0x044
#define FALCON_OS			0x080
#define FALCON_RM			0x084
#define FALCON_HWCFG2			0x0f4
#define   FALCON_HWCFG2_RESET_READY	BIT(31)
#define   FALCON_HWCFG2_MEM_SCRUBBING	BIT(12)
#define   FALCON_HWCFG2_RISCV		BIT(10)
#define FALCON_CPUCTL			0x100
#define   FALCON_CPUCTL_STARTCPU	BIT(1)
#define   FALCON_CPUCTL_HALTED		BIT(4)
#define FALCON_BOOTVEC			0x104
#define FALCON_DMACTL			0x10c
#define   FALCON_DMACTL_SCRUBBING	GENMASK(2, 1)
#define   FALCON_DMACTL_REQUIRE_CTX	BIT(0)
#define FALCON_DMATRFBASE		0x110
#define FALCON_DMATRFMOFFS		0x114
#define FALCON_DMATRFCMD		0x118
#define   FALCON_DMATRFCMD_SIZE		GENMASK(10, 8)
#define   FALCON_DMATRFCMD_SIZE_256B	6
#define   FALCON_DMATRFCMD_WRITE	BIT(5)
#define   FALCON_DMATRFCMD_IMEM		BIT(4)
#define   FALCON_DMATRFCMD_SECURE	BIT(2)
#define   FALCON_DMATRFCMD_IDLE		BIT(1)
#define FALCON_DMATRFFBOFFS		0x11c
#define FALCON_DMATRFBASE1		0x128
#define   FALCON_DMATRFBASE1_MASK	GENMASK(8, 0)
#define FALCON_HWCFG1			0x12c
#define   FALCON_HWCFG1_SECURITY_MODEL	GENMASK(5, 4)
#define   FALCON_HWCFG1_CORE_REV	GENMASK(3, 0)
#define FALCON_CPUCTL_ALIAS		0x130
#define FALCON_IMEMC			0x180
#define FALCON_IMEMD			0x184
#define FALCON_IMEMT			0x188
#define FALCON_DMEMC			0x1c0
#define FALCON_DMEMD			0x1c4
#define   FALCON_MEMC_OFFS		GENMASK(15, 0)
#define   FALCON_MEMC_AINCW		BIT(24)
#define   FALCON_MEMC_AINCR		BIT(25)
#define   FALCON_MEMC_SECURE		BIT(28)
#define FALCON_ENGINE			0x3c0
#define   FALCON_ENGINE_RESET		BIT(0)
#define FALCON_FBIF_TRANSCFG0		0x600
#define FALCON_FBIF_TRANSCFG_LAST	(FALCON_FBIF_TRANSCFG0 + \
					 4 * (NOVA_EMU_FALCON_DMA_CTXS - 1))
#define   FALCON_TRANSCFG_TARGET	GENMASK(1, 0)
#define   FALCON_TRANSCFG_TARGET_COHERENT_SYSMEM 1
#define   FALCON_TRANSCFG_PHYSICAL	BIT(2)
#define FALCON_FBIF_CTL			0x624
#define   FALCON_FBIF_CTL_ALLOW_PHYS_NO_CTX BIT(7)

/* PFALCON2 registers, offsets from the falcon's base + 0x1000. */
#define FALCON2_MOD_SEL			0x180
#define FALCON2_BROM_CURR_UCODE_ID	0x198
#define FALCON2_BROM_ENGIDMASK		0x19c
#define FALCON2_BROM_PARAADDR0		0x210
#define FALCON2_RISCV_STATUS		0x240	/* Turing, GA100 */
#define FALCON2_RISCV_CPUCTL		0x388	/* GA102+ */
#define FALCON2_BCR_CTRL		0x668	/* GA102+ */
#define   FALCON2_BCR_CTRL_CORE_SELECT	BIT(4)
#define   FALCON2_BCR_CTRL_VALID	BIT(0)

/* Reads of HWCFG2 or DMACTL the scrubbing after a reset lasts. */
#define NOVA_EMU_SCRUB_READS		3
/* ... or after this long, whichever comes first. */
#define NOVA_EMU_SCRUB_NS		(20 * NSEC_PER_USEC)
/* Stands for "scrubbing forever" in &nova_emu_falcon.scrub_reads. */
#define NOVA_EMU_SCRUB_STUCK		UINT_MAX

/* Size of one DMA transfer, the only one modelled. */
#define NOVA_EMU_DMA_LEN		256

/**
 * nova_emu_falcons_alloc() - allocate the falcon memories of a new GPU
 * @gpu: the emulated GPU
 *
 * Return: 0, or -ENOMEM (with nothing left allocated).
 */
int nova_emu_falcons_alloc(struct nova_emu_gpu *gpu)
{
	unsigned int i;

	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++) {
		struct nova_emu_falcon *f = &gpu->falcon[i];

		f->imem = vzalloc(NOVA_EMU_FALCON_MEM_SIZE);
		f->dmem = vzalloc(NOVA_EMU_FALCON_MEM_SIZE);
		if (!f->imem || !f->dmem) {
			nova_emu_falcons_free(gpu);
			return -ENOMEM;
		}
	}
	return 0;
}

/**
 * nova_emu_falcons_free() - free the falcon memories of a GPU
 * @gpu: the emulated GPU
 */
void nova_emu_falcons_free(struct nova_emu_gpu *gpu)
{
	unsigned int i;

	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++) {
		vfree(gpu->falcon[i].imem);
		vfree(gpu->falcon[i].dmem);
		gpu->falcon[i].imem = NULL;
		gpu->falcon[i].dmem = NULL;
	}
}

/**
 * nova_emu_falcon_reset() - reset a falcon
 * @f: the falcon
 * @scrub: start the scrubbing of its memories (an engine reset), rather
 *	than finding them scrubbed (power-on)
 * @stuck: the scrubbing never completes
 *
 * Clears every register but the mailboxes and zeroes IMEM and DMEM; the
 * CPU is not started, not halted.
 */
static void nova_emu_falcon_reset(struct nova_emu_falcon *f, bool scrub,
				  bool stuck)
{
	u8 *imem = f->imem, *dmem = f->dmem;
	u32 mailbox[2] = { f->mailbox[0], f->mailbox[1] };

	memset(f, 0, sizeof(*f));
	f->imem = imem;
	f->dmem = dmem;
	memset(f->imem, 0, NOVA_EMU_FALCON_MEM_SIZE);
	memset(f->dmem, 0, NOVA_EMU_FALCON_MEM_SIZE);
	f->mailbox[0] = mailbox[0];
	f->mailbox[1] = mailbox[1];
	f->bcr_ctrl = FALCON2_BCR_CTRL_VALID;
	if (scrub) {
		f->scrub_reads = stuck ? NOVA_EMU_SCRUB_STUCK : NOVA_EMU_SCRUB_READS;
		f->scrub_until = ktime_get_ns() + NOVA_EMU_SCRUB_NS;
	}
}

/**
 * nova_emu_falcons_power_on() - put the falcons in their power-on state
 * @gpu: the emulated GPU, its lock held
 */
void nova_emu_falcons_power_on(struct nova_emu_gpu *gpu)
{
	unsigned int i;

	lockdep_assert_held(&gpu->lock);
	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++) {
		gpu->falcon[i].mailbox[0] = 0;
		gpu->falcon[i].mailbox[1] = 0;
		nova_emu_falcon_reset(&gpu->falcon[i], false, false);
	}
}

/**
 * nova_emu_falcon_scrubbing() - whether a falcon is still scrubbing
 * @f: the falcon
 *
 * Scrubbing ends after %NOVA_EMU_SCRUB_READS polling reads or
 * %NOVA_EMU_SCRUB_NS nanoseconds, whichever comes first (never if stuck):
 * a driver polling on a timer sees it end however slowly its reads come.
 *
 * Return: true while scrubbing.
 */
static bool nova_emu_falcon_scrubbing(struct nova_emu_falcon *f)
{
	if (!f->scrub_reads)
		return false;
	if (f->scrub_reads != NOVA_EMU_SCRUB_STUCK &&
	    ktime_get_ns() >= f->scrub_until) {
		f->scrub_reads = 0;
		return false;
	}
	return true;
}

/**
 * nova_emu_falcon_busy() - whether a falcon refuses memory access and starts
 * @f: the falcon
 *
 * Return: true while the falcon is held in reset or scrubbing.
 */
static bool nova_emu_falcon_busy(struct nova_emu_falcon *f)
{
	return (f->engine & FALCON_ENGINE_RESET) ||
	       nova_emu_falcon_scrubbing(f);
}

/**
 * nova_emu_falcon_scrub_poll() - account for one polling read
 * @f: the falcon
 *
 * Return: whether the falcon was still scrubbing when read.
 */
static bool nova_emu_falcon_scrub_poll(struct nova_emu_falcon *f)
{
	if (!nova_emu_falcon_scrubbing(f))
		return false;
	if (f->scrub_reads != NOVA_EMU_SCRUB_STUCK)
		f->scrub_reads--;
	return true;
}

/**
 * nova_emu_falcon_mem_rd() - an IMEMD or DMEMD read
 * @gpu: the emulated GPU
 * @f: the falcon
 * @mem: IMEM or DMEM of @f
 * @port: the port of @mem
 * @val: set to the word at the port's offset (0 if refused)
 */
static void nova_emu_falcon_mem_rd(struct nova_emu_gpu *gpu,
				   struct nova_emu_falcon *f, const u8 *mem,
				   struct nova_emu_falcon_port *port, u32 *val)
{
	*val = 0;
	if (nova_emu_falcon_busy(f) ||
	    port->offs > NOVA_EMU_FALCON_MEM_SIZE - 4) {
		gpu->unmodeled++;
		return;
	}
	*val = get_unaligned_le32(mem + port->offs);
	if (port->ctl & FALCON_MEMC_AINCR)
		port->offs += 4;
}

/**
 * nova_emu_falcon_mem_wr() - an IMEMD or DMEMD write
 * @gpu: the emulated GPU
 * @f: the falcon
 * @mem: IMEM or DMEM of @f
 * @port: the port of @mem
 * @val: the word to store at the port's offset; dropped (and counted) past
 *	the end of the memory or while the falcon is busy
 */
static void nova_emu_falcon_mem_wr(struct nova_emu_gpu *gpu,
				   struct nova_emu_falcon *f, u8 *mem,
				   struct nova_emu_falcon_port *port, u32 val)
{
	if (nova_emu_falcon_busy(f) ||
	    port->offs > NOVA_EMU_FALCON_MEM_SIZE - 4) {
		gpu->unmodeled++;
		return;
	}
	put_unaligned_le32(val, mem + port->offs);
	if (port->ctl & FALCON_MEMC_AINCW)
		port->offs += 4;
}

/**
 * nova_emu_falcon_port_set() - an IMEMC or DMEMC write
 * @port: the port
 * @val: the control value: offset (4-byte aligned) and flags
 */
static void nova_emu_falcon_port_set(struct nova_emu_falcon_port *port,
				     u32 val)
{
	port->ctl = val & ~FALCON_MEMC_OFFS;
	port->offs = FIELD_GET(FALCON_MEMC_OFFS, val) & ~3U;
}

/**
 * nova_emu_falcon_port_get() - an IMEMC or DMEMC read
 * @port: the port
 *
 * Return: the control value with the current offset.
 */
static u32 nova_emu_falcon_port_get(const struct nova_emu_falcon_port *port)
{
	return port->ctl | FIELD_PREP(FALCON_MEMC_OFFS, port->offs & 0xffff);
}

/**
 * nova_emu_dma_read() - read system memory for a falcon DMA transfer
 * @dst: where to copy to
 * @addr: physical (= DMA) address of the source
 * @len: bytes to copy
 *
 * Every page touched must be valid, low memory and RAM; the copy does not
 * fault even if the driver programmed a bogus address.
 *
 * Return: 0, or -EFAULT.
 */
int nova_emu_dma_read(void *dst, u64 addr, size_t len)
{
	unsigned long pfn;

	if (!len)
		return 0;
	if (addr + len < addr)
		return -EFAULT;
	for (pfn = PHYS_PFN(addr); pfn <= PHYS_PFN(addr + len - 1); pfn++) {
		if (!pfn_valid(pfn) || PageHighMem(pfn_to_page(pfn)) ||
		    !page_is_ram(pfn))
			return -EFAULT;
	}
	if (copy_from_kernel_nofault(dst, phys_to_virt(addr), len))
		return -EFAULT;
	return 0;
}

/**
 * nova_emu_falcon_dma() - a DMATRFCMD write: one DMA transfer
 * @gpu: the emulated GPU
 * @f: the falcon
 * @cmd: the command
 *
 * Copies 256 bytes from system memory at ((BASE1 << 40) | (BASE << 8)) +
 * FBOFFS to IMEM or DMEM at MOFFS. Transfers to system memory and other
 * sizes are not modelled (counted as unmodeled); a transfer the falcon is
 * not set up for (see nova_emu_dma_read() and the FBIF checks below) is
 * refused and counted in dma_errors. The engine is idle again when the
 * write returns.
 */
static void nova_emu_falcon_dma(struct nova_emu_gpu *gpu,
				struct nova_emu_falcon *f, u32 cmd)
{
	u8 *mem = cmd & FALCON_DMATRFCMD_IMEM ? f->imem : f->dmem;
	u64 src;

	f->trf_cmd = cmd & ~FALCON_DMATRFCMD_IDLE;
	if ((cmd & FALCON_DMATRFCMD_WRITE) ||
	    FIELD_GET(FALCON_DMATRFCMD_SIZE, cmd) != FALCON_DMATRFCMD_SIZE_256B) {
		gpu->unmodeled++;
		return;
	}

	src = ((u64)f->trf_base1 << 40 | (u64)f->trf_base << 8) + f->trf_fboffs;
	if (nova_emu_falcon_busy(f) ||
	    (f->dmactl & FALCON_DMACTL_REQUIRE_CTX) ||
	    FIELD_GET(FALCON_TRANSCFG_TARGET, f->transcfg[0]) !=
		FALCON_TRANSCFG_TARGET_COHERENT_SYSMEM ||
	    !(f->transcfg[0] & FALCON_TRANSCFG_PHYSICAL) ||
	    !(f->fbif_ctl & FALCON_FBIF_CTL_ALLOW_PHYS_NO_CTX) ||
	    (f->trf_base1 & ~FALCON_DMATRFBASE1_MASK) ||
	    !IS_ALIGNED(src, NOVA_EMU_DMA_LEN) ||
	    !IS_ALIGNED(f->trf_moffs, NOVA_EMU_DMA_LEN) ||
	    f->trf_moffs > NOVA_EMU_FALCON_MEM_SIZE - NOVA_EMU_DMA_LEN ||
	    nova_emu_dma_read(mem + f->trf_moffs, src, NOVA_EMU_DMA_LEN))
		gpu->dma_errors++;
	else if (cmd & FALCON_DMATRFCMD_IMEM) {
		assign_bit(f->trf_moffs / 256, f->imem_secure,
			   cmd & FALCON_DMATRFCMD_SECURE);
		f->imem_tag[f->trf_moffs / 256] = f->trf_moffs / 256;
		set_bit(f->trf_moffs / 256, f->imem_tagged);
	}
}

/**
 * nova_emu_falcon_start() - a CPUCTL or CPUCTL_ALIAS write with startcpu
 * @gpu: the emulated GPU
 * @inst: which falcon
 *
 * Runs the emulated ucode at BOOTVEC to completion; the falcon is then
 * halted and its halt interrupt pending. A falcon held in reset or
 * scrubbing does not start (counted as unmodeled). On GA102 and later, a
 * falcon whose BCR selects the RISC-V core halts at once with
 * %NOVA_EMU_MBOX_RISCV_SELECTED in MAILBOX0: the emulator models only the
 * falcon core.
 */
static void nova_emu_falcon_start(struct nova_emu_gpu *gpu, unsigned int inst)
{
	struct nova_emu_falcon *f = &gpu->falcon[inst];

	if (nova_emu_falcon_busy(f)) {
		gpu->unmodeled++;
		return;
	}
	f->halted = false;
	if (gpu->cfg.ga102_plus && (f->bcr_ctrl & FALCON2_BCR_CTRL_CORE_SELECT))
		f->mailbox[0] = NOVA_EMU_MBOX_RISCV_SELECTED;
	else
		nova_emu_ucode_run(gpu, inst);
	f->halted = true;
	f->irqstat |= FALCON_IRQ_HALT;
}

/**
 * nova_emu_falcon_rd() - read handler of the PFALCON registers
 * @gpu: the emulated GPU
 * @inst: which falcon
 * @addr: register offset from the falcon's base
 * @val: set to the register's value
 *
 * Return: true if the register is modelled.
 */
bool nova_emu_falcon_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			u32 addr, u32 *val)
{
	struct nova_emu_falcon *f = &gpu->falcon[inst];

	switch (addr) {
	case FALCON_IRQSCLR:
		*val = 0;
		break;
	case FALCON_IRQSTAT:
		*val = f->irqstat;
		break;
	case FALCON_MAILBOX0:
		*val = f->mailbox[0];
		break;
	case FALCON_MAILBOX1:
		*val = f->mailbox[1];
		break;
	case FALCON_OS:
		*val = f->os;
		break;
	case FALCON_RM:
		*val = f->rm;
		break;
	case FALCON_HWCFG2:
		*val = FALCON_HWCFG2_RESET_READY | FALCON_HWCFG2_RISCV;
		if (nova_emu_falcon_scrub_poll(f) && gpu->cfg.ga102_plus)
			*val |= FALCON_HWCFG2_MEM_SCRUBBING;
		break;
	case FALCON_CPUCTL:
	case FALCON_CPUCTL_ALIAS:
		/* alias_en (bit 6) reads 0: the driver uses CPUCTL. */
		*val = f->halted ? FALCON_CPUCTL_HALTED : 0;
		break;
	case FALCON_BOOTVEC:
		*val = f->bootvec;
		break;
	case FALCON_DMACTL:
		*val = f->dmactl;
		if (nova_emu_falcon_scrub_poll(f) && !gpu->cfg.ga102_plus)
			*val |= FALCON_DMACTL_SCRUBBING;
		break;
	case FALCON_DMATRFBASE:
		*val = f->trf_base;
		break;
	case FALCON_DMATRFMOFFS:
		*val = f->trf_moffs;
		break;
	case FALCON_DMATRFCMD:
		*val = f->trf_cmd | FALCON_DMATRFCMD_IDLE;
		break;
	case FALCON_DMATRFFBOFFS:
		*val = f->trf_fboffs;
		break;
	case FALCON_DMATRFBASE1:
		*val = f->trf_base1;
		break;
	case FALCON_HWCFG1:
		/* Heavy-secure capable; core revision 7 (GA102+) or 6. */
		*val = FIELD_PREP(FALCON_HWCFG1_SECURITY_MODEL, 3) |
		       FIELD_PREP(FALCON_HWCFG1_CORE_REV,
				  gpu->cfg.ga102_plus ? 7 : 6);
		break;
	case FALCON_IMEMC:
		*val = nova_emu_falcon_port_get(&f->imem_port);
		break;
	case FALCON_IMEMD:
		nova_emu_falcon_mem_rd(gpu, f, f->imem, &f->imem_port, val);
		break;
	case FALCON_IMEMT:
		*val = f->imemt;
		break;
	case FALCON_DMEMC:
		*val = nova_emu_falcon_port_get(&f->dmem_port);
		break;
	case FALCON_DMEMD:
		nova_emu_falcon_mem_rd(gpu, f, f->dmem, &f->dmem_port, val);
		break;
	case FALCON_ENGINE:
		*val = f->engine;
		break;
	case FALCON_FBIF_TRANSCFG0 ... FALCON_FBIF_TRANSCFG_LAST:
		*val = f->transcfg[(addr - FALCON_FBIF_TRANSCFG0) / 4];
		break;
	case FALCON_FBIF_CTL:
		*val = f->fbif_ctl;
		break;
	default:
		return false;
	}
	return true;
}

/**
 * nova_emu_falcon_wr() - write handler of the PFALCON registers
 * @gpu: the emulated GPU
 * @inst: which falcon
 * @addr: register offset from the falcon's base
 * @val: the value written
 *
 * Return: true if the register is modelled (and writable).
 */
bool nova_emu_falcon_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			u32 addr, u32 val)
{
	struct nova_emu_falcon *f = &gpu->falcon[inst];

	switch (addr) {
	case FALCON_IRQSCLR:
		f->irqstat &= ~val;
		break;
	case FALCON_MAILBOX0:
		f->mailbox[0] = val;
		break;
	case FALCON_MAILBOX1:
		f->mailbox[1] = val;
		break;
	case FALCON_OS:
		f->os = val;
		break;
	case FALCON_RM:
		f->rm = val;
		break;
	case FALCON_CPUCTL:
	case FALCON_CPUCTL_ALIAS:
		if (val & FALCON_CPUCTL_STARTCPU)
			nova_emu_falcon_start(gpu, inst);
		break;
	case FALCON_BOOTVEC:
		f->bootvec = val;
		break;
	case FALCON_DMACTL:
		f->dmactl = val & FALCON_DMACTL_REQUIRE_CTX;
		break;
	case FALCON_DMATRFBASE:
		f->trf_base = val;
		break;
	case FALCON_DMATRFMOFFS:
		f->trf_moffs = val;
		break;
	case FALCON_DMATRFCMD:
		nova_emu_falcon_dma(gpu, f, val);
		break;
	case FALCON_DMATRFFBOFFS:
		f->trf_fboffs = val;
		break;
	case FALCON_DMATRFBASE1:
		f->trf_base1 = val;
		break;
	case FALCON_IMEMC:
		nova_emu_falcon_port_set(&f->imem_port, val);
		break;
	case FALCON_IMEMD:
		if (f->imem_port.offs < NOVA_EMU_FALCON_MEM_SIZE) {
			assign_bit(f->imem_port.offs / 256, f->imem_secure,
				   f->imem_port.ctl & FALCON_MEMC_SECURE);
			if (IS_ALIGNED(f->imem_port.offs, 256)) {
				f->imem_tag[f->imem_port.offs / 256] = f->imemt;
				set_bit(f->imem_port.offs / 256, f->imem_tagged);
			}
		}
		nova_emu_falcon_mem_wr(gpu, f, f->imem, &f->imem_port, val);
		break;
	case FALCON_IMEMT:
		f->imemt = val;
		break;
	case FALCON_DMEMC:
		nova_emu_falcon_port_set(&f->dmem_port, val);
		break;
	case FALCON_DMEMD:
		nova_emu_falcon_mem_wr(gpu, f, f->dmem, &f->dmem_port, val);
		break;
	case FALCON_ENGINE:
		if ((f->engine & FALCON_ENGINE_RESET) &&
		    !(val & FALCON_ENGINE_RESET))
			nova_emu_falcon_reset(f, true, gpu->cfg.scrub_stuck);
		f->engine = val & FALCON_ENGINE_RESET;
		break;
	case FALCON_FBIF_TRANSCFG0 ... FALCON_FBIF_TRANSCFG_LAST:
		f->transcfg[(addr - FALCON_FBIF_TRANSCFG0) / 4] = val;
		break;
	case FALCON_FBIF_CTL:
		f->fbif_ctl = val;
		break;
	default:
		return false;
	}
	return true;
}

/**
 * nova_emu_falcon2_rd() - read handler of the PFALCON2 registers
 * @gpu: the emulated GPU
 * @inst: which falcon
 * @addr: register offset from the falcon's base + 0x1000
 * @val: set to the register's value
 *
 * The boot ROM, BCR and RISC-V CPUCTL registers exist on GA102 and later;
 * the RISC-V status register on Turing and GA100. The RISC-V core never
 * runs: both read as not active.
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_falcon2_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val)
{
	struct nova_emu_falcon *f = &gpu->falcon[inst];

	if (!gpu->cfg.ga102_plus) {
		if (addr != FALCON2_RISCV_STATUS)
			return false;
		*val = 0;
		return true;
	}

	switch (addr) {
	case FALCON2_MOD_SEL:
		*val = f->mod_sel;
		break;
	case FALCON2_BROM_CURR_UCODE_ID:
		*val = f->brom_ucode_id;
		break;
	case FALCON2_BROM_ENGIDMASK:
		*val = f->brom_engidmask;
		break;
	case FALCON2_BROM_PARAADDR0:
		*val = f->brom_paraaddr0;
		break;
	case FALCON2_RISCV_CPUCTL:
		*val = 0;
		break;
	case FALCON2_BCR_CTRL:
		*val = f->bcr_ctrl;
		break;
	default:
		return false;
	}
	return true;
}

/**
 * nova_emu_falcon2_wr() - write handler of the PFALCON2 registers
 * @gpu: the emulated GPU
 * @inst: which falcon
 * @addr: register offset from the falcon's base + 0x1000
 * @val: the value written
 *
 * A BCR_CTRL write takes effect at once: its valid bit reads 1.
 *
 * Return: true if the register is modelled (and writable) on this chip.
 */
bool nova_emu_falcon2_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 val)
{
	struct nova_emu_falcon *f = &gpu->falcon[inst];

	if (!gpu->cfg.ga102_plus)
		return false;

	switch (addr) {
	case FALCON2_MOD_SEL:
		f->mod_sel = val;
		break;
	case FALCON2_BROM_CURR_UCODE_ID:
		f->brom_ucode_id = val;
		break;
	case FALCON2_BROM_ENGIDMASK:
		f->brom_engidmask = val;
		break;
	case FALCON2_BROM_PARAADDR0:
		f->brom_paraaddr0 = val;
		break;
	case FALCON2_BCR_CTRL:
		f->bcr_ctrl = val | FALCON2_BCR_CTRL_VALID;
		break;
	default:
		return false;
	}
	return true;
}
