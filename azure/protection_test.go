package azure_test

import "testing"

// The storage account's data protection and service logs, and the private endpoint subnet
// (issue 14): registered in both stacks, joined to the account by its name and id.
func TestStorageDataProtectionAndServiceLogs(t *testing.T) {
	for stack := range stacks {
		t.Run(stack, func(t *testing.T) {
			p := deploy(t, stack)
			st, logs, rg := p.get(tokStorage, "ml-st"), p.get(tokLogs, "platform-log"), p.get(tokRG, "platform-rg")
			account := p.str("ml.StorageAccountName")
			keep := map[string]interface{}{"enabled": true, "days": 7.0}
			blob := p.get("azure-native:storage:BlobServiceProperties", "ml-st-blob-service")
			inputs(t, blob, map[string]interface{}{"accountName": account, "blobServicesName": "default",
				"deleteRetentionPolicy": keep, "containerDeleteRetentionPolicy": keep, "isVersioningEnabled": true})
			deps(t, blob, rg, st)
			file := p.get("azure-native:storage:FileServiceProperties", "ml-st-file-service")
			inputs(t, file, map[string]interface{}{"accountName": account, "fileServicesName": "default",
				"shareDeleteRetentionPolicy": keep})
			deps(t, file, rg, st)
			for _, svc := range []string{"blob", "file", "queue", "table"} {
				d := p.get(tokDiag, "ml-st-"+svc+"-diag")
				inputs(t, d, map[string]interface{}{"resourceUri": st.ID + "/" + svc + "Services/default",
					"workspaceId": logs.ID, "name": "to-log-analytics", "logs": []interface{}{
						map[string]interface{}{"category": "StorageRead", "enabled": true},
						map[string]interface{}{"category": "StorageWrite", "enabled": true},
						map[string]interface{}{"category": "StorageDelete", "enabled": true}}})
				deps(t, d, st, logs)
			}
			inputs(t, p.get(tokAppi, "platform-appi"), map[string]interface{}{"disableLocalAuth": true})
			if p.network {
				inputs(t, p.get(tokSubnet, "platform-pe-subnet"), map[string]interface{}{"defaultOutboundAccess": false})
			}
		})
	}
}
