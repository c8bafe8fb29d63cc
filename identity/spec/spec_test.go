package spec

import (
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// A password's id and key id change with its endDate (each rotation slot is a new credential),
// and its value is secret.
func TestPasswordMock(t *testing.T) {
	a, outA := applicationPassword(kit.MockRequest{Name: "slot-a", In: map[string]interface{}{"applicationId": "/applications/x", "endDate": "2026-02-07T00:00:00Z"}})
	b, _ := applicationPassword(kit.MockRequest{Name: "slot-a", In: map[string]interface{}{"applicationId": "/applications/x", "endDate": "2026-03-09T00:00:00Z"}})
	if a == b || a[:len("/applications/x/password/")] != "/applications/x/password/" {
		t.Errorf("ids %q and %q: want distinct ids under the application", a, b)
	}
	if v, ok := outA["value"].(interface{ IsSecret() bool }); !ok || !v.IsSecret() {
		t.Errorf("value %v is not a secret", outA["value"])
	}
}
