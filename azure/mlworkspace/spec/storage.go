package spec

import (
	"strings"

	"github.com/example/mlplatform/kit"
)

func storageRules() []kit.Rule {
	t := []string{StorageAccountType}
	return []kit.Rule{
		{ID: "AST-001", Severity: kit.High, Types: t,
			External:    []string{"CKV_AZURE_3", "AVD-AZU-0008", "AVD-AZU-0059", "KICS 12944ec4", "Azure.Storage.SecureTransfer"},
			Description: "The storage account must refuse plain HTTP (enableHttpsTrafficOnly not false). High: data and SAS tokens would cross the network in clear text.",
			Remediation: "Remove enableHttpsTrafficOnly or set it to true.",
			Check:       kit.NotFalse("enableHttpsTrafficOnly"),
			Cases: kit.Cases{Pass: []kit.Case{account(), account("enableHttpsTrafficOnly", kit.Deleted{})},
				Fail: []kit.Case{account("enableHttpsTrafficOnly", false)}}},
		{ID: "AST-002", Severity: kit.Medium, Types: t,
			External:    []string{"CKV_AZURE_44", "AVD-AZU-0011", "KICS 8263f146", "Azure.Storage.MinTLS"},
			Description: "The storage account must require TLS 1.2 or newer. Medium: older TLS versions have known weaknesses.",
			Remediation: "Set minimumTlsVersion to TLS1_2.",
			Check:       kit.Enum("minimumTlsVersion", "TLS1_0", "TLS1_2", "TLS1_3"),
			// The bound: TLS1_2 is the oldest accepted, TLS1_1 the newest refused.
			Cases: kit.Cases{Pass: []kit.Case{account(), account("minimumTlsVersion", "TLS1_2"), account("minimumTlsVersion", "TLS1_3")},
				Fail: []kit.Case{account("minimumTlsVersion", "TLS1_1"), account("minimumTlsVersion", "TLS1_0"),
					account("minimumTlsVersion", kit.Deleted{})}}},
		{ID: "AST-003", Severity: kit.High, Types: t,
			External:    []string{"CKV_AZURE_190", "AVD-AZU-0007", "KICS dd5230f8", "Azure.Storage.BlobAccessType", "Azure.Storage.BlobPublicAccess"},
			Description: "The storage account must forbid anonymous blob access (allowBlobPublicAccess=false, set explicitly). High: a container made public is readable by anyone.",
			Remediation: "Set allowBlobPublicAccess to false.",
			Check:       kit.IsFalse("allowBlobPublicAccess"),
			Cases: kit.Cases{Pass: []kit.Case{account()},
				Fail: []kit.Case{account("allowBlobPublicAccess", true), account("allowBlobPublicAccess", kit.Deleted{})}}},
		{ID: "AST-004", Severity: kit.High, Types: t,
			Description: "A storage account reachable over its public endpoint must disable shared-key access (allowSharedKeyAccess=false; absent means allowed). High: an account key is an unscoped, unattributed bearer credential usable from anywhere. With publicNetworkAccess Disabled a key works only from the private network; that is the posture for an Azure ML workspace's storage, whose system datastores need keys on every stable API (identity-only datastores are preview).",
			Remediation: "Set allowSharedKeyAccess to false and use Entra ID; where a stable-API ML workspace needs keys, set publicNetworkAccess to Disabled and reach the account through private endpoints.",
			Check:       sharedKeyOnPublicEndpoint,
			Cases: kit.Cases{Pass: []kit.Case{account(), account("allowSharedKeyAccess", true, "publicNetworkAccess", "Disabled")},
				Fail: []kit.Case{account("allowSharedKeyAccess", true, "publicNetworkAccess", "Enabled"),
					account("allowSharedKeyAccess", kit.Deleted{}, "publicNetworkAccess", kit.Deleted{})}}},
		{ID: "AST-005", Severity: kit.High, Types: t,
			External:    []string{"CKV_AZURE_35", "AVD-AZU-0012", "KICS 17f75827", "KICS a5613650", "Azure.Storage.Firewall"},
			Description: "The storage account must not accept connections from every internet address: public access disabled or networkRuleSet.defaultAction Deny. High: data is one leaked credential away from anyone.",
			Remediation: "Set publicNetworkAccess to Disabled, or networkRuleSet.defaultAction to Deny with ipRules and bypass AzureServices.",
			Check:       kit.InternetReachable("publicNetworkAccess", "networkRuleSet.defaultAction"),
			Cases: kit.Cases{Pass: []kit.Case{account(), account("publicNetworkAccess", "Enabled")},
				Fail: []kit.Case{account("publicNetworkAccess", "Enabled", "networkRuleSet.defaultAction", "Allow"),
					account("publicNetworkAccess", kit.Deleted{}, "networkRuleSet", kit.Deleted{})}}},
		{ID: "AST-006", Severity: kit.Medium, Types: t,
			External:    []string{"CKV_AZURE_59"},
			Description: "The storage account's public network access should be Disabled, reaching it through private endpoints. Medium: an IP allow-list still exposes the endpoint.",
			Remediation: "Set publicNetworkAccess to Disabled and add private endpoints (blob, file).",
			Check:       kit.Enum("publicNetworkAccess", "", "Disabled"),
			Cases:       kit.Cases{Pass: []kit.Case{account()}, Fail: []kit.Case{account("publicNetworkAccess", "Enabled")}}},
		{ID: "AST-007", Severity: kit.Low, Types: t,
			// Not CKV_AZURE_206: Checkov accepts only geo-redundant SKUs, which Azure ML's default
			// storage cannot fail over with (docs/policy-coverage.md, the CKV_AZURE_206 row).
			External:    []string{"Azure.Storage.UseReplication"},
			Description: "The storage account should replicate beyond one datacenter (not *_LRS). Low: availability and durability, not exposure.",
			Remediation: "Set sku.name to Standard_ZRS (or a geo-redundant SKU).",
			Check:       redundantStorage,
			Cases: kit.Cases{Pass: []kit.Case{account(), account("sku.name", "Standard_RAGRS")},
				Fail: []kit.Case{account("sku.name", "Standard_LRS")}}},
	}
}

func storageHardeningRules() []kit.Rule {
	t := []string{StorageAccountType}
	return []kit.Rule{
		{ID: "AST-008", Severity: kit.Medium, Types: t,
			External:    []string{"CKV_AZURE_244"},
			Description: "The storage account must disable local users (isLocalUserEnabled=false, set explicitly). Medium: local users sign in to SFTP/NFS with their own keys or passwords, outside Entra ID.",
			Remediation: "Set isLocalUserEnabled to false.",
			Check:       kit.IsFalse("isLocalUserEnabled"),
			Cases: kit.Cases{Pass: []kit.Case{account()},
				Fail: []kit.Case{account("isLocalUserEnabled", true), account("isLocalUserEnabled", kit.Deleted{})}}},
		{ID: "AST-009", Severity: kit.Low, Types: t,
			Description: "The storage account should carry an SAS expiry policy (sasPolicy.sasExpirationPeriod). Low: it logs every SAS issued for longer than the period, so long-lived tokens are noticed.",
			Remediation: `Set sasPolicy {sasExpirationPeriod: "1.00:00:00", expirationAction: Log}.`,
			Check:       kit.NonEmpty("sasPolicy.sasExpirationPeriod"),
			Cases: kit.Cases{Pass: []kit.Case{account()},
				Fail: []kit.Case{account("sasPolicy", kit.Deleted{}), account("sasPolicy.sasExpirationPeriod", "")}}},
		{ID: "AST-010", Severity: kit.Low, Types: t,
			External:    []string{"AVD-AZU-0061", "CIS Azure 4.2", "KICS d02793e5"},
			Description: "The storage account must require infrastructure encryption (encryption.requireInfrastructureEncryption=true). Low: a second AES-256 layer with a separate key covers a flaw in one algorithm or key; Azure accepts it only when the account is created.",
			Remediation: "Set encryption.requireInfrastructureEncryption to true when creating the account (an existing account needs a new one).",
			Check:       kit.IsTrue("encryption.requireInfrastructureEncryption"),
			Cases: kit.Cases{Pass: []kit.Case{account()},
				Fail: []kit.Case{account("encryption", kit.Deleted{}), account("encryption.requireInfrastructureEncryption", false)}}},
		{ID: "AST-017", Severity: kit.Medium, Types: t,
			External:    []string{"CKV_AZURE_36", "AVD-AZU-0010", "KICS 5400f379"},
			Description: "The storage account's firewall must let trusted Azure services through (networkRuleSet.bypass includes AzureServices). Medium: the ML workspace reaches its own account as a trusted service; without the bypass its jobs and studio fail against the firewall, which pushes operators to open it.",
			Remediation: "Set networkRuleSet.bypass to AzureServices (it may be combined: \"Logging, Metrics, AzureServices\").",
			Check:       bypassAzureServices,
			Cases: kit.Cases{Pass: []kit.Case{account(), account("networkRuleSet.bypass", "Logging, AzureServices")},
				Fail: []kit.Case{account("networkRuleSet.bypass", "None"), account("networkRuleSet.bypass", kit.Deleted{})}}},
		{ID: "AST-018", Severity: kit.Low, Types: []string{LifecycleType},
			Description: "The storage account's lifecycle policy must delete previous blob versions between 7 and 365 days after they were written (an enabled Lifecycle rule with definition.actions.version.delete.daysAfterCreationGreaterThan in 7-365). Low: with versioning on every write keeps the old bytes for ever, at a cost (Microsoft Learn, Blob versioning); under 7 days the versions protect less than soft delete.",
			Remediation: "Add an enabled Lifecycle rule to the account's ManagementPolicy with actions.version.delete.daysAfterCreationGreaterThan 90.",
			Check:       deletesOldVersions,
			// The bounds as literals: 7 and 365 pass, 6 and 366 fail.
			Cases: kit.Cases{Pass: []kit.Case{lifecycle(90, true), lifecycle(7, true), lifecycle(365, nil)},
				Fail: []kit.Case{lifecycle(6, true), lifecycle(366, true), lifecycle(kit.Deleted{}, true), lifecycle(90, false)}}},
	}
}

// deletesOldVersions passes a policy with one enabled Lifecycle rule deleting previous
// versions 7 to 365 days after they were written.
func deletesOldVersions(r kit.Resource) []string {
	rules := kit.Get(r.Inputs, "policy.rules")
	if rules.Unknown() {
		return nil
	}
	if rules.V.IsArray() {
		for _, rule := range rules.V.ArrayValue() {
			if !rule.IsObject() {
				continue
			}
			m := rule.ObjectValue()
			days := kit.Get(m, "definition.actions.version.delete.daysAfterCreationGreaterThan")
			if kit.Get(m, "enabled").Text() != "false" && kit.Get(m, "type").Text() == "Lifecycle" &&
				days.V.IsNumber() && days.V.NumberValue() >= 7 && days.V.NumberValue() <= 365 {
				return nil
			}
		}
	}
	return kit.Msgf("no enabled Lifecycle rule deletes previous versions 7 to 365 days after they were written")
}

// lifecycle is a lifecycle policy whose one rule deletes previous versions days after they
// were written (kit.Deleted{}: no version action) and has enabled set (nil: unset, which
// means enabled).
func lifecycle(days, enabled any) kit.Case {
	return kit.Case{Type: LifecycleType, Base: func() map[string]any {
		p := SecureLifecycle()
		rule := p["policy"].(map[string]any)["rules"].([]any)[0].(map[string]any)
		kit.SetPath(rule, "definition.actions.version.delete.daysAfterCreationGreaterThan", days)
		if enabled == nil {
			enabled = kit.Deleted{}
		}
		kit.SetPath(rule, "enabled", enabled)
		return p
	}}
}

// SecureLifecycle is the lifecycle policy the component registers; it passes AST-018.
func SecureLifecycle() map[string]any {
	return map[string]any{"accountName": "stmlpprodabcde", "managementPolicyName": "default",
		"policy": map[string]any{"rules": []any{map[string]any{"name": "delete-previous-versions", "enabled": true, "type": "Lifecycle",
			"definition": map[string]any{"filters": map[string]any{"blobTypes": []any{"blockBlob", "appendBlob"}},
				"actions": map[string]any{"version": map[string]any{"delete": map[string]any{"daysAfterCreationGreaterThan": 90}}}}}}}}
}
func redundantStorage(r kit.Resource) []string {
	p := kit.Get(r.Inputs, "sku.name")
	if p.Unknown() || p.Absent() || !strings.HasSuffix(strings.ToUpper(p.Text()), "_LRS") {
		return nil
	}
	return kit.Msgf("sku.name is %s: data lives in a single datacenter", p.Show())
}

// sharedKeyOnPublicEndpoint reports shared-key access only where the public endpoint is open.
func sharedKeyOnPublicEndpoint(r kit.Resource) []string {
	if kit.Get(r.Inputs, "publicNetworkAccess").Text() == "Disabled" {
		return nil
	}
	return kit.IsFalse("allowSharedKeyAccess")(r)
}

func bypassAzureServices(r kit.Resource) []string {
	p := kit.Get(r.Inputs, "networkRuleSet.bypass")
	if p.Unknown() {
		return nil
	}
	for _, part := range strings.Split(p.Text(), ",") {
		if strings.EqualFold(strings.TrimSpace(part), "AzureServices") {
			return nil
		}
	}
	return kit.Msgf("networkRuleSet.bypass is %s; want it to include AzureServices", kit.Describe(p, "None"))
}
