# nova.ko when the GPU goes away under open files: the emulated GPU
# removed, nova_core unbound, the emulator unloaded, nova unbound. The nodes go at once;
# every ioctl on the files still open fails with ENODEV; the files close;
# nova then unloads. And nova itself cannot be unloaded while a file is
# open.
. /tests/lib.sh

FIFO=/tmp/nova-unplug.fifo

if ! [ -x $DRM_TEST ]; then
	not_ok "nova-drm-test is in the guest" "no $DRM_TEST"
	ktap_done
fi

# load_gpu: nova_emu with GPU 0, nova_core and nova, whatever is missing.
load_gpu() {
	for m in nova_emu nova_core nova; do
		grep -q "^$m " /proc/modules || modprobe $m || return 1
	done
	# Reset when its driver lets go (persist=0): rebinds need a fresh board.
	[ -e /sys/bus/platform/devices/nova-emu.0 ] || emu_new "0 vram=512M persist=0"
}

# unplug_run WHAT COMMAND...: nova-drm-test opens the nodes of GPU 0 and
# creates objects, then waits on the FIFO; COMMAND takes the GPU away; the
# nodes must be gone while the files are still open; then the program
# checks the files (--only unplug) and closes them.
unplug_run() {
	what=$1
	shift
	render=$(emu_drm_node 0 renderD)
	card=$(emu_drm_node 0 card)
	if [ -z "$render" ] || [ -z "$card" ]; then
		not_ok "$what: GPU 0 has its DRM nodes" "render: ${render:-<none>}, primary: ${card:-<none>}"
		return
	fi
	rm -f $FIFO
	mkfifo $FIFO
	# Emptied here, not by the redirection below: that one happens in the
	# background job, possibly after the first grep has read the previous
	# run's "waiting" line.
	: > /tmp/unplug.out
	$DRM_TEST --node /dev/dri/$render --only unplug --fifo $FIFO > /tmp/unplug.out 2>&1 &
	pid=$!
	i=0
	while ! grep -q '^# unplug: waiting' /tmp/unplug.out && kill -0 $pid 2>/dev/null &&
	      [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if ! grep -q '^# unplug: waiting' /tmp/unplug.out; then
		kill $pid 2>/dev/null
		wait $pid
		ktap_nest "$what: nova-drm-test" /tmp/unplug.out 1
		return
	fi
	check "$what, with three files open" "$@"
	check "$what: $render and $card are gone at once" sh -c \
		"! [ -e /dev/dri/$render ] && ! [ -e /dev/dri/$card ] && ! [ -e /sys/class/drm/$render ] && ! [ -e /sys/class/drm/$card ]"
	expect_eq "$what: no nova node left" "" "$(nova_nodes)"
	timeout 30 sh -c "echo go > $FIFO"
	wait $pid
	ktap_nest "$what: nova-drm-test (ioctls on the open files, close)" /tmp/unplug.out $?
	rm -f $FIFO
}

unload_all
nodes_before=$(ls /dev/dri 2>/dev/null | wc -l)

# 1. The emulated GPU removed.
load_gpu || { not_ok "load nova_emu, nova_core and nova"; unload_all; ktap_done; }
unplug_run "GPU removed (del_device)" emu_del 0
expect_eq "GPU removed: no GPU or auxiliary device left" "0 0" "$(emu_count) $(aux_count)"
check "GPU removed: nova unloads once the files are closed" rmmod nova

# 2. nova_core unbound from the GPU; binding it again brings a DRM device
#    that works.
load_gpu || { not_ok "load the GPU again"; unload_all; ktap_done; }
unplug_run "nova_core unbound" sysfs_write /sys/bus/platform/drivers/nova_core/unbind nova-emu.0
expect_eq "nova_core unbound: the GPU stays, its auxiliary device goes" "1 0" \
	"$(emu_count) $(aux_count)"
check "nova_core unbound: bind again" sysfs_write /sys/bus/platform/drivers/nova_core/bind nova-emu.0
render=$(emu_drm_node 0 renderD)
if [ -n "$render" ]; then
	drm_test "nova_core bound again: nova-drm-test on $render" --node /dev/dri/$render \
		--only version,getparam,create --vram 536870912
else
	not_ok "nova_core bound again: the GPU has a render node"
fi

# 3. The emulator unloaded (which removes its GPUs).
unplug_run "nova_emu unloaded" rmmod nova_emu
expect_eq "nova_emu unloaded: no GPU or auxiliary device left" "0 0" "$(emu_count) $(aux_count)"

# 4. nova itself unbound from the auxiliary device (the driver goes, the
#    GPU stays); binding it again brings a DRM device that works.
load_gpu || { not_ok "load the GPU again"; unload_all; ktap_done; }
adev=$(emu_aux 0)
unplug_run "nova unbound" sysfs_write /sys/bus/auxiliary/drivers/nova/unbind "$adev"
expect_eq "nova unbound: the GPU and its auxiliary device stay" "1 1" \
	"$(emu_count) $(aux_count)"
check "nova unbound: bind again" sysfs_write /sys/bus/auxiliary/drivers/nova/bind "$adev"
render=$(emu_drm_node 0 renderD)
if [ -n "$render" ]; then
	# (--vram omitted: the program reads the GPU's emu/vram_bar_size.)
	drm_test "nova bound again: nova-drm-test on $render" --node /dev/dri/$render \
		--only version,getparam,create
else
	not_ok "nova bound again: the GPU has a render node"
fi

# 5. nova cannot be unloaded while one of its files is open.
render=$(emu_drm_node 0 renderD)
if [ -z "$render" ] || ! [ -c /dev/dri/$render ]; then
	not_ok "the GPU has a render node" "render: ${render:-<none>}"
	unload_all
	ktap_done
fi
exec 3< /dev/dri/$render
if out=$(rmmod nova 2>&1); then
	not_ok "rmmod nova with a file open is refused" "rmmod succeeded"
else
	case "$out" in
	*"in use"*|*"Resource temporarily unavailable"*|*"Device or resource busy"*)
		ok "rmmod nova with a file open is refused" ;;
	*)
		not_ok "rmmod nova with a file open is refused" "rmmod: $out" ;;
	esac
	diag "rmmod: $out"
fi
expect_eq "the module is in use by the file" "1 1" \
	"$(grep -c '^nova ' /proc/modules) $(cat /sys/module/nova/refcnt 2>/dev/null)"
check "the node still works" sh -c "$DRM_TEST --node /dev/dri/$render --only getparam > /dev/null"
exec 3<&-
check "rmmod nova once the file is closed" rmmod nova
check "its nodes are gone" sh -c "! [ -e /dev/dri/$render ] && ! [ -e /sys/class/drm/$render ]"

unload_all
expect_eq "nothing left: no DRM node, nova module, GPU or auxiliary device" \
	"$nodes_before 0 0 0" \
	"$(ls /dev/dri 2>/dev/null | wc -l) $(grep -c '^nova' /proc/modules) $(emu_count) $(aux_count)"
ktap_done
