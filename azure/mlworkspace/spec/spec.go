// Package spec is what the tooling knows about the ML workspace component (the Azure Machine
// Learning workspace with its storage account, the account's blob and file service
// properties, and its container registry): the per-resource policy rules with their cases,
// the offline plan's mock responders and typical creation times. It imports only kit.
//
// The rules that look across resources (a diagnostic setting or a service-properties resource
// for each account: AST-011 to AST-016) and those on types other components register too
// (role assignments, diagnostic settings, private endpoints, names, tags) stay in package
// policy.
package spec

import (
	"strings"
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens this component registers (the workspace through the hand-written,
// versioned binding).
const (
	WorkspaceType      = "azure-native:machinelearningservices/v20241001:Workspace"
	StorageAccountType = "azure-native:storage:StorageAccount"
	BlobServiceType    = "azure-native:storage:BlobServiceProperties"
	FileServiceType    = "azure-native:storage:FileServiceProperties"
	LifecycleType      = "azure-native:storage:ManagementPolicy"
	RegistryType       = "azure-native:containerregistry:Registry"
)

// workspaceRuleType is the workspace's type for the rules: any API version (policy compares
// tokens without it). The storage and registry tokens carry no version.
const workspaceRuleType = "azure-native:machinelearningservices:Workspace"

// Component is the ML workspace component as the tooling sees it.
var Component = kit.Component{
	Name:  "mlworkspace",
	Rules: rules(),
	Mocks: map[string]kit.Mock{
		StorageAccountType: {ARMPath: "Microsoft.Storage/storageAccounts/{accountName*}", Extra: storageOutputs},
		BlobServiceType:    {ARMPath: "Microsoft.Storage/storageAccounts/{accountName}/blobServices/{blobServicesName*}"},
		FileServiceType:    {ARMPath: "Microsoft.Storage/storageAccounts/{accountName}/fileServices/{fileServicesName*}"},
		LifecycleType:      {ARMPath: "Microsoft.Storage/storageAccounts/{accountName}/managementPolicies/{managementPolicyName*}"},
		RegistryType:       {ARMPath: "Microsoft.ContainerRegistry/registries/{registryName*}", Extra: registryOutputs},
		WorkspaceType:      {ARMPath: "Microsoft.MachineLearningServices/workspaces/{workspaceName*}", Extra: workspaceOutputs},
	},
	CreateTimes: map[string]time.Duration{
		// Measured 45 s: "azurerm_storage_account ... Creation complete after 45s"
		// (github.com/turbot/steampipe-plugin-azure/pull/220).
		StorageAccountType: 45 * time.Second,
		// Estimate: synchronous ARM writes of a storage service's properties.
		BlobServiceType: 5 * time.Second,
		FileServiceType: 5 * time.Second,
		LifecycleType:   5 * time.Second,
		// Estimate: async create (Premium in prod); tens of seconds in public logs.
		RegistryType: 40 * time.Second,
		// Estimate, 2 min: async create of the workspace around resources that already exist.
		// Upper evidence: azurerm acceptance tests creating a workspace with its key vault,
		// storage and App Insights take 440-540 s including teardown
		// (github.com/hashicorp/terraform-provider-azurerm/pull/13741).
		WorkspaceType: 120 * time.Second,
	},
}

func rules() []kit.Rule {
	var out []kit.Rule
	for _, group := range [][]kit.Rule{workspaceRules(), storageRules(), storageHardeningRules(), registryRules(), premiumRegistryRules()} {
		out = append(out, group...)
	}
	return out
}

// location is the resource's location input, or the provider's default as ARM applies it.
func location(req kit.MockRequest) string {
	if loc := kit.Str(req.In, "location"); loc != "" {
		return loc
	}
	return req.Config["azure-native:location"]
}

// storageOutputs adds the account's service endpoints, as ARM reports them.
func storageOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	endpoints := map[string]interface{}{}
	for _, svc := range []string{"blob", "dfs", "file", "queue", "table", "web"} {
		endpoints[svc] = "https://" + name + "." + svc + ".core.windows.net/"
	}
	return map[string]interface{}{"primaryEndpoints": endpoints, "primaryLocation": location(req),
		"provisioningState": "Succeeded", "creationTime": kit.MockTimestamp}
}

// registryOutputs adds the login server: the registry's name lower-cased.
func registryOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	return map[string]interface{}{"loginServer": strings.ToLower(name) + ".azurecr.io",
		"provisioningState": "Succeeded", "creationDate": kit.MockTimestamp}
}

// workspaceOutputs adds the workspace's service id and regional addresses, its identity's
// principal, and the managed network's id.
func workspaceOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	loc := location(req)
	out := map[string]interface{}{
		"workspaceId":       kit.GUID("workspace", id),
		"discoveryUrl":      "https://" + loc + ".api.azureml.ms/discovery",
		"mlFlowTrackingUri": "azureml://" + loc + ".api.azureml.ms/mlflow/v1.0" + id,
		"provisioningState": "Succeeded",
		"privateLinkCount":  0,
		"tenantId":          kit.MockTenantID,
		"storageHnsEnabled": false,
	}
	if identity := kit.MockIdentity(req, id); identity != nil {
		out["identity"] = identity
	}
	if mn, ok := req.In["managedNetwork"].(map[string]interface{}); ok {
		copied := map[string]interface{}{"networkId": kit.GUID("managed-network", id)}
		for k, v := range mn {
			copied[k] = v
		}
		out["managedNetwork"] = copied
	}
	return out
}
