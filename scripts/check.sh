#!/bin/bash
# `make check`: every test of the project, on a fresh Debian 12 machine.
#
#  1. installs what is missing (apt-get);
#  2. static checks: the build is W=1 clean and sparse (C=2) clean against
#     each kernel (Debian 12's 6.1, Debian 12's backports 6.12, sid's
#     newest), and checkpatch --strict and kernel-doc clean;
#  3. Debian's own kernel images (6.1, 6.12 and the newest) boot in QEMU
#     with the modules and run the guest suite;
#  4. the debug kernel (6.1 with KASAN, lockdep, kmemleak, UBSAN, KUnit,
#     failslab), built once and cached under build/, runs the guest suite
#     and the KUnit suites, with a kmemleak scan at the end;
#  5. each guest's kernel log is scanned for warnings, BUGs, oopses and
#     sanitizer reports; a VM that does not finish fails;
#  6. the QEMU host: QEMU with the GPU model as a PCI device (built from
#     Debian's source once, cached), nova_core's PCI path on it behind an
#     IOMMU, and Debian's newest nouveau on it as an independent oracle;
#  7. the line coverage of the modules by the debug kernel's suite (gcov)
#     is printed, per file.
#
# Each step and each result is printed as it ends, with the time elapsed;
# logs stay under build/logs. The last line is "N passed, N failed"; the
# exit status is non-zero if anything failed.
#
# Environment: NOVA_FLAVORS="stock 6.12 newest debug" (which kernels run
# the guest suite; the build checks always cover all), NOVA_NO_QEMU=1 (no
# QEMU host and no nouveau oracle), NOVA_ONLY=<glob>
# (guest cases to run), NOVA_KVM=1 (use KVM where it works).
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
b=$top/build
logs=$b/logs
flavors=${NOVA_FLAVORS:-stock 6.12 newest debug}
host=$logs/host.ktap
n=0

mkdir -p "$logs"
rm -rf "$logs"/*
: > "$host.body"

elapsed() { printf '%d:%02d' $((SECONDS / 60)) $((SECONDS % 60)); }
say() { echo "== [$(elapsed)] $*"; }

# result ok|fail DESCRIPTION [DIAGNOSTIC FILE]
result() {
	n=$((n + 1))
	if [ "$1" = ok ]; then
		echo "ok $n $2" >> "$host.body"
		echo "   ok     $2"
	else
		echo "not ok $n $2" >> "$host.body"
		echo "   FAILED $2${3:+ (see ${3#"$top"/})}"
		if [ -n "${3:-}" ] && [ -s "$3" ]; then
			head -n 40 "$3" | sed 's/^/# /' >> "$host.body"
		fi
	fi
}

say "installing what is missing"
if ! "$top/scripts/deps.sh" check; then
	echo "check: could not install the dependencies" >&2
	exit 1
fi

kver=$("$top/scripts/abi.sh")-amd64
kdir=/usr/src/linux-headers-$kver

say "kernels: Debian's 6.12 and newest (fetched), the debug kernel (built once); cached in build/"
for k in 6.12 newest; do
	if "$top/scripts/kernel.sh" "$k" 2>&1 | tee "$logs/kernel-$k.log"; then
		result ok "Debian's $k kernel and its headers are ready ($(cat "$b/kernels/$k/kver"))"
	else
		result fail "Debian's $k kernel and its headers are ready" "$logs/kernel-$k.log"
	fi
done
if "$top/scripts/debug-kernel.sh" "$b/debug-kernel" 2>&1 | tee "$logs/debug-kernel.log"; then
	result ok "the debug kernel is built ($(cat "$b/debug-kernel/kver"): KASAN, lockdep, kmemleak, UBSAN, KUnit, fault injection)"
else
	result fail "the debug kernel is built" "$logs/debug-kernel.log"
fi

# static_build DIR LOG DESCRIPTION KERNEL [make arguments]: a build whose
# output, less kbuild's progress lines, must be empty. KERNEL is 6.1 (this
# machine's headers) or the name of one of scripts/kernel.sh's kernels.
static_build() {
	local dir=$1 log=$2 desc=$3 k=$4 kd=$kdir root=
	shift 4
	if [ "$k" = debug ]; then
		kd=$b/debug-kernel/src/linux-source-6.1
		if [ ! -f "$b/debug-kernel/stamp" ]; then
			result fail "$desc (no debug kernel)"
			return
		fi
	elif [ "$k" != 6.1 ]; then
		if [ ! -f "$b/kernels/$k/stamp" ]; then
			result fail "$desc (no $k kernel)"
			return
		fi
		kd=$(cat "$b/kernels/$k/kdir")
		root=$(cat "$b/kernels/$k/chroot" 2>/dev/null || true)
	fi
	NOVA_CHROOT=$root "$top/scripts/build-modules.sh" "$b/$dir" "$kd" "$@" \
		> "$logs/$log" 2>&1
	local rc=$?
	grep -vE '^ *(CC|LD|MODPOST|CHECK|BTF)|Skipping BTF|make\[|^$' "$logs/$log" \
		> "$logs/$log.hits"
	if [ $rc = 0 ] && [ ! -s "$logs/$log.hits" ]; then
		result ok "$desc"
	else
		result fail "$desc" "$logs/$log"
	fi
}

say "static checks: W=1 and sparse (C=2) against each kernel"
static_build static-w1 w1.log "build is W=1 clean ($kver)" 6.1
static_build static-sparse sparse.log "sparse (C=2) is clean ($kver)" 6.1 C=2
for k in 6.12 newest; do
	kv=$(cat "$b/kernels/$k/kver" 2>/dev/null || echo "$k")
	static_build "static-w1-$k" "w1-$k.log" "build is W=1 clean ($kv)" "$k"
	static_build "static-sparse-$k" "sparse-$k.log" "sparse (C=2) is clean ($kv)" "$k" C=2
done
# The debug kernel's W=1 build is its guest's (with gcov), checked there.
static_build static-sparse-debug sparse-debug.log \
	"sparse (C=2) is clean (debug kernel, with the KUnit suites)" debug \
	CONFIG_NOVA_CORE_KUNIT_TEST=y

# checked DESCRIPTION LOG COMMAND...: a result from COMMAND's exit status;
# its output goes to LOG and shows as the diagnostics of a failure.
checked() {
	local desc=$1 log=$2
	shift 2
	if "$@" > "$logs/$log" 2>&1; then
		result ok "$desc"
	else
		result fail "$desc" "$logs/$log"
	fi
}

# same WANT GOT: succeeds if equal, else says what differs.
same() {
	[ "$1" = "$2" ] && return 0
	printf 'expected: %s\nactual:   %s\n' "$1" "$2"
	return 1
}

ko=$b/static-w1/ko/nova_core.ko
checked "nova_core lists its 94 firmware files with MODULE_FIRMWARE" fw.log \
	same 94 "$(/sbin/modinfo -F firmware "$ko" 2>/dev/null | wc -l)"
checked "nova_core matches NVIDIA VGA and 3D functions, and emulated GPUs" alias.log \
	same "pci:v000010DEd*sv*sd*bc03sc00i* pci:v000010DEd*sv*sd*bc03sc02i* platform:nova-emu " \
	"$(/sbin/modinfo -F alias "$ko" 2>/dev/null | sort | tr '\n' ' ')"
checked "nova_drm.h compiles as C and C++; the guest test programs build -Werror clean" \
	tools.log "$top/scripts/build-guest-tools.sh" "$b/guest-tools"
# The benchmarks are not run here, but they must keep building.
checked "the benchmark programs (bench/) build -Werror clean" bench-build.log \
	sh -c 'for s in "$1"/bench/*.c; do gcc -std=c11 -O2 -Wall -Wextra -Werror -pthread \
		-I "$1/include/uapi/drm" $(pkg-config --cflags libdrm) -o /dev/null "$s" || exit 1; done' \
	sh "$top"
checked "make install into a staging DESTDIR installs exactly the expected files, autoload off until nova-autoload on; uninstall removes them" \
	install.log "$top/scripts/install-check.sh" install
checked "dkms.conf builds nova_core, nova_emu and nova for $kver" \
	dkms.log "$top/scripts/install-check.sh" dkms

say "a fresh Debian 12 (debootstrap, in a chroot): the newcomer's demo, DKMS for 6.12"
# chrooted DESCRIPTION NAME: scripts/chroot-check.sh NAME, its steps shown.
chrooted() {
	if "$top/scripts/chroot-check.sh" "$2" 2>&1 | tee "$logs/chroot-$2.out"; then
		result ok "$1"
	else
		result fail "$1" "$logs/chroot-$2.out"
	fi
}
chrooted "./run demo on a fresh Debian 12 installs what it needs, make first, and shows the driver" \
	newcomer
chrooted "Debian 12 with 6.12 from backports: ./run dkms-install builds and installs for 6.12; autoload off until nova-autoload on; dkms-uninstall removes all" \
	dkms

say "host tests: parsers under ASan/UBSan, fuzzing"
# Its KTAP joins the summary; this result also catches a run that dies
# before printing its results.
if "$top/tests/host/run.sh" "$b/host" > "$logs/host-tests.ktap" 2>&1; then
	result ok "host tests of the parsers ran and passed"
else
	result fail "host tests of the parsers ran and passed" "$logs/host-tests.ktap"
fi

guest() {
	local flavor=$1
	say "$flavor kernel: build, boot, run the guest suite"
	local start=$SECONDS
	# The run's log keeps everything; the terminal shows its steps and
	# one line per guest case.
	"$top/scripts/guest.sh" "$flavor" check 2>&1 | tee "$logs/$flavor.run.log" |
		grep --line-buffered -E '^(   |debug kernel|kernel |stock kernel|guest|vm)'
	local rc=${PIPESTATUS[0]}
	if [ "$rc" = 0 ]; then
		result ok "$flavor VM ran the suite to the end ($((SECONDS - start)) s)"
	else
		result fail "$flavor VM ran the suite to the end" "$logs/$flavor.run.log"
	fi
	checked "$flavor kernel log has no warning, BUG, oops or sanitizer report" \
		"$flavor.logcheck" "$top/scripts/logcheck.sh" "$logs/$flavor/console.log"
	if [ "$flavor" = debug ]; then
		# The static checks built against the headers of Debian's 6.1;
		# this is the same source against the debug kernel's tree.
		grep -vE '^ *(CC|LD|MODPOST|CHECK)|Skipping BTF|make\[|^$' \
			"$logs/debug/build.log" > "$logs/debug/build.log.hits" 2>/dev/null
		# (make -s: a clean build prints nothing at all.)
		if [ -f "$logs/debug/build.log" ] && [ ! -s "$logs/debug/build.log.hits" ]; then
			result ok "build is W=1 clean (debug kernel, with KUnit and gcov)"
		else
			result fail "build is W=1 clean (debug kernel, with KUnit and gcov)" \
				"$logs/debug/build.log"
		fi
		checked "the modules' line coverage came back from the debug VM (gcov)" \
			coverage.log test -s "$logs/debug/coverage/coverage.txt"
	fi
}

for f in $flavors; do
	guest "$f"
done

# The QEMU host: the GPU model as a PCI device (qemu/nova-gpu.c) in a QEMU
# built from Debian's source once (about 5 minutes, cached in build/qemu),
# nova_core's PCI path on it, then Debian's newest nouveau as the oracle.
if [ -z "${NOVA_NO_QEMU:-}" ]; then
	say "QEMU host: the GPU model as a PCI device, nova_core's PCI path on it"
	start=$SECONDS
	if "$top/scripts/qemu-check.sh" > "$logs/qemu.run.log" 2>&1; then
		result ok "QEMU host VM ran its suite, the model logged no problem ($((SECONDS - start)) s)"
	else
		result fail "QEMU host VM ran its suite, the model logged no problem" "$logs/qemu.run.log"
	fi
	grep -E '^(   |qemu.sh)' "$logs/qemu.run.log" || true
	checked "QEMU host kernel log has no warning, BUG, oops or sanitizer report" \
		qemu.logcheck "$top/scripts/logcheck.sh" "$logs/qemu/console.log"
	say "the oracle: Debian's newest nouveau on the model with NVIDIA's files"
	for chip in $(awk '!/^#/ && NF { print $1 }' "$top/tests/vm/oracle-stages"); do
		if "$top/scripts/oracle.sh" "$chip" > "$logs/oracle-$chip.log" 2>&1; then
			result ok "$(grep '^oracle: .* reached' "$logs/oracle-$chip.log" | sed 's/^oracle: /nouveau on the model: /')"
		else
			result fail "nouveau on the model gets as far on $chip as tests/vm/oracle-stages says" \
				"$logs/oracle-$chip.log"
		fi
		grep '^oracle: ' "$logs/oracle-$chip.log" | sed 's/^/   /' || true
	done
fi

# checkpatch and kernel-doc come with the kernel sources (linux-source-6.1),
# which the debug kernel unpacked.
src=$b/debug-kernel/src/linux-source-6.1
if [ -x "$src/scripts/checkpatch.pl" ]; then
	say "static checks: checkpatch --strict, kernel-doc"
	files=$(cd "$top" && git ls-files 'drivers/*.[ch]' 'include/*.h' 2>/dev/null ||
		find drivers include -name '*.[ch]')
	# The compat header exists to test kernel versions (see its comment).
	(cd "$top" && "$src/scripts/checkpatch.pl" --no-tree --strict --quiet \
		-f $(echo $files | tr ' ' '\n' | grep -v nova_compat.h) &&
		"$src/scripts/checkpatch.pl" --no-tree --strict --quiet \
		--ignore LINUX_VERSION_CODE -f include/linux/nova_compat.h) \
		> "$logs/checkpatch.log" 2>&1
	if [ $? = 0 ]; then
		result ok "checkpatch --strict is clean"
	else
		result fail "checkpatch --strict is clean" "$logs/checkpatch.log"
	fi
	(cd "$top" && "$src/scripts/kernel-doc" -none $files) > "$logs/kernel-doc.log" 2>&1
	if [ ! -s "$logs/kernel-doc.log" ]; then
		result ok "kernel-doc is clean"
	else
		result fail "kernel-doc is clean" "$logs/kernel-doc.log"
	fi
fi

{
	echo "KTAP version 1"
	echo "1..$n"
	cat "$host.body"
} > "$host"
rm -f "$host.body"

if [ -s "$logs/debug/coverage/coverage.txt" ]; then
	say "line coverage of the modules by the debug kernel's suite (gcov)"
	cat "$logs/debug/coverage/coverage.txt"
fi

say "summary (logs in build/logs)"
ktaps="$host $logs/host-tests.ktap"
for f in $flavors qemu; do
	[ -f "$logs/$f/ktap.log" ] && ktaps="$ktaps $logs/$f/ktap.log"
done
awk -f "$top/scripts/ktap-summary.awk" $ktaps
