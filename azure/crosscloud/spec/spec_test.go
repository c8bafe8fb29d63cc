package spec

import (
	"net/netip"
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// A public IP's mocked address is in Microsoft's 20.0.0.0/8, stable for one id, different for
// another, and never the network's .0 or .1.
func TestPublicIPMockAddress(t *testing.T) {
	a := publicIPOutputs(kit.MockRequest{Name: "pip"}, "/pip-0", "pip-0")["ipAddress"].(string)
	b := publicIPOutputs(kit.MockRequest{Name: "pip"}, "/pip-1", "pip-1")["ipAddress"].(string)
	addr, err := netip.ParseAddr(a)
	if err != nil || !netip.MustParsePrefix("20.0.0.0/8").Contains(addr) || addr.As4()[3] < 2 {
		t.Errorf("ipAddress %q: want a host address in 20.0.0.0/8", a)
	}
	if again := publicIPOutputs(kit.MockRequest{Name: "pip"}, "/pip-0", "pip-0")["ipAddress"]; again != a || b == a {
		t.Errorf("addresses %v, %v, %v: want stable per id and distinct between ids", a, again, b)
	}
}

// The gateway's mocked bgpSettings keep the custom APIPA addresses it was given and add what
// ARM computes.
func TestGatewayMockKeepsBGPInputs(t *testing.T) {
	in := map[string]interface{}{"bgpSettings": map[string]interface{}{"asn": 65515.0}}
	bgp := gatewayOutputs(kit.MockRequest{Name: "vgw", In: in}, "/vgw", "vgw")["bgpSettings"].(map[string]interface{})
	if bgp["asn"] != 65515.0 || bgp["peerWeight"] != 0.0 {
		t.Errorf("bgpSettings = %v", bgp)
	}
}
