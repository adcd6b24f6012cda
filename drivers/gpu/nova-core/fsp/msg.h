/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core: the messages of the FSP's chain of trust (Hopper, Blackwell).
 *
 * The driver talks to the FSP (the GPU's Foundation Security Processor)
 * over a queue in the FSP falcon's EMEM: one packet each way, each a
 * 32-bit MCTP transport header, a 32-bit NVDM (NVIDIA vendor-defined MCTP
 * message) header, then the payload. To boot GSP-RM it sends one COT
 * (chain of trust) message, which gives the FSP the FMC image, its hash,
 * public key and signature, and where GSP_FMC_BOOT_PARAMS lie; the FSP
 * answers with a command response.
 *
 * The layouts are NVIDIA's of open-gpu-kernel-modules 570.144
 * (fsp_mctp_format.h, fsp_nvdm_format.h, kern_fsp_cot_payload.h,
 * nvdm_payload_cmd_response.h); the definitions here are nova_core's own,
 * each naming NVIDIA's, and every size and field offset is checked below
 * against those values, written as numbers. Everything is little-endian.
 *
 * These are pure functions: they build and check bytes, nothing else.
 */
#ifndef __NOVA_CORE_FSP_MSG_H__
#define __NOVA_CORE_FSP_MSG_H__

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

#if defined(__BIG_ENDIAN) && !defined(__LITTLE_ENDIAN)
#error "the FSP's messages are little-endian: nova_core builds for little-endian hosts only"
#endif

/* Bytes of the EMEM channel the driver's packets go through (channel 0). */
#define NOVA_FSP_EMEM_CHANNEL_SIZE	1024

/* MCTP transport header (MCTP_HEADER_*): the fields the driver sets. */
#define NOVA_MCTP_SOM			BIT(31)
#define NOVA_MCTP_EOM			BIT(30)
#define NOVA_MCTP_SEQ			GENMASK(29, 28)
#define NOVA_MCTP_TAG			GENMASK(26, 24)
#define NOVA_MCTP_SEID			GENMASK(23, 16)

/* NVDM header (MCTP_MSG_HEADER_*): message type, vendor, NVDM type. */
#define NOVA_NVDM_MSG_TYPE		GENMASK(6, 0)
#define NOVA_NVDM_VENDOR		GENMASK(23, 8)
#define NOVA_NVDM_TYPE			GENMASK(31, 24)
/* MCTP_MSG_HEADER_TYPE_VENDOR_PCI: a PCI vendor-defined message. */
#define NOVA_NVDM_MSG_TYPE_VENDOR_PCI	0x7e
/* MCTP_MSG_HEADER_VENDOR_ID_NV. */
#define NOVA_NVDM_VENDOR_NV		0x10de

/* NVDM types (NVDM_TYPE_*) the driver uses. */
#define NOVA_NVDM_TYPE_PRC		0x13
#define NOVA_NVDM_TYPE_COT		0x14
#define NOVA_NVDM_TYPE_FSP_RESPONSE	0x15

/* Bytes of the digest, public key and signature fields of the COT payload. */
#define NOVA_FSP_COT_HASH_LEN		48
#define NOVA_FSP_COT_PKEY_LEN		384
#define NOVA_FSP_COT_SIG_LEN		384

/**
 * struct nova_fsp_cot_payload - NVIDIA's NVDM_PAYLOAD_COT
 *	(kern_fsp_cot_payload.h), packed
 * @version: the payload's version: 1 on Hopper, 2 on Blackwell.
 * @size: its size in bytes, 860.
 * @gsp_fmc_sysmem_offset: bus address of the FMC image
 *	(gspFmcSysmemOffset).
 * @frts_sysmem_offset: bus address of FRTS in system memory; 0, the FRTS
 *	is in VRAM (frtsSysmemOffset).
 * @frts_sysmem_size: its size; 0 (frtsSysmemSize).
 * @frts_vidmem_offset: where the FRTS region ends, counted down from the
 *	end of VRAM (frtsVidmemOffset).
 * @frts_vidmem_size: its size (frtsVidmemSize).
 * @hash384: the FMC image's SHA-384 digest (hash384).
 * @public_key: the key the FMC is signed with, zero-padded (publicKey).
 * @signature: the FMC's signature, zero-padded (signature).
 * @gsp_boot_args_sysmem_offset: bus address of GSP_FMC_BOOT_PARAMS
 *	(gspBootArgsSysmemOffset).
 */
struct nova_fsp_cot_payload {
	u16 version;
	u16 size;
	u64 gsp_fmc_sysmem_offset;
	u64 frts_sysmem_offset;
	u32 frts_sysmem_size;
	u64 frts_vidmem_offset;
	u32 frts_vidmem_size;
	u8 hash384[NOVA_FSP_COT_HASH_LEN];
	u8 public_key[NOVA_FSP_COT_PKEY_LEN];
	u8 signature[NOVA_FSP_COT_SIG_LEN];
	u64 gsp_boot_args_sysmem_offset;
} __packed;

/**
 * struct nova_fsp_cot_msg - the COT message as it goes into EMEM
 * @mctp: the MCTP transport header: SOM and EOM (one packet).
 * @nvdm: the NVDM header: vendor-defined PCI, NVIDIA, COT.
 * @cot: the payload.
 */
struct nova_fsp_cot_msg {
	u32 mctp;
	u32 nvdm;
	struct nova_fsp_cot_payload cot;
} __packed;

/**
 * struct nova_fsp_response - the FSP's answer: the headers and NVIDIA's
 *	NVDM_PAYLOAD_COMMAND_RESPONSE (nvdm_payload_cmd_response.h)
 * @mctp: the MCTP transport header: SOM and EOM.
 * @nvdm: the NVDM header: vendor-defined PCI, NVIDIA, FSP_RESPONSE.
 * @task_id: the FSP task that answered (taskId).
 * @command_nvdm_type: the NVDM type of the command answered
 *	(commandNvdmType).
 * @error_code: 0, or the FSP's error (errorCode).
 */
struct nova_fsp_response {
	u32 mctp;
	u32 nvdm;
	u32 task_id;
	u32 command_nvdm_type;
	u32 error_code;
};

/* PRC: a read (NVDM_PRC_*_READ_OBJECT) of a knob's active value. */
#define NOVA_FSP_PRC_READ		0x0c
#define NOVA_FSP_PRC_FLAG_ACTIVE	BIT(1)
/* The vGPU mode knob (GB20x): 0 off, 1 on. */
#define NOVA_FSP_PRC_KNOB_VGPU_MODE	0x29

/**
 * struct nova_fsp_prc_msg - a PRC message: read one knob
 * @mctp: the MCTP transport header: SOM and EOM.
 * @nvdm: the NVDM header: vendor-defined PCI, NVIDIA, PRC.
 * @sub_message_id: %NOVA_FSP_PRC_READ (NVIDIA's prcObjType).
 * @flags: %NOVA_FSP_PRC_FLAG_ACTIVE, the value of this boot (r570's
 *	kernel calls the byte numBytes and sets it to the same 2).
 * @object_id: the knob (low byte of NVIDIA's u16 knobId).
 * @reserved: 0 (its high byte).
 */
struct nova_fsp_prc_msg {
	u32 mctp;
	u32 nvdm;
	u8 sub_message_id;
	u8 flags;
	u8 object_id;
	u8 reserved;
} __packed;

/**
 * struct nova_fsp_prc_response - the FSP's answer to a PRC read
 * @resp: the command response.
 * @value: the knob's value (NVIDIA's knobValue).
 * @misc: not used.
 */
struct nova_fsp_prc_response {
	struct nova_fsp_response resp;
	u16 value;
	u16 misc;
};

/**
 * struct nova_fsp_cot_args - what the COT message carries
 * @version: the COT payload's version for the chip (1 or 2).
 * @fmc_addr: bus address of the FMC image.
 * @frts_vidmem_offset: the FRTS region's end, counted down from the end
 *	of VRAM; 0 on resume.
 * @frts_vidmem_size: its size; 0 on resume.
 * @hash: the FMC's digest, %NOVA_FSP_COT_HASH_LEN bytes.
 * @pkey: its public key.
 * @pkey_len: bytes of @pkey, at most %NOVA_FSP_COT_PKEY_LEN.
 * @sig: its signature.
 * @sig_len: bytes of @sig, at most %NOVA_FSP_COT_SIG_LEN.
 * @boot_params_addr: bus address of GSP_FMC_BOOT_PARAMS.
 */
struct nova_fsp_cot_args {
	u16 version;
	u64 fmc_addr;
	u64 frts_vidmem_offset;
	u32 frts_vidmem_size;
	const u8 *hash;
	const u8 *pkey;
	u32 pkey_len;
	const u8 *sig;
	u32 sig_len;
	u64 boot_params_addr;
};

u32 nova_mctp_header(bool som, bool eom, u8 seq);
u32 nova_nvdm_header(u8 nvdm_type);
int nova_fsp_cot_build(const struct nova_fsp_cot_args *args, struct nova_fsp_cot_msg *msg);
int nova_fsp_response_check(const void *buf, size_t len, u8 nvdm_type, u32 *error,
			    const char **why);
void nova_fsp_prc_build(u8 knob, struct nova_fsp_prc_msg *msg);
int nova_fsp_prc_value(const void *buf, size_t len, u16 *value, const char **why);

/* The layouts of r570.144, as numbers. */
#define NOVA_FSP_ABI_ASSERT(type, field, off) \
	static_assert(offsetof(struct type, field) == (off))

static_assert(sizeof(struct nova_fsp_cot_payload) == 860);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, size, 2);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, gsp_fmc_sysmem_offset, 4);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, frts_sysmem_offset, 12);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, frts_sysmem_size, 20);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, frts_vidmem_offset, 24);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, frts_vidmem_size, 32);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, hash384, 36);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, public_key, 84);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, signature, 468);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_payload, gsp_boot_args_sysmem_offset, 852);

static_assert(sizeof(struct nova_fsp_cot_msg) == 868);
static_assert(sizeof(struct nova_fsp_cot_msg) <= NOVA_FSP_EMEM_CHANNEL_SIZE);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_msg, nvdm, 4);
NOVA_FSP_ABI_ASSERT(nova_fsp_cot_msg, cot, 8);

static_assert(sizeof(struct nova_fsp_response) == 20);
NOVA_FSP_ABI_ASSERT(nova_fsp_response, task_id, 8);
NOVA_FSP_ABI_ASSERT(nova_fsp_response, command_nvdm_type, 12);
NOVA_FSP_ABI_ASSERT(nova_fsp_response, error_code, 16);

static_assert(sizeof(struct nova_fsp_prc_msg) == 12);
NOVA_FSP_ABI_ASSERT(nova_fsp_prc_msg, sub_message_id, 8);
NOVA_FSP_ABI_ASSERT(nova_fsp_prc_msg, flags, 9);
NOVA_FSP_ABI_ASSERT(nova_fsp_prc_msg, object_id, 10);

static_assert(sizeof(struct nova_fsp_prc_response) == 24);
NOVA_FSP_ABI_ASSERT(nova_fsp_prc_response, value, 20);

#endif /* __NOVA_CORE_FSP_MSG_H__ */
