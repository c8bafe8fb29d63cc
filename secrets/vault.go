// Package secrets creates the platform's Key Vault and stores the service principal's
// credential in it, readable only by the principals that need it.
package secrets

import (
	"errors"
	"fmt"
	"github.com/example/mlplatform/internal/required"
	"regexp"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/azurenative"
	"github.com/example/mlplatform/internal/azdiag"
	"github.com/example/mlplatform/internal/azrbac"
)

// ClientSecretContentType marks the stored value for operators and scanners.
const ClientSecretContentType = "application/x-entra-client-secret"

// Reader is a principal allowed to read the stored secret (and nothing else in the vault).
type Reader struct {
	// Key names the reader's role assignment and must be known when the program runs and
	// stable for the principal: its object id for a configured group, a fixed word for a
	// principal created in this stack. Keyed this way, reordering the readers changes
	// nothing and there is no limit on their number.
	Key         string
	PrincipalID pulumi.StringInput
	// PrincipalType is azrbac.ServicePrincipal, User or Group.
	PrincipalType string
}

// Network is a data plane's network posture, in the service's own terms (the caller derives
// it from the platform's configuration).
type Network struct {
	PublicNetworkAccess string   // "Enabled" or "Disabled"
	DefaultAction       string   // the firewall's default action: "Allow" or "Deny"
	IPRules             []string // the addresses and CIDR ranges the firewall admits
}

// VaultArgs configures NewVault.
type VaultArgs struct {
	ResourceGroupName pulumi.StringInput
	Location          string
	VaultName         pulumi.StringInput
	TenantID          string
	SubscriptionID    string
	// SKU is the vault's SKU name, "standard" or "premium" (HSM-backed keys).
	SKU                     string
	SoftDeleteRetentionDays int
	// Network is the vault's network posture. With private networking public access is off
	// and the vault is reached through a private endpoint (created by the caller) and
	// trusted Azure services.
	Network Network
	Tags    map[string]string

	SecretName string
	// SecretValue is always stored as a Pulumi secret (NewVault wraps it; checking instead
	// would block on the value and serialize the deployment).
	SecretValue pulumi.StringOutput
	// SecretWindow bounds the secret's validity: notBefore and expires in Key Vault.
	SecretNotBefore time.Time
	SecretExpires   time.Time

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

	vault, err := newKeyVault(ctx, name, args, parent)
	if err != nil {
		return nil, err
	}
	secret, err := newClientSecret(ctx, name, args, vault.Name, parent)
	if err != nil {
		return nil, err
	}
	if err := grantReaders(ctx, name, args, secret.ID(), parent); err != nil {
		return nil, err
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

// newKeyVault registers the RBAC-mode vault with its firewall.
func newKeyVault(ctx *pulumi.Context, name string, args *VaultArgs, parent pulumi.ResourceOption) (*azurenative.Vault, error) {
	var ipRules azurenative.VaultIPRuleArray
	for _, rule := range args.Network.IPRules {
		ipRules = append(ipRules, azurenative.VaultIPRuleArgs{Value: pulumi.String(rule)})
	}
	return azurenative.NewVault(ctx, name, &azurenative.VaultArgs{
		ResourceGroupName: args.ResourceGroupName,
		VaultName:         args.VaultName,
		Location:          pulumi.String(args.Location),
		Tags:              pulumi.ToStringMap(args.Tags),
		Properties: azurenative.VaultPropertiesArgs{
			TenantId:                     pulumi.String(args.TenantID),
			Sku:                          azurenative.VaultSkuArgs{Family: pulumi.String("A"), Name: pulumi.String(args.SKU)},
			EnableRbacAuthorization:      pulumi.Bool(true),
			EnablePurgeProtection:        pulumi.Bool(true), // irreversible once on, by design
			EnableSoftDelete:             pulumi.Bool(true),
			SoftDeleteRetentionInDays:    pulumi.Int(args.SoftDeleteRetentionDays),
			EnabledForDeployment:         pulumi.Bool(false),
			EnabledForDiskEncryption:     pulumi.Bool(false),
			EnabledForTemplateDeployment: pulumi.Bool(false),
			PublicNetworkAccess:          pulumi.String(args.Network.PublicNetworkAccess),
			NetworkAcls: &azurenative.VaultNetworkRuleSetArgs{
				DefaultAction: pulumi.String(args.Network.DefaultAction),
				Bypass:        pulumi.String("AzureServices"),
				IpRules:       ipRules,
			},
		},
	}, parent, pulumi.Protect(args.Protect))
}

// newClientSecret registers the service principal's credential in the vault.
func newClientSecret(ctx *pulumi.Context, name string, args *VaultArgs, vaultName pulumi.StringOutput, parent pulumi.ResourceOption) (*azurenative.Secret, error) {
	// ARM writes the secret through the management plane, so this works with public access off.
	return azurenative.NewSecret(ctx, name+"-client-secret", &azurenative.SecretArgs{
		ResourceGroupName: args.ResourceGroupName,
		VaultName:         vaultName,
		SecretName:        pulumi.String(args.SecretName),
		Tags:              pulumi.ToStringMap(args.Tags),
		Properties: &azurenative.SecretPropertiesArgs{
			Value:       pulumi.ToSecret(args.SecretValue).(pulumi.StringOutput),
			ContentType: pulumi.String(ClientSecretContentType),
			Attributes: &azurenative.SecretAttributesArgs{
				Enabled:   pulumi.Bool(true),
				NotBefore: pulumi.Int(int(args.SecretNotBefore.Unix())),
				Expires:   pulumi.Int(int(args.SecretExpires.Unix())),
			},
		},
	}, parent)
}

// grantReaders makes each reader Key Vault Secrets User on the secret alone.
func grantReaders(ctx *pulumi.Context, name string, args *VaultArgs, secretID pulumi.IDOutput, parent pulumi.ResourceOption) error {
	// The deployer gets no Key Vault data role. The secret (newClientSecret) is written
	// through ARM (PUT .../Microsoft.KeyVault/vaults/{vault}/secrets/{name}, "Secrets - Create
	// Or Update" in the Key Vault management REST API, "intended for internal use in ARM deployments"),
	// which ARM authorizes with the control-plane action Microsoft.KeyVault/vaults/secrets/write
	// that the deployer's Contributor role already holds ("management actions are always
	// authorized with RBAC": Key Vault enableRbacAuthorization). Nothing here reads or writes
	// the vault's data plane, so a Secrets Officer grant would be a standing privilege nobody
	// uses.
	for i, r := range args.Readers {
		if _, err := azrbac.Assign(ctx, readerName(name, r.Key), args.SubscriptionID, azrbac.Grant{
			Scope: secretID, Role: azrbac.KeyVaultSecretsUser, PrincipalID: r.PrincipalID, PrincipalType: r.PrincipalType,
		}, parent, pulumi.Aliases([]pulumi.Alias{{Name: pulumi.String(positionalReaderName(name, i))}})); err != nil {
			return err
		}
	}
	return nil
}

// readerName names a reader's assignment by its stable key, never by its place in the list.
func readerName(vault, key string) string {
	return vault + "-secret-reader-" + key
}

// positionalReaderName is the name earlier versions gave the i-th reader. As an alias it lets
// a stack deployed by them adopt its assignments without replacing them (an alias is consulted
// only while the new name is not yet in the state, and for i >= 26 it matches nothing).
func positionalReaderName(vault string, i int) string {
	return fmt.Sprintf("%s-secret-reader-%c", vault, rune('a'+i))
}

func (a *VaultArgs) validate() error {
	if a == nil {
		a = &VaultArgs{}
	}
	if err := required.Args("secrets.NewVault", map[string]any{"ResourceGroupName": a.ResourceGroupName, "VaultName": a.VaultName,
		"TenantID": a.TenantID, "SubscriptionID": a.SubscriptionID, "Location": a.Location, "SecretName": a.SecretName,
		"SecretValue": a.SecretValue, "SecretExpires": a.SecretExpires}); err != nil {
		return err
	}
	if !a.SecretExpires.After(a.SecretNotBefore) {
		return errors.New("secrets.NewVault: SecretExpires must be after SecretNotBefore")
	}
	keys := map[string]bool{}
	for _, r := range a.Readers {
		switch {
		case !readerKeyPattern.MatchString(r.Key):
			return fmt.Errorf("secrets.NewVault: reader key %q must be 1-64 lowercase letters, digits or '-' (an object id or a fixed word)", r.Key)
		case keys[r.Key]:
			return fmt.Errorf("secrets.NewVault: reader key %q is used twice", r.Key)
		case r.PrincipalType != azrbac.ServicePrincipal && r.PrincipalType != azrbac.User && r.PrincipalType != azrbac.Group:
			return fmt.Errorf("secrets.NewVault: principal type %q must be ServicePrincipal, User or Group", r.PrincipalType)
		}
		keys[r.Key] = true
	}
	return nil
}

var readerKeyPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
