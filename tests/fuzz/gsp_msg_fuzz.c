// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for nova_core's GSP message queue functions (gsp/fw.c):
 * the queue pointers' arithmetic, the checks of a received element, the
 * radix3 page table's sizes and entries.
 *
 * The input (gsp_msg_fuzz.h) is control bytes, then the bytes of a ring of
 * 4 KiB slots. The target reads the ring as nova_core's receive path
 * would: the slots readable from the pointers (nova_gsp_msgq_avail()),
 * then element after element from the read pointer, each copied out of the
 * ring (wrapping) into a buffer of exactly the slots its header's element
 * count asks, clamped to 1 and to what is readable (and to 17, one past
 * the most), so that ASan sees any read past it. Unless the input asks for
 * its raw bytes, the element's checksum (over its message: the headers
 * and rpc.length bytes, rounded up to 8, within the element) is fixed up
 * first, so that the later checks are reached. Every answer must agree with a model of the
 * checks written here from gsp/fw.c's comments: the same errno (-EPROTO,
 * -EBADMSG), the same reason; a success must have 1..16 slots, all given
 * and readable, the sequence expected and its RPC inside the element.
 *
 * nova_gsp_msgq_free() and _avail() get pointers of any value: past the
 * queue they must refuse with -EPROTO, else give 0..count-1 slots, the two
 * adding up to count - 1. A count of 0 or over INT_MAX (which the
 * answer, an int, could not hold) is refused with -EPROTO too.
 */
#include "../../drivers/gpu/nova-core/gsp/fw.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <linux/unaligned.h>
#include "gsp_msg_fuzz.h"

#define SLOT NOVA_GSP_MSG_SLOT

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static u8 ring[GSP_MSG_MAX_Q * SLOT];

/* The checksum as gsp/fw.h defines it: 64-bit words XORed, halves folded. */
static u32 ref_checksum(const u8 *p, size_t len)
{
	u64 x = 0;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8)
		x ^= get_unaligned_le64(p + i);
	return (u32)x ^ (u32)(x >> 32);
}

/*
 * The bytes the checksum covers, as gsp/fw.c's comment gives them: the
 * 48-byte element header and rpc.length bytes (at offset 8 of the RPC
 * header, itself at 48), rounded up to 8, no fewer than the two headers
 * (80 bytes) and no more than the element's bytes.
 */
static size_t ref_sum_len(const u8 *b, size_t len)
{
	u64 n = (48 + (u64)get_unaligned_le32(b + 56) + 7) / 8 * 8;

	if (n < 80)
		n = 80;
	return n < len ? n : len;
}

/* nova_gsp_msg_check()'s checks, in the order its comment gives. */
static int ref_check(const u8 *b, size_t len, u32 seq, const char **why)
{
	u32 n, rlen;

	*why = NULL;
	if (len < SLOT || len % SLOT) {
		*why = "not a whole number of slots";
		return -EPROTO;
	}
	n = get_unaligned_le32(b + 40);
	if (n < 1 || n > NOVA_GSP_MSG_MAX_SLOTS || n != len / SLOT) {
		*why = "bad element count";
		return -EPROTO;
	}
	if (ref_checksum(b, ref_sum_len(b, len))) {
		*why = "bad checksum";
		return -EBADMSG;
	}
	if (get_unaligned_le32(b + 36) != seq) {
		*why = "out of sequence";
		return -EPROTO;
	}
	if (get_unaligned_le32(b + 48) != NOVA_RPC_HEADER_VERSION ||
	    get_unaligned_le32(b + 52) != NOVA_RPC_SIGNATURE) {
		*why = "bad RPC header version or signature";
		return -EPROTO;
	}
	rlen = get_unaligned_le32(b + 56);
	if (rlen < 32 || rlen > len - 48) {
		*why = "RPC length outside the element";
		return -EPROTO;
	}
	return 0;
}

/* Queue pointers: checked against a model in 64 bits. */
static void check_ptrs(u32 w, u32 r, u32 count)
{
	int f = nova_gsp_msgq_free(w, r, count);
	int a = nova_gsp_msgq_avail(w, r, count);

	if (!count || count > INT_MAX || w >= count || r >= count) {
		if (f != -EPROTO || a != -EPROTO)
			abort();
		return;
	}
	if (f < 0 || a < 0 || (u32)f >= count || (u32)a >= count ||
	    (u64)f != ((u64)r + count - w - 1) % count ||
	    (u64)a != ((u64)w + count - r) % count ||
	    (u64)f + (u64)a != (u64)count - 1)
		abort();
}

static void check_radix3(u64 size, u64 base)
{
	struct nova_gsp_radix3_layout l;
	int ret = nova_gsp_radix3_layout(size, &l), i;
	u64 *ptes;
	size_t n;

	if (!size || size % NOVA_GSP_PAGE_SIZE) {
		if (ret != -EINVAL)
			abort();
		return;
	}
	if (size > NOVA_GSP_RADIX3_MAX) {
		if (ret != -E2BIG)
			abort();
		return;
	}
	if (ret || l.entries[2] != size / NOVA_GSP_PAGE_SIZE || l.entries[0] != 1 ||
	    l.bytes[0] != NOVA_GSP_PAGE_SIZE)
		abort();
	for (i = 0; i < NOVA_GSP_RADIX3_LEVELS; i++) {
		/* Whole pages, as few as hold the level's entries. */
		if (!l.bytes[i] || l.bytes[i] % NOVA_GSP_PAGE_SIZE ||
		    l.bytes[i] < l.entries[i] * 8 ||
		    l.bytes[i] - l.entries[i] * 8 >= NOVA_GSP_PAGE_SIZE)
			abort();
		/* One entry for each page of the level after it. */
		if (i && l.entries[i - 1] != l.bytes[i] / NOVA_GSP_PAGE_SIZE)
			abort();
	}
	/* Level 1's entries (at most 512) in a buffer of exactly that many. */
	n = l.entries[1];
	ptes = malloc(n * sizeof(*ptes));
	if (!ptes)
		abort();
	nova_gsp_radix3_fill(ptes, n, base);
	for (size_t j = 0; j < n; j++)
		if (ptes[j] != base + ((u64)j << NOVA_GSP_PAGE_SHIFT))
			abort();
	free(ptes);
}

/* One element of len bytes from slot r of a ring of q: checked, or not. */
static int check_element(u32 r, u32 q, size_t len, u32 seq, int raw)
{
	const char *why, *ref_why;
	int ret, ref;
	u8 *buf = malloc(len ? len : 1);
	size_t i;

	if (!buf)
		abort();
	for (i = 0; i < len; i++)
		buf[i] = ring[((r + i / SLOT) % q) * SLOT + i % SLOT];
	if (!raw && len >= sizeof(struct nova_gsp_msg_element)) {
		put_unaligned_le32(0, buf + 32);
		put_unaligned_le32(ref_checksum(buf, ref_sum_len(buf, len)), buf + 32);
	}
	if (len >= sizeof(struct nova_gsp_msg_element) &&
	    nova_gsp_msg_sum_len((const void *)buf, len) != ref_sum_len(buf, len))
		abort();
	if (nova_gsp_msg_checksum(buf, len) != ref_checksum(buf, len))
		abort();
	why = "(not set)";
	ret = nova_gsp_msg_check(buf, len, seq, &why);
	ref = ref_check(buf, len, seq, &ref_why);
	if (ret != ref || (ret != 0 && ret != -EPROTO && ret != -EBADMSG))
		abort();
	if (ret) {
		if (!why || strcmp(why, ref_why))
			abort();
	} else {
		const struct nova_gsp_msg_element *e = (const void *)buf;
		size_t end = offsetof(struct nova_gsp_msg_element, rpc) + e->rpc.length;

		if (why || e->elem_count < 1 || e->elem_count > NOVA_GSP_MSG_MAX_SLOTS ||
		    e->elem_count * (size_t)SLOT != len || e->seq_num != seq ||
		    e->rpc.length < sizeof(e->rpc) || end > len ||
		    (const u8 *)e->rpc.data + (e->rpc.length - sizeof(e->rpc)) != buf + end)
			abort();
	}
	free(buf);
	return ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	u8 ctl[GSP_MSG_CTL] = { 0 };
	u32 q, w, r, seq, pc;
	size_t trim = 0, i;
	int avail;

	memcpy(ctl, data, size < sizeof(ctl) ? size : sizeof(ctl));
	data += size < sizeof(ctl) ? size : sizeof(ctl);
	size -= size < sizeof(ctl) ? size : sizeof(ctl);

	/* The pointers' arithmetic: any values, and the same inside the queue. */
	pc = get_unaligned_le32(ctl + GSP_MSG_PCOUNT);
	w = get_unaligned_le32(ctl + GSP_MSG_PW);
	r = get_unaligned_le32(ctl + GSP_MSG_PR);
	check_ptrs(w, r, pc);
	if (pc)
		check_ptrs(w % pc, r % pc, pc);

	check_radix3(get_unaligned_le64(ctl + GSP_MSG_R3_SIZE),
		     get_unaligned_le64(ctl + GSP_MSG_R3_BASE));
	check_radix3((get_unaligned_le64(ctl + GSP_MSG_R3_SIZE) % (1 << 18) + 1) << 12,
		     get_unaligned_le64(ctl + GSP_MSG_R3_BASE));

	/* The ring, and the slots readable in it. */
	q = 1 + ctl[GSP_MSG_Q] % GSP_MSG_MAX_Q;
	w = get_unaligned_le32(ctl + GSP_MSG_WPTR);
	r = get_unaligned_le32(ctl + GSP_MSG_RPTR);
	if (!(ctl[GSP_MSG_FLAGS] & GSP_MSG_HOSTILE)) {
		w %= q;
		r %= q;
	}
	check_ptrs(w, r, q);
	avail = nova_gsp_msgq_avail(w, r, q);
	if (avail < 0)
		return 0;
	memset(ring, 0, q * SLOT);
	for (i = 0; i < size && i < q * SLOT; i++)
		ring[((r + i / SLOT) % q) * SLOT + i % SLOT] = data[i];
	if (ctl[GSP_MSG_FLAGS] & GSP_MSG_TRIM)
		trim = 1 + get_unaligned_le16(ctl + GSP_MSG_TRIM_LEN) % SLOT;

	/* Element after element while slots are readable, as the driver reads. */
	seq = get_unaligned_le32(ctl + GSP_MSG_SEQ);
	while (avail > 0) {
		u32 n = get_unaligned_le32(ring + r * SLOT + 40);
		u32 k = n < 1 ? 1 : n;

		if (k > (u32)avail)
			k = avail;
		if (k > NOVA_GSP_MSG_MAX_SLOTS + 1)
			k = NOVA_GSP_MSG_MAX_SLOTS + 1;
		if (check_element(r, q, k * SLOT - trim, seq,
				  ctl[GSP_MSG_FLAGS] & GSP_MSG_RAW))
			break;
		seq++;
		r = (r + k) % q;
		avail -= k;
		if (nova_gsp_msgq_avail(w, r, q) != avail)
			abort();
		trim = 0;
	}
	return 0;
}
