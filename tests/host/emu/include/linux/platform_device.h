/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: rm_test.c's rm_shim.h defines what rm.c uses. */
