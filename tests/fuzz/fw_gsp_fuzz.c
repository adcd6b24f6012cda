// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's gsp firmware file parser (ELF64): any
 * input must be parsed or refused with a known errno and a reason, never
 * read out of bounds, and a success must point inside the input. Each
 * input is parsed for a Turing and an Ampere signature section, and for
 * none.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../drivers/gpu/nova-core/firmware/fw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int inside(const uint8_t *data, size_t size, const uint8_t *p, size_t n)
{
	return p >= data && (size_t)(p - data) <= size && n <= size - (size_t)(p - data);
}

static void check(const uint8_t *data, size_t size, const char *sig)
{
	struct nova_fw_gsp g;
	int ret = nova_fw_gsp_parse(data, size, sig, &g);

	if (ret) {
		if ((ret != -EINVAL && ret != -EOVERFLOW && ret != -ENOEXEC &&
		     ret != -ENODATA) || !g.why[0])
			abort();
		return;
	}
	if (g.why[0] || !g.image_len || g.image != data + g.image_offset ||
	    !inside(data, size, g.image, g.image_len))
		abort();
	if (sig ? (!g.sig_len || g.sig != data + g.sig_offset ||
		   !inside(data, size, g.sig, g.sig_len)) : (g.sig || g.sig_len))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check(data, size, ".fwsignature_tu10x");
	check(data, size, ".fwsignature_ga10x");
	check(data, size, NULL);
	return 0;
}
