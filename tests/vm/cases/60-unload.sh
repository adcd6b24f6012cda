# Unbinding and unloading nova_core with GPUs bound is clean, and binding
# again works.
. /tests/lib.sh

# The GPUs are reset when their driver lets go (persist=0): the cycles here
# test loading and unloading, not what a board keeps (88-cycles does).
modprobe nova_emu count=3 chipset=ga102 persist=0 || { not_ok "load nova_emu"; ktap_done; }
expect_eq "GPUs wait unbound until nova_core loads" "3 0" "$(emu_count) $(aux_count)"

modprobe nova_core
expect_eq "nova_core binds existing GPUs when it loads" 3 "$(aux_count)"

mark_log
check "rmmod nova_core with three GPUs bound" rmmod nova_core
expect_eq "auxiliary devices gone" 0 "$(aux_count)"
expect_eq "GPUs still present, unbound" "3" "$(emu_count)"
check "GPUs have no driver" sh -c '! ls /sys/bus/platform/devices/nova-emu.*/driver >/dev/null 2>&1'
check "GPUs have no nova/ attributes" sh -c '! ls -d /sys/bus/platform/devices/nova-emu.*/nova >/dev/null 2>&1'
# (The emulated GSP-RM notes the unload it is told of: the model's line,
# not the driver's.)
expect_eq "unload logs nothing" "" \
	"$(log_since_mark | grep -v 'nova_emu\|Modules linked\|: GSP-RM: UNLOADING_GUEST_DRIVER: unloading$')"

modprobe nova_core
expect_eq "reload rebinds all" 3 "$(aux_count)"

# Unbind and bind one GPU through the driver's sysfs files.
drv=/sys/bus/platform/drivers/nova_core
check "unbind through sysfs" sysfs_write $drv/unbind nova-emu.1
expect_eq "its auxiliary device went" 2 "$(aux_count)"
check "bind through sysfs" sysfs_write $drv/bind nova-emu.1
expect_eq "its auxiliary device came back" 3 "$(aux_count)"

i=0
fail=
while [ $i -lt 20 ]; do
	if ! rmmod nova_core || ! modprobe nova_core || [ "$(aux_count)" != 3 ]; then
		fail="cycle $i: aux $(aux_count)"
		break
	fi
	i=$((i + 1))
done
if [ -z "$fail" ]; then ok "20 nova_core unload/reload cycles"; else not_ok "20 nova_core unload/reload cycles" "$fail"; fi

# Removing the emulator under a bound nova_core unbinds first.
check "rmmod nova_emu with nova_core bound" rmmod nova_emu
expect_eq "nothing left" "0 0" "$(emu_count) $(aux_count)"
check "nova_core unloads afterwards" rmmod nova_core
ktap_done
