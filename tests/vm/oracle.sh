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
sleep 3
# Where nouveau's probe went through, it is unbound, as a user would: its
# remove path unloads GSP-RM (a power-off would suspend it instead, saving
# VRAM to memory the guest does not have).
for d in /sys/bus/pci/drivers/nouveau/0000:*; do
	[ -e "$d" ] || continue
	echo "oracle: unbinding ${d##*/}"
	echo "${d##*/}" > /sys/bus/pci/drivers/nouveau/unbind
done
dmesg | grep -iE 'nouveau|nvkm|gsp' | sed 's/^/oracle: dmesg: /'
echo "oracle: done"
