# Prints one line per guest case as the guest's KTAP (tests/vm/run.sh)
# reports it: its result, its duration and how many of its tests passed,
# with the lines of the tests that failed. Used by scripts/vm.sh.
#
#   awk -v flavor=NAME -f progress.awk < ktap
function reset() { passed = 0; failed = 0; skipped = 0; bad = ""; secs = "?" }
BEGIN { reset() }
{ sub(/\r$/, "") }
/^    # [^ ]+: [0-9]+ s$/ { secs = $3 }
/^    ok / {
	if ($0 ~ /# SKIP/)
		skipped++
	else
		passed++
}
/^    not ok / { failed++; bad = bad "\n        " substr($0, 5) }
/^(not )?ok [0-9]+ / {
	name = ($1 == "ok") ? $3 : $4
	res = ($1 == "ok") ? "ok    " : "FAILED"
	printf "   %s %-8s %-18s %4s s  %d passed, %d failed%s%s\n", res, flavor,
		name, secs, passed, failed, skipped ? ", " skipped " skipped" : "", bad
	fflush()
	reset()
}
/^# / && !/^# (Subtest|Totals)/ { printf "        %s\n", $0; fflush() }
