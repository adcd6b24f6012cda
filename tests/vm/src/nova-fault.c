// SPDX-License-Identifier: GPL-2.0
/*
 * nova-fault: every allocation an operation makes fails, one at a time.
 * Run inside the test VM by tests/vm/cases/87-faults.sh, on the debug
 * kernel (failslab and fail_page_alloc, configured by the case).
 *
 *   nova-fault write NAME FILE TEXT [--undo FILE TEXT] [--reset FILE TEXT]
 *                    [--absent GLOB]... [--present GLOB]... [--errno LIST]
 *                    [--left FILE TEXT]...
 *   nova-fault module NAME KO [PARAMS] [--absent GLOB]... [--errno LIST]
 *   nova-fault ioctls NAME RENDER PRIMARY
 *
 * The operation runs with the Nth fault-injection point of this task set to
 * fail (/proc/thread-self/fail-nth), for N = 1, 2, ... until it runs to its
 * end without reaching an Nth point: by then every allocation it makes has
 * failed once, in its turn. After each injected fault, either
 *  - the operation failed with an accepted errno (ENOMEM unless --errno
 *    says otherwise) and left nothing behind: no --absent GLOB matches (for
 *    a module, /sys/module/NAME is gone; for an ioctl, its output is
 *    untouched, no handle or name was made, the file's memory in fdinfo and
 *    nova's module reference count are unchanged) and every --left FILE
 *    reads what TEXT matches (a shell pattern, extglob's @(a|b) too: what
 *    a failure must leave, say a device's state); then
 *    --reset runs; or
 *  - it succeeded all the same (the fault hit an allocation whose failure
 *    is allowed: a debugfs file, a retry): every --present GLOB matches,
 *    and --undo runs (for a module, it is unloaded).
 *
 * FILE is opened, and the ioctls' files are opened, before the fault is
 * armed, so that N counts from the operation itself. A write or module
 * load whose outcome is wrong is run again with the same N, twice at most:
 * if it comes right, the first outcome was a flake (timing, not the fault)
 * and is reported as a diagnostic; if not, the test fails.
 *
 * Prints KTAP: one test per operation (per ioctl for "ioctls"), and a line
 * "# faults: NAME injected=N slab=S page=P failed=F absorbed=A seconds=T"
 * with the counts, slab and page taken from failslab's and
 * fail_page_alloc's "times" counters in debugfs (which the case sets to a
 * large number).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <glob.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <xf86drm.h>

#include "nova_drm.h"

#include "fdinfo.h"
#include "ktap.h"

#define MAX_GLOBS	8
#define MAX_N		20000
#define SENTINEL32	0xdeadbeefU
#define SENTINEL64	((uint64_t)0xdeadbeefcafef00d)
#define PAGE		4096
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static int nth_fd = -1;
/* What fail-nth read back at the last disarm(): 0 if the fault was injected. */
static unsigned long nth_left;

/* What one operation's loop found. */
struct tally {
	const char *name;
	unsigned int injected;	/* faults injected */
	unsigned int failed;	/* ... that made the operation fail */
	unsigned int absorbed;	/* ... that it survived */
	unsigned int bad;	/* checks that did not hold */
	long slab0, page0;	/* the "times" counters at the start */
	struct timespec start;
	char why[1024];		/* the first few problems */
};

/* ---- fail-nth and the fault counters ---------------------------------- */

static void arm(unsigned int n)
{
	char b[16];
	int l = snprintf(b, sizeof(b), "%u", n);

	if (pwrite(nth_fd, b, l, 0) != l) {
		perror("nova-fault: fail-nth");
		exit(2);
	}
}

/* Disarms the fault; true if it was injected (fail-nth read back 0). */
static bool disarm(void)
{
	char b[16] = "";
	ssize_t r = pread(nth_fd, b, sizeof(b) - 1, 0);

	arm(0);
	if (r <= 0) {
		perror("nova-fault: fail-nth");
		exit(2);
	}
	b[r] = 0;
	nth_left = strtoul(b, NULL, 10);
	return nth_left == 0;
}

static long read_long(const char *path)
{
	char b[64] = "";
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r;

	if (fd < 0)
		return -1;
	r = read(fd, b, sizeof(b) - 1);
	close(fd);
	if (r <= 0)
		return -1;
	b[r] = 0;
	return strtol(b, NULL, 0);
}

#define SLAB_TIMES	"/sys/kernel/debug/failslab/times"
#define PAGE_TIMES	"/sys/kernel/debug/fail_page_alloc/times"

static void tally_start(struct tally *t, const char *name)
{
	memset(t, 0, sizeof(*t));
	t->name = name;
	t->slab0 = read_long(SLAB_TIMES);
	t->page0 = read_long(PAGE_TIMES);
	clock_gettime(CLOCK_MONOTONIC, &t->start);
}

PRINTF(2, 3) static void problem(struct tally *t, const char *fmt, ...)
{
	size_t l = strlen(t->why);
	va_list ap;

	t->bad++;
	if (t->bad > 5 || l >= sizeof(t->why) - 2)
		return;
	va_start(ap, fmt);
	vsnprintf(t->why + l, sizeof(t->why) - l - 1, fmt, ap);
	va_end(ap);
	l = strlen(t->why);
	t->why[l] = '\n';
	t->why[l + 1] = 0;
}

/* Prints the operation's result and its "# faults:" line. */
static void tally_end(struct tally *t, bool finished, unsigned int n)
{
	long slab = read_long(SLAB_TIMES), page = read_long(PAGE_TIMES);
	struct timespec now;
	double secs;

	clock_gettime(CLOCK_MONOTONIC, &now);
	secs = (now.tv_sec - t->start.tv_sec) + (now.tv_nsec - t->start.tv_nsec) / 1e9;

	slab = t->slab0 >= 0 && slab >= 0 ? t->slab0 - slab : -1;
	page = t->page0 >= 0 && page >= 0 ? t->page0 - page : -1;
	if (!finished)
		problem(t, "still failing after %u faults: gave up", n);
	result(t->bad == 0,
	       "%s: %u allocations failed one at a time (%ld slab, %ld page): %u failed cleanly, %u absorbed",
	       t->name, t->injected, slab, page, t->failed, t->absorbed);
	if (t->bad)
		diag("%s", t->why);
	printf("# faults: %s injected=%u slab=%ld page=%ld failed=%u absorbed=%u seconds=%.1f\n",
	       t->name, t->injected, slab, page, t->failed, t->absorbed, secs);
	fflush(stdout);
}

/* ---- checks ------------------------------------------------------------- */

static const struct {
	const char *name;
	int err;
} errnos[] = {
	{ "ENOMEM", ENOMEM }, { "EAGAIN", EAGAIN }, { "EINVAL", EINVAL },
	{ "ENOENT", ENOENT }, { "EIO", EIO }, { "EFAULT", EFAULT },
	{ "ENODEV", ENODEV }, { "EBUSY", EBUSY }, { "ENOSPC", ENOSPC },
};

static bool errno_in(int err, const char *list)
{
	char buf[256], *tok, *save = NULL;
	size_t i;

	snprintf(buf, sizeof(buf), "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		for (i = 0; i < ARRAY_SIZE(errnos); i++)
			if (strcmp(tok, errnos[i].name) == 0 && errnos[i].err == err)
				return true;
	return false;
}

static const char *ename(int err)
{
	const char *n = strerrorname_np(err);

	return n ? n : "E?";
}

static bool glob_matches(const char *pattern)
{
	glob_t g;
	bool r = glob(pattern, GLOB_NOSORT, NULL, &g) == 0 && g.gl_pathc > 0;

	globfree(&g);
	return r;
}

/* Writes TEXT to FILE (no fault armed); false with errno set on failure. */
static bool write_file(const char *file, const char *text)
{
	int fd = open(file, O_WRONLY | O_CLOEXEC);
	ssize_t r;
	int err;

	if (fd < 0)
		return false;
	r = write(fd, text, strlen(text));
	err = errno;
	close(fd);
	errno = err;
	return r == (ssize_t)strlen(text);
}

/* ---- write and module ------------------------------------------------- */

static struct {
	const char *undo_file, *undo_text;
	const char *reset_file, *reset_text;
	const char *absent[MAX_GLOBS], *present[MAX_GLOBS];
	const char *left_file[MAX_GLOBS], *left_text[MAX_GLOBS];
	unsigned int n_absent, n_present, n_left;
	const char *errno_list;
	unsigned int from, stride, to;
	bool count;
} opt = { .errno_list = "ENOMEM", .from = 1, .stride = 1, .to = MAX_N };

/* One run of the operation: whether the fault was injected, and how it ended. */
struct outcome {
	bool injected;
	int ret;	/* 0 or -1 */
	int err;	/* errno when ret is -1 */
};

/* Whether FILE's first line reads TEXT; its contents into GOT. */
static bool reads(const char *file, const char *text, char *got, size_t len)
{
	FILE *f = fopen(file, "re");

	*got = 0;
	if (!f) {
		snprintf(got, len, "(%s)", strerror(errno));
		return false;
	}
	if (!fgets(got, len, f))
		*got = 0;
	fclose(f);
	got[strcspn(got, "\n")] = 0;
	/* A shell pattern, with extglob's @(a|b). */
	return fnmatch(text, got, FNM_EXTMATCH) == 0;
}

/*
 * What is wrong with an outcome, into WHY (empty if nothing): after an
 * injected fault, a failure must have an accepted errno, leave nothing
 * matching --absent and leave each --left FILE reading its TEXT; a success
 * must have what --present names. Without a fault, the operation must
 * succeed.
 */
static void judge(const struct outcome *o, unsigned int n, char *why, size_t len)
{
	unsigned int i;
	size_t l;

	*why = 0;
	if (!o->injected) {
		if (o->ret < 0)
			snprintf(why, len, "no fault: failed with %s", ename(o->err));
		else
			for (i = 0; i < opt.n_present; i++)
				if (!glob_matches(opt.present[i]))
					snprintf(why, len, "no fault: succeeded without %s",
						 opt.present[i]);
		return;
	}
	if (o->ret < 0) {
		if (!errno_in(o->err, opt.errno_list))
			snprintf(why, len, "fault %u: failed with %s (%s), not %s", n,
				 ename(o->err), strerror(o->err), opt.errno_list);
		for (i = 0; i < opt.n_absent; i++)
			if (glob_matches(opt.absent[i])) {
				l = strlen(why);
				snprintf(why + l, len - l, "%sfault %u: failed (%s) but left %s",
					 l ? "; " : "", n, ename(o->err), opt.absent[i]);
			}
		for (i = 0; i < opt.n_left; i++) {
			char got[128];

			if (!reads(opt.left_file[i], opt.left_text[i], got, sizeof(got))) {
				l = strlen(why);
				snprintf(why + l, len - l, "%sfault %u: failed (%s) and left %s reading \"%s\", not \"%s\"",
					 l ? "; " : "", n, ename(o->err), opt.left_file[i],
					 got, opt.left_text[i]);
			}
		}
	} else {
		for (i = 0; i < opt.n_present; i++)
			if (!glob_matches(opt.present[i]))
				snprintf(why, len, "fault %u: succeeded without %s", n,
					 opt.present[i]);
	}
}

static void undo_or_reset(struct tally *t, unsigned int n, int ret)
{
	if (ret >= 0 && opt.undo_file && !write_file(opt.undo_file, opt.undo_text))
		problem(t, "after %u: undo (\"%s\" > %s): %s", n, opt.undo_text,
			opt.undo_file, strerror(errno));
	if (ret < 0 && opt.reset_file && !write_file(opt.reset_file, opt.reset_text))
		problem(t, "after %u: reset (\"%s\" > %s): %s", n, opt.reset_text,
			opt.reset_file, strerror(errno));
}

/*
 * The loop of "write" and "module": RUN performs the operation once with
 * the Nth fault armed, CLEANUP undoes a success or resets after a failure.
 * An outcome that is wrong is tried again, twice at most: one that comes
 * right on a retry is reported as a flake (a timing-dependent failure, not
 * the fault's), one that stays wrong fails the test.
 */
static int fault_loop(const char *name,
		      struct outcome (*run)(const void *arg, unsigned int n),
		      void (*cleanup)(struct tally *t, const void *arg, unsigned int n,
				      const struct outcome *o),
		      const void *arg)
{
	struct tally t;
	unsigned int n, try;
	bool done = false;
	char why[512], first[512];

	tally_start(&t, name);
	if (opt.count) {
		/* How many fault points the operation passes, five times over. */
		printf("# points: %s:", name);
		for (n = 0; n < 5; n++) {
			struct outcome o = run(arg, MAX_N);

			cleanup(&t, arg, n, &o);
			printf(" %lu", MAX_N - nth_left);
		}
		printf("\n");
		return 0;
	}
	for (n = opt.from; n <= opt.to && !done; n += opt.stride) {
		struct outcome o;

		first[0] = 0;
		for (try = 0; try < 3; try++) {
			o = run(arg, n);
			if (o.ret == -2) {	/* could not even start */
				problem(&t, "%s", strerror(o.err));
				tally_end(&t, false, n);
				return 1;
			}
			judge(&o, n, why, sizeof(why));
			cleanup(&t, arg, n, &o);
			if (!*why)
				break;
			if (!first[0])
				snprintf(first, sizeof(first), "%s", why);
		}
		if (*why)
			problem(&t, "%s (and on %u retries)", first, try - 1);
		else if (first[0])
			diag("flake: %s; right on retry %u", first, try);
		done = !o.injected || n + opt.stride > opt.to;
		if (o.injected) {
			t.injected++;
			if (o.ret < 0)
				t.failed++;
			else
				t.absorbed++;
		}
	}
	tally_end(&t, done, n - opt.stride);
	return t.bad != 0;
}

struct write_arg {
	const char *file, *text;
};

static struct outcome write_run(const void *arg, unsigned int n)
{
	const struct write_arg *w = arg;
	struct outcome o = { 0 };
	int fd = open(w->file, O_WRONLY | O_CLOEXEC);
	ssize_t r;

	if (fd < 0) {
		o.ret = -2;
		o.err = errno;
		return o;
	}
	arm(n);
	r = write(fd, w->text, strlen(w->text));
	o.err = errno;
	o.injected = disarm();
	o.ret = r < 0 ? -1 : 0;
	close(fd);
	return o;
}

static void write_cleanup(struct tally *t, const void *arg, unsigned int n,
			  const struct outcome *o)
{
	(void)arg;
	undo_or_reset(t, n, o->ret);
}

static int op_write(const char *name, const char *file, const char *text)
{
	struct write_arg w = { file, text };

	return fault_loop(name, write_run, write_cleanup, &w);
}

struct module_arg {
	const char *ko, *params;
	char name[64];
};

static struct outcome module_run(const void *arg, unsigned int n)
{
	const struct module_arg *m = arg;
	struct outcome o = { 0 };
	int fd = open(m->ko, O_RDONLY | O_CLOEXEC);
	long r;

	if (fd < 0) {
		o.ret = -2;
		o.err = errno;
		return o;
	}
	arm(n);
	r = syscall(SYS_finit_module, fd, m->params, 0);
	o.err = errno;
	o.injected = disarm();
	o.ret = r < 0 ? -1 : 0;
	close(fd);
	return o;
}

static void module_cleanup(struct tally *t, const void *arg, unsigned int n,
			   const struct outcome *o)
{
	const struct module_arg *m = arg;

	if (o->ret == 0 && syscall(SYS_delete_module, m->name, O_NONBLOCK) != 0)
		problem(t, "after %u: unload %s: %s", n, m->name, strerror(errno));
}

static int op_module(const char *name, const char *ko, const char *params)
{
	static char sysdir[128];
	const char *base = strrchr(ko, '/');
	struct module_arg m = { ko, params, "" };

	snprintf(m.name, sizeof(m.name), "%s", base ? base + 1 : ko);
	if (strchr(m.name, '.'))
		*strchr(m.name, '.') = 0;
	snprintf(sysdir, sizeof(sysdir), "/sys/module/%s", m.name);
	if (opt.n_absent < MAX_GLOBS)
		opt.absent[opt.n_absent++] = sysdir;
	return fault_loop(name, module_run, module_cleanup, &m);
}

/* ---- ioctls ------------------------------------------------------------- */

static int xioctl(int fd, unsigned long req, void *arg)
{
	return ioctl(fd, req, arg) ? -errno : 0;
}

static int gem_create(int fd, uint32_t *handle)
{
	struct drm_nova_gem_create c = { .size = PAGE };
	int r = xioctl(fd, DRM_IOCTL_NOVA_GEM_CREATE, &c);

	*handle = c.handle;
	return r;
}

static void gem_close(int fd, uint32_t handle)
{
	struct drm_gem_close c = { .handle = handle };

	xioctl(fd, DRM_IOCTL_GEM_CLOSE, &c);
}

static long nova_refcnt(void)
{
	return read_long("/sys/module/nova/refcnt");
}

/*
 * One ioctl's loop: SETUP (no fault) prepares ARG, then the ioctl runs with
 * the Nth fault armed, then CHECK judges a failure and UNDO cleans up.
 */
struct ictx {
	int fd, pfd;		/* render and primary files */
	uint32_t handle;	/* an object made by setup */
	uint32_t name;		/* its flink name */
	long total;		/* fdinfo total before */
	union {
		struct drm_nova_getparam gp;
		struct drm_nova_gem_create gc;
		struct drm_nova_gem_info gi;
		struct drm_gem_close cl;
		struct drm_gem_flink fl;
		struct drm_gem_open op;
		struct drm_version v;
		struct drm_unique u;
		struct drm_get_cap cap;
	} a;
	char s1[64], s2[64], s3[64];
};

struct iop {
	const char *name;
	unsigned long req;
	bool primary;
	void (*setup)(struct ictx *c);
	/* After a failure: "" if nothing changed, else what did. */
	const char *(*check)(struct ictx *c);
	void (*undo)(struct ictx *c, bool ok);
};

static void setup_getparam(struct ictx *c)
{
	c->a.gp.param = NOVA_GETPARAM_VRAM_BAR_SIZE;
	c->a.gp.value = SENTINEL64;
}

static const char *check_getparam(struct ictx *c)
{
	return c->a.gp.value == SENTINEL64 ? "" : "value written";
}

static void setup_create(struct ictx *c)
{
	c->total = fdinfo_total(c->fd);
	c->a.gc.handle = SENTINEL32;
	c->a.gc.pad = 0;
	c->a.gc.size = 3 * PAGE;
}

static const char *check_create(struct ictx *c)
{
	if (c->a.gc.handle != SENTINEL32)
		return "handle written";
	if (fdinfo_total(c->fd) != c->total)
		return "the file's memory (fdinfo) changed";
	return "";
}

static void undo_create(struct ictx *c, bool ok)
{
	if (ok)
		gem_close(c->fd, c->a.gc.handle);
}

static void setup_info(struct ictx *c)
{
	c->a.gi.handle = c->handle;
	c->a.gi.pad = 0;
	c->a.gi.size = SENTINEL64;
}

static const char *check_info(struct ictx *c)
{
	return c->a.gi.size == SENTINEL64 ? "" : "size written";
}

/* GEM_CLOSE closes a fresh object each time. */
static void setup_close(struct ictx *c)
{
	gem_create(c->fd, &c->a.cl.handle);
	c->a.cl.pad = 0;
}

static const char *check_close(struct ictx *c)
{
	struct drm_nova_gem_info i = { .handle = c->a.cl.handle };

	return xioctl(c->fd, DRM_IOCTL_NOVA_GEM_INFO, &i) ? "the handle is gone" : "";
}

static void undo_close(struct ictx *c, bool ok)
{
	if (!ok)
		gem_close(c->fd, c->a.cl.handle);
}

/* GEM_FLINK names a fresh object each time (a name is made only once). */
static void setup_flink(struct ictx *c)
{
	gem_create(c->pfd, &c->a.fl.handle);
	c->a.fl.name = SENTINEL32;
}

static const char *check_flink(struct ictx *c)
{
	return c->a.fl.name == SENTINEL32 ? "name written" : "";
}

static void undo_flink(struct ictx *c, bool ok)
{
	(void)ok;
	gem_close(c->pfd, c->a.fl.handle);
}

static void setup_open(struct ictx *c)
{
	c->total = fdinfo_total(c->pfd);
	c->a.op.name = c->name;
	c->a.op.handle = SENTINEL32;
	c->a.op.size = SENTINEL64;
}

static const char *check_open(struct ictx *c)
{
	if (c->a.op.handle != SENTINEL32 || c->a.op.size != SENTINEL64)
		return "handle or size written";
	if (fdinfo_total(c->pfd) != c->total)
		return "the file's memory (fdinfo) changed";
	return "";
}

static void undo_open(struct ictx *c, bool ok)
{
	if (ok)
		gem_close(c->pfd, c->a.op.handle);
}

static void setup_version(struct ictx *c)
{
	memset(&c->a.v, 0, sizeof(c->a.v));
	c->a.v.name = c->s1;
	c->a.v.name_len = sizeof(c->s1);
	c->a.v.date = c->s2;
	c->a.v.date_len = sizeof(c->s2);
	c->a.v.desc = c->s3;
	c->a.v.desc_len = sizeof(c->s3);
}

static void setup_unique(struct ictx *c)
{
	c->a.u.unique = c->s1;
	c->a.u.unique_len = sizeof(c->s1);
}

static void setup_cap(struct ictx *c)
{
	c->a.cap.capability = DRM_CAP_PRIME;
	c->a.cap.value = SENTINEL64;
}

static const char *check_nothing(struct ictx *c)
{
	(void)c;
	return "";
}

static const struct iop iops[] = {
	{ "GETPARAM", DRM_IOCTL_NOVA_GETPARAM, false, setup_getparam, check_getparam, NULL },
	{ "GEM_CREATE", DRM_IOCTL_NOVA_GEM_CREATE, false, setup_create, check_create, undo_create },
	{ "GEM_INFO", DRM_IOCTL_NOVA_GEM_INFO, false, setup_info, check_info, NULL },
	{ "GEM_CLOSE", DRM_IOCTL_GEM_CLOSE, false, setup_close, check_close, undo_close },
	{ "GEM_FLINK", DRM_IOCTL_GEM_FLINK, true, setup_flink, check_flink, undo_flink },
	{ "GEM_OPEN", DRM_IOCTL_GEM_OPEN, true, setup_open, check_open, undo_open },
	{ "VERSION", DRM_IOCTL_VERSION, false, setup_version, check_nothing, NULL },
	{ "GET_UNIQUE", DRM_IOCTL_GET_UNIQUE, true, setup_unique, check_nothing, NULL },
	{ "GET_CAP", DRM_IOCTL_GET_CAP, false, setup_cap, check_nothing, NULL },
};

/*
 * Books fault N of an ioctl, open or read that returned -ERR (0: it
 * succeeded all the same): a failure must be ENOMEM, change nothing (WHY is
 * what changed, or "") and leave nova's reference count at REF.
 */
static void book_fault(struct tally *t, unsigned int n, int err, const char *why,
		       long ref)
{
	t->injected++;
	if (!err) {
		t->absorbed++;
		return;
	}
	t->failed++;
	if (err != ENOMEM)
		problem(t, "fault %u: failed with %s, not ENOMEM", n, ename(err));
	if (*why)
		problem(t, "fault %u: failed (%s) but %s", n, ename(err), why);
	if (ref >= 0 && nova_refcnt() != ref)
		problem(t, "fault %u: nova's reference count went from %ld to %ld", n, ref,
			nova_refcnt());
}

static int run_iop(const char *prefix, const struct iop *o, struct ictx *c)
{
	char name[128];
	struct tally t;
	unsigned int n;
	bool done = false;

	snprintf(name, sizeof(name), "%s: %s", prefix, o->name);
	tally_start(&t, name);
	for (n = 1; n <= MAX_N && !done; n++) {
		long ref = nova_refcnt();
		int r;

		o->setup(c);
		arm(n);
		r = xioctl(o->primary ? c->pfd : c->fd, o->req, &c->a);
		done = !disarm();
		if (!done)
			book_fault(&t, n, -r, r ? o->check(c) : "", ref);
		else if (r)
			problem(&t, "no fault: failed with %s", ename(-r));
		if (o->undo)
			o->undo(c, r == 0);
	}
	tally_end(&t, done, n - 1);
	return t.bad != 0;
}

/* open() of a node, then close(): nova's reference count comes back. */
static int run_open(const char *prefix, const char *path)
{
	char name[160];
	struct tally t;
	unsigned int n;
	bool done = false;

	snprintf(name, sizeof(name), "%s: open %s", prefix, path);
	tally_start(&t, name);
	for (n = 1; n <= MAX_N && !done; n++) {
		long ref = nova_refcnt();
		int fd, err;

		arm(n);
		fd = open(path, O_RDWR | O_CLOEXEC);
		err = errno;
		done = !disarm();
		if (!done)
			book_fault(&t, n, fd < 0 ? err : 0, "", ref);
		else if (fd < 0)
			problem(&t, "no fault: failed with %s", ename(err));
		if (fd >= 0)
			close(fd);
		if (nova_refcnt() != ref)
			problem(&t, "after %u and close: nova's reference count %ld, was %ld", n,
				nova_refcnt(), ref);
	}
	tally_end(&t, done, n - 1);
	return t.bad != 0;
}

/* Reading fdinfo (nova_show_fdinfo) with each allocation failing. */
static int run_fdinfo(const char *prefix, int fd)
{
	char name[128], path[64], buf[1024];
	struct tally t;
	unsigned int n;
	bool done = false;

	snprintf(name, sizeof(name), "%s: read fdinfo", prefix);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	tally_start(&t, name);
	for (n = 1; n <= MAX_N && !done; n++) {
		int f = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t r;
		int err;

		if (f < 0) {
			problem(&t, "open %s: %s", path, strerror(errno));
			break;
		}
		arm(n);
		r = read(f, buf, sizeof(buf));
		err = errno;
		done = !disarm();
		close(f);
		if (!done)
			book_fault(&t, n, r < 0 ? err : 0, "", -1);
		else if (r <= 0)
			problem(&t, "no fault: read %zd (%s)", r, ename(err));
	}
	tally_end(&t, done, n - 1);
	return t.bad != 0;
}

static int op_ioctls(const char *prefix, const char *render, const char *primary)
{
	struct ictx c = { .fd = -1, .pfd = -1 };
	struct drm_gem_flink fl = { 0 };
	int bad = 0;
	size_t i;

	/* Opening the primary node first: the file becomes the master. */
	bad |= run_open(prefix, primary);
	bad |= run_open(prefix, render);

	c.fd = open(render, O_RDWR | O_CLOEXEC);
	c.pfd = open(primary, O_RDWR | O_CLOEXEC);
	if (!result(c.fd >= 0 && c.pfd >= 0, "%s: open %s and %s", prefix, render, primary))
		return 1;
	if (!result(gem_create(c.fd, &c.handle) == 0 && gem_create(c.pfd, &fl.handle) == 0 &&
		    xioctl(c.pfd, DRM_IOCTL_GEM_FLINK, &fl) == 0,
		    "%s: an object in each file, the primary's with a name", prefix))
		return 1;
	c.name = fl.name;

	for (i = 0; i < ARRAY_SIZE(iops); i++)
		bad |= run_iop(prefix, &iops[i], &c);
	bad |= run_fdinfo(prefix, c.fd);

	close(c.fd);
	close(c.pfd);
	return bad;
}

/* ---- main --------------------------------------------------------------- */

static void bad_args(void)
{
	fprintf(stderr,
		"nova-fault write NAME FILE TEXT [--undo FILE TEXT] [--reset FILE TEXT]\n"
		"                        [--absent GLOB]... [--present GLOB]... [--errno LIST]\n"
		"                        [--left FILE TEXT]...\n"
		"       nova-fault module NAME KO [PARAMS] [--absent GLOB]... [--errno LIST]\n"
		"       nova-fault ioctls NAME RENDER PRIMARY\n");
	exit(2);
}

/* Parses the options after the operation's arguments, from argv[i]. */
static void parse_opts(int argc, char **argv, int i)
{
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--undo") == 0 && i + 2 < argc) {
			opt.undo_file = argv[++i];
			opt.undo_text = argv[++i];
		} else if (strcmp(argv[i], "--reset") == 0 && i + 2 < argc) {
			opt.reset_file = argv[++i];
			opt.reset_text = argv[++i];
		} else if (strcmp(argv[i], "--absent") == 0 && i + 1 < argc &&
			   opt.n_absent < MAX_GLOBS) {
			opt.absent[opt.n_absent++] = argv[++i];
		} else if (strcmp(argv[i], "--present") == 0 && i + 1 < argc &&
			   opt.n_present < MAX_GLOBS) {
			opt.present[opt.n_present++] = argv[++i];
		} else if (strcmp(argv[i], "--left") == 0 && i + 2 < argc &&
			   opt.n_left < MAX_GLOBS) {
			opt.left_file[opt.n_left] = argv[++i];
			opt.left_text[opt.n_left++] = argv[++i];
		} else if (strcmp(argv[i], "--errno") == 0 && i + 1 < argc) {
			opt.errno_list = argv[++i];
		} else if (strcmp(argv[i], "--count") == 0) {
			opt.count = true;
		} else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
			opt.from = strtoul(argv[++i], NULL, 0);
		} else if (strcmp(argv[i], "--to") == 0 && i + 1 < argc) {
			opt.to = strtoul(argv[++i], NULL, 0);
		} else if (strcmp(argv[i], "--stride") == 0 && i + 1 < argc) {
			opt.stride = strtoul(argv[++i], NULL, 0);
		} else {
			bad_args();
		}
	}
}

int main(int argc, char **argv)
{
	int bad;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3)
		bad_args();
	nth_fd = open("/proc/thread-self/fail-nth", O_RDWR | O_CLOEXEC);
	if (nth_fd < 0) {
		perror("nova-fault: /proc/thread-self/fail-nth");
		return 2;
	}

	if (strcmp(argv[1], "write") == 0 && argc >= 5) {
		parse_opts(argc, argv, 5);
		bad = op_write(argv[2], argv[3], argv[4]);
	} else if (strcmp(argv[1], "module") == 0 && argc >= 4) {
		int i = 4;
		const char *params = "";

		if (argc > 4 && strncmp(argv[4], "--", 2) != 0) {
			params = argv[4];
			i = 5;
		}
		parse_opts(argc, argv, i);
		bad = op_module(argv[2], argv[3], params);
	} else if (strcmp(argv[1], "ioctls") == 0 && argc == 5) {
		bad = op_ioctls(argv[2], argv[3], argv[4]);
	} else {
		bad_args();
	}
	printf("1..%u\n", n_tests);
	return bad || n_failed ? 1 : 0;
}
