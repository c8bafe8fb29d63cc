package spec

import "github.com/example/mlplatform/kit"

// rules are the per-resource rules on types only this component registers: VPN-001 on the
// tunnels. The pre-shared-key rule (VPN-003) also judges Azure's connections, and the custom
// advertisement rule (VPN-005) every Cloud Router, Cloud NAT's too: they stay in policy.
func rules() []kit.Rule {
	return []kit.Rule{
		{ID: "VPN-001", Severity: kit.High, Types: []string{TunnelType},
			Description: "Cloud VPN tunnels must use IKEv2 (ikeVersion 2, the default). High: IKEv1 lacks the stronger negotiation and is a legacy fallback.",
			Remediation: "Set ikeVersion to 2 or leave it unset.",
			Check:       ikeV2Tunnel,
			Cases: kit.Cases{
				Pass: []kit.Case{tunnelCase(), tunnelCase("ikeVersion", kit.Deleted{}), tunnelCase("ikeVersion", kit.Unknown)},
				// Both sides of the one allowed value.
				Fail: []kit.Case{tunnelCase("ikeVersion", 1), tunnelCase("ikeVersion", 3)}}},
	}
}

// ikeV2Tunnel accepts ikeVersion 2, unset (the provider's default is 2) or not yet known.
func ikeV2Tunnel(r kit.Resource) []string {
	p := kit.Get(r.Inputs, "ikeVersion")
	if p.Unknown() || p.Absent() {
		return nil
	}
	if n, ok := p.Number(); ok && n == 2 {
		return nil
	}
	return kit.Msgf("ikeVersion is %s; want 2", p.Show())
}

// Tunnel is tunnel 0 as the platform registers it in prod: the base the cases edit, and the
// policy tests' compliant tunnel.
func Tunnel() map[string]any {
	return map[string]any{"name": "vpn-azure-mlp-prod-0", "router": "cr-vpn-mlp-prod", "ikeVersion": 2,
		"vpnGateway": "projects/p/regions/europe-west4/vpnGateways/vpn-mlp-prod", "vpnGatewayInterface": 0,
		"peerExternalGateway": "projects/p/global/externalVpnGateways/azure-vgw-mlp-prod", "peerExternalGatewayInterface": 0,
		"sharedSecret": kit.Secret("generated-psk-0123456789abcdef")}
}

func tunnelCase(edits ...any) kit.Case {
	return kit.Case{Type: TunnelType, Base: Tunnel, Edits: edits}
}
