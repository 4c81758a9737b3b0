# Longarm — the two commands of the README, and the developer's helpers.
SWIFT ?= swift
BIN := .build/release/longarm

.PHONY: setup build release test demo lint bench clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product longarm

## make test: set-up, build with warnings as errors, then every test (unit and local-internet integration).
test: setup
	LONGARM_STRICT=1 $(SWIFT) build --build-tests
	LONGARM_STRICT=1 scripts/run-tests.sh

## make demo: Longarm's main job on the shipped sample data, offline.
demo: release
	@scripts/demo.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

bench: release
	@scripts/bench.sh

clean:
	rm -rf .build demo-out
