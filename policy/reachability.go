package policy

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// route finds the path GKE range → Cloud Router → tunnels → Azure gateway → endpoint subnet.
// It returns the first missing link and what was looked for.
func (x resourceIndex) route(pe Resource) (missing, detail string) {
	src, ok := x.gke()
	if !ok {
		return linkGKE, "no GKE subnet with node and pod ranges"
	}
	routers := x.find(routerType, func(r Resource) bool {
		return lastSegment(in(r, "network")) == src.network && !get(r.Inputs, "bgp.asn").Absent() &&
			advertises(r, src.nodes) && advertises(r, src.pods)
	})
	if len(routers) == 0 {
		return linkRouter, fmt.Sprintf("no BGP router on VPC %s advertising %s and %s", src.network, src.nodes, src.pods)
	}
	var sessions []session
	for _, rt := range routers {
		sessions = append(sessions, x.sessions(rt, src.network)...)
	}
	if len(sessions) == 0 {
		return linkTunnels, "no tunnel from an HA VPN gateway on " + src.network + " with a router interface and a BGP peer"
	}
	gwVnet := ""
	for _, s := range sessions {
		if vnet, ok := x.azureGateway(s); ok {
			gwVnet = vnet
			break
		}
	}
	if gwVnet == "" {
		return linkGateway, "no BGP VPN gateway owning a tunnel's peer address with an IKEv2 BGP connection to that tunnel's HA VPN interface and BGP address"
	}
	return x.endpointSubnet(pe, gwVnet)
}

// session is one tunnel with its BGP peer on a router.
type session struct{ tunnel, peer Resource }

// sessions are the router's tunnels that start on an HA VPN gateway of the VPC and carry a
// BGP session (router interface bound to the tunnel, peer on that interface).
func (x resourceIndex) sessions(router Resource, vpc string) []session {
	var out []session
	for _, t := range x.find(tunnelType, func(t Resource) bool { return in(t, "router") == in(router, "name") }) {
		onVPC := len(x.find(haVPNType, func(ha Resource) bool {
			return in(ha, "name") == lastSegment(in(t, "vpnGateway")) && lastSegment(in(ha, "network")) == vpc
		})) > 0
		if !onVPC {
			continue
		}
		for _, iface := range x.find(routerIfaceType, func(i Resource) bool {
			return in(i, "router") == in(router, "name") && in(i, "vpnTunnel") == in(t, "name")
		}) {
			for _, p := range x.find(routerPeerType, func(p Resource) bool {
				return in(p, "router") == in(router, "name") && in(p, "interface") == in(iface, "name") && in(p, "peerIpAddress") != ""
			}) {
				out = append(out, session{tunnel: t, peer: p})
			}
		}
	}
	return out
}

// azureGateway follows a session to Azure: the external gateway interface the tunnel targets
// is a public IP of a BGP VPN gateway, the instance holding that address has the session's
// Azure BGP address (the peer's peerIpAddress) among its custom APIPA addresses, and the
// gateway has a BGP connection to a local gateway at the tunnel's HA VPN interface with the
// session's Google BGP address. It returns the gateway's VNet.
func (x resourceIndex) azureGateway(s session) (string, bool) {
	peerIP := x.externalInterfaceIP(s.tunnel)
	haIP := x.haInterfaceIP(s.tunnel)
	if peerIP == "" || haIP == "" {
		return "", false
	}
	for _, pip := range x.find(publicIPType, func(p Resource) bool { return out(p, "ipAddress") == peerIP }) {
		for _, gw := range x.find(vpnGatewayType, func(g Resource) bool {
			return get(g.Inputs, "enableBgp").Text() == "true" && instanceAddresses(g, in(pip, "publicIpAddressName"), in(s.peer, "peerIpAddress"))
		}) {
			if x.connectedBack(gw, haIP, in(s.peer, "ipAddress")) {
				configs := get(gw.Inputs, "ipConfigurations").Array()
				return armName(unwrap(configs[0]).Field("subnet").Field("id").Text(), "virtualNetworks"), true
			}
		}
	}
	return "", false
}

// instanceAddresses reports whether the gateway instance (ipConfiguration) whose public IP is
// pipName carries bgpIP as a custom APIPA address: the Azure end of the session ("Azure VPN
// Gateway will choose the custom APIPA address if the corresponding local network gateway ...
// has an APIPA address as the BGP peer IP", learn.microsoft.com/azure/vpn-gateway/bgp-howto).
func instanceAddresses(gw Resource, pipName, bgpIP string) bool {
	for _, c := range get(gw.Inputs, "ipConfigurations").Array() {
		cfg := unwrap(c)
		if armName(cfg.Field("publicIPAddress").Field("id").Text(), "publicIPAddresses") != pipName {
			continue
		}
		suffix := "/ipConfigurations/" + cfg.Field("name").Text()
		if anyElem(gw.Inputs, "bgpSettings.bgpPeeringAddresses", func(p prop) bool {
			return strings.HasSuffix(p.Field("ipconfigurationId").Text(), suffix) &&
				slices.Contains(p.Field("customBgpIpAddresses").Strings(), bgpIP)
		}) {
			return true
		}
	}
	return false
}

func (x resourceIndex) connectedBack(gw Resource, haIP, bgpIP string) bool {
	for _, c := range x.find(connectionType, func(c Resource) bool {
		return armName(in(c, "virtualNetworkGateway1.id"), "virtualNetworkGateways") == in(gw, "virtualNetworkGatewayName") &&
			in(c, "enableBgp") == "true" && oneOf(in(c, "connectionProtocol"), "IKEv2", "") // absent means IKEv2
	}) {
		lngName := armName(in(c, "localNetworkGateway2.id"), "localNetworkGateways")
		if len(x.find(localGatewayType, func(l Resource) bool {
			return in(l, "localNetworkGatewayName") == lngName && in(l, "gatewayIpAddress") == haIP &&
				in(l, "bgpSettings.bgpPeeringAddress") == bgpIP
		})) > 0 {
			return true
		}
	}
	return false
}

// externalInterfaceIP is the address of the external-gateway interface the tunnel targets.
func (x resourceIndex) externalInterfaceIP(t Resource) string {
	want := get(t.Inputs, "peerExternalGatewayInterface").Text()
	for _, ext := range x.find(externalVPNType, func(e Resource) bool { return in(e, "name") == lastSegment(in(t, "peerExternalGateway")) }) {
		for _, i := range get(ext.Inputs, "interfaces").Array() {
			if unwrap(i).Field("id").Text() == want {
				return unwrap(i).Field("ipAddress").Text()
			}
		}
	}
	return ""
}

// haInterfaceIP is the HA VPN gateway's address for the tunnel's interface (an output).
func (x resourceIndex) haInterfaceIP(t Resource) string {
	want := get(t.Inputs, "vpnGatewayInterface").Text()
	for _, ha := range x.find(haVPNType, func(h Resource) bool { return in(h, "name") == lastSegment(in(t, "vpnGateway")) }) {
		for _, i := range get(ha.Outputs, "vpnInterfaces").Array() {
			if unwrap(i).Field("id").Text() == want {
				return unwrap(i).Field("ipAddress").Text()
			}
		}
	}
	return ""
}

// endpointSubnet checks that the endpoint's subnet is in the gateway's VNet and inside its
// address space (which the gateway advertises over BGP).
func (x resourceIndex) endpointSubnet(pe Resource, vnet string) (string, string) {
	subnetID := in(pe, "subnet.id")
	if armName(subnetID, "virtualNetworks") != vnet {
		return linkSubnet, fmt.Sprintf("endpoint subnet %q is not in the gateway's VNet %s", subnetID, vnet)
	}
	subnets := x.find(azSubnetType, func(s Resource) bool {
		return in(s, "virtualNetworkName") == vnet && in(s, "subnetName") == armName(subnetID, "subnets")
	})
	vnets := x.find(vnetType, func(v Resource) bool { return in(v, "virtualNetworkName") == vnet })
	if len(subnets) == 0 || len(vnets) == 0 {
		return linkSubnet, "no subnet " + armName(subnetID, "subnets") + " in VNet " + vnet
	}
	p, err := netip.ParsePrefix(in(subnets[0], "addressPrefix"))
	space := get(vnets[0].Inputs, "addressSpace.addressPrefixes").Strings()
	if err != nil || !slices.ContainsFunc(space, func(s string) bool {
		q, err := netip.ParsePrefix(s)
		return err == nil && q.Bits() <= p.Bits() && q.Contains(p.Addr())
	}) {
		return linkSubnet, fmt.Sprintf("subnet %s is outside the address space %v of VNet %s", in(subnets[0], "addressPrefix"), space, vnet)
	}
	return "", ""
}

// dnsChain follows the query the client makes. The SDK resolves the public name t.host();
// Cloud DNS answers from the private zone on the VPC with the longest suffix matching it
// ("Name resolution order", cloud.google.com/dns/docs/vpc-name-res-order), which must be a
// forwarding zone with a resolver inbound endpoint among its targets. Azure DNS answers the
// public name with a CNAME into t.privateZone and resolves that from the private zones linked
// to the resolver's VNet (learn.microsoft.com/azure/private-link/private-endpoint-dns), where
// the endpoint's zone group writes its record. Cloud DNS returns a forwarding target's answer
// without chasing its CNAMEs (cloud.google.com/dns/docs/cnamechasing).
func (x resourceIndex) dnsChain(pe Resource, t target) (string, string) {
	src, _ := x.gke()
	host := t.host()
	if t.name == "" {
		return linkForwarding, fmt.Sprintf("the endpoint connects to no %s resource, so no name is known (privateLinkServiceId %q)", t.kind, t.id)
	}
	var zone Resource
	longest := -1
	for _, z := range x.find(managedZoneType, func(z Resource) bool {
		return oneOf(in(z, "visibility"), "private") && anyElem(z.Inputs, "privateVisibilityConfig.networks", func(n prop) bool {
			return lastSegment(n.Field("networkUrl").Text()) == src.network
		})
	}) {
		d := strings.TrimSuffix(in(z, "dnsName"), ".")
		if (host == d || strings.HasSuffix(host, "."+d)) && len(d) > longest {
			zone, longest = z, len(d)
		}
	}
	if longest < 0 {
		return linkForwarding, "no private zone visible to VPC " + src.network + " contains " + host + ": Cloud DNS asks the internet and gets the public address"
	}
	var targets []string
	for _, tg := range get(zone.Inputs, "forwardingConfig.targetNameServers").Array() {
		targets = append(targets, unwrap(tg).Field("ipv4Address").Text())
	}
	if len(targets) == 0 {
		return linkForwarding, "the most specific zone for " + host + ", " + in(zone, "dnsName") + ", forwards to no name server"
	}
	vnet := ""
	for _, ep := range x.find(inboundType, func(e Resource) bool {
		return anyElem(e.Inputs, "ipConfigurations", func(c prop) bool { return slices.Contains(targets, c.Field("privateIpAddress").Text()) })
	}) {
		for _, r := range x.find(resolverType, func(r Resource) bool { return in(r, "dnsResolverName") == in(ep, "dnsResolverName") }) {
			vnet = armName(in(r, "virtualNetwork.id"), "virtualNetworks")
		}
	}
	if vnet == "" {
		return linkResolver, fmt.Sprintf("%s forwards to %v, where no DNS resolver has an inbound endpoint", in(zone, "dnsName"), targets)
	}
	return x.privateRecord(pe, t.privateZone, vnet)
}

// privateRecord checks that the CNAME target's zone is linked to the resolver's VNet and that
// the endpoint's zone group writes its record there.
func (x resourceIndex) privateRecord(pe Resource, zone, vnet string) (string, string) {
	linked := len(x.find(privateZoneType, func(z Resource) bool { return in(z, "privateZoneName") == zone })) > 0 &&
		len(x.find(vnetLinkType, func(l Resource) bool {
			return in(l, "privateZoneName") == zone && armName(in(l, "virtualNetwork.id"), "virtualNetworks") == vnet
		})) > 0
	if !linked {
		return linkZone, "no private zone " + zone + " linked to VNet " + vnet
	}
	if len(x.find(zoneGroupType, func(g Resource) bool {
		return in(g, "privateEndpointName") == in(pe, "privateEndpointName") &&
			anyElem(g.Inputs, "privateDnsZoneConfigs", func(c prop) bool {
				return armName(c.Field("privateDnsZoneId").Text(), "privateDnsZones") == zone
			})
	})) == 0 {
		return linkRecord, "no zone group writing " + in(pe, "privateEndpointName") + "'s record into " + zone
	}
	return "", ""
}
