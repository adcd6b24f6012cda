# Probe to ready by phase, from the function_graph traces bench/run.sh
# collects (options funcgraph-abstime, funcgraph-proc and funcgraph-tail;
# only the functions of the phases traced). Input: "# probe CHIP N"
# lines, each followed by that GPU's trace. Output: "result
# probe.CHIP.PHASE MICROSECONDS", the median over the GPUs of each chip,
# and a "# " line with every value.
#
# A line is "TIME | CPU) TASK | [flag] DURATION us | FUNCTION": "f() {" on
# entry, "} /* f */" on exit (with the duration), "f();" for a call with no
# traced callee. Only the lines of the task that created the GPU (a shell,
# "sh-PID": the probe runs in the writer of new_device) count; a call is
# known by its path of traced callers, "nova_emu_probe/.../f", and the
# durations of calls with the same path add up. In other tasks, only the
# emulated GPU's jobs (nova_emu_job_run on its worker) count: their
# durations add up to its busy time.

function sort_(a, n,    i, j, t) {
	for (i = 2; i <= n; i++) {
		t = a[i]
		for (j = i - 1; j >= 1 && a[j] > t; j--)
			a[j + 1] = a[j]
		a[j + 1] = t
	}
}

function name_(s) {
	sub(/^ +/, "", s)
	sub(/^} \/\* */, "", s)
	sub(/[ (\[].*/, "", s)
	return s
}

function d_(path) {
	return (path in dur) ? dur[path] : 0
}

# Sum of the durations of the calls whose path matches @re.
function s_(re,    p, t) {
	t = 0
	for (p in dur)
		if (p ~ re)
			t += dur[p]
	return t
}

# Entry time of the first call whose path matches @re (0 if none).
function e_(re,    p, t) {
	t = 0
	for (p in entry)
		if (p ~ re && (!t || entry[p] < t))
			t = entry[p]
	return t
}

# Leave time of the last call whose path matches @re (0 if none).
function l_(re,    p, t) {
	t = 0
	for (p in leave)
		if (p ~ re && leave[p] > t)
			t = leave[p]
	return t
}

# The phases of the probe just read (microseconds). Paths are matched by
# their last components, so that a traced function the compiler kept out
# of line (nova_bringup, say) changes nothing.
function phases(    p, G, R, k) {
	if (chip == "")
		return
	G = "/nova_gsp_boot"
	R = G "/nova_gsp_rm_init"
	if (!("nova_emu_probe" in dur) || !s_(G "$")) {
		print "# probe.awk: incomplete trace for " chip " GPU " gpu
		bad = 1
		return
	}
	ph["total"] = dur["nova_emu_probe"]
	ph["identify"] = s_("/nova_device_identify$")
	ph["sysfs_irq"] = s_("/nova_sysfs_add$") + s_("/nova_irq_init$")
	ph["fb_init"] = s_("/nova_gfw_boot_wait$") + s_("/nova_fb_flush_page_init$") + \
		s_("/nova_fb_init$")
	ph["vbios"] = s_("/nova_vbios_read$") + s_("/nova_vbios_parse$")
	ph["firmware"] = s_("/nova_firmware_request$")
	ph["fb_layout"] = s_("/nova_fb_layout_compute$")
	ph["gsp_mem"] = s_("/nova_gsp_init$")
	ph["gsp_boot"] = s_(G "$")
	ph["booter_check"] = s_(G "/nova_booter_check$")
	# The image's pages, sg table, radix3 and copies: inlined, between the
	# booters' checks and FWSEC-FRTS.
	ph["gsp_image"] = e_(G "/nova_fwsec_frts$") - l_(G "/nova_booter_check$")
	ph["frts"] = s_(G "/nova_fwsec_frts$")
	ph["init_cmds"] = s_(G "/nova_gsp_send_init_commands$")
	ph["booter_load"] = s_(G "/nova_booter_run$")
	# From booter_load's end to GSP-RM's init: the wait for RISC-V.
	ph["riscv_wait"] = e_(R "$") - l_(G "/nova_booter_run$")
	ph["rm_init"] = s_(R "$")
	ph["seq_wait"] = s_(R "/nova_gsp_wait_sequencer$")
	ph["seq_run"] = s_(R "/nova_gsp_seq_run$")
	ph["resume_booter"] = s_(R "/nova_gsp_seq_run/nova_falcon_rerun$")
	ph["init_done_wait"] = s_(R "/nova_gsp_wait_init_done$")
	ph["static_info"] = s_(R "/nova_gsp_rpc$")
	ph["release"] = s_("/nova_firmware_release_boot$")
	ph["gsp_sysfs"] = s_("/nova_sysfs_add_gsp$")
	ph["register"] = s_("/__auxiliary_device_add$")
	ph["drm_probe"] = s_("/__auxiliary_device_add/nova_probe$")
	ph["emu_busy"] = emu_busy
	ph["driver"] = ph["total"] - emu_busy
	for (p in ph) {
		k = chip SUBSEP p
		n[k]++
		v[k, n[k]] = ph[p]
	}
	chips[chip] = 1
}

/^# probe / {
	phases()
	chip = $3
	gpu = $4
	depth = 0
	emu_busy = 0
	delete entry
	delete leave
	delete dur
	next
}

/^#/ || !/\|/ { next }

{
	nf = split($0, f, "|")
	if (nf < 4)
		next
	if (f[2] !~ /\) +sh-[0-9]/) {
		# Another task: the emulated GPU's worker running a job.
		if (f[4] ~ /nova_emu_job_run/ && match(f[3], /[0-9.]+ us/))
			emu_busy += substr(f[3], RSTART, RLENGTH - 3) + 0
		next
	}
	t = f[1] * 1e6
	fn = f[4]
	for (i = 5; i <= nf; i++)
		fn = fn "|" f[i]
	name = name_(fn)
	d = 0
	if (match(f[3], /[0-9.]+ us/))
		d = substr(f[3], RSTART, RLENGTH - 3) + 0
	path = depth ? stack[depth] "/" name : name
	if (fn ~ /\) \{ *$/) {
		stack[++depth] = path
		entry[path] = t
	} else if (fn ~ /^ *}/) {
		if (depth) {
			path = stack[depth--]
			leave[path] = t
			dur[path] += d
		}
	} else if (fn ~ /\); *$/) {
		entry[path] = t
		leave[path] = t + d
		dur[path] += d
	}
}

END {
	phases()
	for (c in chips) {
		for (k in n) {
			split(k, kk, SUBSEP)
			if (kk[1] != c)
				continue
			m = n[k]
			line = ""
			for (i = 1; i <= m; i++) {
				a[i] = v[k, i]
				line = line sprintf(" %.0f", a[i])
			}
			sort_(a, m)
			med = m % 2 ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
			print "# probe." c "." kk[2] ":" line
			printf "result probe.%s.%s %.1f\n", c, kk[2], med
		}
	}
	exit bad
}
