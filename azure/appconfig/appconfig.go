// Package appconfig is the App Configuration component: the store with Entra-only access, the
// platform's non-secret settings and a Key Vault reference to the service principal's secret.
// What the tooling knows about it (rules, mock responders, creation times) is in spec/.
package appconfig

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/example/mlplatform/internal/required"
	"sort"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/azdiag"
	"github.com/example/mlplatform/internal/azrbac"
	"github.com/example/mlplatform/internal/grantwait"
)

// ClientSecretKey is the App Configuration key of the Key Vault reference to the service
// principal's client secret.
const ClientSecretKey = "platform:servicePrincipal:clientSecret"

// AppConfigurationArgs configures NewAppConfiguration.
type AppConfigurationArgs struct {
	// Env is the label every key-value is stored under.
	Env      string
	Location string
	Tags     map[string]string
	// Protect keeps the store from deletion by Pulumi (protectStatefulResources).
	Protect bool
	// StoreName is the store's globally unique name (the caller adds the stack's suffix).
	StoreName pulumi.StringInput
	// PrivateNetworking turns public access off; the store is then reached through a private
	// endpoint in the Foundation's network and ARM through its private link (delegation).
	PrivateNetworking       bool
	PurgeProtection         bool
	SoftDeleteRetentionDays int
	// DeployerPrincipalType is the kind of principal DeployerObjectID is (deployerPrincipalType).
	DeployerPrincipalType string
	SubscriptionID        string
	Foundation            *azure.Foundation
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
	// GrantClock paces the wait for the deployer's Data Owner grant to take effect before the
	// key-values are written (nil: the wall clock). Tests pass a fake one.
	GrantClock grantwait.Clock
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
		args = &AppConfigurationArgs{}
	}
	if err := required.Args("appconfig.NewAppConfiguration", map[string]any{"Env": args.Env,
		"DeployerPrincipalType": args.DeployerPrincipalType, "SubscriptionID": args.SubscriptionID,
		"Foundation": args.Foundation, "StoreName": args.StoreName, "DeployerObjectID": args.DeployerObjectID,
		"ReaderPrincipalID": args.ReaderPrincipalID, "SecretURI": args.SecretURI,
	}); err != nil {
		return nil, err
	}
	f := args.Foundation
	keys, keyValueNames, err := appConfigKeys(args.Values, args.Env)
	if err != nil {
		return nil, err
	}

	c := &AppConfiguration{}
	if err := ctx.RegisterComponentResource("mlplatform:azure:AppConfiguration", name, c, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(c)

	store, err := newConfigurationStore(ctx, name, args, parent)
	if err != nil {
		return nil, err
	}
	storeID := store.ID().ToStringOutput()
	owner, err := appConfigAccess(ctx, name, args, storeID, parent)
	if err != nil {
		return nil, err
	}
	if err := writeKeyValues(ctx, name, args, store, owner, keys, keyValueNames, parent); err != nil {
		return nil, err
	}

	if _, err := azdiag.Send(ctx, name+"-diag", storeID, f.LogAnalyticsWorkspaceID, parent); err != nil {
		return nil, err
	}
	if args.PrivateNetworking {
		if _, err := f.NewPrivateEndpoint(ctx, name+"-pe", storeID, azure.GroupConfigurationStores, parent); err != nil {
			return nil, err
		}
	}

	c.Name, c.ID, c.Endpoint = store.Name, storeID, store.Endpoint
	if err := ctx.RegisterResourceOutputs(c, pulumi.Map{"name": c.Name, "id": c.ID, "endpoint": c.Endpoint}); err != nil {
		return nil, err
	}
	return c, nil
}

// appConfigKeys checks values and returns their keys in sorted order and the ARM key-value
// name of each key and of ClientSecretKey under label; it runs before anything is registered.
func appConfigKeys(values map[string]pulumi.StringInput, label string) ([]string, map[string]string, error) {
	keys := make([]string, 0, len(values)+1)
	for key, value := range values {
		if value == nil {
			return nil, nil, errors.New("appconfig.NewAppConfiguration: Values[" + key + "] is nil")
		}
		if key == ClientSecretKey {
			return nil, nil, errors.New("appconfig.NewAppConfiguration: Values must not set " + ClientSecretKey)
		}
		keys = append(keys, key)
	}
	sort.Strings(keys) // registration order must not follow map order
	keyValueNames := map[string]string{}
	for _, key := range append(keys, ClientSecretKey) {
		kvName, err := azurenative.KeyValueName(key, label)
		if err != nil {
			return nil, nil, err
		}
		keyValueNames[key] = kvName
	}
	return keys, keyValueNames, nil
}

// newConfigurationStore registers the store itself.
func newConfigurationStore(ctx *pulumi.Context, name string, s *AppConfigurationArgs, parent pulumi.ResourceOption) (*azurenative.ConfigurationStore, error) {
	f := s.Foundation
	delegation := azurenative.PrivateLinkDelegationDisabled
	if s.PrivateNetworking {
		// With public access off, ARM reaches the data plane (to write key-values) only through
		// an ARM private link; delegation lets it pass.
		delegation = azurenative.PrivateLinkDelegationEnabled
	}
	publicAccess := azurenative.PublicNetworkAccessEnabled
	if s.PrivateNetworking {
		publicAccess = azurenative.PublicNetworkAccessDisabled
	}
	// Microsoft-managed encryption keys and no replica, deliberately: the store holds settings
	// and Key Vault references, no secrets (AAC-008), and a customer key would be a vault key
	// whose revocation makes the store unusable ("Use customer-managed keys to encrypt your App
	// Configuration data", learn.microsoft.com/azure/azure-app-configuration/concept-customer-managed-keys);
	// a replica serves a second region, and Azure ML has no failover to one ("Failover for
	// business continuity and disaster recovery", learn.microsoft.com/azure/machine-learning/how-to-high-availability-machine-learning).
	return azurenative.NewConfigurationStore(ctx, name, &azurenative.ConfigurationStoreArgs{
		ResourceGroupName:         f.ResourceGroupName,
		ConfigStoreName:           s.StoreName,
		Location:                  pulumi.String(s.Location),
		Sku:                       &azurenative.ConfigurationStoreSkuArgs{Name: pulumi.String(azurenative.ConfigurationStoreSkuStandard)},
		Identity:                  &azurenative.ResourceIdentityArgs{Type: pulumi.String(azurenative.IdentityTypeSystemAssigned)},
		DisableLocalAuth:          pulumi.Bool(true),
		EnablePurgeProtection:     pulumi.Bool(s.PurgeProtection),
		SoftDeleteRetentionInDays: pulumi.Int(s.SoftDeleteRetentionDays),
		PublicNetworkAccess:       pulumi.String(publicAccess),
		DataPlaneProxy: &azurenative.DataPlaneProxyPropertiesArgs{
			AuthenticationMode:    pulumi.String(azurenative.AuthenticationModePassThrough),
			PrivateLinkDelegation: pulumi.String(delegation),
		},
		Tags: pulumi.ToStringMap(s.Tags),
	}, parent, pulumi.Protect(s.Protect))
}

// appConfigAccess makes the deployer Data Owner and the reader Data Reader of the store; it
// returns the Data Owner grant, which the key-value writes wait for.
func appConfigAccess(ctx *pulumi.Context, name string, args *AppConfigurationArgs, storeID pulumi.StringOutput, parent pulumi.ResourceOption) (*azurenative.RoleAssignment, error) {
	owner, err := azrbac.Assign(ctx, name+"-deployer-data-owner", args.SubscriptionID, azrbac.Grant{
		Scope: storeID, Role: azrbac.AppConfigDataOwner, PrincipalID: args.DeployerObjectID,
		PrincipalType: args.DeployerPrincipalType,
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
	return owner, nil
}

// writeKeyValues registers the key-values of s.Values and the Key Vault reference to the
// client secret.
func writeKeyValues(ctx *pulumi.Context, name string, s *AppConfigurationArgs, store *azurenative.ConfigurationStore,
	owner *azurenative.RoleAssignment, keys []string, keyValueNames map[string]string, parent pulumi.ResourceOption) error {
	f := s.Foundation
	// Pass-through writes run as the deployer, so every key-value needs the Data Owner grant in
	// effect, not just created: the key-values take the store name from the wait for it.
	clock := s.GrantClock
	if clock == nil {
		clock = grantwait.Wall{}
	}
	writableStore := dataOwnerInEffect(ctx, store.Name, f.ResourceGroupName, owner, keyValueNames[ClientSecretKey], clock)
	newKeyValue := func(key string, value pulumi.StringInput, contentType pulumi.StringPtrInput) error {
		_, err := azurenative.NewKeyValue(ctx, name+"-"+key, &azurenative.KeyValueArgs{
			ResourceGroupName: f.ResourceGroupName,
			ConfigStoreName:   writableStore,
			KeyValueName:      pulumi.String(keyValueNames[key]),
			Value:             value,
			ContentType:       contentType,
			Tags:              pulumi.ToStringMap(s.Tags),
		}, parent)
		return err
	}
	for _, key := range keys {
		if err := newKeyValue(key, s.Values[key], nil); err != nil {
			return err
		}
	}
	return newKeyValue(ClientSecretKey, keyVaultReference(s.SecretURI),
		pulumi.String(azurenative.KeyVaultReferenceContentType))
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

// dataOwnerInEffect is the store's name once the deployer's Data Owner grant (owner) is in
// effect. A role assignment exists as soon as ARM wrote it but takes effect up to 10 minutes
// later (ARM caches; RBAC troubleshooting page), 15 for App Configuration data
// (concept-enable-rbac), see internal/grantwait. Until then a pass-through write gets 403.
//
// The wait reads probeKey through ARM (getKeyValue), which pass-through answers with the
// deployer's own data-plane rights: 403 while the grant is not in effect, 404 (no such key
// yet) or the key-value once it is. It runs inside an Apply on the store, resource group and
// the grant, so only once those exist: during the `up` that creates them, and at once on a
// stack whose grant is older than the bound (one read). A preview writes nothing and skips it.
func dataOwnerInEffect(ctx *pulumi.Context, store, group pulumi.StringOutput, owner *azurenative.RoleAssignment,
	probeKey string, clock grantwait.Clock) pulumi.StringOutput {
	return pulumi.All(store, group, owner.ID(), owner.CreatedOn).ApplyT(func(v []interface{}) (string, error) {
		storeName, groupName, grant, createdOn := v[0].(string), v[1].(string), string(v[2].(pulumi.ID)), v[3].(string)
		if ctx.DryRun() {
			return storeName, nil
		}
		created, _ := time.Parse(time.RFC3339Nano, createdOn) // unparsable: zero, waits the whole bound
		read := func() error {
			_, err := azurenative.LookupKeyValue(ctx, &azurenative.LookupKeyValueArgs{
				ConfigStoreName: storeName, KeyValueName: probeKey, ResourceGroupName: groupName,
			})
			return err
		}
		if err := grantwait.Default.Wait(clock, created, read); err != nil {
			return "", fmt.Errorf("App Configuration store %s: the deployer's %s grant (%s) is not in effect, so its key-values "+
				"cannot be written: %w. Check that the grant's principal is the identity running `pulumi up`, and that its "+
				"requests reach the store (with public network access Disabled, only through the ARM private link: policy DEP-001)",
				storeName, azrbac.AppConfigDataOwner.Name, grant, err)
		}
		return storeName, nil
	}).(pulumi.StringOutput)
}
