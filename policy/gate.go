package policy

import (
	"fmt"
	"strings"
	"time"

	"github.com/example/mlplatform/kit"
	"github.com/example/mlplatform/settings"
)

// WaiverProblem is a waiver the gate rejects: expired, covering no finding, or naming a
// decision that is not in force. Any problem fails the gate, as an unwaived high finding does.
type WaiverProblem struct {
	Waiver  string `json:"waiver"`
	Problem string `json:"problem"`
}

func (p WaiverProblem) String() string { return fmt.Sprintf("waiver %q: %s", p.Waiver, p.Problem) }

// ClockFor is the clock the date-dependent rules judge a plan of day now by.
func ClockFor(s *settings.Settings, now time.Time) Clock {
	return Clock{Now: now, CredentialRotationDays: s.Identity.RotationDays}
}

// Gate evaluates every rule and applies the stack's waivers as they stand on day now:
//   - a decision's waiver expands to the findings the decision implies (see Decision);
//   - an expired waiver waives nothing, so its findings are open again;
//   - every waiver (and every finding a decision's waiver implies) must cover a finding.
//
// It returns the findings and the waivers the gate rejects.
func Gate(resources []Resource, outputs []Output, s *settings.Settings, now time.Time) ([]Finding, []WaiverProblem) {
	live, origin, problems := liveWaivers(s, now)
	findings := EvaluateWith(DeployerFor(s), ClockFor(s, now), resources, outputs, live)
	for _, w := range UnusedWaivers(findings, live) {
		if w.Decision != "" {
			problems = append(problems, WaiverProblem{origin[w.Decision], fmt.Sprintf(
				"the decision implies %s@%s, which matches no finding: its table in policy/decisions.go is stale", w.Rule, w.Resource)})
		} else {
			problems = append(problems, WaiverProblem{w.String(), "covers no finding: remove it from the stack file"})
		}
	}
	return findings, problems
}

// liveWaivers are the stack's waivers in force on day now, each decision's expanded to the
// findings it implies, with the stack entry each expansion came from and the waivers rejected.
func liveWaivers(s *settings.Settings, now time.Time) ([]settings.Waiver, map[string]string, []WaiverProblem) {
	var live []settings.Waiver
	var problems []WaiverProblem
	origin := map[string]string{} // expanded decision -> the stack's entry
	for _, w := range s.Waivers {
		if w.Expired(now) {
			problems = append(problems, WaiverProblem{w.String(), fmt.Sprintf(
				"expired on %s: the findings it covered are open again; fix them or renew the waiver with a new date",
				w.Until.Format(time.DateOnly))})
			continue
		}
		if w.Decision == "" {
			live = append(live, w)
			continue
		}
		d, ok := DecisionByKey(w.Decision)
		if !ok {
			problems = append(problems, WaiverProblem{w.String(), "names no decision"})
			continue
		}
		value, relaxed := d.Relaxed(s)
		if !relaxed {
			problems = append(problems, WaiverProblem{w.String(), fmt.Sprintf(
				"the decision is not in force (%s is %s, the secure value): remove the waiver", d.Key, value)})
			continue
		}
		origin[d.Key] = w.String()
		for _, t := range d.Waives(s) {
			rule, res, _ := strings.Cut(t, "@")
			live = append(live, settings.Waiver{Rule: rule, Resource: res, Decision: d.Key, Until: w.Until, Reason: w.Reason})
		}
	}
	return live, origin, problems
}

// PerResource reports whether the rule judges each resource from its own inputs alone (the
// others look across resources or at the stack's outputs).
func (r Rule) PerResource() bool { return r.check != nil }

// GateResource is Gate's verdict of the per-resource rules on one resource, with the stack's
// waivers applied: what the policy pack reports as each resource registers, before it is
// created. Waiver problems need the whole stack: GateStack reports them.
func GateResource(r Resource, s *settings.Settings, now time.Time) []Finding {
	live, _, _ := liveWaivers(s, now)
	return evaluate(DeployerFor(s), ClockFor(s, now), []Resource{r}, nil, live, Rule.PerResource)
}

// GateStack is Gate with only the findings of the rules that look across resources or at the
// outputs (GateResource reported the others), and every waiver problem.
func GateStack(resources []Resource, outputs []Output, s *settings.Settings, now time.Time) ([]Finding, []WaiverProblem) {
	findings, problems := Gate(resources, outputs, s, now)
	perResource := map[string]bool{}
	for _, r := range registry() {
		perResource[r.ID] = r.PerResource()
	}
	var out []Finding
	for _, f := range findings {
		if !perResource[f.Rule] {
			out = append(out, f)
		}
	}
	return out, problems
}

// NotJudged is a per-resource rule that passed a resource only because inputs it reads are not
// known yet (a preview's values computed at apply): Paths names them.
type NotJudged struct {
	Rule  string
	Paths []string
}

// Unjudged lists the per-resource rules that pass r without having judged it: each read an
// input that is unknown until apply (kit.Unknowns traces what a check reads). Rules judge the
// same resource again at apply, when every input is known; the policy pack reports these
// during a preview so that a pass is never silent about what it could not see.
func Unjudged(r Resource) []NotJudged {
	var out []NotJudged
	for _, rule := range registry() {
		if !rule.PerResource() || !rule.applies(r.Type) {
			continue
		}
		msgs, paths := kit.Unknowns(rule.safeCheck, r)
		if len(msgs) == 0 && len(paths) > 0 {
			out = append(out, NotJudged{Rule: rule.ID, Paths: paths})
		}
	}
	return out
}
