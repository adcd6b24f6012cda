// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's pure bring-up functions: the FB layout
 * (fb.c) per chip family with its edge cases, and the FWSEC-FRTS command
 * patching (fwsec.c) against well-formed and hostile DMEM.
 */

#include <kunit/test.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../fb.h"
#include "../firmware/fwsec.h"
#include "../regs.h"

#define T_GIB(n)	((u64)(n) * SZ_1G)
#define T_MIB(n)	((u64)(n) * SZ_1M)

static void fb_heap_sizes(struct kunit *test)
{
	/* libos2: 8 MiB + 96 KiB per GiB (rounded up to 1 MiB) + 96 MiB. */
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(false, T_GIB(8)), T_MIB(105));
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(false, T_GIB(1)), T_MIB(105));
	/* 16 GiB: 1536 KiB, rounded up to 2 MiB. */
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(false, T_GIB(16)), T_MIB(106));
	/* A partial GiB counts as a whole one. */
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(false, T_GIB(8) + 1), T_MIB(105));
	/* libos3 adds a 22 MiB carveout. */
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(true, T_GIB(8)), T_MIB(127));
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(true, T_GIB(24)), T_MIB(129));
	/* Clamped at the top: 256 MiB (libos2) and 280 MiB (libos3). */
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(false, T_GIB(2048)), T_MIB(256));
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size(true, T_GIB(2048)), T_MIB(280));
}

static void t_params(struct nova_fb_params *p, u64 fb, bool libos3)
{
	memset(p, 0, sizeof(*p));
	p->fb_size = fb;
	p->libos3 = libos3;
	p->bootloader_size = SZ_4K;
	p->gsp_size = SZ_64K;
}

/* Every region lies inside VRAM, below the next one up, without overlap. */
static void t_check_order(struct kunit *test, const struct nova_fb_layout *l)
{
	KUNIT_EXPECT_LE(test, l->heap.end, l->wpr2.start);
	KUNIT_EXPECT_LE(test, l->wpr2.start, l->wpr2_heap.start);
	KUNIT_EXPECT_LE(test, l->wpr2_heap.end, l->elf.start);
	KUNIT_EXPECT_LE(test, l->elf.end, l->boot.start);
	KUNIT_EXPECT_LE(test, l->boot.end, l->frts.start);
	KUNIT_EXPECT_LE(test, l->frts.end, l->vga_workspace.start);
	KUNIT_EXPECT_EQ(test, l->vga_workspace.end, l->fb.end);
	KUNIT_EXPECT_EQ(test, l->wpr2.end, l->frts.end);
	KUNIT_EXPECT_EQ(test, l->frts.end - l->frts.start, T_MIB(1));
	KUNIT_EXPECT_EQ(test, l->heap.end - l->heap.start, T_MIB(1));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(l->wpr2.start, SZ_1M));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(l->frts.start, SZ_128K));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(l->elf.start, SZ_64K));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED(l->boot.start, SZ_4K));
}

/* GA102 and later (libos3), 8 GiB, no display: worked out by hand. */
static void fb_layout_ga102(struct kunit *test)
{
	struct nova_fb_params p;
	struct nova_fb_layout l;

	t_params(&p, T_GIB(8), true);
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.fb.start, 0ULL);
	KUNIT_EXPECT_EQ(test, l.fb.end, 0x200000000ULL);
	KUNIT_EXPECT_EQ(test, l.vga_workspace.start, 0x1fff00000ULL);
	KUNIT_EXPECT_EQ(test, l.frts.start, 0x1ffe00000ULL);
	KUNIT_EXPECT_EQ(test, l.frts.end, 0x1fff00000ULL);
	KUNIT_EXPECT_EQ(test, l.boot.start, 0x1ffdff000ULL);
	KUNIT_EXPECT_EQ(test, l.boot.end, 0x1ffe00000ULL);
	KUNIT_EXPECT_EQ(test, l.elf.start, 0x1ffde0000ULL);
	KUNIT_EXPECT_EQ(test, l.elf.end, 0x1ffdf0000ULL);
	KUNIT_EXPECT_EQ(test, l.wpr2_heap.start, 0x1f7e00000ULL);
	KUNIT_EXPECT_EQ(test, l.wpr2_heap.end, 0x1ffd00000ULL);
	KUNIT_EXPECT_EQ(test, l.wpr2.start, 0x1f7d00000ULL);
	KUNIT_EXPECT_EQ(test, l.wpr2.end, 0x1fff00000ULL);
	KUNIT_EXPECT_EQ(test, l.heap.start, 0x1f7c00000ULL);
	KUNIT_EXPECT_EQ(test, l.heap.end, 0x1f7d00000ULL);
	t_check_order(test, &l);
}

/* Turing and GA100 (libos2): a 22 MiB smaller heap, the rest the same. */
static void fb_layout_tu102(struct kunit *test)
{
	struct nova_fb_params p;
	struct nova_fb_layout l;

	t_params(&p, T_GIB(8), false);
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.frts.start, 0x1ffe00000ULL);
	KUNIT_EXPECT_EQ(test, l.elf.start, 0x1ffde0000ULL);
	/* 0x1ffde0000 - 105 MiB = 0x1f94e0000, down to 1 MiB. */
	KUNIT_EXPECT_EQ(test, l.wpr2_heap.start, 0x1f9400000ULL);
	KUNIT_EXPECT_EQ(test, l.wpr2.start, 0x1f9300000ULL);
	t_check_order(test, &l);
}

/* Large images and odd sizes keep every alignment. */
static void fb_layout_big_images(struct kunit *test)
{
	struct nova_fb_params p;
	struct nova_fb_layout l;

	t_params(&p, T_GIB(24), true);
	p.bootloader_size = 0x1234;
	p.gsp_size = T_MIB(30) + 3;
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.boot.end - l.boot.start, 0x1234ULL);
	KUNIT_EXPECT_EQ(test, l.elf.end - l.elf.start, T_MIB(30) + 3);
	t_check_order(test, &l);
}

static u32 t_vga_reg(u64 addr)
{
	return (u32)((addr >> 16) << 8) | NV_PDISP_VGA_WORKSPACE_STATUS_VALID;
}

/* The VBIOS's VGA workspace register, believed only where it makes sense. */
static void fb_layout_vga_workspace(struct kunit *test)
{
	u64 fb = T_GIB(8);
	struct nova_fb_params p;
	struct nova_fb_layout l;

	/* Inside the last MiB: used as is. */
	t_params(&p, fb, true);
	p.display = true;
	p.vga_workspace = t_vga_reg(fb - SZ_512K);
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.vga_workspace.start, fb - SZ_512K);
	KUNIT_EXPECT_EQ(test, l.frts.end, fb - SZ_512K);
	t_check_order(test, &l);

	/* Below the last MiB: the workspace is the last 128 KiB. */
	p.vga_workspace = t_vga_reg(fb - T_MIB(64));
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.vga_workspace.start, fb - SZ_128K);
	KUNIT_EXPECT_EQ(test, l.frts.start, fb - SZ_128K - SZ_1M);

	/* Past the end of VRAM: not believed, the last MiB. */
	p.vga_workspace = t_vga_reg(fb + SZ_1M);
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.vga_workspace.start, fb - SZ_1M);

	/* Not flagged valid: the last MiB. */
	p.vga_workspace = t_vga_reg(fb - SZ_512K) &
			  ~NV_PDISP_VGA_WORKSPACE_STATUS_VALID;
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.vga_workspace.start, fb - SZ_1M);

	/* No display engine: the register is ignored. */
	p.display = false;
	p.vga_workspace = t_vga_reg(fb - SZ_512K);
	KUNIT_ASSERT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.vga_workspace.start, fb - SZ_1M);
}

static void fb_layout_too_small(struct kunit *test)
{
	struct nova_fb_params p;
	struct nova_fb_layout l;

	t_params(&p, T_MIB(64), true);
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -ENOSPC);
	t_params(&p, SZ_512K, false);
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -ENOSPC);
	t_params(&p, 0, false);
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -ENOSPC);
	/* An image as big as VRAM. */
	t_params(&p, T_GIB(1), false);
	p.gsp_size = T_GIB(1);
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -ENOSPC);
	t_params(&p, T_GIB(1), false);
	p.bootloader_size = U64_MAX;
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -ENOSPC);
	/* The smallest VRAM that fits, and one MiB less. */
	t_params(&p, T_MIB(110), false);
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), 0);
	KUNIT_EXPECT_EQ(test, l.heap.start, 0ULL);
	t_params(&p, T_MIB(109), false);
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -ENOSPC);
}

static void fb_layout_empty_images(struct kunit *test)
{
	struct nova_fb_params p;
	struct nova_fb_layout l;

	t_params(&p, T_GIB(8), true);
	p.bootloader_size = 0;
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -EINVAL);
	t_params(&p, T_GIB(8), true);
	p.gsp_size = 0;
	KUNIT_EXPECT_EQ(test, nova_fb_layout_compute(&p, &l), -EINVAL);
}

/* A ucode with IMEM 0x100 and DMEM 0x300: appif at 0x40, DMAP at 0x80. */
#define T_IMEM		0x100
#define T_DMEM		0x300
#define T_APPIF		0x40
#define T_DMAP		0x80
#define T_CMD		0x100

static u8 *t_ucode(struct kunit *test)
{
	u8 *u = kunit_kzalloc(test, T_IMEM + T_DMEM, GFP_KERNEL);
	u8 *d;

	KUNIT_ASSERT_NOT_NULL(test, u);
	d = u + T_IMEM;
	d[T_APPIF] = 1;
	d[T_APPIF + 1] = 4;
	d[T_APPIF + 2] = 8;
	d[T_APPIF + 3] = 2;
	put_unaligned_le32(1, d + T_APPIF + 4);
	put_unaligned_le32(0x200, d + T_APPIF + 8);
	put_unaligned_le32(4, d + T_APPIF + 12);
	put_unaligned_le32(T_DMAP, d + T_APPIF + 16);
	put_unaligned_le32(NOVA_FWSEC_DMAP_SIGNATURE, d + T_DMAP);
	put_unaligned_le32(T_CMD, d + T_DMAP + NOVA_FWSEC_DMAP_CMD_IN_OFFSET);
	put_unaligned_le32(0x100, d + T_DMAP + NOVA_FWSEC_DMAP_CMD_IN_SIZE);
	return u;
}

static int t_patch(u8 *u, u32 dmem_len, u32 iface, char *why)
{
	return nova_fwsec_patch_frts(u, T_IMEM + T_DMEM, T_IMEM, dmem_len, iface,
				     0x1ffe00000ULL, SZ_1M, why, 128);
}

static void fwsec_patch_good(struct kunit *test)
{
	u8 *u = t_ucode(test), *d = u + T_IMEM, *c = d + T_CMD;
	char why[128];

	KUNIT_ASSERT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), 0);
	KUNIT_EXPECT_STREQ(test, why, "");
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(d + T_DMAP + NOVA_FWSEC_DMAP_INIT_CMD),
			(u32)NOVA_FWSEC_CMD_FRTS);
	/* READ_VBIOS {1, 24, 0, 0, flags 2}. */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c), 1U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 4), 24U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(c + 8), 0ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 16), 0U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 20), 2U);
	/* FRTS_REGION {1, 20, addr >> 12, size >> 12, FB}. */
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 24), 1U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 28), 20U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 32), 0x1ffe00U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 36), 0x100U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(c + 40), 2U);
	/* Nothing else moved: the byte after the command is untouched. */
	KUNIT_EXPECT_EQ(test, c[44], 0);
}

static void fwsec_patch_hostile(struct kunit *test)
{
	char why[128];
	u8 *u, *d;

	/* No DMEMMAPPER entry. */
	u = t_ucode(test);
	d = u + T_IMEM;
	put_unaligned_le32(5, d + T_APPIF + 12);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EOPNOTSUPP);
	KUNIT_EXPECT_NOT_NULL(test, strstr(why, "no DMEMMAPPER"));

	/* The table's count runs past DMEM. */
	u = t_ucode(test);
	(u + T_IMEM)[T_APPIF + 3] = 255;
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(why, "255 entries"));

	/* The table's header is past DMEM, or wraps around. */
	u = t_ucode(test);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_DMEM - 2, why), -EINVAL);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, 0xfffffffc, why), -EINVAL);

	/* Bad table version, short entries. */
	u = t_ucode(test);
	(u + T_IMEM)[T_APPIF] = 2;
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);
	u = t_ucode(test);
	(u + T_IMEM)[T_APPIF + 2] = 4;
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);

	/* DMEMMAPPER past DMEM, bad signature. */
	u = t_ucode(test);
	put_unaligned_le32(T_DMEM - 32, u + T_IMEM + T_APPIF + 16);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);
	u = t_ucode(test);
	put_unaligned_le32(0x50414d58, u + T_IMEM + T_DMAP);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(why, "bad signature"));

	/* Command buffer too small, past DMEM, wrapping. */
	u = t_ucode(test);
	put_unaligned_le32(32, u + T_IMEM + T_DMAP + NOVA_FWSEC_DMAP_CMD_IN_SIZE);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);
	u = t_ucode(test);
	put_unaligned_le32(T_DMEM - 16, u + T_IMEM + T_DMAP + NOVA_FWSEC_DMAP_CMD_IN_OFFSET);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);
	u = t_ucode(test);
	put_unaligned_le32(0xffffffe0, u + T_IMEM + T_DMAP + NOVA_FWSEC_DMAP_CMD_IN_OFFSET);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM, T_APPIF, why), -EINVAL);

	/* DMEM said to extend past the ucode. */
	u = t_ucode(test);
	KUNIT_EXPECT_EQ(test, t_patch(u, T_DMEM + 1, T_APPIF, why), -EINVAL);
}

/* SB: only the initial command changes; a missing interface is refused. */
static void fwsec_patch_sb(struct kunit *test)
{
	u8 *u = t_ucode(test), *d = u + T_IMEM, *ref;
	char why[128];

	ref = kunit_kzalloc(test, T_IMEM + T_DMEM, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ref);
	memcpy(ref, u, T_IMEM + T_DMEM);
	KUNIT_ASSERT_EQ(test, nova_fwsec_patch_sb(u, T_IMEM + T_DMEM, T_IMEM,
						  T_DMEM, T_APPIF, why, 128), 0);
	KUNIT_EXPECT_STREQ(test, why, "");
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(d + T_DMAP + NOVA_FWSEC_DMAP_INIT_CMD),
			0x19U);
	put_unaligned_le32(0, d + T_DMAP + NOVA_FWSEC_DMAP_INIT_CMD);
	KUNIT_EXPECT_EQ(test, memcmp(u, ref, T_IMEM + T_DMEM), 0);

	put_unaligned_le32(5, d + T_APPIF + 12);
	KUNIT_EXPECT_EQ(test, nova_fwsec_patch_sb(u, T_IMEM + T_DMEM, T_IMEM,
						  T_DMEM, T_APPIF, why, 128),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, nova_fwsec_patch_sb(u, T_IMEM + T_DMEM, T_IMEM,
						  T_DMEM + 1, T_APPIF, why, 128),
			-EINVAL);
}

static struct kunit_case nova_fb_cases[] = {
	KUNIT_CASE(fb_heap_sizes),
	KUNIT_CASE(fb_layout_ga102),
	KUNIT_CASE(fb_layout_tu102),
	KUNIT_CASE(fb_layout_big_images),
	KUNIT_CASE(fb_layout_vga_workspace),
	KUNIT_CASE(fb_layout_too_small),
	KUNIT_CASE(fb_layout_empty_images),
	KUNIT_CASE(fwsec_patch_good),
	KUNIT_CASE(fwsec_patch_hostile),
	KUNIT_CASE(fwsec_patch_sb),
	{}
};

static struct kunit_suite nova_fb_suite = {
	.name = "nova_core_fb",
	.test_cases = nova_fb_cases,
};

kunit_test_suite(nova_fb_suite);
