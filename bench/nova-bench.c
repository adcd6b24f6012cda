// SPDX-License-Identifier: GPL-2.0
/*
 * nova-bench: how fast nova.ko does its job, against references measured
 * in the same run (bench/run.sh runs it inside the VM; docs/performance.md
 * explains the method and the figures).
 *
 *   nova-bench latency  --nova NODE --vgem NODE [--reps R] [--block-us B]
 *   nova-bench parallel --nova NODE --vgem NODE [--reps R] [--block-us B]
 *   nova-bench scale    --nova NODE [--levels L,L,...] [--batch N] [--reps R]
 *   nova-bench memory   --nova NODE --vgem NODE [--count N]
 *   nova-bench loop=KEY --nova NODE --vgem NODE [--iters N]
 *   nova-bench copy     --count BYTES [--file PATH] [--reps R]
 *
 * NODE: a DRM node; nova's render node, and vgem's primary node (dumb
 * buffers are not allowed on render nodes).
 *
 * Every time is in ns per call, the median of R repetitions (default 501)
 * with its quartiles. A repetition is short, about B us (default 200),
 * and the cases measured together take turns, repetition by repetition:
 * the host preempts the VM for milliseconds at a time and its other load
 * comes and goes, so most repetitions of each case run undisturbed, and
 * the median is theirs (docs/performance.md).
 *
 * latency   round trips on one file:
 *             create_close.nova  GEM_CREATE (4 KiB) + GEM_CLOSE
 *             create_close.vgem  MODE_CREATE_DUMB (4 KiB) + MODE_DESTROY_DUMB
 *             gem_info           GEM_INFO of a live object
 *             getparam           GETPARAM(VRAM_BAR_SIZE)
 *             floor.getcap       GET_CAP(DRM_CAP_TIMESTAMP_MONOTONIC): the
 *                                cheapest ioctl that goes nova's way through
 *                                drm_ioctl, with the same 16-byte argument
 *             floor.einval       a driver ioctl number past nova's table:
 *                                the syscall and drm_ioctl's range check
 *             floor.version      DRM_IOCTL_VERSION with zero lengths
 * copy      a plain memcpy of BYTES between two faulted-in buffers, the
 *           median of at most 21 copies in us (copy.us), and with --file
 *           the kernel's copy of as many bytes, read(2) of PATH, in memory
 *           (copy.read.us): the references for the GSP image's preparation
 *           (bench/run.sh)
 * parallel  create+close round trip per worker: one worker alone
 *           (one.*), two threads on one file (threads2.*) and two
 *           processes with a file each (procs2.*), nova and vgem; the
 *           workers start each repetition together
 * scale     GEM_CREATE with L objects alive in the file (default 1, 1000,
 *           100000, 1000000): one file per level, filled to it, then on
 *           each file in turn a batch of N creates (default 50), timed,
 *           then closed; and the slab memory per live object, over all
 * memory    kernel memory per live object (slab, shmem; /proc/meminfo
 *           deltas over N objects, default 100000), nova and vgem, with
 *           the slab caches that grew as diagnostics
 * loop=KEY  the latency round trip KEY, N times (--iters), untimed: for a
 *           profiler
 *
 * Output: "result KEY MEDIAN Q1 Q3" (ns) or "result KEY VALUE" (bytes per
 * object), with "# " diagnostics (--raw: every repetition too). Exit
 * status 1 if an ioctl failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <drm.h>
#include <drm_mode.h>

#include "nova_drm.h"

#define PRINTF(a, b)	__attribute__((format(printf, a, b)))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MAX_REPS	1024
#define MAX_LEVELS	8
#define OBJ_SIZE	4096

static struct {
	const char *nova;
	const char *vgem;
	const char *file;
	unsigned int reps;
	unsigned long block_us;
	unsigned long iters;
	unsigned long batch;
	unsigned long count;
	unsigned long levels[MAX_LEVELS];
	unsigned int n_levels;
	bool raw;
} opt = {
	.reps = 501,
	.block_us = 200,
	.iters = 20000,
	.batch = 50,
	.count = 100000,
	.levels = { 1, 1000, 100000, 1000000 },
	.n_levels = 4,
};

PRINTF(1, 2) static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("nova-bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The Q-quantile of the N sorted values S (linear interpolation). */
static double quantile(const double *s, unsigned int n, double q)
{
	double x = q * (n - 1);
	unsigned int i = (unsigned int)x;

	return i + 1 < n ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[n - 1];
}

/*
 * Prints KEY's median over the N repetitions V with its quartiles, and a
 * diagnostic with the extremes and the repetitions' size (ITERS calls).
 */
static void report(const char *key, const double *v, unsigned int n,
		   unsigned long iters)
{
	double s[MAX_REPS];
	unsigned int i;

	if (opt.raw) {
		printf("# %s: every repetition:", key);
		for (i = 0; i < n; i++)
			printf(" %.0f", v[i]);
		printf("\n");
	}
	memcpy(s, v, n * sizeof(*v));
	qsort(s, n, sizeof(*s), cmp_double);
	printf("# %s: median %.0f, quartiles %.0f %.0f, min %.0f, max %.0f (%u repetitions of %lu)\n",
	       key, quantile(s, n, 0.5), quantile(s, n, 0.25), quantile(s, n, 0.75),
	       s[0], s[n - 1], n, iters);
	printf("result %s %.1f %.1f %.1f\n", key, quantile(s, n, 0.5),
	       quantile(s, n, 0.25), quantile(s, n, 0.75));
	fflush(stdout);
}

static int open_node(const char *path)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0)
		die("open %s: %s", path, strerror(errno));
	return fd;
}

/* ioctl() that dies on failure: a benchmark of failing calls is no use. */
static void xioctl(int fd, unsigned long req, void *arg, const char *what)
{
	if (ioctl(fd, req, arg))
		die("%s: %s", what, strerror(errno));
}

static uint32_t nova_create(int fd)
{
	struct drm_nova_gem_create c = { .size = OBJ_SIZE };

	xioctl(fd, DRM_IOCTL_NOVA_GEM_CREATE, &c, "GEM_CREATE");
	return c.handle;
}

static void gem_close(int fd, uint32_t handle)
{
	struct drm_gem_close c = { .handle = handle };

	xioctl(fd, DRM_IOCTL_GEM_CLOSE, &c, "GEM_CLOSE");
}

static uint32_t vgem_create(int fd)
{
	struct drm_mode_create_dumb c = { .width = OBJ_SIZE / 4, .height = 1, .bpp = 32 };

	xioctl(fd, DRM_IOCTL_MODE_CREATE_DUMB, &c, "MODE_CREATE_DUMB");
	return c.handle;
}

static void vgem_destroy(int fd, uint32_t handle)
{
	struct drm_mode_destroy_dumb d = { .handle = handle };

	xioctl(fd, DRM_IOCTL_MODE_DESTROY_DUMB, &d, "MODE_DESTROY_DUMB");
}

/* One measurement: N calls of a round trip on FD, in ns per call. */
struct probe {
	const char *key;
	int fd;
	uint32_t handle;	/* for gem_info */
	void (*once)(struct probe *p);
	unsigned long iters;	/* calls per repetition */
	bool deferred;		/* leaves work to RCU and workqueues */
	double v[MAX_REPS];
};

/*
 * After a repetition of vgem's: its objects are shmem files, and their
 * final fput() leaves the freeing of files, inodes and dentries to RCU
 * callbacks, which would otherwise run in the repetitions that follow, of
 * other cases. Give them time to run now, untimed. (vgem's figures leave
 * that work out, so they flatter vgem.)
 */
#define DEFERRED_SETTLE_US	20000

static void once_nova_create_close(struct probe *p)
{
	gem_close(p->fd, nova_create(p->fd));
}

static void once_vgem_create_close(struct probe *p)
{
	vgem_destroy(p->fd, vgem_create(p->fd));
}

static void once_gem_info(struct probe *p)
{
	struct drm_nova_gem_info i = { .handle = p->handle };

	xioctl(p->fd, DRM_IOCTL_NOVA_GEM_INFO, &i, "GEM_INFO");
}

static void once_getparam(struct probe *p)
{
	struct drm_nova_getparam g = { .param = NOVA_GETPARAM_VRAM_BAR_SIZE };

	xioctl(p->fd, DRM_IOCTL_NOVA_GETPARAM, &g, "GETPARAM");
}

static void once_getcap(struct probe *p)
{
	struct drm_get_cap c = { .capability = DRM_CAP_TIMESTAMP_MONOTONIC };

	xioctl(p->fd, DRM_IOCTL_GET_CAP, &c, "GET_CAP");
}

/* A driver ioctl number past nova's three: drm_ioctl answers EINVAL. */
#define BENCH_IOCTL_PAST_TABLE	DRM_IOWR(DRM_COMMAND_END - 1, struct drm_nova_getparam)

static void once_einval(struct probe *p)
{
	struct drm_nova_getparam g = { 0 };

	if (ioctl(p->fd, BENCH_IOCTL_PAST_TABLE, &g) != -1 || errno != EINVAL)
		die("an ioctl past the driver's table: expected EINVAL, got %s",
		    strerror(errno));
}

static void once_version(struct probe *p)
{
	struct drm_version v = { 0 };

	xioctl(p->fd, DRM_IOCTL_VERSION, &v, "VERSION");
}

/* Calls per repetition for a repetition of about --block-us. */
static unsigned long calibrate(double ns_per_call)
{
	double n = opt.block_us * 1000.0 / ns_per_call;

	return n < 10 ? 10 : (unsigned long)n;
}

/*
 * Short repetitions (--block-us each), the probes in turn, many times:
 * the host preempts the VM's CPUs for milliseconds at a time, and its
 * other load comes and goes; with short repetitions interleaved, most
 * repetitions of every probe run undisturbed, and the median is theirs.
 */
static void run_probes(struct probe *ps, unsigned int n)
{
	unsigned int r, i;
	unsigned long k;
	uint64_t t0;

	/* Warm up, and size the repetitions. */
	for (i = 0; i < n; i++) {
		for (k = 0; k < 100; k++)
			ps[i].once(&ps[i]);
		t0 = now_ns();
		for (k = 0; k < 200; k++)
			ps[i].once(&ps[i]);
		ps[i].iters = calibrate((double)(now_ns() - t0) / 200);
	}
	for (r = 0; r < opt.reps; r++) {
		for (i = 0; i < n; i++) {
			/*
			 * A few calls first, untimed: the case before may have
			 * left other code and data in the caches (and the
			 * vCPU idle, after vgem's).
			 */
			for (k = 0; k < ps[i].iters / 8 + 2; k++)
				ps[i].once(&ps[i]);
			t0 = now_ns();
			for (k = 0; k < ps[i].iters; k++)
				ps[i].once(&ps[i]);
			ps[i].v[r] = (double)(now_ns() - t0) / ps[i].iters;
			if (ps[i].deferred)
				usleep(DEFERRED_SETTLE_US);
		}
	}
	for (i = 0; i < n; i++)
		report(ps[i].key, ps[i].v, opt.reps, ps[i].iters);
}

/*
 * loop: one of the latency round trips, N times, with no timing: for a
 * profiler (bench/run.sh with novabench.profile=KEY).
 */
static void cmd_loop(const char *key)
{
	int nfd = open_node(opt.nova), vfd = open_node(opt.vgem);
	struct probe ps[] = {
		{ .key = "create_close.nova", .fd = nfd, .once = once_nova_create_close },
		{ .key = "create_close.vgem", .fd = vfd, .once = once_vgem_create_close },
		{ .key = "gem_info", .fd = nfd, .once = once_gem_info },
		{ .key = "getparam", .fd = nfd, .once = once_getparam },
		{ .key = "floor.getcap", .fd = nfd, .once = once_getcap },
	};
	unsigned int i;
	unsigned long k;

	ps[2].handle = nova_create(nfd);
	for (i = 0; i < ARRAY_SIZE(ps); i++)
		if (!strcmp(ps[i].key, key))
			break;
	if (i == ARRAY_SIZE(ps))
		die("loop: unknown round trip %s", key);
	for (k = 0; k < opt.iters; k++)
		ps[i].once(&ps[i]);
	close(nfd);
	close(vfd);
}

static void cmd_latency(void)
{
	int nfd = open_node(opt.nova), vfd = open_node(opt.vgem);
	uint32_t live = nova_create(nfd);
	struct probe ps[] = {
		{ .key = "create_close.nova", .fd = nfd, .once = once_nova_create_close },
		{ .key = "create_close.vgem", .fd = vfd, .once = once_vgem_create_close,
		  .deferred = true },
		{ .key = "gem_info", .fd = nfd, .handle = live, .once = once_gem_info },
		{ .key = "getparam", .fd = nfd, .once = once_getparam },
		{ .key = "floor.getcap", .fd = nfd, .once = once_getcap },
		{ .key = "floor.einval", .fd = nfd, .once = once_einval },
		{ .key = "floor.version", .fd = nfd, .once = once_version },
	};

	run_probes(ps, ARRAY_SIZE(ps));
	close(nfd);
	close(vfd);
}

/* /proc/meminfo field KEY, in bytes. */
static uint64_t meminfo(const char *key)
{
	FILE *f = fopen("/proc/meminfo", "r");
	size_t klen = strlen(key);
	char line[256];
	uint64_t kb = 0;

	if (!f)
		die("/proc/meminfo: %s", strerror(errno));
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			kb = strtoull(line + klen + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return kb * 1024;
}

/* The slab caches: name, active objects, object size. */
#define MAX_CACHES	512
struct slabs {
	unsigned int n;
	struct {
		char name[64];
		unsigned long active;
		unsigned long size;
	} c[MAX_CACHES];
};

static void slabs_read(struct slabs *s)
{
	FILE *f = fopen("/proc/slabinfo", "r");
	char line[512];

	s->n = 0;
	if (!f)
		return;
	while (fgets(line, sizeof(line), f) && s->n < MAX_CACHES) {
		if (sscanf(line, "%63s %lu %*u %lu", s->c[s->n].name,
			   &s->c[s->n].active, &s->c[s->n].size) == 3)
			s->n++;
	}
	fclose(f);
}

/* Diagnostics: the caches that grew by at least one object per 10 of N. */
static void slabs_diff(const char *who, const struct slabs *a,
		       const struct slabs *b, unsigned long n)
{
	unsigned int i, j;

	for (j = 0; j < b->n; j++) {
		unsigned long before = 0;
		long d;

		for (i = 0; i < a->n; i++)
			if (!strcmp(a->c[i].name, b->c[j].name))
				before = a->c[i].active;
		d = (long)(b->c[j].active - before);
		if (d >= (long)(n / 10))
			printf("# %s: slab %s +%ld objects of %lu bytes (%.2f per object, %.0f bytes)\n",
			       who, b->c[j].name, d, b->c[j].size, (double)d / n,
			       (double)d * b->c[j].size / n);
	}
}

static void settle(void)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	sync();
	if (fd >= 0) {
		if (write(fd, "3", 1) != 1)
			perror("drop_caches");
		close(fd);
	}
	usleep(100000);
}

static void memory_of(const char *who, const char *node, uint32_t (*create)(int))
{
	static struct slabs a, b;
	uint64_t slab0, shmem0, slab1, shmem1;
	char key[64];
	unsigned long i;
	double v;
	int fd;

	settle();
	fd = open_node(node);
	slabs_read(&a);
	slab0 = meminfo("Slab");
	shmem0 = meminfo("Shmem");
	for (i = 0; i < opt.count; i++)
		create(fd);
	slab1 = meminfo("Slab");
	shmem1 = meminfo("Shmem");
	slabs_read(&b);
	slabs_diff(who, &a, &b, opt.count);

	v = ((double)slab1 - (double)slab0) / opt.count;
	snprintf(key, sizeof(key), "mem.%s.slab", who);
	printf("result %s %.1f\n", key, v);
	v = ((double)shmem1 - (double)shmem0) / opt.count;
	snprintf(key, sizeof(key), "mem.%s.shmem", who);
	printf("result %s %.1f\n", key, v);
	fflush(stdout);
	close(fd);
}

static void cmd_memory(void)
{
	memory_of("nova", opt.nova, nova_create);
	memory_of("vgem", opt.vgem, vgem_create);
	settle();
}

/*
 * One file per level, each filled to its level, then batches of creates
 * on each in turn: the levels are measured interleaved, as the latencies
 * are, so that a slow moment of the host does not land on one level.
 */
static void cmd_scale(void)
{
	uint32_t *h = calloc(opt.batch, sizeof(*h));
	double v[MAX_LEVELS][MAX_REPS];
	unsigned long live, total = 0, i;
	int fd[MAX_LEVELS];
	unsigned int l, r;
	uint64_t slab0, t0;
	char key[64];

	if (!h)
		die("out of memory");
	settle();
	/* An object takes about 420 bytes: allow 1 KiB, and stop if short. */
	for (l = 0; l < opt.n_levels; l++)
		total += opt.levels[l] + opt.batch;
	printf("# scale: %lu objects at once, at most %lu MiB of the %lu MiB available\n",
	       total, total >> 10, (unsigned long)(meminfo("MemAvailable") >> 20));
	if ((total << 10) > meminfo("MemAvailable"))
		die("scale: not enough memory for %lu objects", total);
	total = 0;
	slab0 = meminfo("Slab");
	for (l = 0; l < opt.n_levels; l++) {
		fd[l] = open_node(opt.nova);
		t0 = now_ns();
		for (live = 0; live < opt.levels[l]; live++)
			nova_create(fd[l]);
		total += live;
		printf("# scale: a file with %lu live objects (filled in %.1f s)\n",
		       live, (now_ns() - t0) / 1e9);
	}
	printf("result scale.slab %.1f\n",
	       ((double)meminfo("Slab") - (double)slab0) / (total ? total : 1));
	for (r = 0; r < opt.reps; r++) {
		for (l = 0; l < opt.n_levels; l++) {
			t0 = now_ns();
			for (i = 0; i < opt.batch; i++)
				h[i] = nova_create(fd[l]);
			v[l][r] = (double)(now_ns() - t0) / opt.batch;
			for (i = 0; i < opt.batch; i++)
				gem_close(fd[l], h[i]);
		}
	}
	for (l = 0; l < opt.n_levels; l++) {
		snprintf(key, sizeof(key), "scale.create.%lu", opt.levels[l]);
		report(key, v[l], opt.reps, opt.batch);
		close(fd[l]);
	}
	free(h);
	settle();
}

/*
 * One or two workers running create+close round trips: repetitions of
 * ITERS calls each, the workers starting each one together at a barrier.
 * The shared state is in shared memory, so that the workers may be
 * threads or processes.
 */
#define ROUND_REPS	25

struct pair {
	pthread_barrier_t start;
	const char *node;
	int fd;			/* the file of two threads; -1 for processes */
	bool vgem;
	unsigned long iters;
	double ns[2][ROUND_REPS];
};

struct worker {
	struct pair *p;
	unsigned int id;
};

static void *worker_run(void *arg)
{
	struct worker *w = arg;
	struct pair *p = w->p;
	int fd = p->fd >= 0 ? p->fd : open_node(p->node);
	unsigned int r;
	unsigned long k;
	uint64_t t0;

	for (r = 0; r < ROUND_REPS; r++) {
		pthread_barrier_wait(&p->start);
		t0 = now_ns();
		for (k = 0; k < p->iters; k++) {
			if (p->vgem)
				vgem_destroy(fd, vgem_create(fd));
			else
				gem_close(fd, nova_create(fd));
		}
		p->ns[w->id][r] = (double)(now_ns() - t0) / p->iters;
	}
	if (p->fd < 0)
		close(fd);
	return NULL;
}

/* One round: ROUND_REPS repetitions by N threads or processes. */
static void pair_round(struct pair *p, int n, bool processes)
{
	pthread_barrierattr_t ba;
	struct worker w[2] = { { p, 0 }, { p, 1 } };
	pthread_t t[2];
	pid_t pid[2];
	int i, status;

	pthread_barrierattr_init(&ba);
	pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED);
	pthread_barrier_init(&p->start, &ba, n);
	pthread_barrierattr_destroy(&ba);
	p->fd = processes ? -1 : open_node(p->node);
	for (i = 0; i < n; i++) {
		if (!processes) {
			if (pthread_create(&t[i], NULL, worker_run, &w[i]))
				die("pthread_create");
			continue;
		}
		pid[i] = fork();
		if (pid[i] < 0)
			die("fork: %s", strerror(errno));
		if (!pid[i]) {
			worker_run(&w[i]);
			_exit(0);
		}
	}
	for (i = 0; i < n; i++) {
		if (!processes) {
			pthread_join(t[i], NULL);
			continue;
		}
		if (waitpid(pid[i], &status, 0) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status))
			die("a worker process failed");
	}
	if (p->fd >= 0)
		close(p->fd);
	pthread_barrier_destroy(&p->start);
}

/*
 * The repetitions are sized from one worker alone (about --block-us); the
 * six cases (one worker, two threads on one file, two processes with a
 * file each; nova and vgem) take turns in rounds of ROUND_REPS
 * repetitions. A repetition's figure is the mean of its workers' times
 * per call.
 */
static void cmd_parallel(void)
{
	static const char *const keys[] = {
		"one.nova", "one.vgem", "threads2.nova", "threads2.vgem",
		"procs2.nova", "procs2.vgem",
	};
	static double v[6][MAX_REPS];
	unsigned long n[2], k;
	unsigned int r, i, j;
	struct pair *p;
	uint64_t t0 = 0;
	int fd;

	p = mmap(NULL, sizeof(*p), PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	for (i = 0; i < 2; i++) {
		fd = open_node(i ? opt.vgem : opt.nova);
		for (k = 0; k < 200; k++) {
			if (k == 100)
				t0 = now_ns();
			if (i)
				vgem_destroy(fd, vgem_create(fd));
			else
				gem_close(fd, nova_create(fd));
		}
		n[i] = calibrate((double)(now_ns() - t0) / 100);
		close(fd);
	}
	for (r = 0; r + ROUND_REPS <= opt.reps; r += ROUND_REPS) {
		for (i = 0; i < 6; i++) {
			p->node = i % 2 ? opt.vgem : opt.nova;
			p->vgem = i % 2;
			p->iters = n[i % 2];
			pair_round(p, i < 2 ? 1 : 2, i >= 4);
			if (p->vgem)
				usleep(DEFERRED_SETTLE_US * 5);
			for (j = 0; j < ROUND_REPS; j++)
				v[i][r + j] = i < 2 ? p->ns[0][j] :
					(p->ns[0][j] + p->ns[1][j]) / 2;
		}
	}
	if (!r)
		die("parallel: --reps must be at least %d", ROUND_REPS);
	for (i = 0; i < 6; i++)
		report(keys[i], v[i], r, n[i % 2]);
	munmap(p, sizeof(*p));
}

static void parse_levels(const char *s)
{
	char *end;

	opt.n_levels = 0;
	while (*s && opt.n_levels < MAX_LEVELS) {
		opt.levels[opt.n_levels++] = strtoul(s, &end, 10);
		if (end == s || (*end && *end != ','))
			die("bad --levels");
		s = *end ? end + 1 : end;
	}
}

/*
 * No rlimit counts GEM objects: they are not file descriptors (vgem's
 * shmem files are in no file table either), and the VM has no memory
 * cgroup limit. The program's own limits are lifted anyway, so that an
 * inherited ulimit cannot stop a run half-way.
 */
/*
 * copy: the reference for the GSP image's preparation, a plain memcpy of
 * COUNT bytes (the image's size) between two buffers already faulted in,
 * REPS times; "result copy.us MEDIAN".
 */
static void cmd_copy(void)
{
	unsigned int i, n = opt.reps < 21 ? opt.reps : 21;
	double v[MAX_REPS];
	char *a, *b;
	uint64_t t;

	a = malloc(opt.count);
	b = malloc(opt.count);
	if (!a || !b)
		die("copy: cannot allocate 2 x %lu bytes", opt.count);
	memset(a, 0x5a, opt.count);
	memset(b, 0, opt.count);
	for (i = 0; i < n; i++) {
		t = now_ns();
		memcpy(b, a, opt.count);
		v[i] = (now_ns() - t) / 1e3;
		/* Keep the copy from being elided. */
		if (b[opt.count - 1] != 0x5a)
			die("copy: memcpy went wrong");
		b[opt.count - 1] = 0;
	}
	report("copy.us", v, n, 1);

	/*
	 * The kernel's own copy of as many bytes: read(2) of the image's
	 * file (in the initramfs, so in memory), which the kernel copies
	 * with its copy routine, the one the driver's memcpy() uses.
	 */
	if (opt.file) {
		int fd = open(opt.file, O_RDONLY | O_CLOEXEC);
		ssize_t got;

		if (fd < 0)
			die("copy: cannot open %s", opt.file);
		for (i = 0; i < n; i++) {
			t = now_ns();
			got = pread(fd, b, opt.count, 0);
			v[i] = (now_ns() - t) / 1e3;
			if (got != (ssize_t)opt.count)
				die("copy: %s is not %lu bytes", opt.file, opt.count);
		}
		close(fd);
		report("copy.read.us", v, n, 1);
	}
	free(a);
	free(b);
}

static void raise_limits(void)
{
	struct rlimit r = { RLIM_INFINITY, RLIM_INFINITY };

	setrlimit(RLIMIT_AS, &r);
	setrlimit(RLIMIT_DATA, &r);
}

int main(int argc, char **argv)
{
	const char *cmd;
	int i;

	if (argc < 2)
		die("usage: nova-bench latency|scale|memory|parallel|copy [options]");
	cmd = argv[1];
	for (i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "--raw")) {
			opt.raw = true;
			continue;
		}
		if (!v)
			die("%s needs a value", a);
		i++;
		if (!strcmp(a, "--nova"))
			opt.nova = v;
		else if (!strcmp(a, "--vgem"))
			opt.vgem = v;
		else if (!strcmp(a, "--reps"))
			opt.reps = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--block-us"))
			opt.block_us = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--iters"))
			opt.iters = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--batch"))
			opt.batch = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--count"))
			opt.count = strtoul(v, NULL, 0);
		else if (!strcmp(a, "--file"))
			opt.file = v;
		else if (!strcmp(a, "--levels"))
			parse_levels(v);
		else
			die("unknown option %s", a);
	}
	if (!opt.reps || opt.reps > MAX_REPS || !opt.block_us || !opt.iters ||
	    !opt.batch || !opt.count)
		die("--reps must be 1 to %d; --block-us, --iters, --batch, --count over 0",
		    MAX_REPS);
	if (!strcmp(cmd, "copy")) {
		cmd_copy();
		return 0;
	}
	if (!opt.nova || (strcmp(cmd, "scale") && !opt.vgem))
		die("%s needs --nova%s", cmd, strcmp(cmd, "scale") ? " and --vgem" : "");
	raise_limits();

	if (!strcmp(cmd, "latency"))
		cmd_latency();
	else if (!strcmp(cmd, "scale"))
		cmd_scale();
	else if (!strcmp(cmd, "memory"))
		cmd_memory();
	else if (!strcmp(cmd, "parallel"))
		cmd_parallel();
	else if (!strncmp(cmd, "loop=", 5))
		cmd_loop(cmd + 5);
	else
		die("unknown command %s", cmd);
	return 0;
}
