/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The input of gsp_msg_fuzz, shared with its seed generator gsp_msg_seed:
 * GSP_MSG_CTL control bytes (little-endian fields at the offsets below),
 * then the bytes of the queue's slots.
 *
 * The slot bytes are laid into a ring of Q 4 KiB slots (Q = 1 + ctl[Q] %
 * GSP_MSG_MAX_Q) from the reader's slot on, wrapping at the ring's end;
 * what the input does not cover is zero, what is past the ring is dropped.
 */
#ifndef __GSP_MSG_FUZZ_H__
#define __GSP_MSG_FUZZ_H__

/* Flags (byte GSP_MSG_FLAGS). */
/* Leave each element's checksum as the input has it (no fix-up). */
#define GSP_MSG_RAW		0x01
/* Hand the checks a length short of whole slots by 1 + trim % 4096 bytes. */
#define GSP_MSG_TRIM		0x02
/* Take the write and read pointers as they are, not modulo Q. */
#define GSP_MSG_HOSTILE		0x04

/* Offsets in the control bytes. */
#define GSP_MSG_FLAGS		0	/* u8: GSP_MSG_* */
#define GSP_MSG_Q		1	/* u8: slots in the ring, 1 + this % 24 */
#define GSP_MSG_WPTR		2	/* u32: the writer's pointer */
#define GSP_MSG_RPTR		6	/* u32: the reader's pointer */
#define GSP_MSG_SEQ		10	/* u32: the sequence number expected */
#define GSP_MSG_TRIM_LEN	14	/* u16: GSP_MSG_TRIM's trim */
#define GSP_MSG_PW		16	/* u32: a write pointer, any value */
#define GSP_MSG_PR		20	/* u32: a read pointer, any value */
#define GSP_MSG_PCOUNT		24	/* u32: a slot count, any value */
#define GSP_MSG_R3_SIZE		28	/* u64: radix3 size */
#define GSP_MSG_R3_BASE		36	/* u64: radix3 base bus address */
#define GSP_MSG_CTL		44

#define GSP_MSG_MAX_Q		24

#endif
