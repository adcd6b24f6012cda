// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the FSP's chain-of-trust messages (msg.h), built and checked
 * as bytes.
 */

#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "msg.h"

/**
 * nova_mctp_header() - an MCTP transport header
 * @som: whether the packet starts a message.
 * @eom: whether it ends one.
 * @seq: the packet's sequence number, modulo 4.
 *
 * Source and destination endpoints 0, tag 0, as the driver sends them.
 *
 * Return: the header.
 */
u32 nova_mctp_header(bool som, bool eom, u8 seq)
{
	return (som ? NOVA_MCTP_SOM : 0) | (eom ? NOVA_MCTP_EOM : 0) |
	       FIELD_PREP(NOVA_MCTP_SEQ, seq & 3);
}

/**
 * nova_nvdm_header() - an NVDM header: a PCI vendor-defined message of
 *	NVIDIA's, of one NVDM type
 * @nvdm_type: the NVDM type (NOVA_NVDM_TYPE_*).
 *
 * Return: the header.
 */
u32 nova_nvdm_header(u8 nvdm_type)
{
	return FIELD_PREP(NOVA_NVDM_MSG_TYPE, NOVA_NVDM_MSG_TYPE_VENDOR_PCI) |
	       FIELD_PREP(NOVA_NVDM_VENDOR, NOVA_NVDM_VENDOR_NV) |
	       FIELD_PREP(NOVA_NVDM_TYPE, nvdm_type);
}

/**
 * nova_fsp_cot_build() - build the COT message
 * @args: what it carries.
 * @msg: the message, filled whole (one packet).
 *
 * The public key and the signature are copied to the front of their
 * fields, the rest of which stays 0, as the FSP reads them (Blackwell's are
 * shorter than the fields). FRTS lives in VRAM only: its system memory
 * fields are 0.
 *
 * Return: 0, or -EINVAL for a missing hash, key or signature, one longer
 * than its field or empty, or a version of 0.
 */
int nova_fsp_cot_build(const struct nova_fsp_cot_args *args, struct nova_fsp_cot_msg *msg)
{
	struct nova_fsp_cot_payload *cot = &msg->cot;

	if (!args->version || !args->hash || !args->pkey || !args->sig ||
	    !args->pkey_len || args->pkey_len > NOVA_FSP_COT_PKEY_LEN ||
	    !args->sig_len || args->sig_len > NOVA_FSP_COT_SIG_LEN)
		return -EINVAL;

	memset(msg, 0, sizeof(*msg));
	msg->mctp = nova_mctp_header(true, true, 0);
	msg->nvdm = nova_nvdm_header(NOVA_NVDM_TYPE_COT);
	cot->version = args->version;
	cot->size = sizeof(*cot);
	cot->gsp_fmc_sysmem_offset = args->fmc_addr;
	cot->frts_vidmem_offset = args->frts_vidmem_offset;
	cot->frts_vidmem_size = args->frts_vidmem_size;
	memcpy(cot->hash384, args->hash, NOVA_FSP_COT_HASH_LEN);
	memcpy(cot->public_key, args->pkey, args->pkey_len);
	memcpy(cot->signature, args->sig, args->sig_len);
	cot->gsp_boot_args_sysmem_offset = args->boot_params_addr;
	return 0;
}

/**
 * nova_fsp_response_check() - check the FSP's answer to a command
 * @buf: the packet as read from EMEM.
 * @len: its length in bytes.
 * @nvdm_type: the NVDM type of the command it should answer.
 * @error: set to the FSP's error code (0 if it reported none, or if the
 *	packet is malformed).
 * @why: set to the reason of an -EPROTO, or NULL.
 *
 * The packet must be one whole MCTP message (SOM and EOM) of at least the
 * response's 20 bytes, in 32-bit words, within the EMEM channel; an NVDM
 * FSP_RESPONSE of NVIDIA's, answering @nvdm_type. Bytes past the response
 * (a PRC answer's value) are the caller's to read.
 *
 * Return: 0; -EPROTO for a malformed answer, or one to another command;
 * -EIO if the FSP reports an error (@error).
 */
int nova_fsp_response_check(const void *buf, size_t len, u8 nvdm_type, u32 *error,
			    const char **why)
{
	const u8 *p = buf;
	u32 mctp, nvdm, code;

	*error = 0;
	*why = NULL;
	if (len < sizeof(struct nova_fsp_response) || len % 4 ||
	    len > NOVA_FSP_EMEM_CHANNEL_SIZE) {
		*why = "answer not 20 to 1024 bytes in 32-bit words";
		return -EPROTO;
	}
	mctp = get_unaligned_le32(p + offsetof(struct nova_fsp_response, mctp));
	nvdm = get_unaligned_le32(p + offsetof(struct nova_fsp_response, nvdm));
	if (!(mctp & NOVA_MCTP_SOM) || !(mctp & NOVA_MCTP_EOM)) {
		*why = "MCTP header: not a whole message in one packet (SOM and EOM)";
		return -EPROTO;
	}
	if (FIELD_GET(NOVA_NVDM_MSG_TYPE, nvdm) != NOVA_NVDM_MSG_TYPE_VENDOR_PCI ||
	    FIELD_GET(NOVA_NVDM_VENDOR, nvdm) != NOVA_NVDM_VENDOR_NV) {
		*why = "NVDM header: not an NVIDIA vendor-defined message";
		return -EPROTO;
	}
	if (FIELD_GET(NOVA_NVDM_TYPE, nvdm) != NOVA_NVDM_TYPE_FSP_RESPONSE) {
		*why = "NVDM header: not a command response";
		return -EPROTO;
	}
	if (get_unaligned_le32(p + offsetof(struct nova_fsp_response, command_nvdm_type)) !=
	    nvdm_type) {
		*why = "answer to another command";
		return -EPROTO;
	}
	code = get_unaligned_le32(p + offsetof(struct nova_fsp_response, error_code));
	if (code) {
		*error = code;
		return -EIO;
	}
	return 0;
}

/**
 * nova_fsp_prc_build() - build a PRC message reading a knob's active value
 * @knob: the knob (NOVA_FSP_PRC_KNOB_*).
 * @msg: the message, filled whole (one packet).
 */
void nova_fsp_prc_build(u8 knob, struct nova_fsp_prc_msg *msg)
{
	memset(msg, 0, sizeof(*msg));
	msg->mctp = nova_mctp_header(true, true, 0);
	msg->nvdm = nova_nvdm_header(NOVA_NVDM_TYPE_PRC);
	msg->sub_message_id = NOVA_FSP_PRC_READ;
	msg->flags = NOVA_FSP_PRC_FLAG_ACTIVE;
	msg->object_id = knob;
}

/**
 * nova_fsp_prc_value() - the knob's value in the answer to a PRC read
 * @buf: the packet, which nova_fsp_response_check() found a good answer
 *	to PRC.
 * @len: its length in bytes.
 * @value: set to the knob's value.
 * @why: set to the reason of an -EPROTO, or NULL.
 *
 * Return: 0, or -EPROTO for an answer too short to carry a value.
 */
int nova_fsp_prc_value(const void *buf, size_t len, u16 *value, const char **why)
{
	*why = NULL;
	if (len < sizeof(struct nova_fsp_prc_response)) {
		*why = "answer too short for the knob's value";
		return -EPROTO;
	}
	*value = get_unaligned_le16(buf + offsetof(struct nova_fsp_prc_response, value));
	return 0;
}
