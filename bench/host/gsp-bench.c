// SPDX-License-Identifier: GPL-2.0
/*
 * Host micro-benchmarks of nova_core's GSP message queues and RPCs (not
 * tests: nothing here fails on a slow figure; the exit status says only
 * whether the run completed). The driver's own code (gsp/cmdq.c,
 * gsp/rpc.c, gsp/fw.c, compiled through nova_shim.h and include/) talks to
 * a GSP of this program's, which the doorbell runs at once: it consumes
 * the command queue and, where asked, answers each RPC with a canned
 * reply (a prebuilt element whose sequence numbers and checksum it
 * patches), so that what is timed is the driver's side only.
 *
 *   rpc.nova      nova_gsp_rpc(): a 64-byte command, its 64-byte reply
 *   rpc.floor     the same doorbell and canned reply, with no driver
 *                 processing: a prebuilt command message copied into the
 *                 ring, the write pointer, the doorbell, the reply's
 *                 message copied out, the read pointer
 *   cmd1m.nova    nova_gsp_send() of 1 MiB (17 elements: the first and 16
 *                 CONTINUATION_RECORDs), the GSP freeing the slots
 *   cmd1m.memcpy  memcpy() of 1 MiB
 *
 * The cases take turns in short timed batches; each figure is the median
 * per call over the batches, printed as "result host.KEY MEDIAN Q1 Q3"
 * (nanoseconds), as bench/table.awk reads them.
 *
 *   gsp-bench [--reps N] [--raw]
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nova_shim.h"

#define DOORBELL	0x00110c00
#define SLOTS		NOVA_GSP_QUEUE_SLOTS
#define SLOT		NOVA_GSP_MSG_SLOT
#define SMALL		64
#define BIG		(1 << 20)
#define RPC_BATCH	200
/* A message of SMALL bytes: the headers and the payload, rounded to 8. */
#define SMALL_MSG	ALIGN(sizeof(struct nova_gsp_msg_element) + SMALL, 8)

volatile unsigned long bench_jiffies;

/* The timer tick: jiffies advance HZ times a second. */
static void *bench_tick(void *arg)
{
	struct timespec ts = { 0, 1000000000L / HZ };

	for (;;) {
		nanosleep(&ts, NULL);
		bench_jiffies++;
	}
	return NULL;
}

static struct device bench_dev = { "gsp-bench" };
static struct nova_device nd = { .dev = &bench_dev };

/* The GSP: its read pointer of the command queue, its status queue. */
static struct {
	bool reply;
	u32 cmd_rptr;
	u32 stat_wptr;
	u32 stat_seq;
	u8 canned[SLOT];
} gsp;

static void *shm_at(size_t off)
{
	return (u8 *)nd.gsp_rm.shm.cpu + off;
}

static void *slot(u32 queue, u32 i)
{
	return shm_at(queue + NOVA_GSP_QUEUE_ENTRY_OFF + (size_t)i * SLOT);
}

/* The canned reply: an element of SMALL bytes, its variable fields 0. */
static void gsp_canned_init(void)
{
	u8 payload[SMALL];

	memset(payload, 0x5a, sizeof(payload));
	nova_gsp_msg_build(gsp.canned, sizeof(gsp.canned), 0, 0, 0, payload,
			   sizeof(payload));
	((struct nova_gsp_msg_element *)gsp.canned)->rpc.rpc_result = 0;
	((struct nova_gsp_msg_element *)gsp.canned)->checksum = 0;
	((struct nova_gsp_msg_element *)gsp.canned)->checksum =
		nova_gsp_msg_checksum(gsp.canned, SMALL_MSG);
}

/*
 * The reply to (fn, seq): the canned message with its sequence numbers
 * set and its checksum patched (it is the XOR of the message's 32-bit
 * words, and those fields were 0). The slot's rest is left as it was, as
 * GSP-RM may leave it: no receiver reads it.
 */
static void gsp_answer(u32 fn, u32 seq)
{
	struct nova_gsp_msg_element *e = slot(NOVA_GSP_MSGQ_OFFSET, gsp.stat_wptr);
	struct nova_msgq_tx_header *tx = shm_at(NOVA_GSP_MSGQ_OFFSET);

	memcpy(e, gsp.canned, SMALL_MSG);
	e->seq_num = gsp.stat_seq++;
	e->rpc.function = fn;
	e->rpc.sequence = seq;
	e->checksum ^= e->seq_num ^ fn ^ seq;
	gsp.stat_wptr = (gsp.stat_wptr + 1) % SLOTS;
	barrier();
	WRITE_ONCE(tx->write_ptr, gsp.stat_wptr);
}

/* The doorbell: the GSP takes every element written, and answers. */
void nova_wr32(struct nova_device *dev, u32 reg, u32 val)
{
	struct nova_msgq_tx_header *tx = shm_at(NOVA_GSP_CMDQ_OFFSET);
	u32 *rptr = shm_at(NOVA_GSP_MSGQ_OFFSET + NOVA_GSP_QUEUE_RX_HDR_OFF);
	u32 wptr = READ_ONCE(tx->write_ptr);

	if (reg != DOORBELL)
		return;
	while (gsp.cmd_rptr != wptr) {
		const struct nova_gsp_msg_element *e = slot(NOVA_GSP_CMDQ_OFFSET,
							    gsp.cmd_rptr);

		if (gsp.reply && e->rpc.function != NOVA_RPC_FN_CONTINUATION_RECORD)
			gsp_answer(e->rpc.function, e->rpc.sequence);
		gsp.cmd_rptr = (gsp.cmd_rptr + e->elem_count) % SLOTS;
	}
	WRITE_ONCE(*rptr, gsp.cmd_rptr);
}

/* nova_core's coherent buffers, as nova_dma_buf_alloc() makes them. */
int nova_dma_buf_alloc(struct device *dev, size_t size, struct nova_dma_buf *buf)
{
	memset(buf, 0, sizeof(*buf));
	size = PAGE_ALIGN(size);
	buf->cpu = aligned_alloc(PAGE_SIZE, size);
	if (!buf->cpu)
		return -ENOMEM;
	memset(buf->cpu, 0, size);
	buf->dev = dev;
	buf->dma = 0x100000000ULL;
	buf->size = size;
	return 0;
}

void nova_dma_buf_free(struct nova_dma_buf *buf)
{
	free(buf->cpu);
	memset(buf, 0, sizeof(*buf));
}

static u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int fails;

static void rpc_nova(void)
{
	static u8 cmd[SMALL], reply[SMALL];
	int ret = nova_gsp_rpc(&nd, NOVA_RPC_FN_GSP_RM_CONTROL, cmd, sizeof(cmd),
			       reply, sizeof(reply), 2000);

	if (ret != SMALL)
		fails++;
}

/*
 * The floor: what any RPC over these queues moves, and nothing else. It
 * keeps the driver's view of the queues (pointers, sequence numbers) in
 * step, so that the cases can take turns on the same queues.
 */
static void rpc_floor(void)
{
	static u8 cmd[SLOT], rx[SLOT];
	struct nova_gsp_queues *q = &nd.gsp_rm.q;
	struct nova_msgq_tx_header *ctx = shm_at(NOVA_GSP_CMDQ_OFFSET);
	struct nova_msgq_tx_header *mtx = shm_at(NOVA_GSP_MSGQ_OFFSET);
	u32 *mrptr = shm_at(NOVA_GSP_CMDQ_OFFSET + NOVA_GSP_QUEUE_RX_HDR_OFF);

	if (!cmd[0x40]) {
		u8 payload[SMALL] = {};

		nova_gsp_msg_build(cmd, sizeof(cmd), 0, NOVA_RPC_FN_GSP_RM_CONTROL,
				   0, payload, sizeof(payload));
	}
	memcpy(slot(NOVA_GSP_CMDQ_OFFSET, q->wptr), cmd, SMALL_MSG);
	q->wptr = (q->wptr + 1) % SLOTS;
	q->cmd_seq++;
	WRITE_ONCE(ctx->write_ptr, q->wptr);
	nova_wr32(&nd, DOORBELL, 0);
	if (READ_ONCE(mtx->write_ptr) == q->rptr)
		fails++;
	memcpy(rx, slot(NOVA_GSP_MSGQ_OFFSET, q->rptr), SMALL_MSG);
	q->rptr = (q->rptr + 1) % SLOTS;
	q->msg_seq++;
	WRITE_ONCE(*mrptr, q->rptr);
}

static u8 *big_src, *big_dst;

static void cmd1m_nova(void)
{
	gsp.reply = false;
	if (nova_gsp_send(&nd, NOVA_RPC_FN_GSP_RM_CONTROL, big_src, BIG))
		fails++;
	gsp.reply = true;
}

static void cmd1m_memcpy(void)
{
	memcpy(big_dst, big_src, BIG);
	barrier();
}

/**
 * struct bench_case - one figure
 * @key: its name in the results.
 * @fn: one call.
 * @batch: calls per timed repetition.
 * @v: per-call time of each repetition (ns).
 */
struct bench_case {
	const char *key;
	void (*fn)(void);
	int batch;
	double *v;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct bench_case cases[] = {
		{ "rpc.nova", rpc_nova, RPC_BATCH, NULL },
		{ "rpc.floor", rpc_floor, RPC_BATCH, NULL },
		{ "cmd1m.nova", cmd1m_nova, 1, NULL },
		{ "cmd1m.memcpy", cmd1m_memcpy, 1, NULL },
	};
	int reps = 1001, raw = 0, i, r, k, n = ARRAY_SIZE(cases);
	pthread_t tick;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--raw"))
			raw = 1;
		else {
			fprintf(stderr, "usage: gsp-bench [--reps N] [--raw]\n");
			return 2;
		}
	}
	if (reps < 3)
		reps = 3;

	if (pthread_create(&tick, NULL, bench_tick, NULL))
		return 1;
	big_src = malloc(BIG);
	big_dst = malloc(BIG);
	if (!big_src || !big_dst)
		return 1;
	memset(big_src, 0xa5, BIG);
	memset(big_dst, 0, BIG);
	gsp.reply = true;
	gsp_canned_init();
	if (nova_gsp_cmdq_init(&nd, &nd.gsp_rm) || nova_gsp_rpc_init(&nd.gsp_rm))
		return 1;

	for (k = 0; k < n; k++) {
		cases[k].v = calloc(reps, sizeof(double));
		if (!cases[k].v)
			return 1;
	}
	/* Warm-up, then the cases in turn, a batch each. */
	for (k = 0; k < n; k++)
		for (i = 0; i < 3 * cases[k].batch; i++)
			cases[k].fn();
	for (r = 0; r < reps; r++) {
		for (k = 0; k < n; k++) {
			u64 t0;

			cases[k].fn();
			t0 = now_ns();
			for (i = 0; i < cases[k].batch; i++)
				cases[k].fn();
			cases[k].v[r] = (double)(now_ns() - t0) / cases[k].batch;
		}
	}
	if (fails || nd.gsp_rm.bad_msgs) {
		printf("# gsp-bench: %d calls failed, %u messages rejected\n", fails,
		       nd.gsp_rm.bad_msgs);
		return 1;
	}

	for (k = 0; k < n; k++) {
		double *v = cases[k].v;

		if (raw) {
			printf("# host.%s:", cases[k].key);
			for (r = 0; r < reps; r++)
				printf(" %.0f", v[r]);
			printf("\n");
		}
		qsort(v, reps, sizeof(*v), cmp_double);
		printf("result host.%s %.1f %.1f %.1f\n", cases[k].key, v[reps / 2],
		       v[reps / 4], v[reps * 3 / 4]);
	}
	nova_gsp_rpc_fini(&nd.gsp_rm);
	nova_gsp_cmdq_fini(&nd.gsp_rm);
	return 0;
}
