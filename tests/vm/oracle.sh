#!/bin/sh
# The nouveau oracle (scripts/oracle.sh): Debian's own nouveau, unmodified,
# binds the GPU model of the QEMU host (qemu/nova-gpu.c) with NVIDIA's real
# firmware files. Prints what nouveau logged, for the host to read how far
# it got; nothing here judges.
echo "oracle: $(uname -r)"
for d in /sys/bus/pci/devices/*; do
	[ "$(cat "$d/vendor")" = 0x10de ] && echo "oracle: device ${d##*/} $(cat "$d/device") class $(cat "$d/class")"
done
modprobe nouveau ${NOVA_NOUVEAU_ARGS:-} 2>&1 | sed 's/^/oracle: modprobe: /'
# GSP-RM's boot runs in the probe; give late work a moment.
sleep 5
dmesg | grep -iE 'nouveau|nvkm|gsp' | sed 's/^/oracle: dmesg: /'
echo "oracle: done"
