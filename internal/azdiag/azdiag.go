// Package azdiag sends a resource's logs and metrics to the platform's Log Analytics
// workspace: every audited Azure resource gets the same, complete setting.
package azdiag

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azurenative"
)

// SettingName is the diagnostic setting's name on every resource, so operators find it.
const SettingName = "to-log-analytics"

// Send registers a diagnostic setting on resourceID with the "allLogs" category group and all
// metrics, in resource-specific tables.
func Send(ctx *pulumi.Context, name string, resourceID, workspaceID pulumi.StringInput, opts ...pulumi.ResourceOption) (*azurenative.DiagnosticSetting, error) {
	return azurenative.NewDiagnosticSetting(ctx, name, &azurenative.DiagnosticSettingArgs{
		Name:                        pulumi.String(SettingName),
		ResourceUri:                 resourceID,
		WorkspaceId:                 workspaceID,
		LogAnalyticsDestinationType: pulumi.String("Dedicated"),
		Logs: []azurenative.LogSettingsArgs{{
			CategoryGroup: pulumi.String("allLogs"),
			Enabled:       pulumi.Bool(true),
		}},
		Metrics: []azurenative.MetricSettingsArgs{{
			Category: pulumi.String("AllMetrics"),
			Enabled:  pulumi.Bool(true),
		}},
	}, opts...)
}

// StorageLogCategories are the log categories of a storage service (blobServices/default and
// the other services): "Supported logs for Microsoft.Storage/storageAccounts/blobServices",
// learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-storage-storageaccounts-blobservices-logs.
var StorageLogCategories = []string{"StorageRead", "StorageWrite", "StorageDelete"}

// SendStorageService registers a diagnostic setting on a storage service (serviceID is the
// account id + "/blobServices/default", or file, queue, table) with its read, write and delete logs and its
// Transaction metrics. The service takes named categories; the account itself takes metrics
// only, so its reads and writes are logged here or nowhere.
func SendStorageService(ctx *pulumi.Context, name string, serviceID, workspaceID pulumi.StringInput, opts ...pulumi.ResourceOption) (*azurenative.DiagnosticSetting, error) {
	var logs []azurenative.LogSettingsArgs
	for _, c := range StorageLogCategories {
		logs = append(logs, azurenative.LogSettingsArgs{Category: pulumi.String(c), Enabled: pulumi.Bool(true)})
	}
	return azurenative.NewDiagnosticSetting(ctx, name, &azurenative.DiagnosticSettingArgs{
		Name:                        pulumi.String(SettingName),
		ResourceUri:                 serviceID,
		WorkspaceId:                 workspaceID,
		LogAnalyticsDestinationType: pulumi.String("Dedicated"),
		Logs:                        logs,
		Metrics: []azurenative.MetricSettingsArgs{{
			Category: pulumi.String("Transaction"),
			Enabled:  pulumi.Bool(true),
		}},
	}, opts...)
}
