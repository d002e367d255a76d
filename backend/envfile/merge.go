package envfile

import (
	"fmt"
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
	nl := newline(old)
	date := b.Generated.Format("2006-01-02")
	desired := map[string]string{}
	for _, n := range templateLLMVars {
		if n != VarTrustSchema {
			desired[n] = ""
		}
	}
	for _, v := range b.Vars {
		desired[v.Name] = v.value
	}
	var out []string
	var changes []Change
	seen := map[string]bool{}
	// Added lines go after the section's last LLM variable, else after its
	// last variable, else under its header.
	insertAt, afterAny, afterHeader := -1, -1, -1
	for _, l := range scan(old) {
		want, managed := desired[l.name]
		switch {
		case l.kind == lineAssign && managed:
			seen[l.name] = true
			if l.value() != want {
				q, err := Quote(want)
				if err != nil {
					return MergeResult{}, fmt.Errorf("%s: %w", l.name, err)
				}
				action := "set"
				if want == "" {
					action = "emptied"
				}
				changes = append(changes, Change{Var: l.name, Action: action, Line: len(out) + 1})
				out = append(out, l.withValue(q))
			} else {
				out = append(out, l.raw)
			}
		case l.kind == lineAssign && contains(googleVars, l.name) && l.value() != "":
			reason := commentReasons[l.name]
			out = append(out, fmt.Sprintf("# Commented out by Kodus BYOK Studio on %s: %s.%s", date, reason, nl))
			changes = append(changes, Change{Var: l.name, Action: "commented-out", Line: len(out) + 1, Reason: reason})
			out = append(out, "# "+l.raw)
		default:
			out = append(out, l.raw)
		}
		if l.section == "LLM PROVIDERS" {
			switch {
			case l.kind == lineAssign && (contains(blockOrder, l.name) || l.name == VarGoogleKeyAlias):
				insertAt = len(out)
			case l.kind == lineAssign:
				afterAny = len(out)
			case afterHeader < 0:
				afterHeader = len(out)
			}
		}
	}
	if insertAt < 0 {
		insertAt = afterAny
	}
	if insertAt < 0 {
		insertAt = afterHeader
	}
	var add []string
	var added []string
	for _, n := range blockOrder {
		if v, ok := desired[n]; ok && v != "" && !seen[n] {
			line, err := Line(n, v)
			if err != nil {
				return MergeResult{}, err
			}
			add = append(add, line+nl)
			added = append(added, n)
		}
	}
	if len(add) > 0 {
		add = append([]string{fmt.Sprintf("# Added by Kodus BYOK Studio on %s for profile %s.%s", date, b.Profile, nl)}, add...)
		if insertAt < 0 {
			add = append([]string{nl, "## ----  LLM PROVIDERS  ----" + nl, nl}, add...)
			insertAt = len(out)
		}
		if insertAt > 0 && !strings.HasSuffix(out[insertAt-1], "\n") {
			out[insertAt-1] += nl
		}
		for i := range changes {
			if changes[i].Line > insertAt {
				changes[i].Line += len(add)
			}
		}
		first := insertAt + len(add) - len(added) + 1
		for i, n := range added {
			changes = append(changes, Change{Var: n, Action: "added", Line: first + i})
		}
		out = append(out[:insertAt], append(add, out[insertAt:]...)...)
	}
	content := strings.Join(out, "")
	vals, err := godotenv.Unmarshal(content)
	if err != nil {
		return MergeResult{}, fmt.Errorf("internal error: the merged file does not parse: %w", err)
	}
	return MergeResult{Content: content, Changes: changes, Inferred: Infer(func(k string) string { return vals[k] })}, nil
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
