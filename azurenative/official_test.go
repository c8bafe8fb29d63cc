//go:build officialsdk

package azurenative_test

import (
	"flag"
	"reflect"
	"testing"

	"github.com/pulumi/pulumi-azure-native-sdk/authorization/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/containerregistry/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/insights/v2"
	monitorlink "github.com/pulumi/pulumi-azure-native-sdk/insights/v2/v20210901"
	"github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/operationalinsights/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/resources/v2"
	"github.com/pulumi/pulumi-azure-native-sdk/storage/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	an "github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/bindingtest"
)

// This file links the official modules, so it builds only with -tags officialsdk: it proves
// the golden file the default tests compare the service bindings against.

var update = flag.Bool("update", false, "rewrite "+goldenFile+" from the official modules")

// The golden file is what the official modules register for the program: its requests, its
// invokes and the outputs it reads back.
func TestGoldenIsWhatTheOfficialSDKRegisters(t *testing.T) {
	bindingtest.CheckGolden(t, goldenFile, *update, runRecorded, officialProgram, nil, printed)
}

// The official constructors refuse exactly the calls serviceRequired refuses, with its messages.
func TestOfficialRefusesWhatTheBindingsRefuse(t *testing.T) {
	bindingtest.Refuses(t, runRecorded, serviceRequired, officialRequired)
}

// serviceTaggable is what the official Args types say.
func TestServiceTaggableIsTheOfficialArgs(t *testing.T) {
	for token, args := range map[string]interface{}{
		an.ResourceGroupToken: resources.ResourceGroupArgs{}, an.LogAnalyticsWorkspaceToken: operationalinsights.WorkspaceArgs{},
		an.ComponentToken: insights.ComponentArgs{}, an.DiagnosticSettingToken: insights.DiagnosticSettingArgs{},
		an.PrivateLinkScopeToken: monitorlink.PrivateLinkScopeArgs{}, an.PrivateLinkScopedResourceToken: monitorlink.PrivateLinkScopedResourceArgs{},
		an.RegistryToken: containerregistry.RegistryArgs{}, an.RoleAssignmentToken: authorization.RoleAssignmentArgs{},
		an.StorageAccountToken: storage.StorageAccountArgs{}, an.BlobServicePropertiesToken: storage.BlobServicePropertiesArgs{},
		an.FileServicePropertiesToken: storage.FileServicePropertiesArgs{}, an.ManagementPolicyToken: storage.ManagementPolicyArgs{},
		an.VaultToken: keyvault.VaultArgs{}, an.SecretToken: keyvault.SecretArgs{},
	} {
		if _, has := reflect.TypeOf(args).FieldByName("Tags"); has != serviceTaggable[token] {
			t.Errorf("%s: official Args has Tags = %v, serviceTaggable says %v", token, has, serviceTaggable[token])
		}
	}
}

// officialProgram is bindingProgram on the official SDK.
func officialProgram(ctx *pulumi.Context) (map[string]pulumi.Output, error) {
	client, err := authorization.GetClientConfig(ctx)
	if err != nil {
		return nil, err
	}
	outs := map[string]pulumi.Output{"client": pulumi.ToOutput(*client)}
	rg, err := resources.NewResourceGroup(ctx, "rg", &resources.ResourceGroupArgs{
		ResourceGroupName: rgName, Location: pulumi.String("westeurope"), Tags: svcTags})
	if err != nil {
		return nil, err
	}
	if _, err := resources.NewResourceGroup(ctx, "rg-nil", nil); err != nil {
		return nil, err
	}
	outs["rg.name"], outs["rg.location"] = rg.Name, rg.Location
	if err := officialMonitor(ctx, rg, outs); err != nil {
		return nil, err
	}
	if err := officialRegistry(ctx, rg, outs); err != nil {
		return nil, err
	}
	if err := officialStorage(ctx, rg, outs); err != nil {
		return nil, err
	}
	return outs, officialVault(ctx, rg, client, outs)
}

func officialMonitor(ctx *pulumi.Context, rg *resources.ResourceGroup, outs map[string]pulumi.Output) error {
	logs, err := operationalinsights.NewWorkspace(ctx, "log", &operationalinsights.WorkspaceArgs{
		ResourceGroupName: rg.Name, WorkspaceName: pulumi.String("log-test"), Location: pulumi.String("westeurope"),
		Sku: operationalinsights.WorkspaceSkuArgs{Name: pulumi.String("PerGB2018")}, RetentionInDays: pulumi.Int(30),
		Features: operationalinsights.WorkspaceFeaturesArgs{EnableLogAccessUsingOnlyResourcePermissions: pulumi.Bool(true),
			DisableLocalAuth: pulumi.Bool(true)},
		PublicNetworkAccessForIngestion: pulumi.String("Disabled"), PublicNetworkAccessForQuery: pulumi.String("Disabled"),
		Tags: svcTags})
	if err != nil {
		return err
	}
	appi, err := insights.NewComponent(ctx, "appi", &insights.ComponentArgs{
		ResourceGroupName: rg.Name, ResourceName: pulumi.String("appi-test"), Location: pulumi.String("westeurope"),
		Kind: pulumi.String("web"), WorkspaceResourceId: logs.ID(), DisableLocalAuth: pulumi.Bool(true),
		PublicNetworkAccessForIngestion: pulumi.String("Enabled"), PublicNetworkAccessForQuery: pulumi.String("Enabled"),
		Tags: svcTags}, pulumi.AdditionalSecretOutputs([]string{"connectionString", "instrumentationKey"}))
	if err != nil {
		return err
	}
	outs["appi.connectionString"] = appi.ConnectionString
	if _, err := insights.NewDiagnosticSetting(ctx, "diag", &insights.DiagnosticSettingArgs{
		Name: pulumi.String("to-log-analytics"), ResourceUri: appi.ID(), WorkspaceId: logs.ID(),
		LogAnalyticsDestinationType: pulumi.String("Dedicated"),
		Logs: insights.LogSettingsArray{insights.LogSettingsArgs{CategoryGroup: pulumi.String("allLogs"), Enabled: pulumi.Bool(true)},
			insights.LogSettingsArgs{Category: pulumi.String("StorageRead"), Enabled: pulumi.Bool(true)}},
		Metrics: insights.MetricSettingsArray{insights.MetricSettingsArgs{Category: pulumi.String("AllMetrics"), Enabled: pulumi.Bool(true)}},
	}); err != nil {
		return err
	}
	scope, err := monitorlink.NewPrivateLinkScope(ctx, "ampls", &monitorlink.PrivateLinkScopeArgs{
		ResourceGroupName: rg.Name, ScopeName: pulumi.String("ampls-test"), Location: pulumi.String("global"),
		AccessModeSettings: monitorlink.AccessModeSettingsArgs{IngestionAccessMode: pulumi.String(monitorlink.AccessModePrivateOnly),
			QueryAccessMode: pulumi.String(monitorlink.AccessModePrivateOnly)},
		Tags: svcTags})
	if err != nil {
		return err
	}
	outs["ampls.name"] = scope.Name
	_, err = monitorlink.NewPrivateLinkScopedResource(ctx, "ampls-log", &monitorlink.PrivateLinkScopedResourceArgs{
		ResourceGroupName: rg.Name, ScopeName: scope.Name, Name: pulumi.String("log"), LinkedResourceId: logs.ID()})
	return err
}

func officialRegistry(ctx *pulumi.Context, rg *resources.ResourceGroup, outs map[string]pulumi.Output) error {
	cr, err := containerregistry.NewRegistry(ctx, "cr", &containerregistry.RegistryArgs{
		ResourceGroupName: rg.Name, RegistryName: pulumi.String("crtest"), Location: pulumi.String("westeurope"),
		Sku: containerregistry.SkuArgs{Name: pulumi.String("Premium")}, AdminUserEnabled: pulumi.Bool(false),
		PublicNetworkAccess: pulumi.String("Disabled"), NetworkRuleBypassOptions: pulumi.String("None"), Tags: svcTags,
		NetworkRuleSet: containerregistry.NetworkRuleSetArgs{DefaultAction: pulumi.String("Deny"),
			IpRules: containerregistry.IPRuleArray{containerregistry.IPRuleArgs{IPAddressOrRange: pulumi.String("203.0.113.0/24"), Action: pulumi.String("Allow")}}},
		Policies: containerregistry.PoliciesArgs{
			RetentionPolicy: containerregistry.RetentionPolicyArgs{Status: pulumi.String(containerregistry.PolicyStatusEnabled), Days: pulumi.Int(3)},
			ExportPolicy:    containerregistry.ExportPolicyArgs{Status: pulumi.String(containerregistry.ExportPolicyStatusDisabled)}},
		ZoneRedundancy: pulumi.String(containerregistry.ZoneRedundancyEnabled), DataEndpointEnabled: pulumi.Bool(true),
	})
	if err != nil {
		return err
	}
	outs["cr.name"], outs["cr.loginServer"] = cr.Name, cr.LoginServer
	if _, err := containerregistry.NewRegistry(ctx, "cr-defaults", &containerregistry.RegistryArgs{
		ResourceGroupName: rg.Name, Sku: containerregistry.SkuArgs{Name: pulumi.String("Premium")},
		NetworkRuleSet: &containerregistry.NetworkRuleSetArgs{},
		Policies: &containerregistry.PoliciesArgs{RetentionPolicy: &containerregistry.RetentionPolicyArgs{},
			ExportPolicy: &containerregistry.ExportPolicyArgs{}},
	}); err != nil {
		return err
	}
	role, err := authorization.NewRoleAssignment(ctx, "role", &authorization.RoleAssignmentArgs{
		Scope: cr.ID(), RoleDefinitionId: pulumi.String("/providers/Microsoft.Authorization/roleDefinitions/r"),
		PrincipalId: pulumi.String("p"), PrincipalType: pulumi.String("ServicePrincipal"), Description: pulumi.String("AcrPull")})
	if err != nil {
		return err
	}
	outs["role.createdOn"] = role.CreatedOn
	_, err = authorization.NewRoleAssignment(ctx, "role-defaults", &authorization.RoleAssignmentArgs{
		Scope: rg.ID(), RoleDefinitionId: pulumi.String("/r"), PrincipalId: pulumi.String("p")})
	return err
}

func officialStorage(ctx *pulumi.Context, rg *resources.ResourceGroup, outs map[string]pulumi.Output) error {
	st, err := storage.NewStorageAccount(ctx, "st", &storage.StorageAccountArgs{
		ResourceGroupName: rg.Name, AccountName: pulumi.String("sttest"), Location: pulumi.String("westeurope"),
		Kind: pulumi.String("StorageV2"), Sku: storage.SkuArgs{Name: pulumi.String("Standard_ZRS")},
		EnableHttpsTrafficOnly: pulumi.Bool(true), MinimumTlsVersion: pulumi.String("TLS1_2"),
		AllowBlobPublicAccess: pulumi.Bool(false), AllowSharedKeyAccess: pulumi.Bool(true),
		DefaultToOAuthAuthentication: pulumi.Bool(true), AllowCrossTenantReplication: pulumi.Bool(false),
		IsLocalUserEnabled: pulumi.Bool(false),
		SasPolicy:          storage.SasPolicyArgs{SasExpirationPeriod: pulumi.String("1.00:00:00"), ExpirationAction: pulumi.String("Block")},
		Encryption: storage.EncryptionArgs{KeySource: pulumi.String("Microsoft.Storage"),
			RequireInfrastructureEncryption: pulumi.Bool(true)},
		PublicNetworkAccess: pulumi.String("Disabled"),
		NetworkRuleSet: storage.NetworkRuleSetArgs{DefaultAction: storage.DefaultAction("Deny"), Bypass: pulumi.String("None"),
			IpRules: storage.IPRuleArray{storage.IPRuleArgs{IPAddressOrRange: pulumi.String("203.0.113.0/24"), Action: storage.ActionAllow}}},
		Tags: svcTags,
	})
	if err != nil {
		return err
	}
	outs["st.name"] = st.Name
	if _, err := storage.NewStorageAccount(ctx, "st-defaults", &storage.StorageAccountArgs{
		ResourceGroupName: rg.Name, Kind: pulumi.String("StorageV2"), Sku: storage.SkuArgs{Name: pulumi.String("Standard_LRS")},
		SasPolicy:      &storage.SasPolicyArgs{SasExpirationPeriod: pulumi.String("1.00:00:00")},
		Encryption:     &storage.EncryptionArgs{},
		NetworkRuleSet: &storage.NetworkRuleSetArgs{},
	}); err != nil {
		return err
	}
	return officialStorageServices(ctx, rg, st)
}

func officialStorageServices(ctx *pulumi.Context, rg *resources.ResourceGroup, st *storage.StorageAccount) error {
	keep := storage.DeleteRetentionPolicyArgs{Enabled: pulumi.Bool(true), Days: pulumi.Int(7)}
	if _, err := storage.NewBlobServiceProperties(ctx, "blob", &storage.BlobServicePropertiesArgs{
		ResourceGroupName: rg.Name, AccountName: st.Name, BlobServicesName: pulumi.String("default"),
		DeleteRetentionPolicy: keep, ContainerDeleteRetentionPolicy: keep, IsVersioningEnabled: pulumi.Bool(true),
	}); err != nil {
		return err
	}
	if _, err := storage.NewFileServiceProperties(ctx, "file", &storage.FileServicePropertiesArgs{
		ResourceGroupName: rg.Name, AccountName: st.Name, FileServicesName: pulumi.String("default"), ShareDeleteRetentionPolicy: keep,
	}); err != nil {
		return err
	}
	_, err := storage.NewManagementPolicy(ctx, "lifecycle", &storage.ManagementPolicyArgs{
		ResourceGroupName: rg.Name, AccountName: st.Name, ManagementPolicyName: pulumi.String("default"),
		Policy: storage.ManagementPolicySchemaArgs{Rules: storage.ManagementPolicyRuleArray{storage.ManagementPolicyRuleArgs{
			Name: pulumi.String("delete-previous-versions"), Enabled: pulumi.Bool(true), Type: pulumi.String("Lifecycle"),
			Definition: storage.ManagementPolicyDefinitionArgs{
				Filters: &storage.ManagementPolicyFilterArgs{BlobTypes: pulumi.ToStringArray([]string{"blockBlob", "appendBlob"})},
				Actions: storage.ManagementPolicyActionArgs{Version: &storage.ManagementPolicyVersionArgs{
					Delete: &storage.DateAfterCreationArgs{DaysAfterCreationGreaterThan: pulumi.Float64(90)}}},
			},
		}}},
	})
	return err
}

func officialVault(ctx *pulumi.Context, rg *resources.ResourceGroup, client *authorization.GetClientConfigResult, outs map[string]pulumi.Output) error {
	kv, err := keyvault.NewVault(ctx, "kv", &keyvault.VaultArgs{
		ResourceGroupName: rg.Name, VaultName: pulumi.String("kv-test"), Location: pulumi.String("westeurope"), Tags: svcTags,
		Properties: keyvault.VaultPropertiesArgs{
			TenantId: pulumi.String(client.TenantId), Sku: keyvault.SkuArgs{Family: pulumi.String("A"), Name: keyvault.SkuName("standard")},
			EnableRbacAuthorization: pulumi.Bool(true), EnablePurgeProtection: pulumi.Bool(true), EnableSoftDelete: pulumi.Bool(true),
			SoftDeleteRetentionInDays: pulumi.Int(30), EnabledForDeployment: pulumi.Bool(false),
			EnabledForDiskEncryption: pulumi.Bool(false), EnabledForTemplateDeployment: pulumi.Bool(false),
			PublicNetworkAccess: pulumi.String("Disabled"),
			NetworkAcls: keyvault.NetworkRuleSetArgs{DefaultAction: pulumi.String("Deny"), Bypass: pulumi.String("AzureServices"),
				IpRules: keyvault.IPRuleArray{keyvault.IPRuleArgs{Value: pulumi.String("203.0.113.0/24")}}},
		},
	})
	if err != nil {
		return err
	}
	outs["kv.name"], outs["kv.uri"] = kv.Name, kv.Properties.VaultUri()
	if _, err := keyvault.NewVault(ctx, "kv-defaults", &keyvault.VaultArgs{ResourceGroupName: rg.Name,
		Properties: &keyvault.VaultPropertiesArgs{TenantId: pulumi.String("t"),
			Sku: keyvault.SkuArgs{Family: pulumi.String("A"), Name: keyvault.SkuName("premium")}}}); err != nil {
		return err
	}
	secret, err := keyvault.NewSecret(ctx, "secret", &keyvault.SecretArgs{
		ResourceGroupName: rg.Name, VaultName: kv.Name, SecretName: pulumi.String("client-secret"), Tags: svcTags,
		Properties: keyvault.SecretPropertiesArgs{
			Value: pulumi.ToSecret(pulumi.String("not-a-real-secret")).(pulumi.StringOutput), ContentType: pulumi.String("text/plain"),
			Attributes: keyvault.SecretAttributesArgs{Enabled: pulumi.Bool(true), NotBefore: pulumi.Int(1), Expires: pulumi.Int(2)},
		},
	})
	if err != nil {
		return err
	}
	outs["secret.name"] = secret.Name
	return nil
}

// officialRequired are serviceRequired's calls on the official constructors.
var officialRequired = map[string]func(ctx *pulumi.Context) error{
	"log nil": func(ctx *pulumi.Context) error { _, err := operationalinsights.NewWorkspace(ctx, "a", nil); return err },
	"log no rg": func(ctx *pulumi.Context) error {
		_, err := operationalinsights.NewWorkspace(ctx, "b", &operationalinsights.WorkspaceArgs{})
		return err
	},
	"appi nil": func(ctx *pulumi.Context) error { _, err := insights.NewComponent(ctx, "c", nil); return err },
	"appi no kind": func(ctx *pulumi.Context) error {
		_, err := insights.NewComponent(ctx, "d", &insights.ComponentArgs{ResourceGroupName: str})
		return err
	},
	"appi no rg": func(ctx *pulumi.Context) error {
		_, err := insights.NewComponent(ctx, "e", &insights.ComponentArgs{Kind: str})
		return err
	},
	"diag nil": func(ctx *pulumi.Context) error { _, err := insights.NewDiagnosticSetting(ctx, "f", nil); return err },
	"diag no uri": func(ctx *pulumi.Context) error {
		_, err := insights.NewDiagnosticSetting(ctx, "g", &insights.DiagnosticSettingArgs{WorkspaceId: str})
		return err
	},
	"ampls nil": func(ctx *pulumi.Context) error { _, err := monitorlink.NewPrivateLinkScope(ctx, "h", nil); return err },
	"ampls no modes": func(ctx *pulumi.Context) error {
		_, err := monitorlink.NewPrivateLinkScope(ctx, "i", &monitorlink.PrivateLinkScopeArgs{ResourceGroupName: str})
		return err
	},
	"ampls no rg": func(ctx *pulumi.Context) error {
		_, err := monitorlink.NewPrivateLinkScope(ctx, "j", &monitorlink.PrivateLinkScopeArgs{AccessModeSettings: monitorlink.AccessModeSettingsArgs{}})
		return err
	},
	"scoped nil": func(ctx *pulumi.Context) error {
		_, err := monitorlink.NewPrivateLinkScopedResource(ctx, "k", nil)
		return err
	},
	"scoped no rg": func(ctx *pulumi.Context) error {
		_, err := monitorlink.NewPrivateLinkScopedResource(ctx, "l", &monitorlink.PrivateLinkScopedResourceArgs{ScopeName: str})
		return err
	},
	"scoped no scope": func(ctx *pulumi.Context) error {
		_, err := monitorlink.NewPrivateLinkScopedResource(ctx, "m", &monitorlink.PrivateLinkScopedResourceArgs{ResourceGroupName: str})
		return err
	},
	"cr nil": func(ctx *pulumi.Context) error { _, err := containerregistry.NewRegistry(ctx, "n", nil); return err },
	"cr no rg": func(ctx *pulumi.Context) error {
		_, err := containerregistry.NewRegistry(ctx, "o", &containerregistry.RegistryArgs{Sku: containerregistry.SkuArgs{Name: str}})
		return err
	},
	"cr no sku": func(ctx *pulumi.Context) error {
		_, err := containerregistry.NewRegistry(ctx, "p", &containerregistry.RegistryArgs{ResourceGroupName: str})
		return err
	},
	"role nil": func(ctx *pulumi.Context) error { _, err := authorization.NewRoleAssignment(ctx, "q", nil); return err },
	"role no principal": func(ctx *pulumi.Context) error {
		_, err := authorization.NewRoleAssignment(ctx, "r", &authorization.RoleAssignmentArgs{RoleDefinitionId: str, Scope: str})
		return err
	},
	"role no definition": func(ctx *pulumi.Context) error {
		_, err := authorization.NewRoleAssignment(ctx, "s", &authorization.RoleAssignmentArgs{PrincipalId: str, Scope: str})
		return err
	},
	"role no scope": func(ctx *pulumi.Context) error {
		_, err := authorization.NewRoleAssignment(ctx, "t", &authorization.RoleAssignmentArgs{PrincipalId: str, RoleDefinitionId: str})
		return err
	},
	"st nil": func(ctx *pulumi.Context) error { _, err := storage.NewStorageAccount(ctx, "u", nil); return err },
	"st no kind": func(ctx *pulumi.Context) error {
		_, err := storage.NewStorageAccount(ctx, "v", &storage.StorageAccountArgs{ResourceGroupName: str, Sku: storage.SkuArgs{Name: str}})
		return err
	},
	"st no rg": func(ctx *pulumi.Context) error {
		_, err := storage.NewStorageAccount(ctx, "w", &storage.StorageAccountArgs{Kind: str, Sku: storage.SkuArgs{Name: str}})
		return err
	},
	"st no sku": func(ctx *pulumi.Context) error {
		_, err := storage.NewStorageAccount(ctx, "x", &storage.StorageAccountArgs{Kind: str, ResourceGroupName: str})
		return err
	},
	"blob nil": func(ctx *pulumi.Context) error { _, err := storage.NewBlobServiceProperties(ctx, "y", nil); return err },
	"blob no account": func(ctx *pulumi.Context) error {
		_, err := storage.NewBlobServiceProperties(ctx, "z", &storage.BlobServicePropertiesArgs{ResourceGroupName: str})
		return err
	},
	"blob no rg": func(ctx *pulumi.Context) error {
		_, err := storage.NewBlobServiceProperties(ctx, "aa", &storage.BlobServicePropertiesArgs{AccountName: str})
		return err
	},
	"file nil": func(ctx *pulumi.Context) error {
		_, err := storage.NewFileServiceProperties(ctx, "ab", nil)
		return err
	},
	"file no account": func(ctx *pulumi.Context) error {
		_, err := storage.NewFileServiceProperties(ctx, "ac", &storage.FileServicePropertiesArgs{ResourceGroupName: str})
		return err
	},
	"file no rg": func(ctx *pulumi.Context) error {
		_, err := storage.NewFileServiceProperties(ctx, "ad", &storage.FileServicePropertiesArgs{AccountName: str})
		return err
	},
	"policy nil": func(ctx *pulumi.Context) error { _, err := storage.NewManagementPolicy(ctx, "ae", nil); return err },
	"policy no account": func(ctx *pulumi.Context) error {
		_, err := storage.NewManagementPolicy(ctx, "af", &storage.ManagementPolicyArgs{Policy: storage.ManagementPolicySchemaArgs{}, ResourceGroupName: str})
		return err
	},
	"policy no policy": func(ctx *pulumi.Context) error {
		_, err := storage.NewManagementPolicy(ctx, "ag", &storage.ManagementPolicyArgs{AccountName: str, ResourceGroupName: str})
		return err
	},
	"policy no rg": func(ctx *pulumi.Context) error {
		_, err := storage.NewManagementPolicy(ctx, "ah", &storage.ManagementPolicyArgs{AccountName: str, Policy: storage.ManagementPolicySchemaArgs{}})
		return err
	},
	"kv nil": func(ctx *pulumi.Context) error { _, err := keyvault.NewVault(ctx, "ai", nil); return err },
	"kv no properties": func(ctx *pulumi.Context) error {
		_, err := keyvault.NewVault(ctx, "aj", &keyvault.VaultArgs{ResourceGroupName: str})
		return err
	},
	"kv no rg": func(ctx *pulumi.Context) error {
		_, err := keyvault.NewVault(ctx, "ak", &keyvault.VaultArgs{Properties: keyvault.VaultPropertiesArgs{}})
		return err
	},
	"secret nil": func(ctx *pulumi.Context) error { _, err := keyvault.NewSecret(ctx, "al", nil); return err },
	"secret no properties": func(ctx *pulumi.Context) error {
		_, err := keyvault.NewSecret(ctx, "am", &keyvault.SecretArgs{ResourceGroupName: str, VaultName: str})
		return err
	},
	"secret no rg": func(ctx *pulumi.Context) error {
		_, err := keyvault.NewSecret(ctx, "an", &keyvault.SecretArgs{Properties: keyvault.SecretPropertiesArgs{}, VaultName: str})
		return err
	},
	"secret no vault": func(ctx *pulumi.Context) error {
		_, err := keyvault.NewSecret(ctx, "ao", &keyvault.SecretArgs{Properties: keyvault.SecretPropertiesArgs{}, ResourceGroupName: str})
		return err
	},
}
