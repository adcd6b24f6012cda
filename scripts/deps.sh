#!/bin/bash
# Installs, with apt-get, the Debian 12 packages the build and the test rig
# need, if any is missing. Usage: scripts/deps.sh [build|demo|check]
#   build: what `make` needs (compiler, kernel headers, sparse, libdrm)
#   demo:  also what a VM with Debian's kernel needs (QEMU, busybox, ...)
#   check: also what the whole test rig needs (kernel sources for the debug
#          kernel, DKMS, pahole for the BTF of 6.12's modules, debootstrap
#          for the newest kernel's chroot)
set -euo pipefail

what=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)

need_abi() {
	# apt metadata is needed to resolve the ABI on a fresh machine.
	if ! apt-cache show linux-headers-amd64 >/dev/null 2>&1; then
		run_apt update -q
	fi
	"$here/abi.sh"
}

run_apt() {
	if [ "$(id -u)" = 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get "$@"
	elif command -v sudo >/dev/null; then
		sudo DEBIAN_FRONTEND=noninteractive apt-get "$@"
	else
		echo "deps: need root (or sudo) to run apt-get $*" >&2
		exit 1
	fi
}

# The headers of Debian 12's kernel, unless NOVA_KDIR (make's KDIR, the
# headers a build is for) has some already.
hdr=
if [ -z "${NOVA_KDIR:-}" ] || [ ! -f "${NOVA_KDIR}/Makefile" ]; then
	hdr=linux-headers-$(need_abi)-amd64
fi
pkgs="gcc make libc6-dev $hdr sparse rsync kmod libdrm-dev pkg-config"
case "$what" in
build) ;;
demo|check)
	pkgs="$pkgs qemu-system-x86 busybox-static cpio gzip xz-utils g++ jq"
	if [ "$what" = check ]; then
		pkgs="$pkgs linux-source-6.1 bc flex bison libelf-dev
		      libssl-dev gawk dkms clang libclang-rt-14-dev
		      dwarves debootstrap"
	fi
	;;
*)
	echo "deps: unknown set '$what' (build, demo or check)" >&2
	exit 2
	;;
esac

missing=
for p in $pkgs; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	[ "$st" = "install ok installed" ] || missing="$missing $p"
done

if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	run_apt update -q >/dev/null
	run_apt install -y -q --no-install-recommends $missing >/dev/null
fi
