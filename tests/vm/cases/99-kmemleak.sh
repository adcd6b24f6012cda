# After every module has been unloaded, kmemleak finds no leak (debug
# kernel only; the stock kernel has no kmemleak).
. /tests/lib.sh

k=/sys/kernel/debug/kmemleak
if ! [ -e $k ]; then
	skip "kmemleak scan" "kernel without kmemleak ($NOVA_FLAVOR)"
	ktap_done
fi

unload_all
# Objects freed just now need a moment, and two scans, to settle.
sleep 5
echo scan > $k
sleep 1
echo scan > $k
leaks=$(cat $k)
if [ -z "$leaks" ]; then
	ok "kmemleak: no leaks"
else
	not_ok "kmemleak: no leaks" "$(echo "$leaks" | head -n 60)"
fi
ktap_done
