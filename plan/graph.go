package plan

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// node ids must be stable and syntax-safe in both DOT and Mermaid.
func nodeID(urn string, ids map[string]string) string {
	if id, ok := ids[urn]; ok {
		return id
	}
	id := fmt.Sprintf("n%d", len(ids))
	ids[urn] = id
	return id
}

// topComponent returns the outermost component below the stack that contains res, or "".
func (r *Result) topComponent(res Resource, byURN map[string]Resource) string {
	top := ""
	for cur, ok := res, true; ok; cur, ok = byURN[cur.Parent] {
		if !cur.Custom {
			top = cur.URN
		}
	}
	return top
}

// graphParts groups custom resources by their top-level component and lists dependency edges
// between custom resources (component dependencies are expanded to their custom children).
func (r *Result) graphParts() (groups map[string][]Resource, edges [][2]string, byURN map[string]Resource) {
	byURN = map[string]Resource{}
	for _, res := range r.Resources {
		byURN[res.URN] = res
	}
	groups = map[string][]Resource{}
	for _, res := range r.Resources {
		if res.Custom {
			top := r.topComponent(res, byURN)
			groups[top] = append(groups[top], res)
		}
	}
	seen := map[[2]string]bool{}
	for _, res := range r.Resources {
		if !res.Custom {
			continue
		}
		for _, dep := range r.customTargets(res.Dependencies, byURN) {
			e := [2]string{res.URN, dep}
			if !seen[e] && dep != res.URN {
				seen[e] = true
				edges = append(edges, e)
			}
		}
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i][0] != edges[j][0] {
			return edges[i][0] < edges[j][0]
		}
		return edges[i][1] < edges[j][1]
	})
	return groups, edges, byURN
}

// customTargets resolves dependencies on components to the custom resources inside them.
func (r *Result) customTargets(deps []string, byURN map[string]Resource) []string {
	var out []string
	for _, d := range deps {
		res, ok := byURN[d]
		if !ok {
			continue
		}
		if res.Custom {
			out = append(out, d)
			continue
		}
		var inside []string
		for _, c := range r.Resources {
			if c.Parent == d {
				inside = append(inside, c.URN)
			}
		}
		out = append(out, r.customTargets(inside, byURN)...)
	}
	return out
}

func label(res Resource) string {
	parts := strings.Split(res.Type, ":")
	return parts[len(parts)-1] + "\\n" + res.Name
}

// WriteDOT writes the dependency graph in Graphviz DOT: one cluster per component, an edge
// from each resource to what it depends on.
func (r *Result) WriteDOT(w io.Writer) {
	groups, edges, byURN := r.graphParts()
	ids := map[string]string{}
	fmt.Fprintf(w, "digraph %q {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=Helvetica, fontsize=10];\n", r.Project+"-"+r.Stack)
	for i, top := range sortedKeys(groups) {
		indent := "  "
		if top != "" {
			fmt.Fprintf(w, "  subgraph cluster_%d {\n    label=%q;\n", i, byURN[top].Type+" "+byURN[top].Name)
			indent = "    "
		}
		for _, res := range groups[top] {
			fmt.Fprintf(w, "%s%s [label=\"%s\"];\n", indent, nodeID(res.URN, ids), label(res))
		}
		if top != "" {
			fmt.Fprintln(w, "  }")
		}
	}
	for _, e := range edges {
		fmt.Fprintf(w, "  %s -> %s;\n", nodeID(e[0], ids), nodeID(e[1], ids))
	}
	fmt.Fprintln(w, "}")
}

// WriteMermaid writes the same graph as a Mermaid flowchart (renders on GitHub).
func (r *Result) WriteMermaid(w io.Writer) {
	groups, edges, byURN := r.graphParts()
	ids := map[string]string{}
	fmt.Fprintln(w, "flowchart LR")
	for i, top := range sortedKeys(groups) {
		indent := "  "
		if top != "" {
			fmt.Fprintf(w, "  subgraph g%d[\"%s %s\"]\n", i, byURN[top].Type, byURN[top].Name)
			indent = "    "
		}
		for _, res := range groups[top] {
			fmt.Fprintf(w, "%s%s[\"%s\"]\n", indent, nodeID(res.URN, ids), strings.ReplaceAll(label(res), "\\n", "<br/>"))
		}
		if top != "" {
			fmt.Fprintln(w, "  end")
		}
	}
	for _, e := range edges {
		fmt.Fprintf(w, "  %s --> %s\n", nodeID(e[0], ids), nodeID(e[1], ids))
	}
}

// WriteComponentMermaid writes the graph collapsed to top-level components: the architecture
// at a glance (docs/generated/architecture.md). An edge means some resource in one component depends on
// a resource in the other.
func (r *Result) WriteComponentMermaid(w io.Writer) {
	_, edges, byURN := r.graphParts()
	ids := map[string]string{}
	top := func(urn string) string { return r.topComponent(byURN[urn], byURN) }
	var nodes []string
	seenNode := map[string]bool{}
	seenEdge := map[[2]string]bool{}
	var links [][2]string
	for _, res := range r.Resources {
		if !res.Custom && top(res.URN) == res.URN && !seenNode[res.URN] {
			seenNode[res.URN] = true
			nodes = append(nodes, res.URN)
		}
	}
	for _, e := range edges {
		from, to := top(e[0]), top(e[1])
		if from == "" || to == "" || from == to || seenEdge[[2]string{from, to}] {
			continue
		}
		seenEdge[[2]string{from, to}] = true
		links = append(links, [2]string{from, to})
	}
	sort.Strings(nodes)
	fmt.Fprintln(w, "flowchart LR")
	for _, n := range nodes {
		res := byURN[n]
		parts := strings.Split(res.Type, ":")
		fmt.Fprintf(w, "  %s[\"%s/%s<br/>%s\"]\n", nodeID(n, ids), parts[1], parts[2], res.Name)
	}
	for _, l := range links {
		fmt.Fprintf(w, "  %s --> %s\n", nodeID(l[0], ids), nodeID(l[1], ids))
	}
}
