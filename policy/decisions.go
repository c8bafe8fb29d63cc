package policy

import (
	"sort"
	"strconv"

	"github.com/example/mlplatform/settings"
)

// Decision is one named relaxation: a configuration key whose value, when it is weaker than
// the secure default, implies a fixed set of findings. A stack accepts all of them with one
// waiver naming the key ("azurePrivateNetworking: reason"); the gate expands that waiver to
// exactly the findings listed here and fails when one of them no longer occurs, so this
// table stays true.
type Decision struct {
	Key     string // the configuration key (without the project prefix)
	Summary string // what the relaxed value accepts
	// Relaxed returns the key's value and whether it is weaker than the secure default.
	Relaxed func(s *settings.Settings) (value string, relaxed bool)
	// Waives lists the findings the relaxed value implies, as "RULE@type-token" (see ruleOn) or
	// "RULE@*".
	Waives func(s *settings.Settings) []string
}

// InForce is a decision in force on a stack: its key holds a relaxed value.
type InForce struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Summary string `json:"summary"`
	Waiver  string `json:"waiver,omitempty"` // the stack's waiver for it; empty when none
}

// ruleOn names a finding a decision implies by rule and resource type ("AKV-006@azure-native:keyvault:Vault"),
// never by a component's resource name: a relaxed value relaxes every resource of that type.
func ruleOn(rule, typ string) string { return rule + "@" + typ }

func fixed(targets ...string) func(*settings.Settings) []string {
	return func(*settings.Settings) []string { return targets }
}

var decisions = []Decision{
	{Key: "azurePrivateNetworking", Summary: "Azure data planes, logs and telemetry keep public endpoints (no private endpoints, no Azure Monitor Private Link Scope); the ML workspace's compute may reach the internet",
		Relaxed: func(s *settings.Settings) (string, bool) {
			return strconv.FormatBool(s.Azure.PrivateNetworking), !s.Azure.PrivateNetworking
		},
		Waives: func(s *settings.Settings) []string {
			out := []string{ruleOn("AKV-006", keyVaultType), ruleOn("AAC-004", configStoreType), ruleOn("AML-003", mlWorkspaceType),
				ruleOn("AST-004", storageAccountType), ruleOn("AST-006", storageAccountType), ruleOn("ACR-004", containerRegType),
				ruleOn("ALA-004", logAnalyticsType), ruleOn("ALA-004", appInsightsType)}
			if len(s.Azure.AllowedIPRanges) == 0 { // no IP allow-list: every address may connect
				out = append(out, ruleOn("AKV-004", keyVaultType), ruleOn("AST-005", storageAccountType))
			}
			if len(s.Azure.AllowedIPRanges) == 0 || s.Azure.ContainerRegistrySKU != "Premium" {
				out = append(out, ruleOn("ACR-003", containerRegType)) // only Premium registries have a firewall
			}
			if s.ML.ManagedNetworkIsolation == "AllowInternetOutbound" {
				out = append(out, ruleOn("AML-005", mlWorkspaceType))
			}
			return out
		}},
	{Key: "protectStatefulResources", Summary: "the environment is disposable: no protect or deletion protection, shortest soft-delete retention, no App Configuration purge protection",
		Relaxed: func(s *settings.Settings) (string, bool) {
			return strconv.FormatBool(s.ProtectStateful), !s.ProtectStateful
		},
		Waives: fixed("OPS-001@*", ruleOn("GKE-013", clusterType), ruleOn("AKV-005", keyVaultType), ruleOn("AAC-002", configStoreType), ruleOn("AAC-003", configStoreType))},
	{Key: "keyVaultSku", Summary: "the vault cannot hold HSM-backed keys",
		Relaxed: func(s *settings.Settings) (string, bool) { return s.KeyVault.SKU, s.KeyVault.SKU != "premium" },
		Waives:  fixed(ruleOn("AKV-007", keyVaultType))},
	{Key: "storageReplication", Summary: "ML data lives in one datacenter",
		Relaxed: func(s *settings.Settings) (string, bool) {
			r := s.Azure.StorageReplication
			return r, len(r) > 4 && r[len(r)-4:] == "_LRS"
		},
		Waives: fixed(ruleOn("AST-007", storageAccountType))},
	{Key: "containerRegistrySku", Summary: "the registry lacks private endpoints, firewall and geo-replication",
		Relaxed: func(s *settings.Settings) (string, bool) {
			return s.Azure.ContainerRegistrySKU, s.Azure.ContainerRegistrySKU != "Premium"
		},
		Waives: fixed(ruleOn("ACR-005", containerRegType))},
	{Key: "logRetentionDays", Summary: "logs are kept less than the 90 days investigations need",
		Relaxed: func(s *settings.Settings) (string, bool) {
			return strconv.Itoa(s.Azure.LogRetentionDays), s.Azure.LogRetentionDays < 90
		},
		Waives: fixed(ruleOn("ALA-001", logAnalyticsType))},
	{Key: "mlHighBusinessImpact", Summary: "Microsoft collects full diagnostics from the ML workspace and scratch disks are not encrypted",
		Relaxed: func(s *settings.Settings) (string, bool) {
			return strconv.FormatBool(s.ML.HighBusinessImpact), !s.ML.HighBusinessImpact
		},
		Waives: fixed(ruleOn("AML-002", mlWorkspaceType))},
	{Key: "armorOwaspRules", Summary: "Cloud Armor does not block the preconfigured OWASP rules (SQLi, XSS, ...) in front of the microservice",
		Relaxed: func(s *settings.Settings) (string, bool) {
			return strconv.FormatBool(s.Entry.Armor.OWASPRules), !s.Entry.Armor.OWASPRules
		},
		Waives: fixed(ruleOn("ARMOR-003", armorType))},
	{Key: "deployerPrincipalType", Summary: "the deployer is an individual user (a laptop), so its App Configuration Data Owner grant names a user, not a group or service principal",
		Relaxed: func(s *settings.Settings) (string, bool) {
			return s.DeployerPrincipalType, s.DeployerPrincipalType == "User"
		},
		Waives: fixed(ruleOn("RBAC-003", roleAssignmentType))},
}

// Decisions returns every decision, sorted by key.
func Decisions() []Decision {
	out := append([]Decision(nil), decisions...)
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// DecisionByKey returns the decision named by a configuration key.
func DecisionByKey(key string) (Decision, bool) {
	for _, d := range decisions {
		if d.Key == key {
			return d, true
		}
	}
	return Decision{}, false
}

func decisionKeys() []string {
	var keys []string
	for _, d := range Decisions() {
		keys = append(keys, d.Key)
	}
	return keys
}

// DecisionsInForce lists the decisions whose key holds a relaxed value on s, with the
// stack's waiver for each (if any).
func DecisionsInForce(s *settings.Settings) []InForce {
	var out []InForce
	for _, d := range Decisions() {
		value, relaxed := d.Relaxed(s)
		if !relaxed {
			continue
		}
		in := InForce{Key: d.Key, Value: value, Summary: d.Summary}
		for _, w := range s.Waivers {
			if w.Decision == d.Key {
				in.Waiver = w.String()
			}
		}
		out = append(out, in)
	}
	return out
}
