package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Resource group, Log Analytics and Application Insights tokens (the default tokens of
// resources/v2, operationalinsights/v2 and insights/v2 at v2.90.0; the Private Link Scope
// pair uses the stable 2021-09-01 API of insights/v2/v20210901).
const (
	ResourceGroupToken             = "azure-native:resources:ResourceGroup"
	LogAnalyticsWorkspaceToken     = "azure-native:operationalinsights:Workspace"
	ComponentToken                 = "azure-native:insights:Component"
	DiagnosticSettingToken         = "azure-native:insights:DiagnosticSetting"
	PrivateLinkScopeToken          = "azure-native:insights/v20210901:PrivateLinkScope"
	PrivateLinkScopedResourceToken = "azure-native:insights/v20210901:PrivateLinkScopedResource"
)

// AccessModePrivateOnly is the official AccessModePrivateOnly of insights/v2/v20210901.
const AccessModePrivateOnly = "PrivateOnly"

// Alias lists of the generated v2.90.0 constructors (resourceGroup.go, workspace.go,
// component.go, diagnosticSetting.go, v20210901/privateLinkScope.go and
// privateLinkScopedResource.go), in their order.
var (
	resourceGroupAliases = aliasesOf("azure-native:resources", "ResourceGroup",
		"v20151101", "v20160201", "v20160701", "v20160901", "v20170510", "v20180201", "v20180501", "v20190301",
		"v20190501", "v20190510", "v20190701", "v20190801", "v20191001", "v20200601", "v20200801", "v20201001",
		"v20210101", "v20210401", "v20220901", "v20230701", "v20240301", "v20240701", "v20241101")
	logAnalyticsWorkspaceAliases = aliasesOf("azure-native:operationalinsights", "Workspace",
		"v20151101preview", "v20200301preview", "v20200801", "v20201001", "v20210601", "v20211201preview",
		"v20221001", "v20230901", "v20250201")
	componentAliases         = aliasesOf("azure-native:insights", "Component", "v20150501", "v20180501preview", "v20200202", "v20200202preview")
	diagnosticSettingAliases = aliasesOf("azure-native:insights", "DiagnosticSetting", "v20170501preview", "v20210501preview")
	privateLinkScopeAliases  = aliasesOf("azure-native:insights", "PrivateLinkScope",
		"v20191017preview", "v20210701preview", "v20230601preview", "")
	privateLinkScopedResourceAliases = aliasesOf("azure-native:insights", "PrivateLinkScopedResource",
		"v20191017preview", "v20210701preview", "v20230601preview", "")
)

// ResourceGroup is a resource group; Name and Location are as ARM reports them.
type ResourceGroup struct {
	pulumi.CustomResourceState

	Location pulumi.StringOutput `pulumi:"location"`
	Name     pulumi.StringOutput `pulumi:"name"`
}

// ResourceGroupArgs are the inputs of NewResourceGroup (none required).
type ResourceGroupArgs struct {
	Location          pulumi.StringPtrInput
	ResourceGroupName pulumi.StringPtrInput
	Tags              pulumi.StringMapInput
}

type resourceGroupArgs struct {
	Location          *string           `pulumi:"location"`
	ResourceGroupName *string           `pulumi:"resourceGroupName"`
	Tags              map[string]string `pulumi:"tags"`
}

func (ResourceGroupArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*resourceGroupArgs)(nil)).Elem()
}

// NewResourceGroup registers a resource group (default token, API 2022-09-01). As the
// generated constructor, it takes nil args as empty ones.
func NewResourceGroup(ctx *pulumi.Context, name string, args *ResourceGroupArgs, opts ...pulumi.ResourceOption) (*ResourceGroup, error) {
	if args == nil {
		args = &ResourceGroupArgs{}
	}
	var resource ResourceGroup
	if err := register(ctx, ResourceGroupToken, name, *args, &resource, resourceGroupAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// LogAnalyticsWorkspace is operationalinsights' Workspace (named apart from the ML Workspace).
type LogAnalyticsWorkspace struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// LogAnalyticsWorkspaceArgs are the inputs of NewLogAnalyticsWorkspace (ResourceGroupName required).
type LogAnalyticsWorkspaceArgs struct {
	Features                        *LogAnalyticsWorkspaceFeaturesArgs
	Location                        pulumi.StringPtrInput
	PublicNetworkAccessForIngestion pulumi.StringPtrInput
	PublicNetworkAccessForQuery     pulumi.StringPtrInput
	ResourceGroupName               pulumi.StringInput
	RetentionInDays                 pulumi.IntPtrInput
	Sku                             *LogAnalyticsWorkspaceSkuArgs
	Tags                            pulumi.StringMapInput
	WorkspaceName                   pulumi.StringPtrInput
}

type logAnalyticsWorkspaceArgs struct {
	Features                        *logAnalyticsWorkspaceFeatures `pulumi:"features"`
	Location                        *string                        `pulumi:"location"`
	PublicNetworkAccessForIngestion *string                        `pulumi:"publicNetworkAccessForIngestion"`
	PublicNetworkAccessForQuery     *string                        `pulumi:"publicNetworkAccessForQuery"`
	ResourceGroupName               string                         `pulumi:"resourceGroupName"`
	RetentionInDays                 *int                           `pulumi:"retentionInDays"`
	Sku                             *logAnalyticsWorkspaceSku      `pulumi:"sku"`
	Tags                            map[string]string              `pulumi:"tags"`
	WorkspaceName                   *string                        `pulumi:"workspaceName"`
}

func (LogAnalyticsWorkspaceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*logAnalyticsWorkspaceArgs)(nil)).Elem()
}

// LogAnalyticsWorkspaceFeaturesArgs is the official WorkspaceFeaturesArgs, bound part.
type LogAnalyticsWorkspaceFeaturesArgs struct {
	DisableLocalAuth                            pulumi.BoolPtrInput
	EnableLogAccessUsingOnlyResourcePermissions pulumi.BoolPtrInput
}

type logAnalyticsWorkspaceFeatures struct {
	DisableLocalAuth                            *bool `pulumi:"disableLocalAuth"`
	EnableLogAccessUsingOnlyResourcePermissions *bool `pulumi:"enableLogAccessUsingOnlyResourcePermissions"`
}

func (LogAnalyticsWorkspaceFeaturesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*logAnalyticsWorkspaceFeatures)(nil)).Elem()
}

// LogAnalyticsWorkspaceSkuArgs is the official WorkspaceSkuArgs, bound part.
type LogAnalyticsWorkspaceSkuArgs struct {
	Name pulumi.StringInput
}

type logAnalyticsWorkspaceSku struct {
	Name string `pulumi:"name"`
}

func (LogAnalyticsWorkspaceSkuArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*logAnalyticsWorkspaceSku)(nil)).Elem()
}

// NewLogAnalyticsWorkspace registers a Log Analytics workspace (default token, API 2022-10-01).
func NewLogAnalyticsWorkspace(ctx *pulumi.Context, name string, args *LogAnalyticsWorkspaceArgs, opts ...pulumi.ResourceOption) (*LogAnalyticsWorkspace, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource LogAnalyticsWorkspace
	if err := register(ctx, LogAnalyticsWorkspaceToken, name, *args, &resource, logAnalyticsWorkspaceAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
