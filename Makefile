# SPDX-License-Identifier: GPL-2.0
#
# Nova in C. The kernel part builds with Kbuild (see Kbuild); this Makefile
# is the front door:
#
#   make            build the modules for Debian 12's current kernel, libnova
#                   and nova-info
#   make demo       boot a VM with an emulated GPU and show what the driver did
#   make check      run every test: both kernels, in QEMU
#   make stress     the same with the reliability cases' larger budgets
#                   (novatest.stress=1: cycles, fuzzing, fault points;
#                   docs/reliability.md); under an hour on 2 cores
#   make bench      the benchmarks (not tests): boot Debian's kernel in QEMU
#                   and print nova's figures against vgem and the ioctl
#                   floor (docs/performance.md)
#   make sparse     the build again under sparse (C=2)
#   make install    install modules (then depmod), libnova, its headers and
#                   pkg-config file, nova-info and its man page, and the
#                   autoload switch (below); DESTDIR= and PREFIX= (default
#                   /usr/local) as usual, KVER= for another kernel
#   make uninstall  remove exactly what install installed
#   make dkms-install / dkms-uninstall
#                   register the module sources with DKMS (root), so that
#                   they are rebuilt for every installed kernel; also
#                   install (remove) the autoload switch
#
# The autoload switch: /etc/modprobe.d/nova.conf blacklists nova_core, so
# that installing it never takes a GPU from nouveau or NVIDIA's driver at
# the next boot; `nova-autoload on` (in PREFIX/sbin) lifts it. An existing
# nova.conf (the user's choice) is kept on reinstall.
#   make clean      remove build outputs (distclean: the cached kernels too)
#
# Kbuild itself reads Kbuild (out of tree) or the Makefiles under drivers/
# (inside a kernel tree), never this file.

TOP	:= $(CURDIR)
BUILD	:= $(TOP)/build
# Resolved on first use (after deps may have fetched the package lists),
# then kept; KABI=, KVER= or KDIR= on the command line override it.
KABI	?= $(eval KABI := $(shell $(TOP)/scripts/abi.sh))$(KABI)
KVER	?= $(KABI)-amd64
KDIR	?= /usr/src/linux-headers-$(KVER)

.PHONY: all modules user deps demo check stress bench sparse clean distclean \
	install uninstall dkms-install dkms-uninstall install-autoload \
	uninstall-autoload

PREFIX	?= /usr/local
VERSION	:= $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' $(TOP)/dkms.conf)
# Modules go to updates/, which takes precedence over a kernel's own
# drivers of the same name (upstream's nova_core.ko and nova.ko, in
# kernels built with them; Debian's are not).
MODDIR	= $(DESTDIR)/lib/modules/$(KVER)/updates/nova
MODULES	= nova_core.ko nova_emu.ko nova.ko

all: modules user

# deps installs Debian 12's kernel headers, unless KVER= or KDIR= name
# others (without resolving KABI first: on a fresh machine, deps fetches
# the package lists it is resolved from).
DEPS_KDIR = $(if $(filter command line environment,$(origin KVER) $(origin KDIR)),$(KDIR))
deps:
	@NOVA_KDIR=$(DEPS_KDIR) $(TOP)/scripts/deps.sh build

modules: deps
	@$(TOP)/scripts/build-modules.sh $(BUILD)/stock $(KDIR)
	@echo "built for $(KVER): $$(cd $(BUILD)/stock/ko && ls *.ko | tr '\n' ' ')(in build/stock/ko)"

user: deps
	@$(MAKE) -s -C $(TOP)/lib
	@$(MAKE) -s -C $(TOP)/tools

MODCONF	= $(DESTDIR)/etc/modprobe.d/nova.conf
AUTOLOAD = $(DESTDIR)$(PREFIX)/sbin/nova-autoload

install: all install-autoload
	install -d $(MODDIR)
	cd $(BUILD)/stock/ko && install -m 644 $(MODULES) $(MODDIR)/
	if [ -z "$(DESTDIR)" ]; then depmod -a $(KVER); fi
	$(MAKE) -s -C $(TOP)/lib install PREFIX=$(PREFIX)
	$(MAKE) -s -C $(TOP)/tools install PREFIX=$(PREFIX)
	if [ -z "$(DESTDIR)" ] && [ "$(PREFIX)" = /usr/local ]; then ldconfig; fi

uninstall: uninstall-autoload
	cd $(MODDIR) 2>/dev/null && rm -f $(MODULES) || true
	rmdir $(MODDIR) 2>/dev/null || true
	if [ -z "$(DESTDIR)" ]; then depmod -a $(KVER); fi
	$(MAKE) -s -C $(TOP)/lib uninstall PREFIX=$(PREFIX)
	$(MAKE) -s -C $(TOP)/tools uninstall PREFIX=$(PREFIX)

install-autoload:
	install -d $(dir $(MODCONF)) $(dir $(AUTOLOAD))
	[ -e $(MODCONF) ] || install -m 644 $(TOP)/tools/nova.conf $(MODCONF)
	install -m 755 $(TOP)/tools/nova-autoload $(AUTOLOAD)
	@NOVA_MODPROBE_CONF=$(MODCONF) $(AUTOLOAD) status

uninstall-autoload:
	rm -f $(MODCONF) $(AUTOLOAD)

DKMS_SRC = /usr/src/nova-$(VERSION)
# DKMS builds for the running kernel, and for each kernel installed later;
# KVER= names another installed one.
DKMS_K	= $(if $(filter command line environment,$(origin KVER)),-k $(KVER))

dkms-install:
	rm -rf $(DKMS_SRC)
	install -d $(DKMS_SRC)
	cp -r $(TOP)/Kbuild $(TOP)/dkms.conf $(TOP)/include $(TOP)/drivers $(DKMS_SRC)/
	dkms add -m nova -v $(VERSION)
	dkms build -m nova -v $(VERSION) $(DKMS_K)
	dkms install -m nova -v $(VERSION) $(DKMS_K)
	$(MAKE) -s install-autoload DESTDIR= PREFIX=$(PREFIX)

dkms-uninstall: uninstall-autoload
	dkms remove -m nova -v $(VERSION) --all || true
	rm -rf $(DKMS_SRC)

sparse: deps
	@$(TOP)/scripts/build-modules.sh $(BUILD)/sparse $(KDIR) C=2

demo:
	@$(TOP)/scripts/demo.sh

check:
	@$(TOP)/scripts/check.sh

stress:
	@NOVA_STRESS=1 NOVA_VM_TIMEOUT=$${NOVA_VM_TIMEOUT:-21600} $(TOP)/scripts/check.sh

bench:
	@$(TOP)/scripts/bench.sh

clean:
	rm -rf $(BUILD)/stock $(BUILD)/sparse $(BUILD)/static-* $(BUILD)/debug-mod \
		$(BUILD)/guest-tools $(BUILD)/user $(BUILD)/logs $(BUILD)/*.cpio.gz \
		$(BUILD)/bench

distclean:
	rm -rf $(BUILD)
