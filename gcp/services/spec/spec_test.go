package spec

import "testing"

// The services own no type: the API enablement is shared with the cross-cloud link, and a
// responder or creation time declared here as well would answer twice for it.
func TestOwnsNoSharedType(t *testing.T) {
	if Component.Name != "services" {
		t.Errorf("Name = %q, want services (its folder)", Component.Name)
	}
	if n := len(Component.Rules) + len(Component.Mocks) + len(Component.CreateTimes); n != 0 {
		t.Errorf("services declares %d rules, mocks or times; the Service type is the tooling's", n)
	}
}
