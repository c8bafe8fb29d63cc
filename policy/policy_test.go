package policy

import (
	"math/rand"
	"path"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/settings"
)

func TestRuleMetadata(t *testing.T) {
	rules := Rules()
	for _, tok := range knownTokens {
		if !knownToken(t, tok) {
			t.Errorf("fixture token %s is not a type any SDK registers", tok)
		}
	}
	if len(rules) < 40 {
		t.Errorf("want at least 40 rules, have %d", len(rules))
	}
	seen := map[string]bool{}
	for i, r := range rules {
		if !IDPattern.MatchString(r.ID) {
			t.Errorf("rule id %q does not match %s", r.ID, IDPattern)
		}
		if seen[r.ID] {
			t.Errorf("rule id %s is used twice", r.ID)
		}
		seen[r.ID] = true
		if i > 0 && rules[i-1].ID >= r.ID {
			t.Errorf("Rules() not sorted: %s before %s", rules[i-1].ID, r.ID)
		}
		if !r.Severity.Valid() {
			t.Errorf("%s: invalid severity %q", r.ID, r.Severity)
		}
		// The description states the severity and why ("High: …").
		label := strings.ToUpper(string(r.Severity[:1])) + string(r.Severity[1:]) + ":"
		if !strings.Contains(r.Description, label) {
			t.Errorf("%s: description does not explain its severity (%q)", r.ID, label)
		}
		if strings.TrimSpace(r.Description) == "" || strings.TrimSpace(r.Remediation) == "" {
			t.Errorf("%s: description and remediation are required", r.ID)
		}
		if (r.check == nil) == (r.stack == nil) {
			t.Errorf("%s: exactly one of check and stack must be set", r.ID)
		}
		for _, pattern := range r.Types {
			if _, err := path.Match(pattern, ""); err != nil {
				t.Errorf("%s: bad type pattern %q: %v", r.ID, pattern, err)
			}
			matched := !strings.ContainsAny(pattern, "*?[") && knownToken(t, typeKey(pattern))
			for tok := range sdkTokens(t) {
				if ok, _ := path.Match(pattern, typeKey(tok)); ok {
					matched = true
				}
			}
			if !matched {
				t.Errorf("%s: type pattern %q matches no known SDK token (typo?)", r.ID, pattern)
			}
		}
	}
}

func TestEveryRuleHasCases(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		ids[r.ID] = true
		c, ok := casesOf(r)
		if !ok {
			t.Errorf("%s has no entry in ruleCases", r.ID)
			continue
		}
		if len(c.pass) == 0 || len(c.fail) == 0 {
			t.Errorf("%s needs at least one passing and one failing scenario", r.ID)
		}
	}
	for id := range ruleCases {
		if !ids[id] {
			t.Errorf("ruleCases has %s, which is not a rule", id)
		}
	}
}

// casesOf is a rule's scenarios: its component's cases (each case one resource), or this
// package's ruleCases table. A rule with both is an error: one of the two would go stale.
func casesOf(r Rule) (ruleCase, bool) {
	own, inTable := ruleCases[r.ID]
	if len(r.cases.Pass)+len(r.cases.Fail) == 0 {
		return own, inTable
	}
	if inTable {
		return ruleCase{}, false
	}
	var c ruleCase
	for _, k := range r.cases.Pass {
		c.pass = append(c.pass, scenario{resources: []Resource{k.Resource()}})
	}
	for _, k := range r.cases.Fail {
		c.fail = append(c.fail, scenario{resources: []Resource{k.Resource()}})
	}
	return c, true
}

func TestRuleCases(t *testing.T) {
	for _, rule := range Rules() {
		c, _ := casesOf(rule)
		t.Run(rule.ID, func(t *testing.T) {
			for i, s := range c.pass {
				if fs := ofRule(EvaluateWith(s.deployer, s.clock, s.resources, s.outputs, nil), rule.ID); len(fs) > 0 {
					t.Errorf("pass[%d]: unexpected findings:\n%s", i, render(fs))
				}
			}
			for i, s := range c.fail {
				fs := ofRule(EvaluateWith(s.deployer, s.clock, s.resources, s.outputs, nil), rule.ID)
				if len(fs) == 0 {
					t.Errorf("fail[%d]: no finding", i)
				}
				for _, f := range fs {
					if f.Severity != rule.Severity || f.Message == "" || strings.Contains(f.Message, "failed to evaluate") {
						t.Errorf("fail[%d]: bad finding %s", i, f)
					}
				}
				t.Logf("fail[%d]: %s", i, render(fs))
			}
		})
	}
}

// The secure fixtures together are a compliant stack: no rule fires on any of them.
func TestBaselinesPass(t *testing.T) {
	if fs := Evaluate(baselines(), baselineOutputs(), nil); len(fs) > 0 {
		t.Errorf("compliant stack has findings:\n%s", render(fs))
	}
}

func TestSecretsAreNeverPrinted(t *testing.T) {
	in := vault()
	set(in, "properties.publicNetworkAccess", secret("Enabled-secret-marker"))
	set(in, "properties.networkAcls.defaultAction", "Allow")
	fs := Evaluate([]Resource{res(tVault, "kv", in)}, nil, nil)
	if len(ofRule(fs, "AKV-004")) == 0 {
		t.Fatal("AKV-004 must read through secret wrappers")
	}
	for _, f := range fs {
		if strings.Contains(f.Message, "secret-marker") {
			t.Errorf("finding prints a secret: %s", f)
		}
	}
}

func TestSecretWrappingObjects(t *testing.T) {
	// A whole object marked secret is still inspected, and everything inside counts as secret.
	bad := vault()
	props := resource.NewPropertyMapFromMap(bad["properties"].(map[string]any))
	props["enableRbacAuthorization"] = resource.NewBoolProperty(false)
	bad["properties"] = resource.MakeSecret(resource.NewObjectProperty(props))
	if len(ofRule(Evaluate([]Resource{res(tVault, "kv", bad)}, nil, nil), "AKV-001")) != 1 {
		t.Error("AKV-001 must see through a secret-wrapped properties object")
	}
	sec := kvSecret()
	inner := resource.NewPropertyMapFromMap(map[string]any{"value": "now-secret-by-parent", "contentType": "x",
		"attributes": map[string]any{"expires": 1}})
	sec["properties"] = resource.MakeSecret(resource.NewObjectProperty(inner))
	if fs := Evaluate(compliantAzure([]Resource{res(tKVSecret, "s", sec)}), nil, nil); len(fs) > 0 {
		t.Errorf("value inside a secret object is secret; got:\n%s", render(fs))
	}
	// …and a secret output nested in an object output counts as a secret input for OUT-002.
	outputs := []Output{{Name: "leak", Value: "now-secret-by-parent"}}
	if len(ofRule(Evaluate([]Resource{res(tKVSecret, "s", sec)}, outputs, nil), "OUT-002")) != 1 {
		t.Error("OUT-002 must recognise strings inside secret objects")
	}
}

// oddValues are what the engine or a careless binding may hand over.
var oddValues = []resource.PropertyValue{
	resource.NewNullProperty(),
	resource.NewStringProperty(""),
	resource.NewStringProperty("weird"),
	resource.NewNumberProperty(-1),
	resource.NewBoolProperty(true),
	resource.NewArrayProperty(nil),
	resource.NewObjectProperty(resource.PropertyMap{}),
	unknown,
	resource.NewOutputProperty(resource.Output{Known: false, Secret: true}),
	resource.NewOutputProperty(resource.Output{Known: true, Element: resource.NewStringProperty("x")}),
	resource.MakeSecret(resource.NewNullProperty()),
	resource.NewSecretProperty(nil),
	resource.MakeSecret(resource.MakeSecret(resource.NewArrayProperty([]resource.PropertyValue{unknown}))),
	resource.MakeComponentResourceReference("urn:pulumi:s::p::t::n", ""),
	{}, // zero value
}

func TestOddInputsNeverPanic(t *testing.T) {
	for _, base := range baselines() {
		for i, odd := range oddValues {
			variants := []resource.PropertyMap{
				nil,
				{},
				replaceLeaves(base.Inputs, odd),   // every scalar
				replaceObjects(base.Inputs, odd),  // every object and list
				replaceTopLevel(base.Inputs, odd), // every top-level input
			}
			for j, in := range variants {
				r := base
				r.Inputs = in
				outputs := []Output{{Name: "clientSecret", Value: odd}, {Name: "x", Value: map[int]any{1: &odd}}}
				for _, f := range Evaluate([]Resource{r}, outputs, nil) {
					if strings.Contains(f.Message, "failed to evaluate") {
						t.Errorf("%s with odd value %d (variant %d): %s", base.Type, i, j, f)
					}
				}
			}
		}
	}
	// Resources with an empty or unknown type and nil everything.
	Evaluate([]Resource{{}, {Type: "azure-native"}, {Type: "azure-native:x/v1"}}, []Output{{}}, []settings.Waiver{{}})
}

func TestUnknownValuesStaySilent(t *testing.T) {
	for _, base := range baselines() {
		r := base
		r.Inputs = replaceLeaves(base.Inputs, unknown)
		for _, f := range Evaluate([]Resource{r}, nil, nil) {
			t.Errorf("%s with unknown inputs: %s", base.Type, f)
		}
	}
}

func TestEvaluateIsDeterministic(t *testing.T) {
	var resources []Resource
	var outputs []Output
	for _, c := range ruleCases {
		for _, s := range c.fail {
			resources = append(resources, s.resources...)
			outputs = append(outputs, s.outputs...)
		}
	}
	// Distinct URNs so the order is fully defined by (rule, URN).
	for i := range resources {
		resources[i].URN += "-" + string(rune('A'+i%26)) + string(rune('a'+i/26%26))
	}
	want := Evaluate(resources, outputs, nil)
	if !sort.SliceIsSorted(want, func(i, j int) bool {
		if want[i].Rule != want[j].Rule {
			return want[i].Rule < want[j].Rule
		}
		return want[i].URN < want[j].URN
	}) {
		t.Error("findings are not sorted by rule, then URN")
	}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 5; n++ {
		rng.Shuffle(len(resources), func(i, j int) { resources[i], resources[j] = resources[j], resources[i] })
		rng.Shuffle(len(outputs), func(i, j int) { outputs[i], outputs[j] = outputs[j], outputs[i] })
		if got := Evaluate(resources, outputs, nil); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %d: findings differ from the first run", n)
		}
	}
}

func TestWaivers(t *testing.T) {
	bad := func(name string) Resource {
		return res(tVault, name, set(vault(), "properties.enableRbacAuthorization", false))
	}
	resources := []Resource{bad("kv-a"), bad("kv-b")}
	outputs := []Output{{Name: "clientSecret", Value: "plain"}}

	t.Run("global", func(t *testing.T) {
		fs := Evaluate(resources, outputs, []settings.Waiver{{Rule: "AKV-001", Resource: "*", Reason: "dev uses access policies on purpose"}})
		got := ofRule(fs, "AKV-001")
		if len(got) != 2 {
			t.Fatalf("want 2 AKV-001 findings, got %d", len(got))
		}
		for _, f := range got {
			if !f.Waived || f.Reason != "dev uses access policies on purpose" {
				t.Errorf("not waived with reason: %s", f)
			}
		}
		if len(Unwaived(got)) != 0 {
			t.Error("Unwaived must drop waived findings")
		}
	})
	t.Run("resource", func(t *testing.T) {
		fs := ofRule(Evaluate(resources, outputs, []settings.Waiver{{Rule: "AKV-001", Resource: "kv-b", Reason: "only kv-b is legacy"}}), "AKV-001")
		for _, f := range fs {
			if (f.Name == "kv-b") != f.Waived {
				t.Errorf("%s: waived=%t", f.Name, f.Waived)
			}
			if f.Name == "kv-b" && f.Reason != "only kv-b is legacy" {
				t.Errorf("reason lost: %s", f)
			}
		}
	})
	t.Run("resource waiver beats global", func(t *testing.T) {
		fs := ofRule(Evaluate(resources, outputs, []settings.Waiver{
			{Rule: "AKV-001", Resource: "*", Reason: "global reason here"}, {Rule: "AKV-001", Resource: "kv-a", Reason: "specific reason"}}), "AKV-001")
		for _, f := range fs {
			want := map[string]string{"kv-a": "specific reason", "kv-b": "global reason here"}[f.Name]
			if !f.Waived || f.Reason != want {
				t.Errorf("%s: reason %q, want %q", f.Name, f.Reason, want)
			}
		}
	})
	t.Run("output", func(t *testing.T) {
		fs := ofRule(Evaluate(resources, outputs, []settings.Waiver{{Rule: "OUT-001", Resource: "clientSecret", Reason: "test fixture only"}}), "OUT-001")
		if len(fs) != 1 || !fs[0].Waived || fs[0].URN != "" || fs[0].Name != "clientSecret" {
			t.Errorf("output waiver: %v", fs)
		}
	})
	t.Run("other rule untouched", func(t *testing.T) {
		for _, f := range Evaluate(resources, outputs, []settings.Waiver{{Rule: "AKV-002", Resource: "*", Reason: "does not apply"}}) {
			if f.Waived {
				t.Errorf("waived by another rule's waiver: %s", f)
			}
		}
	})
	t.Run("a waiver without a resource waives nothing", func(t *testing.T) {
		for _, f := range Evaluate(resources, outputs, []settings.Waiver{{Rule: "AKV-001", Reason: "no resource named"}}) {
			if f.Waived {
				t.Errorf("waived without naming a resource or *: %s", f)
			}
		}
	})
	t.Run("unused", func(t *testing.T) {
		waivers := []settings.Waiver{{Rule: "AKV-001", Resource: "*", Reason: "used waiver"}, {Rule: "AKV-002", Resource: "*", Reason: "unused waiver"},
			{Rule: "AKV-001", Resource: "kv-z", Reason: "no such resource"}}
		got := UnusedWaivers(Evaluate(resources, outputs, waivers), waivers)
		if len(got) != 2 || got[0].Rule != "AKV-002" || got[1].Resource != "kv-z" {
			t.Errorf("UnusedWaivers = %v", got)
		}
	})
}

func TestCheckWaivers(t *testing.T) {
	if err := CheckWaivers([]settings.Waiver{{Rule: "AKV-004", Resource: "vault", Reason: "dev is reachable from laptops"}, {Rule: "OPS-001", Resource: "*", Reason: "dev is disposable"}}); err != nil {
		t.Errorf("known rules: %v", err)
	}
	if err := CheckWaivers(nil); err != nil {
		t.Errorf("no waivers: %v", err)
	}
	err := CheckWaivers([]settings.Waiver{{Rule: "AKV-999", Resource: "vault", Reason: "typo in the rule id"}, {Rule: "OPS-001", Resource: "*", Reason: "fine"}, {Rule: "XYZ-001", Resource: "*", Reason: "another typo here"}, {Decision: "noSuchKey", Reason: "a decision that does not exist"}})
	if err == nil {
		t.Fatal("unknown rule ids must be an error")
	}
	msg := err.Error()
	for _, want := range []string{`"AKV-999@vault: typo in the rule id"`, `"XYZ-001@*: another typo here"`, "noSuchKey", "azurePrivateNetworking", "AKV-001", "OUT-002"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %s", msg, want)
		}
	}
	if strings.Contains(msg, `"OPS-001@*: fine"`) {
		t.Errorf("error names a valid waiver: %s", msg)
	}
}

func TestTypeKey(t *testing.T) {
	for in, want := range map[string]string{
		"azure-native:appconfiguration/v20240501:KeyValue":                "azure-native:appconfiguration:KeyValue",
		"azure-native:machinelearningservices/v20241001preview:Workspace": "azure-native:machinelearningservices:Workspace",
		"azure-native:keyvault:Vault":                                     "azure-native:keyvault:Vault",
		"gcp:container/cluster:Cluster":                                   "gcp:container/cluster:Cluster",
		"gcp:compute/vpnGateway:VPNGateway":                               "gcp:compute/vpnGateway:VPNGateway",
		"azure-native":                                                    "azure-native",
	} {
		if got := typeKey(in); got != want {
			t.Errorf("typeKey(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSecretLikeName(t *testing.T) {
	for name, want := range map[string]bool{
		"clientSecret": true, "client_secret": true, "CLIENT_SECRET": true, "password": true, "adminPassword": true,
		"DB_PASSWORD": true, "accessKey": true, "storageAccountKey": true, "primaryKey": true, "apiKeys": true,
		"sharedAccessKey": true, "token": true, "accessToken": true, "kubeconfig": true, "kubeConfig": true,
		"connectionString": true, "db-connection-string": true, "credentials": true, "clientSecretValue": true,
		"keyVaultName": false, "keyVaultUri": false, "keyVaultId": false, "clientSecretUri": false,
		"clientSecretName": false, "secretName": false, "publicKey": false, "keyRing": false, "keyName": false,
		"bootDiskKmsKey": false, "tokenEndpoint": false, "credentialExpiresAt": false, "keyAlgorithm": false,
		"privateKeyType": false, "secretManagerConfig": false, "stringData": false, "data": false, "": false,
		"applicationClientId": false, "key": false,
	} {
		if got := secretLikeName(name); got != want {
			t.Errorf("secretLikeName(%q) = %t, want %t", name, got, want)
		}
	}
}

func TestFindingString(t *testing.T) {
	f := Finding{Rule: "AKV-001", Severity: High, URN: "urn:x", Message: "m", Waived: true, Reason: "because"}
	if got := f.String(); got != "[high] AKV-001 urn:x: m (waived: because)" {
		t.Errorf("String() = %q", got)
	}
	if got := (Finding{Rule: "OUT-001", Severity: High, Name: "pw", Message: "m"}).String(); got != "[high] OUT-001 output pw: m" {
		t.Errorf("String() = %q", got)
	}
	if r, ok := RuleByID("AKV-004"); !ok || r.ID != "AKV-004" {
		t.Error("RuleByID(AKV-004)")
	}
	if _, ok := RuleByID("NOPE-001"); ok {
		t.Error("RuleByID must not find unknown ids")
	}
}

func ofRule(fs []Finding, id string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

func render(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.String() + "\n")
	}
	return b.String()
}

// replaceLeaves returns a copy of m with every scalar replaced by v.
func replaceLeaves(m resource.PropertyMap, v resource.PropertyValue) resource.PropertyMap {
	return mapValues(m, func(p resource.PropertyValue) (resource.PropertyValue, bool) {
		if p.IsObject() || p.IsArray() || p.IsSecret() {
			return p, false
		}
		return v, true
	})
}

// replaceObjects returns a copy of m with every nested object and list replaced by v.
func replaceObjects(m resource.PropertyMap, v resource.PropertyValue) resource.PropertyMap {
	return mapValues(m, func(p resource.PropertyValue) (resource.PropertyValue, bool) {
		if p.IsObject() || p.IsArray() {
			return v, true
		}
		return p, false
	})
}

func replaceTopLevel(m resource.PropertyMap, v resource.PropertyValue) resource.PropertyMap {
	out := resource.PropertyMap{}
	for k := range m {
		out[k] = v
	}
	return out
}

// mapValues rewrites values bottom-up where f says so; it descends into objects, lists and
// secrets it leaves alone.
func mapValues(m resource.PropertyMap, f func(resource.PropertyValue) (resource.PropertyValue, bool)) resource.PropertyMap {
	var walk func(p resource.PropertyValue) resource.PropertyValue
	walk = func(p resource.PropertyValue) resource.PropertyValue {
		if nv, ok := f(p); ok {
			return nv
		}
		switch {
		case p.IsObject():
			out := resource.PropertyMap{}
			for k, e := range p.ObjectValue() {
				out[k] = walk(e)
			}
			return resource.NewObjectProperty(out)
		case p.IsArray():
			var out []resource.PropertyValue
			for _, e := range p.ArrayValue() {
				out = append(out, walk(e))
			}
			return resource.NewArrayProperty(out)
		case p.IsSecret():
			return resource.MakeSecret(walk(p.SecretValue().Element))
		}
		return p
	}
	out := resource.PropertyMap{}
	for k, e := range m {
		out[k] = walk(e)
	}
	return out
}
