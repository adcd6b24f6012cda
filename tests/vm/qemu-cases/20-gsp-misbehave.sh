# GSP-RM's misbehaviours on nova_core's PCI path: the GA102 at 00:06.0 is
# told each one at run time, through QEMU's human monitor on the guest's
# third serial port (qom-set of the nova-gpu device's gsp_misbehave), and
# each meets the clean failure 48-gsp checks on nova_emu: the same checks,
# gsp_misbehaviours in lib.sh, with the model's state read from the
# device's properties (qom-get).
. /tests/lib.sh

modprobe nova_core || { not_ok "load nova_core"; ktap_done; }

if gsp_running 06; then
	ok "QMP answers: the GA102's GSP-RM runs"
else
	not_ok "QMP answers: the GA102's GSP-RM runs" "state: $(gsp_state 06)" \
		"QMP: $(tr -d '\r' < $QMP_OUT | head -n 8)"
fi
expect_eq "an unknown misbehaviour is refused" \
	'nova-gpu: unknown misbehaviour "sideways"' \
	"$(gpu_emu_set 06 gsp_misbehave sideways)"
gpu_unbind 06 > /dev/null
gsp_misbehaviours 06

rmmod nova_core
check "nova_core unloads" [ ! -e /sys/bus/pci/drivers/nova_core ]
ktap_done
