#!/usr/bin/env bash
# Build (or reuse) the debug kernel the test VMs boot.
#
# Usage: scripts/debug-kernel.sh [BUILD_DIR]     (default: <repo>/build/debug-kernel)
#
# Source: Debian's linux-source-6.1 tarball (installed with apt-get if absent).
# Config: `make ARCH=x86_64 tinyconfig` + scripts/debug-kernel.config + `make olddefconfig`;
#         every option of the fragment is then checked in the final .config.
# Result, under BUILD_DIR:
#   bzImage                        kernel for qemu -kernel
#   kver                           `make -s kernelrelease`
#   config                         copy of the final .config
#   modroot/lib/modules/<kver>/    in-tree modules (drm.ko, vgem.ko, ...) + modules.dep
#   src/linux-source-6.1/          built tree: make -C <it> M=<dir> modules
#   build.log                      full output of the last run's config/make steps
#   stamp                          cache key of the last successful build
# The key covers the source package version, the compiler, this script and the
# fragment; when it matches, the script exits at once.  Otherwise it rebuilds,
# incrementally when the tree is already there.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCRIPT="$SCRIPT_DIR/$(basename "${BASH_SOURCE[0]}")"
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
FRAGMENT="$SCRIPT_DIR/debug-kernel.config"
TARBALL=/usr/src/linux-source-6.1.tar.xz
SRC_PKG=linux-source-6.1

say() { echo "debug kernel: $*"; }
die() { echo "debug kernel: ERROR: $*" >&2; exit 1; }

[ $# -le 1 ] || die "usage: $0 [BUILD_DIR]"
BUILD_DIR=${1:-$REPO/build/debug-kernel}
mkdir -p "$BUILD_DIR"
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
SRC="$BUILD_DIR/src/linux-source-6.1"
LOG="$BUILD_DIR/build.log"
STAMP="$BUILD_DIR/stamp"
[ -f "$FRAGMENT" ] || die "config fragment $FRAGMENT is missing"

# Keep the caller's environment from redirecting or renaming the build.
unset ARCH CROSS_COMPILE KBUILD_OUTPUT O KCONFIG_CONFIG LOCALVERSION || true

# --- Prerequisites ------------------------------------------------------------

apt_updated=0
apt_install() {
    [ "$(id -u)" -eq 0 ] || die "need to install $*, but not running as root"
    if [ "$apt_updated" -eq 0 ]; then
        say "apt-get update..."
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null ||
            die "apt-get update failed"
        apt_updated=1
    fi
    say "installing $*..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null ||
        die "apt-get install $* failed"
}

missing=()
# command -> package providing it
for pair in bc:bc flex:flex bison:bison cpio:cpio depmod:kmod xz:xz-utils \
            gcc:gcc make:make tar:tar perl:perl-base; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
done
for pkg in libelf-dev libssl-dev libc6-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"
[ -f "$TARBALL" ] || apt_install "$SRC_PKG"
[ -f "$TARBALL" ] || die "$TARBALL still missing after installing $SRC_PKG"

# --- Cache key ----------------------------------------------------------------

src_version=$(dpkg-query -W -f='${Version}' "$SRC_PKG" 2>/dev/null || true)
# Tarball not from dpkg (copied in by hand): fall back to its size and mtime.
[ -n "$src_version" ] || src_version="tarball:$(stat -c '%s-%Y' "$TARBALL")"
key="$SRC_PKG=$src_version"
key+=" fragment=$(sha256sum <"$FRAGMENT" | cut -d' ' -f1)"
key+=" script=$(sha256sum <"$SCRIPT" | cut -d' ' -f1)"
key+=" cc=$(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion)"

cached() {
    [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$key" ] &&
        [ -s "$BUILD_DIR/bzImage" ] && [ -s "$BUILD_DIR/kver" ] &&
        [ -d "$BUILD_DIR/modroot/lib/modules/$(cat "$BUILD_DIR/kver")" ]
}
if cached; then
    say "cached ($(cat "$BUILD_DIR/kver"))"
    exit 0
fi

# One build at a time per BUILD_DIR; a second caller waits, then finds the cache.
exec 9>"$BUILD_DIR/.lock"
if ! flock -n 9; then
    say "another build is running in $BUILD_DIR; waiting..."
    flock 9
fi
if cached; then
    say "cached ($(cat "$BUILD_DIR/kver"))"
    exit 0
fi
rm -f "$STAMP"

: >"$LOG"
start=$SECONDS

# Run a command with its output in the log; on failure show the log's tail.
logged() {
    local what=$1; shift
    echo "=== $what: $*" >>"$LOG"
    if ! "$@" >>"$LOG" 2>&1; then
        echo "debug kernel: FAILED while $what; last 40 lines of $LOG:" >&2
        tail -n 40 "$LOG" >&2
        exit 1
    fi
}

# --- Source tree --------------------------------------------------------------

if [ -f "$SRC/Makefile" ] && [ -f "$SRC/.extracted" ]; then
    say "reusing source tree $SRC (incremental build)"
else
    say "extracting $TARBALL..."
    rm -rf "$BUILD_DIR/src" "$BUILD_DIR/src.tmp"
    mkdir -p "$BUILD_DIR/src.tmp"
    logged "extracting" tar -xf "$TARBALL" -C "$BUILD_DIR/src.tmp"
    [ -f "$BUILD_DIR/src.tmp/linux-source-6.1/Makefile" ] ||
        die "$TARBALL did not contain linux-source-6.1/Makefile"
    touch "$BUILD_DIR/src.tmp/linux-source-6.1/.extracted"
    mv "$BUILD_DIR/src.tmp" "$BUILD_DIR/src"
fi

# --- Configuration ------------------------------------------------------------

say "configuring..."
# The fragment's options: "CONFIG_X=value" or "# CONFIG_X is not set".
mapfile -t options < <(grep -E '^(CONFIG_[A-Za-z0-9_]+=.*|# CONFIG_[A-Za-z0-9_]+ is not set)$' "$FRAGMENT")
[ "${#options[@]}" -gt 0 ] || die "no options found in $FRAGMENT"

# ARCH=x86_64 makes it a 64-bit tinyconfig; plain `make tinyconfig` would be
# i386, and its 32-bit values (FRAME_WARN=1024, ...) would survive the
# switch to 64BIT.  Later makes use the default ARCH=x86 with this .config.
logged "configuring (tinyconfig)" make -C "$SRC" ARCH=x86_64 tinyconfig
# Replace whatever tinyconfig said about the fragment's symbols, then append it.
awk '
    FNR == NR {
        if (match($0, /^CONFIG_[A-Za-z0-9_]+=/)) sym[substr($0, 1, RLENGTH - 1)] = 1
        else if ($0 ~ /^# CONFIG_[A-Za-z0-9_]+ is not set$/) sym[$2] = 1
        next
    }
    {
        s = ""
        if (match($0, /^CONFIG_[A-Za-z0-9_]+=/)) s = substr($0, 1, RLENGTH - 1)
        else if ($0 ~ /^# CONFIG_[A-Za-z0-9_]+ is not set$/) s = $2
        if (!(s in sym)) print
    }' <(printf '%s\n' "${options[@]}") "$SRC/.config" >"$SRC/.config.new"
printf '%s\n' "${options[@]}" >>"$SRC/.config.new"
mv "$SRC/.config.new" "$SRC/.config"
logged "configuring (olddefconfig)" make -C "$SRC" olddefconfig

# Kconfig drops options whose dependencies are missing without a word: check.
bad=0
for opt in "${options[@]}"; do
    if [[ $opt == "# "* ]]; then
        sym=${opt#\# }; sym=${sym%% *}
        if actual=$(grep -E "^$sym=" "$SRC/.config"); then
            echo "debug kernel: ERROR: $sym should be off, but .config has: $actual" >&2
            bad=1
        fi
    else
        sym=${opt%%=*}
        if ! grep -qxF -- "$opt" "$SRC/.config"; then
            actual=$(grep -E "^$sym=|^# $sym is not set" "$SRC/.config" || true)
            echo "debug kernel: ERROR: wanted $opt, but .config has: ${actual:-nothing (dependencies missing?)}" >&2
            bad=1
        fi
    fi
done
[ "$bad" -eq 0 ] || die "the final .config does not match $FRAGMENT (see above)"
cp "$SRC/.config" "$BUILD_DIR/config"

# --- Build --------------------------------------------------------------------

jobs=$(nproc)
say "building with -j$jobs (about 10 minutes on 2 cores from scratch; log: $LOG)..."
# A line a minute while it builds, so that a long first run shows progress.
ticker() {
    while sleep 60; do
        say "building: $(( (SECONDS - start) / 60 )) min, $(grep -c '^  CC' "$LOG") of about 1100 files compiled"
    done
}
ticker &
ticker_pid=$!
trap 'kill $ticker_pid 2>/dev/null' EXIT
logged "building" make -C "$SRC" -j"$jobs" bzImage modules
kill $ticker_pid 2>/dev/null
trap - EXIT

say "installing modules..."
kver=$(make -s -C "$SRC" kernelrelease)
[ -n "$kver" ] || die "make kernelrelease printed nothing"
rm -rf "$BUILD_DIR/modroot"
logged "installing modules" make -C "$SRC" modules_install INSTALL_MOD_PATH="$BUILD_DIR/modroot"
[ -f "$BUILD_DIR/modroot/lib/modules/$kver/modules.dep" ] ||
    die "modules_install left no modroot/lib/modules/$kver/modules.dep"

cp "$SRC/arch/x86/boot/bzImage" "$BUILD_DIR/bzImage.tmp"
mv "$BUILD_DIR/bzImage.tmp" "$BUILD_DIR/bzImage"
echo "$kver" >"$BUILD_DIR/kver"
echo "$key" >"$STAMP"
say "built $kver in $((SECONDS - start)) s: $BUILD_DIR/bzImage"
