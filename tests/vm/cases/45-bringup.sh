# Bring-up to WPR2 on the emulated GPU: every Turing-to-Ada chipset reads
# its VBIOS through the PROM window, loads and parses its firmware files,
# lays out VRAM and runs FWSEC-FRTS on its GSP falcon, which creates WPR2.
# Then every way it can fail must fail cleanly: probe returns an error with
# one message naming the cause, and nothing is left bound or allocated.
. /tests/lib.sh

dev=/sys/bus/platform/devices
chips="tu102 tu104 tu106 tu116 tu117 ga100 ga102 ga103 ga104 ga106 ga107
	ad102 ad103 ad104 ad106 ad107"

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }

# The WPR2 range nova_core logged for GPU ID, as the emulator prints it.
logged_wpr2() {
	log_since_mark | grep "nova_core nova-emu.$1: VRAM" |
		sed -n 's/.*WPR2 at \(0x[0-9a-f]*\)-.* (FRTS \(0x[0-9a-f]*\)).*/\2/p'
}

# Where FWSEC must put WPR2 on an 8 GiB board (the emulator's default),
# worked out as nouveau lays the FB out, not taken from the driver: the
# VGA workspace is the last 1 MiB (its register reads as not set), FRTS is
# the 1 MiB below it aligned down to 128 KiB, and FWSEC-FRTS makes WPR2
# exactly the FRTS region.
want_wpr2=0x1ffe00000-0x1fff00000

id=100
for c in $chips; do
	id=$((id + 1))
	mark_log
	emu_new "$id chipset=$c" > /dev/null
	e=$dev/nova-emu.$id/emu
	frts=$(logged_wpr2 $id)
	if emu_bound $id && [ -n "$(emu_aux $id)" ] && [ -n "$frts" ] &&
	   [ "$(cat $e/wpr2)" != none ] && [ "$(cat $e/fwsec_runs)" = 1 ] &&
	   [ "$(cat $e/unmodeled)" = 0 ] && [ "$(cat $e/dma_errors)" = 0 ] &&
	   [ "$(cat $e/wpr2 | cut -d- -f1)" = "$frts" ] && [ "$(cat $e/wpr2)" = $want_wpr2 ]; then
		ok "$c brought up to WPR2 at $(cat $e/wpr2)"
	else
		not_ok "$c brought up to WPR2" "$(log_since_mark | tail -n 5)" \
			"bound: $(emu_bound $id && echo yes || echo no), wpr2: $(cat $e/wpr2) (expected $want_wpr2), FRTS logged: $frts" \
			"fwsec_runs: $(cat $e/fwsec_runs), unmodeled: $(cat $e/unmodeled), dma_errors: $(cat $e/dma_errors)"
	fi
	emu_del $id > /dev/null
done

# Hopper and Blackwell boot through the FSP: no VBIOS read, no FWSEC run,
# GSP-FMC lays VRAM out (48-gsp boots every one of them).
mark_log
emu_new "200 chipset=gh100" > /dev/null
expect_eq "GH100 brought up through the FSP, no FWSEC" "yes 1 0" \
	"$(emu_bound 200 && echo yes) $(log_since_mark | grep -c 'nova-emu.200: VRAM [0-9]* MiB, laid out by GSP-FMC$') $(cat $dev/nova-emu.200/emu/fwsec_runs)"
emu_del 200 > /dev/null

# A VRAM size of the emulator's choosing is what nova_core reports.
mark_log
emu_new "201 chipset=ga102 fb=12G" > /dev/null
expect_eq "VRAM size read from the GPU" 1 \
	"$(log_since_mark | grep -c 'nova-emu.201: VRAM 12288 MiB')"
expect_eq "12 GiB: WPR2 is the 1 MiB below the last one" 0x2ffe00000-0x2fff00000 \
	"$(cat $dev/nova-emu.201/emu/wpr2)"
emu_del 201 > /dev/null

# A ROM whose first FWSEC image has an NPDE of length 0, which the format
# allows (its PCIR's length then stands): the PROM reader must read the
# whole chain, as the parser decodes it (once, the two disagreed: the
# reader stopped there and the bring-up failed).
emu_new "202 chipset=ga102 vbios=nova_emu/npde-zero.rom" > /dev/null
if emu_bound 202 && [ "$(cat $dev/nova-emu.202/emu/wpr2)" = $want_wpr2 ]; then
	ok "VBIOS with an NPDE of length 0: read whole, brought up"
else
	not_ok "VBIOS with an NPDE of length 0: read whole, brought up" \
		"$(dmesg | grep 'nova-emu.202' | tail -n 3)"
fi
emu_del 202 > /dev/null

# fails NAME ID ARGS MESSAGE: creating emulated GPU ID with ARGS leaves it
# unbound, with MESSAGE (a grep pattern) logged once, and nothing else
# of nova_core's around.
fails() {
	_aux=$(aux_count)
	mark_log
	emu_new "$2 $3" > /dev/null
	_n=$(log_since_mark | grep "nova_core nova-emu.$2: " | grep -c -- "$4")
	if ! emu_bound $2 && [ "$_n" = 1 ] && [ "$(aux_count)" = "$_aux" ]; then
		ok "$1"
	else
		not_ok "$1" "expected once: $4" \
			"bound: $(emu_bound $2 && echo yes || echo no)" \
			"$(log_since_mark | grep 'nova-emu' | tail -n 5)"
	fi
	emu_del $2 > /dev/null
}

fails "no VBIOS in the PROM" 300 "chipset=ga102 vbios=none" \
	"VBIOS: image at 0x0: bad ROM signature 0xffff"
fails "missing VBIOS file reads as no ROM" 301 "chipset=ad104 vbios=nova_emu/nope.rom" \
	"VBIOS: image at 0x0: bad ROM signature"
fails "corrupt VBIOS (image chain)" 302 "chipset=ga102 vbios=nova_emu/bad/bad-pcir-sig.rom" \
	"VBIOS: PCIR at 0x1040: bad signature"
fails "FWSEC without DMEMMAPPER" 303 "chipset=ga102 vbios=nova_emu/bad/no-dmemmapper.rom" \
	"FWSEC: no DMEMMAPPER interface"
fails "FWSEC with a bad command buffer" 304 "chipset=tu102 vbios=nova_emu/bad/cmd-in-too-small.rom" \
	"FWSEC: DMEMMAPPER command buffer"
fails "FWSEC signatures the BROM rejects" 305 "chipset=ga102 vbios=nova_emu/bad/bad-sigs.rom" \
	"FWSEC-FRTS failed: MAILBOX0 0x"
# No signature for the fuse version: the booters are checked first, before
# FWSEC-FRTS (a booter_unload that could not run would leave WPR2 for
# good); FWSEC's own check, with a VBIOS signed for versions 0 and 1 only.
fails "no booter signature for the fuse version" 306 "chipset=ad102 fuse=5" \
	"booter_load: no signature for fuse version 5"
fails "no FWSEC signature for the fuse version" 315 \
	"chipset=ga102 fuse=2 vbios=nova_emu/sigs2.rom" \
	"FWSEC: no signature for fuse version 2"
fails "GSP falcon never finishes scrubbing (GA102)" 307 "chipset=ga102 scrub=stuck" \
	"GSP falcon: memory scrubbing did not finish"
fails "GSP falcon never finishes scrubbing (Turing)" 308 "chipset=tu104 scrub=stuck" \
	"GSP falcon: memory scrubbing did not finish"
fails "FWSEC fails" 309 "chipset=ga104 fwsec=fail" \
	"FWSEC-FRTS failed: MAILBOX0 0xbadf5ec1"
fails "FWSEC creates no WPR2" 310 "chipset=tu116 fwsec=nowpr2" \
	"FWSEC-FRTS ran but created no WPR2"
fails "FWSEC leaves an FRTS error code, MAILBOX0 clear" 313 "chipset=ga107 fwsec=frtserr" \
	"FWSEC-FRTS failed: error 0x5ec2"
fails "FWSEC puts WPR2 elsewhere than the FRTS region" 314 "chipset=tu106 fwsec=wpr2off" \
	"FWSEC-FRTS put WPR2 at 0x"
fails "WPR2 already set up: EBUSY" 311 "chipset=ad107 wpr2=preset" \
	"WPR2 already exists"
fails "GFW never completes" 312 "chipset=ga100 gfw=stuck" \
	"GPU firmware boot (GFW) did not complete"
fails "FWSEC v2: secure part past the IMEM image" 315 \
	"chipset=tu102 vbios=nova_emu/bad/sec-past-image.rom" \
	"FWSEC: IMEM parts .0x0, +0x0) and .0x100, +0x400) not within the image.s 0x400 bytes"
# The split is checked by the emulated falcon: blocks in the wrong mode.
fails "FWSEC v2: descriptor and ucode disagree on the secure part" 316 \
	"chipset=tu104 vbios=nova_emu/bad/sec-moved.rom" \
	"FWSEC-FRTS failed: MAILBOX0 0xbad0b104"

# Firmware files: a missing one and each malformed one, named in the log
# (gen_bootloader only exists for Turing and GA100).
for cf in ga102:gsp ga102:bootloader ga102:booter_load ga102:booter_unload \
	  tu104:gen_bootloader; do
	c=${cf%%:*}
	f=${cf#*:}
	fw=/lib/firmware/nvidia/$c/gsp
	mv $fw/$f-570.144.bin /tmp/saved.bin
	fails "missing $f firmware named ($c)" 320 "chipset=$c" \
		"firmware nvidia/$c/gsp/$f-570.144.bin: cannot load it (-2)"
	head -c 100 /tmp/saved.bin > $fw/$f-570.144.bin
	fails "truncated $f firmware named ($c)" 321 "chipset=$c" \
		"firmware nvidia/$c/gsp/$f-570.144.bin: .*(-[0-9]*)$"
	mv /tmp/saved.bin $fw/$f-570.144.bin
done

# An FWSEC failure leaves no WPR2, and the GPU stays usable: a retry with
# a good configuration on the same id works.
emu_new "330 chipset=ga102" > /dev/null
check "a GPU created after the failures comes up" emu_bound 330
emu_del 330 > /dev/null

# Unbinding unloads GSP-RM: WPR2 goes with it, and the board (which keeps
# its state, persist=1) binds again with no reset: FWSEC runs again.
emu_new "340 chipset=ga102 persist=1" > /dev/null
check "persistent GPU bound" emu_bound 340
sysfs_write $dev/nova-emu.340/driver/unbind nova-emu.340 > /dev/null
expect_eq "unbind takes WPR2 down" none "$(cat $dev/nova-emu.340/emu/wpr2)"
check "rebind with no reset" sysfs_write /sys/bus/platform/drivers/nova_core/bind nova-emu.340
# FWSEC runs: FRTS, SB at the unbind, FRTS again.
expect_eq "FWSEC ran again after the rebind, WPR2 back" "3 yes" \
	"$(cat $dev/nova-emu.340/emu/fwsec_runs) $([ "$(cat $dev/nova-emu.340/emu/wpr2)" != none ] && echo yes)"
emu_del 340 > /dev/null

expect_eq "nothing left" "0 0" "$(aux_count) $(emu_count)"
unload_all
ktap_done
