// SPDX-License-Identifier: GPL-2.0
/*
 * nova-clients: DRM clients that call every ioctl in a loop while the GPUs
 * come and go under them, run inside the test VM by
 * tests/vm/cases/86-unplug-load.sh.
 *
 *   nova-clients --stop FILE [--procs P] [--threads T] [--watchdog S]
 *                [--pause US] [--start-delay MS]
 *
 * P processes (default 3) of T threads (default 3) each. Every thread opens
 * a nova node of its own choosing (render or primary, any GPU), runs rounds
 * of VERSION, GET_UNIQUE, GET_CAP, GETPARAM, GEM_CREATE, GEM_INFO,
 * GEM_FLINK, GEM_OPEN, GEM_CLOSE and an fdinfo read on it, and when the
 * GPU goes (ENODEV) closes the file and looks for another node, until FILE
 * exists. A thread's files are its own, so the results are exact:
 *  - open: a file, or ENOENT/ENODEV/ENXIO while nodes come and go;
 *  - every ioctl: success with the right output (the driver's name, the
 *    VRAM BAR size the file saw first, the object's size, a name), or
 *    ENODEV; and once ENODEV, ENODEV for every later ioctl on the file;
 *  - GEM_FLINK and GEM_OPEN on primary nodes only (render nodes: EACCES).
 * Anything else is a violation. Each thread beats a heartbeat after every
 * call; the parent is the watchdog: a thread silent for S seconds (default
 * 30) is hung, and its kernel stack is printed; a thread that has not made
 * its first call is silent since the clients were launched (a fork not yet
 * scheduled on a loaded machine is not hung until then). After each round
 * a thread sleeps US microseconds (default 0), to leave the CPUs some room;
 * before its first call it sleeps MS milliseconds (default 0: a slow
 * start, which the watchdog must not take for a hang while under S).
 *
 * Prints "# clients: running" once every thread has made a call, then at
 * the end KTAP: the calls made, the violations, the watchdog, that the GPUs
 * went and came back under the clients, and that every client exited.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <xf86drm.h>

#include "nova_drm.h"

#include "ktap.h"

#define MAX_CLIENTS	64
#define PAGE		((uint64_t)4096)

enum op {
	OP_OPEN, OP_VERSION, OP_UNIQUE, OP_CAP, OP_GETPARAM, OP_CREATE, OP_INFO,
	OP_FLINK, OP_GEM_OPEN, OP_CLOSE, OP_FDINFO, OP_COUNT
};

static const char *const op_name[OP_COUNT] = {
	"open", "VERSION", "GET_UNIQUE", "GET_CAP", "GETPARAM", "GEM_CREATE",
	"GEM_INFO", "GEM_FLINK", "GEM_OPEN", "GEM_CLOSE", "fdinfo",
};

enum res { RES_OK, RES_ENODEV, RES_ENOENT, RES_ENXIO, RES_OTHER, RES_COUNT };

/* One thread's state, in memory shared with the parent. */
struct client {
	atomic_int tid;
	atomic_int op;			/* the call it is in */
	atomic_uint_least64_t beat;	/* CLOCK_MONOTONIC ns of its last call */
	atomic_bool started, done;
	atomic_ulong count[OP_COUNT][RES_COUNT];
	atomic_ulong violations;
	atomic_ulong gone;		/* files that saw ENODEV */
	atomic_ulong back;		/* successful calls after a file saw ENODEV */
	char first[256];		/* the first violation */
};

struct shared {
	atomic_bool stop;
	struct client c[MAX_CLIENTS];
};

static struct shared *sh;
static struct {
	const char *stop;
	unsigned int procs, threads, watchdog, pause, start_delay;
} opt = { .procs = 3, .threads = 3, .watchdog = 30 };

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- a client ----------------------------------------------------------- */

struct file {
	int fd;
	bool primary, gone;
	uint64_t vram;		/* what GETPARAM said first, 0 before */
};

PRINTF(2, 3) static void violation(struct client *c, const char *fmt, ...)
{
	va_list ap;

	if (atomic_fetch_add(&c->violations, 1))
		return;
	va_start(ap, fmt);
	vsnprintf(c->first, sizeof(c->first), fmt, ap);
	va_end(ap);
}

static int xioctl(int fd, unsigned long cmd, void *arg)
{
	return ioctl(fd, cmd, arg) ? -errno : 0;
}

/*
 * Books one call: its result, the heartbeat, and the rule that a file that
 * said ENODEV says nothing else. Returns true if the call succeeded.
 */
static bool booked(struct client *c, struct file *f, enum op op, int ret)
{
	enum res r = ret == 0 ? RES_OK : ret == -ENODEV ? RES_ENODEV :
		     ret == -ENOENT ? RES_ENOENT : ret == -ENXIO ? RES_ENXIO : RES_OTHER;

	atomic_fetch_add(&c->count[op][r], 1);
	atomic_store(&c->beat, now_ns());
	if (op == OP_OPEN) {
		if (r == RES_OTHER)
			violation(c, "open: %s", strerror(-ret));
		return ret == 0;
	}
	if (ret == -ENODEV) {
		if (!f->gone)
			atomic_fetch_add(&c->gone, 1);
		f->gone = true;
		return false;
	}
	if (f->gone)
		violation(c, "%s on a %s file after ENODEV: %s", op_name[op],
			  f->primary ? "primary" : "render", ret ? strerror(-ret) : "success");
	else if (ret)
		violation(c, "%s on a %s file: %s", op_name[op],
			  f->primary ? "primary" : "render", strerror(-ret));
	return ret == 0;
}

/* Opens a node of a nova GPU, any; ENOENT if there is none right now. */
static int open_any(struct client *c, unsigned int *seed, struct file *f)
{
	char names[64][32], path[300];
	unsigned int n = 0, k;
	struct dirent *e;
	DIR *d;
	int fd;

	d = opendir("/dev/dri");
	while (d && (e = readdir(d)) && n < 64)
		if (!strncmp(e->d_name, "card", 4) || !strncmp(e->d_name, "renderD", 7))
			snprintf(names[n++], sizeof(names[0]), "%.20s", e->d_name);
	if (d)
		closedir(d);
	atomic_store(&c->op, OP_OPEN);
	if (!n) {
		booked(c, f, OP_OPEN, -ENOENT);
		return -1;
	}
	k = rand_r(seed) % n;
	snprintf(path, sizeof(path), "/dev/dri/%s", names[k]);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (!booked(c, f, OP_OPEN, fd < 0 ? -errno : 0))
		return -1;
	f->fd = fd;
	f->primary = !strncmp(names[k], "card", 4);
	f->gone = false;
	f->vram = 0;
	return 0;
}

/* One round of calls on the file. */
static void round_of_calls(struct client *c, struct file *f, unsigned int *seed)
{
	char name[32], date[32], desc[64], uniq[64];
	struct drm_version v = {
		.name_len = sizeof(name) - 1, .name = name,
		.date_len = sizeof(date) - 1, .date = date,
		.desc_len = sizeof(desc) - 1, .desc = desc,
	};
	struct drm_unique u = { .unique_len = sizeof(uniq) - 1, .unique = uniq };
	struct drm_get_cap cap = { .capability = DRM_CAP_PRIME };
	struct drm_nova_getparam gp = { .param = NOVA_GETPARAM_VRAM_BAR_SIZE };
	uint64_t size = (1 + rand_r(seed) % 64) * 1000;
	struct drm_nova_gem_create cr = { .size = size };
	struct drm_nova_gem_info gi = { 0 };
	struct drm_gem_flink fl = { 0 };
	struct drm_gem_open go = { 0 };
	struct drm_gem_close cl = { 0 };
	char path[64], buf[512];
	int ret, fdi;

	atomic_store(&c->op, OP_VERSION);
	memset(name, 0, sizeof(name));
	if (booked(c, f, OP_VERSION, xioctl(f->fd, DRM_IOCTL_VERSION, &v)) &&
	    strcmp(name, "nova"))
		violation(c, "VERSION: driver \"%s\"", name);

	if (f->primary) {
		atomic_store(&c->op, OP_UNIQUE);
		booked(c, f, OP_UNIQUE, xioctl(f->fd, DRM_IOCTL_GET_UNIQUE, &u));
	}

	atomic_store(&c->op, OP_CAP);
	booked(c, f, OP_CAP, xioctl(f->fd, DRM_IOCTL_GET_CAP, &cap));

	atomic_store(&c->op, OP_GETPARAM);
	if (booked(c, f, OP_GETPARAM, xioctl(f->fd, DRM_IOCTL_NOVA_GETPARAM, &gp))) {
		if (!f->vram)
			f->vram = gp.value;
		if (gp.value != f->vram || gp.value < (16 << 20) || (gp.value & (gp.value - 1)))
			violation(c, "GETPARAM: VRAM BAR 0x%" PRIx64 ", before 0x%" PRIx64,
				  (uint64_t)gp.value, f->vram);
	}

	atomic_store(&c->op, OP_CREATE);
	if (!booked(c, f, OP_CREATE, xioctl(f->fd, DRM_IOCTL_NOVA_GEM_CREATE, &cr)))
		goto fdinfo;
	size = (size + PAGE - 1) & ~(PAGE - 1);

	atomic_store(&c->op, OP_INFO);
	gi.handle = cr.handle;
	if (booked(c, f, OP_INFO, xioctl(f->fd, DRM_IOCTL_NOVA_GEM_INFO, &gi)) &&
	    gi.size != size)
		violation(c, "GEM_INFO: size %" PRIu64 ", created with %" PRIu64,
			  (uint64_t)gi.size, size);

	if (f->primary) {
		atomic_store(&c->op, OP_FLINK);
		fl.handle = cr.handle;
		if (booked(c, f, OP_FLINK, xioctl(f->fd, DRM_IOCTL_GEM_FLINK, &fl))) {
			atomic_store(&c->op, OP_GEM_OPEN);
			go.name = fl.name;
			if (booked(c, f, OP_GEM_OPEN, xioctl(f->fd, DRM_IOCTL_GEM_OPEN, &go))) {
				if (go.size != size)
					violation(c, "GEM_OPEN: size %" PRIu64 ", created with %"
						  PRIu64, (uint64_t)go.size, size);
				atomic_store(&c->op, OP_CLOSE);
				cl.handle = go.handle;
				booked(c, f, OP_CLOSE, xioctl(f->fd, DRM_IOCTL_GEM_CLOSE, &cl));
			}
		}
	} else {
		/* Not on a render node. */
		atomic_store(&c->op, OP_FLINK);
		fl.handle = cr.handle;
		ret = xioctl(f->fd, DRM_IOCTL_GEM_FLINK, &fl);
		booked(c, f, OP_FLINK, ret == -EACCES ? 0 : ret ? ret : -EPERM);
	}

	/* Now and then an object stays, for close() to free. */
	if (rand_r(seed) % 8) {
		atomic_store(&c->op, OP_CLOSE);
		cl.handle = cr.handle;
		booked(c, f, OP_CLOSE, xioctl(f->fd, DRM_IOCTL_GEM_CLOSE, &cl));
	}

fdinfo:
	/* fdinfo answers even once the GPU is gone. */
	atomic_store(&c->op, OP_FDINFO);
	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", f->fd);
	fdi = open(path, O_RDONLY | O_CLOEXEC);
	ret = fdi < 0 || read(fdi, buf, sizeof(buf)) <= 0 ? -errno : 0;
	if (fdi >= 0)
		close(fdi);
	atomic_fetch_add(&c->count[OP_FDINFO][ret ? RES_OTHER : RES_OK], 1);
	atomic_store(&c->beat, now_ns());
	if (ret)
		violation(c, "fdinfo: %s", strerror(-ret));
	if (!f->gone && f->vram)
		atomic_fetch_add(&c->back, 1);
}

static void *client_main(void *arg)
{
	struct client *c = arg;
	struct file f = { .fd = -1 };
	unsigned int seed = (unsigned int)(c - sh->c) * 7919 + 1;

	atomic_store(&c->tid, (int)syscall(SYS_gettid));
	if (opt.start_delay)
		usleep(opt.start_delay * 1000);
	atomic_store(&c->beat, now_ns());
	atomic_store(&c->started, true);
	while (!atomic_load(&sh->stop)) {
		if (f.fd < 0 && open_any(c, &seed, &f)) {
			usleep(2000);
			continue;
		}
		round_of_calls(c, &f, &seed);
		if (opt.pause)
			usleep(opt.pause);
		/* A file that lost its GPU is closed; so is one in ten others. */
		if (f.gone || rand_r(&seed) % 10 == 0) {
			close(f.fd);
			f.fd = -1;
		}
	}
	if (f.fd >= 0)
		close(f.fd);
	atomic_store(&c->beat, now_ns());
	atomic_store(&c->done, true);
	return NULL;
}

static int process_main(unsigned int p)
{
	pthread_t tids[MAX_CLIENTS];
	unsigned int i;

	for (i = 1; i < opt.threads; i++)
		if (pthread_create(&tids[i], NULL, client_main, &sh->c[p * opt.threads + i]))
			return 1;
	client_main(&sh->c[p * opt.threads]);
	for (i = 1; i < opt.threads; i++)
		pthread_join(tids[i], NULL);
	return 0;
}

/* ---- the parent: watchdog and report ------------------------------------ */

static void print_stack(pid_t pid, int tid)
{
	char path[96], buf[2048];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/task/%d/stack", pid, tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n > 0) {
		buf[n] = 0;
		diag("kernel stack of thread %d:\n%s", tid, buf);
	}
}

int main(int argc, char **argv)
{
	pid_t pids[MAX_CLIENTS];
	unsigned int i, p, n, o, r, exited = 0, bad_exit = 0;
	unsigned long total = 0, ok = 0, enodev = 0, viol = 0, gone = 0, back = 0;
	unsigned long per[OP_COUNT][RES_COUNT] = { { 0 } };
	bool running = false, hung = false;
	uint64_t stop_at = 0, launched;
	struct stat st;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < (unsigned int)argc; i++) {
		if (i + 1 >= (unsigned int)argc)
			goto usage;
		if (!strcmp(argv[i], "--stop"))
			opt.stop = argv[++i];
		else if (!strcmp(argv[i], "--procs"))
			opt.procs = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--threads"))
			opt.threads = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--watchdog"))
			opt.watchdog = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--pause"))
			opt.pause = strtoul(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--start-delay"))
			opt.start_delay = strtoul(argv[++i], NULL, 0);
		else
			goto usage;
	}
	n = opt.procs * opt.threads;
	if (!opt.stop || !n || n > MAX_CLIENTS || !opt.watchdog)
		goto usage;

	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		perror("nova-clients: mmap");
		return 2;
	}
	launched = now_ns();
	for (p = 0; p < opt.procs; p++) {
		pids[p] = fork();
		if (pids[p] == 0)
			_exit(process_main(p));
		if (pids[p] < 0) {
			perror("nova-clients: fork");
			return 2;
		}
	}

	/* The watchdog. */
	while (exited < opt.procs && !hung) {
		uint64_t t = now_ns();
		int status;
		pid_t pid;

		usleep(200000);
		while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
			exited++;
			if (!WIFEXITED(status) || WEXITSTATUS(status))
				bad_exit++;
		}
		if (!running) {
			for (i = 0; i < n && atomic_load(&sh->c[i].started); i++)
				;
			if (i == n) {
				running = true;
				printf("# clients: running\n");
			}
		}
		if (!stop_at && stat(opt.stop, &st) == 0) {
			atomic_store(&sh->stop, true);
			stop_at = t;
		}
		for (i = 0; i < n && !hung; i++) {
			struct client *c = &sh->c[i];
			uint64_t beat = atomic_load(&c->beat);

			/* Not started yet: silent since the launch, not since boot. */
			if (!beat)
				beat = launched;
			if (!atomic_load(&c->done) && beat < t &&
			    t - beat > (uint64_t)opt.watchdog * 1000000000) {
				hung = true;
				result(false, "no client hung (watchdog %u s)", opt.watchdog);
				diag("client %u (thread %d) silent for %u s in %s", i,
				     atomic_load(&c->tid), opt.watchdog,
				     op_name[atomic_load(&c->op)]);
				print_stack(pids[i / opt.threads], atomic_load(&c->tid));
			}
		}
	}
	if (hung) {
		for (p = 0; p < opt.procs; p++)
			kill(pids[p], SIGKILL);
		while (wait(NULL) > 0)
			;
	}

	for (i = 0; i < n; i++) {
		struct client *c = &sh->c[i];

		for (o = 0; o < OP_COUNT; o++)
			for (r = 0; r < RES_COUNT; r++)
				per[o][r] += atomic_load(&c->count[o][r]);
		viol += atomic_load(&c->violations);
		gone += atomic_load(&c->gone);
		back += atomic_load(&c->back);
	}
	for (o = 0; o < OP_COUNT; o++) {
		for (r = 0; r < RES_COUNT; r++)
			total += per[o][r];
		ok += per[o][RES_OK];
		enodev += per[o][RES_ENODEV];
	}

	result(running, "%u clients (%u processes of %u threads): %lu calls, %lu ok, %lu ENODEV",
	       n, opt.procs, opt.threads, total, ok, enodev);
	for (o = 0; o < OP_COUNT; o++)
		diag("%-10s ok %lu, ENODEV %lu, ENOENT %lu, ENXIO %lu, other %lu", op_name[o],
		     per[o][RES_OK], per[o][RES_ENODEV], per[o][RES_ENOENT], per[o][RES_ENXIO],
		     per[o][RES_OTHER]);
	if (!result(viol == 0,
		    "only documented results: success or ENODEV, for good once seen (open: %s)",
		    "ENOENT, ENODEV, ENXIO"))
		for (i = 0; i < n; i++)
			if (atomic_load(&sh->c[i].violations))
				diag("client %u: %lu violations, the first: %s", i,
				     atomic_load(&sh->c[i].violations), sh->c[i].first);
	if (!hung)
		result(true, "no client hung (watchdog %u s)", opt.watchdog);
	result(gone > 0 && back > 0,
	       "the GPUs went under open files %lu times, and clients had working files %lu times",
	       gone, back);
	result(!hung && bad_exit == 0 && exited == opt.procs,
	       "every client exited when told (%.1f s after the stop)",
	       stop_at ? (now_ns() - stop_at) / 1e9 : 0.0);
	printf("# calls: %lu\n", total);
	printf("1..%u\n", n_tests);
	return n_failed ? 1 : 0;

usage:
	fprintf(stderr,
		"usage: nova-clients --stop FILE [--procs P] [--threads T] [--watchdog S] [--pause US]\n"
		"                    [--start-delay MS]\n");
	return 2;
}
