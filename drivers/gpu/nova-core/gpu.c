// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core chip identification: the table of supported chipsets and the
 * decoding of NV_PMC_BOOT_0 / NV_PMC_BOOT_42.
 *
 * Everything in this file is a pure function of its arguments, so that the
 * KUnit suite in tests/ can cover it without a device.
 */

#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "gpu.h"
#include "regs.h"

#define NOVA_CHIP(_chipset, _name, _fw, _arch, _family) \
	{ .chipset = (_chipset), .name = (_name), .fw_name = (_fw), \
	  .arch = NOVA_ARCH_##_arch, .family = NOVA_FAMILY_##_family }

/* Every chipset nova_core supports, sorted by chipset number. */
const struct nova_chip_info nova_chips[] = {
	NOVA_CHIP(0x162, "TU102", "tu102", TURING, TU10X),
	NOVA_CHIP(0x164, "TU104", "tu104", TURING, TU10X),
	NOVA_CHIP(0x166, "TU106", "tu106", TURING, TU10X),
	NOVA_CHIP(0x167, "TU117", "tu117", TURING, TU11X),
	NOVA_CHIP(0x168, "TU116", "tu116", TURING, TU11X),
	NOVA_CHIP(0x170, "GA100", "ga100", AMPERE, GA100),
	NOVA_CHIP(0x172, "GA102", "ga102", AMPERE, GA10X),
	NOVA_CHIP(0x173, "GA103", "ga103", AMPERE, GA10X),
	NOVA_CHIP(0x174, "GA104", "ga104", AMPERE, GA10X),
	NOVA_CHIP(0x176, "GA106", "ga106", AMPERE, GA10X),
	NOVA_CHIP(0x177, "GA107", "ga107", AMPERE, GA10X),
	NOVA_CHIP(0x180, "GH100", "gh100", HOPPER, GH100),
	NOVA_CHIP(0x192, "AD102", "ad102", ADA, AD10X),
	NOVA_CHIP(0x193, "AD103", "ad103", ADA, AD10X),
	NOVA_CHIP(0x194, "AD104", "ad104", ADA, AD10X),
	NOVA_CHIP(0x196, "AD106", "ad106", ADA, AD10X),
	NOVA_CHIP(0x197, "AD107", "ad107", ADA, AD10X),
	NOVA_CHIP(0x1a0, "GB100", "gb100", BLACKWELL_GB10X, GB10X),
	NOVA_CHIP(0x1a2, "GB102", "gb102", BLACKWELL_GB10X, GB10X),
	NOVA_CHIP(0x1b2, "GB202", "gb202", BLACKWELL_GB20X, GB20X),
	NOVA_CHIP(0x1b3, "GB203", "gb203", BLACKWELL_GB20X, GB20X),
	NOVA_CHIP(0x1b5, "GB205", "gb205", BLACKWELL_GB20X, GB20X),
	NOVA_CHIP(0x1b6, "GB206", "gb206", BLACKWELL_GB20X, GB20X),
	NOVA_CHIP(0x1b7, "GB207", "gb207", BLACKWELL_GB20X, GB20X),
};

/* Number of entries in nova_chips[]. */
const unsigned int nova_num_chips = ARRAY_SIZE(nova_chips);

/* The first architecture with a GSP; anything older is refused. */
#define NOVA_CHIPSET_FIRST_TURING	(NOVA_ARCH_TURING << 4)

/* BOOT_0 arch_0 values below this (with arch_1 clear) predate Fermi. */
#define NOVA_BOOT_0_ARCH_FERMI		0xc

/**
 * nova_arch_name() - human-readable name of an architecture
 * @arch: the architecture
 *
 * Return: a static string, "Unknown" for a value outside the enum.
 */
const char *nova_arch_name(enum nova_arch arch)
{
	switch (arch) {
	case NOVA_ARCH_TURING:
		return "Turing";
	case NOVA_ARCH_AMPERE:
		return "Ampere";
	case NOVA_ARCH_HOPPER:
		return "Hopper";
	case NOVA_ARCH_ADA:
		return "Ada";
	case NOVA_ARCH_BLACKWELL_GB10X:
	case NOVA_ARCH_BLACKWELL_GB20X:
		return "Blackwell";
	}
	return "Unknown";
}

/**
 * nova_chip_refusal_str() - why a GPU was refused, in words
 * @refusal: the reason recorded by nova_chip_identify()
 *
 * Return: a static string suitable for a log line.
 */
const char *nova_chip_refusal_str(enum nova_chip_refusal refusal)
{
	switch (refusal) {
	case NOVA_CHIP_OK:
		return "supported";
	case NOVA_CHIP_NO_RESPONSE:
		return "not responding";
	case NOVA_CHIP_PRE_FERMI:
		return "pre-Fermi GPU";
	case NOVA_CHIP_PRE_TURING:
		return "pre-Turing, no GSP";
	case NOVA_CHIP_UNKNOWN:
		return "unknown chipset";
	}
	return "unknown reason";
}

static const struct nova_chip_info *nova_chip_lookup(u16 chipset)
{
	unsigned int i;

	for (i = 0; i < nova_num_chips; i++)
		if (nova_chips[i].chipset == chipset)
			return &nova_chips[i];
	return NULL;
}

/**
 * nova_chip_identify() - decode the identification registers
 * @boot0: value of NV_PMC_BOOT_0
 * @boot42: value of NV_PMC_BOOT_42
 * @id: filled with the decoded identity, also on failure
 *
 * GPUs older than Fermi are recognised from BOOT_0 alone; for every other
 * GPU the chipset is (BOOT_42.arch << 4) | BOOT_42.impl, as upstream Nova
 * decodes it since Linux 6.19, and the revision is BOOT_42's major.minor.
 *
 * Return: 0 if the chipset is supported, -ENODEV otherwise, with
 * @id->refusal saying why.
 */
int nova_chip_identify(u32 boot0, u32 boot42, struct nova_chip_id *id)
{
	memset(id, 0, sizeof(*id));

	if (boot0 == U32_MAX) {
		id->refusal = NOVA_CHIP_NO_RESPONSE;
		return -ENODEV;
	}

	if (!FIELD_GET(NV_PMC_BOOT_0_ARCH_1, boot0) &&
	    FIELD_GET(NV_PMC_BOOT_0_ARCH_0, boot0) < NOVA_BOOT_0_ARCH_FERMI) {
		id->refusal = NOVA_CHIP_PRE_FERMI;
		return -ENODEV;
	}

	id->chipset = FIELD_GET(NV_PMC_BOOT_42_ARCH, boot42) << 4 |
		      FIELD_GET(NV_PMC_BOOT_42_IMPL, boot42);
	id->major_rev = FIELD_GET(NV_PMC_BOOT_42_MAJOR_REV, boot42);
	id->minor_rev = FIELD_GET(NV_PMC_BOOT_42_MINOR_REV, boot42);

	if (id->chipset < NOVA_CHIPSET_FIRST_TURING) {
		id->refusal = NOVA_CHIP_PRE_TURING;
		return -ENODEV;
	}

	id->info = nova_chip_lookup(id->chipset);
	if (!id->info) {
		id->refusal = NOVA_CHIP_UNKNOWN;
		return -ENODEV;
	}

	id->refusal = NOVA_CHIP_OK;
	return 0;
}
