// Package kodusinstall works with a self-hosted Kodus installed with Docker
// Compose (kodustech/kodus-installer): it finds the install directories,
// says which services read the LLM variables of the .env, recreates them
// with `docker compose up -d` and reads back what a container now sees.
//
// Compose reads env_file when it creates a container, so a changed .env
// reaches Kodus only when its containers are recreated; `up -d` recreates
// exactly the services whose configuration changed.
package kodusinstall

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v2"

	"github.com/kodusbyok/studio/backend/capped"
)

// ComposeFiles are the names Compose looks for, in its order.
var ComposeFiles = []string{"compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"}

// Service is one Compose service.
type Service struct {
	Name     string
	Image    string
	Profiles []string
}

// ImageName is the image without registry, owner and tag:
// ghcr.io/kodustech/kodus-ai-api:${IMAGE_TAG:-latest} → kodus-ai-api.
func (s Service) ImageName() string {
	img := s.Image
	if i := strings.LastIndex(img, "/"); i >= 0 {
		img = img[i+1:]
	}
	if i := strings.IndexAny(img, ":@"); i >= 0 {
		img = img[:i]
	}
	return img
}

// IsKodus reports whether the service runs one of Kodus's images.
func (s Service) IsKodus() bool { return strings.HasPrefix(s.ImageName(), "kodus-ai") }

// ReadsLLM reports whether the service runs the code that calls the LLM
// and so reads its variables: the API (BYOK Test, status, agents) and the
// workers (reviews). A 1.x install ran all of it in one kodus-ai image.
func (s Service) ReadsLLM() bool {
	switch s.ImageName() {
	case "kodus-ai-api", "kodus-ai-worker", "kodus-ai":
		return true
	}
	return false
}

// Compose is what the app needs of a compose file.
type Compose struct {
	Path     string
	Services []Service
}

// maxComposeBytes caps a compose file read, like the .env beside it.
const maxComposeBytes = 1 << 20

// ReadCompose parses a compose file.
func ReadCompose(path string) (Compose, error) {
	data, err := capped.ReadFile(path, maxComposeBytes)
	if errors.Is(err, capped.ErrTooLarge) {
		return Compose{}, fmt.Errorf("read %s: %w: a compose file is a few KB, so this is not one", path, err)
	}
	if err != nil {
		return Compose{}, fmt.Errorf("read %s: %w", path, err)
	}
	var doc struct {
		Services map[string]struct {
			Image    string   `yaml:"image"`
			Profiles []string `yaml:"profiles"`
		} `yaml:"services"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return Compose{}, fmt.Errorf("%s is not a valid compose file: %w", path, err)
	}
	c := Compose{Path: path}
	for name, s := range doc.Services {
		c.Services = append(c.Services, Service{Name: name, Image: s.Image, Profiles: s.Profiles})
	}
	sort.Slice(c.Services, func(i, j int) bool { return c.Services[i].Name < c.Services[j].Name })
	return c, nil
}

// IsKodus reports whether any service runs a Kodus image.
func (c Compose) IsKodus() bool {
	for _, s := range c.Services {
		if s.IsKodus() {
			return true
		}
	}
	return false
}

// LLMServices are the services to recreate after the .env changed: those
// that read the LLM variables and start by default. Services behind a
// Compose profile (the analytics worker) are listed by OptionalLLMServices:
// `up -d` on them would start one the user does not run.
func (c Compose) LLMServices() []string {
	var out []string
	for _, s := range c.Services {
		if s.ReadsLLM() && len(s.Profiles) == 0 {
			out = append(out, s.Name)
		}
	}
	return orderAPIFirst(out)
}

// OptionalLLMServices are the LLM-reading services behind a profile.
func (c Compose) OptionalLLMServices() []Service {
	var out []Service
	for _, s := range c.Services {
		if s.ReadsLLM() && len(s.Profiles) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// APIService is the service running Kodus's API, "" when there is none.
func (c Compose) APIService() string {
	for _, want := range []string{"kodus-ai-api", "kodus-ai"} {
		for _, s := range c.Services {
			if s.ImageName() == want && len(s.Profiles) == 0 {
				return s.Name
			}
		}
	}
	return ""
}

// orderAPIFirst lists "api" first, so that the API's progress (and its
// answer to the status read) comes first; the rest stay sorted.
func orderAPIFirst(names []string) []string {
	sort.SliceStable(names, func(i, j int) bool { return names[i] == "api" && names[j] != "api" })
	return names
}

// FindComposeFile returns the compose file in dir, or an error.
func FindComposeFile(dir string) (string, error) {
	for _, n := range ComposeFiles {
		p := filepath.Join(dir, n)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w in %s (looked for %s)", ErrNoCompose, dir, strings.Join(ComposeFiles, ", "))
}

// ErrNoCompose means a directory has no compose file.
var ErrNoCompose = errors.New("no compose file")
