// SPDX-License-Identifier: GPL-2.0
/*
 * nova_emu: the interrupt lines of the emulated GPUs.
 *
 * One interrupt domain of %NOVA_EMU_IRQ_LINES simulated lines serves every
 * emulated GPU, as gpio-sim serves its chips: each GPU is given a line
 * (the lowest one no other GPU uses, or the one its irq= key names, which
 * GPUs may share) and its platform device carries that line's Linux
 * interrupt as IRQ resource 0, which nova_core takes with
 * platform_get_irq(). A rising level of the GPU's line marks the interrupt
 * pending; the kernel then runs its handlers from an irq_work, in hard
 * interrupt context, as for a message-signalled interrupt.
 *
 * The domain is the kernel's irq_sim where the kernel has it (Debian's
 * newest kernel, the debug kernel). Debian's 6.1 and 6.12 kernels are
 * built without it, so for those this file provides a domain of its own
 * that behaves the same way: a line is delivered only while a handler has
 * it enabled, and setting it pending queues an irq_work that handles every
 * pending line.
 */

#include <linux/bitmap.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/irq_work.h>
#include <linux/slab.h>
#if IS_ENABLED(CONFIG_IRQ_SIM)
#include <linux/irq_sim.h>
#endif

#include "emu.h"
#include "host.h"

/*
 * The domain, its fwnode and the Linux interrupts of the lines mapped so
 * far (0: not mapped), for the module's lifetime. Set at init and exit;
 * nova_emu_irq_map_line() runs under the module's device lock.
 */
static struct irq_domain *nova_emu_irq_domain;
static struct fwnode_handle *nova_emu_irq_fwnode;
static unsigned int nova_emu_irq_virq[NOVA_EMU_IRQ_LINES];

#if !IS_ENABLED(CONFIG_IRQ_SIM)
/**
 * struct nova_emu_irq_lines - the lines of the module's own domain
 * @work: delivers the pending lines.
 * @domain: the domain.
 * @pending: the lines set pending and not yet delivered.
 * @enabled: the lines a handler has enabled (unmasked).
 *
 * The bitmaps are changed with atomic bit operations, from any context.
 */
struct nova_emu_irq_lines {
	struct irq_work work;
	struct irq_domain *domain;
	DECLARE_BITMAP(pending, NOVA_EMU_IRQ_LINES);
	DECLARE_BITMAP(enabled, NOVA_EMU_IRQ_LINES);
};

static struct nova_emu_irq_lines *nova_emu_irq_lines;

static void nova_emu_irq_deliver(struct irq_work *work)
{
	struct nova_emu_irq_lines *l =
		container_of(work, struct nova_emu_irq_lines, work);
	unsigned int line;

	for_each_set_bit(line, l->pending, NOVA_EMU_IRQ_LINES) {
		if (test_and_clear_bit(line, l->pending))
			generic_handle_domain_irq(l->domain, line);
	}
}

static void nova_emu_irq_mask(struct irq_data *d)
{
	struct nova_emu_irq_lines *l = irq_data_get_irq_chip_data(d);

	clear_bit(irqd_to_hwirq(d), l->enabled);
}

static void nova_emu_irq_unmask(struct irq_data *d)
{
	struct nova_emu_irq_lines *l = irq_data_get_irq_chip_data(d);

	set_bit(irqd_to_hwirq(d), l->enabled);
	if (test_bit(irqd_to_hwirq(d), l->pending))
		irq_work_queue(&l->work);
}

static int nova_emu_irq_set_type(struct irq_data *d, unsigned int type)
{
	return type & ~IRQ_TYPE_EDGE_BOTH ? -EINVAL : 0;
}

static int nova_emu_irq_get_state(struct irq_data *d,
				  enum irqchip_irq_state which, bool *state)
{
	struct nova_emu_irq_lines *l = irq_data_get_irq_chip_data(d);

	if (which != IRQCHIP_STATE_PENDING)
		return -EINVAL;
	*state = test_bit(irqd_to_hwirq(d), l->enabled) &&
		 test_bit(irqd_to_hwirq(d), l->pending);
	return 0;
}

static int nova_emu_irq_set_state(struct irq_data *d,
				  enum irqchip_irq_state which, bool state)
{
	struct nova_emu_irq_lines *l = irq_data_get_irq_chip_data(d);

	if (which != IRQCHIP_STATE_PENDING)
		return -EINVAL;
	if (!test_bit(irqd_to_hwirq(d), l->enabled))
		return 0;
	assign_bit(irqd_to_hwirq(d), l->pending, state);
	if (state)
		irq_work_queue(&l->work);
	return 0;
}

static struct irq_chip nova_emu_irq_chip = {
	.name = "nova_emu",
	.irq_mask = nova_emu_irq_mask,
	.irq_unmask = nova_emu_irq_unmask,
	.irq_set_type = nova_emu_irq_set_type,
	.irq_get_irqchip_state = nova_emu_irq_get_state,
	.irq_set_irqchip_state = nova_emu_irq_set_state,
};

static int nova_emu_irq_map(struct irq_domain *domain, unsigned int virq,
			    irq_hw_number_t hw)
{
	irq_set_chip_and_handler(virq, &nova_emu_irq_chip, handle_simple_irq);
	irq_set_chip_data(virq, domain->host_data);
	irq_modify_status(virq, IRQ_NOREQUEST | IRQ_NOAUTOEN, IRQ_NOPROBE);
	return 0;
}

static void nova_emu_irq_unmap(struct irq_domain *domain, unsigned int virq)
{
	irq_set_chip_and_handler(virq, NULL, NULL);
	irq_set_chip_data(virq, NULL);
}

static const struct irq_domain_ops nova_emu_irq_domain_ops = {
	.map = nova_emu_irq_map,
	.unmap = nova_emu_irq_unmap,
};

static struct irq_domain *nova_emu_irq_domain_create(struct fwnode_handle *fw)
{
	struct nova_emu_irq_lines *l;

	l = kzalloc(sizeof(*l), GFP_KERNEL);
	if (!l)
		return ERR_PTR(-ENOMEM);
	init_irq_work(&l->work, nova_emu_irq_deliver);
	l->domain = irq_domain_create_linear(fw, NOVA_EMU_IRQ_LINES,
					     &nova_emu_irq_domain_ops, l);
	if (!l->domain) {
		kfree(l);
		return ERR_PTR(-ENOMEM);
	}
	nova_emu_irq_lines = l;
	return l->domain;
}

static void nova_emu_irq_domain_remove(struct irq_domain *domain)
{
	struct nova_emu_irq_lines *l = nova_emu_irq_lines;

	irq_work_sync(&l->work);
	irq_domain_remove(domain);
	kfree(l);
	nova_emu_irq_lines = NULL;
}
#else
static struct irq_domain *nova_emu_irq_domain_create(struct fwnode_handle *fw)
{
	return irq_domain_create_sim(fw, NOVA_EMU_IRQ_LINES);
}

static void nova_emu_irq_domain_remove(struct irq_domain *domain)
{
	irq_domain_remove_sim(domain);
}
#endif

/**
 * nova_emu_irq_init() - create the interrupt domain of the emulated GPUs
 *
 * Return: 0, or a negative error code.
 */
int nova_emu_irq_init(void)
{
	struct irq_domain *domain;

	nova_emu_irq_fwnode = irq_domain_alloc_named_fwnode("nova_emu");
	if (!nova_emu_irq_fwnode)
		return -ENOMEM;
	domain = nova_emu_irq_domain_create(nova_emu_irq_fwnode);
	if (IS_ERR(domain)) {
		irq_domain_free_fwnode(nova_emu_irq_fwnode);
		return PTR_ERR(domain);
	}
	nova_emu_irq_domain = domain;
	return 0;
}

/**
 * nova_emu_irq_exit() - remove the lines and the domain, once no GPU is left
 */
void nova_emu_irq_exit(void)
{
	unsigned int line;

	/* No interrupt may outlive the domain (or this module's chip). */
	for (line = 0; line < NOVA_EMU_IRQ_LINES; line++) {
		if (nova_emu_irq_virq[line])
			irq_dispose_mapping(nova_emu_irq_virq[line]);
		nova_emu_irq_virq[line] = 0;
	}
	nova_emu_irq_domain_remove(nova_emu_irq_domain);
	irq_domain_free_fwnode(nova_emu_irq_fwnode);
	nova_emu_irq_domain = NULL;
}

/**
 * nova_emu_irq_map_line() - the Linux interrupt of a line
 * @line: the line, below %NOVA_EMU_IRQ_LINES
 *
 * Return: the interrupt number, or 0 if it could not be mapped.
 */
unsigned int nova_emu_irq_map_line(unsigned int line)
{
	if (!nova_emu_irq_virq[line])
		nova_emu_irq_virq[line] = irq_create_mapping(nova_emu_irq_domain,
							     line);
	return nova_emu_irq_virq[line];
}

/**
 * nova_emu_host_irq() - the level of a GPU's interrupt line changed
 * @gpu: the emulated GPU
 * @level: the new level
 *
 * A rising level makes the interrupt pending (delivered if a handler has
 * it enabled), as a message-signalled interrupt would; a falling level
 * does nothing. Counted in emu/irqs. Call without the GPU's lock held.
 */
void nova_emu_host_irq(struct nova_emu_gpu *gpu, bool level)
{
	if (!level)
		return;
	atomic64_inc(&gpu->irqs);
	irq_set_irqchip_state(gpu->irq, IRQCHIP_STATE_PENDING, true);
}
