package cost

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"strconv"
	"strings"
)

// Money is an amount of US dollars in picodollars (1e-12 USD). A price per
// 1M tokens is kept in micro-dollars, so tokens × price is picodollars
// with no rounding at all: every amount this package computes is exact.
type Money int64

// Rate is a price per 1M tokens in micro-dollars (1e-6 USD): "3.00" is
// 3,000,000. Six decimal places per 1M tokens is finer than any provider
// publishes.
type Rate int64

// ErrTooLarge means an amount does not fit (above about $9.2 million).
var ErrTooLarge = errors.New("the amount is too large to estimate (above $9,000,000); lower the numbers")

const picoPerDollar = 1_000_000_000_000

// ParseRate reads a non-negative decimal price in USD per 1M tokens ("3",
// "0.0028"). It rejects more than 6 decimal places instead of rounding.
func ParseRate(s string) (Rate, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "$")
	if s == "" {
		return 0, errors.New("is empty")
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || strings.ContainsAny(s, "eE/") {
		return 0, fmt.Errorf("must be a decimal number of USD per 1M tokens, such as 3.00")
	}
	if r.Sign() < 0 {
		return 0, errors.New("must not be negative")
	}
	r.Mul(r, big.NewRat(1_000_000, 1))
	if !r.IsInt() {
		return 0, errors.New("has more than 6 decimal places")
	}
	if !r.Num().IsInt64() || r.Num().Int64() > 1_000_000_000_000 {
		return 0, errors.New("is above $1,000,000 per 1M tokens")
	}
	return Rate(r.Num().Int64()), nil
}

// rateFromPerToken converts LiteLLM's USD-per-token number (its JSON text,
// e.g. "3e-06") exactly, rounding half to even only past 6 decimal places
// per 1M tokens; rounded reports whether that happened.
func rateFromPerToken(text string) (r Rate, rounded bool, err error) {
	v, ok := new(big.Rat).SetString(strings.TrimSpace(text))
	if !ok {
		return 0, false, fmt.Errorf("not a number: %q", text)
	}
	if v.Sign() < 0 {
		return 0, false, fmt.Errorf("negative price %s", text)
	}
	v.Mul(v, big.NewRat(1_000_000_000_000, 1)) // USD/token → µUSD per 1M tokens
	q, m := new(big.Int).QuoRem(v.Num(), v.Denom(), new(big.Int))
	if m.Sign() != 0 {
		rounded = true
		twice := new(big.Int).Mul(m, big.NewInt(2))
		if c := twice.Cmp(v.Denom()); c > 0 || (c == 0 && q.Bit(0) == 1) {
			q.Add(q, big.NewInt(1))
		}
	}
	if !q.IsInt64() || q.Int64() > 1_000_000_000_000 {
		return 0, false, fmt.Errorf("price %s is above $1,000,000 per 1M tokens", text)
	}
	return Rate(q.Int64()), rounded, nil
}

// String is the price in USD per 1M tokens with at least 2 decimals.
func (r Rate) String() string { return decimal(int64(r), 6) }

// String is the amount in USD as an exact decimal: at least 2 decimals,
// no trailing zeros beyond them ("18.00", "0.0000003").
func (m Money) String() string { return decimal(int64(m), 12) }

// Cents rounds half up to whole cents, for display only.
func (m Money) Cents() int64 { return (int64(m) + 5_000_000_000) / 10_000_000_000 }

func decimal(v int64, places int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if len(s) <= places {
		s = strings.Repeat("0", places-len(s)+1) + s
	}
	whole, frac := s[:len(s)-places], strings.TrimRight(s[len(s)-places:], "0")
	for len(frac) < 2 {
		frac += "0"
	}
	if neg {
		whole = "-" + whole
	}
	return whole + "." + frac
}

// ParseMoney reads a non-negative USD amount ("250", "99.50").
func ParseMoney(s string) (Money, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "$")
	r, ok := new(big.Rat).SetString(strings.ReplaceAll(s, ",", ""))
	if s == "" || !ok || strings.ContainsAny(s, "eE/") {
		return 0, errors.New("must be an amount in USD, such as 250 or 99.50")
	}
	if r.Sign() < 0 {
		return 0, errors.New("must not be negative")
	}
	r.Mul(r, big.NewRat(picoPerDollar, 1))
	if !r.IsInt() || !r.Num().IsInt64() {
		return 0, ErrTooLarge
	}
	return Money(r.Num().Int64()), nil
}

// mulTokens prices n tokens at r: n × r picodollars, checked.
func mulTokens(n int64, r Rate) (Money, error) {
	hi, lo := bits.Mul64(uint64(n), uint64(r))
	if n < 0 || hi != 0 || lo > 1<<63-1 {
		return 0, ErrTooLarge
	}
	return Money(lo), nil
}

func add(a, b Money) (Money, error) {
	s := a + b
	if s < a {
		return 0, ErrTooLarge
	}
	return s, nil
}

// scale returns m × num / den rounded half to even; den > 0. It is the one
// place an amount can be rounded (averages, the Fallback's share), to the
// picodollar.
func scale(m Money, num, den int64) (Money, error) {
	hi, lo := bits.Mul64(uint64(m), uint64(num))
	if hi >= uint64(den) {
		return 0, ErrTooLarge
	}
	q, r := bits.Div64(hi, lo, uint64(den))
	if 2*r > uint64(den) || (2*r == uint64(den) && q&1 == 1) {
		q++
	}
	if q > 1<<63-1 {
		return 0, ErrTooLarge
	}
	return Money(q), nil
}
