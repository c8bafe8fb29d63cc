package spec

import (
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The global address answers with an IPv4 address derived from its id, so plans are stable.
func TestGlobalAddressMock(t *testing.T) {
	id, out := globalAddress(kit.MockRequest{Name: "entry-ip", Config: map[string]string{"gcp:project": "p-1"},
		In: map[string]interface{}{"name": "mlp-prod-entry-ip"}})
	if id != "projects/p-1/global/addresses/mlp-prod-entry-ip" || out["name"] != "mlp-prod-entry-ip" || out["project"] != "p-1" {
		t.Errorf("id = %q, out = %v", id, out)
	}
	if out["address"] != kit.IPFrom("global-address", id) || out["selfLink"] != computeAPI+id {
		t.Errorf("address %v, selfLink %v", out["address"], out["selfLink"])
	}
}

// A certificate map entry lives under its map.
func TestCertMapEntryMock(t *testing.T) {
	id, out := certMapEntry(kit.MockRequest{In: map[string]interface{}{"project": "p-2", "name": "e", "map": "m"}})
	if id != "projects/p-2/locations/global/certificateMaps/m/certificateMapEntries/e" || out["state"] != "ACTIVE" {
		t.Errorf("id = %q, out = %v", id, out)
	}
}

// Every type the component mocks also has a creation time, so the plan's timing model never
// falls back to its default for the entry.
func TestMockedTypesHaveCreateTimes(t *testing.T) {
	for token := range Component.Mocks {
		if _, ok := Component.CreateTimes[token]; !ok {
			t.Errorf("%s is mocked but has no creation time", token)
		}
	}
}
