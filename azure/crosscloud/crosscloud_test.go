package crosscloud_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azure/crosscloud"
	"github.com/example/mlplatform/azure/crosscloud/spec"
	"github.com/example/mlplatform/azure/foundation"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
)

var tags = map[string]string{"environment": "prod", "owner": "o@example.invalid", "managed-by": "pulumi", "project": "mlplatform"}

// gatewayArgs are literal inputs: two tunnels, tunnel k from HA VPN interface k to gateway
// instance k, as stack maps the configuration.
func gatewayArgs(f *azure.Foundation) *crosscloud.CrossCloudGatewayArgs {
	return &crosscloud.CrossCloudGatewayArgs{Foundation: f, SubscriptionID: mocks.SubscriptionID, Location: "westeurope", Tags: tags,
		GatewayName: "vgw-x", ResolverName: "dnspr-x", LocalGatewayPrefix: "lgw-gcp-x", ConnectionPrefix: "con-gcp-x",
		GatewaySubnetCIDR: "10.40.250.0/27", ResolverSubnetCIDR: "10.40.251.0/28", ResolverInboundIP: "10.40.251.4",
		SKU: "VpnGw1AZ", Generation: "Generation1", AzureASN: 65515, GCPASN: 65534,
		Tunnels: []crosscloud.Tunnel{{Index: 0, GCPInterface: 0, AzureInstance: 0, AzureBGPIP: "169.254.21.1", GCPBGPIP: "169.254.21.2"},
			{Index: 1, GCPInterface: 1, AzureInstance: 1, AzureBGPIP: "169.254.22.1", GCPBGPIP: "169.254.22.2"}}}
}

// deploy registers the prod foundation (private networking on), the gateway and the
// connections to two literal HA VPN interface addresses.
func deploy(t *testing.T) *mocks.Mocks {
	t.Helper()
	s := stacktest.Settings(t, "prod")
	return stacktest.MustRun(t, "prod", func(ctx *pulumi.Context) error {
		f, err := foundation.NewFoundation(ctx, "platform", stacktest.FoundationArgs(s))
		if err != nil {
			return err
		}
		g, err := crosscloud.NewCrossCloudGateway(ctx, "cc", gatewayArgs(f))
		if err != nil {
			return err
		}
		_, err = crosscloud.NewCrossCloudConnections(ctx, "cc", &crosscloud.CrossCloudConnectionsArgs{Gateway: g,
			GCPInterfaceIPs: pulumi.ToStringArray([]string{"34.1.1.1", "34.2.2.2"}),
			SharedKeys:      []pulumi.StringInput{pulumi.String("psk-zero"), pulumi.String("psk-one")}})
		return err
	})
}

// The gateway, its addresses and each tunnel's local network gateway and connection carry the
// inputs they were given: each instance its own APIPA address, each local network gateway
// its own interface address and BGP peer, each key a secret.
func TestGatewayAndConnections(t *testing.T) {
	m := deploy(t)
	gw := m.MustFind(t, spec.GatewayType, "cc-vgw")
	want := map[string]interface{}{"virtualNetworkGatewayName": "vgw-x", "sku": map[string]interface{}{"name": "VpnGw1AZ", "tier": "VpnGw1AZ"},
		"vpnGatewayGeneration": "Generation1", "activeActive": true, "enableBgp": true, "location": "westeurope"}
	check(t, gw.Inputs, want)
	peering := gw.Inputs["bgpSettings"].ObjectValue().Mappable()
	if peering["asn"] != 65515.0 {
		t.Errorf("gateway asn = %v", peering["asn"])
	}
	for i, ip := range []string{"169.254.21.1", "169.254.22.1"} {
		p := peering["bgpPeeringAddresses"].([]interface{})[i].(map[string]interface{})
		if !reflect.DeepEqual(p["customBgpIpAddresses"], []interface{}{ip}) || !strings.HasSuffix(p["ipconfigurationId"].(string), "/virtualNetworkGateways/vgw-x/ipConfigurations/ipconfig-"+string(rune('0'+i))) {
			t.Errorf("instance %d peering = %v", i, p)
		}
	}
	check(t, m.MustFind(t, spec.PublicIPType, "cc-pip-1").Inputs, map[string]interface{}{"publicIpAddressName": "pip-vgw-x-1", "zones": []interface{}{"1", "2", "3"}})
	check(t, m.MustFind(t, spec.InboundType, "cc-resolver-inbound").Inputs, map[string]interface{}{"ipConfigurations": []interface{}{map[string]interface{}{
		"privateIpAddress": "10.40.251.4", "privateIpAllocationMethod": "Static", "subnet": map[string]interface{}{"id": m.MustFind(t, "azure-native:network:Subnet", "cc-resolver-subnet").ID}}}})
	for k, addr := range []string{"34.1.1.1", "34.2.2.2"} {
		n := string(rune('0' + k))
		check(t, m.MustFind(t, spec.LocalGatewayType, "cc-lgw-"+n).Inputs, map[string]interface{}{"localNetworkGatewayName": "lgw-gcp-x-" + n,
			"gatewayIpAddress": addr, "bgpSettings": map[string]interface{}{"asn": 65534.0, "bgpPeeringAddress": "169.254.2" + string(rune('1'+k)) + ".2"}})
		con := m.MustFind(t, spec.ConnectionType, "cc-con-"+n)
		check(t, con.Inputs, map[string]interface{}{"virtualNetworkGatewayConnectionName": "con-gcp-x-" + n, "connectionProtocol": "IKEv2"})
		if key := con.Inputs["sharedKey"]; !key.IsSecret() || key.SecretValue().Element.StringValue() != []string{"psk-zero", "psk-one"}[k] {
			t.Errorf("connection %d sharedKey = %v: want its own key, secret", k, key)
		}
	}
}

// check compares top-level inputs with literal values.
func check(t *testing.T, in resource.PropertyMap, want map[string]interface{}) {
	t.Helper()
	got := in.Mappable()
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%s = %#v, want %#v", k, got[k], w)
		}
	}
}

// Missing arguments, a key count that does not match the tunnels and a foundation without
// the private network are errors, and nothing of the failed call is registered.
func TestInvalidArgumentsAreErrors(t *testing.T) {
	errs := map[string]error{}
	for _, stack := range []string{"dev", "prod"} {
		s := stacktest.Settings(t, stack)
		m := stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
			f, err := foundation.NewFoundation(ctx, "platform", stacktest.FoundationArgs(s))
			if err != nil {
				return err
			}
			if stack == "dev" { // azurePrivateNetworking is off in dev: no VNet to put the gateway in
				_, errs["no network"] = crosscloud.NewCrossCloudGateway(ctx, "nonet", gatewayArgs(f))
				return nil
			}
			_, errs["nil args"] = crosscloud.NewCrossCloudGateway(ctx, "nil", nil)
			a := gatewayArgs(f)
			a.GatewayName, a.Tunnels, a.Tags = "", nil, nil
			_, errs["no names"] = crosscloud.NewCrossCloudGateway(ctx, "nonames", a)
			g, err := crosscloud.NewCrossCloudGateway(ctx, "cc", gatewayArgs(f))
			if err != nil {
				return err
			}
			_, errs["one key"] = crosscloud.NewCrossCloudConnections(ctx, "onekey", &crosscloud.CrossCloudConnectionsArgs{Gateway: g,
				GCPInterfaceIPs: pulumi.ToStringArray([]string{"34.1.1.1", "34.2.2.2"}), SharedKeys: []pulumi.StringInput{pulumi.String("k")}})
			_, errs["no gateway"] = crosscloud.NewCrossCloudConnections(ctx, "nogw", &crosscloud.CrossCloudConnectionsArgs{})
			return nil
		})
		for _, r := range m.Resources() {
			if !strings.HasPrefix(r.Name, "platform") && !strings.HasPrefix(r.Name, "cc") {
				t.Errorf("%s %s registered by an invalid call", r.Type, r.Name)
			}
		}
	}
	for name, want := range map[string]string{
		"no network": "crosscloud.NewCrossCloudGateway nonet: the foundation has no private network (azurePrivateNetworking is off)",
		"nil args": "crosscloud.NewCrossCloudGateway: missing required arguments: ConnectionPrefix, Foundation, GatewayName, GatewaySubnetCIDR, " +
			"Generation, LocalGatewayPrefix, Location, ResolverInboundIP, ResolverName, ResolverSubnetCIDR, SKU, SubscriptionID, Tags, Tunnels",
		"no names":   "crosscloud.NewCrossCloudGateway: missing required arguments: GatewayName, Tags, Tunnels",
		"one key":    "crosscloud.NewCrossCloudConnections: 1 shared keys for 2 tunnels",
		"no gateway": "crosscloud.NewCrossCloudConnections: missing required arguments: GCPInterfaceIPs, Gateway",
	} {
		if err := errs[name]; err == nil || err.Error() != want {
			t.Errorf("%s: got %v\nwant %s", name, err, want)
		}
	}
}
