# Several GPUs at once: each bound, each with its own auxiliary device.
. /tests/lib.sh

# Created at load time by the module parameters.
modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
mark_log
modprobe nova_emu chipset=ad102 count=2 vram=512M
a0=$(emu_aux 0)
a1=$(emu_aux 1)
if emu_bound 0 && emu_bound 1 && [ -n "$a0" ] && [ -n "$a1" ] &&
   [ "$a0" != "$a1" ] && [ "$(aux_count)" = 2 ]; then
	ok "two GPUs from count=2, distinct auxiliary devices ($a0, $a1)"
else
	not_ok "two GPUs from count=2, distinct auxiliary devices" \
		"aux of nova-emu.0: ${a0:-<none>}, of nova-emu.1: ${a1:-<none>}"
fi
expect_eq "both identified" 2 \
	"$(log_since_mark | grep -c 'NVIDIA (Chipset: AD102, Architecture: Ada, Revision: a.1)')"
expect_eq "load-time GPUs have the chipset parameter" "ad102" \
	"$(cat /sys/bus/platform/devices/nova-emu.1/emu/chipset)"
expect_eq "load-time GPUs have the vram parameter" "0x20000000" \
	"$(cat /sys/bus/platform/devices/nova-emu.1/emu/vram_bar_size)"

# Two more of different chipsets at run time.
emu_new "10 chipset=tu102"
emu_new "11 chipset=gb202 vram=16G"
ids=$(ls /sys/bus/auxiliary/devices | grep '^nova_core\.nova-drm\.' |
	sed 's/.*\.//' | sort -n | tr '\n' ' ')
expect_eq "four GPUs, four distinct auxiliary ids" "0 1 2 3 " "$ids"
expect_eq "each auxiliary device is the child of its GPU" \
	"nova-emu.11" \
	"$(basename "$(dirname "$(readlink -f /sys/bus/auxiliary/devices/$(emu_aux 11))")")"
expect_eq "run-time GPU has its vram size" "0x400000000" \
	"$(cat /sys/bus/platform/devices/nova-emu.11/emu/vram_bar_size)"
expect_eq "nova_core shows each GPU's own facts" "TU102 268435456 GB202 17179869184" \
	"$(cat /sys/bus/platform/devices/nova-emu.10/nova/chipset \
		/sys/bus/platform/devices/nova-emu.10/nova/vram_bar_size \
		/sys/bus/platform/devices/nova-emu.11/nova/chipset \
		/sys/bus/platform/devices/nova-emu.11/nova/vram_bar_size | tr '\n' ' ' | sed 's/ $//')"

# Removing one leaves the others bound.
emu_del 0
if ! [ -e /sys/bus/platform/devices/nova-emu.0 ] && emu_bound 1 &&
   emu_bound 10 && emu_bound 11 && [ "$(aux_count)" = 3 ]; then
	ok "removing one GPU leaves the others"
else
	not_ok "removing one GPU leaves the others" "aux: $(aux_count)"
fi

# The freed id is reused by the next GPU.
emu_new "12 chipset=ga107"
expect_eq "freed auxiliary id reused" "$a0" "$(emu_aux 12)"

unload_all
expect_eq "nothing left after unloading" "0 0" "$(aux_count) $(emu_count)"
ktap_done
