// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core VBIOS parser (the ROM is read out of the PROM window by
 * prom.c, which finds the images' lengths with the same decoder).
 *
 * The ROM is a chain of images, each starting with a PCI expansion ROM
 * header whose PCI data structure gives the image's length and code type;
 * an NVIDIA extension (NPDE) may override both. The PCI-AT image holds the
 * BIT table, whose falcon data token points at the falcon ucode table; its
 * FWSEC_PROD entry points at the FWSEC ucode descriptor, followed by the
 * signatures and then by the ucode. Addresses past the PCI-AT image count
 * from the first FWSEC image: the EFI image in between is not counted.
 *
 * Every offset and length read from the ROM is checked against the buffer
 * before anything is read through it; the result points into the buffer.
 */

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/overflow.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/nova_compat.h>

#include "vbios.h"

/**
 * vbios_fail() - record why parsing failed
 * @v: the result being built, or NULL to record nothing.
 * @err: the negative errno to return.
 * @fmt: printf-style format of the reason.
 *
 * Return: @err.
 */
static __printf(3, 4) int vbios_fail(struct nova_vbios *v, int err, const char *fmt, ...)
{
	va_list ap;

	if (!v)
		return err;
	va_start(ap, fmt);
	vsnprintf(v->why, sizeof(v->why), fmt, ap);
	va_end(ap);
	return err;
}

/**
 * vbios_in() - whether [@off, @off + @n) lies inside [@start, @end)
 * @start: first valid offset.
 * @end: first offset past the valid range.
 * @off: start of the range to check.
 * @n: length of the range to check.
 *
 * Return: true if the range is inside, without overflowing.
 */
static bool vbios_in(size_t start, size_t end, size_t off, size_t n)
{
	size_t last;

	if (off < start || check_add_overflow(off, n, &last))
		return false;
	return last <= end;
}

/**
 * vbios_image_header() - decode the length and kind of the image at @off
 * @v: the result being built, for the reason of a failure; may be NULL.
 * @rom: the ROM.
 * @len: number of bytes of @rom to look at.
 * @off: offset of the image.
 * @img: set to what the headers say: offset, length, PCIR, code type,
 *	last-image flag. The length is not checked against @len.
 *
 * The one decoder of the image chain: nova_vbios_parse() and the PROM
 * reader (nova_vbios_image_len()) both use it.
 *
 * Return: 0, or a negative errno (with @v->why set).
 */
static int vbios_image_header(struct nova_vbios *v, const u8 *rom, size_t len,
			      size_t off, struct nova_vbios_image *img)
{
	size_t pcir, plen, npde;
	u16 sig, units;

	if (!vbios_in(0, len, off, NOVA_VBIOS_ROM_PCIR_PTR + 2))
		return vbios_fail(v, -EOVERFLOW, "image at 0x%zx: ROM header past the end (0x%zx)",
				  off, len);
	sig = get_unaligned_le16(rom + off);
	if (sig != NOVA_VBIOS_ROM_SIG && sig != NOVA_VBIOS_ROM_SIG_NV &&
	    sig != NOVA_VBIOS_ROM_SIG_NV_ALT)
		return vbios_fail(v, -EINVAL, "image at 0x%zx: bad ROM signature 0x%04x", off, sig);

	pcir = off + get_unaligned_le16(rom + off + NOVA_VBIOS_ROM_PCIR_PTR);
	if (!vbios_in(0, len, pcir, NOVA_VBIOS_PCIR_MIN_LEN))
		return vbios_fail(v, -EOVERFLOW, "image at 0x%zx: PCIR pointer 0x%zx past the end",
				  off, pcir - off);
	if (memcmp(rom + pcir, "PCIR", 4) && memcmp(rom + pcir, "NPDS", 4) &&
	    memcmp(rom + pcir, "RGIS", 4))
		return vbios_fail(v, -EINVAL, "PCIR at 0x%zx: bad signature", pcir);
	plen = get_unaligned_le16(rom + pcir + NOVA_VBIOS_PCIR_LEN);
	if (plen < NOVA_VBIOS_PCIR_MIN_LEN)
		return vbios_fail(v, -EINVAL, "PCIR at 0x%zx: structure length %zu too small",
				  pcir, plen);
	img->code_type = rom[pcir + NOVA_VBIOS_PCIR_CODE_TYPE];
	units = get_unaligned_le16(rom + pcir + NOVA_VBIOS_PCIR_IMAGE_LEN);
	img->last = rom[pcir + NOVA_VBIOS_PCIR_INDICATOR] & NOVA_VBIOS_LAST_IMAGE;

	/*
	 * The NPDE, 16-byte aligned from the image's start after the PCIR,
	 * decides the length and the last-image flag, unless its length is
	 * 0: then the PCIR's stand.
	 */
	npde = off + ALIGN(pcir - off + plen, 16);
	if (vbios_in(0, len, npde, NOVA_VBIOS_NPDE_MIN_LEN) && !memcmp(rom + npde, "NPDE", 4) &&
	    get_unaligned_le16(rom + npde + NOVA_VBIOS_NPDE_SUBIMAGE_LEN)) {
		units = get_unaligned_le16(rom + npde + NOVA_VBIOS_NPDE_SUBIMAGE_LEN);
		img->last = rom[npde + NOVA_VBIOS_NPDE_LAST] & NOVA_VBIOS_LAST_IMAGE;
	}
	if (!units)
		return vbios_fail(v, -EINVAL, "PCIR at 0x%zx: image length 0", pcir);
	img->offset = off;
	img->len = (size_t)units * NOVA_VBIOS_IMAGE_UNIT;
	img->pcir = pcir;
	return 0;
}

/**
 * nova_vbios_image_len() - the length of the image at @off, to read it
 * @rom: the ROM as read so far.
 * @len: number of bytes of @rom read so far.
 * @off: offset of the image.
 * @ilen: set to its length.
 * @last: set to whether it is the last image of the chain.
 *
 * Decodes the image's headers as nova_vbios_parse() does; a reader of the
 * ROM uses it to know how much to read.
 *
 * Return: 0, or a negative errno if the headers are not there or invalid.
 */
int nova_vbios_image_len(const u8 *rom, size_t len, size_t off, size_t *ilen,
			 bool *last)
{
	struct nova_vbios_image img;
	int ret;

	ret = vbios_image_header(NULL, rom, len, off, &img);
	if (ret)
		return ret;
	*ilen = img.len;
	*last = img.last;
	return 0;
}

/**
 * vbios_parse_image() - decode the headers of the image at @off
 * @v: the result being built; the image is appended to @v->images.
 * @rom: the ROM.
 * @len: number of bytes of @rom to look at.
 * @off: offset of the image.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_parse_image(struct nova_vbios *v, const u8 *rom, size_t len, size_t off)
{
	struct nova_vbios_image *img = &v->images[v->num_images];
	size_t ilen;
	int ret;

	ret = vbios_image_header(v, rom, len, off, img);
	if (ret)
		return ret;
	ilen = img->len;
	if (!vbios_in(0, len, off, ilen))
		return vbios_fail(v, -EOVERFLOW,
				  "image at 0x%zx: length 0x%zx past the end (0x%zx)",
				  off, ilen, len);
	if (img->pcir - off + NOVA_VBIOS_PCIR_MIN_LEN > ilen)
		return vbios_fail(v, -EINVAL, "image at 0x%zx: PCIR outside the image", off);

	switch (img->code_type) {
	case NOVA_VBIOS_CODE_PCI_AT:
	case NOVA_VBIOS_CODE_EFI:
	case NOVA_VBIOS_CODE_NBSI:
	case NOVA_VBIOS_CODE_FWSEC:
		break;
	default:
		return vbios_fail(v, -EINVAL,
				  "PCIR at 0x%zx: unknown code type 0x%02x",
				  (size_t)img->pcir, img->code_type);
	}

	v->num_images++;
	return 0;
}

/**
 * vbios_walk_images() - walk the image chain and pick the images needed
 * @v: the result being built.
 * @rom: the ROM.
 * @len: number of bytes of @rom to look at.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_walk_images(struct nova_vbios *v, const u8 *rom, size_t len)
{
	size_t off = 0;
	unsigned int i;
	int ret;

	v->pci_at = -1;
	v->efi = -1;
	v->fwsec[0] = -1;
	v->fwsec[1] = -1;

	while (off < len) {
		if (v->num_images == NOVA_VBIOS_MAX_IMAGES)
			return vbios_fail(v, -EINVAL, "image at 0x%zx: more than %d images",
					  off, NOVA_VBIOS_MAX_IMAGES);
		ret = vbios_parse_image(v, rom, len, off);
		if (ret)
			return ret;
		i = v->num_images - 1;
		off += v->images[i].len;

		switch (v->images[i].code_type) {
		case NOVA_VBIOS_CODE_PCI_AT:
			if (v->pci_at < 0)
				v->pci_at = i;
			break;
		case NOVA_VBIOS_CODE_EFI:
			if (v->efi < 0)
				v->efi = i;
			break;
		case NOVA_VBIOS_CODE_FWSEC:
			if (v->fwsec[0] < 0)
				v->fwsec[0] = i;
			else if (v->fwsec[1] < 0)
				v->fwsec[1] = i;
			break;
		}
		if (v->images[i].last)
			break;
	}

	if (v->pci_at < 0)
		return vbios_fail(v, -ENOENT, "no PCI-AT image among %u images", v->num_images);
	return 0;
}

/**
 * vbios_find_bit() - find the BIT header in the PCI-AT image
 * @v: the result being built.
 * @rom: the ROM.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_find_bit(struct nova_vbios *v, const u8 *rom)
{
	static const u8 bit_sig[6] = { 0xff, 0xb8, 'B', 'I', 'T', 0 };
	const struct nova_vbios_image *img = &v->images[v->pci_at];
	size_t off = img->offset, end = img->offset + img->len;
	const u8 *p;

	while (end - off >= NOVA_VBIOS_BIT_HDR_LEN) {
		p = memchr(rom + off, bit_sig[0], end - off - NOVA_VBIOS_BIT_HDR_LEN + 1);
		if (!p)
			break;
		off = p - rom;
		if (!memcmp(p, bit_sig, sizeof(bit_sig))) {
			v->bit_offset = off;
			return 0;
		}
		off++;
	}
	return vbios_fail(v, -ENOENT, "image at 0x%x: no BIT header in the PCI-AT image",
			  img->offset);
}

/**
 * vbios_falcon_data() - read the falcon data pointer from BIT token 0x70
 * @v: the result being built.
 * @rom: the ROM.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_falcon_data(struct nova_vbios *v, const u8 *rom)
{
	const struct nova_vbios_image *img = &v->images[v->pci_at];
	size_t start = img->offset, end = img->offset + img->len;
	size_t bit = v->bit_offset, tok, data;
	u8 hdr_len, tok_len, count, i;
	u16 tok_size;

	v->bit_version = get_unaligned_le16(rom + bit + 6);
	hdr_len = rom[bit + 8];
	tok_len = rom[bit + 9];
	count = rom[bit + 10];
	if (hdr_len < NOVA_VBIOS_BIT_HDR_LEN)
		return vbios_fail(v, -EINVAL,
				  "BIT at 0x%zx: header size %u too small", bit, hdr_len);
	if (tok_len < NOVA_VBIOS_BIT_TOKEN_LEN)
		return vbios_fail(v, -EINVAL,
				  "BIT at 0x%zx: token size %u too small", bit, tok_len);
	if (!vbios_in(start, end, bit, hdr_len + (size_t)tok_len * count))
		return vbios_fail(v, -EOVERFLOW, "BIT at 0x%zx: %u tokens past the image end",
				  bit, count);

	for (i = 0; i < count; i++) {
		tok = bit + hdr_len + (size_t)tok_len * i;
		if (rom[tok] != NOVA_VBIOS_BIT_TOKEN_FALCON)
			continue;
		tok_size = get_unaligned_le16(rom + tok + 2);
		data = start + get_unaligned_le16(rom + tok + 4);
		if (tok_size < 4)
			return vbios_fail(v, -EINVAL,
					  "BIT token 0x70 at 0x%zx: data size %u too small",
					  tok, tok_size);
		if (!vbios_in(start, end, data, 4))
			return vbios_fail(v, -EOVERFLOW,
					  "BIT token 0x70 at 0x%zx: data at 0x%zx past the image end",
					  tok, data);
		v->falcon_data_ptr = get_unaligned_le32(rom + data);
		return 0;
	}
	return vbios_fail(v, -ENOENT, "BIT at 0x%zx: no falcon data token (0x70) among %u",
			  bit, count);
}

/**
 * vbios_resolve() - turn a VBIOS address into a ROM offset
 * @v: the result being built.
 * @what: name of the structure, for the reason.
 * @addr: the address: inside the PCI-AT image, or past it, then counted
 *	from the first FWSEC image.
 * @need: bytes of the structure that must lie inside one image.
 * @off: the ROM offset.
 * @img_end: the end of the image holding the structure.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_resolve(struct nova_vbios *v, const char *what, u32 addr, size_t need,
			 size_t *off, size_t *img_end)
{
	const struct nova_vbios_image *pci_at = &v->images[v->pci_at];
	const struct nova_vbios_image *img;
	unsigned int i;
	size_t rom;

	if (addr < pci_at->len) {
		rom = pci_at->offset + addr;
	} else {
		if (v->fwsec[0] < 0)
			return vbios_fail(v, -ENOENT,
					  "%s at address 0x%x: no FWSEC image", what, addr);
		if (check_add_overflow((size_t)v->images[v->fwsec[0]].offset,
				       (size_t)(addr - pci_at->len), &rom))
			return vbios_fail(v, -EOVERFLOW,
					  "%s at address 0x%x: overflows", what, addr);
	}
	for (i = 0; i < v->num_images; i++) {
		img = &v->images[i];
		if (rom < img->offset || rom - img->offset >= img->len)
			continue;
		if (!vbios_in(img->offset, img->offset + img->len, rom, need))
			return vbios_fail(v, -EOVERFLOW,
					  "%s at 0x%zx: %zu bytes past the image end",
					  what, rom, need);
		*off = rom;
		*img_end = img->offset + img->len;
		return 0;
	}
	return vbios_fail(v, -EOVERFLOW, "%s at address 0x%x: outside every image", what, addr);
}

/**
 * vbios_find_fwsec() - find the FWSEC_PROD entry in the falcon ucode table
 * @v: the result being built.
 * @rom: the ROM.
 * @desc_addr: the descriptor address of the entry.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_find_fwsec(struct nova_vbios *v, const u8 *rom, u32 *desc_addr)
{
	size_t tbl, end, e;
	u8 hdr_len, ent_len, count, i;
	int ret;

	ret = vbios_resolve(v, "PMU table", v->falcon_data_ptr, NOVA_VBIOS_PMU_HDR_LEN,
			    &tbl, &end);
	if (ret)
		return ret;
	v->pmu_table = tbl;
	hdr_len = rom[tbl + 1];
	ent_len = rom[tbl + 2];
	count = rom[tbl + 3];
	if (hdr_len < NOVA_VBIOS_PMU_HDR_LEN)
		return vbios_fail(v, -EINVAL, "PMU table at 0x%zx: header size %u too small",
				  tbl, hdr_len);
	if (ent_len < NOVA_VBIOS_PMU_ENTRY_LEN)
		return vbios_fail(v, -EINVAL, "PMU table at 0x%zx: entry size %u too small",
				  tbl, ent_len);
	if (!vbios_in(tbl, end, tbl, hdr_len + (size_t)ent_len * count))
		return vbios_fail(v, -EOVERFLOW,
				  "PMU table at 0x%zx: %u entries past the image end",
				  tbl, count);

	for (i = 0; i < count; i++) {
		e = tbl + hdr_len + (size_t)ent_len * i;
		if (rom[e] == NOVA_VBIOS_APP_FWSEC_PROD) {
			*desc_addr = get_unaligned_le32(rom + e + 2);
			return 0;
		}
	}
	return vbios_fail(v, -ENOENT, "PMU table at 0x%zx: no FWSEC_PROD (0x85) entry among %u",
			  tbl, count);
}

/**
 * vbios_le32() - read the @i-th u32 of a descriptor
 * @p: the descriptor.
 * @i: index of the u32.
 *
 * Return: the value.
 */
static u32 vbios_le32(const u8 *p, unsigned int i)
{
	return get_unaligned_le32(p + 4 * i);
}

/**
 * vbios_decode_desc() - decode the FWSEC descriptor at @off
 * @v: the result being built; @v->desc receives the fields.
 * @rom: the ROM.
 * @off: offset of the descriptor.
 * @end: end of the image holding it.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_decode_desc(struct nova_vbios *v, const u8 *rom, size_t off, size_t end)
{
	struct nova_fwsec_desc *d = &v->desc;
	const u8 *p = rom + off;
	u32 hdr = get_unaligned_le32(p);
	size_t need;

	d->version = (hdr >> 8) & 0xff;
	d->hdr_size = hdr >> 16;
	if (d->version == 2)
		need = NOVA_VBIOS_DESC_V2_LEN;
	else if (d->version == 3)
		need = NOVA_VBIOS_DESC_V3_LEN;
	else
		return vbios_fail(v, -EOPNOTSUPP, "descriptor at 0x%zx: unsupported version %u",
				  off, d->version);
	if (!vbios_in(off, end, off, need))
		return vbios_fail(v, -EOVERFLOW, "descriptor v%u at 0x%zx: past the image end",
				  d->version, off);

	d->stored_size = vbios_le32(p, 1);
	if (d->version == 2) {
		d->uncompressed_size = vbios_le32(p, 2);
		d->virtual_entry = vbios_le32(p, 3);
		d->interface_offset = vbios_le32(p, 4);
		d->imem_phys_base = vbios_le32(p, 5);
		d->imem_load_size = vbios_le32(p, 6);
		d->imem_virt_base = vbios_le32(p, 7);
		d->imem_sec_base = vbios_le32(p, 8);
		d->imem_sec_size = vbios_le32(p, 9);
		d->dmem_offset = vbios_le32(p, 10);
		d->dmem_phys_base = vbios_le32(p, 11);
		d->dmem_load_size = vbios_le32(p, 12);
		d->alt_imem_load_size = vbios_le32(p, 13);
		d->alt_dmem_load_size = vbios_le32(p, 14);
	} else {
		d->pkc_data_offset = vbios_le32(p, 2);
		d->interface_offset = vbios_le32(p, 3);
		d->imem_phys_base = vbios_le32(p, 4);
		d->imem_load_size = vbios_le32(p, 5);
		d->imem_virt_base = vbios_le32(p, 6);
		d->dmem_phys_base = vbios_le32(p, 7);
		d->dmem_load_size = vbios_le32(p, 8);
		d->engine_id_mask = get_unaligned_le16(p + 36);
		d->ucode_id = p[38];
		d->signature_count = p[39];
		d->signature_versions = get_unaligned_le16(p + 40);
		/* The signatures follow the 44-byte descriptor. */
		need += (size_t)d->signature_count * NOVA_VBIOS_SIG_LEN;
		if (!vbios_in(off, end, off, need))
			return vbios_fail(v, -EOVERFLOW,
					  "descriptor at 0x%zx: %u signatures past the image end",
					  off, d->signature_count);
		if (d->signature_count) {
			v->sigs_offset = off + NOVA_VBIOS_DESC_V3_LEN;
			v->sigs_len = d->signature_count * NOVA_VBIOS_SIG_LEN;
			v->sigs = rom + v->sigs_offset;
		}
	}
	if (d->hdr_size < need)
		return vbios_fail(v, -EINVAL,
				  "descriptor at 0x%zx: header size %u smaller than its contents (%zu)",
				  off, d->hdr_size, need);
	return 0;
}

/**
 * vbios_locate_ucode() - locate the IMEM and DMEM parts of the ucode
 * @v: the result being built.
 * @rom: the ROM.
 * @off: offset of the descriptor.
 * @end: end of the image holding it.
 *
 * Return: 0, or a negative errno with @v->why set.
 */
static int vbios_locate_ucode(struct nova_vbios *v, const u8 *rom, size_t off, size_t end)
{
	const struct nova_fwsec_desc *d = &v->desc;
	size_t ucode = off + d->hdr_size, dmem_end, ulen;

	v->imem_offset = 0;
	v->imem_len = d->imem_load_size;
	v->dmem_offset = d->version == 2 ? d->dmem_offset : d->imem_load_size;
	v->dmem_len = d->dmem_load_size;
	if (check_add_overflow((size_t)v->dmem_offset, (size_t)v->dmem_len, &dmem_end))
		return vbios_fail(v, -EOVERFLOW, "descriptor at 0x%zx: DMEM size overflows", off);
	ulen = max_t(size_t, v->imem_len, dmem_end);
	if (!vbios_in(ucode, end, ucode, ulen))
		return vbios_fail(v, -EOVERFLOW,
				  "ucode at 0x%zx: IMEM 0x%x + DMEM 0x%x bytes past the image end",
				  ucode, v->imem_len, v->dmem_len);
	v->ucode_offset = ucode;
	v->ucode_len = ulen;
	v->ucode = rom + ucode;
	return 0;
}

/**
 * nova_vbios_parse() - parse a VBIOS ROM image
 * @rom: the ROM, as read from the GPU (PROM) or from a file.
 * @len: length of @rom in bytes; only the first NOVA_VBIOS_MAX_SCAN bytes
 *	are looked at.
 * @out: the result; its pointers point into @rom.
 *
 * Walks the image chain, finds the BIT table in the PCI-AT image, follows
 * its falcon data token to the falcon ucode table and its FWSEC_PROD entry
 * to the FWSEC ucode descriptor (version 2 or 3), and records the images,
 * the descriptor, the signatures and the ucode. Nothing outside
 * [@rom, @rom + @len) is read, whatever the ROM holds.
 *
 * Return: 0 on success. On failure @out->why says what is wrong and where,
 * and the return value is -EINVAL for a malformed structure, -ENOENT for a
 * missing one, -EOPNOTSUPP for an unsupported descriptor version, or
 * -EOVERFLOW for an offset or length past the end of the ROM or image.
 */
int nova_vbios_parse(const u8 *rom, size_t len, struct nova_vbios *out)
{
	u32 desc_addr;
	size_t off, end;
	int ret;

	memset(out, 0, sizeof(*out));
	if (!rom)
		return vbios_fail(out, -EINVAL, "no ROM");
	if (len > NOVA_VBIOS_MAX_SCAN)
		len = NOVA_VBIOS_MAX_SCAN;

	ret = vbios_walk_images(out, rom, len);
	if (ret)
		return ret;
	ret = vbios_find_bit(out, rom);
	if (ret)
		return ret;
	ret = vbios_falcon_data(out, rom);
	if (ret)
		return ret;
	ret = vbios_find_fwsec(out, rom, &desc_addr);
	if (ret)
		return ret;
	ret = vbios_resolve(out, "descriptor", desc_addr, 4, &off, &end);
	if (ret)
		return ret;
	out->desc_offset = off;
	ret = vbios_decode_desc(out, rom, off, end);
	if (ret)
		return ret;
	return vbios_locate_ucode(out, rom, off, end);
}
