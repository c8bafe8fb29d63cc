package settings

import (
	"maps"
	"net/netip"
	"slices"
	"strconv"
)

// CrossCloud is the private path from the GKE VPC to the Azure platform VNet: a site-to-site
// VPN (GCP HA VPN + Cloud Router, Azure active-active VPN gateway, BGP over two tunnels) and
// DNS forwarding of the services' public zones (azconfig.io, vault.azure.net; see
// azure.ForwardedZonesOf) to an Azure DNS Private Resolver.
type CrossCloud struct {
	// Enabled builds the path. It needs Azure.PrivateNetworking (the VNet it lands in).
	Enabled bool
	// GatewaySubnetCIDR is the VNet's "GatewaySubnet" (Azure requires that exact name).
	GatewaySubnetCIDR netip.Prefix
	// ResolverSubnetCIDR holds the DNS Private Resolver's inbound endpoint (delegated subnet).
	ResolverSubnetCIDR netip.Prefix
	VPNGatewaySKU      string
	// VPNGatewayGeneration is the generation ARM creates VPNGatewaySKU in (vpnGatewayGenerations).
	VPNGatewayGeneration string
	GCPASN, AzureASN     int
	// TunnelCIDRs are the BGP link /30s, tunnel k's in TunnelCIDRs[k]; see Tunnels.
	TunnelCIDRs []netip.Prefix
}

// Tunnel is one of the two VPN tunnels: GCP HA VPN interface GCPInterface to Azure gateway
// instance AzureInstance, with its BGP session on a /30 link (Azure side .1, GCP side .2).
type Tunnel struct {
	Index         int
	GCPInterface  int // 0 or 1: the HA VPN gateway interface
	AzureInstance int // 0 or 1: the active-active gateway instance (its ipConfiguration)
	Link          netip.Prefix
	AzureBGPIP    netip.Addr
	GCPBGPIP      netip.Addr
}

// TunnelCount is fixed: HA VPN interface k reaches Azure gateway instance k, one tunnel each.
// Google's "HA VPN topologies" page (cloud.google.com/network-connectivity/docs/vpn/concepts/
// topologies, "one peer VPN device that has two separate external IP addresses") meets the
// 99.99% SLA with two tunnels, one from each HA VPN interface to each peer address; Google's
// Azure sample (GoogleCloudPlatform/professional-services tools/gcp-azure-ha-vpn, linked
// from its Azure HA VPN tutorial) builds exactly that. A full mesh is not possible against
// Azure: every connection of an active-active gateway already carries a tunnel from both
// instances to its local network gateway's one address, and local network gateways on a
// gateway must have distinct addresses (learn.microsoft.com/azure/vpn-gateway/
// about-active-active-gateways; vpn-gateway-highlyavailable), so a second tunnel to the
// same Google interface would need a second local network gateway with the same address.
const TunnelCount = 2

// Tunnels lists the tunnels in TunnelCIDRs order: (if0, az0), (if1, az1).
func (c CrossCloud) Tunnels() []Tunnel {
	var out []Tunnel
	for i, link := range c.TunnelCIDRs {
		first := link.Addr()
		out = append(out, Tunnel{Index: i, GCPInterface: i, AzureInstance: i, Link: link,
			AzureBGPIP: first.Next(), GCPBGPIP: first.Next().Next()})
	}
	return out
}

// ResolverInboundIP is the inbound endpoint's static address: the first one Azure lets a
// subnet use (it reserves the first four and the last of every subnet).
func (c CrossCloud) ResolverInboundIP() netip.Addr {
	a := c.ResolverSubnetCIDR.Addr()
	for range 4 {
		a = a.Next()
	}
	return a
}

// azureAPIPA is the link-local range Azure VPN gateways accept as custom BGP addresses.
var azureAPIPA = []netip.Prefix{netip.MustParsePrefix("169.254.21.0/24"), netip.MustParsePrefix("169.254.22.0/24")}

// azureReservedASNs are ASNs Azure keeps for itself (Azure VPN Gateway BGP FAQ).
var azureReservedASNs = []int{8074, 8075, 12076, 65517, 65518, 65519, 65520}

// vpnGatewayGenerations is every VPN gateway SKU the platform accepts, with the generation
// ARM must be told (vpnGatewayGeneration): a SKU sent with the other generation is refused
// (VirtualNetworkGatewaySkuCannotBeCreatedForSpecifiedVmGeneration, Azure/Enterprise-Scale#504).
// Microsoft's "About gateway SKUs" table (learn.microsoft.com/azure/vpn-gateway/
// about-gateway-skus, "Gateway SKUs by tunnel, connection, and throughput") lists VpnGw1AZ
// under Generation1 only and VpnGw4AZ/VpnGw5AZ under Generation2 only. VpnGw2AZ and VpnGw3AZ
// are in both; Generation2 here: the table benchmarks it higher (1.25 vs 1 Gbps, 2.5 vs 1.25
// Gbps) and SKUs resize only within a generation (the table's note in earlier revisions), so
// Generation2 can grow to VpnGw4AZ/5AZ. Only the zone-redundant SKUs: new non-AZ VpnGw1-5
// gateways cannot be created since 1 January 2025 (learn.microsoft.com/azure/vpn-gateway/
// gateway-sku-consolidation), and Basic has neither BGP nor active-active.
var vpnGatewayGenerations = map[string]string{
	"VpnGw1AZ": "Generation1",
	"VpnGw2AZ": "Generation2",
	"VpnGw3AZ": "Generation2",
	"VpnGw4AZ": "Generation2",
	"VpnGw5AZ": "Generation2",
}

func (r *reader) crossCloud() CrossCloud {
	c := CrossCloud{
		Enabled:            r.boolean("crossCloudNetwork"),
		GatewaySubnetCIDR:  r.prefix("azureGatewaySubnetCidr"),
		ResolverSubnetCIDR: r.prefix("azureDnsResolverSubnetCidr"),
		VPNGatewaySKU:      r.oneOf("azureVpnGatewaySku", slices.Sorted(maps.Keys(vpnGatewayGenerations))...),
		GCPASN:             r.intIn("vpnGcpAsn", 64512, 65534),
		AzureASN:           r.intIn("vpnAzureAsn", 64512, 65534),
		TunnelCIDRs:        r.prefixes("vpnTunnelCidrs"),
	}
	c.VPNGatewayGeneration = vpnGatewayGenerations[c.VPNGatewaySKU]
	if len(c.TunnelCIDRs) != TunnelCount {
		r.fail("vpnTunnelCidrs", strconv.Itoa(len(c.TunnelCIDRs))+" entries", "must list exactly %d /30 blocks, one per VPN tunnel", TunnelCount)
	}
	for _, p := range c.TunnelCIDRs {
		if p.Bits() != 30 || !(azureAPIPA[0].Contains(p.Addr()) || azureAPIPA[1].Contains(p.Addr())) {
			r.fail("vpnTunnelCidrs", p.String(), "each entry must be a /30 inside 169.254.21.0-169.254.22.255 (the APIPA range Azure VPN gateways accept for BGP)")
		}
	}
	if c.GatewaySubnetCIDR.IsValid() && c.GatewaySubnetCIDR.Bits() > 27 {
		r.fail("azureGatewaySubnetCidr", c.GatewaySubnetCIDR.String(), "must be a /27 or larger (Azure's minimum for an active-active VPN gateway's GatewaySubnet)")
	}
	if p := c.ResolverSubnetCIDR; p.IsValid() && (p.Bits() > 28 || p.Bits() < 24) {
		r.fail("azureDnsResolverSubnetCidr", p.String(), "must be between /28 and /24 (the sizes Azure DNS Private Resolver accepts)")
	}
	return c
}

// crossCloudChecks validates the address plan across both clouds and the VPN's relations.
func (r *reader) crossCloudChecks(s *Settings) {
	c := s.CrossCloud
	if c.Enabled && !s.Azure.PrivateNetworking {
		r.fail("crossCloudNetwork", "true", "needs azurePrivateNetworking = true (the VPN and the DNS resolver land in the platform VNet)")
	}
	if c.GCPASN != 0 && c.GCPASN == c.AzureASN {
		r.fail("vpnGcpAsn", strconv.Itoa(c.GCPASN), "must differ from vpnAzureAsn (%d): the BGP sessions are external", c.AzureASN)
	}
	for _, key := range []struct {
		name string
		asn  int
	}{{"vpnGcpAsn", c.GCPASN}, {"vpnAzureAsn", c.AzureASN}} {
		if slices.Contains(azureReservedASNs, key.asn) {
			r.fail(key.name, strconv.Itoa(key.asn), "must not be an ASN Azure reserves (%v)", azureReservedASNs)
		}
	}
	if c.GCPASN == 65515 {
		r.fail("vpnGcpAsn", "65515", "must not be 65515, the Azure VPN gateway's own default ASN")
	}

	a := s.Azure
	for _, sub := range []struct {
		key    string
		prefix netip.Prefix
	}{{"azureGatewaySubnetCidr", c.GatewaySubnetCIDR}, {"azureDnsResolverSubnetCidr", c.ResolverSubnetCIDR}} {
		if a.VnetCIDR.IsValid() && sub.prefix.IsValid() && (!a.VnetCIDR.Contains(sub.prefix.Addr()) || sub.prefix.Bits() < a.VnetCIDR.Bits()) {
			r.fail(sub.key, sub.prefix.String(), "must lie inside azureVnetCidr (%s)", a.VnetCIDR)
		}
	}
	r.noOverlaps(addressPlan(s))
}

type namedPrefix struct {
	key    string
	prefix netip.Prefix
}

// addressPlan is every range of both clouds that must stay disjoint once the networks are
// joined by the VPN.
func addressPlan(s *Settings) []namedPrefix {
	g, a, c := s.GKE, s.Azure, s.CrossCloud
	plan := []namedPrefix{
		{"azureVnetCidr", a.VnetCIDR},
		{"azurePrivateEndpointSubnetCidr", a.PrivateEndpointSubnetCIDR},
		{"azureGatewaySubnetCidr", c.GatewaySubnetCIDR},
		{"azureDnsResolverSubnetCidr", c.ResolverSubnetCIDR},
		{"gkeSubnetCidr", g.SubnetCIDR}, {"gkePodsCidr", g.PodsCIDR},
		{"gkeServicesCidr", g.ServicesCIDR}, {"gkeMasterCidr", g.MasterCIDR},
	}
	for _, p := range c.TunnelCIDRs {
		plan = append(plan, namedPrefix{"vpnTunnelCidrs", p})
	}
	return plan
}

// noOverlaps reports each overlapping pair once, naming both keys. The VNet's own subnets lie
// inside it on purpose, and crossChecks already compares the GKE ranges with each other.
func (r *reader) noOverlaps(plan []namedPrefix) {
	for i, a := range plan {
		for _, b := range plan[i+1:] {
			if !a.prefix.IsValid() || !b.prefix.IsValid() || !a.prefix.Overlaps(b.prefix) {
				continue
			}
			if (a.key == "azureVnetCidr" && isAzureSubnetKey(b.key)) || (isGKEKey(a.key) && isGKEKey(b.key)) {
				continue
			}
			r.fail(b.key, b.prefix.String(), "must not overlap %s (%s)", r.qualify(a.key), a.prefix)
		}
	}
}

func isGKEKey(key string) bool {
	return slices.Contains([]string{"gkeSubnetCidr", "gkePodsCidr", "gkeServicesCidr", "gkeMasterCidr"}, key)
}

func isAzureSubnetKey(key string) bool {
	return slices.Contains([]string{"azurePrivateEndpointSubnetCidr", "azureGatewaySubnetCidr", "azureDnsResolverSubnetCidr"}, key)
}

// Abbreviated is "<abbrev>-<prefix>-<env>", the naming scheme of every other resource, for
// the cross-cloud resources (e.g. "vgw" for the VPN gateway, "vpn" for the HA VPN gateway).
func (n Names) Abbreviated(abbrev string) string { return abbrev + "-" + n.base("-") }
