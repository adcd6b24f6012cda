#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The nouveau oracle: Debian's newest kernel boots on QEMU with the
# nova-gpu device (the GPU model, scripts/qemu.sh) and loads its own
# nouveau, unmodified, with NVIDIA's real firmware files; the guest prints
# what nouveau logged (tests/vm/oracle.sh).
#
#   scripts/oracle.sh CHIP [OUTDIR]      (CHIP: tu102, ga102, ...)
#
# Output: OUTDIR/ktap.log (the guest's report), OUTDIR/console.log, and
# OUTDIR/qemu.log (the device's own log: what the model refused or did not
# model). Default OUTDIR: build/logs/oracle-CHIP.
set -euo pipefail

chip=$1
top=$(cd "$(dirname "$0")/.." && pwd)
b=$top/build
out=${2:-$b/logs/oracle-$chip}
mkdir -p "$out"

"$top/scripts/kernel.sh" newest > "$out/kernel.log" 2>&1 ||
	{ cat "$out/kernel.log" >&2; exit 1; }
kd=$b/kernels/newest
kver=$(cat "$kd/kver")
"$top/scripts/firmware.sh" > "$out/firmware.log" 2>&1 ||
	{ cat "$out/firmware.log" >&2; exit 1; }
"$top/scripts/qemu.sh"
"$top/scripts/build-guest-tools.sh" "$b/guest-tools" > "$out/tools.log" 2>&1 ||
	{ cat "$out/tools.log" >&2; exit 1; }

# What the model reads: the synthetic VBIOS, NVIDIA's real GSP files (the
# emulated booter checks the driver's image against the same file).
fw=$b/qemu/fw
rm -rf "$fw"
mkdir -p "$fw"
ln -s "$b/guest-tools/firmware/nova_emu" "$fw/nova_emu"
ln -s "$b/firmware/nvidia" "$fw/nvidia"

# No project module in this guest: an empty directory of them.
mkdir -p "$out/ko"
touch "$out/ko/none.ko"
NOVA_EXTRA_KMODS=nouveau NOVA_REAL_FW=$b/firmware \
	"$top/scripts/initramfs.sh" "$out/oracle.cpio.gz" "$kver" "$kd/root" "$out/ko"
rm -f "$out/ko/none.ko"

NOVA_QEMU_BIN=$b/qemu/bin/qemu-system-x86_64 \
NOVA_QEMU_ARGS="-nic none -L /usr/share/qemu -L /usr/share/seabios -fw_cfg name=etc/pci-optionrom-exec,string=0 -device nova-gpu,config=chipset=$chip:fuse=1,fw-dir=$fw" \
NOVA_APPEND="firmware_class.path=/lib/firmware-nvidia ${NOVA_APPEND:-}" \
	"$top/scripts/vm.sh" "$kd/vmlinuz" "$out/oracle.cpio.gz" "$out" newest oracle \
	"${NOVA_VM_TIMEOUT:-300}" 2> "$out/qemu.log" || true
sed -n 's/^oracle: //p' "$out/ktap.log"
