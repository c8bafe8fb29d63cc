package spec

import (
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/example/mlplatform/kit"
)

// maxKeyRotation is KMS-001's bound: 90 days, in seconds.
const maxKeyRotation = 90 * 24 * 60 * 60

func controlPlaneExposure(r kit.Resource) []string {
	cfg := kit.Get(r.Inputs, "masterAuthorizedNetworksConfig")
	if cfg.Unknown() {
		return nil
	}
	if cfg.Absent() {
		if private, ok := kit.Get(r.Inputs, "privateClusterConfig.enablePrivateEndpoint").Boolean(); ok && private {
			return nil
		}
		return kit.Msgf("masterAuthorizedNetworksConfig is not set: the public control-plane endpoint accepts any address")
	}
	var out []string
	for i, block := range kit.Get(r.Inputs, "masterAuthorizedNetworksConfig.cidrBlocks").Array() {
		cidr := kit.Unwrap(block).Object()
		if p, err := netip.ParsePrefix(strings.TrimSpace(kit.Get(cidr, "cidrBlock").Text())); err == nil && p.Bits() == 0 {
			out = append(out, fmt.Sprintf("masterAuthorizedNetworksConfig.cidrBlocks[%d] is %s: open to the internet", i, p))
		}
	}
	if on, ok := kit.Get(r.Inputs, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled").Boolean(); ok && on {
		out = append(out, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled is true: any Google Cloud VM can reach the control plane")
	}
	return out
}

// privateRanges are the address blocks AVD-GCP-0053 and CIS GKE 5.6.3 accept in master
// authorized networks: RFC 1918 and RFC 6598 (shared address space).
var privateRanges = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("100.64.0.0/10")}

func privateAuthorizedNetworks(r kit.Resource) []string {
	var out []string
	for i, block := range kit.Get(r.Inputs, "masterAuthorizedNetworksConfig.cidrBlocks").Array() {
		cidr := kit.Get(kit.Unwrap(block).Object(), "cidrBlock")
		if cidr.Unknown() {
			continue
		}
		p, err := netip.ParsePrefix(strings.TrimSpace(cidr.Text()))
		if err != nil {
			out = append(out, fmt.Sprintf("masterAuthorizedNetworksConfig.cidrBlocks[%d] is %s: not a CIDR", i, cidr.Show()))
			continue
		}
		if !within(p, privateRanges) {
			out = append(out, fmt.Sprintf("masterAuthorizedNetworksConfig.cidrBlocks[%d] is %s: a public range", i, p))
		}
	}
	return out
}

func within(p netip.Prefix, ranges []netip.Prefix) bool {
	for _, r := range ranges {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

func networkPolicyEnforced(r kit.Resource) []string {
	dp, np := kit.Get(r.Inputs, "datapathProvider"), kit.Get(r.Inputs, "networkPolicy.enabled")
	if dp.Unknown() || np.Unknown() || kit.OneOf(dp.Text(), "ADVANCED_DATAPATH") {
		return nil
	}
	if on, ok := np.Boolean(); ok && on {
		return nil
	}
	return kit.Msgf("datapathProvider is %s and networkPolicy is not enabled", kit.Describe(dp, "LEGACY_DATAPATH"))
}

func telemetryEnabled(r kit.Resource) []string {
	var out []string
	for _, path := range []string{"loggingService", "monitoringService"} {
		if p := kit.Get(r.Inputs, path); kit.OneOf(p.Text(), "none") {
			out = append(out, fmt.Sprintf("%s is %s", path, p.Show()))
		}
	}
	if p := kit.Get(r.Inputs, "loggingConfig.enableComponents"); p.V.IsArray() && len(p.Array()) == 0 {
		out = append(out, "loggingConfig.enableComponents is empty: no logs are collected")
	}
	return out
}

// noInlinePools: CKV_GCP_123 wants node pools as their own resources, not nodePools blocks.
func noInlinePools(r kit.Resource) []string {
	if len(kit.Get(r.Inputs, "nodePools").Array()) > 0 {
		return kit.Msgf("nodePools declares node pools inline; use gcp.container.NodePool")
	}
	return nil
}

func nonEmptyMap(path string) kit.Check {
	return func(r kit.Resource) []string {
		p := kit.Get(r.Inputs, path)
		if p.Unknown() || len(p.Object()) > 0 {
			return nil
		}
		return kit.Msgf("%s is not set", path)
	}
}

func vpcNative(r kit.Resource) []string {
	policy, mode := kit.Get(r.Inputs, "ipAllocationPolicy"), kit.Get(r.Inputs, "networkingMode")
	if policy.Unknown() || mode.Unknown() {
		return nil
	}
	if policy.Absent() {
		return kit.Msgf("ipAllocationPolicy is not set: the cluster is routes-based")
	}
	if kit.OneOf(mode.Text(), "ROUTES") {
		return kit.Msgf("networkingMode is ROUTES")
	}
	return nil
}

func legacyEndpointsDisabled(r kit.Resource) []string {
	metadata := kit.Get(r.Inputs, "nodeConfig.metadata")
	if metadata.Unknown() {
		return nil
	}
	p := kit.Unwrap(metadata.Object()["disable-legacy-endpoints"])
	if p.Unknown() {
		return nil
	}
	if b, ok := p.Boolean(); ok && b {
		return nil
	}
	shown := "is not set"
	if !p.Absent() {
		shown = "is " + p.Show()
	}
	return kit.Msgf(`nodeConfig.metadata["disable-legacy-endpoints"] %s; want "true"`, shown)
}

func nodeServiceAccount(r kit.Resource) []string {
	p := kit.Get(r.Inputs, "nodeConfig.serviceAccount")
	switch sa := strings.TrimSpace(p.Text()); {
	case p.Unknown():
		return nil
	case sa == "":
		return kit.Msgf("nodeConfig.serviceAccount is not set: nodes run as the Compute Engine default service account")
	case sa == "default" || strings.HasSuffix(sa, "-compute@developer.gserviceaccount.com"):
		return kit.Msgf("nodeConfig.serviceAccount is %s, the Compute Engine default service account", p.Show())
	}
	return nil
}

func keyRotation(r kit.Resource) []string {
	p := kit.Get(r.Inputs, "rotationPeriod")
	switch {
	case p.Unknown():
		return nil
	case p.Absent():
		return kit.Msgf("rotationPeriod is not set: the key never rotates")
	}
	seconds, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(p.Text()), "s"), 64)
	if err != nil || seconds <= 0 {
		return kit.Msgf(`rotationPeriod is %s; want a duration such as "7776000s"`, p.Show())
	}
	if seconds > maxKeyRotation {
		return kit.Msgf("rotationPeriod is %s (%.0f days); want at most 90 days", p.Show(), seconds/86400)
	}
	return nil
}
