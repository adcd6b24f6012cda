# The table of `make bench`, from what bench/run.sh printed in the VM
# ("result KEY MEDIAN Q1 Q3" for times in ns, "result KEY VALUE"
# otherwise), after what bench/host/gsp-bench printed on the host in the
# same form. Variables: hostload, hostcpus, hostcpu (scripts/bench.sh).
# docs/performance.md explains each figure and what bounds it.

function us(ns) {
	if (ns <= 0)
		return "-"
	if (ns >= 100000)
		return sprintf("%.0f us", ns / 1000)
	if (ns >= 10000)
		return sprintf("%.1f us", ns / 1000)
	return sprintf("%.2f us", ns / 1000)
}

function spread(k,    m) {
	if (!(k in q1) || !(k in med))
		return ""
	m = med[k] + 0
	if (m <= 0)
		return ""
	return sprintf("%d%%", (q3[k] - q1[k]) * 100 / m + 0.5)
}

# row LABEL KEY REFLABEL REFKEY [TARGET]: a time against its reference.
# (A figure missing from the run shows as "-".)
function row(label, k, rlabel, rk, target,    ratio, verdict, v, r) {
	v = (k in med) ? med[k] + 0 : 0
	r = (rk in med) ? med[rk] + 0 : 0
	ratio = 0
	if (v > 0 && r > 0)
		ratio = v / r
	verdict = ""
	if (target != "")
		verdict = ratio > 0 && ratio <= target ? "holds" : "MISSES"
	printf "%-36s %9s %5s   %-26s %9s %5s  %6.2f  %-7s %s\n", label, us(v),
		spread(k), rlabel, us(r), spread(rk), ratio,
		(target != "" ? "<= " sprintf("%.2f", target) : ""), verdict
}

function bytes(b) {
	return sprintf("%.0f B", b)
}

# The guest's serial port ends its lines with CR LF.
{ sub(/\r$/, "") }

$1 == "result" {
	k = $2
	med[k] = $3
	if (NF >= 5) {
		q1[k] = $4
		q3[k] = $5
	}
	if (k == "kernel" || k == "clocksource")
		str[k] = $3
	if (k ~ /^probe\./) {
		split(k, p, ".")
		chips[p[2]] = 1
	}
}

END {
	printf "nova benchmarks: kernel %s in QEMU (TCG), %d vCPUs, %d MiB; host: %s CPUs, load %s\n",
		str["kernel"], med["cpus"], med["memory"], hostcpus, hostload
	printf "(host) figures: on the host itself, %s\n", hostcpu
	print "Times: median over short interleaved repetitions, with its spread (interquartile"
	print "range / median). Compare ratios within one run only; see docs/performance.md."
	print ""
	printf "%-36s %9s %5s   %-26s %9s %5s  %6s  %-7s %s\n", "figure", "nova", "sprd",
		"reference", "ref", "sprd", "ratio", "target", ""
	row("GEM create + close", "create_close.nova", "vgem dumb create+destroy",
		"create_close.vgem", 0.5)
	row("GEM_INFO", "gem_info", "floor: GET_CAP", "floor.getcap", 1.2)
	row("GETPARAM", "getparam", "floor: GET_CAP", "floor.getcap", 1.2)
	row("  (other floors) EINVAL past table", "floor.einval", "floor: GET_CAP",
		"floor.getcap")
	row("  (other floors) VERSION, 0 lengths", "floor.version", "floor: GET_CAP",
		"floor.getcap")
	n = split("1 1000 100000 1000000", lv, " ")
	for (i = 1; i <= n; i++) {
		k = "scale.create." lv[i]
		if (!(k in med))
			continue
		row(sprintf("GEM_CREATE, %d live objects", lv[i]), k,
			"GEM_CREATE, 1000 live", "scale.create.1000",
			lv[i] == 1000000 ? 1.3 : "")
	}
	nm = med["mem.nova.slab"] + med["mem.nova.shmem"]
	vm = med["mem.vgem.slab"] + med["mem.vgem.shmem"]
	mr = 0
	if (vm > 0)
		mr = nm / vm
	printf "%-36s %9s %5s   %-26s %9s %5s  %6.2f  %-7s %s\n",
		"kernel memory per object", bytes(nm), "", "vgem dumb buffer", bytes(vm), "",
		mr, "<= 0.50", (mr > 0 && mr <= 0.5 ? "holds" : "MISSES")
	printf "%-36s slab %s, shmem %s; vgem slab %s, shmem %s; scale run's peak: %s\n",
		"  (100000 objects)", bytes(med["mem.nova.slab"]), bytes(med["mem.nova.shmem"]),
		bytes(med["mem.vgem.slab"]), bytes(med["mem.vgem.shmem"]),
		bytes(med["scale.slab"])
	row("create + close, 1 worker", "one.nova", "vgem, 1 worker", "one.vgem")
	row("create + close, 2 threads, 1 file", "threads2.nova", "vgem, 2 threads",
		"threads2.vgem")
	row("  per worker, against 1 worker", "threads2.nova", "nova, 1 worker", "one.nova")
	row("create + close, 2 processes", "procs2.nova", "vgem, 2 processes", "procs2.vgem")
	row("  per worker, against 1 worker", "procs2.nova", "nova, 1 worker", "one.nova")

	print ""
	printf "%-52s", "probe to ready by phase (median over GPUs, us)"
	nc = split("ga102 tu102", cl, " ")
	for (c = 1; c <= nc; c++)
		if (cl[c] in chips)
			printf " %8s", toupper(cl[c])
	printf "\n"
	np = split("identify sysfs_irq fb_init vbios firmware fb_layout gsp_mem " \
		"gsp_boot booter_check gsp_image frts init_cmds booter_load riscv_wait " \
		"rm_init seq_wait seq_run resume_booter init_done_wait static_info " \
		"release gsp_sysfs register drm_probe total emu_busy driver", ph, " ")
	split("identification (BOOT_0/BOOT_42, chip, log line)|" \
		"sysfs attributes, interrupt|" \
		"GFW wait, sysmem flush page, VRAM size|" \
		"VBIOS read through the PROM window + parse|" \
		"firmware request + parse (GSP files)|" \
		"FB layout|" \
		"GSP-RM's memory (libos, logs, queues)|" \
		"GSP boot, to static information|" \
		"  booters' signature checks|" \
		"  GSP image: pages, sg table, radix3, copies|" \
		"  FWSEC-FRTS|" \
		"  init commands queued|" \
		"  booter_load on SEC2|" \
		"  wait for the RISC-V core|" \
		"  GSP-RM's init over the queues|" \
		"    waiting for RUN_CPU_SEQUENCER|" \
		"    running the sequencer|" \
		"      of which its CORE_RESUME's booter_load|" \
		"    waiting for INIT_DONE|" \
		"    GET_GSP_STATIC_INFO round trip|" \
		"freeing the boot-only firmware|" \
		"GSP-RM's sysfs attributes|" \
		"auxiliary device + DRM registration|" \
		"  of which nova.ko's probe|" \
		"total: probe to DRM nodes registered|" \
		"  of which the emulated GPU busy (its worker)|" \
		"  the rest: nova_core's own and idle waits", plabel, "|")
	for (i = 1; i <= np; i++) {
		printf "  %-50s", plabel[i]
		for (c = 1; c <= nc; c++)
			if (cl[c] in chips)
				printf " %8s", (("probe." cl[c] "." ph[i]) in med) ? \
					sprintf("%.0f", med["probe." cl[c] "." ph[i]]) : "-"
		printf "\n"
	}

	# GA102's GSP image against a plain copy of as many bytes.
	if (("probe.ga102.gsp_image" in med) && med["copy.read.us"] > 0 && med["copy.us"] > 0) {
		print ""
		printf "GSP image preparation, GA102 (%.1f MB): %.0f us\n", med["image.bytes"] / 1e6,
			med["probe.ga102.gsp_image"]
		printf "  against the kernel's copy of as many bytes (read(2)): %.0f us, %.2fx (target: within 2x)\n",
			med["copy.read.us"], med["probe.ga102.gsp_image"] / med["copy.read.us"]
		printf "  against user space's memcpy of as many bytes: %.0f us, %.2fx\n",
			med["copy.us"], med["probe.ga102.gsp_image"] / med["copy.us"]
	}

	# The GSP queues and RPCs, the driver's own code on the host (bench/host).
	print ""
	printf "%-36s %9s %5s   %-26s %9s %5s  %6s  %-7s %s\n", "figure (host)", "nova", "sprd",
		"reference", "ref", "sprd", "ratio", "target", ""
	row("RPC round trip, 64 B each way", "host.rpc.nova",
		"floor: doorbell+canned reply", "host.rpc.floor", 1.5)
	row("1 MiB command through the queues", "host.cmd1m.nova", "memcpy of 1 MiB",
		"host.cmd1m.memcpy", 2)
}
