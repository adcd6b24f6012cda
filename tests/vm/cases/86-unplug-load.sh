# Unplug under load: six clients (nova-clients, tests/vm/src: three
# processes of two threads) call every ioctl in a loop on two GPUs while,
# cycle after cycle, a GPU is removed and created again, nova_core and nova
# are unbound and bound, nova_emu is unloaded and loaded, and nova and
# nova_core are unloaded and loaded. The clients see only success or ENODEV
# (and ENOENT/ENODEV/ENXIO from open while nodes come and go), none hangs
# (watchdog), no kernel report; afterwards the slab memory in use is back
# to where it was, and kmemleak finds nothing.
# NOVA_UNPLUG_CYCLES overrides the number of cycles (24; 300 with
# novatest.stress=1, make stress).
. /tests/lib.sh

CLIENTS=/tests/bin/nova-clients
# Six clients that pause 10 ms between rounds (nine that do not with
# novatest.stress=1): on two emulated CPUs the cycles must get their turn.
CYCLES=${NOVA_UNPLUG_CYCLES:-24}
LOAD="--procs 3 --threads 2 --pause 10000"
if [ -n "$NOVA_STRESS" ]; then
	[ -n "$NOVA_UNPLUG_CYCLES" ] || CYCLES=300
	LOAD="--procs 3 --threads 3 --pause 0"
fi
STOP=/tmp/clients.stop

if ! [ -x $CLIENTS ]; then
	not_ok "nova-clients is in the guest" "no $CLIENTS"
	ktap_done
fi

unload_all
grep -q '^vgem ' /proc/modules && rmmod vgem

# The cycles write to sysfs with the shell's echo, and count with
# nova_state: forks are slow, and the cycles compete with the clients.

# gpus: GPUs 0 and 1, created again where missing.
gpus() {
	# Reset when their driver lets go (persist=0): rebinds need fresh boards.
	[ -e /sys/bus/platform/devices/nova-emu.0 ] || echo "0 chipset=ga102 vram=512M persist=0" > $EMU/new_device
	[ -e /sys/bus/platform/devices/nova-emu.1 ] || echo "1 chipset=ad104 persist=0" > $EMU/new_device
}

# nodes: how many DRM nodes there are (all nova's: vgem is not loaded).
nodes() {
	nova_state
	echo "${NOVA_STATE##* }"
}

# nodes_are N: waits up to 10 s for N nodes; false if they do not come.
nodes_are() {
	_i=0
	while nova_state && [ "${NOVA_STATE##* }" != "$1" ]; do
		[ $_i -lt 100 ] || return 1
		sleep 0.1
		_i=$((_i + 1))
	done
}

# rmmod_nova: nova unloads once the clients have closed their files, which
# they do when their GPU is gone: retried for 30 s at most.
rmmod_nova() {
	_i=0
	while ! rmmod nova 2> /dev/null; do
		_i=$((_i + 1))
		[ $_i -lt 300 ] || return 1
		sleep 0.1
	done
	REFUSED=$((REFUSED + _i))
}

modprobe nova_emu count=0 && modprobe nova_core && modprobe nova && gpus
expect_eq "two GPUs with their nodes" "4 4" "$(nova_nodes | wc -l) $(nodes)"
slab_before=$(slab_in_use)

# The watchdog and a slow start. On a fresh machine under load a client
# whose first call had not come yet was once taken for one silent since
# boot. Clients that wait 2 s before their first call, under a 4 s
# watchdog, in a guest up far longer than 4 s, must not be taken for hung.
rm -f /tmp/stop.slow
$CLIENTS --stop /tmp/stop.slow --procs 2 --threads 2 --watchdog 4 \
	--start-delay 2000 > /tmp/slow.out 2>&1 &
spid=$!
sleep 3
touch /tmp/stop.slow
wait $spid
expect_eq "clients slow to start are not taken for hung (guest up $(cut -d. -f1 /proc/uptime) s)" 1 \
	"$(grep -c '^ok .* no client hung' /tmp/slow.out)"

rm -f $STOP
$CLIENTS --stop $STOP $LOAD --watchdog 30 > /tmp/clients.out 2>&1 &
cpid=$!
i=0
while ! grep -q '^# clients: running' /tmp/clients.out && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done

REFUSED=0
fail=
c=0
start=$(date +%s)
while [ $c -lt "$CYCLES" ] && [ -z "$fail" ]; do
	c=$((c + 1))
	sleep 0.3
	case $((c % 6)) in
	1)	what="GPU 0 removed and created again"
		echo 0 > $EMU/del_device && nodes_are 2 && gpus ;;
	2)	what="nova_core unbound from GPU 1 and bound again"
		echo nova-emu.1 > /sys/bus/platform/drivers/nova_core/unbind && nodes_are 2 &&
			echo nova-emu.1 > /sys/bus/platform/drivers/nova_core/bind ;;
	3)	what="nova unbound from both GPUs and bound again"
		aux=$(ls /sys/bus/auxiliary/devices)
		for a in $aux; do
			echo $a > /sys/bus/auxiliary/drivers/nova/unbind
		done
		nodes_are 0 &&
			for a in $aux; do
				echo $a > /sys/bus/auxiliary/drivers/nova/bind
			done ;;
	4)	what="nova_emu unloaded and loaded"
		rmmod nova_emu && nodes_are 0 && modprobe nova_emu count=0 && gpus ;;
	5)	what="nova and nova_core unloaded and loaded"
		for a in $(ls /sys/bus/auxiliary/devices); do
			echo $a > /sys/bus/auxiliary/drivers/nova/unbind
		done
		nodes_are 0 && rmmod_nova && rmmod nova_core && modprobe nova_core &&
			modprobe nova ;;
	0)	what="both GPUs removed and created again"
		echo 0 > $EMU/del_device && echo 1 > $EMU/del_device && nodes_are 0 && gpus ;;
	esac
	if [ $? != 0 ] || ! nodes_are 4; then
		fail="cycle $c ($what): $(nodes) nodes, $(emu_count) GPUs, $(aux_count) auxiliary devices"
	fi
done
if [ -z "$fail" ]; then
	ok "$CYCLES cycles under load in $(($(date +%s) - start)) s (nova unload refused $REFUSED times while files were open)"
else
	not_ok "$CYCLES cycles under load" "$fail"
fi
echo "# unplug cycles: $c"

sleep 0.5
touch $STOP
wait $cpid
ktap_nest "the clients (nova-clients)" /tmp/clients.out $?
grep '^# calls:' /tmp/clients.out | sed 's/^# /# clients: /'

gpus
slab_back "$slab_before" "the clients"

unload_all
kmemleak_check "kmemleak: no leaks after the clients and the cycles"
ktap_done
