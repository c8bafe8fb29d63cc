//go:build officialsdk

package compute_test

import (
	"errors"
	"flag"
	"strings"
	"testing"

	official "github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/compute"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/bindingtest"
)

// This file links the official compute package, so it builds only with -tags officialsdk: it
// proves the golden file the default tests compare the bindings against.

var update = flag.Bool("update", false, "rewrite "+goldenFile+" from the official package")

// The golden file is what the official package registers: the program's requests and the
// outputs it reads back, and the nil-args requests.
func TestGoldenIsWhatTheOfficialSDKRegisters(t *testing.T) {
	bindingtest.CheckGolden(t, goldenFile, *update, run, officialProgram, officialNilArgs, printed)
}

// The official constructors refuse exactly the calls requiredCases refuses, with its messages.
func TestOfficialRefusesWhatTheBindingsRefuse(t *testing.T) {
	bindingtest.Refuses(t, run, requiredCases, officialRequired)
}

func officialNilArgs(ctx *pulumi.Context) error {
	_, e1 := official.NewNetwork(ctx, "net", nil)
	_, e2 := official.NewExternalVpnGateway(ctx, "peer", nil)
	_, e3 := official.NewGlobalAddress(ctx, "addr", nil)
	_, e4 := official.NewSSLPolicy(ctx, "ssl", nil)
	_, e5 := official.NewSecurityPolicy(ctx, "armor", nil)
	return errors.Join(e1, e2, e3, e4, e5)
}

var officialRequired = map[string]newFn{
	"subnet nil": func(ctx *pulumi.Context) error { _, err := official.NewSubnetwork(ctx, "a", nil); return err },
	"subnet no range": func(ctx *pulumi.Context) error {
		_, err := official.NewSubnetwork(ctx, "b", &official.SubnetworkArgs{Network: s})
		return err
	},
	"subnet no network": func(ctx *pulumi.Context) error {
		_, err := official.NewSubnetwork(ctx, "c", &official.SubnetworkArgs{IpCidrRange: s})
		return err
	},
	"router nil": func(ctx *pulumi.Context) error { _, err := official.NewRouter(ctx, "d", nil); return err },
	"router no network": func(ctx *pulumi.Context) error {
		_, err := official.NewRouter(ctx, "e", &official.RouterArgs{Name: s})
		return err
	},
	"nat nil": func(ctx *pulumi.Context) error { _, err := official.NewRouterNat(ctx, "f", nil); return err },
	"nat no router": func(ctx *pulumi.Context) error {
		_, err := official.NewRouterNat(ctx, "g", &official.RouterNatArgs{SourceSubnetworkIpRangesToNat: s})
		return err
	},
	"nat no source ranges": func(ctx *pulumi.Context) error {
		_, err := official.NewRouterNat(ctx, "h", &official.RouterNatArgs{Router: s})
		return err
	},
	"interface nil": func(ctx *pulumi.Context) error { _, err := official.NewRouterInterface(ctx, "i", nil); return err },
	"interface no router": func(ctx *pulumi.Context) error {
		_, err := official.NewRouterInterface(ctx, "j", &official.RouterInterfaceArgs{VpnTunnel: s})
		return err
	},
	"peer nil": func(ctx *pulumi.Context) error { _, err := official.NewRouterPeer(ctx, "k", nil); return err },
	"peer no interface": func(ctx *pulumi.Context) error {
		_, err := official.NewRouterPeer(ctx, "l", &official.RouterPeerArgs{PeerAsn: pulumi.Int(1), Router: s})
		return err
	},
	"peer no asn": func(ctx *pulumi.Context) error {
		_, err := official.NewRouterPeer(ctx, "m", &official.RouterPeerArgs{Interface: s, Router: s})
		return err
	},
	"peer no router": func(ctx *pulumi.Context) error {
		_, err := official.NewRouterPeer(ctx, "n", &official.RouterPeerArgs{Interface: s, PeerAsn: pulumi.Int(1)})
		return err
	},
	"ha nil": func(ctx *pulumi.Context) error { _, err := official.NewHaVpnGateway(ctx, "o", nil); return err },
	"ha no network": func(ctx *pulumi.Context) error {
		_, err := official.NewHaVpnGateway(ctx, "p", &official.HaVpnGatewayArgs{Name: s})
		return err
	},
	"tunnel nil": func(ctx *pulumi.Context) error { _, err := official.NewVPNTunnel(ctx, "q", nil); return err },
	"tunnel no secret": func(ctx *pulumi.Context) error {
		_, err := official.NewVPNTunnel(ctx, "r", &official.VPNTunnelArgs{Name: s})
		return err
	},
}

// officialProgram is bindingProgram through the official package.
func officialProgram(ctx *pulumi.Context) (map[string]pulumi.Output, error) {
	vpc, err := official.NewNetwork(ctx, "vpc", &official.NetworkArgs{Project: pulumi.String("p"), Name: pulumi.String("vpc"),
		Description: pulumi.String("d"), AutoCreateSubnetworks: pulumi.Bool(false), RoutingMode: pulumi.String("REGIONAL")})
	if err != nil {
		return nil, err
	}
	subnet, err := official.NewSubnetwork(ctx, "subnet", &official.SubnetworkArgs{Project: vpc.Project, Name: pulumi.String("s"),
		Description: pulumi.String("d"), Region: pulumi.String("r"), Network: vpc.ID(), IpCidrRange: pulumi.String("10.0.0.0/20"),
		SecondaryIpRanges: official.SubnetworkSecondaryIpRangeArray{
			&official.SubnetworkSecondaryIpRangeArgs{RangeName: pulumi.String("pods"), IpCidrRange: pulumi.String("10.4.0.0/14")},
			&official.SubnetworkSecondaryIpRangeArgs{RangeName: pulumi.String("services"), IpCidrRange: pulumi.String("10.8.0.0/20")}},
		PrivateIpGoogleAccess: pulumi.Bool(true),
		LogConfig: &official.SubnetworkLogConfigArgs{AggregationInterval: pulumi.String("INTERVAL_5_SEC"),
			FlowSampling: pulumi.Float64(0.5), Metadata: pulumi.String("INCLUDE_ALL_METADATA")}})
	if err != nil {
		return nil, err
	}
	router, err := official.NewRouter(ctx, "router", &official.RouterArgs{Project: vpc.Project, Name: pulumi.String("rt"),
		Description: pulumi.String("d"), Region: pulumi.String("r"), Network: vpc.ID(),
		Bgp: &official.RouterBgpArgs{Asn: pulumi.Int(64514), AdvertiseMode: pulumi.String("CUSTOM"),
			AdvertisedIpRanges: official.RouterBgpAdvertisedIpRangeArray{
				official.RouterBgpAdvertisedIpRangeArgs{Range: pulumi.String("10.0.0.0/20"), Description: pulumi.String("nodes")},
				official.RouterBgpAdvertisedIpRangeArgs{Range: pulumi.String("35.199.192.0/19")}}}})
	if err != nil {
		return nil, err
	}
	nat, err := official.NewRouterNat(ctx, "nat", &official.RouterNatArgs{Project: router.Project, Name: pulumi.String("nat"),
		Region: router.Region, Router: router.Name, NatIpAllocateOption: pulumi.String("AUTO_ONLY"),
		SourceSubnetworkIpRangesToNat: pulumi.String("LIST_OF_SUBNETWORKS"),
		Subnetworks: official.RouterNatSubnetworkArray{official.RouterNatSubnetworkArgs{Name: subnet.SelfLink,
			SourceIpRangesToNats: pulumi.ToStringArray([]string{"ALL_IP_RANGES"})}},
		LogConfig: &official.RouterNatLogConfigArgs{Enable: pulumi.Bool(true), Filter: pulumi.String("ERRORS_ONLY")}})
	if err != nil {
		return nil, err
	}
	outs, err := officialVPN(ctx, vpc, router)
	if err != nil {
		return nil, err
	}
	if err := officialEdge(ctx, outs); err != nil {
		return nil, err
	}
	outs["vpc.name"], outs["vpc.selfLink"], outs["subnet.name"] = vpc.Name, vpc.SelfLink, subnet.Name
	outs["subnet.selfLink"], outs["router.name"], outs["nat.name"] = subnet.SelfLink, router.Name, nat.Name
	outs["subnet.ranges"] = subnet.SecondaryIpRanges.ApplyT(func(rs []official.SubnetworkSecondaryIpRange) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.RangeName+"="+r.IpCidrRange)
		}
		return strings.Join(out, ",")
	}).(pulumi.StringOutput)
	return outs, nil
}

func officialVPN(ctx *pulumi.Context, vpc *official.Network, router *official.Router) (map[string]pulumi.Output, error) {
	ha, err := official.NewHaVpnGateway(ctx, "ha", &official.HaVpnGatewayArgs{Project: vpc.Project, Name: pulumi.String("ha"),
		Description: pulumi.String("d"), Region: pulumi.String("r"), Network: vpc.ID(), StackType: pulumi.String("IPV4_ONLY")})
	if err != nil {
		return nil, err
	}
	peer, err := official.NewExternalVpnGateway(ctx, "peer", &official.ExternalVpnGatewayArgs{Project: ha.Project,
		Name: pulumi.String("peer"), Description: pulumi.String("d"), RedundancyType: pulumi.String("TWO_IPS_REDUNDANCY"),
		Interfaces: official.ExternalVpnGatewayInterfaceArray{
			official.ExternalVpnGatewayInterfaceArgs{Id: pulumi.Int(0), IpAddress: pulumi.String("198.51.100.1")},
			official.ExternalVpnGatewayInterfaceArgs{Id: pulumi.Int(1), IpAddress: pulumi.String("198.51.100.2")}},
		Labels: pulumi.ToStringMap(labels)})
	if err != nil {
		return nil, err
	}
	tunnel, err := official.NewVPNTunnel(ctx, "tunnel", &official.VPNTunnelArgs{Project: router.Project, Name: pulumi.String("t0"),
		Description: pulumi.String("d"), Region: router.Region, VpnGateway: ha.ID(), VpnGatewayInterface: pulumi.Int(0),
		PeerExternalGateway: peer.ID(), PeerExternalGatewayInterface: pulumi.Int(1), Router: router.Name,
		IkeVersion: pulumi.Int(2), SharedSecret: pulumi.String("not-a-real-secret"), Labels: pulumi.ToStringMap(labels)})
	if err != nil {
		return nil, err
	}
	iface, err := official.NewRouterInterface(ctx, "iface", &official.RouterInterfaceArgs{Project: router.Project,
		Region: router.Region, Router: router.Name, Name: pulumi.String("if0"), IpRange: pulumi.String("169.254.21.1/30"),
		VpnTunnel: tunnel.Name})
	if err != nil {
		return nil, err
	}
	if _, err := official.NewRouterPeer(ctx, "bgp-peer", &official.RouterPeerArgs{Project: router.Project, Region: router.Region,
		Router: router.Name, Name: pulumi.String("azure-0"), Interface: iface.Name, IpAddress: pulumi.String("169.254.21.1"),
		PeerIpAddress: pulumi.String("169.254.21.2"), PeerAsn: pulumi.Int(65515), AdvertisedRoutePriority: pulumi.Int(100)}); err != nil {
		return nil, err
	}
	ips := ha.VpnInterfaces.ApplyT(func(ifs []official.HaVpnGatewayVpnInterface) string {
		var out []string
		for _, i := range ifs {
			out = append(out, pointed(i.Id)+"="+pointed(i.IpAddress))
		}
		return strings.Join(out, ",")
	}).(pulumi.StringOutput)
	return map[string]pulumi.Output{"ha.project": ha.Project, "ha.interfaces": ips, "tunnel.name": tunnel.Name,
		"iface.name": iface.Name}, nil
}

func officialEdge(ctx *pulumi.Context, outs map[string]pulumi.Output) error {
	addr, err := official.NewGlobalAddress(ctx, "addr", &official.GlobalAddressArgs{Project: pulumi.String("p"),
		Name: pulumi.String("ip"), AddressType: pulumi.String("EXTERNAL"), IpVersion: pulumi.String("IPV4"),
		Description: pulumi.String("d"), Labels: pulumi.ToStringMap(labels)})
	if err != nil {
		return err
	}
	anyIP := &official.SecurityPolicyRuleMatchArgs{VersionedExpr: pulumi.String("SRC_IPS_V1"),
		Config: &official.SecurityPolicyRuleMatchConfigArgs{SrcIpRanges: pulumi.ToStringArray([]string{"*"})}}
	armor, err := official.NewSecurityPolicy(ctx, "armor", &official.SecurityPolicyArgs{Project: pulumi.String("p"),
		Name: pulumi.String("armor"), Type: pulumi.String("CLOUD_ARMOR"), Description: pulumi.String("d"),
		AdvancedOptionsConfig: &official.SecurityPolicyAdvancedOptionsConfigArgs{JsonParsing: pulumi.String("STANDARD")},
		Rules: official.SecurityPolicyRuleTypeArray{
			&official.SecurityPolicyRuleTypeArgs{Priority: pulumi.Int(900), Action: pulumi.String("deny(403)"), Preview: pulumi.Bool(false),
				Description: pulumi.String("cve"),
				Match:       &official.SecurityPolicyRuleMatchArgs{Expr: &official.SecurityPolicyRuleMatchExprArgs{Expression: pulumi.String("e")}}},
			&official.SecurityPolicyRuleTypeArgs{Priority: pulumi.Int(2000), Action: pulumi.String("rate_based_ban"),
				Description: pulumi.String("limit"), Match: anyIP,
				RateLimitOptions: &official.SecurityPolicyRuleRateLimitOptionsArgs{ConformAction: pulumi.String("allow"),
					ExceedAction: pulumi.String("deny(429)"), EnforceOnKey: pulumi.String("IP"), BanDurationSec: pulumi.Int(600),
					RateLimitThreshold: &official.SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs{
						Count: pulumi.Int(100), IntervalSec: pulumi.Int(60)}}},
			&official.SecurityPolicyRuleTypeArgs{Priority: pulumi.Int(2147483647), Action: pulumi.String("allow"), Match: anyIP}}})
	if err != nil {
		return err
	}
	ssl, err := official.NewSSLPolicy(ctx, "ssl", &official.SSLPolicyArgs{Project: pulumi.String("p"), Name: pulumi.String("tls12"),
		Profile: pulumi.String("MODERN"), MinTlsVersion: pulumi.String("TLS_1_2"), Description: pulumi.String("d")})
	if err != nil {
		return err
	}
	outs["addr.address"], outs["addr.name"], outs["armor.name"], outs["ssl.name"] = addr.Address, addr.Name, armor.Name, ssl.Name
	return nil
}
