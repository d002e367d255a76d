package dryrun

import (
	"bytes"
	"encoding/json"
)

// object is a JSON object that keeps the order its keys were first set,
// like a JavaScript object literal: the body reads in the order the AI SDK
// writes it (model first, messages last). A key set to undefined keeps its
// place but is left out, as JSON.stringify leaves out undefined values, so
// a later spread can fill it in where the SDK's literal had it.
type object struct {
	keys []string
	vals map[string]any
	set  map[string]bool
}

func newObject() *object {
	return &object{vals: map[string]any{}, set: map[string]bool{}}
}

// put sets key to v, keeping the key's first position.
func (o *object) put(key string, v any) *object {
	if _, seen := o.vals[key]; !seen {
		o.keys = append(o.keys, key)
	}
	o.vals[key], o.set[key] = v, true
	return o
}

// undefine leaves key out of the JSON but keeps its position.
func (o *object) undefine(key string) *object {
	if _, seen := o.vals[key]; !seen {
		o.keys = append(o.keys, key)
	}
	o.vals[key], o.set[key] = nil, false
	return o
}

// putIf sets key when ok, else marks it undefined (the SDK's `x ?? undefined`).
func (o *object) putIf(key string, v any, ok bool) *object {
	if ok {
		return o.put(key, v)
	}
	return o.undefine(key)
}

func (o *object) get(key string) (any, bool) {
	v, ok := o.vals[key]
	return v, ok && o.set[key]
}

func (o *object) has(key string) bool { return o.set[key] }

// MarshalJSON writes the defined keys in order; nested maps keep
// encoding/json's sorted keys.
func (o *object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	for _, k := range o.keys {
		if !o.set[k] {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		kb, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		vb, err := marshal(o.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal encodes without HTML escaping: the body is shown to people and
// "<" or "&" in a prompt must read as typed.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// asMap reads a providerOptions block; anything but an object is absent.
func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// str reads a string option; other types count as unset.
func str(v any) (string, bool) {
	s, ok := v.(string)
	return s, ok && s != ""
}

// number reads a JSON number option (json.Number from backend/thinking,
// float64 from encoding/json) as an integer when it is one.
func number(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case float64:
		if n == float64(int64(n)) {
			return int64(n), true
		}
	case int:
		return int64(n), true
	case int64:
		return n, true
	}
	return 0, false
}
