package plan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/example/mlplatform/stackconfig"
)

// ConfigDoc is the configuration reference (config.md): every key Pulumi.yaml declares, in its
// order, then any other key a stack file sets (provider settings), with each stack's own value.
func ConfigDoc(dir string, stacks []string) ([]byte, error) {
	decls, err := stackconfig.Declarations(dir)
	if err != nil {
		return nil, err
	}
	values := map[string]map[string]any{}
	declared := map[string]bool{}
	for _, s := range stacks {
		if values[s], err = stackconfig.StackValues(dir, s); err != nil {
			return nil, err
		}
	}
	var w bytes.Buffer
	fmt.Fprint(&w, generatedNote)
	fmt.Fprint(&w, "# Configuration keys\n\n")
	fmt.Fprintf(&w, "%d keys from `Pulumi.yaml`'s `config:` block (type, default, description), in its order, "+
		"and the value each stack file sets; `·` means the stack keeps the default, — that there is none. "+
		"Keys a stack file sets that `Pulumi.yaml` does not declare (provider settings) come last.\n\n", len(decls))
	fmt.Fprintf(&w, "| key | type | default | %s | description |\n", strings.Join(stacks, " | "))
	fmt.Fprintf(&w, "|---|---|---|%s---|\n", strings.Repeat("---|", len(stacks)))
	for _, d := range decls {
		declared[d.Qualified] = true
		def := "—"
		if d.HasDefault {
			def = configValue(d.Default)
		}
		fmt.Fprintf(&w, "| `%s` | %s | %s | %s | %s |\n", d.Key, d.Type, def, stackCells(values, stacks, d.Qualified), cell(d.Description))
	}
	for _, q := range undeclared(values, declared) {
		fmt.Fprintf(&w, "| `%s` | — | — | %s | provider setting, not declared in `Pulumi.yaml` |\n", q, stackCells(values, stacks, q))
	}
	return w.Bytes(), nil
}

func stackCells(values map[string]map[string]any, stacks []string, key string) string {
	cells := make([]string, len(stacks))
	for i, s := range stacks {
		cells[i] = "·"
		if v, ok := values[s][key]; ok {
			cells[i] = configValue(v)
		}
	}
	return strings.Join(cells, " | ")
}

func undeclared(values map[string]map[string]any, declared map[string]bool) []string {
	seen := map[string]bool{}
	for _, vs := range values {
		for k := range vs {
			if !declared[k] {
				seen[k] = true
			}
		}
	}
	return sortedKeys(seen)
}

// configValue renders one value for the table: a list by its length (waivers are sentences),
// a secret as such, anything else verbatim in code.
func configValue(v any) string {
	switch v := v.(type) {
	case []any:
		switch len(v) {
		case 0:
			return "`[]`"
		case 1:
			return "1 entry"
		}
		return fmt.Sprintf("%d entries", len(v))
	case string:
		if v == stackconfig.Placeholder {
			return "secret"
		}
		if v == "" {
			return "`\"\"`"
		}
		return "`" + cell(v) + "`"
	case map[string]any:
		data, _ := json.Marshal(v) // decoded YAML: always marshals
		return "`" + cell(string(data)) + "`"
	}
	return fmt.Sprintf("`%v`", v)
}

// countsDoc gives each stack's resources by provider package and the policy verdict.
func countsDoc(w io.Writer, plans []*Result) {
	fmt.Fprint(w, generatedNote)
	fmt.Fprint(w, "# Resource counts\n\n")
	fmt.Fprintf(w, "Each stack planned offline as a new stack's first deployment on %s. "+
		"Resources are the custom resources `pulumi up` creates, counted by provider package; "+
		"explicit provider instances count under their package. Components group them; stack references read another "+
		"stack's outputs (here the stack's own last ones) and create nothing.\n\n", DocsDate.Format("2006-01-02"))
	packages := map[string]bool{}
	for _, r := range plans {
		for p := range r.CountsByProvider() {
			packages[p] = true
		}
	}
	cols := sortedKeys(packages)
	fmt.Fprintf(w, "| stack | resources | `%s` | components | stack references | outputs | findings | waived | decisions in force |\n", strings.Join(cols, "` | `"))
	fmt.Fprintf(w, "|---|---|%s---|---|---|---|---|---|\n", strings.Repeat("---|", len(cols)))
	for _, r := range plans {
		counts, total := r.CountsByProvider(), 0
		cells := make([]string, len(cols))
		for i, p := range cols {
			cells[i] = fmt.Sprint(counts[p])
			total += counts[p]
		}
		refs := 0
		for _, res := range r.Resources {
			if res.Type == "pulumi:pulumi:StackReference" {
				refs++
			}
		}
		fmt.Fprintf(w, "| %s | %d | %s | %d | %d | %d | %d | %d | %d |\n", r.Stack, total, strings.Join(cells, " | "),
			len(r.Resources)-total-refs, refs, len(r.Outputs), len(r.Findings), r.waived(), len(r.Decisions))
	}
	for _, r := range plans {
		if len(r.Decisions) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n## Decisions in force in %s\n\n| key | value | what it relaxes | waiver |\n|---|---|---|---|\n", r.Stack)
		for _, d := range r.Decisions {
			fmt.Fprintf(w, "| `%s` | `%s` | %s | %s |\n", d.Key, d.Value, cell(d.Summary), cell(d.Waiver))
		}
	}
}

func (r *Result) waived() int {
	n := 0
	for _, f := range r.Findings {
		if f.Waived {
			n++
		}
	}
	return n
}

func architectureDoc(w io.Writer, plans []*Result) {
	fmt.Fprint(w, generatedNote)
	fmt.Fprint(w, "# Components\n\n")
	fmt.Fprint(w, "Each stack collapsed to its components (`bin/plan -stack STACK -graph FILE.components.mmd`). "+
		"An arrow means \"depends on\": some resource of one component depends on a resource of the other. "+
		"The full resource graphs are `graph-STACK.mmd` beside this file.\n")
	for _, r := range plans {
		fmt.Fprintf(w, "\n## %s\n\n```mermaid\n", r.Stack)
		r.WriteComponentMermaid(w)
		fmt.Fprint(w, "```\n")
	}
}

func criticalPathDoc(plans []*Result) ([]byte, error) {
	var w bytes.Buffer
	fmt.Fprint(&w, generatedNote)
	fmt.Fprint(&w, "# Modeled critical paths\n\n")
	fmt.Fprint(&w, "`bin/plan -stack STACK -critical-path` for each stack: `pulumi up` creating the stack from nothing "+
		"with unbounded parallelism, each resource taking the typical creation time of its type (`plan/durations.go`, "+
		"each figure with its source or marked an estimate).\n")
	for _, r := range plans {
		cp, err := r.ModelDeployTime(nil)
		if err != nil {
			return nil, fmt.Errorf("stack %s: critical path: %w", r.Stack, err)
		}
		fmt.Fprintf(&w, "\n## %s\n\n```\n", r.Stack)
		cp.WriteCriticalPath(&w, r.Stack)
		fmt.Fprint(&w, "```\n")
	}
	return w.Bytes(), nil
}
