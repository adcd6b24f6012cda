// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the FSP of Hopper and Blackwell, and its boot status.
 *
 * The FSP boots at power-on, before any driver: NV_THERM_I2CS_SCRATCH
 * (0x0200bc on GH100 and GB10x, 0xad00bc on GB20x) reads 0xff once it
 * has (at once here; never with fsp=noboot, where it reads 0).
 *
 * The driver talks to it through its falcon at 0x8f2000: EMEM (8 KiB
 * here) through EMEMC/EMEMD port 0 (0x8f2ac0/0x8f2ac4: byte offset in bits
 * 15:2, i.e. the dword in bits 7:2 of the 256-byte block in bits 15:8;
 * AINCW bit 24 and AINCR bit 25 advance it by 4 after each EMEMD write or
 * read; EMEMC reads back the current offset), and two queues on EMEM's
 * channel 0 (its first 1024 bytes): the command queue, QUEUE_HEAD(0) and
 * QUEUE_TAIL(0) (0x8f2c00/0x8f2c04), and the message queue, MSGQ_HEAD(0)
 * and MSGQ_TAIL(0) (0x8f2c80/0x8f2c84). Neither is circular: the driver
 * writes a packet at EMEM 0, QUEUE_TAIL = its length - 4, then QUEUE_HEAD
 * = 0, the doorbell. The FSP's job takes it (QUEUE_HEAD = QUEUE_TAIL),
 * handles it, writes its answer at EMEM 0, MSGQ_TAIL = the answer's
 * length - 4 and MSGQ_HEAD = 0: an answer is there while MSGQ_HEAD !=
 * MSGQ_TAIL, until the driver writes MSGQ_TAIL = 0, MSGQ_HEAD = 0.
 *
 * Messages are single MCTP packets: dword 0 the MCTP header (SOM bit 31
 * and EOM bit 30 both set), dword 1 the NVDM header (type 0x7e in bits
 * 6:0, vendor 0x10de in bits 23:8, NVDM type in bits 31:24), then the
 * payload. The FSP answers each with an NVDM_PAYLOAD_COMMAND_RESPONSE of
 * 20 bytes: MCTP 0xc0000000, NVDM 0x1510de7e, taskId 0, the type it
 * answers, an errorCode (NOVA_EMU_FSP_*). COT (0x14) is checked and acted
 * on by gsp/fmc.c; PRC (0x13) reads GB20x's vGPU mode knob (object 0x29:
 * 0, off; the answer carries it as a u16 after the 20 bytes), anything
 * else there and elsewhere NOT_SUPPORTED; any other type NOT_SUPPORTED.
 *
 * The driver's protocol violations are counted in gsp_errors (GSP-RM's and
 * the FSP's violations together), each with one log line: a doorbell to
 * an FSP that did not boot, while it handles a message or while its answer
 * is unread (dropped, not answered); a packet not at EMEM 0, not whole
 * dwords or over 1024 bytes, with no NVDM header or a bad one (answered
 * INVALID_DATA); a multi-packet message (answered NOT_SUPPORTED). An EMEMD
 * access past EMEM is refused, counted as unmodeled and logged.
 *
 * Knobs (fsp=): noboot, badresp, silent, badseq, lockdown, fmcfail
 * (docs/emulator.md, &enum nova_emu_fsp_mode).
 *
 * Lock rules: the registers run under the GPU's lock; the job takes the
 * message out of EMEM under it, handles it without it, and takes it again
 * to answer.
 */

#include <linux/bitfield.h>
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "emu.h"

/* NV_THERM_I2CS_SCRATCH, in the THERM blocks at 0x020000 and 0xad0000. */
#define NV_THERM_I2CS_SCRATCH		0x0bc
#define   NV_THERM_I2CS_SCRATCH_FSP_BOOT_COMPLETE 0xff

/* The FSP falcon's registers, offsets from 0x8f2000 (port 0 only). */
#define NV_PFSP_EMEMC			0xac0
#define   NV_PFSP_EMEMC_OFFS		GENMASK(15, 2)
#define   NV_PFSP_EMEMC_AINCW		BIT(24)
#define   NV_PFSP_EMEMC_AINCR		BIT(25)
#define NV_PFSP_EMEMD			0xac4
#define NV_PFSP_QUEUE_HEAD		0xc00
#define NV_PFSP_QUEUE_TAIL		0xc04
#define NV_PFSP_MSGQ_HEAD		0xc80
#define NV_PFSP_MSGQ_TAIL		0xc84

/* MCTP and NVDM headers. */
#define MCTP_SOM			BIT(31)
#define MCTP_EOM			BIT(30)
#define NVDM_MSG_TYPE			GENMASK(6, 0)
#define NVDM_VENDOR			GENMASK(23, 8)
#define NVDM_TYPE			GENMASK(31, 24)
#define NVDM_MSG_TYPE_VENDOR_PCI	0x7e
#define NVDM_VENDOR_NVIDIA		0x10de
#define NVDM_TYPE_PRC			0x13
#define NVDM_TYPE_COT			0x14
#define NVDM_TYPE_RESPONSE		0x15
#define FSP_HDR_LEN			8

/* NVDM_PAYLOAD_COMMAND_RESPONSE: taskId, commandNvdmType, errorCode. */
#define RESP_LEN			20
#define RESP_TASK			8
#define RESP_TYPE			12
#define RESP_ERROR			16
#define RESP_MAX			32

/*
 * PRC: read (0x0c) a knob's active value (flags 0x02; r570's kernel reads
 * the byte as a value size of 2) by its u16 id; the vGPU mode's is 0x29.
 */
#define PRC_LEN				12
#define PRC_SUB				8
#define PRC_FLAGS			9
#define PRC_OBJECT			10
#define PRC_OBJECT_HI			11
#define PRC_SUB_READ			0x0c
#define PRC_FLAGS_ACTIVE		0x02
#define PRC_OBJECT_VGPU			0x29

/* How long the FSP takes before it looks at a message. */
#define EMU_FSP_DELAY_NS		(50 * NSEC_PER_USEC)

static void nova_emu_fsp_job(struct nova_emu_job *job);

/**
 * nova_emu_fsp_init() - set up the FSP of a new GPU
 * @gpu: the emulated GPU
 */
void nova_emu_fsp_init(struct nova_emu_gpu *gpu)
{
	nova_emu_host_job_init(&gpu->fsp.job, gpu, nova_emu_fsp_job);
}

/**
 * nova_emu_fsp_power_on() - the FSP's power-on state
 * @gpu: the emulated GPU, its lock held
 *
 * EMEM zeroed, queues empty, no message being handled (a pending job
 * cancelled, a running one drops its answer); it has booted (unless
 * fsp=noboot). Its message counter is kept.
 */
void nova_emu_fsp_power_on(struct nova_emu_gpu *gpu)
{
	struct nova_emu_fsp *fsp = &gpu->fsp;

	lockdep_assert_held(&gpu->lock);
	fsp->gen++;
	nova_emu_host_job_cancel(&fsp->job);
	memset(fsp->emem, 0, sizeof(fsp->emem));
	fsp->ememc = 0;
	fsp->emem_pos = 0;
	fsp->queue_head = 0;
	fsp->queue_tail = 0;
	fsp->msgq_head = 0;
	fsp->msgq_tail = 0;
	fsp->busy = false;
	fsp->last_error = 0;
}

/**
 * nova_emu_fsp_cancel() - stop the FSP's job for good
 * @gpu: the emulated GPU going away
 *
 * Sleeps until a running job has returned.
 */
void nova_emu_fsp_cancel(struct nova_emu_gpu *gpu)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	gpu->fsp.gen++;
	spin_unlock_irqrestore(&gpu->lock, flags);
	nova_emu_host_job_kill(&gpu->fsp.job);
}

/**
 * nova_emu_fsp_flush() - let the FSP's pending job run
 * @gpu: the emulated GPU
 *
 * Sleeps.
 */
void nova_emu_fsp_flush(struct nova_emu_gpu *gpu)
{
	nova_emu_host_job_flush(&gpu->fsp.job);
}

/**
 * nova_emu_fsp_set_mode() - set the FSP's mode (emu/fsp_misbehave)
 * @gpu: the emulated GPU
 * @word: a value of the fsp= key: ok, noboot, badresp, silent, badseq,
 *	lockdown or fmcfail
 *
 * The mode governs what the FSP and GSP-FMC do from then on: what a
 * reset and the next COT meet. Refused on a chipset without FSP, as the
 * fsp= key is. Serves both hosts: nova_emu.ko's sysfs and QEMU's
 * property.
 *
 * Return: 0, or -EINVAL for an unknown word or a chip without FSP.
 */
int nova_emu_fsp_set_mode(struct nova_emu_gpu *gpu, const char *word)
{
	unsigned long flags;
	int mode;

	mode = nova_emu_fsp_parse(word);
	if (mode < 0 || gpu->cfg.fsp_family == NOVA_EMU_FSP_NONE)
		return -EINVAL;
	spin_lock_irqsave(&gpu->lock, flags);
	gpu->cfg.fsp = mode;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return 0;
}

/**
 * nova_emu_fsp_state() - what the FSP is doing, in a word (emu/fsp)
 * @gpu: the emulated GPU, its lock held
 *
 * Return: "none" (the chip has no FSP), "noboot" (it never booted),
 * "busy" (handling a message), "answered" (its answer unread) or "idle".
 */
const char *nova_emu_fsp_state(struct nova_emu_gpu *gpu)
{
	const struct nova_emu_fsp *fsp = &gpu->fsp;

	lockdep_assert_held(&gpu->lock);
	if (gpu->cfg.fsp_family == NOVA_EMU_FSP_NONE)
		return "none";
	if (gpu->cfg.fsp == NOVA_EMU_FSP_NOBOOT)
		return "noboot";
	if (fsp->busy)
		return "busy";
	return fsp->msgq_head != fsp->msgq_tail ? "answered" : "idle";
}

/**
 * nova_emu_therm_rd() - read handler of the THERM blocks
 * @gpu: the emulated GPU
 * @inst: 0 for the block at 0x020000 (GH100, GB10x), 1 for 0xad0000 (GB20x)
 * @addr: register offset in the block
 * @val: set to the register's value
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_therm_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		       u32 *val)
{
	enum nova_emu_fsp_family family = gpu->cfg.fsp_family;
	bool here = inst ? family == NOVA_EMU_FSP_GB20X :
			   family == NOVA_EMU_FSP_GH100 ||
			   family == NOVA_EMU_FSP_GB10X;

	if (!here || addr != NV_THERM_I2CS_SCRATCH)
		return false;
	*val = gpu->cfg.fsp == NOVA_EMU_FSP_NOBOOT ? 0 :
	       NV_THERM_I2CS_SCRATCH_FSP_BOOT_COMPLETE;
	return true;
}

/**
 * emu_fsp_violation() - count a protocol violation of the driver's
 * @gpu: the emulated GPU, its lock held
 */
static void emu_fsp_violation(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&gpu->lock);
	gpu->gsp.errors++;
}

/**
 * emu_fsp_doorbell() - QUEUE_HEAD(0) written: a message for the FSP
 * @gpu: the emulated GPU, its lock held
 *
 * Queues the FSP's job, unless the FSP did not boot, handles a message
 * already or has its answer to one unread: protocol violations, the
 * message dropped.
 */
static void emu_fsp_doorbell(struct nova_emu_gpu *gpu)
{
	struct nova_emu_fsp *fsp = &gpu->fsp;
	struct device *dev = &gpu->pdev->dev;

	if (gpu->cfg.fsp == NOVA_EMU_FSP_NOBOOT) {
		emu_fsp_violation(gpu);
		dev_err_ratelimited(dev, "FSP: a message to an FSP that did not boot (NV_THERM_I2CS_SCRATCH not 0xff): nothing answers\n");
		return;
	}
	if (fsp->busy) {
		emu_fsp_violation(gpu);
		dev_err_ratelimited(dev, "FSP: a message while the FSP handles the one before (QUEUE_HEAD != QUEUE_TAIL, or no answer yet): dropped\n");
		return;
	}
	if (fsp->msgq_head != fsp->msgq_tail) {
		emu_fsp_violation(gpu);
		dev_err_ratelimited(dev, "FSP: a message while its answer to the one before is unread (MSGQ_HEAD 0x%x MSGQ_TAIL 0x%x): dropped\n",
				    fsp->msgq_head, fsp->msgq_tail);
		fsp->queue_head = fsp->queue_tail;
		return;
	}
	fsp->busy = true;
	fsp->cmd_head = fsp->queue_head;
	fsp->cmd_tail = fsp->queue_tail;
	fsp->job_gen = fsp->gen;
	nova_emu_host_job_queue(&fsp->job, EMU_FSP_DELAY_NS);
}

/**
 * emu_fsp_emem() - an EMEMD access
 * @gpu: the emulated GPU, its lock held
 * @val: the word to write, or set to the word read
 * @write: write rather than read
 *
 * An access past EMEM is refused (a read gives 0), counted as unmodeled
 * and logged; the offset does not move then.
 */
static void emu_fsp_emem(struct nova_emu_gpu *gpu, u32 *val, bool write)
{
	struct nova_emu_fsp *fsp = &gpu->fsp;

	if (fsp->emem_pos > sizeof(fsp->emem) - 4) {
		gpu->unmodeled++;
		dev_err_ratelimited(&gpu->pdev->dev, "FSP: EMEMD %s at 0x%x, past the %zu bytes of EMEM: refused\n",
				    write ? "write" : "read", fsp->emem_pos,
				    sizeof(fsp->emem));
		if (!write)
			*val = 0;
		return;
	}
	if (write) {
		put_unaligned_le32(*val, fsp->emem + fsp->emem_pos);
		if (fsp->ememc & NV_PFSP_EMEMC_AINCW)
			fsp->emem_pos += 4;
	} else {
		*val = get_unaligned_le32(fsp->emem + fsp->emem_pos);
		if (fsp->ememc & NV_PFSP_EMEMC_AINCR)
			fsp->emem_pos += 4;
	}
}

/**
 * nova_emu_fsp_rd() - read handler of the FSP falcon's block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset from 0x8f2000
 * @val: set to the register's value
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_fsp_rd(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 *val)
{
	struct nova_emu_fsp *fsp = &gpu->fsp;

	if (gpu->cfg.fsp_family == NOVA_EMU_FSP_NONE)
		return false;
	switch (addr) {
	case NV_PFSP_EMEMC:
		*val = fsp->ememc | (fsp->emem_pos & NV_PFSP_EMEMC_OFFS);
		return true;
	case NV_PFSP_EMEMD:
		emu_fsp_emem(gpu, val, false);
		return true;
	case NV_PFSP_QUEUE_HEAD:
		*val = fsp->queue_head;
		return true;
	case NV_PFSP_QUEUE_TAIL:
		*val = fsp->queue_tail;
		return true;
	case NV_PFSP_MSGQ_HEAD:
		*val = fsp->msgq_head;
		return true;
	case NV_PFSP_MSGQ_TAIL:
		*val = fsp->msgq_tail;
		return true;
	}
	return false;
}

/**
 * nova_emu_fsp_wr() - write handler of the FSP falcon's block
 * @gpu: the emulated GPU
 * @inst: unused
 * @addr: register offset from 0x8f2000
 * @val: the value written
 *
 * Return: true if the register is modelled on this chip.
 */
bool nova_emu_fsp_wr(struct nova_emu_gpu *gpu, unsigned int inst, u32 addr,
		     u32 val)
{
	struct nova_emu_fsp *fsp = &gpu->fsp;

	if (gpu->cfg.fsp_family == NOVA_EMU_FSP_NONE)
		return false;
	switch (addr) {
	case NV_PFSP_EMEMC:
		fsp->ememc = val & (NV_PFSP_EMEMC_AINCW | NV_PFSP_EMEMC_AINCR);
		fsp->emem_pos = val & NV_PFSP_EMEMC_OFFS;
		return true;
	case NV_PFSP_EMEMD:
		emu_fsp_emem(gpu, &val, true);
		return true;
	case NV_PFSP_QUEUE_HEAD:
		fsp->queue_head = val;
		emu_fsp_doorbell(gpu);
		return true;
	case NV_PFSP_QUEUE_TAIL:
		fsp->queue_tail = val;
		return true;
	case NV_PFSP_MSGQ_HEAD:
		fsp->msgq_head = val;
		return true;
	case NV_PFSP_MSGQ_TAIL:
		fsp->msgq_tail = val;
		return true;
	}
	return false;
}

/**
 * emu_fsp_answer() - build the FSP's answer
 * @gpu: the emulated GPU
 * @resp: the answer, %RESP_MAX bytes
 * @type: the NVDM type answered
 * @code: the errorCode
 * @extra: what follows the 20 bytes, or NULL
 * @extra_len: its length, at most %RESP_MAX - %RESP_LEN
 *
 * With fsp=badseq the MCTP header says SOM without EOM: malformed.
 *
 * Return: the answer's length.
 */
static size_t emu_fsp_answer(struct nova_emu_gpu *gpu, u8 *resp, u32 type,
			     u32 code, const u8 *extra, size_t extra_len)
{
	bool bad = gpu->cfg.fsp == NOVA_EMU_FSP_BADSEQ;

	memset(resp, 0, RESP_MAX);
	put_unaligned_le32(bad ? MCTP_SOM : MCTP_SOM | MCTP_EOM, resp);
	put_unaligned_le32(FIELD_PREP(NVDM_MSG_TYPE, NVDM_MSG_TYPE_VENDOR_PCI) |
			   FIELD_PREP(NVDM_VENDOR, NVDM_VENDOR_NVIDIA) |
			   FIELD_PREP(NVDM_TYPE, NVDM_TYPE_RESPONSE),
			   resp + 4);
	put_unaligned_le32(0, resp + RESP_TASK);
	put_unaligned_le32(type, resp + RESP_TYPE);
	put_unaligned_le32(code, resp + RESP_ERROR);
	if (extra)
		memcpy(resp + RESP_LEN, extra, extra_len);
	if (bad)
		dev_info(&gpu->pdev->dev, "FSP: answers NVDM type 0x%x malformed (SOM without EOM), as fsp=badseq says\n",
			 type);
	return RESP_LEN + (extra ? extra_len : 0);
}

/**
 * emu_fsp_prc() - answer a PRC message
 * @gpu: the emulated GPU
 * @msg: the message
 * @len: its length
 * @resp: the answer, %RESP_MAX bytes
 *
 * GB20x's FSP answers a read of the vGPU mode knob: as vgpu= says, 0
 * (off), 1 (on), 0x0bad (neither), or NOT_SUPPORTED.
 *
 * Return: the answer's length.
 */
static size_t emu_fsp_prc(struct nova_emu_gpu *gpu, const u8 *msg, size_t len,
			  u8 *resp)
{
	static const u16 knob[] = {
		[NOVA_EMU_VGPU_OFF] = 0,
		[NOVA_EMU_VGPU_ON] = 1,
		[NOVA_EMU_VGPU_BAD] = 0x0bad,
	};
	u8 value[4] = {};

	if (gpu->cfg.fsp_family != NOVA_EMU_FSP_GB20X) {
		dev_info(&gpu->pdev->dev, "FSP: PRC is not supported on this chip\n");
		return emu_fsp_answer(gpu, resp, NVDM_TYPE_PRC,
				      NOVA_EMU_FSP_ERR_NOT_SUPPORTED, NULL, 0);
	}
	if (len != PRC_LEN || msg[PRC_SUB] != PRC_SUB_READ ||
	    msg[PRC_FLAGS] != PRC_FLAGS_ACTIVE || msg[PRC_OBJECT_HI]) {
		dev_err(&gpu->pdev->dev, "FSP: PRC: %zu bytes, sub-message 0x%x flags 0x%x: expected %u bytes, a read (0x%x) of an active value (0x%x) of a knob below 0x100\n",
			len, len == PRC_LEN ? msg[PRC_SUB] : 0,
			len == PRC_LEN ? msg[PRC_FLAGS] : 0, PRC_LEN,
			PRC_SUB_READ, PRC_FLAGS_ACTIVE);
		return emu_fsp_answer(gpu, resp, NVDM_TYPE_PRC,
				      NOVA_EMU_FSP_ERR_INVALID_DATA, NULL, 0);
	}
	if (msg[PRC_OBJECT] != PRC_OBJECT_VGPU) {
		dev_info(&gpu->pdev->dev, "FSP: PRC: knob 0x%x is not supported\n",
			 msg[PRC_OBJECT]);
		return emu_fsp_answer(gpu, resp, NVDM_TYPE_PRC,
				      NOVA_EMU_FSP_ERR_NOT_SUPPORTED, NULL, 0);
	}
	if (gpu->cfg.vgpu == NOVA_EMU_VGPU_REFUSE) {
		dev_info(&gpu->pdev->dev, "FSP: PRC: refuses the vGPU knob, as vgpu=refuse says\n");
		return emu_fsp_answer(gpu, resp, NVDM_TYPE_PRC,
				      NOVA_EMU_FSP_ERR_NOT_SUPPORTED, NULL, 0);
	}
	put_unaligned_le16(knob[gpu->cfg.vgpu], value);
	return emu_fsp_answer(gpu, resp, NVDM_TYPE_PRC, NOVA_EMU_FSP_OK,
			      value, sizeof(value));
}

/**
 * emu_fsp_handle() - handle one message
 * @gpu: the emulated GPU, its lock not held
 * @msg: the message, as copied from EMEM channel 0
 * @head: QUEUE_HEAD at the doorbell
 * @tail: QUEUE_TAIL at the doorbell
 * @resp: set to the answer, %RESP_MAX bytes
 *
 * Return: the answer's length, or 0 for no answer (fsp=silent).
 */
static size_t emu_fsp_handle(struct nova_emu_gpu *gpu, const u8 *msg,
			     u32 head, u32 tail, u8 *resp)
{
	struct device *dev = &gpu->pdev->dev;
	enum nova_emu_fsp_mode mode = gpu->cfg.fsp;
	u32 mctp = get_unaligned_le32(msg), nvdm = get_unaligned_le32(msg + 4);
	bool nvdm_ok = FIELD_GET(NVDM_MSG_TYPE, nvdm) == NVDM_MSG_TYPE_VENDOR_PCI &&
		       FIELD_GET(NVDM_VENDOR, nvdm) == NVDM_VENDOR_NVIDIA;
	u32 type = nvdm_ok ? FIELD_GET(NVDM_TYPE, nvdm) : 0;
	size_t len;
	u32 code;

	if (mode == NOVA_EMU_FSP_SILENT) {
		dev_info(dev, "FSP: takes a message and answers nothing, as fsp=silent says\n");
		return 0;
	}
	if (head || tail < head || tail % 4 ||
	    tail - head > NOVA_EMU_FSP_CHANNEL_SIZE - 4) {
		nova_emu_count(gpu, &gpu->gsp.errors);
		dev_err(dev, "FSP: a message at QUEUE_HEAD 0x%x QUEUE_TAIL 0x%x: the queue starts at EMEM 0, a packet is whole dwords, 8 to %u bytes\n",
			head, tail, NOVA_EMU_FSP_CHANNEL_SIZE);
		return emu_fsp_answer(gpu, resp, type,
				      NOVA_EMU_FSP_ERR_INVALID_DATA, NULL, 0);
	}
	len = tail - head + 4;
	if (len < FSP_HDR_LEN || !nvdm_ok) {
		nova_emu_count(gpu, &gpu->gsp.errors);
		dev_err(dev, "FSP: a message of %zu bytes, NVDM header 0x%08x: expected one of 8 bytes or more, type 0x%x vendor 0x%x\n",
			len, len < FSP_HDR_LEN ? 0 : nvdm,
			NVDM_MSG_TYPE_VENDOR_PCI, NVDM_VENDOR_NVIDIA);
		return emu_fsp_answer(gpu, resp, len < FSP_HDR_LEN ? 0 : type,
				      NOVA_EMU_FSP_ERR_INVALID_DATA, NULL, 0);
	}
	if ((mctp & (MCTP_SOM | MCTP_EOM)) != (MCTP_SOM | MCTP_EOM)) {
		nova_emu_count(gpu, &gpu->gsp.errors);
		dev_err(dev, "FSP: MCTP header 0x%08x: not a single packet (SOM and EOM); messages of several packets are not supported\n",
			mctp);
		return emu_fsp_answer(gpu, resp, type,
				      NOVA_EMU_FSP_ERR_NOT_SUPPORTED, NULL, 0);
	}

	switch (type) {
	case NVDM_TYPE_COT:
		code = nova_emu_fmc_cot(gpu, msg + FSP_HDR_LEN, len - FSP_HDR_LEN,
					mode == NOVA_EMU_FSP_OK ||
					mode == NOVA_EMU_FSP_LOCKDOWN ||
					mode == NOVA_EMU_FSP_FMCFAIL);
		if (!code && mode == NOVA_EMU_FSP_BADRESP) {
			dev_info(dev, "FSP: answers a good COT with 0x%x, as fsp=badresp says\n",
				 NOVA_EMU_FSP_ERR_INVALID_DATA);
			code = NOVA_EMU_FSP_ERR_INVALID_DATA;
		}
		return emu_fsp_answer(gpu, resp, type, code, NULL, 0);
	case NVDM_TYPE_PRC:
		return emu_fsp_prc(gpu, msg, len, resp);
	default:
		dev_info(dev, "FSP: NVDM type 0x%x is not supported\n", type);
		return emu_fsp_answer(gpu, resp, type,
				      NOVA_EMU_FSP_ERR_NOT_SUPPORTED, NULL, 0);
	}
}

/**
 * nova_emu_fsp_job() - the FSP's job: take a message, handle it, answer
 * @job: &nova_emu_fsp.job
 *
 * A power-on meanwhile drops the answer.
 */
static void nova_emu_fsp_job(struct nova_emu_job *job)
{
	struct nova_emu_gpu *gpu = job->gpu;
	struct nova_emu_fsp *fsp = &gpu->fsp;
	u8 resp[RESP_MAX];
	unsigned long flags;
	u32 head, tail, gen;
	size_t len;
	bool live;

	spin_lock_irqsave(&gpu->lock, flags);
	gen = fsp->job_gen;
	live = gen == fsp->gen && fsp->busy;
	head = fsp->cmd_head;
	tail = fsp->cmd_tail;
	if (live) {
		memcpy(fsp->cmd, fsp->emem, sizeof(fsp->cmd));
		fsp->queue_head = fsp->queue_tail;
		fsp->messages++;
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (!live)
		return;

	len = emu_fsp_handle(gpu, fsp->cmd, head, tail, resp);

	spin_lock_irqsave(&gpu->lock, flags);
	if (gen == fsp->gen) {
		if (len) {
			memcpy(fsp->emem, resp, len);
			fsp->last_error = get_unaligned_le32(resp + RESP_ERROR);
			fsp->msgq_tail = len - 4;
			fsp->msgq_head = 0;
		}
		fsp->busy = false;
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
}
