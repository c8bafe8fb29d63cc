package azurenative

import (
	"context"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// RegistryToken is the container registry's default token in containerregistry/v2@v2.90.0
// (API 2022-12-01).
const RegistryToken = "azure-native:containerregistry:Registry"

// Enum values of the official module the platform uses (its string constants).
const (
	ExportPolicyStatusEnabled  = "enabled"
	ExportPolicyStatusDisabled = "disabled"
	PolicyStatusEnabled        = "enabled"
	ZoneRedundancyEnabled      = "Enabled"
)

// The generated registry.go's alias list, in its order.
var registryAliases = aliasesOf("azure-native:containerregistry", "Registry",
	"v20170301", "v20171001", "v20190501", "v20191201preview", "v20201101preview", "v20210601preview",
	"v20210801preview", "v20210901", "v20211201preview", "v20220201preview", "v20221201", "v20230101preview",
	"v20230601preview", "v20230701", "v20230801preview", "v20231101preview", "v20241101preview")

// Registry is a container registry; LoginServer is its registry host name.
type Registry struct {
	pulumi.CustomResourceState

	LoginServer pulumi.StringOutput `pulumi:"loginServer"`
	Name        pulumi.StringOutput `pulumi:"name"`
}

// RegistryArgs are the inputs of NewRegistry (ResourceGroupName and Sku required).
type RegistryArgs struct {
	AdminUserEnabled         pulumi.BoolPtrInput
	DataEndpointEnabled      pulumi.BoolPtrInput
	Location                 pulumi.StringPtrInput
	NetworkRuleBypassOptions pulumi.StringPtrInput
	NetworkRuleSet           RegistryNetworkRuleSetPtrInput
	Policies                 RegistryPoliciesPtrInput
	PublicNetworkAccess      pulumi.StringPtrInput
	RegistryName             pulumi.StringPtrInput
	ResourceGroupName        pulumi.StringInput
	Sku                      *RegistrySkuArgs
	Tags                     pulumi.StringMapInput
	ZoneRedundancy           pulumi.StringPtrInput
}

type registryArgs struct {
	AdminUserEnabled         *bool                   `pulumi:"adminUserEnabled"`
	DataEndpointEnabled      *bool                   `pulumi:"dataEndpointEnabled"`
	Location                 *string                 `pulumi:"location"`
	NetworkRuleBypassOptions *string                 `pulumi:"networkRuleBypassOptions"`
	NetworkRuleSet           *registryNetworkRuleSet `pulumi:"networkRuleSet"`
	Policies                 *registryPolicies       `pulumi:"policies"`
	PublicNetworkAccess      *string                 `pulumi:"publicNetworkAccess"`
	RegistryName             *string                 `pulumi:"registryName"`
	ResourceGroupName        string                  `pulumi:"resourceGroupName"`
	Sku                      registrySku             `pulumi:"sku"`
	Tags                     map[string]string       `pulumi:"tags"`
	ZoneRedundancy           *string                 `pulumi:"zoneRedundancy"`
}

func (RegistryArgs) ElementType() reflect.Type { return reflect.TypeOf((*registryArgs)(nil)).Elem() }

// RegistrySkuArgs is the registry's SKU (Basic, Standard or Premium).
type RegistrySkuArgs struct {
	Name pulumi.StringInput
}

type registrySku struct {
	Name string `pulumi:"name"`
}

func (RegistrySkuArgs) ElementType() reflect.Type { return reflect.TypeOf((*registrySku)(nil)).Elem() }

// RegistryNetworkRuleSetPtrInput is a RegistryNetworkRuleSetArgs or an output of one (the Premium firewall).
type RegistryNetworkRuleSetPtrInput interface {
	pulumi.Input
	ToRegistryNetworkRuleSetPtrOutputWithContext(context.Context) RegistryNetworkRuleSetPtrOutput
}

// RegistryNetworkRuleSetArgs is the registry's firewall (Premium only).
type RegistryNetworkRuleSetArgs struct {
	DefaultAction pulumi.StringInput
	IpRules       RegistryIPRuleArrayInput
}

type registryNetworkRuleSet struct {
	DefaultAction string           `pulumi:"defaultAction"`
	IpRules       []registryIPRule `pulumi:"ipRules"`
}

// defaults is the official NetworkRuleSet.Defaults().
func (v *registryNetworkRuleSet) defaults() *registryNetworkRuleSet {
	if v == nil {
		return nil
	}
	tmp := *v
	if tmp.DefaultAction == "" {
		tmp.DefaultAction = "Allow"
	}
	return &tmp
}

func (RegistryNetworkRuleSetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*registryNetworkRuleSet)(nil)).Elem()
}

// ToRegistryNetworkRuleSetPtrOutputWithContext is the generated conversion the SDK calls by name when it resolves
// the optional registry firewall inside an apply.
func (i RegistryNetworkRuleSetArgs) ToRegistryNetworkRuleSetPtrOutputWithContext(ctx context.Context) RegistryNetworkRuleSetPtrOutput {
	return toPtrOutput[registryNetworkRuleSet](ctx, i).(RegistryNetworkRuleSetPtrOutput)
}

type registryNetworkRuleSetOutput struct{ *pulumi.OutputState }

func (registryNetworkRuleSetOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*registryNetworkRuleSet)(nil)).Elem()
}

// RegistryNetworkRuleSetPtrOutput is an output of an optional registry firewall.
type RegistryNetworkRuleSetPtrOutput struct{ *pulumi.OutputState }

func (RegistryNetworkRuleSetPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**registryNetworkRuleSet)(nil)).Elem()
}

func (o RegistryNetworkRuleSetPtrOutput) ToRegistryNetworkRuleSetPtrOutputWithContext(context.Context) RegistryNetworkRuleSetPtrOutput {
	return o
}

// RegistryIPRuleArgs allows one address or CIDR range through the registry's firewall.
type RegistryIPRuleArgs struct {
	Action           pulumi.StringPtrInput
	IPAddressOrRange pulumi.StringInput
}

type registryIPRule struct {
	Action           *string `pulumi:"action"`
	IPAddressOrRange string  `pulumi:"iPAddressOrRange"`
}

func (RegistryIPRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*registryIPRule)(nil)).Elem()
}

// RegistryIPRuleArray is a list of firewall rules: a named Input, as the SDK needs to resolve
// a list inside the constructor's apply.
type RegistryIPRuleArray []RegistryIPRuleArgs

// RegistryIPRuleArrayInput is a RegistryIPRuleArray. The field is an interface, as in the generated
// SDK, so that a list left out is not sent at all: a nil slice resolved inside the
// constructor's apply would go out as [].
type RegistryIPRuleArrayInput interface {
	pulumi.Input
	registryIPRules()
}

func (RegistryIPRuleArray) registryIPRules() {}

func (RegistryIPRuleArray) ElementType() reflect.Type {
	return reflect.TypeOf((*[]registryIPRule)(nil)).Elem()
}

// RegistryPoliciesPtrInput is a RegistryPoliciesArgs or an output of one (the registry policies).
type RegistryPoliciesPtrInput interface {
	pulumi.Input
	ToRegistryPoliciesPtrOutputWithContext(context.Context) RegistryPoliciesPtrOutput
}

// RegistryPoliciesArgs are the registry's retention and export policies.
type RegistryPoliciesArgs struct {
	ExportPolicy    *RegistryExportPolicyArgs
	RetentionPolicy *RegistryRetentionPolicyArgs
}

type registryPolicies struct {
	ExportPolicy    *registryExportPolicy    `pulumi:"exportPolicy"`
	RetentionPolicy *registryRetentionPolicy `pulumi:"retentionPolicy"`
}

// defaults is the official Policies.Defaults() for the bound policies.
func (v *registryPolicies) defaults() *registryPolicies {
	if v == nil {
		return nil
	}
	tmp := *v
	if p := tmp.ExportPolicy; p != nil {
		c := *p
		if c.Status == nil {
			c.Status = pulumi.StringRef("enabled")
		}
		tmp.ExportPolicy = &c
	}
	if p := tmp.RetentionPolicy; p != nil {
		c := *p
		if c.Days == nil {
			c.Days = pulumi.IntRef(7)
		}
		if c.Status == nil {
			c.Status = pulumi.StringRef("disabled")
		}
		tmp.RetentionPolicy = &c
	}
	return &tmp
}

func (RegistryPoliciesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*registryPolicies)(nil)).Elem()
}

// ToRegistryPoliciesPtrOutputWithContext is the generated conversion the SDK calls by name when it resolves
// the optional registry policies inside an apply.
func (i RegistryPoliciesArgs) ToRegistryPoliciesPtrOutputWithContext(ctx context.Context) RegistryPoliciesPtrOutput {
	return toPtrOutput[registryPolicies](ctx, i).(RegistryPoliciesPtrOutput)
}

type registryPoliciesOutput struct{ *pulumi.OutputState }

func (registryPoliciesOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*registryPolicies)(nil)).Elem()
}

// RegistryPoliciesPtrOutput is an output of an optional registry policies.
type RegistryPoliciesPtrOutput struct{ *pulumi.OutputState }

func (RegistryPoliciesPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**registryPolicies)(nil)).Elem()
}

func (o RegistryPoliciesPtrOutput) ToRegistryPoliciesPtrOutputWithContext(context.Context) RegistryPoliciesPtrOutput {
	return o
}

// RegistryExportPolicyArgs allows or refuses exports of artifacts.
type RegistryExportPolicyArgs struct {
	Status pulumi.StringPtrInput
}

type registryExportPolicy struct {
	Status *string `pulumi:"status"`
}

func (RegistryExportPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*registryExportPolicy)(nil)).Elem()
}

// ToRegistryExportPolicyPtrOutputWithContext is the generated conversion the SDK calls by name when it resolves
// the optional export policy inside an apply.
func (i RegistryExportPolicyArgs) ToRegistryExportPolicyPtrOutputWithContext(ctx context.Context) RegistryExportPolicyPtrOutput {
	return toPtrOutput[registryExportPolicy](ctx, i).(RegistryExportPolicyPtrOutput)
}

type registryExportPolicyOutput struct{ *pulumi.OutputState }

func (registryExportPolicyOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*registryExportPolicy)(nil)).Elem()
}

// RegistryExportPolicyPtrOutput is an output of an optional export policy.
type RegistryExportPolicyPtrOutput struct{ *pulumi.OutputState }

func (RegistryExportPolicyPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**registryExportPolicy)(nil)).Elem()
}

func (o RegistryExportPolicyPtrOutput) ToRegistryExportPolicyPtrOutputWithContext(context.Context) RegistryExportPolicyPtrOutput {
	return o
}

// RegistryRetentionPolicyArgs purges untagged manifests after Days.
type RegistryRetentionPolicyArgs struct {
	Days   pulumi.IntPtrInput
	Status pulumi.StringPtrInput
}

type registryRetentionPolicy struct {
	Days   *int    `pulumi:"days"`
	Status *string `pulumi:"status"`
}

func (RegistryRetentionPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*registryRetentionPolicy)(nil)).Elem()
}

// ToRegistryRetentionPolicyPtrOutputWithContext is the generated conversion the SDK calls by name when it resolves
// the optional retention policy inside an apply.
func (i RegistryRetentionPolicyArgs) ToRegistryRetentionPolicyPtrOutputWithContext(ctx context.Context) RegistryRetentionPolicyPtrOutput {
	return toPtrOutput[registryRetentionPolicy](ctx, i).(RegistryRetentionPolicyPtrOutput)
}

type registryRetentionPolicyOutput struct{ *pulumi.OutputState }

func (registryRetentionPolicyOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*registryRetentionPolicy)(nil)).Elem()
}

// RegistryRetentionPolicyPtrOutput is an output of an optional retention policy.
type RegistryRetentionPolicyPtrOutput struct{ *pulumi.OutputState }

func (RegistryRetentionPolicyPtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**registryRetentionPolicy)(nil)).Elem()
}

func (o RegistryRetentionPolicyPtrOutput) ToRegistryRetentionPolicyPtrOutputWithContext(context.Context) RegistryRetentionPolicyPtrOutput {
	return o
}

// NewRegistry registers a container registry (default token, API 2022-12-01).
func NewRegistry(ctx *pulumi.Context, name string, args *RegistryArgs, opts ...pulumi.ResourceOption) (*Registry, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil),
		bindingargs.Arg("Sku", args == nil || args.Sku == nil)); err != nil {
		return nil, err
	}
	a := *args
	// The same client-side defaults as the generated SDK, nested ones through an apply.
	if a.AdminUserEnabled == nil {
		a.AdminUserEnabled = pulumi.BoolPtr(false)
	}
	if a.NetworkRuleBypassOptions == nil {
		a.NetworkRuleBypassOptions = pulumi.StringPtr("AzureServices")
	}
	if a.NetworkRuleSet != nil {
		a.NetworkRuleSet = a.NetworkRuleSet.ToRegistryNetworkRuleSetPtrOutputWithContext(ctx.Context()).
			ApplyT((*registryNetworkRuleSet).defaults).(RegistryNetworkRuleSetPtrOutput)
	}
	if a.Policies != nil {
		a.Policies = a.Policies.ToRegistryPoliciesPtrOutputWithContext(ctx.Context()).
			ApplyT((*registryPolicies).defaults).(RegistryPoliciesPtrOutput)
	}
	if a.PublicNetworkAccess == nil {
		a.PublicNetworkAccess = pulumi.StringPtr("Enabled")
	}
	if a.ZoneRedundancy == nil {
		a.ZoneRedundancy = pulumi.StringPtr("Disabled")
	}
	var resource Registry
	if err := register(ctx, RegistryToken, name, a, &resource, registryAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

func init() {
	pulumi.RegisterOutputType(registryNetworkRuleSetOutput{})
	pulumi.RegisterOutputType(RegistryNetworkRuleSetPtrOutput{})
	pulumi.RegisterOutputType(registryPoliciesOutput{})
	pulumi.RegisterOutputType(RegistryPoliciesPtrOutput{})
	pulumi.RegisterOutputType(registryExportPolicyOutput{})
	pulumi.RegisterOutputType(RegistryExportPolicyPtrOutput{})
	pulumi.RegisterOutputType(registryRetentionPolicyOutput{})
	pulumi.RegisterOutputType(RegistryRetentionPolicyPtrOutput{})
}
