package azurenative

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Storage tokens (default tokens of storage/v2@v2.90.0, API 2022-09-01).
const (
	StorageAccountToken        = "azure-native:storage:StorageAccount"
	BlobServicePropertiesToken = "azure-native:storage:BlobServiceProperties"
	FileServicePropertiesToken = "azure-native:storage:FileServiceProperties"
	ManagementPolicyToken      = "azure-native:storage:ManagementPolicy"
)

// StorageActionAllow is the official storage ActionAllow (the only IP rule action).
const StorageActionAllow = "Allow"

// storageAPIVersions are the storage module's API versions in the order the generated alias
// lists name them; each list below is a tail of it.
var storageAPIVersions = []string{
	"v20150501preview", "v20150615", "v20160101", "v20160501", "v20161201", "v20170601", "v20171001",
	"v20180201", "v20180301preview", "v20180701", "v20181101", "v20190401", "v20190601", "v20200801preview",
	"v20210101", "v20210201", "v20210401", "v20210601", "v20210801", "v20210901", "v20220501", "v20220901",
	"v20230101", "v20230401", "v20230501", "v20240101",
}

// storageVersionsFrom is the tail of storageAPIVersions from first, skipping the versions in
// skip (the generated lists leave out APIs that did not have the resource).
func storageVersionsFrom(first string, skip ...string) []string {
	var out []string
	for _, v := range storageAPIVersions {
		if v >= first && !contains(skip, v) {
			out = append(out, v)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Alias lists of the generated storageAccount.go, blobServiceProperties.go,
// fileServiceProperties.go and managementPolicy.go.
var (
	storageAccountAliases        = aliasesOf("azure-native:storage", "StorageAccount", storageAPIVersions...)
	blobServicePropertiesAliases = aliasesOf("azure-native:storage", "BlobServiceProperties", storageVersionsFrom("v20180701")...)
	fileServicePropertiesAliases = aliasesOf("azure-native:storage", "FileServiceProperties", storageVersionsFrom("v20190401")...)
	managementPolicyAliases      = aliasesOf("azure-native:storage", "ManagementPolicy",
		storageVersionsFrom("v20180301preview", "v20180701")...)
)

// StorageAccount is a storage account.
type StorageAccount struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// StorageAccountArgs are the inputs of NewStorageAccount (Kind, ResourceGroupName and Sku
// required).
type StorageAccountArgs struct {
	AccountName                  pulumi.StringPtrInput
	AllowBlobPublicAccess        pulumi.BoolPtrInput
	AllowCrossTenantReplication  pulumi.BoolPtrInput
	AllowSharedKeyAccess         pulumi.BoolPtrInput
	DefaultToOAuthAuthentication pulumi.BoolPtrInput
	EnableHttpsTrafficOnly       pulumi.BoolPtrInput
	Encryption                   StorageEncryptionPtrInput
	IsLocalUserEnabled           pulumi.BoolPtrInput
	Kind                         pulumi.StringInput
	Location                     pulumi.StringPtrInput
	MinimumTlsVersion            pulumi.StringPtrInput
	NetworkRuleSet               StorageNetworkRuleSetPtrInput
	PublicNetworkAccess          pulumi.StringPtrInput
	ResourceGroupName            pulumi.StringInput
	SasPolicy                    SasPolicyPtrInput
	Sku                          *StorageSkuArgs
	Tags                         pulumi.StringMapInput
}

type storageAccountArgs struct {
	AccountName                  *string                `pulumi:"accountName"`
	AllowBlobPublicAccess        *bool                  `pulumi:"allowBlobPublicAccess"`
	AllowCrossTenantReplication  *bool                  `pulumi:"allowCrossTenantReplication"`
	AllowSharedKeyAccess         *bool                  `pulumi:"allowSharedKeyAccess"`
	DefaultToOAuthAuthentication *bool                  `pulumi:"defaultToOAuthAuthentication"`
	EnableHttpsTrafficOnly       *bool                  `pulumi:"enableHttpsTrafficOnly"`
	Encryption                   *storageEncryption     `pulumi:"encryption"`
	IsLocalUserEnabled           *bool                  `pulumi:"isLocalUserEnabled"`
	Kind                         string                 `pulumi:"kind"`
	Location                     *string                `pulumi:"location"`
	MinimumTlsVersion            *string                `pulumi:"minimumTlsVersion"`
	NetworkRuleSet               *storageNetworkRuleSet `pulumi:"networkRuleSet"`
	PublicNetworkAccess          *string                `pulumi:"publicNetworkAccess"`
	ResourceGroupName            string                 `pulumi:"resourceGroupName"`
	SasPolicy                    *sasPolicy             `pulumi:"sasPolicy"`
	Sku                          storageSku             `pulumi:"sku"`
	Tags                         map[string]string      `pulumi:"tags"`
}

func (StorageAccountArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*storageAccountArgs)(nil)).Elem()
}

// StorageSkuArgs is the account's SKU (Standard_LRS, Standard_ZRS, ...).
type StorageSkuArgs struct {
	Name pulumi.StringInput
}

type storageSku struct {
	Name string `pulumi:"name"`
}

func (StorageSkuArgs) ElementType() reflect.Type { return reflect.TypeOf((*storageSku)(nil)).Elem() }

// StorageEncryptionPtrInput is a StorageEncryptionArgs or an output of one (the account encryption).
type StorageEncryptionPtrInput interface {
	pulumi.Input
	ToStorageEncryptionPtrOutputWithContext(context.Context) StorageEncryptionPtrOutput
}

// StorageEncryptionArgs is the account's encryption at rest.
type StorageEncryptionArgs struct {
	KeySource                       pulumi.StringPtrInput
	RequireInfrastructureEncryption pulumi.BoolPtrInput
}

type storageEncryption struct {
	KeySource                       *string `pulumi:"keySource"`
	RequireInfrastructureEncryption *bool   `pulumi:"requireInfrastructureEncryption"`
}

// defaults is the official Encryption.Defaults().
func (v *storageEncryption) defaults() *storageEncryption {
	if v == nil {
		return nil
	}
	tmp := *v
	if tmp.KeySource == nil {
		tmp.KeySource = pulumi.StringRef("Microsoft.Storage")
	}
	return &tmp
}

func (StorageEncryptionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*storageEncryption)(nil)).Elem()
}

// ToStorageEncryptionPtrOutputWithContext is the generated conversion the SDK calls by name when it resolves
// the optional account encryption inside an apply.
func (i StorageEncryptionArgs) ToStorageEncryptionPtrOutputWithContext(ctx context.Context) StorageEncryptionPtrOutput {
	return toPtrOutput[storageEncryption](ctx, i).(StorageEncryptionPtrOutput)
}

type storageEncryptionOutput struct{ *pulumi.OutputState }

func (storageEncryptionOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*storageEncryption)(nil)).Elem()
}

// StorageEncryptionPtrOutput is an output of an optional account encryption.
type StorageEncryptionPtrOutput struct{ *pulumi.OutputState }

func (StorageEncryptionPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**storageEncryption)(nil)).Elem()
}

func (o StorageEncryptionPtrOutput) ToStorageEncryptionPtrOutputWithContext(context.Context) StorageEncryptionPtrOutput {
	return o
}

// StorageNetworkRuleSetPtrInput is a StorageNetworkRuleSetArgs or an output of one (the account firewall).
type StorageNetworkRuleSetPtrInput interface {
	pulumi.Input
	ToStorageNetworkRuleSetPtrOutputWithContext(context.Context) StorageNetworkRuleSetPtrOutput
}

// StorageNetworkRuleSetArgs is the account's firewall.
type StorageNetworkRuleSetArgs struct {
	Bypass        pulumi.StringPtrInput
	DefaultAction pulumi.StringInput
	IpRules       StorageIPRuleArrayInput
}

type storageNetworkRuleSet struct {
	Bypass        *string         `pulumi:"bypass"`
	DefaultAction string          `pulumi:"defaultAction"`
	IpRules       []storageIPRule `pulumi:"ipRules"`
}

// defaults is the official NetworkRuleSet.Defaults().
func (v *storageNetworkRuleSet) defaults() *storageNetworkRuleSet {
	if v == nil {
		return nil
	}
	tmp := *v
	if tmp.Bypass == nil {
		tmp.Bypass = pulumi.StringRef("AzureServices")
	}
	if tmp.DefaultAction == "" {
		tmp.DefaultAction = "Allow"
	}
	return &tmp
}

func (StorageNetworkRuleSetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*storageNetworkRuleSet)(nil)).Elem()
}

// ToStorageNetworkRuleSetPtrOutputWithContext is the generated conversion the SDK calls by name when it resolves
// the optional account firewall inside an apply.
func (i StorageNetworkRuleSetArgs) ToStorageNetworkRuleSetPtrOutputWithContext(ctx context.Context) StorageNetworkRuleSetPtrOutput {
	return toPtrOutput[storageNetworkRuleSet](ctx, i).(StorageNetworkRuleSetPtrOutput)
}

type storageNetworkRuleSetOutput struct{ *pulumi.OutputState }

func (storageNetworkRuleSetOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*storageNetworkRuleSet)(nil)).Elem()
}

// StorageNetworkRuleSetPtrOutput is an output of an optional account firewall.
type StorageNetworkRuleSetPtrOutput struct{ *pulumi.OutputState }

func (StorageNetworkRuleSetPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**storageNetworkRuleSet)(nil)).Elem()
}

func (o StorageNetworkRuleSetPtrOutput) ToStorageNetworkRuleSetPtrOutputWithContext(context.Context) StorageNetworkRuleSetPtrOutput {
	return o
}

// StorageIPRuleArgs allows one address or CIDR range through the account's firewall.
type StorageIPRuleArgs struct {
	Action           pulumi.StringPtrInput
	IPAddressOrRange pulumi.StringInput
}

type storageIPRule struct {
	Action           *string `pulumi:"action"`
	IPAddressOrRange string  `pulumi:"iPAddressOrRange"`
}

func (StorageIPRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*storageIPRule)(nil)).Elem()
}

// StorageIPRuleArray is a list of firewall rules: a named Input, as the SDK needs to resolve a
// list inside the constructor's apply.
type StorageIPRuleArray []StorageIPRuleArgs

// StorageIPRuleArrayInput is a StorageIPRuleArray. The field is an interface, as in the generated
// SDK, so that a list left out is not sent at all: a nil slice resolved inside the
// constructor's apply would go out as [].
type StorageIPRuleArrayInput interface {
	pulumi.Input
	storageIPRules()
}

func (StorageIPRuleArray) storageIPRules() {}

func (StorageIPRuleArray) ElementType() reflect.Type {
	return reflect.TypeOf((*[]storageIPRule)(nil)).Elem()
}

// SasPolicyPtrInput is a SasPolicyArgs or an output of one (the account SAS policy).
type SasPolicyPtrInput interface {
	pulumi.Input
	ToSasPolicyPtrOutputWithContext(context.Context) SasPolicyPtrOutput
}

// SasPolicyArgs is the account's SAS expiry policy.
type SasPolicyArgs struct {
	ExpirationAction    pulumi.StringInput
	SasExpirationPeriod pulumi.StringInput
}

type sasPolicy struct {
	ExpirationAction    string `pulumi:"expirationAction"`
	SasExpirationPeriod string `pulumi:"sasExpirationPeriod"`
}

// defaults is the official SasPolicy.Defaults().
func (v *sasPolicy) defaults() *sasPolicy {
	if v == nil {
		return nil
	}
	tmp := *v
	if tmp.ExpirationAction == "" {
		tmp.ExpirationAction = "Log"
	}
	return &tmp
}

func (SasPolicyArgs) ElementType() reflect.Type { return reflect.TypeOf((*sasPolicy)(nil)).Elem() }

// ToSasPolicyPtrOutputWithContext is the generated conversion the SDK calls by name when it resolves
// the optional SAS policy inside an apply.
func (i SasPolicyArgs) ToSasPolicyPtrOutputWithContext(ctx context.Context) SasPolicyPtrOutput {
	return toPtrOutput[sasPolicy](ctx, i).(SasPolicyPtrOutput)
}

type sasPolicyOutput struct{ *pulumi.OutputState }

func (sasPolicyOutput) ElementType() reflect.Type { return reflect.TypeOf((*sasPolicy)(nil)).Elem() }

// SasPolicyPtrOutput is an output of an optional SAS policy.
type SasPolicyPtrOutput struct{ *pulumi.OutputState }

func (SasPolicyPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**sasPolicy)(nil)).Elem()
}

func (o SasPolicyPtrOutput) ToSasPolicyPtrOutputWithContext(context.Context) SasPolicyPtrOutput {
	return o
}

// NewStorageAccount registers a storage account (default token, API 2022-09-01).
func NewStorageAccount(ctx *pulumi.Context, name string, args *StorageAccountArgs, opts ...pulumi.ResourceOption) (*StorageAccount, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("Kind", args == nil || args.Kind == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil),
		bindingargs.Arg("Sku", args == nil || args.Sku == nil)); err != nil {
		return nil, err
	}
	a := *args
	// As the generated constructor does: the nested arguments with defaults go out through
	// applies that fill them in.
	c := ctx.Context()
	if a.Encryption != nil {
		a.Encryption = a.Encryption.ToStorageEncryptionPtrOutputWithContext(c).
			ApplyT((*storageEncryption).defaults).(StorageEncryptionPtrOutput)
	}
	if a.NetworkRuleSet != nil {
		a.NetworkRuleSet = a.NetworkRuleSet.ToStorageNetworkRuleSetPtrOutputWithContext(c).
			ApplyT((*storageNetworkRuleSet).defaults).(StorageNetworkRuleSetPtrOutput)
	}
	if a.SasPolicy != nil {
		a.SasPolicy = a.SasPolicy.ToSasPolicyPtrOutputWithContext(c).ApplyT((*sasPolicy).defaults).(SasPolicyPtrOutput)
	}
	var resource StorageAccount
	if err := register(ctx, StorageAccountToken, name, a, &resource, storageAccountAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

func init() {
	pulumi.RegisterOutputType(storageEncryptionOutput{})
	pulumi.RegisterOutputType(StorageEncryptionPtrOutput{})
	pulumi.RegisterOutputType(storageNetworkRuleSetOutput{})
	pulumi.RegisterOutputType(StorageNetworkRuleSetPtrOutput{})
	pulumi.RegisterOutputType(sasPolicyOutput{})
	pulumi.RegisterOutputType(SasPolicyPtrOutput{})
}
