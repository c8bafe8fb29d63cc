package settings

import (
	"encoding/json"
	"fmt"
	"net/mail"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Lookup returns the raw value of a fully qualified key ("project:key" or "gcp:project").
// Pulumi hands structured values (arrays) over as JSON text.
type Lookup func(key string) (string, bool)

// reader parses typed values and records every problem instead of stopping at the first.
type reader struct {
	project string
	get     Lookup
	errs    Errors

	read      map[string]bool // every key asked for, qualified
	keys      []string        // every key the host passed (WithKeys)
	keysKnown bool
	isSecret  func(string) bool
	secrets   []string // plaintexts of secret values read
}

// qualify keeps provider keys ("gcp:region") and puts project keys in the project namespace.
func (r *reader) qualify(key string) string {
	if strings.Contains(key, ":") {
		return key
	}
	return r.project + ":" + key
}

func (r *reader) fail(key, value, allowed string, args ...any) {
	q := r.qualify(key)
	if r.secret(q) && strings.Contains(value, OpaqueSecret) {
		return // an undecrypted secret (offline): its format is checked under the engine
	}
	r.errs = append(r.errs, FieldError{Key: q, Value: r.shown(q, value), Allowed: fmt.Sprintf(allowed, args...)})
}

// raw returns the value; a missing key is an error because Pulumi.yaml declares a default for
// every project key and each stack file sets the provider keys.
func (r *reader) raw(key string) (string, bool) {
	q := r.qualify(key)
	r.read[q] = true
	v, ok := r.get(q)
	if ok {
		r.noteSecret(q, v)
	}
	if !ok {
		r.fail(key, "", "is not set: declare a default in Pulumi.yaml or set it in the stack file")
	}
	return v, ok
}

func (r *reader) str(key string) string {
	v, _ := r.raw(key)
	return v
}

func (r *reader) match(key string, re *regexp.Regexp, allowed string) string {
	v, ok := r.raw(key)
	if ok && !re.MatchString(v) {
		r.fail(key, v, "%s", allowed)
	}
	return v
}

func (r *reader) oneOf(key string, allowed ...string) string {
	v, ok := r.raw(key)
	if ok && !slices.Contains(allowed, v) {
		if len(allowed) > 8 { // region lists: name a few rather than drown the message
			r.fail(key, v, "must be a known region name such as %s", strings.Join(allowed[:3], ", "))
		} else {
			r.fail(key, v, "must be one of %s", strings.Join(allowed, ", "))
		}
	}
	return v
}

func (r *reader) intIn(key string, min, max int) int {
	v, ok := r.raw(key)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < min || n > max {
		r.fail(key, v, "must be a whole number from %d to %d", min, max)
		return 0
	}
	return n
}

func (r *reader) boolean(key string) bool {
	v, ok := r.raw(key)
	if !ok {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil || (v != "true" && v != "false") {
		r.fail(key, v, "must be true or false")
	}
	return b
}

// list reads an array of strings (JSON text, as Pulumi passes structured config).
func (r *reader) list(key string) []string {
	v, ok := r.raw(key)
	if !ok {
		return nil
	}
	var out []string
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		r.fail(key, v, "must be a list of strings")
		return nil
	}
	return out
}

// required reads a key only the deploying team can know. It has no default (none would be
// true), so a missing or empty value fails saying what it names and how to set it; how is the
// value's stand-in in the `pulumi config set` line, such as "<your project id>".
func (r *reader) required(key, what, how string) (string, bool) {
	q := r.qualify(key)
	r.read[q] = true
	v, ok := r.get(q)
	if ok {
		r.noteSecret(q, v)
	}
	if !ok || strings.TrimSpace(v) == "" {
		r.fail(key, v, "is not set: %s. It has no default: set it with `pulumi config set %s %s`", what, key, how)
		return "", false
	}
	return v, true
}

// email reads a required mailbox (see required for what and how).
func (r *reader) email(key, what, how string) string {
	v, ok := r.required(key, what, how)
	if !ok {
		return ""
	}
	addr, err := mail.ParseAddress(v)
	if err != nil || addr.Address != v || !strings.Contains(v[strings.LastIndex(v, "@"):], ".") {
		r.fail(key, v, "must be a plain email address such as team@example.com")
	}
	return v
}

func (r *reader) prefix(key string) netip.Prefix {
	v, ok := r.raw(key)
	if !ok {
		return netip.Prefix{}
	}
	return r.parsePrefix(key, v)
}

func (r *reader) parsePrefix(key, v string) netip.Prefix {
	p, err := netip.ParsePrefix(v)
	if err != nil || !p.Addr().Is4() {
		r.fail(key, v, "must be an IPv4 CIDR block such as 10.0.0.0/16")
		return netip.Prefix{}
	}
	if p.Masked() != p {
		r.fail(key, v, "host bits must be zero (did you mean %s?)", p.Masked())
		return netip.Prefix{}
	}
	if IsDocumentationRange(p) {
		r.fail(key, v, "is in a range reserved for documentation (RFC 5737), a placeholder no real network uses: name your own network's range")
		return netip.Prefix{}
	}
	return p
}

func (r *reader) prefixes(key string) []netip.Prefix {
	var out []netip.Prefix
	for _, v := range r.list(key) {
		if p := r.parsePrefix(key, v); p.IsValid() {
			out = append(out, p)
		}
	}
	return out
}

var uuidPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)

func (r *reader) uuids(key string) []string {
	vals := r.list(key)
	seen := map[string]bool{}
	for _, v := range vals {
		switch {
		case v == NilGUID:
			r.fail(key, v, "is the all-zero GUID, a placeholder rather than an object id: name a real Entra group")
		case !uuidPattern.MatchString(v):
			r.fail(key, v, "each entry must be an object id in lowercase GUID form (8-4-4-4-12 hex digits)")
		case seen[v]:
			r.fail(key, v, "is listed twice")
		}
		seen[v] = true
	}
	return vals
}
