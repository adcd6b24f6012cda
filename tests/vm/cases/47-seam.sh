# The emulated GPU does to nova_core what a PCI GPU does: it interrupts,
# masters the bus through what the driver mapped, and runs its engines on
# its own. Interrupts: the halt of each falcon boot reaches nova_core's
# handler; a spurious interrupt, a line shared by two GPUs and a storm are
# each handled. DMA: a GPU told to reach outside the driver's mappings is
# refused and counted, and the driver reports the failure it sees. Engines:
# a falcon that runs past the driver's patience is cancelled by a reset,
# and a GPU removed while its engine runs, or while the driver waits for
# it, goes cleanly. Boards keep their state when their driver unbinds, but
# nova_core unloads GSP-RM when it goes, so they bind again with no reset.
. /tests/lib.sh

dev=/sys/bus/platform/devices
drv=/sys/bus/platform/drivers/nova_core

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }

# irq_count IRQ: interrupts Linux counted for IRQ, over all CPUs.
irq_count() {
	awk -v irq="$1:" '$1 == irq {
		n = 0
		for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) n += $i
		print n
	}' /proc/interrupts
}

# irq_users IRQ: the names of its handlers, as /proc/interrupts lists them.
irq_users() {
	awk -v irq="$1:" '$1 == irq { sub(/.*  /, ""); print }' /proc/interrupts
}

# 1. Interrupts: one per falcon boot, through the handler.
for c in tu104:1 ga102:2; do
	chip=${c%:*}
	id=${c#*:}
	mark_log
	emu_new "$id chipset=$chip" > /dev/null
	e=$dev/nova-emu.$id/emu
	irq=$(cut -d' ' -f2 $e/irq)
	raised=$(cat $e/irqs)
	if emu_bound $id && [ "$raised" -ge 1 ] &&
	   [ "$(irq_count $irq)" -ge "$raised" ]; then
		ok "$chip: the falcon's halt raised interrupt $irq ($raised), Linux delivered it ($(irq_count $irq))"
	else
		not_ok "$chip: the falcon's halt raised interrupt $irq" \
			"bound: $(emu_bound $id && echo yes || echo no), raised: $raised, delivered: $(irq_count $irq)"
	fi
	expect_eq "$chip: the handler is nova_core's, named after the GPU" \
		"nova-emu.$id" "$(irq_users $irq | sed 's/.* //')"
	expect_eq "$chip: no line about polling" 0 \
		"$(log_since_mark | grep -c 'no interrupt')"
	expect_eq "$chip: no DMA fault" 0 "$(cat $e/dma_faults)"
done

# 2. Spurious interrupts: the handler finds nothing of its own, says so,
#    and the GPU is none the worse.
e=$dev/nova-emu.2/emu
irq=$(cut -d' ' -f2 $e/irq)
before=$(irq_count $irq)
mark_log
check "1000 spurious interrupts raised" sysfs_write $e/irq_spurious 1000
sleep 1
after=$(irq_count $irq)
if [ "$after" -gt "$before" ]; then
	ok "spurious interrupts delivered ($((after - before)))"
else
	not_ok "spurious interrupts delivered" "before: $before, after: $after"
fi
expect_eq "spurious interrupts: nobody complains, nothing disabled" 0 \
	"$(log_since_mark | grep -c 'nobody cared\|Disabling IRQ')"
check "after them, the GPU unbinds" sysfs_write $drv/unbind nova-emu.2

# 3. Unbinding unloads GSP-RM (FWSEC-SB, booter_unload): WPR2 is gone and
#    the falcons are at rest, so the board binds again with no reset. The
#    board keeps what the unload left (its falcons halted) until it is reset.
expect_eq "unbound GPU: GSP-RM unloaded, no WPR2" "none unloaded" \
	"$(cat $e/wpr2) $(cat $e/gsp)"
expect_eq "unbound GPU's falcons are at rest" "gsp=halted sec2=halted" "$(cat $e/falcons)"
check "rebind without a reset" sysfs_write $drv/bind nova-emu.2
check "unbind again" sysfs_write $drv/unbind nova-emu.2
check "reset" sysfs_write $e/reset 1
expect_eq "reset board: no WPR2, falcons idle" "none gsp=idle sec2=idle" \
	"$(cat $e/wpr2) $(cat $e/falcons)"
check "rebind after the reset" sysfs_write $drv/bind nova-emu.2

# 4. Two GPUs on one line: each handler takes its own GPU's interrupts.
emu_new "3 chipset=ad104 irq=40" > /dev/null
emu_new "4 chipset=tu116 irq=40" > /dev/null
irq=$(cut -d' ' -f2 $dev/nova-emu.3/emu/irq)
expect_eq "shared line: both GPUs have the same interrupt" "$irq" \
	"$(cut -d' ' -f2 $dev/nova-emu.4/emu/irq)"
expect_eq "shared line: both handlers on it" "nova-emu.3, nova-emu.4" \
	"$(irq_users $irq | sed 's/^.*\(nova-emu.3\)/\1/')"
if emu_bound 3 && emu_bound 4 && [ "$(cat $dev/nova-emu.3/emu/wpr2)" != none ] &&
   [ "$(cat $dev/nova-emu.4/emu/wpr2)" != none ]; then
	ok "shared line: both GPUs brought up"
else
	not_ok "shared line: both GPUs brought up"
fi
check "shared line: spurious interrupts on it" sysfs_write $dev/nova-emu.3/emu/irq_spurious 100
emu_del 4 > /dev/null
check "shared line: the other GPU stays bound" emu_bound 3

# 5. An interrupt storm: the SEC2 falcon halts again each time the driver
#    clears it (its halt interrupt stays enabled after booter_load ran; the
#    GSP falcon's belong to GSP-RM). nova_core masks it after a while, says
#    so once, and the guest goes on.
e=$dev/nova-emu.3/emu
mark_log
t0=$(date +%s)
before=$(cat $e/irqs)
check "storm of 100000 halt interrupts raised" sysfs_write $e/irq_storm 100000
sleep 1
expect_eq "storm: reported once" 1 \
	"$(log_since_mark | grep -c 'SEC2 falcon: 64 halt interrupts with no ucode started: interrupt storm')"
diag "storm: emu irqs $(cat $e/irqs), Linux: $(grep "^ *$(cut -d' ' -f2 $e/irq):" /proc/interrupts)"
n=$(cat $e/irqs)
n=$((n - before))
if [ "$n" -ge 64 ] && [ "$n" -lt 1000 ] && [ $(($(date +%s) - t0)) -lt 10 ]; then
	ok "storm: masked after $n interrupts, the guest still answers"
else
	not_ok "storm: masked" "interrupts raised: $n, seconds: $(($(date +%s) - t0))"
fi
check "storm: the GPU unbinds" sysfs_write $drv/unbind nova-emu.3
check "storm: reset, the GPU binds again" sh -c \
	"echo 1 > $e/reset && echo nova-emu.3 > $drv/bind"
emu_del 3 > /dev/null

# 6. DMA outside the driver's mappings: refused, counted, logged, and the
#    driver reports the failure it sees. Turing loads FWSEC through the
#    generic bootloader, Ampere by the falcon's DMA engine.
# What FWSEC leaves in MAILBOX0: the bootloader's DMA error (0xbad0b103)
# on Turing; on Ampere no ucode where the refused transfers were to put it
# (0xbadc0de1).
for c in tu102:5:0xbad0b103 ga104:6:0xbadc0de1; do
	chip=${c%%:*}
	rest=${c#*:}
	id=${rest%%:*}
	mbox=${rest#*:}
	mark_log
	emu_new "$id chipset=$chip dma=stray" > /dev/null
	e=$dev/nova-emu.$id/emu
	check "$chip dma=stray: probe fails" sh -c "! [ -e $dev/nova-emu.$id/driver ]"
	faults=$(cat $e/dma_faults)
	if [ "$faults" -ge 1 ]; then
		ok "$chip dma=stray: $faults DMA accesses refused"
	else
		not_ok "$chip dma=stray: DMA accesses refused" "dma_faults: $faults"
	fi
	expect_eq "$chip dma=stray: each refusal logged (rate-limited)" yes \
		"$(log_since_mark | grep -q "nova-emu.$id: DMA fault: read of .* bytes at 0x[0-9a-f]*: not mapped" && echo yes)"
	expect_eq "$chip dma=stray: nova_core says FWSEC failed" 1 \
		"$(log_since_mark | grep -c "nova_core nova-emu.$id: FWSEC-FRTS failed: MAILBOX0 $mbox")"
	expect_eq "$chip dma=stray: no WPR2, no auxiliary device" "none " \
		"$(cat $e/wpr2) $(emu_aux $id)"
	emu_del $id > /dev/null
done

# 7. Engines run on their own. A falcon taking 3 s runs past the driver's
#    2 s: probe fails while the engine still runs; a reset cancels it (its
#    FWSEC never completes: no run counted, no WPR2, even after it would
#    have halted).
mark_log
emu_new "7 chipset=ga102 falcon_delay=3000" > /dev/null
e=$dev/nova-emu.7/emu
check "slow falcon: probe gives up" sh -c "! [ -e $dev/nova-emu.7/driver ]"
expect_eq "slow falcon: nova_core says it did not halt" 1 \
	"$(log_since_mark | grep -c 'nova_core nova-emu.7: GSP falcon: ucode did not halt within 2000 ms')"
expect_eq "slow falcon: still running after the probe" "gsp=running sec2=idle" "$(cat $e/falcons)"
check "slow falcon: reset while it runs" sysfs_write $e/reset 1
sleep 2
expect_eq "slow falcon: cancelled, it never completed" "0 none gsp=idle sec2=idle" \
	"$(cat $e/fwsec_runs) $(cat $e/wpr2) $(cat $e/falcons)"

# 8. The GPU removed while its engine runs, after the driver gave up.
check "slow falcon: probe again" sh -c "! echo nova-emu.7 > $drv/bind 2>/dev/null"
expect_eq "slow falcon: running again" "gsp=running sec2=idle" "$(cat $e/falcons)"
t0=$(date +%s)
check "slow falcon: removed while it runs" emu_del 7
if [ $(($(date +%s) - t0)) -le 1 ]; then
	ok "slow falcon: removal did not wait for the engine"
else
	not_ok "slow falcon: removal did not wait for the engine" "took $(($(date +%s) - t0)) s"
fi

# 9. The GPU removed while the driver waits for its engine (nova_core
#    loading in the background probes it): removal cancels the engine, so
#    the driver's wait ends in its timeout although the falcon would have
#    halted in time, the probe fails and the GPU goes.
rmmod nova_core
emu_new "8 chipset=tu104 falcon_delay=1500" > /dev/null
mark_log
modprobe nova_core &
i=0
while [ "$(cat $dev/nova-emu.8/emu/falcons)" != "gsp=running sec2=idle" ] &&
      [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "removed during the probe, its engine running" emu_del 8
wait
expect_eq "removed during the probe: the driver's wait timed out" 1 \
	"$(log_since_mark | grep -c 'nova_core nova-emu.8: GSP falcon: ucode did not halt within 2000 ms')"
expect_eq "removed during the probe: gone" no \
	"$([ -e $dev/nova-emu.8 ] && echo yes || echo no)"
expect_eq "GPUs 1 and 2 bound again after nova_core's reload (its unload took GSP-RM down)" "2 2" \
	"$(emu_count) $(aux_count)"

rmmod nova_emu
rmmod nova_core
# Every unbind and removal above gave back every DMA mapping (the emulator
# says so when a GPU goes with mappings left, and counts them as faults).
expect_eq "no GPU went with DMA mappings left" 0 \
	"$(dmesg | grep -c 'DMA: the driver left')"
ktap_done
