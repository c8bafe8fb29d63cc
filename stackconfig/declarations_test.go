package stackconfig_test

import (
	"reflect"
	"testing"

	"github.com/example/mlplatform/stackconfig"
)

// Declarations keep Pulumi.yaml's order (not the alphabetical one) and its types and defaults.
func TestDeclarationsKeepFileOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "Pulumi.yaml", "name: demo\nruntime: go\nconfig:\n"+
		"  zeta:\n    type: integer\n    default: 3\n    description: Last letter, first key.\n"+
		"  alpha:\n    type: array\n    items:\n      type: string\n    default: [a, b]\n"+
		"  mid:\n    type: string\n    secret: true\n")
	got, err := stackconfig.Declarations(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []stackconfig.Declaration{
		{Key: "zeta", Qualified: "demo:zeta", Type: "integer", Default: 3, HasDefault: true, Description: "Last letter, first key."},
		{Key: "alpha", Qualified: "demo:alpha", Type: "array of string", Default: []any{"a", "b"}, HasDefault: true},
		{Key: "mid", Qualified: "demo:mid", Type: "string", Secret: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Declarations =\n%#v\nwant\n%#v", got, want)
	}
}

func TestDeclarationsOfAProjectWithoutConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "Pulumi.yaml", "name: demo\nruntime: go\n")
	got, err := stackconfig.Declarations(dir)
	if err != nil || len(got) != 0 {
		t.Errorf("Declarations = %v, %v; want none", got, err)
	}
}

// StackValues are what the stack file itself sets: no project default, secrets not decrypted.
func TestStackValuesAreTheFileOnly(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "Pulumi.yaml", "name: demo\nruntime: go\nconfig:\n  count:\n    type: integer\n    default: 3\n  other:\n    type: string\n    default: x\n")
	write(t, dir, "Pulumi.s.yaml", "config:\n  demo:count: \"5\"\n  gcp:region: europe-west4\n  demo:list: [x, y]\n  demo:token:\n    secure: AAABAJ\n")
	got, err := stackconfig.StackValues(dir, "s")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"demo:count": "5", "gcp:region": "europe-west4", "demo:list": []any{"x", "y"},
		"demo:token": stackconfig.Placeholder}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("StackValues = %#v, want %#v", got, want)
	}
	if _, err := stackconfig.StackValues(dir, "missing"); err == nil {
		t.Error("a missing stack file gave no error")
	}
}
