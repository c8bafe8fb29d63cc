package compute

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Network is a VPC network.
type Network struct {
	pulumi.CustomResourceState

	Name     pulumi.StringOutput `pulumi:"name"`
	Project  pulumi.StringOutput `pulumi:"project"`
	SelfLink pulumi.StringOutput `pulumi:"selfLink"`
}

// NetworkArgs are the inputs of NewNetwork (none required).
type NetworkArgs struct {
	AutoCreateSubnetworks pulumi.BoolPtrInput
	Description           pulumi.StringPtrInput
	Name                  pulumi.StringPtrInput
	Project               pulumi.StringPtrInput
	RoutingMode           pulumi.StringPtrInput
}

type networkArgs struct {
	AutoCreateSubnetworks *bool   `pulumi:"autoCreateSubnetworks"`
	Description           *string `pulumi:"description"`
	Name                  *string `pulumi:"name"`
	Project               *string `pulumi:"project"`
	RoutingMode           *string `pulumi:"routingMode"`
}

func (NetworkArgs) ElementType() reflect.Type { return reflect.TypeOf((*networkArgs)(nil)).Elem() }

// NewNetwork registers a VPC network; nil args register one with every input unset, as the
// generated constructor does.
func NewNetwork(ctx *pulumi.Context, name string, args *NetworkArgs, opts ...pulumi.ResourceOption) (*Network, error) {
	if args == nil {
		args = &NetworkArgs{}
	}
	var resource Network
	if err := register(ctx, NetworkToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// Subnetwork is a regional subnet of a VPC network.
type Subnetwork struct {
	pulumi.CustomResourceState

	Name              pulumi.StringOutput                   `pulumi:"name"`
	SecondaryIpRanges SubnetworkSecondaryIpRangeArrayOutput `pulumi:"secondaryIpRanges"`
	SelfLink          pulumi.StringOutput                   `pulumi:"selfLink"`
}

// SubnetworkArgs are the inputs of NewSubnetwork (IpCidrRange and Network required).
type SubnetworkArgs struct {
	Description           pulumi.StringPtrInput
	IpCidrRange           pulumi.StringInput
	LogConfig             *SubnetworkLogConfigArgs
	Name                  pulumi.StringPtrInput
	Network               pulumi.StringInput
	PrivateIpGoogleAccess pulumi.BoolPtrInput
	Project               pulumi.StringPtrInput
	Region                pulumi.StringPtrInput
	SecondaryIpRanges     []SubnetworkSecondaryIpRangeArgs
}

type subnetworkArgs struct {
	Description           *string                      `pulumi:"description"`
	IpCidrRange           string                       `pulumi:"ipCidrRange"`
	LogConfig             *subnetworkLogConfig         `pulumi:"logConfig"`
	Name                  *string                      `pulumi:"name"`
	Network               string                       `pulumi:"network"`
	PrivateIpGoogleAccess *bool                        `pulumi:"privateIpGoogleAccess"`
	Project               *string                      `pulumi:"project"`
	Region                *string                      `pulumi:"region"`
	SecondaryIpRanges     []SubnetworkSecondaryIpRange `pulumi:"secondaryIpRanges"`
}

func (SubnetworkArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*subnetworkArgs)(nil)).Elem()
}

// SubnetworkSecondaryIpRangeArgs is one named secondary range (GKE's pods or services).
type SubnetworkSecondaryIpRangeArgs struct {
	IpCidrRange pulumi.StringInput
	RangeName   pulumi.StringInput
}

// SubnetworkSecondaryIpRange is a secondary range as the subnet reports it.
type SubnetworkSecondaryIpRange struct {
	IpCidrRange string `pulumi:"ipCidrRange"`
	RangeName   string `pulumi:"rangeName"`
}

func (SubnetworkSecondaryIpRangeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*SubnetworkSecondaryIpRange)(nil)).Elem()
}

// SubnetworkSecondaryIpRangeArrayOutput is the subnet's secondary ranges.
type SubnetworkSecondaryIpRangeArrayOutput struct{ *pulumi.OutputState }

func (SubnetworkSecondaryIpRangeArrayOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*[]SubnetworkSecondaryIpRange)(nil)).Elem()
}

// SubnetworkLogConfigArgs are the subnet's VPC flow log settings.
type SubnetworkLogConfigArgs struct {
	AggregationInterval pulumi.StringPtrInput
	FlowSampling        pulumi.Float64PtrInput
	Metadata            pulumi.StringPtrInput
}

type subnetworkLogConfig struct {
	AggregationInterval *string  `pulumi:"aggregationInterval"`
	FlowSampling        *float64 `pulumi:"flowSampling"`
	Metadata            *string  `pulumi:"metadata"`
}

func (SubnetworkLogConfigArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*subnetworkLogConfig)(nil)).Elem()
}

// NewSubnetwork registers a subnet.
func NewSubnetwork(ctx *pulumi.Context, name string, args *SubnetworkArgs, opts ...pulumi.ResourceOption) (*Subnetwork, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("IpCidrRange", args == nil || args.IpCidrRange == nil),
		bindingargs.Arg("Network", args == nil || args.Network == nil)); err != nil {
		return nil, err
	}
	var resource Subnetwork
	if err := register(ctx, SubnetworkToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// Router is a Cloud Router (NAT, or BGP over the VPN).
type Router struct {
	pulumi.CustomResourceState

	Name    pulumi.StringOutput `pulumi:"name"`
	Project pulumi.StringOutput `pulumi:"project"`
	Region  pulumi.StringOutput `pulumi:"region"`
}

// RouterArgs are the inputs of NewRouter (Network required).
type RouterArgs struct {
	Bgp         *RouterBgpArgs
	Description pulumi.StringPtrInput
	Name        pulumi.StringPtrInput
	Network     pulumi.StringInput
	Project     pulumi.StringPtrInput
	Region      pulumi.StringPtrInput
}

type routerArgs struct {
	Bgp         *routerBgp `pulumi:"bgp"`
	Description *string    `pulumi:"description"`
	Name        *string    `pulumi:"name"`
	Network     string     `pulumi:"network"`
	Project     *string    `pulumi:"project"`
	Region      *string    `pulumi:"region"`
}

func (RouterArgs) ElementType() reflect.Type { return reflect.TypeOf((*routerArgs)(nil)).Elem() }

// RouterBgpArgs is the router's BGP speaker (Asn required by the API).
type RouterBgpArgs struct {
	AdvertiseMode      pulumi.StringPtrInput
	AdvertisedIpRanges []RouterBgpAdvertisedIpRangeArgs
	Asn                pulumi.IntInput
}

type routerBgp struct {
	AdvertiseMode      *string                      `pulumi:"advertiseMode"`
	AdvertisedIpRanges []routerBgpAdvertisedIpRange `pulumi:"advertisedIpRanges"`
	Asn                int                          `pulumi:"asn"`
}

func (RouterBgpArgs) ElementType() reflect.Type { return reflect.TypeOf((*routerBgp)(nil)).Elem() }

// RouterBgpAdvertisedIpRangeArgs is one range a CUSTOM-mode router announces.
type RouterBgpAdvertisedIpRangeArgs struct {
	Description pulumi.StringPtrInput
	Range       pulumi.StringInput
}

type routerBgpAdvertisedIpRange struct {
	Description *string `pulumi:"description"`
	Range       string  `pulumi:"range"`
}

func (RouterBgpAdvertisedIpRangeArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*routerBgpAdvertisedIpRange)(nil)).Elem()
}

// NewRouter registers a Cloud Router.
func NewRouter(ctx *pulumi.Context, name string, args *RouterArgs, opts ...pulumi.ResourceOption) (*Router, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("Network", args == nil || args.Network == nil)); err != nil {
		return nil, err
	}
	var resource Router
	if err := register(ctx, RouterToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// RouterNat is Cloud NAT on a Cloud Router.
type RouterNat struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// RouterNatArgs are the inputs of NewRouterNat (Router and SourceSubnetworkIpRangesToNat
// required).
type RouterNatArgs struct {
	LogConfig                     *RouterNatLogConfigArgs
	Name                          pulumi.StringPtrInput
	NatIpAllocateOption           pulumi.StringPtrInput
	Project                       pulumi.StringPtrInput
	Region                        pulumi.StringPtrInput
	Router                        pulumi.StringInput
	SourceSubnetworkIpRangesToNat pulumi.StringInput
	Subnetworks                   []RouterNatSubnetworkArgs
}

type routerNatArgs struct {
	LogConfig                     *routerNatLogConfig   `pulumi:"logConfig"`
	Name                          *string               `pulumi:"name"`
	NatIpAllocateOption           *string               `pulumi:"natIpAllocateOption"`
	Project                       *string               `pulumi:"project"`
	Region                        *string               `pulumi:"region"`
	Router                        string                `pulumi:"router"`
	SourceSubnetworkIpRangesToNat string                `pulumi:"sourceSubnetworkIpRangesToNat"`
	Subnetworks                   []routerNatSubnetwork `pulumi:"subnetworks"`
}

func (RouterNatArgs) ElementType() reflect.Type { return reflect.TypeOf((*routerNatArgs)(nil)).Elem() }

// RouterNatSubnetworkArgs is one subnet NAT serves (LIST_OF_SUBNETWORKS); Name is its self link.
type RouterNatSubnetworkArgs struct {
	Name                 pulumi.StringInput
	SourceIpRangesToNats pulumi.StringArrayInput
}

type routerNatSubnetwork struct {
	Name                 string   `pulumi:"name"`
	SourceIpRangesToNats []string `pulumi:"sourceIpRangesToNats"`
}

func (RouterNatSubnetworkArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*routerNatSubnetwork)(nil)).Elem()
}

// RouterNatLogConfigArgs is NAT logging (both fields required by the API).
type RouterNatLogConfigArgs struct {
	Enable pulumi.BoolInput
	Filter pulumi.StringInput
}

type routerNatLogConfig struct {
	Enable bool   `pulumi:"enable"`
	Filter string `pulumi:"filter"`
}

func (RouterNatLogConfigArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*routerNatLogConfig)(nil)).Elem()
}

// NewRouterNat registers Cloud NAT.
func NewRouterNat(ctx *pulumi.Context, name string, args *RouterNatArgs, opts ...pulumi.ResourceOption) (*RouterNat, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("Router", args == nil || args.Router == nil),
		bindingargs.Arg("SourceSubnetworkIpRangesToNat", args == nil || args.SourceSubnetworkIpRangesToNat == nil)); err != nil {
		return nil, err
	}
	var resource RouterNat
	if err := register(ctx, RouterNatToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

func init() {
	pulumi.RegisterOutputType(SubnetworkSecondaryIpRangeArrayOutput{})
}
