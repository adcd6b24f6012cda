// SPDX-License-Identifier: GPL-2.0
/*
 * libnova-test: the tests of libnova (lib/), run inside the test VM by
 * tests/vm/cases/83-libnova.sh. Linked against libnova, not libdrm.
 *
 *   libnova-test list
 *       nova_device_list(), printed as KEY=VALUE lines for the script to
 *       compare: "ret=0", "count=N", then "I.render=...", "I.primary=...",
 *       "I.bus=pci|emulated|unknown", "I.bus_id=...", "I.sysfs=...",
 *       "I.facts_error=...", "I.chipset=...", "I.architecture=...",
 *       "I.revision=...", "I.vram=...", "I.gpu_name=...", "I.vram_size=...",
 *       "I.driver_error=...", "I.driver=NAME
 *       MAJOR.MINOR.PATCH DATE DESC" for device I (NULL strings print as
 *       "(null)", errors as errno names: "0", "EACCES").
 *   libnova-test open PATH
 *       prints what nova_open(PATH) returns, as an errno name ("0",
 *       "ENOENT"), and closes it.
 *   libnova-test api --node PATH [--vram BYTES]
 *       KTAP: every wrapper's success and error paths.
 *   libnova-test unplug --node PATH --fifo FIFO
 *       KTAP: opens PATH twice and creates objects, prints "# unplug:
 *       waiting", reads a line from FIFO (meanwhile the script removes the
 *       GPU), then checks that every wrapper fails with -ENODEV, that the
 *       device is no longer listed, and that nova_close() works.
 *   libnova-test strerror
 *       KTAP: nova_strerror()'s messages.
 *   libnova-test version
 *       KTAP: nova_lib_version() and the header's version macros.
 *
 * Exit status 1 if a KTAP check failed, 2 on bad usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libnova.h>

#include "ktap.h"

#define SENTINEL64	((uint64_t)0xdeadbeefcafef00d)
#define SENTINEL32	0xdeadbeefU
#define PAGE		((uint64_t)4096)
#define TIB		((uint64_t)1 << 40)
#define NEVER_HANDLE	0x7fffffffU

/* ---- KTAP output (more in ktap.h) ----------------------------------- */

/* "0", "EINVAL", or the number. */
static const char *err_name(int err)
{
	static char buf[8][32];
	static unsigned int i;
	const char *name;
	char *b = buf[i++ % 8];

	if (err == 0)
		return "0";
	name = err < 0 && err > -4096 ? strerrorname_np(-err) : NULL;
	if (name && err < 0)
		return name;
	snprintf(b, sizeof(buf[0]), "%d", err);
	return b;
}

/* A libnova return value: 0 or a negative errno. */
PRINTF(3, 4) static bool expect_ret(int ret, int want, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vresult(ret == want, fmt, ap);
	va_end(ap);
	if (!r)
		diag("expected: %s\ngot:      %s (%s)", err_name(want), err_name(ret),
		     nova_strerror(ret));
	return r;
}

/* ---- list, open ----------------------------------------------------- */

static const char *s(const char *str)
{
	return str ? str : "(null)";
}

static int cmd_list(void)
{
	struct nova_device_info **list = NULL;
	size_t count = SIZE_MAX, i;
	int ret;

	ret = nova_device_list(&list, &count);
	printf("ret=%s\n", err_name(ret));
	if (ret)
		return 0;
	printf("count=%zu\n", count);
	for (i = 0; i < count; i++) {
		const struct nova_device_info *d = list[i];

		printf("%zu.render=%s\n", i, s(d->render_node));
		printf("%zu.primary=%s\n", i, s(d->primary_node));
		printf("%zu.bus=%s\n", i, d->bus == NOVA_BUS_PCI ? "pci" :
		       d->bus == NOVA_BUS_EMULATED ? "emulated" : "unknown");
		printf("%zu.bus_id=%s\n", i, s(d->bus_id));
		printf("%zu.sysfs=%s\n", i, s(d->sysfs_path));
		printf("%zu.facts_error=%s\n", i, err_name(d->facts_error));
		printf("%zu.chipset=%s\n", i, s(d->chipset));
		printf("%zu.architecture=%s\n", i, s(d->architecture));
		printf("%zu.revision=%s\n", i, s(d->revision));
		printf("%zu.vram=%" PRIu64 "\n", i, d->vram_bar_size);
		printf("%zu.gpu_name=%s\n", i, s(d->gpu_name));
		printf("%zu.vram_size=%" PRIu64 "\n", i, d->vram_size);
		printf("%zu.driver_error=%s\n", i, err_name(d->driver_error));
		if (!d->driver_error)
			printf("%zu.driver=%s %d.%d.%d %s %s\n", i, s(d->driver_name),
			       d->driver_major, d->driver_minor, d->driver_patchlevel,
			       s(d->driver_date), s(d->driver_desc));
	}
	if (list[count])
		printf("error=the list is not NULL-terminated\n");
	nova_device_list_free(list);
	return 0;
}

static int cmd_open(const char *path)
{
	struct nova *nova = NULL;
	int ret = nova_open(path, &nova);

	printf("%s\n", err_name(ret));
	if (!ret && !nova)
		printf("error: nova_open succeeded without a device\n");
	if (ret && nova)
		printf("error: nova_open failed but wrote its output\n");
	nova_close(nova);
	return 0;
}

/* ---- api ------------------------------------------------------------ */

static void test_api(const char *node, bool have_vram, uint64_t vram)
{
	struct nova *nova = NULL, *other = NULL, *dummy = (struct nova *)SENTINEL64;
	uint64_t v, size, aligned;
	uint32_t h, h2, h3;
	int ret;

	/* open, fd */
	expect_ret(nova_open(NULL, &nova), -EINVAL, "nova_open(NULL path) -> -EINVAL");
	expect_ret(nova_open(node, NULL), -EINVAL, "nova_open(NULL out) -> -EINVAL");
	ret = nova_open(node, &nova);
	if (!expect_ret(ret, 0, "nova_open(%s)", node))
		return;
	result(nova_fd(nova) >= 0 && fcntl(nova_fd(nova), F_GETFD) == FD_CLOEXEC,
	       "nova_fd() is an open close-on-exec descriptor");
	expect_ret(nova_fd(NULL), -EINVAL, "nova_fd(NULL) -> -EINVAL");
	dummy = (struct nova *)SENTINEL64;
	expect_ret(nova_open("/nonexistent/renderD999", &dummy), -ENOENT,
		   "nova_open(no such node) -> -ENOENT");
	result(dummy == (struct nova *)SENTINEL64, "nova_open leaves *out alone on failure");
	expect_ret(nova_open("/dev/null", &dummy), -ENOTTY,
		   "nova_open(/dev/null, not DRM) -> -ENOTTY");

	/* getparam */
	v = SENTINEL64;
	if (expect_ret(nova_getparam(nova, NOVA_PARAM_VRAM_BAR_SIZE, &v), 0,
		       "nova_getparam(VRAM_BAR_SIZE)")) {
		if (have_vram)
			expect_u64(v, vram, "VRAM BAR size is %" PRIu64, vram);
		else
			result(v != SENTINEL64, "VRAM BAR size written (%" PRIu64 ")", v);
	}
	v = SENTINEL64;
	expect_ret(nova_getparam(nova, 0, &v), -EINVAL, "nova_getparam(0) -> -EINVAL");
	expect_ret(nova_getparam(nova, 2, &v), -EINVAL, "nova_getparam(2) -> -EINVAL");
	expect_ret(nova_getparam(nova, 0x100000001ULL, &v), -EINVAL,
		   "nova_getparam(0x100000001: all 64 bits compared) -> -EINVAL");
	expect_ret(nova_getparam(nova, UINT64_MAX, &v), -EINVAL,
		   "nova_getparam(~0) -> -EINVAL");
	expect_u64(v, SENTINEL64, "failed nova_getparam leaves *value alone");
	expect_ret(nova_getparam(nova, NOVA_PARAM_VRAM_BAR_SIZE, NULL), -EINVAL,
		   "nova_getparam(NULL value) -> -EINVAL");
	expect_ret(nova_getparam(NULL, NOVA_PARAM_VRAM_BAR_SIZE, &v), -EINVAL,
		   "nova_getparam(NULL device) -> -EINVAL");

	/* gem_create */
	h = SENTINEL32;
	aligned = SENTINEL64;
	if (expect_ret(nova_gem_create(nova, 1, &h, &aligned), 0, "nova_gem_create(1 byte)")) {
		result(h != 0 && h != SENTINEL32, "it has a handle (%u)", h);
		expect_u64(aligned, PAGE, "aligned size of 1 byte is a page");
		size = SENTINEL64;
		expect_ret(nova_gem_info(nova, h, &size), 0, "nova_gem_info of it");
		expect_u64(size, PAGE, "nova_gem_info agrees: a page");
	}
	{
		static const uint64_t sizes[] = { PAGE, PAGE + 1, 3 * PAGE - 1, 1ULL << 30, TIB };
		size_t i;

		for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			uint64_t want = (sizes[i] + PAGE - 1) / PAGE * PAGE;

			aligned = SENTINEL64;
			if (!expect_ret(nova_gem_create(nova, sizes[i], &h2, &aligned), 0,
					"nova_gem_create(%" PRIu64 ")", sizes[i]))
				continue;
			expect_u64(aligned, want, "aligned size of %" PRIu64, sizes[i]);
			size = SENTINEL64;
			nova_gem_info(nova, h2, &size);
			expect_u64(size, want, "nova_gem_info of %" PRIu64 " agrees", sizes[i]);
			expect_ret(nova_gem_close(nova, h2), 0, "nova_gem_close of it");
		}
	}
	expect_ret(nova_gem_create(nova, PAGE, &h2, NULL), 0,
		   "nova_gem_create without aligned_size");
	nova_gem_close(nova, h2);
	h2 = SENTINEL32;
	aligned = SENTINEL64;
	expect_ret(nova_gem_create(nova, 0, &h2, &aligned), -EINVAL,
		   "nova_gem_create(0) -> -EINVAL");
	expect_ret(nova_gem_create(nova, TIB + 1, &h2, &aligned), -E2BIG,
		   "nova_gem_create(1 TiB + 1) -> -E2BIG");
	expect_ret(nova_gem_create(nova, UINT64_MAX, &h2, &aligned), -E2BIG,
		   "nova_gem_create(2^64 - 1, overflows when rounded) -> -E2BIG");
	expect_ret(nova_gem_create(nova, 1ULL << 63, &h2, &aligned), -E2BIG,
		   "nova_gem_create(2^63) -> -E2BIG");
	result(h2 == SENTINEL32 && aligned == SENTINEL64,
	       "failed nova_gem_create leaves *handle and *aligned_size alone");
	expect_ret(nova_gem_create(nova, PAGE, NULL, &aligned), -EINVAL,
		   "nova_gem_create(NULL handle) -> -EINVAL");
	expect_ret(nova_gem_create(NULL, PAGE, &h2, &aligned), -EINVAL,
		   "nova_gem_create(NULL device) -> -EINVAL");

	/* gem_info, gem_close */
	size = SENTINEL64;
	expect_ret(nova_gem_info(nova, 0, &size), -ENOENT, "nova_gem_info(handle 0) -> -ENOENT");
	expect_ret(nova_gem_info(nova, NEVER_HANDLE, &size), -ENOENT,
		   "nova_gem_info(never created) -> -ENOENT");
	expect_u64(size, SENTINEL64, "failed nova_gem_info leaves *size alone");
	expect_ret(nova_gem_info(nova, h, NULL), -EINVAL, "nova_gem_info(NULL size) -> -EINVAL");
	expect_ret(nova_gem_info(NULL, h, &size), -EINVAL, "nova_gem_info(NULL device) -> -EINVAL");
	expect_ret(nova_gem_close(NULL, h), -EINVAL, "nova_gem_close(NULL device) -> -EINVAL");
	expect_ret(nova_gem_close(nova, 0), -ENOENT, "nova_gem_close(handle 0) -> -ENOENT");
	expect_ret(nova_gem_close(nova, NEVER_HANDLE), -ENOENT,
		   "nova_gem_close(never created) -> -ENOENT");
	expect_ret(nova_gem_close(nova, h), 0, "nova_gem_close(live handle)");
	expect_ret(nova_gem_info(nova, h, &size), -ENOENT,
		   "nova_gem_info(closed handle) -> -ENOENT");
	expect_ret(nova_gem_close(nova, h), -ENOENT, "nova_gem_close(closed handle) -> -ENOENT");

	/* Handles belong to one open file. */
	if (expect_ret(nova_open(node, &other), 0, "a second nova_open of %s", node)) {
		expect_ret(nova_gem_create(nova, PAGE, &h3, NULL), 0, "an object in the first");
		expect_ret(nova_gem_info(other, h3, &size), -ENOENT,
			   "nova_gem_info of it in the second -> -ENOENT");
		expect_ret(nova_gem_close(other, h3), -ENOENT,
			   "nova_gem_close of it in the second -> -ENOENT");
		expect_ret(nova_gem_info(nova, h3, &size), 0, "it lives on in the first");
		nova_close(other);
		result(true, "nova_close of the second");
	}
	/* nova_close with objects open closes them. */
	expect_ret(nova_gem_create(nova, PAGE, &h3, NULL), 0, "one more object");
	nova_close(nova);
	result(true, "nova_close with objects open");
	nova_close(NULL);
	result(true, "nova_close(NULL)");
}

/* ---- unplug --------------------------------------------------------- */

static void test_unplug(const char *node, const char *fifo)
{
	struct nova_device_info **list;
	struct nova *a = NULL, *b = NULL, *c_nova;
	uint32_t ha = 0, hb = 0, h;
	uint64_t v, size;
	size_t count, i;
	bool listed;
	char c;
	int ff, fd;

	if (!expect_ret(nova_open(node, &a), 0, "unplug: nova_open(%s)", node) ||
	    !expect_ret(nova_open(node, &b), 0, "unplug: nova_open(%s) again", node)) {
		nova_close(a);
		return;
	}
	expect_ret(nova_gem_create(a, PAGE, &ha, NULL), 0, "unplug: an object in the first");
	expect_ret(nova_gem_create(b, PAGE, &hb, NULL), 0, "unplug: an object in the second");
	expect_ret(nova_getparam(a, NOVA_PARAM_VRAM_BAR_SIZE, &v), 0, "unplug: getparam before");

	diag("unplug: waiting for a line on %s", fifo);
	fflush(stdout);
	ff = open(fifo, O_RDONLY | O_CLOEXEC);
	if (!result(ff >= 0, "unplug: open the FIFO %s", fifo)) {
		diag("open: %s", strerror(errno));
		goto out;
	}
	while (read(ff, &c, 1) == 1 && c != '\n')
		;
	close(ff);
	diag("unplug: resumed");

	v = SENTINEL64;
	expect_ret(nova_getparam(a, NOVA_PARAM_VRAM_BAR_SIZE, &v), -ENODEV,
		   "unplug: nova_getparam -> -ENODEV");
	expect_ret(nova_getparam(b, NOVA_PARAM_VRAM_BAR_SIZE, &v), -ENODEV,
		   "unplug: nova_getparam on the second -> -ENODEV");
	expect_u64(v, SENTINEL64, "unplug: *value left alone");
	h = SENTINEL32;
	expect_ret(nova_gem_create(a, PAGE, &h, NULL), -ENODEV, "unplug: nova_gem_create -> -ENODEV");
	result(h == SENTINEL32, "unplug: *handle left alone");
	size = SENTINEL64;
	expect_ret(nova_gem_info(a, ha, &size), -ENODEV,
		   "unplug: nova_gem_info of a live handle -> -ENODEV");
	expect_u64(size, SENTINEL64, "unplug: *size left alone");
	expect_ret(nova_gem_info(a, NEVER_HANDLE, &size), -ENODEV,
		   "unplug: nova_gem_info of an unknown handle -> -ENODEV");
	expect_ret(nova_gem_close(a, ha), -ENODEV, "unplug: nova_gem_close -> -ENODEV");
	expect_ret(nova_gem_close(b, hb), -ENODEV, "unplug: nova_gem_close on the second -> -ENODEV");
	expect_str(nova_strerror(-ENODEV), "the GPU is gone (unplugged)",
		   "unplug: nova_strerror(-ENODEV)");

	listed = false;
	if (expect_ret(nova_device_list(&list, &count), 0, "unplug: nova_device_list")) {
		for (i = 0; i < count; i++)
			if (list[i]->render_node && strcmp(list[i]->render_node, node) == 0)
				listed = true;
		nova_device_list_free(list);
	}
	result(!listed, "unplug: %s is no longer listed", node);
	c_nova = NULL;
	expect_ret(nova_open(node, &c_nova), -ENOENT, "unplug: nova_open(%s) -> -ENOENT", node);
	nova_close(c_nova);

out:
	fd = nova_fd(a);
	nova_close(a);
	result(fcntl(fd, F_GETFD) < 0 && errno == EBADF,
	       "unplug: nova_close closes the file");
	nova_close(b);
	result(true, "unplug: nova_close of the second");
}

/* ---- strerror, version ---------------------------------------------- */

static void test_strerror(void)
{
	static const struct {
		int err;
		const char *msg;
	} want[] = {
		{ 0, "success" },
		{ -ENODEV, "the GPU is gone (unplugged)" },
		{ -E2BIG, "object too large (over 1 TiB)" },
		{ -ENOENT, "no such object in this file (or, opening, no such device node)" },
		{ -EACCES, "permission denied opening the device (or, on a primary node, not authenticated)" },
		{ -EINVAL, "invalid argument (unknown parameter, size 0, or a NULL pointer)" },
		{ -ENOMEM, "out of memory (or over the memory cgroup's limit)" },
		{ -ENOTTY, "not a nova device" },
		{ ENODEV, "the GPU is gone (unplugged)" },
		{ -EIO, "Input/output error" },
		{ -EBUSY, "Device or resource busy" },
		{ -4000, "unknown error" },
		{ INT_MIN, "unknown error" },
		{ INT_MAX, "unknown error" },
	};
	size_t i;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		expect_str(nova_strerror(want[i].err), want[i].msg, "nova_strerror(%d)", want[i].err);
}

static void test_version(void)
{
	unsigned int major = 99, minor = 99, micro = 99;
	char buf[64];
	const char *v = nova_lib_version(&major, &minor, &micro);

	snprintf(buf, sizeof(buf), "%d.%d.%d", NOVA_LIB_VERSION_MAJOR, NOVA_LIB_VERSION_MINOR,
		 NOVA_LIB_VERSION_MICRO);
	expect_str(v, buf, "nova_lib_version() is the header's version");
	expect_str(v, "0.2.0", "the version is 0.2.0");
	result(major == NOVA_LIB_VERSION_MAJOR && minor == NOVA_LIB_VERSION_MINOR &&
	       micro == NOVA_LIB_VERSION_MICRO, "nova_lib_version() writes the numbers");
	expect_u64(NOVA_LIB_VERSION, 0x000200, "NOVA_LIB_VERSION is 0x000200");
	expect_str(nova_lib_version(NULL, NULL, NULL), buf, "nova_lib_version(NULL, NULL, NULL)");
}

/* ---- main ----------------------------------------------------------- */

static void usage(void)
{
	fprintf(stderr,
		"usage: libnova-test list | open PATH | api --node PATH [--vram BYTES] |\n"
		"                    unplug --node PATH --fifo FIFO | strerror | version\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *node = NULL, *fifo = NULL, *cmd;
	bool have_vram = false;
	uint64_t vram = 0;
	int a;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		usage();
	cmd = argv[1];
	if (!strcmp(cmd, "list") && argc == 2)
		return cmd_list();
	if (!strcmp(cmd, "open") && argc == 3)
		return cmd_open(argv[2]);
	for (a = 2; a < argc; a += 2) {
		char *end;

		if (a + 1 >= argc)
			usage();
		if (!strcmp(argv[a], "--node")) {
			node = argv[a + 1];
		} else if (!strcmp(argv[a], "--fifo")) {
			fifo = argv[a + 1];
		} else if (!strcmp(argv[a], "--vram")) {
			errno = 0;
			vram = strtoull(argv[a + 1], &end, 0);
			if (errno || *end || end == argv[a + 1])
				usage();
			have_vram = true;
		} else {
			usage();
		}
	}

	printf("KTAP version 1\n");
	if (!strcmp(cmd, "api") && node)
		test_api(node, have_vram, vram);
	else if (!strcmp(cmd, "unplug") && node && fifo)
		test_unplug(node, fifo);
	else if (!strcmp(cmd, "strerror") && argc == 2)
		test_strerror();
	else if (!strcmp(cmd, "version") && argc == 2)
		test_version();
	else
		usage();
	printf("1..%u\n", n_tests);
	return n_failed ? 1 : 0;
}
