# Cadence: `make run` sets up and launches the app, `make test` sets up and runs every test
# that can run on this platform (Debian/Ubuntu or macOS).
SHELL := /bin/bash
.DEFAULT_GOAL := run

CARGO ?= cargo
NPM ?= npm
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
# The desktop binary serves the built UI (ui/dist) only with this feature on.
APP_FEATURES := --features cadence-desktop/custom-protocol

# Debian/Ubuntu packages Tauri needs to build and the end-to-end suite needs to run.
BUILD_PKGS := libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev pkg-config
# The desktop around the window that e2e/tests/tray.rs looks at: a notification daemon that draws
# (GNOME's, which the session bus does not start by itself), an XEmbed tray host, ImageMagick for
# whole-screen screenshots and tesseract to read what they show.
E2E_PKGS := xvfb xauth webkit2gtk-driver dbus xdotool xclip notification-daemon trayer imagemagick \
	tesseract-ocr
# What the install test checks the package with: the man page renderer, the shells whose
# completions are parsed, the desktop entry validator and lintian.
INSTALL_PKGS := man-db zsh fish desktop-file-utils lintian
MACOS := $(filter Darwin,$(shell uname -s))
# The bundle `make package` builds: a .deb on Linux, the .app on a Mac.
BUNDLES := $(if $(MACOS),app,deb)
TAURI := ../ui/node_modules/.bin/tauri
# The install test runs where packages are built: where dpkg-deb exists.
DPKG_DEB := $(shell command -v dpkg-deb 2>/dev/null)

.PHONY: run app package package-lint icons e2e e2e-unavailable measure bench torture test \
	test-core test-ui test-app test-install lint lint-app-deps deps-system deps-e2e deps-install ui-deps \
	ui-build tauri-driver

## Builds the release app and opens it on your workspace (CADENCE_DB, else the default file).
run: app
	$(TARGET_DIR)/release/cadence-desktop

## The release desktop binary at target/release/cadence-desktop, serving the built UI.
app: deps-system ui-build
	$(CARGO) build --release -p cadence-desktop $(APP_FEATURES)

## The package of the release build: on Linux a .deb holding the app and the `cadence` command
## in /usr/bin, completions, man pages and icons (target/release/bundle/deb/); on a Mac
## Cadence.app with `cadence` inside it (Contents/MacOS/cadence; target/release/bundle/macos/).
## The binaries are stripped, the app's in place.
package: deps-system ui-build
	$(CARGO) build --release -p cadence -p cadence-desktop --bin cadence --bin cadence-desktop \
		$(APP_FEATURES)
	scripts/stage-package.sh $(TARGET_DIR)/release
	scripts/strip.sh $(TARGET_DIR)/release/cadence-desktop
	cd src-tauri && $(TAURI) bundle --no-binary-patching --bundles $(BUNDLES)

## lintian on the release .deb; fails on any error and lists the warnings.
package-lint: package deps-install
	lintian --fail-on error --info $(TARGET_DIR)/release/bundle/deb/*.deb

## Regenerates every icon from icons/icon.svg (the hicolor PNGs, the .icns and the .ico).
icons: ui-deps
	scripts/icons.sh

## Builds the app and the command line (some tests write with it beside the open window) and
## runs only the end-to-end suite, under Xvfb with a session bus of its own
## (one instance at a time goes through D-Bus); screenshots go to e2e-artifacts/.
e2e: deps-e2e tauri-driver ui-build
	$(CARGO) build -p cadence-desktop $(APP_FEATURES)
	$(CARGO) build -p cadence --bin cadence
	xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- \
		$(CARGO) test -p cadence-e2e -- --test-threads=1
	@echo "screenshots and driver logs: $(CURDIR)/e2e-artifacts/"

## The three reviews on a generated workspace of 1,000 initiatives and ~157,000 check-ins, with
## and without three years of kept updates: each against a bare read of the same rows, with the
## ratios measured in the same run; and rendering the weekly review to every format. Ends with
## one line per goal (figure, baseline, ratio, goal, met or not), where each review's time goes
## (bare read, read into the snapshot, build) and the load average.
bench:
	$(CARGO) bench -p cadence --bench reviews

## The release app against the platform's floor and at scale, medians of 5 runs: its start-up
## (window mapped) and idle memory (PSS, and the own size: pages shared only among its processes),
## once settled, on the sample company beside a bare Tauri window of the
## same tauri version (e2e/bare-window, built here only), with the ratios; and the board and the
## home view painted after navigation on 1,000 generated initiatives (performance marks).
measure: app deps-e2e tauri-driver
	$(CARGO) build --release -p cadence-desktop -p bare-window $(APP_FEATURES) \
		--features bare-window/custom-protocol
	CADENCE_APP=$(TARGET_DIR)/release/cadence-desktop BARE_WINDOW=$(TARGET_DIR)/release/bare-window \
		xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- \
		$(CARGO) run -p cadence-e2e --release --bin measure -- 5

## The torture tests at full length (`make test` runs them short): commands of the real binary
## killed with SIGKILL at random moments, four writers and a reader on one file, four processes
## creating one new file at once, and mutated imports. Each prints its figures and its seed;
## CADENCE_TORTURE_SEED=N replays a run.
TORTURE_ITERATIONS ?= 1000
TORTURE_OPS ?= 500
TORTURE_ROUNDS ?= 500
TORTURE_FUZZ ?= 10000
torture:
	CADENCE_TORTURE_ITERATIONS=$(TORTURE_ITERATIONS) CADENCE_TORTURE_OPS=$(TORTURE_OPS) \
		CADENCE_TORTURE_ROUNDS=$(TORTURE_ROUNDS) CADENCE_TORTURE_FUZZ=$(TORTURE_FUZZ) \
		$(CARGO) test -p cadence --no-fail-fast --test torture_crash --test torture_concurrency \
		--test torture_import_fuzz

## Everything this platform can run: core and CLI tests, UI unit tests and lint, bindings
## freshness and Rust lints; on Linux also the end-to-end suite and, where dpkg-deb exists, the
## install test.
test: test-core test-ui test-app lint $(if $(MACOS),e2e-unavailable,e2e $(if $(DPKG_DEB),test-install))

## Says that the end-to-end suite does not run here: tauri-driver has no macOS driver.
e2e-unavailable:
	@echo "make test: the end-to-end (WebDriver) suite runs on Linux and Windows only; skipped on macOS"

## Core and CLI tests against real SQLite files.
test-core:
	$(CARGO) test -p cadence --all-targets

## UI type check, lint and unit tests (Vitest).
test-ui: ui-deps
	$(NPM) --prefix ui run lint
	$(NPM) --prefix ui test

## The desktop shell's tests, among them the freshness of ui/src/bindings.ts.
test-app: deps-system ui-build
	$(CARGO) test -p cadence-desktop $(APP_FEATURES)

## The package as installed: the debug build the other tests built, stripped and packaged the
## way `make package` packages the release build (in a target folder of its own, so the
## end-to-end suite's binary is left as it is), installed into a temporary root with dpkg and
## tested there (scripts/test-install.sh says what), then lintian on it.
INSTALL_TEST_DIR := $(abspath $(TARGET_DIR))/install-test
test-install: deps-e2e deps-install ui-build
	$(CARGO) build -p cadence -p cadence-desktop --bin cadence --bin cadence-desktop \
		$(APP_FEATURES)
	scripts/stage-package.sh $(TARGET_DIR)/debug
	rm -rf $(INSTALL_TEST_DIR) && mkdir -p $(INSTALL_TEST_DIR)/debug
	scripts/strip.sh $(TARGET_DIR)/debug/cadence-desktop $(INSTALL_TEST_DIR)/debug/cadence-desktop
	cd src-tauri && CARGO_TARGET_DIR=$(INSTALL_TEST_DIR) $(TAURI) bundle --no-binary-patching \
		--debug --bundles deb
	scripts/test-install.sh $(INSTALL_TEST_DIR)/debug/bundle/deb

## Formatting and lints of every Rust package, and the desktop app free of the CLI's crates.
lint: deps-system ui-build lint-app-deps
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets $(APP_FEATURES) -- -D warnings

## The CLI belongs to the binary: the desktop app links neither clap nor comfy-table.
lint-app-deps:
	@tree="$$($(CARGO) tree -p cadence-desktop -e normal --prefix none $(APP_FEATURES))" || exit 1; \
	if grep -E '^(clap|comfy-table) ' <<< "$$tree"; then \
		echo "cadence-desktop links the CLI's crates above: it must depend on cadence with" \
			"default-features = false, and the library must not use them"; exit 1; \
	fi

## Installs the system packages Tauri needs when missing (apt on Debian/Ubuntu; nothing on a Mac).
deps-system:
	@scripts/ensure-packages.sh $(BUILD_PKGS)

## Installs what the end-to-end suite needs when missing.
deps-e2e: deps-system
	@scripts/ensure-packages.sh $(E2E_PKGS)

## Installs what the install test and package-lint need when missing.
deps-install:
	@scripts/ensure-packages.sh $(INSTALL_PKGS)

## The UI's npm packages at their locked versions. `npm install` rather than `npm ci`: it keeps
## to the lock too, and updates node_modules in place where `npm ci` deletes it first.
ui-deps: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package.json ui/package-lock.json
	@scripts/check-node.sh
	$(NPM) --prefix ui install --no-audit --no-fund
	@touch $@

## The UI built into ui/dist, which the desktop binary serves.
ui-build: ui-deps
	$(NPM) --prefix ui run build

## tauri-driver, which the end-to-end suite drives the app through.
tauri-driver:
	@[ -x "$(CARGO_BIN)/tauri-driver" ] || command -v tauri-driver >/dev/null || \
		$(CARGO) install tauri-driver --locked --version '^2'
