# Every supported chipset is identified with the right name, architecture
# and revision, and gets its auxiliary device; removing it leaves nothing.
# The driver touches no register the emulator does not model, and shows
# the facts in sysfs (<gpu>/nova/).
. /tests/lib.sh

modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }
modprobe nova_core || { not_ok "load nova_core"; ktap_done; }

# name architecture, as the driver must report them (independent of the
# driver's own table on purpose).
while read chip arch; do
	lower=$(echo "$chip" | tr A-Z a-z)
	mark_log
	err=$(emu_new "7 chipset=$lower")
	line=$(log_since_mark | grep 'nova-emu.7: NVIDIA (')
	want="NVIDIA (Chipset: $chip, Architecture: $arch, Revision: a.1)"
	aux=$(emu_aux 7)
	f=/sys/bus/platform/devices/nova-emu.7/nova
	facts=$(cat $f/chipset $f/architecture $f/revision $f/vram_bar_size 2>&1 | tr '\n' ' ')
	unmodeled=$(cat /sys/bus/platform/devices/nova-emu.7/emu/unmodeled)
	emu_del 7 >/dev/null
	if [ -z "$err" ] && [ "${line#*nova-emu.7: }" = "$want" ] &&
	   [ "$unmodeled" = 0 ] && [ "$facts" = "$chip $arch a.1 268435456 " ] &&
	   [ -n "$aux" ] && [ "$(aux_count)" = 0 ] && [ "$(emu_count)" = 0 ]; then
		ok "$lower identified as $chip, $arch"
	else
		not_ok "$lower identified as $chip, $arch" "error: $err" \
			"log:   ${line:-<none>}" "want:  $want" "aux:   ${aux:-<none>}" \
			"accesses outside the register model: $unmodeled" \
			"sysfs nova/{chipset,architecture,revision,vram_bar_size}: $facts"
	fi
done <<'LIST'
TU102 Turing
TU104 Turing
TU106 Turing
TU117 Turing
TU116 Turing
GA100 Ampere
GA102 Ampere
GA103 Ampere
GA104 Ampere
GA106 Ampere
GA107 Ampere
GH100 Hopper
AD102 Ada
AD103 Ada
AD104 Ada
AD106 Ada
AD107 Ada
GB100 Blackwell
GB102 Blackwell
GB202 Blackwell
GB203 Blackwell
GB205 Blackwell
GB206 Blackwell
GB207 Blackwell
LIST

# The revision comes from NV_PMC_BOOT_42, not from BOOT_0's revision
# fields: the two registers disagree here, both ways round.
for r in "a1 b.2 0x174b2000" "b2 a.1 0x174a1000"; do
	set -- $r
	mark_log
	emu_new "8 boot0=0x174000$1 boot42=$3 vbios=nova_emu/ga104.rom"
	line=$(log_since_mark | grep 'nova-emu.8: NVIDIA (')
	expect_eq "revision $2 decoded from BOOT_42 ($3), not BOOT_0 (0x174000$1)" \
		"NVIDIA (Chipset: GA104, Architecture: Ampere, Revision: $2)" \
		"${line#*nova-emu.8: }"
	expect_eq "sysfs revision $2" "$2" "$(cat /sys/bus/platform/devices/nova-emu.8/nova/revision)"
	emu_del 8
done

# Four lines on success: the identification, GSP-RM's static information
# (the GPU's name), the bring-up's layout, and GSP-RM's start.
mark_log
emu_new "9 chipset=ad104"
expect_eq "four lines logged on success" "4 1 1 1 1" \
	"$(log_since_mark | grep 'nova_core nova-emu.9:' | grep -vc 'direct-loading') $(log_since_mark | grep -c 'nova-emu.9: NVIDIA (') $(log_since_mark | grep -c 'nova-emu.9: GSP-RM: NVIDIA GeForce RTX 4070 Ti, ') $(log_since_mark | grep -c 'nova-emu.9: VRAM .* WPR2 at') $(log_since_mark | grep -c 'nova-emu.9: GSP-RM started')"
emu_del 9

unload_all
ktap_done
