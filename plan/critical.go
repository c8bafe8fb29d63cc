package plan

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"
)

// CriticalPath models how long `pulumi up` takes to create the stack from nothing.
//
// Model: every custom resource takes its type's typical creation time (TypicalCreateTime) and
// starts as soon as everything it waits for has been created; nothing else limits
// parallelism. That matches Pulumi's default (`pulumi up` without --parallel runs every ready
// step at once); with --parallel N, or with providers that serialize calls (the Google
// provider takes a per-project lock for project IAM policy edits), the real time is longer.
// A wait the program makes real is modeled as the resource that waits: the mesh readiness Job
// (managed mesh establishing its CRDs, plan/durations.go), or as a step of its own: a role
// assignment taking effect, for the resource types in GrantPropagation that receive the
// assignment through an input (the program's wait carries it, azure/appconfig/appconfig.go).
// Propagation the program does not wait for (other RBAC, DNS) is not modeled.
//
// A resource waits for: its dependencies (a dependency on a component means every custom
// resource inside it), its explicit provider, and a custom parent. Total is the longest path
// through that graph by summed durations.
//
// LowerBound is the same with only the inherent dependencies: those that an input carries
// (an output of one resource flows into another, so no scheduler could reorder them), plus
// provider and parent. Explicit pulumi.DependsOn edges are left out. Total - LowerBound is
// what the explicit DependsOn edges cost; Lengthening names the ones that cost anything.
type CriticalPath struct {
	// Parallelism states the scheduling assumption.
	Parallelism string `json:"parallelism"`
	// TotalSeconds is the modeled deployment time with all dependencies.
	TotalSeconds float64 `json:"totalSeconds"`
	// Chain is the longest path, first resource to create first.
	Chain []Step `json:"chain"`
	// LowerBoundSeconds is the modeled time with inherent dependencies only.
	LowerBoundSeconds float64 `json:"lowerBoundSeconds"`
	// LowerBoundChain is the longest path with inherent dependencies only.
	LowerBoundChain []Step `json:"lowerBoundChain"`
	// ExplicitEdges are all dependencies only pulumi.DependsOn creates, in URN order.
	ExplicitEdges []ExplicitEdge `json:"explicitEdges"`
	// Lengthening are the explicit edges whose path is longer than LowerBound.
	Lengthening []ExplicitEdge `json:"lengthening"`
	// DefaultedTypes had no entry in the duration table and took DefaultCreateTime.
	DefaultedTypes []string `json:"defaultedTypes"`
	// GrantWaits are the role assignments a resource waits for to be in effect
	// (GrantPropagation), in URN order.
	GrantWaits []GrantWait `json:"grantWaits"`
}

// GrantWait is the step of a role assignment taking effect.
type GrantWait struct {
	// Assignment is the role assignment's URN; Seconds how long it takes to be in effect.
	Assignment string  `json:"assignment"`
	Seconds    float64 `json:"seconds"`
	// PathSeconds is the longest path through the wait; SlackSeconds how much shorter it is
	// than the modeled total.
	PathSeconds  float64 `json:"pathSeconds"`
	SlackSeconds float64 `json:"slackSeconds"`
}

// InEffectType is the type shown for the step of a role assignment taking effect.
const InEffectType = roleAssignmentType + " (in effect)"

const (
	roleAssignmentType = "azure-native:authorization:RoleAssignment"
	inEffectSuffix     = "#in-effect"
)

// Step is one resource on a chain.
type Step struct {
	URN           string  `json:"urn"`
	Type          string  `json:"type"`
	Name          string  `json:"name"`
	Seconds       float64 `json:"seconds"`
	FinishSeconds float64 `json:"finishSeconds"` // cumulative: when it is created
	// Via is how this step waits for the previous one: input, dependsOn, provider or parent
	// ("" for the first step).
	Via string `json:"via"`
}

// ExplicitEdge is a dependency of From on To that only pulumi.DependsOn creates.
type ExplicitEdge struct {
	From     string `json:"from"`
	FromType string `json:"fromType"`
	To       string `json:"to"`
	ToType   string `json:"toType"`
	// PathSeconds is the longest path through this edge when it is added alone to the
	// inherent graph; above LowerBoundSeconds, the edge lengthens the deployment.
	PathSeconds float64 `json:"pathSeconds"`
	// AddedSeconds is max(0, PathSeconds-LowerBoundSeconds); SlackSeconds the opposite margin.
	AddedSeconds float64 `json:"addedSeconds"`
	SlackSeconds float64 `json:"slackSeconds"`
}

// Edge kinds, weakest last: when a resource waits for another in several ways, the
// inherent one wins (an explicit DependsOn that an input also carries changes nothing).
const (
	viaInput     = "input"
	viaProvider  = "provider"
	viaParent    = "parent"
	viaDependsOn = "dependsOn"
)

// schedGraph is the scheduling graph over custom resources: deps[u][v] = kind when u waits for v.
type schedGraph struct {
	nodes []string // URN order
	res   map[string]Resource
	dur   map[string]time.Duration
	deps  map[string]map[string]string
}

// ModelDeployTime computes the critical path with the given typical creation times per type
// token (nil: TypicalCreateTime). It fails on a dependency cycle instead of looping.
func (r *Result) ModelDeployTime(durations map[string]time.Duration) (*CriticalPath, error) {
	if durations == nil {
		durations = TypicalCreateTime
	}
	g, defaulted := r.schedGraph(durations)
	cp := &CriticalPath{
		Parallelism:    "unbounded, the pulumi up default (--parallel N or provider-side locks make it longer)",
		ExplicitEdges:  []ExplicitEdge{},
		Lengthening:    []ExplicitEdge{},
		DefaultedTypes: defaulted,
	}

	all := func(string) bool { return true }
	inherent := func(kind string) bool { return kind != viaDependsOn }
	orderAll, err := g.topo(all)
	if err != nil {
		return nil, err
	}
	orderInh, err := g.topo(inherent)
	if err != nil {
		return nil, err // unreachable: removing edges cannot create a cycle
	}
	var total, lower time.Duration
	total, cp.Chain = g.longest(orderAll, all)
	cp.GrantWaits = g.grantWaits(orderAll, total)
	lower, cp.LowerBoundChain = g.longest(orderInh, inherent)
	cp.TotalSeconds, cp.LowerBoundSeconds = total.Seconds(), lower.Seconds()

	// Longest path through an explicit edge u->v, added alone to the inherent graph:
	// (longest finish of v) + (u and the longest chain of what waits for u).
	finish, _ := g.finishTimes(orderInh, inherent)
	tail := g.tails(orderInh, inherent)
	for _, u := range g.nodes {
		for _, v := range sortedKeys(g.deps[u]) {
			if g.deps[u][v] != viaDependsOn {
				continue
			}
			path := finish[v] + tail[u]
			e := ExplicitEdge{From: u, FromType: g.res[u].Type, To: v, ToType: g.res[v].Type,
				PathSeconds: path.Seconds()}
			if path > lower {
				e.AddedSeconds = (path - lower).Seconds()
				cp.Lengthening = append(cp.Lengthening, e)
			} else {
				e.SlackSeconds = (lower - path).Seconds()
			}
			cp.ExplicitEdges = append(cp.ExplicitEdges, e)
		}
	}
	return cp, nil
}

// schedGraph builds the graph and reports the types that took the default duration.
func (r *Result) schedGraph(durations map[string]time.Duration) (*schedGraph, []string) {
	byURN := map[string]Resource{}
	for _, res := range r.Resources {
		byURN[res.URN] = res
	}
	g := &schedGraph{res: map[string]Resource{}, dur: map[string]time.Duration{}, deps: map[string]map[string]string{}}
	defaulted := map[string]bool{}
	for _, res := range r.Resources {
		if !res.Custom {
			continue
		}
		g.nodes = append(g.nodes, res.URN)
		g.res[res.URN] = res
		d, ok := durations[res.Type]
		if !ok {
			d = DefaultCreateTime
			defaulted[res.Type] = true
		}
		g.dur[res.URN] = d
	}
	sort.Strings(g.nodes)
	rank := map[string]int{viaInput: 0, viaProvider: 1, viaParent: 2, viaDependsOn: 3}
	add := func(from, to, kind string) {
		if _, ok := g.res[to]; !ok || from == to {
			return
		}
		if g.deps[from] == nil {
			g.deps[from] = map[string]string{}
		}
		if old, ok := g.deps[from][to]; !ok || rank[kind] < rank[old] {
			g.deps[from][to] = kind
		}
	}
	for _, u := range g.nodes {
		res := g.res[u]
		explicit := map[string]bool{}
		for _, d := range res.DependsOn {
			explicit[d] = true
		}
		for _, d := range res.Dependencies {
			kind := viaInput
			if explicit[d] {
				kind = viaDependsOn
			}
			for _, t := range r.customTargets([]string{d}, byURN) {
				add(u, t, kind)
			}
		}
		if res.Provider != "" {
			add(u, res.Provider, viaProvider)
		}
		if p, ok := byURN[res.Parent]; ok && p.Custom {
			add(u, res.Parent, viaParent)
		}
	}
	g.addGrantWaits(GrantPropagation)
	return g, sortedKeys(defaulted)
}

// addGrantWaits puts a step "assignment in effect" between a role assignment and each resource
// of a type in waits that receives the assignment through an input: the program's wait for the
// grant is in that input. A DependsOn on an assignment waits only for it to exist.
func (g *schedGraph) addGrantWaits(waits map[string]time.Duration) {
	for _, u := range append([]string(nil), g.nodes...) {
		d, ok := waits[g.res[u].Type]
		if !ok {
			continue
		}
		for _, v := range sortedKeys(g.deps[u]) {
			if g.deps[u][v] != viaInput || g.res[v].Type != roleAssignmentType {
				continue
			}
			w := v + inEffectSuffix
			if _, ok := g.res[w]; !ok {
				g.nodes = append(g.nodes, w)
				g.res[w] = Resource{URN: w, Type: InEffectType, Name: g.res[v].Name, Custom: true}
				g.deps[w] = map[string]string{v: viaInput}
			}
			g.dur[w] = max(g.dur[w], d)
			delete(g.deps[u], v)
			g.deps[u][w] = viaInput
		}
	}
	sort.Strings(g.nodes)
}

// grantWaits reports each in-effect step with the longest path through it.
func (g *schedGraph) grantWaits(order []string, total time.Duration) []GrantWait {
	all := func(string) bool { return true }
	finish, _ := g.finishTimes(order, all)
	tail := g.tails(order, all)
	out := []GrantWait{}
	for _, w := range g.nodes {
		if g.res[w].Type != InEffectType {
			continue
		}
		path := finish[w] + tail[w] - g.dur[w]
		out = append(out, GrantWait{Assignment: strings.TrimSuffix(w, inEffectSuffix), Seconds: g.dur[w].Seconds(),
			PathSeconds: path.Seconds(), SlackSeconds: (total - path).Seconds()})
	}
	return out
}

// topo orders the nodes dependencies first (Kahn's algorithm, smallest URN first among the
// ready ones so the order is deterministic). A cycle is an error naming its members.
func (g *schedGraph) topo(use func(kind string) bool) ([]string, error) {
	pending := map[string]int{}
	dependents := map[string][]string{}
	for _, u := range g.nodes {
		pending[u] = 0
		for _, v := range sortedKeys(g.deps[u]) {
			if use(g.deps[u][v]) {
				pending[u]++
				dependents[v] = append(dependents[v], u)
			}
		}
	}
	var ready, order []string
	for _, u := range g.nodes {
		if pending[u] == 0 {
			ready = append(ready, u)
		}
	}
	for len(ready) > 0 {
		sort.Strings(ready)
		u := ready[0]
		ready = ready[1:]
		order = append(order, u)
		for _, w := range dependents[u] {
			if pending[w]--; pending[w] == 0 {
				ready = append(ready, w)
			}
		}
	}
	if len(order) != len(g.nodes) {
		var stuck []string
		for _, u := range g.nodes {
			if pending[u] > 0 {
				stuck = append(stuck, shortURN(u))
			}
		}
		return nil, fmt.Errorf("dependency cycle among %d resources: %s", len(stuck), strings.Join(stuck, ", "))
	}
	return order, nil
}

// finishTimes gives each node's earliest finish and the predecessor that determines it
// (ties: the smallest URN).
func (g *schedGraph) finishTimes(order []string, use func(string) bool) (map[string]time.Duration, map[string]string) {
	finish := map[string]time.Duration{}
	pred := map[string]string{}
	for _, u := range order {
		var start time.Duration
		for _, v := range sortedKeys(g.deps[u]) { // sorted: the first maximum wins
			if use(g.deps[u][v]) && (finish[v] > start || (pred[u] == "" && finish[v] == start)) {
				start, pred[u] = finish[v], v
			}
		}
		finish[u] = start + g.dur[u]
	}
	return finish, pred
}

// tails gives, for each node, its own duration plus the longest chain of what waits for it.
func (g *schedGraph) tails(order []string, use func(string) bool) map[string]time.Duration {
	tail := map[string]time.Duration{}
	for i := len(order) - 1; i >= 0; i-- {
		u := order[i]
		tail[u] += g.dur[u]
		for v, kind := range g.deps[u] {
			if use(kind) && tail[u] > tail[v] {
				tail[v] = tail[u] // v's own duration is added when v's turn comes
			}
		}
	}
	return tail
}

// longest returns the length of the longest path and the path itself, first step first.
func (g *schedGraph) longest(order []string, use func(string) bool) (time.Duration, []Step) {
	finish, pred := g.finishTimes(order, use)
	end := ""
	for _, u := range g.nodes { // URN order: the first maximum wins
		if end == "" || finish[u] > finish[end] {
			end = u
		}
	}
	chain := []Step{}
	for u := end; u != ""; u = pred[u] {
		res := g.res[u]
		step := Step{URN: u, Type: res.Type, Name: res.Name, Seconds: g.dur[u].Seconds(), FinishSeconds: finish[u].Seconds()}
		if p := pred[u]; p != "" {
			step.Via = g.deps[u][p]
		}
		chain = append(chain, step)
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	if end == "" {
		return 0, chain
	}
	return finish[end], chain
}

// WriteCriticalPath writes the report for a person.
func (cp *CriticalPath) WriteCriticalPath(w io.Writer, stack string) {
	fmt.Fprintf(w, "Critical path for %s: %s modeled to create the stack from nothing.\n", stack, clock(cp.TotalSeconds))
	fmt.Fprintln(w, "Model: a typical creation time per type (plan/durations.go, mostly estimates); a resource")
	fmt.Fprintln(w, "starts once everything it waits for exists.")
	fmt.Fprintf(w, "Parallelism: %s.\n\n", cp.Parallelism)
	writeChain(w, cp.Chain)
	fmt.Fprintf(w, "\nLower bound with inherent dependencies only (inputs, providers, parents; no explicit DependsOn): %s.\n", clock(cp.LowerBoundSeconds))
	if cp.LowerBoundSeconds == cp.TotalSeconds {
		fmt.Fprintln(w, "  Equal to the modeled time: no explicit DependsOn edge lengthens the deployment.")
	} else {
		writeChain(w, cp.LowerBoundChain)
		fmt.Fprintf(w, "  Explicit DependsOn edges add %s:\n", clock(cp.TotalSeconds-cp.LowerBoundSeconds))
		for _, e := range cp.Lengthening {
			fmt.Fprintf(w, "    %s -> %s  +%s\n", shortURN(e.From), shortURN(e.To), clock(e.AddedSeconds))
		}
	}
	fmt.Fprintf(w, "\nExplicit DependsOn edges (%d):\n", len(cp.ExplicitEdges))
	if len(cp.ExplicitEdges) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, e := range cp.ExplicitEdges {
		effect := "slack " + clock(e.SlackSeconds)
		if e.AddedSeconds > 0 {
			effect = "LENGTHENS by " + clock(e.AddedSeconds)
		}
		fmt.Fprintf(w, "  %s -> %s: longest path through it %s, %s\n", shortURN(e.From), shortURN(e.To), clock(e.PathSeconds), effect)
	}
	fmt.Fprintf(w, "\nRole assignments waited for until in effect (%d):\n", len(cp.GrantWaits))
	if len(cp.GrantWaits) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, gw := range cp.GrantWaits {
		fmt.Fprintf(w, "  %s: %s to take effect, longest path through it %s, slack %s\n", shortURN(gw.Assignment),
			clock(gw.Seconds), clock(gw.PathSeconds), clock(gw.SlackSeconds))
	}
	if len(cp.DefaultedTypes) > 0 {
		fmt.Fprintf(w, "\nTypes without a typical duration (took %s): %s\n", DefaultCreateTime, strings.Join(cp.DefaultedTypes, ", "))
	}
}

func writeChain(w io.Writer, chain []Step) {
	fmt.Fprintf(w, "  %8s %8s  %-10s %s\n", "takes", "done at", "waits via", "resource")
	for _, s := range chain {
		via := s.Via
		if via == "" {
			via = "-"
		}
		fmt.Fprintf(w, "  %8s %8s  %-10s %s  %s\n", clock(s.Seconds), clock(s.FinishSeconds), via, s.Type, s.Name)
	}
}

// clock formats seconds as 1h02m03s / 4m05s / 6s.
func clock(seconds float64) string {
	return (time.Duration(seconds*float64(time.Second)) / time.Second * time.Second).String()
}
