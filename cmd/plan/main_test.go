package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
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
		for _, key := range []string{"urn", "type", "name", "parent", "custom", "protect", "inputs", "dependencies", "dependsOn", "provider"} {
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
	write("Pulumi.open.yaml", string(prod)+"  mlplatform:azurePrivateNetworking: false\n  mlplatform:crossCloudNetwork: false\n  mlplatform:containerRegistrySku: Premium\n")
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

// The critical-path tests live here rather than in package plan: every test binary that
// imports plan links every cloud SDK (≈ 7 s and 2 GB per link), and this one does already.

type criticalJSON struct {
	Resources []struct {
		URN          string   `json:"urn"`
		Type         string   `json:"type"`
		Parent       string   `json:"parent"`
		Custom       bool     `json:"custom"`
		Dependencies []string `json:"dependencies"`
		DependsOn    []string `json:"dependsOn"`
		Provider     string   `json:"provider"`
	} `json:"resources"`
	CriticalPath *plan.CriticalPath `json:"criticalPath"`
}

func criticalPlan(t *testing.T, stack string) (criticalJSON, string) {
	t.Helper()
	out, errOut, code := planAt(t, "-stack", stack, "-format", "json", "-critical-path")
	if code != 0 {
		t.Fatalf("%s: exit %d: %s", stack, code, errOut)
	}
	var p criticalJSON
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatal(err)
	}
	if p.CriticalPath == nil {
		t.Fatalf("%s: no criticalPath in the JSON document", stack)
	}
	return p, out
}

func TestCriticalPathIsAConnectedChainThatSumsUp(t *testing.T) {
	for _, stack := range []string{"prod", "dev"} {
		p, out := criticalPlan(t, stack)
		cp := p.CriticalPath
		if len(cp.Chain) < 2 || cp.TotalSeconds <= 0 {
			t.Fatalf("%s: chain %v, total %v", stack, cp.Chain, cp.TotalSeconds)
		}
		if len(cp.DefaultedTypes) > 0 {
			t.Errorf("%s: add typical creation times to plan/durations.go for %v", stack, cp.DefaultedTypes)
		}
		type res = struct {
			parent, provider string
			deps             []string
		}
		byURN := map[string]res{}
		for _, r := range p.Resources {
			byURN[r.URN] = res{r.Parent, r.Provider, r.Dependencies}
		}
		// waitsFor: b is among a's dependencies, directly or inside a component a depends on,
		// or is a's provider or parent.
		waitsFor := func(a, b string) bool {
			if grant, ok := strings.CutSuffix(a, "#in-effect"); ok { // a grant taking effect
				return b == grant
			}
			b = strings.TrimSuffix(b, "#in-effect") // received through an input
			ra := byURN[a]
			if ra.provider == b || ra.parent == b {
				return true
			}
			for _, d := range ra.deps {
				for anc := b; anc != ""; anc = byURN[anc].parent {
					if d == anc {
						return true
					}
				}
			}
			return false
		}
		for _, chain := range [][]plan.Step{cp.Chain, cp.LowerBoundChain} {
			var sum float64
			for i, s := range chain {
				sum += s.Seconds
				if s.FinishSeconds != sum {
					t.Errorf("%s: step %d %s finishes at %v, cumulative sum is %v", stack, i, s.Name, s.FinishSeconds, sum)
				}
				if i > 0 && !waitsFor(s.URN, chain[i-1].URN) {
					t.Errorf("%s: step %s does not wait for the previous step %s", stack, s.URN, chain[i-1].URN)
				}
				if (i == 0) != (s.Via == "") {
					t.Errorf("%s: step %d via %q", stack, i, s.Via)
				}
			}
			if last := chain[len(chain)-1].FinishSeconds; last != sum {
				t.Errorf("%s: chain ends at %v, sums to %v", stack, last, sum)
			}
		}
		if cp.Chain[len(cp.Chain)-1].FinishSeconds != cp.TotalSeconds {
			t.Errorf("%s: total %v is not where the chain ends", stack, cp.TotalSeconds)
		}
		if cp.LowerBoundSeconds > cp.TotalSeconds {
			t.Errorf("%s: lower bound %v above total %v", stack, cp.LowerBoundSeconds, cp.TotalSeconds)
		}
		if _, again := criticalPlan(t, stack); again != out {
			t.Errorf("%s: two runs give different critical paths", stack)
		}
	}
	text, _, code := planAt(t, "-stack", "prod", "-critical-path")
	for _, want := range []string{"Critical path for prod: ", "azure-native:network:VirtualNetworkGateway  crosscloud-vgw", "Lower bound", "Explicit DependsOn edges (", "Role assignments waited for until in effect (1):", "Plan prod: "} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	if code != 0 || strings.Contains(text, "grouped by component") {
		t.Errorf("exit %d; the report replaces the resource tree:\n%s", code, text)
	}
}

// An explicit DependsOn that lengthens the deployment must be a documented one; and every
// explicit edge the report lists comes from a resource's dependsOn.
func TestExplicitDependsOnDoesNotLengthenTheDeployment(t *testing.T) {
	for _, stack := range []string{"prod", "dev"} {
		p, _ := criticalPlan(t, stack)
		cp := p.CriticalPath
		declared := map[[2]string]bool{}
		for _, r := range p.Resources {
			for _, d := range r.DependsOn {
				declared[[2]string{r.URN, d}] = true
			}
		}
		var added float64
		for _, e := range cp.ExplicitEdges {
			edge := e.FromType + " -> " + e.ToType
			if !declared[[2]string{e.From, e.To}] {
				t.Errorf("%s: %s is reported as explicit but no resource declares it", stack, edge)
			}
			if e.AddedSeconds > 0 && !documentedDependsOn[edge] {
				t.Errorf("%s: undocumented DependsOn %s -> %s lengthens the deployment by %vs", stack, e.From, e.To, e.AddedSeconds)
			}
			if e.AddedSeconds > added {
				added = e.AddedSeconds
			}
		}
		if len(cp.ExplicitEdges) == 0 {
			t.Errorf("%s: the program has explicit DependsOn edges (the mesh readiness Job, PeerAuthentication); none reported", stack)
		}
		if cp.TotalSeconds < cp.LowerBoundSeconds+added {
			t.Errorf("%s: total %v below lower bound %v plus the largest single edge's %v", stack, cp.TotalSeconds, cp.LowerBoundSeconds, added)
		}
		if len(cp.Lengthening) > 0 {
			t.Logf("%s: explicit DependsOn edges that lengthen the deployment: %+v", stack, cp.Lengthening)
		}
	}
}

// A hand-built graph with known answers: a component dependency expands to the custom
// resources inside it, a provider is waited for, an explicit edge lengthens, ties are stable.
func TestCriticalPathSyntheticGraph(t *testing.T) {
	const s = time.Second
	custom := func(urn, typ string, deps []string, dependsOn ...string) plan.Resource {
		return plan.Resource{URN: urn, Type: typ, Name: urn, Custom: true,
			Dependencies: append(deps, dependsOn...), DependsOn: dependsOn}
	}
	comp := plan.Resource{URN: "comp", Type: "x:index:Comp", Name: "comp"}
	inComp := custom("b", "t:slow", nil)
	inComp.Parent = "comp"
	k8s := custom("prov", "t:fast", []string{"a"})
	usesProv := custom("ns", "t:fast", nil)
	usesProv.Provider = "prov"
	r := &plan.Result{Stack: "synthetic", Resources: []plan.Resource{
		custom("a", "t:mid", nil),
		comp, inComp,
		custom("c", "t:fast", []string{"comp"}),   // waits for b through the component
		custom("d", "t:fast", []string{"a"}, "c"), // explicit edge d -> c
		k8s, usesProv,
		custom("e", "t:unknown", []string{"ns"}),
	}}
	durations := map[string]time.Duration{"t:slow": 10 * s, "t:mid": 4 * s, "t:fast": 1 * s}

	cp, err := r.ModelDeployTime(durations)
	if err != nil {
		t.Fatal(err)
	}
	names := func(chain []plan.Step) (out []string) {
		for _, st := range chain {
			out = append(out, st.URN+"/"+st.Via)
		}
		return out
	}
	// With the explicit edge: b(10) -> c(1) -> d(1) = 12.
	if cp.TotalSeconds != 12 || strings.Join(names(cp.Chain), " ") != "b/ c/input d/dependsOn" {
		t.Errorf("total %v chain %v", cp.TotalSeconds, names(cp.Chain))
	}
	// Without it: b -> c = 11 beats a(4) -> prov(1) -> ns(1) -> e(default 5) = 11 only by URN order.
	if cp.LowerBoundSeconds != 11 || strings.Join(names(cp.LowerBoundChain), " ") != "b/ c/input" {
		t.Errorf("lower bound %v chain %v", cp.LowerBoundSeconds, names(cp.LowerBoundChain))
	}
	if len(cp.Lengthening) != 1 || cp.Lengthening[0].From != "d" || cp.Lengthening[0].To != "c" || cp.Lengthening[0].AddedSeconds != 1 {
		t.Errorf("lengthening %+v", cp.Lengthening)
	}
	if strings.Join(cp.DefaultedTypes, ",") != "t:unknown" {
		t.Errorf("defaulted %v", cp.DefaultedTypes)
	}
	var buf bytes.Buffer
	cp.WriteCriticalPath(&buf, r.Stack)
	if !strings.Contains(buf.String(), "d -> c  +1s") {
		t.Errorf("report lacks the lengthening edge:\n%s", buf.String())
	}

	// A cycle is reported, not looped on.
	r.Resources[2].Dependencies = []string{"d"} // b now waits for d: b -> d -> c -> b
	if _, err := r.ModelDeployTime(durations); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: %v", err)
	}
	// An empty plan has an empty path.
	if cp, err := (&plan.Result{}).ModelDeployTime(durations); err != nil || cp.TotalSeconds != 0 || len(cp.Chain) != 0 {
		t.Errorf("empty: %+v %v", cp, err)
	}
}

// A role assignment a KeyValue receives through an input (the program's wait for it) takes the
// cited propagation time as a step of its own; one it only DependsOn is waited for to exist.
func TestAGrantReceivedThroughAnInputIsWaitedForUntilInEffect(t *testing.T) {
	const kv, ra = "azure-native:appconfiguration/v20240501:KeyValue", "azure-native:authorization:RoleAssignment"
	r := &plan.Result{Stack: "synthetic", Resources: []plan.Resource{
		{URN: "grant", Type: ra, Name: "grant", Custom: true},
		{URN: "store", Type: "t:store", Name: "store", Custom: true},
		{URN: "kv-input", Type: kv, Name: "kv-input", Custom: true, Dependencies: []string{"grant", "store"}},
		{URN: "kv-dependson", Type: kv, Name: "kv-dependson", Custom: true, Dependencies: []string{"grant", "store"}, DependsOn: []string{"grant"}},
	}}
	durations := map[string]time.Duration{ra: 5 * time.Second, "t:store": time.Minute, kv: 2 * time.Second}
	cp, err := r.ModelDeployTime(durations)
	if err != nil {
		t.Fatal(err)
	}
	wait := plan.GrantPropagation[kv]
	if wait != 15*time.Minute {
		t.Fatalf("GrantPropagation[KeyValue] = %v, want the cited 15 minutes", wait)
	}
	var steps []string
	for _, st := range cp.Chain {
		steps = append(steps, st.URN+"/"+st.Type)
	}
	want := []string{"grant/" + ra, "grant#in-effect/" + plan.InEffectType, "kv-input/" + kv}
	if !reflect.DeepEqual(steps, want) || cp.TotalSeconds != (5*time.Second+wait+2*time.Second).Seconds() {
		t.Errorf("chain %v total %vs, want %v and 15m07s", steps, cp.TotalSeconds, want)
	}
	if len(cp.GrantWaits) != 1 || cp.GrantWaits[0].Assignment != "grant" || cp.GrantWaits[0].PathSeconds != cp.TotalSeconds {
		t.Errorf("grant waits %+v", cp.GrantWaits)
	}
	var buf bytes.Buffer
	cp.WriteCriticalPath(&buf, r.Stack)
	if !strings.Contains(buf.String(), "grant: 15m0s to take effect, longest path through it 15m7s, slack 0s") {
		t.Errorf("report lacks the grant wait:\n%s", buf.String())
	}
}

// In both stacks exactly the deployer's Data Owner grant is waited for, and only its key-values
// wait for it.
func TestTheKeyValuesWaitForTheDataOwnerGrantInTheCriticalPath(t *testing.T) {
	for _, stack := range []string{"prod", "dev"} {
		p, _ := criticalPlan(t, stack)
		gw := p.CriticalPath.GrantWaits
		if len(gw) != 1 || !strings.HasSuffix(gw[0].Assignment, "::platform-deployer-data-owner") || gw[0].Seconds != 900 {
			t.Errorf("%s: grant waits %+v, want the deployer's Data Owner grant, 900 s", stack, gw)
			continue
		}
		// Store, grant, 15 minutes, key-value: the key-values' path is at least that long.
		if gw[0].PathSeconds < 60+5+900+2 {
			t.Errorf("%s: path through the grant wait %vs, shorter than store + grant + wait + key-value", stack, gw[0].PathSeconds)
		}
	}
}

// The committed stacks leave every value only the team knows unset; the plan fills each with
// its labelled example, lists it first, and uses it: the provider key gcp:project included.
func TestThePlanListsEveryExampleItUsed(t *testing.T) {
	for _, stack := range []string{"dev", "prod"} {
		out, errOut, code := planAt(t, "-stack", stack)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", stack, code, errOut)
		}
		head, _, _ := strings.Cut(out, "Resources (")
		for _, want := range []string{
			"EXAMPLE values (offline plan only",
			"  gcp:project = offline-plan-example\n",
			"  mlplatform:ownerEmail = owner@offline-plan-example.invalid\n",
			"  mlplatform:microserviceImage = europe-west4-docker.pkg.dev/offline-plan-example/",
			"  mlplatform:gatewayHostname = inference.offline-plan-example.invalid\n",
		} {
			if !strings.Contains(head, want) {
				t.Errorf("%s: the examples listing lacks %q:\n%s", stack, want, head)
			}
		}
		js, _, _ := planAt(t, "-stack", stack, "-format", "json")
		if p := decode(t, js); p.Outputs["gcpProject"] != "offline-plan-example" {
			t.Errorf("%s: gcpProject output = %v, want the example", stack, p.Outputs["gcpProject"])
		}
	}
}

// Every rule inspects something the program really creates: a rule whose type patterns match
// no resource of the dev or prod plan guards nothing, and prod's "zero findings" would overstate it.
func TestEveryRuleMatchesAPlannedResource(t *testing.T) {
	var planned []string
	for _, stack := range []string{"dev", "prod"} {
		r, err := plan.Run(stacktest.Root(), stack, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		for _, res := range r.Resources {
			planned = append(planned, res.Type)
		}
	}
	for _, rule := range policy.Rules() {
		if len(rule.Types) == 0 {
			continue // every resource, or the stack outputs
		}
		if !slices.ContainsFunc(planned, rule.Applies) {
			t.Errorf("%s (types %v) matches no resource of the dev or prod plan: delete it or build what it guards", rule.ID, rule.Types)
		}
	}
}

// A gate that ignores stale waivers is not a gate: an expired or unused waiver fails the plan.
func TestStaleWaiversFailThePlan(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"Pulumi.yaml", "Pulumi.dev.yaml"} {
		text, err := os.ReadFile(filepath.Join(stacktest.Root(), name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), text, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dev, _ := os.ReadFile(filepath.Join(dir, "Pulumi.dev.yaml"))
	for name, entry := range map[string]string{
		"expired": `"ALA-001@platform-log until 2026-11-22: expired the day before the plan"`,
		"unused":  `"GKE-009@gke-cluster: legacy ABAC is off, so this covers nothing"`,
	} {
		text := strings.Replace(string(dev), "mlplatform:policyWaivers:\n", "mlplatform:policyWaivers:\n    - "+entry+"\n", 1)
		if err := os.WriteFile(filepath.Join(dir, "Pulumi."+name+".yaml"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		code := run([]string{"-dir", dir, "-now", "2026-11-23", "-stack", name}, &out, &errOut)
		if code != 1 || !strings.Contains(out.String(), "Rejected waivers (1)") || !strings.Contains(out.String(), "BLOCKED") {
			t.Errorf("%s waiver: exit %d, want 1 with the waiver rejected:\n%s%s", name, code, out.String(), errOut.String())
		}
	}
}
