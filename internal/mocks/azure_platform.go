package mocks

import (
	"strings"

	"github.com/example/mlplatform/kit"
)

// Provisioners for the Azure platform (azure/ and azurenative/): observability, network and
// private DNS (App Configuration's and the ML workspace's, with its storage and registry, are
// the components' own: azure/appconfig/spec, azure/mlworkspace/spec). Computed outputs follow
// the shapes Azure returns, derived only from the inputs.

// fixedTimestamp stands in for every server-side timestamp (creation, last modified).
const fixedTimestamp = kit.MockTimestamp

func location(req Request) string {
	if loc := str(req.In, "location"); loc != "" {
		return loc
	}
	return req.Config["azure-native:location"]
}

// init registers the Azure platform's mocks: the simple ones from a table, the rest by area.
func init() {
	for _, r := range simpleARMResources {
		armPath(r.token, r.template, r.extra)
	}
	registerAzureMonitorMocks()
	registerAzureNetworkMocks()
}

// provisioned is what Azure reports of a resource beyond its inputs when the program reads
// none of it: a successful provisioning.
func provisioned(Request, string, string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded"}
}

// subnetTemplate is the ARM path of a subnet under both of its type tokens.
const subnetTemplate = "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName*}"

// simpleARMResources are the resources whose mocks compute nothing but the ARM id, name and
// type (extra nil) and, where Azure reports one, the provisioning state.
var simpleARMResources = []struct {
	token, template string
	extra           func(req Request, id, name string) map[string]interface{}
}{
	{"azure-native:insights/v20210901:PrivateLinkScope", "Microsoft.Insights/privateLinkScopes/{scopeName*}", provisioned},
	{"azure-native:insights/v20210901:PrivateLinkScopedResource",
		"Microsoft.Insights/privateLinkScopes/{scopeName}/scopedResources/{name*}", provisioned},
	{"azure-native:insights:DiagnosticSetting", "{resourceUri}/providers/Microsoft.Insights/diagnosticSettings/{name*}", nil},
	{"azure-native:network:Subnet", subnetTemplate, provisioned},
	{"azure-native:network/v20240501:Subnet", subnetTemplate, provisioned},
	{"azure-native:network:PrivateDnsZoneGroup",
		"Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName*}", provisioned},
	{"azure-native:authorization:ManagementLockByScope", "{scope}/providers/Microsoft.Authorization/locks/{lockName*}", nil},
}

// registerAzureMonitorMocks registers Log Analytics and Application Insights.
func registerAzureMonitorMocks() {
	armPath("azure-native:operationalinsights:Workspace", "Microsoft.OperationalInsights/workspaces/{workspaceName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"customerId": GUID("customer", id), "provisioningState": "Succeeded",
				"createdDate": fixedTimestamp, "modifiedDate": fixedTimestamp}
		})
	armPath("azure-native:insights:Component", "Microsoft.Insights/components/{resourceName*}",
		func(req Request, id, name string) map[string]interface{} {
			ikey, appID, loc := GUID("ikey", id), GUID("appid", id), location(req)
			return map[string]interface{}{
				"appId": appID, "applicationId": name, "instrumentationKey": ikey, "provisioningState": "Succeeded",
				"connectionString": "InstrumentationKey=" + ikey + ";IngestionEndpoint=https://" + loc +
					"-1.in.applicationinsights.azure.com/;LiveEndpoint=https://" + loc +
					".livediagnostics.monitor.azure.com/;ApplicationId=" + appID,
			}
		})
}

// registerAzureNetworkMocks registers the VNet, NSG, private DNS zones and their links, and
// private endpoints.
func registerAzureNetworkMocks() {
	armPath("azure-native:network:VirtualNetwork", "Microsoft.Network/virtualNetworks/{virtualNetworkName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"resourceGuid": GUID("vnet", id), "provisioningState": "Succeeded"}
		})
	armPath("azure-native:network:NetworkSecurityGroup", "Microsoft.Network/networkSecurityGroups/{networkSecurityGroupName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"resourceGuid": GUID("nsg", id), "provisioningState": "Succeeded"}
		})
	armPath("azure-native:network:PrivateZone", "Microsoft.Network/privateDnsZones/{privateZoneName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"internalId": Hash("zone", id)[:40], "provisioningState": "Succeeded"}
		})
	armPath("azure-native:network:VirtualNetworkLink",
		"Microsoft.Network/privateDnsZones/{privateZoneName}/virtualNetworkLinks/{virtualNetworkLinkName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"virtualNetworkLinkState": "Completed", "provisioningState": "Succeeded"}
		})
	armPath("azure-native:network:PrivateEndpoint", "Microsoft.Network/privateEndpoints/{privateEndpointName*}",
		func(req Request, id, name string) map[string]interface{} {
			nic := str(req.In, "customNetworkInterfaceName")
			if nic == "" {
				nic = name + ".nic." + GUID("nic", id)
			}
			nicID := strings.Split(id, "/providers/")[0] + "/providers/Microsoft.Network/networkInterfaces/" + nic
			return map[string]interface{}{"provisioningState": "Succeeded",
				"networkInterfaces": []interface{}{map[string]interface{}{"id": nicID}}}
		})
}
