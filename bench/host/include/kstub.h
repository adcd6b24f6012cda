/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host stand-ins for the kernel services nova_core's GSP queue and RPC
 * code (gsp/cmdq.c, gsp/rpc.c) uses, for bench/host/gsp-bench.c: each
 * include/linux/<name>.h here includes this file. They cost what the
 * kernel's cost when nothing contends: a mutex an atomic
 * compare-and-exchange each way, a wait queue a counter, jiffies a
 * variable that a thread of gsp-bench.c advances at HZ=250 as the timer
 * tick does (a read costs what the kernel's costs), barriers compiler
 * barriers (as dma_wmb() and dma_rmb() are on x86), allocations malloc().
 */
#ifndef __BENCH_KSTUB_H__
#define __BENCH_KSTUB_H__

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <linux/kernel.h>
#include <linux/types.h>

#define GFP_KERNEL 0
#define PAGE_SIZE 4096UL
#define PAGE_ALIGN(x) ALIGN((x), PAGE_SIZE)
#define HZ 250
#define USEC_PER_MSEC 1000UL
#define __must_hold(x)
#define lockdep_assert_held(l) ((void)(l))
#define barrier() __asm__ __volatile__("" ::: "memory")
#define dma_wmb() barrier()
#define dma_rmb() barrier()
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))

typedef u64 dma_addr_t;

struct device {
	const char *name;
};

struct dentry;
struct debugfs_blob_wrapper {
	void *data;
	unsigned long size;
};

#define BITS_PER_LONG 64
#define DECLARE_BITMAP(name, bits) \
	unsigned long name[((bits) + BITS_PER_LONG - 1) / BITS_PER_LONG]

static inline int test_and_set_bit(unsigned int nr, unsigned long *map)
{
	unsigned long m = 1UL << (nr % BITS_PER_LONG);
	int old = !!(map[nr / BITS_PER_LONG] & m);

	map[nr / BITS_PER_LONG] |= m;
	return old;
}

static inline void *kvzalloc(size_t n, int gfp)
{
	(void)gfp;
	return calloc(1, n ? n : 1);
}

#define kvmalloc(n, g) malloc((n) ? (n) : 1)
#define kzalloc(n, g) kvzalloc((n), (g))
#define kvfree(p) free(p)
#define kfree(p) free(p)

/* Log lines: the benchmark expects none; they go to stderr. */
#define dev_err(d, ...) fprintf(stderr, "# " __VA_ARGS__)
#define dev_err_ratelimited dev_err
#define dev_warn dev_err
#define dev_notice dev_err
#define dev_info dev_err
#define dev_dbg(d, ...) ((void)(d))

/*
 * A mutex as the kernel's fast path takes it when nothing contends: one
 * compare-and-exchange of the owner to lock, one to unlock
 * (__mutex_trylock_fast(), __mutex_unlock_fast()); a contended lock
 * yields, which the single-threaded benchmark never does.
 */
struct mutex {
	unsigned long owner;
};

static inline void mutex_lock(struct mutex *l)
{
	unsigned long zero = 0;

	while (!__atomic_compare_exchange_n(&l->owner, &zero, 1UL, false,
					    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		zero = 0;
		sched_yield();
	}
}

static inline void mutex_unlock(struct mutex *l)
{
	unsigned long one = 1;

	__atomic_compare_exchange_n(&l->owner, &one, 0UL, false,
				    __ATOMIC_RELEASE, __ATOMIC_RELAXED);
}

#define mutex_init(l) ((l)->owner = 0)
#define mutex_destroy(l) ((void)(l))

/* jiffies: advanced every 1/HZ s by gsp-bench.c's tick thread. */
extern volatile unsigned long bench_jiffies;
#define jiffies bench_jiffies
#define msecs_to_jiffies(ms) DIV_ROUND_UP((unsigned long)(ms) * HZ, 1000)
#define time_after(a, b) ((long)((b) - (a)) < 0)

static inline void usleep_range(unsigned long lo, unsigned long hi)
{
	struct timespec ts = { 0, lo * 1000 };

	(void)hi;
	nanosleep(&ts, NULL);
}

/* A wait queue: its waiters are woken (a counter here) when events come. */
typedef struct {
	unsigned long wakeups;
} wait_queue_head_t;

#define init_waitqueue_head(q) ((q)->wakeups = 0)
#define wake_up_all(q) ((q)->wakeups++)
/* The benchmark's GSP answers at once: a wait is a nap, then a re-check. */
#define wait_event_timeout(q, cond, t) \
	({ if (!(cond)) usleep_range(100, 100); 0; })

#endif
