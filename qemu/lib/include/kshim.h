/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel services the GPU model (drivers/gpu/nova-core/emu) uses, in
 * user space, for the model's hosts outside the kernel (qemu/lib): each
 * include/linux/<name>.h here includes this file, after the pure parsers'
 * stand-ins of tests/host/include (types, strings, unaligned access).
 *
 * Locks are pthread mutexes (the QEMU host runs the model under its big
 * lock anyway), atomics GCC's builtins, allocations malloc(), the
 * firmware loader a read of a file under the directory the host set
 * (nova_emu_lib_fw_dir), log lines go to the host's log function.
 */
#ifndef __QEMU_LIB_KSHIM_H__
#define __QEMU_LIB_KSHIM_H__

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/bits.h>
#include <linux/unaligned.h>

typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
typedef uint16_t __le16;
typedef uint32_t __le32;
typedef uint64_t __le64;
#define cpu_to_le16(x) ((u16)(x))
#define le16_to_cpu(x) ((u16)(x))
#define cpu_to_le32(x) ((u32)(x))
#define le32_to_cpu(x) ((u32)(x))
#define cpu_to_le64(x) ((u64)(x))
#define le64_to_cpu(x) ((u64)(x))

#ifndef BIT_ULL
#define BIT_ULL(n) (1ULL << (n))
#endif
#ifndef GENMASK
#define GENMASK(h, l) ((~0U << (l)) & (~0U >> (31 - (h))))
#endif
/* A mask's lowest set bit, as a shift. */
#define __shim_shift(m) __builtin_ctzll((unsigned long long)(m))
#define FIELD_GET(m, v) ((__typeof__(m))(((v) & (m)) >> __shim_shift(m)))
#define FIELD_PREP(m, v) (((__typeof__(m))(v) << __shim_shift(m)) & (m))

#define __must_hold(x)
#define cond_resched() do { } while (0)

/* u32p_replace_bits(): a field of *@p replaced by @v. */
#define u32p_replace_bits(p, v, m) \
	(*(p) = (*(p) & ~(u32)(m)) | FIELD_PREP((u32)(m), (v)))

static inline unsigned int __ffs64(u64 x)
{
	return __builtin_ctzll(x);
}

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#ifndef min
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#endif
#define container_of(p, t, m) ((t *)((char *)(p) - offsetof(t, m)))
#define fallthrough __attribute__((__fallthrough__))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define READ_ONCE(x) (*(volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))
#define U32_MAX UINT32_MAX
#define NSEC_PER_USEC 1000ULL
#define NSEC_PER_MSEC 1000000ULL
#define NSEC_PER_SEC 1000000000ULL
#define SZ_1K 0x400
#define SZ_4K 0x1000
#define SZ_8K 0x2000
#define SZ_64K 0x10000
#define SZ_1M 0x100000
#define SZ_2M 0x200000
#define SZ_16M 0x1000000
#define SZ_64M 0x4000000
#define SZ_256M 0x10000000
#define SZ_1G 0x40000000
#define PAGE_SIZE 4096UL
#define ERR_PTR(e) ((void *)(long)(e))
#define PTR_ERR(p) ((long)(p))
#define IS_ERR(p) ((unsigned long)(p) >= (unsigned long)-4095)

static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

/* Allocations. */
#define GFP_KERNEL 0
#define GFP_ATOMIC 0
#define kmalloc(n, g) malloc(n)
#define kzalloc(n, g) calloc(1, (n))
#define kcalloc(n, s, g) calloc((n), (s))
#define kvmalloc(n, g) malloc(n)
#define kvzalloc(n, g) calloc(1, (n))
#define vmalloc(n) malloc(n)
#define vzalloc(n) calloc(1, (n))
#define kfree(p) free((void *)(p))
#define kvfree(p) free((void *)(p))
#define vfree(p) free((void *)(p))

static inline void *kmemdup(const void *p, size_t n, int gfp)
{
	void *q = malloc(n ? n : 1);

	(void)gfp;
	if (q)
		memcpy(q, p, n);
	return q;
}

static inline ssize_t strscpy(char *d, const char *s, size_t n)
{
	size_t l = strlen(s);

	if (!n)
		return -E2BIG;
	if (l >= n) {
		memcpy(d, s, n - 1);
		d[n - 1] = 0;
		return -E2BIG;
	}
	memcpy(d, s, l + 1);
	return l;
}

/* The index of @s, less one trailing newline, in @a of @n; -EINVAL. */
static inline int __sysfs_match_string(const char *const *a, size_t n,
				       const char *s)
{
	size_t i, l;

	for (i = 0; i < n; i++) {
		if (!a[i])
			continue;
		l = strlen(a[i]);
		if (!strncmp(a[i], s, l) && (!s[l] || (s[l] == '\n' && !s[l + 1])))
			return i;
	}
	return -EINVAL;
}

#define sysfs_match_string(a, s) __sysfs_match_string((a), ARRAY_SIZE(a), (s))

/* Bitmaps of unsigned longs, as the kernel's. */
#define BITS_PER_LONG 64
#define BITS_TO_LONGS(n) DIV_ROUND_UP(n, BITS_PER_LONG)
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

static inline bool test_bit(unsigned long nr, const unsigned long *a)
{
	return (a[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

static inline void set_bit(unsigned long nr, unsigned long *a)
{
	a[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void clear_bit(unsigned long nr, unsigned long *a)
{
	a[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

static inline void assign_bit(unsigned long nr, unsigned long *a, bool v)
{
	if (v)
		set_bit(nr, a);
	else
		clear_bit(nr, a);
}

static inline unsigned long find_next_bit(const unsigned long *a,
					  unsigned long size, unsigned long i)
{
	for (; i < size; i++)
		if (test_bit(i, a))
			return i;
	return size;
}

#define for_each_set_bit(b, a, size) \
	for ((b) = find_next_bit((a), (size), 0); (b) < (size); \
	     (b) = find_next_bit((a), (size), (b) + 1))

#define __set_bit set_bit
#define __clear_bit clear_bit

static inline void bitmap_copy(unsigned long *d, const unsigned long *s,
			       unsigned int bits)
{
	memcpy(d, s, BITS_TO_LONGS(bits) * sizeof(long));
}

static inline void bitmap_zero(unsigned long *d, unsigned int bits)
{
	memset(d, 0, BITS_TO_LONGS(bits) * sizeof(long));
}

/* Locks: the host serialises the model; a mutex keeps a second thread safe. */
typedef struct {
	pthread_mutex_t m;
} spinlock_t;

#define spin_lock_init(l) pthread_mutex_init(&(l)->m, NULL)
#define spin_lock(l) pthread_mutex_lock(&(l)->m)
#define spin_unlock(l) pthread_mutex_unlock(&(l)->m)
#define spin_lock_irqsave(l, f) ((f) = 0, pthread_mutex_lock(&(l)->m))
#define spin_unlock_irqrestore(l, f) ((void)(f), pthread_mutex_unlock(&(l)->m))
#define lockdep_assert_held(l) ((void)(l))

typedef struct {
	int64_t v;
} atomic64_t;

#define atomic64_set(a, x) __atomic_store_n(&(a)->v, (x), __ATOMIC_SEQ_CST)
#define atomic64_read(a) __atomic_load_n(&(a)->v, __ATOMIC_SEQ_CST)
#define atomic64_inc(a) __atomic_add_fetch(&(a)->v, 1, __ATOMIC_SEQ_CST)

/* Lists and trees: only their types appear in the model's structures. */
struct list_head {
	struct list_head *next, *prev;
};

struct rb_root {
	void *rb_node;
};

struct work_struct {
	int unused;
};

/* A job's place in its host's timer list (qemu/lib/lib.c). */
struct delayed_work {
	struct work_struct work;
	bool pending;
	u64 due;
};

struct workqueue_struct;

/* Devices: a name for the log lines. */
struct device {
	const char *name;
};

struct platform_device {
	struct device dev;
	void *host;
};

/* A message and its arguments, printed by %pV. */
struct va_format {
	const char *fmt;
	va_list *va;
};

void nova_emu_lib_log(const struct device *dev, const char *level,
		      const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define dev_err(d, ...) nova_emu_lib_log((d), "error", __VA_ARGS__)
#define dev_warn(d, ...) nova_emu_lib_log((d), "warning", __VA_ARGS__)
#define dev_info(d, ...) nova_emu_lib_log((d), "info", __VA_ARGS__)
#define dev_info_ratelimited dev_info
#define dev_err_ratelimited dev_err
#define dev_dbg(d, ...) ((void)(d))
#define pr_err(...) nova_emu_lib_log(NULL, "error", __VA_ARGS__)
#define pr_info(...) nova_emu_lib_log(NULL, "info", __VA_ARGS__)

/* The firmware loader: files under the host's directory. */
struct firmware {
	size_t size;
	const u8 *data;
};

int firmware_request_nowarn(const struct firmware **fw, const char *name,
			    struct device *dev);
void release_firmware(const struct firmware *fw);

u32 crc32_le(u32 crc, const void *p, size_t len);

/* Text, with the kernel's rules (lib.c). */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
#define kstrtou32(s, b, r) kstrtouint((s), (b), (r))
unsigned long long memparse(const char *s, char **end);
int match_string(const char *const *array, size_t n, const char *s);
char *strim(char *s);

static inline bool is_power_of_2(unsigned long long n)
{
	return n && !(n & (n - 1));
}

#endif
