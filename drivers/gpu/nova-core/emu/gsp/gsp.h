/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_emu: the GSP side of the emulated GPU, mirroring nova_core's gsp/:
 * booter_load and booter_unload on SEC2 (the checks of GspFwWprMeta and of
 * everything it points at), and GSP-RM on the GSP's RISC-V core (the checks
 * of its libos arguments and of the message queues' memory).
 *
 * NVIDIA's layouts (r570.144) are written here as literal offsets of the
 * emulator's own, on purpose not shared with nova_core's gsp/fw.h: the
 * emulator is an independent check of the driver.
 */
#ifndef __NOVA_EMU_GSP_H__
#define __NOVA_EMU_GSP_H__

#include <linux/types.h>

#include "../host.h"
#include "elf.h"

struct nova_emu_gpu;
struct nova_emu_falcon;

/**
 * enum nova_emu_gsp_state - what GSP-RM is doing (emu/gsp)
 * @NOVA_EMU_GSP_OFF: never started since power-on.
 * @NOVA_EMU_GSP_STARTING: booter_load succeeded and started the RISC-V
 *	core; GSP-RM has not checked its arguments yet (its job is pending).
 * @NOVA_EMU_GSP_RUNNING: GSP-RM runs: its RISC-V core reads as active.
 * @NOVA_EMU_GSP_CRASHED: GSP-RM found its arguments bad and halted; its
 *	RISC-V core never read as active.
 * @NOVA_EMU_GSP_STALLED: booter_load reported success but GSP-RM never
 *	starts (booter=nostart).
 * @NOVA_EMU_GSP_STOPPED: FWSEC-SB put the GSP back in its state before
 *	libos; WPR2 may still exist.
 * @NOVA_EMU_GSP_UNLOADED: booter_unload took WPR2 down.
 */
enum nova_emu_gsp_state {
	NOVA_EMU_GSP_OFF,
	NOVA_EMU_GSP_STARTING,
	NOVA_EMU_GSP_RUNNING,
	NOVA_EMU_GSP_CRASHED,
	NOVA_EMU_GSP_STALLED,
	NOVA_EMU_GSP_STOPPED,
	NOVA_EMU_GSP_UNLOADED,
};

/**
 * enum nova_emu_booter_mode - how the emulated booter behaves (booter=)
 * @NOVA_EMU_BOOTER_OK: like the real one.
 * @NOVA_EMU_BOOTER_FAIL: booter_load always fails with
 *	%NOVA_EMU_MBOX_BOOTER_FAIL, before it checks anything.
 * @NOVA_EMU_BOOTER_NOSTART: booter_load checks everything and reports
 *	success, but GSP-RM never starts.
 */
enum nova_emu_booter_mode {
	NOVA_EMU_BOOTER_OK,
	NOVA_EMU_BOOTER_FAIL,
	NOVA_EMU_BOOTER_NOSTART,
};

/* The most pages of the message queues' shared memory (one PTE page). */
#define NOVA_EMU_GSP_SHM_MAX_PAGES	512

/**
 * struct nova_emu_gsp - the state of GSP-RM
 * @state: what GSP-RM is doing.
 * @errors: protocol violations GSP-RM or booter found (emu/gsp_errors):
 *	bad libos arguments or queue memory, booter_unload while GSP-RM
 *	still ran.
 * @gen: bumped by everything that stops GSP-RM (FWSEC-SB, booter_unload,
 *	power-on): a start job queued under an older one does nothing.
 * @start_gen: @gen when the start job was queued.
 * @start: the job in which GSP-RM starts and checks its arguments.
 * @libos: bus address of the libos arguments page GSP-RM started with.
 * @shm: bus address of the queues' shared memory (its page table page).
 * @shm_pages: how many 4 KiB pages it has.
 * @shm_pte: the bus address of each of its pages (kmalloc'ed,
 *	%NOVA_EMU_GSP_SHM_MAX_PAGES entries), valid while @state is
 *	%NOVA_EMU_GSP_RUNNING.
 * @cmdq: offset of the command queue in the shared memory.
 * @statq: offset of the status (message) queue.
 * @loginit: bus address of the LOGINIT buffer.
 *
 * Protected by the GPU's lock, but @shm_pte, which only the start job
 * writes (before it makes @state running) and frees only at the GPU's
 * removal.
 */
struct nova_emu_gsp {
	enum nova_emu_gsp_state state;
	u64 errors;
	u32 gen;
	u32 start_gen;
	struct nova_emu_job start;
	u64 libos;
	u64 shm;
	unsigned int shm_pages;
	u64 *shm_pte;
	u64 cmdq;
	u64 statq;
	u64 loginit;
};

/**
 * struct nova_emu_nvidia_booter - one of NVIDIA's booter ucodes, as the
 * emulator recognises it
 * @chip: the chip whose directory holds the file (its family shares it).
 * @crc: CRC32 (zlib's) of app 0's code, what the driver loads into IMEM.
 * @size: its size in bytes (app0_size).
 * @load: booter_load (else booter_unload).
 * @ucode_id: the ucode id of its metadata (the boot ROM's UCODE_ID).
 * @engine_id_mask: the engine mask of its metadata (ENGIDMASK).
 * @pkc: DMEM offset of its signature (patch_loc - os_data_offset), what
 *	BROM_PARAADDR[0] must say on GA102 and later.
 */
struct nova_emu_nvidia_booter {
	const char *chip;
	u32 crc;
	u32 size;
	bool load;
	u8 ucode_id;
	u16 engine_id_mask;
	u32 pkc;
};

/* boot.c */
const char *nova_emu_gsp_sig_section(const char *chip);
int nova_emu_gsp_init(struct nova_emu_gpu *gpu);
void nova_emu_gsp_free(struct nova_emu_gpu *gpu);
void nova_emu_gsp_power_on(struct nova_emu_gpu *gpu);
void nova_emu_gsp_cancel(struct nova_emu_gpu *gpu);
void nova_emu_gsp_flush(struct nova_emu_gpu *gpu);
const char *nova_emu_gsp_state_name(enum nova_emu_gsp_state state);
bool nova_emu_gsp_riscv_active(struct nova_emu_gpu *gpu);
bool nova_emu_gsp_riscv_halted(struct nova_emu_gpu *gpu);
u32 nova_emu_booter_load(struct nova_emu_gpu *gpu,
			 const struct nova_emu_falcon *f);
u32 nova_emu_booter_unload(struct nova_emu_gpu *gpu);
void nova_emu_gsp_fwsec_sb(struct nova_emu_gpu *gpu);

#endif /* __NOVA_EMU_GSP_H__ */
