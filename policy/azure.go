package policy

import (
	"regexp"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/kit"
)

// Azure resource types (azure-native tokens compare without an API-version segment).
const (
	keyVaultType        = "azure-native:keyvault:Vault"
	keyVaultSecretType  = "azure-native:keyvault:Secret"
	configStoreType     = "azure-native:appconfiguration:ConfigurationStore"
	configKeyValueType  = "azure-native:appconfiguration:KeyValue"
	mlWorkspaceType     = "azure-native:machinelearningservices:Workspace"
	storageAccountType  = "azure-native:storage:StorageAccount"
	containerRegType    = "azure-native:containerregistry:Registry"
	logAnalyticsType    = "azure-native:operationalinsights:Workspace"
	appInsightsType     = "azure-native:insights:Component"
	azureSubnetType     = "azure-native:network:Subnet"
	monitorScopeType    = "azure-native:insights:PrivateLinkScope"
	roleAssignmentType  = "azure-native:authorization:RoleAssignment"
	keyVaultRefContent  = "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8"
	managedIdentityHint = kit.ManagedIdentityHint
)

var mlRules = []Rule{
	{ID: "AML-001", Severity: Medium, Types: []string{mlWorkspaceType},
		Description: "The ML workspace must have a managed identity. Medium: without one it reaches storage, registry and vault with keys.",
		Remediation: "Set identity.type to " + managedIdentityHint + ".",
		check:       managedIdentity("identity.type")},
	{ID: "AML-002", Severity: Low, Types: []string{mlWorkspaceType},
		Description: "The ML workspace should be high business impact (hbiWorkspace=true). Low: HBI limits diagnostic data Microsoft collects and encrypts local scratch disks; fixed at creation.",
		Remediation: "Set hbiWorkspace to true (recreates the workspace).",
		check:       isTrue("hbiWorkspace")},
	{ID: "AML-003", Severity: High, Types: []string{mlWorkspaceType},
		External:    []string{"CKV_AZURE_144", "Azure.ML.PublicAccess"},
		Description: "The ML workspace's public network access must be Disabled, and not re-opened behind a VNet (allowPublicAccessWhenBehindVnet not true). High: otherwise its APIs, notebooks and endpoints are reachable from every internet address.",
		Remediation: "Set publicNetworkAccess to Disabled, allowPublicAccessWhenBehindVnet to false (or omit it), and add a private endpoint.",
		check:       all(enum("publicNetworkAccess", "", "Disabled"), notTrue("allowPublicAccessWhenBehindVnet"))},
	{ID: "AML-004", Severity: Medium, Types: []string{mlWorkspaceType},
		Description: "The ML workspace must use a managed network (managedNetwork.isolationMode not Disabled). Medium: compute otherwise runs without network isolation.",
		Remediation: "Set managedNetwork.isolationMode to AllowOnlyApprovedOutbound (or AllowInternetOutbound).",
		check:       enum("managedNetwork.isolationMode", "", "AllowOnlyApprovedOutbound", "AllowInternetOutbound")},
	{ID: "AML-005", Severity: Low, Types: []string{mlWorkspaceType},
		Description: "The ML workspace's managed network should only allow approved outbound traffic. Low: AllowInternetOutbound leaves an exfiltration path from compute.",
		Remediation: "Set managedNetwork.isolationMode to AllowOnlyApprovedOutbound and add outbound rules for what the jobs need.",
		check:       notEnum("managedNetwork.isolationMode", "AllowInternetOutbound")},
	{ID: "AML-006", Severity: Low, Types: []string{mlWorkspaceType},
		Description: "The ML workspace must not use the retired Enterprise edition. Low: the edition no longer exists; deployments drift or fail.",
		Remediation: "Set sku.name to Basic (or omit it).",
		check:       notEnum("sku.name", "Enterprise")},
	{ID: "AML-007", Severity: Medium, Types: []string{mlWorkspaceType},
		Description: "The ML workspace must not run in v1 legacy mode. Medium: v1 APIs bypass the v2 network isolation controls.",
		Remediation: "Remove v1LegacyMode or set it to false.",
		check:       notTrue("v1LegacyMode")},
	{ID: "AML-008", Severity: Medium, Types: []string{mlWorkspaceType},
		Description: "The ML workspace must name its Key Vault, storage account, Application Insights and container registry. Medium: missing ones are created implicitly, unhardened and outside this program.",
		Remediation: "Set keyVault, storageAccount, applicationInsights and containerRegistry to the ARM ids of the platform's resources.",
		check:       all(nonEmpty("keyVault"), nonEmpty("storageAccount"), nonEmpty("applicationInsights"), nonEmpty("containerRegistry"))},
}

var storageRules = []Rule{
	{ID: "AST-001", Severity: High, Types: []string{storageAccountType},
		External:    []string{"CKV_AZURE_3", "AVD-AZU-0008", "AVD-AZU-0059", "KICS 12944ec4", "Azure.Storage.SecureTransfer"},
		Description: "The storage account must refuse plain HTTP (enableHttpsTrafficOnly not false). High: data and SAS tokens would cross the network in clear text.",
		Remediation: "Remove enableHttpsTrafficOnly or set it to true.",
		check:       notFalse("enableHttpsTrafficOnly")},
	{ID: "AST-002", Severity: Medium, Types: []string{storageAccountType},
		External:    []string{"CKV_AZURE_44", "AVD-AZU-0011", "KICS 8263f146", "Azure.Storage.MinTLS"},
		Description: "The storage account must require TLS 1.2 or newer. Medium: older TLS versions have known weaknesses.",
		Remediation: "Set minimumTlsVersion to TLS1_2.",
		check:       enum("minimumTlsVersion", "TLS1_0", "TLS1_2", "TLS1_3")},
	{ID: "AST-003", Severity: High, Types: []string{storageAccountType},
		External:    []string{"CKV_AZURE_190", "AVD-AZU-0007", "KICS dd5230f8", "Azure.Storage.BlobAccessType", "Azure.Storage.BlobPublicAccess"},
		Description: "The storage account must forbid anonymous blob access (allowBlobPublicAccess=false, set explicitly). High: a container made public is readable by anyone.",
		Remediation: "Set allowBlobPublicAccess to false.",
		check:       isFalse("allowBlobPublicAccess")},
	{ID: "AST-004", Severity: High, Types: []string{storageAccountType},
		Description: "A storage account reachable over its public endpoint must disable shared-key access (allowSharedKeyAccess=false; absent means allowed). High: an account key is an unscoped, unattributed bearer credential usable from anywhere. With publicNetworkAccess Disabled a key works only from the private network; that is the posture for an Azure ML workspace's storage, whose system datastores need keys on every stable API (identity-only datastores are preview).",
		Remediation: "Set allowSharedKeyAccess to false and use Entra ID; where a stable-API ML workspace needs keys, set publicNetworkAccess to Disabled and reach the account through private endpoints.",
		check:       sharedKeyOnPublicEndpoint},
	{ID: "AST-005", Severity: High, Types: []string{storageAccountType},
		External:    []string{"CKV_AZURE_35", "AVD-AZU-0012", "KICS 17f75827", "KICS a5613650", "Azure.Storage.Firewall"},
		Description: "The storage account must not accept connections from every internet address: public access disabled or networkRuleSet.defaultAction Deny. High: data is one leaked credential away from anyone.",
		Remediation: "Set publicNetworkAccess to Disabled, or networkRuleSet.defaultAction to Deny with ipRules and bypass AzureServices.",
		check:       internetReachable("publicNetworkAccess", "networkRuleSet.defaultAction")},
	{ID: "AST-006", Severity: Medium, Types: []string{storageAccountType},
		External:    []string{"CKV_AZURE_59"},
		Description: "The storage account's public network access should be Disabled, reaching it through private endpoints. Medium: an IP allow-list still exposes the endpoint.",
		Remediation: "Set publicNetworkAccess to Disabled and add private endpoints (blob, file).",
		check:       enum("publicNetworkAccess", "", "Disabled")},
	{ID: "AST-007", Severity: Low, Types: []string{storageAccountType},
		// Not CKV_AZURE_206: Checkov accepts only geo-redundant SKUs, which Azure ML's default
		// storage cannot fail over with (docs/policy-coverage.md, the CKV_AZURE_206 row).
		External:    []string{"Azure.Storage.UseReplication"},
		Description: "The storage account should replicate beyond one datacenter (not *_LRS). Low: availability and durability, not exposure.",
		Remediation: "Set sku.name to Standard_ZRS (or a geo-redundant SKU).",
		check:       redundantStorage},
}

var storageHardeningRules = []Rule{
	{ID: "AST-008", Severity: Medium, Types: []string{storageAccountType},
		External:    []string{"CKV_AZURE_244"},
		Description: "The storage account must disable local users (isLocalUserEnabled=false, set explicitly). Medium: local users sign in to SFTP/NFS with their own keys or passwords, outside Entra ID.",
		Remediation: "Set isLocalUserEnabled to false.",
		check:       isFalse("isLocalUserEnabled")},
	{ID: "AST-009", Severity: Low, Types: []string{storageAccountType},
		Description: "The storage account should carry an SAS expiry policy (sasPolicy.sasExpirationPeriod). Low: it logs every SAS issued for longer than the period, so long-lived tokens are noticed.",
		Remediation: `Set sasPolicy {sasExpirationPeriod: "1.00:00:00", expirationAction: Log}.`,
		check:       nonEmpty("sasPolicy.sasExpirationPeriod")},
	{ID: "AST-010", Severity: Low, Types: []string{storageAccountType},
		External:    []string{"AVD-AZU-0061", "CIS Azure 4.2", "KICS d02793e5"},
		Description: "The storage account must require infrastructure encryption (encryption.requireInfrastructureEncryption=true). Low: a second AES-256 layer with a separate key covers a flaw in one algorithm or key; Azure accepts it only when the account is created.",
		Remediation: "Set encryption.requireInfrastructureEncryption to true when creating the account (an existing account needs a new one).",
		check:       isTrue("encryption.requireInfrastructureEncryption")},
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

var registryRules = []Rule{
	{ID: "ACR-001", Severity: High, Types: []string{containerRegType},
		External:    []string{"CKV_AZURE_137", "KICS b897dfbf", "Azure.ACR.AdminUser"},
		Description: "The container registry's admin user must be off. High: it is a shared username/password with push rights.",
		Remediation: "Remove adminUserEnabled or set it to false; grant AcrPull/AcrPush to identities.",
		check:       notTrue("adminUserEnabled")},
	{ID: "ACR-002", Severity: High, Types: []string{containerRegType},
		External:    []string{"CKV_AZURE_138", "Azure.ACR.AnonymousAccess"},
		Description: "The container registry must not allow anonymous pull. High: every image becomes public.",
		Remediation: "Remove anonymousPullEnabled or set it to false.",
		check:       notTrue("anonymousPullEnabled")},
	{ID: "ACR-003", Severity: High, Types: []string{containerRegType},
		External:    []string{"Azure.ACR.Firewall"},
		Description: "The container registry must not accept connections from every internet address: public access disabled or networkRuleSet.defaultAction Deny (Premium). High: images and their secrets are one leaked token away.",
		Remediation: "Use the Premium SKU with publicNetworkAccess Disabled (private endpoint) or networkRuleSet.defaultAction Deny.",
		check:       internetReachable("publicNetworkAccess", "networkRuleSet.defaultAction")},
	{ID: "ACR-004", Severity: Medium, Types: []string{containerRegType},
		External:    []string{"CKV_AZURE_139"},
		Description: "The container registry's public network access should be Disabled. Medium: an IP allow-list still exposes the endpoint.",
		Remediation: "Set publicNetworkAccess to Disabled (Premium SKU) and add a private endpoint.",
		check:       enum("publicNetworkAccess", "", "Disabled")},
	{ID: "ACR-005", Severity: Low, Types: []string{containerRegType},
		External:    []string{"Azure.ACR.MinSku"},
		Description: "The container registry should use the Premium SKU. Low: only Premium offers private endpoints, firewall rules and geo-replication.",
		Remediation: "Set sku.name to Premium.",
		check:       enum("sku.name", "", "Premium")},
	// The four below are Premium features (Microsoft Learn: container-registry-retention-policy,
	// data-loss-prevention, zone-redundancy, container-registry-dedicated-data-endpoints); a
	// Basic or Standard registry is ACR-005's finding, not theirs.
	{ID: "ACR-006", Severity: Low, Types: []string{containerRegType},
		External:    []string{"CKV_AZURE_167", "Azure.ACR.Retention"},
		Description: "A Premium registry should purge untagged manifests (policies.retentionPolicy.status=enabled). Low: superseded image layers, vulnerable ones included, stay pullable by digest for ever.",
		Remediation: "Set policies.retentionPolicy {status: enabled, days: 7}.",
		check:       premiumOnly(enum("policies.retentionPolicy.status", "disabled", "enabled"))},
	{ID: "ACR-007", Severity: Medium, Types: []string{containerRegType},
		External:    []string{"Azure Policy ACR_ExportPolicy_AuditDeny", "Azure.ACR.ExportPolicy"},
		Description: "A Premium registry without public network access must disable exports (policies.exportPolicy.status=disabled). Medium: az acr import and transfer pipelines can otherwise copy images out of the private network.",
		Remediation: "Set policies.exportPolicy.status to disabled (Azure accepts it only with publicNetworkAccess Disabled).",
		check:       premiumOnly(exportDisabledWhenPrivate)},
	{ID: "ACR-008", Severity: Low, Types: []string{containerRegType},
		External:    []string{"CKV_AZURE_233"},
		Description: "A Premium registry should be zone redundant (zoneRedundancy=Enabled). Low: pulls keep working through a zone outage.",
		Remediation: "Set zoneRedundancy to Enabled when creating the registry.",
		check:       premiumOnly(enum("zoneRedundancy", "Disabled", "Enabled"))},
	{ID: "ACR-009", Severity: Low, Types: []string{containerRegType},
		External:    []string{"CKV_AZURE_237"},
		Description: "A Premium registry should serve layers from dedicated data endpoints (dataEndpointEnabled=true). Low: firewalls then allow REGISTRY.REGION.data.azurecr.io instead of the shared *.blob.core.windows.net.",
		Remediation: "Set dataEndpointEnabled to true.",
		check:       premiumOnly(isTrue("dataEndpointEnabled"))},
}

// premiumOnly runs c on Premium registries only (an unknown SKU is judged as Premium).
func premiumOnly(c check) check {
	return func(r Resource) []string {
		if sku := get(r.Inputs, "sku.name"); !sku.Unknown() && !oneOf(sku.Text(), "Premium") {
			return nil
		}
		return c(r)
	}
}

// exportDisabledWhenPrivate: with public network access disabled the export policy must be too
// (with it enabled Azure refuses a disabled export policy).
func exportDisabledWhenPrivate(r Resource) []string {
	if public := get(r.Inputs, "publicNetworkAccess"); public.Unknown() || !oneOf(public.Text(), "Disabled") {
		return nil
	}
	return enum("policies.exportPolicy.status", "enabled", "disabled")(r)
}

var logAnalyticsRules = []Rule{
	{ID: "ALA-001", Severity: Medium, Types: []string{logAnalyticsType},
		Description: "Log Analytics must keep logs at least 90 days (the default is 30). Medium: incident investigations routinely look back further.",
		Remediation: "Set retentionInDays to 90 or more.",
		check:       atLeast("retentionInDays", 90, 30)},
	{ID: "ALA-002", Severity: Low, Types: []string{logAnalyticsType},
		Description: "Log Analytics should use the PerGB2018 (or capacity reservation) pricing tier. Low: legacy tiers cap ingestion and retention.",
		Remediation: "Set sku.name to PerGB2018.",
		check:       enum("sku.name", "PerGB2018", "PerGB2018", "CapacityReservation", "LACluster")},
	{ID: "ALA-003", Severity: Medium, Types: []string{logAnalyticsType},
		Description: "Log Analytics must refuse its shared keys (features.disableLocalAuth=true). Medium: a workspace key lets anyone holding it write (or forge) log records outside Entra ID and its audit.",
		Remediation: "Set features.disableLocalAuth to true; diagnostic settings and workspace-based Application Insights do not use the keys.",
		check:       isTrue("features.disableLocalAuth")},
	{ID: "ALA-004", Severity: Medium, Types: []string{logAnalyticsType, appInsightsType},
		Description: "Log Analytics workspaces and Application Insights components must refuse public ingestion and queries (publicNetworkAccessForIngestion and publicNetworkAccessForQuery Disabled), reached instead through an Azure Monitor Private Link Scope. Medium: otherwise anyone on the internet with a token or the connection string can read the platform's logs or inject forged telemetry.",
		Remediation: "Set both to Disabled and scope the resource into an Azure Monitor Private Link Scope with a private endpoint (azurePrivateNetworking: true).",
		check:       all(enum("publicNetworkAccessForIngestion", "Enabled", "Disabled"), enum("publicNetworkAccessForQuery", "Enabled", "Disabled"))},
	{ID: "ALA-005", Severity: Medium, Types: []string{monitorScopeType},
		Description: "An Azure Monitor Private Link Scope must accept only private traffic (accessModeSettings.ingestionAccessMode and queryAccessMode PrivateOnly). Medium: in Open mode clients on the linked network can still send to and query any Azure Monitor resource, inside the scope or not.",
		Remediation: "Set accessModeSettings {ingestionAccessMode: PrivateOnly, queryAccessMode: PrivateOnly}.",
		check:       all(enum("accessModeSettings.ingestionAccessMode", "Open", "PrivateOnly"), enum("accessModeSettings.queryAccessMode", "Open", "PrivateOnly"))},
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
// azure/mlworkspace.go); on a resource group or wider it reaches every vault below.
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

func redundantStorage(r Resource) []string {
	p := get(r.Inputs, "sku.name")
	if p.Unknown() || p.Absent() || !strings.HasSuffix(strings.ToUpper(p.Text()), "_LRS") {
		return nil
	}
	return msgf("sku.name is %s: data lives in a single datacenter", p.Show())
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

// sharedKeyOnPublicEndpoint reports shared-key access only where the public endpoint is open.
func sharedKeyOnPublicEndpoint(r Resource) []string {
	if get(r.Inputs, "publicNetworkAccess").Text() == "Disabled" {
		return nil
	}
	return isFalse("allowSharedKeyAccess")(r)
}
