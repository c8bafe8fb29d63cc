package azurenative

import (
	"context"
	"errors"
	"reflect"

	"github.com/pulumi/pulumi-azure-native-sdk/v2/utilities"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// WorkspaceToken is the versioned token of API 2024-10-01. The default token
// (azure-native:machinelearningservices:Workspace) is pinned to API 2023-04-01, whose schema
// has no managedNetwork or kind; 2024-10-01 is the newest stable (non-preview) API that has
// both, so the workspace's managed network is declared rather than left to portal defaults.
const WorkspaceToken = "azure-native:machinelearningservices/v20241001:Workspace"

// workspaceAliases is the alias list of the official v20241001 Workspace (pulumi-azure-native-sdk
// machinelearningservices/v20241001/workspace.go): every other API version plus the default token.
var workspaceAliases = aliasesOf("azure-native:machinelearningservices", "Workspace",
	"v20180301preview", "v20181119", "v20190501", "v20190601", "v20191101", "v20200101",
	"v20200218preview", "v20200301", "v20200401", "v20200501preview", "v20200515preview",
	"v20200601", "v20200801", "v20200901preview", "v20210101", "v20210301preview", "v20210401",
	"v20210701", "v20220101preview", "v20220201preview", "v20220501", "v20220601preview",
	"v20221001", "v20221001preview", "v20221201preview", "v20230201preview", "v20230401",
	"v20230401preview", "v20230601preview", "v20230801preview", "v20231001", "v20240101preview",
	"v20240401", "v20240401preview", "v20240701preview", "v20241001preview", "v20250101preview", "")

// Machine Learning enum values (API 2024-10-01).
const (
	ManagedServiceIdentityTypeNone           = "None"
	ManagedServiceIdentityTypeSystemAssigned = "SystemAssigned"
	ManagedServiceIdentityTypeUserAssigned   = "UserAssigned"
	// No space after the comma here, unlike App Configuration's IdentityType.
	ManagedServiceIdentityTypeSystemAssignedUserAssigned = "SystemAssigned,UserAssigned"

	SkuTierFree     = "Free"
	SkuTierBasic    = "Basic"
	SkuTierStandard = "Standard"
	SkuTierPremium  = "Premium"
	// WorkspaceSkuBasic is the only SKU name to use: Enterprise is retired and Basic has all of
	// its features.
	WorkspaceSkuBasic = "Basic"

	IsolationModeDisabled                  = "Disabled"
	IsolationModeAllowInternetOutbound     = "AllowInternetOutbound"
	IsolationModeAllowOnlyApprovedOutbound = "AllowOnlyApprovedOutbound"
)

// Workspace is an Azure Machine Learning workspace.
type Workspace struct {
	pulumi.CustomResourceState

	AllowPublicAccessWhenBehindVnet pulumi.BoolPtrOutput                    `pulumi:"allowPublicAccessWhenBehindVnet"`
	ApplicationInsights             pulumi.StringPtrOutput                  `pulumi:"applicationInsights"`
	ContainerRegistry               pulumi.StringPtrOutput                  `pulumi:"containerRegistry"`
	Description                     pulumi.StringPtrOutput                  `pulumi:"description"`
	DiscoveryUrl                    pulumi.StringPtrOutput                  `pulumi:"discoveryUrl"`
	FriendlyName                    pulumi.StringPtrOutput                  `pulumi:"friendlyName"`
	HbiWorkspace                    pulumi.BoolPtrOutput                    `pulumi:"hbiWorkspace"`
	Identity                        IdentityResponsePtrOutput               `pulumi:"identity"`
	KeyVault                        pulumi.StringPtrOutput                  `pulumi:"keyVault"`
	Kind                            pulumi.StringPtrOutput                  `pulumi:"kind"`
	Location                        pulumi.StringPtrOutput                  `pulumi:"location"`
	ManagedNetwork                  ManagedNetworkSettingsResponsePtrOutput `pulumi:"managedNetwork"`
	MlFlowTrackingUri               pulumi.StringOutput                     `pulumi:"mlFlowTrackingUri"`
	Name                            pulumi.StringOutput                     `pulumi:"name"`
	PrivateLinkCount                pulumi.IntOutput                        `pulumi:"privateLinkCount"`
	ProvisioningState               pulumi.StringOutput                     `pulumi:"provisioningState"`
	PublicNetworkAccess             pulumi.StringPtrOutput                  `pulumi:"publicNetworkAccess"`
	Sku                             WorkspaceSkuResponsePtrOutput           `pulumi:"sku"`
	StorageAccount                  pulumi.StringPtrOutput                  `pulumi:"storageAccount"`
	Tags                            pulumi.StringMapOutput                  `pulumi:"tags"`
	TenantId                        pulumi.StringOutput                     `pulumi:"tenantId"`
	Type                            pulumi.StringOutput                     `pulumi:"type"`
	V1LegacyMode                    pulumi.BoolPtrOutput                    `pulumi:"v1LegacyMode"`
	// WorkspaceId is the workspace's immutable GUID (not its ARM id, which is ID()).
	WorkspaceId pulumi.StringOutput `pulumi:"workspaceId"`
}

// workspaceArgs is the wire shape: its tags are the property names the provider receives.
type workspaceArgs struct {
	AllowPublicAccessWhenBehindVnet *bool                   `pulumi:"allowPublicAccessWhenBehindVnet"`
	ApplicationInsights             *string                 `pulumi:"applicationInsights"`
	ContainerRegistry               *string                 `pulumi:"containerRegistry"`
	Description                     *string                 `pulumi:"description"`
	FriendlyName                    *string                 `pulumi:"friendlyName"`
	HbiWorkspace                    *bool                   `pulumi:"hbiWorkspace"`
	Identity                        *managedServiceIdentity `pulumi:"identity"`
	KeyVault                        *string                 `pulumi:"keyVault"`
	Kind                            *string                 `pulumi:"kind"`
	Location                        *string                 `pulumi:"location"`
	ManagedNetwork                  *managedNetworkSettings `pulumi:"managedNetwork"`
	PublicNetworkAccess             *string                 `pulumi:"publicNetworkAccess"`
	ResourceGroupName               string                  `pulumi:"resourceGroupName"`
	Sku                             *workspaceSku           `pulumi:"sku"`
	StorageAccount                  *string                 `pulumi:"storageAccount"`
	Tags                            map[string]string       `pulumi:"tags"`
	V1LegacyMode                    *bool                   `pulumi:"v1LegacyMode"`
	WorkspaceName                   *string                 `pulumi:"workspaceName"`
}

// WorkspaceArgs are the inputs of NewWorkspace. ResourceGroupName is required.
type WorkspaceArgs struct {
	AllowPublicAccessWhenBehindVnet pulumi.BoolPtrInput
	// ApplicationInsights, ContainerRegistry, KeyVault and StorageAccount are ARM ids; the key
	// vault and storage account cannot change after creation.
	ApplicationInsights pulumi.StringPtrInput
	ContainerRegistry   pulumi.StringPtrInput
	Description         pulumi.StringPtrInput
	FriendlyName        pulumi.StringPtrInput
	HbiWorkspace        pulumi.BoolPtrInput
	Identity            *ManagedServiceIdentityArgs
	KeyVault            pulumi.StringPtrInput
	Kind                pulumi.StringPtrInput
	Location            pulumi.StringPtrInput
	ManagedNetwork      *ManagedNetworkSettingsArgs
	PublicNetworkAccess pulumi.StringPtrInput
	ResourceGroupName   pulumi.StringInput
	Sku                 *WorkspaceSkuArgs
	StorageAccount      pulumi.StringPtrInput
	Tags                pulumi.StringMapInput
	V1LegacyMode        pulumi.BoolPtrInput
	WorkspaceName       pulumi.StringPtrInput
}

func (WorkspaceArgs) ElementType() reflect.Type { return reflect.TypeOf((*workspaceArgs)(nil)).Elem() }

// NewWorkspace registers a Machine Learning workspace (API 2024-10-01).
func NewWorkspace(ctx *pulumi.Context, name string, args *WorkspaceArgs, opts ...pulumi.ResourceOption) (*Workspace, error) {
	if args == nil {
		return nil, errors.New("missing one or more required arguments")
	}
	a := *args // the caller's struct is not modified
	if a.ResourceGroupName == nil {
		return nil, errors.New("invalid value for required argument 'ResourceGroupName'")
	}
	if a.Sku != nil && a.Sku.Name == nil {
		return nil, errors.New("invalid value for required argument 'Sku.Name'")
	}
	if a.Identity != nil && a.Identity.Type == nil {
		return nil, errors.New("invalid value for required argument 'Identity.Type'")
	}
	// The same client-side defaults as the generated SDK, so a later swap shows no diff.
	if a.AllowPublicAccessWhenBehindVnet == nil {
		a.AllowPublicAccessWhenBehindVnet = pulumi.BoolPtr(false)
	}
	if a.HbiWorkspace == nil {
		a.HbiWorkspace = pulumi.BoolPtr(false)
	}
	if a.V1LegacyMode == nil {
		a.V1LegacyMode = pulumi.BoolPtr(false)
	}
	opts = utilities.PkgResourceDefaultOpts(append(opts, workspaceAliases))
	var resource Workspace
	if err := ctx.RegisterResource(WorkspaceToken, name, a, &resource, opts...); err != nil {
		return nil, err
	}
	return &resource, nil
}

// WorkspaceInput is the generated-pattern input interface of a Workspace.
type WorkspaceInput interface {
	pulumi.Input
	ToWorkspaceOutput() WorkspaceOutput
	ToWorkspaceOutputWithContext(ctx context.Context) WorkspaceOutput
}

func (*Workspace) ElementType() reflect.Type { return reflect.TypeOf((**Workspace)(nil)).Elem() }

func (i *Workspace) ToWorkspaceOutput() WorkspaceOutput {
	return i.ToWorkspaceOutputWithContext(context.Background())
}

func (i *Workspace) ToWorkspaceOutputWithContext(ctx context.Context) WorkspaceOutput {
	return pulumi.ToOutputWithContext(ctx, i).(WorkspaceOutput)
}

// WorkspaceOutput is an output holding a *Workspace.
type WorkspaceOutput struct{ *pulumi.OutputState }

func (WorkspaceOutput) ElementType() reflect.Type { return reflect.TypeOf((**Workspace)(nil)).Elem() }

func (o WorkspaceOutput) ToWorkspaceOutput() WorkspaceOutput { return o }

func (o WorkspaceOutput) ToWorkspaceOutputWithContext(context.Context) WorkspaceOutput { return o }

// WorkspaceSkuArgs is the workspace's sku (name required).
type WorkspaceSkuArgs struct {
	Name pulumi.StringInput
	Tier pulumi.StringPtrInput
}

type workspaceSku struct {
	Name string  `pulumi:"name"`
	Tier *string `pulumi:"tier"`
}

func (WorkspaceSkuArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*workspaceSku)(nil)).Elem()
}

// ManagedServiceIdentityArgs is the workspace identity (type required). Unlike ARM's map, the
// SDK takes a list of user-assigned identity ARM ids.
type ManagedServiceIdentityArgs struct {
	Type                   pulumi.StringInput
	UserAssignedIdentities pulumi.StringArrayInput
}

type managedServiceIdentity struct {
	Type                   string   `pulumi:"type"`
	UserAssignedIdentities []string `pulumi:"userAssignedIdentities"`
}

func (ManagedServiceIdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managedServiceIdentity)(nil)).Elem()
}

// ManagedNetworkSettingsArgs is the workspace's managed virtual network.
type ManagedNetworkSettingsArgs struct {
	IsolationMode pulumi.StringPtrInput
	// OutboundRules maps a rule name to its object ({type, category, destination, ...}).
	OutboundRules pulumi.MapInput
}

type managedNetworkSettings struct {
	IsolationMode *string                `pulumi:"isolationMode"`
	OutboundRules map[string]interface{} `pulumi:"outboundRules"`
}

func (ManagedNetworkSettingsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managedNetworkSettings)(nil)).Elem()
}

// WorkspaceSkuResponse is the sku the workspace reports.
type WorkspaceSkuResponse struct {
	Name string  `pulumi:"name"`
	Tier *string `pulumi:"tier"`
}

// WorkspaceSkuResponsePtrOutput is an output of an optional WorkspaceSkuResponse.
type WorkspaceSkuResponsePtrOutput struct{ *pulumi.OutputState }

func (WorkspaceSkuResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**WorkspaceSkuResponse)(nil)).Elem()
}

func (o WorkspaceSkuResponsePtrOutput) Name() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *WorkspaceSkuResponse) *string {
		if v == nil {
			return nil
		}
		return &v.Name
	}).(pulumi.StringPtrOutput)
}

func (o WorkspaceSkuResponsePtrOutput) Tier() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *WorkspaceSkuResponse) *string {
		if v == nil {
			return nil
		}
		return v.Tier
	}).(pulumi.StringPtrOutput)
}

// ManagedNetworkSettingsResponse is the managed network the workspace reports.
type ManagedNetworkSettingsResponse struct {
	IsolationMode *string `pulumi:"isolationMode"`
	NetworkId     string  `pulumi:"networkId"`
}

// ManagedNetworkSettingsResponsePtrOutput is an output of an optional ManagedNetworkSettingsResponse.
type ManagedNetworkSettingsResponsePtrOutput struct{ *pulumi.OutputState }

func (ManagedNetworkSettingsResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ManagedNetworkSettingsResponse)(nil)).Elem()
}

func (o ManagedNetworkSettingsResponsePtrOutput) IsolationMode() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *ManagedNetworkSettingsResponse) *string {
		if v == nil {
			return nil
		}
		return v.IsolationMode
	}).(pulumi.StringPtrOutput)
}

func (o ManagedNetworkSettingsResponsePtrOutput) NetworkId() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *ManagedNetworkSettingsResponse) *string {
		if v == nil {
			return nil
		}
		return &v.NetworkId
	}).(pulumi.StringPtrOutput)
}

func init() {
	pulumi.RegisterOutputType(WorkspaceOutput{})
	pulumi.RegisterOutputType(WorkspaceSkuResponsePtrOutput{})
	pulumi.RegisterOutputType(ManagedNetworkSettingsResponsePtrOutput{})
}
