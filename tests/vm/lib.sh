# Helpers for the guest test cases (busybox sh). Each case file sources
# this, reports each test with ok/not_ok, and ends with ktap_done, which
# prints the plan and exits non-zero if any test failed.

KTAP_N=0
KTAP_FAILED=0
EMU=/sys/devices/nova_emu

# ok DESCRIPTION
# NOVA_DRM_DATE, NOVA_DRM_DATE_RE: the date DRM_IOCTL_VERSION reports for
# nova, as a shell pattern and as a regular expression. Before 6.12 it is
# the driver's own, 8 digits; from 6.12 on the DRM core reports "0" for
# every driver (upstream 6.14 dropped drivers' dates; Debian's 6.12 reports
# "0" too), see NOVA_DRM_DRIVER_DATE in nova_compat.h.
case "$(uname -r)" in
[0-5].*|6.[0-9].*|6.1[01].*)
	NOVA_DRM_DATE='[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
	NOVA_DRM_DATE_RE='^[0-9]{8}$'
	;;
*)
	NOVA_DRM_DATE=0
	NOVA_DRM_DATE_RE='^0$'
	;;
esac

ok() {
	KTAP_N=$((KTAP_N + 1))
	echo "ok $KTAP_N $*"
}

# not_ok DESCRIPTION [DIAGNOSTIC...]: each diagnostic on its own "#" line.
not_ok() {
	KTAP_N=$((KTAP_N + 1))
	KTAP_FAILED=$((KTAP_FAILED + 1))
	echo "not ok $KTAP_N $1"
	shift
	for d in "$@"; do
		echo "$d" | sed 's/^/# /'
	done
}

# skip DESCRIPTION REASON
skip() {
	KTAP_N=$((KTAP_N + 1))
	echo "ok $KTAP_N $1 # SKIP $2"
}

diag() {
	echo "$*" | sed 's/^/# /'
}

# check DESCRIPTION COMMAND...: ok if COMMAND succeeds; its output is
# shown as diagnostics when it fails.
check() {
	desc=$1
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc" "command failed: $*" "$out"
	fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "expected: $2" "actual:   $3"
	fi
}

ktap_done() {
	echo "1..$KTAP_N"
	[ "$KTAP_FAILED" = 0 ]
	exit $?
}

# Kernel log helpers: mark_log, then log_since_mark prints what the kernel
# logged after the mark. (The runner clears the log before each case.)
mark_log() {
	LOG_MARK=$(dmesg | wc -l)
}

log_since_mark() {
	dmesg | tail -n +$((LOG_MARK + 1))
}

# Writes to a sysfs file; prints the error (and fails) like a shell would.
sysfs_write() {
	# A subshell so that a failing write does not end the caller.
	(echo "$2" > "$1") 2>&1
}

# emu_new "ID ARGS...": creates an emulated GPU.
emu_new() {
	sysfs_write $EMU/new_device "$1"
}

emu_del() {
	sysfs_write $EMU/del_device "$1"
}

# Count of nova_core auxiliary devices, and of emulated GPUs.
aux_count() {
	ls /sys/bus/auxiliary/devices 2>/dev/null | grep -c '^nova_core\.nova-drm\.'
}

emu_count() {
	ls /sys/bus/platform/devices 2>/dev/null | grep -c '^nova-emu\.'
}

# The auxiliary device of emulated GPU ID, if bound.
emu_aux() {
	ls -d /sys/bus/platform/devices/nova-emu.$1/nova_core.nova-drm.* 2>/dev/null |
		sed 's|.*/||'
}

emu_bound() {
	[ -e /sys/bus/platform/devices/nova-emu.$1/driver ]
}

# Unloads the nova modules, whatever is loaded.
unload_all() {
	for m in nova nova_emu nova_core; do
		grep -q "^$m " /proc/modules && rmmod $m
	done
	return 0
}

# DRM: the user-space test program (tests/vm/src/nova-drm-test.c).
DRM_TEST=/tests/bin/nova-drm-test

# emu_drm_node ID card|renderD: the DRM node (card0, renderD128) of
# emulated GPU ID, if nova is bound to it.
emu_drm_node() {
	ls /sys/bus/platform/devices/nova-emu.$1/nova_core.nova-drm.*/drm 2>/dev/null |
		grep "^$2[0-9]" | head -n 1
}

# The DRM nodes (in /sys/class/drm) whose device nova drives.
nova_nodes() {
	for n in /sys/class/drm/card* /sys/class/drm/renderD*; do
		[ -e "$n/device/driver" ] || continue
		[ "$(basename "$(readlink -f "$n/device/driver")")" = nova ] &&
			basename "$n"
	done
	return 0
}

# ktap_nest NAME FILE STATUS: the KTAP document in FILE (a program's
# output) becomes the subtests of one test NAME, which passes if STATUS is
# 0 and the document has its plan.
ktap_nest() {
	echo "    KTAP version 1"
	echo "    # Subtest: $1"
	grep -v '^KTAP version' "$2" | sed 's/^/    /'
	if [ "$3" = 0 ] && grep -q '^1\.\.[0-9]' "$2"; then
		ok "$1"
	elif [ "$3" -gt 128 ] 2>/dev/null; then
		not_ok "$1" "killed by signal $(($3 - 128))"
	else
		not_ok "$1" "exit status $3"
	fi
}

# drm_test NAME ARGS...: runs nova-drm-test ARGS; its checks are the
# subtests of test NAME.
drm_test() {
	_name=$1
	shift
	$DRM_TEST "$@" > /tmp/drm-test.out 2>&1
	ktap_nest "$_name" /tmp/drm-test.out $?
}

# libnova and nova-info (lib/, tools/): the library's test program
# (tests/vm/src/libnova-test.c), the tool, jq to parse its JSON, and run-as
# (tests/vm/src/run-as.c) to run a program as an unprivileged user:
# "$RUN_AS $NOBODY $NOBODY PROGRAM ARGS...".
LIBNOVA_TEST=/tests/bin/libnova-test
NOVA_INFO=/tests/bin/nova-info
JQ=/tests/bin/jq
RUN_AS=/tests/bin/run-as
NOBODY=65534

# PCI test devices: QEMU's secondary-vga functions (1234:1111) of
# scripts/vm.sh, whose RAM BAR0 stands in for a GPU's register BAR.

# pci_test_devs: their PCI addresses.
pci_test_devs() {
	for d in /sys/bus/pci/devices/*; do
		[ "$(cat $d/vendor):$(cat $d/device)" = "0x1234:0x1111" ] &&
			basename $d
	done
	return 0
}

# pci_bar0_start DEV, pci_bar0_size DEV: BAR0's address and size, decimal.
pci_bar0_start() {
	printf '%d' "$(head -n1 /sys/bus/pci/devices/$1/resource | cut -d' ' -f1)"
}

pci_bar0_size() {
	set -- $(head -n1 /sys/bus/pci/devices/$1/resource)
	echo $(( $2 - $1 + 1 ))
}

# pci_test_dev SIZE: the test device whose BAR0 is SIZE bytes, if any.
pci_test_dev() {
	for d in $(pci_test_devs); do
		[ "$(pci_bar0_size $d)" = "$1" ] && echo $d && return
	done
	return 0
}

# pci_set_gfw DEV: write what the GPU's firmware leaves once it has booted
# (NV_PGC6_AON_SECURE_SCRATCH_GROUP_05 readable, GFW_BOOT progress 0xff).
pci_set_gfw() {
	base=$(pci_bar0_start $1)
	devmem $((base + 0x118128)) 32 1
	devmem $((base + 0x118234)) 32 0xff
}

# pci_set_boot DEV BOOT_0 BOOT_42: write the identification values where
# NV_PMC_BOOT_0 (0x0) and NV_PMC_BOOT_42 (0xa00) are read from.
pci_set_boot() {
	base=$(pci_bar0_start $1)
	devmem $base 32 $2
	devmem $((base + 0xa00)) 32 $3
}

# kmemleak_check DESCRIPTION: once everything is freed, a kmemleak scan
# finds nothing (SKIP on a kernel without kmemleak). What it finds is
# shown, then cleared, so that a later check reports only new leaks. Two
# scans: kmemleak does not report an object whose contents changed since
# the scan before (the first scan of an object always sees a change). A
# scan takes several seconds on the debug kernel under TCG.
kmemleak_check() {
	_k=/sys/kernel/debug/kmemleak
	if ! [ -e $_k ]; then
		skip "$1" "kernel without kmemleak ($NOVA_FLAVOR)"
		return 0
	fi
	# kmemleak reports objects at least 5 s old.
	sleep 5
	echo scan > $_k
	echo scan > $_k
	_leaks=$(cat $_k)
	if [ -z "$_leaks" ]; then
		ok "$1"
	else
		not_ok "$1" "$(echo "$_leaks" | head -n 60)"
		echo clear > $_k
	fi
}

# slab_in_use: the bytes of slab objects in use, in KiB, once what can be
# let go is: dentries and inodes dropped, RCU callbacks run, each cache
# shrunk (which also empties KASAN's quarantine of its objects).
slab_in_use() {
	echo 3 > /proc/sys/vm/drop_caches
	sleep 1
	for _s in /sys/kernel/slab/*/shrink; do
		echo 1 > $_s 2> /dev/null
	done
	awk 'NR > 2 { kib += $2 * $4 / 1024 } END { printf "%d\n", kib }' /proc/slabinfo
}

# slab_back BEFORE WHAT: the slab memory in use (slab_in_use) is back
# within NOVA_SLAB_TOLERANCE KiB (512) of BEFORE, measured before WHAT.
# Caches that grew (sysfs and DRM idr nodes, per-CPU partial slabs) may
# keep a few objects.
slab_back() {
	_tol=${NOVA_SLAB_TOLERANCE:-512}
	_after=$(slab_in_use)
	diag "slab objects in use: $1 KiB before $2, $_after KiB after"
	if [ $((_after - $1)) -le $_tol ]; then
		ok "slab memory in use back within $_tol KiB of where it was"
	else
		not_ok "slab memory in use back within $_tol KiB of where it was" \
			"before: $1 KiB, after: $_after KiB"
	fi
}

# nova_state: sets NOVA_STATE to "GPUS AUX NODES": the emulated GPUs, the
# auxiliary devices and the DRM nodes there are (all nodes: load no other
# DRM driver alongside), without a fork, for loops that run hundreds of
# times.
nova_state() {
	_ns_g=0
	for _ns_f in /sys/bus/platform/devices/nova-emu.*; do
		[ -e "$_ns_f" ] && _ns_g=$((_ns_g + 1))
	done
	_ns_a=0
	for _ns_f in /sys/bus/auxiliary/devices/nova_core.nova-drm.*; do
		[ -e "$_ns_f" ] && _ns_a=$((_ns_a + 1))
	done
	_ns_n=0
	for _ns_f in /dev/dri/card* /dev/dri/renderD*; do
		[ -e "$_ns_f" ] && _ns_n=$((_ns_n + 1))
	done
	NOVA_STATE="$_ns_g $_ns_a $_ns_n"
}

# gpu_name CHIP: the name the emulated GSP-RM's static information gives a
# chipset (emu/gsp/rm.c), as nova_core shows it in sysfs.
gpu_name() {
	case $1 in
	tu102) echo "NVIDIA GeForce RTX 2080 Ti" ;;
	tu104) echo "NVIDIA GeForce RTX 2080" ;;
	tu106) echo "NVIDIA GeForce RTX 2060" ;;
	tu116) echo "NVIDIA GeForce GTX 1660 Ti" ;;
	tu117) echo "NVIDIA GeForce GTX 1650" ;;
	ga100) echo "NVIDIA A100-PCIE-40GB" ;;
	ga102) echo "NVIDIA GeForce RTX 3090" ;;
	ga103) echo "NVIDIA GeForce RTX 3060 Ti" ;;
	ga104) echo "NVIDIA GeForce RTX 3070" ;;
	ga106) echo "NVIDIA GeForce RTX 3060" ;;
	ga107) echo "NVIDIA GeForce RTX 3050" ;;
	ad102) echo "NVIDIA GeForce RTX 4090" ;;
	ad103) echo "NVIDIA GeForce RTX 4080" ;;
	ad104) echo "NVIDIA GeForce RTX 4070 Ti" ;;
	ad106) echo "NVIDIA GeForce RTX 4060 Ti" ;;
	ad107) echo "NVIDIA GeForce RTX 4060" ;;
	gh100) echo "NVIDIA H100 PCIe" ;;
	gb100) echo "NVIDIA B200" ;;
	gb102) echo "NVIDIA Graphics Device" ;;
	gb202) echo "NVIDIA GeForce RTX 5090" ;;
	gb203) echo "NVIDIA GeForce RTX 5080" ;;
	gb205) echo "NVIDIA GeForce RTX 5070" ;;
	gb206) echo "NVIDIA GeForce RTX 5060 Ti" ;;
	gb207) echo "NVIDIA GeForce RTX 5050" ;;
	esac
}

# One GPU of the model on either host. On nova_emu (novatest.host unset)
# ID is an emulated GPU's id, nova-emu.ID on the platform bus, and the
# model's state is in its emu/ sysfs directory. On the QEMU host
# (novatest.host=qemu, scripts/qemu-check.sh) ID is a nova-gpu device's PCI
# slot ("06": 0000:00:06.0, whose QEMU id is gpu06), and the model's state
# is in that device's properties of the same names, which a case reads and
# sets through QMP (qmp below).

# gpu_dev ID: the device's name, as nova_core's log lines start with it.
gpu_dev() {
	if [ "$NOVA_HOST" = qemu ]; then echo "0000:00:$1.0"; else echo "nova-emu.$1"; fi
}

# gpu_bus: the bus the model's GPUs are on.
gpu_bus() {
	if [ "$NOVA_HOST" = qemu ]; then echo /sys/bus/pci; else echo /sys/bus/platform; fi
}

# gpu_bind ID, gpu_unbind ID: bind nova_core to the GPU, or unbind it.
gpu_bind() {
	sysfs_write "$(gpu_bus)/drivers/nova_core/bind" "$(gpu_dev $1)"
}

gpu_unbind() {
	sysfs_write "$(gpu_bus)/drivers/nova_core/unbind" "$(gpu_dev $1)"
}

gpu_bound() {
	[ -e "$(gpu_bus)/devices/$(gpu_dev $1)/driver" ]
}

# gpu_emu ID ATTR: the model's ATTR (gsp, wpr2, gsp_errors, dma_faults,
# gsp_misbehave); gpu_emu_set ID ATTR VALUE sets one.
gpu_emu() {
	if [ "$NOVA_HOST" = qemu ]; then
		qom_get /machine/peripheral/gpu$1 $2
	else
		cat /sys/bus/platform/devices/nova-emu.$1/emu/$2
	fi
}

gpu_emu_set() {
	if [ "$NOVA_HOST" = qemu ]; then
		qom_set /machine/peripheral/gpu$1 $2 $3
	else
		sysfs_write /sys/bus/platform/devices/nova-emu.$1/emu/$2 "$3"
	fi
}

# QMP, QEMU's machine protocol, on the guest's third serial port
# (scripts/qemu-check.sh wires a monitor's chardev to it). qmp JSON sends
# one command and prints the answer's value, or fails printing the
# error's description. One reader (cat, its pid in QMP_PID) collects
# everything QEMU sends; it is started once, outside any command
# substitution's pipe.
QMP_TTY=/dev/ttyS2
QMP_OUT=/tmp/qmp.out
QMP_PID=/tmp/qmp.pid

qmp_start() {
	[ -s $QMP_PID ] && return 0
	# Raw, and no echo: the guest's tty must not send QEMU's answers back.
	# (Until stty set that, the tty may have echoed part of QMP's
	# greeting, leaving QMP's parser inside an unfinished object.)
	stty -F $QMP_TTY raw -echo clocal || return 1
	: > $QMP_OUT
	cat $QMP_TTY >> $QMP_OUT 2> /dev/null < /dev/null &
	echo $! > $QMP_PID
	sleep 0.2
	# 0xff is never valid JSON: QMP's parser starts afresh after it.
	printf '\377\n' > $QMP_TTY
	sleep 0.3
	for _qt in 1 2 3; do
		[ "$(qmp '{"execute": "qmp_capabilities"}')" = "{}" ] && return 0
	done
	return 1
}

qmp() {
	qmp_start || return 1
	_qn=$(grep -cE '^\{"(return|error)"' $QMP_OUT)
	printf '%s\n' "$1" > $QMP_TTY
	_qi=0
	while [ $_qi -lt 200 ]; do
		# Only whole lines: the reader may have stored part of one.
		if [ -z "$(tail -c 1 $QMP_OUT | tr -d '\n')" ]; then
			_qa=$(grep -E '^\{"(return|error)"' $QMP_OUT |
				tail -n +$((_qn + 1)) | head -n 1 | tr -d '\r')
			[ -n "$_qa" ] && break
		fi
		sleep 0.05
		_qi=$((_qi + 1))
	done
	case "$_qa" in
	'{"return": '*)
		_qa=${_qa#'{"return": '}
		_qa=${_qa%'}'}
		_qa=${_qa#'"'}
		echo "${_qa%'"'}"
		;;
	*)
		echo "${_qa:-no answer from QMP}" | sed 's/.*"desc": "\(.*\)"}}$/\1/; s/\\"/"/g'
		return 1
		;;
	esac
}

# qom_get PATH PROPERTY, qom_set PATH PROPERTY STRING
qom_get() {
	qmp "{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"$1\", \"property\": \"$2\"}}"
}

qom_set() {
	_qs=$(qmp "{\"execute\": \"qom-set\", \"arguments\": {\"path\": \"$1\", \"property\": \"$2\", \"value\": \"$3\"}}") ||
		{ echo "$_qs"; return 1; }
}

# GSP-RM on the model, on either host (gpu_* above).

# gsp_state ID: "bound|unbound <gsp> <wpr2> <gsp_errors> <dma_faults>"
gsp_state() {
	if gpu_bound $1; then printf bound; else printf unbound; fi
	printf ' %s %s %s %s' "$(gpu_emu $1 gsp)" "$(gpu_emu $1 wpr2)" \
		"$(gpu_emu $1 gsp_errors)" "$(gpu_emu $1 dma_faults)"
}

# gsp_running ID: bound, GSP-RM running, WPR2 set, nothing refused or
# strayed.
gsp_running() {
	case "$(gsp_state $1)" in
	"bound running none "*) return 1 ;;
	"bound running "*" 0 0") return 0 ;;
	*) return 1 ;;
	esac
}

# gsp_mb_fail ID MODE LINE [WHY]: with GSP-RM's misbehaviour MODE armed,
# binding the (unbound) GPU fails with LINE logged once (and the message
# rejected for WHY), GSP-RM unloaded, nothing refused or strayed; the knob
# reads none again; the GPU binds again. It is left unbound.
gsp_mb_fail() {
	_id=$1 _m=$2 _line=$3 _why=$4
	_d=$(gpu_dev $_id)
	mark_log
	gpu_emu_set $_id gsp_misbehave $_m
	gpu_bind $_id > /dev/null
	s=$(gsp_state $_id)
	case "$s" in
	"unbound unloaded none 0 0") ok "$_m: probe fails, GSP-RM unloaded ($s)" ;;
	*) not_ok "$_m: probe fails, GSP-RM unloaded" "state: $s" \
		"$(log_since_mark | grep "$_d" | tail -n 4)" ;;
	esac
	expect_eq "$_m: one line says why" 1 \
		"$(log_since_mark | grep -c "$_d: $_line")"
	if [ -n "$_why" ]; then
		expect_eq "$_m: the driver rejects the message ($_why)" 1 \
			"$(log_since_mark | grep -c "$_d: GSP: message rejected: $_why")"
	fi
	expect_eq "$_m: the knob is spent" none "$(gpu_emu $_id gsp_misbehave)"
	gpu_bind $_id > /dev/null
	if gsp_running $_id; then
		ok "$_m: the GPU binds again"
	else
		not_ok "$_m: the GPU binds again" "state: $(gsp_state $_id)"
	fi
	gpu_unbind $_id > /dev/null
}

# fsp_misbehaviours ID: each way the FSP or GSP-FMC can fail, set at run
# time on the (unbound) Hopper or Blackwell GPU (fsp_misbehave), meets a
# clean probe failure: one line names it, nothing is left bound, refused
# or strayed; with the FSP well again the GPU binds. (fsp=silent leaves
# the FSP busy and fsp=lockdown the GSP, until a reset: 48-gsp covers
# them.) The GPU is left unbound.
fsp_misbehaviours() {
	_id=$1
	_d=$(gpu_dev $_id)
	for _ml in \
		"noboot FSP: not booted within 5000 ms (boot status 0x00000000 at 0x" \
		"badresp FSP: refused the FMC (COT error 0xa1)" \
		"badseq FSP: malformed answer to the COT message: MCTP header: not a whole message" \
		"fmcfail GSP-FMC: boot failed (MAILBOX0 0x0000005a)"; do
		_m=${_ml%% *} _line=${_ml#* }
		mark_log
		gpu_emu_set $_id fsp_misbehave $_m > /dev/null
		gpu_bind $_id > /dev/null
		s=$(gsp_state $_id)
		case "$s" in
		"unbound "*" none 0 0") ok "fsp_misbehave=$_m: probe fails cleanly ($s)" ;;
		*) not_ok "fsp_misbehave=$_m: probe fails cleanly" "state: $s" \
			"$(log_since_mark | grep "$_d" | tail -n 4)" ;;
		esac
		expect_eq "fsp_misbehave=$_m: one line says why" 1 \
			"$(log_since_mark | grep -cF "$_d: $_line")"
		gpu_emu_set $_id fsp_misbehave ok > /dev/null
		gpu_bind $_id > /dev/null
		if gsp_running $_id; then
			ok "fsp_misbehave=$_m: with the FSP well again, the GPU binds"
		else
			not_ok "fsp_misbehave=$_m: with the FSP well again, the GPU binds" \
				"state: $(gsp_state $_id)" \
				"$(log_since_mark | grep "$_d" | tail -n 3)"
		fi
		gpu_unbind $_id > /dev/null
	done
}

# gsp_mb_ok ID MODE LINE: the boot survives MODE, LINE logged once; unbind
# is clean.
gsp_mb_ok() {
	_id=$1 _m=$2 _line=$3
	_d=$(gpu_dev $_id)
	mark_log
	gpu_emu_set $_id gsp_misbehave $_m
	gpu_bind $_id > /dev/null
	if gsp_running $_id; then
		ok "$_m: the boot survives it"
	else
		not_ok "$_m: the boot survives it" "state: $(gsp_state $_id)" \
			"$(log_since_mark | grep "$_d" | tail -n 4)"
	fi
	expect_eq "$_m: one line tells of it" 1 \
		"$(log_since_mark | grep -c "$_d: $_line")"
	gpu_unbind $_id > /dev/null
	s=$(gsp_state $_id)
	case "$s" in
	"unbound unloaded none 0 0") ok "$_m: unbind unloads GSP-RM" ;;
	*) not_ok "$_m: unbind unloads GSP-RM" "state: $s" ;;
	esac
}

# gsp_misbehaviours ID: every misbehaviour of GSP-RM's model meets a clean
# failure, or is survived where the driver may ignore it: armed before a
# boot (it hits that boot), then armed while GSP-RM runs (it hits the
# next reply: the unbind's UNLOADING_GUEST_DRIVER fails, and the unload
# goes on). The GPU, a GA102, starts and ends unbound.
gsp_misbehaviours() {
	_g=$1
	# A rejected message ends the boot's wait at once, with its error;
	# only silence waits out the 10 s.
	nosq='GSP: no RUN_CPU_SEQUENCER from GSP-RM'
	gsp_mb_fail $_g bad-checksum "$nosq (-74)" 'bad checksum'
	gsp_mb_fail $_g skip-seq "$nosq (-71)" 'out of sequence'
	gsp_mb_fail $_g oversized "$nosq (-71)" 'element count outside what the queue holds'
	gsp_mb_fail $_g truncated "$nosq (-71)" 'RPC length outside the element'
	gsp_mb_fail $_g overlap "$nosq (-71)" 'element count outside what the queue holds'
	gsp_mb_fail $_g silent "$nosq (-110)"
	gsp_mb_fail $_g late 'GSP: no reply to GET_GSP_STATIC_INFO within 2000 ms'
	gsp_mb_ok $_g unknown-function 'GSP: event 0x10ff (unknown) not handled'
	gsp_mb_ok $_g flood 'GSP: event 0x1003 (POST_EVENT) not handled'
	gsp_mb_ok $_g continuation 'GSP: CONTINUATION_RECORD of a message over 64 KiB not handled'
	for m in bad-checksum silent; do
		mark_log
		gpu_bind $_g > /dev/null
		gpu_emu_set $_g gsp_misbehave $m
		gpu_unbind $_g > /dev/null
		s=$(gsp_state $_g)
		if [ "${s#unbound unloaded none }" != "$s" ] &&
		   log_since_mark | grep -q "$(gpu_dev $_g): GSP unload: GSP-RM did not acknowledge"; then
			ok "$m while running: the unload goes on without GSP-RM ($s)"
		else
			not_ok "$m while running: the unload goes on without GSP-RM" "state: $s" \
				"$(log_since_mark | grep "$(gpu_dev $_g)" | tail -n 4)"
		fi
	done
}
