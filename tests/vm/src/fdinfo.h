/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fdinfo.h: what the guest test programs read of a DRM file's fdinfo.
 */
#ifndef NOVA_TEST_FDINFO_H
#define NOVA_TEST_FDINFO_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* drm-total-memory of FD's fdinfo, in KiB; -1 if it cannot be read. */
static inline long fdinfo_total(int fd)
{
	char path[64], buf[1024];
	const char *p;
	ssize_t n;
	int f;

	snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	f = open(path, O_RDONLY | O_CLOEXEC);
	if (f < 0)
		return -1;
	n = read(f, buf, sizeof(buf) - 1);
	close(f);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	p = strstr(buf, "drm-total-memory:");
	return p ? strtol(p + strlen("drm-total-memory:"), NULL, 10) : -1;
}

#endif
