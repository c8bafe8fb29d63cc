package foundation_test

import (
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure/foundation"
	"github.com/example/mlplatform/internal/stacktest"
)

// Missing arguments are named, all at once; the network's names and ranges are required only
// with private networking. (The foundation's resources in each stack: azure's TestFoundation.)
func TestInvalidArgumentsAreErrors(t *testing.T) {
	s := stacktest.Settings(t, "prod")
	public := stacktest.FoundationArgs(s)
	public.PrivateNetworking, public.VirtualNetworkName, public.VnetCIDR = false, "", ""
	private := stacktest.FoundationArgs(s)
	private.PrivateNetworking, private.VirtualNetworkName, private.SecurityGroupName = true, "", ""
	private.MonitorScopeName, private.VnetCIDR, private.PrivateEndpointSubnetCIDR = "", "", ""
	cases := map[string]struct {
		args *foundation.FoundationArgs
		want string
	}{
		"nil args": {nil, "foundation.NewFoundation: missing required arguments: " +
			"AppInsightsName, Location, LogAnalyticsName, ResourceGroupName, Tags"},
		"empty args": {&foundation.FoundationArgs{}, "foundation.NewFoundation: missing required arguments: " +
			"AppInsightsName, Location, LogAnalyticsName, ResourceGroupName, Tags"},
		"private networking without the network": {private, "foundation.NewFoundation: missing required arguments: " +
			"MonitorScopeName, PrivateEndpointSubnetCIDR, SecurityGroupName, VirtualNetworkName, VnetCIDR"},
		"public without the network": {public, ""},
	}
	errs := map[string]error{}
	stacktest.MustRun(t, "prod", func(ctx *pulumi.Context) error {
		for name, c := range cases {
			_, errs[name] = foundation.NewFoundation(ctx, "platform-"+strings.ReplaceAll(name, " ", "-"), c.args)
		}
		return nil
	})
	for name, c := range cases {
		got := ""
		if errs[name] != nil {
			got = errs[name].Error()
		}
		if got != c.want {
			t.Errorf("%s: error %q, want %q", name, got, c.want)
		}
	}
}
