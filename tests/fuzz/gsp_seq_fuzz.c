// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's GSP sequencer (gsp/sequencer.c): the
 * register script GSP-RM sends the CPU in RUN_CPU_SEQUENCER, hostile
 * input from the firmware.
 *
 * The input (gsp_seq_fuzz.h) is a few control bytes, then the script's
 * words. The words go into a heap buffer of exactly their size, so that
 * ASan sees any read past it; the control bytes choose cmdIndex (the
 * script's end: the words' count, a count within them, or any value) and
 * which callback fails (with -ENXIO). The callbacks act on a small
 * register file and record every call.
 *
 * Every answer must agree with a model of the interpreter written here
 * from NVIDIA's r570.144 GSP_SEQ_BUF_OPCODE_* numbers and payload structs
 * as literals (not from the driver's tables): the same calls with the same
 * arguments in the same order, the same return value, res->why set exactly
 * for a malformed script (-EINVAL) and NULL otherwise, the same command
 * count, failing word, opcode and saved registers. Whatever the input, no
 * poll longer than 10 s and no delay longer than 1 s reaches a callback,
 * and no core operation other than the four is asked for.
 */
#include "../../drivers/gpu/nova-core/gsp/fw.h"
#include "../../drivers/gpu/nova-core/gsp/sequencer.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/unaligned.h>
#include "gsp_seq_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* NVIDIA's GSP_SEQ_BUF_OPCODE_* (r570.144), and their payload words. */
enum { OP_WRITE, OP_MODIFY, OP_POLL, OP_DELAY, OP_STORE, OP_RESET, OP_START,
	OP_WAIT_HALT, OP_RESUME, OP_COUNT };
static const unsigned int ref_payload[OP_COUNT] = {
	2,	/* GSP_SEQ_BUF_PAYLOAD_REG_WRITE: addr, val */
	3,	/* _REG_MODIFY: addr, mask, val */
	5,	/* _REG_POLL: addr, mask, val, timeout, error */
	1,	/* _DELAY_US: val */
	2,	/* _REG_STORE: addr, index */
	0, 0, 0, 0,
};

_Static_assert(NOVA_SEQ_REG_WRITE == 0 && NOVA_SEQ_REG_MODIFY == 1 &&
	       NOVA_SEQ_REG_POLL == 2 && NOVA_SEQ_DELAY_US == 3 &&
	       NOVA_SEQ_REG_STORE == 4 && NOVA_SEQ_CORE_RESET == 5 &&
	       NOVA_SEQ_CORE_START == 6 && NOVA_SEQ_CORE_WAIT_FOR_HALT == 7 &&
	       NOVA_SEQ_CORE_RESUME == 8, "r570.144's sequencer opcodes");

/* One callback as it was called. */
struct call {
	u32 kind;	/* 'r', 'w', 'p', 'd', 'c' */
	u32 a, b, c, d;
};

/* A register file of a few addresses, and the record of the calls. */
struct ctx {
	u32 addr[64], val[64];
	unsigned int nregs;
	struct call *calls;
	size_t ncalls, max_calls;
	unsigned int fail_at;	/* the failing call, 1-based; 0: none */
	unsigned int failable;	/* calls that could fail so far */
};

static u32 reg_read(const struct ctx *c, u32 addr)
{
	unsigned int i;

	for (i = 0; i < c->nregs; i++)
		if (c->addr[i] == addr)
			return c->val[i];
	return addr * 2654435761u;	/* what an untouched register holds */
}

static void reg_write(struct ctx *c, u32 addr, u32 val)
{
	unsigned int i;

	for (i = 0; i < c->nregs; i++)
		if (c->addr[i] == addr)
			break;
	if (i == c->nregs) {
		if (c->nregs == 64)
			i = addr % 64;	/* forget one: both sides alike */
		else
			c->nregs++;
		c->addr[i] = addr;
	}
	c->val[i] = val;
}

static void record(struct ctx *c, u32 kind, u32 a, u32 b, u32 cc, u32 d)
{
	if (c->ncalls == c->max_calls)
		abort();	/* more calls than commands: impossible */
	c->calls[c->ncalls++] = (struct call){ kind, a, b, cc, d };
}

/* Whether the next failable call fails. */
static int fails(struct ctx *c)
{
	return ++c->failable == c->fail_at ? -ENXIO : 0;
}

static int cb_rd32(void *p, u32 addr, u32 *val)
{
	struct ctx *c = p;

	record(c, 'r', addr, 0, 0, 0);
	if (fails(c))
		return -ENXIO;
	*val = reg_read(c, addr);
	return 0;
}

static int cb_wr32(void *p, u32 addr, u32 val)
{
	struct ctx *c = p;

	record(c, 'w', addr, val, 0, 0);
	if (fails(c))
		return -ENXIO;
	reg_write(c, addr, val);
	return 0;
}

static int cb_poll(void *p, u32 addr, u32 mask, u32 val, u32 timeout_us)
{
	struct ctx *c = p;

	if (timeout_us > 10000000)
		abort();	/* a poll of over 10 s reached the GPU */
	record(c, 'p', addr, mask, val, timeout_us);
	if (fails(c))
		return -ENXIO;
	return (reg_read(c, addr) & mask) == val ? 0 : -ETIMEDOUT;
}

static void cb_delay(void *p, u32 us)
{
	struct ctx *c = p;

	if (us > 1000000)
		abort();	/* a delay of over 1 s reached the CPU */
	record(c, 'd', us, 0, 0, 0);
}

static int cb_core(void *p, u32 op)
{
	struct ctx *c = p;

	if (op < OP_RESET || op > OP_RESUME)
		abort();	/* not a core operation */
	record(c, 'c', op, 0, 0, 0);
	return fails(c);
}

static const struct nova_gsp_seq_ops ops = {
	.rd32 = cb_rd32,
	.wr32 = cb_wr32,
	.poll = cb_poll,
	.delay_us = cb_delay,
	.core = cb_core,
};

/* The model: what the interpreter must do, with the same callbacks. */
static int ref_run(const u32 *w, size_t words, u32 end, struct ctx *c,
		   struct nova_gsp_seq_result *r)
{
	u32 i = 0, op, v, t;
	const u32 *p;
	int ret;

	memset(r, 0, sizeof(*r));
	if (end > words) {
		r->why = "";
		return -EINVAL;
	}
	while (i < end) {
		op = w[i];
		r->word = i;
		r->opcode = op;
		if (op >= OP_COUNT || ref_payload[op] >= end - i) {
			r->why = "";
			return -EINVAL;
		}
		r->cmds++;
		p = w + i + 1;
		ret = 0;
		switch (op) {
		case OP_WRITE:
			ret = cb_wr32(c, p[0], p[1]);
			break;
		case OP_MODIFY:
			ret = cb_rd32(c, p[0], &v);
			if (!ret)
				ret = cb_wr32(c, p[0], (v & ~p[1]) | p[2]);
			break;
		case OP_POLL:
			t = p[3] ? p[3] : 4000000;
			if (t > 10000000) {
				r->why = "";
				return -EINVAL;
			}
			ret = cb_poll(c, p[0], p[1], p[2], t);
			break;
		case OP_DELAY:
			if (p[0] > 1000000) {
				r->why = "";
				return -EINVAL;
			}
			cb_delay(c, p[0]);
			break;
		case OP_STORE:
			if (p[1] >= 8) {
				r->why = "";
				return -EINVAL;
			}
			ret = cb_rd32(c, p[0], &v);
			if (!ret)
				r->save[p[1]] = v;
			break;
		default:
			ret = cb_core(c, op);
		}
		if (ret)
			return ret;
		i += 1 + ref_payload[op];
	}
	r->word = i;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nova_gsp_seq_result res, want;
	struct ctx got_c = {}, want_c = {};
	size_t words, i;
	u32 end, *w;
	int got, ref;

	if (size < SEQ_FUZZ_HDR)
		return 0;
	words = (size - SEQ_FUZZ_HDR) / 4;
	/* Exactly the words, so that ASan catches a read past them. */
	w = malloc(words ? words * 4 : 1);
	if (!w)
		return 0;
	for (i = 0; i < words; i++)
		w[i] = get_unaligned_le32(data + SEQ_FUZZ_HDR + 4 * i);

	end = get_unaligned_le32(data + SEQ_FUZZ_END);
	switch (data[SEQ_FUZZ_END_MODE] % 4) {
	case 0:
	case 1:
		end = words;			/* the usual: the whole message */
		break;
	case 2:
		end = words ? end % (words + 1) : 0;	/* within it */
		break;
	default:
		break;				/* any value */
	}

	/* At most two calls per command, and a command per word. */
	got_c.max_calls = want_c.max_calls = 2 * words + 1;
	got_c.calls = calloc(got_c.max_calls, sizeof(struct call));
	want_c.calls = calloc(want_c.max_calls, sizeof(struct call));
	if (!got_c.calls || !want_c.calls)
		abort();
	got_c.fail_at = want_c.fail_at = data[SEQ_FUZZ_FAIL_AT];

	got = nova_gsp_seq_run(w, words, end, &ops, &got_c, &res);
	ref = ref_run(w, words, end, &want_c, &want);

	if (got != ref)
		abort();
	if (got_c.ncalls != want_c.ncalls ||
	    memcmp(got_c.calls, want_c.calls, got_c.ncalls * sizeof(struct call)))
		abort();
	if (res.cmds != want.cmds || res.word != want.word)
		abort();
	if (got && res.opcode != want.opcode)
		abort();
	/* A reason exactly for a malformed script. */
	if (!!res.why != !!want.why)
		abort();
	if (got == -EINVAL && !res.why)
		abort();
	if (memcmp(res.save, want.save, sizeof(res.save)))
		abort();
	if (got && got != -EINVAL && got != -ENXIO && got != -ETIMEDOUT)
		abort();

	free(got_c.calls);
	free(want_c.calls);
	free(w);
	return 0;
}
