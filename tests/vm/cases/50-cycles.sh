# Run-time add and remove, many times: nothing is left behind.
. /tests/lib.sh

CYCLES=${NOVA_CYCLES:-100}

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }

slab_before=$(awk '/^Slab:/ { print $2 }' /proc/meminfo)
fail=
i=0
while [ $i -lt "$CYCLES" ]; do
	id=$((i % 7))
	if ! emu_new "$id chipset=ga104" >/dev/null || ! emu_bound $id ||
	   [ "$(aux_count)" != 1 ] || ! emu_del $id >/dev/null ||
	   [ "$(aux_count)" != 0 ]; then
		fail="cycle $i failed: aux $(aux_count), emu $(emu_count)"
		break
	fi
	i=$((i + 1))
done
if [ -z "$fail" ]; then
	ok "$CYCLES add/remove cycles"
else
	not_ok "$CYCLES add/remove cycles" "$fail"
fi

expect_eq "no emulated GPU left" 0 "$(emu_count)"
expect_eq "no auxiliary device left" 0 "$(aux_count)"
expect_eq "no sysfs entry left under /sys/devices/nova_emu" 0 \
	"$(ls /sys/devices/nova_emu | grep -c nova-emu)"
expect_eq "no driver links left" "bind uevent unbind" \
	"$(ls /sys/bus/platform/drivers/nova_core | grep -v module | tr '\n' ' ' | sed 's/ $//')"

# The auxiliary ids were all given back: the next GPU gets id 0 again.
emu_new "0 chipset=ga104"
expect_eq "auxiliary id 0 reused after the cycles" "nova_core.nova-drm.0" "$(emu_aux 0)"
emu_del 0

slab_after=$(awk '/^Slab:/ { print $2 }' /proc/meminfo)
diag "slab: $slab_before kB before, $slab_after kB after $CYCLES cycles"

# Many GPUs at once, removed in one go by unloading the emulator.
i=0
while [ $i -lt 32 ]; do
	emu_new "$((100 + i)) chipset=tu106" >/dev/null || break
	i=$((i + 1))
done
expect_eq "32 GPUs at once" "32 32" "$(emu_count) $(aux_count)"
rmmod nova_emu
expect_eq "unloading nova_emu removes them all" "0 0" "$(emu_count) $(aux_count)"
check "no /sys/devices/nova_emu after unload" sh -c '! [ -e /sys/devices/nova_emu ]'
expect_eq "no GPU went with DMA mappings left (the emulator checks)" 0 \
	"$(dmesg | grep -c 'DMA: the driver left')"

unload_all
ktap_done
