package spec

import (
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// A key-value's ARM name is "key$label": the mock reports both parts, as the service does.
func TestKeyValueMockSplitsKeyAndLabel(t *testing.T) {
	out := keyValueOutputs(kit.MockRequest{Name: "kv"}, "/id", "platform:mlWorkspaceId$prod")
	if out["key"] != "platform:mlWorkspaceId" || out["label"] != "prod" {
		t.Errorf("key %v, label %v", out["key"], out["label"])
	}
}
