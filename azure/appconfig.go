package azure

import (
	"encoding/json"
	"errors"
	"sort"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/azdiag"
	"github.com/example/mlplatform/internal/azrbac"
	"github.com/example/mlplatform/settings"
)

// ClientSecretKey is the App Configuration key of the Key Vault reference to the service
// principal's client secret.
const ClientSecretKey = "platform:servicePrincipal:clientSecret"

// AppConfigurationArgs configures NewAppConfiguration.
type AppConfigurationArgs struct {
	Settings       *settings.Settings
	SubscriptionID string
	Foundation     *Foundation
	// NameSuffix is the stack's shared random suffix that makes the store name globally unique.
	NameSuffix pulumi.StringInput
	// DeployerObjectID (of kind Settings.DeployerPrincipalType) is made App Configuration Data
	// Owner: ARM writes the key-values with the deployer's own identity (pass-through), since
	// access keys are disabled.
	DeployerObjectID pulumi.StringInput
	// ReaderPrincipalID (a service principal) is made App Configuration Data Reader.
	ReaderPrincipalID pulumi.StringInput
	// SecretURI is the versionless Key Vault URI of the client secret; the store keeps only a
	// reference to it, resolved by readers with their own Key Vault access.
	SecretURI pulumi.StringInput
	// Values are the platform's non-secret settings, by key ("platform:mlWorkspaceId"); each is
	// stored under the environment's label. Never put a secret here.
	Values map[string]pulumi.StringInput
}

// AppConfiguration is an App Configuration store with Entra-only access, the platform's
// non-secret settings and a Key Vault reference to the service principal's secret.
type AppConfiguration struct {
	pulumi.ResourceState

	Name     pulumi.StringOutput
	ID       pulumi.StringOutput
	Endpoint pulumi.StringOutput
}

// NewAppConfiguration registers the store, its key-values, role assignments, diagnostic setting
// and, with private networking, its private endpoint.
func NewAppConfiguration(ctx *pulumi.Context, name string, args *AppConfigurationArgs, opts ...pulumi.ResourceOption) (*AppConfiguration, error) {
	if args == nil {
		return nil, errors.New("azure.NewAppConfiguration: args must not be nil")
	}
	if err := missing("AppConfiguration", map[string]bool{
		"Settings": args.Settings == nil, "SubscriptionID": args.SubscriptionID == "", "Foundation": args.Foundation == nil,
		"NameSuffix": args.NameSuffix == nil, "DeployerObjectID": args.DeployerObjectID == nil,
		"ReaderPrincipalID": args.ReaderPrincipalID == nil, "SecretURI": args.SecretURI == nil,
	}); err != nil {
		return nil, err
	}
	s, f := args.Settings, args.Foundation
	label := s.Env
	keys := make([]string, 0, len(args.Values)+1)
	for key, value := range args.Values {
		if value == nil {
			return nil, errors.New("azure.NewAppConfiguration: Values[" + key + "] is nil")
		}
		if key == ClientSecretKey {
			return nil, errors.New("azure.NewAppConfiguration: Values must not set " + ClientSecretKey)
		}
		keys = append(keys, key)
	}
	sort.Strings(keys) // registration order must not follow map order
	keyValueNames := map[string]string{}
	for _, key := range append(keys, ClientSecretKey) {
		kvName, err := azurenative.KeyValueName(key, label)
		if err != nil {
			return nil, err
		}
		keyValueNames[key] = kvName
	}

	c := &AppConfiguration{}
	if err := ctx.RegisterComponentResource("mlplatform:azure:AppConfiguration", name, c, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(c)
	tags := pulumi.ToStringMap(Tags(s))

	delegation := azurenative.PrivateLinkDelegationDisabled
	if s.Azure.PrivateNetworking {
		// With public access off, ARM reaches the data plane (to write key-values) only through
		// an ARM private link; delegation lets it pass.
		delegation = azurenative.PrivateLinkDelegationEnabled
	}
	storeName := args.NameSuffix.ToStringOutput().ApplyT(s.Names.AppConfig).(pulumi.StringOutput)
	store, err := azurenative.NewConfigurationStore(ctx, name, &azurenative.ConfigurationStoreArgs{
		ResourceGroupName:         f.ResourceGroupName,
		ConfigStoreName:           storeName,
		Location:                  pulumi.String(s.Azure.Location),
		Sku:                       &azurenative.ConfigurationStoreSkuArgs{Name: pulumi.String(azurenative.ConfigurationStoreSkuStandard)},
		Identity:                  &azurenative.ResourceIdentityArgs{Type: pulumi.String(azurenative.IdentityTypeSystemAssigned)},
		DisableLocalAuth:          pulumi.Bool(true),
		EnablePurgeProtection:     pulumi.Bool(s.AppConfig.PurgeProtection),
		SoftDeleteRetentionInDays: pulumi.Int(s.AppConfig.SoftDeleteRetentionDays),
		PublicNetworkAccess:       pulumi.String(s.Azure.PublicNetworkAccess()),
		DataPlaneProxy: &azurenative.DataPlaneProxyPropertiesArgs{
			AuthenticationMode:    pulumi.String(azurenative.AuthenticationModePassThrough),
			PrivateLinkDelegation: pulumi.String(delegation),
		},
		Tags: tags,
	}, parent, pulumi.Protect(s.ProtectStateful))
	if err != nil {
		return nil, err
	}
	storeID := store.ID().ToStringOutput()

	owner, err := azrbac.Assign(ctx, name+"-deployer-data-owner", args.SubscriptionID, azrbac.Grant{
		Scope: storeID, Role: azrbac.AppConfigDataOwner, PrincipalID: args.DeployerObjectID,
		PrincipalType: s.DeployerPrincipalType,
	}, parent)
	if err != nil {
		return nil, err
	}
	if _, err := azrbac.Assign(ctx, name+"-reader-data-reader", args.SubscriptionID, azrbac.Grant{
		Scope: storeID, Role: azrbac.AppConfigDataReader, PrincipalID: args.ReaderPrincipalID,
		PrincipalType: azrbac.ServicePrincipal,
	}, parent); err != nil {
		return nil, err
	}

	// Pass-through writes run as the deployer, so every key-value needs the Data Owner grant
	// first. No output of the grant flows into a key-value, hence the explicit DependsOn.
	kvOpts := []pulumi.ResourceOption{parent, pulumi.DependsOn([]pulumi.Resource{owner})}
	newKeyValue := func(key string, value pulumi.StringInput, contentType pulumi.StringPtrInput) error {
		_, err := azurenative.NewKeyValue(ctx, name+"-"+key, &azurenative.KeyValueArgs{
			ResourceGroupName: f.ResourceGroupName,
			ConfigStoreName:   store.Name,
			KeyValueName:      pulumi.String(keyValueNames[key]),
			Value:             value,
			ContentType:       contentType,
			Tags:              tags,
		}, kvOpts...)
		return err
	}
	for _, key := range keys {
		if err := newKeyValue(key, args.Values[key], nil); err != nil {
			return nil, err
		}
	}
	if err := newKeyValue(ClientSecretKey, keyVaultReference(args.SecretURI),
		pulumi.String(azurenative.KeyVaultReferenceContentType)); err != nil {
		return nil, err
	}

	if _, err := azdiag.Send(ctx, name+"-diag", storeID, f.LogAnalyticsWorkspaceID, parent); err != nil {
		return nil, err
	}
	if s.Azure.PrivateNetworking {
		if _, err := f.NewPrivateEndpoint(ctx, name+"-pe", storeID, GroupConfigurationStores, parent); err != nil {
			return nil, err
		}
	}

	c.Name, c.ID, c.Endpoint = store.Name, storeID, store.Endpoint
	if err := ctx.RegisterResourceOutputs(c, pulumi.Map{"name": c.Name, "id": c.ID, "endpoint": c.Endpoint}); err != nil {
		return nil, err
	}
	return c, nil
}

// keyVaultReference is the value of a Key Vault reference key-value: {"uri":"<secret URI>"}.
func keyVaultReference(secretURI pulumi.StringInput) pulumi.StringOutput {
	return secretURI.ToStringOutput().ApplyT(func(uri string) (string, error) {
		b, err := json.Marshal(struct {
			URI string `json:"uri"`
		}{uri})
		return string(b), err
	}).(pulumi.StringOutput)
}
