package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

const (
	PrivateZoneToken        = "azure-native:network:PrivateZone"
	VirtualNetworkLinkToken = "azure-native:network:VirtualNetworkLink"
	DnsResolverToken        = "azure-native:network:DnsResolver"
	InboundEndpointToken    = "azure-native:network:InboundEndpoint"
)

// Alias lists of the official resources (network/v2@v2.90.0 privateZone.go,
// virtualNetworkLink.go, dnsResolver.go, inboundEndpoint.go): Private DNS and DNS Resolver
// have API versions of their own.
var (
	privateZoneAliases        = aliasesOf(networkModule, "PrivateZone", privateDNSAPIVersions...)
	virtualNetworkLinkAliases = aliasesOf(networkModule, "VirtualNetworkLink", privateDNSAPIVersions...)
	dnsResolverAliases        = aliasesOf(networkModule, "DnsResolver", dnsResolverAPIVersions...)
	inboundEndpointAliases    = aliasesOf(networkModule, "InboundEndpoint", dnsResolverAPIVersions...)
)

var (
	privateDNSAPIVersions  = []string{"v20180901", "v20200101", "v20200601", "v20240601"}
	dnsResolverAPIVersions = []string{"v20200401preview", "v20220701", "v20230701preview"}
)

// PrivateZone is a private DNS zone; Name is the zone name.
type PrivateZone struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// PrivateZoneArgs are the inputs of NewPrivateZone (ResourceGroupName required).
type PrivateZoneArgs struct {
	Location          pulumi.StringPtrInput
	PrivateZoneName   pulumi.StringPtrInput
	ResourceGroupName pulumi.StringInput
	Tags              pulumi.StringMapInput
}

type privateZoneArgs struct {
	Location          *string           `pulumi:"location"`
	PrivateZoneName   *string           `pulumi:"privateZoneName"`
	ResourceGroupName string            `pulumi:"resourceGroupName"`
	Tags              map[string]string `pulumi:"tags"`
}

func (PrivateZoneArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*privateZoneArgs)(nil)).Elem()
}

// NewPrivateZone registers a private DNS zone (default token, API 2020-06-01).
func NewPrivateZone(ctx *pulumi.Context, name string, args *PrivateZoneArgs, opts ...pulumi.ResourceOption) (*PrivateZone, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource PrivateZone
	if err := register(ctx, PrivateZoneToken, name, *args, &resource, privateZoneAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// VirtualNetworkLink links a private DNS zone to a virtual network.
type VirtualNetworkLink struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// VirtualNetworkLinkArgs are the inputs of NewVirtualNetworkLink (PrivateZoneName and
// ResourceGroupName required).
type VirtualNetworkLinkArgs struct {
	Location               pulumi.StringPtrInput
	PrivateZoneName        pulumi.StringInput
	RegistrationEnabled    pulumi.BoolPtrInput
	ResourceGroupName      pulumi.StringInput
	Tags                   pulumi.StringMapInput
	VirtualNetwork         *SubResourceArgs
	VirtualNetworkLinkName pulumi.StringPtrInput
}

type virtualNetworkLinkArgs struct {
	Location               *string           `pulumi:"location"`
	PrivateZoneName        string            `pulumi:"privateZoneName"`
	RegistrationEnabled    *bool             `pulumi:"registrationEnabled"`
	ResourceGroupName      string            `pulumi:"resourceGroupName"`
	Tags                   map[string]string `pulumi:"tags"`
	VirtualNetwork         *subResource      `pulumi:"virtualNetwork"`
	VirtualNetworkLinkName *string           `pulumi:"virtualNetworkLinkName"`
}

func (VirtualNetworkLinkArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*virtualNetworkLinkArgs)(nil)).Elem()
}

// NewVirtualNetworkLink registers a zone's virtual network link (default token, API 2020-06-01).
func NewVirtualNetworkLink(ctx *pulumi.Context, name string, args *VirtualNetworkLinkArgs, opts ...pulumi.ResourceOption) (*VirtualNetworkLink, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("PrivateZoneName", args == nil || args.PrivateZoneName == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource VirtualNetworkLink
	if err := register(ctx, VirtualNetworkLinkToken, name, *args, &resource, virtualNetworkLinkAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// DnsResolver is a DNS Private Resolver; Name is its ARM name.
type DnsResolver struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// DnsResolverArgs are the inputs of NewDnsResolver (ResourceGroupName and VirtualNetwork
// required).
type DnsResolverArgs struct {
	DnsResolverName   pulumi.StringPtrInput
	Location          pulumi.StringPtrInput
	ResourceGroupName pulumi.StringInput
	Tags              pulumi.StringMapInput
	VirtualNetwork    *SubResourceArgs
}

type dnsResolverArgs struct {
	DnsResolverName   *string           `pulumi:"dnsResolverName"`
	Location          *string           `pulumi:"location"`
	ResourceGroupName string            `pulumi:"resourceGroupName"`
	Tags              map[string]string `pulumi:"tags"`
	VirtualNetwork    subResource       `pulumi:"virtualNetwork"`
}

func (DnsResolverArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*dnsResolverArgs)(nil)).Elem()
}

// NewDnsResolver registers a DNS Private Resolver (default token, API 2022-07-01).
func NewDnsResolver(ctx *pulumi.Context, name string, args *DnsResolverArgs, opts ...pulumi.ResourceOption) (*DnsResolver, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil),
		bindingargs.Arg("VirtualNetwork", args == nil || args.VirtualNetwork == nil)); err != nil {
		return nil, err
	}
	var resource DnsResolver
	if err := register(ctx, DnsResolverToken, name, *args, &resource, dnsResolverAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// InboundEndpoint is a resolver's inbound endpoint; IpConfigurations are its addresses as
// Azure reports them.
type InboundEndpoint struct {
	pulumi.CustomResourceState

	IpConfigurations InboundEndpointIPConfigurationResponseArrayOutput `pulumi:"ipConfigurations"`
	Name             pulumi.StringOutput                               `pulumi:"name"`
}

// InboundEndpointArgs are the inputs of NewInboundEndpoint (DnsResolverName,
// IpConfigurations and ResourceGroupName required).
type InboundEndpointArgs struct {
	DnsResolverName     pulumi.StringInput
	InboundEndpointName pulumi.StringPtrInput
	IpConfigurations    []InboundEndpointIPConfigurationArgs
	Location            pulumi.StringPtrInput
	ResourceGroupName   pulumi.StringInput
	Tags                pulumi.StringMapInput
}

type inboundEndpointArgs struct {
	DnsResolverName     string                           `pulumi:"dnsResolverName"`
	InboundEndpointName *string                          `pulumi:"inboundEndpointName"`
	IpConfigurations    []inboundEndpointIPConfiguration `pulumi:"ipConfigurations"`
	Location            *string                          `pulumi:"location"`
	ResourceGroupName   string                           `pulumi:"resourceGroupName"`
	Tags                map[string]string                `pulumi:"tags"`
}

func (InboundEndpointArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*inboundEndpointArgs)(nil)).Elem()
}

// InboundEndpointIPConfigurationArgs is one address of the endpoint (Subnet required).
type InboundEndpointIPConfigurationArgs struct {
	PrivateIpAddress          pulumi.StringPtrInput
	PrivateIpAllocationMethod pulumi.StringPtrInput
	Subnet                    *SubResourceArgs
}

type inboundEndpointIPConfiguration struct {
	PrivateIpAddress          *string     `pulumi:"privateIpAddress"`
	PrivateIpAllocationMethod *string     `pulumi:"privateIpAllocationMethod"`
	Subnet                    subResource `pulumi:"subnet"`
}

func (InboundEndpointIPConfigurationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*inboundEndpointIPConfiguration)(nil)).Elem()
}

// NewInboundEndpoint registers a resolver's inbound endpoint (default token, API 2022-07-01).
func NewInboundEndpoint(ctx *pulumi.Context, name string, args *InboundEndpointArgs, opts ...pulumi.ResourceOption) (*InboundEndpoint, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("DnsResolverName", args == nil || args.DnsResolverName == nil),
		bindingargs.Arg("IpConfigurations", args == nil || args.IpConfigurations == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource InboundEndpoint
	if err := register(ctx, InboundEndpointToken, name, *args, &resource, inboundEndpointAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// InboundEndpointIPConfigurationResponse is the part of an endpoint address the platform reads.
type InboundEndpointIPConfigurationResponse struct {
	PrivateIpAddress *string `pulumi:"privateIpAddress"`
}

// InboundEndpointIPConfigurationResponseOutput is an output of one endpoint address.
type InboundEndpointIPConfigurationResponseOutput struct{ *pulumi.OutputState }

func (InboundEndpointIPConfigurationResponseOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*InboundEndpointIPConfigurationResponse)(nil)).Elem()
}

// PrivateIpAddress is the address (nil until Azure assigns a dynamic one).
func (o InboundEndpointIPConfigurationResponseOutput) PrivateIpAddress() pulumi.StringPtrOutput {
	return o.ApplyT(func(v InboundEndpointIPConfigurationResponse) *string { return v.PrivateIpAddress }).(pulumi.StringPtrOutput)
}

// InboundEndpointIPConfigurationResponseArrayOutput is an output of the endpoint's addresses.
type InboundEndpointIPConfigurationResponseArrayOutput struct{ *pulumi.OutputState }

func (InboundEndpointIPConfigurationResponseArrayOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*[]InboundEndpointIPConfigurationResponse)(nil)).Elem()
}

// Index is the i-th address; like the generated Index it panics when i is out of range.
func (o InboundEndpointIPConfigurationResponseArrayOutput) Index(i pulumi.IntInput) InboundEndpointIPConfigurationResponseOutput {
	return pulumi.All(o, i).ApplyT(func(vs []interface{}) InboundEndpointIPConfigurationResponse {
		return vs[0].([]InboundEndpointIPConfigurationResponse)[vs[1].(int)]
	}).(InboundEndpointIPConfigurationResponseOutput)
}

func init() {
	pulumi.RegisterOutputType(InboundEndpointIPConfigurationResponseOutput{})
	pulumi.RegisterOutputType(InboundEndpointIPConfigurationResponseArrayOutput{})
}
