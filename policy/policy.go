// Package policy is the platform's policy as code: rules over the resources a Pulumi program
// registers (type token and inputs, as the engine receives them) and over the stack outputs.
// The offline plan runs the program under mocks and feeds every registration here.
//
// Severities: high = a security exposure (data or credentials reachable or readable by
// someone who should not reach them); medium = missing hardening (defence in depth,
// recoverability, auditability); low = hygiene (cost/availability trade-offs, conventions).
//
// A rule stays silent on values the plan cannot know (unknown outputs). It treats an absent
// property as the value the cloud applies by default: only where that default is the secure
// one does absence pass.
package policy

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/example/mlplatform/components"
	"github.com/example/mlplatform/kit"
	"github.com/example/mlplatform/settings"
)

// Output is one stack output.
type Output struct {
	Name   string
	Value  any // a Go value (string, map, slice), a resource.PropertyValue or PropertyMap
	Secret bool
}

// Rule is one policy: metadata plus a small check.
type Rule struct {
	ID          string // ^[A-Z]+-[0-9]{3}$
	Severity    Severity
	Description string // what is required and why (the severity's reason included)
	Remediation string
	// Types are the resource type tokens the rule inspects, as path.Match patterns.
	// azure-native tokens are compared without their API-version module segment, so
	// azure-native:appconfiguration/v20240501:KeyValue matches azure-native:appconfiguration:KeyValue.
	// Empty means every resource.
	Types []string
	// External are the controls of external scanners the rule implements (Checkov CKV_*,
	// Trivy AVD-*, PSRule Azure.*, CIS benchmark numbers); docs/policy-coverage.md maps them.
	External []string
	// cases are a component rule's own (kit.Rule.Cases); the rules of this package keep
	// theirs in the tests' ruleCases table.
	cases kit.Cases

	check check                   // per resource of Types
	stack func(stack) []violation // whole stack (outputs, cross-resource); Types unused
}

// violation is what a stack-level rule reports before waivers are applied.
type violation struct {
	URN, Type, Name, Message string
}

// stack is what stack-level rules see.
type stack struct {
	resources []Resource
	outputs   []Output
	deployer  Deployer
	clock     Clock
}

// Clock is what date-dependent rules see: the day the plan runs as, and the credential
// rotation period. Rules that need it stay silent on the zero Clock.
type Clock struct {
	Now                    time.Time
	CredentialRotationDays int
}

// Finding is one violation of one rule by one resource (or stack output).
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	// URN, Type and Name identify the resource. For a stack output, URN and Type are empty
	// and Name is the output's name (so "OUT-001@kubeconfig" waives that output).
	URN     string `json:"urn,omitempty"`
	Type    string `json:"type,omitempty"`
	Name    string `json:"name"`
	Message string `json:"message"`
	Waived  bool   `json:"waived"`
	Reason  string `json:"reason,omitempty"` // the waiver's reason when Waived
	// Waiver is what waived it: "RULE@name", "RULE@*" or a decision's key.
	Waiver string `json:"waiver,omitempty"`
}

// String renders the finding on one line.
func (f Finding) String() string {
	subject := f.URN
	if subject == "" {
		subject = "output " + f.Name
	}
	s := fmt.Sprintf("[%s] %s %s: %s", f.Severity, f.Rule, subject, f.Message)
	if f.Waived {
		s += " (waived: " + f.Reason + ")"
	}
	return s
}

// IDPattern is the form of every rule id (and of a waiver's rule).
var IDPattern = regexp.MustCompile(`^[A-Z]+-[0-9]{3}$`)

// registry is every rule, grouped by file; Rules sorts it.
func registry() []Rule {
	var out []Rule
	for _, group := range [][]Rule{storageLogRules, subnetRules, roleAssignmentRules, entraRules, secretInputRules, gkeRules, podSecurityRules,
		gcpIAMRules, outputRules, statefulRules, workloadRules, entryRules, deployerRules, crossCloudRules, vpnRules, vpnSessionRules} {
		out = append(out, group...)
	}
	// Issue 14 (workload hardening, namespace defaults, IAM and GKE gaps): its own statement
	// so the group list above merges cleanly with the other issue-14 branch.
	out = append(out, k8sWorkloadRules...)
	// Issue 21, the journey person → entryUrl → microservice (branch issue-21-entry).
	out = append(out, journeyRules...)
	out = append(out, tlsRules...)
	// Issue 14, GCP/Kubernetes "by construction" rows turned into rules (branch issue-14d).
	out = append(out, k8sHardeningRules...)
	out = append(out, gcpHardeningRules...)
	// Issue 14 ("by construction" Azure rows): its own statement, as above.
	out = append(out, constructionRules...)
	out = append(out, azureProtectionRules...)
	// Issue 21, first `up` ordering: its own statement, as above.
	out = append(out, orderRules...)
	// The components' own rules, from the one list of components.
	for _, c := range components.All() {
		for _, r := range c.Rules {
			out = append(out, Rule{ID: r.ID, Severity: r.Severity, Description: r.Description, Remediation: r.Remediation,
				Types: r.Types, External: r.External, cases: r.Cases, check: r.Check})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Rules returns every rule, sorted by id. The result is the caller's to keep or modify.
func Rules() []Rule {
	rules := registry()
	for i := range rules {
		rules[i].Types = append([]string(nil), rules[i].Types...)
		rules[i].External = append([]string(nil), rules[i].External...)
	}
	return rules
}

// RuleByID returns the rule with the given id.
func RuleByID(id string) (Rule, bool) {
	for _, r := range registry() {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Evaluate runs every rule over the resources and outputs and applies the waivers. Waived
// findings stay in the result (Waived, Reason). The order is by rule, URN, name, message.
// Date-dependent rules are silent: see EvaluateAt.
func Evaluate(resources []Resource, outputs []Output, waivers []settings.Waiver) []Finding {
	return EvaluateWith(Deployer{}, Clock{}, resources, outputs, waivers)
}

// EvaluateFor is Evaluate knowing where `pulumi up` runs, so the reachability rules can judge
// every write (with the zero Deployer they stay silent).
func EvaluateFor(deployer Deployer, resources []Resource, outputs []Output, waivers []settings.Waiver) []Finding {
	return EvaluateWith(deployer, Clock{}, resources, outputs, waivers)
}

// EvaluateAt is Evaluate with a clock for the date-dependent rules.
func EvaluateAt(resources []Resource, outputs []Output, waivers []settings.Waiver, clock Clock) []Finding {
	return EvaluateWith(Deployer{}, clock, resources, outputs, waivers)
}

// EvaluateWith is Evaluate knowing both where `pulumi up` runs and the plan's clock.
func EvaluateWith(deployer Deployer, clock Clock, resources []Resource, outputs []Output, waivers []settings.Waiver) []Finding {
	return evaluate(deployer, clock, resources, outputs, waivers, nil)
}

// evaluate is EvaluateWith over the rules keep selects (nil: every rule).
func evaluate(deployer Deployer, clock Clock, resources []Resource, outputs []Output, waivers []settings.Waiver, keep func(Rule) bool) []Finding {
	var out []Finding
	st := stack{resources: resources, outputs: outputs, deployer: deployer, clock: clock}
	for _, rule := range registry() {
		if keep != nil && !keep(rule) {
			continue
		}
		for _, v := range rule.run(st) {
			f := Finding{Rule: rule.ID, Severity: rule.Severity, URN: v.URN, Type: v.Type, Name: v.Name, Message: v.Message}
			if w, ok := waiverFor(f, waivers); ok {
				f.Waived, f.Reason, f.Waiver = true, w.Reason, w.Target()
			}
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.URN != b.URN {
			return a.URN < b.URN
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Message < b.Message
	})
	return out
}

// Unwaived returns the findings no waiver covers, in order.
func Unwaived(findings []Finding) []Finding {
	var out []Finding
	for _, f := range findings {
		if !f.Waived {
			out = append(out, f)
		}
	}
	return out
}

// run applies the rule and turns a panicking check into a finding, so one faulty rule
// cannot take the whole plan down (the tests assert no rule ever gets here).
func (rule Rule) run(st stack) (out []violation) {
	if rule.stack != nil {
		defer func() {
			if p := recover(); p != nil {
				out = append(out, violation{Message: fmt.Sprintf("rule failed to evaluate: %v", p)})
			}
		}()
		return rule.stack(st)
	}
	for _, r := range st.resources {
		if !rule.applies(r.Type) {
			continue
		}
		for _, msg := range rule.safeCheck(r) {
			out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name, Message: msg})
		}
	}
	return out
}

func (rule Rule) safeCheck(r Resource) (msgs []string) {
	defer func() {
		if p := recover(); p != nil {
			msgs = []string{fmt.Sprintf("rule failed to evaluate: %v", p)}
		}
	}()
	return rule.check(r)
}

// Applies reports whether the rule inspects resources of the given type token.
func (rule Rule) Applies(token string) bool { return rule.applies(token) }

func (rule Rule) applies(token string) bool {
	if len(rule.Types) == 0 {
		return true
	}
	key := typeKey(token)
	for _, pattern := range rule.Types {
		if ok, _ := path.Match(pattern, key); ok {
			return true
		}
	}
	return false
}

// waiverFor picks the waiver covering f: one naming f's resource beats a rule-wide one ("*").
func waiverFor(f Finding, waivers []settings.Waiver) (settings.Waiver, bool) {
	var global *settings.Waiver
	for i, w := range waivers {
		switch {
		case w.Rule != f.Rule:
		case w.Resource != settings.AllResources && names(w, f):
			return w, true
		case w.Resource == settings.AllResources && global == nil:
			global = &waivers[i]
		}
	}
	if global != nil {
		return *global, true
	}
	return settings.Waiver{}, false
}

// names reports whether w's resource is f's: by logical name, by type token (a decision's
// expansion, see ruleOn; no logical name holds a ':') or every resource ("*").
func names(w settings.Waiver, f Finding) bool {
	switch {
	case w.Resource == settings.AllResources:
		return true
	case strings.Contains(w.Resource, ":"):
		return f.Type != "" && typeKey(w.Resource) == typeKey(f.Type)
	}
	return w.Resource != "" && w.Resource == f.Name
}

// CheckWaivers rejects waivers that name a rule or decision that does not exist (a typo
// would otherwise silently waive nothing). The error names every such entry and lists the
// valid ids.
func CheckWaivers(waivers []settings.Waiver) error {
	known := map[string]bool{}
	var ids []string
	for _, r := range registry() {
		known[r.ID] = true
		ids = append(ids, r.ID)
	}
	var errs []error
	for _, w := range waivers {
		switch {
		case w.Decision != "":
			if _, ok := DecisionByKey(w.Decision); !ok {
				errs = append(errs, fmt.Errorf("policy waiver %q names %s, which is not a decision (decisions: %s)",
					w.String(), w.Decision, strings.Join(decisionKeys(), ", ")))
			}
		case !known[w.Rule]:
			errs = append(errs, fmt.Errorf("policy waiver %q names unknown rule %s", w.String(), w.Rule))
		}
	}
	if len(errs) == 0 {
		return nil
	}
	errs = append(errs, fmt.Errorf("valid rule ids: %s", strings.Join(ids, ", ")))
	return errors.Join(errs...)
}

// UnusedWaivers returns the rule waivers that cover none of the findings (stale entries that
// should be removed from the stack file), in their given order.
func UnusedWaivers(findings []Finding, waivers []settings.Waiver) []settings.Waiver {
	var out []settings.Waiver
	for _, w := range waivers {
		used := false
		for _, f := range findings {
			if f.Rule == w.Rule && names(w, f) {
				used = true
				break
			}
		}
		if !used {
			out = append(out, w)
		}
	}
	return out
}
