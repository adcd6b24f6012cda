# GSP-RM's boot on the emulated GPU (synthetic firmware files): GSP-RM's
# memory (libos arguments, log buffers, RMARGS, queues) and its firmware in
# system memory, FWSEC-FRTS, booter_load on SEC2 with GspFwWprMeta, the
# RISC-V core started. The emulated booter checks everything the driver
# put in memory against the firmware files it loads itself and the GPU's
# layout (emu/gsp_errors counts what it refused). Unbinding unloads
# GSP-RM (FWSEC-SB, booter_unload), so WPR2 is gone and the GPU binds
# again with no reset, many times; a boot that fails after FWSEC-FRTS
# unloads too, and keeps its logs in debugfs.
#
# Hopper and Blackwell boot through the emulated FSP instead (1c), whose
# misbehaviours (emu fsp=) each fail the probe cleanly (1d).
#
# GSP-RM (the emulator's model, emu/gsp/rm.c) answers on its queues: the
# init commands, the sequencer (with a resume through booter_load), INIT_DONE
# and the static information, whose GPU name, VRAM, FB regions and BAR1
# page directory nova_core logs, shows in sysfs and gives nova.ko through
# the core API (none of it where GSP-RM does not run); unbinding sends
# UNLOADING_GUEST_DRIVER first. Each misbehaviour of emu/gsp_misbehave
# meets a clean failure: the probe fails with one clear line (or the RPC
# fails), GSP-RM is unloaded and the GPU binds again.
. /tests/lib.sh

dev=/sys/bus/platform/devices
drv=/sys/bus/platform/drivers/nova_core
dbg=/sys/kernel/debug/nova_core
chips="tu102 tu104 tu106 tu116 tu117 ga100 ga102 ga103 ga104 ga106 ga107
	ad102 ad103 ad104 ad106 ad107"

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }

# state ID, running ID: see gsp_state and gsp_running in lib.sh.
state() {
	gsp_state $1
}

running() {
	gsp_running $1
}

# The put pointer (first u64) of a log buffer in debugfs.
put_ptr() {
	od -An -tu8 -N8 "$1" 2>/dev/null | tr -d ' '
}

# 1. Every Turing-to-Ada chipset boots GSP-RM; its logs are in debugfs
#    while it runs; unbinding unloads it and a rebind needs no reset.
id=300
for c in $chips; do
	id=$((id + 1))
	mark_log
	emu_new "$id chipset=$c" > /dev/null
	l=$dbg/nova-emu.$id
	if running $id && log_since_mark | grep -q "nova-emu.$id: GSP-RM started" &&
	   [ "$(wc -c < $l/loginit 2>/dev/null)" = 65536 ] &&
	   [ -e $l/logintr ] && [ -e $l/logrm ] &&
	   [ "$(put_ptr $l/loginit)" != 0 ] && [ -n "$(put_ptr $l/loginit)" ]; then
		ok "$c: GSP-RM started, its logs in debugfs"
	else
		not_ok "$c: GSP-RM started, its logs in debugfs" "state: $(state $id)" \
			"loginit: $(wc -c < $l/loginit 2>&1) bytes, put pointer $(put_ptr $l/loginit)" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 4)"
	fi
	n=$(gpu_name $c)
	mb=$(($(cat $dev/nova-emu.$id/emu/fb_size) >> 20))
	expect_eq "$c: GSP-RM reached INIT_DONE and names the GPU" 1 \
		"$(log_since_mark | grep -c "nova-emu.$id: GSP-RM: $n, 2 FB region(s), VRAM $mb MiB, BAR1 page directory at 0x[0-9a-f]*\$")"
	a=$dev/nova-emu.$id/nova
	expect_eq "$c: sysfs gives user space the GPU's name and VRAM" \
		"$n|$(cat $dev/nova-emu.$id/emu/fb_size)|2" \
		"$(cat $a/gpu_name 2>&1)|$(cat $a/vram_size 2>&1)|$(grep -c '^0x[0-9a-f]*-0x[0-9a-f]*$' $a/fb_regions 2>&1)"
	mark_log
	sysfs_write $drv/unbind nova-emu.$id > /dev/null
	if [ "$(log_since_mark | grep -c "nova-emu.$id: GSP-RM: UNLOADING_GUEST_DRIVER: unloading")" = 1 ]; then
		ok "$c: unbind tells GSP-RM first (UNLOADING_GUEST_DRIVER)"
	else
		not_ok "$c: unbind tells GSP-RM first (UNLOADING_GUEST_DRIVER)" \
			"$(log_since_mark | grep nova-emu.$id | head -n 3)"
	fi
	s=$(state $id)
	case "$s" in
	"unbound "*" none 0 0")
		if [ -e $l ]; then
			not_ok "$c: unbind unloads GSP-RM" "debugfs directory left: $l"
		else
			ok "$c: unbind unloads GSP-RM ($s)"
		fi ;;
	*) not_ok "$c: unbind unloads GSP-RM" "state: $s" \
		"$(log_since_mark | grep nova-emu.$id | tail -n 3)" ;;
	esac
	sysfs_write $drv/bind nova-emu.$id > /dev/null
	if running $id; then
		ok "$c: binds again with no reset"
	else
		not_ok "$c: binds again with no reset" "state: $(state $id)" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 3)"
	fi
	emu_del $id > /dev/null
done

# 1c. Hopper and Blackwell: the FSP boots GSP-RM (the COT message over its
#     EMEM queue, GSP-FMC's lockdown released); no VBIOS, FWSEC or booter.
#     GSP-RM names the GPU; unbinding unloads it (the GSP's RISC-V core
#     halts, WPR2 goes) and a rebind needs no reset.
id=340
for c in gh100 gb100 gb102 gb202 gb203 gb205 gb206 gb207; do
	id=$((id + 1))
	mark_log
	emu_new "$id chipset=$c" > /dev/null
	e=$dev/nova-emu.$id/emu
	n=$(gpu_name $c)
	mb=$(($(cat $e/fb_size) >> 20))
	if running $id && [ "$(cat $e/fwsec_runs)" = 0 ] &&
	   [ "$(cat $e/nvidia_ucode_runs)" = 0 ] && [ "$(cat $e/unmodeled)" = 0 ] &&
	   [ "$(cat $e/fsp | cut -d' ' -f1-3)" = "idle fmc=off messages=1" ] &&
	   log_since_mark | grep -q "nova-emu.$id: VRAM $mb MiB, laid out by GSP-FMC\$" &&
	   log_since_mark | grep -q "nova-emu.$id: GSP-RM: $n, 2 FB region(s), VRAM $mb MiB, BAR1 page directory at 0x[0-9a-f]*\$"; then
		ok "$c: the FSP booted GSP-RM, which names the GPU"
	else
		not_ok "$c: the FSP booted GSP-RM, which names the GPU" "state: $(state $id)" \
			"fsp: $(cat $e/fsp), fwsec_runs: $(cat $e/fwsec_runs), unmodeled: $(cat $e/unmodeled)" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 4)"
	fi
	sysfs_write $drv/unbind nova-emu.$id > /dev/null
	s=$(state $id)
	case "$s" in
	"unbound "*" none 0 0") ok "$c: unbind unloads GSP-RM: the GSP halts, WPR2 goes ($s)" ;;
	*) not_ok "$c: unbind unloads GSP-RM: the GSP halts, WPR2 goes" "state: $s" \
		"$(log_since_mark | grep nova-emu.$id | tail -n 3)" ;;
	esac
	sysfs_write $drv/bind nova-emu.$id > /dev/null
	if running $id; then
		ok "$c: binds again with no reset"
	else
		not_ok "$c: binds again with no reset" "state: $(state $id)" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 3)"
	fi
	emu_del $id > /dev/null
done

# 1d. Each way the FSP or GSP-FMC can fail meets a clean probe failure:
#     one line names it, nothing is left bound, refused or strayed, and
#     the emulated GPU goes.
fsp_fail() {
	mark_log
	emu_new "$1 chipset=$2 fsp=$3" > /dev/null
	s=$(state $1)
	case "$s" in
	"unbound "*" none 0 0") ok "fsp=$3: probe fails cleanly ($s)" ;;
	*) not_ok "fsp=$3: probe fails cleanly" "state: $s" \
		"$(log_since_mark | grep nova-emu.$1 | tail -n 4)" ;;
	esac
	expect_eq "fsp=$3: one line says why" 1 \
		"$(log_since_mark | grep -c "nova-emu.$1: $4")"
	emu_del $1 > /dev/null
}
fsp_fail 350 gh100 noboot "FSP: not booted within 5000 ms (boot status 0x00000000 at 0x0200bc)"
fsp_fail 351 gb202 badresp "FSP: refused the FMC (COT error 0xa1)"
fsp_fail 352 gb100 silent "FSP: no answer within 2000 ms"
fsp_fail 353 gb202 badseq "FSP: malformed answer to the COT message: MCTP header: not a whole message"
fsp_fail 354 gh100 fmcfail "GSP-FMC: boot failed (MAILBOX0 0x0000005a)"

# 1e. fsp=lockdown: GSP-FMC never lets the GSP go, so no unload can stop
#     it. The probe fails naming the lockdown; the GSP's DMA is switched
#     off and its memory freed (99-kmemleak finds nothing). nova_core then
#     refuses the GPU, giving it no DMA, until a reset stops its GSP; once
#     reset, with the FSP well again, it boots GSP-RM.
mark_log
emu_new "355 chipset=gb202 fsp=lockdown" > /dev/null
e=$dev/nova-emu.355/emu
s=$(state 355)
case "$s $(cut -d' ' -f2 $e/fsp)" in
"unbound "*" 0 0 fmc=locked") ok "fsp=lockdown: probe fails, the GSP still locked down ($s)" ;;
*) not_ok "fsp=lockdown: probe fails, the GSP still locked down" "state: $s" \
	"fsp: $(cat $e/fsp)" "$(log_since_mark | grep nova-emu.355 | tail -n 4)" ;;
esac
expect_eq "fsp=lockdown: one line names the lockdown" 1 \
	"$(log_since_mark | grep -c "nova-emu.355: GSP-FMC: the GSP is still locked down 10000 ms after the COT")"
expect_eq "fsp=lockdown: one line says the GSP's DMA is off and a reset is needed" 1 \
	"$(log_since_mark | grep -c "nova-emu.355: GSP-RM could not be stopped: its DMA is switched off and its memory freed; the GPU must be reset before nova_core binds it again")"
mark_log
gpu_bind 355 > /dev/null
if ! gpu_bound 355 && [ "$(cut -d' ' -f3 $e/fsp)" = messages=1 ] &&
   [ "$(log_since_mark | grep -c "nova-emu.355: the GSP that nova_core could not stop still runs: reset the GPU first")" = 1 ]; then
	ok "fsp=lockdown: a bind is refused until the GPU is reset, with no COT sent"
else
	not_ok "fsp=lockdown: a bind is refused until the GPU is reset, with no COT sent" \
		"state: $(state 355)" "fsp: $(cat $e/fsp)" \
		"$(log_since_mark | grep nova-emu.355 | tail -n 4)"
fi
mark_log
sysfs_write $e/fsp_misbehave ok > /dev/null
sysfs_write $e/reset 1 > /dev/null
gpu_bind 355 > /dev/null
if running 355 && [ "$(cat $e/fsp_misbehave)" = ok ] &&
   log_since_mark | grep -q "nova-emu.355: the GSP that nova_core could not stop before is stopped now (GPU reset)" &&
   log_since_mark | grep -q "nova-emu.355: GSP-RM: $(gpu_name gb202), "; then
	ok "fsp=lockdown: once reset, the GPU binds and boots GSP-RM"
else
	not_ok "fsp=lockdown: once reset, the GPU binds and boots GSP-RM" \
		"state: $(state 355)" "fsp: $(cat $e/fsp)" \
		"$(log_since_mark | grep nova-emu.355 | tail -n 4)"
fi
expect_eq "emu/fsp_misbehave refuses an unknown mode" 1 \
	"$(sysfs_write $e/fsp_misbehave sulk | grep -c 'Invalid argument')"
emu_del 355 > /dev/null

# 1f. The vGPU knob, as far as upstream Nova reads it: only GB20x with two
#     SR-IOV VFs or more asks its FSP (a PRC message, the FSP's second);
#     vGPU on tells GSP-RM RMSetSriovMode=1 in its registry. A knob that
#     reads neither 0 nor 1, or a refused read, is a warning and no vGPU.
vgpu_case() {
	id=$1 conf=$2 msgs=$3 sriov=$4 line=$5
	mark_log
	emu_new "$id $conf" > /dev/null
	e=$dev/nova-emu.$id/emu
	reg=$(cat $e/gsp_registry)
	if running $id && [ "$(cut -d' ' -f3 $e/fsp)" = "messages=$msgs" ] &&
	   echo "$reg" | grep -q "^RMSecBusResetEnable=1 RMForcePcieConfigSave=1 RMDevidCheckIgnore=1" &&
	   [ "$(echo "$reg" | grep -c "RMSetSriovMode=1")" = "$sriov" ] &&
	   { [ -z "$line" ] || log_since_mark | grep -q "nova-emu.$id: $line"; } &&
	   { [ -n "$line" ] || ! log_since_mark | grep -q "nova-emu.$id: vGPU:"; }; then
		ok "$conf: GSP-RM runs, $msgs FSP message(s), RMSetSriovMode $sriov time(s)${line:+, \"$line\"}"
	else
		not_ok "$conf: GSP-RM runs, $msgs FSP message(s), RMSetSriovMode $sriov time(s)" \
			"state: $(state $id)" "fsp: $(cat $e/fsp)" "registry: $reg" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 4)"
	fi
	emu_del $id > /dev/null
}
vgpu_case 356 "chipset=gb202 vfs=2 vgpu=on" 2 1 "vGPU: on (the FSP's vGPU mode knob, 2 SR-IOV VFs): GSP-RM boots in SR-IOV mode"
expect_eq "vGPU on: GspFwWprMeta gives GSP-FMC r570.144's vGPU heap, 581 MiB in 32 VF partitions" 1 \
	"$(log_since_mark | grep -c "nova-emu.356: FSP: COT: a vGPU host's heap: 581 MiB in 32 VF partitions")"
vgpu_case 357 "chipset=gb202 vfs=1 vgpu=on" 1 0 ""
expect_eq "vGPU off: no VF partitions" 0 \
	"$(log_since_mark | grep -c "nova-emu.357: FSP: COT: a vGPU host")"
vgpu_case 358 "chipset=gh100 vfs=4" 1 0 ""
vgpu_case 359 "chipset=gb203 vfs=2" 2 0 ""
vgpu_case 360 "chipset=gb205 vfs=2 vgpu=bad" 2 0 "vGPU: the FSP's vGPU mode knob reads 0xbad, neither 0 nor 1: vGPU off"
vgpu_case 361 "chipset=gb207 vfs=8 vgpu=refuse" 2 0 "FSP: refused to read knob 0x29 (PRC error 0xa0)"

# 1b. What GSP-RM reported reaches nova.ko through the core API (its
#     probe names the GPU), and is absent where GSP-RM does not run: with
#     bringup=N no GSP attribute is in sysfs and nova.ko says so.
modprobe nova || not_ok "load nova"
mark_log
emu_new "310 chipset=ga102" > /dev/null
mb=$(($(cat $dev/nova-emu.310/emu/fb_size) >> 20))
expect_eq "nova.ko learns the GPU's name and VRAM from nova_core" 1 \
	"$(log_since_mark | grep -c "nova nova_core.nova-drm.[0-9]*: \[drm\] NVIDIA GA102 (Ampere): NVIDIA GeForce RTX 3090, VRAM $mb MiB, VRAM BAR [0-9]* MiB\$")"
r=$(grep -o '^0x[0-9a-f]*-0x[0-9a-f]*$' $dev/nova-emu.310/nova/fb_regions | head -n 1)
if [ -n "$r" ] && [ $((${r#*-} - ${r%-*})) -gt 0 ] &&
   [ -n "$(cat $dev/nova-emu.310/nova/bar1_pde_base)" ]; then
	ok "fb_regions and bar1_pde_base read back ($r)"
else
	not_ok "fb_regions and bar1_pde_base read back" \
		"$(cat $dev/nova-emu.310/nova/fb_regions $dev/nova-emu.310/nova/bar1_pde_base 2>&1)"
fi
emu_del 310 > /dev/null
echo N > /sys/module/nova_core/parameters/bringup
mark_log
emu_new "311 chipset=ga102" > /dev/null
echo Y > /sys/module/nova_core/parameters/bringup
a=$dev/nova-emu.311/nova
if emu_bound 311 && [ -e $a/chipset ] && ! [ -e $a/gpu_name ] && ! [ -e $a/vram_size ] &&
   ! [ -e $a/fb_regions ] && ! [ -e $a/bar1_pde_base ]; then
	ok "bringup=N: no GSP-RM attributes in sysfs"
else
	not_ok "bringup=N: no GSP-RM attributes in sysfs" "$(ls $a 2>&1 | tr '\n' ' ')"
fi
expect_eq "bringup=N: nova.ko says GSP-RM does not run" 1 \
	"$(log_since_mark | grep -c 'nova nova_core.nova-drm.[0-9]*: \[drm\] NVIDIA GA102 (Ampere), VRAM BAR [0-9]* MiB, GSP-RM not running$')"
emu_del 311 > /dev/null
rmmod nova || not_ok "unload nova"

# 2. Unbind and rebind 20 times with no reset, a Turing and an Ampere GPU
#    at once (both boot GSP-RM side by side).
emu_new "320 chipset=tu102" > /dev/null
emu_new "321 chipset=ga102" > /dev/null
if running 320 && running 321; then
	ok "two GPUs boot GSP-RM at once"
else
	not_ok "two GPUs boot GSP-RM at once" "tu102: $(state 320)" "ga102: $(state 321)"
fi
i=0
fail=
while [ $i -lt 20 ]; do
	for g in 320 321; do
		echo nova-emu.$g > $drv/unbind
		s=$(state $g)
		case "$s" in
		"unbound "*" none 0 0") ;;
		*) fail="cycle $i, GPU $g after unbind: $s"; break 2 ;;
		esac
		echo nova-emu.$g > $drv/bind
		running $g || { fail="cycle $i, GPU $g after bind: $(state $g)"; break 2; }
	done
	i=$((i + 1))
done
if [ -z "$fail" ]; then
	ok "20 unbind/bind cycles with no reset"
else
	not_ok "20 unbind/bind cycles with no reset" "$fail"
fi
emu_del 320 > /dev/null
emu_del 321 > /dev/null

# 3. booter_load fails: the probe fails with one clear line, GSP-RM is
#    unloaded (no WPR2), nothing strays, the logs stay in debugfs until the
#    device probes again.
mark_log
emu_new "330 chipset=ga104 booter=fail" > /dev/null
s=$(state 330)
case "$s" in
"unbound "*" none 0 0") ok "booter failure: probe fails, WPR2 taken down ($s)" ;;
*) not_ok "booter failure: probe fails, WPR2 taken down" "state: $s" ;;
esac
expect_eq "booter failure: one line names it" 1 \
	"$(log_since_mark | grep -c 'nova-emu.330: booter_load failed: MAILBOX0 0x')"
if [ -e $dbg/nova-emu.330/loginit ]; then
	ok "booter failure: the logs stay in debugfs"
else
	not_ok "booter failure: the logs stay in debugfs" "$(ls $dbg 2>&1)"
fi
emu_del 330 > /dev/null

# 4. booter_load succeeds but GSP-RM never starts: the probe gives up after
#    5 s and unloads.
mark_log
emu_new "331 chipset=tu116 booter=nostart" > /dev/null
s=$(state 331)
case "$s" in
"unbound "*" none 0 0") ok "GSP-RM never starts: probe fails, WPR2 taken down ($s)" ;;
*) not_ok "GSP-RM never starts: probe fails, WPR2 taken down" "state: $s" ;;
esac
expect_eq "GSP-RM never starts: one line says so" 1 \
	"$(log_since_mark | grep -c 'nova-emu.331: GSP-RM did not start')"
emu_del 331 > /dev/null

# 5. A GPU of the same name binds afterwards, and its probe drops the logs
#    its failed predecessor kept.
emu_new "330 chipset=ga104" > /dev/null
if running 330 && [ "$(put_ptr $dbg/nova-emu.330/loginit)" != 0 ]; then
	ok "a GPU binds after the failures, with live logs"
else
	not_ok "a GPU binds after the failures, with live logs" "state: $(state 330)"
fi
emu_del 330 > /dev/null

# 6. GSP-RM misbehaves (emu/gsp_misbehave), once, at the next boot and
#    while it runs: each meets a clean failure, or is survived where the
#    driver may ignore it (gsp_misbehaviours in lib.sh, which the QEMU host
#    runs too).
emu_new "340 chipset=ga102" > /dev/null
sysfs_write $drv/unbind nova-emu.340 > /dev/null
gsp_misbehaviours 340
emu_del 340 > /dev/null

unload_all
expect_eq "nova_core's debugfs directory goes with the module" "" \
	"$(ls -d $dbg 2>/dev/null)"
expect_eq "no GPU went with DMA mappings left (the emulator checks)" 0 \
	"$(dmesg | grep -c 'DMA: the driver left')"
ktap_done
