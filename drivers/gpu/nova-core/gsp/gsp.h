/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core GSP: what the driver gives GSP-RM in system memory for as long
 * as it runs (the libos arguments, the log buffers, RMARGS, the message
 * queues), and the boot that starts it.
 */
#ifndef __NOVA_CORE_GSP_H__
#define __NOVA_CORE_GSP_H__

#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/wait.h>

#include "../dma.h"
#include "../fb.h"
#include "fw.h"

struct nova_device;
struct nova_fsp_hal;
struct nova_fb_layout;
struct nova_fw_bootloader;
struct nova_gsp_wpr_meta;
struct nova_rpc_header;

/* The log buffers GSP-RM writes, in the order of the libos arguments. */
enum nova_gsp_log {
	NOVA_GSP_LOG_INIT,
	NOVA_GSP_LOG_INTR,
	NOVA_GSP_LOG_RM,
	NOVA_GSP_LOGS,
};

/* Size of each log buffer. */
#define NOVA_GSP_LOG_SIZE		0x10000

/*
 * The message queues' shared memory: a page of page table entries, then
 * the command queue and the status (message) queue.
 */
#define NOVA_GSP_QUEUE_SIZE		0x40000
#define NOVA_GSP_CMDQ_OFFSET		0x1000
#define NOVA_GSP_MSGQ_OFFSET		(NOVA_GSP_CMDQ_OFFSET + NOVA_GSP_QUEUE_SIZE)
#define NOVA_GSP_SHM_SIZE		(NOVA_GSP_MSGQ_OFFSET + NOVA_GSP_QUEUE_SIZE)
/* Each queue: its headers in the first slot, then the element slots. */
#define NOVA_GSP_QUEUE_RX_HDR_OFF	0x20
#define NOVA_GSP_QUEUE_ENTRY_OFF	0x1000
#define NOVA_GSP_QUEUE_SLOTS		\
	((NOVA_GSP_QUEUE_SIZE - NOVA_GSP_QUEUE_ENTRY_OFF) / 0x1000)

/**
 * struct nova_gsp_queues - the driver's side of the two message queues
 * @shm: kernel address of their shared memory.
 * @wptr: the command queue's write pointer (slots), which the driver owns.
 * @rptr: the status queue's read pointer, which the driver owns.
 * @cmd_seq: sequence number of the next command element.
 * @msg_seq: sequence number the next status element must carry.
 * @tx: a buffer of %NOVA_GSP_MSG_MAX_SLOTS slots where an element that
 *	wraps around the end of the command queue is built.
 * @rx: a buffer of as many slots where received elements are copied and
 *	checked.
 *
 * Not locked: the caller serialises pushes with pushes and pops with pops.
 */
struct nova_gsp_queues {
	void *shm;
	u32 wptr;
	u32 rptr;
	u32 cmd_seq;
	u32 msg_seq;
	void *tx;
	void *rx;
};

/**
 * struct nova_gsp_msg - a message received from GSP-RM
 * @rpc: its RPC header.
 * @payload: the payload after it.
 * @len: the payload's length in bytes.
 */
struct nova_gsp_msg {
	const struct nova_rpc_header *rpc;
	const void *payload;
	size_t len;
};

/**
 * struct nova_gsp_rpc_wait - an RPC waiting for its reply
 * @fn: its function.
 * @seq: its RPC sequence number.
 * @reply: where the reply's payload goes.
 * @reply_len: room there.
 * @len: the reply's payload length.
 * @result: the reply's rpc_result.
 * @err: a negative errno for a reply too long for @reply (-EMSGSIZE).
 * @done: the reply (or @err) came.
 */
struct nova_gsp_rpc_wait {
	u32 fn;
	u32 seq;
	void *reply;
	size_t reply_len;
	size_t len;
	u32 result;
	int err;
	bool done;
};

/*
 * Event kinds (functions from NOVA_RPC_EVENT_FIRST) logged once each: the
 * last bit is CONTINUATION_RECORD's, the one before it every event past
 * the others'.
 */
#define NOVA_GSP_EVENT_BITS		64

/**
 * struct nova_gsp - the GSP of one GPU
 * @libos: the libos arguments: one page of &struct nova_libos_region,
 *	whose bus address GSP-RM is given in the GSP's mailboxes.
 * @log: the log buffers (LOGINIT, LOGINTR, LOGRM), each
 *	%NOVA_GSP_LOG_SIZE bytes: GSP-RM's put pointer, the buffer's own
 *	page table, then the records.
 * @rmargs: GSP-RM's arguments (&struct nova_gsp_args_cached, "RMARGS").
 * @shm: the message queues' shared memory, %NOVA_GSP_SHM_SIZE bytes.
 * @debugfs: the GPU's directory in nova_core's debugfs, holding the log
 *	buffers; NULL (or an error pointer) without debugfs.
 * @log_blob: what each log file of @debugfs shows: the live buffer.
 * @started: booter_load was run: GSP-RM may have written its logs.
 * @running: GSP-RM was started and not stopped since.
 * @ready: GSP-RM completed its boot (INIT_DONE, static information): it is
 *	told before it is stopped.
 * @rpc_inited: @q and the locks are set up (nova_gsp_rpc_init()).
 * @q: the driver's side of the queues in @shm.
 * @cmd_lock: protects the command side of @q and @rpc_seq.
 * @rx_lock: protects the status side of @q and what is received: @waiting,
 *	@init_done, @seq_msg, @seq_len, @seq_err, @logged, @bad_msgs,
 *	@bad_err, @events.
 *	Taken after @cmd_lock when both are.
 * @rpc_lock: one synchronous RPC at a time.
 * @wq: where waiters sleep until the interrupt thread received messages.
 * @rpc_seq: the RPC sequence number of the next command.
 * @waiting: the RPC waiting for its reply, if any.
 * @init_done: INIT_DONE came.
 * @seq_msg: RUN_CPU_SEQUENCER's payload, until the boot takes it.
 * @seq_len: its length.
 * @seq_err: -ENOMEM if it could not be kept.
 * @logged: the event kinds already logged as not handled.
 * @bad_msgs: malformed messages received.
 * @bad_err: the error of the last one (-EPROTO or -EBADMSG).
 * @events: bumped each time messages were received (waiters watch it).
 * @app_version: the bootloader's application version (the GSP's OS
 *	register, also after a resume).
 * @gpu_name: the GPU's name from GSP-RM's static information, sanitised.
 * @num_fb_regions: how many of @fb_regions GSP-RM reported.
 * @fb_regions: the VRAM regions GSP-RM reported.
 * @bar1_pde_base: bar1PdeBase from GSP-RM's static information.
 * @vram_size: fbLength from GSP-RM's static information: VRAM in bytes.
 *
 * Set up at probe, before the boot, and freed at removal, after GSP-RM
 * stopped: the memory is the GPU's while it runs. Written only by probe
 * and removal, which the driver core serialises.
 */
struct nova_gsp {
	struct nova_dma_buf libos;
	struct nova_dma_buf log[NOVA_GSP_LOGS];
	struct nova_dma_buf rmargs;
	struct nova_dma_buf shm;
	struct dentry *debugfs;
	struct debugfs_blob_wrapper log_blob[NOVA_GSP_LOGS];
	bool started;
	bool running;
	bool ready;
	bool rpc_inited;
	struct nova_gsp_queues q;
	/* Protects the command side of q and rpc_seq. */
	struct mutex cmd_lock;
	/* Protects the status side of q and what is received. */
	struct mutex rx_lock;
	/* Serialises synchronous RPCs. */
	struct mutex rpc_lock;
	wait_queue_head_t wq;
	u32 rpc_seq;
	struct nova_gsp_rpc_wait *waiting;
	bool init_done;
	void *seq_msg;
	size_t seq_len;
	int seq_err;
	DECLARE_BITMAP(logged, NOVA_GSP_EVENT_BITS);
	unsigned int bad_msgs;
	int bad_err;
	unsigned int events;
	u32 app_version;
	char gpu_name[64];
	unsigned int num_fb_regions;
	struct nova_range fb_regions[NOVA_GSP_FB_REGIONS];
	u64 bar1_pde_base;
	u64 vram_size;
};

/* gsp.c */
int nova_gsp_init(struct nova_device *nd);
void nova_gsp_fini(struct nova_device *nd, bool keep_logs);
void nova_gsp_kept_drop_all(void);

/* rpc.c */
const char *nova_gsp_msg_name(u32 fn);
int nova_gsp_rpc_init(struct nova_gsp *gsp);
void nova_gsp_rpc_fini(struct nova_gsp *gsp);
int nova_gsp_send(struct nova_device *nd, u32 fn, const void *payload,
		  size_t len);
int nova_gsp_rpc(struct nova_device *nd, u32 fn, const void *payload,
		 size_t len, void *reply, size_t reply_len,
		 unsigned int timeout_ms);
void nova_gsp_process(struct nova_device *nd);
int nova_gsp_wait_init_done(struct nova_device *nd, unsigned int timeout_ms);
int nova_gsp_wait_sequencer(struct nova_device *nd, unsigned int timeout_ms,
			    void **msg, size_t *len);
void nova_gsp_irq(struct nova_device *nd);

/* commands.c */
int nova_gsp_registry_build(void *buf, size_t len, const char *const *names,
			    const u32 *values, unsigned int n);
int nova_gsp_send_init_commands(struct nova_device *nd);
int nova_gsp_rm_init(struct nova_device *nd);
int nova_gsp_rm_unload(struct nova_device *nd);

/* boot.c */
int nova_gsp_boot(struct nova_device *nd);
int nova_gsp_unload(struct nova_device *nd);
int nova_gsp_check_stuck(struct nova_device *nd);
void nova_gsp_stuck_drop_all(void);
void nova_gsp_wpr_meta_fill(struct nova_gsp_wpr_meta *m,
			    const struct nova_fb_layout *fb, u64 image,
			    u64 image_size, const struct nova_fw_bootloader *bl,
			    u64 bl_dma, u64 sig, u64 sig_size);
void nova_gsp_wpr_meta_fill_sizes(struct nova_gsp_wpr_meta *m,
				  const struct nova_fsp_hal *hal, u64 fb_size,
				  u64 image, u64 image_size,
				  const struct nova_fw_bootloader *bl, u64 bl_dma,
				  u64 sig, u64 sig_size);
void nova_gsp_wpr_meta_vgpu(struct nova_gsp_wpr_meta *m);

/* cmdq.c */
int nova_gsp_cmdq_init(struct nova_device *nd, struct nova_gsp *gsp);
void nova_gsp_cmdq_fini(struct nova_gsp *gsp);
int nova_gsp_queues_init(struct nova_gsp_queues *q, void *shm);
void nova_gsp_queues_fini(struct nova_gsp_queues *q);
int nova_gsp_queues_push(struct nova_gsp_queues *q, u32 fn, u32 rpc_seq,
			 const void *payload, size_t len, const char **why);
int nova_gsp_queues_pop(struct nova_gsp_queues *q, struct nova_gsp_msg *msg,
			const char **why);

/* The root of nova_core's debugfs (driver.c); NULL without debugfs. */
extern struct dentry *nova_debugfs_root;

#endif /* __NOVA_CORE_GSP_H__ */
