// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core HALs: one table per chip family, chosen once at probe from
 * the family the chip table (gpu.c) gives each chipset, so that the
 * per-family differences live in tables rather than in conditionals or
 * chipset numbers scattered through the bring-up.
 */

#include "device.h"
#include "fsp/fsp.h"

/* Where BAR0 mirrors the PCI config space: Turing to Ada, then Hopper on. */
#define NOVA_PCI_CONFIG_MIRROR_TU102	0x88000
#define NOVA_PCI_CONFIG_MIRROR_GH100	0x92000

/* Turing: PIO loads, FWSEC through the generic bootloader, libos2. */
#define NOVA_HAL_TURING(_name, _sig)				\
	{							\
		.name = (_name),				\
		.falcon = &nova_falcon_hal_tu102,		\
		.fb = &nova_fb_hal_tu102,			\
		.gen_bootloader = true,				\
		.gsp_sig_section = (_sig),			\
		.dma_bits = 47,					\
		.pci_config_mirror = NOVA_PCI_CONFIG_MIRROR_TU102, \
	}

/* GA102 and later: DMA loads, BROM-checked signatures, libos3. */
#define NOVA_HAL_GA102(_name, _sig)			\
	{							\
		.name = (_name),				\
		.falcon = &nova_falcon_hal_ga102,		\
		.fb = &nova_fb_hal_ga102,			\
		.gsp_sig_section = (_sig),			\
		.dma_bits = 47,					\
		.pci_config_mirror = NOVA_PCI_CONFIG_MIRROR_TU102, \
	}

/*
 * Hopper and Blackwell: GA102's falcons, their own flush registers, 52 bits
 * of DMA, GSP-RM booted by the FSP.
 */
#define NOVA_HAL_GH100(_name, _sig, _fb, _fsp)			\
	{							\
		.name = (_name),				\
		.falcon = &nova_falcon_hal_ga102,		\
		.fb = (_fb),					\
		.gsp_sig_section = (_sig),			\
		.fsp = (_fsp),					\
		.dma_bits = 52,					\
		.pci_config_mirror = NOVA_PCI_CONFIG_MIRROR_GH100, \
	}

static const struct nova_hal nova_hals[NOVA_NUM_FAMILIES] = {
	[NOVA_FAMILY_TU10X] = NOVA_HAL_TURING("tu10x", ".fwsignature_tu10x"),
	[NOVA_FAMILY_TU11X] = NOVA_HAL_TURING("tu11x", ".fwsignature_tu11x"),
	/* GA100: Turing's falcons, Ampere's FB registers, no display. */
	[NOVA_FAMILY_GA100] = {
		.name = "ga100",
		.falcon = &nova_falcon_hal_tu102,
		.fb = &nova_fb_hal_ga100,
		.gen_bootloader = true,
		.gsp_sig_section = ".fwsignature_ga100",
		.dma_bits = 47,
		.pci_config_mirror = NOVA_PCI_CONFIG_MIRROR_TU102,
	},
	[NOVA_FAMILY_GA10X] = NOVA_HAL_GA102("ga10x", ".fwsignature_ga10x"),
	[NOVA_FAMILY_AD10X] = NOVA_HAL_GA102("ad10x", ".fwsignature_ad10x"),
	/* Hopper and Blackwell: GSP-RM booted by the FSP. */
	[NOVA_FAMILY_GH100] = NOVA_HAL_GH100("gh100", ".fwsignature_gh100",
					     &nova_fb_hal_gh100, &nova_fsp_hal_gh100),
	[NOVA_FAMILY_GB10X] = NOVA_HAL_GH100("gb10x", ".fwsignature_gb10x",
					     &nova_fb_hal_gb100, &nova_fsp_hal_gb100),
	[NOVA_FAMILY_GB20X] = NOVA_HAL_GH100("gb20x", ".fwsignature_gb20x",
					     &nova_fb_hal_gb202, &nova_fsp_hal_gb202),
};

/**
 * nova_hal_get() - the HAL of a chipset
 * @info: the identified chipset
 *
 * Return: its family's HAL; never NULL for a chipset of nova_chips[].
 */
const struct nova_hal *nova_hal_get(const struct nova_chip_info *info)
{
	return &nova_hals[info->family];
}
