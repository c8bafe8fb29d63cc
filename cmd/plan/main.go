// Command plan prints what the program would create for a stack, offline: the real program
// runs under deterministic mocks, with no cloud credentials, CLI or provider plugins.
//
//	go run ./cmd/plan -stack dev                  # resource tree, outputs, findings
//	go run ./cmd/plan -stack prod -format json    # one JSON document
//	go run ./cmd/plan -stack prod -graph out.svg  # dependency graph (.dot, .mmd, .svg)
//	go run ./cmd/plan -graph arch.components.mmd  # the same, collapsed to components
//	go run ./cmd/plan -rules                      # every policy rule (-format json|markdown too)
//	go run ./cmd/plan -stack prod -critical-path  # modeled creation time and its longest chain
//	go run ./cmd/plan -docs docs/generated        # every generated document (make docs)
//	go run ./cmd/plan -stack prod -manifests DIR  # every Kubernetes object as YAML, one file each
//
// -critical-path models `pulumi up` creating the stack from nothing with unbounded
// parallelism (typical creation time per type: plan/durations.go). In text it prints that
// report instead of the resource tree, then the plan's one-line summary; with -format json it
// adds a "criticalPath" object to the usual document. Policy findings set the exit status
// as without it.
//
// Exit status: 0 clean, 1 an unwaived high-severity finding, 2 bad configuration or a
// missing stack file (nothing registered), 3 any other failure.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/example/mlplatform/plan"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if p := recover(); p != nil { // never a stack trace for a user, whatever the input
			fmt.Fprintf(stderr, "plan: internal error: %v\n", p)
			code = 3
		}
	}()
	o, err := parseFlags(args, stderr)
	if err != nil {
		return 2
	}
	if o.docs != "" {
		return writeDocs(o.dir, o.docs, stderr)
	}
	if o.rules {
		return writeRules(o.format, stdout, stderr)
	}
	if o.format != "text" && o.format != "json" {
		fmt.Fprintf(stderr, "plan: -format %q: must be text or json\n", o.format)
		return 2
	}
	now := time.Now().UTC()
	if o.at != "" {
		t, err := time.Parse(time.DateOnly, o.at)
		if err != nil {
			fmt.Fprintf(stderr, "plan: -now %q: must be a date YYYY-MM-DD\n", o.at)
			return 2
		}
		now = t
	}
	result, code := planStack(o, now, stderr)
	if result == nil {
		return code
	}
	return writeResult(result, o, stdout, stderr)
}

// options are the command's flags.
type options struct {
	stack, dir, format, graph, at, docs, prev string
	manifests, policyInput                    string
	rules, critical                           bool
}

// parseFlags reads the flags; on an error the flag package has already told stderr.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.StringVar(&o.stack, "stack", "dev", "stack to plan (reads Pulumi.<stack>.yaml)")
	fs.StringVar(&o.dir, "dir", ".", "directory holding Pulumi.yaml")
	fs.StringVar(&o.format, "format", "text", "output format: text or json (with -rules also markdown)")
	fs.StringVar(&o.graph, "graph", "", "write the dependency graph to this file (.dot, .mmd or .svg)")
	fs.BoolVar(&o.rules, "rules", false, "list every policy rule and exit")
	fs.BoolVar(&o.critical, "critical-path", false, "report the modeled creation time: longest dependency chain and its lower bound")
	fs.StringVar(&o.at, "now", "", "plan as of this date (YYYY-MM-DD; default today), which places the credential rotation")
	fs.StringVar(&o.docs, "docs", "", "write every generated document (configuration, rules, counts, outputs, graphs) into this directory and exit")
	fs.StringVar(&o.manifests, "manifests", "", "also write every Kubernetes object of the stack into this directory as YAML, one file per object (secrets as [secret])")
	fs.StringVar(&o.policyInput, "policy-input", "", "also write what the policy gate judged into this file as JSON (property values as Pulumi marshals them), for the policy package's tests")
	fs.StringVar(&o.prev, "previous", "", "plan the next deployment of a live stack: its outputs as `pulumi stack output --json` prints them (default: a new stack)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	return o, nil
}

// writeRules lists every policy rule in format (-rules).
func writeRules(format string, stdout, stderr io.Writer) int {
	if format != "text" && format != "json" && format != "markdown" {
		fmt.Fprintf(stderr, "plan: -rules -format %q: must be text, json or markdown\n", format)
		return 2
	}
	if err := plan.WriteRules(stdout, format); err != nil {
		fmt.Fprintf(stderr, "plan: %v\n", err)
		return 3
	}
	return 0
}

// planStack runs the offline plan as of now, writes the graph and models the critical path
// when asked. On failure the result is nil and code is the exit status.
func planStack(o *options, now time.Time, stderr io.Writer) (result *plan.Result, code int) {
	previous, err := readPrevious(o.prev)
	if err != nil {
		fmt.Fprintf(stderr, "plan: -previous %q: %v\n", o.prev, err)
		return nil, 2
	}
	result, err = plan.RunAfter(o.dir, o.stack, now, previous)
	if err != nil {
		fmt.Fprintf(stderr, "plan: %v\n", err)
		if plan.IsConfigError(err) {
			return nil, 2
		}
		return nil, 3
	}
	if o.manifests != "" {
		if _, err := result.WriteManifests(o.manifests); err != nil {
			fmt.Fprintf(stderr, "plan: -manifests: %v\n", err)
			return nil, 3
		}
	}
	if o.policyInput != "" {
		if err := writePolicyInput(result, o.policyInput); err != nil {
			fmt.Fprintf(stderr, "plan: -policy-input: %v\n", err)
			return nil, 3
		}
	}
	if o.graph != "" {
		if err := writeGraph(result, o.graph); err != nil {
			fmt.Fprintf(stderr, "plan: -graph: %v\n", err)
			return nil, 3
		}
	}
	if o.critical {
		cp, err := result.ModelDeployTime(nil)
		if err != nil {
			fmt.Fprintf(stderr, "plan: -critical-path: %v\n", err)
			return nil, 3
		}
		result.CriticalPath = cp
	}
	return result, 0
}

// writeResult prints the plan in the chosen form; the exit status says whether a finding
// blocks.
func writeResult(result *plan.Result, o *options, stdout, stderr io.Writer) int {
	switch {
	case o.format == "json":
		if err := result.WriteJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "plan: %v\n", err)
			return 3
		}
	case o.critical:
		result.CriticalPath.WriteCriticalPath(stdout, result.Stack)
		fmt.Fprintf(stdout, "\n%s\n", result.Summary())
	default:
		result.WriteText(stdout)
	}
	if result.Blocking() {
		return 1
	}
	return 0
}

func writeGraph(r *plan.Result, path string) error {
	var buf bytes.Buffer
	switch ext := filepath.Ext(path); {
	case strings.HasSuffix(path, ".components.mmd"):
		r.WriteComponentMermaid(&buf)
	case ext == ".dot" || ext == ".gv":
		r.WriteDOT(&buf)
	case ext == ".mmd":
		r.WriteMermaid(&buf)
	case ext == ".svg":
		dot, err := exec.LookPath("dot")
		if err != nil {
			return errors.New("writing .svg needs Graphviz's dot (`make graphviz` installs it); .dot and .mmd need nothing")
		}
		r.WriteDOT(&buf)
		cmd := exec.Command(dot, "-Tsvg", "-o", path)
		cmd.Stdin = &buf
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("dot: %v: %s", err, out)
		}
		return nil
	default:
		return fmt.Errorf("%s: use a .dot, .mmd or .svg file name", path)
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// writeDocs writes plan.Docs into out. It removes nothing: `make docs` empties the folder first,
// so a document that is no longer generated does not linger.
func writeDocs(dir, out string, stderr io.Writer) int {
	files, err := plan.Docs(dir)
	if err != nil {
		fmt.Fprintf(stderr, "plan: -docs: %v\n", err)
		if plan.IsConfigError(err) {
			return 2
		}
		return 3
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintf(stderr, "plan: -docs: %v\n", err)
		return 3
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			fmt.Fprintf(stderr, "plan: -docs: %v\n", err)
			return 3
		}
	}
	return 0
}

// readPrevious reads a live stack's outputs (`pulumi stack output --json`); the rotation state
// is in its plain string values. "" is a new stack.
func readPrevious(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("not the JSON object `pulumi stack output --json` prints: %w", err)
	}
	out := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			out[k] = s
		}
	}
	return out, nil
}

// writePolicyInput writes what the gate judged (-policy-input), ending in a newline.
func writePolicyInput(result *plan.Result, path string) error {
	data, err := result.PolicyInput().MarshalJSON()
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o644)
}
