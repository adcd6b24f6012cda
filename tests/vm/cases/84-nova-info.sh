# nova-info (tools/) in the guest: its text output, line by line, for known
# emulated GPUs (AD104 with a 1 GiB VRAM BAR and 8 GiB of VRAM, whose
# GSP-RM names it, then a GB202 with a 32 GiB one, whose GSP nova_core does
# not boot yet); its JSON, parsed with jq, every field checked; the exit status and message
# with no nova device (2) and without permission on the nodes (3, run as
# an unprivileged user); --help, --version and a bad argument.
. /tests/lib.sh

for p in $NOVA_INFO $JQ $RUN_AS; do
	if ! [ -x $p ]; then
		not_ok "$(basename $p) is in the guest" "no $p"
		ktap_done
	fi
done
unload_all

# ni [--as-nobody] ARGS...: runs nova-info; its output in /tmp/ni.out and
# /tmp/ni.err, its exit status in $ni_rc.
ni() {
	if [ "$1" = --as-nobody ]; then
		shift
		$RUN_AS $NOBODY $NOBODY $NOVA_INFO "$@" > /tmp/ni.out 2> /tmp/ni.err
	else
		$NOVA_INFO "$@" > /tmp/ni.out 2> /tmp/ni.err
	fi
	ni_rc=$?
}

# expect_lines DESCRIPTION FILE: FILE holds the expected output, line by
# line (each a shell pattern: the driver's date is "????????"); one test
# for each line, and one for the number of lines.
expect_lines() {
	_n=0
	while IFS= read -r _want; do
		_n=$((_n + 1))
		_got=$(sed -n "${_n}p" /tmp/ni.out)
		# shellcheck disable=SC2254
		case "$_got" in
		$_want) ok "$1: line $_n: ${_want:-(empty)}" ;;
		*) not_ok "$1: line $_n: ${_want:-(empty)}" "expected: '$_want'" "actual:   '$_got'" ;;
		esac
	done < "$2"
	expect_eq "$1: $_n lines" "$_n" "$(wc -l < /tmp/ni.out)"
}

# expect_json DESCRIPTION: each line of stdin is "FILTER EXPECTED", EXPECTED
# being the compact JSON jq -c gives for FILTER on /tmp/ni.out.
expect_json() {
	while read -r _filter _want; do
		expect_eq "$1: $_filter" "$_want" "$($JQ -c "$_filter" /tmp/ni.out 2>&1)"
	done
}

# --- no nova device ---------------------------------------------------------
ni
expect_eq "nothing loaded: exit status 2" 2 "$ni_rc"
expect_eq "nothing loaded: the message" "nova-info: no nova device found: is nova.ko loaded?" \
	"$(cat /tmp/ni.err)"
expect_eq "nothing loaded: nothing on stdout" "" "$(cat /tmp/ni.out)"
ni --json
expect_eq "nothing loaded, --json: exit status 2" 2 "$ni_rc"
expect_eq "nothing loaded, --json: the message" \
	"nova-info: no nova device found: is nova.ko loaded?" "$(cat /tmp/ni.err)"
check "nothing loaded, --json: the document parses" $JQ -e . /tmp/ni.out
expect_json "nothing loaded, --json" <<EOF
.devices []
.nova_info_version "0.2.0"
.libnova_version "0.2.0"
keys ["devices","libnova_version","nova_info_version"]
EOF

if ! modprobe nova_emu chipset=ad104 vram=1G count=1 || ! modprobe nova_core; then
	not_ok "load nova_emu (AD104, 1 GiB) and nova_core"
	unload_all
	ktap_done
fi
ni
expect_eq "a GPU, nova not loaded: exit status 2" 2 "$ni_rc"
expect_eq "a GPU, nova not loaded: the message" \
	"nova-info: no nova device found: is nova.ko loaded?" "$(cat /tmp/ni.err)"

# --- one GPU: AD104, 1 GiB ----------------------------------------------------
check "load nova" modprobe nova
r0=$(emu_drm_node 0 renderD)
c0=$(emu_drm_node 0 card)
if [ -z "$r0" ] || [ -z "$c0" ]; then
	not_ok "GPU 0 has its DRM nodes" "render: ${r0:-<none>}, primary: ${c0:-<none>}"
	unload_all
	ktap_done
fi

cat > /tmp/ni.want0 <<EOF
nova device 0
  render node:   /dev/dri/$r0
  primary node:  /dev/dri/$c0
  bus:           emulated (nova-emu.0)
  sysfs:         /sys/devices/nova_emu/nova-emu.0
  chipset:       AD104
  architecture:  Ada
  revision:      a.1
  GPU name:      NVIDIA GeForce RTX 4070 Ti
  VRAM:          8 GiB (8589934592 bytes)
  VRAM BAR:      1 GiB (1073741824 bytes)
  driver:        nova 0.0.0 ($NOVA_DRM_DATE, NVIDIA Nova)
EOF
ni
expect_eq "one GPU: exit status 0" 0 "$ni_rc"
expect_eq "one GPU: nothing on stderr" "" "$(cat /tmp/ni.err)"
expect_lines "one GPU" /tmp/ni.want0

ni --json
expect_eq "one GPU, --json: exit status 0" 0 "$ni_rc"
expect_eq "one GPU, --json: nothing on stderr" "" "$(cat /tmp/ni.err)"
check "one GPU, --json: the document parses" $JQ -e . /tmp/ni.out
expect_json "one GPU, --json" <<EOF
keys ["devices","libnova_version","nova_info_version"]
.nova_info_version "0.2.0"
.libnova_version "0.2.0"
.devices|length 1
.devices[0]|keys ["architecture","bus","bus_id","chipset","driver","driver_error","facts_error","gpu_name","primary_node","render_node","revision","sysfs_path","vram_bar_size","vram_size"]
.devices[0].render_node "/dev/dri/$r0"
.devices[0].primary_node "/dev/dri/$c0"
.devices[0].bus "emulated"
.devices[0].bus_id "nova-emu.0"
.devices[0].sysfs_path "/sys/devices/nova_emu/nova-emu.0"
.devices[0].chipset "AD104"
.devices[0].architecture "Ada"
.devices[0].revision "a.1"
.devices[0].gpu_name "NVIDIA GeForce RTX 4070 Ti"
.devices[0].vram_size 8589934592
.devices[0].vram_bar_size 1073741824
.devices[0].facts_error null
.devices[0].driver|keys ["date","description","name","version"]
.devices[0].driver.name "nova"
.devices[0].driver.version "0.0.0"
.devices[0].driver.description "NVIDIA Nova"
.devices[0].driver.date|test("$NOVA_DRM_DATE_RE") true
.devices[0].driver_error null
EOF

# --- two GPUs: and a GB202 with 32 GiB -------------------------------------------
# (Not brought up: nova-info shows what it knows of a GPU without GSP-RM.)
echo N > /sys/module/nova_core/parameters/bringup
emu_new "1 chipset=gb202 vram=32G"
echo Y > /sys/module/nova_core/parameters/bringup
r1=$(emu_drm_node 1 renderD)
c1=$(emu_drm_node 1 card)
cp /tmp/ni.want0 /tmp/ni.want
cat >> /tmp/ni.want <<EOF

nova device 1
  render node:   /dev/dri/$r1
  primary node:  /dev/dri/$c1
  bus:           emulated (nova-emu.1)
  sysfs:         /sys/devices/nova_emu/nova-emu.1
  chipset:       GB202
  architecture:  Blackwell
  revision:      a.1
  GPU name:      unknown (GSP-RM not running)
  VRAM:          unknown (GSP-RM not running)
  VRAM BAR:      32 GiB (34359738368 bytes)
  driver:        nova 0.0.0 ($NOVA_DRM_DATE, NVIDIA Nova)
EOF
ni
expect_eq "two GPUs: exit status 0" 0 "$ni_rc"
expect_lines "two GPUs" /tmp/ni.want
ni --json
expect_eq "two GPUs, --json: exit status 0" 0 "$ni_rc"
expect_json "two GPUs, --json" <<EOF
.devices|length 2
[.devices[].render_node] ["/dev/dri/$r0","/dev/dri/$r1"]
[.devices[].primary_node] ["/dev/dri/$c0","/dev/dri/$c1"]
[.devices[].bus] ["emulated","emulated"]
[.devices[].bus_id] ["nova-emu.0","nova-emu.1"]
[.devices[].chipset] ["AD104","GB202"]
[.devices[].architecture] ["Ada","Blackwell"]
[.devices[].revision] ["a.1","a.1"]
[.devices[].vram_bar_size] [1073741824,34359738368]
[.devices[].driver.name] ["nova","nova"]
EOF

# --- no permission on the nodes ---------------------------------------------
m0=$(stat -c %a /dev/dri/$r0)
m1=$(stat -c %a /dev/dri/$r1)
chmod 600 /dev/dri/$r0 /dev/dri/$r1
perm="nova-info: permission denied on /dev/dri/$r0, /dev/dri/$r1: cannot open the render node to query the driver (run as root, or as a user with read-write access to it)"
ni --as-nobody
expect_eq "as nobody: exit status 3" 3 "$ni_rc"
expect_eq "as nobody: the message" "$perm" "$(cat /tmp/ni.err)"
expect_eq "as nobody: the facts are still listed" "  chipset:       AD104" \
	"$(grep '^  chipset:' /tmp/ni.out | head -n 1)"
expect_eq "as nobody: the driver is unknown" \
	"  driver:        unknown (permission denied)" \
	"$(grep '^  driver:' /tmp/ni.out | head -n 1)"
ni --as-nobody --json
expect_eq "as nobody, --json: exit status 3" 3 "$ni_rc"
expect_eq "as nobody, --json: the message" "$perm" "$(cat /tmp/ni.err)"
check "as nobody, --json: the document parses" $JQ -e . /tmp/ni.out
expect_json "as nobody, --json" <<EOF
.devices|length 2
[.devices[].chipset] ["AD104","GB202"]
[.devices[].gpu_name] ["NVIDIA GeForce RTX 4070 Ti",null]
[.devices[].vram_size] [8589934592,null]
[.devices[].vram_bar_size] [1073741824,34359738368]
[.devices[].driver] [null,null]
.devices[0].driver_error "permission denied"
EOF
# Only the node still closed is named.
chmod 666 /dev/dri/$r1
ni --as-nobody
expect_eq "as nobody, one node open to all: exit status 3, that node only" \
	"3 nova-info: permission denied on /dev/dri/$r0: cannot open the render node to query the driver (run as root, or as a user with read-write access to it)" \
	"$ni_rc $(cat /tmp/ni.err)"
chmod "$m0" /dev/dri/$r0
chmod "$m1" /dev/dri/$r1

# --- options ------------------------------------------------------------------
for o in --help -h; do
	ni $o
	expect_eq "$o: exit status 0, usage on stdout" "0 Usage: nova-info [--json]" \
		"$ni_rc $(head -n 1 /tmp/ni.out)"
done
for o in --version -V; do
	ni $o
	expect_eq "$o: exit status 0, the versions" "0 nova-info 0.2.0 (libnova 0.2.0)" \
		"$ni_rc $(cat /tmp/ni.out)"
done
ni --bogus
expect_eq "a bad argument: exit status 1, and a message" \
	"1 nova-info: unknown argument '--bogus'" "$ni_rc $(head -n 1 /tmp/ni.err)"

unload_all
ni
expect_eq "everything unloaded: exit status 2 again" 2 "$ni_rc"
expect_eq "no nova DRM node left" "" "$(nova_nodes)"
ktap_done
