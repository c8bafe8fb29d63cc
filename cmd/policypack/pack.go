package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/structpb"

	"github.com/example/mlplatform/policy"
	"github.com/example/mlplatform/settings"
)

const (
	packName    = "mlplatform"
	packVersion = "1.0.0"
	// stackType is the root resource; its properties are the stack's outputs.
	stackType = "pulumi:pulumi:Stack"
)

// pack answers the engine's analyzer calls. Per-resource rules run in Analyze, as each resource
// registers and before it is created or updated, so a mandatory finding stops `pulumi up`
// before the change. Rules across resources and outputs run once in AnalyzeStack, over the
// inputs Analyze saw (rules judge inputs, as the offline plan's do) and the engine's
// dependencies and outputs.
type pack struct {
	pulumirpc.UnimplementedAnalyzerServer
	clock func() (time.Time, error)

	mu     sync.Mutex
	stack  *settings.Settings
	now    time.Time
	inputs map[string]policy.Resource // by URN
}

func newPack(clock func() (time.Time, error)) *pack {
	return &pack{clock: clock, inputs: map[string]policy.Resource{}}
}

func (p *pack) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	return &pulumirpc.PluginInfo{Version: packVersion}, nil
}

// GetAnalyzerInfo lists one policy per rule, named by its id.
func (p *pack) GetAnalyzerInfo(context.Context, *emptypb.Empty) (*pulumirpc.AnalyzerInfo, error) {
	info := &pulumirpc.AnalyzerInfo{Name: packName, DisplayName: "mlplatform policy gate", Version: packVersion}
	for _, r := range policy.Rules() {
		info.Policies = append(info.Policies, &pulumirpc.PolicyInfo{Name: r.ID, DisplayName: r.ID,
			Description: r.Description, EnforcementLevel: level(r.Severity, false)})
	}
	return info, nil
}

// level: an unwaived high finding blocks, as it fails the offline gate; everything else,
// waived findings included, is shown.
func level(sev policy.Severity, waived bool) pulumirpc.EnforcementLevel {
	if sev == policy.High && !waived {
		return pulumirpc.EnforcementLevel_MANDATORY
	}
	return pulumirpc.EnforcementLevel_ADVISORY
}

func (p *pack) Configure(context.Context, *pulumirpc.ConfigureAnalyzerRequest) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (p *pack) Handshake(context.Context, *pulumirpc.AnalyzerHandshakeRequest) (*pulumirpc.AnalyzerHandshakeResponse, error) {
	return &pulumirpc.AnalyzerHandshakeResponse{}, nil
}

// ConfigureStack reads the stack's configuration as the program does (the engine sends it
// decrypted, "project:key" => value): the waivers and decisions come from the stack itself.
// Bad configuration fails here with the same message the program and the offline plan give.
func (p *pack) ConfigureStack(_ context.Context, req *pulumirpc.AnalyzerStackConfigureRequest) (*pulumirpc.AnalyzerStackConfigureResponse, error) {
	keys := make([]string, 0, len(req.GetConfig()))
	for k := range req.GetConfig() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	secret := map[string]bool{}
	for _, k := range req.GetConfigSecretKeys() {
		secret[k] = true
	}
	lookup := func(k string) (string, bool) { v, ok := req.GetConfig()[k]; return v, ok }
	s, err := settings.Load(req.GetProject(), req.GetStack(), lookup,
		settings.WithKeys(keys), settings.WithSecrets(func(k string) bool { return secret[k] }))
	if err == nil {
		err = policy.CheckWaivers(s.Waivers)
	}
	if err != nil {
		return nil, fmt.Errorf("policy pack %s: %w", packName, err)
	}
	now, err := p.clock()
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stack, p.now = s, now
	return &pulumirpc.AnalyzerStackConfigureResponse{}, nil
}

// Analyze judges one resource by the per-resource rules and keeps its inputs for AnalyzeStack.
func (p *pack) Analyze(_ context.Context, req *pulumirpc.AnalyzeRequest) (*pulumirpc.AnalyzeResponse, error) {
	s, now, err := p.configured()
	if err != nil {
		return nil, err
	}
	props, err := unmarshal(req.GetProperties())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", req.GetUrn(), err)
	}
	r := policy.Resource{URN: req.GetUrn(), Type: req.GetType(), Name: req.GetName(), Custom: custom(req.GetType()),
		Protect: req.GetOptions().GetProtect(), Parent: req.GetOptions().GetParent(),
		Provider: providerURN(req.GetProvider()), Inputs: props}
	p.mu.Lock()
	p.inputs[r.URN] = r
	p.mu.Unlock()
	out := diagnostics(policy.GateResource(r, s, now))
	for _, u := range policy.Unjudged(r) {
		rule, _ := policy.RuleByID(u.Rule)
		out = append(out, &pulumirpc.AnalyzeDiagnostic{PolicyName: u.Rule, PolicyPackName: packName, PolicyPackVersion: packVersion,
			Description: rule.Description, Urn: r.URN, EnforcementLevel: pulumirpc.EnforcementLevel_ADVISORY,
			Message: NotJudgedPrefix + strings.Join(u.Paths, ", ") + " unknown until apply; judged again when `pulumi up` registers the resource"})
	}
	return &pulumirpc.AnalyzeResponse{Diagnostics: out}, nil
}

// NotJudgedPrefix starts the message of a rule that could not judge a resource during a
// preview because inputs it reads are not known yet.
const NotJudgedPrefix = "not judged during preview: "

// AnalyzeStack judges the whole stack by the rules across resources and outputs, and reports
// every waiver the gate rejects (expired, unused, naming a decision not in force) as blocking.
func (p *pack) AnalyzeStack(_ context.Context, req *pulumirpc.AnalyzeStackRequest) (*pulumirpc.AnalyzeResponse, error) {
	s, now, err := p.configured()
	if err != nil {
		return nil, err
	}
	resources, outputs, err := p.stackOf(req.GetResources())
	if err != nil {
		return nil, err
	}
	findings, problems := policy.GateStack(resources, outputs, s, now)
	out := diagnostics(findings)
	for _, w := range problems {
		out = append(out, &pulumirpc.AnalyzeDiagnostic{PolicyName: "WAIVER", PolicyPackName: packName, PolicyPackVersion: packVersion,
			Description: "The stack's policyWaivers must each cover a finding and be in force.",
			Message:     w.String(), EnforcementLevel: pulumirpc.EnforcementLevel_MANDATORY})
	}
	return &pulumirpc.AnalyzeResponse{Diagnostics: out}, nil
}

func (p *pack) configured() (*settings.Settings, time.Time, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stack == nil {
		return nil, time.Time{}, fmt.Errorf("policy pack %s: the engine sent no stack configuration (pulumi v3.255.0 or later is needed)", packName)
	}
	return p.stack, p.now, nil
}

// stackOf is the stack as the gate sees it: each resource's inputs as Analyze received them
// (its engine properties when Analyze never saw it), with the engine's parent, dependencies
// and outputs; and the stack's outputs.
func (p *pack) stackOf(in []*pulumirpc.AnalyzerResource) ([]policy.Resource, []policy.Output, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var resources []policy.Resource
	var outputs []policy.Output
	for _, ar := range in {
		props, err := unmarshal(ar.GetProperties())
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", ar.GetUrn(), err)
		}
		if ar.GetType() == stackType {
			for k, v := range props {
				outputs = append(outputs, policy.Output{Name: string(k), Value: v, Secret: v.ContainsSecrets()})
			}
			continue
		}
		r, ok := p.inputs[ar.GetUrn()]
		if !ok {
			r = policy.Resource{URN: ar.GetUrn(), Type: ar.GetType(), Name: ar.GetName(), Custom: custom(ar.GetType()),
				Protect: ar.GetOptions().GetProtect(), Provider: providerURN(ar.GetProvider()), Inputs: props}
		}
		r.Parent, r.Dependencies, r.Outputs = ar.GetParent(), ar.GetDependencies(), props
		resources = append(resources, r)
	}
	sort.Slice(outputs, func(i, j int) bool { return outputs[i].Name < outputs[j].Name })
	return resources, outputs, nil
}

func diagnostics(findings []policy.Finding) []*pulumirpc.AnalyzeDiagnostic {
	var out []*pulumirpc.AnalyzeDiagnostic
	for _, f := range findings {
		msg := f.Message
		if f.Name != "" && f.URN == "" {
			msg = "output " + f.Name + ": " + msg
		}
		if f.Waived {
			msg += " (waived by " + f.Waiver + ": " + f.Reason + ")"
		}
		rule, _ := policy.RuleByID(f.Rule)
		out = append(out, &pulumirpc.AnalyzeDiagnostic{PolicyName: f.Rule, PolicyPackName: packName, PolicyPackVersion: packVersion,
			Description: rule.Description, Message: msg, EnforcementLevel: level(f.Severity, f.Waived), Urn: f.URN})
	}
	return out
}

// custom: the program's own types (components) and the stack are not custom resources.
func custom(token string) bool {
	return !strings.HasPrefix(token, "mlplatform:") && token != stackType
}

// providerURN is "" for a default provider, as the offline plan records it.
func providerURN(pr *pulumirpc.AnalyzerProviderResource) string {
	if pr == nil || strings.HasPrefix(pr.GetName(), "default") {
		return ""
	}
	return pr.GetUrn()
}

// unmarshal keeps secrets, unknowns (a preview's values not known until apply) and resource
// references as the rules expect them (policy.PropertyOptions).
func unmarshal(st *structpb.Struct) (resource.PropertyMap, error) {
	if st == nil {
		return resource.PropertyMap{}, nil
	}
	return plugin.UnmarshalProperties(st, policy.PropertyOptions)
}
