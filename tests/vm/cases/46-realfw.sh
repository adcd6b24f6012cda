# GSP-RM's start on NVIDIA's real firmware files: Debian's
# firmware-nvidia-graphics (linux-firmware's nvidia/<chip>/gsp/*-570.144.bin),
# fetched at test time by scripts/firmware.sh and packed into the guest's
# /lib/firmware-nvidia, never committed, and bind-mounted over the
# synthetic /lib/firmware/nvidia while the case runs: every Turing-to-Ada
# chipset must load NVIDIA's gsp, bootloader and booter files (and
# gen_bootloader on Turing and GA100), parse them, reach WPR2 and have
# NVIDIA's booter_load start GSP-RM: the emulated booter recognises
# NVIDIA's code (emu/nvidia_ucode_runs) and checks the image, bootloader
# and signature the driver put in memory against the same files. The VBIOS
# and its FWSEC stay synthetic (no VBIOS is public); on Turing and GA100
# NVIDIA's generic bootloader loads that FWSEC. GA102 and later are created
# with fuse version 1: NVIDIA's 570.144 booters there carry signatures for
# fuse versions 1 and below only. GSP-RM (the emulator's model) then
# answers on its queues and names the GPU, which user space reads in
# sysfs. Unbinding then unloads GSP-RM with NVIDIA's booter_unload. Every
# Hopper and Blackwell chipset loads NVIDIA's gsp, bootloader and fmc, and
# the emulated FSP and GSP-FMC check them as they lie in memory.
. /tests/lib.sh

R=/lib/firmware-nvidia
dev=/sys/bus/platform/devices

case "$NOVA_FLAVOR" in
stock|debug) ;;
*)
	skip "the bring-up on NVIDIA's files" \
		"packed for the stock and debug kernels only (scripts/guest.sh)"
	ktap_done
	;;
esac
if [ ! -d $R/nvidia ]; then
	not_ok "NVIDIA's firmware files are in the guest" \
		"scripts/firmware.sh could not fetch firmware-nvidia-graphics: see build/logs/$NOVA_FLAVOR/firmware.log"
	ktap_done
fi

# With dynamic debug (Debian's kernels), nova_core names each file it loads
# and its size; the debug kernel has none, and the sizes are read from the
# files themselves.
dyndbg=
[ -e /sys/kernel/debug/dynamic_debug/control ] && dyndbg=dyndbg=+p
modprobe nova_core $dyndbg || { not_ok "load nova_core"; ktap_done; }
modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }
# NVIDIA's tree over the synthetic one for this case only (the loader's
# path parameter cannot be emptied again once set).
mount -o bind $R/nvidia /lib/firmware/nvidia ||
	{ not_ok "NVIDIA's files over /lib/firmware/nvidia"; unload_all; ktap_done; }

# The size of each file nova_core must load, as NVIDIA ships it (Debian's
# tree links chips that share a file): chip, gsp, bootloader, booter_load,
# booter_unload, gen_bootloader (- for none).
cat > /tmp/realfw.sizes <<EOF
tu102 28542040 4196 59272 39304 816
tu104 28542040 4196 59272 39304 816
tu106 28542040 4196 59272 39304 816
tu116 28542040 4196 59016 39048 816
tu117 28542040 4196 59016 39048 816
ga100 28542040 4196 60664 40440 816
ga102 63571696 24684 61304 41080 -
ga103 63571696 24684 61304 41080 -
ga104 63571696 24684 61304 41080 -
ga106 63571696 24684 61304 41080 -
ga107 63571696 24684 61304 41080 -
ad102 63571696 36972 57720 41592 -
ad103 63571696 36972 57720 41592 -
ad104 63571696 36972 57720 41592 -
ad106 63571696 36972 57720 41592 -
ad107 63571696 36972 57720 41592 -
EOF

# The files GPU ID loaded for chip C, with their sizes: as nova_core
# logged them (dyndbg), else as they lie where it looked for them.
loaded() {
	if [ -n "$dyndbg" ]; then
		log_since_mark | grep "nova_core nova-emu.$1: firmware nvidia/" |
			sed 's/.*firmware nvidia\/[^/]*\/gsp\/\([a-z_]*\)-570.144.bin: \([0-9]*\) bytes/\1 \2/' |
			tr '\n' ' '
		return
	fi
	for _k in gsp bootloader booter_load booter_unload gen_bootloader fmc; do
		_f=/lib/firmware/nvidia/$2/gsp/$_k-570.144.bin
		[ -e $_f ] && printf '%s %s ' $_k $(wc -c < $_f)
	done
}

# Under the debug kernel's sanitizers the booter's comparison of a 63 MB
# image takes seconds: there, one chipset of each set of files runs (the
# chipsets that share them differ only in their identification, which
# 10-identify and 48-gsp cover).
seen=
id=400
while read -r c gsp bl bload bunload gbl; do
	id=$((id + 1))
	if [ "$NOVA_FLAVOR" = debug ]; then
		case "$seen" in *" $bload/$bunload "*) continue ;; esac
		seen="$seen $bload/$bunload "
	fi
	want="gsp $gsp bootloader $bl booter_load $bload booter_unload $bunload "
	# NVIDIA's ucodes run at probe: booter_load twice (the boot, and
	# the sequencer's CORE_RESUME), and the generic bootloader (Turing,
	# GA100).
	runs=2
	fuse=fuse=1
	if [ "$gbl" != - ]; then
		want="${want}gen_bootloader $gbl "
		runs=3
		fuse=
	fi
	mark_log
	emu_new "$id chipset=$c $fuse" > /dev/null
	e=$dev/nova-emu.$id/emu
	got=$(loaded $id $c)
	if emu_bound $id && [ "$got" = "$want" ] && [ "$(cat $e/wpr2)" != none ] &&
	   [ "$(cat $e/nvidia_ucode_runs)" = $runs ] && [ "$(cat $e/fwsec_runs)" = 1 ] &&
	   [ "$(cat $e/gsp)" = running ] && [ "$(cat $e/gsp_errors)" = 0 ] &&
	   [ "$(cat $e/unmodeled)" = 0 ] && [ "$(cat $e/dma_errors)" = 0 ]; then
		ok "$c: GSP-RM started on NVIDIA's files"
	else
		not_ok "$c: GSP-RM started on NVIDIA's files" \
			"expected: $want" "loaded:   $got" \
			"bound: $(emu_bound $id && echo yes || echo no), wpr2: $(cat $e/wpr2)" \
			"nvidia_ucode_runs: $(cat $e/nvidia_ucode_runs) (expected $runs), fwsec_runs: $(cat $e/fwsec_runs), gsp: $(cat $e/gsp), gsp_errors: $(cat $e/gsp_errors), unmodeled: $(cat $e/unmodeled), dma_errors: $(cat $e/dma_errors)" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 3)"
	fi
	expect_eq "$c: user space reads the GPU's name GSP-RM gave (sysfs)" \
		"$(gpu_name $c)" "$(cat $dev/nova-emu.$id/nova/gpu_name 2>&1)"
	sysfs_write /sys/bus/platform/drivers/nova_core/unbind nova-emu.$id > /dev/null
	s="$(cat $e/wpr2) $(cat $e/gsp) $(cat $e/gsp_errors)"
	if [ "$s" = "none unloaded 0" ]; then
		ok "$c: NVIDIA's booter_unload takes GSP-RM down"
	else
		not_ok "$c: NVIDIA's booter_unload takes GSP-RM down" "wpr2, gsp, errors: $s" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 3)"
	fi
	emu_del $id > /dev/null
done < /tmp/realfw.sizes

# Hopper and Blackwell: gsp, bootloader and fmc, NVIDIA's, checked by the
# emulated FSP (the COT's hash, key and signature, the FMC image in system
# memory) and GSP-FMC (GspFwWprMeta, the image, bootloader and signature
# the driver put in memory); no ucode of theirs runs on a falcon here.
cat > /tmp/realfw.fsp <<EOF
gh100 63571696 168044 166600
gb100 63571696 200812 198028
gb102 63571696 200812 198028
gb202 63571696 200812 199820
gb203 63571696 200812 199820
gb205 63571696 200812 199820
gb206 63571696 200812 199820
gb207 63571696 200812 199820
EOF
seen=
while read -r c gsp bl fmc; do
	id=$((id + 1))
	if [ "$NOVA_FLAVOR" = debug ]; then
		case "$seen" in *" $bl/$fmc "*) continue ;; esac
		seen="$seen $bl/$fmc "
	fi
	want="gsp $gsp bootloader $bl fmc $fmc "
	mark_log
	emu_new "$id chipset=$c" > /dev/null
	e=$dev/nova-emu.$id/emu
	got=$(loaded $id $c)
	if emu_bound $id && [ "$got" = "$want" ] && [ "$(cat $e/wpr2)" != none ] &&
	   [ "$(cat $e/gsp)" = running ] && [ "$(cat $e/gsp_errors)" = 0 ] &&
	   [ "$(cat $e/fsp | cut -d' ' -f4)" = last_error=0x0 ] &&
	   [ "$(cat $e/unmodeled)" = 0 ] && [ "$(cat $e/dma_errors)" = 0 ]; then
		ok "$c: the FSP booted GSP-RM on NVIDIA's files"
	else
		not_ok "$c: the FSP booted GSP-RM on NVIDIA's files" \
			"expected: $want" "loaded:   $got" \
			"bound: $(emu_bound $id && echo yes || echo no), wpr2: $(cat $e/wpr2)" \
			"fsp: $(cat $e/fsp), gsp: $(cat $e/gsp), gsp_errors: $(cat $e/gsp_errors), unmodeled: $(cat $e/unmodeled), dma_errors: $(cat $e/dma_errors)" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 3)"
	fi
	expect_eq "$c: user space reads the GPU's name GSP-RM gave (sysfs)" \
		"$(gpu_name $c)" "$(cat $dev/nova-emu.$id/nova/gpu_name 2>&1)"
	sysfs_write /sys/bus/platform/drivers/nova_core/unbind nova-emu.$id > /dev/null
	s="$(cat $e/wpr2) $(cat $e/gsp_errors)"
	if [ "$s" = "none 0" ]; then
		ok "$c: unbind unloads GSP-RM, WPR2 gone"
	else
		not_ok "$c: unbind unloads GSP-RM, WPR2 gone" "wpr2, errors: $s" \
			"$(log_since_mark | grep nova-emu.$id | tail -n 3)"
	fi
	emu_del $id > /dev/null
done < /tmp/realfw.fsp

unload_all
umount /lib/firmware/nvidia
expect_eq "the synthetic files are back" "" "$(grep ' /lib/firmware/nvidia ' /proc/mounts)"
ktap_done
