// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: booter_load and booter_unload on SEC2, and the start of GSP-RM
 * on the GSP's RISC-V core; it mirrors nova_core's GSP boot.
 *
 * booter_load (firmware.c recognises it, synthetic or NVIDIA's, and calls
 * nova_emu_booter_load() on the SEC2 falcon's CPU job) reads GspFwWprMeta
 * at the bus address in SEC2's MAILBOX0/1 and checks everything in it, as
 * the real booter does before it copies GSP-RM into WPR2:
 *
 * - magic and revision;
 * - the radix3 page table of the GSP image, every level and every 4 KiB
 *   page read through nova_emu_host_dma(), and the image's bytes, page by
 *   page, against the .fwimage section of the chip's gsp-570.144.bin,
 *   which the emulator loads itself;
 * - the RISC-V bootloader (the payload of bootloader-570.144.bin) and its
 *   code, data and manifest offsets;
 * - the image's signature (the chip family's .fwsignature_* section);
 * - the FB layout: VRAM size, FRTS where WPR2 is, the regions in order
 *   inside VRAM, each large enough.
 *
 * On success it writes "verified" back into GspFwWprMeta and starts
 * GSP-RM: the GSP-RM start job reads the libos arguments page at the bus
 * address in the GSP's MAILBOX0/1 and checks the log buffers, RMARGS and
 * the message queues' shared memory; then the GSP's RISC-V core reads as
 * active. GSP-RM that finds its arguments bad "crashes": it halts before
 * its core ever reads as active, and the violation counts in gsp_errors.
 *
 * On Hopper and Blackwell there is no booter: GSP-FMC (fmc.c) checks
 * GspFwWprMeta with the same functions (nova_emu_gsp_meta_check(), all
 * but the FB layout, which its ACR picks) and starts GSP-RM with the
 * libos arguments GSP_FMC_BOOT_PARAMS names (nova_emu_gsp_start()).
 *
 * FWSEC-SB stops GSP-RM (the GSP's state before libos); booter_unload
 * takes WPR2 down and stops it too, counting a protocol violation if
 * GSP-RM was still running then.
 *
 * Everything the driver wrote is hostile: every bus address goes through
 * nova_emu_host_dma() (which refuses what was not mapped), every count and
 * offset is bounds-checked before use. Each failure is one log line and
 * one code (NOVA_EMU_MBOX_BOOTER_*, emu.h). The jobs run without the
 * GPU's lock and take it only to change the GPU's state.
 *
 * Layouts (NVIDIA's r570.144, written here as literal offsets):
 *
 * GspFwWprMeta, 256 bytes, u64 unless said: 0x00 magic, 0x08 revision,
 * 0x10 sysmemAddrOfRadix3Elf, 0x18 sizeOfRadix3Elf, 0x20
 * sysmemAddrOfBootloader, 0x28 sizeOfBootloader, 0x30
 * bootloaderCodeOffset, 0x38 bootloaderDataOffset, 0x40
 * bootloaderManifestOffset, 0x48 sysmemAddrOfSignature, 0x50
 * sizeOfSignature, 0x58 gspFwRsvdStart, 0x60 nonWprHeapOffset, 0x68
 * nonWprHeapSize, 0x70 gspFwWprStart, 0x78 gspFwHeapOffset, 0x80
 * gspFwHeapSize, 0x88 gspFwOffset, 0x90 bootBinOffset, 0x98 frtsOffset,
 * 0xa0 frtsSize, 0xa8 gspFwWprEnd, 0xb0 fbSize, 0xb8 vgaWorkspaceOffset,
 * 0xc0 vgaWorkspaceSize, 0xc8 bootCount, 0xd0..0xef partition RPC and ELF
 * fields, 0xf0 u8 gspFwHeapVfPartitionCount, 0xf1 u8 flags, 0xf4 u32
 * pmuReservedSize, 0xf8 verified.
 *
 * LibosMemoryRegionInitArgument, 32 bytes: 0x00 id8, 0x08 pa, 0x10 size,
 * 0x18 u8 kind (1: contiguous), 0x19 u8 loc (1: system memory).
 *
 * GSP_ARGUMENTS_CACHED: 0x00 sharedMemPhysAddr, 0x08 u32
 * pageTableEntryCount, 0x10 cmdQueueOffset, 0x18 statQueueOffset, 0x20
 * srInitArguments (12 bytes), 0x2c u32 gpuInstance, 0x30 u8 bDmemStack,
 * 0x38 profilerArgs (16 bytes); 0x48 bytes.
 *
 * msgqTxHeader, 32 bytes of u32: version, size, msgSize, msgCount,
 * writePtr, flags, rxHdrOff, entryOff; msgqRxHeader's readPtr at rxHdrOff.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/firmware.h>
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../emu.h"
#include "gsp.h"

/* GSP-RM's version, in the names of its firmware files. */
#define EMU_GSP_FW_VERSION	"570.144"
#define EMU_GSP_FILE		"gsp-" EMU_GSP_FW_VERSION ".bin"
#define EMU_BL_FILE		"bootloader-" EMU_GSP_FW_VERSION ".bin"

/* The GSP's page: always 4 KiB, whatever the CPU's. */
#define EMU_GSP_PAGE		SZ_4K

/* The FRTS region booter expects, and the alignments of the layout. */
#define EMU_FRTS_SIZE		SZ_1M
#define EMU_FW_ALIGN		SZ_64K
#define EMU_BOOT_BIN_ALIGN	SZ_4K
/* The smallest WPR heaps (r570.144: libos2 64 MiB, libos3 88 MiB). */
#define EMU_HEAP_MIN_LIBOS2	(64ULL * SZ_1M)
#define EMU_HEAP_MIN_LIBOS3	(88ULL * SZ_1M)

/* Radix3: entries per 4 KiB page of a level. */
#define EMU_RADIX3_PER_PAGE	(EMU_GSP_PAGE / sizeof(u64))

/* BinHdr and RM_RISCV_UCODE_DESC of bootloader-570.144.bin. */
#define BIN_MAGIC		0x10de
#define BIN_LEN			24
#define BIN_HEADER_OFFSET	12
#define BIN_DATA_OFFSET		16
#define BIN_DATA_SIZE		20
#define BL_DESC_MANIFEST	0x20
#define BL_DESC_DATA		0x28
#define BL_DESC_CODE		0x30
#define BL_DESC_LEN		0x38

/* The libos arguments. */
#define LIBOS_ARG_LEN		32
#define LIBOS_ARG_ID8		0x00
#define LIBOS_ARG_PA		0x08
#define LIBOS_ARG_SIZE		0x10
#define LIBOS_ARG_KIND		0x18
#define LIBOS_ARG_LOC		0x19
#define LIBOS_MAX_ARGS		(EMU_GSP_PAGE / LIBOS_ARG_LEN)
#define LIBOS_KIND_CONTIGUOUS	1
#define LIBOS_LOC_SYSMEM	1
#define LIBOS_LOG_SIZE		SZ_64K
#define LIBOS_LOG_PAGES		(LIBOS_LOG_SIZE / EMU_GSP_PAGE)

/* GSP_ARGUMENTS_CACHED. */
#define RMARGS_LEN		0x48
#define RMARGS_SHM		0x00
#define RMARGS_PTE_COUNT	0x08
#define RMARGS_CMDQ		0x10
#define RMARGS_STATQ		0x18
#define RMARGS_DMEM_STACK	0x30

/* msgqTxHeader, as the driver writes it and GSP-RM writes its own. */
#define MSGQ_TX_LEN		32
#define MSGQ_VERSION		0
#define MSGQ_SIZE		0x40000
#define MSGQ_MSG_SIZE		0x1000
#define MSGQ_MSG_COUNT		63
#define MSGQ_FLAGS_SWAP_RX	1
#define MSGQ_RX_HDR_OFF		0x20
#define MSGQ_ENTRY_OFF		0x1000

/* LOGINIT records of the emulated GSP-RM: "NEMU" and a length in words. */
#define EMU_LOG_MAGIC		0x4e454d55ULL

/**
 * struct emu_booter - what one booter_load run works with
 * @gpu: the emulated GPU.
 * @dev: the device to log on and to load firmware for.
 * @who: what its log lines say it is: "booter_load", or GSP-FMC's.
 * @meta: GspFwWprMeta as read from the driver's memory.
 * @page: a 4 KiB bounce buffer for DMA reads.
 * @ptes: a 4 KiB buffer for the radix3 table's level 1.
 * @l2: a 4 KiB buffer for one page of its level 2.
 * @gsp: the chip's gsp-570.144.bin, loaded by the emulator.
 * @bl: the chip's bootloader-570.144.bin.
 * @wpr2_start: where WPR2 starts (bytes).
 * @wpr2_end: where it ends (exclusive).
 */
struct emu_booter {
	struct nova_emu_gpu *gpu;
	struct device *dev;
	const char *who;
	u8 meta[NOVA_EMU_META_LEN];
	u8 page[EMU_GSP_PAGE];
	u8 ptes[EMU_GSP_PAGE];
	u8 l2[EMU_GSP_PAGE];
	const struct firmware *gsp;
	const struct firmware *bl;
	u64 wpr2_start;
	u64 wpr2_end;
};

/**
 * emu_meta() - a u64 field of GspFwWprMeta
 * @b: the run
 * @off: the field's offset
 *
 * Return: the field's value.
 */
static u64 emu_meta(const struct emu_booter *b, unsigned int off)
{
	return get_unaligned_le64(b->meta + off);
}

/**
 * emu_dma_cmp() - compare the driver's memory with bytes the emulator has
 * @b: the run (its @page is used as a bounce buffer)
 * @addr: bus address of the driver's copy
 * @want: what it must hold
 * @len: how many bytes
 * @bad: set to the offset of the first 4 KiB chunk that differs
 *
 * Return: 0 if equal; 1 if they differ; -EFAULT if the driver's memory is
 * not readable there.
 */
static int emu_dma_cmp(struct emu_booter *b, u64 addr, const u8 *want,
		       size_t len, size_t *bad)
{
	size_t off, n;

	for (off = 0; off < len; off += n) {
		n = min_t(size_t, len - off, EMU_GSP_PAGE);
		if (addr + off < addr ||
		    nova_emu_host_dma(b->gpu, addr + off, b->page, n, false))
			return -EFAULT;
		if (memcmp(b->page, want + off, n)) {
			*bad = off;
			return 1;
		}
	}
	return 0;
}

/**
 * nova_emu_gsp_sig_section() - the signature section of a chip's GSP image
 * @chip: the chip's name
 *
 * Chips of one family share their booter and their signature.
 *
 * Return: ".fwsignature_<family>", or NULL for a chip without booter.
 */
const char *nova_emu_gsp_sig_section(const char *chip)
{
	if (!strncmp(chip, "tu11", 4))
		return ".fwsignature_tu11x";
	if (!strncmp(chip, "tu10", 4))
		return ".fwsignature_tu10x";
	if (!strcmp(chip, "ga100"))
		return ".fwsignature_ga100";
	if (!strncmp(chip, "ga10", 4))
		return ".fwsignature_ga10x";
	if (!strncmp(chip, "ad10", 4))
		return ".fwsignature_ad10x";
	return NULL;
}

/**
 * emu_booter_fw() - load the firmware files the real booter would find
 * @b: the run
 * @chip: the chip's name
 *
 * The real booter checks the driver's copies against signatures; the
 * emulator compares them with the files themselves, which it loads from
 * nvidia/<chip>/gsp/ as the driver does.
 *
 * Return: 0, or %NOVA_EMU_MBOX_BOOTER_FW.
 */
static u32 emu_booter_fw(struct emu_booter *b, const char *chip)
{
	char name[64];
	int ret;

	snprintf(name, sizeof(name), "nvidia/%s/gsp/" EMU_GSP_FILE, chip);
	ret = firmware_request_nowarn(&b->gsp, name, b->dev);
	if (!ret) {
		snprintf(name, sizeof(name), "nvidia/%s/gsp/" EMU_BL_FILE, chip);
		ret = firmware_request_nowarn(&b->bl, name, b->dev);
	}
	if (ret) {
		dev_err(b->dev, "%s: the emulator cannot load %s (%pe)\n",
			b->who, name, ERR_PTR(ret));
		return NOVA_EMU_MBOX_BOOTER_FW;
	}
	return 0;
}

/**
 * emu_booter_image() - check the GSP image and its radix3 page table
 * @b: the run
 *
 * Level 0's first entry is the bus address of level 1, whose entries are
 * the bus addresses of the level 2 pages, whose entries are the bus
 * address of each 4 KiB page of the image, little endian. The image must
 * be the .fwimage section of the chip's gsp-570.144.bin, byte for byte.
 *
 * Return: 0, or a NOVA_EMU_MBOX_BOOTER_* code.
 */
static u32 emu_booter_image(struct emu_booter *b)
{
	const u8 *fw = b->gsp->data;
	u64 size = emu_meta(b, NOVA_EMU_META_RADIX3_SIZE), lvl1, npages, n2, j, k;
	size_t off, img, img_size;
	__le64 lvl0;
	int ret;

	ret = nova_emu_elf64_section(fw, b->gsp->size, ".fwimage", &img,
				     &img_size);
	if (ret) {
		dev_err(b->dev, "%s: the emulator's %s has no .fwimage (%d)\n",
			b->who, EMU_GSP_FILE, ret);
		return NOVA_EMU_MBOX_BOOTER_FW;
	}
	if (size != img_size) {
		dev_err(b->dev, "%s: sizeOfRadix3Elf %llu, the GSP image (.fwimage) is %zu bytes\n",
			b->who, size, img_size);
		return NOVA_EMU_MBOX_BOOTER_IMAGE;
	}
	npages = DIV_ROUND_UP(size, EMU_GSP_PAGE);
	n2 = DIV_ROUND_UP(npages, EMU_RADIX3_PER_PAGE);
	if (!npages || n2 > EMU_RADIX3_PER_PAGE) {
		dev_err(b->dev, "%s: sizeOfRadix3Elf %llu: no radix3 table holds it\n",
			b->who, size);
		return NOVA_EMU_MBOX_BOOTER_RADIX3;
	}

	if (nova_emu_host_dma(b->gpu, emu_meta(b, NOVA_EMU_META_RADIX3), &lvl0,
			      sizeof(lvl0), false)) {
		dev_err(b->dev, "%s: radix3 level 0 at 0x%llx is not readable\n",
			b->who, emu_meta(b, NOVA_EMU_META_RADIX3));
		return NOVA_EMU_MBOX_BOOTER_RADIX3;
	}
	lvl1 = le64_to_cpu(lvl0);
	if (nova_emu_host_dma(b->gpu, lvl1, b->ptes, n2 * sizeof(u64), false)) {
		dev_err(b->dev, "%s: radix3 level 1 at 0x%llx (%llu entries) is not readable\n",
			b->who, lvl1, n2);
		return NOVA_EMU_MBOX_BOOTER_RADIX3;
	}
	for (j = 0; j < n2; j++) {
		u64 lvl2 = get_unaligned_le64(b->ptes + j * sizeof(u64));
		u64 cnt = min_t(u64, npages - j * EMU_RADIX3_PER_PAGE,
				EMU_RADIX3_PER_PAGE);

		if (nova_emu_host_dma(b->gpu, lvl2, b->l2, cnt * sizeof(u64),
				      false)) {
			dev_err(b->dev, "%s: radix3 level 2 page %llu at 0x%llx is not readable\n",
				b->who, j, lvl2);
			return NOVA_EMU_MBOX_BOOTER_RADIX3;
		}
		for (k = 0; k < cnt; k++) {
			u64 pa = get_unaligned_le64(b->l2 + k * sizeof(u64));
			u64 page = j * EMU_RADIX3_PER_PAGE + k;
			size_t bad;

			off = page * EMU_GSP_PAGE;
			if (!IS_ALIGNED(pa, EMU_GSP_PAGE)) {
				dev_err(b->dev, "%s: radix3: GSP image page %llu at 0x%llx is not 4 KiB aligned\n",
					b->who, page, pa);
				return NOVA_EMU_MBOX_BOOTER_RADIX3;
			}
			ret = emu_dma_cmp(b, pa, fw + img + off,
					  min_t(size_t, size - off, EMU_GSP_PAGE),
					  &bad);
			if (ret < 0) {
				dev_err(b->dev, "%s: GSP image page %llu at 0x%llx is not readable\n",
					b->who, page, pa);
				return NOVA_EMU_MBOX_BOOTER_RADIX3;
			}
			if (ret) {
				dev_err(b->dev, "%s: GSP image page %llu (at 0x%llx) differs from .fwimage\n",
					b->who, page, pa);
				return NOVA_EMU_MBOX_BOOTER_IMAGE;
			}
			cond_resched();
		}
	}
	return 0;
}

/**
 * emu_booter_bl() - check the RISC-V bootloader and its offsets
 * @b: the run
 *
 * The payload of bootloader-570.144.bin (BinHdr: u32 magic 0x10de at 0,
 * header_offset at 12, data_offset at 16, data_size at 20) must be at
 * sysmemAddrOfBootloader, sizeOfBootloader bytes; the code, data and
 * manifest offsets are those of its RM_RISCV_UCODE_DESC (at header_offset:
 * manifestOffset 0x20, monitorDataOffset 0x28, monitorCodeOffset 0x30).
 *
 * Return: 0, or a NOVA_EMU_MBOX_BOOTER_* code.
 */
static u32 emu_booter_bl(struct emu_booter *b)
{
	const u8 *d = b->bl->data;
	size_t len = b->bl->size, bad;
	u32 hdr, data, size;
	int ret;

	if (len < BIN_LEN || get_unaligned_le32(d) != BIN_MAGIC)
		goto bad_file;
	hdr = get_unaligned_le32(d + BIN_HEADER_OFFSET);
	data = get_unaligned_le32(d + BIN_DATA_OFFSET);
	size = get_unaligned_le32(d + BIN_DATA_SIZE);
	if (hdr > len || len - hdr < BL_DESC_LEN || data > len ||
	    len - data < size || !size)
		goto bad_file;

	if (emu_meta(b, NOVA_EMU_META_BL_SIZE) != size) {
		dev_err(b->dev, "%s: sizeOfBootloader %llu, the bootloader's payload is %u bytes\n",
			b->who, emu_meta(b, NOVA_EMU_META_BL_SIZE), size);
		return NOVA_EMU_MBOX_BOOTER_BOOTLOADER;
	}
	if (emu_meta(b, NOVA_EMU_META_BL_CODE) != get_unaligned_le32(d + hdr + BL_DESC_CODE) ||
	    emu_meta(b, NOVA_EMU_META_BL_DATA) != get_unaligned_le32(d + hdr + BL_DESC_DATA) ||
	    emu_meta(b, NOVA_EMU_META_BL_MANIFEST) !=
		get_unaligned_le32(d + hdr + BL_DESC_MANIFEST)) {
		dev_err(b->dev, "%s: bootloader code/data/manifest offsets 0x%llx/0x%llx/0x%llx, its descriptor says 0x%x/0x%x/0x%x\n",
			b->who, emu_meta(b, NOVA_EMU_META_BL_CODE),
			emu_meta(b, NOVA_EMU_META_BL_DATA),
			emu_meta(b, NOVA_EMU_META_BL_MANIFEST),
			get_unaligned_le32(d + hdr + BL_DESC_CODE),
			get_unaligned_le32(d + hdr + BL_DESC_DATA),
			get_unaligned_le32(d + hdr + BL_DESC_MANIFEST));
		return NOVA_EMU_MBOX_BOOTER_BOOTLOADER;
	}
	ret = emu_dma_cmp(b, emu_meta(b, NOVA_EMU_META_BL), d + data, size, &bad);
	if (ret) {
		dev_err(b->dev, "%s: the bootloader at 0x%llx %s\n",
			b->who, emu_meta(b, NOVA_EMU_META_BL), ret < 0 ? "is not readable" :
			"differs from its file's payload");
		return NOVA_EMU_MBOX_BOOTER_BOOTLOADER;
	}
	return 0;

bad_file:
	dev_err(b->dev, "%s: the emulator's %s is malformed\n",
		b->who, EMU_BL_FILE);
	return NOVA_EMU_MBOX_BOOTER_FW;
}

/**
 * emu_booter_sig() - check the GSP image's signature
 * @b: the run
 * @section: the chip family's signature section
 *
 * Return: 0, or a NOVA_EMU_MBOX_BOOTER_* code.
 */
static u32 emu_booter_sig(struct emu_booter *b, const char *section)
{
	size_t off, size, bad;
	int ret;

	ret = nova_emu_elf64_section(b->gsp->data, b->gsp->size, section,
				     &off, &size);
	if (ret) {
		dev_err(b->dev, "%s: the emulator's %s has no %s (%d)\n",
			b->who, EMU_GSP_FILE, section, ret);
		return NOVA_EMU_MBOX_BOOTER_FW;
	}
	if (emu_meta(b, NOVA_EMU_META_SIG_SIZE) != size) {
		dev_err(b->dev, "%s: sizeOfSignature %llu, %s is %zu bytes\n",
			b->who, emu_meta(b, NOVA_EMU_META_SIG_SIZE), section, size);
		return NOVA_EMU_MBOX_BOOTER_SIGNATURE;
	}
	ret = emu_dma_cmp(b, emu_meta(b, NOVA_EMU_META_SIG), b->gsp->data + off, size,
			  &bad);
	if (ret) {
		dev_err(b->dev, "%s: the signature at 0x%llx %s %s\n",
			b->who, emu_meta(b, NOVA_EMU_META_SIG),
			ret < 0 ? "is not readable, expected" : "differs from",
			section);
		return NOVA_EMU_MBOX_BOOTER_SIGNATURE;
	}
	return 0;
}

/**
 * emu_booter_layout() - check the FB layout against the emulated GPU
 * @b: the run
 *
 * fbSize is the VRAM size; FRTS is 1 MiB where WPR2 starts; then, going
 * down: gspFwWprEnd at or above FRTS's end and inside VRAM; the boot
 * binary (4 KiB aligned) below FRTS, room for the bootloader; the GSP
 * image (64 KiB aligned) below it, room for the image; the WPR heap (at
 * least 64 MiB, 88 MiB on GA102 and later) below that, inside WPR, whose
 * start lies above the non-WPR heap.
 *
 * Return: 0, or %NOVA_EMU_MBOX_BOOTER_LAYOUT.
 */
static u32 emu_booter_layout(struct emu_booter *b)
{
	u64 fb = emu_meta(b, NOVA_EMU_META_FB_SIZE), frts = emu_meta(b, NOVA_EMU_META_FRTS);
	u64 frts_size = emu_meta(b, NOVA_EMU_META_FRTS_SIZE);
	u64 wpr_end = emu_meta(b, NOVA_EMU_META_WPR_END);
	u64 boot = emu_meta(b, NOVA_EMU_META_BOOT_BIN);
	u64 elf = emu_meta(b, NOVA_EMU_META_FW);
	u64 heap = emu_meta(b, NOVA_EMU_META_HEAP);
	u64 heap_size = emu_meta(b, NOVA_EMU_META_HEAP_SIZE);
	u64 wpr = emu_meta(b, NOVA_EMU_META_WPR_START);
	u64 nonwpr = emu_meta(b, NOVA_EMU_META_NONWPR_HEAP);
	u64 nonwpr_size = emu_meta(b, NOVA_EMU_META_NONWPR_HEAP_SIZE);
	u64 rsvd = emu_meta(b, NOVA_EMU_META_RSVD_START);
	u64 heap_min = b->gpu->cfg.ga102_plus ? EMU_HEAP_MIN_LIBOS3 :
						EMU_HEAP_MIN_LIBOS2;
	const char *why = NULL;

	if (fb != b->gpu->cfg.fb_size)
		why = "fbSize is not the VRAM size";
	else if (frts != b->wpr2_start || frts_size != EMU_FRTS_SIZE ||
		 b->wpr2_end - b->wpr2_start != EMU_FRTS_SIZE)
		why = "FRTS (frtsOffset, frtsSize) is not the 1 MiB of WPR2";
	else if (wpr_end < frts + frts_size || wpr_end > fb)
		why = "gspFwWprEnd is below FRTS's end or past VRAM";
	else if (!IS_ALIGNED(boot, EMU_BOOT_BIN_ALIGN) || boot >= frts ||
		 frts - boot < emu_meta(b, NOVA_EMU_META_BL_SIZE))
		why = "bootBinOffset unaligned, or no room for the bootloader";
	else if (!IS_ALIGNED(elf, EMU_FW_ALIGN) || elf >= boot ||
		 boot - elf < emu_meta(b, NOVA_EMU_META_RADIX3_SIZE))
		why = "gspFwOffset unaligned, or no room for the GSP image";
	else if (heap_size < heap_min || heap > elf || elf - heap < heap_size)
		why = "the WPR heap is too small or overlaps the GSP image";
	else if (wpr > heap)
		why = "gspFwWprStart is above the WPR heap";
	else if (nonwpr > wpr || wpr - nonwpr < nonwpr_size || !nonwpr_size)
		why = "the non-WPR heap is empty or not below gspFwWprStart";
	else if (rsvd > nonwpr)
		why = "gspFwRsvdStart is above the non-WPR heap";
	if (!why)
		return 0;

	dev_err(b->dev, "%s: FB layout: %s (fbSize 0x%llx frts 0x%llx+0x%llx wpr2 0x%llx-0x%llx wprEnd 0x%llx boot 0x%llx elf 0x%llx heap 0x%llx+0x%llx wprStart 0x%llx nonWpr 0x%llx+0x%llx)\n",
		b->who, why, fb, frts, frts_size, b->wpr2_start, b->wpr2_end, wpr_end,
		boot, elf, heap, heap_size, wpr, nonwpr, nonwpr_size);
	return NOVA_EMU_MBOX_BOOTER_LAYOUT;
}

/**
 * emu_booter_check() - the checks of GspFwWprMeta and what it points at
 * @b: the run
 * @meta: bus address of GspFwWprMeta
 * @chip: the chip's name
 * @section: the chip family's signature section
 *
 * Everything but the FB layout, which booter_load and GSP-FMC check each
 * its own way.
 *
 * Return: 0, or a NOVA_EMU_MBOX_BOOTER_* code.
 */
static u32 emu_booter_check(struct emu_booter *b, u64 meta, const char *chip,
			    const char *section)
{
	u32 ret;

	if (nova_emu_host_dma(b->gpu, meta, b->meta, NOVA_EMU_META_LEN, false)) {
		dev_err(b->dev, "%s: GspFwWprMeta at 0x%llx is not readable\n",
			b->who, meta);
		return NOVA_EMU_MBOX_BOOTER_META_DMA;
	}
	if (emu_meta(b, NOVA_EMU_META_MAGIC) != NOVA_EMU_META_MAGIC_VALUE ||
	    emu_meta(b, NOVA_EMU_META_REVISION) != NOVA_EMU_META_REVISION_VALUE) {
		dev_err(b->dev, "%s: GspFwWprMeta magic 0x%llx revision %llu, expected 0x%llx revision %u\n",
			b->who, emu_meta(b, NOVA_EMU_META_MAGIC),
			emu_meta(b, NOVA_EMU_META_REVISION),
			NOVA_EMU_META_MAGIC_VALUE, NOVA_EMU_META_REVISION_VALUE);
		return NOVA_EMU_MBOX_BOOTER_META;
	}

	ret = emu_booter_fw(b, chip);
	if (!ret)
		ret = emu_booter_image(b);
	if (!ret)
		ret = emu_booter_bl(b);
	if (!ret)
		ret = emu_booter_sig(b, section);
	return ret;
}

/**
 * nova_emu_gsp_meta_check() - check GspFwWprMeta as booter_load does
 * @gpu: the emulated GPU, its lock not held
 * @who: what the log lines say the checker is
 * @meta: bus address of GspFwWprMeta
 * @chip: the chip's name, whose nvidia/<chip>/gsp/ files the emulator loads
 * @section: the chip family's signature section in gsp-570.144.bin
 * @copy: set to GspFwWprMeta as read, %NOVA_EMU_META_LEN bytes (on
 *	success)
 *
 * Magic and revision, the radix3 table and the GSP image, the RISC-V
 * bootloader and the signature, as booter_load checks them; not the FB
 * layout. Sleeps (loads firmware).
 *
 * Return: 0, or a NOVA_EMU_MBOX_BOOTER_* code (logged).
 */
u32 nova_emu_gsp_meta_check(struct nova_emu_gpu *gpu, const char *who,
			    u64 meta, const char *chip, const char *section,
			    u8 *copy)
{
	struct emu_booter *b;
	u32 ret;

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NOVA_EMU_MBOX_BOOTER_FW;
	b->gpu = gpu;
	b->dev = &gpu->pdev->dev;
	b->who = who;
	ret = emu_booter_check(b, meta, chip, section);
	if (!ret)
		memcpy(copy, b->meta, NOVA_EMU_META_LEN);
	release_firmware(b->bl);
	release_firmware(b->gsp);
	kfree(b);
	return ret;
}

/**
 * nova_emu_gsp_start() - start GSP-RM on the GSP's RISC-V core
 * @gpu: the emulated GPU, its lock held
 * @delay_ns: how long before GSP-RM checks its arguments
 *
 * GSP-RM is starting: its start job (nova_emu_gsp_start_job()) is queued.
 */
void nova_emu_gsp_start(struct nova_emu_gpu *gpu, u64 delay_ns)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;

	lockdep_assert_held(&gpu->lock);
	gsp->state = NOVA_EMU_GSP_STARTING;
	gsp->boot_stage = 0;
	gsp->start_gen = gsp->gen;
	nova_emu_host_job_queue(&gsp->start, delay_ns);
}

/**
 * nova_emu_booter_load() - the emulated booter_load
 * @gpu: the emulated GPU, its lock not held
 * @f: the SEC2 falcon as its CPU job copied it (its mailboxes hold the bus
 *	address of GspFwWprMeta)
 *
 * Checks GspFwWprMeta and everything it points at, writes its verified
 * field and starts GSP-RM. Runs on the SEC2 falcon's CPU job.
 *
 * Return: 0, or a NOVA_EMU_MBOX_BOOTER_* code, what MAILBOX0 holds then.
 */
u32 nova_emu_booter_load(struct nova_emu_gpu *gpu,
			 const struct nova_emu_falcon *f)
{
	u64 meta = (u64)f->mailbox[1] << 32 | f->mailbox[0];
	struct device *dev = &gpu->pdev->dev;
	struct nova_emu_gsp *gsp = &gpu->gsp;
	const struct nova_emu_chip *chip;
	enum nova_emu_gsp_state state;
	const char *section = NULL;
	__le64 verified = cpu_to_le64(NOVA_EMU_META_VERIFIED_VALUE);
	struct emu_booter *b;
	unsigned long flags;
	u32 lo, hi, ret;

	if (gpu->cfg.booter == NOVA_EMU_BOOTER_FAIL) {
		dev_err(dev, "booter_load: fails, as booter=fail says\n");
		return NOVA_EMU_MBOX_BOOTER_FAIL;
	}
	chip = nova_emu_chip_of(gpu);
	if (chip)
		section = nova_emu_gsp_sig_section(chip->name);
	if (!section) {
		dev_err(dev, "booter_load: this chip has no booter (GSP-RM boots through FSP, or its identification names no known chip)\n");
		return NOVA_EMU_MBOX_BOOTER_CHIP;
	}

	spin_lock_irqsave(&gpu->lock, flags);
	lo = gpu->wpr2_lo;
	hi = gpu->wpr2_hi;
	state = gsp->state;
	spin_unlock_irqrestore(&gpu->lock, flags);
	/* The sequencer's CORE_RESUME: GSP-RM, parked in WPR2, resumes. */
	if (state == NOVA_EMU_GSP_SUSPENDED)
		return nova_emu_rm_resume(gpu);
	if (!hi) {
		dev_err(dev, "booter_load: no WPR2: FWSEC-FRTS did not run\n");
		return NOVA_EMU_MBOX_BOOTER_NO_WPR2;
	}
	if (state == NOVA_EMU_GSP_STARTING || state == NOVA_EMU_GSP_RUNNING ||
	    state == NOVA_EMU_GSP_STALLED) {
		dev_err(dev, "booter_load: GSP-RM is loaded already (%s)\n",
			nova_emu_gsp_state_name(state));
		return NOVA_EMU_MBOX_BOOTER_GSP_BUSY;
	}

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NOVA_EMU_MBOX_BOOTER_FW;
	b->gpu = gpu;
	b->dev = dev;
	b->who = "booter_load";
	nova_emu_wpr2_range(lo, hi, &b->wpr2_start, &b->wpr2_end);

	ret = emu_booter_check(b, meta, chip->name, section);
	if (!ret)
		ret = emu_booter_layout(b);
	if (!ret && nova_emu_host_dma(gpu, meta + NOVA_EMU_META_VERIFIED, &verified,
				      sizeof(verified), true)) {
		dev_err(dev, "booter_load: GspFwWprMeta at 0x%llx is not writable\n",
			meta);
		ret = NOVA_EMU_MBOX_BOOTER_META_DMA;
	}
	release_firmware(b->bl);
	release_firmware(b->gsp);
	kfree(b);
	if (ret)
		return ret;

	/* Booter starts the GSP's RISC-V core: GSP-RM comes up on its own. */
	spin_lock_irqsave(&gpu->lock, flags);
	gsp->fmc_boot = false;
	if (gpu->cfg.booter == NOVA_EMU_BOOTER_NOSTART)
		gsp->state = NOVA_EMU_GSP_STALLED;
	else
		nova_emu_gsp_start(gpu, 0);
	spin_unlock_irqrestore(&gpu->lock, flags);
	return 0;
}

/**
 * nova_emu_booter_unload() - the emulated booter_unload
 * @gpu: the emulated GPU, its lock not held
 *
 * Takes WPR2 down and stops GSP-RM. GSP-RM still running (neither FWSEC-SB
 * nor an unload request stopped it) is a protocol violation, counted in
 * gsp_errors; the unload happens all the same.
 *
 * Return: 0, what MAILBOX0 holds then.
 */
u32 nova_emu_booter_unload(struct nova_emu_gpu *gpu)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	enum nova_emu_gsp_state state;
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	state = gsp->state;
	if (state == NOVA_EMU_GSP_STARTING || state == NOVA_EMU_GSP_RUNNING)
		gsp->errors++;
	gsp->gen++;
	gsp->state = NOVA_EMU_GSP_UNLOADED;
	gpu->wpr2_lo = 0;
	gpu->wpr2_hi = 0;
	spin_unlock_irqrestore(&gpu->lock, flags);

	if (state == NOVA_EMU_GSP_STARTING || state == NOVA_EMU_GSP_RUNNING)
		dev_err(&gpu->pdev->dev, "booter_unload: GSP-RM was still %s: it must be stopped first (FWSEC-SB)\n",
			nova_emu_gsp_state_name(state));
	return 0;
}

/**
 * nova_emu_gsp_fwsec_sb() - FWSEC-SB ran: the GSP goes back to before libos
 * @gpu: the emulated GPU, its lock not held
 *
 * GSP-RM stops and its RISC-V core becomes inactive; WPR2 stays.
 */
void nova_emu_gsp_fwsec_sb(struct nova_emu_gpu *gpu)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	if (gsp->state != NOVA_EMU_GSP_OFF &&
	    gsp->state != NOVA_EMU_GSP_UNLOADED) {
		gsp->gen++;
		gsp->state = NOVA_EMU_GSP_STOPPED;
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
}

/**
 * emu_id8() - a libos region name as its id8
 * @name: up to 8 ASCII characters
 *
 * Return: the characters packed into a u64, the first most significant.
 */
static u64 emu_id8(const char *name)
{
	u64 v = 0;

	while (*name)
		v = v << 8 | (u8)*name++;
	return v;
}

/* The libos regions GSP-RM needs, indexes of emu_libos_names. */
#define EMU_LIBOS_LOGINIT	0
#define EMU_LIBOS_LOGINTR	1
#define EMU_LIBOS_LOGRM		2
#define EMU_LIBOS_RMARGS	3
#define EMU_LIBOS_NUM		4

static const char *const emu_libos_names[EMU_LIBOS_NUM] = {
	[EMU_LIBOS_LOGINIT] = "LOGINIT",
	[EMU_LIBOS_LOGINTR] = "LOGINTR",
	[EMU_LIBOS_LOGRM] = "LOGRM",
	[EMU_LIBOS_RMARGS] = "RMARGS",
};

/**
 * struct emu_rm - what the GSP-RM start job works with
 * @gpu: the emulated GPU.
 * @dev: the device to log on.
 * @page: a 4 KiB buffer: the libos arguments, then page table entries.
 * @pa: bus address of each libos region found.
 * @size: its size.
 * @shm: bus address of the queues' shared memory.
 * @shm_pages: its pageTableEntryCount.
 * @pte: the bus address of each of its pages.
 * @cmdq: cmdQueueOffset.
 * @statq: statQueueOffset.
 */
struct emu_rm {
	struct nova_emu_gpu *gpu;
	struct device *dev;
	u8 page[EMU_GSP_PAGE];
	u64 pa[EMU_LIBOS_NUM];
	u64 size[EMU_LIBOS_NUM];
	u64 shm;
	unsigned int shm_pages;
	u64 *pte;
	u64 cmdq;
	u64 statq;
};

/**
 * emu_rm_libos() - read and check the libos arguments page
 * @r: the job's state
 * @libos: its bus address
 *
 * Return: 0, or -EINVAL (logged).
 */
static int emu_rm_libos(struct emu_rm *r, u64 libos)
{
	bool seen[EMU_LIBOS_NUM] = {};
	unsigned int i, n;

	if (nova_emu_host_dma(r->gpu, libos, r->page, EMU_GSP_PAGE, false)) {
		dev_err(r->dev, "GSP-RM: its libos arguments page at 0x%llx (GSP MAILBOX0/1) is not readable\n",
			libos);
		return -EINVAL;
	}
	for (i = 0; i < LIBOS_MAX_ARGS; i++) {
		const u8 *a = r->page + i * LIBOS_ARG_LEN;
		u64 id8 = get_unaligned_le64(a + LIBOS_ARG_ID8);

		if (!id8)
			break;
		for (n = 0; n < EMU_LIBOS_NUM; n++)
			if (id8 == emu_id8(emu_libos_names[n]))
				break;
		if (n == EMU_LIBOS_NUM)
			continue;	/* a region this GSP-RM does not use */
		if (seen[n]) {
			dev_err(r->dev, "GSP-RM: libos region %s given twice\n",
				emu_libos_names[n]);
			return -EINVAL;
		}
		seen[n] = true;
		r->pa[n] = get_unaligned_le64(a + LIBOS_ARG_PA);
		r->size[n] = get_unaligned_le64(a + LIBOS_ARG_SIZE);
		if (a[LIBOS_ARG_KIND] != LIBOS_KIND_CONTIGUOUS ||
		    a[LIBOS_ARG_LOC] != LIBOS_LOC_SYSMEM) {
			dev_err(r->dev, "GSP-RM: libos region %s: kind %u loc %u, expected 1 (contiguous) 1 (system memory)\n",
				emu_libos_names[n], a[LIBOS_ARG_KIND],
				a[LIBOS_ARG_LOC]);
			return -EINVAL;
		}
	}
	for (n = 0; n < EMU_LIBOS_NUM; n++) {
		if (!seen[n]) {
			dev_err(r->dev, "GSP-RM: no libos region %s\n",
				emu_libos_names[n]);
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * emu_rm_log() - check a log buffer
 * @r: the job's state
 * @n: which (EMU_LIBOS_LOG*)
 *
 * 64 KiB: u64[0] is the put pointer, u64[1..16] the bus address of each
 * of its 16 pages, which must be readable and writable.
 *
 * Return: 0, or -EINVAL (logged).
 */
static int emu_rm_log(struct emu_rm *r, unsigned int n)
{
	const char *name = emu_libos_names[n];
	u64 pa = r->pa[n], pte, probe;
	unsigned int i;

	if (r->size[n] != LIBOS_LOG_SIZE) {
		dev_err(r->dev, "GSP-RM: log buffer %s is %llu bytes, expected 64 KiB\n",
			name, r->size[n]);
		return -EINVAL;
	}
	if (nova_emu_host_dma(r->gpu, pa, r->page,
			      (1 + LIBOS_LOG_PAGES) * sizeof(u64), false)) {
		dev_err(r->dev, "GSP-RM: log buffer %s at 0x%llx is not readable\n",
			name, pa);
		return -EINVAL;
	}
	for (i = 0; i < LIBOS_LOG_PAGES; i++) {
		pte = get_unaligned_le64(r->page + (1 + i) * sizeof(u64));
		if (pte != pa + i * EMU_GSP_PAGE) {
			dev_err(r->dev, "GSP-RM: log buffer %s: page %u's entry is 0x%llx, expected 0x%llx\n",
				name, i, pte, pa + i * EMU_GSP_PAGE);
			return -EINVAL;
		}
		/* The last word of each page: GSP-RM writes them all. */
		if (nova_emu_host_dma(r->gpu, pte + EMU_GSP_PAGE - sizeof(probe),
				      &probe, sizeof(probe), false) ||
		    nova_emu_host_dma(r->gpu, pte + EMU_GSP_PAGE - sizeof(probe),
				      &probe, sizeof(probe), true)) {
			dev_err(r->dev, "GSP-RM: log buffer %s: page %u at 0x%llx is not readable and writable\n",
				name, i, pte);
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * emu_rm_shm_rw() - read or write the queues' shared memory
 * @r: the job's state, with the shared memory's page table
 * @off: offset in the shared memory
 * @buf: the bytes
 * @len: how many, not crossing a 4 KiB page
 * @write: write rather than read
 *
 * Return: 0, or -EFAULT.
 */
static int emu_rm_shm_rw(struct emu_rm *r, u64 off, void *buf, size_t len,
			 bool write)
{
	u64 page = off / EMU_GSP_PAGE;

	if (page >= r->shm_pages ||
	    (off % EMU_GSP_PAGE) + len > EMU_GSP_PAGE)
		return -EFAULT;
	return nova_emu_host_dma(r->gpu, r->pte[page] + off % EMU_GSP_PAGE, buf,
				 len, write);
}

/**
 * emu_rm_queues() - check RMARGS and the message queues' memory
 * @r: the job's state, with the libos regions found
 *
 * Return: 0, or -EINVAL (logged).
 */
static int emu_rm_queues(struct emu_rm *r)
{
	static const u32 tx_want[8] = {
		MSGQ_VERSION, MSGQ_SIZE, MSGQ_MSG_SIZE, MSGQ_MSG_COUNT, 0,
		MSGQ_FLAGS_SWAP_RX, MSGQ_RX_HDR_OFF, MSGQ_ENTRY_OFF,
	};
	u8 args[RMARGS_LEN], tx[MSGQ_TX_LEN + sizeof(__le32)];
	u64 span, lo, hi;
	unsigned int i;

	if (r->size[EMU_LIBOS_RMARGS] < RMARGS_LEN ||
	    nova_emu_host_dma(r->gpu, r->pa[EMU_LIBOS_RMARGS], args,
			      sizeof(args), false)) {
		dev_err(r->dev, "GSP-RM: RMARGS at 0x%llx (%llu bytes) is not a readable GSP_ARGUMENTS_CACHED\n",
			r->pa[EMU_LIBOS_RMARGS], r->size[EMU_LIBOS_RMARGS]);
		return -EINVAL;
	}
	r->shm = get_unaligned_le64(args + RMARGS_SHM);
	r->shm_pages = get_unaligned_le32(args + RMARGS_PTE_COUNT);
	r->cmdq = get_unaligned_le64(args + RMARGS_CMDQ);
	r->statq = get_unaligned_le64(args + RMARGS_STATQ);
	if (args[RMARGS_DMEM_STACK] != 1) {
		dev_err(r->dev, "GSP-RM: RMARGS bDmemStack is %u, r570 needs 1\n",
			args[RMARGS_DMEM_STACK]);
		return -EINVAL;
	}
	if (!r->shm_pages || r->shm_pages > NOVA_EMU_GSP_SHM_MAX_PAGES) {
		dev_err(r->dev, "GSP-RM: pageTableEntryCount %u, expected 1 to %u\n",
			r->shm_pages, NOVA_EMU_GSP_SHM_MAX_PAGES);
		return -EINVAL;
	}
	if (nova_emu_host_dma(r->gpu, r->shm, r->page,
			      r->shm_pages * sizeof(u64), false)) {
		dev_err(r->dev, "GSP-RM: the queues' page table at 0x%llx (sharedMemPhysAddr) is not readable\n",
			r->shm);
		return -EINVAL;
	}
	for (i = 0; i < r->shm_pages; i++) {
		u64 probe;

		r->pte[i] = get_unaligned_le64(r->page + i * sizeof(u64));
		if (!IS_ALIGNED(r->pte[i], EMU_GSP_PAGE) ||
		    (!i && r->pte[i] != r->shm) ||
		    nova_emu_host_dma(r->gpu, r->pte[i], &probe, sizeof(probe),
				      false)) {
			dev_err(r->dev, "GSP-RM: queue memory page %u: entry 0x%llx is not a readable 4 KiB page%s\n",
				i, r->pte[i], i ? "" : " (entry 0 must be the page table itself)");
			return -EINVAL;
		}
	}

	/* Both queues inside the memory, past the page table, apart. */
	span = (u64)r->shm_pages * EMU_GSP_PAGE;
	lo = min(r->cmdq, r->statq);
	hi = max(r->cmdq, r->statq);
	if (!IS_ALIGNED(r->cmdq, EMU_GSP_PAGE) ||
	    !IS_ALIGNED(r->statq, EMU_GSP_PAGE) || !lo ||
	    hi - lo < MSGQ_SIZE || hi > span || span - hi < MSGQ_SIZE) {
		dev_err(r->dev, "GSP-RM: cmdQueueOffset 0x%llx statQueueOffset 0x%llx: not two page-aligned 0x%x-byte queues in %u pages past the page table\n",
			r->cmdq, r->statq, MSGQ_SIZE, r->shm_pages);
		return -EINVAL;
	}

	/* The command queue's header, as the driver wrote it. */
	if (emu_rm_shm_rw(r, r->cmdq, tx, MSGQ_TX_LEN, false)) {
		dev_err(r->dev, "GSP-RM: the command queue's header is not readable\n");
		return -EINVAL;
	}
	for (i = 0; i < ARRAY_SIZE(tx_want); i++) {
		u32 v = get_unaligned_le32(tx + 4 * i);

		if (i == 4 ? v >= MSGQ_MSG_COUNT : v != tx_want[i]) {
			dev_err(r->dev, "GSP-RM: command queue header word %u is 0x%x, expected %s0x%x\n",
				i, v, i == 4 ? "below " : "",
				i == 4 ? MSGQ_MSG_COUNT : tx_want[i]);
			return -EINVAL;
		}
	}

	/* GSP-RM writes the status queue's header, its read pointer 0. */
	for (i = 0; i < ARRAY_SIZE(tx_want); i++)
		put_unaligned_le32(tx_want[i], tx + 4 * i);
	put_unaligned_le32(0, tx + MSGQ_RX_HDR_OFF);
	if (emu_rm_shm_rw(r, r->statq, tx, sizeof(tx), true)) {
		dev_err(r->dev, "GSP-RM: the status queue's header is not writable\n");
		return -EINVAL;
	}
	return 0;
}

/**
 * emu_rm_log_write() - GSP-RM's first LOGINIT record
 * @r: the job's state
 *
 * A record of the emulator's design (real ones are binary libos records):
 * a u64 with "NEMU" in bits 63:32 and the record's length in u64 words in
 * bits 15:0, then ASCII text padded with NULs to whole words; written after
 * the page entries, at u64[17 + put], then the put pointer (u64[0], in
 * words) advances.
 *
 * Return: 0, or -EINVAL (logged).
 */
static int emu_rm_log_write(struct emu_rm *r)
{
	static const char text[] = "nova_emu GSP-RM r570.144 running";
	u64 pa = r->pa[EMU_LIBOS_LOGINIT], base = (1 + LIBOS_LOG_PAGES) * 8;
	__le64 rec[1 + DIV_ROUND_UP(sizeof(text), 8)] = {};
	__le64 put_le;
	u64 put;

	rec[0] = cpu_to_le64(EMU_LOG_MAGIC << 32 | ARRAY_SIZE(rec));
	memcpy(&rec[1], text, sizeof(text));
	if (nova_emu_host_dma(r->gpu, pa, &put_le, sizeof(put_le), false))
		goto fault;
	put = le64_to_cpu(put_le);
	if (put > (LIBOS_LOG_SIZE - base) / 8 - ARRAY_SIZE(rec))
		put = 0;	/* full: start over */
	if (nova_emu_host_dma(r->gpu, pa + base + put * 8, rec, sizeof(rec),
			      true))
		goto fault;
	put_le = cpu_to_le64(put + ARRAY_SIZE(rec));
	if (nova_emu_host_dma(r->gpu, pa, &put_le, sizeof(put_le), true))
		goto fault;
	return 0;
fault:
	dev_err(r->dev, "GSP-RM: LOGINIT at 0x%llx is not writable\n", pa);
	return -EINVAL;
}

/**
 * nova_emu_gsp_start_job() - GSP-RM starts on the GSP's RISC-V core
 * @job: &nova_emu_gsp.start
 *
 * Reads the libos arguments at the bus address in the GSP's MAILBOX0/1
 * (booter_load's start) or that GSP-FMC took from GSP_FMC_BOOT_PARAMS
 * (Hopper and Blackwell) and checks them; then GSP-RM runs (its RISC-V
 * core reads as active) and writes its first LOGINIT record, or it
 * crashes: halts before its core ever reads as active, the violation
 * counted in gsp_errors. Started by GSP-FMC, GSP-RM running releases the
 * GSP's lockdown and clears MAILBOX0/1; crashing, it releases it with
 * %NOVA_EMU_FMC_ERR_RM in MAILBOX0. What stopped GSP-RM meanwhile
 * (FWSEC-SB, booter_unload, a power-on) makes the job drop its outcome.
 */
static void nova_emu_gsp_start_job(struct nova_emu_job *job)
{
	struct nova_emu_gpu *gpu = job->gpu;
	struct nova_emu_gsp *gsp = &gpu->gsp;
	struct nova_emu_falcon *f = &gpu->falcon[NOVA_EMU_FALCON_GSP];
	struct emu_rm *r;
	unsigned long flags;
	u64 libos;
	bool live;
	u32 gen;
	int ret;

	spin_lock_irqsave(&gpu->lock, flags);
	gen = gsp->start_gen;
	live = gen == gsp->gen && gsp->state == NOVA_EMU_GSP_STARTING;
	libos = (u64)f->mailbox[1] << 32 | f->mailbox[0];
	if (gsp->fmc_boot)
		libos = gsp->fmc_libos;
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (!live)
		return;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	ret = -ENOMEM;
	if (r) {
		r->gpu = gpu;
		r->dev = &gpu->pdev->dev;
		r->pte = gsp->shm_pte;
		ret = emu_rm_libos(r, libos);
		if (!ret)
			ret = emu_rm_log(r, EMU_LIBOS_LOGINIT);
		if (!ret)
			ret = emu_rm_log(r, EMU_LIBOS_LOGINTR);
		if (!ret)
			ret = emu_rm_log(r, EMU_LIBOS_LOGRM);
		if (!ret)
			ret = emu_rm_queues(r);
		if (!ret)
			ret = emu_rm_log_write(r);
	}

	spin_lock_irqsave(&gpu->lock, flags);
	if (gen == gsp->gen && gsp->state == NOVA_EMU_GSP_STARTING) {
		if (ret) {
			gsp->state = NOVA_EMU_GSP_CRASHED;
			gsp->errors++;
			if (gsp->fmc_boot)
				nova_emu_fmc_release(gpu, NOVA_EMU_FMC_ERR_RM);
		} else {
			if (gsp->fmc_boot)
				nova_emu_fmc_release(gpu, 0);
			gsp->state = NOVA_EMU_GSP_RUNNING;
			gsp->libos = libos;
			gsp->shm = r->shm;
			gsp->shm_pages = r->shm_pages;
			gsp->cmdq = r->cmdq;
			gsp->statq = r->statq;
			gsp->loginit = r->pa[EMU_LIBOS_LOGINIT];
			/* GSP-RM takes over its queues (rm.c). */
			nova_emu_rm_start(gpu);
		}
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (ret)
		dev_err(&gpu->pdev->dev, "GSP-RM: crashed at its start: its RISC-V core halted\n");
	kfree(r);
}

/**
 * nova_emu_gsp_init() - set up the GSP-RM model of a new GPU
 * @gpu: the emulated GPU
 *
 * Return: 0, or -ENOMEM.
 */
int nova_emu_gsp_init(struct nova_emu_gpu *gpu)
{
	gpu->gsp.shm_pte = kcalloc(NOVA_EMU_GSP_SHM_MAX_PAGES, sizeof(u64),
				   GFP_KERNEL);
	if (!gpu->gsp.shm_pte)
		return -ENOMEM;
	if (nova_emu_rm_init(gpu)) {
		kfree(gpu->gsp.shm_pte);
		gpu->gsp.shm_pte = NULL;
		return -ENOMEM;
	}
	nova_emu_host_job_init(&gpu->gsp.start, gpu, nova_emu_gsp_start_job);
	nova_emu_fmc_init(gpu);
	return 0;
}

/**
 * nova_emu_gsp_free() - free the GSP-RM model of a GPU going away
 * @gpu: the emulated GPU, its jobs cancelled
 */
void nova_emu_gsp_free(struct nova_emu_gpu *gpu)
{
	nova_emu_rm_free(gpu);
	kfree(gpu->gsp.shm_pte);
	gpu->gsp.shm_pte = NULL;
}

/**
 * nova_emu_gsp_power_on() - GSP-RM's power-on state: off
 * @gpu: the emulated GPU, its lock held
 *
 * A pending start job is cancelled (a running one drops its outcome), and
 * so is GSP-FMC; the counter of violations is kept.
 */
void nova_emu_gsp_power_on(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	gpu->gsp.gen++;
	nova_emu_host_job_cancel(&gpu->gsp.start);
	nova_emu_host_job_cancel(&gpu->gsp.rm.job);
	nova_emu_fmc_power_on(gpu);
	gpu->gsp.registry[0] = '\0';
	gpu->gsp.state = NOVA_EMU_GSP_OFF;
	gpu->gsp.boot_stage = 0;
	gpu->gsp.libos = 0;
	gpu->gsp.shm = 0;
	gpu->gsp.shm_pages = 0;
	gpu->gsp.cmdq = 0;
	gpu->gsp.statq = 0;
	gpu->gsp.loginit = 0;
}

/**
 * nova_emu_gsp_cancel() - stop GSP-RM's jobs for good
 * @gpu: the emulated GPU going away
 *
 * Sleeps until a running job has returned.
 */
void nova_emu_gsp_cancel(struct nova_emu_gpu *gpu)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	gpu->gsp.gen++;
	spin_unlock_irqrestore(&gpu->lock, flags);
	nova_emu_host_job_kill(&gpu->gsp.fmc_job);
	nova_emu_host_job_kill(&gpu->gsp.start);
	nova_emu_host_job_kill(&gpu->gsp.rm.job);
}

/**
 * nova_emu_gsp_flush() - let GSP-FMC's and GSP-RM's pending jobs run
 * @gpu: the emulated GPU
 *
 * Sleeps.
 */
void nova_emu_gsp_flush(struct nova_emu_gpu *gpu)
{
	nova_emu_host_job_flush(&gpu->gsp.fmc_job);
	nova_emu_host_job_flush(&gpu->gsp.start);
	nova_emu_host_job_flush(&gpu->gsp.rm.job);
}

/**
 * nova_emu_gsp_state_name() - GSP-RM's state in a word (emu/gsp)
 * @state: the state
 *
 * Return: "off", "starting", "running", "crashed", "stalled", "stopped",
 * "unloaded", "suspended" or "down".
 */
const char *nova_emu_gsp_state_name(enum nova_emu_gsp_state state)
{
	static const char *const names[] = {
		[NOVA_EMU_GSP_OFF] = "off",
		[NOVA_EMU_GSP_STARTING] = "starting",
		[NOVA_EMU_GSP_RUNNING] = "running",
		[NOVA_EMU_GSP_CRASHED] = "crashed",
		[NOVA_EMU_GSP_STALLED] = "stalled",
		[NOVA_EMU_GSP_STOPPED] = "stopped",
		[NOVA_EMU_GSP_UNLOADED] = "unloaded",
		[NOVA_EMU_GSP_SUSPENDED] = "suspended",
		[NOVA_EMU_GSP_DOWN] = "down",
	};

	return state < ARRAY_SIZE(names) ? names[state] : "?";
}

/**
 * nova_emu_gsp_riscv_active() - whether the GSP's RISC-V core is active
 * @gpu: the emulated GPU, its lock held
 *
 * Return: true while GSP-RM runs.
 */
bool nova_emu_gsp_riscv_active(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	return gpu->gsp.state == NOVA_EMU_GSP_RUNNING;
}

/**
 * nova_emu_gsp_riscv_halted() - whether the GSP's RISC-V core halted
 * @gpu: the emulated GPU, its lock held
 *
 * Booted by booter_load (Turing to Ada), the core halts only when GSP-RM
 * crashes. On Hopper and Blackwell it is halted unless GSP-FMC or GSP-RM
 * runs on it: at power-on, after GSP-FMC failed, once GSP-RM unloaded or
 * crashed.
 *
 * Return: true while halted.
 */
bool nova_emu_gsp_riscv_halted(struct nova_emu_gpu *gpu)
{
	enum nova_emu_gsp_state state = gpu->gsp.state;

	lockdep_assert_held(&gpu->lock);
	if (gpu->cfg.fsp_family == NOVA_EMU_FSP_NONE)
		return state == NOVA_EMU_GSP_CRASHED;
	return !nova_emu_fmc_busy(gpu) && state != NOVA_EMU_GSP_STARTING &&
	       state != NOVA_EMU_GSP_RUNNING;
}
