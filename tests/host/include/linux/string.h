/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <linux/string.h>: libc's, and memchr_inv(). */
#ifndef __HOST_LINUX_STRING_H__
#define __HOST_LINUX_STRING_H__
#include <stddef.h>
#include <string.h>

/* The first byte of @n at @p that is not @c, or NULL. */
static inline void *memchr_inv(const void *p, int c, size_t n)
{
	const unsigned char *b = p;

	for (; n; n--, b++)
		if (*b != (unsigned char)c)
			return (void *)b;
	return NULL;
}
#endif
