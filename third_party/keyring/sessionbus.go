package keyring

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrNoSessionBus is returned by SessionBusAddress, and by the D-Bus
// backends' openers, when this process has no D-Bus session bus to use.
//
// kodus-byok patch: upstream dials the session bus in the init functions
// of the Secret Service and KWallet backends. With no
// DBUS_SESSION_BUS_ADDRESS, godbus then runs dbus-launch, which starts a
// dbus-daemon that outlives the process, on every start of every program
// that links this package. The backends now connect on Open, and only to a
// bus that exists.
var ErrNoSessionBus = errors.New("no D-Bus session bus")

// SessionBusAddress finds the session bus the way godbus does
// (DBUS_SESSION_BUS_ADDRESS, then /run/user/UID/bus, then
// /run/user/UID/dbus-session), without godbus's last resort of launching
// a new bus. It never connects.
func SessionBusAddress() (string, error) {
	switch addr := strings.TrimSpace(os.Getenv("DBUS_SESSION_BUS_ADDRESS")); addr {
	case "", "autolaunch:":
	case "disabled:":
		return "", fmt.Errorf("%w: DBUS_SESSION_BUS_ADDRESS is %q", ErrNoSessionBus, addr)
	default:
		return addr, nil
	}
	dir := filepath.Join("/run/user", strconv.Itoa(os.Getuid()))
	bus := filepath.Join(dir, "bus")
	if _, err := os.Stat(bus); err == nil {
		return "unix:path=" + bus, nil
	}
	if b, err := os.ReadFile(filepath.Join(dir, "dbus-session")); err == nil {
		if addr, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "DBUS_SESSION_BUS_ADDRESS="); ok && addr != "" {
			return addr, nil
		}
	}
	return "", fmt.Errorf("%w: DBUS_SESSION_BUS_ADDRESS is not set and %s does not exist", ErrNoSessionBus, bus)
}
