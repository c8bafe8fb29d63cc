package spec

import (
	"strings"
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone:
// the component's rules are tested here without the engine (policy's tests run the same
// cases through it).
func TestRuleCases(t *testing.T) {
	for _, rule := range Component.Rules {
		t.Run(rule.ID, func(t *testing.T) {
			if len(rule.Cases.Pass) == 0 || len(rule.Cases.Fail) == 0 {
				t.Fatalf("needs at least one passing and one failing case")
			}
			for i, c := range rule.Cases.Pass {
				if !applies(rule, c.Type) {
					t.Errorf("pass[%d]: type %s is not one of the rule's %v", i, c.Type, rule.Types)
				}
				if msgs := rule.Check(c.Resource()); len(msgs) > 0 {
					t.Errorf("pass[%d]: unexpected %q", i, msgs)
				}
			}
			for i, c := range rule.Cases.Fail {
				if msgs := rule.Check(c.Resource()); len(msgs) == 0 || !applies(rule, c.Type) {
					t.Errorf("fail[%d]: no message (or type %s not inspected)", i, c.Type)
				}
			}
		})
	}
}

func applies(rule kit.Rule, typ string) bool {
	for _, t := range rule.Types {
		if t == typ {
			return true
		}
	}
	return false
}

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
