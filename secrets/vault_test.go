package secrets_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/internal/azrbac"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/secrets"
)

const (
	vaultToken  = "azure-native:keyvault:Vault"
	secretToken = "azure-native:keyvault:Secret"
	roleToken   = "azure-native:authorization:RoleAssignment"
	secretValue = "generated-by-entra"
)

var (
	notBefore = time.Date(2026, 10, 28, 0, 0, 0, 0, time.UTC)
	expires   = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
)

func run(t *testing.T, stack string, mutate func(*secrets.VaultArgs)) *mocks.Mocks {
	t.Helper()
	s := stacktest.Settings(t, stack)
	return stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
		args := &secrets.VaultArgs{
			ResourceGroupName:       pulumi.String("rg-test"),
			Location:                s.Azure.Location,
			VaultName:               pulumi.String("kv-test-abcde"),
			TenantID:                mocks.TenantID,
			SubscriptionID:          mocks.SubscriptionID,
			SKU:                     s.KeyVault.SKU,
			SoftDeleteRetentionDays: s.KeyVault.SoftDeleteRetentionDays,
			Network: secrets.Network{PublicNetworkAccess: s.Azure.PublicNetworkAccess(),
				DefaultAction: s.Azure.FirewallDefaultAction(), IPRules: s.Azure.FirewallIPRules()},
			SecretName: "sp-client-secret",
			// Deliberately plain: the component must make it secret itself.
			SecretValue:             pulumi.String(secretValue).ToStringOutput(),
			SecretNotBefore:         notBefore,
			SecretExpires:           expires,
			Readers:                 []secrets.Reader{{Key: "platform-sp", PrincipalID: pulumi.String("sp-object-id"), PrincipalType: azrbac.ServicePrincipal}},
			LogAnalyticsWorkspaceID: pulumi.String("/subscriptions/x/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log"),
			Protect:                 s.ProtectStateful,
		}
		if mutate != nil {
			mutate(args)
		}
		v, err := secrets.NewVault(ctx, "platform", args)
		if err != nil {
			return err
		}
		pulumi.All(v.URI, v.SecretURI, v.SecretName).ApplyT(func(out []interface{}) error {
			if out[0] != "https://kv-test-abcde.vault.azure.net/" ||
				out[1] != "https://kv-test-abcde.vault.azure.net/secrets/sp-client-secret" || out[2] != "sp-client-secret" {
				t.Errorf("outputs URI/SecretURI/SecretName = %v", out)
			}
			return nil
		})
		return nil
	})
}

func props(r mocks.Resource) resource.PropertyMap { return r.Inputs["properties"].ObjectValue() }

func TestVaultSecurityProperties(t *testing.T) {
	for _, tc := range []struct {
		stack                       string
		publicAccess, defaultAction string
		retention                   float64
		sku                         string
		protect                     bool
	}{
		{"dev", "Enabled", "Allow", 7, "standard", false},
		{"prod", "Disabled", "Deny", 90, "premium", true},
	} {
		t.Run(tc.stack, func(t *testing.T) {
			m := run(t, tc.stack, nil)
			vaults := m.ByType(vaultToken)
			if len(vaults) != 1 {
				t.Fatalf("%d vaults", len(vaults))
			}
			p := props(vaults[0])
			for key, want := range map[string]bool{"enableRbacAuthorization": true, "enablePurgeProtection": true, "enableSoftDelete": true,
				"enabledForDeployment": false, "enabledForTemplateDeployment": false} {
				if got := p[resource.PropertyKey(key)]; !got.IsBool() || got.BoolValue() != want {
					t.Errorf("%s = %v, want %v", key, got, want)
				}
			}
			if got := p["softDeleteRetentionInDays"].NumberValue(); got != tc.retention {
				t.Errorf("softDeleteRetentionInDays = %v, want %v", got, tc.retention)
			}
			if got := p["publicNetworkAccess"].StringValue(); got != tc.publicAccess {
				t.Errorf("publicNetworkAccess = %s, want %s", got, tc.publicAccess)
			}
			acl := p["networkAcls"].ObjectValue()
			if acl["defaultAction"].StringValue() != tc.defaultAction || acl["bypass"].StringValue() != "AzureServices" {
				t.Errorf("networkAcls = %v", acl)
			}
			if got := p["sku"].ObjectValue()["name"].StringValue(); got != tc.sku {
				t.Errorf("sku = %s, want %s", got, tc.sku)
			}
			if p["tenantId"].StringValue() != mocks.TenantID {
				t.Errorf("tenantId = %v", p["tenantId"])
			}
			if vaults[0].Protect != tc.protect {
				t.Errorf("protect = %v, want %v", vaults[0].Protect, tc.protect)
			}
		})
	}
}

// The firewall takes the posture as given (settings renders a single address as the bare
// address, the form every Azure firewall accepts: TestFirewallIPRulesUseBareAddresses).
func TestFirewallTakesTheNetworkPosture(t *testing.T) {
	m := run(t, "dev", func(a *secrets.VaultArgs) {
		a.Network = secrets.Network{PublicNetworkAccess: "Enabled", DefaultAction: "Deny", IPRules: []string{"198.51.100.0/28", "203.0.113.7"}}
	})
	p := props(m.ByType(vaultToken)[0])
	acl := p["networkAcls"].ObjectValue()
	rules := acl["ipRules"].ArrayValue()
	if p["publicNetworkAccess"].StringValue() != "Enabled" || acl["defaultAction"].StringValue() != "Deny" || len(rules) != 2 ||
		rules[0].ObjectValue()["value"].StringValue() != "198.51.100.0/28" || rules[1].ObjectValue()["value"].StringValue() != "203.0.113.7" {
		t.Errorf("networkAcls = %v, want Deny with the allowed range and the bare address", acl)
	}
}

func TestSecretIsMaskedAndExpires(t *testing.T) {
	m := run(t, "prod", nil)
	sec := m.ByType(secretToken)
	if len(sec) != 1 {
		t.Fatalf("%d secrets", len(sec))
	}
	p := props(sec[0])
	if !p["value"].IsSecret() {
		t.Fatal("secret value sent unmasked")
	}
	if got := p["value"].SecretValue().Element.StringValue(); got != secretValue {
		t.Errorf("secret value = %q", got)
	}
	attrs := p["attributes"].ObjectValue()
	if attrs["expires"].NumberValue() != float64(expires.Unix()) || attrs["notBefore"].NumberValue() != float64(notBefore.Unix()) {
		t.Errorf("attributes = %v, want expires %d notBefore %d", attrs, expires.Unix(), notBefore.Unix())
	}
	if p["contentType"].StringValue() != secrets.ClientSecretContentType {
		t.Errorf("contentType = %v", p["contentType"])
	}
	vault := m.ByType(vaultToken)[0]
	if !slices.Contains(sec[0].Dependencies, vault.URN) || sec[0].Inputs["vaultName"].StringValue() != "kv-test-abcde" {
		t.Errorf("secret must take the vault name from the vault's output: deps %v", sec[0].Dependencies)
	}
	for _, r := range m.Resources() {
		if mocks.ContainsPlain(r.Inputs, secretValue) || mocks.ContainsPlain(r.Outputs, secretValue) {
			t.Errorf("%s: secret value appears unmasked", r.URN)
		}
	}
}

func TestLeastPrivilegeRoleAssignments(t *testing.T) {
	m := run(t, "prod", nil)
	vault, secret := m.ByType(vaultToken)[0], m.ByType(secretToken)[0]
	roles := m.ByType(roleToken)
	// The deployer writes the secret through ARM (control plane): it gets no data-plane role.
	if len(roles) != 1 {
		t.Fatalf("%d role assignments, want exactly the one reader", len(roles))
	}
	_ = vault
	want := map[string]struct{ role, scope, principal, kind string }{
		"platform-secret-reader-platform-sp": {azrbac.KeyVaultSecretsUser.GUID, secret.ID, "sp-object-id", "ServicePrincipal"},
	}
	for _, r := range roles {
		w, ok := want[r.Name]
		if !ok {
			t.Errorf("unexpected role assignment %s", r.Name)
			continue
		}
		if got := r.Inputs["roleDefinitionId"].StringValue(); got != azrbac.DefinitionID(mocks.SubscriptionID, azrbac.Role{GUID: w.role}) {
			t.Errorf("%s roleDefinitionId = %s", r.Name, got)
		}
		if got := r.Inputs["scope"].StringValue(); got != w.scope {
			t.Errorf("%s scope = %s, want %s", r.Name, got, w.scope)
		}
		if r.Inputs["principalId"].StringValue() != w.principal {
			t.Errorf("%s principalId = %v", r.Name, r.Inputs["principalId"])
		}
		if got := r.Inputs["principalType"].StringValue(); got != w.kind {
			t.Errorf("%s principalType = %q, want %q", r.Name, got, w.kind)
		}
	}
}

func TestDiagnosticsFollowTheVault(t *testing.T) {
	m := run(t, "dev", nil)
	diag, ok := m.Find("azure-native:insights:DiagnosticSetting", "platform-diagnostics")
	if !ok {
		t.Fatal("no diagnostic setting")
	}
	vault := m.ByType(vaultToken)[0]
	if diag.Inputs["resourceUri"].StringValue() != vault.ID || !slices.Contains(diag.Dependencies, vault.URN) {
		t.Errorf("diagnostic setting resourceUri = %v deps %v", diag.Inputs["resourceUri"], diag.Dependencies)
	}
	logs := diag.Inputs["logs"].ArrayValue()
	if len(logs) != 1 || logs[0].ObjectValue()["categoryGroup"].StringValue() != "allLogs" {
		t.Errorf("logs = %v", logs)
	}
	none := run(t, "dev", func(a *secrets.VaultArgs) { a.LogAnalyticsWorkspaceID = nil })
	if len(none.ByType("azure-native:insights:DiagnosticSetting")) != 0 {
		t.Error("diagnostic setting created without a workspace")
	}
}

func TestInvalidArgs(t *testing.T) {
	for name, mutate := range map[string]func(*secrets.VaultArgs){
		"no expiry":     func(a *secrets.VaultArgs) { a.SecretExpires = time.Time{} },
		"expiry first":  func(a *secrets.VaultArgs) { a.SecretExpires = notBefore.Add(-time.Hour) },
		"no tenant":     func(a *secrets.VaultArgs) { a.TenantID = "" },
		"no vault name": func(a *secrets.VaultArgs) { a.VaultName = nil },
		"no value":      func(a *secrets.VaultArgs) { a.SecretValue = pulumi.StringOutput{} },
		"bad reader type": func(a *secrets.VaultArgs) {
			a.Readers = []secrets.Reader{{Key: "x", PrincipalID: pulumi.String("x")}}
		},
		"reader without key": func(a *secrets.VaultArgs) {
			a.Readers = []secrets.Reader{{PrincipalID: pulumi.String("x"), PrincipalType: azrbac.Group}}
		},
		"reader key twice": func(a *secrets.VaultArgs) {
			r := secrets.Reader{Key: "x", PrincipalID: pulumi.String("x"), PrincipalType: azrbac.Group}
			a.Readers = []secrets.Reader{r, r}
		},
	} {
		t.Run(name, func(t *testing.T) {
			s := stacktest.Settings(t, "dev")
			m, err := stacktest.Run(t, "dev", func(ctx *pulumi.Context) error {
				args := &secrets.VaultArgs{ResourceGroupName: pulumi.String("rg"), Location: "westeurope", VaultName: pulumi.String("kv"),
					TenantID: mocks.TenantID, SubscriptionID: mocks.SubscriptionID, SKU: s.KeyVault.SKU, SoftDeleteRetentionDays: s.KeyVault.SoftDeleteRetentionDays, SecretName: "x",
					SecretValue: pulumi.ToSecret(pulumi.String("v")).(pulumi.StringOutput), SecretNotBefore: notBefore, SecretExpires: expires,
				}
				mutate(args)
				_, err := secrets.NewVault(ctx, "platform", args)
				return err
			})
			if err == nil || !strings.Contains(err.Error(), "secrets.NewVault") {
				t.Fatalf("err = %v", err)
			}
			if n := len(m.Resources()); n != 0 {
				t.Errorf("%d resources registered despite invalid args", n)
			}
		})
	}
}

// Reader assignments are named by each principal's stable key: reordering the readers must
// leave every logical name (and so every assignment) as it was, and more than 26 readers work.
func TestReaderAssignmentsAreKeyedByPrincipal(t *testing.T) {
	groups := make([]secrets.Reader, 30)
	for i := range groups {
		id := fmt.Sprintf("00000000-0000-0000-0000-%012d", i)
		groups[i] = secrets.Reader{Key: id, PrincipalID: pulumi.String(id), PrincipalType: azrbac.Group}
	}
	names := func(readers []secrets.Reader) map[string]string {
		m := run(t, "prod", func(a *secrets.VaultArgs) { a.Readers = readers })
		out := map[string]string{}
		for _, r := range m.ByType(roleToken) {
			out[r.Name] = r.Inputs["principalId"].StringValue()
		}
		return out
	}
	forward := names(groups)
	if len(forward) != 30 {
		t.Fatalf("%d reader assignments, want 30", len(forward))
	}
	reversed := make([]secrets.Reader, len(groups))
	for i, g := range groups {
		reversed[len(groups)-1-i] = g
	}
	if back := names(reversed); !reflect.DeepEqual(forward, back) {
		t.Errorf("reordering the readers changed their assignments:\n%v\n%v", forward, back)
	}
	for name, principal := range forward {
		if name != "platform-secret-reader-"+principal {
			t.Errorf("assignment %s is not named by its principal %s", name, principal)
		}
	}
}
