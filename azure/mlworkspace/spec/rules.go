package spec

import (
	"github.com/example/mlplatform/kit"
)

func workspaceRules() []kit.Rule {
	t := []string{workspaceRuleType}
	return []kit.Rule{
		{ID: "AML-001", Severity: kit.Medium, Types: t,
			Description: "The ML workspace must have a managed identity. Medium: without one it reaches storage, registry and vault with keys.",
			Remediation: "Set identity.type to " + kit.ManagedIdentityHint + ".",
			Check:       kit.ManagedIdentity("identity.type"),
			Cases: kit.Cases{Pass: []kit.Case{workspace()},
				Fail: []kit.Case{workspace("identity.type", "None"), workspace("identity", kit.Deleted{})}}},
		{ID: "AML-002", Severity: kit.Low, Types: t,
			Description: "The ML workspace should be high business impact (hbiWorkspace=true). Low: HBI limits diagnostic data Microsoft collects and encrypts local scratch disks; fixed at creation.",
			Remediation: "Set hbiWorkspace to true (recreates the workspace).",
			Check:       kit.IsTrue("hbiWorkspace"),
			Cases:       kit.Cases{Pass: []kit.Case{workspace()}, Fail: []kit.Case{workspace("hbiWorkspace", false)}}},
		{ID: "AML-003", Severity: kit.High, Types: t,
			External:    []string{"CKV_AZURE_144", "Azure.ML.PublicAccess"},
			Description: "The ML workspace's public network access must be Disabled, and not re-opened behind a VNet (allowPublicAccessWhenBehindVnet not true). High: otherwise its APIs, notebooks and endpoints are reachable from every internet address.",
			Remediation: "Set publicNetworkAccess to Disabled, allowPublicAccessWhenBehindVnet to false (or omit it), and add a private endpoint.",
			Check:       kit.All(kit.Enum("publicNetworkAccess", "", "Disabled"), kit.NotTrue("allowPublicAccessWhenBehindVnet")),
			Cases: kit.Cases{Pass: []kit.Case{workspace()},
				Fail: []kit.Case{workspace("publicNetworkAccess", "Enabled"), workspace("allowPublicAccessWhenBehindVnet", true)}}},
		{ID: "AML-004", Severity: kit.Medium, Types: t,
			Description: "The ML workspace must use a managed network (managedNetwork.isolationMode not Disabled). Medium: compute otherwise runs without network isolation.",
			Remediation: "Set managedNetwork.isolationMode to AllowOnlyApprovedOutbound (or AllowInternetOutbound).",
			Check:       kit.Enum("managedNetwork.isolationMode", "", "AllowOnlyApprovedOutbound", "AllowInternetOutbound"),
			Cases: kit.Cases{Pass: []kit.Case{workspace(), workspace("managedNetwork.isolationMode", "AllowInternetOutbound")},
				Fail: []kit.Case{workspace("managedNetwork.isolationMode", "Disabled"), workspace("managedNetwork", kit.Deleted{})}}},
		{ID: "AML-005", Severity: kit.Low, Types: t,
			Description: "The ML workspace's managed network should only allow approved outbound traffic. Low: AllowInternetOutbound leaves an exfiltration path from compute.",
			Remediation: "Set managedNetwork.isolationMode to AllowOnlyApprovedOutbound and add outbound rules for what the jobs need.",
			Check:       kit.NotEnum("managedNetwork.isolationMode", "AllowInternetOutbound"),
			Cases: kit.Cases{Pass: []kit.Case{workspace(), workspace("managedNetwork", kit.Deleted{})},
				Fail: []kit.Case{workspace("managedNetwork.isolationMode", "AllowInternetOutbound"),
					kit.Case{Type: workspaceRuleType, Base: SecureWorkspace, Edits: []any{"managedNetwork.isolationMode", "allowinternetoutbound"}}}}},
		{ID: "AML-006", Severity: kit.Low, Types: t,
			Description: "The ML workspace must not use the retired Enterprise edition. Low: the edition no longer exists; deployments drift or fail.",
			Remediation: "Set sku.name to Basic (or omit it).",
			Check:       kit.NotEnum("sku.name", "Enterprise"),
			Cases:       kit.Cases{Pass: []kit.Case{workspace(), workspace("sku", kit.Deleted{})}, Fail: []kit.Case{workspace("sku.name", "Enterprise")}}},
		{ID: "AML-007", Severity: kit.Medium, Types: t,
			Description: "The ML workspace must not run in v1 legacy mode. Medium: v1 APIs bypass the v2 network isolation controls.",
			Remediation: "Remove v1LegacyMode or set it to false.",
			Check:       kit.NotTrue("v1LegacyMode"),
			Cases:       kit.Cases{Pass: []kit.Case{workspace(), workspace("v1LegacyMode", kit.Deleted{})}, Fail: []kit.Case{workspace("v1LegacyMode", true)}}},
		{ID: "AML-008", Severity: kit.Medium, Types: t,
			Description: "The ML workspace must name its Key Vault, storage account, Application Insights and container registry. Medium: missing ones are created implicitly, unhardened and outside this program.",
			Remediation: "Set keyVault, storageAccount, applicationInsights and containerRegistry to the ARM ids of the platform's resources.",
			Check:       kit.All(kit.NonEmpty("keyVault"), kit.NonEmpty("storageAccount"), kit.NonEmpty("applicationInsights"), kit.NonEmpty("containerRegistry")),
			Cases: kit.Cases{Pass: []kit.Case{workspace()},
				Fail: []kit.Case{workspace("containerRegistry", kit.Deleted{}), workspace("keyVault", "")}}},
	}
}

// resourceGroupID is the resource group the fixtures' ids hang below (the mocks' subscription).
const resourceGroupID = "/subscriptions/22222222-2222-4222-8222-222222222222/resourceGroups/rg-mlp-prod"

// SecureWorkspace is a workspace that passes every rule: the base every workspace case edits,
// and the policy tests' compliant workspace.
func SecureWorkspace() map[string]any {
	return map[string]any{"workspaceName": "mlw-mlp-prod", "identity": map[string]any{"type": "SystemAssigned"},
		"hbiWorkspace": true, "publicNetworkAccess": "Disabled", "v1LegacyMode": false,
		"managedNetwork":      map[string]any{"isolationMode": "AllowOnlyApprovedOutbound"},
		"sku":                 map[string]any{"name": "Basic", "tier": "Basic"},
		"keyVault":            resourceGroupID + "/providers/Microsoft.KeyVault/vaults/kv-mlp-prod-abcde",
		"storageAccount":      resourceGroupID + "/providers/Microsoft.Storage/storageAccounts/stmlpprodabcde",
		"applicationInsights": resourceGroupID + "/providers/Microsoft.Insights/components/appi-mlp-prod",
		"containerRegistry":   resourceGroupID + "/providers/Microsoft.ContainerRegistry/registries/crmlpprodabcde"}
}

// SecureStorageAccount is a storage account that passes every per-resource rule (keys off,
// unlike the workspace's own account, which AST-004 accepts only behind a closed endpoint).
func SecureStorageAccount() map[string]any {
	return map[string]any{"accountName": "stmlpprodabcde", "kind": "StorageV2", "sku": map[string]any{"name": "Standard_ZRS"},
		"enableHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2", "allowBlobPublicAccess": false,
		"allowSharedKeyAccess": false, "publicNetworkAccess": "Disabled", "isLocalUserEnabled": false,
		"sasPolicy":      map[string]any{"sasExpirationPeriod": "1.00:00:00", "expirationAction": "Log"},
		"encryption":     map[string]any{"keySource": "Microsoft.Storage", "requireInfrastructureEncryption": true},
		"networkRuleSet": map[string]any{"defaultAction": "Deny", "bypass": "AzureServices"}}
}

// SecureRegistry is a Premium registry that passes every rule.
func SecureRegistry() map[string]any {
	return map[string]any{"registryName": "crmlpprodabcde", "sku": map[string]any{"name": "Premium"},
		"adminUserEnabled": false, "anonymousPullEnabled": false, "publicNetworkAccess": "Disabled",
		"networkRuleSet": map[string]any{"defaultAction": "Deny"}, "zoneRedundancy": "Enabled", "dataEndpointEnabled": true,
		"policies": map[string]any{"retentionPolicy": map[string]any{"status": "enabled", "days": 7},
			"exportPolicy": map[string]any{"status": "disabled"}}}
}

func workspace(edits ...any) kit.Case {
	return kit.Case{Type: WorkspaceType, Base: SecureWorkspace, Edits: edits}
}
func account(edits ...any) kit.Case {
	return kit.Case{Type: StorageAccountType, Base: SecureStorageAccount, Edits: edits}
}
func registry(edits ...any) kit.Case {
	return kit.Case{Type: RegistryType, Base: SecureRegistry, Edits: edits}
}
