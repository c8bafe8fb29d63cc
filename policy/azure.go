package policy

import (
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Azure resource types (azure-native tokens compare without an API-version segment).
const (
	keyVaultType       = "azure-native:keyvault:Vault"
	keyVaultSecretType = "azure-native:keyvault:Secret"
	configStoreType    = "azure-native:appconfiguration:ConfigurationStore"
	configKeyValueType = "azure-native:appconfiguration:KeyValue"
	mlWorkspaceType    = "azure-native:machinelearningservices:Workspace"
	storageAccountType = "azure-native:storage:StorageAccount"
	containerRegType   = "azure-native:containerregistry:Registry"
	logAnalyticsType   = "azure-native:operationalinsights:Workspace"
	appInsightsType    = "azure-native:insights:Component"
	azureSubnetType    = "azure-native:network:Subnet"
	roleAssignmentType = "azure-native:authorization:RoleAssignment"
)

// storageLogRules look across resources (a storage account and the diagnostic setting on its
// blob service), so they stay here; the storage account's per-resource rules are the ML
// workspace component's (azure/mlworkspace/spec).
var storageLogRules = []Rule{
	{ID: "AST-011", Severity: Medium, Types: []string{storageAccountType},
		External:    []string{"CKV2_AZURE_21", "KICS 11fa88c0"},
		Description: "Each storage account's blob service must send its StorageRead, StorageWrite and StorageDelete logs (or the allLogs group) to a Log Analytics workspace through a diagnostic setting on ACCOUNT/blobServices/default, and every diagnostic setting on the blob service must log all three. Medium: without them nobody can tell who read, changed or deleted the ML data.",
		Remediation: "Register an azure-native:insights:DiagnosticSetting on the account id + /blobServices/default with workspaceId and those log categories enabled (azdiag.SendStorageService).",
		stack:       serviceLogs("blob")},
}

const diagnosticSettingType = "azure-native:insights:DiagnosticSetting"

// logsReadWriteDelete: the allLogs category group, or each of the three categories, enabled.
func logsReadWriteDelete(logs []resource.PropertyValue) bool {
	groups, categories := enabledLogs(logs)
	has := func(name string) bool { return groups[name] || categories[name] }
	return has("alllogs") || has("storageread") && has("storagewrite") && has("storagedelete")
}

// enabledLogs are the category groups and the categories a diagnostic setting's logs enable,
// lower-cased (Azure matches them case-insensitively).
func enabledLogs(logs []resource.PropertyValue) (groups, categories map[string]bool) {
	groups, categories = map[string]bool{}, map[string]bool{}
	for _, l := range logs {
		if !l.IsObject() {
			continue
		}
		m := l.ObjectValue()
		if b, ok := get(m, "enabled").Boolean(); !ok || !b {
			continue
		}
		groups[strings.ToLower(get(m, "categoryGroup").Text())] = true
		categories[strings.ToLower(get(m, "category").Text())] = true
	}
	return groups, categories
}

var subnetRules = []Rule{
	{ID: "VNET-001", Severity: Medium, Types: []string{azureSubnetType},
		External:    []string{"CKV2_AZURE_31", "Azure.VNET.UseNSGs", "KICS 5c822443"},
		Description: "Every Azure subnet must carry a network security group (networkSecurityGroup.id), except the subnets Azure forbids one on (GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet). Medium: without one nothing filters traffic into the subnet beyond what each service allows, and no NSG flow log can record it.",
		Remediation: "Set networkSecurityGroup.id on the subnet (the foundation's NSG: PrivateNetwork.SecurityGroupID).",
		check:       subnetHasNSG},
}

// nsgForbidden are the subnets Azure does not let carry an NSG: GatewaySubnet (Azure Policy
// NetworkSecurityGroupOnGatewaySubnet_Deny: "will cause the gateway to stop functioning") and
// the Azure Firewall subnets (Azure/Enterprise-Scale#456, the exclusions of "Deny subnets
// without NSG").
var nsgForbidden = []string{"GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet"}

func subnetHasNSG(r Resource) []string {
	name := get(r.Inputs, "subnetName")
	if name.Unknown() || oneOf(name.Text(), nsgForbidden...) {
		return nil
	}
	return nonEmpty("networkSecurityGroup.id")(r)
}

// privilegedRoles are the built-in roles that can change resources or grant access broadly.
// GUIDs from Microsoft Learn, "Azure built-in roles"
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
var privilegedRoles = map[string]string{
	"8e3af657-a8ff-404c-9c6c-d5ff5d5a8b8d": "Owner",
	"b24988ac-6180-42a0-ab88-20f7382dd24c": "Contributor",
	"18d7d88d-d35e-4fb5-a5c3-7773c20a72d9": "User Access Administrator",
	"f58310d9-a9f6-439a-9e8d-f62e7b41a168": "Role Based Access Control Administrator",
	keyVaultAdministrator:                  "Key Vault Administrator",
}

// keyVaultAdministrator is every data-plane right on a vault. Granted on one vault it is the
// documented requirement of an Azure ML workspace identity on an RBAC-mode vault (see
// azure/mlworkspace/mlworkspace.go); on a resource group or wider it reaches every vault below.
const keyVaultAdministrator = "00482a5a-887f-4fb3-b363-3b7fe8e74483"

var singleVaultScope = regexp.MustCompile(`(?i)/providers/Microsoft\.KeyVault/vaults/[^/]+/?$`)

var roleAssignmentRules = []Rule{
	{ID: "RBAC-001", Severity: High, Types: []string{roleAssignmentType},
		External:    []string{"Azure.RBAC.LimitOwner"},
		Description: "Role assignments must not grant Owner, Contributor, User Access Administrator, Role Based Access Control Administrator, or Key Vault Administrator beyond one vault. High: each spans every resource (or every vault) under the scope, and three can grant further access.",
		Remediation: "Grant the narrowest built-in data or service role (see internal/azrbac).",
		check:       privilegedRole},
	{ID: "RBAC-002", Severity: High, Types: []string{roleAssignmentType},
		External:    []string{"Azure.RBAC.LimitMGDelegation"},
		Description: "Role assignments must not be scoped to a whole subscription, management group or the tenant root. High: the grant reaches every resource there, present and future.",
		Remediation: "Scope the assignment to the resource (or at most its resource group).",
		check:       broadScope},
}

func privilegedRole(r Resource) []string {
	p := get(r.Inputs, "roleDefinitionId")
	if p.Unknown() {
		return nil
	}
	id := strings.ToLower(strings.TrimRight(p.Text(), "/"))
	guid := id[strings.LastIndex(id, "/")+1:]
	name, ok := privilegedRoles[guid]
	if !ok {
		return nil
	}
	if guid == keyVaultAdministrator {
		scope := get(r.Inputs, "scope")
		if scope.Unknown() || singleVaultScope.MatchString(strings.TrimSpace(scope.Text())) {
			return nil
		}
		return msgf("roleDefinitionId grants %s (%s) on %s, wider than one vault", name, guid, scope.Show())
	}
	return msgf("roleDefinitionId grants %s (%s)", name, guid)
}

var broadScopePattern = regexp.MustCompile(`(?i)^(/|/subscriptions/[^/]+|/providers/Microsoft\.Management/managementGroups/[^/]+)/?$`)

func broadScope(r Resource) []string {
	p := get(r.Inputs, "scope")
	if p.Unknown() || !broadScopePattern.MatchString(strings.TrimSpace(p.Text())) {
		return nil
	}
	return msgf("scope is %s: the grant covers every resource below it", p.Show())
}
