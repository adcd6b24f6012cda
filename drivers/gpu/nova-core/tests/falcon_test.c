// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's falcon handling (falcon.c) on the GSP and
 * SEC2 falcons, through a fake register space behind the register seam: a
 * small table of registers, a log of every write in order, and scripted
 * behaviours (memory scrubbing that ends after some reads or never, a CPU
 * that halts after STARTCPU, the RISC-V core select). Every case checks the
 * exact register writes.
 *
 * Not covered here: DMA loads (the GA102 HAL) need a DMA-capable device,
 * and a falcon that never halts takes the 2 s boot timeout; the guest
 * tests cover both.
 */

#include <kunit/test.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/nova_core_emu.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../device.h"
#include "../falcon/falcon.h"
#include "../regs.h"

/* NV_PMC_BOOT_0 of the fake GPU (a GA102), copied into the RM register. */
#define T_BOOT0		0x172000a1
#define T_NREGS		32
#define T_NLOG		512

/* The device that messages are logged against (suite_init). */
static struct device *t_dev;

struct t_reg {
	u32 addr;
	u32 val;
	unsigned int reads;
};

struct t_write {
	u32 addr;
	u32 val;
};

/*
 * The fake GPU. Scripted countdowns (scrub_reads, bcr_reads, halt_reads)
 * count the reads of their register that still see the old state once
 * triggered; a negative count never ends. The tests that expect success
 * use a count of one: read_poll_timeout() reads once more after its
 * deadline, so a host stall between two polls (TCG, a loaded machine)
 * cannot turn a wait that ends into a timeout.
 */
struct t_gpu {
	struct nova_device nd;
	struct nova_hal hal;
	struct nova_falcon *f;
	u32 base;

	struct t_reg regs[T_NREGS];
	unsigned int nregs;
	struct t_write log[T_NLOG];
	unsigned int nwrites;
	unsigned int nreads;
	unsigned int unknown_reads;
	u32 unknown_addr;

	/* Memory scrubbing: starts when the engine reset is released. */
	u32 scrub_reg;
	u32 scrub_bits;
	int scrub_reads;
	int scrub_left;
	/* RISC-V BCR_CTRL: VALID comes up after a write. */
	int bcr_reads;
	int bcr_left;
	bool bcr_armed;
	/* CPU: halts after STARTCPU, leaving mbox_out in the mailboxes. */
	int halt_reads;
	int halt_left;
	bool started;
	u32 mbox_out[2];

	/* Checking the log. */
	unsigned int cursor;
	bool mismatch;
};

static struct t_reg *t_find(struct t_gpu *g, u32 addr)
{
	unsigned int i;

	for (i = 0; i < g->nregs; i++)
		if (g->regs[i].addr == addr)
			return &g->regs[i];
	return NULL;
}

/* Adds a register to the table or sets its value. */
static void t_set(struct t_gpu *g, u32 addr, u32 val)
{
	struct t_reg *r = t_find(g, addr);

	if (!r && !WARN_ON(g->nregs >= T_NREGS)) {
		r = &g->regs[g->nregs++];
		r->addr = addr;
	}
	if (r)
		r->val = val;
}

static u32 t_fr(struct t_gpu *g, u32 reg)
{
	return g->base + reg;
}

static void t_fset(struct t_gpu *g, u32 reg, u32 val)
{
	t_set(g, t_fr(g, reg), val);
}

static u32 t_fval(struct t_gpu *g, u32 reg)
{
	struct t_reg *r = t_find(g, t_fr(g, reg));

	return r ? r->val : 0;
}

static unsigned int t_freads(struct t_gpu *g, u32 reg)
{
	struct t_reg *r = t_find(g, t_fr(g, reg));

	return r ? r->reads : 0;
}

/* One read of a scripted register: true once its countdown has run out. */
static bool t_tick(int *left)
{
	if (!*left)
		return true;
	if (*left > 0)
		(*left)--;
	return false;
}

static u32 t_rd32(void *priv, u32 addr)
{
	struct t_gpu *g = priv;
	struct t_reg *r = t_find(g, addr);

	g->nreads++;
	if (!r) {
		g->unknown_reads++;
		g->unknown_addr = addr;
		return 0;
	}
	r->reads++;

	if (addr == g->scrub_reg && t_tick(&g->scrub_left))
		r->val &= ~g->scrub_bits;
	if (addr == t_fr(g, NV_PFALCON2_RISCV_BCR_CTRL) && g->bcr_armed &&
	    t_tick(&g->bcr_left))
		r->val |= NV_PFALCON2_RISCV_BCR_CTRL_VALID;
	if (addr == t_fr(g, NV_PFALCON_CPUCTL) && g->started &&
	    t_tick(&g->halt_left)) {
		g->started = false;
		r->val |= NV_PFALCON_CPUCTL_HALTED;
		t_fset(g, NV_PFALCON_MAILBOX0, g->mbox_out[0]);
		t_fset(g, NV_PFALCON_MAILBOX1, g->mbox_out[1]);
	}
	return r->val;
}

static void t_wr32(void *priv, u32 addr, u32 val)
{
	struct t_gpu *g = priv;
	struct t_reg *r;

	if (g->nwrites < T_NLOG) {
		g->log[g->nwrites].addr = addr;
		g->log[g->nwrites].val = val;
	}
	g->nwrites++;

	if (addr == t_fr(g, NV_PFALCON_ENGINE) &&
	    !(val & NV_PFALCON_ENGINE_RESET)) {
		r = t_find(g, g->scrub_reg);
		if (r)
			r->val |= g->scrub_bits;
		g->scrub_left = g->scrub_reads;
	}
	if (addr == t_fr(g, NV_PFALCON_CPUCTL) ||
	    addr == t_fr(g, NV_PFALCON_CPUCTL_ALIAS)) {
		/* STARTCPU is a trigger: it does not stick. */
		if (val & NV_PFALCON_CPUCTL_STARTCPU) {
			g->started = true;
			g->halt_left = g->halt_reads;
			t_fset(g, NV_PFALCON_CPUCTL, t_fval(g, NV_PFALCON_CPUCTL) &
				  ~NV_PFALCON_CPUCTL_HALTED);
		}
		return;
	}
	if (addr == t_fr(g, NV_PFALCON2_RISCV_BCR_CTRL)) {
		g->bcr_armed = true;
		g->bcr_left = g->bcr_reads;
	}

	r = t_find(g, addr);
	if (r)
		r->val = val;
}

static const struct nova_core_io_ops t_io_ops = {
	.rd32 = t_rd32,
	.wr32 = t_wr32,
};

/* A fake GPU with one falcon at @base, driven through @fhal. */
static struct t_gpu *t_gpu_new(struct kunit *test,
			       const struct nova_falcon_hal *fhal, u32 base)
{
	struct t_gpu *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);
	bool tu102 = fhal == &nova_falcon_hal_tu102;

	KUNIT_ASSERT_NOT_NULL(test, g);
	g->hal.name = tu102 ? "tu102" : "ga102";
	g->hal.falcon = fhal;
	g->nd.dev = t_dev;
	g->nd.io.ops = &t_io_ops;
	g->nd.io.priv = g;
	g->nd.hal = &g->hal;
	g->base = base;
	g->f = base == NV_PFALCON_GSP_BASE ? &g->nd.gsp : &g->nd.sec2;
	nova_falcon_init(g->f, &g->nd,
			 base == NV_PFALCON_GSP_BASE ? "GSP" : "SEC2", base);

	if (tu102) {
		g->scrub_reg = t_fr(g, NV_PFALCON_DMACTL);
		g->scrub_bits = NV_PFALCON_DMACTL_IMEM_SCRUBBING |
				NV_PFALCON_DMACTL_DMEM_SCRUBBING;
	} else {
		g->scrub_reg = t_fr(g, NV_PFALCON_HWCFG2);
		g->scrub_bits = NV_PFALCON_HWCFG2_MEM_SCRUBBING;
	}

	t_set(g, NV_PMC_BOOT_0, T_BOOT0);
	t_fset(g, NV_PFALCON_MAILBOX0, 0);
	t_fset(g, NV_PFALCON_MAILBOX1, 0);
	/* Only bits 2:1 are scrubbing: REQUIRE_CTX must not hold it up. */
	t_fset(g, NV_PFALCON_DMACTL, NV_PFALCON_DMACTL_REQUIRE_CTX);
	t_fset(g, NV_PFALCON_HWCFG2, NV_PFALCON_HWCFG2_RESET_READY | 0x3);
	t_fset(g, NV_PFALCON_CPUCTL, 0);
	t_fset(g, NV_PFALCON2_RISCV_BCR_CTRL, 0);
	return g;
}

/* Checks that the next write logged is @val to BAR0 offset @addr. */
static void t_expect_wr(struct kunit *test, struct t_gpu *g, u32 addr,
			u32 val)
{
	unsigned int i = g->cursor++;

	if (g->mismatch)
		return;
	if (i >= g->nwrites) {
		g->mismatch = true;
		KUNIT_FAIL(test, "%s: write %u: expected 0x%06x <- 0x%08x, no more writes",
			   g->f->name, i, addr, val);
	} else if (i < T_NLOG &&
		   (g->log[i].addr != addr || g->log[i].val != val)) {
		g->mismatch = true;
		KUNIT_FAIL(test, "%s: write %u: expected 0x%06x <- 0x%08x, got 0x%06x <- 0x%08x",
			   g->f->name, i, addr, val, g->log[i].addr,
			   g->log[i].val);
	}
}

/* Likewise for a register of the falcon. */
static void t_expect_fwr(struct kunit *test, struct t_gpu *g, u32 reg, u32 val)
{
	t_expect_wr(test, g, t_fr(g, reg), val);
}

/* The log holds no more writes than checked; no unknown register was read. */
static void t_expect_done(struct kunit *test, struct t_gpu *g)
{
	KUNIT_EXPECT_LE_MSG(test, g->nwrites, (unsigned int)T_NLOG, "%s: log overflow",
			    g->f->name);
	if (!g->mismatch)
		KUNIT_EXPECT_EQ_MSG(test, g->nwrites, g->cursor,
				    "%s: unexpected writes after the expected ones",
				    g->f->name);
	KUNIT_EXPECT_EQ_MSG(test, g->unknown_reads, 0U,
			    "%s: read of unknown register 0x%06x", g->f->name,
			    g->unknown_addr);
}

static const u32 t_bases[] = { NV_PFALCON_GSP_BASE, NV_PFALCON_SEC2_BASE };

/* Turing: engine reset, DMACTL scrubbing polled until clear, RM = BOOT_0. */
static void falcon_reset_tu102(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_tu102, t_bases[i]);

		g->scrub_reads = 1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, 0);
		t_expect_fwr(test, g, NV_PFALCON_RM, T_BOOT0);
		t_expect_done(test, g);
		/* One read while scrubbing, one once done. */
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_DMACTL), 2U, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_fval(g, NV_PFALCON_DMACTL),
				    (u32)NV_PFALCON_DMACTL_REQUIRE_CTX, "%s", g->f->name);
		/* No GA102 steps: HWCFG2 and BCR_CTRL are left alone. */
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_HWCFG2), 0U, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON2_RISCV_BCR_CTRL), 0U,
				    "%s", g->f->name);
	}
}

/* Turing: scrubbing that never ends times out (10 ms); RM is not written. */
static void falcon_reset_tu102_timeout(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_tu102, t_bases[i]);

		g->scrub_reads = -1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), -ETIMEDOUT, "%s",
				    g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, 0);
		t_expect_done(test, g);
		KUNIT_EXPECT_GE_MSG(test, t_freads(g, NV_PFALCON_DMACTL), 2U, "%s",
				    g->f->name);
	}
}

/*
 * GA102: HWCFG2 RESET_READY waited for, engine reset, the core switched
 * back to falcon if the RISC-V one was selected (BCR_CTRL written 0, VALID
 * polled), HWCFG2 scrubbing polled until clear, RM = BOOT_0.
 */
static void falcon_reset_ga102(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_ga102, t_bases[i]);

		/* RISC-V core selected: switched back to falcon. */
		t_fset(g, NV_PFALCON2_RISCV_BCR_CTRL,
		       NV_PFALCON2_RISCV_BCR_CTRL_CORE_SELECT | BIT(8));
		g->bcr_reads = 1;
		g->scrub_reads = 1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, 0);
		t_expect_fwr(test, g, NV_PFALCON2_RISCV_BCR_CTRL, 0);
		t_expect_fwr(test, g, NV_PFALCON_RM, T_BOOT0);
		t_expect_done(test, g);
		/* One read for CORE_SELECT, one without VALID, one with. */
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON2_RISCV_BCR_CTRL), 3U,
				    "%s", g->f->name);
		/* One read for RESET_READY, one while scrubbing, one done. */
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_HWCFG2), 3U, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_DMACTL), 0U, "%s",
				    g->f->name);

		/* Falcon core already selected: BCR_CTRL is not written. */
		g = t_gpu_new(test, &nova_falcon_hal_ga102, t_bases[i]);
		t_fset(g, NV_PFALCON2_RISCV_BCR_CTRL, NV_PFALCON2_RISCV_BCR_CTRL_VALID);
		g->scrub_reads = 1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, 0);
		t_expect_fwr(test, g, NV_PFALCON_RM, T_BOOT0);
		t_expect_done(test, g);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON2_RISCV_BCR_CTRL), 1U,
				    "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_HWCFG2), 3U, "%s",
				    g->f->name);

		/* RESET_READY never set: the reset goes ahead after 150 us. */
		g = t_gpu_new(test, &nova_falcon_hal_ga102, t_bases[i]);
		t_fset(g, NV_PFALCON_HWCFG2, 0x3);
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), 0, "%s", g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, 0);
		t_expect_fwr(test, g, NV_PFALCON_RM, T_BOOT0);
		t_expect_done(test, g);
		KUNIT_EXPECT_GE_MSG(test, t_freads(g, NV_PFALCON_HWCFG2), 3U, "%s",
				    g->f->name);
	}
}

/* GA102: scrubbing or a core switch that never ends times out. */
static void falcon_reset_ga102_timeout(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_ga102, t_bases[i]);

		/* Scrubbing never ends (20 ms). */
		g->scrub_reads = -1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), -ETIMEDOUT, "%s",
				    g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, 0);
		t_expect_done(test, g);
		KUNIT_EXPECT_GE_MSG(test, t_freads(g, NV_PFALCON_HWCFG2), 3U, "%s",
				    g->f->name);

		/* VALID never comes up after the core switch (10 ms). */
		g = t_gpu_new(test, &nova_falcon_hal_ga102, t_bases[i]);
		t_fset(g, NV_PFALCON2_RISCV_BCR_CTRL,
		       NV_PFALCON2_RISCV_BCR_CTRL_CORE_SELECT);
		g->bcr_reads = -1;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_reset(g->f), -ETIMEDOUT, "%s",
				    g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, NV_PFALCON_ENGINE_RESET);
		t_expect_fwr(test, g, NV_PFALCON_ENGINE, 0);
		t_expect_fwr(test, g, NV_PFALCON2_RISCV_BCR_CTRL, 0);
		t_expect_done(test, g);
		/* Scrubbing is not waited for: HWCFG2 read for RESET_READY only. */
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_HWCFG2), 1U, "%s",
				    g->f->name);
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
 * Checks the PIO writes of one memory: the control word, then the data
 * words little-endian, zero-padded to the block, IMEM with its tags.
 */
static void t_expect_pio(struct kunit *test, struct t_gpu *g, bool imem,
			 u32 ctl, u32 tag, const u8 *src, u32 len)
{
	u32 padded = ALIGN(len, NOVA_FALCON_BLOCK), pos;
	u8 *buf = kunit_kzalloc(test, padded, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memcpy(buf, src, len);
	t_expect_fwr(test, g, imem ? NV_PFALCON_IMEMC : NV_PFALCON_DMEMC, ctl);
	for (pos = 0; pos < padded; pos += 4) {
		if (imem && !(pos % NOVA_FALCON_BLOCK))
			t_expect_fwr(test, g, NV_PFALCON_IMEMT,
				     tag + pos / NOVA_FALCON_BLOCK);
		t_expect_fwr(test, g, imem ? NV_PFALCON_IMEMD : NV_PFALCON_DMEMD,
			     get_unaligned_le32(buf + pos));
	}
}

/*
 * Turing PIO load: IMEM (secure, two blocks with their tags) and DMEM by
 * their auto-incrementing ports, BOOTVEC last; the BROM is not programmed
 * even for a ucode that asks for it.
 */
static void falcon_load_pio(struct kunit *test)
{
	struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_tu102, NV_PFALCON_SEC2_BASE);
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
	t_expect_pio(test, g, true, NV_PFALCON_MEMC_AINCW | NV_PFALCON_MEMC_SECURE | 0x300,
		     3, ld.image, 0x104);
	t_expect_pio(test, g, false, NV_PFALCON_MEMC_AINCW | 0x100, 0,
		     ld.image + 0x110, 0x20);
	t_expect_fwr(test, g, NV_PFALCON_BOOTVEC, 0x300);
	t_expect_done(test, g);
	/* 1 + 2 + 128 IMEM writes, 1 + 64 DMEM writes, BOOTVEC. */
	KUNIT_EXPECT_EQ(test, g->nwrites, 197U);
	KUNIT_EXPECT_EQ(test, g->nreads, 0U);

	/* GSP, non-secure IMEM, lengths that end inside a word. */
	g = t_gpu_new(test, &nova_falcon_hal_tu102, NV_PFALCON_GSP_BASE);
	ld.imem_src = 0x21;
	ld.imem_dst = 0;
	ld.imem_len = 0x3;
	ld.imem_secure = false;
	ld.imem_tag = 0;
	ld.dmem_src = 0x13f;
	ld.dmem_dst = 0xff00;
	ld.dmem_len = 1;
	ld.boot_vector = 0;
	ld.brom = false;
	KUNIT_ASSERT_EQ(test, nova_falcon_load(g->f, &ld), 0);
	t_expect_pio(test, g, true, NV_PFALCON_MEMC_AINCW, 0, ld.image + 0x21, 3);
	t_expect_pio(test, g, false, NV_PFALCON_MEMC_AINCW | 0xff00, 0,
		     ld.image + 0x13f, 1);
	t_expect_fwr(test, g, NV_PFALCON_BOOTVEC, 0);
	t_expect_done(test, g);
	/* The first IMEM word, byte by byte: three bytes and a zero. */
	KUNIT_EXPECT_EQ(test, g->log[2].val,
			(u32)(ld.image[0x21] | ld.image[0x22] << 8 | ld.image[0x23] << 16));
	KUNIT_EXPECT_EQ(test, g->nwrites, 1U + 1 + 64 + 1 + 64 + 1);
}

/* A load that nova_falcon_load() must refuse, touching no register. */
static void t_expect_reject(struct kunit *test, const struct nova_falcon_load *ld,
			    const char *what)
{
	struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_tu102, NV_PFALCON_SEC2_BASE);

	KUNIT_EXPECT_EQ_MSG(test, nova_falcon_load(g->f, ld), -EINVAL, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, g->nwrites, 0U, "%s", what);
	KUNIT_EXPECT_EQ_MSG(test, g->nreads, 0U, "%s", what);
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

	/* Both memories filled up to 64 KiB: accepted. */
	ld = good;
	ld.imem_dst = 0xff00;
	ld.imem_tag = 0xff;
	ld.dmem_dst = 0xff00;
	g = t_gpu_new(test, &nova_falcon_hal_tu102, NV_PFALCON_SEC2_BASE);
	KUNIT_EXPECT_EQ(test, nova_falcon_load(g->f, &ld), 0);
	t_expect_pio(test, g, true, NV_PFALCON_MEMC_AINCW | 0xff00, 0xff, ld.image, 0x100);
	t_expect_pio(test, g, false, NV_PFALCON_MEMC_AINCW | 0xff00, 0,
		     ld.image + 0x100, 0x100);
	t_expect_fwr(test, g, NV_PFALCON_BOOTVEC, 0);
	t_expect_done(test, g);
}

/*
 * Boot: the mailboxes written, STARTCPU written to CPUCTL (or its alias
 * when ALIAS_EN is set), HALTED polled, the mailboxes read back.
 */
static void falcon_boot(struct kunit *test)
{
	unsigned int i;
	u32 m0, m1;

	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_tu102, t_bases[i]);

		g->halt_reads = 1;
		g->mbox_out[0] = 0xcafe0000;
		g->mbox_out[1] = 0x0000beef;
		m0 = 0;
		m1 = 0;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_boot(g->f, 0x11111111, 0x22222222,
							   &m0, &m1), 0,
				    "%s", g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_MAILBOX0, 0x11111111);
		t_expect_fwr(test, g, NV_PFALCON_MAILBOX1, 0x22222222);
		t_expect_fwr(test, g, NV_PFALCON_CPUCTL, NV_PFALCON_CPUCTL_STARTCPU);
		t_expect_done(test, g);
		KUNIT_EXPECT_EQ_MSG(test, m0, 0xcafe0000U, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, m1, 0x0000beefU, "%s", g->f->name);
		/* ALIAS_EN, one read before the halt, one with it. */
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_CPUCTL), 3U, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_MAILBOX0), 1U, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_MAILBOX1), 1U, "%s",
				    g->f->name);

		/* ALIAS_EN: STARTCPU goes to CPUCTL_ALIAS; no mailbox wanted. */
		g = t_gpu_new(test, &nova_falcon_hal_ga102, t_bases[i]);
		t_fset(g, NV_PFALCON_CPUCTL, NV_PFALCON_CPUCTL_ALIAS_EN);
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_boot(g->f, 1, 2, NULL, NULL), 0,
				    "%s", g->f->name);
		t_expect_fwr(test, g, NV_PFALCON_MAILBOX0, 1);
		t_expect_fwr(test, g, NV_PFALCON_MAILBOX1, 2);
		t_expect_fwr(test, g, NV_PFALCON_CPUCTL_ALIAS, NV_PFALCON_CPUCTL_STARTCPU);
		t_expect_done(test, g);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_CPUCTL), 2U, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_MAILBOX0), 0U, "%s",
				    g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_MAILBOX1), 0U, "%s",
				    g->f->name);

		/* Only one mailbox wanted. */
		g = t_gpu_new(test, &nova_falcon_hal_tu102, t_bases[i]);
		g->mbox_out[1] = 0x77;
		m1 = 0;
		KUNIT_EXPECT_EQ_MSG(test, nova_falcon_boot(g->f, 0, 0, NULL, &m1), 0,
				    "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, m1, 0x77U, "%s", g->f->name);
		KUNIT_EXPECT_EQ_MSG(test, t_freads(g, NV_PFALCON_MAILBOX0), 0U, "%s",
				    g->f->name);
	}
}

/* Sets a fuse, asks for the version and checks it and the reads. */
static void t_expect_fuse(struct kunit *test, u32 base, u32 mask, u32 ucode_id,
			  u32 fuse, u32 fuse_val, u32 version)
{
	struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_ga102, base);
	u32 v = 0xdead;

	t_set(g, fuse, fuse_val);
	KUNIT_EXPECT_EQ_MSG(test, nova_falcon_fuse_version(g->f, mask, ucode_id, &v), 0,
			    "mask 0x%x ucode %u", mask, ucode_id);
	KUNIT_EXPECT_EQ_MSG(test, v, version, "mask 0x%x ucode %u", mask, ucode_id);
	KUNIT_EXPECT_EQ_MSG(test, g->nreads, 1U, "mask 0x%x ucode %u", mask, ucode_id);
	KUNIT_EXPECT_EQ_MSG(test, t_find(g, fuse)->reads, 1U, "mask 0x%x ucode %u",
			    mask, ucode_id);
	KUNIT_EXPECT_EQ_MSG(test, g->nwrites, 0U, "mask 0x%x ucode %u", mask, ucode_id);
}

static void t_expect_fuse_einval(struct kunit *test, u32 mask, u32 ucode_id)
{
	struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_ga102, NV_PFALCON_GSP_BASE);
	u32 v;

	KUNIT_EXPECT_EQ_MSG(test, nova_falcon_fuse_version(g->f, mask, ucode_id, &v),
			    -EINVAL, "mask 0x%x ucode %u", mask, ucode_id);
	KUNIT_EXPECT_EQ_MSG(test, g->nreads, 0U, "mask 0x%x ucode %u", mask, ucode_id);
	KUNIT_EXPECT_EQ_MSG(test, g->nwrites, 0U, "mask 0x%x ucode %u", mask, ucode_id);
}

/*
 * Signature fuse versions (GA102): the engine mask picks the SEC2, NVDEC
 * or GSP fuses (in that order), the ucode id the fuse; the version is the
 * highest bit set. Turing has none: version 0, nothing read.
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

	g = t_gpu_new(test, &nova_falcon_hal_tu102, NV_PFALCON_GSP_BASE);
	KUNIT_EXPECT_EQ(test, nova_falcon_fuse_version(g->f, BIT(10), 1, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0U);
	KUNIT_EXPECT_EQ(test, g->nreads, 0U);
	KUNIT_EXPECT_EQ(test, g->nwrites, 0U);
}

/* DMA context 4 targets coherent sysmem by physical address, nothing else. */
static void falcon_dma_ctx_sysmem(struct kunit *test)
{
	static const u32 before[] = { 0xfffffff2, 0x00000003, 0xabcd0018, 0x5 };
	const u32 reg = NV_PFALCON_FBIF_TRANSCFG0 + 4 * 4;
	unsigned int i, j;

	KUNIT_EXPECT_EQ(test, reg, 0x610U);
	for (i = 0; i < ARRAY_SIZE(t_bases); i++) {
		for (j = 0; j < ARRAY_SIZE(before); j++) {
			struct t_gpu *g = t_gpu_new(test, &nova_falcon_hal_ga102,
						    t_bases[i]);

			t_fset(g, reg, before[j]);
			nova_falcon_dma_ctx_sysmem(g->f, 4);
			t_expect_fwr(test, g, reg, (before[j] & ~7U) | 0x5);
			t_expect_done(test, g);
			KUNIT_EXPECT_EQ_MSG(test, t_fval(g, reg), (before[j] & ~7U) | 0x5,
					    "%s 0x%08x", g->f->name, before[j]);
		}
	}
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
	KUNIT_CASE(falcon_fuse_version),
	KUNIT_CASE(falcon_dma_ctx_sysmem),
	{}
};

static struct kunit_suite nova_falcon_suite = {
	.name = "nova_core_falcon",
	.suite_init = nova_falcon_suite_init,
	.suite_exit = nova_falcon_suite_exit,
	.test_cases = nova_falcon_cases,
};

kunit_test_suite(nova_falcon_suite);
