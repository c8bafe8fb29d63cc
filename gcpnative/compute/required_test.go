package compute_test

import (
	"testing"

	official "github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/compute"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"google.golang.org/protobuf/proto"

	"github.com/example/mlplatform/gcpnative/compute"
)

type newFn func(ctx *pulumi.Context) error

// requiredCase is one invalid call, through the binding and through the official package.
type requiredCase struct {
	bound, official newFn
	want            string
}

const missing = "missing one or more required arguments"

func req(arg string) string { return "invalid value for required argument '" + arg + "'" }

var s = pulumi.String("x")

// requiredCases: nil args, then each required argument missing in the generated order (the
// ones before it set). The valid side of each is bindingProgram.
var requiredCases = map[string]requiredCase{
	"subnet nil": {func(ctx *pulumi.Context) error { _, err := compute.NewSubnetwork(ctx, "a", nil); return err },
		func(ctx *pulumi.Context) error { _, err := official.NewSubnetwork(ctx, "a", nil); return err }, missing},
	"subnet no range": {func(ctx *pulumi.Context) error {
		_, err := compute.NewSubnetwork(ctx, "b", &compute.SubnetworkArgs{Network: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewSubnetwork(ctx, "b", &official.SubnetworkArgs{Network: s})
		return err
	}, req("IpCidrRange")},
	"subnet no network": {func(ctx *pulumi.Context) error {
		_, err := compute.NewSubnetwork(ctx, "c", &compute.SubnetworkArgs{IpCidrRange: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewSubnetwork(ctx, "c", &official.SubnetworkArgs{IpCidrRange: s})
		return err
	}, req("Network")},
	"router nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouter(ctx, "d", nil); return err },
		func(ctx *pulumi.Context) error { _, err := official.NewRouter(ctx, "d", nil); return err }, missing},
	"router no network": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouter(ctx, "e", &compute.RouterArgs{Name: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewRouter(ctx, "e", &official.RouterArgs{Name: s})
		return err
	},
		req("Network")},
	"nat nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouterNat(ctx, "f", nil); return err },
		func(ctx *pulumi.Context) error { _, err := official.NewRouterNat(ctx, "f", nil); return err }, missing},
	"nat no router": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterNat(ctx, "g", &compute.RouterNatArgs{SourceSubnetworkIpRangesToNat: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewRouterNat(ctx, "g", &official.RouterNatArgs{SourceSubnetworkIpRangesToNat: s})
		return err
	}, req("Router")},
	"nat no source ranges": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterNat(ctx, "h", &compute.RouterNatArgs{Router: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewRouterNat(ctx, "h", &official.RouterNatArgs{Router: s})
		return err
	}, req("SourceSubnetworkIpRangesToNat")},
	"interface nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouterInterface(ctx, "i", nil); return err },
		func(ctx *pulumi.Context) error { _, err := official.NewRouterInterface(ctx, "i", nil); return err }, missing},
	"interface no router": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterInterface(ctx, "j", &compute.RouterInterfaceArgs{VpnTunnel: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewRouterInterface(ctx, "j", &official.RouterInterfaceArgs{VpnTunnel: s})
		return err
	}, req("Router")},
	"peer nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouterPeer(ctx, "k", nil); return err },
		func(ctx *pulumi.Context) error { _, err := official.NewRouterPeer(ctx, "k", nil); return err }, missing},
	"peer no interface": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterPeer(ctx, "l", &compute.RouterPeerArgs{PeerAsn: pulumi.Int(1), Router: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewRouterPeer(ctx, "l", &official.RouterPeerArgs{PeerAsn: pulumi.Int(1), Router: s})
		return err
	}, req("Interface")},
	"peer no asn": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterPeer(ctx, "m", &compute.RouterPeerArgs{Interface: s, Router: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewRouterPeer(ctx, "m", &official.RouterPeerArgs{Interface: s, Router: s})
		return err
	}, req("PeerAsn")},
	"peer no router": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterPeer(ctx, "n", &compute.RouterPeerArgs{Interface: s, PeerAsn: pulumi.Int(1)})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewRouterPeer(ctx, "n", &official.RouterPeerArgs{Interface: s, PeerAsn: pulumi.Int(1)})
		return err
	}, req("Router")},
	"ha nil": {func(ctx *pulumi.Context) error { _, err := compute.NewHaVpnGateway(ctx, "o", nil); return err },
		func(ctx *pulumi.Context) error { _, err := official.NewHaVpnGateway(ctx, "o", nil); return err }, missing},
	"ha no network": {func(ctx *pulumi.Context) error {
		_, err := compute.NewHaVpnGateway(ctx, "p", &compute.HaVpnGatewayArgs{Name: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewHaVpnGateway(ctx, "p", &official.HaVpnGatewayArgs{Name: s})
		return err
	}, req("Network")},
	"tunnel nil": {func(ctx *pulumi.Context) error { _, err := compute.NewVPNTunnel(ctx, "q", nil); return err },
		func(ctx *pulumi.Context) error { _, err := official.NewVPNTunnel(ctx, "q", nil); return err }, missing},
	"tunnel no secret": {func(ctx *pulumi.Context) error {
		_, err := compute.NewVPNTunnel(ctx, "r", &compute.VPNTunnelArgs{Name: s})
		return err
	}, func(ctx *pulumi.Context) error {
		_, err := official.NewVPNTunnel(ctx, "r", &official.VPNTunnelArgs{Name: s})
		return err
	}, req("SharedSecret")},
}

// Each constructor refuses what the generated one refuses, with the generated message, and
// registers nothing.
func TestMissingRequiredArgumentsAreErrors(t *testing.T) {
	for side, pick := range map[string]func(requiredCase) newFn{
		"binding":  func(c requiredCase) newFn { return c.bound },
		"official": func(c requiredCase) newFn { return c.official },
	} {
		errs := map[string]error{}
		rec, err := run(t, func(ctx *pulumi.Context) error {
			for name, c := range requiredCases {
				errs[name] = pick(c)(ctx)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for name, c := range requiredCases {
			if err := errs[name]; err == nil || err.Error() != c.want {
				t.Errorf("%s %s: error %v, want %q", side, name, err, c.want)
			}
		}
		if n := len(rec.reqs); n != 0 {
			t.Errorf("%s: %d resources registered despite invalid arguments", side, n)
		}
	}
}

// Where the generated constructor takes nil args (no required argument), so does the binding,
// and the two register the same empty resource.
func TestNilArgsWhereTheOfficialTakesThem(t *testing.T) {
	bound, err := run(t, func(ctx *pulumi.Context) error {
		_, e1 := compute.NewNetwork(ctx, "net", nil)
		_, e2 := compute.NewExternalVpnGateway(ctx, "peer", nil)
		_, e3 := compute.NewGlobalAddress(ctx, "addr", nil)
		_, e4 := compute.NewSSLPolicy(ctx, "ssl", nil)
		_, e5 := compute.NewSecurityPolicy(ctx, "armor", nil)
		return firstErr(e1, e2, e3, e4, e5)
	})
	if err != nil {
		t.Fatal(err)
	}
	off, err := run(t, func(ctx *pulumi.Context) error {
		_, e1 := official.NewNetwork(ctx, "net", nil)
		_, e2 := official.NewExternalVpnGateway(ctx, "peer", nil)
		_, e3 := official.NewGlobalAddress(ctx, "addr", nil)
		_, e4 := official.NewSSLPolicy(ctx, "ssl", nil)
		_, e5 := official.NewSecurityPolicy(ctx, "armor", nil)
		return firstErr(e1, e2, e3, e4, e5)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(bound.reqs) != 5 || len(off.reqs) != 5 {
		t.Fatalf("registered %d through the bindings, %d officially; want 5 each", len(bound.reqs), len(off.reqs))
	}
	for name, want := range off.reqs {
		if got := bound.reqs[name]; !proto.Equal(got, want) {
			t.Errorf("%s: nil-args request differs\n got %v\nwant %v", name, got, want)
		}
	}
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
