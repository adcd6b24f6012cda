// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the seed corpus of gsp_seq_fuzz into DIR: a script that uses
 * every sequencer opcode (as a boot's would: register writes, a modify, a
 * poll that succeeds and one with the default timeout, a delay, stores,
 * the four core operations), the same with each callback failing in turn,
 * and one script for each way a script is refused.
 *
 *   gsp_seq_seed DIR
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gsp_seq_fuzz.h"

static int write_seed(const char *dir, const char *name, uint8_t fail_at,
		      uint8_t end_mode, uint32_t end, const uint32_t *w,
		      size_t n)
{
	uint8_t hdr[SEQ_FUZZ_HDR] = { 0 };
	char path[4096];
	FILE *f;
	size_t i;

	hdr[SEQ_FUZZ_FAIL_AT] = fail_at;
	hdr[SEQ_FUZZ_END_MODE] = end_mode;
	for (i = 0; i < 4; i++)
		hdr[SEQ_FUZZ_END + i] = end >> (8 * i);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f) {
		perror(path);
		return 1;
	}
	fwrite(hdr, 1, sizeof(hdr), f);
	for (i = 0; i < n; i++) {
		uint8_t b[4] = { w[i], w[i] >> 8, w[i] >> 16, w[i] >> 24 };

		fwrite(b, 1, 4, f);
	}
	return fclose(f) ? 1 : 0;
}

int main(int argc, char **argv)
{
	/* Opcodes: NVIDIA's GSP_SEQ_BUF_OPCODE_* of r570.144. */
	static const uint32_t good[] = {
		0, 0x110040, 0x1,			/* REG_WRITE */
		1, 0x110040, 0xff00, 0x1200,		/* REG_MODIFY */
		2, 0x110040, 0x1, 0x1, 1000, 0,		/* REG_POLL, met */
		2, 0x110044, 0, 0, 0, 0,		/* REG_POLL, default timeout */
		3, 10,					/* DELAY_US */
		4, 0x110040, 0,				/* REG_STORE slot 0 */
		4, 0x110044, 7,				/* REG_STORE slot 7 */
		5, 6, 7, 8,				/* the core operations */
	};
	const size_t n = sizeof(good) / sizeof(good[0]);
	static const uint32_t unknown[] = { 9 };
	static const uint32_t short_poll[] = { 2, 0x110040, 1, 1 };
	static const uint32_t long_poll[] = { 2, 0x110040, 1, 1, 10000001, 0 };
	static const uint32_t long_delay[] = { 3, 1000001 };
	static const uint32_t bad_slot[] = { 4, 0x110040, 8 };
	char name[64];
	int ret = 0, i;

	if (argc != 2) {
		fprintf(stderr, "usage: gsp_seq_seed DIR\n");
		return 2;
	}
	ret |= write_seed(argv[1], "good", 0, 0, 0, good, n);
	for (i = 1; i <= 12; i++) {
		snprintf(name, sizeof(name), "good-fail-%d", i);
		ret |= write_seed(argv[1], name, i, 0, 0, good, n);
	}
	ret |= write_seed(argv[1], "empty", 0, 0, 0, good, 0);
	ret |= write_seed(argv[1], "end-within", 0, 2, 7, good, n);
	ret |= write_seed(argv[1], "end-past", 0, 3, n + 1, good, n);
	ret |= write_seed(argv[1], "unknown-opcode", 0, 0, 0, unknown, 1);
	ret |= write_seed(argv[1], "payload-past-end", 0, 0, 0, short_poll, 4);
	ret |= write_seed(argv[1], "poll-too-long", 0, 0, 0, long_poll, 6);
	ret |= write_seed(argv[1], "delay-too-long", 0, 0, 0, long_delay, 2);
	ret |= write_seed(argv[1], "bad-slot", 0, 0, 0, bad_slot, 3);
	return ret;
}
