// SPDX-License-Identifier: MIT
/*
 * nova-info: lists the nova devices (NVIDIA GPUs driven by nova.ko) with
 * their nodes, bus address, chipset, architecture, revision, the name and
 * VRAM GSP-RM reports, VRAM BAR size and driver version, as text or JSON.
 * See nova-info.1.
 *
 * Exit status: 0 devices listed; 1 other error; 2 no nova device; 3 no
 * permission to open a device node (what could be read is still listed).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libnova.h>

#define STR_(x)	#x
#define STR(x)	STR_(x)
#define NOVA_INFO_VERSION \
	STR(NOVA_LIB_VERSION_MAJOR) "." STR(NOVA_LIB_VERSION_MINOR) "." STR(NOVA_LIB_VERSION_MICRO)

enum {
	EXIT_OTHER = 1,
	EXIT_NO_DEVICE = 2,
	EXIT_NO_PERMISSION = 3,
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: nova-info [--json]\n"
		"List the nova devices (NVIDIA GPUs driven by nova.ko): their DRM nodes,\n"
		"bus address, chipset, architecture, revision, GPU name and VRAM (from\n"
		"GSP-RM), VRAM BAR size and driver.\n"
		"\n"
		"  -j, --json      print a JSON document\n"
		"  -h, --help      print this help and exit\n"
		"  -V, --version   print the version and exit\n"
		"\n"
		"Exit status: 0 devices listed, 1 other error, 2 no nova device,\n"
		"3 no permission to open a device node.\n");
}

static const char *bus_name(enum nova_bus bus)
{
	switch (bus) {
	case NOVA_BUS_PCI:
		return "pci";
	case NOVA_BUS_EMULATED:
		return "emulated";
	default:
		return "unknown";
	}
}

/* "1 GiB", "256 MiB", "1.5 GiB", "512 bytes". */
static void human_size(uint64_t v, char *buf, size_t size)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	int u = -1;

	while (u < 5 && v >= (UINT64_C(1024) << (10 * (u + 1))))
		u++;
	if (u < 0)
		snprintf(buf, size, "%" PRIu64 " byte%s", v, v == 1 ? "" : "s");
	else if (v % (UINT64_C(1024) << (10 * u)) == 0)
		snprintf(buf, size, "%" PRIu64 " %s", v >> (10 * (u + 1)), units[u]);
	else
		snprintf(buf, size, "%.1f %s", (double)v / (double)(UINT64_C(1024) << (10 * u)),
			 units[u]);
}

/* Why the driver could not be queried: "permission denied", strerror(). */
static const char *driver_error(int err)
{
	if (err == -EACCES || err == -EPERM)
		return "permission denied";
	return strerror(-err);
}

/* Why the facts are not known. */
static const char *facts_error(int err)
{
	if (err == -ENOENT)
		return "not exposed by this nova_core";
	return strerror(-err);
}

static const char *or_unknown(const char *s)
{
	return s ? s : "unknown";
}

static void print_text(struct nova_device_info **list, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++) {
		const struct nova_device_info *d = list[i];
		char size[32];

		if (i)
			printf("\n");
		printf("nova device %zu\n", i);
		printf("  render node:   %s\n", or_unknown(d->render_node));
		printf("  primary node:  %s\n", or_unknown(d->primary_node));
		if (d->bus == NOVA_BUS_PCI)
			printf("  bus:           PCI %s\n", d->bus_id);
		else if (d->bus == NOVA_BUS_EMULATED)
			printf("  bus:           emulated (%s)\n", d->bus_id);
		else
			printf("  bus:           unknown (%s)\n", d->bus_id);
		printf("  sysfs:         %s\n", d->sysfs_path);
		printf("  chipset:       %s\n", or_unknown(d->chipset));
		printf("  architecture:  %s\n", or_unknown(d->architecture));
		printf("  revision:      %s\n", or_unknown(d->revision));
		if (d->gpu_name) {
			printf("  GPU name:      %s\n", d->gpu_name);
			human_size(d->vram_size, size, sizeof(size));
			printf("  VRAM:          %s (%" PRIu64 " bytes)\n", size, d->vram_size);
		} else {
			printf("  GPU name:      unknown (GSP-RM not running)\n");
			printf("  VRAM:          unknown (GSP-RM not running)\n");
		}
		if (d->facts_error) {
			printf("  VRAM BAR:      unknown (%s)\n", facts_error(d->facts_error));
		} else {
			human_size(d->vram_bar_size, size, sizeof(size));
			printf("  VRAM BAR:      %s (%" PRIu64 " bytes)\n", size, d->vram_bar_size);
		}
		if (d->driver_error)
			printf("  driver:        unknown (%s)\n", driver_error(d->driver_error));
		else
			printf("  driver:        %s %d.%d.%d (%s, %s)\n", d->driver_name,
			       d->driver_major, d->driver_minor, d->driver_patchlevel,
			       d->driver_date, d->driver_desc);
	}
}

/* A JSON string: quoted, with ", \ and control characters escaped. */
static void json_str(const char *s)
{
	const unsigned char *p;

	if (!s) {
		printf("null");
		return;
	}
	putchar('"');
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", stdout);
			break;
		case '\\':
			fputs("\\\\", stdout);
			break;
		case '\b':
			fputs("\\b", stdout);
			break;
		case '\f':
			fputs("\\f", stdout);
			break;
		case '\n':
			fputs("\\n", stdout);
			break;
		case '\r':
			fputs("\\r", stdout);
			break;
		case '\t':
			fputs("\\t", stdout);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				printf("\\u%04x", *p);
			else
				putchar(*p);
		}
	}
	putchar('"');
}

/* "key": "string" (or null), with a comma and newline unless last. */
static void json_field(const char *indent, const char *key, const char *val, bool last)
{
	printf("%s\"%s\": ", indent, key);
	json_str(val);
	printf("%s\n", last ? "" : ",");
}

static void print_json(struct nova_device_info **list, size_t count)
{
	const char *in = "      ";
	size_t i;

	printf("{\n");
	printf("  \"nova_info_version\": \"%s\",\n", NOVA_INFO_VERSION);
	printf("  \"libnova_version\": ");
	json_str(nova_lib_version(NULL, NULL, NULL));
	printf(",\n  \"devices\": [");
	for (i = 0; i < count; i++) {
		const struct nova_device_info *d = list[i];

		printf("%s\n    {\n", i ? "," : "");
		json_field(in, "render_node", d->render_node, false);
		json_field(in, "primary_node", d->primary_node, false);
		json_field(in, "bus", bus_name(d->bus), false);
		json_field(in, "bus_id", d->bus_id, false);
		json_field(in, "sysfs_path", d->sysfs_path, false);
		json_field(in, "chipset", d->chipset, false);
		json_field(in, "architecture", d->architecture, false);
		json_field(in, "revision", d->revision, false);
		json_field(in, "gpu_name", d->gpu_name, false);
		if (d->gpu_name)
			printf("%s\"vram_size\": %" PRIu64 ",\n", in, d->vram_size);
		else
			printf("%s\"vram_size\": null,\n", in);
		if (d->facts_error)
			printf("%s\"vram_bar_size\": null,\n", in);
		else
			printf("%s\"vram_bar_size\": %" PRIu64 ",\n", in, d->vram_bar_size);
		json_field(in, "facts_error",
			   d->facts_error ? facts_error(d->facts_error) : NULL, false);
		if (d->driver_error) {
			printf("%s\"driver\": null,\n", in);
			json_field(in, "driver_error", driver_error(d->driver_error), true);
		} else {
			char version[64];

			snprintf(version, sizeof(version), "%d.%d.%d", d->driver_major,
				 d->driver_minor, d->driver_patchlevel);
			printf("%s\"driver\": {\n", in);
			json_field("        ", "name", d->driver_name, false);
			json_field("        ", "version", version, false);
			json_field("        ", "date", d->driver_date, false);
			json_field("        ", "description", d->driver_desc, true);
			printf("%s},\n", in);
			json_field(in, "driver_error", NULL, true);
		}
		printf("    }");
	}
	printf("%s]\n}\n", count ? "\n  " : "");
}

/*
 * One line on stderr naming the nodes whose driver could not be queried
 * for want of permission (@permission) or for any other reason (!@permission);
 * true if there was such a node.
 */
static bool report_nodes(struct nova_device_info **list, size_t count, bool permission)
{
	bool any = false;
	int last = 0;
	size_t i;

	for (i = 0; i < count; i++) {
		int e = list[i]->driver_error;
		bool perm = e == -EACCES || e == -EPERM;

		if (!e || perm != permission)
			continue;
		fprintf(stderr, "%s%s", any ? ", " : (permission ?
			"nova-info: permission denied on " : "nova-info: cannot query "),
			or_unknown(list[i]->render_node));
		any = true;
		last = e;
	}
	if (!any)
		return false;
	if (permission)
		fprintf(stderr, ": cannot open the render node to query the driver"
			" (run as root, or as a user with read-write access to it)\n");
	else
		fprintf(stderr, ": %s\n", driver_error(last));
	return true;
}

int main(int argc, char **argv)
{
	struct nova_device_info **list;
	bool json = false;
	size_t count;
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-j") || !strcmp(argv[i], "--json")) {
			json = true;
		} else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(argv[i], "-V") || !strcmp(argv[i], "--version")) {
			printf("nova-info %s (libnova %s)\n", NOVA_INFO_VERSION,
			       nova_lib_version(NULL, NULL, NULL));
			return 0;
		} else {
			fprintf(stderr, "nova-info: unknown argument '%s'\n", argv[i]);
			usage(stderr);
			return EXIT_OTHER;
		}
	}

	ret = nova_device_list(&list, &count);
	if (ret) {
		fprintf(stderr, "nova-info: cannot list the DRM devices in /sys/class/drm: %s\n",
			nova_strerror(ret));
		return EXIT_OTHER;
	}
	if (json)
		print_json(list, count);
	else
		print_text(list, count);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "nova-info: writing the output: %s\n", strerror(errno));
		nova_device_list_free(list);
		return EXIT_OTHER;
	}

	if (count == 0)
		ret = EXIT_NO_DEVICE;
	else if (report_nodes(list, count, true))
		ret = EXIT_NO_PERMISSION;
	else if (report_nodes(list, count, false))
		ret = EXIT_OTHER;
	else
		ret = 0;
	if (ret == EXIT_NO_DEVICE)
		fprintf(stderr, "nova-info: no nova device found: is nova.ko loaded?\n");
	nova_device_list_free(list);
	return ret;
}
