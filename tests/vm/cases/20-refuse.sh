# GPUs nova_core does not drive are refused with -ENODEV and one log line
# giving NV_PMC_BOOT_0 and NV_PMC_BOOT_42, and nothing is left behind.
. /tests/lib.sh

modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }
modprobe nova_core || { not_ok "load nova_core"; ktap_done; }

# refuse DESCRIPTION "ARGS" EXPECTED-TEXT
refuse() {
	mark_log
	err=$(emu_new "5 $2")
	log=$(log_since_mark | grep 'nova-emu.5:')
	n=$(echo "$log" | grep -c .)
	bound=no
	emu_bound 5 && bound=yes
	aux=$(aux_count)
	exists=no
	[ -e /sys/bus/platform/devices/nova-emu.5 ] && exists=yes
	[ -e /sys/bus/platform/devices/nova-emu.5/nova ] && bound="$bound, has nova/ attributes"
	emu_del 5 >/dev/null
	if [ -z "$err" ] && [ "$n" = 1 ] && [ "$bound" = no ] &&
	   [ "$aux" = 0 ] && [ "$exists" = yes ] &&
	   echo "$log" | grep -qF "$3" && [ "$(emu_count)" = 0 ]; then
		ok "$1"
	else
		not_ok "$1" "new_device: ${err:-ok}, bound: $bound, aux: $aux" \
			"log ($n lines): $log" "want: $3"
	fi
}

refuse "pre-Turing GV100 refused" "boot0=0x140000a1 boot42=0x140a1000" \
	"unsupported GPU, chipset 0x140: pre-Turing, no GSP (NV_PMC_BOOT_0=0x140000a1, NV_PMC_BOOT_42=0x140a1000)"
refuse "pre-Turing GP102 refused" "boot0=0x132000a1 boot42=0x132a1000" \
	"unsupported GPU, chipset 0x132: pre-Turing, no GSP (NV_PMC_BOOT_0=0x132000a1, NV_PMC_BOOT_42=0x132a1000)"
refuse "unknown chipset 0x1b8 refused" "boot0=0x1b8000a1 boot42=0x1b8a1000" \
	"unsupported GPU, chipset 0x1b8: unknown chipset (NV_PMC_BOOT_0=0x1b8000a1, NV_PMC_BOOT_42=0x1b8a1000)"
refuse "Tegra GA10B refused" "boot0=0x17b000a1 boot42=0x17ba1000" \
	"unsupported GPU, chipset 0x17b: unknown chipset (NV_PMC_BOOT_0=0x17b000a1, NV_PMC_BOOT_42=0x17ba1000)"
refuse "pre-Fermi refused" "boot0=0x0b0000a1 boot42=0x172a1000" \
	"unsupported GPU: pre-Fermi GPU (NV_PMC_BOOT_0=0x0b0000a1, NV_PMC_BOOT_42=0x172a1000)"
refuse "all-zero BOOT values refused" "boot0=0 boot42=0" \
	"unsupported GPU: pre-Fermi GPU (NV_PMC_BOOT_0=0x00000000, NV_PMC_BOOT_42=0x00000000)"
refuse "all-ones BOOT_0 refused" "boot0=0xffffffff boot42=0xffffffff" \
	"unsupported GPU: not responding (NV_PMC_BOOT_0=0xffffffff, NV_PMC_BOOT_42=0xffffffff)"
refuse "garbage BOOT values refused" "boot0=0x12345678 boot42=0xdeadbeef" \
	"unsupported GPU, chipset 0x1ea: unknown chipset (NV_PMC_BOOT_0=0x12345678, NV_PMC_BOOT_42=0xdeadbeef)"
refuse "BAR0 under 16 MiB refused" "chipset=ga102 bar0=8M" \
	"BAR0 is 8388608 bytes, at least 16 MiB needed"

# A refused GPU does not disturb a good one next to it.
emu_new "1 chipset=tu104"
emu_new "5 boot0=0x140000a1 boot42=0x140a1000"
if emu_bound 1 && ! emu_bound 5 && [ "$(aux_count)" = 1 ]; then
	ok "refused GPU next to a supported one"
else
	not_ok "refused GPU next to a supported one" "aux: $(aux_count)"
fi
emu_del 5
emu_del 1

# Binding by hand through sysfs gets the same refusal, as ENODEV.
emu_new "5 boot0=0x140000a1 boot42=0x140a1000"
err=$(sysfs_write /sys/bus/platform/drivers/nova_core/bind nova-emu.5)
case "$err" in
*"No such device"*) ok "manual bind of a refused GPU fails with ENODEV" ;;
*) not_ok "manual bind of a refused GPU fails with ENODEV" "got: ${err:-success}" ;;
esac
emu_del 5

unload_all
ktap_done
