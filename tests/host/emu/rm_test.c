// SPDX-License-Identifier: GPL-2.0
/*
 * Host test of the emulator's GSP-RM model (emu/gsp/rm.c) against the
 * driver's own message framing (gsp/fw.c: nova_gsp_msg_build(),
 * nova_gsp_msg_check()), sequencer (gsp/sequencer.c) and layouts (gsp/fw.h):
 * the emulator writes NVIDIA's layouts as literal offsets of its own, and
 * this is where the two are held against each other without a VM.
 *
 * The queues' shared memory lies in a buffer of the test's whose 4 KiB
 * pages the page table scatters (page i at bus page 3 * i mod 131 of a
 * larger window), so the model must go through the PTEs; the "driver"
 * here reads and writes through the same table. Jobs run when the test
 * says; the clock is the test's. Prints KTAP.
 */

#include "rm_shim.h"
#include "../../../drivers/gpu/nova-core/emu/gsp/rm.c"

#include "../../../drivers/gpu/nova-core/gsp/fw.h"
#include "../../../drivers/gpu/nova-core/gsp/sequencer.h"
#include "../ktap.h"

#define SHM_PAGES	129
#define WIN_PAGES	131
#define BUS		0x7f0000000ULL
#define CMDQ		0x1000
#define MSGQ		0x41000
#define SLOTS		63
#define LIBOS		0x12345000ULL

/* A function GSP-RM has not: the commands whose framing is tested. */
#define TEST_FN_UNKNOWN	250

unsigned int rm_test_lines;
static u8 win[WIN_PAGES * SZ_4K];
static u64 pte[SHM_PAGES];
static u64 now_ns = 1;
static struct platform_device pdev;
static struct nova_emu_chip ga102 = { "ga102", 0x17, 0x02 };
static struct nova_emu_gpu G;
static struct nova_emu_gpu *gpu = &G;
static u8 tx[NOVA_GSP_MSG_MAX_SLOTS * SZ_4K], rx[NOVA_GSP_MSG_MAX_SLOTS * SZ_4K];
static u32 drv_wptr, drv_rptr, drv_cmd_seq, drv_msg_seq, drv_rpc_seq;

int nova_emu_host_dma(struct nova_emu_gpu *g, u64 addr, void *buf,
		      size_t len, bool write)
{
	(void)g;
	if (addr < BUS || addr - BUS > sizeof(win) || sizeof(win) - (addr - BUS) < len)
		return -EFAULT;
	if (write)
		memcpy(win + (addr - BUS), buf, len);
	else
		memcpy(buf, win + (addr - BUS), len);
	return 0;
}

void nova_emu_host_irq(struct nova_emu_gpu *g, bool level)
{
	(void)level;
	g->irqs++;
}

u64 nova_emu_host_now_ns(void)
{
	return now_ns;
}

/* The driver's view: offset in the shared memory to its byte. */
static u8 *shm(u64 off)
{
	return win + (pte[off / SZ_4K] - BUS) + off % SZ_4K;
}

static u32 rd(u64 off)
{
	return get_unaligned_le32(shm(off));
}

static void wr(u64 off, u32 v)
{
	put_unaligned_le32(v, shm(off));
}

/* Runs the model's job while it is due; returns how many times it ran. */
static int run(void)
{
	struct nova_emu_job *j = &G.gsp.rm.job;
	int n = 0;

	while (j->queued && j->at <= now_ns && n < 100000) {
		j->queued = false;
		j->fn(j);
		n++;
	}
	return n;
}

static void doorbell(void)
{
	nova_emu_rm_doorbell(gpu);
	run();
}

/* The driver pushes one element (as cmdq.c does) and rings. */
static int push_fn(u32 fn, u32 rpc_seq, const void *p, size_t len)
{
	int slots = nova_gsp_msg_build(tx, sizeof(tx), drv_cmd_seq, fn, rpc_seq,
				       p, len);
	u32 rptr = rd(MSGQ + 0x20), i;

	if (slots < 0 || nova_gsp_msgq_free(drv_wptr, rptr, SLOTS) < slots)
		return -1;
	for (i = 0; i < (u32)slots; i++)
		memcpy(shm(CMDQ + 0x1000 + ((drv_wptr + i) % SLOTS) * SZ_4K),
		       tx + i * SZ_4K, SZ_4K);
	drv_wptr = (drv_wptr + slots) % SLOTS;
	drv_cmd_seq++;
	wr(CMDQ + 0x10, drv_wptr);
	return slots;
}

/* A command in as many elements as it needs (rpc.c's way). */
static int send(u32 fn, const void *p, size_t len)
{
	size_t off = 0, chunk;
	u32 seq = drv_rpc_seq++;

	do {
		chunk = min_t(size_t, len - off, NOVA_GSP_MSG_MAX_PAYLOAD);
		if (push_fn(off ? NOVA_RPC_FN_CONTINUATION_RECORD : fn, seq,
			    (const u8 *)p + off, chunk) < 0)
			return -1;
		off += chunk;
		doorbell();
	} while (off < len);
	return seq;
}

/* The driver pops one element (as cmdq.c does): 0, -EAGAIN or an error. */
static int pop(struct nova_gsp_msg_element **e)
{
	u32 wptr = rd(MSGQ + 0x10), count, i;
	int avail = nova_gsp_msgq_avail(wptr, drv_rptr, SLOTS), ret;
	const char *why;

	if (avail < 0)
		return -EPROTO;
	if (!avail)
		return -EAGAIN;
	memcpy(rx, shm(MSGQ + 0x1000 + drv_rptr * SZ_4K), SZ_4K);
	*e = (void *)rx;
	count = (*e)->elem_count;
	if (!count || count > NOVA_GSP_MSG_MAX_SLOTS || count > (u32)avail) {
		count = avail;
		ret = -EPROTO;
	} else {
		for (i = 1; i < count; i++)
			memcpy(rx + i * SZ_4K,
			       shm(MSGQ + 0x1000 + ((drv_rptr + i) % SLOTS) * SZ_4K),
			       SZ_4K);
		ret = nova_gsp_msg_check(rx, count * SZ_4K, drv_msg_seq, &why);
	}
	drv_rptr = (drv_rptr + count) % SLOTS;
	drv_msg_seq++;
	wr(CMDQ + 0x20, drv_rptr);
	return ret;
}

/* Pops until a good element comes; runs the model for room. */
static struct nova_gsp_msg_element *next(int *bad)
{
	struct nova_gsp_msg_element *e;
	int i, ret;

	*bad = 0;
	for (i = 0; i < 100000; i++) {
		ret = pop(&e);
		if (!ret)
			return e;
		if (ret != -EAGAIN)
			(*bad)++;
		if (ret != -EAGAIN)
			continue;
		/* Time passes for a job that waits (for room, say). */
		if (G.gsp.rm.job.queued && G.gsp.rm.job.at > now_ns &&
		    G.gsp.rm.job.at - now_ns <= 5 * NSEC_PER_MSEC)
			now_ns = G.gsp.rm.job.at;
		if (!run())
			return NULL;
	}
	return NULL;
}

static void boot_queues(void)
{
	unsigned int i;

	memset(win, 0, sizeof(win));
	for (i = 0; i < SHM_PAGES; i++)
		pte[i] = BUS + (u64)((3 * i) % WIN_PAGES) * SZ_4K;
	memcpy(shm(0), pte, sizeof(pte));
	/* The driver's command queue header, GSP-RM's status queue one. */
	for (i = 0; i < 2; i++) {
		u64 q = i ? MSGQ : CMDQ;

		wr(q, 0);
		wr(q + 4, 0x40000);
		wr(q + 8, 0x1000);
		wr(q + 12, SLOTS);
		wr(q + 16, 0);
		wr(q + 20, 1);
		wr(q + 24, 0x20);
		wr(q + 28, 0x1000);
	}
	drv_wptr = drv_rptr = drv_cmd_seq = drv_msg_seq = drv_rpc_seq = 0;
	memcpy(G.gsp.shm_pte, pte, sizeof(pte));
	G.gsp.shm = pte[0];
	G.gsp.shm_pages = SHM_PAGES;
	G.gsp.cmdq = CMDQ;
	G.gsp.statq = MSGQ;
	G.gsp.libos = LIBOS;
	G.gsp.errors = 0;
}

static void init_commands(void)
{
	struct nova_gsp_system_info si = {
		.max_user_va = (1ULL << 47) - SZ_4K,
		.pci_config_mirror_base = 0x88000,
		.pci_config_mirror_size = 0x1000,
		.pci_device_id = 0x10de,
	};
	static const char name[] = "RMSecBusResetEnable";
	u8 reg[8 + 16 + sizeof(name)] = {};

	put_unaligned_le32(sizeof(reg), reg);
	put_unaligned_le32(1, reg + 4);
	put_unaligned_le32(24, reg + 8);
	reg[12] = 1;
	put_unaligned_le32(1, reg + 16);
	put_unaligned_le32(4, reg + 20);
	memcpy(reg + 24, name, sizeof(name));
	send(NOVA_RPC_FN_GSP_SET_SYSTEM_INFO, &si, sizeof(si));
	send(NOVA_RPC_FN_SET_REGISTRY, reg, sizeof(reg));
}

/* The sequencer's callbacks: the model's scratch registers and the GSP. */
static int s_rd(void *c, u32 a, u32 *v)
{
	(void)c;
	return nova_emu_rm_scratch_rd(gpu, a, v) ? 0 : -EINVAL;
}

static int s_wr(void *c, u32 a, u32 v)
{
	(void)c;
	return nova_emu_rm_scratch_wr(gpu, a, v) ? 0 : -EINVAL;
}

static int s_poll(void *c, u32 a, u32 m, u32 v, u32 t)
{
	u32 cur;

	(void)t;
	return !s_rd(c, a, &cur) && (cur & m) == v ? 0 : -ETIMEDOUT;
}

static void s_delay(void *c, u32 us)
{
	(void)c;
	now_ns += us * 1000ULL;
}

static int s_core(void *c, u32 op)
{
	(void)c;
	switch (op) {
	case NOVA_SEQ_CORE_RESET:
		nova_emu_rm_falcon_reset(gpu);
		return 0;
	case NOVA_SEQ_CORE_START:
		nova_emu_rm_falcon_start(gpu);
		return 0;
	case NOVA_SEQ_CORE_WAIT_FOR_HALT:
		return 0;
	case NOVA_SEQ_CORE_RESUME:
		nova_emu_rm_falcon_reset(gpu);
		G.falcon[0].mailbox[0] = (u32)LIBOS;
		G.falcon[0].mailbox[1] = LIBOS >> 32;
		/* SEC2 starts booter_load, which finds GSP-RM suspended. */
		if (G.gsp.state != NOVA_EMU_GSP_SUSPENDED || nova_emu_rm_resume(gpu))
			return -EIO;
		return G.gsp.boot_stage & BIT(26) &&
		       G.gsp.state == NOVA_EMU_GSP_RUNNING ? 0 : -EIO;
	}
	return -EINVAL;
}

static const struct nova_gsp_seq_ops ops = {
	.rd32 = s_rd, .wr32 = s_wr, .poll = s_poll, .delay_us = s_delay,
	.core = s_core,
};

/* A boot up to INIT_DONE; returns 0 or which step failed. */
static int boot(void)
{
	struct nova_gsp_msg_element *e;
	const struct nova_rpc_run_cpu_sequencer *s;
	struct nova_gsp_seq_result res;
	u32 fn[3];
	int bad, i;

	/* Before its start, GSP-RM does not answer the doorbell. */
	G.gsp.state = NOVA_EMU_GSP_STARTING;
	boot_queues();
	init_commands();
	G.gsp.state = NOVA_EMU_GSP_RUNNING;
	nova_emu_rm_start(gpu);
	run();
	for (i = 0; i < 3; i++) {
		e = next(&bad);
		if (!e || bad)
			return 10 + i;
		fn[i] = e->rpc.function;
		if (e->rpc.rpc_result)
			return 20 + i;
	}
	if (fn[0] != 72 || fn[1] != 73 || fn[2] != 0x1002)
		return 30;
	if (e->elem_count != 5)
		return 31;
	s = (const void *)e->rpc.data;
	if (nova_gsp_seq_run(s->command_buffer,
			     (e->rpc.length - sizeof(e->rpc) - sizeof(*s)) / 4,
			     s->cmd_index, &ops, NULL, &res))
		return 40;
	if (res.cmds != 9 || res.save[0] != 0x5e90a11d)
		return 41;
	run();
	e = next(&bad);
	if (!e || bad || e->rpc.function != 0x1001)
		return 50;
	return G.gsp.errors ? 60 : 0;
}

/*
 * control() - send GSP_RM_CONTROL with @size bytes of parameters @params
 * (and @extra bytes more than paramsSize says), return the reply's
 * status, its parameters copied back to @params; -1 for no reply or a
 * reply of another length, -2 for an rpc_result other than @result.
 */
static int control(u32 client, u32 object, u32 cmd, void *params, u32 size,
		   u32 extra, u32 result)
{
	struct nova_gsp_msg_element *e;
	static u8 p[24 + 4096];
	int bad, seq;

	memset(p, 0, sizeof(p));
	put_unaligned_le32(client, p);
	put_unaligned_le32(object, p + 4);
	put_unaligned_le32(cmd, p + 8);
	put_unaligned_le32(0xdead, p + 12);
	put_unaligned_le32(size, p + 16);
	memcpy(p + 24, params, size);
	seq = send(NOVA_RPC_FN_GSP_RM_CONTROL, p, 24 + size + extra);
	e = next(&bad);
	if (!e || bad || e->rpc.sequence != (u32)seq)
		return -1;
	if (e->rpc.rpc_result != result)
		return -2;
	if (result)
		return e->rpc.length == sizeof(e->rpc) ? 0 : -1;
	if (e->rpc.length - sizeof(e->rpc) != 24 + size ||
	    get_unaligned_le32(e->rpc.data + 8) != cmd)
		return -1;
	memcpy(params, e->rpc.data + 24, size);
	return get_unaligned_le32(e->rpc.data + 12);
}

/*
 * GSP_RM_ALLOC (rpc_gsp_rm_alloc_v03_00) of @class with @size bytes of
 * parameters (zeroes, but for @index first); its status, or -1.
 */
static int alloc_p(u32 client, u32 parent, u32 handle, u32 class, u32 size,
		   u32 index)
{
	struct nova_gsp_msg_element *e;
	u8 p[32 + 64] = {};
	int bad;

	put_unaligned_le32(client, p);
	put_unaligned_le32(parent, p + 4);
	put_unaligned_le32(handle, p + 8);
	put_unaligned_le32(class, p + 12);
	put_unaligned_le32(size, p + 20);
	put_unaligned_le32(index, p + 32);
	send(103, p, 32 + size);
	e = next(&bad);
	if (!e || bad || e->rpc.rpc_result ||
	    e->rpc.length - sizeof(e->rpc) != 32 + size)
		return -1;
	return get_unaligned_le32(e->rpc.data + 16);
}

/* GSP_RM_ALLOC of @class with 48 bytes of zeroes as parameters. */
static int alloc(u32 client, u32 parent, u32 handle, u32 class)
{
	return alloc_p(client, parent, handle, class, 48, 0);
}

/*
 * NV90F1_CTRL_CMD_VASPACE_COPY_SERVER_RESERVED_PDES on @vas as nouveau
 * sends it (512 MiB at 4 GiB, three levels), with @lo as virtAddrLo and
 * @levels as numLevelsToCopy, @size bytes; its status, or below 0.
 */
static int rsvd_pdes(u32 client, u32 vas, u64 lo, u32 levels, u32 size)
{
	u8 p[184] = {};
	int i;

	put_unaligned_le64(0x20000000, p + 8);
	put_unaligned_le64(lo, p + 16);
	put_unaligned_le64(0x100000000ULL + 0x20000000 - 1, p + 24);
	put_unaligned_le32(levels, p + 32);
	for (i = 0; i < 3; i++) {
		put_unaligned_le64(0x1000000 + i * 0x1000, p + 40 + i * 24);
		put_unaligned_le64(i ? 0x1000 : 0x20, p + 40 + i * 24 + 8);
		put_unaligned_le32(1, p + 40 + i * 24 + 16);
		p[40 + i * 24 + 20] = 0x2f - 9 * i;
	}
	return control(client, vas, 0x90f10106, p, size, 0, 0);
}

/* FREE (rpc_free_v03_00); its status, or -1. */
static int rm_free_cmd(u32 client, u32 handle)
{
	struct nova_gsp_msg_element *e;
	u8 p[16] = {};
	int bad;

	put_unaligned_le32(client, p);
	put_unaligned_le32(handle, p + 8);
	send(10, p, sizeof(p));
	e = next(&bad);
	if (!e || bad || e->rpc.rpc_result)
		return -1;
	return get_unaligned_le32(e->rpc.data + 12);
}

/*
 * NV0080_CTRL_CMD_DMA_SET_PAGE_DIRECTORY and _UNSET on the device @d for
 * the address space @v. 0, or 24 to 26.
 */
static int page_directory_tests(u32 c, u32 d, u32 v)
{
	u8 p[32] = {};
	u8 u[8] = {};

	put_unaligned_le64(0x2000000, p);
	put_unaligned_le32(512, p + 8);
	put_unaligned_le32(v, p + 16);
	put_unaligned_le32(v, u);
	if (control(c, d, 0x00801813, p, 32, 0, 0) ||
	    control(c, d, 0x00801814, u, 8, 0, 0))
		return 24;
	put_unaligned_le32(d, p + 16);	/* not an address space */
	if (control(c, d, 0x00801813, p, 32, 0, 0) != 0x33)
		return 25;
	put_unaligned_le32(v, p + 16);
	put_unaligned_le64(0x2000800, p);	/* not 4 KiB aligned */
	if (control(c, d, 0x00801813, p, 32, 0, 0) != 0x1f ||
	    control(c, d, 0x00801813, p, 24, 0, 0) != 0x3a)
		return 26;
	return 0;
}

/*
 * An address space (FERMI_VASPACE_A) under the device, its reserved page
 * directories, and each refusal. 0, or 20 to 23.
 */
static int vaspace_tests(u32 c, u32 d, u32 s)
{
	const u32 v = 0x90f10000;

	if (alloc(c, d, v, 0x90f1) || rsvd_pdes(c, v, 0x100000000ULL, 3, 184))
		return 20;
	if (alloc(c, c, v + 1, 0x90f1) != 0x36 ||	/* not under a client */
	    alloc_p(c, d, v + 1, 0x90f1, 40, 0) != 0x1f ||	/* params short */
	    alloc_p(c, d, v + 1, 0x90f1, 48, 1) != 0x1f)	/* not GPU_NEW */
		return 21;
	if (rsvd_pdes(c, v, 0x100000001ULL, 3, 184) != 0x1f ||	/* unaligned */
	    rsvd_pdes(c, v, 0x100000000ULL, 7, 184) != 0x1f ||	/* 7 levels */
	    rsvd_pdes(c, v, 0x100000000ULL, 0, 184) != 0x1f ||
	    rsvd_pdes(c, v, 0x100000000ULL, 3, 176) != 0x3a)
		return 22;
	/* A control goes to an object of its class, else no such method. */
	if (rsvd_pdes(c, s, 0x100000000ULL, 3, 184) != 0x56 ||
	    rsvd_pdes(c, v + 2, 0x100000000ULL, 3, 184) != 0x33)
		return 23;
	return page_directory_tests(c, d, v);
}

/* A client, its device and subdevice, a control on it, each refusal, an
 * address space, and the client freed with all under it. 0, or 13 to 23. */
static int alloc_tests(void)
{
	const u32 c = 0xc1d00000, d = 0xde1d0000, s = 0x5d1d0000;
	u64 errors = G.gsp.errors;
	u32 p = 0;
	int ret;

	if (alloc(c, 0, c, 0x0) || alloc(c, c, d, 0x80) || alloc(c, d, s, 0x2080))
		return 13;
	if (control(c, s, 0x20800137, &p, 4, 0, 0) || p != 0x7f)
		return 14;	/* a control on the driver's own subdevice */
	if (control(c, d, 0x20800137, &p, 4, 0, 0) != 0x56 ||
	    control(c, d + 1, 0x20800137, &p, 4, 0, 0) != 0x33)
		return 15;	/* a device has no subdevice method; no object */
	if (alloc(c, c, d, 0x80) != 0x19 || alloc(c, c, s + 1, 0x2080) != 0x36 ||
	    alloc(c + 1, c + 1, d, 0x80) != 0x23 || alloc(c, d, s + 2, 0xc56f) != 0x56)
		return 16;	/* duplicate, bad parent, no client, unknown class */
	ret = vaspace_tests(c, d, s);
	if (ret)
		return ret;
	if (rm_free_cmd(c, c) || alloc(c, c, d, 0x80) != 0x23)
		return 17;	/* the client and all under it freed */
	if (control(c, s, 0x20800137, &p, 4, 0, 0) != 0x23)
		return 18;
	if (G.gsp.errors != errors)
		return 19;
	return 0;
}

/* UPDATE_BAR_PDE: BAR2's entry kept and answered; a bar type past BAR2
 * refused and counted. 0, or 11 or 12. */
static int bar_pde_tests(void)
{
	struct nova_gsp_msg_element *e;
	u64 errors = G.gsp.errors;
	u8 b[24] = {};
	int bad;

	put_unaligned_le32(1, b);
	put_unaligned_le64(0x123456789aULL, b + 8);
	put_unaligned_le64(47, b + 16);
	send(70, b, sizeof(b));
	e = next(&bad);
	if (!e || bad || e->rpc.rpc_result || G.gsp.rm.bar_pde[1] != 0x123456789aULL)
		return 11;
	put_unaligned_le32(2, b);
	send(70, b, sizeof(b));
	e = next(&bad);
	if (!e || e->rpc.rpc_result != 0x1f || G.gsp.errors != errors + 1)
		return 12;
	G.gsp.errors = errors;
	return alloc_tests();
}

/*
 * What nouveau's FIFO asks of the internal subdevice: the device info
 * table (GR0 and CE0 to CE3, each on a runlist with a PRI base on
 * Ampere, from baseIndex on), a CE's fault method buffer size, the
 * constructed falcons. 0, or 30 to 33.
 */
static int fifo_tests(u32 cli, u32 sub)
{
	static u8 t[3212], f[1284];
	char name[16];
	u32 sz = 0;
	u8 *e;
	int i;

	if (control(cli, sub, 0x20801112, t, sizeof(t), 0, 0) ||
	    get_unaligned_le32(t + 4) != 5 || t[8])
		return 30;
	for (i = 0; i < 5; i++) {
		e = t + 12 + i * 100;
		snprintf(name, sizeof(name), i ? "CE%d" : "GR0", i - 1);
		if (get_unaligned_le32(e + 4 * 2) != (i ? 0x09 + i - 1 : 0x01) ||
		    get_unaligned_le32(e + 4 * 3) != (u32)i ||		/* runlist */
		    get_unaligned_le32(e + 4 * 11) != 0x2000 + 0x400 * i ||
		    strcmp((char *)e + 84, name))
			return 31;
	}
	put_unaligned_le32(4, t);	/* baseIndex 4: CE3 alone */
	if (control(cli, sub, 0x20801112, t, sizeof(t), 0, 0) ||
	    get_unaligned_le32(t + 4) != 1 || get_unaligned_le32(t + 12 + 8) != 0x0c)
		return 32;
	memset(f, 0xff, sizeof(f));
	if (control(cli, sub, 0x20802a08, &sz, 4, 0, 0) || !sz ||
	    control(cli, sub, 0x208001b0, f, sizeof(f), 0, 0) || get_unaligned_le32(f) ||
	    control(cli, sub, 0x20801112, t, 3200, 0, 0) != 0x3a)
		return 33;
	return 0;
}

/* The checks of test 3b; 0, or the number of the first that failed. */
static int control_tests(void)
{
	const u32 cli = 0xc1e00001, sub = 0xcaf00002;
	static u8 table[2068];
	u64 errors = G.gsp.errors;
	u32 p[2];
	int ret;

	p[0] = 0;
	if (control(cli, sub, 0x20800137, p, 4, 0, 0) || p[0] != 0x7f)
		return 1;	/* GA102: 7 GPCs */
	p[0] = 6;
	if (control(cli, sub, 0x20800138, p, 8, 0, 0) || p[1] != 0x3f)
		return 2;	/* 6 TPCs each */
	p[0] = 7;
	if (control(cli, sub, 0x20800138, p, 8, 0, 0) != 0x1f)
		return 3;	/* no GPC 7: NV_ERR_INVALID_ARGUMENT */
	if (control(cli, sub, 0x20800a5c, table, sizeof(table), 0, 0) ||
	    get_unaligned_le32(table) != 7 ||
	    get_unaligned_le16(table + 4) != 50 ||	/* MC_ENGINE_IDX_GSP */
	    get_unaligned_le32(table + 4 + 8) != 0x80 ||
	    table[0x804] != 0xff)
		return 4;
	if (control(cli + 1, sub, 0x20800137, p, 4, 0, 0) != 0x23)
		return 5;	/* NV_ERR_INVALID_CLIENT */
	if (control(cli, sub - 1, 0x20800137, p, 4, 0, 0) != 0x33)
		return 6;	/* NV_ERR_INVALID_OBJECT_HANDLE */
	if (control(cli, sub, 0x20800137, p, 8, 0, 0) != 0x3a)
		return 7;	/* NV_ERR_INVALID_PARAM_STRUCT */
	ret = fifo_tests(cli, sub);
	if (ret)
		return ret;
	if (control(cli, sub, 0x20800101, p, 4, 0, 0) != 0x56)
		return 8;	/* not modelled: NV_ERR_NOT_SUPPORTED */
	if (G.gsp.errors != errors)
		return 9;
	if (control(cli, sub, 0x20800137, p, 4, 4, 0x1f) ||
	    G.gsp.errors != errors + 1)
		return 10;	/* paramsSize not the payload's: a violation */
	G.gsp.errors = errors;
	return bar_pde_tests();
}

int main(void)
{
	struct nova_gsp_msg_element *e;
	struct nova_gsp_static_info si = {}, *r;
	static u8 big[150000];
	int bad, i, ret, seq;
	u32 irqs;

	pdev.dev.quiet = 0;
	G.pdev = &pdev;
	G.chip = &ga102;
	G.cfg.fb_size = 24ULL << 30;
	G.falcon[0].irqmask = BIT(6);
	G.gsp.shm_pte = calloc(NOVA_EMU_GSP_SHM_MAX_PAGES, sizeof(u64));
	if (nova_emu_rm_init(gpu))
		return 1;

	printf("KTAP version 1\n1..14\n");

	/* 1. The boot: init commands, the sequencer run by the driver's own
	 * interpreter, INIT_DONE. */
	irqs = G.irqs;
	ret = boot();
	result(!ret && G.irqs > irqs && (G.falcon[0].irqstat & BIT(6)),
		    "boot to INIT_DONE through the driver's framing and sequencer (step %d)",
		    ret);

	/* 2. The static information, read through fw.h's struct. */
	seq = send(NOVA_RPC_FN_GET_GSP_STATIC_INFO, &si, sizeof(si));
	e = next(&bad);
	r = e ? (void *)e->rpc.data : NULL;
	result(e && !bad && e->rpc.function == 65 && e->rpc.sequence == (u32)seq &&
		    !e->rpc.rpc_result &&
		    e->rpc.length - sizeof(e->rpc) == sizeof(si) &&
		    !strcmp(r->gpu_name, "NVIDIA GeForce RTX 3090") &&
		    r->num_fb_regions == 2 && r->fb_regions[0].base == 0 &&
		    r->fb_regions[1].limit == G.cfg.fb_size - 1 &&
		    r->fb_regions[0].limit + 1 == r->fb_regions[1].base &&
		    r->fb_length == G.cfg.fb_size &&
		    r->bar1_pde_base == r->fb_regions[1].base &&
		    r->h_internal_client == 0xc1e00001 &&
		    r->h_internal_device == 0xcaf00001 &&
		    r->h_internal_subdevice == 0xcaf00002,
		    "GET_GSP_STATIC_INFO: the layout the driver reads");

	/* 3. An unknown function: NV_ERR_NOT_SUPPORTED. */
	seq = send(TEST_FN_UNKNOWN, big, 100);
	e = next(&bad);
	result(e && e->rpc.function == TEST_FN_UNKNOWN &&
		    e->rpc.sequence == (u32)seq && e->rpc.rpc_result == 0x56,
		    "an unknown function (250): NV_ERR_NOT_SUPPORTED");

	/* 3b. RM controls on the internal subdevice (rpc_gsp_rm_control_v03_00:
	 * hClient, hObject, cmd, status, paramsSize, flags, params). */
	ret = control_tests();
	result(!ret, "GSP_RM_CONTROL: GPC and TPC masks, the interrupt table, each refusal; UPDATE_BAR_PDE; GSP_RM_ALLOC and FREE; the FIFO's device info; FERMI_VASPACE_A, its reserved PDEs, its page directory (step %d)",
	       ret);

	/* 4. Commands continued over 16-slot elements wrap the command queue. */
	for (i = 0, ret = 0; i < 8; i++) {
		seq = send(TEST_FN_UNKNOWN, big, sizeof(big));
		e = next(&bad);
		if (!e || bad || e->rpc.sequence != (u32)seq || e->rpc.rpc_result != 0x56)
			ret++;
	}
	result(!ret && !G.gsp.errors && G.gsp.rm.cmd_rptr == drv_wptr,
		    "150000-byte commands in CONTINUATION_RECORDs, the queue wrapping (%d bad)",
		    ret);

	/* 5. The flood: 300 events wrap the status queue, then the reply. */
	G.gsp.rm.misbehave = NOVA_EMU_GSP_MB_FLOOD;
	seq = send(TEST_FN_UNKNOWN, big, 8);
	for (i = 0, bad = 0; i < 400; i++) {
		int b;

		e = next(&b);
		bad += b;
		if (!e || e->rpc.function != NOVA_RPC_EVENT_POST_EVENT)
			break;
	}
	result(i == 300 && !bad && e && e->rpc.function == TEST_FN_UNKNOWN &&
		    e->rpc.sequence == (u32)seq && !G.gsp.rm.misbehave,
		    "flood: 300 events through the wrapping status queue, then the reply (%d)",
		    i);

	/* 6. Misbehaviours of a reply: the driver's checks refuse each. */
	{
		static const struct {
			enum nova_emu_gsp_misbehave m;
			int err;
		} c[] = {
			{ NOVA_EMU_GSP_MB_BAD_CHECKSUM, -EBADMSG },
			{ NOVA_EMU_GSP_MB_SKIP_SEQ, -EPROTO },
			{ NOVA_EMU_GSP_MB_OVERSIZED, -EPROTO },
			{ NOVA_EMU_GSP_MB_TRUNCATED, -EPROTO },
		};
		unsigned int k, ok = 0;

		for (k = 0; k < ARRAY_SIZE(c); k++) {
			G.gsp.rm.misbehave = c[k].m;
			send(TEST_FN_UNKNOWN, big, 8);
			run();
			if (pop(&e) == c[k].err)
				ok++;
			/* skip-seq: the driver resynchronises as a test would. */
			drv_msg_seq = G.gsp.rm.stat_seq;
		}
		result(ok == ARRAY_SIZE(c), "bad-checksum, skip-seq, oversized, truncated refused by nova_gsp_msg_check (%u)",
			    ok);
	}

	/* 7. late: nothing until 2.5 s passed, then the reply. */
	G.gsp.rm.misbehave = NOVA_EMU_GSP_MB_LATE;
	seq = send(TEST_FN_UNKNOWN, big, 8);
	ret = pop(&e);
	now_ns += 2000 * NSEC_PER_MSEC;
	run();
	i = pop(&e);
	now_ns += 600 * NSEC_PER_MSEC;
	run();
	result(ret == -EAGAIN && i == -EAGAIN && !pop(&e) &&
		    e->rpc.sequence == (u32)seq,
		    "late: the reply after 2.5 s");

	/* 8. unknown-function: event 0x10ff, then the reply. */
	G.gsp.rm.misbehave = NOVA_EMU_GSP_MB_UNKNOWN_FUNCTION;
	seq = send(TEST_FN_UNKNOWN, big, 8);
	e = next(&bad);
	ret = e ? (int)e->rpc.function : 0;
	e = next(&bad);
	result(ret == 0x10ff && e && e->rpc.sequence == (u32)seq,
		    "unknown-function: an event the driver does not know first");

	/* 8b. continuation: a CONTINUATION_RECORD alone, then the reply. */
	G.gsp.rm.misbehave = NOVA_EMU_GSP_MB_CONTINUATION;
	seq = send(TEST_FN_UNKNOWN, big, 8);
	e = next(&bad);
	ret = e ? (int)e->rpc.function : 0;
	e = next(&bad);
	result(ret == NOVA_RPC_FN_CONTINUATION_RECORD && e &&
	       e->rpc.sequence == (u32)seq,
	       "continuation: a stray CONTINUATION_RECORD first");

	/* 9. The driver's own mistakes: counted, the element skipped. */
	G.gsp.errors = 0;
	push_fn(TEST_FN_UNKNOWN, drv_rpc_seq++, big, 8);
	put_unaligned_le32(rd(CMDQ + 0x1000 + ((drv_wptr + SLOTS - 1) % SLOTS) * SZ_4K + 0x50) ^ 1,
			   shm(CMDQ + 0x1000 + ((drv_wptr + SLOTS - 1) % SLOTS) * SZ_4K + 0x50));
	doorbell();
	drv_cmd_seq++;	/* a seqNum skipped */
	push_fn(TEST_FN_UNKNOWN, drv_rpc_seq++, big, 8);
	doorbell();
	ret = pop(&e);
	result(G.gsp.errors == 2 && ret == -EAGAIN,
		    "a bad checksum and a skipped seqNum from the driver: 2 violations, no reply");

	/* 10. overlap and silent at a boot's sequencer. */
	G.gsp.rm.misbehave = NOVA_EMU_GSP_MB_OVERLAP;
	ret = boot();
	i = G.gsp.rm.stat_wptr;
	G.gsp.rm.misbehave = NOVA_EMU_GSP_MB_SILENT;
	bad = boot();
	result(ret == 12 && i == 3 && bad == 12,
		    "overlap and silent at the sequencer (%d, writePtr %d; %d)", ret, i, bad);

	/* 11. UNLOADING_GUEST_DRIVER: the reply, then MAILBOX0 bit 31, down. */
	ret = boot();
	{
		u8 unload[8] = {};

		seq = send(NOVA_RPC_FN_UNLOADING_GUEST_DRIVER, unload, sizeof(unload));
	}
	e = next(&bad);
	result(!ret && e && e->rpc.function == 47 && e->rpc.sequence == (u32)seq &&
		    !e->rpc.rpc_result && G.gsp.state == NOVA_EMU_GSP_DOWN &&
		    G.falcon[0].mailbox[0] == 0x80000000,
		    "UNLOADING_GUEST_DRIVER: replied, then down with MAILBOX0 0x80000000 (%d)",
		    ret);

	/* 12. Bad init commands: refused with an error result, no sequencer. */
	G.gsp.state = NOVA_EMU_GSP_STARTING;
	boot_queues();
	{
		struct nova_gsp_system_info s2 = {};
		u8 reg[8] = { 200, 0, 0, 0, 1 };

		send(NOVA_RPC_FN_GSP_SET_SYSTEM_INFO, &s2, sizeof(s2) - 8);
		send(NOVA_RPC_FN_SET_REGISTRY, reg, sizeof(reg));
	}
	G.gsp.state = NOVA_EMU_GSP_RUNNING;
	nova_emu_rm_start(gpu);
	run();
	{
		struct nova_gsp_msg_element *a = next(&bad);
		u32 r1 = a ? a->rpc.rpc_result : 0, r2;

		a = next(&bad);
		r2 = a ? a->rpc.rpc_result : 0;
		ret = pop(&e);
		result(r1 == 0x1f && r2 == 0x1f && ret == -EAGAIN &&
			    G.gsp.errors == 2,
			    "a short GspSystemInfo and a bad registry table: refused, no sequencer");
	}

	nova_emu_rm_free(gpu);
	free(G.gsp.shm_pte);
	return failed ? 1 : 0;
}
