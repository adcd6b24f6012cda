// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's chip identification: the chipset table and
 * the decoding of NV_PMC_BOOT_0 / NV_PMC_BOOT_42 (gpu.c).
 */

#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/ctype.h>
#include <linux/string.h>

#include "../gpu.h"
#include "../regs.h"

/* BOOT_0 of a post-Fermi GPU: arch_0 = arch, arch_1 = 0, revision a.1. */
static u32 boot0_of(u16 chipset)
{
	return FIELD_PREP(NV_PMC_BOOT_0_ARCH_0, chipset >> 4) |
	       FIELD_PREP(NV_PMC_BOOT_0_IMPL, chipset & 0xf) |
	       FIELD_PREP(NV_PMC_BOOT_0_MAJOR_REV, 0xa) |
	       FIELD_PREP(NV_PMC_BOOT_0_MINOR_REV, 0x1);
}

static u32 boot42_of(u16 chipset, u8 major, u8 minor)
{
	return FIELD_PREP(NV_PMC_BOOT_42_ARCH, chipset >> 4) |
	       FIELD_PREP(NV_PMC_BOOT_42_IMPL, chipset & 0xf) |
	       FIELD_PREP(NV_PMC_BOOT_42_MAJOR_REV, major) |
	       FIELD_PREP(NV_PMC_BOOT_42_MINOR_REV, minor);
}

/* The table: sorted, unique, names consistent with numbers and archs. */
static void nova_chip_table_test(struct kunit *test)
{
	static const struct {
		const char *prefix;
		enum nova_arch arch;
	} prefixes[] = {
		{ "TU", NOVA_ARCH_TURING },
		{ "GA", NOVA_ARCH_AMPERE },
		{ "GH", NOVA_ARCH_HOPPER },
		{ "AD", NOVA_ARCH_ADA },
		{ "GB", NOVA_ARCH_BLACKWELL_GB10X },
		{ "GB", NOVA_ARCH_BLACKWELL_GB20X },
	};
	unsigned int i, j;

	KUNIT_EXPECT_EQ(test, nova_num_chips, 24U);

	for (i = 0; i < nova_num_chips; i++) {
		const struct nova_chip_info *c = &nova_chips[i];
		bool prefix_ok = false;
		char lower[8];

		if (i)
			KUNIT_EXPECT_LT(test, nova_chips[i - 1].chipset, c->chipset);
		KUNIT_EXPECT_EQ(test, c->chipset >> 4, (u16)c->arch);
		KUNIT_EXPECT_EQ(test, strlen(c->name), 5UL);
		for (j = 0; j < ARRAY_SIZE(prefixes); j++)
			if (prefixes[j].arch == c->arch &&
			    !strncmp(c->name, prefixes[j].prefix, 2))
				prefix_ok = true;
		KUNIT_EXPECT_TRUE_MSG(test, prefix_ok, "%s", c->name);

		for (j = 0; c->name[j] && j < sizeof(lower) - 1; j++)
			lower[j] = tolower(c->name[j]);
		lower[j] = '\0';
		KUNIT_EXPECT_STREQ(test, c->fw_name, lower);
		KUNIT_EXPECT_STRNEQ(test, nova_arch_name(c->arch), "Unknown");
	}
}

/* Every supported chipset is identified with its name, arch, revision. */
static void nova_chip_identify_all_test(struct kunit *test)
{
	struct nova_chip_id id;
	unsigned int i;

	for (i = 0; i < nova_num_chips; i++) {
		const struct nova_chip_info *c = &nova_chips[i];

		u32 boot0 = boot0_of(c->chipset);
		u32 boot42 = boot42_of(c->chipset, 0xa, 0x1);

		KUNIT_ASSERT_EQ(test, nova_chip_identify(boot0, boot42, &id), 0);
		KUNIT_EXPECT_PTR_EQ(test, id.info, c);
		KUNIT_EXPECT_EQ(test, id.chipset, c->chipset);
		KUNIT_EXPECT_EQ(test, id.major_rev, 0xa);
		KUNIT_EXPECT_EQ(test, id.minor_rev, 0x1);
		KUNIT_EXPECT_EQ(test, id.refusal, NOVA_CHIP_OK);
	}
}

static void nova_chip_identify_names_test(struct kunit *test)
{
	struct nova_chip_id id;

	KUNIT_ASSERT_EQ(test, nova_chip_identify(0x172000a1, 0x172a1000, &id), 0);
	KUNIT_EXPECT_STREQ(test, id.info->name, "GA102");
	KUNIT_EXPECT_STREQ(test, nova_arch_name(id.info->arch), "Ampere");

	KUNIT_ASSERT_EQ(test, nova_chip_identify(0x162000a1, 0x162a1000, &id), 0);
	KUNIT_EXPECT_STREQ(test, id.info->name, "TU102");
	KUNIT_EXPECT_STREQ(test, nova_arch_name(id.info->arch), "Turing");

	KUNIT_ASSERT_EQ(test, nova_chip_identify(0x194000a1, 0x194a1000, &id), 0);
	KUNIT_EXPECT_STREQ(test, nova_arch_name(id.info->arch), "Ada");

	KUNIT_ASSERT_EQ(test, nova_chip_identify(0x180000a1, 0x180a1000, &id), 0);
	KUNIT_EXPECT_STREQ(test, nova_arch_name(id.info->arch), "Hopper");

	KUNIT_ASSERT_EQ(test, nova_chip_identify(0x1b7000a1, 0x1b7a1000, &id), 0);
	KUNIT_EXPECT_STREQ(test, id.info->name, "GB207");
	KUNIT_EXPECT_STREQ(test, nova_arch_name(id.info->arch), "Blackwell");
	KUNIT_EXPECT_STREQ(test, nova_arch_name(0), "Unknown");
}

/* The pre-Fermi check on BOOT_0, at and around its boundary. */
static void nova_chip_pre_fermi_test(struct kunit *test)
{
	u32 ga102_42 = boot42_of(0x172, 0xa, 0x1);
	struct nova_chip_id id;

	/* arch_0 0xb, arch_1 0: older than Fermi, BOOT_42 not consulted. */
	KUNIT_EXPECT_EQ(test, nova_chip_identify(0x0b0000a1, ga102_42, &id), -ENODEV);
	KUNIT_EXPECT_EQ(test, id.refusal, NOVA_CHIP_PRE_FERMI);
	KUNIT_EXPECT_NULL(test, id.info);

	/* arch_0 0xc (Fermi): BOOT_42 decides. */
	KUNIT_EXPECT_EQ(test, nova_chip_identify(0x0c0000a1, ga102_42, &id), 0);

	/* arch_1 set: never pre-Fermi, whatever arch_0 says. */
	KUNIT_EXPECT_EQ(test, nova_chip_identify(0x00000100, ga102_42, &id), 0);

	/* All zeroes reads as pre-Fermi. */
	KUNIT_EXPECT_EQ(test, nova_chip_identify(0, 0, &id), -ENODEV);
	KUNIT_EXPECT_EQ(test, id.refusal, NOVA_CHIP_PRE_FERMI);
}

static void nova_chip_no_response_test(struct kunit *test)
{
	struct nova_chip_id id;

	KUNIT_EXPECT_EQ(test, nova_chip_identify(U32_MAX, U32_MAX, &id), -ENODEV);
	KUNIT_EXPECT_EQ(test, id.refusal, NOVA_CHIP_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test,
			nova_chip_identify(U32_MAX, boot42_of(0x172, 0xa, 1), &id),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, id.refusal, NOVA_CHIP_NO_RESPONSE);
	/* One bit short of all ones is a (garbage) value, not "no response". */
	KUNIT_EXPECT_EQ(test, nova_chip_identify(U32_MAX - 1, U32_MAX, &id), -ENODEV);
	KUNIT_EXPECT_EQ(test, id.refusal, NOVA_CHIP_UNKNOWN);
	KUNIT_EXPECT_EQ(test, id.chipset, 0x3ff);
}

/* Chipset numbers on each side of the supported ranges. */
static void nova_chip_boundaries_test(struct kunit *test)
{
	static const struct {
		u16 chipset;
		enum nova_chip_refusal refusal;
	} cases[] = {
		{ 0x000, NOVA_CHIP_PRE_TURING },
		{ 0x140, NOVA_CHIP_PRE_TURING },	/* GV100, Volta */
		{ 0x15f, NOVA_CHIP_PRE_TURING },
		{ 0x160, NOVA_CHIP_UNKNOWN },
		{ 0x161, NOVA_CHIP_UNKNOWN },
		{ 0x162, NOVA_CHIP_OK },		/* TU102, first */
		{ 0x163, NOVA_CHIP_UNKNOWN },
		{ 0x169, NOVA_CHIP_UNKNOWN },
		{ 0x16f, NOVA_CHIP_UNKNOWN },
		{ 0x170, NOVA_CHIP_OK },		/* GA100 */
		{ 0x171, NOVA_CHIP_UNKNOWN },
		{ 0x178, NOVA_CHIP_UNKNOWN },
		{ 0x17b, NOVA_CHIP_UNKNOWN },		/* GA10B, Tegra */
		{ 0x181, NOVA_CHIP_UNKNOWN },
		{ 0x190, NOVA_CHIP_UNKNOWN },
		{ 0x191, NOVA_CHIP_UNKNOWN },
		{ 0x198, NOVA_CHIP_UNKNOWN },
		{ 0x1a1, NOVA_CHIP_UNKNOWN },
		{ 0x1b1, NOVA_CHIP_UNKNOWN },
		{ 0x1b7, NOVA_CHIP_OK },		/* GB207, last */
		{ 0x1b8, NOVA_CHIP_UNKNOWN },
		{ 0x1c0, NOVA_CHIP_UNKNOWN },
		{ 0x3ff, NOVA_CHIP_UNKNOWN },
	};
	struct nova_chip_id id;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		u32 boot42 = boot42_of(cases[i].chipset, 0, 0);
		int ret = nova_chip_identify(boot0_of(0x172), boot42, &id);
		int want = -ENODEV;

		if (cases[i].refusal == NOVA_CHIP_OK)
			want = 0;

		KUNIT_EXPECT_EQ_MSG(test, ret, want, "chipset 0x%03x",
				    cases[i].chipset);
		KUNIT_EXPECT_EQ_MSG(test, id.refusal, cases[i].refusal,
				    "chipset 0x%03x", cases[i].chipset);
		KUNIT_EXPECT_EQ(test, id.chipset, cases[i].chipset);
		KUNIT_EXPECT_EQ(test, !!id.info, cases[i].refusal == NOVA_CHIP_OK);
	}
}

/* Revision fields at their extremes; bits outside the fields ignored. */
static void nova_chip_fields_test(struct kunit *test)
{
	u32 b0 = boot0_of(0x174);
	struct nova_chip_id id;

	KUNIT_ASSERT_EQ(test, nova_chip_identify(b0, boot42_of(0x174, 0, 0), &id), 0);
	KUNIT_EXPECT_EQ(test, id.major_rev, 0);
	KUNIT_EXPECT_EQ(test, id.minor_rev, 0);

	KUNIT_ASSERT_EQ(test, nova_chip_identify(b0, boot42_of(0x174, 0xf, 0xf), &id), 0);
	KUNIT_EXPECT_EQ(test, id.major_rev, 0xf);
	KUNIT_EXPECT_EQ(test, id.minor_rev, 0xf);

	/* Bits 31:30 and 11:0 of BOOT_42 are not part of the identity. */
	KUNIT_ASSERT_EQ(test, nova_chip_identify(b0, boot42_of(0x174, 1, 2) |
						 0xc0000fff, &id), 0);
	KUNIT_EXPECT_STREQ(test, id.info->name, "GA104");
	KUNIT_EXPECT_EQ(test, id.major_rev, 1);
	KUNIT_EXPECT_EQ(test, id.minor_rev, 2);

	/* BOOT_0's own chip fields do not override BOOT_42's. */
	KUNIT_ASSERT_EQ(test, nova_chip_identify(boot0_of(0x162),
						 boot42_of(0x197, 0xa, 1), &id), 0);
	KUNIT_EXPECT_STREQ(test, id.info->name, "AD107");
}

static void nova_chip_refusal_str_test(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, nova_chip_refusal_str(NOVA_CHIP_PRE_TURING),
			   "pre-Turing, no GSP");
	KUNIT_EXPECT_STREQ(test, nova_chip_refusal_str(NOVA_CHIP_UNKNOWN),
			   "unknown chipset");
	KUNIT_EXPECT_STREQ(test, nova_chip_refusal_str(NOVA_CHIP_PRE_FERMI),
			   "pre-Fermi GPU");
	KUNIT_EXPECT_STREQ(test, nova_chip_refusal_str(NOVA_CHIP_NO_RESPONSE),
			   "not responding");
	KUNIT_EXPECT_STREQ(test, nova_chip_refusal_str(99), "unknown reason");
}

static struct kunit_case nova_chip_cases[] = {
	KUNIT_CASE(nova_chip_table_test),
	KUNIT_CASE(nova_chip_identify_all_test),
	KUNIT_CASE(nova_chip_identify_names_test),
	KUNIT_CASE(nova_chip_pre_fermi_test),
	KUNIT_CASE(nova_chip_no_response_test),
	KUNIT_CASE(nova_chip_boundaries_test),
	KUNIT_CASE(nova_chip_fields_test),
	KUNIT_CASE(nova_chip_refusal_str_test),
	{}
};

static struct kunit_suite nova_chip_suite = {
	.name = "nova_core_chip",
	.test_cases = nova_chip_cases,
};

kunit_test_suite(nova_chip_suite);
