# nova.ko with many objects: 10000 GEM objects created and freed (by
# GEM_CLOSE and by closing the file), and their kernel memory charged to
# the memory cgroup of the process that creates them, and given back.
. /tests/lib.sh

if ! [ -x $DRM_TEST ]; then
	not_ok "nova-drm-test is in the guest" "no $DRM_TEST"
	ktap_done
fi
unload_all
if ! modprobe nova_emu count=1 vram=512M || ! modprobe nova_core || ! modprobe nova; then
	not_ok "load nova_emu, nova_core and nova"
	unload_all
	ktap_done
fi
render=$(emu_drm_node 0 renderD)
if [ -z "$render" ]; then
	not_ok "the GPU has a render node"
	unload_all
	ktap_done
fi

drm_test "10000 objects on $render" --node /dev/dri/$render --only many

# The memory cgroup: cgroup2 at /sys/fs/cgroup, the memory controller
# enabled for children, and a child the test program runs in.
cg=/sys/fs/cgroup
mounted=
if ! grep -q "^[^ ]* $cg cgroup2 " /proc/mounts; then
	mount -t cgroup2 none $cg && mounted=1
fi
if ! grep -qw memory $cg/cgroup.controllers 2>/dev/null; then
	skip "10000 objects charged to the memory cgroup" \
		"no memory controller (cgroup.controllers: $(cat $cg/cgroup.controllers 2>&1))"
else
	sysfs_write $cg/cgroup.subtree_control +memory
	mkdir -p $cg/nova-test
	sh -c "echo \$\$ > $cg/nova-test/cgroup.procs && exec $DRM_TEST --node /dev/dri/$render \
		--only memcg --cgroup $cg/nova-test" > /tmp/memcg.out 2>&1
	ktap_nest "10000 objects charged to the memory cgroup" /tmp/memcg.out $?
	check "the test cgroup can be removed" rmdir $cg/nova-test
fi
[ -n "$mounted" ] && umount $cg

unload_all
expect_eq "no nova DRM node left" "" "$(nova_nodes)"
ktap_done
