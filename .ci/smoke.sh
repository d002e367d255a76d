#!/bin/sh
# Launches the production binary under Xvfb with its own data dir, takes a
# screenshot of the window and checks that it came up and is not blank.
# Usage: .ci/smoke.sh BINARY OUT.png
set -eu
bin="$1"; out="$2"
home=$(mktemp -d)
trap 'kill $app 2>/dev/null || true; rm -rf "$home"' EXIT
export KODUS_BYOK_HOME="$home/data" KODUS_BYOK_KEYRING=file KODUS_BYOK_KEYRING_PASSPHRASE=smoke \
  HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_DATA_HOME="$home/share" \
  DBUS_SESSION_BUS_ADDRESS=disabled: NO_AT_BRIDGE=1

# A realistic profile so the screenshot shows the app in use (fake keys).
printf 'sk-ant-api03-FAKEsmoke-0000000000000000-a1b' | "$bin" profile set team --provider anthropic --model claude-sonnet-4-6 --key-stdin >/dev/null
printf 'zai-smoke-0000000000000000.c2d' | "$bin" profile set team --slot fallback --provider zai --model glm-5.2 --plan coding-plan --key-stdin >/dev/null
"$bin" profile set local --provider openai_compatible --model llama3.1:8b --base-url http://localhost:11434/v1 >/dev/null

"$bin" >"$home/app.log" 2>&1 &
app=$!
i=0
until xdotool search --name "Kodus BYOK Studio" >/dev/null 2>&1; do
  i=$((i+1))
  if [ $i -gt 150 ] || ! kill -0 $app 2>/dev/null; then echo "window did not come up:" >&2; cat "$home/app.log" >&2; exit 1; fi
  sleep 0.2
done
sleep 3 # let WebKit paint
import -window root "$out"

# The window carries the app icon and the class the desktop entry names
# (StartupWMClass), so docks show the icon and group the window.
win=$(xdotool search --name "Kodus BYOK Studio" | head -1)
xprop -id "$win" WM_CLASS _NET_WM_ICON >"$home/props"
grep -q '^WM_CLASS(STRING) = "kodus-byok"' "$home/props" || { echo "window class:" >&2; head -1 "$home/props" >&2; exit 1; }
grep -q '^_NET_WM_ICON(CARDINAL) = ' "$home/props" || { echo "the window has no icon (_NET_WM_ICON)" >&2; exit 1; }
kill $app

# Not blank: a rendered page has many colours and real contrast.
colors=$(convert "$out" -format '%k' info:)
stddev=$(convert "$out" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "screenshot $out: $colors colours, grey stddev $stddev"
awk -v c="$colors" -v s="$stddev" 'BEGIN { exit !(c > 200 && s > 0.05) }' || { echo "the window looks blank" >&2; exit 1; }
