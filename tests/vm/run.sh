# The guest test runner. Runs every case file under /tests/cases in order,
# each as a KTAP subtest, and prints KTAP version 1 on stdout.
#
# A case fails if any of its tests fails, if it does not finish within its
# time limit, or if the kernel logged a warning, oops, BUG or sanitizer
# report while it ran (the host checks the whole log again afterwards).

REPORTS='WARNING:|BUG[: ]|Oops|general protection fault|KASAN:|UBSAN:|suspected memory leak|Call Trace:|Kernel panic|refcount_t:'
CASE_TIMEOUT=${NOVA_CASE_TIMEOUT:-300}
# make stress (novatest.stress=1): the cases' budgets are several
# times larger, and so is their time limit.
[ -n "$NOVA_STRESS" ] && CASE_TIMEOUT=${NOVA_CASE_TIMEOUT:-6000}

# The QEMU host (novatest.host=qemu) runs its own cases: the GPU model as
# a PCI device (qemu/nova-gpu.c) instead of nova_emu's.
dir=/tests/cases
[ "$NOVA_HOST" = qemu ] && dir=/tests/qemu-cases
cases=
for f in $dir/*.sh; do
	name=$(basename "$f" .sh)
	if [ -n "$NOVA_ONLY" ]; then
		case "$name" in $NOVA_ONLY) ;; *) continue ;; esac
	fi
	cases="$cases $f"
done

# Suspects from boot, before any test, are not ours: set them aside so
# that the final kmemleak scan reports only what the tests leaked.
if [ -e /sys/kernel/debug/kmemleak ]; then
	echo scan > /sys/kernel/debug/kmemleak
	echo clear > /sys/kernel/debug/kmemleak
fi

echo "KTAP version 1"
echo "1..$(echo $cases | wc -w)"
i=0
for f in $cases; do
	i=$((i + 1))
	name=$(basename "$f" .sh)
	dmesg -c > /dev/null
	echo "    KTAP version 1"
	echo "    # Subtest: $name"
	start=$(cut -d. -f1 /proc/uptime)
	timeout "$CASE_TIMEOUT" sh "$f" > /tmp/case.out 2>&1
	rc=$?
	sed 's/^/    /' /tmp/case.out
	echo "    # $name: $(( $(cut -d. -f1 /proc/uptime) - start )) s"
	dmesg > /tmp/case.log
	bad=$(grep -E "$REPORTS" /tmp/case.log | head -n 20)
	if [ "$rc" = 0 ] && [ -z "$bad" ]; then
		echo "ok $i $name"
	else
		echo "not ok $i $name"
		[ "$rc" = 143 ] && echo "# timed out after ${CASE_TIMEOUT}s"
		[ "$rc" != 0 ] && [ "$rc" != 143 ] && echo "# exit status $rc"
		[ -n "$bad" ] && echo "$bad" | sed 's/^/# kernel: /'
	fi
done

# The modules' coverage data, after the KTAP document (debug kernel only).
sh /tests/gcov.sh
