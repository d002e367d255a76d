package thinking

import (
	"errors"
	"strings"
	"testing"
)

// Invalid JSON is an error that says where (line, column), what was
// expected, and names trailing and missing commas.
func TestInvalidJSON(t *testing.T) {
	cases := []struct {
		name, src string
		line, col int
		msg       string
	}{
		{"empty", "", 1, 1, "the JSON is empty: expected an object"},
		{"blank", "  \n\t", 2, 2, "the JSON is empty"},
		{"trailing comma", `{"thinking": {"type": "enabled"},}`, 1, 33, "trailing comma: JSON allows no ',' after the last field"},
		{"trailing comma multi-line", "{\n  \"thinking\": {\n    \"type\": \"adaptive\",\n  }\n}", 3, 23, "trailing comma"},
		{"trailing comma in array", `{"provider": {"order": ["a", "b",]}}`, 1, 33, "trailing comma: JSON allows no ',' after the last item"},
		{"missing comma between fields", "{\n  \"thinking\": {\"type\": \"adaptive\"}\n  \"effort\": \"high\"\n}", 2, 35, `missing comma: expected ',' after the value of "thinking", before the next field at line 3, column 3`},
		{"missing comma same line", `{"a": 1 "b": 2}`, 1, 8, `missing comma: expected ',' after the value of "a"`},
		{"missing comma in array", `{"order": ["a" "b"]}`, 1, 15, "missing comma: expected ',' between array items, before the item at line 1, column 16"},
		{"unclosed object", "{\n  \"thinking\": {\"type\": \"enabled\"}\n", 3, 1, "unexpected end of the JSON: expected ',' or '}' to close the object opened at line 1, column 1"},
		{"unclosed after comma", `{"a": 1,`, 1, 9, "expected a field name or '}' to close the object opened at line 1, column 1"},
		{"unclosed array", `{"a": [1`, 1, 9, "expected ',' or ']' to close the array opened at line 1, column 7"},
		{"missing value", `{"a": }`, 1, 7, "expected a value (an object, array, string, number, true, false or null), found '}'"},
		{"missing colon", `{"a" 1}`, 1, 6, `expected ':' after the field name "a", found '1'`},
		{"single-quoted key", `{'a': 1}`, 1, 2, "field names need double quotes (\"), not single quotes"},
		{"single-quoted string", `{"a": 'x'}`, 1, 7, "strings need double quotes"},
		{"unquoted key", `{thinking: {}}`, 1, 2, "field names need double quotes: expected '\"', found 't'"},
		{"comment", "{\n  // budget\n  \"a\": 1\n}", 2, 3, "comments are not allowed in JSON"},
		{"comment after value", `{"a": /* x */ 1}`, 1, 7, "comments are not allowed"},
		{"Python True", `{"a": True}`, 1, 7, `"True" is not JSON: write true in lower case`},
		{"None", `{"a": None}`, 1, 7, `"None" is not JSON: write null`},
		{"NaN", `{"a": NaN}`, 1, 7, `"NaN" is not a JSON number`},
		{"bare word", `{"a": adaptive}`, 1, 7, `unexpected word "adaptive": strings need double quotes`},
		{"leading zero", `{"a": 012}`, 1, 7, "numbers cannot have leading zeros"},
		{"dangling point", `{"a": 1.}`, 1, 9, "expected a digit after the decimal point, found '}'"},
		{"lone minus", `{"a": -}`, 1, 8, "expected a digit after '-'"},
		{"point first", `{"a": .5}`, 1, 7, "write 0.5, not .5"},
		{"plus sign", `{"a": +1}`, 1, 7, "cannot start with '+'"},
		{"bad exponent", `{"a": 1e}`, 1, 9, "expected a digit in the exponent"},
		{"unterminated string", `{"a": "adaptive}`, 1, 7, "unterminated string: expected a closing '\"'"},
		{"line break in string", "{\"a\": \"ada\nptive\"}", 1, 11, "line break inside a string"},
		{"tab in string", "{\"a\": \"x\ty\"}", 1, 9, "control character U+0009 inside a string: escape it"},
		{"bad escape", `{"a": "x\q"}`, 1, 9, `invalid escape '\q'`},
		{"short unicode escape", `{"a": "\u12"}`, 1, 8, `\u needs four hexadecimal digits`},
		{"two values", `{} {}`, 1, 4, "unexpected '{' after the end of the JSON: only one value is allowed"},
		{"characters counted, not bytes", `{"é": "ü",}`, 1, 10, "trailing comma"},
		{"stray character", `{"a": 1;}`, 1, 8, `expected ',' or '}' after the value of "a", found ';'`},
		{"closing bracket mismatch", `{"a": [1}`, 1, 9, "expected ',' or ']' after an array item, found '}'"},
		{"deep nesting", strings.Repeat("[", 300), 1, 257, "nested more than 256 levels deep"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseJSON([]byte(c.src))
			if err == nil {
				t.Fatalf("parsed %q", c.src)
			}
			if len(err.Problems) != 1 {
				t.Fatalf("problems = %v", err.Problems)
			}
			p := err.Problems[0]
			if p.Line != c.line || p.Column != c.col || !strings.Contains(p.Message, c.msg) {
				t.Errorf("got line %d, column %d: %s\nwant line %d, column %d: …%s…", p.Line, p.Column, p.Message, c.line, c.col, c.msg)
			}
			// The error reads the same in the CLI and the GUI.
			if !strings.HasPrefix(err.Error(), "line ") {
				t.Errorf("Error() = %q", err.Error())
			}
		})
	}
}

// Anything that is not a JSON object is refused, where Kodus sends nothing.
func TestNotAnObject(t *testing.T) {
	for src, what := range map[string]string{`[]`: "not an array", `"thinking"`: "not a string", `42`: "not a number", `null`: "not null", "\n  true": "not true or false"} {
		err := CheckOverride(mid, "anthropic", "claude-sonnet-4-6", src)
		var oe *OverrideError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), "must be an object") || !strings.Contains(err.Error(), what) {
			t.Errorf("%s: err = %v", src, err)
		}
	}
	err := CheckOverride(mid, "anthropic", "claude-sonnet-4-6", "\n  true")
	if !strings.HasPrefix(err.Error(), "line 2, column 3:") {
		t.Errorf("position: %v", err)
	}
}

func TestValidJSONParses(t *testing.T) {
	src := "\uFEFF{\n \"a\": [1, -2.5e3, 0, true, false, null, \"\\u00e9\\n\\\"\"],\n \"b\": {\"c\": {}}, \"d\": [], \"\\ud83d\\ude00\": 1\n}"
	d, err := parseJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := canon(t, d.value)
	want := `{"a":[1,-2.5e3,0,true,false,null,"é\n\""],"b":{"c":{}},"d":[],"😀":1}`
	if got != canon(t, want) {
		t.Errorf("value = %s", got)
	}
	if l := d.locs["/b/c"]; l.display != "b.c" {
		t.Errorf("loc b.c = %+v", l)
	}
	if line, col := d.pos(d.locs["/a/2"].offset); line != 2 || col != 19 {
		t.Errorf("a[2] at %d:%d", line, col)
	}
	if l := d.locs["/a/2"]; l.display != "a[2]" {
		t.Errorf("display = %q", l.display)
	}
}
