package kit

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
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

// MockIdentity is the identity block ARM returns for a request's identity input: principal
// and client ids derived from the resource id (system-assigned) or each user-assigned
// identity's id; nil when the request has no identity.
func MockIdentity(req MockRequest, id string) map[string]interface{} {
	in, ok := req.In["identity"].(map[string]interface{})
	if !ok {
		return nil
	}
	out := map[string]interface{}{}
	for k, v := range in {
		out[k] = v
	}
	if list, ok := in["userAssignedIdentities"].([]interface{}); ok {
		byID := map[string]interface{}{}
		for _, v := range list {
			uai, _ := v.(string)
			byID[uai] = map[string]interface{}{"principalId": GUID("principal", uai), "clientId": GUID("client", uai)}
		}
		out["userAssignedIdentities"] = byID
	}
	if t, _ := in["type"].(string); strings.Contains(t, "SystemAssigned") {
		out["principalId"] = GUID("principal", id)
		out["tenantId"] = MockTenantID
	}
	return out
}

// Secret wraps a string as a Pulumi secret, as a case's value.
func Secret(s string) resource.PropertyValue {
	return resource.MakeSecret(resource.NewStringProperty(s))
}
