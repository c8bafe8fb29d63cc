package policy

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// VPN rules: the site-to-site link between the GKE VPC and the Azure platform VNet. Each end's
// rules on its own types are its component's (VPN-001: gcp/crosscloud/spec; VPN-002, VPN-004:
// azure/crosscloud/spec); VPN-003 spans both clouds' types.
var vpnRules = []Rule{
	{ID: "VPN-003", Severity: High, Types: []string{tunnelType, connectionType},
		Description: "VPN pre-shared keys (sharedSecret, sharedKey) must be set and secret. High: a plain key is stored readable in the state file and lets anyone who reads it impersonate a tunnel end.",
		Remediation: "Generate the key (random.RandomPassword) and pass it as a secret.",
		check:       secretPSK},
	{ID: "VPN-005", Severity: Medium, Types: []string{routerType},
		Description: "A Cloud Router with BGP must advertise custom ranges only (advertiseMode CUSTOM, no ALL_SUBNETS group). Medium: the peer network should learn only the prefixes that talk to it.",
		Remediation: "Set bgp.advertiseMode to CUSTOM and list the needed ranges in bgp.advertisedIpRanges.",
		check:       customAdvertisement},
}

func secretPSK(r Resource) []string {
	path := "sharedSecret"
	if typeKey(r.Type) == connectionType {
		path = "sharedKey"
	}
	p := get(r.Inputs, path)
	switch {
	case p.Unknown():
		return nil
	case p.Absent() || strings.TrimSpace(p.Text()) == "":
		return msgf("%s is not set", path)
	case !p.Secret:
		return msgf("%s is a plain value; it must be a secret", path)
	}
	return nil
}

func customAdvertisement(r Resource) []string {
	if get(r.Inputs, "bgp").Absent() {
		return nil // a router without BGP (e.g. Cloud NAT's) advertises nothing
	}
	var out []string
	if mode := get(r.Inputs, "bgp.advertiseMode"); !mode.Unknown() && !oneOf(mode.Text(), "CUSTOM") {
		out = append(out, fmt.Sprintf("bgp.advertiseMode is %s; want \"CUSTOM\"", describe(mode, "DEFAULT")))
	}
	for _, g := range get(r.Inputs, "bgp.advertisedGroups").Strings() {
		if g == "ALL_SUBNETS" {
			out = append(out, "bgp.advertisedGroups includes ALL_SUBNETS: every subnet of the VPC is announced")
		}
	}
	return out
}

// vpnSessionRules: the sessions of the site-to-site VPN, across resources (issue 21, defect 7).
var vpnSessionRules = []Rule{
	{ID: "VPN-006", Severity: Medium,
		Description: "Every BGP session of a site-to-site VPN must be its own: the local network gateways an Azure VPN gateway connects to " +
			"have distinct gatewayIpAddress and bgpSettings.bgpPeeringAddress values, no custom APIPA address is on two of the gateway's " +
			"instances, and the BGP peers of a Cloud Router have distinct ipAddress and peerIpAddress values on non-overlapping interface ranges. " +
			"Medium: Azure allows one local network gateway per peer address, and two sessions on one address pair collide, " +
			"so the private path fails or flaps.",
		Remediation: "Give each tunnel its own /30 (vpnTunnelCidrs) and each local network gateway its own HA VPN interface address.",
		stack:       distinctSessions},
}

// distinctSessions reports repeated session endpoints on each Azure VPN gateway and each
// Cloud Router. Azure: "The local network gateways corresponding to your VPN devices must have
// unique public IP addresses in the GatewayIpAddress property" and "a unique BGP peer IP
// address" (learn.microsoft.com/azure/vpn-gateway/vpn-gateway-highlyavailable); each custom
// APIPA address "must be unique" (learn.microsoft.com/azure/vpn-gateway/bgp-howto). Google: a
// router interface and its BGP peer together form one BGP session, over one tunnel
// (cloud.google.com/network-connectivity/docs/router/how-to/configuring-bgp).
func distinctSessions(st stack) []violation {
	x := index(st.resources)
	var out []violation
	for _, gw := range x.byType[vpnGatewayType] {
		out = append(out, x.gatewaySessions(gw)...)
	}
	for _, rt := range x.byType[routerType] {
		out = append(out, x.routerSessions(rt)...)
	}
	return out
}

// gatewaySessions checks the local network gateways the gateway's connections reach and the
// gateway's own custom APIPA addresses.
func (x resourceIndex) gatewaySessions(gw Resource) []violation {
	name := in(gw, "virtualNetworkGatewayName")
	var lngs []Resource
	for _, c := range x.find(connectionType, func(c Resource) bool {
		return armName(in(c, "virtualNetworkGateway1.id"), "virtualNetworkGateways") == name
	}) {
		lngName := armName(in(c, "localNetworkGateway2.id"), "localNetworkGateways")
		lngs = append(lngs, x.find(localGatewayType, func(l Resource) bool { return in(l, "localNetworkGatewayName") == lngName })...)
	}
	var out []violation
	for _, path := range []string{"gatewayIpAddress", "bgpSettings.bgpPeeringAddress"} {
		out = append(out, repeated(lngs, "local network gateways of "+name, func(l Resource) []string { return []string{in(l, path)} }, path)...)
	}
	apipa := func(g Resource) []string {
		var addrs []string
		for _, p := range get(g.Inputs, "bgpSettings.bgpPeeringAddresses").Array() {
			addrs = append(addrs, unwrap(p).Field("customBgpIpAddresses").Strings()...)
		}
		return addrs
	}
	return append(out, repeated([]Resource{gw}, "instances of "+name, apipa, "bgpSettings.bgpPeeringAddresses customBgpIpAddresses")...)
}

// routerSessions checks the router's BGP peers and the link ranges of its interfaces.
func (x resourceIndex) routerSessions(rt Resource) []violation {
	name := in(rt, "name")
	peers := x.find(routerPeerType, func(p Resource) bool { return in(p, "router") == name })
	var out []violation
	for _, path := range []string{"ipAddress", "peerIpAddress"} {
		out = append(out, repeated(peers, "BGP peers of router "+name, func(p Resource) []string { return []string{in(p, path)} }, path)...)
	}
	ifaces := byURN(x.find(routerIfaceType, func(i Resource) bool { return in(i, "router") == name }))
	for _, a := range ifaces {
		// A range that is not a prefix is no session at all (GCP refuses it): say so rather
		// than skip it in the overlap check below.
		if r := get(a.Inputs, "ipRange"); !r.Unknown() {
			if _, err := netip.ParsePrefix(r.Text()); err != nil {
				out = append(out, violation{URN: a.URN, Type: a.Type, Name: a.Name,
					Message: fmt.Sprintf("ipRange %q of interface %s on router %s is not an address prefix", r.Text(), a.Name, name)})
			}
		}
	}
	for i, a := range ifaces {
		for _, b := range ifaces[i+1:] {
			pa, errA := netip.ParsePrefix(in(a, "ipRange"))
			pb, errB := netip.ParsePrefix(in(b, "ipRange"))
			if errA == nil && errB == nil && pa.Masked().Overlaps(pb.Masked()) {
				out = append(out, violation{URN: b.URN, Type: b.Type, Name: b.Name,
					Message: fmt.Sprintf("ipRange %s overlaps %s of interface %s on router %s: two BGP sessions on one link", pb, pa, a.Name, name)})
			}
		}
	}
	return out
}

// repeated reports each resource whose value (at what) an earlier one of rs already has.
// Empty values (unknown until apply) are skipped.
func repeated(rs []Resource, scope string, values func(Resource) []string, what string) []violation {
	rs = byURN(rs)
	seen := map[string]string{}
	var out []violation
	for _, r := range rs {
		for _, val := range values(r) {
			if val == "" {
				continue
			}
			if first, ok := seen[val]; ok {
				out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name,
					Message: fmt.Sprintf("%s %s is also on %s: the %s must each have their own", what, val, first, scope)})
				continue
			}
			seen[val] = r.Name
		}
	}
	return out
}

// byURN is rs in URN order, so which of two repeating resources is reported does not depend
// on the order of registration.
func byURN(rs []Resource) []Resource {
	out := slices.Clone(rs)
	slices.SortStableFunc(out, func(a, b Resource) int { return strings.Compare(a.URN, b.URN) })
	return out
}
