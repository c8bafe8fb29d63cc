package contract_test

import (
	"reflect"
	"sort"
	"testing"

	"github.com/example/mlplatform/contract"
)

func TestPlatformFieldsCoverTheContract(t *testing.T) {
	var declared, tagged []string
	seen := map[string]bool{}
	for _, o := range contract.Outputs {
		if seen[o.Name] || o.Name == "" || o.Description == "" {
			t.Errorf("output %q is duplicated or undocumented", o.Name)
		}
		seen[o.Name] = true
		declared = append(declared, o.Name)
	}
	typ := reflect.TypeOf(contract.Platform{})
	for i := 0; i < typ.NumField(); i++ {
		tagged = append(tagged, typ.Field(i).Tag.Get("output"))
	}
	sort.Strings(declared)
	sort.Strings(tagged)
	if !reflect.DeepEqual(declared, tagged) {
		t.Errorf("contract.Outputs %v\nPlatform tags %v", declared, tagged)
	}
}
