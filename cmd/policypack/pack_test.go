package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/example/mlplatform/policy"
	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stackconfig"
)

// The date policy/testdata/plans were made for (Makefile, docs target).
var planDate = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// Served through the analyzer calls as the engine makes them (ConfigureStack, Analyze for each
// resource, AnalyzeStack), the pack reports exactly the offline gate's findings on the
// committed stacks' plans: the same rules, resources, messages and waivers; only unwaived high
// findings block.
func TestPackReportsTheOfflineGate(t *testing.T) {
	for _, tc := range []struct{ name, stack, dropWaiver string }{
		{"dev", "dev", ""}, {"prod", "prod", ""},
		// Without its waiver, the private-networking decision's six high findings block.
		{"dev without the azurePrivateNetworking waiver", "dev", "azurePrivateNetworking:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stack := tc.stack
			in, cfg, s := committed(t, stack, tc.dropWaiver)
			p := newPack(func() (time.Time, error) { return planDate, nil })
			if _, err := p.ConfigureStack(context.Background(), &pulumirpc.AnalyzerStackConfigureRequest{
				Project: cfg.Project, Stack: cfg.Stack, Config: cfg.Values, ConfigSecretKeys: cfg.SecretKeys}); err != nil {
				t.Fatal(err)
			}
			got := served(t, p, in)
			findings, problems := policy.Gate(in.Resources, in.Outputs, s, planDate)
			var want []string
			for _, f := range findings {
				want = append(want, line(f.Rule, f.URN, f.Severity == policy.High && !f.Waived))
			}
			for range problems {
				want = append(want, line("WAIVER", "", true))
			}
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("pack reported\n  %s\nthe offline gate\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			blocking := strings.Count(strings.Join(got, "\n"), "blocks=true")
			if want := map[string]int{"": 0, "azurePrivateNetworking:": 6}[tc.dropWaiver]; blocking != want {
				t.Errorf("%d blocking findings, want %d", blocking, want)
			}
			if stack == "dev" && len(got) < 10 {
				t.Errorf("dev: %d findings; the comparison needs the waived ones", len(got))
			}
		})
	}
}

func line(rule, urn string, blocks bool) string {
	return fmt.Sprintf("%s %s blocks=%v", rule, urn, blocks)
}

// served runs the analyzer calls over a plan and lists what the pack reported.
func served(t *testing.T, p *pack, in policy.Input) []string {
	t.Helper()
	var out []string
	add := func(ds []*pulumirpc.AnalyzeDiagnostic) {
		for _, d := range ds {
			out = append(out, line(d.PolicyName, d.Urn, d.EnforcementLevel == pulumirpc.EnforcementLevel_MANDATORY))
		}
	}
	var stack []*pulumirpc.AnalyzerResource
	for _, r := range in.Resources {
		props := marshal(t, r.Inputs)
		resp, err := p.Analyze(context.Background(), &pulumirpc.AnalyzeRequest{Type: r.Type, Urn: r.URN, Name: r.Name, Properties: props,
			Options: &pulumirpc.AnalyzerResourceOptions{Protect: r.Protect, Parent: r.Parent}, Provider: provider(r.Provider)})
		if err != nil {
			t.Fatal(err)
		}
		add(resp.Diagnostics)
		stack = append(stack, &pulumirpc.AnalyzerResource{Type: r.Type, Urn: r.URN, Name: r.Name, Properties: marshal(t, r.Outputs),
			Parent: r.Parent, Dependencies: r.Dependencies, Provider: provider(r.Provider), Options: &pulumirpc.AnalyzerResourceOptions{Protect: r.Protect}})
	}
	outs := resource.PropertyMap{}
	for _, o := range in.Outputs {
		v := o.Value.(resource.PropertyValue)
		if o.Secret {
			v = resource.MakeSecret(v)
		}
		outs[resource.PropertyKey(o.Name)] = v
	}
	stack = append(stack, &pulumirpc.AnalyzerResource{Type: stackType, Urn: "urn:pulumi:s::mlplatform::pulumi:pulumi:Stack::mlplatform-s", Properties: marshal(t, outs)})
	resp, err := p.AnalyzeStack(context.Background(), &pulumirpc.AnalyzeStackRequest{Resources: stack})
	if err != nil {
		t.Fatal(err)
	}
	add(resp.Diagnostics)
	sort.Strings(out)
	return out
}

func provider(urn string) *pulumirpc.AnalyzerProviderResource {
	if urn == "" {
		return &pulumirpc.AnalyzerProviderResource{Name: "default_1_0_0"}
	}
	return &pulumirpc.AnalyzerProviderResource{Urn: urn, Name: urn[strings.LastIndex(urn, "::")+2:]}
}

func marshal(t *testing.T, m resource.PropertyMap) *structpb.Struct {
	t.Helper()
	st, err := plugin.MarshalProperties(m, policy.PropertyOptions)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// committed is a stack's committed plan (policy/testdata/plans), its configuration as the
// engine sends it (with the offline examples the plan used) and its settings.
func committed(t *testing.T, stack, dropWaiver string) (policy.Input, *stackconfig.Config, *settings.Settings) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "policy", "testdata", "plans", stack+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var in policy.Input
	if err := json.Unmarshal(data, &in); err != nil {
		t.Fatal(err)
	}
	cfg, err := stackconfig.Load(filepath.Join("..", ".."), stack)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Values, _ = settings.ApplyOfflineExamples(cfg.Project, cfg.Values)
	if dropWaiver != "" {
		var waivers []string
		key := cfg.Project + ":policyWaivers"
		if err := json.Unmarshal([]byte(cfg.Values[key]), &waivers); err != nil {
			t.Fatal(err)
		}
		waivers = slices.DeleteFunc(waivers, func(w string) bool { return strings.HasPrefix(w, dropWaiver) })
		text, _ := json.Marshal(waivers)
		cfg.Values[key] = string(text)
	}
	s, err := settings.Load(cfg.Project, cfg.Stack, cfg.Lookup, cfg.Options()...)
	if err != nil {
		t.Fatal(err)
	}
	return in, cfg, s
}

// During a preview a rule that passes only because an input it reads is unknown says so, as
// an advisory naming the input; a rule that fails on a known input still fails.
func TestUnknownInputsAreNotSilentPasses(t *testing.T) {
	in, cfg, _ := committed(t, "prod", "")
	p := newPack(func() (time.Time, error) { return planDate, nil })
	if _, err := p.ConfigureStack(context.Background(), &pulumirpc.AnalyzerStackConfigureRequest{
		Project: cfg.Project, Stack: cfg.Stack, Config: cfg.Values, ConfigSecretKeys: cfg.SecretKeys, DryRun: true}); err != nil {
		t.Fatal(err)
	}
	var vault policy.Resource
	for _, r := range in.Resources {
		if r.Type == "azure-native:keyvault:Vault" {
			vault = r
		}
	}
	inputs := vault.Inputs.Copy()
	props := inputs["properties"].ObjectValue().Copy()
	props["enableRbacAuthorization"] = resource.MakeComputed(resource.NewStringProperty(""))
	props["enablePurgeProtection"] = resource.NewBoolProperty(false)
	inputs["properties"] = resource.NewObjectProperty(props)
	resp, err := p.Analyze(context.Background(), &pulumirpc.AnalyzeRequest{Type: vault.Type, Urn: vault.URN, Name: vault.Name,
		Properties: marshal(t, inputs), Provider: provider("")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range resp.Diagnostics {
		got = append(got, d.PolicyName+": "+d.Message)
	}
	text := strings.Join(got, "\n")
	if !strings.Contains(text, "AKV-001: "+NotJudgedPrefix+"properties.enableRbacAuthorization unknown until apply") {
		t.Errorf("AKV-001 passed an unknown enableRbacAuthorization silently:\n%s", text)
	}
	if !strings.Contains(text, "AKV-002: properties.enablePurgeProtection") {
		t.Errorf("AKV-002 did not fail a known false:\n%s", text)
	}
	if strings.Contains(text, "AKV-002: "+NotJudgedPrefix) {
		t.Errorf("AKV-002 judged a known value yet reported it unknown:\n%s", text)
	}
}
