/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GPU model of drivers/gpu/nova-core/emu as a library for a host
 * outside the kernel (the QEMU device qemu/nova-gpu.c): the model's very
 * source, built against the user-space stand-ins of qemu/lib/include, with
 * host functions (emu/host.h) that call back into the host. Plain C types
 * only, so that the host includes nothing of the kernel's.
 *
 * The host serialises every call for one GPU (QEMU: its big lock).
 */
#ifndef NOVA_EMU_LIB_H
#define NOVA_EMU_LIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * struct nova_emu_lib_ops - what the host does for the model
 * @opaque: passed back to each function.
 * @dma: read (@write false) or write the driver's memory at bus address
 *	@addr; 0, or negative for an access the bus refuses (an IOMMU fault).
 * @irq: the level of the GPU's interrupt changed.
 * @timer: call nova_emu_lib_run() once the clock of @now_ns reaches
 *	@when_ns (earlier is harmless); replaces the previous request.
 * @now_ns: the model's clock, in nanoseconds.
 * @log: one line of the model's log, with its level ("error", "info").
 */
struct nova_emu_lib_ops {
	void *opaque;
	int (*dma)(void *opaque, uint64_t addr, void *buf, size_t len, bool write);
	void (*irq)(void *opaque, bool level);
	void (*timer)(void *opaque, uint64_t when_ns);
	uint64_t (*now_ns)(void *opaque);
	void (*log)(void *opaque, const char *level, const char *line);
};

/**
 * struct nova_emu_lib_info - what the host needs to present the GPU
 * @chip: the chipset's name ("ga102").
 * @boot0: NV_PMC_BOOT_0 as the GPU reports it.
 * @bar0_size: BAR0's size in bytes.
 * @vram_bar_size: BAR1's (the VRAM aperture's) size in bytes.
 * @rom: the VBIOS image, or NULL; valid while the GPU exists.
 * @rom_size: its size in bytes.
 * @unmodeled: accesses to registers the model does not know.
 * @dma_faults: DMA the host refused.
 * @gsp_errors: protocol violations GSP-RM's model saw.
 * @gsp: what GSP-RM is doing, as nova_emu's emu/gsp shows it ("running").
 * @misbehave: GSP-RM's armed misbehaviour, as emu/gsp_misbehave shows it.
 * @wpr2_start: WPR2's first byte in VRAM, or 0 where WPR2 is not set.
 * @wpr2_end: WPR2's end (exclusive), or 0.
 * @fsp: what the FSP is doing, as nova_emu's emu/fsp shows it ("idle",
 *	"none" on a chip without FSP).
 * @fmc: what GSP-FMC is doing ("off", "masked", "locked", "failed").
 * @fsp_messages: messages the FSP took.
 * @fsp_last_error: the errorCode of the FSP's last answer.
 * @fsp_misbehave: the FSP's mode, as emu/fsp_misbehave shows it ("ok").
 */
struct nova_emu_lib_info {
	const char *chip;
	uint32_t boot0;
	uint64_t bar0_size;
	uint64_t vram_bar_size;
	const uint8_t *rom;
	size_t rom_size;
	uint64_t unmodeled;
	uint64_t dma_faults;
	uint64_t gsp_errors;
	const char *gsp;
	const char *misbehave;
	uint64_t wpr2_start;
	uint64_t wpr2_end;
	const char *fsp;
	const char *fmc;
	uint64_t fsp_messages;
	uint32_t fsp_last_error;
	const char *fsp_misbehave;
};

struct nova_emu_lib;

struct nova_emu_lib *nova_emu_lib_create(const char *config, const char *fw_dir,
					 const struct nova_emu_lib_ops *ops,
					 char *err, size_t err_len);
void nova_emu_lib_destroy(struct nova_emu_lib *l);
uint32_t nova_emu_lib_rd32(struct nova_emu_lib *l, uint32_t addr);
void nova_emu_lib_wr32(struct nova_emu_lib *l, uint32_t addr, uint32_t val);
void nova_emu_lib_run(struct nova_emu_lib *l);
void nova_emu_lib_reset(struct nova_emu_lib *l);
int nova_emu_lib_misbehave(struct nova_emu_lib *l, const char *mode);
int nova_emu_lib_fsp_misbehave(struct nova_emu_lib *l, const char *mode);
void nova_emu_lib_info(struct nova_emu_lib *l, struct nova_emu_lib_info *info);
void nova_emu_lib_set_clock(uint64_t (*now_ns)(void));

#endif
