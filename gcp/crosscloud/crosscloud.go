package crosscloud

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/example/mlplatform/gcpnative/compute"
	"github.com/example/mlplatform/internal/required"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/dns"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/projects"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	apiDNS = "dns.googleapis.com"
	// CloudDNSForwarderRange is where Cloud DNS sends forwarded queries from. The target
	// network must route it back through the VPN, so the Cloud Router advertises it
	// (https://cloud.google.com/dns/docs/zones/forwarding-zones, "Routes and firewall rules").
	CloudDNSForwarderRange = "35.199.192.0/19"
)

// CrossCloudLinkArgs configures NewCrossCloudLink, in plain values (stack maps the
// configuration).
type CrossCloudLinkArgs struct {
	// Env names the environment in the HA VPN gateway's description.
	Env string
	// Labels are the GCP labels of the labelable resources (gcp.Labels).
	Labels map[string]string
	// GatewayName, PeerGatewayName and RouterName name the HA VPN gateway, the external
	// gateway standing for Azure's and the Cloud Router; tunnel k is named TunnelName-k.
	GatewayName, PeerGatewayName, RouterName, TunnelName string
	// GCPASN is the Cloud Router's BGP autonomous system, AzureASN the Azure gateway's.
	GCPASN, AzureASN int
	// Tunnels are the tunnels to build, one per HA VPN interface (settings.CrossCloud.Tunnels).
	Tunnels []Tunnel
	// GKESubnetCIDR and GKEPodsCIDR are advertised to Azure over BGP (the microservice's
	// source addresses).
	GKESubnetCIDR, GKEPodsCIDR netip.Prefix
	// Region is where the HA VPN gateway and router live.
	Region string
	// Project is the project id gated on the compute API (Services.NetworkProject).
	Project pulumi.StringInput
	// NetworkID and NetworkSelfLink name the GKE VPC (Network outputs).
	NetworkID       pulumi.StringInput
	NetworkSelfLink pulumi.StringInput
	// AzurePublicIPs are the Azure gateway instance 0 and 1 addresses.
	AzurePublicIPs pulumi.StringArrayInput
	// SharedKeys are the tunnels' pre-shared keys (secrets), in Tunnels order.
	SharedKeys []pulumi.StringInput
	// ResolverIP is the Azure DNS Private Resolver's inbound address; ForwardedZones the
	// public zones the microservice's names are in (azconfig.io, vault.azure.net), forwarded
	// to it (azure.ForwardedZonesOf says why not the privatelink zones).
	ResolverIP     pulumi.StringInput
	ForwardedZones []string
}

// Tunnel is one IKEv2 tunnel: HA VPN interface GCPInterface to Azure gateway instance
// AzureInstance, its BGP session on the link range Link (GCPBGPIP here, AzureBGPIP there).
type Tunnel struct {
	Index, GCPInterface, AzureInstance int
	Link                               netip.Prefix
	AzureBGPIP, GCPBGPIP               netip.Addr
}

// CrossCloudLink is the Google end of the private path to Azure: an HA VPN gateway, the
// Azure gateway as an external VPN gateway, a Cloud Router with BGP over two IKEv2 tunnels,
// and private Cloud DNS forwarding zones on the VPC for the services' public zones.
type CrossCloudLink struct {
	pulumi.ResourceState

	// InterfaceIPs are the HA VPN gateway's interface 0 and 1 addresses.
	InterfaceIPs pulumi.StringArrayOutput
	RouterName   pulumi.StringOutput
	TunnelNames  pulumi.StringArrayOutput
	ZoneNames    pulumi.StringArrayOutput
}

// NewCrossCloudLink registers the VPN and the DNS forwarding zones.
func NewCrossCloudLink(ctx *pulumi.Context, name string, args *CrossCloudLinkArgs, opts ...pulumi.ResourceOption) (*CrossCloudLink, error) {
	if args == nil {
		args = &CrossCloudLinkArgs{}
	}
	if err := required.Args("crosscloud.NewCrossCloudLink", map[string]any{"Env": args.Env, "Labels": args.Labels,
		"GatewayName": args.GatewayName, "PeerGatewayName": args.PeerGatewayName, "RouterName": args.RouterName, "TunnelName": args.TunnelName,
		"Tunnels": args.Tunnels, "Region": args.Region, "Project": args.Project,
		"NetworkID": args.NetworkID, "NetworkSelfLink": args.NetworkSelfLink, "AzurePublicIPs": args.AzurePublicIPs,
		"ResolverIP": args.ResolverIP, "ForwardedZones": args.ForwardedZones}); err != nil {
		return nil, err
	}
	if len(args.SharedKeys) != len(args.Tunnels) {
		return nil, fmt.Errorf("crosscloud.NewCrossCloudLink: missing required arguments: SharedKeys (one per tunnel: want %d, got %d)",
			len(args.Tunnels), len(args.SharedKeys))
	}
	c := &CrossCloudLink{}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:CrossCloudLink", name, c, opts...); err != nil {
		return nil, err
	}
	if err := c.vpn(ctx, name, args); err != nil {
		return nil, err
	}
	if err := c.forwardingZones(ctx, name, args); err != nil {
		return nil, err
	}
	if err := ctx.RegisterResourceOutputs(c, pulumi.Map{
		"interfaceIps": c.InterfaceIPs, "routerName": c.RouterName, "tunnelNames": c.TunnelNames, "zoneNames": c.ZoneNames,
	}); err != nil {
		return nil, err
	}
	return c, nil
}

// vpn creates the HA VPN to Azure: the two gateways, the BGP router and one tunnel per
// Tunnel.
func (c *CrossCloudLink) vpn(ctx *pulumi.Context, name string, args *CrossCloudLinkArgs) error {
	ha, peer, err := c.vpnGateways(ctx, name, args)
	if err != nil {
		return err
	}
	router, err := c.bgpRouter(ctx, name, args, ha)
	if err != nil {
		return err
	}
	var tunnelNames pulumi.StringArray
	for _, t := range args.Tunnels {
		name, err := c.tunnel(ctx, name, args, t, ha, peer, router)
		if err != nil {
			return err
		}
		tunnelNames = append(tunnelNames, name)
	}
	c.InterfaceIPs = interfaceIPs(ha)
	c.RouterName = router.Name
	c.TunnelNames = tunnelNames.ToStringArrayOutput()
	return nil
}

// vpnGateways are the GCP HA VPN gateway and the external gateway standing for Azure's.
func (c *CrossCloudLink) vpnGateways(ctx *pulumi.Context, name string, args *CrossCloudLinkArgs) (*compute.HaVpnGateway, *compute.ExternalVpnGateway, error) {
	s := args
	region := pulumi.String(s.Region)
	ha, err := compute.NewHaVpnGateway(ctx, name+"-ha-vpn", &compute.HaVpnGatewayArgs{
		Project:     args.Project,
		Name:        pulumi.String(s.GatewayName),
		Description: pulumi.String("HA VPN to the Azure platform VNet (" + s.Env + ")"),
		Region:      region,
		Network:     args.NetworkID,
		StackType:   pulumi.String("IPV4_ONLY"),
	}, childOpts(c)...)
	if err != nil {
		return nil, nil, err
	}
	azureIPs := args.AzurePublicIPs.ToStringArrayOutput()
	peer, err := compute.NewExternalVpnGateway(ctx, name+"-azure-peer", &compute.ExternalVpnGatewayArgs{
		Project:     ha.Project,
		Name:        pulumi.String(s.PeerGatewayName),
		Description: pulumi.String("The Azure active-active VPN gateway: one interface per instance"),
		// One peer device (the Azure gateway) with two public addresses.
		RedundancyType: pulumi.String("TWO_IPS_REDUNDANCY"),
		Interfaces: []compute.ExternalVpnGatewayInterfaceArgs{
			{Id: pulumi.Int(0), IpAddress: azureIPs.Index(pulumi.Int(0))},
			{Id: pulumi.Int(1), IpAddress: azureIPs.Index(pulumi.Int(1))},
		},
		Labels: pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...)
	if err != nil {
		return nil, nil, err
	}
	return ha, peer, nil
}

// bgpRouter is the Cloud Router that speaks BGP with the Azure VPN gateway.
func (c *CrossCloudLink) bgpRouter(ctx *pulumi.Context, name string, args *CrossCloudLinkArgs, ha *compute.HaVpnGateway) (*compute.Router, error) {
	s := args
	region := pulumi.String(s.Region)
	return compute.NewRouter(ctx, name+"-router", &compute.RouterArgs{
		Project:     ha.Project,
		Name:        pulumi.String(s.RouterName),
		Description: pulumi.String("BGP with the Azure VPN gateway"),
		Region:      region,
		Network:     args.NetworkID,
		Bgp: &compute.RouterBgpArgs{
			Asn: pulumi.Int(s.GCPASN),
			// Custom advertisement: Azure learns only the ranges that talk to it, never the
			// whole VPC (services and control-plane ranges stay unannounced).
			AdvertiseMode:      pulumi.String("CUSTOM"),
			AdvertisedIpRanges: advertisedRanges(s),
		},
	}, childOpts(c)...)
}

// interfaceIPs are the HA VPN gateway's two public addresses, by interface id; it fails
// unless both exist.
func interfaceIPs(ha *compute.HaVpnGateway) pulumi.StringArrayOutput {
	return ha.VpnInterfaces.ApplyT(func(ifs []compute.HaVpnGatewayVpnInterface) ([]string, error) {
		out := make([]string, 2)
		for _, i := range ifs {
			if i.Id != nil && *i.Id >= 0 && *i.Id < 2 && i.IpAddress != nil {
				out[*i.Id] = *i.IpAddress
			}
		}
		if out[0] == "" || out[1] == "" {
			return nil, fmt.Errorf("HA VPN gateway reports interfaces %v, want addresses for 0 and 1", ifs)
		}
		return out, nil
	}).(pulumi.StringArrayOutput)
}

// advertisedRanges are the GKE node and pod ranges (the microservice's source addresses) and
// Cloud DNS's forwarder range (the source of forwarded queries).
func advertisedRanges(s *CrossCloudLinkArgs) []compute.RouterBgpAdvertisedIpRangeArgs {
	return []compute.RouterBgpAdvertisedIpRangeArgs{
		{Range: pulumi.String(s.GKESubnetCIDR.String()), Description: pulumi.String("GKE nodes")},
		{Range: pulumi.String(s.GKEPodsCIDR.String()), Description: pulumi.String("GKE pods")},
		{Range: pulumi.String(CloudDNSForwarderRange), Description: pulumi.String("Cloud DNS forwarding source")},
	}
}

// tunnel registers one IKEv2 tunnel with its router interface and BGP peer.
func (c *CrossCloudLink) tunnel(ctx *pulumi.Context, name string, args *CrossCloudLinkArgs, t Tunnel,
	ha *compute.HaVpnGateway, peer *compute.ExternalVpnGateway, router *compute.Router) (pulumi.StringOutput, error) {
	s := args
	k := strconv.Itoa(t.Index)
	tunnel, err := compute.NewVPNTunnel(ctx, name+"-tunnel-"+k, &compute.VPNTunnelArgs{
		Project:                      router.Project,
		Name:                         pulumi.Sprintf("%s-%d", s.TunnelName, t.Index),
		Description:                  pulumi.Sprintf("HA VPN interface %d to Azure gateway instance %d", t.GCPInterface, t.AzureInstance),
		Region:                       router.Region,
		VpnGateway:                   ha.ID(),
		VpnGatewayInterface:          pulumi.Int(t.GCPInterface),
		PeerExternalGateway:          peer.ID(),
		PeerExternalGatewayInterface: pulumi.Int(t.AzureInstance),
		Router:                       router.Name,
		IkeVersion:                   pulumi.Int(2),
		SharedSecret:                 pulumi.ToSecret(args.SharedKeys[t.Index]).(pulumi.StringOutput),
		Labels:                       pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	iface, err := compute.NewRouterInterface(ctx, name+"-if-"+k, &compute.RouterInterfaceArgs{
		Project: router.Project,
		Region:  router.Region,
		Router:  router.Name,
		Name:    pulumi.Sprintf("if-azure-%d", t.Index),
		// The prefix is formatted here: pulumi.Sprintf would walk netip.Addr as a struct of
		// unexported fields and print the zero address ("invalid IP").
		IpRange:   pulumi.String(netip.PrefixFrom(t.GCPBGPIP, t.Link.Bits()).String()),
		VpnTunnel: tunnel.Name,
	}, childOpts(c)...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	if _, err := compute.NewRouterPeer(ctx, name+"-peer-"+k, &compute.RouterPeerArgs{
		Project:                 router.Project,
		Region:                  router.Region,
		Router:                  router.Name,
		Name:                    pulumi.Sprintf("azure-%d", t.Index),
		Interface:               iface.Name,
		IpAddress:               pulumi.String(t.GCPBGPIP.String()),
		PeerIpAddress:           pulumi.String(t.AzureBGPIP.String()),
		PeerAsn:                 pulumi.Int(s.AzureASN),
		AdvertisedRoutePriority: pulumi.Int(100),
	}, childOpts(c)...); err != nil {
		return pulumi.StringOutput{}, err
	}
	return tunnel.Name, nil
}

func (c *CrossCloudLink) forwardingZones(ctx *pulumi.Context, name string, args *CrossCloudLinkArgs) error {
	s := args
	// Enabled here rather than in Services: only stacks with the cross-cloud path need it.
	api, err := projects.NewService(ctx, name+"-dns-api", &projects.ServiceArgs{
		Project: args.Project, Service: pulumi.String(apiDNS),
		DisableOnDestroy: pulumi.Bool(false), DisableDependentServices: pulumi.Bool(false),
	}, childOpts(c)...)
	if err != nil {
		return err
	}
	var names pulumi.StringArray
	for _, zone := range args.ForwardedZones {
		z, err := dns.NewManagedZone(ctx, name+"-fwd-"+zone, &dns.ManagedZoneArgs{
			Project:     api.Project,
			Name:        pulumi.String("fwd-" + strings.ReplaceAll(zone, ".", "-")),
			DnsName:     pulumi.String(zone + "."),
			Description: pulumi.String("Forwards " + zone + " to the Azure DNS Private Resolver over the VPN"),
			Visibility:  pulumi.String("private"),
			PrivateVisibilityConfig: &dns.ManagedZonePrivateVisibilityConfigArgs{
				Networks: dns.ManagedZonePrivateVisibilityConfigNetworkArray{
					dns.ManagedZonePrivateVisibilityConfigNetworkArgs{NetworkUrl: args.NetworkSelfLink},
				},
			},
			// "private": always through the VPC (and so the tunnels), never the internet.
			ForwardingConfig: &dns.ManagedZoneForwardingConfigArgs{
				TargetNameServers: dns.ManagedZoneForwardingConfigTargetNameServerArray{
					dns.ManagedZoneForwardingConfigTargetNameServerArgs{Ipv4Address: args.ResolverIP, ForwardingPath: pulumi.String("private")},
				},
			},
			Labels: pulumi.ToStringMap(s.Labels),
		}, childOpts(c)...)
		if err != nil {
			return err
		}
		names = append(names, z.Name)
	}
	c.ZoneNames = names.ToStringArrayOutput()
	return nil
}

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}
