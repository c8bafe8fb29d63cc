// Package plan runs the real program offline, under the project's deterministic mocks, and
// reports what `pulumi up` would create: resources, dependencies, outputs and policy
// findings. It needs no cloud account, no Pulumi CLI and no provider plugin.
package plan

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/policy"
	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stack"
	"github.com/example/mlplatform/stackconfig"
)

// SecretMask replaces every secret value in the plan's output.
const SecretMask = "[secret]"

// Result is one stack's plan.
type Result struct {
	Project   string           `json:"project"`
	Stack     string           `json:"stack"`
	Resources []Resource       `json:"resources"`
	Outputs   map[string]any   `json:"outputs"`
	Findings  []policy.Finding `json:"findings"`
	Waivers   []string         `json:"waivers"`
	// WaiverProblems are waivers the gate rejects (expired, unused); any fails the plan.
	WaiverProblems []policy.WaiverProblem `json:"waiverProblems"`
	// Decisions are the named relaxations in force on this stack.
	Decisions []policy.InForce `json:"decisions"`
	// Examples are the offline example values the plan used for keys the stack files leave
	// empty (settings.OfflineExamples), as "key = value". A real deployment must set them.
	Examples []string `json:"examples,omitempty"`
	// Preflight lists what must exist outside the program before the first `pulumi up`.
	Preflight []Prerequisite `json:"preflight"`
	// CriticalPath is set only when asked for (plan -critical-path); see ModelDeployTime.
	CriticalPath *CriticalPath `json:"criticalPath,omitempty"`

	secretOutputs map[string]bool
	policyInput   PolicyInput
}

// PolicyInput is exactly what the policy gate judged: the registrations (secrets kept), the
// stack outputs, where `pulumi up` runs and the plan's clock. `-policy-input` writes it for the
// policy package's tests, which mutate it to show that each rule fires on a real plan, not only
// on hand-written fixtures (policy/live_test.go).
type PolicyInput = policy.Input

// PolicyInput returns what the gate judged (see PolicyInput).
func (r *Result) PolicyInput() PolicyInput { return r.policyInput }

// Resource is one registration as the engine would receive it.
type Resource struct {
	URN          string         `json:"urn"`
	Type         string         `json:"type"`
	Name         string         `json:"name"`
	Parent       string         `json:"parent"`
	Custom       bool           `json:"custom"`
	Protect      bool           `json:"protect"`
	Inputs       map[string]any `json:"inputs"`
	Dependencies []string       `json:"dependencies"`
	// DependsOn is the part of Dependencies the program asked for explicitly (pulumi.DependsOn):
	// the ones no input carries.
	DependsOn []string `json:"dependsOn"`
	// Provider is the URN of the explicit provider instance the resource uses; "" for the
	// default provider. The engine creates it first, like a dependency.
	Provider string `json:"provider"`
}

// ConfigError is bad or missing configuration: nothing was registered.
type ConfigError struct{ Err error }

func (e *ConfigError) Error() string { return e.Err.Error() }
func (e *ConfigError) Unwrap() error { return e.Err }

// Run plans stack from the Pulumi files in dir as the first deployment of a new stack on now's
// day would run (now places the credential rotation).
func Run(dir, stackName string, now time.Time) (*Result, error) {
	return RunAfter(dir, stackName, now, nil)
}

// RunAfter is Run for a stack whose last deployment exported previous (the plain values of
// `pulumi stack output --json`): what the program's read of its own last outputs returns, so
// the plan shows the credential rotation that deployment leads to. nil is a new stack.
func RunAfter(dir, stackName string, now time.Time, previous map[string]string) (*Result, error) {
	cfg, err := stackconfig.Load(dir, stackName)
	if err != nil {
		return nil, &ConfigError{err}
	}
	// Keys only the deploying team can know (image, hostname, IAP members) get labelled
	// examples when the stack files leave them empty; the plan lists them (Result.Examples).
	var examples []string
	cfg.Values, examples = settings.ApplyOfflineExamples(cfg.Project, cfg.Values)
	s, err := settings.Load(cfg.Project, cfg.Stack, cfg.Lookup, cfg.Options()...)
	if err != nil {
		return nil, &ConfigError{err}
	}
	if err := policy.CheckWaivers(s.Waivers); err != nil {
		return nil, &ConfigError{err}
	}

	m := mocks.New(cfg.Project, cfg.Stack)
	m.SetPreviousOutputs(previous)
	outputs := map[string]internals.UnsafeAwaitOutputResult{}
	program := func(ctx *pulumi.Context) error {
		// The same steps as stack.Program, plus capturing the exported values.
		defined, err := stack.Run(ctx, s, now)
		if err != nil {
			return err
		}
		for name, v := range defined {
			res, err := internals.UnsafeAwaitOutput(ctx.Context(), pulumi.ToOutput(v))
			if err != nil {
				return fmt.Errorf("output %s: %w", name, err)
			}
			outputs[name] = res
		}
		return nil
	}
	if err := pulumi.RunErr(program, m.RunOptions(cfg.Values, cfg.SecretKeys)...); err != nil {
		return nil, fmt.Errorf("program failed under mocks: %w", err)
	}
	r := assemble(cfg, s, now, m.Resources(), outputs)
	for _, key := range examples {
		r.Examples = append(r.Examples, key+" = "+cfg.Values[key])
	}
	return r, nil
}

func assemble(cfg *stackconfig.Config, s *settings.Settings, now time.Time, registered []mocks.Resource, outs map[string]internals.UnsafeAwaitOutputResult) *Result {
	r := &Result{Project: cfg.Project, Stack: cfg.Stack, Outputs: map[string]any{}, secretOutputs: map[string]bool{}}
	var policyResources []policy.Resource
	for _, reg := range registered {
		deps := append([]string{}, reg.Dependencies...)
		r.Resources = append(r.Resources, Resource{
			URN: reg.URN, Type: reg.Type, Name: reg.Name, Parent: reg.Parent, Custom: reg.Custom,
			Protect: reg.Protect, Inputs: toJSONMap(reg.Inputs), Dependencies: deps,
			DependsOn: append([]string{}, reg.DependsOn...), Provider: providerURN(reg.Provider),
		})
		policyResources = append(policyResources, policy.Resource{URN: reg.URN, Type: reg.Type, Name: reg.Name,
			Custom: reg.Custom, Protect: reg.Protect, Provider: providerURN(reg.Provider), Inputs: reg.Inputs, Outputs: reg.Outputs,
			Parent: reg.Parent, Dependencies: append([]string{}, deps...)})
	}
	var policyOutputs []policy.Output
	for name, o := range outs {
		value := toJSON(resource.NewPropertyValue(o.Value))
		if o.Secret {
			r.secretOutputs[name] = true
			r.Outputs[name] = SecretMask
		} else {
			r.Outputs[name] = value
		}
		policyOutputs = append(policyOutputs, policy.Output{Name: name, Value: o.Value, Secret: o.Secret})
	}
	sort.Slice(policyOutputs, func(i, j int) bool { return policyOutputs[i].Name < policyOutputs[j].Name })
	r.policyInput = PolicyInput{Resources: policyResources, Outputs: policyOutputs,
		Deployer: policy.DeployerFor(s), Clock: policy.ClockFor(s, now)}
	r.Findings, r.WaiverProblems = policy.Gate(policyResources, policyOutputs, s, now)
	if r.Findings == nil {
		r.Findings = []policy.Finding{}
	}
	if r.WaiverProblems == nil {
		r.WaiverProblems = []policy.WaiverProblem{}
	}
	r.Decisions = policy.DecisionsInForce(s)
	if r.Decisions == nil {
		r.Decisions = []policy.InForce{}
	}
	r.Preflight = Preflight(s)
	r.Waivers = []string{}
	for _, w := range s.Waivers {
		r.Waivers = append(r.Waivers, w.String())
	}
	return r
}

// Blocking reports whether an unwaived high-severity finding or a rejected waiver exists.
func (r *Result) Blocking() bool {
	if len(r.WaiverProblems) > 0 {
		return true
	}
	for _, f := range r.Findings {
		if f.Severity == policy.High && !f.Waived {
			return true
		}
	}
	return false
}

// IsConfigError reports whether err is bad configuration (exit code 2).
func IsConfigError(err error) bool {
	var ce *ConfigError
	return errors.As(err, &ce)
}

// providerURN strips the id from a provider reference ("<urn>::<id>").
func providerURN(ref string) string {
	if i := strings.LastIndex(ref, "::"); i >= 0 && strings.HasPrefix(ref, "urn:pulumi:") {
		return ref[:i]
	}
	return ref
}

// toJSONMap renders inputs for people and JSON: secrets masked, unknowns marked.
func toJSONMap(m resource.PropertyMap) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		if strings.HasPrefix(string(k), "__") { // engine-internal keys
			continue
		}
		out[string(k)] = toJSON(v)
	}
	return out
}

func toJSON(v resource.PropertyValue) any {
	switch {
	case v.IsSecret():
		return SecretMask
	case v.IsOutput():
		o := v.OutputValue()
		if o.Secret {
			return SecretMask
		}
		if !o.Known {
			return "[unknown]"
		}
		return toJSON(o.Element)
	case v.IsComputed():
		return "[unknown]"
	case v.IsNull():
		return nil
	case v.IsBool():
		return v.BoolValue()
	case v.IsNumber():
		return v.NumberValue()
	case v.IsString():
		return v.StringValue()
	case v.IsArray():
		out := make([]any, 0, len(v.ArrayValue()))
		for _, e := range v.ArrayValue() {
			out = append(out, toJSON(e))
		}
		return out
	case v.IsObject():
		return toJSONMap(v.ObjectValue())
	case v.IsResourceReference():
		return string(v.ResourceReferenceValue().URN)
	case v.IsAsset():
		return "[asset]"
	case v.IsArchive():
		return "[archive]"
	}
	return fmt.Sprint(v.V)
}
