/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core falcons: the GSP and SEC2 microcontrollers, and the parts of
 * their handling that differ between chip families (struct
 * nova_falcon_hal).
 */
#ifndef __NOVA_CORE_FALCON_H__
#define __NOVA_CORE_FALCON_H__

#include <linux/atomic.h>
#include <linux/bits.h>
#include <linux/types.h>
#include <linux/wait.h>

struct nova_device;

/* Register bases of the falcons (PFALCON, then PFALCON2 at + 0x1000). */
#define NV_PFALCON_GSP_BASE			0x00110000
#define NV_PFALCON_SEC2_BASE			0x00840000
#define NV_PFALCON2_OFFSET			0x1000

/* PFALCON registers, relative to a falcon's base. */
#define NV_PFALCON_IRQSCLR			0x004
#define NV_PFALCON_IRQSTAT			0x008
#define   NV_PFALCON_IRQ_HALT			BIT(4)
#define   NV_PFALCON_IRQ_SWGEN0			BIT(6)
#define NV_PFALCON_IRQMSET			0x010
#define NV_PFALCON_IRQMCLR			0x014
#define NV_PFALCON_IRQMASK			0x018
#define NV_PFALCON_MAILBOX0			0x040
#define NV_PFALCON_MAILBOX1			0x044
#define NV_PFALCON_OS				0x080
#define NV_PFALCON_RM				0x084
#define NV_PFALCON_HWCFG2			0x0f4
#define   NV_PFALCON_HWCFG2_RESET_READY		BIT(31)
#define   NV_PFALCON_HWCFG2_MEM_SCRUBBING	BIT(12)
#define NV_PFALCON_CPUCTL			0x100
#define   NV_PFALCON_CPUCTL_ALIAS_EN		BIT(6)
#define   NV_PFALCON_CPUCTL_HALTED		BIT(4)
#define   NV_PFALCON_CPUCTL_STARTCPU		BIT(1)
#define NV_PFALCON_BOOTVEC			0x104
#define NV_PFALCON_DMACTL			0x10c
#define   NV_PFALCON_DMACTL_IMEM_SCRUBBING	BIT(2)
#define   NV_PFALCON_DMACTL_DMEM_SCRUBBING	BIT(1)
#define   NV_PFALCON_DMACTL_REQUIRE_CTX		BIT(0)
#define NV_PFALCON_DMATRFBASE			0x110	/* addr >> 8 */
#define NV_PFALCON_DMATRFMOFFS			0x114
#define NV_PFALCON_DMATRFCMD			0x118
#define   NV_PFALCON_DMATRFCMD_SIZE		GENMASK(10, 8)
#define   NV_PFALCON_DMATRFCMD_SIZE_256B	6
#define   NV_PFALCON_DMATRFCMD_IMEM		BIT(4)
#define   NV_PFALCON_DMATRFCMD_IDLE		BIT(1)
#define NV_PFALCON_DMATRFFBOFFS			0x11c
#define NV_PFALCON_DMATRFBASE1			0x128	/* addr >> 40 */
#define NV_PFALCON_CPUCTL_ALIAS			0x130
#define NV_PFALCON_IMEMC			0x180	/* port 0 */
#define NV_PFALCON_IMEMD			0x184
#define NV_PFALCON_IMEMT			0x188
#define NV_PFALCON_DMEMC			0x1c0	/* port 0 */
#define NV_PFALCON_DMEMD			0x1c4
#define   NV_PFALCON_MEMC_SECURE		BIT(28)
#define   NV_PFALCON_MEMC_AINCW			BIT(24)
#define   NV_PFALCON_MEMC_OFFS			GENMASK(15, 0)
#define NV_PFALCON_ENGINE			0x3c0
#define   NV_PFALCON_ENGINE_RESET		BIT(0)
#define NV_PFALCON_FBIF_TRANSCFG0		0x600	/* 8 contexts, 4 bytes apart */
#define   NV_PFALCON_FBIF_TRANSCFG_TARGET	GENMASK(2, 0)
#define   NV_PFALCON_FBIF_TRANSCFG_PHYSICAL	BIT(2)
#define   NV_PFALCON_FBIF_TRANSCFG_COHERENT	1
#define NV_PFALCON_FBIF_CTL			0x624
#define   NV_PFALCON_FBIF_CTL_ALLOW_PHYS_NO_CTX	BIT(7)

/* PFALCON2 registers, relative to a falcon's base. */
#define NV_PFALCON2_MOD_SEL			(NV_PFALCON2_OFFSET + 0x180)
#define   NV_PFALCON2_MOD_SEL_RSA3K		1
#define NV_PFALCON2_BROM_CURR_UCODE_ID		(NV_PFALCON2_OFFSET + 0x198)
#define NV_PFALCON2_BROM_ENGIDMASK		(NV_PFALCON2_OFFSET + 0x19c)
#define NV_PFALCON2_BROM_PARAADDR0		(NV_PFALCON2_OFFSET + 0x210)
/* TU10x, TU11x, GA100: NV_PRISCV_RISCV_CORE_SWITCH_RISCV_STATUS. */
#define NV_PFALCON2_RISCV_STATUS_TU102		(NV_PFALCON2_OFFSET + 0x240)
#define   NV_PFALCON2_RISCV_STATUS_ACTIVE	BIT(0)
/* GA102 and later: NV_PRISCV_RISCV_CPUCTL. */
#define NV_PFALCON2_RISCV_CPUCTL_GA102		(NV_PFALCON2_OFFSET + 0x388)
#define   NV_PFALCON2_RISCV_CPUCTL_ACTIVE	BIT(7)
#define NV_PFALCON2_RISCV_BCR_CTRL		(NV_PFALCON2_OFFSET + 0x668)
#define   NV_PFALCON2_RISCV_BCR_CTRL_CORE_SELECT	BIT(4)
#define   NV_PFALCON2_RISCV_BCR_CTRL_VALID	BIT(0)

/* Falcon memories are loaded in blocks of this many bytes. */
#define NOVA_FALCON_BLOCK			256

/**
 * struct nova_falcon_load - what to load into a falcon and how to boot it
 * @image: the ucode; IMEM and DMEM contents are taken from it.
 * @image_len: length of @image in bytes.
 * @imem_src: offset in @image of the IMEM contents.
 * @imem_dst: IMEM address to load them at.
 * @imem_len: bytes of IMEM contents.
 * @imem_secure: load IMEM as secure (heavy-secure ucode).
 * @imem_tag: (PIO) tag of the first IMEM block, the next blocks counting
 *	up from it; usually @imem_dst / 256.
 * @dmem_src: offset in @image of the DMEM contents.
 * @dmem_dst: DMEM address to load them at.
 * @dmem_len: bytes of DMEM contents.
 * @boot_vector: IMEM address the CPU starts at.
 * @brom: whether the boot ROM must check a signature (heavy-secure ucode on
 *	chips whose HAL programs the BROM).
 * @pkc_data_offset: (@brom) DMEM offset of the patched signature.
 * @engine_id_mask: (@brom) engines the ucode was signed for.
 * @ucode_id: (@brom) the ucode id.
 */
struct nova_falcon_load {
	const u8 *image;
	size_t image_len;
	u32 imem_src;
	u32 imem_dst;
	u32 imem_len;
	bool imem_secure;
	u32 imem_tag;
	u32 dmem_src;
	u32 dmem_dst;
	u32 dmem_len;
	u32 boot_vector;
	bool brom;
	u32 pkc_data_offset;
	u32 engine_id_mask;
	u32 ucode_id;
};

/**
 * struct nova_falcon - one falcon of a GPU
 * @nd: the GPU.
 * @name: "GSP" or "SEC2", for messages.
 * @base: BAR0 offset of its PFALCON registers.
 * @halt_wq: where nova_falcon_boot() waits for the halt; the interrupt
 *	thread wakes it.
 * @irq_pending: interrupts the hard interrupt handler took (and masked)
 *	for the thread to handle; protected by &nova_device.irq_lock.
 * @booting: a nova_falcon_boot() is waiting for the halt (READ_ONCE /
 *	WRITE_ONCE: the interrupt thread reads it).
 * @stray_halts: halt interrupts with no boot waiting since the last boot
 *	started (which clears it); counted by the interrupt thread.
 * @swgen0: called by the interrupt thread on SWGEN0 (the GSP's: GSP-RM
 *	wrote messages); NULL for none.
 */
struct nova_falcon {
	struct nova_device *nd;
	const char *name;
	u32 base;
	wait_queue_head_t halt_wq;
	u32 irq_pending;
	bool booting;
	atomic_t stray_halts;
	void (*swgen0)(struct nova_device *nd);
};

/**
 * struct nova_falcon_hal - falcon handling that differs between families
 * @reset_ready: before the engine reset: wait for the falcon to be ready
 *	for it. May be NULL.
 * @select_core: after the engine reset: switch the core to falcon mode.
 *	May be NULL.
 * @scrub_wait: wait for the memory scrubbing that follows a reset.
 * @fuse_version: read the signature fuse version for a ucode.
 * @brom_program: program the boot ROM's signature check. May be NULL for
 *	families whose BROM needs no programming.
 * @load: copy the IMEM and DMEM contents into the falcon (DMA or PIO).
 * @riscv_active: whether the falcon's RISC-V core runs.
 */
struct nova_falcon_hal {
	void (*reset_ready)(struct nova_falcon *f);
	int (*select_core)(struct nova_falcon *f);
	int (*scrub_wait)(struct nova_falcon *f);
	int (*fuse_version)(struct nova_falcon *f, u32 engine_id_mask,
			    u32 ucode_id, u32 *version);
	void (*brom_program)(struct nova_falcon *f,
			     const struct nova_falcon_load *ld);
	int (*load)(struct nova_falcon *f, const struct nova_falcon_load *ld);
	bool (*riscv_active)(struct nova_falcon *f);
};

extern const struct nova_falcon_hal nova_falcon_hal_tu102;
extern const struct nova_falcon_hal nova_falcon_hal_ga102;

void nova_falcon_init(struct nova_falcon *f, struct nova_device *nd,
		      const char *name, u32 base);
int nova_falcon_reset(struct nova_falcon *f);
int nova_falcon_load(struct nova_falcon *f, const struct nova_falcon_load *ld);
int nova_falcon_boot(struct nova_falcon *f, u32 mbox0_in, u32 mbox1_in,
		     u32 *mbox0, u32 *mbox1);
void nova_falcon_start(struct nova_falcon *f);
int nova_falcon_rerun(struct nova_falcon *f, u32 *mbox0);
void nova_falcon_irq_enable(struct nova_falcon *f, u32 irqs);
void nova_falcon_irq_disable(struct nova_falcon *f, u32 irqs);
int nova_falcon_wait_halted(struct nova_falcon *f, u64 timeout_us);
u32 nova_falcon_mailbox0(struct nova_falcon *f);
void nova_falcon_set_mailboxes(struct nova_falcon *f, u32 mbox0, u32 mbox1);
void nova_falcon_set_os(struct nova_falcon *f, u32 os);
bool nova_falcon_riscv_active(struct nova_falcon *f);
void nova_falcon_dma_ctx_sysmem(struct nova_falcon *f, unsigned int ctx);
void nova_falcon_irq_quiet(struct nova_falcon *f);
u32 nova_falcon_irq_take(struct nova_falcon *f);
void nova_falcon_irq_handle(struct nova_falcon *f);
int nova_falcon_fuse_version(struct nova_falcon *f, u32 engine_id_mask,
			     u32 ucode_id, u32 *version);

#endif /* __NOVA_CORE_FALCON_H__ */
