// SPDX-License-Identifier: GPL-2.0
/*
 * The GPU model of drivers/gpu/nova-core/emu hosted outside the kernel
 * (nova_emu_lib.h): the host functions of emu/host.h on the host's
 * callbacks, the kernel services of include/kshim.h, and the GPU's life
 * as nova_emu.ko's main.c leads it (create, reset, destroy).
 *
 * Jobs: each pending job has a due time on the host's clock; the host is
 * asked to call nova_emu_lib_run() at the earliest, which runs every job
 * due, one at a time, outside any register access, as the kernel host's
 * ordered workqueue does.
 */

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "include/kshim.h"
#include "../../drivers/gpu/nova-core/emu/emu.h"
#include "../../drivers/gpu/nova-core/emu/gsp/gsp.h"
#include "nova_emu_lib.h"

/* The first DMA accesses the bus refuses are logged. */
#define LIB_LOG_DMA_FAULTS	16

/* The most jobs one GPU has (its falcons' and GSP-RM's). */
#define LIB_MAX_JOBS	32

/**
 * struct nova_emu_lib - one GPU of the model and its host
 * @gpu: the model's GPU.
 * @pdev: its device, for the model's log lines and its way back here.
 * @ops: the host's callbacks.
 * @fw_dir: where the firmware loader looks.
 * @jobs: the jobs the model initialised, pending or not.
 * @njobs: how many.
 * @name: "nova-gpu.<chip>", the log's prefix.
 * @logged_unmodeled: unmodelled accesses logged so far.
 * @logged_dma_faults: refused DMA accesses logged so far.
 */
struct nova_emu_lib {
	struct nova_emu_gpu *gpu;
	struct platform_device pdev;
	struct nova_emu_lib_ops ops;
	char fw_dir[PATH_MAX];
	struct nova_emu_job *jobs[LIB_MAX_JOBS];
	unsigned int njobs;
	char name[32];
	unsigned int logged_unmodeled;
	unsigned int logged_dma_faults;
};

static struct nova_emu_lib *lib_of(struct nova_emu_gpu *gpu)
{
	return gpu->pdev->host;
}

static void lib_put(char **o, size_t *n, const char *s)
{
	size_t l = strlen(s);

	if (!*n)
		return;
	if (l >= *n)
		l = *n - 1;
	memcpy(*o, s, l);
	*o += l;
	*n -= l;
	**o = 0;
}

/* The text of a log line: kernel formats, %pV and %pe included. */
static void lib_vformat(char *out, size_t n, const char *fmt, va_list *ap)
{
	char spec[32], tmp[512];
	const char *p = fmt;

	*out = 0;
	while (*p) {
		const char *start = p;
		size_t sl;
		char conv;
		int lng = 0;

		if (*p != '%') {
			char c[2] = { *p++, 0 };

			lib_put(&out, &n, c);
			continue;
		}
		p++;
		if (*p == '%') {
			lib_put(&out, &n, "%");
			p++;
			continue;
		}
		while (*p && strchr("-+ #0", *p))
			p++;
		while (*p && (isdigit((unsigned char)*p) || *p == '.'))
			p++;
		while (*p && strchr("hlzt", *p)) {
			if (*p == 'l' || *p == 'z' || *p == 't')
				lng++;
			p++;
		}
		conv = *p ? *p++ : 0;
		sl = p - start;
		if (sl >= sizeof(spec))
			sl = sizeof(spec) - 1;
		memcpy(spec, start, sl);
		spec[sl] = 0;
		tmp[0] = 0;
		switch (conv) {
		case 'd': case 'i':
			if (lng >= 2)
				snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, long long));
			else if (lng)
				snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, long));
			else
				snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, int));
			break;
		case 'u': case 'x': case 'X': case 'o':
			if (lng >= 2)
				snprintf(tmp, sizeof(tmp), spec,
					 va_arg(*ap, unsigned long long));
			else if (lng)
				snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned long));
			else
				snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, unsigned int));
			break;
		case 'c':
			snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, int));
			break;
		case 's':
			snprintf(tmp, sizeof(tmp), spec, va_arg(*ap, const char *));
			break;
		case 'p':
			if (*p == 'V') {
				struct va_format *vaf = va_arg(*ap, struct va_format *);
				va_list cp;

				p++;
				va_copy(cp, *vaf->va);
				lib_vformat(tmp, sizeof(tmp), vaf->fmt, &cp);
				va_end(cp);
			} else if (*p == 'e') {
				void *e = va_arg(*ap, void *);

				p++;
				snprintf(tmp, sizeof(tmp), "%s",
					 strerror((int)-PTR_ERR(e)));
			} else {
				snprintf(tmp, sizeof(tmp), "%p", va_arg(*ap, void *));
			}
			break;
		default:
			snprintf(tmp, sizeof(tmp), "%s", spec);
		}
		lib_put(&out, &n, tmp);
	}
}

static struct nova_emu_lib *lib_log_target;

void nova_emu_lib_log(const struct device *dev, const char *level,
		      const char *fmt, ...)
{
	const struct platform_device *pdev =
		dev ? container_of(dev, struct platform_device, dev) : NULL;
	struct nova_emu_lib *l = pdev ? pdev->host : lib_log_target;
	char line[1024];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	lib_vformat(line, sizeof(line), fmt, &ap);
	va_end(ap);
	n = strlen(line);
	if (n && line[n - 1] == '\n')
		line[n - 1] = 0;
	if (l && l->ops.log)
		l->ops.log(l->ops.opaque, level, line);
	else
		fprintf(stderr, "nova-emu: %s: %s\n", level, line);
}

/* The firmware loader: @name under the host's directory, whole. */
int firmware_request_nowarn(const struct firmware **fw, const char *name,
			    struct device *dev)
{
	struct platform_device *pdev = container_of(dev, struct platform_device, dev);
	struct nova_emu_lib *l = pdev->host;
	struct firmware *f;
	char path[PATH_MAX];
	struct stat st;
	ssize_t got;
	size_t off = 0;
	u8 *data;
	int fd;

	*fw = NULL;
	if (strstr(name, "..") ||
	    snprintf(path, sizeof(path), "%s/%s", l->fw_dir, name) >= (int)sizeof(path))
		return -EINVAL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -ENOENT;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size > (1 << 30)) {
		close(fd);
		return -EINVAL;
	}
	f = calloc(1, sizeof(*f));
	data = malloc(st.st_size ? st.st_size : 1);
	if (!f || !data) {
		free(f);
		free(data);
		close(fd);
		return -ENOMEM;
	}
	while (off < (size_t)st.st_size) {
		got = read(fd, data + off, st.st_size - off);
		if (got <= 0)
			break;
		off += got;
	}
	close(fd);
	if (off != (size_t)st.st_size) {
		free(f);
		free(data);
		return -EIO;
	}
	f->data = data;
	f->size = off;
	*fw = f;
	return 0;
}

void release_firmware(const struct firmware *fw)
{
	if (!fw)
		return;
	free((void *)fw->data);
	free((void *)fw);
}

/* CRC-32 (IEEE 802.3, reflected), bit by bit: firmware checks only. */
u32 crc32_le(u32 crc, const void *p, size_t len)
{
	const u8 *b = p;
	int k;

	while (len--) {
		crc ^= *b++;
		for (k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xedb88320U & -(crc & 1));
	}
	return crc;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0, d;
	const char *p = s;

	if (*p == '+')
		p++;
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    isxdigit((unsigned char)p[2])) {
		base = 16;
		p += 2;
	} else if (base == 0) {
		base = p[0] == '0' && isdigit((unsigned char)p[1]) ? 8 : 10;
	}
	if (!isxdigit((unsigned char)*p))
		return -EINVAL;
	for (; *p && *p != '\n'; p++) {
		if (isdigit((unsigned char)*p))
			d = *p - '0';
		else if (isxdigit((unsigned char)*p))
			d = (tolower((unsigned char)*p) - 'a') + 10;
		else
			return -EINVAL;
		if (d >= base)
			return -EINVAL;
		if (v > (ULLONG_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (*p == '\n' && p[1])
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long v;
	int ret = kstrtoull(s, base, &v);

	if (ret)
		return ret;
	if (v > UINT_MAX)
		return -ERANGE;
	*res = v;
	return 0;
}

unsigned long long memparse(const char *s, char **end)
{
	unsigned long long v = strtoull(s, end, 0);

	switch (**end) {
	case 'E': case 'e':
		v <<= 10;
		fallthrough;
	case 'P': case 'p':
		v <<= 10;
		fallthrough;
	case 'T': case 't':
		v <<= 10;
		fallthrough;
	case 'G': case 'g':
		v <<= 10;
		fallthrough;
	case 'M': case 'm':
		v <<= 10;
		fallthrough;
	case 'K': case 'k':
		v <<= 10;
		(*end)++;
		break;
	default:
		break;
	}
	return v;
}

int match_string(const char *const *array, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n && array[i]; i++)
		if (!strcmp(array[i], s))
			return i;
	return -EINVAL;
}

char *strim(char *s)
{
	size_t n = strlen(s);

	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = 0;
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

/* emu/host.h on the host's callbacks. */
int nova_emu_host_dma(struct nova_emu_gpu *gpu, u64 addr, void *buf,
		      size_t len, bool write)
{
	struct nova_emu_lib *l = lib_of(gpu);

	if (l->ops.dma(l->ops.opaque, addr, buf, len, write)) {
		nova_emu_count(gpu, &gpu->dma.faults);
		if (l->logged_dma_faults < LIB_LOG_DMA_FAULTS) {
			l->logged_dma_faults++;
			nova_emu_lib_log(&l->pdev.dev, "info",
					 "DMA refused: %s of %zu bytes at 0x%llx",
					 write ? "write" : "read", len, addr);
		}
		return -EFAULT;
	}
	return 0;
}

void nova_emu_host_irq(struct nova_emu_gpu *gpu, bool level)
{
	struct nova_emu_lib *l = lib_of(gpu);

	if (level)
		atomic64_inc(&gpu->irqs);
	l->ops.irq(l->ops.opaque, level);
}

/* The model's clock, the host's (nova_emu_lib_set_clock()). */
static uint64_t (*lib_clock)(void);

/**
 * nova_emu_lib_set_clock() - the clock of every GPU's model
 * @now_ns: the host's clock in nanoseconds (QEMU's virtual clock), or
 *	NULL for the monotonic clock
 */
void nova_emu_lib_set_clock(uint64_t (*now_ns)(void))
{
	lib_clock = now_ns;
}

u64 nova_emu_host_now_ns(void)
{
	struct timespec ts;

	if (lib_clock)
		return lib_clock();
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

/* Asks the host for a call at the earliest due job. */
static void lib_arm(struct nova_emu_lib *l)
{
	u64 when = UINT64_MAX;
	unsigned int i;

	for (i = 0; i < l->njobs; i++)
		if (l->jobs[i]->work.pending && l->jobs[i]->work.due < when)
			when = l->jobs[i]->work.due;
	if (when != UINT64_MAX)
		l->ops.timer(l->ops.opaque, when);
}

void nova_emu_host_job_init(struct nova_emu_job *job, struct nova_emu_gpu *gpu,
			    void (*fn)(struct nova_emu_job *job))
{
	struct nova_emu_lib *l = lib_of(gpu);
	unsigned int i;

	job->gpu = gpu;
	job->fn = fn;
	job->work.pending = false;
	for (i = 0; i < l->njobs; i++)
		if (l->jobs[i] == job)
			return;
	if (l->njobs < LIB_MAX_JOBS)
		l->jobs[l->njobs++] = job;
	else
		nova_emu_lib_log(&l->pdev.dev, "error", "too many jobs");
}

void nova_emu_host_job_queue(struct nova_emu_job *job, u64 delay_ns)
{
	struct nova_emu_lib *l = lib_of(job->gpu);

	/* As queue_delayed_work(): a pending job keeps its time. */
	if (job->work.pending)
		return;
	job->work.pending = true;
	job->work.due = l->ops.now_ns(l->ops.opaque) + delay_ns;
	lib_arm(l);
}

bool nova_emu_host_job_cancel(struct nova_emu_job *job)
{
	bool was = job->work.pending;

	job->work.pending = false;
	return was;
}

void nova_emu_host_job_flush(struct nova_emu_job *job)
{
	if (job->work.pending) {
		job->work.pending = false;
		job->fn(job);
	}
}

void nova_emu_host_job_kill(struct nova_emu_job *job)
{
	job->work.pending = false;
}

/**
 * nova_emu_lib_run() - run the jobs that are due
 * @l: the GPU
 *
 * One at a time, each with no lock held; a job a job queues with no delay
 * runs in the same call.
 */
void nova_emu_lib_run(struct nova_emu_lib *l)
{
	unsigned int i, ran;

	do {
		u64 now = l->ops.now_ns(l->ops.opaque);

		ran = 0;
		for (i = 0; i < l->njobs; i++) {
			struct nova_emu_job *job = l->jobs[i];

			if (job->work.pending && job->work.due <= now) {
				job->work.pending = false;
				job->fn(job);
				ran++;
			}
		}
	} while (ran);
	lib_arm(l);
}

/**
 * nova_emu_lib_create() - a GPU of the model
 * @config: its configuration, nova_emu's new_device keys ("chipset=ga102
 *	vram=256M ..."); the chipset defaults to ga102
 * @fw_dir: the directory the model's files are read from (the VBIOS
 *	nova_emu/<chip>.rom, NVIDIA's nvidia/<chip>/gsp/ files)
 * @ops: the host's callbacks, copied
 * @err: set to the reason of a failure
 * @err_len: room at @err
 *
 * Return: the GPU, or NULL.
 */
struct nova_emu_lib *nova_emu_lib_create(const char *config, const char *fw_dir,
					 const struct nova_emu_lib_ops *ops,
					 char *err, size_t err_len)
{
	struct nova_emu_lib *l = calloc(1, sizeof(*l));
	struct nova_emu_gpu *gpu = calloc(1, sizeof(*gpu));
	char *line = strdup(config ? config : "");
	int ret;

	if (!l || !gpu || !line) {
		snprintf(err, err_len, "out of memory");
		goto fail;
	}
	l->ops = *ops;
	l->gpu = gpu;
	l->pdev.host = l;
	snprintf(l->fw_dir, sizeof(l->fw_dir), "%s", fw_dir ? fw_dir : ".");
	gpu->pdev = &l->pdev;

	lib_log_target = l;
	ret = nova_emu_config_parse(line, &gpu->cfg, "ga102", NOVA_EMU_BOOTER_OK,
				    "config");
	lib_log_target = NULL;
	if (ret) {
		snprintf(err, err_len, "bad configuration \"%s\" (see the log)",
			 config ? config : "");
		goto fail;
	}
	snprintf(l->name, sizeof(l->name), "nova-gpu.%s", gpu->cfg.chip ?
		 gpu->cfg.chip->name : "raw");
	l->pdev.dev.name = l->name;
	spin_lock_init(&gpu->dma.lock);

	if (nova_emu_falcons_alloc(gpu)) {
		snprintf(err, err_len, "out of memory for the falcons");
		goto fail;
	}
	if (nova_emu_gsp_init(gpu)) {
		snprintf(err, err_len, "out of memory for GSP-RM");
		goto free_falcons;
	}
	nova_emu_fsp_init(gpu);
	if (nova_emu_prom_load(gpu, &l->pdev.dev)) {
		snprintf(err, err_len, "out of memory for the VBIOS");
		goto free_gsp;
	}
	nova_emu_regs_init(gpu);
	free(line);
	return l;

free_gsp:
	nova_emu_gsp_free(gpu);
free_falcons:
	nova_emu_falcons_free(gpu);
fail:
	free(line);
	free(gpu);
	free(l);
	return NULL;
}

/**
 * nova_emu_lib_destroy() - remove a GPU; its pending work is dropped
 * @l: the GPU, or NULL
 */
void nova_emu_lib_destroy(struct nova_emu_lib *l)
{
	if (!l)
		return;
	nova_emu_falcons_cancel(l->gpu);
	nova_emu_fsp_cancel(l->gpu);
	nova_emu_gsp_cancel(l->gpu);
	nova_emu_prom_free(l->gpu);
	nova_emu_gsp_free(l->gpu);
	nova_emu_falcons_free(l->gpu);
	free(l->gpu);
	free(l);
}

/* The first accesses the model does not model are logged, by address. */
#define LIB_LOG_UNMODELED	64

static void lib_note_unmodeled(struct nova_emu_lib *l, u64 before, bool write,
			       uint32_t addr)
{
	if (l->gpu->unmodeled == before || l->logged_unmodeled >= LIB_LOG_UNMODELED)
		return;
	l->logged_unmodeled++;
	nova_emu_lib_log(&l->pdev.dev, "info", "unmodeled %s of 0x%06x%s",
			 write ? "write" : "read", addr,
			 l->logged_unmodeled == LIB_LOG_UNMODELED ?
			 " (no more of these are logged)" : "");
}

uint32_t nova_emu_lib_rd32(struct nova_emu_lib *l, uint32_t addr)
{
	u64 before = l->gpu->unmodeled;
	uint32_t val = nova_emu_io_ops.rd32(l->gpu, addr);

	lib_note_unmodeled(l, before, false, addr);
	return val;
}

void nova_emu_lib_wr32(struct nova_emu_lib *l, uint32_t addr, uint32_t val)
{
	u64 before = l->gpu->unmodeled;

	nova_emu_io_ops.wr32(l->gpu, addr, val);
	lib_note_unmodeled(l, before, true, addr);
}

/**
 * nova_emu_lib_reset() - back to the power-on state (a PCI reset)
 * @l: the GPU
 *
 * The engines' pending work runs to its end first, as in nova_emu.ko when
 * a driver lets go.
 */
void nova_emu_lib_reset(struct nova_emu_lib *l)
{
	nova_emu_falcons_flush(l->gpu);
	nova_emu_fsp_flush(l->gpu);
	nova_emu_gsp_flush(l->gpu);
	nova_emu_power_on(l->gpu);
}

/**
 * nova_emu_lib_misbehave() - arm a misbehaviour of GSP-RM
 * @l: the GPU
 * @mode: one of emu/gsp_misbehave's words
 *
 * Return: 0, or -EINVAL.
 */
int nova_emu_lib_misbehave(struct nova_emu_lib *l, const char *mode)
{
	int m = nova_emu_rm_misbehave_parse(mode);
	unsigned long flags;

	if (m < 0)
		return m;
	spin_lock_irqsave(&l->gpu->lock, flags);
	l->gpu->gsp.rm.misbehave = m;
	spin_unlock_irqrestore(&l->gpu->lock, flags);
	return 0;
}

/**
 * nova_emu_lib_fsp_misbehave() - set the FSP's mode
 * @l: the GPU
 * @mode: one of emu/fsp_misbehave's words (the fsp= key's)
 *
 * Return: 0, or -EINVAL for an unknown word or a chip without FSP.
 */
int nova_emu_lib_fsp_misbehave(struct nova_emu_lib *l, const char *mode)
{
	return nova_emu_fsp_set_mode(l->gpu, mode);
}

void nova_emu_lib_info(struct nova_emu_lib *l, struct nova_emu_lib_info *info)
{
	struct nova_emu_gpu *gpu = l->gpu;
	unsigned long flags;

	memset(info, 0, sizeof(*info));
	info->chip = gpu->cfg.chip ? gpu->cfg.chip->name : "raw";
	info->boot0 = gpu->cfg.boot0;
	info->bar0_size = gpu->cfg.bar0_size;
	info->vram_bar_size = gpu->cfg.vram_bar_size;
	info->rom = gpu->rom;
	info->rom_size = gpu->rom_size;
	spin_lock_irqsave(&gpu->lock, flags);
	info->unmodeled = gpu->unmodeled;
	info->gsp_errors = gpu->gsp.errors;
	info->gsp = nova_emu_gsp_state_name(gpu->gsp.state);
	info->misbehave = nova_emu_rm_misbehave_name(gpu->gsp.rm.misbehave);
	info->fsp = nova_emu_fsp_state(gpu);
	info->fmc = nova_emu_fmc_state_name(gpu->gsp.fmc);
	info->fsp_messages = gpu->fsp.messages;
	info->fsp_last_error = gpu->fsp.last_error;
	info->fsp_misbehave = nova_emu_fsp_mode_name(gpu->cfg.fsp);
	if (gpu->wpr2_hi) {
		u64 start, end;

		nova_emu_wpr2_range(gpu->wpr2_lo, gpu->wpr2_hi, &start, &end);
		info->wpr2_start = start;
		info->wpr2_end = end;
	}
	spin_unlock_irqrestore(&gpu->lock, flags);
	info->dma_faults = gpu->dma.faults;
}
