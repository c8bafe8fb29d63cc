package settings

import (
	"fmt"
	"strings"
)

// FieldError is one invalid configuration value: the key, what was given, and what is allowed.
type FieldError struct {
	Key     string
	Value   string
	Allowed string
}

func (e FieldError) Error() string {
	return fmt.Sprintf("%s = %q: %s", e.Key, e.Value, e.Allowed)
}

// Errors collects every invalid value so a user fixes them all in one pass.
type Errors []FieldError

func (es Errors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "invalid configuration (%d problem", len(es))
	if len(es) != 1 {
		b.WriteString("s")
	}
	b.WriteString("):")
	for _, e := range es {
		b.WriteString("\n  - ")
		b.WriteString(e.Error())
	}
	return b.String()
}
