# nova_core's PCI path on the GPU model as a PCI device in QEMU
# (qemu/nova-gpu.c, scripts/qemu-check.sh): each GPU's probe to GSP-RM
# running, MSI, the IOMMU, unbind and rebind, PCI remove and rescan, a GPU
# whose FWSEC fails refused cleanly, a GPU whose DMA strays stopped by the
# IOMMU. The VM has a TU102 and a GA102 at 00:05.0 and 00:06.0, a GA102
# told fwsec=fail at 00:07.0 and one told dma=stray at 00:08.0, a GH100 and
# a GB202 (GSP-RM booted by their FSP, 52-bit DMA) at 00:09.0 and 00:0a.0,
# behind QEMU's intel-iommu.
. /tests/lib.sh

mark_log
drv=/sys/bus/pci/drivers/nova_core
devs=/sys/bus/pci/devices

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
modprobe nova || { not_ok "load nova"; ktap_done; }

# bound BDF: nova_core drives the device.
bound() {
	[ "$(readlink -f "$devs/$1/driver" 2>/dev/null)" = "$(readlink -f $drv)" ]
}

# gsp_up BDF: nova_core said GSP-RM started on it since the last mark.
gsp_up() {
	log_since_mark | grep -q "nova_core 0000:$1: GSP-RM started"
}

for g in "00:05.0 tu102" "00:06.0 ga102" "00:09.0 gh100" "00:0a.0 gb202"; do
	set -- $g
	bdf=0000:$1
	chip=$2
	check "$chip at $1 bound by nova_core" bound $bdf
	expect_eq "$chip at $1: GSP-RM's GPU name in sysfs" \
		"$(gpu_name "$chip")" "$(cat "$devs/$bdf/nova/gpu_name" 2>/dev/null)"
	check "$chip at $1: its interrupt is an MSI" \
		[ -n "$(ls "$devs/$bdf/msi_irqs" 2>/dev/null)" ]
	check "$chip at $1: in an IOMMU group of its own" \
		[ "$(ls "$devs/$bdf/iommu_group/devices" 2>/dev/null)" = "$bdf" ]
done

# Unbind and rebind three times: GSP-RM unloads and boots again each time.
bdf=0000:00:06.0
n=0
for i in 1 2 3; do
	mark_log
	sysfs_write $drv/unbind $bdf
	sysfs_write $drv/bind $bdf
	gsp_up 00:06.0 && n=$((n + 1))
done
expect_eq "ga102: unbind and rebind 3 times, GSP-RM up each time" 3 "$n"

# Hopper: unbind halts its GSP, and it binds again with no reset.
mark_log
sysfs_write $drv/unbind 0000:00:09.0
sysfs_write $drv/bind 0000:00:09.0
check "gh100: unbind and rebind, GSP-RM booted by the FSP again" gsp_up 00:09.0

# PCI remove and rescan: the device comes back and binds again.
mark_log
sysfs_write $devs/$bdf/remove 1
check "ga102: removed from the bus" [ ! -e "$devs/$bdf" ]
sysfs_write /sys/bus/pci/rescan 1
check "ga102: back after a rescan" [ -e "$devs/$bdf" ]
check "ga102: bound again, GSP-RM up" gsp_up 00:06.0

# The GPU whose FWSEC fails: refused with one log line, nothing bound.
bdf=0000:00:07.0
check "fwsec=fail GPU: not bound" [ ! -e "$devs/$bdf/driver" ]
check "fwsec=fail GPU: its failure logged" \
	sh -c "dmesg | grep -q 'nova_core $bdf: .*FWSEC'"

# The GPU whose DMA strays outside the driver's mappings: the IOMMU
# faults, the probe fails, nothing is bound.
bdf=0000:00:08.0
check "dma=stray GPU: not bound" [ ! -e "$devs/$bdf/driver" ]
check "dma=stray GPU: the IOMMU reported its fault" \
	sh -c "dmesg | grep -qi 'DMAR.*00:08.0\|00:08.0.*DMAR\|DMAR.*fault.*\[00:08.0\]\|Request device \[00:08.0\]'"

# Unloading everything leaves the two good GPUs unbound, no oops.
rmmod nova && rmmod nova_core
check "nova and nova_core unload" [ ! -e $drv ]
ktap_done
