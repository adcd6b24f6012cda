// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core firmware file parsers.
 *
 * The bootloader, gen_bootloader and booter files start with a BinHdr (six
 * little-endian u32) that gives the offset of the file kind's own header
 * and the extent of the payload:
 *
 * - bootloader: an RM_RISCV_UCODE_DESC at header_offset, whose offsets
 *   (monitor code and data, manifest) count from the start of the payload;
 * - gen_bootloader: a BootloaderDesc at header_offset, whose code_size
 *   bytes of code start the payload;
 * - booter_load, booter_unload: an HsHeaderV2 at header_offset, whose
 *   offsets count from the start of the file and point at the signatures,
 *   at single u32 words (patch location, patch signature, signature count),
 *   at the signature meta data and at an HsLoadHeaderV2; the latter's
 *   offsets (OS code, OS data, apps) count from the start of the payload.
 *
 * The gsp file is an ELF64 little-endian image whose section ".fwimage"
 * holds GSP-RM and whose ".fwsignature_<family>" sections hold its
 * signatures.
 *
 * The fmc file (Hopper, Blackwell) is an ELF32 little-endian file of an
 * exact shape: a null section, a string table and four blobs ("hash",
 * "signature", "publickey", "image"), each a CRC32 of its contents in its
 * sh_info.
 *
 * Nothing read from the file is trusted: every offset, length and count is
 * checked, with overflow-safe arithmetic, before anything is read through
 * it. The results point into the caller's buffer.
 */

#include <linux/crc32.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/nova_compat.h>

#include "fw.h"

/* Offsets of the ELF64 header's and section headers' fields. */
#define FW_EHDR(field)	offsetof(struct elf64_hdr, field)
#define FW_SHDR(field)	offsetof(struct elf64_shdr, field)

/**
 * fw_fail() - record why parsing failed
 * @why: the result's reason buffer, %NOVA_FW_WHY_LEN bytes.
 * @err: the negative errno to return.
 * @fmt: printf-style format of the reason.
 *
 * Return: @err.
 */
static __printf(3, 4) int fw_fail(char *why, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, NOVA_FW_WHY_LEN, fmt, ap);
	va_end(ap);
	return err;
}

/**
 * fw_in() - whether [@off, @off + @n) lies inside [0, @end)
 * @off: start of the range.
 * @n: length of the range.
 * @end: first offset past the valid range.
 *
 * Return: true if the range is inside, without overflowing.
 */
static bool fw_in(u64 off, u64 n, u64 end)
{
	u64 last;

	if (check_add_overflow(off, n, &last))
		return false;
	return last <= end;
}

/**
 * fw_binhdr() - decode and check the BinHdr at the start of a file
 * @data: the file (may be NULL).
 * @len: length of the file.
 * @hdr_len: length of the structure at the BinHdr's header_offset.
 * @what: name of that structure, for @why.
 * @bin: the decoded header.
 * @why: where to write the reason on failure.
 *
 * Checks the magic, that the payload lies inside the file, and that the
 * @hdr_len bytes at header_offset do too: what every file with a BinHdr
 * starts with.
 *
 * Return: 0, or a negative errno with @why set.
 */
static int fw_binhdr(const u8 *data, size_t len, u32 hdr_len, const char *what,
		     struct nova_fw_binhdr *bin, char *why)
{
	if (!data)
		return fw_fail(why, -EINVAL, "no file data");
	if (len >= 4 && get_unaligned_le32(data) != NOVA_FW_BIN_MAGIC)
		return fw_fail(why, -ENOEXEC, "BinHdr at 0x0: bin_magic 0x%x, expected 0x%x",
			       get_unaligned_le32(data), NOVA_FW_BIN_MAGIC);
	if (len < NOVA_FW_BINHDR_LEN)
		return fw_fail(why, -EOVERFLOW,
			       "BinHdr at 0x0: %u bytes past the end of the file (0x%zx)",
			       NOVA_FW_BINHDR_LEN, len);

	bin->bin_magic = get_unaligned_le32(data);
	bin->bin_ver = get_unaligned_le32(data + 4);
	bin->bin_size = get_unaligned_le32(data + 8);
	bin->header_offset = get_unaligned_le32(data + 12);
	bin->data_offset = get_unaligned_le32(data + 16);
	bin->data_size = get_unaligned_le32(data + 20);

	if (!bin->data_size)
		return fw_fail(why, -EINVAL, "BinHdr at 0x0: data_size 0 (at 0x14), no payload");
	if (!fw_in(bin->data_offset, bin->data_size, len))
		return fw_fail(why, -EOVERFLOW,
			       "BinHdr: data_offset 0x%x + data_size 0x%x past the end of the file (0x%zx)",
			       bin->data_offset, bin->data_size, len);
	if (!fw_in(bin->header_offset, hdr_len, len))
		return fw_fail(why, -EOVERFLOW,
			       "%s at 0x%x: %u bytes past the end of the file (0x%zx)",
			       what, bin->header_offset, hdr_len, len);
	return 0;
}

/**
 * fw_payload_region() - check that a region lies inside the payload
 * @why: where to write the reason on failure.
 * @what: name of the structure holding the region's fields.
 * @name: name of the region; its fields are @name_offset and @name_size.
 * @off: offset of the region in the payload.
 * @size: size of the region.
 * @payload: size of the payload.
 *
 * The region must start inside the payload (even when empty) and end
 * inside it.
 *
 * Return: 0, or -EOVERFLOW with @why set.
 */
static int fw_payload_region(char *why, const char *what, const char *name, u32 off, u32 size,
			     u32 payload)
{
	if (off < payload && fw_in(off, size, payload))
		return 0;
	return fw_fail(why, -EOVERFLOW,
		       "%s: %s_offset 0x%x + %s_size 0x%x past the end of the payload (0x%x)",
		       what, name, off, name, size, payload);
}

/**
 * nova_fw_bootloader_parse() - parse a bootloader-<version>.bin file
 * @data: the file.
 * @len: length of the file in bytes.
 * @out: the result; its pointers point into @data.
 *
 * The file is a BinHdr, an RM_RISCV_UCODE_DESC at the BinHdr's
 * header_offset (of which the first 14 u32 are read and must lie inside
 * the file) and the payload. The monitor code, monitor data and manifest
 * must lie inside the payload.
 *
 * Return: 0; -ENOEXEC if the BinHdr magic is wrong; -EINVAL for a NULL
 * argument or a malformed field; -EOVERFLOW for an offset or length past
 * the end of the file or the payload. On failure, @out->why says why.
 */
int nova_fw_bootloader_parse(const u8 *data, size_t len, struct nova_fw_bootloader *out)
{
	const char *what = "RM_RISCV_UCODE_DESC";
	const u8 *d;
	int ret;

	if (!out)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	ret = fw_binhdr(data, len, NOVA_FW_RISCV_DESC_LEN, what, &out->bin, out->why);
	if (ret)
		return ret;
	d = data + out->bin.header_offset;
	out->version = get_unaligned_le32(d);
	out->bootloader_offset = get_unaligned_le32(d + 4);
	out->bootloader_size = get_unaligned_le32(d + 8);
	out->bootloader_param_offset = get_unaligned_le32(d + 12);
	out->bootloader_param_size = get_unaligned_le32(d + 16);
	out->riscv_elf_offset = get_unaligned_le32(d + 20);
	out->riscv_elf_size = get_unaligned_le32(d + 24);
	out->app_version = get_unaligned_le32(d + 28);
	out->manifest_offset = get_unaligned_le32(d + 32);
	out->manifest_size = get_unaligned_le32(d + 36);
	out->monitor_data_offset = get_unaligned_le32(d + 40);
	out->monitor_data_size = get_unaligned_le32(d + 44);
	out->monitor_code_offset = get_unaligned_le32(d + 48);
	out->monitor_code_size = get_unaligned_le32(d + 52);

	ret = fw_payload_region(out->why, what, "monitor_code", out->monitor_code_offset,
				out->monitor_code_size, out->bin.data_size);
	if (!ret)
		ret = fw_payload_region(out->why, what, "monitor_data", out->monitor_data_offset,
					out->monitor_data_size, out->bin.data_size);
	if (!ret)
		ret = fw_payload_region(out->why, what, "manifest", out->manifest_offset,
					out->manifest_size, out->bin.data_size);
	if (ret)
		return ret;

	out->ucode = data + out->bin.data_offset;
	out->ucode_len = out->bin.data_size;
	return 0;
}

/**
 * nova_fw_gen_bootloader_parse() - parse a gen_bootloader-<version>.bin file
 * @data: the file.
 * @len: length of the file in bytes.
 * @out: the result; its pointers point into @data.
 *
 * The file is a BinHdr, a BootloaderDesc (six u32: start_tag,
 * dmem_load_off, code_off, code_size, data_off, data_size) at the BinHdr's
 * header_offset, which must lie inside the file, and the payload, which
 * starts with the code. The driver PIO-loads the code into IMEM at
 * %NOVA_FW_GEN_BL_IMEM_END - ALIGN(code_size, %NOVA_FW_GEN_BL_BLOCK) and
 * starts it there, so code_size must be 1 to %NOVA_FW_GEN_BL_MAX_CODE
 * (which leaves at least one block below the code for what it loads), and
 * not more than the payload's size. start_tag is a block number inside the
 * first 64 KiB: at most %NOVA_FW_GEN_BL_MAX_TAG; it is not checked against
 * the load address. code_off, dmem_load_off, data_off and data_size are
 * legacy fields, recorded but neither checked nor used.
 *
 * Return: 0; -ENOEXEC if the BinHdr magic is wrong; -EINVAL for a NULL
 * argument or a malformed field; -EOVERFLOW for an offset or length past
 * the end of the file or the payload. On failure, @out->why says why.
 */
int nova_fw_gen_bootloader_parse(const u8 *data, size_t len,
				 struct nova_fw_gen_bootloader *out)
{
	const char *what = "BootloaderDesc";
	const u8 *d;
	u32 at;
	int ret;

	if (!out)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	ret = fw_binhdr(data, len, NOVA_FW_GEN_BL_DESC_LEN, what, &out->bin, out->why);
	if (ret)
		return ret;
	at = out->bin.header_offset;
	d = data + at;
	out->start_tag = get_unaligned_le32(d);
	out->dmem_load_off = get_unaligned_le32(d + 4);
	out->code_off = get_unaligned_le32(d + 8);
	out->code_size = get_unaligned_le32(d + 12);
	out->data_off = get_unaligned_le32(d + 16);
	out->data_size = get_unaligned_le32(d + 20);

	if (out->start_tag > NOVA_FW_GEN_BL_MAX_TAG)
		return fw_fail(out->why, -EINVAL,
			       "%s at 0x%x: start_tag 0x%x past the first 64 KiB (at most 0x%x)",
			       what, at, out->start_tag, NOVA_FW_GEN_BL_MAX_TAG);
	if (!out->code_size)
		return fw_fail(out->why, -EINVAL, "%s at 0x%x: code_size 0, no code", what, at);
	if (out->code_size > NOVA_FW_GEN_BL_MAX_CODE)
		return fw_fail(out->why, -EINVAL,
			       "%s at 0x%x: code_size 0x%x too big to load below 64 KiB (at most 0x%x)",
			       what, at, out->code_size, NOVA_FW_GEN_BL_MAX_CODE);
	/* The payload lies inside the file: so does the code. */
	if (out->code_size > out->bin.data_size)
		return fw_fail(out->why, -EOVERFLOW,
			       "%s at 0x%x: code_size 0x%x past the end of the payload (0x%x at 0x%x)",
			       what, at, out->code_size, out->bin.data_size,
			       out->bin.data_offset);

	out->code = data + out->bin.data_offset;
	out->code_len = out->code_size;
	return 0;
}

/**
 * fw_word() - read a u32 the HsHeaderV2 points at
 * @data: the file.
 * @len: length of the file.
 * @why: where to write the reason on failure.
 * @name: name of the HsHeaderV2 field holding the offset.
 * @off: the offset in the file.
 * @val: the word read.
 *
 * Return: 0, or -EOVERFLOW with @why set.
 */
static int fw_word(const u8 *data, size_t len, char *why, const char *name, u32 off, u32 *val)
{
	if (!fw_in(off, 4, len))
		return fw_fail(why, -EOVERFLOW,
			       "HsHeaderV2: %s 0x%x past the end of the file (0x%zx)",
			       name, off, len);
	*val = get_unaligned_le32(data + off);
	return 0;
}

/**
 * fw_hs_sigs() - read the signature count and find the signatures
 * @data: the file.
 * @len: length of the file.
 * @b: the result being built, with its HsHeaderV2 fields set.
 *
 * Return: 0, or a negative errno with @b->why set.
 */
static int fw_hs_sigs(const u8 *data, size_t len, struct nova_fw_booter *b)
{
	u64 sigs;
	int ret;

	ret = fw_word(data, len, b->why, "num_sig_offset", b->num_sig_offset, &b->num_sigs);
	if (ret)
		return ret;
	if (!b->num_sigs)
		return fw_fail(b->why, -EINVAL, "HsHeaderV2: num_sigs 0 (at 0x%x), no signatures",
			       b->num_sig_offset);
	if (!b->sig_prod_size)
		return fw_fail(b->why, -EINVAL, "HsHeaderV2: sig_prod_size 0, no signatures");
	if (b->sig_prod_size % b->num_sigs)
		return fw_fail(b->why, -EINVAL,
			       "HsHeaderV2: sig_prod_size 0x%x not a multiple of num_sigs %u",
			       b->sig_prod_size, b->num_sigs);
	b->sig_len = b->sig_prod_size / b->num_sigs;

	ret = fw_word(data, len, b->why, "patch_sig_offset", b->patch_sig_offset, &b->patch_sig);
	if (ret)
		return ret;
	/* Both are u32: their sum does not overflow a u64. */
	sigs = (u64)b->sig_prod_offset + b->patch_sig;
	if (!fw_in(sigs, b->sig_prod_size, len))
		return fw_fail(b->why, -EOVERFLOW,
			       "HsHeaderV2: sig_prod_offset 0x%x + patch_sig 0x%x + sig_prod_size 0x%x past the end of the file (0x%zx)",
			       b->sig_prod_offset, b->patch_sig, b->sig_prod_size, len);
	b->sigs_offset = sigs;
	b->sigs = data + sigs;
	return 0;
}

/**
 * fw_hs_meta() - read the signature meta data
 * @data: the file.
 * @len: length of the file.
 * @b: the result being built, with its HsHeaderV2 fields set.
 *
 * Return: 0, or a negative errno with @b->why set.
 */
static int fw_hs_meta(const u8 *data, size_t len, struct nova_fw_booter *b)
{
	const u8 *meta;

	if (b->meta_data_size < NOVA_FW_HS_META_LEN)
		return fw_fail(b->why, -EINVAL,
			       "HsHeaderV2: meta_data_size %u too small (at least %u)",
			       b->meta_data_size, NOVA_FW_HS_META_LEN);
	if (!fw_in(b->meta_data_offset, b->meta_data_size, len))
		return fw_fail(b->why, -EOVERFLOW,
			       "HsHeaderV2: meta_data_offset 0x%x + meta_data_size 0x%x past the end of the file (0x%zx)",
			       b->meta_data_offset, b->meta_data_size, len);
	meta = data + b->meta_data_offset;
	b->fuse_ver = get_unaligned_le32(meta);
	b->engine_id_mask = get_unaligned_le32(meta + 4);
	b->ucode_id = get_unaligned_le32(meta + 8);
	if (b->engine_id_mask > 0xffff)
		return fw_fail(b->why, -EINVAL,
			       "signature meta data at 0x%x: engine_id_mask 0x%x wider than 16 bits",
			       b->meta_data_offset, b->engine_id_mask);
	if (b->ucode_id > 0xff)
		return fw_fail(b->why, -EINVAL,
			       "signature meta data at 0x%x: ucode_id 0x%x wider than 8 bits",
			       b->meta_data_offset, b->ucode_id);
	return 0;
}

/**
 * fw_hs_load_header() - decode the HsLoadHeaderV2 and check its regions
 * @data: the file.
 * @len: length of the file.
 * @b: the result being built, with its HsHeaderV2 fields set.
 *
 * Return: 0, or a negative errno with @b->why set.
 */
static int fw_hs_load_header(const u8 *data, size_t len, struct nova_fw_booter *b)
{
	const char *what = "HsLoadHeaderV2";
	u32 payload = b->bin.data_size;
	const u8 *h;
	int ret;

	if (b->header_size < NOVA_FW_HS_LOAD_HDR_LEN)
		return fw_fail(b->why, -EINVAL,
			       "HsHeaderV2: header_size %u too small for %s (%u bytes)",
			       b->header_size, what, NOVA_FW_HS_LOAD_HDR_LEN);
	if (!fw_in(b->header_offset, b->header_size, len))
		return fw_fail(b->why, -EOVERFLOW,
			       "%s at 0x%x: header_size 0x%x past the end of the file (0x%zx)",
			       what, b->header_offset, b->header_size, len);
	h = data + b->header_offset;
	b->os_code_offset = get_unaligned_le32(h);
	b->os_code_size = get_unaligned_le32(h + 4);
	b->os_data_offset = get_unaligned_le32(h + 8);
	b->os_data_size = get_unaligned_le32(h + 12);
	b->num_apps = get_unaligned_le32(h + 16);
	if (!b->num_apps)
		return fw_fail(b->why, -EINVAL, "%s at 0x%x: num_apps 0, no apps", what,
			       b->header_offset);
	if (b->num_apps > (b->header_size - NOVA_FW_HS_LOAD_HDR_LEN) / NOVA_FW_HS_APP_LEN)
		return fw_fail(b->why, -EINVAL,
			       "%s at 0x%x: header_size %u too small for num_apps 0x%x",
			       what, b->header_offset, b->header_size, b->num_apps);
	b->app0_offset = get_unaligned_le32(h + NOVA_FW_HS_LOAD_HDR_LEN);
	b->app0_size = get_unaligned_le32(h + NOVA_FW_HS_LOAD_HDR_LEN + 4);

	ret = fw_payload_region(b->why, what, "os_code", b->os_code_offset, b->os_code_size,
				payload);
	if (!ret)
		ret = fw_payload_region(b->why, what, "os_data", b->os_data_offset,
					b->os_data_size, payload);
	if (ret)
		return ret;
	if (!b->app0_size)
		return fw_fail(b->why, -EINVAL, "%s at 0x%x: app0_size 0, no code", what,
			       b->header_offset);
	return fw_payload_region(b->why, what, "app0", b->app0_offset, b->app0_size, payload);
}

/**
 * nova_fw_booter_parse() - parse a booter_load or booter_unload file
 * @data: the file.
 * @len: length of the file in bytes.
 * @out: the result; its pointers point into @data.
 *
 * The file is a BinHdr, an HsHeaderV2 at the BinHdr's header_offset, and
 * what the HsHeaderV2 points at: the signatures, the patch location, the
 * patch signature and signature count words, the signature meta data and
 * the HsLoadHeaderV2 with its apps; then the payload. There must be at
 * least one signature, all of the same non-zero size; the OS code, the OS
 * data and app 0 must lie inside the payload, and the signature patched at
 * the patch location inside the OS data.
 *
 * Return: 0; -ENOEXEC if the BinHdr magic is wrong; -EINVAL for a NULL
 * argument or a malformed or inconsistent field; -EOVERFLOW for an offset
 * or length past the end of the file or of its region. On failure,
 * @out->why says why.
 */
int nova_fw_booter_parse(const u8 *data, size_t len, struct nova_fw_booter *out)
{
	const u8 *h;
	int ret;

	if (!out)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	ret = fw_binhdr(data, len, NOVA_FW_HS_HDR_LEN, "HsHeaderV2", &out->bin, out->why);
	if (ret)
		return ret;
	h = data + out->bin.header_offset;
	out->sig_prod_offset = get_unaligned_le32(h);
	out->sig_prod_size = get_unaligned_le32(h + 4);
	out->patch_loc_offset = get_unaligned_le32(h + 8);
	out->patch_sig_offset = get_unaligned_le32(h + 12);
	out->meta_data_offset = get_unaligned_le32(h + 16);
	out->meta_data_size = get_unaligned_le32(h + 20);
	out->num_sig_offset = get_unaligned_le32(h + 24);
	out->header_offset = get_unaligned_le32(h + 28);
	out->header_size = get_unaligned_le32(h + 32);

	ret = fw_hs_sigs(data, len, out);
	if (!ret)
		ret = fw_word(data, len, out->why, "patch_loc_offset", out->patch_loc_offset,
			      &out->patch_loc);
	if (!ret)
		ret = fw_hs_meta(data, len, out);
	if (!ret)
		ret = fw_hs_load_header(data, len, out);
	if (ret)
		return ret;

	if (out->patch_loc < out->os_data_offset)
		return fw_fail(out->why, -EINVAL,
			       "HsHeaderV2: patch_loc 0x%x below os_data_offset 0x%x",
			       out->patch_loc, out->os_data_offset);
	if (!fw_in(out->patch_loc, out->sig_len, (u64)out->os_data_offset + out->os_data_size))
		return fw_fail(out->why, -EOVERFLOW,
			       "HsHeaderV2: patch_loc 0x%x + sig_len 0x%x past the end of the OS data (0x%x + 0x%x)",
			       out->patch_loc, out->sig_len, out->os_data_offset,
			       out->os_data_size);

	out->ucode = data + out->bin.data_offset;
	out->ucode_len = out->bin.data_size;
	return 0;
}

/**
 * struct fw_elf - the section header table and string table of an ELF file
 * @data: the file.
 * @len: length of the file.
 * @shoff: offset in the file of the section header table.
 * @shnum: number of section headers.
 * @strtab: the section name string table, inside @data.
 * @strtab_len: length of @strtab.
 * @why: where to write the reason on failure.
 */
struct fw_elf {
	const u8 *data;
	size_t len;
	u64 shoff;
	u16 shnum;
	const u8 *strtab;
	u64 strtab_len;
	char *why;
};

/**
 * fw_elf_shdr() - the section header at @idx
 * @e: the ELF file, with its section header table checked.
 * @idx: index of the section, below @e->shnum.
 *
 * Return: a pointer to the section header inside the file.
 */
static const u8 *fw_elf_shdr(const struct fw_elf *e, unsigned int idx)
{
	return e->data + e->shoff + (size_t)idx * sizeof(struct elf64_shdr);
}

/**
 * fw_elf_section() - find a section by name and check its contents' extent
 * @e: the ELF file, with its section header and string tables checked.
 * @name: the name of the section.
 * @off: the section's offset in the file.
 * @size: the section's size in the file.
 *
 * Every section's name offset must lie inside the string table; exactly
 * one section must bear @name, must not be SHT_NOBITS and must hold a
 * non-empty range of the file.
 *
 * Return: 0, or a negative errno with @e->why set: -ENODATA if no section
 * bears @name.
 */
static int fw_elf_section(const struct fw_elf *e, const char *name, size_t *off, size_t *size)
{
	size_t need = strlen(name) + 1;
	unsigned int i, found = 0;
	u64 sh_off, sh_size;
	const u8 *sh;
	u32 sh_name;

	for (i = 0; i < e->shnum; i++) {
		sh_name = get_unaligned_le32(fw_elf_shdr(e, i) + FW_SHDR(sh_name));
		if (sh_name >= e->strtab_len)
			return fw_fail(e->why, -EOVERFLOW,
				       "ELF section %u: sh_name 0x%x past the end of the string table (0x%llx)",
				       i, sh_name, e->strtab_len);
		/* Section 0 (SHN_UNDEF) is reserved: a name on it does not count. */
		if (!i || !fw_in(sh_name, need, e->strtab_len) ||
		    memcmp(e->strtab + sh_name, name, need))
			continue;
		if (found)
			return fw_fail(e->why, -EINVAL, "ELF: two sections named %s (%u and %u)",
				       name, found, i);
		found = i;
	}
	if (!found)
		return fw_fail(e->why, -ENODATA, "ELF: no section %s", name);

	sh = fw_elf_shdr(e, found);
	if (get_unaligned_le32(sh + FW_SHDR(sh_type)) == SHT_NOBITS)
		return fw_fail(e->why, -EINVAL,
			       "ELF section %u (%s): SHT_NOBITS, no bytes in the file",
			       found, name);
	sh_off = get_unaligned_le64(sh + FW_SHDR(sh_offset));
	sh_size = get_unaligned_le64(sh + FW_SHDR(sh_size));
	if (!fw_in(sh_off, sh_size, e->len))
		return fw_fail(e->why, -EOVERFLOW,
			       "ELF section %u (%s): sh_offset 0x%llx + sh_size 0x%llx past the end of the file (0x%zx)",
			       found, name, sh_off, sh_size, e->len);
	if (!sh_size)
		return fw_fail(e->why, -EINVAL, "ELF section %u (%s): sh_size 0, empty",
			       found, name);
	*off = sh_off;
	*size = sh_size;
	return 0;
}

/**
 * fw_elf_tables() - check the ELF header, the section header table and
 *	the section name string table
 * @e: the ELF file, with @data, @len and @why set; the rest is filled in.
 *
 * Return: 0, or a negative errno with @e->why set.
 */
static int fw_elf_tables(struct fw_elf *e)
{
	const u8 *d = e->data, *sh;
	u16 shentsize, shstrndx;
	u64 str_off;
	u32 type;

	if (e->len >= SELFMAG && memcmp(d, ELFMAG, SELFMAG))
		return fw_fail(e->why, -ENOEXEC,
			       "ELF header: bad magic %02x %02x %02x %02x", d[0], d[1], d[2], d[3]);
	if (e->len < sizeof(struct elf64_hdr))
		return fw_fail(e->why, -EOVERFLOW,
			       "ELF header: %zu bytes past the end of the file (0x%zx)",
			       sizeof(struct elf64_hdr), e->len);
	if (d[EI_CLASS] != ELFCLASS64)
		return fw_fail(e->why, -ENOEXEC, "ELF header: class %u, expected ELFCLASS64 (%u)",
			       d[EI_CLASS], ELFCLASS64);
	if (d[EI_DATA] != ELFDATA2LSB)
		return fw_fail(e->why, -ENOEXEC,
			       "ELF header: data encoding %u, expected little endian (%u)",
			       d[EI_DATA], ELFDATA2LSB);

	e->shoff = get_unaligned_le64(d + FW_EHDR(e_shoff));
	shentsize = get_unaligned_le16(d + FW_EHDR(e_shentsize));
	e->shnum = get_unaligned_le16(d + FW_EHDR(e_shnum));
	shstrndx = get_unaligned_le16(d + FW_EHDR(e_shstrndx));
	if (shentsize != sizeof(struct elf64_shdr))
		return fw_fail(e->why, -EINVAL, "ELF header: e_shentsize %u, expected %zu",
			       shentsize, sizeof(struct elf64_shdr));
	if (!e->shnum)
		return fw_fail(e->why, -EINVAL, "ELF header: e_shnum 0, no section headers");
	/* At most 0xffff * 64 bytes: no overflow. */
	if (!fw_in(e->shoff, (u64)e->shnum * sizeof(struct elf64_shdr), e->len))
		return fw_fail(e->why, -EOVERFLOW,
			       "ELF header: e_shoff 0x%llx + e_shnum %u section headers past the end of the file (0x%zx)",
			       e->shoff, e->shnum, e->len);
	if (shstrndx >= e->shnum)
		return fw_fail(e->why, -EINVAL, "ELF header: e_shstrndx %u not below e_shnum %u",
			       shstrndx, e->shnum);

	sh = fw_elf_shdr(e, shstrndx);
	type = get_unaligned_le32(sh + FW_SHDR(sh_type));
	str_off = get_unaligned_le64(sh + FW_SHDR(sh_offset));
	e->strtab_len = get_unaligned_le64(sh + FW_SHDR(sh_size));
	if (type != SHT_STRTAB)
		return fw_fail(e->why, -EINVAL,
			       "ELF section %u (string table): sh_type %u, expected SHT_STRTAB (%u)",
			       shstrndx, type, SHT_STRTAB);
	if (!fw_in(str_off, e->strtab_len, e->len))
		return fw_fail(e->why, -EOVERFLOW,
			       "ELF section %u (string table): sh_offset 0x%llx + sh_size 0x%llx past the end of the file (0x%zx)",
			       shstrndx, str_off, e->strtab_len, e->len);
	e->strtab = d + str_off;
	return 0;
}

/**
 * nova_fw_gsp_parse() - parse a gsp-<version>.bin file
 * @data: the file.
 * @len: length of the file in bytes.
 * @sig_section: name of the signature section for the chip, e.g.
 *	".fwsignature_ga10x", or NULL to look for the image only.
 * @out: the result; its pointers point into @data.
 *
 * The file is an ELF64 little-endian image. Its section header table (of
 * entries of sizeof(struct elf64_shdr) bytes) and its section name string table
 * must lie inside the file, every section's name inside the string table.
 * Sections %NOVA_FW_GSP_IMAGE_SECTION and @sig_section must each appear
 * once and hold a non-empty range of the file.
 *
 * Return: 0; -ENOEXEC if the file is not ELF64 little endian; -EINVAL for
 * a NULL argument or a malformed field; -EOVERFLOW for an offset or length
 * past the end of the file or of the string table; -ENODATA if a section
 * is missing. On failure, @out->why says why.
 */
int nova_fw_gsp_parse(const u8 *data, size_t len, const char *sig_section,
		      struct nova_fw_gsp *out)
{
	struct fw_elf e = { .data = data, .len = len };
	size_t off, size;
	int ret;

	if (!out)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	e.why = out->why;
	if (!data)
		return fw_fail(out->why, -EINVAL, "no file data");
	ret = fw_elf_tables(&e);
	if (ret)
		return ret;

	ret = fw_elf_section(&e, NOVA_FW_GSP_IMAGE_SECTION, &off, &size);
	if (ret)
		return ret;
	out->image = data + off;
	out->image_len = size;
	out->image_offset = off;

	if (!sig_section)
		return 0;
	ret = fw_elf_section(&e, sig_section, &off, &size);
	if (ret)
		return ret;
	out->sig = data + off;
	out->sig_len = size;
	out->sig_offset = off;
	return 0;
}

/* fmc: the section flags of the string table (SHF_STRINGS). */
#define FW_FMC_STRTAB_FLAGS	0x20
/*
 * fmc: the section flags of the four blobs: SHF_MASKPROC (0xf0000000),
 * SHF_MASKOS (0x0ff00000), SHF_OS_NONCONFORMING (0x100) and SHF_ALLOC (0x2).
 */
#define FW_FMC_BLOB_FLAGS	0xfff00102
/* fmc: the index of the string table, and of the first blob. */
#define FW_FMC_STRTAB		1
#define FW_FMC_FIRST_BLOB	2
/* fmc: offsets of the ELF32 section header's fields. */
#define FW_SH32_NAME		0
#define FW_SH32_TYPE		4
#define FW_SH32_FLAGS		8
#define FW_SH32_OFFSET		16
#define FW_SH32_SIZE		20
#define FW_SH32_INFO		28

/**
 * struct fw_fmc_field - one field of the fmc file's ELF32 header and the
 *	value it must have
 * @name: its name.
 * @off: its offset in the file.
 * @size: its size in bytes: 1, 2 or 4.
 * @val: its value.
 */
struct fw_fmc_field {
	const char *name;
	u8 off;
	u8 size;
	u32 val;
};

/*
 * The ELF32 header past e_ident's class and encoding: an ELF file with no
 * type, machine, entry or program headers; the section headers right after
 * it; six of them, the string table second.
 */
static const struct fw_fmc_field fw_fmc_ehdr[] = {
	{ "e_ident[EI_VERSION]", EI_VERSION, 1, EV_CURRENT },
	{ "e_ident[EI_OSABI]", 7, 1, 0 },
	{ "e_ident[EI_ABIVERSION]", 8, 1, 0 },
	{ "e_ident[9..10]", 9, 2, 0 },
	{ "e_ident[11..14]", 11, 4, 0 },
	{ "e_ident[15]", 15, 1, 0 },
	{ "e_type", 16, 2, 0 },
	{ "e_machine", 18, 2, 0 },
	{ "e_version", 20, 4, EV_CURRENT },
	{ "e_entry", 24, 4, 0 },
	{ "e_phoff", 28, 4, 0 },
	{ "e_shoff", 32, 4, NOVA_FW_FMC_EHDR_LEN },
	{ "e_flags", 36, 4, 0 },
	{ "e_ehsize", 40, 2, NOVA_FW_FMC_EHDR_LEN },
	{ "e_phentsize", 42, 2, 0 },
	{ "e_phnum", 44, 2, 0 },
	{ "e_shentsize", 46, 2, NOVA_FW_FMC_SHDR_LEN },
	{ "e_shnum", 48, 2, NOVA_FW_FMC_SECTIONS },
	{ "e_shstrndx", 50, 2, FW_FMC_STRTAB },
};

/* The blobs, in the order of struct nova_fw_fmc's pointers. */
static const char *const fw_fmc_blobs[] = { "image", "hash", "publickey", "signature" };

/*
 * What GH100's FSP takes: a SHA-384 digest, an
 *	RSA-3K public key and signature
 */
const struct nova_fw_fmc_cot nova_fw_fmc_cot_gh100 = { .hash = 48, .pkey = 384, .sig = 384 };

/*
 * What the FSP of Blackwell (GB10x and GB20x)
 *	takes: a SHA-384 digest, an ECDSA P-384 public key (97 bytes) and
 *	signature (96)
 */
const struct nova_fw_fmc_cot nova_fw_fmc_cot_gb100 = { .hash = 48, .pkey = 97, .sig = 96 };

/* The value of the @size-byte little-endian field at @p. */
static u32 fw_le(const u8 *p, unsigned int size)
{
	switch (size) {
	case 1:
		return *p;
	case 2:
		return get_unaligned_le16(p);
	default:
		return get_unaligned_le32(p);
	}
}

/**
 * fw_fmc_header() - check the fmc file's ELF32 header
 * @data: the file, at least %NOVA_FW_FMC_EHDR_LEN bytes.
 * @why: where to write the reason on failure.
 *
 * Return: 0; -ENOEXEC if it is not an ELF32 little-endian file; -EINVAL for
 * any other field that differs from the one shape NVIDIA's files have.
 */
static int fw_fmc_header(const u8 *data, char *why)
{
	const struct fw_fmc_field *f;
	unsigned int i;
	u32 v;

	if (memcmp(data, ELFMAG, SELFMAG))
		return fw_fail(why, -ENOEXEC, "ELF32 header: bad magic %02x %02x %02x %02x",
			       data[0], data[1], data[2], data[3]);
	if (data[EI_CLASS] != ELFCLASS32)
		return fw_fail(why, -ENOEXEC, "ELF32 header: class %u, expected ELFCLASS32 (%u)",
			       data[EI_CLASS], ELFCLASS32);
	if (data[EI_DATA] != ELFDATA2LSB)
		return fw_fail(why, -ENOEXEC,
			       "ELF32 header: data encoding %u, expected little endian (%u)",
			       data[EI_DATA], ELFDATA2LSB);
	for (i = 0; i < ARRAY_SIZE(fw_fmc_ehdr); i++) {
		f = &fw_fmc_ehdr[i];
		v = fw_le(data + f->off, f->size);
		if (v != f->val)
			return fw_fail(why, -EINVAL,
				       "ELF32 header: %s 0x%x (at 0x%x), expected 0x%x",
				       f->name, v, f->off, f->val);
	}
	return 0;
}

/**
 * fw_fmc_section() - check one of the fmc file's sections
 * @data: the file, its header checked.
 * @len: its length, at least %NOVA_FW_FMC_DATA_START.
 * @idx: the section, 1 to %NOVA_FW_FMC_SECTIONS - 1.
 * @why: where to write the reason on failure.
 *
 * The string table is SHT_STRTAB with only SHF_STRINGS, the blobs
 * SHT_PROGBITS with %FW_FMC_BLOB_FLAGS, as in NVIDIA's files; a blob is not
 * empty; the contents lie past the section headers and inside the file; a
 * non-zero sh_info is the CRC32 (zlib's) of the contents and must match.
 *
 * Return: 0; -EINVAL for a wrong type or flags or an empty blob; -EOVERFLOW
 * for contents outside the file; -EBADMSG for a CRC32 that does not match.
 */
static int fw_fmc_section(const u8 *data, size_t len, unsigned int idx, char *why)
{
	const u8 *sh = data + NOVA_FW_FMC_EHDR_LEN + idx * NOVA_FW_FMC_SHDR_LEN;
	bool strtab = idx == FW_FMC_STRTAB;
	u32 type = get_unaligned_le32(sh + FW_SH32_TYPE);
	u32 flags = get_unaligned_le32(sh + FW_SH32_FLAGS);
	u32 off = get_unaligned_le32(sh + FW_SH32_OFFSET);
	u32 size = get_unaligned_le32(sh + FW_SH32_SIZE);
	u32 info = get_unaligned_le32(sh + FW_SH32_INFO);
	u32 want_type = strtab ? SHT_STRTAB : SHT_PROGBITS;
	u32 want_flags = strtab ? FW_FMC_STRTAB_FLAGS : FW_FMC_BLOB_FLAGS;
	u32 crc;

	if (type != want_type)
		return fw_fail(why, -EINVAL, "ELF32 section %u: sh_type %u, expected %u",
			       idx, type, want_type);
	if (flags != want_flags)
		return fw_fail(why, -EINVAL, "ELF32 section %u: sh_flags 0x%x, expected 0x%x",
			       idx, flags, want_flags);
	if (!strtab && !size)
		return fw_fail(why, -EINVAL, "ELF32 section %u: sh_size 0, empty", idx);
	if (off < NOVA_FW_FMC_DATA_START || !fw_in(off, size, len))
		return fw_fail(why, -EOVERFLOW,
			       "ELF32 section %u: sh_offset 0x%x + sh_size 0x%x outside 0x%x to the end of the file (0x%zx)",
			       idx, off, size, NOVA_FW_FMC_DATA_START, len);
	if (!info)
		return 0;
	crc = crc32_le(~0U, data + off, size) ^ ~0U;
	if (crc != info)
		return fw_fail(why, -EBADMSG,
			       "ELF32 section %u: CRC32 0x%08x of its contents, sh_info says 0x%08x",
			       idx, crc, info);
	return 0;
}

/**
 * fw_fmc_find() - find a blob of the fmc file by name
 * @data: the file, its header and sections checked.
 * @name: the blob's name.
 * @why: where to write the reason on failure.
 *
 * Return: the section's index; -ENODATA if no blob bears @name; -EINVAL if
 * two do; -EOVERFLOW for a name outside the string table or not ended in it.
 */
static int fw_fmc_find(const u8 *data, const char *name, char *why)
{
	const u8 *str_sh = data + NOVA_FW_FMC_EHDR_LEN + FW_FMC_STRTAB * NOVA_FW_FMC_SHDR_LEN;
	const char *str = (const char *)data + get_unaligned_le32(str_sh + FW_SH32_OFFSET);
	u32 str_len = get_unaligned_le32(str_sh + FW_SH32_SIZE);
	unsigned int i;
	int found = -ENODATA;
	u32 at;

	for (i = FW_FMC_FIRST_BLOB; i < NOVA_FW_FMC_SECTIONS; i++) {
		at = get_unaligned_le32(data + NOVA_FW_FMC_EHDR_LEN + i * NOVA_FW_FMC_SHDR_LEN +
					FW_SH32_NAME);
		if (at >= str_len || strnlen(str + at, str_len - at) == str_len - at)
			return fw_fail(why, -EOVERFLOW,
				       "ELF32 section %u: sh_name 0x%x not a string inside the string table (0x%x bytes)",
				       i, at, str_len);
		if (strcmp(str + at, name))
			continue;
		if (found >= 0)
			return fw_fail(why, -EINVAL, "ELF32: two sections named %s (%d and %u)",
				       name, found, i);
		found = i;
	}
	if (found < 0)
		return fw_fail(why, found, "ELF32: no section %s", name);
	return found;
}

/**
 * nova_fw_fmc_parse() - parse an fmc-<version>.bin file
 * @data: the file.
 * @len: length of the file in bytes.
 * @cot: the sizes of the hash, public key and signature that the chip's
 *	FSP takes (&nova_fw_fmc_cot_gh100 or &nova_fw_fmc_cot_gb100).
 * @out: the result; its pointers point into @data.
 *
 * The file must have the one shape of NVIDIA's: the ELF32 header of
 * fw_fmc_ehdr[], then six section headers, then their contents (checked
 * by fw_fmc_section(), CRC32 included). Sections 2 to 5 are the blobs
 * "image", "hash", "publickey" and "signature", each once, their names
 * strings inside the string table; the hash, key and signature are as long
 * as @cot says.
 *
 * Return: 0; -ENOEXEC if the file is not ELF32 little endian; -EINVAL for
 * a NULL argument, a malformed field or a blob of the wrong size;
 * -EOVERFLOW for an offset or length past the end of the file or of the
 * string table; -ENODATA if a blob is missing; -EBADMSG if a CRC32 does not
 * match. On failure, @out->why says why.
 */
int nova_fw_fmc_parse(const u8 *data, size_t len, const struct nova_fw_fmc_cot *cot,
		      struct nova_fw_fmc *out)
{
	const u8 **blob[ARRAY_SIZE(fw_fmc_blobs)];
	u32 want[ARRAY_SIZE(fw_fmc_blobs)];
	unsigned int i;
	u32 off, size;
	const u8 *sh;
	int ret;

	if (!out)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	if (!data || !cot)
		return fw_fail(out->why, -EINVAL, "no file data or no FSP sizes");
	if (len < NOVA_FW_FMC_EHDR_LEN)
		return fw_fail(out->why, -EOVERFLOW,
			       "ELF32 header: %u bytes past the end of the file (0x%zx)",
			       NOVA_FW_FMC_EHDR_LEN, len);
	ret = fw_fmc_header(data, out->why);
	if (ret)
		return ret;
	if (len < NOVA_FW_FMC_DATA_START)
		return fw_fail(out->why, -EOVERFLOW,
			       "ELF32 section headers: %u bytes at 0x%x past the end of the file (0x%zx)",
			       NOVA_FW_FMC_SECTIONS * NOVA_FW_FMC_SHDR_LEN, NOVA_FW_FMC_EHDR_LEN,
			       len);
	sh = data + NOVA_FW_FMC_EHDR_LEN;
	if (memchr_inv(sh, 0, NOVA_FW_FMC_SHDR_LEN))
		return fw_fail(out->why, -EINVAL,
			       "ELF32 section 0: not the null section (not all 0)");
	for (i = 1; i < NOVA_FW_FMC_SECTIONS; i++) {
		ret = fw_fmc_section(data, len, i, out->why);
		if (ret)
			return ret;
	}

	blob[0] = &out->image;
	blob[1] = &out->hash;
	blob[2] = &out->pkey;
	blob[3] = &out->sig;
	want[0] = 0;
	want[1] = cot->hash;
	want[2] = cot->pkey;
	want[3] = cot->sig;
	for (i = 0; i < ARRAY_SIZE(fw_fmc_blobs); i++) {
		ret = fw_fmc_find(data, fw_fmc_blobs[i], out->why);
		if (ret < 0)
			goto fail;
		sh = data + NOVA_FW_FMC_EHDR_LEN + ret * NOVA_FW_FMC_SHDR_LEN;
		off = get_unaligned_le32(sh + FW_SH32_OFFSET);
		size = get_unaligned_le32(sh + FW_SH32_SIZE);
		if (want[i] && size != want[i]) {
			ret = fw_fail(out->why, -EINVAL,
				      "ELF32 section %d (%s): sh_size 0x%x, the FSP takes 0x%x",
				      ret, fw_fmc_blobs[i], size, want[i]);
			goto fail;
		}
		*blob[i] = data + off;
		if (!i) {
			out->image_len = size;
			out->image_offset = off;
		}
	}
	return 0;

fail:
	out->image = NULL;
	out->image_len = 0;
	out->image_offset = 0;
	out->hash = NULL;
	out->pkey = NULL;
	out->sig = NULL;
	return ret;
}
