// Package secrets creates the platform's Key Vault and stores the service principal's
// credential in it, readable only by the principals that need it.
package secrets

import (
	"errors"
	"fmt"
	"time"

	"github.com/pulumi/pulumi-azure-native-sdk/keyvault/v2"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/azdiag"
	"github.com/example/mlplatform/internal/azrbac"
	"github.com/example/mlplatform/settings"
)

// ClientSecretContentType marks the stored value for operators and scanners.
const ClientSecretContentType = "application/x-entra-client-secret"

// Reader is a principal allowed to read the stored secret (and nothing else in the vault).
type Reader struct {
	PrincipalID pulumi.StringInput
	// PrincipalType is azrbac.ServicePrincipal, User or Group.
	PrincipalType string
}

// VaultArgs configures NewVault.
type VaultArgs struct {
	ResourceGroupName pulumi.StringInput
	Location          string
	VaultName         pulumi.StringInput
	TenantID          string
	SubscriptionID    string
	Settings          settings.KeyVault
	// Network is the platform's posture: with PrivateNetworking public access is off and the
	// vault is reached through a private endpoint (created by the caller) and trusted Azure
	// services; AllowedIPRanges become firewall rules.
	Network settings.Azure
	Tags    map[string]string

	SecretName string
	// SecretValue is always stored as a Pulumi secret (NewVault wraps it; checking instead
	// would block on the value and serialize the deployment).
	SecretValue pulumi.StringOutput
	// SecretWindow bounds the secret's validity: notBefore and expires in Key Vault.
	SecretNotBefore time.Time
	SecretExpires   time.Time

	// DeployerObjectID manages secrets (Key Vault Secrets Officer on the vault).
	DeployerObjectID      pulumi.StringInput
	DeployerPrincipalType string
	// Readers get Key Vault Secrets User on the one secret, the narrowest scope Azure offers.
	Readers []Reader

	// LogAnalyticsWorkspaceID receives the vault's audit logs; nil skips the setting.
	LogAnalyticsWorkspaceID pulumi.StringInput
	Protect                 bool
}

// Vault is a Key Vault in RBAC mode holding the service principal's credential.
type Vault struct {
	pulumi.ResourceState

	ID   pulumi.StringOutput `pulumi:"id"`
	Name pulumi.StringOutput `pulumi:"name"`
	URI  pulumi.StringOutput `pulumi:"uri"`
	// SecretID is the secret's ARM id (a role-assignment scope).
	SecretID pulumi.StringOutput `pulumi:"secretId"`
	// SecretURI is the versionless data-plane URI: readers and Key Vault references always
	// resolve the current version, so rotation needs no consumer change.
	SecretURI  pulumi.StringOutput `pulumi:"secretUri"`
	SecretName pulumi.StringOutput `pulumi:"secretName"`
}

// NewVault registers the vault, the secret, the role assignments and the diagnostic setting.
func NewVault(ctx *pulumi.Context, name string, args *VaultArgs, opts ...pulumi.ResourceOption) (*Vault, error) {
	if err := args.validate(); err != nil {
		return nil, err
	}
	v := &Vault{}
	if err := ctx.RegisterComponentResource("mlplatform:secrets:Vault", name, v, opts...); err != nil {
		return nil, err
	}
	parent := pulumi.Parent(v)

	var ipRules keyvault.IPRuleArray
	for _, p := range args.Network.AllowedIPRanges {
		ipRules = append(ipRules, keyvault.IPRuleArgs{Value: pulumi.String(p.String())})
	}
	vault, err := keyvault.NewVault(ctx, name, &keyvault.VaultArgs{
		ResourceGroupName: args.ResourceGroupName,
		VaultName:         args.VaultName,
		Location:          pulumi.String(args.Location),
		Tags:              pulumi.ToStringMap(args.Tags),
		Properties: keyvault.VaultPropertiesArgs{
			TenantId:                     pulumi.String(args.TenantID),
			Sku:                          keyvault.SkuArgs{Family: pulumi.String("A"), Name: keyvault.SkuName(args.Settings.SKU)},
			EnableRbacAuthorization:      pulumi.Bool(true),
			EnablePurgeProtection:        pulumi.Bool(true), // irreversible once on, by design
			EnableSoftDelete:             pulumi.Bool(true),
			SoftDeleteRetentionInDays:    pulumi.Int(args.Settings.SoftDeleteRetentionDays),
			EnabledForDeployment:         pulumi.Bool(false),
			EnabledForDiskEncryption:     pulumi.Bool(false),
			EnabledForTemplateDeployment: pulumi.Bool(false),
			PublicNetworkAccess:          pulumi.String(args.Network.PublicNetworkAccess()),
			NetworkAcls: keyvault.NetworkRuleSetArgs{
				DefaultAction: pulumi.String(args.Network.FirewallDefaultAction()),
				Bypass:        pulumi.String("AzureServices"),
				IpRules:       ipRules,
			},
		},
	}, parent, pulumi.Protect(args.Protect))
	if err != nil {
		return nil, err
	}

	// ARM writes the secret through the management plane, so this works with public access off.
	secret, err := keyvault.NewSecret(ctx, name+"-client-secret", &keyvault.SecretArgs{
		ResourceGroupName: args.ResourceGroupName,
		VaultName:         vault.Name,
		SecretName:        pulumi.String(args.SecretName),
		Tags:              pulumi.ToStringMap(args.Tags),
		Properties: keyvault.SecretPropertiesArgs{
			Value:       pulumi.ToSecret(args.SecretValue).(pulumi.StringOutput),
			ContentType: pulumi.String(ClientSecretContentType),
			Attributes: keyvault.SecretAttributesArgs{
				Enabled:   pulumi.Bool(true),
				NotBefore: pulumi.Int(int(args.SecretNotBefore.Unix())),
				Expires:   pulumi.Int(int(args.SecretExpires.Unix())),
			},
		},
	}, parent)
	if err != nil {
		return nil, err
	}

	if _, err := azrbac.Assign(ctx, name+"-deployer-secrets-officer", args.SubscriptionID, azrbac.Grant{
		Scope: vault.ID(), Role: azrbac.KeyVaultSecretsOfficer, PrincipalID: args.DeployerObjectID,
		PrincipalType: args.DeployerPrincipalType,
	}, parent); err != nil {
		return nil, err
	}
	for i, r := range args.Readers {
		if _, err := azrbac.Assign(ctx, readerName(name, i), args.SubscriptionID, azrbac.Grant{
			Scope: secret.ID(), Role: azrbac.KeyVaultSecretsUser, PrincipalID: r.PrincipalID, PrincipalType: r.PrincipalType,
		}, parent); err != nil {
			return nil, err
		}
	}
	if args.LogAnalyticsWorkspaceID != nil {
		if _, err := azdiag.Send(ctx, name+"-diagnostics", vault.ID(), args.LogAnalyticsWorkspaceID, parent); err != nil {
			return nil, err
		}
	}

	v.ID = vault.ID().ToStringOutput()
	v.Name = vault.Name
	v.URI = vault.Properties.VaultUri()
	v.SecretID = secret.ID().ToStringOutput()
	// Built from the vault URI, not read from the secret: the secret's properties carry the
	// value, so anything read from them comes back secret though the URI is not sensitive.
	v.SecretURI = pulumi.Sprintf("%ssecrets/%s", v.URI, secret.Name)
	v.SecretName = secret.Name
	return v, ctx.RegisterResourceOutputs(v, pulumi.Map{
		"id": v.ID, "name": v.Name, "uri": v.URI,
		"secretId": v.SecretID, "secretUri": v.SecretURI, "secretName": v.SecretName,
	})
}

func readerTypes(readers []Reader) []string {
	var out []string
	for _, r := range readers {
		out = append(out, r.PrincipalType)
	}
	return out
}

// readerName keeps reader assignments' logical names stable by position in the list.
func readerName(vault string, i int) string {
	return vault + "-secret-reader-" + string(rune('a'+i))
}

func (a *VaultArgs) validate() error {
	switch {
	case a == nil:
		return errors.New("secrets.NewVault: args are required")
	case a.ResourceGroupName == nil || a.VaultName == nil || a.DeployerObjectID == nil:
		return errors.New("secrets.NewVault: ResourceGroupName, VaultName and DeployerObjectID are required")
	case a.TenantID == "" || a.SubscriptionID == "" || a.Location == "" || a.SecretName == "":
		return errors.New("secrets.NewVault: TenantID, SubscriptionID, Location and SecretName are required")
	case a.SecretExpires.IsZero() || !a.SecretExpires.After(a.SecretNotBefore):
		return errors.New("secrets.NewVault: SecretExpires must be set and after SecretNotBefore")
	case a.SecretValue.OutputState == nil:
		return errors.New("secrets.NewVault: SecretValue is required")
	case len(a.Readers) > 26:
		return errors.New("secrets.NewVault: at most 26 readers")
	}
	for _, kind := range append([]string{a.DeployerPrincipalType}, readerTypes(a.Readers)...) {
		if kind != azrbac.ServicePrincipal && kind != azrbac.User && kind != azrbac.Group {
			return fmt.Errorf("secrets.NewVault: principal type %q must be ServicePrincipal, User or Group", kind)
		}
	}
	return nil
}
