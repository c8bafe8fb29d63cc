package spec

import (
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The membership's mock answers with the fleet's workload identity pool and the cluster's
// issuer, which the mesh CA trusts; the location defaults to global.
func TestMembershipMockReportsTheAuthority(t *testing.T) {
	id, out := membership(kit.MockRequest{Name: "m", Config: map[string]string{"gcp:project": "p-1"},
		In: map[string]interface{}{"membershipId": "gke-x", "authority": map[string]interface{}{"issuer": "https://issuer"}}})
	if id != "projects/p-1/locations/global/memberships/gke-x" {
		t.Errorf("id = %q", id)
	}
	auth := out["authority"].(map[string]interface{})
	if auth["workloadIdentityPool"] != "p-1.svc.id.goog" || auth["identityProvider"] != "https://issuer" || auth["issuer"] != "https://issuer" {
		t.Errorf("authority = %v", auth)
	}
	if _, out := membership(kit.MockRequest{In: map[string]interface{}{"project": "p-2", "location": "europe-west1"}}); out["authority"] != nil || out["location"] != "europe-west1" {
		t.Errorf("without an authority: %v", out)
	}
}

// Every type the component mocks also has a creation time, so the plan's timing model never
// falls back to its default for the mesh.
func TestMockedTypesHaveCreateTimes(t *testing.T) {
	for token := range Component.Mocks {
		if _, ok := Component.CreateTimes[token]; !ok {
			t.Errorf("%s is mocked but has no creation time", token)
		}
	}
}
