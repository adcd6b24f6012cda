/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the emulator's GSP-RM model (drivers/gpu/nova-core/emu/gsp/rm.c)
 * needs from the kernel and from the rest of the emulator, on the host:
 * rm_test.c includes this, then rm.c itself. The emulator's emu.h and
 * host.h are replaced (their include guards defined here); gsp.h is the
 * real one. DMA goes to a buffer of the test's, the jobs run when the test
 * says, the clock is the test's.
 */
#ifndef __RM_SHIM_H__
#define __RM_SHIM_H__

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/unaligned.h>

typedef uint32_t __le32;
typedef uint64_t __le64;
#define cpu_to_le32(x) ((u32)(x))
#define le32_to_cpu(x) ((u32)(x))
#define cpu_to_le64(x) ((u64)(x))
#define le64_to_cpu(x) ((u64)(x))
#include <linux/bits.h>
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define SZ_4K 0x1000
#define SZ_1M 0x100000
#define NSEC_PER_MSEC 1000000ULL
#define SIZE_MAX_ SIZE_MAX
#define GFP_KERNEL 0
#define kzalloc(n, g) calloc(1, (n))
#define kvmalloc(n, g) malloc(n)
#define kfree(p) free(p)
#define kvfree(p) free(p)
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define lockdep_assert_held(l) ((void)(l))
#define spin_lock_irqsave(l, f) ((void)(l), (f) = 0)
#define spin_unlock_irqrestore(l, f) ((void)(l), (void)(f))

static inline void *kmemdup(const void *p, size_t n, int gfp)
{
	void *q = malloc(n ? n : 1);

	(void)gfp;
	if (q)
		memcpy(q, p, n);
	return q;
}

static inline size_t strscpy(char *d, const char *s, size_t n)
{
	snprintf(d, n, "%s", s);
	return strlen(d);
}

static inline int sysfs_match_string(const char *const *a, const char *s)
{
	size_t i, n;

	for (i = 0; a[i]; i++) {
		n = strlen(a[i]);
		if (!strncmp(a[i], s, n) && (!s[n] || (s[n] == '\n' && !s[n + 1])))
			return i;
	}
	return -EINVAL;
}

struct va_format {
	const char *fmt;
	va_list *va;
};

struct device {
	int quiet;
};

struct platform_device {
	struct device dev;
};

/* Log lines: counted; printed unless quiet. "%pV" is rm_err()'s. */
extern unsigned int rm_test_lines;
static inline void dev_log(struct device *d, const char *fmt, ...)
{
	va_list ap;

	rm_test_lines++;
	va_start(ap, fmt);
	if (!d->quiet) {
		if (strstr(fmt, "%pV")) {
			struct va_format *v = va_arg(ap, struct va_format *);
			va_list c;

			va_copy(c, *v->va);
			printf("# GSP-RM: ");
			vprintf(v->fmt, c);
			printf("\n");
			va_end(c);
		} else {
			printf("# ");
			vprintf(fmt, ap);
		}
	}
	va_end(ap);
}

#define dev_err dev_log
#define dev_info dev_log
#define dev_info_ratelimited dev_log

/* emu/host.h */
#define __NOVA_EMU_HOST_H__
struct nova_emu_gpu;
struct nova_emu_job {
	struct nova_emu_gpu *gpu;
	void (*fn)(struct nova_emu_job *job);
	bool queued;
	u64 at;
};

int nova_emu_host_dma(struct nova_emu_gpu *gpu, u64 addr, void *buf,
		      size_t len, bool write);
void nova_emu_host_irq(struct nova_emu_gpu *gpu, bool level);
u64 nova_emu_host_now_ns(void);

static inline void nova_emu_host_job_init(struct nova_emu_job *job,
					  struct nova_emu_gpu *gpu,
					  void (*fn)(struct nova_emu_job *job))
{
	job->gpu = gpu;
	job->fn = fn;
	job->queued = false;
}

static inline void nova_emu_host_job_queue(struct nova_emu_job *job,
					   u64 delay_ns)
{
	if (job->queued)
		return;
	job->queued = true;
	job->at = nova_emu_host_now_ns() + delay_ns;
}

/* emu/emu.h */
#define __NOVA_EMU_H__
#include "../../../drivers/gpu/nova-core/emu/gsp/gsp.h"

#define NOVA_EMU_FALCON_GSP 0
#define NOVA_EMU_FALCON_SEC2 1
#define NOVA_EMU_MBOX_BOOTER_RESUME 0xbadb0007

struct nova_emu_chip {
	const char *name;
	u8 arch;
	u8 impl;
};

struct nova_emu_falcon {
	u32 irqstat;
	u32 irqmask;
	u32 mailbox[2];
};

enum nova_emu_fsp_family {
	NOVA_EMU_FSP_NONE,
	NOVA_EMU_FSP_GH100,
	NOVA_EMU_FSP_GB10X,
	NOVA_EMU_FSP_GB20X,
};

struct nova_emu_gpu {
	int lock;
	struct {
		u64 fb_size;
		enum nova_emu_fsp_family fsp_family;
	} cfg;
	u32 wpr2_lo;
	u32 wpr2_hi;
	struct platform_device *pdev;
	struct nova_emu_falcon falcon[2];
	struct nova_emu_gsp gsp;
	const struct nova_emu_chip *chip;
	bool irq_level;
	unsigned int irqs;
};

static inline const struct nova_emu_chip *
nova_emu_chip_of(const struct nova_emu_gpu *gpu)
{
	return gpu->chip;
}

static inline bool nova_emu_irq_update(struct nova_emu_gpu *gpu)
{
	bool level = gpu->falcon[0].irqstat & gpu->falcon[0].irqmask, rose;

	rose = level && !gpu->irq_level;
	gpu->irq_level = level;
	return rose;
}

static inline void nova_emu_count(struct nova_emu_gpu *gpu, u64 *counter)
{
	(void)gpu;
	(*counter)++;
}

#endif /* __RM_SHIM_H__ */
