package gcfg

import (
	"reflect"
	"testing"
)

// kodus-byok patch: deepCopy replaces the gob round trip that copied a
// section's default-<section> value.
func TestDeepCopy(t *testing.T) {
	type sub struct {
		Names []string
		Flag  *bool
	}
	type section struct {
		Name   string
		N      int
		Multi  []string
		Sub    *sub
		Map    map[string]*sub
		hidden int
	}
	on := true
	src := section{Name: "a", N: 3, Multi: []string{"x", "y"}, Sub: &sub{Names: []string{"n"}, Flag: &on},
		Map: map[string]*sub{"k": {Names: []string{"m"}}}, hidden: 7}
	var dst section
	if err := deepCopy(reflect.ValueOf(&dst).Elem(), reflect.ValueOf(src)); err != nil {
		t.Fatal(err)
	}
	want := src
	want.hidden = 0 // unexported fields are not copied, as gob did not
	if !reflect.DeepEqual(dst, want) {
		t.Fatalf("copy = %+v, want %+v", dst, want)
	}
	dst.Multi[0], dst.Sub.Names[0], *dst.Sub.Flag = "changed", "changed", false
	dst.Map["k"].Names[0] = "changed"
	if src.Multi[0] != "x" || src.Sub.Names[0] != "n" || !*src.Sub.Flag || src.Map["k"].Names[0] != "m" {
		t.Fatal("the copy shares memory with the default")
	}
	var f struct{ F func() }
	if err := deepCopy(reflect.ValueOf(&f).Elem(), reflect.ValueOf(struct{ F func() }{F: func() {}})); err == nil {
		t.Fatal("a func field was copied")
	}
}

// The default-<section> feature end to end: each subsection starts from
// a copy of the default.
func TestReadDefaultSection(t *testing.T) {
	var cfg struct {
		DefaultRemote struct{ Fetch []string } `gcfg:"default-remote"`
		Remote        map[string]*struct{ Fetch []string }
	}
	cfg.DefaultRemote.Fetch = []string{"+refs/heads/*"}
	if err := ReadStringInto(&cfg, "[remote \"a\"]\nfetch = x\n[remote \"b\"]\n"); err != nil {
		t.Fatal(err)
	}
	if got := cfg.Remote["a"].Fetch; !reflect.DeepEqual(got, []string{"+refs/heads/*", "x"}) {
		t.Errorf("a = %v", got)
	}
	if got := cfg.Remote["b"].Fetch; !reflect.DeepEqual(got, []string{"+refs/heads/*"}) {
		t.Errorf("b = %v", got)
	}
	if len(cfg.DefaultRemote.Fetch) != 1 {
		t.Errorf("the default changed: %v", cfg.DefaultRemote.Fetch)
	}
}
