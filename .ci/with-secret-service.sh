#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME
# Keyring, so tests use the real Secret Service without touching the
# user's own keyring. Usage:
#   HOME=$(mktemp -d) dbus-run-session -- .ci/with-secret-service.sh go test ./...
set -e
echo -n "${KEYRING_PASS:-ci-pass}" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; do
  i=$((i+1)); [ $i -gt 100 ] && { echo "secret service did not come up" >&2; exit 1; }; sleep 0.1
done
exec "$@"
