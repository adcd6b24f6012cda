# libnova (lib/) in the guest, through tests/vm/src/libnova-test.c:
# discovery through sysfs with no nova device (nothing loaded, nova_core
# with no GPU, a GPU without nova, another DRM driver's node), with one and
# two emulated GPUs, with a PCI GPU, and as an unprivileged user; every
# wrapper's success and error paths with their exact negative errnos;
# nova_strerror and the version; a GPU removed while the library has it
# open (-ENODEV, then nova_close works and nova unloads).
. /tests/lib.sh

FIFO=/tmp/libnova-unplug.fifo

for p in $LIBNOVA_TEST $RUN_AS; do
	if ! [ -x $p ]; then
		not_ok "$(basename $p) is in the guest" "no $p"
		ktap_done
	fi
done
unload_all

# list [AS_NOBODY]: nova_device_list() into /tmp/lt.out (lt KEY reads it).
list() {
	if [ -n "$1" ]; then
		$RUN_AS $NOBODY $NOBODY $LIBNOVA_TEST list > /tmp/lt.out 2>&1
	else
		$LIBNOVA_TEST list > /tmp/lt.out 2>&1
	fi
}
lt() {
	sed -n "s/^$(echo "$1" | sed 's/\./\\./g')=//p" /tmp/lt.out
}

# expect_count DESCRIPTION N: nova_device_list() returns 0 and N devices.
expect_count() {
	list
	if [ "$(lt ret) $(lt count)" = "0 $2" ] && ! grep -q '^error=' /tmp/lt.out; then
		ok "$1"
	else
		not_ok "$1" "expected: ret=0 count=$2" "$(cat /tmp/lt.out)"
	fi
}

# expect_device DESCRIPTION I KEY=VALUE...: device I of the last list has
# these fields (one test; the differing fields as diagnostics).
expect_device() {
	_desc=$1
	_i=$2
	shift 2
	_bad=
	for kv in "$@"; do
		_k=${kv%%=*}
		_v=${kv#*=}
		_got=$(lt "$_i.$_k")
		[ "$_got" = "$_v" ] || _bad="$_bad
$_i.$_k: expected '$_v', got '$_got'"
	done
	if [ -z "$_bad" ]; then
		ok "$_desc"
	else
		not_ok "$_desc" "${_bad#?}" "list:" "$(cat /tmp/lt.out)"
	fi
}

# expect_driver DESCRIPTION I: device I's driver is nova 0.0.0 with the
# date this kernel reports (lib.sh).
expect_driver() {
	_d=$(lt "$2.driver")
	# shellcheck disable=SC2254
	case "$_d" in
	"nova 0.0.0 "$NOVA_DRM_DATE" NVIDIA Nova") ok "$1" ;;
	*) not_ok "$1" "driver: '$_d' (driver_error $(lt "$2.driver_error"))" ;;
	esac
}

# lt_open PATH [AS_NOBODY]: what nova_open(PATH) returns, as an errno name.
lt_open() {
	if [ -n "$2" ]; then
		$RUN_AS $NOBODY $NOBODY $LIBNOVA_TEST open "$1" 2>&1
	else
		$LIBNOVA_TEST open "$1" 2>&1
	fi
}

# lt_ktap NAME ARGS...: libnova-test ARGS (KTAP) as the subtests of NAME.
lt_ktap() {
	_name=$1
	shift
	$LIBNOVA_TEST "$@" > /tmp/lt-ktap.out 2>&1
	ktap_nest "$_name" /tmp/lt-ktap.out $?
}

nodes_before=$(ls /dev/dri 2>/dev/null | wc -l)

# --- no nova device -------------------------------------------------------
expect_count "nothing loaded: no device, and no error" 0
lt_ktap "nova_strerror messages" strerror
lt_ktap "nova_lib_version and the header's version" version

# Another DRM driver's nodes are not nova's (and take the first minors).
vgem_render=
if modprobe vgem 2>/dev/null; then
	for n in /sys/class/drm/renderD*; do
		[ "$(basename "$(readlink -f $n/device)")" = vgem ] && vgem_render=$(basename $n)
	done
fi
if [ -n "$vgem_render" ]; then
	expect_count "vgem loaded ($vgem_render): still no nova device" 0
	expect_eq "nova_open of vgem's $vgem_render -> ENOTTY (not a nova device)" ENOTTY \
		"$(lt_open /dev/dri/$vgem_render)"
else
	skip "vgem's node is not a nova device" "vgem does not load"
fi
expect_eq "nova_open of a missing node -> ENOENT" ENOENT "$(lt_open /dev/dri/renderD250)"
expect_eq "nova_open of /dev/null -> ENOTTY" ENOTTY "$(lt_open /dev/null)"

if ! modprobe nova_emu count=0 || ! modprobe nova_core || ! modprobe nova; then
	not_ok "load nova_emu count=0, nova_core and nova"
	unload_all
	ktap_done
fi
expect_count "nova loaded, nova_emu count=0: no device" 0
rmmod nova
emu_new "0 chipset=ga102 vram=256M"
expect_count "a GPU bound to nova_core, nova not loaded: no device" 0

# --- one GPU ----------------------------------------------------------------
check "load nova" modprobe nova
r0=$(emu_drm_node 0 renderD)
c0=$(emu_drm_node 0 card)
if [ -z "$r0" ] || [ -z "$c0" ]; then
	not_ok "GPU 0 has its DRM nodes" "render: ${r0:-<none>}, primary: ${c0:-<none>}"
	unload_all
	ktap_done
fi
expect_count "one GPU: one device" 1
expect_device "device 0: nodes, bus, sysfs path, facts (GA102, Ampere, a.1, 256 MiB)" 0 \
	render=/dev/dri/$r0 primary=/dev/dri/$c0 bus=emulated bus_id=nova-emu.0 \
	sysfs=/sys/devices/nova_emu/nova-emu.0 facts_error=0 chipset=GA102 \
	architecture=Ampere revision=a.1 vram=268435456 \
	"gpu_name=NVIDIA GeForce RTX 3090" vram_size=8589934592 driver_error=0
expect_driver "device 0: driver nova 0.0.0 (drmGetVersion)" 0
lt_ktap "the wrappers on $r0" api --node /dev/dri/$r0 --vram 268435456
expect_eq "nova_open of the primary node $c0 works" 0 "$(lt_open /dev/dri/$c0)"

# As an unprivileged user: discovery works (sysfs), opening does not.
mode=$(stat -c %a /dev/dri/$r0)
chmod 600 /dev/dri/$r0
list nobody
expect_device "as nobody: device 0 listed with its facts, driver_error EACCES" 0 \
	render=/dev/dri/$r0 bus_id=nova-emu.0 facts_error=0 chipset=GA102 \
	vram=268435456 driver_error=EACCES driver=
expect_eq "as nobody: nova_open of $r0 -> EACCES" EACCES "$(lt_open /dev/dri/$r0 nobody)"
chmod "$mode" /dev/dri/$r0

# --- two GPUs ---------------------------------------------------------------
emu_new "1 chipset=tu102 vram=16G"
r1=$(emu_drm_node 1 renderD)
c1=$(emu_drm_node 1 card)
expect_count "two GPUs: two devices" 2
expect_device "device 0 is still GPU 0" 0 render=/dev/dri/$r0 primary=/dev/dri/$c0 \
	bus_id=nova-emu.0 chipset=GA102 vram=268435456
expect_device "device 1: nodes, bus, facts (TU102, Turing, a.1, 16 GiB)" 1 \
	render=/dev/dri/$r1 primary=/dev/dri/$c1 bus=emulated bus_id=nova-emu.1 \
	sysfs=/sys/devices/nova_emu/nova-emu.1 facts_error=0 chipset=TU102 \
	architecture=Turing revision=a.1 vram=17179869184 \
	"gpu_name=NVIDIA GeForce RTX 2080 Ti" vram_size=8589934592 driver_error=0
expect_driver "device 1: driver nova 0.0.0" 1
lt_ktap "the wrappers on $r1" api --node /dev/dri/$r1 --vram 17179869184

# --- GPU 0 removed while libnova has it open ----------------------------------
rm -f $FIFO
mkfifo $FIFO
$LIBNOVA_TEST unplug --node /dev/dri/$r0 --fifo $FIFO > /tmp/lt-unplug.out 2>&1 &
pid=$!
i=0
while ! grep -q '^# unplug: waiting' /tmp/lt-unplug.out && kill -0 $pid 2>/dev/null &&
      [ $i -lt 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
if grep -q '^# unplug: waiting' /tmp/lt-unplug.out; then
	check "GPU 0 removed while open" emu_del 0
	timeout 30 sh -c "echo go > $FIFO"
	wait $pid
	ktap_nest "unplug: every wrapper -> -ENODEV, nova_close works" /tmp/lt-unplug.out $?
else
	kill $pid 2>/dev/null
	wait $pid
	ktap_nest "unplug: libnova-test sets up" /tmp/lt-unplug.out 1
	emu_del 0 > /dev/null
fi
rm -f $FIFO
expect_count "after the removal: one device" 1
expect_device "it is GPU 1" 0 render=/dev/dri/$r1 bus_id=nova-emu.1 chipset=TU102
emu_del 1
expect_count "both GPUs removed: no device" 0
check "nova unloads: nova_close closed the files" rmmod nova
unload_all

# --- a PCI GPU (QEMU's secondary-vga of 70-pci, presented as a GA102) ---------
big=$(pci_test_dev 33554432)
if ! [ -e /dev/mem ] || [ -z "$big" ]; then
	skip "a PCI GPU is listed with its PCI address" "no /dev/mem or no 32 MiB secondary-vga"
else
	pci_set_boot $big 0x172000a1 0x172a1000
	# RAM has no falcons: bind it without the bring-up.
	modprobe nova_core && modprobe nova &&
		echo N > /sys/module/nova_core/parameters/bringup &&
		sysfs_write /sys/bus/pci/drivers/nova_core/new_id "1234 1111" > /dev/null
	echo Y > /sys/module/nova_core/parameters/bringup
	# Its VRAM BAR is BAR1 (which secondary-vga does not have: size 0).
	set -- $(sed -n 2p /sys/bus/pci/devices/$big/resource)
	bar1=$(($2 - $1 + ($2 > 0)))
	prender=$(ls /sys/bus/pci/devices/$big/nova_core.nova-drm.*/drm 2>/dev/null | grep '^renderD')
	pcard=$(ls /sys/bus/pci/devices/$big/nova_core.nova-drm.*/drm 2>/dev/null | grep '^card')
	expect_count "one PCI GPU: one device" 1
	expect_device "the PCI GPU $big: PCI address, sysfs path, facts (GA102, BAR1 $bar1)" 0 \
		render=/dev/dri/$prender primary=/dev/dri/$pcard bus=pci bus_id=$big \
		sysfs=$(readlink -f /sys/bus/pci/devices/$big) facts_error=0 chipset=GA102 \
		architecture=Ampere revision=a.1 vram=$bar1 "gpu_name=(null)" vram_size=0 \
		driver_error=0
	expect_driver "the PCI GPU: driver nova 0.0.0" 0
	if [ -n "$prender" ]; then
		lt_ktap "the wrappers on the PCI GPU's $prender" api --node /dev/dri/$prender \
			--vram $bar1
	fi
	unload_all
fi

if [ -n "$vgem_render" ]; then
	rmmod vgem
fi
expect_count "everything unloaded: no device" 0
expect_eq "nothing left: no DRM node, nova module, GPU or auxiliary device" \
	"$nodes_before 0 0 0" \
	"$(ls /dev/dri 2>/dev/null | wc -l) $(grep -c '^nova' /proc/modules) $(emu_count) $(aux_count)"
ktap_done
