package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// BlobServiceProperties are a storage account's blob service settings.
type BlobServiceProperties struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// BlobServicePropertiesArgs are the inputs of NewBlobServiceProperties (AccountName and
// ResourceGroupName required).
type BlobServicePropertiesArgs struct {
	AccountName                    pulumi.StringInput
	BlobServicesName               pulumi.StringPtrInput
	ContainerDeleteRetentionPolicy *DeleteRetentionPolicyArgs
	DeleteRetentionPolicy          *DeleteRetentionPolicyArgs
	IsVersioningEnabled            pulumi.BoolPtrInput
	ResourceGroupName              pulumi.StringInput
}

type blobServicePropertiesArgs struct {
	AccountName                    string                 `pulumi:"accountName"`
	BlobServicesName               *string                `pulumi:"blobServicesName"`
	ContainerDeleteRetentionPolicy *deleteRetentionPolicy `pulumi:"containerDeleteRetentionPolicy"`
	DeleteRetentionPolicy          *deleteRetentionPolicy `pulumi:"deleteRetentionPolicy"`
	IsVersioningEnabled            *bool                  `pulumi:"isVersioningEnabled"`
	ResourceGroupName              string                 `pulumi:"resourceGroupName"`
}

func (BlobServicePropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*blobServicePropertiesArgs)(nil)).Elem()
}

// DeleteRetentionPolicyArgs keeps deleted items recoverable for Days.
type DeleteRetentionPolicyArgs struct {
	Days    pulumi.IntPtrInput
	Enabled pulumi.BoolPtrInput
}

type deleteRetentionPolicy struct {
	Days    *int  `pulumi:"days"`
	Enabled *bool `pulumi:"enabled"`
}

func (DeleteRetentionPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*deleteRetentionPolicy)(nil)).Elem()
}

// NewBlobServiceProperties registers blob service settings (default token, API 2022-09-01).
func NewBlobServiceProperties(ctx *pulumi.Context, name string, args *BlobServicePropertiesArgs, opts ...pulumi.ResourceOption) (*BlobServiceProperties, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("AccountName", args == nil || args.AccountName == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource BlobServiceProperties
	if err := register(ctx, BlobServicePropertiesToken, name, *args, &resource, blobServicePropertiesAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// FileServiceProperties are a storage account's file service settings.
type FileServiceProperties struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// FileServicePropertiesArgs are the inputs of NewFileServiceProperties (AccountName and
// ResourceGroupName required).
type FileServicePropertiesArgs struct {
	AccountName                pulumi.StringInput
	FileServicesName           pulumi.StringPtrInput
	ResourceGroupName          pulumi.StringInput
	ShareDeleteRetentionPolicy *DeleteRetentionPolicyArgs
}

type fileServicePropertiesArgs struct {
	AccountName                string                 `pulumi:"accountName"`
	FileServicesName           *string                `pulumi:"fileServicesName"`
	ResourceGroupName          string                 `pulumi:"resourceGroupName"`
	ShareDeleteRetentionPolicy *deleteRetentionPolicy `pulumi:"shareDeleteRetentionPolicy"`
}

func (FileServicePropertiesArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*fileServicePropertiesArgs)(nil)).Elem()
}

// NewFileServiceProperties registers file service settings (default token, API 2022-09-01).
func NewFileServiceProperties(ctx *pulumi.Context, name string, args *FileServicePropertiesArgs, opts ...pulumi.ResourceOption) (*FileServiceProperties, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("AccountName", args == nil || args.AccountName == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource FileServiceProperties
	if err := register(ctx, FileServicePropertiesToken, name, *args, &resource, fileServicePropertiesAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// ManagementPolicy is a storage account's lifecycle policy.
type ManagementPolicy struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// ManagementPolicyArgs are the inputs of NewManagementPolicy (AccountName, Policy and
// ResourceGroupName required).
type ManagementPolicyArgs struct {
	AccountName          pulumi.StringInput
	ManagementPolicyName pulumi.StringPtrInput
	Policy               *ManagementPolicySchemaArgs
	ResourceGroupName    pulumi.StringInput
}

type managementPolicyArgs struct {
	AccountName          string                 `pulumi:"accountName"`
	ManagementPolicyName *string                `pulumi:"managementPolicyName"`
	Policy               managementPolicySchema `pulumi:"policy"`
	ResourceGroupName    string                 `pulumi:"resourceGroupName"`
}

func (ManagementPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementPolicyArgs)(nil)).Elem()
}

// ManagementPolicySchemaArgs holds the policy's rules.
type ManagementPolicySchemaArgs struct {
	Rules []ManagementPolicyRuleArgs
}

type managementPolicySchema struct {
	Rules []managementPolicyRule `pulumi:"rules"`
}

func (ManagementPolicySchemaArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementPolicySchema)(nil)).Elem()
}

// ManagementPolicyRuleArgs is one lifecycle rule (Type is "Lifecycle"). Definition and its
// Actions are pointers so that one left out is not sent, as with the official interface
// inputs (a struct value would go out as {}).
type ManagementPolicyRuleArgs struct {
	Definition *ManagementPolicyDefinitionArgs
	Enabled    pulumi.BoolPtrInput
	Name       pulumi.StringInput
	Type       pulumi.StringInput
}

type managementPolicyRule struct {
	Definition *managementPolicyDefinition `pulumi:"definition"`
	Enabled    *bool                       `pulumi:"enabled"`
	Name       string                      `pulumi:"name"`
	Type       string                      `pulumi:"type"`
}

func (ManagementPolicyRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementPolicyRule)(nil)).Elem()
}

// ManagementPolicyDefinitionArgs are a rule's filters and actions.
type ManagementPolicyDefinitionArgs struct {
	Actions *ManagementPolicyActionArgs
	Filters *ManagementPolicyFilterArgs
}

type managementPolicyDefinition struct {
	Actions *managementPolicyAction `pulumi:"actions"`
	Filters *managementPolicyFilter `pulumi:"filters"`
}

func (ManagementPolicyDefinitionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementPolicyDefinition)(nil)).Elem()
}

// ManagementPolicyFilterArgs selects the blobs a rule acts on.
type ManagementPolicyFilterArgs struct {
	BlobTypes pulumi.StringArrayInput
}

type managementPolicyFilter struct {
	BlobTypes []string `pulumi:"blobTypes"`
}

func (ManagementPolicyFilterArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementPolicyFilter)(nil)).Elem()
}

// ManagementPolicyActionArgs are a rule's actions (only on previous versions here).
type ManagementPolicyActionArgs struct {
	Version *ManagementPolicyVersionArgs
}

type managementPolicyAction struct {
	Version *managementPolicyVersion `pulumi:"version"`
}

func (ManagementPolicyActionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementPolicyAction)(nil)).Elem()
}

// ManagementPolicyVersionArgs act on previous blob versions.
type ManagementPolicyVersionArgs struct {
	Delete *DateAfterCreationArgs
}

type managementPolicyVersion struct {
	Delete *dateAfterCreation `pulumi:"delete"`
}

func (ManagementPolicyVersionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*managementPolicyVersion)(nil)).Elem()
}

// DateAfterCreationArgs triggers an action a number of days after a version was written.
type DateAfterCreationArgs struct {
	DaysAfterCreationGreaterThan pulumi.Float64Input
}

type dateAfterCreation struct {
	DaysAfterCreationGreaterThan float64 `pulumi:"daysAfterCreationGreaterThan"`
}

func (DateAfterCreationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*dateAfterCreation)(nil)).Elem()
}

// NewManagementPolicy registers a lifecycle policy (default token, API 2022-09-01).
func NewManagementPolicy(ctx *pulumi.Context, name string, args *ManagementPolicyArgs, opts ...pulumi.ResourceOption) (*ManagementPolicy, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("AccountName", args == nil || args.AccountName == nil),
		bindingargs.Arg("Policy", args == nil || args.Policy == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource ManagementPolicy
	if err := register(ctx, ManagementPolicyToken, name, *args, &resource, managementPolicyAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
