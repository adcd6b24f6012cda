// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the FSP's chain-of-trust messages (fsp/msg.c): the
 * headers and the COT message against the bytes NVIDIA's layouts give,
 * written as numbers, and the checks of the FSP's answer, one case per way
 * it can be wrong; each family's FSP facts and the GspFwWprMeta GSP-FMC
 * reads (sizes only).
 */

#include <kunit/test.h>
#include <linux/device.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../device.h"
#include "../falcon/falcon.h"
#include "../fb.h"
#include "../firmware/fw.h"
#include "../fsp/fsp.h"
#include "../fsp/msg.h"
#include "../gsp/fw.h"
#include "../gsp/gsp.h"

static void nova_fsp_headers_test(struct kunit *test)
{
	/* One whole packet: SOM and EOM, sequence 0. */
	KUNIT_EXPECT_EQ(test, nova_mctp_header(true, true, 0), 0xc0000000U);
	KUNIT_EXPECT_EQ(test, nova_mctp_header(false, true, 5), 0x50000000U);
	KUNIT_EXPECT_EQ(test, nova_mctp_header(true, false, 0), 0x80000000U);
	/* Vendor-defined PCI (0x7e), NVIDIA (0x10de), the NVDM type on top. */
	KUNIT_EXPECT_EQ(test, nova_nvdm_header(NOVA_NVDM_TYPE_COT), 0x1410de7eU);
	KUNIT_EXPECT_EQ(test, nova_nvdm_header(NOVA_NVDM_TYPE_PRC), 0x1310de7eU);
	KUNIT_EXPECT_EQ(test, nova_nvdm_header(NOVA_NVDM_TYPE_FSP_RESPONSE), 0x1510de7eU);
}

/* Blackwell's sizes: a 97-byte key and a 96-byte signature. */
static void t_cot_args(struct nova_fsp_cot_args *a, u8 *hash, u8 *pkey, u8 *sig)
{
	memset(hash, 0x48, NOVA_FSP_COT_HASH_LEN);
	memset(pkey, 0x50, 97);
	memset(sig, 0x53, 96);
	*a = (struct nova_fsp_cot_args) {
		.version = 2,
		.fmc_addr = 0x123456789000ULL,
		.frts_vidmem_offset = 0x1c00000,
		.frts_vidmem_size = 0x100000,
		.hash = hash,
		.pkey = pkey,
		.pkey_len = 97,
		.sig = sig,
		.sig_len = 96,
		.boot_params_addr = 0xfedcba987000ULL,
	};
}

static bool t_all(const u8 *p, u8 c, size_t n)
{
	while (n--)
		if (*p++ != c)
			return false;
	return true;
}

static void nova_fsp_cot_test(struct kunit *test)
{
	struct nova_fsp_cot_msg *msg = kunit_kzalloc(test, sizeof(*msg), GFP_KERNEL);
	u8 hash[NOVA_FSP_COT_HASH_LEN], pkey[NOVA_FSP_COT_PKEY_LEN + 1];
	u8 sig[NOVA_FSP_COT_SIG_LEN];
	struct nova_fsp_cot_args a;
	const u8 *b;

	KUNIT_ASSERT_NOT_NULL(test, msg);
	b = (const u8 *)msg;
	t_cot_args(&a, hash, pkey, sig);
	memset(msg, 0xee, sizeof(*msg));
	KUNIT_ASSERT_EQ(test, nova_fsp_cot_build(&a, msg), 0);

	/* The message as it goes into EMEM, at NVIDIA's offsets (+ 8 of headers). */
	KUNIT_EXPECT_EQ(test, sizeof(*msg), (size_t)868);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(b), 0xc0000000U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(b + 4), 0x1410de7eU);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(b + 8), 2);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(b + 10), 860);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(b + 12), 0x123456789000ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(b + 20), 0ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(b + 28), 0U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(b + 32), 0x1c00000ULL);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(b + 40), 0x100000U);
	KUNIT_EXPECT_TRUE(test, t_all(b + 44, 0x48, 48));
	KUNIT_EXPECT_TRUE(test, t_all(b + 92, 0x50, 97));
	KUNIT_EXPECT_TRUE(test, t_all(b + 92 + 97, 0, 384 - 97));
	KUNIT_EXPECT_TRUE(test, t_all(b + 476, 0x53, 96));
	KUNIT_EXPECT_TRUE(test, t_all(b + 476 + 96, 0, 384 - 96));
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(b + 860), 0xfedcba987000ULL);

	/* Hopper's: a 384-byte key and signature fill their fields. */
	memset(pkey, 0x50, NOVA_FSP_COT_PKEY_LEN);
	memset(sig, 0x53, NOVA_FSP_COT_SIG_LEN);
	a.version = 1;
	a.pkey_len = NOVA_FSP_COT_PKEY_LEN;
	a.sig_len = NOVA_FSP_COT_SIG_LEN;
	KUNIT_ASSERT_EQ(test, nova_fsp_cot_build(&a, msg), 0);
	KUNIT_EXPECT_EQ(test, get_unaligned_le16(b + 8), 1);
	KUNIT_EXPECT_TRUE(test, t_all(b + 92, 0x50, 384));
	KUNIT_EXPECT_TRUE(test, t_all(b + 476, 0x53, 384));

	/* What does not fit, or is missing, is refused. */
	a.pkey_len = NOVA_FSP_COT_PKEY_LEN + 1;
	KUNIT_EXPECT_EQ(test, nova_fsp_cot_build(&a, msg), -EINVAL);
	a.pkey_len = 97;
	a.sig_len = 0;
	KUNIT_EXPECT_EQ(test, nova_fsp_cot_build(&a, msg), -EINVAL);
	a.sig_len = 96;
	a.hash = NULL;
	KUNIT_EXPECT_EQ(test, nova_fsp_cot_build(&a, msg), -EINVAL);
	a.hash = hash;
	a.version = 0;
	KUNIT_EXPECT_EQ(test, nova_fsp_cot_build(&a, msg), -EINVAL);
}

/**
 * struct nova_fsp_resp_case - one answer of the FSP to a COT message
 * @name: what is wrong with it.
 * @len: its length.
 * @off: the byte offset of the 32-bit word changed from the good answer.
 * @val: its value there.
 * @err: the errno expected.
 * @code: the FSP error code expected.
 */
struct nova_fsp_resp_case {
	const char *name;
	size_t len;
	u32 off;
	u32 val;
	int err;
	u32 code;
};

static const struct nova_fsp_resp_case nova_fsp_resp_cases[] = {
	{ "good", 20, 8, 0, 0, 0 },
	{ "good, with a task id", 20, 8, 7, 0, 0 },
	{ "good, with a PRC answer after it", 24, 20, 1, 0, 0 },
	{ "FSP error 0xa1", 20, 16, 0xa1, -EIO, 0xa1 },
	{ "16 bytes", 16, 8, 0, -EPROTO, 0 },
	{ "22 bytes", 22, 8, 0, -EPROTO, 0 },
	{ "1028 bytes", 1028, 8, 0, -EPROTO, 0 },
	{ "no SOM", 20, 0, 0x40000000, -EPROTO, 0 },
	{ "no EOM", 20, 0, 0x80000000, -EPROTO, 0 },
	{ "not vendor-defined PCI", 20, 4, 0x1510de7f, -EPROTO, 0 },
	{ "not NVIDIA's", 20, 4, 0x1510df7e, -EPROTO, 0 },
	{ "a COT, not a response", 20, 4, 0x1410de7e, -EPROTO, 0 },
	{ "the answer to a PRC", 20, 12, NOVA_NVDM_TYPE_PRC, -EPROTO, 0 },
};

static void nova_fsp_resp_desc(const struct nova_fsp_resp_case *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(nova_fsp_resp, nova_fsp_resp_cases, nova_fsp_resp_desc);

static void nova_fsp_response_test(struct kunit *test)
{
	const struct nova_fsp_resp_case *t = test->param_value;
	u8 *buf = kunit_kzalloc(test, 1028, GFP_KERNEL);
	const char *why;
	u32 code = 0xdead;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	put_unaligned_le32(0xc0000000, buf);
	put_unaligned_le32(0x1510de7e, buf + 4);
	put_unaligned_le32(NOVA_NVDM_TYPE_COT, buf + 12);
	put_unaligned_le32(t->val, buf + t->off);

	ret = nova_fsp_response_check(buf, t->len, NOVA_NVDM_TYPE_COT, &code, &why);
	KUNIT_EXPECT_EQ(test, ret, t->err);
	KUNIT_EXPECT_EQ(test, code, t->code);
	if (t->err == -EPROTO)
		KUNIT_EXPECT_NOT_NULL(test, why);
	else
		KUNIT_EXPECT_NULL(test, why);
}

/* GSP_FMC_BOOT_PARAMS as GSP-FMC reads it, at NVIDIA's offsets. */
static void nova_fsp_boot_params_test(struct kunit *test)
{
	struct nova_gsp_fmc_boot_params p = {};
	const u8 *b = (const u8 *)&p;

	p.boot_gsp_rm_params.target = NOVA_GSP_DMA_TARGET_COHERENT_SYSTEM;
	p.boot_gsp_rm_params.gsp_rm_desc_size = 256;
	p.boot_gsp_rm_params.gsp_rm_desc_offset = 0x1000;
	p.boot_gsp_rm_params.is_gsp_rm_boot = 1;
	p.gsp_rm_params.target = NOVA_GSP_DMA_TARGET_NONCOHERENT_SYSTEM;
	p.gsp_rm_params.boot_args_offset = 0x2000;
	KUNIT_EXPECT_EQ(test, sizeof(p), (size_t)80);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(b + 8), 1U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(b + 12), 256U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(b + 16), 0x1000ULL);
	KUNIT_EXPECT_EQ(test, b[36], 1);
	KUNIT_EXPECT_EQ(test, get_unaligned_le32(b + 40), 2U);
	KUNIT_EXPECT_EQ(test, get_unaligned_le64(b + 48), 0x2000ULL);
}

/*
 * Each family's FSP: the COT version and the FMC's sizes nouveau's FSP code
 * sends, where FRTS ends (GH100: 2 MiB below the end of VRAM; Blackwell:
 * below 2 MiB + 128 KiB and the PMU's 0x1820000, in 2 MiB units).
 */
static void nova_fsp_hal_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gh100.cot_version, 1);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gb100.cot_version, 2);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gb202.cot_version, 2);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gh100.fmc->pkey, 384U);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gb100.fmc->pkey, 97U);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gb202.fmc->sig, 96U);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gh100.boot_status, 0x200bcU);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gb100.boot_status, 0x200bcU);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gb202.boot_status, 0xad00bcU);
	KUNIT_EXPECT_EQ(test, nova_fsp_hal_gb100.pmu_reserved_size, 0x1820000U);
	KUNIT_EXPECT_EQ(test, nova_fsp_frts_vidmem_offset(&nova_fsp_hal_gh100), 0x200000ULL);
	KUNIT_EXPECT_EQ(test, nova_fsp_frts_vidmem_offset(&nova_fsp_hal_gb100), 0x1c00000ULL);
	KUNIT_EXPECT_EQ(test, nova_fsp_frts_vidmem_offset(&nova_fsp_hal_gb202), 0x1c00000ULL);
}

/*
 * The PRC read of the vGPU mode knob, byte for byte as r570's kernel and
 * upstream Nova send one (read 0x0c, active 0x02, knob 0x0029), and the
 * knob's value at byte 20 of the answer, which must hold it.
 */
static void nova_fsp_prc_test(struct kunit *test)
{
	static const u8 want[12] = {
		0x00, 0x00, 0x00, 0xc0, 0x7e, 0xde, 0x10, 0x13,
		0x0c, 0x02, 0x29, 0x00,
	};
	u8 ans[24] = {
		0x00, 0x00, 0x00, 0xc0, 0x7e, 0xde, 0x10, 0x15,
		0, 0, 0, 0, 0x13, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 0xff, 0xff,
	};
	struct nova_fsp_prc_msg msg;
	const char *why;
	u32 error;
	u16 value;

	memset(&msg, 0xee, sizeof(msg));
	nova_fsp_prc_build(NOVA_FSP_PRC_KNOB_VGPU_MODE, &msg);
	KUNIT_EXPECT_EQ(test, memcmp(&msg, want, sizeof(want)), 0);

	KUNIT_EXPECT_EQ(test, nova_fsp_response_check(ans, 24, NOVA_NVDM_TYPE_PRC,
						      &error, &why), 0);
	KUNIT_EXPECT_EQ(test, nova_fsp_prc_value(ans, 24, &value, &why), 0);
	KUNIT_EXPECT_EQ(test, value, 1);
	KUNIT_EXPECT_NULL(test, why);
	ans[21] = 0x0b;
	KUNIT_EXPECT_EQ(test, nova_fsp_prc_value(ans, 24, &value, &why), 0);
	KUNIT_EXPECT_EQ(test, value, 0x0b01);
	/* A bare response (20 bytes) carries no value. */
	KUNIT_EXPECT_EQ(test, nova_fsp_prc_value(ans, 20, &value, &why), -EPROTO);
	KUNIT_EXPECT_NOT_NULL(test, why);
	/* An answer to PRC is not one to COT. */
	KUNIT_EXPECT_EQ(test, nova_fsp_response_check(ans, 24, NOVA_NVDM_TYPE_COT,
						      &error, &why), -EPROTO);
	/* Only GB20x reads the knob. */
	KUNIT_EXPECT_FALSE(test, nova_fsp_hal_gh100.vgpu_knob);
	KUNIT_EXPECT_FALSE(test, nova_fsp_hal_gb100.vgpu_knob);
	KUNIT_EXPECT_TRUE(test, nova_fsp_hal_gb202.vgpu_knob);
}

/*
 * GspFwWprMeta for GSP-FMC: the system memory inputs, the sizes, every
 * offset 0. The heap: 14 MiB + 96 KiB per GiB (1 MiB) + 96 MiB + 22 MiB
 * for 8 GiB; the clamps at 88 and 280 MiB.
 */
static void nova_fsp_wpr_meta_test(struct kunit *test)
{
	struct nova_gsp_wpr_meta *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	struct nova_fw_bootloader bl = {
		.ucode_len = 0x1000,
		.monitor_code_offset = 0x100,
		.monitor_data_offset = 0x200,
		.manifest_offset = 0x300,
	};

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size_gh100(8ULL << 30), 133ULL << 20);
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size_gh100(0), 132ULL << 20);
	KUNIT_EXPECT_EQ(test, nova_fb_wpr2_heap_size_gh100(4ULL << 40), 280ULL << 20);

	nova_gsp_wpr_meta_fill_sizes(m, &nova_fsp_hal_gb202, 8ULL << 30, 0x10000, 0x3c99000,
				     &bl, 0x20000, 0x30000, 0x1000);
	KUNIT_EXPECT_EQ(test, m->magic, 0xdc3aae21371a60b3ULL);
	KUNIT_EXPECT_EQ(test, m->revision, 1ULL);
	KUNIT_EXPECT_EQ(test, m->sysmem_addr_radix3_elf, 0x10000ULL);
	KUNIT_EXPECT_EQ(test, m->size_radix3_elf, 0x3c99000ULL);
	KUNIT_EXPECT_EQ(test, m->sysmem_addr_bootloader, 0x20000ULL);
	KUNIT_EXPECT_EQ(test, m->size_bootloader, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, m->bootloader_code_offset, 0x100ULL);
	KUNIT_EXPECT_EQ(test, m->bootloader_data_offset, 0x200ULL);
	KUNIT_EXPECT_EQ(test, m->bootloader_manifest_offset, 0x300ULL);
	KUNIT_EXPECT_EQ(test, m->sysmem_addr_signature, 0x30000ULL);
	KUNIT_EXPECT_EQ(test, m->size_signature, 0x1000ULL);
	KUNIT_EXPECT_EQ(test, m->non_wpr_heap_size, 0x220000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_size, 133ULL << 20);
	KUNIT_EXPECT_EQ(test, m->frts_size, 0x100000ULL);
	KUNIT_EXPECT_EQ(test, m->vga_workspace_size, 0x20000ULL);
	KUNIT_EXPECT_EQ(test, m->pmu_reserved_size, 0x1820000U);
	/* GSP-FMC's ACR picks these. */
	KUNIT_EXPECT_EQ(test, m->gsp_fw_rsvd_start, 0ULL);
	KUNIT_EXPECT_EQ(test, m->non_wpr_heap_offset, 0ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_wpr_start, 0ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_offset, 0ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_offset, 0ULL);
	KUNIT_EXPECT_EQ(test, m->boot_bin_offset, 0ULL);
	KUNIT_EXPECT_EQ(test, m->frts_offset, 0ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_wpr_end, 0ULL);
	KUNIT_EXPECT_EQ(test, m->fb_size, 0ULL);
	KUNIT_EXPECT_EQ(test, m->vga_workspace_offset, 0ULL);

	memset(m, 0, sizeof(*m));
	nova_gsp_wpr_meta_fill_sizes(m, &nova_fsp_hal_gh100, 80ULL << 30, 0x10000, 0x3c99000,
				     &bl, 0x20000, 0x30000, 0x1000);
	KUNIT_EXPECT_EQ(test, m->non_wpr_heap_size, 0x200000ULL);
	KUNIT_EXPECT_EQ(test, m->pmu_reserved_size, 0U);
	/* 14 + 8 (80 x 96 KiB = 7.5 MiB, rounded up) + 96 + 22 MiB. */
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_size, 140ULL << 20);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_vf_partition_count, 0);

	/* A vGPU host's: 581 MiB, 32 partitions, the rest as before. */
	nova_gsp_wpr_meta_vgpu(m);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_size, 0x24500000ULL);
	KUNIT_EXPECT_EQ(test, m->gsp_fw_heap_vf_partition_count, 32);
	KUNIT_EXPECT_EQ(test, m->non_wpr_heap_size, 0x200000ULL);
	KUNIT_EXPECT_EQ(test, ((u8 *)m)[240], 32);
}

/* The boot parameters' address the fake GSP-FMC holds in its mailboxes. */
#define T_BOOT_PARAMS	0x1001d0000ULL

/**
 * struct t_fmc - a GSP that GSP-FMC releases, or fails, between two reads
 * @nd: the GPU, whose registers are the callbacks below.
 * @reads: MAILBOX0 reads until GSP-FMC acts (after the read that many).
 * @error: what it leaves in MAILBOX0: 0 releases the GSP.
 */
struct t_fmc {
	struct nova_device nd;
	unsigned int reads;
	u32 error;
};

static u32 t_fmc_rd32(void *priv, u32 addr)
{
	struct t_fmc *t = priv;
	bool done = !t->reads;

	switch (addr - NV_PFALCON_GSP_BASE) {
	case NV_PFALCON_HWCFG2:
		/* Released either way; locked down until then. */
		return done ? 0x3 : 0x3 | NV_PFALCON_HWCFG2_RISCV_BR_PRIV_LOCKDOWN;
	case NV_PFALCON_MAILBOX0:
		if (done)
			return t->error;
		t->reads--;
		return lower_32_bits(T_BOOT_PARAMS);
	case NV_PFALCON_MAILBOX1:
		return done ? 0 : upper_32_bits(T_BOOT_PARAMS);
	}
	return 0;
}

static void t_fmc_wr32(void *priv, u32 addr, u32 val)
{
}

static const struct nova_core_io_ops t_fmc_ops = {
	.rd32 = t_fmc_rd32,
	.wr32 = t_fmc_wr32,
};

/*
 * GSP-FMC clears both mailboxes when it releases the GSP (or leaves its
 * error and a 0): a driver that reads MAILBOX0 just before and MAILBOX1
 * just after sees a pair that is neither the boot parameters nor an
 * error, and must read again rather than call it a failure. Each case
 * acts after the 1st to 4th MAILBOX0 read, so after every read of a poll.
 */
static void nova_fsp_lockdown_test(struct kunit *test)
{
	struct t_fmc *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	struct device *dev;
	unsigned int reads;

	KUNIT_ASSERT_NOT_NULL(test, t);
	/* No owner: the suite runs while its module is still loading. */
	dev = __root_device_register("nova_fsp_test", NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(dev));
	t->nd.dev = dev;
	t->nd.io.ops = &t_fmc_ops;
	t->nd.io.priv = t;
	for (reads = 1; reads <= 4; reads++) {
		t->reads = reads;
		t->error = 0;
		KUNIT_EXPECT_EQ_MSG(test, nova_fsp_wait_lockdown(&t->nd, T_BOOT_PARAMS), 0,
				    "released after MAILBOX0 read %u", reads);
		t->reads = reads;
		t->error = 0x5a;
		KUNIT_EXPECT_EQ_MSG(test, nova_fsp_wait_lockdown(&t->nd, T_BOOT_PARAMS), -EIO,
				    "failed after MAILBOX0 read %u", reads);
	}
	root_device_unregister(dev);
}

static struct kunit_case nova_fsp_cases[] = {
	KUNIT_CASE(nova_fsp_headers_test),
	KUNIT_CASE(nova_fsp_cot_test),
	KUNIT_CASE_PARAM(nova_fsp_response_test, nova_fsp_resp_gen_params),
	KUNIT_CASE(nova_fsp_boot_params_test),
	KUNIT_CASE(nova_fsp_hal_test),
	KUNIT_CASE(nova_fsp_prc_test),
	KUNIT_CASE(nova_fsp_wpr_meta_test),
	KUNIT_CASE(nova_fsp_lockdown_test),
	{}
};

static struct kunit_suite nova_fsp_suite = {
	.name = "nova_core_fsp",
	.test_cases = nova_fsp_cases,
};

kunit_test_suite(nova_fsp_suite);
