#!/bin/bash
# apt-get and apt-cache over a private package list, for the Debian suites
# this machine's own apt configuration does not name (bookworm-backports,
# sid): their lists live under build/apt, on the mirror this machine
# already uses, and nothing of the machine's apt configuration or state is
# touched.
#
#   scripts/apt-private.sh update            refresh the lists (at most
#                                            once an hour; NOVA_APT_REFRESH=1
#                                            forces it)
#   scripts/apt-private.sh cache ARGS...     apt-cache over the lists
#   scripts/apt-private.sh download DIR PKG...
#                                            fetch .deb files into DIR
#   scripts/apt-private.sh host-download DIR PKG...
#                                            the same from the machine's
#                                            own sources (Debian 12)
#   scripts/apt-private.sh mirror            print the mirror's URI
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
d=${NOVA_APT_DIR:-$top/build/apt}
suites="bookworm-backports sid"

# The mirror this machine uses for Debian itself (deb.debian.org unless
# its sources say otherwise).
mirror() {
	local m
	m=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
		awk '$2 == "bookworm" { print $1; exit }')
	echo "${m:-http://deb.debian.org/debian/}"
}

opts() {
	echo "-o Dir::Etc::sourcelist=$d/sources.list -o Dir::Etc::sourceparts=-" \
	     "-o Dir::State::Lists=$d/lists -o Dir::Cache=$d/cache" \
	     "-o Dir::State::status=$d/status -o Debug::NoLocking=1"
}

setup() {
	mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
	chown _apt "$d/lists/partial" 2>/dev/null || true
	: >> "$d/status"
	local m s
	m=$(mirror)
	for s in $suites; do
		echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $m $s main non-free-firmware"
	done > "$d/sources.list.new"
	if ! cmp -s "$d/sources.list.new" "$d/sources.list"; then
		mv "$d/sources.list.new" "$d/sources.list"
		rm -f "$d/updated"
	else
		rm -f "$d/sources.list.new"
	fi
}

case "${1:-}" in
update)
	setup
	if [ "${NOVA_APT_REFRESH:-0}" = 1 ] || [ ! -f "$d/updated" ] ||
	   [ -n "$(find "$d/updated" -mmin +60)" ]; then
		# shellcheck disable=SC2046
		apt-get $(opts) update -q > "$d/update.log" 2>&1 || {
			cat "$d/update.log" >&2
			echo "apt-private: apt-get update failed ($suites)" >&2
			exit 1
		}
		touch "$d/updated"
	fi
	;;
cache)
	shift
	# shellcheck disable=SC2046
	apt-cache $(opts) "$@"
	;;
download|host-download)
	o=
	[ "$1" = download ] && o=$(opts)
	dest=$2
	shift 2
	mkdir -p "$dest"
	# apt downloads as its sandbox user, _apt, which must be able to
	# write where it downloads: a fresh directory it owns, not build/.
	tmp=$(mktemp -d /tmp/nova-apt.XXXXXX)
	trap 'rm -rf "$tmp"' EXIT
	chown _apt "$tmp" 2>/dev/null || chmod 777 "$tmp"
	# shellcheck disable=SC2046
	(cd "$tmp" && apt-get $o download -q "$@" > "$tmp.log" 2>&1) || {
		cat "$tmp.log" >&2
		rm -f "$tmp.log"
		echo "apt-private: downloading $* failed" >&2
		exit 1
	}
	rm -f "$tmp.log"
	mv "$tmp"/*.deb "$dest/"
	;;
mirror)
	mirror
	;;
*)
	echo "usage: apt-private.sh update|cache ARGS|[host-]download DIR PKG...|mirror" >&2
	exit 2
	;;
esac
