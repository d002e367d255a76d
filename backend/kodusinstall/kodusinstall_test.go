package kodusinstall_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kodusbyok/studio/backend/capped"
	"github.com/kodusbyok/studio/backend/kodusinstall"
	"github.com/kodusbyok/studio/backend/kodusinstall/installtest"
)

func TestInstallerLayoutNamesTheServicesThatReadTheLLM(t *testing.T) {
	dir := installtest.Layout(t, "IMAGE_TAG=selfhosted-2.1.28")
	in, err := kodusinstall.Inspect(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in.LLMServices, []string{"api", "worker"}) {
		t.Fatalf("LLM services = %v", in.LLMServices)
	}
	if !reflect.DeepEqual(in.OptionalLLMServices, []string{"worker-analytics"}) || !strings.Contains(in.OptionalCommand, "docker compose --profile analytics up -d worker-analytics") {
		t.Fatalf("optional = %v %q", in.OptionalLLMServices, in.OptionalCommand)
	}
	if in.APIService != "api" || in.ImageTag != "selfhosted-2.1.28" || in.EnvFile != filepath.Join(dir, ".env") {
		t.Fatalf("install = %+v", in)
	}
}

func TestInspectRefusesWhatIsNotKodus(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "compose.yaml"), []byte("services:\n  db:\n    image: postgres:16\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := kodusinstall.Inspect(dir); !errors.Is(err, kodusinstall.ErrNotKodus) {
		t.Fatalf("err = %v", err)
	}
	if _, err := kodusinstall.Inspect(t.TempDir()); !errors.Is(err, kodusinstall.ErrNoCompose) {
		t.Fatalf("err = %v", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "compose.yaml"), []byte("services: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := kodusinstall.Inspect(dir); err == nil || !strings.Contains(err.Error(), "not a valid compose file") {
		t.Fatalf("err = %v", err)
	}
	missing := filepath.Join(dir, "missing")
	if _, err := kodusinstall.Inspect(missing); err == nil || err.Error() != missing+" does not exist: give the folder of your Kodus install, where its docker-compose.yml and .env are" {
		t.Fatalf("a missing folder: %v", err)
	}
	file := filepath.Join(dir, "compose.yaml")
	if _, err := kodusinstall.Inspect(file); err == nil || err.Error() != file+" is not a directory" {
		t.Fatalf("a file: %v", err)
	}
}

func TestFindLooksInTheHomeAndAmongRunningProjects(t *testing.T) {
	home := t.TempDir()
	inHome := installtest.Layout(t)
	if err := os.Rename(inHome, filepath.Join(home, "kodus-installer")); err != nil {
		t.Fatal(err)
	}
	running := installtest.Layout(t)
	d := installtest.NewDocker(t)
	d.SetRunning(t,
		running+"\tkodus\tapi\tghcr.io/kodustech/kodus-ai-api:latest",
		running+"\tkodus\tworker\tghcr.io/kodustech/kodus-ai-worker:latest",
		"/srv/other\tother\tweb\tnginx:1.27")
	res := kodusinstall.Find(context.Background(), kodusinstall.FindOptions{Start: t.TempDir(), Home: home, Docker: kodusinstall.Docker{Bin: d.Bin}})
	if len(res.Installs) != 2 || res.DockerNote != "" {
		t.Fatalf("found %+v", res)
	}
	if res.Installs[0].Dir != filepath.Join(home, "kodus-installer") || res.Installs[0].FoundBy[0] != "directory" {
		t.Fatalf("first = %+v", res.Installs[0])
	}
	if res.Installs[1].Dir != running || !reflect.DeepEqual(res.Installs[1].Running, []string{"api", "worker"}) {
		t.Fatalf("second = %+v", res.Installs[1])
	}
}

func TestFindWithoutDockerSaysSo(t *testing.T) {
	d := installtest.NewDocker(t)
	d.SetMode(t, "nodaemon")
	res := kodusinstall.Find(context.Background(), kodusinstall.FindOptions{Start: t.TempDir(), Docker: kodusinstall.Docker{Bin: d.Bin}})
	if len(res.Installs) != 0 || !strings.Contains(res.DockerNote, "Docker daemon is not running") {
		t.Fatalf("res = %+v", res)
	}
	res = kodusinstall.Find(context.Background(), kodusinstall.FindOptions{Start: t.TempDir()})
	if !strings.Contains(res.DockerNote, "no docker command") {
		t.Fatalf("res = %+v", res)
	}
}

func TestComposeUpStreamsAndRecreatesWithTheNewEnv(t *testing.T) {
	dir := installtest.Layout(t, "API_LLM_PROVIDER_MODEL=gpt-5.4")
	d := installtest.NewDocker(t)
	dk := kodusinstall.Docker{Bin: d.Bin}
	var lines []string
	if _, err := dk.ComposeUp(context.Background(), dir, []string{"api", "worker"}, func(l string) { lines = append(lines, l) }); err != nil {
		t.Fatal(err)
	}
	calls := d.Calls(t)
	if len(calls) != 1 || calls[0].Dir != dir || calls[0].Args != "compose up -d api worker" {
		t.Fatalf("calls = %+v", calls)
	}
	if len(lines) == 0 || !strings.Contains(strings.Join(lines, "\n"), "Container kodus-api  Started") {
		t.Fatalf("lines = %q", lines)
	}
	env, err := dk.ComposeEnv(context.Background(), dir, "api")
	if err != nil || env["API_LLM_PROVIDER_MODEL"] != "gpt-5.4" || env["API_CRON_ORG_REPORT"] != "0 9 1 * *" {
		t.Fatalf("env = %v, %v", env["API_LLM_PROVIDER_MODEL"], err)
	}
}

func TestDockerErrorsAreClassified(t *testing.T) {
	d := installtest.NewDocker(t)
	dk := kodusinstall.Docker{Bin: d.Bin}
	for mode, kind := range map[string]string{"nodaemon": kodusinstall.KindDaemon, "denied": kodusinstall.KindPermission} {
		d.SetMode(t, mode)
		_, err := dk.ComposeUp(context.Background(), t.TempDir(), []string{"api"}, nil)
		var de *kodusinstall.DockerError
		if !errors.As(err, &de) || de.Kind != kind || !de.Unavailable() {
			t.Fatalf("%s: err = %v", mode, err)
		}
	}
	_, err := kodusinstall.Docker{}.ComposeUp(context.Background(), t.TempDir(), []string{"api"}, nil)
	var de *kodusinstall.DockerError
	if !errors.As(err, &de) || de.Kind != kodusinstall.KindMissing {
		t.Fatalf("err = %v", err)
	}
	_, err = kodusinstall.Docker{Bin: filepath.Join(t.TempDir(), "docker")}.ComposeUp(context.Background(), t.TempDir(), []string{"api"}, nil)
	if !errors.As(err, &de) || de.Kind != kodusinstall.KindMissing {
		t.Fatalf("err = %v", err)
	}
}

func TestDockerFromEnv(t *testing.T) {
	d := installtest.NewDocker(t)
	env := map[string]string{"PATH": "/nonexistent:" + d.Dir}
	if got := kodusinstall.DockerFromEnv(func(k string) string { return env[k] }); got.Bin != d.Bin {
		t.Fatalf("bin = %q", got.Bin)
	}
	env = map[string]string{kodusinstall.EnvDocker: "/x/docker", "PATH": d.Dir}
	if got := kodusinstall.DockerFromEnv(func(k string) string { return env[k] }); got.Bin != "/x/docker" {
		t.Fatalf("bin = %q", got.Bin)
	}
	if got := kodusinstall.DockerFromEnv(func(string) string { return "" }); got.Bin != "" {
		t.Fatalf("bin = %q", got.Bin)
	}
}

func TestUpCommandQuotes(t *testing.T) {
	if got := kodusinstall.UpCommand("/opt/kodus", []string{"api", "worker"}); got != "cd /opt/kodus && docker compose up -d api worker" {
		t.Fatal(got)
	}
	if got := kodusinstall.UpCommand("/home/me/my kodus", []string{"api"}); got != "cd '/home/me/my kodus' && docker compose up -d api" {
		t.Fatal(got)
	}
}

// A .env or compose file far bigger than an installer's is refused with a
// clear error, never read whole.
func TestOversizedFilesAreRefused(t *testing.T) {
	dir := installtest.Layout(t)
	envPath := filepath.Join(dir, ".env")
	big := "IMAGE_TAG=selfhosted-2.1.28\n" + strings.Repeat("# padding\n", 200_000)
	if err := os.WriteFile(envPath, []byte(big), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := kodusinstall.ReadEnvFile(envPath)
	if !errors.Is(err, capped.ErrTooLarge) || !strings.Contains(err.Error(), envPath) || !strings.Contains(err.Error(), "not one") {
		t.Fatalf("ReadEnvFile = %v", err)
	}
	in, err := kodusinstall.Inspect(dir)
	if err != nil || in.ImageTag != "" || !strings.Contains(in.Problem, "too large") {
		t.Fatalf("Inspect = %+v, %v", in, err)
	}

	dir2 := t.TempDir()
	compose := "services:\n  api:\n    image: ghcr.io/kodustech/kodus-ai-api:latest\n" + strings.Repeat("# padding\n", 200_000)
	if err := os.WriteFile(filepath.Join(dir2, "compose.yaml"), []byte(compose), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := kodusinstall.Inspect(dir2); !errors.Is(err, capped.ErrTooLarge) || !strings.Contains(err.Error(), "compose file") {
		t.Fatalf("Inspect of a huge compose file = %v", err)
	}
}
