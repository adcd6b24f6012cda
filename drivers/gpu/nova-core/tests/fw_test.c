// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's firmware file parsers (fw.c): minimal
 * bootloader, booter, gen_bootloader, gsp and fmc files built here, a good one
 * of each, one per main corruption with its exact errno, and every
 * truncation.
 */

#include <kunit/test.h>
#include <linux/crc32.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../firmware/fw.h"

/* bootloader: BinHdr, RM_RISCV_UCODE_DESC (84 bytes), payload. */
#define T_BL_DESC	24
#define T_BL_DATA	(T_BL_DESC + 84)
#define T_BL_PAYLOAD	0x100
#define T_BL_LEN	(T_BL_DATA + T_BL_PAYLOAD)

/*
 * booter: BinHdr, HsHeaderV2, two 16-byte signatures, six words (patch
 * location, patch signature, meta data, signature count), HsLoadHeaderV2
 * with one app, payload (OS code = app 0, then OS data).
 */
#define T_HS_HDR	24
#define T_HS_SIGS	60
#define T_HS_SIG_LEN	16
#define T_HS_WORDS	(T_HS_SIGS + 2 * T_HS_SIG_LEN)
#define T_HS_LOAD	(T_HS_WORDS + 24)
#define T_HS_DATA	(T_HS_LOAD + 28)
#define T_HS_PAYLOAD	0x100
#define T_HS_LEN	(T_HS_DATA + T_HS_PAYLOAD)
#define T_HS_OS_DATA	0x80
#define T_HS_PATCH_LOC	(T_HS_OS_DATA + 0x10)

/*
 * gen_bootloader: BinHdr, BootloaderDesc (24 bytes), the code (the whole
 * payload), loaded at the top of 64 KiB of IMEM: start_tag 0xff.
 */
#define T_GB_DESC	24
#define T_GB_CODE	(T_GB_DESC + 24)
#define T_GB_CODE_LEN	0x100
#define T_GB_LEN	(T_GB_CODE + T_GB_CODE_LEN)
#define T_GB_TAG	((0x10000 - T_GB_CODE_LEN) >> 8)

/*
 * gsp: ELF header, four section headers (null, .shstrtab, .fwimage,
 * .fwsignature_ga10x), the string table, the signature, the image.
 */
#define T_SIG_NAME	".fwsignature_ga10x"
#define T_SH(i)		(64 + 64 * (i))
#define T_SHF(i, field)	(T_SH(i) + offsetof(struct elf64_shdr, field))
#define T_EHF(field)	offsetof(struct elf64_hdr, field)
#define T_STR		T_SH(4)
#define T_STR_IMAGE	11	/* ".fwimage" in the string table */
#define T_STR_SIG	20	/* T_SIG_NAME in the string table */
#define T_STR_LEN	(T_STR_SIG + sizeof(T_SIG_NAME))
#define T_SIG		(T_STR + 40)
#define T_SIG_LEN	0x40
#define T_IMAGE		(T_SIG + T_SIG_LEN)
#define T_IMAGE_LEN	0x100
#define T_GSP_LEN	(T_IMAGE + T_IMAGE_LEN)

/*
 * fmc (Blackwell's sizes): ELF32 header, six section headers (null,
 * .shstrtab, hash, signature, publickey, image), the string table, the
 * blobs, as in NVIDIA's gb100 and gb202 files.
 */
#define T_FMC_SH(i)	(52 + 40 * (i))
#define T_FMC_STR	0x124
#define T_FMC_STR_LEN	0x2a
#define T_FMC_HASH	0x150
#define T_FMC_SIG	0x180
#define T_FMC_PKEY	0x1e0
#define T_FMC_IMAGE	0x244
#define T_FMC_IMAGE_LEN	0x40
#define T_FMC_LEN	(T_FMC_IMAGE + T_FMC_IMAGE_LEN)

/* The kinds of file. */
enum t_kind { T_BOOTLOADER, T_BOOTER, T_GEN_BOOTLOADER, T_GSP, T_FMC };

static void t_binhdr(u8 *d, u32 len, u32 data_offset, u32 data_size)
{
	put_unaligned_le32(NOVA_FW_BIN_MAGIC, d);
	put_unaligned_le32(1, d + 4);
	put_unaligned_le32(len, d + 8);
	put_unaligned_le32(24, d + 12);
	put_unaligned_le32(data_offset, d + 16);
	put_unaligned_le32(data_size, d + 20);
}

/* Builds the good bootloader into @d (T_BL_LEN bytes). */
static void t_build_bootloader(u8 *d)
{
	static const u32 desc[] = {
		1, 0, T_BL_PAYLOAD, 0, 0, 0, 0, 0x2a2a0570,
		0xc0, 0x40,	/* manifest */
		0x80, 0x40,	/* monitor data */
		0x00, 0x80,	/* monitor code */
	};
	unsigned int i;

	memset(d, 0, T_BL_LEN);
	t_binhdr(d, T_BL_LEN, T_BL_DATA, T_BL_PAYLOAD);
	for (i = 0; i < ARRAY_SIZE(desc); i++)
		put_unaligned_le32(desc[i], d + T_BL_DESC + 4 * i);
	memset(d + T_BL_DATA, 0xc0, T_BL_PAYLOAD);
}

/* Builds the good booter into @d (T_HS_LEN bytes). */
static void t_build_booter(u8 *d)
{
	static const u32 hs[] = {
		T_HS_SIGS, 2 * T_HS_SIG_LEN, T_HS_WORDS, T_HS_WORDS + 4,
		T_HS_WORDS + 8, 12, T_HS_WORDS + 20, T_HS_LOAD, 28,
	};
	static const u32 words[] = { T_HS_PATCH_LOC, 0, 2, 0x1, 0x7, 2 };
	static const u32 load[] = { 0, 0x80, T_HS_OS_DATA, 0x80, 1, 0, 0x80 };
	unsigned int i;

	memset(d, 0, T_HS_LEN);
	t_binhdr(d, T_HS_LEN, T_HS_DATA, T_HS_PAYLOAD);
	for (i = 0; i < ARRAY_SIZE(hs); i++)
		put_unaligned_le32(hs[i], d + T_HS_HDR + 4 * i);
	memset(d + T_HS_SIGS, 0x51, T_HS_SIG_LEN);
	memset(d + T_HS_SIGS + T_HS_SIG_LEN, 0x52, T_HS_SIG_LEN);
	for (i = 0; i < ARRAY_SIZE(words); i++)
		put_unaligned_le32(words[i], d + T_HS_WORDS + 4 * i);
	for (i = 0; i < ARRAY_SIZE(load); i++)
		put_unaligned_le32(load[i], d + T_HS_LOAD + 4 * i);
	memset(d + T_HS_DATA, 0xc0, T_HS_PAYLOAD);
}

/* Builds the good gen_bootloader into @d (T_GB_LEN bytes). */
static void t_build_gen_bootloader(u8 *d)
{
	/* start_tag, dmem_load_off, code_off, code_size, data_off, data_size */
	static const u32 desc[] = { T_GB_TAG, 0, 0, T_GB_CODE_LEN, T_GB_CODE_LEN, 0 };
	unsigned int i;

	memset(d, 0, T_GB_LEN);
	t_binhdr(d, T_GB_LEN, T_GB_CODE, T_GB_CODE_LEN);
	for (i = 0; i < ARRAY_SIZE(desc); i++)
		put_unaligned_le32(desc[i], d + T_GB_DESC + 4 * i);
	memset(d + T_GB_CODE, 0xb1, T_GB_CODE_LEN);
}

static void t_shdr(u8 *d, unsigned int i, u32 name, u32 type, u64 off, u64 size)
{
	put_unaligned_le32(name, d + T_SHF(i, sh_name));
	put_unaligned_le32(type, d + T_SHF(i, sh_type));
	put_unaligned_le64(off, d + T_SHF(i, sh_offset));
	put_unaligned_le64(size, d + T_SHF(i, sh_size));
}

/* Builds the good gsp file into @d (T_GSP_LEN bytes). */
static void t_build_gsp(u8 *d)
{
	memset(d, 0, T_GSP_LEN);
	memcpy(d, ELFMAG, SELFMAG);
	d[EI_CLASS] = ELFCLASS64;
	d[EI_DATA] = ELFDATA2LSB;
	d[EI_VERSION] = EV_CURRENT;
	put_unaligned_le64(T_SH(0), d + T_EHF(e_shoff));
	put_unaligned_le16(sizeof(struct elf64_shdr), d + T_EHF(e_shentsize));
	put_unaligned_le16(4, d + T_EHF(e_shnum));
	put_unaligned_le16(1, d + T_EHF(e_shstrndx));

	memcpy(d + T_STR + 1, ".shstrtab", sizeof(".shstrtab"));
	memcpy(d + T_STR + T_STR_IMAGE, ".fwimage", sizeof(".fwimage"));
	memcpy(d + T_STR + T_STR_SIG, T_SIG_NAME, sizeof(T_SIG_NAME));
	t_shdr(d, 1, 1, SHT_STRTAB, T_STR, T_STR_LEN);
	t_shdr(d, 2, T_STR_IMAGE, SHT_PROGBITS, T_IMAGE, T_IMAGE_LEN);
	t_shdr(d, 3, T_STR_SIG, SHT_PROGBITS, T_SIG, T_SIG_LEN);
	memset(d + T_SIG, 0x5a, T_SIG_LEN);
	memset(d + T_IMAGE, 0x6e, T_IMAGE_LEN);
}

/* Builds the good fmc file into @d (T_FMC_LEN bytes), CRC32s included. */
static void t_build_fmc(u8 *d)
{
	static const char str[T_FMC_STR_LEN] =
		"\0.shstrtab\0hash\0signature\0publickey\0image";
	/* name, offset, size of sections 1 to 5 */
	static const u32 sec[5][3] = {
		{ 1, T_FMC_STR, T_FMC_STR_LEN },
		{ 11, T_FMC_HASH, 48 },
		{ 16, T_FMC_SIG, 96 },
		{ 26, T_FMC_PKEY, 97 },
		{ 36, T_FMC_IMAGE, T_FMC_IMAGE_LEN },
	};
	unsigned int i;
	u8 *sh;

	memset(d, 0, T_FMC_LEN);
	memcpy(d, ELFMAG, SELFMAG);
	d[EI_CLASS] = ELFCLASS32;
	d[EI_DATA] = ELFDATA2LSB;
	d[EI_VERSION] = EV_CURRENT;
	put_unaligned_le32(EV_CURRENT, d + 20);
	put_unaligned_le32(52, d + 32);		/* e_shoff */
	put_unaligned_le16(52, d + 40);		/* e_ehsize */
	put_unaligned_le16(40, d + 46);		/* e_shentsize */
	put_unaligned_le16(6, d + 48);		/* e_shnum */
	put_unaligned_le16(1, d + 50);		/* e_shstrndx */
	memcpy(d + T_FMC_STR, str, sizeof(str));
	memset(d + T_FMC_HASH, 0x4a, T_FMC_IMAGE - T_FMC_HASH);
	memset(d + T_FMC_IMAGE, 0x6e, T_FMC_IMAGE_LEN);
	for (i = 0; i < ARRAY_SIZE(sec); i++) {
		sh = d + T_FMC_SH(i + 1);
		put_unaligned_le32(sec[i][0], sh);
		put_unaligned_le32(i ? SHT_PROGBITS : SHT_STRTAB, sh + 4);
		put_unaligned_le32(i ? 0xfff00102 : 0x20, sh + 8);
		put_unaligned_le32(sec[i][1], sh + 16);
		put_unaligned_le32(sec[i][2], sh + 20);
		if (i)
			put_unaligned_le32(crc32_le(~0U, d + sec[i][1], sec[i][2]) ^ ~0U,
					   sh + 28);
	}
}

/**
 * struct t_ctx - files and results, allocated per test
 * @bl: the bootloader file.
 * @hs: the booter file.
 * @gb: the gen_bootloader file.
 * @gsp: the gsp file.
 * @fmc: the fmc file.
 * @b: bootloader result.
 * @h: booter result.
 * @gbl: gen_bootloader result.
 * @g: gsp result.
 * @f: fmc result.
 */
struct t_ctx {
	u8 bl[T_BL_LEN];
	u8 hs[T_HS_LEN];
	u8 gb[T_GB_LEN];
	u8 gsp[T_GSP_LEN];
	u8 fmc[T_FMC_LEN];
	struct nova_fw_bootloader b;
	struct nova_fw_booter h;
	struct nova_fw_gen_bootloader gbl;
	struct nova_fw_gsp g;
	struct nova_fw_fmc f;
};

static struct t_ctx *t_new(struct kunit *test)
{
	struct t_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	t_build_bootloader(c->bl);
	t_build_booter(c->hs);
	t_build_gen_bootloader(c->gb);
	t_build_gsp(c->gsp);
	t_build_fmc(c->fmc);
	return c;
}

/* Parses @len bytes of @d as @kind; returns the errno and the reason. */
static int t_parse(struct t_ctx *c, enum t_kind kind, const u8 *d, size_t len,
		   const char **why)
{
	switch (kind) {
	case T_BOOTLOADER:
		*why = c->b.why;
		return nova_fw_bootloader_parse(d, len, &c->b);
	case T_BOOTER:
		*why = c->h.why;
		return nova_fw_booter_parse(d, len, &c->h);
	case T_GEN_BOOTLOADER:
		*why = c->gbl.why;
		return nova_fw_gen_bootloader_parse(d, len, &c->gbl);
	case T_GSP:
		*why = c->g.why;
		return nova_fw_gsp_parse(d, len, T_SIG_NAME, &c->g);
	default:
		*why = c->f.why;
		return nova_fw_fmc_parse(d, len, &nova_fw_fmc_cot_gb100, &c->f);
	}
}

static void nova_fw_bootloader_good_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	struct nova_fw_bootloader *b = &c->b;

	KUNIT_ASSERT_EQ_MSG(test, nova_fw_bootloader_parse(c->bl, T_BL_LEN, b), 0, "%s", b->why);
	KUNIT_EXPECT_STREQ(test, b->why, "");
	KUNIT_EXPECT_EQ(test, b->bin.bin_magic, (u32)NOVA_FW_BIN_MAGIC);
	KUNIT_EXPECT_EQ(test, b->bin.header_offset, (u32)T_BL_DESC);
	KUNIT_EXPECT_EQ(test, b->bin.data_offset, (u32)T_BL_DATA);
	KUNIT_EXPECT_EQ(test, b->version, 1U);
	KUNIT_EXPECT_EQ(test, b->app_version, 0x2a2a0570U);
	KUNIT_EXPECT_EQ(test, b->manifest_offset, 0xc0U);
	KUNIT_EXPECT_EQ(test, b->monitor_data_offset, 0x80U);
	KUNIT_EXPECT_EQ(test, b->monitor_code_offset, 0U);
	KUNIT_EXPECT_EQ(test, b->monitor_code_size, 0x80U);
	KUNIT_EXPECT_PTR_EQ(test, b->ucode, (const u8 *)c->bl + T_BL_DATA);
	KUNIT_EXPECT_EQ(test, b->ucode_len, (u32)T_BL_PAYLOAD);
}

static void nova_fw_booter_good_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	struct nova_fw_booter *h = &c->h;

	KUNIT_ASSERT_EQ_MSG(test, nova_fw_booter_parse(c->hs, T_HS_LEN, h), 0, "%s", h->why);
	KUNIT_EXPECT_STREQ(test, h->why, "");
	KUNIT_EXPECT_EQ(test, h->num_sigs, 2U);
	KUNIT_EXPECT_EQ(test, h->sig_len, (u32)T_HS_SIG_LEN);
	KUNIT_EXPECT_PTR_EQ(test, h->sigs, (const u8 *)c->hs + T_HS_SIGS);
	KUNIT_EXPECT_EQ(test, h->sigs[T_HS_SIG_LEN], 0x52);
	KUNIT_EXPECT_EQ(test, h->patch_loc, (u32)T_HS_PATCH_LOC);
	KUNIT_EXPECT_EQ(test, h->patch_loc - h->os_data_offset, 0x10U);
	KUNIT_EXPECT_EQ(test, h->fuse_ver, 2U);
	KUNIT_EXPECT_EQ(test, h->engine_id_mask, 0x1U);
	KUNIT_EXPECT_EQ(test, h->ucode_id, 0x7U);
	KUNIT_EXPECT_EQ(test, h->num_apps, 1U);
	KUNIT_EXPECT_EQ(test, h->app0_offset, 0U);
	KUNIT_EXPECT_EQ(test, h->app0_size, 0x80U);
	KUNIT_EXPECT_EQ(test, h->os_data_size, 0x80U);
	KUNIT_EXPECT_PTR_EQ(test, h->ucode, (const u8 *)c->hs + T_HS_DATA);
	KUNIT_EXPECT_EQ(test, h->ucode_len, (u32)T_HS_PAYLOAD);
}

static void nova_fw_gen_bootloader_good_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	struct nova_fw_gen_bootloader *gb = &c->gbl;

	KUNIT_ASSERT_EQ_MSG(test, nova_fw_gen_bootloader_parse(c->gb, T_GB_LEN, gb), 0, "%s",
			    gb->why);
	KUNIT_EXPECT_STREQ(test, gb->why, "");
	KUNIT_EXPECT_EQ(test, gb->bin.bin_magic, (u32)NOVA_FW_BIN_MAGIC);
	KUNIT_EXPECT_EQ(test, gb->bin.header_offset, (u32)T_GB_DESC);
	KUNIT_EXPECT_EQ(test, gb->bin.data_offset, (u32)T_GB_CODE);
	KUNIT_EXPECT_EQ(test, gb->start_tag, 0xffU);
	KUNIT_EXPECT_EQ(test, gb->dmem_load_off, 0U);
	KUNIT_EXPECT_EQ(test, gb->code_off, 0U);
	KUNIT_EXPECT_EQ(test, gb->code_size, (u32)T_GB_CODE_LEN);
	KUNIT_EXPECT_EQ(test, gb->data_off, (u32)T_GB_CODE_LEN);
	KUNIT_EXPECT_EQ(test, gb->data_size, 0U);
	KUNIT_EXPECT_PTR_EQ(test, gb->code, (const u8 *)c->gb + T_GB_CODE);
	KUNIT_EXPECT_EQ(test, gb->code_len, (u32)T_GB_CODE_LEN);

	/* The legacy fields are recorded, not checked; the code may end early. */
	put_unaligned_le32(0xffffffff, c->gb + T_GB_DESC + 4);
	put_unaligned_le32(0xffffffff, c->gb + T_GB_DESC + 8);
	put_unaligned_le32(0x10, c->gb + T_GB_DESC + 12);
	put_unaligned_le32(0xffffffff, c->gb + T_GB_DESC + 16);
	put_unaligned_le32(0xffffffff, c->gb + T_GB_DESC + 20);
	KUNIT_ASSERT_EQ_MSG(test, nova_fw_gen_bootloader_parse(c->gb, T_GB_LEN, gb), 0, "%s",
			    gb->why);
	KUNIT_EXPECT_EQ(test, gb->dmem_load_off, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, gb->data_size, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, gb->code_len, 0x10U);
	KUNIT_EXPECT_EQ(test, gb->bin.data_size, (u32)T_GB_CODE_LEN);

	KUNIT_EXPECT_EQ(test, nova_fw_gen_bootloader_parse(c->gsp, T_GSP_LEN, gb), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, nova_fw_gen_bootloader_parse(NULL, T_GB_LEN, gb), -EINVAL);
	KUNIT_EXPECT_EQ(test, nova_fw_gen_bootloader_parse(c->gb, T_GB_LEN, NULL), -EINVAL);
}

/*
 * The largest gen_bootloader: 0xff00 bytes of code, loaded at 0x100
 * (start_tag 1); a byte more does not fit. start_tag 0xff is the last tag.
 */
static void nova_fw_gen_bootloader_limits_test(struct kunit *test)
{
	const u32 max = NOVA_FW_GEN_BL_MAX_CODE, len = T_GB_CODE + max + 1;
	struct t_ctx *c = t_new(test);
	struct nova_fw_gen_bootloader *gb = &c->gbl;
	u8 *d = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_EXPECT_EQ(test, max, 0xff00U);
	memcpy(d, c->gb, T_GB_CODE);
	put_unaligned_le32(len, d + 8);
	put_unaligned_le32(max + 1, d + 20);
	put_unaligned_le32(1, d + T_GB_DESC);
	put_unaligned_le32(max, d + T_GB_DESC + 12);
	KUNIT_EXPECT_EQ_MSG(test, nova_fw_gen_bootloader_parse(d, len, gb), 0, "%s", gb->why);
	KUNIT_EXPECT_EQ(test, gb->code_len, max);
	put_unaligned_le32(max + 1, d + T_GB_DESC + 12);
	KUNIT_EXPECT_EQ(test, nova_fw_gen_bootloader_parse(d, len, gb), -EINVAL);

	put_unaligned_le32(0, c->gb + T_GB_DESC);
	KUNIT_EXPECT_EQ(test, nova_fw_gen_bootloader_parse(c->gb, T_GB_LEN, gb), 0);
	put_unaligned_le32(NOVA_FW_GEN_BL_MAX_TAG + 1, c->gb + T_GB_DESC);
	KUNIT_EXPECT_EQ(test, nova_fw_gen_bootloader_parse(c->gb, T_GB_LEN, gb), -EINVAL);

	/* The descriptor may end exactly at the end of the file. */
	put_unaligned_le32(T_GB_TAG, c->gb + T_GB_DESC);
	memcpy(c->gb + T_GB_LEN - 24, c->gb + T_GB_DESC, 24);
	put_unaligned_le32(T_GB_LEN - 24, c->gb + 12);
	KUNIT_EXPECT_EQ_MSG(test, nova_fw_gen_bootloader_parse(c->gb, T_GB_LEN, gb), 0, "%s",
			    gb->why);
	put_unaligned_le32(T_GB_CODE_LEN - 1, c->gb + 20);
	put_unaligned_le32(T_GB_CODE_LEN - 1, c->gb + T_GB_LEN - 24 + 12);
	KUNIT_EXPECT_EQ(test, nova_fw_gen_bootloader_parse(c->gb, T_GB_LEN - 1, gb), -EOVERFLOW);
}

static void nova_fw_gsp_good_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	struct nova_fw_gsp *g = &c->g;

	KUNIT_ASSERT_EQ_MSG(test, nova_fw_gsp_parse(c->gsp, T_GSP_LEN, T_SIG_NAME, g), 0,
			    "%s", g->why);
	KUNIT_EXPECT_STREQ(test, g->why, "");
	KUNIT_EXPECT_PTR_EQ(test, g->image, (const u8 *)c->gsp + T_IMAGE);
	KUNIT_EXPECT_EQ(test, g->image_len, (size_t)T_IMAGE_LEN);
	KUNIT_EXPECT_PTR_EQ(test, g->sig, (const u8 *)c->gsp + T_SIG);
	KUNIT_EXPECT_EQ(test, g->sig_len, (size_t)T_SIG_LEN);

	KUNIT_EXPECT_EQ(test, nova_fw_gsp_parse(c->gsp, T_GSP_LEN, NULL, g), 0);
	KUNIT_EXPECT_NULL(test, g->sig);
	KUNIT_EXPECT_EQ(test, nova_fw_gsp_parse(c->gsp, T_GSP_LEN, ".fwsignature_tu10x", g),
			-ENODATA);
	KUNIT_EXPECT_EQ(test, nova_fw_booter_parse(c->gsp, T_GSP_LEN, &c->h), -ENOEXEC);
	KUNIT_EXPECT_EQ(test, nova_fw_gsp_parse(c->hs, T_HS_LEN, NULL, g), -ENOEXEC);
}

/**
 * struct nova_fw_bad_case - one corruption of a good file
 * @name: what it breaks.
 * @kind: the file it breaks.
 * @off: offset of the bytes to change.
 * @val: the new value.
 * @size: bytes to change: 1, 2, 4 or 8 (little-endian).
 * @err: the errno the parser must return.
 */
struct nova_fw_bad_case {
	const char *name;
	enum t_kind kind;
	u32 off;
	u64 val;
	u8 size;
	int err;
};

static const struct nova_fw_bad_case nova_fw_bad_cases[] = {
	{ "bootloader: BinHdr magic", T_BOOTLOADER, 0, 0x10df, 4, -ENOEXEC },
	{ "bootloader: data_size 0", T_BOOTLOADER, 20, 0, 4, -EINVAL },
	{ "bootloader: payload past the end", T_BOOTLOADER, 20, T_BL_PAYLOAD + 1, 4,
	  -EOVERFLOW },
	{ "bootloader: data_offset overflowing", T_BOOTLOADER, 16, 0xffffffff, 4, -EOVERFLOW },
	{ "bootloader: descriptor past the end", T_BOOTLOADER, 12, T_BL_LEN - 55, 4,
	  -EOVERFLOW },
	{ "bootloader: monitor code past the payload", T_BOOTLOADER, T_BL_DESC + 48,
	  T_BL_PAYLOAD, 4, -EOVERFLOW },
	{ "bootloader: monitor data size overflowing", T_BOOTLOADER, T_BL_DESC + 44,
	  0xffffffff, 4, -EOVERFLOW },
	{ "bootloader: manifest past the payload", T_BOOTLOADER, T_BL_DESC + 32, 0xf0, 4,
	  -EOVERFLOW },
	{ "booter: BinHdr magic", T_BOOTER, 0, 0, 4, -ENOEXEC },
	{ "booter: HsHeaderV2 past the end", T_BOOTER, 12, T_HS_LEN - 35, 4, -EOVERFLOW },
	{ "booter: num_sigs 0", T_BOOTER, T_HS_WORDS + 20, 0, 4, -EINVAL },
	{ "booter: sig_prod_size not a multiple", T_BOOTER, T_HS_HDR + 4, 33, 4, -EINVAL },
	{ "booter: signatures past the end", T_BOOTER, T_HS_HDR + 4, 0x2000, 4, -EOVERFLOW },
	{ "booter: patch_sig overflowing", T_BOOTER, T_HS_WORDS + 4, 0xffffffff, 4,
	  -EOVERFLOW },
	{ "booter: num_sig_offset past the end", T_BOOTER, T_HS_HDR + 24, 0xfffffffe, 4,
	  -EOVERFLOW },
	{ "booter: meta_data_size 8", T_BOOTER, T_HS_HDR + 20, 8, 4, -EINVAL },
	{ "booter: engine_id_mask too wide", T_BOOTER, T_HS_WORDS + 12, 0x10000, 4, -EINVAL },
	{ "booter: ucode_id too wide", T_BOOTER, T_HS_WORDS + 16, 0x100, 4, -EINVAL },
	{ "booter: header_size 16", T_BOOTER, T_HS_HDR + 32, 16, 4, -EINVAL },
	{ "booter: num_apps 0", T_BOOTER, T_HS_LOAD + 16, 0, 4, -EINVAL },
	{ "booter: num_apps too many", T_BOOTER, T_HS_LOAD + 16, 0x40000000, 4, -EINVAL },
	{ "booter: OS data past the payload", T_BOOTER, T_HS_LOAD + 12, 0x81, 4, -EOVERFLOW },
	{ "booter: app 0 empty", T_BOOTER, T_HS_LOAD + 24, 0, 4, -EINVAL },
	{ "booter: app 0 past the payload", T_BOOTER, T_HS_LOAD + 20, T_HS_PAYLOAD, 4,
	  -EOVERFLOW },
	{ "booter: patch_loc below the OS data", T_BOOTER, T_HS_WORDS, T_HS_OS_DATA - 4, 4,
	  -EINVAL },
	{ "booter: signature past the OS data", T_BOOTER, T_HS_WORDS, T_HS_PAYLOAD - 8, 4,
	  -EOVERFLOW },
	{ "gen_bootloader: BinHdr magic", T_GEN_BOOTLOADER, 0, 0x10df, 4, -ENOEXEC },
	{ "gen_bootloader: data_offset overflowing", T_GEN_BOOTLOADER, 16, 0xffffff00, 4,
	  -EOVERFLOW },
	{ "gen_bootloader: descriptor past the end", T_GEN_BOOTLOADER, 12, T_GB_LEN - 23, 4,
	  -EOVERFLOW },
	{ "gen_bootloader: descriptor offset overflowing", T_GEN_BOOTLOADER, 12, 0xfffffff0, 4,
	  -EOVERFLOW },
	{ "gen_bootloader: start_tag 0x100", T_GEN_BOOTLOADER, T_GB_DESC, 0x100, 4, -EINVAL },
	{ "gen_bootloader: code_size 0", T_GEN_BOOTLOADER, T_GB_DESC + 12, 0, 4, -EINVAL },
	{ "gen_bootloader: code_size 0xff01", T_GEN_BOOTLOADER, T_GB_DESC + 12, 0xff01, 4,
	  -EINVAL },
	{ "gen_bootloader: code_size 0xffffffff", T_GEN_BOOTLOADER, T_GB_DESC + 12, 0xffffffff,
	  4, -EINVAL },
	{ "gen_bootloader: code past the end", T_GEN_BOOTLOADER, T_GB_DESC + 12,
	  T_GB_CODE_LEN + 1, 4, -EOVERFLOW },
	{ "gen_bootloader: payload shorter than the code", T_GEN_BOOTLOADER, 20,
	  T_GB_CODE_LEN / 2, 4, -EOVERFLOW },
	{ "gsp: ELF magic", T_GSP, 1, 'X', 1, -ENOEXEC },
	{ "gsp: ELFCLASS32", T_GSP, EI_CLASS, ELFCLASS32, 1, -ENOEXEC },
	{ "gsp: big endian", T_GSP, EI_DATA, ELFDATA2MSB, 1, -ENOEXEC },
	{ "gsp: e_shentsize 40", T_GSP, T_EHF(e_shentsize), 40, 2, -EINVAL },
	{ "gsp: e_shnum 0", T_GSP, T_EHF(e_shnum), 0, 2, -EINVAL },
	{ "gsp: e_shnum 65535", T_GSP, T_EHF(e_shnum), 0xffff, 2, -EOVERFLOW },
	{ "gsp: e_shoff overflowing", T_GSP, T_EHF(e_shoff), 0xffffffffffffff00ULL, 8, -EOVERFLOW },
	{ "gsp: e_shstrndx out of range", T_GSP, T_EHF(e_shstrndx), 4, 2, -EINVAL },
	{ "gsp: string table SHT_NOBITS", T_GSP, T_SHF(1, sh_type), SHT_NOBITS, 4, -EINVAL },
	{ "gsp: string table past the end", T_GSP, T_SHF(1, sh_size), 0x10000, 8, -EOVERFLOW },
	{ "gsp: sh_name past the string table", T_GSP, T_SH(2), 0x1000, 4, -EOVERFLOW },
	{ "gsp: no .fwimage", T_GSP, T_STR + T_STR_IMAGE + 1, 'X', 1, -ENODATA },
	{ "gsp: no signature section", T_GSP, T_STR + T_STR_SIG + 1, 'X', 1, -ENODATA },
	{ "gsp: .fwimage SHT_NOBITS", T_GSP, T_SHF(2, sh_type), SHT_NOBITS, 4, -EINVAL },
	{ "gsp: .fwimage past the end", T_GSP, T_SHF(2, sh_size), T_IMAGE_LEN + 1, 8, -EOVERFLOW },
	{ "gsp: signature section empty", T_GSP, T_SHF(3, sh_size), 0, 8, -EINVAL },
	{ "gsp: two .fwimage sections", T_GSP, T_SH(3), T_STR_IMAGE, 4, -EINVAL },
	{ "fmc: ELF magic", T_FMC, 1, 'X', 1, -ENOEXEC },
	{ "fmc: ELFCLASS64", T_FMC, EI_CLASS, ELFCLASS64, 1, -ENOEXEC },
	{ "fmc: big endian", T_FMC, EI_DATA, ELFDATA2MSB, 1, -ENOEXEC },
	{ "fmc: e_type ET_EXEC", T_FMC, 16, ET_EXEC, 2, -EINVAL },
	{ "fmc: e_shoff 0x40", T_FMC, 32, 0x40, 4, -EINVAL },
	{ "fmc: e_shnum 7", T_FMC, 48, 7, 2, -EINVAL },
	{ "fmc: e_ident padding", T_FMC, 15, 1, 1, -EINVAL },
	{ "fmc: null section not 0", T_FMC, T_FMC_SH(0) + 39, 1, 1, -EINVAL },
	{ "fmc: string table SHT_PROGBITS", T_FMC, T_FMC_SH(1) + 4, SHT_PROGBITS, 4, -EINVAL },
	{ "fmc: blob flags", T_FMC, T_FMC_SH(2) + 8, 0x2, 4, -EINVAL },
	{ "fmc: blob over the section headers", T_FMC, T_FMC_SH(2) + 16, 0x100, 4,
	  -EOVERFLOW },
	{ "fmc: image past the end", T_FMC, T_FMC_SH(5) + 20, T_FMC_IMAGE_LEN + 1, 4,
	  -EOVERFLOW },
	{ "fmc: image size overflowing", T_FMC, T_FMC_SH(5) + 20, 0xffffffff, 4, -EOVERFLOW },
	{ "fmc: image CRC32", T_FMC, T_FMC_IMAGE + 7, 0x6f, 1, -EBADMSG },
	{ "fmc: hash CRC32", T_FMC, T_FMC_SH(2) + 28, 0x12345678, 4, -EBADMSG },
	{ "fmc: sh_name past the string table", T_FMC, T_FMC_SH(3), T_FMC_STR_LEN, 4,
	  -EOVERFLOW },
	{ "fmc: string table not ended", T_FMC, T_FMC_STR + T_FMC_STR_LEN - 1, 'e', 1,
	  -EOVERFLOW },
	{ "fmc: no image", T_FMC, T_FMC_STR + 37, 'X', 1, -ENODATA },
	{ "fmc: two sections named hash", T_FMC, T_FMC_SH(3), 11, 4, -EINVAL },
	{ "fmc: image empty", T_FMC, T_FMC_SH(5) + 20, 0, 4, -EINVAL },
};

static void nova_fw_bad_desc(const struct nova_fw_bad_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(nova_fw_bad, nova_fw_bad_cases, nova_fw_bad_desc);

static void nova_fw_bad_test(struct kunit *test)
{
	const struct nova_fw_bad_case *t = test->param_value;
	struct t_ctx *c = t_new(test);
	const char *why;
	size_t len;
	u8 *d;
	int ret;

	switch (t->kind) {
	case T_BOOTLOADER:
		d = c->bl;
		len = T_BL_LEN;
		break;
	case T_BOOTER:
		d = c->hs;
		len = T_HS_LEN;
		break;
	case T_GEN_BOOTLOADER:
		d = c->gb;
		len = T_GB_LEN;
		break;
	case T_GSP:
		d = c->gsp;
		len = T_GSP_LEN;
		break;
	default:
		d = c->fmc;
		len = T_FMC_LEN;
		break;
	}
	KUNIT_ASSERT_LE(test, (size_t)t->off + t->size, len);
	if (t->size == 1)
		d[t->off] = t->val;
	else if (t->size == 2)
		put_unaligned_le16(t->val, d + t->off);
	else if (t->size == 4)
		put_unaligned_le32(t->val, d + t->off);
	else
		put_unaligned_le64(t->val, d + t->off);

	ret = t_parse(c, t->kind, d, len, &why);
	KUNIT_EXPECT_EQ_MSG(test, ret, t->err, "%s", why);
	KUNIT_EXPECT_NE(test, why[0], 0);
}

/* Every truncation of each good file is refused, without reading past it. */
static void nova_fw_truncated_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	static const struct {
		enum t_kind kind;
		size_t len;
	} files[] = {
		{ T_BOOTLOADER, T_BL_LEN },
		{ T_BOOTER, T_HS_LEN },
		{ T_GEN_BOOTLOADER, T_GB_LEN },
		{ T_GSP, T_GSP_LEN },
		{ T_FMC, T_FMC_LEN },
	};
	const u8 *src[] = { c->bl, c->hs, c->gb, c->gsp, c->fmc };
	unsigned int f;
	const char *why;
	size_t n;
	u8 *copy;

	for (f = 0; f < ARRAY_SIZE(files); f++) {
		for (n = 0; n < files[f].len; n++) {
			copy = kunit_kmalloc(test, n ? n : 1, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, copy);
			memcpy(copy, src[f], n);
			KUNIT_EXPECT_LT(test, t_parse(c, files[f].kind, copy, n, &why), 0);
			kunit_kfree(test, copy);
		}
	}
}

static void nova_fw_fmc_good_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	struct nova_fw_fmc *f = &c->f;

	KUNIT_ASSERT_EQ_MSG(test, nova_fw_fmc_parse(c->fmc, T_FMC_LEN, &nova_fw_fmc_cot_gb100, f),
			    0, "%s", f->why);
	KUNIT_EXPECT_STREQ(test, f->why, "");
	KUNIT_EXPECT_PTR_EQ(test, f->image, (const u8 *)c->fmc + T_FMC_IMAGE);
	KUNIT_EXPECT_EQ(test, f->image_len, (size_t)T_FMC_IMAGE_LEN);
	KUNIT_EXPECT_EQ(test, f->image_offset, (size_t)T_FMC_IMAGE);
	KUNIT_EXPECT_PTR_EQ(test, f->hash, (const u8 *)c->fmc + T_FMC_HASH);
	KUNIT_EXPECT_PTR_EQ(test, f->sig, (const u8 *)c->fmc + T_FMC_SIG);
	KUNIT_EXPECT_PTR_EQ(test, f->pkey, (const u8 *)c->fmc + T_FMC_PKEY);
	/* Hopper's FSP takes a 384-byte key and signature: refused, nothing kept. */
	KUNIT_EXPECT_EQ(test, nova_fw_fmc_parse(c->fmc, T_FMC_LEN, &nova_fw_fmc_cot_gh100, f),
			-EINVAL);
	KUNIT_EXPECT_NULL(test, f->image);
	KUNIT_EXPECT_NULL(test, f->hash);
	KUNIT_EXPECT_EQ(test, nova_fw_fmc_parse(c->fmc, T_FMC_LEN, NULL, f), -EINVAL);
	KUNIT_EXPECT_EQ(test, nova_fw_fmc_parse(c->gsp, T_GSP_LEN, &nova_fw_fmc_cot_gb100, f),
			-ENOEXEC);
	KUNIT_EXPECT_EQ(test, nova_fw_gsp_parse(c->fmc, T_FMC_LEN, NULL, &c->g), -ENOEXEC);
}

static struct kunit_case nova_fw_cases[] = {
	KUNIT_CASE(nova_fw_bootloader_good_test),
	KUNIT_CASE(nova_fw_booter_good_test),
	KUNIT_CASE(nova_fw_gen_bootloader_good_test),
	KUNIT_CASE(nova_fw_gen_bootloader_limits_test),
	KUNIT_CASE(nova_fw_gsp_good_test),
	KUNIT_CASE(nova_fw_fmc_good_test),
	KUNIT_CASE_PARAM(nova_fw_bad_test, nova_fw_bad_gen_params),
	KUNIT_CASE(nova_fw_truncated_test),
	{}
};

static struct kunit_suite nova_fw_suite = {
	.name = "nova_core_fw",
	.test_cases = nova_fw_cases,
};

kunit_test_suite(nova_fw_suite);
