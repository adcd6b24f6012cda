/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KTAP output for the host tests: result() numbers and prints each test,
 * diag() a diagnostic line; the caller prints the plan ("1..tests") and
 * exits non-zero if failed is not 0. Include once per program.
 */
#ifndef NOVA_HOST_KTAP_H
#define NOVA_HOST_KTAP_H

#include <stdarg.h>
#include <stdio.h>

static unsigned int tests, failed;

static void __attribute__((format(printf, 2, 3))) result(int ok, const char *fmt, ...)
{
	va_list ap;

	tests++;
	if (!ok)
		failed++;
	printf("%s %u ", ok ? "ok" : "not ok", tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

#define diag(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); } while (0)

#endif
