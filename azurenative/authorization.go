package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi-azure-native-sdk/v2/utilities"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Authorization tokens (default tokens of authorization/v2@v2.90.0; RoleAssignment is API
// 2022-04-01).
const (
	RoleAssignmentToken  = "azure-native:authorization:RoleAssignment"
	GetClientConfigToken = "azure-native:authorization:getClientConfig"
)

// The generated roleAssignment.go's alias list, in its order.
var roleAssignmentAliases = aliasesOf("azure-native:authorization", "RoleAssignment",
	"v20150701", "v20171001preview", "v20180101preview", "v20180901preview", "v20200301preview",
	"v20200401preview", "v20200801preview", "v20201001preview", "v20220401")

// RoleAssignment grants a role to a principal at a scope.
type RoleAssignment struct {
	pulumi.CustomResourceState

	CreatedOn pulumi.StringOutput `pulumi:"createdOn"`
	Name      pulumi.StringOutput `pulumi:"name"`
}

// RoleAssignmentArgs are the inputs of NewRoleAssignment (PrincipalId, RoleDefinitionId and
// Scope required).
type RoleAssignmentArgs struct {
	Description      pulumi.StringPtrInput
	PrincipalId      pulumi.StringInput
	PrincipalType    pulumi.StringPtrInput
	RoleDefinitionId pulumi.StringInput
	Scope            pulumi.StringInput
}

type roleAssignmentArgs struct {
	Description      *string `pulumi:"description"`
	PrincipalId      string  `pulumi:"principalId"`
	PrincipalType    *string `pulumi:"principalType"`
	RoleDefinitionId string  `pulumi:"roleDefinitionId"`
	Scope            string  `pulumi:"scope"`
}

func (RoleAssignmentArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*roleAssignmentArgs)(nil)).Elem()
}

// NewRoleAssignment registers a role assignment (default token, API 2022-04-01).
func NewRoleAssignment(ctx *pulumi.Context, name string, args *RoleAssignmentArgs, opts ...pulumi.ResourceOption) (*RoleAssignment, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("PrincipalId", args == nil || args.PrincipalId == nil),
		bindingargs.Arg("RoleDefinitionId", args == nil || args.RoleDefinitionId == nil),
		bindingargs.Arg("Scope", args == nil || args.Scope == nil)); err != nil {
		return nil, err
	}
	a := *args
	// The same client-side default as the generated SDK.
	if a.PrincipalType == nil {
		a.PrincipalType = pulumi.StringPtr("User")
	}
	var resource RoleAssignment
	if err := register(ctx, RoleAssignmentToken, name, a, &resource, roleAssignmentAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// GetClientConfigResult is the deploying identity, field for field the official result.
type GetClientConfigResult struct {
	ClientId       string `pulumi:"clientId"`
	ObjectId       string `pulumi:"objectId"`
	SubscriptionId string `pulumi:"subscriptionId"`
	TenantId       string `pulumi:"tenantId"`
}

// GetClientConfig invokes getClientConfig with the plugin pin of the generated function
// (utilities.PkgInvokeDefaultOpts).
func GetClientConfig(ctx *pulumi.Context, opts ...pulumi.InvokeOption) (*GetClientConfigResult, error) {
	var rv GetClientConfigResult
	if err := ctx.Invoke(GetClientConfigToken, nil, &rv, utilities.PkgInvokeDefaultOpts(opts)...); err != nil {
		return nil, err
	}
	return &rv, nil
}
