// Package contract declares the stack's outputs once. The program exports under these names
// and consumers read them with Read, so a rename is a compile error, not a StackReference
// that fails at deploy time.
package contract

// Output names. Renaming one is a breaking change for every consumer stack.
const (
	AzureTenantID            = "azureTenantId"
	AzureSubscriptionID      = "azureSubscriptionId"
	AzureLocation            = "azureLocation"
	ResourceGroupName        = "resourceGroupName"
	LogAnalyticsWorkspaceID  = "logAnalyticsWorkspaceId"
	ApplicationClientID      = "applicationClientId"
	ApplicationObjectID      = "applicationObjectId"
	ServicePrincipalObjectID = "servicePrincipalObjectId"
	CredentialExpiresAt      = "credentialExpiresAt"
	CredentialSlotAIssuedAt  = "credentialSlotAIssuedAt"
	CredentialSlotAExpiresAt = "credentialSlotAExpiresAt"
	CredentialSlotBIssuedAt  = "credentialSlotBIssuedAt"
	CredentialSlotBExpiresAt = "credentialSlotBExpiresAt"
	KeyVaultName             = "keyVaultName"
	KeyVaultURI              = "keyVaultUri"
	ClientSecretName         = "clientSecretName"
	ClientSecretURI          = "clientSecretUri"
	AppConfigName            = "appConfigName"
	AppConfigEndpoint        = "appConfigEndpoint"
	MLWorkspaceName          = "mlWorkspaceName"
	MLWorkspaceID            = "mlWorkspaceId"
	MLWorkspaceDiscoveryURL  = "mlWorkspaceDiscoveryUrl"
	ContainerRegistryServer  = "containerRegistryLoginServer"
	AzureVnetName            = "azureVnetName"

	GCPProject            = "gcpProject"
	GCPNetworkName        = "gcpNetworkName"
	GCPSubnetName         = "gcpSubnetName"
	GKEClusterName        = "gkeClusterName"
	GKELocation           = "gkeLocation"
	GKEEndpoint           = "gkeEndpoint"
	GKECACertificate      = "gkeCaCertificate"
	GKEOIDCIssuer         = "gkeOidcIssuer"
	WorkloadIdentityPool  = "workloadIdentityPool"
	MeshMembership        = "meshMembership"
	MicroserviceNamespace = "microserviceNamespace"
	MicroserviceKSA       = "microserviceServiceAccount"
	MicroserviceGSAEmail  = "microserviceGoogleServiceAccount"
	Kubeconfig            = "kubeconfig"

	EntryURL       = "entryUrl"
	EntryIPAddress = "entryIpAddress"
)

// Output documents one exported value.
type Output struct {
	Name        string
	Secret      bool // exported only as a Pulumi secret
	Description string
}

// Outputs is the whole contract, in the order docs/generated/outputs.md lists it (make docs).
var Outputs = []Output{
	{AzureTenantID, false, "Entra tenant id"},
	{AzureSubscriptionID, false, "Azure subscription id"},
	{AzureLocation, false, "Azure region"},
	{ResourceGroupName, false, "Resource group holding every Azure resource"},
	{LogAnalyticsWorkspaceID, false, "ARM id of the Log Analytics workspace (diagnostics sink)"},
	{ApplicationClientID, false, "Entra application (client) id of the platform identity"},
	{ApplicationObjectID, false, "Entra application object id"},
	{ServicePrincipalObjectID, false, "Service principal object id (for role assignments)"},
	{CredentialExpiresAt, false, "RFC 3339 expiry of the current client secret (the one in Key Vault)"},
	{CredentialSlotAIssuedAt, false, "RFC 3339 issue day of the client secret in slot a (empty: slot empty, or adopted from the single-credential layout); the next deployment reads it back"},
	{CredentialSlotAExpiresAt, false, "RFC 3339 expiry of the client secret in slot a (empty when the slot is empty)"},
	{CredentialSlotBIssuedAt, false, "RFC 3339 issue day of the client secret in slot b (empty when the slot is empty); the next deployment reads it back"},
	{CredentialSlotBExpiresAt, false, "RFC 3339 expiry of the client secret in slot b (empty when the slot is empty)"},
	{KeyVaultName, false, "Key Vault name"},
	{KeyVaultURI, false, "Key Vault data-plane URI"},
	{ClientSecretName, false, "Name of the Key Vault secret holding the client secret"},
	{ClientSecretURI, false, "Versionless secret URI: always resolves the current credential"},
	{AppConfigName, false, "App Configuration store name"},
	{AppConfigEndpoint, false, "App Configuration endpoint (Entra auth only)"},
	{MLWorkspaceName, false, "Azure ML workspace name"},
	{MLWorkspaceID, false, "Azure ML workspace ARM id"},
	{MLWorkspaceDiscoveryURL, false, "Azure ML discovery URL"},
	{ContainerRegistryServer, false, "Container registry login server"},
	{AzureVnetName, false, "Platform VNet name (empty when private networking is off)"},
	{GCPProject, false, "GCP project id"},
	{GCPNetworkName, false, "VPC network name"},
	{GCPSubnetName, false, "GKE subnet name"},
	{GKEClusterName, false, "GKE cluster name"},
	{GKELocation, false, "GKE cluster location (region or zone)"},
	{GKEEndpoint, false, "GKE control-plane endpoint"},
	{GKECACertificate, false, "GKE cluster CA certificate (base64 PEM, public)"},
	{GKEOIDCIssuer, false, "Cluster OIDC issuer (trusted by the Entra federated credential)"},
	{WorkloadIdentityPool, false, "Workload Identity pool (PROJECT.svc.id.goog)"},
	{MeshMembership, false, "Fleet membership id of the cluster (service mesh)"},
	{MicroserviceNamespace, false, "Kubernetes namespace of the microservice"},
	{MicroserviceKSA, false, "Kubernetes service account of the microservice"},
	{MicroserviceGSAEmail, false, "Google service account the microservice impersonates"},
	{Kubeconfig, true, "Kubeconfig using gke-gcloud-auth-plugin (no embedded credential)"},
	{EntryURL, false, "Public HTTPS URL of the microservice (IAP-protected; empty when microserviceDeploy is false)"},
	{EntryIPAddress, false, "Reserved global IP of the entry: point the gatewayHostname A record here (empty when microserviceDeploy is false)"},
}
