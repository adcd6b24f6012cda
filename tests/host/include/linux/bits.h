/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for the parts of <linux/bits.h> fw.h uses. */
#ifndef __HOST_LINUX_BITS_H__
#define __HOST_LINUX_BITS_H__
#define BIT(nr)		(1UL << (nr))
#define BIT_ULL(nr)	(1ULL << (nr))
#endif
