package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/policy"
)

// planAt runs the command as a user would, on a fixed date so runs compare byte for byte.
func planAt(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(append([]string{"-dir", stacktest.Root(), "-now", "2026-11-23"}, args...), &out, &errOut)
	return out.String(), errOut.String(), code
}

type planJSON struct {
	Stack     string           `json:"stack"`
	Project   string           `json:"project"`
	Resources []map[string]any `json:"resources"`
	Outputs   map[string]any   `json:"outputs"`
	Findings  []map[string]any `json:"findings"`
}

func decode(t *testing.T, text string) planJSON {
	t.Helper()
	var p planJSON
	if err := json.Unmarshal([]byte(text), &p); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, text)
	}
	return p
}

func TestProdHasNoFindingsAndDevOnlyWaivedOnes(t *testing.T) {
	for _, stack := range []string{"prod", "dev"} {
		out, errOut, code := planAt(t, "-stack", stack, "-format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", stack, code, errOut)
		}
		p := decode(t, out)
		for _, f := range p.Findings {
			if stack == "prod" || f["waived"] != true {
				t.Errorf("%s: finding %v", stack, f)
			}
		}
		if stack == "dev" && len(p.Findings) == 0 {
			t.Error("dev relaxes posture by config; its waived findings must be listed")
		}
	}
}

func TestJSONShape(t *testing.T) {
	out, _, _ := planAt(t, "-stack", "prod", "-format", "json")
	p := decode(t, out)
	if p.Stack != "prod" || p.Project != "mlplatform" || len(p.Resources) < 40 || len(p.Outputs) < 20 {
		t.Fatalf("stack %q project %q, %d resources, %d outputs", p.Stack, p.Project, len(p.Resources), len(p.Outputs))
	}
	urns := map[string]bool{}
	for _, r := range p.Resources {
		urns[r["urn"].(string)] = true
	}
	for _, r := range p.Resources {
		for _, key := range []string{"urn", "type", "name", "parent", "custom", "protect", "inputs", "dependencies"} {
			if _, ok := r[key]; !ok {
				t.Fatalf("resource lacks %q: %v", key, r)
			}
		}
		for _, d := range r["dependencies"].([]any) {
			if !urns[d.(string)] {
				t.Errorf("%s depends on unknown %v", r["urn"], d)
			}
		}
	}
	for _, rule := range []string{"rule", "severity", "urn", "message", "waived"} {
		out, _, _ := planAt(t, "-stack", "dev", "-format", "json")
		if f := decode(t, out).Findings; len(f) > 0 {
			if _, ok := f[0][rule]; !ok {
				t.Errorf("finding lacks %q", rule)
			}
		}
	}
}

func TestSecretsAreMaskedEverywhere(t *testing.T) {
	out, _, _ := planAt(t, "-stack", "prod", "-format", "json")
	if strings.Contains(out, "mock-generated-") {
		t.Fatal("the generated client secret appears unmasked in the plan")
	}
	p := decode(t, out)
	var secretInput bool
	for _, r := range p.Resources {
		if r["type"] == "azure-native:keyvault:Secret" {
			secretInput = r["inputs"].(map[string]any)["properties"].(map[string]any)["value"] == "[secret]"
		}
	}
	if !secretInput {
		t.Error("the Key Vault secret's value is not shown as [secret]")
	}
	text, _, _ := planAt(t, "-stack", "prod")
	if strings.Contains(text, "mock-generated-") {
		t.Fatal("the generated client secret appears in the text plan")
	}
}

func TestTwoRunsPrintTheSamePlan(t *testing.T) {
	first, _, _ := planAt(t, "-stack", "prod", "-format", "json")
	second, _, _ := planAt(t, "-stack", "prod", "-format", "json")
	if first != second {
		t.Error("two runs with the same config differ")
	}
}

func TestTextPlanSections(t *testing.T) {
	out, _, code := planAt(t, "-stack", "dev")
	for _, want := range []string{"grouped by component", "mlplatform:secrets:Vault  platform", "Resources per provider", "azure-native",
		"Outputs (", "clientSecretUri", "Policy findings", "(waived: ", "Plan dev: "} {
		if !strings.Contains(out, want) {
			t.Errorf("text plan lacks %q", want)
		}
	}
	if code != 0 {
		t.Errorf("exit %d", code)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	project, err := os.ReadFile(filepath.Join(stacktest.Root(), "Pulumi.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	prod, err := os.ReadFile(filepath.Join(stacktest.Root(), "Pulumi.prod.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Pulumi.yaml", string(project))
	write("Pulumi.bad.yaml", "config:\n  mlplatform:gkeNodeMinCount: 9\n  mlplatform:gkeNodeMaxCount: 2\n  gcp:project: x\n")
	write("Pulumi.open.yaml", string(prod)+"  mlplatform:azurePrivateNetworking: false\n  mlplatform:containerRegistrySku: Premium\n")
	write("Pulumi.garbage.yaml", "config: [\x01\n  - {{{\n")
	write("Pulumi.waiver.yaml", string(prod)+"  mlplatform:policyWaivers: [\"XYZ-999: this rule does not exist\"]\n")

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-stack", "bad"}, 2, "mlplatform:gkeNodeMinCount"},
		{[]string{"-stack", "missing"}, 2, "no configuration file Pulumi.missing.yaml"},
		{[]string{"-stack", "garbage"}, 2, "Pulumi.garbage.yaml"},
		{[]string{"-stack", "waiver"}, 2, "XYZ-999"},
		{[]string{"-stack", "open"}, 1, "BLOCKED"},
		{[]string{"-stack", "prod", "-format", "yaml"}, 2, "-format"},
	} {
		var out, errOut bytes.Buffer
		code := run(append([]string{"-dir", dir, "-now", "2026-11-23"}, tc.args...), &out, &errOut)
		if code != tc.code || !strings.Contains(out.String()+errOut.String(), tc.want) {
			t.Errorf("%v: exit %d (want %d), output lacks %q:\n%s%s", tc.args, code, tc.code, tc.want, out.String(), errOut.String())
		}
		if strings.Contains(errOut.String(), "goroutine ") {
			t.Errorf("%v: stack trace printed", tc.args)
		}
	}
}

func TestRulesListing(t *testing.T) {
	out, _, code := planAt(t, "-rules")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != len(policy.Rules()) || len(lines) < 40 {
		t.Fatalf("exit %d, %d lines for %d rules", code, len(lines), len(policy.Rules()))
	}
	for _, l := range lines {
		if f := strings.Split(l, "\t"); len(f) != 3 || !policy.IDPattern.MatchString(f[0]) || !policy.Severity(f[1]).Valid() || f[2] == "" {
			t.Errorf("malformed rule line %q", l)
		}
	}
}

func TestGraphFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"g.dot", "g.mmd"} {
		path := filepath.Join(dir, name)
		if _, errOut, code := planAt(t, "-stack", "prod", "-graph", path); code != 0 {
			t.Fatalf("%s: exit %d %s", name, code, errOut)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		want := map[string][]string{"g.dot": {"digraph", "subgraph cluster_", "->", "Vault\\nplatform"},
			"g.mmd": {"flowchart LR", "subgraph", "-->", "Vault<br/>platform"}}[name]
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q", name, w)
			}
		}
	}
	if _, errOut, code := planAt(t, "-stack", "prod", "-graph", filepath.Join(dir, "g.png")); code == 0 || !strings.Contains(errOut, ".dot, .mmd or .svg") {
		t.Errorf("unsupported graph extension: exit %d %s", code, errOut)
	}
}
