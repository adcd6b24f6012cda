#!/bin/bash
# Boots one test VM with QEMU and waits for it to finish.
#
#   scripts/vm.sh KERNEL INITRD LOGDIR FLAVOR MODE [TIMEOUT]
#
# The kernel logs to the first serial port (LOGDIR/console.log); the guest's
# test output goes to the second (LOGDIR/ktap.log, or the terminal when
# MODE is demo). TCG is used unless NOVA_KVM=1 and /dev/kvm works.
# Three display devices without legacy VGA (QEMU's secondary-vga, 1234:1111,
# with 32, 16 and 8 MiB RAM BARs) serve the PCI-path test (70-pci).
# NOVA_QEMU_BIN: the QEMU binary (default: Debian's qemu-system-x86_64;
# scripts/qemu.sh builds one with the nova-gpu device); NOVA_QEMU_ARGS:
# more arguments.
# Exits 0 if the guest reached its end marker, 1 otherwise.
set -euo pipefail

kernel=$1
initrd=$2
logdir=$3
flavor=$4
mode=$5
tmo=${6:-600}

mkdir -p "$logdir"
rm -f "$logdir/console.log" "$logdir/ktap.log"

accel=tcg
# TCG runs each vCPU in a thread of its own, and Debian 12's QEMU (7.2)
# can then let one vCPU run code in the form another vCPU has just patched
# away: the newest kernel (7.2), enabling a static key in a hot path at
# boot (sched_clock marked stable), met the INT3 of its own finished patch
# ("Oops: int3" in sched_clock_cpu) in about one boot in fifty, here and
# in CI. With one thread for all vCPUs no vCPU runs while another patches.
# Its VMs run so, no slower for this suite (the other kernels never met
# the race, and the debug kernel's runs take 13% longer in one thread).
if [ "$flavor" = newest ]; then
	accel=tcg,thread=single
fi
if [ "${NOVA_KVM:-0}" = 1 ] && [ -w /dev/kvm ]; then
	accel=kvm
fi

# A kernel log that holds a whole run: the tests read it from a line count
# (tests/vm/lib.sh mark_log), which a full ring buffer would shift.
append="console=ttyS0 loglevel=7 panic=-1 nokaslr log_buf_len=16M"
append="$append novatest.flavor=$flavor novatest.mode=$mode"
[ -n "${NOVA_ONLY:-}" ] && append="$append novatest.only=$NOVA_ONLY"
[ -n "${NOVA_STRESS:-}" ] && append="$append novatest.stress=$NOVA_STRESS"
# The debug kernel: the kmalloc caches that failslab's cache filter may
# fail (tests/vm/cases/87-faults.sh says why not every one).
if [ "$flavor" = debug ]; then
	append="$append slub_debug=A,kmalloc-32,kmalloc-64,kmalloc-96,kmalloc-128,kmalloc-192,kmalloc-256,kmalloc-512,kmalloc-2k,kmalloc-4k,kmalloc-8k,kmalloc-cg-*,inode_cache,dentry"
fi
append="$append ${NOVA_APPEND:-}"

if [ "$mode" = demo ]; then
	out=stdio
	: > "$logdir/ktap.log"
else
	out=file:$logdir/ktap.log
fi

qemu() {
	timeout --foreground "$tmo" "${NOVA_QEMU_BIN:-qemu-system-x86_64}" \
		-accel "$accel" -m 2048 -smp 2 -cpu max \
		-display none -monitor none -no-reboot -vga none \
		-device secondary-vga,vgamem_mb=32 \
		-device secondary-vga,vgamem_mb=16 \
		-device secondary-vga,vgamem_mb=8 \
		-kernel "$kernel" -initrd "$initrd" -append "$append" \
		-serial "file:$logdir/console.log" -serial "$out" \
		${NOVA_QEMU_ARGS:-}
}

set +e
if [ "$mode" = demo ]; then
	qemu | tee -a "$logdir/ktap.log" | grep --line-buffered -v '^nova-vm: end'
	rc=${PIPESTATUS[0]}
else
	# Progress: one line per guest case as it ends, from the KTAP the
	# guest writes (ktap.log stays the record).
	: > "$logdir/ktap.log"
	qemu &
	qpid=$!
	tail -s 1 -n +1 -F --pid=$qpid "$logdir/ktap.log" 2>/dev/null |
		awk -v flavor="$flavor" -f "$(dirname "$0")/progress.awk"
	wait $qpid
	rc=$?
fi
set -e

if [ "$rc" = 124 ]; then
	echo "vm: $flavor VM did not finish within ${tmo}s" >&2
fi
grep -q '^nova-vm: end' "$logdir/ktap.log"
