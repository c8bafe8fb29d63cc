package policy

import (
	"fmt"

	azcrosscloudspec "github.com/example/mlplatform/azure/crosscloud/spec"
	crosscloudspec "github.com/example/mlplatform/gcp/crosscloud/spec"
)

// Cases for the cross-cloud rules, added to ruleCases and knownTokens here so the shared
// tables stay untouched by this feature.

func init() {
	knownTokens = append(knownTokens, tunnelType, connectionType, vpnGatewayType, routerType, privateEndpointType,
		localGatewayType, routerPeerType, routerIfaceType)
	for id, c := range map[string]ruleCase{
		"VPN-003": {list(v(tunnelType, vpnTunnel), v(connectionType, vpnConnection), v(tunnelType, vpnTunnel, "sharedSecret", unknown)),
			list(v(tunnelType, vpnTunnel, "sharedSecret", "plain-psk-0123456789"), v(connectionType, vpnConnection, "sharedKey", deleted{}),
				v(connectionType, vpnConnection, "sharedKey", "plain-psk-0123456789"))},
		"VPN-005": {list(v(routerType, vpnRouter), v(routerType, natRouter)),
			list(v(routerType, vpnRouter, "bgp.advertiseMode", "DEFAULT"), v(routerType, vpnRouter, "bgp.advertiseMode", deleted{}),
				v(routerType, vpnRouter, "bgp.advertisedGroups", []any{"ALL_SUBNETS"}))},
		// Each failing case repeats one endpoint of the other tunnel's session; on the real prod
		// plan the same edit lands on every local network gateway, BGP peer or interface.
		"VPN-006": {list(twoTunnels(nil), twoTunnels(func(r []map[string]any) { set(r[3], "gatewayIpAddress", unknown) }),
			twoTunnels(func(r []map[string]any) { set(r[8], "ipRange", unknown) })),
			list(twoTunnels(func(r []map[string]any) { set(r[3], "gatewayIpAddress", "34.157.10.1") }),
				twoTunnels(func(r []map[string]any) { set(r[3], "bgpSettings.bgpPeeringAddress", "169.254.21.2") }),
				twoTunnels(func(r []map[string]any) { set(r[7], "peerIpAddress", "169.254.21.1") }),
				twoTunnels(func(r []map[string]any) { set(r[7], "ipAddress", "169.254.21.2") }),
				twoTunnels(func(r []map[string]any) { set(r[8], "ipRange", "169.254.21.2/30") }),
				// What pulumi.Sprintf made of a netip.Addr: no prefix, so no session.
				twoTunnels(func(r []map[string]any) { set(r[8], "ipRange", "invalid IP/30") }),
				twoTunnels(func(r []map[string]any) {
					set(r[0], "bgpSettings.bgpPeeringAddresses", []any{apipa(0, "169.254.21.1"), apipa(1, "169.254.21.1")})
				}))},
		// The full chains are tested against the real prod plan, each link removed once
		// (cmd/plan TestReachabilityNamesEveryMissingLink); here the rule's scope.
		"XNET-001": {list(outs(nil), v(privateEndpointType, blobEndpoint)),
			list(v(privateEndpointType, vaultEndpoint), v(privateEndpointType, storeEndpoint))},
	} {
		ruleCases[id] = c
	}
}

// vpnTunnel is the link's compliant tunnel (VPN-001 and its cases are in gcp/crosscloud/spec).
var vpnTunnel = crosscloudspec.Tunnel

// vpnConnection and vpnGateway are the Azure end's compliant ones (azure/crosscloud/spec).
func vpnConnection() map[string]any { return azcrosscloudspec.SecureConnection() }

func vpnGateway() map[string]any { return azcrosscloudspec.SecureGateway() }

func vpnRouter() map[string]any {
	return map[string]any{"name": "cr-vpn-mlp-prod", "network": "projects/p/global/networks/vpc-mlp-prod",
		"bgp": map[string]any{"asn": 65534, "advertiseMode": "CUSTOM",
			"advertisedIpRanges": []any{map[string]any{"range": "10.10.0.0/20"}, map[string]any{"range": "10.20.0.0/14"}}}}
}

func natRouter() map[string]any {
	return map[string]any{"name": "vpc-mlp-prod-router", "network": "projects/p/global/networks/vpc-mlp-prod"}
}

func endpoint(group string) func() map[string]any {
	return func() map[string]any {
		return map[string]any{"privateEndpointName": "pe-" + group,
			"subnet":                        map[string]any{"id": rg + "/providers/Microsoft.Network/virtualNetworks/vnet-mlp-prod/subnets/snet-private-endpoints"},
			"privateLinkServiceConnections": []any{map[string]any{"name": "pe-" + group, "groupIds": []any{group}}}}
	}
}

var (
	vaultEndpoint = endpoint("vault")
	storeEndpoint = endpoint("configurationStores")
	blobEndpoint  = endpoint("blob")
)

// twoTunnels is the two-tunnel topology as the program registers it: the Azure gateway (one
// APIPA address per instance), a local network gateway and a connection per HA VPN interface,
// and on the Cloud Router a BGP peer and an interface per tunnel. edit changes the inputs
// first: [0] gateway, [1+2k] local network gateway k, [2+2k] connection k, [5+2k] BGP peer k,
// [6+2k] router interface k, [9] router.
func twoTunnels(edit func([]map[string]any)) scenario {
	gw := vpnGateway()
	gw["bgpSettings"] = map[string]any{"asn": 65515, "bgpPeeringAddresses": []any{apipa(0, "169.254.21.1"), apipa(1, "169.254.22.1")}}
	types, names := []string{vpnGatewayType}, []string{"crosscloud-vgw"}
	ins := []map[string]any{gw}
	links := []string{"169.254.21", "169.254.22"}
	for k, addr := range []string{"34.157.10.1", "34.157.10.2"} {
		lng := map[string]any{"localNetworkGatewayName": fmt.Sprintf("lgw-gcp-mlp-prod-%d", k), "gatewayIpAddress": addr,
			"bgpSettings": map[string]any{"asn": 65534, "bgpPeeringAddress": links[k] + ".2"}}
		conn := vpnConnection()
		conn["localNetworkGateway2"] = map[string]any{"id": fmt.Sprintf("%s/providers/Microsoft.Network/localNetworkGateways/lgw-gcp-mlp-prod-%d", rg, k)}
		types, ins = append(types, localGatewayType, connectionType), append(ins, lng, conn)
		names = append(names, fmt.Sprintf("crosscloud-lgw-%d", k), fmt.Sprintf("crosscloud-con-%d", k))
	}
	for k, link := range links {
		peer := map[string]any{"router": "cr-vpn-mlp-prod", "name": fmt.Sprintf("azure-%d", k), "interface": fmt.Sprintf("if-azure-%d", k),
			"ipAddress": link + ".2", "peerIpAddress": link + ".1", "peerAsn": 65515}
		iface := map[string]any{"router": "cr-vpn-mlp-prod", "name": fmt.Sprintf("if-azure-%d", k), "ipRange": link + ".2/30",
			"vpnTunnel": fmt.Sprintf("vpn-azure-mlp-prod-%d", k)}
		types, ins = append(types, routerPeerType, routerIfaceType), append(ins, peer, iface)
		names = append(names, fmt.Sprintf("crosscloud-peer-%d", k), fmt.Sprintf("crosscloud-if-%d", k))
	}
	types, names, ins = append(types, routerType), append(names, "crosscloud-router"), append(ins, vpnRouter())
	if edit != nil {
		edit(ins)
	}
	var rs []Resource
	for i, in := range ins {
		rs = append(rs, res(types[i], names[i], in))
	}
	return scenario{resources: rs}
}

func apipa(instance int, addrs ...string) map[string]any {
	ids := make([]any, len(addrs))
	for i, a := range addrs {
		ids[i] = a
	}
	return map[string]any{"ipconfigurationId": fmt.Sprintf("%s/providers/Microsoft.Network/virtualNetworkGateways/vgw-mlp-prod/ipConfigurations/ipconfig-%d", rg, instance),
		"customBgpIpAddresses": ids}
}
