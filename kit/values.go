package kit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Hash is a short, stable hex digest of its parts: mocks derive ids and computed values from
// it so the same program and config give byte-identical plans.
func Hash(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:])
}

// Str reads a string input of a mock request (or "").
func Str(in map[string]interface{}, key string) string {
	s, _ := in[key].(string)
	return s
}

// GUID returns a stable, well-formed version-4-shaped GUID derived from its parts.
func GUID(parts ...string) string {
	h := Hash(parts...)
	return fmt.Sprintf("%s-%s-4%s-8%s-%s", h[0:8], h[8:12], h[13:16], h[17:20], h[20:32])
}

// ParseTime reads an RFC 3339 time or a date, as credentials' startDate and endDate come.
func ParseTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
