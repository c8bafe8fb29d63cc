package spec

import (
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The HA VPN gateway's mock reports an address for interface 0 and 1 (the link refuses a
// gateway without both), under the provider's default project and region.
func TestHaVpnGatewayMockReportsBothInterfaces(t *testing.T) {
	req := kit.MockRequest{Name: "crosscloud-ha-vpn", In: map[string]interface{}{"name": "vpn-mlp-prod"},
		Config: map[string]string{"gcp:project": "p-1", "gcp:region": "europe-west4"}}
	id, out := haVpnGateway(req)
	if id != "projects/p-1/regions/europe-west4/vpnGateways/vpn-mlp-prod" {
		t.Errorf("id = %q", id)
	}
	ifs := out["vpnInterfaces"].([]interface{})
	if len(ifs) != 2 {
		t.Fatalf("vpnInterfaces = %v, want 2", ifs)
	}
	for i, raw := range ifs {
		iface := raw.(map[string]interface{})
		if iface["id"] != float64(i) || iface["ipAddress"] != kit.IPFrom("ha-vpn", id, []string{"0", "1"}[i]) {
			t.Errorf("interface %d = %v", i, iface)
		}
	}
	if ifs[0].(map[string]interface{})["ipAddress"] == ifs[1].(map[string]interface{})["ipAddress"] {
		t.Errorf("both interfaces answer %v", ifs[0])
	}
}

// A router's interfaces and peers are named under the router they belong to; an explicit
// region wins over the provider's default.
func TestRouterChildrenAreUnderTheirRouter(t *testing.T) {
	req := kit.MockRequest{Name: "crosscloud-if-0", In: map[string]interface{}{"name": "if-azure-0", "router": "cr-vpn-mlp-prod", "region": "us-east1"},
		Config: map[string]string{"gcp:project": "p-1", "gcp:region": "europe-west4"}}
	if id, out := routerInterface(req); id != "us-east1/cr-vpn-mlp-prod/if-azure-0" || out["region"] != "us-east1" {
		t.Errorf("interface: %q %v", id, out)
	}
	req.In["name"] = "azure-0"
	if id, _ := routerPeer(req); id != "projects/p-1/regions/us-east1/routers/cr-vpn-mlp-prod/azure-0" {
		t.Errorf("peer: %q", id)
	}
}

// Every type the component mocks also has a creation time, so the plan's timing model never
// falls back to its default for the link.
func TestMockedTypesHaveCreateTimes(t *testing.T) {
	for token := range Component.Mocks {
		if _, ok := Component.CreateTimes[token]; !ok {
			t.Errorf("%s is mocked but has no creation time", token)
		}
	}
}
