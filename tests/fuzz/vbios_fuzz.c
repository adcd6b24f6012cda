// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's VBIOS parser: any input must be parsed
 * or refused with a known errno and a reason, never read out of bounds, and
 * a success must point inside the input.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../drivers/gpu/nova-core/vbios/vbios.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nova_vbios v;
	int ret = nova_vbios_parse(data, size, &v);

	if (ret) {
		if ((ret != -EINVAL && ret != -ENOENT && ret != -EOVERFLOW &&
		     ret != -EOPNOTSUPP) || !v.why[0])
			abort();
		return 0;
	}
	if (v.ucode != data + v.ucode_offset ||
	    (size_t)v.ucode_offset + v.ucode_len > size ||
	    (size_t)v.sigs_offset + v.sigs_len > size ||
	    v.desc_offset >= size || v.num_images > NOVA_VBIOS_MAX_IMAGES)
		abort();
	return 0;
}
