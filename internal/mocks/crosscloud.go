package mocks

import (
	"fmt"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The cross-cloud path (the Azure end's mocks are its own: azure/crosscloud/spec): Google HA
// VPN, external gateway, tunnels, router interfaces and peers, Cloud DNS zones; the generated
// pre-shared keys; the microservice's network policy.

// init registers the cross-cloud mocks, one end at a time.
func init() {
	registerGCPVPNMocks()
	registerPasswordAndPolicyMocks()
}

// registerGCPVPNMocks registers the Google end: HA VPN, the external gateway, tunnels, router
// interfaces and peers, and Cloud DNS zones.
func registerGCPVPNMocks() {
	register("gcp:compute/haVpnGateway:HaVpnGateway", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/regions/%s/vpnGateways/%s", p, r, name)
		return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id,
			"vpnInterfaces": []interface{}{
				map[string]interface{}{"id": 0.0, "ipAddress": ipFrom("ha-vpn", id, "0")},
				map[string]interface{}{"id": 1.0, "ipAddress": ipFrom("ha-vpn", id, "1")},
			}}
	})
	register("gcp:compute/externalVpnGateway:ExternalVpnGateway", func(req Request) (string, map[string]interface{}) {
		p, name := gcpProject(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/global/externalVpnGateways/%s", p, name)
		return id, map[string]interface{}{"name": name, "project": p, "selfLink": computeAPI + id, "labelFingerprint": Hash("lf", id)[:12]}
	})
	register("gcp:compute/vPNTunnel:VPNTunnel", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		id := fmt.Sprintf("projects/%s/regions/%s/vpnTunnels/%s", p, r, name)
		return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id,
			"tunnelId": digits(19, "tunnel", id), "detailedStatus": "Tunnel is up and running.",
			"sharedSecretHash": Hash("psk-hash", id)[:27]}
	})
	register("gcp:compute/routerInterface:RouterInterface", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		return fmt.Sprintf("%s/%s/%s", r, str(req.In, "router"), name), map[string]interface{}{"name": name, "project": p, "region": r}
	})
	register("gcp:compute/routerPeer:RouterPeer", func(req Request) (string, map[string]interface{}) {
		p, r, name := gcpProject(req), gcpRegion(req), autoName(req.Name, req.In, "name")
		return fmt.Sprintf("projects/%s/regions/%s/routers/%s/%s", p, r, str(req.In, "router"), name),
			map[string]interface{}{"name": name, "project": p, "region": r, "managementType": "MANAGED_BY_USER", "enable": "TRUE"}
	})
	register("gcp:dns/managedZone:ManagedZone", func(req Request) (string, map[string]interface{}) {
		p, name := gcpProject(req), autoName(req.Name, req.In, "name")
		return fmt.Sprintf("projects/%s/managedZones/%s", p, name), map[string]interface{}{"name": name, "project": p,
			"managedZoneId": digits(16, "zone", p, name), "creationTime": "2026-11-23T12:00:00.000Z"}
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
