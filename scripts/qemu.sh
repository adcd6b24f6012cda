#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# QEMU with the nova-gpu PCI device (qemu/nova-gpu.c hosting the GPU model
# through qemu/lib), built from Debian's QEMU source package, pinned, and
# cached under build/qemu:
#
#   build/qemu/src-<version>   the source (apt-get source, dpkg-source -x),
#                              with the device's glue added
#   build/qemu/obj-<key>       the build; <key> hashes the version, the
#                              glue and the configure flags
#   build/qemu/lib             libnovaemu.a (make -C qemu/lib)
#   build/qemu/bin/qemu-system-x86_64, a link to the binary
#
# A change to qemu/nova-gpu.c recompiles that file, a change to the model
# relinks; anything else is cached. Prints each phase with its time.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
QEMU_VERSION=${NOVA_QEMU_VERSION:-1:7.2+dfsg-7+deb12u18}
b=$top/build/qemu
d=$b/apt
v=${QEMU_VERSION#*:}
src=$b/src-$v
t0=$SECONDS
say() { echo "qemu.sh: [$((SECONDS - t0)) s] $*"; }

# The configure flags: one target, TCG, nothing else QEMU can leave out.
flags=(--target-list=x86_64-softmmu --without-default-features --disable-docs
       --disable-tools --disable-user --disable-werror --enable-fdt=system
       --enable-tcg)

# The glue: the device's Kconfig symbol and its meson line, the library
# it links and the header it includes.
kconfig='
config NOVA_GPU
    bool
    default y if PCI_DEVICES
    depends on PCI && MSI_NONBROKEN
'
mesonline="nova_emu_lib_dep = declare_dependency(compile_args: ['-I$top/qemu/lib'], link_args: ['$b/lib/libnovaemu.a', '-lpthread'])
softmmu_ss.add(when: 'CONFIG_NOVA_GPU', if_true: [files('nova-gpu.c'), nova_emu_lib_dep])"
key=$(printf '%s\n' "$QEMU_VERSION" "$kconfig" "$mesonline" "${flags[*]}" |
	sha256sum | cut -c1-16)
obj=$b/obj-$key

# Build dependencies, and the firmware QEMU runs (SeaBIOS, its data files).
pkgs="ninja-build meson pkg-config libglib2.0-dev libpixman-1-dev libfdt-dev
      zlib1g-dev python3 seabios qemu-system-data dpkg-dev"
# (dpkg-query fails for a package dpkg never heard of: the loop below
# names those.)
missing=$(dpkg-query -W -f '${Package} ${Status}\n' $pkgs 2>/dev/null |
	awk '$NF != "installed" { print $1 }' || true)
for p in $pkgs; do
	dpkg-query -W "$p" > /dev/null 2>&1 || missing="$missing $p"
done
if [ -n "${missing// /}" ]; then
	say "installing$(echo " $missing" | tr -s ' \n' ' ')"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		$missing > "$b.deps.log" 2>&1 || { cat "$b.deps.log" >&2; exit 1; }
fi

if [ ! -f "$src/.nova-glue-$key" ]; then
	rm -rf "$src"
	if [ ! -f "$b/dl/qemu_${v}.dsc" ]; then
		mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$b/dl"
		: >> "$d/status"
		m=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
			awk '$2 == "bookworm" { print $1; exit }')
		echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${m:-http://deb.debian.org/debian/} bookworm main" \
			> "$d/sources.list"
		o=(-o "Dir::Etc::sourcelist=$d/sources.list" -o Dir::Etc::sourceparts=-
		   -o "Dir::State::Lists=$d/lists" -o "Dir::Cache=$d/cache"
		   -o "Dir::State::status=$d/status" -o Debug::NoLocking=1)
		say "fetching the source of qemu $QEMU_VERSION"
		apt-get "${o[@]}" update -qq
		(cd "$b/dl" && apt-get "${o[@]}" source -qq --download-only "qemu=$QEMU_VERSION")
	fi
	say "unpacking the source (Debian's patches applied)"
	rm -rf "$src.tmp"
	dpkg-source --no-check -x "$b/dl/qemu_${v}.dsc" "$src.tmp" > /dev/null 2>&1
	printf '%s\n' "$kconfig" >> "$src.tmp/hw/misc/Kconfig"
	printf '\n%s\n' "$mesonline" >> "$src.tmp/hw/misc/meson.build"
	ln -s "$top/qemu/nova-gpu.c" "$src.tmp/hw/misc/nova-gpu.c"
	touch "$src.tmp/.nova-glue-$key"
	mv "$src.tmp" "$src"
	rm -rf "$b"/obj-*
fi

say "the GPU model as a library (qemu/lib)"
make -s -C "$top/qemu/lib" OUT="$b/lib" "$b/lib/libnovaemu.a"

if [ ! -f "$obj/build.ninja" ]; then
	say "configuring (about a minute)"
	rm -rf "$obj"
	mkdir -p "$obj"
	(cd "$obj" && PATH=/usr/bin:$PATH "$src/configure" "${flags[@]}") \
		> "$b/configure.log" 2>&1 || { tail -n 30 "$b/configure.log" >&2; exit 1; }
fi
# A newer model relinks the binary.
if [ -f "$obj/qemu-system-x86_64" ] &&
   [ "$b/lib/libnovaemu.a" -nt "$obj/qemu-system-x86_64" ]; then
	rm -f "$obj/qemu-system-x86_64"
fi
say "building (ninja; about 8 minutes on 2 cores the first time)"
# ninja's progress, one line in 100, so that a long build shows it lives.
(cd "$obj" && PATH=/usr/bin:$PATH nice -n 10 ninja -j"$(nproc)" qemu-system-x86_64) \
	> "$b/build.log" 2>&1 &
pid=$!
n=0
while kill -0 $pid 2> /dev/null; do
	sleep 1
	n=$((n + 1))
	[ $((n % 30)) = 0 ] || continue
	p=$(tail -c 2000 "$b/build.log" | tr '\r' '\n' | grep -o '^\[[0-9]*/[0-9]*\]' | tail -n 1)
	[ -n "$p" ] && say "  $p"
done
if ! wait $pid; then
	grep -B2 -A10 -m3 'error' "$b/build.log" >&2 || tail -n 30 "$b/build.log" >&2
	exit 1
fi
mkdir -p "$b/bin"
ln -sf "$obj/qemu-system-x86_64" "$b/bin/qemu-system-x86_64"
say "ready: $b/bin/qemu-system-x86_64"
