// Package crosscloud builds the Azure end of the cross-cloud link to GKE: the active-active
// VPN gateway with its public IPs, the DNS Private Resolver, and one local network gateway and
// connection per Google tunnel. spec/ is what the tooling knows about it.
package crosscloud

import (
	"fmt"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/required"
)

// The cross-cloud design follows Google's "Create HA VPN connections between Google Cloud and
// Azure" (https://cloud.google.com/network-connectivity/docs/vpn/tutorials/create-ha-vpn-connections-google-cloud-azure):
// an active-active Azure VPN gateway with BGP and custom APIPA addresses, one local network
// gateway and one connection per Google tunnel (each at its own HA VPN interface address),
// IKEv2 with pre-shared keys.
const (
	// GatewaySubnetName is fixed by Azure: a VPN gateway deploys only into a subnet of this name.
	GatewaySubnetName = "GatewaySubnet"
	// ResolverSubnetName holds the DNS Private Resolver's inbound endpoint; the subnet is
	// delegated to Microsoft.Network/dnsResolvers and holds nothing else.
	ResolverSubnetName = "snet-dns-inbound"
	resolverDelegation = "Microsoft.Network/dnsResolvers"
)

// CrossCloudGatewayArgs configures NewCrossCloudGateway: plain values (stack maps the
// configuration), addresses as text.
type CrossCloudGatewayArgs struct {
	// Foundation provides the resource group and the platform VNet (private networking on).
	Foundation     *azure.Foundation
	SubscriptionID string
	Location       string
	Tags           map[string]string
	// GatewayName is the VPN gateway's; its public IPs are pip-GatewayName-0 and -1.
	GatewayName  string
	ResolverName string
	// LocalGatewayPrefix and ConnectionPrefix name tunnel k's local network gateway and
	// connection PREFIX-k.
	LocalGatewayPrefix, ConnectionPrefix string
	// GatewaySubnetCIDR and ResolverSubnetCIDR are carved from the platform VNet;
	// ResolverInboundIP (in the resolver subnet) is the address Cloud DNS forwards to.
	GatewaySubnetCIDR, ResolverSubnetCIDR, ResolverInboundIP string
	// SKU is a zone-redundant VpnGw*AZ SKU; Generation the one it exists in (Generation1/2).
	SKU, Generation  string
	AzureASN, GCPASN int
	Tunnels          []Tunnel
}

// Tunnel is one IPsec tunnel to Google's HA VPN as the Azure end sees it.
type Tunnel struct {
	Index int
	// GCPInterface is the HA VPN interface (0 or 1) the tunnel ends on; AzureInstance the
	// gateway instance (0 or 1, its ipConfiguration).
	GCPInterface, AzureInstance int
	// AzureBGPIP and GCPBGPIP are the two ends of the tunnel's BGP session (APIPA addresses).
	AzureBGPIP, GCPBGPIP string
}

// CrossCloudGateway is the Azure end of the private path from GKE: the VPN gateway (two
// zone-redundant public IPs, BGP) in GatewaySubnet and the DNS Private Resolver whose inbound
// endpoint answers the privatelink names for Google's Cloud DNS.
type CrossCloudGateway struct {
	pulumi.ResourceState

	GatewayID   pulumi.StringOutput
	GatewayName pulumi.StringOutput
	// PublicIPs are the addresses of instance 0 and instance 1, in that order.
	PublicIPs pulumi.StringArrayOutput
	// ResolverInboundIP is the static address Cloud DNS forwards to.
	ResolverInboundIP pulumi.StringOutput

	args   *CrossCloudGatewayArgs
	rgName pulumi.StringOutput
	// ipConfigIDs are the gateway's two ipConfiguration ids (instance 0, 1).
	ipConfigIDs [2]pulumi.StringOutput
}

// NewCrossCloudGateway registers GatewaySubnet, the gateway and its public IPs, the resolver
// subnet, the DNS Private Resolver and its inbound endpoint.
func NewCrossCloudGateway(ctx *pulumi.Context, name string, args *CrossCloudGatewayArgs, opts ...pulumi.ResourceOption) (*CrossCloudGateway, error) {
	if args == nil {
		args = &CrossCloudGatewayArgs{}
	}
	if err := requiredGatewayArgs(args); err != nil {
		return nil, err
	}
	f := args.Foundation
	if f.Network == nil {
		return nil, fmt.Errorf("crosscloud.NewCrossCloudGateway %s: the foundation has no private network (azurePrivateNetworking is off)", name)
	}
	g := &CrossCloudGateway{args: args, rgName: f.ResourceGroupName}
	if err := ctx.RegisterComponentResource("mlplatform:azure:CrossCloudGateway", name, g, opts...); err != nil {
		return nil, err
	}
	if err := g.vpnGateway(ctx, name, args.SubscriptionID, f); err != nil {
		return nil, err
	}
	if err := g.resolver(ctx, name, f); err != nil {
		return nil, err
	}
	if err := ctx.RegisterResourceOutputs(g, pulumi.Map{
		"gatewayId": g.GatewayID, "gatewayName": g.GatewayName, "publicIps": g.PublicIPs,
		"resolverInboundIp": g.ResolverInboundIP,
	}); err != nil {
		return nil, err
	}
	return g, nil
}

// requiredGatewayArgs names every argument left empty (ASNs and interface numbers may be 0).
func requiredGatewayArgs(a *CrossCloudGatewayArgs) error {
	return required.Args("crosscloud.NewCrossCloudGateway", map[string]any{"Foundation": a.Foundation,
		"SubscriptionID": a.SubscriptionID, "Location": a.Location, "Tags": a.Tags, "GatewayName": a.GatewayName,
		"ResolverName": a.ResolverName, "LocalGatewayPrefix": a.LocalGatewayPrefix, "ConnectionPrefix": a.ConnectionPrefix,
		"GatewaySubnetCIDR": a.GatewaySubnetCIDR, "ResolverSubnetCIDR": a.ResolverSubnetCIDR,
		"ResolverInboundIP": a.ResolverInboundIP, "SKU": a.SKU, "Generation": a.Generation, "Tunnels": a.Tunnels})
}

// vpnGateway registers GatewaySubnet, the gateway's two public IPs and the gateway.
func (g *CrossCloudGateway) vpnGateway(ctx *pulumi.Context, name, subscriptionID string, f *azure.Foundation) error {
	a := g.args
	parent := pulumi.Parent(g)
	// No NSG here: Azure does not support one on GatewaySubnet ("Assigning a network security
	// group to a gateway subnet will cause the gateway to stop functioning", Azure Policy
	// NetworkSecurityGroupOnGatewaySubnet_Deny, 35f9c03a-cc27-418e-9c0c-539ff999d010).
	subnet, err := azurenative.NewSubnet(ctx, name+"-gateway-subnet", &azurenative.SubnetArgs{
		ResourceGroupName:  f.ResourceGroupName,
		VirtualNetworkName: f.Network.VirtualNetworkName,
		SubnetName:         pulumi.String(GatewaySubnetName),
		AddressPrefix:      pulumi.String(a.GatewaySubnetCIDR),
	}, parent)
	if err != nil {
		return err
	}
	gwName := a.GatewayName
	var ipConfigs []azurenative.VirtualNetworkGatewayIPConfigurationArgs
	var peering []azurenative.IPConfigurationBgpPeeringAddressArgs
	var ips pulumi.StringArray
	for i := range 2 {
		inst, err := g.newGatewayInstance(ctx, name, subscriptionID, f, gwName, subnet.ID(), i)
		if err != nil {
			return err
		}
		ipConfigs = append(ipConfigs, inst.ipConfig)
		peering = append(peering, inst.peering)
		ips = append(ips, inst.publicIP)
	}
	gw, err := g.newVirtualNetworkGateway(ctx, name, f, gwName, ipConfigs, peering)
	if err != nil {
		return err
	}
	g.GatewayID = gw.ID().ToStringOutput()
	g.GatewayName = gw.Name
	g.PublicIPs = ips.ToStringArrayOutput()
	return nil
}

// gatewayInstance is what one instance of the active-active gateway contributes to it.
type gatewayInstance struct {
	ipConfig azurenative.VirtualNetworkGatewayIPConfigurationArgs
	peering  azurenative.IPConfigurationBgpPeeringAddressArgs
	publicIP pulumi.StringOutput
}

// newGatewayInstance registers the public IP of gateway instance i and records the
// instance's ipConfiguration id.
func (g *CrossCloudGateway) newGatewayInstance(ctx *pulumi.Context, name, subscriptionID string, f *azure.Foundation, gwName string,
	subnetID pulumi.IDOutput, i int) (gatewayInstance, error) {
	a := g.args
	// Zone-redundant Standard static addresses: the *AZ gateway SKUs require them.
	pip, err := azurenative.NewPublicIPAddress(ctx, name+"-pip-"+strconv.Itoa(i), &azurenative.PublicIPAddressArgs{
		ResourceGroupName:        f.ResourceGroupName,
		PublicIpAddressName:      pulumi.Sprintf("pip-%s-%d", gwName, i),
		Location:                 pulumi.String(a.Location),
		Sku:                      &azurenative.PublicIPAddressSkuArgs{Name: pulumi.String("Standard"), Tier: pulumi.String("Regional")},
		PublicIPAllocationMethod: pulumi.String("Static"),
		PublicIPAddressVersion:   pulumi.String("IPv4"),
		Zones:                    pulumi.ToStringArray([]string{"1", "2", "3"}),
		Tags:                     pulumi.ToStringMap(a.Tags),
	}, pulumi.Parent(g))
	if err != nil {
		return gatewayInstance{}, err
	}
	ipName := "ipconfig-" + strconv.Itoa(i)
	g.ipConfigIDs[i] = pulumi.Sprintf("/subscriptions/%s/resourceGroups/%s/providers/Microsoft.Network/virtualNetworkGateways/%s/ipConfigurations/%s",
		subscriptionID, f.ResourceGroupName, gwName, ipName)
	return gatewayInstance{ipConfig: azurenative.VirtualNetworkGatewayIPConfigurationArgs{
		Name:                      pulumi.String(ipName),
		PrivateIPAllocationMethod: pulumi.String("Dynamic"),
		Subnet:                    &azurenative.SubResourceArgs{Id: subnetID},
		PublicIPAddress:           &azurenative.SubResourceArgs{Id: pip.ID()},
	}, peering: azurenative.IPConfigurationBgpPeeringAddressArgs{
		IpconfigurationId:    g.ipConfigIDs[i],
		CustomBgpIpAddresses: pulumi.ToStringArray(azureBGPAddresses(a.Tunnels, i)),
	}, publicIP: pip.IpAddress.Elem()}, nil
}

// newVirtualNetworkGateway registers the active-active BGP gateway over the two instances.
func (g *CrossCloudGateway) newVirtualNetworkGateway(ctx *pulumi.Context, name string, f *azure.Foundation, gwName string,
	ipConfigs []azurenative.VirtualNetworkGatewayIPConfigurationArgs, peering []azurenative.IPConfigurationBgpPeeringAddressArgs) (*azurenative.VirtualNetworkGateway, error) {
	a := g.args
	// No customer-controlled maintenance window (Microsoft.Maintenance, not in go.mod): the
	// gateway is active-active across zones (VPN-004), which keeps a tunnel up while Azure
	// maintains one instance ("About active-active VPN gateways",
	// learn.microsoft.com/azure/vpn-gateway/about-active-active-gateways).
	return azurenative.NewVirtualNetworkGateway(ctx, name+"-vgw", &azurenative.VirtualNetworkGatewayArgs{
		ResourceGroupName:         f.ResourceGroupName,
		VirtualNetworkGatewayName: pulumi.String(gwName),
		Location:                  pulumi.String(a.Location),
		GatewayType:               pulumi.String("Vpn"),
		VpnType:                   pulumi.String("RouteBased"),
		// From the SKU (settings.vpnGatewayGenerations, Microsoft's SKU table): ARM refuses a
		// SKU with a generation it does not exist in.
		VpnGatewayGeneration: pulumi.String(a.Generation),
		Sku:                  &azurenative.VirtualNetworkGatewaySkuArgs{Name: pulumi.String(a.SKU), Tier: pulumi.String(a.SKU)},
		// Both instances carry tunnels (no standby), each with its own public IP.
		ActiveActive:     pulumi.Bool(true),
		EnableBgp:        pulumi.Bool(true),
		IpConfigurations: ipConfigs,
		BgpSettings: &azurenative.BgpSettingsArgs{
			Asn:                 pulumi.Float64(float64(a.AzureASN)),
			BgpPeeringAddresses: peering,
		},
		Tags: pulumi.ToStringMap(a.Tags),
	}, pulumi.Parent(g))
}

// azureBGPAddresses are the custom APIPA addresses of one gateway instance: the Azure side
// of the tunnel that ends on it (one per instance, so each connection's session uses it:
// "VPN Gateway will choose the custom APIPA address if the corresponding local network
// gateway ... has an APIPA address as the BGP peer IP", learn.microsoft.com/azure/
// vpn-gateway/bgp-howto).
func azureBGPAddresses(tunnels []Tunnel, instance int) []string {
	var out []string
	for _, t := range tunnels {
		if t.AzureInstance == instance {
			out = append(out, t.AzureBGPIP)
		}
	}
	return out
}

func (g *CrossCloudGateway) resolver(ctx *pulumi.Context, name string, f *azure.Foundation) error {
	a := g.args
	parent := pulumi.Parent(g)
	tags := pulumi.ToStringMap(a.Tags)
	subnet, err := azurenative.NewSubnet(ctx, name+"-resolver-subnet", &azurenative.SubnetArgs{
		ResourceGroupName:  f.ResourceGroupName,
		VirtualNetworkName: f.Network.VirtualNetworkName,
		SubnetName:         pulumi.String(ResolverSubnetName),
		AddressPrefix:      pulumi.String(a.ResolverSubnetCIDR),
		Delegations: []azurenative.DelegationArgs{{
			Name: pulumi.String("dns-resolvers"), ServiceName: pulumi.String(resolverDelegation),
		}},
		NetworkSecurityGroup: &azurenative.NetworkSecurityGroupTypeArgs{Id: f.Network.SecurityGroupID},
	}, parent)
	if err != nil {
		return err
	}
	resolver, err := azurenative.NewDnsResolver(ctx, name+"-resolver", &azurenative.DnsResolverArgs{
		ResourceGroupName: f.ResourceGroupName,
		DnsResolverName:   pulumi.String(a.ResolverName),
		Location:          pulumi.String(a.Location),
		VirtualNetwork:    &azurenative.SubResourceArgs{Id: f.Network.VirtualNetworkID},
		Tags:              tags,
	}, parent)
	if err != nil {
		return err
	}
	// A static address: Cloud DNS forwarding targets are IPs, and a dynamic one could change
	// if the endpoint were recreated.
	inbound, err := azurenative.NewInboundEndpoint(ctx, name+"-resolver-inbound", &azurenative.InboundEndpointArgs{
		ResourceGroupName:   f.ResourceGroupName,
		DnsResolverName:     resolver.Name,
		InboundEndpointName: pulumi.String("inbound"),
		Location:            pulumi.String(a.Location),
		IpConfigurations: []azurenative.InboundEndpointIPConfigurationArgs{{
			Subnet:                    &azurenative.SubResourceArgs{Id: subnet.ID()},
			PrivateIpAllocationMethod: pulumi.String("Static"),
			PrivateIpAddress:          pulumi.String(a.ResolverInboundIP),
		}},
		Tags: tags,
	}, parent)
	if err != nil {
		return err
	}
	g.ResolverInboundIP = inbound.IpConfigurations.Index(pulumi.Int(0)).PrivateIpAddress().Elem()
	return nil
}

// CrossCloudConnectionsArgs configures NewCrossCloudConnections.
type CrossCloudConnectionsArgs struct {
	Gateway *CrossCloudGateway
	// GCPInterfaceIPs are the HA VPN gateway's interface 0 and 1 addresses.
	GCPInterfaceIPs pulumi.StringArrayInput
	// SharedKeys are the tunnels' pre-shared keys, in the gateway's Tunnels order; the
	// same keys go to the Google tunnels. They stay secrets.
	SharedKeys []pulumi.StringInput
}

// CrossCloudConnections is one local network gateway (a Google tunnel's interface address and
// BGP peer) and one IPsec connection per tunnel. Tunnel k lands on HA VPN interface k, so
// each local network gateway has its own address, as Azure requires of the local network
// gateways on one gateway ("must have unique public IP addresses in the GatewayIpAddress
// property" and "a unique BGP peer IP address", learn.microsoft.com/azure/vpn-gateway/
// vpn-gateway-highlyavailable).
type CrossCloudConnections struct {
	pulumi.ResourceState

	ConnectionIDs pulumi.StringArrayOutput
}

// NewCrossCloudConnections connects the gateway to the Google tunnels: IKEv2 and BGP. No
// gatewayCustomBgpIpAddresses: each instance has one APIPA address, which Azure picks for a
// local network gateway whose BGP peer is an APIPA address (bgp-howto), as Google's Azure
// sample (GoogleCloudPlatform/professional-services tools/gcp-azure-ha-vpn) does.
func NewCrossCloudConnections(ctx *pulumi.Context, name string, args *CrossCloudConnectionsArgs, opts ...pulumi.ResourceOption) (*CrossCloudConnections, error) {
	if args == nil {
		args = &CrossCloudConnectionsArgs{}
	}
	if err := required.Args("crosscloud.NewCrossCloudConnections", map[string]any{"Gateway": args.Gateway,
		"GCPInterfaceIPs": args.GCPInterfaceIPs}); err != nil {
		return nil, err
	}
	g := args.Gateway
	tunnels := g.args.Tunnels
	if len(args.SharedKeys) != len(tunnels) {
		return nil, fmt.Errorf("crosscloud.NewCrossCloudConnections: %d shared keys for %d tunnels", len(args.SharedKeys), len(tunnels))
	}
	c := &CrossCloudConnections{}
	if err := ctx.RegisterComponentResource("mlplatform:azure:CrossCloudConnections", name, c, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(c)
	ips := args.GCPInterfaceIPs.ToStringArrayOutput()
	var ids pulumi.StringArray
	for i, t := range tunnels {
		id, err := connectTunnel(ctx, name, g, t, ips.Index(pulumi.Int(t.GCPInterface)), args.SharedKeys[i], parent)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	c.ConnectionIDs = ids.ToStringArrayOutput()
	if err := ctx.RegisterResourceOutputs(c, pulumi.Map{"connectionIds": c.ConnectionIDs}); err != nil {
		return nil, err
	}
	return c, nil
}

// connectTunnel registers tunnel t's local network gateway (the Google interface address and
// BGP peer) and its IPsec connection; it returns the connection's id.
func connectTunnel(ctx *pulumi.Context, name string, g *CrossCloudGateway, t Tunnel, gcpInterfaceIP pulumi.StringOutput,
	sharedKey pulumi.StringInput, parent pulumi.ResourceOption) (pulumi.StringOutput, error) {
	a := g.args
	tags := pulumi.ToStringMap(a.Tags)
	k := strconv.Itoa(t.Index)
	lng, err := azurenative.NewLocalNetworkGateway(ctx, name+"-lgw-"+k, &azurenative.LocalNetworkGatewayArgs{
		ResourceGroupName:       g.rgName,
		LocalNetworkGatewayName: pulumi.Sprintf("%s-%d", a.LocalGatewayPrefix, t.Index),
		Location:                pulumi.String(a.Location),
		GatewayIpAddress:        gcpInterfaceIP,
		// With BGP the only prefix Azure needs is the peer's BGP address; routes are learned.
		BgpSettings: &azurenative.BgpSettingsArgs{
			Asn:               pulumi.Float64(float64(a.GCPASN)),
			BgpPeeringAddress: pulumi.String(t.GCPBGPIP),
		},
		Tags: tags,
	}, parent)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	conn, err := azurenative.NewVirtualNetworkGatewayConnection(ctx, name+"-con-"+k, &azurenative.VirtualNetworkGatewayConnectionArgs{
		ResourceGroupName:                   g.rgName,
		VirtualNetworkGatewayConnectionName: pulumi.Sprintf("%s-%d", a.ConnectionPrefix, t.Index),
		Location:                            pulumi.String(a.Location),
		ConnectionType:                      pulumi.String("IPsec"),
		ConnectionProtocol:                  pulumi.String("IKEv2"),
		VirtualNetworkGateway1:              &azurenative.VirtualNetworkGatewayTypeArgs{Id: g.GatewayID},
		LocalNetworkGateway2:                &azurenative.LocalNetworkGatewayTypeArgs{Id: lng.ID()},
		EnableBgp:                           pulumi.Bool(true),
		SharedKey:                           pulumi.ToSecret(sharedKey).(pulumi.StringOutput),
		Tags:                                tags,
	}, parent, pulumi.AdditionalSecretOutputs([]string{"sharedKey"}))
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	return conn.ID().ToStringOutput(), nil
}
