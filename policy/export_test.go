package policy

// Exports for live_test.go (package policy_test), which applies every rule's cases to real
// plans. The plan package imports this one, so that test cannot live inside it.

// Scenario is one case of a rule: what one Evaluate call sees.
type Scenario struct {
	Resources []Resource
	Outputs   []Output
	Deployer  Deployer
	Clock     Clock
}

// Cases returns rule's passing and failing scenarios (ruleCases).
func Cases(rule string) (pass, fail []Scenario) {
	r, _ := RuleByID(rule)
	c, _ := casesOf(r)
	return exportScenarios(c.pass), exportScenarios(c.fail)
}

// Baselines are the secure fixtures, one per type (baselines).
func Baselines() []Resource { return baselines() }

func exportScenarios(in []scenario) []Scenario {
	out := make([]Scenario, 0, len(in))
	for _, s := range in {
		out = append(out, Scenario{Resources: s.resources, Outputs: s.outputs, Deployer: s.deployer, Clock: s.clock})
	}
	return out
}

// CountOf is how many findings rule id reports on s, running that rule alone.
func CountOf(id string, s Scenario) int {
	st := stack{resources: s.Resources, outputs: s.Outputs, deployer: s.Deployer, clock: s.Clock}
	for _, rule := range registry() {
		if rule.ID == id {
			return len(rule.run(st))
		}
	}
	return -1
}
