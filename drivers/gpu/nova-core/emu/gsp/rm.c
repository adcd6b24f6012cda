// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: GSP-RM answering on the message queues; it mirrors nova_core's
 * gsp/cmdq.c, rpc.c and commands.c.
 *
 * Once GSP-RM started (boot.c's start job checked its arguments), it reads
 * the command queue through the queue page table the driver gave, every
 * access through nova_emu_host_dma(), in a job on the GPU's worker: the
 * doorbell (NV_PGSP_QUEUE_HEAD(0), 0x110c00) only queues that job. Each
 * element is checked as NVIDIA's receiver does: elemCount 1 to 16 and no
 * more than the queue holds, the XOR of all its u64 words folded to 32 bits
 * is 0, seqNum counts from 0, the RPC header's version and signature, its
 * length inside the element. A violation counts in gsp_errors with one log
 * line, and the element is skipped.
 *
 * The init: GSP_SET_SYSTEM_INFO (928 bytes, the PCI config mirror where
 * the chip has it: 0x88000 on Turing to Ada, 0x92000 on Hopper and
 * Blackwell) and SET_REGISTRY (a PACKED_REGISTRY_TABLE whose size, entries
 * and names are inside it) are answered; after both, on Hopper and
 * Blackwell (booted by GSP-FMC, no booter to resume it) GSP-RM sends
 * INIT_DONE; on the others it sends RUN_CPU_SEQUENCER with a script
 * using every opcode: a write, a modify and a poll of scratch registers it
 * owns
 * (NV_PBUS_SW_SCRATCH(0x30..0x32)), a delay, a store, then CORE_RESET,
 * CORE_START and CORE_WAIT_FOR_HALT of the GSP falcon and CORE_RESUME. The
 * GSP falcon's reset parks GSP-RM (state "suspended", its RISC-V core
 * inactive; its state lives on in WPR2, as on the hardware); booter_load
 * started again on SEC2 resumes it if the GSP's mailboxes hold the libos
 * arguments: NV_PGC6_BSI_SECURE_SCRATCH_14 bit 26 set, SEC2 MAILBOX0 0, its
 * RISC-V core active. GSP-RM then checks the script's effects and sends
 * INIT_DONE. GET_GSP_STATIC_INFO is answered with the chip's name, VRAM
 * size, FB regions and the handles of GSP-RM's internal client, device and
 * subdevice (and, booted by GSP-FMC, the non-WPR heap's and FRTS's
 * offsets its ACR chose); GSP_RM_CONTROL on that subdevice answers the
 * GPC and TPC masks (NV2080_CTRL_CMD_GPU_GET_FERMI_GPC_INFO, _TPC_INFO) and the
 * kernel's interrupt table (NV2080_CTRL_CMD_INTERNAL_INTR_GET_KERNEL_TABLE),
 * and any other control NV_ERR_NOT_SUPPORTED in its status;
 * UPDATE_BAR_PDE is kept and answered; GSP_RM_ALLOC allocates clients,
 * devices, subdevices and GPU address spaces (FERMI_VASPACE_A; other
 * classes NV_ERR_NOT_SUPPORTED in the status), the address space taking
 * the control that hands it the driver's reserved page directories
 * (NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES); a control goes to
 * an object of the class its command names (cmd >> 16), else it is
 * NV_ERR_NOT_SUPPORTED, as RM finds no such method on that object. FREE
 * frees an object with what lies under it; UNLOADING_GUEST_DRIVER is
 * answered, then GSP-RM writes GSP MAILBOX0 with bit 31 alone and stops
 * (state "down"). Other functions are answered NV_ERR_NOT_SUPPORTED.
 *
 * Every message raises the GSP falcon's SWGEN0 (IRQSTAT bit 6) after its
 * writePtr; a message waits (the job comes back every 5 ms) until
 * the driver's read pointer leaves room for it. Both rings wrap; elements
 * take 1 to 16 slots each way (RUN_CPU_SEQUENCER takes 5).
 *
 * emu/gsp_misbehave arms one misbehaviour, applied once: to the next
 * RUN_CPU_SEQUENCER at a boot, or, once GSP-RM is ready, to its next
 * reply (late: always the next reply); then the knob reads "none" again.
 *
 * Layouts (NVIDIA's r570.144, written here as literal offsets):
 *
 * GSP_MSG_QUEUE_ELEMENT: 0x00 authTag[16], 0x10 aad[16], 0x20 u32
 * checkSum, 0x24 seqNum, 0x28 elemCount, 0x2c pad; the RPC header
 * (rpc_message_header_v) at 0x30: 0x00 header_version 0x03000000, 0x04
 * signature "VRPC", 0x08 length (header and payload), 0x0c function, 0x10
 * rpc_result, 0x14 rpc_result_private, 0x18 sequence, 0x1c spare; the
 * payload at 0x50.
 *
 * rpc_run_cpu_sequencer_v17_00: 0x00 bufferSizeDWord, 0x04 cmdIndex, 0x08
 * regSaveArea[8], 0x28 commandBuffer[].
 *
 * GspSystemInfo (928 bytes): 0x48 maxUserVa, 0x50 u32
 * pciConfigMirrorBase, 0x54 pciConfigMirrorSize, 0x58 PCIDeviceID.
 *
 * PACKED_REGISTRY_TABLE: u32 size, u32 numEntries, then 16-byte entries
 * {u32 nameOffset, u8 type, u8 pad[3], u32 data, u32 length}.
 *
 * GspStaticConfigInfo (1656 bytes): 0x158 fbRegionInfoParams.numFBRegions,
 * its regions from 0x160, 48 bytes each {u64 base, limit, reserved, u32
 * performance, u8 supportCompressed, supportISO, bProtected, blackList[17]},
 * 0x4c8 fb_length, 0x4ec gpuNameString[64], 0x600 bar1PdeBase, 0x640
 * hInternalClient, 0x644 hInternalDevice, 0x648 hInternalSubdevice, 0x668
 * fwWprLayoutOffset {u64 nonWprHeapOffset, u64 frtsOffset} (its last
 * member).
 *
 * rpc_update_bar_pde_v15_00: below, at BAR_PDE_LEN.
 *
 * rpc_gsp_rm_control_v03_00: 0x00 hClient, 0x04 hObject, 0x08 cmd, 0x0c
 * status, 0x10 paramsSize, 0x14 flags, 0x18 params[paramsSize].
 */

#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../emu.h"
#include "gsp.h"

/* The queues, as boot.c checked them. */
#define RM_SLOT			SZ_4K
#define RM_SLOTS		63
#define RM_MAX_SLOTS		16
#define RM_WPTR			0x10
#define RM_RX_RPTR		0x20
#define RM_ENTRY_OFF		0x1000

/* GSP_MSG_QUEUE_ELEMENT and the RPC header. */
#define EL_CHECKSUM		0x20
#define EL_SEQ			0x24
#define EL_COUNT		0x28
#define EL_RPC			0x30
#define RPC_VERSION		0x00
#define RPC_SIGNATURE		0x04
#define RPC_LENGTH		0x08
#define RPC_FUNCTION		0x0c
#define RPC_RESULT		0x10
#define RPC_RESULT_PRIVATE	0x14
#define RPC_SEQUENCE		0x18
#define RPC_HDR_LEN		0x20
#define EL_PAYLOAD		(EL_RPC + RPC_HDR_LEN)
#define RPC_VERSION_VALUE	0x03000000
#define RPC_SIGNATURE_VALUE	0x43505256
#define RM_MAX_PAYLOAD		(RM_MAX_SLOTS * RM_SLOT - EL_PAYLOAD)

/* Functions and events. */
#define FN_FREE				10
#define FN_UNLOADING_GUEST_DRIVER	47
#define FN_GET_GSP_STATIC_INFO		65
#define FN_UPDATE_BAR_PDE		70
#define FN_CONTINUATION_RECORD		71
#define FN_GSP_SET_SYSTEM_INFO		72
#define FN_SET_REGISTRY			73
#define FN_GSP_RM_CONTROL		76
#define FN_GSP_RM_ALLOC			103
#define EV_INIT_DONE			0x1001
#define EV_RUN_CPU_SEQUENCER		0x1002
#define EV_POST_EVENT			0x1003
#define EV_UNKNOWN			0x10ff

/* NV_STATUS values. */
#define NV_OK				0x00
#define NV_ERR_INSUFFICIENT_RESOURCES	0x1a
#define NV_ERR_INSERT_DUPLICATE_NAME	0x19
#define NV_ERR_INVALID_ARGUMENT		0x1f
#define NV_ERR_INVALID_CLIENT		0x23
#define NV_ERR_INVALID_OBJECT_HANDLE	0x33
#define NV_ERR_INVALID_OBJECT_PARENT	0x36
#define NV_ERR_INVALID_PARAM_STRUCT	0x3a
#define NV_ERR_NOT_SUPPORTED		0x56

/* GspSystemInfo. */
#define SYSINFO_LEN		928
#define SYSINFO_MAX_USER_VA	0x48
#define SYSINFO_MIRROR_BASE	0x50
#define SYSINFO_MIRROR_SIZE	0x54
#define SYSINFO_DEVICE_ID	0x58
#define SYSINFO_MIRROR_BASE_VAL	0x88000	/* Turing to Ada */
#define SYSINFO_MIRROR_BASE_FSP	0x92000	/* Hopper, Blackwell */
#define SYSINFO_MIRROR_SIZE_VAL	0x1000
#define PCI_VENDOR_NVIDIA	0x10de

/* PACKED_REGISTRY_TABLE. */
#define REG_HDR_LEN		8
#define REG_ENTRY_LEN		16
#define REG_TYPE_DWORD		1
#define REG_TYPE_BINARY		2
#define REG_TYPE_STRING		3

/* GspStaticConfigInfo. */
#define STATIC_LEN		1656
#define STATIC_NUM_REGIONS	0x158
#define STATIC_REGIONS		0x160
#define STATIC_REGION_LEN	48
#define STATIC_FB_LENGTH	0x4c8
#define STATIC_NAME		0x4ec
#define STATIC_NAME_LEN		64
#define STATIC_BAR1_PDE		0x600
#define STATIC_H_CLIENT		0x640
#define STATIC_H_DEVICE		0x644
#define STATIC_H_SUBDEVICE	0x648
#define STATIC_NONWPR_HEAP	0x668	/* fwWprLayoutOffset.nonWprHeapOffset */
#define STATIC_FRTS		0x670	/* fwWprLayoutOffset.frtsOffset */

/*
 * GSP-RM's internal client, device and subdevice, which its static
 * information names: handles of the model's choosing, of the forms RM's
 * handles take (internal clients 0xc1e0xxxx, generated handles
 * 0xcafxxxxx). A driver must use what the static information says.
 */
#define RM_INTERNAL_CLIENT	0xc1e00001
#define RM_INTERNAL_DEVICE	0xcaf00001
#define RM_INTERNAL_SUBDEVICE	0xcaf00002

/* rpc_gsp_rm_control_v03_00 (r570.144: the layout of r535). */
#define CTRL_CLIENT		0x00
#define CTRL_OBJECT		0x04
#define CTRL_CMD		0x08
#define CTRL_STATUS		0x0c
#define CTRL_PARAMS_SIZE	0x10
#define CTRL_PARAMS		0x18

/*
 * rpc_gsp_rm_alloc_v03_00: 0x00 hClient, 0x04 hParent, 0x08 hObject, 0x0c
 * hClass, 0x10 status, 0x14 paramsSize, 0x18 flags, 0x1c reserved[4],
 * 0x20 params[paramsSize]. rpc_free_v03_00 (NVOS00_PARAMETERS_v03_00):
 * 0x00 hRoot, 0x04 hObjectParent, 0x08 hObjectOld, 0x0c status.
 */
#define ALLOC_CLIENT		0x00
#define ALLOC_PARENT		0x04
#define ALLOC_OBJECT		0x08
#define ALLOC_CLASS		0x0c
#define ALLOC_STATUS		0x10
#define ALLOC_PARAMS_SIZE	0x14
#define ALLOC_PARAMS		0x20
#define FREE_LEN		16
#define FREE_ROOT		0x00
#define FREE_OBJECT		0x08
#define FREE_STATUS		0x0c

/* The classes GSP-RM's model allocates. */
#define NV01_ROOT		0x0000
#define NV01_DEVICE_0		0x0080
#define NV20_SUBDEVICE_0	0x2080
#define FERMI_VASPACE_A		0x90f1

/*
 * NV_VASPACE_ALLOCATION_PARAMETERS as the r570 code of nouveau sends it:
 * 0x00 index, 0x04 flags, 0x08 vaSize, 0x10 vaStartInternal, 0x18
 * vaLimitInternal, 0x20 bigPageSize, 0x28 vaBase (48 bytes; later
 * releases append a pasid, which the model takes too). Only index
 * NV_VASPACE_ALLOCATION_INDEX_GPU_NEW (0) is modelled.
 */
#define VASPACE_PARAMS_LEN	48
#define VASPACE_INDEX		0x00

/*
 * NV90F1_CTRL_VASPACE_COPY_SERVER_RESERVED_PDES_PARAMS (184 bytes): 0x00
 * hSubDevice, 0x04 subDeviceId, 0x08 u64 pageSize, 0x10 u64 virtAddrLo,
 * 0x18 u64 virtAddrHi, 0x20 u32 numLevelsToCopy, 0x28 levels[6] of 24
 * bytes {u64 physAddress, u64 size, u32 aperture at 16, u8 pageShift at
 * 20}.
 */
#define NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES	0x90f10106
#define RSVD_PDES_LEN		184
#define RSVD_PAGE_SIZE		0x08
#define RSVD_VA_LO		0x10
#define RSVD_VA_HI		0x18
#define RSVD_LEVELS_NUM		0x20
#define RSVD_LEVELS		0x28
#define RSVD_LEVEL_LEN		24
#define RSVD_LEVEL_SIZE		0x08
#define RSVD_LEVEL_SHIFT	0x14
#define GMMU_FMT_MAX_LEVELS	6

/* The controls GSP-RM's model answers (NV2080: on the subdevice). */
#define NV2080_CTRL_CMD_GPU_GET_FERMI_GPC_INFO	0x20800137	/* u32 gpcMask */
#define NV2080_CTRL_CMD_GPU_GET_FERMI_TPC_INFO	0x20800138	/* u32 gpcId, tpcMask */
#define NV2080_CTRL_CMD_INTERNAL_INTR_GET_KERNEL_TABLE	0x20800a5c

/*
 * NV2080_CTRL_INTERNAL_INTR_GET_KERNEL_TABLE_PARAMS (2068 bytes): 0x00 u32
 * tableLen, 0x04 table[128] of 16-byte entries {u16 engineIdx, u32
 * pmcIntrMask at 4, vectorStall at 8, vectorNonStall at 12}, 0x804
 * subtreeMap[7] of {u8 subtreeStart, subtreeEnd}.
 */
#define INTR_TABLE_LEN		2068
#define INTR_TABLE		0x04
#define INTR_ENTRY_LEN		16
#define INTR_SUBTREE_MAP	0x804
#define INTR_CATEGORIES		7
#define INTR_VECTOR_NONE	0xffffffff
#define INTR_SUBTREE_NONE	0xff
/* MC_ENGINE_IDX_* of r570.144. */
#define MC_ENGINE_IDX_DISP	2
#define MC_ENGINE_IDX_CE0	15
#define MC_ENGINE_IDX_GSP	50
#define MC_ENGINE_IDX_GR0	84
#define RM_INTR_CES		4

/* The controls GSP-RM's model answers for the driver's FIFO. */
#define NV2080_CTRL_CMD_FIFO_GET_DEVICE_INFO_TABLE	0x20801112
#define NV2080_CTRL_CMD_CE_GET_FAULT_METHOD_BUFFER_SIZE	0x20802a08	/* u32 size */
#define NV2080_CTRL_CMD_GPU_GET_CONSTRUCTED_FALCON_INFO	0x208001b0

/*
 * NV2080_CTRL_FIFO_GET_DEVICE_INFO_TABLE_PARAMS (3212 bytes): 0x00
 * baseIndex, 0x04 numEntries, 0x08 bMore, 0x0c entries[32] of 100 bytes
 * {engineData[16] (indexed by ENGINE_INFO_TYPE), pbdmaIds[2] at 64,
 * pbdmaFaultIds[2] at 72, numPbdmas at 80, engineName[16] at 84}.
 */
#define DEVINFO_LEN		3212
#define DEVINFO_BASE		0x00
#define DEVINFO_NUM		0x04
#define DEVINFO_ENTRIES		0x0c
#define DEVINFO_ENTRY_LEN	100
#define DEVINFO_MAX		32
#define DEVINFO_PBDMA_IDS	64
#define DEVINFO_PBDMA_FAULT_IDS	72
#define DEVINFO_NUM_PBDMAS	80
#define DEVINFO_NAME		84
#define DEVINFO_NAME_LEN	16
/* ENGINE_INFO_TYPE_*: the index of each fact in engineData[]. */
#define ENGINE_INFO_TYPE_ENG_DESC		0
#define ENGINE_INFO_TYPE_FIFO_TAG		1
#define ENGINE_INFO_TYPE_RM_ENGINE_TYPE		2
#define ENGINE_INFO_TYPE_RUNLIST		3
#define ENGINE_INFO_TYPE_MMU_FAULT_ID		4
#define ENGINE_INFO_TYPE_MC			8
#define ENGINE_INFO_TYPE_INSTANCE_ID		10
#define ENGINE_INFO_TYPE_RUNLIST_PRI_BASE	11
#define ENGINE_INFO_TYPE_RUNLIST_ENGINE_ID	13
/* RM_ENGINE_TYPE_* of the engines the model lists. */
#define RM_ENGINE_TYPE_GR0	0x01
#define RM_ENGINE_TYPE_COPY0	0x09
/*
 * The runlists' PRI bases the model gives Ampere and Ada (Turing has
 * none): a 0x400 stride of its own choosing from NV_RUNLIST's 0x002000.
 */
#define RM_RUNLIST_PRI_BASE	0x002000
#define RM_RUNLIST_PRI_STRIDE	0x400
/* NV2080_CTRL_GPU_GET_CONSTRUCTED_FALCON_INFO_PARAMS: 4 + 64 * 20. */
#define FALCON_INFO_LEN		1284
/* The size of a CE's fault method buffer, of the model's choosing. */
#define RM_CE_MTHDBUF_SIZE	0x1000

/*
 * The device's DMA controls: NV0080_CTRL_DMA_SET_PAGE_DIRECTORY_PARAMS
 * (32 bytes: 0x00 u64 physAddress, 0x08 numEntries, 0x0c flags, 0x10
 * hVASpace, 0x14 chId, 0x18 subDeviceId, 0x1c pasid) and
 * NV0080_CTRL_DMA_UNSET_PAGE_DIRECTORY_PARAMS (8 bytes: hVASpace,
 * subDeviceId).
 */
#define NV0080_CTRL_CMD_DMA_SET_PAGE_DIRECTORY		0x00801813
#define NV0080_CTRL_CMD_DMA_UNSET_PAGE_DIRECTORY	0x00801814
#define SET_PD_LEN		32
#define SET_PD_ADDR		0x00
#define SET_PD_ENTRIES		0x08
#define SET_PD_VASPACE		0x10
#define UNSET_PD_LEN		8
#define UNSET_PD_VASPACE	0x00

/*
 * rpc_update_bar_pde_v15_00: 0x00 u32 barType (NV_RPC_UPDATE_PDE_BAR_1 0,
 * _BAR_2 1), 0x08 u64 entryValue, 0x10 u64 entryLevelShift.
 */
#define BAR_PDE_LEN		24
#define BAR_PDE_TYPE		0x00
#define BAR_PDE_VALUE		0x08
#define BAR_PDE_SHIFT		0x10

/* UNLOADING_GUEST_DRIVER's payload. */
#define UNLOAD_LEN		8

/* rpc_run_cpu_sequencer_v17_00 and its opcodes. */
#define SEQ_HDR_LEN		0x28
#define SEQ_BUF_WORDS		4096	/* 16 KiB: the event takes 5 slots */
#define SEQ_REG_WRITE		0
#define SEQ_REG_MODIFY		1
#define SEQ_REG_POLL		2
#define SEQ_DELAY_US		3
#define SEQ_REG_STORE		4
#define SEQ_CORE_RESET		5
#define SEQ_CORE_START		6
#define SEQ_CORE_WAIT_FOR_HALT	7
#define SEQ_CORE_RESUME		8

/* What the script writes, modifies and polls. */
#define SEQ_WRITE_VAL		0x5e90a11d
#define SEQ_MODIFY_INIT		0xffffffff
#define SEQ_MODIFY_MASK		0x0000ff00
#define SEQ_MODIFY_VAL		0x00001200
#define SEQ_POLL_VAL		0xc0de0001

/* GSP MAILBOX0 bit 31: GSP-RM finished unloading. */
#define RM_UNLOADED		BIT(31)
/* NV_PGC6_BSI_SECURE_SCRATCH_14 bit 26: GSP-RM resumed. */
#define RM_BOOT_STAGE_3_HANDOFF	BIT(26)
/* The GSP falcon's SWGEN0 interrupt. */
#define RM_IRQ_SWGEN0		BIT(6)

/* How long late replies wait, and how often a blocked job comes back. */
#define RM_LATE_NS		(2500ULL * NSEC_PER_MSEC)
#define RM_RETRY_NS		(5 * NSEC_PER_MSEC)	/* a jiffy at HZ=250 */

static const char *const rm_misbehave_names[NOVA_EMU_GSP_MB_NUM] = {
	[NOVA_EMU_GSP_MB_NONE] = "none",
	[NOVA_EMU_GSP_MB_BAD_CHECKSUM] = "bad-checksum",
	[NOVA_EMU_GSP_MB_SKIP_SEQ] = "skip-seq",
	[NOVA_EMU_GSP_MB_OVERSIZED] = "oversized",
	[NOVA_EMU_GSP_MB_TRUNCATED] = "truncated",
	[NOVA_EMU_GSP_MB_OVERLAP] = "overlap",
	[NOVA_EMU_GSP_MB_UNKNOWN_FUNCTION] = "unknown-function",
	[NOVA_EMU_GSP_MB_LATE] = "late",
	[NOVA_EMU_GSP_MB_FLOOD] = "flood",
	[NOVA_EMU_GSP_MB_SILENT] = "silent",
	[NOVA_EMU_GSP_MB_CONTINUATION] = "continuation",
};

/**
 * nova_emu_rm_misbehave_name() - a misbehaviour's name (emu/gsp_misbehave)
 * @mode: the misbehaviour
 *
 * Return: its name.
 */
const char *nova_emu_rm_misbehave_name(enum nova_emu_gsp_misbehave mode)
{
	return mode < NOVA_EMU_GSP_MB_NUM ? rm_misbehave_names[mode] : "?";
}

/**
 * nova_emu_rm_misbehave_parse() - a misbehaviour by its name
 * @buf: the name, maybe followed by a newline
 *
 * Return: the misbehaviour, or -EINVAL.
 */
int nova_emu_rm_misbehave_parse(const char *buf)
{
	return sysfs_match_string(rm_misbehave_names, buf);
}

/**
 * rm_err() - log a protocol violation of the driver and count it
 * @gpu: the emulated GPU
 * @fmt: the message
 */
static __printf(2, 3) void rm_err(struct nova_emu_gpu *gpu,
				  const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	nova_emu_count(gpu, &gpu->gsp.errors);
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	dev_err(&gpu->pdev->dev, "GSP-RM: %pV\n", &vaf);
	va_end(args);
}

/**
 * rm_shm() - read or write the queues' shared memory
 * @gpu: the emulated GPU, GSP-RM running (its page table valid)
 * @off: offset in the shared memory
 * @buf: the bytes
 * @len: how many, not crossing a 4 KiB page
 * @write: write rather than read
 *
 * Return: 0, or -EFAULT.
 */
static int rm_shm(struct nova_emu_gpu *gpu, u64 off, void *buf, size_t len,
		  bool write)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	u64 page = off / RM_SLOT;

	if (page >= gsp->rm.shm_pages || off % RM_SLOT + len > RM_SLOT)
		return -EFAULT;
	return nova_emu_host_dma(gpu, gsp->shm_pte[page] + off % RM_SLOT, buf,
				 len, write);
}

/**
 * rm_rd32() - read a u32 of the queues' shared memory
 * @gpu: the emulated GPU, GSP-RM running
 * @off: its offset
 * @val: set to its value
 *
 * Return: 0, or -EFAULT.
 */
static int rm_rd32(struct nova_emu_gpu *gpu, u64 off, u32 *val)
{
	__le32 v;
	int ret = rm_shm(gpu, off, &v, sizeof(v), false);

	if (ret)
		return ret;
	*val = le32_to_cpu(v);
	return 0;
}

/**
 * rm_wr32() - write a u32 of the queues' shared memory
 * @gpu: the emulated GPU, GSP-RM running
 * @off: its offset
 * @val: the value
 *
 * Return: 0, or -EFAULT.
 */
static int rm_wr32(struct nova_emu_gpu *gpu, u64 off, u32 val)
{
	__le32 v = cpu_to_le32(val);

	return rm_shm(gpu, off, &v, sizeof(v), true);
}

/**
 * rm_slot() - where a slot of a queue is
 * @q: the queue's offset in the shared memory
 * @slot: the slot, taken modulo the queue's 63
 *
 * Return: its offset in the shared memory.
 */
static u64 rm_slot(u64 q, u32 slot)
{
	return q + RM_ENTRY_OFF + (u64)(slot % RM_SLOTS) * RM_SLOT;
}

/**
 * rm_checksum() - NVIDIA's element checksum
 * @buf: the element
 * @len: the bytes it covers (rm_sum_len())
 *
 * Return: the XOR of its u64 words, folded to 32 bits.
 */
static u32 rm_checksum(const u8 *buf, size_t len)
{
	u64 x = 0;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8)
		x ^= get_unaligned_le64(buf + i);
	return lower_32_bits(x) ^ upper_32_bits(x);
}

/**
 * rm_sum_len() - the bytes of an element its checksum covers
 * @e: the element
 * @len: the bytes of its slots
 *
 * The element header and the RPC message as long as its header says,
 * rounded up to 8: what r570's message_queue_cpu.c sums and checks
 * outside Confidential Computing (GSP_MSG_QUEUE_ELEMENT_HDR_SIZE +
 * rpc.length), never past the slots.
 *
 * Return: the span in bytes.
 */
static size_t rm_sum_len(const u8 *e, size_t len)
{
	size_t n = ALIGN(EL_RPC + (size_t)get_unaligned_le32(e + EL_RPC +
							     RPC_LENGTH), 8);

	return min_t(size_t, max_t(size_t, n, EL_PAYLOAD), len);
}

/**
 * rm_irq() - raise SWGEN0 on the GSP falcon
 * @gpu: the emulated GPU, its lock not held
 */
static void rm_irq(struct nova_emu_gpu *gpu)
{
	unsigned long flags;
	bool raise;

	spin_lock_irqsave(&gpu->lock, flags);
	gpu->falcon[NOVA_EMU_FALCON_GSP].irqstat |= RM_IRQ_SWGEN0;
	raise = nova_emu_irq_update(gpu);
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (raise)
		nova_emu_host_irq(gpu, true);
}

/**
 * rm_take_misbehave() - take the armed misbehaviour, if it applies
 * @gpu: the emulated GPU
 * @reply: the message is a reply (else RUN_CPU_SEQUENCER)
 *
 * Return: the misbehaviour to apply to this message (the knob is cleared),
 * or %NOVA_EMU_GSP_MB_NONE.
 */
static enum nova_emu_gsp_misbehave rm_take_misbehave(struct nova_emu_gpu *gpu,
						     bool reply)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;
	enum nova_emu_gsp_misbehave mode;
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	mode = rm->misbehave;
	if (mode == NOVA_EMU_GSP_MB_LATE ? !reply || rm->phase != NOVA_EMU_RM_READY :
	    reply && rm->phase != NOVA_EMU_RM_READY)
		mode = NOVA_EMU_GSP_MB_NONE;
	if (mode != NOVA_EMU_GSP_MB_NONE)
		rm->misbehave = NOVA_EMU_GSP_MB_NONE;
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (mode != NOVA_EMU_GSP_MB_NONE)
		dev_info(&gpu->pdev->dev, "GSP-RM: misbehaves (%s)\n",
			 rm_misbehave_names[mode]);
	return mode;
}

/**
 * rm_build() - lay out an element in the outgoing buffer
 * @rm: GSP-RM
 * @fn: the function
 * @seq: the RPC sequence number (a reply's is its command's)
 * @result: rpc_result
 * @payload: the payload, or NULL for zeroes
 * @len: its length, at most %RM_MAX_PAYLOAD
 * @mode: the misbehaviour to apply to it
 */
static void rm_build(struct nova_emu_rm *rm, u32 fn, u32 seq, u32 result,
		     const void *payload, size_t len,
		     enum nova_emu_gsp_misbehave mode)
{
	u32 slots = DIV_ROUND_UP(EL_PAYLOAD + len, RM_SLOT);
	size_t end = ALIGN(EL_PAYLOAD + len, 8), i;
	u8 *e = rm->out, *rpc = e + EL_RPC;
	u32 sum;

	memset(e, 0, end);
	/*
	 * After the message, the slots hold what GSP-RM's buffer held before:
	 * no receiver reads them. Here a pattern whose words do not cancel,
	 * so that a driver summing whole slots meets a bad checksum.
	 */
	for (i = end; i < slots * RM_SLOT; i += 8)
		put_unaligned_le64(0x9e3779b97f4a7c15ULL * (i + rm->stat_seq + 1),
				   e + i);
	put_unaligned_le32(rm->stat_seq + (mode == NOVA_EMU_GSP_MB_SKIP_SEQ),
			   e + EL_SEQ);
	rm->stat_seq += 1 + (mode == NOVA_EMU_GSP_MB_SKIP_SEQ);
	put_unaligned_le32(mode == NOVA_EMU_GSP_MB_OVERSIZED ?
			   RM_MAX_SLOTS + 1 : slots, e + EL_COUNT);
	put_unaligned_le32(RPC_VERSION_VALUE, rpc + RPC_VERSION);
	put_unaligned_le32(RPC_SIGNATURE_VALUE, rpc + RPC_SIGNATURE);
	put_unaligned_le32(mode == NOVA_EMU_GSP_MB_TRUNCATED ?
			   slots * RM_SLOT - EL_RPC + 4 : RPC_HDR_LEN + len,
			   rpc + RPC_LENGTH);
	put_unaligned_le32(fn, rpc + RPC_FUNCTION);
	put_unaligned_le32(result, rpc + RPC_RESULT);
	put_unaligned_le32(seq, rpc + RPC_SEQUENCE);
	if (payload && len)
		memcpy(e + EL_PAYLOAD, payload, len);
	sum = rm_checksum(e, rm_sum_len(e, slots * RM_SLOT));
	if (mode == NOVA_EMU_GSP_MB_BAD_CHECKSUM)
		sum ^= 0x1;
	put_unaligned_le32(sum, e + EL_CHECKSUM);
	rm->out_slots = slots;
	rm->out_fn = fn;
}

/**
 * rm_push() - put the outgoing element in the status queue
 * @gpu: the emulated GPU
 * @overlap: publish a writePtr that does not match the element: one slot
 *	past its start for a multi-slot element, two for a one-slot one
 *
 * Return: 0 once sent (SWGEN0 raised); -EAGAIN while the driver's read
 * pointer leaves too little room; -EFAULT if the queue is not accessible
 * or the read pointer is out of range (logged; GSP-RM falls silent).
 */
static int rm_push(struct nova_emu_gpu *gpu, bool overlap)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	struct nova_emu_rm *rm = &gsp->rm;
	u32 rptr, free, i, adv;

	if (rm_rd32(gpu, gsp->rm.cmdq + RM_RX_RPTR, &rptr))
		goto fault;
	if (rptr >= RM_SLOTS) {
		rm_err(gpu, "the driver's read pointer of the status queue is %u, the queue has %u slots",
		       rptr, RM_SLOTS);
		rm->silent = true;
		return -EFAULT;
	}
	free = (rptr + RM_SLOTS - rm->stat_wptr - 1) % RM_SLOTS;
	if (rm->out_slots > free)
		return -EAGAIN;
	for (i = 0; i < rm->out_slots; i++)
		if (rm_shm(gpu, rm_slot(gsp->rm.statq, rm->stat_wptr + i),
			   rm->out + i * RM_SLOT, RM_SLOT, true))
			goto fault;
	/* overlap: a multi-slot element published as one slot, else as two. */
	adv = rm->out_slots;
	if (overlap)
		adv = adv > 1 ? 1 : min_t(u32, 2, free);
	rm->stat_wptr = (rm->stat_wptr + adv) % RM_SLOTS;
	if (rm_wr32(gpu, gsp->rm.statq + RM_WPTR, rm->stat_wptr))
		goto fault;
	rm->out_slots = 0;
	rm_irq(gpu);
	return 0;
fault:
	dev_err(&gpu->pdev->dev, "GSP-RM: the status queue is not accessible: it falls silent\n");
	nova_emu_count(gpu, &gsp->errors);
	rm->silent = true;
	return -EFAULT;
}

/**
 * rm_send() - send a message, applying an armed misbehaviour
 * @gpu: the emulated GPU
 * @fn: the function
 * @seq: the RPC sequence number
 * @result: rpc_result
 * @payload: the payload, or NULL for zeroes
 * @len: its length
 * @reply: a reply to a command (else an event)
 *
 * A message that finds no room waits in &nova_emu_rm.out.
 *
 * Return: 0 once sent or dropped; -EAGAIN if it waits.
 */
static int rm_send(struct nova_emu_gpu *gpu, u32 fn, u32 seq, u32 result,
		   const void *payload, size_t len, bool reply)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;
	enum nova_emu_gsp_misbehave mode = NOVA_EMU_GSP_MB_NONE;
	static const u8 junk[16] = { 0x4e, 0x45, 0x4d, 0x55 };
	int ret;

	if (rm->silent)
		return 0;
	/* A boot's message: the sequencer, or INIT_DONE where there is none. */
	if (reply || fn == EV_RUN_CPU_SEQUENCER ||
	    (fn == EV_INIT_DONE && gpu->cfg.fsp_family != NOVA_EMU_FSP_NONE))
		mode = rm_take_misbehave(gpu, reply);
	switch (mode) {
	case NOVA_EMU_GSP_MB_SILENT:
		rm->silent = true;
		return 0;
	case NOVA_EMU_GSP_MB_UNKNOWN_FUNCTION:
	case NOVA_EMU_GSP_MB_CONTINUATION:
		rm_build(rm, mode == NOVA_EMU_GSP_MB_CONTINUATION ?
			 FN_CONTINUATION_RECORD : EV_UNKNOWN, 0, NV_OK, junk,
			 sizeof(junk), mode);
		ret = rm_push(gpu, false);
		if (ret == -EFAULT)
			return 0;
		if (ret) {
			/* No room for it: the driver is slow; drop it. */
			rm->stat_seq--;
		}
		break;
	case NOVA_EMU_GSP_MB_FLOOD:
		rm->flood_left = NOVA_EMU_RM_FLOOD;
		break;
	case NOVA_EMU_GSP_MB_LATE:
		rm->late_until = nova_emu_host_now_ns() + RM_LATE_NS;
		break;
	default:
		break;
	}
	if (rm->flood_left) {
		/* The flood goes first: the message is built when it is over. */
		rm_build(rm, fn, seq, result, payload, len, NOVA_EMU_GSP_MB_NONE);
		rm->stat_seq--;
		return -EAGAIN;
	}
	rm_build(rm, fn, seq, result, payload, len, mode);
	if (rm->late_until)
		return -EAGAIN;
	ret = rm_push(gpu, mode == NOVA_EMU_GSP_MB_OVERLAP);
	return ret == -EAGAIN ? -EAGAIN : 0;
}

/**
 * rm_down() - GSP-RM unloaded: GSP MAILBOX0 0x80000000, state down
 * @gpu: the emulated GPU
 *
 * GSP-RM (535.42.02 and later) writes MAILBOX0, whatever it held, with
 * bit 31 alone: nouveau waits for exactly 0x80000000, nova_core for bit 31.
 * Booted by GSP-FMC (Hopper, Blackwell), GSP-RM's unload also takes WPR2
 * down and halts the GSP's RISC-V core, ready for the next COT.
 */
static void rm_down(struct nova_emu_gpu *gpu)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	unsigned long flags;

	gsp->rm.down_after = false;
	if (gsp->rm.silent)
		return;
	spin_lock_irqsave(&gpu->lock, flags);
	if (gsp->state == NOVA_EMU_GSP_RUNNING) {
		gsp->state = NOVA_EMU_GSP_DOWN;
		gpu->falcon[NOVA_EMU_FALCON_GSP].mailbox[0] = RM_UNLOADED;
		if (gsp->fmc_boot) {
			gpu->wpr2_lo = 0;
			gpu->wpr2_hi = 0;
		}
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
}

/**
 * rm_flush_out() - send what waits: the flood, then the waiting element
 * @gpu: the emulated GPU
 *
 * Return: 0 when nothing waits any more; -EAGAIN otherwise.
 */
static int rm_flush_out(struct nova_emu_gpu *gpu)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;
	u32 slots = rm->out_slots, i;
	u8 ev[8];
	int ret;

	if (rm->silent) {
		rm->out_slots = 0;
		rm->flood_left = 0;
		return 0;
	}
	if (rm->late_until) {
		if (nova_emu_host_now_ns() < rm->late_until)
			return -EAGAIN;
		rm->late_until = 0;
	}
	if (rm->flood_left) {
		/* The waiting element is rebuilt after the flood: keep it. */
		u8 *keep = kmemdup(rm->out, slots * RM_SLOT, GFP_KERNEL);
		u32 fn = rm->out_fn;

		if (!keep)
			return -EAGAIN;
		for (i = 0; rm->flood_left; i++) {
			put_unaligned_le32(rm->flood_left, ev);
			put_unaligned_le32(i, ev + 4);
			rm_build(rm, EV_POST_EVENT, 0, NV_OK, ev, sizeof(ev),
				 NOVA_EMU_GSP_MB_NONE);
			ret = rm_push(gpu, false);
			if (ret) {
				rm->stat_seq--;
				break;
			}
			rm->flood_left--;
		}
		memcpy(rm->out, keep, slots * RM_SLOT);
		kfree(keep);
		rm->out_slots = slots;
		rm->out_fn = fn;
		if (rm->flood_left)
			return rm->silent ? 0 : -EAGAIN;
		/* Its seqNum comes after the flood's. */
		put_unaligned_le32(rm->stat_seq++, rm->out + EL_SEQ);
		put_unaligned_le32(0, rm->out + EL_CHECKSUM);
		put_unaligned_le32(rm_checksum(rm->out,
					       rm_sum_len(rm->out, slots * RM_SLOT)),
				   rm->out + EL_CHECKSUM);
	}
	if (!rm->out_slots)
		return 0;
	ret = rm_push(gpu, false);
	if (ret == -EAGAIN)
		return ret;
	if (rm->down_after)
		rm_down(gpu);
	return 0;
}

/**
 * rm_sequencer() - send RUN_CPU_SEQUENCER
 * @gpu: the emulated GPU
 *
 * The scratch registers are set first: the poll finds its value at once.
 *
 * Return: 0 or -EAGAIN (it waits).
 */
static int rm_sequencer(struct nova_emu_gpu *gpu)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;
	static const u32 script[] = {
		SEQ_REG_WRITE, NOVA_EMU_RM_SCRATCH_BASE, SEQ_WRITE_VAL,
		SEQ_REG_MODIFY, NOVA_EMU_RM_SCRATCH_BASE + 4, SEQ_MODIFY_MASK,
		SEQ_MODIFY_VAL,
		SEQ_REG_POLL, NOVA_EMU_RM_SCRATCH_BASE + 8, 0xffffffff,
		SEQ_POLL_VAL, 100000, 0,
		SEQ_DELAY_US, 5,
		SEQ_REG_STORE, NOVA_EMU_RM_SCRATCH_BASE, 0,
		SEQ_CORE_RESET,
		SEQ_CORE_START,
		SEQ_CORE_WAIT_FOR_HALT,
		SEQ_CORE_RESUME,
	};
	size_t len = SEQ_HDR_LEN + SEQ_BUF_WORDS * sizeof(u32);
	unsigned long flags;
	unsigned int i;
	u8 *p;
	int ret;

	p = kzalloc(len, GFP_KERNEL);
	if (!p)
		return -EAGAIN;
	put_unaligned_le32(SEQ_BUF_WORDS, p);
	put_unaligned_le32(ARRAY_SIZE(script), p + 4);
	for (i = 0; i < ARRAY_SIZE(script); i++)
		put_unaligned_le32(script[i], p + SEQ_HDR_LEN + 4 * i);

	spin_lock_irqsave(&gpu->lock, flags);
	rm->scratch[0] = 0;
	rm->scratch[1] = SEQ_MODIFY_INIT;
	rm->scratch[2] = SEQ_POLL_VAL;
	rm->resets = 0;
	rm->starts = 0;
	rm->phase = NOVA_EMU_RM_SEQ;
	spin_unlock_irqrestore(&gpu->lock, flags);

	ret = rm_send(gpu, EV_RUN_CPU_SEQUENCER, 0, NV_OK, p, len, false);
	kfree(p);
	return ret;
}

/**
 * rm_init_done() - send INIT_DONE without a sequencer (Hopper, Blackwell)
 * @gpu: the emulated GPU
 *
 * Return: 0 or -EAGAIN (it waits).
 */
static int rm_init_done(struct nova_emu_gpu *gpu)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	gpu->gsp.rm.phase = NOVA_EMU_RM_READY;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return rm_send(gpu, EV_INIT_DONE, 0, NV_OK, NULL, 0, false);
}

/**
 * rm_check_sysinfo() - check GSP_SET_SYSTEM_INFO's payload
 * @gpu: the emulated GPU
 * @p: the payload
 * @len: its length
 *
 * Return: true if good (else logged and counted).
 */
static bool rm_check_sysinfo(struct nova_emu_gpu *gpu, const u8 *p, size_t len)
{
	u32 mirror = gpu->cfg.fsp_family != NOVA_EMU_FSP_NONE ?
		     SYSINFO_MIRROR_BASE_FSP : SYSINFO_MIRROR_BASE_VAL;

	if (len != SYSINFO_LEN) {
		rm_err(gpu, "GSP_SET_SYSTEM_INFO of %zu bytes, GspSystemInfo is %u",
		       len, SYSINFO_LEN);
		return false;
	}
	if (!get_unaligned_le64(p + SYSINFO_MAX_USER_VA) ||
	    get_unaligned_le32(p + SYSINFO_MIRROR_BASE) != mirror ||
	    get_unaligned_le32(p + SYSINFO_MIRROR_SIZE) != SYSINFO_MIRROR_SIZE_VAL ||
	    (get_unaligned_le32(p + SYSINFO_DEVICE_ID) & 0xffff) != PCI_VENDOR_NVIDIA) {
		rm_err(gpu, "GspSystemInfo: maxUserVa 0x%llx, PCI config mirror 0x%x+0x%x, PCIDeviceID 0x%08x: expected a VA limit, 0x%x+0x%x, vendor 0x%x",
		       get_unaligned_le64(p + SYSINFO_MAX_USER_VA),
		       get_unaligned_le32(p + SYSINFO_MIRROR_BASE),
		       get_unaligned_le32(p + SYSINFO_MIRROR_SIZE),
		       get_unaligned_le32(p + SYSINFO_DEVICE_ID),
		       mirror, SYSINFO_MIRROR_SIZE_VAL, PCI_VENDOR_NVIDIA);
		return false;
	}
	return true;
}

/**
 * rm_check_registry() - check SET_REGISTRY's PACKED_REGISTRY_TABLE
 * @gpu: the emulated GPU
 * @p: the payload
 * @len: its length
 *
 * A good table's DWORD keys are kept, " NAME=VALUE" each, for
 * emu/gsp_registry.
 *
 * Return: true if good (else logged and counted).
 */
static bool rm_check_registry(struct nova_emu_gpu *gpu, const u8 *p, size_t len)
{
	char keys[NOVA_EMU_REGISTRY_LEN] = "";
	u32 size, n, i, name, type, dlen;
	unsigned long flags;
	size_t names;
	int at = 0;

	if (len < REG_HDR_LEN) {
		rm_err(gpu, "SET_REGISTRY of %zu bytes has no table header", len);
		return false;
	}
	size = get_unaligned_le32(p);
	n = get_unaligned_le32(p + 4);
	names = REG_HDR_LEN + (size_t)n * REG_ENTRY_LEN;
	if (size != len || n > (len - REG_HDR_LEN) / REG_ENTRY_LEN) {
		rm_err(gpu, "SET_REGISTRY: table size %u with %u entries in a payload of %zu bytes",
		       size, n, len);
		return false;
	}
	for (i = 0; i < n; i++) {
		const u8 *e = p + REG_HDR_LEN + i * REG_ENTRY_LEN;

		name = get_unaligned_le32(e);
		type = e[4];
		dlen = get_unaligned_le32(e + 12);
		if (name < names || name >= size ||
		    !memchr(p + name, '\0', size - name) || !p[name]) {
			rm_err(gpu, "SET_REGISTRY: entry %u's name at %u is not a string after the entries, inside the table",
			       i, name);
			return false;
		}
		if (type < REG_TYPE_DWORD || type > REG_TYPE_STRING ||
		    (type == REG_TYPE_DWORD && dlen != sizeof(u32))) {
			rm_err(gpu, "SET_REGISTRY: entry %u (%s): type %u length %u",
			       i, (const char *)p + name, type, dlen);
			return false;
		}
		/* A DWORD entry holds its value itself; what fits is kept. */
		if (type == REG_TYPE_DWORD && at < (int)sizeof(keys))
			at += snprintf(keys + at, sizeof(keys) - at, " %s=%u",
				       (const char *)p + name,
				       get_unaligned_le32(e + 8));
	}
	spin_lock_irqsave(&gpu->lock, flags);
	strscpy(gpu->gsp.registry, keys, sizeof(gpu->gsp.registry));
	spin_unlock_irqrestore(&gpu->lock, flags);
	return true;
}

/**
 * struct rm_chip - what GSP-RM's model reports of a chip
 * @chip: the chip.
 * @name: the name a board with it calls itself.
 * @gpcs: its GPCs (all enabled).
 * @tpcs: the TPCs of each GPC (all enabled).
 *
 * The full chips' GPC and TPC counts, as NVIDIA's whitepapers give them.
 */
struct rm_chip {
	const char *chip;
	const char *name;
	u8 gpcs;
	u8 tpcs;
};

static const struct rm_chip rm_chips[] = {
	{ "tu102", "NVIDIA GeForce RTX 2080 Ti", 6, 6 },
	{ "tu104", "NVIDIA GeForce RTX 2080", 6, 4 },
	{ "tu106", "NVIDIA GeForce RTX 2060", 3, 6 },
	{ "tu116", "NVIDIA GeForce GTX 1660 Ti", 3, 4 },
	{ "tu117", "NVIDIA GeForce GTX 1650", 2, 4 },
	{ "ga100", "NVIDIA A100-PCIE-40GB", 8, 8 },
	{ "ga102", "NVIDIA GeForce RTX 3090", 7, 6 },
	{ "ga103", "NVIDIA GeForce RTX 3060 Ti", 6, 5 },
	{ "ga104", "NVIDIA GeForce RTX 3070", 6, 4 },
	{ "ga106", "NVIDIA GeForce RTX 3060", 3, 5 },
	{ "ga107", "NVIDIA GeForce RTX 3050", 2, 5 },
	{ "ad102", "NVIDIA GeForce RTX 4090", 12, 6 },
	{ "ad103", "NVIDIA GeForce RTX 4080", 7, 6 },
	{ "ad104", "NVIDIA GeForce RTX 4070 Ti", 5, 6 },
	{ "ad106", "NVIDIA GeForce RTX 4060 Ti", 3, 6 },
	{ "ad107", "NVIDIA GeForce RTX 4060", 3, 4 },
	{ "gh100", "NVIDIA H100 PCIe", 8, 9 },
	/* GB100's GPCs are not published: GH100's. GB102 names no product. */
	{ "gb100", "NVIDIA B200", 8, 9 },
	{ "gb202", "NVIDIA GeForce RTX 5090", 12, 8 },
	{ "gb203", "NVIDIA GeForce RTX 5080", 7, 6 },
	{ "gb205", "NVIDIA GeForce RTX 5070", 5, 5 },
	{ "gb206", "NVIDIA GeForce RTX 5060 Ti", 3, 6 },
	{ "gb207", "NVIDIA GeForce RTX 5050", 2, 5 },
};

/**
 * rm_chip() - what GSP-RM's model reports of this GPU's chip
 * @gpu: the emulated GPU
 *
 * Return: the chip's entry, or one for a chip without one (a raw GPU).
 */
static const struct rm_chip *rm_chip(struct nova_emu_gpu *gpu)
{
	static const struct rm_chip other = {
		"", "NVIDIA Graphics Device", 1, 1
	};
	const struct nova_emu_chip *chip = nova_emu_chip_of(gpu);
	unsigned int i;

	for (i = 0; chip && i < ARRAY_SIZE(rm_chips); i++)
		if (!strcmp(chip->name, rm_chips[i].chip))
			return &rm_chips[i];
	return &other;
}

/**
 * rm_static_info() - answer GET_GSP_STATIC_INFO
 * @gpu: the emulated GPU
 * @seq: the command's RPC sequence number
 * @len: the command's payload length
 *
 * Two FB regions: the first three quarters of VRAM, usable; the rest,
 * protected. bar1PdeBase lies in the second. Booted by GSP-FMC (Hopper,
 * Blackwell), fwWprLayoutOffset says where its ACR put the non-WPR heap
 * and FRTS; else it is 0.
 *
 * Return: 0 or -EAGAIN.
 */
static int rm_static_info(struct nova_emu_gpu *gpu, u32 seq, size_t len)
{
	u64 fb = gpu->cfg.fb_size, split = ALIGN_DOWN(fb / 4 * 3, SZ_1M);
	const char *name = rm_chip(gpu)->name;
	u64 nonwpr, frts;
	unsigned long flags;
	u8 *p, *r;
	int ret;

	spin_lock_irqsave(&gpu->lock, flags);
	nonwpr = gpu->gsp.fmc_boot ? gpu->gsp.fmc_nonwpr_offset : 0;
	frts = gpu->gsp.fmc_boot ? gpu->gsp.fmc_frts_offset : 0;
	spin_unlock_irqrestore(&gpu->lock, flags);

	if (len != STATIC_LEN) {
		rm_err(gpu, "GET_GSP_STATIC_INFO with a payload of %zu bytes, GspStaticConfigInfo is %u",
		       len, STATIC_LEN);
		return rm_send(gpu, FN_GET_GSP_STATIC_INFO, seq,
			       NV_ERR_INVALID_ARGUMENT, NULL, 0, true);
	}
	p = kzalloc(STATIC_LEN, GFP_KERNEL);
	if (!p)
		return -EAGAIN;
	put_unaligned_le32(2, p + STATIC_NUM_REGIONS);
	r = p + STATIC_REGIONS;
	put_unaligned_le64(0, r);
	put_unaligned_le64(split - 1, r + 8);
	put_unaligned_le32(100, r + 24);
	r[28] = 1;	/* supportCompressed */
	r[29] = 1;	/* supportISO */
	r += STATIC_REGION_LEN;
	put_unaligned_le64(split, r);
	put_unaligned_le64(fb - 1, r + 8);
	put_unaligned_le32(100, r + 24);
	r[30] = 1;	/* bProtected */
	put_unaligned_le64(fb, p + STATIC_FB_LENGTH);
	strscpy((char *)p + STATIC_NAME, name, STATIC_NAME_LEN);
	put_unaligned_le64(split, p + STATIC_BAR1_PDE);
	put_unaligned_le32(RM_INTERNAL_CLIENT, p + STATIC_H_CLIENT);
	put_unaligned_le32(RM_INTERNAL_DEVICE, p + STATIC_H_DEVICE);
	put_unaligned_le32(RM_INTERNAL_SUBDEVICE, p + STATIC_H_SUBDEVICE);
	put_unaligned_le64(nonwpr, p + STATIC_NONWPR_HEAP);
	put_unaligned_le64(frts, p + STATIC_FRTS);
	ret = rm_send(gpu, FN_GET_GSP_STATIC_INFO, seq, NV_OK, p, STATIC_LEN,
		      true);
	kfree(p);
	return ret;
}

/**
 * rm_intr_entry() - fill one entry of the kernel's interrupt table
 * @e: the entry
 * @engine: its MC_ENGINE_IDX_*
 * @stall: its stalling interrupt's vector
 * @nonstall: its non-stalling interrupt's vector, or %INTR_VECTOR_NONE
 */
static void rm_intr_entry(u8 *e, u16 engine, u32 stall, u32 nonstall)
{
	put_unaligned_le16(engine, e);
	put_unaligned_le32(0, e + 4);	/* pmcIntrMask: none, a vector instead */
	put_unaligned_le32(stall, e + 8);
	put_unaligned_le32(nonstall, e + 12);
}

/**
 * rm_intr_table() - the interrupts the kernel driver handles itself
 * @p: NV2080_CTRL_INTERNAL_INTR_GET_KERNEL_TABLE_PARAMS to fill
 *
 * The GSP's (its message queue's SWGEN0), the display's, GR's and the copy
 * engines'. The vectors are the model's choice, one leaf of the interrupt
 * tree apart from the non-stalling ones; no subtree map.
 */
static void rm_intr_table(u8 *p)
{
	unsigned int n = 0, i;

	memset(p, 0, INTR_TABLE_LEN);
	rm_intr_entry(p + INTR_TABLE + n++ * INTR_ENTRY_LEN, MC_ENGINE_IDX_GSP,
		      0x80, INTR_VECTOR_NONE);
	rm_intr_entry(p + INTR_TABLE + n++ * INTR_ENTRY_LEN, MC_ENGINE_IDX_DISP,
		      0x81, INTR_VECTOR_NONE);
	rm_intr_entry(p + INTR_TABLE + n++ * INTR_ENTRY_LEN, MC_ENGINE_IDX_GR0,
		      0x82, 0x00);
	for (i = 0; i < RM_INTR_CES; i++)
		rm_intr_entry(p + INTR_TABLE + n++ * INTR_ENTRY_LEN,
			      MC_ENGINE_IDX_CE0 + i, 0x83 + i, 0x01 + i);
	put_unaligned_le32(n, p);
	memset(p + INTR_SUBTREE_MAP, INTR_SUBTREE_NONE, INTR_CATEGORIES * 2);
}

/**
 * rm_object() - find an RM object the driver allocated
 * @rm: GSP-RM
 * @client: its client's handle
 * @handle: its handle
 *
 * Return: the object, or NULL.
 */
static struct nova_emu_rm_object *rm_object(struct nova_emu_rm *rm,
					    u32 client, u32 handle)
{
	unsigned int i;

	for (i = 0; i < NOVA_EMU_RM_OBJECTS; i++)
		if (rm->objects[i].client && rm->objects[i].client == client &&
		    rm->objects[i].handle == handle)
			return &rm->objects[i];
	return NULL;
}

/* The class of the parent each class the model allocates needs. */
static int rm_parent_class(u32 class)
{
	switch (class) {
	case NV01_DEVICE_0:
		return NV01_ROOT;
	case NV20_SUBDEVICE_0:
	case FERMI_VASPACE_A:
		return NV01_DEVICE_0;
	default:
		return -1;
	}
}

/* One entry of the device info table: @rm_type, instance @inst. */
static void rm_devinfo_entry(u8 *e, bool ampere, u32 rm_type, u32 inst,
			     u32 runlist, u32 mc, const char *name)
{
	put_unaligned_le32(rm_type << 8 | inst, e + 4 * ENGINE_INFO_TYPE_ENG_DESC);
	put_unaligned_le32(runlist, e + 4 * ENGINE_INFO_TYPE_FIFO_TAG);
	put_unaligned_le32(rm_type + inst, e + 4 * ENGINE_INFO_TYPE_RM_ENGINE_TYPE);
	put_unaligned_le32(runlist, e + 4 * ENGINE_INFO_TYPE_RUNLIST);
	put_unaligned_le32(runlist, e + 4 * ENGINE_INFO_TYPE_MMU_FAULT_ID);
	put_unaligned_le32(mc, e + 4 * ENGINE_INFO_TYPE_MC);
	put_unaligned_le32(inst, e + 4 * ENGINE_INFO_TYPE_INSTANCE_ID);
	if (ampere)
		put_unaligned_le32(RM_RUNLIST_PRI_BASE + runlist * RM_RUNLIST_PRI_STRIDE,
				   e + 4 * ENGINE_INFO_TYPE_RUNLIST_PRI_BASE);
	put_unaligned_le32(runlist, e + DEVINFO_PBDMA_IDS);
	put_unaligned_le32(runlist, e + DEVINFO_PBDMA_FAULT_IDS);
	put_unaligned_le32(1, e + DEVINFO_NUM_PBDMAS);
	snprintf((char *)e + DEVINFO_NAME, DEVINFO_NAME_LEN, "%s%u", name, inst);
}

/**
 * rm_devinfo() - fill NV2080_CTRL_CMD_FIFO_GET_DEVICE_INFO_TABLE's answer
 * @gpu: the emulated GPU
 * @p: its parameters: baseIndex in, the table out
 *
 * The engines the interrupt table names, each on its own runlist: GR0 on
 * runlist 0, CE0 to CE3 on 1 to 4; on Ampere and Ada each runlist has a
 * PRI base. engDesc is a tag of the model's (RM's engine descriptors are
 * its internal class ids), unique per engine. From @baseIndex on, no more
 * to follow.
 *
 * Return: NV_OK.
 */
static u32 rm_devinfo(struct nova_emu_gpu *gpu, u8 *p)
{
	const struct nova_emu_chip *chip = nova_emu_chip_of(gpu);
	bool ampere = chip && chip->arch >= 0x17;
	u32 base = get_unaligned_le32(p + DEVINFO_BASE);
	u8 all[1 + RM_INTR_CES][DEVINFO_ENTRY_LEN] = {};
	u32 i, n = 0;

	rm_devinfo_entry(all[n++], ampere, RM_ENGINE_TYPE_GR0, 0, 0,
			 MC_ENGINE_IDX_GR0, "GR");
	for (i = 0; i < RM_INTR_CES; i++)
		rm_devinfo_entry(all[n++], ampere, RM_ENGINE_TYPE_COPY0, i, 1 + i,
				 MC_ENGINE_IDX_CE0 + i, "CE");
	memset(p + DEVINFO_NUM, 0, DEVINFO_LEN - DEVINFO_NUM);
	for (i = base; i < n; i++)
		memcpy(p + DEVINFO_ENTRIES + (i - base) * DEVINFO_ENTRY_LEN, all[i],
		       DEVINFO_ENTRY_LEN);
	put_unaligned_le32(base < n ? n - base : 0, p + DEVINFO_NUM);
	return NV_OK;
}

/**
 * rm_page_directory() - check NV0080_CTRL_CMD_DMA_(UN)SET_PAGE_DIRECTORY
 * @rm: GSP-RM
 * @client: the control's client
 * @cmd: which of the two
 * @p: its parameters
 * @size: their size
 *
 * The address space named must be one of the client's; a page directory
 * set is a non-zero, 4 KiB aligned address with entries. The model keeps
 * nothing of it: no channel of the driver's walks the address space.
 *
 * Return: an NV_STATUS.
 */
static u32 rm_page_directory(struct nova_emu_rm *rm, u32 client, u32 cmd,
			     const u8 *p, u32 size)
{
	bool set = cmd == NV0080_CTRL_CMD_DMA_SET_PAGE_DIRECTORY;
	struct nova_emu_rm_object *v;
	u64 addr;

	if (size != (set ? SET_PD_LEN : UNSET_PD_LEN))
		return NV_ERR_INVALID_PARAM_STRUCT;
	v = rm_object(rm, client, get_unaligned_le32(p + (set ? SET_PD_VASPACE :
							   UNSET_PD_VASPACE)));
	if (!v || v->class != FERMI_VASPACE_A)
		return NV_ERR_INVALID_OBJECT_HANDLE;
	if (!set)
		return NV_OK;
	addr = get_unaligned_le64(p + SET_PD_ADDR);
	if (!addr || !IS_ALIGNED(addr, SZ_4K) || !get_unaligned_le32(p + SET_PD_ENTRIES))
		return NV_ERR_INVALID_ARGUMENT;
	return NV_OK;
}

/**
 * rm_rsvd_pdes() - check NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES
 * @p: its parameters
 *
 * The range is whole pages of pageSize (a power of two), 1 to 6 levels
 * are copied, each of some size with a page shift below 64. The model
 * keeps nothing of them: no channel of the driver's walks the address
 * space.
 *
 * Return: NV_OK or NV_ERR_INVALID_ARGUMENT.
 */
static u32 rm_rsvd_pdes(const u8 *p)
{
	u64 page = get_unaligned_le64(p + RSVD_PAGE_SIZE);
	u64 lo = get_unaligned_le64(p + RSVD_VA_LO);
	u64 hi = get_unaligned_le64(p + RSVD_VA_HI);
	u32 n = get_unaligned_le32(p + RSVD_LEVELS_NUM);
	const u8 *l;
	u32 i;

	if (!page || (page & (page - 1)) || (lo & (page - 1)) || hi <= lo ||
	    ((hi + 1) & (page - 1)))
		return NV_ERR_INVALID_ARGUMENT;
	if (!n || n > GMMU_FMT_MAX_LEVELS)
		return NV_ERR_INVALID_ARGUMENT;
	for (i = 0; i < n; i++) {
		l = p + RSVD_LEVELS + i * RSVD_LEVEL_LEN;
		if (!get_unaligned_le64(l + RSVD_LEVEL_SIZE) ||
		    l[RSVD_LEVEL_SHIFT] >= 64)
			return NV_ERR_INVALID_ARGUMENT;
	}
	return NV_OK;
}

/**
 * rm_control_params() - run one control on an object of GSP-RM's
 * @gpu: the emulated GPU
 * @client: the control's client
 * @cmd: the control
 * @params: its parameters, read and written in place
 * @size: their size
 *
 * Return: the control's NV_STATUS.
 */
static u32 rm_control_params(struct nova_emu_gpu *gpu, u32 client, u32 cmd,
			     u8 *params, u32 size)
{
	const struct rm_chip *c = rm_chip(gpu);

	switch (cmd) {
	case NV2080_CTRL_CMD_GPU_GET_FERMI_GPC_INFO:
		if (size != 4)
			return NV_ERR_INVALID_PARAM_STRUCT;
		put_unaligned_le32(GENMASK(c->gpcs - 1, 0), params);
		return NV_OK;
	case NV2080_CTRL_CMD_GPU_GET_FERMI_TPC_INFO:
		if (size != 8)
			return NV_ERR_INVALID_PARAM_STRUCT;
		if (get_unaligned_le32(params) >= c->gpcs)
			return NV_ERR_INVALID_ARGUMENT;
		put_unaligned_le32(GENMASK(c->tpcs - 1, 0), params + 4);
		return NV_OK;
	case NV2080_CTRL_CMD_INTERNAL_INTR_GET_KERNEL_TABLE:
		if (size != INTR_TABLE_LEN)
			return NV_ERR_INVALID_PARAM_STRUCT;
		rm_intr_table(params);
		return NV_OK;
	case NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES:
		if (size != RSVD_PDES_LEN)
			return NV_ERR_INVALID_PARAM_STRUCT;
		return rm_rsvd_pdes(params);
	case NV0080_CTRL_CMD_DMA_SET_PAGE_DIRECTORY:
	case NV0080_CTRL_CMD_DMA_UNSET_PAGE_DIRECTORY:
		return rm_page_directory(&gpu->gsp.rm, client, cmd, params, size);
	case NV2080_CTRL_CMD_FIFO_GET_DEVICE_INFO_TABLE:
		if (size != DEVINFO_LEN)
			return NV_ERR_INVALID_PARAM_STRUCT;
		return rm_devinfo(gpu, params);
	case NV2080_CTRL_CMD_CE_GET_FAULT_METHOD_BUFFER_SIZE:
		if (size != 4)
			return NV_ERR_INVALID_PARAM_STRUCT;
		put_unaligned_le32(RM_CE_MTHDBUF_SIZE, params);
		return NV_OK;
	case NV2080_CTRL_CMD_GPU_GET_CONSTRUCTED_FALCON_INFO:
		if (size != FALCON_INFO_LEN)
			return NV_ERR_INVALID_PARAM_STRUCT;
		/* No engine the table lists runs on a falcon of its own. */
		memset(params, 0, size);
		return NV_OK;
	default:
		dev_info_ratelimited(&gpu->pdev->dev, "GSP-RM: control 0x%08x not supported\n",
				     cmd);
		return NV_ERR_NOT_SUPPORTED;
	}
}

/**
 * rm_alloc_object() - allocate an RM object (GSP_RM_ALLOC's work)
 * @rm: GSP-RM
 * @client: hClient
 * @parent: hParent
 * @handle: hObject
 * @class: hClass
 * @params: its allocation parameters
 * @size: their size
 *
 * A client (NV01_ROOT, its handle its own client, its parent none or
 * itself), a device (NV01_DEVICE_0) under a client, a subdevice
 * (NV20_SUBDEVICE_0) or an address space (FERMI_VASPACE_A, with at least
 * its 48 bytes of parameters, index GPU_NEW) under a device; handles
 * unique in their client, none 0. The model keeps no other state of the
 * parameters.
 *
 * Return: an NV_STATUS.
 */
static u32 rm_alloc_object(struct nova_emu_rm *rm, u32 client, u32 parent,
			   u32 handle, u32 class, const u8 *params, u32 size)
{
	struct nova_emu_rm_object *p = NULL, *o;
	unsigned int i;

	if (class != NV01_ROOT && rm_parent_class(class) < 0)
		return NV_ERR_NOT_SUPPORTED;
	if (!handle)
		return NV_ERR_INVALID_OBJECT_HANDLE;
	if (class == NV01_ROOT) {
		if (client != handle || (parent && parent != client))
			return NV_ERR_INVALID_ARGUMENT;
	} else {
		if (!rm_object(rm, client, client))
			return NV_ERR_INVALID_CLIENT;
		p = rm_object(rm, client, parent);
		if (!p || p->class != rm_parent_class(class))
			return NV_ERR_INVALID_OBJECT_PARENT;
	}
	if (class == FERMI_VASPACE_A &&
	    (size < VASPACE_PARAMS_LEN || get_unaligned_le32(params + VASPACE_INDEX)))
		return NV_ERR_INVALID_ARGUMENT;
	if (rm_object(rm, client, handle))
		return NV_ERR_INSERT_DUPLICATE_NAME;
	for (i = 0; i < NOVA_EMU_RM_OBJECTS; i++) {
		o = &rm->objects[i];
		if (o->client)
			continue;
		o->client = client;
		o->handle = handle;
		o->parent = p ? parent : 0;
		o->class = class;
		return NV_OK;
	}
	return NV_ERR_INSUFFICIENT_RESOURCES;
}

/**
 * rm_free_object() - free an RM object and everything under it
 * @rm: GSP-RM
 * @client: its client's handle
 * @handle: its handle (the client's own frees the client)
 *
 * Return: an NV_STATUS.
 */
static u32 rm_free_object(struct nova_emu_rm *rm, u32 client, u32 handle)
{
	struct nova_emu_rm_object *o = rm_object(rm, client, handle);
	unsigned int i;
	bool more = true;

	if (!rm_object(rm, client, client))
		return NV_ERR_INVALID_CLIENT;
	if (!o)
		return NV_ERR_INVALID_OBJECT_HANDLE;
	o->handle = 0;	/* marked: freed with its descendants below */
	while (more) {
		more = false;
		for (i = 0; i < NOVA_EMU_RM_OBJECTS; i++) {
			o = &rm->objects[i];
			if (!o->client || o->client != client || !o->handle ||
			    !o->parent || rm_object(rm, client, o->parent))
				continue;
			o->handle = 0;
			more = true;
		}
	}
	for (i = 0; i < NOVA_EMU_RM_OBJECTS; i++)
		if (rm->objects[i].client == client && !rm->objects[i].handle)
			memset(&rm->objects[i], 0, sizeof(rm->objects[i]));
	return NV_OK;
}

/**
 * rm_api_copy() - check an RM API command and copy it for its reply
 * @gpu: the emulated GPU
 * @fn: the function (GSP_RM_ALLOC, GSP_RM_CONTROL)
 * @seq: the command's RPC sequence number
 * @p: its payload: a header of @hdr bytes, then paramsSize bytes
 * @len: the payload's length
 * @hdr: the header's size
 * @size_off: paramsSize's offset in the header
 * @copy: set to a copy of the payload (the caller fills in its status and
 *	hands it to rm_api_reply()), or NULL
 *
 * A payload shorter than its header, or whose paramsSize is not what
 * follows it, is a protocol violation: counted, and answered
 * NV_ERR_INVALID_ARGUMENT with no payload.
 *
 * Return: 0 with @copy set; else, @copy NULL, 0 or -EAGAIN as the answer
 * went (-EAGAIN too when there is no memory for the copy: retried).
 */
static int rm_api_copy(struct nova_emu_gpu *gpu, u32 fn, u32 seq,
		       const u8 *p, size_t len, size_t hdr, size_t size_off,
		       u8 **copy)
{
	u32 size = len >= hdr ? get_unaligned_le32(p + size_off) : 0;

	*copy = NULL;
	if (len < hdr || size != len - hdr) {
		rm_err(gpu, "%s with a payload of %zu bytes and paramsSize %u",
		       fn == FN_GSP_RM_ALLOC ? "GSP_RM_ALLOC" : "GSP_RM_CONTROL",
		       len, size);
		return rm_send(gpu, fn, seq, NV_ERR_INVALID_ARGUMENT, NULL, 0,
			       true);
	}
	*copy = kmemdup(p, len, GFP_KERNEL);
	return *copy ? 0 : -EAGAIN;
}

/**
 * rm_api_reply() - answer an RM API command with its status
 * @gpu: the emulated GPU
 * @fn: the function
 * @seq: the command's RPC sequence number
 * @r: the copy rm_api_copy() made, freed here
 * @len: its length
 * @status_off: the status's offset in it
 * @status: the NV_STATUS of what the command asked
 *
 * rpc_result is NV_OK: the command ran, whatever its status.
 *
 * Return: 0 or -EAGAIN.
 */
static int rm_api_reply(struct nova_emu_gpu *gpu, u32 fn, u32 seq, u8 *r,
			size_t len, size_t status_off, u32 status)
{
	int ret;

	put_unaligned_le32(status, r + status_off);
	ret = rm_send(gpu, fn, seq, NV_OK, r, len, true);
	kfree(r);
	return ret;
}

/**
 * rm_alloc() - answer GSP_RM_ALLOC
 * @gpu: the emulated GPU
 * @seq: the command's RPC sequence number
 * @p: its payload, an rpc_gsp_rm_alloc_v03_00
 * @len: the payload's length
 *
 * Answered as GSP_RM_CONTROL is: the payload with its status filled in,
 * rpc_result NV_OK; a malformed one is a violation.
 *
 * Return: 0 or -EAGAIN.
 */
static int rm_alloc(struct nova_emu_gpu *gpu, u32 seq, const u8 *p, size_t len)
{
	u32 status;
	u8 *r;
	int ret;

	ret = rm_api_copy(gpu, FN_GSP_RM_ALLOC, seq, p, len, ALLOC_PARAMS,
			  ALLOC_PARAMS_SIZE, &r);
	if (!r)
		return ret;
	status = rm_alloc_object(&gpu->gsp.rm, get_unaligned_le32(r + ALLOC_CLIENT),
				 get_unaligned_le32(r + ALLOC_PARENT),
				 get_unaligned_le32(r + ALLOC_OBJECT),
				 get_unaligned_le32(r + ALLOC_CLASS),
				 r + ALLOC_PARAMS, len - ALLOC_PARAMS);
	return rm_api_reply(gpu, FN_GSP_RM_ALLOC, seq, r, len, ALLOC_STATUS,
			    status);
}

/**
 * rm_free() - answer FREE
 * @gpu: the emulated GPU
 * @seq: the command's RPC sequence number
 * @p: its payload, an rpc_free_v03_00
 * @len: the payload's length
 *
 * Return: 0 or -EAGAIN.
 */
static int rm_free(struct nova_emu_gpu *gpu, u32 seq, const u8 *p, size_t len)
{
	u8 r[FREE_LEN];

	if (len != FREE_LEN) {
		rm_err(gpu, "FREE with a payload of %zu bytes, expected %u",
		       len, FREE_LEN);
		return rm_send(gpu, FN_FREE, seq, NV_ERR_INVALID_ARGUMENT, NULL, 0,
			       true);
	}
	memcpy(r, p, FREE_LEN);
	put_unaligned_le32(rm_free_object(&gpu->gsp.rm,
					  get_unaligned_le32(r + FREE_ROOT),
					  get_unaligned_le32(r + FREE_OBJECT)),
			   r + FREE_STATUS);
	return rm_send(gpu, FN_FREE, seq, NV_OK, r, FREE_LEN, true);
}

/**
 * rm_control() - answer GSP_RM_CONTROL
 * @gpu: the emulated GPU
 * @seq: the command's RPC sequence number
 * @p: its payload, an rpc_gsp_rm_control_v03_00
 * @len: the payload's length
 *
 * The reply is the command's payload with its status and parameters
 * filled in; rpc_result is NV_OK once the control ran, whatever its
 * status (a malformed command is a protocol violation: counted, and
 * answered NV_ERR_INVALID_ARGUMENT with no payload). Controls go to the
 * internal subdevice of the internal client the static information names,
 * or to an object the driver allocated of the class the command names in
 * its upper 16 bits (another object has no such method:
 * NV_ERR_NOT_SUPPORTED).
 *
 * Return: 0 or -EAGAIN.
 */
static int rm_control(struct nova_emu_gpu *gpu, u32 seq, const u8 *p,
		      size_t len)
{
	struct nova_emu_rm_object *o;
	u32 cmd, status, client, object;
	u8 *r;
	int ret;

	ret = rm_api_copy(gpu, FN_GSP_RM_CONTROL, seq, p, len, CTRL_PARAMS,
			  CTRL_PARAMS_SIZE, &r);
	if (!r)
		return ret;
	cmd = get_unaligned_le32(r + CTRL_CMD);
	client = get_unaligned_le32(r + CTRL_CLIENT);
	object = get_unaligned_le32(r + CTRL_OBJECT);
	o = rm_object(&gpu->gsp.rm, client, object);
	if (client != RM_INTERNAL_CLIENT && !rm_object(&gpu->gsp.rm, client, client))
		status = NV_ERR_INVALID_CLIENT;
	else if (client == RM_INTERNAL_CLIENT ? object != RM_INTERNAL_SUBDEVICE : !o)
		status = NV_ERR_INVALID_OBJECT_HANDLE;
	else if ((cmd >> 16) != (o ? o->class : NV20_SUBDEVICE_0))
		status = NV_ERR_NOT_SUPPORTED;
	else
		status = rm_control_params(gpu, client, cmd, r + CTRL_PARAMS,
					   len - CTRL_PARAMS);
	return rm_api_reply(gpu, FN_GSP_RM_CONTROL, seq, r, len, CTRL_STATUS,
			    status);
}

/**
 * rm_command() - answer one command
 * @gpu: the emulated GPU
 * @hdr: its RPC header
 * @p: its payload
 * @len: the payload's length
 *
 * Return: 0, or -EAGAIN if the reply waits for room.
 */
static int rm_command(struct nova_emu_gpu *gpu, const u8 *hdr, const u8 *p,
		      size_t len)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;
	u32 fn = get_unaligned_le32(hdr + RPC_FUNCTION);
	u32 seq = get_unaligned_le32(hdr + RPC_SEQUENCE);
	bool ok;
	int ret;

	switch (fn) {
	case FN_GSP_SET_SYSTEM_INFO:
		ok = rm_check_sysinfo(gpu, p, len);
		rm->sysinfo |= ok;
		return rm_send(gpu, fn, seq, ok ? NV_OK : NV_ERR_INVALID_ARGUMENT,
			       NULL, 0, true);
	case FN_SET_REGISTRY:
		ok = rm_check_registry(gpu, p, len);
		rm->registry |= ok;
		return rm_send(gpu, fn, seq, ok ? NV_OK : NV_ERR_INVALID_ARGUMENT,
			       NULL, 0, true);
	case FN_GET_GSP_STATIC_INFO:
		return rm_static_info(gpu, seq, len);
	case FN_UPDATE_BAR_PDE:
		if (len != BAR_PDE_LEN ||
		    get_unaligned_le32(p + BAR_PDE_TYPE) >= ARRAY_SIZE(rm->bar_pde)) {
			rm_err(gpu, "UPDATE_BAR_PDE with a payload of %zu bytes (expected %u) or a bar type past BAR2",
			       len, BAR_PDE_LEN);
			return rm_send(gpu, fn, seq, NV_ERR_INVALID_ARGUMENT,
				       NULL, 0, true);
		}
		rm->bar_pde[get_unaligned_le32(p + BAR_PDE_TYPE)] =
			get_unaligned_le64(p + BAR_PDE_VALUE);
		return rm_send(gpu, fn, seq, NV_OK, p, len, true);
	case FN_GSP_RM_CONTROL:
		return rm_control(gpu, seq, p, len);
	case FN_GSP_RM_ALLOC:
		return rm_alloc(gpu, seq, p, len);
	case FN_FREE:
		return rm_free(gpu, seq, p, len);
	case FN_UNLOADING_GUEST_DRIVER:
		if (len != UNLOAD_LEN) {
			rm_err(gpu, "UNLOADING_GUEST_DRIVER with a payload of %zu bytes, expected %u",
			       len, UNLOAD_LEN);
			return rm_send(gpu, fn, seq, NV_ERR_INVALID_ARGUMENT,
				       NULL, 0, true);
		}
		dev_info(&gpu->pdev->dev, "GSP-RM: UNLOADING_GUEST_DRIVER: unloading\n");
		ret = rm_send(gpu, fn, seq, NV_OK, NULL, 0, true);
		/* GSP-RM goes down once its reply is out. */
		if (ret)
			rm->down_after = true;
		else
			rm_down(gpu);
		return ret;
	default:
		dev_info_ratelimited(&gpu->pdev->dev, "GSP-RM: function %u not supported\n",
				     fn);
		return rm_send(gpu, fn, seq, NV_ERR_NOT_SUPPORTED, NULL, 0,
			       true);
	}
}

/**
 * rm_read_element() - read and check the next command element
 * @gpu: the emulated GPU
 * @avail: slots the queue holds
 * @slots: set to the slots to consume
 *
 * Return: 0 for a good element (in &nova_emu_rm.elem); -EINVAL for a bad
 * one (logged and counted; @slots says what to skip); -EFAULT if the
 * queue is not readable.
 */
static int rm_read_element(struct nova_emu_gpu *gpu, u32 avail, u32 *slots)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	struct nova_emu_rm *rm = &gsp->rm;
	u8 *e = rm->elem, *rpc = e + EL_RPC;
	u32 count, i, seq, length;

	if (rm_shm(gpu, rm_slot(gsp->rm.cmdq, rm->cmd_rptr), e, RM_SLOT, false))
		return -EFAULT;
	count = get_unaligned_le32(e + EL_COUNT);
	if (!count || count > RM_MAX_SLOTS || count > avail) {
		rm_err(gpu, "command element at slot %u: elemCount %u, the queue holds %u (at most %u per element)",
		       rm->cmd_rptr, count, avail, RM_MAX_SLOTS);
		*slots = avail;
		return -EINVAL;
	}
	*slots = count;
	for (i = 1; i < count; i++)
		if (rm_shm(gpu, rm_slot(gsp->rm.cmdq, rm->cmd_rptr + i),
			   e + i * RM_SLOT, RM_SLOT, false))
			return -EFAULT;
	seq = get_unaligned_le32(e + EL_SEQ);
	if (rm_checksum(e, rm_sum_len(e, count * RM_SLOT))) {
		rm_err(gpu, "command element %u: bad checksum", seq);
		rm->cmd_seq = seq + 1;
		return -EINVAL;
	}
	if (seq != rm->cmd_seq) {
		rm_err(gpu, "command element seqNum %u, expected %u", seq,
		       rm->cmd_seq);
		rm->cmd_seq = seq + 1;
		return -EINVAL;
	}
	rm->cmd_seq++;
	length = get_unaligned_le32(rpc + RPC_LENGTH);
	if (get_unaligned_le32(rpc + RPC_VERSION) != RPC_VERSION_VALUE ||
	    get_unaligned_le32(rpc + RPC_SIGNATURE) != RPC_SIGNATURE_VALUE) {
		rm_err(gpu, "command element %u: RPC header version 0x%x signature 0x%x",
		       seq, get_unaligned_le32(rpc + RPC_VERSION),
		       get_unaligned_le32(rpc + RPC_SIGNATURE));
		return -EINVAL;
	}
	if (length < RPC_HDR_LEN || length > count * RM_SLOT - EL_RPC) {
		rm_err(gpu, "command element %u: RPC length %u outside its %u slot(s)",
		       seq, length, count);
		return -EINVAL;
	}
	if (DIV_ROUND_UP(EL_RPC + length, RM_SLOT) != count) {
		rm_err(gpu, "command element %u: %u slots for an RPC of %u bytes",
		       seq, count, length);
		return -EINVAL;
	}
	return 0;
}

/**
 * rm_element() - handle a good command element
 * @gpu: the emulated GPU
 *
 * A payload of the most one element holds continues in
 * CONTINUATION_RECORD elements; the command is answered once whole.
 *
 * Return: 0, or -EAGAIN if its reply waits for room.
 */
static int rm_element(struct nova_emu_gpu *gpu)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;
	const u8 *rpc = rm->elem + EL_RPC;
	size_t len = get_unaligned_le32(rpc + RPC_LENGTH) - RPC_HDR_LEN;
	u32 fn = get_unaligned_le32(rpc + RPC_FUNCTION);
	int ret;

	if (fn == FN_CONTINUATION_RECORD) {
		if (!rm->cmd_len) {
			rm_err(gpu, "CONTINUATION_RECORD with no command to continue");
			return 0;
		}
	} else if (rm->cmd_len) {
		rm_err(gpu, "command %u cut short: function %u instead of its CONTINUATION_RECORD",
		       get_unaligned_le32(rm->cmd_hdr + RPC_FUNCTION), fn);
		rm->cmd_len = 0;
	}
	if (len < RM_MAX_PAYLOAD && !rm->cmd_len)
		return rm_command(gpu, rpc, rm->elem + EL_PAYLOAD, len);

	/* Part of a continued command: gather it. */
	if (!rm->cmd_len)
		memcpy(rm->cmd_hdr, rpc, RPC_HDR_LEN);
	if (rm->cmd_len != SIZE_MAX) {
		if (len > NOVA_EMU_RM_CMD_MAX - rm->cmd_len) {
			rm_err(gpu, "a continued command over %u bytes",
			       NOVA_EMU_RM_CMD_MAX);
			rm->cmd_len = SIZE_MAX;	/* skip the rest of it */
		} else {
			memcpy(rm->cmd + rm->cmd_len, rm->elem + EL_PAYLOAD, len);
			rm->cmd_len += len;
		}
	}
	if (len == RM_MAX_PAYLOAD)
		return 0;
	if (rm->cmd_len == SIZE_MAX) {
		ret = rm_send(gpu, get_unaligned_le32(rm->cmd_hdr + RPC_FUNCTION),
			      get_unaligned_le32(rm->cmd_hdr + RPC_SEQUENCE),
			      NV_ERR_INVALID_ARGUMENT, NULL, 0, true);
	} else {
		ret = rm_command(gpu, rm->cmd_hdr, rm->cmd, rm->cmd_len);
	}
	rm->cmd_len = 0;
	return ret;
}

/**
 * rm_commands() - read and answer the commands queued
 * @gpu: the emulated GPU
 *
 * Return: 0 once the queue is empty; -EAGAIN if a reply waits for room.
 */
static int rm_commands(struct nova_emu_gpu *gpu)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	struct nova_emu_rm *rm = &gsp->rm;
	u32 wptr, avail, slots;
	int ret;

	for (;;) {
		/*
		 * Both init commands in: the sequencer, once; on Hopper and
		 * Blackwell, which have no booter to resume GSP-RM, INIT_DONE.
		 */
		if (rm->sysinfo && rm->registry && rm->phase == NOVA_EMU_RM_INIT) {
			if (gpu->cfg.fsp_family != NOVA_EMU_FSP_NONE)
				ret = rm_init_done(gpu);
			else
				ret = rm_sequencer(gpu);
			if (ret)
				return ret;
		}
		if (rm->silent)
			return 0;
		if (rm_rd32(gpu, gsp->rm.cmdq + RM_WPTR, &wptr))
			goto fault;
		if (wptr >= RM_SLOTS) {
			rm_err(gpu, "command queue writePtr %u, the queue has %u slots",
			       wptr, RM_SLOTS);
			rm->silent = true;
			return 0;
		}
		avail = (wptr + RM_SLOTS - rm->cmd_rptr) % RM_SLOTS;
		if (!avail)
			return 0;
		ret = rm_read_element(gpu, avail, &slots);
		if (ret == -EFAULT)
			goto fault;
		rm->cmd_rptr = (rm->cmd_rptr + slots) % RM_SLOTS;
		if (rm_wr32(gpu, gsp->rm.statq + RM_RX_RPTR, rm->cmd_rptr))
			goto fault;
		if (!ret) {
			ret = rm_element(gpu);
			if (ret)
				return ret;
		}
	}
fault:
	dev_err(&gpu->pdev->dev, "GSP-RM: the command queue is not accessible: it falls silent\n");
	nova_emu_count(gpu, &gsp->errors);
	rm->silent = true;
	return 0;
}

/**
 * rm_resumed() - check what the sequencer's script did, then INIT_DONE
 * @gpu: the emulated GPU
 *
 * Return: 0 or -EAGAIN.
 */
static int rm_resumed(struct nova_emu_gpu *gpu)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;
	u32 scratch[NOVA_EMU_RM_SCRATCH_NUM], resets, starts;
	u32 modified = (SEQ_MODIFY_INIT & ~SEQ_MODIFY_MASK) | SEQ_MODIFY_VAL;
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	memcpy(scratch, rm->scratch, sizeof(scratch));
	resets = rm->resets;
	starts = rm->starts;
	rm->phase = NOVA_EMU_RM_READY;
	spin_unlock_irqrestore(&gpu->lock, flags);

	if (scratch[0] != SEQ_WRITE_VAL || scratch[1] != modified ||
	    resets < 2 || !starts) {
		rm_err(gpu, "the sequencer's script did not take effect (write 0x%08x, modify 0x%08x, expected 0x%08x, 0x%08x; %u GSP falcon resets, %u starts): no INIT_DONE",
		       scratch[0], scratch[1], SEQ_WRITE_VAL, modified, resets,
		       starts);
		rm->silent = true;
		return 0;
	}
	return rm_send(gpu, EV_INIT_DONE, 0, NV_OK, NULL, 0, false);
}

/**
 * rm_job() - GSP-RM's job: send what waits, then answer the commands
 * @job: &nova_emu_rm.job
 */
static void rm_job(struct nova_emu_job *job)
{
	struct nova_emu_gpu *gpu = job->gpu;
	struct nova_emu_gsp *gsp = &gpu->gsp;
	struct nova_emu_rm *rm = &gsp->rm;
	enum nova_emu_rm_phase phase;
	unsigned long flags;
	bool running;
	int ret;

	spin_lock_irqsave(&gpu->lock, flags);
	running = gsp->state == NOVA_EMU_GSP_RUNNING;
	phase = rm->phase;
	/* The queues' place, as GSP-RM's start found it (a reset clears it). */
	rm->shm_pages = gsp->shm_pages;
	rm->cmdq = gsp->cmdq;
	rm->statq = gsp->statq;
	spin_unlock_irqrestore(&gpu->lock, flags);
	/* Stopped, suspended or down: the job runs again when it resumes. */
	if (!running)
		return;

	ret = rm_flush_out(gpu);
	if (!ret && phase == NOVA_EMU_RM_RESUMED)
		ret = rm_resumed(gpu);
	if (!ret && !rm->silent)
		ret = rm_commands(gpu);
	if (ret == -EAGAIN) {
		u64 now = nova_emu_host_now_ns();

		nova_emu_host_job_queue(&rm->job, rm->late_until > now ?
					rm->late_until - now : RM_RETRY_NS);
	}
}

/**
 * nova_emu_rm_init() - set up GSP-RM's queue model of a new GPU
 * @gpu: the emulated GPU
 *
 * Return: 0 or -ENOMEM.
 */
int nova_emu_rm_init(struct nova_emu_gpu *gpu)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;

	rm->elem = kvmalloc(RM_MAX_SLOTS * RM_SLOT, GFP_KERNEL);
	rm->out = kvmalloc(RM_MAX_SLOTS * RM_SLOT, GFP_KERNEL);
	rm->cmd = kvmalloc(NOVA_EMU_RM_CMD_MAX, GFP_KERNEL);
	if (!rm->elem || !rm->out || !rm->cmd) {
		nova_emu_rm_free(gpu);
		return -ENOMEM;
	}
	nova_emu_host_job_init(&rm->job, gpu, rm_job);
	return 0;
}

/**
 * nova_emu_rm_free() - free GSP-RM's queue model
 * @gpu: the emulated GPU, its jobs killed
 */
void nova_emu_rm_free(struct nova_emu_gpu *gpu)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;

	kvfree(rm->elem);
	kvfree(rm->out);
	kvfree(rm->cmd);
	rm->elem = NULL;
	rm->out = NULL;
	rm->cmd = NULL;
}

/**
 * nova_emu_rm_start() - GSP-RM starts answering on its queues
 * @gpu: the emulated GPU, its lock held, GSP-RM just running
 *
 * Called by the start job, which runs on the worker as the job does: the
 * job's own members may be reset here.
 */
void nova_emu_rm_start(struct nova_emu_gpu *gpu)
{
	struct nova_emu_rm *rm = &gpu->gsp.rm;

	lockdep_assert_held(&gpu->lock);
	rm->phase = NOVA_EMU_RM_INIT;
	rm->resets = 0;
	rm->starts = 0;
	rm->cmd_rptr = 0;
	rm->cmd_seq = 0;
	rm->stat_wptr = 0;
	rm->stat_seq = 0;
	rm->sysinfo = false;
	rm->registry = false;
	memset(rm->bar_pde, 0, sizeof(rm->bar_pde));
	memset(rm->objects, 0, sizeof(rm->objects));
	rm->silent = false;
	rm->flood_left = 0;
	rm->late_until = 0;
	rm->out_slots = 0;
	rm->cmd_len = 0;
	rm->down_after = false;
	nova_emu_host_job_queue(&rm->job, 0);
}

/**
 * nova_emu_rm_doorbell() - NV_PGSP_QUEUE_HEAD(0) written
 * @gpu: the emulated GPU, its lock held
 *
 * Queues GSP-RM's job if it runs; before it runs, the commands wait in the
 * queue for its start.
 */
void nova_emu_rm_doorbell(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	if (gpu->gsp.state == NOVA_EMU_GSP_RUNNING)
		nova_emu_host_job_queue(&gpu->gsp.rm.job, 0);
}

/**
 * nova_emu_rm_falcon_reset() - the GSP falcon was reset
 * @gpu: the emulated GPU, its lock held
 *
 * During the sequencer, GSP-RM parks (suspended) until CORE_RESUME; its
 * state lives on in WPR2. Otherwise (FWSEC's runs) nothing changes here.
 */
void nova_emu_rm_falcon_reset(struct nova_emu_gpu *gpu)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;

	lockdep_assert_held(&gpu->lock);
	if (gsp->rm.phase != NOVA_EMU_RM_SEQ)
		return;
	if (gsp->state == NOVA_EMU_GSP_RUNNING)
		gsp->state = NOVA_EMU_GSP_SUSPENDED;
	if (gsp->state == NOVA_EMU_GSP_SUSPENDED)
		gsp->rm.resets++;
}

/**
 * nova_emu_rm_falcon_start() - the GSP falcon's CPU was started
 * @gpu: the emulated GPU, its lock held
 */
void nova_emu_rm_falcon_start(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	if (gpu->gsp.state == NOVA_EMU_GSP_SUSPENDED &&
	    gpu->gsp.rm.phase == NOVA_EMU_RM_SEQ)
		gpu->gsp.rm.starts++;
}

/**
 * nova_emu_rm_resume() - booter_load started again: GSP-RM resumes
 * @gpu: the emulated GPU, its lock not held, GSP-RM suspended
 *
 * The GSP's mailboxes must hold the libos arguments' address again.
 *
 * Return: 0, or %NOVA_EMU_MBOX_BOOTER_RESUME (MAILBOX0).
 */
u32 nova_emu_rm_resume(struct nova_emu_gpu *gpu)
{
	struct nova_emu_gsp *gsp = &gpu->gsp;
	struct nova_emu_falcon *f = &gpu->falcon[NOVA_EMU_FALCON_GSP];
	unsigned long flags;
	u64 libos, want;
	bool ok = false;

	spin_lock_irqsave(&gpu->lock, flags);
	libos = (u64)f->mailbox[1] << 32 | f->mailbox[0];
	want = gsp->libos;
	if (gsp->state == NOVA_EMU_GSP_SUSPENDED && libos == want) {
		ok = true;
		gsp->state = NOVA_EMU_GSP_RUNNING;
		gsp->boot_stage |= RM_BOOT_STAGE_3_HANDOFF;
		gsp->rm.phase = NOVA_EMU_RM_RESUMED;
		nova_emu_host_job_queue(&gsp->rm.job, 0);
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (ok)
		return 0;
	rm_err(gpu, "resume: GSP MAILBOX0/1 hold 0x%llx, not the libos arguments at 0x%llx",
	       libos, want);
	return NOVA_EMU_MBOX_BOOTER_RESUME;
}

/**
 * nova_emu_rm_scratch_rd() - read a scratch register of the sequencer
 * @gpu: the emulated GPU, its lock held
 * @addr: BAR0 offset
 * @val: set to its value
 *
 * Return: true if @addr is one.
 */
bool nova_emu_rm_scratch_rd(struct nova_emu_gpu *gpu, u32 addr, u32 *val)
{
	u32 i = (addr - NOVA_EMU_RM_SCRATCH_BASE) / 4;

	if (addr < NOVA_EMU_RM_SCRATCH_BASE || i >= NOVA_EMU_RM_SCRATCH_NUM ||
	    addr % 4)
		return false;
	*val = gpu->gsp.rm.scratch[i];
	return true;
}

/**
 * nova_emu_rm_scratch_wr() - write a scratch register of the sequencer
 * @gpu: the emulated GPU, its lock held
 * @addr: BAR0 offset
 * @val: the value
 *
 * Return: true if @addr is one.
 */
bool nova_emu_rm_scratch_wr(struct nova_emu_gpu *gpu, u32 addr, u32 val)
{
	u32 i = (addr - NOVA_EMU_RM_SCRATCH_BASE) / 4;

	if (addr < NOVA_EMU_RM_SCRATCH_BASE || i >= NOVA_EMU_RM_SCRATCH_NUM ||
	    addr % 4)
		return false;
	gpu->gsp.rm.scratch[i] = val;
	return true;
}
