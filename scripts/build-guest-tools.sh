#!/bin/bash
# Builds the user-space programs the guest tests run into OUTDIR/bin,
# -Werror clean, and checks that the UAPI header include/uapi/drm/nova_drm.h
# compiles as C and as C++:
#  - tests/vm/src/*.c, each one program linked against libdrm, except
#    tests/vm/src/libnova-*.c, linked against libnova;
#  - libnova (lib/, into OUTDIR/lib, with `make check`: its exported symbols
#    and its header as C and C++) and nova-info (tools/);
#  - jq, copied from the host, to parse nova-info --json in the guest.
# The programs that use libnova have the run path $ORIGIN/../lib, so that
# ldd (scripts/initramfs.sh) finds OUTDIR/lib/libnova.so.0 and packs it
# with the other libraries.
#
#   scripts/build-guest-tools.sh OUTDIR
#
# Exits non-zero if a program or a header check does not build.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1/bin"
out=$(cd "$1" && pwd)
CC=${CC:-gcc}
CXX=${CXX:-g++}

if ! pkg-config --exists libdrm; then
	echo "build-guest-tools: libdrm not found (apt-get install libdrm-dev pkg-config)" >&2
	exit 1
fi
drm_cflags=$(pkg-config --cflags libdrm)
drm_libs=$(pkg-config --libs libdrm)
uapi=$top/include/uapi/drm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0

# The UAPI header, on its own, as C and as C++. C11 rather than -std=c99
# -pedantic: libdrm's drm.h has unnamed unions, and the ioctl enum values
# exceed int, as in upstream's header.
cat > "$tmp/uapi.c" <<'EOC'
#include "nova_drm.h"
struct drm_nova_getparam gp;
struct drm_nova_gem_create gc;
struct drm_nova_gem_info gi;
unsigned long ioctls[] = {
	DRM_IOCTL_NOVA_GETPARAM, DRM_IOCTL_NOVA_GEM_CREATE, DRM_IOCTL_NOVA_GEM_INFO,
};
EOC
cat > "$tmp/uapi.cc" <<'EOC'
#include "nova_drm.h"
static_assert(sizeof(drm_nova_getparam) == 16, "getparam");
static_assert(sizeof(drm_nova_gem_create) == 16, "gem_create");
static_assert(sizeof(drm_nova_gem_info) == 16, "gem_info");
int main()
{
	drm_nova_getparam gp = { NOVA_GETPARAM_VRAM_BAR_SIZE, 0 };
	drm_nova_gem_create gc = { 0, 0, 4096 };
	drm_nova_gem_info gi = { gc.handle, 0, 0 };
	unsigned long r[] = { DRM_IOCTL_NOVA_GETPARAM, DRM_IOCTL_NOVA_GEM_CREATE,
			      DRM_IOCTL_NOVA_GEM_INFO };
	return (int)(gp.value + gi.size + r[0]);
}
EOC
if "$CC" -std=c11 -Wall -Wextra -Werror -fsyntax-only -I "$uapi" $drm_cflags "$tmp/uapi.c"; then
	echo "build-guest-tools: nova_drm.h compiles as C (C11, -Wall -Wextra -Werror)"
else
	echo "build-guest-tools: nova_drm.h does not compile as C" >&2
	rc=1
fi
if "$CXX" -std=c++11 -pedantic -Wall -Wextra -Werror -fsyntax-only -I "$uapi" $drm_cflags "$tmp/uapi.cc"; then
	echo "build-guest-tools: nova_drm.h compiles as C++ (C++11, -pedantic -Wall -Wextra -Werror)"
else
	echo "build-guest-tools: nova_drm.h does not compile as C++" >&2
	rc=1
fi

# libnova and nova-info, into $out/lib and $out/bin.
libnova=ok
if make -s -C "$top/lib" OUT="$out" CC="$CC" CXX="$CXX" all check &&
   make -s -C "$top/tools" OUT="$out" CC="$CC" RUNPATH_ORIGIN=1; then
	echo "build-guest-tools: built libnova ($out/lib) and $out/bin/nova-info"
else
	echo "build-guest-tools: building libnova or nova-info failed" >&2
	libnova=
	rc=1
fi

for src in "$top"/tests/vm/src/*.c; do
	name=$(basename "$src" .c)
	case "$name" in
	libnova-*)
		[ -n "$libnova" ] || continue
		flags=(-I "$top/lib/include")
		libs=(-L "$out/lib" -Wl,-rpath,'$ORIGIN/../lib' -lnova)
		;;
	*)
		flags=(-I "$uapi" $drm_cflags)
		libs=($drm_libs)
		;;
	esac
	if "$CC" -std=c11 -O2 -g -Wall -Wextra -Werror "${flags[@]}" \
		-o "$out/bin/$name" "$src" -Wl,--as-needed "${libs[@]}"; then
		echo "build-guest-tools: built $out/bin/$name"
	else
		echo "build-guest-tools: building $name failed" >&2
		rc=1
	fi
done

# The synthetic firmware the guest's /lib/firmware gets (scripts/initramfs.sh
# copies $out/firmware there): a VBIOS per chipset for the emulated GPU
# (nova_emu/<chip>.rom), a few broken ones for the failure tests
# (nova_emu/bad/<corruption>.rom), and the GSP firmware files in
# linux-firmware's layout (nvidia/<chip>/gsp/*-570.144.bin). All made by
# the project's generators: no NVIDIA binary is involved.
gen=$out/gen
fwdir=$out/firmware
rm -rf "$fwdir"
mkdir -p "$gen" "$fwdir/nova_emu/bad"
vb=$top/tests/host/vbios
hf=$top/tests/host/fw
if "$CC" -O1 -Wall -Wextra -Werror "$vb/mkvbios.c" "$vb/mkvbios_gen.c" \
	-o "$gen/mkvbios" &&
   "$CC" -O1 -Wall -Wextra -Werror "$hf/mkfw.c" "$hf/mkfw_gen.c" \
	-o "$gen/mkfw" &&
   "$gen/mkvbios" --tree "$fwdir" && "$gen/mkfw" --tree "$fwdir"; then
	for c in bad-pcir-sig no-dmemmapper cmd-in-too-small bad-sigs; do
		"$gen/mkvbios" --chip ga102 --corrupt $c -o "$fwdir/nova_emu/bad/$c.rom" ||
			rc=1
	done
	# A valid ROM whose FWSEC is signed for fuse versions 0 and 1 only.
	"$gen/mkvbios" --chip ga102 --sigs 2 -o "$fwdir/nova_emu/sigs2.rom" || rc=1
	# A valid ROM whose first FWSEC image's NPDE length is 0.
	"$gen/mkvbios" --chip ga102 --npde-zero -o "$fwdir/nova_emu/npde-zero.rom" || rc=1
	# FWSEC v2's split into a non-secure and a secure part (Turing, GA100).
	for c in sec-moved sec-past-image; do
		"$gen/mkvbios" --chip tu102 --corrupt $c -o "$fwdir/nova_emu/bad/$c.rom" ||
			rc=1
	done
	echo "build-guest-tools: generated the synthetic firmware in $fwdir"
else
	echo "build-guest-tools: generating the synthetic firmware failed" >&2
	rc=1
fi

# jq, for the tests of nova-info --json (its libraries come with it).
if [ -x /usr/bin/jq ]; then
	cp /usr/bin/jq "$out/bin/jq"
	echo "build-guest-tools: copied /usr/bin/jq"
else
	echo "build-guest-tools: /usr/bin/jq not found (apt-get install jq)" >&2
	rc=1
fi
exit $rc
