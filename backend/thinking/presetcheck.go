package thinking

import (
	"encoding/json"
	"fmt"
)

// presetChecks is the result of checking every preset of every catalog
// model of every Kodus line against the model's schema, keyed by the
// schema's edits and the preset's JSON: presetChecksData, generated into
// presetcheck_gen.go by TestPresetChecksAreCurrent (-update rewrites it).
// Compiling the schema cost every command that shows a profile about a
// millisecond, and decoding the table as JSON a tenth of that; a preset
// not in the table (a model outside the catalog) is checked as before.
// The test swaps it to check everything.
var presetChecks = presetChecksData

// onPresetCheck, when set (by the test), sees each preset checked.
var onPresetCheck func(key string, problems []Problem)

// presetProblems is checkerFor(provider, model).check(opts, nil), from
// the file when it holds the answer.
func presetProblems(provider, model string, opts map[string]any) []Problem {
	raw, err := json.Marshal(opts)
	if err != nil {
		return checkerFor(provider, model).check(opts, nil)
	}
	key := fmt.Sprint(modelEdits(provider, model)) + " " + string(raw)
	if p, ok := presetChecks()[key]; ok {
		return p
	}
	p := checkerFor(provider, model).check(opts, nil)
	if onPresetCheck != nil {
		onPresetCheck(key, p)
	}
	return p
}
