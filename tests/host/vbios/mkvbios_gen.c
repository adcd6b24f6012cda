// SPDX-License-Identifier: GPL-2.0
/*
 * Synthetic VBIOS ROM generator (see mkvbios.h). The layout follows the
 * public descriptions of NVIDIA's VBIOS (PCI expansion ROM images with
 * PCIR/NPDS and NPDE, BIT, falcon ucode table, FalconUCodeDesc v2/v3);
 * the contents are patterns and the emulated ucode format of nova_emu
 * (drivers/gpu/nova-core/emu/firmware.h), never NVIDIA code.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../emu_ucode.h"
#include "mkvbios.h"

#define U512(x) (((x) + 511) & ~(size_t)511)

_Static_assert(sizeof(struct nova_emu_ucode_hdr) == MKVBIOS_EMU_HDR_LEN,
	       "emulated ucode header size");
_Static_assert(MKVBIOS_APPIF_LEN ==
	       NOVA_EMU_APPIF_HDR_LEN +
	       NOVA_EMU_APPIF_ENTRY_LEN * MKVBIOS_APPIF_COUNT,
	       "application interface table size");
_Static_assert(MKVBIOS_IF_OFFSET + MKVBIOS_APPIF_LEN <=
	       MKVBIOS_APPIF_A_OFFSET &&
	       MKVBIOS_APPIF_A_OFFSET < MKVBIOS_DMAP_OFFSET &&
	       MKVBIOS_DMAP_OFFSET + NOVA_EMU_DMAP_LEN <=
	       MKVBIOS_APPIF_B_OFFSET &&
	       MKVBIOS_APPIF_B_OFFSET < MKVBIOS_CMD_IN_OFFSET &&
	       MKVBIOS_CMD_IN_OFFSET + MKVBIOS_CMD_IN_LEN <=
	       MKVBIOS_PKC_OFFSET &&
	       MKVBIOS_EMU_DMEM_MIN_V3 == MKVBIOS_PKC_OFFSET + NOVA_EMU_SIG_LEN,
	       "emulated FWSEC DMEM layout");
_Static_assert(MKVBIOS_CMD_IN_LEN >= 0x100 &&
	       MKVBIOS_CMD_IN_LEN >= NOVA_EMU_FRTS_READ_VBIOS_LEN +
				     NOVA_EMU_FRTS_REGION_LEN,
	       "command input buffer size");

const char *const mkvbios_chips[] = {
	"tu102", "tu104", "tu106", "tu116", "tu117", "ga100",
	"ga102", "ga103", "ga104", "ga106", "ga107",
	"ad102", "ad103", "ad104", "ad106", "ad107",
	NULL,
};

const struct mkvbios_corruption mkvbios_corruptions[] = {
	{ "bad-rom-sig", EINVAL, "image at 0x0: bad ROM signature 0x1234",
	  "first image's ROM signature is 0x1234" },
	{ "bad-pcir-sig", EINVAL, "PCIR at 0x1040: bad signature",
	  "EFI image's PCIR signature is XXXX" },
	{ "zero-image-length", EINVAL, "PCIR at 0x1040: image length 0",
	  "EFI image's PCIR image length is 0" },
	{ "short-pcir", EINVAL, "PCIR at 0x1040: structure length 8 too small",
	  "EFI image's PCIR length is 8" },
	{ "pcir-out-of-range", EOVERFLOW, "PCIR pointer 0xfff0 past the end",
	  "last image's PCIR pointer is 0xfff0" },
	{ "image-past-end", EOVERFLOW, "length 0x100000 past the end",
	  "last image's NPDE length is 1 MiB" },
	{ "truncated", EOVERFLOW, "past the end",
	  "the ROM is cut 0x300 bytes before its end" },
	{ "bad-code-type", EINVAL, "unknown code type 0x42",
	  "EFI image's code type is 0x42" },
	{ "no-last-image", EINVAL, "bad ROM signature 0xffff",
	  "no image is flagged last; 0xff padding follows" },
	{ "no-pci-at", ENOENT, "no PCI-AT image",
	  "the PCI-AT image's code type is NBSI" },
	{ "bit-missing", ENOENT, "no BIT header",
	  "the BIT signature is spoiled" },
	{ "bit-token-size", EINVAL, "token size 4 too small",
	  "BIT token size is 4" },
	{ "bit-token-count", EOVERFLOW, "255 tokens past the image end",
	  "BIT token count is 255" },
	{ "token-missing", ENOENT, "no falcon data token (0x70)",
	  "the falcon data token's id is 0x71" },
	{ "token-data-out-of-range", EOVERFLOW, "data at 0xfffe past the image end",
	  "the falcon data token points at 0xfffe" },
	{ "falcon-ptr-out-of-range", EOVERFLOW, "PMU table at address 0x10000000: outside every image",
	  "the falcon data pointer is 0x10000000" },
	{ "no-fwsec", ENOENT, "no FWSEC image",
	  "the FWSEC images' code type is NBSI" },
	{ "pmu-entry-size", EINVAL, "entry size 4 too small",
	  "the PMU table's entry size is 4" },
	{ "pmu-count", EOVERFLOW, "255 entries past the image end",
	  "the PMU table's entry count is 255" },
	{ "pmu-entry-missing", ENOENT, "no FWSEC_PROD (0x85) entry among 3",
	  "the FWSEC_PROD entry's application id is 0x86" },
	{ "desc-out-of-range", EOVERFLOW, "descriptor at address 0x7fffffff: outside every image",
	  "the FWSEC_PROD entry points at 0x7fffffff" },
	{ "desc-version-4", EOPNOTSUPP, "unsupported version 4",
	  "the descriptor's version is 4" },
	{ "sig-count", EOVERFLOW, "255 signatures past the image end",
	  "the descriptor's signature count is 255" },
	{ "desc-size", EINVAL, "header size 44 smaller than its contents",
	  "the descriptor's size is 44 despite its signatures" },
	{ "imem-overflow", EOVERFLOW, "past the image end",
	  "the IMEM load size is 0xfffff000" },
	{ "dmem-overflow", EOVERFLOW, "past the image end",
	  "the DMEM load size is 0xffffffff" },
	/* The parser accepts these; the emulated FWSEC's bring-up fails. */
	{ "no-dmemmapper", 0, "",
	  "the interface table has no DMEMMAPPER (id 4) entry" },
	{ "bad-interface", 0, "",
	  "the interface offset points at pattern, not at the table" },
	{ "interface-out-of-range", 0, "",
	  "the interface offset is 0xfffffffc (wraps to IMEM in u32)" },
	{ "appif-count", 0, "",
	  "the interface table's entry count is 255, past the DMEM end" },
	{ "dmap-out-of-range", 0, "",
	  "the DMEMMAPPER entry points 32 bytes before the DMEM end" },
	{ "bad-dmap-sig", 0, "",
	  "the DMEMMAPPER signature is XMAP" },
	{ "cmd-in-out-of-range", 0, "",
	  "the command input buffer starts 16 bytes before the DMEM end" },
	{ "cmd-in-too-small", 0, "",
	  "the command input buffer is 32 bytes, too small for FRTS" },
	{ "pkc-out-of-range", 0, "",
	  "(v3) the signature slot starts 256 bytes before the DMEM end" },
	{ "bad-ucode-magic", 0, "",
	  "the emulated ucode header's magic is XEMU" },
	{ "bad-sigs", 0, "",
	  "(v3) every signature differs from the synthetic one in a byte" },
	{ "sec-moved", 0, "",
	  "(v2) the descriptor's secure part starts a block below the ucode's" },
	{ "sec-past-image", 0, "",
	  "(v2) the descriptor's secure part is 256 bytes larger than the IMEM image" },
};

const unsigned int mkvbios_num_corruptions =
	sizeof(mkvbios_corruptions) / sizeof(mkvbios_corruptions[0]);

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v;
	p[1] = v >> 8;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v);
	put16(p + 2, v >> 16);
}

void mkvbios_default_opts(struct mkvbios_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->chip = "ga102";
	o->sigs = MKVBIOS_DEF_SIGS;
	o->imem = MKVBIOS_DEF_IMEM;
	o->dmem = MKVBIOS_DEF_DMEM;
}

int mkvbios_desc_version(const char *chip)
{
	static const char *const v2[] = {
		"tu102", "tu104", "tu106", "tu116", "tu117", "ga100",
	};
	static const char *const v3[] = {
		"ga102", "ga103", "ga104", "ga106", "ga107",
		"ad102", "ad103", "ad104", "ad106", "ad107",
	};
	unsigned int i;

	for (i = 0; i < sizeof(v2) / sizeof(v2[0]); i++)
		if (!strcmp(chip, v2[i]))
			return 2;
	for (i = 0; i < sizeof(v3) / sizeof(v3[0]); i++)
		if (!strcmp(chip, v3[i]))
			return 3;
	return -1;
}

bool mkvbios_emu_fits(const struct mkvbios_opts *o)
{
	int ver = mkvbios_desc_version(o->chip ? o->chip : "ga102");

	if (ver < 0)
		return false;
	return o->imem >= (ver == 3 ? MKVBIOS_EMU_HDR_LEN : MKVBIOS_EMU_IMEM_MIN_V2) &&
	       o->dmem >= (ver == 3 ? MKVBIOS_EMU_DMEM_MIN_V3 :
				      MKVBIOS_EMU_DMEM_MIN_V2);
}

/*
 * Writes the ROM header, a PCIR (or NPDS) at +0x40 and, if @npde, an NPDE
 * at +0x60 for the image at @img of @len bytes.
 */
static void put_image_headers(uint8_t *img, uint16_t sig, const char *pcir_sig, uint8_t type,
			      size_t len, bool last, bool npde)
{
	uint8_t *pcir = img + 0x40, *ext = img + 0x60;

	put16(img, sig);
	img[2] = len / 512 > 255 ? 255 : len / 512;
	put16(img + 0x18, 0x40);

	memcpy(pcir, pcir_sig, 4);
	put16(pcir + 0x04, 0x10de);
	put16(pcir + 0x06, 0x2204);
	put16(pcir + 0x0a, 0x18);
	pcir[0x0f] = 0x03;		/* class: display controller */
	put16(pcir + 0x10, len / 512);
	pcir[0x14] = type;
	/*
	 * Like real boards, the PCI-AT image's PCIR says "last" so that a
	 * legacy BIOS stops there; the NPDE then tells the truth.
	 */
	pcir[0x15] = (last || (npde && type == 0x00)) ? 0x80 : 0;
	if (!npde)
		return;
	memcpy(ext, "NPDE", 4);
	put16(ext + 0x04, 0x101);
	put16(ext + 0x06, 0x10);
	put16(ext + 0x08, len / 512);
	ext[0x0a] = last ? 0x80 : 0;
}

static void fill(uint8_t *p, size_t n, uint32_t base)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (uint8_t)((base + i / 4) >> (8 * (i % 4)));
}

/*
 * Writes the emulated FWSEC ucode over the patterns: its header at the
 * start of @imem; in @dmem, the application interface table, the
 * DMEMMAPPER, the zeroed command input buffer and (v3) the zeroed
 * signature slot.
 */
static void put_emu_ucode(uint8_t *imem, uint32_t imem_len, uint8_t *dmem, int ver)
{
	static const uint32_t ids[MKVBIOS_APPIF_COUNT] = {
		MKVBIOS_APPIF_ID_A, NOVA_EMU_APPIF_ID_DMEMMAPPER,
		MKVBIOS_APPIF_ID_B,
	};
	static const uint32_t offs[MKVBIOS_APPIF_COUNT] = {
		MKVBIOS_APPIF_A_OFFSET, MKVBIOS_DMAP_OFFSET,
		MKVBIOS_APPIF_B_OFFSET,
	};
	uint8_t *t = dmem + MKVBIOS_IF_OFFSET, *m = dmem + MKVBIOS_DMAP_OFFSET;
	unsigned int i;

#define HDR(f) (imem + offsetof(struct nova_emu_ucode_hdr, f))
	put32(HDR(magic), NOVA_EMU_UCODE_MAGIC);
	put32(HDR(version), NOVA_EMU_UCODE_VERSION);
	put32(HDR(kind), NOVA_EMU_UCODE_FWSEC);
	put32(HDR(flags), ver == 3 ? NOVA_EMU_UCODE_F_SIGNED : NOVA_EMU_UCODE_F_SPLIT);
	put32(HDR(interface_offset), MKVBIOS_IF_OFFSET);
	put32(HDR(ucode_id), ver == 3 ? MKVBIOS_UCODE_ID : 0);
	put32(HDR(engine_id_mask), ver == 3 ? MKVBIOS_ENGINE_ID_MASK : 0);
	put32(HDR(sec_offset), ver == 3 ? 0 : MKVBIOS_V2_NONSEC);
#undef HDR
	if (ver != 3) {
		put32(imem + MKVBIOS_V2_NONSEC, NOVA_EMU_UCODE_SEC_MAGIC);
		put32(imem + MKVBIOS_V2_NONSEC + 4, imem_len - MKVBIOS_V2_NONSEC);
	}

	t[0] = NOVA_EMU_APPIF_VERSION;
	t[1] = NOVA_EMU_APPIF_HDR_LEN;
	t[2] = NOVA_EMU_APPIF_ENTRY_LEN;
	t[3] = MKVBIOS_APPIF_COUNT;
	for (i = 0; i < MKVBIOS_APPIF_COUNT; i++) {
		uint8_t *e = t + NOVA_EMU_APPIF_HDR_LEN +
			     NOVA_EMU_APPIF_ENTRY_LEN * i;

		put32(e, ids[i]);
		put32(e + 4, offs[i]);
	}

	memset(m, 0, NOVA_EMU_DMAP_LEN);
	put32(m + NOVA_EMU_DMAP_SIG, NOVA_EMU_DMAP_SIGNATURE);
	put16(m + NOVA_EMU_DMAP_VER, NOVA_EMU_DMAP_VERSION);
	put16(m + NOVA_EMU_DMAP_SIZE, NOVA_EMU_DMAP_LEN);
	put32(m + NOVA_EMU_DMAP_CMD_IN_OFFSET, MKVBIOS_CMD_IN_OFFSET);
	put32(m + NOVA_EMU_DMAP_CMD_IN_SIZE, MKVBIOS_CMD_IN_LEN);
	put32(m + NOVA_EMU_DMAP_INIT_CMD, 0);

	memset(dmem + MKVBIOS_CMD_IN_OFFSET, 0, MKVBIOS_CMD_IN_LEN);
	if (ver == 3)
		memset(dmem + MKVBIOS_PKC_OFFSET, 0, NOVA_EMU_SIG_LEN);
}

int mkvbios_build(const struct mkvbios_opts *o, uint8_t **romp, size_t *lenp)
{
	size_t efi_len = o->no_efi ? 0 : MKVBIOS_EFI_LEN;
	size_t fw0 = MKVBIOS_PCIAT_LEN + efi_len, fw1 = fw0 + MKVBIOS_FWSEC0_LEN;
	int ver = mkvbios_desc_version(o->chip ? o->chip : "ga102");
	size_t desc_len, hdr_len, fw1_len, len, pad = 0;
	const char *c = o->corrupt;
	uint8_t *rom, *bit, *tok, *pmu, *desc, *u, *dm, *appif, *dmap;
	uint8_t *dmap_entry;
	unsigned int i, k, sigs;
	bool emu;

	if (ver < 0)
		return -EINVAL;
	if (c) {
		for (i = 0; i < mkvbios_num_corruptions; i++)
			if (!strcmp(c, mkvbios_corruptions[i].name))
				break;
		if (i == mkvbios_num_corruptions)
			return -ENOENT;
	}
	sigs = ver == 3 ? o->sigs : 0;
	if (sigs > 160 || o->imem > 0x100000 || o->dmem > 0x100000)
		return -ERANGE;
	emu = mkvbios_emu_fits(o);
	if (!emu && o->strict)
		return -ENOSPC;
	desc_len = ver == 3 ? 44 : 60;
	hdr_len = desc_len + (size_t)sigs * 384;
	fw1_len = U512(MKVBIOS_DESC + hdr_len + o->imem + o->dmem);
	len = fw1 + fw1_len;
	if (c && !strcmp(c, "no-last-image"))
		pad = 512;
	rom = calloc(1, len + pad);
	if (!rom)
		return -ENOMEM;
	memset(rom + len, 0xff, pad);

	/* Image 0: PCI-AT, with the BIT and the falcon data pointer. */
	put_image_headers(rom, 0xaa55, "PCIR", 0x00, MKVBIOS_PCIAT_LEN, false, true);
	/*
	 * Its x86 init entry (offset 3) returns at once (retf): a PC BIOS
	 * that runs the option ROM (QEMU's SeaBIOS does, the checksum being
	 * right) goes on booting.
	 */
	rom[3] = 0xcb;
	memcpy(rom + 0x80, "SYNTHETIC VBIOS (nova mkvbios)", 30);
	bit = rom + MKVBIOS_BIT;
	memcpy(bit, "\xff\xb8" "BIT", 6);
	put16(bit + 6, 0x0100);
	bit[8] = 12;
	bit[9] = 6;
	bit[10] = 3;
	tok = bit + 12;
	tok[0] = 0x32;	/* '2' */
	tok[1] = 1;
	put16(tok + 2, 4);
	put16(tok + 4, 0x300);
	tok += 6;
	tok[0] = 0x69;	/* 'i' */
	tok[1] = 2;
	put16(tok + 2, 4);
	put16(tok + 4, 0x304);
	tok += 6;
	tok[0] = 0x70;	/* 'p': falcon data */
	tok[1] = 2;
	put16(tok + 2, 4);
	put16(tok + 4, MKVBIOS_FALCON_DATA);
	for (i = 0; i < 11; i++)
		bit[11] -= bit[i];
	put32(rom + MKVBIOS_FALCON_DATA, MKVBIOS_PCIAT_LEN + MKVBIOS_PMU_TABLE);

	/* Image 1: EFI, with a PCIR and no NPDE. */
	if (efi_len) {
		put_image_headers(rom + MKVBIOS_PCIAT_LEN, 0xaa55, "PCIR", 0x03, efi_len,
				  false, false);
		memset(rom + MKVBIOS_PCIAT_LEN + 0x80, 'E', efi_len - 0x80);
	}

	/* Image 2: first FWSEC image, with the falcon ucode table. */
	put_image_headers(rom + fw0, 0xbb77, "NPDS", 0xe0, MKVBIOS_FWSEC0_LEN, false, true);
	if (o->npde_zero)
		put16(rom + fw0 + 0x60 + 0x08, 0);
	pmu = rom + fw0 + MKVBIOS_PMU_TABLE;
	pmu[0] = 1;
	pmu[1] = 6;
	pmu[2] = 6;
	pmu[3] = 3;
	pmu[4] = ver;
	pmu[5] = desc_len;
	pmu[6] = 0x05;
	pmu[12] = 0x45;
	put32(pmu + 14, MKVBIOS_PCIAT_LEN + MKVBIOS_FWSEC0_LEN + MKVBIOS_DESC);
	pmu[18] = 0x85;
	put32(pmu + 20, MKVBIOS_PCIAT_LEN + MKVBIOS_FWSEC0_LEN + MKVBIOS_DESC);

	/* Image 3: second FWSEC image: descriptor, signatures, ucode. */
	put_image_headers(rom + fw1, 0x4e56, "NPDS", 0xe0, fw1_len, true, true);
	desc = rom + fw1 + MKVBIOS_DESC;
	put32(desc, 1 | ver << 8 | (uint32_t)hdr_len << 16);
	put32(desc + 4, o->imem + o->dmem);
	if (ver == 3) {
		put32(desc + 8, MKVBIOS_PKC_OFFSET);	/* pkc_data_off. */
		put32(desc + 12, MKVBIOS_IF_OFFSET);	/* interface_off. */
		put32(desc + 16, 0);		/* imem_phys_base */
		put32(desc + 20, o->imem);
		put32(desc + 24, 0);		/* imem_virt_base */
		put32(desc + 28, 0);		/* dmem_phys_base */
		put32(desc + 32, o->dmem);
		put16(desc + 36, MKVBIOS_ENGINE_ID_MASK);
		desc[38] = MKVBIOS_UCODE_ID;
		desc[39] = sigs;
		/* Versions 0 to sigs - 1, their signatures in that order. */
		put16(desc + 40, sigs >= 16 ? 0xffff : (1u << sigs) - 1);
		for (i = 0; i < sigs; i++)
			for (k = 0; k < NOVA_EMU_SIG_LEN; k++)
				desc[44 + NOVA_EMU_SIG_LEN * i + k] =
					nova_emu_sig_byte(i, k);
	} else {
		put32(desc + 8, o->imem + o->dmem);	/* uncompressed_size */
		put32(desc + 12, 0);		/* virtual_entry */
		put32(desc + 16, MKVBIOS_IF_OFFSET);	/* interface_off. */
		put32(desc + 20, 0);		/* imem_phys_base */
		put32(desc + 24, o->imem);
		put32(desc + 28, 0);		/* imem_virt_base */
		/* The non-secure part, then the secure part. */
		put32(desc + 32, MKVBIOS_V2_SEC_BASE(o->imem));		/* imem_sec_base */
		put32(desc + 36, o->imem - MKVBIOS_V2_SEC_BASE(o->imem));	/* imem_sec_size */
		put32(desc + 40, o->imem);	/* dmem_offset */
		put32(desc + 44, 0);		/* dmem_phys_base */
		put32(desc + 48, o->dmem);
	}
	u = desc + hdr_len;
	dm = u + o->imem;
	fill(u, o->imem, 0x1ce00000);
	fill(dm, o->dmem, 0xd0e00000);
	if (emu)
		put_emu_ucode(u, o->imem, dm, ver);
	appif = dm + MKVBIOS_IF_OFFSET;
	/* The second entry, the DMEMMAPPER's. */
	dmap_entry = appif + NOVA_EMU_APPIF_HDR_LEN + NOVA_EMU_APPIF_ENTRY_LEN;
	dmap = dm + MKVBIOS_DMAP_OFFSET;

	/*
	 * The PCI-AT image's bytes sum to 0, as on real boards (its last byte
	 * is the checksum; nouveau checks it): before any corruption.
	 */
	{
		uint8_t sum = 0;

		for (i = 0; i < MKVBIOS_PCIAT_LEN - 1; i++)
			sum += rom[i];
		rom[MKVBIOS_PCIAT_LEN - 1] = (uint8_t)-sum;
	}

	if (!c)
		goto out;
	if (!strcmp(c, "bad-rom-sig"))
		put16(rom, 0x1234);
	else if (!strcmp(c, "bad-pcir-sig"))
		memcpy(rom + MKVBIOS_PCIAT_LEN + 0x40, "XXXX", 4);
	else if (!strcmp(c, "zero-image-length"))
		put16(rom + MKVBIOS_PCIAT_LEN + 0x40 + 0x10, 0);
	else if (!strcmp(c, "short-pcir"))
		put16(rom + MKVBIOS_PCIAT_LEN + 0x40 + 0x0a, 8);
	else if (!strcmp(c, "pcir-out-of-range"))
		put16(rom + fw1 + 0x18, 0xfff0);
	else if (!strcmp(c, "image-past-end"))
		put16(rom + fw1 + 0x60 + 8, 0x800);
	else if (!strcmp(c, "truncated"))
		len -= 0x300;
	else if (!strcmp(c, "bad-code-type"))
		rom[MKVBIOS_PCIAT_LEN + 0x40 + 0x14] = 0x42;
	else if (!strcmp(c, "no-last-image")) {
		rom[fw1 + 0x40 + 0x15] = 0;
		rom[fw1 + 0x60 + 0x0a] = 0;
		len += pad;
	} else if (!strcmp(c, "no-pci-at"))
		rom[0x40 + 0x14] = 0x70;
	else if (!strcmp(c, "bit-missing"))
		bit[2] = 'X';
	else if (!strcmp(c, "bit-token-size"))
		bit[9] = 4;
	else if (!strcmp(c, "bit-token-count"))
		bit[10] = 255;
	else if (!strcmp(c, "token-missing"))
		bit[12 + 12] = 0x71;
	else if (!strcmp(c, "token-data-out-of-range"))
		put16(bit + 12 + 12 + 4, 0xfffe);
	else if (!strcmp(c, "falcon-ptr-out-of-range"))
		put32(rom + MKVBIOS_FALCON_DATA, 0x10000000);
	else if (!strcmp(c, "no-fwsec")) {
		rom[fw0 + 0x40 + 0x14] = 0x70;
		rom[fw1 + 0x40 + 0x14] = 0x70;
	} else if (!strcmp(c, "pmu-entry-size"))
		pmu[2] = 4;
	else if (!strcmp(c, "pmu-count"))
		pmu[3] = 255;
	else if (!strcmp(c, "pmu-entry-missing"))
		pmu[18] = 0x86;
	else if (!strcmp(c, "desc-out-of-range"))
		put32(pmu + 20, 0x7fffffff);
	else if (!strcmp(c, "desc-version-4"))
		desc[1] = 4;
	else if (!strcmp(c, "sig-count"))
		desc[ver == 3 ? 39 : 1] = ver == 3 ? 255 : 3;
	else if (!strcmp(c, "desc-size"))
		put16(desc + 2, 44);
	else if (!strcmp(c, "imem-overflow"))
		put32(desc + (ver == 3 ? 20 : 24), 0xfffff000);
	else if (!strcmp(c, "dmem-overflow"))
		put32(desc + (ver == 3 ? 32 : 48), 0xffffffff);
	else if (!emu)
		;	/* the rest corrupt the emulated ucode */
	else if (!strcmp(c, "no-dmemmapper"))
		put32(dmap_entry, 5);
	else if (!strcmp(c, "bad-interface")) {
		put32(desc + (ver == 3 ? 12 : 16), MKVBIOS_APPIF_A_OFFSET);
		put32(u + offsetof(struct nova_emu_ucode_hdr, interface_offset),
		      MKVBIOS_APPIF_A_OFFSET);
	} else if (!strcmp(c, "interface-out-of-range")) {
		put32(desc + (ver == 3 ? 12 : 16), 0xfffffffc);
		put32(u + offsetof(struct nova_emu_ucode_hdr, interface_offset),
		      0xfffffffc);
	} else if (!strcmp(c, "appif-count"))
		appif[3] = 255;
	else if (!strcmp(c, "dmap-out-of-range"))
		put32(dmap_entry + 4, o->dmem - 32);
	else if (!strcmp(c, "bad-dmap-sig"))
		dmap[NOVA_EMU_DMAP_SIG] = 'X';
	else if (!strcmp(c, "cmd-in-out-of-range"))
		put32(dmap + NOVA_EMU_DMAP_CMD_IN_OFFSET, o->dmem - 16);
	else if (!strcmp(c, "cmd-in-too-small"))
		put32(dmap + NOVA_EMU_DMAP_CMD_IN_SIZE, 32);
	else if (!strcmp(c, "pkc-out-of-range")) {
		if (ver == 3)
			put32(desc + 8, o->dmem - 256);
	} else if (!strcmp(c, "sec-moved")) {
		if (ver == 2) {
			put32(desc + 32, MKVBIOS_V2_SEC_BASE(o->imem) - 0x100);
			put32(desc + 36, o->imem - MKVBIOS_V2_SEC_BASE(o->imem) + 0x100);
		}
	} else if (!strcmp(c, "sec-past-image")) {
		if (ver == 2)
			put32(desc + 36, o->imem - MKVBIOS_V2_SEC_BASE(o->imem) + 0x100);
	} else if (!strcmp(c, "bad-ucode-magic"))
		u[0] = 'X';
	else if (!strcmp(c, "bad-sigs"))
		for (i = 0; i < sigs; i++)
			desc[44 + NOVA_EMU_SIG_LEN * (i + 1) - 1] ^= 1;
out:
	*romp = rom;
	*lenp = len;
	return 0;
}
