#!/bin/bash
# `make bench`: the benchmarks (bench/, docs/performance.md). Installs what
# is missing, builds the modules for Debian's kernel, the guest tools and
# the bench programs (bench/*.c, -Werror), boots the stock kernel (no
# KASAN, no lockdep) in QEMU in mode "bench" (bench/run.sh), and prints
# the table (bench/table.awk). Not a test: nothing here fails on a slow
# figure; the exit status says only whether the run completed.
#
# Output under build/bench: output.log (what the guest printed, every
# repetition), console.log (the guest kernel's log), host.log (the host's
# GSP queue and RPC micro-benchmarks, bench/host), table.txt.
# NOVA_BENCH_QUICK=1: fewer repetitions and levels, to try the rig.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
b=$top/build
out=$b/bench
step() { echo ">> $*"; }

step "installing what is missing"
"$top/scripts/deps.sh" demo
"$top/scripts/stock-kernel.sh" "$b/stock-kernel"
kver=$(cat "$b/stock-kernel/kver")
mkdir -p "$out"

step "building the modules for $kver, the guest tools and the bench programs"
if ! "$top/scripts/build-modules.sh" "$b/stock" "/usr/src/linux-headers-$kver" \
	> "$out/build.log" 2>&1; then
	cat "$out/build.log" >&2
	exit 1
fi
# Their own tools directory, so that the test VMs do not carry them.
if ! "$top/scripts/build-guest-tools.sh" "$out/tools" > "$out/tools.log" 2>&1; then
	cat "$out/tools.log" >&2
	exit 1
fi
for src in "$top"/bench/*.c; do
	gcc -std=c11 -O2 -g -Wall -Wextra -Werror -pthread \
		-I "$top/include/uapi/drm" $(pkg-config --cflags libdrm) \
		-o "$out/tools/bin/$(basename "$src" .c)" "$src"
done
# GA102's GSP image as large as NVIDIA's (.fwimage of 570.144: 63 MB), so
# that the boot handles as much as on a real GA102; synthetic, like every
# file the emulated GPU loads (the emulated booter checks the driver's
# copy against the same file).
if ! "$out/tools/gen/mkfw" --kind gsp --chip ga102 --image-len 63569920 \
	-o "$out/tools/firmware/nvidia/ga102/gsp/gsp-570.144.bin"; then
	echo "bench: cannot make the 63 MB GA102 GSP image" >&2
	exit 1
fi
# NOVA_BENCH_PROFILE=KEY: a perf profile of one round trip instead (see
# bench/run.sh); the host's perf goes into the guest for it.
rm -f "$out/tools/bin/perf"
if [ -n "${NOVA_BENCH_PROFILE:-}" ]; then
	cp "$(command -v perf)" "$out/tools/bin/perf"
fi
"$top/scripts/initramfs.sh" "$out/bench.cpio.gz" "$kver" "$b/stock-kernel/root" \
	"$b/stock/ko" "$out/tools"

# The host micro-benchmarks of the GSP queues and RPCs (bench/host): the
# driver's own queue and RPC code against its floors, on this machine.
step "the GSP queue and RPC micro-benchmarks on the host"
if ! make -s -C "$top/bench/host" OUT="$out/host" > "$out/host-build.log" 2>&1; then
	cat "$out/host-build.log" >&2
	exit 1
fi
hreps=1001
[ "${NOVA_BENCH_QUICK:-0}" = 1 ] && hreps=101
"$out/host/gsp-bench" --reps $hreps > "$out/host.log" ||
	{ cat "$out/host.log" >&2; echo "bench: gsp-bench failed" >&2; exit 1; }

step "booting the VM and running the benchmarks (about 2 minutes)"
# The TSC: QEMU's TCG derives it from the host's clock, so it is good; the
# kernel distrusts it under TCG and would time with the HPET, whose every
# read is an emulated MMIO access.
append="tsc=reliable ${NOVA_APPEND:-}"
load0=$(cut -d' ' -f1-3 /proc/loadavg)
[ "${NOVA_BENCH_QUICK:-0}" = 1 ] && append="$append novabench.quick=1"
[ -n "${NOVA_BENCH_PROFILE:-}" ] && append="$append novabench.profile=$NOVA_BENCH_PROFILE"
NOVA_APPEND=$append "$top/scripts/vm.sh" "$b/stock-kernel/vmlinuz" \
	"$out/bench.cpio.gz" "$out" stock bench "${NOVA_VM_TIMEOUT:-900}" > /dev/null || true
mv -f "$out/ktap.log" "$out/output.log"
if ! grep -q '^nova-bench: done' "$out/output.log"; then
	echo "bench: the run did not complete; see $out/output.log and $out/console.log" >&2
	grep '^# bench:' "$out/output.log" | tail -n 5 >&2 || true
	exit 1
fi
awk -v hostload="$load0 / $(cut -d' ' -f1-3 /proc/loadavg)" -v hostcpus="$(nproc)" \
	-v hostcpu="$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)" \
	-f "$top/bench/table.awk" "$out/host.log" "$out/output.log" | tee "$out/table.txt"
