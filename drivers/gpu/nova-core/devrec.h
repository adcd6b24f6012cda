/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Records nova_core keeps about a device past its unbind, keyed by the
 * device's name: what a later probe of the same device, or debugfs, needs.
 */
#ifndef __NOVA_CORE_DEVREC_H__
#define __NOVA_CORE_DEVREC_H__

#include <linux/list.h>
#include <linux/mutex.h>

struct device;

/**
 * struct nova_devrec - one record about a device, embedded in its holder
 * @node: entry in its &struct nova_devrecs while it is there.
 * @name: the device's name, as dev_name() gave it.
 * @release: frees the holder; called with no lock held.
 */
struct nova_devrec {
	struct list_head node;
	char name[64];
	void (*release)(struct nova_devrec *rec);
};

/**
 * struct nova_devrecs - records keyed by device name, at most one per name
 * @lock: protects @list.
 * @list: the records (&struct nova_devrec.node).
 */
struct nova_devrecs {
	struct mutex lock; /* protects list */
	struct list_head list;
};

void nova_devrec_add(struct nova_devrecs *recs, struct nova_devrec *rec,
		     const struct device *dev,
		     void (*release)(struct nova_devrec *rec));
struct nova_devrec *nova_devrec_take(struct nova_devrecs *recs,
				     const struct device *dev);
void nova_devrec_drop(struct nova_devrecs *recs, const struct device *dev);
void nova_devrec_drop_all(struct nova_devrecs *recs);

#endif /* __NOVA_CORE_DEVREC_H__ */
