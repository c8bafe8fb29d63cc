// Package spec is what the tooling knows about the Google end of the cross-cloud link (the HA
// VPN gateway, the external gateway standing for Azure's, the IKEv2 tunnels with their Cloud
// Router interfaces and BGP peers, and the Cloud DNS forwarding zones): its policy rule with
// its cases, the offline plan's mock responders and typical creation times. It imports only
// kit; the component's resources are built by the parent folder's package crosscloud.
//
// The Cloud Router and the DNS API enablement are registered by the network and the services
// too, so their responders, creation times and rules (VPN-005 among them) stay with the
// tooling, as do the rules that look across both clouds (VPN-003, VPN-006, XNET-001).
package spec

import (
	"fmt"
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens only this component registers.
const (
	HaVpnGatewayType       = "gcp:compute/haVpnGateway:HaVpnGateway"
	ExternalVpnGatewayType = "gcp:compute/externalVpnGateway:ExternalVpnGateway"
	TunnelType             = "gcp:compute/vPNTunnel:VPNTunnel"
	RouterInterfaceType    = "gcp:compute/routerInterface:RouterInterface"
	RouterPeerType         = "gcp:compute/routerPeer:RouterPeer"
	ManagedZoneType        = "gcp:dns/managedZone:ManagedZone"
)

// computeAPI prefixes a Compute Engine id to make its self link.
const computeAPI = "https://www.googleapis.com/compute/v1/"

// Component is the Google end of the cross-cloud link as the tooling sees it.
var Component = kit.Component{
	Name:  "crosscloud",
	Rules: rules(),
	Mocks: map[string]kit.Mock{
		HaVpnGatewayType:       {Provision: haVpnGateway},
		ExternalVpnGatewayType: {Provision: externalVpnGateway},
		TunnelType:             {Provision: tunnel},
		RouterInterfaceType:    {Provision: routerInterface},
		RouterPeerType:         {Provision: routerPeer},
		ManagedZoneType:        {Provision: managedZone},
	},
	CreateTimes: map[string]time.Duration{
		// Estimate: regional compute operations, seconds to tens of seconds.
		HaVpnGatewayType:       20 * time.Second,
		ExternalVpnGatewayType: 10 * time.Second,
		TunnelType:             30 * time.Second,
		RouterInterfaceType:    10 * time.Second,
		RouterPeerType:         15 * time.Second,
		// Estimate: Cloud DNS zone creation is a synchronous API call.
		ManagedZoneType: 5 * time.Second,
	},
}

// region is the resource's region input, or the provider's default (gcp:region).
func region(req kit.MockRequest) string {
	if r := kit.Str(req.In, "region"); r != "" {
		return r
	}
	return req.Config["gcp:region"]
}

// The responders follow the shapes the Google provider returns: resource names as ids,
// computed outputs derived from the inputs and the provider's gcp:project / gcp:region
// defaults.

// haVpnGateway reports both interfaces' public addresses, which the Azure end connects to.
func haVpnGateway(req kit.MockRequest) (string, map[string]interface{}) {
	p, r, name := kit.GCPProject(req), region(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/regions/%s/vpnGateways/%s", p, r, name)
	return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id,
		"vpnInterfaces": []interface{}{
			map[string]interface{}{"id": 0.0, "ipAddress": kit.IPFrom("ha-vpn", id, "0")},
			map[string]interface{}{"id": 1.0, "ipAddress": kit.IPFrom("ha-vpn", id, "1")},
		}}
}

func externalVpnGateway(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := kit.GCPProject(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/global/externalVpnGateways/%s", p, name)
	return id, map[string]interface{}{"name": name, "project": p, "selfLink": computeAPI + id, "labelFingerprint": kit.Hash("lf", id)[:12]}
}

func tunnel(req kit.MockRequest) (string, map[string]interface{}) {
	p, r, name := kit.GCPProject(req), region(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/regions/%s/vpnTunnels/%s", p, r, name)
	return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id,
		"tunnelId": kit.Digits(19, "tunnel", id), "detailedStatus": "Tunnel is up and running.",
		"sharedSecretHash": kit.Hash("psk-hash", id)[:27]}
}

// routerInterface's id is region/router/name, as the provider imports it.
func routerInterface(req kit.MockRequest) (string, map[string]interface{}) {
	p, r, name := kit.GCPProject(req), region(req), kit.AutoName(req, "name")
	return fmt.Sprintf("%s/%s/%s", r, kit.Str(req.In, "router"), name), map[string]interface{}{"name": name, "project": p, "region": r}
}

func routerPeer(req kit.MockRequest) (string, map[string]interface{}) {
	p, r, name := kit.GCPProject(req), region(req), kit.AutoName(req, "name")
	return fmt.Sprintf("projects/%s/regions/%s/routers/%s/%s", p, r, kit.Str(req.In, "router"), name),
		map[string]interface{}{"name": name, "project": p, "region": r, "managementType": "MANAGED_BY_USER", "enable": "TRUE"}
}

func managedZone(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := kit.GCPProject(req), kit.AutoName(req, "name")
	return fmt.Sprintf("projects/%s/managedZones/%s", p, name), map[string]interface{}{"name": name, "project": p,
		"managedZoneId": kit.Digits(16, "zone", p, name), "creationTime": "2026-11-23T12:00:00.000Z"}
}
