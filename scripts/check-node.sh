#!/usr/bin/env bash
# Fails with a clear message when Node.js is missing or older than the UI's tools need.
set -euo pipefail
need_major=20
need_minor=19
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js ${need_major}.${need_minor}+ and npm are needed to build the UI: https://nodejs.org" >&2
  exit 1
fi
version=$(node -p 'process.versions.node')
major=${version%%.*}
rest=${version#*.}
minor=${rest%%.*}
if [ "$major" -lt "$need_major" ] || { [ "$major" -eq "$need_major" ] && [ "$minor" -lt "$need_minor" ]; }; then
  echo "Node.js $version is too old to build the UI: ${need_major}.${need_minor}+ is needed" >&2
  exit 1
fi
