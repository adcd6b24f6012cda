// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core HALs: one table per chip family, chosen once at probe, so that
 * the per-family differences live in tables rather than in conditionals
 * scattered through the bring-up.
 */

#include "device.h"

/* Turing: PIO loads, FWSEC through the generic bootloader, libos2. */
static const struct nova_hal nova_hal_tu102 = {
	.name = "tu102",
	.falcon = &nova_falcon_hal_tu102,
	.fb = &nova_fb_hal_tu102,
	.bringup = true,
	.gen_bootloader = true,
};

/* GA100: Turing's falcons, Ampere's FB registers, no display. */
static const struct nova_hal nova_hal_ga100 = {
	.name = "ga100",
	.falcon = &nova_falcon_hal_tu102,
	.fb = &nova_fb_hal_ga100,
	.bringup = true,
	.gen_bootloader = true,
};

/* GA102 and Ada: DMA loads, BROM-checked signatures, libos3. */
static const struct nova_hal nova_hal_ga102 = {
	.name = "ga102",
	.falcon = &nova_falcon_hal_ga102,
	.fb = &nova_fb_hal_ga102,
	.bringup = true,
};

/* Hopper and Blackwell: identified, but their FSP boot is not done yet. */
static const struct nova_hal nova_hal_gh100 = {
	.name = "gh100",
	.falcon = &nova_falcon_hal_ga102,
	.fb = &nova_fb_hal_ga102,
	.bringup = false,
};

/**
 * nova_hal_get() - the HAL of a chipset
 * @info: the identified chipset
 *
 * Return: its family's HAL; never NULL for a chipset of nova_chips[].
 */
const struct nova_hal *nova_hal_get(const struct nova_chip_info *info)
{
	switch (info->arch) {
	case NOVA_ARCH_TURING:
		return &nova_hal_tu102;
	case NOVA_ARCH_AMPERE:
		return info->chipset == 0x170 ? &nova_hal_ga100 : &nova_hal_ga102;
	case NOVA_ARCH_ADA:
		return &nova_hal_ga102;
	default:
		return &nova_hal_gh100;
	}
}
