/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What gsp/cmdq.c and gsp/rpc.c need of nova_core's device.h, on the host
 * (bench/host/gsp-bench.c): the driver's own gsp.h, a &struct nova_device
 * holding only what those files touch, and the register write and DMA
 * buffers the benchmark provides. Included before each of them
 * (gcc -include), so the real device.h, which needs the whole kernel, is
 * skipped.
 */
#ifndef __BENCH_NOVA_SHIM_H__
#define __BENCH_NOVA_SHIM_H__

#define __NOVA_CORE_DEVICE_H__
#include "kstub.h"
#include "../../drivers/gpu/nova-core/gsp/gsp.h"

struct nova_device {
	struct device *dev;
	struct nova_gsp gsp_rm;
};

void nova_wr32(struct nova_device *nd, u32 reg, u32 val);

#endif
