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

// microserviceTargets are the private-link groups the GKE microservice calls: the ARM kind of
// the target in the endpoint's privateLinkServiceId, the public zone of the name the client
// resolves (<name>.azconfig.io, <name>.vault.azure.net), the privatelink zone Azure's public
// DNS CNAMEs that name into ("Azure Private Endpoint private DNS zone values",
// learn.microsoft.com/azure/private-link/private-endpoint-dns: "Azure creates a canonical name
// DNS record (CNAME) on the public DNS ... redirects the resolution to the private domain
// name"), and the data-plane role the client needs (App Configuration Data Reader for
// key-values, Key Vault Secrets User for secret values; built-in role ids).
var microserviceTargets = map[string]target{
	"configurationStores": {kind: "configurationStores", publicZone: "azconfig.io", privateZone: "privatelink.azconfig.io",
		role: "App Configuration Data Reader", roleID: "516239f1-63e1-4d78-a4de-a74fb236a071"},
	"vault": {kind: "vaults", publicZone: "vault.azure.net", privateZone: "privatelink.vaultcore.azure.net",
		role: "Key Vault Secrets User", roleID: "4633458b-17de-408a-b874-0445c86b69e6"},
}

// target is one service the microservice calls through a private endpoint.
type target struct {
	kind, publicZone, privateZone, role, roleID string
	name                                        string // the resource's name (from the endpoint)
	id                                          string // the endpoint's privateLinkServiceId
}

// host is the name the client resolves, e.g. mystore.azconfig.io.
func (t target) host() string { return t.name + "." + t.publicZone }

// The links of the three chains, in the order a packet, a query or a sign-in follows them. A
// finding names the first one missing.
const (
	linkGKE        = "GKE subnet"
	linkRouter     = "Cloud Router advertising the GKE node and pod ranges"
	linkTunnels    = "VPN tunnels with BGP sessions"
	linkGateway    = "Azure VPN gateway with BGP connections back to the HA VPN gateway"
	linkSubnet     = "private-endpoint subnet in the gateway's VNet"
	linkForwarding = "Cloud DNS forwarding zone for the name the client resolves"
	linkResolver   = "DNS Private Resolver inbound endpoint in the VNet"
	linkZone       = "privatelink zone (the public name's CNAME target) linked to the resolver's VNet"
	linkRecord     = "private endpoint's DNS record (zone group)"
)

var crossCloudRules = []Rule{
	{ID: "XNET-001", Severity: High,
		Description: "Every Azure private endpoint the GKE microservice calls (App Configuration, Key Vault) must be reachable from GKE: " +
			"a route (GKE range, Cloud Router, tunnels, Azure gateway, endpoint subnet), a DNS chain from the public name the SDK resolves " +
			"(forwarding zone matching it, resolver, privatelink zone, record) and a sign-in (projected token, SDK environment, federated " +
			"credential, data role on the target, egress to Entra ID). High: without them the microservice cannot reach its configuration and secrets in prod.",
		Remediation: "Turn crossCloudNetwork on (needs azurePrivateNetworking), or restore the missing link named in the finding.",
		stack:       reachability},
}

// reachability checks the three chains for each private endpoint of a microservice group.
func reachability(st stack) []violation {
	x := index(st.resources)
	var out []violation
	for _, pe := range x.byType[privateEndpointType] {
		t, ok := microserviceTarget(pe)
		if !ok {
			continue
		}
		report := func(format, missing, detail string) {
			out = append(out, violation{URN: pe.URN, Type: pe.Type, Name: pe.Name,
				Message: fmt.Sprintf(format+": missing %s (%s)", missing, detail)})
		}
		if missing, detail := x.route(pe); missing != "" {
			report("no route from GKE", missing, detail)
		}
		if missing, detail := x.dnsChain(pe, t); missing != "" {
			report(t.host()+" does not resolve from GKE to the endpoint", missing, detail)
		}
		if missing, detail := x.signIn(t); missing != "" {
			report("the microservice cannot sign in to read "+t.host(), missing, detail)
		}
	}
	return out
}

// microserviceTarget reads the group and the target's name from the endpoint's connection.
func microserviceTarget(pe Resource) (target, bool) {
	for _, conn := range get(pe.Inputs, "privateLinkServiceConnections").Array() {
		for _, g := range unwrap(conn).Field("groupIds").Strings() {
			if t, ok := microserviceTargets[g]; ok {
				t.id = unwrap(conn).Field("privateLinkServiceId").Text()
				t.name = armName(t.id, t.kind)
				return t, true
			}
		}
	}
	return target{}, false
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

func in(r Resource, path string) string  { return get(r.Inputs, path).Text() }
func out(r Resource, path string) string { return get(r.Outputs, path).Text() }

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
		ranges := get(sn.Inputs, "secondaryIpRanges").Array()
		if len(ranges) == 0 {
			continue
		}
		src := gkeSource{network: lastSegment(in(sn, "network"))}
		src.nodes, _ = netip.ParsePrefix(in(sn, "ipCidrRange"))
		for _, r := range ranges {
			if strings.Contains(unwrap(r).Field("rangeName").Text(), "pod") {
				src.pods, _ = netip.ParsePrefix(unwrap(r).Field("ipCidrRange").Text())
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
	for _, g := range get(router.Inputs, "bgp.advertisedGroups").Strings() {
		if g == "ALL_SUBNETS" {
			return true
		}
	}
	for _, r := range get(router.Inputs, "bgp.advertisedIpRanges").Array() {
		q, err := netip.ParsePrefix(unwrap(r).Field("range").Text())
		if err == nil && q.Bits() <= p.Bits() && q.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// anyElem reports whether some element of the array at path satisfies ok.
func anyElem(m resource.PropertyMap, path string, ok func(prop) bool) bool {
	for _, e := range get(m, path).Array() {
		if ok(unwrap(e)) {
			return true
		}
	}
	return false
}
