package repocost

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		_ = os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

var benchDir string

// benchRepo makes, once per test binary, a packed repository of 10,000
// commits spread over the last 70 days: a Go-like project of 240 files in
// 24 folders, each commit editing 1–3 files by a few lines (and now and
// then adding a file or touching go.sum), every line's words varied.
var benchRepo = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "repocost-bench-")
	if err != nil {
		return "", err
	}
	benchDir = dir
	rng := rand.New(rand.NewPCG(9, 10000))
	words := []string{"user", "order", "price", "total", "cache", "token", "review", "model", "client", "config", "result", "err", "ctx", "item", "count", "name"}
	line := func() string {
		w := func() string { return words[rng.IntN(len(words))] }
		switch rng.IntN(5) {
		case 0:
			return fmt.Sprintf("\tif %s := %s.%s(%s); %s != nil {", w(), w(), strings.ToUpper(w()[:1])+w(), w(), w())
		case 1:
			return fmt.Sprintf("\t\treturn %s, fmt.Errorf(\"%s %s: %%w\", err)", w(), w(), w())
		case 2:
			return fmt.Sprintf("\t%s%d := %s[%d] + %d", w(), rng.IntN(100), w(), rng.IntN(10), rng.IntN(1000))
		case 3:
			return "\t}"
		}
		return fmt.Sprintf("\t// %s the %s before the %s", w(), w(), w())
	}
	file := func(n int) []string {
		ls := []string{"package p", "", "func F() {"}
		for i := 0; i < n; i++ {
			ls = append(ls, line())
		}
		return append(ls, "}")
	}
	b := newBuilder()
	tree := map[string][]string{}
	var paths []string
	for i := 0; i < 240; i++ {
		p := fmt.Sprintf("pkg%02d/file%03d.go", i%24, i)
		tree[p] = file(60 + rng.IntN(60))
		paths = append(paths, p)
	}
	join := func(ls []string) string { return strings.Join(ls, "\n") + "\n" }
	initial := map[string]string{}
	for p, ls := range tree {
		initial[p] = join(ls)
	}
	start := t0.Add(-70 * 24 * time.Hour)
	b.commit("initial import", start.Add(-30*24*time.Hour), initial) // before the window
	for c := 0; c < 10_000; c++ {
		files := map[string]string{}
		for k := 0; k < 1+rng.IntN(3); k++ {
			p := paths[rng.IntN(len(paths))]
			ls := append([]string(nil), tree[p]...)
			for e := 0; e < 1+rng.IntN(5); e++ {
				i := 3 + rng.IntN(len(ls)-4)
				if rng.IntN(2) == 0 {
					ls[i] = line()
				} else {
					ls = append(ls[:i], append([]string{line()}, ls[i:]...)...)
				}
			}
			tree[p] = ls
			files[p] = join(ls)
		}
		if c%50 == 0 {
			p := fmt.Sprintf("pkg%02d/new%05d.go", c%24, c)
			tree[p] = file(20 + rng.IntN(40))
			paths = append(paths, p)
			files[p] = join(tree[p])
		}
		if c%100 == 0 {
			files["go.sum"] = fmt.Sprintf("example.test/m v1.%d.0 h1:%x\n", c, rng.Uint64())
		}
		b.commit(fmt.Sprintf("change %d: %s", c, line()), start.Add(time.Duration(c)*9*time.Minute), files)
	}
	b.save(benchT{}, dir, "main")
	return dir, nil
})

// benchT lets the builder's save report failures outside a test.
type benchT struct{ testing.TB }

func (benchT) Helper()                   { /* no test to mark */ }
func (benchT) Fatal(args ...any)         { panic(fmt.Sprint(args...)) }
func (benchT) Fatalf(f string, a ...any) { panic(fmt.Sprintf(f, a...)) }

// BenchmarkScan10k measures a 90-day window holding 10,000 commits: the
// history walk, every diff, every token.
func BenchmarkScan10k(b *testing.B) {
	genStart := time.Now()
	dir, err := benchRepo()
	if err != nil {
		b.Fatal(err)
	}
	if _, err := NewCounter(); err != nil { // the vocabulary loads once per process
		b.Fatal(err)
	}
	b.Logf("generated in %v", time.Since(genStart))
	runtime.GC() // the generator's objects are garbage now
	// Bounded memory: sample the live heap while scanning, report the peak.
	var peak atomic.Uint64
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > peak.Load() {
					peak.Store(m.HeapAlloc)
				}
			}
		}
	}()
	b.ReportAllocs()
	b.ResetTimer()
	defer func() { b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MiB") }()
	for i := 0; i < b.N; i++ {
		res, err := Scan(context.Background(), Options{Dir: dir, Since: 90 * 24 * time.Hour, ContextLines: DefaultContextLines, Now: func() time.Time { return t0 }})
		if err != nil {
			b.Fatal(err)
		}
		// A commit whose edits happen to change nothing has nothing to review.
		if res.ChangeCount+res.Unchanged != 10_000 || res.ChangeCount < 9900 {
			b.Fatalf("%d changes, %d with nothing to review", res.ChangeCount, res.Unchanged)
		}
	}
}
