/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: see ../kstub.h. */
#include "../kstub.h"
