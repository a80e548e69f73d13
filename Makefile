# Everyday entry points. `make demo` and `make test` install the system libraries they need.
SWIFT ?= swift
PACKAGES = libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
DEMO_TODAY ?= 2026-11-25
PREFIX ?= /usr/local
MAN_OUTPUT = .build/plugins/GenerateManual/outputs/journal/journal.1

.PHONY: deps dist-deps venv build release dist demo test bench golden templates rules-doc man install lint format clean

deps:
	@if ! pkg-config --exists libgit2 libcmark-gfm 2>/dev/null \
	    || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing $(PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(PACKAGES); \
	fi

build: deps
	$(SWIFT) build

# Built as `make install` builds it (the Swift runtime linked in), so that benchmarks time the
# binary people run: it also starts in half the time of one that loads the runtime's libraries.
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The bundled example, as a mentor would see it on the day the example was written.
demo: build
	$(SWIFT) run -q journal --today $(DEMO_TODAY) -C examples/ada-grace report

# The Python tools some tests drive journal with (a language-server client, a JSON Schema
# validator), in a virtual environment of their own; tests that need it skip without it.
TEST_VENV = .build/test-venv
$(TEST_VENV)/.ready: Tests/requirements.txt
	python3 -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/python -m pip install -q -r Tests/requirements.txt
	touch $@

venv: $(TEST_VENV)/.ready

test: deps venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks are run by hand, never by CI: they time things. The results go to
# docs/performance.md (with the notes kept there by hand).
bench: release dist
	python3 Tests/Benchmarks/bench.py --write

# Rewrites the golden reports after a deliberate change to the output; review the diff.
golden: build
	GIT_CEILING_DIRECTORIES=$(CURDIR)/Tests/JournalTests/Fixtures \
	    .build/debug/journal -C Tests/JournalTests/Fixtures/pair --today 2026-11-25 report \
	    > Tests/JournalTests/Fixtures/pair.report.txt
	.build/debug/journal -C Tests/JournalTests/Fixtures/program --today 2026-11-25 report --format markdown \
	    > Tests/JournalTests/Fixtures/program.report.md
	.build/debug/journal -C Tests/JournalTests/Fixtures/program --today 2026-11-25 report --format html \
	    > Tests/JournalTests/Fixtures/program.report.html
	JOURNAL_UPDATE_GOLDEN=1 swift test --filter LivingGoldenTests >/dev/null

# The man page, generated from the command definitions by swift-argument-parser's plugin.
man: deps
	$(SWIFT) package plugin generate-manual --configuration debug
	mkdir -p .build/man
	cp $(MAN_OUTPUT) .build/man/journal.1
	@echo .build/man/journal.1

# A release binary with the Swift standard library and Foundation linked in, so that it runs
# without the toolchain (libgit2 and cmark-gfm are still needed at run time), with its man
# page and completions for bash, zsh and fish. DESTDIR is honoured for packaging.
install: man release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	    $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/journal $(DESTDIR)$(PREFIX)/bin/journal
	install -m 644 .build/man/journal.1 $(DESTDIR)$(PREFIX)/share/man/man1/journal.1
	.build/release/journal --generate-completion-script bash \
	    > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/journal
	.build/release/journal --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_journal
	.build/release/journal --generate-completion-script fish \
	    > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/journal.fish
	@echo "Installed journal in $(DESTDIR)$(PREFIX)/bin"

# The download: a self-contained binary (nothing but glibc and the GCC runtime needed), its
# tarball, a .deb, install.sh and SHA256SUMS, in dist/ (.ci/release/dist.sh says how).
DIST_PACKAGES = libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libssh2-1-dev libssl-dev \
    libmbedtls-dev libhttp-parser-dev libpcre2-dev zlib1g-dev pkg-config binutils
dist-deps: deps
	@missing=; for a in git2 mbedtls mbedx509 mbedcrypto http_parser ssh2 crypto pcre2-8 z cmark-gfm; do \
	  [ -f /usr/lib/$$(gcc -print-multiarch)/lib$$a.a ] || missing=1; done; \
	if [ -n "$$missing" ] || ! command -v readelf >/dev/null; then \
	  echo "Installing $(DIST_PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(DIST_PACKAGES); \
	fi

dist: dist-deps
	SWIFT=$(SWIFT) sh .ci/release/dist.sh

# Embeds templates/*.mustache and the entry templates templates/<kind>.md in the binary after
# editing them (a test fails until you do).
templates:
	Tests/Tools/embed-templates.sh

# docs/rules.md is generated from the rule descriptions.
rules-doc: build
	.build/debug/journal rules --markdown > docs/rules.md

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

clean:
	rm -rf .build dist
