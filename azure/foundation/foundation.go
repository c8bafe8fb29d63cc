// Package foundation builds the platform's Azure foundation: the resource group, Log
// Analytics and workspace-based Application Insights and, with private networking, the VNet,
// its NSG and private-endpoint subnet, the private DNS zones linked to it, and the Azure
// Monitor Private Link Scope. Its spec/ sub-package is what the tooling knows about it.
//
// It returns an *azure.Foundation: the outputs the components built on the foundation take
// (package azure keeps that type and NewPrivateEndpoint, which every one of them calls), so
// those components import the small shared package azure, not this one.
package foundation

import (
	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/internal/required"

	"github.com/example/mlplatform/azurenative"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// FoundationArgs configures NewFoundation with plain values (stack maps the configuration).
type FoundationArgs struct {
	// Location is the Azure region of every regional resource.
	Location string
	// Tags go on every taggable resource, and on to the private endpoints built on the foundation.
	Tags              map[string]string
	ResourceGroupName string
	LogAnalyticsName  string
	AppInsightsName   string
	// LogRetentionDays is how long Log Analytics keeps logs (ALA-001 wants 90 or more).
	LogRetentionDays int
	// PrivateNetworking turns Log Analytics' and Application Insights' public access off and
	// adds the VNet, its private-endpoint subnet, the private DNS zones and the monitor scope;
	// the names and ranges below are then required.
	PrivateNetworking         bool
	VirtualNetworkName        string
	SecurityGroupName         string
	MonitorScopeName          string
	VnetCIDR                  string
	PrivateEndpointSubnetCIDR string
}

// publicNetworkAccess is what the observability sinks accept from the internet.
func (a *FoundationArgs) publicNetworkAccess() string {
	if a.PrivateNetworking {
		return "Disabled"
	}
	return "Enabled"
}

// validate names every missing argument (the network's only with private networking).
func (a *FoundationArgs) validate() error {
	need := map[string]any{"Location": a.Location, "Tags": a.Tags, "ResourceGroupName": a.ResourceGroupName,
		"LogAnalyticsName": a.LogAnalyticsName, "AppInsightsName": a.AppInsightsName}
	if a.PrivateNetworking {
		need["VirtualNetworkName"], need["SecurityGroupName"], need["MonitorScopeName"] = a.VirtualNetworkName, a.SecurityGroupName, a.MonitorScopeName
		need["VnetCIDR"], need["PrivateEndpointSubnetCIDR"] = a.VnetCIDR, a.PrivateEndpointSubnetCIDR
	}
	return required.Args("foundation.NewFoundation", need)
}

// NewFoundation registers the resource group, Log Analytics, workspace-based Application
// Insights and, when args.PrivateNetworking is on, the platform VNet, its
// private-endpoint subnet and the private DNS zones linked to it.
func NewFoundation(ctx *pulumi.Context, name string, args *FoundationArgs, opts ...pulumi.ResourceOption) (*azure.Foundation, error) {
	if args == nil {
		args = &FoundationArgs{}
	}
	if err := args.validate(); err != nil {
		return nil, err
	}
	s := args
	f := &azure.Foundation{Region: s.Location, Tags: s.Tags}
	if err := ctx.RegisterComponentResource("mlplatform:azure:Foundation", name, f, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(f)
	tags := pulumi.ToStringMap(f.Tags)

	rg, err := azurenative.NewResourceGroup(ctx, name+"-rg", &azurenative.ResourceGroupArgs{
		ResourceGroupName: pulumi.String(s.ResourceGroupName),
		Location:          pulumi.String(s.Location),
		Tags:              tags,
	}, parent)
	if err != nil {
		return nil, err
	}

	logs, err := newLogAnalytics(ctx, name, s, rg.Name, tags, parent)
	if err != nil {
		return nil, err
	}
	appInsights, err := newAppInsights(ctx, name, s, rg.Name, logs.ID(), tags, parent)
	if err != nil {
		return nil, err
	}

	f.ResourceGroupName = rg.Name
	f.ResourceGroupID = rg.ID().ToStringOutput()
	f.Location = rg.Location
	f.LogAnalyticsWorkspaceID = logs.ID().ToStringOutput()
	f.AppInsightsID = appInsights.ID().ToStringOutput()
	f.AppInsightsConnectionString = pulumi.ToSecret(appInsights.ConnectionString).(pulumi.StringOutput)

	if s.PrivateNetworking {
		if f.Network, err = newPrivateNetwork(ctx, name, s, rg.Name, tags, parent); err != nil {
			return nil, err
		}
		if err := monitorPrivateLink(ctx, name, f, s, map[string]pulumi.IDOutput{"log": logs.ID(), "appi": appInsights.ID()}, parent); err != nil {
			return nil, err
		}
	}
	if err := ctx.RegisterResourceOutputs(f, outputs(f)); err != nil {
		return nil, err
	}
	return f, nil
}

// outputs are the component outputs; the network's only with private networking.
func outputs(f *azure.Foundation) pulumi.Map {
	outputs := pulumi.Map{
		"resourceGroupName":           f.ResourceGroupName,
		"resourceGroupId":             f.ResourceGroupID,
		"location":                    f.Location,
		"logAnalyticsWorkspaceId":     f.LogAnalyticsWorkspaceID,
		"appInsightsId":               f.AppInsightsID,
		"appInsightsConnectionString": f.AppInsightsConnectionString,
	}
	if f.Network != nil {
		outputs["virtualNetworkId"] = f.Network.VirtualNetworkID
		outputs["privateEndpointSubnetId"] = f.Network.PrivateEndpointSubnetID
	}
	return outputs
}

// newLogAnalytics registers the Log Analytics workspace every diagnostic setting sends to.
func newLogAnalytics(ctx *pulumi.Context, name string, s *FoundationArgs, rgName pulumi.StringInput,
	tags pulumi.StringMap, parent pulumi.ResourceOption) (*azurenative.LogAnalyticsWorkspace, error) {
	// No workspace replication: the platform is single-region, and the ML workspace whose logs
	// this holds has no failover to a second region ("Failover for business continuity and
	// disaster recovery", learn.microsoft.com/azure/machine-learning/how-to-high-availability-machine-learning).
	return azurenative.NewLogAnalyticsWorkspace(ctx, name+"-log", &azurenative.LogAnalyticsWorkspaceArgs{
		ResourceGroupName: rgName,
		WorkspaceName:     pulumi.String(s.LogAnalyticsName),
		Location:          pulumi.String(s.Location),
		Sku:               &azurenative.LogAnalyticsWorkspaceSkuArgs{Name: pulumi.String("PerGB2018")},
		RetentionInDays:   pulumi.Int(s.LogRetentionDays),
		Features: &azurenative.LogAnalyticsWorkspaceFeaturesArgs{
			// Readers see only the logs of resources they may read, and ingestion needs Entra
			// auth (diagnostic settings and workspace-based App Insights never use the keys).
			EnableLogAccessUsingOnlyResourcePermissions: pulumi.Bool(true),
			DisableLocalAuth: pulumi.Bool(true),
		},
		// With private networking, ingestion and queries come only through the Azure Monitor
		// Private Link Scope (monitorlink.go; ALA-004).
		PublicNetworkAccessForIngestion: pulumi.String(s.publicNetworkAccess()),
		PublicNetworkAccessForQuery:     pulumi.String(s.publicNetworkAccess()),
		Tags:                            tags,
	}, parent)
}

// newAppInsights registers workspace-based Application Insights over logsID.
func newAppInsights(ctx *pulumi.Context, name string, s *FoundationArgs, rgName pulumi.StringInput, logsID pulumi.IDOutput,
	tags pulumi.StringMap, parent pulumi.ResourceOption) (*azurenative.Component, error) {
	return azurenative.NewComponent(ctx, name+"-appi", &azurenative.ComponentArgs{
		ResourceGroupName:   rgName,
		ResourceName:        pulumi.String(s.AppInsightsName),
		Location:            pulumi.String(s.Location),
		Kind:                pulumi.String("web"),
		ApplicationType:     pulumi.String("web"),
		WorkspaceResourceId: logsID,
		IngestionMode:       pulumi.String("LogAnalytics"),
		// Entra-only ingestion (ALA-006; PSRule Azure.AppInsights.LocalAuth): the connection
		// string alone no longer lets anyone write (or forge) telemetry. A sender needs a
		// token for an identity holding Monitoring Metrics Publisher on this component
		// ("Microsoft Entra authentication for Application Insights",
		// learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication). No public
		// source says Azure ML needs instrumentation-key ingestion, so the secure default
		// holds; README "Known trade-offs" says what a key-only sender must do.
		DisableLocalAuth:                pulumi.Bool(true),
		PublicNetworkAccessForIngestion: pulumi.String(s.publicNetworkAccess()),
		PublicNetworkAccessForQuery:     pulumi.String(s.publicNetworkAccess()),
		Tags:                            tags,
		// azure-native returns both as plain outputs; either one lets anyone send telemetry
		// into this component, so state must hold them encrypted.
	}, parent, pulumi.AdditionalSecretOutputs([]string{"connectionString", "instrumentationKey"}))
}

// newPrivateNetwork registers the platform VNet, its private-endpoint subnet and NSG, and the
// private DNS zones linked to it.
func newPrivateNetwork(ctx *pulumi.Context, name string, s *FoundationArgs, rgName pulumi.StringInput,
	tags pulumi.StringMap, parent pulumi.ResourceOption) (*azure.PrivateNetwork, error) {
	// No Azure Firewall and no Bastion subnet: nothing here originates internet traffic (the
	// endpoint subnet is private, VNET-002) and there are no VMs to reach ("What is Azure
	// Bastion?", learn.microsoft.com/azure/bastion/bastion-overview). No DDoS Network
	// Protection plan: the only public IPs are the VPN gateway's, covered by Azure's always-on
	// infrastructure protection ("Azure DDoS Protection overview",
	// learn.microsoft.com/azure/ddos-protection/ddos-protection-overview); docs/policy-coverage.md.
	vnet, err := azurenative.NewVirtualNetwork(ctx, name+"-vnet", &azurenative.VirtualNetworkArgs{
		ResourceGroupName:  rgName,
		VirtualNetworkName: pulumi.String(s.VirtualNetworkName),
		Location:           pulumi.String(s.Location),
		AddressSpace: &azurenative.AddressSpaceArgs{
			AddressPrefixes: pulumi.StringArray{pulumi.String(s.VnetCIDR)},
		},
		Tags: tags,
	}, parent)
	if err != nil {
		return nil, err
	}
	nsg, subnet, err := newPrivateEndpointSubnet(ctx, name, s, rgName, vnet.Name, tags, parent)
	if err != nil {
		return nil, err
	}
	zones, err := linkPrivateDNSZones(ctx, name, s, rgName, vnet.ID(), tags, parent)
	if err != nil {
		return nil, err
	}
	return &azure.PrivateNetwork{
		VirtualNetworkID:        vnet.ID().ToStringOutput(),
		VirtualNetworkName:      vnet.Name,
		PrivateEndpointSubnetID: subnet.ID().ToStringOutput(),
		SecurityGroupID:         nsg.ID().ToStringOutput(),
		DNSZoneIDs:              zones,
	}, nil
}

// newPrivateEndpointSubnet registers the platform NSG and the private-endpoint subnet that
// carries it.
func newPrivateEndpointSubnet(ctx *pulumi.Context, name string, s *FoundationArgs, rgName, vnetName pulumi.StringInput,
	tags pulumi.StringMap, parent pulumi.ResourceOption) (nsg *azurenative.NetworkSecurityGroup, subnet *azurenative.Subnet, err error) {
	// One NSG for the platform's subnets (VNET-001). It carries no rules of its own: Azure's
	// defaults admit the VirtualNetwork service tag, which covers the VNet and the address
	// spaces its VPN gateway learns (the GKE ranges and Cloud DNS's forwarder range), and deny
	// every other inbound source (learn.microsoft.com/azure/virtual-network/network-security-groups-overview,
	// "Default security rules"; .../service-tags-overview, VirtualNetwork).
	nsg, err = azurenative.NewNetworkSecurityGroup(ctx, name+"-nsg", &azurenative.NetworkSecurityGroupArgs{
		ResourceGroupName:        rgName,
		NetworkSecurityGroupName: pulumi.String(s.SecurityGroupName),
		Location:                 pulumi.String(s.Location),
		Tags:                     tags,
	}, parent)
	if err != nil {
		return nil, nil, err
	}
	// A separate Subnet resource (no inline subnets on the VNet), so each has one owner. It is
	// a private subnet (defaultOutboundAccess false, VNET-002): nothing in it may reach the
	// internet through Azure's implicit outbound IP ("Default outbound access in Azure",
	// learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access; an
	// existing subnet can be switched in place). The property exists from network API
	// 2023-05-01; the default network token (2023-02-01) lacks it, hence the versioned
	// token, whose alias list includes azure-native:network:Subnet so existing stacks keep theirs.
	subnet, err = azurenative.NewSubnetV20240501(ctx, name+"-pe-subnet", &azurenative.SubnetArgs{
		ResourceGroupName:  rgName,
		VirtualNetworkName: vnetName,
		SubnetName:         pulumi.String(azure.PrivateEndpointSubnetName),
		AddressPrefix:      pulumi.String(s.PrivateEndpointSubnetCIDR),
		// Lets the network security group (and route tables) apply to the endpoints.
		PrivateEndpointNetworkPolicies: pulumi.String("Enabled"),
		NetworkSecurityGroup:           &azurenative.NetworkSecurityGroupTypeArgs{Id: nsg.ID()},
		DefaultOutboundAccess:          pulumi.Bool(false),
	}, parent)
	if err != nil {
		return nil, nil, err
	}
	return nsg, subnet, nil
}

// linkPrivateDNSZones registers each private DNS zone and its link to the VNet; it returns
// the zone ids by zone name.
func linkPrivateDNSZones(ctx *pulumi.Context, name string, s *FoundationArgs, rgName pulumi.StringInput, vnetID pulumi.IDOutput,
	tags pulumi.StringMap, parent pulumi.ResourceOption) (map[string]pulumi.StringOutput, error) {
	ids := map[string]pulumi.StringOutput{}
	for _, zoneName := range azure.PrivateDNSZones {
		zone, err := azurenative.NewPrivateZone(ctx, name+"-"+zoneName, &azurenative.PrivateZoneArgs{
			ResourceGroupName: rgName,
			PrivateZoneName:   pulumi.String(zoneName),
			Location:          pulumi.String("global"),
			Tags:              tags,
		}, parent)
		if err != nil {
			return nil, err
		}
		if _, err := azurenative.NewVirtualNetworkLink(ctx, name+"-"+zoneName+"-link", &azurenative.VirtualNetworkLinkArgs{
			ResourceGroupName:      rgName,
			PrivateZoneName:        zone.Name,
			VirtualNetworkLinkName: pulumi.String(s.VirtualNetworkName),
			Location:               pulumi.String("global"),
			VirtualNetwork:         &azurenative.SubResourceArgs{Id: vnetID},
			// Endpoint records come from DNS zone groups; VMs must not auto-register here.
			RegistrationEnabled: pulumi.Bool(false),
			Tags:                tags,
		}, parent); err != nil {
			return nil, err
		}
		ids[zoneName] = zone.ID().ToStringOutput()
	}
	return ids, nil
}
