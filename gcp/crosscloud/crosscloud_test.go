package crosscloud_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp/crosscloud"
	"github.com/example/mlplatform/gcp/crosscloud/spec"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
)

// linkArgs are the prod stack's arguments, named and numbered as stack maps them, with the
// Azure end's outputs as plain values.
func linkArgs(s *settings.Settings) *crosscloud.CrossCloudLinkArgs {
	var tunnels []crosscloud.Tunnel
	for _, t := range s.CrossCloud.Tunnels() {
		tunnels = append(tunnels, crosscloud.Tunnel{Index: t.Index, GCPInterface: t.GCPInterface, AzureInstance: t.AzureInstance,
			Link: t.Link, AzureBGPIP: t.AzureBGPIP, GCPBGPIP: t.GCPBGPIP})
	}
	return &crosscloud.CrossCloudLinkArgs{Env: s.Env, Labels: map[string]string{"environment": s.Env},
		GatewayName: "vpn-x", PeerGatewayName: "azure-vgw-x", RouterName: "cr-vpn-x", TunnelName: "vpn-azure-x",
		GCPASN: 65534, AzureASN: 65515, Tunnels: tunnels,
		GKESubnetCIDR: s.GKE.SubnetCIDR, GKEPodsCIDR: s.GKE.PodsCIDR, Region: s.GCP.Region,
		Project: pulumi.String(s.GCP.Project), NetworkID: pulumi.String("projects/p/global/networks/vpc-x"),
		NetworkSelfLink: pulumi.String("https://www.googleapis.com/compute/v1/projects/p/global/networks/vpc-x"),
		AzurePublicIPs:  pulumi.ToStringArray([]string{"20.1.1.1", "20.1.1.2"}),
		SharedKeys:      []pulumi.StringInput{pulumi.String("psk-a"), pulumi.String("psk-b")},
		ResolverIP:      pulumi.String("10.99.0.4"), ForwardedZones: []string{"azconfig.io", "vault.azure.net"}}
}

// The link registers under its unchanged component token, one tunnel, interface and peer per
// tunnel, each tunnel IKEv2 with its own key as a secret, and one private forwarding zone per
// zone, each forwarding privately to the resolver.
func TestLinkRegistersTunnelsAndZones(t *testing.T) {
	s := stacktest.Settings(t, "prod")
	ips := make(chan []string, 1)
	m := stacktest.MustRun(t, "prod", func(ctx *pulumi.Context) error {
		c, err := crosscloud.NewCrossCloudLink(ctx, "crosscloud", linkArgs(s))
		if err == nil {
			c.InterfaceIPs.ApplyT(func(v []string) []string { ips <- v; return v })
		}
		return err
	})
	ha := m.MustFind(t, spec.HaVpnGatewayType, "crosscloud-ha-vpn")
	var want []string
	for _, i := range ha.Outputs["vpnInterfaces"].ArrayValue() {
		want = append(want, i.ObjectValue()["ipAddress"].StringValue())
	}
	select {
	case got := <-ips:
		if len(want) != 2 || !slices.Equal(got, want) {
			t.Errorf("InterfaceIPs = %v, want the gateway's interfaces %v", got, want)
		}
	case <-time.After(10 * time.Second):
		t.Error("InterfaceIPs never resolved")
	}
	if _, ok := m.Find("mlplatform:gcp:CrossCloudLink", "crosscloud"); !ok {
		t.Fatal("no mlplatform:gcp:CrossCloudLink named crosscloud")
	}
	tunnels := m.ByType(spec.TunnelType)
	if len(tunnels) != 2 || len(m.ByType(spec.RouterInterfaceType)) != 2 || len(m.ByType(spec.RouterPeerType)) != 2 {
		t.Fatalf("tunnels %d, interfaces %d, peers %d; want 2 each", len(tunnels), len(m.ByType(spec.RouterInterfaceType)), len(m.ByType(spec.RouterPeerType)))
	}
	for i, tu := range tunnels {
		psk := tu.Inputs["sharedSecret"]
		if tu.Inputs["ikeVersion"].NumberValue() != 2 || !psk.IsSecret() || psk.SecretValue().Element.StringValue() != []string{"psk-a", "psk-b"}[i] {
			t.Errorf("tunnel %s: ikeVersion %v, sharedSecret %v", tu.Name, tu.Inputs["ikeVersion"], psk)
		}
	}
	var zones []string
	for _, z := range m.ByType(spec.ManagedZoneType) {
		target := z.Inputs["forwardingConfig"].ObjectValue()["targetNameServers"].ArrayValue()[0].ObjectValue()
		if z.Inputs["visibility"].StringValue() != "private" || target["ipv4Address"].StringValue() != "10.99.0.4" || target["forwardingPath"].StringValue() != "private" {
			t.Errorf("zone %s: %v", z.Name, z.Inputs)
		}
		zones = append(zones, z.Inputs["dnsName"].StringValue())
	}
	if slices.Sort(zones); !slices.Equal(zones, []string{"azconfig.io.", "vault.azure.net."}) {
		t.Errorf("forwarding zones %v", zones)
	}
}

// The router advertises exactly the GKE node and pod ranges and Cloud DNS's forwarder range.
func TestRouterAdvertisesOnlyWhatTalksToAzure(t *testing.T) {
	s := stacktest.Settings(t, "prod")
	m := stacktest.MustRun(t, "prod", func(ctx *pulumi.Context) error {
		_, err := crosscloud.NewCrossCloudLink(ctx, "crosscloud", linkArgs(s))
		return err
	})
	bgp := m.MustFind(t, "gcp:compute/router:Router", "crosscloud-router").Inputs["bgp"].ObjectValue()
	var ranges []string
	for _, r := range bgp["advertisedIpRanges"].ArrayValue() {
		ranges = append(ranges, r.ObjectValue()["range"].StringValue())
	}
	want := []string{s.GKE.SubnetCIDR.String(), s.GKE.PodsCIDR.String(), "35.199.192.0/19"}
	if bgp["advertiseMode"] != resource.NewStringProperty("CUSTOM") || !slices.Equal(ranges, want) {
		t.Errorf("advertiseMode %v, ranges %v; want CUSTOM %v", bgp["advertiseMode"], ranges, want)
	}
	if bgp["asn"].NumberValue() != 65534 {
		t.Errorf("router asn %v, want GCPASN 65534", bgp["asn"])
	}
}

// Each tunnel is named from TunnelName and its index, its router interface is on it, and its
// BGP peer pairs the tunnel's link addresses (the router's, Azure's) with AzureASN.
func TestTunnelSessionsFollowTheirTunnel(t *testing.T) {
	s := stacktest.Settings(t, "prod")
	m := stacktest.MustRun(t, "prod", func(ctx *pulumi.Context) error {
		_, err := crosscloud.NewCrossCloudLink(ctx, "crosscloud", linkArgs(s))
		return err
	})
	for _, tu := range s.CrossCloud.Tunnels() {
		k := strconv.Itoa(tu.Index)
		if name := m.MustFind(t, spec.TunnelType, "crosscloud-tunnel-"+k).Inputs["name"].StringValue(); name != "vpn-azure-x-"+k {
			t.Errorf("tunnel %s named %q", k, name)
		}
		iface := m.MustFind(t, spec.RouterInterfaceType, "crosscloud-if-"+k).Inputs
		if got := iface["vpnTunnel"].StringValue(); got != "vpn-azure-x-"+k {
			t.Errorf("interface %s on tunnel %q", k, got)
		}
		// Google's end of the tunnel's /30 link (169.254.21.2/30, 169.254.22.2/30 in prod).
		if got, want := iface["ipRange"].StringValue(), map[string]string{"0": "169.254.21.2/30", "1": "169.254.22.2/30"}[k]; got != want {
			t.Errorf("interface %s ipRange %q, want %q", k, got, want)
		}
		peer := m.MustFind(t, spec.RouterPeerType, "crosscloud-peer-"+k).Inputs
		if peer["ipAddress"].StringValue() != tu.GCPBGPIP.String() || peer["peerIpAddress"].StringValue() != tu.AzureBGPIP.String() ||
			peer["peerAsn"].NumberValue() != 65515 {
			t.Errorf("peer %s: %v", k, peer)
		}
	}
}

// Every argument the link cannot do without is named before anything is registered, and the
// keys must match the tunnels one to one.
func TestRequiredArguments(t *testing.T) {
	s := stacktest.Settings(t, "prod")
	stacktest.MustRun(t, "prod", func(ctx *pulumi.Context) error {
		_, err := crosscloud.NewCrossCloudLink(ctx, "n", nil)
		if want := "crosscloud.NewCrossCloudLink: missing required arguments: AzurePublicIPs, Env, ForwardedZones, GatewayName, Labels, NetworkID, NetworkSelfLink, PeerGatewayName, Project, Region, ResolverIP, RouterName, TunnelName, Tunnels"; err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
		args := linkArgs(s)
		args.SharedKeys = args.SharedKeys[:1]
		_, err = crosscloud.NewCrossCloudLink(ctx, "k", args)
		if err == nil || !strings.Contains(err.Error(), "SharedKeys (one per tunnel: want 2, got 1)") {
			t.Errorf("one key for two tunnels: %v", err)
		}
		return nil
	})
}
