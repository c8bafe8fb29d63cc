package azurenative

import (
	"reflect"

	"github.com/pulumi/pulumi-azure-native-sdk/v2/utilities"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingargs"
)

// Network tokens. The official module serves them, but compiling it costs minutes (network/v2
// 112 s and network/v2/v20240501 98 s of a cold build on 2 cores) for the dozen resources the
// platform uses. The default tokens are API 2023-02-01, as in network/v2@v2.90.0.
const (
	VirtualNetworkToken       = "azure-native:network:VirtualNetwork"
	NetworkSecurityGroupToken = "azure-native:network:NetworkSecurityGroup"
	SubnetToken               = "azure-native:network:Subnet"
	// SubnetV20240501Token is the first subnet API the SDK has with defaultOutboundAccess
	// (private subnets); its alias list includes SubnetToken, so a subnet can move to it.
	SubnetV20240501Token = "azure-native:network/v20240501:Subnet"
)

const networkModule = "azure-native:network"

// networkAPIVersions are the network module's API versions in the order the generated
// alias lists name them; each list is this one or a tail of it.
var networkAPIVersions = []string{
	"v20150501preview", "v20150615", "v20160330", "v20160601", "v20160901", "v20161201", "v20170301",
	"v20170601", "v20170801", "v20170901", "v20171001", "v20171101", "v20180101", "v20180201", "v20180401",
	"v20180601", "v20180701", "v20180801", "v20181001", "v20181101", "v20181201", "v20190201", "v20190401",
	"v20190601", "v20190701", "v20190801", "v20190901", "v20191101", "v20191201", "v20200301", "v20200401",
	"v20200501", "v20200601", "v20200701", "v20200801", "v20201101", "v20210201", "v20210301", "v20210501",
	"v20210801", "v20220101", "v20220501", "v20220701", "v20220901", "v20221101", "v20230201", "v20230401",
	"v20230501", "v20230601", "v20230901", "v20231101", "v20240101", "v20240301", "v20240501",
}

// networkVersionsFrom is the tail of networkAPIVersions starting at first (the API that
// introduced the resource).
func networkVersionsFrom(first string) []string {
	for i, v := range networkAPIVersions {
		if v == first {
			return networkAPIVersions[i:]
		}
	}
	panic("azurenative: unknown network API version " + first)
}

// Alias lists of the official resources (network/v2@v2.90.0 virtualNetwork.go,
// networkSecurityGroup.go, subnet.go and v20240501/subnet.go).
var (
	virtualNetworkAliases       = aliasesOf(networkModule, "VirtualNetwork", networkAPIVersions...)
	networkSecurityGroupAliases = aliasesOf(networkModule, "NetworkSecurityGroup", networkAPIVersions...)
	subnetAliases               = aliasesOf(networkModule, "Subnet", networkAPIVersions...)
	// Every version but its own, then the default token.
	subnetV20240501Aliases = aliasesOf(networkModule, "Subnet",
		append(append([]string{}, networkAPIVersions[:len(networkAPIVersions)-1]...), "")...)
)

// register is the tail every generated network constructor shares: the alias option, the
// plugin pin (utilities.PkgResourceDefaultOpts prepends pulumi.Version("2.90.0")), then
// RegisterResource on the official token.
func register(ctx *pulumi.Context, token, name string, args pulumi.Input, resource pulumi.CustomResource,
	aliases pulumi.ResourceOption, opts []pulumi.ResourceOption) error {
	opts = utilities.PkgResourceDefaultOpts(append(opts, aliases))
	return ctx.RegisterResource(token, name, args, resource, opts...)
}

// SubResourceArgs references another ARM resource by id. The official VirtualNetworkGatewayType,
// LocalNetworkGatewayType and NetworkSecurityGroupType have more fields; the platform sets
// only id, so they are bound as this shape.
type SubResourceArgs struct {
	Id pulumi.StringPtrInput
}

type subResource struct {
	Id *string `pulumi:"id"`
}

func (SubResourceArgs) ElementType() reflect.Type { return reflect.TypeOf((*subResource)(nil)).Elem() }

type (
	NetworkSecurityGroupTypeArgs  = SubResourceArgs
	VirtualNetworkGatewayTypeArgs = SubResourceArgs
	LocalNetworkGatewayTypeArgs   = SubResourceArgs
)

// VirtualNetwork is a virtual network; Name is its ARM name.
type VirtualNetwork struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// VirtualNetworkArgs are the inputs of NewVirtualNetwork (ResourceGroupName required).
type VirtualNetworkArgs struct {
	AddressSpace         *AddressSpaceArgs
	EnableDdosProtection pulumi.BoolPtrInput
	EnableVmProtection   pulumi.BoolPtrInput
	Location             pulumi.StringPtrInput
	ResourceGroupName    pulumi.StringInput
	Tags                 pulumi.StringMapInput
	VirtualNetworkName   pulumi.StringPtrInput
}

type virtualNetworkArgs struct {
	AddressSpace         *addressSpace     `pulumi:"addressSpace"`
	EnableDdosProtection *bool             `pulumi:"enableDdosProtection"`
	EnableVmProtection   *bool             `pulumi:"enableVmProtection"`
	Location             *string           `pulumi:"location"`
	ResourceGroupName    string            `pulumi:"resourceGroupName"`
	Tags                 map[string]string `pulumi:"tags"`
	VirtualNetworkName   *string           `pulumi:"virtualNetworkName"`
}

func (VirtualNetworkArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*virtualNetworkArgs)(nil)).Elem()
}

// AddressSpaceArgs is a virtual network's address space.
type AddressSpaceArgs struct {
	AddressPrefixes pulumi.StringArrayInput
}

type addressSpace struct {
	AddressPrefixes []string `pulumi:"addressPrefixes"`
}

func (AddressSpaceArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*addressSpace)(nil)).Elem()
}

// NewVirtualNetwork registers a virtual network (default token, API 2023-02-01).
func NewVirtualNetwork(ctx *pulumi.Context, name string, args *VirtualNetworkArgs, opts ...pulumi.ResourceOption) (*VirtualNetwork, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	a := *args
	// The same client-side defaults as the generated SDK.
	if a.EnableDdosProtection == nil {
		a.EnableDdosProtection = pulumi.BoolPtr(false)
	}
	if a.EnableVmProtection == nil {
		a.EnableVmProtection = pulumi.BoolPtr(false)
	}
	var resource VirtualNetwork
	if err := register(ctx, VirtualNetworkToken, name, a, &resource, virtualNetworkAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}

// NetworkSecurityGroup is a network security group (no rules bound: the platform relies on
// Azure's default rules).
type NetworkSecurityGroup struct {
	pulumi.CustomResourceState

	Name pulumi.StringOutput `pulumi:"name"`
}

// NetworkSecurityGroupArgs are the inputs of NewNetworkSecurityGroup (ResourceGroupName required).
type NetworkSecurityGroupArgs struct {
	Location                 pulumi.StringPtrInput
	NetworkSecurityGroupName pulumi.StringPtrInput
	ResourceGroupName        pulumi.StringInput
	Tags                     pulumi.StringMapInput
}

type networkSecurityGroupArgs struct {
	Location                 *string           `pulumi:"location"`
	NetworkSecurityGroupName *string           `pulumi:"networkSecurityGroupName"`
	ResourceGroupName        string            `pulumi:"resourceGroupName"`
	Tags                     map[string]string `pulumi:"tags"`
}

func (NetworkSecurityGroupArgs) ElementType() reflect.Type {
	return reflect.TypeOf((*networkSecurityGroupArgs)(nil)).Elem()
}

// NewNetworkSecurityGroup registers a network security group (default token, API 2023-02-01).
func NewNetworkSecurityGroup(ctx *pulumi.Context, name string, args *NetworkSecurityGroupArgs, opts ...pulumi.ResourceOption) (*NetworkSecurityGroup, error) {
	if err := bindingargs.Require(args == nil, bindingargs.Arg("ResourceGroupName", args == nil || args.ResourceGroupName == nil)); err != nil {
		return nil, err
	}
	var resource NetworkSecurityGroup
	if err := register(ctx, NetworkSecurityGroupToken, name, *args, &resource, networkSecurityGroupAliases, opts); err != nil {
		return nil, err
	}
	return &resource, nil
}
