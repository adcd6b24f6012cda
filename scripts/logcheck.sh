#!/bin/bash
# Scans a guest's kernel log for reports that fail a test run: warnings,
# BUGs, oopses, KASAN/UBSAN/lockdep reports, kmemleak findings, panics.
#
#   scripts/logcheck.sh console.log
#
# Prints each report's first lines and exits 1 if there is any.
set -uo pipefail

log=$1
pat='WARNING:|BUG[: ]|Oops|general protection fault|KASAN:|UBSAN:|suspected memory leak|unreferenced object|Call Trace:|Kernel panic|refcount_t:|possible circular locking|possible recursive locking|inconsistent lock state|suspicious RCU usage|hung_task|soft lockup|blocked for more than'

if [ ! -s "$log" ]; then
	echo "logcheck: $log is empty or missing"
	exit 1
fi
hits=$(grep -nE "$pat" "$log" | head -n 20)
if [ -n "$hits" ]; then
	echo "$hits"
	first=$(echo "$hits" | head -n1 | cut -d: -f1)
	echo "--- $log from line $first:"
	sed -n "${first},$((first + 40))p" "$log"
	exit 1
fi
exit 0
