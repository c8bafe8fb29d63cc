package contract_test

import (
	"os"
	"reflect"
	"sort"
	"strings"
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

// The README's outputs table must list every output of the contract.
func TestReadmeDocumentsEveryOutput(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range contract.Outputs {
		if !strings.Contains(string(readme), "| `"+o.Name+"` |") {
			t.Errorf("README's outputs table lacks %s", o.Name)
		}
	}
}
