package cost

import (
	"testing"

	"github.com/kodusbyok/studio/backend/kodusline"
)

// The whole catalog (every catalog model, its plans and every bundled
// row) at every thinking level: the work behind one refresh of the Cost
// view. Target: under 1 ms.
func BenchmarkCatalogEveryLevel(b *testing.B) {
	book, _ := LoadBook(nil)
	refs := book.CatalogRefs(kodusline.MustGet(kodusline.Mid2026).Catalog(), true)
	req := Request{Assumptions: DefaultAssumptions(), Models: refs, Levels: true}
	b.ReportAllocs()
	for b.Loop() {
		rep, err := book.Compare(req)
		if err != nil || len(rep.Rows) != len(refs) {
			b.Fatal(err)
		}
		Sort(rep.Rows)
	}
}

// One model, one estimate: the estimator's own cost.
func BenchmarkEstimate(b *testing.B) {
	p, _ := find(Bundled().Models, "gemini-3.1-pro-preview", "")
	a := DefaultAssumptions()
	w, o := a.Workload(), a.Options(ThinkingMedium)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Estimate(p, w, o); err != nil {
			b.Fatal(err)
		}
	}
}
