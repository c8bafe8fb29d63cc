package plan

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/example/mlplatform/policy"
)

// WriteJSON writes the plan as one JSON document.
func (r *Result) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the plan for a person: the resource tree, counts, outputs, findings and a
// one-line summary.
func (r *Result) WriteText(w io.Writer) {
	fmt.Fprintf(w, "Offline plan for %s/%s: the real program under mocked providers; nothing is deployed.\n\n", r.Project, r.Stack)
	if len(r.Examples) > 0 {
		fmt.Fprintln(w, "EXAMPLE values (offline plan only, in no stack file; set real ones before pulumi up):")
		for _, e := range r.Examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
		fmt.Fprintln(w)
	}
	r.writeTree(w)
	r.writeCountsAndOutputs(w)
	WritePreflight(w, r.Preflight)
	r.writeFindings(w)
	r.writeDecisions(w)
	fmt.Fprintf(w, "\n%s\n", r.Summary())
}

// writeTree writes the resources as a tree under their components: components first, then
// by type and name.
func (r *Result) writeTree(w io.Writer) {
	fmt.Fprintf(w, "Resources (%d), grouped by component:\n", len(r.Resources))
	children := map[string][]Resource{}
	known := map[string]bool{}
	for _, res := range r.Resources {
		known[res.URN] = true
	}
	for _, res := range r.Resources {
		parent := res.Parent
		if !known[parent] {
			parent = "" // the stack itself
		}
		children[parent] = append(children[parent], res)
	}
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		kids := children[parent]
		sort.Slice(kids, func(i, j int) bool {
			if kids[i].Custom != kids[j].Custom {
				return !kids[i].Custom // components first
			}
			if kids[i].Type != kids[j].Type {
				return kids[i].Type < kids[j].Type
			}
			return kids[i].Name < kids[j].Name
		})
		for _, k := range kids {
			marker := "+"
			if !k.Custom {
				marker = "■"
			}
			protect := ""
			if k.Protect {
				protect = "  [protected]"
			}
			fmt.Fprintf(w, "%s%s %s  %s%s\n", strings.Repeat("  ", depth+1), marker, k.Type, k.Name, protect)
			walk(k.URN, depth+1)
		}
	}
	walk("", 0)
}

// writeCountsAndOutputs writes the resources per provider and the stack outputs, long values
// truncated.
func (r *Result) writeCountsAndOutputs(w io.Writer) {
	fmt.Fprintln(w, "\nResources per provider:")
	counts := r.CountsByProvider()
	for _, p := range sortedKeys(counts) {
		fmt.Fprintf(w, "  %-16s %4d\n", p, counts[p])
	}

	fmt.Fprintf(w, "\nOutputs (%d):\n", len(r.Outputs))
	for _, name := range sortedKeys(r.Outputs) {
		v := r.Outputs[name]
		text, _ := json.Marshal(v)
		if s, ok := v.(string); ok {
			text = []byte(s)
		}
		fmt.Fprintf(w, "  %-28s %s\n", name, truncate(string(text), 100))
	}
}

// writeFindings writes every policy finding, waived ones with their reason.
func (r *Result) writeFindings(w io.Writer) {
	fmt.Fprintf(w, "\nPolicy findings (%d):\n", len(r.Findings))
	if len(r.Findings) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, f := range r.Findings {
		status := ""
		if f.Waived {
			status = "  (waived: " + f.Reason + ")"
		}
		target := "output " + f.Name
		if f.URN != "" {
			target = shortURN(f.URN)
		}
		fmt.Fprintf(w, "  %-6s %s  %s: %s%s\n", strings.ToUpper(string(f.Severity)), f.Rule, target, f.Message, status)
	}
}

// Summary is the plan's one-line verdict.
func (r *Result) Summary() string {
	custom, components := 0, 0
	for _, res := range r.Resources {
		if res.Custom {
			custom++
		} else {
			components++
		}
	}
	open, waived := 0, 0
	for _, f := range r.Findings {
		if f.Waived {
			waived++
		} else {
			open++
		}
	}
	verdict := "OK"
	if len(r.WaiverProblems) > 0 {
		verdict = fmt.Sprintf("BLOCKED by %d rejected waivers", len(r.WaiverProblems))
	} else if r.Blocking() {
		verdict = "BLOCKED by unwaived high-severity findings"
	} else if open > 0 {
		verdict = "OK with open medium/low findings"
	}
	return fmt.Sprintf("Plan %s: %d resources to create (%d in %d components), %d outputs, %d findings (%d waived): %s.",
		r.Stack, custom, custom, components, len(r.Outputs), open+waived, waived, verdict)
}

// writeDecisions lists the named relaxations in force and the waivers the gate rejects.
func (r *Result) writeDecisions(w io.Writer) {
	fmt.Fprintf(w, "\nDecisions in force (%d):\n", len(r.Decisions))
	if len(r.Decisions) == 0 {
		fmt.Fprintln(w, "  none: every decision key holds its secure default")
	}
	for _, d := range r.Decisions {
		waiver := "NOT WAIVED: its findings stay open"
		if d.Waiver != "" {
			waiver = "waiver: " + d.Waiver
		}
		fmt.Fprintf(w, "  %s=%s  %s\n      %s\n", d.Key, d.Value, d.Summary, waiver)
	}
	if len(r.WaiverProblems) > 0 {
		fmt.Fprintf(w, "\nRejected waivers (%d):\n", len(r.WaiverProblems))
		for _, p := range r.WaiverProblems {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
}

// CountsByProvider counts custom resources by provider package (the token's first segment).
func (r *Result) CountsByProvider() map[string]int {
	counts := map[string]int{}
	for _, res := range r.Resources {
		if res.Custom {
			pkg, _, _ := strings.Cut(res.Type, ":")
			if pkg == "pulumi" { // explicit provider instances count under their package
				pkg = strings.TrimPrefix(res.Type, "pulumi:providers:")
			}
			counts[pkg]++
		}
	}
	return counts
}

// RuleInfo is one policy rule as -rules publishes it.
type RuleInfo struct {
	ID          string   `json:"id"`
	Severity    string   `json:"severity"`
	Types       []string `json:"types"`    // resource type patterns; empty means every resource or the outputs
	External    []string `json:"external"` // controls of external scanners the rule implements
	Description string   `json:"description"`
}

// RuleInfos lists every policy rule, sorted by id.
func RuleInfos() []RuleInfo {
	var out []RuleInfo
	for _, r := range policy.Rules() {
		out = append(out, RuleInfo{ID: r.ID, Severity: string(r.Severity), Types: nonNil(r.Types),
			External: nonNil(r.External), Description: r.Description})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// WriteRules lists every policy rule: text (ID<TAB>severity<TAB>description), json or markdown
// (docs/generated/rules.md, make docs).
func WriteRules(w io.Writer, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(RuleInfos())
	case "markdown":
		fmt.Fprintln(w, "| id | severity | resource types | external controls | description |")
		fmt.Fprintln(w, "|---|---|---|---|---|")
		for _, r := range RuleInfos() {
			types := "every resource"
			if len(r.Types) > 0 {
				types = "`" + strings.Join(r.Types, "`, `") + "`"
			}
			external := "—"
			if len(r.External) > 0 {
				external = strings.Join(r.External, ", ")
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.ID, r.Severity, types, external, strings.ReplaceAll(r.Description, "|", "\\|"))
		}
		return nil
	default:
		for _, r := range RuleInfos() {
			fmt.Fprintf(w, "%s\t%s\t%s\n", r.ID, r.Severity, r.Description)
		}
		return nil
	}
}

func shortURN(urn string) string {
	if i := strings.LastIndex(urn, "::"); i >= 0 {
		return urn[i+2:]
	}
	return urn
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-1] + "…"
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
