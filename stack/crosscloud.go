package stack

import (
	"strconv"

	"github.com/pulumi/pulumi-random/sdk/v4/go/random"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	azurexc "github.com/example/mlplatform/azure/crosscloud"
	"github.com/example/mlplatform/gcp"
	gcpxc "github.com/example/mlplatform/gcp/crosscloud"
	"github.com/example/mlplatform/gcp/network"
	"github.com/example/mlplatform/settings"
)

// pskLength: 32 letters and digits (about 190 bits). Azure and Google both accept them;
// special characters are left out because the two clouds accept different sets.
const pskLength = 32

// crossCloudInputs is what the cross-cloud path needs from the rest of the composition.
type crossCloudInputs struct {
	foundation     *azure.Foundation
	subscriptionID string
	network        *network.Network
	project        pulumi.StringInput
}

// defineCrossCloud joins the GKE VPC to the platform VNet (Settings.CrossCloud): the Azure
// gateway and resolver, the Google VPN and forwarding zones, then the Azure connections,
// which need the HA VPN gateway's addresses. Pre-shared keys come from pulumi-random and
// stay secrets in state; no output carries them.
func defineCrossCloud(ctx *pulumi.Context, s *settings.Settings, in crossCloudInputs) error {
	if !s.CrossCloud.Enabled {
		return nil
	}
	var keys []pulumi.StringInput
	for _, t := range s.CrossCloud.Tunnels() {
		psk, err := random.NewRandomPassword(ctx, "vpn-psk-"+strconv.Itoa(t.Index), &random.RandomPasswordArgs{
			Length: pulumi.Int(pskLength), Special: pulumi.Bool(false),
			Upper: pulumi.Bool(true), Lower: pulumi.Bool(true), Numeric: pulumi.Bool(true),
		})
		if err != nil {
			return err
		}
		keys = append(keys, psk.Result)
	}
	gateway, err := azurexc.NewCrossCloudGateway(ctx, "crosscloud", azureGatewayArgs(s, in))
	if err != nil {
		return err
	}
	link, err := gcpxc.NewCrossCloudLink(ctx, "crosscloud",
		gcpLinkArgs(s, in, gateway.PublicIPs, gateway.ResolverInboundIP, keys))
	if err != nil {
		return err
	}
	_, err = azurexc.NewCrossCloudConnections(ctx, "crosscloud", &azurexc.CrossCloudConnectionsArgs{
		Gateway: gateway, GCPInterfaceIPs: link.InterfaceIPs, SharedKeys: keys,
	})
	return err
}

// gcpLinkArgs maps the configuration onto the Google end's plain arguments; the Azure end
// gives its gateway's public addresses and its resolver's inbound address.
func gcpLinkArgs(s *settings.Settings, in crossCloudInputs, azureIPs pulumi.StringArrayInput, resolverIP pulumi.StringInput,
	keys []pulumi.StringInput) *gcpxc.CrossCloudLinkArgs {
	var tunnels []gcpxc.Tunnel
	for _, t := range s.CrossCloud.Tunnels() {
		tunnels = append(tunnels, gcpxc.Tunnel{Index: t.Index, GCPInterface: t.GCPInterface, AzureInstance: t.AzureInstance,
			Link: t.Link, AzureBGPIP: t.AzureBGPIP, GCPBGPIP: t.GCPBGPIP})
	}
	return &gcpxc.CrossCloudLinkArgs{
		Env:             s.Env,
		Labels:          gcp.Labels(s.Env, s.OwnerEmail),
		GatewayName:     s.Names.Abbreviated("vpn"),
		PeerGatewayName: s.Names.Abbreviated("azure-vgw"),
		RouterName:      s.Names.Abbreviated("cr-vpn"),
		TunnelName:      s.Names.Abbreviated("vpn-azure"),
		GCPASN:          s.CrossCloud.GCPASN,
		AzureASN:        s.CrossCloud.AzureASN,
		Tunnels:         tunnels,
		GKESubnetCIDR:   s.GKE.SubnetCIDR,
		GKEPodsCIDR:     s.GKE.PodsCIDR,
		Region:          s.GCP.Region,
		Project:         in.project,
		NetworkID:       in.network.NetworkID,
		NetworkSelfLink: in.network.NetworkSelfLink,
		AzurePublicIPs:  azureIPs,
		SharedKeys:      keys,
		ResolverIP:      resolverIP,
		ForwardedZones:  azure.ForwardedZonesOf(azure.MicroserviceGroups...),
	}
}

// azureGatewayArgs maps the configuration onto the Azure end's plain inputs: names from
// settings.Names, addresses as text, the tunnels as settings.CrossCloud derives them.
func azureGatewayArgs(s *settings.Settings, in crossCloudInputs) *azurexc.CrossCloudGatewayArgs {
	c := s.CrossCloud
	var tunnels []azurexc.Tunnel
	for _, t := range c.Tunnels() {
		tunnels = append(tunnels, azurexc.Tunnel{Index: t.Index, GCPInterface: t.GCPInterface, AzureInstance: t.AzureInstance,
			AzureBGPIP: t.AzureBGPIP.String(), GCPBGPIP: t.GCPBGPIP.String()})
	}
	return &azurexc.CrossCloudGatewayArgs{
		Foundation: in.foundation, SubscriptionID: in.subscriptionID,
		Location: s.Azure.Location, Tags: azure.Tags(s.Common),
		GatewayName: s.Names.Abbreviated("vgw"), ResolverName: s.Names.Abbreviated("dnspr"),
		LocalGatewayPrefix: s.Names.Abbreviated("lgw-gcp"), ConnectionPrefix: s.Names.Abbreviated("con-gcp"),
		GatewaySubnetCIDR: c.GatewaySubnetCIDR.String(), ResolverSubnetCIDR: c.ResolverSubnetCIDR.String(),
		ResolverInboundIP: c.ResolverInboundIP().String(),
		SKU:               c.VPNGatewaySKU, Generation: c.VPNGatewayGeneration,
		AzureASN: c.AzureASN, GCPASN: c.GCPASN,
		Tunnels: tunnels,
	}
}
