// SPDX-License-Identifier: GPL-2.0
/*
 * nova_core: the GPU's interrupt.
 *
 * One interrupt per GPU, whatever the bus gives: MSI (else INTx) on PCI,
 * the platform device's interrupt on an emulated GPU. One threaded handler
 * serves the blocks whose interrupt status registers it knows; today the
 * falcons (GSP and SEC2), whose halt wakes nova_falcon_boot(). The hard
 * handler only claims the interrupt and masks what it took, so a shared
 * line that is not ours, or a spurious interrupt, costs two register reads
 * per falcon and returns IRQ_NONE.
 */

#include <linux/device.h>
#include <linux/interrupt.h>

#include "device.h"
#include "falcon/falcon.h"

static irqreturn_t nova_irq_hard(int irq, void *arg)
{
	struct nova_device *nd = arg;
	u32 gsp = nova_falcon_irq_take(&nd->gsp);
	u32 sec2 = nova_falcon_irq_take(&nd->sec2);

	return gsp || sec2 ? IRQ_WAKE_THREAD : IRQ_NONE;
}

/*
 * An MSI is an edge: one raised while the handler runs, or while it runs
 * on another CPU, may be dropped. So once its work is done the thread
 * looks again, and takes what came meanwhile itself, a bounded number of
 * times (a falcon that keeps interrupting is masked by its own handling).
 */
#define NOVA_IRQ_THREAD_ROUNDS	128

static irqreturn_t nova_irq_thread(int irq, void *arg)
{
	struct nova_device *nd = arg;
	unsigned int round = 0;
	u32 more;

	do {
		nova_falcon_irq_handle(&nd->gsp);
		nova_falcon_irq_handle(&nd->sec2);
		more = nova_falcon_irq_take(&nd->gsp);
		more |= nova_falcon_irq_take(&nd->sec2);
	} while (more && ++round < NOVA_IRQ_THREAD_ROUNDS);
	/* Nothing taken is left unhandled (and masked). */
	if (more) {
		nova_falcon_irq_handle(&nd->gsp);
		nova_falcon_irq_handle(&nd->sec2);
	}
	return IRQ_HANDLED;
}

/**
 * nova_irq_init() - take the GPU's interrupt, device-managed
 * @nd: the GPU, its falcons described
 * @irq: the interrupt the bus gave it, or a negative errno (or 0) if none
 *
 * The falcons' interrupts are masked and cleared first. Without an
 * interrupt the GPU still works: nova_falcon_boot() polls; one line says
 * so.
 *
 * Return: 0, or a negative errno if the interrupt could not be requested.
 */
int nova_irq_init(struct nova_device *nd, int irq)
{
	int ret;

	spin_lock_init(&nd->irq_lock);
	nd->irq = 0;
	if (irq <= 0) {
		dev_notice(nd->dev, "no interrupt (%d): waiting for the falcons by polling\n",
			   irq);
		return 0;
	}

	nova_falcon_irq_quiet(&nd->gsp);
	nova_falcon_irq_quiet(&nd->sec2);
	ret = devm_request_threaded_irq(nd->dev, irq, nova_irq_hard,
					nova_irq_thread, IRQF_SHARED,
					dev_name(nd->dev), nd);
	if (ret)
		return dev_err_probe(nd->dev, ret, "failed to request interrupt %d\n",
				     irq);
	nd->irq = irq;
	return 0;
}
