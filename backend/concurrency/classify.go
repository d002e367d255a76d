package concurrency

import (
	"context"
	"strings"

	"github.com/kodusbyok/studio/backend/keytest"
)

// kind is what one answer means for the measurement.
type kind int

const (
	kindOK kind = iota
	// kindCap: a concurrency or rate-limit rejection (Z.ai 1302, Moonshot
	// rate_limit_reached_error, OpenAI rate_limit_exceeded, Anthropic
	// rate_limit_error, any other 429 the key test calls rate_limit).
	kindCap
	// kindQuota: a rate limit that is a used-up window, not concurrency
	// (Z.ai 1304 daily, 1308 plan window; a per-day quota; Kimi's 5-hour
	// or weekly limit): measuring on is pointless.
	kindQuota
	// kindOverloaded: the provider as a whole is busy (Z.ai 1305/1312,
	// Moonshot engine_overloaded_error, Anthropic 529): its rejections say
	// nothing about this key's cap.
	kindOverloaded
	kindError
	kindCancelled
)

var (
	quotaCodes      = map[string]bool{"1304": true, "1308": true}
	overloadedCodes = map[string]bool{"1305": true, "1312": true, "engine_overloaded_error": true, "overloaded_error": true}
)

// classify reads an attempt with the key test's verdict first, so a rate
// limit here is what the key test calls one, then splits rate limits by
// what they say about concurrency.
func classify(ctx context.Context, a keytest.Attempt) kind {
	r := a.Result
	if ctx.Err() != nil && r.Code != keytest.CodeOK {
		return kindCancelled
	}
	switch r.Code {
	case keytest.CodeOK:
		return kindOK
	case keytest.CodeRateLimit:
		msg := strings.ToLower(r.ProviderMessage)
		switch {
		case quotaCodes[r.ProviderCode] || strings.Contains(r.ProviderCode, "PerDay") ||
			containsAny(msg, "5-hour", "5 hour", "weekly", "monthly", "daily", "per day", "usage limit"):
			return kindQuota
		case overloadedCodes[r.ProviderCode] || containsAny(msg, "overloaded", "temporarily unavailable"):
			return kindOverloaded
		}
		return kindCap
	case keytest.CodeServerError:
		if r.HTTPStatus == 529 || r.HTTPStatus == 503 || overloadedCodes[r.ProviderCode] {
			return kindOverloaded
		}
	}
	return kindError
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
