package policy

import "github.com/pulumi/pulumi/sdk/v3/go/common/resource"

// ruleCase holds scenarios a rule must accept (no finding of that rule) and reject (at
// least one). TestEveryRuleHasCases keeps this table in step with Rules().
type ruleCase struct{ pass, fail []scenario }

var unknown = resource.MakeComputed(resource.NewStringProperty(""))

var ruleCases = map[string]ruleCase{

	// Storage: the account's per-resource rules are the ML workspace component's
	// (azure/mlworkspace/spec); this one looks across resources.
	"AST-011": {list(withBlobDiag(), withBlobDiag("logs", []any{map[string]any{"categoryGroup": "allLogs", "enabled": true}}),
		withBlobDiag("resourceUri", unknown)),
		list(v(tStorage, storage),
			withBlobDiag("resourceUri", rg+"/providers/Microsoft.Storage/storageAccounts/stmlpprodabcde"),
			withBlobDiag("resourceUri", rg+"/providers/Microsoft.Storage/storageAccounts/other/blobServices/default"),
			withBlobDiag("logs", []any{map[string]any{"category": "StorageRead", "enabled": true}}),
			withBlobDiag("logs", []any{map[string]any{"categoryGroup": "allLogs", "enabled": false}}),
			withBlobDiag("workspaceId", deleted{}))},

	// Subnets: Log Analytics, Application Insights and the monitor scope are the foundation
	// component's (azure/foundation/spec); the cross-cloud gateway registers subnets too.
	"VNET-001": {list(v(tAzSubnet, azSubnet), v(tAzSubnet, azSubnet, "subnetName", "GatewaySubnet", "networkSecurityGroup", deleted{}),
		v(tAzSubnet, azSubnet, "networkSecurityGroup.id", unknown)),
		list(v(tAzSubnet, azSubnet, "networkSecurityGroup", deleted{}),
			v(tAzSubnet, azSubnet, "subnetName", "snet-dns-inbound", "networkSecurityGroup.id", ""))},

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
	// appPassword runs 2026-01-01 to 2026-02-07; a second, older one must not count.
	"ENT-008": {list(v(tAppPassword, appPassword), on("2026-01-08", v(tAppPassword, appPassword)),
		on("2026-01-08", outs(append(v(tAppPassword, appPassword).resources, v(tAppPassword, appPassword, "startDate", "2025-12-01T00:00:00Z", "endDate", "2026-01-10T00:00:00Z").resources...)))),
		list(on("2026-01-09", v(tAppPassword, appPassword)), on("2026-03-01", v(tAppPassword, appPassword)),
			on("2026-01-20", outs(append(v(tAppPassword, appPassword, "startDate", "2025-12-01T00:00:00Z", "endDate", "2026-12-01T00:00:00Z").resources, v(tAppPassword, appPassword).resources...))))},
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

	// GKE cluster (its per-resource rules carry their cases in gcp/cluster/spec)
	"GKE-015": {list(many(res(tCluster, "c", cluster()), res(tService, "a", apiService("container.googleapis.com")()),
		res(tService, "b", apiService("containerscanning.googleapis.com")())),
		v(tService, apiService("compute.googleapis.com")), // no cluster, nothing to scan
		v(tCluster, cluster)),                             // the stack manages no APIs: not its decision
		list(many(res(tCluster, "c", privateCluster()), res(tService, "a", apiService("container.googleapis.com")())))},
	"PSA-001": {list(v(tNamespace, psaNamespace), v(tNamespace, psaNamespace, "metadata.labels", map[string]any{"pod-security.kubernetes.io/enforce": "restricted"})),
		list(v(tNamespace, psaNamespace, "metadata.labels", map[string]any{"istio-injection": "enabled"}),
			v(tNamespace, psaNamespace, "metadata.labels", map[string]any{"pod-security.kubernetes.io/enforce": "privileged"}),
			v(tNamespace, psaNamespace, "metadata.labels", deleted{}))},
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
			outs(baselines(), Output{Name: "pv", Value: resource.NewStringProperty(secretValueText)}),
			// The Key Vault secret holds a value a plain output repeats.
			outs([]Resource{res(tKVSecret, "s", set(kvSecret(), "properties.value", secret("echoed-secret-value-0123456789")))},
				Output{Name: "debug", Value: "echoed-secret-value-0123456789"}))},

	// Protection of stateful resources
	"OPS-001": {list(v(tVault, vault), unprotected(v(tRole, roleAssignment))),
		list(unprotected(v(tVault, vault)), unprotected(v(tWorkspace, workspace)), unprotected(v(tCryptoKey, cryptoKey)),
			unprotected(v(tSA, saAccount)), unprotected(v(tSP, servicePrincipal)))},
}

// obj builds a one-key input map for v.
func obj(key string, value any) func() map[string]any {
	return func() map[string]any { return map[string]any{key: value} }
}
