/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for <linux/stdarg.h>. */
#ifndef __HOST_LINUX_STDARG_H__
#define __HOST_LINUX_STDARG_H__
#include <stdarg.h>
#endif
