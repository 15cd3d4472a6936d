#!/usr/bin/env bash
# Strips the symbols from the binary IN as a package ships it: into OUT, or in place.
set -euo pipefail
in=${1:?usage: scripts/strip.sh IN [OUT]}
out=${2:-$in}
if [ "$(uname -s)" = Darwin ]; then
  strip -x -o "$out" "$in"
else
  strip --strip-unneeded --remove-section=.comment --remove-section=.note -o "$out" "$in"
fi
