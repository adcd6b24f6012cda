# After every module has been unloaded, kmemleak finds no leak (debug
# kernel only; the stock kernel has no kmemleak).
. /tests/lib.sh

unload_all
kmemleak_check "kmemleak: no leaks"
ktap_done
