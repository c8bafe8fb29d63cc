package azure_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/example/mlplatform/azure"
	"github.com/example/mlplatform/policy"
	"github.com/example/mlplatform/settings"
)

// TAG-001 requires the keys Tags sets; the two lists must not drift apart.
func TestTagsAreThePolicyStandardTags(t *testing.T) {
	var keys []string
	for k := range azure.Tags(settings.Common{Env: "prod", OwnerEmail: "o@example.com", Project: "p"}) {
		keys = append(keys, k)
	}
	want := policy.StandardTags()
	sort.Strings(keys)
	sort.Strings(want)
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("azure.Tags sets %v; policy TAG-001 requires %v", keys, want)
	}
}
