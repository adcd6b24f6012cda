#!/bin/bash
# Prints the kernel ABI that Debian's linux-headers-amd64 currently depends
# on, e.g. "6.1.0-56": resolved from the package metadata at run time, so
# the project follows Debian's point releases without edits.
set -euo pipefail

if [ -n "${NOVA_KABI:-}" ]; then
	echo "$NOVA_KABI"
	exit 0
fi
dep=$(apt-cache depends linux-headers-amd64 2>/dev/null |
	sed -n 's/^ *Depends: linux-headers-\(.*\)-amd64$/\1/p' | head -n1)
if [ -z "$dep" ]; then
	echo "abi.sh: cannot resolve linux-headers-amd64 (run apt-get update?)" >&2
	exit 1
fi
echo "$dep"
