package azure

import (
	"fmt"
	"github.com/example/mlplatform/internal/required"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azurenative"
)

// PrivateLinkGroup is the sub-resource (group id) of a service a private endpoint connects to.
type PrivateLinkGroup string

// The private-link groups of the platform's services.
const (
	GroupVault               PrivateLinkGroup = "vault"
	GroupConfigurationStores PrivateLinkGroup = "configurationStores"
	GroupBlob                PrivateLinkGroup = "blob"
	GroupFile                PrivateLinkGroup = "file"
	GroupRegistry            PrivateLinkGroup = "registry"
	GroupAMLWorkspace        PrivateLinkGroup = "amlworkspace"
	// GroupAzureMonitor connects an Azure Monitor Private Link Scope (azure/foundation/monitorlink.go).
	GroupAzureMonitor PrivateLinkGroup = "azuremonitor"
)

// groupZones are the private DNS zones (Azure public cloud) that resolve each group's names.
var groupZones = map[PrivateLinkGroup][]string{
	GroupVault:               {"privatelink.vaultcore.azure.net"},
	GroupConfigurationStores: {"privatelink.azconfig.io"},
	GroupBlob:                {"privatelink.blob.core.windows.net"},
	GroupFile:                {"privatelink.file.core.windows.net"},
	GroupRegistry:            {"privatelink.azurecr.io"},
	// The workspace API and its notebooks live under two names.
	GroupAMLWorkspace: {"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"},
	// Azure Monitor's global and workspace-specific endpoints, plus the blob zone its agents
	// download solution packs from (Microsoft Learn, "Azure Private Endpoint DNS
	// configuration", Azure Monitor row; "Configure your private link").
	GroupAzureMonitor: {"privatelink.monitor.azure.com", "privatelink.oms.opinsights.azure.com",
		"privatelink.ods.opinsights.azure.com", "privatelink.agentsvc.azure-automation.net", "privatelink.blob.core.windows.net"},
}

// PrivateDNSZones are the zones the Foundation creates and links to the VNet, in creation order.
var PrivateDNSZones = []string{
	"privatelink.agentsvc.azure-automation.net",
	"privatelink.api.azureml.ms",
	"privatelink.azconfig.io",
	"privatelink.azurecr.io",
	"privatelink.blob.core.windows.net",
	"privatelink.file.core.windows.net",
	"privatelink.monitor.azure.com",
	"privatelink.notebooks.azure.net",
	"privatelink.ods.opinsights.azure.com",
	"privatelink.oms.opinsights.azure.com",
	"privatelink.vaultcore.azure.net",
}

// PrivateEndpointArgs configures NewPrivateEndpoint.
type PrivateEndpointArgs struct {
	// Foundation provides the resource group, location, subnet and DNS zones; its private
	// networking must be on.
	Foundation *Foundation
	// TargetID is the ARM id of the resource to reach privately.
	TargetID pulumi.StringInput
	Group    PrivateLinkGroup
}

// PrivateEndpoint is a private endpoint in the platform's private-endpoint subnet whose DNS
// records are kept in the platform's private DNS zones by a zone group.
type PrivateEndpoint struct {
	pulumi.ResourceState

	ID   pulumi.StringOutput
	Name pulumi.StringOutput
}

// NewPrivateEndpoint connects args.TargetID's args.Group privately. The endpoint's ARM name is
// "pe-<name>".
func NewPrivateEndpoint(ctx *pulumi.Context, name string, args *PrivateEndpointArgs, opts ...pulumi.ResourceOption) (*PrivateEndpoint, error) {
	if args == nil {
		args = &PrivateEndpointArgs{}
	}
	if err := required.Args("azure.NewPrivateEndpoint", map[string]any{
		"Foundation": args.Foundation, "TargetID": args.TargetID, "Group": args.Group,
	}); err != nil {
		return nil, err
	}
	f := args.Foundation
	if f.Network == nil {
		return nil, fmt.Errorf("azure.NewPrivateEndpoint %s: the foundation has no private network (azurePrivateNetworking is off)", name)
	}
	zones, ok := groupZones[args.Group]
	if !ok {
		return nil, fmt.Errorf("azure.NewPrivateEndpoint %s: unknown private-link group %q", name, args.Group)
	}

	pe := &PrivateEndpoint{}
	if err := ctx.RegisterComponentResource("mlplatform:azure:PrivateEndpoint", name, pe, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(pe)
	armName := "pe-" + name
	endpoint, err := azurenative.NewPrivateEndpoint(ctx, name, &azurenative.PrivateEndpointArgs{
		ResourceGroupName:          f.ResourceGroupName,
		PrivateEndpointName:        pulumi.String(armName),
		Location:                   pulumi.String(f.Region),
		CustomNetworkInterfaceName: pulumi.String("nic-" + armName),
		Subnet:                     azurenative.SubnetTypeArgs{Id: f.Network.PrivateEndpointSubnetID},
		PrivateLinkServiceConnections: []azurenative.PrivateLinkServiceConnectionArgs{
			{
				Name:                 pulumi.String(armName),
				PrivateLinkServiceId: args.TargetID,
				GroupIds:             pulumi.StringArray{pulumi.String(string(args.Group))},
			},
		},
		Tags: pulumi.ToStringMap(f.Tags),
	}, parent)
	if err != nil {
		return nil, err
	}

	if err := newZoneGroup(ctx, name, f, endpoint.Name, zones, parent); err != nil {
		return nil, err
	}

	pe.ID = endpoint.ID().ToStringOutput()
	pe.Name = endpoint.Name
	if err := ctx.RegisterResourceOutputs(pe, pulumi.Map{"id": pe.ID, "name": pe.Name}); err != nil {
		return nil, err
	}
	return pe, nil
}

// newZoneGroup registers the zone group that keeps the endpoint's A records in zones.
func newZoneGroup(ctx *pulumi.Context, name string, f *Foundation, endpointName pulumi.StringOutput, zones []string,
	parent pulumi.ResourceOption) error {
	var configs []azurenative.PrivateDnsZoneConfigArgs
	for _, zone := range zones {
		configs = append(configs, azurenative.PrivateDnsZoneConfigArgs{
			Name:             pulumi.String(strings.ReplaceAll(zone, ".", "-")),
			PrivateDnsZoneId: f.Network.DNSZoneIDs[zone],
		})
	}
	_, err := azurenative.NewPrivateDnsZoneGroup(ctx, name+"-dns", &azurenative.PrivateDnsZoneGroupArgs{
		ResourceGroupName:       f.ResourceGroupName,
		PrivateEndpointName:     endpointName,
		PrivateDnsZoneGroupName: pulumi.String("default"),
		PrivateDnsZoneConfigs:   configs,
	}, parent)
	return err
}

// NewPrivateEndpoint is NewPrivateEndpoint with this foundation, e.g. for the Key Vault:
//
//	foundation.NewPrivateEndpoint(ctx, "vault", vault.ID, azure.GroupVault, pulumi.Parent(vault))
func (f *Foundation) NewPrivateEndpoint(ctx *pulumi.Context, name string, targetID pulumi.StringInput,
	group PrivateLinkGroup, opts ...pulumi.ResourceOption) (*PrivateEndpoint, error) {
	return NewPrivateEndpoint(ctx, name, &PrivateEndpointArgs{Foundation: f, TargetID: targetID, Group: group}, opts...)
}

// MicroserviceGroups are the private-link groups the GKE microservice calls: App
// Configuration for its settings and Key Vault for the secrets they reference.
var MicroserviceGroups = []PrivateLinkGroup{GroupConfigurationStores, GroupVault}

// groupForwarders are the public zones whose names a client of each group resolves, as
// Microsoft's table lists them ("Azure Private Endpoint private DNS zone values", column
// "Public DNS zone forwarders", learn.microsoft.com/azure/private-link/private-endpoint-dns):
// clients ask for <store>.azconfig.io and <vault>.vault.azure.net, which Azure's public DNS
// answers with a CNAME into the privatelink zone ("Azure creates a canonical name DNS record
// (CNAME) on the public DNS ... redirects the resolution to the private domain name").
// A DNS server outside Azure must forward these, not the privatelink zones ("The conditional
// forwarding must be made to the recommended public DNS zone forwarder. For example:
// database.windows.net instead of privatelink.database.windows.net", "Azure Private
// Endpoint DNS integration", On-premises workloads). Cloud DNS agrees: a query for a public
// name matches no privatelink forwarding zone, goes to the internet and gets the public
// address; until 2027-01-05 Cloud DNS does not re-evaluate the CNAME target against
// forwarding zones (cloud.google.com/dns/docs/vpc-name-res-order, Important note), and it
// never chases a CNAME that a forwarding target answered (cloud.google.com/dns/docs/cnamechasing),
// so the resolver must answer the whole chain, which it does from its VNet's private zones.
var groupForwarders = map[PrivateLinkGroup][]string{
	GroupVault:               {"vault.azure.net", "vaultcore.azure.net"},
	GroupConfigurationStores: {"azconfig.io"},
}

// ForwardedZonesOf returns the public zones a DNS server outside Azure forwards to the
// resolver for the given groups, in group order (groupForwarders).
func ForwardedZonesOf(groups ...PrivateLinkGroup) []string {
	var out []string
	for _, g := range groups {
		out = append(out, groupForwarders[g]...)
	}
	return out
}

// ZonesOf returns the private DNS zones that resolve the given groups, in group order.
func ZonesOf(groups ...PrivateLinkGroup) []string {
	var out []string
	for _, g := range groups {
		out = append(out, groupZones[g]...)
	}
	return out
}
