package azurenative_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/bindingtest"
)

// Outputs Azure computes, as the mocks report them; the inputs come back as outputs too.
var computedOutputs = map[string]map[string]interface{}{
	azurenative.ResourceGroupToken:  {"location": "westeurope"},
	azurenative.ComponentToken:      {"connectionString": "InstrumentationKey=00000000-0000-0000-0000-000000000000"},
	azurenative.RegistryToken:       {"loginServer": "crtest.azurecr.io"},
	azurenative.RoleAssignmentToken: {"createdOn": "2026-12-06T00:00:00Z"},
}

func azureOutputs(args pulumi.MockResourceArgs, out resource.PropertyMap) {
	out["name"] = resource.NewStringProperty(args.Name + "-arm")
	for k, v := range computedOutputs[args.TypeToken] {
		out[resource.PropertyKey(k)] = resource.NewPropertyValue(v)
	}
	if args.TypeToken == azurenative.VaultToken {
		out["properties"] = resource.NewPropertyValue(map[string]interface{}{"vaultUri": "https://kv-test.vault.azure.net/"})
	}
}

// runRecorded runs fn under a fresh recorder: ARM ids, the computed outputs above, and
// getClientConfig the one invoke it answers.
func runRecorded(fn pulumi.RunFunc) (*bindingtest.Recorder, error) {
	return bindingtest.RunRecorded("azurenative", &bindingtest.Recorder{
		Outputs: azureOutputs,
		ID: func(args pulumi.MockResourceArgs) string {
			return "/subscriptions/s/resourceGroups/rg/providers/x/" + args.Name
		},
		Invokes: map[string]resource.PropertyMap{azurenative.GetClientConfigToken: resource.NewPropertyMapFromMap(map[string]interface{}{
			"clientId": "client", "objectId": "object", "subscriptionId": "subscription", "tenantId": "tenant"})},
	}, fn)
}

// recorded is what a program did: its requests by resource name, its invokes and its outputs.
type recorded struct {
	reqs    map[string]*pulumirpc.RegisterResourceRequest
	invokes []string
	outputs map[string]string
}

func registrations(t *testing.T, p bindingtest.Program) recorded {
	t.Helper()
	rec, got := bindingtest.Registrations(t, runRecorded, p)
	return recorded{reqs: rec.Reqs, invokes: rec.Invoked, outputs: printed(got)}
}

// goldenFile holds what the official v2.90.0 modules register for officialProgram. The
// default tests compare the bindings against it without compiling the official modules
// (compiling them is what the bindings save); the officialsdk-tagged test (official_test.go)
// proves it against the official modules and rewrites it with -update:
//
//	go test -tags officialsdk ./azurenative/ [-update]
const goldenFile = "testdata/official.json"

// printed is outputs as the golden file holds them (pointers followed).
func printed(outputs map[string]interface{}) map[string]string {
	out := map[string]string{}
	for k, v := range outputs {
		if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() {
			v = rv.Elem().Interface()
		}
		out[k] = fmt.Sprintf("%+v", v)
	}
	return out
}

// serviceTokens are the tokens bindingProgram exercises: every binding but the network,
// Machine Learning and App Configuration ones (network_test.go, azurenative_test.go).
var serviceTokens = []string{azurenative.ResourceGroupToken, azurenative.LogAnalyticsWorkspaceToken,
	azurenative.ComponentToken, azurenative.DiagnosticSettingToken, azurenative.PrivateLinkScopeToken,
	azurenative.PrivateLinkScopedResourceToken, azurenative.RegistryToken, azurenative.RoleAssignmentToken,
	azurenative.StorageAccountToken, azurenative.BlobServicePropertiesToken, azurenative.FileServicePropertiesToken,
	azurenative.ManagementPolicyToken, azurenative.VaultToken, azurenative.SecretToken}

// Every service binding, chained as the platform chains them, sends exactly the request the
// official v2.90.0 constructor sends for the same inputs (token, wire inputs with the
// generated client-side defaults and their secrecy, dependencies, plugin version, aliases and
// every other option), invokes the same function, and reads back the same outputs.
func TestServiceBindingsRegisterWhatTheOfficialSDKRegisters(t *testing.T) {
	bindingtest.CheckBindings(t, goldenFile, runRecorded, bindingProgram, printed, serviceTokens)
}

// The same facts stated without the golden file, so a change to both cannot hide them.
func TestServiceBindingsPinThePluginAndApplyTheDefaults(t *testing.T) {
	bound := registrations(t, bindingProgram)
	for name, req := range bound.reqs {
		if req.GetVersion() != "2.90.0" || len(req.GetAliases()) < 2 {
			t.Errorf("%s: version %q, %d aliases", name, req.GetVersion(), len(req.GetAliases()))
		}
	}
	fields := func(name string) map[string]interface{} { return bound.reqs[name].GetObject().AsMap() }
	for _, c := range []struct {
		res, key string
		want     interface{}
	}{
		{"appi", "flowType", "Bluefield"}, {"appi", "requestSource", "rest"}, {"appi", "applicationType", "web"},
		{"cr-defaults", "adminUserEnabled", false}, {"cr-defaults", "zoneRedundancy", "Disabled"},
		{"cr-defaults", "publicNetworkAccess", "Enabled"}, {"cr-defaults", "networkRuleBypassOptions", "AzureServices"},
		{"cr-defaults", "networkRuleSet", map[string]interface{}{"defaultAction": "Allow"}},
		{"cr-defaults", "policies", map[string]interface{}{"exportPolicy": map[string]interface{}{"status": "enabled"},
			"retentionPolicy": map[string]interface{}{"days": 7.0, "status": "disabled"}}},
		{"role-defaults", "principalType", "User"}, {"role", "principalType", "ServicePrincipal"},
		{"st-defaults", "encryption", map[string]interface{}{"keySource": "Microsoft.Storage"}},
		{"st-defaults", "sasPolicy", map[string]interface{}{"expirationAction": "Log", "sasExpirationPeriod": "1.00:00:00"}},
		{"st-defaults", "networkRuleSet", map[string]interface{}{"bypass": "AzureServices", "defaultAction": "Allow"}},
	} {
		if got := fields(c.res)[c.key]; !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %s = %#v, want %#v", c.res, c.key, got, c.want)
		}
	}
	props := fields("kv-defaults")["properties"].(map[string]interface{})
	for k, want := range map[string]interface{}{"enableRbacAuthorization": false, "enableSoftDelete": true,
		"publicNetworkAccess": "enabled", "softDeleteRetentionInDays": 90.0} {
		if props[k] != want {
			t.Errorf("kv-defaults properties.%s = %#v, want %#v", k, props[k], want)
		}
	}
	if _, set := fields("rg-nil")["location"]; set || bound.reqs["rg-nil"] == nil {
		t.Error("a resource group with nil args is registered with no inputs")
	}
	if got := strings.Join(bound.invokes, ","); got != azurenative.GetClientConfigToken {
		t.Errorf("invokes = %s", got)
	}
}

// A binding refuses what the official constructor refuses, with its message (the
// officialsdk-tagged test holds the official constructors to serviceRequired's messages).
func TestServiceMissingRequiredArgumentsAreErrors(t *testing.T) {
	bindingtest.Refuses(t, runRecorded, serviceRequired, nil)
}

// serviceTaggable is, by token, whether the official v2.90.0 Args of each service resource
// has Tags (TAG-001 relies on a binding taking tags exactly when the official one does);
// official_test.go holds it to the official Args types.
var serviceTaggable = map[string]bool{
	azurenative.ResourceGroupToken: true, azurenative.LogAnalyticsWorkspaceToken: true, azurenative.ComponentToken: true,
	azurenative.DiagnosticSettingToken: false, azurenative.PrivateLinkScopeToken: true,
	azurenative.PrivateLinkScopedResourceToken: false, azurenative.RegistryToken: true,
	azurenative.RoleAssignmentToken: false, azurenative.StorageAccountToken: true,
	azurenative.BlobServicePropertiesToken: false, azurenative.FileServicePropertiesToken: false,
	azurenative.ManagementPolicyToken: false, azurenative.VaultToken: true, azurenative.SecretToken: true,
}

// serviceArgs are the bindings' Args types by token.
var serviceArgs = map[string]interface{}{
	azurenative.ResourceGroupToken: azurenative.ResourceGroupArgs{}, azurenative.LogAnalyticsWorkspaceToken: azurenative.LogAnalyticsWorkspaceArgs{},
	azurenative.ComponentToken: azurenative.ComponentArgs{}, azurenative.DiagnosticSettingToken: azurenative.DiagnosticSettingArgs{},
	azurenative.PrivateLinkScopeToken: azurenative.PrivateLinkScopeArgs{}, azurenative.PrivateLinkScopedResourceToken: azurenative.PrivateLinkScopedResourceArgs{},
	azurenative.RegistryToken: azurenative.RegistryArgs{}, azurenative.RoleAssignmentToken: azurenative.RoleAssignmentArgs{},
	azurenative.StorageAccountToken: azurenative.StorageAccountArgs{}, azurenative.BlobServicePropertiesToken: azurenative.BlobServicePropertiesArgs{},
	azurenative.FileServicePropertiesToken: azurenative.FileServicePropertiesArgs{}, azurenative.ManagementPolicyToken: azurenative.ManagementPolicyArgs{},
	azurenative.VaultToken: azurenative.VaultArgs{}, azurenative.SecretToken: azurenative.SecretArgs{},
}

func TestServiceBindingsTakeTagsAsTheOfficialOnesDo(t *testing.T) {
	if len(serviceTaggable) != len(serviceTokens) || len(serviceArgs) != len(serviceTokens) {
		t.Fatalf("%d taggable entries and %d Args for %d tokens", len(serviceTaggable), len(serviceArgs), len(serviceTokens))
	}
	for token, args := range serviceArgs {
		if _, has := reflect.TypeOf(args).FieldByName("Tags"); has != serviceTaggable[token] {
			t.Errorf("%s: binding has Tags = %v, official = %v", token, has, serviceTaggable[token])
		}
	}
}

// A lifecycle rule without a definition sends none, as the official interface inputs do (a
// struct value would go out as an empty object, which ARM refuses only at apply time); with
// one, its actions are sent.
func TestManagementPolicyRuleLeavesOutAnUnsetDefinition(t *testing.T) {
	rule := func(def *azurenative.ManagementPolicyDefinitionArgs) map[string]interface{} {
		r := registrations(t, func(ctx *pulumi.Context) (map[string]pulumi.Output, error) {
			_, err := azurenative.NewManagementPolicy(ctx, "lifecycle", &azurenative.ManagementPolicyArgs{
				ResourceGroupName: pulumi.String("rg"), AccountName: pulumi.String("st"),
				Policy: &azurenative.ManagementPolicySchemaArgs{Rules: []azurenative.ManagementPolicyRuleArgs{{
					Name: pulumi.String("r"), Type: pulumi.String("Lifecycle"), Definition: def}}},
			})
			return nil, err
		})
		props := r.reqs["lifecycle"].GetObject().AsMap()
		return props["policy"].(map[string]interface{})["rules"].([]interface{})[0].(map[string]interface{})
	}
	if def, ok := rule(nil)["definition"]; ok {
		t.Errorf("rule without a definition sends definition %v", def)
	}
	def := rule(&azurenative.ManagementPolicyDefinitionArgs{Actions: &azurenative.ManagementPolicyActionArgs{
		Version: &azurenative.ManagementPolicyVersionArgs{Delete: &azurenative.DateAfterCreationArgs{
			DaysAfterCreationGreaterThan: pulumi.Float64(90)}}}})["definition"]
	if _, ok := def.(map[string]interface{})["actions"]; !ok {
		t.Errorf("rule with a definition sends %v, without its actions", def)
	}
}
