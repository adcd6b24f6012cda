// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of nova_core's VBIOS parser (drivers/gpu/nova-core/vbios/parse.c),
 * built with ASan and UBSan: good ROMs from the generator, every named
 * corruption with its exact errno and reason (or, for those breaking only
 * the emulated ucode, that the parser accepts them), every truncation of a
 * good ROM and random bit flips (fixed seed); and that the default ROM of
 * every chip of the emulated GPU holds an emulated FWSEC ucode
 * (drivers/gpu/nova-core/emu/firmware.h) where its descriptor says. Prints
 * KTAP; exits non-zero on a failure.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mkvbios.h"
#include "../emu_ucode.h"
#include "../../../drivers/gpu/nova-core/vbios/vbios.h"

#include "../ktap.h"

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

static uint32_t get32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint16_t get16(const uint8_t *p)
{
	return p[0] | p[1] << 8;
}

/* Whether [@off, @off + @n) lies inside [0, @len). */
static int inside(uint32_t off, uint32_t n, uint32_t len)
{
	return off <= len && n <= len - off;
}

static int overlap(uint32_t a, uint32_t an, uint32_t b, uint32_t bn)
{
	return (uint64_t)a < (uint64_t)b + bn && (uint64_t)b < (uint64_t)a + an;
}

static int all_zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* The @k-th signature version set in @mask, in ascending order. */
static unsigned int sig_version(uint16_t mask, unsigned int k)
{
	unsigned int v;

	for (v = 0; v < 16; v++)
		if (mask & (1u << v) && !k--)
			return v;
	return 16 + k;
}

/*
 * Checks, the way nova_core and the emulator read it, that the parsed
 * ucode is an emulated FWSEC ucode (emu/firmware.h): its header at IMEM 0,
 * the interface table at the descriptor's interface offset in DMEM, the
 * DMEMMAPPER with a zeroed command buffer, and (v3) a zeroed signature
 * slot at pkc_data_offset and the synthetic signatures. Returns NULL, or
 * what is wrong.
 */
static const char *check_emu(const struct nova_vbios *v)
{
	const struct nova_fwsec_desc *d = &v->desc;
	const uint8_t *im = v->ucode + v->imem_offset;
	const uint8_t *dm = v->ucode + v->dmem_offset;
	uint32_t dlen = v->dmem_len, tbl = d->interface_offset, tlen;
	uint32_t dmap = 0, cmd, cmdlen, pkc = d->pkc_data_offset;
	static const uint32_t ids[3] = { 1, NOVA_EMU_APPIF_ID_DMEMMAPPER, 7 };
	const uint8_t *t, *m;
	unsigned int i, k, found = 0, bad_entry = 0;

	if (v->imem_offset != 0 || v->dmem_offset != d->imem_load_size)
		return "IMEM not at 0 or DMEM not at imem_load_size";
	if (d->imem_phys_base || d->imem_virt_base || d->dmem_phys_base)
		return "a load base is not 0";
	if (v->imem_len < sizeof(struct nova_emu_ucode_hdr))
		return "IMEM too small for the header";
	if (get32(im) != NOVA_EMU_UCODE_MAGIC)
		return "header: bad magic";
	if (get32(im + 4) != NOVA_EMU_UCODE_VERSION ||
	    get32(im + 8) != NOVA_EMU_UCODE_FWSEC)
		return "header: bad version or kind";
	if (get32(im + 12) != (d->version == 3 ? NOVA_EMU_UCODE_F_SIGNED :
						 NOVA_EMU_UCODE_F_SPLIT))
		return "header: bad flags";
	if (get32(im + 16) != d->interface_offset)
		return "header: interface offset differs from the descriptor's";
	if (get32(im + 20) != (d->version == 3 ? d->ucode_id : 0) ||
	    get32(im + 24) != (d->version == 3 ? d->engine_id_mask : 0) ||
	    get32(im + 28) != (d->version == 3 ? 0 : d->imem_sec_base))
		return "header: bad ucode id, engine mask or secure part offset";
	if (d->version == 2 &&
	    (d->imem_sec_base + d->imem_sec_size != d->imem_load_size ||
	     d->imem_sec_base < MKVBIOS_EMU_HDR_LEN || d->imem_sec_size < 8 ||
	     get32(im + d->imem_sec_base) != NOVA_EMU_UCODE_SEC_MAGIC ||
	     get32(im + d->imem_sec_base + 4) != d->imem_sec_size))
		return "v2: the secure part is not where the descriptor says";

	if (!inside(tbl, NOVA_EMU_APPIF_HDR_LEN, dlen))
		return "interface table outside DMEM";
	t = dm + tbl;
	if (t[0] != NOVA_EMU_APPIF_VERSION || t[1] != NOVA_EMU_APPIF_HDR_LEN ||
	    t[2] != NOVA_EMU_APPIF_ENTRY_LEN || t[3] != 3)
		return "interface table: bad header";
	tlen = NOVA_EMU_APPIF_HDR_LEN + NOVA_EMU_APPIF_ENTRY_LEN * t[3];
	if (!inside(tbl, tlen, dlen))
		return "interface table: entries past the DMEM end";
	for (i = 0; i < t[3]; i++) {
		const uint8_t *e = t + NOVA_EMU_APPIF_HDR_LEN +
				   NOVA_EMU_APPIF_ENTRY_LEN * i;

		if (get32(e) == NOVA_EMU_APPIF_ID_DMEMMAPPER) {
			dmap = get32(e + 4);
			found++;
		}
		if (get32(e) != ids[i] || !inside(get32(e + 4), 1, dlen))
			bad_entry = 1;
	}
	if (found != 1)
		return "interface table: no DMEMMAPPER entry";
	if (bad_entry)
		return "interface table: not ids 1, 4, 7 inside DMEM";

	if (!inside(dmap, NOVA_EMU_DMAP_LEN, dlen))
		return "DMEMMAPPER past the DMEM end";
	if (overlap(dmap, NOVA_EMU_DMAP_LEN, tbl, tlen))
		return "DMEMMAPPER overlaps the interface table";
	m = dm + dmap;
	if (get32(m + NOVA_EMU_DMAP_SIG) != NOVA_EMU_DMAP_SIGNATURE ||
	    get16(m + NOVA_EMU_DMAP_VER) != NOVA_EMU_DMAP_VERSION ||
	    get16(m + NOVA_EMU_DMAP_SIZE) != NOVA_EMU_DMAP_LEN ||
	    get32(m + NOVA_EMU_DMAP_INIT_CMD))
		return "DMEMMAPPER: bad signature, version, size or init_cmd";
	cmd = get32(m + NOVA_EMU_DMAP_CMD_IN_OFFSET);
	cmdlen = get32(m + NOVA_EMU_DMAP_CMD_IN_SIZE);
	if (cmdlen < 0x100 || !inside(cmd, cmdlen, dlen))
		return "command buffer too small or past the DMEM end";
	if (overlap(cmd, cmdlen, tbl, tlen) ||
	    overlap(cmd, cmdlen, dmap, NOVA_EMU_DMAP_LEN))
		return "command buffer overlaps the table or the DMEMMAPPER";
	if (!all_zero(dm + cmd, cmdlen))
		return "command buffer not zeroed";
	if (d->version != 3)
		return NULL;

	if (!inside(pkc, NOVA_EMU_SIG_LEN, dlen))
		return "signature slot past the DMEM end";
	if (overlap(pkc, NOVA_EMU_SIG_LEN, tbl, tlen) ||
	    overlap(pkc, NOVA_EMU_SIG_LEN, dmap, NOVA_EMU_DMAP_LEN) ||
	    overlap(pkc, NOVA_EMU_SIG_LEN, cmd, cmdlen))
		return "signature slot overlaps another structure";
	if (!all_zero(dm + pkc, NOVA_EMU_SIG_LEN))
		return "signature slot not zeroed";
	if (v->sigs_len != d->signature_count * NOVA_EMU_SIG_LEN ||
	    (d->signature_count <= 16 &&
	     d->signature_versions != (1u << d->signature_count) - 1))
		return "signature count and versions disagree";
	for (i = 0; i < d->signature_count; i++)
		for (k = 0; k < NOVA_EMU_SIG_LEN; k++)
			if (v->sigs[NOVA_EMU_SIG_LEN * i + k] !=
			    nova_emu_sig_byte(sig_version(d->signature_versions,
							  i), k))
				return "a signature is not the synthetic one";
	return NULL;
}

static void test_good(const char *chip, unsigned int sigs, int no_efi,
		      uint32_t imem, uint32_t dmem)
{
	struct mkvbios_opts o;
	struct nova_vbios v;
	size_t len, fw0, fw1;
	uint8_t *rom;
	int ret, ok, emu, ver = mkvbios_desc_version(chip);
	const char *bad = NULL;

	mkvbios_default_opts(&o);
	o.chip = chip;
	o.sigs = sigs;
	o.no_efi = no_efi;
	o.imem = imem;
	o.dmem = dmem;
	emu = mkvbios_emu_fits(&o);
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
	     v.desc.dmem_load_size == o.dmem &&
	     v.desc.interface_offset == MKVBIOS_IF_OFFSET &&
	     v.desc.stored_size == o.imem + o.dmem &&
	     v.desc.signature_count == sigs &&
	     v.sigs_len == sigs * NOVA_VBIOS_SIG_LEN &&
	     (sigs ? v.sigs == rom + fw1 + MKVBIOS_DESC + 44 : v.sigs == NULL) &&
	     v.ucode == rom + v.ucode_offset &&
	     v.ucode_offset == v.desc_offset + v.desc.hdr_size &&
	     v.ucode_len == o.imem + o.dmem &&
	     v.imem_offset == 0 && v.imem_len == o.imem &&
	     v.dmem_offset == o.imem && v.dmem_len == o.dmem;
	if (ok && ver == 3)
		ok = v.desc.hdr_size == 44 + sigs * 384 &&
		     v.desc.pkc_data_offset == MKVBIOS_PKC_OFFSET &&
		     v.desc.engine_id_mask == MKVBIOS_ENGINE_ID_MASK &&
		     v.desc.ucode_id == MKVBIOS_UCODE_ID &&
		     v.desc.signature_versions == (1u << sigs) - 1;
	if (ok && ver == 2)
		ok = v.desc.hdr_size == 60 && v.desc.dmem_offset == o.imem &&
		     v.desc.imem_sec_base == MKVBIOS_V2_SEC_BASE(o.imem) &&
		     v.desc.imem_sec_size == o.imem - MKVBIOS_V2_SEC_BASE(o.imem) &&
		     v.desc.uncompressed_size == o.imem + o.dmem;
	if (ok && emu) {
		bad = check_emu(&v);
		ok = !bad;
	} else if (ok) {
		/* Too small for the emulated ucode: patterns only. */
		ok = check_pattern(v.ucode, v.imem_len, 0x1ce00000) &&
		     check_pattern(v.ucode + v.dmem_offset, v.dmem_len,
				   0xd0e00000);
	}
	if (!ok)
		diag("ret %d why '%s' images %u desc v%u%s%s", ret, v.why,
		     v.num_images, v.desc.version, bad ? ": " : "",
		     bad ? bad : "");
	result(ok,
	       "good %s ROM (v%d descriptor, %u signatures, IMEM 0x%x, DMEM 0x%x%s) parses, %s",
	       chip, ver, sigs, imem, dmem, no_efi ? ", no EFI image" : "",
	       emu ? "emulated FWSEC ucode" : "pattern ucode");
	free(rom);
}

/* Every chip of mkvbios --tree: its default ROM holds an emulated FWSEC. */
static void test_chips(void)
{
	struct mkvbios_opts o;
	struct nova_vbios v;
	const char *bad;
	unsigned int i;
	uint8_t *rom;
	size_t len;
	int ret, ver;

	for (i = 0; mkvbios_chips[i]; i++) {
		mkvbios_default_opts(&o);
		o.chip = mkvbios_chips[i];
		o.strict = true;
		ver = mkvbios_desc_version(o.chip);
		rom = build(&o, &len);
		ret = parse_copy(rom, len, &v);
		if (!ret)
			ret = nova_vbios_parse(rom, len, &v);
		bad = ret ? v.why : check_emu(&v);
		if (!bad && v.desc.version != ver)
			bad = "wrong descriptor version";
		if (!bad && ver == 3 &&
		    (v.desc.signature_count != MKVBIOS_DEF_SIGS ||
		     v.desc.signature_versions != 0x000f ||
		     v.desc.engine_id_mask != 0x400 || v.desc.ucode_id != 1))
			bad = "not 4 signatures (0-3) for GSP ucode 1";
		if (!bad && (v.imem_len != MKVBIOS_DEF_IMEM ||
			     v.dmem_len != MKVBIOS_DEF_DMEM))
			bad = "not the default sizes";
		if (bad)
			diag("%s: %d: %s", o.chip, ret, bad);
		result(!bad,
		       "default %s ROM (v%d): emulated FWSEC ucode where the descriptor says",
		       o.chip, ver);
		free(rom);
	}
}

/* --strict refuses sizes too small for the emulated ucode, by one byte. */
static void test_strict(void)
{
	static const struct {
		const char *chip;
		uint32_t imem, dmem;
		int ret;
	} cases[] = {
#define H MKVBIOS_EMU_HDR_LEN
#define D2 MKVBIOS_EMU_DMEM_MIN_V2
#define D3 MKVBIOS_EMU_DMEM_MIN_V3
		{ "ga102", H, D3, 0 },
		{ "ga102", H - 1, D3, -ENOSPC },
		{ "ga102", H, D3 - 1, -ENOSPC },
		{ "tu102", MKVBIOS_EMU_IMEM_MIN_V2, D2, 0 },
		{ "tu102", MKVBIOS_EMU_IMEM_MIN_V2 - 1, D2, -ENOSPC },
		{ "tu102", MKVBIOS_EMU_IMEM_MIN_V2, D2 - 1, -ENOSPC },
#undef H
#undef D2
#undef D3
		{ "tu102", 0x100, 0x80, -ENOSPC },
		{ "gb202", MKVBIOS_DEF_IMEM, MKVBIOS_DEF_DMEM, -EINVAL },
	};
	struct mkvbios_opts o;
	unsigned int i, bad = 0;
	uint8_t *rom;
	size_t len;
	int ret;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		mkvbios_default_opts(&o);
		o.chip = cases[i].chip;
		o.imem = cases[i].imem;
		o.dmem = cases[i].dmem;
		o.strict = true;
		ret = mkvbios_build(&o, &rom, &len);
		if (!ret)
			free(rom);
		if (ret != cases[i].ret) {
			diag("%s IMEM 0x%x DMEM 0x%x: %d, expected %d", o.chip,
			     o.imem, o.dmem, ret, cases[i].ret);
			bad++;
		}
	}
	result(!bad,
	       "strict builds: the least sizes fit, one byte less is ENOSPC");
}

static void test_corruptions(void)
{
	struct mkvbios_opts o;
	struct nova_vbios v;
	uint8_t *rom, *good;
	size_t len, good_len;
	const char *bad;
	unsigned int i;
	int ret;

	for (i = 0; i < mkvbios_num_corruptions; i++) {
		const struct mkvbios_corruption *c = &mkvbios_corruptions[i];

		mkvbios_default_opts(&o);
		/* The v2-only ones on a v2 chip; each against its good ROM. */
		if (!strncmp(c->help, "(v2)", 4))
			o.chip = "tu102";
		good = build(&o, &good_len);
		o.corrupt = c->name;
		rom = build(&o, &len);
		ret = parse_copy(rom, len, &v);
		if (c->err) {
			if (ret != -c->err || !strstr(v.why, c->why))
				diag("expected %d '%s', got %d '%s'", -c->err,
				     c->why, ret, v.why);
			result(ret == -c->err && strstr(v.why, c->why),
			       "corruption %s: %s", c->name, c->help);
			free(rom);
			free(good);
			continue;
		}
		/*
		 * The parser must accept it; the emulated ucode must be
		 * broken in a way a careful reader (check_emu) sees.
		 */
		bad = NULL;
		if (ret || v.why[0])
			bad = v.why;
		else if (len != good_len || !memcmp(rom, good, len))
			bad = "the ROM is not changed";
		else if (nova_vbios_parse(rom, len, &v) || !check_emu(&v))
			bad = "the emulated ucode still looks good";
		if (bad)
			diag("%d: %s", ret, bad);
		else
			diag("%s: %s", c->name, check_emu(&v));
		result(!bad, "corruption %s (parser accepts): %s", c->name,
		       c->help);
		free(rom);
		free(good);
	}
}

/*
 * An NPDE of length 0 (the first FWSEC image's): its PCIR's length and
 * last-image flag stand. The parser and the PROM reader's chain decoder
 * (nova_vbios_image_len(), the same code) must both walk the whole chain
 * as in the ROM without the quirk, image by image.
 */
static void test_npde_zero(void)
{
	struct mkvbios_opts o;
	struct nova_vbios v, g;
	uint8_t *rom, *good;
	size_t len, good_len, off = 0, ilen;
	unsigned int i = 0, bad = 0;
	bool last = false;
	int ret;

	mkvbios_default_opts(&o);
	good = build(&o, &good_len);
	o.npde_zero = true;
	rom = build(&o, &len);
	ret = parse_copy(rom, len, &v);
	result(!ret && !parse_copy(good, good_len, &g) &&
	       v.num_images == g.num_images && v.fwsec[0] == g.fwsec[0] &&
	       v.fwsec[1] == g.fwsec[1] && v.ucode_offset == g.ucode_offset,
	       "first FWSEC image's NPDE length 0: parsed as with its PCIR's length (%d '%s')",
	       ret, v.why);
	while (!last && i < g.num_images) {
		if (nova_vbios_image_len(rom, len, off, &ilen, &last) ||
		    ilen != g.images[i].len)
			bad++;
		off += ilen;
		i++;
	}
	result(!bad && i == g.num_images && off == good_len,
	       "the reader's decoder walks the same %u images (%zu of %zu bytes)",
	       i, off, good_len);
	free(rom);
	free(good);
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
	o.imem = 0x100;
	o.dmem = MKVBIOS_EMU_DMEM_MIN_V3;
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
	unsigned int chips = 0;

	while (mkvbios_chips[chips])
		chips++;
	printf("KTAP version 1\n");
	printf("1..%u\n", 9 + chips + 1 + mkvbios_num_corruptions + 2 + 1 + 5);
	test_good("ga102", 4, 0, MKVBIOS_DEF_IMEM, MKVBIOS_DEF_DMEM);
	test_good("ga102", 0, 0, MKVBIOS_DEF_IMEM, MKVBIOS_DEF_DMEM);
	test_good("ad104", 5, 1, 0x1000, 0x800);
	test_good("tu102", 0, 0, MKVBIOS_DEF_IMEM, MKVBIOS_DEF_DMEM);
	test_good("ga102", 3, 0, MKVBIOS_EMU_HDR_LEN, MKVBIOS_EMU_DMEM_MIN_V3);
	test_good("ga100", 0, 1, MKVBIOS_EMU_IMEM_MIN_V2, MKVBIOS_EMU_DMEM_MIN_V2);
	/* The fuzzer's seeds: too small, pattern ucode. */
	test_good("ga102", 1, 0, 0x100, 0x80);
	test_good("tu102", 0, 0, 0x100, 0x80);
	test_good("ga102", 0, 1, 0x40, 0x40);
	test_chips();
	test_strict();
	test_corruptions();
	test_npde_zero();
	test_truncations("ga102");
	test_truncations("tu102");
	test_bitflips(rounds);
	test_misc();
	fprintf(stderr, "%u tests, %u failed\n", tests, failed);
	return failed ? 1 : 0;
}
