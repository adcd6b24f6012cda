/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core GSP sequencer: the register script GSP-RM hands the CPU during
 * its boot (RUN_CPU_SEQUENCER), interpreted by a pure function over
 * callbacks.
 */
#ifndef __NOVA_CORE_GSP_SEQUENCER_H__
#define __NOVA_CORE_GSP_SEQUENCER_H__

#include <linux/types.h>

/* REG_STORE's save area: this many registers. */
#define NOVA_GSP_SEQ_SAVE_SLOTS		8
/* REG_POLL's timeout when the script gives none, and the most it may ask. */
#define NOVA_GSP_SEQ_POLL_DEFAULT_US	4000000
#define NOVA_GSP_SEQ_POLL_MAX_US	10000000
/* The longest DELAY_US the driver honours. */
#define NOVA_GSP_SEQ_DELAY_MAX_US	1000000

/**
 * struct nova_gsp_seq_ops - what the sequencer does to the GPU
 * @rd32: read a BAR0 register; an error for an address outside BAR0.
 * @wr32: write a BAR0 register; an error for an address outside BAR0.
 * @poll: wait until (@rd32(@addr) & @mask) == @val, up to @timeout_us;
 *	-ETIMEDOUT if it does not happen.
 * @delay_us: sleep.
 * @core: one of the GSP core operations NOVA_SEQ_CORE_RESET, _START,
 *	_WAIT_FOR_HALT and _RESUME.
 *
 * Each returns 0 or a negative errno, which stops the script.
 */
struct nova_gsp_seq_ops {
	int (*rd32)(void *ctx, u32 addr, u32 *val);
	int (*wr32)(void *ctx, u32 addr, u32 val);
	int (*poll)(void *ctx, u32 addr, u32 mask, u32 val, u32 timeout_us);
	void (*delay_us)(void *ctx, u32 us);
	int (*core)(void *ctx, u32 opcode);
};

/**
 * struct nova_gsp_seq_result - how a script ended
 * @cmds: commands run (or started, if one failed).
 * @word: word index of the command that failed, or of the end.
 * @opcode: the failed command's opcode.
 * @why: what was wrong, or NULL after a success or a failed callback.
 * @save: what REG_STORE saved.
 */
struct nova_gsp_seq_result {
	u32 cmds;
	u32 word;
	u32 opcode;
	const char *why;
	u32 save[NOVA_GSP_SEQ_SAVE_SLOTS];
};

int nova_gsp_seq_run(const u32 *buf, size_t words, u32 end,
		     const struct nova_gsp_seq_ops *ops, void *ctx,
		     struct nova_gsp_seq_result *res);

#endif /* __NOVA_CORE_GSP_SEQUENCER_H__ */
