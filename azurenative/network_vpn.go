package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// VirtualNetworkGateway is a VPN gateway; Name is its ARM name.
type VirtualNetworkGateway struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// VirtualNetworkGatewayArgs are the inputs of NewVirtualNetworkGateway (ResourceGroupName required).
type VirtualNetworkGatewayArgs struct {
	ActiveActive              pulumi.BoolPtrInput
	BgpSettings               *BgpSettingsArgs
	EnableBgp                 pulumi.BoolPtrInput
	GatewayType               pulumi.StringPtrInput
	IpConfigurations          []VirtualNetworkGatewayIPConfigurationArgs
	Location                  pulumi.StringPtrInput
	ResourceGroupName         pulumi.StringInput
	Sku                       *VirtualNetworkGatewaySkuArgs
	Tags                      pulumi.StringMapInput
	VirtualNetworkGatewayName pulumi.StringPtrInput
	VpnGatewayGeneration      pulumi.StringPtrInput
	VpnType                   pulumi.StringPtrInput
}

type virtualNetworkGatewayArgs struct {
	ActiveActive              *bool                                  `pulumi:"activeActive"`
	BgpSettings               *bgpSettings                           `pulumi:"bgpSettings"`
	EnableBgp                 *bool                                  `pulumi:"enableBgp"`
	GatewayType               *string                                `pulumi:"gatewayType"`
	IpConfigurations          []virtualNetworkGatewayIPConfiguration `pulumi:"ipConfigurations"`
	Location                  *string                                `pulumi:"location"`
	ResourceGroupName         string                                 `pulumi:"resourceGroupName"`
	Sku                       *sku                                   `pulumi:"sku"`
	Tags                      map[string]string                      `pulumi:"tags"`
	VirtualNetworkGatewayName *string                                `pulumi:"virtualNetworkGatewayName"`
	VpnGatewayGeneration      *string                                `pulumi:"vpnGatewayGeneration"`
	VpnType                   *string                                `pulumi:"vpnType"`
}

func (VirtualNetworkGatewayArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*virtualNetworkGatewayArgs)(nil)).Elem()
}

// VirtualNetworkGatewayIPConfigurationArgs is one gateway instance's addresses.
type VirtualNetworkGatewayIPConfigurationArgs struct {
	Name                      pulumi.StringPtrInput
	PrivateIPAllocationMethod pulumi.StringPtrInput
	PublicIPAddress           *SubResourceArgs
	Subnet                    *SubResourceArgs
}

type virtualNetworkGatewayIPConfiguration struct {
	Name                      *string      `pulumi:"name"`
	PrivateIPAllocationMethod *string      `pulumi:"privateIPAllocationMethod"`
	PublicIPAddress           *subResource `pulumi:"publicIPAddress"`
	Subnet                    *subResource `pulumi:"subnet"`
}

func (VirtualNetworkGatewayIPConfigurationArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*virtualNetworkGatewayIPConfiguration)(nil)).Elem()
}

// NewVirtualNetworkGateway registers a virtual network gateway (default token, API 2023-02-01).
func NewVirtualNetworkGateway(ctx *pulumi.Context, name string, args *VirtualNetworkGatewayArgs, opts ...pulumi.ResourceOption) (*VirtualNetworkGateway, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource VirtualNetworkGateway
	if err := register(ctx, VirtualNetworkGatewayToken, name, *args, &resource, virtualNetworkGatewayAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// VirtualNetworkGatewayConnection is one IPsec connection between the gateway and a local
// network gateway.
type VirtualNetworkGatewayConnection struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// VirtualNetworkGatewayConnectionArgs are the inputs of NewVirtualNetworkGatewayConnection
// (ConnectionType, ResourceGroupName and VirtualNetworkGateway1 required).
type VirtualNetworkGatewayConnectionArgs struct {
	ConnectionProtocol                  pulumi.StringPtrInput
	ConnectionType                      pulumi.StringInput
	EnableBgp                           pulumi.BoolPtrInput
	LocalNetworkGateway2                *LocalNetworkGatewayTypeArgs
	Location                            pulumi.StringPtrInput
	ResourceGroupName                   pulumi.StringInput
	SharedKey                           pulumi.StringPtrInput
	Tags                                pulumi.StringMapInput
	VirtualNetworkGateway1              *VirtualNetworkGatewayTypeArgs
	VirtualNetworkGatewayConnectionName pulumi.StringPtrInput
}

type virtualNetworkGatewayConnectionArgs struct {
	ConnectionProtocol                  *string           `pulumi:"connectionProtocol"`
	ConnectionType                      string            `pulumi:"connectionType"`
	EnableBgp                           *bool             `pulumi:"enableBgp"`
	LocalNetworkGateway2                *subResource      `pulumi:"localNetworkGateway2"`
	Location                            *string           `pulumi:"location"`
	ResourceGroupName                   string            `pulumi:"resourceGroupName"`
	SharedKey                           *string           `pulumi:"sharedKey"`
	Tags                                map[string]string `pulumi:"tags"`
	VirtualNetworkGateway1              subResource       `pulumi:"virtualNetworkGateway1"`
	VirtualNetworkGatewayConnectionName *string           `pulumi:"virtualNetworkGatewayConnectionName"`
}

func (VirtualNetworkGatewayConnectionArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*virtualNetworkGatewayConnectionArgs)(nil)).Elem()
}

// NewVirtualNetworkGatewayConnection registers a gateway connection (default token, API
// 2023-02-01). Like the generated constructor it does not mark sharedKey secret itself: pass
// a secret input (and pulumi.AdditionalSecretOutputs) as the platform does.
func NewVirtualNetworkGatewayConnection(ctx *pulumi.Context, name string, args *VirtualNetworkGatewayConnectionArgs, opts ...pulumi.ResourceOption) (*VirtualNetworkGatewayConnection, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("ConnectionType", args == nil || args.ConnectionType == nil),
		bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil),
		bindingargs.Arg("VirtualNetworkGateway1", args == nil || args.VirtualNetworkGateway1 == nil)); err != nil {
		return nil, err
	}
	var resource VirtualNetworkGatewayConnection
	if err := register(ctx, VirtualNetworkGatewayConnectionToken, name, *args, &resource, virtualNetworkGatewayConnectionAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
