# The demo, run inside the VM: a short tour of what nova_core does with
# emulated GPUs, in words a newcomer can follow.

say() { echo; echo "$*"; }
run() { echo "  \$ $*"; sh -c "$*" 2>&1 | sed 's/^/    /'; }
# klog N: the last N lines nova logged (less the firmware loader's notes).
klog() { dmesg | grep -E 'nova_core|nova_emu|nova nova' | grep -v 'taints kernel\|verification failed\|firmware: direct-loading' | tail -n "${1:-5}" | sed 's/^\[[ 0-9.]*\] /    kernel: /'; }

echo "=== Nova in C: the driver on an emulated GPU ==="
echo "This VM runs Debian's own kernel $(uname -r); no NVIDIA hardware is present."

say "1. Create an emulated Ampere GA102 with a 256 MiB VRAM BAR (nova_emu.ko):"
run modprobe nova_emu chipset=ga102 count=1 vram=256M
run ls /sys/bus/platform/devices/ '|' grep nova-emu

say "2. Load the core driver (nova_core.ko). It binds the GPU, reads the"
echo "   identification registers NV_PMC_BOOT_0/BOOT_42 and logs what it found,"
echo "   then starts GSP-RM on it (VBIOS, firmware, FWSEC-FRTS, booter_load on SEC2)"
echo "   and talks to it through its message queues (the CPU sequencer, INIT_DONE,"
echo "   the static information that names the GPU):"
run modprobe nova_core
klog 4
run cat /sys/bus/platform/devices/nova-emu.0/nova/gpu_name /sys/bus/platform/devices/nova-emu.0/nova/fb_regions
run ls /sys/kernel/debug/nova_core/nova-emu.0/

say "3. For the DRM driver it creates an auxiliary device, one per GPU:"
run ls /sys/bus/auxiliary/devices/

say "3b. The DRM driver (nova.ko) binds it and registers the GPU's DRM nodes:"
run modprobe nova
klog 1
run ls /dev/dri/
run cat /sys/class/drm/renderD128/device/uevent

say "3c. nova-info lists what nova drives (it reads sysfs and asks the driver):"
run /tests/bin/nova-info

say "3d. A short tour of the nova UAPI, through libnova (tests/vm/src/libnova-tour.c):"
/tests/bin/libnova-tour 2>&1 | sed 's/^/   /'

say "4. Add a second GPU at run time, a Turing TU104 (like netdevsim):"
run 'echo "1 chipset=tu104" > /sys/devices/nova_emu/new_device'
klog 3
run /tests/bin/nova-info --json

say "5. A GPU nova_core does not support, a Volta GV100 (no GSP), is refused"
echo "   with one log line naming its identification registers:"
run 'echo "2 boot0=0x140000a1 boot42=0x140a1000" > /sys/devices/nova_emu/new_device'
klog 1
run test -e /sys/bus/platform/devices/nova-emu.2/driver '&&' echo bound '||' echo "not bound: no driver"


say "6. Bad requests get a clear error and change nothing:"
run 'echo "3 chipset=nv50" > /sys/devices/nova_emu/new_device'
klog 2
run 'echo "1 chipset=ga102" > /sys/devices/nova_emu/new_device'
klog 1

say "6b. Unbinding unloads GSP-RM (FWSEC-SB, booter_unload): WPR2 goes, and"
echo "    the GPU binds again without a reset:"
run 'echo nova-emu.0 > /sys/bus/platform/drivers/nova_core/unbind'
run cat /sys/bus/platform/devices/nova-emu.0/emu/wpr2 /sys/bus/platform/devices/nova-emu.0/emu/gsp
run 'echo nova-emu.0 > /sys/bus/platform/drivers/nova_core/bind'
klog 1

say "7. Remove a GPU, then unload everything; nothing is left behind:"
run 'echo 1 > /sys/devices/nova_emu/del_device'
run ls /dev/dri/
run rmmod nova
run rmmod nova_core
run rmmod nova_emu
run ls /sys/bus/auxiliary/devices/ /sys/bus/platform/devices/ '|' grep -c nova '||' true

say "That is all nova does so far; see README.md for what comes next."
