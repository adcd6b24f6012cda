/*
 * nova-gpu: the project's GPU model (drivers/gpu/nova-core/emu) as a PCI
 * device, so that nova_core's PCI path and independent drivers (nouveau)
 * can bind it. The model is the very source nova_emu.ko hosts, built as a
 * user-space library (qemu/lib, nova_emu_lib.h); this file is its QEMU
 * host: BAR0 is the model's registers, BAR1 and BAR3 plain memory (the
 * VRAM and instance-memory apertures), the expansion ROM the model's
 * VBIOS, one MSI vector or INTx the model's interrupt line, bus-master
 * DMA through QEMU's DMA API (so through an IOMMU where the machine has
 * one), and the model's engines on a timer of the virtual clock.
 *
 *   -device nova-gpu,config=chipset=ga102:vram=256M,fw-dir=DIR
 *
 * config takes nova_emu's new_device keys (docs/emulator.md), separated
 * by spaces or colons; fw-dir is
 * where the model reads its files (nova_emu/<chip>.rom, NVIDIA's
 * nvidia/<chip>/gsp/ files). At run time, the properties named as
 * nova_emu's sysfs attributes show what GSP-RM does (gsp, wpr2), count
 * what the model did not model or refused (unmodeled, dma_faults,
 * gsp_errors), and arm a GSP-RM misbehaviour (gsp_misbehave, qom-set)
 * or set the FSP's mode (fsp_misbehave, on Hopper and Blackwell);
 * the counters are also printed when the device goes away.
 *
 * SPDX-License-Identifier: GPL-2.0
 */

#include "qemu/osdep.h"
#include "qemu/units.h"
#include "qemu/log.h"
#include "qemu/timer.h"
#include "qemu/module.h"
#include "qapi/error.h"
#include "qapi/visitor.h"
#include "hw/pci/pci.h"
#include "hw/pci/msi.h"
#include "hw/qdev-properties.h"
#include "qom/object.h"

#include "nova_emu_lib.h"

#define TYPE_NOVA_GPU "nova-gpu"
OBJECT_DECLARE_SIMPLE_TYPE(NovaGpuState, NOVA_GPU)

/* BAR3, the instance-memory aperture of Turing and later boards. */
#define NOVA_GPU_BAR3_SIZE (32 * MiB)

struct NovaGpuState {
    PCIDevice pdev;
    MemoryRegion bar0;
    MemoryRegion vram;
    MemoryRegion bar3;
    MemoryRegion rom;
    QEMUTimer timer;
    struct nova_emu_lib *gpu;
    bool irq_level;
    char *config;
    char *fw_dir;
};

/*
 * The PCI device id of one board of each chip (the PCI ID database), and
 * its class: a display controller, or a 3D controller for the
 * data-centre parts.
 */
static const struct {
    const char *chip;
    uint16_t device;
    uint16_t class;
} nova_gpu_ids[] = {
    { "tu102", 0x1e02, PCI_CLASS_DISPLAY_VGA },  /* TITAN RTX */
    { "tu104", 0x1e87, PCI_CLASS_DISPLAY_VGA },  /* RTX 2080 */
    { "tu106", 0x1f07, PCI_CLASS_DISPLAY_VGA },  /* RTX 2070 */
    { "tu116", 0x2182, PCI_CLASS_DISPLAY_VGA },  /* GTX 1660 Ti */
    { "tu117", 0x1f82, PCI_CLASS_DISPLAY_VGA },  /* GTX 1650 */
    { "ga100", 0x20b0, PCI_CLASS_DISPLAY_3D },   /* A100 */
    { "ga102", 0x2204, PCI_CLASS_DISPLAY_VGA },  /* RTX 3090 */
    { "ga103", 0x2414, PCI_CLASS_DISPLAY_VGA },  /* RTX 3060 Ti */
    { "ga104", 0x2484, PCI_CLASS_DISPLAY_VGA },  /* RTX 3070 */
    { "ga106", 0x2503, PCI_CLASS_DISPLAY_VGA },  /* RTX 3060 */
    { "ga107", 0x2507, PCI_CLASS_DISPLAY_VGA },  /* RTX 3050 */
    { "ad102", 0x2684, PCI_CLASS_DISPLAY_VGA },  /* RTX 4090 */
    { "ad103", 0x2704, PCI_CLASS_DISPLAY_VGA },  /* RTX 4080 */
    { "ad104", 0x2782, PCI_CLASS_DISPLAY_VGA },  /* RTX 4070 Ti */
    { "ad106", 0x2803, PCI_CLASS_DISPLAY_VGA },  /* RTX 4060 Ti */
    { "ad107", 0x2882, PCI_CLASS_DISPLAY_VGA },  /* RTX 4060 */
};

static uint64_t nova_gpu_bar0_read(void *opaque, hwaddr addr, unsigned size)
{
    NovaGpuState *s = opaque;

    return nova_emu_lib_rd32(s->gpu, addr);
}

static void nova_gpu_bar0_write(void *opaque, hwaddr addr, uint64_t val,
                                unsigned size)
{
    NovaGpuState *s = opaque;

    nova_emu_lib_wr32(s->gpu, addr, val);
}

/* BAR0 is 32-bit registers; QEMU widens narrower accesses. */
static const MemoryRegionOps nova_gpu_bar0_ops = {
    .read = nova_gpu_bar0_read,
    .write = nova_gpu_bar0_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid = { .min_access_size = 1, .max_access_size = 4 },
    .impl = { .min_access_size = 4, .max_access_size = 4 },
};

/* The model's host callbacks. */
static int nova_gpu_dma(void *opaque, uint64_t addr, void *buf, size_t len,
                        bool write)
{
    NovaGpuState *s = opaque;
    MemTxResult r;

    if (write) {
        r = pci_dma_write(&s->pdev, addr, buf, len);
    } else {
        r = pci_dma_read(&s->pdev, addr, buf, len);
    }
    return r == MEMTX_OK ? 0 : -EFAULT;
}

static void nova_gpu_irq(void *opaque, bool level)
{
    NovaGpuState *s = opaque;

    if (msi_enabled(&s->pdev)) {
        /* A message on each rising level, as the hardware's MSI. */
        if (level && !s->irq_level) {
            msi_notify(&s->pdev, 0);
        }
    } else {
        pci_set_irq(&s->pdev, level);
    }
    s->irq_level = level;
}

static void nova_gpu_timer_arm(void *opaque, uint64_t when_ns)
{
    NovaGpuState *s = opaque;

    timer_mod_ns(&s->timer, when_ns);
}

static uint64_t nova_gpu_now(void *opaque)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

static void nova_gpu_log(void *opaque, const char *level, const char *line)
{
    NovaGpuState *s = opaque;

    /* What the model says of a driver's mistake is always shown. */
    fprintf(stderr, "%s %02x:%02x.%x: %s: %s\n", TYPE_NOVA_GPU,
            pci_dev_bus_num(&s->pdev), PCI_SLOT(s->pdev.devfn),
            PCI_FUNC(s->pdev.devfn), level, line);
}

static uint64_t nova_gpu_clock(void)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

static void nova_gpu_timer(void *opaque)
{
    NovaGpuState *s = opaque;

    nova_emu_lib_run(s->gpu);
}

static void nova_gpu_realize(PCIDevice *pdev, Error **errp)
{
    ERRP_GUARD();
    NovaGpuState *s = NOVA_GPU(pdev);
    const struct nova_emu_lib_ops ops = {
        .opaque = s,
        .dma = nova_gpu_dma,
        .irq = nova_gpu_irq,
        .timer = nova_gpu_timer_arm,
        .now_ns = nova_gpu_now,
        .log = nova_gpu_log,
    };
    struct nova_emu_lib_info info;
    uint16_t device = 0x2204, class = PCI_CLASS_DISPLAY_VGA;
    char err[256];
    size_t i;

    /* Keys are separated by spaces or, on a command line, by colons. */
    if (s->config) {
        g_strdelimit(s->config, ":", ' ');
    }
    nova_emu_lib_set_clock(nova_gpu_clock);
    timer_init_ns(&s->timer, QEMU_CLOCK_VIRTUAL, nova_gpu_timer, s);
    s->gpu = nova_emu_lib_create(s->config, s->fw_dir, &ops, err, sizeof(err));
    if (!s->gpu) {
        error_setg(errp, "nova-gpu: %s", err);
        return;
    }
    nova_emu_lib_info(s->gpu, &info);
    for (i = 0; i < ARRAY_SIZE(nova_gpu_ids); i++) {
        if (!strcmp(nova_gpu_ids[i].chip, info.chip)) {
            device = nova_gpu_ids[i].device;
            class = nova_gpu_ids[i].class;
        }
    }
    pci_config_set_vendor_id(pdev->config, PCI_VENDOR_ID_NVIDIA);
    pci_config_set_device_id(pdev->config, device);
    pci_config_set_class(pdev->config, class);
    pci_config_set_revision(pdev->config, 0xa1);
    pci_config_set_interrupt_pin(pdev->config, 1);

    if (msi_init(pdev, 0, 1, true, false, errp)) {
        goto fail;
    }
    memory_region_init_io(&s->bar0, OBJECT(s), &nova_gpu_bar0_ops, s,
                          "nova-gpu-bar0", info.bar0_size);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar0);
    memory_region_init_ram(&s->vram, OBJECT(s), "nova-gpu-vram",
                           info.vram_bar_size, errp);
    if (*errp) {
        goto fail_msi;
    }
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_MEMORY |
                     PCI_BASE_ADDRESS_MEM_TYPE_64 |
                     PCI_BASE_ADDRESS_MEM_PREFETCH, &s->vram);
    memory_region_init_ram(&s->bar3, OBJECT(s), "nova-gpu-bar3",
                           NOVA_GPU_BAR3_SIZE, errp);
    if (*errp) {
        goto fail_msi;
    }
    pci_register_bar(pdev, 3, PCI_BASE_ADDRESS_SPACE_MEMORY |
                     PCI_BASE_ADDRESS_MEM_TYPE_64 |
                     PCI_BASE_ADDRESS_MEM_PREFETCH, &s->bar3);

    /* The expansion ROM: the model's VBIOS, as its PROM window shows it. */
    if (info.rom_size && !pdev->romfile) {
        uint64_t size = pow2ceil(MAX(info.rom_size, 2 * KiB));

        memory_region_init_rom(&s->rom, OBJECT(s), "nova-gpu-rom", size, errp);
        if (*errp) {
            goto fail_msi;
        }
        memcpy(memory_region_get_ram_ptr(&s->rom), info.rom, info.rom_size);
        pci_register_bar(pdev, PCI_ROM_SLOT, 0, &s->rom);
    }
    return;

fail_msi:
    msi_uninit(pdev);
fail:
    nova_emu_lib_destroy(s->gpu);
    s->gpu = NULL;
}

static void nova_gpu_exit(PCIDevice *pdev)
{
    NovaGpuState *s = NOVA_GPU(pdev);
    struct nova_emu_lib_info info;

    timer_del(&s->timer);
    if (s->gpu) {
        nova_emu_lib_info(s->gpu, &info);
        fprintf(stderr, "%s %02x:%02x.%x: unmodeled %" PRIu64 ", dma_faults %"
                PRIu64 ", gsp_errors %" PRIu64 "\n", TYPE_NOVA_GPU,
                pci_dev_bus_num(pdev), PCI_SLOT(pdev->devfn),
                PCI_FUNC(pdev->devfn), info.unmodeled, info.dma_faults,
                info.gsp_errors);
        nova_emu_lib_destroy(s->gpu);
        s->gpu = NULL;
    }
    msi_uninit(pdev);
}

/* A reset of the machine or of the device: the GPU's power-on state. */
static void nova_gpu_reset(DeviceState *dev)
{
    NovaGpuState *s = NOVA_GPU(dev);

    if (s->gpu) {
        nova_emu_lib_reset(s->gpu);
    }
    s->irq_level = false;
}

/*
 * Run-time properties, for QMP or the human monitor (qom-get, qom-set),
 * under the names of nova_emu's sysfs attributes (docs/emulator.md): what
 * GSP-RM does, WPR2, the counters, and GSP-RM's misbehaviour to arm.
 */
static bool nova_gpu_info(Object *obj, struct nova_emu_lib_info *info,
                          Error **errp)
{
    NovaGpuState *s = NOVA_GPU(obj);

    if (!s->gpu) {
        error_setg(errp, "nova-gpu: not realized");
        return false;
    }
    nova_emu_lib_info(s->gpu, info);
    return true;
}

static char *nova_gpu_get_gsp(Object *obj, Error **errp)
{
    struct nova_emu_lib_info info;

    return nova_gpu_info(obj, &info, errp) ? g_strdup(info.gsp) : NULL;
}

static char *nova_gpu_get_wpr2(Object *obj, Error **errp)
{
    struct nova_emu_lib_info info;

    if (!nova_gpu_info(obj, &info, errp)) {
        return NULL;
    }
    if (!info.wpr2_end) {
        return g_strdup("none");
    }
    return g_strdup_printf("0x%" PRIx64 "-0x%" PRIx64, info.wpr2_start,
                           info.wpr2_end);
}

static void nova_gpu_get_counter(Object *obj, Visitor *v, const char *name,
                                 void *opaque, Error **errp)
{
    struct nova_emu_lib_info info;
    uint64_t val;

    if (!nova_gpu_info(obj, &info, errp)) {
        return;
    }
    if (!strcmp(name, "unmodeled")) {
        val = info.unmodeled;
    } else if (!strcmp(name, "dma_faults")) {
        val = info.dma_faults;
    } else {
        val = info.gsp_errors;
    }
    visit_type_uint64(v, name, &val, errp);
}

static char *nova_gpu_get_misbehave(Object *obj, Error **errp)
{
    struct nova_emu_lib_info info;

    return nova_gpu_info(obj, &info, errp) ? g_strdup(info.misbehave) : NULL;
}

static void nova_gpu_set_misbehave(Object *obj, const char *value, Error **errp)
{
    NovaGpuState *s = NOVA_GPU(obj);

    if (!s->gpu || nova_emu_lib_misbehave(s->gpu, value)) {
        error_setg(errp, "nova-gpu: unknown misbehaviour \"%s\"", value);
    }
}

static char *nova_gpu_get_fsp_misbehave(Object *obj, Error **errp)
{
    struct nova_emu_lib_info info;

    return nova_gpu_info(obj, &info, errp) ? g_strdup(info.fsp_misbehave) : NULL;
}

static void nova_gpu_set_fsp_misbehave(Object *obj, const char *value,
                                       Error **errp)
{
    NovaGpuState *s = NOVA_GPU(obj);

    if (!s->gpu || nova_emu_lib_fsp_misbehave(s->gpu, value)) {
        error_setg(errp, "nova-gpu: no FSP mode \"%s\" on this GPU", value);
    }
}

static void nova_gpu_instance_init(Object *obj)
{
    static const char *const counters[] = {
        "unmodeled", "dma_faults", "gsp_errors",
    };
    size_t i;

    object_property_add_str(obj, "gsp", nova_gpu_get_gsp, NULL);
    object_property_add_str(obj, "wpr2", nova_gpu_get_wpr2, NULL);
    for (i = 0; i < ARRAY_SIZE(counters); i++) {
        object_property_add(obj, counters[i], "uint64", nova_gpu_get_counter,
                            NULL, NULL, NULL);
    }
    object_property_add_str(obj, "gsp_misbehave", nova_gpu_get_misbehave,
                            nova_gpu_set_misbehave);
    object_property_add_str(obj, "fsp_misbehave", nova_gpu_get_fsp_misbehave,
                            nova_gpu_set_fsp_misbehave);
}

static Property nova_gpu_properties[] = {
    DEFINE_PROP_STRING("config", NovaGpuState, config),
    DEFINE_PROP_STRING("fw-dir", NovaGpuState, fw_dir),
    DEFINE_PROP_END_OF_LIST(),
};

static void nova_gpu_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = nova_gpu_realize;
    k->exit = nova_gpu_exit;
    k->vendor_id = PCI_VENDOR_ID_NVIDIA;
    k->device_id = 0x2204;
    k->revision = 0xa1;
    k->class_id = PCI_CLASS_DISPLAY_VGA;
    dc->desc = "GPU model of the nova-core project (Turing to Ada)";
    dc->reset = nova_gpu_reset;
    device_class_set_props(dc, nova_gpu_properties);
    set_bit(DEVICE_CATEGORY_DISPLAY, dc->categories);
}

static void nova_gpu_register_types(void)
{
    static InterfaceInfo interfaces[] = {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    };
    static const TypeInfo nova_gpu_info = {
        .name = TYPE_NOVA_GPU,
        .parent = TYPE_PCI_DEVICE,
        .instance_size = sizeof(NovaGpuState),
        .instance_init = nova_gpu_instance_init,
        .class_init = nova_gpu_class_init,
        .interfaces = interfaces,
    };

    type_register_static(&nova_gpu_info);
}

type_init(nova_gpu_register_types)
