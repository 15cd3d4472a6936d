# Cadence: `make run` sets up and launches the app, `make test` sets up and runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := run

CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian/Ubuntu packages Tauri needs to build and the end-to-end suite needs to run.
BUILD_PKGS := libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev pkg-config
E2E_PKGS := xvfb xauth webkit2gtk-driver

.PHONY: run test test-core lint deps-system deps-e2e

## Installs the system packages Tauri needs when missing (apt on Debian/Ubuntu; nothing on a Mac).
deps-system:
	@scripts/ensure-packages.sh $(BUILD_PKGS)

## Installs what the end-to-end suite needs when missing.
deps-e2e: deps-system
	@scripts/ensure-packages.sh $(E2E_PKGS)

## Core and CLI tests against real SQLite files.
test-core:
	$(CARGO) test -p cadence --all-targets

## Formatting and lints.
lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy -p cadence --all-targets -- -D warnings

test: test-core lint
