package azure_test

import "testing"

// Entra-only telemetry ingestion and the private endpoint subnet (issue 14), in both stacks
// (the storage account's data protection and service logs: azure/mlworkspace).
func TestTelemetryAndSubnetProtection(t *testing.T) {
	for stack := range stacks {
		t.Run(stack, func(t *testing.T) {
			p := deploy(t, stack)
			inputs(t, p.get(tokAppi, "platform-appi"), map[string]interface{}{"disableLocalAuth": true})
			if p.network {
				inputs(t, p.get(tokSubnet, "platform-pe-subnet"), map[string]interface{}{"defaultOutboundAccess": false})
			}
		})
	}
}
