// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the chain of trust of Hopper and Blackwell: the FSP's checks
 * of a COT message, and GSP-FMC, which boots GSP-RM.
 *
 * On these chips no driver-run ucode boots GSP-RM (no FWSEC, no booter):
 * the driver sends the FSP one COT message (fsp.c frames it) naming the
 * GSP-FMC image, its hash, public key and signature, the FRTS region and
 * the GSP_FMC_BOOT_PARAMS, which point at GspFwWprMeta and at the libos
 * arguments. The FSP checks the image, GSP-FMC boots on the GSP's RISC-V
 * core, its ACR checks GspFwWprMeta, picks the FB layout itself, sets
 * WPR2 and starts GSP-RM. The emulator does every check before the FSP
 * answers, so a bad COT is answered with an errorCode, one log line saying
 * which field and why:
 *
 * - the COT: version (1 GH100, 2 GB10x/GB20x), size 860, no FRTS in
 *   system memory, frtsVidmemOffset/Size those of a first boot (a resume,
 *   0/0, is not modelled: NOT_SUPPORTED), hash, public key and signature
 *   the sections of the chip's fmc-570.144.bin (loaded by the emulator
 *   itself, as booter_load loads gsp-570.144.bin), the rest of each
 *   384-byte field 0, and the image at gspFmcSysmemOffset its "image"
 *   section, byte for byte, through nova_emu_host_dma();
 * - GSP_FMC_BOOT_PARAMS at gspBootArgsSysmemOffset: bootGspRmParams
 *   (target COHERENT_SYSTEM, gspRmDescSize 256, no WPR carveout,
 *   bIsGspRmBoot), gspRmParams (target NONCOHERENT_SYSTEM, the libos
 *   arguments' address), gspSpdmParams 0;
 * - GspFwWprMeta at gspRmDescOffset as booter_load checks it (boot.c:
 *   magic, radix3 and GSP image, bootloader, signature of the family's
 *   .fwsignature_gh100/_gb10x/_gb20x), then the rules of Hopper and
 *   Blackwell: every FB offset 0 (the ACR picks them), frtsSize 1 MiB,
 *   vgaWorkspaceSize 128 KiB, the family's nonWprHeapSize and
 *   pmuReservedSize, gspFwHeapSize within 88 to 280 MiB.
 *
 * From the COT's acceptance the GSP is GSP-FMC's: its registers read
 * %NOVA_EMU_PRIV_MASKED until GSP-FMC picks the COT up (the PRIV target
 * mask, "masked"), then its HWCFG2 bit 13 (RISCV_BR_PRIV_LOCKDOWN) reads 1
 * and its MAILBOX0/1 hold the boot parameters' address ("locked") until
 * GSP-RM runs, which clears both. GSP-FMC's job, %EMU_FMC_DELAY_NS after
 * the acceptance, lays out the top of VRAM (top down: the FSP's reserve,
 * frtsVidmemOffset bytes; FRTS, 1 MiB; the bootloader, 4 KiB aligned; the
 * GSP image, 64 KiB aligned; the WPR heap, 1 MiB aligned; WPR2 starts 1
 * MiB aligned below it and ends with FRTS; the non-WPR heap right below
 * WPR2), sets WPR2 and starts GSP-RM, which checks its libos arguments
 * %EMU_FMC_RM_DELAY_NS later (boot.c's start job) and reports the
 * layout's non-WPR heap and FRTS offsets in GET_GSP_STATIC_INFO.
 *
 * Layouts (NVIDIA's r570.144, written here as literal offsets):
 *
 * NVDM_PAYLOAD_COT, packed, 860 bytes: 0 u16 version, 2 u16 size, 4 u64
 * gspFmcSysmemOffset, 12 u64 frtsSysmemOffset, 20 u32 frtsSysmemSize, 24
 * u64 frtsVidmemOffset, 32 u32 frtsVidmemSize, 36 hash384[48], 84
 * publicKey[384], 468 signature[384], 852 u64 gspBootArgsSysmemOffset.
 *
 * GSP_FMC_BOOT_PARAMS, 80 bytes: 0 u32 initParams.regkeys; 8
 * bootGspRmParams {8 u32 target, 12 u32 gspRmDescSize, 16 u64
 * gspRmDescOffset, 24 u64 wprCarveoutOffset, 32 u32 wprCarveoutSize, 36 u8
 * bIsGspRmBoot}; 40 gspRmParams {40 u32 target, 48 u64 bootArgsOffset};
 * 56 gspSpdmParams {56 u32 target, 64 u64 payloadBufferOffset, 72 u32
 * payloadBufferSize}.
 *
 * Lock rules: the COT's checks run on the FSP's job without the GPU's
 * lock, which they take to look at and to change the GPU's state;
 * GSP-FMC's job likewise.
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

#define EMU_FMC_FILE		"fmc-570.144.bin"

/* NVDM_PAYLOAD_COT. */
#define COT_LEN			860
#define COT_VERSION		0
#define COT_SIZE		2
#define COT_FMC			4
#define COT_FRTS_SYSMEM		12
#define COT_FRTS_SYSMEM_SIZE	20
#define COT_FRTS_VIDMEM		24
#define COT_FRTS_VIDMEM_SIZE	32
#define COT_HASH		36
#define COT_PKEY		84
#define COT_SIG			468
#define COT_BOOT_ARGS		852
#define COT_HASH_LEN		48
#define COT_KEY_LEN		384

/* GSP_FMC_BOOT_PARAMS. */
#define ARGS_LEN		80
#define ARGS_ACR_TARGET		8
#define ARGS_ACR_DESC_SIZE	12
#define ARGS_ACR_DESC		16
#define ARGS_ACR_WPR_OFFSET	24
#define ARGS_ACR_WPR_SIZE	32
#define ARGS_ACR_RM_BOOT	36
#define ARGS_RM_TARGET		40
#define ARGS_RM_BOOT_ARGS	48
#define ARGS_SPDM_TARGET	56
#define ARGS_SPDM_BUF		64
#define ARGS_SPDM_SIZE		72
#define TARGET_COHERENT_SYSTEM	1
#define TARGET_NONCOHERENT_SYSTEM 2

/* The sizes of Hopper's and Blackwell's FB layout. */
#define EMU_FMC_FRTS_SIZE	SZ_1M
#define EMU_FMC_VGA_SIZE	(128 * SZ_1K)
#define EMU_FMC_HEAP_MIN	(88ULL * SZ_1M)
#define EMU_FMC_HEAP_MAX	(280ULL * SZ_1M)
/*
 * A vGPU host's heap (r570.144): its VF partitions (at most
 * MAX_PARTITIONS_WITH_GFID) and GSP_FW_HEAP_SIZE_VGPU_DEFAULT up to the
 * largest a registry key may ask for.
 */
#define EMU_FMC_VF_MAX		32
#define EMU_FMC_HEAP_VGPU_MIN	(581ULL * SZ_1M)
#define EMU_FMC_HEAP_VGPU_MAX	(1040ULL * SZ_1M)
#define EMU_FMC_BOOT_ALIGN	SZ_4K
#define EMU_FMC_FW_ALIGN	SZ_64K
#define EMU_FMC_HEAP_ALIGN	SZ_1M

/* WPR2's registers: bits 31:4 an address >> 12. */
#define EMU_WPR2_ADDR		GENMASK(31, 4)

/* How long GSP-FMC takes to pick the COT up, and then to start GSP-RM. */
#define EMU_FMC_DELAY_NS	(1 * NSEC_PER_MSEC)
#define EMU_FMC_RM_DELAY_NS	(1 * NSEC_PER_MSEC)

/**
 * struct emu_fmc_family - what the FSP and GSP-FMC of a chip family expect
 * @sig: the GSP image's signature section in gsp-570.144.bin.
 * @version: the COT's version.
 * @pkey_len: the public key's length in fmc-570.144.bin and the COT.
 * @sig_len: the signature's length, likewise.
 * @frts_end: frtsVidmemOffset of a first boot: where FRTS ends, below the
 *	end of VRAM (the FB-end reserve and the PMU's, 2 MiB aligned).
 * @nonwpr_size: nonWprHeapSize.
 * @pmu_rsvd: pmuReservedSize.
 */
struct emu_fmc_family {
	const char *sig;
	u16 version;
	u32 pkey_len;
	u32 sig_len;
	u64 frts_end;
	u64 nonwpr_size;
	u32 pmu_rsvd;
};

static const struct emu_fmc_family emu_fmc_families[] = {
	[NOVA_EMU_FSP_GH100] = {
		".fwsignature_gh100", 1, 384, 384, 0x200000, 0x200000, 0,
	},
	[NOVA_EMU_FSP_GB10X] = {
		".fwsignature_gb10x", 2, 97, 96, 0x1c00000, 0x200000, 0x1820000,
	},
	[NOVA_EMU_FSP_GB20X] = {
		".fwsignature_gb20x", 2, 97, 96, 0x1c00000, 0x220000, 0x1820000,
	},
};

/**
 * struct emu_cot - what one COT's checks work with
 * @gpu: the emulated GPU.
 * @dev: the device to log on and to load firmware for.
 * @fam: the chip family's expectations.
 * @fmc: the chip's fmc-570.144.bin, loaded by the emulator.
 * @args: GSP_FMC_BOOT_PARAMS as read.
 * @meta: GspFwWprMeta as read.
 * @page: a 4 KiB bounce buffer for DMA reads.
 */
struct emu_cot {
	struct nova_emu_gpu *gpu;
	struct device *dev;
	const struct emu_fmc_family *fam;
	const struct firmware *fmc;
	u8 args[ARGS_LEN];
	u8 meta[NOVA_EMU_META_LEN];
	u8 page[SZ_4K];
};

/**
 * emu_cot_dma_cmp() - compare the driver's memory with the emulator's bytes
 * @c: the run (its @page is the bounce buffer)
 * @addr: bus address of the driver's copy
 * @want: what it must hold
 * @len: how many bytes
 *
 * Return: 0 if equal; 1 if they differ; -EFAULT if not readable.
 */
static int emu_cot_dma_cmp(struct emu_cot *c, u64 addr, const u8 *want,
			   size_t len)
{
	size_t off, n;

	for (off = 0; off < len; off += n) {
		n = min_t(size_t, len - off, sizeof(c->page));
		if (addr + off < addr ||
		    nova_emu_host_dma(c->gpu, addr + off, c->page, n, false))
			return -EFAULT;
		if (memcmp(c->page, want + off, n))
			return 1;
	}
	return 0;
}

/**
 * emu_cot_blob() - check one of the hash, the public key and the signature
 * @c: the run
 * @field: the COT's field (its first byte)
 * @field_len: the field's length
 * @name: the fmc file's section
 * @len: the length the family expects of it
 *
 * The section's bytes first, zeroes after them.
 *
 * Return: 0, or an FSP error code (logged).
 */
static u32 emu_cot_blob(struct emu_cot *c, const u8 *field, size_t field_len,
			const char *name, size_t len)
{
	size_t off, size, i;
	int ret;

	ret = nova_emu_elf32_section(c->fmc->data, c->fmc->size, name, &off,
				     &size);
	if (ret || size != len) {
		dev_err(c->dev, "FSP: COT: the emulator's %s has no %zu-byte section %s (%d, %zu bytes)\n",
			EMU_FMC_FILE, len, name, ret, ret ? 0 : size);
		return NOVA_EMU_FSP_ERR_FILE_NOT_FOUND;
	}
	if (memcmp(field, c->fmc->data + off, len)) {
		dev_err(c->dev, "FSP: COT: its %s differs from the section of %s\n",
			name, EMU_FMC_FILE);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	for (i = len; i < field_len; i++) {
		if (field[i]) {
			dev_err(c->dev, "FSP: COT: its %s field has 0x%02x at byte %zu, past the %zu bytes of the key: must be 0\n",
				name, field[i], i, len);
			return NOVA_EMU_FSP_ERR_INVALID_DATA;
		}
	}
	return NOVA_EMU_FSP_OK;
}

/**
 * emu_cot_fmc() - check the GSP-FMC image and its hash, key and signature
 * @c: the run
 * @cot: the COT payload
 * @chip: the chip's name
 *
 * Return: 0, or an FSP error code (logged).
 */
static u32 emu_cot_fmc(struct emu_cot *c, const u8 *cot, const char *chip)
{
	u64 addr = get_unaligned_le64(cot + COT_FMC);
	size_t off, size;
	char name[64];
	u32 err;
	int ret;

	snprintf(name, sizeof(name), "nvidia/%s/gsp/" EMU_FMC_FILE, chip);
	ret = firmware_request_nowarn(&c->fmc, name, c->dev);
	if (ret) {
		dev_err(c->dev, "FSP: COT: the emulator cannot load %s (%pe)\n",
			name, ERR_PTR(ret));
		return NOVA_EMU_FSP_ERR_FILE_NOT_FOUND;
	}
	err = emu_cot_blob(c, cot + COT_HASH, COT_HASH_LEN, "hash",
			   COT_HASH_LEN);
	if (!err)
		err = emu_cot_blob(c, cot + COT_PKEY, COT_KEY_LEN, "publickey",
				   c->fam->pkey_len);
	if (!err)
		err = emu_cot_blob(c, cot + COT_SIG, COT_KEY_LEN, "signature",
				   c->fam->sig_len);
	if (err)
		return err;

	ret = nova_emu_elf32_section(c->fmc->data, c->fmc->size, "image", &off,
				     &size);
	if (ret || !size) {
		dev_err(c->dev, "FSP: COT: the emulator's %s has no section image (%d)\n",
			EMU_FMC_FILE, ret);
		return NOVA_EMU_FSP_ERR_FILE_NOT_FOUND;
	}
	ret = emu_cot_dma_cmp(c, addr, c->fmc->data + off, size);
	if (ret) {
		dev_err(c->dev, "FSP: COT: the GSP-FMC image at 0x%llx (gspFmcSysmemOffset), %zu bytes, %s its image section\n",
			addr, size, ret < 0 ? "is not readable, expected" :
			"differs from");
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	return NOVA_EMU_FSP_OK;
}

/**
 * emu_cot_args() - check GSP_FMC_BOOT_PARAMS
 * @c: the run
 * @addr: its bus address, the COT's gspBootArgsSysmemOffset
 *
 * Return: 0, or an FSP error code (logged).
 */
static u32 emu_cot_args(struct emu_cot *c, u64 addr)
{
	static const struct {
		const char *name;
		u8 off;
		u8 len;
		u16 want;
	} fields[] = {
		{ "bootGspRmParams.target", ARGS_ACR_TARGET, 4,
		  TARGET_COHERENT_SYSTEM },
		{ "bootGspRmParams.gspRmDescSize", ARGS_ACR_DESC_SIZE, 4,
		  NOVA_EMU_META_LEN },
		{ "bootGspRmParams.wprCarveoutOffset", ARGS_ACR_WPR_OFFSET, 8, 0 },
		{ "bootGspRmParams.wprCarveoutSize", ARGS_ACR_WPR_SIZE, 4, 0 },
		{ "bootGspRmParams.bIsGspRmBoot", ARGS_ACR_RM_BOOT, 1, 1 },
		{ "gspRmParams.target", ARGS_RM_TARGET, 4,
		  TARGET_NONCOHERENT_SYSTEM },
		{ "gspSpdmParams.target", ARGS_SPDM_TARGET, 4, 0 },
		{ "gspSpdmParams.payloadBufferOffset", ARGS_SPDM_BUF, 8, 0 },
		{ "gspSpdmParams.payloadBufferSize", ARGS_SPDM_SIZE, 4, 0 },
	};
	const u8 *a = c->args;
	unsigned int i;
	u64 val;

	if (nova_emu_host_dma(c->gpu, addr, c->args, sizeof(c->args), false)) {
		dev_err(c->dev, "FSP: COT: GSP_FMC_BOOT_PARAMS at 0x%llx (gspBootArgsSysmemOffset) is not readable\n",
			addr);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		const u8 *p = a + fields[i].off;

		val = fields[i].len == 8 ? get_unaligned_le64(p) :
		      fields[i].len == 4 ? get_unaligned_le32(p) : *p;
		if (val != fields[i].want) {
			dev_err(c->dev, "FSP: COT: GSP_FMC_BOOT_PARAMS %s is 0x%llx, expected 0x%x\n",
				fields[i].name, val, fields[i].want);
			return NOVA_EMU_FSP_ERR_INVALID_DATA;
		}
	}
	if (!get_unaligned_le64(a + ARGS_RM_BOOT_ARGS)) {
		dev_err(c->dev, "FSP: COT: GSP_FMC_BOOT_PARAMS gspRmParams.bootArgsOffset is 0: no libos arguments\n");
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	return NOVA_EMU_FSP_OK;
}

/**
 * emu_cot_meta() - check GspFwWprMeta by the rules of Hopper and Blackwell
 * @c: the run, with @meta read and checked by boot.c
 *
 * Return: 0, or an FSP error code (logged).
 */
static u32 emu_cot_meta(struct emu_cot *c)
{
	static const struct {
		unsigned int off;
		const char *name;
	} acr[] = {
		{ NOVA_EMU_META_RSVD_START, "gspFwRsvdStart" },
		{ NOVA_EMU_META_NONWPR_HEAP, "nonWprHeapOffset" },
		{ NOVA_EMU_META_WPR_START, "gspFwWprStart" },
		{ NOVA_EMU_META_HEAP, "gspFwHeapOffset" },
		{ NOVA_EMU_META_FW, "gspFwOffset" },
		{ NOVA_EMU_META_BOOT_BIN, "bootBinOffset" },
		{ NOVA_EMU_META_FRTS, "frtsOffset" },
		{ NOVA_EMU_META_WPR_END, "gspFwWprEnd" },
		{ NOVA_EMU_META_FB_SIZE, "fbSize" },
		{ NOVA_EMU_META_VGA, "vgaWorkspaceOffset" },
	};
	const u8 *m = c->meta;
	u64 heap = get_unaligned_le64(m + NOVA_EMU_META_HEAP_SIZE);
	const char *field = NULL;
	u64 val = 0, want = 0, min, max;
	unsigned int i, vfs;

	for (i = 0; i < ARRAY_SIZE(acr); i++) {
		val = get_unaligned_le64(m + acr[i].off);
		if (val) {
			dev_err(c->dev, "FSP: COT: GspFwWprMeta %s is 0x%llx, expected 0: on Hopper and Blackwell the ACR picks the FB layout\n",
				acr[i].name, val);
			return NOVA_EMU_FSP_ERR_INVALID_DATA;
		}
	}
	if (get_unaligned_le64(m + NOVA_EMU_META_FRTS_SIZE) != EMU_FMC_FRTS_SIZE) {
		field = "frtsSize";
		val = get_unaligned_le64(m + NOVA_EMU_META_FRTS_SIZE);
		want = EMU_FMC_FRTS_SIZE;
	} else if (get_unaligned_le64(m + NOVA_EMU_META_VGA_SIZE) != EMU_FMC_VGA_SIZE) {
		field = "vgaWorkspaceSize";
		val = get_unaligned_le64(m + NOVA_EMU_META_VGA_SIZE);
		want = EMU_FMC_VGA_SIZE;
	} else if (get_unaligned_le64(m + NOVA_EMU_META_NONWPR_HEAP_SIZE) !=
		   c->fam->nonwpr_size) {
		field = "nonWprHeapSize";
		val = get_unaligned_le64(m + NOVA_EMU_META_NONWPR_HEAP_SIZE);
		want = c->fam->nonwpr_size;
	} else if (get_unaligned_le32(m + NOVA_EMU_META_PMU_RSVD) != c->fam->pmu_rsvd) {
		field = "pmuReservedSize";
		val = get_unaligned_le32(m + NOVA_EMU_META_PMU_RSVD);
		want = c->fam->pmu_rsvd;
	}
	if (field) {
		dev_err(c->dev, "FSP: COT: GspFwWprMeta %s is 0x%llx, expected 0x%llx\n",
			field, val, want);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	vfs = m[NOVA_EMU_META_VF_PARTITIONS];
	if (vfs > EMU_FMC_VF_MAX) {
		dev_err(c->dev, "FSP: COT: GspFwWprMeta gspFwHeapVfPartitionCount is %u, at most %u\n",
			vfs, EMU_FMC_VF_MAX);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	min = vfs ? EMU_FMC_HEAP_VGPU_MIN : EMU_FMC_HEAP_MIN;
	max = vfs ? EMU_FMC_HEAP_VGPU_MAX : EMU_FMC_HEAP_MAX;
	if (heap < min || heap > max) {
		dev_err(c->dev, "FSP: COT: GspFwWprMeta gspFwHeapSize is 0x%llx, expected 0x%llx to 0x%llx with %u VF partitions\n",
			heap, min, max, vfs);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	if (vfs)
		dev_info(c->dev, "FSP: COT: a vGPU host's heap: %llu MiB in %u VF partitions\n",
			 heap >> 20, vfs);
	return NOVA_EMU_FSP_OK;
}

/**
 * emu_fmc_state_ok() - whether the GSP may be booted now
 * @gpu: the emulated GPU, its lock held
 *
 * Return: true if neither GSP-FMC nor GSP-RM runs and WPR2 is down.
 */
static bool emu_fmc_state_ok(struct nova_emu_gpu *gpu)
{
	enum nova_emu_gsp_state state = gpu->gsp.state;

	lockdep_assert_held(&gpu->lock);
	return !nova_emu_fmc_busy(gpu) && !gpu->wpr2_hi &&
	       state != NOVA_EMU_GSP_STARTING && state != NOVA_EMU_GSP_RUNNING &&
	       state != NOVA_EMU_GSP_STALLED && state != NOVA_EMU_GSP_SUSPENDED;
}

/**
 * emu_cot_header() - the COT's own fields, before any file or DMA
 * @gpu: the emulated GPU
 * @fam: its family's expectations
 * @cot: the payload, %COT_LEN bytes
 *
 * Return: 0, or an FSP error code (logged).
 */
static u32 emu_cot_header(struct nova_emu_gpu *gpu,
			  const struct emu_fmc_family *fam, const u8 *cot)
{
	struct device *dev = &gpu->pdev->dev;
	u64 frts = get_unaligned_le64(cot + COT_FRTS_VIDMEM);
	u32 frts_size = get_unaligned_le32(cot + COT_FRTS_VIDMEM_SIZE);

	if (get_unaligned_le16(cot + COT_VERSION) != fam->version ||
	    get_unaligned_le16(cot + COT_SIZE) != COT_LEN) {
		dev_err(dev, "FSP: COT: version %u size %u, expected version %u size %u\n",
			get_unaligned_le16(cot + COT_VERSION),
			get_unaligned_le16(cot + COT_SIZE), fam->version,
			COT_LEN);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	if (get_unaligned_le64(cot + COT_FRTS_SYSMEM) ||
	    get_unaligned_le32(cot + COT_FRTS_SYSMEM_SIZE)) {
		dev_err(dev, "FSP: COT: frtsSysmemOffset 0x%llx frtsSysmemSize 0x%x: FRTS in system memory is not modelled, expected 0 and 0\n",
			get_unaligned_le64(cot + COT_FRTS_SYSMEM),
			get_unaligned_le32(cot + COT_FRTS_SYSMEM_SIZE));
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	if (!frts && !frts_size) {
		dev_err(dev, "FSP: COT: frtsVidmemOffset and frtsVidmemSize 0: a resume, which the emulator does not model\n");
		return NOVA_EMU_FSP_ERR_NOT_SUPPORTED;
	}
	if (frts != fam->frts_end || frts_size != EMU_FMC_FRTS_SIZE) {
		dev_err(dev, "FSP: COT: frtsVidmemOffset 0x%llx frtsVidmemSize 0x%x, expected 0x%llx 0x%x (a first boot) or 0 0 (a resume)\n",
			frts, frts_size, fam->frts_end, EMU_FMC_FRTS_SIZE);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	return NOVA_EMU_FSP_OK;
}

/**
 * emu_cot_check() - every check of a COT and of what it points at
 * @c: the run
 * @cot: the payload, %COT_LEN bytes
 * @chip: the chip's name
 *
 * Return: 0, or an FSP error code (logged).
 */
static u32 emu_cot_check(struct emu_cot *c, const u8 *cot, const char *chip)
{
	u64 args = get_unaligned_le64(cot + COT_BOOT_ARGS);
	u32 err;

	err = emu_cot_header(c->gpu, c->fam, cot);
	if (!err)
		err = emu_cot_fmc(c, cot, chip);
	if (!err)
		err = emu_cot_args(c, args);
	if (err)
		return err;

	switch (nova_emu_gsp_meta_check(c->gpu, "FSP: COT",
					get_unaligned_le64(c->args + ARGS_ACR_DESC),
					chip, c->fam->sig, c->meta)) {
	case 0:
		break;
	case NOVA_EMU_MBOX_BOOTER_FW:
		return NOVA_EMU_FSP_ERR_FILE_NOT_FOUND;
	default:
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	return emu_cot_meta(c);
}

/**
 * nova_emu_fmc_cot() - the FSP checks a COT message and boots GSP-FMC
 * @gpu: the emulated GPU, its lock not held
 * @cot: the message's payload (after its MCTP and NVDM headers)
 * @len: its length
 * @boot: boot GSP-FMC if the COT is good (else only check it)
 *
 * Runs on the FSP's job. Sleeps (DMA, firmware loads). A COT the GSP
 * cannot take now (GSP-FMC or GSP-RM running, or WPR2 up) is refused with
 * FSP_ERR_IFS_ERR_INVALID_STATE.
 *
 * Return: the errorCode of the FSP's answer: 0, or one of
 * NOVA_EMU_FSP_ERR_* (logged).
 */
u32 nova_emu_fmc_cot(struct nova_emu_gpu *gpu, const u8 *cot, size_t len,
		     bool boot)
{
	struct device *dev = &gpu->pdev->dev;
	struct nova_emu_gsp *gsp = &gpu->gsp;
	const struct nova_emu_chip *chip = nova_emu_chip_of(gpu);
	enum nova_emu_fsp_family family = gpu->cfg.fsp_family;
	enum nova_emu_gsp_state state;
	enum nova_emu_fmc_state fmc;
	struct emu_cot *c;
	unsigned long flags;
	u32 err, gen, wpr2;
	bool ok;

	if (len != COT_LEN) {
		dev_err(dev, "FSP: COT: a payload of %zu bytes, NVDM_PAYLOAD_COT is %u\n",
			len, COT_LEN);
		return NOVA_EMU_FSP_ERR_INVALID_DATA;
	}
	if (!chip || family == NOVA_EMU_FSP_NONE ||
	    family >= ARRAY_SIZE(emu_fmc_families)) {
		dev_err(dev, "FSP: COT: this GPU's identification names no chip with an FSP\n");
		return NOVA_EMU_FSP_ERR_NOT_SUPPORTED;
	}

	spin_lock_irqsave(&gpu->lock, flags);
	ok = emu_fmc_state_ok(gpu);
	gen = gsp->gen;
	fmc = gsp->fmc;
	state = gsp->state;
	wpr2 = gpu->wpr2_hi;
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (!ok) {
		dev_err(dev, "FSP: COT: the GSP is busy (GSP-FMC %s, GSP-RM %s, WPR2 %s): reset the GPU or unload GSP-RM first\n",
			nova_emu_fmc_state_name(fmc),
			nova_emu_gsp_state_name(state), wpr2 ? "up" : "down");
		return NOVA_EMU_FSP_ERR_INVALID_STATE;
	}

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return NOVA_EMU_FSP_ERR_INVALID_STATE;
	c->gpu = gpu;
	c->dev = dev;
	c->fam = &emu_fmc_families[family];
	err = emu_cot_check(c, cot, chip->name);
	release_firmware(c->fmc);
	if (err || !boot)
		goto out;

	spin_lock_irqsave(&gpu->lock, flags);
	if (gen != gsp->gen || !emu_fmc_state_ok(gpu)) {
		err = NOVA_EMU_FSP_ERR_INVALID_STATE;
	} else {
		u64 args = get_unaligned_le64(cot + COT_BOOT_ARGS);
		struct nova_emu_falcon *f = &gpu->falcon[NOVA_EMU_FALCON_GSP];

		gsp->fmc = NOVA_EMU_FMC_MASKED;
		gsp->fmc_boot = true;
		gsp->fmc_args = args;
		gsp->fmc_libos = get_unaligned_le64(c->args + ARGS_RM_BOOT_ARGS);
		gsp->fmc_fw_size = get_unaligned_le64(c->meta + NOVA_EMU_META_RADIX3_SIZE);
		gsp->fmc_bl_size = get_unaligned_le64(c->meta + NOVA_EMU_META_BL_SIZE);
		gsp->fmc_heap_size = get_unaligned_le64(c->meta + NOVA_EMU_META_HEAP_SIZE);
		gsp->fmc_nonwpr_size =
			get_unaligned_le64(c->meta + NOVA_EMU_META_NONWPR_HEAP_SIZE);
		gsp->fmc_frts_end = get_unaligned_le64(cot + COT_FRTS_VIDMEM);
		gsp->fmc_nonwpr_offset = 0;
		gsp->fmc_frts_offset = 0;
		f->mailbox[0] = lower_32_bits(args);
		f->mailbox[1] = upper_32_bits(args);
		gsp->fmc_gen = gsp->gen;
		nova_emu_host_job_queue(&gsp->fmc_job, EMU_FMC_DELAY_NS);
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (err)
		dev_err(dev, "FSP: COT: the GPU was reset or the GSP taken meanwhile\n");
	else
		dev_info(dev, "FSP: COT accepted: GSP-FMC boots\n");
out:
	kfree(c);
	return err;
}

/**
 * emu_fmc_layout() - GSP-FMC picks the FB layout
 * @gpu: the emulated GPU, its lock held, GSP-FMC locked
 * @wpr_start: set to WPR2's first byte
 * @wpr_end: set to its end (exclusive)
 *
 * Sets &nova_emu_gsp.fmc_nonwpr_offset and &nova_emu_gsp.fmc_frts_offset.
 *
 * Return: true if the layout fits VRAM.
 */
static bool emu_fmc_layout(struct nova_emu_gpu *gpu, u64 *wpr_start,
			   u64 *wpr_end)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	u64 fb = gpu->cfg.fb_size, need, frts, boot, fw, heap, wpr;

	need = gsp->fmc_frts_end + EMU_FMC_FRTS_SIZE + gsp->fmc_bl_size +
	       EMU_FMC_BOOT_ALIGN + gsp->fmc_fw_size + EMU_FMC_FW_ALIGN +
	       gsp->fmc_heap_size + 2 * EMU_FMC_HEAP_ALIGN +
	       gsp->fmc_nonwpr_size;
	/* Each term is bounded by the COT's checks: no sum wraps. */
	if (need >= fb)
		return false;
	frts = fb - gsp->fmc_frts_end - EMU_FMC_FRTS_SIZE;
	boot = ALIGN_DOWN(frts - gsp->fmc_bl_size, EMU_FMC_BOOT_ALIGN);
	fw = ALIGN_DOWN(boot - gsp->fmc_fw_size, EMU_FMC_FW_ALIGN);
	heap = ALIGN_DOWN(fw - gsp->fmc_heap_size, EMU_FMC_HEAP_ALIGN);
	wpr = ALIGN_DOWN(heap - NOVA_EMU_META_LEN, EMU_FMC_HEAP_ALIGN);
	*wpr_start = wpr;
	*wpr_end = frts + EMU_FMC_FRTS_SIZE;
	gsp->fmc_nonwpr_offset = wpr - gsp->fmc_nonwpr_size;
	gsp->fmc_frts_offset = frts;
	return true;
}

/**
 * nova_emu_fmc_job() - GSP-FMC picks the COT up and starts GSP-RM
 * @job: &nova_emu_gsp.fmc_job
 *
 * The PRIV target mask goes: the GSP's registers read again, in lockdown.
 * Then, as fsp= says: GSP-FMC lays out the top of VRAM, sets WPR2 and
 * starts GSP-RM (the lockdown lasts until GSP-RM runs); or it stays in
 * lockdown (fsp=lockdown); or it fails (fsp=fmcfail, or no layout fits):
 * its error code in MAILBOX0, the lockdown released, its core halted. A
 * power-on meanwhile makes it do nothing.
 */
static void nova_emu_fmc_job(struct nova_emu_job *job)
{
	struct nova_emu_gpu *gpu = job->gpu;
	struct nova_emu_gsp *gsp = &gpu->gsp;
	struct device *dev = &gpu->pdev->dev;
	u64 start = 0, end = 0;
	unsigned long flags;
	u32 err = 0;
	bool live;

	spin_lock_irqsave(&gpu->lock, flags);
	live = gsp->fmc_gen == gsp->gen && gsp->fmc == NOVA_EMU_FMC_MASKED;
	if (live) {
		gsp->fmc = NOVA_EMU_FMC_LOCKED;
		if (gpu->cfg.fsp == NOVA_EMU_FSP_FMCFAIL)
			err = NOVA_EMU_FMC_ERR_KNOB;
		else if (gpu->cfg.fsp != NOVA_EMU_FSP_LOCKDOWN &&
			 !emu_fmc_layout(gpu, &start, &end))
			err = NOVA_EMU_FMC_ERR_LAYOUT;
		if (err) {
			nova_emu_fmc_release(gpu, err);
		} else if (gpu->cfg.fsp != NOVA_EMU_FSP_LOCKDOWN) {
			gpu->wpr2_lo = FIELD_PREP(EMU_WPR2_ADDR, start >> 12);
			gpu->wpr2_hi = FIELD_PREP(EMU_WPR2_ADDR, (end >> 12) - 1);
			nova_emu_gsp_start(gpu, EMU_FMC_RM_DELAY_NS);
		}
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (!live)
		return;
	if (err == NOVA_EMU_FMC_ERR_KNOB)
		dev_info(dev, "GSP-FMC: fails, as fsp=fmcfail says (MAILBOX0 0x%x)\n",
			 err);
	else if (err)
		dev_err(dev, "GSP-FMC: no FB layout fits %llu MiB of VRAM (MAILBOX0 0x%x)\n",
			gpu->cfg.fb_size >> 20, err);
	else if (gpu->cfg.fsp == NOVA_EMU_FSP_LOCKDOWN)
		dev_info(dev, "GSP-FMC: stays in lockdown, as fsp=lockdown says\n");
	else
		dev_info(dev, "GSP-FMC: WPR2 0x%llx-0x%llx, FRTS at 0x%llx, non-WPR heap at 0x%llx: GSP-RM starts\n",
			 start, end, gsp->fmc_frts_offset, gsp->fmc_nonwpr_offset);
}

/**
 * nova_emu_fmc_init() - set up GSP-FMC's job of a new GPU
 * @gpu: the emulated GPU
 */
void nova_emu_fmc_init(struct nova_emu_gpu *gpu)
{
	nova_emu_host_job_init(&gpu->gsp.fmc_job, gpu, nova_emu_fmc_job);
}

/**
 * nova_emu_fmc_power_on() - GSP-FMC's power-on state: not booting
 * @gpu: the emulated GPU, its lock held, its GSP generation bumped
 */
void nova_emu_fmc_power_on(struct nova_emu_gpu *gpu)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;

	lockdep_assert_held(&gpu->lock);
	nova_emu_host_job_cancel(&gsp->fmc_job);
	gsp->fmc = NOVA_EMU_FMC_OFF;
	gsp->fmc_boot = false;
	gsp->fmc_args = 0;
	gsp->fmc_libos = 0;
	gsp->fmc_nonwpr_offset = 0;
	gsp->fmc_frts_offset = 0;
}

/**
 * nova_emu_fmc_priv_masked() - whether the GSP's registers are the FSP's
 * @gpu: the emulated GPU, its lock held
 *
 * Return: true from a COT's acceptance until GSP-FMC picks it up: the
 * GSP's registers read %NOVA_EMU_PRIV_MASKED and take no writes.
 */
bool nova_emu_fmc_priv_masked(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	return gpu->gsp.fmc == NOVA_EMU_FMC_MASKED;
}

/**
 * nova_emu_fmc_lockdown() - whether the GSP is in lockdown
 * @gpu: the emulated GPU, its lock held
 *
 * Return: true from a COT's acceptance until GSP-RM runs (or GSP-FMC
 * fails): HWCFG2 bit 13 reads 1, the GSP's registers take no writes.
 */
bool nova_emu_fmc_lockdown(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	return gpu->gsp.fmc == NOVA_EMU_FMC_MASKED ||
	       gpu->gsp.fmc == NOVA_EMU_FMC_LOCKED;
}

/**
 * nova_emu_fmc_busy() - whether GSP-FMC owns the GSP's RISC-V core
 * @gpu: the emulated GPU, its lock held
 *
 * Return: the same as nova_emu_fmc_lockdown().
 */
bool nova_emu_fmc_busy(struct nova_emu_gpu *gpu)
{
	return nova_emu_fmc_lockdown(gpu);
}

/**
 * nova_emu_fmc_release() - GSP-FMC lets the GSP go
 * @gpu: the emulated GPU, its lock held
 * @error: 0 when GSP-RM runs, else GSP-FMC's error code
 *
 * The lockdown ends; MAILBOX0 holds @error, MAILBOX1 0.
 */
void nova_emu_fmc_release(struct nova_emu_gpu *gpu, u32 error)
{
	struct nova_emu_falcon *f = &gpu->falcon[NOVA_EMU_FALCON_GSP];

	lockdep_assert_held(&gpu->lock);
	gpu->gsp.fmc = error ? NOVA_EMU_FMC_FAILED : NOVA_EMU_FMC_OFF;
	f->mailbox[0] = error;
	f->mailbox[1] = 0;
}

/**
 * nova_emu_fmc_state_name() - GSP-FMC's state in a word (emu/fsp)
 * @state: the state
 *
 * Return: "off", "masked", "locked" or "failed".
 */
const char *nova_emu_fmc_state_name(enum nova_emu_fmc_state state)
{
	static const char *const names[] = {
		[NOVA_EMU_FMC_OFF] = "off",
		[NOVA_EMU_FMC_MASKED] = "masked",
		[NOVA_EMU_FMC_LOCKED] = "locked",
		[NOVA_EMU_FMC_FAILED] = "failed",
	};

	return state < ARRAY_SIZE(names) ? names[state] : "?";
}
