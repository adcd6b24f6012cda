#!/bin/bash
# Builds the project's kernel modules out of tree.
#
#   scripts/build-modules.sh OUT KDIR [make arguments...]
#
# The kernel sources of the project are mirrored into OUT (so that builds
# for different kernels do not share objects) and built there with W=1
# against the kernel tree or headers in KDIR. The modules end up in OUT/ko.
#
# NOVA_CHROOT=DIR builds inside that chroot (scripts/kernel.sh newest): KDIR
# is then a path inside it, and OUT is bind-mounted at the same path in a
# private mount namespace, so nothing stays mounted afterwards.
set -euo pipefail

out=$1
kdir=$2
shift 2
top=$(cd "$(dirname "$0")/.." && pwd)

mkdir -p "$out/src" "$out/ko"
out=$(cd "$out" && pwd)
rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' \
	--exclude='*.mod*' --exclude='modules.order' \
	--exclude='Module.symvers' --exclude='*.gcno' \
	"$top/Kbuild" "$top/include" "$top/drivers" "$out/src/" \
	--filter='P *.o' --filter='P *.ko' --filter='P .*.cmd' \
	--filter='P *.mod*' --filter='P modules.order' \
	--filter='P Module.symvers' --filter='P *.gcno'

in_root() {
	if [ -z "${NOVA_CHROOT:-}" ]; then
		"$@"
		return
	fi
	mkdir -p "$NOVA_CHROOT$out"
	# shellcheck disable=SC2016
	unshare -m -- sh -ec 'r=$1 o=$2; shift 2
		mount -t proc proc "$r/proc"
		mount --bind "$o" "$r$o"
		exec chroot "$r" "$@"' sh "$NOVA_CHROOT" "$out" "$@"
}

in_root make -s -C "$kdir" M="$out/src" W=1 \
	CONFIG_NOVA_CORE=m CONFIG_NOVA_EMU=m CONFIG_DRM_NOVA=m \
	"$@" modules

rm -f "$out"/ko/*.ko
find "$out/src" -name '*.ko' -exec cp {} "$out/ko/" \;
