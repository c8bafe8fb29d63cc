package spec

import (
	"github.com/example/mlplatform/kit"
)

func registryRules() []kit.Rule {
	t := []string{RegistryType}
	return []kit.Rule{
		{ID: "ACR-001", Severity: kit.High, Types: t,
			External:    []string{"CKV_AZURE_137", "KICS b897dfbf", "Azure.ACR.AdminUser"},
			Description: "The container registry's admin user must be off. High: it is a shared username/password with push rights.",
			Remediation: "Remove adminUserEnabled or set it to false; grant AcrPull/AcrPush to identities.",
			Check:       kit.NotTrue("adminUserEnabled"),
			Cases: kit.Cases{Pass: []kit.Case{registry(), registry("adminUserEnabled", kit.Deleted{})},
				Fail: []kit.Case{registry("adminUserEnabled", true)}}},
		{ID: "ACR-002", Severity: kit.High, Types: t,
			External:    []string{"CKV_AZURE_138", "Azure.ACR.AnonymousAccess"},
			Description: "The container registry must not allow anonymous pull. High: every image becomes public.",
			Remediation: "Remove anonymousPullEnabled or set it to false.",
			Check:       kit.NotTrue("anonymousPullEnabled"),
			Cases:       kit.Cases{Pass: []kit.Case{registry()}, Fail: []kit.Case{registry("anonymousPullEnabled", true)}}},
		{ID: "ACR-003", Severity: kit.High, Types: t,
			External:    []string{"Azure.ACR.Firewall"},
			Description: "The container registry must not accept connections from every internet address: public access disabled or networkRuleSet.defaultAction Deny (Premium). High: images and their secrets are one leaked token away.",
			Remediation: "Use the Premium SKU with publicNetworkAccess Disabled (private endpoint) or networkRuleSet.defaultAction Deny.",
			Check:       kit.InternetReachable("publicNetworkAccess", "networkRuleSet.defaultAction"),
			Cases: kit.Cases{Pass: []kit.Case{registry(), registry("publicNetworkAccess", "Enabled")},
				Fail: []kit.Case{registry("sku.name", "Basic", "publicNetworkAccess", "Enabled", "networkRuleSet", kit.Deleted{})}}},
		{ID: "ACR-004", Severity: kit.Medium, Types: t,
			External:    []string{"CKV_AZURE_139"},
			Description: "The container registry's public network access should be Disabled. Medium: an IP allow-list still exposes the endpoint.",
			Remediation: "Set publicNetworkAccess to Disabled (Premium SKU) and add a private endpoint.",
			Check:       kit.Enum("publicNetworkAccess", "", "Disabled"),
			Cases:       kit.Cases{Pass: []kit.Case{registry()}, Fail: []kit.Case{registry("publicNetworkAccess", "Enabled")}}},
		{ID: "ACR-005", Severity: kit.Low, Types: t,
			External:    []string{"Azure.ACR.MinSku"},
			Description: "The container registry should use the Premium SKU. Low: only Premium offers private endpoints, firewall rules and geo-replication.",
			Remediation: "Set sku.name to Premium.",
			Check:       kit.Enum("sku.name", "", "Premium"),
			Cases:       kit.Cases{Pass: []kit.Case{registry()}, Fail: []kit.Case{registry("sku.name", "Basic")}}},
	}
}

// premiumRegistryRules are Premium features (Microsoft Learn: container-registry-retention-policy,
// data-loss-prevention, zone-redundancy, container-registry-dedicated-data-endpoints); a Basic or
// Standard registry is ACR-005's finding, not theirs.
func premiumRegistryRules() []kit.Rule {
	t := []string{RegistryType}
	return []kit.Rule{
		{ID: "ACR-006", Severity: kit.Low, Types: t,
			External:    []string{"CKV_AZURE_167", "Azure.ACR.Retention"},
			Description: "A Premium registry should purge untagged manifests (policies.retentionPolicy.status=enabled). Low: superseded image layers, vulnerable ones included, stay pullable by digest for ever.",
			Remediation: "Set policies.retentionPolicy {status: enabled, days: 7}.",
			Check:       premiumOnly(kit.Enum("policies.retentionPolicy.status", "disabled", "enabled")),
			Cases: kit.Cases{Pass: []kit.Case{registry(), registry("sku.name", "Basic", "policies", kit.Deleted{})},
				Fail: []kit.Case{registry("policies.retentionPolicy", kit.Deleted{}), registry("policies.retentionPolicy.status", "disabled")}}},
		{ID: "ACR-007", Severity: kit.Medium, Types: t,
			External:    []string{"Azure Policy ACR_ExportPolicy_AuditDeny", "Azure.ACR.ExportPolicy"},
			Description: "A Premium registry without public network access must disable exports (policies.exportPolicy.status=disabled). Medium: az acr import and transfer pipelines can otherwise copy images out of the private network.",
			Remediation: "Set policies.exportPolicy.status to disabled (Azure accepts it only with publicNetworkAccess Disabled).",
			Check:       premiumOnly(exportDisabledWhenPrivate),
			Cases: kit.Cases{Pass: []kit.Case{registry(), registry("publicNetworkAccess", "Enabled", "policies.exportPolicy", kit.Deleted{}),
				registry("sku.name", "Standard", "policies", kit.Deleted{})},
				Fail: []kit.Case{registry("policies.exportPolicy", kit.Deleted{}), registry("policies.exportPolicy.status", "enabled")}}},
		{ID: "ACR-008", Severity: kit.Low, Types: t,
			External:    []string{"CKV_AZURE_233"},
			Description: "A Premium registry should be zone redundant (zoneRedundancy=Enabled). Low: pulls keep working through a zone outage.",
			Remediation: "Set zoneRedundancy to Enabled when creating the registry.",
			Check:       premiumOnly(kit.Enum("zoneRedundancy", "Disabled", "Enabled")),
			Cases: kit.Cases{Pass: []kit.Case{registry(), registry("sku.name", "Basic", "zoneRedundancy", kit.Deleted{})},
				Fail: []kit.Case{registry("zoneRedundancy", kit.Deleted{}), registry("zoneRedundancy", "Disabled")}}},
		{ID: "ACR-009", Severity: kit.Low, Types: t,
			External:    []string{"CKV_AZURE_237"},
			Description: "A Premium registry should serve layers from dedicated data endpoints (dataEndpointEnabled=true). Low: firewalls then allow REGISTRY.REGION.data.azurecr.io instead of the shared *.blob.core.windows.net.",
			Remediation: "Set dataEndpointEnabled to true.",
			Check:       premiumOnly(kit.IsTrue("dataEndpointEnabled")),
			// An unknown SKU is judged as Premium.
			Cases: kit.Cases{Pass: []kit.Case{registry(), registry("sku.name", "Standard", "dataEndpointEnabled", kit.Deleted{})},
				Fail: []kit.Case{registry("dataEndpointEnabled", kit.Deleted{}), registry("dataEndpointEnabled", false),
					registry("sku.name", kit.Unknown, "dataEndpointEnabled", false)}}},
	}
}

// premiumOnly runs c on Premium registries only (an unknown SKU is judged as Premium).
func premiumOnly(c kit.Check) kit.Check {
	return func(r kit.Resource) []string {
		if sku := kit.Get(r.Inputs, "sku.name"); !sku.Unknown() && !kit.OneOf(sku.Text(), "Premium") {
			return nil
		}
		return c(r)
	}
}

// exportDisabledWhenPrivate: with public network access disabled the export policy must be too
// (with it enabled Azure refuses a disabled export policy).
func exportDisabledWhenPrivate(r kit.Resource) []string {
	if public := kit.Get(r.Inputs, "publicNetworkAccess"); public.Unknown() || !kit.OneOf(public.Text(), "Disabled") {
		return nil
	}
	return kit.Enum("policies.exportPolicy.status", "enabled", "disabled")(r)
}
