/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <linux/string.h>. */
#ifndef __HOST_LINUX_STRING_H__
#define __HOST_LINUX_STRING_H__
#include <string.h>
#endif
