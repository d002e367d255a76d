// Package lazyre holds package-level regular expressions that compile on
// first use. A pattern compiled by regexp.MustCompile in a package variable
// costs every run of the program, whatever the command; the command line
// must start at once, so patterns wait until a command needs them.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled the first time it is used. It
// has the methods of *regexp.Regexp that the backend uses.
type Regexp struct {
	pattern string
	get     func() *regexp.Regexp
}

var (
	mu  sync.Mutex
	all []*Regexp
)

// New returns a regular expression that compiles pattern on first use and
// panics then, as regexp.MustCompile would, if it does not compile; the
// package test compiles every pattern made with New (Check).
func New(pattern string) *Regexp {
	r := &Regexp{pattern: pattern, get: sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })}
	mu.Lock()
	all = append(all, r)
	mu.Unlock()
	return r
}

// Check compiles every pattern made with New so far and returns the first
// that does not compile, so a broken pattern fails a test rather than a
// user's command.
func Check() error {
	mu.Lock()
	defer mu.Unlock()
	for _, r := range all {
		if _, err := regexp.Compile(r.pattern); err != nil {
			return err
		}
	}
	return nil
}

// String returns the source text of the pattern.
func (r *Regexp) String() string { return r.pattern }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.get().MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string { return r.get().FindString(s) }

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string { return r.get().FindStringSubmatch(s) }

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.get().FindStringSubmatchIndex(s) }

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.get().ReplaceAllStringFunc(src, repl)
}
