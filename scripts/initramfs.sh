#!/bin/bash
# Builds the initramfs of a test VM.
#
#   scripts/initramfs.sh OUT.cpio.gz KVER MODROOT PROJECT_KO_DIR [TOOLS_DIR]
#
# MODROOT holds lib/modules/KVER of the kernel that boots (Debian's, or the
# debug kernel's); the modules listed in tests/vm/kmods (and what they depend
# on) are taken from it, with those NOVA_EXTRA_KMODS names (nouveau for the
# oracle run). The project's modules go into .../extra. The guest
# gets busybox, /init and the tests from tests/vm. TOOLS_DIR, if given, is
# what scripts/build-guest-tools.sh built: TOOLS_DIR/bin/* go to /tests/bin,
# with the shared libraries they need (found with ldd) in
# /lib/x86_64-linux-gnu and the dynamic loader at its own absolute path;
# TOOLS_DIR/firmware (the synthetic VBIOS and GSP firmware) becomes
# /lib/firmware. NOVA_REAL_FW: see the end.
set -euo pipefail

out=$1
kver=$2
modroot=$(cd "$3" && pwd)
kodir=$4
tools=${5:-}
top=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# The stage becomes the guest's /: mktemp's 0700 would shut out every user
# but root (the tests run programs as an unprivileged user too).
chmod 755 "$stage"

mkdir -p "$stage"/{bin,sbin,dev,proc,sys,tmp,etc,lib/firmware}
cp /bin/busybox "$stage/bin/busybox"
cp "$top/tests/vm/init" "$stage/init"
chmod 755 "$stage/init"
mkdir -p "$stage/tests"
cp -r "$top/tests/vm/." "$stage/tests/"
# The benchmarks' scripts (bench/run.sh, for /init in mode bench).
mkdir -p "$stage/bench"
cp "$top"/bench/*.sh "$top"/bench/*.awk "$stage/bench/"

mdir=$stage/lib/modules/$kver
mkdir -p "$mdir/extra"
cp "$modroot/lib/modules/$kver"/modules.{order,builtin,builtin.modinfo} "$mdir/" 2>/dev/null || true

# Kernel modules the tests need, with their dependencies.
if [ ! -f "$modroot/lib/modules/$kver/modules.dep" ]; then
	depmod -b "$modroot" "$kver"
fi
{ grep -v '^#' "$top/tests/vm/kmods" || true; echo "${NOVA_EXTRA_KMODS:-}" | tr ' ' '\n'; } |
while read -r m; do
	[ -n "$m" ] || continue
	modprobe -d "$modroot" -S "$kver" --show-depends "$m" |
		awk '$1 == "insmod" { print $2 }'
done | sort -u | while read -r f; do
	rel=${f#"$modroot"/lib/modules/"$kver"/}
	mkdir -p "$mdir/$(dirname "$rel")"
	cp "$f" "$mdir/$rel"
done

# Debian compresses its modules since 6.12 (xz); busybox's modprobe
# loads them uncompressed.
find "$mdir" -name '*.ko.xz' -exec xz -d {} +
find "$mdir" -name '*.ko.zst' -exec zstd -q -d --rm {} +

cp "$kodir"/*.ko "$mdir/extra/" 2>/dev/null || [ -n "${NOVA_EXTRA_KMODS:-}" ]
depmod -b "$stage" "$kver"

# The guest tools and their shared libraries.
if [ -n "$tools" ]; then
	if [ -d "$tools/firmware" ]; then
		cp -r "$tools/firmware/." "$stage/lib/firmware/"
	fi
	mkdir -p "$stage/tests/bin" "$stage/lib/x86_64-linux-gnu"
	for f in "$tools"/bin/*; do
		[ -f "$f" ] || continue
		cp "$f" "$stage/tests/bin/"
		{ ldd "$f" || true; } | while read -r name arrow path _; do
			if [ "$arrow" = "=>" ]; then
				case "$path" in
				/*) cp -L "$path" "$stage/lib/x86_64-linux-gnu/$name" ;;
				*) echo "initramfs: $f: $name not found" >&2; exit 1 ;;
				esac
			elif [ "${name#/}" != "$name" ]; then
				# The dynamic loader, at the absolute path the program names.
				mkdir -p "$stage$(dirname "$name")"
				cp -L "$name" "$stage$name"
			fi
		done
	done
fi

# NVIDIA's real firmware files, if NOVA_REAL_FW names what
# scripts/firmware.sh fetched: /lib/firmware-nvidia/nvidia/<chip>/gsp/,
# with their links (46-realfw points the firmware loader there).
# NOVA_REAL_FW_CHIPS: only those chips' files (the oracle needs one).
if [ -n "${NOVA_REAL_FW:-}" ] && [ -d "$NOVA_REAL_FW/nvidia" ]; then
	mkdir -p "$stage/lib/firmware-nvidia"
	if [ -n "${NOVA_REAL_FW_CHIPS:-}" ]; then
		mkdir -p "$stage/lib/firmware-nvidia/nvidia"
		for c in $NOVA_REAL_FW_CHIPS; do
			cp -aL "$NOVA_REAL_FW/nvidia/$c" "$stage/lib/firmware-nvidia/nvidia/"
		done
	else
		cp -a "$NOVA_REAL_FW/nvidia" "$stage/lib/firmware-nvidia/"
	fi
fi

(cd "$stage" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
