// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's booter firmware file parser (BinHdr +
 * HsHeaderV2 + HsLoadHeaderV2): any input must be parsed or refused with a
 * known errno and a reason, never read out of bounds, and a success must
 * point inside the input with its regions inside the payload and the
 * patched signature inside the OS data.
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
	struct nova_fw_booter h;
	int ret = nova_fw_booter_parse(data, size, &h);

	if (ret) {
		if ((ret != -EINVAL && ret != -EOVERFLOW && ret != -ENOEXEC) || !h.why[0])
			abort();
		return 0;
	}
	if (h.why[0] || h.bin.bin_magic != NOVA_FW_BIN_MAGIC ||
	    h.ucode != data + h.bin.data_offset || h.ucode_len != h.bin.data_size ||
	    (uint64_t)h.bin.data_offset + h.ucode_len > size ||
	    !h.num_sigs || !h.sig_len || (uint64_t)h.num_sigs * h.sig_len != h.sig_prod_size ||
	    h.sigs != data + h.sigs_offset || h.sigs_offset + h.sig_prod_size > size ||
	    h.engine_id_mask > 0xffff || h.ucode_id > 0xff || !h.num_apps ||
	    (uint64_t)NOVA_FW_HS_LOAD_HDR_LEN + (uint64_t)h.num_apps * NOVA_FW_HS_APP_LEN >
	    h.header_size ||
	    (uint64_t)h.header_offset + h.header_size > size ||
	    !region_ok(h.os_code_offset, h.os_code_size, h.ucode_len) ||
	    !region_ok(h.os_data_offset, h.os_data_size, h.ucode_len) ||
	    !h.app0_size || !region_ok(h.app0_offset, h.app0_size, h.ucode_len) ||
	    h.patch_loc < h.os_data_offset ||
	    (uint64_t)h.patch_loc + h.sig_len > (uint64_t)h.os_data_offset + h.os_data_size)
		abort();
	return 0;
}
