package azurenative_test

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
)

// await resolves an output inside a mocked run.
func await(t *testing.T, o pulumi.Output) interface{} {
	t.Helper()
	r, err := internals.UnsafeAwaitOutput(context.Background(), o)
	if err != nil || !r.Known {
		t.Fatalf("await: known=%v err=%v", r.Known, err)
	}
	return r.Value
}

func keys(m resource.PropertyMap) []string {
	var out []string
	for k := range m {
		out = append(out, string(k))
	}
	sort.Strings(out)
	return out
}

func versioned(module, typ string, versions ...string) []string {
	var out []string
	for _, v := range versions {
		if v == "" {
			out = append(out, "azure-native:"+module+":"+typ)
		} else {
			out = append(out, "azure-native:"+module+"/"+v+":"+typ)
		}
	}
	return out
}

// Alias lists as the official v2.90.0 versioned resources declare them.
var (
	workspaceAliases = versioned("machinelearningservices", "Workspace",
		"v20180301preview", "v20181119", "v20190501", "v20190601", "v20191101", "v20200101", "v20200218preview",
		"v20200301", "v20200401", "v20200501preview", "v20200515preview", "v20200601", "v20200801", "v20200901preview",
		"v20210101", "v20210301preview", "v20210401", "v20210701", "v20220101preview", "v20220201preview", "v20220501",
		"v20220601preview", "v20221001", "v20221001preview", "v20221201preview", "v20230201preview", "v20230401",
		"v20230401preview", "v20230601preview", "v20230801preview", "v20231001", "v20240101preview", "v20240401",
		"v20240401preview", "v20240701preview", "v20241001preview", "v20250101preview", "")
	storeAliases = versioned("appconfiguration", "ConfigurationStore", "", "v20190201preview", "v20191001",
		"v20191101preview", "v20200601", "v20200701preview", "v20210301preview", "v20211001preview", "v20220301preview",
		"v20220501", "v20230301", "v20230801preview", "v20230901preview")
	keyValueAliases = versioned("appconfiguration", "KeyValue", "", "v20200701preview", "v20210301preview",
		"v20211001preview", "v20220301preview", "v20220501", "v20230301", "v20230801preview", "v20230901preview")
)

func TestBindingsRegisterTheOfficialShape(t *testing.T) {
	const rg = "rg-test"
	var (
		wsArgs *azurenative.WorkspaceArgs
		got    = map[string]interface{}{}
	)
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		wsArgs = &azurenative.WorkspaceArgs{
			ResourceGroupName: pulumi.String(rg),
			WorkspaceName:     pulumi.String("mlw-test"),
			Location:          pulumi.String("westeurope"),
			FriendlyName:      pulumi.String("friendly"),
			Description:       pulumi.String("described"),
			Identity: &azurenative.ManagedServiceIdentityArgs{
				Type:                   pulumi.String(azurenative.ManagedServiceIdentityTypeSystemAssignedUserAssigned),
				UserAssignedIdentities: pulumi.StringArray{pulumi.String("/uai/one")},
			},
			Sku:                 &azurenative.WorkspaceSkuArgs{Name: pulumi.String("Basic"), Tier: pulumi.String("Basic")},
			KeyVault:            pulumi.String("/kv"),
			ApplicationInsights: pulumi.String("/appi"),
			ContainerRegistry:   pulumi.String("/cr"),
			StorageAccount:      pulumi.String("/st"),
			HbiWorkspace:        pulumi.Bool(true),
			PublicNetworkAccess: pulumi.String(azurenative.PublicNetworkAccessDisabled),
			Kind:                pulumi.String("Default"),
			ManagedNetwork: &azurenative.ManagedNetworkSettingsArgs{
				IsolationMode: pulumi.String(azurenative.IsolationModeAllowOnlyApprovedOutbound),
				OutboundRules: pulumi.Map{"pypi": pulumi.Map{"type": pulumi.String("FQDN"), "destination": pulumi.String("pypi.org")}},
			},
			Tags: pulumi.StringMap{"owner": pulumi.String("me")},
		}
		ws, err := azurenative.NewWorkspace(ctx, "ws", wsArgs)
		if err != nil {
			return err
		}
		store, err := azurenative.NewConfigurationStore(ctx, "store", &azurenative.ConfigurationStoreArgs{
			ResourceGroupName:   pulumi.String(rg),
			ConfigStoreName:     pulumi.String("appcs-test"),
			Location:            pulumi.String("westeurope"),
			Sku:                 &azurenative.ConfigurationStoreSkuArgs{Name: pulumi.String(azurenative.ConfigurationStoreSkuStandard)},
			Identity:            &azurenative.ResourceIdentityArgs{Type: pulumi.String(azurenative.IdentityTypeSystemAssigned)},
			PublicNetworkAccess: pulumi.String(azurenative.PublicNetworkAccessEnabled),
			DataPlaneProxy: &azurenative.DataPlaneProxyPropertiesArgs{
				AuthenticationMode:    pulumi.String(azurenative.AuthenticationModePassThrough),
				PrivateLinkDelegation: pulumi.String(azurenative.PrivateLinkDelegationDisabled),
			},
			Tags: pulumi.StringMap{"owner": pulumi.String("me")},
		})
		if err != nil {
			return err
		}
		kv, err := azurenative.NewKeyValue(ctx, "kv", &azurenative.KeyValueArgs{
			ResourceGroupName: pulumi.String(rg),
			ConfigStoreName:   store.Name,
			KeyValueName:      pulumi.String("app:color$dev"),
			Value:             pulumi.String("blue"),
			ContentType:       pulumi.String("text/plain"),
			Tags:              pulumi.StringMap{"owner": pulumi.String("me")},
		})
		if err != nil {
			return err
		}
		// Typed outputs read back through the bindings' output types.
		for name, o := range map[string]pulumi.Output{
			"ws.name": ws.Name, "ws.workspaceId": ws.WorkspaceId, "ws.discoveryUrl": ws.DiscoveryUrl,
			"ws.mlFlowTrackingUri": ws.MlFlowTrackingUri, "ws.principalId": ws.Identity.PrincipalId(),
			"ws.identityType": ws.Identity.Type(), "ws.networkId": ws.ManagedNetwork.NetworkId(),
			"ws.isolationMode": ws.ManagedNetwork.IsolationMode(), "ws.skuTier": ws.Sku.Tier(),
			"ws.hbi": ws.HbiWorkspace, "ws.provisioningState": ws.ProvisioningState,
			"store.endpoint": store.Endpoint, "store.principalId": store.Identity.PrincipalId(),
			"store.authMode": store.DataPlaneProxy.AuthenticationMode(), "store.sku": store.Sku.Name(),
			"store.softDelete": store.SoftDeleteRetentionInDays,
			"kv.key":           kv.Key, "kv.label": kv.Label, "kv.value": kv.Value, "kv.contentType": kv.ContentType,
		} {
			got[name] = await(t, o)
		}
		return nil
	})

	if wsArgs.HbiWorkspace == nil || wsArgs.V1LegacyMode != nil {
		t.Error("NewWorkspace modified the caller's args")
	}

	wsRes, _ := m.Find(azurenative.WorkspaceToken, "ws")
	storeRes, _ := m.Find(azurenative.ConfigurationStoreToken, "store")
	kvRes, _ := m.Find(azurenative.KeyValueToken, "kv")
	for _, c := range []struct {
		res     mocks.Resource
		token   string
		aliases []string
		inputs  []string
	}{
		{wsRes, "azure-native:machinelearningservices/v20241001:Workspace", workspaceAliases, []string{
			"allowPublicAccessWhenBehindVnet", "applicationInsights", "containerRegistry", "description",
			"friendlyName", "hbiWorkspace", "identity", "keyVault", "kind", "location", "managedNetwork",
			"publicNetworkAccess", "resourceGroupName", "sku", "storageAccount", "tags", "v1LegacyMode", "workspaceName"}},
		{storeRes, "azure-native:appconfiguration/v20240501:ConfigurationStore", storeAliases, []string{
			"configStoreName", "dataPlaneProxy", "disableLocalAuth", "enablePurgeProtection", "identity", "location",
			"publicNetworkAccess", "resourceGroupName", "sku", "softDeleteRetentionInDays", "tags"}},
		{kvRes, "azure-native:appconfiguration/v20240501:KeyValue", keyValueAliases, []string{
			"configStoreName", "contentType", "keyValueName", "resourceGroupName", "tags", "value"}},
	} {
		if c.res.Type != c.token {
			t.Errorf("token = %q, want %q", c.res.Type, c.token)
			continue
		}
		if c.res.Version != "2.90.0" {
			t.Errorf("%s: plugin version = %q, want 2.90.0", c.token, c.res.Version)
		}
		if !reflect.DeepEqual(c.res.Aliases, c.aliases) {
			t.Errorf("%s aliases:\n got %v\nwant %v", c.token, c.res.Aliases, c.aliases)
		}
		for _, a := range c.res.Aliases {
			if a == c.token {
				t.Errorf("%s aliases itself", c.token)
			}
		}
		if got := keys(c.res.Inputs); !reflect.DeepEqual(got, c.inputs) {
			t.Errorf("%s wire inputs:\n got %v\nwant %v", c.token, got, c.inputs)
		}
	}

	in := wsRes.Inputs.Mappable()
	wantNested := map[string]interface{}{
		"identity":       map[string]interface{}{"type": "SystemAssigned,UserAssigned", "userAssignedIdentities": []interface{}{"/uai/one"}},
		"sku":            map[string]interface{}{"name": "Basic", "tier": "Basic"},
		"managedNetwork": map[string]interface{}{"isolationMode": "AllowOnlyApprovedOutbound", "outboundRules": map[string]interface{}{"pypi": map[string]interface{}{"type": "FQDN", "destination": "pypi.org"}}},
		"hbiWorkspace":   true, "v1LegacyMode": false, "allowPublicAccessWhenBehindVnet": false, // SDK defaults
		"keyVault": "/kv", "applicationInsights": "/appi", "containerRegistry": "/cr", "storageAccount": "/st",
		"publicNetworkAccess": "Disabled", "workspaceName": "mlw-test", "kind": "Default",
	}
	for k, want := range wantNested {
		if !reflect.DeepEqual(in[k], want) {
			t.Errorf("workspace %s = %#v, want %#v", k, in[k], want)
		}
	}
	sin := storeRes.Inputs.Mappable()
	for k, want := range map[string]interface{}{
		"sku":                       map[string]interface{}{"name": "Standard"},
		"identity":                  map[string]interface{}{"type": "SystemAssigned"},
		"dataPlaneProxy":            map[string]interface{}{"authenticationMode": "Pass-through", "privateLinkDelegation": "Disabled"},
		"disableLocalAuth":          false, // SDK defaults when unset
		"enablePurgeProtection":     false,
		"softDeleteRetentionInDays": float64(7),
	} {
		if !reflect.DeepEqual(sin[k], want) {
			t.Errorf("store %s = %#v, want %#v", k, sin[k], want)
		}
	}
	if kvRes.Inputs["configStoreName"].StringValue() != "appcs-test" || kvRes.Inputs["keyValueName"].StringValue() != "app:color$dev" {
		t.Errorf("key-value inputs = %v", kvRes.Inputs)
	}
	if len(kvRes.Dependencies) != 1 || !strings.HasSuffix(kvRes.Dependencies[0], "::store") {
		t.Errorf("key-value dependencies = %v, want the store (via its name output)", kvRes.Dependencies)
	}

	wsID := wsRes.ID
	for name, want := range map[string]interface{}{
		"ws.name": "mlw-test", "ws.workspaceId": mocks.GUID("workspace", wsID),
		"ws.discoveryUrl":      "https://westeurope.api.azureml.ms/discovery",
		"ws.mlFlowTrackingUri": "azureml://westeurope.api.azureml.ms/mlflow/v1.0" + wsID,
		"ws.principalId":       mocks.GUID("principal", wsID), "ws.identityType": "SystemAssigned,UserAssigned",
		"ws.networkId": mocks.GUID("managed-network", wsID), "ws.isolationMode": "AllowOnlyApprovedOutbound",
		"ws.skuTier": "Basic", "ws.hbi": true, "ws.provisioningState": "Succeeded",
		"store.endpoint": "https://appcs-test.azconfig.io", "store.principalId": mocks.GUID("principal", storeRes.ID),
		"store.authMode": "Pass-through", "store.sku": "Standard", "store.softDelete": 7,
		"kv.key": "app:color", "kv.label": "dev", "kv.value": "blue", "kv.contentType": "text/plain",
	} {
		v := got[name]
		if p, ok := v.(*string); ok && p != nil {
			v = *p
		}
		if p, ok := v.(*bool); ok && p != nil {
			v = *p
		}
		if p, ok := v.(*int); ok && p != nil {
			v = *p
		}
		if !reflect.DeepEqual(v, want) {
			t.Errorf("output %s = %#v, want %#v", name, v, want)
		}
	}
	if !strings.HasPrefix(wsID, "/subscriptions/"+mocks.SubscriptionID+"/resourceGroups/rg-test/providers/Microsoft.MachineLearningServices/workspaces/mlw-test") {
		t.Errorf("workspace id = %s", wsID)
	}
}

func TestEnumSpellings(t *testing.T) {
	for _, c := range [][2]string{
		{azurenative.ManagedServiceIdentityTypeSystemAssignedUserAssigned, "SystemAssigned,UserAssigned"},
		{azurenative.IdentityTypeSystemAssignedUserAssigned, "SystemAssigned, UserAssigned"},
		{azurenative.ManagedServiceIdentityTypeSystemAssigned, "SystemAssigned"},
		{azurenative.AuthenticationModePassThrough, "Pass-through"},
		{azurenative.AuthenticationModeLocal, "Local"},
		{azurenative.PrivateLinkDelegationEnabled, "Enabled"},
		{azurenative.IsolationModeAllowOnlyApprovedOutbound, "AllowOnlyApprovedOutbound"},
		{azurenative.IsolationModeAllowInternetOutbound, "AllowInternetOutbound"},
		{azurenative.WorkspaceSkuBasic, "Basic"},
		{azurenative.SkuTierBasic, "Basic"},
		{azurenative.ConfigurationStoreSkuStandard, "Standard"},
		{azurenative.PublicNetworkAccessDisabled, "Disabled"},
		{azurenative.KeyVaultReferenceContentType, "application/vnd.microsoft.appconfig.keyvaultref+json;charset=utf-8"},
	} {
		if c[0] != c[1] {
			t.Errorf("constant = %q, want %q", c[0], c[1])
		}
	}
}

func TestMissingRequiredArgumentsAreErrors(t *testing.T) {
	rg := pulumi.String("rg")
	cases := map[string]func(ctx *pulumi.Context) error{
		"workspace nil args": func(ctx *pulumi.Context) error { _, err := azurenative.NewWorkspace(ctx, "a", nil); return err },
		"workspace no resource group": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewWorkspace(ctx, "b", &azurenative.WorkspaceArgs{})
			return err
		},
		"workspace sku without name": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewWorkspace(ctx, "c", &azurenative.WorkspaceArgs{ResourceGroupName: rg, Sku: &azurenative.WorkspaceSkuArgs{}})
			return err
		},
		"workspace identity without type": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewWorkspace(ctx, "d", &azurenative.WorkspaceArgs{ResourceGroupName: rg, Identity: &azurenative.ManagedServiceIdentityArgs{}})
			return err
		},
		"store nil args": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewConfigurationStore(ctx, "e", nil)
			return err
		},
		"store no resource group": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewConfigurationStore(ctx, "f", &azurenative.ConfigurationStoreArgs{Sku: &azurenative.ConfigurationStoreSkuArgs{Name: pulumi.String("Standard")}})
			return err
		},
		"store no sku": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewConfigurationStore(ctx, "g", &azurenative.ConfigurationStoreArgs{ResourceGroupName: rg})
			return err
		},
		"store sku without name": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewConfigurationStore(ctx, "h", &azurenative.ConfigurationStoreArgs{ResourceGroupName: rg, Sku: &azurenative.ConfigurationStoreSkuArgs{}})
			return err
		},
		"key-value nil args": func(ctx *pulumi.Context) error { _, err := azurenative.NewKeyValue(ctx, "i", nil); return err },
		"key-value no store": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewKeyValue(ctx, "j", &azurenative.KeyValueArgs{ResourceGroupName: rg})
			return err
		},
		"key-value no resource group": func(ctx *pulumi.Context) error {
			_, err := azurenative.NewKeyValue(ctx, "k", &azurenative.KeyValueArgs{ConfigStoreName: pulumi.String("s")})
			return err
		},
	}
	errs := map[string]error{}
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		for name, fn := range cases {
			errs[name] = fn(ctx)
		}
		return nil
	})
	for name := range cases {
		if errs[name] == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if n := len(m.Resources()); n != 0 {
		t.Errorf("%d resources registered despite invalid arguments", n)
	}
}

func TestKeyValueName(t *testing.T) {
	for _, c := range []struct {
		key, label, want string
		ok               bool
	}{
		{"platform:environment", "prod", "platform:environment$prod", true},
		{"platform:environment", "", "platform:environment", true},
		{"a.b_c-d", "dev", "a.b_c-d$dev", true},
		{"platform/environment", "prod", "", false},
		{"100%", "prod", "", false},
		{"key$x", "prod", "", false},
		{".", "prod", "", false},
		{"", "prod", "", false},
		{"ok", "bad/label", "", false},
	} {
		got, err := azurenative.KeyValueName(c.key, c.label)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("KeyValueName(%q, %q) = %q, %v; want %q, ok=%v", c.key, c.label, got, err, c.want, c.ok)
		}
	}
}
