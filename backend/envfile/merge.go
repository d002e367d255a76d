package envfile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/joho/godotenv"
)

// Change is one thing a merge did to a line.
type Change struct {
	Var string `json:"var"`
	// Action is set, emptied, added or commented-out.
	Action string `json:"action"`
	// Line is the 1-based line number in the merged file.
	Line   int    `json:"line"`
	Reason string `json:"reason,omitempty"`
}

// MergeResult is the merged file and what changed.
type MergeResult struct {
	Content string
	Changes []Change
	// Inferred is Kodus's inference on the merged file's values: the
	// proof that the whole file, not only the block, routes as intended.
	Inferred Inference
}

var commentReasons = map[string]string{
	VarVertexKey:      "any value here makes Kodus's legacy code path use Vertex AI whatever the model",
	VarVertexLocation: "used only with Vertex AI, which the new model does not use",
	VarGoogleKey:      "the new model does not use Google AI Studio",
	VarGoogleKeyAlias: "an alias of " + VarGoogleKey + "; the new block does not use it",
}

// Merge writes the block into an existing .env: LLM variables are replaced
// in place, missing ones are added at the end of the LLM PROVIDERS section,
// Google/Vertex variables the block does not use are commented out with
// the reason, and every other byte stays exactly as it was.
func Merge(old string, b *Block) (MergeResult, error) {
	if _, err := godotenv.Unmarshal(old); err != nil {
		return MergeResult{}, fmt.Errorf("the file is not a valid .env (%w); fix it first, nothing was changed", err)
	}
	m := merger{
		nl: newline(old), date: b.Generated.Format("2006-01-02"), desired: desiredValues(b), seen: map[string]bool{},
		insertAt: -1, afterAny: -1, afterHeader: -1,
	}
	for _, l := range scan(old) {
		if err := m.line(l); err != nil {
			return MergeResult{}, err
		}
	}
	if err := m.addMissing(b.Profile); err != nil {
		return MergeResult{}, err
	}
	content := strings.Join(m.out, "")
	vals, err := godotenv.Unmarshal(content)
	if err != nil {
		return MergeResult{}, fmt.Errorf("internal error: the merged file does not parse: %w", err)
	}
	return MergeResult{Content: content, Changes: m.changes, Inferred: Infer(func(k string) string { return vals[k] })}, nil
}

// desiredValues is every LLM variable of the template, empty unless the
// block sets it.
func desiredValues(b *Block) map[string]string {
	desired := map[string]string{}
	for _, n := range templateLLMVars {
		if n != VarTrustSchema {
			desired[n] = ""
		}
	}
	for _, v := range b.Vars {
		desired[v.Name] = v.value
	}
	return desired
}

// merger builds the merged file line by line.
type merger struct {
	nl, date string
	desired  map[string]string
	out      []string
	changes  []Change
	seen     map[string]bool
	// Added lines go after the section's last LLM variable, else after its
	// last variable, else under its header.
	insertAt, afterAny, afterHeader int
}

// line copies one line of the old file: replaced when the block manages
// it, commented out when it is a Google/Vertex variable the block drops.
func (m *merger) line(l docLine) error {
	want, managed := m.desired[l.name]
	switch {
	case l.kind == lineAssign && managed:
		m.seen[l.name] = true
		if l.value() != want {
			q, err := Quote(want)
			if err != nil {
				return fmt.Errorf("%s: %w", l.name, err)
			}
			action := "set"
			if want == "" {
				action = "emptied"
			}
			m.changes = append(m.changes, Change{Var: l.name, Action: action, Line: len(m.out) + 1})
			m.out = append(m.out, l.withValue(q))
		} else {
			m.out = append(m.out, l.raw)
		}
	case l.kind == lineAssign && slices.Contains(googleVars, l.name) && l.value() != "":
		reason := commentReasons[l.name]
		m.out = append(m.out, fmt.Sprintf("# Commented out by Kodus BYOK Studio on %s: %s.%s", m.date, reason, m.nl))
		m.changes = append(m.changes, Change{Var: l.name, Action: "commented-out", Line: len(m.out) + 1, Reason: reason})
		m.out = append(m.out, "# "+l.raw)
	default:
		m.out = append(m.out, l.raw)
	}
	if l.section == "LLM PROVIDERS" {
		switch {
		case l.kind == lineAssign && (slices.Contains(blockOrder, l.name) || l.name == VarGoogleKeyAlias):
			m.insertAt = len(m.out)
		case l.kind == lineAssign:
			m.afterAny = len(m.out)
		case m.afterHeader < 0:
			m.afterHeader = len(m.out)
		}
	}
	return nil
}

// addMissing adds the block's variables the old file lacks, under a
// comment naming the profile, in the LLM PROVIDERS section (or a new one
// at the end).
func (m *merger) addMissing(profile string) error {
	insertAt := m.insertAt
	if insertAt < 0 {
		insertAt = m.afterAny
	}
	if insertAt < 0 {
		insertAt = m.afterHeader
	}
	var add []string
	var added []string
	for _, n := range blockOrder {
		if v, ok := m.desired[n]; ok && v != "" && !m.seen[n] {
			line, err := Line(n, v)
			if err != nil {
				return err
			}
			add = append(add, line+m.nl)
			added = append(added, n)
		}
	}
	if len(add) == 0 {
		return nil
	}
	add = append([]string{fmt.Sprintf("# Added by Kodus BYOK Studio on %s for profile %s.%s", m.date, profile, m.nl)}, add...)
	if insertAt < 0 {
		add = append([]string{m.nl, "## ----  LLM PROVIDERS  ----" + m.nl, m.nl}, add...)
		insertAt = len(m.out)
	}
	if insertAt > 0 && !strings.HasSuffix(m.out[insertAt-1], "\n") {
		m.out[insertAt-1] += m.nl
	}
	for i := range m.changes {
		if m.changes[i].Line > insertAt {
			m.changes[i].Line += len(add)
		}
	}
	first := insertAt + len(add) - len(added) + 1
	for i, n := range added {
		m.changes = append(m.changes, Change{Var: n, Action: "added", Line: first + i})
	}
	m.out = append(m.out[:insertAt], append(add, m.out[insertAt:]...)...)
	return nil
}
