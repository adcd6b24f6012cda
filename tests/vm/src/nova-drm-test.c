// SPDX-License-Identifier: GPL-2.0
/*
 * nova-drm-test: the user-space tests of the nova DRM driver, through
 * libdrm, run inside the test VM (tests/vm/cases/8*-drm*.sh).
 *
 *   nova-drm-test [--only GROUP[,GROUP...]] [--node /dev/dri/renderDN]
 *                 [--vram BYTES] [--pdev BDF] [--cgroup DIR] [--fifo PATH]
 *                 [--count N]
 *
 * Prints KTAP on stdout: one "ok N"/"not ok N" line per check, "# " lines
 * with what was expected and what came, and the plan "1..N" at the end.
 * Exit status 1 if any check failed.
 *
 * Groups (default: every group but the separate ones):
 *   abi        ioctl numbers, structure sizes and offsets
 *   version    drmGetVersion, DRM_CAP_PRIME, render and primary nodes
 *   getparam   NOVA_GETPARAM_VRAM_BAR_SIZE (compared with --vram, or the
 *              emulated GPU's emu/vram_bar_size), unknown parameters
 *   create     GEM_CREATE: rounding, limits, overflow, bad input
 *   info       GEM_INFO and GEM_CLOSE: unknown handles, bad input
 *   isolation  handles belong to one open file
 *   flink      objects shared by name (GEM_FLINK/GEM_OPEN, primary nodes)
 *   fdinfo     /proc/self/fdinfo keys (drm-pdev only with --pdev)
 *   many       (separate) --count objects (10000) created and freed
 *   memcg      (separate) object memory is charged to the caller's memory
 *              cgroup (--cgroup DIR, which the process must be in)
 *   unplug     (separate) the GPU goes away while files are open: the
 *              program sets up (and starts a child running ioctls in a
 *              loop), prints "# unplug: waiting", blocks reading a line
 *              from the FIFO --fifo, then checks that everything fails
 *              with ENODEV and that the files close
 *
 * Without --node the nova render node is found by scanning
 * /dev/dri/renderD* with drmGetVersion.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <xf86drm.h>

#include "nova_drm.h"

#include "ktap.h"

/* The ABI, checked at build time too (upstream's numbers and layouts). */
_Static_assert(DRM_IOCTL_NOVA_GETPARAM == 0xC0106440u, "GETPARAM ioctl number");
_Static_assert(DRM_IOCTL_NOVA_GEM_CREATE == 0xC0106441u, "GEM_CREATE ioctl number");
_Static_assert(DRM_IOCTL_NOVA_GEM_INFO == 0xC0106442u, "GEM_INFO ioctl number");
_Static_assert(NOVA_GETPARAM_VRAM_BAR_SIZE == 1, "VRAM_BAR_SIZE parameter id");
_Static_assert(sizeof(struct drm_nova_getparam) == 16, "getparam size");
_Static_assert(sizeof(struct drm_nova_gem_create) == 16, "gem_create size");
_Static_assert(sizeof(struct drm_nova_gem_info) == 16, "gem_info size");
_Static_assert(offsetof(struct drm_nova_getparam, param) == 0, "getparam.param");
_Static_assert(offsetof(struct drm_nova_getparam, value) == 8, "getparam.value");
_Static_assert(offsetof(struct drm_nova_gem_create, handle) == 0, "gem_create.handle");
_Static_assert(offsetof(struct drm_nova_gem_create, pad) == 4, "gem_create.pad");
_Static_assert(offsetof(struct drm_nova_gem_create, size) == 8, "gem_create.size");
_Static_assert(offsetof(struct drm_nova_gem_info, handle) == 0, "gem_info.handle");
_Static_assert(offsetof(struct drm_nova_gem_info, pad) == 4, "gem_info.pad");
_Static_assert(offsetof(struct drm_nova_gem_info, size) == 8, "gem_info.size");

#define SENTINEL64	((uint64_t)0xdeadbeefcafef00d)
#define SENTINEL32	0xdeadbeefU
#define PAGE		((uint64_t)4096)
#define KIB		((uint64_t)1024)
#define MIB		(KIB * 1024)
#define TIB		((uint64_t)1 << 40)
#define NEVER_HANDLE	0x7fffffffU

static struct {
	const char *node;	/* the render node */
	const char *only;
	const char *pdev;
	const char *cgroup;
	const char *fifo;
	uint64_t vram;
	bool have_vram;
	unsigned int count;
} opt = { .count = 10000 };

/* ---- KTAP output (more in ktap.h) ----------------------------------- */

PRINTF(2, 3) static void skip(const char *reason, const char *fmt, ...)
{
	char desc[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(desc, sizeof(desc), fmt, ap);
	va_end(ap);
	n_tests++;
	printf("ok %u %s # SKIP %s\n", n_tests, desc, reason);
}

/* "EINVAL (Invalid argument)" for 22, "success" for 0. */
static const char *err_str(int err)
{
	static char buf[8][96];
	static unsigned int i;
	const char *name;
	char *b = buf[i++ % 8];

	if (err == 0)
		return "success";
	if (err < 0)
		err = -err;
	name = strerrorname_np(err);
	snprintf(b, sizeof(buf[0]), "%s (%s)", name ? name : "E?", strerror(err));
	return b;
}

/* The ioctl helpers below return 0 or -errno. */
PRINTF(2, 3) static bool expect_ok(int ret, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vresult(ret == 0, fmt, ap);
	va_end(ap);
	if (!r)
		diag("expected: success\ngot:      %s", err_str(ret));
	return r;
}

PRINTF(3, 4) static bool expect_err(int ret, int err, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vresult(ret == -err, fmt, ap);
	va_end(ap);
	if (!r)
		diag("expected: %s\ngot:      %s", err_str(err), err_str(ret));
	return r;
}

/* ---- ioctls --------------------------------------------------------- */

static int xioctl(int fd, unsigned long req, void *arg)
{
	return drmIoctl(fd, req, arg) ? -errno : 0;
}

static int nova_getparam(int fd, uint64_t param, uint64_t *value)
{
	struct drm_nova_getparam gp = { .param = param, .value = SENTINEL64 };
	int r = xioctl(fd, DRM_IOCTL_NOVA_GETPARAM, &gp);

	if (value)
		*value = gp.value;
	return r;
}

static int gem_create(int fd, uint64_t size, uint32_t *handle)
{
	struct drm_nova_gem_create c = { .handle = SENTINEL32, .size = size };
	int r = xioctl(fd, DRM_IOCTL_NOVA_GEM_CREATE, &c);

	if (handle)
		*handle = c.handle;
	return r;
}

static int gem_info(int fd, uint32_t handle, uint64_t *size)
{
	struct drm_nova_gem_info i = { .handle = handle, .size = SENTINEL64 };
	int r = xioctl(fd, DRM_IOCTL_NOVA_GEM_INFO, &i);

	if (size)
		*size = i.size;
	return r;
}

static int gem_close(int fd, uint32_t handle)
{
	struct drm_gem_close c = { .handle = handle };

	return xioctl(fd, DRM_IOCTL_GEM_CLOSE, &c);
}

/* ---- nodes, sysfs, fdinfo ------------------------------------------- */

static bool is_nova(int fd)
{
	drmVersionPtr v = drmGetVersion(fd);
	bool r = v && v->name && strcmp(v->name, "nova") == 0;

	drmFreeVersion(v);
	return r;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The first /dev/dri/renderD* (in name order) whose driver is nova. */
static char *find_render_node(void)
{
	DIR *d = opendir("/dev/dri");
	struct dirent *e;
	char *names[256], *found = NULL;
	size_t n = 0, i;

	if (!d)
		return NULL;
	while ((e = readdir(d)) && n < 256)
		if (strncmp(e->d_name, "renderD", 7) == 0)
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp_str);
	for (i = 0; i < n; i++) {
		char path[300];
		int fd;

		snprintf(path, sizeof(path), "/dev/dri/%s", names[i]);
		fd = open(path, O_RDWR | O_CLOEXEC);
		if (fd >= 0 && !found && is_nova(fd))
			found = strdup(path);
		if (fd >= 0)
			close(fd);
		free(names[i]);
	}
	return found;
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/* The primary node (/dev/dri/cardN) of the device of render node RENDER. */
static bool primary_of(const char *render, char *out, size_t len)
{
	char dir[300];
	DIR *d;
	struct dirent *e;
	bool found = false;

	snprintf(dir, sizeof(dir), "/sys/class/drm/%s/device/drm", base_name(render));
	d = opendir(dir);
	if (!d)
		return false;
	while ((e = readdir(d)))
		if (strncmp(e->d_name, "card", 4) == 0 && !found) {
			snprintf(out, len, "/dev/dri/%s", e->d_name);
			found = true;
		}
	closedir(d);
	return found;
}

/* Opens PATH read-write, or reports why not as a failed test. */
static int open_node(const char *path, const char *group)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		int err = errno;

		result(false, "%s: open %s", group, path);
		diag("open: %s", err_str(err));
	}
	return fd;
}

/* Reads a whole small file into BUF; false if it cannot be read. */
static bool read_file(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	size_t n = 0;
	ssize_t r;

	if (fd < 0)
		return false;
	while (n < len - 1 && (r = read(fd, buf + n, len - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
	return true;
}

static bool read_u64_file(const char *path, uint64_t *v)
{
	char buf[64], *end;

	if (!read_file(path, buf, sizeof(buf)))
		return false;
	errno = 0;
	*v = strtoull(buf, &end, 0);
	return errno == 0 && end != buf;
}

static bool fdinfo(int fd, char *buf, size_t len)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	return read_file(path, buf, len);
}

/*
 * The value of KEY in fdinfo text BUF: what follows "KEY:" on its line,
 * into VAL (the separating tab included). False if the key is absent.
 */
static bool fdinfo_get(const char *buf, const char *key, char *val, size_t len)
{
	size_t kl = strlen(key);
	const char *p = buf;

	while (p && *p) {
		if (strncmp(p, key, kl) == 0 && p[kl] == ':') {
			const char *v = p + kl + 1, *end = strchrnul(v, '\n');

			snprintf(val, len, "%.*s", (int)(end - v), v);
			return true;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return false;
}

/*
 * A memory value as Documentation/gpu/drm-usage-stats.rst specifies it:
 * "<uint> [KiB|MiB]" after a tab; into bytes. False if malformed.
 */
static bool parse_mem(const char *v, uint64_t *bytes)
{
	char *end;
	uint64_t n;

	if (*v != '\t' || v[1] < '0' || v[1] > '9')
		return false;
	errno = 0;
	n = strtoull(v + 1, &end, 10);
	if (errno)
		return false;
	if (*end == 0)
		*bytes = n;
	else if (strcmp(end, " KiB") == 0)
		*bytes = n * KIB;
	else if (strcmp(end, " MiB") == 0)
		*bytes = n * MIB;
	else
		return false;
	return true;
}

/* Checks that fdinfo key KEY of FD is WANT bytes. */
PRINTF(4, 5) static bool expect_fdinfo_mem(int fd, const char *key, uint64_t want,
					   const char *fmt, ...)
{
	char buf[4096], val[128];
	uint64_t got = 0;
	bool have, parsed = false, r;
	va_list ap;

	have = fdinfo(fd, buf, sizeof(buf)) && fdinfo_get(buf, key, val, sizeof(val));
	if (have)
		parsed = parse_mem(val, &got);
	va_start(ap, fmt);
	r = vresult(have && parsed && got == want, fmt, ap);
	va_end(ap);
	if (!have)
		diag("no \"%s:\" line in fdinfo:\n%s", key, buf);
	else if (!parsed)
		diag("malformed: \"%s:%s\" (expected a tab, <uint> and \" KiB\"/\" MiB\" or no unit)",
		     key, val);
	else if (!r)
		diag("expected: %" PRIu64 " bytes (%" PRIu64 " KiB)\ngot:      %" PRIu64
		     " bytes, from \"%s:%s\"", want, want / KIB, got, key, val);
	return r;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* True if the N handles are non-zero and distinct; diagnoses otherwise. */
static bool handles_distinct(const uint32_t *h, size_t n)
{
	uint32_t *s = malloc(n * sizeof(*s));
	bool ok = true;
	size_t i;

	if (!s)
		return false;
	memcpy(s, h, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_u32);
	for (i = 0; i < n && ok; i++) {
		if (s[i] == 0) {
			diag("handle 0 returned");
			ok = false;
		} else if (i > 0 && s[i] == s[i - 1]) {
			diag("handle %u returned twice", s[i]);
			ok = false;
		}
	}
	free(s);
	return ok;
}

/* ---- groups --------------------------------------------------------- */

static void group_abi(void)
{
	expect_u64(DRM_IOCTL_NOVA_GETPARAM, 0xC0106440, "abi: DRM_IOCTL_NOVA_GETPARAM is 0xc0106440");
	expect_u64(DRM_IOCTL_NOVA_GEM_CREATE, 0xC0106441, "abi: DRM_IOCTL_NOVA_GEM_CREATE is 0xc0106441");
	expect_u64(DRM_IOCTL_NOVA_GEM_INFO, 0xC0106442, "abi: DRM_IOCTL_NOVA_GEM_INFO is 0xc0106442");
	expect_u64(NOVA_GETPARAM_VRAM_BAR_SIZE, 1, "abi: NOVA_GETPARAM_VRAM_BAR_SIZE is 1");
	expect_u64(sizeof(struct drm_nova_getparam), 16, "abi: sizeof(struct drm_nova_getparam) is 16");
	expect_u64(sizeof(struct drm_nova_gem_create), 16, "abi: sizeof(struct drm_nova_gem_create) is 16");
	expect_u64(sizeof(struct drm_nova_gem_info), 16, "abi: sizeof(struct drm_nova_gem_info) is 16");
	expect_u64(offsetof(struct drm_nova_getparam, param), 0, "abi: drm_nova_getparam.param at 0");
	expect_u64(offsetof(struct drm_nova_getparam, value), 8, "abi: drm_nova_getparam.value at 8");
	expect_u64(offsetof(struct drm_nova_gem_create, handle), 0, "abi: drm_nova_gem_create.handle at 0");
	expect_u64(offsetof(struct drm_nova_gem_create, pad), 4, "abi: drm_nova_gem_create.pad at 4");
	expect_u64(offsetof(struct drm_nova_gem_create, size), 8, "abi: drm_nova_gem_create.size at 8");
	expect_u64(offsetof(struct drm_nova_gem_info, handle), 0, "abi: drm_nova_gem_info.handle at 0");
	expect_u64(offsetof(struct drm_nova_gem_info, pad), 4, "abi: drm_nova_gem_info.pad at 4");
	expect_u64(offsetof(struct drm_nova_gem_info, size), 8, "abi: drm_nova_gem_info.size at 8");
}

static void group_version(void)
{
	char primary[300], sys_r[400], sys_p[400], real_r[PATH_MAX], real_p[PATH_MAX];
	drmVersionPtr v;
	uint64_t cap = SENTINEL64, vr = 0, vp = 0;
	uint32_t h;
	int fd, pfd, r;

	fd = open_node(opt.node, "version");
	if (fd < 0)
		return;
	v = drmGetVersion(fd);
	if (!result(v != NULL, "version: drmGetVersion on the render node")) {
		diag("drmGetVersion: %s", err_str(errno));
	} else {
		char ver[64];

		expect_str(v->name, "nova", "version: name is \"nova\"");
		expect_str(v->desc, "NVIDIA Nova", "version: desc is \"NVIDIA Nova\"");
		if (!result(v->date && v->date[0], "version: date is not empty"))
			diag("got: \"%s\"", v->date ? v->date : "(null)");
		snprintf(ver, sizeof(ver), "%d.%d.%d", v->version_major, v->version_minor,
			 v->version_patchlevel);
		expect_str(ver, "0.0.0", "version: version is 0.0.0");
	}
	drmFreeVersion(v);

	errno = 0;
	r = drmGetCap(fd, DRM_CAP_PRIME, &cap);
	result(true, "version: drmGetCap(DRM_CAP_PRIME) returns");
	if (r)
		diag("drmGetCap(DRM_CAP_PRIME): %d, %s", r, err_str(errno));
	else
		diag("DRM_CAP_PRIME: 0x%" PRIx64, cap);

	r = drmGetNodeTypeFromFd(fd);
	if (!result(r == DRM_NODE_RENDER, "version: %s is a render node", opt.node))
		diag("drmGetNodeTypeFromFd: %d (DRM_NODE_RENDER is %d)", r, DRM_NODE_RENDER);

	expect_ok(nova_getparam(fd, NOVA_GETPARAM_VRAM_BAR_SIZE, &vr),
		  "version: GETPARAM on the render node");
	{
		/* The next driver ioctl number, which nova does not have. */
		struct drm_nova_getparam gp = { 0 };

		r = xioctl(fd, DRM_IOWR(DRM_COMMAND_BASE + DRM_NOVA_GEM_INFO + 1,
					struct drm_nova_getparam), &gp);
		expect_err(r, EINVAL, "version: driver ioctl 0x%x, which nova lacks -> EINVAL",
			   DRM_COMMAND_BASE + DRM_NOVA_GEM_INFO + 1);
	}
	r = gem_create(fd, PAGE, &h);
	if (expect_ok(r, "version: GEM_CREATE on the render node")) {
		expect_ok(gem_info(fd, h, NULL), "version: GEM_INFO on the render node");
		expect_ok(gem_close(fd, h), "version: GEM_CLOSE on the render node");
	}

	if (!result(primary_of(opt.node, primary, sizeof(primary)),
		    "version: the device has a primary node")) {
		diag("no card* under /sys/class/drm/%s/device/drm", base_name(opt.node));
		close(fd);
		return;
	}
	diag("primary node: %s", primary);
	snprintf(sys_r, sizeof(sys_r), "/sys/class/drm/%s/device", base_name(opt.node));
	snprintf(sys_p, sizeof(sys_p), "/sys/class/drm/%s/device", base_name(primary));
	if (!realpath(sys_r, real_r))
		snprintf(real_r, sizeof(real_r), "(%s: %s)", sys_r, err_str(errno));
	if (!realpath(sys_p, real_p))
		snprintf(real_p, sizeof(real_p), "(%s: %s)", sys_p, err_str(errno));
	if (!result(strcmp(real_r, real_p) == 0,
		    "version: render and primary node have the same parent device"))
		diag("render: %s\nprimary: %s", real_r, real_p);
	else
		diag("parent device: %s", real_r);

	pfd = open_node(primary, "version");
	if (pfd >= 0) {
		r = drmGetNodeTypeFromFd(pfd);
		if (!result(r == DRM_NODE_PRIMARY, "version: %s is a primary node", primary))
			diag("drmGetNodeTypeFromFd: %d (DRM_NODE_PRIMARY is %d)", r, DRM_NODE_PRIMARY);
		v = drmGetVersion(pfd);
		expect_str(v ? v->name : NULL, "nova", "version: primary node's driver is \"nova\"");
		drmFreeVersion(v);
		if (expect_ok(nova_getparam(pfd, NOVA_GETPARAM_VRAM_BAR_SIZE, &vp),
			      "version: GETPARAM on the primary node"))
			expect_u64(vp, vr, "version: both nodes give the same VRAM BAR size");
		/* Root's files are authenticated: the DRM_AUTH ioctls work. */
		r = gem_create(pfd, PAGE, &h);
		if (expect_ok(r, "version: GEM_CREATE on the primary node (authenticated)")) {
			expect_ok(gem_info(pfd, h, NULL), "version: GEM_INFO on the primary node");
			expect_ok(gem_close(pfd, h), "version: GEM_CLOSE on the primary node");
		}
		close(pfd);
	}
	close(fd);
}

static void group_getparam(void)
{
	static const uint64_t bad[] = {
		0, 2, (uint64_t)0xffffffff, (uint64_t)0x100000001, UINT64_MAX,
	};
	char path[400], real[PATH_MAX];
	uint64_t v = 0, want = 0;
	const char *src = NULL;
	size_t i;
	int fd, r;

	fd = open_node(opt.node, "getparam");
	if (fd < 0)
		return;
	r = nova_getparam(fd, NOVA_GETPARAM_VRAM_BAR_SIZE, &v);
	if (expect_ok(r, "getparam: VRAM_BAR_SIZE succeeds"))
		diag("VRAM BAR size: %" PRIu64 " (0x%" PRIx64 ")", v, v);

	if (opt.have_vram) {
		want = opt.vram;
		src = "--vram";
	} else {
		snprintf(path, sizeof(path), "/sys/class/drm/%s/device/../emu/vram_bar_size",
			 base_name(opt.node));
		if (realpath(path, real) && read_u64_file(real, &want))
			src = real;
	}
	if (src) {
		expect_u64(v, want, "getparam: VRAM_BAR_SIZE is %" PRIu64 " (from %s)", want, src);
	} else {
		/* Nothing to compare with: a BAR's size is at least a power of two. */
		diag("no --vram and no emu/vram_bar_size to compare with");
		if (!result(v && !(v & (v - 1)), "getparam: VRAM_BAR_SIZE is a power of two"))
			diag("got: 0x%" PRIx64, v);
	}

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct drm_nova_getparam gp = { .param = bad[i], .value = SENTINEL64 };

		r = xioctl(fd, DRM_IOCTL_NOVA_GETPARAM, &gp);
		expect_err(r, EINVAL, "getparam: unknown param 0x%" PRIx64 " -> EINVAL%s", bad[i],
			   bad[i] == (uint64_t)0x100000001 ? " (high bits compared too)" : "");
		expect_u64(gp.value, SENTINEL64,
			   "getparam: unknown param 0x%" PRIx64 " leaves value unchanged", bad[i]);
		expect_u64(gp.param, bad[i],
			   "getparam: unknown param 0x%" PRIx64 " leaves param unchanged", bad[i]);
	}
	close(fd);
}

/* GEM_CREATE of SIZE with PAD must fail with ERR and leave the struct as it was. */
static void create_fails(int fd, uint64_t size, uint32_t pad, int err, const char *what)
{
	struct drm_nova_gem_create c = { .handle = SENTINEL32, .pad = pad, .size = size };
	struct drm_nova_gem_create before = c;
	int r = xioctl(fd, DRM_IOCTL_NOVA_GEM_CREATE, &c);

	expect_err(r, err, "create: %s -> %s", what, strerrorname_np(err));
	if (!result(memcmp(&c, &before, sizeof(c)) == 0, "create: %s leaves the struct unchanged",
		    what))
		diag("handle 0x%x pad 0x%x size 0x%" PRIx64 " became handle 0x%x pad 0x%x size 0x%" PRIx64,
		     before.handle, before.pad, (uint64_t)before.size, c.handle, c.pad,
		     (uint64_t)c.size);
	if (r == 0)
		gem_close(fd, c.handle);
}

static void group_create(void)
{
	static const struct { uint64_t size, want; } ok_sizes[] = {
		{ 1, PAGE }, { 4095, PAGE }, { 4096, PAGE }, { 4097, 2 * PAGE },
		{ MIB + 1, MIB + PAGE }, { TIB - 1, TIB }, { TIB, TIB },
	};
	uint32_t handles[16];
	size_t n = 0, i;
	int fd, r, closed = 0;

	fd = open_node(opt.node, "create");
	if (fd < 0)
		return;
	for (i = 0; i < sizeof(ok_sizes) / sizeof(ok_sizes[0]); i++) {
		uint64_t size = 0;
		uint32_t h;

		r = gem_create(fd, ok_sizes[i].size, &h);
		if (!expect_ok(r, "create: size %" PRIu64 " succeeds", ok_sizes[i].size))
			continue;
		handles[n++] = h;
		r = gem_info(fd, h, &size);
		if (expect_ok(r, "create: GEM_INFO of the size %" PRIu64 " object", ok_sizes[i].size))
			expect_u64(size, ok_sizes[i].want, "create: size %" PRIu64 " is rounded to %" PRIu64,
				   ok_sizes[i].size, ok_sizes[i].want);
	}
	if (!result(n > 0 && handles_distinct(handles, n), "create: %zu handles, non-zero and distinct", n))
		for (i = 0; i < n; i++)
			diag("handle %zu: %u", i, handles[i]);

	create_fails(fd, 0, 0, EINVAL, "size 0");
	create_fails(fd, PAGE, 1, EINVAL, "pad 1");
	create_fails(fd, PAGE, 0xffffffffU, EINVAL, "pad 0xffffffff");
	create_fails(fd, TIB + 1, 0, E2BIG, "size 1 TiB + 1");
	create_fails(fd, TIB + PAGE, 0, E2BIG, "size 1 TiB + 4096");
	create_fails(fd, (uint64_t)1 << 63, 0, E2BIG, "size 2^63");
	create_fails(fd, UINT64_MAX - PAGE + 1, 0, E2BIG, "size 2^64 - 4096 (page-aligned)");
	create_fails(fd, UINT64_MAX - 4094, 0, E2BIG, "size 2^64 - 4095 (overflows when aligned)");
	create_fails(fd, UINT64_MAX - 1, 0, E2BIG, "size 2^64 - 2 (overflows when aligned)");
	create_fails(fd, UINT64_MAX, 0, E2BIG, "size UINT64_MAX (overflows when aligned)");

	for (i = 0; i < n; i++) {
		r = gem_close(fd, handles[i]);
		if (r) {
			diag("GEM_CLOSE %u: %s", handles[i], err_str(r));
			closed = -1;
		}
	}
	result(closed == 0, "create: GEM_CLOSE of every object created");
	expect_fdinfo_mem(fd, "drm-total-memory", 0, "create: no object left after GEM_CLOSE");
	close(fd);
}

/* GEM_INFO of HANDLE with PAD must fail with ERR and leave the struct as it was. */
static void info_fails(int fd, uint32_t handle, uint32_t pad, int err, const char *what)
{
	struct drm_nova_gem_info i = { .handle = handle, .pad = pad, .size = SENTINEL64 };
	struct drm_nova_gem_info before = i;
	int r = xioctl(fd, DRM_IOCTL_NOVA_GEM_INFO, &i);

	expect_err(r, err, "info: %s -> %s", what, strerrorname_np(err));
	if (!result(memcmp(&i, &before, sizeof(i)) == 0, "info: %s leaves the struct unchanged", what))
		diag("handle 0x%x pad 0x%x size 0x%" PRIx64 " became handle 0x%x pad 0x%x size 0x%" PRIx64,
		     before.handle, before.pad, (uint64_t)before.size, i.handle, i.pad,
		     (uint64_t)i.size);
}

static void group_info(void)
{
	struct drm_nova_gem_info i;
	uint32_t h = 0, h2 = 0;
	uint64_t size;
	int fd, r;

	fd = open_node(opt.node, "info");
	if (fd < 0)
		return;
	if (!expect_ok(gem_create(fd, 2 * PAGE, &h), "info: create an object of 8192 bytes")) {
		close(fd);
		return;
	}
	i = (struct drm_nova_gem_info){ .handle = h, .size = SENTINEL64 };
	r = xioctl(fd, DRM_IOCTL_NOVA_GEM_INFO, &i);
	expect_ok(r, "info: GEM_INFO of it succeeds");
	expect_u64(i.size, 2 * PAGE, "info: GEM_INFO gives its size");
	if (!result(i.handle == h && i.pad == 0, "info: GEM_INFO leaves handle and pad unchanged"))
		diag("handle %u -> %u, pad 0 -> %u", h, i.handle, i.pad);

	info_fails(fd, 0, 0, ENOENT, "handle 0");
	info_fails(fd, NEVER_HANDLE, 0, ENOENT, "never-created handle 0x7fffffff");
	info_fails(fd, UINT32_MAX, 0, ENOENT, "never-created handle 0xffffffff");
	info_fails(fd, h, 1, EINVAL, "pad 1");
	info_fails(fd, h, 0xffffffffU, EINVAL, "pad 0xffffffff");

	if (expect_ok(gem_create(fd, PAGE, &h2), "info: create a second object")) {
		expect_ok(gem_close(fd, h2), "info: GEM_CLOSE of it succeeds");
		info_fails(fd, h2, 0, ENOENT, "closed handle");
		expect_err(gem_close(fd, h2), EINVAL, "info: GEM_CLOSE of a closed handle -> EINVAL");
	}
	expect_err(gem_close(fd, NEVER_HANDLE), EINVAL, "info: GEM_CLOSE of a never-created handle -> EINVAL");
	expect_err(gem_close(fd, 0), EINVAL, "info: GEM_CLOSE of handle 0 -> EINVAL");
	size = 0;
	r = gem_info(fd, h, &size);
	expect_ok(r, "info: the first object is still there");
	expect_u64(size, 2 * PAGE, "info: with its size");
	expect_ok(gem_close(fd, h), "info: GEM_CLOSE of the first object");
	info_fails(fd, h, 0, ENOENT, "handle closed last");
	close(fd);
}

static void group_isolation(void)
{
	uint32_t ha = 0, hb = 0;
	uint64_t size = 0;
	int a, b, a2;

	a = open_node(opt.node, "isolation");
	b = open_node(opt.node, "isolation");
	if (a < 0 || b < 0)
		goto out;
	if (!expect_ok(gem_create(a, PAGE, &ha), "isolation: create a 4096-byte object in file A"))
		goto out;
	expect_err(gem_info(b, ha, NULL), ENOENT, "isolation: A's handle is ENOENT for GEM_INFO in file B");
	expect_err(gem_close(b, ha), EINVAL, "isolation: GEM_CLOSE of A's handle in file B fails (EINVAL)");
	expect_ok(gem_info(a, ha, &size), "isolation: A's object survives B's GEM_CLOSE");
	if (!expect_ok(gem_create(b, 2 * PAGE, &hb), "isolation: create an 8192-byte object in file B"))
		goto out;
	diag("handle in A: %u, in B: %u", ha, hb);
	gem_info(a, ha, &size);
	expect_u64(size, PAGE, "isolation: A's handle names A's object in A");
	size = 0;
	gem_info(b, hb, &size);
	expect_u64(size, 2 * PAGE, "isolation: B's handle names B's object in B");
	expect_fdinfo_mem(a, "drm-total-memory", PAGE, "isolation: A's fdinfo counts only A's object");
	expect_fdinfo_mem(b, "drm-total-memory", 2 * PAGE, "isolation: B's fdinfo counts only B's object");

	result(close(a) == 0, "isolation: close file A");
	a = -1;
	expect_fdinfo_mem(b, "drm-total-memory", 2 * PAGE, "isolation: B unaffected by closing A (fdinfo)");
	size = 0;
	expect_ok(gem_info(b, hb, &size), "isolation: B's object still there after closing A");
	expect_u64(size, 2 * PAGE, "isolation: with its size");

	a2 = open_node(opt.node, "isolation");
	if (a2 >= 0) {
		expect_err(gem_info(a2, ha, NULL), ENOENT,
			   "isolation: after reopening, A's old handle does not exist");
		expect_fdinfo_mem(a2, "drm-total-memory", 0, "isolation: the reopened file has no objects");
		close(a2);
	}
	expect_ok(gem_close(b, hb), "isolation: GEM_CLOSE of B's object");
out:
	if (a >= 0)
		close(a);
	if (b >= 0)
		close(b);
}

static int gem_flink(int fd, uint32_t handle, uint32_t *name)
{
	struct drm_gem_flink f = { .handle = handle };
	int r = xioctl(fd, DRM_IOCTL_GEM_FLINK, &f);

	*name = f.name;
	return r;
}

static int gem_open(int fd, uint32_t name, uint32_t *handle, uint64_t *size)
{
	struct drm_gem_open o = { .name = name };
	int r = xioctl(fd, DRM_IOCTL_GEM_OPEN, &o);

	*handle = o.handle;
	*size = o.size;
	return r;
}

/* Sharing an object between files by name (the DRM core's GEM_FLINK). */
static void group_flink(void)
{
	char primary[300];
	uint32_t h1 = 0, h2 = 0, name = 0, hr = 0;
	uint64_t size = 0;
	int p1 = -1, p2 = -1, rfd;

	rfd = open_node(opt.node, "flink");
	if (rfd < 0)
		return;
	if (expect_ok(gem_create(rfd, PAGE, &hr), "flink: create an object on the render node"))
		expect_err(gem_flink(rfd, hr, &name), EACCES,
			   "flink: GEM_FLINK on the render node -> EACCES (DRM core)");
	close(rfd);
	if (!result(primary_of(opt.node, primary, sizeof(primary)), "flink: the device has a primary node"))
		return;
	p1 = open_node(primary, "flink");
	p2 = open_node(primary, "flink");
	if (p1 < 0 || p2 < 0)
		goto out;
	if (!expect_ok(gem_create(p1, 3 * PAGE, &h1), "flink: create a 12 KiB object in primary file 1"))
		goto out;
	if (!expect_ok(gem_flink(p1, h1, &name), "flink: GEM_FLINK gives it a name"))
		goto out;
	diag("handle %u, name %u", h1, name);
	expect_ok(gem_open(p2, name, &h2, &size), "flink: GEM_OPEN of the name in primary file 2");
	expect_u64(size, 3 * PAGE, "flink: GEM_OPEN gives the object's size");
	size = 0;
	expect_ok(gem_info(p2, h2, &size), "flink: GEM_INFO of the opened handle");
	expect_u64(size, 3 * PAGE, "flink: with the object's size");
	expect_fdinfo_mem(p2, "drm-total-memory", 3 * PAGE, "flink: file 2's fdinfo counts the object");
	result(close(p1) == 0, "flink: close the creating file");
	p1 = -1;
	size = 0;
	expect_ok(gem_info(p2, h2, &size), "flink: the object lives on in file 2");
	expect_u64(size, 3 * PAGE, "flink: with its size");
	expect_ok(gem_close(p2, h2), "flink: GEM_CLOSE of the last handle");
	expect_err(gem_open(p2, name, &h2, &size), ENOENT,
		   "flink: the name is gone with the object (GEM_OPEN -> ENOENT)");
	expect_err(gem_open(p2, 0x7fffffff, &h2, &size), ENOENT,
		   "flink: GEM_OPEN of a name never given -> ENOENT");
out:
	if (p1 >= 0)
		close(p1);
	if (p2 >= 0)
		close(p2);
}

/* The drm-client-id of FD (its fdinfo into BUF), or -1 if absent or malformed. */
static long long client_id(int fd, char *buf, size_t len)
{
	char val[128], *end;
	long long id;

	if (!fdinfo(fd, buf, len) || !fdinfo_get(buf, "drm-client-id", val, sizeof(val)))
		return -1;
	if (val[0] != '\t' || val[1] < '0' || val[1] > '9')
		return -1;
	id = strtoll(val + 1, &end, 10);
	return *end ? -1 : id;
}

static void group_fdinfo(void)
{
	char buf[4096], val[128];
	uint32_t h[3] = { 0 };
	long long ida, idb;
	bool have;
	int a, b, r;

	a = open_node(opt.node, "fdinfo");
	if (a < 0)
		return;
	b = open_node(opt.node, "fdinfo");
	if (b < 0) {
		close(a);
		return;
	}
	if (!result(fdinfo(a, buf, sizeof(buf)), "fdinfo: /proc/self/fdinfo/<fd> is readable")) {
		diag("read: %s", err_str(errno));
		goto out;
	}
	diag("fdinfo of a fresh file:\n%s", buf);
	have = fdinfo_get(buf, "drm-driver", val, sizeof(val));
	expect_str(have ? val : NULL, "\tnova", "fdinfo: drm-driver:\\tnova");

	ida = client_id(a, buf, sizeof(buf));
	if (!result(ida >= 0, "fdinfo: drm-client-id:\\t<number>"))
		diag("fdinfo:\n%s", buf);
	idb = client_id(b, buf, sizeof(buf));
	if (!result(ida >= 0 && idb >= 0 && ida != idb, "fdinfo: two files have distinct client ids"))
		diag("client ids: %lld and %lld", ida, idb);

	fdinfo(a, buf, sizeof(buf));
	have = fdinfo_get(buf, "drm-pdev", val, sizeof(val));
	if (opt.pdev) {
		char want[64];

		snprintf(want, sizeof(want), "\t%s", opt.pdev);
		expect_str(have ? val : NULL, want, "fdinfo: drm-pdev:\\t%s", opt.pdev);
	} else if (!result(!have, "fdinfo: no drm-pdev for a GPU that is not a PCI device")) {
		diag("got: \"drm-pdev:%s\"", val);
	}

	expect_fdinfo_mem(a, "drm-total-memory", 0, "fdinfo: drm-total-memory is 0 on a fresh file");
	expect_fdinfo_mem(a, "drm-resident-memory", 0, "fdinfo: drm-resident-memory is 0 on a fresh file");

	r = gem_create(a, PAGE, &h[0]);
	r = r ? r : gem_create(a, 2 * PAGE, &h[1]);
	r = r ? r : gem_create(a, 1, &h[2]);
	if (!expect_ok(r, "fdinfo: create objects of 4096, 8192 and 1 bytes"))
		goto out;
	expect_fdinfo_mem(a, "drm-total-memory", 16 * KIB, "fdinfo: drm-total-memory is 16 KiB");
	expect_fdinfo_mem(a, "drm-resident-memory", 0,
			  "fdinfo: drm-resident-memory is 0 (no backing pages)");
	expect_fdinfo_mem(b, "drm-total-memory", 0, "fdinfo: the other file's total is still 0");
	fdinfo(a, buf, sizeof(buf));
	diag("fdinfo with three objects:\n%s", buf);

	expect_ok(gem_close(a, h[1]), "fdinfo: GEM_CLOSE of the 8192-byte object");
	expect_fdinfo_mem(a, "drm-total-memory", 8 * KIB, "fdinfo: drm-total-memory drops to 8 KiB");
	expect_ok(gem_close(a, h[0]), "fdinfo: GEM_CLOSE of the 4096-byte object");
	expect_ok(gem_close(a, h[2]), "fdinfo: GEM_CLOSE of the 1-byte object");
	expect_fdinfo_mem(a, "drm-total-memory", 0, "fdinfo: drm-total-memory back to 0");
out:
	close(a);
	close(b);
}

/* Creates N objects of SIZE into H; returns how many failed (diagnosed). */
static unsigned int create_n(int fd, uint32_t *h, unsigned int n, uint64_t size)
{
	unsigned int i, fails = 0;
	int r;

	for (i = 0; i < n; i++) {
		r = gem_create(fd, size, &h[i]);
		if (r) {
			if (!fails)
				diag("object %u: %s", i, err_str(r));
			fails++;
			h[i] = 0;
		}
	}
	return fails;
}

static unsigned int close_n(int fd, const uint32_t *h, unsigned int n)
{
	unsigned int i, fails = 0;
	int r;

	for (i = 0; i < n; i++) {
		if (!h[i])
			continue;
		r = gem_close(fd, h[i]);
		if (r) {
			if (!fails)
				diag("GEM_CLOSE %u: %s", h[i], err_str(r));
			fails++;
		}
	}
	return fails;
}

static void group_many(void)
{
	unsigned int n = opt.count, i, fails, bad;
	uint32_t *h = calloc(n, sizeof(*h));
	double t;
	int fd;

	if (!h) {
		result(false, "many: allocate %u handles", n);
		return;
	}
	fd = open_node(opt.node, "many");
	if (fd < 0)
		goto out;
	t = now();
	fails = create_n(fd, h, n, PAGE);
	t = now() - t;
	result(fails == 0, "many: create %u objects of 4096 bytes", n);
	diag("%u GEM_CREATE in %.3f s (%.1f us each)%s", n, t, t * 1e6 / n,
	     fails ? ", some failed" : "");
	if (fails)
		diag("%u failed", fails);
	result(handles_distinct(h, n), "many: %u handles, non-zero and distinct", n);

	for (i = 0, bad = 0; i < n; i += 97) {
		uint64_t size = 0;
		int r = gem_info(fd, h[i], &size);

		if (r || size != PAGE) {
			if (!bad)
				diag("GEM_INFO of object %u (handle %u): %s, size %" PRIu64,
				     i, h[i], err_str(r), size);
			bad++;
		}
	}
	result(bad == 0, "many: GEM_INFO of every 97th object gives 4096");
	expect_fdinfo_mem(fd, "drm-total-memory", (uint64_t)n * PAGE,
			  "many: drm-total-memory is %u * 4096 bytes", n);

	t = now();
	fails = close_n(fd, h, n);
	t = now() - t;
	result(fails == 0, "many: GEM_CLOSE of all %u objects", n);
	diag("%u GEM_CLOSE in %.3f s (%.1f us each)", n, t, t * 1e6 / n);
	expect_fdinfo_mem(fd, "drm-total-memory", 0, "many: drm-total-memory back to 0");
	for (i = 0, bad = 0; i < n; i += 97)
		if (gem_info(fd, h[i], NULL) != -ENOENT)
			bad++;
	result(bad == 0, "many: closed handles are ENOENT");
	close(fd);

	/* The same, freed by closing the file. */
	fd = open_node(opt.node, "many");
	if (fd < 0)
		goto out;
	fails = create_n(fd, h, n, PAGE);
	result(fails == 0, "many: create %u objects in a second file", n);
	t = now();
	result(close(fd) == 0, "many: close the file holding %u objects", n);
	t = now() - t;
	diag("close() with %u objects in %.3f s", n, t);
	fd = open_node(opt.node, "many");
	if (fd >= 0) {
		expect_fdinfo_mem(fd, "drm-total-memory", 0, "many: a new file starts empty");
		close(fd);
	}
out:
	free(h);
}

static bool read_memcg(const char *file, uint64_t *v)
{
	char path[400];

	snprintf(path, sizeof(path), "%s/%s", opt.cgroup, file);
	return read_u64_file(path, v);
}

/* memory.stat's slab and kernel lines, as diagnostics. */
static void diag_memstat(const char *when)
{
	char path[400], buf[8192], out[1024] = "", *line, *save = NULL;
	size_t o = 0;

	snprintf(path, sizeof(path), "%s/memory.stat", opt.cgroup);
	if (!read_file(path, buf, sizeof(buf)))
		return;
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (!strncmp(line, "slab", 4) || !strncmp(line, "kernel", 6) ||
		    !strncmp(line, "percpu", 6))
			o += snprintf(out + o, o < sizeof(out) ? sizeof(out) - o : 0, " %s;", line);
	diag("memory.stat %s:%s", when, out);
}

/* Waits (up to about 5 s) for memory.current to come back near BASE. */
static uint64_t memcg_settle(uint64_t base, uint64_t slack)
{
	uint64_t cur = 0;
	int tries;

	for (tries = 0; tries < 50; tries++) {
		if (!read_memcg("memory.current", &cur))
			return 0;
		if (cur <= base + slack && cur + slack >= base)
			break;
		usleep(100 * 1000);
	}
	diag("memory.current read %d time(s) before settling", tries + 1);
	return cur;
}

static void group_memcg(void)
{
	unsigned int n = opt.count, fails;
	uint64_t base = 0, peak = 0, after, rise, min_rise = (uint64_t)n * 256;
	char buf[512], want[400], *cg;
	uint32_t *h, warm;
	int fd;

	if (!opt.cgroup) {
		skip("no --cgroup", "memcg: object memory charged to the caller's memory cgroup");
		return;
	}
	/* /proc/self/cgroup of cgroup2 is "0::/PATH"; PATH under /sys/fs/cgroup. */
	cg = strstr(opt.cgroup, "/sys/fs/cgroup");
	snprintf(want, sizeof(want), "0::%s\n", cg ? cg + strlen("/sys/fs/cgroup") : opt.cgroup);
	if (!read_file("/proc/self/cgroup", buf, sizeof(buf)))
		buf[0] = 0;
	if (!expect_str(buf, want, "memcg: the process is in %s", opt.cgroup))
		return;
	h = calloc(n, sizeof(*h));
	if (!h) {
		result(false, "memcg: allocate %u handles", n);
		return;
	}
	memset(h, 0xff, n * sizeof(*h));	/* fault the array in before the baseline */
	fd = open_node(opt.node, "memcg");
	if (fd < 0)
		goto out;
	/* One object first, so that first-use allocations are not in the count. */
	if (!gem_create(fd, PAGE, &warm))
		gem_close(fd, warm);

	if (!result(read_memcg("memory.current", &base), "memcg: memory.current is readable"))
		goto out_fd;
	diag_memstat("before");
	fails = create_n(fd, h, n, PAGE);
	result(fails == 0, "memcg: create %u objects", n);
	read_memcg("memory.current", &peak);
	diag_memstat("with the objects");
	rise = peak > base ? peak - base : 0;
	diag("memory.current: %" PRIu64 " before, %" PRIu64 " with %u objects: +%" PRIu64
	     " (%" PRIu64 " bytes per object)", base, peak, n, rise, rise / n);
	if (!result(rise >= min_rise, "memcg: memory.current rose by at least %u * 256 bytes", n))
		diag("expected: >= %" PRIu64 "\ngot:      %" PRIu64, min_rise, rise);

	fails = close_n(fd, h, n);
	result(fails == 0, "memcg: GEM_CLOSE of all objects");
	after = memcg_settle(base, rise / 10);
	diag_memstat("after GEM_CLOSE");
	if (!result(after <= base + rise / 10 && after + rise / 10 >= base,
		    "memcg: memory.current back to the baseline after GEM_CLOSE (within 10%% of the rise)"))
		diag("baseline %" PRIu64 ", rise %" PRIu64 ", now %" PRIu64 " (%+" PRId64 ")",
		     base, rise, after, (int64_t)(after - base));
	close(fd);

	/* Freed by closing the file instead. */
	read_memcg("memory.current", &base);
	fd = open_node(opt.node, "memcg");
	if (fd < 0)
		goto out;
	fails = create_n(fd, h, n, PAGE);
	read_memcg("memory.current", &peak);
	rise = peak > base ? peak - base : 0;
	result(fails == 0 && rise >= min_rise,
	       "memcg: a second file's %u objects are charged too", n);
	diag("memory.current: %" PRIu64 " before, %" PRIu64 " with %u objects: +%" PRIu64,
	     base, peak, n, rise);
	close(fd);
	after = memcg_settle(base, rise / 10);
	if (!result(after <= base + rise / 10 && after + rise / 10 >= base,
		    "memcg: memory.current back to the baseline after close() (within 10%% of the rise)"))
		diag("baseline %" PRIu64 ", rise %" PRIu64 ", now %" PRIu64 " (%+" PRId64 ")",
		     base, rise, after, (int64_t)(after - base));
	goto out;
out_fd:
	close(fd);
out:
	free(h);
}

/*
 * A child that runs ioctls in a loop on its own file while the GPU goes
 * away: each must succeed or fail with ENODEV, and once one has failed with
 * ENODEV none may succeed. Returns when a whole round failed with ENODEV.
 * Exit status: 0 good, 1 bad result, 2 could not open, 3 never saw ENODEV.
 */
static int hammer(const char *node)
{
	double end = now() + 240;
	unsigned long rounds = 0;
	bool gone = false;
	int fd = open(node, O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		printf("# hammer: open %s: %s\n", node, err_str(errno));
		return 2;
	}
	while (now() < end) {
		static const char *const what[] = { "GEM_CREATE", "GEM_INFO", "GEM_CLOSE", "GETPARAM" };
		uint32_t h = 0;
		int r[4], i, n_enodev = 0;

		r[0] = gem_create(fd, PAGE, &h);
		r[1] = r[0] ? r[0] : gem_info(fd, h, NULL);
		r[2] = r[0] ? r[0] : gem_close(fd, h);
		r[3] = nova_getparam(fd, NOVA_GETPARAM_VRAM_BAR_SIZE, NULL);
		for (i = 0; i < 4; i++) {
			if (r[i] == -ENODEV) {
				if (!gone)
					printf("# hammer: first ENODEV after %lu rounds (%s)\n", rounds, what[i]);
				gone = true;
				n_enodev++;
			} else if (r[i]) {
				printf("# hammer: round %lu: %s: %s\n", rounds, what[i], err_str(r[i]));
				return 1;
			} else if (gone && (i == 0 || i == 3)) {
				printf("# hammer: round %lu: %s succeeded after ENODEV\n", rounds, what[i]);
				return 1;
			}
		}
		rounds++;
		if (n_enodev == 4) {
			close(fd);
			return 0;
		}
	}
	printf("# hammer: no ENODEV in %lu rounds\n", rounds);
	return 3;
}

static void group_unplug(void)
{
	char primary[300], buf[4096], c;
	const char *name[3] = { "render file A", "render file B", "primary file" };
	uint32_t ha[2] = { 0 }, hb = 0;
	int fd[3] = { -1, -1, -1 }, i, r, ff;
	pid_t child = -1;
	drmVersionPtr v;

	if (!opt.fifo) {
		skip("no --fifo", "unplug: the GPU goes away with files open");
		return;
	}
	fd[0] = open_node(opt.node, "unplug");
	fd[1] = open_node(opt.node, "unplug");
	if (primary_of(opt.node, primary, sizeof(primary)))
		fd[2] = open_node(primary, "unplug");
	else
		result(false, "unplug: find the primary node of %s", opt.node);
	if (fd[0] < 0 || fd[1] < 0 || fd[2] < 0)
		goto out;
	r = gem_create(fd[0], PAGE, &ha[0]);
	r = r ? r : gem_create(fd[0], 2 * PAGE, &ha[1]);
	r = r ? r : gem_create(fd[1], PAGE, &hb);
	expect_ok(r, "unplug: objects created in both render files");
	diag("handles: A %u %u, B %u", ha[0], ha[1], hb);
	for (i = 0; i < 3; i++)
		expect_ok(nova_getparam(fd[i], NOVA_GETPARAM_VRAM_BAR_SIZE, NULL),
			  "unplug: GETPARAM on the %s before", name[i]);

	fflush(stdout);
	child = fork();
	if (child == 0) {
		int st = hammer(opt.node);

		fflush(stdout);
		_exit(st);
	}
	if (!result(child > 0, "unplug: start a child running ioctls in a loop"))
		diag("fork: %s", err_str(errno));

	diag("unplug: waiting for a line on %s", opt.fifo);
	fflush(stdout);
	ff = open(opt.fifo, O_RDONLY | O_CLOEXEC);
	if (!result(ff >= 0, "unplug: open the FIFO %s", opt.fifo)) {
		diag("open: %s", err_str(errno));
		goto out;
	}
	while (read(ff, &c, 1) == 1 && c != '\n')
		;
	close(ff);
	diag("unplug: resumed");
	if (child > 0) {
		int st = 0;

		if (waitpid(child, &st, 0) != child)
			st = -1;
		if (!result(st == 0, "unplug: the racing ioctls got success, then only ENODEV"))
			diag("child: %s %d", WIFSIGNALED(st) ? "killed by signal" : "exit status",
			     WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
	}

	for (i = 0; i < 3; i++)
		expect_err(nova_getparam(fd[i], NOVA_GETPARAM_VRAM_BAR_SIZE, NULL), ENODEV,
			   "unplug: GETPARAM on the %s -> ENODEV", name[i]);
	expect_err(gem_create(fd[0], PAGE, NULL), ENODEV, "unplug: GEM_CREATE -> ENODEV");
	expect_err(gem_info(fd[0], ha[0], NULL), ENODEV, "unplug: GEM_INFO of a live handle -> ENODEV");
	expect_err(gem_info(fd[1], hb, NULL), ENODEV, "unplug: GEM_INFO in file B -> ENODEV");
	expect_err(gem_close(fd[0], ha[1]), ENODEV, "unplug: GEM_CLOSE -> ENODEV (DRM core)");

	errno = 0;
	v = drmGetVersion(fd[0]);
	result(true, "unplug: drmGetVersion returns");
	if (v)
		diag("drmGetVersion works: name \"%s\"", v->name ? v->name : "(null)");
	else
		diag("drmGetVersion fails: %s", err_str(errno));
	drmFreeVersion(v);

	errno = 0;
	r = fdinfo(fd[0], buf, sizeof(buf));
	result(true, "unplug: reading fdinfo returns");
	if (r)
		diag("fdinfo after removal:\n%s", buf);
	else
		diag("fdinfo after removal: %s", err_str(errno));

	r = open(opt.node, O_RDWR | O_CLOEXEC);
	if (!result(r < 0 && errno == ENOENT, "unplug: %s is gone (open -> ENOENT)", opt.node))
		diag("open: %s", r < 0 ? err_str(errno) : "success");
	if (r >= 0)
		close(r);
	for (i = 0; i < 3; i++) {
		r = close(fd[i]);
		if (!result(r == 0, "unplug: close() of the %s", name[i]))
			diag("close: %s", err_str(errno));
		fd[i] = -1;
	}
out:
	for (i = 0; i < 3; i++)
		if (fd[i] >= 0)
			close(fd[i]);
}

/* ---- main ----------------------------------------------------------- */

static const struct group {
	const char *name;
	void (*fn)(void);
	bool separate;	/* run only when asked for by --only */
	bool needs_node;
} groups[] = {
	{ "abi", group_abi, false, false },
	{ "version", group_version, false, true },
	{ "getparam", group_getparam, false, true },
	{ "create", group_create, false, true },
	{ "info", group_info, false, true },
	{ "isolation", group_isolation, false, true },
	{ "flink", group_flink, false, true },
	{ "fdinfo", group_fdinfo, false, true },
	{ "many", group_many, true, true },
	{ "memcg", group_memcg, true, true },
	{ "unplug", group_unplug, true, true },
};
#define N_GROUPS (sizeof(groups) / sizeof(groups[0]))

static bool selected(const struct group *g)
{
	const char *p = opt.only;
	size_t l = strlen(g->name);

	if (!p)
		return !g->separate;
	while (*p) {
		if (strncmp(p, g->name, l) == 0 && (p[l] == ',' || p[l] == 0))
			return true;
		p = strchrnul(p, ',');
		if (*p)
			p++;
	}
	return false;
}

static void usage(void)
{
	size_t i;

	fprintf(stderr,
		"usage: nova-drm-test [--only GROUP[,GROUP...]] [--node /dev/dri/renderDN]\n"
		"                     [--vram BYTES] [--pdev BDF] [--cgroup DIR] [--fifo PATH]\n"
		"                     [--count N]\ngroups:");
	for (i = 0; i < N_GROUPS; i++)
		fprintf(stderr, " %s%s", groups[i].name, groups[i].separate ? "(separate)" : "");
	fprintf(stderr, "\n");
	exit(2);
}

static uint64_t parse_num(const char *s)
{
	char *end;
	uint64_t v;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end)
		usage();
	return v;
}

int main(int argc, char **argv)
{
	bool need_node = false, any = false;
	size_t i;
	int a;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (a = 1; a < argc; a++) {
		const char *arg = argv[a], *val = a + 1 < argc ? argv[a + 1] : NULL;

		if (!val)
			usage();
		a++;
		if (!strcmp(arg, "--only"))
			opt.only = val;
		else if (!strcmp(arg, "--node"))
			opt.node = val;
		else if (!strcmp(arg, "--vram"))
			opt.vram = parse_num(val), opt.have_vram = true;
		else if (!strcmp(arg, "--pdev"))
			opt.pdev = val;
		else if (!strcmp(arg, "--cgroup"))
			opt.cgroup = val;
		else if (!strcmp(arg, "--fifo"))
			opt.fifo = val;
		else if (!strcmp(arg, "--count"))
			opt.count = parse_num(val);
		else
			usage();
	}
	if (opt.only) {
		/* Every name in --only must be a group. */
		const char *p = opt.only;

		while (*p) {
			const char *e = strchrnul(p, ',');
			bool known = false;

			for (i = 0; i < N_GROUPS; i++)
				if (strlen(groups[i].name) == (size_t)(e - p) &&
				    !strncmp(p, groups[i].name, e - p))
					known = true;
			if (!known)
				usage();
			p = *e ? e + 1 : e;
		}
	}
	if (opt.count == 0)
		usage();

	printf("KTAP version 1\n");
	for (i = 0; i < N_GROUPS; i++)
		if (selected(&groups[i])) {
			any = true;
			need_node |= groups[i].needs_node;
		}
	if (!any)
		usage();
	if (need_node && !opt.node) {
		opt.node = find_render_node();
		if (!result(opt.node != NULL, "find the nova render node in /dev/dri"))
			diag("no /dev/dri/renderD* node whose driver is nova");
	}
	if (opt.node)
		diag("render node: %s", opt.node);
	for (i = 0; i < N_GROUPS; i++)
		if (selected(&groups[i]) && (opt.node || !groups[i].needs_node))
			groups[i].fn();
	printf("1..%u\n", n_tests);
	return n_failed ? 1 : 0;
}
