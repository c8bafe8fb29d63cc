package kit

import (
	"fmt"
	"path"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Cases are the resources a rule must accept (no message) and reject (at least one). The
// component's own test runs them against the rule's check; policy's tests run them through
// the whole engine, so a rule cannot lose its cases by moving.
type Cases struct{ Pass, Fail []Case }

// Case is one resource: Base's inputs with Edits applied, as path/value pairs ("a.b", v);
// the value Deleted{} removes the key, Unknown stands for a value the engine has not
// computed yet.
type Case struct {
	Type  string
	Base  func() map[string]any
	Edits []any
}

// Deleted, as an edit's value, removes the key.
type Deleted struct{}

// Unknown is a value the engine has not computed yet (a preview's unknown output).
var Unknown = resource.MakeComputed(resource.NewStringProperty(""))

// Resource is the case as a registration named "subject".
func (c Case) Resource() Resource {
	in := c.Base()
	for i := 0; i+1 < len(c.Edits); i += 2 {
		SetPath(in, c.Edits[i].(string), c.Edits[i+1])
	}
	return Resource{URN: "urn:pulumi:prod::mlplatform::" + c.Type + "::subject", Type: c.Type, Name: "subject",
		Custom: true, Protect: true, Inputs: resource.NewPropertyMapFromMap(in)}
}

// SetPath assigns value at a dotted path of m, creating objects on the way; the value
// Deleted{} removes the key instead.
func SetPath(m map[string]any, path string, value any) {
	keys := strings.Split(path, ".")
	cur := m
	for _, k := range keys[:len(keys)-1] {
		next, ok := cur[k].(map[string]any)
		if !ok {
			next = map[string]any{}
			cur[k] = next
		}
		cur = next
	}
	last := keys[len(keys)-1]
	if _, del := value.(Deleted); del {
		delete(cur, last)
		return
	}
	cur[last] = value
}

// CaseProblems runs the rule's cases against its check alone and describes each that does not
// behave: a passing case with a message, a failing case without one, a case of a type the
// rule does not inspect, or a rule without a case of each kind. A component's test calls it.
func (r Rule) CaseProblems() []string {
	var out []string
	if len(r.Cases.Pass) == 0 || len(r.Cases.Fail) == 0 {
		out = append(out, r.ID+": needs at least one passing and one failing case")
	}
	for i, c := range append(append([]Case(nil), r.Cases.Pass...), r.Cases.Fail...) {
		pass := i < len(r.Cases.Pass)
		if !inspects(r.Types, c.Type) {
			out = append(out, fmt.Sprintf("%s case %d: type %s is not one the rule inspects", r.ID, i, c.Type))
			continue
		}
		if msgs := r.Check(c.Resource()); pass && len(msgs) > 0 {
			out = append(out, fmt.Sprintf("%s passing case %d: unexpected %q", r.ID, i, msgs))
		} else if !pass && len(msgs) == 0 {
			out = append(out, fmt.Sprintf("%s failing case %d (%v): no message", r.ID, i-len(r.Cases.Pass), c.Edits))
		}
	}
	return out
}

// inspects reports whether a type pattern of the rule matches token, compared as the policy
// engine does: path.Match on the token without its API-version segment.
func inspects(patterns []string, token string) bool {
	for _, p := range patterns {
		if ok, _ := path.Match(p, TypeKey(token)); ok {
			return true
		}
	}
	return false
}

// RunCases reports every rule's CaseProblems as test errors: a component's spec test is this
// one call.
func RunCases(t testing.TB, rules []Rule) {
	t.Helper()
	for _, rule := range rules {
		for _, p := range rule.CaseProblems() {
			t.Error(p)
		}
	}
}
