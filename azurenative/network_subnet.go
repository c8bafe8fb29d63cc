package azurenative

import (
	"errors"
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Subnet is a subnet of a virtual network, under either subnet token.
type Subnet struct {
	pulumi.CustomResourceState

	Name pulumi.StringPtrOutput `pulumi:"name"`
}

// SubnetArgs are the inputs of NewSubnet and NewSubnetV20240501 (ResourceGroupName and
// VirtualNetworkName required). DefaultOutboundAccess exists only from API 2023-05-01:
// NewSubnet refuses it rather than drop it.
type SubnetArgs struct {
	AddressPrefix                     pulumi.StringPtrInput
	DefaultOutboundAccess             pulumi.BoolPtrInput
	Delegations                       []DelegationArgs
	NetworkSecurityGroup              *NetworkSecurityGroupTypeArgs
	PrivateEndpointNetworkPolicies    pulumi.StringPtrInput
	PrivateLinkServiceNetworkPolicies pulumi.StringPtrInput
	ResourceGroupName                 pulumi.StringInput
	SubnetName                        pulumi.StringPtrInput
	VirtualNetworkName                pulumi.StringInput
}

// subnetV20240501Args is the wire shape of API 2024-05-01.
type subnetV20240501Args struct {
	AddressPrefix                     *string      `pulumi:"addressPrefix"`
	DefaultOutboundAccess             *bool        `pulumi:"defaultOutboundAccess"`
	Delegations                       []delegation `pulumi:"delegations"`
	NetworkSecurityGroup              *subResource `pulumi:"networkSecurityGroup"`
	PrivateEndpointNetworkPolicies    *string      `pulumi:"privateEndpointNetworkPolicies"`
	PrivateLinkServiceNetworkPolicies *string      `pulumi:"privateLinkServiceNetworkPolicies"`
	ResourceGroupName                 string       `pulumi:"resourceGroupName"`
	SubnetName                        *string      `pulumi:"subnetName"`
	VirtualNetworkName                string       `pulumi:"virtualNetworkName"`
}

// subnetDefaultArgs is the wire shape of the default token. DefaultOutboundAccess is untagged
// so that it is never sent (the field must exist: inputs map to it by Go field name).
type subnetDefaultArgs struct {
	AddressPrefix                     *string `pulumi:"addressPrefix"`
	DefaultOutboundAccess             *bool
	Delegations                       []delegation `pulumi:"delegations"`
	NetworkSecurityGroup              *subResource `pulumi:"networkSecurityGroup"`
	PrivateEndpointNetworkPolicies    *string      `pulumi:"privateEndpointNetworkPolicies"`
	PrivateLinkServiceNetworkPolicies *string      `pulumi:"privateLinkServiceNetworkPolicies"`
	ResourceGroupName                 string       `pulumi:"resourceGroupName"`
	SubnetName                        *string      `pulumi:"subnetName"`
	VirtualNetworkName                string       `pulumi:"virtualNetworkName"`
}

func (SubnetArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*subnetV20240501Args)(nil)).Elem()
}

// subnetDefaultInputs is SubnetArgs marshalled as the default token's shape.
type subnetDefaultInputs SubnetArgs

func (subnetDefaultInputs) ElementType() reflect.Type {
	return reflect.TypeOf((*subnetDefaultArgs)(nil)).Elem()
}

// DelegationArgs delegates a subnet to an Azure service.
type DelegationArgs struct {
	Name        pulumi.StringPtrInput
	ServiceName pulumi.StringPtrInput
}

type delegation struct {
	Name        *string `pulumi:"name"`
	ServiceName *string `pulumi:"serviceName"`
}

func (DelegationArgs) ElementType() reflect.Type { return reflect.TypeOf((*delegation)(nil)).Elem() }

// subnetDefaults checks the required inputs and applies the generated SDK's client-side
// defaults to a copy of args.
func subnetDefaults(args *SubnetArgs) (SubnetArgs, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil),
		bindingargs.Arg("VirtualNetworkName", args == nil || args.VirtualNetworkName == nil)); err != nil {
		return SubnetArgs{}, err
	}
	a := *args
	if a.PrivateEndpointNetworkPolicies == nil {
		a.PrivateEndpointNetworkPolicies = pulumi.StringPtr("Disabled")
	}
	if a.PrivateLinkServiceNetworkPolicies == nil {
		a.PrivateLinkServiceNetworkPolicies = pulumi.StringPtr("Enabled")
	}
	return a, nil
}

// NewSubnet registers a subnet under the default token (API 2023-02-01).
func NewSubnet(ctx *pulumi.Context, name string, args *SubnetArgs, opts ...pulumi.ResourceOption) (*Subnet, error) {
	a, err := subnetDefaults(args)
	if err != nil {
		return nil, err
	}
	if a.DefaultOutboundAccess != nil {
		return nil, errors.New("azurenative.NewSubnet: defaultOutboundAccess needs API 2023-05-01 or later: use NewSubnetV20240501")
	}
	var resource Subnet
	if err := register(ctx, SubnetToken, name, subnetDefaultInputs(a), &resource, subnetAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// NewSubnetV20240501 registers a subnet under the API 2024-05-01 token, which has
// defaultOutboundAccess.
func NewSubnetV20240501(ctx *pulumi.Context, name string, args *SubnetArgs, opts ...pulumi.ResourceOption) (*Subnet, error) {
	a, err := subnetDefaults(args)
	if err != nil {
		return nil, err
	}
	var resource Subnet
	if err := register(ctx, SubnetV20240501Token, name, a, &resource, subnetV20240501Aliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
