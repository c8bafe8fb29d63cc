package azurenative

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Key Vault tokens (default tokens of keyvault/v2@v2.90.0, API 2023-02-01).
const (
	VaultToken  = "azure-native:keyvault:Vault"
	SecretToken = "azure-native:keyvault:Secret"
)

// Alias lists of the generated vault.go and secret.go, in their order.
var (
	vaultAliases = aliasesOf("azure-native:keyvault", "Vault",
		"v20150601", "v20161001", "v20180214", "v20180214preview", "v20190901", "v20200401preview",
		"v20210401preview", "v20210601preview", "v20211001", "v20211101preview", "v20220201preview", "v20220701",
		"v20221101", "v20230201", "v20230701", "v20240401preview", "v20241101", "v20241201preview")
	secretAliases = aliasesOf("azure-native:keyvault", "Secret",
		"v20161001", "v20180214", "v20180214preview", "v20190901", "v20200401preview", "v20210401preview",
		"v20210601preview", "v20211001", "v20211101preview", "v20220201preview", "v20220701", "v20221101",
		"v20230201", "v20230701", "v20240401preview", "v20241101", "v20241201preview")
)

// Vault is a key vault; Properties.VaultUri() is its data-plane URI.
type Vault struct {
	pulumi.CustomResourceState

	Name       pulumi.StringOutput           `pulumi:"name"`
	Properties VaultPropertiesResponseOutput `pulumi:"properties"`
}

// VaultArgs are the inputs of NewVault (Properties and ResourceGroupName required).
type VaultArgs struct {
	Location          pulumi.StringPtrInput
	Properties        VaultPropertiesInput
	ResourceGroupName pulumi.StringInput
	Tags              pulumi.StringMapInput
	VaultName         pulumi.StringPtrInput
}

type vaultArgs struct {
	Location          *string           `pulumi:"location"`
	Properties        vaultProperties   `pulumi:"properties"`
	ResourceGroupName string            `pulumi:"resourceGroupName"`
	Tags              map[string]string `pulumi:"tags"`
	VaultName         *string           `pulumi:"vaultName"`
}

func (VaultArgs) ElementType() reflect.Type { return reflect.TypeOf((*vaultArgs)(nil)).Elem() }

// VaultPropertiesInput is a VaultPropertiesArgs or an output of one.
type VaultPropertiesInput interface {
	pulumi.Input
	ToVaultPropertiesOutput() VaultPropertiesOutput
}

// VaultPropertiesArgs are the vault's properties (TenantId and Sku required by Azure).
type VaultPropertiesArgs struct {
	EnablePurgeProtection        pulumi.BoolPtrInput
	EnableRbacAuthorization      pulumi.BoolPtrInput
	EnableSoftDelete             pulumi.BoolPtrInput
	EnabledForDeployment         pulumi.BoolPtrInput
	EnabledForDiskEncryption     pulumi.BoolPtrInput
	EnabledForTemplateDeployment pulumi.BoolPtrInput
	NetworkAcls                  *VaultNetworkRuleSetArgs
	PublicNetworkAccess          pulumi.StringPtrInput
	Sku                          VaultSkuArgs
	SoftDeleteRetentionInDays    pulumi.IntPtrInput
	TenantId                     pulumi.StringInput
}

type vaultProperties struct {
	EnablePurgeProtection        *bool                `pulumi:"enablePurgeProtection"`
	EnableRbacAuthorization      *bool                `pulumi:"enableRbacAuthorization"`
	EnableSoftDelete             *bool                `pulumi:"enableSoftDelete"`
	EnabledForDeployment         *bool                `pulumi:"enabledForDeployment"`
	EnabledForDiskEncryption     *bool                `pulumi:"enabledForDiskEncryption"`
	EnabledForTemplateDeployment *bool                `pulumi:"enabledForTemplateDeployment"`
	NetworkAcls                  *vaultNetworkRuleSet `pulumi:"networkAcls"`
	PublicNetworkAccess          *string              `pulumi:"publicNetworkAccess"`
	Sku                          vaultSku             `pulumi:"sku"`
	SoftDeleteRetentionInDays    *int                 `pulumi:"softDeleteRetentionInDays"`
	TenantId                     string               `pulumi:"tenantId"`
}

// defaults is the official VaultProperties.Defaults().
func (v vaultProperties) defaults() vaultProperties {
	if v.EnableRbacAuthorization == nil {
		v.EnableRbacAuthorization = pulumi.BoolRef(false)
	}
	if v.EnableSoftDelete == nil {
		v.EnableSoftDelete = pulumi.BoolRef(true)
	}
	if v.PublicNetworkAccess == nil {
		v.PublicNetworkAccess = pulumi.StringRef("enabled")
	}
	if v.SoftDeleteRetentionInDays == nil {
		v.SoftDeleteRetentionInDays = pulumi.IntRef(90)
	}
	return v
}

func (VaultPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*vaultProperties)(nil)).Elem()
}

func (i VaultPropertiesArgs) ToVaultPropertiesOutput() VaultPropertiesOutput {
	return pulumi.ToOutput(i).(VaultPropertiesOutput)
}

// VaultPropertiesOutput is an output of vault properties.
type VaultPropertiesOutput struct{ *pulumi.OutputState }

func (VaultPropertiesOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*vaultProperties)(nil)).Elem()
}

func (o VaultPropertiesOutput) ToVaultPropertiesOutput() VaultPropertiesOutput { return o }

// VaultSkuArgs is the vault's SKU (family "A", name "standard" or "premium").
type VaultSkuArgs struct {
	Family pulumi.StringInput
	Name   pulumi.StringInput
}

type vaultSku struct {
	Family string `pulumi:"family"`
	Name   string `pulumi:"name"`
}

func (VaultSkuArgs) ElementType() reflect.Type { return reflect.TypeOf((*vaultSku)(nil)).Elem() }

// VaultNetworkRuleSetArgs is the vault's firewall.
type VaultNetworkRuleSetArgs struct {
	Bypass        pulumi.StringPtrInput
	DefaultAction pulumi.StringPtrInput
	IpRules       VaultIPRuleArrayInput
}

type vaultNetworkRuleSet struct {
	Bypass        *string       `pulumi:"bypass"`
	DefaultAction *string       `pulumi:"defaultAction"`
	IpRules       []vaultIPRule `pulumi:"ipRules"`
}

func (VaultNetworkRuleSetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*vaultNetworkRuleSet)(nil)).Elem()
}

// ToVaultNetworkRuleSetPtrOutput lets the SDK convert the optional firewall while it
// resolves the vault properties inside the constructor's apply.
func (i VaultNetworkRuleSetArgs) ToVaultNetworkRuleSetPtrOutputWithContext(ctx context.Context) VaultNetworkRuleSetPtrOutput {
	return toPtrOutput[vaultNetworkRuleSet](ctx, i).(VaultNetworkRuleSetPtrOutput)
}

type vaultNetworkRuleSetOutput struct{ *pulumi.OutputState }

func (vaultNetworkRuleSetOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*vaultNetworkRuleSet)(nil)).Elem()
}

// VaultNetworkRuleSetPtrOutput is an output of an optional vault firewall.
type VaultNetworkRuleSetPtrOutput struct{ *pulumi.OutputState }

func (VaultNetworkRuleSetPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**vaultNetworkRuleSet)(nil)).Elem()
}

// VaultIPRuleArgs allows one address or CIDR range through the vault's firewall.
type VaultIPRuleArgs struct {
	Value pulumi.StringInput
}

type vaultIPRule struct {
	Value string `pulumi:"value"`
}

func (VaultIPRuleArgs) ElementType() reflect.Type { return reflect.TypeOf((*vaultIPRule)(nil)).Elem() }

// VaultIPRuleArray is a list of firewall rules: a named Input, as the SDK needs to resolve a
// list inside the constructor's apply.
type VaultIPRuleArray []VaultIPRuleArgs

// VaultIPRuleArrayInput is a VaultIPRuleArray. The field is an interface, as in the generated
// SDK, so that a list left out is not sent at all: a nil slice resolved inside the
// constructor's apply would go out as [].
type VaultIPRuleArrayInput interface {
	pulumi.Input
	vaultIPRules()
}

func (VaultIPRuleArray) vaultIPRules() {}

func (VaultIPRuleArray) ElementType() reflect.Type {
	return reflect.TypeOf((*[]vaultIPRule)(nil)).Elem()
}

// VaultPropertiesResponse is the part of the vault's reported properties the platform reads.
type VaultPropertiesResponse struct {
	VaultUri string `pulumi:"vaultUri"`
}

// VaultPropertiesResponseOutput is an output of the vault's reported properties.
type VaultPropertiesResponseOutput struct{ *pulumi.OutputState }

func (VaultPropertiesResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*VaultPropertiesResponse)(nil)).Elem()
}

// VaultUri is the vault's data-plane URI, ending in a slash.
func (o VaultPropertiesResponseOutput) VaultUri() pulumi.StringOutput {
	return o.ApplyT(func(v VaultPropertiesResponse) string { return v.VaultUri }).(pulumi.StringOutput)
}

// NewVault registers a key vault (default token, API 2023-02-01).
func NewVault(ctx *pulumi.Context, name string, args *VaultArgs, opts ...pulumi.ResourceOption) (*Vault, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("Properties", args == nil || args.Properties == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	a := *args
	// As the generated constructor does: the properties go out through an apply with the
	// official defaults filled in.
	a.Properties = a.Properties.ToVaultPropertiesOutput().ApplyT(vaultProperties.defaults).(VaultPropertiesOutput)
	var resource Vault
	if err := register(ctx, VaultToken, name, a, &resource, vaultAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// Secret is a key vault secret, written through ARM.
type Secret struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// SecretArgs are the inputs of NewSecret (Properties, ResourceGroupName and VaultName required).
type SecretArgs struct {
	Properties        *SecretPropertiesArgs
	ResourceGroupName pulumi.StringInput
	SecretName        pulumi.StringPtrInput
	Tags              pulumi.StringMapInput
	VaultName         pulumi.StringInput
}

type secretArgs struct {
	Properties        secretProperties  `pulumi:"properties"`
	ResourceGroupName string            `pulumi:"resourceGroupName"`
	SecretName        *string           `pulumi:"secretName"`
	Tags              map[string]string `pulumi:"tags"`
	VaultName         string            `pulumi:"vaultName"`
}

func (SecretArgs) ElementType() reflect.Type { return reflect.TypeOf((*secretArgs)(nil)).Elem() }

// SecretPropertiesArgs are the secret's value and metadata. The official resource does not
// mark Value secret; the caller passes a secret output.
type SecretPropertiesArgs struct {
	Attributes  *SecretAttributesArgs
	ContentType pulumi.StringPtrInput
	Value       pulumi.StringPtrInput
}

type secretProperties struct {
	Attributes  *secretAttributes `pulumi:"attributes"`
	ContentType *string           `pulumi:"contentType"`
	Value       *string           `pulumi:"value"`
}

func (SecretPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*secretProperties)(nil)).Elem()
}

// SecretAttributesArgs are the secret's enabled flag and validity window (Unix seconds).
type SecretAttributesArgs struct {
	Enabled   pulumi.BoolPtrInput
	Expires   pulumi.IntPtrInput
	NotBefore pulumi.IntPtrInput
}

type secretAttributes struct {
	Enabled   *bool `pulumi:"enabled"`
	Expires   *int  `pulumi:"expires"`
	NotBefore *int  `pulumi:"notBefore"`
}

func (SecretAttributesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*secretAttributes)(nil)).Elem()
}

// NewSecret registers a key vault secret (default token, API 2023-02-01).
func NewSecret(ctx *pulumi.Context, name string, args *SecretArgs, opts ...pulumi.ResourceOption) (*Secret, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("Properties", args == nil || args.Properties == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil),
		bindingargs.Arg("VaultName", args == nil || args.VaultName == nil)); err != nil {
		return nil, err
	}
	var resource Secret
	if err := register(ctx, SecretToken, name, *args, &resource, secretAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

func init() {
	pulumi.RegisterOutputType(VaultPropertiesOutput{})
	pulumi.RegisterOutputType(VaultPropertiesResponseOutput{})
	pulumi.RegisterOutputType(vaultNetworkRuleSetOutput{})
	pulumi.RegisterOutputType(VaultNetworkRuleSetPtrOutput{})
}
