// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for nova_core's GSP firmware ABI (gsp/fw.h, gsp/fw.c): the
 * message element checksum on a hand-worked vector and on a whole element.
 * (The structures' layouts are checked at build time, in gsp/fw.h.)
 */

#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/nova_compat.h>

#include "../gsp/fw.h"

/* Two words worked out by hand: 0x11 ^ 0x22 = 0x33. */
static void gsp_checksum_vector(struct kunit *test)
{
	u8 buf[16];

	put_unaligned_le64(0x0000000100000002ULL, buf);
	put_unaligned_le64(0x0000001000000020ULL, buf + 8);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, sizeof(buf)), 0x33U);
	/* The halves fold: one word with equal halves sums to 0. */
	put_unaligned_le64(0xdeadbeefdeadbeefULL, buf);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, 8), 0U);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, 0), 0U);
}

/*
 * A two-slot element: stored, its checksum makes the element's checksum 0
 * (how GSP-RM checks it), and any flipped bit shows.
 */
static void gsp_checksum_element(struct kunit *test)
{
	size_t len = 2 * NOVA_GSP_MSG_SLOT, i;
	struct nova_gsp_msg_element *e;
	u8 *buf;

	buf = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < len; i++)
		buf[i] = (u8)(i * 7 + 3);
	e = (struct nova_gsp_msg_element *)buf;
	e->checksum = 0;
	e->checksum = nova_gsp_msg_checksum(buf, len);
	KUNIT_EXPECT_NE(test, e->checksum, 0U);
	KUNIT_EXPECT_EQ(test, nova_gsp_msg_checksum(buf, len), 0U);
	buf[len - 1] ^= 0x10;
	KUNIT_EXPECT_NE(test, nova_gsp_msg_checksum(buf, len), 0U);
}

static struct kunit_case nova_gsp_cases[] = {
	KUNIT_CASE(gsp_checksum_vector),
	KUNIT_CASE(gsp_checksum_element),
	{}
};

static struct kunit_suite nova_gsp_suite = {
	.name = "nova_core_gsp",
	.test_cases = nova_gsp_cases,
};

kunit_test_suite(nova_gsp_suite);
