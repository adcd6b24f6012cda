// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: an emulated NVIDIA GPU for nova_core.
 *
 * Each emulated GPU is a platform device "nova-emu.<id>" whose platform data
 * carries the register callbacks of its model (regs.c). nova_core binds it
 * through its register-access seam and drives it exactly as it drives a PCI
 * GPU. GPUs are created when the module loads (parameters chipset, count,
 * vram) and at run time, in the manner of netdevsim:
 *
 *   echo "ID [chipset=NAME | boot0=X boot42=Y] [KEY=VALUE ...]" \
 *	> /sys/devices/nova_emu/new_device
 *   echo ID > /sys/devices/nova_emu/del_device
 *
 * The keys (vram, bar0, fb, vbios, scrub, gfw, fwsec, fuse, wpr2, persist,
 * irq, falcon_delay, dma, booter) shape the GPU and its faults. A GPU is in its
 * power-on state when it is created and after a write of 1 to its
 * emu/reset; like a real board, it keeps its state when its driver
 * unbinds, unless it was created with persist=0 ("the board is reset when
 * its driver lets go").
 *
 * See docs/emulator.md.
 */

/* Messages about new_device and the module's parameters name the module. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "emu.h"
#include "host.h"

/* Largest id user space may give an emulated GPU. */
#define NOVA_EMU_MAX_ID		1023
/* Most GPUs the module parameters may create at load time. */
#define NOVA_EMU_MAX_COUNT	16

static char *chipset = "ga102";
module_param(chipset, charp, 0444);
MODULE_PARM_DESC(chipset, "Chipset of the GPUs created at load time, e.g. tu102, ga102, ad104 (default: ga102)");

static unsigned int count = 1;
module_param(count, uint, 0444);
MODULE_PARM_DESC(count, "Number of GPUs created at load time, 0 to 16 (default: 1)");

static char *vram = "256M";
module_param(vram, charp, 0444);
MODULE_PARM_DESC(vram, "VRAM BAR size of the GPUs created at load time, a power of two from 16M to 128G (default: 256M)");

static bool persist = true;
module_param(persist, bool, 0444);
MODULE_PARM_DESC(persist, "Whether the GPUs created at load time keep their state when their driver unbinds, as real boards do (default: Y); N resets them instead");

static char *booter = "ok";
module_param(booter, charp, 0444);
MODULE_PARM_DESC(booter, "How the emulated booter_load behaves on every GPU not given booter=: ok, fail (always fails), nostart (succeeds, GSP-RM never starts) (default: ok)");

/* The booter parameter, parsed when the module loads. */
static enum nova_emu_booter_mode nova_emu_booter_default;

/* The root of all emulated GPUs: /sys/devices/nova_emu. */
static struct device *nova_emu_root;

/* Protects nova_emu_gpus and serializes creation and removal of GPUs. */
static DEFINE_MUTEX(nova_emu_lock);
static LIST_HEAD(nova_emu_gpus);

static struct nova_emu_gpu *nova_emu_find(unsigned int id)
{
	struct nova_emu_gpu *gpu;

	lockdep_assert_held(&nova_emu_lock);
	list_for_each_entry(gpu, &nova_emu_gpus, node)
		if (gpu->id == id)
			return gpu;
	return NULL;
}

static ssize_t chipset_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct nova_core_emu_pdata *pdata = dev_get_platdata(dev);
	struct nova_emu_gpu *gpu = pdata->priv;

	return sysfs_emit(buf, "%s\n", gpu->cfg.chip ? gpu->cfg.chip->name : "raw");
}
static DEVICE_ATTR_RO(chipset);

#define NOVA_EMU_HEX_ATTR(_name, _field)				\
static ssize_t _name##_show(struct device *dev,				\
			    struct device_attribute *attr, char *buf)	\
{									\
	struct nova_core_emu_pdata *pdata = dev_get_platdata(dev);	\
	struct nova_emu_gpu *gpu = pdata->priv;				\
									\
	return sysfs_emit(buf, "0x%llx\n", (u64)gpu->cfg._field);	\
}									\
static DEVICE_ATTR_RO(_name)

NOVA_EMU_HEX_ATTR(boot0, boot0);
NOVA_EMU_HEX_ATTR(boot42, boot42);
NOVA_EMU_HEX_ATTR(bar0_size, bar0_size);
NOVA_EMU_HEX_ATTR(vram_bar_size, vram_bar_size);

/**
 * nova_emu_dev_gpu() - the emulated GPU of one of our platform devices
 * @dev: the device of the GPU's platform device
 *
 * Return: the GPU.
 */
static struct nova_emu_gpu *nova_emu_dev_gpu(struct device *dev)
{
	struct nova_core_emu_pdata *pdata = dev_get_platdata(dev);

	return pdata->priv;
}

/**
 * nova_emu_counter_show() - show one of a GPU's counters
 * @dev: the device of the GPU's platform device
 * @buf: the sysfs buffer
 * @counter: the counter, a member of the GPU protected by its lock
 *
 * Return: the length of the text.
 */
static ssize_t nova_emu_counter_show(struct device *dev, char *buf,
				     const u64 *counter)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	unsigned long flags;
	u64 n;

	spin_lock_irqsave(&gpu->lock, flags);
	n = *counter;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "%llu\n", n);
}

/**
 * unmodeled_show() - show emu/unmodeled
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t unmodeled_show(struct device *dev,
			      struct device_attribute *attr, char *buf)
{
	return nova_emu_counter_show(dev, buf, &nova_emu_dev_gpu(dev)->unmodeled);
}
static DEVICE_ATTR_RO(unmodeled);

/**
 * dma_errors_show() - show emu/dma_errors
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t dma_errors_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return nova_emu_counter_show(dev, buf, &nova_emu_dev_gpu(dev)->dma_errors);
}
static DEVICE_ATTR_RO(dma_errors);

/**
 * fwsec_runs_show() - show emu/fwsec_runs
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t fwsec_runs_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return nova_emu_counter_show(dev, buf, &nova_emu_dev_gpu(dev)->fwsec_runs);
}
static DEVICE_ATTR_RO(fwsec_runs);

/**
 * nvidia_ucode_runs_show() - show emu/nvidia_ucode_runs
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t nvidia_ucode_runs_show(struct device *dev,
				      struct device_attribute *attr, char *buf)
{
	return nova_emu_counter_show(dev, buf,
				     &nova_emu_dev_gpu(dev)->nvidia_ucode_runs);
}
static DEVICE_ATTR_RO(nvidia_ucode_runs);

/**
 * irqs_show() - show emu/irqs, the interrupts the GPU raised
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t irqs_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%lld\n",
			  (long long)atomic64_read(&nova_emu_dev_gpu(dev)->irqs));
}
static DEVICE_ATTR_RO(irqs);

/**
 * irq_show() - show emu/irq, the GPU's interrupt line and Linux interrupt
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text, "LINE IRQ".
 */
static ssize_t irq_show(struct device *dev, struct device_attribute *attr,
			char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);

	return sysfs_emit(buf, "%u %u\n", gpu->cfg.irq_line, gpu->irq);
}
static DEVICE_ATTR_RO(irq);

/**
 * dma_faults_show() - show emu/dma_faults, the DMA accesses refused
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t dma_faults_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%llu\n",
			  nova_emu_dma_faults(nova_emu_dev_gpu(dev)));
}
static DEVICE_ATTR_RO(dma_faults);

/* The most interrupts one write to irq_storm or irq_spurious asks for. */
#define NOVA_EMU_IRQ_BURST_MAX	1000000

/**
 * irq_storm_store() - make the SEC2 falcon storm with halt interrupts
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: what user space wrote: how many, 1 to 1000000
 * @len: its length
 *
 * The SEC2 falcon's halt interrupt is raised now and again each time the
 * driver clears it, that many times in all, whether or not the falcon ran.
 * (SEC2's: once GSP-RM runs, the GSP falcon's interrupts are GSP-RM's, and
 * its reset left them masked.)
 *
 * Return: @len, or -EINVAL.
 */
static ssize_t irq_storm_store(struct device *dev,
			       struct device_attribute *attr,
			       const char *buf, size_t len)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	unsigned long flags;
	unsigned int n;
	bool raise;

	if (kstrtouint(buf, 10, &n) || !n || n > NOVA_EMU_IRQ_BURST_MAX)
		return -EINVAL;

	spin_lock_irqsave(&gpu->lock, flags);
	gpu->irq_storm = n - 1;
	gpu->falcon[NOVA_EMU_FALCON_SEC2].irqstat |= NOVA_EMU_FALCON_IRQ_HALT;
	raise = nova_emu_irq_update(gpu);
	spin_unlock_irqrestore(&gpu->lock, flags);
	if (raise)
		nova_emu_host_irq(gpu, true);
	return len;
}
static DEVICE_ATTR_WO(irq_storm);

/**
 * irq_spurious_store() - raise the interrupt with nothing pending
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: what user space wrote: how many times, 1 to 1000000
 * @len: its length
 *
 * Return: @len, or -EINVAL.
 */
static ssize_t irq_spurious_store(struct device *dev,
				  struct device_attribute *attr,
				  const char *buf, size_t len)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	unsigned int n;

	if (kstrtouint(buf, 10, &n) || !n || n > NOVA_EMU_IRQ_BURST_MAX)
		return -EINVAL;
	while (n--) {
		nova_emu_host_irq(gpu, true);
		cond_resched();
	}
	return len;
}
static DEVICE_ATTR_WO(irq_spurious);

/**
 * fb_size_show() - show emu/fb_size, the VRAM size in bytes
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t fb_size_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%llu\n", nova_emu_dev_gpu(dev)->cfg.fb_size);
}
static DEVICE_ATTR_RO(fb_size);

/**
 * vbios_show() - show emu/vbios, the ROM file or "none"
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t vbios_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);

	return sysfs_emit(buf, "%s\n", gpu->cfg.vbios[0] ? gpu->cfg.vbios : "none");
}
static DEVICE_ATTR_RO(vbios);

/**
 * vbios_size_show() - show emu/vbios_size, the bytes of ROM loaded
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t vbios_size_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%zu\n", nova_emu_dev_gpu(dev)->rom_size);
}
static DEVICE_ATTR_RO(vbios_size);

/**
 * wpr2_show() - show emu/wpr2
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Shows "none", or the start and the end (exclusive) byte addresses of
 * WPR2 as "0xSTART-0xEND".
 *
 * Return: the length of the text.
 */
static ssize_t wpr2_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	unsigned long flags;
	u64 start, end;
	u32 lo, hi;

	spin_lock_irqsave(&gpu->lock, flags);
	lo = gpu->wpr2_lo;
	hi = gpu->wpr2_hi;
	spin_unlock_irqrestore(&gpu->lock, flags);

	if (!hi)
		return sysfs_emit(buf, "none\n");
	nova_emu_wpr2_range(lo, hi, &start, &end);
	return sysfs_emit(buf, "0x%llx-0x%llx\n", start, end);
}
static DEVICE_ATTR_RO(wpr2);

/**
 * falcons_show() - show emu/falcons, what each falcon is doing
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Shows "gsp=STATE sec2=STATE", each one of "reset" (held in reset),
 * "scrubbing", "running" (its CPU job pending or running), "dma" (a
 * transfer going on), "halted" or "idle".
 *
 * Return: the length of the text.
 */
static ssize_t falcons_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	const char *state[NOVA_EMU_NUM_FALCONS];
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&gpu->lock, flags);
	for (i = 0; i < NOVA_EMU_NUM_FALCONS; i++)
		state[i] = nova_emu_falcon_state(&gpu->falcon[i]);
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "gsp=%s sec2=%s\n", state[NOVA_EMU_FALCON_GSP],
			  state[NOVA_EMU_FALCON_SEC2]);
}
static DEVICE_ATTR_RO(falcons);

/**
 * gsp_show() - show emu/gsp, what GSP-RM is doing
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Shows one of "off", "starting", "running", "crashed", "stalled",
 * "stopped", "unloaded", "suspended" or "down" (gsp/gsp.h,
 * &enum nova_emu_gsp_state).
 *
 * Return: the length of the text.
 */
static ssize_t gsp_show(struct device *dev, struct device_attribute *attr,
			char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	enum nova_emu_gsp_state state;
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	state = gpu->gsp.state;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "%s\n", nova_emu_gsp_state_name(state));
}
static DEVICE_ATTR_RO(gsp);

/**
 * fsp_show() - show emu/fsp, what the FSP and GSP-FMC are doing
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Shows "STATE fmc=FMC messages=N last_error=0xE": the FSP's state
 * ("none", "noboot", "busy", "answered" or "idle"), GSP-FMC's ("off",
 * "masked", "locked" or "failed"), the messages it took since the GPU's
 * creation and the errorCode of its last answer since power-on.
 *
 * Return: the length of the text.
 */
static ssize_t fsp_show(struct device *dev, struct device_attribute *attr,
			char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	enum nova_emu_fmc_state fmc;
	const char *state;
	unsigned long flags;
	u64 messages;
	u32 last;

	spin_lock_irqsave(&gpu->lock, flags);
	state = nova_emu_fsp_state(gpu);
	fmc = gpu->gsp.fmc;
	messages = gpu->fsp.messages;
	last = gpu->fsp.last_error;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "%s fmc=%s messages=%llu last_error=0x%x\n",
			  state, nova_emu_fmc_state_name(fmc), messages, last);
}
static DEVICE_ATTR_RO(fsp);

/**
 * fsp_misbehave_show() - show emu/fsp_misbehave, the FSP's mode
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t fsp_misbehave_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	enum nova_emu_fsp_mode mode;
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	mode = gpu->cfg.fsp;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "%s\n", nova_emu_fsp_mode_name(mode));
}

/**
 * fsp_misbehave_store() - set the FSP's mode (emu/fsp_misbehave)
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: a value of the fsp= key: ok, noboot, badresp, silent, badseq,
 *	lockdown or fmcfail
 * @len: its length
 *
 * See nova_emu_fsp_set_mode().
 *
 * Return: @len, or -EINVAL.
 */
static ssize_t fsp_misbehave_store(struct device *dev,
				   struct device_attribute *attr,
				   const char *buf, size_t len)
{
	int ret = nova_emu_fsp_set_mode(nova_emu_dev_gpu(dev), buf);

	return ret ? ret : len;
}
static DEVICE_ATTR_RW(fsp_misbehave);

/**
 * gsp_registry_show() - show emu/gsp_registry, the registry GSP-RM got
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Shows the DWORD keys of the last good SET_REGISTRY since power-on,
 * "NAME=VALUE" each, separated by spaces; an empty line before one.
 *
 * Return: the length of the text.
 */
static ssize_t gsp_registry_show(struct device *dev,
				 struct device_attribute *attr, char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	char keys[NOVA_EMU_REGISTRY_LEN];
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	strscpy(keys, gpu->gsp.registry, sizeof(keys));
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "%s\n", keys[0] ? keys + 1 : "");
}
static DEVICE_ATTR_RO(gsp_registry);

/**
 * gsp_errors_show() - show emu/gsp_errors, the GSP protocol violations
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t gsp_errors_show(struct device *dev,
			       struct device_attribute *attr, char *buf)
{
	return nova_emu_counter_show(dev, buf, &nova_emu_dev_gpu(dev)->gsp.errors);
}
static DEVICE_ATTR_RO(gsp_errors);

/**
 * gsp_misbehave_show() - show emu/gsp_misbehave, GSP-RM's armed misbehaviour
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: the sysfs buffer
 *
 * Return: the length of the text.
 */
static ssize_t gsp_misbehave_show(struct device *dev,
				  struct device_attribute *attr, char *buf)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	enum nova_emu_gsp_misbehave mode;
	unsigned long flags;

	spin_lock_irqsave(&gpu->lock, flags);
	mode = gpu->gsp.rm.misbehave;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return sysfs_emit(buf, "%s\n", nova_emu_rm_misbehave_name(mode));
}

/**
 * gsp_misbehave_store() - arm a misbehaviour of GSP-RM (emu/gsp_misbehave)
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: one of none, bad-checksum, skip-seq, oversized, truncated,
 *	overlap, unknown-function, late, flood, silent
 * @len: its length
 *
 * Applied once, to the next boot's RUN_CPU_SEQUENCER or, GSP-RM being
 * ready, to its next reply (docs/emulator.md). Any time.
 *
 * Return: @len, or -EINVAL.
 */
static ssize_t gsp_misbehave_store(struct device *dev,
				   struct device_attribute *attr,
				   const char *buf, size_t len)
{
	struct nova_emu_gpu *gpu = nova_emu_dev_gpu(dev);
	unsigned long flags;
	int mode;

	mode = nova_emu_rm_misbehave_parse(buf);
	if (mode < 0)
		return mode;
	spin_lock_irqsave(&gpu->lock, flags);
	gpu->gsp.rm.misbehave = mode;
	spin_unlock_irqrestore(&gpu->lock, flags);
	return len;
}
static DEVICE_ATTR_RW(gsp_misbehave);

/**
 * reset_store() - reset the GPU to its power-on state (emu/reset)
 * @dev: the device of the GPU's platform device
 * @attr: the attribute
 * @buf: what user space wrote
 * @len: its length
 *
 * Accepts "1" only; refused with -EBUSY while a driver is bound.
 *
 * Return: @len, or a negative error code.
 */
static ssize_t reset_store(struct device *dev, struct device_attribute *attr,
			   const char *buf, size_t len)
{
	unsigned int v;
	int ret;

	ret = kstrtouint(buf, 10, &v);
	if (ret || v != 1)
		return -EINVAL;

	/* The device lock keeps a driver from binding meanwhile. */
	device_lock(dev);
	if (dev->driver)
		ret = -EBUSY;
	else
		nova_emu_power_on(nova_emu_dev_gpu(dev));
	device_unlock(dev);
	return ret ? ret : len;
}
static DEVICE_ATTR_WO(reset);

static struct attribute *nova_emu_gpu_attrs[] = {
	&dev_attr_chipset.attr,
	&dev_attr_boot0.attr,
	&dev_attr_boot42.attr,
	&dev_attr_bar0_size.attr,
	&dev_attr_vram_bar_size.attr,
	&dev_attr_unmodeled.attr,
	&dev_attr_fb_size.attr,
	&dev_attr_vbios.attr,
	&dev_attr_vbios_size.attr,
	&dev_attr_wpr2.attr,
	&dev_attr_fwsec_runs.attr,
	&dev_attr_nvidia_ucode_runs.attr,
	&dev_attr_dma_errors.attr,
	&dev_attr_dma_faults.attr,
	&dev_attr_falcons.attr,
	&dev_attr_gsp.attr,
	&dev_attr_fsp.attr,
	&dev_attr_fsp_misbehave.attr,
	&dev_attr_gsp_errors.attr,
	&dev_attr_gsp_registry.attr,
	&dev_attr_gsp_misbehave.attr,
	&dev_attr_irq.attr,
	&dev_attr_irqs.attr,
	&dev_attr_irq_storm.attr,
	&dev_attr_irq_spurious.attr,
	&dev_attr_reset.attr,
	NULL
};

static const struct attribute_group nova_emu_gpu_group = {
	.name = "emu",
	.attrs = nova_emu_gpu_attrs,
};

static const struct attribute_group *nova_emu_gpu_groups[] = {
	&nova_emu_gpu_group,
	NULL
};

/**
 * nova_emu_free_line() - the interrupt line for a GPU that did not pick one
 *
 * Return: the lowest line no emulated GPU uses, or, with every line taken,
 * line 0 (shared).
 */
static unsigned int nova_emu_free_line(void)
{
	DECLARE_BITMAP(used, NOVA_EMU_IRQ_LINES) = { 0 };
	struct nova_emu_gpu *gpu;
	unsigned int line;

	lockdep_assert_held(&nova_emu_lock);
	list_for_each_entry(gpu, &nova_emu_gpus, node)
		set_bit(gpu->cfg.irq_line, used);
	line = find_first_zero_bit(used, NOVA_EMU_IRQ_LINES);
	return line < NOVA_EMU_IRQ_LINES ? line : 0;
}

/* Gives the platform device its interrupt, as IRQ resource 0. */
static int nova_emu_add_irq(struct platform_device *pdev, unsigned int irq)
{
	struct resource res = DEFINE_RES_IRQ(irq);

	return platform_device_add_resources(pdev, &res, 1);
}

/**
 * nova_emu_create() - create an emulated GPU and its platform device
 * @id: the GPU's id
 * @cfg: its configuration, complete (see nova_emu_config_finish())
 *
 * Gives it its interrupt line, its worker and its bus address space, loads
 * the VBIOS ROM and puts the GPU in its power-on state before the platform
 * device appears, so nova_core may bind it at once.
 *
 * Return: 0, -EEXIST if @id is in use, or another negative error code.
 */
static int nova_emu_create(unsigned int id, const struct nova_emu_config *cfg)
{
	struct nova_core_emu_pdata pdata = {
		.ops = &nova_emu_io_ops,
		.bar0_size = cfg->bar0_size,
		.bar1_size = cfg->vram_bar_size,
		.sriov_total_vfs = cfg->sriov_total_vfs,
	};
	struct nova_emu_gpu *gpu;
	int ret;

	lockdep_assert_held(&nova_emu_lock);

	if (nova_emu_find(id))
		return -EEXIST;

	gpu = kzalloc(sizeof(*gpu), GFP_KERNEL);
	if (!gpu)
		return -ENOMEM;

	gpu->id = id;
	gpu->cfg = *cfg;
	if (gpu->cfg.irq_line == NOVA_EMU_IRQ_AUTO)
		gpu->cfg.irq_line = nova_emu_free_line();
	gpu->irq = nova_emu_irq_map_line(gpu->cfg.irq_line);
	if (!gpu->irq) {
		ret = -ENOMEM;
		goto free_gpu;
	}
	gpu->wq = alloc_ordered_workqueue("nova_emu.%u", 0, id);
	if (!gpu->wq) {
		ret = -ENOMEM;
		goto free_gpu;
	}
	ret = nova_emu_falcons_alloc(gpu);
	if (ret)
		goto destroy_wq;
	ret = nova_emu_gsp_init(gpu);
	if (ret)
		goto free_falcons;
	nova_emu_fsp_init(gpu);
	ret = nova_emu_prom_load(gpu, nova_emu_root);
	if (ret)
		goto free_gsp;
	nova_emu_regs_init(gpu);
	pdata.priv = gpu;

	gpu->pdev = platform_device_alloc(NOVA_CORE_EMU_DEVICE_NAME, id);
	if (!gpu->pdev) {
		ret = -ENOMEM;
		goto free_rom;
	}

	gpu->pdev->dev.parent = nova_emu_root;
	gpu->pdev->dev.groups = nova_emu_gpu_groups;
	ret = platform_device_add_data(gpu->pdev, &pdata, sizeof(pdata));
	if (ret)
		goto put_pdev;
	ret = nova_emu_add_irq(gpu->pdev, gpu->irq);
	if (ret)
		goto put_pdev;
	ret = nova_emu_dma_init(gpu);
	if (ret)
		goto put_pdev;

	ret = platform_device_add(gpu->pdev);
	if (ret)
		goto put_pdev;

	list_add_tail(&gpu->node, &nova_emu_gpus);
	return 0;

put_pdev:
	platform_device_put(gpu->pdev);
free_rom:
	nova_emu_prom_free(gpu);
free_gsp:
	nova_emu_gsp_free(gpu);
free_falcons:
	nova_emu_falcons_free(gpu);
destroy_wq:
	destroy_workqueue(gpu->wq);
free_gpu:
	kfree(gpu);
	return ret;
}

/**
 * nova_emu_destroy() - remove an emulated GPU
 * @gpu: the GPU
 *
 * Its engines' pending work is cancelled first, as a GPU that goes away
 * does not finish it; then its driver unbinds.
 */
static void nova_emu_destroy(struct nova_emu_gpu *gpu)
{
	lockdep_assert_held(&nova_emu_lock);

	list_del(&gpu->node);
	nova_emu_falcons_cancel(gpu);
	nova_emu_fsp_cancel(gpu);
	nova_emu_gsp_cancel(gpu);
	/* The device stays for the DMA layer's messages. */
	get_device(&gpu->pdev->dev);
	/* Unbinds nova_core first, so no register callback runs after this. */
	platform_device_unregister(gpu->pdev);
	nova_emu_falcons_cancel(gpu);
	nova_emu_fsp_cancel(gpu);
	nova_emu_gsp_cancel(gpu);
	nova_emu_dma_fini(gpu);
	put_device(&gpu->pdev->dev);
	destroy_workqueue(gpu->wq);
	nova_emu_prom_free(gpu);
	nova_emu_gsp_free(gpu);
	nova_emu_falcons_free(gpu);
	kfree(gpu);
}

/**
 * nova_emu_bus_notify() - reset a GPU when its driver lets go
 * @nb: the notifier block
 * @action: the platform bus event, BUS_NOTIFY_*
 * @data: the device
 *
 * When a GPU's driver unbinds (by unbind, rmmod or removal), the work its
 * engines have pending runs to the end. A GPU created with persist=0 then
 * returns to its power-on state, as a board does on a reset; others keep
 * their state, as real boards do. A failed probe is not an unbind: what the
 * driver did before failing stays until a reset through emu/reset.
 *
 * Return: NOTIFY_OK for our devices, NOTIFY_DONE for others.
 */
static int nova_emu_bus_notify(struct notifier_block *nb,
			       unsigned long action, void *data)
{
	struct device *dev = data;
	struct nova_emu_gpu *gpu;

	if (action != BUS_NOTIFY_UNBOUND_DRIVER || !nova_emu_root ||
	    dev->parent != nova_emu_root)
		return NOTIFY_DONE;

	gpu = nova_emu_dev_gpu(dev);
	nova_emu_falcons_flush(gpu);
	nova_emu_fsp_flush(gpu);
	nova_emu_gsp_flush(gpu);
	if (!gpu->cfg.persist)
		nova_emu_power_on(gpu);
	return NOTIFY_OK;
}

static struct notifier_block nova_emu_bus_nb = {
	.notifier_call = nova_emu_bus_notify,
};

/**
 * nova_emu_parse() - parse a line written to new_device
 * @line: "ID [KEY=VALUE ...]", modified in place
 * @id: set to the GPU's id
 * @cfg: set to the complete configuration
 *
 * Without chipset or boot0/boot42 the GPU is of the module's chipset; see
 * nova_emu_config_parse() for the keys.
 *
 * Return: 0, or -EINVAL.
 */
static int nova_emu_parse(char *line, unsigned int *id,
			  struct nova_emu_config *cfg)
{
	char *tok;

	line = strim(line);
	tok = strsep(&line, " \t");
	if (!tok || kstrtouint(tok, 10, id) || *id > NOVA_EMU_MAX_ID) {
		pr_err("new_device: bad id \"%s\" (0 to %u)\n",
		       tok ? tok : "", NOVA_EMU_MAX_ID);
		return -EINVAL;
	}
	/* The module parameters were checked when the module loaded. */
	return nova_emu_config_parse(line ? line : "", cfg, chipset,
				     nova_emu_booter_default, "new_device");
}

static ssize_t new_device_store(struct device *dev,
				struct device_attribute *attr,
				const char *buf, size_t len)
{
	struct nova_emu_config *cfg;
	unsigned int id;
	char *line;
	int ret;

	/* The configuration is too large for the stack. */
	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	line = kstrndup(buf, len, GFP_KERNEL);
	if (!cfg || !line) {
		ret = -ENOMEM;
		goto out;
	}
	ret = nova_emu_parse(line, &id, cfg);
	if (ret) {
		pr_err("new_device: expected \"ID [chipset=NAME | boot0=X boot42=Y] [KEY=VALUE ...]\", keys: vram bar0 fb vbios scrub gfw fwsec fuse wpr2 persist irq falcon_delay dma booter\n");
		goto out;
	}

	mutex_lock(&nova_emu_lock);
	ret = nova_emu_create(id, cfg);
	mutex_unlock(&nova_emu_lock);
	if (ret == -EEXIST)
		pr_err("new_device: id %u is in use\n", id);
out:
	kfree(line);
	kfree(cfg);
	return ret ? ret : len;
}
static DEVICE_ATTR_WO(new_device);

static ssize_t del_device_store(struct device *dev,
				struct device_attribute *attr,
				const char *buf, size_t len)
{
	struct nova_emu_gpu *gpu;
	unsigned int id;
	int ret;

	ret = kstrtouint(buf, 10, &id);
	if (ret)
		return ret;

	mutex_lock(&nova_emu_lock);
	gpu = nova_emu_find(id);
	if (gpu)
		nova_emu_destroy(gpu);
	mutex_unlock(&nova_emu_lock);

	return gpu ? len : -ENOENT;
}
static DEVICE_ATTR_WO(del_device);

static struct attribute *nova_emu_root_attrs[] = {
	&dev_attr_new_device.attr,
	&dev_attr_del_device.attr,
	NULL
};

static const struct attribute_group nova_emu_root_group = {
	.attrs = nova_emu_root_attrs,
};

/**
 * nova_emu_destroy_all() - remove every emulated GPU, newest first
 */
static void nova_emu_destroy_all(void)
{
	struct nova_emu_gpu *gpu, *tmp;

	mutex_lock(&nova_emu_lock);
	list_for_each_entry_safe_reverse(gpu, tmp, &nova_emu_gpus, node)
		nova_emu_destroy(gpu);
	mutex_unlock(&nova_emu_lock);
}

static int __init nova_emu_init(void)
{
	struct nova_emu_config *cfg;
	unsigned int i;
	int ret;

	ret = nova_emu_booter_parse(booter);
	if (ret < 0) {
		pr_err("booter \"%s\" is not ok, fail or nostart\n", booter);
		return -EINVAL;
	}
	nova_emu_booter_default = ret;

	cfg = kmalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	nova_emu_config_defaults(cfg, nova_emu_booter_default);

	ret = -EINVAL;
	if (nova_emu_config_chip(cfg, chipset)) {
		pr_err("unknown chipset \"%s\"\n", chipset);
		goto free_cfg;
	}
	if (count > NOVA_EMU_MAX_COUNT) {
		pr_err("count %u is over %u\n", count,
		       NOVA_EMU_MAX_COUNT);
		goto free_cfg;
	}
	if (nova_emu_parse_size(vram, NOVA_EMU_VRAM_MIN, NOVA_EMU_VRAM_MAX,
				&cfg->vram_bar_size)) {
		pr_err("vram \"%s\" is not a power of two from 16M to 128G\n",
		       vram);
		goto free_cfg;
	}
	/* The default VRAM size is encodable on every chip. */
	nova_emu_config_finish(cfg, false);
	cfg->persist = persist;

	ret = nova_emu_irq_init();
	if (ret)
		goto free_cfg;

	nova_emu_root = root_device_register("nova_emu");
	if (IS_ERR(nova_emu_root)) {
		ret = PTR_ERR(nova_emu_root);
		goto irq_exit;
	}

	ret = bus_register_notifier(&platform_bus_type, &nova_emu_bus_nb);
	if (ret)
		goto unregister_root;

	mutex_lock(&nova_emu_lock);
	for (i = 0, ret = 0; i < count && !ret; i++)
		ret = nova_emu_create(i, cfg);
	mutex_unlock(&nova_emu_lock);
	if (ret)
		goto destroy_gpus;

	ret = sysfs_create_group(&nova_emu_root->kobj, &nova_emu_root_group);
	if (ret)
		goto destroy_gpus;

	kfree(cfg);
	return 0;

destroy_gpus:
	nova_emu_destroy_all();
	bus_unregister_notifier(&platform_bus_type, &nova_emu_bus_nb);
unregister_root:
	root_device_unregister(nova_emu_root);
irq_exit:
	nova_emu_irq_exit();
free_cfg:
	kfree(cfg);
	return ret;
}

static void __exit nova_emu_exit(void)
{
	/* Waits for writers of new_device and del_device to finish. */
	sysfs_remove_group(&nova_emu_root->kobj, &nova_emu_root_group);
	nova_emu_destroy_all();
	bus_unregister_notifier(&platform_bus_type, &nova_emu_bus_nb);
	root_device_unregister(nova_emu_root);
	nova_emu_irq_exit();
}

module_init(nova_emu_init);
module_exit(nova_emu_exit);

MODULE_DESCRIPTION("Emulated NVIDIA GPU for nova_core");
MODULE_LICENSE("GPL");
