package azurenative

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// aliasesOf builds the generated files' alias option: one Type alias per API version of
// module:typ, in the given order; "" stands for the default (unversioned) token.
func aliasesOf(module, typ string, versions ...string) pulumi.ResourceOption {
	aliases := make([]pulumi.Alias, 0, len(versions))
	for _, v := range versions {
		token := module + ":" + typ
		if v != "" {
			token = module + "/" + v + ":" + typ
		}
		aliases = append(aliases, pulumi.Alias{Type: pulumi.String(token)})
	}
	return pulumi.Aliases(aliases)
}

// IdentityResponse is a managed identity as both services report it (ML's
// ManagedServiceIdentityResponse and App Configuration's ResourceIdentityResponse share it).
type IdentityResponse struct {
	PrincipalId            string                                  `pulumi:"principalId"`
	TenantId               string                                  `pulumi:"tenantId"`
	Type                   string                                  `pulumi:"type"`
	UserAssignedIdentities map[string]UserAssignedIdentityResponse `pulumi:"userAssignedIdentities"`
}

// UserAssignedIdentityResponse is one user-assigned identity of a resource.
type UserAssignedIdentityResponse struct {
	ClientId    string `pulumi:"clientId"`
	PrincipalId string `pulumi:"principalId"`
}

// IdentityResponsePtrOutput is an output of an optional IdentityResponse.
type IdentityResponsePtrOutput struct{ *pulumi.OutputState }

func (IdentityResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**IdentityResponse)(nil)).Elem()
}

// PrincipalId is the system-assigned identity's object id (nil without an identity).
func (o IdentityResponsePtrOutput) PrincipalId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *IdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.PrincipalId
	}).(pulumi.StringPtrOutput)
}

func (o IdentityResponsePtrOutput) TenantId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *IdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.TenantId
	}).(pulumi.StringPtrOutput)
}

func (o IdentityResponsePtrOutput) Type() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *IdentityResponse) *string {
		if v == nil {
			return nil
		}
		return &v.Type
	}).(pulumi.StringPtrOutput)
}

func init() {
	pulumi.RegisterOutputType(IdentityResponsePtrOutput{})
}

// Tokens are the resource types the bindings register, for tools (the policy tests) that
// check a type token is real: the program does not link the official modules they stand for.
func Tokens() []string {
	return []string{WorkspaceToken, ConfigurationStoreToken, KeyValueToken,
		VirtualNetworkToken, NetworkSecurityGroupToken, SubnetToken, SubnetV20240501Token,
		PrivateEndpointToken, PrivateDnsZoneGroupToken, PrivateZoneToken, VirtualNetworkLinkToken,
		PublicIPAddressToken, VirtualNetworkGatewayToken, LocalNetworkGatewayToken,
		VirtualNetworkGatewayConnectionToken, DnsResolverToken, InboundEndpointToken,
		ResourceGroupToken, LogAnalyticsWorkspaceToken, ComponentToken, DiagnosticSettingToken,
		PrivateLinkScopeToken, PrivateLinkScopedResourceToken, RegistryToken, RoleAssignmentToken,
		StorageAccountToken, BlobServicePropertiesToken, FileServicePropertiesToken, ManagementPolicyToken,
		VaultToken, SecretToken}
}

// toPtrOutput is the generated ToXPtrOutputWithContext of an Args type: the input as an
// output of a pointer to its plain value T. The caller asserts the result to the registered
// XPtrOutput. The SDK finds that method by name ("To" + output type + "WithContext") when it
// resolves a nested optional argument inside an apply, as the constructors' defaults do.
func toPtrOutput[T any](ctx context.Context, in pulumi.Input) pulumi.Output {
	return pulumi.ToOutputWithContext(ctx, in).ApplyTWithContext(ctx, func(_ context.Context, v T) *T { return &v })
}
