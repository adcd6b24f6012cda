/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core: the firmware ABI of GSP-RM r570.144, as far as the boot, the
 * message queues and the first RPCs need it.
 *
 * The definitions are nova_core's own; each names in its kernel-doc the
 * structure of NVIDIA's open-gpu-kernel-modules (tag 570.144) it lays out
 * the same, so a reader can find it there. Every size and field offset is
 * checked below against the values of r570.144, written as numbers.
 *
 * The GSP is little-endian and so are the hosts nova_core builds for; the
 * structures are shared with it as they are, in the order and with the
 * padding given here (which is explicit: no field relies on the compiler's
 * alignment).
 */
#ifndef __NOVA_CORE_GSP_FW_H__
#define __NOVA_CORE_GSP_FW_H__

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/types.h>

/* (A C library defines both; the kernel only the one that applies.) */
#if defined(__BIG_ENDIAN) && !defined(__LITTLE_ENDIAN)
#error "the GSP firmware ABI is little-endian: nova_core builds for little-endian hosts only"
#endif

/* GspFwWprMeta: magic, revision and what Booter sets once it checked it. */
#define NOVA_GSP_WPR_META_MAGIC		0xdc3aae21371a60b3ULL
#define NOVA_GSP_WPR_META_REVISION	1
#define NOVA_GSP_WPR_META_VERIFIED	0xa0a0a0a0a0a0a0a0ULL

/**
 * struct nova_gsp_wpr_meta - NVIDIA's GspFwWprMeta (gsp_fw_wpr_meta.h)
 * @magic: %NOVA_GSP_WPR_META_MAGIC.
 * @revision: %NOVA_GSP_WPR_META_REVISION.
 * @sysmem_addr_radix3_elf: bus address of level 0 of the GSP image's
 *	radix3 page table.
 * @size_radix3_elf: size of the GSP image (.fwimage).
 * @sysmem_addr_bootloader: bus address of the RISC-V bootloader.
 * @size_bootloader: its size.
 * @bootloader_code_offset: offset of its code in it.
 * @bootloader_data_offset: offset of its data in it.
 * @bootloader_manifest_offset: offset of its manifest in it.
 * @sysmem_addr_signature: bus address of the image's signature
 *	(sysmemAddrOfSignature; shares its place with other fields).
 * @size_signature: size of the signature (sizeOfSignature).
 * @gsp_fw_rsvd_start: start of what the GSP reserves in VRAM.
 * @non_wpr_heap_offset: the non-WPR heap.
 * @non_wpr_heap_size: its size.
 * @gsp_fw_wpr_start: start of WPR2.
 * @gsp_fw_heap_offset: the WPR heap.
 * @gsp_fw_heap_size: its size.
 * @gsp_fw_offset: the GSP image in VRAM.
 * @boot_bin_offset: the bootloader in VRAM.
 * @frts_offset: the FRTS region.
 * @frts_size: its size.
 * @gsp_fw_wpr_end: end of WPR2.
 * @fb_size: size of VRAM.
 * @vga_workspace_offset: the VGA workspace.
 * @vga_workspace_size: its size.
 * @boot_count: how often it was booted; 0 from the driver.
 * @partition_rpc: partitionRpcAddr and the fields after it (a union in
 *	NVIDIA's header), 0 from the driver.
 * @gsp_fw_heap_vf_partition_count: gspFwHeapVfPartitionCount.
 * @flags: flags.
 * @padding: padding, 0.
 * @pmu_reserved_size: pmuReservedSize.
 * @verified: %NOVA_GSP_WPR_META_VERIFIED once Booter checked it; 0 from
 *	the driver.
 *
 * One 256-byte structure in system memory whose bus address the driver
 * gives Booter in SEC2's mailboxes.
 */
struct nova_gsp_wpr_meta {
	u64 magic;
	u64 revision;
	u64 sysmem_addr_radix3_elf;
	u64 size_radix3_elf;
	u64 sysmem_addr_bootloader;
	u64 size_bootloader;
	u64 bootloader_code_offset;
	u64 bootloader_data_offset;
	u64 bootloader_manifest_offset;
	u64 sysmem_addr_signature;
	u64 size_signature;
	u64 gsp_fw_rsvd_start;
	u64 non_wpr_heap_offset;
	u64 non_wpr_heap_size;
	u64 gsp_fw_wpr_start;
	u64 gsp_fw_heap_offset;
	u64 gsp_fw_heap_size;
	u64 gsp_fw_offset;
	u64 boot_bin_offset;
	u64 frts_offset;
	u64 frts_size;
	u64 gsp_fw_wpr_end;
	u64 fb_size;
	u64 vga_workspace_offset;
	u64 vga_workspace_size;
	u64 boot_count;
	u8 partition_rpc[32];
	u8 gsp_fw_heap_vf_partition_count;
	u8 flags;
	u8 padding[2];
	u32 pmu_reserved_size;
	u64 verified;
};

/* GSP_DMA_TARGET: where GSP-FMC reads a structure from. */
#define NOVA_GSP_DMA_TARGET_LOCAL_FB		0
#define NOVA_GSP_DMA_TARGET_COHERENT_SYSTEM	1
#define NOVA_GSP_DMA_TARGET_NONCOHERENT_SYSTEM	2

/**
 * struct nova_gsp_acr_boot_gsp_rm_params - NVIDIA's
 *	GSP_ACR_BOOT_GSP_RM_PARAMS (gspifpub.h)
 * @target: where the WPR metadata lies (a GSP_DMA_TARGET).
 * @gsp_rm_desc_size: its size (gspRmDescSize).
 * @gsp_rm_desc_offset: its bus address (gspRmDescOffset).
 * @wpr_carveout_offset: 0: the FSP knows WPR2 (wprCarveoutOffset).
 * @wpr_carveout_size: 0 (wprCarveoutSize).
 * @is_gsp_rm_boot: 1: boot GSP-RM (bIsGspRmBoot).
 * @pad: padding, 0.
 */
struct nova_gsp_acr_boot_gsp_rm_params {
	u32 target;
	u32 gsp_rm_desc_size;
	u64 gsp_rm_desc_offset;
	u64 wpr_carveout_offset;
	u32 wpr_carveout_size;
	u8 is_gsp_rm_boot;
	u8 pad[3];
};

/**
 * struct nova_gsp_rm_params - NVIDIA's GSP_RM_PARAMS (gspifpub.h)
 * @target: where the libos arguments lie (a GSP_DMA_TARGET).
 * @pad: padding, 0.
 * @boot_args_offset: their bus address (bootArgsOffset).
 */
struct nova_gsp_rm_params {
	u32 target;
	u32 pad;
	u64 boot_args_offset;
};

/**
 * struct nova_gsp_spdm_params - NVIDIA's GSP_SPDM_PARAMS (gspifpub.h),
 *	for confidential computing; 0 from nova_core
 * @target: where the payload buffer lies.
 * @pad: padding, 0.
 * @payload_buffer_offset: its bus address.
 * @payload_buffer_size: its size.
 * @pad2: padding, 0.
 */
struct nova_gsp_spdm_params {
	u32 target;
	u32 pad;
	u64 payload_buffer_offset;
	u32 payload_buffer_size;
	u32 pad2;
};

/**
 * struct nova_gsp_fmc_boot_params - NVIDIA's GSP_FMC_BOOT_PARAMS
 *	(gspifpub.h): what GSP-FMC boots GSP-RM with on Hopper and Blackwell
 * @regkeys: GSP_FMC_INIT_PARAMS's regkeys; 0.
 * @pad: padding, 0.
 * @boot_gsp_rm_params: the WPR metadata (bootGspRmParams).
 * @gsp_rm_params: the libos arguments (gspRmParams).
 * @gsp_spdm_params: unused, 0 (gspSpdmParams).
 *
 * One 80-byte structure in system memory, whose bus address goes to the
 * FSP in the COT message; GSP-FMC shows it in the GSP's mailboxes while it
 * boots.
 */
struct nova_gsp_fmc_boot_params {
	u32 regkeys;
	u32 pad;
	struct nova_gsp_acr_boot_gsp_rm_params boot_gsp_rm_params;
	struct nova_gsp_rm_params gsp_rm_params;
	struct nova_gsp_spdm_params gsp_spdm_params;
};

/* LibosMemoryRegionKind and LibosMemoryRegionLoc. */
#define NOVA_LIBOS_REGION_CONTIGUOUS	1
#define NOVA_LIBOS_REGION_RADIX3	2
#define NOVA_LIBOS_REGION_LOC_SYSMEM	1
#define NOVA_LIBOS_REGION_LOC_FB	2

/**
 * struct nova_libos_region - NVIDIA's LibosMemoryRegionInitArgument
 *	(libos_init_args.h)
 * @id8: the region's name, up to 8 characters packed into a u64, the
 *	first one in the most significant byte ("LOGINIT", "RMARGS", ...).
 * @pa: its bus address.
 * @size: its size.
 * @kind: NOVA_LIBOS_REGION_*.
 * @loc: NOVA_LIBOS_REGION_LOC_*.
 * @pad: padding, 0.
 */
struct nova_libos_region {
	u64 id8;
	u64 pa;
	u64 size;
	u8 kind;
	u8 loc;
	u8 pad[6];
};

/**
 * struct nova_gsp_mq_init_args - NVIDIA's MESSAGE_QUEUE_INIT_ARGUMENTS
 *	(gsp_init_args.h)
 * @shared_mem_phys_addr: bus address of the queues' page table.
 * @page_table_entry_count: entries of that table.
 * @pad: padding, 0.
 * @cmd_queue_offset: offset of the command queue in the shared memory.
 * @stat_queue_offset: offset of the status (message) queue.
 */
struct nova_gsp_mq_init_args {
	u64 shared_mem_phys_addr;
	u32 page_table_entry_count;
	u32 pad;
	u64 cmd_queue_offset;
	u64 stat_queue_offset;
};

/**
 * struct nova_gsp_sr_init_args - NVIDIA's GSP_SR_INIT_ARGUMENTS
 *	(gsp_init_args.h)
 * @old_level: the power level resumed from (0 on a cold boot).
 * @flags: flags.
 * @in_pm_transition: bInPMTransition.
 * @pad: padding, 0.
 */
struct nova_gsp_sr_init_args {
	u32 old_level;
	u32 flags;
	u8 in_pm_transition;
	u8 pad[3];
};

/**
 * struct nova_gsp_args_cached - NVIDIA's GSP_ARGUMENTS_CACHED
 *	(gsp_init_args.h), the "RMARGS" region
 * @mq: the message queues.
 * @sr: suspend and resume.
 * @gpu_instance: gpuInstance.
 * @dmem_stack: bDmemStack.
 * @pad: padding, 0.
 * @profiler_pa: profilerArgs.pa.
 * @profiler_size: profilerArgs.size.
 */
struct nova_gsp_args_cached {
	struct nova_gsp_mq_init_args mq;
	struct nova_gsp_sr_init_args sr;
	u32 gpu_instance;
	u8 dmem_stack;
	u8 pad[7];
	u64 profiler_pa;
	u64 profiler_size;
};

/* msgqTxHeader.flags: the read pointers are swapped between the queues. */
#define NOVA_MSGQ_FLAGS_SWAP_RX		1

/**
 * struct nova_msgq_tx_header - NVIDIA's msgqTxHeader (msgq_priv.h)
 * @version: 0.
 * @size: size of the queue in bytes.
 * @msg_size: size of one element slot.
 * @msg_count: number of slots.
 * @write_ptr: the next slot the writer fills.
 * @flags: %NOVA_MSGQ_FLAGS_SWAP_RX.
 * @rx_hdr_off: offset of the &struct nova_msgq_rx_header.
 * @entry_off: offset of the first slot.
 */
struct nova_msgq_tx_header {
	u32 version;
	u32 size;
	u32 msg_size;
	u32 msg_count;
	u32 write_ptr;
	u32 flags;
	u32 rx_hdr_off;
	u32 entry_off;
};

/**
 * struct nova_msgq_rx_header - NVIDIA's msgqRxHeader (msgq_priv.h)
 * @read_ptr: the next slot the reader reads.
 */
struct nova_msgq_rx_header {
	u32 read_ptr;
};

/* rpc_message_header_v03_00: version 3.0 and the "VRPC" signature. */
#define NOVA_RPC_HEADER_VERSION		0x03000000
#define NOVA_RPC_SIGNATURE		0x43505256
/* What rpc_result reads until GSP-RM answered. */
#define NOVA_RPC_RESULT_PENDING		0xffffffff

/**
 * struct nova_rpc_header - NVIDIA's rpc_message_header_v03_00
 *	(g_rpc-message-header.h)
 * @header_version: %NOVA_RPC_HEADER_VERSION.
 * @signature: %NOVA_RPC_SIGNATURE.
 * @length: bytes of the header and the payload after it.
 * @function: the RPC (NOVA_RPC_FN_*) or event (NOVA_RPC_EVENT_*).
 * @rpc_result: the result, %NOVA_RPC_RESULT_PENDING until answered.
 * @rpc_result_private: a second result, likewise.
 * @sequence: the RPC's sequence number.
 * @spare: spare (or cpuRmGfid), 0.
 * @data: the payload.
 */
struct nova_rpc_header {
	u32 header_version;
	u32 signature;
	u32 length;
	u32 function;
	u32 rpc_result;
	u32 rpc_result_private;
	u32 sequence;
	u32 spare;
	u8 data[];
};

/* Message queue elements: 4 KiB slots, at most 16 to an element. */
#define NOVA_GSP_MSG_SLOT		0x1000
#define NOVA_GSP_MSG_MAX_SLOTS		16
/* The most payload one element carries (48-byte element, 32-byte RPC header). */
#define NOVA_GSP_MSG_MAX_PAYLOAD	\
	(NOVA_GSP_MSG_MAX_SLOTS * NOVA_GSP_MSG_SLOT - 0x30 - 0x20)

/**
 * struct nova_gsp_msg_element - NVIDIA's GSP_MSG_QUEUE_ELEMENT
 *	(message_queue_priv.h)
 * @auth_tag: authTagBuffer (confidential computing), 0.
 * @aad: aadBuffer (confidential computing), 0.
 * @checksum: the XOR of the element's 64-bit words, folded to 32 bits,
 *	with this field 0.
 * @seq_num: the queue's sequence number of the element.
 * @elem_count: slots the element takes.
 * @pad: padding, 0.
 * @rpc: the RPC header, then its payload.
 */
struct nova_gsp_msg_element {
	u8 auth_tag[16];
	u8 aad[16];
	u32 checksum;
	u32 seq_num;
	u32 elem_count;
	u32 pad;
	struct nova_rpc_header rpc;
};

/* RPC functions (NV_VGPU_MSG_FUNCTION_*), the same in 535 and 570. */
#define NOVA_RPC_FN_NOP				0
#define NOVA_RPC_FN_FREE			10
#define NOVA_RPC_FN_UNLOADING_GUEST_DRIVER	47
#define NOVA_RPC_FN_GET_GSP_STATIC_INFO		65
#define NOVA_RPC_FN_CONTINUATION_RECORD		71
#define NOVA_RPC_FN_GSP_SET_SYSTEM_INFO		72
#define NOVA_RPC_FN_SET_REGISTRY		73
#define NOVA_RPC_FN_GSP_RM_CONTROL		76
#define NOVA_RPC_FN_GSP_RM_ALLOC		103

/* Events GSP-RM sends (NV_VGPU_MSG_EVENT_*), as numbered in 570. */
#define NOVA_RPC_EVENT_FIRST			0x1000
#define NOVA_RPC_EVENT_GSP_INIT_DONE		0x1001
#define NOVA_RPC_EVENT_RUN_CPU_SEQUENCER	0x1002
#define NOVA_RPC_EVENT_POST_EVENT		0x1003
#define NOVA_RPC_EVENT_RC_TRIGGERED		0x1004
#define NOVA_RPC_EVENT_MMU_FAULT_QUEUED		0x1005
#define NOVA_RPC_EVENT_OS_ERROR_LOG		0x1006
#define NOVA_RPC_EVENT_UCODE_LIBOS_PRINT	0x100c
#define NOVA_RPC_EVENT_PERF_BRIDGELESS_INFO_UPDATE	0x100f
/* From here on 570's numbers differ from 535's. */
#define NOVA_RPC_EVENT_GSP_LOCKDOWN_NOTICE	0x101c
#define NOVA_RPC_EVENT_GSP_POST_NOCAT_RECORD	0x1020

/* PACKED_REGISTRY_ENTRY.type: a 32-bit value. */
#define NOVA_REGISTRY_TYPE_DWORD		1

/**
 * struct nova_registry_entry - NVIDIA's PACKED_REGISTRY_ENTRY
 * @name_offset: offset of the key's name from the table's start.
 * @type: %NOVA_REGISTRY_TYPE_DWORD.
 * @pad: padding, 0.
 * @data: the value.
 * @length: its length in bytes.
 */
struct nova_registry_entry {
	u32 name_offset;
	u8 type;
	u8 pad[3];
	u32 data;
	u32 length;
};

/**
 * struct nova_registry_table - NVIDIA's PACKED_REGISTRY_TABLE, the payload
 *	of SET_REGISTRY
 * @size: bytes of the table, the entries and the names after them.
 * @num_entries: entries in @entries.
 * @entries: the entries; the names follow them.
 */
struct nova_registry_table {
	u32 size;
	u32 num_entries;
	struct nova_registry_entry entries[];
};

/* GSP_SEQ_BUF_OPCODE: what RUN_CPU_SEQUENCER asks the CPU to do. */
#define NOVA_SEQ_REG_WRITE		0
#define NOVA_SEQ_REG_MODIFY		1
#define NOVA_SEQ_REG_POLL		2
#define NOVA_SEQ_DELAY_US		3
#define NOVA_SEQ_REG_STORE		4
#define NOVA_SEQ_CORE_RESET		5
#define NOVA_SEQ_CORE_START		6
#define NOVA_SEQ_CORE_WAIT_FOR_HALT	7
#define NOVA_SEQ_CORE_RESUME		8

/**
 * struct nova_rpc_run_cpu_sequencer - NVIDIA's rpc_run_cpu_sequencer_v17_00,
 *	the payload of the RUN_CPU_SEQUENCER event
 * @buffer_size_dword: 32-bit words in @command_buffer.
 * @cmd_index: words of it that hold commands.
 * @reg_save_area: the registers REG_STORE saves.
 * @command_buffer: the commands, an opcode then its payload each.
 */
struct nova_rpc_run_cpu_sequencer {
	u32 buffer_size_dword;
	u32 cmd_index;
	u32 reg_save_area[8];
	u32 command_buffer[];
};

/**
 * struct nova_gsp_system_info - NVIDIA's GspSystemInfo (gsp_static_config.h),
 *	the payload of GSP_SET_SYSTEM_INFO
 * @gpu_phys_addr: bus address of BAR0.
 * @gpu_phys_fb_addr: bus address of BAR1.
 * @gpu_phys_inst_addr: bus address of BAR3 (instance memory).
 * @gpu_phys_io_addr: gpuPhysIoAddr, 0.
 * @nv_domain_bus_device_func: the PCI function: domain << 16 | bus << 8 |
 *	devfn.
 * @sim_access_buf_phys_addr: simAccessBufPhysAddr, 0.
 * @notify_op_shared_surface_phys_addr: notifyOpSharedSurfacePhysAddr, 0.
 * @pcie_atomics_op_mask: pcieAtomicsOpMask, 0.
 * @console_mem_size: consoleMemSize, 0.
 * @max_user_va: the largest user virtual address.
 * @pci_config_mirror_base: where BAR0 mirrors the PCI config space.
 * @pci_config_mirror_size: its size.
 * @pci_device_id: device id << 16 | vendor id.
 * @pci_sub_device_id: subsystem id << 16 | subsystem vendor id.
 * @pci_revision_id: the revision.
 * @pcie_atomics_cpl_device_cap_mask: pcieAtomicsCplDeviceCapMask, 0.
 * @oor_arch: oorArch (0: x86-64).
 * @pad0: padding, 0.
 * @cl_pdb_properties: clPdbProperties, 0.
 * @chipset: Chipset, 0.
 * @reserved0: bGpuBehindBridge up to gspVFInfo (the bridge, ACPI and VF
 *	facts), 0.
 * @is_primary: bIsPrimary, the GPU the firmware console is on.
 * @is_grid_build: isGridBuild, 0.
 * @pad3: padding, 0.
 * @pcie_link_cap: pcieConfigReg.linkCap, 0.
 * @grid_build_csp: gridBuildCsp, 0.
 * @reserved1: bPreserveVideoMemoryAllocations up to bRouteDispIntrsToCPU,
 *	and padding, 0.
 * @host_page_size: hostPageSize.
 */
struct nova_gsp_system_info {
	u64 gpu_phys_addr;
	u64 gpu_phys_fb_addr;
	u64 gpu_phys_inst_addr;
	u64 gpu_phys_io_addr;
	u64 nv_domain_bus_device_func;
	u64 sim_access_buf_phys_addr;
	u64 notify_op_shared_surface_phys_addr;
	u64 pcie_atomics_op_mask;
	u64 console_mem_size;
	u64 max_user_va;
	u32 pci_config_mirror_base;
	u32 pci_config_mirror_size;
	u32 pci_device_id;
	u32 pci_sub_device_id;
	u32 pci_revision_id;
	u32 pcie_atomics_cpl_device_cap_mask;
	u8 oor_arch;
	u8 pad0[7];
	u64 cl_pdb_properties;
	u32 chipset;
	u8 reserved0[772];
	u8 is_primary;
	u8 is_grid_build;
	u8 pad3[2];
	u32 pcie_link_cap;
	u32 grid_build_csp;
	u8 reserved1[12];
	u64 host_page_size;
};

/**
 * struct nova_rpc_unloading_guest_driver - NVIDIA's
 *	rpc_unloading_guest_driver_v1F_07, the payload of UNLOADING_GUEST_DRIVER
 * @in_pm_transition: bInPMTransition: suspending rather than unloading.
 * @gc6_entering: bGc6Entering, 0.
 * @pad: padding, 0.
 * @new_level: the power level entered (0 to unload, 3 to suspend).
 */
struct nova_rpc_unloading_guest_driver {
	u8 in_pm_transition;
	u8 gc6_entering;
	u8 pad[2];
	u32 new_level;
};

/* NV2080_CTRL_CMD_FB_GET_FB_REGION_INFO_PARAMS: at most this many regions. */
#define NOVA_GSP_FB_REGIONS		16

/**
 * struct nova_gsp_fb_region - NVIDIA's
 *	NV2080_CTRL_CMD_FB_GET_FB_REGION_FB_REGION_INFO
 * @base: first byte of the region in VRAM.
 * @limit: its last byte.
 * @reserved: bytes of it reserved.
 * @performance: its relative performance.
 * @support_compressed: supportCompressed.
 * @support_iso: supportISO.
 * @protected_: bProtected.
 * @black_list: blackList, the surface kinds it must not hold.
 */
struct nova_gsp_fb_region {
	u64 base;
	u64 limit;
	u64 reserved;
	u32 performance;
	u8 support_compressed;
	u8 support_iso;
	u8 protected_;
	u8 black_list[17];
};

/**
 * struct nova_gsp_static_info - NVIDIA's GspStaticConfigInfo
 *	(gsp_static_config.h), the reply of GET_GSP_STATIC_INFO; only what
 *	nova_core reads is named
 * @reserved0: grCapsBits up to SKUInfo, unread.
 * @num_fb_regions: fbRegionInfoParams.numFBRegions.
 * @pad0: padding.
 * @fb_regions: fbRegionInfoParams.fbRegion.
 * @reserved1: sriovCaps up to poisonFuseEnabled, unread.
 * @fb_length: fb_length, the VRAM size.
 * @fbio_mask: fbio_mask.
 * @fb_bus_width: fb_bus_width.
 * @fb_ram_type: fb_ram_type.
 * @fbp_mask: fbp_mask.
 * @l2_cache_size: l2_cache_size.
 * @gpu_name: gpuNameString, NUL-terminated if the firmware is kind.
 * @gpu_short_name: gpuShortNameString.
 * @reserved2: gpuNameString_Unicode up to bIsMigSupported, unread.
 * @rtd3_gc6_total_board_power: RTD3GC6TotalBoardPower.
 * @rtd3_gc6_perst_delay: RTD3GC6PerstDelay.
 * @bar1_pde_base: bar1PdeBase.
 * @bar2_pde_base: bar2PdeBase.
 * @reserved3: bVbiosValid up to displaylessMaxPixels, unread.
 * @h_internal_client: hInternalClient.
 * @h_internal_device: hInternalDevice.
 * @h_internal_subdevice: hInternalSubdevice.
 * @reserved4: bSelfHostedMode up to ecidInfo, unread.
 * @fw_wpr_non_wpr_heap_offset: fwWprLayoutOffset.nonWprHeapOffset.
 * @fw_wpr_frts_offset: fwWprLayoutOffset.frtsOffset.
 */
struct nova_gsp_static_info {
	u8 reserved0[344];
	u32 num_fb_regions;
	u32 pad0;
	struct nova_gsp_fb_region fb_regions[NOVA_GSP_FB_REGIONS];
	u8 reserved1[1224 - 1120];
	u64 fb_length;
	u64 fbio_mask;
	u32 fb_bus_width;
	u32 fb_ram_type;
	u64 fbp_mask;
	u32 l2_cache_size;
	char gpu_name[64];
	char gpu_short_name[64];
	u8 reserved2[1530 - 1388];
	u16 rtd3_gc6_total_board_power;
	u16 rtd3_gc6_perst_delay;
	u64 bar1_pde_base;
	u64 bar2_pde_base;
	u8 reserved3[1600 - 1552];
	u32 h_internal_client;
	u32 h_internal_device;
	u32 h_internal_subdevice;
	u8 reserved4[1640 - 1612];
	u64 fw_wpr_non_wpr_heap_offset;
	u64 fw_wpr_frts_offset;
};

/* GSP-RM maps memory in 4 KiB pages, whatever the CPU's page size. */
#define NOVA_GSP_PAGE_SIZE		0x1000
#define NOVA_GSP_PAGE_SHIFT		12
/* Page table entries in one GSP page. */
#define NOVA_GSP_PTES_PER_PAGE		(NOVA_GSP_PAGE_SIZE / sizeof(u64))
/* Levels of a radix3 page table, and the most it maps (1 GiB). */
#define NOVA_GSP_RADIX3_LEVELS		3
#define NOVA_GSP_RADIX3_MAX		BIT_ULL(30)

/**
 * struct nova_gsp_radix3_layout - the sizes of a radix3 page table
 * @entries: page table entries in each level, level 0 first: the last
 *	level has one for each page of the memory mapped, each other level
 *	one for each page of the level after it.
 * @bytes: bytes of each level, whole GSP pages.
 *
 * GSP-RM finds the GSP image (and the log buffers) through a three-level
 * page table of 64-bit bus addresses: sysmemAddrOfRadix3Elf is the bus
 * address of level 0, whose entry points at level 1, whose entries point
 * at the pages of level 2, whose entries point at the image's pages.
 */
struct nova_gsp_radix3_layout {
	size_t entries[NOVA_GSP_RADIX3_LEVELS];
	size_t bytes[NOVA_GSP_RADIX3_LEVELS];
};

u32 nova_gsp_msg_checksum(const void *elem, size_t len);
size_t nova_gsp_msg_sum_len(const struct nova_gsp_msg_element *e, size_t len);
int nova_gsp_msgq_free(u32 wptr, u32 rptr, u32 count);
int nova_gsp_msgq_avail(u32 wptr, u32 rptr, u32 count);
int nova_gsp_msg_check(const void *buf, size_t len, u32 seq, const char **why);
int nova_gsp_msg_check_sum(const void *buf, size_t len, u32 sum, u32 seq,
			   const char **why);
int nova_gsp_msg_slots(size_t len);
size_t nova_gsp_msg_write(void *buf, u32 slots, u32 seq, u32 fn, u32 rpc_seq,
			  const void *payload, size_t len);
int nova_gsp_msg_build(void *buf, size_t buf_len, u32 seq, u32 fn,
		       u32 rpc_seq, const void *payload, size_t len);
int nova_gsp_radix3_layout(u64 size, struct nova_gsp_radix3_layout *l);
void nova_gsp_radix3_fill(u64 *ptes, size_t count, u64 base);

/* The layouts of r570.144, as numbers. */
#define NOVA_GSP_FW_ASSERT(type, field, off) \
	static_assert(offsetof(struct type, field) == (off))

static_assert(sizeof(struct nova_gsp_wpr_meta) == 256);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, revision, 8);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, sysmem_addr_radix3_elf, 16);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, size_radix3_elf, 24);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, sysmem_addr_bootloader, 32);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, size_bootloader, 40);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, bootloader_code_offset, 48);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, bootloader_data_offset, 56);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, bootloader_manifest_offset, 64);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, sysmem_addr_signature, 72);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, size_signature, 80);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, gsp_fw_rsvd_start, 88);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, non_wpr_heap_offset, 96);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, non_wpr_heap_size, 104);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, gsp_fw_wpr_start, 112);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, gsp_fw_heap_offset, 120);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, gsp_fw_heap_size, 128);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, gsp_fw_offset, 136);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, boot_bin_offset, 144);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, frts_offset, 152);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, frts_size, 160);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, gsp_fw_wpr_end, 168);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, fb_size, 176);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, vga_workspace_offset, 184);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, vga_workspace_size, 192);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, boot_count, 200);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, partition_rpc, 208);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, gsp_fw_heap_vf_partition_count, 240);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, flags, 241);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, pmu_reserved_size, 244);
NOVA_GSP_FW_ASSERT(nova_gsp_wpr_meta, verified, 248);

static_assert(sizeof(struct nova_gsp_acr_boot_gsp_rm_params) == 32);
NOVA_GSP_FW_ASSERT(nova_gsp_acr_boot_gsp_rm_params, gsp_rm_desc_size, 4);
NOVA_GSP_FW_ASSERT(nova_gsp_acr_boot_gsp_rm_params, gsp_rm_desc_offset, 8);
NOVA_GSP_FW_ASSERT(nova_gsp_acr_boot_gsp_rm_params, wpr_carveout_offset, 16);
NOVA_GSP_FW_ASSERT(nova_gsp_acr_boot_gsp_rm_params, wpr_carveout_size, 24);
NOVA_GSP_FW_ASSERT(nova_gsp_acr_boot_gsp_rm_params, is_gsp_rm_boot, 28);
static_assert(sizeof(struct nova_gsp_rm_params) == 16);
NOVA_GSP_FW_ASSERT(nova_gsp_rm_params, boot_args_offset, 8);
static_assert(sizeof(struct nova_gsp_spdm_params) == 24);
NOVA_GSP_FW_ASSERT(nova_gsp_spdm_params, payload_buffer_offset, 8);
NOVA_GSP_FW_ASSERT(nova_gsp_spdm_params, payload_buffer_size, 16);
static_assert(sizeof(struct nova_gsp_fmc_boot_params) == 80);
NOVA_GSP_FW_ASSERT(nova_gsp_fmc_boot_params, boot_gsp_rm_params, 8);
NOVA_GSP_FW_ASSERT(nova_gsp_fmc_boot_params, gsp_rm_params, 40);
NOVA_GSP_FW_ASSERT(nova_gsp_fmc_boot_params, gsp_spdm_params, 56);

static_assert(sizeof(struct nova_libos_region) == 32);
NOVA_GSP_FW_ASSERT(nova_libos_region, pa, 8);
NOVA_GSP_FW_ASSERT(nova_libos_region, size, 16);
NOVA_GSP_FW_ASSERT(nova_libos_region, kind, 24);
NOVA_GSP_FW_ASSERT(nova_libos_region, loc, 25);

static_assert(sizeof(struct nova_gsp_mq_init_args) == 32);
NOVA_GSP_FW_ASSERT(nova_gsp_mq_init_args, page_table_entry_count, 8);
NOVA_GSP_FW_ASSERT(nova_gsp_mq_init_args, cmd_queue_offset, 16);
NOVA_GSP_FW_ASSERT(nova_gsp_mq_init_args, stat_queue_offset, 24);

static_assert(sizeof(struct nova_gsp_sr_init_args) == 12);
NOVA_GSP_FW_ASSERT(nova_gsp_sr_init_args, flags, 4);
NOVA_GSP_FW_ASSERT(nova_gsp_sr_init_args, in_pm_transition, 8);

static_assert(sizeof(struct nova_gsp_args_cached) == 72);
NOVA_GSP_FW_ASSERT(nova_gsp_args_cached, sr, 32);
NOVA_GSP_FW_ASSERT(nova_gsp_args_cached, gpu_instance, 44);
NOVA_GSP_FW_ASSERT(nova_gsp_args_cached, dmem_stack, 48);
NOVA_GSP_FW_ASSERT(nova_gsp_args_cached, profiler_pa, 56);
NOVA_GSP_FW_ASSERT(nova_gsp_args_cached, profiler_size, 64);

static_assert(sizeof(struct nova_msgq_tx_header) == 32);
NOVA_GSP_FW_ASSERT(nova_msgq_tx_header, size, 4);
NOVA_GSP_FW_ASSERT(nova_msgq_tx_header, msg_size, 8);
NOVA_GSP_FW_ASSERT(nova_msgq_tx_header, msg_count, 12);
NOVA_GSP_FW_ASSERT(nova_msgq_tx_header, write_ptr, 16);
NOVA_GSP_FW_ASSERT(nova_msgq_tx_header, flags, 20);
NOVA_GSP_FW_ASSERT(nova_msgq_tx_header, rx_hdr_off, 24);
NOVA_GSP_FW_ASSERT(nova_msgq_tx_header, entry_off, 28);
static_assert(sizeof(struct nova_msgq_rx_header) == 4);

static_assert(sizeof(struct nova_rpc_header) == 32);
NOVA_GSP_FW_ASSERT(nova_rpc_header, signature, 4);
NOVA_GSP_FW_ASSERT(nova_rpc_header, length, 8);
NOVA_GSP_FW_ASSERT(nova_rpc_header, function, 12);
NOVA_GSP_FW_ASSERT(nova_rpc_header, rpc_result, 16);
NOVA_GSP_FW_ASSERT(nova_rpc_header, rpc_result_private, 20);
NOVA_GSP_FW_ASSERT(nova_rpc_header, sequence, 24);
NOVA_GSP_FW_ASSERT(nova_rpc_header, spare, 28);
NOVA_GSP_FW_ASSERT(nova_rpc_header, data, 32);

static_assert(sizeof(struct nova_gsp_msg_element) == 80);
NOVA_GSP_FW_ASSERT(nova_gsp_msg_element, aad, 16);
NOVA_GSP_FW_ASSERT(nova_gsp_msg_element, checksum, 32);
NOVA_GSP_FW_ASSERT(nova_gsp_msg_element, seq_num, 36);
NOVA_GSP_FW_ASSERT(nova_gsp_msg_element, elem_count, 40);
NOVA_GSP_FW_ASSERT(nova_gsp_msg_element, rpc, 48);

static_assert(sizeof(struct nova_registry_entry) == 16);
NOVA_GSP_FW_ASSERT(nova_registry_entry, type, 4);
NOVA_GSP_FW_ASSERT(nova_registry_entry, data, 8);
NOVA_GSP_FW_ASSERT(nova_registry_entry, length, 12);
static_assert(sizeof(struct nova_registry_table) == 8);

static_assert(sizeof(struct nova_rpc_run_cpu_sequencer) == 40);
NOVA_GSP_FW_ASSERT(nova_rpc_run_cpu_sequencer, cmd_index, 4);
NOVA_GSP_FW_ASSERT(nova_rpc_run_cpu_sequencer, reg_save_area, 8);
NOVA_GSP_FW_ASSERT(nova_rpc_run_cpu_sequencer, command_buffer, 40);

static_assert(sizeof(struct nova_gsp_system_info) == 928);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, nv_domain_bus_device_func, 32);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, max_user_va, 72);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, pci_config_mirror_base, 80);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, pci_device_id, 88);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, oor_arch, 104);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, chipset, 120);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, is_primary, 896);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, pcie_link_cap, 900);
NOVA_GSP_FW_ASSERT(nova_gsp_system_info, host_page_size, 920);

static_assert(sizeof(struct nova_rpc_unloading_guest_driver) == 8);
NOVA_GSP_FW_ASSERT(nova_rpc_unloading_guest_driver, new_level, 4);

static_assert(sizeof(struct nova_gsp_fb_region) == 48);
static_assert(sizeof(struct nova_gsp_static_info) == 1656);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, num_fb_regions, 344);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, fb_regions, 352);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, fb_length, 1224);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, gpu_name, 1260);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, rtd3_gc6_total_board_power, 1530);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, bar1_pde_base, 1536);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, h_internal_client, 1600);
NOVA_GSP_FW_ASSERT(nova_gsp_static_info, fw_wpr_non_wpr_heap_offset, 1640);

#endif /* __NOVA_CORE_GSP_FW_H__ */
