package azure_test

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azure/appconfig"
	"github.com/example/mlplatform/azure/foundation"
	"github.com/example/mlplatform/azure/mlworkspace"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/internal/stacktest/azurestack"
	"github.com/example/mlplatform/policy"
	"github.com/example/mlplatform/settings"
)

// Stand-ins for what the identity and secrets components produce (azurestack holds the
// vault and service principal the ML workspace is given too).
const (
	spObjectID = azurestack.SPObjectID
	secretURI  = "https://" + azurestack.VaultName + ".vault.azure.net/secrets/sp-client-secret"
	vaultURI   = "https://" + azurestack.VaultName + ".vault.azure.net/"
)

var vaultID = azurestack.VaultID

const (
	tokRG       = "azure-native:resources:ResourceGroup"
	tokLogs     = "azure-native:operationalinsights:Workspace"
	tokAppi     = "azure-native:insights:Component"
	tokDiag     = "azure-native:insights:DiagnosticSetting"
	tokScope    = "azure-native:insights/v20210901:PrivateLinkScope"
	tokScoped   = "azure-native:insights/v20210901:PrivateLinkScopedResource"
	tokVNet     = "azure-native:network:VirtualNetwork"
	tokSubnet   = "azure-native:network/v20240501:Subnet"
	tokZone     = "azure-native:network:PrivateZone"
	tokLink     = "azure-native:network:VirtualNetworkLink"
	tokPE       = "azure-native:network:PrivateEndpoint"
	tokZoneGrp  = "azure-native:network:PrivateDnsZoneGroup"
	tokStorage  = "azure-native:storage:StorageAccount"
	tokRegistry = "azure-native:containerregistry:Registry"
	tokRole     = "azure-native:authorization:RoleAssignment"
	tokWS       = "azure-native:machinelearningservices/v20241001:Workspace"
	tokStore    = "azure-native:appconfiguration/v20240501:ConfigurationStore"
	tokKV       = "azure-native:appconfiguration/v20240501:KeyValue"
)

// expected holds each stack's values as literals, so a settings or code change that shifts
// them fails here.
// (The ML workspace's are in azure/mlworkspace.)
type expected struct {
	private, protect, purge  bool
	retention, softDelete    float64
	publicAccess, delegation string
}

var stacks = map[string]expected{
	"dev": {private: false, protect: false, purge: false, retention: 30, softDelete: 1,
		publicAccess: "Enabled", delegation: "Disabled"},
	"prod": {private: true, protect: true, purge: true, retention: 365, softDelete: 7,
		publicAccess: "Disabled", delegation: "Enabled"},
}

type platform struct {
	t   *testing.T
	s   *settings.Settings
	m   *mocks.Mocks
	out map[string]azurestack.Awaited
	// network is whether the foundation exposed private-link plumbing.
	network bool
}

// deploy builds the Azure platform the way the composition wires it; edits adjust the
// stack's settings first.
func deploy(t *testing.T, stack string, edits ...func(*settings.Settings)) *platform {
	t.Helper()
	p := &platform{t: t, s: stacktest.Settings(t, stack), out: map[string]azurestack.Awaited{}}
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
		if f.Network != nil {
			// How the lead connects the secrets package's vault.
			if _, err := f.NewPrivateEndpoint(ctx, "vault", pulumi.String(vaultID), azure.GroupVault); err != nil {
				return err
			}
		}
		ml, err := mlworkspace.NewMLWorkspace(ctx, "ml", azurestack.MLWorkspaceArgs(s, f, suffix.Result))
		if err != nil {
			return err
		}
		ac, err := appconfig.NewAppConfiguration(ctx, "appconfig", &appconfig.AppConfigurationArgs{
			Env: s.Env, Location: s.Azure.Location, Tags: azure.Tags(s.Common), Protect: s.ProtectStateful,
			StoreName: suffix.Result.ApplyT(s.Names.AppConfig).(pulumi.StringOutput), PrivateNetworking: s.Azure.PrivateNetworking,
			PurgeProtection: s.AppConfig.PurgeProtection, SoftDeleteRetentionDays: s.AppConfig.SoftDeleteRetentionDays,
			DeployerPrincipalType: s.DeployerPrincipalType, SubscriptionID: mocks.SubscriptionID, Foundation: f,
			DeployerObjectID: pulumi.String(mocks.DeployerObjectID), ReaderPrincipalID: pulumi.String(spObjectID),
			SecretURI: pulumi.String(secretURI),
			Values: map[string]pulumi.StringInput{
				"platform:mlWorkspaceId": ml.WorkspaceID,
				"platform:environment":   pulumi.String(s.Env),
				"platform:keyVaultUri":   pulumi.String(vaultURI),
			},
		})
		if err != nil {
			return err
		}
		outs := map[string]pulumi.Output{
			"f.ResourceGroupName": f.ResourceGroupName, "f.ResourceGroupID": f.ResourceGroupID,
			"f.Location": f.Location, "f.LogAnalyticsWorkspaceID": f.LogAnalyticsWorkspaceID,
			"f.AppInsightsID": f.AppInsightsID, "f.AppInsightsConnectionString": f.AppInsightsConnectionString,
			"ac.Name": ac.Name, "ac.ID": ac.ID, "ac.Endpoint": ac.Endpoint,
		}
		for k, o := range azurestack.WorkspaceOutputs(ml, suffix.Result) {
			outs[k] = o
		}
		if f.Network != nil {
			p.network = true
			outs["net.VirtualNetworkID"] = f.Network.VirtualNetworkID
			outs["net.PrivateEndpointSubnetID"] = f.Network.PrivateEndpointSubnetID
			for zone, id := range f.Network.DNSZoneIDs {
				outs["zone."+zone] = id
			}
		}
		for k, o := range outs {
			p.out[k] = azurestack.Await(t, k, o)
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

func (p *platform) str(key string) string {
	p.t.Helper()
	v, ok := p.out[key].Value.(string)
	if !ok {
		p.t.Fatalf("output %s = %#v, not a string", key, p.out[key].Value)
	}
	return v
}

func tagsOf(s *settings.Settings) map[string]interface{} {
	return map[string]interface{}{"environment": s.Env, "owner": "owner@offline-plan-example.invalid", "managed-by": "pulumi", "project": "mlplatform"}
}

func role(guid string) string {
	return "/subscriptions/" + mocks.SubscriptionID + "/providers/Microsoft.Authorization/roleDefinitions/" + guid
}

func TestFoundation(t *testing.T) {
	for stack, want := range stacks {
		t.Run(stack, func(t *testing.T) {
			p := deploy(t, stack)
			env := p.s.Env
			comp := p.get("mlplatform:azure:Foundation", "platform")
			rg := p.get(tokRG, "platform-rg")
			logs := p.get(tokLogs, "platform-log")
			appi := p.get(tokAppi, "platform-appi")
			for _, r := range []mocks.Resource{rg, logs, appi} {
				if r.Parent != comp.URN {
					t.Errorf("%s parent = %s, want the Foundation", r.Name, r.Parent)
				}
				if r.Protect {
					t.Errorf("%s is protected; only data-holding resources are", r.Name)
				}
			}
			inputs(t, rg, map[string]interface{}{"resourceGroupName": "rg-mlp-" + env, "location": "westeurope", "tags": tagsOf(p.s)})
			inputs(t, logs, map[string]interface{}{
				"workspaceName": "log-mlp-" + env, "resourceGroupName": "rg-mlp-" + env, "location": "westeurope",
				"sku.name": "PerGB2018", "retentionInDays": want.retention,
				"features.enableLogAccessUsingOnlyResourcePermissions": true, "features.disableLocalAuth": true,
				"publicNetworkAccessForIngestion": want.publicAccess, "publicNetworkAccessForQuery": want.publicAccess,
				"tags": tagsOf(p.s),
			})
			inputs(t, appi, map[string]interface{}{
				"resourceName": "appi-mlp-" + env, "kind": "web", "applicationType": "web",
				"workspaceResourceId": logs.ID, "ingestionMode": "LogAnalytics", "disableLocalAuth": true,
				"publicNetworkAccessForIngestion": want.publicAccess, "publicNetworkAccessForQuery": want.publicAccess,
				"tags": tagsOf(p.s),
			})
			// With private networking, Azure Monitor is reached only through one private link scope.
			if n := len(p.m.ByType(tokScope)) + len(p.m.ByType(tokScoped)); n != map[bool]int{true: 3, false: 0}[want.private] {
				t.Errorf("%d private link scope resources, want 3 with private networking, 0 without", n)
			}
			if want.private {
				scope := p.get(tokScope, "platform-ampls")
				inputs(t, scope, map[string]interface{}{"scopeName": "ampls-mlp-" + env, "location": "global",
					"accessModeSettings": map[string]interface{}{"ingestionAccessMode": "PrivateOnly", "queryAccessMode": "PrivateOnly"},
					"tags":               tagsOf(p.s)})
				for member, target := range map[string]mocks.Resource{"log": logs, "appi": appi} {
					scoped := p.get(tokScoped, "platform-ampls-"+member)
					inputs(t, scoped, map[string]interface{}{"scopeName": "ampls-mlp-" + env, "name": member, "linkedResourceId": target.ID})
					deps(t, scoped, rg, scope, target)
				}
			}
			deps(t, logs, rg)
			deps(t, appi, rg, logs)

			// Outputs.
			for key, w := range map[string]string{
				"f.ResourceGroupName": "rg-mlp-" + env, "f.ResourceGroupID": rg.ID, "f.Location": "westeurope",
				"f.LogAnalyticsWorkspaceID": logs.ID, "f.AppInsightsID": appi.ID,
				"f.AppInsightsConnectionString": appi.Outputs["connectionString"].StringValue(),
			} {
				if got := p.str(key); got != w {
					t.Errorf("%s = %q, want %q", key, got, w)
				}
			}
			if !p.out["f.AppInsightsConnectionString"].Secret {
				t.Error("AppInsightsConnectionString is not a secret")
			}
			if p.out["f.ResourceGroupID"].Secret || p.out["f.AppInsightsID"].Secret {
				t.Error("plain outputs must not be secret")
			}

			// Private-link plumbing only with private networking.
			if p.network != want.private {
				t.Fatalf("Foundation.Network present = %v, want %v", p.network, want.private)
			}
			counts := map[string]int{tokVNet: 1, tokSubnet: 1, tokZone: 11, tokLink: 11}
			for token, n := range counts {
				if !want.private {
					n = 0
				}
				if got := len(p.m.ByType(token)); got != n {
					t.Errorf("%d %s, want %d", got, token, n)
				}
			}
			if !want.private {
				return
			}
			vnet := p.get(tokVNet, "platform-vnet")
			subnet := p.get(tokSubnet, "platform-pe-subnet")
			inputs(t, vnet, map[string]interface{}{
				"virtualNetworkName": "vnet-mlp-" + env, "addressSpace.addressPrefixes": []interface{}{"10.40.0.0/16"},
				"location": "westeurope", "tags": tagsOf(p.s),
			})
			if _, inline := vnet.Inputs["subnets"]; inline {
				t.Error("the VNet declares inline subnets as well as a Subnet resource")
			}
			nsg := p.get("azure-native:network:NetworkSecurityGroup", "platform-nsg")
			inputs(t, nsg, map[string]interface{}{"networkSecurityGroupName": "nsg-mlp-" + env, "location": "westeurope",
				"securityRules": nil, "tags": tagsOf(p.s)})
			inputs(t, subnet, map[string]interface{}{
				"subnetName": "snet-private-endpoints", "addressPrefix": "10.40.1.0/24",
				"virtualNetworkName": "vnet-mlp-" + env, "privateEndpointNetworkPolicies": "Enabled",
				"networkSecurityGroup.id": nsg.ID,
			})
			deps(t, subnet, rg, vnet, nsg)
			if p.str("net.VirtualNetworkID") != vnet.ID || p.str("net.PrivateEndpointSubnetID") != subnet.ID {
				t.Error("network outputs do not match the VNet and subnet ids")
			}
			wantZones := []string{"privatelink.agentsvc.azure-automation.net", "privatelink.api.azureml.ms",
				"privatelink.azconfig.io", "privatelink.azurecr.io", "privatelink.blob.core.windows.net",
				"privatelink.file.core.windows.net", "privatelink.monitor.azure.com", "privatelink.notebooks.azure.net",
				"privatelink.ods.opinsights.azure.com", "privatelink.oms.opinsights.azure.com", "privatelink.vaultcore.azure.net"}
			for _, zoneName := range wantZones {
				zone := p.get(tokZone, "platform-"+zoneName)
				inputs(t, zone, map[string]interface{}{"privateZoneName": zoneName, "location": "global", "resourceGroupName": "rg-mlp-" + env})
				link := p.get(tokLink, "platform-"+zoneName+"-link")
				inputs(t, link, map[string]interface{}{
					"privateZoneName": zoneName, "location": "global", "registrationEnabled": false,
					"virtualNetwork.id": vnet.ID, "virtualNetworkLinkName": "vnet-mlp-" + env,
				})
				deps(t, link, rg, zone, vnet)
				if p.str("zone."+zoneName) != zone.ID {
					t.Errorf("DNSZoneIDs[%s] = %s, want %s", zoneName, p.str("zone."+zoneName), zone.ID)
				}
			}
		})
	}
}

func TestPrivateEndpoints(t *testing.T) {
	for stack, want := range stacks {
		t.Run(stack, func(t *testing.T) {
			p := deploy(t, stack)
			endpoints := p.m.ByType(tokPE)
			groups := p.m.ByType(tokZoneGrp)
			if !want.private {
				if len(endpoints)+len(groups)+len(p.m.ByType("mlplatform:azure:PrivateEndpoint")) != 0 {
					t.Fatalf("private endpoints registered without private networking: %d", len(endpoints))
				}
				return
			}
			subnet := p.get(tokSubnet, "platform-pe-subnet")
			st := p.get(tokStorage, "ml-st")
			cr := p.get(tokRegistry, "ml-cr")
			ws := p.get(tokWS, "ml")
			store := p.get(tokStore, "appconfig")
			ampls := p.get(tokScope, "platform-ampls")
			cases := []struct {
				name, group, target string
				targetRes           *mocks.Resource
				zones               []string
			}{
				{"vault", "vault", vaultID, nil, []string{"privatelink.vaultcore.azure.net"}},
				{"appconfig-pe", "configurationStores", store.ID, &store, []string{"privatelink.azconfig.io"}},
				{"ml-st-blob-pe", "blob", st.ID, &st, []string{"privatelink.blob.core.windows.net"}},
				{"ml-st-file-pe", "file", st.ID, &st, []string{"privatelink.file.core.windows.net"}},
				{"ml-cr-pe", "registry", cr.ID, &cr, []string{"privatelink.azurecr.io"}},
				{"ml-pe", "amlworkspace", ws.ID, &ws, []string{"privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"}},
				{"platform-ampls-pe", "azuremonitor", ampls.ID, &ampls, []string{"privatelink.monitor.azure.com",
					"privatelink.oms.opinsights.azure.com", "privatelink.ods.opinsights.azure.com",
					"privatelink.agentsvc.azure-automation.net", "privatelink.blob.core.windows.net"}},
			}
			if len(endpoints) != len(cases) || len(groups) != len(cases) {
				t.Errorf("%d endpoints and %d zone groups, want %d each", len(endpoints), len(groups), len(cases))
			}
			rg := p.get(tokRG, "platform-rg")
			for _, c := range cases {
				comp := p.get("mlplatform:azure:PrivateEndpoint", c.name)
				pe := p.get(tokPE, c.name)
				if pe.Parent != comp.URN {
					t.Errorf("%s: endpoint not parented to its component", c.name)
				}
				inputs(t, pe, map[string]interface{}{
					"privateEndpointName": "pe-" + c.name, "customNetworkInterfaceName": "nic-pe-" + c.name,
					"location": "westeurope", "subnet.id": subnet.ID, "tags": tagsOf(p.s),
					"resourceGroupName": "rg-mlp-" + p.s.Env,
					"privateLinkServiceConnections": []interface{}{map[string]interface{}{
						"name": "pe-" + c.name, "privateLinkServiceId": c.target, "groupIds": []interface{}{c.group},
					}},
				})
				wantDeps := []mocks.Resource{rg, subnet}
				if c.targetRes != nil {
					wantDeps = append(wantDeps, *c.targetRes)
				}
				deps(t, pe, wantDeps...)

				group := p.get(tokZoneGrp, c.name+"-dns")
				var configs []interface{}
				zoneDeps := []mocks.Resource{rg, pe}
				for _, z := range c.zones {
					zone := p.get(tokZone, "platform-"+z)
					configs = append(configs, map[string]interface{}{"name": strings.ReplaceAll(z, ".", "-"), "privateDnsZoneId": zone.ID})
					zoneDeps = append(zoneDeps, zone)
				}
				inputs(t, group, map[string]interface{}{
					"privateEndpointName": "pe-" + c.name, "privateDnsZoneGroupName": "default", "privateDnsZoneConfigs": configs,
				})
				deps(t, group, zoneDeps...)
			}
		})
	}
}

func TestAppConfiguration(t *testing.T) {
	for stack, want := range stacks {
		t.Run(stack, func(t *testing.T) {
			p := deploy(t, stack)
			env, suffix := p.s.Env, p.str("suffix")
			comp := p.get("mlplatform:azure:AppConfiguration", "appconfig")
			rg := p.get(tokRG, "platform-rg")
			logs := p.get(tokLogs, "platform-log")
			random := p.get("random:index/randomString:RandomString", "suffix")
			ws := p.get(tokWS, "ml")
			store := p.get(tokStore, "appconfig")

			inputs(t, store, map[string]interface{}{
				"configStoreName": "appcs-mlp-" + env + "-" + suffix, "resourceGroupName": "rg-mlp-" + env,
				"location": "westeurope", "sku": map[string]interface{}{"name": "Standard"},
				"identity": map[string]interface{}{"type": "SystemAssigned"}, "disableLocalAuth": true,
				"enablePurgeProtection": want.purge, "softDeleteRetentionInDays": want.softDelete,
				"publicNetworkAccess": want.publicAccess,
				"dataPlaneProxy":      map[string]interface{}{"authenticationMode": "Pass-through", "privateLinkDelegation": want.delegation},
				"tags":                tagsOf(p.s),
			})
			if store.Protect != want.protect || store.Parent != comp.URN {
				t.Errorf("store protect=%v parent=%s, want protect=%v under the component", store.Protect, store.Parent, want.protect)
			}
			deps(t, store, rg, random)

			owner := p.get(tokRole, "appconfig-deployer-data-owner")
			inputs(t, owner, map[string]interface{}{
				"scope": store.ID, "roleDefinitionId": role("5ae67dd6-50cb-40e7-96ff-dc2bfa4b606b"),
				"principalId": mocks.DeployerObjectID, "principalType": "ServicePrincipal", // deployerPrincipalType
			})
			reader := p.get(tokRole, "appconfig-reader-data-reader")
			inputs(t, reader, map[string]interface{}{
				"scope": store.ID, "roleDefinitionId": role("516239f1-63e1-4d78-a4de-a74fb236a071"),
				"principalId": spObjectID, "principalType": "ServicePrincipal",
			})
			deps(t, owner, store)
			deps(t, reader, store)

			diag := p.get(tokDiag, "appconfig-diag")
			inputs(t, diag, map[string]interface{}{"resourceUri": store.ID, "workspaceId": logs.ID})
			deps(t, diag, store, logs)

			kvs := p.m.ByType(tokKV)
			if len(kvs) != 4 {
				t.Errorf("%d key-values, want 4", len(kvs))
			}
			for _, c := range []struct {
				key, value string
				extra      []mocks.Resource
			}{
				{"platform:environment", env, nil},
				{"platform:keyVaultUri", vaultURI, nil},
				{"platform:mlWorkspaceId", ws.ID, []mocks.Resource{ws}},
			} {
				kv := p.get(tokKV, "appconfig-"+c.key)
				inputs(t, kv, map[string]interface{}{
					"keyValueName": c.key + "$" + env, "value": c.value, "contentType": nil,
					"configStoreName": "appcs-mlp-" + env + "-" + suffix, "resourceGroupName": "rg-mlp-" + env,
				})
				// The Data Owner grant is the one explicit dependency (pass-through writes).
				deps(t, kv, append([]mocks.Resource{rg, store, owner}, c.extra...)...)
			}

			ref := p.get(tokKV, "appconfig-platform:servicePrincipal:clientSecret")
			inputs(t, ref, map[string]interface{}{
				"keyValueName": "platform:servicePrincipal:clientSecret$" + env,
				"contentType":  "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8",
			})
			var body map[string]string
			if err := json.Unmarshal([]byte(ref.Inputs["value"].StringValue()), &body); err != nil ||
				!reflect.DeepEqual(body, map[string]string{"uri": secretURI}) {
				t.Errorf("Key Vault reference value = %s (%v), want {\"uri\":%q}", ref.Inputs["value"].StringValue(), err, secretURI)
			}
			deps(t, ref, rg, store, owner)

			if got, w := p.str("ac.Endpoint"), "https://appcs-mlp-"+env+"-"+suffix+".azconfig.io"; got != w {
				t.Errorf("Endpoint = %q, want %q", got, w)
			}
			if p.str("ac.ID") != store.ID || p.str("ac.Name") != "appcs-mlp-"+env+"-"+suffix {
				t.Errorf("outputs ID=%s Name=%s", p.str("ac.ID"), p.str("ac.Name"))
			}
		})
	}
}

func TestEveryResourceIsTaggedAndParented(t *testing.T) {
	p := deploy(t, "prod")
	for _, r := range p.m.Resources() {
		if !r.Custom {
			continue
		}
		if r.Type != "random:index/randomString:RandomString" && !strings.HasPrefix(r.Parent, "urn:pulumi:prod::mlplatform::mlplatform:azure:") {
			t.Errorf("%s %s is not inside an azure component (parent %s)", r.Type, r.Name, r.Parent)
		}
		// TAG-001's own list of types without tags (their ARM resources take none).
		if policy.Untaggable(r.Type) || r.Type == "random:index/randomString:RandomString" {
			continue
		}
		if got := r.Inputs["tags"].Mappable(); !reflect.DeepEqual(got, tagsOf(p.s)) {
			t.Errorf("%s %s tags = %v", r.Type, r.Name, got)
		}
	}
	if got := azure.Tags(p.s.Common); !reflect.DeepEqual(got, map[string]string{"environment": "prod", "owner": "owner@offline-plan-example.invalid", "managed-by": "pulumi", "project": "mlplatform"}) {
		t.Errorf("Tags = %v", got)
	}
}

func TestDeterministic(t *testing.T) {
	render := func() string {
		var b strings.Builder
		for _, r := range deploy(t, "prod").m.Resources() {
			fmt.Fprintf(&b, "%s %s %v %v %v\n", r.URN, r.ID, r.Dependencies, r.Protect, r.Inputs.Mappable())
		}
		return b.String()
	}
	if a, b := render(), render(); a != b {
		t.Error("two runs registered different resources")
	}
}

func TestInvalidArgumentsAreErrors(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	str := pulumi.String("x")
	cases := map[string]func(ctx *pulumi.Context, f *azure.Foundation) error{
		"appconfig nil args": func(ctx *pulumi.Context, _ *azure.Foundation) error {
			_, err := appconfig.NewAppConfiguration(ctx, "e", nil)
			return err
		},
		"appconfig no foundation": func(ctx *pulumi.Context, _ *azure.Foundation) error {
			_, err := appconfig.NewAppConfiguration(ctx, "f", &appconfig.AppConfigurationArgs{Env: s.Env, Location: s.Azure.Location,
				DeployerPrincipalType: s.DeployerPrincipalType, SubscriptionID: "sub",
				StoreName: str, DeployerObjectID: str, ReaderPrincipalID: str, SecretURI: str})
			return err
		},
		"appconfig key with slash": func(ctx *pulumi.Context, f *azure.Foundation) error {
			_, err := appconfig.NewAppConfiguration(ctx, "g", &appconfig.AppConfigurationArgs{Env: s.Env, Location: s.Azure.Location,
				DeployerPrincipalType: s.DeployerPrincipalType, SubscriptionID: "sub",
				Foundation: f, StoreName: str, DeployerObjectID: str, ReaderPrincipalID: str, SecretURI: str,
				Values: map[string]pulumi.StringInput{"platform/env": str}})
			return err
		},
		"appconfig nil value": func(ctx *pulumi.Context, f *azure.Foundation) error {
			_, err := appconfig.NewAppConfiguration(ctx, "h", &appconfig.AppConfigurationArgs{Env: s.Env, Location: s.Azure.Location,
				DeployerPrincipalType: s.DeployerPrincipalType, SubscriptionID: "sub",
				Foundation: f, StoreName: str, DeployerObjectID: str, ReaderPrincipalID: str, SecretURI: str,
				Values: map[string]pulumi.StringInput{"platform:env": nil}})
			return err
		},
		"private endpoint without private network": func(ctx *pulumi.Context, f *azure.Foundation) error {
			_, err := f.NewPrivateEndpoint(ctx, "i", str, azure.GroupVault)
			return err
		},
		"private endpoint nil args": func(ctx *pulumi.Context, _ *azure.Foundation) error {
			_, err := azure.NewPrivateEndpoint(ctx, "j", nil)
			return err
		},
	}
	errs := map[string]error{}
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		f, err := foundation.NewFoundation(ctx, "platform", stacktest.FoundationArgs(s))
		if err != nil {
			return err
		}
		for name, fn := range cases {
			errs[name] = fn(ctx, f)
		}
		return nil
	})
	// Missing arguments are named, all at once, in the one form every component uses.
	want := map[string]string{
		"appconfig nil args": "appconfig.NewAppConfiguration: missing required arguments: DeployerObjectID, DeployerPrincipalType, " +
			"Env, Foundation, ReaderPrincipalID, SecretURI, StoreName, SubscriptionID",
		"appconfig no foundation":   "appconfig.NewAppConfiguration: missing required arguments: Foundation",
		"private endpoint nil args": "azure.NewPrivateEndpoint: missing required arguments: Foundation, Group, TargetID",
	}
	for name := range cases {
		switch err := errs[name]; {
		case err == nil:
			t.Errorf("%s: no error", name)
		case want[name] != "" && err.Error() != want[name]:
			t.Errorf("%s: got %v\nwant %s", name, err, want[name])
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
