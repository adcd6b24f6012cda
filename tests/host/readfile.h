/* SPDX-License-Identifier: GPL-2.0 */
/* Reading a whole file, for the host tests. */
#ifndef NOVA_HOST_READFILE_H
#define NOVA_HOST_READFILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The whole of @path (malloc'ed), its size in *@len; NULL if unreadable or empty. */
static uint8_t *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *d = NULL;
	long n;

	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) > 0 && !fseek(f, 0, SEEK_SET)) {
		d = malloc(n);
		if (d && fread(d, 1, n, f) != (size_t)n) {
			free(d);
			d = NULL;
		}
		*len = n;
	}
	fclose(f);
	return d;
}

#endif
