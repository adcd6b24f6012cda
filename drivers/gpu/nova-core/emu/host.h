/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nova_emu: what the GPU model needs from its host.
 *
 * The model (registers, falcons, the ucode models, later GSP-RM) does to
 * its driver what a PCI GPU does: MMIO, an interrupt, bus-master DMA, and
 * engines that run on their own and take time. It reaches the world only
 * through the functions below, which its host provides:
 *
 * - DMA: nova_emu_host_dma() reads or writes the driver's memory at a bus
 *   address. It is the only way from a bus address to memory, and it
 *   refuses (and counts) an access outside what the driver mapped.
 * - the interrupt: nova_emu_host_irq() is told the level of the GPU's
 *   interrupt line each time the model changes it.
 * - work: engines run as jobs on the GPU's own worker, one at a time,
 *   never inside a register access and never under the register lock.
 * - time: nova_emu_host_now_ns().
 *
 * nova_emu.ko is the first host: DMA through DMA operations of its own on
 * the emulated platform device (dma.c), an irq_sim interrupt (irq.c), an
 * ordered workqueue per GPU and ktime (host.c). Another host (a user-space
 * harness, a PCI device in QEMU) provides the same functions and a
 * &struct nova_emu_job of its own.
 */
#ifndef __NOVA_EMU_HOST_H__
#define __NOVA_EMU_HOST_H__

#include <linux/types.h>
#include <linux/workqueue.h>

struct nova_emu_gpu;

/**
 * struct nova_emu_job - work an engine of the model runs on the GPU's worker
 * @work: (kernel host) the delayed work it runs as, on the GPU's ordered
 *	workqueue.
 * @gpu: the GPU.
 * @fn: what the job does; runs in process context with no lock held.
 *
 * A job runs at most once per queueing; the jobs of one GPU never run
 * concurrently.
 */
struct nova_emu_job {
	struct delayed_work work;
	struct nova_emu_gpu *gpu;
	void (*fn)(struct nova_emu_job *job);
};

int nova_emu_host_dma(struct nova_emu_gpu *gpu, u64 addr, void *buf,
		      size_t len, bool write);
void nova_emu_host_irq(struct nova_emu_gpu *gpu, bool level);
void nova_emu_host_job_init(struct nova_emu_job *job, struct nova_emu_gpu *gpu,
			    void (*fn)(struct nova_emu_job *job));
void nova_emu_host_job_queue(struct nova_emu_job *job, u64 delay_ns);
bool nova_emu_host_job_cancel(struct nova_emu_job *job);
u64 nova_emu_host_now_ns(void);

#endif /* __NOVA_EMU_HOST_H__ */
