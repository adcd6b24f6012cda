// SPDX-License-Identifier: GPL-2.0
/*
 * nova-fuzz: random and boundary-biased ioctls on nova's DRM files, from
 * several threads at once, run inside the test VM (tests/vm/cases/85-fuzz.sh).
 *
 *   nova-fuzz [--seed S] [--iterations N] [--threads T] [--files F]
 *
 * Every nova node in /dev/dri (render and primary) is opened F times
 * (default 2); these shared files get "chaos" ioctls from every thread:
 * a command number built from a nova or DRM core ioctl (or any number), with
 * its direction and size bits kept or changed, and an argument of random
 * and boundary values (sizes, pads, handles, parameter ids), or a bad
 * pointer. Each thread also has files of its own:
 *  - a chaos file it closes and opens again now and then;
 *  - a render and a primary file on which it runs only well-formed nova and
 *    GEM ioctls (with boundary values, and with the direction and size
 *    bits of GETPARAM and GEM_INFO changed), checking each result against a
 *    model of the file (its handles and their sizes, what the DRM core
 *    copies in and out): the errno, the output, fdinfo's drm-total-memory.
 *
 * Each thread draws from its own generator, seeded from S and its index, so
 * a run is replayed with the same arguments (the interleaving of the
 * threads differs). The seed is printed; without --seed it is random.
 * Defaults: 4 threads, 20000 iterations each.
 *
 * Ioctls that could block or touch memory the program does not own are
 * tamed: VERSION's and GET_UNIQUE's string pointers point at the thread's
 * scratch buffer (or at nothing mapped), and every argument buffer is
 * 16 KiB, the most the DRM core copies back. Nothing is mmap()ed.
 *
 * Prints KTAP: the run, the model's verdict (with the first mismatches),
 * that every node still works afterwards, and the errnos seen.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <xf86drm.h>

#include "nova_drm.h"

#include "fdinfo.h"
#include "ktap.h"

#define MAX_NODES	16
#define MAX_SHARED	64
#define MAX_THREADS	32
#define MAX_OBJS	64
#define ARG_SIZE	16384	/* _IOC_SIZE's largest value, rounded up */
#define SCRATCH_SIZE	4096
#define PAGE		((uint64_t)4096)
#define TIB		((uint64_t)1 << 40)
#define SENTINEL64	((uint64_t)0xdeadbeefcafef00d)
#define SENTINEL32	0xdeadbeefU
#define MAX_ERRNO	134
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static struct {
	uint64_t seed;
	unsigned long iterations;
	unsigned int threads, files;
} opt = { .iterations = 20000, .threads = 4, .files = 2 };

/* The nova nodes, and the shared chaos files. */
static struct node {
	char path[300];
	bool primary;
	uint64_t vram;
} nodes[MAX_NODES];
static unsigned int n_nodes;
static int shared[MAX_SHARED];
static unsigned int n_shared;

/* Results, over all threads. */
static atomic_ulong n_chaos, n_model, n_errno[MAX_ERRNO + 1];
static atomic_uint n_mismatch;
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;
static char mismatches[4096];

/* ---- the generator ------------------------------------------------------ */

struct rng {
	uint64_t s;
};

static uint64_t next(struct rng *r)
{
	/* splitmix64 */
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned int below(struct rng *r, unsigned int n)
{
	return n ? next(r) % n : 0;
}

static bool chance(struct rng *r, unsigned int percent)
{
	return below(r, 100) < percent;
}

/* A 64-bit value, half the time one of the boundaries. */
static uint64_t value64(struct rng *r)
{
	static const uint64_t b[] = {
		0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0x1001,
		0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff,
		0x100000000ULL, 0x100000001ULL, TIB - PAGE, TIB - PAGE + 1,
		TIB - 1, TIB, TIB + 1, TIB + PAGE, UINT64_MAX - PAGE,
		UINT64_MAX - PAGE + 1, UINT64_MAX - PAGE + 2, UINT64_MAX - 1,
		UINT64_MAX, (uint64_t)1 << 63, ((uint64_t)1 << 63) - 1,
		SENTINEL64,
	};

	switch (below(r, 4)) {
	case 0:
	case 1:
		return b[below(r, ARRAY_SIZE(b))];
	case 2:
		return below(r, 64);
	default:
		return next(r);
	}
}

/* A GEM object size: mostly small, often a boundary. */
static uint64_t obj_size(struct rng *r)
{
	if (chance(r, 60))
		return 1 + below(r, 4 * PAGE);
	return value64(r);
}

/* ---- ioctl numbers ------------------------------------------------------ */

static const unsigned long known[] = {
	DRM_IOCTL_VERSION, DRM_IOCTL_GET_UNIQUE, DRM_IOCTL_GET_MAGIC,
	DRM_IOCTL_IRQ_BUSID, DRM_IOCTL_GET_MAP, DRM_IOCTL_GET_CLIENT,
	DRM_IOCTL_GET_STATS, DRM_IOCTL_SET_VERSION, DRM_IOCTL_MODESET_CTL,
	DRM_IOCTL_GEM_CLOSE, DRM_IOCTL_GEM_FLINK, DRM_IOCTL_GEM_OPEN,
	DRM_IOCTL_GET_CAP, DRM_IOCTL_SET_CLIENT_CAP, DRM_IOCTL_SET_UNIQUE,
	DRM_IOCTL_AUTH_MAGIC, DRM_IOCTL_BLOCK, DRM_IOCTL_UNBLOCK,
	DRM_IOCTL_CONTROL, DRM_IOCTL_ADD_MAP, DRM_IOCTL_DROP_MASTER,
	DRM_IOCTL_ADD_CTX, DRM_IOCTL_LOCK, DRM_IOCTL_FINISH,
	DRM_IOCTL_PRIME_HANDLE_TO_FD,
	DRM_IOCTL_PRIME_FD_TO_HANDLE, DRM_IOCTL_AGP_ACQUIRE,
	DRM_IOCTL_WAIT_VBLANK, DRM_IOCTL_CRTC_GET_SEQUENCE,
	DRM_IOCTL_MODE_GETRESOURCES, DRM_IOCTL_MODE_GETCRTC,
	DRM_IOCTL_MODE_CREATE_DUMB, DRM_IOCTL_MODE_MAP_DUMB,
	DRM_IOCTL_MODE_DESTROY_DUMB, DRM_IOCTL_MODE_ADDFB2,
	DRM_IOCTL_MODE_ATOMIC, DRM_IOCTL_MODE_CREATEPROPBLOB,
	DRM_IOCTL_SYNCOBJ_CREATE, DRM_IOCTL_SYNCOBJ_WAIT,
	DRM_IOCTL_MODE_CREATE_LEASE, DRM_IOCTL_MODE_GETFB2,
	DRM_IOCTL_NOVA_GETPARAM, DRM_IOCTL_NOVA_GEM_CREATE,
	DRM_IOCTL_NOVA_GEM_INFO,
};

static const unsigned long nova_cmds[] = {
	DRM_IOCTL_NOVA_GETPARAM, DRM_IOCTL_NOVA_GEM_CREATE,
	DRM_IOCTL_NOVA_GEM_INFO, DRM_IOCTL_GEM_CLOSE, DRM_IOCTL_GEM_FLINK,
	DRM_IOCTL_GEM_OPEN,
};

/* A command number: a known one, kept or with its bits changed, or any. */
/*
 * Linux's DRM core (6.1, and upstream as of this writing) has a
 * use-after-free that these random ioctls reach in a few million: a file
 * that got a magic (GET_MAGIC) while another file was master, and then
 * became master itself through SET_MASTER, gets a new master, and its
 * magic stays in the old master's map when the file is closed; the old
 * master's file, master again, then writes into the freed file through
 * AUTH_MAGIC. No driver can prevent it. SET_MASTER's number, under DRM's
 * ioctl type, is therefore never issued (DROP_MASTER's instead): the DRM
 * core dispatches on the number alone, whatever the direction and size.
 */
static unsigned long tame_cmd(unsigned long cmd)
{
	if (_IOC_TYPE(cmd) == DRM_IOCTL_BASE &&
	    _IOC_NR(cmd) == _IOC_NR(DRM_IOCTL_SET_MASTER))
		cmd = _IOC(_IOC_DIR(cmd), DRM_IOCTL_BASE,
			   _IOC_NR(DRM_IOCTL_DROP_MASTER), _IOC_SIZE(cmd));
	return cmd;
}

static unsigned long chaos_cmd(struct rng *r)
{
	static const unsigned int sizes[] = {
		0, 1, 4, 7, 8, 9, 12, 15, 16, 17, 24, 32, 64, 127, 128, 129,
		255, 256, 4095, 4096, 16383,
	};
	unsigned long cmd;
	unsigned int dir, size, nr, type;

	if (chance(r, 5))
		return tame_cmd((uint32_t)next(r));
	if (chance(r, 50))
		cmd = nova_cmds[below(r, ARRAY_SIZE(nova_cmds))];
	else
		cmd = known[below(r, ARRAY_SIZE(known))];
	dir = _IOC_DIR(cmd);
	size = _IOC_SIZE(cmd);
	nr = _IOC_NR(cmd);
	type = _IOC_TYPE(cmd);
	if (chance(r, 20))
		dir = below(r, 4);
	if (chance(r, 20))
		size = chance(r, 70) ? sizes[below(r, ARRAY_SIZE(sizes))] :
				       below(r, 1 << 14);
	if (chance(r, 5))
		nr = below(r, 256);
	if (chance(r, 3))
		type = below(r, 256);
	return tame_cmd(_IOC(dir, type, nr, size));
}

/* ---- threads ------------------------------------------------------------ */

/* A handle of a model file and the size of its object. */
struct obj {
	uint32_t handle;
	uint64_t size;
	uint32_t name;		/* flink name, 0 if none */
};

struct model {
	int fd;
	const struct node *node;
	struct obj objs[MAX_OBJS];
	unsigned int n;
};

struct thread {
	unsigned int index;
	pthread_t tid;
	struct rng rng;
	unsigned long it;	/* the current iteration */
	int chaos_fd;
	struct model m[2];	/* render, primary */
	uint32_t recent[16];	/* handles seen in chaos results */
	uint8_t *arg;		/* ARG_SIZE bytes */
	char *scratch;		/* SCRATCH_SIZE bytes */
	uint8_t *edge;		/* the last bytes before an unmapped page */
};

static struct thread threads[MAX_THREADS];

PRINTF(2, 3) static void mismatch(struct thread *t, const char *fmt, ...)
{
	char line[512];
	size_t l;
	va_list ap;

	if (atomic_fetch_add(&n_mismatch, 1) >= 10)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&report_lock);
	l = strlen(mismatches);
	snprintf(mismatches + l, sizeof(mismatches) - l,
		 "thread %u, iteration %lu: %s\n", t->index, t->it, line);
	pthread_mutex_unlock(&report_lock);
}

static int xioctl(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) ? -errno : 0;
}

static const char *ename(int err)
{
	const char *n = strerrorname_np(err < 0 ? -err : err);

	return err == 0 ? "success" : n ? n : "E?";
}

static int open_node(const struct node *n)
{
	return open(n->path, O_RDWR | O_CLOEXEC);
}

/* The nodes of a random device: a render and a primary node of one GPU. */
static const struct node *pick_node(struct rng *r, bool primary)
{
	unsigned int i, k = below(r, n_nodes);

	for (i = 0; i < n_nodes; i++) {
		const struct node *n = &nodes[(k + i) % n_nodes];

		if (n->primary == primary)
			return n;
	}
	return NULL;
}

/* ---- chaos -------------------------------------------------------------- */

static void chaos(struct thread *t)
{
	struct rng *r = &t->rng;
	unsigned long cmd = chaos_cmd(r);
	unsigned int nr = _IOC_NR(cmd), i;
	uint64_t *w = (uint64_t *)t->arg;
	void *arg = t->arg;
	int fd, ret;

	if (chance(r, 20) && t->chaos_fd >= 0)
		fd = t->chaos_fd;
	else
		fd = shared[below(r, n_shared)];

	/* The argument: random words, boundaries, handles seen. */
	for (i = 0; i < 8; i++)
		w[i] = value64(r);
	if (chance(r, 50)) {
		uint32_t *h = (uint32_t *)t->arg;

		h[below(r, 4)] = t->recent[below(r, 16)];
	}
	if (chance(r, 30))
		((uint32_t *)t->arg)[1] = 0;	/* pad */

	/*
	 * VERSION (nr 0x00) and GET_UNIQUE (0x01) write strings where their
	 * pointers say: into the scratch buffer, or nowhere that is mapped.
	 */
	if (nr == 0x00 || nr == 0x01) {
		uint64_t p = chance(r, 80) ? (uint64_t)(uintptr_t)t->scratch :
			     chance(r, 50) ? 0 : 0xffff888000000000ULL;
		unsigned int first = nr == 0x00 ? 2 : 0;	/* the length words */

		for (i = first; i < first + (nr == 0x00 ? 6 : 2); i += 2) {
			w[i] = below(r, SCRATCH_SIZE + 1);
			w[i + 1] = p;
		}
	}

	switch (below(r, 100)) {
	case 0:
		arg = NULL;
		break;
	case 1:
		arg = (void *)0xffff888000000000ULL;	/* the kernel's */
		break;
	case 2:
		arg = t->edge - below(r, 64);		/* runs into unmapped */
		memset(arg, 0, t->edge - (uint8_t *)arg);
		break;
	}

	ret = xioctl(fd, cmd, arg);
	atomic_fetch_add(&n_chaos, 1);
	atomic_fetch_add(&n_errno[ret < -MAX_ERRNO || ret > 0 ? MAX_ERRNO : -ret], 1);

	/* Handles from a successful GEM_CREATE, GEM_OPEN: used later. */
	if (ret == 0 && arg == t->arg &&
	    (cmd == DRM_IOCTL_NOVA_GEM_CREATE || cmd == DRM_IOCTL_GEM_OPEN)) {
		uint32_t h;

		memcpy(&h, cmd == DRM_IOCTL_GEM_OPEN ? t->arg + 4 : t->arg, 4);
		t->recent[below(r, 16)] = h;
	}

	/* Now and then the thread's chaos file goes, and a new one comes. */
	if (chance(r, 1)) {
		const struct node *n = pick_node(r, chance(r, 50));

		if (t->chaos_fd >= 0)
			close(t->chaos_fd);
		t->chaos_fd = open_node(n ? n : &nodes[0]);
	}
}

/* ---- the model ---------------------------------------------------------- */

static struct obj *find_obj(struct model *m, uint32_t handle)
{
	unsigned int i;

	for (i = 0; i < m->n; i++)
		if (m->objs[i].handle == handle)
			return &m->objs[i];
	return NULL;
}

static void drop_obj(struct model *m, struct obj *o)
{
	*o = m->objs[--m->n];
}

/* A handle: mostly one of the file's, else a boundary or random. */
static uint32_t pick_handle(struct thread *t, struct model *m)
{
	struct rng *r = &t->rng;

	if (m->n && chance(r, 70))
		return m->objs[below(r, m->n)].handle;
	return chance(r, 50) ? (uint32_t)value64(r) : below(r, 8);
}

static uint64_t page_align(uint64_t size)
{
	return (size + PAGE - 1) & ~(PAGE - 1);
}

/*
 * GETPARAM or GEM_INFO with the direction and size bits of the command
 * changed: the DRM core copies in min(size, 16) bytes when both the command
 * and the ioctl say "in", zero-fills the rest of its 16 bytes (or more),
 * runs the ioctl on that, and copies "size" bytes back when both say "out",
 * whatever the result. The model predicts both.
 */
static void model_variant(struct thread *t, struct model *m, bool info)
{
	struct rng *r = &t->rng;
	unsigned long base = info ? DRM_IOCTL_NOVA_GEM_INFO : DRM_IOCTL_NOVA_GETPARAM;
	unsigned int dir = below(r, 4), size = chance(r, 50) ? 16 : below(r, 33);
	unsigned long cmd = _IOC(dir, DRM_IOCTL_BASE, _IOC_NR(base), size);
	uint8_t user[32], kdata[32], want[32];
	unsigned int in = (dir & _IOC_WRITE) ? size : 0;
	unsigned int out = (dir & _IOC_READ) ? size : 0;
	uint64_t a, b;
	int ret, want_ret;

	for (unsigned int i = 0; i < sizeof(user); i++)
		user[i] = next(r);
	if (info) {
		uint32_t h = pick_handle(t, m);

		memcpy(user, &h, 4);
		if (chance(r, 80))
			memset(user + 4, 0, 4);
	} else {
		a = chance(r, 50) ? NOVA_GETPARAM_VRAM_BAR_SIZE : value64(r);
		memcpy(user, &a, 8);
	}

	/* The kernel's view, and what the ioctl makes of it. */
	memset(kdata, 0, sizeof(kdata));
	memcpy(kdata, user, in);
	if (info) {
		uint32_t h, pad;
		struct obj *o;

		memcpy(&h, kdata, 4);
		memcpy(&pad, kdata + 4, 4);
		o = find_obj(m, h);
		want_ret = pad ? -EINVAL : o ? 0 : -ENOENT;
		if (!want_ret)
			memcpy(kdata + 8, &o->size, 8);
	} else {
		memcpy(&a, kdata, 8);
		want_ret = a == NOVA_GETPARAM_VRAM_BAR_SIZE ? 0 : -EINVAL;
		if (!want_ret)
			memcpy(kdata + 8, &m->node->vram, 8);
	}
	memcpy(want, user, sizeof(want));
	memcpy(want, kdata, out);

	ret = xioctl(m->fd, cmd, user);
	if (ret != want_ret || memcmp(user, want, sizeof(want))) {
		memcpy(&a, user + 8, 8);
		memcpy(&b, want + 8, 8);
		mismatch(t, "%s dir %u size %u: %s, expected %s; bytes 8..15 0x%" PRIx64
			 ", expected 0x%" PRIx64, info ? "GEM_INFO" : "GETPARAM", dir, size,
			 ename(ret), ename(want_ret), a, b);
	}
}

static void model_op(struct thread *t)
{
	struct rng *r = &t->rng;
	struct model *m = &t->m[below(r, 2)];
	bool primary = m->node->primary;
	unsigned int op = below(r, 100);
	int ret, want;

	atomic_fetch_add(&n_model, 1);
	if (op < 15) {
		struct drm_nova_getparam gp = { .param = chance(r, 50) ?
			NOVA_GETPARAM_VRAM_BAR_SIZE : value64(r), .value = SENTINEL64 };
		uint64_t param = gp.param;

		ret = xioctl(m->fd, DRM_IOCTL_NOVA_GETPARAM, &gp);
		want = param == NOVA_GETPARAM_VRAM_BAR_SIZE ? 0 : -EINVAL;
		if (ret != want || gp.param != param ||
		    gp.value != (want ? SENTINEL64 : m->node->vram))
			mismatch(t, "GETPARAM 0x%" PRIx64 ": %s value 0x%" PRIx64 ", expected %s",
				 param, ename(ret), (uint64_t)gp.value, ename(want));
	} else if (op < 40) {
		struct drm_nova_gem_create c = { .handle = SENTINEL32,
			.pad = chance(r, 10) ? (uint32_t)next(r) | 1 : 0, .size = obj_size(r) };
		struct drm_nova_gem_create in = c;

		if (m->n == MAX_OBJS) {
			struct drm_gem_close cl = { .handle = m->objs[0].handle };

			if (xioctl(m->fd, DRM_IOCTL_GEM_CLOSE, &cl))
				mismatch(t, "GEM_CLOSE of %u to make room failed", cl.handle);
			drop_obj(m, &m->objs[0]);
		}
		ret = xioctl(m->fd, DRM_IOCTL_NOVA_GEM_CREATE, &c);
		want = in.pad || !in.size ? -EINVAL : in.size > TIB ? -E2BIG : 0;
		if (ret != want) {
			mismatch(t, "GEM_CREATE pad 0x%x size 0x%" PRIx64 ": %s, expected %s",
				 in.pad, (uint64_t)in.size, ename(ret), ename(want));
		} else if (ret) {
			if (memcmp(&c, &in, sizeof(c)))
				mismatch(t, "GEM_CREATE failed but wrote its structure");
		} else if (!c.handle || find_obj(m, c.handle) || c.size != in.size ||
			   c.pad != in.pad) {
			mismatch(t, "GEM_CREATE size 0x%" PRIx64 ": handle %u (in use or 0)",
				 (uint64_t)in.size, c.handle);
		} else {
			m->objs[m->n++] = (struct obj){ c.handle, page_align(in.size), 0 };
		}
	} else if (op < 55) {
		struct drm_nova_gem_info i = { .handle = pick_handle(t, m),
			.pad = chance(r, 10) ? 1 : 0, .size = SENTINEL64 };
		struct obj *o = find_obj(m, i.handle);

		ret = xioctl(m->fd, DRM_IOCTL_NOVA_GEM_INFO, &i);
		want = i.pad ? -EINVAL : o ? 0 : -ENOENT;
		if (ret != want || i.size != (want ? SENTINEL64 : o->size))
			mismatch(t, "GEM_INFO %u: %s size 0x%" PRIx64 ", expected %s",
				 i.handle, ename(ret), (uint64_t)i.size, ename(want));
	} else if (op < 70) {
		struct drm_gem_close cl = { .handle = pick_handle(t, m) };
		struct obj *o = find_obj(m, cl.handle);

		ret = xioctl(m->fd, DRM_IOCTL_GEM_CLOSE, &cl);
		want = o ? 0 : -EINVAL;
		if (ret != want)
			mismatch(t, "GEM_CLOSE %u: %s, expected %s", cl.handle, ename(ret),
				 ename(want));
		if (!ret && o)
			drop_obj(m, o);
	} else if (op < 78) {
		struct drm_gem_flink fl = { .handle = pick_handle(t, m), .name = SENTINEL32 };
		struct obj *o = find_obj(m, fl.handle);

		ret = xioctl(m->fd, DRM_IOCTL_GEM_FLINK, &fl);
		want = !primary ? -EACCES : o ? 0 : -ENOENT;
		if (ret != want || (!ret && (!fl.name || (o->name && o->name != fl.name))))
			mismatch(t, "GEM_FLINK %u: %s name %u, expected %s", fl.handle,
				 ename(ret), fl.name, ename(want));
		if (!ret && o)
			o->name = fl.name;
	} else if (op < 86) {
		/* GEM_OPEN of one of the file's own named objects. */
		struct obj *o = NULL;
		struct drm_gem_open go = { .handle = SENTINEL32, .size = SENTINEL64 };
		unsigned int i;

		for (i = 0; i < m->n && !o; i++)
			if (m->objs[i].name)
				o = &m->objs[i];
		if (!o || m->n == MAX_OBJS || !primary)
			return;
		/* A new handle to the same object. */
		go.name = o->name;
		ret = xioctl(m->fd, DRM_IOCTL_GEM_OPEN, &go);
		if (ret || go.size != o->size || !go.handle || find_obj(m, go.handle))
			mismatch(t, "GEM_OPEN of its own name %u: %s handle %u size 0x%" PRIx64
				 ", expected a new handle and size 0x%" PRIx64, o->name,
				 ename(ret), go.handle, (uint64_t)go.size, o->size);
		else
			m->objs[m->n++] = (struct obj){ go.handle, o->size, o->name };
	} else {
		model_variant(t, m, chance(r, 50));
	}
}

/* Every handle of the model, and the file's memory in fdinfo. */
static void model_verify(struct thread *t, struct model *m)
{
	uint64_t total = 0;
	unsigned int i;
	long got;

	for (i = 0; i < m->n; i++) {
		struct drm_nova_gem_info gi = { .handle = m->objs[i].handle };

		if (xioctl(m->fd, DRM_IOCTL_NOVA_GEM_INFO, &gi) || gi.size != m->objs[i].size)
			mismatch(t, "handle %u: GEM_INFO size 0x%" PRIx64 ", expected 0x%" PRIx64,
				 gi.handle, (uint64_t)gi.size, m->objs[i].size);
		total += m->objs[i].size;
	}
	got = fdinfo_total(m->fd);
	if (got != (long)(total >> 10))
		mismatch(t, "fdinfo drm-total-memory %ld KiB, expected %" PRIu64 " KiB", got,
			 total >> 10);
}

static bool model_open(struct thread *t, struct model *m, bool primary)
{
	if (m->fd >= 0)
		close(m->fd);
	m->n = 0;
	m->node = pick_node(&t->rng, primary);
	m->fd = m->node ? open_node(m->node) : -1;
	return m->fd >= 0;
}

static void *thread_main(void *p)
{
	struct thread *t = p;

	t->chaos_fd = open_node(&nodes[t->index % n_nodes]);
	t->m[0].fd = -1;
	t->m[1].fd = -1;
	if (!model_open(t, &t->m[0], false) || !model_open(t, &t->m[1], true)) {
		mismatch(t, "cannot open the model's files");
		return NULL;
	}
	for (t->it = 0; t->it < opt.iterations; t->it++) {
		if (chance(&t->rng, 50))
			chaos(t);
		else
			model_op(t);
		if ((t->it & 1023) == 1023) {
			model_verify(t, &t->m[0]);
			model_verify(t, &t->m[1]);
		}
		if ((t->it & 8191) == 8191) {
			model_open(t, &t->m[0], false);
			model_open(t, &t->m[1], true);
		}
	}
	model_verify(t, &t->m[0]);
	model_verify(t, &t->m[1]);
	close(t->m[0].fd);
	close(t->m[1].fd);
	if (t->chaos_fd >= 0)
		close(t->chaos_fd);
	return NULL;
}

/* ---- setup -------------------------------------------------------------- */

static bool is_nova(int fd)
{
	drmVersionPtr v = drmGetVersion(fd);
	bool r = v && v->name && strcmp(v->name, "nova") == 0;

	drmFreeVersion(v);
	return r;
}

static void find_nodes(void)
{
	DIR *d = opendir("/dev/dri");
	struct dirent *e;

	while (d && (e = readdir(d)) && n_nodes < MAX_NODES) {
		struct node *n = &nodes[n_nodes];
		struct drm_nova_getparam gp = { .param = NOVA_GETPARAM_VRAM_BAR_SIZE };
		int fd;

		if (strncmp(e->d_name, "card", 4) && strncmp(e->d_name, "renderD", 7))
			continue;
		snprintf(n->path, sizeof(n->path), "/dev/dri/%s", e->d_name);
		n->primary = strncmp(e->d_name, "card", 4) == 0;
		fd = open(n->path, O_RDWR | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (is_nova(fd) && xioctl(fd, DRM_IOCTL_NOVA_GETPARAM, &gp) == 0) {
			n->vram = gp.value;
			n_nodes++;
		}
		close(fd);
	}
	if (d)
		closedir(d);
}

/* One node answers, from a fresh file: GETPARAM, and an object's life. */
static int node_works(const struct node *n)
{
	struct drm_nova_getparam gp = { .param = NOVA_GETPARAM_VRAM_BAR_SIZE };
	struct drm_nova_gem_create c = { .size = 5 * PAGE };
	struct drm_nova_gem_info gi = { 0 };
	struct drm_gem_close cl = { 0 };
	int fd = open_node(n), ret;

	if (fd < 0)
		return -errno;
	ret = xioctl(fd, DRM_IOCTL_NOVA_GETPARAM, &gp);
	if (!ret && gp.value != n->vram)
		ret = -EIO;
	if (!ret)
		ret = xioctl(fd, DRM_IOCTL_NOVA_GEM_CREATE, &c);
	gi.handle = c.handle;
	if (!ret)
		ret = xioctl(fd, DRM_IOCTL_NOVA_GEM_INFO, &gi);
	if (!ret && gi.size != 5 * PAGE)
		ret = -EIO;
	cl.handle = c.handle;
	if (!ret)
		ret = xioctl(fd, DRM_IOCTL_GEM_CLOSE, &cl);
	if (!ret && fdinfo_total(fd) != 0)
		ret = -EIO;
	close(fd);
	return ret;
}

/* Every node still answers. */
static bool nodes_work(char *why, size_t len)
{
	unsigned int i;
	int ret;

	for (i = 0; i < n_nodes; i++) {
		ret = node_works(&nodes[i]);
		if (ret) {
			snprintf(why, len, "%.200s: %.100s", nodes[i].path, strerror(-ret));
			return false;
		}
	}
	return true;
}

static void bad_args(void)
{
	fprintf(stderr, "nova-fuzz [--seed S] [--iterations N] [--threads T] [--files F]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	bool seeded = false;
	unsigned int i, k;
	char why[2048] = "";
	int e;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < (unsigned int)argc; i++) {
		if (i + 1 >= (unsigned int)argc)
			bad_args();
		if (strcmp(argv[i], "--seed") == 0) {
			opt.seed = strtoull(argv[++i], NULL, 0);
			seeded = true;
		} else if (strcmp(argv[i], "--iterations") == 0) {
			opt.iterations = strtoul(argv[++i], NULL, 0);
		} else if (strcmp(argv[i], "--threads") == 0) {
			opt.threads = strtoul(argv[++i], NULL, 0);
		} else if (strcmp(argv[i], "--files") == 0) {
			opt.files = strtoul(argv[++i], NULL, 0);
		} else {
			bad_args();
		}
	}
	if (!opt.threads || opt.threads > MAX_THREADS || !opt.files)
		bad_args();
	if (!seeded && getrandom(&opt.seed, sizeof(opt.seed), 0) != sizeof(opt.seed))
		opt.seed = time(NULL);
	printf("# seed %" PRIu64 ": replay with nova-fuzz --seed %" PRIu64
	       " --iterations %lu --threads %u --files %u\n", opt.seed, opt.seed,
	       opt.iterations, opt.threads, opt.files);

	find_nodes();
	for (i = 0; i < n_nodes; i++)
		for (k = 0; k < opt.files && n_shared < MAX_SHARED; k++) {
			int fd = open_node(&nodes[i]);

			if (fd >= 0)
				shared[n_shared++] = fd;
		}
	if (!result(n_nodes > 0 && n_shared > 0, "nova nodes to fuzz: %u (%u shared files)",
		    n_nodes, n_shared)) {
		printf("1..%u\n", n_tests);
		return 1;
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < opt.threads; i++) {
		struct thread *t = &threads[i];
		uint8_t *edge;

		t->index = i;
		t->rng.s = opt.seed * 0x100000001b3ULL + i;
		t->arg = aligned_alloc(4096, ARG_SIZE);
		t->scratch = aligned_alloc(4096, SCRATCH_SIZE);
		edge = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (!t->arg || !t->scratch || edge == MAP_FAILED ||
		    mprotect(edge + 4096, 4096, PROT_NONE)) {
			perror("nova-fuzz: memory");
			return 2;
		}
		t->edge = edge + 4096;
		e = pthread_create(&t->tid, NULL, thread_main, t);
		if (e) {
			fprintf(stderr, "nova-fuzz: pthread_create: %s\n", strerror(e));
			return 2;
		}
	}
	for (i = 0; i < opt.threads; i++)
		pthread_join(threads[i].tid, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);

	result(true,
	       "seed %" PRIu64 ": %lu ioctls, %u threads, %.1f s (%lu random, %lu by the model)",
	       opt.seed, atomic_load(&n_chaos) + atomic_load(&n_model), opt.threads,
	       (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
	       atomic_load(&n_chaos), atomic_load(&n_model));
	if (!result(atomic_load(&n_mismatch) == 0,
		    "the nova and GEM ioctls on each thread's own files agree with the model"))
		diag("%u mismatches, the first ones:\n%s", atomic_load(&n_mismatch), mismatches);

	for (i = 0; i < n_shared; i++)
		close(shared[i]);
	if (!result(nodes_work(why, sizeof(why)),
		    "every node still works: GETPARAM, GEM_CREATE, GEM_INFO, GEM_CLOSE, fdinfo"))
		diag("%s", why);

	printf("# errnos of the random ioctls:");
	for (e = 0; e <= MAX_ERRNO; e++)
		if (atomic_load(&n_errno[e]))
			printf(" %s %lu", e == MAX_ERRNO ? "other" : ename(e),
			       atomic_load(&n_errno[e]));
	printf("\n# iterations: %lu\n", atomic_load(&n_chaos) + atomic_load(&n_model));
	printf("1..%u\n", n_tests);
	return n_failed ? 1 : 0;
}
