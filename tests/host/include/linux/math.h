/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for the parts of <linux/math.h> the parsers use. */
#ifndef __HOST_LINUX_MATH_H__
#define __HOST_LINUX_MATH_H__
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#endif
