package kubenative

import (
	"reflect"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// ClusterRole is an rbac.authorization.k8s.io/v1 ClusterRole.
type ClusterRole struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// ClusterRoleArgs are the inputs of NewClusterRole (none required).
type ClusterRoleArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	Rules      PolicyRuleArray
}

type clusterRoleArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
	Rules      []policyRule       `pulumi:"rules"`
}

func (ClusterRoleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*clusterRoleArgs)(nil)).Elem()
}

// PolicyRuleArray is a role's rules.
type PolicyRuleArray []*PolicyRuleArgs

// PolicyRuleArgs grants verbs on named resources.
type PolicyRuleArgs struct {
	ApiGroups     pulumi.StringArrayInput
	ResourceNames pulumi.StringArrayInput
	Resources     pulumi.StringArrayInput
	Verbs         pulumi.StringArrayInput
}

type policyRule struct {
	ApiGroups     []string `pulumi:"apiGroups"`
	ResourceNames []string `pulumi:"resourceNames"`
	Resources     []string `pulumi:"resources"`
	Verbs         []string `pulumi:"verbs"`
}

func (PolicyRuleArgs) ElementType() reflect.Type { return reflect.TypeOf((*policyRule)(nil)).Elem() }

// NewClusterRole registers a ClusterRole with the official aliases; nil args are accepted.
func NewClusterRole(ctx *pulumi.Context, name string, args *ClusterRoleArgs, opts ...pulumi.ResourceOption) (*ClusterRole, error) {
	if args == nil {
		args = &ClusterRoleArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("rbac.authorization.k8s.io/v1"), pulumi.StringPtr("ClusterRole")
	var resource ClusterRole
	if err := register(ctx, ClusterRoleToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// ClusterRoleBinding is an rbac.authorization.k8s.io/v1 ClusterRoleBinding. Subjects is read
// back: the mesh-ready Job takes its service account from it.
type ClusterRoleBinding struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
	Subjects SubjectArrayOutput      `pulumi:"subjects"`
}

// ClusterRoleBindingArgs are the inputs of NewClusterRoleBinding (RoleRef required).
type ClusterRoleBindingArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	RoleRef    *RoleRefArgs
	Subjects   SubjectArray
}

type clusterRoleBindingArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
	RoleRef    roleRef            `pulumi:"roleRef"`
	Subjects   []Subject          `pulumi:"subjects"`
}

func (ClusterRoleBindingArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*clusterRoleBindingArgs)(nil)).Elem()
}

// RoleRefArgs names the bound role.
type RoleRefArgs struct {
	ApiGroup pulumi.StringInput
	Kind     pulumi.StringInput
	Name     pulumi.StringInput
}

type roleRef struct {
	ApiGroup string `pulumi:"apiGroup"`
	Kind     string `pulumi:"kind"`
	Name     string `pulumi:"name"`
}

func (RoleRefArgs) ElementType() reflect.Type { return reflect.TypeOf((*roleRef)(nil)).Elem() }

// SubjectArray is a binding's subjects.
type SubjectArray []*SubjectArgs

// SubjectArgs is one subject (a service account, here).
type SubjectArgs struct {
	Kind      pulumi.StringInput
	Name      pulumi.StringInput
	Namespace pulumi.StringPtrInput
}

// Subject is a subject as the binding reports it.
type Subject struct {
	ApiGroup  *string `pulumi:"apiGroup"`
	Kind      string  `pulumi:"kind"`
	Name      string  `pulumi:"name"`
	Namespace *string `pulumi:"namespace"`
}

func (SubjectArgs) ElementType() reflect.Type { return reflect.TypeOf((*Subject)(nil)).Elem() }

// SubjectOutput is one subject, read back.
type SubjectOutput struct{ *pulumi.OutputState }

func (SubjectOutput) ElementType() reflect.Type { return reflect.TypeOf((*Subject)(nil)).Elem() }

// Name is the subject's name.
func (o SubjectOutput) Name() pulumi.StringOutput {
	return o.ApplyT(func(v Subject) string { return v.Name }).(pulumi.StringOutput)
}

// SubjectArrayOutput is a binding's subjects, read back.
type SubjectArrayOutput struct{ *pulumi.OutputState }

func (SubjectArrayOutput) ElementType() reflect.Type { return reflect.TypeOf((*[]Subject)(nil)).Elem() }

// Index is the i-th subject, as the generated Index: it panics on an index out of range.
func (o SubjectArrayOutput) Index(i pulumi.IntInput) SubjectOutput {
	return pulumi.All(o, i).ApplyT(func(vs []interface{}) Subject {
		return vs[0].([]Subject)[vs[1].(int)]
	}).(SubjectOutput)
}

func init() {
	pulumi.RegisterOutputType(SubjectOutput{})
	pulumi.RegisterOutputType(SubjectArrayOutput{})
}

// NewClusterRoleBinding registers a binding with the official aliases; nil args or a nil
// RoleRef are the generated constructor's errors.
func NewClusterRoleBinding(ctx *pulumi.Context, name string, args *ClusterRoleBindingArgs, opts ...pulumi.ResourceOption) (*ClusterRoleBinding, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("RoleRef", args == nil || args.RoleRef == nil)); err != nil {
		return nil, err
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("rbac.authorization.k8s.io/v1"), pulumi.StringPtr("ClusterRoleBinding")
	var resource ClusterRoleBinding
	if err := register(ctx, ClusterRoleBindingToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
