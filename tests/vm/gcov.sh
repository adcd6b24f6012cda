# The coverage data of the nova modules, for the host: on a kernel with
# gcov (the debug kernel; the modules built with GCOV_PROFILE=y), the .gcda
# files under /sys/kernel/debug/gcov, as a gzipped tar in base64 between
# the lines "nova-gcov: begin" and "nova-gcov: end". Unloaded modules keep
# their counts (gcov_persist), so this runs once, after every case.
# scripts/coverage.sh reads it back from the guest's output.

g=/sys/kernel/debug/gcov
[ -d $g ] || exit 0
files=$(cd $g && find . -name '*.gcda' | grep '/drivers/gpu/')
[ -n "$files" ] || exit 0

# debugfs reports a size of 0 for these files: copy them first.
rm -rf /tmp/gcov
for f in $files; do
	mkdir -p /tmp/gcov/$(dirname $f)
	cat $g/$f > /tmp/gcov/$f
done
echo "nova-gcov: begin"
(cd /tmp/gcov && tar -cf - .) | gzip -9 | base64
echo "nova-gcov: end"
rm -rf /tmp/gcov
