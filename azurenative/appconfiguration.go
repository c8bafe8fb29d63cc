package azurenative

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"

	"github.com/pulumi/pulumi-azure-native-sdk/v2/utilities"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// App Configuration tokens of API 2024-05-01: the first API with dataPlaneProxy, without which
// ARM cannot write key-values into a store whose local (access-key) auth is disabled.
const (
	ConfigurationStoreToken = "azure-native:appconfiguration/v20240501:ConfigurationStore"
	KeyValueToken           = "azure-native:appconfiguration/v20240501:KeyValue"
	// GetKeyValueToken is the provider function reading one key-value through ARM
	// (appconfiguration/v20240501/getKeyValue.go in the official SDK).
	GetKeyValueToken = "azure-native:appconfiguration/v20240501:getKeyValue"
)

// Alias lists of the official v20240501 resources (appconfiguration/v20240501/*.go).
var (
	configurationStoreAliases = aliasesOf("azure-native:appconfiguration", "ConfigurationStore", "",
		"v20190201preview", "v20191001", "v20191101preview", "v20200601", "v20200701preview",
		"v20210301preview", "v20211001preview", "v20220301preview", "v20220501", "v20230301",
		"v20230801preview", "v20230901preview")
	keyValueAliases = aliasesOf("azure-native:appconfiguration", "KeyValue", "",
		"v20200701preview", "v20210301preview", "v20211001preview", "v20220301preview", "v20220501",
		"v20230301", "v20230801preview", "v20230901preview")
)

// App Configuration enum values (API 2024-05-01).
const (
	IdentityTypeNone           = "None"
	IdentityTypeSystemAssigned = "SystemAssigned"
	IdentityTypeUserAssigned   = "UserAssigned"
	// With a space after the comma, unlike Machine Learning's ManagedServiceIdentityType.
	IdentityTypeSystemAssignedUserAssigned = "SystemAssigned, UserAssigned"

	ConfigurationStoreSkuFree = "Free"
	// ConfigurationStoreSkuStandard is the tier with an SLA, private link and purge protection.
	ConfigurationStoreSkuStandard = "Standard"

	// AuthenticationModePassThrough makes ARM call the data plane with the caller's Entra
	// identity instead of an access key.
	AuthenticationModeLocal       = "Local"
	AuthenticationModePassThrough = "Pass-through"

	// PrivateLinkDelegationEnabled lets ARM reach a store that only accepts private traffic,
	// when the request itself came through an ARM private link.
	PrivateLinkDelegationEnabled  = "Enabled"
	PrivateLinkDelegationDisabled = "Disabled"

	// KeyVaultReferenceContentType marks a key-value whose value is {"uri":"<secret URI>"}:
	// App Configuration providers resolve it from Key Vault with the reader's own identity.
	KeyVaultReferenceContentType = "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8"
)

// keyPattern is a conservative key/label alphabet: '/' breaks the ARM resource name, '$'
// separates key from label, '%' is forbidden by the service, '?' and '#' end a URL path.
var keyPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:-]*$`)

// KeyValueName is the keyValueName of key under label: "key$label", or "key" without a label.
func KeyValueName(key, label string) (string, error) {
	if !keyPattern.MatchString(key) {
		return "", fmt.Errorf("App Configuration key %q: use letters, digits, '.', '_', '-' and ':' separators (no '/', '$' or '%%')", key)
	}
	if label == "" {
		return key, nil
	}
	if !keyPattern.MatchString(label) {
		return "", fmt.Errorf("App Configuration label %q: use letters, digits, '.', '_', '-' and ':'", label)
	}
	return key + "$" + label, nil
}

// ConfigurationStore is an App Configuration store.
type ConfigurationStore struct {
	pulumi.CustomResourceState

	CreationDate              pulumi.StringOutput                       `pulumi:"creationDate"`
	DataPlaneProxy            DataPlaneProxyPropertiesResponsePtrOutput `pulumi:"dataPlaneProxy"`
	DisableLocalAuth          pulumi.BoolPtrOutput                      `pulumi:"disableLocalAuth"`
	EnablePurgeProtection     pulumi.BoolPtrOutput                      `pulumi:"enablePurgeProtection"`
	Endpoint                  pulumi.StringOutput                       `pulumi:"endpoint"`
	Identity                  IdentityResponsePtrOutput                 `pulumi:"identity"`
	Location                  pulumi.StringOutput                       `pulumi:"location"`
	Name                      pulumi.StringOutput                       `pulumi:"name"`
	ProvisioningState         pulumi.StringOutput                       `pulumi:"provisioningState"`
	PublicNetworkAccess       pulumi.StringPtrOutput                    `pulumi:"publicNetworkAccess"`
	Sku                       ConfigurationStoreSkuResponseOutput       `pulumi:"sku"`
	SoftDeleteRetentionInDays pulumi.IntPtrOutput                       `pulumi:"softDeleteRetentionInDays"`
	Tags                      pulumi.StringMapOutput                    `pulumi:"tags"`
	Type                      pulumi.StringOutput                       `pulumi:"type"`
}

type configurationStoreArgs struct {
	ConfigStoreName           *string                   `pulumi:"configStoreName"`
	DataPlaneProxy            *dataPlaneProxyProperties `pulumi:"dataPlaneProxy"`
	DisableLocalAuth          *bool                     `pulumi:"disableLocalAuth"`
	EnablePurgeProtection     *bool                     `pulumi:"enablePurgeProtection"`
	Identity                  *resourceIdentity         `pulumi:"identity"`
	Location                  *string                   `pulumi:"location"`
	PublicNetworkAccess       *string                   `pulumi:"publicNetworkAccess"`
	ResourceGroupName         string                    `pulumi:"resourceGroupName"`
	Sku                       configurationStoreSku     `pulumi:"sku"`
	SoftDeleteRetentionInDays *int                      `pulumi:"softDeleteRetentionInDays"`
	Tags                      map[string]string         `pulumi:"tags"`
}

// ConfigurationStoreArgs are the inputs of NewConfigurationStore. ResourceGroupName and
// Sku.Name are required.
type ConfigurationStoreArgs struct {
	ConfigStoreName           pulumi.StringPtrInput
	DataPlaneProxy            *DataPlaneProxyPropertiesArgs
	DisableLocalAuth          pulumi.BoolPtrInput
	EnablePurgeProtection     pulumi.BoolPtrInput
	Identity                  *ResourceIdentityArgs
	Location                  pulumi.StringPtrInput
	PublicNetworkAccess       pulumi.StringPtrInput
	ResourceGroupName         pulumi.StringInput
	Sku                       *ConfigurationStoreSkuArgs
	SoftDeleteRetentionInDays pulumi.IntPtrInput
	Tags                      pulumi.StringMapInput
}

func (ConfigurationStoreArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*configurationStoreArgs)(nil)).Elem()
}

// NewConfigurationStore registers an App Configuration store (API 2024-05-01).
func NewConfigurationStore(ctx *pulumi.Context, name string, args *ConfigurationStoreArgs, opts ...pulumi.ResourceOption) (*ConfigurationStore, error) {
	if args == nil {
		return nil, errors.New("missing one or more required arguments")
	}
	a := *args
	if a.ResourceGroupName == nil {
		return nil, errors.New("invalid value for required argument 'ResourceGroupName'")
	}
	if a.Sku == nil || a.Sku.Name == nil {
		return nil, errors.New("invalid value for required argument 'Sku'")
	}
	// The same client-side defaults as the generated SDK.
	if a.DisableLocalAuth == nil {
		a.DisableLocalAuth = pulumi.BoolPtr(false)
	}
	if a.EnablePurgeProtection == nil {
		a.EnablePurgeProtection = pulumi.BoolPtr(false)
	}
	if a.SoftDeleteRetentionInDays == nil {
		a.SoftDeleteRetentionInDays = pulumi.IntPtr(7)
	}
	opts = utilities.PkgResourceDefaultOpts(append(opts, configurationStoreAliases))
	var resource ConfigurationStore
	if err := ctx.RegisterResource(ConfigurationStoreToken, name, a, &resource, opts...); err != nil {
		return nil, err
	}
	return &resource, nil
}

// ConfigurationStoreInput is the generated-pattern input interface of a ConfigurationStore.
type ConfigurationStoreInput interface {
	pulumi.Input
	ToConfigurationStoreOutput() ConfigurationStoreOutput
	ToConfigurationStoreOutputWithContext(ctx context.Context) ConfigurationStoreOutput
}

func (*ConfigurationStore) ElementType() reflect.Type {
	return reflect.TypeOf((**ConfigurationStore)(nil)).Elem()
}

func (i *ConfigurationStore) ToConfigurationStoreOutput() ConfigurationStoreOutput {
	return i.ToConfigurationStoreOutputWithContext(context.Background())
}

func (i *ConfigurationStore) ToConfigurationStoreOutputWithContext(ctx context.Context) ConfigurationStoreOutput {
	return pulumi.ToOutputWithContext(ctx, i).(ConfigurationStoreOutput)
}

// ConfigurationStoreOutput is an output holding a *ConfigurationStore.
type ConfigurationStoreOutput struct{ *pulumi.OutputState }

func (ConfigurationStoreOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**ConfigurationStore)(nil)).Elem()
}

func (o ConfigurationStoreOutput) ToConfigurationStoreOutput() ConfigurationStoreOutput { return o }

func (o ConfigurationStoreOutput) ToConfigurationStoreOutputWithContext(context.Context) ConfigurationStoreOutput {
	return o
}

// ConfigurationStoreSkuArgs is the store's sku (name required).
type ConfigurationStoreSkuArgs struct {
	Name pulumi.StringInput
}

type configurationStoreSku struct {
	Name string `pulumi:"name"`
}

func (ConfigurationStoreSkuArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*configurationStoreSku)(nil)).Elem()
}

// ResourceIdentityArgs is the store identity; UserAssignedIdentities lists ARM ids.
type ResourceIdentityArgs struct {
	Type                   pulumi.StringPtrInput
	UserAssignedIdentities pulumi.StringArrayInput
}

type resourceIdentity struct {
	Type                   *string  `pulumi:"type"`
	UserAssignedIdentities []string `pulumi:"userAssignedIdentities"`
}

func (ResourceIdentityArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*resourceIdentity)(nil)).Elem()
}

// DataPlaneProxyPropertiesArgs controls how ARM reaches the store's data plane.
type DataPlaneProxyPropertiesArgs struct {
	AuthenticationMode    pulumi.StringPtrInput
	PrivateLinkDelegation pulumi.StringPtrInput
}

type dataPlaneProxyProperties struct {
	AuthenticationMode    *string `pulumi:"authenticationMode"`
	PrivateLinkDelegation *string `pulumi:"privateLinkDelegation"`
}

func (DataPlaneProxyPropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*dataPlaneProxyProperties)(nil)).Elem()
}

// ConfigurationStoreSkuResponse is the sku the store reports.
type ConfigurationStoreSkuResponse struct {
	Name string `pulumi:"name"`
}

// ConfigurationStoreSkuResponseOutput is an output of a ConfigurationStoreSkuResponse.
type ConfigurationStoreSkuResponseOutput struct{ *pulumi.OutputState }

func (ConfigurationStoreSkuResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*ConfigurationStoreSkuResponse)(nil)).Elem()
}

func (o ConfigurationStoreSkuResponseOutput) Name() pulumi.StringOutput {
	return o.ApplyT(func(v ConfigurationStoreSkuResponse) string { return v.Name }).(pulumi.StringOutput)
}

// DataPlaneProxyPropertiesResponse is the data-plane proxy setting the store reports.
type DataPlaneProxyPropertiesResponse struct {
	AuthenticationMode    *string `pulumi:"authenticationMode"`
	PrivateLinkDelegation *string `pulumi:"privateLinkDelegation"`
}

// DataPlaneProxyPropertiesResponsePtrOutput is an output of an optional DataPlaneProxyPropertiesResponse.
type DataPlaneProxyPropertiesResponsePtrOutput struct{ *pulumi.OutputState }

func (DataPlaneProxyPropertiesResponsePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**DataPlaneProxyPropertiesResponse)(nil)).Elem()
}

func (o DataPlaneProxyPropertiesResponsePtrOutput) AuthenticationMode() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *DataPlaneProxyPropertiesResponse) *string {
		if v == nil {
			return nil
		}
		return v.AuthenticationMode
	}).(pulumi.StringPtrOutput)
}

func (o DataPlaneProxyPropertiesResponsePtrOutput) PrivateLinkDelegation() pulumi.StringPtrOutput {
	return o.ApplyT(func(v *DataPlaneProxyPropertiesResponse) *string {
		if v == nil {
			return nil
		}
		return v.PrivateLinkDelegation
	}).(pulumi.StringPtrOutput)
}

// KeyValue is one key-value (or Key Vault reference) in an App Configuration store.
type KeyValue struct {
	pulumi.CustomResourceState

	ContentType  pulumi.StringPtrOutput `pulumi:"contentType"`
	ETag         pulumi.StringOutput    `pulumi:"eTag"`
	Key          pulumi.StringOutput    `pulumi:"key"`
	Label        pulumi.StringOutput    `pulumi:"label"`
	LastModified pulumi.StringOutput    `pulumi:"lastModified"`
	Locked       pulumi.BoolOutput      `pulumi:"locked"`
	Name         pulumi.StringOutput    `pulumi:"name"`
	Tags         pulumi.StringMapOutput `pulumi:"tags"`
	Type         pulumi.StringOutput    `pulumi:"type"`
	Value        pulumi.StringPtrOutput `pulumi:"value"`
}

type keyValueArgs struct {
	ConfigStoreName   string            `pulumi:"configStoreName"`
	ContentType       *string           `pulumi:"contentType"`
	KeyValueName      *string           `pulumi:"keyValueName"`
	ResourceGroupName string            `pulumi:"resourceGroupName"`
	Tags              map[string]string `pulumi:"tags"`
	Value             *string           `pulumi:"value"`
}

// KeyValueArgs are the inputs of NewKeyValue. ResourceGroupName and ConfigStoreName are
// required; set KeyValueName (see KeyValueName) rather than relying on auto-naming.
type KeyValueArgs struct {
	ConfigStoreName   pulumi.StringInput
	ContentType       pulumi.StringPtrInput
	KeyValueName      pulumi.StringPtrInput
	ResourceGroupName pulumi.StringInput
	Tags              pulumi.StringMapInput
	Value             pulumi.StringPtrInput
}

func (KeyValueArgs) ElementType() reflect.Type { return reflect.TypeOf((*keyValueArgs)(nil)).Elem() }

// NewKeyValue registers a key-value (API 2024-05-01).
func NewKeyValue(ctx *pulumi.Context, name string, args *KeyValueArgs, opts ...pulumi.ResourceOption) (*KeyValue, error) {
	if args == nil {
		return nil, errors.New("missing one or more required arguments")
	}
	if args.ConfigStoreName == nil {
		return nil, errors.New("invalid value for required argument 'ConfigStoreName'")
	}
	if args.ResourceGroupName == nil {
		return nil, errors.New("invalid value for required argument 'ResourceGroupName'")
	}
	opts = utilities.PkgResourceDefaultOpts(append(opts, keyValueAliases))
	var resource KeyValue
	if err := ctx.RegisterResource(KeyValueToken, name, *args, &resource, opts...); err != nil {
		return nil, err
	}
	return &resource, nil
}

// KeyValueInput is the generated-pattern input interface of a KeyValue.
type KeyValueInput interface {
	pulumi.Input
	ToKeyValueOutput() KeyValueOutput
	ToKeyValueOutputWithContext(ctx context.Context) KeyValueOutput
}

func (*KeyValue) ElementType() reflect.Type { return reflect.TypeOf((**KeyValue)(nil)).Elem() }

func (i *KeyValue) ToKeyValueOutput() KeyValueOutput {
	return i.ToKeyValueOutputWithContext(context.Background())
}

func (i *KeyValue) ToKeyValueOutputWithContext(ctx context.Context) KeyValueOutput {
	return pulumi.ToOutputWithContext(ctx, i).(KeyValueOutput)
}

// KeyValueOutput is an output holding a *KeyValue.
type KeyValueOutput struct{ *pulumi.OutputState }

func (KeyValueOutput) ElementType() reflect.Type { return reflect.TypeOf((**KeyValue)(nil)).Elem() }

func (o KeyValueOutput) ToKeyValueOutput() KeyValueOutput { return o }

func (o KeyValueOutput) ToKeyValueOutputWithContext(context.Context) KeyValueOutput { return o }

// LookupKeyValueArgs names one key-value; all three are required.
type LookupKeyValueArgs struct {
	ConfigStoreName   string `pulumi:"configStoreName"`
	KeyValueName      string `pulumi:"keyValueName"`
	ResourceGroupName string `pulumi:"resourceGroupName"`
}

// LookupKeyValueResult is the part of the answer the platform reads. The official result also
// has value, contentType, eTag, lastModified, locked, tags, id and type; value is left out on
// purpose so that reading a key-value never brings its value into the program.
type LookupKeyValueResult struct {
	Key   string `pulumi:"key"`
	Label string `pulumi:"label"`
	Name  string `pulumi:"name"`
}

// LookupKeyValue reads one key-value through ARM (API 2024-05-01), as the official
// LookupKeyValue does: same token, wire names and plugin version (PkgInvokeDefaultOpts).
// With the store's dataPlaneProxy in Pass-through mode ARM reads it with the caller's
// identity, so the answer says whether the caller's data-plane grant is effective.
func LookupKeyValue(ctx *pulumi.Context, args *LookupKeyValueArgs, opts ...pulumi.InvokeOption) (*LookupKeyValueResult, error) {
	if args == nil || args.ConfigStoreName == "" || args.KeyValueName == "" || args.ResourceGroupName == "" {
		return nil, errors.New("azurenative.LookupKeyValue: ConfigStoreName, KeyValueName and ResourceGroupName are required")
	}
	var rv LookupKeyValueResult
	if err := ctx.Invoke(GetKeyValueToken, args, &rv, utilities.PkgInvokeDefaultOpts(opts)...); err != nil {
		return nil, err
	}
	return &rv, nil
}

func init() {
	pulumi.RegisterOutputType(ConfigurationStoreOutput{})
	pulumi.RegisterOutputType(ConfigurationStoreSkuResponseOutput{})
	pulumi.RegisterOutputType(DataPlaneProxyPropertiesResponsePtrOutput{})
	pulumi.RegisterOutputType(KeyValueOutput{})
}
