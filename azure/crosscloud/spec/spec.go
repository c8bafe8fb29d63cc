// Package spec is what the tooling knows about the Azure end of the cross-cloud link (the VPN
// gateway with its public IPs, the local network gateways and connections to Google's HA VPN,
// the DNS Private Resolver and its inbound endpoint): its per-resource policy rules with their
// cases, the offline plan's mock responders and typical creation times. It imports only kit;
// the component's resources are built by the parent folder's package crosscloud.
package spec

import (
	"fmt"
	"strconv"
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens this component registers (no other component registers them). The
// gateway subnets' Subnet type is the foundation's too, so its mock and rules are not here.
const (
	PublicIPType     = "azure-native:network:PublicIPAddress"
	GatewayType      = "azure-native:network:VirtualNetworkGateway"
	LocalGatewayType = "azure-native:network:LocalNetworkGateway"
	ConnectionType   = "azure-native:network:VirtualNetworkGatewayConnection"
	ResolverType     = "azure-native:network:DnsResolver"
	InboundType      = "azure-native:network:InboundEndpoint"
)

// Component is the Azure end of the cross-cloud link as the tooling sees it.
var Component = kit.Component{
	Name:  "crosscloud",
	Rules: rules(),
	Mocks: map[string]kit.Mock{
		PublicIPType: {ARMPath: "Microsoft.Network/publicIPAddresses/{publicIpAddressName*}", Extra: publicIPOutputs},
		GatewayType:  {ARMPath: "Microsoft.Network/virtualNetworkGateways/{virtualNetworkGatewayName*}", Extra: gatewayOutputs},
		LocalGatewayType: {ARMPath: "Microsoft.Network/localNetworkGateways/{localNetworkGatewayName*}",
			Extra: succeededWithETag},
		ConnectionType: {ARMPath: "Microsoft.Network/connections/{virtualNetworkGatewayConnectionName*}", Extra: connectionOutputs},
		ResolverType:   {ARMPath: "Microsoft.Network/dnsResolvers/{dnsResolverName*}", Extra: resolverOutputs},
		InboundType: {ARMPath: "Microsoft.Network/dnsResolvers/{dnsResolverName}/inboundEndpoints/{inboundEndpointName*}",
			Extra: inboundOutputs},
	},
	CreateTimes: map[string]time.Duration{
		// Cited, 45 min: Microsoft's VPN gateway tutorial says "A VPN gateway can take 45 minutes
		// or more to create, depending on the gateway SKU" (learn.microsoft.com/azure/vpn-gateway/
		// tutorial-create-gateway-portal); TF timeout, azurerm_virtual_network_gateway: create
		// 60 min. It runs beside the GKE chain and is now the longest pole of prod.
		GatewayType: 45 * time.Minute,
		// Estimate: allocating a Standard static address, seconds.
		PublicIPType: 10 * time.Second,
		// Estimate: a local network gateway is a definition, tens of seconds.
		LocalGatewayType: 30 * time.Second,
		// Estimate, 2 min: the gateway applies the connection (TF timeout,
		// azurerm_virtual_network_gateway_connection: create 30 min).
		ConnectionType: 2 * time.Minute,
		// Estimate: DNS Private Resolver and its inbound endpoint are long-running operations,
		// a minute or two each in public Terraform logs (TF timeout, azurerm_private_dns_resolver:
		// create 30 min).
		ResolverType: 1 * time.Minute,
		InboundType:  2 * time.Minute,
	},
}

// azureIPFrom derives a stable public-looking IPv4 address in 20.0.0.0/8 (a Microsoft range),
// never .0 or .1 in the last octet.
func azureIPFrom(parts ...string) string {
	h := kit.Hash(parts...)
	var b [3]uint64
	for i := range b {
		b[i], _ = strconv.ParseUint(h[2*i:2*i+2], 16, 8)
	}
	return fmt.Sprintf("20.%d.%d.%d", b[0], b[1], max(b[2], 2))
}

func publicIPOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded", "ipAddress": azureIPFrom("pip", id),
		"resourceGuid": kit.GUID("pip", id)}
}

// gatewayOutputs: ARM adds each instance's default BGP address (from GatewaySubnet) beside the
// custom APIPA ones it was given.
func gatewayOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	bgp := kit.Merged(req.In, "bgpSettings", map[string]interface{}{"peerWeight": 0.0})
	return map[string]interface{}{"provisioningState": "Succeeded", "resourceGuid": kit.GUID("vgw", id), "bgpSettings": bgp}
}

func succeededWithETag(req kit.MockRequest, id, name string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded", "etag": `W/"` + kit.GUID("etag", id) + `"`}
}

func connectionOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded", "resourceGuid": kit.GUID("con", id),
		"ingressBytesTransferred": 0.0, "egressBytesTransferred": 0.0}
}

func resolverOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded", "dnsResolverState": "Connected",
		"resourceGuid": kit.GUID("dnspr", id)}
}

func inboundOutputs(req kit.MockRequest, id, name string) map[string]interface{} {
	return map[string]interface{}{"provisioningState": "Succeeded", "resourceGuid": kit.GUID("inbound", id)}
}
