#!/bin/sh
# Installs the .deb as a user would and tries it: into a fresh Debian root
# (debootstrap, the host's release) with apt-get, so its declared
# dependencies must be enough; checks dpkg -L, runs kodus-byok --version and
# kodus-byok catalog, and takes the smoke screenshot of the installed
# desktop app under Xvfb. Without debootstrap or the Debian mirror it says
# so and installs on this machine instead (and removes the package after).
#   .ci/test-package.sh PACKAGE.deb SCREENSHOT.png
# The bootstrapped base and the downloaded .debs are cached in
# $KODUS_BYOK_CI_CACHE (default /var/cache/kodus-byok-ci).
set -eu
deb=$(readlink -f "$1"); shot=$(readlink -f "$2")
cd "$(dirname "$0")/.."
repo=$(pwd)
cache=${KODUS_BYOK_CI_CACHE:-/var/cache/kodus-byok-ci}
. /etc/os-release
suite=${VERSION_CODENAME:-bookworm}
mirror=${KODUS_BYOK_CI_MIRROR:-http://deb.debian.org/debian}
root=$repo/build/ci/root
work=$(mktemp -d /tmp/kodus-byok-pkg.XXXXXX)
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
say() { echo "==> $*"; }

unmount() {
  for m in var/cache/apt/archives tmp sys dev/pts dev proc; do
    mountpoint -q "$root/$m" 2>/dev/null && $SUDO umount -l "$root/$m" || true
  done
}
host_installed=""
cleanup() {
  unmount
  $SUDO rm -rf "$root" "$work"
  [ -z "$host_installed" ] || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq kodus-byok >/dev/null || true
}
trap cleanup EXIT INT TERM

bootstrap() {
  base="$cache/$suite-minbase.tar.gz"
  $SUDO mkdir -p "$cache/archives/partial" 2>/dev/null || true
  unmount; $SUDO rm -rf "$root"; mkdir -p "$root"
  if [ -s "$base" ] && [ -n "$(find "$base" -mtime -14)" ]; then
    say "fresh root from the cached $suite base ($base)"
    $SUDO tar -xzf "$base" -C "$root"
  else
    command -v debootstrap >/dev/null || { echo "debootstrap is not installed" >&2; return 1; }
    say "debootstrap --variant=minbase $suite ($mirror)"
    t0=$(date +%s)
    $SUDO debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 ||
      { tail -5 "$work/debootstrap.log" >&2; return 1; }
    say "debootstrap took $(( $(date +%s) - t0 )) s"
    $SUDO rm -rf "$root/var/cache/apt/archives/"*.deb
    $SUDO tar -czf "$base.tmp" -C "$root" . 2>/dev/null && $SUDO mv "$base.tmp" "$base" || $SUDO rm -f "$base.tmp"
  fi
  {
    echo "deb $mirror $suite main"
    echo "deb $mirror $suite-updates main"
    echo "deb ${mirror%/debian}/debian-security $suite-security main"
  } | $SUDO tee "$root/etc/apt/sources.list" >/dev/null
  $SUDO cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  $SUDO mount -t proc proc "$root/proc"
  $SUDO mount --bind /dev "$root/dev"
  $SUDO mount --bind /dev/pts "$root/dev/pts"
  $SUDO mount --bind -o ro /sys "$root/sys"
  # /tmp is shared: the X server's socket, xvfb-run's cookie and the smoke
  # test's data dirs live there.
  $SUDO mount --bind /tmp "$root/tmp"
  [ -d "$cache/archives" ] && $SUDO mount --bind "$cache/archives" "$root/var/cache/apt/archives"
  cp "$deb" "$work/"
  say "apt-get install ./$(basename "$deb") into the fresh root"
  t0=$(date +%s)
  $SUDO chroot "$root" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    '$work/$(basename "$deb")' fonts-dejavu-core >/dev/null" || return 1
  say "installing with its dependencies took $(( $(date +%s) - t0 )) s"
}

if bootstrap; then
  run() { $SUDO chroot "$root" "$@"; }
  prefix="$root"
  printf '#!/bin/sh\nexec %s chroot %s /usr/bin/kodus-byok "$@"\n' "$SUDO" "$root" >"$work/kodus-byok"
else
  echo "WARNING: no fresh Debian root (see above); installing the package on this machine instead" >&2
  unmount
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
  host_installed=1
  run() { "$@"; }
  prefix=""
  printf '#!/bin/sh\nexec /usr/bin/kodus-byok "$@"\n' >"$work/kodus-byok"
fi
chmod +x "$work/kodus-byok"

say "dpkg -L kodus-byok"
run dpkg -L kodus-byok >"$work/files"
for f in /usr/bin/kodus-byok /usr/lib/kodus-byok/kodus-byok \
  /usr/share/applications/io.github.kodusbyok.Studio.desktop \
  /usr/share/metainfo/io.github.kodusbyok.Studio.metainfo.xml \
  /usr/share/icons/hicolor/256x256/apps/io.github.kodusbyok.Studio.png \
  /usr/share/icons/hicolor/scalable/apps/io.github.kodusbyok.Studio.svg \
  /usr/share/man/man1/kodus-byok.1.gz /usr/share/doc/kodus-byok/copyright; do
  grep -qx "$f" "$work/files" || { echo "the package does not install $f" >&2; cat "$work/files" >&2; exit 1; }
done
echo "   $(wc -l <"$work/files") paths, all expected ones present"
desktop-file-validate "$prefix/usr/share/applications/io.github.kodusbyok.Studio.desktop"
appstreamcli validate --no-net "$prefix/usr/share/metainfo/io.github.kodusbyok.Studio.metainfo.xml" >/dev/null

say "kodus-byok --version"
run env DBUS_SESSION_BUS_ADDRESS=disabled: kodus-byok --version | tee "$work/version"
grep -q "kodus-byok .* (commit .*, built .*; command line only)" "$work/version"
say "kodus-byok catalog"
run env DBUS_SESSION_BUS_ADDRESS=disabled: HOME=/tmp kodus-byok catalog >"$work/catalog"
head -4 "$work/catalog"
grep -q "claude-sonnet-4-6" "$work/catalog"
zcat "$prefix/usr/share/man/man1/kodus-byok.1.gz" | grep -q '^\.SH COMMANDS' || { echo "the man page has no COMMANDS" >&2; exit 1; }

say "the installed desktop app under Xvfb"
xvfb-run -a -s "-screen 0 1280x900x24" .ci/smoke.sh "$work/kodus-byok" "$shot"
