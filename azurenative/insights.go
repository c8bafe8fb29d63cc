package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Component is an Application Insights component. ConnectionString is not a secret output of
// the official resource either; the platform marks it with AdditionalSecretOutputs.
type Component struct {
	pulumi.CustomResourceState

	ConnectionString pulumi.StringOutput `pulumi:"connectionString"`
	Name             pulumi.StringOutput `pulumi:"name"`
}

// ComponentArgs are the inputs of NewComponent (Kind and ResourceGroupName required).
type ComponentArgs struct {
	ApplicationType                 pulumi.StringInput
	DisableLocalAuth                pulumi.BoolPtrInput
	FlowType                        pulumi.StringPtrInput
	IngestionMode                   pulumi.StringPtrInput
	Kind                            pulumi.StringInput
	Location                        pulumi.StringPtrInput
	PublicNetworkAccessForIngestion pulumi.StringPtrInput
	PublicNetworkAccessForQuery     pulumi.StringPtrInput
	RequestSource                   pulumi.StringPtrInput
	ResourceGroupName               pulumi.StringInput
	ResourceName                    pulumi.StringPtrInput
	Tags                            pulumi.StringMapInput
	WorkspaceResourceId             pulumi.StringPtrInput
}

type componentArgs struct {
	ApplicationType                 string            `pulumi:"applicationType"`
	DisableLocalAuth                *bool             `pulumi:"disableLocalAuth"`
	FlowType                        *string           `pulumi:"flowType"`
	IngestionMode                   *string           `pulumi:"ingestionMode"`
	Kind                            string            `pulumi:"kind"`
	Location                        *string           `pulumi:"location"`
	PublicNetworkAccessForIngestion *string           `pulumi:"publicNetworkAccessForIngestion"`
	PublicNetworkAccessForQuery     *string           `pulumi:"publicNetworkAccessForQuery"`
	RequestSource                   *string           `pulumi:"requestSource"`
	ResourceGroupName               string            `pulumi:"resourceGroupName"`
	ResourceName                    *string           `pulumi:"resourceName"`
	Tags                            map[string]string `pulumi:"tags"`
	WorkspaceResourceId             *string           `pulumi:"workspaceResourceId"`
}

func (ComponentArgs) ElementType() reflect.Type { return reflect.TypeOf((*componentArgs)(nil)).Elem() }

// NewComponent registers an Application Insights component (default token, API 2020-02-02).
func NewComponent(ctx *pulumi.Context, name string, args *ComponentArgs, opts ...pulumi.ResourceOption) (*Component, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("Kind", args == nil || args.Kind == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	a := *args
	// The same client-side defaults as the generated SDK.
	if a.ApplicationType == nil {
		a.ApplicationType = pulumi.String("web")
	}
	if a.FlowType == nil {
		a.FlowType = pulumi.StringPtr("Bluefield")
	}
	if a.IngestionMode == nil {
		a.IngestionMode = pulumi.StringPtr("LogAnalytics")
	}
	if a.RequestSource == nil {
		a.RequestSource = pulumi.StringPtr("rest")
	}
	var resource Component
	if err := register(ctx, ComponentToken, name, a, &resource, componentAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// DiagnosticSetting sends a resource's logs and metrics to a destination.
type DiagnosticSetting struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// DiagnosticSettingArgs are the inputs of NewDiagnosticSetting (ResourceUri required).
type DiagnosticSettingArgs struct {
	LogAnalyticsDestinationType pulumi.StringPtrInput
	Logs                        []LogSettingsArgs
	Metrics                     []MetricSettingsArgs
	Name                        pulumi.StringPtrInput
	ResourceUri                 pulumi.StringInput
	WorkspaceId                 pulumi.StringPtrInput
}

type diagnosticSettingArgs struct {
	LogAnalyticsDestinationType *string          `pulumi:"logAnalyticsDestinationType"`
	Logs                        []logSettings    `pulumi:"logs"`
	Metrics                     []metricSettings `pulumi:"metrics"`
	Name                        *string          `pulumi:"name"`
	ResourceUri                 string           `pulumi:"resourceUri"`
	WorkspaceId                 *string          `pulumi:"workspaceId"`
}

func (DiagnosticSettingArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*diagnosticSettingArgs)(nil)).Elem()
}

// LogSettingsArgs enables one log category or category group.
type LogSettingsArgs struct {
	Category      pulumi.StringPtrInput
	CategoryGroup pulumi.StringPtrInput
	Enabled       pulumi.BoolInput
}

type logSettings struct {
	Category      *string `pulumi:"category"`
	CategoryGroup *string `pulumi:"categoryGroup"`
	Enabled       bool    `pulumi:"enabled"`
}

func (LogSettingsArgs) ElementType() reflect.Type { return reflect.TypeOf((*logSettings)(nil)).Elem() }

// MetricSettingsArgs enables one metric category.
type MetricSettingsArgs struct {
	Category pulumi.StringPtrInput
	Enabled  pulumi.BoolInput
}

type metricSettings struct {
	Category *string `pulumi:"category"`
	Enabled  bool    `pulumi:"enabled"`
}

func (MetricSettingsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*metricSettings)(nil)).Elem()
}

// NewDiagnosticSetting registers a diagnostic setting (default token, API 2021-05-01-preview).
func NewDiagnosticSetting(ctx *pulumi.Context, name string, args *DiagnosticSettingArgs, opts ...pulumi.ResourceOption) (*DiagnosticSetting, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceUri", args == nil || args.ResourceUri == nil)); err != nil {
		return nil, err
	}
	var resource DiagnosticSetting
	if err := register(ctx, DiagnosticSettingToken, name, *args, &resource, diagnosticSettingAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// PrivateLinkScope is an Azure Monitor Private Link Scope (API 2021-09-01).
type PrivateLinkScope struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// PrivateLinkScopeArgs are the inputs of NewPrivateLinkScope (AccessModeSettings and
// ResourceGroupName required).
type PrivateLinkScopeArgs struct {
	AccessModeSettings *AccessModeSettingsArgs
	Location           pulumi.StringPtrInput
	ResourceGroupName  pulumi.StringInput
	ScopeName          pulumi.StringPtrInput
	Tags               pulumi.StringMapInput
}

type privateLinkScopeArgs struct {
	AccessModeSettings accessModeSettings `pulumi:"accessModeSettings"`
	Location           *string            `pulumi:"location"`
	ResourceGroupName  string             `pulumi:"resourceGroupName"`
	ScopeName          *string            `pulumi:"scopeName"`
	Tags               map[string]string  `pulumi:"tags"`
}

func (PrivateLinkScopeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*privateLinkScopeArgs)(nil)).Elem()
}

// AccessModeSettingsArgs are the scope's ingestion and query access modes.
type AccessModeSettingsArgs struct {
	IngestionAccessMode pulumi.StringInput
	QueryAccessMode     pulumi.StringInput
}

type accessModeSettings struct {
	IngestionAccessMode string `pulumi:"ingestionAccessMode"`
	QueryAccessMode     string `pulumi:"queryAccessMode"`
}

func (AccessModeSettingsArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*accessModeSettings)(nil)).Elem()
}

// NewPrivateLinkScope registers an Azure Monitor Private Link Scope (token of API 2021-09-01).
func NewPrivateLinkScope(ctx *pulumi.Context, name string, args *PrivateLinkScopeArgs, opts ...pulumi.ResourceOption) (*PrivateLinkScope, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("AccessModeSettings", args == nil || args.AccessModeSettings == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource PrivateLinkScope
	if err := register(ctx, PrivateLinkScopeToken, name, *args, &resource, privateLinkScopeAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// PrivateLinkScopedResource joins a resource to a Private Link Scope.
type PrivateLinkScopedResource struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// PrivateLinkScopedResourceArgs are the inputs of NewPrivateLinkScopedResource
// (ResourceGroupName and ScopeName required).
type PrivateLinkScopedResourceArgs struct {
	LinkedResourceId  pulumi.StringPtrInput
	Name              pulumi.StringPtrInput
	ResourceGroupName pulumi.StringInput
	ScopeName         pulumi.StringInput
}

type privateLinkScopedResourceArgs struct {
	LinkedResourceId  *string `pulumi:"linkedResourceId"`
	Name              *string `pulumi:"name"`
	ResourceGroupName string  `pulumi:"resourceGroupName"`
	ScopeName         string  `pulumi:"scopeName"`
}

func (PrivateLinkScopedResourceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*privateLinkScopedResourceArgs)(nil)).Elem()
}

// NewPrivateLinkScopedResource registers a scoped resource (token of API 2021-09-01).
func NewPrivateLinkScopedResource(ctx *pulumi.Context, name string, args *PrivateLinkScopedResourceArgs, opts ...pulumi.ResourceOption) (*PrivateLinkScopedResource, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil),
		bindingargs.Arg("ScopeName", args == nil || args.ScopeName == nil)); err != nil {
		return nil, err
	}
	var resource PrivateLinkScopedResource
	if err := register(ctx, PrivateLinkScopedResourceToken, name, *args, &resource, privateLinkScopedResourceAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
