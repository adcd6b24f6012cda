/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core: the FSP (Hopper, Blackwell), which boots GSP-RM through its
 * chain of trust: nova_core waits for it to boot, hands it the FMC over
 * its EMEM queue (msg.h) and waits for GSP-FMC to release the GSP.
 */
#ifndef __NOVA_CORE_FSP_H__
#define __NOVA_CORE_FSP_H__

#include <linux/types.h>

#include "msg.h"

struct nova_device;
struct nova_fw_fmc_cot;

/* NV_THERM_I2CS_SCRATCH: the FSP's boot status; 0xff once it booted. */
#define NV_THERM_I2CS_SCRATCH_GH100		0x000200bc
#define NV_THERM_I2CS_SCRATCH_GB202		0x00ad00bc
#define   NV_THERM_I2CS_SCRATCH_FSP_BOOTED	0xff

/* The FSP falcon's EMEM port 0 and its queues (channel 0). */
#define NV_PFSP_EMEMC				0x008f2ac0
#define   NV_PFSP_EMEMC_AINCW			BIT(24)
#define   NV_PFSP_EMEMC_AINCR			BIT(25)
#define NV_PFSP_EMEMD				0x008f2ac4
#define NV_PFSP_QUEUE_HEAD			0x008f2c00
#define NV_PFSP_QUEUE_TAIL			0x008f2c04
#define NV_PFSP_MSGQ_HEAD			0x008f2c80
#define NV_PFSP_MSGQ_TAIL			0x008f2c84

/* The GSP falcon while GSP-FMC boots it: what its reads give, lockdown. */
#define NV_PGSP_PRIV_LOCKED_MASK		0xffffff00
#define NV_PGSP_PRIV_LOCKED			0xbadf4100
#define   NV_PFALCON_HWCFG2_RISCV_BR_PRIV_LOCKDOWN	BIT(13)
/* NV_PRISCV_RISCV_CPUCTL of the GSP (Hopper and later): halted, active. */
#define NV_PRISCV_RISCV_CPUCTL_GH100		0x00111388
#define   NV_PRISCV_RISCV_CPUCTL_HALTED		BIT(4)
#define   NV_PRISCV_RISCV_CPUCTL_ACTIVE_STAT	BIT(7)

/**
 * struct nova_fsp_hal - how a family's FSP and its GSP boot differ
 * @boot_status: where the FSP tells it booted (NV_THERM_I2CS_SCRATCH).
 * @cot_version: the version of the COT payload it takes.
 * @fmc: the sizes of the FMC's hash, key and signature it takes.
 * @fb_end_reserved: what the VBIOS and the GPU keep at the end of VRAM,
 *	below which FRTS ends.
 * @non_wpr_heap_size: GSP-RM's non-WPR heap (GspFwWprMeta.nonWprHeapSize).
 * @pmu_reserved_size: what the PMU reserves in VRAM
 *	(GspFwWprMeta.pmuReservedSize); 0 where GSP-RM keeps no PMU memory.
 * @vgpu_knob: its FSP has the vGPU mode knob (PRC), which upstream Nova
 *	reads on this family only.
 */
struct nova_fsp_hal {
	u32 boot_status;
	u16 cot_version;
	const struct nova_fw_fmc_cot *fmc;
	u32 fb_end_reserved;
	u32 non_wpr_heap_size;
	u32 pmu_reserved_size;
	bool vgpu_knob;
};

extern const struct nova_fsp_hal nova_fsp_hal_gh100;
extern const struct nova_fsp_hal nova_fsp_hal_gb100;
extern const struct nova_fsp_hal nova_fsp_hal_gb202;

u64 nova_fsp_frts_vidmem_offset(const struct nova_fsp_hal *hal);
int nova_fsp_wait_boot(struct nova_device *nd);
int nova_fsp_send_cot(struct nova_device *nd, const struct nova_fsp_cot_args *args);
bool nova_fsp_vgpu_mode(struct nova_device *nd);
int nova_fsp_wait_lockdown(struct nova_device *nd, u64 boot_params);
int nova_fsp_wait_gsp_halt(struct nova_device *nd);

#endif /* __NOVA_CORE_FSP_H__ */
