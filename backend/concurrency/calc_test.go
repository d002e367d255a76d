package concurrency

import (
	"math"
	"testing"

	"github.com/kodusbyok/studio/backend/profile"
)

func TestCalculateWithoutACap(t *testing.T) {
	w := Workload{FilesPerPR: 10, CallsPerFile: 2, ExtraCalls: 4, LatencyMs: 10_000, Retries: 2, BackoffMs: 2000}
	c, err := Calculate(w, 0)
	if err != nil {
		t.Fatal(err)
	}
	if c.Calls != 24 || len(c.Rows) != 24 || c.FirstRetryAt != 0 || c.Fastest != 24 {
		t.Fatalf("calc = %+v", c)
	}
	for _, r := range c.Rows {
		// Waves of k calls, one latency each.
		want := math.Ceil(24/float64(r.Concurrency)) * 10
		if r.WallSeconds != want || r.Rejected != 0 || r.Failed != 0 || r.RetrySeconds != 0 || !r.Complete {
			t.Errorf("k=%d: %+v, want %.0f s", r.Concurrency, r, want)
		}
	}
}

func TestCalculateWithACap(t *testing.T) {
	// The GLM Coding Plan at 1: a second call at once is rejected, retried
	// after 2 s and 4 s, then gives up at 6 s while the first runs 30 s.
	w := Workload{FilesPerPR: 3, CallsPerFile: 1, LatencyMs: 30_000, ProviderCap: 1, Retries: 2, BackoffMs: 2000}
	c, err := Calculate(w, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows) != 3 || c.FirstRetryAt != 2 || c.Fastest != 1 {
		t.Fatalf("calc = %+v", c)
	}
	one, two := c.Rows[0], c.Rows[1]
	if one.WallSeconds != 90 || one.Rejected != 0 || one.Failed != 0 {
		t.Errorf("k=1: %+v", one)
	}
	// k=2: the first call runs 0–30 s; calls 2 and 3 each burn three
	// rejections (at 0, 2, 6 s) and fail, so only one call is reviewed.
	if two.Rejected != 6 || two.Failed != 2 || two.WallSeconds != 30 || two.RetrySeconds != 12 || two.Complete {
		t.Errorf("k=2: %+v", two)
	}
	// With a Fallback, each failed call runs there after its last rejection.
	w.HasFallback = true
	c, _ = Calculate(w, 0)
	if r := c.Rows[1]; r.Failed != 2 || r.WallSeconds != 42 || !r.Complete {
		t.Errorf("k=2 with a fallback: %+v", r)
	}
}

func TestCalculateRetriesCostTime(t *testing.T) {
	// Cap 4, 8 calls of 10 s, backoff 2 s with 5 retries: at k=8 four calls
	// wait 2 + 4 + 8 = 14 s for a slot, so the review ends at 24 s, not 20.
	w := Workload{FilesPerPR: 8, CallsPerFile: 1, LatencyMs: 10_000, ProviderCap: 4, Retries: 5, BackoffMs: 2000}
	c, err := Calculate(w, 0)
	if err != nil {
		t.Fatal(err)
	}
	at4, at8 := c.Rows[3], c.Rows[7]
	if at4.WallSeconds != 20 || at4.Rejected != 0 {
		t.Errorf("k=4: %+v", at4)
	}
	// Four calls each waited 2 + 4 + 8 s: 56 s of waiting, holding slots.
	if at8.WallSeconds != 24 || at8.Failed != 0 || at8.Rejected != 12 || at8.RetrySeconds != 56 {
		t.Errorf("k=8: %+v", at8)
	}
	if c.FirstRetryAt != 5 || c.Fastest != 4 || len(c.Rows) != 8 {
		t.Errorf("first retry %d, fastest %d, %d rows", c.FirstRetryAt, c.Fastest, len(c.Rows))
	}
}

func TestCalculateRows(t *testing.T) {
	w := DefaultWorkload()
	c, err := Calculate(w, 40)
	if err != nil || len(c.Rows) != 40 || c.Calls != 24 {
		t.Fatalf("%v: %d rows, %d calls", err, len(c.Rows), c.Calls)
	}
	w.ProviderCap = 30
	if c, _ := Calculate(w, 0); len(c.Rows) != 32 {
		t.Errorf("rows past a cap of 30 = %d", len(c.Rows))
	}
	w.FilesPerPR = 500
	if c, _ := Calculate(w, 0); len(c.Rows) != maxCalcRows {
		t.Errorf("rows for 500 files = %d", len(c.Rows))
	}
}

func TestWorkloadValidate(t *testing.T) {
	bad := Workload{FilesPerPR: -1, CallsPerFile: 0, LatencyMs: 0, Retries: 20, BackoffMs: -5}
	_, err := Calculate(bad, 0)
	fes := profile.AsFieldErrors(err)
	fields := map[string]bool{}
	for _, fe := range fes {
		fields[fe.Field] = true
	}
	for _, f := range []string{"filesPerPR", "callsPerFile", "latencyMs", "retries", "backoffMs"} {
		if !fields[f] {
			t.Errorf("no error for %s: %v", f, err)
		}
	}
	big := DefaultWorkload()
	big.FilesPerPR, big.CallsPerFile = 1000, 20
	if _, err := Calculate(big, 0); profile.AsFieldErrors(err) == nil {
		t.Errorf("20,000 calls accepted: %v", err)
	}
}

// BenchmarkCalculate is one refresh of the GUI's chart: the default big PR
// against a cap of 30, settings 1…32.
func BenchmarkCalculate(b *testing.B) {
	w := DefaultWorkload()
	w.ProviderCap = 30
	for b.Loop() {
		if _, err := Calculate(w, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCalculateLarge: 500 changed files, 2 calls each, cap 8.
func BenchmarkCalculateLarge(b *testing.B) {
	w := Workload{FilesPerPR: 500, CallsPerFile: 2, ExtraCalls: 4, LatencyMs: 30_000, ProviderCap: 8, Retries: 2, BackoffMs: 2000, HasFallback: true}
	for b.Loop() {
		if _, err := Calculate(w, 0); err != nil {
			b.Fatal(err)
		}
	}
}
