package kind

// kodus-byok patch: this file is new. Upstream formats its messages with
// golang.org/x/text/message.Printer, whose package initialisation builds
// locale tables in every program that links it. The messages are English
// only, and the only thing that printer adds to fmt is how it prints
// numbers, so Printer does just that.

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Printer formats messages like fmt.Sprintf, printing the numbers given to
// %v and %d as golang.org/x/text/message prints them for English: digits in
// groups of three ("1,024", "-12,345.5"), exponents as powers of ten
// ("1.5×10⁻⁰⁷"), infinities as "∞". The zero value is ready to use.
type Printer struct{}

// Sprintf formats according to format.
func (*Printer) Sprintf(format string, a ...any) string {
	verbs := plainVerbs(format)
	args := make([]any, len(a))
	for i, v := range a {
		args[i] = v
		if i < len(verbs) && (verbs[i] == 'v' || verbs[i] == 'd' && isInteger(v)) && isNumber(v) {
			args[i] = number{v}
		}
	}
	return fmt.Sprintf(format, args...)
}

// plainVerbs lists the verb that takes each argument of format in turn, 0
// for one with flags, width or precision (printed by fmt as it is). A
// format with argument indexes or * gets no list: fmt prints it all.
func plainVerbs(format string) []rune {
	var verbs []rune
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		plain := true
		for i++; i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0; i++ {
			plain = false
		}
		if i == len(format) {
			break
		}
		switch c := format[i]; {
		case c == '%':
		case c == '[' || c == '*':
			return nil
		case plain:
			verbs = append(verbs, rune(c))
		default:
			verbs = append(verbs, 0)
		}
	}
	return verbs
}

// number is an argument of a bare %v or %d, printed localised.
type number struct{ v any }

func (n number) Format(s fmt.State, _ rune) {
	_, _ = s.Write([]byte(formatNumber(n.v)))
}

func isNumber(v any) bool {
	switch v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, uintptr, float32, float64:
		return true
	}
	return false
}

func isInteger(v any) bool {
	switch v.(type) {
	case float32, float64:
		return false
	}
	return true
}

func formatNumber(v any) string {
	switch f := v.(type) {
	case float32:
		return formatFloat(float64(f), strconv.FormatFloat(float64(f), 'g', -1, 32))
	case float64:
		return formatFloat(f, strconv.FormatFloat(f, 'g', -1, 64))
	}
	return groupDigits(fmt.Sprint(v))
}

// formatFloat rewrites fmt's %v form s of f: the same digits, grouped, or
// the same mantissa times a power of ten.
func formatFloat(f float64, s string) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "∞"
	case math.IsInf(f, -1):
		return "-∞"
	case f == 0:
		return "0" // also for -0
	}
	mantissa, exp, ok := strings.Cut(s, "e")
	if !ok {
		return groupDigits(s)
	}
	var sb strings.Builder
	sb.WriteString(mantissa)
	sb.WriteString("×10")
	for _, c := range exp {
		switch {
		case c == '-':
			sb.WriteRune('⁻')
		case c >= '0' && c <= '9':
			sb.WriteRune(superscripts[c-'0'])
		}
	}
	return sb.String()
}

var superscripts = [10]rune{'⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'}

// groupDigits puts a comma between groups of three digits in the integer
// part of a decimal number: "-1234567.5" → "-1,234,567.5".
func groupDigits(s string) string {
	sign, digits := "", s
	if strings.HasPrefix(s, "-") {
		sign, digits = "-", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(digits, ".")
	var sb strings.Builder
	sb.WriteString(sign)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			sb.WriteByte(',')
		}
		sb.WriteRune(c)
	}
	if hasFrac {
		sb.WriteByte('.')
		sb.WriteString(frac)
	}
	return sb.String()
}
