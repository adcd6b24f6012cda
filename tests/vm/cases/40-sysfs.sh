# nova_emu's sysfs interface and module parameters: bad input gets a clear
# error and changes nothing.
. /tests/lib.sh

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }
modprobe nova_emu count=0 || { not_ok "load nova_emu"; ktap_done; }
emu_new "3 chipset=ga102"

state() {
	echo "$(emu_count) $(aux_count) $(ls /sys/bus/platform/devices | grep nova-emu | tr '\n' ' ')"
}
before=$(state)

# bad_input DESCRIPTION FILE INPUT ERRNO-TEXT
bad_input() {
	mark_log
	err=$(sysfs_write "$2" "$3")
	after=$(state)
	case "$err" in
	*"$4"*)
		if [ "$after" = "$before" ]; then
			ok "$1"
		else
			not_ok "$1" "state changed: $before -> $after"
		fi
		;;
	*)
		not_ok "$1" "input: '$3'" "got: ${err:-success}" "want: $4"
		;;
	esac
}

N=$EMU/new_device
D=$EMU/del_device
bad_input "unknown chipset" $N "4 chipset=gv100" "Invalid argument"
bad_input "duplicate id" $N "3 chipset=tu102" "File exists"
bad_input "garbage" $N "hello world" "Invalid argument"
bad_input "empty line" $N "" "Invalid argument"
bad_input "negative id" $N "-1 chipset=ga102" "Invalid argument"
bad_input "id too large" $N "1024 chipset=ga102" "Invalid argument"
bad_input "id overflowing" $N "99999999999999999999 chipset=ga102" "Invalid argument"
bad_input "empty value" $N "4 chipset=" "Invalid argument"
bad_input "unknown key" $N "4 colour=green" "Invalid argument"
bad_input "word without value" $N "4 ga102" "Invalid argument"
bad_input "chipset and raw BOOT values together" $N "4 chipset=ga102 boot0=0x1" "Invalid argument"
bad_input "chipset given twice" $N "4 chipset=ga102 chipset=tu102" "Invalid argument"
bad_input "bad hex in boot0" $N "4 boot0=0xzz boot42=0" "Invalid argument"
bad_input "boot42 over 32 bits" $N "4 boot0=1 boot42=0x100000000" "Invalid argument"
bad_input "vram not a power of two" $N "4 vram=300M" "Invalid argument"
bad_input "vram too small" $N "4 vram=8M" "Invalid argument"
bad_input "vram too large" $N "4 vram=256G" "Invalid argument"
bad_input "vram garbage" $N "4 vram=lots" "Invalid argument"
bad_input "bar0 too large" $N "4 bar0=128M" "Invalid argument"
bad_input "del_device of an unknown id" $D "4" "No such file or directory"
bad_input "del_device garbage" $D "three" "Invalid argument"
bad_input "del_device empty" $D "" "Invalid argument"

mark_log
sysfs_write $N "4 colour=green" >/dev/null
expect_eq "bad input is explained in the log" 1 \
	"$(log_since_mark | grep -c 'new_device: expected "ID')"
expect_eq "bad input: the reason comes first, naming the key" \
	'nova_emu: new_device: unknown key "colour"' \
	"$(log_since_mark | grep 'new_device:' | head -n1 | sed 's/^\[[ 0-9.]*\] //')"
expect_eq "the messages start with the module's name, one space after the time" 2 \
	"$(log_since_mark | grep -c '^\[[ 0-9.]*\] nova_emu: new_device: ')"

check "good input still works afterwards" emu_new "4 chipset=tu117"
check "names are case-insensitive" emu_new "5 chipset=GA102"
check "whitespace around input is accepted" emu_new "  6   chipset=ad107  vram=1G "
expect_eq "del_device removes" "" "$(emu_del 4; emu_del 5; emu_del 6)"
unload_all

# Module parameters: bad values refuse to load and leave nothing behind.
bad_param() {
	if modprobe nova_emu "$@" 2>/dev/null; then
		not_ok "nova_emu $* refused"
		rmmod nova_emu
	elif [ -e $EMU ] || grep -q '^nova_emu ' /proc/modules; then
		not_ok "nova_emu $* refused" "something was left behind"
	else
		ok "nova_emu $* refused"
	fi
}
bad_param chipset=nv50
bad_param chipset=
bad_param count=17
bad_param vram=100M
bad_param vram=1T

mark_log
insmod /lib/modules/$(uname -r)/extra/nova_emu.ko chipset=bogus 2>/dev/null
# (busybox insmod retries a failed finit_module with init_module, so the
# line may appear twice: once per attempt.)
n=$(log_since_mark | grep -c 'nova_emu: unknown chipset "bogus"')
expect_eq "bad module parameter is explained in the log" yes \
	"$([ "$n" -ge 1 ] && echo yes || echo "no ($n lines)")"

check "count=0 creates no GPU" sh -c \
	'modprobe nova_emu count=0 && [ -e /sys/devices/nova_emu/new_device ] && [ "$(ls /sys/bus/platform/devices | grep -c nova-emu)" = 0 ]'
unload_all

check "count=16 creates sixteen GPUs" sh -c \
	'modprobe nova_emu count=16 chipset=tu116 && [ "$(ls /sys/bus/platform/devices | grep -c nova-emu)" = 16 ]'
unload_all
ktap_done
