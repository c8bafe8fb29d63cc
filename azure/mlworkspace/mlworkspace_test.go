package mlworkspace_test

import (
	"net/netip"
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure/foundation"
	"github.com/example/mlplatform/azure/mlworkspace"
	"github.com/example/mlplatform/azure/mlworkspace/spec"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/internal/stacktest/azurestack"
	"github.com/example/mlplatform/settings"
)

// Stand-ins for what the identity and secrets components produce.
const spObjectID = azurestack.SPObjectID

var vaultID = azurestack.VaultID

const (
	tokRG       = "azure-native:resources:ResourceGroup"
	tokLogs     = "azure-native:operationalinsights:Workspace"
	tokAppi     = "azure-native:insights:Component"
	tokDiag     = "azure-native:insights:DiagnosticSetting"
	tokRole     = "azure-native:authorization:RoleAssignment"
	tokStorage  = spec.StorageAccountType
	tokRegistry = spec.RegistryType
	tokWS       = spec.WorkspaceType
)

// expected holds each stack's values as literals, so a settings or code change that shifts
// them fails here.
type expected struct {
	protect, hbi            bool
	storageSku, registrySku string
	isolation, publicAccess string
	firewall                string
}

var stacks = map[string]expected{
	"dev": {protect: false, hbi: false, storageSku: "Standard_LRS", registrySku: "Basic",
		isolation: "AllowInternetOutbound", publicAccess: "Enabled", firewall: "Allow"},
	"prod": {protect: true, hbi: true, storageSku: "Standard_ZRS", registrySku: "Premium",
		isolation: "AllowOnlyApprovedOutbound", publicAccess: "Disabled", firewall: "Deny"},
}

type platform struct {
	t   *testing.T
	s   *settings.Settings
	m   *mocks.Mocks
	out map[string]string
}

// deploy builds the foundation and the ML workspace the way the composition wires them;
// edits adjust the stack's settings first.
func deploy(t *testing.T, stack string, edits ...func(*settings.Settings)) *platform {
	t.Helper()
	p := &platform{t: t, s: stacktest.Settings(t, stack), out: map[string]string{}}
	s := p.s
	for _, edit := range edits {
		edit(s)
	}
	p.m = stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
		suffix, err := azurestack.Suffix(ctx)
		if err != nil {
			return err
		}
		f, err := foundation.NewFoundation(ctx, "platform", stacktest.FoundationArgs(s))
		if err != nil {
			return err
		}
		ml, err := mlworkspace.NewMLWorkspace(ctx, "ml", azurestack.MLWorkspaceArgs(s, f, suffix.Result))
		if err != nil {
			return err
		}
		for k, o := range azurestack.WorkspaceOutputs(ml, suffix.Result) {
			p.out[k], _ = azurestack.Await(t, k, o).Value.(string)
		}
		return nil
	})
	return p
}

// get returns the registration of a type and logical name, failing the test if absent.
func (p *platform) get(token, name string) mocks.Resource {
	p.t.Helper()
	r, ok := p.m.Find(token, name)
	if !ok {
		p.t.Fatalf("no %s %q registered", token, name)
	}
	return r
}

func (p *platform) str(key string) string { return p.out[key] }

func tagsOf(s *settings.Settings) map[string]interface{} {
	return map[string]interface{}{"environment": s.Env, "owner": "owner@offline-plan-example.invalid", "managed-by": "pulumi", "project": "mlplatform"}
}

func role(guid string) string {
	return "/subscriptions/" + mocks.SubscriptionID + "/providers/Microsoft.Authorization/roleDefinitions/" + guid
}

func TestMLWorkspace(t *testing.T) {
	for stack, want := range stacks {
		t.Run(stack, func(t *testing.T) {
			p := deploy(t, stack)
			env, suffix := p.s.Env, p.str("suffix")
			comp := p.get("mlplatform:azure:MLWorkspace", "ml")
			rg := p.get(tokRG, "platform-rg")
			logs := p.get(tokLogs, "platform-log")
			appi := p.get(tokAppi, "platform-appi")
			random := p.get("random:index/randomString:RandomString", "suffix")
			st := p.get(tokStorage, "ml-st")
			cr := p.get(tokRegistry, "ml-cr")
			ws := p.get(tokWS, "ml")

			firewall := map[string]interface{}{"defaultAction": want.firewall, "bypass": "AzureServices", "ipRules": []interface{}{}}
			inputs(t, st, map[string]interface{}{
				"accountName": "stmlp" + env + suffix, "kind": "StorageV2", "sku.name": want.storageSku,
				"location": "westeurope", "enableHttpsTrafficOnly": true, "minimumTlsVersion": "TLS1_2",
				"allowBlobPublicAccess": false, "allowSharedKeyAccess": true, "defaultToOAuthAuthentication": true,
				"allowCrossTenantReplication": false, "publicNetworkAccess": want.publicAccess,
				"networkRuleSet": firewall, "tags": tagsOf(p.s),
				"encryption": map[string]interface{}{"keySource": "Microsoft.Storage", "requireInfrastructureEncryption": true},
			})
			if !reflect.DeepEqual(st.IgnoreChanges, []string{"encryption.requireInfrastructureEncryption"}) {
				t.Errorf("storage ignoreChanges = %v: an existing account must be neither updated nor replaced over infrastructure encryption", st.IgnoreChanges)
			}
			crIn := map[string]interface{}{
				"registryName": "crmlp" + env + suffix, "sku.name": want.registrySku, "adminUserEnabled": false,
				"publicNetworkAccess": want.publicAccess, "networkRuleBypassOptions": "AzureServices", "tags": tagsOf(p.s),
				"networkRuleSet": nil, // Basic has no firewall
			}
			crIn["policies"], crIn["zoneRedundancy"], crIn["dataEndpointEnabled"] = nil, "Disabled", nil // Premium features (the SDK defaults zoneRedundancy)
			if want.registrySku == "Premium" {
				crIn["networkRuleSet"] = map[string]interface{}{"defaultAction": want.firewall, "ipRules": []interface{}{}}
				crIn["policies"] = map[string]interface{}{
					"retentionPolicy": map[string]interface{}{"status": "enabled", "days": 7.0},
					"exportPolicy":    map[string]interface{}{"status": map[bool]string{true: "disabled", false: "enabled"}[p.s.Azure.PrivateNetworking]},
				}
				crIn["zoneRedundancy"], crIn["dataEndpointEnabled"] = "Enabled", true
			}
			inputs(t, cr, crIn)
			inputs(t, ws, map[string]interface{}{
				"workspaceName": "mlw-mlp-" + env, "resourceGroupName": "rg-mlp-" + env, "location": "westeurope",
				"friendlyName": "mlplatform ML workspace (" + env + ")",
				"identity":     map[string]interface{}{"type": "SystemAssigned"},
				"sku":          map[string]interface{}{"name": "Basic", "tier": "Basic"},
				"keyVault":     vaultID, "applicationInsights": appi.ID, "containerRegistry": cr.ID, "storageAccount": st.ID,
				"hbiWorkspace": want.hbi, "publicNetworkAccess": want.publicAccess,
				"managedNetwork":                  map[string]interface{}{"isolationMode": want.isolation},
				"v1LegacyMode":                    false,
				"allowPublicAccessWhenBehindVnet": false,
				"tags":                            tagsOf(p.s),
			})
			if _, ok := ws.Inputs["systemDatastoresAuthMode"]; ok {
				t.Error("systemDatastoresAuthMode is not in API 2024-10-01")
			}
			deps(t, st, rg, random)
			deps(t, cr, rg, random)
			deps(t, ws, rg, appi, cr, st)
			for _, r := range []mocks.Resource{st, cr, ws} {
				if r.Protect != want.protect {
					t.Errorf("%s protect = %v, want %v", r.Name, r.Protect, want.protect)
				}
				if r.Parent != comp.URN {
					t.Errorf("%s is not parented to the MLWorkspace", r.Name)
				}
			}

			principal := mocks.GUID("principal", ws.ID)
			kvAdmin := p.get(tokRole, "ml-identity-kv-admin")
			inputs(t, kvAdmin, map[string]interface{}{
				"scope": vaultID, "roleDefinitionId": role("00482a5a-887f-4fb3-b363-3b7fe8e74483"),
				"principalId": principal, "principalType": "ServicePrincipal",
			})
			deps(t, kvAdmin, ws)
			scientist := p.get(tokRole, "ml-sp-data-scientist")
			inputs(t, scientist, map[string]interface{}{
				"scope": ws.ID, "roleDefinitionId": role("f6c7c914-8db3-469d-8ca1-694a8f32e121"),
				"principalId": spObjectID, "principalType": "ServicePrincipal",
			})
			deps(t, scientist, ws)

			for name, target := range map[string]mocks.Resource{"ml-diag": ws, "ml-cr-diag": cr} {
				d := p.get(tokDiag, name)
				inputs(t, d, map[string]interface{}{"resourceUri": target.ID, "workspaceId": logs.ID, "name": "to-log-analytics"})
				deps(t, d, target, logs)
			}
			blob := p.get(tokDiag, "ml-st-blob-diag")
			inputs(t, blob, map[string]interface{}{"resourceUri": st.ID + "/blobServices/default", "workspaceId": logs.ID,
				"name": "to-log-analytics", "logs": []interface{}{
					map[string]interface{}{"category": "StorageRead", "enabled": true},
					map[string]interface{}{"category": "StorageWrite", "enabled": true},
					map[string]interface{}{"category": "StorageDelete", "enabled": true}},
				"metrics": []interface{}{map[string]interface{}{"category": "Transaction", "enabled": true}}})
			deps(t, blob, st, logs)

			for key, w := range map[string]string{
				"ml.WorkspaceName": "mlw-mlp-" + env, "ml.WorkspaceID": ws.ID, "ml.WorkspaceGUID": mocks.GUID("workspace", ws.ID),
				"ml.DiscoveryURL":      "https://westeurope.api.azureml.ms/discovery",
				"ml.MLflowTrackingURI": "azureml://westeurope.api.azureml.ms/mlflow/v1.0" + ws.ID,
				"ml.PrincipalID":       principal, "ml.StorageAccountName": "stmlp" + env + suffix, "ml.StorageAccountID": st.ID,
				"ml.RegistryName": "crmlp" + env + suffix, "ml.RegistryID": cr.ID,
				"ml.RegistryLoginServer": "crmlp" + env + suffix + ".azurecr.io",
			} {
				if got := p.str(key); got != w {
					t.Errorf("%s = %q, want %q", key, got, w)
				}
			}
		})
	}
}

func TestAllowedIPRangesCloseThePublicFirewalls(t *testing.T) {
	p := deploy(t, "dev", func(s *settings.Settings) {
		s.Azure.AllowedIPRanges = []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}
	})
	inputs(t, p.get(tokStorage, "ml-st"), map[string]interface{}{
		"publicNetworkAccess": "Enabled",
		"networkRuleSet": map[string]interface{}{"defaultAction": "Deny", "bypass": "AzureServices",
			"ipRules": []interface{}{map[string]interface{}{"iPAddressOrRange": "203.0.113.0/24", "action": "Allow"}}},
	})
	// Basic registries have no firewall to close.
	inputs(t, p.get(tokRegistry, "ml-cr"), map[string]interface{}{"publicNetworkAccess": "Enabled", "networkRuleSet": nil})
	p = deploy(t, "prod", func(s *settings.Settings) {
		s.Azure.AllowedIPRanges = []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")}
	})
	inputs(t, p.get(tokRegistry, "ml-cr"), map[string]interface{}{
		"networkRuleSet": map[string]interface{}{"defaultAction": "Deny",
			"ipRules": []interface{}{map[string]interface{}{"iPAddressOrRange": "203.0.113.0/24", "action": "Allow"}}},
	})
}

// Azure Storage rejects /31 and /32 prefixes: a single allowed address must reach every
// firewall as the bare address (issue 12, point 5).
func TestSingleAllowedAddressReachesTheFirewallsBare(t *testing.T) {
	p := deploy(t, "prod", func(s *settings.Settings) {
		s.Azure.AllowedIPRanges = []netip.Prefix{netip.MustParsePrefix("203.0.113.7/32"), netip.MustParsePrefix("198.51.100.0/24")}
	})
	want := []interface{}{
		map[string]interface{}{"iPAddressOrRange": "203.0.113.7", "action": "Allow"},
		map[string]interface{}{"iPAddressOrRange": "198.51.100.0/24", "action": "Allow"},
	}
	inputs(t, p.get(tokStorage, "ml-st"), map[string]interface{}{
		"networkRuleSet": map[string]interface{}{"defaultAction": "Deny", "bypass": "AzureServices", "ipRules": want},
	})
	inputs(t, p.get(tokRegistry, "ml-cr"), map[string]interface{}{
		"networkRuleSet": map[string]interface{}{"defaultAction": "Deny", "ipRules": want},
	})
}

// The storage account's data protection and service logs (issue 14): registered in both
// stacks, joined to the account by its name and id.
func TestStorageDataProtectionAndServiceLogs(t *testing.T) {
	for stack := range stacks {
		t.Run(stack, func(t *testing.T) {
			p := deploy(t, stack)
			st, logs, rg := p.get(tokStorage, "ml-st"), p.get(tokLogs, "platform-log"), p.get(tokRG, "platform-rg")
			account := p.str("ml.StorageAccountName")
			keep := map[string]interface{}{"enabled": true, "days": 7.0}
			blob := p.get(spec.BlobServiceType, "ml-st-blob-service")
			inputs(t, blob, map[string]interface{}{"accountName": account, "blobServicesName": "default",
				"deleteRetentionPolicy": keep, "containerDeleteRetentionPolicy": keep, "isVersioningEnabled": true})
			deps(t, blob, rg, st)
			file := p.get(spec.FileServiceType, "ml-st-file-service")
			inputs(t, file, map[string]interface{}{"accountName": account, "fileServicesName": "default",
				"shareDeleteRetentionPolicy": keep})
			deps(t, file, rg, st)
			lifecycle := p.get(spec.LifecycleType, "ml-st-lifecycle")
			inputs(t, lifecycle, map[string]interface{}{"accountName": account, "managementPolicyName": "default",
				"policy": map[string]interface{}{"rules": []interface{}{map[string]interface{}{
					"name": "delete-previous-versions", "enabled": true, "type": "Lifecycle",
					"definition": map[string]interface{}{
						"filters": map[string]interface{}{"blobTypes": []interface{}{"blockBlob", "appendBlob"}},
						"actions": map[string]interface{}{"version": map[string]interface{}{
							"delete": map[string]interface{}{"daysAfterCreationGreaterThan": 90.0}}}}}}}})
			deps(t, lifecycle, rg, st)
			for _, svc := range []string{"blob", "file", "queue", "table"} {
				d := p.get(tokDiag, "ml-st-"+svc+"-diag")
				inputs(t, d, map[string]interface{}{"resourceUri": st.ID + "/" + svc + "Services/default",
					"workspaceId": logs.ID, "name": "to-log-analytics", "logs": []interface{}{
						map[string]interface{}{"category": "StorageRead", "enabled": true},
						map[string]interface{}{"category": "StorageWrite", "enabled": true},
						map[string]interface{}{"category": "StorageDelete", "enabled": true}}})
				deps(t, d, st, logs)
			}
		})
	}
}

// Missing arguments are named, all at once, in the one form every component uses, and an
// invalid call registers nothing.
func TestInvalidArgumentsAreErrors(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	str := pulumi.String("x")
	cases := map[string]struct {
		edit func(*mlworkspace.MLWorkspaceArgs) *mlworkspace.MLWorkspaceArgs
		want string
	}{
		"nil args": {func(*mlworkspace.MLWorkspaceArgs) *mlworkspace.MLWorkspaceArgs { return nil },
			"mlworkspace.NewMLWorkspace: missing required arguments: Env, Foundation, KeyVaultID, Location, RegistryName, " +
				"ServicePrincipalID, StorageAccountName, SubscriptionID, WorkspaceName"},
		"no key vault": {func(a *mlworkspace.MLWorkspaceArgs) *mlworkspace.MLWorkspaceArgs { a.KeyVaultID = nil; return a },
			"mlworkspace.NewMLWorkspace: missing required arguments: KeyVaultID"},
		"no names": {func(a *mlworkspace.MLWorkspaceArgs) *mlworkspace.MLWorkspaceArgs {
			a.WorkspaceName, a.StorageAccountName, a.RegistryName = "", nil, nil
			return a
		}, "mlworkspace.NewMLWorkspace: missing required arguments: RegistryName, StorageAccountName, WorkspaceName"},
	}
	errs := map[string]error{}
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		f, err := foundation.NewFoundation(ctx, "platform", stacktest.FoundationArgs(s))
		if err != nil {
			return err
		}
		for name, c := range cases {
			_, errs[name] = mlworkspace.NewMLWorkspace(ctx, name, c.edit(azurestack.MLWorkspaceArgs(s, f, str.ToStringOutput())))
		}
		return nil
	})
	for name, c := range cases {
		if err := errs[name]; err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", name, err, c.want)
		}
	}
	for _, r := range m.Resources() {
		if !strings.HasPrefix(r.Name, "platform") {
			t.Errorf("%s %s registered by an invalid call", r.Type, r.Name)
		}
	}
}

var (
	inputs = stacktest.Inputs
	deps   = stacktest.Deps
)
