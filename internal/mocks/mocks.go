// Package mocks is a realistic, deterministic stand-in for the Pulumi engine and the cloud
// providers. The tests and the offline plan run the real program against it.
//
// Every registration is recorded as the engine would receive it (inputs, parent, dependencies,
// protect). Ids and computed outputs are derived only from the resource's type, name and inputs,
// so the same program and config yield byte-identical results on every run.
package mocks

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"

	"github.com/example/mlplatform/kit"
)

// Fixed identities of the fake tenant, subscription and deployer. They are well-formed
// GUIDs so validation in the program treats them like real ones.
const (
	TenantID         = kit.MockTenantID
	SubscriptionID   = "22222222-2222-4222-8222-222222222222"
	DeployerObjectID = "33333333-3333-4333-8333-333333333333"
	DeployerClientID = "44444444-4444-4444-8444-444444444444"
	GCPProjectNumber = "123456789012"
	// RoleAssignmentCreatedOn is every mocked role assignment's createdOn, in ARM's format: long
	// past, so waits for a grant to take effect see it as propagated.
	RoleAssignmentCreatedOn = "2024-05-01T08:00:00.0000000Z"
)

// Resource is one registration, as sent to the engine.
type Resource struct {
	URN            string
	Type           string
	Name           string
	Parent         string // URN; empty for the stack itself
	Custom         bool
	Protect        bool
	RetainOnDelete bool
	Provider       string
	Version        string // provider plugin version the resource pins
	Aliases        []string
	IgnoreChanges  []string // input paths the engine leaves alone after creation
	Dependencies   []string // URNs, sorted
	// DependsOn is what the program asked for explicitly: the dependencies no input carries.
	DependsOn []string
	Inputs    resource.PropertyMap
	ID        string
	Outputs   resource.PropertyMap
}

// Call is one provider function invocation.
type Call struct {
	Token string
	Args  resource.PropertyMap
}

// Mocks implements pulumi.MockResourceMonitor.
type Mocks struct {
	project, stack string

	mu        sync.Mutex
	config    map[string]string
	resources []Resource
	calls     []Call
	// previous are the outputs a stack reference to this stack reads (its last update).
	previous map[string]string
	// transforms are the program's stack transforms, run on every registration (transforms.go).
	transforms []pulumi.ResourceTransform
}

// SetPreviousOutputs makes a stack reference to this stack (the program reading its own last
// update) answer with these plain outputs. Without it, the stack has never been deployed.
func (m *Mocks) SetPreviousOutputs(outputs map[string]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.previous = outputs
}

// stackReference answers a read of pulumi:pulumi:StackReference the way the engine does.
func (m *Mocks) stackReference(name string) resource.PropertyMap {
	outputs := resource.PropertyMap{}
	m.mu.Lock()
	self := name == fmt.Sprintf("organization/%s/%s", m.project, m.stack)
	for k, v := range m.previous {
		if self {
			outputs[resource.PropertyKey(k)] = resource.NewStringProperty(v)
		}
	}
	m.mu.Unlock()
	return resource.PropertyMap{
		"name":              resource.NewStringProperty(name),
		"outputs":           resource.NewObjectProperty(outputs),
		"secretOutputNames": resource.NewArrayProperty(nil),
	}
}

// New returns mocks for one run of project/stack.
func New(project, stack string) *Mocks { return &Mocks{project: project, stack: stack} }

// RunOptions wires the mocks and the given configuration (fully qualified keys) into a run.
func (m *Mocks) RunOptions(config map[string]string, secretKeys []string) []pulumi.RunOption {
	return []pulumi.RunOption{
		pulumi.WithMocks(m.project, m.stack, m),
		func(info *pulumi.RunInfo) {
			m.mu.Lock()
			m.config = config
			m.mu.Unlock()
			info.Config = config
			info.ConfigSecretKeys = secretKeys
		},
	}
}

// NewResource records the registration and answers with a deterministic id and outputs.
func (m *Mocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	inputs, err := m.transform(args)
	if err != nil {
		return "", nil, err
	}
	args.Inputs = inputs // what the engine passes on to the provider and to state
	r := Resource{Type: args.TypeToken, Name: args.Name, Custom: args.Custom, Provider: args.Provider,
		Inputs: args.Inputs}
	if rpc := args.RegisterRPC; rpc != nil {
		m.fromRegisterRequest(&r, rpc)
	}
	r.URN = m.urn(r.Parent, r.Type, r.Name)

	// A read (the mock monitor reports reads as non-custom).
	if args.TypeToken == "pulumi:pulumi:StackReference" {
		name := args.ID
		if v, ok := args.Inputs["name"]; ok && v.IsString() {
			name = v.StringValue()
		}
		r.ID, r.Outputs = name, m.stackReference(name)
		m.record(r)
		return r.ID, r.Outputs, nil
	}
	if !args.Custom {
		// Components have no provider; their outputs arrive via RegisterResourceOutputs.
		m.record(r)
		return "", resource.PropertyMap{}, nil
	}
	id, outputs, err := m.provision(args.TypeToken, args.Name, args.Inputs)
	if err != nil {
		return "", nil, fmt.Errorf("mock %s %q: %w", args.TypeToken, args.Name, err)
	}
	if args.ID != "" { // a read or an import keeps the id asked for
		id = args.ID
	}
	r.ID, r.Outputs = id, outputs
	m.record(r)
	return id, outputs, nil
}

// fromRegisterRequest fills in what the engine receives beside the inputs: parent, options,
// aliases and dependencies (DependsOn: those no input carries).
func (m *Mocks) fromRegisterRequest(r *Resource, rpc *pulumirpc.RegisterResourceRequest) {
	r.Parent = rpc.GetParent()
	r.Protect = rpc.GetProtect()
	r.RetainOnDelete = rpc.GetRetainOnDelete()
	r.Version = rpc.GetVersion()
	r.Aliases = append(r.Aliases, rpc.GetAliasURNs()...)
	r.IgnoreChanges = rpc.GetIgnoreChanges()
	for _, a := range rpc.GetAliases() {
		if spec := a.GetSpec(); spec != nil && spec.GetType() != "" {
			r.Aliases = append(r.Aliases, spec.GetType())
		} else if spec != nil && spec.GetName() != "" {
			// A rename: record the URN the alias points at (same type and parent).
			parent := r.Parent
			if p := spec.GetParentUrn(); p != "" {
				parent = p
			}
			r.Aliases = append(r.Aliases, m.urn(parent, r.Type, spec.GetName()))
		}
	}
	r.Dependencies = append(r.Dependencies, rpc.GetDependencies()...)
	sort.Strings(r.Dependencies)
	carried := map[string]bool{}
	for _, deps := range rpc.GetPropertyDependencies() {
		for _, urn := range deps.GetUrns() {
			carried[urn] = true
		}
	}
	for _, urn := range r.Dependencies {
		if !carried[urn] {
			r.DependsOn = append(r.DependsOn, urn)
		}
	}
}

// Call answers provider functions (invokes) the program uses.
func (m *Mocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	m.mu.Lock()
	m.calls = append(m.calls, Call{Token: args.Token, Args: args.Args})
	m.mu.Unlock()
	if fn, ok := invokes[args.Token]; ok {
		return resource.NewPropertyMapFromMap(fn(args.Args.Mappable())), nil
	}
	return nil, fmt.Errorf("mocks: no answer for invoke %s (add one to internal/mocks)", args.Token)
}

func (m *Mocks) record(r Resource) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.resources = append(m.resources, r)
}

// urn mirrors the engine's URN scheme (parent type chain, as the SDK's mock monitor builds it).
func (m *Mocks) urn(parent, typ, name string) string {
	parentType := tokens.Type("")
	if p := resource.URN(parent); p != "" && p.QualifiedType() != resource.RootStackType {
		parentType = p.QualifiedType()
	}
	return string(resource.NewURN(tokens.QName(m.stack), tokens.PackageName(m.project), parentType,
		tokens.Type(typ), name))
}

// Resources returns every registration in URN order (registration order depends on scheduling).
func (m *Mocks) Resources() []Resource {
	m.mu.Lock()
	out := append([]Resource(nil), m.resources...)
	m.mu.Unlock()
	sort.Slice(out, func(i, j int) bool { return out[i].URN < out[j].URN })
	return out
}

// Calls returns the invokes made, in call order.
func (m *Mocks) Calls() []Call {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]Call(nil), m.calls...)
}

// ByType returns the registrations of one type token, in URN order.
func (m *Mocks) ByType(token string) []Resource {
	var out []Resource
	for _, r := range m.Resources() {
		if r.Type == token {
			out = append(out, r)
		}
	}
	return out
}

// Find returns the registration of the given type and logical name.
func (m *Mocks) Find(token, name string) (Resource, bool) {
	for _, r := range m.Resources() {
		if r.Type == token && r.Name == name {
			return r, true
		}
	}
	return Resource{}, false
}

// Fataler is the part of testing.TB that MustFind uses (the mocks also run outside tests).
type Fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// MustFind is Find for tests: it stops the test when nothing of that type and name was registered.
func (m *Mocks) MustFind(t Fataler, token, name string) Resource {
	t.Helper()
	r, ok := m.Find(token, name)
	if !ok {
		t.Fatalf("no %s %q registered", token, name)
	}
	return r
}

// At reads the value at a path of object keys (strings) and array indexes (ints) from a
// property map, looking through secrets; nil when the path does not exist.
func At(pm resource.PropertyMap, path ...interface{}) interface{} {
	var cur interface{} = pm.Mappable()
	for _, step := range path {
		if sec, ok := cur.(*resource.Secret); ok {
			cur = sec.Element.Mappable()
		}
		switch k := step.(type) {
		case string:
			obj, ok := cur.(map[string]interface{})
			if !ok {
				return nil
			}
			cur = obj[k]
		case int:
			arr, ok := cur.([]interface{})
			if !ok || k >= len(arr) {
				return nil
			}
			cur = arr[k]
		}
	}
	return cur
}

// ByURN returns the registration with the given URN.
func (m *Mocks) ByURN(urn string) (Resource, bool) {
	for _, r := range m.Resources() {
		if r.URN == urn {
			return r, true
		}
	}
	return Resource{}, false
}

// Request is what a provisioner sees: the logical name, the inputs and the run's configuration
// (so provider defaults such as gcp:project are available, as they are to a real provider).
type Request = kit.MockRequest

// provisioner derives a resource's id and its computed outputs (merged over its inputs).
// A computed value may be a resource.PropertyValue, e.g. resource.MakeSecret(...).
type provisioner func(req Request) (id string, computed map[string]interface{})

var (
	provisioners = map[string]provisioner{}
	invokes      = map[string]func(args map[string]interface{}) map[string]interface{}{}
)

// registerInvoke is called from the per-provider files' init functions.
func registerInvoke(token string, fn func(args map[string]interface{}) map[string]interface{}) {
	if _, dup := invokes[token]; dup {
		panic("mocks: duplicate invoke for " + token)
	}
	invokes[token] = fn
}

// register is called from the per-provider files' init functions.
func register(token string, p provisioner) {
	if _, dup := provisioners[token]; dup {
		panic("mocks: duplicate provisioner for " + token)
	}
	provisioners[token] = p
}

func (m *Mocks) provision(token, name string, inputs resource.PropertyMap) (string, resource.PropertyMap, error) {
	p, ok := provisioners[token]
	if !ok {
		p = fallbackProvisioner(token)
	}
	m.mu.Lock()
	config := m.config
	m.mu.Unlock()
	id, computed := p(Request{Name: name, In: inputs.Mappable(), Config: config})
	outputs := inputs.Copy()
	for k, v := range computed {
		key := resource.PropertyKey(k)
		pv, isPV := v.(resource.PropertyValue)
		if !isPV {
			pv = resource.NewPropertyValue(v)
		}
		if old, had := inputs[key]; had && old.ContainsSecrets() {
			pv = resource.MakeSecret(pv) // a provider never unmasks a secret input
		}
		outputs[key] = pv
	}
	return id, outputs, nil
}

// fallbackProvisioner keeps unknown types usable: inputs echoed, an id from the name.
func fallbackProvisioner(token string) provisioner {
	return func(req Request) (string, map[string]interface{}) {
		return req.Name + "-" + Hash(token, req.Name)[:8], nil
	}
}

// Hash is a short, stable hex digest of its parts.
func Hash(parts ...string) string { return kit.Hash(parts...) }

// GUID returns a stable, well-formed version-4-shaped GUID derived from its parts.
func GUID(parts ...string) string { return kit.GUID(parts...) }

// str reads a string input (or "").
func str(in map[string]interface{}, key string) string { return kit.Str(in, key) }

// nested reads a string at a path of object keys (or "").
func nested(in map[string]interface{}, path ...string) string { return kit.Nested(in, path...) }

// autoName mirrors Pulumi auto-naming: the logical name plus a 7-character suffix.
func autoName(name string, in map[string]interface{}, key string) string {
	return kit.AutoName(Request{Name: name, In: in}, key)
}

// ContainsPlain reports whether s occurs in any string of m that is not inside a secret.
func ContainsPlain(m resource.PropertyMap, s string) bool {
	return containsPlain(resource.NewObjectProperty(m), s)
}

func containsPlain(v resource.PropertyValue, s string) bool {
	switch {
	case v.IsSecret():
		return false
	case v.IsString():
		return strings.Contains(v.StringValue(), s)
	case v.IsArray():
		for _, e := range v.ArrayValue() {
			if containsPlain(e, s) {
				return true
			}
		}
	case v.IsObject():
		for _, e := range v.ObjectValue() {
			if containsPlain(e, s) {
				return true
			}
		}
	case v.IsOutput():
		o := v.OutputValue()
		return !o.Secret && containsPlain(o.Element, s)
	}
	return false
}

// SetConfig gives the provisioners the configuration a provider receives (the stand-in
// provider plugin of the engine-level test calls it from Configure).
func (m *Mocks) SetConfig(config map[string]string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.config = config
}
