# The KUnit suites of nova_core (debug kernel only: the stock kernel has
# no KUnit). They run when the module loads; their KTAP results are read
# back from debugfs and reported here as subtests.
. /tests/lib.sh

if ! [ -d /sys/kernel/debug/kunit ]; then
	skip "KUnit suites" "kernel without KUnit ($NOVA_FLAVOR)"
	ktap_done
fi

unload_all
if ! modprobe nova_core; then
	not_ok "load nova_core with its KUnit suites"
	ktap_done
fi
for suite in nova_core_chip; do
	r=/sys/kernel/debug/kunit/$suite/results
	if ! [ -r $r ]; then
		not_ok "$suite" "no results in $r"
		continue
	fi
	# The suite's own KTAP, indented as a subtest of this case.
	grep -v '^ *KTAP version' $r | sed -n '/^ *# Subtest\|^ *1\.\.\|^ *\(not \)\?ok\|^ *#/p' |
		sed '$d' | sed 's/^/    /'
	last=$(tail -n 1 $r)
	case "$last" in
	ok*) ok "$suite" ;;
	*) not_ok "$suite" "$last" ;;
	esac
done
unload_all
ktap_done
