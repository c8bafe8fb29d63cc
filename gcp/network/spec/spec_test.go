package spec

import (
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The subnet's mock answers a self link under the provider's default project and an explicit
// region, and the first host of its range as the gateway (the cluster reads both).
func TestSubnetworkMock(t *testing.T) {
	req := kit.MockRequest{Name: "gcp-gke", In: map[string]interface{}{"name": "vpc-mlp-prod-gke", "region": "us-east1", "ipCidrRange": "10.10.0.0/20"},
		Config: map[string]string{"gcp:project": "p-1", "gcp:region": "europe-west4"}}
	id, out := subnetwork(req)
	if id != "projects/p-1/regions/us-east1/subnetworks/vpc-mlp-prod-gke" {
		t.Errorf("id = %q", id)
	}
	if out["selfLink"] != "https://www.googleapis.com/compute/v1/"+id || out["gatewayAddress"] != "10.10.0.1" || out["region"] != "us-east1" {
		t.Errorf("outputs = %v", out)
	}
}

// The VPC is global: no region in its id; Cloud NAT is named under its router, in the
// provider's default region when it names none.
func TestNetworkAndNATMocks(t *testing.T) {
	cfg := map[string]string{"gcp:project": "p-1", "gcp:region": "europe-west4"}
	if id, _ := network(kit.MockRequest{Name: "gcp-vpc", In: map[string]interface{}{"name": "vpc-mlp-prod"}, Config: cfg}); id != "projects/p-1/global/networks/vpc-mlp-prod" {
		t.Errorf("network id = %q", id)
	}
	id, out := routerNat(kit.MockRequest{Name: "gcp-nat", In: map[string]interface{}{"name": "vpc-mlp-prod-nat", "router": "vpc-mlp-prod-router"}, Config: cfg})
	if id != "p-1/europe-west4/vpc-mlp-prod-router/vpc-mlp-prod-nat" || out["region"] != "europe-west4" {
		t.Errorf("nat: %q %v", id, out)
	}
}

// Every type the component mocks also has a creation time, so the plan's timing model never
// falls back to its default for the network.
func TestMockedTypesHaveCreateTimes(t *testing.T) {
	for token := range Component.Mocks {
		if _, ok := Component.CreateTimes[token]; !ok {
			t.Errorf("%s is mocked but has no creation time", token)
		}
	}
	if len(Component.Mocks) != 3 {
		t.Errorf("mocks %d types, want the VPC, the subnet and Cloud NAT", len(Component.Mocks))
	}
}
