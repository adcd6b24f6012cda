// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core GSP RPCs: commands sent through the command queue, messages
 * received from the status queue and dispatched.
 *
 * Sending: a command's payload is cut into elements of at most 64 KiB, the
 * first carrying the RPC's function, the rest CONTINUATION_RECORD; each
 * element is written when the queue has room (GSP-RM frees slots as it
 * reads) and announced by writing the doorbell NV_PGSP_QUEUE_HEAD(0).
 *
 * Receiving: GSP-RM raises the GSP falcon's SWGEN0 interrupt after writing
 * to the status queue; the interrupt thread (or a waiter polling, where the
 * GPU has no interrupt) drains the queue. Every element is checked before
 * it is used (cmdq.c). A reply goes to the caller waiting for it (function
 * and RPC sequence number match); INIT_DONE and RUN_CPU_SEQUENCER are kept
 * for the boot; every other event is logged once per kind, never silently
 * dropped. A malformed message fails the RPC being waited for.
 */

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>

#include "../device.h"
#include "fw.h"
#include "gsp.h"

/* NV_PGSP_QUEUE_HEAD(0): the command queue's doorbell. */
#define NV_PGSP_QUEUE_HEAD0		0x00110c00
/* How long a sender waits for room in the command queue. */
#define NOVA_GSP_SEND_TIMEOUT_MS	1000
/* How often a waiter looks at the status queue itself. */
#define NOVA_GSP_POLL_MS		10

/**
 * nova_gsp_msg_name() - a message function's name, for logs
 * @fn: the function
 *
 * Return: NVIDIA's name without its prefix, or "unknown".
 */
const char *nova_gsp_msg_name(u32 fn)
{
	switch (fn) {
	case NOVA_RPC_FN_NOP: return "NOP";
	case NOVA_RPC_FN_FREE: return "FREE";
	case NOVA_RPC_FN_UNLOADING_GUEST_DRIVER: return "UNLOADING_GUEST_DRIVER";
	case NOVA_RPC_FN_GET_GSP_STATIC_INFO: return "GET_GSP_STATIC_INFO";
	case NOVA_RPC_FN_CONTINUATION_RECORD: return "CONTINUATION_RECORD";
	case NOVA_RPC_FN_GSP_SET_SYSTEM_INFO: return "GSP_SET_SYSTEM_INFO";
	case NOVA_RPC_FN_SET_REGISTRY: return "SET_REGISTRY";
	case NOVA_RPC_FN_GSP_RM_CONTROL: return "GSP_RM_CONTROL";
	case NOVA_RPC_FN_GSP_RM_ALLOC: return "GSP_RM_ALLOC";
	case NOVA_RPC_EVENT_GSP_INIT_DONE: return "GSP_INIT_DONE";
	case NOVA_RPC_EVENT_RUN_CPU_SEQUENCER: return "GSP_RUN_CPU_SEQUENCER";
	case NOVA_RPC_EVENT_POST_EVENT: return "POST_EVENT";
	case NOVA_RPC_EVENT_RC_TRIGGERED: return "RC_TRIGGERED";
	case NOVA_RPC_EVENT_MMU_FAULT_QUEUED: return "MMU_FAULT_QUEUED";
	case NOVA_RPC_EVENT_OS_ERROR_LOG: return "OS_ERROR_LOG";
	case NOVA_RPC_EVENT_UCODE_LIBOS_PRINT: return "UCODE_LIBOS_PRINT";
	case NOVA_RPC_EVENT_PERF_BRIDGELESS_INFO_UPDATE: return "PERF_BRIDGELESS_INFO_UPDATE";
	case NOVA_RPC_EVENT_GSP_LOCKDOWN_NOTICE: return "GSP_LOCKDOWN_NOTICE";
	case NOVA_RPC_EVENT_GSP_POST_NOCAT_RECORD: return "GSP_POST_NOCAT_RECORD";
	default: return "unknown";
	}
}

/**
 * nova_gsp_rpc_init() - set up the RPC state of a GSP
 * @gsp: the GSP, with its shared memory allocated
 *
 * Return: 0 or -ENOMEM.
 */
int nova_gsp_rpc_init(struct nova_gsp *gsp)
{
	int ret;

	mutex_init(&gsp->cmd_lock);
	mutex_init(&gsp->rx_lock);
	mutex_init(&gsp->rpc_lock);
	init_waitqueue_head(&gsp->wq);
	gsp->bad_msgs = 0;
	gsp->bad_err = 0;
	ret = nova_gsp_queues_init(&gsp->q, gsp->shm.cpu);
	if (ret) {
		mutex_destroy(&gsp->rpc_lock);
		mutex_destroy(&gsp->rx_lock);
		mutex_destroy(&gsp->cmd_lock);
		return ret;
	}
	gsp->rpc_inited = true;
	return 0;
}

/**
 * nova_gsp_rpc_fini() - free the RPC state of a GSP
 * @gsp: the GSP, stopped
 */
void nova_gsp_rpc_fini(struct nova_gsp *gsp)
{
	nova_gsp_queues_fini(&gsp->q);
	kvfree(gsp->seq_msg);
	gsp->seq_msg = NULL;
	mutex_destroy(&gsp->rpc_lock);
	mutex_destroy(&gsp->rx_lock);
	mutex_destroy(&gsp->cmd_lock);
}

/* Pushes one element, waiting for room; rings the doorbell. */
static int nova_gsp_send_elem(struct nova_device *nd, u32 fn, u32 seq,
			      const void *payload, size_t len)
	__must_hold(&nd->gsp_rm.cmd_lock)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	unsigned long deadline;
	const char *why;
	int ret;

	lockdep_assert_held(&gsp->cmd_lock);
	deadline = jiffies + msecs_to_jiffies(NOVA_GSP_SEND_TIMEOUT_MS);
	for (;;) {
		ret = nova_gsp_queues_push(&gsp->q, fn, seq, payload, len, &why);
		if (ret != -EAGAIN)
			break;
		if (time_after(jiffies, deadline)) {
			dev_err(nd->dev, "GSP: no room in the command queue for %s after %u ms\n",
				nova_gsp_msg_name(fn), NOVA_GSP_SEND_TIMEOUT_MS);
			return -ETIMEDOUT;
		}
		usleep_range(100, 1000);
	}
	if (ret) {
		dev_err(nd->dev, "GSP: cannot queue %s: %s (%d)\n",
			nova_gsp_msg_name(fn), why ? why : "too long", ret);
		return ret;
	}
	nova_wr32(nd, NV_PGSP_QUEUE_HEAD0, 0);
	return 0;
}

/* Queues a command of RPC sequence number @seq, in as many elements as needed. */
static int nova_gsp_send_locked(struct nova_device *nd, u32 fn, u32 seq,
				const void *payload, size_t len)
	__must_hold(&nd->gsp_rm.cmd_lock)
{
	size_t chunk, off = 0;
	int ret;

	do {
		chunk = min_t(size_t, len - off, NOVA_GSP_MSG_MAX_PAYLOAD);
		ret = nova_gsp_send_elem(nd, off ? NOVA_RPC_FN_CONTINUATION_RECORD : fn,
					 seq, payload + off, chunk);
		off += chunk;
	} while (!ret && off < len);
	return ret;
}

/**
 * nova_gsp_send() - send a command to GSP-RM without waiting for its reply
 * @nd: the GPU
 * @fn: the RPC function
 * @payload: the payload
 * @len: its length: over %NOVA_GSP_MSG_MAX_PAYLOAD, it is continued in
 *	CONTINUATION_RECORD elements
 *
 * The reply, when it comes, is checked for a failure and otherwise
 * dropped.
 *
 * Return: 0 once queued; -ETIMEDOUT if the queue stayed full; -EPROTO if
 * GSP-RM's read pointer is out of range.
 */
int nova_gsp_send(struct nova_device *nd, u32 fn, const void *payload,
		  size_t len)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	int ret;

	mutex_lock(&gsp->cmd_lock);
	ret = nova_gsp_send_locked(nd, fn, gsp->rpc_seq++, payload, len);
	mutex_unlock(&gsp->cmd_lock);
	return ret;
}

/* Logs a message nobody asked for, once per function. */
static void nova_gsp_unhandled(struct nova_device *nd,
			       const struct nova_gsp_msg *msg)
	__must_hold(&nd->gsp_rm.rx_lock)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	u32 fn = msg->rpc->function;
	unsigned int bit;

	lockdep_assert_held(&gsp->rx_lock);
	if (fn == NOVA_RPC_FN_CONTINUATION_RECORD) {
		/*
		 * The rest of a message over 64 KiB, whose first element was
		 * refused (its length exceeds it): not reassembled.
		 */
		if (!test_and_set_bit(NOVA_GSP_EVENT_BITS - 1, gsp->logged))
			dev_notice(nd->dev, "GSP: CONTINUATION_RECORD of a message over 64 KiB not handled; further ones not logged\n");
		return;
	}
	if (fn < NOVA_RPC_EVENT_FIRST) {
		/* A reply nobody waits for: one sent without waiting. */
		if (msg->rpc->rpc_result)
			dev_err(nd->dev, "GSP: %s failed: result 0x%x\n",
				nova_gsp_msg_name(fn), msg->rpc->rpc_result);
		return;
	}
	bit = fn - NOVA_RPC_EVENT_FIRST;
	if (bit >= NOVA_GSP_EVENT_BITS - 1)
		bit = NOVA_GSP_EVENT_BITS - 2;
	if (test_and_set_bit(bit, gsp->logged))
		return;
	if (fn == NOVA_RPC_EVENT_OS_ERROR_LOG)
		dev_warn(nd->dev, "GSP-RM reports an error (OS_ERROR_LOG, %zu bytes; further ones not logged)\n",
			 msg->len);
	else
		dev_notice(nd->dev, "GSP: event 0x%x (%s) not handled; further ones not logged\n",
			   fn, nova_gsp_msg_name(fn));
}

/* Keeps what the boot waits for: INIT_DONE and the sequencer's script. */
static void nova_gsp_dispatch(struct nova_device *nd,
			      const struct nova_gsp_msg *msg)
	__must_hold(&nd->gsp_rm.rx_lock)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	struct nova_gsp_rpc_wait *w = gsp->waiting;
	u32 fn = msg->rpc->function;

	lockdep_assert_held(&gsp->rx_lock);
	if (w && !w->done && fn == w->fn && msg->rpc->sequence == w->seq) {
		w->result = msg->rpc->rpc_result;
		w->len = msg->len;
		if (msg->len > w->reply_len)
			w->err = -EMSGSIZE;
		else if (w->reply)
			memcpy(w->reply, msg->payload, msg->len);
		w->done = true;
		return;
	}

	switch (fn) {
	case NOVA_RPC_EVENT_GSP_INIT_DONE:
		gsp->init_done = true;
		return;
	case NOVA_RPC_EVENT_RUN_CPU_SEQUENCER:
		kvfree(gsp->seq_msg);
		gsp->seq_len = 0;
		gsp->seq_msg = kvmalloc(max_t(size_t, msg->len, 1), GFP_KERNEL);
		if (!gsp->seq_msg) {
			gsp->seq_err = -ENOMEM;
			return;
		}
		memcpy(gsp->seq_msg, msg->payload, msg->len);
		gsp->seq_len = msg->len;
		return;
	default:
		nova_gsp_unhandled(nd, msg);
	}
}

/* Drains the status queue; returns whether anything came. */
static bool nova_gsp_drain(struct nova_device *nd)
	__must_hold(&nd->gsp_rm.rx_lock)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	struct nova_gsp_msg msg;
	const char *why;
	int ret, n = 0;
	bool any = false;

	lockdep_assert_held(&gsp->rx_lock);
	/* The queue holds at most its slots: a flood cannot keep us here. */
	while (gsp->q.rx && n++ < NOVA_GSP_QUEUE_SLOTS) {
		ret = nova_gsp_queues_pop(&gsp->q, &msg, &why);
		if (ret == -EAGAIN)
			break;
		any = true;
		if (ret) {
			gsp->bad_msgs++;
			gsp->bad_err = ret;
			/* A waiter learns of it by the count (nova_gsp_wait()). */
			dev_err_ratelimited(nd->dev, "GSP: message rejected: %s (%d)\n",
					    why, ret);
			continue;
		}
		nova_gsp_dispatch(nd, &msg);
	}
	if (any)
		WRITE_ONCE(gsp->events, gsp->events + 1);
	return any;
}

/**
 * nova_gsp_process() - drain the status queue
 * @nd: the GPU
 *
 * Called by the interrupt thread on SWGEN0 and by waiters that poll; wakes
 * the waiters afterwards.
 */
void nova_gsp_process(struct nova_device *nd)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	bool any;

	mutex_lock(&gsp->rx_lock);
	any = nova_gsp_drain(nd);
	mutex_unlock(&gsp->rx_lock);
	if (any)
		wake_up_all(&gsp->wq);
}

/*
 * Sleeps until @cond (checked under rx_lock) or the timeout, draining. A
 * message rejected past the first @bad (the interrupt thread may have
 * drained it before the wait began) ends the wait with its error: what was
 * waited for may have been that message, and waiting on would only time
 * out.
 */
static int nova_gsp_wait(struct nova_device *nd, unsigned int timeout_ms,
			 bool (*cond)(struct nova_gsp *gsp, void *arg),
			 void *arg, unsigned int bad)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	unsigned long deadline = jiffies + msecs_to_jiffies(timeout_ms);
	unsigned int seen;
	bool any, met;
	int err = 0;

	for (;;) {
		/* Drained and checked in one go: the reply may be there already. */
		mutex_lock(&gsp->rx_lock);
		any = nova_gsp_drain(nd);
		met = cond(gsp, arg);
		if (!met && gsp->bad_msgs != bad)
			err = gsp->bad_err;
		seen = gsp->events;
		mutex_unlock(&gsp->rx_lock);
		if (any)
			wake_up_all(&gsp->wq);
		if (met)
			return 0;
		if (err)
			return err;
		if (time_after(jiffies, deadline))
			return -ETIMEDOUT;
		/* Woken when the interrupt thread got messages; else we poll. */
		wait_event_timeout(gsp->wq, READ_ONCE(gsp->events) != seen,
				   msecs_to_jiffies(NOVA_GSP_POLL_MS));
	}
}

/* The reply came (or a failure instead): nothing more goes to @arg. */
static bool nova_gsp_rpc_done(struct nova_gsp *gsp, void *arg)
{
	struct nova_gsp_rpc_wait *w = arg;

	lockdep_assert_held(&gsp->rx_lock);
	if (!w->done)
		return false;
	gsp->waiting = NULL;
	return true;
}

/**
 * nova_gsp_rpc() - send an RPC and wait for its reply
 * @nd: the GPU
 * @fn: the RPC function
 * @payload: the command's payload
 * @len: its length
 * @reply: where the reply's payload goes; may be NULL if @reply_len is 0
 * @reply_len: room at @reply; a longer reply fails with -EMSGSIZE
 * @timeout_ms: how long to wait for the reply
 *
 * One RPC at a time; events that arrive meanwhile are dispatched.
 *
 * Return: the reply's length (0 or more); -ETIMEDOUT without a reply;
 * -EIO if GSP-RM reports a failure (logged with its status); -EMSGSIZE;
 * -EPROTO or -EBADMSG if a malformed message came instead.
 */
int nova_gsp_rpc(struct nova_device *nd, u32 fn, const void *payload,
		 size_t len, void *reply, size_t reply_len,
		 unsigned int timeout_ms)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	struct nova_gsp_rpc_wait w = {
		.fn = fn,
		.reply = reply,
		.reply_len = reply_len,
	};
	unsigned int bad;
	int ret;

	mutex_lock(&gsp->rpc_lock);
	/* Registered before the command goes: the reply may come at once. */
	mutex_lock(&gsp->cmd_lock);
	w.seq = gsp->rpc_seq++;
	mutex_lock(&gsp->rx_lock);
	gsp->waiting = &w;
	bad = gsp->bad_msgs;
	mutex_unlock(&gsp->rx_lock);
	ret = nova_gsp_send_locked(nd, fn, w.seq, payload, len);
	mutex_unlock(&gsp->cmd_lock);
	if (!ret)
		ret = nova_gsp_wait(nd, timeout_ms, nova_gsp_rpc_done, &w, bad);
	if (ret) {
		/* Unregistered by nova_gsp_rpc_done() once done, else here. */
		mutex_lock(&gsp->rx_lock);
		gsp->waiting = NULL;
		mutex_unlock(&gsp->rx_lock);
	}
	mutex_unlock(&gsp->rpc_lock);

	if (ret == -ETIMEDOUT)
		dev_err(nd->dev, "GSP: no reply to %s within %u ms\n",
			nova_gsp_msg_name(fn), timeout_ms);
	if (ret)
		return ret;
	if (w.err) {
		if (w.err == -EMSGSIZE)
			dev_err(nd->dev, "GSP: reply to %s is %zu bytes, at most %zu expected\n",
				nova_gsp_msg_name(fn), w.len, reply_len);
		return w.err;
	}
	if (w.result) {
		dev_err(nd->dev, "GSP: %s failed: result 0x%x\n",
			nova_gsp_msg_name(fn), w.result);
		return -EIO;
	}
	return w.len;
}

static bool nova_gsp_init_done(struct nova_gsp *gsp, void *arg)
{
	return gsp->init_done;
}

static bool nova_gsp_seq_arrived(struct nova_gsp *gsp, void *arg)
{
	return gsp->seq_msg || gsp->seq_err;
}

/**
 * nova_gsp_wait_init_done() - wait for GSP-RM's INIT_DONE event
 * @nd: the GPU
 * @timeout_ms: how long
 *
 * Part of the boot: a malformed message since the queues were set up
 * fails it.
 *
 * Return: 0; -ETIMEDOUT; -EPROTO or -EBADMSG if a malformed message came.
 */
int nova_gsp_wait_init_done(struct nova_device *nd, unsigned int timeout_ms)
{
	return nova_gsp_wait(nd, timeout_ms, nova_gsp_init_done, NULL, 0);
}

/**
 * nova_gsp_wait_sequencer() - wait for RUN_CPU_SEQUENCER and take its script
 * @nd: the GPU
 * @timeout_ms: how long
 * @msg: set to the payload (kvfree() it)
 * @len: set to its length
 *
 * Part of the boot: a malformed message since the queues were set up
 * fails it.
 *
 * Return: 0; -ETIMEDOUT; -ENOMEM; -EPROTO or -EBADMSG if a malformed
 * message came.
 */
int nova_gsp_wait_sequencer(struct nova_device *nd, unsigned int timeout_ms,
			    void **msg, size_t *len)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	int ret = nova_gsp_wait(nd, timeout_ms, nova_gsp_seq_arrived, NULL, 0);

	if (ret)
		return ret;
	mutex_lock(&gsp->rx_lock);
	*msg = gsp->seq_msg;
	*len = gsp->seq_len;
	ret = gsp->seq_err;
	gsp->seq_msg = NULL;
	gsp->seq_len = 0;
	gsp->seq_err = 0;
	mutex_unlock(&gsp->rx_lock);
	return ret;
}

/**
 * nova_gsp_irq() - SWGEN0: GSP-RM wrote to the status queue
 * @nd: the GPU
 *
 * Runs in the interrupt thread.
 */
void nova_gsp_irq(struct nova_device *nd)
{
	nova_gsp_process(nd);
}
