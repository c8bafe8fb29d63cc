package azurenative_test

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
)

// officialNetworkAliases are the alias lists of the generated network/v2@v2.90.0 constructors,
// token by token, copied from the `Type: pulumi.String("…")` entries of each New* function
// (virtualNetwork.go … inboundEndpoint.go and v20240501/subnet.go) in their order.
func officialNetworkAliases(t *testing.T) map[string][]string {
	t.Helper()
	raw, err := os.ReadFile("testdata/network_aliases.json")
	if err != nil {
		t.Fatal(err)
	}
	var out map[string][]string
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// The official Args of these take no tags (no `Tags pulumi.StringMapInput` line in
// subnet.go, v20240501/subnet.go, privateDnsZoneGroup.go); every other network Args has one.
func officialUntaggable(t *testing.T) map[string]bool {
	t.Helper()
	raw, err := os.ReadFile("testdata/network_untaggable.json")
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, tok := range list {
		out[tok] = true
	}
	return out
}

// A binding's Args has Tags exactly when the official Args has: TAG-001 relies on it.
func TestNetworkBindingsTakeTagsAsTheOfficialOnesDo(t *testing.T) {
	untaggable := officialUntaggable(t)
	for token, args := range map[string]interface{}{
		"azure-native:network:VirtualNetwork": azurenative.VirtualNetworkArgs{}, "azure-native:network:NetworkSecurityGroup": azurenative.NetworkSecurityGroupArgs{},
		"azure-native:network:Subnet": azurenative.SubnetArgs{}, "azure-native:network/v20240501:Subnet": azurenative.SubnetArgs{},
		"azure-native:network:PrivateEndpoint": azurenative.PrivateEndpointArgs{}, "azure-native:network:PrivateDnsZoneGroup": azurenative.PrivateDnsZoneGroupArgs{},
		"azure-native:network:PrivateZone": azurenative.PrivateZoneArgs{}, "azure-native:network:VirtualNetworkLink": azurenative.VirtualNetworkLinkArgs{},
		"azure-native:network:PublicIPAddress": azurenative.PublicIPAddressArgs{}, "azure-native:network:VirtualNetworkGateway": azurenative.VirtualNetworkGatewayArgs{},
		"azure-native:network:LocalNetworkGateway": azurenative.LocalNetworkGatewayArgs{}, "azure-native:network:VirtualNetworkGatewayConnection": azurenative.VirtualNetworkGatewayConnectionArgs{},
		"azure-native:network:DnsResolver": azurenative.DnsResolverArgs{}, "azure-native:network:InboundEndpoint": azurenative.InboundEndpointArgs{},
	} {
		if _, has := reflect.TypeOf(args).FieldByName("Tags"); has == untaggable[token] {
			t.Errorf("%s: binding has Tags = %v, official untaggable = %v", token, has, untaggable[token])
		}
	}
}

type m = map[string]interface{}
type a = []interface{}

// networkIDs are the ARM ids the mocks give the resources below.
const armNet = "/subscriptions/" + mocks.SubscriptionID + "/resourceGroups/rg-test/providers/Microsoft.Network/"

var tags = m{"owner": "me"}

// Every input each binding binds, set once, as it must go out on the wire.
var wantNetworkInputs = map[string]m{
	"vnet": {"addressSpace": m{"addressPrefixes": a{"10.0.0.0/16"}}, "enableDdosProtection": false,
		"enableVmProtection": false, "location": "westeurope", "resourceGroupName": "rg-test", "tags": tags,
		"virtualNetworkName": "vnet-test"},
	"nsg": {"location": "westeurope", "networkSecurityGroupName": "nsg-test", "resourceGroupName": "rg-test", "tags": tags},
	"pe-subnet": {"addressPrefix": "10.0.1.0/24", "defaultOutboundAccess": false,
		"delegations":          a{m{"name": "d", "serviceName": "Microsoft.Network/dnsResolvers"}},
		"networkSecurityGroup": m{"id": armNet + "networkSecurityGroups/nsg-test"}, "privateEndpointNetworkPolicies": "Enabled",
		"privateLinkServiceNetworkPolicies": "Enabled", "resourceGroupName": "rg-test", "subnetName": "snet-pe",
		"virtualNetworkName": "vnet-test"},
	"gw-subnet": {"addressPrefix": "10.0.2.0/27", "delegations": a{m{"name": "d2", "serviceName": "svc"}},
		"networkSecurityGroup": m{"id": "/nsg"}, "privateEndpointNetworkPolicies": "Disabled",
		"privateLinkServiceNetworkPolicies": "Disabled", "resourceGroupName": "rg-test", "subnetName": "GatewaySubnet",
		"virtualNetworkName": "vnet-test"},
	"zone": {"location": "global", "privateZoneName": "privatelink.vaultcore.azure.net", "resourceGroupName": "rg-test", "tags": tags},
	"link": {"location": "global", "privateZoneName": "privatelink.vaultcore.azure.net", "registrationEnabled": false,
		"resourceGroupName": "rg-test", "tags": tags, "virtualNetwork": m{"id": armNet + "virtualNetworks/vnet-test"},
		"virtualNetworkLinkName": "link-test"},
	"pe": {"customNetworkInterfaceName": "nic-pe", "location": "westeurope", "privateEndpointName": "pe-test",
		"privateLinkServiceConnections": a{m{"groupIds": a{"vault"}, "name": "plsc", "privateLinkServiceId": "/kv"}},
		"resourceGroupName":             "rg-test", "tags": tags,
		// The generated constructor's SubnetType.Defaults().
		"subnet": m{"id": armNet + "virtualNetworks/vnet-test/subnets/snet-pe", "privateEndpointNetworkPolicies": "Disabled",
			"privateLinkServiceNetworkPolicies": "Enabled"}},
	"pe-dns": {"privateDnsZoneConfigs": a{m{"name": "zone", "privateDnsZoneId": armNet + "privateDnsZones/privatelink.vaultcore.azure.net"}},
		"privateDnsZoneGroupName": "default", "privateEndpointName": "pe-test", "resourceGroupName": "rg-test"},
	"pip": {"location": "westeurope", "publicIPAddressVersion": "IPv4", "publicIPAllocationMethod": "Static",
		"publicIpAddressName": "pip-test", "resourceGroupName": "rg-test", "sku": m{"name": "Standard", "tier": "Regional"},
		"tags": tags, "zones": a{"1", "2", "3"}},
	"vgw": {"activeActive": true, "bgpSettings": m{"asn": 65515.0, "bgpPeeringAddresses": a{m{
		"customBgpIpAddresses": a{"169.254.21.1"}, "ipconfigurationId": "/ipconfig-0"}}},
		"enableBgp": true, "gatewayType": "Vpn", "ipConfigurations": a{m{"name": "ipconfig-0", "privateIPAllocationMethod": "Dynamic",
			"publicIPAddress": m{"id": armNet + "publicIPAddresses/pip-test"}, "subnet": m{"id": "/gw-subnet"}}},
		"location": "westeurope", "resourceGroupName": "rg-test", "sku": m{"name": "VpnGw1AZ", "tier": "VpnGw1AZ"},
		"tags": tags, "virtualNetworkGatewayName": "vgw-test", "vpnGatewayGeneration": "Generation1", "vpnType": "RouteBased"},
	"lgw": {"bgpSettings": m{"asn": 65534.0, "bgpPeeringAddress": "169.254.21.2"}, "gatewayIpAddress": "203.0.113.10",
		"localNetworkGatewayName": "lgw-test", "location": "westeurope", "resourceGroupName": "rg-test", "tags": tags},
	"con": {"connectionProtocol": "IKEv2", "connectionType": "IPsec", "enableBgp": true,
		"localNetworkGateway2": m{"id": armNet + "localNetworkGateways/lgw-test"}, "location": "westeurope",
		"resourceGroupName": "rg-test", "sharedKey": "not-a-real-key", "tags": tags,
		"virtualNetworkGateway1": m{"id": armNet + "virtualNetworkGateways/vgw-test"}, "virtualNetworkGatewayConnectionName": "con-test"},
	"resolver": {"dnsResolverName": "dnspr-test", "location": "westeurope", "resourceGroupName": "rg-test", "tags": tags,
		"virtualNetwork": m{"id": "/vnet"}},
	"inbound": {"dnsResolverName": "dnspr-test", "inboundEndpointName": "inbound", "ipConfigurations": a{m{
		"privateIpAddress": "10.0.3.4", "privateIpAllocationMethod": "Static", "subnet": m{"id": "/resolver-subnet"}}},
		"location": "westeurope", "resourceGroupName": "rg-test", "tags": tags},
}

var wantNetworkTokens = map[string]string{
	"vnet": "azure-native:network:VirtualNetwork", "nsg": "azure-native:network:NetworkSecurityGroup",
	"pe-subnet": "azure-native:network/v20240501:Subnet", "gw-subnet": "azure-native:network:Subnet",
	"zone": "azure-native:network:PrivateZone", "link": "azure-native:network:VirtualNetworkLink",
	"pe": "azure-native:network:PrivateEndpoint", "pe-dns": "azure-native:network:PrivateDnsZoneGroup",
	"pip": "azure-native:network:PublicIPAddress", "vgw": "azure-native:network:VirtualNetworkGateway",
	"lgw": "azure-native:network:LocalNetworkGateway", "con": "azure-native:network:VirtualNetworkGatewayConnection",
	"resolver": "azure-native:network:DnsResolver", "inbound": "azure-native:network:InboundEndpoint",
}

// registerNetwork registers one of each network binding, chained the way the platform chains
// them, and returns the outputs the platform reads.
func registerNetwork(ctx *pulumi.Context) (map[string]pulumi.Output, error) {
	rg, loc, tagIn := pulumi.String("rg-test"), pulumi.String("westeurope"), pulumi.StringMap{"owner": pulumi.String("me")}
	vnet, err := azurenative.NewVirtualNetwork(ctx, "vnet", &azurenative.VirtualNetworkArgs{ResourceGroupName: rg,
		VirtualNetworkName: pulumi.String("vnet-test"), Location: loc, Tags: tagIn,
		AddressSpace: &azurenative.AddressSpaceArgs{AddressPrefixes: pulumi.StringArray{pulumi.String("10.0.0.0/16")}}})
	if err != nil {
		return nil, err
	}
	nsg, err := azurenative.NewNetworkSecurityGroup(ctx, "nsg", &azurenative.NetworkSecurityGroupArgs{ResourceGroupName: rg,
		NetworkSecurityGroupName: pulumi.String("nsg-test"), Location: loc, Tags: tagIn})
	if err != nil {
		return nil, err
	}
	peSubnet, err := azurenative.NewSubnetV20240501(ctx, "pe-subnet", &azurenative.SubnetArgs{ResourceGroupName: rg,
		VirtualNetworkName: vnet.Name, SubnetName: pulumi.String("snet-pe"), AddressPrefix: pulumi.String("10.0.1.0/24"),
		PrivateEndpointNetworkPolicies: pulumi.String("Enabled"), DefaultOutboundAccess: pulumi.Bool(false),
		NetworkSecurityGroup: &azurenative.NetworkSecurityGroupTypeArgs{Id: nsg.ID()},
		Delegations:          []azurenative.DelegationArgs{{Name: pulumi.String("d"), ServiceName: pulumi.String("Microsoft.Network/dnsResolvers")}}})
	if err != nil {
		return nil, err
	}
	if _, err := azurenative.NewSubnet(ctx, "gw-subnet", &azurenative.SubnetArgs{ResourceGroupName: rg,
		VirtualNetworkName: pulumi.String("vnet-test"), SubnetName: pulumi.String("GatewaySubnet"),
		AddressPrefix: pulumi.String("10.0.2.0/27"), PrivateLinkServiceNetworkPolicies: pulumi.String("Disabled"),
		NetworkSecurityGroup: &azurenative.NetworkSecurityGroupTypeArgs{Id: pulumi.String("/nsg")},
		Delegations:          []azurenative.DelegationArgs{{Name: pulumi.String("d2"), ServiceName: pulumi.String("svc")}}}); err != nil {
		return nil, err
	}
	zone, err := azurenative.NewPrivateZone(ctx, "zone", &azurenative.PrivateZoneArgs{ResourceGroupName: rg,
		PrivateZoneName: pulumi.String("privatelink.vaultcore.azure.net"), Location: pulumi.String("global"), Tags: tagIn})
	if err != nil {
		return nil, err
	}
	if _, err := azurenative.NewVirtualNetworkLink(ctx, "link", &azurenative.VirtualNetworkLinkArgs{ResourceGroupName: rg,
		PrivateZoneName: zone.Name, VirtualNetworkLinkName: pulumi.String("link-test"), Location: pulumi.String("global"),
		VirtualNetwork: &azurenative.SubResourceArgs{Id: vnet.ID()}, RegistrationEnabled: pulumi.Bool(false), Tags: tagIn}); err != nil {
		return nil, err
	}
	pe, err := azurenative.NewPrivateEndpoint(ctx, "pe", &azurenative.PrivateEndpointArgs{ResourceGroupName: rg,
		PrivateEndpointName: pulumi.String("pe-test"), Location: loc, CustomNetworkInterfaceName: pulumi.String("nic-pe"),
		Subnet: azurenative.SubnetTypeArgs{Id: peSubnet.ID()}, Tags: tagIn,
		PrivateLinkServiceConnections: []azurenative.PrivateLinkServiceConnectionArgs{{Name: pulumi.String("plsc"),
			PrivateLinkServiceId: pulumi.String("/kv"), GroupIds: pulumi.StringArray{pulumi.String("vault")}}}})
	if err != nil {
		return nil, err
	}
	if _, err := azurenative.NewPrivateDnsZoneGroup(ctx, "pe-dns", &azurenative.PrivateDnsZoneGroupArgs{ResourceGroupName: rg,
		PrivateEndpointName: pe.Name, PrivateDnsZoneGroupName: pulumi.String("default"),
		PrivateDnsZoneConfigs: []azurenative.PrivateDnsZoneConfigArgs{{Name: pulumi.String("zone"), PrivateDnsZoneId: zone.ID()}}}); err != nil {
		return nil, err
	}
	outs, err := registerVPN(ctx, rg, loc, tagIn)
	if err != nil {
		return nil, err
	}
	outs["vnet.name"], outs["zone.name"], outs["pe.name"] = vnet.Name, zone.Name, pe.Name
	return outs, nil
}

func registerVPN(ctx *pulumi.Context, rg, loc pulumi.String, tagIn pulumi.StringMap) (map[string]pulumi.Output, error) {
	pip, err := azurenative.NewPublicIPAddress(ctx, "pip", &azurenative.PublicIPAddressArgs{ResourceGroupName: rg,
		PublicIpAddressName: pulumi.String("pip-test"), Location: loc, PublicIPAllocationMethod: pulumi.String("Static"),
		PublicIPAddressVersion: pulumi.String("IPv4"), Zones: pulumi.ToStringArray([]string{"1", "2", "3"}), Tags: tagIn,
		Sku: &azurenative.PublicIPAddressSkuArgs{Name: pulumi.String("Standard"), Tier: pulumi.String("Regional")}})
	if err != nil {
		return nil, err
	}
	gw, err := azurenative.NewVirtualNetworkGateway(ctx, "vgw", &azurenative.VirtualNetworkGatewayArgs{ResourceGroupName: rg,
		VirtualNetworkGatewayName: pulumi.String("vgw-test"), Location: loc, GatewayType: pulumi.String("Vpn"),
		VpnType: pulumi.String("RouteBased"), VpnGatewayGeneration: pulumi.String("Generation1"),
		Sku:          &azurenative.VirtualNetworkGatewaySkuArgs{Name: pulumi.String("VpnGw1AZ"), Tier: pulumi.String("VpnGw1AZ")},
		ActiveActive: pulumi.Bool(true), EnableBgp: pulumi.Bool(true), Tags: tagIn,
		IpConfigurations: []azurenative.VirtualNetworkGatewayIPConfigurationArgs{{Name: pulumi.String("ipconfig-0"),
			PrivateIPAllocationMethod: pulumi.String("Dynamic"), Subnet: &azurenative.SubResourceArgs{Id: pulumi.String("/gw-subnet")},
			PublicIPAddress: &azurenative.SubResourceArgs{Id: pip.ID()}}},
		BgpSettings: &azurenative.BgpSettingsArgs{Asn: pulumi.Float64(65515), BgpPeeringAddresses: []azurenative.IPConfigurationBgpPeeringAddressArgs{{
			IpconfigurationId: pulumi.String("/ipconfig-0"), CustomBgpIpAddresses: pulumi.StringArray{pulumi.String("169.254.21.1")}}}}})
	if err != nil {
		return nil, err
	}
	lgw, err := azurenative.NewLocalNetworkGateway(ctx, "lgw", &azurenative.LocalNetworkGatewayArgs{ResourceGroupName: rg,
		LocalNetworkGatewayName: pulumi.String("lgw-test"), Location: loc, GatewayIpAddress: pulumi.String("203.0.113.10"), Tags: tagIn,
		BgpSettings: &azurenative.BgpSettingsArgs{Asn: pulumi.Float64(65534), BgpPeeringAddress: pulumi.String("169.254.21.2")}})
	if err != nil {
		return nil, err
	}
	if _, err := azurenative.NewVirtualNetworkGatewayConnection(ctx, "con", &azurenative.VirtualNetworkGatewayConnectionArgs{
		ResourceGroupName: rg, VirtualNetworkGatewayConnectionName: pulumi.String("con-test"), Location: loc,
		ConnectionType: pulumi.String("IPsec"), ConnectionProtocol: pulumi.String("IKEv2"), EnableBgp: pulumi.Bool(true),
		VirtualNetworkGateway1: &azurenative.VirtualNetworkGatewayTypeArgs{Id: gw.ID()},
		LocalNetworkGateway2:   &azurenative.LocalNetworkGatewayTypeArgs{Id: lgw.ID()},
		SharedKey:              pulumi.ToSecret(pulumi.String("not-a-real-key")).(pulumi.StringOutput), Tags: tagIn,
	}); err != nil {
		return nil, err
	}
	resolver, err := azurenative.NewDnsResolver(ctx, "resolver", &azurenative.DnsResolverArgs{ResourceGroupName: rg,
		DnsResolverName: pulumi.String("dnspr-test"), Location: loc, Tags: tagIn,
		VirtualNetwork: &azurenative.SubResourceArgs{Id: pulumi.String("/vnet")}})
	if err != nil {
		return nil, err
	}
	inbound, err := azurenative.NewInboundEndpoint(ctx, "inbound", &azurenative.InboundEndpointArgs{ResourceGroupName: rg,
		DnsResolverName: resolver.Name, InboundEndpointName: pulumi.String("inbound"), Location: loc, Tags: tagIn,
		IpConfigurations: []azurenative.InboundEndpointIPConfigurationArgs{{Subnet: &azurenative.SubResourceArgs{Id: pulumi.String("/resolver-subnet")},
			PrivateIpAllocationMethod: pulumi.String("Static"), PrivateIpAddress: pulumi.String("10.0.3.4")}}})
	if err != nil {
		return nil, err
	}
	return map[string]pulumi.Output{"pip.ipAddress": pip.IpAddress, "vgw.name": gw.Name, "resolver.name": resolver.Name,
		"inbound.ip": inbound.IpConfigurations.Index(pulumi.Int(0)).PrivateIpAddress()}, nil
}

func TestNetworkBindingsRegisterTheOfficialShape(t *testing.T) {
	official := officialNetworkAliases(t)
	got := map[string]interface{}{}
	mk := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		outs, err := registerNetwork(ctx)
		for name, o := range outs {
			got[name] = await(t, o)
		}
		return err
	})
	if len(official) != len(wantNetworkTokens) {
		t.Errorf("%d official alias lists for %d bindings", len(official), len(wantNetworkTokens))
	}
	for name, token := range wantNetworkTokens {
		r, ok := mk.Find(token, name)
		if !ok {
			t.Errorf("%s: no %s registered", name, token)
			continue
		}
		if r.Version != "2.90.0" {
			t.Errorf("%s: plugin version = %q, want 2.90.0", token, r.Version)
		}
		if want, ok := official[token]; !ok || !reflect.DeepEqual(r.Aliases, want) {
			t.Errorf("%s aliases:\n got %v\nwant %v", token, r.Aliases, want)
		}
		in, secret := unsecret(r.Inputs)
		if !reflect.DeepEqual(in, map[string]interface{}(wantNetworkInputs[name])) {
			t.Errorf("%s wire inputs:\n got %#v\nwant %#v", token, in, wantNetworkInputs[name])
		}
		// Only the connection's key was passed as a secret, and it stays one on the wire.
		if wantSecret := map[string][]string{"con": {"sharedKey"}}[name]; !reflect.DeepEqual(secret, wantSecret) {
			t.Errorf("%s secret inputs = %v, want %v", token, secret, wantSecret)
		}
	}
	// The endpoint's defaulted subnet reference still depends on the subnet.
	if pe, _ := mk.Find(wantNetworkTokens["pe"], "pe"); !containsSuffix(pe.Dependencies, "::pe-subnet") {
		t.Errorf("private endpoint dependencies = %v, want the subnet", pe.Dependencies)
	}
	pip, _ := mk.Find(wantNetworkTokens["pip"], "pip")
	for name, want := range map[string]interface{}{
		"vnet.name": "vnet-test", "zone.name": "privatelink.vaultcore.azure.net", "pe.name": "pe-test",
		"vgw.name": "vgw-test", "resolver.name": "dnspr-test", "inbound.ip": "10.0.3.4",
		"pip.ipAddress": pip.Outputs["ipAddress"].StringValue(),
	} {
		v := got[name]
		if p, ok := v.(*string); ok && p != nil {
			v = *p
		}
		if v != want || want == "" {
			t.Errorf("output %s = %#v, want %#v", name, v, want)
		}
	}
}

// unsecret is the inputs as plain values, and the names of the top-level inputs that were secrets.
func unsecret(in resource.PropertyMap) (map[string]interface{}, []string) {
	plain := resource.PropertyMap{}
	var secret []string
	for k, v := range in {
		if v.IsSecret() {
			secret = append(secret, string(k))
			v = v.SecretValue().Element
		}
		plain[k] = v
	}
	sort.Strings(secret)
	return plain.Mappable(), secret
}

func containsSuffix(urns []string, suffix string) bool {
	for _, u := range urns {
		if strings.HasSuffix(u, suffix) {
			return true
		}
	}
	return false
}

// Each constructor refuses what the generated one refuses, with the generated message, and
// registers nothing.
func TestNetworkMissingRequiredArgumentsAreErrors(t *testing.T) {
	rg, s := pulumi.String("rg"), pulumi.String("x")
	const missing = "missing one or more required arguments"
	req := func(arg string) string { return "invalid value for required argument '" + arg + "'" }
	type newFn func(ctx *pulumi.Context) error
	cases := map[string]struct {
		fn   newFn
		want string
	}{
		"vnet nil": {func(ctx *pulumi.Context) error { _, err := azurenative.NewVirtualNetwork(ctx, "a", nil); return err }, missing},
		"vnet no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewVirtualNetwork(ctx, "b", &azurenative.VirtualNetworkArgs{})
			return err
		}, req("ResourceGroupName")},
		"nsg no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewNetworkSecurityGroup(ctx, "c", &azurenative.NetworkSecurityGroupArgs{})
			return err
		}, req("ResourceGroupName")},
		"subnet nil": {func(ctx *pulumi.Context) error { _, err := azurenative.NewSubnet(ctx, "d", nil); return err }, missing},
		"subnet no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewSubnet(ctx, "e", &azurenative.SubnetArgs{VirtualNetworkName: s})
			return err
		}, req("ResourceGroupName")},
		"subnet v20240501 no vnet": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewSubnetV20240501(ctx, "f", &azurenative.SubnetArgs{ResourceGroupName: rg})
			return err
		}, req("VirtualNetworkName")},
		"default subnet with defaultOutboundAccess": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewSubnet(ctx, "g", &azurenative.SubnetArgs{ResourceGroupName: rg, VirtualNetworkName: s, DefaultOutboundAccess: pulumi.Bool(false)})
			return err
		}, "use NewSubnetV20240501"},
		"endpoint no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewPrivateEndpoint(ctx, "h", &azurenative.PrivateEndpointArgs{})
			return err
		}, req("ResourceGroupName")},
		"zone group no endpoint": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewPrivateDnsZoneGroup(ctx, "i", &azurenative.PrivateDnsZoneGroupArgs{ResourceGroupName: rg})
			return err
		}, req("PrivateEndpointName")},
		"zone group no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewPrivateDnsZoneGroup(ctx, "j", &azurenative.PrivateDnsZoneGroupArgs{PrivateEndpointName: s})
			return err
		}, req("ResourceGroupName")},
		"zone no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewPrivateZone(ctx, "k", &azurenative.PrivateZoneArgs{})
			return err
		}, req("ResourceGroupName")},
		"link no zone": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewVirtualNetworkLink(ctx, "l", &azurenative.VirtualNetworkLinkArgs{ResourceGroupName: rg})
			return err
		}, req("PrivateZoneName")},
		"pip no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewPublicIPAddress(ctx, "m", &azurenative.PublicIPAddressArgs{})
			return err
		}, req("ResourceGroupName")},
		"vgw no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewVirtualNetworkGateway(ctx, "n", &azurenative.VirtualNetworkGatewayArgs{})
			return err
		}, req("ResourceGroupName")},
		"lgw no rg": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewLocalNetworkGateway(ctx, "o", &azurenative.LocalNetworkGatewayArgs{})
			return err
		}, req("ResourceGroupName")},
		"connection no type": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewVirtualNetworkGatewayConnection(ctx, "p", &azurenative.VirtualNetworkGatewayConnectionArgs{ResourceGroupName: rg})
			return err
		}, req("ConnectionType")},
		"connection no gateway": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewVirtualNetworkGatewayConnection(ctx, "q", &azurenative.VirtualNetworkGatewayConnectionArgs{ResourceGroupName: rg, ConnectionType: s})
			return err
		}, req("VirtualNetworkGateway1")},
		"resolver no vnet": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewDnsResolver(ctx, "r", &azurenative.DnsResolverArgs{ResourceGroupName: rg})
			return err
		}, req("VirtualNetwork")},
		"inbound no ip configurations": {func(ctx *pulumi.Context) error {
			_, err := azurenative.NewInboundEndpoint(ctx, "s", &azurenative.InboundEndpointArgs{ResourceGroupName: rg, DnsResolverName: s})
			return err
		}, req("IpConfigurations")},
		"inbound nil": {func(ctx *pulumi.Context) error { _, err := azurenative.NewInboundEndpoint(ctx, "t", nil); return err }, missing},
	}
	errs := map[string]error{}
	mk := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		for name, c := range cases {
			errs[name] = c.fn(ctx)
		}
		return nil
	})
	for name, c := range cases {
		if err := errs[name]; err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", name, err, c.want)
		}
	}
	if n := len(mk.Resources()); n != 0 {
		t.Errorf("%d resources registered despite invalid arguments", n)
	}
}

// The package documentation's table and Tokens() list exactly the tokens the bindings register.
func TestDocTableListsEveryBinding(t *testing.T) {
	raw, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]int{}
	for _, line := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(line, "//\t") {
			continue
		}
		for _, f := range strings.Fields(line) {
			if strings.HasPrefix(f, "azure-native:") {
				listed[f]++
			}
		}
	}
	want := map[string]int{azurenative.WorkspaceToken: 1, azurenative.ConfigurationStoreToken: 1,
		azurenative.KeyValueToken: 1, azurenative.GetKeyValueToken: 1}
	for _, token := range wantNetworkTokens {
		want[token] = 1
	}
	for _, token := range serviceTokens {
		want[token] = 1
	}
	want[azurenative.GetClientConfigToken] = 1
	if !reflect.DeepEqual(listed, want) {
		t.Errorf("doc.go's table lists %v, want each of %v once", listed, want)
	}
	// Invokes, not resources.
	delete(want, azurenative.GetKeyValueToken)
	delete(want, azurenative.GetClientConfigToken)
	exported := map[string]int{}
	for _, tok := range azurenative.Tokens() {
		exported[tok]++
	}
	if !reflect.DeepEqual(exported, want) {
		t.Errorf("Tokens() = %v, want each of %v once", exported, want)
	}
}
