/* SPDX-License-Identifier: MIT */
/*
 * libnova internals, shared by its source files; not installed.
 */
#ifndef LIBNOVA_INTERNAL_H
#define LIBNOVA_INTERNAL_H

#include "libnova.h"

/* The library builds with -fvisibility=hidden: only these are exported. */
#define NOVA_EXPORT __attribute__((visibility("default")))

#endif /* LIBNOVA_INTERNAL_H */
