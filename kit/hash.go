package kit

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
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
