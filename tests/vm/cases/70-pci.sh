# The PCI path on real MMIO. QEMU's secondary-vga devices (1234:1111) have
# a RAM BAR0 the size of their VRAM; writing NVIDIA identification values
# at offsets 0x0 (NV_PMC_BOOT_0) and 0xa00 (NV_PMC_BOOT_42) and adding their
# id to nova_core's PCI driver makes nova_core probe them as it would a GPU:
# enable, map BAR0, identify through readl(), start the bring-up, and undo
# it all when the bring-up fails. (The VM has three: 32, 16 and 8 MiB.)
. /tests/lib.sh

drv=/sys/bus/pci/drivers/nova_core

if ! [ -e /dev/mem ]; then
	skip "PCI path on emulated PCI devices" "no /dev/mem in this kernel"
	ktap_done
fi

big=$(pci_test_dev 33554432)
mid=$(pci_test_dev 16777216)
small=$(pci_test_dev 8388608)
if [ -z "$big" ] || [ -z "$mid" ] || [ -z "$small" ]; then
	not_ok "three test PCI devices present" "found: $(pci_test_devs | tr '\n' ' ')"
	ktap_done
fi
ok "three test PCI devices present ($big, $mid, $small)"

aux_of() {
	ls -d /sys/bus/pci/devices/$1/nova_core.nova-drm.* 2>/dev/null | sed 's|.*/||'
}

# The RAM behind BAR0 has no GPU firmware, PROM or falcons. Writing the
# values GFW leaves when it is done and a VRAM size lets the bring-up run
# through MMIO up to the VBIOS, which the PROM window (zeroes) does not
# hold: probe must then fail there, cleanly.
pci_set_boot $big 0x172000a1 0x172a1000		# GA102, a.1
pci_set_gfw $big
devmem $(( $(pci_bar0_start $big) + 0x1183a4 )) 32 8192	# 8 GiB (GA102+)
pci_set_boot $mid 0x164000a1 0x164a1000		# TU104, a.1
pci_set_gfw $mid
devmem $(( $(pci_bar0_start $mid) + 0x100ce0 )) 32 0x208	# 32 << 8 MiB (TU)
pci_set_boot $small 0x174000a1 0x174a1000		# GA104, but BAR0 too small

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
# The PCI core says when a device starts to master the bus (a debug
# message: shown where the kernel has dynamic debug, as Debian's have).
dyndbg=/proc/dynamic_debug/control
[ -w $dyndbg ] && echo 'func __pci_set_master +p' > $dyndbg
mark_log
sysfs_write $drv/new_id "1234 1111" > /dev/null
log=$(log_since_mark)

expect_eq "GA102 identified through MMIO" \
	"nova_core $big: NVIDIA (Chipset: GA102, Architecture: Ampere, Revision: a.1)" \
	"$(echo "$log" | grep "nova_core $big: NVIDIA" | sed 's/^\[[ 0-9.]*\] //')"
expect_eq "TU104 identified through MMIO" \
	"nova_core $mid: NVIDIA (Chipset: TU104, Architecture: Turing, Revision: a.1)" \
	"$(echo "$log" | grep "nova_core $mid: NVIDIA" | sed 's/^\[[ 0-9.]*\] //')"
expect_eq "BAR0 of 8 MiB refused" \
	"nova_core $small: BAR0 is 8388608 bytes, at least 16 MiB needed" \
	"$(echo "$log" | grep "nova_core $small:" | sed 's/^\[[ 0-9.]*\] //')"
for d in $big $mid; do
	expect_eq "bring-up of $d stops at the empty PROM" 1 \
		"$(echo "$log" | grep -c "nova_core $d: VBIOS: image at 0x0: bad ROM signature")"
	# QEMU's secondary-vga has neither MSI nor an INTx pin.
	expect_eq "$d has no interrupt: nova_core says it polls" 1 \
		"$(echo "$log" | grep -c "nova_core $d: no interrupt (-22): waiting for the falcons by polling")"
done

# Only a chip nova_core identified may master the bus, and only once
# identified.
if [ -w $dyndbg ]; then
	expect_eq "refused device ($small) never masters the bus" 0 \
		"$(echo "$log" | grep -c "$small: enabling bus mastering")"
	ident=$(echo "$log" | grep -n "nova_core $big: NVIDIA" | cut -d: -f1)
	master=$(echo "$log" | grep -n "$big: enabling bus mastering" | cut -d: -f1)
	if [ -n "$ident" ] && [ -n "$master" ] && [ "$master" -gt "$ident" ]; then
		ok "$big masters the bus after its identification (log lines $ident, $master)"
	else
		not_ok "$big masters the bus after its identification" \
			"identified at line ${ident:-none}, bus master at line ${master:-none}"
	fi
else
	skip "bus mastering after identification" "no dynamic debug in this kernel ($NOVA_FLAVOR)"
fi

expect_eq "nothing bound, no auxiliary device" "0 0 0 0" \
	"$(ls /sys/bus/pci/drivers/nova_core | grep -c '^0000:') $(aux_of $big | grep -c .) $(aux_of $mid | grep -c .) $(aux_count)"
expect_eq "BAR0 claims released" 0 "$(grep -c 'nova_core/bar0' /proc/iomem)"
expect_eq "devices disabled again" "0 0 0" \
	"$(cat /sys/bus/pci/devices/$big/enable) $(cat /sys/bus/pci/devices/$mid/enable) $(cat /sys/bus/pci/devices/$small/enable)"
# The sysmem flush page was given to the GPU before the VBIOS was read;
# the failed probe took it back (the register pointed at it still).
for d in $big $mid; do
	expect_eq "flush page register of $d cleared" 0x00000000 \
		"$(devmem $(( $(pci_bar0_start $d) + 0x100c10 )) 32)"
done

# A pre-Turing chip on the PCI path: ENODEV and one line with both values.
pci_set_boot $mid 0x140000a1 0x140a1000
mark_log
err=$(sysfs_write $drv/bind $mid)
line=$(log_since_mark | grep "nova_core $mid:" | sed 's/^\[[ 0-9.]*\] //')
case "$err" in
*"No such device"*) ok "pre-Turing PCI GPU refused with ENODEV" ;;
*) not_ok "pre-Turing PCI GPU refused with ENODEV" "got: ${err:-success}" ;;
esac
expect_eq "refusal logged once, with both registers" \
	"nova_core $mid: unsupported GPU, chipset 0x140: pre-Turing, no GSP (NV_PMC_BOOT_0=0x140000a1, NV_PMC_BOOT_42=0x140a1000)" \
	"$line"
expect_eq "nothing left behind by the refusal" "0 0" \
	"$(cat /sys/bus/pci/devices/$mid/enable) $(aux_of $mid | grep -c .)"
[ -w $dyndbg ] && expect_eq "the refused chip never mastered the bus" 0 \
	"$(log_since_mark | grep -c "$mid: enabling bus mastering")"

# With bringup=N, nova_core stops after identification and binds: enable,
# BAR0 claim, auxiliary device and sysfs facts, undone by unbind and unload.
pci_set_boot $mid 0x164000a1 0x164a1000
echo N > /sys/module/nova_core/parameters/bringup
mark_log
sysfs_write $drv/bind $big > /dev/null
sysfs_write $drv/bind $mid > /dev/null
echo Y > /sys/module/nova_core/parameters/bringup
expect_eq "bringup=N: both bound, the skip logged" "2 2" \
	"$(ls $drv | grep -c '^0000:') $(log_since_mark | grep -c 'bring-up skipped (bringup=N)')"
a_big=$(aux_of $big)
a_mid=$(aux_of $mid)
if [ -n "$a_big" ] && [ -n "$a_mid" ] && [ "$a_big" != "$a_mid" ]; then
	ok "each bound PCI GPU has its own auxiliary device ($a_big, $a_mid)"
else
	not_ok "each bound PCI GPU has its own auxiliary device" "big: $a_big, mid: $a_mid"
fi
expect_eq "sysfs facts of a PCI GPU" "GA102 Ampere a.1 0" \
	"$(cd /sys/bus/pci/devices/$big/nova && cat chipset architecture revision vram_bar_size | tr '\n' ' ' | sed 's/ $//')"
expect_eq "BAR0 claimed as nova_core/bar0" 2 "$(grep -c 'nova_core/bar0' /proc/iomem)"
check "unbind through sysfs" sysfs_write $drv/unbind $mid
expect_eq "unbind undoes everything" "0 1 0" \
	"$(aux_of $mid | grep -c .) $(grep -c 'nova_core/bar0' /proc/iomem) $(cat /sys/bus/pci/devices/$mid/enable)"
check "rmmod nova_core with a PCI GPU bound" rmmod nova_core
expect_eq "unload undoes everything" "0 0 0" \
	"$(aux_count) $(grep -c 'nova_core/bar0' /proc/iomem) $(cat /sys/bus/pci/devices/$big/enable)"
# Later cases use the 32 MiB device only: the others stay refused.
pci_set_boot $mid 0x140000a1 0x140a1000
unload_all
ktap_done
