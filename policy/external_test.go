package policy

import (
	"slices"
	"testing"
)

// externalFailures are resources an external check is known to fail, read from that check's
// own source. A rule that lists the check in External claims to implement it, so it must fail
// them too; a rule that accepts one of them implements something else and must not claim the id
// (docs/policy-coverage.md then says how the check is decided).
var externalFailures = map[string][]scenario{
	// Checkov StorageAccountsUseReplication (checkov/terraform/checks/resource/azure/
	// StorageAccountsUseReplication.py): expected values GRS, RAGRS, GZRS, RAGZRS, so zone-
	// redundant storage fails it as locally redundant storage does.
	"CKV_AZURE_206": {v(tStorage, storage, "sku.name", "Standard_ZRS"), v(tStorage, storage, "sku.name", "Standard_LRS")},
	// PSRule Azure.Storage.UseReplication: "Storage Accounts using the LRS SKU are only
	// replicated within a single zone".
	"Azure.Storage.UseReplication": {v(tStorage, storage, "sku.name", "Standard_LRS")},
}

func TestRulesFailWhatTheirExternalChecksFail(t *testing.T) {
	for id, failing := range externalFailures {
		for _, rule := range Rules() {
			if !slices.Contains(rule.External, id) {
				continue
			}
			for i, s := range failing {
				if len(ofRule(EvaluateWith(s.deployer, s.clock, s.resources, s.outputs, nil), rule.ID)) == 0 {
					t.Errorf("%s claims %s, but accepts resource %d that %s fails", rule.ID, id, i, id)
				}
			}
		}
	}
}
