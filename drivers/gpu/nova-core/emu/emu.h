/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_emu: the emulated GPU, internal definitions.
 */
#ifndef __NOVA_EMU_H__
#define __NOVA_EMU_H__

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/nova_core_emu.h>
#include <linux/rbtree.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "host.h"
#include "gsp/gsp.h"

struct device;
struct platform_device;

/**
 * struct nova_emu_chip - a chipset the emulator can pretend to be
 * @name: lower-case chipset name, as accepted in sysfs, e.g. "ga102".
 * @arch: architecture code (NV_PMC_BOOT_42 arch field).
 * @impl: implementation code (NV_PMC_BOOT_42 impl field).
 */
struct nova_emu_chip {
	const char *name;
	u8 arch;
	u8 impl;
};

/* Longest vbios= path, with its terminating NUL. */
#define NOVA_EMU_VBIOS_LEN	128

/**
 * enum nova_emu_fwsec_mode - how the emulated FWSEC behaves (knob fwsec=)
 * @NOVA_EMU_FWSEC_OK: like the real one.
 * @NOVA_EMU_FWSEC_FAIL: every run fails with %NOVA_EMU_MBOX_FWSEC_FAIL.
 * @NOVA_EMU_FWSEC_NOWPR2: FRTS reports success but creates no WPR2.
 * @NOVA_EMU_FWSEC_FRTSERR: FRTS leaves MAILBOX0 clear but the error code
 *	%NOVA_EMU_FRTS_ERR in NV_PBUS_SW_SCRATCH(0xe), and creates no WPR2.
 * @NOVA_EMU_FWSEC_WPR2OFF: FRTS reports success but puts WPR2 just below
 *	the FRTS region it was given.
 */
enum nova_emu_fwsec_mode {
	NOVA_EMU_FWSEC_OK,
	NOVA_EMU_FWSEC_FAIL,
	NOVA_EMU_FWSEC_NOWPR2,
	NOVA_EMU_FWSEC_FRTSERR,
	NOVA_EMU_FWSEC_WPR2OFF,
};

/**
 * enum nova_emu_fsp_family - the FSP a chip has, and its GSP-FMC's rules
 * @NOVA_EMU_FSP_NONE: no FSP (Turing, Ampere, Ada): booter boots GSP-RM.
 * @NOVA_EMU_FSP_GH100: Hopper (GH100).
 * @NOVA_EMU_FSP_GB10X: Blackwell GB10x (GB100, GB102).
 * @NOVA_EMU_FSP_GB20X: Blackwell GB20x (GB202 to GB207).
 */
enum nova_emu_fsp_family {
	NOVA_EMU_FSP_NONE,
	NOVA_EMU_FSP_GH100,
	NOVA_EMU_FSP_GB10X,
	NOVA_EMU_FSP_GB20X,
};

/**
 * enum nova_emu_vgpu_mode - GB20x's vGPU mode knob, as its FSP reads it
 *	(knob vgpu=)
 * @NOVA_EMU_VGPU_OFF: PRC reads 0: vGPU off.
 * @NOVA_EMU_VGPU_ON: PRC reads 1: vGPU on.
 * @NOVA_EMU_VGPU_BAD: PRC reads 0x0bad, neither.
 * @NOVA_EMU_VGPU_REFUSE: PRC is answered NOT_SUPPORTED.
 */
enum nova_emu_vgpu_mode {
	NOVA_EMU_VGPU_OFF,
	NOVA_EMU_VGPU_ON,
	NOVA_EMU_VGPU_BAD,
	NOVA_EMU_VGPU_REFUSE,
};

/* The most SR-IOV virtual functions vfs= gives a GPU. */
#define NOVA_EMU_VFS_MAX	64

/**
 * enum nova_emu_fsp_mode - how the emulated FSP behaves (knob fsp=)
 * @NOVA_EMU_FSP_OK: like the real one.
 * @NOVA_EMU_FSP_NOBOOT: it never boots: NV_THERM_I2CS_SCRATCH reads 0 and
 *	it answers nothing.
 * @NOVA_EMU_FSP_BADRESP: a good COT is answered with errorCode 0xa1
 *	(FSP_ERR_IFS_ERR_INVALID_DATA), and GSP-FMC does not boot.
 * @NOVA_EMU_FSP_SILENT: it takes every message and answers none.
 * @NOVA_EMU_FSP_BADSEQ: its answers are malformed (MCTP SOM without EOM),
 *	and GSP-FMC does not boot.
 * @NOVA_EMU_FSP_LOCKDOWN: it accepts a good COT, but GSP-FMC never
 *	releases the GSP's lockdown nor starts GSP-RM.
 * @NOVA_EMU_FSP_FMCFAIL: it accepts a good COT, but GSP-FMC fails:
 *	%NOVA_EMU_FMC_ERR_KNOB in the GSP's MAILBOX0, lockdown released.
 */
enum nova_emu_fsp_mode {
	NOVA_EMU_FSP_OK,
	NOVA_EMU_FSP_NOBOOT,
	NOVA_EMU_FSP_BADRESP,
	NOVA_EMU_FSP_SILENT,
	NOVA_EMU_FSP_BADSEQ,
	NOVA_EMU_FSP_LOCKDOWN,
	NOVA_EMU_FSP_FMCFAIL,
};

/**
 * struct nova_emu_config - what an emulated GPU is created with
 * @chip: the chipset, or NULL when @boot0 and @boot42 were given raw.
 * @boot0: value NV_PMC_BOOT_0 reads as.
 * @boot42: value NV_PMC_BOOT_42 reads as.
 * @bar0_size: size of the register BAR, in bytes.
 * @vram_bar_size: size of the VRAM BAR (BAR1), in bytes.
 * @fb_size: size of the emulated VRAM (the framebuffer), in bytes.
 * @vbios: firmware file of the VBIOS ROM, relative to /lib/firmware;
 *	empty for no ROM.
 * @scrub_stuck: falcon memory scrubbing never completes.
 * @gfw_stuck: the GFW boot (devinit) never reports completion.
 * @fwsec: behaviour of the emulated FWSEC.
 * @fuse: fuse version of the signed ucodes (0 to 15).
 * @wpr2_preset: WPR2 exists already at power-on.
 * @persist: the GPU keeps its state when its driver unbinds (the
 *	default, as a real board does); with persist=0 it returns to its
 *	power-on state instead.
 * @irq_line: the interrupt line (0 to %NOVA_EMU_IRQ_LINES - 1), or
 *	%NOVA_EMU_IRQ_AUTO for the lowest line no other GPU uses.
 * @falcon_delay_ms: how long a started falcon runs before it halts.
 * @dma_stray: the falcons' DMA engines and the generic bootloader add
 *	%NOVA_EMU_DMA_STRAY to every bus address they are given, reaching
 *	outside what the driver mapped.
 * @booter: behaviour of the emulated booter_load (booter=).
 * @display_off: display=0: the display engine is fused off whatever the
 *	chip, as on a headless SKU.
 * @fsp: behaviour of the emulated FSP (fsp=); only %NOVA_EMU_FSP_OK on a
 *	chip without FSP.
 * @sriov_total_vfs: the SR-IOV virtual functions the GPU offers (vfs=),
 *	told to nova_core as a PCI function's TotalVFs would be.
 * @vgpu: GB20x's vGPU mode knob (vgpu=); only %NOVA_EMU_VGPU_OFF
 *	elsewhere.
 * @ga100_plus: derived from @boot42: an Ampere or later chip.
 * @ga102_plus: derived from @boot42: a GA102 or later chip (GA10x but
 *	GA100, Hopper, Ada and later), with the GA102 falcon and FB registers.
 * @no_display: derived from @boot42 (GA100, GH100 and GB10x, the data
 *	centre chips, have no display) and @display_off: the display engine
 *	is fused off.
 * @fsp_family: derived from @boot42: the chip's FSP, if it has one
 *	(Hopper and Blackwell), which then boots GSP-RM through GSP-FMC.
 */
struct nova_emu_config {
	const struct nova_emu_chip *chip;
	u32 boot0;
	u32 boot42;
	u64 bar0_size;
	u64 vram_bar_size;
	u64 fb_size;
	char vbios[NOVA_EMU_VBIOS_LEN];
	bool scrub_stuck;
	bool gfw_stuck;
	enum nova_emu_fwsec_mode fwsec;
	unsigned int fuse;
	bool wpr2_preset;
	bool persist;
	unsigned int irq_line;
	unsigned int falcon_delay_ms;
	bool dma_stray;
	enum nova_emu_booter_mode booter;
	bool display_off;
	enum nova_emu_fsp_mode fsp;
	unsigned int sriov_total_vfs;
	enum nova_emu_vgpu_mode vgpu;
	bool ga100_plus;
	bool ga102_plus;
	bool no_display;
	enum nova_emu_fsp_family fsp_family;
};

/* Interrupt lines shared by all emulated GPUs; irq= picks one. */
#define NOVA_EMU_IRQ_LINES	64
#define NOVA_EMU_IRQ_AUTO	UINT_MAX
/* Longest falcon_delay= in milliseconds. */
#define NOVA_EMU_FALCON_DELAY_MAX	10000
/* Bits of the emulated GPUs' bus addresses (their DMA mask). */
#define NOVA_EMU_DMA_BITS	47
/* What dma=stray adds to bus addresses: past any mapping. */
#define NOVA_EMU_DMA_STRAY	BIT_ULL(44)

/* The falcons of an emulated GPU, indexes of &nova_emu_gpu.falcon. */
#define NOVA_EMU_FALCON_GSP	0
#define NOVA_EMU_FALCON_SEC2	1
#define NOVA_EMU_NUM_FALCONS	2

/* IRQSTAT's halt interrupt. */
#define NOVA_EMU_FALCON_IRQ_HALT	BIT(4)

/* Size of each falcon's IMEM and of its DMEM. */
#define NOVA_EMU_FALCON_MEM_SIZE	SZ_64K
/* IMEM blocks (256 bytes: the unit of tags and of secure mode). */
#define NOVA_EMU_FALCON_BLOCKS		(NOVA_EMU_FALCON_MEM_SIZE / 256)
/* DMA contexts (FBIF_TRANSCFG registers) of a falcon. */
#define NOVA_EMU_FALCON_DMA_CTXS	8

/**
 * struct nova_emu_falcon_port - an IMEM or DMEM access port (IMEMC/DMEMC)
 * @ctl: the control register as written, less its offset field.
 * @offs: byte offset of the next IMEMD/DMEMD access; may run past the
 *	memory, after which accesses are dropped.
 */
struct nova_emu_falcon_port {
	u32 ctl;
	u32 offs;
};

/**
 * struct nova_emu_falcon_engine - the engines of a falcon
 * @cpu: the CPU's job: runs the ucode model, then halts the falcon.
 * @dma: the DMA engine's job: one 256-byte transfer.
 * @snap: the CPU job's copy of the falcon's registers, taken when it
 *	starts; it runs the ucode model on it without the lock.
 * @gen: bumped by every reset of the falcon: a job that started under an
 *	older one was cancelled and drops its results.
 * @cpu_gen: @gen when the CPU was started.
 * @dma_gen: @gen when the transfer was started.
 * @cpu_busy: the CPU job is queued or running.
 * @dma_busy: a transfer is queued or running (DMATRFCMD not idle).
 * @scrub_pending: a reset came while a job owned the memories: they are
 *	scrubbed (zeroed) when it lets go, and the falcon reads as scrubbing
 *	until then.
 * @dma_addr: the bus address of the transfer.
 * @dma_moffs: its IMEM or DMEM offset.
 * @dma_cmd: its DMATRFCMD.
 * @dma_tag: the tag an IMEM block it writes gets: its source offset
 *	(DMATRFFBOFFS) >> 8, as the hardware's DMA engine tags it.
 *
 * The CPU and the DMA engine each run as a job on the GPU's worker
 * (host.h); while a job is queued or running it owns the falcon's IMEM,
 * DMEM and their tags and modes, which register accesses then leave alone
 * (refused and counted as unmodeled). Protected by the GPU's lock, except
 * @snap, which the CPU job owns.
 */
struct nova_emu_falcon_engine {
	struct nova_emu_job cpu;
	struct nova_emu_job dma;
	struct nova_emu_falcon *snap;
	u32 gen;
	u32 cpu_gen;
	u32 dma_gen;
	bool cpu_busy;
	bool dma_busy;
	bool scrub_pending;
	u64 dma_addr;
	u32 dma_moffs;
	u32 dma_cmd;
	u16 dma_tag;
};

/**
 * struct nova_emu_falcon - the state of one emulated falcon
 * @imem: instruction memory, %NOVA_EMU_FALCON_MEM_SIZE bytes.
 * @dmem: data memory, %NOVA_EMU_FALCON_MEM_SIZE bytes.
 * @irqstat: IRQSTAT; IRQSCLR clears bits of it.
 * @irqmask: IRQMASK, the interrupts that reach the host; IRQMSET sets bits
 *	of it, IRQMCLR clears them.
 * @irqdest: IRQDEST as written (not otherwise modelled).
 * @mailbox: MAILBOX0 and MAILBOX1.
 * @os: OS.
 * @itfen: ITFEN (0x048), the interface enables, kept as written.
 * @rm: RM.
 * @bootvec: BOOTVEC, the IMEM offset the CPU starts at.
 * @dmactl: DMACTL as written (its require_ctx bit).
 * @trf_base: DMATRFBASE (system address bits 39:8).
 * @trf_base1: DMATRFBASE1 (system address bits 48:40).
 * @trf_moffs: DMATRFMOFFS (destination offset in IMEM or DMEM).
 * @trf_fboffs: DMATRFFBOFFS (source offset, added to the base).
 * @trf_cmd: DMATRFCMD as last written, less its idle bit.
 * @imem_port: IMEMC port 0.
 * @imemt: IMEMT port 0 (the tag of the block being written).
 * @dmem_port: DMEMC port 0.
 * @engine: ENGINE (bit 0: the falcon is held in reset).
 * @transcfg: FBIF_TRANSCFG[0..7], the DMA contexts' targets.
 * @fbif_ctl: FBIF_CTL.
 * @mod_sel: PFALCON2 MOD_SEL.
 * @brom_ucode_id: PFALCON2 BROM_CURR_UCODE_ID.
 * @brom_engidmask: PFALCON2 BROM_ENGIDMASK.
 * @brom_paraaddr0: PFALCON2 BROM_PARAADDR[0].
 * @bcr_ctrl: PFALCON2 RISCV_BCR_CTRL.
 * @scrub_reads: polling reads of HWCFG2 or DMACTL left before the memory
 *	scrubbing that follows a reset completes; 0 when not scrubbing.
 * @scrub_until: ktime (ns) at which the scrubbing completes regardless of
 *	@scrub_reads (unless stuck).
 * @halted: the CPU has run its ucode and halted.
 * @running: the CPU was started and has not halted: its job is pending or
 *	running.
 * @imem_tag: each IMEM block's tag, the virtual address (>> 8) it answers
 *	to, valid if in @imem_tagged: IMEMT as the block's first word is
 *	written by PIO; a DMA transfer tags a block with its source offset
 *	(DMATRFFBOFFS >> 8), a bootloader copy with its own index.
 * @imem_tagged: the IMEM blocks with a valid tag (none after a reset).
 * @imem_secure: the IMEM blocks last written in secure mode: by PIO with
 *	IMEMC's SECURE bit, by a DMA transfer with DMATRFCMD's secure bit, or
 *	as the secure part of what the generic bootloader loads.
 * @eng: the falcon's engines (CPU and DMA) and what they own; not part of
 *	the register state, so an engine reset leaves it alone.
 *
 * Registers are named as in nova_core's falcon code; each member holds
 * what the register reads as, unless documented otherwise. An engine reset
 * clears every member before @eng (but the mailboxes).
 */
struct nova_emu_falcon {
	u8 *imem;
	u8 *dmem;
	u32 irqstat;
	u32 irqmask;
	u32 irqdest;
	u32 mailbox[2];
	u32 os;
	u32 itfen;
	u32 rm;
	u32 bootvec;
	u32 dmactl;
	u32 trf_base;
	u32 trf_base1;
	u32 trf_moffs;
	u32 trf_fboffs;
	u32 trf_cmd;
	struct nova_emu_falcon_port imem_port;
	u32 imemt;
	struct nova_emu_falcon_port dmem_port;
	u32 engine;
	u32 transcfg[NOVA_EMU_FALCON_DMA_CTXS];
	u32 fbif_ctl;
	u32 mod_sel;
	u32 brom_ucode_id;
	u32 brom_engidmask;
	u32 brom_paraaddr0;
	u32 bcr_ctrl;
	unsigned int scrub_reads;
	u64 scrub_until;
	bool halted;
	bool running;
	u16 imem_tag[NOVA_EMU_FALCON_BLOCKS];
	DECLARE_BITMAP(imem_tagged, NOVA_EMU_FALCON_BLOCKS);
	DECLARE_BITMAP(imem_secure, NOVA_EMU_FALCON_BLOCKS);
	struct nova_emu_falcon_engine eng;
};

/* The FSP's EMEM (8 KiB), and its channel 0, where messages go. */
#define NOVA_EMU_FSP_EMEM_SIZE		SZ_8K
#define NOVA_EMU_FSP_CHANNEL_SIZE	1024

/**
 * struct nova_emu_fsp - the FSP of Hopper and Blackwell (fsp.c)
 * @emem: its EMEM, which EMEMC/EMEMD port 0 reads and writes.
 * @ememc: EMEMC port 0 as written, less its offset (AINCW, AINCR).
 * @emem_pos: the byte offset of the next EMEMD access.
 * @queue_head: NV_PFSP_QUEUE_HEAD(0), the CPU->FSP queue's head.
 * @queue_tail: NV_PFSP_QUEUE_TAIL(0).
 * @msgq_head: NV_PFSP_MSGQ_HEAD(0), the FSP->CPU queue's head.
 * @msgq_tail: NV_PFSP_MSGQ_TAIL(0).
 * @busy: a message is being handled: its job is queued or running.
 * @cmd_head: QUEUE_HEAD at the doorbell, for the job.
 * @cmd_tail: QUEUE_TAIL at the doorbell, for the job.
 * @gen: bumped by a power-on: a job that started under an older one
 *	drops its answer.
 * @job_gen: @gen when the job was queued.
 * @messages: messages the FSP took (emu/fsp).
 * @last_error: the errorCode of its last answer (emu/fsp).
 * @job: the job that handles a message.
 * @cmd: the job's copy of the message (the job's own).
 *
 * Protected by the GPU's lock, but @cmd.
 */
struct nova_emu_fsp {
	u8 emem[NOVA_EMU_FSP_EMEM_SIZE];
	u32 ememc;
	u32 emem_pos;
	u32 queue_head;
	u32 queue_tail;
	u32 msgq_head;
	u32 msgq_tail;
	bool busy;
	u32 cmd_head;
	u32 cmd_tail;
	u32 gen;
	u32 job_gen;
	u64 messages;
	u32 last_error;
	struct nova_emu_job job;
	u8 cmd[NOVA_EMU_FSP_CHANNEL_SIZE];
};

/**
 * struct nova_emu_dma - an emulated GPU's bus address space (dma.c)
 * @lock: protects the members below, and the memory of a mapping while
 *	the GPU copies from or to it.
 * @maps: the driver's mappings, by bus address.
 * @next: the next bus address to give out.
 * @count: how many mappings there are.
 * @faults: accesses refused, and driver mistakes (unmapping what was not
 *	mapped, mappings left behind), emu/dma_faults.
 */
struct nova_emu_dma {
	/* Protects the members below and the mapped memory while copied. */
	spinlock_t lock;
	struct rb_root maps;
	u64 next;
	unsigned int count;
	u64 faults;
};

/* Leaves of the interrupt tree (NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF). */
#define NOVA_EMU_INTR_LEAVES	16

/**
 * struct nova_emu_gpu - one emulated GPU
 * @node: entry in the list of emulated GPUs, protected by the module's
 *	device lock (nova_emu_lock in main.c).
 * @id: the id user space chose; the platform device is "nova-emu.<id>".
 * @cfg: the configuration it was created with; constant afterwards.
 * @pdev: the platform device nova_core binds; its platform data (a
 *	&struct nova_core_emu_pdata) points back at this GPU.
 * @rom: the VBIOS ROM image (kvmalloc'ed), or NULL for none; constant
 *	while the platform device exists.
 * @rom_size: size of @rom in bytes, at most the 1 MiB PROM window.
 * @lock: protects the members from @unmodeled to @gsp; taken by the
 *	register callbacks, which may run in atomic context.
 * @unmodeled: number of accesses to registers the model does not know, and
 *	of accesses it drops because the hardware would not perform them.
 * @dma_errors: number of falcon DMA transfers refused (bad setup, or a
 *	system address that is not RAM the emulator can read).
 * @fwsec_runs: number of FWSEC ucodes started on the GSP falcon.
 * @nvidia_ucode_runs: number of NVIDIA's own ucodes the falcons recognised
 *	and modelled (NVIDIA's generic bootloader and booters).
 * @irq_level: the level of the GPU's interrupt line: a falcon has an
 *	interrupt pending that its IRQMASK lets through.
 * @irq_storm: halt interrupts the SEC2 falcon raises again each time the
 *	driver clears one (emu/irq_storm).
 * @falcon: the falcons, indexed by NOVA_EMU_FALCON_*.
 * @wpr2_lo: NV_PFB_PRI_MMU_WPR2_ADDR_LO.
 * @wpr2_hi: NV_PFB_PRI_MMU_WPR2_ADDR_HI; 0 means no WPR2.
 * @scratch_0e: NV_PBUS_SW_SCRATCH(0xe), the FWSEC-FRTS error code.
 * @scratch_15: NV_PBUS_SW_SCRATCH(0x15), the FWSEC-SB error code.
 * @flush_lo: NV_PFB_NISO_FLUSH_SYSMEM_ADDR (address bits 39:8); on
 *	Hopper and Blackwell their flush page's LO register (address bits
 *	31:8, GB10x: HSHUB0's PCIE pair).
 * @flush_hi: NV_PFB_NISO_FLUSH_SYSMEM_ADDR_HI (address bits 63:40); on
 *	Hopper and Blackwell the HI register (address bits 51:32).
 * @flush2_lo: GB10x: HSHUB0's EG flush page LO register.
 * @flush2_hi: GB10x: HSHUB0's EG flush page HI register.
 * @ptimer_offset: what PTIMER's time adds to the host's clock, as the
 *	driver set it.
 * @ptimer_hi: NV_PTIMER_TIME_1 as written, for the next TIME_0 write.
 * @ptimer_intr_en: NV_PTIMER_INTR_EN_0.
 * @ptimer_num: NV_PTIMER_NUMERATOR.
 * @ptimer_den: NV_PTIMER_DENOMINATOR.
 * @ptimer_alarm: NV_PTIMER_ALARM_0 (never fires).
 * @mmu_inval_pdb_lo: NV_VIRTUAL_FUNCTION_PRIV_MMU_INVALIDATE_PDB (bits
 *	31:0 of the page directory base, address >> 8, as nouveau writes it).
 * @mmu_inval_pdb_hi: its upper half.
 * @mmu_inval: NV_VIRTUAL_FUNCTION_PRIV_MMU_INVALIDATE as last written,
 *	its TRIGGER bit (31) clear: an invalidate completes at once.
 * @intr_leaf_en: the interrupt tree's leaf enables
 *	(NV_VIRTUAL_FUNCTION_PRIV_CPU_INTR_LEAF_EN_SET/_CLEAR).
 * @intr_top_en: its top-level enables (CPU_INTR_TOP_EN_SET/_CLEAR).
 * @fsp: the FSP (fsp.c), Hopper and Blackwell.
 * @gsp: GSP-RM (gsp/boot.c), protected by @lock as documented there.
 * @wq: the GPU's worker (host.c), where its engines run; constant.
 * @irq: the Linux interrupt of its line (irq.c); constant.
 * @irqs: interrupts raised (rising levels of the line), emu/irqs.
 * @dma: its bus address space (dma.c), with a lock of its own.
 *
 * The counters (@unmodeled, @dma_errors, @fwsec_runs, @nvidia_ucode_runs,
 * @irqs, &nova_emu_dma.faults, &nova_emu_gsp.errors) count from the
 * creation of the GPU; a reset to the power-on state keeps them.
 */
struct nova_emu_gpu {
	struct list_head node;
	unsigned int id;
	struct nova_emu_config cfg;
	struct platform_device *pdev;
	u8 *rom;
	size_t rom_size;
	/* Protects the counters and the register state, up to gsp. */
	spinlock_t lock;
	u64 unmodeled;
	u64 dma_errors;
	u64 fwsec_runs;
	u64 nvidia_ucode_runs;
	bool irq_level;
	unsigned int irq_storm;
	struct nova_emu_falcon falcon[NOVA_EMU_NUM_FALCONS];
	u32 wpr2_lo;
	u32 wpr2_hi;
	u32 scratch_0e;
	u32 scratch_15;
	u32 flush_lo;
	u32 flush_hi;
	u32 flush2_lo;
	u32 flush2_hi;
	u64 ptimer_offset;
	u32 ptimer_hi;
	u32 ptimer_intr_en;
	u32 ptimer_num;
	u32 ptimer_den;
	u32 ptimer_alarm;
	u32 mmu_inval_pdb_lo;
	u32 mmu_inval_pdb_hi;
	u32 mmu_inval;
	u32 intr_leaf_en[NOVA_EMU_INTR_LEAVES];
	u32 intr_top_en;
	struct nova_emu_fsp fsp;
	struct nova_emu_gsp gsp;
	struct workqueue_struct *wq;
	unsigned int irq;
	atomic64_t irqs;
	struct nova_emu_dma dma;
};

/*
 * What MAILBOX0 holds after an emulated ucode ran (0: success). See
 * docs/emulator.md for the list.
 */
#define NOVA_EMU_MBOX_NO_UCODE		0xbadc0de1 /* no header at BOOTVEC */
#define NOVA_EMU_MBOX_BAD_VERSION	0xbadc0de2 /* unknown header version */
#define NOVA_EMU_MBOX_BAD_KIND		0xbadc0de3 /* kind unknown here */
#define NOVA_EMU_MBOX_RISCV_SELECTED	0xbadc0de4 /* BCR selects RISC-V */
#define NOVA_EMU_MBOX_BROM_MOD_SEL	0xbad0b001 /* MOD_SEL is not RSA-3K */
#define NOVA_EMU_MBOX_BROM_UCODE_ID	0xbad0b002 /* BROM_CURR_UCODE_ID */
#define NOVA_EMU_MBOX_BROM_ENGIDMASK	0xbad0b003 /* BROM_ENGIDMASK */
#define NOVA_EMU_MBOX_BROM_PARAADDR	0xbad0b004 /* signature past DMEM */
#define NOVA_EMU_MBOX_BROM_SIGNATURE	0xbad0b005 /* wrong signature */
#define NOVA_EMU_MBOX_FWSEC_APPIF	0xbadf5e01 /* bad interface table */
#define NOVA_EMU_MBOX_FWSEC_NO_DMAP	0xbadf5e02 /* no DMEMMAPPER entry */
#define NOVA_EMU_MBOX_FWSEC_DMAP	0xbadf5e03 /* bad DMEMMAPPER */
#define NOVA_EMU_MBOX_FWSEC_CMD		0xbadf5e04 /* unknown init_cmd */
#define NOVA_EMU_MBOX_FWSEC_CMD_IN	0xbadf5e05 /* bad command buffer */
#define NOVA_EMU_MBOX_FWSEC_READ_VBIOS	0xbadf5e06 /* bad READ_VBIOS */
#define NOVA_EMU_MBOX_FWSEC_FRTS_HDR	0xbadf5e07 /* bad FRTS_REGION header */
#define NOVA_EMU_MBOX_FWSEC_FRTS_REGION	0xbadf5e08 /* bad size or media */
#define NOVA_EMU_MBOX_FWSEC_FRTS_RANGE	0xbadf5e09 /* region outside VRAM */
#define NOVA_EMU_MBOX_FWSEC_WPR2_EXISTS	0xbadf5e0a /* WPR2 already set */
#define NOVA_EMU_MBOX_FWSEC_FAIL	0xbadf5ec1 /* knob fwsec=fail */
/* The FRTS error code of fwsec=frtserr, in NV_PBUS_SW_SCRATCH(0xe) 31:16. */
#define NOVA_EMU_FRTS_ERR		0x5ec2
#define NOVA_EMU_MBOX_GBL_CTX		0xbad0b101 /* bad DMA context */
#define NOVA_EMU_MBOX_GBL_RANGE		0xbad0b102 /* code/data past memory */
#define NOVA_EMU_MBOX_GBL_DMA		0xbad0b103 /* source not readable */
#define NOVA_EMU_MBOX_SPLIT		0xbad0b104 /* a part of a split ucode not where,
						    * or not in the mode, it belongs
						    */
#define NOVA_EMU_MBOX_BOOTER_FAIL	0xbadb0001 /* knob booter=fail */
#define NOVA_EMU_MBOX_BOOTER_CHIP	0xbadb0002 /* no booter on this chip */
#define NOVA_EMU_MBOX_BOOTER_NOT_SECURE	0xbadb0003 /* code not loaded secure */
#define NOVA_EMU_MBOX_BOOTER_NO_WPR2	0xbadb0004 /* no WPR2 (no FRTS) */
#define NOVA_EMU_MBOX_BOOTER_GSP_BUSY	0xbadb0005 /* GSP-RM loaded already */
#define NOVA_EMU_MBOX_BOOTER_FW		0xbadb0006 /* the emulator's own files */
#define NOVA_EMU_MBOX_BOOTER_RESUME	0xbadb0007 /* resume: GSP mailboxes */
#define NOVA_EMU_MBOX_BOOTER_META_DMA	0xbadb0010 /* WprMeta not readable */
#define NOVA_EMU_MBOX_BOOTER_META	0xbadb0011 /* bad magic or revision */
#define NOVA_EMU_MBOX_BOOTER_RADIX3	0xbadb0012 /* bad radix3 page table */
#define NOVA_EMU_MBOX_BOOTER_IMAGE	0xbadb0013 /* image is not .fwimage */
#define NOVA_EMU_MBOX_BOOTER_BOOTLOADER	0xbadb0014 /* bad RISC-V bootloader */
#define NOVA_EMU_MBOX_BOOTER_SIGNATURE	0xbadb0015 /* bad image signature */
#define NOVA_EMU_MBOX_BOOTER_LAYOUT	0xbadb0016 /* bad FB layout */

/*
 * What GSP-FMC leaves in the GSP's MAILBOX0 when it fails (its lockdown
 * released, GSP-RM not running); 8-bit codes, as GSP-FMC's.
 */
#define NOVA_EMU_FMC_ERR_KNOB		0x5a /* knob fsp=fmcfail */
#define NOVA_EMU_FMC_ERR_LAYOUT		0x5b /* no FB layout fits VRAM */
#define NOVA_EMU_FMC_ERR_RM		0x5c /* GSP-RM crashed at its start */
/* The FSP's errorCodes (NVIDIA's kern_fsp_retval.h). */
#define NOVA_EMU_FSP_OK			0x00
#define NOVA_EMU_FSP_ERR_INVALID_STATE	0x9e /* FSP_ERR_IFS_ERR_INVALID_STATE */
#define NOVA_EMU_FSP_ERR_FILE_NOT_FOUND	0x9f /* FSP_ERR_IFR_FILE_NOT_FOUND */
#define NOVA_EMU_FSP_ERR_NOT_SUPPORTED	0xa0 /* FSP_ERR_IFS_ERR_NOT_SUPPORTED */
#define NOVA_EMU_FSP_ERR_INVALID_DATA	0xa1 /* FSP_ERR_IFS_ERR_INVALID_DATA */
/* What GSP registers read while the PRIV target mask routes them to FSP. */
#define NOVA_EMU_PRIV_MASKED		0xbadf4100

/* regs.c */
extern const struct nova_core_io_ops nova_emu_io_ops;
extern const struct nova_emu_chip nova_emu_chips[];
extern const unsigned int nova_emu_num_chips;

const struct nova_emu_chip *nova_emu_chip_find(const char *name);
const struct nova_emu_chip *nova_emu_chip_of(const struct nova_emu_gpu *gpu);
void nova_emu_chip_boot_regs(const struct nova_emu_chip *chip, u32 *boot0,
			     u32 *boot42);
void nova_emu_config_family(struct nova_emu_config *cfg);

/* config.c: the limits of the keys. */
#define NOVA_EMU_BAR0_DEFAULT	SZ_16M
#define NOVA_EMU_BAR0_MIN	SZ_1M
#define NOVA_EMU_BAR0_MAX	SZ_64M
#define NOVA_EMU_VRAM_DEFAULT	SZ_256M
#define NOVA_EMU_VRAM_MIN	SZ_16M
#define NOVA_EMU_VRAM_MAX	(128ULL * SZ_1G)
#define NOVA_EMU_FB_DEFAULT	(8ULL * SZ_1G)
#define NOVA_EMU_FB_MIN		SZ_1G
#define NOVA_EMU_FB_MAX		(1024ULL * SZ_1G)
#define NOVA_EMU_FUSE_MAX	15

int nova_emu_parse_size(const char *s, u64 min, u64 max, u64 *size);
int nova_emu_config_chip(struct nova_emu_config *cfg, const char *name);
void nova_emu_config_defaults(struct nova_emu_config *cfg,
			      enum nova_emu_booter_mode booter);
int nova_emu_config_finish(struct nova_emu_config *cfg, bool vbios_given);
int nova_emu_booter_parse(const char *s);
int nova_emu_fsp_parse(const char *s);
const char *nova_emu_fsp_mode_name(enum nova_emu_fsp_mode mode);
int nova_emu_config_parse(char *line, struct nova_emu_config *cfg,
			  const char *chip, enum nova_emu_booter_mode booter,
			  const char *who);
void nova_emu_regs_init(struct nova_emu_gpu *gpu);
void nova_emu_power_on(struct nova_emu_gpu *gpu);

/* vbios.c */
int nova_emu_prom_load(struct nova_emu_gpu *gpu, struct device *fwdev);
void nova_emu_prom_free(struct nova_emu_gpu *gpu);
bool nova_emu_prom_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 *val);

/* falcon.c */
int nova_emu_falcons_alloc(struct nova_emu_gpu *gpu);
void nova_emu_falcons_free(struct nova_emu_gpu *gpu);
void nova_emu_falcons_power_on(struct nova_emu_gpu *gpu);
bool nova_emu_falcon_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			u32 addr, u32 *val);
bool nova_emu_falcon_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			u32 addr, u32 val);
bool nova_emu_falcon2_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val);
bool nova_emu_falcon2_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 val);

const char *nova_emu_falcon_state(struct nova_emu_falcon *f);
void nova_emu_falcons_cancel(struct nova_emu_gpu *gpu);
void nova_emu_falcons_flush(struct nova_emu_gpu *gpu);

/* firmware.c */
u32 nova_emu_ucode_run(struct nova_emu_gpu *gpu, struct nova_emu_falcon *f,
		       unsigned int inst);

/* regs.c */
bool nova_emu_irq_update(struct nova_emu_gpu *gpu);
void nova_emu_count(struct nova_emu_gpu *gpu, u64 *counter);

/* irq.c */
int nova_emu_irq_init(void);
void nova_emu_irq_exit(void);
unsigned int nova_emu_irq_map_line(unsigned int line);

/* dma.c */
int nova_emu_dma_init(struct nova_emu_gpu *gpu);
void nova_emu_dma_fini(struct nova_emu_gpu *gpu);
u64 nova_emu_dma_faults(struct nova_emu_gpu *gpu);

/* host.c, the host side of jobs */
void nova_emu_host_job_flush(struct nova_emu_job *job);
void nova_emu_host_job_kill(struct nova_emu_job *job);

/* fsp.c */
void nova_emu_fsp_init(struct nova_emu_gpu *gpu);
void nova_emu_fsp_power_on(struct nova_emu_gpu *gpu);
void nova_emu_fsp_cancel(struct nova_emu_gpu *gpu);
void nova_emu_fsp_flush(struct nova_emu_gpu *gpu);
int nova_emu_fsp_set_mode(struct nova_emu_gpu *gpu, const char *word);
const char *nova_emu_fsp_state(struct nova_emu_gpu *gpu);
bool nova_emu_therm_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		       u32 *val);
bool nova_emu_fsp_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val);
bool nova_emu_fsp_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 val);

/* fb.c */
bool nova_emu_fb_size_encode(u64 size, u32 *val);
void nova_emu_fb_power_on(struct nova_emu_gpu *gpu);
bool nova_emu_pbus_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 *val);
bool nova_emu_pbus_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 val);
bool nova_emu_tu_fuse_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val);
bool nova_emu_pfb_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val);
bool nova_emu_pfb_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 val);
bool nova_emu_pgc6_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 *val);
bool nova_emu_mmu_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val);
bool nova_emu_ptimer_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
			u32 *val);
bool nova_emu_ptimer_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
			u32 val);
bool nova_emu_pdisp_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		       u32 *val);
void nova_emu_wpr2_range(u32 lo, u32 hi, u64 *start, u64 *end);
bool nova_emu_vf_intr_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val);
bool nova_emu_vf_intr_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 val);
bool nova_emu_vf_priv_rd(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 *val);
bool nova_emu_vf_priv_wr(struct nova_emu_gpu *gpu, unsigned int inst,
			 u32 addr, u32 val);
bool nova_emu_fuse_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		      u32 *val);
bool nova_emu_hub_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val);
bool nova_emu_hub_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 val);

#endif /* __NOVA_EMU_H__ */
