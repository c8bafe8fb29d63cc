package stackconfig_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/stackconfig"
)

// verdict is the CLI's recorded resolution of one corpus file.
type verdict = stacktest.Verdict

// The offline resolution gives every corpus file (tricky YAML, types, secrets, imports) and
// every committed stack file the CLI's verdict and the CLI's values. `make e2e` re-records
// cli.json from the CLI itself and fails if the recording is stale.
func TestCorpusMatchesTheCLIsResolution(t *testing.T) {
	data, err := os.ReadFile("testdata/corpus/cli.json")
	if err != nil {
		t.Fatal(err)
	}
	var cli map[string]verdict
	if err := json.Unmarshal(data, &cli); err != nil {
		t.Fatal(err)
	}
	if len(cli) < 32 {
		t.Fatalf("only %d recorded cases", len(cli))
	}
	for name, want := range cli {
		t.Run(name, func(t *testing.T) {
			dir, stack := corpusStack(t, name)
			c, err := stackconfig.Load(dir, stack)
			if (err == nil) != want.Accept {
				t.Fatalf("offline accepts=%v (err %v); the CLI accepts=%v (%s)", err == nil, err, want.Accept, want.Error)
			}
			if err != nil {
				return
			}
			for k, v := range want.Values {
				if got, ok := c.Values[k]; !ok || got != v {
					t.Errorf("%s = %q (set %v); the CLI gives %q", k, got, ok, v)
				}
			}
			var secret []string
			for _, k := range c.SecretKeys {
				if _, asked := want.Values[k]; !asked {
					secret = append(secret, k)
				}
			}
			sort.Strings(secret)
			if strings.Join(secret, ",") != strings.Join(want.Secret, ",") {
				t.Errorf("secret keys %v; the CLI's %v", secret, want.Secret)
			}
			for _, k := range want.Secret {
				if !c.IsSecret(k) {
					t.Errorf("%s is secret for the CLI, not offline", k)
				}
			}
		})
	}
}

// corpusStack lays a recorded case out as a project: the repository's Pulumi.yaml beside the
// case's stack file.
func corpusStack(t *testing.T, name string) (string, string) {
	t.Helper()
	src := filepath.Join("..", "Pulumi."+strings.TrimPrefix(name, "repo-")+".yaml")
	if !strings.HasPrefix(name, "repo-") {
		matches, _ := filepath.Glob(filepath.Join("testdata", "corpus", strings.TrimPrefix(name, "c")+"-*.yaml"))
		if len(matches) != 1 {
			t.Fatalf("case %s: %v", name, matches)
		}
		src = matches[0]
	}
	dir := t.TempDir()
	for from, to := range map[string]string{filepath.Join("..", "Pulumi.yaml"): "Pulumi.yaml", src: "Pulumi." + name + ".yaml"} {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, to), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, name
}
