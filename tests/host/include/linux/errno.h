/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <linux/errno.h>: the UAPI header's values are Linux's. */
#include_next <linux/errno.h>
