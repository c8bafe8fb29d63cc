package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

const (
	PrivateEndpointToken     = "azure-native:network:PrivateEndpoint"
	PrivateDnsZoneGroupToken = "azure-native:network:PrivateDnsZoneGroup"
)

// Alias lists of the official resources (network/v2@v2.90.0 privateEndpoint.go,
// privateDnsZoneGroup.go): from the API that introduced each.
var (
	privateEndpointAliases     = aliasesOf(networkModule, "PrivateEndpoint", networkVersionsFrom("v20180801")...)
	privateDnsZoneGroupAliases = aliasesOf(networkModule, "PrivateDnsZoneGroup", networkVersionsFrom("v20200301")...)
)

// PrivateEndpoint is a private endpoint; Name is its ARM name.
type PrivateEndpoint struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// PrivateEndpointArgs are the inputs of NewPrivateEndpoint (ResourceGroupName required).
type PrivateEndpointArgs struct {
	CustomNetworkInterfaceName    pulumi.StringPtrInput
	Location                      pulumi.StringPtrInput
	PrivateEndpointName           pulumi.StringPtrInput
	PrivateLinkServiceConnections []PrivateLinkServiceConnectionArgs
	ResourceGroupName             pulumi.StringInput
	// Subnet is a SubnetTypeArgs.
	Subnet SubnetTypeInput
	Tags   pulumi.StringMapInput
}

type privateEndpointArgs struct {
	CustomNetworkInterfaceName    *string                        `pulumi:"customNetworkInterfaceName"`
	Location                      *string                        `pulumi:"location"`
	PrivateEndpointName           *string                        `pulumi:"privateEndpointName"`
	PrivateLinkServiceConnections []privateLinkServiceConnection `pulumi:"privateLinkServiceConnections"`
	ResourceGroupName             string                         `pulumi:"resourceGroupName"`
	Subnet                        *subnetType                    `pulumi:"subnet"`
	Tags                          map[string]string              `pulumi:"tags"`
}

func (PrivateEndpointArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*privateEndpointArgs)(nil)).Elem()
}

// NewPrivateEndpoint registers a private endpoint (default token, API 2023-02-01).
func NewPrivateEndpoint(ctx *pulumi.Context, name string, args *PrivateEndpointArgs, opts ...pulumi.ResourceOption) (*PrivateEndpoint, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	a := *args
	// As the generated constructor does: the subnet reference goes out with the subnet
	// type's defaults, through an apply (so it is unknown while its id is).
	if a.Subnet != nil {
		a.Subnet = a.Subnet.ToSubnetTypePtrOutput().ApplyT(func(v *subnetType) *subnetType { return v.defaults() }).(SubnetTypePtrOutput)
	}
	var resource PrivateEndpoint
	if err := register(ctx, PrivateEndpointToken, name, a, &resource, privateEndpointAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// SubnetTypeInput is a SubnetTypeArgs or an output of one.
type SubnetTypeInput interface {
	pulumi.Input
	ToSubnetTypePtrOutput() SubnetTypePtrOutput
}

// SubnetTypeArgs references the endpoint's subnet by id.
type SubnetTypeArgs struct {
	Id pulumi.StringPtrInput
}

// subnetType is the official SubnetType with the fields the platform sends: the id and the
// two policies the generated Defaults() fills in.
type subnetType struct {
	Id                                *string `pulumi:"id"`
	PrivateEndpointNetworkPolicies    *string `pulumi:"privateEndpointNetworkPolicies"`
	PrivateLinkServiceNetworkPolicies *string `pulumi:"privateLinkServiceNetworkPolicies"`
}

// defaults is the official SubnetType.Defaults().
func (val *subnetType) defaults() *subnetType {
	if val == nil {
		return nil
	}
	tmp := *val
	if tmp.PrivateEndpointNetworkPolicies == nil {
		tmp.PrivateEndpointNetworkPolicies = pulumi.StringRef("Disabled")
	}
	if tmp.PrivateLinkServiceNetworkPolicies == nil {
		tmp.PrivateLinkServiceNetworkPolicies = pulumi.StringRef("Enabled")
	}
	return &tmp
}

func (SubnetTypeArgs) ElementType() reflect.Type { return reflect.TypeOf((*subnetType)(nil)).Elem() }

func (i SubnetTypeArgs) ToSubnetTypePtrOutput() SubnetTypePtrOutput {
	return pulumi.ToOutput(i).ApplyT(func(v subnetType) *subnetType { return &v }).(SubnetTypePtrOutput)
}

// subnetTypeOutput is the output pulumi.ToOutput makes of a SubnetTypeArgs.
type subnetTypeOutput struct{ *pulumi.OutputState }

func (subnetTypeOutput) ElementType() reflect.Type { return reflect.TypeOf((*subnetType)(nil)).Elem() }

// SubnetTypePtrOutput is an output of an optional subnet reference.
type SubnetTypePtrOutput struct{ *pulumi.OutputState }

func (SubnetTypePtrOutput) ElementType() reflect.Type {
	return reflect.TypeOf((**subnetType)(nil)).Elem()
}

func (o SubnetTypePtrOutput) ToSubnetTypePtrOutput() SubnetTypePtrOutput { return o }

// PrivateLinkServiceConnectionArgs connects the endpoint to a target resource's group.
type PrivateLinkServiceConnectionArgs struct {
	GroupIds             pulumi.StringArrayInput
	Name                 pulumi.StringPtrInput
	PrivateLinkServiceId pulumi.StringPtrInput
}

type privateLinkServiceConnection struct {
	GroupIds             []string `pulumi:"groupIds"`
	Name                 *string  `pulumi:"name"`
	PrivateLinkServiceId *string  `pulumi:"privateLinkServiceId"`
}

func (PrivateLinkServiceConnectionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*privateLinkServiceConnection)(nil)).Elem()
}

// PrivateDnsZoneGroup makes the endpoint's records in private DNS zones.
type PrivateDnsZoneGroup struct {
	pulumi.CustomResourceState

	Name pulumi.StringPtrOutput `pulumi:"name"`
}

// PrivateDnsZoneGroupArgs are the inputs of NewPrivateDnsZoneGroup (PrivateEndpointName and
// ResourceGroupName required).
type PrivateDnsZoneGroupArgs struct {
	PrivateDnsZoneConfigs   []PrivateDnsZoneConfigArgs
	PrivateDnsZoneGroupName pulumi.StringPtrInput
	PrivateEndpointName     pulumi.StringInput
	ResourceGroupName       pulumi.StringInput
}

type privateDnsZoneGroupArgs struct {
	PrivateDnsZoneConfigs   []privateDnsZoneConfig `pulumi:"privateDnsZoneConfigs"`
	PrivateDnsZoneGroupName *string                `pulumi:"privateDnsZoneGroupName"`
	PrivateEndpointName     string                 `pulumi:"privateEndpointName"`
	ResourceGroupName       string                 `pulumi:"resourceGroupName"`
}

func (PrivateDnsZoneGroupArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*privateDnsZoneGroupArgs)(nil)).Elem()
}

// PrivateDnsZoneConfigArgs names one zone of the group.
type PrivateDnsZoneConfigArgs struct {
	Name             pulumi.StringPtrInput
	PrivateDnsZoneId pulumi.StringPtrInput
}

type privateDnsZoneConfig struct {
	Name             *string `pulumi:"name"`
	PrivateDnsZoneId *string `pulumi:"privateDnsZoneId"`
}

func (PrivateDnsZoneConfigArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*privateDnsZoneConfig)(nil)).Elem()
}

// NewPrivateDnsZoneGroup registers a private DNS zone group (default token, API 2023-02-01).
func NewPrivateDnsZoneGroup(ctx *pulumi.Context, name string, args *PrivateDnsZoneGroupArgs, opts ...pulumi.ResourceOption) (*PrivateDnsZoneGroup, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("PrivateEndpointName", args == nil || args.PrivateEndpointName == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource PrivateDnsZoneGroup
	if err := register(ctx, PrivateDnsZoneGroupToken, name, *args, &resource, privateDnsZoneGroupAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

func init() {
	pulumi.RegisterOutputType(subnetTypeOutput{})
	pulumi.RegisterOutputType(SubnetTypePtrOutput{})
}
