// Package azdiag sends a resource's logs and metrics to the platform's Log Analytics
// workspace: every audited Azure resource gets the same, complete setting.
package azdiag

import (
	"github.com/pulumi/pulumi-azure-native-sdk/insights/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// SettingName is the diagnostic setting's name on every resource, so operators find it.
const SettingName = "to-log-analytics"

// Send registers a diagnostic setting on resourceID with the "allLogs" category group and all
// metrics, in resource-specific tables.
func Send(ctx *pulumi.Context, name string, resourceID, workspaceID pulumi.StringInput, opts ...pulumi.ResourceOption) (*insights.DiagnosticSetting, error) {
	return insights.NewDiagnosticSetting(ctx, name, &insights.DiagnosticSettingArgs{
		Name:                        pulumi.String(SettingName),
		ResourceUri:                 resourceID,
		WorkspaceId:                 workspaceID,
		LogAnalyticsDestinationType: pulumi.String("Dedicated"),
		Logs: insights.LogSettingsArray{insights.LogSettingsArgs{
			CategoryGroup: pulumi.String("allLogs"),
			Enabled:       pulumi.Bool(true),
		}},
		Metrics: insights.MetricSettingsArray{insights.MetricSettingsArgs{
			Category: pulumi.String("AllMetrics"),
			Enabled:  pulumi.Bool(true),
		}},
	}, opts...)
}
