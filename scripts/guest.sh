#!/bin/bash
# Builds the modules for one of the two test kernels, packs the initramfs
# and boots it.
#
#   scripts/guest.sh stock|6.12|newest|debug check|demo
#
# stock: Debian's kernel image (linux-image-<abi>-amd64-unsigned), modules
#        built against the matching linux-headers package.
# 6.12, newest: Debian's backports kernel and sid's newest kernel, fetched
#        by scripts/kernel.sh with what builds modules for them.
# debug: the debug kernel from Debian's linux-source-6.1 (KASAN, lockdep,
#        kmemleak, UBSAN, KUnit, fault injection), built once and cached.
# Logs: build/logs/<flavor>/{console.log,ktap.log,build.log,tools.log}.
set -euo pipefail

flavor=$1
mode=$2
top=$(cd "$(dirname "$0")/.." && pwd)
b=$top/build
logs=$b/logs/$flavor
mkdir -p "$logs"

case "$flavor" in
stock)
	"$top/scripts/stock-kernel.sh" "$b/stock-kernel"
	kver=$(cat "$b/stock-kernel/kver")
	kdir=/usr/src/linux-headers-$kver
	kernel=$b/stock-kernel/vmlinuz
	modroot=$b/stock-kernel/root
	modout=$b/stock
	extra=()
	;;
6.12|newest)
	# Debian's newer kernels (scripts/kernel.sh); newest builds in a chroot.
	"$top/scripts/kernel.sh" "$flavor"
	kd=$b/kernels/$flavor
	kver=$(cat "$kd/kver")
	kdir=$(cat "$kd/kdir")
	kernel=$kd/vmlinuz
	modroot=$kd/root
	modout=$b/mod-$flavor
	extra=()
	if [ -f "$kd/chroot" ]; then
		NOVA_CHROOT=$(cat "$kd/chroot")
		export NOVA_CHROOT
	fi
	;;
debug)
	"$top/scripts/debug-kernel.sh" "$b/debug-kernel"
	kver=$(cat "$b/debug-kernel/kver")
	kdir=$b/debug-kernel/src/linux-source-6.1
	kernel=$b/debug-kernel/bzImage
	modroot=$b/debug-kernel/modroot
	modout=$b/debug-mod
	# gcov: the guest prints the coverage data at the end (tests/vm/gcov.sh)
	extra=(CONFIG_NOVA_CORE_KUNIT_TEST=y GCOV_PROFILE=y)
	;;
*)
	echo "guest.sh: unknown flavor $flavor" >&2
	exit 2
	;;
esac

if ! "$top/scripts/build-modules.sh" "$modout" "$kdir" "${extra[@]}" \
	> "$logs/build.log" 2>&1; then
	cat "$logs/build.log" >&2
	echo "guest: building the modules for the $flavor kernel failed" >&2
	exit 1
fi
# The user-space test programs (tests/vm/src), the same for both kernels.
if ! "$top/scripts/build-guest-tools.sh" "$b/guest-tools" > "$logs/tools.log" 2>&1; then
	cat "$logs/tools.log" >&2
	echo "guest: building the guest test programs failed" >&2
	exit 1
fi
# NVIDIA's real firmware files, for 46-realfw (check runs of the stock and
# debug kernels: 90 MB more to pack and unpack, about a minute a VM, and
# the firmware parsers are the same code on every kernel); if they cannot
# be fetched, that case fails saying so.
unset NOVA_REAL_FW
if [ "$mode" = check ] && { [ "$flavor" = stock ] || [ "$flavor" = debug ]; }; then
	if "$top/scripts/firmware.sh" > "$logs/firmware.log" 2>&1; then
		export NOVA_REAL_FW=$b/firmware
	else
		echo "guest: NVIDIA's firmware files could not be fetched: $(tail -n 1 "$logs/firmware.log")" >&2
	fi
fi
"$top/scripts/initramfs.sh" "$b/$flavor.cpio.gz" "$kver" "$modroot" "$modout/ko" \
	"$b/guest-tools"
rc=0
"$top/scripts/vm.sh" "$kernel" "$b/$flavor.cpio.gz" "$logs" "$flavor" "$mode" \
	"${NOVA_VM_TIMEOUT:-1800}" || rc=$?
# The debug kernel's run ends with the modules' coverage data: the line
# coverage of the suite, per file, into $logs/coverage/coverage.txt.
if [ "$flavor" = debug ] && [ "$mode" = check ]; then
	"$top/scripts/coverage.sh" "$logs/ktap.log" "$modout" "$logs/coverage" \
		> /dev/null || echo "guest: no coverage data came back" >&2
fi
exit $rc
