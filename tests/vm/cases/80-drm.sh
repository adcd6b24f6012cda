# nova.ko, the DRM driver, from user space through libdrm: its nodes, the
# UAPI (GETPARAM, GEM_CREATE, GEM_INFO, GEM_CLOSE), handles per file and
# fdinfo, on an emulated GPU with a 512 MiB VRAM BAR, on a second GPU, and
# on a PCI GPU (drm-pdev). The checks are tests/vm/src/nova-drm-test.c;
# each run of it is one test here, with its checks as subtests.
. /tests/lib.sh

if ! [ -x $DRM_TEST ]; then
	not_ok "nova-drm-test is in the guest" "no $DRM_TEST"
	ktap_done
fi
unload_all
nodes_before=$(ls /dev/dri 2>/dev/null | wc -l)

if ! modprobe nova_emu count=1 vram=512M || ! modprobe nova_core; then
	not_ok "load nova_emu and nova_core"
	unload_all
	ktap_done
fi
mark_log
check "load nova" modprobe nova
render=$(emu_drm_node 0 renderD)
card=$(emu_drm_node 0 card)
if [ -n "$render" ] && [ -n "$card" ] && [ -c /dev/dri/$render ] && [ -c /dev/dri/$card ]; then
	ok "the GPU has a render node and a primary node ($render, $card)"
else
	not_ok "the GPU has a render node and a primary node" \
		"render: ${render:-<none>}, primary: ${card:-<none>}" \
		"/dev/dri: $(ls /dev/dri 2>&1 | tr '\n' ' ')" "$(log_since_mark)"
	unload_all
	ktap_done
fi
expect_eq "the DRM device's parent is the GPU's auxiliary device" \
	"$(emu_aux 0)" "$(basename "$(readlink -f /sys/class/drm/$render/device)")"
expect_eq "nova drives it" nova \
	"$(basename "$(readlink -f /sys/class/drm/$render/device/driver)")"

drm_test "nova-drm-test on $render (512 MiB VRAM BAR)" \
	--node /dev/dri/$render --vram 536870912
drm_test "nova-drm-test finds the nova render node by itself" --only version,getparam

# A second GPU: its own nodes, its own VRAM BAR size.
emu_new "1 chipset=tu102 vram=16G"
render1=$(emu_drm_node 1 renderD)
card1=$(emu_drm_node 1 card)
if [ -n "$render1" ] && [ -n "$card1" ] && [ "$render1" != "$render" ] && [ "$card1" != "$card" ]; then
	ok "a second GPU gets its own nodes ($render1, $card1)"
	drm_test "nova-drm-test on $render1 (16 GiB VRAM BAR)" \
		--node /dev/dri/$render1 --vram 17179869184 --only version,getparam,create,info
	drm_test "nova-drm-test on $render still (512 MiB VRAM BAR)" \
		--node /dev/dri/$render --vram 536870912 --only getparam
	emu_del 1
	check "removing the second GPU removes its nodes only" sh -c \
		"! [ -e /dev/dri/$render1 ] && ! [ -e /dev/dri/$card1 ] && [ -c /dev/dri/$render ]"
else
	not_ok "a second GPU gets its own nodes" "render: ${render1:-<none>}, primary: ${card1:-<none>}"
	emu_del 1 > /dev/null
fi

unload_all
expect_eq "no nova DRM node left after unloading" "" "$(nova_nodes)"

# A PCI GPU (QEMU's secondary-vga of 70-pci, presented as a GA102): its
# files show drm-pdev.
big=$(pci_test_dev 33554432)
if ! [ -e /dev/mem ] || [ -z "$big" ]; then
	skip "drm-pdev on a PCI GPU" "no /dev/mem or no 32 MiB secondary-vga"
else
	pci_set_boot $big 0x172000a1 0x172a1000
	# RAM has no falcons: bind it without the bring-up.
	modprobe nova_core && modprobe nova &&
		echo N > /sys/module/nova_core/parameters/bringup &&
		sysfs_write /sys/bus/pci/drivers/nova_core/new_id "1234 1111" > /dev/null
	echo Y > /sys/module/nova_core/parameters/bringup
	prender=$(ls /sys/bus/pci/devices/$big/nova_core.nova-drm.*/drm 2>/dev/null | grep '^renderD')
	# Its VRAM BAR is BAR1 (which secondary-vga does not have: size 0).
	set -- $(sed -n 2p /sys/bus/pci/devices/$big/resource)
	bar1=$(($2 - $1 + ($2 > 0)))
	if [ -n "$prender" ]; then
		ok "the PCI GPU $big has a render node ($prender)"
		drm_test "nova-drm-test on the PCI GPU's $prender (drm-pdev $big, BAR1 $bar1)" \
			--node /dev/dri/$prender --pdev $big --vram $bar1 --only version,getparam,fdinfo
	else
		not_ok "the PCI GPU $big has a render node" "$(ls /sys/bus/pci/devices/$big/ 2>&1 | tr '\n' ' ')"
	fi
	unload_all
fi

expect_eq "nothing left: no DRM node, nova module, GPU or auxiliary device" \
	"$nodes_before 0 0 0" \
	"$(ls /dev/dri 2>/dev/null | wc -l) $(grep -c '^nova' /proc/modules) $(emu_count) $(aux_count)"
ktap_done
