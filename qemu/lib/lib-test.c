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

/* Lines logged at level "error". */
static unsigned int error_logs;

/* Every line since the last logged() call, for logged(). */
static char all_logs[1 << 16];

static void h_log(void *o, const char *level, const char *line)
{
	size_t n = strlen(all_logs);

	logs++;
	error_logs += !strcmp(level, "error");
	snprintf(last_log, sizeof(last_log), "%s: %s", level, line);
	printf("# log %s\n", last_log);
	if (n < sizeof(all_logs) - 1)
		snprintf(all_logs + n, sizeof(all_logs) - n, "%s\n", last_log);
}

/* Whether a line logged since the last call says @what; forgets them. */
static int logged(const char *what)
{
	int seen = strstr(all_logs, what) != NULL;

	all_logs[0] = 0;
	return seen;
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

/*
 * The FSP of Hopper and Blackwell, GSP-FMC and GSP-RM booted by it, driven
 * through registers and guest memory as a driver would, with NVIDIA's
 * numbers written here as literals (facts: NVIDIA's 570.144 headers, as
 * docs/emulator.md cites them), independently of the model's code.
 */

/* Little-endian accessors of guest memory. */
static void put32(uint8_t *p, uint32_t v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t get32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const uint8_t *p)
{
	return get32(p) | (uint64_t)get32(p + 4) << 32;
}

/*
 * A section of an ELF file by name: ELF64 (e_shoff 0x28, e_shentsize
 * 0x3a, e_shnum 0x3c, e_shstrndx 0x3e; sh_offset 0x18, sh_size 0x20 of 64
 * bytes) or ELF32 (0x20, 0x2e, 0x30, 0x32; 0x10, 0x14 of 40 bytes).
 */
static int elf_section(const uint8_t *f, size_t len, int wide, const char *name,
		       size_t *off, size_t *size)
{
	size_t shoff, n, str, i, shlen = wide ? 64 : 40;
	unsigned int strndx;

	if (len < 64 || memcmp(f, "\x7f" "ELF", 4) || f[4] != (wide ? 2 : 1))
		return -1;
	shoff = wide ? get64(f + 0x28) : get32(f + 0x20);
	n = f[wide ? 0x3c : 0x30] | f[wide ? 0x3d : 0x31] << 8;
	strndx = f[wide ? 0x3e : 0x32] | f[wide ? 0x3f : 0x33] << 8;
	if (shoff > len || n * shlen > len - shoff || strndx >= n)
		return -1;
	str = wide ? get64(f + shoff + strndx * shlen + 0x18) :
		     get32(f + shoff + strndx * shlen + 0x10);
	for (i = 0; i < n; i++) {
		const uint8_t *sh = f + shoff + i * shlen;
		size_t o = wide ? get64(sh + 0x18) : get32(sh + 0x10);
		size_t s = wide ? get64(sh + 0x20) : get32(sh + 0x14);

		if (str + get32(sh) + strlen(name) < len &&
		    !strcmp((const char *)f + str + get32(sh), name) &&
		    o <= len && s <= len - o) {
			*off = o;
			*size = s;
			return 0;
		}
	}
	return -1;
}

/* Registers. */
#define I2CS_GH100		0x0200bc
#define I2CS_GB202		0xad00bc
#define FSP_EMEMC		0x8f2ac0
#define FSP_EMEMD		0x8f2ac4
#define FSP_QUEUE_HEAD		0x8f2c00
#define FSP_QUEUE_TAIL		0x8f2c04
#define FSP_MSGQ_HEAD		0x8f2c80
#define FSP_MSGQ_TAIL		0x8f2c84
#define EMEMC_AINCW		0x01000000
#define EMEMC_AINCR		0x02000000
#define GSP_MAILBOX0		0x110040
#define GSP_MAILBOX1		0x110044
#define GSP_HWCFG2		0x1100f4
#define   HWCFG2_LOCKDOWN	(1u << 13)
#define GSP_CPUCTL		0x110100
#define GSP_ENGINE		0x1103c0
#define GSP_QUEUE_HEAD0		0x110c00
#define GSP_RISCV_CPUCTL	0x111388
#define   RISCV_HALTED		(1u << 4)
#define   RISCV_ACTIVE		(1u << 7)
#define GSP_BCR_CTRL		0x111668
#define PRIV_MASKED		0xbadf4100
#define BAD_READ		0xbadf1100

/* FSP messages. */
#define MCTP_SINGLE		0xc0000000u
#define NVDM_COT		0x1410de7eu
#define NVDM_PRC		0x1310de7eu
#define NVDM_RESPONSE		0x1510de7eu
#define FSP_ERR_INVALID_STATE	0x9e
#define FSP_ERR_FILE_NOT_FOUND	0x9f
#define FSP_ERR_NOT_SUPPORTED	0xa0
#define FSP_ERR_INVALID_DATA	0xa1
#define COT_MSG_LEN		868

/* The host's bus: regions of the test's memory at bus addresses of its own. */
static struct {
	uint64_t bus;
	uint8_t *mem;
	size_t len;
} regions[64];
static unsigned int nregions;
static uint64_t next_bus = 0x100000000ull;

static int h_dma_mem(void *o, uint64_t addr, void *buf, size_t len, bool write)
{
	unsigned int i;

	dmas++;
	for (i = 0; i < nregions; i++) {
		uint64_t off = addr - regions[i].bus;

		if (addr < regions[i].bus || off > regions[i].len ||
		    len > regions[i].len - off)
			continue;
		if (write)
			memcpy(regions[i].mem + off, buf, len);
		else
			memcpy(buf, regions[i].mem + off, len);
		return 0;
	}
	return -14;
}

static const struct nova_emu_lib_ops mem_ops = {
	.dma = h_dma_mem, .irq = h_irq, .timer = h_timer, .now_ns = h_now,
	.log = h_log,
};

/* Maps @len bytes at @mem: its bus address, 4 KiB aligned, a gap after. */
static uint64_t map(void *mem, size_t len)
{
	uint64_t bus = next_bus;

	if (nregions == sizeof(regions) / sizeof(regions[0]))
		abort();
	regions[nregions].bus = bus;
	regions[nregions].mem = mem;
	regions[nregions].len = len;
	nregions++;
	next_bus += ((len + 0xfff) & ~0xfffull) + 0x10000;
	return bus;
}

/* Zeroed, page-aligned, mapped memory. */
static uint8_t *alloc_map(size_t len, uint64_t *bus)
{
	uint8_t *p = aligned_alloc(4096, (len + 0xfff) & ~0xfffull);

	if (!p)
		abort();
	memset(p, 0, (len + 0xfff) & ~0xfffull);
	*bus = map(p, len);
	return p;
}

static uint32_t rd(struct nova_emu_lib *l, uint32_t a)
{
	return nova_emu_lib_rd32(l, a);
}

static void wr(struct nova_emu_lib *l, uint32_t a, uint32_t v)
{
	nova_emu_lib_wr32(l, a, v);
}

/* The model's jobs due within @ms from now run (one stage of each chain). */
static void run_ms(struct nova_emu_lib *l, unsigned int ms)
{
	clock_ns += ms * 1000000ull;
	nova_emu_lib_run(l);
}

/* Sends a message of @len bytes (a multiple of 4) as the driver does. */
static void fsp_send(struct nova_emu_lib *l, const uint8_t *msg, size_t len)
{
	size_t i;

	wr(l, FSP_EMEMC, EMEMC_AINCW);
	for (i = 0; i < len; i += 4)
		wr(l, FSP_EMEMD, get32(msg + i));
	wr(l, FSP_QUEUE_TAIL, len - 4);
	wr(l, FSP_QUEUE_HEAD, 0);
}

/* Reads the FSP's answer as the driver does: its length, or -1 for none. */
static int fsp_recv(struct nova_emu_lib *l, uint8_t *out, size_t max)
{
	uint32_t head = rd(l, FSP_MSGQ_HEAD), tail = rd(l, FSP_MSGQ_TAIL);
	size_t len, i;

	if (head == tail)
		return -1;
	len = tail - head + 4;
	if (len > max)
		return -1;
	wr(l, FSP_EMEMC, EMEMC_AINCR);
	for (i = 0; i < len; i += 4)
		put32(out + i, rd(l, FSP_EMEMD));
	wr(l, FSP_MSGQ_TAIL, 0);
	wr(l, FSP_MSGQ_HEAD, 0);
	return len;
}

/*
 * Sends @msg, lets the FSP answer, and returns the errorCode of a
 * well-formed answer to @type; 0x1000 for no answer, 0x1001 for a
 * malformed one.
 */
static uint32_t fsp_call(struct nova_emu_lib *l, const uint8_t *msg, size_t len,
			 uint32_t type, uint8_t *resp)
{
	uint8_t buf[64];
	int n;

	fsp_send(l, msg, len);
	run_ms(l, 1);
	n = fsp_recv(l, resp ? resp : buf, 64);
	if (n < 0)
		return 0x1000;
	if (!resp)
		resp = buf;
	if (n < 20 || get32(resp) != MCTP_SINGLE || get32(resp + 4) != NVDM_RESPONSE ||
	    get32(resp + 12) != type)
		return 0x1001;
	return get32(resp + 16);
}

/* What a chip family's FSP and GSP-FMC expect (facts of fsp-facts.md 9). */
struct fsp_family {
	const char *chip;
	uint32_t i2cs;
	uint16_t version;
	uint32_t pkey_len;
	uint32_t sig_len;
	uint64_t frts_end;
	uint64_t nonwpr;
	uint32_t pmu;
	const char *sig;
};

static const struct fsp_family fsp_families[] = {
	{ "gh100", I2CS_GH100, 1, 384, 384, 0x200000, 0x200000, 0,
	  ".fwsignature_gh100" },
	{ "gb100", I2CS_GH100, 2, 97, 96, 0x1c00000, 0x200000, 0x1820000,
	  ".fwsignature_gb10x" },
	{ "gb202", I2CS_GB202, 2, 97, 96, 0x1c00000, 0x220000, 0x1820000,
	  ".fwsignature_gb20x" },
};

/* NVIDIA's GSP image and bootloader, shared by every chip's boot. */
static uint8_t *gsp_file, *fw_img;
static size_t gsp_len, fw_img_len;

/* Everything a driver puts in memory for one boot through the FSP. */
struct boot {
	const struct fsp_family *fam;
	uint8_t *fmc, *bl;
	size_t fmc_len, bl_len;
	uint8_t cot[COT_MSG_LEN];
	uint8_t *fmc_copy, *args, *meta, *lvl0, *lvl1, *lvl2, *blp, *sigp;
	uint8_t *libos, *logs[3], *rmargs, *shm;
	uint64_t fmc_bus, args_bus, meta_bus, img_bus, lvl0_bus, lvl1_bus;
	uint64_t lvl2_bus, bl_bus, sig_bus, libos_bus, logs_bus[3], rmargs_bus;
	uint64_t shm_bus;
	unsigned int cmd_wptr, cmd_seq, stat_rptr;
};

#define SHM_PAGES	129
#define CMDQ		0x1000
#define STATQ		0x41000

/* Builds @b for @fam: 0 if NVIDIA's files are there, else -1. */
static int boot_build(struct boot *b, const struct fsp_family *fam, const char *fw)
{
	static const char *const ids[4] = { "LOGINIT", "LOGINTR", "LOGRM", "RMARGS" };
	size_t off, size, hoff, hlen, pkoff, pklen, soff, slen, i, pages, l2pages;
	uint8_t *p = b->cot + 8, *q;
	char path[4096];
	uint32_t hdr;

	memset(b, 0, sizeof(*b));
	b->fam = fam;
	snprintf(path, sizeof(path), "%s/nvidia/%s/gsp/fmc-570.144.bin", fw, fam->chip);
	b->fmc = slurp(path, &b->fmc_len);
	snprintf(path, sizeof(path), "%s/nvidia/%s/gsp/bootloader-570.144.bin", fw,
		 fam->chip);
	b->bl = slurp(path, &b->bl_len);
	if (!b->fmc || !b->bl || !fw_img ||
	    elf_section(b->fmc, b->fmc_len, 0, "image", &off, &size) ||
	    elf_section(b->fmc, b->fmc_len, 0, "hash", &hoff, &hlen) ||
	    elf_section(b->fmc, b->fmc_len, 0, "publickey", &pkoff, &pklen) ||
	    elf_section(b->fmc, b->fmc_len, 0, "signature", &soff, &slen) ||
	    hlen != 48 || pklen != fam->pkey_len || slen != fam->sig_len)
		return -1;

	/* The GSP-FMC image, in a buffer of its own. */
	b->fmc_copy = alloc_map(size, &b->fmc_bus);
	memcpy(b->fmc_copy, b->fmc + off, size);

	/* The GSP image through its radix3 table, mapped from the file. */
	b->img_bus = map(fw_img, fw_img_len);
	pages = (fw_img_len + 4095) / 4096;
	l2pages = (pages + 511) / 512;
	b->lvl0 = alloc_map(4096, &b->lvl0_bus);
	b->lvl1 = alloc_map(4096, &b->lvl1_bus);
	b->lvl2 = alloc_map(l2pages * 4096, &b->lvl2_bus);
	put64(b->lvl0, b->lvl1_bus);
	for (i = 0; i < l2pages; i++)
		put64(b->lvl1 + 8 * i, b->lvl2_bus + 4096 * i);
	for (i = 0; i < pages; i++)
		put64(b->lvl2 + 8 * i, b->img_bus + 4096 * i);

	/* The bootloader's payload (BinHdr: data_offset 16, data_size 20). */
	b->blp = alloc_map(get32(b->bl + 20), &b->bl_bus);
	memcpy(b->blp, b->bl + get32(b->bl + 16), get32(b->bl + 20));
	hdr = get32(b->bl + 12);	/* RM_RISCV_UCODE_DESC */

	/* The family's signature of the GSP image. */
	if (elf_section(gsp_file, gsp_len, 1, fam->sig, &off, &size))
		return -1;
	b->sigp = alloc_map(size, &b->sig_bus);
	memcpy(b->sigp, gsp_file + off, size);

	/* GspFwWprMeta: sysmem addresses and sizes only. */
	b->meta = alloc_map(256, &b->meta_bus);
	q = b->meta;
	put64(q + 0x00, 0xdc3aae21371a60b3ull);
	put64(q + 0x08, 1);
	put64(q + 0x10, b->lvl0_bus);
	put64(q + 0x18, fw_img_len);
	put64(q + 0x20, b->bl_bus);
	put64(q + 0x28, get32(b->bl + 20));
	put64(q + 0x30, get32(b->bl + hdr + 0x30));	/* monitorCodeOffset */
	put64(q + 0x38, get32(b->bl + hdr + 0x28));	/* monitorDataOffset */
	put64(q + 0x40, get32(b->bl + hdr + 0x20));	/* manifestOffset */
	put64(q + 0x48, b->sig_bus);
	put64(q + 0x50, size);
	put64(q + 0x68, fam->nonwpr);
	put64(q + 0x80, 133ull << 20);	/* 22 + 14 + 96 + 1 MiB for 8 GiB */
	put64(q + 0xa0, 0x100000);
	put64(q + 0xc0, 0x20000);
	put32(q + 0xf4, fam->pmu);

	/* The libos arguments: three log buffers and RMARGS. */
	b->libos = alloc_map(4096, &b->libos_bus);
	for (i = 0; i < 3; i++) {
		unsigned int k;

		b->logs[i] = alloc_map(0x10000, &b->logs_bus[i]);
		for (k = 0; k < 16; k++)
			put64(b->logs[i] + 8 + 8 * k, b->logs_bus[i] + 4096 * k);
	}
	b->rmargs = alloc_map(4096, &b->rmargs_bus);
	b->shm = alloc_map(SHM_PAGES * 4096, &b->shm_bus);
	for (i = 0; i < 4; i++) {
		uint8_t *a = b->libos + 32 * i;
		uint64_t id8 = 0;
		const char *c;

		for (c = ids[i]; *c; c++)
			id8 = id8 << 8 | (uint8_t)*c;
		put64(a, id8);
		put64(a + 8, i < 3 ? b->logs_bus[i] : b->rmargs_bus);
		put64(a + 16, i < 3 ? 0x10000 : 0x48);
		a[24] = 1;	/* contiguous */
		a[25] = 1;	/* system memory */
	}
	put64(b->rmargs + 0x00, b->shm_bus);
	put32(b->rmargs + 0x08, SHM_PAGES);
	put64(b->rmargs + 0x10, CMDQ);
	put64(b->rmargs + 0x18, STATQ);
	b->rmargs[0x30] = 1;	/* bDmemStack */
	for (i = 0; i < SHM_PAGES; i++)
		put64(b->shm + 8 * i, b->shm_bus + 4096 * i);

	/* GSP_FMC_BOOT_PARAMS. */
	b->args = alloc_map(80, &b->args_bus);
	put32(b->args + 8, 1);		/* COHERENT_SYSTEM */
	put32(b->args + 12, 256);
	put64(b->args + 16, b->meta_bus);
	b->args[36] = 1;		/* bIsGspRmBoot */
	put32(b->args + 40, 2);		/* NONCOHERENT_SYSTEM */
	put64(b->args + 48, b->libos_bus);

	/* The COT: MCTP and NVDM headers, NVDM_PAYLOAD_COT. */
	put32(b->cot, MCTP_SINGLE);
	put32(b->cot + 4, NVDM_COT);
	p[0] = fam->version;
	p[2] = 860 & 0xff;
	p[3] = 860 >> 8;
	put64(p + 4, b->fmc_bus);
	put64(p + 24, fam->frts_end);
	put32(p + 32, 0x100000);
	memcpy(p + 36, b->fmc + hoff, 48);
	memcpy(p + 84, b->fmc + pkoff, pklen);
	memcpy(p + 468, b->fmc + soff, slen);
	put64(p + 852, b->args_bus);
	return 0;
}

/* Resets the queues for a new boot: command and status queue headers. */
static void boot_queues(struct boot *b)
{
	static const uint32_t tx[8] = { 0, 0x40000, 0x1000, 63, 0, 1, 0x20, 0x1000 };
	unsigned int i;

	memset(b->shm + CMDQ, 0, 0x80000);
	for (i = 0; i < 8; i++)
		put32(b->shm + CMDQ + 4 * i, tx[i]);
	b->cmd_wptr = 0;
	b->cmd_seq = 0;
	b->stat_rptr = 0;
}

static void boot_free(struct boot *b)
{
	unsigned int i;

	free(b->fmc);
	free(b->bl);
	free(b->fmc_copy);
	free(b->args);
	free(b->meta);
	free(b->lvl0);
	free(b->lvl1);
	free(b->lvl2);
	free(b->blp);
	free(b->sigp);
	free(b->libos);
	for (i = 0; i < 3; i++)
		free(b->logs[i]);
	free(b->rmargs);
	free(b->shm);
	nregions = 0;
}

/* Sends an RPC to GSP-RM in one element, as the driver does. */
static void gsp_cmd(struct nova_emu_lib *l, struct boot *b, uint32_t fn,
		    const uint8_t *payload, size_t len)
{
	uint8_t *e = b->shm + CMDQ + 0x1000 + 0x1000 * b->cmd_wptr;
	uint64_t x = 0;
	size_t i;

	memset(e, 0, 0x1000);
	put32(e + 0x24, b->cmd_seq++);
	put32(e + 0x28, 1);
	put32(e + 0x30, 0x03000000);
	put32(e + 0x34, 0x43505256);
	put32(e + 0x38, 0x20 + len);
	put32(e + 0x3c, fn);
	put32(e + 0x40, 0xffffffff);
	put32(e + 0x44, 0xffffffff);
	put32(e + 0x48, b->cmd_seq);
	if (len)
		memcpy(e + 0x50, payload, len);
	for (i = 0; i < 0x1000; i += 8)
		x ^= get64(e + i);
	put32(e + 0x20, (uint32_t)x ^ (uint32_t)(x >> 32));
	b->cmd_wptr = (b->cmd_wptr + 1) % 63;
	put32(b->shm + CMDQ + 0x10, b->cmd_wptr);
	wr(l, GSP_QUEUE_HEAD0, 0);
	run_ms(l, 0);
}

/* The next message GSP-RM sent: its element, or NULL. */
static const uint8_t *gsp_msg(struct boot *b)
{
	const uint8_t *e;

	if (get32(b->shm + STATQ + 0x10) == b->stat_rptr)
		return NULL;
	e = b->shm + STATQ + 0x1000 + 0x1000 * b->stat_rptr;
	b->stat_rptr = (b->stat_rptr + get32(e + 0x28)) % 63;
	put32(b->shm + CMDQ + 0x20, b->stat_rptr);
	return e;
}

static void fsp_chip_regs(const char *fw)
{
	static const struct {
		const char *chip;
		uint32_t lo, hi, lo2, hi2, display;
	} c[] = {
		{ "gh100", 0x100a34, 0x100a38, 0, 0, 1 },
		{ "gb100", 0x870e50, 0x870e54, 0x8706c0, 0x8706c4, 1 },
		{ "gb202", 0x8a1d58, 0x8a1d5c, 0, 0, 0 },
		{ "gb207", 0x8a1d58, 0x8a1d5c, 0, 0, 0 },
	};
	static const uint32_t others[] = {
		0x100a34, 0x870e50, 0x8706c0, 0x8a1d58, 0x100c10,
	};
	struct nova_emu_lib_info info;
	struct nova_emu_lib *l;
	char err[256], cfg[64];
	unsigned int i, k;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		uint64_t before;
		unsigned int bad = 0;

		snprintf(cfg, sizeof(cfg), "chipset=%s", c[i].chip);
		l = nova_emu_lib_create(cfg, fw, &ops, err, sizeof(err));
		if (!l) {
			result(0, "%s: created (%s)", c[i].chip, err);
			continue;
		}
		wr(l, c[i].hi, 0xfff12345);
		wr(l, c[i].lo, 0x12345678);
		if (c[i].lo2) {
			wr(l, c[i].hi2, 0x00000abc);
			wr(l, c[i].lo2, 0xdeadbeef);
		}
		nova_emu_lib_info(l, &info);
		before = info.unmodeled;
		for (k = 0; k < sizeof(others) / sizeof(others[0]); k++)
			if (others[k] != c[i].lo && others[k] != c[i].lo2 &&
			    rd(l, others[k]) != BAD_READ)
				bad++;
		nova_emu_lib_info(l, &info);
		result(!before && rd(l, c[i].lo) == 0x12345600 &&
		       rd(l, c[i].hi) == 0x00012345 &&
		       (!c[i].lo2 || (rd(l, c[i].lo2) == 0xdeadbe00 &&
				      rd(l, c[i].hi2) == 0xabc)) &&
		       !bad && info.unmodeled == before + (c[i].lo2 ? 3 : 4),
		       "%s: its sysmem flush page (LO 0x%06x, HI 0x%06x%s) keeps address bits 51:8; the other families' and Ampere's are unmodelled",
		       c[i].chip, c[i].lo, c[i].hi, c[i].lo2 ? ", and the EG pair" : "");
		result(rd(l, 0x1183a4) == 8192 && rd(l, 0x820c04) == c[i].display,
		       "%s: VRAM size 0x1183a4 = 8192 MiB, display fuse 0x820c04 = %u",
		       c[i].chip, c[i].display);
		nova_emu_lib_destroy(l);
	}
}

/* The FSP's boot status, EMEM, framing and the knobs that need no files. */
static void fsp_basics(const char *fw)
{
	static const struct {
		const char *chip;
		uint32_t reg, other;
	} boot[] = {
		{ "gh100", I2CS_GH100, I2CS_GB202 }, { "gb100", I2CS_GH100, I2CS_GB202 },
		{ "gb102", I2CS_GH100, I2CS_GB202 }, { "gb202", I2CS_GB202, I2CS_GH100 },
		{ "gb203", I2CS_GB202, I2CS_GH100 }, { "gb205", I2CS_GB202, I2CS_GH100 },
		{ "gb206", I2CS_GB202, I2CS_GH100 }, { "gb207", I2CS_GB202, I2CS_GH100 },
	};
	struct nova_emu_lib_info info;
	struct nova_emu_lib *l;
	uint8_t msg[1100], resp[64];
	char err[256], cfg[64];
	unsigned int i, good = 0;
	uint64_t errs;

	for (i = 0; i < sizeof(boot) / sizeof(boot[0]); i++) {
		snprintf(cfg, sizeof(cfg), "chipset=%s", boot[i].chip);
		l = nova_emu_lib_create(cfg, fw, &ops, err, sizeof(err));
		if (l && rd(l, boot[i].reg) == 0xff && rd(l, boot[i].other) == BAD_READ &&
		    (rd(l, GSP_RISCV_CPUCTL) & (RISCV_HALTED | RISCV_ACTIVE)) == RISCV_HALTED)
			good++;
		else
			diag("%s: I2CS_SCRATCH 0x%08x", boot[i].chip, l ? rd(l, boot[i].reg) : 0);
		nova_emu_lib_destroy(l);
	}
	l = nova_emu_lib_create("chipset=ga102", fw, &ops, err, sizeof(err));
	result(good == i && l && rd(l, I2CS_GH100) == BAD_READ &&
	       rd(l, I2CS_GB202) == BAD_READ && rd(l, FSP_EMEMC) == BAD_READ,
	       "NV_THERM_I2CS_SCRATCH reads 0xff at 0x0200bc on GH100/GB10x, 0xad00bc on GB20x, the GSP core halted (%u of %u); GA102 has neither, nor an FSP",
	       good, i);
	nova_emu_lib_destroy(l);

	l = nova_emu_lib_create("chipset=gh100 fsp=noboot", fw, &ops, err, sizeof(err));
	result(l && rd(l, I2CS_GH100) == 0, "fsp=noboot: I2CS_SCRATCH reads 0");
	if (l) {
		put32(msg, MCTP_SINGLE);
		put32(msg + 4, 0x1610de7e);
		result(fsp_call(l, msg, 8, 0x16, NULL) == 0x1000 &&
		       (nova_emu_lib_info(l, &info), info.gsp_errors == 1),
		       "fsp=noboot: a message is not answered, a protocol violation");
		nova_emu_lib_destroy(l);
	}
	l = nova_emu_lib_create("chipset=ga102 fsp=silent", fw, &ops, err, sizeof(err));
	result(!l && strstr(last_log, "key fsp"), "fsp= other than ok on a chip without FSP: refused");
	l = nova_emu_lib_create("chipset=gh100 fsp=sideways", fw, &ops, err, sizeof(err));
	result(!l, "fsp=sideways: refused");

	l = nova_emu_lib_create("chipset=gh100", fw, &ops, err, sizeof(err));
	if (!l)
		return;
	/* EMEM: auto-increment on write, then on read, across a block. */
	wr(l, FSP_EMEMC, EMEMC_AINCW | 0x01f8);
	for (i = 0; i < 4; i++)
		wr(l, FSP_EMEMD, 0x11110000 + i);
	good = rd(l, FSP_EMEMC) == (EMEMC_AINCW | 0x0208);
	wr(l, FSP_EMEMC, EMEMC_AINCR | 0x01f8);
	for (i = 0; i < 4; i++)
		good &= rd(l, FSP_EMEMD) == 0x11110000 + i;
	good &= rd(l, FSP_EMEMC) == (EMEMC_AINCR | 0x0208);
	wr(l, FSP_EMEMC, 0x0200);	/* block 2, dword 0, no increment */
	good &= rd(l, FSP_EMEMD) == 0x11110002 && rd(l, FSP_EMEMD) == 0x11110002 &&
		rd(l, FSP_EMEMC) == 0x0200;
	wr(l, FSP_EMEMC, EMEMC_AINCW | 0x0200);
	wr(l, FSP_EMEMD, 0x22222222);
	wr(l, FSP_EMEMC, 0x01fc);
	good &= rd(l, FSP_EMEMD) == 0x11110001 && rd(l, FSP_EMEMC) == 0x01fc;
	wr(l, FSP_EMEMC, 0x0200);
	good &= rd(l, FSP_EMEMD) == 0x22222222;
	nova_emu_lib_info(l, &info);
	result(good && !info.unmodeled,
	       "FSP EMEM: AINCW and AINCR advance the offset across 256-byte blocks, EMEMC reads it back; without them it stays");
	logged("");
	wr(l, FSP_EMEMC, EMEMC_AINCW | 0x1ffc);	/* the last dword of 8 KiB */
	wr(l, FSP_EMEMD, 0x33333333);
	good = rd(l, FSP_EMEMC) == (EMEMC_AINCW | 0x2000);
	wr(l, FSP_EMEMD, 0x44444444);		/* past EMEM */
	good &= rd(l, FSP_EMEMC) == (EMEMC_AINCW | 0x2000);
	wr(l, FSP_EMEMC, EMEMC_AINCR | 0x1ffc);
	good &= rd(l, FSP_EMEMD) == 0x33333333 && rd(l, FSP_EMEMD) == 0;
	nova_emu_lib_info(l, &info);
	result(good && info.unmodeled == 2 && logged("past the 8192 bytes of EMEM"),
	       "FSP EMEM: 8 KiB; a write and a read past it refused, counted and logged");

	/* Framing. */
	errs = 0;
	put32(msg, MCTP_SINGLE);
	put32(msg + 4, 0x1610de7e);
	wr(l, FSP_EMEMC, EMEMC_AINCW);
	wr(l, FSP_EMEMD, MCTP_SINGLE);
	wr(l, FSP_EMEMD, 0x1610de7e);
	wr(l, FSP_QUEUE_TAIL, 4);
	wr(l, FSP_QUEUE_HEAD, 0);
	good = rd(l, FSP_QUEUE_HEAD) == 0 && rd(l, FSP_QUEUE_TAIL) == 4;
	run_ms(l, 1);
	good &= rd(l, FSP_QUEUE_HEAD) == 4 && rd(l, FSP_MSGQ_HEAD) == 0 &&
		rd(l, FSP_MSGQ_TAIL) == 16;
	result(good && fsp_recv(l, resp, sizeof(resp)) == 20 &&
	       get32(resp) == MCTP_SINGLE && get32(resp + 4) == NVDM_RESPONSE &&
	       get32(resp + 12) == 0x16 && get32(resp + 16) == FSP_ERR_NOT_SUPPORTED &&
	       rd(l, FSP_MSGQ_HEAD) == 0 && rd(l, FSP_MSGQ_TAIL) == 0,
	       "FSP: a message of an unknown NVDM type (0x16): taken (QUEUE_HEAD = QUEUE_TAIL), answered NOT_SUPPORTED in 20 bytes (MSGQ_TAIL 16)");
	fsp_send(l, msg, 8);
	fsp_send(l, msg, 8);	/* before the FSP took the first */
	run_ms(l, 1);
	fsp_send(l, msg, 8);	/* its answer unread */
	run_ms(l, 1);
	nova_emu_lib_info(l, &info);
	result(info.gsp_errors == 2 && fsp_recv(l, resp, sizeof(resp)) == 20 &&
	       fsp_recv(l, resp, sizeof(resp)) < 0 && rd(l, FSP_QUEUE_HEAD) == rd(l, FSP_QUEUE_TAIL),
	       "FSP: a doorbell while it is busy, and one while its answer is unread: dropped, two protocol violations");
	errs = info.gsp_errors;
	{
		static const struct {
			const char *what;
			uint32_t tail, head, mctp, nvdm, type, code;
		} f[] = {
			{ "a packet not whole dwords", 10, 0, MCTP_SINGLE, NVDM_COT, 0x14,
			  FSP_ERR_INVALID_DATA },
			{ "a packet over 1024 bytes", 1024, 0, MCTP_SINGLE, NVDM_COT, 0x14,
			  FSP_ERR_INVALID_DATA },
			{ "a packet not at EMEM 0", 12, 4, MCTP_SINGLE, NVDM_COT, 0x14,
			  FSP_ERR_INVALID_DATA },
			{ "a packet of 4 bytes", 0, 0, MCTP_SINGLE, NVDM_COT, 0,
			  FSP_ERR_INVALID_DATA },
			{ "SOM without EOM", 12, 0, 0x80000000, NVDM_COT, 0x14,
			  FSP_ERR_NOT_SUPPORTED },
			{ "a vendor other than 0x10de", 12, 0, MCTP_SINGLE, 0x1412347e, 0,
			  FSP_ERR_INVALID_DATA },
		};

		good = 0;
		for (i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
			uint32_t code;
			unsigned int k;

			wr(l, FSP_EMEMC, EMEMC_AINCW);
			wr(l, FSP_EMEMD, f[i].mctp);
			wr(l, FSP_EMEMD, f[i].nvdm);
			for (k = 0; k < 300; k++)
				wr(l, FSP_EMEMD, 0);
			wr(l, FSP_QUEUE_TAIL, f[i].tail);
			wr(l, FSP_QUEUE_HEAD, f[i].head);
			run_ms(l, 1);
			code = fsp_recv(l, resp, sizeof(resp)) == 20 &&
			       get32(resp + 12) == f[i].type ? get32(resp + 16) : 0x1000;
			nova_emu_lib_info(l, &info);
			if (code == f[i].code && info.gsp_errors == errs + 1)
				good++;
			else
				diag("%s: answered 0x%x, %llu violations", f[i].what, code,
				     (unsigned long long)(info.gsp_errors - errs));
			errs = info.gsp_errors;
		}
		result(good == i,
		       "FSP: packets not whole dwords, over 1024 bytes, not at EMEM 0, without NVDM header, of several packets, of another vendor: each a protocol violation, answered INVALID_DATA (NOT_SUPPORTED for several packets)");
	}
	put32(msg + 4, NVDM_COT);
	memset(msg + 8, 0, 100);
	result(fsp_call(l, msg, 108, 0x14, NULL) == FSP_ERR_INVALID_DATA,
	       "FSP: a COT of 100 bytes (NVDM_PAYLOAD_COT is 860): INVALID_DATA");
	put32(msg + 4, NVDM_PRC);
	put32(msg + 8, 0x0029020c);
	result(fsp_call(l, msg, 12, 0x13, NULL) == FSP_ERR_NOT_SUPPORTED,
	       "FSP: PRC on GH100: NOT_SUPPORTED");
	/* The driver never resets, starts or selects the GSP's core itself. */
	nova_emu_lib_info(l, &info);
	errs = info.gsp_errors;
	wr(l, GSP_ENGINE, 1);
	wr(l, GSP_CPUCTL, 2);
	wr(l, GSP_BCR_CTRL, 0x111);
	nova_emu_lib_info(l, &info);
	result(info.gsp_errors == errs + 3 && rd(l, GSP_ENGINE) == 0 &&
	       rd(l, GSP_BCR_CTRL) == 1 && !strcmp(info.gsp, "off"),
	       "GH100: resetting, starting or selecting the GSP's core: refused, three protocol violations");
	nova_emu_lib_destroy(l);

	l = nova_emu_lib_create("chipset=gb202", fw, &ops, err, sizeof(err));
	if (l) {
		put32(msg, MCTP_SINGLE);
		put32(msg + 4, NVDM_PRC);
		put32(msg + 8, 0x0029020c);	/* read, active, vGPU mode */
		memset(resp, 0xee, sizeof(resp));
		result(fsp_call(l, msg, 12, 0x13, resp) == 0 && get32(resp + 20) == 0,
		       "FSP: PRC on GB202, the vGPU mode knob: 0 (disabled), after the 20 bytes");
		put32(msg + 8, 0x0029000c);	/* no "active" flag */
		result(fsp_call(l, msg, 12, 0x13, NULL) == FSP_ERR_INVALID_DATA,
		       "FSP: PRC without the active flag: INVALID_DATA");
		put32(msg + 8, 0x0129020c);	/* knob 0x129 */
		result(fsp_call(l, msg, 12, 0x13, NULL) == FSP_ERR_INVALID_DATA,
		       "FSP: PRC of a knob id over 0xff: INVALID_DATA");
		nova_emu_lib_destroy(l);
	}
	{
		static const struct {
			const char *cfg;
			uint32_t code, value;
		} knob[] = {
			{ "chipset=gb202 vgpu=on", 0, 1 },
			{ "chipset=gb205 vgpu=bad", 0, 0x0bad },
			{ "chipset=gb207 vgpu=refuse", FSP_ERR_NOT_SUPPORTED, 0 },
		};
		unsigned int k, good = 0;

		for (k = 0; k < sizeof(knob) / sizeof(knob[0]); k++) {
			l = nova_emu_lib_create(knob[k].cfg, fw, &ops, err, sizeof(err));
			if (!l)
				continue;
			put32(msg, MCTP_SINGLE);
			put32(msg + 4, NVDM_PRC);
			put32(msg + 8, 0x0029020c);
			memset(resp, 0, sizeof(resp));
			if (fsp_call(l, msg, 12, 0x13, resp) == knob[k].code &&
			    (knob[k].code || get32(resp + 20) == knob[k].value))
				good++;
			nova_emu_lib_destroy(l);
		}
		result(good == sizeof(knob) / sizeof(knob[0]),
		       "vgpu=on, bad, refuse: the vGPU knob reads 1, 0x0bad, or is refused NOT_SUPPORTED");
		l = nova_emu_lib_create("chipset=gb202", fw, &ops, err, sizeof(err));
		if (l) {
			nova_emu_lib_info(l, &info);
			result(!strcmp(info.fsp_misbehave, "ok") &&
			       nova_emu_lib_fsp_misbehave(l, "badresp") == 0 &&
			       (nova_emu_lib_info(l, &info), !strcmp(info.fsp_misbehave, "badresp")) &&
			       nova_emu_lib_fsp_misbehave(l, "sulk") < 0,
			       "the FSP's mode reads ok, is set to badresp at run time, refuses an unknown word");
			nova_emu_lib_destroy(l);
		}
		l = nova_emu_lib_create("chipset=ga102", fw, &ops, err, sizeof(err));
		if (l) {
			result(nova_emu_lib_fsp_misbehave(l, "ok") < 0,
			       "no FSP mode on a GA102");
			nova_emu_lib_destroy(l);
		}
		l = nova_emu_lib_create("chipset=gh100 vgpu=on", fw, &ops, err, sizeof(err));
		result(!l, "vgpu=on on GH100 (no vGPU knob): refused");
		if (l)
			nova_emu_lib_destroy(l);
		l = nova_emu_lib_create("chipset=gb202 vfs=65", fw, &ops, err, sizeof(err));
		result(!l, "vfs=65 (over 64): refused");
		if (l)
			nova_emu_lib_destroy(l);
	}
	l = nova_emu_lib_create("chipset=gb100 fsp=badseq", fw, &ops, err, sizeof(err));
	if (l) {
		put32(msg, MCTP_SINGLE);
		put32(msg + 4, 0x1610de7e);
		fsp_send(l, msg, 8);
		run_ms(l, 1);
		result(fsp_recv(l, resp, sizeof(resp)) == 20 && get32(resp) == 0x80000000,
		       "fsp=badseq: its answers say SOM without EOM");
		nova_emu_lib_destroy(l);
	}
	l = nova_emu_lib_create("chipset=gb203 fsp=silent", fw, &ops, err, sizeof(err));
	if (l) {
		put32(msg, MCTP_SINGLE);
		put32(msg + 4, 0x1610de7e);
		result(fsp_call(l, msg, 8, 0x16, NULL) == 0x1000 &&
		       rd(l, FSP_QUEUE_HEAD) == rd(l, FSP_QUEUE_TAIL) &&
		       (nova_emu_lib_info(l, &info), info.fsp_messages == 1),
		       "fsp=silent: a message taken, never answered");
		nova_emu_lib_destroy(l);
	}
}

/* The COT's own fields, on every family: refused before any file is read. */
static void fsp_cot_header(const char *fw)
{
	unsigned int i, good = 0;

	for (i = 0; i < sizeof(fsp_families) / sizeof(fsp_families[0]); i++) {
		const struct fsp_family *fam = &fsp_families[i];
		struct nova_emu_lib *l;
		uint8_t cot[COT_MSG_LEN] = { 0 }, *p = cot + 8;
		char err[256], cfg[64];

		snprintf(cfg, sizeof(cfg), "chipset=%s", fam->chip);
		l = nova_emu_lib_create(cfg, fw, &mem_ops, err, sizeof(err));
		if (!l)
			continue;
		put32(cot, MCTP_SINGLE);
		put32(cot + 4, NVDM_COT);
		p[0] = fam->version ^ 3;
		p[2] = 860 & 0xff;
		p[3] = 860 >> 8;
		put64(p + 24, fam->frts_end);
		put32(p + 32, 0x100000);
		if (fsp_call(l, cot, sizeof(cot), 0x14, NULL) == FSP_ERR_INVALID_DATA &&
		    strstr(last_log, "COT: version"))
			good++;
		p[0] = fam->version;
		put64(p + 24, 0);
		put32(p + 32, 0);
		if (fsp_call(l, cot, sizeof(cot), 0x14, NULL) == FSP_ERR_NOT_SUPPORTED)
			good++;
		put64(p + 24, fam->frts_end + 0x200000);
		put32(p + 32, 0x100000);
		if (fsp_call(l, cot, sizeof(cot), 0x14, NULL) == FSP_ERR_INVALID_DATA &&
		    strstr(last_log, "frtsVidmemOffset"))
			good++;
		put64(p + 24, fam->frts_end);
		put64(p + 12, 0x1000);
		if (fsp_call(l, cot, sizeof(cot), 0x14, NULL) == FSP_ERR_INVALID_DATA &&
		    strstr(last_log, "frtsSysmemOffset"))
			good++;
		nova_emu_lib_destroy(l);
	}
	result(good == 4 * i,
	       "COT: a wrong version, a resume (FRTS 0/0: NOT_SUPPORTED), a wrong frtsVidmemOffset, FRTS in system memory: refused on GH100, GB100, GB202 (%u of %u)",
	       good, 4 * i);

	/* The emulator without its fmc-570.144.bin: FILE_NOT_FOUND. */
	{
		uint8_t cot[COT_MSG_LEN] = { 0 }, *p = cot + 8;
		struct nova_emu_lib *l;
		char err[256];

		l = nova_emu_lib_create("chipset=gh100", "/nonexistent", &mem_ops, err,
					sizeof(err));
		if (l) {
			put32(cot, MCTP_SINGLE);
			put32(cot + 4, NVDM_COT);
			p[0] = 1;
			p[2] = 860 & 0xff;
			p[3] = 860 >> 8;
			put64(p + 24, 0x200000);
			put32(p + 32, 0x100000);
			logged("");
			result(fsp_call(l, cot, sizeof(cot), 0x14, NULL) == FSP_ERR_FILE_NOT_FOUND &&
			       logged("cannot load nvidia/gh100/gsp/fmc-570.144.bin"),
			       "COT: the emulator cannot load its fmc-570.144.bin: FILE_NOT_FOUND, logged");
			nova_emu_lib_destroy(l);
		}
	}
}

/* One good boot of @fam through the FSP, then GSP-RM, its unload, a reboot. */
static void fsp_boot(const struct fsp_family *fam, const char *fw, int refusals)
{
	struct nova_emu_lib_info info;
	struct nova_emu_lib *l;
	struct boot b;
	char err[256], cfg[64];
	uint8_t resp[64], pay[1656];
	const uint8_t *e;
	uint64_t wpr2_start, wpr2_end, errs, faults;
	uint32_t code;
	int ok;

	if (boot_build(&b, fam, fw)) {
		result(1, "%s: boot through the FSP # SKIP NVIDIA's fmc, bootloader or gsp files not in %s",
		       fam->chip, fw);
		boot_free(&b);
		return;
	}
	boot_queues(&b);
	snprintf(cfg, sizeof(cfg), "chipset=%s", fam->chip);
	l = nova_emu_lib_create(cfg, fw, &mem_ops, err, sizeof(err));
	if (!l) {
		result(0, "%s: created (%s)", fam->chip, err);
		boot_free(&b);
		return;
	}

	if (refusals) {
		static const struct {
			const char *what;
			int where;	/* 0 COT payload, 1 args, 2 meta */
			unsigned int off, len;
			uint64_t val;
			uint32_t code;
		} r[] = {
			{ "COT size 864", 0, 2, 2, 864, FSP_ERR_INVALID_DATA },
			{ "hash", 0, 36 + 7, 1, 0x5a, FSP_ERR_INVALID_DATA },
			{ "public key", 0, 84 + 100, 1, 0x5a, FSP_ERR_INVALID_DATA },
			{ "signature", 0, 468 + 383, 1, 0x5a, FSP_ERR_INVALID_DATA },
			{ "gspFmcSysmemOffset unmapped", 0, 4, 8, 0xdead0000, FSP_ERR_INVALID_DATA },
			{ "gspBootArgsSysmemOffset unmapped", 0, 852, 8, 0xdead0000,
			  FSP_ERR_INVALID_DATA },
			{ "bootGspRmParams.target", 1, 8, 4, 2, FSP_ERR_INVALID_DATA },
			{ "gspRmDescSize", 1, 12, 4, 4096, FSP_ERR_INVALID_DATA },
			{ "wprCarveoutSize", 1, 32, 4, 0x100000, FSP_ERR_INVALID_DATA },
			{ "bIsGspRmBoot", 1, 36, 1, 0, FSP_ERR_INVALID_DATA },
			{ "gspRmParams.target", 1, 40, 4, 1, FSP_ERR_INVALID_DATA },
			{ "bootArgsOffset", 1, 48, 8, 0, FSP_ERR_INVALID_DATA },
			{ "gspSpdmParams.target", 1, 56, 4, 1, FSP_ERR_INVALID_DATA },
			{ "GspFwWprMeta unmapped", 1, 16, 8, 0xdead0000, FSP_ERR_INVALID_DATA },
			{ "magic", 2, 0, 8, 0x1234, FSP_ERR_INVALID_DATA },
			{ "sizeOfRadix3Elf", 2, 0x18, 8, 0x1000, FSP_ERR_INVALID_DATA },
			{ "bootloaderCodeOffset", 2, 0x30, 8, 0x4321, FSP_ERR_INVALID_DATA },
			{ "sizeOfSignature", 2, 0x50, 8, 0x100, FSP_ERR_INVALID_DATA },
			{ "frtsOffset", 2, 0x98, 8, 0x100000, FSP_ERR_INVALID_DATA },
			{ "fbSize", 2, 0xb0, 8, 8ull << 30, FSP_ERR_INVALID_DATA },
			{ "frtsSize", 2, 0xa0, 8, 0x200000, FSP_ERR_INVALID_DATA },
			{ "vgaWorkspaceSize", 2, 0xc0, 8, 0, FSP_ERR_INVALID_DATA },
			{ "nonWprHeapSize", 2, 0x68, 8, 0x100000, FSP_ERR_INVALID_DATA },
			{ "pmuReservedSize", 2, 0xf4, 4, 0x1000, FSP_ERR_INVALID_DATA },
			{ "gspFwHeapSize", 2, 0x80, 8, 64ull << 20, FSP_ERR_INVALID_DATA },
		};
		unsigned int i, k, good = 0;

		for (i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
			uint8_t *p = r[i].where == 0 ? b.cot + 8 :
				     r[i].where == 1 ? b.args : b.meta;
			uint8_t keep[8];

			memcpy(keep, p + r[i].off, r[i].len);
			for (k = 0; k < r[i].len; k++)
				p[r[i].off + k] = r[i].len == 1 && !r[i].where ?
						  p[r[i].off] ^ r[i].val :
						  (uint8_t)(r[i].val >> (8 * k));
			errs = error_logs;
			code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
			memcpy(p + r[i].off, keep, r[i].len);
			if (code == r[i].code && error_logs == errs + 1)
				good++;
			else
				diag("%s: refusal of a bad %s: answered 0x%x, expected 0x%x, %u error lines",
				     fam->chip, r[i].what, code, r[i].code,
				     (unsigned int)(error_logs - errs));
		}
		/* The driver's copy of GSP-FMC, one byte changed. */
		b.fmc_copy[1000] ^= 1;
		code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
		b.fmc_copy[1000] ^= 1;
		good += code == FSP_ERR_INVALID_DATA;
		/* The radix3 table: a GSP image page where another (unlike it) is. */
		for (k = 1; !memcmp(fw_img, fw_img + 4096 * k, 4096); k++)
			;
		memcpy(resp, b.lvl2, 8);
		memcpy(b.lvl2, b.lvl2 + 8 * k, 8);
		code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
		memcpy(b.lvl2, resp, 8);
		good += code == FSP_ERR_INVALID_DATA;
		nova_emu_lib_info(l, &info);
		result(good == i + 2 && !strcmp(info.fmc, "off") && !info.wpr2_end &&
		       !(rd(l, GSP_HWCFG2) & HWCFG2_LOCKDOWN) && !info.gsp_errors,
		       "%s: COT refused, each with its errorCode and one log line: size, hash, key, signature, GSP-FMC image and its address, each field of GSP_FMC_BOOT_PARAMS, GspFwWprMeta's address, magic, image, bootloader, signature, FB offsets (not 0), frtsSize, vgaWorkspaceSize, nonWprHeapSize, pmuReservedSize, gspFwHeapSize (%u of %u); no lockdown, no WPR2",
		       fam->chip, good, i + 2);
	}

	/* A good COT: taken, then answered 0. */
	nova_emu_lib_info(l, &info);
	faults = info.dma_faults;
	fsp_send(l, b.cot, sizeof(b.cot));
	ok = rd(l, FSP_QUEUE_HEAD) == 0 && rd(l, FSP_QUEUE_TAIL) == COT_MSG_LEN - 4;
	run_ms(l, 0);
	run_ms(l, 0);
	clock_ns += 60000;	/* the FSP takes it 50 us after the doorbell */
	nova_emu_lib_run(l);
	memset(resp, 0, sizeof(resp));
	code = fsp_recv(l, resp, sizeof(resp)) == 20 && get32(resp) == MCTP_SINGLE &&
	       get32(resp + 4) == NVDM_RESPONSE && get32(resp + 12) == 0x14 ?
	       get32(resp + 16) : 0x1001;
	nova_emu_lib_info(l, &info);
	result(ok && code == 0 && rd(l, FSP_QUEUE_HEAD) == COT_MSG_LEN - 4,
	       "%s: a good COT (868 bytes, NVIDIA's fmc-570.144.bin): taken, answered errorCode 0x%x",
	       fam->chip, code);
	result(rd(l, GSP_HWCFG2) == PRIV_MASKED && rd(l, GSP_MAILBOX0) == PRIV_MASKED &&
	       rd(l, GSP_RISCV_CPUCTL) == PRIV_MASKED && !strcmp(info.fmc, "masked"),
	       "%s: until GSP-FMC picks it up, the GSP's registers read 0xbadf4100 (the PRIV target mask)",
	       fam->chip);
	wr(l, GSP_MAILBOX0, 0x1234);	/* dropped: the GSP is the FSP's */
	run_ms(l, 1);
	nova_emu_lib_info(l, &info);
	wpr2_start = info.wpr2_start;
	wpr2_end = info.wpr2_end;
	result((rd(l, GSP_HWCFG2) & HWCFG2_LOCKDOWN) &&
	       rd(l, GSP_MAILBOX0) == (uint32_t)b.args_bus &&
	       rd(l, GSP_MAILBOX1) == (uint32_t)(b.args_bus >> 32) &&
	       !(rd(l, GSP_RISCV_CPUCTL) & (RISCV_HALTED | RISCV_ACTIVE)) &&
	       !strcmp(info.fmc, "locked") && !strcmp(info.gsp, "starting") &&
	       wpr2_end == (8ull << 30) - fam->frts_end && wpr2_start &&
	       !(wpr2_start & 0xfffff) && info.unmodeled == 1,
	       "%s: GSP-FMC: lockdown (HWCFG2 bit 13), MAILBOX0/1 = GSP_FMC_BOOT_PARAMS (0x%llx), WPR2 0x%llx-0x%llx ending frtsVidmemOffset below VRAM's end; a write to the GSP dropped",
	       fam->chip, (unsigned long long)b.args_bus, (unsigned long long)wpr2_start,
	       (unsigned long long)wpr2_end);
	run_ms(l, 1);
	nova_emu_lib_info(l, &info);
	result(!strcmp(info.gsp, "running") && !(rd(l, GSP_HWCFG2) & HWCFG2_LOCKDOWN) &&
	       !rd(l, GSP_MAILBOX0) && !rd(l, GSP_MAILBOX1) &&
	       (rd(l, GSP_RISCV_CPUCTL) & (RISCV_HALTED | RISCV_ACTIVE)) == RISCV_ACTIVE &&
	       !strcmp(info.fmc, "off") && !info.gsp_errors &&
	       info.dma_faults == faults && get64(b.logs[0]) != 0,
	       "%s: GSP-RM runs on the libos arguments of bootArgsOffset: lockdown released, MAILBOX0/1 0, RISC-V active (gsp %s, %llu violations, %llu DMA faults)",
	       fam->chip, info.gsp, (unsigned long long)info.gsp_errors,
	       (unsigned long long)(info.dma_faults - faults));

	/* GSP-RM's init without a sequencer; static info with the layout. */
	memset(pay, 0, sizeof(pay));
	put64(pay + 0x48, 0x7fffffffffffull);
	put32(pay + 0x50, 0x92000);
	put32(pay + 0x54, 0x1000);
	put32(pay + 0x58, 0x233010de);
	gsp_cmd(l, &b, 72, pay, 928);
	memset(pay, 0, 8);
	put32(pay, 8);
	gsp_cmd(l, &b, 73, pay, 8);
	memset(pay, 0, sizeof(pay));
	gsp_cmd(l, &b, 65, pay, 1656);
	ok = (e = gsp_msg(&b)) && get32(e + 0x3c) == 72 && get32(e + 0x40) == 0;
	ok &= (e = gsp_msg(&b)) && get32(e + 0x3c) == 73 && get32(e + 0x40) == 0;
	ok &= (e = gsp_msg(&b)) && get32(e + 0x3c) == 0x1001;
	ok &= (e = gsp_msg(&b)) && get32(e + 0x3c) == 65 && get32(e + 0x40) == 0;
	nova_emu_lib_info(l, &info);
	result(ok && get64(e + 0x50 + 0x668) == wpr2_start - fam->nonwpr &&
	       get64(e + 0x50 + 0x670) == wpr2_end - 0x100000 && !info.gsp_errors,
	       "%s: GSP-RM takes SET_SYSTEM_INFO (PCI config mirror 0x92000) and SET_REGISTRY, sends INIT_DONE with no sequencer; its static info names the non-WPR heap (0x%llx) and FRTS (0x%llx) GSP-FMC placed",
	       fam->chip, ok ? (unsigned long long)get64(e + 0x50 + 0x668) : 0,
	       ok ? (unsigned long long)get64(e + 0x50 + 0x670) : 0);

	code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
	result(code == FSP_ERR_INVALID_STATE,
	       "%s: a COT while GSP-RM runs: INVALID_STATE (0x%x)", fam->chip, code);

	/* Unload: GSP-RM stops, the core halts, WPR2 goes. */
	memset(pay, 0, 8);
	gsp_cmd(l, &b, 47, pay, 8);
	ok = (e = gsp_msg(&b)) && get32(e + 0x3c) == 47;
	nova_emu_lib_info(l, &info);
	result(ok && rd(l, GSP_MAILBOX0) == 0x80000000 &&
	       (rd(l, GSP_RISCV_CPUCTL) & (RISCV_HALTED | RISCV_ACTIVE)) == RISCV_HALTED &&
	       !info.wpr2_end && !strcmp(info.gsp, "down"),
	       "%s: UNLOADING_GUEST_DRIVER: answered, MAILBOX0 0x80000000, the RISC-V core halted (bit 4, not bit 7), WPR2 gone",
	       fam->chip);

	/* Rebind without reset: a new COT boots again. */
	boot_queues(&b);
	errs = info.gsp_errors;
	code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
	run_ms(l, 1);
	run_ms(l, 1);
	nova_emu_lib_info(l, &info);
	result(code == 0 && !strcmp(info.gsp, "running") && info.wpr2_start == wpr2_start &&
	       info.gsp_errors == errs && info.dma_faults == faults,
	       "%s: after the unload, a second COT boots GSP-RM again (no reset)", fam->chip);

	nova_emu_lib_reset(l);
	nova_emu_lib_info(l, &info);
	result((rd(l, GSP_RISCV_CPUCTL) & (RISCV_HALTED | RISCV_ACTIVE)) == RISCV_HALTED &&
	       !info.wpr2_end && !strcmp(info.gsp, "off") && rd(l, fam->i2cs) == 0xff,
	       "%s: a reset: the core halted, no WPR2, the FSP booted", fam->chip);
	nova_emu_lib_destroy(l);
	boot_free(&b);
}

/* The knobs that need a good COT. */
static void fsp_knobs(const char *fw)
{
	const struct fsp_family *fam = &fsp_families[2];
	struct nova_emu_lib_info info;
	struct nova_emu_lib *l;
	struct boot b;
	char err[256];
	uint8_t resp[64];
	uint32_t code;

	if (boot_build(&b, fam, fw)) {
		result(1, "fsp=badresp, lockdown, fmcfail # SKIP NVIDIA's files not in %s", fw);
		boot_free(&b);
		return;
	}
	boot_queues(&b);

	l = nova_emu_lib_create("chipset=gb202 fsp=badresp", fw, &mem_ops, err, sizeof(err));
	if (l) {
		code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
		run_ms(l, 5);
		nova_emu_lib_info(l, &info);
		result(code == FSP_ERR_INVALID_DATA && !strcmp(info.fmc, "off") &&
		       !strcmp(info.gsp, "off") && !info.wpr2_end &&
		       rd(l, GSP_HWCFG2) != PRIV_MASKED,
		       "fsp=badresp: a good COT answered 0x%x, nothing boots", code);
		nova_emu_lib_destroy(l);
	}
	l = nova_emu_lib_create("chipset=gb202 fsp=badseq", fw, &mem_ops, err, sizeof(err));
	if (l) {
		fsp_send(l, b.cot, sizeof(b.cot));
		run_ms(l, 1);
		code = fsp_recv(l, resp, sizeof(resp)) == 20 ? get32(resp) : 0;
		run_ms(l, 5);
		nova_emu_lib_info(l, &info);
		result(code == 0x80000000 && get32(resp + 16) == 0 && !strcmp(info.fmc, "off") &&
		       !strcmp(info.gsp, "off"),
		       "fsp=badseq: a good COT answered malformed (MCTP 0x%08x), nothing boots", code);
		nova_emu_lib_destroy(l);
	}
	l = nova_emu_lib_create("chipset=gb202 fsp=lockdown", fw, &mem_ops, err, sizeof(err));
	if (l) {
		code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
		run_ms(l, 100);
		run_ms(l, 100);
		run_ms(l, 5000);
		nova_emu_lib_info(l, &info);
		result(code == 0 && (rd(l, GSP_HWCFG2) & HWCFG2_LOCKDOWN) &&
		       rd(l, GSP_MAILBOX0) == (uint32_t)b.args_bus &&
		       !(rd(l, GSP_RISCV_CPUCTL) & RISCV_HALTED) && strcmp(info.gsp, "running"),
		       "fsp=lockdown: the COT accepted, the lockdown never released, MAILBOX0/1 keep the boot parameters, GSP-RM never runs");
		nova_emu_lib_destroy(l);
	}
	l = nova_emu_lib_create("chipset=gb202 fsp=fmcfail", fw, &mem_ops, err, sizeof(err));
	if (l) {
		code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
		run_ms(l, 1);
		run_ms(l, 1);
		nova_emu_lib_info(l, &info);
		result(code == 0 && !(rd(l, GSP_HWCFG2) & HWCFG2_LOCKDOWN) &&
		       rd(l, GSP_MAILBOX0) == 0x5a && rd(l, GSP_MAILBOX1) == 0 &&
		       (rd(l, GSP_RISCV_CPUCTL) & RISCV_HALTED) && !info.wpr2_end &&
		       !strcmp(info.fmc, "failed") && strcmp(info.gsp, "running"),
		       "fsp=fmcfail: the COT accepted, then GSP-FMC fails: MAILBOX0 0x5a, lockdown released, the core halted, no WPR2");
		code = fsp_call(l, b.cot, sizeof(b.cot), 0x14, NULL);
		result(code == 0, "fsp=fmcfail: after GSP-FMC failed, a new COT is taken (0x%x)", code);
		nova_emu_lib_destroy(l);
	}
	boot_free(&b);
}

/* Everything about Hopper's and Blackwell's FSP; @fw the firmware directory. */
static void fsp_tests(const char *fw)
{
	char path[4096];
	size_t off, size;
	unsigned int i;

	snprintf(path, sizeof(path), "%s/nvidia/ga102/gsp/gsp-570.144.bin", fw);
	gsp_file = slurp(path, &gsp_len);
	if (gsp_file && !elf_section(gsp_file, gsp_len, 1, ".fwimage", &off, &size)) {
		fw_img = gsp_file + off;
		fw_img_len = size;
	}
	fsp_chip_regs(fw);
	fsp_basics(fw);
	fsp_cot_header(fw);
	for (i = 0; i < sizeof(fsp_families) / sizeof(fsp_families[0]); i++)
		fsp_boot(&fsp_families[i], fw, i == 0 || i == 2);
	fsp_knobs(fw);
	free(gsp_file);
}

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

	fsp_tests(fw);

	printf("1..%u\n", tests);
	printf("# lib-test: %u passed, %u failed\n", tests - failed, failed);
	return failed ? 1 : 0;
}
