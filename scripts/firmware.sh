#!/bin/bash
# Fetches NVIDIA's GSP firmware files as Debian ships them (package
# firmware-nvidia-graphics, component non-free-firmware), for the tests
# that check the driver against NVIDIA's real files. They are not free:
# they are fetched at test time and kept under build/, never committed nor
# passed on.
#
#   scripts/firmware.sh [OUTDIR]        (default: build/firmware)
#
# Leaves OUTDIR/nvidia/<chip>/gsp/*-570.144.bin and the Turing chips'
# OUTDIR/nvidia/<chip>/acr/bl.bin (Debian's tree, with its symbolic links
# between chips) and OUTDIR/version (the package's version and what was
# kept). The package comes from whichever suite has the newest version
# (sid today), through the private package list of scripts/apt-private.sh;
# it is cached, keyed on that version. If it cannot be fetched, or holds no
# 570.144 files, this says so in one line and fails: the tests that need
# the files fail with it, they never skip.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/build/firmware}
apt=$top/scripts/apt-private.sh
pkg=firmware-nvidia-graphics
fwver=570.144

die() { echo "firmware: $*" >&2; exit 1; }

"$apt" update || die "cannot read the package lists of the Debian mirror"
ver=$("$apt" cache policy "$pkg" 2>/dev/null | sed -n 's/^ *Candidate: //p')
[ -n "$ver" ] && [ "$ver" != "(none)" ] ||
	die "no $pkg package in the mirror's non-free-firmware component"

# The cache's stamp: the package's version and what was kept of it.
stamp="$ver gsp acr-bl"
if [ "$(cat "$out/version" 2>/dev/null)" = "$stamp" ]; then
	exit 0
fi

echo "firmware: fetching $pkg $ver (about 100 MB, once)"
rm -rf "$out"
mkdir -p "$out"
"$apt" download "$out/deb" "$pkg=$ver" > /dev/null || die "downloading $pkg $ver failed"
# Only the GSP files of this driver's version are kept, with the files
# their links point to (some are links to another chip's or version's).
mkdir -p "$out/x"
dpkg-deb -x "$out"/deb/*.deb "$out/x" || die "unpacking $pkg $ver failed"
fw=$out/x/usr/lib/firmware
[ -d "$fw/nvidia" ] || fw=$out/x/lib/firmware
[ -d "$fw/nvidia" ] || die "$pkg $ver has no nvidia/ firmware directory"
# Debian links chips that share files (nvidia/tu104 -> tu102,
# nvidia/ga103/gsp -> ../ga102/gsp, ad102's gsp -> ga102's): each file is
# copied once, where it lies, and each chip's name links to it.
# Also the ACR bootloader of the Turing chips (nvidia/<chip>/acr/bl.bin),
# which nouveau runs FWSEC with on Turing (scripts/oracle.sh).
(cd "$fw" && { find -L nvidia -path 'nvidia/*/gsp/*' -name "*-$fwver.bin" -type f
	       find -L nvidia -path 'nvidia/tu1*/acr/bl.bin' -type f; } |
	while read -r f; do
		t=$(realpath --relative-to=. "$f")
		[ -e "$out/$t" ] || cp --parents "$t" "$out/"
		if [ "$t" != "$f" ]; then
			mkdir -p "$out/$(dirname "$f")"
			ln -sr "$out/$t" "$out/$f"
		fi
	done)
rm -rf "$out/x" "$out/deb"
n=$(find -L "$out/nvidia" -name "*-$fwver.bin" -type f | wc -l)
[ "$n" -gt 0 ] || die "$pkg $ver holds no *-$fwver.bin file"
echo "$stamp" > "$out/version"
echo "firmware: $n $fwver files of $pkg $ver in ${out#"$top"/}"
