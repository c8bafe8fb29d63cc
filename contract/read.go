package contract

import (
	"fmt"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Platform is the typed view a consumer stack reads; each field's tag names its output.
type Platform struct {
	AzureTenantID            pulumi.StringOutput `output:"azureTenantId"`
	AzureSubscriptionID      pulumi.StringOutput `output:"azureSubscriptionId"`
	AzureLocation            pulumi.StringOutput `output:"azureLocation"`
	ResourceGroupName        pulumi.StringOutput `output:"resourceGroupName"`
	LogAnalyticsWorkspaceID  pulumi.StringOutput `output:"logAnalyticsWorkspaceId"`
	ApplicationClientID      pulumi.StringOutput `output:"applicationClientId"`
	ApplicationObjectID      pulumi.StringOutput `output:"applicationObjectId"`
	ServicePrincipalObjectID pulumi.StringOutput `output:"servicePrincipalObjectId"`
	CredentialExpiresAt      pulumi.StringOutput `output:"credentialExpiresAt"`
	CredentialSlotAIssuedAt  pulumi.StringOutput `output:"credentialSlotAIssuedAt"`
	CredentialSlotAExpiresAt pulumi.StringOutput `output:"credentialSlotAExpiresAt"`
	CredentialSlotBIssuedAt  pulumi.StringOutput `output:"credentialSlotBIssuedAt"`
	CredentialSlotBExpiresAt pulumi.StringOutput `output:"credentialSlotBExpiresAt"`
	KeyVaultName             pulumi.StringOutput `output:"keyVaultName"`
	KeyVaultURI              pulumi.StringOutput `output:"keyVaultUri"`
	ClientSecretName         pulumi.StringOutput `output:"clientSecretName"`
	ClientSecretURI          pulumi.StringOutput `output:"clientSecretUri"`
	AppConfigName            pulumi.StringOutput `output:"appConfigName"`
	AppConfigEndpoint        pulumi.StringOutput `output:"appConfigEndpoint"`
	MLWorkspaceName          pulumi.StringOutput `output:"mlWorkspaceName"`
	MLWorkspaceID            pulumi.StringOutput `output:"mlWorkspaceId"`
	MLWorkspaceDiscoveryURL  pulumi.StringOutput `output:"mlWorkspaceDiscoveryUrl"`
	ContainerRegistryServer  pulumi.StringOutput `output:"containerRegistryLoginServer"`
	AzureVnetName            pulumi.StringOutput `output:"azureVnetName"`
	GCPProject               pulumi.StringOutput `output:"gcpProject"`
	GCPNetworkName           pulumi.StringOutput `output:"gcpNetworkName"`
	GCPSubnetName            pulumi.StringOutput `output:"gcpSubnetName"`
	GKEClusterName           pulumi.StringOutput `output:"gkeClusterName"`
	GKELocation              pulumi.StringOutput `output:"gkeLocation"`
	GKEEndpoint              pulumi.StringOutput `output:"gkeEndpoint"`
	GKECACertificate         pulumi.StringOutput `output:"gkeCaCertificate"`
	GKEOIDCIssuer            pulumi.StringOutput `output:"gkeOidcIssuer"`
	WorkloadIdentityPool     pulumi.StringOutput `output:"workloadIdentityPool"`
	MeshMembership           pulumi.StringOutput `output:"meshMembership"`
	MicroserviceNamespace    pulumi.StringOutput `output:"microserviceNamespace"`
	MicroserviceKSA          pulumi.StringOutput `output:"microserviceServiceAccount"`
	MicroserviceGSAEmail     pulumi.StringOutput `output:"microserviceGoogleServiceAccount"`
	// Kubeconfig stays a secret in the consumer too.
	Kubeconfig pulumi.StringOutput `output:"kubeconfig"`
	// EntryURL and EntryIPAddress are the microservice's public entry.
	EntryURL       pulumi.StringOutput `output:"entryUrl"`
	EntryIPAddress pulumi.StringOutput `output:"entryIpAddress"`
}

// Read references the platform stack (e.g. "acme/mlplatform/prod") and returns its outputs,
// typed. The reference is registered under name.
func Read(ctx *pulumi.Context, name, stack string, opts ...pulumi.ResourceOption) (*Platform, *pulumi.StackReference, error) {
	ref, err := pulumi.NewStackReference(ctx, name, &pulumi.StackReferenceArgs{Name: pulumi.String(stack)}, opts...)
	if err != nil {
		return nil, nil, err
	}
	p := &Platform{}
	v := reflect.ValueOf(p).Elem()
	for i := 0; i < v.NumField(); i++ {
		tag := v.Type().Field(i).Tag.Get("output")
		if tag == "" {
			return nil, nil, fmt.Errorf("contract.Platform.%s has no output tag", v.Type().Field(i).Name)
		}
		v.Field(i).Set(reflect.ValueOf(ref.GetStringOutput(pulumi.String(tag))))
	}
	return p, ref, nil
}
