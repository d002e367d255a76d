#!/bin/sh
# Installs what is missing on a Debian/Ubuntu machine: apt packages, the npm
# packages of the frontend, the Go modules and the pinned Wails CLI.
#   .ci/setup-deps.sh run    what building and running the app needs
#   .ci/setup-deps.sh package  that, plus what make package needs (ImageMagick
#                              for the icon sizes, the desktop-entry and AppStream
#                              validators)
#   .ci/setup-deps.sh test   all that, plus Xvfb, Chromium, GNOME Keyring,
#                            debootstrap (the clean-root install test)
set -eu
cd "$(dirname "$0")/.."
mode="${1:-run}"

# Keep in step with the package table of docs/install.md.
pkgs="libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential"
if [ "$mode" = package ] || [ "$mode" = test ]; then
  pkgs="$pkgs imagemagick desktop-file-utils appstream"
fi
if [ "$mode" = test ]; then
  pkgs="$pkgs xvfb xauth x11-utils xdotool chromium gnome-keyring dbus dbus-x11 libsecret-tools fonts-dejavu-core debootstrap"
fi

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "==> apt-get install$missing"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

command -v go >/dev/null || { echo "Go 1.26 or newer is required: https://go.dev/dl/" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20 and npm are required (apt-get install nodejs npm, or nodesource)" >&2; exit 1; }

echo "==> go mod download"
go mod download
if [ ! -d frontend/node_modules ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
  echo "==> npm ci"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi
# The Wails CLI is pinned as a Go tool in go.mod (built on first use from the
# module proxy; it needs a newer golang.org/x/tools on Go 1.26).
echo "==> wails CLI: $(go tool wails version 2>/dev/null | tail -1)"
