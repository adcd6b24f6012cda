#!/usr/bin/awk -f
# Summarises KTAP output: counts the leaf tests (those with no subtests) that
# passed, failed and were skipped, across every file given, and prints each
# failure with the path of names leading to it and its diagnostics.
#
# A parent that fails while none of its own subtests did (a timeout, a
# kernel report during the case) counts as one failure.
#
# Output ends with the line "N passed, N failed". Exit status 1 if any
# test failed.

function depth(line,    n) {
	match(line, /^ */)
	return int(RLENGTH / 4)
}

function mark_children(d,    x) {
	for (x = 0; x < d; x++)
		sub_seen[x] = 1
}

function path(d,    x, p) {
	p = label
	for (x = 0; x <= d; x++)
		if (x in subname && subname[x] != "")
			p = p ": " subname[x]
	return p
}

FNR == 1 {
	label = FILENAME
	sub(/.*logs\//, "", label)
	sub(/\/ktap\.log$/, "", label)
	sub(/\.ktap$/, "", label)
	delete sub_seen
	delete fail_in
	delete subname
	show_diag = 0
}

{
	line = $0
	d = depth(line)
	text = line
	sub(/^ */, "", text)
}

text ~ /^(not )?ok [0-9]+/ {
	failed = (text ~ /^not ok/)
	desc = text
	sub(/^(not )?ok [0-9]+ (- )?/, "", desc)
	if (sub_seen[d]) {
		if (failed && !fail_in[d]) {
			fail++
			printf("FAIL %s: %s\n", path(d), desc)
			propagate = 1
			show_diag = 1
		} else {
			show_diag = 0
		}
		sub_seen[d] = 0
		fail_in[d] = 0
		subname[d + 1] = ""
	} else if (desc ~ /# SKIP/) {
		skipped++
		show_diag = 0
	} else if (failed) {
		fail++
		printf("FAIL %s: %s\n", path(d), desc)
		propagate = 1
		show_diag = 1
	} else {
		pass++
		show_diag = 0
	}
	if (failed)
		for (x = 0; x < d; x++)
			fail_in[x] = 1
	mark_children(d)
	next
}

text ~ /^# Subtest: / {
	subname[d] = substr(text, 12)
	mark_children(d)
	show_diag = 0
	next
}

text ~ /^KTAP version|^TAP version|^1\.\.[0-9]+/ {
	mark_children(d)
	show_diag = 0
	next
}

text ~ /^#/ && show_diag {
	print "     " text
}

END {
	if (skipped)
		printf("%d skipped\n", skipped)
	printf("%d passed, %d failed\n", pass, fail)
	exit fail ? 1 : 0
}
