/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_core booter: NVIDIA's heavy-secure ucodes for SEC2 that load
 * GSP-RM into WPR2 (booter_load) and take it out again (booter_unload).
 */
#ifndef __NOVA_CORE_BOOTER_H__
#define __NOVA_CORE_BOOTER_H__

#include <linux/types.h>

struct nova_device;
struct nova_fw_booter;

int nova_booter_check(struct nova_device *nd, const struct nova_fw_booter *b,
		      const char *what);
int nova_booter_run(struct nova_device *nd, const struct nova_fw_booter *b,
		    const char *what, u32 mbox0_in, u32 mbox1_in, u32 *mbox0);

#endif /* __NOVA_CORE_BOOTER_H__ */
