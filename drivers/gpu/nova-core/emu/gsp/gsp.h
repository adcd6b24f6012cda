/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_emu: the GSP side of the emulated GPU, mirroring nova_core's gsp/:
 * booter_load and booter_unload on SEC2 (the checks of GspFwWprMeta and of
 * everything it points at), GSP-FMC booting GSP-RM on Hopper and Blackwell
 * (the FSP's checks of a COT message, fmc.c), and GSP-RM on the GSP's
 * RISC-V core (the checks of its libos arguments and of the message
 * queues' memory).
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
 * @NOVA_EMU_GSP_SUSPENDED: the sequencer reset the GSP falcon under
 *	GSP-RM (its state lives on in WPR2): its RISC-V core is inactive
 *	until booter_load resumes it (CORE_RESUME).
 * @NOVA_EMU_GSP_DOWN: GSP-RM answered UNLOADING_GUEST_DRIVER and stopped
 *	(GSP MAILBOX0 bit 31); WPR2 stays until booter_unload.
 */
enum nova_emu_gsp_state {
	NOVA_EMU_GSP_OFF,
	NOVA_EMU_GSP_STARTING,
	NOVA_EMU_GSP_RUNNING,
	NOVA_EMU_GSP_CRASHED,
	NOVA_EMU_GSP_STALLED,
	NOVA_EMU_GSP_STOPPED,
	NOVA_EMU_GSP_UNLOADED,
	NOVA_EMU_GSP_SUSPENDED,
	NOVA_EMU_GSP_DOWN,
};

/**
 * enum nova_emu_gsp_misbehave - how GSP-RM misbehaves once (gsp_misbehave)
 * @NOVA_EMU_GSP_MB_NONE: it does not.
 * @NOVA_EMU_GSP_MB_BAD_CHECKSUM: the element's checksum is wrong.
 * @NOVA_EMU_GSP_MB_SKIP_SEQ: its seqNum skips one.
 * @NOVA_EMU_GSP_MB_OVERSIZED: its elemCount is 17.
 * @NOVA_EMU_GSP_MB_TRUNCATED: its RPC length runs past the element.
 * @NOVA_EMU_GSP_MB_OVERLAP: writePtr does not match the element: it
 *	advances by one slot for a multi-slot element, by two for a
 *	one-slot one.
 * @NOVA_EMU_GSP_MB_UNKNOWN_FUNCTION: an event the driver does not know
 *	comes first.
 * @NOVA_EMU_GSP_MB_LATE: a reply comes 2.5 s late, after the driver's
 *	2 s timeout.
 * @NOVA_EMU_GSP_MB_FLOOD: %NOVA_EMU_RM_FLOOD events come first.
 * @NOVA_EMU_GSP_MB_SILENT: GSP-RM sends nothing more until it stops.
 * @NOVA_EMU_GSP_MB_CONTINUATION: a CONTINUATION_RECORD element with no
 *	message before it comes first.
 * @NOVA_EMU_GSP_MB_NUM: how many modes there are.
 */
enum nova_emu_gsp_misbehave {
	NOVA_EMU_GSP_MB_NONE,
	NOVA_EMU_GSP_MB_BAD_CHECKSUM,
	NOVA_EMU_GSP_MB_SKIP_SEQ,
	NOVA_EMU_GSP_MB_OVERSIZED,
	NOVA_EMU_GSP_MB_TRUNCATED,
	NOVA_EMU_GSP_MB_OVERLAP,
	NOVA_EMU_GSP_MB_UNKNOWN_FUNCTION,
	NOVA_EMU_GSP_MB_LATE,
	NOVA_EMU_GSP_MB_FLOOD,
	NOVA_EMU_GSP_MB_SILENT,
	NOVA_EMU_GSP_MB_CONTINUATION,
	NOVA_EMU_GSP_MB_NUM,
};

/* How many events gsp_misbehave=flood sends. */
#define NOVA_EMU_RM_FLOOD		300
/* The longest command continued over elements GSP-RM takes. */
#define NOVA_EMU_RM_CMD_MAX		(256 * 1024)
/* RM objects the driver may allocate (GSP_RM_ALLOC), all clients together. */
#define NOVA_EMU_RM_OBJECTS		64
/* The sequencer's scratch registers: NV_PBUS_SW_SCRATCH(0x30..0x32). */
#define NOVA_EMU_RM_SCRATCH_BASE	0x0014c0
#define NOVA_EMU_RM_SCRATCH_NUM		3

/**
 * enum nova_emu_rm_phase - where GSP-RM's init is (rm.c)
 * @NOVA_EMU_RM_INIT: waiting for GSP_SET_SYSTEM_INFO and SET_REGISTRY.
 * @NOVA_EMU_RM_SEQ: RUN_CPU_SEQUENCER sent; waiting for its CORE_RESUME.
 * @NOVA_EMU_RM_RESUMED: resumed; the script's effects are to be checked.
 * @NOVA_EMU_RM_READY: INIT_DONE sent; GSP-RM answers RPCs.
 */
enum nova_emu_rm_phase {
	NOVA_EMU_RM_INIT,
	NOVA_EMU_RM_SEQ,
	NOVA_EMU_RM_RESUMED,
	NOVA_EMU_RM_READY,
};

/**
 * struct nova_emu_rm_object - an RM object the driver allocated
 * @client: its client's handle (a client's own is its handle); 0: a free
 *	slot.
 * @handle: its handle, unique in its client.
 * @parent: its parent's handle (0 for a client).
 * @class: its class (NV01_ROOT 0x0, NV01_DEVICE_0 0x80, NV20_SUBDEVICE_0
 *	0x2080, FERMI_VASPACE_A 0x90f1).
 */
struct nova_emu_rm_object {
	u32 client;
	u32 handle;
	u32 parent;
	u32 class;
};

/**
 * struct nova_emu_rm - GSP-RM answering on the message queues (rm.c)
 * @job: the job that reads commands and sends messages; queued by the
 *	doorbell, by GSP-RM's start and resume, and by itself to wait.
 * @phase: where the init is (GPU lock).
 * @resets: GSP falcon resets during the sequencer (GPU lock).
 * @starts: GSP falcon CPU starts during the sequencer (GPU lock).
 * @scratch: the sequencer's scratch registers (GPU lock).
 * @misbehave: the armed misbehaviour, emu/gsp_misbehave (GPU lock).
 * @shm_pages: &nova_emu_gsp.shm_pages, taken under the lock when the job
 *	starts (job only, like every member below).
 * @cmdq: &nova_emu_gsp.cmdq, likewise.
 * @statq: &nova_emu_gsp.statq, likewise.
 * @cmd_rptr: GSP-RM's read pointer of the command queue.
 * @cmd_seq: the seqNum the next command element must carry.
 * @stat_wptr: GSP-RM's write pointer of the status queue.
 * @stat_seq: the seqNum of its next element.
 * @sysinfo: GSP_SET_SYSTEM_INFO arrived and was good.
 * @registry: SET_REGISTRY arrived and was good.
 * @bar_pde: the page directory entries UPDATE_BAR_PDE gave, BAR1 and BAR2
 *	(NV_RPC_UPDATE_PDE_BAR_1, _2), 0 for none.
 * @objects: the RM objects the driver allocated (GSP_RM_ALLOC, FREE).
 * @silent: GSP-RM sends nothing more.
 * @flood_left: events still to send before @out.
 * @late_until: when @out may go (ns), or 0.
 * @down_after: GSP-RM goes down once @out (UNLOADING_GUEST_DRIVER's
 *	reply) is out.
 * @out_slots: slots of the element waiting in @out for room, or 0.
 * @out_fn: its function, for logs.
 * @cmd_len: bytes of a command gathered in @cmd from CONTINUATION_RECORDs.
 * @cmd_hdr: the RPC header of that command.
 * @elem: one element read from the command queue (16 slots).
 * @out: one element to send (16 slots).
 * @cmd: a command continued over elements (%NOVA_EMU_RM_CMD_MAX bytes).
 */
struct nova_emu_rm {
	struct nova_emu_job job;
	enum nova_emu_rm_phase phase;
	u32 resets;
	u32 starts;
	u32 scratch[NOVA_EMU_RM_SCRATCH_NUM];
	enum nova_emu_gsp_misbehave misbehave;
	unsigned int shm_pages;
	u64 cmdq;
	u64 statq;
	u32 cmd_rptr;
	u32 cmd_seq;
	u32 stat_wptr;
	u32 stat_seq;
	bool sysinfo;
	bool registry;
	u64 bar_pde[2];
	struct nova_emu_rm_object objects[NOVA_EMU_RM_OBJECTS];
	bool silent;
	unsigned int flood_left;
	u64 late_until;
	bool down_after;
	u32 out_slots;
	u32 out_fn;
	size_t cmd_len;
	u8 cmd_hdr[32];
	u8 *elem;
	u8 *out;
	u8 *cmd;
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

/**
 * enum nova_emu_fmc_state - GSP-FMC, booting GSP-RM on Hopper and Blackwell
 *	(fmc.c)
 * @NOVA_EMU_FMC_OFF: not booting (no COT accepted, or GSP-RM runs).
 * @NOVA_EMU_FMC_MASKED: the FSP accepted a COT; GSP-FMC has not picked it
 *	up: the PRIV target mask routes the GSP's registers to the FSP, and
 *	they read %NOVA_EMU_PRIV_MASKED.
 * @NOVA_EMU_FMC_LOCKED: GSP-FMC runs: the GSP is in lockdown (HWCFG2 bit
 *	13), its MAILBOX0/1 hold the boot parameters' bus address, until
 *	GSP-RM runs.
 * @NOVA_EMU_FMC_FAILED: GSP-FMC failed: an error code in MAILBOX0, the
 *	lockdown released, its RISC-V core halted.
 */
enum nova_emu_fmc_state {
	NOVA_EMU_FMC_OFF,
	NOVA_EMU_FMC_MASKED,
	NOVA_EMU_FMC_LOCKED,
	NOVA_EMU_FMC_FAILED,
};

/* The most pages of the message queues' shared memory (one PTE page). */
#define NOVA_EMU_GSP_SHM_MAX_PAGES	512

/* Room for the registry keys emu/gsp_registry shows. */
#define NOVA_EMU_REGISTRY_LEN	256

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
 * @boot_stage: NV_PGC6_BSI_SECURE_SCRATCH_14 (bit 26: GSP-RM resumed).
 * @fmc: GSP-FMC's state (Hopper and Blackwell).
 * @fmc_job: the job in which GSP-FMC picks the FB layout, sets WPR2 and
 *	starts GSP-RM (fmc.c).
 * @fmc_gen: @gen when @fmc_job was queued.
 * @fmc_boot: GSP-RM was started by GSP-FMC: its start job takes the libos
 *	arguments from @fmc_libos and releases the lockdown.
 * @fmc_args: bus address of GSP_FMC_BOOT_PARAMS, the COT's.
 * @fmc_libos: bus address of the libos arguments (its bootArgsOffset).
 * @fmc_fw_size: sizeOfRadix3Elf of the GspFwWprMeta the COT gave.
 * @fmc_bl_size: its sizeOfBootloader.
 * @fmc_heap_size: its gspFwHeapSize.
 * @fmc_nonwpr_size: its nonWprHeapSize.
 * @fmc_frts_end: the COT's frtsVidmemOffset: FRTS ends that far below
 *	the end of VRAM.
 * @fmc_nonwpr_offset: the non-WPR heap's offset GSP-FMC chose (0 before);
 *	GET_GSP_STATIC_INFO's fwWprLayoutOffset.nonWprHeapOffset.
 * @fmc_frts_offset: FRTS's offset GSP-FMC chose; fwWprLayoutOffset's
 *	frtsOffset.
 * @registry: the DWORD keys of the last good SET_REGISTRY since power-on,
 *	" NAME=VALUE" each, as far as they fit (emu/gsp_registry).
 * @rm: GSP-RM's message queue model (rm.c).
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
	u32 boot_stage;
	enum nova_emu_fmc_state fmc;
	struct nova_emu_job fmc_job;
	u32 fmc_gen;
	bool fmc_boot;
	u64 fmc_args;
	u64 fmc_libos;
	u64 fmc_fw_size;
	u64 fmc_bl_size;
	u64 fmc_heap_size;
	u64 fmc_nonwpr_size;
	u64 fmc_frts_end;
	u64 fmc_nonwpr_offset;
	u64 fmc_frts_offset;
	char registry[NOVA_EMU_REGISTRY_LEN];
	struct nova_emu_rm rm;
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
 * @os_crc: CRC32 (zlib's) of its non-secure code (os_code_offset 0,
 *	os_code_size 0x100), which a driver may load at IMEM 0 and start
 *	at, below app 0 (nouveau on Turing): it enters app 0's code at 0x100.
 */
struct nova_emu_nvidia_booter {
	const char *chip;
	u32 crc;
	u32 size;
	bool load;
	u8 ucode_id;
	u16 engine_id_mask;
	u32 pkc;
	u32 os_crc;
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
u32 nova_emu_gsp_meta_check(struct nova_emu_gpu *gpu, const char *who,
			    u64 meta, const char *chip, const char *section,
			    u8 *copy);
void nova_emu_gsp_start(struct nova_emu_gpu *gpu, u64 delay_ns);

/*
 * GspFwWprMeta (gsp_fw_wpr_meta.h of r570.144): its fields' offsets and
 * values, which booter_load (boot.c) and GSP-FMC (fmc.c) read.
 */
#define NOVA_EMU_META_MAGIC		0x00
#define NOVA_EMU_META_REVISION		0x08
#define NOVA_EMU_META_RADIX3		0x10
#define NOVA_EMU_META_RADIX3_SIZE	0x18
#define NOVA_EMU_META_BL		0x20
#define NOVA_EMU_META_BL_SIZE		0x28
#define NOVA_EMU_META_BL_CODE		0x30
#define NOVA_EMU_META_BL_DATA		0x38
#define NOVA_EMU_META_BL_MANIFEST	0x40
#define NOVA_EMU_META_SIG		0x48
#define NOVA_EMU_META_SIG_SIZE		0x50
#define NOVA_EMU_META_RSVD_START	0x58
#define NOVA_EMU_META_NONWPR_HEAP	0x60
#define NOVA_EMU_META_NONWPR_HEAP_SIZE	0x68
#define NOVA_EMU_META_WPR_START		0x70
#define NOVA_EMU_META_HEAP		0x78
#define NOVA_EMU_META_HEAP_SIZE		0x80
#define NOVA_EMU_META_FW		0x88
#define NOVA_EMU_META_BOOT_BIN		0x90
#define NOVA_EMU_META_FRTS		0x98
#define NOVA_EMU_META_FRTS_SIZE		0xa0
#define NOVA_EMU_META_WPR_END		0xa8
#define NOVA_EMU_META_FB_SIZE		0xb0
#define NOVA_EMU_META_VGA		0xb8
#define NOVA_EMU_META_VGA_SIZE		0xc0
#define NOVA_EMU_META_VF_PARTITIONS	0xf0
#define NOVA_EMU_META_PMU_RSVD		0xf4
#define NOVA_EMU_META_VERIFIED		0xf8
#define NOVA_EMU_META_MAGIC_VALUE	0xdc3aae21371a60b3ULL
#define NOVA_EMU_META_REVISION_VALUE	1
#define NOVA_EMU_META_VERIFIED_VALUE	0xa0a0a0a0a0a0a0a0ULL

/* fmc.c */
/* GspFwWprMeta's length, which GSP_FMC_BOOT_PARAMS's gspRmDescSize says. */
#define NOVA_EMU_META_LEN		256
void nova_emu_fmc_init(struct nova_emu_gpu *gpu);
void nova_emu_fmc_power_on(struct nova_emu_gpu *gpu);
u32 nova_emu_fmc_cot(struct nova_emu_gpu *gpu, const u8 *cot, size_t len,
		     bool boot);
bool nova_emu_fmc_priv_masked(struct nova_emu_gpu *gpu);
bool nova_emu_fmc_lockdown(struct nova_emu_gpu *gpu);
bool nova_emu_fmc_busy(struct nova_emu_gpu *gpu);
void nova_emu_fmc_release(struct nova_emu_gpu *gpu, u32 error);
const char *nova_emu_fmc_state_name(enum nova_emu_fmc_state state);

/* rm.c */
int nova_emu_rm_init(struct nova_emu_gpu *gpu);
void nova_emu_rm_free(struct nova_emu_gpu *gpu);
void nova_emu_rm_start(struct nova_emu_gpu *gpu);
void nova_emu_rm_doorbell(struct nova_emu_gpu *gpu);
void nova_emu_rm_falcon_reset(struct nova_emu_gpu *gpu);
void nova_emu_rm_falcon_start(struct nova_emu_gpu *gpu);
u32 nova_emu_rm_resume(struct nova_emu_gpu *gpu);
bool nova_emu_rm_scratch_rd(struct nova_emu_gpu *gpu, u32 addr, u32 *val);
bool nova_emu_rm_scratch_wr(struct nova_emu_gpu *gpu, u32 addr, u32 val);
const char *nova_emu_rm_misbehave_name(enum nova_emu_gsp_misbehave mode);
int nova_emu_rm_misbehave_parse(const char *buf);

#endif /* __NOVA_EMU_GSP_H__ */
