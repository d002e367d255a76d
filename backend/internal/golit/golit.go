// Package golit writes Go values as Go source: composite literals a
// generated file returns instead of parsing embedded JSON at run time.
// Decoding a Kodus line's data with encoding/json cost every command
// about a millisecond on a cold start; building the same values from
// literals costs microseconds.
//
// It handles what data decoded from JSON holds: structs (exported fields;
// zero ones are left out), pointers, slices, maps (keys sorted), strings,
// booleans, numbers and interfaces holding those. Empty and nil slices and
// maps stay apart, so the result is reflect.DeepEqual to the input.
package golit

import (
	"fmt"
	"go/format"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Func is one generated function: `func Name() T { return <Value> }`,
// documented as "Name Doc".
type Func struct {
	Name, Doc string
	Value     any
}

// File is a gofmt-ed Go file of package pkg (import path pkgPath) with the
// functions and the imports they need. A pointer to a number, string or
// bool is written ptr(T(v)): the package declares
// `func ptr[T any](v T) *T { return &v }` once, however many generated
// files use it. header heads the file (the "Code generated ... DO NOT
// EDIT." line).
func File(header, pkg, pkgPath string, funcs []Func) ([]byte, error) {
	w := &writer{local: pkgPath, imports: map[string]bool{}}
	var body strings.Builder
	for _, f := range funcs {
		v := reflect.ValueOf(f.Value)
		if !v.IsValid() {
			return nil, fmt.Errorf("golit: %s: nil value", f.Name)
		}
		expr, err := w.value(v, v.Type())
		if err != nil {
			return nil, fmt.Errorf("golit: %s: %w", f.Name, err)
		}
		typ, err := w.typ(v.Type())
		if err != nil {
			return nil, fmt.Errorf("golit: %s: %w", f.Name, err)
		}
		if f.Doc != "" {
			body.WriteString("// " + f.Name + " " + f.Doc + "\n")
		}
		fmt.Fprintf(&body, "func %s() %s {\n\treturn %s\n}\n\n", f.Name, typ, expr)
	}
	var out strings.Builder
	out.WriteString(header + "\n\npackage " + pkg + "\n\n")
	if len(w.imports) > 0 {
		paths := make([]string, 0, len(w.imports))
		for p := range w.imports {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		out.WriteString("import (\n")
		for _, p := range paths {
			out.WriteString("\t" + strconv.Quote(p) + "\n")
		}
		out.WriteString(")\n\n")
	}
	out.WriteString(body.String())
	src, err := format.Source([]byte(out.String()))
	if err != nil {
		return nil, fmt.Errorf("golit: format: %w", err)
	}
	return src, nil
}

// defaultType are the types an untyped constant takes in an interface.
var defaultType = map[reflect.Type]bool{reflect.TypeFor[string](): true, reflect.TypeFor[bool](): true, reflect.TypeFor[int](): true}

type writer struct {
	local   string // the generated file's import path: its types go unqualified
	imports map[string]bool
}

// typ is t as written in the generated file.
func (w *writer) typ(t reflect.Type) (string, error) {
	if t.Name() != "" {
		if t.PkgPath() == "" || t.PkgPath() == w.local {
			return t.Name(), nil
		}
		w.imports[t.PkgPath()] = true
		return path.Base(t.PkgPath()) + "." + t.Name(), nil
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		elem, err := w.typ(t.Elem())
		prefix := "*"
		if t.Kind() == reflect.Slice {
			prefix = "[]"
		}
		return prefix + elem, err
	case reflect.Array:
		elem, err := w.typ(t.Elem())
		return fmt.Sprintf("[%d]%s", t.Len(), elem), err
	case reflect.Map:
		key, err := w.typ(t.Key())
		if err != nil {
			return "", err
		}
		elem, err := w.typ(t.Elem())
		return "map[" + key + "]" + elem, err
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any", nil
		}
	}
	return "", fmt.Errorf("type %s cannot be written", t)
}

// value is v as an expression assignable to static type t.
func (w *writer) value(v reflect.Value, t reflect.Type) (string, error) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return "nil", nil
		}
		return w.value(v.Elem(), t) // t stays the interface: constants say their type
	case reflect.Pointer:
		return w.pointer(v)
	case reflect.Struct:
		return w.structLit(v)
	case reflect.Slice, reflect.Array:
		return w.list(v)
	case reflect.Map:
		return w.mapLit(v)
	}
	lit, err := basic(v)
	if err != nil {
		return "", err
	}
	// In an interface a constant takes its default type: say the type
	// when that would be another (float64(1), not the int 1).
	if t.Kind() == reflect.Interface && !defaultType[v.Type()] {
		typ, err := w.typ(v.Type())
		if err != nil {
			return "", err
		}
		return typ + "(" + lit + ")", nil
	}
	return lit, nil
}

func (w *writer) pointer(v reflect.Value) (string, error) {
	if v.IsNil() {
		return "nil", nil
	}
	e := v.Elem()
	if e.Kind() == reflect.Struct {
		s, err := w.structLit(e)
		return "&" + s, err
	}
	lit, err := w.value(e, e.Type())
	if err != nil {
		return "", err
	}
	typ, err := w.typ(e.Type())
	if err != nil {
		return "", err
	}
	return "ptr(" + typ + "(" + lit + "))", nil
}

func (w *writer) structLit(v reflect.Value) (string, error) {
	typ, err := w.typ(v.Type())
	if err != nil {
		return "", err
	}
	var fields []string
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !f.IsExported() || v.Field(i).IsZero() {
			continue
		}
		s, err := w.value(v.Field(i), f.Type)
		if err != nil {
			return "", fmt.Errorf("%s.%s: %w", typ, f.Name, err)
		}
		fields = append(fields, f.Name+": "+s)
	}
	return compose(typ, fields), nil
}

func (w *writer) list(v reflect.Value) (string, error) {
	if v.Kind() == reflect.Slice && v.IsNil() {
		return "nil", nil
	}
	typ, err := w.typ(v.Type())
	if err != nil {
		return "", err
	}
	items := make([]string, 0, v.Len())
	for i := range v.Len() {
		s, err := w.value(v.Index(i), v.Type().Elem())
		if err != nil {
			return "", fmt.Errorf("[%d]: %w", i, err)
		}
		items = append(items, s)
	}
	return compose(typ, items), nil
}

func (w *writer) mapLit(v reflect.Value) (string, error) {
	if v.IsNil() {
		return "nil", nil
	}
	typ, err := w.typ(v.Type())
	if err != nil {
		return "", err
	}
	type entry struct{ k, v string }
	var entries []entry
	for _, k := range v.MapKeys() {
		ks, err := w.value(k, v.Type().Key())
		if err != nil {
			return "", err
		}
		vs, err := w.value(v.MapIndex(k), v.Type().Elem())
		if err != nil {
			return "", fmt.Errorf("[%s]: %w", ks, err)
		}
		entries = append(entries, entry{ks, vs})
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].k < entries[j].k })
	items := make([]string, 0, len(entries))
	for _, e := range entries {
		items = append(items, e.k+": "+e.v)
	}
	return compose(typ, items), nil
}

// shortLine is the longest literal written on one line.
const shortLine = 100

// compose writes a composite literal: on one line when its items are
// short and single-line (`[]string{"", "latest"}`), else one item a line.
func compose(typ string, items []string) string {
	one := typ + "{" + strings.Join(items, ", ") + "}"
	if len(one) <= shortLine && !strings.Contains(one, "\n") {
		return one
	}
	var b strings.Builder
	b.WriteString(typ + "{")
	for _, it := range items {
		b.WriteString("\n" + it + ",")
	}
	return closeLit(&b)
}

// closeLit ends a composite literal: an empty one on its line, else with
// the brace under its first line.
func closeLit(b *strings.Builder) string {
	if strings.HasSuffix(b.String(), "{") {
		return b.String() + "}"
	}
	return b.String() + "\n}"
}

// basic is a number, string or boolean as a constant.
func basic(v reflect.Value) (string, error) {
	switch v.Kind() {
	case reflect.String:
		return strconv.Quote(v.String()), nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308 {
			return "", fmt.Errorf("%v has no Go constant", f)
		}
		return strconv.FormatFloat(f, 'g', -1, v.Type().Bits()), nil
	}
	return "", fmt.Errorf("a %s cannot be written", v.Type())
}
