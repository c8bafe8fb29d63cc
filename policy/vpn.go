package policy

import (
	"fmt"
	"strings"
)

// VPN rules: the site-to-site link between the GKE VPC and the Azure platform VNet.
var vpnRules = []Rule{
	{ID: "VPN-001", Severity: High, Types: []string{tunnelType},
		Description: "Cloud VPN tunnels must use IKEv2 (ikeVersion 2, the default). High: IKEv1 lacks the stronger negotiation and is a legacy fallback.",
		Remediation: "Set ikeVersion to 2 or leave it unset.",
		check:       ikeV2Tunnel},
	{ID: "VPN-002", Severity: High, Types: []string{connectionType},
		Description: "Azure VPN connections must use IKEv2 (connectionProtocol IKEv2, the default). High: IKEv1 lacks the stronger negotiation and is a legacy fallback.",
		Remediation: "Set connectionProtocol to IKEv2 or leave it unset.",
		check:       enum("connectionProtocol", "IKEv2", "IKEv2")},
	{ID: "VPN-003", Severity: High, Types: []string{tunnelType, connectionType},
		Description: "VPN pre-shared keys (sharedSecret, sharedKey) must be set and secret. High: a plain key is stored readable in the state file and lets anyone who reads it impersonate a tunnel end.",
		Remediation: "Generate the key (random.RandomPassword) and pass it as a secret.",
		check:       secretPSK},
	{ID: "VPN-004", Severity: Medium, Types: []string{vpnGatewayType},
		External:    []string{"Azure.VNG.VPNActiveActive", "Azure.VNG.VPNAvailabilityZoneSKU", "Azure.VNG.VPNLegacySKU"},
		Description: "An Azure VPN gateway must be active-active with BGP on a zone-redundant (*AZ) SKU. Medium: a standby instance or a single zone turns maintenance or a zone outage into a cut.",
		Remediation: "Set activeActive and enableBgp to true and sku.name to a VpnGw*AZ SKU.",
		check:       all(isTrue("activeActive"), isTrue("enableBgp"), zoneRedundantSKU)},
	{ID: "VPN-005", Severity: Medium, Types: []string{routerType},
		Description: "A Cloud Router with BGP must advertise custom ranges only (advertiseMode CUSTOM, no ALL_SUBNETS group). Medium: the peer network should learn only the prefixes that talk to it.",
		Remediation: "Set bgp.advertiseMode to CUSTOM and list the needed ranges in bgp.advertisedIpRanges.",
		check:       customAdvertisement},
}

func ikeV2Tunnel(r Resource) []string {
	p := get(r.Inputs, "ikeVersion")
	if p.unknown() || p.absent() {
		return nil
	}
	if n, ok := p.number(); ok && n == 2 {
		return nil
	}
	return msgf("ikeVersion is %s; want 2", p.show())
}

func secretPSK(r Resource) []string {
	path := "sharedSecret"
	if typeKey(r.Type) == connectionType {
		path = "sharedKey"
	}
	p := get(r.Inputs, path)
	switch {
	case p.unknown():
		return nil
	case p.absent() || strings.TrimSpace(p.text()) == "":
		return msgf("%s is not set", path)
	case !p.secret:
		return msgf("%s is a plain value; it must be a secret", path)
	}
	return nil
}

func zoneRedundantSKU(r Resource) []string {
	p := get(r.Inputs, "sku.name")
	if p.unknown() || strings.HasSuffix(p.text(), "AZ") {
		return nil
	}
	return []string{fmt.Sprintf("sku.name is %s; want a zone-redundant VpnGw*AZ SKU", describe(p, "Basic"))}
}

func customAdvertisement(r Resource) []string {
	if get(r.Inputs, "bgp").absent() {
		return nil // a router without BGP (e.g. Cloud NAT's) advertises nothing
	}
	var out []string
	if mode := get(r.Inputs, "bgp.advertiseMode"); !mode.unknown() && !oneOf(mode.text(), "CUSTOM") {
		out = append(out, fmt.Sprintf("bgp.advertiseMode is %s; want \"CUSTOM\"", describe(mode, "DEFAULT")))
	}
	for _, g := range get(r.Inputs, "bgp.advertisedGroups").strings() {
		if g == "ALL_SUBNETS" {
			out = append(out, "bgp.advertisedGroups includes ALL_SUBNETS: every subnet of the VPC is announced")
		}
	}
	return out
}
