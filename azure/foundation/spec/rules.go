package spec

import (
	"github.com/example/mlplatform/kit"
)

func logAnalyticsRules() []kit.Rule {
	t := []string{LogAnalyticsType}
	return []kit.Rule{
		{ID: "ALA-001", Severity: kit.Medium, Types: t,
			Description: "Log Analytics must keep logs at least 90 days (the default is 30). Medium: incident investigations routinely look back further.",
			Remediation: "Set retentionInDays to 90 or more.",
			Check:       kit.AtLeast("retentionInDays", 90, 30),
			Cases: kit.Cases{Pass: []kit.Case{logs(), logs("retentionInDays", 90)},
				Fail: []kit.Case{logs("retentionInDays", 89), logs("retentionInDays", 30), logs("retentionInDays", kit.Deleted{})}}},
		{ID: "ALA-002", Severity: kit.Low, Types: t,
			Description: "Log Analytics should use the PerGB2018 (or capacity reservation) pricing tier. Low: legacy tiers cap ingestion and retention.",
			Remediation: "Set sku.name to PerGB2018.",
			Check:       kit.Enum("sku.name", "PerGB2018", "PerGB2018", "CapacityReservation", "LACluster"),
			Cases: kit.Cases{Pass: []kit.Case{logs(), logs("sku", kit.Deleted{})},
				Fail: []kit.Case{logs("sku.name", "Free")}}},
		{ID: "ALA-003", Severity: kit.Medium, Types: t,
			Description: "Log Analytics must refuse its shared keys (features.disableLocalAuth=true). Medium: a workspace key lets anyone holding it write (or forge) log records outside Entra ID and its audit.",
			Remediation: "Set features.disableLocalAuth to true; diagnostic settings and workspace-based Application Insights do not use the keys.",
			Check:       kit.IsTrue("features.disableLocalAuth"),
			Cases: kit.Cases{Pass: []kit.Case{logs()},
				Fail: []kit.Case{logs("features.disableLocalAuth", false), logs("features", kit.Deleted{})}}},
		{ID: "ALA-004", Severity: kit.Medium, Types: []string{LogAnalyticsType, AppInsightsType},
			Description: "Log Analytics workspaces and Application Insights components must refuse public ingestion and queries (publicNetworkAccessForIngestion and publicNetworkAccessForQuery Disabled), reached instead through an Azure Monitor Private Link Scope. Medium: otherwise anyone on the internet with a token or the connection string can read the platform's logs or inject forged telemetry.",
			Remediation: "Set both to Disabled and scope the resource into an Azure Monitor Private Link Scope with a private endpoint (azurePrivateNetworking: true).",
			Check:       kit.All(kit.Enum("publicNetworkAccessForIngestion", "Enabled", "Disabled"), kit.Enum("publicNetworkAccessForQuery", "Enabled", "Disabled")),
			Cases: kit.Cases{Pass: []kit.Case{logs(), appInsights()},
				Fail: []kit.Case{logs("publicNetworkAccessForIngestion", kit.Deleted{}), logs("publicNetworkAccessForQuery", "Enabled"),
					appInsights("publicNetworkAccessForQuery", kit.Deleted{}), appInsights("publicNetworkAccessForIngestion", "Enabled")}}},
		{ID: "ALA-005", Severity: kit.Medium, Types: []string{monitorScopeRuleType},
			Description: "An Azure Monitor Private Link Scope must accept only private traffic (accessModeSettings.ingestionAccessMode and queryAccessMode PrivateOnly). Medium: in Open mode clients on the linked network can still send to and query any Azure Monitor resource, inside the scope or not.",
			Remediation: "Set accessModeSettings {ingestionAccessMode: PrivateOnly, queryAccessMode: PrivateOnly}.",
			Check:       kit.All(kit.Enum("accessModeSettings.ingestionAccessMode", "Open", "PrivateOnly"), kit.Enum("accessModeSettings.queryAccessMode", "Open", "PrivateOnly")),
			Cases: kit.Cases{Pass: []kit.Case{scope()},
				Fail: []kit.Case{scope("accessModeSettings.queryAccessMode", "Open"), scope("accessModeSettings.ingestionAccessMode", "Open"),
					scope("accessModeSettings", kit.Deleted{})}}},
	}
}

func appInsightsRules() []kit.Rule {
	t := []string{AppInsightsType}
	return []kit.Rule{
		{ID: "APPI-001", Severity: kit.Medium, Types: t,
			External:    []string{"Azure.AppInsights.LocalAuth"},
			Description: "Application Insights must refuse instrumentation-key ingestion (disableLocalAuth=true). Medium: the key in a connection string is a shared, non-rotating identifier; anyone holding it can write or forge telemetry.",
			Remediation: "Set disableLocalAuth to true and grant senders Monitoring Metrics Publisher on the component.",
			Check:       kit.IsTrue("disableLocalAuth"),
			Cases: kit.Cases{Pass: []kit.Case{appInsights()},
				Fail: []kit.Case{appInsights("disableLocalAuth", false), appInsights("disableLocalAuth", kit.Deleted{})}}},
		{ID: "DIAG-002", Severity: kit.Medium, Types: t,
			External:    []string{"Azure.AppInsights.Workspace"},
			Description: "Application Insights must store its telemetry in the Log Analytics workspace (workspaceResourceId set, ingestionMode LogAnalytics). Medium: a classic component keeps telemetry outside the workspace's retention, access control and private link scope.",
			Remediation: "Set workspaceResourceId to the platform workspace and ingestionMode to LogAnalytics.",
			Check:       kit.All(kit.NonEmpty("workspaceResourceId"), kit.Enum("ingestionMode", "LogAnalytics", "LogAnalytics")),
			Cases: kit.Cases{Pass: []kit.Case{appInsights(), appInsights("ingestionMode", kit.Deleted{})},
				Fail: []kit.Case{appInsights("workspaceResourceId", kit.Deleted{}), appInsights("ingestionMode", "ApplicationInsights")}}},
	}
}

// resourceGroupID is the resource group the fixtures' ids hang below (the mocks' subscription).
const resourceGroupID = "/subscriptions/22222222-2222-4222-8222-222222222222/resourceGroups/rg-mlp-prod"

// SecureLogAnalytics is a Log Analytics workspace that passes every rule: the base every
// workspace case edits, and the policy tests' compliant workspace.
func SecureLogAnalytics() map[string]any {
	return map[string]any{"workspaceName": "log-mlp-prod", "retentionInDays": 365, "sku": map[string]any{"name": "PerGB2018"},
		"features":                        map[string]any{"disableLocalAuth": true, "enableLogAccessUsingOnlyResourcePermissions": true},
		"publicNetworkAccessForIngestion": "Disabled", "publicNetworkAccessForQuery": "Disabled", "disableLocalAuth": true}
}

// SecureAppInsights is a workspace-based Application Insights component that passes every rule.
func SecureAppInsights() map[string]any {
	return map[string]any{"resourceName": "appi-mlp-prod", "kind": "web", "ingestionMode": "LogAnalytics",
		"workspaceResourceId":             resourceGroupID + "/providers/Microsoft.OperationalInsights/workspaces/log-mlp-prod",
		"publicNetworkAccessForIngestion": "Disabled", "publicNetworkAccessForQuery": "Disabled", "disableLocalAuth": true}
}

// SecureMonitorScope is an Azure Monitor Private Link Scope that passes every rule.
func SecureMonitorScope() map[string]any {
	return map[string]any{"scopeName": "ampls-mlp-prod", "location": "global",
		"accessModeSettings": map[string]any{"ingestionAccessMode": "PrivateOnly", "queryAccessMode": "PrivateOnly"}}
}

func logs(edits ...any) kit.Case {
	return kit.Case{Type: LogAnalyticsType, Base: SecureLogAnalytics, Edits: edits}
}
func appInsights(edits ...any) kit.Case {
	return kit.Case{Type: AppInsightsType, Base: SecureAppInsights, Edits: edits}
}
func scope(edits ...any) kit.Case {
	return kit.Case{Type: MonitorScopeType, Base: SecureMonitorScope, Edits: edits}
}
