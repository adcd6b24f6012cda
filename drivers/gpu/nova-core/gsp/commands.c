// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core GSP commands: what the driver tells GSP-RM and asks it during
 * and after the boot (SET_SYSTEM_INFO, SET_REGISTRY, the sequencer,
 * INIT_DONE, GET_GSP_STATIC_INFO) and before it goes (UNLOADING_GUEST_DRIVER).
 */

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/iopoll.h>
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../device.h"
#include "fw.h"
#include "gsp.h"
#include "sequencer.h"

/* The size of BAR0's mirror of the PCI configuration space (the HAL's). */
#define NOVA_GSP_PCI_CONFIG_MIRROR_SIZE	0x1000
/* NV_PGC6_BSI_SECURE_SCRATCH_14: bit 26 once GSP-RM resumed. */
#define NV_PGC6_BSI_SECURE_SCRATCH_14	0x001180f8
#define   NV_PGC6_BSI_BOOT_STAGE_3_HANDOFF	BIT(26)
#define NOVA_GSP_RESUME_MS		2000
/* GSP MAILBOX0 bit 31: GSP-RM finished unloading. */
#define NOVA_GSP_UNLOADED		BIT(31)

#define NOVA_GSP_RPC_TIMEOUT_MS		2000
#define NOVA_GSP_BOOT_EVENT_TIMEOUT_MS	10000
#define NOVA_GSP_UNLOAD_TIMEOUT_MS	2000

/* The registry keys nova_core sets, as upstream Nova does. */
static const struct nova_gsp_reg_key {
	const char *name;
	u32 value;
} nova_gsp_registry[] = {
	{ "RMSecBusResetEnable", 1 },
	{ "RMForcePcieConfigSave", 1 },
	{ "RMDevidCheckIgnore", 1 },
};

/* Upstream Nova's key of a vGPU host's boot (nova_fsp_vgpu_mode()). */
static const struct nova_gsp_reg_key nova_gsp_registry_vgpu = {
	"RMSetSriovMode", 1,
};

/**
 * nova_gsp_registry_build() - lay out a PACKED_REGISTRY_TABLE of DWORD keys
 * @buf: where, or NULL to get the size
 * @len: room at @buf
 * @names: the keys' names
 * @values: their values
 * @n: how many
 *
 * A pure function: the table header, one entry per key, then the names,
 * each NUL-terminated, which the entries point at (offsets from the table).
 *
 * Return: the table's size; -ENOSPC if @buf is too small.
 */
int nova_gsp_registry_build(void *buf, size_t len, const char *const *names,
			    const u32 *values, unsigned int n)
{
	struct nova_registry_table *t = buf;
	size_t size = struct_size(t, entries, n), name;
	unsigned int i;

	for (i = 0; i < n; i++)
		size += strlen(names[i]) + 1;
	if (!buf)
		return size;
	if (len < size || size > INT_MAX)
		return -ENOSPC;

	memset(buf, 0, size);
	t->size = size;
	t->num_entries = n;
	name = struct_size(t, entries, n);
	for (i = 0; i < n; i++) {
		t->entries[i].name_offset = name;
		t->entries[i].type = NOVA_REGISTRY_TYPE_DWORD;
		t->entries[i].data = values[i];
		t->entries[i].length = sizeof(u32);
		strcpy(buf + name, names[i]);
		name += strlen(names[i]) + 1;
	}
	return size;
}

static void nova_gsp_system_info_fill(struct nova_device *nd,
				      struct nova_gsp_system_info *info)
{
	info->max_user_va = BIT_ULL(47) - SZ_4K;
	info->pci_config_mirror_base = nd->hal->pci_config_mirror;
	info->pci_config_mirror_size = NOVA_GSP_PCI_CONFIG_MIRROR_SIZE;
	info->pci_device_id = PCI_VENDOR_ID_NVIDIA;
	if (dev_is_pci(nd->dev)) {
		struct pci_dev *pdev = to_pci_dev(nd->dev);

		info->gpu_phys_addr = pci_resource_start(pdev, 0);
		info->gpu_phys_fb_addr = pci_resource_start(pdev, 1);
		info->gpu_phys_inst_addr = pci_resource_start(pdev, 3);
		info->nv_domain_bus_device_func =
			(u64)pci_domain_nr(pdev->bus) << 16 | pci_dev_id(pdev);
		info->pci_device_id = (u32)pdev->device << 16 | pdev->vendor;
		info->pci_sub_device_id = (u32)pdev->subsystem_device << 16 |
					  pdev->subsystem_vendor;
		info->pci_revision_id = pdev->revision;
	}
}

/**
 * nova_gsp_send_init_commands() - queue SET_SYSTEM_INFO and SET_REGISTRY
 * @nd: the GPU, its GSP-RM not started yet
 *
 * GSP-RM reads them when it starts; their replies are not waited for.
 *
 * Return: 0, or a negative errno from queueing.
 */
int nova_gsp_send_init_commands(struct nova_device *nd)
{
	const char *names[ARRAY_SIZE(nova_gsp_registry) + 1];
	u32 values[ARRAY_SIZE(nova_gsp_registry) + 1];
	struct nova_gsp_system_info *info;
	unsigned int i;
	void *reg;
	int ret, len;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	nova_gsp_system_info_fill(nd, info);
	ret = nova_gsp_send(nd, NOVA_RPC_FN_GSP_SET_SYSTEM_INFO, info,
			    sizeof(*info));
	kfree(info);
	if (ret)
		return ret;

	for (i = 0; i < ARRAY_SIZE(nova_gsp_registry); i++) {
		names[i] = nova_gsp_registry[i].name;
		values[i] = nova_gsp_registry[i].value;
	}
	if (nd->vgpu) {
		names[i] = nova_gsp_registry_vgpu.name;
		values[i++] = nova_gsp_registry_vgpu.value;
	}
	len = nova_gsp_registry_build(NULL, 0, names, values, i);
	reg = kzalloc(len, GFP_KERNEL);
	if (!reg)
		return -ENOMEM;
	len = nova_gsp_registry_build(reg, len, names, values, i);
	ret = nova_gsp_send(nd, NOVA_RPC_FN_SET_REGISTRY, reg, len);
	kfree(reg);
	return ret;
}

/* The sequencer's callbacks: BAR0 within its size, the GSP and SEC2. */

static bool nova_seq_reg_ok(struct nova_device *nd, u32 addr)
{
	return IS_ALIGNED(addr, 4) && addr < nd->bar0_size;
}

static int nova_seq_rd32(void *ctx, u32 addr, u32 *val)
{
	struct nova_device *nd = ctx;

	if (!nova_seq_reg_ok(nd, addr))
		return -EINVAL;
	*val = nova_rd32(nd, addr);
	return 0;
}

static int nova_seq_wr32(void *ctx, u32 addr, u32 val)
{
	struct nova_device *nd = ctx;

	if (!nova_seq_reg_ok(nd, addr))
		return -EINVAL;
	nova_wr32(nd, addr, val);
	return 0;
}

static int nova_seq_poll(void *ctx, u32 addr, u32 mask, u32 val, u32 timeout_us)
{
	struct nova_device *nd = ctx;
	u32 cur;

	if (!nova_seq_reg_ok(nd, addr))
		return -EINVAL;
	return read_poll_timeout(nova_rd32, cur, (cur & mask) == val, 10,
				 timeout_us, false, nd, addr);
}

static void nova_seq_delay(void *ctx, u32 us)
{
	fsleep(us);
}

/* CORE_RESUME: SEC2 brings GSP-RM back; the GSP's RISC-V must then run. */
static int nova_seq_resume(struct nova_device *nd)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	u32 val, mbox0;
	int ret;

	ret = nova_falcon_reset(&nd->gsp);
	if (ret)
		return ret;
	nova_falcon_set_mailboxes(&nd->gsp, lower_32_bits(gsp->libos.dma),
				  upper_32_bits(gsp->libos.dma));
	/* SEC2 runs booter_load again; its halt is ours, not a stray one. */
	ret = nova_falcon_rerun(&nd->sec2, &mbox0);
	if (ret)
		return ret;
	ret = read_poll_timeout(nova_rd32, val,
				val & NV_PGC6_BSI_BOOT_STAGE_3_HANDOFF, 100,
				NOVA_GSP_RESUME_MS * USEC_PER_MSEC, false, nd,
				NV_PGC6_BSI_SECURE_SCRATCH_14);
	if (ret) {
		dev_err(nd->dev, "GSP sequencer: GSP-RM did not resume within %u ms\n",
			NOVA_GSP_RESUME_MS);
		return ret;
	}
	if (mbox0) {
		dev_err(nd->dev, "GSP sequencer: SEC2 reports 0x%08x on resume\n", mbox0);
		return -EIO;
	}
	nova_falcon_set_os(&nd->gsp, nd->gsp_rm.app_version);
	if (!nova_falcon_riscv_active(&nd->gsp)) {
		dev_err(nd->dev, "GSP sequencer: the GSP's RISC-V core is not active after resume\n");
		return -EIO;
	}
	/* The GSP falcon's reset cleared IRQMASK: SWGEN0 again. */
	nova_falcon_irq_enable(&nd->gsp, NV_PFALCON_IRQ_SWGEN0);
	return 0;
}

static int nova_seq_core(void *ctx, u32 op)
{
	struct nova_device *nd = ctx;

	switch (op) {
	case NOVA_SEQ_CORE_RESET:
		return nova_falcon_reset(&nd->gsp);
	case NOVA_SEQ_CORE_START:
		nova_falcon_start(&nd->gsp);
		return 0;
	case NOVA_SEQ_CORE_WAIT_FOR_HALT:
		return nova_falcon_wait_halted(&nd->gsp, 2 * USEC_PER_SEC);
	case NOVA_SEQ_CORE_RESUME:
		return nova_seq_resume(nd);
	default:
		return -EINVAL;
	}
}

static const struct nova_gsp_seq_ops nova_gsp_seq_ops = {
	.rd32 = nova_seq_rd32,
	.wr32 = nova_seq_wr32,
	.poll = nova_seq_poll,
	.delay_us = nova_seq_delay,
	.core = nova_seq_core,
};

/* Waits for RUN_CPU_SEQUENCER and runs its script. */
static int nova_gsp_run_sequencer(struct nova_device *nd)
{
	const struct nova_rpc_run_cpu_sequencer *seq;
	struct nova_gsp_seq_result *res;
	size_t len, words;
	void *msg;
	int ret;

	ret = nova_gsp_wait_sequencer(nd, NOVA_GSP_BOOT_EVENT_TIMEOUT_MS, &msg,
				      &len);
	if (ret) {
		dev_err(nd->dev, "GSP: no RUN_CPU_SEQUENCER from GSP-RM (%d)\n", ret);
		return ret;
	}
	res = kzalloc(sizeof(*res), GFP_KERNEL);
	if (!res) {
		kvfree(msg);
		return -ENOMEM;
	}
	seq = msg;
	if (len < sizeof(*seq)) {
		dev_err(nd->dev, "GSP sequencer: message of %zu bytes is too short\n", len);
		ret = -EPROTO;
		goto out;
	}
	words = (len - sizeof(*seq)) / sizeof(u32);
	if (seq->buffer_size_dword < words)
		words = seq->buffer_size_dword;
	ret = nova_gsp_seq_run(seq->command_buffer, words, seq->cmd_index,
			       &nova_gsp_seq_ops, nd, res);
	if (ret)
		dev_err(nd->dev, "GSP sequencer: command %u (opcode %u at word %u) failed: %s (%d)\n",
			res->cmds, res->opcode, res->word,
			res->why ? res->why : "the GPU did not comply", ret);
	else
		dev_dbg(nd->dev, "GSP sequencer: %u commands run\n", res->cmds);
out:
	kfree(res);
	kvfree(msg);
	return ret;
}

/* Keeps what nova_core uses of GSP-RM's static information, and logs it. */
static int nova_gsp_static_info(struct nova_device *nd)
{
	struct nova_gsp *gsp = &nd->gsp_rm;
	struct nova_gsp_static_info *si;
	unsigned int i, n;
	int ret;

	si = kzalloc(sizeof(*si), GFP_KERNEL);
	if (!si)
		return -ENOMEM;
	ret = nova_gsp_rpc(nd, NOVA_RPC_FN_GET_GSP_STATIC_INFO, si, sizeof(*si),
			   si, sizeof(*si), NOVA_GSP_RPC_TIMEOUT_MS);
	if (ret >= 0 && ret != sizeof(*si)) {
		dev_err(nd->dev, "GSP: static information of %d bytes, %zu expected\n",
			ret, sizeof(*si));
		ret = -EPROTO;
	}
	if (ret < 0)
		goto out;

	/* Firmware strings are hostile: printable ASCII, terminated. */
	for (i = 0; i < sizeof(gsp->gpu_name) - 1 && si->gpu_name[i]; i++)
		gsp->gpu_name[i] = isprint(si->gpu_name[i]) ? si->gpu_name[i] : '?';
	gsp->gpu_name[i] = '\0';
	n = si->num_fb_regions;
	if (n > NOVA_GSP_FB_REGIONS) {
		dev_err(nd->dev, "GSP: %u FB regions, at most %u expected\n", n,
			NOVA_GSP_FB_REGIONS);
		ret = -EPROTO;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (si->fb_regions[i].limit < si->fb_regions[i].base) {
			dev_err(nd->dev, "GSP: FB region %u ends before it starts\n", i);
			ret = -EPROTO;
			goto out;
		}
		gsp->fb_regions[i].start = si->fb_regions[i].base;
		gsp->fb_regions[i].end = si->fb_regions[i].limit + 1;
	}
	gsp->num_fb_regions = n;
	gsp->bar1_pde_base = si->bar1_pde_base;
	gsp->vram_size = si->fb_length;
	dev_info(nd->dev, "GSP-RM: %s, %u FB region(s), VRAM %llu MiB, BAR1 page directory at 0x%llx\n",
		 gsp->gpu_name[0] ? gsp->gpu_name : "(no name)", n,
		 gsp->vram_size >> 20, gsp->bar1_pde_base);
	ret = 0;
out:
	kfree(si);
	return ret;
}

/**
 * nova_gsp_rm_init() - GSP-RM's boot after its RISC-V core started
 * @nd: the GPU
 *
 * The sequencer (Turing to Ada: on Hopper and Blackwell GSP-FMC booted
 * GSP-RM), INIT_DONE, then GSP-RM's static information.
 *
 * Return: 0 once GSP-RM is ready, else a negative errno (logged).
 */
int nova_gsp_rm_init(struct nova_device *nd)
{
	int ret;

	/* Hopper and Blackwell: GSP-FMC did that, no sequencer comes. */
	if (!nd->hal->fsp) {
		ret = nova_gsp_run_sequencer(nd);
		if (ret)
			return ret;
	}
	ret = nova_gsp_wait_init_done(nd, NOVA_GSP_BOOT_EVENT_TIMEOUT_MS);
	if (ret == -ETIMEDOUT)
		dev_err(nd->dev, "GSP: no INIT_DONE from GSP-RM within %u ms\n",
			NOVA_GSP_BOOT_EVENT_TIMEOUT_MS);
	else if (ret)
		dev_err(nd->dev, "GSP: no INIT_DONE from GSP-RM (%d)\n", ret);
	if (ret)
		return ret;
	return nova_gsp_static_info(nd);
}

/**
 * nova_gsp_rm_unload() - tell GSP-RM the driver goes, and wait for it
 * @nd: the GPU
 *
 * Return: 0 once GSP-RM reports it unloaded (GSP MAILBOX0 bit 31); a
 * negative errno otherwise (logged).
 */
int nova_gsp_rm_unload(struct nova_device *nd)
{
	struct nova_rpc_unloading_guest_driver args = {};
	u32 val;
	int ret;

	ret = nova_gsp_rpc(nd, NOVA_RPC_FN_UNLOADING_GUEST_DRIVER, &args,
			   sizeof(args), NULL, 0, NOVA_GSP_RPC_TIMEOUT_MS);
	if (ret < 0)
		return ret;
	ret = read_poll_timeout(nova_falcon_mailbox0, val,
				val & NOVA_GSP_UNLOADED, 100,
				NOVA_GSP_UNLOAD_TIMEOUT_MS * USEC_PER_MSEC, false,
				&nd->gsp);
	if (ret)
		dev_err(nd->dev, "GSP-RM did not finish unloading within %u ms\n",
			NOVA_GSP_UNLOAD_TIMEOUT_MS);
	return ret;
}
