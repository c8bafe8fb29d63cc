package azure

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The foundation's outputs as the components built on it take them. The foundation itself is
// built by azure/foundation; the type lives here, beside NewPrivateEndpoint, so the
// components import this small package and not one another.

// PrivateEndpointSubnetName is the name of the platform VNet's private-endpoint subnet.
const PrivateEndpointSubnetName = "snet-private-endpoints"

// Foundation is the resource group, the observability sinks every other Azure resource reports
// to and, with private networking, the VNet and private DNS zones the private endpoints use.
type Foundation struct {
	pulumi.ResourceState

	ResourceGroupName       pulumi.StringOutput
	ResourceGroupID         pulumi.StringOutput
	Location                pulumi.StringOutput
	LogAnalyticsWorkspaceID pulumi.StringOutput
	AppInsightsID           pulumi.StringOutput
	// AppInsightsConnectionString carries the ingestion key, so it is always a Pulumi secret.
	AppInsightsConnectionString pulumi.StringOutput
	// Network is nil unless the foundation was built with private networking.
	Network *PrivateNetwork

	// Region and Tags are the plain location and tags of the resources built on the
	// foundation (the private endpoints), known at preview.
	Region string
	Tags   map[string]string
}

// PrivateNetwork is the private-link plumbing of the platform VNet.
type PrivateNetwork struct {
	VirtualNetworkID        pulumi.StringOutput
	VirtualNetworkName      pulumi.StringOutput
	PrivateEndpointSubnetID pulumi.StringOutput
	// SecurityGroupID is the NSG every platform subnet carries (except GatewaySubnet).
	SecurityGroupID pulumi.StringOutput
	// DNSZoneIDs maps each private DNS zone name (e.g. privatelink.vaultcore.azure.net) to its id.
	DNSZoneIDs map[string]pulumi.StringOutput
}
