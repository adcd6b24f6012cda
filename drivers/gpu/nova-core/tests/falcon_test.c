// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's falcon handling (falcon.c) on the GSP and
 * SEC2 falcons. Behind the register seam is a small model of a falcon that
 * does with the driver's writes what the hardware does: the engine reset
 * and the memory scrubbing that follows it, the RISC-V core select, the
 * IMEM and DMEM PIO ports with their tags, the CPU that runs after a start
 * and halts with its mailboxes set, the interrupt status and mask. The
 * cases check the state the driver leaves the falcon in, and where order
 * matters, the state the model saw at the moment that counts (the CPU
 * start, an RM write, a memory write), not the sequence of writes.
 *
 * Not covered here: DMA loads (the GA102 HAL) need a DMA-capable device,
 * and a falcon that never halts takes the 2 s boot timeout; the guest
 * tests cover both.
 */

#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/nova_core_emu.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <linux/nova_compat.h>

#include "../device.h"
#include "../falcon/falcon.h"
#include "../regs.h"

/* NV_PMC_BOOT_0 of the fake GPU (a GA102), copied into the RM register. */
#define T_BOOT0		0x172000a1
/* Each of IMEM and DMEM: 64 KiB, in words and in blocks. */
#define T_MEM		0x10000
#define T_WORDS		(T_MEM / 4)
#define T_BLOCKS	(T_MEM / NOVA_FALCON_BLOCK)
/* What a memory word holds before anything wrote it. */
#define T_POISON	0xdeadbeef
/* Per word of memory: written since the last scrubbing, in secure mode. */
#define T_WRITTEN	BIT(0)
#define T_SECURE	BIT(1)
/* Tag of an IMEM block no word was written to since the last scrubbing. */
#define T_NO_TAG	(-1)
/* Tag of a block whose first word came with no IMEMT written before it. */
#define T_STALE_TAG	(-2)
/* GA102 fuses: NVDEC, SEC2, (something else), GSP, 16 each. */
#define T_FUSE0		NV_FUSE_OPT_FPF_NVDEC_UCODE1_VERSION
#define T_NFUSES	64
#define T_FUSE_HOLE	32
/* Fuses a case does not look at hold this: fuse version 31. */
#define T_FUSE_OTHER	0x40000000
/* An interrupt of the falcon other than the halt. */
#define T_IRQ_OTHER	BIT(6)
/* BCR_CTRL with the RISC-V core selected, and with the falcon one. */
#define T_BCR_RISCV	(NV_PFALCON2_RISCV_BCR_CTRL_CORE_SELECT | \
			 NV_PFALCON2_RISCV_BCR_CTRL_VALID | BIT(8))
#define T_BCR_FALCON	NV_PFALCON2_RISCV_BCR_CTRL_VALID

/* The device that messages are logged against (suite_init). */
static struct device *t_dev;

/**
 * struct t_mem - IMEM or DMEM of the model, and its PIO port
 * @word: the contents, %T_WORDS words.
 * @attr: per word, %T_WRITTEN and %T_SECURE.
 * @tag: (IMEM) per block, its tag, or %T_NO_TAG or %T_STALE_TAG.
 * @ctl: the port's control register (IMEMC, DMEMC).
 * @next_tag: (IMEM) the last value written to IMEMT.
 * @tag_written: (IMEM) IMEMT was written since a block's first word was.
 */
struct t_mem {
	u32 *word;
	u8 *attr;
	int *tag;
	u32 ctl;
	u32 next_tag;
	bool tag_written;
};

/**
 * struct t_start - the falcon's state when its CPU was last started
 * @count: CPU starts so far.
 * @mailbox: MAILBOX0 and MAILBOX1.
 * @irqstat: IRQSTAT.
 * @irqmask: IRQMASK.
 * @bootvec: BOOTVEC.
 * @mod_sel: (GA102) MOD_SEL.
 * @engidmask: (GA102) BROM_ENGIDMASK.
 * @ucode_id: (GA102) BROM_CURR_UCODE_ID.
 * @paraaddr0: (GA102) BROM_PARAADDR0.
 */
struct t_start {
	unsigned int count;
	u32 mailbox[2];
	u32 irqstat;
	u32 irqmask;
	u32 bootvec;
	u32 mod_sel;
	u32 engidmask;
	u32 ucode_id;
	u32 paraaddr0;
};

/*
 * The fake GPU: one falcon, modelled. The countdowns (ready_left,
 * scrub_left, bcr_left, halt_left) count the reads of their register that
 * still show the old state; a negative one never ends. A wait that ends
 * does so at the read that shows it ended, so a driver that does not look
 * is caught going on early. The cases that expect a poll to succeed use a
 * count of one: read_poll_timeout() reads once more after its deadline,
 * so a host stall between two polls (TCG, a loaded machine) cannot turn a
 * wait that ends into a timeout.
 */
struct t_gpu {
	struct nova_device nd;
	struct nova_hal hal;
	struct nova_falcon_hal fhal;
	struct nova_falcon *f;
	u32 base;
	bool ga102;
	/* Gone from the bus: every read is all ones, writes go nowhere. */
	bool gone;

	/* Registers that hold what is written. */
	u32 mailbox[2];
	u32 rm;
	u32 bootvec;
	u32 hwcfg2;
	u32 dmactl;
	u32 cpuctl;
	u32 transcfg[8];
	u32 fbif_ctl;
	u32 mod_sel;
	u32 engidmask;
	u32 ucode_id;
	u32 paraaddr0;
	u32 fuse[T_NFUSES];
	u32 irqstat;
	u32 irqmask;

	struct t_mem imem;
	struct t_mem dmem;

	/* Reset: RESET_READY (GA102), the engine reset, then scrubbing. */
	int ready_left;
	bool ready;
	unsigned int early_resets;
	bool in_reset;
	unsigned int resets;
	int scrub_reads;
	int scrub_left;
	bool scrubbing;
	unsigned int scrub_seen;
	/* RISC-V BCR_CTRL (GA102): back to bcr_reset on a reset. */
	u32 bcr;
	u32 bcr_reset;
	int bcr_reads;
	int bcr_left;
	bool switching;
	/* Accesses while the falcon could not take them. */
	unsigned int rm_writes;
	unsigned int bad_rm;
	unsigned int bad_mem;

	/* CPU: halts after some reads of CPUCTL, leaving mbox_out. */
	bool running;
	bool halted;
	int halt_reads;
	int halt_left;
	u32 mbox_out[2];
	struct t_start start;

	unsigned int writes;
	unsigned int unknown;
	u32 unknown_addr;
};

/* One read of a register with a countdown: true once it has run out. */
static bool t_tick(int *left)
{
	if (!*left)
		return true;
	if (*left > 0)
		(*left)--;
	return false;
}

static void t_mem_clear(struct t_mem *m)
{
	unsigned int i;

	memset(m->word, 0, T_MEM);
	memset(m->attr, 0, T_WORDS);
	if (m->tag)
		for (i = 0; i < T_BLOCKS; i++)
			m->tag[i] = T_NO_TAG;
}

/* A read of the register that reports scrubbing: true while it goes on. */
static bool t_scrubbing(struct t_gpu *g)
{
	if (!g->scrubbing)
		return false;
	if (!t_tick(&g->scrub_left)) {
		g->scrub_seen++;
		return true;
	}
	g->scrubbing = false;
	t_mem_clear(&g->imem);
	t_mem_clear(&g->dmem);
	return false;
}

static void t_halt(struct t_gpu *g)
{
	g->running = false;
	g->halted = true;
	g->irqstat |= NV_PFALCON_IRQ_HALT;
	g->mailbox[0] = g->mbox_out[0];
	g->mailbox[1] = g->mbox_out[1];
}

static void t_start_cpu(struct t_gpu *g)
{
	struct t_start *s = &g->start;

	if (g->running)
		return;
	g->running = true;
	g->halted = false;
	g->halt_left = g->halt_reads;
	s->count++;
	s->mailbox[0] = g->mailbox[0];
	s->mailbox[1] = g->mailbox[1];
	s->irqstat = g->irqstat;
	s->irqmask = g->irqmask;
	s->bootvec = g->bootvec;
	s->mod_sel = g->mod_sel;
	s->engidmask = g->engidmask;
	s->ucode_id = g->ucode_id;
	s->paraaddr0 = g->paraaddr0;
}

/* A word written to a memory's data port, at the port's offset. */
static void t_mem_write(struct t_gpu *g, struct t_mem *m, u32 val)
{
	u32 off = FIELD_GET(NV_PFALCON_MEMC_OFFS, m->ctl) & ~3U;

	if (m->tag && IS_ALIGNED(off, NOVA_FALCON_BLOCK)) {
		m->tag[off / NOVA_FALCON_BLOCK] = m->tag_written ?
						  (int)m->next_tag : T_STALE_TAG;
		m->tag_written = false;
	}
	m->word[off / 4] = val;
	m->attr[off / 4] = T_WRITTEN |
			   (m->ctl & NV_PFALCON_MEMC_SECURE ? T_SECURE : 0);
	if (m->ctl & NV_PFALCON_MEMC_AINCW)
		m->ctl = (m->ctl & ~NV_PFALCON_MEMC_OFFS) |
			 FIELD_PREP(NV_PFALCON_MEMC_OFFS, off + 4);
}

static bool t_is_fuse(struct t_gpu *g, u32 addr)
{
	return g->ga102 && addr >= T_FUSE0 && addr < T_FUSE0 + 4 * T_NFUSES &&
	       (addr - T_FUSE0) / 4 / 16 != T_FUSE_HOLE / 16;
}

static bool t_is_transcfg(u32 reg)
{
	return reg >= NV_PFALCON_FBIF_TRANSCFG0 &&
	       reg < NV_PFALCON_FBIF_TRANSCFG0 + 4 * 8 && !(reg & 3);
}

static bool t_is_mem_port(u32 reg)
{
	return reg == NV_PFALCON_IMEMC || reg == NV_PFALCON_IMEMD ||
	       reg == NV_PFALCON_IMEMT || reg == NV_PFALCON_DMEMC ||
	       reg == NV_PFALCON_DMEMD;
}

static u32 t_unknown(struct t_gpu *g, u32 addr)
{
	g->unknown++;
	g->unknown_addr = addr;
	return 0;
}

static u32 t_rd32(void *priv, u32 addr)
{
	struct t_gpu *g = priv;
	u32 reg = addr - g->base, val;

	if (g->gone)
		return U32_MAX;
	if (addr == NV_PMC_BOOT_0)
		return T_BOOT0;
	if (t_is_fuse(g, addr))
		return g->fuse[(addr - T_FUSE0) / 4];
	if (addr < g->base)
		return t_unknown(g, addr);
	if (t_is_transcfg(reg))
		return g->transcfg[(reg - NV_PFALCON_FBIF_TRANSCFG0) / 4];

	switch (reg) {
	case NV_PFALCON_IRQSTAT:
		return g->irqstat;
	case NV_PFALCON_IRQMASK:
		return g->irqmask;
	case NV_PFALCON_MAILBOX0:
		return g->mailbox[0];
	case NV_PFALCON_MAILBOX1:
		return g->mailbox[1];
	case NV_PFALCON_RM:
		return g->rm;
	case NV_PFALCON_HWCFG2:
		val = g->hwcfg2;
		if (g->ga102) {
			if (!g->ready && t_tick(&g->ready_left))
				g->ready = true;
			if (g->ready)
				val |= NV_PFALCON_HWCFG2_RESET_READY;
			if (t_scrubbing(g))
				val |= NV_PFALCON_HWCFG2_MEM_SCRUBBING;
		}
		return val;
	case NV_PFALCON_CPUCTL:
		if (g->running && t_tick(&g->halt_left))
			t_halt(g);
		return g->cpuctl | (g->halted ? NV_PFALCON_CPUCTL_HALTED : 0);
	case NV_PFALCON_BOOTVEC:
		return g->bootvec;
	case NV_PFALCON_DMACTL:
		val = g->dmactl;
		if (!g->ga102 && t_scrubbing(g))
			val |= NV_PFALCON_DMACTL_IMEM_SCRUBBING |
			       NV_PFALCON_DMACTL_DMEM_SCRUBBING;
		return val;
	case NV_PFALCON_ENGINE:
		return g->in_reset ? NV_PFALCON_ENGINE_RESET : 0;
	case NV_PFALCON_FBIF_CTL:
		return g->fbif_ctl;
	}
	if (!g->ga102)
		return t_unknown(g, addr);
	switch (reg) {
	case NV_PFALCON2_MOD_SEL:
		return g->mod_sel;
	case NV_PFALCON2_BROM_ENGIDMASK:
		return g->engidmask;
	case NV_PFALCON2_BROM_CURR_UCODE_ID:
		return g->ucode_id;
	case NV_PFALCON2_BROM_PARAADDR0:
		return g->paraaddr0;
	case NV_PFALCON2_RISCV_BCR_CTRL:
		if (g->switching && t_tick(&g->bcr_left)) {
			g->switching = false;
			g->bcr |= NV_PFALCON2_RISCV_BCR_CTRL_VALID;
		}
		return g->bcr;
	}
	return t_unknown(g, addr);
}

static void t_engine_wr(struct t_gpu *g, u32 val)
{
	if (val & NV_PFALCON_ENGINE_RESET) {
		if (g->ga102 && !g->ready)
			g->early_resets++;
		g->in_reset = true;
		return;
	}
	if (!g->in_reset)
		return;
	/* Released: the falcon comes up as after power-on and scrubs. */
	g->in_reset = false;
	g->resets++;
	g->scrubbing = true;
	g->scrub_left = g->scrub_reads;
	g->bcr = g->bcr_reset;
	g->switching = false;
	g->running = false;
	g->halted = false;
}

static void t_wr32(void *priv, u32 addr, u32 val)
{
	struct t_gpu *g = priv;
	u32 reg = addr - g->base;

	g->writes++;
	if (g->gone)
		return;
	if (addr < g->base) {
		t_unknown(g, addr);
		return;
	}
	if (t_is_transcfg(reg)) {
		g->transcfg[(reg - NV_PFALCON_FBIF_TRANSCFG0) / 4] = val;
		return;
	}
	if (t_is_mem_port(reg) && (g->in_reset || g->scrubbing))
		g->bad_mem++;

	switch (reg) {
	case NV_PFALCON_IRQSCLR:
		g->irqstat &= ~val;
		return;
	case NV_PFALCON_IRQMSET:
		g->irqmask |= val;
		return;
	case NV_PFALCON_IRQMCLR:
		g->irqmask &= ~val;
		return;
	case NV_PFALCON_MAILBOX0:
		g->mailbox[0] = val;
		return;
	case NV_PFALCON_MAILBOX1:
		g->mailbox[1] = val;
		return;
	case NV_PFALCON_RM:
		g->rm_writes++;
		if (g->in_reset || g->scrubbing || g->switching)
			g->bad_rm++;
		g->rm = val;
		return;
	case NV_PFALCON_CPUCTL:
		/* STARTCPU is a trigger, ignored while the alias is on. */
		if ((val & NV_PFALCON_CPUCTL_STARTCPU) &&
		    !(g->cpuctl & NV_PFALCON_CPUCTL_ALIAS_EN))
			t_start_cpu(g);
		return;
	case NV_PFALCON_CPUCTL_ALIAS:
		if ((val & NV_PFALCON_CPUCTL_STARTCPU) &&
		    (g->cpuctl & NV_PFALCON_CPUCTL_ALIAS_EN))
			t_start_cpu(g);
		return;
	case NV_PFALCON_BOOTVEC:
		g->bootvec = val;
		return;
	case NV_PFALCON_DMACTL:
		g->dmactl = val & NV_PFALCON_DMACTL_REQUIRE_CTX;
		return;
	case NV_PFALCON_IMEMC:
		g->imem.ctl = val;
		return;
	case NV_PFALCON_IMEMD:
		t_mem_write(g, &g->imem, val);
		return;
	case NV_PFALCON_IMEMT:
		g->imem.next_tag = val;
		g->imem.tag_written = true;
		return;
	case NV_PFALCON_DMEMC:
		g->dmem.ctl = val;
		return;
	case NV_PFALCON_DMEMD:
		t_mem_write(g, &g->dmem, val);
		return;
	case NV_PFALCON_ENGINE:
		t_engine_wr(g, val);
		return;
	case NV_PFALCON_FBIF_CTL:
		g->fbif_ctl = val;
		return;
	}
	if (!g->ga102) {
		t_unknown(g, addr);
		return;
	}
	switch (reg) {
	case NV_PFALCON2_MOD_SEL:
		g->mod_sel = val;
		return;
	case NV_PFALCON2_BROM_ENGIDMASK:
		g->engidmask = val;
		return;
	case NV_PFALCON2_BROM_CURR_UCODE_ID:
		g->ucode_id = val;
		return;
	case NV_PFALCON2_BROM_PARAADDR0:
		g->paraaddr0 = val;
		return;
	case NV_PFALCON2_RISCV_BCR_CTRL:
		g->bcr = val & ~NV_PFALCON2_RISCV_BCR_CTRL_VALID;
		/* To the falcon core: VALID again once switched. */
		g->switching = !(val & NV_PFALCON2_RISCV_BCR_CTRL_CORE_SELECT);
		g->bcr_left = g->bcr_reads;
		return;
	}
	t_unknown(g, addr);
}

static const struct nova_core_io_ops t_io_ops = {
	.rd32 = t_rd32,
	.wr32 = t_wr32,
};

static void t_mem_init(struct kunit *test, struct t_mem *m, bool imem)
{
	unsigned int i;

	m->word = kunit_kmalloc(test, T_MEM, GFP_KERNEL);
	m->attr = kunit_kzalloc(test, T_WORDS, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->word);
	KUNIT_ASSERT_NOT_NULL(test, m->attr);
	for (i = 0; i < T_WORDS; i++)
		m->word[i] = T_POISON;
	if (!imem)
		return;
	m->tag = kunit_kmalloc_array(test, T_BLOCKS, sizeof(*m->tag),
				     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->tag);
	for (i = 0; i < T_BLOCKS; i++)
		m->tag[i] = T_NO_TAG;
}

/*
 * A fake GPU of the Turing or GA102 family with one falcon at @base,
 * driven through that family's falcon HAL (&t_gpu.fhal, which a case may
 * change). Out of reset, ready for one, the falcon core selected, the CPU
 * not started; each wait ends after one read.
 */
static struct t_gpu *t_gpu_new(struct kunit *test, bool ga102, u32 base)
{
	struct t_gpu *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, g);
	g->ga102 = ga102;
	g->fhal = ga102 ? nova_falcon_hal_ga102 : nova_falcon_hal_tu102;
	g->hal.name = ga102 ? "ga102" : "tu102";
	g->hal.falcon = &g->fhal;
	g->nd.dev = t_dev;
	g->nd.io.ops = &t_io_ops;
	g->nd.io.priv = g;
	g->nd.hal = &g->hal;
	spin_lock_init(&g->nd.irq_lock);
	g->base = base;
	g->f = base == NV_PFALCON_GSP_BASE ? &g->nd.gsp : &g->nd.sec2;
	nova_falcon_init(g->f, &g->nd,
			 base == NV_PFALCON_GSP_BASE ? "GSP" : "SEC2", base);

	t_mem_init(test, &g->imem, true);
	t_mem_init(test, &g->dmem, false);
	/* Bits that are not the ones waited for must not hold a wait up. */
	g->dmactl = NV_PFALCON_DMACTL_REQUIRE_CTX;
	g->hwcfg2 = 0x3;
	g->bcr_reset = T_BCR_FALCON;
	g->bcr = T_BCR_FALCON;
	g->scrub_reads = 1;
	g->bcr_reads = 1;
	g->halt_reads = 3;
	for (i = 0; i < T_NFUSES; i++)
		g->fuse[i] = T_FUSE_OTHER;
	return g;
}

/* No register that the model does not have was read or written. */
static void t_expect_clean(struct kunit *test, struct t_gpu *g)
{
	KUNIT_EXPECT_EQ_MSG(test, g->unknown, 0U,
			    "%s: access to a register the falcon does not have, e.g. 0x%06x",
			    g->f->name, g->unknown_addr);
}

/*
 * A reset that succeeded: one pulse of the engine reset, the scrubbing
 * seen going on and then over, RM written only after it (and after any
 * core switch), with NV_PMC_BOOT_0, and the falcon core selected.
 */
static void t_expect_reset_done(struct kunit *test, struct t_gpu *g)
{
	const char *n = g->f->name;

	KUNIT_EXPECT_EQ_MSG(test, g->resets, 1U, "%s: engine resets", n);
	KUNIT_EXPECT_FALSE_MSG(test, g->in_reset, "%s: left in reset", n);
	KUNIT_EXPECT_GE_MSG(test, g->scrub_seen, 1U,
			    "%s: scrubbing status not read while scrubbing", n);
	KUNIT_EXPECT_FALSE_MSG(test, g->scrubbing, "%s: end of scrubbing not seen", n);
	KUNIT_EXPECT_EQ_MSG(test, g->rm, (u32)T_BOOT0, "%s: RM", n);
	KUNIT_EXPECT_EQ_MSG(test, g->bad_rm, 0U,
			    "%s: RM written during reset, scrubbing or core switch", n);
	if (g->ga102) {
		KUNIT_EXPECT_EQ_MSG(test, g->bcr & (NV_PFALCON2_RISCV_BCR_CTRL_CORE_SELECT |
						    NV_PFALCON2_RISCV_BCR_CTRL_VALID),
				    (u32)NV_PFALCON2_RISCV_BCR_CTRL_VALID,
				    "%s: BCR_CTRL: falcon core, VALID", n);
		KUNIT_EXPECT_FALSE_MSG(test, g->switching,
				       "%s: end of core switch not seen", n);
	}
	t_expect_clean(test, g);
}

static const u32 t_bases[] = { NV_PFALCON_GSP_BASE, NV_PFALCON_SEC2_BASE };

/*
 * Turing: the engine reset pulsed, the DMACTL scrubbing waited for (not
 * held up by REQUIRE_CTX), RM = NV_PMC_BOOT_0 once scrubbing is over.
 */
static void falcon_reset_tu102(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, false, t_bases[i]);

		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		t_expect_reset_done(test, g);
	}
}

/* Turing: scrubbing that never ends times out (10 ms); RM is not written. */
static void falcon_reset_tu102_timeout(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, false, t_bases[i]);

		g->scrub_reads = -1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), -ETIMEDOUT, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->resets, 1U, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->rm_writes, 0U, "%s", g->f->name);
		t_expect_clean(test, g);
	}
}

/*
 * GA102: the engine reset only once RESET_READY is seen, or after 150 us
 * without it; after the reset (which selects the RISC-V core again where
 * that is the default) the falcon core selected and its VALID waited for,
 * the HWCFG2 scrubbing waited for, then RM = NV_PMC_BOOT_0.
 */
static void falcon_reset_ga102(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, true, t_bases[i]);

		/* RISC-V core out of reset; ready after one read. */
		g->bcr_reset = T_BCR_RISCV;
		g->ready_left = 1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->early_resets, 0U,
				    "%s: reset before RESET_READY", g->f->name);
		t_expect_reset_done(test, g);

		/* Falcon core out of reset. */
		g = t_gpu_new(test, true, t_bases[i]);
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->early_resets, 0U,
				    "%s: reset before RESET_READY", g->f->name);
		t_expect_reset_done(test, g);

		/* RESET_READY never set: the reset goes ahead regardless. */
		g = t_gpu_new(test, true, t_bases[i]);
		g->bcr_reset = T_BCR_RISCV;
		g->ready_left = -1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		t_expect_reset_done(test, g);
	}
}

/* GA102: scrubbing or a core switch that never ends times out. */
static void falcon_reset_ga102_timeout(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, true, t_bases[i]);

		/* Scrubbing never ends (20 ms). */
		g->scrub_reads = -1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), -ETIMEDOUT, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->resets, 1U, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->rm_writes, 0U, "%s", g->f->name);
		t_expect_clean(test, g);

		/* VALID never comes up after the core switch (10 ms). */
		g = t_gpu_new(test, true, t_bases[i]);
		g->bcr_reset = T_BCR_RISCV;
		g->bcr_reads = -1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), -ETIMEDOUT, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->resets, 1U, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->rm_writes, 0U, "%s", g->f->name);
		t_expect_clean(test, g);
	}
}

/* An image of @len bytes, each a function of its offset. */
static u8 *t_image(struct kunit *test, size_t len)
{
	u8 *img = kunit_kzalloc(test, len, GFP_KERNEL);
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, img);
	for (i = 0; i < len; i++)
		img[i] = (u8)(i * 13 + 0x5a);
	return img;
}

/*
 * Checks one memory after a load: from @dst, @len bytes of @src and zeros
 * to the end of the last block, (IMEM) secure as asked and each block
 * tagged @tag, @tag + 1, ...; no word outside them written, no other block
 * tagged. Reports the first difference only.
 */
static void t_expect_mem(struct kunit *test, struct t_gpu *g, bool imem,
			 u32 dst, const u8 *src, u32 len, bool secure, u32 tag)
{
	struct t_mem *m = imem ? &g->imem : &g->dmem;
	const char *what = imem ? "IMEM" : "DMEM";
	u32 end = dst + ALIGN(len, NOVA_FALCON_BLOCK), off, want, i;
	int want_tag;
	u8 attr;

	for (off = 0; off < T_MEM; off += 4) {
		attr = m->attr[off / 4];
		if (off < dst || off >= end) {
			if (!attr)
				continue;
			KUNIT_FAIL(test, "%s %s 0x%04x: written, outside 0x%04x..0x%04x",
				   g->f->name, what, off, dst, end);
			return;
		}
		want = 0;
		for (i = 0; i < 4 && off - dst + i < len; i++)
			want |= (u32)src[off - dst + i] << (8 * i);
		if (!(attr & T_WRITTEN) || m->word[off / 4] != want) {
			KUNIT_FAIL(test, "%s %s 0x%04x: 0x%08x%s, expected 0x%08x",
				   g->f->name, what, off, m->word[off / 4],
				   attr & T_WRITTEN ? "" : " (not written)", want);
			return;
		}
		if (!!(attr & T_SECURE) != (imem && secure)) {
			KUNIT_FAIL(test, "%s %s 0x%04x: %ssecure", g->f->name, what,
				   off, attr & T_SECURE ? "" : "not ");
			return;
		}
	}
	if (!imem)
		return;
	for (i = 0; i < T_BLOCKS; i++) {
		off = i * NOVA_FALCON_BLOCK;
		want_tag = off >= dst && off < end ?
			   (int)(tag + (off - dst) / NOVA_FALCON_BLOCK) : T_NO_TAG;
		if (m->tag[i] != want_tag) {
			/* -1: untagged; -2: no IMEMT before its first word. */
			KUNIT_FAIL(test, "%s IMEM block 0x%04x: tag %d, expected %d",
				   g->f->name, off, m->tag[i], want_tag);
			return;
		}
	}
}

/* IMEM and DMEM as @ld loads them, BOOTVEC set. */
static void t_expect_loaded(struct kunit *test, struct t_gpu *g,
			    const struct nova_falcon_load *ld)
{
	t_expect_mem(test, g, true, ld->imem_dst, ld->image + ld->imem_src,
		     ld->imem_len, ld->imem_secure, ld->imem_tag);
	t_expect_mem(test, g, false, ld->dmem_dst, ld->image + ld->dmem_src,
		     ld->dmem_len, false, 0);
	KUNIT_EXPECT_EQ_MSG(test, g->bootvec, ld->boot_vector, "%s: BOOTVEC",
			    g->f->name);
	KUNIT_EXPECT_EQ_MSG(test, g->bad_mem, 0U,
			    "%s: memory written during reset or scrubbing", g->f->name);
	t_expect_clean(test, g);
}

/*
 * Turing PIO loads: IMEM (secure, two blocks, the second one padded) and
 * DMEM hold the image's bytes at their destinations and nothing else is
 * written; the BROM, which Turing does not have, is left alone even for a
 * ucode that asks for it.
 */
static void falcon_load_pio(struct kunit *test)
{
	struct t_gpu *g = t_gpu_new(test, false, NV_PFALCON_SEC2_BASE);
	struct nova_falcon_load ld = {
		.image = t_image(test, 0x140),
		.image_len = 0x140,
		.imem_src = 0,
		.imem_dst = 0x300,
		.imem_len = 0x104,
		.imem_secure = true,
		.imem_tag = 3,
		.dmem_src = 0x110,
		.dmem_dst = 0x100,
		.dmem_len = 0x20,
		.boot_vector = 0x300,
		.brom = true,
		.pkc_data_offset = 0x10,
		.engine_id_mask = BIT(0),
		.ucode_id = 1,
	};

	KUNIT_ASSERT_EQ(test, nova_falcon_load(g->f, &ld), 0);
	t_expect_loaded(test, g, &ld);

	/*
	 * GSP, non-secure IMEM with a tag of its own, lengths that end
	 * inside a word, DMEM in the last block.
	 */
	g = t_gpu_new(test, false, NV_PFALCON_GSP_BASE);
	ld.imem_src = 0x21;
	ld.imem_dst = 0;
	ld.imem_len = 0x3;
	ld.imem_secure = false;
	ld.imem_tag = 7;
	ld.dmem_src = 0x13f;
	ld.dmem_dst = 0xff00;
	ld.dmem_len = 1;
	ld.boot_vector = 0x10;
	ld.brom = false;
	KUNIT_ASSERT_EQ(test, nova_falcon_load(g->f, &ld), 0);
	t_expect_loaded(test, g, &ld);
	/* The same, spelled out for the first words. */
	KUNIT_EXPECT_EQ(test, g->imem.word[0],
			(u32)(ld.image[0x21] | ld.image[0x22] << 8 | ld.image[0x23] << 16));
	KUNIT_EXPECT_EQ(test, g->dmem.word[0xff00 / 4], (u32)ld.image[0x13f]);
	KUNIT_EXPECT_EQ(test, g->imem.tag[0], 7);
}

/* A load that nova_falcon_load() must refuse, writing nothing. */
static void t_expect_reject(struct kunit *test, const struct nova_falcon_load *ld,
			    const char *what)
{
	struct t_gpu *g = t_gpu_new(test, false, NV_PFALCON_SEC2_BASE);

	KUNIT_EXPECT_EQ_MSG(test, nova_falcon_load(g->f, ld), -EINVAL, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, g->writes, 0U, "%s: registers written", what);
}

/*
 * Segments outside the image, destinations not on a block or whose last
 * block ends past 64 KiB, and empty segments are refused; a segment
 * ending right at 64 KiB is not.
 */
static void falcon_load_rejects(struct kunit *test)
{
	const struct nova_falcon_load good = {
		.image = t_image(test, 0x200),
		.image_len = 0x200,
		.imem_src = 0,
		.imem_dst = 0,
		.imem_len = 0x100,
		.dmem_src = 0x100,
		.dmem_dst = 0,
		.dmem_len = 0x100,
	};
	struct nova_falcon_load ld;
	struct t_gpu *g;

	ld = good;
	ld.imem_len = 0x201;
	t_expect_reject(test, &ld, "IMEM past the image");
	ld = good;
	ld.dmem_src = 0x101;
	t_expect_reject(test, &ld, "DMEM past the image");
	ld = good;
	ld.imem_src = 0xffffff00;
	ld.imem_len = 0x200;
	t_expect_reject(test, &ld, "IMEM source wrapping around");
	ld = good;
	ld.dmem_src = 0x200;
	ld.dmem_len = 0xffffff00;
	t_expect_reject(test, &ld, "DMEM length wrapping around");
	ld = good;
	ld.imem_dst = 0x80;
	t_expect_reject(test, &ld, "IMEM destination not on a block");
	ld = good;
	ld.dmem_dst = 0x104;
	t_expect_reject(test, &ld, "DMEM destination not on a block");
	ld = good;
	ld.imem_dst = 0x10000;
	t_expect_reject(test, &ld, "IMEM destination at 64 KiB");
	ld = good;
	ld.imem_dst = 0xff00;
	ld.imem_len = 0x104;
	t_expect_reject(test, &ld, "IMEM last block past 64 KiB");
	ld = good;
	ld.dmem_dst = 0xffffff00;
	t_expect_reject(test, &ld, "DMEM destination wrapping around");
	ld = good;
	ld.imem_len = 0;
	t_expect_reject(test, &ld, "empty IMEM");
	ld = good;
	ld.dmem_len = 0;
	t_expect_reject(test, &ld, "empty DMEM");

	/* Both memories filled up to 64 KiB: accepted, and loaded. */
	ld = good;
	ld.imem_dst = 0xff00;
	ld.imem_tag = 0xff;
	ld.dmem_dst = 0xff00;
	g = t_gpu_new(test, false, NV_PFALCON_SEC2_BASE);
	KUNIT_EXPECT_EQ(test, nova_falcon_load(g->f, &ld), 0);
	t_expect_loaded(test, g, &ld);
}

/*
 * Boot: the mailboxes hold their inputs and the stale halt is cleared
 * when the CPU starts (by CPUCTL, or its alias when ALIAS_EN is set); the
 * outputs the ucode leaves are returned once it halts. Without an
 * interrupt the halt is acknowledged afterwards and its interrupt is not
 * enabled; with one it is enabled before the start.
 */
static void falcon_boot(struct kunit *test)
{
	unsigned int i;
	u32 m0, m1;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, false, t_bases[i]);
		const char *n = g->f->name;

		g->irqstat = NV_PFALCON_IRQ_HALT;
		g->mbox_out[0] = 0xcafe0000;
		g->mbox_out[1] = 0x0000beef;
		m0 = 0;
		m1 = 0;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_boot(g->f, 0x11111111, 0x22222222,
							   &m0, &m1), 0, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.count, 1U, "%s: CPU starts", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.mailbox[0], 0x11111111U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.mailbox[1], 0x22222222U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.irqstat & NV_PFALCON_IRQ_HALT, 0U,
				    "%s: stale halt pending at the start", n);
		KUNIT_EXPECT_EQ_MSG(test, m0, 0xcafe0000U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, m1, 0x0000beefU, "%s", n);
		KUNIT_EXPECT_TRUE_MSG(test, g->halted, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->irqstat, 0U, "%s: halt not acknowledged", n);
		KUNIT_EXPECT_EQ_MSG(test, g->irqmask, 0U,
				    "%s: interrupt enabled with no handler", n);
		t_expect_clean(test, g);

		/* ALIAS_EN: started through CPUCTL_ALIAS; no mailbox wanted. */
		g = t_gpu_new(test, true, t_bases[i]);
		g->cpuctl = NV_PFALCON_CPUCTL_ALIAS_EN;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_boot(g->f, 1, 2, NULL, NULL), 0,
				    "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.count, 1U, "%s: CPU starts", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.mailbox[0], 1U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.mailbox[1], 2U, "%s", n);
		t_expect_clean(test, g);

		/* Only the second mailbox wanted. */
		g = t_gpu_new(test, false, t_bases[i]);
		g->mbox_out[0] = 0x66;
		g->mbox_out[1] = 0x77;
		m1 = 0;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_boot(g->f, 0, 0, NULL, &m1), 0,
				    "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, m1, 0x77U, "%s", n);

		/* With an interrupt: the halt enabled before the start. */
		g = t_gpu_new(test, false, t_bases[i]);
		g->nd.irq = 1;
		g->irqstat = NV_PFALCON_IRQ_HALT;
		g->irqmask = T_IRQ_OTHER;
		g->mbox_out[0] = 0x1234;
		m0 = 0;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_boot(g->f, 0, 0, &m0, NULL), 0,
				    "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, m0, 0x1234U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.count, 1U, "%s: CPU starts", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.irqstat & NV_PFALCON_IRQ_HALT, 0U,
				    "%s: stale halt pending at the start", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.irqmask,
				    (u32)(NV_PFALCON_IRQ_HALT | T_IRQ_OTHER),
				    "%s: IRQMASK at the start", n);
		KUNIT_EXPECT_FALSE_MSG(test, READ_ONCE(g->f->booting), "%s", n);
		t_expect_clean(test, g);
	}
}

/*
 * The whole of it on Turing: reset, load, boot. What was loaded is still
 * there when the CPU starts (it was not written while scrubbing, which
 * clears the memories), at the boot vector the load set.
 */
static void falcon_reset_load_boot(struct kunit *test)
{
	unsigned int i;
	u32 m0;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, false, t_bases[i]);
		struct nova_falcon_load ld = {
			.image = t_image(test, 0x400),
			.image_len = 0x400,
			.imem_src = 0x100,
			.imem_dst = 0x100,
			.imem_len = 0x300,
			.imem_tag = 1,
			.dmem_src = 0,
			.dmem_dst = 0,
			.dmem_len = 0x100,
			.boot_vector = 0x100,
		};

		g->scrub_reads = 1;
		g->mbox_out[0] = 0xabcd;
		KUNIT_ASSERT_EQ(test, nova_falcon_reset(g->f), 0);
		KUNIT_ASSERT_EQ(test, nova_falcon_load(g->f, &ld), 0);
		KUNIT_ASSERT_EQ(test, nova_falcon_boot(g->f, 0, 0, &m0, NULL), 0);
		t_expect_reset_done(test, g);
		t_expect_loaded(test, g, &ld);
		KUNIT_EXPECT_EQ_MSG(test, g->start.bootvec, 0x100U, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, m0, 0xabcdU, "%s", g->f->name);
	}
}

/*
 * GA102 BROM: a heavy-secure ucode's signature place, engine mask, ucode
 * id and RSA3K mode are in the BROM registers when the CPU starts; a
 * ucode without a BROM check leaves them as they were. (The load is by
 * PIO here, as DMA loads are not covered.)
 */
static void falcon_brom_ga102(struct kunit *test)
{
	struct nova_falcon_load ld = {
		.image = t_image(test, 0x200),
		.image_len = 0x200,
		.imem_len = 0x100,
		.imem_secure = true,
		.dmem_src = 0x100,
		.dmem_len = 0x100,
		.brom = true,
		.pkc_data_offset = 0x48,
		.engine_id_mask = BIT(10),
		.ucode_id = 3,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, true, t_bases[i]);
		const char *n = g->f->name;

		g->fhal.load = nova_falcon_hal_tu102.load;
		KUNIT_ASSERT_EQ(test, nova_falcon_load(g->f, &ld), 0);
		KUNIT_ASSERT_EQ(test, nova_falcon_boot(g->f, 0, 0, NULL, NULL), 0);
		KUNIT_EXPECT_EQ_MSG(test, g->start.count, 1U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.paraaddr0, 0x48U, "%s: PARAADDR0", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.engidmask, (u32)BIT(10),
				    "%s: ENGIDMASK", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.ucode_id, 3U, "%s: UCODE_ID", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.mod_sel, (u32)NV_PFALCON2_MOD_SEL_RSA3K,
				    "%s: MOD_SEL", n);
		t_expect_loaded(test, g, &ld);

		/* No BROM check: earlier values untouched. */
		g = t_gpu_new(test, true, t_bases[i]);
		g->fhal.load = nova_falcon_hal_tu102.load;
		g->paraaddr0 = 0x11;
		g->engidmask = 0x22;
		g->ucode_id = 0x33;
		g->mod_sel = 0x44;
		ld.brom = false;
		KUNIT_ASSERT_EQ(test, nova_falcon_load(g->f, &ld), 0);
		KUNIT_ASSERT_EQ(test, nova_falcon_boot(g->f, 0, 0, NULL, NULL), 0);
		KUNIT_EXPECT_EQ_MSG(test, g->start.paraaddr0, 0x11U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.engidmask, 0x22U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.ucode_id, 0x33U, "%s", n);
		KUNIT_EXPECT_EQ_MSG(test, g->start.mod_sel, 0x44U, "%s", n);
		ld.brom = true;
	}
}

/*
 * Sets one fuse (all the others read as version 31) and checks the
 * version reported for it.
 */
static void t_expect_fuse(struct kunit *test, u32 base, u32 mask, u32 ucode_id,
			  u32 fuse, u32 fuse_val, u32 version)
{
	struct t_gpu *g = t_gpu_new(test, true, base);
	u32 v = 0xdead;

	g->fuse[(fuse - T_FUSE0) / 4] = fuse_val;
	KUNIT_EXPECT_EQ_MSG(test, nova_falcon_fuse_version(g->f, mask, ucode_id, &v), 0,
			    "mask 0x%x ucode %u", mask, ucode_id);
	KUNIT_EXPECT_EQ_MSG(test, v, version, "mask 0x%x ucode %u", mask, ucode_id);
	t_expect_clean(test, g);
}

static void t_expect_fuse_einval(struct kunit *test, u32 mask, u32 ucode_id)
{
	struct t_gpu *g = t_gpu_new(test, true, NV_PFALCON_GSP_BASE);
	u32 v;

	KUNIT_EXPECT_EQ_MSG(test, nova_falcon_fuse_version(g->f, mask, ucode_id, &v),
			    -EINVAL, "mask 0x%x ucode %u", mask, ucode_id);
	t_expect_clean(test, g);
}

/*
 * Signature fuse versions (GA102): the engine mask picks the SEC2, NVDEC
 * or GSP fuses (in that order), the ucode id the fuse; the version is the
 * highest bit set. Turing has none: version 0, and no fuse read.
 */
static void falcon_fuse_version(struct kunit *test)
{
	const u32 sec2 = NV_PFALCON_SEC2_BASE, gsp = NV_PFALCON_GSP_BASE;
	struct t_gpu *g;
	u32 v = 0xdead;

	KUNIT_EXPECT_EQ(test, NV_FUSE_OPT_FPF_SEC2_UCODE1_VERSION, 0x824140);
	KUNIT_EXPECT_EQ(test, NV_FUSE_OPT_FPF_NVDEC_UCODE1_VERSION, 0x824100);
	KUNIT_EXPECT_EQ(test, NV_FUSE_OPT_FPF_GSP_UCODE1_VERSION, 0x8241c0);

	t_expect_fuse(test, sec2, BIT(0), 1, 0x824140, 0x7, 3);
	t_expect_fuse(test, sec2, BIT(0), 16, 0x824140 + 15 * 4, 0x1, 1);
	t_expect_fuse(test, gsp, BIT(2), 1, 0x824100, 0x0, 0);
	t_expect_fuse(test, gsp, BIT(2), 5, 0x824100 + 4 * 4, 0x80000000, 32);
	t_expect_fuse(test, gsp, BIT(10), 2, 0x8241c0 + 4, 0x12, 5);
	t_expect_fuse(test, sec2, BIT(10), 16, 0x8241c0 + 15 * 4, 0xffff, 16);
	/* Several engines: SEC2 first, then NVDEC. */
	t_expect_fuse(test, gsp, BIT(10) | BIT(2) | BIT(0), 3, 0x824140 + 2 * 4, 0x3, 2);
	t_expect_fuse(test, gsp, BIT(10) | BIT(2), 3, 0x824100 + 2 * 4, 0x4, 3);

	t_expect_fuse_einval(test, BIT(0), 0);
	t_expect_fuse_einval(test, BIT(0), 17);
	t_expect_fuse_einval(test, BIT(10), 0xffffffff);
	t_expect_fuse_einval(test, 0, 1);
	t_expect_fuse_einval(test, BIT(1) | BIT(3) | BIT(11) | BIT(31), 1);

	g = t_gpu_new(test, false, NV_PFALCON_GSP_BASE);
	KUNIT_EXPECT_EQ(test, nova_falcon_fuse_version(g->f, BIT(10), 1, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);
	t_expect_clean(test, g);
}

/*
 * DMA context 4 targets coherent sysmem by physical address; its other
 * bits and the other contexts are left as they were.
 */
static void falcon_dma_ctx_sysmem(struct kunit *test)
{
	static const u32 before[] = { 0xfffffff2, 0x00000003, 0xabcd0018, 0x5 };
	unsigned int i, j, k;

	KUNIT_EXPECT_EQ(test, NV_PFALCON_FBIF_TRANSCFG0 + 4 * 4, 0x610);
	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		for (j = 0; j < ARRAY_SIZE(before); j++) {
			struct t_gpu *g = t_gpu_new(test, true, t_bases[i]);

			for (k = 0; k < 8; k++)
				g->transcfg[k] = before[j] + k;
			nova_falcon_dma_ctx_sysmem(g->f, 4);
			for (k = 0; k < 8; k++)
				KUNIT_EXPECT_EQ_MSG(test, g->transcfg[k],
						    k == 4 ? ((before[j] + 4) & ~7U) | 0x5 :
						    before[j] + k,
						    "%s 0x%08x ctx %u", g->f->name,
						    before[j], k);
			t_expect_clean(test, g);
		}
	}
}

/*
 * Quieting a falcon's interrupts: whatever an earlier driver enabled is
 * masked and whatever it left pending is cleared; nothing is taken then.
 */
static void falcon_irq_quiet(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, false, t_bases[i]);

		g->irqmask = 0xff;
		g->irqstat = NV_PFALCON_IRQ_HALT | T_IRQ_OTHER;
		nova_falcon_irq_quiet(g->f);
		KUNIT_EXPECT_EQ_MSG(test, g->irqmask, 0U, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, g->irqstat, 0U, "%s", g->f->name);
		g->irqstat = NV_PFALCON_IRQ_HALT;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_irq_take(g->f), 0U, "%s",
				    g->f->name);
		t_expect_clean(test, g);
	}
}

/*
 * The hard handler's part: a pending, enabled halt is taken and masked
 * (left pending for the thread); pending but masked interrupts, nothing
 * pending (a shared line, another device's interrupt) and a GPU gone from
 * the bus take nothing and change nothing.
 */
static void falcon_irq_take(struct kunit *test)
{
	struct t_gpu *g = t_gpu_new(test, false, NV_PFALCON_GSP_BASE);

	g->irqstat = NV_PFALCON_IRQ_HALT | T_IRQ_OTHER;
	g->irqmask = NV_PFALCON_IRQ_HALT | BIT(0);
	KUNIT_EXPECT_EQ(test, nova_falcon_irq_take(g->f), (u32)NV_PFALCON_IRQ_HALT);
	KUNIT_EXPECT_EQ(test, g->irqmask, (u32)BIT(0));
	KUNIT_EXPECT_EQ(test, g->irqstat, (u32)(NV_PFALCON_IRQ_HALT | T_IRQ_OTHER));
	KUNIT_EXPECT_EQ(test, g->f->irq_pending, (u32)NV_PFALCON_IRQ_HALT);
	/* Masked now: the line is quiet, a second call takes nothing. */
	KUNIT_EXPECT_EQ(test, nova_falcon_irq_take(g->f), 0U);
	KUNIT_EXPECT_EQ(test, g->f->irq_pending, (u32)NV_PFALCON_IRQ_HALT);
	t_expect_clean(test, g);

	/* Pending, but not enabled. */
	g = t_gpu_new(test, false, NV_PFALCON_SEC2_BASE);
	g->irqstat = T_IRQ_OTHER;
	g->irqmask = NV_PFALCON_IRQ_HALT;
	KUNIT_EXPECT_EQ(test, nova_falcon_irq_take(g->f), 0U);
	KUNIT_EXPECT_EQ(test, g->irqmask, (u32)NV_PFALCON_IRQ_HALT);
	KUNIT_EXPECT_EQ(test, g->irqstat, (u32)T_IRQ_OTHER);
	KUNIT_EXPECT_EQ(test, g->f->irq_pending, 0U);

	/* Nothing pending. */
	g = t_gpu_new(test, false, NV_PFALCON_SEC2_BASE);
	g->irqmask = NV_PFALCON_IRQ_HALT;
	KUNIT_EXPECT_EQ(test, nova_falcon_irq_take(g->f), 0U);
	KUNIT_EXPECT_EQ(test, g->irqmask, (u32)NV_PFALCON_IRQ_HALT);
	KUNIT_EXPECT_EQ(test, g->f->irq_pending, 0U);
	KUNIT_EXPECT_EQ(test, g->writes, 0U);

	/* Gone: IRQSTAT reads all ones. */
	g = t_gpu_new(test, false, NV_PFALCON_SEC2_BASE);
	g->gone = true;
	KUNIT_EXPECT_EQ(test, nova_falcon_irq_take(g->f), 0U);
	KUNIT_EXPECT_EQ(test, g->f->irq_pending, 0U);
	KUNIT_EXPECT_EQ(test, g->writes, 0U);
}

/* Counts the wake-ups of a falcon's halt_wq. */
struct t_waiter {
	struct wait_queue_entry wq;
	unsigned int wakes;
};

static int t_wake(struct wait_queue_entry *wq, unsigned int mode, int flags,
		  void *key)
{
	container_of(wq, struct t_waiter, wq)->wakes++;
	return 0;
}

static void t_waiter_add(struct t_gpu *g, struct t_waiter *w)
{
	w->wakes = 0;
	init_waitqueue_func_entry(&w->wq, t_wake);
	add_wait_queue(&g->f->halt_wq, &w->wq);
}

/* The falcon halts and its interrupt goes through both halves. */
static void t_irq_halt(struct t_gpu *g, u32 also)
{
	g->irqstat |= NV_PFALCON_IRQ_HALT | also;
	if (nova_falcon_irq_take(g->f))
		nova_falcon_irq_handle(g->f);
}

/*
 * The thread's part: a halt taken during a boot is acknowledged, wakes the
 * boot and is enabled again; another interrupt taken with it likewise. A
 * call with nothing taken changes nothing and wakes nobody.
 */
static void falcon_irq_handle(struct kunit *test)
{
	struct t_gpu *g = t_gpu_new(test, false, NV_PFALCON_GSP_BASE);
	struct t_waiter w;

	t_waiter_add(g, &w);
	g->irqmask = NV_PFALCON_IRQ_HALT | T_IRQ_OTHER;
	WRITE_ONCE(g->f->booting, true);
	t_irq_halt(g, T_IRQ_OTHER);
	KUNIT_EXPECT_EQ(test, w.wakes, 1U);
	KUNIT_EXPECT_EQ(test, g->irqstat, 0U);
	KUNIT_EXPECT_EQ(test, g->irqmask, (u32)(NV_PFALCON_IRQ_HALT | T_IRQ_OTHER));
	KUNIT_EXPECT_EQ(test, g->f->irq_pending, 0U);

	/* Nothing taken: no acknowledge, no unmask, no wake-up. */
	g->irqstat = NV_PFALCON_IRQ_HALT;
	g->irqmask = 0;
	g->writes = 0;
	nova_falcon_irq_handle(g->f);
	KUNIT_EXPECT_EQ(test, w.wakes, 1U);
	KUNIT_EXPECT_EQ(test, g->irqstat, (u32)NV_PFALCON_IRQ_HALT);
	KUNIT_EXPECT_EQ(test, g->irqmask, 0U);
	KUNIT_EXPECT_EQ(test, g->writes, 0U);
	remove_wait_queue(&g->f->halt_wq, &w.wq);
	t_expect_clean(test, g);
}

/*
 * Halts with no boot waiting: each is acknowledged and enabled again, but
 * the 64th since the last boot started leaves the halt masked (an
 * interrupt taken with it is still enabled again) and the line quiet; a
 * boot starting clears the count, and a halt during a boot is not stray.
 * The next boot enables the halt before the CPU starts.
 */
static void falcon_irq_storm(struct kunit *test)
{
	struct t_gpu *g = t_gpu_new(test, false, NV_PFALCON_SEC2_BASE);
	struct t_waiter w;
	unsigned int i;

	t_waiter_add(g, &w);
	g->nd.irq = 1;
	g->irqmask = NV_PFALCON_IRQ_HALT | T_IRQ_OTHER;
	for (i = 1; i < 64; i++) {
		t_irq_halt(g, 0);
		if (!(g->irqmask & NV_PFALCON_IRQ_HALT) || g->irqstat)
			break;
	}
	KUNIT_EXPECT_EQ_MSG(test, i, 64U, "halt masked or not acknowledged after %u", i);

	/* A boot starting clears the count; its halt is not stray. */
	KUNIT_EXPECT_EQ(test, nova_falcon_boot(g->f, 0, 0, NULL, NULL), 0);
	WRITE_ONCE(g->f->booting, true);
	t_irq_halt(g, 0);
	WRITE_ONCE(g->f->booting, false);
	KUNIT_EXPECT_EQ(test, w.wakes, 1U);
	for (i = 1; i < 64; i++) {
		t_irq_halt(g, 0);
		if (!(g->irqmask & NV_PFALCON_IRQ_HALT) || g->irqstat)
			break;
	}
	KUNIT_EXPECT_EQ_MSG(test, i, 64U, "halt masked or not acknowledged after %u", i);

	/* The 64th stray halt in a row, another interrupt with it. */
	t_irq_halt(g, T_IRQ_OTHER);
	KUNIT_EXPECT_EQ(test, g->irqmask, (u32)T_IRQ_OTHER);
	KUNIT_EXPECT_EQ(test, g->irqstat, 0U);
	g->irqstat = NV_PFALCON_IRQ_HALT;
	KUNIT_EXPECT_EQ(test, nova_falcon_irq_take(g->f), 0U);
	KUNIT_EXPECT_EQ(test, w.wakes, 1U);
	remove_wait_queue(&g->f->halt_wq, &w.wq);

	KUNIT_EXPECT_EQ(test, nova_falcon_boot(g->f, 0, 0, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, g->start.count, 2U);
	KUNIT_EXPECT_EQ(test, g->start.irqmask & NV_PFALCON_IRQ_HALT,
			(u32)NV_PFALCON_IRQ_HALT);
	t_expect_clean(test, g);
}

/*
 * The suites of a module run before its sysfs directory exists (module
 * state COMING), so the root device gets no owner: root_device_register()
 * would fail to link it to the module.
 */
static int nova_falcon_suite_init(struct kunit_suite *suite)
{
	t_dev = __root_device_register("nova_falcon_test", NULL);
	return PTR_ERR_OR_ZERO(t_dev);
}

static void nova_falcon_suite_exit(struct kunit_suite *suite)
{
	root_device_unregister(t_dev);
}

static struct kunit_case nova_falcon_cases[] = {
	KUNIT_CASE(falcon_reset_tu102),
	KUNIT_CASE(falcon_reset_tu102_timeout),
	KUNIT_CASE(falcon_reset_ga102),
	KUNIT_CASE(falcon_reset_ga102_timeout),
	KUNIT_CASE(falcon_load_pio),
	KUNIT_CASE(falcon_load_rejects),
	KUNIT_CASE(falcon_boot),
	KUNIT_CASE(falcon_reset_load_boot),
	KUNIT_CASE(falcon_brom_ga102),
	KUNIT_CASE(falcon_fuse_version),
	KUNIT_CASE(falcon_dma_ctx_sysmem),
	KUNIT_CASE(falcon_irq_quiet),
	KUNIT_CASE(falcon_irq_take),
	KUNIT_CASE(falcon_irq_handle),
	KUNIT_CASE(falcon_irq_storm),
	{}
};

static struct kunit_suite nova_falcon_suite = {
	.name = "nova_core_falcon",
	.suite_init = nova_falcon_suite_init,
	.suite_exit = nova_falcon_suite_exit,
	.test_cases = nova_falcon_cases,
};

kunit_test_suite(nova_falcon_suite);
