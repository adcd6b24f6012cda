// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the FSP's chain-of-trust messages (fsp/msg.c): any
 * input, taken as the FSP's answer to a COT message, is accepted, refused
 * as malformed with a reason, or reported as the FSP's error, never read
 * past its length; taken as the lengths and bytes of a COT message's
 * parts, it is built within the message with the rest of each field 0, or
 * refused; taken as the answer to a PRC read, it gives the knob's value
 * only if long enough to hold it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../drivers/gpu/nova-core/fsp/msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_response(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	const char *why;
	uint32_t code;
	int ret;

	/* An exact-size copy: ASan sees any read past the answer. */
	memcpy(copy, data, size);
	ret = nova_fsp_response_check(copy, size, NOVA_NVDM_TYPE_COT, &code, &why);
	if (ret == -EPROTO) {
		if (!why || code)
			abort();
	} else if (ret == -EIO) {
		if (why || !code || size < sizeof(struct nova_fsp_response))
			abort();
	} else if (ret || why || code || size < sizeof(struct nova_fsp_response) ||
		   size % 4 || size > NOVA_FSP_EMEM_CHANNEL_SIZE) {
		abort();
	}
	free(copy);
}

static int all(const uint8_t *p, uint8_t c, size_t n)
{
	while (n--)
		if (*p++ != c)
			return 0;
	return 1;
}

static void check_cot(const uint8_t *data, size_t size)
{
	static struct nova_fsp_cot_msg msg;
	static uint8_t bytes[1024];
	struct nova_fsp_cot_args a = {};
	int ret;

	if (size < 4)
		return;
	/* Lengths from the input, the bytes the input's rest, repeated. */
	a.version = data[0];
	a.pkey_len = data[1] * 2;
	a.sig_len = data[2] * 2;
	for (size_t i = 0; i < sizeof(bytes); i++)
		bytes[i] = data[3 + i % (size - 3)];
	a.hash = bytes;
	a.pkey = bytes + 1;
	a.sig = bytes + 2;
	a.fmc_addr = 0x1000;
	a.boot_params_addr = 0x2000;
	memset(&msg, 0xee, sizeof(msg));
	ret = nova_fsp_cot_build(&a, &msg);
	if (ret) {
		if (ret != -EINVAL || (a.version && a.pkey_len && a.sig_len &&
				       a.pkey_len <= NOVA_FSP_COT_PKEY_LEN &&
				       a.sig_len <= NOVA_FSP_COT_SIG_LEN))
			abort();
		return;
	}
	if (msg.mctp != 0xc0000000 || msg.nvdm != 0x1410de7e || msg.cot.size != 860 ||
	    msg.cot.version != a.version || msg.cot.gsp_fmc_sysmem_offset != 0x1000 ||
	    msg.cot.gsp_boot_args_sysmem_offset != 0x2000 ||
	    memcmp(msg.cot.hash384, bytes, NOVA_FSP_COT_HASH_LEN) ||
	    memcmp(msg.cot.public_key, bytes + 1, a.pkey_len) ||
	    !all(msg.cot.public_key + a.pkey_len, 0, NOVA_FSP_COT_PKEY_LEN - a.pkey_len) ||
	    memcmp(msg.cot.signature, bytes + 2, a.sig_len) ||
	    !all(msg.cot.signature + a.sig_len, 0, NOVA_FSP_COT_SIG_LEN - a.sig_len))
		abort();
}

/*
 * Taken as the answer to a PRC read: a good answer gives the knob's value
 * if it is long enough to hold it, never reading past it.
 */
static void check_prc(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	const char *why;
	uint32_t code;
	uint16_t value;
	int ret;

	memcpy(copy, data, size);
	if (!nova_fsp_response_check(copy, size, NOVA_NVDM_TYPE_PRC, &code, &why)) {
		ret = nova_fsp_prc_value(copy, size, &value, &why);
		if (size < sizeof(struct nova_fsp_prc_response) ?
		    ret != -EPROTO || !why :
		    ret || why || value != (data[20] | data[21] << 8))
			abort();
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_response(data, size);
	check_prc(data, size);
	check_cot(data, size);
	return 0;
}
