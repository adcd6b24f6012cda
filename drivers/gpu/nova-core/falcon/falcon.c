// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core falcons: reset, memory scrubbing, loading IMEM and DMEM by DMA
 * or PIO, the boot ROM's signature check, start, halt and mailboxes, and
 * the falcons' part of the GPU's interrupt (irq.c).
 *
 * A started falcon runs on its own; nova_falcon_boot() sleeps until it
 * halts. The halt interrupt wakes it; it also looks every
 * %NOVA_FALCON_POLL_MS, for a GPU without a usable interrupt.
 *
 * What differs between chip families is in the HAL tables at the end:
 * Turing and GA100 load by PIO and leave the boot ROM alone; GA102 and
 * later wait for the reset to be accepted, switch the core back to falcon
 * mode, load by DMA and program the boot ROM with the signature's place.
 */

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/iopoll.h>
#include <linux/kernel.h>

#include "../device.h"
#include "../dma.h"
#include "falcon.h"
#include "../regs.h"

#define NOVA_FALCON_RESET_READY_US	150
#define NOVA_FALCON_CORE_SELECT_US	(10 * USEC_PER_MSEC)
#define NOVA_FALCON_SCRUB_TU102_US	(10 * USEC_PER_MSEC)
#define NOVA_FALCON_SCRUB_GA102_US	(20 * USEC_PER_MSEC)
#define NOVA_FALCON_DMA_US		(2 * USEC_PER_SEC)
#define NOVA_FALCON_HALT_US		(2 * USEC_PER_SEC)
#define NOVA_FALCON_POLL_MS		10
/* Halt interrupts with no boot waiting after which the halt is masked. */
#define NOVA_FALCON_IRQ_STORM		64
/* Falcon memories are at most this big (the offset fields are 16 bits). */
#define NOVA_FALCON_MEM_MAX		0x10000

static u32 nova_falcon_rd(struct nova_falcon *f, u32 reg)
{
	return nova_rd32(f->nd, f->base + reg);
}

static void nova_falcon_wr(struct nova_falcon *f, u32 reg, u32 val)
{
	nova_wr32(f->nd, f->base + reg, val);
}

/* Polls a falcon register until (value & mask) == want. */
static int nova_falcon_poll(struct nova_falcon *f, u32 reg, u32 mask, u32 want,
			    u64 timeout_us)
{
	u32 val;

	return read_poll_timeout(nova_falcon_rd, val, (val & mask) == want,
				 10, timeout_us, false, f, reg);
}

/**
 * nova_falcon_init() - describe one falcon of a GPU
 * @f: the falcon
 * @nd: its GPU
 * @name: its name for messages
 * @base: BAR0 offset of its PFALCON registers
 */
void nova_falcon_init(struct nova_falcon *f, struct nova_device *nd,
		      const char *name, u32 base)
{
	f->nd = nd;
	f->name = name;
	f->base = base;
	init_waitqueue_head(&f->halt_wq);
	f->irq_pending = 0;
	f->swgen0 = NULL;
	f->booting = false;
	atomic_set(&f->stray_halts, 0);
}

/**
 * nova_falcon_reset() - reset a falcon and wait until it can be loaded
 * @f: the falcon
 *
 * Pulses the engine reset, selects the falcon core where the family has a
 * RISC-V one too, waits for the memory scrubbing and tells the falcon which
 * GPU it is in (NV_PMC_BOOT_0 in the RM register).
 *
 * Return: 0, or -ETIMEDOUT with a message naming the step that hung.
 */
int nova_falcon_reset(struct nova_falcon *f)
{
	const struct nova_falcon_hal *hal = f->nd->hal->falcon;
	int ret;

	if (hal->reset_ready)
		hal->reset_ready(f);

	nova_falcon_wr(f, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
	usleep_range(10, 20);
	nova_falcon_wr(f, NV_PFALCON_ENGINE, 0);

	if (hal->select_core) {
		ret = hal->select_core(f);
		if (ret) {
			dev_err(f->nd->dev, "%s falcon: core select did not complete\n",
				f->name);
			return ret;
		}
	}

	ret = hal->scrub_wait(f);
	if (ret) {
		dev_err(f->nd->dev, "%s falcon: memory scrubbing did not finish after reset\n",
			f->name);
		return ret;
	}

	nova_falcon_wr(f, NV_PFALCON_RM, nova_rd32(f->nd, NV_PMC_BOOT_0));
	return 0;
}

/* Is [src, src + len) inside the image and [dst, dst + len) in memory? */
static bool nova_falcon_seg_ok(const struct nova_falcon_load *ld, u32 src,
			       u32 dst, u32 len)
{
	u64 send = (u64)src + len, dend = (u64)ALIGN((u64)dst + len,
						       NOVA_FALCON_BLOCK);

	return len && send <= ld->image_len && dend <= NOVA_FALCON_MEM_MAX &&
	       IS_ALIGNED(dst, NOVA_FALCON_BLOCK);
}

/**
 * nova_falcon_load() - load a ucode into a falcon, ready to boot
 * @f: the falcon, freshly reset
 * @ld: what to load where
 *
 * Return: 0; -EINVAL if a segment lies outside the image or the falcon's
 * memory; -ETIMEDOUT if a DMA transfer did not finish; -ENOMEM.
 */
int nova_falcon_load(struct nova_falcon *f, const struct nova_falcon_load *ld)
{
	const struct nova_falcon_hal *hal = f->nd->hal->falcon;
	int ret;

	if (!nova_falcon_seg_ok(ld, ld->imem_src, ld->imem_dst, ld->imem_len) ||
	    !nova_falcon_seg_ok(ld, ld->dmem_src, ld->dmem_dst, ld->dmem_len)) {
		dev_err(f->nd->dev, "%s falcon: ucode segments do not fit (IMEM 0x%x+0x%x at 0x%x, DMEM 0x%x+0x%x at 0x%x, image 0x%zx)\n",
			f->name, ld->imem_src, ld->imem_len, ld->imem_dst,
			ld->dmem_src, ld->dmem_len, ld->dmem_dst, ld->image_len);
		return -EINVAL;
	}

	ret = hal->load(f, ld);
	if (ret)
		return ret;

	if (ld->brom && hal->brom_program)
		hal->brom_program(f, ld);
	nova_falcon_wr(f, NV_PFALCON_BOOTVEC, ld->boot_vector);
	return 0;
}

static bool nova_falcon_halted(struct nova_falcon *f)
{
	return nova_falcon_rd(f, NV_PFALCON_CPUCTL) & NV_PFALCON_CPUCTL_HALTED;
}

/* Sleeps until the falcon halts: woken by its interrupt, else polling. */
static int nova_falcon_wait_halt(struct nova_falcon *f, u64 timeout_us)
{
	unsigned long deadline = jiffies + usecs_to_jiffies(timeout_us);

	for (;;) {
		if (nova_falcon_halted(f))
			return 0;
		if (time_after(jiffies, deadline))
			return nova_falcon_halted(f) ? 0 : -ETIMEDOUT;
		wait_event_timeout(f->halt_wq, nova_falcon_halted(f),
				   msecs_to_jiffies(NOVA_FALCON_POLL_MS));
	}
}

/**
 * nova_falcon_start() - start a falcon's CPU
 * @f: the falcon
 *
 * Through CPUCTL_ALIAS when the falcon says so, else CPUCTL.
 */
void nova_falcon_start(struct nova_falcon *f)
{
	if (nova_falcon_rd(f, NV_PFALCON_CPUCTL) & NV_PFALCON_CPUCTL_ALIAS_EN)
		nova_falcon_wr(f, NV_PFALCON_CPUCTL_ALIAS,
			       NV_PFALCON_CPUCTL_STARTCPU);
	else
		nova_falcon_wr(f, NV_PFALCON_CPUCTL, NV_PFALCON_CPUCTL_STARTCPU);
}

/**
 * nova_falcon_rerun() - start a falcon again on what it holds, wait for its halt
 * @f: the falcon, halted after a nova_falcon_boot()
 * @mbox0: set to MAILBOX0 after the halt
 *
 * For the GSP sequencer's CORE_RESUME, which runs SEC2's booter_load again:
 * the mailboxes are left as they are, and the halt that follows is this
 * caller's, not a stray one (an interrupt storm's).
 *
 * Return: 0 once halted, -ETIMEDOUT if it did not halt within 2 s.
 */
int nova_falcon_rerun(struct nova_falcon *f, u32 *mbox0)
{
	int ret;

	nova_falcon_wr(f, NV_PFALCON_IRQSCLR, NV_PFALCON_IRQ_HALT);
	WRITE_ONCE(f->booting, true);
	nova_falcon_start(f);
	ret = nova_falcon_wait_halt(f, NOVA_FALCON_HALT_US);
	WRITE_ONCE(f->booting, false);
	if (!f->nd->irq)
		nova_falcon_wr(f, NV_PFALCON_IRQSCLR, NV_PFALCON_IRQ_HALT);
	if (ret) {
		dev_err(f->nd->dev, "%s falcon: ucode did not halt within %u ms\n",
			f->name, (unsigned int)(NOVA_FALCON_HALT_US / USEC_PER_MSEC));
		return ret;
	}
	*mbox0 = nova_falcon_rd(f, NV_PFALCON_MAILBOX0);
	return 0;
}

/**
 * nova_falcon_irq_enable() - let some of a falcon's interrupts through
 * @f: the falcon
 * @irqs: NV_PFALCON_IRQ_* bits
 *
 * Only where the driver has an interrupt; without one, waiters poll.
 */
void nova_falcon_irq_enable(struct nova_falcon *f, u32 irqs)
{
	if (f->nd->irq)
		nova_falcon_wr(f, NV_PFALCON_IRQMSET, irqs);
}

/**
 * nova_falcon_irq_disable() - mask some of a falcon's interrupts
 * @f: the falcon
 * @irqs: NV_PFALCON_IRQ_* bits
 */
void nova_falcon_irq_disable(struct nova_falcon *f, u32 irqs)
{
	nova_falcon_wr(f, NV_PFALCON_IRQMCLR, irqs);
}

/**
 * nova_falcon_wait_halted() - wait for a started falcon to halt, polling
 * @f: the falcon
 * @timeout_us: how long
 *
 * For falcons the driver did not start through nova_falcon_boot() (the
 * GSP sequencer's): no interrupt is armed for them.
 *
 * Return: 0 once halted, -ETIMEDOUT.
 */
int nova_falcon_wait_halted(struct nova_falcon *f, u64 timeout_us)
{
	u32 val;

	return read_poll_timeout(nova_falcon_rd, val,
				 val & NV_PFALCON_CPUCTL_HALTED, 100,
				 timeout_us, false, f, NV_PFALCON_CPUCTL);
}

/**
 * nova_falcon_mailbox0() - read a falcon's MAILBOX0
 * @f: the falcon
 *
 * Return: its value.
 */
u32 nova_falcon_mailbox0(struct nova_falcon *f)
{
	return nova_falcon_rd(f, NV_PFALCON_MAILBOX0);
}

/**
 * nova_falcon_boot() - start a loaded falcon and wait for it to halt
 * @f: the falcon
 * @mbox0_in: value for MAILBOX0 before the start
 * @mbox1_in: value for MAILBOX1 before the start
 * @mbox0: set to MAILBOX0 after the halt (may be NULL)
 * @mbox1: set to MAILBOX1 after the halt (may be NULL)
 *
 * The falcon's halt interrupt is enabled for the boot (it stays enabled);
 * the caller sleeps until the interrupt thread wakes it, or it sees the
 * halt itself.
 *
 * Return: 0 once halted, -ETIMEDOUT if it did not halt within 2 s.
 */
int nova_falcon_boot(struct nova_falcon *f, u32 mbox0_in, u32 mbox1_in,
		     u32 *mbox0, u32 *mbox1)
{
	int ret;

	nova_falcon_wr(f, NV_PFALCON_MAILBOX0, mbox0_in);
	nova_falcon_wr(f, NV_PFALCON_MAILBOX1, mbox1_in);

	/* A halt left from an earlier run is not this one's. */
	nova_falcon_wr(f, NV_PFALCON_IRQSCLR, NV_PFALCON_IRQ_HALT);
	atomic_set(&f->stray_halts, 0);
	WRITE_ONCE(f->booting, true);
	if (f->nd->irq)
		nova_falcon_wr(f, NV_PFALCON_IRQMSET, NV_PFALCON_IRQ_HALT);

	nova_falcon_start(f);

	ret = nova_falcon_wait_halt(f, NOVA_FALCON_HALT_US);
	WRITE_ONCE(f->booting, false);
	if (!f->nd->irq)
		nova_falcon_wr(f, NV_PFALCON_IRQSCLR, NV_PFALCON_IRQ_HALT);
	if (ret) {
		dev_err(f->nd->dev, "%s falcon: ucode did not halt within %u ms\n",
			f->name, (unsigned int)(NOVA_FALCON_HALT_US / USEC_PER_MSEC));
		return ret;
	}

	if (mbox0)
		*mbox0 = nova_falcon_rd(f, NV_PFALCON_MAILBOX0);
	if (mbox1)
		*mbox1 = nova_falcon_rd(f, NV_PFALCON_MAILBOX1);
	return 0;
}

/**
 * nova_falcon_set_mailboxes() - write a falcon's mailboxes
 * @f: the falcon
 * @mbox0: value for MAILBOX0
 * @mbox1: value for MAILBOX1
 *
 * For what reads them without being started by the driver: GSP-RM finds
 * its libos arguments in the GSP's.
 */
void nova_falcon_set_mailboxes(struct nova_falcon *f, u32 mbox0, u32 mbox1)
{
	nova_falcon_wr(f, NV_PFALCON_MAILBOX0, mbox0);
	nova_falcon_wr(f, NV_PFALCON_MAILBOX1, mbox1);
}

/**
 * nova_falcon_set_os() - write a falcon's OS register
 * @f: the falcon
 * @os: the value (for the GSP: the bootloader's application version)
 */
void nova_falcon_set_os(struct nova_falcon *f, u32 os)
{
	nova_falcon_wr(f, NV_PFALCON_OS, os);
}

/**
 * nova_falcon_riscv_active() - whether the falcon's RISC-V core runs
 * @f: the falcon
 *
 * Return: true if it does.
 */
bool nova_falcon_riscv_active(struct nova_falcon *f)
{
	return f->nd->hal->falcon->riscv_active(f);
}

/**
 * nova_falcon_irq_quiet() - mask and clear all of a falcon's interrupts
 * @f: the falcon
 *
 * Before nova_core takes the GPU's interrupt: nothing a previous driver
 * enabled or left pending reaches the handler.
 */
void nova_falcon_irq_quiet(struct nova_falcon *f)
{
	nova_falcon_wr(f, NV_PFALCON_IRQMCLR, U32_MAX);
	nova_falcon_wr(f, NV_PFALCON_IRQSCLR, U32_MAX);
}

/**
 * nova_falcon_irq_take() - the hard interrupt handler's part for a falcon
 * @f: the falcon
 *
 * Takes the falcon's pending, enabled interrupts: masks them, so the line
 * goes quiet (a level-triggered INTx too), and leaves them to the thread.
 * The thread calls it too, to look for interrupts whose edge it may have
 * missed.
 *
 * Return: the interrupts taken; 0 if the falcon has none (or reads as all
 * ones, a GPU gone from the bus).
 */
u32 nova_falcon_irq_take(struct nova_falcon *f)
{
	struct nova_device *nd = f->nd;
	u32 stat = nova_falcon_rd(f, NV_PFALCON_IRQSTAT);
	unsigned long flags;

	if (stat == U32_MAX)
		return 0;
	stat &= nova_falcon_rd(f, NV_PFALCON_IRQMASK);
	if (!stat)
		return 0;
	nova_falcon_wr(f, NV_PFALCON_IRQMCLR, stat);
	spin_lock_irqsave(&nd->irq_lock, flags);
	f->irq_pending |= stat;
	spin_unlock_irqrestore(&nd->irq_lock, flags);
	return stat;
}

/**
 * nova_falcon_irq_handle() - the interrupt thread's part for a falcon
 * @f: the falcon
 *
 * Clears what the hard handler took and handles it: a halt wakes the
 * nova_falcon_boot() waiting for it. A falcon that keeps halting with no
 * boot waiting (%NOVA_FALCON_IRQ_STORM times) is storming: its halt
 * interrupt stays masked, with one message, until its next boot. Then the
 * interrupts handled are enabled again.
 */
void nova_falcon_irq_handle(struct nova_falcon *f)
{
	struct nova_device *nd = f->nd;
	u32 stat;

	spin_lock_irq(&nd->irq_lock);
	stat = f->irq_pending;
	f->irq_pending = 0;
	spin_unlock_irq(&nd->irq_lock);
	if (!stat)
		return;

	nova_falcon_wr(f, NV_PFALCON_IRQSCLR, stat);
	if ((stat & NV_PFALCON_IRQ_SWGEN0) && f->swgen0)
		f->swgen0(nd);
	if (stat & NV_PFALCON_IRQ_HALT) {
		unsigned int stray;

		if (READ_ONCE(f->booting)) {
			wake_up(&f->halt_wq);
		} else {
			stray = atomic_inc_return(&f->stray_halts);
			if (stray == NOVA_FALCON_IRQ_STORM)
				dev_err(nd->dev, "%s falcon: %u halt interrupts with no ucode started: interrupt storm, halt interrupt masked until the next boot\n",
					f->name, stray);
			if (stray >= NOVA_FALCON_IRQ_STORM)
				stat &= ~NV_PFALCON_IRQ_HALT;
		}
	}
	nova_falcon_wr(f, NV_PFALCON_IRQMSET, stat);
}

/**
 * nova_falcon_dma_ctx_sysmem() - point a DMA context at system memory
 * @f: the falcon
 * @ctx: the context (FBIF_TRANSCFG index, 0 to 7)
 *
 * The context then targets coherent system memory by physical address.
 */
void nova_falcon_dma_ctx_sysmem(struct nova_falcon *f, unsigned int ctx)
{
	u32 reg = NV_PFALCON_FBIF_TRANSCFG0 + 4 * (ctx & 7);
	u32 val = nova_falcon_rd(f, reg) & ~NV_PFALCON_FBIF_TRANSCFG_TARGET;

	nova_falcon_wr(f, reg, val | NV_PFALCON_FBIF_TRANSCFG_PHYSICAL |
			       NV_PFALCON_FBIF_TRANSCFG_COHERENT);
}

/**
 * nova_falcon_fuse_version() - signature fuse version for a ucode
 * @f: the falcon the ucode will run on
 * @engine_id_mask: the engines the ucode was signed for
 * @ucode_id: the ucode's id
 * @version: set to the fuse version
 *
 * Return: 0, or -EINVAL for an engine mask or ucode id with no fuse.
 */
int nova_falcon_fuse_version(struct nova_falcon *f, u32 engine_id_mask,
			     u32 ucode_id, u32 *version)
{
	return f->nd->hal->falcon->fuse_version(f, engine_id_mask, ucode_id,
						version);
}

/* Turing and GA100. */

static int nova_falcon_scrub_wait_tu102(struct nova_falcon *f)
{
	return nova_falcon_poll(f, NV_PFALCON_DMACTL,
				NV_PFALCON_DMACTL_IMEM_SCRUBBING |
				NV_PFALCON_DMACTL_DMEM_SCRUBBING, 0,
				NOVA_FALCON_SCRUB_TU102_US);
}

static int nova_falcon_fuse_version_tu102(struct nova_falcon *f,
					  u32 engine_id_mask, u32 ucode_id,
					  u32 *version)
{
	/* These chips have no signature fuses to check against. */
	*version = 0;
	return 0;
}

/* Writes one memory by PIO, in blocks, the last one padded with zeros. */
static void nova_falcon_pio(struct nova_falcon *f, bool imem,
			    const struct nova_falcon_load *ld, u32 src,
			    u32 dst, u32 len)
{
	u32 ctl = NV_PFALCON_MEMC_AINCW | FIELD_PREP(NV_PFALCON_MEMC_OFFS, dst);
	u32 data = imem ? NV_PFALCON_IMEMD : NV_PFALCON_DMEMD;
	u32 pos, word, i;

	if (imem && ld->imem_secure)
		ctl |= NV_PFALCON_MEMC_SECURE;
	nova_falcon_wr(f, imem ? NV_PFALCON_IMEMC : NV_PFALCON_DMEMC, ctl);

	for (pos = 0; pos < ALIGN(len, NOVA_FALCON_BLOCK); pos += 4) {
		if (imem && IS_ALIGNED(pos, NOVA_FALCON_BLOCK))
			nova_falcon_wr(f, NV_PFALCON_IMEMT,
				       ld->imem_tag + pos / NOVA_FALCON_BLOCK);
		word = 0;
		for (i = 0; i < 4 && pos + i < len; i++)
			word |= (u32)ld->image[src + pos + i] << (8 * i);
		nova_falcon_wr(f, data, word);
	}
}

static int nova_falcon_load_pio(struct nova_falcon *f,
				const struct nova_falcon_load *ld)
{
	nova_falcon_pio(f, true, ld, ld->imem_src, ld->imem_dst, ld->imem_len);
	nova_falcon_pio(f, false, ld, ld->dmem_src, ld->dmem_dst, ld->dmem_len);
	return 0;
}

static bool nova_falcon_riscv_active_tu102(struct nova_falcon *f)
{
	return nova_falcon_rd(f, NV_PFALCON2_RISCV_STATUS_TU102) &
	       NV_PFALCON2_RISCV_STATUS_ACTIVE;
}

/** nova_falcon_hal_tu102 - Turing and GA100: PIO loads, no BROM setup. */
const struct nova_falcon_hal nova_falcon_hal_tu102 = {
	.scrub_wait = nova_falcon_scrub_wait_tu102,
	.fuse_version = nova_falcon_fuse_version_tu102,
	.load = nova_falcon_load_pio,
	.riscv_active = nova_falcon_riscv_active_tu102,
};

/* GA102 and later. */

static void nova_falcon_reset_ready_ga102(struct nova_falcon *f)
{
	/* Some falcons never say so; go ahead after the wait regardless. */
	nova_falcon_poll(f, NV_PFALCON_HWCFG2, NV_PFALCON_HWCFG2_RESET_READY,
			 NV_PFALCON_HWCFG2_RESET_READY,
			 NOVA_FALCON_RESET_READY_US);
}

static int nova_falcon_select_core_ga102(struct nova_falcon *f)
{
	u32 bcr = nova_falcon_rd(f, NV_PFALCON2_RISCV_BCR_CTRL);

	if (!(bcr & NV_PFALCON2_RISCV_BCR_CTRL_CORE_SELECT))
		return 0;
	nova_falcon_wr(f, NV_PFALCON2_RISCV_BCR_CTRL, 0);
	return nova_falcon_poll(f, NV_PFALCON2_RISCV_BCR_CTRL,
				NV_PFALCON2_RISCV_BCR_CTRL_VALID,
				NV_PFALCON2_RISCV_BCR_CTRL_VALID,
				NOVA_FALCON_CORE_SELECT_US);
}

static int nova_falcon_scrub_wait_ga102(struct nova_falcon *f)
{
	return nova_falcon_poll(f, NV_PFALCON_HWCFG2,
				NV_PFALCON_HWCFG2_MEM_SCRUBBING, 0,
				NOVA_FALCON_SCRUB_GA102_US);
}

static int nova_falcon_fuse_version_ga102(struct nova_falcon *f,
					  u32 engine_id_mask, u32 ucode_id,
					  u32 *version)
{
	u32 reg;

	if (engine_id_mask & BIT(0))
		reg = NV_FUSE_OPT_FPF_SEC2_UCODE1_VERSION;
	else if (engine_id_mask & BIT(2))
		reg = NV_FUSE_OPT_FPF_NVDEC_UCODE1_VERSION;
	else if (engine_id_mask & BIT(10))
		reg = NV_FUSE_OPT_FPF_GSP_UCODE1_VERSION;
	else
		return -EINVAL;
	if (ucode_id < 1 || ucode_id > NV_FUSE_OPT_FPF_UCODE_COUNT)
		return -EINVAL;

	*version = fls(nova_rd32(f->nd, reg + (ucode_id - 1) * 4));
	return 0;
}

static void nova_falcon_brom_program_ga102(struct nova_falcon *f,
					   const struct nova_falcon_load *ld)
{
	nova_falcon_wr(f, NV_PFALCON2_BROM_PARAADDR0, ld->pkc_data_offset);
	nova_falcon_wr(f, NV_PFALCON2_BROM_ENGIDMASK, ld->engine_id_mask);
	nova_falcon_wr(f, NV_PFALCON2_BROM_CURR_UCODE_ID, ld->ucode_id);
	nova_falcon_wr(f, NV_PFALCON2_MOD_SEL, NV_PFALCON2_MOD_SEL_RSA3K);
}

/* DMA-copies [src, src + len) of the buffer at @dma into IMEM or DMEM. */
static int nova_falcon_dma_xfer(struct nova_falcon *f, dma_addr_t dma,
				bool imem, bool secure, u32 src, u32 dst,
				u32 len)
{
	u32 cmd = FIELD_PREP(NV_PFALCON_DMATRFCMD_SIZE,
			     NV_PFALCON_DMATRFCMD_SIZE_256B);
	u32 pos;
	int ret;

	if (imem)
		cmd |= NV_PFALCON_DMATRFCMD_IMEM | (secure ? BIT(2) : 0);

	for (pos = 0; pos < len; pos += NOVA_FALCON_BLOCK) {
		nova_falcon_wr(f, NV_PFALCON_DMATRFBASE,
			       lower_32_bits((u64)dma >> 8));
		nova_falcon_wr(f, NV_PFALCON_DMATRFBASE1,
			       upper_32_bits((u64)dma >> 8));
		nova_falcon_wr(f, NV_PFALCON_DMATRFMOFFS, dst + pos);
		nova_falcon_wr(f, NV_PFALCON_DMATRFFBOFFS, src + pos);
		nova_falcon_wr(f, NV_PFALCON_DMATRFCMD, cmd);
		ret = nova_falcon_poll(f, NV_PFALCON_DMATRFCMD,
				       NV_PFALCON_DMATRFCMD_IDLE,
				       NV_PFALCON_DMATRFCMD_IDLE,
				       NOVA_FALCON_DMA_US);
		if (ret) {
			dev_err(f->nd->dev, "%s falcon: DMA to %s 0x%x did not complete\n",
				f->name, imem ? "IMEM" : "DMEM", dst + pos);
			return ret;
		}
	}
	return 0;
}

static int nova_falcon_load_dma(struct nova_falcon *f,
				const struct nova_falcon_load *ld)
{
	struct nova_dma_buf buf;
	u32 val;
	int ret;

	/* Padded: the last 256-byte transfer may read past the image. */
	ret = nova_dma_buf_alloc(f->nd->dev, ALIGN(ld->image_len, NOVA_FALCON_BLOCK) +
				 NOVA_FALCON_BLOCK, &buf);
	if (ret)
		return ret;
	memcpy(buf.cpu, ld->image, ld->image_len);

	val = nova_falcon_rd(f, NV_PFALCON_FBIF_CTL);
	nova_falcon_wr(f, NV_PFALCON_FBIF_CTL,
		       val | NV_PFALCON_FBIF_CTL_ALLOW_PHYS_NO_CTX);
	nova_falcon_wr(f, NV_PFALCON_DMACTL, 0);
	nova_falcon_dma_ctx_sysmem(f, 0);

	ret = nova_falcon_dma_xfer(f, buf.dma, true, ld->imem_secure,
				   ld->imem_src, ld->imem_dst, ld->imem_len);
	if (!ret)
		ret = nova_falcon_dma_xfer(f, buf.dma, false, false, ld->dmem_src,
					   ld->dmem_dst, ld->dmem_len);

	nova_dma_buf_free(&buf);
	return ret;
}

static bool nova_falcon_riscv_active_ga102(struct nova_falcon *f)
{
	return nova_falcon_rd(f, NV_PFALCON2_RISCV_CPUCTL_GA102) &
	       NV_PFALCON2_RISCV_CPUCTL_ACTIVE;
}

/** nova_falcon_hal_ga102 - GA102 and later: DMA loads, BROM setup. */
const struct nova_falcon_hal nova_falcon_hal_ga102 = {
	.reset_ready = nova_falcon_reset_ready_ga102,
	.select_core = nova_falcon_select_core_ga102,
	.scrub_wait = nova_falcon_scrub_wait_ga102,
	.fuse_version = nova_falcon_fuse_version_ga102,
	.brom_program = nova_falcon_brom_program_ga102,
	.load = nova_falcon_load_dma,
	.riscv_active = nova_falcon_riscv_active_ga102,
};
