#!/usr/bin/env bash
# The package as installed. Given the folder holding the .deb that `tauri bundle` made, it:
# - reads the control fields: the version is the CLI's; a maintainer with an address; the
#   libc6 dependency covers the newest glibc symbol the binaries use; no maintainer scripts,
#   so installing and removing run nothing of ours;
# - installs the package with dpkg into a temporary root (a database of its own, dependencies
#   not checked) and, from there, runs `cadence --version`, `cadence demo` and `cadence weekly`
#   on a workspace in a temporary home;
# - parses the completions with bash (which must then complete `cadence`), zsh and fish, and
#   renders every man page with `man -l`, which must warn about nothing;
# - validates the desktop entry and finds the icons at hicolor 32, 128 and 256, of those sizes;
# - starts the packaged app under Xvfb and waits for its window (it takes the day's backup);
# - purges the package and finds the workspace and its backups as they were;
# - runs lintian, which must report no error.
set -euo pipefail
cd "$(dirname "$0")/.."
debs=("${1:?usage: scripts/test-install.sh DEB_FOLDER}"/*.deb)
[ ${#debs[@]} -eq 1 ] || { echo "expected one .deb in $1, found: ${debs[*]}" >&2; exit 1; }
deb=${debs[0]}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
checks=0
fail() { echo "test-install: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); echo "ok: $*"; }

field() { dpkg-deb --field "$deb" "$1"; }
package=$(field Package)
version=$(field Version)
[ "$package" = cadence ] || fail "package name is '$package', not cadence"
[[ "$(field Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || fail "maintainer '$(field Maintainer)' has no address"
for name in Section Homepage Description; do
  [ -n "$(field "$name" 2>/dev/null)" ] || echo "note: no $name field"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -t | grep -Eq '(preinst|postinst|prerm|postrm)$' &&
  fail "the package has maintainer scripts"
pass "$package $version: maintainer with an address, no maintainer scripts"

# dpkg's own database in the temporary root; the workspace lives in a home beside it.
root="$tmp/root"
mkdir -p "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/info"
touch "$root/var/lib/dpkg/status"
dpkg() { command dpkg --root="$root" --force-not-root --force-depends --log=/dev/null "$@"; }
# The dependencies are the host's, not this root's: dpkg lists them as missing and goes on.
dpkg --install "$deb" >/dev/null 2>"$tmp/dpkg.log" || fail "dpkg --install: $(cat "$tmp/dpkg.log")"
[ "$(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Status}' cadence)" = "install ok installed" ] ||
  fail "dpkg did not install the package"
pass "installed into $root"

usr="$root/usr"
libc=$(field Depends | sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p')
[ -n "$libc" ] || fail "no versioned libc6 dependency: $(field Depends)"
needed=$(objdump -T "$usr/bin/cadence" "$usr/bin/cadence-desktop" | grep -o 'GLIBC_[0-9.]*' |
  sed 's/GLIBC_//' | sort -uV | tail -1)
[ "$(printf '%s\n%s\n' "$needed" "$libc" | sort -V | tail -1)" = "$libc" ] ||
  fail "the binaries need glibc $needed, the package depends on libc6 (>= $libc)"
pass "depends on libc6 (>= $libc); the binaries need glibc $needed"

home="$tmp/home"
mkdir -p "$home"
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  XDG_CACHE_HOME="$home/.cache" CADENCE_TODAY=2026-11-23
unset CADENCE_DB
cadence="$usr/bin/cadence"
said=$("$cadence" --version)
[[ "$said" == "cadence $version (workspace schema "[0-9]*")" ]] ||
  fail "cadence --version says '$said', the package is $version"
pass "$said"
"$cadence" demo >/dev/null
workspace="$XDG_DATA_HOME/cadence/cadence.db"
[ -s "$workspace" ] || fail "cadence demo made no workspace at $workspace"
"$cadence" weekly | grep -q "^# Weekly update: 23–29 November 2026" ||
  fail "cadence weekly wrote no update for the week of 23 November 2026"
pass "cadence demo and cadence weekly on $workspace"

completions="$usr/share/bash-completion/completions/cadence"
bash -c "source '$completions' && complete -p cadence" | grep -q 'cadence' ||
  fail "bash does not complete cadence with $completions"
zsh -n "$usr/share/zsh/vendor-completions/_cadence" || fail "zsh cannot parse _cadence"
head -1 "$usr/share/zsh/vendor-completions/_cadence" | grep -q '^#compdef cadence' ||
  fail "_cadence does not declare #compdef cadence"
fish --no-execute "$usr/share/fish/vendor_completions.d/cadence.fish" ||
  fail "fish cannot parse cadence.fish"
pass "completions for bash, zsh and fish"

pages=("$usr"/share/man/man1/*.1.gz)
for page in "${pages[@]}"; do
  rendered=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$page" 2>"$tmp/man.err")
  [ ! -s "$tmp/man.err" ] || fail "man -l $page warns: $(cat "$tmp/man.err")"
  grep -q '^NAME' <<<"$rendered" || fail "man -l $page renders no NAME section"
done
for page in cadence cadence-weekly cadence-desktop; do
  [ -f "$usr/share/man/man1/$page.1.gz" ] || fail "no man page $page(1)"
done
pass "${#pages[@]} man pages render with man -l"

desktop=("$usr"/share/applications/*.desktop)
desktop-file-validate "${desktop[@]}" || fail "the desktop entry is not valid"
for key in Name Comment Categories Keywords; do
  grep -q "^$key=." "${desktop[0]}" || fail "the desktop entry has no $key"
done
icon=$(sed -n 's/^Icon=//p' "${desktop[0]}")
for size in 32 128 256; do
  png="$usr/share/icons/hicolor/${size}x${size}/apps/$icon.png"
  file "$png" | grep -q "PNG image data, $size x $size" || fail "no ${size}px icon at $png"
done
[ -z "$(find "$usr/share/icons" -name '*@2*')" ] || fail "an icon sits in a folder no theme reads"
pass "desktop entry valid; icons at hicolor 32, 128 and 256"

# The packaged app: its window shows (under a session bus of its own, which the one-instance
# plugin needs) and the app is still running then.
app="$usr/bin/cadence-desktop"
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- bash -c '
  "$1" >"$2/app.log" 2>&1 &
  app=$!
  for _ in $(seq 1 240); do
    if xdotool search --onlyvisible --name "^Cadence$" >/dev/null 2>&1; then
      kill -0 "$app" || exit 2
      kill "$app"
      wait "$app" 2>/dev/null
      exit 0
    fi
    kill -0 "$app" 2>/dev/null || exit 3
    sleep 0.25
  done
  kill "$app"
  exit 4
' window "$app" "$tmp" 2>"$tmp/session.log" ||
  fail "the packaged app showed no window (exit $?): $(tail -5 "$tmp/app.log" "$tmp/session.log")"
pass "the packaged app opened its window"
backups="$XDG_DATA_HOME/cadence/backups"
[ -n "$(ls -A "$backups" 2>/dev/null)" ] || fail "the app took no backup in $backups at start"

before=$(cd "$XDG_DATA_HOME/cadence" && find . -type f -exec sha256sum {} + | sort)
dpkg --purge cadence >/dev/null 2>"$tmp/dpkg.log" || fail "dpkg --purge: $(cat "$tmp/dpkg.log")"
[ ! -e "$usr/bin/cadence" ] && [ ! -e "$usr/bin/cadence-desktop" ] ||
  fail "purging left the binaries in place"
after=$(cd "$XDG_DATA_HOME/cadence" && find . -type f -exec sha256sum {} + | sort)
[ "$before" = "$after" ] || fail "purging the package changed the workspace or its backups"
pass "purged; the workspace and $(ls "$backups" | wc -l) backup(s) untouched"

lintian --fail-on error "$deb"
pass "lintian: no errors"
echo "test-install: $checks passed, 0 failed"
