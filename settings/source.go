package settings

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/agext/levenshtein"
)

// OpaqueSecret is what a secret config value reads as where it cannot be decrypted (the
// offline plan). Format checks skip it: there is nothing to check until the engine decrypts.
const OpaqueSecret = "[secret]"

// Option tells Load more about where the configuration comes from.
type Option func(*reader)

// WithKeys gives every key the host passes to the program. Load then rejects a key in the
// project's namespace that the program does not read: a typo would otherwise be ignored
// silently, because the CLI accepts undeclared keys.
func WithKeys(keys []string) Option {
	return func(r *reader) { r.keys, r.keysKnown = keys, true }
}

// WithSecrets says which keys hold secret values (ctx.IsConfigSecret under the engine). Their
// values are never printed in an error, and Settings.SecretValues lists them so the program
// keeps everything built from them secret.
func WithSecrets(isSecret func(key string) bool) Option {
	return func(r *reader) { r.isSecret = isSecret }
}

func (r *reader) secret(qualified string) bool { return r.isSecret != nil && r.isSecret(qualified) }

// noteSecret records the plaintext of a secret value (and of each string in a secret list).
func (r *reader) noteSecret(qualified, v string) {
	if !r.secret(qualified) {
		return
	}
	var list []string
	if json.Unmarshal([]byte(v), &list) == nil {
		r.secrets = append(r.secrets, list...)
		return
	}
	r.secrets = append(r.secrets, v)
}

// secretValues lists the distinct secret plaintexts, longest first (so a value that contains
// another is matched whole).
func (r *reader) secretValues() []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range r.secrets {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) || len(out[i]) == len(out[j]) && out[i] < out[j] })
	return out
}

// undeclared reports every key in the project's namespace that Load did not read.
func (r *reader) undeclared() {
	if !r.keysKnown {
		return
	}
	var known []string
	for k := range r.read {
		known = append(known, k)
	}
	sort.Strings(known)
	for _, key := range r.keys {
		ns, _, _ := strings.Cut(key, ":")
		if ns != r.project || r.read[key] {
			continue
		}
		v, _ := r.get(key)
		allowed := "is not a setting Pulumi.yaml declares (a typo?)"
		if near := nearest(key, known); near != "" {
			allowed += "; did you mean " + near + "?"
		}
		r.errs = append(r.errs, FieldError{Key: key, Value: r.shown(key, v), Allowed: allowed})
	}
}

// nearest is the read key closest to key, if it is close enough to be a plausible typo.
func nearest(key string, known []string) string {
	best, bestDist := "", 4
	for _, k := range known {
		if d := levenshtein.Distance(strings.ToLower(key), strings.ToLower(k), nil); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// shown is a value as an error may print it: a secret never appears.
func (r *reader) shown(qualified, v string) string {
	if r.secret(qualified) {
		return OpaqueSecret
	}
	return v
}

// scrubbed is the errors with every secret plaintext masked, wherever a check quoted it (a
// derived name, a cross-check naming another key's value).
func (r *reader) scrubbed() Errors {
	secrets := r.secretValues()
	mask := func(s string) string {
		for _, v := range secrets {
			s = strings.ReplaceAll(s, v, OpaqueSecret)
		}
		return s
	}
	out := make(Errors, len(r.errs))
	for i, e := range r.errs {
		out[i] = FieldError{Key: e.Key, Value: mask(e.Value), Allowed: mask(e.Allowed)}
	}
	return out
}
