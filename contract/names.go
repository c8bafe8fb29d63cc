// Package contract declares the stack's output names once. The program exports under these
// names and consumers read them through Read, so a rename is a compile error, not a broken
// StackReference at deploy time.
package contract

// Output names. Changing one is a breaking change for every consumer stack.
const (
	AzureTenantID            = "azureTenantId"
	AzureSubscriptionID      = "azureSubscriptionId"
	AzureLocation            = "azureLocation"
	ResourceGroupName        = "resourceGroupName"
	ApplicationClientID      = "applicationClientId"
	ApplicationObjectID      = "applicationObjectId"
	ServicePrincipalObjectID = "servicePrincipalObjectId"
	CredentialExpiresAt      = "credentialExpiresAt"
	KeyVaultName             = "keyVaultName"
	KeyVaultURI              = "keyVaultUri"
	ClientSecretName         = "clientSecretName"
	ClientSecretURI          = "clientSecretUri" // versionless: always the current credential
)
