#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The nouveau oracle: Debian's newest kernel boots on QEMU with the
# nova-gpu device (the GPU model, scripts/qemu.sh) and loads its own
# nouveau, unmodified, with NVIDIA's real firmware files; the guest prints
# what nouveau logged (tests/vm/oracle.sh).
#
#   scripts/oracle.sh CHIP [OUTDIR]      (CHIP: tu102, ga102, ...)
#
# The chip's device configuration and the stage nouveau must reach come
# from tests/vm/oracle-stages. Prints the stages nouveau reached, then
# "oracle: CHIP reached STAGE (expected EXPECTED)"; exits 1 if it got less
# far than expected. Output: OUTDIR/ktap.log (the guest's report),
# OUTDIR/console.log, and OUTDIR/qemu.log (the device's own log: what the
# model refused or did not model). Default OUTDIR: build/logs/oracle-CHIP.
set -euo pipefail

chip=$1
top=$(cd "$(dirname "$0")/.." && pwd)
b=$top/build
read -r _ config expected < <(awk -v c="$chip" '$1 == c' "$top/tests/vm/oracle-stages")
[ -n "${expected:-}" ] || { echo "oracle: $chip is not in tests/vm/oracle-stages" >&2; exit 2; }
out=${2:-$b/logs/oracle-$chip}
mkdir -p "$out"

"$top/scripts/kernel.sh" newest > "$out/kernel.log" 2>&1 ||
	{ cat "$out/kernel.log" >&2; exit 1; }
kd=$b/kernels/newest
kver=$(cat "$kd/kver")
"$top/scripts/firmware.sh" > "$out/firmware.log" 2>&1 ||
	{ cat "$out/firmware.log" >&2; exit 1; }
"$top/scripts/qemu.sh" > "$out/qemu-build.log" 2>&1 ||
	{ cat "$out/qemu-build.log" >&2; exit 1; }
"$top/scripts/build-guest-tools.sh" "$b/guest-tools" > "$out/tools.log" 2>&1 ||
	{ cat "$out/tools.log" >&2; exit 1; }

# What the model reads: the synthetic VBIOS, NVIDIA's real GSP files (the
# emulated booter checks the driver's image against the same file).
fw=$b/qemu/fw
rm -rf "$fw"
mkdir -p "$fw"
ln -s "$b/guest-tools/firmware/nova_emu" "$fw/nova_emu"
ln -s "$b/firmware/nvidia" "$fw/nvidia"

# No project module in this guest.
mkdir -p "$out/ko"
NOVA_EXTRA_KMODS=nouveau NOVA_REAL_FW=$b/firmware NOVA_REAL_FW_CHIPS=$chip \
	"$top/scripts/initramfs.sh" "$out/oracle.cpio.gz" "$kver" "$kd/root" "$out/ko"

run_vm() {
	NOVA_QEMU_BIN=$b/qemu/bin/qemu-system-x86_64 \
	NOVA_QEMU_ARGS="-nic none -L /usr/share/qemu -L /usr/share/seabios -fw_cfg name=etc/pci-optionrom-exec,string=0 -device nova-gpu,config=$config,fw-dir=$fw" \
	NOVA_APPEND="firmware_class.path=/lib/firmware-nvidia nouveau.debug=debug ${NOVA_APPEND:-}" \
		"$top/scripts/vm.sh" "$kd/vmlinuz" "$out/oracle.cpio.gz" "$out" newest oracle \
		"${NOVA_VM_TIMEOUT:-180}" 2> "$out/qemu.log" || true
}
run_vm
# A guest that never reached its init (the newest kernel has been seen to
# stop early in its boot under TCG, before any PCI driver runs) is booted
# once more; its console is kept. A guest that hangs later is a failure.
if ! [ -s "$out/ktap.log" ]; then
	echo "oracle: $chip: the guest stopped in its boot ($(tail -n 1 "$out/console.log" | cut -c1-80)); booting it again"
	cp "$out/console.log" "$out/console-first-boot.log"
	run_vm
fi
sed -n 's/^oracle: //p' "$out/ktap.log" > "$out/report.log"
grep -q '^done' "$out/report.log" || { echo "oracle: the VM did not finish" >&2; exit 1; }

# The stages, in order, and the nouveau line that proves each.
up=$(echo "$chip" | tr a-z A-Z)
stages=(identify vbios fwsec-frts booter-load sequencer static-info rm-control
	gsp-postinit device-init rm-objects fifo probe)
proofs=("NVIDIA $up \\(" "bios: version" "fwsec-frts: WPR2 @" "booter-load: booted"
	"gsp: seq:" "gsp: fb region 0:" "ctrl cmd:0x20800138 params_size"
	"vfn: intr [0-9]+/[0-9a-f]+ requested by gsp"
	"drm:00000000:00000080: init completed"
	"cls:0x000090f1 params_size"
	"fifo:[0-9a-f]+:[0-9a-f]+\\[ *gr0\\]"
	"[0-9.]+ for [0-9a-f:.]+ on minor [0-9]+")
reached=none
want=-1
for i in "${!stages[@]}"; do
	[ "${stages[$i]}" = "$expected" ] && want=$i
done
got=-1
for i in "${!stages[@]}"; do
	grep -qE "nouveau[: ].*${proofs[$i]}" "$out/report.log" || break
	got=$i
	reached=${stages[$i]}
done
echo "oracle: $chip reached $reached (expected $expected)"
if [ "$got" -lt "$want" ]; then
	grep -E 'nouveau .*(fail|error|mbox|timeout)|WARNING' "$out/report.log" | tail -n 10 >&2
	exit 1
fi
# Once GSP-RM ran, nouveau unloads it when it gives up, and the model must
# see it through: UNLOADING_GUEST_DRIVER answered, MAILBOX0 then exactly
# 0x80000000 (nouveau waits 2 s for it, then WARNs in r535_gsp_fini),
# FWSEC-SB and booter_unload.
if [ "$got" -ge 3 ]; then
	if grep -q 'WARNING: .*r535_gsp_fini' "$out/report.log" ||
	   ! grep -q 'nouveau .*booter-unload: booted' "$out/report.log"; then
		echo "oracle: $chip: nouveau's unload of GSP-RM did not go through cleanly" >&2
		grep -E 'nouveau .*(unload|fwsec-sb|timeout)|WARNING' "$out/report.log" | tail -n 10 >&2
		exit 1
	fi
	echo "oracle: $chip: nouveau unloaded GSP-RM cleanly"
fi
# Where it stops, nouveau stops cleanly: no WARN of its own on the way (one
# is a model answer it did not expect).
if grep -q 'WARNING: ' "$out/report.log"; then
	echo "oracle: $chip: nouveau WARNed:" >&2
	grep 'WARNING: ' "$out/report.log" | head -n 5 >&2
	exit 1
fi
# The model's own checks hold with nouveau too: a GSP-RM protocol
# violation or a DMA outside nouveau's mappings (each logged by the device
# as an error, or as "DMA refused") fails the run, as a model bug or
# nouveau's to investigate. The registers nouveau touches that the model
# does not model are logged (at info) and listed in docs/emulator.md.
bad=$(grep -E 'nova-gpu [0-9a-f:.]+: (error|warning): |DMA refused' "$out/qemu.log" || true)
if [ -n "$bad" ]; then
	echo "oracle: $chip: the model logged a problem:" >&2
	echo "$bad" | head -n 10 >&2
	exit 1
fi
[ "$got" -gt "$want" ] && echo "oracle: $chip got further than tests/vm/oracle-stages says: update it and docs/emulator.md"
exit 0
