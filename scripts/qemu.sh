#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# QEMU for the nova-gpu PCI host of the GPU model (issue 15), from Debian's
# source package, pinned.  So far this only fetches and unpacks the source
# into build/qemu/src-$QEMU_VERSION; adding the device, configuring and
# building are still to come.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
QEMU_VERSION=${NOVA_QEMU_VERSION:-1:7.2+dfsg-7+deb12u18}
b=$top/build/qemu
d=$b/apt
v=${QEMU_VERSION#*:}
src=$b/src-$v

if [ -d "$src" ]; then
	echo "qemu.sh: source $QEMU_VERSION already in $src"
	exit 0
fi

mkdir -p "$d/lists/partial" "$d/cache/archives/partial" "$b/dl"
: >> "$d/status"
m=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
	awk '$2 == "bookworm" { print $1; exit }')
echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${m:-http://deb.debian.org/debian/} bookworm main" \
	> "$d/sources.list"
o=(-o "Dir::Etc::sourcelist=$d/sources.list" -o Dir::Etc::sourceparts=-
   -o "Dir::State::Lists=$d/lists" -o "Dir::Cache=$d/cache"
   -o "Dir::State::status=$d/status" -o Debug::NoLocking=1)
echo "qemu.sh: fetching the source of qemu $QEMU_VERSION"
apt-get "${o[@]}" update -qq
(cd "$b/dl" && apt-get "${o[@]}" source --download-only "qemu=$QEMU_VERSION")
echo "qemu.sh: unpacking"
rm -rf "$src.tmp"
dpkg-source -x "$b/dl"/qemu_"${v}".dsc "$src.tmp" >/dev/null
mv "$src.tmp" "$src"
echo "qemu.sh: source in $src"
