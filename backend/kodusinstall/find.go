package kodusinstall

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Install is one Kodus install directory: a compose file whose services run
// Kodus's images, with the .env Compose reads beside it.
type Install struct {
	Dir         string `json:"dir"`
	ComposeFile string `json:"composeFile"`
	// EnvFile is "" when the directory has no .env yet.
	EnvFile string `json:"envFile"`
	// Services are all the compose services; LLMServices those recreated
	// after the .env changed; OptionalLLMServices those behind a profile.
	Services            []string `json:"services"`
	LLMServices         []string `json:"llmServices"`
	OptionalLLMServices []string `json:"optionalLLMServices"`
	APIService          string   `json:"apiService"`
	// OptionalCommand recreates the optional services, for users who run them.
	OptionalCommand string `json:"optionalCommand,omitempty"`
	// ImageTag is the .env's IMAGE_TAG ("" = the compose default, latest).
	ImageTag string `json:"imageTag"`
	// FoundBy says how it was found: "directory", "running containers" or
	// "chosen".
	FoundBy []string `json:"foundBy"`
	// Running are the services Docker reports running ("docker ps").
	Running []string `json:"running"`
	Problem string   `json:"problem,omitempty"`
}

// FindOptions say where to look.
type FindOptions struct {
	// Start is the directory whose ancestors are searched (the cwd).
	Start string
	// Home is the user's home: ~/kodus-installer and ~/kodus.
	Home string
	// Globs are extra patterns (/opt/kodus*).
	Globs []string
	// Docker lists running Compose projects; the zero value skips them.
	Docker Docker
}

// DefaultGlobs are searched besides the current directory and the home.
var DefaultGlobs = []string{"/opt/kodus*"}

// FindResult lists the installs and what could not be checked.
type FindResult struct {
	Installs []Install `json:"installs"`
	// Searched are the directories looked in.
	Searched []string `json:"searched"`
	// DockerNote says why running containers were not checked, or "".
	DockerNote string `json:"dockerNote,omitempty"`
}

// Find looks for Kodus installs in the usual places and among the running
// Compose projects.
func Find(ctx context.Context, o FindOptions) FindResult {
	var dirs []string
	if o.Start != "" {
		for d := filepath.Clean(o.Start); ; d = filepath.Dir(d) {
			dirs = append(dirs, d)
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if o.Home != "" {
		dirs = append(dirs, filepath.Join(o.Home, "kodus-installer"), filepath.Join(o.Home, "kodus"))
	}
	for _, g := range o.Globs {
		m, _ := filepath.Glob(g)
		dirs = append(dirs, m...)
	}
	res := FindResult{Installs: []Install{}, Searched: []string{}}
	byDir := map[string]int{}
	add := func(in Install, by string) {
		if i, ok := byDir[in.Dir]; ok {
			res.Installs[i].FoundBy = appendOnce(res.Installs[i].FoundBy, by)
			return
		}
		in.FoundBy = []string{by}
		byDir[in.Dir] = len(res.Installs)
		res.Installs = append(res.Installs, in)
	}
	for _, d := range dirs {
		res.Searched = append(res.Searched, d)
		if in, err := Inspect(d); err == nil {
			add(in, "directory")
		}
	}
	if o.Docker.Bin == "" {
		res.DockerNote = "running containers not checked: no docker command here"
	} else {
		projects, err := o.Docker.RunningProjects(ctx)
		if err != nil {
			res.DockerNote = "running containers not checked: " + err.Error()
		}
		for _, p := range projects {
			if !anyKodusImage(p.Images) {
				continue
			}
			in, err := Inspect(p.Dir)
			if err != nil {
				in = Install{Dir: p.Dir, Problem: fmt.Sprintf("Compose project %q runs Kodus from %s, but %v", p.Name, p.Dir, err)}
			}
			add(in, "running containers")
			i := byDir[in.Dir]
			res.Installs[i].Running = p.Services
			sort.Strings(res.Installs[i].Running)
		}
	}
	return res
}

func anyKodusImage(images []string) bool {
	for _, img := range images {
		if (Service{Image: img}).IsKodus() {
			return true
		}
	}
	return false
}

func appendOnce(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// ErrNotKodus means a compose file runs no Kodus image.
var ErrNotKodus = errors.New("its compose file runs no Kodus image (ghcr.io/kodustech/kodus-ai-*)")

// Inspect reads one directory as a Kodus install.
func Inspect(dir string) (Install, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Install{}, err
	}
	st, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Install{}, fmt.Errorf("%s does not exist: give the folder of your Kodus install, where its docker-compose.yml and .env are", abs)
	case errors.Is(err, fs.ErrPermission):
		return Install{}, fmt.Errorf("%s cannot be read by this user: run as the user who owns the Kodus install (%w)", abs, err)
	case err != nil:
		return Install{}, fmt.Errorf("%s: %w", abs, err)
	}
	if !st.IsDir() {
		return Install{}, fmt.Errorf("%s is not a directory", abs)
	}
	cf, err := FindComposeFile(abs)
	if err != nil {
		return Install{}, err
	}
	c, err := ReadCompose(cf)
	if err != nil {
		return Install{}, err
	}
	if !c.IsKodus() {
		return Install{}, fmt.Errorf("%s: %w", cf, ErrNotKodus)
	}
	in := Install{Dir: abs, ComposeFile: cf, LLMServices: c.LLMServices(), APIService: c.APIService(), Services: []string{}, OptionalLLMServices: []string{}, Running: []string{}}
	for _, s := range c.Services {
		in.Services = append(in.Services, s.Name)
	}
	for _, s := range c.OptionalLLMServices() {
		in.OptionalLLMServices = append(in.OptionalLLMServices, s.Name)
	}
	in.OptionalCommand = optionalCommand(abs, c)
	if in.LLMServices == nil {
		in.LLMServices = []string{}
	}
	envPath := filepath.Join(abs, ".env")
	if _, err := os.Stat(envPath); err != nil {
		in.Problem = "no .env beside " + filepath.Base(cf) + ": create it from the installer's .env.example first"
		return in, nil
	}
	in.EnvFile = envPath
	if vals, err := ReadEnvFile(envPath); err == nil {
		in.ImageTag = strings.TrimSpace(vals["IMAGE_TAG"])
	} else {
		in.Problem = err.Error()
	}
	return in, nil
}

// optionalCommand is the command for the profile-gated LLM services.
func optionalCommand(dir string, c Compose) string {
	var parts []string
	for _, s := range c.OptionalLLMServices() {
		prof := ""
		for _, p := range s.Profiles {
			prof += " --profile " + p
		}
		parts = append(parts, "cd "+shellQuote(dir)+" && docker compose"+prof+" up -d "+s.Name)
	}
	return strings.Join(parts, "; ")
}
