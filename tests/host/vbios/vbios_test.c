// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of nova_core's VBIOS parser (drivers/gpu/nova-core/vbios.c),
 * built with ASan and UBSan: good ROMs from the generator, every named
 * corruption with its exact errno and reason, every truncation of a good
 * ROM and random bit flips (fixed seed). Prints KTAP; exits non-zero on a
 * failure.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mkvbios.h"
#include "../../../drivers/gpu/nova-core/vbios.h"

static unsigned int tests, failed;

static void result(int ok, const char *fmt, ...)
{
	va_list ap;

	tests++;
	if (!ok)
		failed++;
	printf("%s %u ", ok ? "ok" : "not ok", tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

#define diag(...) do { printf("# "); printf(__VA_ARGS__); printf("\n"); } while (0)

/* Parses a private exact-size copy, so that ASan sees any over-read. */
static int parse_copy(const uint8_t *rom, size_t len, struct nova_vbios *v)
{
	uint8_t *copy = malloc(len ? len : 1);
	int ret;

	memcpy(copy, rom, len);
	ret = nova_vbios_parse(copy, len, v);
	/* Pointers into the copy: make them offsets before freeing it. */
	if (!ret) {
		if (v->ucode != copy + v->ucode_offset ||
		    (v->sigs && v->sigs != copy + v->sigs_offset))
			ret = -1000;
		else if ((size_t)v->ucode_offset + v->ucode_len > len ||
			 (size_t)v->sigs_offset + v->sigs_len > len)
			ret = -1001;
	}
	free(copy);
	return ret;
}

static uint8_t *build(const struct mkvbios_opts *o, size_t *len)
{
	uint8_t *rom;

	if (mkvbios_build(o, &rom, len)) {
		fprintf(stderr, "mkvbios_build failed\n");
		exit(2);
	}
	return rom;
}

static int check_pattern(const uint8_t *p, size_t n, uint32_t base)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (uint8_t)((base + i / 4) >> (8 * (i % 4))))
			return 0;
	return 1;
}

static void test_good(const char *chip, unsigned int sigs, int no_efi)
{
	struct mkvbios_opts o;
	struct nova_vbios v;
	size_t len, fw0, fw1;
	uint8_t *rom;
	int ret, ok, ver = mkvbios_desc_version(chip);
	unsigned int i;

	mkvbios_default_opts(&o);
	o.chip = chip;
	o.sigs = sigs;
	o.no_efi = no_efi;
	rom = build(&o, &len);
	fw0 = MKVBIOS_PCIAT_LEN + (no_efi ? 0 : MKVBIOS_EFI_LEN);
	fw1 = fw0 + MKVBIOS_FWSEC0_LEN;
	if (ver == 2)
		sigs = 0;

	ret = nova_vbios_parse(rom, len, &v);
	ok = ret == 0 && v.why[0] == '\0' &&
	     v.num_images == (no_efi ? 3u : 4u) && v.pci_at == 0 &&
	     v.efi == (no_efi ? -1 : 1) &&
	     v.fwsec[0] == (no_efi ? 1 : 2) && v.fwsec[1] == (no_efi ? 2 : 3) &&
	     v.images[v.fwsec[0]].offset == fw0 && v.images[v.fwsec[1]].offset == fw1 &&
	     v.images[v.fwsec[1]].last && !v.images[0].last &&
	     v.images[v.fwsec[1]].offset + v.images[v.fwsec[1]].len == len &&
	     v.bit_offset == MKVBIOS_BIT && v.bit_version == 0x100 &&
	     v.falcon_data_ptr == MKVBIOS_PCIAT_LEN + MKVBIOS_PMU_TABLE &&
	     v.pmu_table == fw0 + MKVBIOS_PMU_TABLE &&
	     v.desc_offset == fw1 + MKVBIOS_DESC &&
	     v.desc.version == ver && v.desc.imem_load_size == o.imem &&
	     v.desc.dmem_load_size == o.dmem && v.desc.interface_offset == 0x40 &&
	     v.desc.stored_size == o.imem + o.dmem &&
	     v.desc.signature_count == sigs &&
	     v.sigs_len == sigs * NOVA_VBIOS_SIG_LEN &&
	     (sigs ? v.sigs == rom + fw1 + MKVBIOS_DESC + 44 : v.sigs == NULL) &&
	     v.ucode == rom + v.ucode_offset &&
	     v.ucode_offset == v.desc_offset + v.desc.hdr_size &&
	     v.ucode_len == o.imem + o.dmem &&
	     v.imem_offset == 0 && v.imem_len == o.imem &&
	     v.dmem_offset == o.imem && v.dmem_len == o.dmem &&
	     check_pattern(v.ucode, v.imem_len, 0x1ce00000) &&
	     check_pattern(v.ucode + v.dmem_offset, v.dmem_len, 0xd0e00000);
	if (ok && ver == 3) {
		ok = v.desc.hdr_size == 44 + sigs * 384 && v.desc.pkc_data_offset == 0x100 &&
		     v.desc.engine_id_mask == 0x400 && v.desc.ucode_id == 9 &&
		     v.desc.signature_versions == (1u << sigs) - 1;
		for (i = 0; ok && i < sigs * 384; i++)
			ok = v.sigs[i] == (0xc0 | (i / 384));
	}
	if (ok && ver == 2)
		ok = v.desc.hdr_size == 60 && v.desc.dmem_offset == o.imem &&
		     v.desc.imem_sec_size == o.imem && v.desc.uncompressed_size == o.imem + o.dmem;
	if (!ok)
		diag("ret %d why '%s' images %u desc v%u", ret, v.why, v.num_images,
		     v.desc.version);
	result(ok, "good %s ROM (v%d descriptor, %u signatures%s) parses", chip, ver, sigs,
	       no_efi ? ", no EFI image" : "");
	free(rom);
}

static void test_corruptions(void)
{
	struct mkvbios_opts o;
	struct nova_vbios v;
	unsigned int i;
	uint8_t *rom;
	size_t len;
	int ret;

	for (i = 0; i < mkvbios_num_corruptions; i++) {
		const struct mkvbios_corruption *c = &mkvbios_corruptions[i];

		mkvbios_default_opts(&o);
		o.corrupt = c->name;
		rom = build(&o, &len);
		ret = parse_copy(rom, len, &v);
		if (ret != -c->err || !strstr(v.why, c->why))
			diag("expected %d '%s', got %d '%s'", -c->err, c->why, ret, v.why);
		result(ret == -c->err && strstr(v.why, c->why), "corruption %s: %s", c->name,
		       c->help);
		free(rom);
	}
}

static void test_truncations(const char *chip)
{
	struct mkvbios_opts o;
	struct nova_vbios v;
	unsigned int bad = 0;
	uint8_t *rom;
	size_t len, n;
	int ret;

	mkvbios_default_opts(&o);
	o.chip = chip;
	rom = build(&o, &len);
	for (n = 0; n < len; n++) {
		ret = parse_copy(rom, n, &v);
		if (ret != -EOVERFLOW && ret != -ENOENT && ret != -EINVAL) {
			if (!bad++)
				diag("length %zu: got %d '%s'", n, ret, v.why);
		}
	}
	result(!bad, "%s ROM truncated at each of its %zu lengths: an error each time",
	       chip, len);
	free(rom);
}

static uint64_t rng_state = 0x6e6f7661u;	/* "nova" */

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void test_bitflips(unsigned int rounds)
{
	unsigned int r, k, nflip, okc = 0, errc = 0, bad = 0;
	struct mkvbios_opts o;
	struct nova_vbios v;
	uint8_t *rom, *m;
	size_t len, pos;
	int ret;

	mkvbios_default_opts(&o);
	o.sigs = 1;
	o.imem = 0x200;
	o.dmem = 0x100;
	rom = build(&o, &len);
	m = malloc(len);
	for (r = 0; r < rounds; r++) {
		memcpy(m, rom, len);
		nflip = 1 + rng() % 4;
		for (k = 0; k < nflip; k++) {
			/* Half the flips hit the headers and tables. */
			if (rng() & 1)
				pos = rng() % len;
			else
				pos = (rng() & 1 ? MKVBIOS_BIT : 0) + rng() % 0x100;
			if (rng() % 8 == 0)
				pos = (pos & ~(size_t)0xfff) + MKVBIOS_PCIAT_LEN +
				      (rng() % 3) * 0x800 + rng() % 0x100;
			if (pos >= len)
				pos = rng() % len;
			m[pos] ^= 1u << (rng() % 8);
		}
		ret = parse_copy(m, len, &v);
		if (!ret)
			okc++;
		else if (ret == -EINVAL || ret == -ENOENT || ret == -EOVERFLOW ||
			 ret == -EOPNOTSUPP)
			errc++;
		else if (!bad++)
			diag("round %u: unexpected %d '%s'", r, ret, v.why);
	}
	diag("%u bit-flipped ROMs: %u parsed, %u refused", rounds, okc, errc);
	result(!bad, "%u ROMs with random bit flips (seed 0x6e6f7661): no crash, known errnos",
	       rounds);
	free(m);
	free(rom);
}

static void test_misc(void)
{
	struct mkvbios_opts o;
	struct nova_vbios v;
	uint8_t *rom, *big;
	size_t len;
	int ret;

	ret = nova_vbios_parse(NULL, 4096, &v);
	result(ret == -EINVAL, "NULL ROM: EINVAL (%d '%s')", ret, v.why);
	ret = parse_copy((const uint8_t *)"", 0, &v);
	result(ret == -EOVERFLOW || ret == -ENOENT, "empty ROM refused (%d '%s')", ret, v.why);

	/* A ROM read as a whole 2 MiB window: only 1 MiB is scanned. */
	mkvbios_default_opts(&o);
	rom = build(&o, &len);
	big = malloc(2 << 20);
	memset(big, 0xff, 2 << 20);
	memcpy(big, rom, len);
	ret = nova_vbios_parse(big, 2 << 20, &v);
	result(ret == 0, "good ROM followed by 0xff padding to 2 MiB parses (%d '%s')",
	       ret, v.why);
	/* The last image reaching past the 1 MiB scan limit is refused. */
	{
		size_t fw1 = MKVBIOS_PCIAT_LEN + MKVBIOS_EFI_LEN + MKVBIOS_FWSEC0_LEN;
		uint16_t units = (NOVA_VBIOS_MAX_SCAN - fw1) / 512 + 1;

		big[fw1 + 0x60 + 8] = units;
		big[fw1 + 0x60 + 9] = units >> 8;
	}
	ret = nova_vbios_parse(big, 2 << 20, &v);
	result(ret == -EOVERFLOW && strstr(v.why, "past the end (0x100000)"),
	       "image crossing the 1 MiB scan limit: EOVERFLOW (%d '%s')", ret, v.why);
	/* A bad first image. */
	memset(big, 0, 0x1a);
	ret = nova_vbios_parse(big, 2 << 20, &v);
	result(ret == -EINVAL, "ROM with a bad first image: EINVAL (%d '%s')", ret, v.why);
	free(big);
	free(rom);
}

int main(int argc, char **argv)
{
	unsigned int rounds = argc > 1 ? strtoul(argv[1], NULL, 0) : 20000;

	printf("KTAP version 1\n");
	printf("1..%u\n", 4 + mkvbios_num_corruptions + 2 + 1 + 5);
	test_good("ga102", 3, 0);
	test_good("ga102", 0, 0);
	test_good("ad104", 5, 1);
	test_good("tu102", 0, 0);
	test_corruptions();
	test_truncations("ga102");
	test_truncations("tu102");
	test_bitflips(rounds);
	test_misc();
	fprintf(stderr, "%u tests, %u failed\n", tests, failed);
	return failed ? 1 : 0;
}
