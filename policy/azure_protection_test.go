package policy

import "testing"

// Cases of the issue-14 Azure protection rules (azure_protection.go), kept beside them so the
// shared case table merges cleanly.
func init() {
	readOnly := []any{map[string]any{"category": "StorageRead", "enabled": true}}
	resolver := []any{map[string]any{"name": "dns-resolvers", "serviceName": "Microsoft.Network/dnsResolvers"}}
	complete := withStorage("", "", nil)
	for id, c := range map[string]ruleCase{
		"AST-012": {list(complete, v(tBlobProps, blobProps)),
			list(v(tBlobProps, blobProps, "deleteRetentionPolicy.enabled", false), v(tBlobProps, blobProps, "deleteRetentionPolicy", deleted{}),
				withStorage(tBlobProps, "base-blob-props", nil), v(tStorage, storage))},
		"AST-013": {list(complete, v(tBlobProps, blobProps)),
			list(v(tBlobProps, blobProps, "containerDeleteRetentionPolicy.enabled", false),
				v(tBlobProps, blobProps, "containerDeleteRetentionPolicy", deleted{}), withStorage(tBlobProps, "base-blob-props", nil))},
		"AST-014": {list(complete, v(tBlobProps, blobProps)),
			list(v(tBlobProps, blobProps, "isVersioningEnabled", false), v(tBlobProps, blobProps, "isVersioningEnabled", deleted{}),
				withStorage(tBlobProps, "base-blob-props", nil))},
		"AST-015": {list(complete, v(tFileProps, fileProps)),
			list(v(tFileProps, fileProps, "shareDeleteRetentionPolicy.enabled", false),
				v(tFileProps, fileProps, "shareDeleteRetentionPolicy", deleted{}), withStorage(tFileProps, "base-file-props", nil))},
		"AST-016": {list(complete, v(tDiag, serviceDiag("queue")), withStorage(tDiag, "base-queue-diag", set(serviceDiag("queue")(),
			"logs", []any{map[string]any{"categoryGroup": "allLogs", "enabled": true}}))),
			list(v(tDiag, serviceDiag("queue"), "logs", readOnly), v(tDiag, serviceDiag("table"), "workspaceId", deleted{}),
				withStorage(tDiag, "base-table-diag", nil), withStorage(tDiag, "base-file-diag", set(serviceDiag("file")(),
					"resourceUri", rg+"/providers/Microsoft.Storage/storageAccounts/other/fileServices/default")))},
		"VNET-002": {list(v(tAzSubnetV, azSubnet), v(tAzSubnet, azSubnet, "subnetName", "GatewaySubnet", "defaultOutboundAccess", deleted{}),
			v(tAzSubnet, azSubnet, "subnetName", "snet-dns-inbound", "delegations", resolver, "defaultOutboundAccess", deleted{})),
			list(v(tAzSubnetV, azSubnet, "defaultOutboundAccess", true), v(tAzSubnetV, azSubnet, "defaultOutboundAccess", deleted{}))},
	} {
		ruleCases[id] = c
	}
}

func TestProtectionFixtureTokensAreReal(t *testing.T) {
	for _, tok := range protectionTokens {
		if !knownToken(t, tok) {
			t.Errorf("fixture token %s is not a type any SDK registers", tok)
		}
	}
}
