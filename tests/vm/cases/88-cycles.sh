# Load, unload, bind and unbind, hundreds of times, on two emulated GPUs:
# nova unloaded and loaded, nova_emu unloaded and loaded (its GPUs go and
# come back), nova_core unbound and bound (each GPU brought up again with
# no reset: after each unbind GSP-RM must be unloaded, WPR2 gone and the
# falcons at rest), nova unbound and bound. Each cycle ends with the GPUs
# bound and their DRM nodes there;
# afterwards nothing is left, the slab memory in use is back to where it
# was and kmemleak finds nothing. (50-cycles and 60-unload add 120 more:
# GPUs created and removed, nova_core unloaded and loaded.)
# NOVA_CYCLES_SCALE multiplies the counts (10 with novatest.stress=1).
. /tests/lib.sh

SCALE=${NOVA_CYCLES_SCALE:-1}
[ -n "$NOVA_STRESS" ] && [ -z "$NOVA_CYCLES_SCALE" ] && SCALE=10

# state: GPUs, auxiliary devices, nodes (no fork: see nova_state).
state() {
	nova_state
	echo "$NOVA_STATE"
}

# cycles NAME COUNT COMMAND...: COMMAND (a function) COUNT times; after
# each, both GPUs must be bound with their nodes.
cycles() {
	_name=$1
	_n=$(($2 * SCALE))
	shift 2
	_i=0
	_fail=
	_t=$(date +%s)
	while [ $_i -lt $_n ]; do
		"$@" 2> /tmp/cycle.err
		_rc=$?
		nova_state
		if [ $_rc != 0 ] || [ "$NOVA_STATE" != "2 2 4" ]; then
			_fail="cycle $_i: $NOVA_STATE (GPUs, auxiliary devices, nodes) $(cat /tmp/cycle.err)"
			break
		fi
		_i=$((_i + 1))
	done
	if [ -z "$_fail" ]; then
		ok "$_n cycles: $_name ($(($(date +%s) - _t)) s)"
	else
		not_ok "$_n cycles: $_name" "$_fail"
	fi
	TOTAL=$((TOTAL + _i))
}

# The cycles write to sysfs with the shell's echo: a fork per write would
# cost more than the cycle itself.
gpus() {
	echo "0 chipset=ga102" > $EMU/new_device && echo "1 chipset=tu104" > $EMU/new_device
}

reload_nova() {
	rmmod nova && nova_state && [ "$NOVA_STATE" = "2 2 0" ] && modprobe nova
}

reload_emu() {
	rmmod nova_emu && nova_state && [ "$NOVA_STATE" = "0 0 0" ] &&
		modprobe nova_emu count=0 && gpus
}

# After an unbind: GSP-RM unloaded (WPR2 gone), the falcons at rest.
left_unloaded() {
	_e=/sys/bus/platform/devices/nova-emu.$1/emu
	read -r _w < $_e/wpr2 && read -r _f < $_e/falcons || return 1
	case "$_f" in *running*|*dma*|*reset*)
		echo "GPU $1 after unbind: falcons $_f" >&2; return 1 ;;
	esac
	if [ "$_w" != none ]; then
		echo "GPU $1 after unbind: WPR2 still set ($_w): GSP-RM was not unloaded" >&2
		return 1
	fi
}

rebind_core() {
	_d=/sys/bus/platform/drivers/nova_core
	echo nova-emu.0 > $_d/unbind && echo nova-emu.1 > $_d/unbind &&
		nova_state && [ "$NOVA_STATE" = "2 0 0" ] &&
		left_unloaded 0 && left_unloaded 1 &&
		echo nova-emu.0 > $_d/bind && echo nova-emu.1 > $_d/bind
}

rebind_nova() {
	_d=/sys/bus/auxiliary/drivers/nova
	for _a in $AUX; do
		echo $_a > $_d/unbind || return 1
	done
	nova_state
	[ "$NOVA_STATE" = "2 2 0" ] || return 1
	for _a in $AUX; do
		echo $_a > $_d/bind || return 1
	done
}

unload_all
grep -q '^vgem ' /proc/modules && rmmod vgem
modprobe nova_emu count=0 && modprobe nova_core && modprobe nova && gpus > /dev/null
expect_eq "two GPUs bound, with their nodes" "2 2 4" "$(state)"
slab_before=$(slab_in_use)

TOTAL=0
cycles "nova unloaded and loaded" 60 reload_nova
cycles "nova_emu unloaded and loaded (two GPUs gone and back)" 20 reload_emu
cycles "nova_core unbound from both GPUs and bound" 40 rebind_core
AUX="$(emu_aux 0) $(emu_aux 1)"
cycles "nova unbound from both GPUs and bound" 80 rebind_nova
echo "# load/unload and bind/unbind cycles: $TOTAL"

slab_back "$slab_before" "the cycles"

unload_all
expect_eq "nothing left: GPUs, auxiliary devices, nodes, modules" "0 0 0 0" \
	"$(state) $(grep -c '^nova' /proc/modules)"
expect_eq "no GPU went with DMA mappings left (the emulator checks)" 0 \
	"$(dmesg | grep -c 'DMA: the driver left')"
kmemleak_check "kmemleak: no leaks after the cycles"
ktap_done
