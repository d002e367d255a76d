package main

import (
	"crypto/rand"
	"encoding/hex"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/lazyre"
)

// TestMain lets a test run this binary as the real kodus-byok command:
// with KODUS_BYOK_TEST_RUN_MAIN=1 the test binary is the program.
func TestMain(m *testing.M) {
	if os.Getenv("KODUS_BYOK_TEST_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// runCLI runs the command line in a child process with env (on top of a
// copy of this one, less DBUS_SESSION_BUS_ADDRESS) and returns its output.
func runCLI(t *testing.T, env []string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "KODUS_BYOK_TEST_RUN_MAIN=1")
	cmd.Env = append(cmd.Env, env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// Without a session bus, no command may start one: godbus's fallback runs
// dbus-launch, whose dbus-daemon outlives the command (one per run). The
// children carry a marker in their environment, which a daemon they
// started would inherit; a stand-in dbus-launch, found only where the
// real one is not installed, records any attempt.
func TestNoSessionBusLeavesNoProcessBehind(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("D-Bus session buses are a Linux matter here")
	}
	if _, err := os.Stat(filepath.Join("/run/user", strconv.Itoa(os.Getuid()), "bus")); err == nil {
		t.Skip("this user has a session bus socket in /run/user: connecting to it is right, so nothing is launched")
	}
	marker := randomHex(t)
	tmp := t.TempDir()
	launched := filepath.Join(tmp, "dbus-launch-called")
	fakeBin := filepath.Join(tmp, "bin")
	if err := os.Mkdir(fakeBin, 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\necho \"$*\" >>'" + launched + "'\nexit 1\n"
	if err := os.WriteFile(filepath.Join(fakeBin, "dbus-launch"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	base := []string{
		"KODUS_BYOK_TEST_MARKER=" + marker,
		"PATH=" + os.Getenv("PATH") + string(os.PathListSeparator) + fakeBin,
		"KODUS_BYOK_HOME=" + filepath.Join(tmp, "data"),
		"HOME=" + tmp,
	}
	file := append(base[:len(base):len(base)], "KODUS_BYOK_KEYRING=file", "KODUS_BYOK_KEYRING_PASSPHRASE=test")
	ss := append(base[:len(base):len(base)], "KODUS_BYOK_KEYRING=secret-service")
	t.Cleanup(func() { killMarked(t, marker) })

	for i := 0; i < 18; i++ {
		if out, err := runCLI(t, file, "catalog"); err != nil {
			t.Fatalf("catalog: %v\n%s", err, out)
		}
	}
	if out, err := runCLI(t, file, "profile", "list", "--json"); err != nil {
		t.Fatalf("profile list: %v\n%s", err, out)
	}
	// A command that needs the Secret Service says there is no bus.
	out, err := runCLI(t, ss, "doctor")
	if err == nil {
		t.Fatalf("doctor with secret-service and no bus passed:\n%s", out)
	}
	if !strings.Contains(out, "no D-Bus session bus") || !strings.Contains(out, "DBUS_SESSION_BUS_ADDRESS is not set") {
		t.Errorf("the error does not say that there is no session bus:\n%s", out)
	}

	if b, err := os.ReadFile(launched); err == nil {
		t.Errorf("dbus-launch was run: %s", b)
	}
	if pids := marked(marker); len(pids) > 0 {
		t.Errorf("processes left behind by the commands: %s", strings.Join(pids, "; "))
	}
}

// marked lists the live processes whose environment holds the marker.
func marked(marker string) []string {
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	var out []string
	for _, d := range dirs {
		env, err := os.ReadFile(filepath.Join(d, "environ"))
		if err != nil || !strings.Contains(string(env), "KODUS_BYOK_TEST_MARKER="+marker) {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join(d, "cmdline"))
		out = append(out, filepath.Base(d)+" "+strings.TrimSpace(strings.ReplaceAll(string(cmdline), "\x00", " ")))
	}
	return out
}

// killMarked ends what a failing run left behind (only processes carrying
// this test's marker).
func killMarked(t *testing.T, marker string) {
	for _, p := range marked(marker) {
		pid, _, _ := strings.Cut(p, " ")
		if n, _ := strconv.Atoi(pid); n > 0 {
			if proc, err := os.FindProcess(n); err == nil {
				_ = proc.Kill()
			}
		}
	}
}

func randomHex(t *testing.T) string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// Package-level patterns compile on first use (backend/lazyre); this
// compiles every one linked into the program, so a broken pattern fails
// here and not in a user's command.
func TestEveryLazyPatternCompiles(t *testing.T) {
	if err := lazyre.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestWantsGUI(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, true},
		{[]string{"catalog"}, false},
		{[]string{"--version"}, false},
		{[]string{"-devserver", "127.0.0.1:1"}, false}, // only dev builds serve the UI
	} {
		if got := wantsGUI(tc.args); got != tc.want {
			t.Errorf("wantsGUI(%q) = %v", tc.args, got)
		}
	}
}

// One window per data dir: the lock id follows KODUS_BYOK_HOME.
func TestDataDirID(t *testing.T) {
	t.Setenv("KODUS_BYOK_HOME", "/a")
	a := dataDirID()
	t.Setenv("KODUS_BYOK_HOME", "/b")
	if b := dataDirID(); a == b || len(a) != 12 {
		t.Errorf("dataDirID = %q and %q", a, b)
	}
}

// --version and the version command print the version, the commit and
// the build date.
func TestVersion(t *testing.T) {
	flag, err := runCLI(t, nil, "--version")
	if err != nil {
		t.Fatalf("--version: %v\n%s", err, flag)
	}
	cmd, err := runCLI(t, nil, "version")
	if err != nil || cmd != flag {
		t.Fatalf("version = %q (%v), --version = %q", cmd, err, flag)
	}
	for _, want := range []string{"kodus-byok ", "(commit ", ", built ", "command line only"} {
		if !strings.Contains(flag, want) {
			t.Errorf("--version = %q, want %q in it", flag, want)
		}
	}
}

// The window icon compiled into the desktop app is the app icon at a size
// X11 accepts (GDK drops a 1024×1024 one).
func TestIconSizes(t *testing.T) {
	for path, size := range map[string]int{"build/appicon.png": 1024, "build/linux/windowicon.png": 256} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size || cfg.Height != size {
			t.Errorf("%s: %dx%d (%v), want %dx%d", path, cfg.Width, cfg.Height, err, size, size)
		}
	}
}
