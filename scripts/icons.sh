#!/usr/bin/env bash
# Generates every app icon from the one source, icons/icon.svg, with `tauri icon`: the PNGs at
# the hicolor sizes Linux desktops look up (32, 128, 256), the macOS .icns and the Windows .ico.
set -euo pipefail
cd "$(dirname "$0")/.."
tauri=ui/node_modules/.bin/tauri
"$tauri" icon icons/icon.svg --output icons --png 32 --png 128 --png 256
all=$(mktemp -d)
trap 'rm -rf "$all"' EXIT
"$tauri" icon icons/icon.svg --output "$all" >/dev/null
cp "$all/icon.icns" "$all/icon.ico" icons/
