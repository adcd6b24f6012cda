// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's bootloader firmware file parser
 * (BinHdr + RM_RISCV_UCODE_DESC): any input must be parsed or refused with
 * a known errno and a reason, never read out of bounds, and a success must
 * point inside the input with its regions inside the payload.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../drivers/gpu/nova-core/firmware/fw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int region_ok(uint32_t off, uint32_t n, uint32_t payload)
{
	return off < payload && (uint64_t)off + n <= payload;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nova_fw_bootloader b;
	int ret = nova_fw_bootloader_parse(data, size, &b);

	if (ret) {
		if ((ret != -EINVAL && ret != -EOVERFLOW && ret != -ENOEXEC) || !b.why[0])
			abort();
		return 0;
	}
	if (b.why[0] || b.bin.bin_magic != NOVA_FW_BIN_MAGIC ||
	    b.ucode != data + b.bin.data_offset || b.ucode_len != b.bin.data_size ||
	    (uint64_t)b.bin.data_offset + b.ucode_len > size ||
	    (uint64_t)b.bin.header_offset + NOVA_FW_RISCV_DESC_LEN > size ||
	    !region_ok(b.monitor_code_offset, b.monitor_code_size, b.ucode_len) ||
	    !region_ok(b.monitor_data_offset, b.monitor_data_size, b.ucode_len) ||
	    !region_ok(b.manifest_offset, b.manifest_size, b.ucode_len))
		abort();
	return 0;
}
