package thinking

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync"

	sjs "github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// SchemaID names the providerOptions schema.
const SchemaID = "https://kodus-byok.dev/schemas/provider-options.json"

// baseDoc is the generic JSON Schema of providerOptions, generated from the
// Go types in types.go by the tests (schema_gen_test.go;
// TestEmbeddedSchemaIsCurrent keeps it equal, `go test -run
// TestEmbeddedSchemaIsCurrent -update` rewrites it): reflecting the Go types
// at run time would cost every command that checks options a millisecond
// and link a reflection library into the program. Per-model rules are added
// by SchemaFor.
//
//go:embed provider-options.schema.json
var baseDoc []byte

// SchemaJSON is the generic providerOptions schema as published (`schema
// provider-options`): an indented JSON document ending in a newline.
func SchemaJSON() []byte {
	return append([]byte(nil), baseDoc...)
}

// SchemaFor is the schema narrowed to the values the provider documents for
// this model (e.g. the reasoningEffort values gpt-5.4 accepts), as a JSON
// document.
func SchemaFor(provider, model string) map[string]any {
	var doc map[string]any
	if err := json.Unmarshal(baseDoc, &doc); err != nil {
		panic(fmt.Sprintf("thinking: schema: %v", err))
	}
	for _, e := range modelEdits(provider, model) {
		node := doc
		for _, name := range e.path {
			next, _ := node["properties"].(map[string]any)[name].(map[string]any)
			if next == nil {
				panic(fmt.Sprintf("thinking: schema has no property %v", e.path))
			}
			node = next
		}
		for k, v := range e.set {
			node[k] = v
		}
	}
	return doc
}

// checker is a compiled schema and the document it came from: the document
// gives descriptions for messages and the known fields for notes.
type checker struct {
	schema *sjs.Schema
	doc    map[string]any
}

// printer formats the validator's own messages in English, numbers grouped
// ("1,024").
var printer = &kind.Printer{}

var checkers sync.Map // edits signature → *checker

func checkerFor(provider, model string) *checker {
	key := fmt.Sprint(modelEdits(provider, model))
	if c, ok := checkers.Load(key); ok {
		return c.(*checker)
	}
	doc := SchemaFor(provider, model)
	// The compiler wants the document in its own JSON model (json.Number).
	raw, _ := json.Marshal(doc)
	inst, err := sjs.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		panic(fmt.Sprintf("thinking: schema: %v", err))
	}
	comp := sjs.NewCompiler()
	// The schema is generated here and checked against its metaschema by
	// TestSchemasPassTheMetaschema; skipping that check at run time saves
	// compiling the metaschema in every command that checks options.
	comp.SkipMetaValidation()
	if err := comp.AddResource(SchemaID, inst); err != nil {
		panic(fmt.Sprintf("thinking: schema: %v", err))
	}
	sch, err := comp.Compile(SchemaID)
	if err != nil {
		panic(fmt.Sprintf("thinking: schema does not compile: %v", err))
	}
	c := &checker{schema: sch, doc: doc}
	checkers.Store(key, c)
	return c
}

// check validates a providerOptions value and returns one problem per
// broken rule, placed with d (nil d: no places, for presets).
func (c *checker) check(v any, d *doc) []Problem {
	err := c.schema.Validate(v)
	if err == nil {
		return nil
	}
	verr, ok := err.(*sjs.ValidationError)
	if !ok {
		return []Problem{{Line: 1, Column: 1, Message: err.Error()}}
	}
	var out []Problem
	var walk func(e *sjs.ValidationError)
	walk = func(e *sjs.ValidationError) {
		switch e.ErrorKind.(type) {
		case *kind.Schema, *kind.Group, *kind.AllOf, *kind.Reference:
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		out = append(out, c.problem(e, v, d))
	}
	walk(verr)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Column < out[j].Column
	})
	return out
}

func (c *checker) problem(e *sjs.ValidationError, v any, d *doc) Problem {
	ptr := ""
	for _, t := range e.InstanceLocation {
		ptr += "/" + escapePointer(t)
	}
	p := Problem{Line: 1, Column: 1, Path: displayPath(e.InstanceLocation)}
	if d != nil {
		if l, ok := d.locs[ptr]; ok {
			p.Line, p.Column = d.pos(l.offset)
			p.Path = l.display
		}
	}
	if p.Path == "" {
		p.Path = "(the JSON)"
	}
	desc := c.description(e)
	got := valueAtTokens(v, e.InstanceLocation)
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		p.Message = fmt.Sprintf("must be %s, not %s", article(strings.Join(k.Want, " or ")), article(k.Got))
	case *kind.Enum:
		p.Message = fmt.Sprintf("%s is not allowed: use %s", display(k.Got), orList(k.Want))
	case *kind.Const:
		p.Message = fmt.Sprintf("must be %s", display(k.Want))
	case *kind.Required:
		p.Message = "missing " + strings.Join(k.Missing, " and ")
	case *kind.Minimum:
		p.Message = fmt.Sprintf("must be at least %s (got %s)", k.Want.RatString(), k.Got.RatString())
	case *kind.Maximum:
		p.Message = fmt.Sprintf("must be at most %s (got %s)", k.Want.RatString(), k.Got.RatString())
	case *kind.Not, *kind.AnyOf, *kind.OneOf:
		p.Message = "is not accepted"
		if isScalar(got) {
			p.Message = display(got) + " is not accepted"
		}
	default:
		p.Message = e.ErrorKind.LocalizedString(printer)
	}
	if desc != "" {
		switch e.ErrorKind.(type) {
		case *kind.Not, *kind.AnyOf, *kind.OneOf:
			if isScalar(got) {
				p.Message += ": " + desc
			} else {
				p.Message = desc
			}
		default:
			p.Message += ": " + desc
		}
	}
	return p
}

// description is the schema's own explanation of the rule that failed:
// the subschema of not or then, or the (per-model) description of the
// property whose enum or anyOf failed.
func (c *checker) description(e *sjs.ValidationError) string {
	_, frag, _ := strings.Cut(e.SchemaURL, "#")
	m, _ := lookup(c.doc, frag).(map[string]any)
	if m == nil {
		return ""
	}
	if _, ok := e.ErrorKind.(*kind.Not); ok {
		if sub, ok := m["not"].(map[string]any); ok {
			if d, ok := sub["description"].(string); ok {
				return d
			}
		}
	}
	switch e.ErrorKind.(type) {
	case *kind.Enum, *kind.Not, *kind.AnyOf, *kind.OneOf, *kind.Required:
		d, _ := m["description"].(string)
		return d
	}
	return ""
}

var pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// lookup resolves a JSON pointer fragment in a schema document.
func lookup(doc any, frag string) any {
	frag, _ = url.PathUnescape(frag)
	node := doc
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = pointerUnescaper.Replace(tok)
		switch n := node.(type) {
		case map[string]any:
			node = n[tok]
		case []any:
			i := atoi(tok)
			if i < 0 || i >= len(n) {
				return nil
			}
			node = n[i]
		default:
			return nil
		}
	}
	return node
}

// unknownFields lists the fields of v that the schema does not describe,
// under objects whose fields it does describe: they pass through unchecked.
func (c *checker) unknownFields(v any, d *doc) []string {
	var out []string
	var walk func(v any, schema map[string]any, ptr string, display string)
	walk = func(v any, schema map[string]any, ptr, display string) {
		obj, ok := v.(map[string]any)
		if !ok {
			return
		}
		props, _ := schema["properties"].(map[string]any)
		if props == nil {
			return
		}
		for _, k := range sortedKeys(obj) {
			childDisplay := joinDisplay(display, k)
			if d != nil {
				if l, ok := d.locs[ptr+"/"+escapePointer(k)]; ok {
					childDisplay = l.display
				}
			}
			sub, known := props[k].(map[string]any)
			if !known {
				out = append(out, childDisplay)
				continue
			}
			walk(obj[k], sub, ptr+"/"+escapePointer(k), childDisplay)
		}
	}
	root, _ := v.(map[string]any)
	rootProps, _ := c.doc["properties"].(map[string]any)
	for _, ns := range sortedKeys(root) {
		if sub, ok := rootProps[ns].(map[string]any); ok {
			walk(root[ns], sub, "/"+escapePointer(ns), ns)
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func displayPath(tokens []string) string {
	return strings.Join(tokens, ".")
}

func display(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "null"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func orList(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = display(v)
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

func article(t string) string {
	switch {
	case t == "null":
		return "null"
	case strings.HasPrefix(t, "a") || strings.HasPrefix(t, "i") || strings.HasPrefix(t, "o"):
		return "an " + t
	}
	return "a " + t
}

// valueAtTokens is the instance value at a validation error's location.
func valueAtTokens(v any, tokens []string) any {
	for _, t := range tokens {
		switch n := v.(type) {
		case map[string]any:
			v = n[t]
		case []any:
			i := atoi(t)
			if i < 0 || i >= len(n) {
				return nil
			}
			v = n[i]
		default:
			return nil
		}
	}
	return v
}

func isScalar(v any) bool {
	switch v.(type) {
	case map[string]any, []any:
		return false
	}
	return true
}
