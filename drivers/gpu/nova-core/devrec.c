// SPDX-License-Identifier: GPL-2.0
/*
 * Records nova_core keeps about a device past its unbind, keyed by the
 * device's name (the logs of a failed GSP boot, a GPU whose GSP could not
 * be stopped). At most one record per name in a set; the module drops
 * every set at unload.
 */

#include <linux/device.h>
#include <linux/string.h>

#include "devrec.h"

/* The record of @name in @recs, or NULL; @recs->lock held. */
static struct nova_devrec *nova_devrec_find(struct nova_devrecs *recs,
					    const char *name)
	__must_hold(&recs->lock)
{
	struct nova_devrec *rec;

	lockdep_assert_held(&recs->lock);
	list_for_each_entry(rec, &recs->list, node)
		if (!strcmp(rec->name, name))
			return rec;
	return NULL;
}

/**
 * nova_devrec_add() - keep a record about a device
 * @recs: the set
 * @rec: the record, embedded in what it keeps; @recs owns it from now on
 * @dev: the device
 * @release: frees what embeds @rec
 *
 * A record @recs held for the same name before is released.
 */
void nova_devrec_add(struct nova_devrecs *recs, struct nova_devrec *rec,
		     const struct device *dev,
		     void (*release)(struct nova_devrec *rec))
{
	struct nova_devrec *old;

	strscpy(rec->name, dev_name(dev), sizeof(rec->name));
	rec->release = release;
	mutex_lock(&recs->lock);
	old = nova_devrec_find(recs, rec->name);
	if (old)
		list_del(&old->node);
	list_add(&rec->node, &recs->list);
	mutex_unlock(&recs->lock);
	if (old)
		old->release(old);
}

/**
 * nova_devrec_take() - take a device's record out of a set
 * @recs: the set
 * @dev: the device
 *
 * Return: the record, now the caller's (to release, or to add back), or
 * NULL if @recs has none for @dev.
 */
struct nova_devrec *nova_devrec_take(struct nova_devrecs *recs,
				     const struct device *dev)
{
	struct nova_devrec *rec;

	mutex_lock(&recs->lock);
	rec = nova_devrec_find(recs, dev_name(dev));
	if (rec)
		list_del_init(&rec->node);
	mutex_unlock(&recs->lock);
	return rec;
}

/**
 * nova_devrec_drop() - release a device's record, if the set has one
 * @recs: the set
 * @dev: the device
 */
void nova_devrec_drop(struct nova_devrecs *recs, const struct device *dev)
{
	struct nova_devrec *rec = nova_devrec_take(recs, dev);

	if (rec)
		rec->release(rec);
}

/**
 * nova_devrec_drop_all() - release every record of a set, at module unload
 * @recs: the set
 */
void nova_devrec_drop_all(struct nova_devrecs *recs)
{
	struct nova_devrec *rec, *tmp;
	LIST_HEAD(gone);

	mutex_lock(&recs->lock);
	list_splice_init(&recs->list, &gone);
	mutex_unlock(&recs->lock);
	list_for_each_entry_safe(rec, tmp, &gone, node) {
		list_del(&rec->node);
		rec->release(rec);
	}
}
