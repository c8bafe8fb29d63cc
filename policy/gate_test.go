package policy

import (
	"strings"
	"testing"
	"time"

	"github.com/example/mlplatform/settings"
)

func TestGate(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	openVault := res(tVault, "platform", set(set(vault(), "properties.publicNetworkAccess", "Enabled"), "properties.networkAcls.defaultAction", "Allow"))
	resources := compliantAzure([]Resource{openVault}) // tagged, with its diagnostic setting
	s := &settings.Settings{Common: settings.Common{ProtectStateful: true}, KeyVault: settings.KeyVault{SKU: "premium"},
		Azure: settings.Azure{PrivateNetworking: true, StorageReplication: "Standard_ZRS", ContainerRegistrySKU: "Premium", LogRetentionDays: 365},
		ML:    settings.ML{HighBusinessImpact: true, ManagedNetworkIsolation: "AllowOnlyApprovedOutbound"},
		Entry: settings.Entry{Armor: settings.Armor{OWASPRules: true}}}
	gate := func(now string, waivers ...settings.Waiver) ([]Finding, []WaiverProblem) {
		s.Waivers = waivers
		return Gate(resources, nil, s, day(now))
	}
	problems := func(ps []WaiverProblem) string {
		var b strings.Builder
		for _, p := range ps {
			b.WriteString(p.String() + "\n")
		}
		return b.String()
	}

	t.Run("a live waiver covers its findings", func(t *testing.T) {
		w := settings.Waiver{Rule: "AKV-004", Resource: "platform", Until: day("2027-03-31"), Reason: "dev vault reachable"}
		w6 := settings.Waiver{Rule: "AKV-006", Resource: "*", Reason: "no private endpoints"}
		fs, ps := gate("2027-03-31", w, w6) // the last day still holds
		if len(ps) != 0 || len(Unwaived(fs)) != 0 {
			t.Errorf("problems %s; open %v", problems(ps), Unwaived(fs))
		}
	})
	t.Run("an expired waiver opens its findings and fails the gate", func(t *testing.T) {
		w := settings.Waiver{Rule: "AKV-004", Resource: "platform", Until: day("2027-03-31"), Reason: "dev vault reachable"}
		fs, ps := gate("2027-04-01", w)
		if len(ps) != 1 || !strings.Contains(ps[0].Problem, "expired on 2027-03-31") {
			t.Errorf("problems: %s", problems(ps))
		}
		if len(ofRule(Unwaived(fs), "AKV-004")) != 1 {
			t.Error("the expired waiver's finding must be open again")
		}
	})
	t.Run("a waiver covering nothing fails the gate", func(t *testing.T) {
		_, ps := gate("2027-01-01", settings.Waiver{Rule: "AKV-004", Resource: "other-vault", Reason: "names another vault"},
			settings.Waiver{Rule: "AKV-002", Resource: "*", Reason: "purge protection is on anyway"})
		if len(ps) != 2 || !strings.Contains(ps[0].Problem, "covers no finding") {
			t.Errorf("problems: %s", problems(ps))
		}
	})
	t.Run("a decision not in force fails the gate", func(t *testing.T) {
		_, ps := gate("2027-01-01", settings.Waiver{Decision: "keyVaultSku", Reason: "we thought dev used standard"})
		if len(ps) != 1 || !strings.Contains(ps[0].Problem, "not in force (keyVaultSku is premium") {
			t.Errorf("problems: %s", problems(ps))
		}
	})
	t.Run("a decision waiver covers exactly what it implies", func(t *testing.T) {
		s.KeyVault.SKU = "standard"
		defer func() { s.KeyVault.SKU = "premium" }()
		resources = compliantAzure([]Resource{res(tVault, "platform", set(vault(), "properties.sku.name", "standard"))})
		defer func() { resources = compliantAzure([]Resource{openVault}) }()
		fs, ps := gate("2027-01-01", settings.Waiver{Decision: "keyVaultSku", Reason: "dev stores no HSM keys"})
		if len(ps) != 0 || len(fs) != 1 || !fs[0].Waived || fs[0].Waiver != "keyVaultSku" {
			t.Errorf("problems %s; findings %v", problems(ps), fs)
		}
		if in := DecisionsInForce(s); len(in) != 1 || in[0].Key != "keyVaultSku" || in[0].Value != "standard" || in[0].Waiver == "" {
			t.Errorf("decisions in force: %+v", in)
		}
	})
	t.Run("a decision waives by rule and type, whatever the resource's name", func(t *testing.T) {
		s.KeyVault.SKU = "standard"
		defer func() { s.KeyVault.SKU = "premium" }()
		resources = compliantAzure([]Resource{res(tVault, "renamed-vault", set(vault(), "properties.sku.name", "standard")),
			res(tStorage, "ml-st", set(storage(), "sku.name", "Standard_LRS"))})
		defer func() { resources = compliantAzure([]Resource{openVault}) }()
		fs, _ := gate("2027-01-01", settings.Waiver{Decision: "keyVaultSku", Reason: "dev stores no HSM keys"})
		seen := map[bool]int{}
		for _, f := range fs {
			if waived := f.Rule == "AKV-007"; f.Waived != waived {
				t.Errorf("%s: waived %t, want %t (the decision covers AKV-007 on vaults only)", f, f.Waived, waived)
			}
			seen[f.Waived]++
		}
		if seen[true] != 1 || seen[false] == 0 {
			t.Errorf("want the renamed vault's AKV-007 waived and the storage account's finding open: %v", fs)
		}
	})
	t.Run("a decision whose finding no longer occurs fails the gate", func(t *testing.T) {
		s.KeyVault.SKU = "standard" // but the vault registered is premium: the table is stale
		defer func() { s.KeyVault.SKU = "premium" }()
		_, ps := gate("2027-01-01", settings.Waiver{Decision: "keyVaultSku", Reason: "dev stores no HSM keys"})
		if len(ps) != 1 || !strings.Contains(ps[0].Problem, "AKV-007@azure-native:keyvault:Vault, which matches no finding") {
			t.Errorf("problems: %s", problems(ps))
		}
	})
}

// Every decision names real rules, and a relaxed value reports itself.
func TestDecisionsAreWellFormed(t *testing.T) {
	s := &settings.Settings{KeyVault: settings.KeyVault{SKU: "standard"}, DeployerPrincipalType: "User",
		Azure: settings.Azure{StorageReplication: "Standard_LRS", ContainerRegistrySKU: "Basic", LogRetentionDays: 30},
		ML:    settings.ML{ManagedNetworkIsolation: "AllowInternetOutbound"}}
	if got := len(DecisionsInForce(s)); got != len(Decisions()) {
		t.Errorf("a fully relaxed stack has %d decisions in force, want %d", got, len(Decisions()))
	}
	for _, d := range Decisions() {
		if d.Summary == "" || len(d.Waives(s)) == 0 {
			t.Errorf("%s: needs a summary and the findings it implies", d.Key)
		}
		for _, target := range d.Waives(s) {
			rule, res, ok := strings.Cut(target, "@")
			if _, known := RuleByID(rule); !known || !ok || res == "" {
				t.Errorf("%s: bad target %q", d.Key, target)
			}
		}
	}
}
