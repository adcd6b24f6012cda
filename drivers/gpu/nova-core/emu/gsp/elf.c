// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: finding a section of an ELF file by name.
 *
 * The files are NVIDIA's (or synthetic) gsp-<version>.bin (ELF64) and
 * fmc-<version>.bin (ELF32) as the emulator loads them itself; every
 * offset and size in them is checked against the file's length before it
 * is used, with no arithmetic that can wrap. Written for the emulator,
 * independently of nova_core's parsers.
 *
 * ELF little-endian layout used (offsets in bytes, ELF64 / ELF32):
 *   file header: 0x00 e_ident (0x7f 'E' 'L' 'F', class 2 = 64-bit or 1 =
 *     32-bit, data 1 = little endian), e_shoff 0x28 (u64) / 0x20 (u32),
 *     e_shentsize 0x3a / 0x2e (u16, 64 / 40), e_shnum 0x3c / 0x30 (u16),
 *     e_shstrndx 0x3e / 0x32 (u16); 64 / 52 bytes.
 *   section header (64 / 40 bytes): 0x00 sh_name (u32, offset in the
 *     section name table), 0x04 sh_type (u32, 8 = NOBITS), sh_offset 0x18
 *     (u64) / 0x10 (u32), sh_size 0x20 (u64) / 0x14 (u32).
 */

#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/nova_compat.h>

#include "elf.h"

#define EMU_ELF_SHT_NOBITS	8
#define EMU_ELF_SH_NAME		0x00
#define EMU_ELF_SH_TYPE		0x04

/**
 * struct emu_elf_class - where an ELF class keeps what the lookup reads
 * @class: e_ident's class byte.
 * @hdr_len: the file header's length.
 * @shoff: e_shoff's offset.
 * @shentsize: e_shentsize's offset.
 * @shnum: e_shnum's offset.
 * @shstrndx: e_shstrndx's offset.
 * @sh_len: a section header's length.
 * @sh_offset: sh_offset's offset in a section header.
 * @sh_size: sh_size's offset in a section header.
 * @wide: its addresses and sizes are u64 (else u32).
 */
struct emu_elf_class {
	u8 class;
	u8 hdr_len;
	u8 shoff;
	u8 shentsize;
	u8 shnum;
	u8 shstrndx;
	u8 sh_len;
	u8 sh_offset;
	u8 sh_size;
	bool wide;
};

static const struct emu_elf_class emu_elf64 = {
	2, 64, 0x28, 0x3a, 0x3c, 0x3e, 64, 0x18, 0x20, true,
};

static const struct emu_elf_class emu_elf32 = {
	1, 52, 0x20, 0x2e, 0x30, 0x32, 40, 0x10, 0x14, false,
};

/**
 * emu_elf_range_ok() - whether a range lies inside a buffer
 * @off: start of the range
 * @size: its length
 * @len: the buffer's length
 *
 * Return: true if [@off, @off + @size) is inside [0, @len).
 */
static bool emu_elf_range_ok(u64 off, u64 size, size_t len)
{
	return off <= len && size <= len - off;
}

/**
 * emu_elf_word() - an address or size of an ELF file
 * @k: the file's class
 * @p: where it is
 *
 * Return: its value.
 */
static u64 emu_elf_word(const struct emu_elf_class *k, const u8 *p)
{
	return k->wide ? get_unaligned_le64(p) : get_unaligned_le32(p);
}

/**
 * emu_elf_section() - find a section of an ELF file of one class by name
 * @k: the class
 * @elf: the file
 * @len: its length in bytes
 * @name: the section's name
 * @off: set to the section's offset in the file
 * @size: set to its size; the section lies inside the file
 *
 * Return: as nova_emu_elf64_section().
 */
static int emu_elf_section(const struct emu_elf_class *k, const u8 *elf,
			   size_t len, const char *name, size_t *off,
			   size_t *size)
{
	const u8 ident[6] = { 0x7f, 'E', 'L', 'F', k->class, 1 };
	u64 shoff, str_off, str_size, s_off, s_size;
	size_t name_len = strlen(name);
	unsigned int shnum, strndx, i;
	bool found = false;
	const u8 *sh;

	if (len < k->hdr_len || memcmp(elf, ident, sizeof(ident)))
		return -ENOEXEC;
	shoff = emu_elf_word(k, elf + k->shoff);
	shnum = get_unaligned_le16(elf + k->shnum);
	strndx = get_unaligned_le16(elf + k->shstrndx);
	if (get_unaligned_le16(elf + k->shentsize) != k->sh_len ||
	    !shnum || strndx >= shnum ||
	    !emu_elf_range_ok(shoff, (u64)shnum * k->sh_len, len))
		return -EINVAL;

	sh = elf + shoff + (size_t)strndx * k->sh_len;
	str_off = emu_elf_word(k, sh + k->sh_offset);
	str_size = emu_elf_word(k, sh + k->sh_size);
	if (!emu_elf_range_ok(str_off, str_size, len))
		return -EINVAL;

	for (i = 0; i < shnum; i++) {
		u32 n;

		sh = elf + shoff + (size_t)i * k->sh_len;
		n = get_unaligned_le32(sh + EMU_ELF_SH_NAME);
		/* The name and its NUL must lie inside the name table. */
		if (n >= str_size || str_size - n <= name_len ||
		    memcmp(elf + str_off + n, name, name_len + 1))
			continue;
		if (found)
			return -EINVAL;
		found = true;
		s_off = emu_elf_word(k, sh + k->sh_offset);
		s_size = emu_elf_word(k, sh + k->sh_size);
		if (get_unaligned_le32(sh + EMU_ELF_SH_TYPE) == EMU_ELF_SHT_NOBITS ||
		    !emu_elf_range_ok(s_off, s_size, len))
			return -EINVAL;
		*off = s_off;
		*size = s_size;
	}
	return found ? 0 : -ENOENT;
}

/**
 * nova_emu_elf64_section() - find a section of an ELF64 file by name
 * @elf: the file
 * @len: its length in bytes
 * @name: the section's name, e.g. ".fwimage"
 * @off: set to the section's offset in the file
 * @size: set to its size; the section lies inside the file
 *
 * Return: 0; -ENOEXEC if the file is not a little-endian ELF64 file;
 * -EINVAL if its section headers or name table do not fit the file, or
 * the section has no bytes in it (NOBITS) or two sections have the name;
 * -ENOENT if no section has the name.
 */
int nova_emu_elf64_section(const u8 *elf, size_t len, const char *name,
			   size_t *off, size_t *size)
{
	return emu_elf_section(&emu_elf64, elf, len, name, off, size);
}

/**
 * nova_emu_elf32_section() - find a section of an ELF32 file by name
 * @elf: the file
 * @len: its length in bytes
 * @name: the section's name, e.g. "image"
 * @off: set to the section's offset in the file
 * @size: set to its size; the section lies inside the file
 *
 * Return: as nova_emu_elf64_section(), for a little-endian ELF32 file.
 */
int nova_emu_elf32_section(const u8 *elf, size_t len, const char *name,
			   size_t *off, size_t *size)
{
	return emu_elf_section(&emu_elf32, elf, len, name, off, size);
}
