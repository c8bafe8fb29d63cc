package spec

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/kit"
)

func vaultRules() []kit.Rule {
	return []kit.Rule{
		{ID: "AKV-001", Severity: kit.High, Types: []string{VaultType},
			External:    []string{"Azure.KeyVault.AccessPolicy", "Azure.KeyVault.RBAC"},
			Description: "Key Vault must use Azure RBAC (properties.enableRbacAuthorization=true). High: access policies grant vault-wide secret access outside Azure RBAC, PIM and its audit trail.",
			Remediation: "Set properties.enableRbacAuthorization to true and grant Key Vault data roles (e.g. Key Vault Secrets User) per secret.",
			Check:       kit.IsTrue("properties.enableRbacAuthorization"),
			Cases: kit.Cases{Pass: []kit.Case{vault()},
				Fail: []kit.Case{vault("properties.enableRbacAuthorization", false), vault("properties.enableRbacAuthorization", kit.Deleted{})}}},
		{ID: "AKV-002", Severity: kit.Medium, Types: []string{VaultType},
			External:    []string{"CKV_AZURE_110", "AVD-AZU-0016", "Azure.KeyVault.PurgeProtect"},
			Description: "Key Vault must have purge protection on. Medium: without it a deleted vault and its secrets can be purged before the retention period ends.",
			Remediation: "Set properties.enablePurgeProtection to true (irreversible, by design).",
			Check:       kit.IsTrue("properties.enablePurgeProtection"),
			Cases: kit.Cases{Pass: []kit.Case{vault()},
				Fail: []kit.Case{vault("properties.enablePurgeProtection", false), vault("properties.enablePurgeProtection", kit.Deleted{})}}},
		{ID: "AKV-003", Severity: kit.Medium, Types: []string{VaultType},
			External:    []string{"CKV_AZURE_111", "CKV_AZURE_42", "Azure.KeyVault.SoftDelete"},
			Description: "Key Vault soft delete must not be disabled. Medium: deleted secrets would be unrecoverable.",
			Remediation: "Remove properties.enableSoftDelete or set it to true.",
			Check:       kit.NotFalse("properties.enableSoftDelete"),
			Cases: kit.Cases{Pass: []kit.Case{vault(), vault("properties.enableSoftDelete", kit.Deleted{})},
				Fail: []kit.Case{vault("properties.enableSoftDelete", false)}}},
		{ID: "AKV-004", Severity: kit.High, Types: []string{VaultType},
			External:    []string{"CKV_AZURE_109", "AVD-AZU-0013", "Azure.KeyVault.Firewall"},
			Description: "Key Vault must not accept connections from every internet address: public network access disabled or the firewall defaulting to Deny. High: the credential store is then one leaked token away from anyone.",
			Remediation: "Set properties.publicNetworkAccess to Disabled (private endpoint), or properties.networkAcls.defaultAction to Deny with ipRules for the admin networks.",
			Check:       kit.InternetReachable("properties.publicNetworkAccess", "properties.networkAcls.defaultAction"),
			Cases: kit.Cases{Pass: []kit.Case{vault(), vault("properties.publicNetworkAccess", "Enabled")},
				Fail: []kit.Case{vault("properties.publicNetworkAccess", "Enabled", "properties.networkAcls.defaultAction", "Allow"),
					vault("properties.publicNetworkAccess", kit.Deleted{}, "properties.networkAcls", kit.Deleted{})}}},
		{ID: "AKV-005", Severity: kit.Low, Types: []string{VaultType},
			Description: "Key Vault soft-delete retention should be 90 days (the maximum). Low: a shorter window only shortens recovery time.",
			Remediation: "Set properties.softDeleteRetentionInDays to 90 (or omit it).",
			Check:       kit.AtLeast("properties.softDeleteRetentionInDays", 90, 90),
			Cases: kit.Cases{Pass: []kit.Case{vault(), vault("properties.softDeleteRetentionInDays", kit.Deleted{}), vault("properties.softDeleteRetentionInDays", 90)},
				Fail: []kit.Case{vault("properties.softDeleteRetentionInDays", 89), vault("properties.softDeleteRetentionInDays", 7)}}},
		{ID: "AKV-006", Severity: kit.Medium, Types: []string{VaultType},
			External:    []string{"CKV_AZURE_189", "Azure.KeyVault.Firewall"},
			Description: "Key Vault public network access should be Disabled, reaching the vault through a private endpoint. Medium: an IP allow-list still exposes the endpoint to the internet.",
			Remediation: "Set properties.publicNetworkAccess to Disabled and add a private endpoint.",
			Check:       kit.Enum("properties.publicNetworkAccess", "", "Disabled"),
			Cases: kit.Cases{Pass: []kit.Case{vault()},
				Fail: []kit.Case{vault("properties.publicNetworkAccess", "Enabled"), vault("properties.publicNetworkAccess", kit.Deleted{})}}},
		{ID: "AKV-007", Severity: kit.Low, Types: []string{VaultType},
			Description: "Key Vault should use the premium SKU (family A). Low: premium adds HSM-backed keys; secrets are protected either way.",
			Remediation: "Set properties.sku to {family: A, name: premium}.",
			Check:       kit.All(kit.Enum("properties.sku.name", "", "premium"), kit.Enum("properties.sku.family", "", "A")),
			Cases: kit.Cases{Pass: []kit.Case{vault()},
				Fail: []kit.Case{vault("properties.sku.name", "standard"), vault("properties.sku.family", "B")}}},
		{ID: "AKV-008", Severity: kit.Medium, Types: []string{VaultType},
			Description: "Key Vault must not let VMs, ARM templates or disk encryption read secrets (enabledForDeployment/TemplateDeployment/DiskEncryption). Medium: each is a secret-read path outside RBAC.",
			Remediation: "Set properties.enabledForDeployment, enabledForTemplateDeployment and enabledForDiskEncryption to false (or omit them).",
			Check: kit.All(kit.NotTrue("properties.enabledForDeployment"), kit.NotTrue("properties.enabledForTemplateDeployment"),
				kit.NotTrue("properties.enabledForDiskEncryption")),
			Cases: kit.Cases{Pass: []kit.Case{vault(), vault("properties.enabledForDeployment", kit.Deleted{})},
				Fail: []kit.Case{vault("properties.enabledForTemplateDeployment", true), vault("properties.enabledForDeployment", "true"),
					vault("properties.enabledForDiskEncryption", true)}}},
	}
}

func secretRules() []kit.Rule {
	return []kit.Rule{
		{ID: "AKV-009", Severity: kit.High, Types: []string{SecretType},
			Description: "A Key Vault secret's value must be a Pulumi secret. High: a plain value is stored readable in the state file and shown in previews.",
			Remediation: "Pass the value through pulumi.ToSecret (or take it from a secret output).",
			Check:       secretValue("properties.value"),
			Cases: kit.Cases{Pass: []kit.Case{secret(), secret("properties.value", kit.Unknown)},
				Fail: []kit.Case{secret("properties.value", "plain-text-value")}}},
		{ID: "AKV-010", Severity: kit.Medium, Types: []string{SecretType},
			External:    []string{"CKV_AZURE_41", "AVD-AZU-0017", "KICS dfa20ffa"},
			Description: "A Key Vault secret must carry an expiry (properties.attributes.expires). Medium: a credential without expiry outlives its rotation unnoticed.",
			Remediation: "Set properties.attributes.expires (Unix seconds) to the end of the credential's validity.",
			Check:       expiry("properties.attributes.expires"),
			Cases: kit.Cases{Pass: []kit.Case{secret(), secret("properties.attributes.expires", 1)},
				Fail: []kit.Case{secret("properties.attributes.expires", kit.Deleted{}), secret("properties.attributes.expires", 0),
					secret("properties.attributes.expires", -1)}}},
		{ID: "AKV-011", Severity: kit.Low, Types: []string{SecretType},
			External:    []string{"CKV_AZURE_114", "AVD-AZU-0015", "KICS f8e08a38"},
			Description: "A Key Vault secret should declare its content type. Low: operators and scanners use it to know what the secret is.",
			Remediation: "Set properties.contentType (e.g. application/x-entra-client-secret).",
			Check:       kit.NonEmpty("properties.contentType"),
			Cases: kit.Cases{Pass: []kit.Case{secret()},
				Fail: []kit.Case{secret("properties.contentType", ""), secret("properties.contentType", kit.Deleted{})}}}}
}

// secretValue wants a Pulumi secret wherever a value is set.
func secretValue(path string) kit.Check {
	return func(r kit.Resource) []string {
		p := kit.Get(r.Inputs, path)
		if p.Unknown() || p.Absent() || p.Secret {
			return nil
		}
		return kit.Msgf("%s is a plain value; it must be a Pulumi secret", path)
	}
}

// expiry wants a Unix time in seconds; zero or negative means "never".
func expiry(path string) kit.Check {
	return func(r kit.Resource) []string {
		p := kit.Get(r.Inputs, path)
		if p.Unknown() {
			return nil
		}
		if n, ok := p.Number(); ok && n > 0 {
			return nil
		}
		if p.Absent() {
			return kit.Msgf("%s is not set: the secret never expires", path)
		}
		return kit.Msgf("%s is %s; want the expiry in Unix seconds", path, p.Show())
	}
}

// SecureVault is a vault's inputs as the platform registers them in prod: the base every
// case edits, and the policy tests' compliant vault.
func SecureVault() map[string]any {
	return map[string]any{"resourceGroupName": "rg-mlp-prod", "vaultName": "kv-mlp-prod-abcde", "properties": map[string]any{
		"tenantId": "11111111-1111-4111-8111-111111111111", "sku": map[string]any{"family": "A", "name": "premium"},
		"enableRbacAuthorization": true, "enablePurgeProtection": true, "enableSoftDelete": true,
		"softDeleteRetentionInDays": 90, "publicNetworkAccess": "Disabled",
		"enabledForDeployment": false, "enabledForTemplateDeployment": false, "enabledForDiskEncryption": false,
		"networkAcls": map[string]any{"defaultAction": "Deny", "bypass": "AzureServices"},
	}}
}

// SecretValueText is what the compliant secret stores (tests check it is never printed).
const SecretValueText = "generated-client-secret-0123456789"

// SecureSecret is a Key Vault secret's inputs as the platform registers them.
func SecureSecret() map[string]any {
	return map[string]any{"vaultName": "kv-mlp-prod-abcde", "secretName": "platform-client-secret", "properties": map[string]any{
		"value":       resource.MakeSecret(resource.NewStringProperty(SecretValueText)),
		"contentType": "application/x-entra-client-secret",
		"attributes":  map[string]any{"enabled": true, "notBefore": 1767225600, "expires": 1770422400},
	}}
}

func vault(edits ...any) kit.Case { return kit.Case{Type: VaultType, Base: SecureVault, Edits: edits} }
func secret(edits ...any) kit.Case {
	return kit.Case{Type: SecretType, Base: SecureSecret, Edits: edits}
}
