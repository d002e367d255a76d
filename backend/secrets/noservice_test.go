package secrets

import (
	"bufio"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretServiceAbsent: a session bus where no Secret Service answers
// (no GNOME Keyring or KWallet running) makes a read fail as unavailable,
// naming the backend and the way out, although the keyring no longer
// waits for the service when it opens. The read runs in a child process,
// because a process keeps one session-bus connection.
func TestSecretServiceAbsent(t *testing.T) {
	if os.Getenv("KODUS_BYOK_TEST_NO_SECRET_SERVICE_CHILD") == "1" {
		k, err := New(Config{Backend: "secret-service"})
		if err != nil {
			t.Fatal(err)
		}
		p := k.StartRead(context.Background())
		p.Read("profile.team.main.x1")
		_, err = p.Wait()
		if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "no Secret Service on the session D-Bus") {
			t.Fatalf("read = %v, want ErrUnavailable saying there is no Secret Service", err)
		}
		if _, err := k.Get(context.Background(), "profile.team.main.x1"); !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Get = %v", err)
		}
		return
	}
	daemon, err := exec.LookPath("dbus-daemon")
	if err != nil {
		t.Skip("dbus-daemon is needed for a bus without a Secret Service")
	}
	// A bus of its own with no service activation: the standard session
	// bus would start GNOME Keyring on the first call.
	conf := filepath.Join(t.TempDir(), "bus.conf")
	if err := os.WriteFile(conf, []byte(busConf), 0o600); err != nil {
		t.Fatal(err)
	}
	bus := exec.Command(daemon, "--config-file="+conf, "--nofork", "--print-address=1")
	out, err := bus.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := bus.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = bus.Process.Kill(); _ = bus.Wait() }()
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon printed no address: %v", err)
	}
	child := exec.Command(os.Args[0], "-test.run=^TestSecretServiceAbsent$", "-test.v")
	child.Env = append(os.Environ(), "KODUS_BYOK_TEST_NO_SECRET_SERVICE_CHILD=1", "DBUS_SESSION_BUS_ADDRESS="+strings.TrimSpace(addr))
	if b, err := child.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, b)
	}
}

const busConf = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`
