package policy

import "github.com/pulumi/pulumi/sdk/v3/go/common/resource"

// ruleCase holds scenarios a rule must accept (no finding of that rule) and reject (at
// least one). TestEveryRuleHasCases keeps this table in step with Rules().
type ruleCase struct{ pass, fail []scenario }

var unknown = resource.MakeComputed(resource.NewStringProperty(""))

var ruleCases = map[string]ruleCase{
	// Key Vault
	"AKV-001": {list(v(tVault, vault)), list(v(tVault, vault, "properties.enableRbacAuthorization", false),
		v(tVault, vault, "properties.enableRbacAuthorization", deleted{}))},
	"AKV-002": {list(v(tVault, vault)), list(v(tVault, vault, "properties.enablePurgeProtection", false),
		v(tVault, vault, "properties.enablePurgeProtection", deleted{}))},
	"AKV-003": {list(v(tVault, vault), v(tVault, vault, "properties.enableSoftDelete", deleted{})),
		list(v(tVault, vault, "properties.enableSoftDelete", false))},
	"AKV-004": {list(v(tVault, vault), v(tVault, vault, "properties.publicNetworkAccess", "Enabled")),
		list(v(tVault, vault, "properties.publicNetworkAccess", "Enabled", "properties.networkAcls.defaultAction", "Allow"),
			v(tVault, vault, "properties.publicNetworkAccess", deleted{}, "properties.networkAcls", deleted{}))},
	"AKV-005": {list(v(tVault, vault), v(tVault, vault, "properties.softDeleteRetentionInDays", deleted{})),
		list(v(tVault, vault, "properties.softDeleteRetentionInDays", 7))},
	"AKV-006": {list(v(tVault, vault)), list(v(tVault, vault, "properties.publicNetworkAccess", "Enabled"),
		v(tVault, vault, "properties.publicNetworkAccess", deleted{}))},
	"AKV-007": {list(v(tVault, vault)), list(v(tVault, vault, "properties.sku.name", "standard"),
		v(tVault, vault, "properties.sku.family", "B"))},
	"AKV-008": {list(v(tVault, vault), v(tVault, vault, "properties.enabledForDeployment", deleted{})),
		list(v(tVault, vault, "properties.enabledForTemplateDeployment", true), v(tVault, vault, "properties.enabledForDeployment", "true"))},
	"AKV-009": {list(v(tKVSecret, kvSecret), v(tKVSecret, kvSecret, "properties.value", unknown)),
		list(v(tKVSecret, kvSecret, "properties.value", "plain-text-value"))},
	"AKV-010": {list(v(tKVSecret, kvSecret)), list(v(tKVSecret, kvSecret, "properties.attributes.expires", deleted{}),
		v(tKVSecret, kvSecret, "properties.attributes.expires", 0))},
	"AKV-011": {list(v(tKVSecret, kvSecret)), list(v(tKVSecret, kvSecret, "properties.contentType", ""),
		v(tKVSecret, kvSecret, "properties.contentType", deleted{}))},

	// App Configuration
	"AAC-001": {list(v(tStore, store), v("azure-native:appconfiguration:ConfigurationStore", store)),
		list(v(tStore, store, "disableLocalAuth", false), v(tStore, store, "disableLocalAuth", deleted{}),
			v("azure-native:appconfiguration/v20230301:ConfigurationStore", store, "disableLocalAuth", false))},
	"AAC-002": {list(v(tStore, store)), list(v(tStore, store, "enablePurgeProtection", false))},
	"AAC-003": {list(v(tStore, store), v(tStore, store, "softDeleteRetentionInDays", deleted{})),
		list(v(tStore, store, "softDeleteRetentionInDays", 1))},
	"AAC-004": {list(v(tStore, store)), list(v(tStore, store, "publicNetworkAccess", "Enabled"),
		v(tStore, store, "publicNetworkAccess", deleted{}))},
	"AAC-005": {list(v(tStore, store), v(tStore, store, "sku.name", "Premium")), list(v(tStore, store, "sku.name", "free"))},
	"AAC-006": {list(v(tStore, store), v(tStore, store, "identity.type", "SystemAssigned, UserAssigned")),
		list(v(tStore, store, "identity", deleted{}), v(tStore, store, "identity.type", "None"))},
	"AAC-007": {list(v(tStore, store)), list(v(tStore, store, "dataPlaneProxy.authenticationMode", "Local"),
		v(tStore, store, "dataPlaneProxy", deleted{}))},
	"AAC-008": {list(v(tKeyValue, keyValue), v(tKeyValue, kvRef), v(tKeyValue, kvRef, "value", secret(`{"uri":"https://x"}`)),
		v(tKeyValue, keyValue, "value", "secret management is documented in the runbook")),
		list(v(tKeyValue, keyValue, "keyValueName", "Inference:ClientSecret$prod"),
			v(tKeyValue, keyValue, "value", secret("opaque")),
			v(tKeyValue, keyValue, "value", "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc123==;"),
			v(tKeyValue, keyValue, "value", "db password=hunter22", "contentType", deleted{}),
			v("azure-native:appconfiguration:KeyValue", keyValue, "keyValueName", "Storage:AccessKey"))},

	// Machine Learning workspace
	"AML-001": {list(v(tWorkspace, workspace)), list(v(tWorkspace, workspace, "identity.type", "None"),
		v(tWorkspace, workspace, "identity", deleted{}))},
	"AML-002": {list(v(tWorkspace, workspace)), list(v(tWorkspace, workspace, "hbiWorkspace", false))},
	"AML-003": {list(v(tWorkspace, workspace)), list(v(tWorkspace, workspace, "publicNetworkAccess", "Enabled"))},
	"AML-004": {list(v(tWorkspace, workspace), v(tWorkspace, workspace, "managedNetwork.isolationMode", "AllowInternetOutbound")),
		list(v(tWorkspace, workspace, "managedNetwork.isolationMode", "Disabled"), v(tWorkspace, workspace, "managedNetwork", deleted{}))},
	"AML-005": {list(v(tWorkspace, workspace), v(tWorkspace, workspace, "managedNetwork", deleted{})),
		list(v(tWorkspace, workspace, "managedNetwork.isolationMode", "AllowInternetOutbound"),
			v("azure-native:machinelearningservices:Workspace", workspace, "managedNetwork.isolationMode", "allowinternetoutbound"))},
	"AML-006": {list(v(tWorkspace, workspace), v(tWorkspace, workspace, "sku", deleted{})),
		list(v(tWorkspace, workspace, "sku.name", "Enterprise"))},
	"AML-007": {list(v(tWorkspace, workspace), v(tWorkspace, workspace, "v1LegacyMode", deleted{})),
		list(v(tWorkspace, workspace, "v1LegacyMode", true))},
	"AML-008": {list(v(tWorkspace, workspace)), list(v(tWorkspace, workspace, "containerRegistry", deleted{}),
		v(tWorkspace, workspace, "keyVault", ""))},

	// Storage
	"AST-001": {list(v(tStorage, storage), v(tStorage, storage, "enableHttpsTrafficOnly", deleted{})),
		list(v(tStorage, storage, "enableHttpsTrafficOnly", false))},
	"AST-002": {list(v(tStorage, storage)), list(v(tStorage, storage, "minimumTlsVersion", "TLS1_0"),
		v(tStorage, storage, "minimumTlsVersion", deleted{}))},
	"AST-003": {list(v(tStorage, storage)), list(v(tStorage, storage, "allowBlobPublicAccess", true),
		v(tStorage, storage, "allowBlobPublicAccess", deleted{}))},
	"AST-004": {list(v(tStorage, storage), v(tStorage, storage, "allowSharedKeyAccess", true, "publicNetworkAccess", "Disabled")),
		list(v(tStorage, storage, "allowSharedKeyAccess", true, "publicNetworkAccess", "Enabled"),
			v(tStorage, storage, "allowSharedKeyAccess", deleted{}, "publicNetworkAccess", deleted{}))},
	"AST-005": {list(v(tStorage, storage), v(tStorage, storage, "publicNetworkAccess", "Enabled")),
		list(v(tStorage, storage, "publicNetworkAccess", "Enabled", "networkRuleSet.defaultAction", "Allow"),
			v(tStorage, storage, "publicNetworkAccess", deleted{}, "networkRuleSet", deleted{}))},
	"AST-006": {list(v(tStorage, storage)), list(v(tStorage, storage, "publicNetworkAccess", "Enabled"))},
	"AST-007": {list(v(tStorage, storage), v(tStorage, storage, "sku.name", "Standard_RAGRS")),
		list(v(tStorage, storage, "sku.name", "Standard_LRS"))},

	// Container registry
	"ACR-001": {list(v(tRegistry, acr), v(tRegistry, acr, "adminUserEnabled", deleted{})),
		list(v(tRegistry, acr, "adminUserEnabled", true))},
	"ACR-002": {list(v(tRegistry, acr)), list(v(tRegistry, acr, "anonymousPullEnabled", true))},
	"ACR-003": {list(v(tRegistry, acr), v(tRegistry, acr, "publicNetworkAccess", "Enabled")),
		list(v(tRegistry, acr, "sku.name", "Basic", "publicNetworkAccess", "Enabled", "networkRuleSet", deleted{}))},
	"ACR-004": {list(v(tRegistry, acr)), list(v(tRegistry, acr, "publicNetworkAccess", "Enabled"))},
	"ACR-005": {list(v(tRegistry, acr)), list(v(tRegistry, acr, "sku.name", "Basic"))},

	// Log Analytics
	"ALA-001": {list(v(tLogs, logs), v(tLogs, logs, "retentionInDays", 90)),
		list(v(tLogs, logs, "retentionInDays", 30), v(tLogs, logs, "retentionInDays", deleted{}))},
	"ALA-002": {list(v(tLogs, logs), v(tLogs, logs, "sku", deleted{})), list(v(tLogs, logs, "sku.name", "Free"))},

	// Role assignments
	"RBAC-001": {list(v(tRole, roleAssignment), v(tRole, roleAssignment, "roleDefinitionId", "00482a5a-887f-4fb3-b363-3b7fe8e74483")),
		list(v(tRole, roleAssignment, "roleDefinitionId", sub+"/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-404c-9c6c-d5ff5d5a8b8d"),
			v(tRole, roleAssignment, "roleDefinitionId", "/providers/Microsoft.Authorization/roleDefinitions/B24988AC-6180-42A0-AB88-20F7382DD24C"),
			v(tRole, roleAssignment, "roleDefinitionId", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"),
			v(tRole, roleAssignment, "roleDefinitionId", "f58310d9-a9f6-439a-9e8d-f62e7b41a168"),
			v(tRole, roleAssignment, "roleDefinitionId", "00482a5a-887f-4fb3-b363-3b7fe8e74483", "scope", rg))},
	"RBAC-002": {list(v(tRole, roleAssignment), v(tRole, roleAssignment, "scope", rg)),
		list(v(tRole, roleAssignment, "scope", sub), v(tRole, roleAssignment, "scope", sub+"/"),
			v(tRole, roleAssignment, "scope", "/providers/Microsoft.Management/managementGroups/root"),
			v(tRole, roleAssignment, "scope", "/"))},

	// Entra ID
	"ENT-001": {list(v(tAppPassword, appPassword), v(tSPPassword, appPassword)),
		list(v(tAppPassword, appPassword, "endDate", deleted{}, "endDateRelative", "8760h"),
			v(tAppPassword, appPassword, "endDate", deleted{}),
			v(tSPPassword, appPassword, "endDate", "next year"),
			v(tAppPassword, appPassword, "endDate", "2025-12-01T00:00:00Z"))},
	"ENT-002": {list(v(tAppPassword, appPassword), v(tAppPassword, appPassword, "endDate", "2026-07-20T00:00:00Z")),
		list(v(tAppPassword, appPassword, "endDate", "2027-06-01T00:00:00Z"), v(tSPPassword, appPassword, "endDate", "2028-01-01"))},
	"ENT-003": {list(v(tAppPassword, appPassword), v(tAppPassword, appPassword, "endDate", "2027-06-01T00:00:00Z")),
		list(v(tAppPassword, appPassword, "endDate", "2026-07-20T00:00:00Z"))},
	"ENT-004": {list(v(tAppPassword, appPassword)), list(v(tAppPassword, appPassword, "startDate", deleted{}))},
	"ENT-005": {list(v(tApp, application), v(tApp, application, "signInAudience", deleted{})),
		list(v(tApp, application, "signInAudience", "AzureADMultipleOrgs"))},
	"ENT-006": {list(v(tApp, application)), list(v(tApp, application, "owners", []any{}), v(tApp, application, "owners", deleted{}))},
	"ENT-007": {list(v(tApp, application)), list(v(tApp, application, "password", map[string]any{"displayName": "legacy"}))},

	// Credentials in inputs
	"SEC-001": {list(v("pulumi:providers:gcp", obj("accessToken", secret("ya29.secret-token"))),
		v(tK8sProvider, obj("kubeconfig", "apiVersion: v1\nusers:\n- user:\n    exec:\n      command: gke-gcloud-auth-plugin\n")),
		v(tWorkspace, workspace, "clientSecret", ""), v(tKVSecret, kvSecret)),
		list(v("pulumi:providers:gcp", obj("accessToken", "ya29.plain-token")),
			v(tWorkspace, workspace, "properties.adminPassword", "hunter2-plain"),
			v(tK8sProvider, obj("env", []any{map[string]any{"AZURE_CLIENT_SECRET": "plain"}})),
			v(tStorage, storage, "extra.storageAccountKey", "abc=="))},
	"SEC-002": {list(v(tK8sProvider, obj("kubeconfig", "users:\n- user:\n    exec:\n      command: gke-gcloud-auth-plugin\n")),
		v(tKeyValue, keyValue, "value", secret("Endpoint=sb://x;SharedAccessKey=abc123")), v(tKeyValue, kvRef)),
		list(v(tK8sProvider, obj("kubeconfig", "users:\n- name: admin\n  user:\n    token: abcdefgh12345678\n")),
			v(tKeyValue, keyValue, "value", "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc123==;"),
			v(tK8sSecret, k8sSecret, "metadata.annotations.key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"))},

	// GKE cluster
	"GKE-001": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "privateClusterConfig.enablePrivateNodes", false),
		v(tCluster, cluster, "privateClusterConfig", deleted{}))},
	"GKE-002": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "workloadIdentityConfig", deleted{}),
		v(tCluster, cluster, "workloadIdentityConfig.workloadPool", ""))},
	"GKE-003": {list(v(tCluster, cluster), v(tCluster, cluster, "enableShieldedNodes", deleted{})),
		list(v(tCluster, cluster, "enableShieldedNodes", false))},
	"GKE-004": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "releaseChannel.channel", "UNSPECIFIED"),
		v(tCluster, cluster, "releaseChannel", deleted{}))},
	"GKE-005": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "binaryAuthorization.evaluationMode", "DISABLED"),
		v(tCluster, cluster, "binaryAuthorization", deleted{}))},
	"GKE-006": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "databaseEncryption.state", "DECRYPTED"),
		v(tCluster, cluster, "databaseEncryption.keyName", ""))},
	"GKE-007": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "removeDefaultNodePool", false),
		v(tCluster, cluster, "removeDefaultNodePool", deleted{}))},
	"GKE-008": {list(v(tCluster, cluster), v(tCluster, cluster, "masterAuthorizedNetworksConfig", deleted{},
		"privateClusterConfig.enablePrivateEndpoint", true)),
		list(v(tCluster, cluster, "masterAuthorizedNetworksConfig.cidrBlocks", []any{map[string]any{"cidrBlock": "0.0.0.0/0"}}),
			v(tCluster, cluster, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled", true),
			v(tCluster, cluster, "masterAuthorizedNetworksConfig", deleted{}))},
	"GKE-009": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "enableLegacyAbac", true))},
	"GKE-010": {list(v(tCluster, cluster)), list(v(tCluster, cluster, "masterAuth.clientCertificateConfig.issueClientCertificate", true))},
	"GKE-011": {list(v(tCluster, cluster), v(tCluster, cluster, "datapathProvider", deleted{}, "networkPolicy.enabled", true)),
		list(v(tCluster, cluster, "datapathProvider", "LEGACY_DATAPATH"), v(tCluster, cluster, "datapathProvider", deleted{}))},
	"GKE-012": {list(v(tCluster, cluster), v(tCluster, cluster, "loggingService", deleted{})),
		list(v(tCluster, cluster, "loggingService", "none"), v(tCluster, cluster, "monitoringService", "none"),
			v(tCluster, cluster, "loggingConfig.enableComponents", []any{}))},
	"GKE-013": {list(v(tCluster, cluster), v(tCluster, cluster, "deletionProtection", deleted{})),
		list(v(tCluster, cluster, "deletionProtection", false))},

	// GKE node pool
	"NODE-001": {list(v(tNodePool, nodePool), v(tNodePool, nodePool, "nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring", deleted{})),
		list(v(tNodePool, nodePool, "nodeConfig.shieldedInstanceConfig.enableSecureBoot", false),
			v(tNodePool, nodePool, "nodeConfig.shieldedInstanceConfig", deleted{}),
			v(tNodePool, nodePool, "nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring", false))},
	"NODE-002": {list(v(tNodePool, nodePool)), list(v(tNodePool, nodePool, "nodeConfig.workloadMetadataConfig.mode", "GCE_METADATA"),
		v(tNodePool, nodePool, "nodeConfig.workloadMetadataConfig", deleted{}))},
	"NODE-003": {list(v(tNodePool, nodePool)), list(v(tNodePool, nodePool, "nodeConfig.metadata.disable-legacy-endpoints", "false"),
		v(tNodePool, nodePool, "nodeConfig.metadata", deleted{}))},
	"NODE-004": {list(v(tNodePool, nodePool), v(tNodePool, nodePool, "nodeConfig.imageType", deleted{})),
		list(v(tNodePool, nodePool, "nodeConfig.imageType", "UBUNTU_CONTAINERD"))},
	"NODE-005": {list(v(tNodePool, nodePool), v(tNodePool, nodePool, "management", deleted{})),
		list(v(tNodePool, nodePool, "management.autoRepair", false), v(tNodePool, nodePool, "management.autoUpgrade", false))},
	"NODE-006": {list(v(tNodePool, nodePool)), list(v(tNodePool, nodePool, "nodeConfig.serviceAccount", deleted{}),
		v(tNodePool, nodePool, "nodeConfig.serviceAccount", "123456789012-compute@developer.gserviceaccount.com"),
		v(tNodePool, nodePool, "nodeConfig.serviceAccount", "default"))},

	// GCP IAM
	"IAM-001": {list(v(tProjMember, projectMember), v(tProjBinding, projectBinding), v(tProjPolicy, projectPolicy)),
		list(v(tProjMember, projectMember, "role", "roles/editor"), v(tProjBinding, projectBinding, "role", "roles/owner"),
			v(tProjPolicy, projectPolicy, "policyData", `{"bindings":[{"role":"roles/viewer","members":["user:a@example.com"]}]}`),
			v(tKeyMember, projectMember, "role", "roles/owner"),
			v(tProjMember, projectMember, "role", "roles/editor", "member", unknown))},
	"IAM-002": {list(v(tProjMember, projectMember), v(tSAMember, workloadIdentityMember)),
		list(v(tProjMember, projectMember, "member", "allUsers"),
			v(tProjBinding, projectBinding, "members", []any{"group:a@example.com", "allAuthenticatedUsers"}),
			v("gcp:storage/bucketIAMMember:BucketIAMMember", projectMember, "member", "allUsers"))},
	"IAM-004": {list(v(tProjMember, projectMember), v(tSAMember, workloadIdentityMember)),
		list(v(tProjMember, projectMember, "role", "roles/iam.serviceAccountTokenCreator"),
			v(tProjBinding, projectBinding, "role", "roles/iam.workloadIdentityUser"),
			v(tOrgMember, projectMember, "role", "roles/iam.serviceAccountUser"))},

	// KMS
	"KMS-001": {list(v(tCryptoKey, cryptoKey), v(tCryptoKey, cryptoKey, "rotationPeriod", "86400s")),
		list(v(tCryptoKey, cryptoKey, "rotationPeriod", "31536000s"), v(tCryptoKey, cryptoKey, "rotationPeriod", deleted{}),
			v(tCryptoKey, cryptoKey, "rotationPeriod", "soon"))},

	// VPC
	"NET-001": {list(v(tSubnet, subnet)), list(v(tSubnet, subnet, "privateIpGoogleAccess", false),
		v(tSubnet, subnet, "privateIpGoogleAccess", deleted{}))},
	"NET-002": {list(v(tSubnet, subnet)), list(v(tSubnet, subnet, "logConfig", deleted{}))},

	// Stack outputs
	"OUT-001": {list(outs(nil, baselineOutputs()...), outs(nil, Output{Name: "keyVaultName", Value: "kv"},
		Output{Name: "tokenEndpoint", Value: "https://login"}, Output{Name: "publicKey", Value: "ssh-ed25519 AAAA"})),
		list(outs(nil, Output{Name: "clientSecret", Value: "x"}), outs(nil, Output{Name: "storageAccessKey", Value: "x"}),
			outs(nil, Output{Name: "kubeconfig", Value: "apiVersion: v1"}), outs(nil, Output{Name: "db_connection_string", Value: "x"}))},
	"OUT-002": {list(outs(baselines(), baselineOutputs()...),
		outs(baselines(), Output{Name: "debug", Value: secret(secretValueText)}),
		outs([]Resource{res(tKVSecret, "short", set(kvSecret(), "properties.value", secret("abc")))}, Output{Name: "debug", Value: "abc"})),
		list(outs(baselines(), Output{Name: "debug", Value: secretValueText}),
			outs(baselines(), Output{Name: "nested", Value: map[string]any{"x": []any{"prefix " + secretValueText}}}),
			outs(baselines(), Output{Name: "pv", Value: resource.NewStringProperty(secretValueText)}))},

	// Protection of stateful resources
	"OPS-001": {list(v(tVault, vault), unprotected(v(tRole, roleAssignment))),
		list(unprotected(v(tVault, vault)), unprotected(v(tWorkspace, workspace)), unprotected(v(tCryptoKey, cryptoKey)),
			unprotected(v(tSA, saAccount)), unprotected(v(tSP, servicePrincipal)))},
}

// obj builds a one-key input map for v.
func obj(key string, value any) func() map[string]any {
	return func() map[string]any { return map[string]any{key: value} }
}
