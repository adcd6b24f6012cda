// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: finding a section of an ELF64 file by name.
 *
 * The file is NVIDIA's (or a synthetic) gsp-<version>.bin as the emulator
 * loads it itself; every offset and size in it is checked against the
 * file's length before it is used, with no arithmetic that can wrap.
 * Written for the emulator, independently of nova_core's parser.
 *
 * ELF64 little-endian layout used (offsets in bytes):
 *   file header: 0x00 e_ident (0x7f 'E' 'L' 'F', class 2 = 64-bit,
 *     data 1 = little endian), 0x28 e_shoff (u64), 0x3a e_shentsize
 *     (u16, 64), 0x3c e_shnum (u16), 0x3e e_shstrndx (u16); 64 bytes.
 *   section header (64 bytes): 0x00 sh_name (u32, offset in the section
 *     name table), 0x04 sh_type (u32, 8 = NOBITS), 0x18 sh_offset (u64),
 *     0x20 sh_size (u64).
 */

#include <linux/errno.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/nova_compat.h>

#include "elf.h"

#define EMU_ELF_HDR_LEN		64
#define EMU_ELF_SHOFF		0x28
#define EMU_ELF_SHENTSIZE	0x3a
#define EMU_ELF_SHNUM		0x3c
#define EMU_ELF_SHSTRNDX	0x3e
#define EMU_ELF_SH_LEN		64
#define EMU_ELF_SH_NAME		0x00
#define EMU_ELF_SH_TYPE		0x04
#define EMU_ELF_SH_OFFSET	0x18
#define EMU_ELF_SH_SIZE		0x20
#define EMU_ELF_SHT_NOBITS	8

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
	static const u8 ident[6] = { 0x7f, 'E', 'L', 'F', 2, 1 };
	u64 shoff, str_off, str_size, s_off, s_size;
	size_t name_len = strlen(name);
	unsigned int shnum, strndx, i;
	bool found = false;
	const u8 *sh;

	if (len < EMU_ELF_HDR_LEN || memcmp(elf, ident, sizeof(ident)))
		return -ENOEXEC;
	shoff = get_unaligned_le64(elf + EMU_ELF_SHOFF);
	shnum = get_unaligned_le16(elf + EMU_ELF_SHNUM);
	strndx = get_unaligned_le16(elf + EMU_ELF_SHSTRNDX);
	if (get_unaligned_le16(elf + EMU_ELF_SHENTSIZE) != EMU_ELF_SH_LEN ||
	    !shnum || strndx >= shnum ||
	    !emu_elf_range_ok(shoff, (u64)shnum * EMU_ELF_SH_LEN, len))
		return -EINVAL;

	sh = elf + shoff + (size_t)strndx * EMU_ELF_SH_LEN;
	str_off = get_unaligned_le64(sh + EMU_ELF_SH_OFFSET);
	str_size = get_unaligned_le64(sh + EMU_ELF_SH_SIZE);
	if (!emu_elf_range_ok(str_off, str_size, len))
		return -EINVAL;

	for (i = 0; i < shnum; i++) {
		u32 n;

		sh = elf + shoff + (size_t)i * EMU_ELF_SH_LEN;
		n = get_unaligned_le32(sh + EMU_ELF_SH_NAME);
		/* The name and its NUL must lie inside the name table. */
		if (n >= str_size || str_size - n <= name_len ||
		    memcmp(elf + str_off + n, name, name_len + 1))
			continue;
		if (found)
			return -EINVAL;
		found = true;
		s_off = get_unaligned_le64(sh + EMU_ELF_SH_OFFSET);
		s_size = get_unaligned_le64(sh + EMU_ELF_SH_SIZE);
		if (get_unaligned_le32(sh + EMU_ELF_SH_TYPE) == EMU_ELF_SHT_NOBITS ||
		    !emu_elf_range_ok(s_off, s_size, len))
			return -EINVAL;
		*off = s_off;
		*size = s_size;
	}
	return found ? 0 : -ENOENT;
}
