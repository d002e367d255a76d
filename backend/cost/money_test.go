package cost

import (
	"errors"
	"strings"
	"testing"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		in   string
		want Rate
		err  string
	}{
		{"3.00", 3_000_000, ""},
		{"$15", 15_000_000, ""},
		{"0.0028", 2_800, ""},
		{"0.435", 435_000, ""},
		{"0", 0, ""},
		{"0.0000001", 0, "more than 6 decimal places"},
		{"-1", 0, "must not be negative"},
		{"3e-6", 0, "decimal number"},
		{"abc", 0, "decimal number"},
		{"", 0, "is empty"},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseRate(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseRate(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestRateFromPerToken(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		rounded bool
	}{
		{"3e-06", "3.00", false},
		{"1.5e-05", "15.00", false},
		{"2.8e-09", "0.0028", false},
		{"0.000000125", "0.125", false},
		{"1.6666666666666667e-07", "0.166667", true},
		{"0", "0.00", false},
	}
	for _, tt := range tests {
		r, rounded, err := rateFromPerToken(tt.in)
		if err != nil || r.String() != tt.want || rounded != tt.rounded {
			t.Errorf("rateFromPerToken(%q) = %s, %v, %v; want %s, %v", tt.in, r, rounded, err, tt.want, tt.rounded)
		}
	}
	if _, _, err := rateFromPerToken("-1e-06"); err == nil {
		t.Error("a negative per-token price was accepted")
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		m    Money
		want string
	}{
		{18 * picoPerDollar, "18.00"},
		{300_000, "0.0000003"},
		{621_000_000_000, "0.621"},
		{0, "0.00"},
		{-5 * picoPerDollar / 10, "-0.50"},
	}
	for _, tt := range tests {
		if got := tt.m.String(); got != tt.want {
			t.Errorf("Money(%d) = %s, want %s", tt.m, got, tt.want)
		}
	}
	if c := Money(4_995_000_000).Cents(); c != 0 {
		t.Errorf("0.004995 rounds to %d cents", c)
	}
	if c := Money(5_000_000_000).Cents(); c != 1 {
		t.Errorf("0.005 rounds to %d cents", c)
	}
}

func TestParseMoney(t *testing.T) {
	if m, err := ParseMoney("$1,250.50"); err != nil || m.String() != "1250.50" {
		t.Errorf("ParseMoney = %s, %v", m, err)
	}
	for _, bad := range []string{"", "-3", "lots", "1e3"} {
		if _, err := ParseMoney(bad); err == nil {
			t.Errorf("ParseMoney(%q) accepted", bad)
		}
	}
}

func TestOverflowIsAnErrorNotAWrongNumber(t *testing.T) {
	if _, err := mulTokens(1<<40, 1<<30); !errors.Is(err, ErrTooLarge) {
		t.Errorf("mulTokens overflow: %v", err)
	}
	if _, err := add(Money(1<<62), Money(1<<62)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("add overflow: %v", err)
	}
	if _, err := scale(Money(1<<62), 1<<40, 3); !errors.Is(err, ErrTooLarge) {
		t.Errorf("scale overflow: %v", err)
	}
}

func TestScaleRoundsHalfToEven(t *testing.T) {
	for _, tt := range []struct{ m, num, den, want int64 }{{5, 1, 2, 2}, {7, 1, 2, 4}, {10, 1, 3, 3}, {11, 1, 3, 4}, {124_200, 95, 100, 117_990}} {
		if got, _ := scale(Money(tt.m), tt.num, tt.den); int64(got) != tt.want {
			t.Errorf("scale(%d, %d/%d) = %d, want %d", tt.m, tt.num, tt.den, got, tt.want)
		}
	}
}
