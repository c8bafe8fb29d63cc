package compute_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcpnative/compute"
)

// bindingProgram registers the same resources with the same inputs as officialProgram
// (official_test.go) does through the official v7.38.0 package. Every input each binding binds
// is set once; values flow between resources as in the platform (ids, names, project and
// region outputs), so dependencies are compared too.

var labels = map[string]string{"owner": "me"}

// bindingProgram is the platform's use of compute, through the bindings.
func bindingProgram(ctx *pulumi.Context) (map[string]pulumi.Output, error) {
	vpc, err := compute.NewNetwork(ctx, "vpc", &compute.NetworkArgs{Project: pulumi.String("p"), Name: pulumi.String("vpc"),
		Description: pulumi.String("d"), AutoCreateSubnetworks: pulumi.Bool(false), RoutingMode: pulumi.String("REGIONAL")})
	if err != nil {
		return nil, err
	}
	subnet, err := compute.NewSubnetwork(ctx, "subnet", &compute.SubnetworkArgs{Project: vpc.Project, Name: pulumi.String("s"),
		Description: pulumi.String("d"), Region: pulumi.String("r"), Network: vpc.ID(), IpCidrRange: pulumi.String("10.0.0.0/20"),
		SecondaryIpRanges: []compute.SubnetworkSecondaryIpRangeArgs{
			{RangeName: pulumi.String("pods"), IpCidrRange: pulumi.String("10.4.0.0/14")},
			{RangeName: pulumi.String("services"), IpCidrRange: pulumi.String("10.8.0.0/20")}},
		PrivateIpGoogleAccess: pulumi.Bool(true),
		LogConfig: &compute.SubnetworkLogConfigArgs{AggregationInterval: pulumi.String("INTERVAL_5_SEC"),
			FlowSampling: pulumi.Float64(0.5), Metadata: pulumi.String("INCLUDE_ALL_METADATA")}})
	if err != nil {
		return nil, err
	}
	router, err := compute.NewRouter(ctx, "router", &compute.RouterArgs{Project: vpc.Project, Name: pulumi.String("rt"),
		Description: pulumi.String("d"), Region: pulumi.String("r"), Network: vpc.ID(),
		Bgp: &compute.RouterBgpArgs{Asn: pulumi.Int(64514), AdvertiseMode: pulumi.String("CUSTOM"),
			AdvertisedIpRanges: []compute.RouterBgpAdvertisedIpRangeArgs{
				{Range: pulumi.String("10.0.0.0/20"), Description: pulumi.String("nodes")}, {Range: pulumi.String("35.199.192.0/19")}}}})
	if err != nil {
		return nil, err
	}
	nat, err := compute.NewRouterNat(ctx, "nat", &compute.RouterNatArgs{Project: router.Project, Name: pulumi.String("nat"),
		Region: router.Region, Router: router.Name, NatIpAllocateOption: pulumi.String("AUTO_ONLY"),
		SourceSubnetworkIpRangesToNat: pulumi.String("LIST_OF_SUBNETWORKS"),
		Subnetworks: []compute.RouterNatSubnetworkArgs{{Name: subnet.SelfLink,
			SourceIpRangesToNats: pulumi.ToStringArray([]string{"ALL_IP_RANGES"})}},
		LogConfig: &compute.RouterNatLogConfigArgs{Enable: pulumi.Bool(true), Filter: pulumi.String("ERRORS_ONLY")}})
	if err != nil {
		return nil, err
	}
	outs, err := bindingVPN(ctx, vpc, router)
	if err != nil {
		return nil, err
	}
	if err := bindingEdge(ctx, outs); err != nil {
		return nil, err
	}
	outs["vpc.name"], outs["vpc.selfLink"], outs["subnet.name"] = vpc.Name, vpc.SelfLink, subnet.Name
	outs["subnet.selfLink"], outs["router.name"], outs["nat.name"] = subnet.SelfLink, router.Name, nat.Name
	outs["subnet.ranges"] = subnet.SecondaryIpRanges.ApplyT(func(rs []compute.SubnetworkSecondaryIpRange) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.RangeName+"="+r.IpCidrRange)
		}
		return strings.Join(out, ",")
	}).(pulumi.StringOutput)
	return outs, nil
}

func bindingVPN(ctx *pulumi.Context, vpc *compute.Network, router *compute.Router) (map[string]pulumi.Output, error) {
	ha, err := compute.NewHaVpnGateway(ctx, "ha", &compute.HaVpnGatewayArgs{Project: vpc.Project, Name: pulumi.String("ha"),
		Description: pulumi.String("d"), Region: pulumi.String("r"), Network: vpc.ID(), StackType: pulumi.String("IPV4_ONLY")})
	if err != nil {
		return nil, err
	}
	peer, err := compute.NewExternalVpnGateway(ctx, "peer", &compute.ExternalVpnGatewayArgs{Project: ha.Project,
		Name: pulumi.String("peer"), Description: pulumi.String("d"), RedundancyType: pulumi.String("TWO_IPS_REDUNDANCY"),
		Interfaces: []compute.ExternalVpnGatewayInterfaceArgs{{Id: pulumi.Int(0), IpAddress: pulumi.String("198.51.100.1")},
			{Id: pulumi.Int(1), IpAddress: pulumi.String("198.51.100.2")}},
		Labels: pulumi.ToStringMap(labels)})
	if err != nil {
		return nil, err
	}
	tunnel, err := compute.NewVPNTunnel(ctx, "tunnel", &compute.VPNTunnelArgs{Project: router.Project, Name: pulumi.String("t0"),
		Description: pulumi.String("d"), Region: router.Region, VpnGateway: ha.ID(), VpnGatewayInterface: pulumi.Int(0),
		PeerExternalGateway: peer.ID(), PeerExternalGatewayInterface: pulumi.Int(1), Router: router.Name,
		IkeVersion: pulumi.Int(2), SharedSecret: pulumi.String("not-a-real-secret"), Labels: pulumi.ToStringMap(labels)})
	if err != nil {
		return nil, err
	}
	iface, err := compute.NewRouterInterface(ctx, "iface", &compute.RouterInterfaceArgs{Project: router.Project,
		Region: router.Region, Router: router.Name, Name: pulumi.String("if0"), IpRange: pulumi.String("169.254.21.1/30"),
		VpnTunnel: tunnel.Name})
	if err != nil {
		return nil, err
	}
	if _, err := compute.NewRouterPeer(ctx, "bgp-peer", &compute.RouterPeerArgs{Project: router.Project, Region: router.Region,
		Router: router.Name, Name: pulumi.String("azure-0"), Interface: iface.Name, IpAddress: pulumi.String("169.254.21.1"),
		PeerIpAddress: pulumi.String("169.254.21.2"), PeerAsn: pulumi.Int(65515), AdvertisedRoutePriority: pulumi.Int(100)}); err != nil {
		return nil, err
	}
	ips := ha.VpnInterfaces.ApplyT(func(ifs []compute.HaVpnGatewayVpnInterface) string {
		var out []string
		for _, i := range ifs {
			out = append(out, pointed(i.Id)+"="+pointed(i.IpAddress))
		}
		return strings.Join(out, ",")
	}).(pulumi.StringOutput)
	return map[string]pulumi.Output{"ha.project": ha.Project, "ha.interfaces": ips, "tunnel.name": tunnel.Name,
		"iface.name": iface.Name}, nil
}

func bindingEdge(ctx *pulumi.Context, outs map[string]pulumi.Output) error {
	addr, err := compute.NewGlobalAddress(ctx, "addr", &compute.GlobalAddressArgs{Project: pulumi.String("p"),
		Name: pulumi.String("ip"), AddressType: pulumi.String("EXTERNAL"), IpVersion: pulumi.String("IPV4"),
		Description: pulumi.String("d"), Labels: pulumi.ToStringMap(labels)})
	if err != nil {
		return err
	}
	anyIP := &compute.SecurityPolicyRuleMatchArgs{VersionedExpr: pulumi.String("SRC_IPS_V1"),
		Config: &compute.SecurityPolicyRuleMatchConfigArgs{SrcIpRanges: pulumi.ToStringArray([]string{"*"})}}
	armor, err := compute.NewSecurityPolicy(ctx, "armor", &compute.SecurityPolicyArgs{Project: pulumi.String("p"),
		Name: pulumi.String("armor"), Type: pulumi.String("CLOUD_ARMOR"), Description: pulumi.String("d"),
		AdvancedOptionsConfig: &compute.SecurityPolicyAdvancedOptionsConfigArgs{JsonParsing: pulumi.String("STANDARD")},
		Rules: []compute.SecurityPolicyRuleTypeArgs{
			{Priority: pulumi.Int(900), Action: pulumi.String("deny(403)"), Preview: pulumi.Bool(false), Description: pulumi.String("cve"),
				Match: &compute.SecurityPolicyRuleMatchArgs{Expr: &compute.SecurityPolicyRuleMatchExprArgs{Expression: pulumi.String("e")}}},
			{Priority: pulumi.Int(2000), Action: pulumi.String("rate_based_ban"), Description: pulumi.String("limit"), Match: anyIP,
				RateLimitOptions: &compute.SecurityPolicyRuleRateLimitOptionsArgs{ConformAction: pulumi.String("allow"),
					ExceedAction: pulumi.String("deny(429)"), EnforceOnKey: pulumi.String("IP"), BanDurationSec: pulumi.Int(600),
					RateLimitThreshold: &compute.SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs{
						Count: pulumi.Int(100), IntervalSec: pulumi.Int(60)}}},
			{Priority: pulumi.Int(2147483647), Action: pulumi.String("allow"), Match: anyIP}}})
	if err != nil {
		return err
	}
	ssl, err := compute.NewSSLPolicy(ctx, "ssl", &compute.SSLPolicyArgs{Project: pulumi.String("p"), Name: pulumi.String("tls12"),
		Profile: pulumi.String("MODERN"), MinTlsVersion: pulumi.String("TLS_1_2"), Description: pulumi.String("d")})
	if err != nil {
		return err
	}
	outs["addr.address"], outs["addr.name"], outs["armor.name"], outs["ssl.name"] = addr.Address, addr.Name, armor.Name, ssl.Name
	return nil
}

// bindingNilArgs registers, with nil args, each binding whose generated constructor takes them.
func bindingNilArgs(ctx *pulumi.Context) error {
	_, e1 := compute.NewNetwork(ctx, "net", nil)
	_, e2 := compute.NewExternalVpnGateway(ctx, "peer", nil)
	_, e3 := compute.NewGlobalAddress(ctx, "addr", nil)
	_, e4 := compute.NewSSLPolicy(ctx, "ssl", nil)
	_, e5 := compute.NewSecurityPolicy(ctx, "armor", nil)
	return errors.Join(e1, e2, e3, e4, e5)
}

// pointed prints an optional value, "<nil>" when unset.
func pointed[T any](p *T) string {
	if p == nil {
		return "<nil>"
	}
	return fmt.Sprint(*p)
}
