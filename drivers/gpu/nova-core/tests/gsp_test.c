// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's GSP firmware ABI (gsp/fw.h, gsp/fw.c): the
 * message element checksum on a hand-worked vector and on a whole element,
 * the queue pointers' arithmetic with hostile pointers, the checks of a
 * received element, and the radix3 page table's sizes and entries.
 * (The structures' layouts are checked at build time, in gsp/fw.h.)
 */

#include <kunit/test.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../fb.h"
#include "../firmware/fw.h"
#include "../gsp/fw.h"
#include "../gsp/gsp.h"
#include "../gsp/sequencer.h"

/* Two words worked out by hand: 0x11 ^ 0x22 = 0x33. */
static void gsp_checksum_vector(struct kunit *test)
{
	u8 buf[16];

	put_unaligned_le64(0x0000000100000002ULL, buf);
	put_unaligned_le64(0x0000001000000020ULL, buf + 8);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, sizeof(buf)), 0x33U);
	/* The halves fold: one word with equal halves sums to 0. */
	put_unaligned_le64(0xdeadbeefdeadbeefULL, buf);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, 8), 0U);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, 0), 0U);
}

/*
 * A two-slot element: stored, its checksum makes the element's checksum 0
 * (how GSP-RM checks it), and any flipped bit shows.
 */
static void gsp_checksum_element(struct kunit *test)
{
	size_t len = 2 * NOVA_GSP_MSG_SLOT, i;
	struct nova_gsp_msg_element *e;
	u8 *buf;

	buf = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < len; i++)
		buf[i] = (u8)(i * 7 + 3);
	e = (struct nova_gsp_msg_element *)buf;
	e->checksum = 0;
	e->checksum = nova_gsp_msg_checksum(buf, len);
	KUNIT_EXPECT_NE(test, e->checksum, 0U);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, len), 0U);
	buf[len - 1] ^= 0x10;
	KUNIT_EXPECT_NE(test, nova_gsp_msg_checksum(buf, len), 0U);
}

/* Sizes worked out by hand: 512 entries fill one page of a level. */
static void gsp_radix3_layout(struct kunit *test)
{
	struct nova_gsp_radix3_layout l;

	/* One page: one entry on each level, one page each. */
	KUNIT_ASSERT_EQ(test, nova_gsp_radix3_layout(0x1000, &l), 0);
	KUNIT_EXPECT_EQ(test, l.entries[2], 1U);
	KUNIT_EXPECT_EQ(test, l.entries[1], 1U);
	KUNIT_EXPECT_EQ(test, l.entries[0], 1U);
	KUNIT_EXPECT_EQ(test, l.bytes[2], 0x1000U);
	KUNIT_EXPECT_EQ(test, l.bytes[0], 0x1000U);

	/* 32 MiB: 8192 pages, 16 pages of level 2, one of level 1. */
	KUNIT_ASSERT_EQ(test, nova_gsp_radix3_layout(32ULL << 20, &l), 0);
	KUNIT_EXPECT_EQ(test, l.entries[2], 8192U);
	KUNIT_EXPECT_EQ(test, l.bytes[2], 0x10000U);
	KUNIT_EXPECT_EQ(test, l.entries[1], 16U);
	KUNIT_EXPECT_EQ(test, l.bytes[1], 0x1000U);
	KUNIT_EXPECT_EQ(test, l.entries[0], 1U);

	/* 512 pages + 1: level 2 needs a second page. */
	KUNIT_ASSERT_EQ(test, nova_gsp_radix3_layout(513 * 0x1000ULL, &l), 0);
	KUNIT_EXPECT_EQ(test, l.bytes[2], 0x2000U);
	KUNIT_EXPECT_EQ(test, l.entries[1], 2U);

	/* 1 GiB: 262144 pages, 512 pages of level 2: level 1 is full. */
	KUNIT_ASSERT_EQ(test, nova_gsp_radix3_layout(1ULL << 30, &l), 0);
	KUNIT_EXPECT_EQ(test, l.entries[2], 262144U);
	KUNIT_EXPECT_EQ(test, l.entries[1], 512U);
	KUNIT_EXPECT_EQ(test, l.bytes[1], 0x1000U);
	KUNIT_EXPECT_EQ(test, l.entries[0], 1U);

	KUNIT_EXPECT_EQ(test, nova_gsp_radix3_layout((1ULL << 30) + 0x1000, &l), -E2BIG);
	KUNIT_EXPECT_EQ(test, nova_gsp_radix3_layout(0, &l), -EINVAL);
	KUNIT_EXPECT_EQ(test, nova_gsp_radix3_layout(0x1800, &l), -EINVAL);
}

static void gsp_radix3_fill(struct kunit *test)
{
	u64 ptes[4] = { 0, 0, 0, 0xdead };

	nova_gsp_radix3_fill(ptes, 3, 0x123456000ULL);
	KUNIT_EXPECT_EQ(test, ptes[0], 0x123456000ULL);
	KUNIT_EXPECT_EQ(test, ptes[1], 0x123457000ULL);
	KUNIT_EXPECT_EQ(test, ptes[2], 0x123458000ULL);
	KUNIT_EXPECT_EQ(test, ptes[3], 0xdeadULL);
}

static void gsp_msgq_pointers(struct kunit *test)
{
	/* 63 slots (NVIDIA's queues): empty, one written, full, wrapped. */
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_free(0, 0, 63), 62);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(0, 0, 63), 0);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_free(1, 0, 63), 61);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(1, 0, 63), 1);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_free(62, 0, 63), 0);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(62, 0, 63), 62);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_free(3, 60, 63), 56);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(3, 60, 63), 6);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_free(59, 60, 63), 0);
	/* Pointers from the other side past the queue. */
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_free(63, 0, 63), -EPROTO);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(0, 0xffffffff, 63), -EPROTO);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(0, 0, 0), -EPROTO);
	/* A count the answer could not hold (found by the fuzz target). */
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_free(0, 10, 0xffffffff), -EPROTO);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(10, 0, 0x80000000), -EPROTO);
	KUNIT_EXPECT_EQ(test, nova_gsp_msgq_avail(10, 0, 0x7fffffff), 10);
}

/*
 * Fills @n bytes with a sequence whose 64-bit words do not cancel out:
 * what a sender may leave in its slots after a message.
 */
static void t_garbage(u8 *p, size_t n)
{
	u32 x = 0x2545f491;
	size_t i;

	for (i = 0; i < n; i++) {
		x = x * 1103515245 + 12345;
		p[i] = x >> 16;
	}
}

/*
 * A good two-slot element with sequence number 7 and a 100-byte payload:
 * its message is 0x30 + 0x20 + 100 bytes, 0xb8 rounded up to 8, and its
 * slots hold garbage after that, which its checksum does not cover.
 */
#define T_ELEMENT_SUM	0xb8

static u8 *t_element(struct kunit *test, size_t len)
{
	struct nova_gsp_msg_element *e;
	u8 *buf = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	t_garbage(buf + T_ELEMENT_SUM, len - T_ELEMENT_SUM);
	e = (struct nova_gsp_msg_element *)buf;
	e->seq_num = 7;
	e->elem_count = len / NOVA_GSP_MSG_SLOT;
	e->rpc.header_version = NOVA_RPC_HEADER_VERSION;
	e->rpc.signature = NOVA_RPC_SIGNATURE;
	e->rpc.length = sizeof(e->rpc) + 100;
	e->rpc.function = NOVA_RPC_EVENT_GSP_INIT_DONE;
	memset(e->rpc.data, 0x5a, 100);
	e->checksum = nova_gsp_msg_checksum(buf, T_ELEMENT_SUM);
	return buf;
}

/* Breaks one thing of a good element and expects it refused, so. */
static void t_bad(struct kunit *test, size_t len, int err, const char *reason,
		  void (*spoil)(struct nova_gsp_msg_element *e, size_t len),
		  bool fix_checksum)
{
	u8 *buf = t_element(test, 2 * NOVA_GSP_MSG_SLOT);
	struct nova_gsp_msg_element *e = (struct nova_gsp_msg_element *)buf;
	const char *why;

	spoil(e, len);
	if (fix_checksum) {
		e->checksum = 0;
		e->checksum = nova_gsp_msg_checksum(buf, nova_gsp_msg_sum_len(e, len));
	}
	KUNIT_EXPECT_EQ_MSG(test, nova_gsp_msg_check(buf, len, 7, &why), err,
			    "%s", reason);
	KUNIT_EXPECT_STREQ(test, why ? why : "(none)", reason);
}

static void t_count0(struct nova_gsp_msg_element *e, size_t len)
{
	e->elem_count = 0;
}

static void t_count17(struct nova_gsp_msg_element *e, size_t len)
{
	e->elem_count = 17;
}

/* The payload's last byte. */
static void t_flip(struct nova_gsp_msg_element *e, size_t len)
{
	((u8 *)e)[T_ELEMENT_SUM - 5] ^= 1;
}

static void t_seq(struct nova_gsp_msg_element *e, size_t len)
{
	e->seq_num = 8;
}

static void t_sig(struct nova_gsp_msg_element *e, size_t len)
{
	e->rpc.signature = 0x43505257;
}

static void t_version(struct nova_gsp_msg_element *e, size_t len)
{
	e->rpc.header_version = 0x02000000;
}

static void t_short(struct nova_gsp_msg_element *e, size_t len)
{
	e->rpc.length = sizeof(e->rpc) - 1;
}

static void t_long(struct nova_gsp_msg_element *e, size_t len)
{
	e->rpc.length = 2 * NOVA_GSP_MSG_SLOT - 48 + 1;
}

static void t_nothing(struct nova_gsp_msg_element *e, size_t len)
{
}

static void gsp_msg_check(struct kunit *test)
{
	size_t len = 2 * NOVA_GSP_MSG_SLOT;
	u8 *buf = t_element(test, len);
	struct nova_gsp_msg_element *e = (struct nova_gsp_msg_element *)buf;
	const char *why;

	KUNIT_EXPECT_EQ(test, nova_gsp_msg_check(buf, len, 7, &why), 0);
	KUNIT_EXPECT_NULL(test, why);
	/*
	 * The slots' garbage after the message counts for nothing (a sum
	 * over whole slots would see it), nor does any change to it.
	 */
	KUNIT_EXPECT_NE(test, nova_gsp_msg_checksum(buf, len), 0U);
	buf[T_ELEMENT_SUM] ^= 1;
	buf[len - 1] ^= 0x80;
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_check(buf, len, 7, &why), 0);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_sum_len(e, len), (size_t)T_ELEMENT_SUM);
	/* The largest RPC that fits is accepted too. */
	e->rpc.length = len - 48;
	e->checksum = 0;
	e->checksum = nova_gsp_msg_checksum(buf, len);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_check(buf, len, 7, &why), 0);

	t_bad(test, len, -EPROTO, "bad element count", t_count0, true);
	t_bad(test, len, -EPROTO, "bad element count", t_count17, true);
	/* One slot of a two-slot element, and half a slot. */
	t_bad(test, NOVA_GSP_MSG_SLOT, -EPROTO, "bad element count", t_nothing, false);
	t_bad(test, NOVA_GSP_MSG_SLOT / 2, -EPROTO, "not a whole number of slots",
	      t_nothing, false);
	t_bad(test, len, -EBADMSG, "bad checksum", t_flip, false);
	t_bad(test, len, -EPROTO, "out of sequence", t_seq, true);
	t_bad(test, len, -EPROTO, "bad RPC header version or signature", t_sig, true);
	t_bad(test, len, -EPROTO, "bad RPC header version or signature", t_version, true);
	t_bad(test, len, -EPROTO, "RPC length outside the element", t_short, true);
	t_bad(test, len, -EPROTO, "RPC length outside the element", t_long, true);
}

/*
 * GspFwWprMeta from the 8 GiB GA102 layout of fb_test.c (display, VGA
 * workspace at the default 1 MiB below the top), every field against the
 * numbers worked out there.
 */
static void gsp_wpr_meta(struct kunit *test)
{
	struct nova_fb_params p = {
		.fb_size = 0x200000000ULL,
		.libos3 = true,
		.bootloader_size = SZ_4K,
		.gsp_size = SZ_64K,
	};
	struct nova_fw_bootloader bl = {
		.ucode_len = SZ_4K,
		.monitor_code_offset = 0x100,
		.monitor_data_offset = 0x200,
		.manifest_offset = 0x300,
	};
	struct nova_gsp_wpr_meta *m;
	struct nova_fb_layout l;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	nova_gsp_wpr_meta_fill(m, &l, 0x100000000ULL, SZ_64K, &bl,
			       0x100010000ULL, 0x100020000ULL, 0x1000);

	KUNIT_EXPECT_EQ(test, m->magic, 0xdc3aae21371a60b3ULL);
	KUNIT_EXPECT_EQ(test, m->revision, 1ULL);
	KUNIT_EXPECT_EQ(test, m->sysmem_addr_radix3_elf, 0x100000000ULL);
	KUNIT_EXPECT_EQ(test, m->size_radix3_elf, 0x10000ULL);
	KUNIT_EXPECT_EQ(test, m->sysmem_addr_bootloader, 0x100010000ULL);
	KUNIT_EXPECT_EQ(test, m->size_bootloader, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, m->bootloader_code_offset, 0x100ULL);
	KUNIT_EXPECT_EQ(test, m->bootloader_data_offset, 0x200ULL);
	KUNIT_EXPECT_EQ(test, m->bootloader_manifest_offset, 0x300ULL);
	KUNIT_EXPECT_EQ(test, m->sysmem_addr_signature, 0x100020000ULL);
	KUNIT_EXPECT_EQ(test, m->size_signature, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_rsvd_start, 0x1f7c00000ULL);
	KUNIT_EXPECT_EQ(test, m->non_wpr_heap_offset, 0x1f7c00000ULL);
	KUNIT_EXPECT_EQ(test, m->non_wpr_heap_size, 0x100000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_wpr_start, 0x1f7d00000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_offset, 0x1f7e00000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_size, 0x7f00000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_offset, 0x1ffde0000ULL);
	KUNIT_EXPECT_EQ(test, m->boot_bin_offset, 0x1ffdff000ULL);
	KUNIT_EXPECT_EQ(test, m->frts_offset, 0x1ffe00000ULL);
	KUNIT_EXPECT_EQ(test, m->frts_size, 0x100000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_wpr_end, 0x1fff00000ULL);
	KUNIT_EXPECT_EQ(test, m->fb_size, 0x200000000ULL);
	KUNIT_EXPECT_EQ(test, m->vga_workspace_offset, 0x1fff00000ULL);
	KUNIT_EXPECT_EQ(test, m->vga_workspace_size, 0x100000ULL);
	KUNIT_EXPECT_EQ(test, m->boot_count, 0ULL);
	KUNIT_EXPECT_EQ(test, m->verified, 0ULL);
}

/* A fake GPU for the sequencer: 64 registers, and what it was asked. */
struct t_seq {
	u32 reg[64];
	u32 core[8];
	unsigned int ncore;
	u32 delay;
	u32 timeout;
};

static int t_seq_rd32(void *ctx, u32 addr, u32 *val)
{
	struct t_seq *t = ctx;

	if (addr % 4 || addr / 4 >= ARRAY_SIZE(t->reg))
		return -EINVAL;
	*val = t->reg[addr / 4];
	return 0;
}

static int t_seq_wr32(void *ctx, u32 addr, u32 val)
{
	struct t_seq *t = ctx;

	if (addr % 4 || addr / 4 >= ARRAY_SIZE(t->reg))
		return -EINVAL;
	t->reg[addr / 4] = val;
	return 0;
}

static int t_seq_poll(void *ctx, u32 addr, u32 mask, u32 val, u32 timeout_us)
{
	struct t_seq *t = ctx;
	u32 cur;
	int ret = t_seq_rd32(ctx, addr, &cur);

	t->timeout = timeout_us;
	if (ret)
		return ret;
	return (cur & mask) == val ? 0 : -ETIMEDOUT;
}

static void t_seq_delay(void *ctx, u32 us)
{
	((struct t_seq *)ctx)->delay += us;
}

static int t_seq_core(void *ctx, u32 op)
{
	struct t_seq *t = ctx;

	if (t->ncore == ARRAY_SIZE(t->core))
		return -ENOSPC;
	t->core[t->ncore++] = op;
	return 0;
}

static const struct nova_gsp_seq_ops t_seq_ops = {
	.rd32 = t_seq_rd32,
	.wr32 = t_seq_wr32,
	.poll = t_seq_poll,
	.delay_us = t_seq_delay,
	.core = t_seq_core,
};

/* Every opcode once, worked out by hand. */
static void gsp_seq_all_opcodes(struct kunit *test)
{
	static const u32 script[] = {
		0, 0x4, 0x11,			/* WRITE r1 = 0x11 */
		1, 0x4, 0xf0, 0x20,		/* MODIFY r1: 0x21 */
		2, 0x4, 0xff, 0x21, 0, 0,	/* POLL r1 == 0x21, default timeout */
		3, 5,				/* DELAY 5 us */
		4, 0x4, 3,			/* STORE r1 in slot 3 */
		5, 6, 7, 8,			/* CORE RESET, START, WAIT, RESUME */
		0xdead,				/* past cmdIndex: never read */
	};
	struct nova_gsp_seq_result res;
	struct t_seq t = {};

	KUNIT_ASSERT_EQ(test, nova_gsp_seq_run(script, ARRAY_SIZE(script),
					       ARRAY_SIZE(script) - 1,
					       &t_seq_ops, &t, &res), 0);
	KUNIT_EXPECT_EQ(test, t.reg[1], 0x21U);
	KUNIT_EXPECT_EQ(test, t.timeout, 4000000U);
	KUNIT_EXPECT_EQ(test, t.delay, 5U);
	KUNIT_EXPECT_EQ(test, res.save[3], 0x21U);
	KUNIT_EXPECT_EQ(test, t.ncore, 4U);
	KUNIT_EXPECT_EQ(test, t.core[0], 5U);
	KUNIT_EXPECT_EQ(test, t.core[3], 8U);
	KUNIT_EXPECT_EQ(test, res.cmds, 9U);
	KUNIT_EXPECT_EQ(test, res.word, (u32)ARRAY_SIZE(script) - 1);
	KUNIT_EXPECT_NULL(test, res.why);
}

/* Hostile scripts are refused before anything past the fault runs. */
static void gsp_seq_hostile(struct kunit *test)
{
	struct nova_gsp_seq_result res;
	struct t_seq t = {};
	u32 s[8] = {};

	/* cmdIndex past the message. */
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 2, 3, &t_seq_ops, &t, &res), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, res.why);
	/* Unknown opcode, after a good command that ran. */
	s[0] = 3; s[1] = 1; s[2] = 9;
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 8, 3, &t_seq_ops, &t, &res), -EINVAL);
	KUNIT_EXPECT_EQ(test, res.word, 2U);
	KUNIT_EXPECT_EQ(test, res.opcode, 9U);
	KUNIT_EXPECT_EQ(test, t.delay, 1U);
	/* A payload cut by cmdIndex (POLL needs 5 words). */
	s[0] = 2;
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 8, 5, &t_seq_ops, &t, &res), -EINVAL);
	KUNIT_EXPECT_EQ(test, res.cmds, 0U);
	/* Save slot 8, a 1 s + 1 us delay, a 10 s + 1 us timeout. */
	s[0] = 4; s[1] = 0; s[2] = 8;
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 8, 3, &t_seq_ops, &t, &res), -EINVAL);
	s[0] = 3; s[1] = 1000001;
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 8, 2, &t_seq_ops, &t, &res), -EINVAL);
	KUNIT_EXPECT_EQ(test, t.delay, 1U);
	s[0] = 2; s[1] = 0; s[2] = 0; s[3] = 0; s[4] = 10000001;
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 8, 6, &t_seq_ops, &t, &res), -EINVAL);
	/* A callback's error stops the script, with no reason of its own. */
	s[0] = 0; s[1] = 0x1000; s[2] = 1;
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 8, 3, &t_seq_ops, &t, &res), -EINVAL);
	KUNIT_EXPECT_NULL(test, res.why);
	KUNIT_EXPECT_EQ(test, res.cmds, 1U);
	s[0] = 2; s[1] = 0; s[2] = 1; s[3] = 1; s[4] = 0;
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 8, 6, &t_seq_ops, &t, &res), -ETIMEDOUT);
	/* An empty script does nothing. */
	KUNIT_EXPECT_EQ(test, nova_gsp_seq_run(s, 0, 0, &t_seq_ops, &t, &res), 0);
	KUNIT_EXPECT_EQ(test, res.cmds, 0U);
}

/* Shared memory in plain kernel memory, with the driver's view of it. */
static void *t_queues(struct kunit *test, struct nova_gsp_queues *q)
{
	void *shm = kunit_kzalloc(test, NOVA_GSP_SHM_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, shm);
	KUNIT_ASSERT_EQ(test, nova_gsp_queues_init(q, shm), 0);
	return shm;
}

static u32 *t_u32(void *shm, size_t off)
{
	return shm + off;
}

#define T_CMD_WPTR	(NOVA_GSP_CMDQ_OFFSET + 0x10)
#define T_MSG_RPTR	(NOVA_GSP_CMDQ_OFFSET + 0x20)
#define T_MSG_WPTR	(NOVA_GSP_MSGQ_OFFSET + 0x10)
#define T_CMD_RPTR	(NOVA_GSP_MSGQ_OFFSET + 0x20)

static void *t_slot(void *shm, size_t queue, u32 slot)
{
	return shm + queue + 0x1000 + (size_t)slot * 0x1000;
}

/* Commands: framing, checksum, wrap-around, a full queue, hostile GSP. */
static void gsp_queue_push(struct kunit *test)
{
	struct nova_gsp_queues q;
	void *shm = t_queues(test, &q), *el;
	const struct nova_gsp_msg_element *e;
	const char *why;
	u8 *pl, *got;
	size_t i;

	pl = kunit_kzalloc(test, 2 * 0x1000, GFP_KERNEL);
	got = kunit_kzalloc(test, 3 * 0x1000, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pl);
	KUNIT_ASSERT_NOT_NULL(test, got);
	for (i = 0; i < 2 * 0x1000; i++)
		pl[i] = i * 7;

	KUNIT_ASSERT_EQ(test, nova_gsp_queues_push(&q, 72, 5, pl, 100, &why), 0);
	KUNIT_EXPECT_EQ(test, *t_u32(shm, T_CMD_WPTR), 1U);
	e = t_slot(shm, NOVA_GSP_CMDQ_OFFSET, 0);
	KUNIT_EXPECT_EQ(test, e->seq_num, 0U);
	KUNIT_EXPECT_EQ(test, e->elem_count, 1U);
	KUNIT_EXPECT_EQ(test, e->rpc.function, 72U);
	KUNIT_EXPECT_EQ(test, e->rpc.sequence, 5U);
	KUNIT_EXPECT_EQ(test, e->rpc.length, 0x20U + 100);
	KUNIT_EXPECT_EQ(test, e->rpc.rpc_result, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, memcmp(e->rpc.data, pl, 100), 0);
	/* 0x50 bytes of headers and 100 of payload, rounded up to 8. */
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(e, 0xb8), 0U);

	/* Three slots from slot 61: 61, 62, then 0. */
	q.wptr = 61;
	*t_u32(shm, T_CMD_RPTR) = 61;
	KUNIT_ASSERT_EQ(test, nova_gsp_queues_push(&q, 73, 6, pl, 2 * 0x1000, &why), 0);
	KUNIT_EXPECT_EQ(test, *t_u32(shm, T_CMD_WPTR), 1U);
	memcpy(got, t_slot(shm, NOVA_GSP_CMDQ_OFFSET, 61), 2 * 0x1000);
	memcpy(got + 2 * 0x1000, t_slot(shm, NOVA_GSP_CMDQ_OFFSET, 0), 0x1000);
	el = got;
	e = el;
	KUNIT_EXPECT_EQ(test, e->seq_num, 1U);
	KUNIT_EXPECT_EQ(test, e->elem_count, 3U);
	KUNIT_EXPECT_EQ(test, memcmp(e->rpc.data, pl, 2 * 0x1000), 0);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(got, 0x2050), 0U);

	/* Full: GSP-RM read up to slot 2, one slot is always left free. */
	*t_u32(shm, T_CMD_RPTR) = 2;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_push(&q, 72, 7, pl, 1, &why), -EAGAIN);
	*t_u32(shm, T_CMD_RPTR) = 3;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_push(&q, 72, 7, pl, 1, &why), 0);
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_push(&q, 72, 8, pl, 1, &why), -EAGAIN);
	/* A read pointer out of range; a payload too long for an element. */
	*t_u32(shm, T_CMD_RPTR) = 63;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_push(&q, 72, 8, pl, 1, &why), -EPROTO);
	KUNIT_EXPECT_NOT_NULL(test, why);
	*t_u32(shm, T_CMD_RPTR) = 2;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_push(&q, 72, 8, pl,
						   NOVA_GSP_MSG_MAX_PAYLOAD + 1, &why),
			-E2BIG);
	nova_gsp_queues_fini(&q);
}

/*
 * Elements written in place over what earlier ones left: the message is
 * written, up to 8-byte alignment, and nothing after it: the checksum
 * covers the message alone, and GSP-RM reads no more.
 */
static void gsp_queue_push_reuse(struct kunit *test)
{
	struct nova_gsp_queues q;
	void *shm = t_queues(test, &q);
	u8 *slot0 = t_slot(shm, NOVA_GSP_CMDQ_OFFSET, 0);
	u8 *slot1 = t_slot(shm, NOVA_GSP_CMDQ_OFFSET, 1);
	const char *why;
	u8 *pl;

	pl = kunit_kzalloc(test, 0x1800, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pl);
	memset(pl, 0xa5, 0x1800);

	/* What the memory held after the first element stays. */
	memset(slot0, 0xff, 2 * 0x1000);
	KUNIT_ASSERT_EQ(test, nova_gsp_queues_push(&q, 72, 1, pl, 3, &why), 0);
	/* 0x50 + 3 bytes, and 5 zeroes to 0x58. */
	KUNIT_EXPECT_NULL(test, memchr_inv(slot0 + 0x53, 0, 5));
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(slot0, 0x58), 0U);
	KUNIT_EXPECT_NULL(test, memchr_inv(slot0 + 0x58, 0xff, 0x1000 - 0x58));

	/* A two-slot element from slot 0, then a short one there again. */
	q.wptr = 0;
	*t_u32(shm, T_CMD_RPTR) = 0;
	KUNIT_ASSERT_EQ(test, nova_gsp_queues_push(&q, 72, 2, pl, 0x1800, &why), 0);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(slot0, 0x1850), 0U);
	q.wptr = 0;
	KUNIT_ASSERT_EQ(test, nova_gsp_queues_push(&q, 72, 3, pl, 16, &why), 0);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(slot0, 0x60), 0U);
	KUNIT_EXPECT_EQ(test, slot0[0x60], 0xa5);
	KUNIT_EXPECT_EQ(test, slot1[0x7ff], 0xa5);
	nova_gsp_queues_fini(&q);
}

/* GSP-RM's side: an element of @slots built at @slot of the status queue. */
static void t_gsp_send(struct kunit *test, void *shm, u32 slot, u32 seq,
		       u32 fn, size_t len, u32 *wptr)
{
	u8 *buf = kunit_kzalloc(test, 16 * 0x1000, GFP_KERNEL);
	u8 *pl = kunit_kzalloc(test, 16 * 0x1000, GFP_KERNEL);
	int n, i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, pl);
	for (i = 0; i < len; i++)
		pl[i] = i;
	/* Garbage after the message, as GSP-RM may leave there. */
	t_garbage(buf, 16 * 0x1000);
	n = nova_gsp_msg_build(buf, 16 * 0x1000, seq, fn, 0, pl, len);
	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_EXPECT_NE(test, nova_gsp_msg_checksum(buf, n * 0x1000), 0U);
	for (i = 0; i < n; i++)
		memcpy(t_slot(shm, NOVA_GSP_MSGQ_OFFSET, (slot + i) % 63),
		       buf + i * 0x1000, 0x1000);
	*wptr = (slot + n) % 63;
}

static void gsp_queue_pop(struct kunit *test)
{
	struct nova_gsp_queues q;
	void *shm = t_queues(test, &q);
	struct nova_gsp_msg msg;
	const char *why;
	u32 w;

	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EAGAIN);

	/* A two-slot event at slot 62, wrapping to slot 0. */
	q.rptr = 62;
	t_gsp_send(test, shm, 62, 0, 0x1001, 0x1100, &w);
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_ASSERT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), 0);
	KUNIT_EXPECT_EQ(test, msg.rpc->function, 0x1001U);
	KUNIT_EXPECT_EQ(test, msg.len, (size_t)0x1100);
	KUNIT_EXPECT_EQ(test, ((const u8 *)msg.payload)[0x10ff], (u8)0xff);
	KUNIT_EXPECT_EQ(test, *t_u32(shm, T_MSG_RPTR), 1U);
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EAGAIN);

	/* Out of sequence (0 again): consumed, refused; the next one is fine. */
	t_gsp_send(test, shm, 1, 0, 65, 8, &w);
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EPROTO);
	KUNIT_EXPECT_NOT_NULL(test, why);
	t_gsp_send(test, shm, 2, 2, 65, 8, &w);
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), 0);

	/* A flipped bit in the payload's last byte: bad checksum. */
	t_gsp_send(test, shm, 3, 3, 65, 8, &w);
	((u8 *)t_slot(shm, NOVA_GSP_MSGQ_OFFSET, 3))[0x57] ^= 1;
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EBADMSG);

	/* A flipped bit after the message, in the slot's rest: not its. */
	t_gsp_send(test, shm, 4, 4, 65, 8, &w);
	((u8 *)t_slot(shm, NOVA_GSP_MSGQ_OFFSET, 4))[0xff8] ^= 0x80;
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), 0);

	/* In the message's part after the wrap: refused; in the rest, not. */
	q.rptr = 62;
	q.msg_seq = 5;
	t_gsp_send(test, shm, 62, 5, 65, 0x1010, &w);
	((u8 *)t_slot(shm, NOVA_GSP_MSGQ_OFFSET, 0))[0x5f] ^= 4;
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EBADMSG);
	q.rptr = 62;
	q.msg_seq = 5;
	t_gsp_send(test, shm, 62, 5, 65, 0x1010, &w);
	((u8 *)t_slot(shm, NOVA_GSP_MSGQ_OFFSET, 0))[0x60] ^= 4;
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), 0);
	KUNIT_EXPECT_EQ(test, ((const u8 *)msg.payload)[0x100f], (u8)0x0f);
	/* A length past the element: refused before anything is copied. */
	t_gsp_send(test, shm, 1, 6, 65, 8, &w);
	((struct nova_gsp_msg_element *)t_slot(shm, NOVA_GSP_MSGQ_OFFSET, 1))->rpc.length =
		0x10000;
	*t_u32(shm, T_MSG_WPTR) = w;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EBADMSG);
	q.rptr = 4;
	q.msg_seq = 4;

	/* An element claiming more slots than were published. */
	t_gsp_send(test, shm, 4, 4, 65, 0x1800, &w);
	*t_u32(shm, T_MSG_WPTR) = 5;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EPROTO);
	KUNIT_EXPECT_EQ(test, q.rptr, 5U);

	/* A write pointer out of range. */
	*t_u32(shm, T_MSG_WPTR) = 63;
	KUNIT_EXPECT_EQ(test, nova_gsp_queues_pop(&q, &msg, &why), -EPROTO);
	nova_gsp_queues_fini(&q);
}

/* SET_REGISTRY's table of upstream Nova's three keys, worked out by hand. */
static void gsp_registry(struct kunit *test)
{
	static const char *const names[] = {
		"RMSecBusResetEnable", "RMForcePcieConfigSave", "RMDevidCheckIgnore",
	};
	static const u32 values[] = { 1, 1, 0x12345678 };
	const struct nova_registry_table *t;
	u8 *buf;

	KUNIT_ASSERT_EQ(test, nova_gsp_registry_build(NULL, 0, names, values, 3), 117);
	buf = kunit_kzalloc(test, 117, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, nova_gsp_registry_build(buf, 116, names, values, 3), -ENOSPC);
	KUNIT_ASSERT_EQ(test, nova_gsp_registry_build(buf, 117, names, values, 3), 117);
	t = (const void *)buf;
	KUNIT_EXPECT_EQ(test, t->size, 117U);
	KUNIT_EXPECT_EQ(test, t->num_entries, 3U);
	KUNIT_EXPECT_EQ(test, t->entries[0].name_offset, 56U);
	KUNIT_EXPECT_EQ(test, t->entries[1].name_offset, 76U);
	KUNIT_EXPECT_EQ(test, t->entries[2].name_offset, 98U);
	KUNIT_EXPECT_EQ(test, t->entries[2].type, 1);
	KUNIT_EXPECT_EQ(test, t->entries[2].data, 0x12345678U);
	KUNIT_EXPECT_EQ(test, t->entries[2].length, 4U);
	KUNIT_EXPECT_STREQ(test, (const char *)buf + 76, "RMForcePcieConfigSave");
	KUNIT_EXPECT_EQ(test, buf[116], 0);
}

static struct kunit_case nova_gsp_cases[] = {
	KUNIT_CASE(gsp_msgq_pointers),
	KUNIT_CASE(gsp_msg_check),
	KUNIT_CASE(gsp_checksum_vector),
	KUNIT_CASE(gsp_checksum_element),
	KUNIT_CASE(gsp_radix3_layout),
	KUNIT_CASE(gsp_radix3_fill),
	KUNIT_CASE(gsp_wpr_meta),
	KUNIT_CASE(gsp_seq_all_opcodes),
	KUNIT_CASE(gsp_seq_hostile),
	KUNIT_CASE(gsp_queue_push),
	KUNIT_CASE(gsp_queue_push_reuse),
	KUNIT_CASE(gsp_queue_pop),
	KUNIT_CASE(gsp_registry),
	{}
};

static struct kunit_suite nova_gsp_suite = {
	.name = "nova_core_gsp",
	.test_cases = nova_gsp_cases,
};

kunit_test_suite(nova_gsp_suite);
