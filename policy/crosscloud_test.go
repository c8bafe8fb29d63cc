package policy

// Cases for the cross-cloud rules, added to ruleCases and knownTokens here so the shared
// tables stay untouched by this feature.

func init() {
	knownTokens = append(knownTokens, tunnelType, connectionType, vpnGatewayType, routerType, privateEndpointType)
	for id, c := range map[string]ruleCase{
		"VPN-001": {list(v(tunnelType, vpnTunnel), v(tunnelType, vpnTunnel, "ikeVersion", deleted{}), v(tunnelType, vpnTunnel, "ikeVersion", unknown)),
			list(v(tunnelType, vpnTunnel, "ikeVersion", 1))},
		"VPN-002": {list(v(connectionType, vpnConnection), v(connectionType, vpnConnection, "connectionProtocol", deleted{})),
			list(v(connectionType, vpnConnection, "connectionProtocol", "IKEv1"))},
		"VPN-003": {list(v(tunnelType, vpnTunnel), v(connectionType, vpnConnection), v(tunnelType, vpnTunnel, "sharedSecret", unknown)),
			list(v(tunnelType, vpnTunnel, "sharedSecret", "plain-psk-0123456789"), v(connectionType, vpnConnection, "sharedKey", deleted{}),
				v(connectionType, vpnConnection, "sharedKey", "plain-psk-0123456789"))},
		"VPN-004": {list(v(vpnGatewayType, vpnGateway), v(vpnGatewayType, vpnGateway, "sku.name", "VpnGw3AZ")),
			list(v(vpnGatewayType, vpnGateway, "activeActive", false), v(vpnGatewayType, vpnGateway, "enableBgp", deleted{}),
				v(vpnGatewayType, vpnGateway, "sku.name", "VpnGw1"))},
		"VPN-005": {list(v(routerType, vpnRouter), v(routerType, natRouter)),
			list(v(routerType, vpnRouter, "bgp.advertiseMode", "DEFAULT"), v(routerType, vpnRouter, "bgp.advertiseMode", deleted{}),
				v(routerType, vpnRouter, "bgp.advertisedGroups", []any{"ALL_SUBNETS"}))},
		// The full chains are tested against the real prod plan, each link removed once
		// (cmd/plan TestReachabilityNamesEveryMissingLink); here the rule's scope.
		"XNET-001": {list(outs(nil), v(privateEndpointType, blobEndpoint)),
			list(v(privateEndpointType, vaultEndpoint), v(privateEndpointType, storeEndpoint))},
	} {
		ruleCases[id] = c
	}
}

func vpnTunnel() map[string]any {
	return map[string]any{"name": "vpn-azure-mlp-prod-0", "router": "cr-vpn-mlp-prod", "ikeVersion": 2,
		"vpnGateway": "projects/p/regions/europe-west4/vpnGateways/vpn-mlp-prod", "vpnGatewayInterface": 0,
		"peerExternalGateway": "projects/p/global/externalVpnGateways/azure-vgw-mlp-prod", "peerExternalGatewayInterface": 0,
		"sharedSecret": secret("generated-psk-0123456789abcdef")}
}

func vpnConnection() map[string]any {
	return map[string]any{"connectionType": "IPsec", "connectionProtocol": "IKEv2", "enableBgp": true,
		"virtualNetworkGateway1": map[string]any{"id": rg + "/providers/Microsoft.Network/virtualNetworkGateways/vgw-mlp-prod"},
		"localNetworkGateway2":   map[string]any{"id": rg + "/providers/Microsoft.Network/localNetworkGateways/lgw-gcp-mlp-prod-0"},
		"sharedKey":              secret("generated-psk-0123456789abcdef")}
}

func vpnGateway() map[string]any {
	return map[string]any{"virtualNetworkGatewayName": "vgw-mlp-prod", "gatewayType": "Vpn", "vpnType": "RouteBased",
		"activeActive": true, "enableBgp": true, "sku": map[string]any{"name": "VpnGw1AZ", "tier": "VpnGw1AZ"},
		"bgpSettings": map[string]any{"asn": 65515}}
}

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
