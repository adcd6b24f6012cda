/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KTAP output for the guest test programs (the C files of tests/vm/src): one
 * "ok N"/"not ok N" line per check, "# " diagnostics, and the counters the
 * program ends with (its exit status is n_failed != 0, its last line the
 * plan "1..n_tests"). Included once by each program.
 */
#ifndef NOVA_TEST_KTAP_H
#define NOVA_TEST_KTAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* printf-like; and a program need not use every helper of this header. */
#define PRINTF(a, b) __attribute__((format(printf, a, b), unused))

static unsigned int n_tests, n_failed;

/* Prints a diagnostic, each of its lines as a "# " line. */
PRINTF(1, 2) static void diag(const char *fmt, ...)
{
	char buf[4096];
	va_list ap;
	char *line, *save = NULL;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		printf("# %s\n", line);
}

static bool vresult(bool pass, const char *fmt, va_list ap)
{
	char desc[512];

	vsnprintf(desc, sizeof(desc), fmt, ap);
	n_tests++;
	if (!pass)
		n_failed++;
	printf("%s %u %s\n", pass ? "ok" : "not ok", n_tests, desc);
	return pass;
}

/* One test result; the caller prints diagnostics after a failure. */
PRINTF(2, 3) static bool result(bool pass, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vresult(pass, fmt, ap);
	va_end(ap);
	return r;
}

PRINTF(3, 4) static bool expect_u64(uint64_t got, uint64_t want, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vresult(got == want, fmt, ap);
	va_end(ap);
	if (!r)
		diag("expected: %" PRIu64 " (0x%" PRIx64 ")\ngot:      %" PRIu64 " (0x%" PRIx64 ")",
		     want, want, got, got);
	return r;
}

PRINTF(3, 4) static bool expect_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	bool r;

	va_start(ap, fmt);
	r = vresult(got && strcmp(got, want) == 0, fmt, ap);
	va_end(ap);
	if (!r)
		diag("expected: \"%s\"\ngot:      %s%s%s", want, got ? "\"" : "",
		     got ? got : "(null)", got ? "\"" : "");
	return r;
}

#endif /* NOVA_TEST_KTAP_H */
