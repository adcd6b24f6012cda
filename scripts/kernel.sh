#!/bin/bash
# Fetches one of the newer Debian kernels the modules are built and tested
# for, and what it takes to build modules for it, under build/kernels/NAME
# (nothing is installed on this machine):
#
#   scripts/kernel.sh 6.12|newest [OUTDIR]
#
# 6.12:   Debian 12's backports kernel (what linux-headers-amd64 of
#         bookworm-backports depends on; Debian 13 runs the same series).
#         Its headers build with this machine's gcc-12: they are unpacked
#         and their Makefile pointed at where they now lie.
# newest: the newest kernel Debian ships (sid's linux-headers-amd64). Its
#         headers need sid's compiler and C library, so they are installed
#         in a minimal sid chroot (debootstrap), where the modules build
#         (scripts/build-modules.sh with NOVA_CHROOT).
#
# Leaves in OUTDIR: kver, vmlinuz, root/lib/modules/<kver> (the image's
# modules), kdir (the headers' directory; for newest, inside the chroot)
# and, for newest, chroot (the chroot's directory). The result is cached,
# keyed on the kernel package's version and this script.
set -euo pipefail

name=$1
top=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$top/build/kernels/$name}
apt=$top/scripts/apt-private.sh
say() { echo "kernel $name: $*"; }

case "$name" in
6.12) suite=bookworm-backports ;;
newest) suite=sid ;;
*)
	echo "kernel.sh: unknown kernel '$name' (6.12 or newest)" >&2
	exit 2
	;;
esac

"$apt" update
# The version of linux-headers-amd64 in the suite, and the ABI it names.
ver=$("$apt" cache show "linux-headers-amd64/$suite" 2>/dev/null |
	sed -n 's/^Version: //p' | head -n1)
abi=$("$apt" cache show "linux-headers-amd64=$ver" 2>/dev/null |
	sed -n 's/^Depends:.*linux-headers-\([^ ,]*\)-amd64 .*/\1/p' | head -n1)
if [ -z "$ver" ] || [ -z "$abi" ]; then
	echo "kernel.sh: cannot resolve linux-headers-amd64 in $suite" >&2
	exit 1
fi
kver=$abi-amd64
key="$ver $(sha1sum < "$0" | cut -c1-12)"
if [ "$(cat "$out/stamp" 2>/dev/null)" = "$key" ]; then
	exit 0
fi

say "fetching Debian's $kver ($suite)"
rm -rf "$out"
mkdir -p "$out/root"
out=$(cd "$out" && pwd)

# The kernel image: vmlinuz and the modules the guest loads. 6.12 has one
# unsigned image package; sid splits it into a binary and a modules
# package.
if "$apt" cache show "linux-image-$kver-unsigned" > /dev/null 2>&1; then
	"$apt" download "$out/deb" "linux-image-$kver-unsigned"
else
	"$apt" download "$out/deb" "linux-binary-$kver" "linux-modules-$kver" \
		"linux-base-$kver"
fi
for f in "$out"/deb/*.deb; do
	dpkg-deb -x "$f" "$out/root"
done
# Newer packages put the modules, and vmlinuz with them, under /usr.
if [ -d "$out/root/usr/lib/modules" ]; then
	mkdir -p "$out/root/lib"
	mv "$out/root/usr/lib/modules" "$out/root/lib/"
fi
for f in "$out/root/boot/vmlinuz-$kver" "$out/root/lib/modules/$kver/vmlinuz"; do
	[ -f "$f" ] && mv "$f" "$out/vmlinuz"
done
if [ ! -f "$out/vmlinuz" ]; then
	echo "kernel.sh: no vmlinuz in the packages of $kver" >&2
	exit 1
fi
rm -rf "$out/root/boot" "$out/root/usr"

case "$name" in
6.12)
	"$apt" download "$out/deb" "linux-headers-$kver" "linux-headers-$abi-common" \
		"linux-kbuild-$abi"
	for f in "$out"/deb/linux-headers-*.deb "$out"/deb/linux-kbuild-*.deb; do
		dpkg-deb -x "$f" "$out/hdr"
	done
	kdir=$out/hdr/usr/src/linux-headers-$kver
	# Its Makefile includes the common headers' by absolute path.
	echo "include $out/hdr/usr/src/linux-headers-$abi-common/Makefile" > "$kdir/Makefile"
	echo "$kdir" > "$out/kdir"
	;;
newest)
	chroot=$out/sid-root
	say "debootstrap of a minimal sid (about 2 minutes)"
	if ! debootstrap --variant=minbase sid "$chroot" "$("$apt" mirror)" \
		> "$out/debootstrap.log" 2>&1; then
		tail -n 20 "$out/debootstrap.log" >&2
		echo "kernel.sh: debootstrap of sid failed (log: $out/debootstrap.log)" >&2
		exit 1
	fi
	say "installing linux-headers-$kver, its compiler and sparse in it"
	if ! chroot "$chroot" env DEBIAN_FRONTEND=noninteractive apt-get install \
		-y -q --no-install-recommends make libc6-dev sparse "linux-headers-$kver" \
		> "$out/install.log" 2>&1; then
		tail -n 20 "$out/install.log" >&2
		echo "kernel.sh: installing the headers in the chroot failed" >&2
		exit 1
	fi
	chroot "$chroot" apt-get clean
	# Debian's headers lack the kernel's probe of the checker (C=2);
	# a stand-in that accepts a sparse which runs.
	cv=$chroot/usr/src/linux-headers-$abi-common/scripts/checker-valid.sh
	if [ ! -e "$cv" ]; then
		printf '#!/bin/sh\necho "int x;" | "$@" - > /dev/null 2>&1 && echo 1\n' > "$cv"
		chmod 755 "$cv"
	fi
	echo "/usr/src/linux-headers-$kver" > "$out/kdir"
	echo "$chroot" > "$out/chroot"
	;;
esac

rm -rf "$out/deb"
echo "$kver" > "$out/kver"
echo "$key" > "$out/stamp"
say "ready in ${out#"$top"/}"
