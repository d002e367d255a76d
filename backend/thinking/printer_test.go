package thinking

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// The validator's messages used to go through golang.org/x/text's English
// printer; kind.Printer (a patch of the vendored validator) prints them the
// same way without linking x/text.
func TestPrinterPrintsNumbersAsXText(t *testing.T) {
	var p kind.Printer
	for _, tc := range []struct {
		format string
		args   []any
		want   string
	}{
		{"%d", []any{0}, "0"},
		{"%d", []any{999}, "999"},
		{"%d", []any{1024}, "1,024"},
		{"%d", []any{-1234567}, "-1,234,567"},
		{"%v", []any{uint64(math.MaxUint64)}, "18,446,744,073,709,551,615"},
		{"%v", []any{int8(-100)}, "-100"},
		{"%v", []any{1024.0}, "1,024"},
		{"%v", []any{-12345.678}, "-12,345.678"},
		{"%v", []any{0.0001}, "0.0001"},
		{"%v", []any{1e6}, "1×10⁰⁶"},
		{"%v", []any{-1.5e-7}, "-1.5×10⁻⁰⁷"},
		{"%v", []any{1e100}, "1×10¹⁰⁰"},
		{"%v", []any{float32(1234.5)}, "1,234.5"},
		{"%v", []any{math.Copysign(0, -1)}, "0"},
		{"%v %v %v", []any{math.NaN(), math.Inf(1), math.Inf(-1)}, "NaN ∞ -∞"},
		{"minItems: got %d, want %d", []any{1000, 2}, "minItems: got 1,000, want 2"},
		{"invalid character %q", []any{'x'}, "invalid character 'x'"},
		{"invalid jsonType %T", []any{1000}, "invalid jsonType int"},
		{"value must be %s", []any{"1000"}, "value must be 1000"},
		{"%x %c %U", []any{1000, 65, 0x1F600}, "3e8 A U+1F600"},
		{"no numbers", nil, "no numbers"},
	} {
		if got := p.Sprintf(tc.format, tc.args...); got != tc.want {
			t.Errorf("Sprintf(%q, %v) = %q, want %q", tc.format, tc.args, got, tc.want)
		}
	}

	// And as x/text itself, over many values, in the shapes the validator
	// uses: %v for any number, %d for integers, %q for characters.
	xtext := message.NewPrinter(language.English)
	r := rand.New(rand.NewPCG(1, 2))
	type use struct {
		format string
		args   []any
	}
	var uses []use
	for i := 0; i < 2000; i++ {
		n := r.Int64N(1 << uint(r.IntN(62)+1))
		f := float64(n) * math.Pow(10, float64(r.IntN(40)-20))
		for _, v := range []any{f, -f, float32(f), math.Round(f)} {
			uses = append(uses, use{"maximum: got %v, want %v", []any{v, v}})
		}
		for _, v := range []any{int(n), -int(n), uint32(n), int32(n)} {
			uses = append(uses, use{"%v", []any{v}}, use{"items at %d and %d are equal", []any{v, v}})
		}
		uses = append(uses, use{"invalid character %q", []any{rune(r.IntN(0x10000))}})
	}
	for _, u := range uses {
		if got, want := p.Sprintf(u.format, u.args...), xtext.Sprintf(u.format, u.args...); got != want {
			t.Errorf("Sprintf(%q, %T %v) = %q, x/text says %q", u.format, u.args[0], u.args[0], got, want)
		}
	}
}
