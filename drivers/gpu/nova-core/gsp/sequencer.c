// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core GSP sequencer: interpreting RUN_CPU_SEQUENCER's script.
 *
 * During its boot GSP-RM cannot touch some of the GPU itself and sends the
 * CPU a script of little-endian 32-bit words: an opcode, then its payload
 * (GSP_SEQUENCER_BUFFER_CMD in NVIDIA's headers), until the word index
 * cmdIndex. The script comes from the firmware and is checked as hostile
 * input: every opcode is known, every payload lies inside the buffer, save
 * slots exist, delays and poll timeouts are bounded; registers outside
 * BAR0 are refused by the callbacks. The interpreter is a pure function of
 * the script and the callbacks (KUnit cases in tests/gsp_test.c, a host
 * fuzz target in tests/fuzz).
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "fw.h"
#include "sequencer.h"

/* Payload words of each opcode, NOVA_SEQ_REG_WRITE to NOVA_SEQ_CORE_RESUME. */
static const u8 nova_gsp_seq_payload[] = {
	[NOVA_SEQ_REG_WRITE] = 2,	/* addr, val */
	[NOVA_SEQ_REG_MODIFY] = 3,	/* addr, mask, val */
	[NOVA_SEQ_REG_POLL] = 5,	/* addr, mask, val, timeout, error */
	[NOVA_SEQ_DELAY_US] = 1,	/* val */
	[NOVA_SEQ_REG_STORE] = 2,	/* addr, index */
	[NOVA_SEQ_CORE_RESET] = 0,
	[NOVA_SEQ_CORE_START] = 0,
	[NOVA_SEQ_CORE_WAIT_FOR_HALT] = 0,
	[NOVA_SEQ_CORE_RESUME] = 0,
};

#define NOVA_SEQ_FAIL(res, err, reason) ({ (res)->why = (reason); (err); })

/* Runs one command whose payload @p was checked to be in the buffer. */
static int nova_gsp_seq_cmd(u32 op, const u32 *p,
			    const struct nova_gsp_seq_ops *ops, void *ctx,
			    struct nova_gsp_seq_result *res)
{
	u32 val, timeout;
	int ret;

	switch (op) {
	case NOVA_SEQ_REG_WRITE:
		return ops->wr32(ctx, p[0], p[1]);
	case NOVA_SEQ_REG_MODIFY:
		ret = ops->rd32(ctx, p[0], &val);
		if (ret)
			return ret;
		return ops->wr32(ctx, p[0], (val & ~p[1]) | p[2]);
	case NOVA_SEQ_REG_POLL:
		timeout = p[3] ? p[3] : NOVA_GSP_SEQ_POLL_DEFAULT_US;
		if (timeout > NOVA_GSP_SEQ_POLL_MAX_US)
			return NOVA_SEQ_FAIL(res, -EINVAL, "poll timeout too long");
		return ops->poll(ctx, p[0], p[1], p[2], timeout);
	case NOVA_SEQ_DELAY_US:
		if (p[0] > NOVA_GSP_SEQ_DELAY_MAX_US)
			return NOVA_SEQ_FAIL(res, -EINVAL, "delay too long");
		ops->delay_us(ctx, p[0]);
		return 0;
	case NOVA_SEQ_REG_STORE:
		if (p[1] >= NOVA_GSP_SEQ_SAVE_SLOTS)
			return NOVA_SEQ_FAIL(res, -EINVAL, "no such save slot");
		ret = ops->rd32(ctx, p[0], &val);
		if (!ret)
			res->save[p[1]] = val;
		return ret;
	default:
		return ops->core(ctx, op);
	}
}

/**
 * nova_gsp_seq_run() - run a sequencer script
 * @buf: the script's words (RUN_CPU_SEQUENCER's commandBuffer)
 * @words: how many words @buf holds (what the message carried)
 * @end: the word index where the commands end (cmdIndex)
 * @ops: what the commands do
 * @ctx: passed to @ops
 * @res: how it ended; filled in also on failure
 *
 * Return: 0 once every command ran; -EINVAL for a malformed script (@end
 * past @words, an unknown opcode, a payload past @end, a bad save slot, a
 * delay or timeout too long), with @res->why saying which; or the first
 * error a callback returned (@res->why NULL).
 */
int nova_gsp_seq_run(const u32 *buf, size_t words, u32 end,
		     const struct nova_gsp_seq_ops *ops, void *ctx,
		     struct nova_gsp_seq_result *res)
{
	u32 i = 0, op;
	int ret;

	memset(res, 0, sizeof(*res));
	if (end > words)
		return NOVA_SEQ_FAIL(res, -EINVAL, "script longer than its message");

	while (i < end) {
		res->word = i;
		op = buf[i];
		res->opcode = op;
		if (op >= ARRAY_SIZE(nova_gsp_seq_payload))
			return NOVA_SEQ_FAIL(res, -EINVAL, "unknown opcode");
		if (nova_gsp_seq_payload[op] > end - i - 1)
			return NOVA_SEQ_FAIL(res, -EINVAL, "payload past the end");
		res->cmds++;
		ret = nova_gsp_seq_cmd(op, buf + i + 1, ops, ctx, res);
		if (ret)
			return ret;
		i += 1 + nova_gsp_seq_payload[op];
	}
	res->word = i;
	return 0;
}
