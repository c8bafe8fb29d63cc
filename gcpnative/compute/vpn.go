package compute

import (
	"reflect"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// HaVpnGateway is an HA VPN gateway; VpnInterfaces are its two public addresses.
type HaVpnGateway struct {
	pulumi.CustomResourceState

	Project       pulumi.StringOutput                 `pulumi:"project"`
	VpnInterfaces HaVpnGatewayVpnInterfaceArrayOutput `pulumi:"vpnInterfaces"`
}

// HaVpnGatewayArgs are the inputs of NewHaVpnGateway (Network required).
type HaVpnGatewayArgs struct {
	Description pulumi.StringPtrInput
	Name        pulumi.StringPtrInput
	Network     pulumi.StringInput
	Project     pulumi.StringPtrInput
	Region      pulumi.StringPtrInput
	StackType   pulumi.StringPtrInput
}

type haVpnGatewayArgs struct {
	Description *string `pulumi:"description"`
	Name        *string `pulumi:"name"`
	Network     string  `pulumi:"network"`
	Project     *string `pulumi:"project"`
	Region      *string `pulumi:"region"`
	StackType   *string `pulumi:"stackType"`
}

func (HaVpnGatewayArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*haVpnGatewayArgs)(nil)).Elem()
}

// HaVpnGatewayVpnInterface is one interface of the gateway as GCP reports it.
type HaVpnGatewayVpnInterface struct {
	Id        *int    `pulumi:"id"`
	IpAddress *string `pulumi:"ipAddress"`
}

// HaVpnGatewayVpnInterfaceArrayOutput is the gateway's interfaces.
type HaVpnGatewayVpnInterfaceArrayOutput struct{ *pulumi.OutputState }

func (HaVpnGatewayVpnInterfaceArrayOutput) ElementType() reflect.Type {
	return reflect.TypeOf((*[]HaVpnGatewayVpnInterface)(nil)).Elem()
}

// NewHaVpnGateway registers an HA VPN gateway.
func NewHaVpnGateway(ctx *pulumi.Context, name string, args *HaVpnGatewayArgs, opts ...pulumi.ResourceOption) (*HaVpnGateway, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("Network", args == nil || args.Network == nil)); err != nil {
		return nil, err
	}
	var resource HaVpnGateway
	if err := register(ctx, HaVpnGatewayToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// ExternalVpnGateway stands for a peer VPN device outside Google Cloud.
type ExternalVpnGateway struct {
	pulumi.CustomResourceState
}

// ExternalVpnGatewayArgs are the inputs of NewExternalVpnGateway (none required).
type ExternalVpnGatewayArgs struct {
	Description    pulumi.StringPtrInput
	Interfaces     []ExternalVpnGatewayInterfaceArgs
	Labels         pulumi.StringMapInput
	Name           pulumi.StringPtrInput
	Project        pulumi.StringPtrInput
	RedundancyType pulumi.StringPtrInput
}

type externalVpnGatewayArgs struct {
	Description    *string                       `pulumi:"description"`
	Interfaces     []externalVpnGatewayInterface `pulumi:"interfaces"`
	Labels         map[string]string             `pulumi:"labels"`
	Name           *string                       `pulumi:"name"`
	Project        *string                       `pulumi:"project"`
	RedundancyType *string                       `pulumi:"redundancyType"`
}

func (ExternalVpnGatewayArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*externalVpnGatewayArgs)(nil)).Elem()
}

// ExternalVpnGatewayInterfaceArgs is one address of the peer device.
type ExternalVpnGatewayInterfaceArgs struct {
	Id        pulumi.IntPtrInput
	IpAddress pulumi.StringPtrInput
}

type externalVpnGatewayInterface struct {
	Id        *int    `pulumi:"id"`
	IpAddress *string `pulumi:"ipAddress"`
}

func (ExternalVpnGatewayInterfaceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*externalVpnGatewayInterface)(nil)).Elem()
}

// NewExternalVpnGateway registers an external VPN gateway; nil args are allowed, as in the
// generated constructor.
func NewExternalVpnGateway(ctx *pulumi.Context, name string, args *ExternalVpnGatewayArgs, opts ...pulumi.ResourceOption) (*ExternalVpnGateway, error) {
	if args == nil {
		args = &ExternalVpnGatewayArgs{}
	}
	var resource ExternalVpnGateway
	if err := register(ctx, ExternalVpnGatewayToken, name, args, &resource, labelSecrets, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// vpnTunnelSecrets are the label outputs and the shared secret, in the generated order.
var vpnTunnelSecrets = []string{"effectiveLabels", "pulumiLabels", "sharedSecret"}

// VPNTunnel is one IPsec tunnel of a VPN gateway.
type VPNTunnel struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// VPNTunnelArgs are the inputs of NewVPNTunnel (SharedSecret required).
type VPNTunnelArgs struct {
	Description                  pulumi.StringPtrInput
	IkeVersion                   pulumi.IntPtrInput
	Labels                       pulumi.StringMapInput
	Name                         pulumi.StringPtrInput
	PeerExternalGateway          pulumi.StringPtrInput
	PeerExternalGatewayInterface pulumi.IntPtrInput
	Project                      pulumi.StringPtrInput
	Region                       pulumi.StringPtrInput
	Router                       pulumi.StringPtrInput
	SharedSecret                 pulumi.StringInput
	VpnGateway                   pulumi.StringPtrInput
	VpnGatewayInterface          pulumi.IntPtrInput
}

type vpnTunnelArgs struct {
	Description                  *string           `pulumi:"description"`
	IkeVersion                   *int              `pulumi:"ikeVersion"`
	Labels                       map[string]string `pulumi:"labels"`
	Name                         *string           `pulumi:"name"`
	PeerExternalGateway          *string           `pulumi:"peerExternalGateway"`
	PeerExternalGatewayInterface *int              `pulumi:"peerExternalGatewayInterface"`
	Project                      *string           `pulumi:"project"`
	Region                       *string           `pulumi:"region"`
	Router                       *string           `pulumi:"router"`
	SharedSecret                 string            `pulumi:"sharedSecret"`
	VpnGateway                   *string           `pulumi:"vpnGateway"`
	VpnGatewayInterface          *int              `pulumi:"vpnGatewayInterface"`
}

func (VPNTunnelArgs) ElementType() reflect.Type { return reflect.TypeOf((*vpnTunnelArgs)(nil)).Elem() }

// NewVPNTunnel registers a VPN tunnel. As the generated constructor does, it sends the shared
// secret as a secret even when given a plain value, and marks the secret and label outputs
// secret; unlike it, it leaves the caller's args unchanged.
func NewVPNTunnel(ctx *pulumi.Context, name string, args *VPNTunnelArgs, opts ...pulumi.ResourceOption) (*VPNTunnel, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("SharedSecret", args == nil || args.SharedSecret == nil)); err != nil {
		return nil, err
	}
	a := *args
	a.SharedSecret = pulumi.ToSecret(a.SharedSecret).(pulumi.StringInput)
	var resource VPNTunnel
	if err := register(ctx, VPNTunnelToken, name, &a, &resource, vpnTunnelSecrets, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// RouterInterface is an interface of a Cloud Router on a VPN tunnel.
type RouterInterface struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// RouterInterfaceArgs are the inputs of NewRouterInterface (Router required).
type RouterInterfaceArgs struct {
	IpRange   pulumi.StringPtrInput
	Name      pulumi.StringPtrInput
	Project   pulumi.StringPtrInput
	Region    pulumi.StringPtrInput
	Router    pulumi.StringInput
	VpnTunnel pulumi.StringPtrInput
}

type routerInterfaceArgs struct {
	IpRange   *string `pulumi:"ipRange"`
	Name      *string `pulumi:"name"`
	Project   *string `pulumi:"project"`
	Region    *string `pulumi:"region"`
	Router    string  `pulumi:"router"`
	VpnTunnel *string `pulumi:"vpnTunnel"`
}

func (RouterInterfaceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*routerInterfaceArgs)(nil)).Elem()
}

// NewRouterInterface registers a router interface.
func NewRouterInterface(ctx *pulumi.Context, name string, args *RouterInterfaceArgs, opts ...pulumi.ResourceOption) (*RouterInterface, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("Router", args == nil || args.Router == nil)); err != nil {
		return nil, err
	}
	var resource RouterInterface
	if err := register(ctx, RouterInterfaceToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// RouterPeer is a BGP peer of a Cloud Router (no output bound: the platform reads none).
type RouterPeer struct {
	pulumi.CustomResourceState
}

// RouterPeerArgs are the inputs of NewRouterPeer (Interface, PeerAsn and Router required).
type RouterPeerArgs struct {
	AdvertisedRoutePriority pulumi.IntPtrInput
	Interface               pulumi.StringInput
	IpAddress               pulumi.StringPtrInput
	Name                    pulumi.StringPtrInput
	PeerAsn                 pulumi.IntInput
	PeerIpAddress           pulumi.StringPtrInput
	Project                 pulumi.StringPtrInput
	Region                  pulumi.StringPtrInput
	Router                  pulumi.StringInput
}

type routerPeerArgs struct {
	AdvertisedRoutePriority *int    `pulumi:"advertisedRoutePriority"`
	Interface               string  `pulumi:"interface"`
	IpAddress               *string `pulumi:"ipAddress"`
	Name                    *string `pulumi:"name"`
	PeerAsn                 int     `pulumi:"peerAsn"`
	PeerIpAddress           *string `pulumi:"peerIpAddress"`
	Project                 *string `pulumi:"project"`
	Region                  *string `pulumi:"region"`
	Router                  string  `pulumi:"router"`
}

func (RouterPeerArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*routerPeerArgs)(nil)).Elem()
}

// NewRouterPeer registers a BGP peer.
func NewRouterPeer(ctx *pulumi.Context, name string, args *RouterPeerArgs, opts ...pulumi.ResourceOption) (*RouterPeer, error) {
	if err := bindingargs.Require(args == nil,
		bindingargs.Arg("Interface", args == nil || args.Interface == nil),
		bindingargs.Arg("PeerAsn", args == nil || args.PeerAsn == nil),
		bindingargs.Arg("Router", args == nil || args.Router == nil)); err != nil {
		return nil, err
	}
	var resource RouterPeer
	if err := register(ctx, RouterPeerToken, name, args, &resource, nil, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

func init() {
	pulumi.RegisterOutputType(HaVpnGatewayVpnInterfaceArrayOutput{})
}
