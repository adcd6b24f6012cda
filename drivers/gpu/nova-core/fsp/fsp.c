// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the FSP of Hopper and Blackwell (fsp.h).
 *
 * One packet goes each way at a time through channel 0 of the FSP
 * falcon's EMEM, always from offset 0: the driver writes its packet through
 * the auto-incrementing EMEM port, sets the command queue's tail to its
 * last word and its head to 0, which rings the FSP; the FSP sets the head
 * to the tail once it took the packet. Its answer is announced the same
 * way on the message queue, which the driver empties by setting both
 * pointers to 0 once it read the answer.
 */

#include <linux/device.h>
#include <linux/iopoll.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/nova_compat.h>

#include "../device.h"
#include "../falcon/falcon.h"
#include "../firmware/fw.h"
#include "fsp.h"

/* How long the FSP may take to boot after the GPU's reset. */
#define NOVA_FSP_BOOT_MS		5000
/* How long it may take to take a packet, and to answer one. */
#define NOVA_FSP_SEND_MS		1000
#define NOVA_FSP_ANSWER_MS		2000
/* How long GSP-FMC may take to boot GSP-RM and release the GSP. */
#define NOVA_FSP_LOCKDOWN_MS		10000
/* How long the GSP's RISC-V core may take to halt after GSP-RM unloaded. */
#define NOVA_FSP_HALT_MS		5000
#define NOVA_FSP_POLL_US		(10 * USEC_PER_MSEC)

/* GH100: what its FSP takes (COT version 1, RSA-3K); no PMU memory. */
const struct nova_fsp_hal nova_fsp_hal_gh100 = {
	.boot_status = NV_THERM_I2CS_SCRATCH_GH100,
	.cot_version = 1,
	.fmc = &nova_fw_fmc_cot_gh100,
	.fb_end_reserved = SZ_2M,
	.non_wpr_heap_size = SZ_2M,
	.pmu_reserved_size = 0,
};

/*
 * The PMU's memory on Blackwell: its backing store (8 MiB), its surfaces
 * (16 MiB) and 4 KiB more, in 128 KiB units.
 */
#define NOVA_FSP_PMU_RESERVED_GB100	ALIGN(SZ_8M + SZ_16M + SZ_4K, SZ_128K)

/* GB10x: COT version 2 (ECDSA P-384), the PMU's memory. */
const struct nova_fsp_hal nova_fsp_hal_gb100 = {
	.boot_status = NV_THERM_I2CS_SCRATCH_GH100,
	.cot_version = 2,
	.fmc = &nova_fw_fmc_cot_gb100,
	.fb_end_reserved = SZ_2M + SZ_128K,
	.non_wpr_heap_size = SZ_2M,
	.pmu_reserved_size = NOVA_FSP_PMU_RESERVED_GB100,
};

/*
 * GB20x: GB10x's, with its boot status elsewhere, a larger heap, and the
 * vGPU mode knob.
 */
const struct nova_fsp_hal nova_fsp_hal_gb202 = {
	.boot_status = NV_THERM_I2CS_SCRATCH_GB202,
	.cot_version = 2,
	.fmc = &nova_fw_fmc_cot_gb100,
	.fb_end_reserved = SZ_2M + SZ_128K,
	.non_wpr_heap_size = SZ_2M + SZ_128K,
	.pmu_reserved_size = NOVA_FSP_PMU_RESERVED_GB100,
	.vgpu_knob = true,
};

/**
 * nova_fsp_frts_vidmem_offset() - where FRTS ends, below the end of VRAM
 * @hal: the family's FSP
 *
 * Below what the end of VRAM keeps, and below the PMU's memory where there
 * is some, in 2 MiB units (as r570's GSP-FMC expects).
 *
 * Return: the offset, counted down from the end of VRAM.
 */
u64 nova_fsp_frts_vidmem_offset(const struct nova_fsp_hal *hal)
{
	if (!hal->pmu_reserved_size)
		return hal->fb_end_reserved;
	return ALIGN((u64)hal->fb_end_reserved + hal->pmu_reserved_size, SZ_2M);
}

/**
 * nova_fsp_wait_boot() - wait for the FSP to have booted
 * @nd: a Hopper or Blackwell GPU
 *
 * Return: 0, or -ETIMEDOUT (logged with what the status register holds).
 */
int nova_fsp_wait_boot(struct nova_device *nd)
{
	u32 reg = nd->hal->fsp->boot_status, status;
	int ret;

	ret = read_poll_timeout(nova_rd32, status,
				status == NV_THERM_I2CS_SCRATCH_FSP_BOOTED,
				NOVA_FSP_POLL_US, NOVA_FSP_BOOT_MS * USEC_PER_MSEC,
				false, nd, reg);
	if (ret)
		dev_err(nd->dev, "FSP: not booted within %u ms (boot status 0x%08x at 0x%06x)\n",
			NOVA_FSP_BOOT_MS, status, reg);
	return ret;
}

static bool nova_fsp_queue_busy(struct nova_device *nd)
{
	return nova_rd32(nd, NV_PFSP_QUEUE_HEAD) != nova_rd32(nd, NV_PFSP_QUEUE_TAIL);
}

static bool nova_fsp_answer_ready(struct nova_device *nd)
{
	return nova_rd32(nd, NV_PFSP_MSGQ_HEAD) != nova_rd32(nd, NV_PFSP_MSGQ_TAIL);
}

/* Writes @len bytes (whole words) into EMEM from 0, and rings the FSP. */
static int nova_fsp_send(struct nova_device *nd, const void *buf, size_t len)
{
	bool busy;
	size_t i;
	int ret;

	ret = read_poll_timeout(nova_fsp_queue_busy, busy, !busy, NOVA_FSP_POLL_US,
				NOVA_FSP_SEND_MS * USEC_PER_MSEC, false, nd);
	if (ret) {
		dev_err(nd->dev, "FSP: its command queue is still busy after %u ms\n",
			NOVA_FSP_SEND_MS);
		return ret;
	}
	nova_wr32(nd, NV_PFSP_EMEMC, NV_PFSP_EMEMC_AINCW);
	for (i = 0; i < len; i += 4)
		nova_wr32(nd, NV_PFSP_EMEMD, get_unaligned_le32(buf + i));
	/* The tail is the packet's last word; writing the head rings. */
	nova_wr32(nd, NV_PFSP_QUEUE_TAIL, len - 4);
	nova_wr32(nd, NV_PFSP_QUEUE_HEAD, 0);
	return 0;
}

/*
 * Waits for the FSP's answer and reads it into @buf (@max bytes); its
 * length goes to @len. The message queue is emptied whatever it held.
 */
static int nova_fsp_recv(struct nova_device *nd, void *buf, size_t max, size_t *len)
{
	u32 head, tail;
	bool ready;
	size_t i;
	int ret;

	ret = read_poll_timeout(nova_fsp_answer_ready, ready, ready, NOVA_FSP_POLL_US,
				NOVA_FSP_ANSWER_MS * USEC_PER_MSEC, false, nd);
	if (ret) {
		dev_err(nd->dev, "FSP: no answer within %u ms\n", NOVA_FSP_ANSWER_MS);
		return ret;
	}
	head = nova_rd32(nd, NV_PFSP_MSGQ_HEAD);
	tail = nova_rd32(nd, NV_PFSP_MSGQ_TAIL);
	/* The FSP answers from EMEM offset 0; the tail is the last word. */
	if (head || tail % 4 || tail >= max) {
		dev_err(nd->dev, "FSP: answer in EMEM 0x%x-0x%x, not a packet from 0 of at most %zu bytes\n",
			head, tail, max);
		ret = -EPROTO;
	} else {
		*len = tail + 4;
		nova_wr32(nd, NV_PFSP_EMEMC, NV_PFSP_EMEMC_AINCR);
		for (i = 0; i < *len; i += 4)
			put_unaligned_le32(nova_rd32(nd, NV_PFSP_EMEMD), buf + i);
	}
	nova_wr32(nd, NV_PFSP_MSGQ_TAIL, 0);
	nova_wr32(nd, NV_PFSP_MSGQ_HEAD, 0);
	return ret;
}

/*
 * Sends @msg (@what in the log), takes the answer into @ans (an EMEM
 * channel's size) and checks it answers @type: 0, -EIO with the FSP's
 * @error (not logged), or a logged -ETIMEDOUT or -EPROTO.
 */
static int nova_fsp_exchange(struct nova_device *nd, const void *msg, size_t len,
			     u8 type, const char *what, void *ans, size_t *ans_len,
			     u32 *error)
{
	const char *why;
	int ret;

	*ans_len = 0;
	*error = 0;
	ret = nova_fsp_send(nd, msg, len);
	if (!ret)
		ret = nova_fsp_recv(nd, ans, NOVA_FSP_EMEM_CHANNEL_SIZE, ans_len);
	if (ret)
		return ret;
	ret = nova_fsp_response_check(ans, *ans_len, type, error, &why);
	if (ret && ret != -EIO)
		dev_err(nd->dev, "FSP: malformed answer to the %s message: %s (%zu bytes, headers 0x%08x 0x%08x)\n",
			what, why, *ans_len, get_unaligned_le32(ans),
			get_unaligned_le32(ans + 4));
	return ret;
}

/**
 * nova_fsp_send_cot() - give the FSP the FMC: the chain of trust
 * @nd: a Hopper or Blackwell GPU whose FSP booted
 * @args: what the COT message carries
 *
 * Sends the COT message and checks the FSP's answer; once it accepted,
 * GSP-FMC boots GSP-RM (nova_fsp_wait_lockdown()).
 *
 * Return: 0; -EINVAL for arguments the message cannot carry; -ENOMEM;
 * -ETIMEDOUT if the FSP takes no packet or gives no answer; -EPROTO for a
 * malformed answer; -EIO if the FSP refuses the FMC. Each is logged.
 */
int nova_fsp_send_cot(struct nova_device *nd, const struct nova_fsp_cot_args *args)
{
	struct nova_fsp_cot_msg *msg;
	size_t len;
	u32 error;
	void *ans;
	int ret;

	msg = kzalloc(sizeof(*msg), GFP_KERNEL);
	ans = kzalloc(NOVA_FSP_EMEM_CHANNEL_SIZE, GFP_KERNEL);
	if (!msg || !ans) {
		ret = -ENOMEM;
		goto out;
	}
	ret = nova_fsp_cot_build(args, msg);
	if (ret) {
		dev_err(nd->dev, "FSP: the FMC's key (%u bytes) or signature (%u bytes) does not fit the COT message\n",
			args->pkey_len, args->sig_len);
		goto out;
	}
	ret = nova_fsp_exchange(nd, msg, sizeof(*msg), NOVA_NVDM_TYPE_COT, "COT",
				ans, &len, &error);
	if (ret == -EIO)
		dev_err(nd->dev, "FSP: refused the FMC (COT error 0x%x)\n", error);
out:
	kfree(ans);
	kfree(msg);
	return ret;
}

/*
 * Reads a knob's active value through PRC: 0, or a negative errno, logged
 * as a warning: the knobs the driver reads are optional.
 */
static int nova_fsp_read_knob(struct nova_device *nd, u8 knob, u16 *value)
{
	struct nova_fsp_prc_msg msg;
	const char *why;
	size_t len;
	u32 error;
	void *ans;
	int ret;

	ans = kzalloc(NOVA_FSP_EMEM_CHANNEL_SIZE, GFP_KERNEL);
	if (!ans)
		return -ENOMEM;
	nova_fsp_prc_build(knob, &msg);
	ret = nova_fsp_exchange(nd, &msg, sizeof(msg), NOVA_NVDM_TYPE_PRC, "PRC",
				ans, &len, &error);
	if (ret == -EIO)
		dev_warn(nd->dev, "FSP: refused to read knob 0x%x (PRC error 0x%x)\n",
			 knob, error);
	if (!ret) {
		ret = nova_fsp_prc_value(ans, len, value, &why);
		if (ret)
			dev_warn(nd->dev, "FSP: malformed answer to the PRC message: %s (%zu bytes)\n",
				 why, len);
	}
	kfree(ans);
	return ret;
}

/**
 * nova_fsp_vgpu_mode() - whether this boot is a vGPU host's, as upstream
 *	Nova decides it
 * @nd: a Hopper or Blackwell GPU whose FSP booted
 *
 * Only on a family whose FSP has the vGPU mode knob (GB20x), and only for
 * a GPU with two SR-IOV virtual functions or more: then the knob's active
 * value, read from the FSP, says. A failed read, or a value neither 0 nor
 * 1, is logged and means no vGPU.
 *
 * Return: true if vGPU mode is on.
 */
bool nova_fsp_vgpu_mode(struct nova_device *nd)
{
	u16 mode;

	if (!nd->hal->fsp->vgpu_knob || nd->sriov_total_vfs < 2)
		return false;
	if (nova_fsp_read_knob(nd, NOVA_FSP_PRC_KNOB_VGPU_MODE, &mode)) {
		dev_warn(nd->dev, "vGPU: the FSP's vGPU mode is unknown: vGPU off\n");
		return false;
	}
	if (mode > 1) {
		dev_warn(nd->dev, "vGPU: the FSP's vGPU mode knob reads 0x%x, neither 0 nor 1: vGPU off\n",
			 mode);
		return false;
	}
	if (mode)
		dev_info(nd->dev, "vGPU: on (the FSP's vGPU mode knob, %u SR-IOV VFs): GSP-RM boots in SR-IOV mode\n",
			 nd->sriov_total_vfs);
	return mode;
}

/**
 * enum nova_fsp_gsp_state - the GSP as GSP-FMC boots it
 * @NOVA_FSP_GSP_LOCKED: its registers still answer 0xbadf41xx, or
 *	GSP-FMC still works: its mailboxes show the boot parameters.
 * @NOVA_FSP_GSP_RELEASED: lockdown released: GSP-RM runs.
 * @NOVA_FSP_GSP_FAILED: GSP-FMC left an error in MAILBOX0.
 */
enum nova_fsp_gsp_state {
	NOVA_FSP_GSP_LOCKED,
	NOVA_FSP_GSP_RELEASED,
	NOVA_FSP_GSP_FAILED,
};

static enum nova_fsp_gsp_state nova_fsp_gsp_state(struct nova_device *nd, u64 boot_params,
						  u32 *mbox0)
{
	u32 hwcfg2 = nova_rd32(nd, NV_PFALCON_GSP_BASE + NV_PFALCON_HWCFG2);
	u32 mbox1;

	*mbox0 = 0;
	/* Until the FSP lets go of the GSP, its registers read 0xbadf41xx. */
	if (!hwcfg2 || (hwcfg2 & NV_PGSP_PRIV_LOCKED_MASK) == NV_PGSP_PRIV_LOCKED)
		return NOVA_FSP_GSP_LOCKED;
	*mbox0 = nova_rd32(nd, NV_PFALCON_GSP_BASE + NV_PFALCON_MAILBOX0);
	if (*mbox0) {
		mbox1 = nova_rd32(nd, NV_PFALCON_GSP_BASE + NV_PFALCON_MAILBOX1);
		/*
		 * GSP-FMC may rewrite both mailboxes between the two reads
		 * (releasing the GSP clears them): a pair read across that is
		 * no value of theirs. Only a pair MAILBOX0 still holds is.
		 */
		if (nova_rd32(nd, NV_PFALCON_GSP_BASE + NV_PFALCON_MAILBOX0) != *mbox0)
			return NOVA_FSP_GSP_LOCKED;
		/* Anything but the boot parameters' address is GSP-FMC's error. */
		if (((u64)mbox1 << 32 | *mbox0) != boot_params)
			return NOVA_FSP_GSP_FAILED;
	}
	if (hwcfg2 & NV_PFALCON_HWCFG2_RISCV_BR_PRIV_LOCKDOWN)
		return NOVA_FSP_GSP_LOCKED;
	return *mbox0 ? NOVA_FSP_GSP_LOCKED : NOVA_FSP_GSP_RELEASED;
}

/**
 * nova_fsp_wait_lockdown() - wait for GSP-FMC to boot GSP-RM
 * @nd: a Hopper or Blackwell GPU whose FSP accepted the COT message
 * @boot_params: bus address of GSP_FMC_BOOT_PARAMS, which GSP-FMC shows in
 *	the GSP's mailboxes while it works
 *
 * Return: 0 once the GSP's lockdown is released; -EIO if GSP-FMC reports
 * an error; -ETIMEDOUT. Each failure is logged.
 */
int nova_fsp_wait_lockdown(struct nova_device *nd, u64 boot_params)
{
	enum nova_fsp_gsp_state state;
	u32 mbox0;
	int ret;

	ret = read_poll_timeout(nova_fsp_gsp_state, state, state != NOVA_FSP_GSP_LOCKED,
				NOVA_FSP_POLL_US, NOVA_FSP_LOCKDOWN_MS * USEC_PER_MSEC,
				false, nd, boot_params, &mbox0);
	if (ret) {
		dev_err(nd->dev, "GSP-FMC: the GSP is still locked down %u ms after the COT\n",
			NOVA_FSP_LOCKDOWN_MS);
		return ret;
	}
	if (state == NOVA_FSP_GSP_FAILED) {
		dev_err(nd->dev, "GSP-FMC: boot failed (MAILBOX0 0x%08x)\n", mbox0);
		return -EIO;
	}
	return 0;
}

/**
 * nova_fsp_wait_gsp_halt() - wait for the GSP's RISC-V core to halt
 * @nd: a Hopper or Blackwell GPU whose GSP-RM unloaded
 *
 * On these chips the unload ends there: GSP-FMC and the ACR stop on their
 * own, and take WPR2 down, once GSP-RM has.
 *
 * Return: 0, or -ETIMEDOUT (logged).
 */
int nova_fsp_wait_gsp_halt(struct nova_device *nd)
{
	u32 cpuctl;
	int ret;

	ret = read_poll_timeout(nova_rd32, cpuctl, cpuctl & NV_PRISCV_RISCV_CPUCTL_HALTED,
				NOVA_FSP_POLL_US, NOVA_FSP_HALT_MS * USEC_PER_MSEC, false,
				nd, NV_PRISCV_RISCV_CPUCTL_GH100);
	if (ret)
		dev_err(nd->dev, "GSP unload: the GSP's RISC-V core has not halted %u ms after GSP-RM unloaded (CPUCTL 0x%08x)\n",
			NOVA_FSP_HALT_MS, cpuctl);
	return ret;
}
