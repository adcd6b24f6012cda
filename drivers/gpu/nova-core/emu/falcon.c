// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the falcons (GSP and SEC2).
 *
 * Hopper and Blackwell: the FSP boots the GSP (gsp/fmc.c). While it holds
 * the GSP in lockdown, the GSP's registers take no writes (counted as
 * unmodeled), HWCFG2 bit 13 reads 1, and until GSP-FMC picks its COT up
 * they read %NOVA_EMU_PRIV_MASKED; a driver that resets, starts or loads
 * the GSP falcon itself there violates the protocol (gsp_errors).
 *
 * Both falcons follow one model: the PFALCON registers at the falcon's base
 * (0x110000 GSP, 0x840000 SEC2) and the PFALCON2 (RISC-V, boot ROM)
 * registers 0x1000 above. Each has 64 KiB of IMEM and 64 KiB of DMEM,
 * loaded by PIO (IMEMC/IMEMD, DMEMC/DMEMD) or by the DMA engine from system
 * memory.
 *
 * Engines: the CPU and the DMA engine of each falcon run as jobs on the
 * GPU's worker (host.h), never inside the register write that starts them
 * and never under the register lock. Starting the CPU returns at once; the
 * CPU reads as running (CPUCTL not halted) until its job has run the
 * emulated ucode found at BOOTVEC (firmware.c), after falcon_delay=
 * milliseconds, and halted it with its halt interrupt (IRQSTAT bit 4)
 * pending. A DMA transfer likewise leaves DMATRFCMD busy until its job has
 * copied the 256 bytes. While a job is queued or running it owns the
 * falcon's memories: PIO and new transfers are refused (counted as
 * unmodeled).
 *
 * Engine reset: ENGINE bit 0 going from 1 to 0 resets the falcon (every
 * register but the mailboxes), cancels its jobs (a running one drops its
 * results) and starts the scrubbing of its memories, which completes
 * after %NOVA_EMU_SCRUB_READS reads of HWCFG2 or DMACTL or
 * %NOVA_EMU_SCRUB_NS, whichever comes first (never with scrub=stuck), and
 * not before a running job has let go of the memories. While held in
 * reset or scrubbing, the falcon refuses PIO, DMA and CPU starts (counted
 * as unmodeled or DMA errors).
 *
 * Interrupts: IRQSTAT bits reach the GPU's interrupt line where IRQMASK
 * (IRQMSET/IRQMCLR) lets them through (regs.c: nova_emu_irq_update()).
 *
 * DMA: transfers and the generic bootloader's copies go through
 * nova_emu_host_dma() (dma.c), which refuses an address the driver did not
 * map; a refused transfer is counted in dma_errors.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/nova_compat.h>

#include "emu.h"
#include "host.h"

/* PFALCON registers, offsets from the falcon's base. */
#define FALCON_IRQSCLR			0x004
#define FALCON_QUEUE_HEAD0		0xc00	/* GSP: NV_PGSP_QUEUE_HEAD(0) */
#define FALCON_IRQSTAT			0x008
#define   FALCON_IRQ_HALT		NOVA_EMU_FALCON_IRQ_HALT
#define FALCON_IRQMSET			0x010
#define FALCON_IRQMCLR			0x014
#define FALCON_IRQMASK			0x018
#define FALCON_IRQDEST			0x01c
#define FALCON_MAILBOX0			0x040
#define FALCON_MAILBOX1			0x044
#define FALCON_ITFEN			0x048
#define FALCON_OS			0x080
#define FALCON_RM			0x084
#define FALCON_HWCFG2			0x0f4
#define   FALCON_HWCFG2_RESET_READY	BIT(31)
#define   FALCON_HWCFG2_RISCV_BR_PRIV_LOCKDOWN BIT(13)
#define   FALCON_HWCFG2_MEM_SCRUBBING	BIT(12)
#define   FALCON_HWCFG2_RISCV		BIT(10)
#define FALCON_CPUCTL			0x100
#define   FALCON_CPUCTL_STARTCPU	BIT(1)
#define   FALCON_CPUCTL_HALTED		BIT(4)
#define FALCON_BOOTVEC			0x104
#define FALCON_HWCFG			0x108
#define   FALCON_HWCFG_IMEM_BLOCKS	GENMASK(8, 0)
#define   FALCON_HWCFG_DMEM_BLOCKS	GENMASK(17, 9)
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
#define   FALCON2_RISCV_STATUS_ACTIVE	BIT(0)
#define FALCON2_RISCV_CPUCTL		0x388	/* GA102+ */
#define   FALCON2_RISCV_CPUCTL_ACTIVE	BIT(7)
#define   FALCON2_RISCV_CPUCTL_HALTED	BIT(4)
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

static void nova_emu_falcon_cpu_job(struct nova_emu_job *job);
static void nova_emu_falcon_dma_job(struct nova_emu_job *job);

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
		f->eng.snap = kmalloc(sizeof(*f->eng.snap), GFP_KERNEL);
		if (!f->imem || !f->dmem || !f->eng.snap) {
			nova_emu_falcons_free(gpu);
			return -ENOMEM;
		}
		nova_emu_host_job_init(&f->eng.cpu, gpu, nova_emu_falcon_cpu_job);
		nova_emu_host_job_init(&f->eng.dma, gpu, nova_emu_falcon_dma_job);
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
		kfree(gpu->falcon[i].eng.snap);
		gpu->falcon[i].imem = NULL;
		gpu->falcon[i].dmem = NULL;
		gpu->falcon[i].eng.snap = NULL;
	}
}

/**
 * nova_emu_falcon_release() - scrub the memories once no job owns them
 * @f: the falcon, its GPU's lock held
 */
static void nova_emu_falcon_release(struct nova_emu_falcon *f)
{
	if (f->eng.cpu_busy || f->eng.dma_busy || !f->eng.scrub_pending)
		return;
	memset(f->imem, 0, NOVA_EMU_FALCON_MEM_SIZE);
	memset(f->dmem, 0, NOVA_EMU_FALCON_MEM_SIZE);
	f->eng.scrub_pending = false;
}

/**
 * nova_emu_falcon_reset() - reset a falcon
 * @f: the falcon, its GPU's lock held
 * @scrub: start the scrubbing of its memories (an engine reset), rather
 *	than finding them scrubbed (power-on)
 * @stuck: the scrubbing never completes
 *
 * Clears every register but the mailboxes, cancels the falcon's jobs and
 * zeroes IMEM and DMEM (once a running job has let go of them); the CPU is
 * not started, not halted.
 */
static void nova_emu_falcon_reset(struct nova_emu_falcon *f, bool scrub,
				  bool stuck)
{
	u8 *imem = f->imem, *dmem = f->dmem;
	u32 mailbox[2] = { f->mailbox[0], f->mailbox[1] };

	f->eng.gen++;
	if (f->eng.cpu_busy && nova_emu_host_job_cancel(&f->eng.cpu))
		f->eng.cpu_busy = false;
	if (f->eng.dma_busy && nova_emu_host_job_cancel(&f->eng.dma))
		f->eng.dma_busy = false;

	memset(f, 0, offsetof(struct nova_emu_falcon, eng));
	f->imem = imem;
	f->dmem = dmem;
	f->mailbox[0] = mailbox[0];
	f->mailbox[1] = mailbox[1];
	f->bcr_ctrl = FALCON2_BCR_CTRL_VALID;
	f->eng.scrub_pending = true;
	nova_emu_falcon_release(f);
	if (scrub) {
		f->scrub_reads = stuck ? NOVA_EMU_SCRUB_STUCK : NOVA_EMU_SCRUB_READS;
		f->scrub_until = nova_emu_host_now_ns() + NOVA_EMU_SCRUB_NS;
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
	if (f->eng.scrub_pending)
		return true;
	if (!f->scrub_reads)
		return false;
	if (f->scrub_reads != NOVA_EMU_SCRUB_STUCK &&
	    nova_emu_host_now_ns() >= f->scrub_until) {
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
 * nova_emu_falcon_mem_busy() - whether PIO to a falcon's memories is refused
 * @f: the falcon
 *
 * Return: true while the falcon is busy or a job owns its memories.
 */
static bool nova_emu_falcon_mem_busy(struct nova_emu_falcon *f)
{
	return nova_emu_falcon_busy(f) || f->eng.cpu_busy || f->eng.dma_busy;
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
	if (f->scrub_reads && f->scrub_reads != NOVA_EMU_SCRUB_STUCK)
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
	if (nova_emu_falcon_mem_busy(f) ||
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
 *	the end of the memory, while the falcon is busy or while a job owns
 *	its memories
 *
 * An IMEM write also sets its block's mode (IMEMC's SECURE bit) and, at a
 * block's first word, the block's tag (IMEMT).
 */
static void nova_emu_falcon_mem_wr(struct nova_emu_gpu *gpu,
				   struct nova_emu_falcon *f, u8 *mem,
				   struct nova_emu_falcon_port *port, u32 val)
{
	if (nova_emu_falcon_mem_busy(f) ||
	    port->offs > NOVA_EMU_FALCON_MEM_SIZE - 4) {
		gpu->unmodeled++;
		return;
	}
	if (mem == f->imem) {
		assign_bit(port->offs / 256, f->imem_secure,
			   port->ctl & FALCON_MEMC_SECURE);
		if (IS_ALIGNED(port->offs, 256)) {
			f->imem_tag[port->offs / 256] = f->imemt;
			set_bit(port->offs / 256, f->imem_tagged);
		}
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

/* The falcon a job of its engines belongs to. */
#define nova_emu_job_falcon(job, member) \
	container_of(container_of(job, struct nova_emu_falcon_engine, member), \
		     struct nova_emu_falcon, eng)

/**
 * nova_emu_falcon_dma_job() - the DMA engine's job: one transfer
 * @job: &nova_emu_falcon_engine.dma of the falcon
 *
 * Copies 256 bytes between system memory and IMEM or DMEM through
 * nova_emu_host_dma(); a refused access is counted in dma_errors (and by
 * the DMA layer in dma_faults). An IMEM block written takes the mode of
 * the command's secure bit and is tagged with the transfer's source offset
 * (DMATRFFBOFFS >> 8), as the hardware tags it. Then the
 * engine is idle. A reset meanwhile drops the transfer.
 */
static void nova_emu_falcon_dma_job(struct nova_emu_job *job)
{
	struct nova_emu_falcon *f = nova_emu_job_falcon(job, dma);
	struct nova_emu_gpu *gpu = job->gpu;
	u8 buf[NOVA_EMU_DMA_LEN];
	unsigned long flags;
	bool write, live;
	u32 moffs, cmd;
	u16 tag;
	u8 *mem;
	u64 addr;
	int ret = 0;

	spin_lock_irqsave(&gpu->lock, flags);
	live = f->eng.dma_gen == f->eng.gen;
	addr = f->eng.dma_addr;
	moffs = f->eng.dma_moffs;
	cmd = f->eng.dma_cmd;
	tag = f->eng.dma_tag;
	spin_unlock_irqrestore(&gpu->lock, flags);

	/* The memories are the job's until it clears dma_busy. */
	mem = cmd & FALCON_DMATRFCMD_IMEM ? f->imem : f->dmem;
	write = cmd & FALCON_DMATRFCMD_WRITE;
	if (live && write)
		memcpy(buf, mem + moffs, sizeof(buf));
	if (live)
		ret = nova_emu_host_dma(gpu, addr, buf, sizeof(buf), write);
	if (live && !ret && !write)
		memcpy(mem + moffs, buf, sizeof(buf));

	spin_lock_irqsave(&gpu->lock, flags);
	if (live && f->eng.dma_gen == f->eng.gen) {
		if (ret) {
			gpu->dma_errors++;
		} else if (!write && (cmd & FALCON_DMATRFCMD_IMEM)) {
			assign_bit(moffs / 256, f->imem_secure,
				   cmd & FALCON_DMATRFCMD_SECURE);
			f->imem_tag[moffs / 256] = tag;
			set_bit(moffs / 256, f->imem_tagged);
		}
	}
	f->eng.dma_busy = false;
	nova_emu_falcon_release(f);
	spin_unlock_irqrestore(&gpu->lock, flags);
}

/**
 * nova_emu_falcon_dma() - a DMATRFCMD write: start one DMA transfer
 * @gpu: the emulated GPU
 * @f: the falcon
 * @cmd: the command
 *
 * Starts a copy of 256 bytes between system memory at ((BASE1 << 40) |
 * (BASE << 8)) + FBOFFS and IMEM or DMEM at MOFFS (to memory with the
 * command's write bit) on the DMA engine's job; DMATRFCMD reads as busy
 * until it is done. Other sizes are not modelled (counted as unmodeled),
 * nor is a command while a transfer is going on; a transfer the falcon is
 * not set up for (the FBIF checks below) is refused at once and counted
 * in dma_errors.
 */
static void nova_emu_falcon_dma(struct nova_emu_gpu *gpu,
				struct nova_emu_falcon *f, u32 cmd)
{
	u64 src;

	f->trf_cmd = cmd & ~FALCON_DMATRFCMD_IDLE;
	if (FIELD_GET(FALCON_DMATRFCMD_SIZE, cmd) != FALCON_DMATRFCMD_SIZE_256B ||
	    f->eng.dma_busy || f->eng.cpu_busy) {
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
	    f->trf_moffs > NOVA_EMU_FALCON_MEM_SIZE - NOVA_EMU_DMA_LEN) {
		gpu->dma_errors++;
		return;
	}

	f->eng.dma_addr = src + (gpu->cfg.dma_stray ? NOVA_EMU_DMA_STRAY : 0);
	f->eng.dma_moffs = f->trf_moffs;
	f->eng.dma_cmd = cmd;
	f->eng.dma_tag = f->trf_fboffs >> 8;
	f->eng.dma_gen = f->eng.gen;
	f->eng.dma_busy = true;
	nova_emu_host_job_queue(&f->eng.dma, 0);
}

/**
 * nova_emu_falcon_cpu_job() - the CPU's job: run the ucode, then halt
 * @job: &nova_emu_falcon_engine.cpu of the falcon
 *
 * Runs the emulated ucode on a copy of the falcon's registers taken now,
 * without the lock, then halts the falcon with the outcome in MAILBOX0,
 * the blocks' modes and tags the ucode left, and its halt interrupt
 * pending. On GA102 and later, a falcon whose BCR selects the RISC-V core
 * halts with %NOVA_EMU_MBOX_RISCV_SELECTED: the emulator models only the
 * falcon core. A reset meanwhile drops the outcome.
 */
static void nova_emu_falcon_cpu_job(struct nova_emu_job *job)
{
	struct nova_emu_falcon *f = nova_emu_job_falcon(job, cpu);
	struct nova_emu_gpu *gpu = job->gpu;
	struct nova_emu_falcon *snap = f->eng.snap;
	unsigned int inst = f - gpu->falcon;
	unsigned long flags;
	bool live, riscv, raise = false;
	u32 gen, mbox = 0;

	spin_lock_irqsave(&gpu->lock, flags);
	gen = f->eng.cpu_gen;
	live = gen == f->eng.gen;
	if (live)
		memcpy(snap, f, offsetof(struct nova_emu_falcon, eng));
	riscv = gpu->cfg.ga102_plus &&
		(f->bcr_ctrl & FALCON2_BCR_CTRL_CORE_SELECT);
	spin_unlock_irqrestore(&gpu->lock, flags);

	if (live)
		mbox = riscv ? NOVA_EMU_MBOX_RISCV_SELECTED :
			       nova_emu_ucode_run(gpu, snap, inst);

	spin_lock_irqsave(&gpu->lock, flags);
	if (live && gen == f->eng.gen) {
		memcpy(f->imem_tag, snap->imem_tag, sizeof(f->imem_tag));
		bitmap_copy(f->imem_tagged, snap->imem_tagged,
			    NOVA_EMU_FALCON_BLOCKS);
		bitmap_copy(f->imem_secure, snap->imem_secure,
			    NOVA_EMU_FALCON_BLOCKS);
		f->mailbox[0] = mbox;
		f->running = false;
		f->halted = true;
		f->irqstat |= FALCON_IRQ_HALT;
		raise = nova_emu_irq_update(gpu);
	}
	f->eng.cpu_busy = false;
	nova_emu_falcon_release(f);
	spin_unlock_irqrestore(&gpu->lock, flags);

	if (raise)
		nova_emu_host_irq(gpu, true);
}

/**
 * nova_emu_falcon_start() - a CPUCTL or CPUCTL_ALIAS write with startcpu
 * @gpu: the emulated GPU
 * @f: the falcon
 *
 * Starts the CPU: it runs its ucode on the CPU's job, falcon_delay=
 * milliseconds from now, and reads as running until then. A falcon held
 * in reset or scrubbing, already running or transferring does not start
 * (counted as unmodeled).
 */
static void nova_emu_falcon_start(struct nova_emu_gpu *gpu,
				  struct nova_emu_falcon *f)
{
	if (nova_emu_falcon_busy(f) || f->running || f->eng.dma_busy) {
		gpu->unmodeled++;
		return;
	}
	if (f == &gpu->falcon[NOVA_EMU_FALCON_GSP])
		nova_emu_rm_falcon_start(gpu);
	f->halted = false;
	f->running = true;
	f->eng.cpu_gen = f->eng.gen;
	f->eng.cpu_busy = true;
	nova_emu_host_job_queue(&f->eng.cpu,
				(u64)gpu->cfg.falcon_delay_ms * NSEC_PER_MSEC);
}

/**
 * nova_emu_falcon_state() - what a falcon is doing, in a word
 * @f: the falcon, its GPU's lock held
 *
 * Return: "reset", "scrubbing", "running", "dma", "halted" or "idle".
 */
const char *nova_emu_falcon_state(struct nova_emu_falcon *f)
{
	if (f->engine & FALCON_ENGINE_RESET)
		return "reset";
	if (nova_emu_falcon_scrubbing(f))
		return "scrubbing";
	if (f->eng.cpu_busy)
		return "running";
	if (f->eng.dma_busy)
		return "dma";
	return f->halted ? "halted" : "idle";
}

/**
 * nova_emu_falcons_cancel() - stop the engines of a GPU going away
 * @gpu: the emulated GPU
 *
 * Pending jobs are dropped and a running one drops its results; returns
 * once none runs. Sleeps.
 */
void nova_emu_falcons_cancel(struct nova_emu_gpu *gpu)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&gpu->lock, flags);
	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++)
		gpu->falcon[i].eng.gen++;
	spin_unlock_irqrestore(&gpu->lock, flags);

	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++) {
		nova_emu_host_job_kill(&gpu->falcon[i].eng.cpu);
		nova_emu_host_job_kill(&gpu->falcon[i].eng.dma);
	}

	spin_lock_irqsave(&gpu->lock, flags);
	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++) {
		gpu->falcon[i].eng.cpu_busy = false;
		gpu->falcon[i].eng.dma_busy = false;
		gpu->falcon[i].running = false;
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
}

/**
 * nova_emu_falcons_flush() - let the engines of a GPU finish
 * @gpu: the emulated GPU, with no driver to start new work
 *
 * Pending jobs run now; returns once none is left. Sleeps.
 */
void nova_emu_falcons_flush(struct nova_emu_gpu *gpu)
{
	unsigned int i;

	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++) {
		nova_emu_host_job_flush(&gpu->falcon[i].eng.cpu);
		nova_emu_host_job_flush(&gpu->falcon[i].eng.dma);
	}
}

/**
 * nova_emu_falcon_fsp_refused() - whether a GSP register write is refused
 *	because the FSP boots the GSP (Hopper and Blackwell)
 * @gpu: the emulated GPU, its lock held
 * @inst: which falcon
 * @what: what the write does, for the log, or NULL for a plain write
 *
 * While GSP-FMC holds the GSP in lockdown every write to its registers is
 * dropped (and counted as unmodeled by the caller). On these chips the
 * driver never resets or starts the GSP itself, nor loads it: a write
 * that would (@what) is a protocol violation, counted in gsp_errors and
 * dropped.
 *
 * Return: 0 if the write goes ahead; 1 if it is dropped as a violation;
 * -EPERM if dropped for the lockdown.
 */
static int nova_emu_falcon_fsp_refused(struct nova_emu_gpu *gpu,
				       unsigned int inst, const char *what)
{
	if (inst != NOVA_EMU_FALCON_GSP ||
	    gpu->cfg.fsp_family == NOVA_EMU_FSP_NONE)
		return 0;
	if (nova_emu_fmc_lockdown(gpu))
		return -EPERM;
	if (!what)
		return 0;
	gpu->gsp.errors++;
	dev_err_ratelimited(&gpu->pdev->dev, "GSP falcon: the driver %s, on a chip whose FSP boots the GSP: refused\n",
			    what);
	return 1;
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

	/* Hopper+: the PRIV target mask routes the GSP's registers to FSP. */
	if (inst == NOVA_EMU_FALCON_GSP && nova_emu_fmc_priv_masked(gpu)) {
		*val = NOVA_EMU_PRIV_MASKED;
		return true;
	}

	switch (addr) {
	case FALCON_IRQSCLR:
		*val = 0;
		break;
	case FALCON_IRQSTAT:
		*val = f->irqstat;
		break;
	case FALCON_IRQMASK:
		*val = f->irqmask;
		break;
	case FALCON_IRQDEST:
		*val = f->irqdest;
		break;
	case FALCON_MAILBOX0:
		*val = f->mailbox[0];
		break;
	case FALCON_MAILBOX1:
		*val = f->mailbox[1];
		break;
	case FALCON_ITFEN:
		*val = f->itfen;
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
		if (inst == NOVA_EMU_FALCON_GSP && nova_emu_fmc_lockdown(gpu))
			*val |= FALCON_HWCFG2_RISCV_BR_PRIV_LOCKDOWN;
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
		*val = f->trf_cmd | (f->eng.dma_busy ? 0 : FALCON_DMATRFCMD_IDLE);
		break;
	case FALCON_DMATRFFBOFFS:
		*val = f->trf_fboffs;
		break;
	case FALCON_DMATRFBASE1:
		*val = f->trf_base1;
		break;
	case FALCON_HWCFG:
		/* IMEM and DMEM sizes, in 256-byte blocks. */
		*val = FIELD_PREP(FALCON_HWCFG_IMEM_BLOCKS, NOVA_EMU_FALCON_BLOCKS) |
		       FIELD_PREP(FALCON_HWCFG_DMEM_BLOCKS, NOVA_EMU_FALCON_BLOCKS);
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
	const char *what = NULL;
	int refused;

	if ((addr == FALCON_CPUCTL || addr == FALCON_CPUCTL_ALIAS) &&
	    (val & FALCON_CPUCTL_STARTCPU))
		what = "starts the GSP falcon's CPU";
	else if (addr == FALCON_ENGINE && (val & FALCON_ENGINE_RESET))
		what = "resets the GSP falcon";
	else if (addr == FALCON_DMATRFCMD)
		what = "loads the GSP falcon by DMA";
	refused = nova_emu_falcon_fsp_refused(gpu, inst, what);
	if (refused)
		return refused > 0;

	switch (addr) {
	case FALCON_IRQSCLR:
		f->irqstat &= ~val;
		/* emu/irq_storm: the SEC2 falcon's halt comes right back. */
		if (inst == NOVA_EMU_FALCON_SEC2 && (val & FALCON_IRQ_HALT) &&
		    gpu->irq_storm) {
			gpu->irq_storm--;
			f->irqstat |= FALCON_IRQ_HALT;
		}
		break;
	case FALCON_IRQMSET:
		f->irqmask |= val;
		break;
	case FALCON_IRQMCLR:
		f->irqmask &= ~val;
		break;
	case FALCON_IRQDEST:
		f->irqdest = val;
		break;
	case FALCON_MAILBOX0:
		f->mailbox[0] = val;
		break;
	case FALCON_MAILBOX1:
		f->mailbox[1] = val;
		break;
	case FALCON_ITFEN:
		/* Storage: the model's falcons have no context to enable. */
		f->itfen = val;
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
			nova_emu_falcon_start(gpu, f);
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
		    !(val & FALCON_ENGINE_RESET)) {
			nova_emu_falcon_reset(f, true, gpu->cfg.scrub_stuck);
			if (inst == NOVA_EMU_FALCON_GSP)
				nova_emu_rm_falcon_reset(gpu);
		}
		f->engine = val & FALCON_ENGINE_RESET;
		break;
	case FALCON_FBIF_TRANSCFG0 ... FALCON_FBIF_TRANSCFG_LAST:
		f->transcfg[(addr - FALCON_FBIF_TRANSCFG0) / 4] = val;
		break;
	case FALCON_FBIF_CTL:
		f->fbif_ctl = val;
		break;
	case FALCON_QUEUE_HEAD0:
		/* NV_PGSP_QUEUE_HEAD(0): the command queue's doorbell. */
		if (inst != NOVA_EMU_FALCON_GSP)
			return false;
		nova_emu_rm_doorbell(gpu);
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
 * the RISC-V status register on Turing and GA100. The GSP's RISC-V core
 * reads as active while GSP-RM runs (gsp/boot.c), as halted (GA102+) once
 * it crashed, and on Hopper and Blackwell whenever neither GSP-FMC nor
 * GSP-RM runs on it; SEC2's never runs. While the PRIV target mask routes
 * the GSP's registers to the FSP (gsp/fmc.c), they all read
 * %NOVA_EMU_PRIV_MASKED.
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_falcon2_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val)
{
	struct nova_emu_falcon *f = &gpu->falcon[inst];

	bool gsp = inst == NOVA_EMU_FALCON_GSP;

	if (gsp && nova_emu_fmc_priv_masked(gpu)) {
		*val = NOVA_EMU_PRIV_MASKED;
		return true;
	}
	if (!gpu->cfg.ga102_plus) {
		if (addr != FALCON2_RISCV_STATUS)
			return false;
		*val = gsp && nova_emu_gsp_riscv_active(gpu) ?
			FALCON2_RISCV_STATUS_ACTIVE : 0;
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
		if (gsp && nova_emu_gsp_riscv_active(gpu))
			*val |= FALCON2_RISCV_CPUCTL_ACTIVE;
		if (gsp && nova_emu_gsp_riscv_halted(gpu))
			*val |= FALCON2_RISCV_CPUCTL_HALTED;
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
	int refused;

	if (!gpu->cfg.ga102_plus)
		return false;
	refused = nova_emu_falcon_fsp_refused(gpu, inst,
					      addr == FALCON2_BCR_CTRL ?
					      "selects the GSP's core (BCR_CTRL)" :
					      NULL);
	if (refused)
		return refused > 0;

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
