/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core chip identification.
 */
#ifndef __NOVA_CORE_GPU_H__
#define __NOVA_CORE_GPU_H__

#include <linux/types.h>

/**
 * enum nova_arch - GPU architecture, valued as NV_PMC_BOOT_42's arch field
 * @NOVA_ARCH_TURING: Turing (TU10x, TU11x).
 * @NOVA_ARCH_AMPERE: Ampere (GA10x).
 * @NOVA_ARCH_HOPPER: Hopper (GH100).
 * @NOVA_ARCH_ADA: Ada Lovelace (AD10x).
 * @NOVA_ARCH_BLACKWELL_GB10X: Blackwell, data centre parts (GB10x).
 * @NOVA_ARCH_BLACKWELL_GB20X: Blackwell, client parts (GB20x).
 */
enum nova_arch {
	NOVA_ARCH_TURING = 0x16,
	NOVA_ARCH_AMPERE = 0x17,
	NOVA_ARCH_HOPPER = 0x18,
	NOVA_ARCH_ADA = 0x19,
	NOVA_ARCH_BLACKWELL_GB10X = 0x1a,
	NOVA_ARCH_BLACKWELL_GB20X = 0x1b,
};

/**
 * enum nova_family - a chip family: the chips that share a HAL (hal.c)
 * @NOVA_FAMILY_TU10X: TU102, TU104, TU106.
 * @NOVA_FAMILY_TU11X: TU116, TU117.
 * @NOVA_FAMILY_GA100: GA100.
 * @NOVA_FAMILY_GA10X: GA102 to GA107.
 * @NOVA_FAMILY_AD10X: AD102 to AD107.
 * @NOVA_FAMILY_GH100: GH100.
 * @NOVA_FAMILY_GB10X: GB100, GB102.
 * @NOVA_FAMILY_GB20X: GB202 to GB207.
 * @NOVA_NUM_FAMILIES: how many there are.
 *
 * Named as NVIDIA names the signature sections of its GSP firmware
 * (".fwsignature_tu10x", ...), which follow the same split.
 */
enum nova_family {
	NOVA_FAMILY_TU10X,
	NOVA_FAMILY_TU11X,
	NOVA_FAMILY_GA100,
	NOVA_FAMILY_GA10X,
	NOVA_FAMILY_AD10X,
	NOVA_FAMILY_GH100,
	NOVA_FAMILY_GB10X,
	NOVA_FAMILY_GB20X,
	NOVA_NUM_FAMILIES,
};

/**
 * struct nova_chip_info - one supported chipset
 * @chipset: chipset number, (BOOT_42 arch << 4) | BOOT_42 impl, e.g. 0x172.
 * @name: upper-case chipset name, e.g. "GA102".
 * @fw_name: lower-case name used in firmware paths, e.g. "ga102".
 * @arch: architecture of the chipset.
 * @family: the family whose HAL drives it.
 */
struct nova_chip_info {
	u16 chipset;
	const char *name;
	const char *fw_name;
	enum nova_arch arch;
	enum nova_family family;
};

/**
 * enum nova_chip_refusal - why a GPU was not identified
 * @NOVA_CHIP_OK: identified.
 * @NOVA_CHIP_NO_RESPONSE: NV_PMC_BOOT_0 reads all ones (device not
 *	responding, or not an NVIDIA GPU register space).
 * @NOVA_CHIP_PRE_FERMI: NV_PMC_BOOT_0 describes a GPU older than Fermi,
 *	whose NV_PMC_BOOT_42 has no meaning.
 * @NOVA_CHIP_PRE_TURING: a chipset older than Turing (no GSP).
 * @NOVA_CHIP_UNKNOWN: a chipset number this driver does not know.
 */
enum nova_chip_refusal {
	NOVA_CHIP_OK,
	NOVA_CHIP_NO_RESPONSE,
	NOVA_CHIP_PRE_FERMI,
	NOVA_CHIP_PRE_TURING,
	NOVA_CHIP_UNKNOWN,
};

/**
 * struct nova_chip_id - the identity of one GPU, as decoded from its
 * identification registers
 * @info: the table entry of the chipset; NULL if refused.
 * @chipset: decoded chipset number (also set when refused, where known).
 * @major_rev: major revision, from NV_PMC_BOOT_42.
 * @minor_rev: minor revision, from NV_PMC_BOOT_42.
 * @refusal: why the GPU was refused, or %NOVA_CHIP_OK.
 */
struct nova_chip_id {
	const struct nova_chip_info *info;
	u16 chipset;
	u8 major_rev;
	u8 minor_rev;
	enum nova_chip_refusal refusal;
};

extern const struct nova_chip_info nova_chips[];
extern const unsigned int nova_num_chips;

const char *nova_arch_name(enum nova_arch arch);
const char *nova_chip_refusal_str(enum nova_chip_refusal refusal);
int nova_chip_identify(u32 boot0, u32 boot42, struct nova_chip_id *id);

#endif /* __NOVA_CORE_GPU_H__ */
