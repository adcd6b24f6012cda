/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in: see ../kshim.h. */
#include "../kshim.h"
