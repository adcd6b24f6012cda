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

case "$1" in
install)
	stage=$tmp/stage
	if ! make -s -C "$top" install DESTDIR="$stage" PREFIX=/usr/local; then
		echo "make install failed"
		exit 1
	fi
	(cd "$stage" && find . \( -type f -o -type l \) | sed 's|^\.||' | sort) > "$tmp/got"
	sort > "$tmp/want" <<EOL
/lib/modules/$kver/updates/nova/nova.ko
/lib/modules/$kver/updates/nova/nova_core.ko
/lib/modules/$kver/updates/nova/nova_emu.ko
/usr/local/bin/nova-info
/usr/local/include/libdrm/nova_drm.h
/usr/local/include/libnova.h
/usr/local/lib/libnova.a
/usr/local/lib/libnova.so
/usr/local/lib/libnova.so.0
/usr/local/lib/libnova.so.0.1.0
/usr/local/lib/pkgconfig/libnova.pc
/usr/local/share/man/man1/nova-info.1
EOL
	if ! diff -u "$tmp/want" "$tmp/got"; then
		echo "installed files differ from the expected list"
		fail=1
	fi
	soname=$(readelf -d "$stage/usr/local/lib/libnova.so.0.1.0" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
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
