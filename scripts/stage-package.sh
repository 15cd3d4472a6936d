#!/usr/bin/env bash
# Stages what the package holds besides the app binary, from the `cadence` binary built in
# BUILD_DIR (target/release, or target/debug for the install test). The bundle's `files` in
# src-tauri/tauri.conf.json take them from target/package/:
#   bin/cadence              the command line, stripped
#   completions/             bash (cadence), zsh (_cadence) and fish (cadence.fish)
#   man/                     cadence(1), a page per subcommand and cadence-desktop(1), gzipped
#   doc/changelog.gz         CHANGELOG.md's numbered versions as a Debian changelog (Linux)
# and checks that CHANGELOG.md describes this version.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: scripts/stage-package.sh BUILD_DIR}
out=target/package
rm -rf "$out"
mkdir -p "$out/bin" "$out/completions" "$out/man" "$out/doc"

cli="$out/bin/cadence"
scripts/strip.sh "$build/cadence" "$cli"
chmod 0755 "$cli"

"$cli" completions bash >"$out/completions/cadence"
"$cli" completions zsh >"$out/completions/_cadence"
"$cli" completions fish >"$out/completions/cadence.fish"
"$cli" manpages "$out/man" >/dev/null
cp packaging/cadence-desktop.1 "$out/man/"
gzip -9n "$out/man/"*.1
chmod 0644 "$out/completions/"* "$out/man/"*

# The package is the CLI's version (the workspace's, in Cargo.toml), which CHANGELOG.md's
# newest numbered section must describe.
version=$("$cli" --version | awk '{print $2}')
changelog_version=$(sed -n 's/^## \[\([0-9][^]]*\)\].*/\1/p' CHANGELOG.md | head -1)
if [ "$version" != "$changelog_version" ]; then
  echo "CHANGELOG.md's newest version is $changelog_version, but Cadence is $version:" \
    "give the version its section" >&2
  exit 1
fi

[ "$(uname -s)" = Linux ] || exit 0
# Debian's changelog format: one entry per numbered section, newest first, its bullets
# wrapped to 76 columns, signed by the package's maintainer (src-tauri/Cargo.toml's authors)
# on the section's date.
maintainer=$(sed -n 's/^authors = \["\(.*\)"\]/\1/p' src-tauri/Cargo.toml)
awk -v maintainer="$maintainer" '
  function flush() {
    if (item == "") return
    n = split(item, words, " ")
    line = "  *"
    for (i = 1; i <= n; i++) {
      if (length(line) + 1 + length(words[i]) > 76) { print line; line = "   " }
      line = line " " words[i]
    }
    print line
    item = ""
  }
  function sign() {
    flush()
    cmd = "date -u -R -d " date
    cmd | getline stamp
    close(cmd)
    print ""
    print " -- " maintainer "  " stamp
    print ""
  }
  /^## \[/ {
    if (open) sign()
    open = 0
    if ($2 !~ /^\[[0-9]/) next
    version = substr($2, 2, length($2) - 2)
    date = $4
    open = 1
    print "cadence (" version ") unstable; urgency=medium"
    print ""
    next
  }
  !open { next }
  /^### / { flush(); next }
  /^- / { flush(); item = substr($0, 3); next }
  /^  +[^ ]/ { sub(/^ +/, ""); item = item " " $0; next }
  /^$/ { flush(); next }
  { flush(); item = $0 }
  END { if (open) sign() }
' CHANGELOG.md | sed '$d' | gzip -9n >"$out/doc/changelog.gz"
chmod 0644 "$out/doc/changelog.gz"
