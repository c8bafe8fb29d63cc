package mocks

import (
	"strings"

	"github.com/example/mlplatform/kit"
)

// Provisioners for the Azure types several components register: diagnostic settings, the
// cross-cloud gateway's subnets, private endpoints and their DNS zone groups, locks (the
// foundation's, App Configuration's and the ML workspace's own types are the components':
// azure/foundation/spec, azure/appconfig/spec, azure/mlworkspace/spec). Computed outputs follow
// the shapes Azure returns, derived only from the inputs.

// fixedTimestamp stands in for every server-side timestamp (creation, last modified).
const fixedTimestamp = kit.MockTimestamp

// init registers the Azure platform's mocks: the simple ones from a table, the rest by area.
func init() {
	for _, r := range simpleARMResources {
		armPath(r.token, r.template, r.extra)
	}
	registerAzureNetworkMocks()
}

// provisioned is what Azure reports of a resource beyond its inputs when the program reads
// none of it: a successful provisioning.
func provisioned(Request, string, string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded"}
}

// subnetTemplate is the ARM path of a subnet under the unversioned token (the foundation's
// private-endpoint subnet, under the versioned one, is azure/foundation/spec's).
const subnetTemplate = "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName*}"

// simpleARMResources are the resources whose mocks compute nothing but the ARM id, name and
// type (extra nil) and, where Azure reports one, the provisioning state.
var simpleARMResources = []struct {
	token, template string
	extra           func(req Request, id, name string) map[string]interface{}
}{
	{"azure-native:insights:DiagnosticSetting", "{resourceUri}/providers/Microsoft.Insights/diagnosticSettings/{name*}", nil},
	{"azure-native:network:Subnet", subnetTemplate, provisioned},
	{"azure-native:network:PrivateDnsZoneGroup",
		"Microsoft.Network/privateEndpoints/{privateEndpointName}/privateDnsZoneGroups/{privateDnsZoneGroupName*}", provisioned},
	{"azure-native:authorization:ManagementLockByScope", "{scope}/providers/Microsoft.Authorization/locks/{lockName*}", nil},
}

// registerAzureNetworkMocks registers private endpoints (package azure's NewPrivateEndpoint,
// used by every component on the foundation).
func registerAzureNetworkMocks() {
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
