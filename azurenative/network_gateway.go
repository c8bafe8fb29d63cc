package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

const (
	PublicIPAddressToken                 = "azure-native:network:PublicIPAddress"
	VirtualNetworkGatewayToken           = "azure-native:network:VirtualNetworkGateway"
	LocalNetworkGatewayToken             = "azure-native:network:LocalNetworkGateway"
	VirtualNetworkGatewayConnectionToken = "azure-native:network:VirtualNetworkGatewayConnection"
)

// Alias lists of the official resources (network/v2@v2.90.0 publicIPAddress.go,
// virtualNetworkGateway.go, localNetworkGateway.go, virtualNetworkGatewayConnection.go).
var (
	publicIPAddressAliases                 = aliasesOf(networkModule, "PublicIPAddress", networkAPIVersions...)
	virtualNetworkGatewayAliases           = aliasesOf(networkModule, "VirtualNetworkGateway", networkVersionsFrom("v20150615")...)
	localNetworkGatewayAliases             = aliasesOf(networkModule, "LocalNetworkGateway", networkVersionsFrom("v20150615")...)
	virtualNetworkGatewayConnectionAliases = aliasesOf(networkModule, "VirtualNetworkGatewayConnection", networkVersionsFrom("v20150615")...)
)

// PublicIPAddress is a public IP address; IpAddress is the address Azure allocated.
type PublicIPAddress struct {
	pulumi.CustomResourceState

	IpAddress pulumi.StringPtrOutput `pulumi:"ipAddress"`
	Name      pulumi.StringOutput    `pulumi:"name"`
}

// PublicIPAddressArgs are the inputs of NewPublicIPAddress (ResourceGroupName required).
type PublicIPAddressArgs struct {
	Location                 pulumi.StringPtrInput
	PublicIPAddressVersion   pulumi.StringPtrInput
	PublicIPAllocationMethod pulumi.StringPtrInput
	PublicIpAddressName      pulumi.StringPtrInput
	ResourceGroupName        pulumi.StringInput
	Sku                      *SkuArgs
	Tags                     pulumi.StringMapInput
	Zones                    pulumi.StringArrayInput
}

type publicIPAddressArgs struct {
	Location                 *string           `pulumi:"location"`
	PublicIPAddressVersion   *string           `pulumi:"publicIPAddressVersion"`
	PublicIPAllocationMethod *string           `pulumi:"publicIPAllocationMethod"`
	PublicIpAddressName      *string           `pulumi:"publicIpAddressName"`
	ResourceGroupName        string            `pulumi:"resourceGroupName"`
	Sku                      *sku              `pulumi:"sku"`
	Tags                     map[string]string `pulumi:"tags"`
	Zones                    []string          `pulumi:"zones"`
}

func (PublicIPAddressArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*publicIPAddressArgs)(nil)).Elem()
}

// SkuArgs is a name and tier, the shape of both PublicIPAddressSku and VirtualNetworkGatewaySku.
type SkuArgs struct {
	Name pulumi.StringPtrInput
	Tier pulumi.StringPtrInput
}

type sku struct {
	Name *string `pulumi:"name"`
	Tier *string `pulumi:"tier"`
}

func (SkuArgs) ElementType() reflect.Type { return reflect.TypeOf((*sku)(nil)).Elem() }

type (
	PublicIPAddressSkuArgs       = SkuArgs
	VirtualNetworkGatewaySkuArgs = SkuArgs
)

// NewPublicIPAddress registers a public IP address (default token, API 2023-02-01).
func NewPublicIPAddress(ctx *pulumi.Context, name string, args *PublicIPAddressArgs, opts ...pulumi.ResourceOption) (*PublicIPAddress, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource PublicIPAddress
	if err := register(ctx, PublicIPAddressToken, name, *args, &resource, publicIPAddressAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// BgpSettingsArgs are a gateway's BGP speaker: its ASN, and either one peering address (a
// local network gateway) or one entry per instance (a virtual network gateway).
type BgpSettingsArgs struct {
	Asn                 pulumi.Float64PtrInput
	BgpPeeringAddress   pulumi.StringPtrInput
	BgpPeeringAddresses []IPConfigurationBgpPeeringAddressArgs
}

type bgpSettings struct {
	Asn                 *float64                           `pulumi:"asn"`
	BgpPeeringAddress   *string                            `pulumi:"bgpPeeringAddress"`
	BgpPeeringAddresses []ipConfigurationBgpPeeringAddress `pulumi:"bgpPeeringAddresses"`
}

func (BgpSettingsArgs) ElementType() reflect.Type { return reflect.TypeOf((*bgpSettings)(nil)).Elem() }

// IPConfigurationBgpPeeringAddressArgs sets the custom (APIPA) BGP addresses of one gateway
// ipConfiguration.
type IPConfigurationBgpPeeringAddressArgs struct {
	CustomBgpIpAddresses pulumi.StringArrayInput
	IpconfigurationId    pulumi.StringPtrInput
}

type ipConfigurationBgpPeeringAddress struct {
	CustomBgpIpAddresses []string `pulumi:"customBgpIpAddresses"`
	IpconfigurationId    *string  `pulumi:"ipconfigurationId"`
}

func (IPConfigurationBgpPeeringAddressArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*ipConfigurationBgpPeeringAddress)(nil)).Elem()
}

// LocalNetworkGateway is the on-premises (here: Google) end of a connection.
type LocalNetworkGateway struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// LocalNetworkGatewayArgs are the inputs of NewLocalNetworkGateway (ResourceGroupName required).
type LocalNetworkGatewayArgs struct {
	BgpSettings             *BgpSettingsArgs
	GatewayIpAddress        pulumi.StringPtrInput
	LocalNetworkGatewayName pulumi.StringPtrInput
	Location                pulumi.StringPtrInput
	ResourceGroupName       pulumi.StringInput
	Tags                    pulumi.StringMapInput
}

type localNetworkGatewayArgs struct {
	BgpSettings             *bgpSettings      `pulumi:"bgpSettings"`
	GatewayIpAddress        *string           `pulumi:"gatewayIpAddress"`
	LocalNetworkGatewayName *string           `pulumi:"localNetworkGatewayName"`
	Location                *string           `pulumi:"location"`
	ResourceGroupName       string            `pulumi:"resourceGroupName"`
	Tags                    map[string]string `pulumi:"tags"`
}

func (LocalNetworkGatewayArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*localNetworkGatewayArgs)(nil)).Elem()
}

// NewLocalNetworkGateway registers a local network gateway (default token, API 2023-02-01).
func NewLocalNetworkGateway(ctx *pulumi.Context, name string, args *LocalNetworkGatewayArgs, opts ...pulumi.ResourceOption) (*LocalNetworkGateway, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource LocalNetworkGateway
	if err := register(ctx, LocalNetworkGatewayToken, name, *args, &resource, localNetworkGatewayAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
