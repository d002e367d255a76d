package thinking

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// presetChecksJSON is the result of checking every preset of every catalog
// model of every Kodus line against the model's schema, keyed by the
// schema's edits and the preset's JSON. TestPresetChecksAreCurrent keeps it
// equal to what the checker says (-update rewrites it). Compiling the
// schema cost every command that shows a profile about a millisecond; a
// preset not in the file (a model outside the catalog) is checked as before.
//
//go:embed preset-checks.json
var presetChecksJSON []byte

// presetChecks is the file parsed; the test swaps it to check everything.
var presetChecks = sync.OnceValue(func() map[string][]Problem {
	m := map[string][]Problem{}
	if err := json.Unmarshal(presetChecksJSON, &m); err != nil {
		panic(fmt.Sprintf("thinking: preset-checks.json: %v", err))
	}
	return m
})

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
