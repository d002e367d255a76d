// Package installtest gives tests a Kodus install directory (the
// installer's layout: its docker-compose.yml and .env) and a stand-in
// docker CLI that records the Compose calls instead of reaching a daemon.
// The browser tests use the same script (docker.sh) and compose file.
package installtest

import (
	_ "embed"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

//go:embed docker.sh
var script string

//go:embed testdata/docker-compose.yml
var composeFile []byte

// Docker is a stand-in docker CLI on disk.
type Docker struct {
	// Dir holds the executable "docker": put it first on PATH.
	Dir string
	// Bin is its full path.
	Bin string
	// State keeps the call log and the containers' environments.
	State string
}

// NewDocker writes the stand-in for the test's lifetime.
func NewDocker(t testing.TB) *Docker {
	t.Helper()
	root := t.TempDir()
	d := &Docker{Dir: filepath.Join(root, "bin"), State: filepath.Join(root, "state")}
	d.Bin = filepath.Join(d.Dir, "docker")
	for _, dir := range []string{d.Dir, d.State} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	body := strings.ReplaceAll(script, "@STATE@", d.State)
	if err := os.WriteFile(d.Bin, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// Call is one recorded invocation.
type Call struct {
	Dir  string
	Args string
}

// Calls lists the invocations in order.
func (d *Docker) Calls(t testing.TB) []Call {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(d.State, "calls.log"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var calls []Call
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		dir, args, _ := strings.Cut(line, "\t")
		calls = append(calls, Call{Dir: dir, Args: args})
	}
	return calls
}

// SetMode makes every call fail as Docker does: "nodaemon" or "denied";
// "" works again.
func (d *Docker) SetMode(t testing.TB, mode string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(d.State, "mode"), []byte(mode), 0o644); err != nil {
		t.Fatal(err)
	}
}

// SetRunning sets what `docker ps` lists: lines of working dir, project,
// service and image, tab-separated.
func (d *Docker) SetRunning(t testing.TB, lines ...string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(d.State, "ps.txt"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// ContainerEnvFile is where a service's container environment is kept
// once Compose recreated it.
func (d *Docker) ContainerEnvFile(service string) string {
	return filepath.Join(d.State, "containers", service+".env")
}

// Layout creates a Kodus install directory: the installer-like compose
// file and a complete .env in the installer's layout (mode 0600, as the
// installer leaves it). extra lines are appended to the .env.
func Layout(t testing.TB, extra ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "kodus-installer")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	env, err := os.ReadFile(EnvFixture())
	if err != nil {
		t.Fatal(err)
	}
	if len(extra) > 0 {
		env = append(env, []byte("\n"+strings.Join(extra, "\n")+"\n")...)
	}
	if err := os.WriteFile(filepath.Join(dir, ".env"), env, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "docker-compose.yml"), composeFile, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// EnvFixture is the installer-layout .env the envfile tests use too.
func EnvFixture() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "..", "envfile", "testdata", "kodus-env-layout.env")
}
