// SPDX-License-Identifier: GPL-2.0
/*
 * run-as: runs a program as another user, for the tests that need an
 * unprivileged caller (84-nova-info.sh: no permission on a device node).
 * The guest's busybox has no setuidgid or chpst, and its su needs a
 * password database; this needs neither.
 *
 *   run-as UID GID PROGRAM [ARGS...]
 *
 * Drops the supplementary groups, sets the group and user ids (real,
 * effective and saved), and executes PROGRAM (searched in PATH). Exit
 * status 126 if the ids cannot be set, 127 if PROGRAM cannot be executed,
 * 2 on bad usage; otherwise PROGRAM's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned int id(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || v > 0xfffffffeUL) {
		fprintf(stderr, "run-as: bad id '%s'\n", s);
		exit(2);
	}
	return (unsigned int)v;
}

int main(int argc, char **argv)
{
	uid_t uid;
	gid_t gid;

	if (argc < 4) {
		fprintf(stderr, "usage: run-as UID GID PROGRAM [ARGS...]\n");
		return 2;
	}
	uid = id(argv[1]);
	gid = id(argv[2]);
	if (setgroups(0, NULL) || setresgid(gid, gid, gid) || setresuid(uid, uid, uid)) {
		fprintf(stderr, "run-as: cannot become %u:%u: %s\n", uid, gid, strerror(errno));
		return 126;
	}
	if (getuid() != uid || geteuid() != uid || getgid() != gid || getegid() != gid) {
		fprintf(stderr, "run-as: the ids did not change\n");
		return 126;
	}
	execvp(argv[3], argv + 3);
	fprintf(stderr, "run-as: %s: %s\n", argv[3], strerror(errno));
	return 127;
}
