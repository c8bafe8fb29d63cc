package policy_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/policy"
)

// step is one hop of a property path: an object key, an array index, or into a secret.
type step struct {
	key    string
	index  int // when key == "" and !secret
	secret bool
}

func (s step) String() string {
	switch {
	case s.secret:
		return "(secret)"
	case s.key != "":
		return s.key
	default:
		return fmt.Sprintf("[%d]", s.index)
	}
}

// change sets (or, with remove, deletes) the value at path.
type change struct {
	path   []step
	value  resource.PropertyValue
	remove bool
}

func (c change) String() string {
	parts := make([]string, len(c.path))
	for i, s := range c.path {
		parts[i] = s.String()
	}
	if c.remove {
		return "delete " + strings.Join(parts, ".")
	}
	return fmt.Sprintf("%s=%v", strings.Join(parts, "."), c.value)
}

// mutation is what turns a passing case into a failing one, to be applied to a real plan.
type mutation struct {
	edits       map[string][]change // by exact type token: applied to every resource of the type
	unprotect   map[string]bool     // types whose resources lose `protect`
	drop        []string            // types whose resources are removed
	outputs     []policy.Output     // set (by name)
	dropOutputs []string
	deployer    *policy.Deployer
	clock       *policy.Clock
}

func (m mutation) size() int {
	n := len(m.unprotect) + len(m.drop) + len(m.outputs) + len(m.dropOutputs)
	for _, cs := range m.edits {
		n += len(cs)
	}
	if m.deployer != nil {
		n++
	}
	if m.clock != nil {
		n++
	}
	return n
}

func (m mutation) String() string {
	var parts []string
	for _, typ := range slices.Sorted(maps.Keys(m.edits)) {
		for _, c := range m.edits[typ] {
			parts = append(parts, typ+" "+c.String())
		}
	}
	for typ := range m.unprotect {
		parts = append(parts, typ+" unprotected")
	}
	for _, typ := range m.drop {
		parts = append(parts, "no "+typ)
	}
	for _, o := range m.outputs {
		parts = append(parts, "output "+o.Name)
	}
	for _, o := range m.dropOutputs {
		parts = append(parts, "no output "+o)
	}
	if m.deployer != nil {
		parts = append(parts, "deployer "+m.deployer.Network)
	}
	if m.clock != nil {
		parts = append(parts, "clock "+m.clock.Now.Format("2006-01-02"))
	}
	return strings.Join(parts, "; ")
}

// mutationFrom pairs p's and f's resources by type and diffs them. It is false when f has a
// resource p has no counterpart for: adding a fixture to a plan would show the rule fires on
// the fixture, not on what the program registers.
func mutationFrom(p, f policy.Scenario) (mutation, bool) {
	m := mutation{edits: map[string][]change{}, unprotect: map[string]bool{}}
	byType := func(rs []policy.Resource) map[string][]policy.Resource {
		out := map[string][]policy.Resource{}
		for _, r := range rs {
			out[r.Type] = append(out[r.Type], r)
		}
		return out
	}
	ps, fs := byType(p.Resources), byType(f.Resources)
	for typ, frs := range fs {
		prs := ps[typ]
		for i, fr := range frs {
			if i >= len(prs) {
				return m, false
			}
			m.edits[typ] = append(m.edits[typ], diff(resource.NewObjectProperty(prs[i].Inputs), resource.NewObjectProperty(fr.Inputs), nil)...)
			if prs[i].Protect && !fr.Protect {
				m.unprotect[typ] = true
			}
		}
		if len(m.edits[typ]) == 0 {
			delete(m.edits, typ)
		}
	}
	for _, typ := range slices.Sorted(maps.Keys(ps)) {
		if len(fs[typ]) == 0 {
			m.drop = append(m.drop, typ)
		}
	}
	m.outputs, m.dropOutputs = diffOutputs(p.Outputs, f.Outputs)
	if p.Deployer != f.Deployer {
		d := f.Deployer
		m.deployer = &d
	}
	if !p.Clock.Now.Equal(f.Clock.Now) || p.Clock.CredentialRotationDays != f.Clock.CredentialRotationDays {
		c := f.Clock
		m.clock = &c
	}
	return m, true
}

func diffOutputs(p, f []policy.Output) (set []policy.Output, drop []string) {
	have := map[string]policy.Output{}
	for _, o := range p {
		have[o.Name] = o
	}
	for _, o := range f {
		if old, ok := have[o.Name]; !ok || old.Secret != o.Secret || !resource.NewPropertyValue(old.Value).DeepEquals(resource.NewPropertyValue(o.Value)) {
			set = append(set, o)
		}
		delete(have, o.Name)
	}
	return set, slices.Sorted(maps.Keys(have))
}

// diff lists the changes that turn a into b, as deep as both keep the same shape.
func diff(a, b resource.PropertyValue, path []step) []change {
	if a.DeepEquals(b) {
		return nil
	}
	at := func(s step) []step { return append(append([]step{}, path...), s) }
	switch {
	case a.IsSecret() && b.IsSecret():
		return diff(a.SecretValue().Element, b.SecretValue().Element, at(step{secret: true}))
	case a.IsObject() && b.IsObject():
		var out []change
		ao, bo := a.ObjectValue(), b.ObjectValue()
		for _, k := range bo.StableKeys() {
			if old, ok := ao[k]; ok {
				out = append(out, diff(old, bo[k], at(step{key: string(k)}))...)
			} else {
				out = append(out, change{path: at(step{key: string(k)}), value: bo[k]})
			}
		}
		for _, k := range ao.StableKeys() {
			if _, ok := bo[k]; !ok {
				out = append(out, change{path: at(step{key: string(k)}), remove: true})
			}
		}
		return out
	case a.IsArray() && b.IsArray() && len(a.ArrayValue()) == len(b.ArrayValue()):
		var out []change
		for i := range a.ArrayValue() {
			out = append(out, diff(a.ArrayValue()[i], b.ArrayValue()[i], at(step{index: i}))...)
		}
		return out
	}
	return []change{{path: path, value: b}}
}

// apply returns in with m applied; false when m edits or removes a type the plan does not
// have, or a path whose array index the plan's value does not have.
func (m mutation) apply(in policy.Scenario) (policy.Scenario, bool) {
	out := in
	out.Resources = nil
	dropped := map[string]bool{}
	for _, typ := range m.drop {
		dropped[typ] = true
	}
	edited, present := map[string]bool{}, map[string]bool{}
	for _, r := range in.Resources {
		present[r.Type] = true
		if dropped[r.Type] {
			continue
		}
		if cs, ok := m.edits[r.Type]; ok {
			v := resource.NewObjectProperty(r.Inputs)
			for _, c := range cs {
				var applied bool
				if v, applied = set(v, c.path, c); !applied {
					return in, false
				}
			}
			r.Inputs = v.ObjectValue()
			edited[r.Type] = true
		}
		if m.unprotect[r.Type] {
			r.Protect = false
		}
		out.Resources = append(out.Resources, r)
	}
	for typ := range m.edits {
		if !edited[typ] {
			return in, false
		}
	}
	for _, typ := range m.drop {
		if !present[typ] {
			return in, false
		}
	}
	out.Outputs = applyOutputs(in.Outputs, m)
	if m.deployer != nil {
		out.Deployer = *m.deployer
	}
	if m.clock != nil {
		out.Clock = *m.clock
	}
	return out, true
}

func applyOutputs(in []policy.Output, m mutation) []policy.Output {
	skip := map[string]bool{}
	for _, n := range m.dropOutputs {
		skip[n] = true
	}
	for _, o := range m.outputs {
		skip[o.Name] = true
	}
	var out []policy.Output
	for _, o := range in {
		if !skip[o.Name] {
			out = append(out, o)
		}
	}
	return append(out, m.outputs...)
}

// set applies c below v at path, copying what it changes; a secret on the way stays secret.
func set(v resource.PropertyValue, path []step, c change) (resource.PropertyValue, bool) {
	if len(path) == 0 {
		return c.value, true
	}
	s, rest := path[0], path[1:]
	switch {
	case s.secret:
		if !v.IsSecret() {
			return set(v, rest, c)
		}
		inner, ok := set(v.SecretValue().Element, rest, c)
		return resource.MakeSecret(inner), ok
	case s.key != "":
		obj := resource.PropertyMap{}
		if v.IsObject() {
			obj = v.ObjectValue().Copy()
		}
		k := resource.PropertyKey(s.key)
		if c.remove && len(rest) == 0 {
			delete(obj, k)
			return resource.NewObjectProperty(obj), true
		}
		child, ok := set(obj[k], rest, c)
		obj[k] = child
		return resource.NewObjectProperty(obj), ok
	default:
		if !v.IsArray() || s.index >= len(v.ArrayValue()) {
			return v, false
		}
		arr := append([]resource.PropertyValue{}, v.ArrayValue()...)
		child, ok := set(arr[s.index], rest, c)
		arr[s.index] = child
		return resource.NewArrayProperty(arr), ok
	}
}
