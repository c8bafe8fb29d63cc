package policy

import (
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	appconfigspec "github.com/example/mlplatform/azure/appconfig/spec"
	foundationspec "github.com/example/mlplatform/azure/foundation/spec"
	mlworkspacespec "github.com/example/mlplatform/azure/mlworkspace/spec"
	clusterspec "github.com/example/mlplatform/gcp/cluster/spec"
	networkspec "github.com/example/mlplatform/gcp/network/spec"
	identityspec "github.com/example/mlplatform/identity/spec"
	"github.com/example/mlplatform/kit"
	secretsspec "github.com/example/mlplatform/secrets/spec"
)

// Exact tokens, as the SDKs register them (versioned ones for the hand-written bindings).
const (
	tVault       = "azure-native:keyvault:Vault"
	tKVSecret    = "azure-native:keyvault:Secret"
	tStore       = "azure-native:appconfiguration/v20240501:ConfigurationStore"
	tKeyValue    = "azure-native:appconfiguration/v20240501:KeyValue"
	tWorkspace   = "azure-native:machinelearningservices/v20241001:Workspace"
	tStorage     = "azure-native:storage:StorageAccount"
	tRegistry    = "azure-native:containerregistry:Registry"
	tLogs        = "azure-native:operationalinsights:Workspace"
	tRole        = "azure-native:authorization:RoleAssignment"
	tApp         = "azuread:index/application:Application"
	tAppPassword = "azuread:index/applicationPassword:ApplicationPassword"
	tSPPassword  = "azuread:index/servicePrincipalPassword:ServicePrincipalPassword"
	tSP          = "azuread:index/servicePrincipal:ServicePrincipal"
	tCluster     = "gcp:container/cluster:Cluster"
	tNodePool    = "gcp:container/nodePool:NodePool"
	tProjMember  = "gcp:projects/iAMMember:IAMMember"
	tProjBinding = "gcp:projects/iAMBinding:IAMBinding"
	tProjPolicy  = "gcp:projects/iAMPolicy:IAMPolicy"
	tFolderMem   = "gcp:folder/iAMMember:IAMMember"
	tOrgMember   = "gcp:organizations/iAMMember:IAMMember"
	tSAMember    = "gcp:serviceaccount/iAMMember:IAMMember"
	tKeyMember   = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember"
	tSAKey       = "gcp:serviceaccount/key:Key"
	tSA          = "gcp:serviceaccount/account:Account"
	tCryptoKey   = "gcp:kms/cryptoKey:CryptoKey"
	tSubnet      = "gcp:compute/subnetwork:Subnetwork"
	tFirewall    = "gcp:compute/firewall:Firewall"
	tDiag        = "azure-native:insights:DiagnosticSetting"
	tAppi        = "azure-native:insights:Component"
	tAzSubnet    = "azure-native:network:Subnet"
	tRouterNat   = "gcp:compute/routerNat:RouterNat"
	tService     = "gcp:projects/service:Service"
	tScope       = "azure-native:insights/v20210901:PrivateLinkScope"
	tK8sSecret   = "kubernetes:core/v1:Secret"
	tK8sProvider = "pulumi:providers:kubernetes"
)

// knownTokens are real tokens; every rule's Types pattern must match one of them.
var knownTokens = []string{tVault, tKVSecret, tStore, tKeyValue, tWorkspace, tStorage, tRegistry, tLogs, tRole,
	tApp, tAppPassword, tSPPassword, tSP, tCluster, tNodePool, tProjMember, tProjBinding, tProjPolicy, tFolderMem, tOrgMember, tSAMember,
	tKeyMember, tSAKey, tSA, tCryptoKey, tSubnet, tFirewall, tK8sSecret, tDiag, tAppi, tScope, tAzSubnet, tRouterNat, tService}

const (
	secretValueText = secretsspec.SecretValueText // what the Key Vault secret stores
	sub             = "/subscriptions/22222222-2222-4222-8222-222222222222"
	rg              = sub + "/resourceGroups/rg-mlp-prod"
)

// Secure baselines: each passes every rule (TestBaselinesPass). Each call returns a fresh map.
func vault() map[string]any { return secretsspec.SecureVault() }

func kvSecret() map[string]any { return secretsspec.SecureSecret() }

func store() map[string]any { return appconfigspec.SecureStore() }

func keyValue() map[string]any { return appconfigspec.SecureKeyValue() }

func kvRef() map[string]any { return appconfigspec.SecureReference() }

func workspace() map[string]any { return mlworkspacespec.SecureWorkspace() }

func storage() map[string]any { return mlworkspacespec.SecureStorageAccount() }

// blobDiag sends the blob service's read, write and delete logs of storage() to the workspace.
func blobDiag() map[string]any {
	logs := []any{}
	for _, c := range []string{"StorageRead", "StorageWrite", "StorageDelete"} {
		logs = append(logs, map[string]any{"category": c, "enabled": true})
	}
	return map[string]any{"name": "to-log-analytics", "logs": logs,
		"resourceUri": rg + "/providers/Microsoft.Storage/storageAccounts/stmlpprodabcde/blobServices/default",
		"workspaceId": rg + "/providers/Microsoft.OperationalInsights/workspaces/log-mlp-prod"}
}

// withBlobDiag is a storage account and its blob service's diagnostic setting (diag modified).
func withBlobDiag(pathValues ...any) scenario {
	d := blobDiag()
	for i := 0; i+1 < len(pathValues); i += 2 {
		set(d, pathValues[i].(string), pathValues[i+1])
	}
	return scenario{resources: []Resource{res(tStorage, "subject", storage()), res(tDiag, "subject-blob-diag", d)}}
}

func acr() map[string]any { return mlworkspacespec.SecureRegistry() }

func logs() map[string]any { return foundationspec.SecureLogAnalytics() }

func appInsights() map[string]any { return foundationspec.SecureAppInsights() }

func azSubnet() map[string]any {
	return map[string]any{"subnetName": "snet-private-endpoints", "addressPrefix": "10.40.1.0/24", "defaultOutboundAccess": false,
		"networkSecurityGroup": map[string]any{"id": rg + "/providers/Microsoft.Network/networkSecurityGroups/nsg-mlp-prod"}}
}

func monitorScope() map[string]any { return foundationspec.SecureMonitorScope() }

func roleAssignment() map[string]any {
	return map[string]any{"scope": rg + "/providers/Microsoft.KeyVault/vaults/kv-mlp-prod-abcde",
		"roleDefinitionId": sub + "/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
		"principalId":      "55555555-5555-4555-8555-555555555555", "principalType": "ServicePrincipal"}
}

func application() map[string]any { return identityspec.SecureApplication() }

func appPassword() map[string]any { return identityspec.SecurePassword() }

// cluster keeps a public control-plane endpoint (the deployer scenarios' reachable cluster).
func cluster() map[string]any { return clusterspec.PublicEndpointCluster() }

func nodePool() map[string]any { return clusterspec.SecureNodePool() }

// routerNat and subnet are the network's compliant Cloud NAT and subnet (NET-001, NET-002,
// NAT-001 and their cases are in gcp/network/spec).
func routerNat() map[string]any { return networkspec.RouterNat() }

func subnet() map[string]any { return networkspec.Subnet() }

func psaNamespace() map[string]any {
	return map[string]any{"metadata": map[string]any{"name": "inference", "labels": map[string]any{
		"istio-injection": "enabled", "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted"}}}
}

func apiService(name string) func() map[string]any {
	return func() map[string]any { return map[string]any{"project": "mlplatform-prod-7310", "service": name} }
}

func projectMember() map[string]any {
	return map[string]any{"project": "mlplatform-prod-7310", "role": "roles/monitoring.metricWriter",
		"member": "serviceAccount:mlp-prod-inference-api@mlplatform-prod-7310.iam.gserviceaccount.com"}
}

func projectBinding() map[string]any {
	return map[string]any{"project": "mlplatform-prod-7310", "role": "roles/logging.logWriter",
		"members": []any{"group:ml-platform@example.com"}}
}

func projectPolicy() map[string]any {
	return map[string]any{"project": "mlplatform-prod-7310",
		"policyData": `{"bindings":[{"role":"roles/cloudtrace.agent","members":["group:ml-platform@example.com"]}]}`}
}

func workloadIdentityMember() map[string]any {
	return map[string]any{"serviceAccountId": "projects/mlplatform-prod-7310/serviceAccounts/inference-api@x.iam.gserviceaccount.com",
		"role": "roles/iam.workloadIdentityUser", "member": "serviceAccount:mlplatform-prod-7310.svc.id.goog[inference/inference-api]"}
}

func cryptoKey() map[string]any { return clusterspec.SecureCryptoKey() }

func firewall() map[string]any {
	return map[string]any{"network": "vpc-mlp-prod", "direction": "INGRESS",
		"sourceRanges": []any{"35.235.240.0/20"}, "targetTags": []any{"gke-node"},
		"allows": []any{map[string]any{"protocol": "tcp", "ports": []any{"22"}}}}
}

func k8sSecret() map[string]any {
	return map[string]any{"metadata": map[string]any{"name": "inference", "namespace": "inference"},
		"stringData": resource.MakeSecret(resource.NewObjectProperty(resource.PropertyMap{
			"token": resource.NewStringProperty("eyJhbGciOiJSUzI1NiJ9.payload.signature")}))}
}

func servicePrincipal() map[string]any {
	return map[string]any{"clientId": "44444444-4444-4444-8444-444444444444", "appRoleAssignmentRequired": true,
		"owners": []any{"33333333-3333-4333-8333-333333333333"}}
}

func saAccount() map[string]any {
	return map[string]any{"accountId": "mlp-prod-inference-api", "displayName": "inference"}
}

// baselineOutputs are the outputs of a compliant stack.
func baselineOutputs() []Output {
	return []Output{
		{Name: "keyVaultUri", Value: "https://kv-mlp-prod-abcde.vault.azure.net/"},
		{Name: "clientSecretName", Value: "platform-client-secret"},
		{Name: "clientSecretUri", Value: "https://kv-mlp-prod-abcde.vault.azure.net/secrets/platform-client-secret"},
		{Name: "credentialExpiresAt", Value: "2026-02-07T00:00:00Z"},
		{Name: "clientSecret", Value: secretValueText, Secret: true},
		{Name: "kubeconfig", Value: resource.MakeSecret(resource.NewStringProperty("apiVersion: v1"))},
	}
}

// baselines pairs every secure fixture with its token.
func baselines() []Resource {
	fixtures := []struct {
		typ string
		in  map[string]any
	}{
		{tVault, vault()}, {tKVSecret, kvSecret()}, {tStore, store()}, {tKeyValue, keyValue()}, {tKeyValue, kvRef()},
		{tWorkspace, workspace()}, {tStorage, storage()}, {tDiag, blobDiag()}, {tRegistry, acr()}, {tLogs, logs()}, {tAppi, appInsights()}, {tScope, monitorScope()}, {tAzSubnet, azSubnet()}, {tRouterNat, routerNat()}, {tService, apiService("containerscanning.googleapis.com")()}, {tService, apiService("cloudasset.googleapis.com")()}, {tBinauthz, binauthz()},
		{tRole, roleAssignment()}, {tApp, application()}, {tAppPassword, appPassword()}, {tSPPassword, appPassword()},
		{tCluster, privateCluster()}, {tNodePool, nodePool()}, {tProjMember, projectMember()}, {tProjBinding, projectBinding()},
		{tProjPolicy, projectPolicy()}, {tSAMember, workloadIdentityMember()}, {tKeyMember, projectMember()},
		{tCryptoKey, cryptoKey()}, {tSubnet, subnet()}, {tFirewall, firewall()}, {tK8sSecret, k8sSecret()},
		{tSA, saAccount()}, {tSP, servicePrincipal()},
	}
	var out []Resource
	for i, f := range fixtures {
		out = append(out, res(f.typ, "base-"+string(rune('a'+i)), f.in))
	}
	return compliantAzure(append(out, protectionBaselines()...))
}

func res(typ, name string, in map[string]any) Resource {
	return Resource{URN: "urn:pulumi:prod::mlplatform::" + typ + "::" + name, Type: typ, Name: name,
		Custom: true, Protect: true, Inputs: resource.NewPropertyMapFromMap(in)}
}

// deleted removes a key in set.
type deleted = kit.Deleted

// set assigns value at a dotted path of m (creating objects on the way) and returns m.
func set(m map[string]any, path string, value any) map[string]any {
	kit.SetPath(m, path, value)
	return m
}

// scenario is what one Evaluate call sees.
type scenario struct {
	resources []Resource
	outputs   []Output
	deployer  Deployer
	clock     Clock // for date-dependent rules; zero for the rest
}

// v is one resource of typ built from base with path/value overrides.
func v(typ string, base func() map[string]any, pathValues ...any) scenario {
	in := base()
	for i := 0; i+1 < len(pathValues); i += 2 {
		set(in, pathValues[i].(string), pathValues[i+1])
	}
	return scenario{resources: []Resource{res(typ, "subject", in)}}
}

func outs(resources []Resource, outputs ...Output) scenario {
	return scenario{resources: resources, outputs: outputs}
}

func unprotected(s scenario) scenario {
	for i := range s.resources {
		s.resources[i].Protect = false
	}
	return s
}

func list(s ...scenario) []scenario { return s }

// on sets the scenario's clock: the plan's date and a 30-day rotation period.
func on(date string, s scenario) scenario {
	now, err := time.Parse(time.DateOnly, date)
	if err != nil {
		panic(err)
	}
	s.clock = Clock{Now: now, CredentialRotationDays: 30}
	return s
}

func secret(s string) resource.PropertyValue {
	return resource.MakeSecret(resource.NewStringProperty(s))
}

// Issue 14, Azure open gaps: the storage account's service properties and service logs.
const (
	tBlobProps = "azure-native:storage:BlobServiceProperties"
	tFileProps = "azure-native:storage:FileServiceProperties"
	tAzSubnetV = "azure-native:network/v20240501:Subnet" // the private-endpoint subnet
)

var protectionTokens = []string{tBlobProps, tFileProps, tAzSubnetV}

func blobProps() map[string]any {
	keep := func() map[string]any { return map[string]any{"enabled": true, "days": 7} }
	return map[string]any{"resourceGroupName": "rg-mlp-prod", "accountName": "stmlpprodabcde", "blobServicesName": "default",
		"deleteRetentionPolicy": keep(), "containerDeleteRetentionPolicy": keep(), "isVersioningEnabled": true}
}

func fileProps() map[string]any {
	return map[string]any{"resourceGroupName": "rg-mlp-prod", "accountName": "stmlpprodabcde", "fileServicesName": "default",
		"shareDeleteRetentionPolicy": map[string]any{"enabled": true, "days": 7}}
}

// serviceDiag is blobDiag() on another service of storage() (file, queue or table).
func serviceDiag(svc string) func() map[string]any {
	return func() map[string]any {
		d := blobDiag()
		d["resourceUri"] = rg + "/providers/Microsoft.Storage/storageAccounts/stmlpprodabcde/" + svc + "Services/default"
		return d
	}
}

func protectionBaselines() []Resource {
	return []Resource{res(tBlobProps, "base-blob-props", blobProps()), res(tFileProps, "base-file-props", fileProps()),
		res(tDiag, "base-file-diag", serviceDiag("file")()), res(tDiag, "base-queue-diag", serviceDiag("queue")()),
		res(tDiag, "base-table-diag", serviceDiag("table")()), res(tAzSubnetV, "base-pe-subnet", azSubnet())}
}

// withStorage is a storage account with the companions of protectionBaselines, one of them
// (of type typ) replaced by in.
func withStorage(typ string, name string, in map[string]any) scenario {
	rs := []Resource{res(tStorage, "subject", storage())}
	for _, b := range protectionBaselines() {
		if b.Name != name {
			rs = append(rs, b)
		}
	}
	if in != nil {
		rs = append(rs, res(typ, name, in))
	}
	return scenario{resources: rs}
}
