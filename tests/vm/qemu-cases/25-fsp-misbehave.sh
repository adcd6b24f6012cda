# The FSP's and GSP-FMC's failures on nova_core's PCI path: the GB202 at
# 00:0a.0 is told each one at run time (qom-set of the nova-gpu device's
# fsp_misbehave, through QMP on the guest's third serial port), and each
# meets the clean probe failure 48-gsp checks on nova_emu (fsp_misbehaviours
# in lib.sh); with the FSP well again the GPU binds.
. /tests/lib.sh

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }

if gsp_running 0a; then
	ok "the GB202's GSP-RM runs"
else
	not_ok "the GB202's GSP-RM runs" "state: $(gsp_state 0a)"
fi
expect_eq "an unknown FSP mode is refused" \
	'nova-gpu: no FSP mode "sulk" on this GPU' \
	"$(gpu_emu_set 0a fsp_misbehave sulk)"
expect_eq "a GA102 has no FSP mode" \
	'nova-gpu: no FSP mode "ok" on this GPU' \
	"$(gpu_emu_set 06 fsp_misbehave ok)"
gpu_unbind 0a > /dev/null
fsp_misbehaviours 0a
gpu_bind 0a > /dev/null
check "the GB202 binds again" gsp_running 0a

rmmod nova_core
check "nova_core unloads" [ ! -e /sys/bus/pci/drivers/nova_core ]
ktap_done
