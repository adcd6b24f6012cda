// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of nova_core's firmware file parsers (drivers/gpu/nova-core/
 * firmware/fw.c), built with ASan and UBSan: good files of every chip and
 * kind from the generator (gen_bootloader on Turing and GA100 only; fmc on
 * gh100, gb100 and gb202 only, with their FSP's sizes), every named
 * corruption with its exact errno and reason, every truncation of good
 * files, random bit flips (fixed seed), edge cases, and the firmware tree
 * written by mkfw --tree. Prints KTAP; exits non-zero on a failure.
 *
 *   fw-test [ROUNDS [TREE]]
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/crc32.h>

#include "../emu_ucode.h"
#include "mkfw.h"
#include "../../../drivers/gpu/nova-core/firmware/fw.h"

#include "../ktap.h"
#include "../readfile.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t rd32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void wr32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

/**
 * struct res - the result of any of the parsers
 * @gsp: gsp result.
 * @bl: bootloader result.
 * @hs: booter result.
 * @gbl: gen_bootloader result.
 * @fmc: fmc result.
 * @cot: (fmc) the FSP sizes it was parsed with.
 * @why: the reason of the parser that ran.
 */
struct res {
	struct nova_fw_gsp gsp;
	struct nova_fw_bootloader bl;
	struct nova_fw_booter hs;
	struct nova_fw_gen_bootloader gbl;
	struct nova_fw_fmc fmc;
	const struct nova_fw_fmc_cot *cot;
	const char *why;
};

/* The sizes @chip's FSP takes: GH100's RSA-3K, or Blackwell's ECDSA P-384. */
static const struct nova_fw_fmc_cot *fmc_cot(const char *chip)
{
	return !strncmp(chip, "gh", 2) ? &nova_fw_fmc_cot_gh100 : &nova_fw_fmc_cot_gb100;
}

/*
 * Runs the parser of @kind; the gsp one looks for @chip's signature
 * section, the fmc one takes the sizes of @chip's FSP.
 */
static int parse(enum mkfw_kind kind, const char *chip, const uint8_t *d, size_t len,
		 struct res *r)
{
	switch (kind) {
	case MKFW_FMC:
		r->why = r->fmc.why;
		r->cot = fmc_cot(chip);
		return nova_fw_fmc_parse(d, len, r->cot, &r->fmc);
	case MKFW_GSP:
		r->why = r->gsp.why;
		return nova_fw_gsp_parse(d, len, mkfw_gsp_sig_section(chip), &r->gsp);
	case MKFW_BOOTLOADER:
		r->why = r->bl.why;
		return nova_fw_bootloader_parse(d, len, &r->bl);
	case MKFW_GEN_BOOTLOADER:
		r->why = r->gbl.why;
		return nova_fw_gen_bootloader_parse(d, len, &r->gbl);
	default:
		r->why = r->hs.why;
		return nova_fw_booter_parse(d, len, &r->hs);
	}
}

static int inside(const uint8_t *base, size_t len, const uint8_t *p, size_t n)
{
	return p >= base && (size_t)(p - base) <= len && n <= len - (size_t)(p - base);
}

/* What a success promises: everything it points at lies in the file. */
static int success_ok(enum mkfw_kind kind, const struct res *r, const uint8_t *d, size_t len)
{
	const struct nova_fw_gen_bootloader *gb = &r->gbl;
	const struct nova_fw_booter *h = &r->hs;
	const struct nova_fw_bootloader *b = &r->bl;
	const struct nova_fw_gsp *g = &r->gsp;
	const struct nova_fw_fmc *f = &r->fmc;

	if (r->why[0])
		return 0;
	switch (kind) {
	case MKFW_FMC:
		return f->image == d + f->image_offset && f->image_len &&
		       inside(d, len, f->image, f->image_len) &&
		       f->hash && inside(d, len, f->hash, r->cot->hash) &&
		       f->pkey && inside(d, len, f->pkey, r->cot->pkey) &&
		       f->sig && inside(d, len, f->sig, r->cot->sig);
	case MKFW_GSP:
		return g->image == d + g->image_offset && g->image_len &&
		       inside(d, len, g->image, g->image_len) &&
		       g->sig == d + g->sig_offset && g->sig_len &&
		       inside(d, len, g->sig, g->sig_len);
	case MKFW_BOOTLOADER:
		return b->ucode == d + b->bin.data_offset && b->ucode_len == b->bin.data_size &&
		       inside(d, len, b->ucode, b->ucode_len) &&
		       b->monitor_code_offset < b->ucode_len &&
		       (uint64_t)b->monitor_code_offset + b->monitor_code_size <= b->ucode_len &&
		       b->monitor_data_offset < b->ucode_len &&
		       (uint64_t)b->monitor_data_offset + b->monitor_data_size <= b->ucode_len &&
		       b->manifest_offset < b->ucode_len &&
		       (uint64_t)b->manifest_offset + b->manifest_size <= b->ucode_len;
	case MKFW_GEN_BOOTLOADER:
		return gb->code == d + gb->bin.data_offset && gb->code_len == gb->code_size &&
		       gb->code_size && gb->code_size <= NOVA_FW_GEN_BL_MAX_CODE &&
		       gb->code_size <= gb->bin.data_size &&
		       inside(d, len, gb->code, gb->code_len) &&
		       (uint64_t)gb->bin.header_offset + NOVA_FW_GEN_BL_DESC_LEN <= len &&
		       gb->start_tag <= NOVA_FW_GEN_BL_MAX_TAG;
	default:
		return h->ucode == d + h->bin.data_offset && h->ucode_len == h->bin.data_size &&
		       inside(d, len, h->ucode, h->ucode_len) &&
		       h->num_sigs && (uint64_t)h->num_sigs * h->sig_len == h->sig_prod_size &&
		       h->sigs == d + h->sigs_offset &&
		       inside(d, len, h->sigs, h->sig_prod_size) &&
		       h->engine_id_mask <= 0xffff && h->ucode_id <= 0xff &&
		       h->num_apps && h->app0_size &&
		       (uint64_t)h->app0_offset + h->app0_size <= h->ucode_len &&
		       (uint64_t)h->os_code_offset + h->os_code_size <= h->ucode_len &&
		       (uint64_t)h->os_data_offset + h->os_data_size <= h->ucode_len &&
		       h->patch_loc >= h->os_data_offset &&
		       (uint64_t)h->patch_loc + h->sig_len <=
		       (uint64_t)h->os_data_offset + h->os_data_size;
	}
}

/* Parses a private exact-size copy, so that ASan sees any over-read. */
static int parse_copy(enum mkfw_kind kind, const char *chip, const uint8_t *d, size_t len,
		      struct res *r)
{
	uint8_t *copy = malloc(len ? len : 1);
	int ret;

	memcpy(copy, d, len);
	ret = parse(kind, chip, copy, len, r);
	if (!ret && !success_ok(kind, r, copy, len))
		ret = -1000;
	free(copy);
	return ret;
}

/* The errnos the parser of @kind returns; only fmc's has CRCs (-EBADMSG). */
static int known_err(enum mkfw_kind kind, int ret)
{
	return ret == -EINVAL || ret == -EOVERFLOW || ret == -ENOEXEC || ret == -ENODATA ||
	       (kind == MKFW_FMC && ret == -EBADMSG);
}

static uint8_t *build(const struct mkfw_opts *o, size_t *len)
{
	uint8_t *d;

	if (mkfw_build(o, &d, len)) {
		fprintf(stderr, "mkfw_build(%s, %s, %s) failed\n", mkfw_kind_names[o->kind],
			o->chip, o->corrupt ? o->corrupt : "-");
		exit(2);
	}
	return d;
}

static uint8_t *build_kind(enum mkfw_kind kind, const char *chip, int small, size_t *len)
{
	struct mkfw_opts o;

	mkfw_default_opts(&o);
	o.kind = kind;
	o.chip = chip;
	if (small) {
		o.image_len = 0x400;
		o.sig_len = 0x40;
	}
	return build(&o, len);
}

static int check_pattern(const uint8_t *p, size_t n, uint32_t base)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != mkfw_pattern_byte(base, i))
			return 0;
	return 1;
}

static int good_gsp(const char *chip)
{
	const char *sig = mkfw_gsp_sig_section(chip);
	const char *other = mkfw_gsp_is_tu10x(chip) ? ".fwsignature_ga10x" :
						      ".fwsignature_tu10x";
	struct nova_fw_gsp g;
	uint8_t *d;
	size_t len;
	int ret, ok;

	d = build_kind(MKFW_GSP, chip, 0, &len);
	ret = nova_fw_gsp_parse(d, len, sig, &g);
	ok = ret == 0 && !g.why[0] && g.image_len == MKFW_GSP_IMAGE_LEN &&
	     g.image == d + g.image_offset && g.image_offset + g.image_len == len &&
	     !memcmp(g.image, "SYNTHETIC GSP-RM", 16) &&
	     check_pattern(g.image + 0x100, 0x100, 0x6e000040) &&
	     g.sig_len == MKFW_GSP_SIG_LEN && g.sig == d + g.sig_offset &&
	     !strcmp((const char *)g.sig, sig);
	if (!ok)
		diag("%s gsp: %d '%s' image 0x%zx+0x%zx sig 0x%zx+0x%zx", chip, ret, g.why,
		     g.image_offset, g.image_len, g.sig_offset, g.sig_len);
	if (ok) {
		ret = nova_fw_gsp_parse(d, len, NULL, &g);
		ok = ret == 0 && g.image_len == MKFW_GSP_IMAGE_LEN && !g.sig && !g.sig_len;
		if (!ok)
			diag("%s gsp, no signature section: %d '%s'", chip, ret, g.why);
	}
	if (ok) {
		ret = nova_fw_gsp_parse(d, len, other, &g);
		ok = ret == -ENODATA && strstr(g.why, "no section .fwsignature_");
		if (!ok)
			diag("%s gsp, %s: %d '%s'", chip, other, ret, g.why);
	}
	free(d);
	return ok;
}

static int good_bootloader(const char *chip)
{
	uint32_t desc_len = mkfw_bl_desc_len(chip);
	struct nova_fw_bootloader b;
	uint8_t *d;
	size_t len;
	int ret, ok;

	d = build_kind(MKFW_BOOTLOADER, chip, 0, &len);
	ret = nova_fw_bootloader_parse(d, len, &b);
	ok = ret == 0 && !b.why[0] && b.bin.bin_magic == NOVA_FW_BIN_MAGIC &&
	     b.bin.bin_ver == 1 && b.bin.bin_size == len &&
	     b.bin.header_offset == MKFW_BINHDR_LEN &&
	     b.bin.data_offset == MKFW_BINHDR_LEN + desc_len &&
	     b.bin.data_size == MKFW_BL_PAYLOAD_LEN &&
	     b.version == MKFW_BL_VERSION && b.app_version == MKFW_BL_APP_VERSION &&
	     b.bootloader_offset == 0 && b.bootloader_size == MKFW_BL_PAYLOAD_LEN &&
	     b.bootloader_param_offset == 0 && b.bootloader_param_size == 0 &&
	     b.riscv_elf_offset == 0 && b.riscv_elf_size == 0 &&
	     b.manifest_offset == MKFW_BL_MANIFEST && b.manifest_size == MKFW_BL_MANIFEST_LEN &&
	     b.monitor_data_offset == MKFW_BL_MONITOR_DATA &&
	     b.monitor_data_size == MKFW_BL_MONITOR_DATA_LEN &&
	     b.monitor_code_offset == MKFW_BL_MONITOR_CODE &&
	     b.monitor_code_size == MKFW_BL_MONITOR_CODE_LEN &&
	     b.ucode == d + b.bin.data_offset && b.ucode_len == MKFW_BL_PAYLOAD_LEN &&
	     check_pattern(b.ucode + b.monitor_code_offset, b.monitor_code_size, 0xc0de0000) &&
	     check_pattern(b.ucode + b.monitor_data_offset, b.monitor_data_size, 0xda7a0000) &&
	     check_pattern(b.ucode + b.manifest_offset, b.manifest_size, 0x3a1f0000);
	if (!ok)
		diag("%s bootloader: %d '%s'", chip, ret, b.why);
	free(d);
	return ok;
}

static int good_booter(const char *chip, enum mkfw_kind kind)
{
	uint32_t sig_len = mkfw_booter_sig_len(chip), n = MKFW_HS_NUM_SIGS, i, j;
	int load = kind == MKFW_BOOTER_LOAD, ret, ok;
	struct nova_fw_booter h;
	const uint8_t *app0;
	uint8_t *d;
	size_t len;

	d = build_kind(kind, chip, 0, &len);
	ret = nova_fw_booter_parse(d, len, &h);
	ok = ret == 0 && !h.why[0] && h.bin.bin_magic == NOVA_FW_BIN_MAGIC &&
	     h.bin.header_offset == MKFW_HS_HDR &&
	     h.bin.data_offset == MKFW_HS_SIGS + n * sig_len + 24 + MKFW_HS_LOAD_HDR_LEN &&
	     h.bin.data_size == MKFW_HS_PAYLOAD_LEN && h.bin.bin_size == len &&
	     h.sig_prod_offset == MKFW_HS_SIGS && h.sig_prod_size == n * sig_len &&
	     h.meta_data_size == 12 && h.header_size == MKFW_HS_LOAD_HDR_LEN &&
	     h.num_sigs == n && h.sig_len == sig_len && h.patch_sig == 0 &&
	     h.sigs == d + MKFW_HS_SIGS && h.sigs_offset == MKFW_HS_SIGS &&
	     h.fuse_ver == n && h.engine_id_mask == MKFW_HS_ENGINE_ID_MASK &&
	     h.ucode_id == (load ? MKFW_HS_UCODE_ID_LOAD : MKFW_HS_UCODE_ID_UNLOAD) &&
	     h.patch_loc - h.os_data_offset == MKFW_HS_PKC_OFFSET &&
	     h.os_code_offset == MKFW_HS_OS_CODE && h.os_code_size == MKFW_HS_OS_CODE_LEN &&
	     h.os_data_offset == MKFW_HS_OS_DATA && h.os_data_size == MKFW_HS_OS_DATA_LEN &&
	     h.num_apps == 1 && h.app0_offset == MKFW_HS_APP0 && h.app0_size == MKFW_HS_APP0_LEN &&
	     h.ucode == d + h.bin.data_offset && h.ucode_len == MKFW_HS_PAYLOAD_LEN;
	for (i = 0; ok && i < n; i++)
		for (j = 0; ok && j < sig_len; j++)
			ok = h.sigs[i * sig_len + j] == nova_emu_sig_byte(h.fuse_ver - i, j);
	for (j = 0; ok && j < sig_len; j++)
		ok = h.ucode[h.patch_loc + j] == 0;
	if (ok) {
		app0 = h.ucode + h.app0_offset;
		ok = rd32(app0) == NOVA_EMU_UCODE_MAGIC &&
		     rd32(app0 + 4) == NOVA_EMU_UCODE_VERSION &&
		     rd32(app0 + 8) == (load ? NOVA_EMU_UCODE_BOOTER_LOAD :
					       NOVA_EMU_UCODE_BOOTER_UNLOAD) &&
		     rd32(app0 + 12) ==
		     (sig_len == NOVA_EMU_SIG_LEN ? NOVA_EMU_UCODE_F_SIGNED : 0) &&
		     rd32(app0 + 20) == h.ucode_id && rd32(app0 + 24) == h.engine_id_mask;
	}
	if (!ok)
		diag("%s %s: %d '%s'", chip, mkfw_kind_names[kind], ret, h.why);
	free(d);
	return ok;
}

/*
 * On Turing and GA100, the good gen_bootloader parses; elsewhere mkfw has
 * none to build.
 */
static int good_gen_bootloader(const char *chip)
{
	struct nova_fw_gen_bootloader gb;
	struct mkfw_opts o;
	const uint8_t *c;
	uint8_t *d;
	size_t len;
	int ret, ok;

	if (!mkfw_kind_on_chip(MKFW_GEN_BOOTLOADER, chip)) {
		mkfw_default_opts(&o);
		o.kind = MKFW_GEN_BOOTLOADER;
		o.chip = chip;
		ret = mkfw_build(&o, &d, &len);
		if (ret != -ENODEV)
			diag("%s gen_bootloader: mkfw_build returned %d, expected %d", chip, ret,
			     -ENODEV);
		return ret == -ENODEV;
	}
	d = build_kind(MKFW_GEN_BOOTLOADER, chip, 0, &len);
	ret = nova_fw_gen_bootloader_parse(d, len, &gb);
	c = gb.code;
	ok = ret == 0 && !gb.why[0] && len == MKFW_GBL_LEN &&
	     gb.bin.bin_magic == NOVA_FW_BIN_MAGIC && gb.bin.bin_ver == 1 &&
	     gb.bin.bin_size == len && gb.bin.header_offset == MKFW_GBL_DESC &&
	     gb.bin.data_offset == MKFW_GBL_CODE && gb.bin.data_size == MKFW_GBL_CODE_LEN &&
	     gb.start_tag == 0xfe && gb.start_tag == MKFW_GBL_START_TAG &&
	     gb.dmem_load_off == 0 && gb.code_off == 0 && gb.code_size == MKFW_GBL_CODE_LEN &&
	     gb.data_off == MKFW_GBL_CODE_LEN && gb.data_size == 0 &&
	     c == d + MKFW_GBL_CODE && gb.code_len == MKFW_GBL_CODE_LEN &&
	     /* Loaded at the top of 64 KiB: from block start_tag on. */
	     (NOVA_FW_GEN_BL_IMEM_END - ((gb.code_size + NOVA_FW_GEN_BL_BLOCK - 1) &
					 ~(NOVA_FW_GEN_BL_BLOCK - 1))) >> 8 == gb.start_tag &&
	     rd32(c) == NOVA_EMU_UCODE_MAGIC && rd32(c + 4) == NOVA_EMU_UCODE_VERSION &&
	     rd32(c + 8) == NOVA_EMU_UCODE_GEN_BL && rd32(c + 12) == 0 && rd32(c + 16) == 0 &&
	     rd32(c + 20) == 0 && rd32(c + 24) == 0 && rd32(c + 28) == 0 &&
	     check_pattern(c + 32, gb.code_len - 32, 0x9eb10008);
	if (!ok)
		diag("%s gen_bootloader: %d '%s'", chip, ret, gb.why);
	free(d);
	return ok;
}

static void test_good(const char *chip)
{
	int gbl = mkfw_kind_on_chip(MKFW_GEN_BOOTLOADER, chip);
	int ok = good_gsp(chip);

	ok &= good_bootloader(chip);
	ok &= good_booter(chip, MKFW_BOOTER_LOAD);
	ok &= good_booter(chip, MKFW_BOOTER_UNLOAD);
	ok &= good_gen_bootloader(chip);
	result(ok, "good %s files parse (gsp with %s, bootloader, booter_load, booter_unload%s)",
	       chip, mkfw_gsp_sig_section(chip), gbl ? ", gen_bootloader" : "; no gen_bootloader");
}

/*
 * A good fmc file of @chip parses with its FSP's sizes: the ELF32 header
 * and string table byte for byte those of NVIDIA's files, the blobs where
 * theirs are (image at 0x480 on GH100, 0x244 on Blackwell), their
 * patterns intact.
 */
static void test_good_fmc(const char *chip)
{
	static const uint8_t ehdr[MKFW_FMC_EHDR_LEN] = {
		0x7f, 'E', 'L', 'F', 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0, 1, 0, 0, 0,		/* e_type, e_machine, e_version */
		0, 0, 0, 0, 0, 0, 0, 0,		/* e_entry, e_phoff */
		52, 0, 0, 0, 0, 0, 0, 0,	/* e_shoff, e_flags */
		52, 0, 0, 0, 0, 0,		/* e_ehsize, e_phentsize, e_phnum */
		40, 0, 6, 0, 1, 0,		/* e_shentsize, e_shnum, e_shstrndx */
	};
	static const char strtab[MKFW_FMC_STR_LEN] =
		"\0.shstrtab\0hash\0signature\0publickey\0image";
	const struct nova_fw_fmc_cot *cot = fmc_cot(chip);
	int gh = cot == &nova_fw_fmc_cot_gh100, ret, ok;
	uint32_t pkey = gh ? 0x300 : 0x1e0, image = gh ? 0x480 : 0x244;
	uint32_t pkey_len, sig_len;
	struct nova_fw_fmc f;
	uint8_t *d;
	size_t len;

	mkfw_fmc_sizes(chip, &pkey_len, &sig_len);
	d = build_kind(MKFW_FMC, chip, 0, &len);
	ret = nova_fw_fmc_parse(d, len, cot, &f);
	ok = ret == 0 && !f.why[0] && !memcmp(d, ehdr, sizeof(ehdr)) &&
	     !memcmp(d + MKFW_FMC_STR, strtab, MKFW_FMC_STR_LEN) &&
	     cot->hash == MKFW_FMC_HASH_LEN && cot->pkey == pkey_len && cot->sig == sig_len &&
	     f.image == d + image && f.image_offset == image &&
	     f.image_len == MKFW_GSP_IMAGE_LEN && image + f.image_len == len &&
	     !memcmp(f.image, MKFW_FMC_BANNER, sizeof(MKFW_FMC_BANNER) - 1) &&
	     check_pattern(f.image + 0x100, 0x100, MKFW_FMC_IMAGE_PAT + 0x40) &&
	     f.hash == d + MKFW_FMC_HASH_OFF &&
	     check_pattern(f.hash, cot->hash, MKFW_FMC_HASH_PAT) &&
	     f.sig == d + 0x180 && check_pattern(f.sig, cot->sig, MKFW_FMC_SIG_PAT) &&
	     f.pkey == d + pkey && check_pattern(f.pkey, cot->pkey, MKFW_FMC_PKEY_PAT);
	if (!ok)
		diag("%s fmc: %d '%s' image 0x%zx+0x%zx", chip, ret, f.why, f.image_offset,
		     f.image_len);
	result(ok, "good %s fmc parses (signature 0x%x, publickey 0x%x at 0x%x, image at 0x%x)",
	       chip, cot->sig, cot->pkey, pkey, image);
	free(d);
}

static unsigned int num_corruption_tests(void)
{
	unsigned int i, k, n = 0;

	for (i = 0; i < mkfw_num_corruptions; i++)
		for (k = 0; k < MKFW_NUM_KINDS; k++)
			n += !!(mkfw_corruptions[i].kinds & MKFW_K(k));
	return n;
}

/*
 * Each corruption, for each kind it applies to, on a Turing and an Ampere
 * chip (gen_bootloader: Turing and GA100; fmc: GH100 and GB202, the two
 * FSP sizes).
 */
static void test_corruptions(void)
{
	static const char *const any_chips[] = { "ga102", "tu102" };
	static const char *const gbl_chips[] = { "tu102", "ga100" };
	static const char *const fmc_chips[] = { "gh100", "gb202" };
	const char *const *chips;
	struct mkfw_opts o;
	unsigned int i, k, c;
	struct res r;
	uint8_t *d;
	size_t len;
	int ret, ok;

	for (i = 0; i < mkfw_num_corruptions; i++) {
		const struct mkfw_corruption *cr = &mkfw_corruptions[i];

		for (k = 0; k < MKFW_NUM_KINDS; k++) {
			if (!(cr->kinds & MKFW_K(k)))
				continue;
			ok = 1;
			chips = k == MKFW_GEN_BOOTLOADER ? gbl_chips :
				k == MKFW_FMC ? fmc_chips : any_chips;
			for (c = 0; c < 2; c++) {
				mkfw_default_opts(&o);
				o.kind = k;
				o.chip = chips[c];
				o.corrupt = cr->name;
				d = build(&o, &len);
				ret = parse_copy(k, o.chip, d, len, &r);
				if (ret != -cr->err || !strstr(r.why, cr->why)) {
					diag("%s: expected %d '%s', got %d '%s'", o.chip,
					     -cr->err, cr->why, ret, r.why);
					ok = 0;
				}
				free(d);
			}
			result(ok, "corruption %s (%s): %s", cr->name, mkfw_kind_names[k],
			       cr->help);
		}
	}
}

static void test_truncations(enum mkfw_kind kind, const char *chip)
{
	unsigned int bad = 0;
	struct res r;
	size_t len, n;
	uint8_t *d;
	int ret;

	d = build_kind(kind, chip, 1, &len);
	for (n = 0; n < len; n++) {
		ret = parse_copy(kind, chip, d, n, &r);
		if (!known_err(kind, ret) || !r.why[0]) {
			if (!bad++)
				diag("length %zu: got %d '%s'", n, ret, r.why);
		}
	}
	ret = parse_copy(kind, chip, d, len, &r);
	if (ret && !bad++)
		diag("full length %zu: got %d '%s'", len, ret, r.why);
	result(!bad, "%s %s truncated at each of its %zu lengths: an error each time",
	       chip, mkfw_kind_names[kind], len);
	free(d);
}

static uint64_t rng_state = 0x6e6f7661u;	/* "nova" */

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void test_bitflips(enum mkfw_kind kind, const char *chip, unsigned int rounds)
{
	unsigned int r, k, nflip, okc = 0, errc = 0, bad = 0;
	size_t len, pos, hot;
	struct res res;
	uint8_t *d, *m;
	int ret;

	d = build_kind(kind, chip, 1, &len);
	/* The headers and tables: everything before the payload or the blobs. */
	if (kind == MKFW_GSP)
		hot = 64 + 8 * 64 + 0x80;
	else if (kind == MKFW_FMC)
		hot = MKFW_FMC_STR + MKFW_FMC_STR_LEN;
	else
		hot = rd32(d + 16);
	m = malloc(len);
	for (r = 0; r < rounds; r++) {
		memcpy(m, d, len);
		nflip = 1 + rng() % 4;
		for (k = 0; k < nflip; k++) {
			/* Most flips hit the headers and tables. */
			pos = rng() % 4 ? rng() % hot : rng() % len;
			m[pos] ^= 1u << (rng() % 8);
		}
		ret = parse_copy(kind, chip, m, len, &res);
		if (!ret)
			okc++;
		else if (known_err(kind, ret) && res.why[0])
			errc++;
		else if (!bad++)
			diag("round %u: unexpected %d '%s'", r, ret, res.why);
	}
	diag("%u bit-flipped %s %s files: %u parsed, %u refused", rounds, chip,
	     mkfw_kind_names[kind], okc, errc);
	result(!bad, "%u %s %s files with random bit flips: no crash, known errnos",
	       rounds, chip, mkfw_kind_names[kind]);
	free(m);
	free(d);
}

/* gen_bootloader edge cases, on a copy of the good file or a large one. */
static void test_misc_gen_bootloader(void)
{
	uint32_t big = NOVA_FW_GEN_BL_MAX_CODE + 1;
	struct nova_fw_gen_bootloader gb;
	size_t len, blen = MKFW_GBL_CODE + big;
	uint8_t *d, *desc, *large;
	int ret, ok;

	/* code_size up to 0xff00 (loaded at 0x100): 0xff01 is too big. */
	d = build_kind(MKFW_GEN_BOOTLOADER, "tu102", 0, &len);
	large = calloc(1, blen);
	memcpy(large, d, MKFW_GBL_CODE);
	wr32(large + 8, blen);
	wr32(large + 20, big);
	wr32(large + MKFW_GBL_DESC + 12, NOVA_FW_GEN_BL_MAX_CODE);
	wr32(large + MKFW_GBL_DESC, 1);
	ret = parse_copy(MKFW_GEN_BOOTLOADER, "tu102", large, blen, &(struct res){});
	ok = ret == 0;
	wr32(large + MKFW_GBL_DESC + 12, big);
	ret = nova_fw_gen_bootloader_parse(large, blen, &gb);
	result(ok && ret == -EINVAL && strstr(gb.why, "code_size 0xff01 too big"),
	       "gen_bootloader code_size 0xff00 parses, 0xff01 is too big (%s)", gb.why);
	free(large);

	/* start_tag 0xff is the last block of the first 64 KiB. */
	desc = d + MKFW_GBL_DESC;
	wr32(desc, NOVA_FW_GEN_BL_MAX_TAG);
	ret = nova_fw_gen_bootloader_parse(d, len, &gb);
	ok = ret == 0 && gb.start_tag == 0xff;
	wr32(desc, 0);
	ret = nova_fw_gen_bootloader_parse(d, len, &gb);
	ok &= ret == 0 && gb.start_tag == 0;
	wr32(desc, 0xffffffff);
	ret = nova_fw_gen_bootloader_parse(d, len, &gb);
	result(ok && ret == -EINVAL && strstr(gb.why, "start_tag 0xffffffff"),
	       "gen_bootloader start_tag 0 and 0xff parse, 0xffffffff does not (%s)", gb.why);
	wr32(desc, MKFW_GBL_START_TAG);

	/* The legacy fields are recorded, not checked; the code may end early. */
	wr32(desc + 4, 0xffffffff);
	wr32(desc + 8, 0xfffffff0);
	wr32(desc + 16, 0xffffff00);
	wr32(desc + 20, 0xfffff000);
	wr32(desc + 12, 0x10);
	ret = parse_copy(MKFW_GEN_BOOTLOADER, "tu102", d, len, &(struct res){});
	ok = ret == 0;
	ret = nova_fw_gen_bootloader_parse(d, len, &gb);
	result(ok && ret == 0 && gb.dmem_load_off == 0xffffffff && gb.code_off == 0xfffffff0 &&
	       gb.data_off == 0xffffff00 && gb.data_size == 0xfffff000 && gb.code_size == 0x10 &&
	       gb.code_len == 0x10 && gb.code == d + MKFW_GBL_CODE &&
	       gb.bin.data_size == MKFW_GBL_CODE_LEN,
	       "gen_bootloader legacy fields recorded unchecked, code shorter than the payload (%d '%s')",
	       ret, gb.why);
	free(d);

	/*
	 * The descriptor may end exactly at the end of the file (here inside
	 * the payload, which ends the file), a byte less not.
	 */
	d = build_kind(MKFW_GEN_BOOTLOADER, "ga100", 0, &len);
	memcpy(d + len - NOVA_FW_GEN_BL_DESC_LEN, d + MKFW_GBL_DESC, NOVA_FW_GEN_BL_DESC_LEN);
	wr32(d + len - NOVA_FW_GEN_BL_DESC_LEN + 12, 0x100);
	wr32(d + 12, len - NOVA_FW_GEN_BL_DESC_LEN);
	ret = parse_copy(MKFW_GEN_BOOTLOADER, "ga100", d, len, &(struct res){});
	ok = ret == 0;
	wr32(d + 20, MKFW_GBL_CODE_LEN - 1);
	ret = nova_fw_gen_bootloader_parse(d, len - 1, &gb);
	result(ok && ret == -EOVERFLOW && strstr(gb.why, "BootloaderDesc at 0x218: 24 bytes past"),
	       "BootloaderDesc ending at the end of the file parses, a byte less not (%s)",
	       gb.why);
	free(d);
}

/*
 * fmc edge cases: the FSP sizes of the other family, the CRC32 itself, and
 * blobs found by name wherever their headers are.
 */
static void test_misc_fmc(void)
{
	const struct nova_fw_fmc_cot sig_gb = { .hash = 48, .pkey = 384, .sig = 96 };
	const uint8_t *image, *hash, *pkey, *sig;
	uint8_t *gh, *gb, sh[MKFW_FMC_SHDR_LEN];
	const char check[] = "123456789";
	struct nova_fw_fmc f, f2, f3;
	size_t ghlen, gblen;
	int ret, ret2, ret3;

	/*
	 * A file signed for the other family's FSP is refused at its public
	 * key (the hash is SHA-384 on both); at its signature when the public
	 * key matches.
	 */
	gh = build_kind(MKFW_FMC, "gh100", 1, &ghlen);
	gb = build_kind(MKFW_FMC, "gb100", 1, &gblen);
	ret = nova_fw_fmc_parse(gh, ghlen, &nova_fw_fmc_cot_gb100, &f);
	ret2 = nova_fw_fmc_parse(gb, gblen, &nova_fw_fmc_cot_gh100, &f2);
	ret3 = nova_fw_fmc_parse(gh, ghlen, &sig_gb, &f3);
	result(ret == -EINVAL &&
	       strstr(f.why, "ELF32 section 4 (publickey): sh_size 0x180, the FSP takes 0x61") &&
	       !f.image && !f.hash && !f.pkey && !f.sig && !f.image_len &&
	       ret2 == -EINVAL &&
	       strstr(f2.why, "ELF32 section 4 (publickey): sh_size 0x61, the FSP takes 0x180") &&
	       ret3 == -EINVAL &&
	       strstr(f3.why, "ELF32 section 3 (signature): sh_size 0x180, the FSP takes 0x60"),
	       "fmc of gh100 refused with Blackwell's sizes, of gb100 with GH100's (%s; %s; %s)",
	       f.why, f2.why, f3.why);

	/* zlib's check value, in mkfw and in the parser's crc32_le(). */
	result(mkfw_crc32((const uint8_t *)check, 9) == 0xcbf43926 &&
	       (crc32_le(~0U, check, 9) ^ ~0U) == 0xcbf43926 && mkfw_crc32(NULL, 0) == 0,
	       "CRC32 of \"123456789\" is 0xcbf43926 in mkfw and in crc32_le()");

	/* Swapping the headers of hash and image changes nothing found. */
	ret = nova_fw_fmc_parse(gb, gblen, &nova_fw_fmc_cot_gb100, &f);
	image = f.image;
	hash = f.hash;
	pkey = f.pkey;
	sig = f.sig;
	memcpy(sh, gb + MKFW_FMC_EHDR_LEN + MKFW_FMC_HASH * MKFW_FMC_SHDR_LEN, sizeof(sh));
	memcpy(gb + MKFW_FMC_EHDR_LEN + MKFW_FMC_HASH * MKFW_FMC_SHDR_LEN,
	       gb + MKFW_FMC_EHDR_LEN + MKFW_FMC_IMAGE * MKFW_FMC_SHDR_LEN, sizeof(sh));
	memcpy(gb + MKFW_FMC_EHDR_LEN + MKFW_FMC_IMAGE * MKFW_FMC_SHDR_LEN, sh, sizeof(sh));
	ret2 = parse_copy(MKFW_FMC, "gb100", gb, gblen, &(struct res){});
	ret3 = nova_fw_fmc_parse(gb, gblen, &nova_fw_fmc_cot_gb100, &f2);
	result(!ret && !ret2 && !ret3 && f2.image == image && f2.hash == hash &&
	       f2.pkey == pkey && f2.sig == sig && f2.image_len == 0x400 &&
	       f2.image_offset == 0x244,
	       "fmc blobs are found by name, whatever the order of their headers (%d '%s')",
	       ret3, f2.why);
	free(gh);
	free(gb);
}

static void test_misc(void)
{
	const struct nova_fw_fmc_cot *cot = &nova_fw_fmc_cot_gh100;
	struct nova_fw_gen_bootloader gb;
	struct nova_fw_bootloader b;
	struct nova_fw_booter h;
	struct nova_fw_gsp g;
	struct nova_fw_fmc f;
	uint8_t *gsp, *hs, *bl, *fmc;
	size_t glen, hlen, blen, flen, str;
	int ret, ok;

	ok = nova_fw_gsp_parse(NULL, 100, ".x", &g) == -EINVAL && g.why[0] &&
	     nova_fw_bootloader_parse(NULL, 100, &b) == -EINVAL && b.why[0] &&
	     nova_fw_booter_parse(NULL, 100, &h) == -EINVAL && h.why[0] &&
	     nova_fw_gen_bootloader_parse(NULL, 100, &gb) == -EINVAL && gb.why[0] &&
	     nova_fw_fmc_parse(NULL, 100, cot, &f) == -EINVAL && f.why[0] &&
	     nova_fw_fmc_parse((const uint8_t *)"", 0, NULL, &f) == -EINVAL && f.why[0] &&
	     nova_fw_gsp_parse((const uint8_t *)"", 0, ".x", NULL) == -EINVAL &&
	     nova_fw_bootloader_parse((const uint8_t *)"", 0, NULL) == -EINVAL &&
	     nova_fw_booter_parse((const uint8_t *)"", 0, NULL) == -EINVAL &&
	     nova_fw_gen_bootloader_parse((const uint8_t *)"", 0, NULL) == -EINVAL &&
	     nova_fw_fmc_parse((const uint8_t *)"", 0, cot, NULL) == -EINVAL;
	result(ok, "NULL file, result or fmc sizes: EINVAL");

	ok = nova_fw_gsp_parse((const uint8_t *)"", 0, ".x", &g) == -EOVERFLOW &&
	     nova_fw_bootloader_parse((const uint8_t *)"", 0, &b) == -EOVERFLOW &&
	     nova_fw_booter_parse((const uint8_t *)"", 0, &h) == -EOVERFLOW &&
	     nova_fw_gen_bootloader_parse((const uint8_t *)"", 0, &gb) == -EOVERFLOW &&
	     nova_fw_fmc_parse((const uint8_t *)"", 0, cot, &f) == -EOVERFLOW && f.why[0];
	result(ok, "empty file: EOVERFLOW (%s)", g.why);

	gsp = build_kind(MKFW_GSP, "ga102", 1, &glen);
	hs = build_kind(MKFW_BOOTER_LOAD, "ga102", 1, &hlen);
	bl = build_kind(MKFW_BOOTLOADER, "ga102", 1, &blen);
	fmc = build_kind(MKFW_FMC, "gh100", 1, &flen);
	ok = nova_fw_gsp_parse(hs, hlen, NULL, &g) == -ENOEXEC &&
	     nova_fw_gsp_parse(bl, blen, NULL, &g) == -ENOEXEC &&
	     nova_fw_booter_parse(gsp, glen, &h) == -ENOEXEC &&
	     nova_fw_gen_bootloader_parse(gsp, glen, &gb) == -ENOEXEC &&
	     nova_fw_booter_parse(fmc, flen, &h) == -ENOEXEC &&
	     nova_fw_fmc_parse(hs, hlen, cot, &f) == -ENOEXEC &&
	     strstr(f.why, "bad magic de 10 00 00") &&
	     nova_fw_gsp_parse(fmc, flen, NULL, &g) == -ENOEXEC &&
	     strstr(g.why, "class 1, expected ELFCLASS64") &&
	     nova_fw_fmc_parse(gsp, glen, cot, &f) == -ENOEXEC &&
	     strstr(f.why, "class 2, expected ELFCLASS32") &&
	     nova_fw_bootloader_parse(gsp, glen, &b) == -ENOEXEC &&
	     strstr(b.why, "bin_magic 0x464c457f");
	result(ok, "a file of the wrong kind: ENOEXEC (%s)", b.why);
	free(fmc);

	/* The last name of the string table without its NUL is not matched. */
	str = 64 + 1 * 64;
	wr32(gsp + str + 32, rd32(gsp + str + 32) - 1);
	ret = nova_fw_gsp_parse(gsp, glen, ".fwsignature_gb20x", &g);
	ok = ret == -ENODATA;
	ret = nova_fw_gsp_parse(gsp, glen, ".fwsignature_gb10x", &g);
	result(ok && ret == 0, "a section name cut by the string table's end is not matched");
	wr32(gsp + str + 32, rd32(gsp + str + 32) + 1);

	/* Section 0 (SHN_UNDEF) bearing a name does not count. */
	wr32(gsp + 64, rd32(gsp + 64 + 2 * 64));
	wr32(gsp + 64 + 2 * 64, 0);
	ret = nova_fw_gsp_parse(gsp, glen, NULL, &g);
	result(ret == -ENODATA, "a name on section 0 does not count (%d '%s')", ret, g.why);

	/* HsLoadHeaderV2 of 36 bytes holds two apps, not three. */
	{
		struct nova_fw_booter h2;
		uint32_t lh = rd32(hs + MKFW_HS_HDR + 28);

		wr32(hs + lh + 16, 2);
		ret = nova_fw_booter_parse(hs, hlen, &h2);
		ok = ret == 0 && h2.num_apps == 2;
		wr32(hs + lh + 16, 3);
		ret = nova_fw_booter_parse(hs, hlen, &h2);
		ok &= ret == -EINVAL;
		wr32(hs + lh + 16, 1);
		result(ok, "HsLoadHeaderV2 of 36 bytes: 2 apps fit, 3 do not (%s)", h2.why);
	}

	/* A non-zero patch_sig moves the signatures. */
	{
		uint32_t words = rd32(hs + MKFW_HS_HDR + 8);

		wr32(hs + MKFW_HS_HDR + 4, 2 * NOVA_EMU_SIG_LEN);
		wr32(hs + words + 20, 2);
		wr32(hs + words + 4, NOVA_EMU_SIG_LEN);
		ret = nova_fw_booter_parse(hs, hlen, &h);
		result(ret == 0 && h.sigs_offset == MKFW_HS_SIGS + NOVA_EMU_SIG_LEN &&
		       h.sigs == hs + h.sigs_offset && h.num_sigs == 2 &&
		       h.sig_len == NOVA_EMU_SIG_LEN,
		       "patch_sig moves the signatures (%d '%s')", ret, h.why);
	}

	/*
	 * The descriptor's 14 words may end exactly at the end of the file
	 * (here inside a payload that stops a byte short of it).
	 */
	wr32(bl + 12, blen - NOVA_FW_RISCV_DESC_LEN);
	wr32(bl + 20, blen - rd32(bl + 16) - 1);
	memset(bl + blen - NOVA_FW_RISCV_DESC_LEN, 0, NOVA_FW_RISCV_DESC_LEN);
	ret = nova_fw_bootloader_parse(bl, blen, &b);
	ok = ret == 0;
	ret = nova_fw_bootloader_parse(bl, blen - 1, &b);
	result(ok && ret == -EOVERFLOW && strstr(b.why, "RM_RISCV_UCODE_DESC at"),
	       "RM_RISCV_UCODE_DESC ending at the end of the file parses, a byte less not (%s)",
	       b.why);
	free(gsp);
	free(hs);
	free(bl);
	test_misc_gen_bootloader();
	test_misc_fmc();
}

/*
 * The tree holds the four files of each of the 16 Turing-to-Ada chips and
 * gen_bootloader of the six Turing and GA100 ones, and gsp, bootloader and
 * fmc of each of the 8 Hopper and Blackwell chips: 94 files, all parsing;
 * no other chip has a gen_bootloader, only those have an fmc.
 */
#define TREE_FILES	(16 * 4 + 6 + 8 * 3)

static void test_tree(const char *dir)
{
	unsigned int c, k, n = 0, bad = 0;
	const char *chip;
	char path[4096];
	struct res r;
	uint8_t *d;
	size_t len;
	int ret;

	for (c = 0; c < mkfw_num_chips + mkfw_num_fsp_chips; c++) {
		chip = c < mkfw_num_chips ? mkfw_chips[c] : mkfw_fsp_chips[c - mkfw_num_chips];
		for (k = 0; k < MKFW_NUM_KINDS; k++) {
			snprintf(path, sizeof(path), "%s/nvidia/%s/gsp/%s-%s.bin", dir,
				 chip, mkfw_kind_names[k], MKFW_VERSION);
			d = read_file(path, &len);
			if (!mkfw_kind_on_chip(k, chip)) {
				if (d && !bad++)
					diag("%s: should not exist", path);
				free(d);
				continue;
			}
			if (!d) {
				if (!bad++)
					diag("%s: cannot read", path);
				continue;
			}
			ret = parse_copy(k, chip, d, len, &r);
			if (ret && !bad++)
				diag("%s: %d '%s'", path, ret, r.why);
			n += !ret;
			free(d);
		}
	}
	if (n != TREE_FILES && !bad++)
		diag("%u files parse, expected %u", n, TREE_FILES);
	result(!bad, "mkfw --tree %s: all %u files parse", dir, n);
}

int main(int argc, char **argv)
{
	/* Truncations of each kind on two chips; bit flips of each kind on one. */
	static const struct {
		enum mkfw_kind kind;
		const char *chip;
	} truncs[] = {
		{ MKFW_GSP, "ga102" }, { MKFW_GSP, "tu102" },
		{ MKFW_BOOTLOADER, "ga102" }, { MKFW_BOOTLOADER, "tu102" },
		{ MKFW_BOOTER_LOAD, "ga102" }, { MKFW_BOOTER_LOAD, "tu102" },
		{ MKFW_BOOTER_UNLOAD, "ga102" }, { MKFW_BOOTER_UNLOAD, "tu102" },
		{ MKFW_GEN_BOOTLOADER, "tu102" }, { MKFW_GEN_BOOTLOADER, "ga100" },
		{ MKFW_FMC, "gh100" }, { MKFW_FMC, "gb202" },
	}, flips[] = {
		{ MKFW_GSP, "ga102" }, { MKFW_BOOTLOADER, "tu102" },
		{ MKFW_BOOTER_LOAD, "ga102" }, { MKFW_BOOTER_UNLOAD, "tu102" },
		{ MKFW_GEN_BOOTLOADER, "ga100" }, { MKFW_FMC, "gb100" },
	};
	unsigned int rounds = argc > 1 ? strtoul(argv[1], NULL, 0) : 20000;
	const char *tree = argc > 2 ? argv[2] : NULL;
	unsigned int i;

	printf("KTAP version 1\n");
	/* test_misc: 8 results, test_misc_gen_bootloader 4, test_misc_fmc 3. */
	printf("1..%zu\n", mkfw_num_chips + mkfw_num_fmc_chips + num_corruption_tests() +
	       N(truncs) + N(flips) + 8 + 4 + 3 + !!tree);
	for (i = 0; i < mkfw_num_chips; i++)
		test_good(mkfw_chips[i]);
	for (i = 0; i < mkfw_num_fmc_chips; i++)
		test_good_fmc(mkfw_fmc_chips[i]);
	test_corruptions();
	for (i = 0; i < N(truncs); i++)
		test_truncations(truncs[i].kind, truncs[i].chip);
	for (i = 0; i < N(flips); i++)
		test_bitflips(flips[i].kind, flips[i].chip, rounds);
	test_misc();
	if (tree)
		test_tree(tree);
	fprintf(stderr, "%u tests, %u failed\n", tests, failed);
	return failed ? 1 : 0;
}
