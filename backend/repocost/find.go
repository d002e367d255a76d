package repocost

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5"
	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	cfgformat "github.com/go-git/go-git/v5/plumbing/format/config"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/filesystem/dotgit"
)

// The repository is found and opened as go-git's PlainOpenWithOptions
// (DetectDotGit, EnableDotGitCommonDir) and Open do, on go-git's storage
// alone: the root package would link every transport (ssh, http, their
// crypto), and their start-up, into the command line.

// errNoDotGit is go-git's "repository does not exist": findRepository
// words it for the user.
var errNoDotGit = errors.New("repository does not exist")

// opener opens handles on one repository found once.
type opener struct {
	fs   billy.Filesystem // the git folder (with its common folder, in a linked worktree)
	root string           // the checkout
}

// findRepository locates the repository at dir or above it: a checkout or
// any sub-folder of one, a linked worktree, or a bare repository (its
// history is all a scan reads).
func findRepository(dir string) (*opener, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, fmt.Errorf("%w: no folder given", ErrNotRepository)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotRepository, dir, err)
	}
	fi, err := os.Stat(abs)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: %s does not exist or cannot be read", ErrNotRepository, abs)
	case !fi.IsDir():
		return nil, fmt.Errorf("%w: %s is a file, not a folder", ErrNotRepository, abs)
	}
	op, err := openDotGit(abs)
	if errors.Is(err, errNoDotGit) {
		return nil, fmt.Errorf("%w: no .git in %s or any folder above it", ErrNotRepository, abs)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotRepository, abs, err)
	}
	return op, nil
}

// openDotGit finds the .git at dir or above it and checks that go-git can
// read what it points to.
func openDotGit(dir string) (*opener, error) {
	root, dot, err := findDotGit(dir)
	if err != nil {
		return nil, err
	}
	if _, err := dot.Stat(""); err != nil {
		if os.IsNotExist(err) {
			return nil, errNoDotGit
		}
		return nil, err
	}
	common, err := commonDir(dot)
	if err != nil {
		return nil, err
	}
	op := &opener{fs: dotgit.NewRepositoryFilesystem(dot, common), root: root}
	st := filesystem.NewStorage(op.fs, cache.NewObjectLRUDefault())
	defer st.Close()
	if _, err := st.Reference(plumbing.HEAD); errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, errNoDotGit
	}
	cfg, err := st.Config()
	if err != nil {
		return nil, err
	}
	if err := checkExtensions(cfg.Core.RepositoryFormatVersion, cfg.Raw); err != nil {
		return nil, err
	}
	return op, nil
}

// findDotGit walks up from dir to the first folder holding .git: a folder,
// or a file naming the git folder elsewhere (a linked worktree); or to a
// bare repository, which is its own git folder.
func findDotGit(dir string) (root string, dot billy.Filesystem, err error) {
	for {
		fi, err := os.Stat(filepath.Join(dir, ".git"))
		if err == nil {
			if fi.IsDir() {
				return dir, osfs.New(filepath.Join(dir, ".git")), nil
			}
			dot, err := gitdirFile(dir)
			return dir, dot, err
		}
		if !os.IsNotExist(err) {
			return "", nil, err
		}
		if isBare(dir) {
			return dir, osfs.New(dir), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil, errNoDotGit
		}
		dir = parent
	}
}

// isBare reports whether dir is a git folder of its own, as git tells
// one: a HEAD file beside objects/ and refs/ folders. A checkout's .git
// folder looks the same; it is left to the walk, which reports the
// checkout around it.
func isBare(dir string) bool {
	if filepath.Base(dir) == ".git" {
		return false
	}
	head, err := os.Stat(filepath.Join(dir, "HEAD"))
	if err != nil || !head.Mode().IsRegular() {
		return false
	}
	for _, sub := range []string{"objects", "refs"} {
		if fi, err := os.Stat(filepath.Join(dir, sub)); err != nil || !fi.IsDir() {
			return false
		}
	}
	return true
}

// gitdirFile reads the "gitdir: PATH" of dir/.git (PATH may be relative
// to dir).
func gitdirFile(dir string) (billy.Filesystem, error) {
	b, err := os.ReadFile(filepath.Join(dir, ".git"))
	if err != nil {
		return nil, err
	}
	const prefix = "gitdir: "
	line := string(b)
	if !strings.HasPrefix(line, prefix) {
		return nil, fmt.Errorf(".git file has no %s prefix", prefix)
	}
	gitdir, _, _ := strings.Cut(line[len(prefix):], "\n")
	gitdir = strings.TrimSpace(gitdir)
	if !filepath.IsAbs(gitdir) {
		gitdir = filepath.Join(dir, gitdir)
	}
	return osfs.New(gitdir), nil
}

// commonDir is the folder a linked worktree shares refs, objects and
// config with (its commondir file), or nil.
func commonDir(dot billy.Filesystem) (billy.Filesystem, error) {
	b, err := os.ReadFile(filepath.Join(dot.Root(), "commondir"))
	if os.IsNotExist(err) || (err == nil && len(b) == 0) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	path := strings.TrimSpace(string(b))
	if !filepath.IsAbs(path) {
		path = filepath.Join(dot.Root(), path)
	}
	common := osfs.New(path)
	if _, err := common.Stat(""); err != nil {
		if os.IsNotExist(err) {
			return nil, errors.New("repository's commondir path does not exist")
		}
		return nil, err
	}
	return common, nil
}

// checkExtensions refuses what go-git cannot read (a SHA-256 repository,
// a partial clone...), with go-git's words. go-git reads only version 1
// from core.repositoryformatversion; anything else counts as 0.
func checkExtensions(version cfgformat.RepositoryFormatVersion, raw *cfgformat.Config) error {
	if raw == nil || !raw.HasSection("extensions") {
		return nil
	}
	var unsupported, unknown []string
	for _, o := range raw.Section("extensions").Options {
		name := strings.ToLower(o.Key)
		if version != cfgformat.Version_1 && name != "noop" {
			unsupported = append(unsupported, name)
		}
		if name != "noop" && name != "noop-v1" {
			unknown = append(unknown, name)
		}
	}
	if len(unsupported) > 0 {
		return fmt.Errorf("core.repositoryformatversion does not support extension: %s", strings.Join(unsupported, ", "))
	}
	if len(unknown) > 0 {
		return fmt.Errorf("unknown extension: %s", strings.Join(unknown, ", "))
	}
	return nil
}
