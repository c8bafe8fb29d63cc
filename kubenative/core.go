package kubenative

import (
	"reflect"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Namespace is a core/v1 Namespace.
type Namespace struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// NamespaceArgs are the inputs of NewNamespace (none required; the constructor sets
// ApiVersion and Kind).
type NamespaceArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
}

type namespaceArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
}

func (NamespaceArgs) ElementType() reflect.Type { return reflect.TypeOf((*namespaceArgs)(nil)).Elem() }

// NewNamespace registers a Namespace; nil args register one with only apiVersion and kind,
// as the generated constructor does.
func NewNamespace(ctx *pulumi.Context, name string, args *NamespaceArgs, opts ...pulumi.ResourceOption) (*Namespace, error) {
	if args == nil {
		args = &NamespaceArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("v1"), pulumi.StringPtr("Namespace")
	var resource Namespace
	if err := register(ctx, NamespaceToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// ServiceAccount is a core/v1 ServiceAccount.
type ServiceAccount struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// ServiceAccountArgs are the inputs of NewServiceAccount (none required).
type ServiceAccountArgs struct {
	ApiVersion                   pulumi.StringPtrInput
	AutomountServiceAccountToken pulumi.BoolPtrInput
	Kind                         pulumi.StringPtrInput
	Metadata                     metav1.ObjectMetaPtrInput
}

type serviceAccountArgs struct {
	ApiVersion                   *string            `pulumi:"apiVersion"`
	AutomountServiceAccountToken *bool              `pulumi:"automountServiceAccountToken"`
	Kind                         *string            `pulumi:"kind"`
	Metadata                     *metav1.ObjectMeta `pulumi:"metadata"`
}

func (ServiceAccountArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*serviceAccountArgs)(nil)).Elem()
}

// NewServiceAccount registers a ServiceAccount; nil args are accepted.
func NewServiceAccount(ctx *pulumi.Context, name string, args *ServiceAccountArgs, opts ...pulumi.ResourceOption) (*ServiceAccount, error) {
	if args == nil {
		args = &ServiceAccountArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("v1"), pulumi.StringPtr("ServiceAccount")
	var resource ServiceAccount
	if err := register(ctx, ServiceAccountToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// ServiceAccountPatch is a Server-Side Apply patch of an existing ServiceAccount. No output
// is bound: the program reads none.
type ServiceAccountPatch struct {
	pulumi.CustomResourceState
}

// ServiceAccountPatchArgs are the inputs of NewServiceAccountPatch (none required).
type ServiceAccountPatchArgs struct {
	ApiVersion                   pulumi.StringPtrInput
	AutomountServiceAccountToken pulumi.BoolPtrInput
	Kind                         pulumi.StringPtrInput
	Metadata                     metav1.ObjectMetaPatchPtrInput
}

type serviceAccountPatchArgs struct {
	ApiVersion                   *string                 `pulumi:"apiVersion"`
	AutomountServiceAccountToken *bool                   `pulumi:"automountServiceAccountToken"`
	Kind                         *string                 `pulumi:"kind"`
	Metadata                     *metav1.ObjectMetaPatch `pulumi:"metadata"`
}

func (ServiceAccountPatchArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*serviceAccountPatchArgs)(nil)).Elem()
}

// NewServiceAccountPatch registers a ServiceAccount patch (kind ServiceAccount, as the
// generated constructor sets it); nil args are accepted.
func NewServiceAccountPatch(ctx *pulumi.Context, name string, args *ServiceAccountPatchArgs, opts ...pulumi.ResourceOption) (*ServiceAccountPatch, error) {
	if args == nil {
		args = &ServiceAccountPatchArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("v1"), pulumi.StringPtr("ServiceAccount")
	var resource ServiceAccountPatch
	if err := register(ctx, ServiceAccountPatchToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// Service is a core/v1 Service.
type Service struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// ServiceArgs are the inputs of NewService (none required).
type ServiceArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	Spec       *ServiceSpecArgs
}

type serviceArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
	Spec       *serviceSpec       `pulumi:"spec"`
}

func (ServiceArgs) ElementType() reflect.Type { return reflect.TypeOf((*serviceArgs)(nil)).Elem() }

// ServiceSpecArgs is the bound part of a Service's spec.
type ServiceSpecArgs struct {
	Ports    ServicePortArray
	Selector pulumi.StringMapInput
	Type     pulumi.StringPtrInput
}

type serviceSpec struct {
	Ports    []servicePort     `pulumi:"ports"`
	Selector map[string]string `pulumi:"selector"`
	Type     *string           `pulumi:"type"`
}

func (ServiceSpecArgs) ElementType() reflect.Type { return reflect.TypeOf((*serviceSpec)(nil)).Elem() }

// ServicePortArray is a Service's ports.
type ServicePortArray []*ServicePortArgs

// ServicePortArgs is one Service port (Port required by the API; TargetPort is a port
// number or name, an IntOrString as in the official SDK).
type ServicePortArgs struct {
	AppProtocol pulumi.StringPtrInput
	Name        pulumi.StringPtrInput
	Port        pulumi.IntInput
	TargetPort  pulumi.Input
}

type servicePort struct {
	AppProtocol *string     `pulumi:"appProtocol"`
	Name        *string     `pulumi:"name"`
	Port        int         `pulumi:"port"`
	TargetPort  interface{} `pulumi:"targetPort"`
}

func (ServicePortArgs) ElementType() reflect.Type { return reflect.TypeOf((*servicePort)(nil)).Elem() }

// NewService registers a Service; nil args are accepted.
func NewService(ctx *pulumi.Context, name string, args *ServiceArgs, opts ...pulumi.ResourceOption) (*Service, error) {
	if args == nil {
		args = &ServiceArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("v1"), pulumi.StringPtr("Service")
	var resource Service
	if err := register(ctx, ServiceToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// Secret is a core/v1 Secret.
type Secret struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// SecretArgs are the inputs of NewSecret (none required).
type SecretArgs struct {
	ApiVersion pulumi.StringPtrInput
	Data       pulumi.StringMapInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	StringData pulumi.StringMapInput
	Type       pulumi.StringPtrInput
}

type secretArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Data       map[string]string  `pulumi:"data"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
	StringData map[string]string  `pulumi:"stringData"`
	Type       *string            `pulumi:"type"`
}

func (SecretArgs) ElementType() reflect.Type { return reflect.TypeOf((*secretArgs)(nil)).Elem() }

// secretOutputs are the Secret outputs the generated constructor marks secret.
var secretOutputs = []string{"data", "stringData"}

// NewSecret registers a Secret. As the generated constructor does, it wraps Data and
// StringData in pulumi.ToSecret, so the whole maps travel and are stored as secrets even when
// the caller marked only some values, and marks both outputs secret.
func NewSecret(ctx *pulumi.Context, name string, args *SecretArgs, opts ...pulumi.ResourceOption) (*Secret, error) {
	if args == nil {
		args = &SecretArgs{}
	}
	if args.Data != nil {
		args.Data = pulumi.ToSecret(args.Data).(pulumi.StringMapInput)
	}
	if args.StringData != nil {
		args.StringData = pulumi.ToSecret(args.StringData).(pulumi.StringMapInput)
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("v1"), pulumi.StringPtr("Secret")
	var resource Secret
	if err := register(ctx, SecretToken, name, args, &resource, secretOutputs, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
