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
# durations of calls with the same path add up.

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

# The phases of the probe just read (microseconds).
function phases(    p, P, B, F, W, k) {
	if (chip == "")
		return
	P = "nova_emu_probe/nova_device_probe"
	B = P "/nova_bringup"
	F = B "/nova_firmware_request"
	W = B "/nova_fwsec_frts"
	if (!("nova_emu_probe" in dur) || !(B in dur)) {
		print "# probe.awk: incomplete trace for " chip " GPU " gpu
		bad = 1
		return
	}
	ph["total"] = dur["nova_emu_probe"]
	ph["glue"] = entry[P] - entry["nova_emu_probe"]
	ph["identify"] = entry[B] - entry[P]
	ph["fb_init"] = d_(B "/nova_fb_gfw_boot_wait") + d_(B "/nova_fb_flush_page_init") + \
		d_(B "/nova_fb_init")
	ph["vbios_read"] = d_(B "/nova_vbios_read")
	ph["vbios_alloc"] = d_(B "/nova_vbios_read/kvmalloc_node")
	ph["vbios_parse"] = d_(B "/nova_vbios_parse")
	ph["firmware"] = d_(F)
	ph["fw_load"] = d_(F "/firmware_request_nowarn")
	ph["fw_parse"] = d_(F "/nova_fw_gsp_parse") + d_(F "/nova_fw_bootloader_parse") + \
		d_(F "/nova_fw_booter_parse") + d_(F "/nova_fw_gen_bootloader_parse")
	ph["fb_layout"] = entry[W] - leave[F]
	ph["fwsec"] = d_(W)
	ph["falcon_reset"] = d_(W "/nova_falcon_reset")
	ph["falcon_load"] = d_(W "/nova_falcon_load")
	ph["falcon_boot"] = d_(W "/nova_falcon_boot")
	ph["frees"] = d_(B "/kvfree") + d_(B "/nova_firmware_release")
	ph["bringup_other"] = d_(B) - ph["fb_init"] - ph["vbios_read"] - ph["vbios_parse"] - \
		ph["firmware"] - ph["fb_layout"] - ph["fwsec"]
	ph["register"] = leave[P] - leave[B]
	ph["drm_probe"] = d_(P "/__auxiliary_device_add/nova_probe")
	ph["drm_register"] = d_(P "/__auxiliary_device_add/nova_probe/drm_dev_register")
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
	delete entry
	delete leave
	delete dur
	next
}

/^#/ || !/\|/ { next }

{
	nf = split($0, f, "|")
	if (nf < 4 || f[2] !~ /\) +sh-[0-9]/)
		next
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
