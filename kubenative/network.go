package kubenative

import (
	"reflect"

	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// NetworkPolicy is a networking.k8s.io/v1 NetworkPolicy.
type NetworkPolicy struct {
	pulumi.CustomResourceState

	Metadata metav1.ObjectMetaOutput `pulumi:"metadata"`
}

// NetworkPolicyArgs are the inputs of NewNetworkPolicy (none required).
type NetworkPolicyArgs struct {
	ApiVersion pulumi.StringPtrInput
	Kind       pulumi.StringPtrInput
	Metadata   metav1.ObjectMetaPtrInput
	Spec       *NetworkPolicySpecArgs
}

type networkPolicyArgs struct {
	ApiVersion *string            `pulumi:"apiVersion"`
	Kind       *string            `pulumi:"kind"`
	Metadata   *metav1.ObjectMeta `pulumi:"metadata"`
	Spec       *networkPolicySpec `pulumi:"spec"`
}

func (NetworkPolicyArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*networkPolicyArgs)(nil)).Elem()
}

// NetworkPolicySpecArgs is a policy's spec.
type NetworkPolicySpecArgs struct {
	Egress      NetworkPolicyEgressRuleArray
	Ingress     NetworkPolicyIngressRuleArray
	PodSelector metav1.LabelSelectorInput
	PolicyTypes pulumi.StringArrayInput
}

type networkPolicySpec struct {
	Egress      []networkPolicyEgressRule  `pulumi:"egress"`
	Ingress     []networkPolicyIngressRule `pulumi:"ingress"`
	PodSelector metav1.LabelSelector       `pulumi:"podSelector"`
	PolicyTypes []string                   `pulumi:"policyTypes"`
}

func (NetworkPolicySpecArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*networkPolicySpec)(nil)).Elem()
}

// NetworkPolicyEgressRuleArray is a policy's egress rules (values, as the call sites build them).
type NetworkPolicyEgressRuleArray []NetworkPolicyEgressRuleArgs

// NetworkPolicyEgressRuleArgs allows egress to peers on ports.
type NetworkPolicyEgressRuleArgs struct {
	Ports NetworkPolicyPortArray
	To    NetworkPolicyPeerArray
}

type networkPolicyEgressRule struct {
	Ports []networkPolicyPort `pulumi:"ports"`
	To    []networkPolicyPeer `pulumi:"to"`
}

func (NetworkPolicyEgressRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*networkPolicyEgressRule)(nil)).Elem()
}

// NetworkPolicyIngressRuleArray is a policy's ingress rules.
type NetworkPolicyIngressRuleArray []NetworkPolicyIngressRuleArgs

// NetworkPolicyIngressRuleArgs allows ingress from peers on ports.
type NetworkPolicyIngressRuleArgs struct {
	From  NetworkPolicyPeerArray
	Ports NetworkPolicyPortArray
}

type networkPolicyIngressRule struct {
	From  []networkPolicyPeer `pulumi:"from"`
	Ports []networkPolicyPort `pulumi:"ports"`
}

func (NetworkPolicyIngressRuleArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*networkPolicyIngressRule)(nil)).Elem()
}

// NetworkPolicyPeerArray is a rule's peers.
type NetworkPolicyPeerArray []NetworkPolicyPeerArgs

// NetworkPolicyPeerArgs is an address block or a namespace and pod selection.
type NetworkPolicyPeerArgs struct {
	IpBlock           *IPBlockArgs
	NamespaceSelector metav1.LabelSelectorPtrInput
	PodSelector       metav1.LabelSelectorPtrInput
}

type networkPolicyPeer struct {
	IpBlock           *iPBlock              `pulumi:"ipBlock"`
	NamespaceSelector *metav1.LabelSelector `pulumi:"namespaceSelector"`
	PodSelector       *metav1.LabelSelector `pulumi:"podSelector"`
}

func (NetworkPolicyPeerArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*networkPolicyPeer)(nil)).Elem()
}

// IPBlockArgs is a CIDR with exceptions.
type IPBlockArgs struct {
	Cidr   pulumi.StringInput
	Except pulumi.StringArrayInput
}

type iPBlock struct {
	Cidr   string   `pulumi:"cidr"`
	Except []string `pulumi:"except"`
}

func (IPBlockArgs) ElementType() reflect.Type { return reflect.TypeOf((*iPBlock)(nil)).Elem() }

// NetworkPolicyPortArray is a rule's ports.
type NetworkPolicyPortArray []NetworkPolicyPortArgs

// NetworkPolicyPortArgs is a protocol and port (a number or a name: IntOrString).
type NetworkPolicyPortArgs struct {
	Port     pulumi.Input
	Protocol pulumi.StringPtrInput
}

type networkPolicyPort struct {
	Port     interface{} `pulumi:"port"`
	Protocol *string     `pulumi:"protocol"`
}

func (NetworkPolicyPortArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*networkPolicyPort)(nil)).Elem()
}

// NewNetworkPolicy registers a policy with the official alias; nil args are accepted.
func NewNetworkPolicy(ctx *pulumi.Context, name string, args *NetworkPolicyArgs, opts ...pulumi.ResourceOption) (*NetworkPolicy, error) {
	if args == nil {
		args = &NetworkPolicyArgs{}
	}
	args.ApiVersion, args.Kind = pulumi.StringPtr("networking.k8s.io/v1"), pulumi.StringPtr("NetworkPolicy")
	var resource NetworkPolicy
	if err := register(ctx, NetworkPolicyToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
