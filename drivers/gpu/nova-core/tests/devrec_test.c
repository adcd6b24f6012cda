// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the records nova_core keeps past a device's unbind
 * (devrec.c): one per device name, replaced, taken, dropped, and every
 * one released exactly once.
 */

#include <kunit/test.h>
#include <linux/device.h>
#include <linux/nova_compat.h>

#include "../devrec.h"

/* A record that counts its releases in the test's counter. */
struct t_rec {
	struct nova_devrec rec;
	int *released;
};

static void t_release(struct nova_devrec *rec)
{
	struct t_rec *t = container_of(rec, struct t_rec, rec);

	(*t->released)++;
}

static void devrec_test(struct kunit *test)
{
	struct nova_devrecs recs;
	struct device *a = kunit_kzalloc(test, sizeof(*a), GFP_KERNEL);
	struct device *b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);
	int released[4] = {};
	struct t_rec r[4];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	/* On the stack: its lock gets a lockdep class from mutex_init(). */
	mutex_init(&recs.lock);
	INIT_LIST_HEAD(&recs.list);
	/* dev_name() reads init_name: no registration needed. */
	a->init_name = "0000:01:00.0";
	b->init_name = "0000:02:00.0";
	for (i = 0; i < 4; i++)
		r[i].released = &released[i];

	KUNIT_EXPECT_NULL(test, nova_devrec_take(&recs, a));
	nova_devrec_drop(&recs, a);

	nova_devrec_add(&recs, &r[0].rec, a, t_release);
	nova_devrec_add(&recs, &r[1].rec, b, t_release);
	KUNIT_EXPECT_STREQ(test, r[0].rec.name, "0000:01:00.0");

	/* A second record for a name releases the first. */
	nova_devrec_add(&recs, &r[2].rec, a, t_release);
	KUNIT_EXPECT_EQ(test, released[0], 1);
	KUNIT_EXPECT_EQ(test, released[2], 0);

	/* Taken: out of the set, not released, and the caller's. */
	KUNIT_EXPECT_PTR_EQ(test, nova_devrec_take(&recs, a), &r[2].rec);
	KUNIT_EXPECT_NULL(test, nova_devrec_take(&recs, a));
	KUNIT_EXPECT_EQ(test, released[2], 0);
	nova_devrec_add(&recs, &r[2].rec, a, t_release);

	nova_devrec_drop(&recs, b);
	KUNIT_EXPECT_EQ(test, released[1], 1);
	KUNIT_EXPECT_NULL(test, nova_devrec_take(&recs, b));

	nova_devrec_add(&recs, &r[3].rec, b, t_release);
	nova_devrec_drop_all(&recs);
	KUNIT_EXPECT_TRUE(test, list_empty(&recs.list));
	KUNIT_EXPECT_EQ(test, released[0], 1);
	KUNIT_EXPECT_EQ(test, released[1], 1);
	KUNIT_EXPECT_EQ(test, released[2], 1);
	KUNIT_EXPECT_EQ(test, released[3], 1);
	mutex_destroy(&recs.lock);
}

static struct kunit_case nova_devrec_cases[] = {
	KUNIT_CASE(devrec_test),
	{}
};

static struct kunit_suite nova_devrec_suite = {
	.name = "nova_core_devrec",
	.test_cases = nova_devrec_cases,
};

kunit_test_suite(nova_devrec_suite);
