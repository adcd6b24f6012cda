// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's VBIOS parser (vbios.c): minimal ROMs built
 * here, a good one and one per main corruption, each with its exact errno.
 */

#include <kunit/test.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../vbios/vbios.h"

/* Layout of the test ROM: PCI-AT, EFI, FWSEC (512 bytes each), FWSEC (1 KiB). */
#define T_PCIAT		0x000
#define T_EFI		0x200
#define T_FW0		0x400
#define T_FW1		0x600
#define T_LEN		0xa00
#define T_BIT		0x100
#define T_FALCON	0x1f0
#define T_PMU		0x100	/* in FWSEC 0 */
#define T_DESC		0x080	/* in FWSEC 1 */
#define T_SIGS		1
#define T_IMEM		0x40
#define T_DMEM		0x20
/* Addresses count the PCI-AT image, then the FWSEC images. */
#define T_ADDR(fw_off)	(0x200 + (fw_off) - T_FW0)

/* Writes the ROM header, the PCIR at +0x20 and, but for EFI, an NPDE at +0x40. */
static void t_image(u8 *img, u8 type, u16 units, bool last)
{
	put_unaligned_le16(NOVA_VBIOS_ROM_SIG, img);
	put_unaligned_le16(0x20, img + NOVA_VBIOS_ROM_PCIR_PTR);
	memcpy(img + 0x20, "PCIR", 4);
	put_unaligned_le16(0x18, img + 0x20 + NOVA_VBIOS_PCIR_LEN);
	put_unaligned_le16(units, img + 0x20 + NOVA_VBIOS_PCIR_IMAGE_LEN);
	img[0x20 + NOVA_VBIOS_PCIR_CODE_TYPE] = type;
	img[0x20 + NOVA_VBIOS_PCIR_INDICATOR] = last ? NOVA_VBIOS_LAST_IMAGE : 0;
	if (type == NOVA_VBIOS_CODE_EFI)
		return;
	memcpy(img + 0x40, "NPDE", 4);
	put_unaligned_le16(units, img + 0x40 + NOVA_VBIOS_NPDE_SUBIMAGE_LEN);
	img[0x40 + NOVA_VBIOS_NPDE_LAST] = last ? NOVA_VBIOS_LAST_IMAGE : 0;
}

/* Builds the good ROM into @rom (T_LEN bytes). */
static void t_build(u8 *rom)
{
	static const u8 bit_hdr[] = { 0xff, 0xb8, 'B', 'I', 'T', 0, 0, 1, 12, 6, 2, 0 };
	u8 *bit = rom + T_BIT, *pmu = rom + T_FW0 + T_PMU, *desc = rom + T_FW1 + T_DESC;

	memset(rom, 0, T_LEN);
	t_image(rom + T_PCIAT, NOVA_VBIOS_CODE_PCI_AT, 1, false);
	t_image(rom + T_EFI, NOVA_VBIOS_CODE_EFI, 1, false);
	t_image(rom + T_FW0, NOVA_VBIOS_CODE_FWSEC, 1, false);
	t_image(rom + T_FW1, NOVA_VBIOS_CODE_FWSEC, 2, true);

	memcpy(bit, bit_hdr, sizeof(bit_hdr));
	bit[12] = 0x69;					/* token 'i' */
	bit[18] = NOVA_VBIOS_BIT_TOKEN_FALCON;		/* token 'p' */
	put_unaligned_le16(4, bit + 20);
	put_unaligned_le16(T_FALCON, bit + 22);
	put_unaligned_le32(T_ADDR(T_FW0 + T_PMU), rom + T_FALCON);

	pmu[0] = 1;
	pmu[1] = 6;
	pmu[2] = 6;
	pmu[3] = 2;
	pmu[6] = 0x45;
	pmu[12] = NOVA_VBIOS_APP_FWSEC_PROD;
	put_unaligned_le32(T_ADDR(T_FW1 + T_DESC), pmu + 14);

	put_unaligned_le32(1 | 3 << 8 |
			   (NOVA_VBIOS_DESC_V3_LEN + T_SIGS * NOVA_VBIOS_SIG_LEN) << 16, desc);
	put_unaligned_le32(T_IMEM + T_DMEM, desc + 4);
	put_unaligned_le32(T_IMEM, desc + 20);
	put_unaligned_le32(T_DMEM, desc + 32);
	desc[39] = T_SIGS;
	put_unaligned_le16(1, desc + 40);
}

/**
 * struct t_ctx - a ROM and a result, allocated per test
 * @rom: the ROM.
 * @v: the parse result.
 */
struct t_ctx {
	u8 rom[T_LEN];
	struct nova_vbios v;
};

static struct t_ctx *t_new(struct kunit *test)
{
	struct t_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	t_build(c->rom);
	return c;
}

static void nova_vbios_good_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	struct nova_vbios *v = &c->v;
	u32 ucode = T_FW1 + T_DESC + NOVA_VBIOS_DESC_V3_LEN + T_SIGS * NOVA_VBIOS_SIG_LEN;

	KUNIT_ASSERT_EQ_MSG(test, nova_vbios_parse(c->rom, T_LEN, v), 0, "%s", v->why);
	KUNIT_EXPECT_STREQ(test, v->why, "");
	KUNIT_EXPECT_EQ(test, v->num_images, 4U);
	KUNIT_EXPECT_EQ(test, v->pci_at, 0);
	KUNIT_EXPECT_EQ(test, v->efi, 1);
	KUNIT_EXPECT_EQ(test, v->fwsec[0], 2);
	KUNIT_EXPECT_EQ(test, v->fwsec[1], 3);
	KUNIT_EXPECT_EQ(test, v->bit_offset, (u32)T_BIT);
	KUNIT_EXPECT_EQ(test, v->pmu_table, (u32)(T_FW0 + T_PMU));
	KUNIT_EXPECT_EQ(test, v->desc_offset, (u32)(T_FW1 + T_DESC));
	KUNIT_EXPECT_EQ(test, v->desc.version, 3);
	KUNIT_EXPECT_EQ(test, v->desc.signature_count, T_SIGS);
	KUNIT_EXPECT_PTR_EQ(test, v->sigs, (const u8 *)c->rom + T_FW1 + T_DESC + 44);
	KUNIT_EXPECT_EQ(test, v->sigs_len, (u32)NOVA_VBIOS_SIG_LEN);
	KUNIT_EXPECT_EQ(test, v->ucode_offset, ucode);
	KUNIT_EXPECT_PTR_EQ(test, v->ucode, (const u8 *)c->rom + ucode);
	KUNIT_EXPECT_EQ(test, v->ucode_len, (u32)(T_IMEM + T_DMEM));
	KUNIT_EXPECT_EQ(test, v->dmem_offset, (u32)T_IMEM);
	KUNIT_EXPECT_EQ(test, v->dmem_len, (u32)T_DMEM);
}

/**
 * struct nova_vbios_bad_case - one corruption of the good ROM
 * @name: what it breaks.
 * @off: offset of the bytes to change.
 * @val: the new value.
 * @size: bytes to change: 1, 2 or 4 (little-endian).
 * @err: the errno nova_vbios_parse() must return.
 * @off2: if not 0, offset of a second byte to set to @val.
 */
struct nova_vbios_bad_case {
	const char *name;
	u32 off;
	u32 val;
	u8 size;
	int err;
	u32 off2;
};

static const struct nova_vbios_bad_case nova_vbios_bad_cases[] = {
	{ "ROM signature", T_PCIAT, 0x1234, 2, -EINVAL },
	{ "PCIR signature", T_EFI + 0x20, 'X', 1, -EINVAL },
	{ "PCIR pointer out of range", T_FW1 + 0x18, 0xfff0, 2, -EOVERFLOW },
	{ "zero image length", T_EFI + 0x30, 0, 2, -EINVAL },
	{ "image past the end", T_FW1 + 0x48, 6, 2, -EOVERFLOW },
	{ "unknown code type", T_EFI + 0x34, 0x42, 1, -EINVAL },
	{ "BIT missing", T_BIT + 2, 'X', 1, -ENOENT },
	{ "BIT token size", T_BIT + 9, 4, 1, -EINVAL },
	{ "falcon token missing", T_BIT + 18, 0x71, 1, -ENOENT },
	{ "falcon data out of range", T_BIT + 22, 0x1fe, 2, -EOVERFLOW },
	{ "PMU table out of range", T_FALCON, 0x100000, 4, -EOVERFLOW },
	{ "PMU entry size", T_FW0 + T_PMU + 2, 5, 1, -EINVAL },
	{ "PMU entries past the image", T_FW0 + T_PMU + 3, 200, 1, -EOVERFLOW },
	{ "FWSEC_PROD entry missing", T_FW0 + T_PMU + 12, 0x86, 1, -ENOENT },
	{ "no FWSEC image", T_FW0 + 0x34, NOVA_VBIOS_CODE_NBSI, 1, -ENOENT, T_FW1 + 0x34 },
	{ "descriptor version 4", T_FW1 + T_DESC + 1, 4, 1, -EOPNOTSUPP },
	{ "descriptor version 1", T_FW1 + T_DESC + 1, 1, 1, -EOPNOTSUPP },
	{ "signature count past the image", T_FW1 + T_DESC + 39, 3, 1, -EOVERFLOW },
	{ "descriptor size too small", T_FW1 + T_DESC + 2, 44, 2, -EINVAL },
	{ "IMEM past the image", T_FW1 + T_DESC + 20, 0xfffffff0, 4, -EOVERFLOW },
	{ "DMEM overflowing", T_FW1 + T_DESC + 32, 0xffffffff, 4, -EOVERFLOW },
};

static void nova_vbios_bad_desc(const struct nova_vbios_bad_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(nova_vbios_bad, nova_vbios_bad_cases, nova_vbios_bad_desc);

static void nova_vbios_bad_test(struct kunit *test)
{
	const struct nova_vbios_bad_case *t = test->param_value;
	struct t_ctx *c = t_new(test);
	int ret;

	if (t->size == 1)
		c->rom[t->off] = t->val;
	else if (t->size == 2)
		put_unaligned_le16(t->val, c->rom + t->off);
	else
		put_unaligned_le32(t->val, c->rom + t->off);
	if (t->off2)
		c->rom[t->off2] = t->val;

	ret = nova_vbios_parse(c->rom, T_LEN, &c->v);
	KUNIT_EXPECT_EQ_MSG(test, ret, t->err, "%s", c->v.why);
	KUNIT_EXPECT_NE(test, c->v.why[0], 0);
}

/* Every truncation of the good ROM is refused, without reading past it. */
static void nova_vbios_truncated_test(struct kunit *test)
{
	struct t_ctx *c = t_new(test);
	size_t n;
	u8 *copy;

	for (n = 0; n < T_LEN; n++) {
		copy = kunit_kmalloc(test, n ? n : 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, copy);
		memcpy(copy, c->rom, n);
		KUNIT_EXPECT_NE(test, nova_vbios_parse(copy, n, &c->v), 0);
		kunit_kfree(test, copy);
	}
}

static struct kunit_case nova_vbios_cases[] = {
	KUNIT_CASE(nova_vbios_good_test),
	KUNIT_CASE_PARAM(nova_vbios_bad_test, nova_vbios_bad_gen_params),
	KUNIT_CASE(nova_vbios_truncated_test),
	{}
};

static struct kunit_suite nova_vbios_suite = {
	.name = "nova_core_vbios",
	.test_cases = nova_vbios_cases,
};

kunit_test_suite(nova_vbios_suite);
