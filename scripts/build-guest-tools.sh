#!/bin/bash
# Builds the user-space programs the guest tests run (tests/vm/src/*.c, each
# one program linked against libdrm) into OUTDIR/bin, -Werror clean, and
# checks that the UAPI header include/uapi/drm/nova_drm.h compiles as C and
# as C++.
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

for src in "$top"/tests/vm/src/*.c; do
	name=$(basename "$src" .c)
	if "$CC" -std=c11 -O2 -g -Wall -Wextra -Werror -I "$uapi" $drm_cflags \
		-o "$out/bin/$name" "$src" $drm_libs; then
		echo "build-guest-tools: built $out/bin/$name"
	else
		echo "build-guest-tools: building $name failed" >&2
		rc=1
	fi
done
exit $rc
