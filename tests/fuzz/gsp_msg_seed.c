// SPDX-License-Identifier: GPL-2.0
/*
 * Writes gsp_msg_fuzz's seed corpus into a directory: good queue elements
 * of one and of several slots, two in a row, one wrapping round the ring's
 * end, one checked raw, and one of each thing the checks refuse.
 *
 *   gsp_msg_seed DIR
 */
/* fw.h first: see gsp_msg_fuzz.c. */
#include "../../drivers/gpu/nova-core/gsp/fw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/unaligned.h>
#include "gsp_msg_fuzz.h"

#define SLOT NOVA_GSP_MSG_SLOT

struct seed {
	u8 ctl[GSP_MSG_CTL];
	u8 data[2 * SLOT + 128];
	size_t len;		/* bytes of data used */
};

static const char *dir;

/* Control bytes: ring of q slots, pointers w and r, sequence 7 expected. */
static void ctl(struct seed *s, u8 flags, u8 q, u32 w, u32 r)
{
	memset(s, 0, sizeof(*s));
	s->ctl[GSP_MSG_FLAGS] = flags;
	s->ctl[GSP_MSG_Q] = q - 1;
	put_unaligned_le32(w, s->ctl + GSP_MSG_WPTR);
	put_unaligned_le32(r, s->ctl + GSP_MSG_RPTR);
	put_unaligned_le32(7, s->ctl + GSP_MSG_SEQ);
	/* NVIDIA's 63-slot queues for the pointer checks, 32 MiB for radix3. */
	put_unaligned_le32(3, s->ctl + GSP_MSG_PW);
	put_unaligned_le32(60, s->ctl + GSP_MSG_PR);
	put_unaligned_le32(63, s->ctl + GSP_MSG_PCOUNT);
	put_unaligned_le64(32ULL << 20, s->ctl + GSP_MSG_R3_SIZE);
	put_unaligned_le64(0x123456000ULL, s->ctl + GSP_MSG_R3_BASE);
}

/*
 * An element at offset off of the data: n slots, sequence seq, an RPC of
 * rlen bytes (header included) filled with 0x5a, and the checksum of the
 * n slots as laid (the bytes past the data are zero in the ring).
 */
static void element(struct seed *s, size_t off, u32 n, u32 seq, u32 rlen)
{
	u8 *e = s->data + off;
	size_t i, end = off + 48 + 32 + 100;
	u64 x = 0;

	put_unaligned_le32(seq, e + 36);
	put_unaligned_le32(n, e + 40);
	put_unaligned_le32(NOVA_RPC_HEADER_VERSION, e + 48);
	put_unaligned_le32(NOVA_RPC_SIGNATURE, e + 52);
	put_unaligned_le32(rlen, e + 56);
	put_unaligned_le32(NOVA_RPC_EVENT_GSP_INIT_DONE, e + 60);
	memset(e + 80, 0x5a, 100);
	for (i = 0; i + 8 <= 48 + 32 + 100 + 4; i += 8)
		x ^= get_unaligned_le64(e + i);
	put_unaligned_le32((u32)x ^ (u32)(x >> 32), e + 32);
	if (end > s->len)
		s->len = end;
}

static void put(const struct seed *s, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(s->ctl, 1, sizeof(s->ctl), f) != sizeof(s->ctl) ||
	    fwrite(s->data, 1, s->len, f) != s->len || fclose(f)) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	struct seed s;

	if (argc != 2) {
		fprintf(stderr, "usage: gsp_msg_seed DIR\n");
		return 2;
	}
	dir = argv[1];

	ctl(&s, 0, 4, 1, 0);
	element(&s, 0, 1, 7, 32 + 100);
	put(&s, "good-1slot");
	s.ctl[GSP_MSG_FLAGS] = GSP_MSG_RAW;
	put(&s, "good-1slot-raw");

	/* Two slots, the largest RPC that fits. */
	ctl(&s, 0, 4, 2, 0);
	element(&s, 0, 2, 7, 2 * SLOT - 48);
	put(&s, "good-2slot");
	/* And the largest radix3 table: 1 GiB, level 1 full (512 entries). */
	put_unaligned_le64(1ULL << 30, s.ctl + GSP_MSG_R3_SIZE);
	put(&s, "good-2slot-radix3-1g");

	/* One slot then two, sequence 7 then 8, in a ring of 8. */
	ctl(&s, 0, 8, 3, 0);
	element(&s, 0, 1, 7, 32 + 100);
	element(&s, SLOT, 2, 8, 32 + 100);
	put(&s, "good-two-elements");

	/* Two slots from the ring's last: it wraps. */
	ctl(&s, 0, 4, 1, 3);
	element(&s, 0, 2, 7, 32 + 100);
	put(&s, "good-wrap");

	/* The refusals. */
	ctl(&s, GSP_MSG_RAW, 4, 1, 0);
	element(&s, 0, 1, 7, 32 + 100);
	s.data[100] ^= 1;
	put(&s, "bad-checksum");

	ctl(&s, 0, 4, 1, 0);
	element(&s, 0, 1, 8, 32 + 100);
	put(&s, "bad-sequence");

	ctl(&s, 0, 4, 1, 0);
	element(&s, 0, 0, 7, 32 + 100);
	put(&s, "bad-count0");

	ctl(&s, 0, 24, 20, 0);
	element(&s, 0, 17, 7, 32 + 100);
	put(&s, "bad-count17");

	/* Three slots asked, two readable. */
	ctl(&s, 0, 4, 2, 0);
	element(&s, 0, 3, 7, 32 + 100);
	put(&s, "bad-count-unreadable");

	ctl(&s, 0, 4, 1, 0);
	element(&s, 0, 1, 7, SLOT - 48 + 1);
	put(&s, "bad-length-past");

	ctl(&s, 0, 4, 1, 0);
	element(&s, 0, 1, 7, 31);
	put(&s, "bad-length-short");

	ctl(&s, 0, 4, 1, 0);
	element(&s, 0, 1, 7, 32 + 100);
	put_unaligned_le32(0x43505257, s.data + 52);
	put(&s, "bad-signature");

	ctl(&s, 0, 4, 1, 0);
	element(&s, 0, 1, 7, 32 + 100);
	put_unaligned_le32(0x02000000, s.data + 48);
	put(&s, "bad-version");

	ctl(&s, GSP_MSG_TRIM, 4, 2, 0);
	put_unaligned_le16(7, s.ctl + GSP_MSG_TRIM_LEN);
	element(&s, 0, 2, 7, 32 + 100);
	put(&s, "bad-partial-slot");

	/* Pointers past the queue, and a radix3 size past 1 GiB. */
	ctl(&s, GSP_MSG_HOSTILE, 4, 4, 0xffffffff);
	put_unaligned_le32(63, s.ctl + GSP_MSG_PW);
	put_unaligned_le32(0xffffffff, s.ctl + GSP_MSG_PR);
	put_unaligned_le64((1ULL << 30) + 0x1000, s.ctl + GSP_MSG_R3_SIZE);
	element(&s, 0, 1, 7, 32 + 100);
	put(&s, "bad-pointers");
	return 0;
}
