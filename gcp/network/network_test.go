package network_test

import (
	"net/netip"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp/network"
	"github.com/example/mlplatform/gcp/network/spec"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
)

const tRouter = "gcp:compute/router:Router"

// argsOf maps the stack's configuration into the network's inputs, as package stack does.
func argsOf(s *settings.Settings) *network.NetworkArgs {
	return &network.NetworkArgs{Env: s.Env, Name: s.Names.Network(), Region: s.GCP.Region,
		SubnetCIDR: s.GKE.SubnetCIDR, PodsCIDR: s.GKE.PodsCIDR, ServicesCIDR: s.GKE.ServicesCIDR, Project: pulumi.String(s.GCP.Project)}
}

// at reads a nested input or output value as a plain Go value (nil when absent).
func at(pm resource.PropertyMap, path ...any) any {
	v := resource.NewObjectProperty(pm)
	for _, k := range path {
		switch k := k.(type) {
		case string:
			if !v.IsObject() {
				return nil
			}
			v = v.ObjectValue()[resource.PropertyKey(k)]
		case int:
			if !v.IsArray() || k >= len(v.ArrayValue()) {
				return nil
			}
			v = v.ArrayValue()[k]
		}
	}
	return v.Mappable()
}

func eq(t *testing.T, r mocks.Resource, want any, path ...any) {
	t.Helper()
	if got := at(r.Inputs, path...); got != want {
		t.Errorf("%s %v = %#v, want %#v", r.Name, path, got, want)
	}
}

// The VPC is custom-mode with the GKE subnet (Private Google Access, flow logs, the pods' and
// services' secondary ranges from the stack) and Cloud NAT serving that subnet only, under the
// unchanged component token.
func TestNetwork(t *testing.T) {
	for _, stack := range []string{"dev", "prod"} {
		t.Run(stack, func(t *testing.T) {
			s := stacktest.Settings(t, stack)
			m := stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
				_, err := network.NewNetwork(ctx, "gcp", argsOf(s))
				return err
			})
			m.MustFind(t, "mlplatform:gcp:Network", "gcp")
			vpc := m.MustFind(t, spec.NetworkType, "gcp-vpc")
			eq(t, vpc, s.Names.Network(), "name")
			eq(t, vpc, false, "autoCreateSubnetworks")
			eq(t, vpc, "REGIONAL", "routingMode")
			subnet := m.MustFind(t, spec.SubnetworkType, "gcp-gke")
			for _, c := range []struct {
				want any
				path []any
			}{
				{s.GCP.Region, []any{"region"}}, {vpc.ID, []any{"network"}}, {s.GKE.SubnetCIDR.String(), []any{"ipCidrRange"}},
				{true, []any{"privateIpGoogleAccess"}}, {"pods", []any{"secondaryIpRanges", 0, "rangeName"}},
				{s.GKE.PodsCIDR.String(), []any{"secondaryIpRanges", 0, "ipCidrRange"}}, {"services", []any{"secondaryIpRanges", 1, "rangeName"}},
				{s.GKE.ServicesCIDR.String(), []any{"secondaryIpRanges", 1, "ipCidrRange"}},
				{"INTERVAL_5_SEC", []any{"logConfig", "aggregationInterval"}}, {0.5, []any{"logConfig", "flowSampling"}},
				{"INCLUDE_ALL_METADATA", []any{"logConfig", "metadata"}},
			} {
				eq(t, subnet, c.want, c.path...)
			}
			router := m.MustFind(t, tRouter, "gcp-router")
			eq(t, router, vpc.ID, "network")
			eq(t, router, s.GCP.Region, "region")
			nat := m.MustFind(t, spec.RouterNatType, "gcp-nat")
			eq(t, nat, at(router.Outputs, "name"), "router")
			eq(t, nat, s.GCP.Region, "region")
			eq(t, nat, "AUTO_ONLY", "natIpAllocateOption")
			eq(t, nat, "LIST_OF_SUBNETWORKS", "sourceSubnetworkIpRangesToNat") // the cluster subnet only
			eq(t, nat, at(subnet.Outputs, "selfLink"), "subnetworks", 0, "name")
			eq(t, nat, "ALL_IP_RANGES", "subnetworks", 0, "sourceIpRangesToNats", 0)
			if n := len(at(nat.Inputs, "subnetworks").([]any)); n != 1 {
				t.Errorf("NAT serves %d subnetworks, want the cluster subnet only", n)
			}
			eq(t, nat, true, "logConfig", "enable")
			eq(t, nat, "ERRORS_ONLY", "logConfig", "filter")
		})
	}
}

// The component's outputs are its resources' values: the consumers (cluster, cross-cloud link,
// stack outputs) read them rather than recomputing names.
func TestNetworkOutputs(t *testing.T) {
	s := stacktest.Settings(t, "prod")
	got := make(chan map[string]any, 1)
	m := stacktest.MustRun(t, "prod", func(ctx *pulumi.Context) error {
		n, err := network.NewNetwork(ctx, "gcp", argsOf(s))
		if err != nil {
			return err
		}
		pulumi.All(n.NetworkName, n.NetworkID, n.NetworkSelfLink, n.SubnetID, n.PodsRangeName, n.ServicesRangeName, n.NATName).ApplyT(
			func(v []any) any {
				got <- map[string]any{"name": v[0], "id": v[1], "selfLink": v[2], "subnetId": v[3], "pods": v[4], "services": v[5], "nat": v[6]}
				return nil
			})
		return nil
	})
	vpc := m.MustFind(t, spec.NetworkType, "gcp-vpc")
	subnet := m.MustFind(t, spec.SubnetworkType, "gcp-gke")
	want := map[string]any{"name": s.Names.Network(), "id": vpc.ID, "selfLink": "https://www.googleapis.com/compute/v1/" + vpc.ID,
		"subnetId": subnet.ID, "pods": "pods", "services": "services", "nat": s.Names.Network() + "-nat"}
	var out map[string]any
	select {
	case out = <-got:
	case <-time.After(10 * time.Second): // a rejected output never applies
		t.Fatal("the outputs never resolved")
	}
	for k, w := range want {
		if out[k] != w {
			t.Errorf("output %s = %v, want %v", k, out[k], w)
		}
	}
}

// A missing argument is named before anything is registered: nil arguments miss all of them,
// a zero prefix is a missing range, and an output with no state a missing project.
func TestInvalidArgs(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	noRanges := argsOf(s)
	noRanges.PodsCIDR, noRanges.ServicesCIDR = netip.Prefix{}, netip.Prefix{}
	noProject := argsOf(s)
	noProject.Project = pulumi.StringOutput{}
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		for want, args := range map[string]*network.NetworkArgs{
			"network.NewNetwork: missing required arguments: Env, Name, PodsCIDR, Project, Region, ServicesCIDR, SubnetCIDR": nil,
			"network.NewNetwork: missing required arguments: PodsCIDR, ServicesCIDR":                                         noRanges,
			"network.NewNetwork: missing required arguments: Project":                                                        noProject,
		} {
			if _, err := network.NewNetwork(ctx, "n", args); err == nil || err.Error() != want {
				t.Errorf("got %v\nwant %s", err, want)
			}
		}
		return nil
	})
}

// The ranges and names come from the arguments alone: literal inputs give literal resources.
func TestLiteralInputs(t *testing.T) {
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		_, err := network.NewNetwork(ctx, "x", &network.NetworkArgs{Env: "test", Name: "vpc-t", Region: "us-east1",
			SubnetCIDR: netip.MustParsePrefix("10.1.0.0/20"), PodsCIDR: netip.MustParsePrefix("10.2.0.0/16"),
			ServicesCIDR: netip.MustParsePrefix("10.3.0.0/20"), Project: pulumi.String("p-1")})
		return err
	})
	vpc := m.MustFind(t, spec.NetworkType, "x-vpc")
	eq(t, vpc, "vpc-t", "name")
	eq(t, vpc, "ML platform VPC (test)", "description")
	subnet := m.MustFind(t, spec.SubnetworkType, "x-gke")
	eq(t, subnet, "vpc-t-gke", "name")
	eq(t, subnet, "us-east1", "region")
	eq(t, subnet, "10.1.0.0/20", "ipCidrRange")
	eq(t, subnet, "10.2.0.0/16", "secondaryIpRanges", 0, "ipCidrRange")
	eq(t, subnet, "10.3.0.0/20", "secondaryIpRanges", 1, "ipCidrRange")
	eq(t, m.MustFind(t, tRouter, "x-router"), "vpc-t-router", "name")
	eq(t, m.MustFind(t, spec.RouterNatType, "x-nat"), "vpc-t-nat", "name")
}
