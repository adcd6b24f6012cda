// SPDX-License-Identifier: MIT
/*
 * libnova-tour: the demo's short tour of the nova UAPI through libnova,
 * told in words a newcomer can follow. Run in the demo VM by
 * tests/vm/demo.sh; also a small example of using libnova.
 *
 *   libnova-tour [/dev/dri/renderDN]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libnova.h>

static void show_fdinfo(struct nova *nova)
{
	char path[64], line[256];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", nova_fd(nova));
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "drm-", 4))
			printf("      %s", line);
	fclose(f);
}

static int fail(const char *what, int err)
{
	printf("   %s failed: %s\n", what, nova_strerror(err));
	return 1;
}

int main(int argc, char **argv)
{
	static const uint64_t sizes[] = { 1, 4096, 3 * 1024 * 1024 + 1 };
	struct nova_device_info **list = NULL;
	const char *node = argc > 1 ? argv[1] : NULL;
	uint32_t handles[3];
	struct nova *nova;
	uint64_t value, size;
	size_t count, i;
	int err;

	if (!node) {
		err = nova_device_list(&list, &count);
		if (err || !count)
			return fail("finding a nova device", err ? err : -ENODEV);
		node = list[0]->render_node;
	}

	printf("a) Open the render node %s (any user allowed on it can):\n", node);
	err = nova_open(node, &nova);
	if (err)
		return fail("nova_open", err);
	printf("   opened; this open file is one DRM client.\n");

	printf("b) Ask the driver for the size of the VRAM BAR (GETPARAM):\n");
	err = nova_getparam(nova, NOVA_PARAM_VRAM_BAR_SIZE, &value);
	if (err)
		return fail("GETPARAM", err);
	printf("   %" PRIu64 " bytes (%" PRIu64 " MiB)\n", value, value >> 20);

	printf("c) Create three GEM objects (GEM_CREATE); sizes are rounded up to pages:\n");
	for (i = 0; i < 3; i++) {
		err = nova_gem_create(nova, sizes[i], &handles[i], &size);
		if (err)
			return fail("GEM_CREATE", err);
		printf("   asked for %8" PRIu64 " bytes -> handle %u, %8" PRIu64 " bytes\n",
		       sizes[i], handles[i], size);
	}

	printf("d) Query one back (GEM_INFO):\n");
	err = nova_gem_info(nova, handles[2], &size);
	if (err)
		return fail("GEM_INFO", err);
	printf("   handle %u is %" PRIu64 " bytes\n", handles[2], size);

	printf("e) What the kernel says about this client (/proc/self/fdinfo):\n");
	show_fdinfo(nova);

	printf("f) Mistakes get precise errors:\n");
	err = nova_gem_create(nova, 0, &handles[0], NULL);
	printf("   a zero-sized object:       %s\n", nova_strerror(err));
	err = nova_gem_create(nova, NOVA_GEM_MAX_SIZE + 1, &handles[0], NULL);
	printf("   an object over 1 TiB:      %s\n", nova_strerror(err));
	err = nova_gem_info(nova, 12345, &size);
	printf("   a handle that is not ours: %s\n", nova_strerror(err));
	err = nova_getparam(nova, 99, &value);
	printf("   an unknown parameter:      %s\n", nova_strerror(err));

	printf("g) Close one object (GEM_CLOSE), then the file, which frees the rest:\n");
	err = nova_gem_close(nova, handles[0]);
	if (err)
		return fail("GEM_CLOSE", err);
	show_fdinfo(nova);
	nova_close(nova);
	printf("   closed.\n");

	nova_device_list_free(list);
	return 0;
}
