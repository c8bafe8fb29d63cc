package stacktest

import (
	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azure/foundation"
	"github.com/example/mlplatform/settings"
)

// FoundationArgs maps a stack's settings onto the foundation's plain inputs as stack does
// (stack/stack.go, foundationArgs), for the tests that build the components on it.
func FoundationArgs(s *settings.Settings) *foundation.FoundationArgs {
	return &foundation.FoundationArgs{
		Location: s.Azure.Location, Tags: azure.Tags(s.Common),
		ResourceGroupName: s.Names.ResourceGroup(), LogAnalyticsName: s.Names.LogAnalytics(), AppInsightsName: s.Names.AppInsights(),
		LogRetentionDays:   s.Azure.LogRetentionDays,
		PrivateNetworking:  s.Azure.PrivateNetworking,
		VirtualNetworkName: s.Names.VirtualNetwork(), SecurityGroupName: s.Names.Abbreviated("nsg"),
		MonitorScopeName: s.Names.Abbreviated("ampls"),
		VnetCIDR:         s.Azure.VnetCIDR.String(), PrivateEndpointSubnetCIDR: s.Azure.PrivateEndpointSubnetCIDR.String(),
	}
}
