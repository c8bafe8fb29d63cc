package policy

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Cross-cloud types.
const (
	privateEndpointType = "azure-native:network:PrivateEndpoint"
	zoneGroupType       = "azure-native:network:PrivateDnsZoneGroup"
	privateZoneType     = "azure-native:network:PrivateZone"
	vnetLinkType        = "azure-native:network:VirtualNetworkLink"
	vnetType            = "azure-native:network:VirtualNetwork"
	azSubnetType        = "azure-native:network:Subnet"
	publicIPType        = "azure-native:network:PublicIPAddress"
	vpnGatewayType      = "azure-native:network:VirtualNetworkGateway"
	localGatewayType    = "azure-native:network:LocalNetworkGateway"
	connectionType      = "azure-native:network:VirtualNetworkGatewayConnection"
	resolverType        = "azure-native:network:DnsResolver"
	inboundType         = "azure-native:network:InboundEndpoint"
	routerType          = "gcp:compute/router:Router"
	haVPNType           = "gcp:compute/haVpnGateway:HaVpnGateway"
	externalVPNType     = "gcp:compute/externalVpnGateway:ExternalVpnGateway"
	tunnelType          = "gcp:compute/vPNTunnel:VPNTunnel"
	routerIfaceType     = "gcp:compute/routerInterface:RouterInterface"
	routerPeerType      = "gcp:compute/routerPeer:RouterPeer"
	managedZoneType     = "gcp:dns/managedZone:ManagedZone"
)

// microserviceZones are the private-link groups the GKE microservice calls and the private DNS
// zone that resolves each (Azure public cloud).
var microserviceZones = map[string]string{
	"configurationStores": "privatelink.azconfig.io",
	"vault":               "privatelink.vaultcore.azure.net",
}

// The links of the two chains, in the order a packet (or a query) follows them. A finding
// names the first one missing.
const (
	linkGKE        = "GKE subnet"
	linkRouter     = "Cloud Router advertising the GKE node and pod ranges"
	linkTunnels    = "VPN tunnels with BGP sessions"
	linkGateway    = "Azure VPN gateway with BGP connections back to the HA VPN gateway"
	linkSubnet     = "private-endpoint subnet in the gateway's VNet"
	linkForwarding = "Cloud DNS forwarding zone on the GKE VPC"
	linkResolver   = "DNS Private Resolver inbound endpoint in the VNet"
	linkZone       = "private DNS zone linked to the VNet"
	linkRecord     = "private endpoint's DNS record (zone group)"
)

var crossCloudRules = []Rule{
	{ID: "XNET-001", Severity: High,
		Description: "Every Azure private endpoint the GKE microservice calls (App Configuration, Key Vault) must be reachable from GKE: " +
			"a route (GKE range, Cloud Router, tunnels, Azure gateway, endpoint subnet) and a DNS chain (forwarding zone, resolver, " +
			"private zone, record). High: without them the microservice cannot reach its configuration and secrets in prod.",
		Remediation: "Turn crossCloudNetwork on (needs azurePrivateNetworking), or restore the missing link named in the finding.",
		stack:       reachability},
}

// reachability checks both chains for each private endpoint of a microservice group, once a
// GKE subnet exists (the microservice's network).
func reachability(st stack) []violation {
	x := index(st.resources)
	var out []violation
	for _, pe := range x.byType[privateEndpointType] {
		zone := microserviceZone(pe)
		if zone == "" {
			continue
		}
		if missing, detail := x.route(pe); missing != "" {
			out = append(out, violation{URN: pe.URN, Type: pe.Type, Name: pe.Name,
				Message: fmt.Sprintf("no route from GKE: missing %s (%s)", missing, detail)})
		}
		if missing, detail := x.dnsChain(pe, zone); missing != "" {
			out = append(out, violation{URN: pe.URN, Type: pe.Type, Name: pe.Name,
				Message: fmt.Sprintf("%s does not resolve from GKE: missing %s (%s)", zone, missing, detail)})
		}
	}
	return out
}

func microserviceZone(pe Resource) string {
	for _, conn := range get(pe.Inputs, "privateLinkServiceConnections").array() {
		for _, g := range unwrap(conn).objectGet("groupIds").strings() {
			if z, ok := microserviceZones[g]; ok {
				return z
			}
		}
	}
	return ""
}

// resourceIndex groups resources by type (the azure-native API version dropped).
type resourceIndex struct{ byType map[string][]Resource }

func index(resources []Resource) resourceIndex {
	x := resourceIndex{byType: map[string][]Resource{}}
	for _, r := range resources {
		k := typeKey(r.Type)
		x.byType[k] = append(x.byType[k], r)
	}
	return x
}

// find returns the resources of a type that satisfy ok.
func (x resourceIndex) find(typ string, ok func(Resource) bool) []Resource {
	var out []Resource
	for _, r := range x.byType[typ] {
		if ok(r) {
			out = append(out, r)
		}
	}
	return out
}

func in(r Resource, path string) string  { return get(r.Inputs, path).text() }
func out(r Resource, path string) string { return get(r.Outputs, path).text() }

// armName returns the segment after /<kind>/ in an ARM id ("" if absent).
func armName(id, kind string) string {
	_, after, ok := strings.Cut(id, "/"+kind+"/")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(after, "/")
	return name
}

// lastSegment is the resource name at the end of a GCP id or self link.
func lastSegment(id string) string { return id[strings.LastIndex(id, "/")+1:] }

// gkeSource is the GKE subnet: the one with secondary ranges (pods, services).
type gkeSource struct {
	network string // VPC name
	nodes   netip.Prefix
	pods    netip.Prefix
}

func (x resourceIndex) gke() (gkeSource, bool) {
	for _, sn := range x.byType[subnetworkType] {
		ranges := get(sn.Inputs, "secondaryIpRanges").array()
		if len(ranges) == 0 {
			continue
		}
		src := gkeSource{network: lastSegment(in(sn, "network"))}
		src.nodes, _ = netip.ParsePrefix(in(sn, "ipCidrRange"))
		for _, r := range ranges {
			if strings.Contains(unwrap(r).objectGet("rangeName").text(), "pod") {
				src.pods, _ = netip.ParsePrefix(unwrap(r).objectGet("ipCidrRange").text())
			}
		}
		if src.nodes.IsValid() && src.pods.IsValid() {
			return src, true
		}
	}
	return gkeSource{}, false
}

// covers reports whether the router advertises p to its BGP peers.
func advertises(router Resource, p netip.Prefix) bool {
	if !strings.EqualFold(in(router, "bgp.advertiseMode"), "CUSTOM") {
		return true // DEFAULT advertises every subnet range of the VPC
	}
	for _, g := range get(router.Inputs, "bgp.advertisedGroups").strings() {
		if g == "ALL_SUBNETS" {
			return true
		}
	}
	for _, r := range get(router.Inputs, "bgp.advertisedIpRanges").array() {
		q, err := netip.ParsePrefix(unwrap(r).objectGet("range").text())
		if err == nil && q.Bits() <= p.Bits() && q.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// objectGet reads one key of an object value (absent for anything else).
func (p prop) objectGet(key string) prop {
	obj := p.object()
	if obj == nil {
		return prop{v: resource.NewNullProperty()}
	}
	return unwrap(obj[resource.PropertyKey(key)])
}

// anyElem reports whether some element of the array at path satisfies ok.
func anyElem(m resource.PropertyMap, path string, ok func(prop) bool) bool {
	for _, e := range get(m, path).array() {
		if ok(unwrap(e)) {
			return true
		}
	}
	return false
}
