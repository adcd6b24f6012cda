# nova.ko and user space on nova_core's PCI path: on the TU102, the GA102
# and the GB202 at 00:05.0, 00:06.0 and 00:0a.0, GSP-RM running (the
# GB202's booted by its FSP), nova-drm-test's checks
# (80-drm's, here with drm-pdev the GPU's PCI address and the VRAM BAR
# its BAR1) and nova-info's report, whose facts come from GSP-RM through
# nova_core and libnova's PCI path.
. /tests/lib.sh

for p in $DRM_TEST $NOVA_INFO $JQ; do
	[ -x $p ] || { not_ok "$p is in the guest"; ktap_done; }
done
modprobe nova_core && modprobe nova || { not_ok "load nova_core and nova"; ktap_done; }

devs=/sys/bus/pci/devices
for g in "05 tu102 TU102 Turing" "06 ga102 GA102 Ampere" "0a gb202 GB202 Blackwell"; do
	set -- $g
	bdf=0000:00:$1.0
	render=$(ls $devs/$bdf/nova_core.nova-drm.*/drm 2>/dev/null | grep '^renderD')
	if ! [ -c "/dev/dri/$render" ]; then
		not_ok "$2: nova gives the PCI GPU a render node" \
			"$(ls $devs/$bdf 2>&1 | tr '\n' ' ')"
		continue
	fi
	ok "$2: nova gives the PCI GPU a render node ($render)"
	set -- $g $(sed -n 2p $devs/$bdf/resource)
	bar1=$(($6 - $5 + 1))
	drm_test "$2: nova-drm-test on $render (drm-pdev $bdf, BAR1 $bar1)" \
		--node /dev/dri/$render --pdev $bdf --vram $bar1
	$NOVA_INFO --json > /tmp/ni.out 2> /tmp/ni.err
	expect_eq "$2: nova-info --json succeeds, nothing on stderr" "0|" "$?|$(cat /tmp/ni.err)"
	expect_eq "$2: nova-info reports it as GSP-RM and nova_core know it" \
		"pci|$bdf|$3|$4|$(gpu_name $2)|$(cat $devs/$bdf/nova/vram_size)|$bar1|/dev/dri/$render|null|null" \
		"$($JQ -r ".devices[] | select(.bus_id == \"$bdf\") |
			[.bus, .bus_id, .chipset, .architecture, .gpu_name, .vram_size,
			 .vram_bar_size, .render_node, .facts_error, .driver_error] |
			map(tostring) | join(\"|\")" /tmp/ni.out 2>&1)"
done
expect_eq "nova-info lists the four GPUs nova drives, not the ones it refused" 4 \
	"$($JQ '.devices | length' /tmp/ni.out 2>&1)"

rmmod nova && rmmod nova_core
check "nova and nova_core unload, no DRM node left" [ -z "$(nova_nodes)" ]
ktap_done
