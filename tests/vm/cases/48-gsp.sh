# GSP-RM's boot on the emulated GPU (synthetic firmware files): GSP-RM's
# memory (libos arguments, log buffers, RMARGS, queues) and its firmware in
# system memory, FWSEC-FRTS, booter_load on SEC2 with GspFwWprMeta, the
# RISC-V core started. The emulated booter checks everything the driver
# put in memory against the firmware files it loads itself and the GPU's
# layout (emu/gsp_errors counts what it refused). Unbinding unloads
# GSP-RM (FWSEC-SB, booter_unload), so WPR2 is gone and the GPU binds
# again with no reset, many times; a boot that fails after FWSEC-FRTS
# unloads too, and keeps its logs in debugfs.
. /tests/lib.sh

dev=/sys/bus/platform/devices
drv=/sys/bus/platform/drivers/nova_core
dbg=/sys/kernel/debug/nova_core
chips="tu102 tu104 tu106 tu116 tu117 ga100 ga102 ga103 ga104 ga106 ga107
	ad102 ad103 ad104 ad106 ad107"

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }

# state ID: "bound|unbound <emu/gsp> <emu/wpr2> <gsp_errors> <dma_faults>"
state() {
	_e=$dev/nova-emu.$1/emu
	if emu_bound $1; then printf bound; else printf unbound; fi
	printf ' %s %s %s %s' "$(cat $_e/gsp)" "$(cat $_e/wpr2)" \
		"$(cat $_e/gsp_errors)" "$(cat $_e/dma_faults)"
}

# running ID: bound, GSP-RM running, WPR2 set, nothing refused or strayed.
running() {
	case "$(state $1)" in
	"bound running none "*) return 1 ;;
	"bound running "*" 0 0") return 0 ;;
	*) return 1 ;;
	esac
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
	sysfs_write $drv/unbind nova-emu.$id > /dev/null
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

unload_all
expect_eq "nova_core's debugfs directory goes with the module" "" \
	"$(ls -d $dbg 2>/dev/null)"
expect_eq "no GPU went with DMA mappings left (the emulator checks)" 0 \
	"$(dmesg | grep -c 'DMA: the driver left')"
ktap_done
