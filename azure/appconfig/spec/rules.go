package spec

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/example/mlplatform/kit"
)

func storeRules() []kit.Rule {
	return []kit.Rule{
		{ID: "AAC-001", Severity: kit.High, Types: []string{storeRuleType},
			External:    []string{"CKV_AZURE_184", "Azure.AppConfig.DisableLocalAuth"},
			Description: "App Configuration must disable access keys (disableLocalAuth=true). High: access keys are long-lived shared secrets that bypass Entra ID and its audit trail.",
			Remediation: "Set disableLocalAuth to true and grant App Configuration Data Reader/Owner roles.",
			Check:       kit.IsTrue("disableLocalAuth"),
			Cases: kit.Cases{Pass: []kit.Case{store(), kit.Case{Type: storeRuleType, Base: SecureStore}},
				Fail: []kit.Case{store("disableLocalAuth", false), store("disableLocalAuth", kit.Deleted{}),
					kit.Case{Type: "azure-native:appconfiguration/v20230301:ConfigurationStore", Base: SecureStore, Edits: []any{"disableLocalAuth", false}}}}},
		{ID: "AAC-002", Severity: kit.Medium, Types: []string{storeRuleType},
			External:    []string{"CKV_AZURE_187", "Azure.AppConfig.PurgeProtect"},
			Description: "App Configuration must have purge protection on. Medium: a deleted store can otherwise be purged before its retention ends.",
			Remediation: "Set enablePurgeProtection to true (Standard SKU or above).",
			Check:       kit.IsTrue("enablePurgeProtection"),
			Cases: kit.Cases{Pass: []kit.Case{store()},
				Fail: []kit.Case{store("enablePurgeProtection", false)}}},
		{ID: "AAC-003", Severity: kit.Low, Types: []string{storeRuleType},
			Description: "App Configuration soft-delete retention should be 7 days (the maximum). Low: a shorter window only shortens recovery time.",
			Remediation: "Set softDeleteRetentionInDays to 7 (or omit it).",
			Check:       kit.AtLeast("softDeleteRetentionInDays", 7, 7),
			Cases: kit.Cases{Pass: []kit.Case{store(), store("softDeleteRetentionInDays", kit.Deleted{}), store("softDeleteRetentionInDays", 7)},
				Fail: []kit.Case{store("softDeleteRetentionInDays", 6), store("softDeleteRetentionInDays", 1)}}},
		{ID: "AAC-004", Severity: kit.High, Types: []string{storeRuleType},
			External:    []string{"CKV_AZURE_185"},
			Description: "App Configuration public network access must be Disabled. High: the store has no IP firewall, so enabled means reachable from every internet address.",
			Remediation: "Set publicNetworkAccess to Disabled and reach the store through a private endpoint.",
			Check:       kit.Enum("publicNetworkAccess", "", "Disabled"),
			Cases: kit.Cases{Pass: []kit.Case{store()},
				Fail: []kit.Case{store("publicNetworkAccess", "Enabled"), store("publicNetworkAccess", kit.Deleted{})}}},
		{ID: "AAC-005", Severity: kit.Low, Types: []string{storeRuleType},
			External:    []string{"CKV_AZURE_188", "Azure.AppConfig.SKU"},
			Description: "App Configuration should use the standard or premium SKU. Low: free/developer lack the SLA, private link and purge protection.",
			Remediation: "Set sku.name to standard (or premium).",
			Check:       kit.Enum("sku.name", "", "standard", "premium"),
			Cases: kit.Cases{Pass: []kit.Case{store(), store("sku.name", "Premium")},
				Fail: []kit.Case{store("sku.name", "free")}}},
		{ID: "AAC-006", Severity: kit.Low, Types: []string{storeRuleType},
			Description: "App Configuration should have a managed identity. Low: it needs one to resolve Key Vault references and customer-managed keys without secrets.",
			Remediation: "Set identity.type to " + kit.ManagedIdentityHint + ".",
			Check:       kit.ManagedIdentity("identity.type"),
			Cases: kit.Cases{Pass: []kit.Case{store(), store("identity.type", "SystemAssigned, UserAssigned")},
				Fail: []kit.Case{store("identity", kit.Deleted{}), store("identity.type", "None")}}},
		{ID: "AAC-007", Severity: kit.Medium, Types: []string{storeRuleType},
			Description: "App Configuration's ARM data-plane proxy must pass the caller's identity through (dataPlaneProxy.authenticationMode=Pass-through). Medium: Local mode makes ARM use access keys on the caller's behalf.",
			Remediation: "Set dataPlaneProxy.authenticationMode to Pass-through (privateLinkDelegation Enabled when public access is off).",
			Check:       kit.Enum("dataPlaneProxy.authenticationMode", "Local", "Pass-through"),
			Cases: kit.Cases{Pass: []kit.Case{store()},
				Fail: []kit.Case{store("dataPlaneProxy.authenticationMode", "Local"), store("dataPlaneProxy", kit.Deleted{})}}},
	}
}

func keyValueRules() []kit.Rule {
	return []kit.Rule{
		{ID: "AAC-008", Severity: kit.High, Types: []string{keyValueRuleType},
			External:    []string{"Azure.AppConfig.SecretLeak"},
			Description: "An App Configuration key-value that holds a secret must be a Key Vault reference. High: plain key-values are readable by every data reader and are not rotated.",
			Remediation: "Store the secret in Key Vault and set contentType to " + KeyVaultRefContent + " with value {\"uri\":\"<secret uri>\"}.",
			Check:       plainSecretKeyValue,
			Cases: kit.Cases{Pass: []kit.Case{keyValue(), kvRef(), kvRef("value", kit.Secret(`{"uri":"https://x"}`)),
				keyValue("value", "secret management is documented in the runbook")},
				Fail: []kit.Case{keyValue("keyValueName", "Inference:ClientSecret$prod"), keyValue("value", kit.Secret("opaque")),
					keyValue("value", "DefaultEndpointsProtocol=https;AccountName=st;AccountKey=abc123==;"),
					keyValue("value", "db password=hunter22", "contentType", kit.Deleted{}),
					kit.Case{Type: keyValueRuleType, Base: SecureKeyValue, Edits: []any{"keyValueName", "Storage:AccessKey"}}}}}}
}

// plainSecretKeyValue flags a key-value that looks like a secret but is not a Key Vault
// reference: a secret-like key name, a secret value, or a value carrying a credential.
func plainSecretKeyValue(r kit.Resource) []string {
	ct, value, key := kit.Get(r.Inputs, "contentType"), kit.Get(r.Inputs, "value"), kit.Get(r.Inputs, "keyValueName")
	if ct.Unknown() || strings.EqualFold(strings.ReplaceAll(ct.Text(), " ", ""), KeyVaultRefContent) {
		return nil
	}
	name, _, _ := strings.Cut(key.Text(), "$") // keyValueName is "key$label"
	var why string
	switch {
	case value.Secret:
		why = "its value is a Pulumi secret"
	case kit.SecretLikeName(name):
		why = fmt.Sprintf("its key %q names a secret", name)
	case value.V.IsString() && (kit.EmbedsCredential(value.V.StringValue()) || secretAssignment.MatchString(value.V.StringValue())):
		why = "its value contains a credential"
	default:
		return nil
	}
	shown := "not set"
	if !ct.Absent() {
		shown = ct.Show()
	}
	return kit.Msgf("the key-value holds a secret (%s) but its contentType is %s, not a Key Vault reference", why, shown)
}

// secretAssignment catches "password=…"/"secret: …" fragments in configuration text.
var secretAssignment = regexp.MustCompile(`(?i)(password|passwd|pwd|secret)\s*[:=]\s*\S`)

// SecureStore is the store's inputs as the platform registers them in prod: the base every
// case edits, and the policy tests' compliant store.
func SecureStore() map[string]any {
	return map[string]any{"configStoreName": "appcs-mlp-prod", "disableLocalAuth": true, "enablePurgeProtection": true,
		"softDeleteRetentionInDays": 7, "publicNetworkAccess": "Disabled", "sku": map[string]any{"name": "standard"},
		"identity":       map[string]any{"type": "SystemAssigned"},
		"dataPlaneProxy": map[string]any{"authenticationMode": "Pass-through", "privateLinkDelegation": "Enabled"}}
}

// SecureKeyValue is a plain, non-secret setting.
func SecureKeyValue() map[string]any {
	return map[string]any{"configStoreName": "appcs-mlp-prod", "keyValueName": "Inference:Endpoint$prod",
		"value": "https://inference.example.com", "contentType": "text/plain"}
}

// SecureReference is the Key Vault reference to the client secret.
func SecureReference() map[string]any {
	return map[string]any{"configStoreName": "appcs-mlp-prod", "keyValueName": "Inference:ClientSecret",
		"value":       `{"uri":"https://kv-mlp-prod-abcde.vault.azure.net/secrets/platform-client-secret"}`,
		"contentType": KeyVaultRefContent}
}

func store(edits ...any) kit.Case { return kit.Case{Type: StoreType, Base: SecureStore, Edits: edits} }
func keyValue(edits ...any) kit.Case {
	return kit.Case{Type: KeyValueType, Base: SecureKeyValue, Edits: edits}
}
func kvRef(edits ...any) kit.Case {
	return kit.Case{Type: KeyValueType, Base: SecureReference, Edits: edits}
}
