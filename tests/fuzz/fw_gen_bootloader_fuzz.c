// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's generic bootloader firmware file parser
 * (BinHdr + BootloaderDesc): any input must be parsed or refused with a
 * known errno and a reason, never read out of bounds, and a success must
 * point inside the input with its code inside the payload, small enough to
 * load below 64 KiB, and a start tag inside the first 64 KiB.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../drivers/gpu/nova-core/firmware/fw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nova_fw_gen_bootloader gb;
	int ret = nova_fw_gen_bootloader_parse(data, size, &gb);

	if (ret) {
		if ((ret != -EINVAL && ret != -EOVERFLOW && ret != -ENOEXEC) || !gb.why[0])
			abort();
		return 0;
	}
	if (gb.why[0] || gb.bin.bin_magic != NOVA_FW_BIN_MAGIC || !gb.bin.data_size ||
	    (uint64_t)gb.bin.data_offset + gb.bin.data_size > size ||
	    (uint64_t)gb.bin.header_offset + NOVA_FW_GEN_BL_DESC_LEN > size ||
	    gb.code != data + gb.bin.data_offset || gb.code_len != gb.code_size ||
	    !gb.code_size || gb.code_size > NOVA_FW_GEN_BL_MAX_CODE ||
	    gb.code_size > gb.bin.data_size ||
	    (uint64_t)gb.bin.data_offset + gb.code_len > size ||
	    gb.start_tag > NOVA_FW_GEN_BL_MAX_TAG)
		abort();
	return 0;
}
