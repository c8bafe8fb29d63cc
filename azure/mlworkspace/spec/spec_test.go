package spec

import (
	"testing"

	"github.com/example/mlplatform/kit"
)

// Every rule accepts its passing cases and rejects its failing ones, by its own check alone
// (policy's tests run the same cases through the engine and on edits of the real plans).
func TestRuleCases(t *testing.T) { kit.RunCases(t, Component.Rules) }

// The registry's login server is its name lower-cased, as ACR reports it (the program hands
// it to the cluster's image references).
func TestRegistryMockLowerCasesTheLoginServer(t *testing.T) {
	out := registryOutputs(kit.MockRequest{Name: "cr"}, "/id", "CrMlpProdAbcde")
	if got := out["loginServer"]; got != "crmlpprodabcde.azurecr.io" {
		t.Errorf("loginServer = %v", got)
	}
}

// The workspace mock reports the region's addresses from the location input, else from the
// provider's default location, and keeps the managed network's isolation mode.
func TestWorkspaceMockAddresses(t *testing.T) {
	req := kit.MockRequest{Name: "mlw", In: map[string]interface{}{"managedNetwork": map[string]interface{}{"isolationMode": "AllowOnlyApprovedOutbound"}},
		Config: map[string]string{"azure-native:location": "westeurope"}}
	out := workspaceOutputs(req, "/ws", "mlw-mlp-prod")
	if got := out["discoveryUrl"]; got != "https://westeurope.api.azureml.ms/discovery" {
		t.Errorf("discoveryUrl = %v", got)
	}
	if mn := out["managedNetwork"].(map[string]interface{}); mn["isolationMode"] != "AllowOnlyApprovedOutbound" || mn["networkId"] == "" {
		t.Errorf("managedNetwork = %v", mn)
	}
	req.In["location"] = "swedencentral"
	if got := workspaceOutputs(req, "/ws", "mlw-mlp-prod")["mlFlowTrackingUri"]; got != "azureml://swedencentral.api.azureml.ms/mlflow/v1.0/ws" {
		t.Errorf("mlFlowTrackingUri = %v", got)
	}
}
