package compute_test

import (
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcpnative/compute"
	"github.com/example/mlplatform/internal/bindingtest"
)

type newFn = func(ctx *pulumi.Context) error

// requiredCase is one invalid call through a binding, and the generated constructor's error
// for it (officialRequired, official_test.go, makes the same call through the official package).
type requiredCase bindingtest.RequiredCase

const missing = "missing one or more required arguments"

func req(arg string) string { return "invalid value for required argument '" + arg + "'" }

var s = pulumi.String("x")

// requiredCases: nil args, then each required argument missing in the generated order (the
// ones before it set). The valid side of each is bindingProgram.
var requiredCases = map[string]requiredCase{
	"subnet nil": {func(ctx *pulumi.Context) error { _, err := compute.NewSubnetwork(ctx, "a", nil); return err }, missing},
	"subnet no range": {func(ctx *pulumi.Context) error {
		_, err := compute.NewSubnetwork(ctx, "b", &compute.SubnetworkArgs{Network: s})
		return err
	}, req("IpCidrRange")},
	"subnet no network": {func(ctx *pulumi.Context) error {
		_, err := compute.NewSubnetwork(ctx, "c", &compute.SubnetworkArgs{IpCidrRange: s})
		return err
	}, req("Network")},
	"router nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouter(ctx, "d", nil); return err }, missing},
	"router no network": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouter(ctx, "e", &compute.RouterArgs{Name: s})
		return err
	}, req("Network")},
	"nat nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouterNat(ctx, "f", nil); return err }, missing},
	"nat no router": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterNat(ctx, "g", &compute.RouterNatArgs{SourceSubnetworkIpRangesToNat: s})
		return err
	}, req("Router")},
	"nat no source ranges": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterNat(ctx, "h", &compute.RouterNatArgs{Router: s})
		return err
	}, req("SourceSubnetworkIpRangesToNat")},
	"interface nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouterInterface(ctx, "i", nil); return err }, missing},
	"interface no router": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterInterface(ctx, "j", &compute.RouterInterfaceArgs{VpnTunnel: s})
		return err
	}, req("Router")},
	"peer nil": {func(ctx *pulumi.Context) error { _, err := compute.NewRouterPeer(ctx, "k", nil); return err }, missing},
	"peer no interface": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterPeer(ctx, "l", &compute.RouterPeerArgs{PeerAsn: pulumi.Int(1), Router: s})
		return err
	}, req("Interface")},
	"peer no asn": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterPeer(ctx, "m", &compute.RouterPeerArgs{Interface: s, Router: s})
		return err
	}, req("PeerAsn")},
	"peer no router": {func(ctx *pulumi.Context) error {
		_, err := compute.NewRouterPeer(ctx, "n", &compute.RouterPeerArgs{Interface: s, PeerAsn: pulumi.Int(1)})
		return err
	}, req("Router")},
	"ha nil": {func(ctx *pulumi.Context) error { _, err := compute.NewHaVpnGateway(ctx, "o", nil); return err }, missing},
	"ha no network": {func(ctx *pulumi.Context) error {
		_, err := compute.NewHaVpnGateway(ctx, "p", &compute.HaVpnGatewayArgs{Name: s})
		return err
	}, req("Network")},
	"tunnel nil": {func(ctx *pulumi.Context) error { _, err := compute.NewVPNTunnel(ctx, "q", nil); return err }, missing},
	"tunnel no secret": {func(ctx *pulumi.Context) error {
		_, err := compute.NewVPNTunnel(ctx, "r", &compute.VPNTunnelArgs{Name: s})
		return err
	}, req("SharedSecret")},
}

// Each constructor refuses what the generated one refuses, with the generated message, and
// registers nothing.
func TestMissingRequiredArgumentsAreErrors(t *testing.T) {
	bindingtest.Refuses(t, run, requiredCases, nil)
}

// Where the generated constructor takes nil args (no required argument), so does the binding,
// and it registers what the official one does.
func TestNilArgsWhereTheOfficialTakesThem(t *testing.T) {
	rec, err := run(bindingNilArgs)
	if err != nil {
		t.Fatal(err)
	}
	bindingtest.CompareRequests(t, rec.Reqs, decodeRequests(t, loadGolden(t).NilArgs))
}
