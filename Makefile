# Everyday entry points. `make demo` and `make test` install the system libraries they need.
SWIFT ?= swift
PACKAGES = libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
DEMO_TODAY ?= 2026-11-25

.PHONY: deps build release demo test bench golden templates rules-doc lint format clean

deps:
	@if ! pkg-config --exists libgit2 libcmark-gfm 2>/dev/null \
	    || [ ! -f /usr/include/cmark-gfm-core-extensions.h ]; then \
	  echo "Installing $(PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $(PACKAGES); \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The bundled example, as a mentor would see it on the day the example was written.
demo: build
	$(SWIFT) run -q journal --today $(DEMO_TODAY) -C examples/ada-grace report

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Benchmarks are run by hand, never by CI: they time things. The results go to
# docs/performance.md (with the notes kept there by hand).
bench: release
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

# Embeds templates/*.mustache in the binary after editing them (a test fails until you do).
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
	rm -rf .build
