package mocks

import (
	"fmt"
	"strconv"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The cross-cloud path: Azure VPN gateway, local network gateways, connections, DNS Private
// Resolver; the generated pre-shared keys; the microservice's network policy. The Google end's
// own types (HA VPN, external gateway, tunnels, router interfaces and peers, Cloud DNS zones)
// answer from gcp/crosscloud/spec.

// azureIPFrom derives a stable public-looking IPv4 address in 20.0.0.0/8 (a Microsoft range).
func azureIPFrom(parts ...string) string {
	h := Hash(parts...)
	var b [3]uint64
	for i := range b {
		b[i], _ = strconv.ParseUint(h[2*i:2*i+2], 16, 8)
	}
	return fmt.Sprintf("20.%d.%d.%d", b[0], b[1], max(b[2], 2))
}

// init registers the cross-cloud mocks, one end at a time.
func init() {
	registerAzureVPNMocks()
	registerPasswordAndPolicyMocks()
}

// registerAzureVPNMocks registers the Azure end: the VPN gateway and its public IPs, local
// network gateways, connections and the DNS Private Resolver.
func registerAzureVPNMocks() {
	succeeded := func(req Request, id, name string) map[string]interface{} {
		return map[string]interface{}{"provisioningState": "Succeeded", "etag": `W/"` + GUID("etag", id) + `"`}
	}
	armPath("azure-native:network:PublicIPAddress", "Microsoft.Network/publicIPAddresses/{publicIpAddressName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"provisioningState": "Succeeded", "ipAddress": azureIPFrom("pip", id),
				"resourceGuid": GUID("pip", id)}
		})
	armPath("azure-native:network:VirtualNetworkGateway", "Microsoft.Network/virtualNetworkGateways/{virtualNetworkGatewayName*}",
		func(req Request, id, name string) map[string]interface{} {
			// ARM adds each instance's default BGP address (from GatewaySubnet) beside the
			// custom APIPA ones it was given.
			bgp := merged(req.In, "bgpSettings", map[string]interface{}{"peerWeight": 0.0})
			return map[string]interface{}{"provisioningState": "Succeeded", "resourceGuid": GUID("vgw", id), "bgpSettings": bgp}
		})
	armPath("azure-native:network:LocalNetworkGateway", "Microsoft.Network/localNetworkGateways/{localNetworkGatewayName*}", succeeded)
	armPath("azure-native:network:VirtualNetworkGatewayConnection",
		"Microsoft.Network/connections/{virtualNetworkGatewayConnectionName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"provisioningState": "Succeeded", "resourceGuid": GUID("con", id),
				"ingressBytesTransferred": 0.0, "egressBytesTransferred": 0.0}
		})
	armPath("azure-native:network:DnsResolver", "Microsoft.Network/dnsResolvers/{dnsResolverName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"provisioningState": "Succeeded", "dnsResolverState": "Connected",
				"resourceGuid": GUID("dnspr", id)}
		})
	armPath("azure-native:network:InboundEndpoint", "Microsoft.Network/dnsResolvers/{dnsResolverName}/inboundEndpoints/{inboundEndpointName*}",
		func(req Request, id, name string) map[string]interface{} {
			return map[string]interface{}{"provisioningState": "Succeeded", "resourceGuid": GUID("inbound", id)}
		})
}

// registerPasswordAndPolicyMocks registers the generated pre-shared keys and the
// microservice's network policy.
func registerPasswordAndPolicyMocks() {
	register("random:index/randomPassword:RandomPassword", func(req Request) (string, map[string]interface{}) {
		length := 16
		if n, ok := req.In["length"].(float64); ok {
			length = int(n)
		}
		const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		h := Hash("password", req.Name)
		out := make([]byte, length)
		for i := range out {
			out[i] = alphabet[int(h[i%len(h)])*(i+11)%len(alphabet)]
		}
		// The provider marks result and bcryptHash secret.
		return "none", map[string]interface{}{
			"result":     resource.MakeSecret(resource.NewStringProperty(string(out))),
			"bcryptHash": resource.MakeSecret(resource.NewStringProperty("$2a$10$" + Hash("bcrypt", req.Name)[:53])),
		}
	})

	register("kubernetes:networking.k8s.io/v1:NetworkPolicy", k8sObject("networking.k8s.io/v1", "NetworkPolicy", true))
}
