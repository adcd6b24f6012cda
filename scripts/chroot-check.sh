#!/bin/bash
# Checks on a fresh Debian 12 as debootstrap makes it (its default
# packages and nothing else: no make, no gcc, no git, no sudo), in a chroot
# under build/chroots, as root:
#
#   scripts/chroot-check.sh newcomer
#       The README's first command, ./run demo, in a copy of the project:
#       it must install what it needs (make first) and show the driver at
#       work, with no warning from apt.
#   scripts/chroot-check.sh dkms
#       Debian 12 with the 6.12 kernel and headers of bookworm-backports:
#       ./run dkms-install builds and installs the modules for 6.12 with
#       DKMS, nova_core does not load by itself for a GPU until
#       nova-autoload on, and ./run dkms-uninstall removes it all.
#
# The fresh system (debootstrap, about a minute) is cached in
# build/chroots/bookworm for a week; each check runs on a copy of it, in a
# private mount namespace (its /proc, /sys and /dev vanish with it). Output
# goes to build/logs/chroot-NAME.log; the exit status says whether it
# passed, and the last lines say why not.
set -uo pipefail

what=${1:-}
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/build/chroots
base=$dir/bookworm
run=$dir/$what
log=$top/build/logs/chroot-$what.log
mirror=$("$top/scripts/apt-private.sh" mirror)

case "$what" in
newcomer|dkms) ;;
*)
	echo "usage: chroot-check.sh newcomer|dkms" >&2
	exit 2
	;;
esac

mkdir -p "$dir" "$(dirname "$log")"
: > "$log"
fail() { echo "chroot $what: $*" | tee -a "$log" >&2; exit 1; }
note() { echo "chroot $what: $*" | tee -a "$log"; }

# The cached fresh system.
if [ ! -f "$base/.nova-stamp" ] || [ -n "$(find "$base/.nova-stamp" -mtime +7)" ]; then
	note "debootstrap of a fresh Debian 12 (about a minute)"
	rm -rf "$base"
	debootstrap bookworm "$base" "$mirror" >> "$log" 2>&1 ||
		fail "debootstrap failed"
	date > "$base/.nova-stamp"
fi

rm -rf "$run"
cp -a "$base" "$run"
# The project as a user would have it: the files git knows, no build/.
mkdir -p "$run/root/nova"
if git -C "$top" rev-parse > /dev/null 2>&1; then
	(cd "$top" && git ls-files -co --exclude-standard -z |
		rsync -a --from0 --files-from=- ./ "$run/root/nova/")
else
	rsync -a --exclude=/build --exclude=/.git "$top/" "$run/root/nova/"
fi

# in_root COMMAND...: runs COMMAND in the chroot, with a login's plain
# environment, its output into the log.
in_root() {
	# shellcheck disable=SC2016
	env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root TERM=dumb LANG=C.UTF-8 \
		unshare -m -- sh -ec 'r=$1; shift
			mount -t proc proc "$r/proc"
			mount -t sysfs sysfs "$r/sys"
			mount --rbind /dev "$r/dev"
			exec chroot "$r" "$@"' sh "$run" "$@"
}

start=$SECONDS
case "$what" in
newcomer)
	note "./run demo on a fresh Debian 12 (installs everything; a few minutes)"
	in_root bash -c 'cd /root/nova && ./run demo' > "$run.out" 2>&1
	rc=$?
	cat "$run.out" >> "$log"
	[ $rc = 0 ] || fail "./run demo exited with $rc (log: ${log#"$top"/})"
	grep -q '^>> Installing make' "$run.out" ||
		fail "./run demo did not say it installs make"
	grep -q 'nova_core nova-emu.0: NVIDIA (Chipset: GA102, Architecture: Ampere' "$run.out" ||
		fail "the demo did not show nova_core's identification line"
	grep -q '^That is all nova does so far' "$run.out" ||
		fail "the demo did not reach its end"
	if grep -E -i '^W: |unsandboxed|warning' "$run.out" > "$run.warn"; then
		fail "warnings in the demo's output: $(head -n 3 "$run.warn")"
	fi
	note "./run demo worked in $((SECONDS - start)) s"
	;;
dkms)
	note "Debian 12 with the 6.12 kernel of bookworm-backports and dkms"
	echo "deb $mirror bookworm-backports main" > "$run/etc/apt/sources.list.d/backports.list"
	# A chroot boots nothing: skip building initramfs images (two a kernel).
	in_root dpkg-divert --local --rename --add /usr/sbin/update-initramfs >> "$log" 2>&1
	ln -s /bin/true "$run/usr/sbin/update-initramfs"
	in_root sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends -t bookworm-backports linux-image-amd64 linux-headers-amd64 \
		&& DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends dkms' \
		>> "$log" 2>&1 || fail "installing the 6.12 kernel, its headers and dkms failed"
	kv=$(cd "$run/usr/src" && ls -d linux-headers-6.12*-amd64 | sed 's/^linux-headers-//' | head -n1)
	[ -n "$kv" ] || fail "no 6.12 headers in /usr/src after installing them"
	note "./run dkms-install KVER=$kv"
	in_root bash -c "cd /root/nova && ./run dkms-install KVER=$kv" >> "$log" 2>&1 ||
		fail "./run dkms-install failed"
	st=$(in_root dkms status -m nova 2>> "$log")
	echo "$st" >> "$log"
	echo "$st" | grep -q "^nova/[^,]*, $kv, x86_64: installed" ||
		fail "dkms status does not say nova is installed for $kv: $st"
	for m in nova_core nova nova_emu; do
		vm=$(in_root modinfo -k "$kv" -F vermagic "$m" 2>> "$log")
		case "$vm" in
		"$kv "*) ;;
		*) fail "$m for $kv: vermagic '$vm'" ;;
		esac
		in_root modinfo -k "$kv" -n "$m" | grep -q "/updates/dkms/$m.ko" ||
			fail "$m is not in /lib/modules/$kv/updates/dkms"
	done
	# The autoload switch, both ways: udev's view (modprobe -b on a GPU's
	# alias) and by name.
	alias=pci:v000010DEd00002206sv00001043sd000087B3bc03sc00i00
	# Whether udev would load nova_core for a GPU: modprobe -b applies the
	# blacklists to aliases as udev does (Debian's nouveau answers the same
	# alias and loads in every state).
	udev_loads_nova() {
		in_root modprobe -S "$kv" -n -v -b "$alias" 2>&1 | tee -a "$log" |
			grep -q '^insmod .*/nova_core\.ko'
	}
	[ "$(in_root nova-autoload status | cut -d: -f1)" = off ] ||
		fail "nova-autoload status is not off after dkms-install"
	! udev_loads_nova || fail "default: a GPU's alias loads nova_core"
	in_root modprobe -S "$kv" -n -v nova_core 2>&1 | grep -q '^insmod .*/nova_core\.ko' ||
		fail "default: modprobe nova_core does not load it"
	in_root nova-autoload on >> "$log" 2>&1 || fail "nova-autoload on failed"
	udev_loads_nova || fail "on: a GPU's alias does not load nova_core"
	in_root nova-autoload off >> "$log" 2>&1 || fail "nova-autoload off failed"
	! udev_loads_nova || fail "off again: a GPU's alias loads nova_core"
	note "./run dkms-uninstall"
	in_root bash -c "cd /root/nova && ./run dkms-uninstall" >> "$log" 2>&1 ||
		fail "./run dkms-uninstall failed"
	left=$(cd "$run" && ls -d etc/modprobe.d/nova.conf usr/local/sbin/nova-autoload \
		"lib/modules/$kv/updates/dkms/nova"* usr/src/nova-* var/lib/dkms/nova 2>/dev/null)
	[ -z "$left" ] || fail "dkms-uninstall left: $left"
	note "dkms built, installed and removed nova for $kv in $((SECONDS - start)) s"
	;;
esac
rm -rf "$run" "$run.out" "$run.warn"
