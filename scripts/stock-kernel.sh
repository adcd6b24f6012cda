#!/bin/bash
# Fetches Debian's kernel image for the ABI the headers are for
# (linux-image-<abi>-amd64-unsigned) and unpacks it under build/, without
# installing it on this machine.
#
#   scripts/stock-kernel.sh OUTDIR
#
# Leaves OUTDIR/vmlinuz, OUTDIR/kver and OUTDIR/root/lib/modules/<kver>.
set -euo pipefail

out=$1
here=$(cd "$(dirname "$0")" && pwd)
abi=$("$here/abi.sh")
kver=$abi-amd64
pkg=linux-image-$kver-unsigned

if [ -f "$out/vmlinuz" ] && [ "$(cat "$out/kver" 2>/dev/null)" = "$kver" ]; then
	exit 0
fi

echo "stock kernel: fetching $pkg"
rm -rf "$out"
"$here/apt-private.sh" host-download "$out/deb" "$pkg"
dpkg-deb -x "$out"/deb/*.deb "$out/root"
cp "$out/root/boot/vmlinuz-$kver" "$out/vmlinuz"
echo "$kver" > "$out/kver"
rm -rf "$out/deb"
