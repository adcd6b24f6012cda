# The benchmarks, run inside the VM by /init in mode "bench" (make bench):
# nova against vgem and the ioctl floor (bench/nova-bench.c), and the
# probe-to-ready time of emulated GPUs broken down by phase (ftrace's
# function_graph tracer). Prints "result KEY VALUE" lines, with "# "
# diagnostics, between "nova-bench: begin" and "nova-bench: done"; the host
# (scripts/bench.sh, bench/table.awk) makes the table. See
# docs/performance.md.
#
# novabench.quick=1 on the kernel command line (NOVA_BENCH_QUICK=1 make
# bench) runs fewer repetitions and levels, to try the rig; novabench.raw=1
# (NOVA_APPEND=novabench.raw=1) prints every repetition.
. /tests/lib.sh

BENCH=/tests/bin/nova-bench
TR=/sys/kernel/tracing
PROBE_GPUS=15
reps=501
levels=1,1000,100000,1000000
if grep -qw novabench.quick=1 /proc/cmdline; then
	reps=25
	levels=1,1000,10000
	PROBE_GPUS=3
fi

fail() {
	echo "# bench: $*"
	echo "nova-bench: failed"
	exit 1
}

# bench ARGS...: runs nova-bench, its output to ours; fails the run if it
# does.
bench() {
	echo "# bench: nova-bench $*"
	t0=$(cut -d' ' -f1 /proc/uptime)
	$BENCH "$@" || fail "nova-bench $1 failed"
	echo "# bench: $1 took $(awk -v a="$t0" -v b="$(cut -d' ' -f1 /proc/uptime)" \
		'BEGIN { printf "%.0f", b - a }') s"
}

echo "nova-bench: begin"
echo "result kernel $(uname -r)"
echo "result cpus $(grep -c ^processor /proc/cpuinfo)"
echo "result memory $(($(sed -n 's/^MemTotal: *\([0-9]*\).*/\1/p' /proc/meminfo) / 1024))"
echo "result clocksource $(cat /sys/devices/system/clocksource/clocksource0/current_clocksource)"
[ -x $BENCH ] || fail "no $BENCH"

# The GPU and vgem. One GA102 with its bring-up, as in a real start.
unload_all
modprobe vgem || fail "modprobe vgem"
modprobe nova_emu count=1 || fail "modprobe nova_emu"
modprobe nova_core || fail "modprobe nova_core"
modprobe nova || fail "modprobe nova"
render=$(emu_drm_node 0 renderD)
vgem=
for n in /sys/class/drm/card*; do
	case "$(readlink -f $n/device)" in
	*/vgem) vgem=$(basename $n) ;;
	esac
done
[ -n "$render" ] || fail "no nova render node"
[ -n "$vgem" ] || fail "no vgem primary node"
echo "# bench: nova on /dev/dri/$render, vgem on /dev/dri/$vgem"

# novabench.profile=KEY (NOVA_BENCH_PROFILE=KEY make bench, which packs
# the host's perf): instead of the figures, where the time of the round
# trip KEY goes, sampled with perf (cpu-clock: there is no PMU under TCG).
profile=$(sed -n 's/.*novabench\.profile=\([^ ]*\).*/\1/p' /proc/cmdline)
if [ -n "$profile" ]; then
	[ -x /tests/bin/perf ] || fail "no perf in the guest"
	cd /tmp
	/tests/bin/perf record -q -e cpu-clock -F 20000 -a -g -o /tmp/perf.data -- \
		$BENCH loop=$profile --nova /dev/dri/$render --vgem /dev/dri/$vgem \
		--iters 50000 || fail "perf record"
	/tests/bin/perf report -i /tmp/perf.data --stdio --no-children \
		--sort sym -g none --percent-limit 0.5 2>&1 | sed 's/^/# /'
	/tests/bin/perf report -i /tmp/perf.data --stdio --children \
		--sort sym -g none --percent-limit 2 2>&1 | sed 's/^/# children /'
	echo "nova-bench: done"
	exit 0
fi

raw=
grep -qw novabench.raw=1 /proc/cmdline && raw=--raw
bench latency $raw --nova /dev/dri/$render --vgem /dev/dri/$vgem --reps $reps
bench parallel $raw --nova /dev/dri/$render --vgem /dev/dri/$vgem --reps $reps
bench memory --nova /dev/dri/$render --vgem /dev/dri/$vgem --count 100000
bench scale $raw --nova /dev/dri/$render --levels $levels --reps $reps
# The references for the GSP image's preparation in the probes below: a
# plain copy of GA102's image (63 MB here, as NVIDIA's), by the kernel
# (read(2) of the file, in memory) and by user space (memcpy).
img=$(stat -c %s /lib/firmware/nvidia/ga102/gsp/gsp-570.144.bin)
echo "result image.bytes $img"
bench copy --count "$img" --file /lib/firmware/nvidia/ga102/gsp/gsp-570.144.bin --reps 21

# Probe to ready, by phase, GSP-RM's boot included: function_graph on the
# phase functions and a few of their callees only (set_ftrace_filter), so
# that nothing else pays for the tracer; bench/probe.awk reads the traces.
# Static functions the compiler inlined (nova_bringup, the GSP image's
# preparation) are the gaps between the traced ones. The emulated engines
# (SEC2's booter, GSP-RM's model) run as jobs on the GPU's own worker:
# nova_emu_job_run, traced in that worker, is the emulated GPU's busy time,
# which the driver's waits include. The console is quiet, as on a
# distribution's boot: the firmware loader and nova_core log lines at info
# level.
funcs="nova_emu_probe nova_device_identify nova_device_start nova_sysfs_add
	nova_irq_init nova_gfw_boot_wait nova_fb_flush_page_init nova_fb_init
	nova_vbios_read nova_vbios_parse nova_firmware_request
	nova_fb_layout_compute nova_gsp_init nova_gsp_boot nova_booter_check
	nova_fwsec_frts nova_booter_run nova_gsp_send_init_commands
	nova_gsp_rm_init nova_gsp_wait_sequencer nova_gsp_seq_run
	nova_gsp_wait_init_done nova_gsp_rpc nova_falcon_rerun nova_firmware_release_boot
	nova_sysfs_add_gsp __auxiliary_device_add nova_probe drm_dev_register
	nova_emu_job_run"
[ -d $TR/events ] || mount -t tracefs tracefs $TR || fail "mount tracefs"
modprobe -r nova_emu
modprobe nova_emu count=0 || fail "modprobe nova_emu count=0"
echo 0 > $TR/tracing_on
echo nop > $TR/current_tracer
echo 4096 > $TR/buffer_size_kb
echo > $TR/set_ftrace_filter
for f in $funcs; do
	if grep -qE "^$f( |$)" $TR/available_filter_functions; then
		echo $f >> $TR/set_ftrace_filter || fail "cannot trace $f"
	else
		echo "# bench: $f is not traceable: its phase shows 0"
	fi
done
echo 1 > $TR/options/funcgraph-abstime
echo 1 > $TR/options/funcgraph-tail
echo 1 > $TR/options/funcgraph-proc
echo 0 > $TR/options/funcgraph-irqs
echo function_graph > $TR/current_tracer
echo > $TR/trace
old_printk=$(cut -f1 /proc/sys/kernel/printk)
dmesg -n 1
for chip in ga102 tu102; do
	i=0
	while [ $i -lt $PROBE_GPUS ]; do
		i=$((i + 1))
		echo 1 > $TR/tracing_on
		emu_new "$((100 + i)) chipset=$chip" > /dev/null
		echo 0 > $TR/tracing_on
		[ -n "$(emu_drm_node $((100 + i)) renderD)" ] ||
			fail "$chip GPU $i: no render node"
		emu_del $((100 + i)) > /dev/null
		echo "# probe $chip $i" >> /tmp/probe.trace
		cat $TR/trace >> /tmp/probe.trace
		echo > $TR/trace
	done
done
dmesg -n "$old_printk"
echo nop > $TR/current_tracer
echo > $TR/set_ftrace_filter
sed 's/^/# trace: /' /tmp/probe.trace | grep -v '^# trace: #' | head -n 40
awk -f /bench/probe.awk /tmp/probe.trace || fail "parsing the probe traces"

unload_all
rmmod vgem
echo "nova-bench: done"
