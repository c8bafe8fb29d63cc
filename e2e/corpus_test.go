//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"gopkg.in/yaml.v3"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/stackconfig"
)

// verdict is the CLI's recorded resolution of one corpus file.
type verdict = stacktest.Verdict

const corpusDir = "stackconfig/testdata/corpus"

// TestCorpusMatchesCLI records the CLI's own resolution of every corpus file and of the
// committed stack files (an inline program that echoes its config), and requires it to equal
// the recording in cli.json, which `make test` compares with stackconfig.Load. UPDATE_CORPUS=1
// rewrites the recording.
func TestCorpusMatchesCLI(t *testing.T) {
	files := corpusFiles(t)
	dir := project(t, nil)
	got := map[string]verdict{}
	for name, path := range files {
		copyFile(t, path, filepath.Join(dir, "Pulumi."+name+".yaml"))
		got[name] = cliVerdict(t, dir, name, candidates(t, dir, name, path))
	}
	golden := filepath.Join(root, corpusDir, "cli.json")
	if os.Getenv("UPDATE_CORPUS") == "1" {
		data, _ := json.MarshalIndent(got, "", "  ")
		if err := os.WriteFile(golden, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]verdict
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	for name, v := range got {
		if w := want[name]; w.Accept != v.Accept || !reflect.DeepEqual(w.Values, v.Values) || !reflect.DeepEqual(w.Secret, v.Secret) {
			t.Errorf("%s: the CLI resolves %+v; cli.json records %+v (UPDATE_CORPUS=1 rewrites it)", name, v, w)
		}
	}
	if len(want) != len(got) {
		t.Errorf("cli.json has %d cases, the corpus %d", len(want), len(got))
	}
	note("config corpus: %d stack files resolved by the CLI as recorded in cli.json", len(got))
}

// corpusFiles maps a stack name to its file: the corpus and the committed stack files.
func corpusFiles(t *testing.T) map[string]string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(root, corpusDir, "*.yaml"))
	out := map[string]string{}
	for _, p := range paths {
		out["c"+strings.SplitN(filepath.Base(p), "-", 2)[0]] = p
	}
	for _, s := range stackconfig.Stacks(root) {
		out["repo-"+s] = filepath.Join(root, "Pulumi."+s+".yaml")
	}
	if len(out) < 32 {
		t.Fatalf("corpus has %d files", len(out))
	}
	return out
}

// candidates are the keys to ask the program about: the declared ones and every key the
// file names, namespaced as the CLI does.
func candidates(t *testing.T, dir, name, path string) []string {
	t.Helper()
	keys := map[string]bool{}
	var raw struct {
		Config map[string]any `yaml:"config"`
	}
	data, _ := os.ReadFile(path)
	_ = yaml.Unmarshal(data, &raw)
	for k := range raw.Config {
		if !strings.Contains(k, ":") {
			k = "mlplatform:" + k
		}
		keys[k] = true
	}
	if cfg, err := stackconfig.Load(root, "prod"); err == nil {
		for _, k := range cfg.Declared {
			keys[k] = true
		}
	}
	out := make([]string, 0, len(keys))
	for k := range keys {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func cliVerdict(t *testing.T, dir, name string, keys []string) verdict {
	t.Helper()
	v := verdict{Values: map[string]string{}}
	echo := func(ctx *pulumi.Context) error {
		for _, k := range keys {
			if val, ok := ctx.GetConfig(k); ok {
				if ctx.IsConfigSecret(k) {
					v.Secret = append(v.Secret, k)
				} else {
					v.Values[k] = val
				}
			}
		}
		return nil
	}
	stk, err := openStack(t, dir, name, echo)
	if err != nil {
		return verdict{Error: firstLine(err.Error())}
	}
	r := preview(t, stk)
	if r.err != nil {
		return verdict{Error: firstLine(r.output + "\n" + r.err.Error())}
	}
	v.Accept = true
	sort.Strings(v.Secret)
	return v
}
