package spec

import (
	"strings"
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The connection string names the component's region: its location input, else the stack's.
func TestAppInsightsMockNamesTheRegion(t *testing.T) {
	own := appInsightsOutputs(kit.MockRequest{In: map[string]interface{}{"location": "westeurope"},
		Config: map[string]string{"azure-native:location": "swedencentral"}}, "/id", "appi")
	if s := own["connectionString"].(string); !strings.Contains(s, "https://westeurope-1.in.applicationinsights.azure.com/") {
		t.Errorf("with a location input: %s", s)
	}
	stack := appInsightsOutputs(kit.MockRequest{Config: map[string]string{"azure-native:location": "swedencentral"}}, "/id", "appi")
	if s := stack["connectionString"].(string); !strings.Contains(s, "https://swedencentral-1.in.applicationinsights.azure.com/") {
		t.Errorf("without one: %s", s)
	}
}
