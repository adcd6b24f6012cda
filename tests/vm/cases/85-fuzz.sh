# The ioctl fuzzer (nova-fuzz, tests/vm/src): random and boundary-biased
# nova and DRM core ioctls, their direction and size bits changed, from four
# threads on shared and private files of two GPUs, with a fixed seed; the
# ioctls on each thread's own files are checked against a model. No kernel
# report (the runner), every node still works, and nothing is left: the
# files close and nova unloads (99-kmemleak scans for leaks at the end).
# NOVA_FUZZ_SEED and NOVA_FUZZ_ITERATIONS (per thread) override the budget;
# novatest.stress=1 (make stress) multiplies it by 20, with a random seed.
. /tests/lib.sh

FUZZ=/tests/bin/nova-fuzz
SEED=${NOVA_FUZZ_SEED:-20261122}
ITER=${NOVA_FUZZ_ITERATIONS:-30000}
if [ -n "$NOVA_STRESS" ]; then
	ITER=$((ITER * 20))
	[ -n "$NOVA_FUZZ_SEED" ] || SEED=$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')
fi

if ! [ -x $FUZZ ]; then
	not_ok "nova-fuzz is in the guest" "no $FUZZ"
	ktap_done
fi

unload_all
modprobe nova_emu count=0 && modprobe nova_core && modprobe nova &&
	emu_new "0 chipset=ga102 vram=512M" > /dev/null &&
	emu_new "1 chipset=tu104" > /dev/null
expect_eq "two GPUs with their DRM nodes" 4 "$(nova_nodes | wc -l)"

$FUZZ --seed $SEED --iterations $ITER --threads 4 --files 2 > /tmp/fuzz.out 2>&1
ktap_nest "nova-fuzz --seed $SEED --iterations $ITER --threads 4 --files 2" /tmp/fuzz.out $?
grep '^# iterations:' /tmp/fuzz.out | sed 's/^# /# fuzz /'

check "nova unloads: no file or object is left" rmmod nova
unload_all
ktap_done
