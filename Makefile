# SPDX-License-Identifier: GPL-2.0
#
# Nova in C. The kernel part builds with Kbuild (see Kbuild); this Makefile
# is the front door:
#
#   make            build the modules for Debian 12's current kernel
#   make demo       boot a VM with an emulated GPU and show what the driver did
#   make check      run every test: both kernels, in QEMU
#   make sparse     the build again under sparse (C=2)
#   make clean      remove build outputs (distclean: the cached kernels too)
#
# Kbuild itself reads Kbuild (out of tree) or the Makefiles under drivers/
# (inside a kernel tree), never this file.

TOP	:= $(CURDIR)
BUILD	:= $(TOP)/build
KABI	?= $(shell $(TOP)/scripts/abi.sh)
KVER	?= $(KABI)-amd64
KDIR	?= /usr/src/linux-headers-$(KVER)

.PHONY: all modules deps demo check sparse clean distclean

all: modules

deps:
	@$(TOP)/scripts/deps.sh build

modules: deps
	@$(TOP)/scripts/build-modules.sh $(BUILD)/stock $(KDIR)
	@echo "built for $(KVER): $$(cd $(BUILD)/stock/ko && ls *.ko | tr '\n' ' ')(in build/stock/ko)"

sparse: deps
	@$(TOP)/scripts/build-modules.sh $(BUILD)/sparse $(KDIR) C=2

demo:
	@$(TOP)/scripts/demo.sh

check:
	@$(TOP)/scripts/check.sh

clean:
	rm -rf $(BUILD)/stock $(BUILD)/sparse $(BUILD)/static-* $(BUILD)/debug-mod $(BUILD)/guest-tools \
		$(BUILD)/logs $(BUILD)/*.cpio.gz

distclean:
	rm -rf $(BUILD)
