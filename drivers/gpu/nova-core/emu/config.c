// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: a GPU's configuration, parsed from "KEY=VALUE ..." text.
 *
 * Shared by the model's hosts: nova_emu.ko's new_device and module
 * parameters (main.c), and the QEMU device's config property
 * (qemu/nova-gpu.c, through qemu/lib). The keys are docs/emulator.md's.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitops.h>
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include "emu.h"

/**
 * nova_emu_parse_size() - parse a power-of-two size with K/M/G suffixes
 * @s: the text
 * @min: smallest size accepted
 * @max: largest size accepted
 * @size: set to the size in bytes
 *
 * Return: 0, or -EINVAL.
 */
int nova_emu_parse_size(const char *s, u64 min, u64 max, u64 *size)
{
	char *end;
	u64 v;

	if (!isdigit(*s))
		return -EINVAL;
	v = memparse(s, &end);
	if (*end || !is_power_of_2(v) || v < min || v > max)
		return -EINVAL;
	*size = v;
	return 0;
}

/**
 * nova_emu_parse_fb() - parse the fb= knob
 * @s: the text: a multiple of 1 MiB from 1G to 1T, with K/M/G/T suffixes
 * @size: set to the size in bytes
 *
 * Return: 0, or -EINVAL.
 */
static int nova_emu_parse_fb(const char *s, u64 *size)
{
	char *end;
	u64 v;

	if (!isdigit(*s))
		return -EINVAL;
	v = memparse(s, &end);
	if (*end || !IS_ALIGNED(v, SZ_1M) || v < NOVA_EMU_FB_MIN ||
	    v > NOVA_EMU_FB_MAX)
		return -EINVAL;
	*size = v;
	return 0;
}

/**
 * nova_emu_parse_vbios() - parse the vbios= knob
 * @s: "none", or a path relative to /lib/firmware: printable, no "..",
 *	not absolute, shorter than %NOVA_EMU_VBIOS_LEN
 * @cfg: the configuration to set &nova_emu_config.vbios of
 *
 * Return: 0, or -EINVAL.
 */
static int nova_emu_parse_vbios(const char *s, struct nova_emu_config *cfg)
{
	const char *p;

	if (!strcmp(s, "none")) {
		cfg->vbios[0] = '\0';
		return 0;
	}
	if (*s == '/' || strstr(s, ".."))
		return -EINVAL;
	for (p = s; *p; p++)
		if (!isgraph(*p))
			return -EINVAL;
	return strscpy(cfg->vbios, s, sizeof(cfg->vbios)) < 0 ? -EINVAL : 0;
}

/**
 * nova_emu_parse_choice() - parse a value out of a list of words
 * @s: the text
 * @words: the accepted words
 * @n: how many
 * @choice: set to the index of @s in @words
 *
 * Return: 0, or -EINVAL.
 */
static int nova_emu_parse_choice(const char *s, const char * const *words,
				 size_t n, unsigned int *choice)
{
	int i = match_string(words, n, s);

	if (i < 0)
		return -EINVAL;
	*choice = i;
	return 0;
}

/**
 * nova_emu_config_chip() - make a configuration a named chipset
 * @cfg: the configuration
 * @name: the chipset's name, in any case
 *
 * Return: 0, or -EINVAL for an unknown chipset.
 */
int nova_emu_config_chip(struct nova_emu_config *cfg, const char *name)
{
	cfg->chip = nova_emu_chip_find(name);
	if (!cfg->chip)
		return -EINVAL;
	nova_emu_chip_boot_regs(cfg->chip, &cfg->boot0, &cfg->boot42);
	return 0;
}

/**
 * nova_emu_config_defaults() - the default configuration, less the chip
 * @cfg: the configuration to fill in
 * @booter: what the booters do by default (the module's booter=)
 */
void nova_emu_config_defaults(struct nova_emu_config *cfg,
			      enum nova_emu_booter_mode booter)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->bar0_size = NOVA_EMU_BAR0_DEFAULT;
	cfg->vram_bar_size = NOVA_EMU_VRAM_DEFAULT;
	cfg->fb_size = NOVA_EMU_FB_DEFAULT;
	cfg->fwsec = NOVA_EMU_FWSEC_OK;
	cfg->fuse = 2;
	cfg->persist = true;
	cfg->irq_line = NOVA_EMU_IRQ_AUTO;
	cfg->booter = booter;
}

/**
 * nova_emu_config_finish() - complete a configuration once its chip is known
 * @cfg: the configuration, with its chip or raw boot registers set
 * @vbios_given: whether the vbios= knob was given; if not, the ROM is
 *	"nova_emu/<chipset>.rom", or none for raw boot0/boot42
 *
 * Return: 0, or -EINVAL if the VRAM size cannot be encoded on this chip
 * (Turing and GA100 encode it as mag << scale MiB with mag at most 63).
 */
int nova_emu_config_finish(struct nova_emu_config *cfg, bool vbios_given)
{
	u32 range;

	nova_emu_config_family(cfg);
	if (!vbios_given && cfg->chip)
		snprintf(cfg->vbios, sizeof(cfg->vbios), "nova_emu/%s.rom",
			 cfg->chip->name);
	if (!cfg->ga102_plus && !nova_emu_fb_size_encode(cfg->fb_size, &range))
		return -EINVAL;
	return 0;
}

/**
 * enum nova_emu_key - the keys of a new_device line
 * @NOVA_EMU_KEY_CHIPSET: chipset=NAME
 * @NOVA_EMU_KEY_BOOT0: boot0=X
 * @NOVA_EMU_KEY_BOOT42: boot42=Y
 * @NOVA_EMU_KEY_VRAM: vram=SIZE
 * @NOVA_EMU_KEY_BAR0: bar0=SIZE
 * @NOVA_EMU_KEY_FB: fb=SIZE
 * @NOVA_EMU_KEY_VBIOS: vbios=PATH|none
 * @NOVA_EMU_KEY_SCRUB: scrub=ok|stuck
 * @NOVA_EMU_KEY_GFW: gfw=ok|stuck
 * @NOVA_EMU_KEY_FWSEC: fwsec=ok|fail|nowpr2|frtserr|wpr2off
 * @NOVA_EMU_KEY_FUSE: fuse=N
 * @NOVA_EMU_KEY_WPR2: wpr2=none|preset
 * @NOVA_EMU_KEY_PERSIST: persist=0|1
 * @NOVA_EMU_KEY_IRQ: irq=LINE
 * @NOVA_EMU_KEY_FALCON_DELAY: falcon_delay=MS
 * @NOVA_EMU_KEY_DMA: dma=ok|stray
 * @NOVA_EMU_KEY_BOOTER: booter=ok|fail|nostart
 * @NOVA_EMU_KEY_DISPLAY: display=0|1
 * @NOVA_EMU_KEY_FSP: fsp=ok|noboot|badresp|silent|badseq|lockdown|fmcfail
 * @NOVA_EMU_KEY_VFS: vfs=N
 * @NOVA_EMU_KEY_VGPU: vgpu=off|on|bad|refuse
 */
enum nova_emu_key {
	NOVA_EMU_KEY_CHIPSET,
	NOVA_EMU_KEY_BOOT0,
	NOVA_EMU_KEY_BOOT42,
	NOVA_EMU_KEY_VRAM,
	NOVA_EMU_KEY_BAR0,
	NOVA_EMU_KEY_FB,
	NOVA_EMU_KEY_VBIOS,
	NOVA_EMU_KEY_SCRUB,
	NOVA_EMU_KEY_GFW,
	NOVA_EMU_KEY_FWSEC,
	NOVA_EMU_KEY_FUSE,
	NOVA_EMU_KEY_WPR2,
	NOVA_EMU_KEY_PERSIST,
	NOVA_EMU_KEY_IRQ,
	NOVA_EMU_KEY_FALCON_DELAY,
	NOVA_EMU_KEY_DMA,
	NOVA_EMU_KEY_BOOTER,
	NOVA_EMU_KEY_DISPLAY,
	NOVA_EMU_KEY_FSP,
	NOVA_EMU_KEY_VFS,
	NOVA_EMU_KEY_VGPU,
};

static const char * const nova_emu_keys[] = {
	[NOVA_EMU_KEY_CHIPSET] = "chipset",
	[NOVA_EMU_KEY_BOOT0] = "boot0",
	[NOVA_EMU_KEY_BOOT42] = "boot42",
	[NOVA_EMU_KEY_VRAM] = "vram",
	[NOVA_EMU_KEY_BAR0] = "bar0",
	[NOVA_EMU_KEY_FB] = "fb",
	[NOVA_EMU_KEY_VBIOS] = "vbios",
	[NOVA_EMU_KEY_SCRUB] = "scrub",
	[NOVA_EMU_KEY_GFW] = "gfw",
	[NOVA_EMU_KEY_FWSEC] = "fwsec",
	[NOVA_EMU_KEY_FUSE] = "fuse",
	[NOVA_EMU_KEY_WPR2] = "wpr2",
	[NOVA_EMU_KEY_PERSIST] = "persist",
	[NOVA_EMU_KEY_IRQ] = "irq",
	[NOVA_EMU_KEY_FALCON_DELAY] = "falcon_delay",
	[NOVA_EMU_KEY_DMA] = "dma",
	[NOVA_EMU_KEY_BOOTER] = "booter",
	[NOVA_EMU_KEY_DISPLAY] = "display",
	[NOVA_EMU_KEY_FSP] = "fsp",
	[NOVA_EMU_KEY_VFS] = "vfs",
	[NOVA_EMU_KEY_VGPU] = "vgpu",
};

static const char * const nova_emu_ok_stuck[] = { "ok", "stuck" };

static const char * const nova_emu_fwsec_modes[] = {
	[NOVA_EMU_FWSEC_OK] = "ok",
	[NOVA_EMU_FWSEC_FAIL] = "fail",
	[NOVA_EMU_FWSEC_NOWPR2] = "nowpr2",
	[NOVA_EMU_FWSEC_FRTSERR] = "frtserr",
	[NOVA_EMU_FWSEC_WPR2OFF] = "wpr2off",
};

static const char * const nova_emu_wpr2_modes[] = { "none", "preset" };

static const char * const nova_emu_bools[] = { "0", "1" };

static const char * const nova_emu_dma_modes[] = { "ok", "stray" };

static const char * const nova_emu_booter_modes[] = {
	[NOVA_EMU_BOOTER_OK] = "ok",
	[NOVA_EMU_BOOTER_FAIL] = "fail",
	[NOVA_EMU_BOOTER_NOSTART] = "nostart",
};

static const char * const nova_emu_vgpu_modes[] = {
	[NOVA_EMU_VGPU_OFF] = "off",
	[NOVA_EMU_VGPU_ON] = "on",
	[NOVA_EMU_VGPU_BAD] = "bad",
	[NOVA_EMU_VGPU_REFUSE] = "refuse",
};

static const char * const nova_emu_fsp_modes[] = {
	[NOVA_EMU_FSP_OK] = "ok",
	[NOVA_EMU_FSP_NOBOOT] = "noboot",
	[NOVA_EMU_FSP_BADRESP] = "badresp",
	[NOVA_EMU_FSP_SILENT] = "silent",
	[NOVA_EMU_FSP_BADSEQ] = "badseq",
	[NOVA_EMU_FSP_LOCKDOWN] = "lockdown",
	[NOVA_EMU_FSP_FMCFAIL] = "fmcfail",
};

/**
 * nova_emu_booter_parse() - parse a booter mode
 * @s: ok, fail or nostart
 *
 * Return: the &enum nova_emu_booter_mode, or -EINVAL.
 */
int nova_emu_booter_parse(const char *s)
{
	int i = match_string(nova_emu_booter_modes,
			     ARRAY_SIZE(nova_emu_booter_modes), s);

	return i < 0 ? -EINVAL : i;
}

/**
 * nova_emu_fsp_parse() - parse an FSP mode, a value of the fsp= key
 * @s: ok, noboot, badresp, silent, badseq, lockdown or fmcfail
 *
 * Return: the &enum nova_emu_fsp_mode, or -EINVAL.
 */
int nova_emu_fsp_parse(const char *s)
{
	int i = sysfs_match_string(nova_emu_fsp_modes, s);

	return i < 0 ? -EINVAL : i;
}

/**
 * nova_emu_fsp_mode_name() - the word of an FSP mode
 * @mode: the mode
 *
 * Return: its word in the fsp= key.
 */
const char *nova_emu_fsp_mode_name(enum nova_emu_fsp_mode mode)
{
	return mode < ARRAY_SIZE(nova_emu_fsp_modes) ? nova_emu_fsp_modes[mode] : "?";
}

/**
 * nova_emu_parse_key() - parse the value of one new_device key
 * @cfg: the configuration to set
 * @key: the key
 * @val: its value
 *
 * Return: 0, or -EINVAL for a bad value.
 */
static int nova_emu_parse_key(struct nova_emu_config *cfg,
			      enum nova_emu_key key, const char *val)
{
	unsigned int v;
	int ret;

	switch (key) {
	case NOVA_EMU_KEY_CHIPSET:
		return nova_emu_config_chip(cfg, val);
	case NOVA_EMU_KEY_BOOT0:
		return kstrtou32(val, 0, &cfg->boot0);
	case NOVA_EMU_KEY_BOOT42:
		return kstrtou32(val, 0, &cfg->boot42);
	case NOVA_EMU_KEY_VRAM:
		return nova_emu_parse_size(val, NOVA_EMU_VRAM_MIN,
					   NOVA_EMU_VRAM_MAX,
					   &cfg->vram_bar_size);
	case NOVA_EMU_KEY_BAR0:
		return nova_emu_parse_size(val, NOVA_EMU_BAR0_MIN,
					   NOVA_EMU_BAR0_MAX, &cfg->bar0_size);
	case NOVA_EMU_KEY_FB:
		return nova_emu_parse_fb(val, &cfg->fb_size);
	case NOVA_EMU_KEY_VBIOS:
		return nova_emu_parse_vbios(val, cfg);
	case NOVA_EMU_KEY_SCRUB:
		ret = nova_emu_parse_choice(val, nova_emu_ok_stuck,
					    ARRAY_SIZE(nova_emu_ok_stuck), &v);
		if (!ret)
			cfg->scrub_stuck = v;
		return ret;
	case NOVA_EMU_KEY_GFW:
		ret = nova_emu_parse_choice(val, nova_emu_ok_stuck,
					    ARRAY_SIZE(nova_emu_ok_stuck), &v);
		if (!ret)
			cfg->gfw_stuck = v;
		return ret;
	case NOVA_EMU_KEY_FWSEC:
		ret = nova_emu_parse_choice(val, nova_emu_fwsec_modes,
					    ARRAY_SIZE(nova_emu_fwsec_modes),
					    &v);
		if (!ret)
			cfg->fwsec = v;
		return ret;
	case NOVA_EMU_KEY_FUSE:
		ret = kstrtouint(val, 10, &v);
		if (ret || v > NOVA_EMU_FUSE_MAX)
			return -EINVAL;
		cfg->fuse = v;
		return 0;
	case NOVA_EMU_KEY_WPR2:
		ret = nova_emu_parse_choice(val, nova_emu_wpr2_modes,
					    ARRAY_SIZE(nova_emu_wpr2_modes), &v);
		if (!ret)
			cfg->wpr2_preset = v;
		return ret;
	case NOVA_EMU_KEY_PERSIST:
		ret = nova_emu_parse_choice(val, nova_emu_bools,
					    ARRAY_SIZE(nova_emu_bools), &v);
		if (!ret)
			cfg->persist = v;
		return ret;
	case NOVA_EMU_KEY_IRQ:
		ret = kstrtouint(val, 10, &v);
		if (ret || v >= NOVA_EMU_IRQ_LINES)
			return -EINVAL;
		cfg->irq_line = v;
		return 0;
	case NOVA_EMU_KEY_FALCON_DELAY:
		ret = kstrtouint(val, 10, &v);
		if (ret || v > NOVA_EMU_FALCON_DELAY_MAX)
			return -EINVAL;
		cfg->falcon_delay_ms = v;
		return 0;
	case NOVA_EMU_KEY_DMA:
		ret = nova_emu_parse_choice(val, nova_emu_dma_modes,
					    ARRAY_SIZE(nova_emu_dma_modes), &v);
		if (!ret)
			cfg->dma_stray = v;
		return ret;
	case NOVA_EMU_KEY_BOOTER:
		ret = nova_emu_parse_choice(val, nova_emu_booter_modes,
					    ARRAY_SIZE(nova_emu_booter_modes),
					    &v);
		if (!ret)
			cfg->booter = v;
		return ret;
	case NOVA_EMU_KEY_DISPLAY:
		ret = nova_emu_parse_choice(val, nova_emu_bools,
					    ARRAY_SIZE(nova_emu_bools), &v);
		if (!ret)
			cfg->display_off = !v;
		return ret;
	case NOVA_EMU_KEY_FSP:
		ret = nova_emu_parse_choice(val, nova_emu_fsp_modes,
					    ARRAY_SIZE(nova_emu_fsp_modes), &v);
		if (!ret)
			cfg->fsp = v;
		return ret;
	case NOVA_EMU_KEY_VFS:
		ret = kstrtouint(val, 0, &v);
		if (ret || v > NOVA_EMU_VFS_MAX)
			return -EINVAL;
		cfg->sriov_total_vfs = v;
		return 0;
	case NOVA_EMU_KEY_VGPU:
		ret = nova_emu_parse_choice(val, nova_emu_vgpu_modes,
					    ARRAY_SIZE(nova_emu_vgpu_modes), &v);
		if (!ret)
			cfg->vgpu = v;
		return ret;
	}
	return -EINVAL;
}

#define NOVA_EMU_RAW_KEYS	(BIT(NOVA_EMU_KEY_BOOT0) | BIT(NOVA_EMU_KEY_BOOT42))

/**
 * nova_emu_config_parse() - parse a GPU's configuration
 * @line: "[chipset=NAME | boot0=X boot42=Y] [KEY=VALUE ...]"; modified
 * @cfg: set to the complete configuration
 * @chip: the chipset when @line names neither chipset nor boot0/boot42
 *	(the module's chipset=); a known one
 * @booter: what the booters do unless @line says (the module's booter=)
 * @who: what the errors are logged as coming from ("new_device")
 *
 * The keys of docs/emulator.md, each given once. Every error is explained
 * in one log line naming the key. Both hosts of the model parse their
 * GPUs' configurations here: nova_emu.ko's new_device and the QEMU
 * device's config property.
 *
 * Return: 0, or -EINVAL.
 */
int nova_emu_config_parse(char *line, struct nova_emu_config *cfg,
			  const char *chip, enum nova_emu_booter_mode booter,
			  const char *who)
{
	unsigned long seen = 0;
	char *tok, *val;
	int key;

	nova_emu_config_defaults(cfg, booter);

	while ((tok = strsep(&line, " \t"))) {
		if (!*tok)
			continue;
		val = strchr(tok, '=');
		if (!val || !val[1]) {
			pr_err("%s: \"%s\" is not KEY=VALUE\n", who, tok);
			return -EINVAL;
		}
		*val++ = '\0';

		key = match_string(nova_emu_keys, ARRAY_SIZE(nova_emu_keys), tok);
		if (key < 0) {
			pr_err("%s: unknown key \"%s\"\n", who, tok);
			return -EINVAL;
		}
		if (seen & BIT(key)) {
			pr_err("%s: key %s given twice\n", who, tok);
			return -EINVAL;
		}
		seen |= BIT(key);
		if ((seen & BIT(NOVA_EMU_KEY_CHIPSET)) &&
		    (seen & NOVA_EMU_RAW_KEYS)) {
			pr_err("%s: key %s: chipset and boot0/boot42 exclude each other\n", who,
			       tok);
			return -EINVAL;
		}
		if (nova_emu_parse_key(cfg, key, val)) {
			pr_err("%s: key %s: bad value \"%s\"\n", who,
			       tok, val);
			return -EINVAL;
		}
	}

	if (!(seen & (BIT(NOVA_EMU_KEY_CHIPSET) | NOVA_EMU_RAW_KEYS)) &&
	    nova_emu_config_chip(cfg, chip))
		return -EINVAL;
	if (nova_emu_config_finish(cfg, seen & BIT(NOVA_EMU_KEY_VBIOS))) {
		pr_err("%s: key fb: %llu MiB is not encodable on this chipset (mag << scale MiB, mag <= 63)\n",
		       who, cfg->fb_size >> 20);
		return -EINVAL;
	}
	if (cfg->fsp != NOVA_EMU_FSP_OK &&
	    cfg->fsp_family == NOVA_EMU_FSP_NONE) {
		pr_err("%s: key fsp: %s: this chipset has no FSP (Hopper and Blackwell have)\n",
		       who, nova_emu_fsp_modes[cfg->fsp]);
		return -EINVAL;
	}
	if (cfg->vgpu != NOVA_EMU_VGPU_OFF &&
	    cfg->fsp_family != NOVA_EMU_FSP_GB20X) {
		pr_err("%s: key vgpu: %s: only GB20x's FSP has the vGPU knob\n",
		       who, nova_emu_vgpu_modes[cfg->vgpu]);
		return -EINVAL;
	}
	return 0;
}
