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
# Every suite nova_core registered, and at least the ones it must have.
want="nova_core_chip nova_core_vbios nova_core_fw nova_core_fb nova_core_falcon nova_core_gsp
	nova_core_fsp nova_core_devrec"
have=$(ls /sys/kernel/debug/kunit | grep '^nova_core_' | tr '\n' ' ')
for suite in $want; do
	case " $have " in
	*" $suite "*) ;;
	*) have="$have $suite" ;;
	esac
done
for suite in $have; do
	r=/sys/kernel/debug/kunit/$suite/results
	if ! [ -r $r ]; then
		not_ok "$suite" "no results in $r"
		continue
	fi
	# The results are a KTAP document holding one suite: its lines, less
	# the document's header and the suite's result, become this test's
	# subtests (one level down).
	grep -v '^KTAP version\|^1\.\.' $r | grep -v '^\(not \)\?ok ' |
		sed 's/^    //'
	last=$(grep '^\(not \)\?ok ' $r | tail -n 1)
	case "$last" in
	ok*) ok "$suite" ;;
	*) not_ok "$suite" "$last" ;;
	esac
done
unload_all
ktap_done
