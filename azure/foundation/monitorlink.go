package foundation

import (
	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azurenative"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Azure Monitor is reached privately through an Azure Monitor Private Link Scope (AMPLS), not
// through private endpoints on the workspace or component themselves: the workspace and the
// component join the scope, one private endpoint (group azuremonitor) connects the scope to the
// VNet, and the scope's access modes refuse ingestion and queries that do not arrive through
// it (Microsoft Learn, "Configure your private link",
// learn.microsoft.com/azure/azure-monitor/logs/private-link-configure). The scope and scoped
// resources use the stable API 2021-09-01 (the SDK's default for them is 2021-07-01-preview).

// monitorPrivateLink scopes the workspace and component into one AMPLS with PrivateOnly access
// and connects it to the platform VNet.
func monitorPrivateLink(ctx *pulumi.Context, name string, f *azure.Foundation, s *FoundationArgs, members map[string]pulumi.IDOutput,
	parent pulumi.ResourceOption) error {
	scope, err := azurenative.NewPrivateLinkScope(ctx, name+"-ampls", &azurenative.PrivateLinkScopeArgs{
		ResourceGroupName: f.ResourceGroupName,
		ScopeName:         pulumi.String(s.MonitorScopeName),
		Location:          pulumi.String("global"),
		AccessModeSettings: &azurenative.AccessModeSettingsArgs{
			IngestionAccessMode: pulumi.String(azurenative.AccessModePrivateOnly),
			QueryAccessMode:     pulumi.String(azurenative.AccessModePrivateOnly),
		},
		Tags: pulumi.ToStringMap(f.Tags),
	}, parent)
	if err != nil {
		return err
	}
	for _, member := range []string{"log", "appi"} { // fixed order: deterministic registration
		if _, err := azurenative.NewPrivateLinkScopedResource(ctx, name+"-ampls-"+member, &azurenative.PrivateLinkScopedResourceArgs{
			ResourceGroupName: f.ResourceGroupName,
			ScopeName:         scope.Name,
			Name:              pulumi.String(member),
			LinkedResourceId:  members[member],
		}, parent); err != nil {
			return err
		}
	}
	_, err = f.NewPrivateEndpoint(ctx, name+"-ampls-pe", scope.ID(), azure.GroupAzureMonitor, parent)
	return err
}
