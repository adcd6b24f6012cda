#!/bin/bash
# Line coverage of the nova modules from a debug-kernel run of the guest
# suite: the modules are built with GCOV_PROFILE=y (scripts/guest.sh), the
# guest prints their .gcda files at the end of its output
# (tests/vm/gcov.sh), and gcov reads them here against the .gcno files of
# the build.
#
#   scripts/coverage.sh KTAP_LOG MODULE_BUILD_DIR OUT
#
# KTAP_LOG: the guest's output (build/logs/debug/ktap.log); the coverage
# block is taken out of it. MODULE_BUILD_DIR: what scripts/build-modules.sh
# built (build/debug-mod). OUT: a directory for the .gcda files and the
# report, OUT/coverage.txt: per source file of nova_core, nova and nova_emu
# (not the KUnit suites), the lines executed, and the totals; and
# OUT/uncovered.txt, the lines never run. Exits 1 if the guest printed no
# coverage data.
set -euo pipefail

log=$1
mod=$(cd "$2" && pwd)
out=$3
rm -rf "$out"
mkdir -p "$out/gcda"

if ! grep -q '^nova-gcov: begin' "$log"; then
	echo "coverage: no coverage data in $log" >&2
	exit 1
fi
sed -n '/^nova-gcov: begin/,/^nova-gcov: end/p' "$log" | sed '1d;$d' | tr -d '\r' |
	base64 -d | tar -xzf - -C "$out/gcda"
# The block is not KTAP: leave the log without it.
sed -i '/^nova-gcov: begin/,/^nova-gcov: end/d' "$log"

# The .gcda files sit under the absolute path the modules were built in,
# in the guest's debugfs; beside their .gcno files, in a copy, gcov reads
# them.
work=$out/objs
find "$out/gcda" -name '*.gcda' | while read -r f; do
	rel=${f#*/src/}
	mkdir -p "$work/$(dirname "$rel")"
	cp "$f" "$work/$rel"
	cp "$mod/src/${rel%.gcda}.gcno" "$work/${rel%.gcda}.gcno"
done

report=$out/coverage.txt
{
	printf '%-44s %7s %7s %7s\n' "file" "lines" "run" "cover"
	for m in nova-core nova-core/falcon nova-core/firmware nova-core/gsp nova-core/vbios nova-core/emu drm/nova; do
		dir=drivers/gpu/$m
		[ -d "$work/$dir" ] || continue
		for gcno in "$work/$dir"/*.gcno; do
			src=$mod/src/$dir/$(basename "${gcno%.gcno}").c
			mkdir -p "$out/gcov/$dir"
			(cd "$out/gcov/$dir" && gcov -o "$work/$dir" "$src" 2>/dev/null) |
				awk -v want="$src" -v name="$dir/$(basename "$src")" '
					/^File / { f = $2; gsub(/\x27/, "", f) }
					/^Lines executed:/ && f == want {
						split($2, a, ":"); pct = a[2]; sub(/%/, "", pct)
						n = $4
						printf "%-44s %7d %7d %6.1f%%\n", name, n, int(n * pct / 100 + 0.5), pct
						f = ""
					}'
		done
	done
} > "$report.files"

# Totals per module and in all.
awk 'NR == 1 { print; next }
	{
		print
		m = $1 ~ /\/emu\// ? "nova_emu" : $1 ~ /drm\/nova/ ? "nova" : "nova_core"
		lines[m] += $2; run[m] += $3; all += $2; allrun += $3
	}
	END {
		split("nova_core nova nova_emu", order)
		for (i = 1; i <= 3; i++) {
			m = order[i]
			if (lines[m])
				printf "%-44s %7d %7d %6.1f%%\n", "total " m, lines[m], run[m],
					100 * run[m] / lines[m]
		}
		printf "%-44s %7d %7d %6.1f%%\n", "total", all, allrun, 100 * allrun / all
	}' "$report.files" > "$report"
rm -f "$report.files"

# The lines never run, per file (gcov marks them "#####"), for whoever
# wants to know what the suite misses: OUT/uncovered.txt.
for m in nova-core nova-core/falcon nova-core/firmware nova-core/gsp nova-core/vbios nova-core/emu drm/nova; do
	dir=drivers/gpu/$m
	for g in "$out/gcov/$dir"/*.c.gcov; do
		[ -e "$g" ] || continue
		src=$dir/$(basename "${g%.gcov}")
		[ -e "$mod/src/$src" ] || continue
		awk -F: -v f="$src" '$1 ~ /#####/ {
			n = $2; sub(/^ +/, "", n)
			printf "%s:%s:%s\n", f, n, substr($0, length($1) + length($2) + 3)
		}' "$g"
	done
done > "$out/uncovered.txt"
cat "$report"
