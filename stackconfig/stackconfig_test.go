package stackconfig_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stackconfig"
)

func TestRendersValuesAsPulumiDoes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "Pulumi.yaml", "name: demo\nruntime: go\nconfig:\n  count:\n    type: integer\n    default: 3\n  list:\n    type: array\n    items:\n      type: string\n    default: [a, b]\n")
	write(t, dir, "Pulumi.s.yaml", "config:\n  demo:count: 5\n  gcp:region: europe-west4\n  demo:list: [x]\n  aws:password:\n    secure: AAABAJ\n")
	c, err := stackconfig.Load(dir, "s")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"demo:count": "5", "demo:list": `["x"]`, "gcp:region": "europe-west4", "aws:password": "[secret]"}
	for k, v := range want {
		if c.Values[k] != v {
			t.Errorf("%s = %q, want %q", k, c.Values[k], v)
		}
	}
	if len(c.SecretKeys) != 1 || c.SecretKeys[0] != "aws:password" {
		t.Errorf("secret keys %v", c.SecretKeys)
	}
}

// FuzzLoad: whatever a stack file holds, loading and validating never panics.
func FuzzLoad(f *testing.F) {
	project, err := os.ReadFile(filepath.Join("..", "Pulumi.yaml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"config:\n  mlplatform:gkeNodeMinCount: 2\n", "config: [1,2]\n", "config:\n  gcp:project: {a: b}\n",
		"config:\n  mlplatform:policyWaivers: {x: 1}\n", "\t\x00", "config:\n  mlplatform:namePrefix: !!binary aGk=\n", "config:\n  : 1\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, stackYAML string) {
		dir := t.TempDir()
		write(t, dir, "Pulumi.yaml", string(project))
		write(t, dir, "Pulumi.fuzz.yaml", stackYAML)
		c, err := stackconfig.Load(dir, "fuzz")
		if err != nil {
			return
		}
		_, _ = settings.Load(c.Project, c.Stack, c.Lookup)
	})
}

func write(t testing.TB, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
