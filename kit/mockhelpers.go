package kit

import (
	"fmt"
	"net/netip"
	"strconv"
)

// Helpers the mock responders share: the components' own (in their spec packages) and the
// tooling's (internal/mocks), so a value is derived the same way wherever it is mocked.

// AutoName mirrors Pulumi auto-naming as the mocks model it: the input at key when set,
// otherwise the logical name plus a stable 7-character suffix.
func AutoName(req MockRequest, key string) string {
	if v := Str(req.In, key); v != "" {
		return v
	}
	return req.Name + Hash("autoname", req.Name)[:7]
}

// GCPProject is the project a Google resource lands in: its project input, otherwise the
// provider's gcp:project default (as the real provider resolves it).
func GCPProject(req MockRequest) string {
	if p := Str(req.In, "project"); p != "" {
		return p
	}
	return req.Config["gcp:project"]
}

// IPFrom derives a stable public-looking IPv4 address in 34.0.0.0/8 (Google's range).
func IPFrom(parts ...string) string {
	h := Hash(parts...)
	var b [3]uint64
	for i := range b {
		b[i], _ = strconv.ParseUint(h[2*i:2*i+2], 16, 8)
	}
	return fmt.Sprintf("34.%d.%d.%d", b[0], b[1], max(b[2], 2))
}

// HostIn returns the n-th address of the prefix (a subnet's gateway is the first host); "" for
// a malformed prefix.
func HostIn(cidr string, n int) string {
	p, err := netip.ParsePrefix(cidr)
	if err != nil {
		return ""
	}
	a := p.Masked().Addr()
	for range n {
		a = a.Next()
	}
	return a.String()
}

// Merged copies an object input and adds computed fields, as a provider's state does.
func Merged(in map[string]interface{}, key string, add map[string]interface{}) map[string]interface{} {
	out := map[string]interface{}{}
	if obj, ok := in[key].(map[string]interface{}); ok {
		for k, v := range obj {
			out[k] = v
		}
	}
	for k, v := range add {
		out[k] = v
	}
	return out
}
