package kit

import (
	"strings"
	"testing"
)

// Each side of each bound of the rules the configuration's names are checked against, as
// literals (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
func TestARMNameBounds(t *testing.T) {
	for _, c := range []struct {
		token, name string
		valid       bool
	}{
		{"azure-native:keyvault:Vault", "kv1", true},
		{"azure-native:keyvault:Vault", "kv", false},
		{"azure-native:keyvault:Vault", "k" + strings.Repeat("v", 23), true},
		{"azure-native:keyvault:Vault", "k" + strings.Repeat("v", 24), false},
		{"azure-native:keyvault:Vault", "kv--mlp", false},
		{"azure-native:keyvault:Vault", "1kv", false},
		{"azure-native:machinelearningservices:Workspace", "mlw", true},
		{"azure-native:machinelearningservices:Workspace", "ml", false},
		{"azure-native:machinelearningservices:Workspace", strings.Repeat("m", 33), true},
		{"azure-native:machinelearningservices:Workspace", strings.Repeat("m", 34), false},
		{"azure-native:machinelearningservices:Workspace", "-mlw", false},
		{"azure-native:machinelearningservices:Workspace", "mlw_dev-1", true},
		{"azure-native:storage:StorageAccount", "st" + strings.Repeat("a", 22), true},
		{"azure-native:storage:StorageAccount", "st" + strings.Repeat("a", 23), false},
		{"azure-native:storage:StorageAccount", "stA", false},
		{"azure-native:appconfiguration:ConfigurationStore", "appcs", true},
		{"azure-native:appconfiguration:ConfigurationStore", "appc", false},
		{"azure-native:appconfiguration:ConfigurationStore", "app_cs", false},
	} {
		rule, ok := ARMNames[c.token]
		if !ok {
			t.Fatalf("no rule for %s", c.token)
		}
		if got := rule.Valid(c.name); got != c.valid {
			t.Errorf("%s %q: valid %t, want %t", c.token, c.name, got, c.valid)
		}
	}
}
