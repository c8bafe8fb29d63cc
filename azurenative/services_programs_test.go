package azurenative_test

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azurenative"
)

var (
	rgName  = pulumi.String("rg-test")
	svcTags = pulumi.StringMap{"owner": pulumi.String("me")}
)

// bindingProgram registers each service binding, once with every bound input set (as the
// platform sets them) and, where the generated constructor fills in defaults, once with those
// inputs left out. officialProgram (official_test.go) is the same program on the official SDK.
func bindingProgram(ctx *pulumi.Context) (map[string]pulumi.Output, error) {
	client, err := azurenative.GetClientConfig(ctx)
	if err != nil {
		return nil, err
	}
	outs := map[string]pulumi.Output{"client": pulumi.ToOutput(*client)}
	rg, err := azurenative.NewResourceGroup(ctx, "rg", &azurenative.ResourceGroupArgs{
		ResourceGroupName: rgName, Location: pulumi.String("westeurope"), Tags: svcTags})
	if err != nil {
		return nil, err
	}
	if _, err := azurenative.NewResourceGroup(ctx, "rg-nil", nil); err != nil {
		return nil, err
	}
	outs["rg.name"], outs["rg.location"] = rg.Name, rg.Location
	if err := bindingMonitor(ctx, rg, outs); err != nil {
		return nil, err
	}
	if err := bindingRegistry(ctx, rg, outs); err != nil {
		return nil, err
	}
	if err := bindingStorage(ctx, rg, outs); err != nil {
		return nil, err
	}
	return outs, bindingVault(ctx, rg, client, outs)
}

func bindingMonitor(ctx *pulumi.Context, rg *azurenative.ResourceGroup, outs map[string]pulumi.Output) error {
	logs, err := azurenative.NewLogAnalyticsWorkspace(ctx, "log", &azurenative.LogAnalyticsWorkspaceArgs{
		ResourceGroupName: rg.Name, WorkspaceName: pulumi.String("log-test"), Location: pulumi.String("westeurope"),
		Sku: &azurenative.LogAnalyticsWorkspaceSkuArgs{Name: pulumi.String("PerGB2018")}, RetentionInDays: pulumi.Int(30),
		Features: &azurenative.LogAnalyticsWorkspaceFeaturesArgs{EnableLogAccessUsingOnlyResourcePermissions: pulumi.Bool(true),
			DisableLocalAuth: pulumi.Bool(true)},
		PublicNetworkAccessForIngestion: pulumi.String("Disabled"), PublicNetworkAccessForQuery: pulumi.String("Disabled"),
		Tags: svcTags})
	if err != nil {
		return err
	}
	appi, err := azurenative.NewComponent(ctx, "appi", &azurenative.ComponentArgs{
		ResourceGroupName: rg.Name, ResourceName: pulumi.String("appi-test"), Location: pulumi.String("westeurope"),
		Kind: pulumi.String("web"), WorkspaceResourceId: logs.ID(), DisableLocalAuth: pulumi.Bool(true),
		PublicNetworkAccessForIngestion: pulumi.String("Enabled"), PublicNetworkAccessForQuery: pulumi.String("Enabled"),
		Tags: svcTags}, pulumi.AdditionalSecretOutputs([]string{"connectionString", "instrumentationKey"}))
	if err != nil {
		return err
	}
	outs["appi.connectionString"] = appi.ConnectionString
	if _, err := azurenative.NewDiagnosticSetting(ctx, "diag", &azurenative.DiagnosticSettingArgs{
		Name: pulumi.String("to-log-analytics"), ResourceUri: appi.ID(), WorkspaceId: logs.ID(),
		LogAnalyticsDestinationType: pulumi.String("Dedicated"),
		Logs: []azurenative.LogSettingsArgs{{CategoryGroup: pulumi.String("allLogs"), Enabled: pulumi.Bool(true)},
			{Category: pulumi.String("StorageRead"), Enabled: pulumi.Bool(true)}},
		Metrics: []azurenative.MetricSettingsArgs{{Category: pulumi.String("AllMetrics"), Enabled: pulumi.Bool(true)}},
	}); err != nil {
		return err
	}
	scope, err := azurenative.NewPrivateLinkScope(ctx, "ampls", &azurenative.PrivateLinkScopeArgs{
		ResourceGroupName: rg.Name, ScopeName: pulumi.String("ampls-test"), Location: pulumi.String("global"),
		AccessModeSettings: &azurenative.AccessModeSettingsArgs{IngestionAccessMode: pulumi.String(azurenative.AccessModePrivateOnly),
			QueryAccessMode: pulumi.String(azurenative.AccessModePrivateOnly)},
		Tags: svcTags})
	if err != nil {
		return err
	}
	outs["ampls.name"] = scope.Name
	_, err = azurenative.NewPrivateLinkScopedResource(ctx, "ampls-log", &azurenative.PrivateLinkScopedResourceArgs{
		ResourceGroupName: rg.Name, ScopeName: scope.Name, Name: pulumi.String("log"), LinkedResourceId: logs.ID()})
	return err
}

func bindingRegistry(ctx *pulumi.Context, rg *azurenative.ResourceGroup, outs map[string]pulumi.Output) error {
	cr, err := azurenative.NewRegistry(ctx, "cr", &azurenative.RegistryArgs{
		ResourceGroupName: rg.Name, RegistryName: pulumi.String("crtest"), Location: pulumi.String("westeurope"),
		Sku: &azurenative.RegistrySkuArgs{Name: pulumi.String("Premium")}, AdminUserEnabled: pulumi.Bool(false),
		PublicNetworkAccess: pulumi.String("Disabled"), NetworkRuleBypassOptions: pulumi.String("None"), Tags: svcTags,
		NetworkRuleSet: azurenative.RegistryNetworkRuleSetArgs{DefaultAction: pulumi.String("Deny"),
			IpRules: azurenative.RegistryIPRuleArray{{IPAddressOrRange: pulumi.String("203.0.113.0/24"), Action: pulumi.String("Allow")}}},
		Policies: azurenative.RegistryPoliciesArgs{
			RetentionPolicy: &azurenative.RegistryRetentionPolicyArgs{Status: pulumi.String(azurenative.PolicyStatusEnabled), Days: pulumi.Int(3)},
			ExportPolicy:    &azurenative.RegistryExportPolicyArgs{Status: pulumi.String(azurenative.ExportPolicyStatusDisabled)}},
		ZoneRedundancy: pulumi.String(azurenative.ZoneRedundancyEnabled), DataEndpointEnabled: pulumi.Bool(true),
	})
	if err != nil {
		return err
	}
	outs["cr.name"], outs["cr.loginServer"] = cr.Name, cr.LoginServer
	if _, err := azurenative.NewRegistry(ctx, "cr-defaults", &azurenative.RegistryArgs{
		ResourceGroupName: rg.Name, Sku: &azurenative.RegistrySkuArgs{Name: pulumi.String("Premium")},
		NetworkRuleSet: &azurenative.RegistryNetworkRuleSetArgs{},
		Policies: &azurenative.RegistryPoliciesArgs{RetentionPolicy: &azurenative.RegistryRetentionPolicyArgs{},
			ExportPolicy: &azurenative.RegistryExportPolicyArgs{}},
	}); err != nil {
		return err
	}
	role, err := azurenative.NewRoleAssignment(ctx, "role", &azurenative.RoleAssignmentArgs{
		Scope: cr.ID(), RoleDefinitionId: pulumi.String("/providers/Microsoft.Authorization/roleDefinitions/r"),
		PrincipalId: pulumi.String("p"), PrincipalType: pulumi.String("ServicePrincipal"), Description: pulumi.String("AcrPull")})
	if err != nil {
		return err
	}
	outs["role.createdOn"] = role.CreatedOn
	_, err = azurenative.NewRoleAssignment(ctx, "role-defaults", &azurenative.RoleAssignmentArgs{
		Scope: rg.ID(), RoleDefinitionId: pulumi.String("/r"), PrincipalId: pulumi.String("p")})
	return err
}

func bindingStorage(ctx *pulumi.Context, rg *azurenative.ResourceGroup, outs map[string]pulumi.Output) error {
	st, err := azurenative.NewStorageAccount(ctx, "st", &azurenative.StorageAccountArgs{
		ResourceGroupName: rg.Name, AccountName: pulumi.String("sttest"), Location: pulumi.String("westeurope"),
		Kind: pulumi.String("StorageV2"), Sku: &azurenative.StorageSkuArgs{Name: pulumi.String("Standard_ZRS")},
		EnableHttpsTrafficOnly: pulumi.Bool(true), MinimumTlsVersion: pulumi.String("TLS1_2"),
		AllowBlobPublicAccess: pulumi.Bool(false), AllowSharedKeyAccess: pulumi.Bool(true),
		DefaultToOAuthAuthentication: pulumi.Bool(true), AllowCrossTenantReplication: pulumi.Bool(false),
		IsLocalUserEnabled: pulumi.Bool(false),
		SasPolicy:          azurenative.SasPolicyArgs{SasExpirationPeriod: pulumi.String("1.00:00:00"), ExpirationAction: pulumi.String("Block")},
		Encryption: azurenative.StorageEncryptionArgs{KeySource: pulumi.String("Microsoft.Storage"),
			RequireInfrastructureEncryption: pulumi.Bool(true)},
		PublicNetworkAccess: pulumi.String("Disabled"),
		NetworkRuleSet: azurenative.StorageNetworkRuleSetArgs{DefaultAction: pulumi.String("Deny"), Bypass: pulumi.String("None"),
			IpRules: azurenative.StorageIPRuleArray{{IPAddressOrRange: pulumi.String("203.0.113.0/24"),
				Action: pulumi.String(azurenative.StorageActionAllow)}}},
		Tags: svcTags,
	})
	if err != nil {
		return err
	}
	outs["st.name"] = st.Name
	if _, err := azurenative.NewStorageAccount(ctx, "st-defaults", &azurenative.StorageAccountArgs{
		ResourceGroupName: rg.Name, Kind: pulumi.String("StorageV2"), Sku: &azurenative.StorageSkuArgs{Name: pulumi.String("Standard_LRS")},
		SasPolicy:      &azurenative.SasPolicyArgs{SasExpirationPeriod: pulumi.String("1.00:00:00")},
		Encryption:     &azurenative.StorageEncryptionArgs{},
		NetworkRuleSet: &azurenative.StorageNetworkRuleSetArgs{},
	}); err != nil {
		return err
	}
	return bindingStorageServices(ctx, rg, st)
}

func bindingStorageServices(ctx *pulumi.Context, rg *azurenative.ResourceGroup, st *azurenative.StorageAccount) error {
	keep := &azurenative.DeleteRetentionPolicyArgs{Enabled: pulumi.Bool(true), Days: pulumi.Int(7)}
	if _, err := azurenative.NewBlobServiceProperties(ctx, "blob", &azurenative.BlobServicePropertiesArgs{
		ResourceGroupName: rg.Name, AccountName: st.Name, BlobServicesName: pulumi.String("default"),
		DeleteRetentionPolicy: keep, ContainerDeleteRetentionPolicy: keep, IsVersioningEnabled: pulumi.Bool(true),
	}); err != nil {
		return err
	}
	if _, err := azurenative.NewFileServiceProperties(ctx, "file", &azurenative.FileServicePropertiesArgs{
		ResourceGroupName: rg.Name, AccountName: st.Name, FileServicesName: pulumi.String("default"), ShareDeleteRetentionPolicy: keep,
	}); err != nil {
		return err
	}
	_, err := azurenative.NewManagementPolicy(ctx, "lifecycle", &azurenative.ManagementPolicyArgs{
		ResourceGroupName: rg.Name, AccountName: st.Name, ManagementPolicyName: pulumi.String("default"),
		Policy: &azurenative.ManagementPolicySchemaArgs{Rules: []azurenative.ManagementPolicyRuleArgs{{
			Name: pulumi.String("delete-previous-versions"), Enabled: pulumi.Bool(true), Type: pulumi.String("Lifecycle"),
			Definition: &azurenative.ManagementPolicyDefinitionArgs{
				Filters: &azurenative.ManagementPolicyFilterArgs{BlobTypes: pulumi.ToStringArray([]string{"blockBlob", "appendBlob"})},
				Actions: &azurenative.ManagementPolicyActionArgs{Version: &azurenative.ManagementPolicyVersionArgs{
					Delete: &azurenative.DateAfterCreationArgs{DaysAfterCreationGreaterThan: pulumi.Float64(90)}}},
			},
		}}},
	})
	return err
}

func bindingVault(ctx *pulumi.Context, rg *azurenative.ResourceGroup, client *azurenative.GetClientConfigResult, outs map[string]pulumi.Output) error {
	kv, err := azurenative.NewVault(ctx, "kv", &azurenative.VaultArgs{
		ResourceGroupName: rg.Name, VaultName: pulumi.String("kv-test"), Location: pulumi.String("westeurope"), Tags: svcTags,
		Properties: azurenative.VaultPropertiesArgs{
			TenantId: pulumi.String(client.TenantId), Sku: azurenative.VaultSkuArgs{Family: pulumi.String("A"), Name: pulumi.String("standard")},
			EnableRbacAuthorization: pulumi.Bool(true), EnablePurgeProtection: pulumi.Bool(true), EnableSoftDelete: pulumi.Bool(true),
			SoftDeleteRetentionInDays: pulumi.Int(30), EnabledForDeployment: pulumi.Bool(false),
			EnabledForDiskEncryption: pulumi.Bool(false), EnabledForTemplateDeployment: pulumi.Bool(false),
			PublicNetworkAccess: pulumi.String("Disabled"),
			NetworkAcls: &azurenative.VaultNetworkRuleSetArgs{DefaultAction: pulumi.String("Deny"), Bypass: pulumi.String("AzureServices"),
				IpRules: azurenative.VaultIPRuleArray{{Value: pulumi.String("203.0.113.0/24")}}},
		},
	})
	if err != nil {
		return err
	}
	outs["kv.name"], outs["kv.uri"] = kv.Name, kv.Properties.VaultUri()
	if _, err := azurenative.NewVault(ctx, "kv-defaults", &azurenative.VaultArgs{ResourceGroupName: rg.Name,
		Properties: &azurenative.VaultPropertiesArgs{TenantId: pulumi.String("t"),
			Sku: azurenative.VaultSkuArgs{Family: pulumi.String("A"), Name: pulumi.String("premium")}}}); err != nil {
		return err
	}
	secret, err := azurenative.NewSecret(ctx, "secret", &azurenative.SecretArgs{
		ResourceGroupName: rg.Name, VaultName: kv.Name, SecretName: pulumi.String("client-secret"), Tags: svcTags,
		Properties: &azurenative.SecretPropertiesArgs{
			Value: pulumi.ToSecret(pulumi.String("not-a-real-secret")).(pulumi.StringOutput), ContentType: pulumi.String("text/plain"),
			Attributes: &azurenative.SecretAttributesArgs{Enabled: pulumi.Bool(true), NotBefore: pulumi.Int(1), Expires: pulumi.Int(2)},
		},
	})
	if err != nil {
		return err
	}
	outs["secret.name"] = secret.Name
	return nil
}
