// Package spec is what the tooling knows about the Azure foundation component (the resource
// group, Log Analytics, Application Insights, the Azure Monitor Private Link Scope, and with
// private networking the VNet, its NSG and private-endpoint subnet, and the private DNS zones
// with their VNet links): the per-resource policy rules on the types only the foundation
// registers, with their cases, the offline plan's mock responders and typical creation times.
// It imports only kit; the resources are built by the parent folder's package foundation.
//
// The subnet rules (VNET-001, VNET-002) stay in package policy: the cross-cloud gateway
// registers subnets too. So do the private endpoint and its DNS zone group, which every
// component built on the foundation registers (package azure's NewPrivateEndpoint).
package spec

import (
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens this component registers (the monitor scope and the private-endpoint
// subnet through versioned modules).
const (
	ResourceGroupType  = "azure-native:resources:ResourceGroup"
	LogAnalyticsType   = "azure-native:operationalinsights:Workspace"
	AppInsightsType    = "azure-native:insights:Component"
	MonitorScopeType   = "azure-native:insights/v20210901:PrivateLinkScope"
	ScopedResourceType = "azure-native:insights/v20210901:PrivateLinkScopedResource"
	VirtualNetworkType = "azure-native:network:VirtualNetwork"
	SecurityGroupType  = "azure-native:network:NetworkSecurityGroup"
	SubnetType         = "azure-native:network/v20240501:Subnet"
	PrivateZoneType    = "azure-native:network:PrivateZone"
	ZoneLinkType       = "azure-native:network:VirtualNetworkLink"
)

// monitorScopeRuleType is the scope's type for the rules: any API version (policy compares
// tokens without it).
const monitorScopeRuleType = "azure-native:insights:PrivateLinkScope"

// Component is the Azure foundation as the tooling sees it.
var Component = kit.Component{
	Name:  "foundation",
	Rules: append(logAnalyticsRules(), appInsightsRules()...),
	Mocks: map[string]kit.Mock{
		ResourceGroupType:  {ARMPath: "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName*}"},
		LogAnalyticsType:   {ARMPath: "Microsoft.OperationalInsights/workspaces/{workspaceName*}", Extra: logAnalyticsOutputs},
		AppInsightsType:    {ARMPath: "Microsoft.Insights/components/{resourceName*}", Extra: appInsightsOutputs},
		MonitorScopeType:   {ARMPath: "Microsoft.Insights/privateLinkScopes/{scopeName*}", Extra: provisioned},
		ScopedResourceType: {ARMPath: "Microsoft.Insights/privateLinkScopes/{scopeName}/scopedResources/{name*}", Extra: provisioned},
		VirtualNetworkType: {ARMPath: "Microsoft.Network/virtualNetworks/{virtualNetworkName*}", Extra: guidOutputs("vnet")},
		SecurityGroupType:  {ARMPath: "Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName*}", Extra: guidOutputs("nsg")},
		SubnetType:         {ARMPath: "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName*}", Extra: provisioned},
		PrivateZoneType:    {ARMPath: "Microsoft.Network/privateDnsZones/{privateZoneName*}", Extra: zoneOutputs},
		ZoneLinkType: {ARMPath: "Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName*}",
			Extra: zoneLinkOutputs},
	},
	CreateTimes: map[string]time.Duration{
		// Measured 3 s and 5 s: "azurerm_resource_group ... Creation complete after 3s"
		// (github.com/turbot/steampipe-plugin-azure/pull/315, /pull/220).
		ResourceGroupType: 4 * time.Second,
		// Estimate: async create of a workspace; public Terraform logs show tens of seconds.
		LogAnalyticsType: 30 * time.Second,
		// Measured 17 s: "azurerm_application_insights ... Creation complete after 17s"
		// (github.com/turbot/steampipe-plugin-azure/pull/315).
		AppInsightsType: 20 * time.Second,
		// Estimate: synchronous ARM writes (a global scope object and its member links).
		MonitorScopeType:   10 * time.Second,
		ScopedResourceType: 10 * time.Second,
		// Estimate: async create, seconds.
		VirtualNetworkType: 10 * time.Second,
		// The private-endpoint subnet uses the versioned module (defaultOutboundAccess).
		SubnetType: 10 * time.Second,
		// Estimate: synchronous ARM write of an empty security group.
		SecurityGroupType: 10 * time.Second,
		// Estimate: private DNS zones and their VNet links are global resources whose async
		// operations commonly take tens of seconds.
		PrivateZoneType: 45 * time.Second,
		ZoneLinkType:    45 * time.Second,
	},
}

// provisioned is what Azure reports of a resource beyond its inputs when the program reads
// none of it: a successful provisioning.
func provisioned(kit.MockRequest, string, string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded"}
}

// guidOutputs reports a resource GUID derived from the id (VNet, NSG).
func guidOutputs(kind string) func(kit.MockRequest, string, string) map[string]interface{} {
	return func(_ kit.MockRequest, id, _ string) map[string]interface{} {
		return map[string]interface{}{"resourceGuid": kit.GUID(kind, id), "provisioningState": "Succeeded"}
	}
}

func logAnalyticsOutputs(_ kit.MockRequest, id, _ string) map[string]interface{} {
	return map[string]interface{}{"customerId": kit.GUID("customer", id), "provisioningState": "Succeeded",
		"createdDate": kit.MockTimestamp, "modifiedDate": kit.MockTimestamp}
}

// appInsightsOutputs reports the keys and the connection string in the form Azure returns.
func appInsightsOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	ikey, appID, loc := kit.GUID("ikey", id), kit.GUID("appid", id), location(req)
	return map[string]interface{}{
		"appId": appID, "applicationId": name, "instrumentationKey": ikey, "provisioningState": "Succeeded",
		"connectionString": "InstrumentationKey=" + ikey + ";IngestionEndpoint=https://" + loc +
			"-1.in.applicationinsights.azure.com/;LiveEndpoint=https://" + loc +
			".livediagnostics.monitor.azure.com/;ApplicationId=" + appID,
	}
}

func zoneOutputs(_ kit.MockRequest, id, _ string) map[string]interface{} {
	return map[string]interface{}{"internalId": kit.Hash("zone", id)[:40], "provisioningState": "Succeeded"}
}

func zoneLinkOutputs(kit.MockRequest, string, string) map[string]interface{} {
	return map[string]interface{}{"virtualNetworkLinkState": "Completed", "provisioningState": "Succeeded"}
}

// location is the resource's location input, else the stack's default location.
func location(req kit.MockRequest) string {
	if loc := kit.Str(req.In, "location"); loc != "" {
		return loc
	}
	return req.Config["azure-native:location"]
}
