// Package spec is what the tooling knows about the network (the VPC, the GKE subnet and Cloud
// NAT): its policy rules with their cases, the offline plan's mock responders and typical
// creation times. It imports only kit; the component's resources are built by the parent
// folder's package network.
//
// The Cloud Router is registered by the cross-cloud link too, so its responder, creation time
// and rule (VPN-005) stay with the tooling, as do the rules that look across resources
// (XNET-001 and the sign-in's egress through NAT).
package spec

import (
	"fmt"
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens only this component registers.
const (
	NetworkType    = "gcp:compute/network:Network"
	SubnetworkType = "gcp:compute/subnetwork:Subnetwork"
	RouterNatType  = "gcp:compute/routerNat:RouterNat"
)

// computeAPI prefixes a Compute Engine id to make its self link.
const computeAPI = "https://www.googleapis.com/compute/v1/"

// Component is the network as the tooling sees it.
var Component = kit.Component{
	Name:  "network",
	Rules: rules(),
	Mocks: map[string]kit.Mock{
		NetworkType:    {Provision: network},
		SubnetworkType: {Provision: subnetwork},
		RouterNatType:  {Provision: routerNat},
	},
	CreateTimes: map[string]time.Duration{
		// Measured 22 s and 58 s: "google_compute_network ... Creation complete after 22s"
		// (github.com/opea-project/GenAIInfra/pull/977, github.com/turbot/steampipe-plugin-gcp/pull/214).
		NetworkType: 30 * time.Second,
		// Estimate: regional compute operations, tens of seconds.
		SubnetworkType: 20 * time.Second,
		RouterNatType:  30 * time.Second,
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

func network(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := kit.GCPProject(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/global/networks/%s", p, name)
	return id, map[string]interface{}{"name": name, "project": p, "selfLink": computeAPI + id,
		"numericId": kit.Digits(19, "network", id), "gatewayIpv4": ""}
}

// subnetwork's gateway is the first host of its primary range, as Google reserves it.
func subnetwork(req kit.MockRequest) (string, map[string]interface{}) {
	p, r, name := kit.GCPProject(req), region(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/regions/%s/subnetworks/%s", p, r, name)
	return id, map[string]interface{}{"name": name, "project": p, "region": r, "selfLink": computeAPI + id,
		"gatewayAddress": kit.HostIn(kit.Str(req.In, "ipCidrRange"), 1), "fingerprint": kit.Hash("fp", id)[:12]}
}

// routerNat's id is project/region/router/name, as the provider imports it.
func routerNat(req kit.MockRequest) (string, map[string]interface{}) {
	p, r, name := kit.GCPProject(req), region(req), kit.AutoName(req, "name")
	return fmt.Sprintf("%s/%s/%s/%s", p, r, kit.Str(req.In, "router"), name),
		map[string]interface{}{"name": name, "project": p, "region": r}
}
