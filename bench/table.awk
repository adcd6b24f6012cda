# The table of `make bench`, from what bench/run.sh printed in the VM
# ("result KEY MEDIAN Q1 Q3" for times in ns, "result KEY VALUE"
# otherwise). Variables: hostload, hostcpus (scripts/bench.sh).
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
	np = split("glue identify fb_init vbios_read vbios_alloc vbios_parse firmware " \
		"fw_load fw_parse fb_layout fwsec falcon_reset falcon_load falcon_boot " \
		"bringup_other frees register drm_probe drm_register total", ph, " ")
	split("platform glue (emulator's probe to nova_core's)|" \
		"identification (BOOT_0/BOOT_42, chip, log line)|" \
		"GFW wait, sysmem flush page, VRAM size|" \
		"VBIOS read through the PROM window|" \
		"  of which the 1 MiB buffer (kvmalloc)|" \
		"VBIOS parse|" \
		"firmware request + parse (GSP files)|" \
		"  of which loading the files|" \
		"  of which parsing them|" \
		"FB layout|" \
		"FWSEC-FRTS|" \
		"  of which the GSP falcon's reset|" \
		"  of which loading the ucode|" \
		"  of which running it|" \
		"rest of the bring-up|" \
		"  of which freeing the ROM and firmware|" \
		"auxiliary device + DRM registration|" \
		"  of which nova.ko's probe|" \
		"  of which drm_dev_register|" \
		"total: probe to DRM nodes registered", plabel, "|")
	for (i = 1; i <= np; i++) {
		printf "  %-50s", plabel[i]
		for (c = 1; c <= nc; c++)
			if (cl[c] in chips)
				printf " %8s", (("probe." cl[c] "." ph[i]) in med) ? \
					sprintf("%.0f", med["probe." cl[c] "." ph[i]]) : "-"
		printf "\n"
	}
}
