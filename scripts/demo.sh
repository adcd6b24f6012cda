#!/bin/bash
# `make demo`: installs what is missing, builds the modules, boots Debian's
# kernel in QEMU with an emulated GPU, and shows what the driver does.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
step() { echo ">> $*"; }

step "Checking the packages the demo needs (installing any that are missing)..."
"$top/scripts/deps.sh" demo
step "Fetching Debian's kernel image for $("$top/scripts/abi.sh")-amd64 (once, cached in build/)..."
"$top/scripts/stock-kernel.sh" "$top/build/stock-kernel"
step "Building nova_core.ko, nova_emu.ko and nova.ko, packing the VM, booting it (about 30 s)..."
echo
"$top/scripts/guest.sh" stock demo
echo
step "Kernel log of the VM: build/logs/stock/console.log"
