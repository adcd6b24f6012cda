// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the kernel as the GPU model's host, work and time (host.h).
 * DMA is in dma.c, the interrupt in irq.c.
 *
 * Each emulated GPU has an ordered workqueue, "nova_emu.<id>", its own
 * worker: the model's engines run there one job at a time, in process
 * context and without the register lock, while register accesses go on.
 */

#include <linux/ktime.h>
#include <linux/workqueue.h>

#include "emu.h"
#include "host.h"

static void nova_emu_job_run(struct work_struct *work)
{
	struct nova_emu_job *job =
		container_of(to_delayed_work(work), struct nova_emu_job, work);

	job->fn(job);
}

/**
 * nova_emu_host_job_init() - prepare a job of an engine
 * @job: the job
 * @gpu: the GPU whose worker runs it
 * @fn: what it does
 */
void nova_emu_host_job_init(struct nova_emu_job *job, struct nova_emu_gpu *gpu,
			    void (*fn)(struct nova_emu_job *job))
{
	INIT_DELAYED_WORK(&job->work, nova_emu_job_run);
	job->gpu = gpu;
	job->fn = fn;
}

/**
 * nova_emu_host_job_queue() - run a job on the GPU's worker
 * @job: the job
 * @delay_ns: not before this many nanoseconds from now
 *
 * Queueing a job that is already pending does nothing. Any context.
 */
void nova_emu_host_job_queue(struct nova_emu_job *job, u64 delay_ns)
{
	queue_delayed_work(job->gpu->wq, &job->work,
			   nsecs_to_jiffies(delay_ns));
}

/**
 * nova_emu_host_job_cancel() - take a pending job off the worker
 * @job: the job
 *
 * Does not wait for a job that is running. Any context.
 *
 * Return: true if the job was pending and now will not run.
 */
bool nova_emu_host_job_cancel(struct nova_emu_job *job)
{
	return cancel_delayed_work(&job->work);
}

/**
 * nova_emu_host_job_flush() - wait for a job to have run
 * @job: the job
 *
 * A pending job is run at once; a running one is waited for. Sleeps.
 */
void nova_emu_host_job_flush(struct nova_emu_job *job)
{
	flush_delayed_work(&job->work);
}

/**
 * nova_emu_host_job_kill() - make sure a job does not run again
 * @job: the job, which nothing queues any more
 *
 * Sleeps until a running job has returned.
 */
void nova_emu_host_job_kill(struct nova_emu_job *job)
{
	cancel_delayed_work_sync(&job->work);
}

/**
 * nova_emu_host_now_ns() - the model's clock
 *
 * Return: monotonic time in nanoseconds.
 */
u64 nova_emu_host_now_ns(void)
{
	return ktime_get_ns();
}
