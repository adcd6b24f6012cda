// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of nova_emu_elf64_section() and nova_emu_elf32_section()
 * (drivers/gpu/nova-core/emu/gsp/elf.c): a synthetic ELF64 file with the
 * sections of a gsp-<version>.bin (.fwimage and a signature section), then
 * every corruption of its headers the lookup must refuse, every truncation
 * of it (which must never read past the buffer: ASan); a synthetic ELF32
 * file shaped as an fmc-<version>.bin (hash, signature, publickey, image),
 * its corruptions and truncations; and, given a firmware directory,
 * NVIDIA's real gsp-570.144.bin of each family and fmc-570.144.bin of
 * GH100, GB100 and GB202.
 *
 *   elf-test [FWDIR]
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>

#include "../../../drivers/gpu/nova-core/emu/gsp/elf.h"
#include "../ktap.h"
#include "../readfile.h"

/* The synthetic file: header, name table, two sections, section headers. */
#define T_STRTAB	0x40
#define T_IMAGE		0x80
#define T_IMAGE_LEN	0x1234
#define T_SIG		(T_IMAGE + T_IMAGE_LEN)
#define T_SIG_LEN	0x60
#define T_SHOFF		0x1300
#define T_SHNUM		4
#define T_LEN		(T_SHOFF + T_SHNUM * 64)

static const char strtab[] = "\0.shstrtab\0.fwimage\0.fwsignature_ga10x";
#define N_SHSTRTAB	1
#define N_FWIMAGE	11
#define N_SIG		20

static void put16(uint8_t *p, uint16_t v) { p[0] = v; p[1] = v >> 8; }
static void put32(uint8_t *p, uint32_t v) { put16(p, v); put16(p + 2, v >> 16); }
static void put64(uint8_t *p, uint64_t v) { put32(p, v); put32(p + 4, v >> 32); }

static uint8_t *sh(uint8_t *f, unsigned int i)
{
	return f + T_SHOFF + i * 64;
}

/* Builds the good synthetic file into @f (T_LEN bytes). */
static void build(uint8_t *f)
{
	static const uint8_t ident[] = { 0x7f, 'E', 'L', 'F', 2, 1, 1 };

	memset(f, 0, T_LEN);
	memcpy(f, ident, sizeof(ident));
	put64(f + 0x28, T_SHOFF);
	put16(f + 0x3a, 64);
	put16(f + 0x3c, T_SHNUM);
	put16(f + 0x3e, 1);
	memcpy(f + T_STRTAB, strtab, sizeof(strtab));
	memset(f + T_IMAGE, 0xa5, T_IMAGE_LEN);
	memset(f + T_SIG, 0x5a, T_SIG_LEN);

	put32(sh(f, 1), N_SHSTRTAB);
	put32(sh(f, 1) + 4, 3);
	put64(sh(f, 1) + 0x18, T_STRTAB);
	put64(sh(f, 1) + 0x20, sizeof(strtab));
	put32(sh(f, 2), N_FWIMAGE);
	put32(sh(f, 2) + 4, 1);
	put64(sh(f, 2) + 0x18, T_IMAGE);
	put64(sh(f, 2) + 0x20, T_IMAGE_LEN);
	put32(sh(f, 3), N_SIG);
	put32(sh(f, 3) + 4, 1);
	put64(sh(f, 3) + 0x18, T_SIG);
	put64(sh(f, 3) + 0x20, T_SIG_LEN);
}

/**
 * struct corruption - one way to break the synthetic file
 * @name: what it does.
 * @fn: does it.
 * @err: what the lookup of .fwimage must return.
 */
struct corruption {
	const char *name;
	void (*fn)(uint8_t *f);
	int err;
};

static void c_magic(uint8_t *f) { f[1] = 'e'; }
static void c_class32(uint8_t *f) { f[4] = 1; }
static void c_big_endian(uint8_t *f) { f[5] = 2; }
static void c_shentsize(uint8_t *f) { put16(f + 0x3a, 40); }
static void c_shnum0(uint8_t *f) { put16(f + 0x3c, 0); }
static void c_shnum_big(uint8_t *f) { put16(f + 0x3c, 0xffff); }
static void c_shoff(uint8_t *f) { put64(f + 0x28, T_LEN - 64); }
static void c_shoff_wrap(uint8_t *f) { put64(f + 0x28, ~0ULL - 63); }
static void c_strndx(uint8_t *f) { put16(f + 0x3e, T_SHNUM); }
static void c_strtab_off(uint8_t *f) { put64(sh(f, 1) + 0x18, T_LEN); }
static void c_strtab_wrap(uint8_t *f) { put64(sh(f, 1) + 0x20, ~0ULL); }
static void c_name_past(uint8_t *f) { put32(sh(f, 2), 0x10000); }
static void c_name_unterminated(uint8_t *f) { put64(sh(f, 1) + 0x20, N_FWIMAGE + 8); }
static void c_image_past(uint8_t *f) { put64(sh(f, 2) + 0x20, T_LEN - T_IMAGE + 1); }
static void c_image_wrap(uint8_t *f) { put64(sh(f, 2) + 0x18, ~0ULL - 8); }
static void c_nobits(uint8_t *f) { put32(sh(f, 2) + 4, 8); }
static void c_dup(uint8_t *f) { put32(sh(f, 3), N_FWIMAGE); }
static void c_renamed(uint8_t *f) { f[T_STRTAB + N_FWIMAGE + 7] = 'X'; }

static const struct corruption corruptions[] = {
	{ "bad magic", c_magic, -ENOEXEC },
	{ "32-bit class", c_class32, -ENOEXEC },
	{ "big endian", c_big_endian, -ENOEXEC },
	{ "e_shentsize 40", c_shentsize, -EINVAL },
	{ "e_shnum 0", c_shnum0, -EINVAL },
	{ "e_shnum 0xffff, past the end", c_shnum_big, -EINVAL },
	{ "section headers past the end", c_shoff, -EINVAL },
	{ "e_shoff wraps", c_shoff_wrap, -EINVAL },
	{ "e_shstrndx = e_shnum", c_strndx, -EINVAL },
	{ "name table past the end", c_strtab_off, -EINVAL },
	{ "name table size wraps", c_strtab_wrap, -EINVAL },
	{ "sh_name past the name table", c_name_past, -ENOENT },
	{ "name without its NUL in the table", c_name_unterminated, -ENOENT },
	{ ".fwimage one byte past the end", c_image_past, -EINVAL },
	{ ".fwimage sh_offset wraps", c_image_wrap, -EINVAL },
	{ ".fwimage is NOBITS", c_nobits, -EINVAL },
	{ "two sections named .fwimage", c_dup, -EINVAL },
	{ ".fwimage renamed .fwimagX", c_renamed, -ENOENT },
};

/* Checks the real gsp file of @chip: .fwimage and the family's signature. */
static void real(const char *dir, const char *chip, const char *sig)
{
	char path[512];
	size_t len, off, size, soff, ssize;
	uint8_t *d;
	int r1, r2;

	snprintf(path, sizeof(path), "%s/nvidia/%s/gsp/gsp-570.144.bin", dir, chip);
	d = read_file(path, &len);
	if (!d) {
		result(0, "real %s: %s cannot be read", chip, path);
		return;
	}
	r1 = nova_emu_elf64_section(d, len, ".fwimage", &off, &size);
	r2 = nova_emu_elf64_section(d, len, sig, &soff, &ssize);
	diag("%s: .fwimage at 0x%zx, %zu bytes; %s at 0x%zx, %zu bytes", chip,
	     r1 ? 0 : off, r1 ? 0 : size, sig, r2 ? 0 : soff, r2 ? 0 : ssize);
	result(!r1 && !r2 && size > 0x100000 && ssize > 0 && off + size <= len &&
	       soff + ssize <= len, "real %s: .fwimage and %s found", chip, sig);
	free(d);
}

/* The synthetic fmc file: ELF32, 52-byte header, six 40-byte sections. */
#define F_SHOFF		52
#define F_STRTAB	(F_SHOFF + 6 * 40)
#define F_HASH		336
#define F_SIG		384
#define F_PKEY		480
#define F_IMAGE		580
#define F_IMAGE_LEN	0x400
#define F_LEN		(F_IMAGE + F_IMAGE_LEN)

static const char fmc_strtab[] = "\0.shstrtab\0hash\0signature\0publickey\0image";

static uint8_t *sh32(uint8_t *f, unsigned int i)
{
	return f + F_SHOFF + i * 40;
}

/* Builds the good synthetic fmc file into @f (F_LEN bytes). */
static void build32(uint8_t *f)
{
	static const uint8_t ident[] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
	static const struct {
		uint32_t name, off, size;
	} secs[6] = {
		{ 0, 0, 0 }, { 1, F_STRTAB, sizeof(fmc_strtab) }, { 11, F_HASH, 48 },
		{ 16, F_SIG, 96 }, { 26, F_PKEY, 97 }, { 36, F_IMAGE, F_IMAGE_LEN },
	};
	unsigned int i;

	memset(f, 0, F_LEN);
	memcpy(f, ident, sizeof(ident));
	put32(f + 0x20, F_SHOFF);
	put16(f + 0x28, 52);
	put16(f + 0x2e, 40);
	put16(f + 0x30, 6);
	put16(f + 0x32, 1);
	memcpy(f + F_STRTAB, fmc_strtab, sizeof(fmc_strtab));
	for (i = 1; i < 6; i++) {
		put32(sh32(f, i), secs[i].name);
		put32(sh32(f, i) + 4, i == 1 ? 3 : 1);
		put32(sh32(f, i) + 0x10, secs[i].off);
		put32(sh32(f, i) + 0x14, secs[i].size);
		memset(f + secs[i].off + (i == 1 ? sizeof(fmc_strtab) : 0), 0x10 + i,
		       i == 1 ? 0 : secs[i].size);
	}
}

static void d_class64(uint8_t *f) { f[4] = 2; }
static void d_shentsize(uint8_t *f) { put16(f + 0x2e, 64); }
static void d_shoff(uint8_t *f) { put32(f + 0x20, F_LEN - 40); }
static void d_strndx(uint8_t *f) { put16(f + 0x32, 6); }
static void d_image_past(uint8_t *f) { put32(sh32(f, 5) + 0x14, F_IMAGE_LEN + 1); }
static void d_image_wrap(uint8_t *f) { put32(sh32(f, 5) + 0x10, 0xffffffff); }
static void d_nobits(uint8_t *f) { put32(sh32(f, 5) + 4, 8); }
static void d_dup(uint8_t *f) { put32(sh32(f, 4), 36); }
static void d_unterminated(uint8_t *f) { put32(sh32(f, 1) + 0x14, 40); }

static const struct corruption corruptions32[] = {
	{ "ELF32: 64-bit class", d_class64, -ENOEXEC },
	{ "ELF32: e_shentsize 64", d_shentsize, -EINVAL },
	{ "ELF32: section headers past the end", d_shoff, -EINVAL },
	{ "ELF32: e_shstrndx = e_shnum", d_strndx, -EINVAL },
	{ "ELF32: image one byte past the end", d_image_past, -EINVAL },
	{ "ELF32: image sh_offset 0xffffffff", d_image_wrap, -EINVAL },
	{ "ELF32: image is NOBITS", d_nobits, -EINVAL },
	{ "ELF32: two sections named image", d_dup, -EINVAL },
	{ "ELF32: image's name without its NUL", d_unterminated, -ENOENT },
};

/* Checks the real fmc file of @chip: its four sections, the FSP's sizes. */
static void real32(const char *dir, const char *chip, size_t key, size_t sig)
{
	size_t len, off[4], size[4];
	char path[512];
	uint8_t *d;
	int r;

	snprintf(path, sizeof(path), "%s/nvidia/%s/gsp/fmc-570.144.bin", dir, chip);
	d = read_file(path, &len);
	if (!d) {
		result(0, "real %s: %s cannot be read", chip, path);
		return;
	}
	r = nova_emu_elf32_section(d, len, "hash", &off[0], &size[0]) ||
	    nova_emu_elf32_section(d, len, "publickey", &off[1], &size[1]) ||
	    nova_emu_elf32_section(d, len, "signature", &off[2], &size[2]) ||
	    nova_emu_elf32_section(d, len, "image", &off[3], &size[3]);
	diag("%s: fmc image at 0x%zx, %zu bytes", chip, r ? 0 : off[3], r ? 0 : size[3]);
	result(!r && size[0] == 48 && size[1] == key && size[2] == sig &&
	       size[3] > 0x10000 && nova_emu_elf64_section(d, len, "image", &off[0],
							   &size[0]) == -ENOEXEC,
	       "real %s: fmc-570.144.bin: hash 48, publickey %zu, signature %zu bytes, an image; not ELF64",
	       chip, key, sig);
	free(d);
}

int main(int argc, char **argv)
{
	static const char *const families[][2] = {
		{ "tu102", ".fwsignature_tu10x" }, { "tu116", ".fwsignature_tu11x" },
		{ "ga100", ".fwsignature_ga100" }, { "ga102", ".fwsignature_ga10x" },
		{ "ad102", ".fwsignature_ad10x" },
	};
	uint8_t *f = malloc(T_LEN), *t;
	size_t off = 0, size = 0, cut;
	unsigned int i, bad = 0;
	int ret;

	printf("KTAP version 1\n1..%zu\n", 4 + sizeof(corruptions) / sizeof(corruptions[0]) +
	       3 + sizeof(corruptions32) / sizeof(corruptions32[0]) +
	       (argc > 1 ? sizeof(families) / sizeof(families[0]) + 3 : 0));
	build(f);
	ret = nova_emu_elf64_section(f, T_LEN, ".fwimage", &off, &size);
	result(!ret && off == T_IMAGE && size == T_IMAGE_LEN, "good file: .fwimage");
	ret = nova_emu_elf64_section(f, T_LEN, ".fwsignature_ga10x", &off, &size);
	result(!ret && off == T_SIG && size == T_SIG_LEN, "good file: .fwsignature_ga10x");
	ret = nova_emu_elf64_section(f, T_LEN, ".fwsignature_tu10x", &off, &size);
	result(ret == -ENOENT, "good file: no .fwsignature_tu10x (%d)", ret);

	for (i = 0; i < sizeof(corruptions) / sizeof(corruptions[0]); i++) {
		build(f);
		corruptions[i].fn(f);
		ret = nova_emu_elf64_section(f, T_LEN, ".fwimage", &off, &size);
		result(ret == corruptions[i].err, "%s: %d (expected %d)",
		       corruptions[i].name, ret, corruptions[i].err);
	}

	/* Every truncation, each in a buffer of exactly its size. */
	build(f);
	for (cut = 0; cut < T_LEN; cut++) {
		t = malloc(cut ? cut : 1);
		memcpy(t, f, cut);
		ret = nova_emu_elf64_section(t, cut, ".fwimage", &off, &size);
		if (!ret && off + size > cut)
			bad++;
		if (!ret && cut < T_LEN)
			bad++;	/* the section headers are at the end */
		free(t);
	}
	result(!bad, "every truncation refused (%u accepted)", bad);

	/* ELF32, the shape of fmc-<version>.bin. */
	f = realloc(f, T_LEN > F_LEN ? T_LEN : F_LEN);
	build32(f);
	bad = 0;
	ret = nova_emu_elf32_section(f, F_LEN, "image", &off, &size);
	bad += ret || off != F_IMAGE || size != F_IMAGE_LEN;
	ret = nova_emu_elf32_section(f, F_LEN, "publickey", &off, &size);
	bad += ret || off != F_PKEY || size != 97;
	ret = nova_emu_elf32_section(f, F_LEN, "hash", &off, &size);
	bad += ret || off != F_HASH || size != 48;
	ret = nova_emu_elf32_section(f, F_LEN, "signature", &off, &size);
	bad += ret || off != F_SIG || size != 96;
	bad += nova_emu_elf32_section(f, F_LEN, "imag", &off, &size) != -ENOENT;
	result(!bad, "ELF32 good file: image, publickey, hash, signature found; no imag");
	result(nova_emu_elf64_section(f, F_LEN, "image", &off, &size) == -ENOEXEC,
	       "ELF32 file: not an ELF64 file");
	for (i = 0; i < sizeof(corruptions32) / sizeof(corruptions32[0]); i++) {
		build32(f);
		corruptions32[i].fn(f);
		ret = nova_emu_elf32_section(f, F_LEN, "image", &off, &size);
		result(ret == corruptions32[i].err, "%s: %d (expected %d)",
		       corruptions32[i].name, ret, corruptions32[i].err);
	}
	build32(f);
	bad = 0;
	for (cut = 0; cut < F_LEN; cut++) {
		t = malloc(cut ? cut : 1);
		memcpy(t, f, cut);
		ret = nova_emu_elf32_section(t, cut, "image", &off, &size);
		if (!ret && (off + size > cut || cut < F_LEN))
			bad++;
		free(t);
	}
	result(!bad, "ELF32: every truncation refused (%u accepted)", bad);

	for (i = 0; argc > 1 && i < sizeof(families) / sizeof(families[0]); i++)
		real(argv[1], families[i][0], families[i][1]);
	if (argc > 1) {
		real32(argv[1], "gh100", 384, 384);
		real32(argv[1], "gb100", 97, 96);
		real32(argv[1], "gb202", 97, 96);
	}
	free(f);
	return failed ? 1 : 0;
}
