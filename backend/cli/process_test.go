package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/kodusbyok/studio/backend/profile"
	"github.com/kodusbyok/studio/backend/store"
)

// These tests run the command line as real processes: a crash of the Go
// runtime ("fatal error", a goroutine dump) cannot be caught in-process.
// The test binary itself is the command line when this variable is set.
const asCLI = "KODUS_BYOK_TEST_AS_CLI"

func init() {
	if os.Getenv(asCLI) == "1" {
		os.Exit(Run(context.Background(), OSEnv(os.Args[1:])))
	}
}

type procResult struct {
	code           int
	stdout, stderr string
}

// cliProc is one run of the command line in its own process, on home.
type cliProc struct {
	bin  string
	home string
	uid  int // run as this user when the tests run as root (0: as is)
}

func (c cliProc) command(stdin string, args ...string) *exec.Cmd {
	cmd := exec.Command(c.bin, args...)
	cmd.Env = []string{asCLI + "=1", "KODUS_BYOK_HOME=" + c.home, "KODUS_BYOK_KEYRING=file",
		"KODUS_BYOK_KEYRING_PASSPHRASE=process-test", "DBUS_SESSION_BUS_ADDRESS=disabled:", "HOME=" + c.home, "PATH=" + os.Getenv("PATH")}
	cmd.Stdin = strings.NewReader(stdin)
	if c.uid != 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(c.uid), Gid: uint32(c.uid)}}
	}
	return cmd
}

func (c cliProc) run(t *testing.T, stdin string, args ...string) procResult {
	t.Helper()
	var out, errb bytes.Buffer
	var err error
	// A binary just copied can be "text file busy" while another test's
	// fork still holds the copy's write descriptor (golang/go#22315).
	for try := 0; ; try++ {
		out.Reset()
		errb.Reset()
		cmd := c.command(stdin, args...)
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err = cmd.Run(); !errors.Is(err, syscall.ETXTBSY) || try == 50 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return procResult{code, out.String(), errb.String()}
}

// noCrash fails on any sign of a Go runtime crash or a stack trace.
func noCrash(t *testing.T, r procResult) {
	t.Helper()
	all := r.stdout + r.stderr
	for _, bad := range []string{"fatal error", "goroutine ", "panic:", "internal error", "SIGBUS", "SIGSEGV"} {
		if strings.Contains(all, bad) {
			t.Fatalf("exit %d with %q in the output:\n%s", r.code, bad, all)
		}
	}
}

// oneLine: a failure is one clear line on standard error.
func oneLine(t *testing.T, r procResult, want ...string) {
	t.Helper()
	msg := strings.TrimSuffix(r.stderr, "\n")
	if msg == "" || strings.Contains(msg, "\n") {
		t.Fatalf("stderr is not one line:\n%s", r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("stderr %q does not say %q", msg, w)
		}
	}
}

// dbWithProfiles writes a real profile database with n profiles.
func dbWithProfiles(t *testing.T, home string, n int) string {
	t.Helper()
	s := store.New(filepath.Join(home, "profiles.db"))
	for i := range n {
		p := profile.Profile{Name: fmt.Sprintf("p%03d", i), Main: profile.Slot{Settings: profile.Settings{Provider: "openai", Model: "gpt-5.4", BaseURL: "https://api.openai.com/v1" + strings.Repeat("/x", 100)}}}
		if err := s.PutProfile(p); err != nil {
			t.Fatal(err)
		}
	}
	return s.Path
}

// otherUser: as root, the read-only cases run as nobody, since root may
// write any file; otherwise as the current user.
func otherUser(t *testing.T, c cliProc) cliProc {
	t.Helper()
	if os.Geteuid() != 0 {
		return c
	}
	// nobody must be able to reach the binary and the data dir: both move
	// to a folder it may enter (t.TempDir's parent is private).
	dir := openDir(t)
	bin := filepath.Join(dir, "kodus-byok")
	src, err := os.Open(c.bin)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	dst.Close()
	home := filepath.Join(dir, "home")
	if err := os.Rename(c.home, home); err != nil {
		t.Fatal(err)
	}
	c.bin, c.home, c.uid = bin, home, 65534
	return c
}

func openDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "kodus-byok-process-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func chownTree(t *testing.T, dir string, uid int) {
	t.Helper()
	if uid == 0 {
		return
	}
	if err := filepath.Walk(dir, func(p string, _ os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, uid, uid)
	}); err != nil {
		t.Fatal(err)
	}
}

// `profile list` on every kind of broken database: exit 1 (0 when the file
// is only read-only) with one clear line, no runtime crash, and the file
// exactly as it was.
func TestProfileListOnBrokenDatabases(t *testing.T) {
	bin := os.Args[0]
	random := make([]byte, 48<<10)
	rand.Read(random)
	cases := []struct {
		name  string
		setup func(t *testing.T, c *cliProc) (path string, release func())
		code  int
		want  []string
	}{
		{"held by another process", func(t *testing.T, c *cliProc) (string, func()) {
			path := dbWithProfiles(t, c.home, 1)
			holder, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
			if err != nil {
				t.Fatal(err)
			}
			return path, func() { holder.Close() }
		}, 1, []string{"in use by another kodus-byok process"}},
		{"cut short", func(t *testing.T, c *cliProc) (string, func()) {
			path := dbWithProfiles(t, c.home, 60)
			data, _ := os.ReadFile(path)
			if err := os.WriteFile(path, data[:4*4096], 0o600); err != nil {
				t.Fatal(err)
			}
			return path, nil
		}, 1, []string{"is not a profile database", "cut short", "a copy is kept as"}},
		{"random bytes", func(t *testing.T, c *cliProc) (string, func()) {
			path := filepath.Join(c.home, "profiles.db")
			if err := os.WriteFile(path, random, 0o600); err != nil {
				t.Fatal(err)
			}
			return path, nil
		}, 1, []string{"is not a profile database"}},
		{"zero length", func(t *testing.T, c *cliProc) (string, func()) {
			path := filepath.Join(c.home, "profiles.db")
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			return path, nil
		}, 1, []string{"is empty (0 bytes)", "restore it from a backup"}},
		{"read-only file in a read-only folder", func(t *testing.T, c *cliProc) (string, func()) {
			dbWithProfiles(t, c.home, 2)
			*c = otherUser(t, *c)
			chownTree(t, c.home, c.uid)
			path := filepath.Join(c.home, "profiles.db")
			if err := os.Chmod(path, 0o400); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(c.home, 0o500); err != nil {
				t.Fatal(err)
			}
			return path, func() { _ = os.Chmod(c.home, 0o700) } // best effort: the temp dir goes anyway
		}, 0, nil},
		{"unreadable file", func(t *testing.T, c *cliProc) (string, func()) {
			dbWithProfiles(t, c.home, 1)
			*c = otherUser(t, *c)
			chownTree(t, c.home, c.uid)
			path := filepath.Join(c.home, "profiles.db")
			if err := os.Chmod(path, 0o000); err != nil {
				t.Fatal(err)
			}
			return path, nil
		}, 1, []string{"permission denied"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := cliProc{bin: bin, home: t.TempDir()}
			path, release := tc.setup(t, &c)
			if release != nil {
				defer release()
			}
			before, err := os.ReadFile(path)
			if err != nil && !os.IsPermission(err) {
				t.Fatal(err)
			}
			r := c.run(t, "", "profile", "list")
			noCrash(t, r)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tc.code, r.stdout, r.stderr)
			}
			if tc.code == 0 {
				if !strings.Contains(r.stdout, "p000") || !strings.Contains(r.stdout, "p001") {
					t.Fatalf("profiles not listed:\n%s", r.stdout)
				}
			} else {
				oneLine(t, r, append(tc.want, path)...)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatal("the database file changed")
			}
		})
	}
}

// A hundred `profile set` processes at once, each its own profile: none
// crashes, and each either saved (and its key reads back) or said the
// database was in use. The database is held for the first 3 seconds, as a
// long write or a slow disk would: they all have to wait their turn.
func TestParallelWritersNeverCrash(t *testing.T) {
	const writers = 100
	c := cliProc{bin: os.Args[0], home: t.TempDir()}
	holder, err := bolt.Open(dbWithProfiles(t, c.home, 1), 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	type job struct {
		name string
		cmd  *exec.Cmd
		out  bytes.Buffer
		err  bytes.Buffer
	}
	jobs := make([]*job, writers)
	for i := range jobs {
		j := &job{name: fmt.Sprintf("w%03d", i)}
		j.cmd = c.command(fmt.Sprintf("sk-proj-FAKEparallel%04d", i), "profile", "set", j.name, "--provider", "openai", "--model", "gpt-5.4", "--key-stdin")
		j.cmd.Stdout, j.cmd.Stderr = &j.out, &j.err
		jobs[i] = j
	}
	for _, j := range jobs {
		if err := j.cmd.Start(); err != nil {
			t.Fatal(err)
		}
	}
	time.AfterFunc(3*time.Second, func() { holder.Close() })
	var saved []string
	busy := 0
	for _, j := range jobs {
		err := j.cmd.Wait()
		r := procResult{code: j.cmd.ProcessState.ExitCode(), stdout: j.out.String(), stderr: j.err.String()}
		if err != nil && r.code == -1 {
			t.Fatalf("%s: %v", j.name, err)
		}
		noCrash(t, r)
		switch {
		case r.code == 0:
			saved = append(saved, j.name)
		case r.code == 1 && strings.Contains(r.stderr, "in use by another kodus-byok process"):
			busy++
		default:
			t.Fatalf("%s: exit %d\nstdout: %s\nstderr: %s", j.name, r.code, r.stdout, r.stderr)
		}
	}
	t.Logf("%d saved, %d told the database was in use", len(saved), busy)
	h := &harness{t: t, env: map[string]string{"KODUS_BYOK_HOME": c.home, "KODUS_BYOK_KEYRING": "file", "KODUS_BYOK_KEYRING_PASSPHRASE": "process-test"}}
	list := h.ok("", "profile", "list")
	for _, name := range saved {
		if !strings.Contains(list.stdout, name) {
			t.Errorf("%s said saved but is not listed", name)
		}
		if r := h.run("", "env", name); r.code != 0 || !strings.Contains(r.stdout, "sk-proj-FAKEparallel") {
			t.Errorf("%s: its key does not read back: exit %d %s", name, r.code, r.stderr)
		}
	}
}
