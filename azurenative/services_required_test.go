package azurenative_test

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	an "github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/bindingtest"
)

type requiredCase bindingtest.RequiredCase

const nilArgs = "missing one or more required arguments"

func req(arg string) string { return "invalid value for required argument '" + arg + "'" }

var str = pulumi.String("x")

// serviceRequired are the calls the service bindings refuse, with the official messages: nil
// args, then each required argument left out in the generated order. official_test.go makes
// the same calls on the official constructors.
var serviceRequired = map[string]requiredCase{
	"log nil": {func(ctx *pulumi.Context) error { _, err := an.NewLogAnalyticsWorkspace(ctx, "a", nil); return err }, nilArgs},
	"log no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewLogAnalyticsWorkspace(ctx, "b", &an.LogAnalyticsWorkspaceArgs{})
		return err
	}, req("ResourceGroupName")},
	"appi nil": {func(ctx *pulumi.Context) error { _, err := an.NewComponent(ctx, "c", nil); return err }, nilArgs},
	"appi no kind": {func(ctx *pulumi.Context) error {
		_, err := an.NewComponent(ctx, "d", &an.ComponentArgs{ResourceGroupName: str})
		return err
	}, req("Kind")},
	"appi no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewComponent(ctx, "e", &an.ComponentArgs{Kind: str})
		return err
	}, req("ResourceGroupName")},
	"diag nil": {func(ctx *pulumi.Context) error { _, err := an.NewDiagnosticSetting(ctx, "f", nil); return err }, nilArgs},
	"diag no uri": {func(ctx *pulumi.Context) error {
		_, err := an.NewDiagnosticSetting(ctx, "g", &an.DiagnosticSettingArgs{WorkspaceId: str})
		return err
	}, req("ResourceUri")},
	"ampls nil": {func(ctx *pulumi.Context) error { _, err := an.NewPrivateLinkScope(ctx, "h", nil); return err }, nilArgs},
	"ampls no modes": {func(ctx *pulumi.Context) error {
		_, err := an.NewPrivateLinkScope(ctx, "i", &an.PrivateLinkScopeArgs{ResourceGroupName: str})
		return err
	}, req("AccessModeSettings")},
	"ampls no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewPrivateLinkScope(ctx, "j", &an.PrivateLinkScopeArgs{AccessModeSettings: &an.AccessModeSettingsArgs{}})
		return err
	}, req("ResourceGroupName")},
	"scoped nil": {func(ctx *pulumi.Context) error { _, err := an.NewPrivateLinkScopedResource(ctx, "k", nil); return err }, nilArgs},
	"scoped no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewPrivateLinkScopedResource(ctx, "l", &an.PrivateLinkScopedResourceArgs{ScopeName: str})
		return err
	}, req("ResourceGroupName")},
	"scoped no scope": {func(ctx *pulumi.Context) error {
		_, err := an.NewPrivateLinkScopedResource(ctx, "m", &an.PrivateLinkScopedResourceArgs{ResourceGroupName: str})
		return err
	}, req("ScopeName")},
	"cr nil": {func(ctx *pulumi.Context) error { _, err := an.NewRegistry(ctx, "n", nil); return err }, nilArgs},
	"cr no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewRegistry(ctx, "o", &an.RegistryArgs{Sku: &an.RegistrySkuArgs{Name: str}})
		return err
	}, req("ResourceGroupName")},
	"cr no sku": {func(ctx *pulumi.Context) error {
		_, err := an.NewRegistry(ctx, "p", &an.RegistryArgs{ResourceGroupName: str})
		return err
	}, req("Sku")},
	"role nil": {func(ctx *pulumi.Context) error { _, err := an.NewRoleAssignment(ctx, "q", nil); return err }, nilArgs},
	"role no principal": {func(ctx *pulumi.Context) error {
		_, err := an.NewRoleAssignment(ctx, "r", &an.RoleAssignmentArgs{RoleDefinitionId: str, Scope: str})
		return err
	}, req("PrincipalId")},
	"role no definition": {func(ctx *pulumi.Context) error {
		_, err := an.NewRoleAssignment(ctx, "s", &an.RoleAssignmentArgs{PrincipalId: str, Scope: str})
		return err
	}, req("RoleDefinitionId")},
	"role no scope": {func(ctx *pulumi.Context) error {
		_, err := an.NewRoleAssignment(ctx, "t", &an.RoleAssignmentArgs{PrincipalId: str, RoleDefinitionId: str})
		return err
	}, req("Scope")},
	"st nil": {func(ctx *pulumi.Context) error { _, err := an.NewStorageAccount(ctx, "u", nil); return err }, nilArgs},
	"st no kind": {func(ctx *pulumi.Context) error {
		_, err := an.NewStorageAccount(ctx, "v", &an.StorageAccountArgs{ResourceGroupName: str, Sku: &an.StorageSkuArgs{Name: str}})
		return err
	}, req("Kind")},
	"st no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewStorageAccount(ctx, "w", &an.StorageAccountArgs{Kind: str, Sku: &an.StorageSkuArgs{Name: str}})
		return err
	}, req("ResourceGroupName")},
	"st no sku": {func(ctx *pulumi.Context) error {
		_, err := an.NewStorageAccount(ctx, "x", &an.StorageAccountArgs{Kind: str, ResourceGroupName: str})
		return err
	}, req("Sku")},
	"blob nil": {func(ctx *pulumi.Context) error { _, err := an.NewBlobServiceProperties(ctx, "y", nil); return err }, nilArgs},
	"blob no account": {func(ctx *pulumi.Context) error {
		_, err := an.NewBlobServiceProperties(ctx, "z", &an.BlobServicePropertiesArgs{ResourceGroupName: str})
		return err
	}, req("AccountName")},
	"blob no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewBlobServiceProperties(ctx, "aa", &an.BlobServicePropertiesArgs{AccountName: str})
		return err
	}, req("ResourceGroupName")},
	"file nil": {func(ctx *pulumi.Context) error { _, err := an.NewFileServiceProperties(ctx, "ab", nil); return err }, nilArgs},
	"file no account": {func(ctx *pulumi.Context) error {
		_, err := an.NewFileServiceProperties(ctx, "ac", &an.FileServicePropertiesArgs{ResourceGroupName: str})
		return err
	}, req("AccountName")},
	"file no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewFileServiceProperties(ctx, "ad", &an.FileServicePropertiesArgs{AccountName: str})
		return err
	}, req("ResourceGroupName")},
	"policy nil": {func(ctx *pulumi.Context) error { _, err := an.NewManagementPolicy(ctx, "ae", nil); return err }, nilArgs},
	"policy no account": {func(ctx *pulumi.Context) error {
		_, err := an.NewManagementPolicy(ctx, "af", &an.ManagementPolicyArgs{Policy: &an.ManagementPolicySchemaArgs{}, ResourceGroupName: str})
		return err
	}, req("AccountName")},
	"policy no policy": {func(ctx *pulumi.Context) error {
		_, err := an.NewManagementPolicy(ctx, "ag", &an.ManagementPolicyArgs{AccountName: str, ResourceGroupName: str})
		return err
	}, req("Policy")},
	"policy no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewManagementPolicy(ctx, "ah", &an.ManagementPolicyArgs{AccountName: str, Policy: &an.ManagementPolicySchemaArgs{}})
		return err
	}, req("ResourceGroupName")},
	"kv nil": {func(ctx *pulumi.Context) error { _, err := an.NewVault(ctx, "ai", nil); return err }, nilArgs},
	"kv no properties": {func(ctx *pulumi.Context) error {
		_, err := an.NewVault(ctx, "aj", &an.VaultArgs{ResourceGroupName: str})
		return err
	}, req("Properties")},
	"kv no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewVault(ctx, "ak", &an.VaultArgs{Properties: an.VaultPropertiesArgs{}})
		return err
	}, req("ResourceGroupName")},
	"secret nil": {func(ctx *pulumi.Context) error { _, err := an.NewSecret(ctx, "al", nil); return err }, nilArgs},
	"secret no properties": {func(ctx *pulumi.Context) error {
		_, err := an.NewSecret(ctx, "am", &an.SecretArgs{ResourceGroupName: str, VaultName: str})
		return err
	}, req("Properties")},
	"secret no rg": {func(ctx *pulumi.Context) error {
		_, err := an.NewSecret(ctx, "an", &an.SecretArgs{Properties: &an.SecretPropertiesArgs{}, VaultName: str})
		return err
	}, req("ResourceGroupName")},
	"secret no vault": {func(ctx *pulumi.Context) error {
		_, err := an.NewSecret(ctx, "ao", &an.SecretArgs{Properties: &an.SecretPropertiesArgs{}, ResourceGroupName: str})
		return err
	}, req("VaultName")},
}
