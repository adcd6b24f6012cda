// SPDX-License-Identifier: GPL-2.0
/*
 * lib-test: the GPU model hosted by qemu/lib (nova_emu_lib.h) as the QEMU
 * device hosts it, without QEMU: each chipset's identity, its VBIOS
 * through the PROM window against the file, a bad configuration refused
 * with a log line, unmodelled registers counted, timers and DMA through
 * the host's callbacks. Prints KTAP.
 *
 *   lib-test FIRMWARE_DIR     (nova_emu/<chip>.rom there, as the guest's)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nova_emu_lib.h"
#include "../../tests/host/ktap.h"

/* The host: its log, its clock, its bus (no memory: every DMA faults). */
static char last_log[1024];
static int logs, irqs, timers, dmas;
static uint64_t clock_ns;

static int h_dma(void *o, uint64_t addr, void *buf, size_t len, bool write)
{
	dmas++;
	return -14;
}

static void h_irq(void *o, bool level)
{
	irqs++;
}

static void h_timer(void *o, uint64_t when)
{
	timers++;
}

static uint64_t h_now(void *o)
{
	return clock_ns;
}

static void h_log(void *o, const char *level, const char *line)
{
	logs++;
	snprintf(last_log, sizeof(last_log), "%s: %s", level, line);
	printf("# log %s\n", last_log);
}

static const struct nova_emu_lib_ops ops = {
	.dma = h_dma, .irq = h_irq, .timer = h_timer, .now_ns = h_now, .log = h_log,
};

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *b;
	long l;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	l = ftell(f);
	rewind(f);
	b = malloc(l ? l : 1);
	if (b && fread(b, 1, l, f) != (size_t)l) {
		free(b);
		b = NULL;
	}
	fclose(f);
	*len = l;
	return b;
}

/* NV_PMC_BOOT_0 of each chip: architecture 28:20, revision a1 (NVIDIA's). */
static const struct {
	const char *chip;
	uint32_t boot0;
} chips[] = {
	{ "tu102", 0x162000a1 }, { "tu104", 0x164000a1 }, { "tu106", 0x166000a1 },
	{ "tu116", 0x168000a1 }, { "tu117", 0x167000a1 }, { "ga100", 0x170000a1 },
	{ "ga102", 0x172000a1 }, { "ga103", 0x173000a1 }, { "ga104", 0x174000a1 },
	{ "ga106", 0x176000a1 }, { "ga107", 0x177000a1 }, { "ad102", 0x192000a1 },
	{ "ad103", 0x193000a1 }, { "ad104", 0x194000a1 }, { "ad106", 0x196000a1 },
	{ "ad107", 0x197000a1 },
};

int main(int argc, char **argv)
{
	const char *fw = argc > 1 ? argv[1] : ".";
	struct nova_emu_lib_info info;
	struct nova_emu_lib *l;
	char err[256], cfg[64], path[4096];
	unsigned int i;

	printf("KTAP version 1\n");
	for (i = 0; i < sizeof(chips) / sizeof(chips[0]); i++) {
		unsigned char *rom;
		size_t rom_len = 0, off;
		int same = 1;

		snprintf(cfg, sizeof(cfg), "chipset=%s", chips[i].chip);
		l = nova_emu_lib_create(cfg, fw, &ops, err, sizeof(err));
		result(l != NULL, "%s: created (%s)", chips[i].chip, l ? "" : err);
		if (!l)
			continue;
		result(nova_emu_lib_rd32(l, 0) == chips[i].boot0,
		   "%s: NV_PMC_BOOT_0 0x%08x", chips[i].chip, nova_emu_lib_rd32(l, 0));
		nova_emu_lib_info(l, &info);
		snprintf(path, sizeof(path), "%s/nova_emu/%s.rom", fw, chips[i].chip);
		rom = slurp(path, &rom_len);
		result(rom && info.rom_size == rom_len && !memcmp(info.rom, rom, rom_len),
		   "%s: the VBIOS is the file's %zu bytes", chips[i].chip, rom_len);
		/* The PROM window: 32-bit reads of the ROM from BAR0 0x300000. */
		for (off = 0; rom && off + 4 <= rom_len && off < 0x10000; off += 4) {
			uint32_t w = rom[off] | rom[off + 1] << 8 | rom[off + 2] << 16 |
				     (uint32_t)rom[off + 3] << 24;

			if (nova_emu_lib_rd32(l, 0x300000 + off) != w)
				same = 0;
		}
		result(rom && same, "%s: the PROM window reads the VBIOS", chips[i].chip);
		free(rom);
		nova_emu_lib_destroy(l);
	}

	logs = 0;
	l = nova_emu_lib_create("chipset=gv100", fw, &ops, err, sizeof(err));
	result(!l && strstr(err, "bad configuration") && logs == 1 &&
	   strstr(last_log, "config: key chipset: bad value \"gv100\""),
	   "an unknown chipset: refused, one log line naming the key");
	l = nova_emu_lib_create("chipset=ga102 vram=3M", fw, &ops, err, sizeof(err));
	result(!l, "a VRAM BAR that is not a power of two from 16M: refused");

	/* The interrupt tree: enables set, cleared and read back; nothing pending. */
	l = nova_emu_lib_create("chipset=ga102", fw, &ops, err, sizeof(err));
	if (l) {
		int ok;

		nova_emu_lib_wr32(l, 0xb81210, 0x00000003);	/* leaf 4 EN_SET */
		nova_emu_lib_wr32(l, 0xb81410, 0x00000002);	/* leaf 4 EN_CLEAR */
		nova_emu_lib_wr32(l, 0xb81608, 0x0000000f);	/* TOP_EN_SET */
		nova_emu_lib_wr32(l, 0xb81610, 0x00000003);	/* TOP_EN_CLEAR */
		ok = nova_emu_lib_rd32(l, 0xb81210) == 1 &&
		     nova_emu_lib_rd32(l, 0xb81410) == 1 &&
		     nova_emu_lib_rd32(l, 0xb81608) == 0xc &&
		     nova_emu_lib_rd32(l, 0xb81600) == 0 &&	/* TOP */
		     nova_emu_lib_rd32(l, 0xb81010) == 0;	/* leaf 4 */
		nova_emu_lib_info(l, &info);
		result(ok && info.unmodeled == 0,
		   "the interrupt tree: leaf and top enables kept, nothing pending, all modelled (%llu unmodelled)",
		   (unsigned long long)info.unmodeled);
		/* Falcon HWCFG: 64 KiB IMEM and DMEM; ITFEN kept as written. */
		nova_emu_lib_wr32(l, 0x840048, 0x00000001);
		result(nova_emu_lib_rd32(l, 0x110108) == (256 | 256 << 9) &&
		   nova_emu_lib_rd32(l, 0x840048) == 1 && nova_emu_lib_rd32(l, 0x110048) == 0,
		   "falcon HWCFG says 64 KiB of IMEM and DMEM; ITFEN is kept per falcon");
		nova_emu_lib_rd32(l, 0xb81040);	/* leaf 16: past the tree */
		nova_emu_lib_info(l, &info);
		result(info.unmodeled == 1, "a leaf past the tree's 16 is unmodelled");
		nova_emu_lib_destroy(l);
	}

	/* The display fuse: GA100 has none; display=0 fuses it off anywhere. */
	{
		static const struct {
			const char *cfg;
			uint32_t reg, val;
		} f[] = {
			{ "chipset=ga102", 0x820c04, 0 },
			{ "chipset=ga100", 0x820c04, 1 },
			{ "chipset=ga102 display=0", 0x820c04, 1 },
			{ "chipset=tu102", 0x021c04, 0 },
			{ "chipset=tu102 display=0", 0x021c04, 1 },
			{ "chipset=ad102 display=1", 0x820c04, 0 },
		};
		unsigned int k, good = 0;

		for (k = 0; k < sizeof(f) / sizeof(f[0]); k++) {
			l = nova_emu_lib_create(f[k].cfg, fw, &ops, err, sizeof(err));
			if (l && nova_emu_lib_rd32(l, f[k].reg) == f[k].val)
				good++;
			if (l)
				nova_emu_lib_destroy(l);
		}
		l = nova_emu_lib_create("chipset=ga102 display=2", fw, &ops, err,
					sizeof(err));
		result(good == k && !l,
		   "the display fuse: set on GA100 and with display=0, clear otherwise; display=2 refused (%u of %u)",
		   good, k);
	}

	l = nova_emu_lib_create("chipset=tu102 vram=512M bar0=32M", fw, &ops, err,
				sizeof(err));
	result(l != NULL, "tu102 with vram=512M bar0=32M: created");
	if (l) {
		nova_emu_lib_info(l, &info);
		result(info.vram_bar_size == 512ull << 20 && info.bar0_size == 32u << 20,
		   "the BAR sizes are the configuration's");
		nova_emu_lib_rd32(l, 0x00fff000);
		nova_emu_lib_info(l, &info);
		result(info.unmodeled == 1, "an unmodelled register is counted (%llu)",
		   (unsigned long long)info.unmodeled);
		result(!strcmp(info.gsp, "off") && !strcmp(info.misbehave, "none") &&
		   !info.wpr2_start && !info.wpr2_end,
		   "GSP-RM off, nothing armed, no WPR2 (%s, %s)", info.gsp,
		   info.misbehave);
		result(nova_emu_lib_misbehave(l, "flood") == 0 &&
		   nova_emu_lib_misbehave(l, "sideways") < 0,
		   "GSP-RM's misbehaviours: a known one armed, another refused");
		nova_emu_lib_info(l, &info);
		result(!strcmp(info.misbehave, "flood"),
		   "the armed misbehaviour reads back (%s)", info.misbehave);
		nova_emu_lib_reset(l);
		result(nova_emu_lib_rd32(l, 0) == 0x162000a1, "after a reset, still a TU102");
		nova_emu_lib_destroy(l);
	}

	printf("1..%u\n", tests);
	printf("# lib-test: %u passed, %u failed\n", tests - failed, failed);
	return failed ? 1 : 0;
}
