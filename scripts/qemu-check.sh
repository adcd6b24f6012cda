#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The guest suite's QEMU host: Debian's 6.1 kernel boots on QEMU with the
# nova-gpu device (the GPU model, scripts/qemu.sh) behind intel-iommu and
# runs tests/vm/qemu-cases with the project's modules. Afterwards the
# device's own log must show nothing the model refused or did not model
# for the two good GPUs, and the IOMMU's refusal of the dma=stray GPU's
# DMA. The guest reaches QMP on its third serial port.
#
#   scripts/qemu-check.sh
#
# Logs: build/logs/qemu/{console.log,ktap.log,qemu.log}. Exits non-zero if
# the VM did not finish or the model logged a problem.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
b=$top/build
logs=$b/logs/qemu
mkdir -p "$logs"

"$top/scripts/qemu.sh" > "$logs/qemu-build.log" 2>&1 ||
	{ cat "$logs/qemu-build.log" >&2; echo "qemu-check: building QEMU failed" >&2; exit 1; }
grep '^qemu.sh:' "$logs/qemu-build.log" | tail -n 1
"$top/scripts/stock-kernel.sh" "$b/stock-kernel" > /dev/null
kver=$(cat "$b/stock-kernel/kver")
kdir=/usr/src/linux-headers-$kver
"$top/scripts/build-modules.sh" "$b/stock" "$kdir" > "$logs/build.log" 2>&1 ||
	{ cat "$logs/build.log" >&2; exit 1; }
"$top/scripts/build-guest-tools.sh" "$b/guest-tools" > "$logs/tools.log" 2>&1 ||
	{ cat "$logs/tools.log" >&2; exit 1; }
"$top/scripts/initramfs.sh" "$b/qemu.cpio.gz" "$kver" "$b/stock-kernel/root" \
	"$b/stock/ko" "$b/guest-tools"

fw=$b/guest-tools/firmware
dev="-device nova-gpu,id=gpu05,fw-dir=$fw,addr=05.0,config=chipset=tu102"
dev="$dev -device nova-gpu,id=gpu06,fw-dir=$fw,addr=06.0,config=chipset=ga102"
dev="$dev -device nova-gpu,id=gpu07,fw-dir=$fw,addr=07.0,config=chipset=ga102:fwsec=fail"
dev="$dev -device nova-gpu,id=gpu08,fw-dir=$fw,addr=08.0,config=chipset=ga102:dma=stray"
dev="$dev -device nova-gpu,id=gpu09,fw-dir=$fw,addr=09.0,config=chipset=gh100"
dev="$dev -device nova-gpu,id=gpu0a,fw-dir=$fw,addr=0a.0,config=chipset=gb202"
# QMP on the guest's third serial port (ttyS2): a server socket for the
# monitor and the serial port connected to it, so that the cases read and
# set the devices' properties (tests/vm/lib.sh, qmp).
sockdir=$(mktemp -d)
trap 'rm -rf "$sockdir"' EXIT
qmp="-chardev socket,id=qmp,path=$sockdir/qmp,server=on,wait=off -mon chardev=qmp,mode=control"
qmp="$qmp -chardev socket,id=qmp-guest,path=$sockdir/qmp -serial chardev:qmp-guest"
rc=0
NOVA_QEMU_BIN=$b/qemu/bin/qemu-system-x86_64 \
NOVA_QEMU_ARGS="-machine q35 -device intel-iommu -nic none -L /usr/share/qemu -L /usr/share/seabios -fw_cfg name=etc/pci-optionrom-exec,string=0 $dev $qmp" \
NOVA_APPEND="intel_iommu=on novatest.host=qemu ${NOVA_APPEND:-}" \
	"$top/scripts/vm.sh" "$b/stock-kernel/vmlinuz" "$b/qemu.cpio.gz" "$logs" qemu check \
	"${NOVA_VM_TIMEOUT:-600}" 2> "$logs/qemu.log" || rc=$?
# What the model logged: errors, refused DMA and unmodelled registers of
# the good GPUs (05.0, 06.0, 09.0, 0a.0) fail the run; the fwsec=fail GPU
# (07.0) does what it was told, and the dma=stray one (08.0) must have met
# the IOMMU.
bad=$(grep -E 'nova-gpu 00:0([569]|a)\.0: .*(error|unmodeled|DMA refused)' "$logs/qemu.log" || true)
if [ -n "$bad" ]; then
	echo "qemu-check: the GPU model logged problems:" >&2
	echo "$bad" | head -n 20 >&2
	rc=1
fi
if ! grep -q 'nova-gpu 00:08\.0: info: DMA refused' "$logs/qemu.log"; then
	echo "qemu-check: the dma=stray GPU's DMA was not refused by the IOMMU" >&2
	rc=1
fi
exit $rc
