#!/bin/bash
# Checks `make install` and `make uninstall` into a staging DESTDIR, and
# the DKMS package built in a private DKMS tree (nothing on this machine is
# touched). Prints what differs and exits non-zero on any problem.
#
#   scripts/install-check.sh install|dkms
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
kver=$("$top/scripts/abi.sh")-amd64
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# autoload_check ROOT KVER: with nova installed under ROOT for KVER, udev
# (modprobe -b, which applies blacklists to aliases as udev does) loads
# nothing for a Turing+ GPU by default, loads nova_core after
# `nova-autoload on`, and nothing again after `nova-autoload off`; an
# explicit modprobe nova_core works in both states.
autoload_check() {
	local root=$1 kv=$2 f=0 conf=$1/etc/modprobe.d/nova.conf
	local tool=$1/usr/local/sbin/nova-autoload
	# An RTX 3080 (GA102) as the PCI core announces it.
	local alias=pci:v000010DEd00002206sv00001043sd000087B3bc03sc00i00
	[ -f "$root/lib/modules/$kv/modules.dep" ] || depmod -b "$root" "$kv" 2> /dev/null
	udev_loads() {
		modprobe -d "$root" -S "$kv" -C "$root/etc/modprobe.d" -n -v -b "$alias" 2>&1 |
			sed -n 's|^insmod .*/\([^/]*\)\.ko.*|\1|p' | tr '\n' ' '
	}
	by_name() {
		modprobe -d "$root" -S "$kv" -C "$root/etc/modprobe.d" -n -v nova_core 2>&1 |
			sed -n 's|^insmod .*/\([^/]*\)\.ko.*|\1|p' | tr '\n' ' '
	}
	st() { NOVA_MODPROBE_CONF=$conf "$tool" "$@" | cut -d: -f1; }
	[ "$(st status)" = off ] || { echo "nova-autoload status after install: $(st status), not off"; f=1; }
	[ -z "$(udev_loads)" ] || { echo "default: a GPU's alias loads '$(udev_loads)', not nothing"; f=1; }
	[ "$(by_name)" = "nova_core " ] || { echo "default: modprobe nova_core loads '$(by_name)'"; f=1; }
	[ "$(st on)" = on ] && [ "$(st status)" = on ] || { echo "nova-autoload on did not turn it on"; f=1; }
	[ "$(udev_loads)" = "nova_core " ] || { echo "on: a GPU's alias loads '$(udev_loads)', not nova_core"; f=1; }
	[ "$(st off)" = off ] && [ "$(st status)" = off ] || { echo "nova-autoload off did not turn it off"; f=1; }
	[ -z "$(udev_loads)" ] || { echo "off again: a GPU's alias loads '$(udev_loads)'"; f=1; }
	[ "$(by_name)" = "nova_core " ] || { echo "off: modprobe nova_core loads '$(by_name)'"; f=1; }
	return $f
}

case "$1" in
install)
	stage=$tmp/stage
	if ! make -s -C "$top" install DESTDIR="$stage" PREFIX=/usr/local; then
		echo "make install failed"
		exit 1
	fi
	(cd "$stage" && find . \( -type f -o -type l \) | sed 's|^\.||' | sort) > "$tmp/got"
	sort > "$tmp/want" <<EOL
/etc/modprobe.d/nova.conf
/lib/modules/$kver/updates/nova/nova.ko
/lib/modules/$kver/updates/nova/nova_core.ko
/lib/modules/$kver/updates/nova/nova_emu.ko
/usr/local/bin/nova-info
/usr/local/include/libdrm/nova_drm.h
/usr/local/include/libnova.h
/usr/local/lib/libnova.a
/usr/local/lib/libnova.so
/usr/local/lib/libnova.so.0
/usr/local/lib/libnova.so.0.2.0
/usr/local/lib/pkgconfig/libnova.pc
/usr/local/sbin/nova-autoload
/usr/local/share/man/man1/nova-info.1
EOL
	if ! diff -u "$tmp/want" "$tmp/got"; then
		echo "installed files differ from the expected list"
		fail=1
	fi
	soname=$(readelf -d "$stage/usr/local/lib/libnova.so.0.2.0" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
	[ "$soname" = libnova.so.0 ] || { echo "soname is '$soname', not libnova.so.0"; fail=1; }

	# A program builds against the staged library through pkg-config.
	export PKG_CONFIG_SYSROOT_DIR=$stage
	export PKG_CONFIG_PATH=$stage/usr/local/lib/pkgconfig
	printf '#include <libnova.h>\n#include <nova_drm.h>\nint main(void) { return nova_strerror(-ENODEV) == 0; }\n' > "$tmp/p.c"
	# (libdrm's own flags without the sysroot: nova_drm.h includes drm.h.)
	if ! gcc -o "$tmp/p" "$tmp/p.c" $(pkg-config --cflags --libs libnova) \
		$(PKG_CONFIG_SYSROOT_DIR= pkg-config --cflags libdrm) -include errno.h; then
		echo "a program does not build against the installed libnova"
		fail=1
	elif ! LD_LIBRARY_PATH=$stage/usr/local/lib "$tmp/p"; then
		echo "a program linked against the installed libnova does not run"
		fail=1
	fi
	if ! man -l "$stage/usr/local/share/man/man1/nova-info.1" > /dev/null 2>&1 &&
	   command -v man > /dev/null; then
		echo "the man page does not render"
		fail=1
	fi

	# On a copy: depmod writes its indexes there.
	cp -a "$stage" "$tmp/copy"
	autoload_check "$tmp/copy" "$kver" || fail=1
	rm -rf "$tmp/copy"
	# A reinstall keeps the user's choice.
	NOVA_MODPROBE_CONF=$stage/etc/modprobe.d/nova.conf \
		"$stage/usr/local/sbin/nova-autoload" on > /dev/null
	make -s -C "$top" install DESTDIR="$stage" PREFIX=/usr/local > /dev/null 2>&1
	if ! grep -q '^# blacklist nova_core$' "$stage/etc/modprobe.d/nova.conf"; then
		echo "a reinstall reset nova-autoload on to off"
		fail=1
	fi

	if ! make -s -C "$top" uninstall DESTDIR="$stage" PREFIX=/usr/local; then
		echo "make uninstall failed"
		fail=1
	fi
	left=$(cd "$stage" && find . \( -type f -o -type l \))
	if [ -n "$left" ]; then
		echo "make uninstall left files behind:"
		echo "$left"
		fail=1
	fi
	;;
dkms)
	src=$tmp/src/nova-0.1.0
	mkdir -p "$src" "$tmp/dkms"
	cp -r "$top/Kbuild" "$top/dkms.conf" "$top/include" "$top/drivers" "$src/"
	d="dkms --dkmstree $tmp/dkms --sourcetree $tmp/src"
	if ! $d add -m nova -v 0.1.0 > "$tmp/log" 2>&1 ||
	   ! $d build -m nova -v 0.1.0 -k "$kver" >> "$tmp/log" 2>&1; then
		cat "$tmp/log"
		echo "dkms add/build failed"
		exit 1
	fi
	got=$(cd "$tmp/dkms/nova/0.1.0/$kver/x86_64/module" && ls | sort | tr '\n' ' ')
	if [ "$got" != "nova.ko nova_core.ko nova_emu.ko " ]; then
		echo "dkms built: $got; expected nova.ko nova_core.ko nova_emu.ko"
		fail=1
	fi
	;;
esac
exit $fail
