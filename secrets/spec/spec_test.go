package spec

import (
	"strings"
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The secret's mock answers as ARM does: addresses added, the value never returned.
func TestSecretMockNeverReturnsTheValue(t *testing.T) {
	in := SecureSecret()
	out := secretOutputs(kit.MockRequest{Name: "s", In: in}, "/id", "platform-client-secret")
	props := out["properties"].(map[string]interface{})
	if _, has := props["value"]; has {
		t.Errorf("the mock returned the secret's value: %v", props)
	}
	if got := props["secretUri"]; got != "https://kv-mlp-prod-abcde.vault.azure.net/secrets/platform-client-secret" {
		t.Errorf("secretUri = %v", got)
	}
	if v := props["secretUriWithVersion"].(string); !strings.HasPrefix(v, props["secretUri"].(string)+"/") || len(v) != len(props["secretUri"].(string))+33 {
		t.Errorf("secretUriWithVersion = %q, want the uri and a 32-character version", v)
	}
}

func TestVaultMockAddsItsAddress(t *testing.T) {
	out := vaultOutputs(kit.MockRequest{Name: "v", In: SecureVault()}, "/id", "kv-mlp-prod-abcde")
	props := out["properties"].(map[string]interface{})
	if props["vaultUri"] != "https://kv-mlp-prod-abcde.vault.azure.net/" || props["enableRbacAuthorization"] != true {
		t.Errorf("vault outputs = %v", props)
	}
}
