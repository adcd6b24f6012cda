/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_emu: the ELF section lookups the emulated booter and FSP use to find
 * the GSP image and its signature in gsp-<version>.bin (ELF64) and the
 * GSP-FMC image, hash, key and signature in fmc-<version>.bin (ELF32).
 * Pure functions over a byte buffer, so that the host tests
 * (tests/host/emu) run them too.
 */
#ifndef __NOVA_EMU_GSP_ELF_H__
#define __NOVA_EMU_GSP_ELF_H__

#include <linux/types.h>

int nova_emu_elf64_section(const u8 *elf, size_t len, const char *name,
			   size_t *off, size_t *size);
int nova_emu_elf32_section(const u8 *elf, size_t len, const char *name,
			   size_t *off, size_t *size);

#endif /* __NOVA_EMU_GSP_ELF_H__ */
