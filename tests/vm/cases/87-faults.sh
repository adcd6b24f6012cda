# Fault injection (debug kernel: failslab, fail_page_alloc): every
# allocation of an operation fails once, in its turn, through the per-task
# /proc/thread-self/fail-nth (nova-fault, tests/vm/src): the creation of an
# emulated GPU, nova_core's probe with its bring-up (firmware files, VBIOS
# copy, DMA buffers, sysfs, auxiliary device) on an Ampere and a Turing GPU,
# nova's probe (the DRM device), open and each ioctl, and the loading of
# nova_emu and nova. Each failure must unwind cleanly: the caller gets
# ENOMEM, nothing is left behind, and kmemleak finds nothing afterwards.
# Module loads are sampled (every 8th fault point; all of them with
# novatest.stress=1, make stress): most of their allocations are the
# module loader's.
. /tests/lib.sh

FAULT=/tests/bin/nova-fault
D=/sys/kernel/debug
if ! [ -e /proc/thread-self/fail-nth ] || ! [ -d $D/failslab ] || ! [ -d $D/fail_page_alloc ]; then
	skip "fault injection" "kernel without failslab, fail_page_alloc or fail-nth ($NOVA_FLAVOR)"
	ktap_done
fi
if ! [ -x $FAULT ]; then
	not_ok "nova-fault is in the guest" "no $FAULT"
	ktap_done
fi
STRIDE=8
SAMPLED="every 8th fault point"
if [ -n "$NOVA_STRESS" ]; then
	STRIDE=1
	SAMPLED="every fault point"
fi

# fault NAME ARGS...: runs nova-fault, its tests nested under NAME; keeps
# its "# faults:" lines for the summary.
fault() {
	_name=$1
	shift
	$FAULT "$@" > /tmp/fault.out 2>&1
	ktap_nest "$_name" /tmp/fault.out $?
	grep '^# faults:' /tmp/fault.out | tee -a /tmp/faults.all
}

# Only fail-nth injects (probability 0). Allocations that may sleep,
# highmem ones and order-0 pages are eligible too; nothing is printed per
# fault, and "times" counts the injected faults (slab and page apart).
# The console gets no messages meanwhile (see the end).
printk_was=$(cat /proc/sys/kernel/printk)
setup() {
	for a in failslab fail_page_alloc; do
		echo 0 > $D/$a/probability
		echo 0 > $D/$a/verbose
		echo N > $D/$a/ignore-gfp-wait
		echo 1000000000 > $D/$a/times
	done
	echo N > $D/fail_page_alloc/ignore-gfp-highmem
	echo 0 > $D/fail_page_alloc/min-order
	echo N > $D/failslab/cache-filter
	echo 1 > /proc/sys/kernel/printk
}
restore() {
	for a in failslab fail_page_alloc; do
		echo Y > $D/$a/ignore-gfp-wait
		echo -1 > $D/$a/times
		echo 2 > $D/$a/verbose
	done
	echo Y > $D/fail_page_alloc/ignore-gfp-highmem
	echo 1 > $D/fail_page_alloc/min-order
	echo N > $D/failslab/cache-filter
	echo "$printk_was" > /proc/sys/kernel/printk
}

# Three bugs of Linux 6.1 narrow what fails around nova's probe, the
# emulated GPU's creation and the loading of both:
# - its DRM core crashes when one of two of its own allocations fails
#   (drm_sysfs_minor_alloc(): a minor's struct device, 680 bytes, and its
#   name; drm_minor_alloc_release() then calls put_device() on an ERR_PTR);
# - kmem_cache_create() (nova's cache of GEM objects, as nova loads) leaks
#   the cache's name when its sysfs directory cannot be made (CVE-2024-25740,
#   fixed upstream by 2420baa8e046, "mm/slab: Allow cache creation to
#   proceed even if sysfs registration fails");
# - irq_insert_desc() ignores a failed radix_tree_insert(), so when the
#   radix tree node for a new interrupt descriptor cannot be allocated (as
#   nova_emu maps its interrupt line, irq_create_mapping()), the descriptor
#   is left out of the tree and the error path's free_desc() dereferences
#   a NULL one (kernel/irq/irqdesc.c; the tree became a maple tree in 6.5).
# There, only the caches the debug VM boots with failslab's flag fail
# (slub_debug=A,... in scripts/vm.sh: every kmalloc cache but -8, -16 and
# -1k, and the inode and dentry caches; not sysfs's kernfs_node_cache,
# kernfs_iattrs_cache and radix_tree_node), and no page allocation does (a
# new slab of those caches would make one).
drm_filter() {
	if [ "$1" = on ]; then
		echo 11 > $D/fail_page_alloc/min-order
		echo Y > $D/failslab/cache-filter
	else
		echo N > $D/failslab/cache-filter
		echo 0 > $D/fail_page_alloc/min-order
	fi
}

unload_all
: > /tmp/faults.all
setup

# 1. The emulated GPU's creation (nova_emu alone: no driver probes it).
#    A failed name allocation in platform_device_add() shows as EINVAL: the
#    platform core ignores it, and device_add() then finds no name.
modprobe nova_emu count=0
drm_filter on
fault "new_device (the emulated GPU: ROM, falcons, interrupt line, platform device)" \
	write new_device $EMU/new_device "5 chipset=ga102" --errno ENOMEM,EINVAL \
	--undo $EMU/del_device 5 \
	--absent /sys/bus/platform/devices/nova-emu.5 \
	--present /sys/bus/platform/devices/nova-emu.5
drm_filter off

# 2. nova_core's probe and bring-up, through sysfs bind, on an unbound GPU
#    (nova is not loaded: its probe comes next). A failed probe must leave
#    the GPU as the next probe needs it, with no reset in between: no WPR2
#    (a failure after FWSEC-FRTS unloads GSP-RM), the falcons at rest (idle,
#    or halted after the unload's ucodes ran). A probe that succeeds is
#    undone by an unbind, which unloads GSP-RM too (persist=0 resets the
#    board besides).
modprobe nova_core
drv=/sys/bus/platform/drivers/nova_core
for chip in ga102:5 tu104:6; do
	name=${chip%:*}
	id=${chip#*:}
	e=/sys/bus/platform/devices/nova-emu.$id/emu
	emu_new "$id chipset=$name persist=0" > /dev/null
	sysfs_write $drv/unbind nova-emu.$id > /dev/null
	fault "nova_core probe, $name (bring-up to WPR2)" \
		write "probe $name" $drv/bind nova-emu.$id \
		--undo $drv/unbind nova-emu.$id \
		--left $e/wpr2 none \
		--left $e/falcons "gsp=@(idle|halted) sec2=@(idle|halted)" \
		--left $e/dma_faults 0 \
		--absent /sys/bus/platform/devices/nova-emu.$id/driver \
		--absent /sys/bus/platform/devices/nova-emu.$id/nova \
		--absent "/sys/bus/platform/devices/nova-emu.$id/nova_core.nova-drm.*" \
		--present /sys/bus/platform/devices/nova-emu.$id/nova/chipset
	emu_del $id > /dev/null
done

# 3. nova's probe (the DRM device), through the auxiliary bus.
emu_new "7 chipset=ad104" > /dev/null
modprobe nova
adev=$(emu_aux 7)
adrv=/sys/bus/auxiliary/drivers/nova
sysfs_write $adrv/unbind "$adev" > /dev/null
if grep -q 1 /sys/kernel/slab/kmalloc-1k/failslab ||
   ! grep -q 1 /sys/kernel/slab/kmalloc-2k/failslab; then
	not_ok "nova probe: the debug VM boots with failslab's flag on the kmalloc caches but -8, -16 and -1k" \
		"kmalloc-1k: $(cat /sys/kernel/slab/kmalloc-1k/failslab), kmalloc-2k: $(cat /sys/kernel/slab/kmalloc-2k/failslab)"
else
	drm_filter on
	fault "nova probe (DRM device registration)" \
		write "nova probe" $adrv/bind "$adev" \
		--undo $adrv/unbind "$adev" \
		--absent /sys/bus/auxiliary/devices/$adev/driver \
		--absent "/sys/bus/auxiliary/devices/$adev/drm/*" \
		--present "/sys/bus/auxiliary/devices/$adev/drm/renderD*"
	drm_filter off
fi

# 4. open and every ioctl.
sysfs_write $adrv/bind "$adev" > /dev/null
render=$(emu_drm_node 7 renderD)
card=$(emu_drm_node 7 card)
if [ -n "$render" ] && [ -n "$card" ]; then
	fault "open and ioctls" ioctls ioctls /dev/dri/$render /dev/dri/$card
else
	not_ok "GPU 7 has its DRM nodes" "render: ${render:-<none>}, primary: ${card:-<none>}"
fi

# 5. Module loading: nova_emu creating a GPU as it loads (nova_core not
#    loaded), and nova binding a GPU as it loads.
unload_all
ko=/lib/modules/$(uname -r)/extra
drm_filter on
fault "load nova_emu count=1 ($SAMPLED)" \
	module "load nova_emu" $ko/nova_emu.ko "count=1 chipset=ga104" \
	--errno ENOMEM,EINVAL --stride $STRIDE
drm_filter off
modprobe nova_emu count=1 chipset=ga104
modprobe nova_core
drm_filter on
fault "load nova, binding a GPU ($SAMPLED)" \
	module "load nova" $ko/nova.ko --stride $STRIDE \
	--absent "/sys/bus/auxiliary/devices/*/drm"
drm_filter off
unload_all
restore

# The kernel log: the allocation-failure warnings of nova-fault's faults
# are expected (vmalloc() in the firmware and module loaders, and
# kmem_cache_create() for nova's cache, failed on purpose), with the stack
# trace that follows their first lines; anything else is a report.
dmesg > /tmp/faults.log
awk '
	/vmalloc error: |page allocation failure: |kmem_cache_create.* failed with error / { header = NR }
	/Call Trace:/ && header && NR - header <= 4 { next }
	/WARNING:|BUG[: ]|Oops|general protection fault|KASAN:|UBSAN:|suspected memory leak|Call Trace:|Kernel panic|refcount_t:|possible circular|possible recursive|inconsistent lock/ { print NR ": " $0 }
' /tmp/faults.log > /tmp/faults.reports
if [ -s /tmp/faults.reports ]; then
	first=$(head -n 1 /tmp/faults.reports | cut -d: -f1)
	not_ok "no kernel report but the expected allocation-failure warnings" \
		"$(head -n 10 /tmp/faults.reports)" "--- the kernel log from line $first:" \
		"$(sed -n "$((first > 5 ? first - 5 : 1)),$((first + 40))p" /tmp/faults.log)"
else
	ok "no kernel report but the expected allocation-failure warnings ($(grep -c 'vmalloc error: \|page allocation failure: \|kmem_cache_create.* failed with error' /tmp/faults.log))"
fi
# The runner would take the expected warnings for reports: the log has
# been checked, clear it.
dmesg -c > /dev/null

kmemleak_check "kmemleak: no leaks after the injected faults"

total=$(awk '{ for (i = 3; i <= NF; i++) if ($i ~ /^injected=/) { sub(/injected=/, "", $i); n += $i } } END { print n + 0 }' /tmp/faults.all)
echo "# faults injected in all: $total"
ktap_done
