package settings

import (
	"regexp"

	"github.com/example/mlplatform/kit"
)

// SuffixLength is the length of the stable pulumi-random suffix that makes globally unique
// Azure names unique (lowercase letters and digits only).
const SuffixLength = 5

// Names derives every resource name from the prefix and the environment, so names are stable
// and each one is checked against its service's rules (see TestNamesFollowAzureRules).
type Names struct{ prefix, env, workloadSA string }

func newNames(prefix, env, workloadSA string) Names { return Names{prefix, env, workloadSA} }

func (n Names) base(sep string) string { return n.prefix + sep + n.env }

// ResourceGroup: 1-90 characters.
func (n Names) ResourceGroup() string { return "rg-" + n.base("-") }

// DisplayName is the Entra application's display name.
func (n Names) DisplayName(project string) string { return project + "-" + n.env }

// KeyVault: 3-24 letters, digits and hyphens, globally unique.
func (n Names) KeyVault(suffix string) string { return "kv-" + n.base("-") + "-" + suffix }

// StorageAccount: 3-24 lowercase letters and digits, globally unique.
func (n Names) StorageAccount(suffix string) string { return "st" + n.base("") + suffix }

// ContainerRegistry: 5-50 letters and digits, globally unique.
func (n Names) ContainerRegistry(suffix string) string { return "cr" + n.base("") + suffix }

// AppConfig: 5-50 letters, digits, '-' and '_', globally unique.
func (n Names) AppConfig(suffix string) string { return "appcs-" + n.base("-") + "-" + suffix }

// MLWorkspace: 3-33 letters, digits, '-' and '_'.
func (n Names) MLWorkspace() string { return "mlw-" + n.base("-") }

// LogAnalytics: 4-63 letters, digits and '-'.
func (n Names) LogAnalytics() string { return "log-" + n.base("-") }

// AppInsights: 1-260 characters.
func (n Names) AppInsights() string { return "appi-" + n.base("-") }

// VirtualNetwork: 2-64 characters.
func (n Names) VirtualNetwork() string { return "vnet-" + n.base("-") }

// GKE cluster: 1-40 lowercase letters, digits and '-', starting with a letter.
func (n Names) Cluster() string { return "gke-" + n.base("-") }

// Network is the GCP VPC: 1-63 lowercase letters, digits and '-'.
func (n Names) Network() string { return "vpc-" + n.base("-") }

// NodeServiceAccount is a GCP service account id: 6-30 characters.
func (n Names) NodeServiceAccount() string { return n.base("-") + "-nodes" }

// WorkloadServiceAccount is the microservice's GCP service account id: 6-30 characters.
func (n Names) WorkloadServiceAccount() string { return n.base("-") + "-" + n.workloadSA }

// NameRule is one service's naming rule.
type NameRule struct {
	Service string
	Pattern *regexp.Regexp
	Min     int
	Max     int
}

// armRule is the ARM naming table's rule for a type token.
func armRule(service, token string) NameRule {
	r := kit.ARMNames[token]
	return NameRule{service, r.Pattern, r.Min, r.Max}
}

// Valid reports whether name satisfies the rule.
func (r NameRule) Valid(name string) bool {
	return len(name) >= r.Min && len(name) <= r.Max && r.Pattern.MatchString(name)
}

// The Azure rules come from the one ARM naming table (kit.ARMNames), which policy checks every
// registered name against too; the GCP ones from cloud.google.com's resource-name docs.
var (
	KeyVaultRule       = armRule("Key Vault", "azure-native:keyvault:Vault")
	StorageAccountRule = armRule("Storage account", "azure-native:storage:StorageAccount")
	RegistryRule       = armRule("Container registry", "azure-native:containerregistry:Registry")
	AppConfigRule      = armRule("App Configuration", "azure-native:appconfiguration:ConfigurationStore")
	MLWorkspaceRule    = armRule("ML workspace", "azure-native:machinelearningservices:Workspace")
	LogAnalyticsRule   = armRule("Log Analytics workspace", "azure-native:operationalinsights:Workspace")
	ClusterRule        = NameRule{"GKE cluster", regexp.MustCompile(`^[a-z]([-a-z0-9]*[a-z0-9])?$`), 1, 40}
	ServiceAccountRule = NameRule{"Google service account", regexp.MustCompile(`^[a-z]([-a-z0-9]*[a-z0-9])$`), 6, 30}
)

// checkNames rejects a prefix or stack name whose derived names break a service's rules,
// assuming the longest random suffix.
func (r *reader) checkNames(s *Settings) {
	n := newNames(s.NamePrefix, s.Env, s.Workload.ServiceAccount)
	suffix := "z0000"[:SuffixLength]
	for _, c := range []struct {
		rule NameRule
		name string
	}{
		{KeyVaultRule, n.KeyVault(suffix)}, {StorageAccountRule, n.StorageAccount(suffix)},
		{RegistryRule, n.ContainerRegistry(suffix)}, {AppConfigRule, n.AppConfig(suffix)},
		{MLWorkspaceRule, n.MLWorkspace()}, {LogAnalyticsRule, n.LogAnalytics()},
		{ClusterRule, n.Cluster()}, {ServiceAccountRule, n.NodeServiceAccount()},
	} {
		if !c.rule.Valid(c.name) {
			r.fail("namePrefix", s.NamePrefix, "derives %s name %q, which breaks Azure/GCP rules (%d-%d characters, pattern %s)",
				c.rule.Service, c.name, c.rule.Min, c.rule.Max, c.rule.Pattern)
		}
	}
}
