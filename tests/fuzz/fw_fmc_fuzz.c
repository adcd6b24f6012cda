// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's fmc firmware file parser (ELF32, of
 * Hopper and Blackwell): any input must be parsed or refused with a known
 * errno and a reason, never read out of bounds, and a success must point
 * inside the input, each blob as long as the FSP sizes say. Each input is
 * parsed with GH100's sizes and with Blackwell's, since a file of one
 * family must get as far as the sizes with either.
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

static void check(const uint8_t *data, size_t size, const struct nova_fw_fmc_cot *cot)
{
	struct nova_fw_fmc f;
	int ret = nova_fw_fmc_parse(data, size, cot, &f);

	if (ret) {
		if ((ret != -EINVAL && ret != -EOVERFLOW && ret != -ENOEXEC &&
		     ret != -ENODATA && ret != -EBADMSG) || !f.why[0])
			abort();
		/* A refusal leaves nothing to use by mistake. */
		if (f.image || f.image_len || f.hash || f.pkey || f.sig)
			abort();
		return;
	}
	if (f.why[0] || !f.image_len || f.image != data + f.image_offset ||
	    !inside(data, size, f.image, f.image_len))
		abort();
	if (!inside(data, size, f.hash, cot->hash) || !inside(data, size, f.pkey, cot->pkey) ||
	    !inside(data, size, f.sig, cot->sig))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check(data, size, &nova_fw_fmc_cot_gh100);
	check(data, size, &nova_fw_fmc_cot_gb100);
	return 0;
}
