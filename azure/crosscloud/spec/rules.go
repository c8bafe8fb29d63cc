package spec

import (
	"fmt"
	"strings"

	"github.com/example/mlplatform/kit"
)

// rules are the per-resource rules of the types only this component registers. The rules
// that look across resources (VPN-006's distinct sessions, PIP-002's attached addresses) or
// that span Google's types too (VPN-003's pre-shared keys on both ends) stay in policy.
func rules() []kit.Rule {
	return []kit.Rule{
		{ID: "VPN-002", Severity: kit.High, Types: []string{ConnectionType},
			Description: "Azure VPN connections must use IKEv2 (connectionProtocol IKEv2, the default). High: IKEv1 lacks the stronger negotiation and is a legacy fallback.",
			Remediation: "Set connectionProtocol to IKEv2 or leave it unset.",
			Check:       kit.Enum("connectionProtocol", "IKEv2", "IKEv2"),
			Cases: kit.Cases{Pass: []kit.Case{connection(), connection("connectionProtocol", kit.Deleted{}),
				connection("connectionProtocol", "ikev2"), connection("connectionProtocol", kit.Unknown)},
				Fail: []kit.Case{connection("connectionProtocol", "IKEv1")}}},
		{ID: "VPN-004", Severity: kit.Medium, Types: []string{GatewayType},
			External:    []string{"Azure.VNG.VPNActiveActive", "Azure.VNG.VPNAvailabilityZoneSKU", "Azure.VNG.VPNLegacySKU"},
			Description: "An Azure VPN gateway must be active-active with BGP on a zone-redundant (*AZ) SKU. Medium: a standby instance or a single zone turns maintenance or a zone outage into a cut.",
			Remediation: "Set activeActive and enableBgp to true and sku.name to a VpnGw*AZ SKU.",
			Check:       kit.All(kit.IsTrue("activeActive"), kit.IsTrue("enableBgp"), zoneRedundantSKU),
			// The SKU's bound: VpnGw1AZ passes, VpnGw1 (the same size in one zone) fails.
			Cases: kit.Cases{Pass: []kit.Case{gateway(), gateway("sku.name", "VpnGw3AZ"), gateway("sku.name", kit.Unknown)},
				Fail: []kit.Case{gateway("activeActive", false), gateway("activeActive", kit.Deleted{}),
					gateway("enableBgp", kit.Deleted{}), gateway("enableBgp", false),
					gateway("sku.name", "VpnGw1"), gateway("sku", kit.Deleted{})}}},
		{ID: "PIP-001", Severity: kit.Low, Types: []string{PublicIPType},
			External:    []string{"Azure.PublicIP.StandardSKU", "Azure.PublicIP.MigrateStandard", "Azure.PublicIP.AvailabilityZone"},
			Description: "Public IP addresses must use the Standard SKU and span availability zones 1, 2 and 3. Low: the Basic SKU is retired (30 September 2025) and lacks zone redundancy; a zonal or non-zonal address goes down with its zone.",
			Remediation: "Set sku {name: Standard, tier: Regional} and zones [1, 2, 3].",
			Check:       kit.All(kit.Enum("sku.name", "", "Standard"), zonesAll),
			// The zones' bound: all three pass, two fail.
			Cases: kit.Cases{Pass: []kit.Case{publicIP(), publicIP("zones", kit.Unknown), publicIP("zones", []any{"3", "2", "1"})},
				Fail: []kit.Case{publicIP("sku.name", "Basic"), publicIP("sku", kit.Deleted{}),
					publicIP("zones", []any{"1"}), publicIP("zones", []any{"1", "2"}), publicIP("zones", kit.Deleted{})}}},
	}
}

func zoneRedundantSKU(r kit.Resource) []string {
	p := kit.Get(r.Inputs, "sku.name")
	if p.Unknown() || strings.HasSuffix(p.Text(), "AZ") {
		return nil
	}
	return []string{fmt.Sprintf("sku.name is %s; want a zone-redundant VpnGw*AZ SKU", kit.Describe(p, "Basic"))}
}

// zonesAll: the Standard public IP spans the three availability zones (PSRule
// Azure.PublicIP.AvailabilityZone; the VPN gateway's *AZ SKU, VPN-004, needs zone-redundant IPs).
func zonesAll(r kit.Resource) []string {
	p := kit.Get(r.Inputs, "zones")
	if p.Unknown() || !kit.OneOf(kit.Get(r.Inputs, "sku.name").Text(), "Standard") {
		return nil
	}
	have := map[string]bool{}
	for _, z := range p.Strings() {
		have[strings.TrimSpace(z)] = true
	}
	if have["1"] && have["2"] && have["3"] {
		return nil
	}
	if p.Absent() {
		return kit.Msgf("zones is not set (no zone); want 1, 2 and 3 (zone-redundant)")
	}
	return kit.Msgf("zones is [%s]; want 1, 2 and 3 (zone-redundant)", strings.Join(p.Strings(), ", "))
}

// SecureConnection is one tunnel's IPsec connection as the platform registers it in prod: the
// base every case edits, and the policy tests' compliant connection.
func SecureConnection() map[string]any {
	return map[string]any{"connectionType": "IPsec", "connectionProtocol": "IKEv2", "enableBgp": true,
		"virtualNetworkGateway1": map[string]any{"id": rg + "/providers/Microsoft.Network/virtualNetworkGateways/vgw-mlp-prod"},
		"localNetworkGateway2":   map[string]any{"id": rg + "/providers/Microsoft.Network/localNetworkGateways/lgw-gcp-mlp-prod-0"},
		"sharedKey":              kit.Secret("generated-psk-0123456789abcdef")}
}

// SecureGateway is the active-active BGP gateway on a zone-redundant SKU.
func SecureGateway() map[string]any {
	return map[string]any{"virtualNetworkGatewayName": "vgw-mlp-prod", "gatewayType": "Vpn", "vpnType": "RouteBased",
		"activeActive": true, "enableBgp": true, "sku": map[string]any{"name": "VpnGw1AZ", "tier": "VpnGw1AZ"},
		"bgpSettings": map[string]any{"asn": 65515}}
}

// SecurePublicIP is instance 0's Standard, zone-redundant static address.
func SecurePublicIP() map[string]any {
	return map[string]any{"publicIpAddressName": "pip-vgw-mlp-prod-0", "publicIPAllocationMethod": "Static",
		"sku": map[string]any{"name": "Standard", "tier": "Regional"}, "zones": []any{"1", "2", "3"}}
}

// rg is the resource group the cases' ids point into.
const rg = "/subscriptions/22222222-2222-4222-8222-222222222222/resourceGroups/rg-mlp-prod"

func connection(edits ...any) kit.Case {
	return kit.Case{Type: ConnectionType, Base: SecureConnection, Edits: edits}
}
func gateway(edits ...any) kit.Case {
	return kit.Case{Type: GatewayType, Base: SecureGateway, Edits: edits}
}
func publicIP(edits ...any) kit.Case {
	return kit.Case{Type: PublicIPType, Base: SecurePublicIP, Edits: edits}
}
