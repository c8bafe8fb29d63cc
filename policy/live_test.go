package policy_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/policy"
)

// Every rule fires on a real plan, not only on the hand-written fixtures: each failing case of
// a rule is turned into the smallest mutation from one of the rule's passing cases (or the
// secure baseline of the same type) — the properties it changes or deletes, the resources it
// removes, the outputs, deployer or clock it changes — and that mutation is applied to
// the dev and prod plans of the committed stack files. The rule must report more findings on
// the mutated plan than on the plan as it is, on at least one of them, for at least one case.
// A rule whose pattern or property paths no longer match what the program registers fails here
// even though its fixture cases still pass.
func TestEveryRuleFiresOnARealPlan(t *testing.T) {
	plans := realPlans(t) // prod first: its plan is the one that must stay clean
	for _, rule := range policy.Rules() {
		t.Run(rule.ID, func(t *testing.T) {
			pass, fail := policy.Cases(rule.ID)
			if n := policy.CountOf(rule.ID, plans[0].in); n != 0 {
				t.Errorf("prod plan: %d findings before any mutation", n)
			}
			for _, m := range candidates(pass, fail) {
				for _, p := range plans {
					if mutated, ok := m.apply(p.in); ok && policy.CountOf(rule.ID, mutated) > policy.CountOf(rule.ID, p.in) {
						t.Logf("fires on the %s plan with %s", p.name, m)
						return
					}
				}
			}
			t.Errorf("no failing case fires on the dev or prod plan: the rule's pattern or paths match nothing the program registers " +
				"(a case that adds a resource proves nothing about the plan): delete the rule or add a case that edits what the program registers")
		})
	}
}

type realPlan struct {
	name string
	in   policy.Scenario
}

// realPlans reads the committed stacks' plans as the gate judged them (testdata/plans, written
// by `make docs`; cmd/plan's TestPolicyInputsAreCurrent fails when they are stale or read back
// differently), so this package's tests link no cloud SDK.
func realPlans(t *testing.T) []realPlan {
	t.Helper()
	var out []realPlan
	for _, stack := range []string{"prod", "dev"} {
		data, err := os.ReadFile(filepath.Join("testdata", "plans", stack+".json"))
		if err != nil {
			t.Fatalf("plan %s: %v (run `make docs`)", stack, err)
		}
		var in policy.Input
		if err := json.Unmarshal(data, &in); err != nil {
			t.Fatalf("plan %s: %v", stack, err)
		}
		out = append(out, realPlan{stack, policy.Scenario{Resources: in.Resources, Outputs: in.Outputs, Deployer: in.Deployer, Clock: in.Clock}})
	}
	return out
}

// candidates are the mutations from each passing case (and from the secure baselines of the
// types a failing case has) to each failing case, smallest first.
func candidates(pass, fail []policy.Scenario) []mutation {
	var out []mutation
	for _, f := range fail {
		refs := append([]policy.Scenario{}, pass...)
		var base policy.Scenario
		for _, b := range policy.Baselines() {
			for _, r := range f.Resources {
				if r.Type == b.Type {
					base.Resources = append(base.Resources, b)
					break
				}
			}
		}
		for _, p := range append(refs, base) {
			if m, ok := mutationFrom(p, f); ok && m.size() > 0 {
				out = append(out, m)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].size() < out[j].size() })
	return out
}

// The mutation machinery itself: a change below a secret keeps it secret, a deletion removes
// only its key, and an index the plan's value lacks makes the mutation inapplicable.
func TestMutationsApplyAsDiffed(t *testing.T) {
	secretIn := func(v string) resource.PropertyMap {
		return resource.PropertyMap{"properties": resource.NewObjectProperty(resource.PropertyMap{
			"value": resource.MakeSecret(resource.NewStringProperty(v)), "contentType": resource.NewStringProperty("x"),
			"list": resource.NewArrayProperty([]resource.PropertyValue{resource.NewStringProperty("a")})})}
	}
	const typ = "azure-native:keyvault:Secret"
	scen := func(in resource.PropertyMap) policy.Scenario {
		return policy.Scenario{Resources: []policy.Resource{{Type: typ, Inputs: in}}}
	}
	from, to := secretIn("old"), secretIn("new")
	delete(to["properties"].ObjectValue(), "contentType")
	m, ok := mutationFrom(scen(from), scen(to))
	if !ok || m.size() != 2 {
		t.Fatalf("mutation %v (ok %v): want the secret's value and the deletion", m, ok)
	}
	real := secretIn("real")
	got, ok := m.apply(scen(real))
	props := got.Resources[0].Inputs["properties"].ObjectValue()
	if !ok || !props["value"].IsSecret() || props["value"].SecretValue().Element.StringValue() != "new" || props.HasValue("contentType") {
		t.Errorf("applied: %v", props)
	}
	if !real["properties"].ObjectValue().HasValue("contentType") {
		t.Error("apply changed the plan it was given")
	}
	to = secretIn("old")
	to["properties"].ObjectValue()["list"] = resource.NewArrayProperty([]resource.PropertyValue{resource.NewStringProperty("b")})
	m, _ = mutationFrom(scen(from), scen(to))
	short := secretIn("real")
	short["properties"].ObjectValue()["list"] = resource.NewArrayProperty(nil)
	if _, ok := m.apply(scen(short)); ok {
		t.Error("an index the plan lacks applied")
	}
	if _, ok := m.apply(policy.Scenario{}); ok {
		t.Error("a type the plan lacks applied")
	}
}
