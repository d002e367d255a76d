package kodusinstall

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/joho/godotenv"

	"github.com/kodusbyok/studio/backend/envfile"
)

// EnvDocker names the docker CLI to use instead of the one on PATH.
const EnvDocker = "KODUS_BYOK_DOCKER"

// Docker runs the docker CLI. Bin is "" when there is none.
type Docker struct{ Bin string }

// DockerFromEnv finds the docker CLI: $KODUS_BYOK_DOCKER, else "docker" on
// $PATH (both read through getenv, so tests choose a stand-in).
func DockerFromEnv(getenv func(string) string) Docker {
	if b := strings.TrimSpace(getenv(EnvDocker)); b != "" {
		return Docker{Bin: b}
	}
	for _, dir := range filepath.SplitList(getenv("PATH")) {
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, "docker")
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return Docker{Bin: p}
		}
	}
	return Docker{}
}

// Error kinds: why Docker could not be used.
const (
	KindMissing    = "missing"    // no docker command
	KindDaemon     = "daemon"     // the daemon is not running or not reachable
	KindPermission = "permission" // the user may not use the daemon's socket
	KindNoCompose  = "no-compose" // docker without the compose plugin
	KindFailed     = "failed"     // the command ran and failed
)

// DockerError is a docker command that did not do its work, with Docker's
// own last lines.
type DockerError struct {
	Kind    string
	Command string
	Output  string
}

func (e *DockerError) Error() string {
	switch e.Kind {
	case KindMissing:
		return "Docker is not installed here (no docker command on PATH; " + EnvDocker + " names another)"
	case KindDaemon:
		return "the Docker daemon is not running or not reachable: " + lastLine(e.Output)
	case KindPermission:
		return "this user may not use Docker (permission denied on the Docker socket): add it to the docker group, or run the command with sudo"
	case KindNoCompose:
		return "Docker Compose v2 is not installed (docker compose): " + lastLine(e.Output)
	}
	return fmt.Sprintf("%s failed: %s", e.Command, lastLine(e.Output))
}

// Unavailable reports whether Docker itself could not be used (as opposed
// to a command that ran and failed).
func (e *DockerError) Unavailable() bool { return e.Kind != KindFailed }

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// classify reads Docker's error output.
func classify(cmd, out string, err error) error {
	if err == nil {
		return nil
	}
	low := strings.ToLower(out)
	kind := KindFailed
	switch {
	case errors.Is(err, exec.ErrNotFound) || errors.Is(err, os.ErrNotExist):
		kind = KindMissing
	case strings.Contains(low, "permission denied") && strings.Contains(low, "docker"):
		kind = KindPermission
	case strings.Contains(low, "cannot connect to the docker daemon") || strings.Contains(low, "is the docker daemon running") || strings.Contains(low, "error during connect"):
		kind = KindDaemon
	case strings.Contains(low, "'compose' is not a docker command") || strings.Contains(low, "unknown command \"compose\""):
		kind = KindNoCompose
	}
	if out == "" {
		out = err.Error()
	}
	return &DockerError{Kind: kind, Command: cmd, Output: out}
}

// run runs docker with args in dir; every output line goes to onLine as it
// comes (Compose writes its progress to stderr).
func (d Docker) run(ctx context.Context, dir string, onLine func(string), args ...string) (string, error) {
	display := "docker " + strings.Join(args, " ")
	if d.Bin == "" {
		return "", &DockerError{Kind: KindMissing, Command: display}
	}
	cmd := exec.CommandContext(ctx, d.Bin, args...)
	cmd.Dir = dir
	cmd.Stdin = nil
	var all bytes.Buffer
	var mu sync.Mutex
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			mu.Lock()
			all.WriteString(line + "\n")
			mu.Unlock()
			if onLine != nil {
				onLine(line)
			}
		}
		io.Copy(io.Discard, pr)
	}()
	err := cmd.Run()
	pw.Close()
	<-done
	return all.String(), classify(display, all.String(), err)
}

// ComposeUp recreates services in dir with `docker compose up -d`,
// streaming Compose's output to onLine.
func (d Docker) ComposeUp(ctx context.Context, dir string, services []string, onLine func(string)) (string, error) {
	args := append([]string{"compose", "up", "-d"}, services...)
	return d.run(ctx, dir, onLine, args...)
}

// ComposeEnv reads the environment a running service's container sees
// (`docker compose exec -T SERVICE env`).
func (d Docker) ComposeEnv(ctx context.Context, dir, service string) (map[string]string, error) {
	out, err := d.run(ctx, dir, nil, "compose", "exec", "-T", service, "env")
	if err != nil {
		return nil, err
	}
	vals := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		k, v, ok := strings.Cut(line, "=")
		if ok && k != "" && !strings.ContainsAny(k, " \t") {
			vals[k] = v
		}
	}
	return vals, nil
}

// RunningProject is a Compose project with running containers.
type RunningProject struct {
	Name     string
	Dir      string
	Services []string
	Images   []string
}

// RunningProjects lists Compose projects from the labels Compose puts on
// its containers (`docker ps`).
func (d Docker) RunningProjects(ctx context.Context) ([]RunningProject, error) {
	out, err := d.run(ctx, "", nil, "ps", "--filter", "label=com.docker.compose.project",
		"--format", `{{.Label "com.docker.compose.project.working_dir"}}`+"\t"+`{{.Label "com.docker.compose.project"}}`+"\t"+`{{.Label "com.docker.compose.service"}}`+"\t"+"{{.Image}}")
	if err != nil {
		return nil, err
	}
	byDir := map[string]*RunningProject{}
	var order []string
	for _, line := range strings.Split(out, "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" {
			continue
		}
		p := byDir[f[0]]
		if p == nil {
			p = &RunningProject{Name: f[1], Dir: f[0]}
			byDir[f[0]] = p
			order = append(order, f[0])
		}
		p.Services = append(p.Services, f[2])
		p.Images = append(p.Images, f[3])
	}
	res := make([]RunningProject, 0, len(order))
	for _, d := range order {
		res = append(res, *byDir[d])
	}
	return res, nil
}

// UpCommand is the exact command a user runs to do ComposeUp by hand.
func UpCommand(dir string, services []string) string {
	return "cd " + shellQuote(dir) + " && docker compose up -d " + strings.Join(services, " ")
}

// ExecEnvCommand is the command that shows what the container now sees.
func ExecEnvCommand(dir, service string) string {
	return "cd " + shellQuote(dir) + " && docker compose exec -T " + service + " env | grep -E '^API_(LLM|OPEN)'"
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r == '/' || r == '.' || r == '_' || r == '-' || r == '~' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// ReadEnvFile parses a .env (Compose's dialect, as godotenv reads it), at
// most envfile.MaxFileBytes of it: a bigger file is not a Kodus .env.
func ReadEnvFile(path string) (map[string]string, error) {
	data, err := envfile.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	vals, err := godotenv.UnmarshalBytes(data)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return vals, nil
}
