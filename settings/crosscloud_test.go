package settings_test

import (
	"maps"
	"net/netip"
	"strings"
	"testing"

	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stackconfig"
)

// loadCrossCloud loads a stack's configuration (with the offline examples for the keys only a
// team can know) with some fully qualified keys replaced.
func loadCrossCloud(t *testing.T, stack string, overrides map[string]string) (*settings.Settings, error) {
	t.Helper()
	c, err := stackconfig.Load(root, stack)
	if err != nil {
		t.Fatal(err)
	}
	c.Values, _ = settings.ApplyOfflineExamples(c.Project, c.Values)
	return settings.Load(c.Project, c.Stack, func(key string) (string, bool) {
		if v, ok := overrides[key]; ok {
			return v, true
		}
		return c.Lookup(key)
	})
}

func TestCrossCloudDefaults(t *testing.T) {
	prod, err := loadCrossCloud(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := loadCrossCloud(t, "dev", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !prod.CrossCloud.Enabled || dev.CrossCloud.Enabled {
		t.Errorf("crossCloudNetwork: prod %t, dev %t; want on in prod only", prod.CrossCloud.Enabled, dev.CrossCloud.Enabled)
	}
	c := prod.CrossCloud
	if got := c.ResolverInboundIP(); got != netip.MustParseAddr("10.40.254.4") {
		t.Errorf("resolver inbound IP = %s, want 10.40.254.4 (Azure reserves .0-.3)", got)
	}
	if got := len(c.Tunnels()); got != 2 {
		t.Errorf("%d tunnels, want 2 (one per HA VPN interface and Azure instance)", got)
	}
}

// Tunnel k joins HA VPN interface k to Azure instance k (Google's two-tunnel topology for a
// two-address peer). Azure's local network gateway for a tunnel points at its HA VPN
// interface, so an interface used twice would be two local network gateways with the same
// address, which Azure does not allow on one gateway; and every BGP session (Google address,
// Azure address) is its own.
func TestCrossCloudTunnelsAreDistinctSessions(t *testing.T) {
	prod, err := loadCrossCloud(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	interfaces, instances, sessions := map[int]int{}, map[int]int{}, map[[2]netip.Addr]int{}
	for _, tu := range prod.CrossCloud.Tunnels() {
		interfaces[tu.GCPInterface]++
		instances[tu.AzureInstance]++
		sessions[[2]netip.Addr{tu.GCPBGPIP, tu.AzureBGPIP}]++
		if !tu.Link.Contains(tu.AzureBGPIP) || !tu.Link.Contains(tu.GCPBGPIP) || tu.AzureBGPIP == tu.GCPBGPIP {
			t.Errorf("tunnel %d: BGP addresses %s/%s not two hosts of %s", tu.Index, tu.AzureBGPIP, tu.GCPBGPIP, tu.Link)
		}
	}
	want := map[int]int{0: 1, 1: 1}
	if !maps.Equal(interfaces, want) || !maps.Equal(instances, want) {
		t.Errorf("tunnels per HA VPN interface %v, per Azure instance %v; want each of 0 and 1 once", interfaces, instances)
	}
	for pair, n := range sessions {
		if n != 1 {
			t.Errorf("BGP session %s-%s is on %d tunnels", pair[0], pair[1], n)
		}
	}
	if len(sessions) != 2 {
		t.Errorf("%d distinct BGP sessions, want 2", len(sessions))
	}
}

// The generation comes from the SKU (Microsoft's SKU table): VpnGw1AZ exists only as
// Generation1, VpnGw4AZ/5AZ only as Generation2, VpnGw2AZ/3AZ are taken as Generation2.
func TestVPNGatewayGenerationFollowsSKU(t *testing.T) {
	for sku, want := range map[string]string{"VpnGw1AZ": "Generation1", "VpnGw2AZ": "Generation2",
		"VpnGw3AZ": "Generation2", "VpnGw4AZ": "Generation2", "VpnGw5AZ": "Generation2"} {
		s, err := loadCrossCloud(t, "prod", map[string]string{"mlplatform:azureVpnGatewaySku": sku})
		if err != nil {
			t.Fatalf("%s: %v", sku, err)
		}
		if got := s.CrossCloud.VPNGatewayGeneration; got != want {
			t.Errorf("%s: generation %q, want %q", sku, got, want)
		}
	}
	for _, sku := range []string{"VpnGw1", "VpnGw5", "Basic", "vpngw1az"} {
		_, err := loadCrossCloud(t, "prod", map[string]string{"mlplatform:azureVpnGatewaySku": sku})
		if err == nil {
			t.Errorf("%s accepted", sku)
			continue
		}
		for _, frag := range []string{"mlplatform:azureVpnGatewaySku", sku, "VpnGw1AZ, VpnGw2AZ, VpnGw3AZ, VpnGw4AZ, VpnGw5AZ"} {
			if !strings.Contains(err.Error(), frag) {
				t.Errorf("%s: error lacks %q:\n%v", sku, frag, err)
			}
		}
	}
}

func TestCrossCloudAddressPlanErrors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		overrides map[string]string
		want      []string
	}{
		{"vnet overlaps pods", map[string]string{"mlplatform:azureVnetCidr": "10.20.0.0/16", "mlplatform:azurePrivateEndpointSubnetCidr": "10.20.1.0/24",
			"mlplatform:azureGatewaySubnetCidr": "10.20.255.0/27", "mlplatform:azureDnsResolverSubnetCidr": "10.20.254.0/28"},
			[]string{"mlplatform:gkePodsCidr", "must not overlap mlplatform:azureVnetCidr (10.20.0.0/16)"}},
		{"gateway subnet overlaps endpoints", map[string]string{"mlplatform:azureGatewaySubnetCidr": "10.40.1.0/27"},
			[]string{"mlplatform:azureGatewaySubnetCidr", "must not overlap mlplatform:azurePrivateEndpointSubnetCidr (10.40.1.0/24)"}},
		{"resolver outside vnet", map[string]string{"mlplatform:azureDnsResolverSubnetCidr": "10.41.0.0/28"},
			[]string{"mlplatform:azureDnsResolverSubnetCidr", "inside azureVnetCidr"}},
		{"resolver overlaps gateway", map[string]string{"mlplatform:azureDnsResolverSubnetCidr": "10.40.255.16/28"},
			[]string{"mlplatform:azureDnsResolverSubnetCidr", "must not overlap mlplatform:azureGatewaySubnetCidr"}},
		{"gateway subnet too small", map[string]string{"mlplatform:azureGatewaySubnetCidr": "10.40.255.0/29"},
			[]string{"mlplatform:azureGatewaySubnetCidr", "/27 or larger"}},
		{"tunnel links overlap", map[string]string{"mlplatform:vpnTunnelCidrs": `["169.254.21.0/30","169.254.21.0/30"]`},
			[]string{"mlplatform:vpnTunnelCidrs", "must not overlap mlplatform:vpnTunnelCidrs (169.254.21.0/30)"}},
		{"tunnel link outside APIPA", map[string]string{"mlplatform:vpnTunnelCidrs": `["169.254.1.0/30","169.254.22.0/30"]`},
			[]string{"mlplatform:vpnTunnelCidrs", "169.254.1.0/30", "169.254.21.0-169.254.22.255"}},
		{"tunnel link not /30", map[string]string{"mlplatform:vpnTunnelCidrs": `["169.254.21.0/29","169.254.22.0/30"]`},
			[]string{"mlplatform:vpnTunnelCidrs", "169.254.21.0/29", "/30"}},
		{"three tunnels", map[string]string{"mlplatform:vpnTunnelCidrs": `["169.254.21.0/30","169.254.21.4/30","169.254.22.0/30"]`},
			[]string{"mlplatform:vpnTunnelCidrs", "3 entries", "exactly 2"}},
		{"one tunnel", map[string]string{"mlplatform:vpnTunnelCidrs": `["169.254.21.0/30"]`},
			[]string{"mlplatform:vpnTunnelCidrs", "1 entries", "exactly 2"}},
		{"same ASN", map[string]string{"mlplatform:vpnGcpAsn": "65515"},
			[]string{"mlplatform:vpnGcpAsn", "must differ from vpnAzureAsn"}},
		{"reserved ASN", map[string]string{"mlplatform:vpnAzureAsn": "65517"},
			[]string{"mlplatform:vpnAzureAsn", "65517", "reserves"}},
		{"public ASN", map[string]string{"mlplatform:vpnGcpAsn": "15169"}, []string{"mlplatform:vpnGcpAsn", "64512 to 65534"}},
		{"sku not zone-redundant", map[string]string{"mlplatform:azureVpnGatewaySku": "VpnGw1"}, []string{"mlplatform:azureVpnGatewaySku", "VpnGw1AZ"}},
		{"vpn without private networking", map[string]string{"mlplatform:azurePrivateNetworking": "false"},
			[]string{"mlplatform:crossCloudNetwork", "needs azurePrivateNetworking"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadCrossCloud(t, "prod", tc.overrides)
			if err == nil {
				t.Fatal("want a configuration error")
			}
			for _, frag := range tc.want {
				if !strings.Contains(err.Error(), frag) {
					t.Errorf("error lacks %q:\n%v", frag, err)
				}
			}
		})
	}
}

// Dev keeps the VPN off; turning it on there only needs the private network it lands in.
func TestCrossCloudOptInDev(t *testing.T) {
	if _, err := loadCrossCloud(t, "dev", map[string]string{"mlplatform:crossCloudNetwork": "true"}); err == nil ||
		!strings.Contains(err.Error(), "mlplatform:crossCloudNetwork") {
		t.Errorf("dev with the VPN but no private network: err = %v", err)
	}
	if _, err := loadCrossCloud(t, "dev", map[string]string{"mlplatform:crossCloudNetwork": "true",
		"mlplatform:azurePrivateNetworking": "true", "mlplatform:containerRegistrySku": "Premium"}); err != nil {
		t.Errorf("dev with the VPN and a private network: %v", err)
	}
}
