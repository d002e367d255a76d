package thinking

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds nesting so a hostile document cannot exhaust the stack;
// real providerOptions are a few levels deep.
const maxDepth = 256

type parser struct {
	d     *doc
	src   []byte
	i     int
	depth int
}

// syntaxErr stops parsing at the first problem: after a syntax error the
// rest of the document cannot be read reliably.
type syntaxErr struct{ p Problem }

// parseJSON parses src as JSON with json.Number numbers. Its errors say
// where, what was expected, and name the usual slips (trailing and missing
// commas, single quotes, comments, True/None) in words.
func parseJSON(src []byte) (*doc, *OverrideError) {
	d := &doc{locs: map[string]loc{}, src: src, lines: []int{0}}
	for i, c := range src {
		if c == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	p := &parser{d: d, src: src}
	// A byte-order mark from a file is harmless; JSON.parse would choke on
	// it, so it is dropped before Kodus ever sees the text.
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		p.i = 3
	}
	var perr *OverrideError
	func() {
		defer func() {
			if r := recover(); r != nil {
				se, ok := r.(syntaxErr)
				if !ok {
					panic(r)
				}
				perr = &OverrideError{Problems: []Problem{se.p}}
			}
		}()
		p.skipSpace()
		if p.eof() {
			p.fail(p.i, "the JSON is empty: expected an object such as {\"thinking\": {\"type\": \"enabled\"}}")
		}
		d.value = p.value("", "")
		p.skipSpace()
		if !p.eof() {
			p.fail(p.i, "unexpected %s after the end of the JSON: only one value is allowed", p.describe(p.i))
		}
	}()
	if perr != nil {
		return nil, perr
	}
	return d, nil
}

func (p *parser) fail(offset int, format string, a ...any) {
	panic(syntaxErr{p.d.problemAt(offset, "", format, a...)})
}

func (p *parser) eof() bool { return p.i >= len(p.src) }

func (p *parser) skipSpace() {
	for !p.eof() {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// describe names the character at offset for an error message.
func (p *parser) describe(offset int) string {
	if offset >= len(p.src) {
		return "end of the JSON"
	}
	r, _ := utf8.DecodeRune(p.src[offset:])
	switch {
	case r == utf8.RuneError:
		return fmt.Sprintf("byte 0x%02x", p.src[offset])
	case r < 0x20:
		return fmt.Sprintf("control character U+%04X", r)
	}
	return fmt.Sprintf("'%c'", r)
}

func (p *parser) value(ptr, display string) any {
	p.skipSpace()
	start := p.i
	p.d.locs[ptr] = loc{offset: start, display: display}
	if p.eof() {
		p.fail(start, "unexpected end of the JSON: expected a value")
	}
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object(ptr, display)
	case c == '[':
		return p.array(ptr, display)
	case c == '"':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == '\'':
		p.fail(start, "strings need double quotes (\"), not single quotes")
	case c == '/':
		p.fail(start, "comments are not allowed in JSON")
	case c == '.':
		p.fail(start, "a number needs a digit before the decimal point (write 0.5, not .5)")
	case c == '+':
		p.fail(start, "JSON numbers cannot start with '+'")
	case isLetter(c):
		return p.literal()
	}
	p.fail(start, "expected a value (an object, array, string, number, true, false or null), found %s", p.describe(start))
	return nil
}

func (p *parser) enter(offset int) {
	p.depth++
	if p.depth > maxDepth {
		p.fail(offset, "the JSON is nested more than %d levels deep", maxDepth)
	}
}

func (p *parser) object(ptr, display string) map[string]any {
	open := p.i
	p.enter(open)
	p.i++
	obj := map[string]any{}
	comma := -1 // offset of the last comma, for the trailing-comma message
	for !p.objectEnd(open, comma) {
		key := p.fieldName()
		childPtr := ptr + "/" + escapePointer(key)
		childDisplay := joinDisplay(display, key)
		if _, dup := obj[key]; dup {
			p.d.dups = append(p.d.dups, childDisplay)
		}
		obj[key] = p.value(childPtr, childDisplay)
		comma = p.fieldEnd(open, key)
	}
	return obj
}

// objectEnd consumes the '}' that closes the object opened at open and
// reports true, or reports false at the '"' of the next field name; on
// anything else it fails. comma is the offset of the last comma, or -1.
func (p *parser) objectEnd(open, comma int) bool {
	p.skipSpace()
	if p.eof() {
		l, c := p.d.pos(open)
		p.fail(p.i, "unexpected end of the JSON: expected a field name or '}' to close the object opened at line %d, column %d", l, c)
	}
	switch c := p.src[p.i]; {
	case c == '}' && comma >= 0:
		p.fail(comma, "trailing comma: JSON allows no ',' after the last field; remove it")
	case c == '}':
		p.i++
		p.depth--
		return true
	case c == '\'':
		p.fail(p.i, "field names need double quotes (\"), not single quotes")
	case c == '/':
		p.fail(p.i, "comments are not allowed in JSON")
	case c != '"':
		if isLetter(c) || c == '_' || c == '$' {
			p.fail(p.i, "field names need double quotes: expected '\"', found %s", p.describe(p.i))
		}
		p.fail(p.i, "expected a field name in double quotes or '}', found %s", p.describe(p.i))
	}
	return false
}

// fieldName reads a field name and the ':' after it.
func (p *parser) fieldName() string {
	key := p.str()
	p.skipSpace()
	if p.eof() || p.src[p.i] != ':' {
		p.fail(p.i, "expected ':' after the field name %q, found %s", key, p.describe(p.i))
	}
	p.i++
	return key
}

// fieldEnd reads what follows the value of field key: a ',' (consumed; its
// offset is returned) or the '}' (left for objectEnd; -1).
func (p *parser) fieldEnd(open int, key string) int {
	afterValue := p.i
	p.skipSpace()
	if p.eof() {
		l, c := p.d.pos(open)
		p.fail(p.i, "unexpected end of the JSON: expected ',' or '}' to close the object opened at line %d, column %d", l, c)
	}
	switch c := p.src[p.i]; c {
	case ',':
		p.i++
		return p.i - 1
	case '}':
		return -1
	case '"':
		l, col := p.d.pos(p.i)
		p.fail(afterValue, "missing comma: expected ',' after the value of %q, before the next field at line %d, column %d", key, l, col)
	default:
		p.fail(p.i, "expected ',' or '}' after the value of %q, found %s", key, p.describe(p.i))
	}
	return -1
}

func (p *parser) array(ptr, display string) []any {
	open := p.i
	p.enter(open)
	p.i++
	arr := []any{}
	comma := -1
	for {
		p.skipSpace()
		if p.eof() {
			l, c := p.d.pos(open)
			p.fail(p.i, "unexpected end of the JSON: expected a value or ']' to close the array opened at line %d, column %d", l, c)
		}
		if p.src[p.i] == ']' {
			if comma >= 0 {
				p.fail(comma, "trailing comma: JSON allows no ',' after the last item; remove it")
			}
			p.i++
			p.depth--
			return arr
		}
		n := len(arr)
		arr = append(arr, p.value(fmt.Sprintf("%s/%d", ptr, n), fmt.Sprintf("%s[%d]", display, n)))
		afterValue := p.i
		p.skipSpace()
		if p.eof() {
			l, c := p.d.pos(open)
			p.fail(p.i, "unexpected end of the JSON: expected ',' or ']' to close the array opened at line %d, column %d", l, c)
		}
		switch c := p.src[p.i]; {
		case c == ',':
			comma = p.i
			p.i++
		case c == ']':
			comma = -1
		case startsValue(c):
			l, col := p.d.pos(p.i)
			p.fail(afterValue, "missing comma: expected ',' between array items, before the item at line %d, column %d", l, col)
		default:
			p.fail(p.i, "expected ',' or ']' after an array item, found %s", p.describe(p.i))
		}
	}
}

func (p *parser) str() string {
	start := p.i
	p.i++
	for {
		if p.eof() {
			p.fail(start, "unterminated string: expected a closing '\"'")
		}
		c := p.src[p.i]
		switch {
		case c == '"':
			p.i++
			var s string
			// The grammar was checked above; encoding/json does the
			// unescaping, surrogate pairs included.
			if err := json.Unmarshal(p.src[start:p.i], &s); err != nil {
				p.fail(start, "invalid string: %v", err)
			}
			return s
		case c == '\\':
			if p.i+1 >= len(p.src) {
				p.fail(start, "unterminated string: expected a closing '\"'")
			}
			switch e := p.src[p.i+1]; e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.i += 2
			case 'u':
				for k := 2; k < 6; k++ {
					if p.i+k >= len(p.src) || !isHex(p.src[p.i+k]) {
						p.fail(p.i, "invalid escape: \\u needs four hexadecimal digits")
					}
				}
				p.i += 6
			default:
				p.fail(p.i, "invalid escape %s in a string: JSON allows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", p.describeEscape())
			}
		case c == '\n' || c == '\r':
			p.fail(p.i, "line break inside a string: close the string first, or write it as \\n")
		case c < 0x20:
			p.fail(p.i, "%s inside a string: escape it (for a tab, write \\t)", p.describe(p.i))
		default:
			p.i++
		}
	}
}

func (p *parser) describeEscape() string {
	r, _ := utf8.DecodeRune(p.src[p.i+1:])
	return fmt.Sprintf("'\\%c'", r)
}

func (p *parser) number() json.Number {
	start := p.i
	if p.src[p.i] == '-' {
		p.i++
	}
	digits := func(what string) {
		if p.eof() || !isDigit(p.src[p.i]) {
			p.fail(p.i, "expected a digit %s, found %s", what, p.describe(p.i))
		}
		for !p.eof() && isDigit(p.src[p.i]) {
			p.i++
		}
	}
	if !p.eof() && p.src[p.i] == '0' {
		p.i++
		if !p.eof() && isDigit(p.src[p.i]) {
			p.fail(start, "numbers cannot have leading zeros")
		}
	} else {
		digits("after '-'")
	}
	if !p.eof() && p.src[p.i] == '.' {
		p.i++
		digits("after the decimal point")
	}
	if !p.eof() && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		p.i++
		if !p.eof() && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		digits("in the exponent")
	}
	return json.Number(p.src[start:p.i])
}

func (p *parser) literal() any {
	start := p.i
	for !p.eof() && (isLetter(p.src[p.i]) || isDigit(p.src[p.i]) || p.src[p.i] == '_') {
		p.i++
	}
	word := string(p.src[start:p.i])
	switch word {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	switch strings.ToLower(word) {
	case "true", "false", "null":
		p.fail(start, "%q is not JSON: write %s in lower case", word, strings.ToLower(word))
	case "none", "nil", "undefined":
		p.fail(start, "%q is not JSON: write null", word)
	case "nan", "infinity":
		p.fail(start, "%q is not a JSON number", word)
	}
	p.fail(start, "unexpected word %q: strings need double quotes", word)
	return nil
}

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isHex(c byte) bool    { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') }

// startsValue reports whether c can begin a JSON value: after an array item
// it means a comma is missing.
func startsValue(c byte) bool {
	return c == '"' || c == '{' || c == '[' || c == '-' || isDigit(c) || c == 't' || c == 'f' || c == 'n'
}

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapePointer(key string) string {
	if !strings.ContainsAny(key, "~/") {
		return key
	}
	return pointerEscaper.Replace(key)
}

func joinDisplay(parent, key string) string {
	if parent == "" {
		return key
	}
	return parent + "." + key
}
