package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/example/mlplatform/contract"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/policy"
	"github.com/example/mlplatform/stackconfig"
)

// generatedDir holds what `make docs` writes; nothing else lives there.
var generatedDir = filepath.Join(stacktest.Root(), "docs", "generated")

// The committed documents are what the code, Pulumi.yaml and the stack files say today: a
// feature, key or rule that changes them fails here until `make docs` is run and committed.
func TestGeneratedDocsAreCurrent(t *testing.T) {
	want, err := plan.Docs(stacktest.Root())
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(generatedDir)
	if err != nil {
		t.Fatalf("%v: run `%s` and commit docs/generated", err, plan.DocsCommand)
	}
	committed := map[string]bool{}
	for _, e := range entries {
		committed[e.Name()] = true
		got, err := os.ReadFile(filepath.Join(generatedDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[e.Name()]; !ok {
			t.Errorf("docs/generated/%s is no longer generated: run `%s`", e.Name(), plan.DocsCommand)
		} else if !bytes.Equal(got, w) {
			t.Errorf("docs/generated/%s is stale (first difference at line %d): run `%s` and commit it",
				e.Name(), firstDiffLine(got, w), plan.DocsCommand)
		}
	}
	for name := range want {
		if !committed[name] {
			t.Errorf("docs/generated/%s is missing: run `%s` and commit it", name, plan.DocsCommand)
		}
	}
}

func firstDiffLine(a, b []byte) int {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// `plan -docs DIR` writes exactly plan.Docs; the graphs are what -graph writes; a project whose
// configuration is bad writes nothing and exits 2, like a plan of it.
func TestDocsFlag(t *testing.T) {
	out := filepath.Join(t.TempDir(), "generated")
	if _, errOut, code := planAt(t, "-docs", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, err := plan.Docs(stacktest.Root())
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range want {
		if got, err := os.ReadFile(filepath.Join(out, name)); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: %v, or not what plan.Docs renders", name, err)
		}
	}
	for _, g := range []struct{ generated, graph string }{{"graph-prod.mmd", "g.mmd"}, {"components-prod.mmd", "g.components.mmd"}} {
		path := filepath.Join(t.TempDir(), g.graph)
		if _, errOut, code := planAt(t, "-stack", "prod", "-graph", path); code != 0 {
			t.Fatalf("-graph %s: exit %d %s", g.graph, code, errOut)
		}
		if got, _ := os.ReadFile(path); !bytes.Equal(got, want[g.generated]) {
			t.Errorf("%s differs from what -graph %s writes", g.generated, g.graph)
		}
	}

	bad := t.TempDir()
	project, _ := os.ReadFile(filepath.Join(stacktest.Root(), "Pulumi.yaml"))
	writeFile(t, bad, "Pulumi.yaml", string(project))
	writeFile(t, bad, "Pulumi.dev.yaml", "config:\n  mlplatform:gkeNodeMinCount: \"9\"\n  mlplatform:gkeNodeMaxCount: \"2\"\n")
	var stdout, stderr bytes.Buffer
	target := filepath.Join(bad, "generated")
	if code := run([]string{"-dir", bad, "-docs", target}, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), "gkeNodeMinCount") {
		t.Errorf("bad configuration: exit %d, want 2 naming the key: %s", code, stderr.String())
	}
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Errorf("bad configuration still wrote %s (%v)", target, err)
	}
}

func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The generated tables hold one row per key, output and rule, and the counts add up to the plan.
func TestGeneratedTablesAreComplete(t *testing.T) {
	docs, err := plan.Docs(stacktest.Root())
	if err != nil {
		t.Fatal(err)
	}
	decls, err := stackconfig.Declarations(stacktest.Root())
	if err != nil || len(decls) < 50 {
		t.Fatalf("%d declarations, %v", len(decls), err)
	}
	var keys, outputs, rules []string
	for _, d := range decls {
		keys = append(keys, "| `"+d.Key+"` |")
	}
	for _, o := range contract.Outputs {
		outputs = append(outputs, "| `"+o.Name+"` |")
	}
	for _, r := range policy.Rules() {
		rules = append(rules, "| "+r.ID+" |")
	}
	for doc, rows := range map[string][]string{"config.md": keys, "outputs.md": outputs, "rules.md": rules} {
		text := string(docs[doc])
		for _, row := range rows {
			if strings.Count(text, row) != 1 {
				t.Errorf("%s has %d rows starting %q, want 1", doc, strings.Count(text, row), row)
			}
		}
	}
	for _, stack := range []string{"dev", "prod"} {
		r, err := plan.Run(stacktest.Root(), stack, plan.DocsDate)
		if err != nil {
			t.Fatal(err)
		}
		counts, total := r.CountsByProvider(), 0
		for _, n := range counts {
			total += n
		}
		if row := fmt.Sprintf("| %s | %d | ", stack, total); !strings.Contains(string(docs["counts.md"]), row) {
			t.Errorf("counts.md lacks %q", row)
		}
	}
}

func TestRulesJSONIsComplete(t *testing.T) {
	var rules []plan.RuleInfo
	out, _, code := planAt(t, "-rules", "-format", "json")
	if err := json.Unmarshal([]byte(out), &rules); err != nil || code != 0 || len(rules) != len(policy.Rules()) {
		t.Fatalf("json rules: exit %d, %v, %d of %d", code, err, len(rules), len(policy.Rules()))
	}
	for _, r := range rules {
		if r.ID == "" || r.Severity == "" || r.Description == "" || r.Types == nil || r.External == nil {
			t.Errorf("incomplete rule %+v", r)
		}
	}
}

// The README's Quick start names the two commands a newcomer needs, and the Makefile documents
// them (and `make docs`) with a `## target:` help line.
func TestReadmeQuickStartNamesTheTwoCommands(t *testing.T) {
	readme := readText(t, "README.md")
	_, quick, ok := strings.Cut(readme, "## Quick start")
	if !ok {
		t.Fatal("README has no Quick start")
	}
	quick, _, _ = strings.Cut(quick, "\n## ")
	for _, cmd := range []string{"make plan", "make test"} {
		if !strings.Contains(quick, "\n"+cmd+" ") {
			t.Errorf("README's Quick start lacks a line starting %q", cmd)
		}
	}
	makefile := readText(t, "Makefile")
	for _, target := range []string{"plan", "test", "docs"} {
		if !strings.Contains(makefile, "\n## "+target+": ") || !strings.Contains(makefile, "\n"+target+":") {
			t.Errorf("Makefile lacks target %s or its `## %s:` help line", target, target)
		}
	}
}

func readText(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(stacktest.Root(), rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

var (
	mdLink  = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	heading = regexp.MustCompile(`(?m)^#{1,6} +(.+)$`)
	fence   = regexp.MustCompile("(?ms)^```.*?^```")
)

// Every relative link of the README and docs/ reaches a file that exists and, with a #fragment,
// a heading of that file: moving text between files must not leave a link behind.
func TestDocLinksResolve(t *testing.T) {
	files := []string{"README.md"}
	for _, pattern := range []string{"docs/*.md", "docs/generated/*.md"} {
		matches, _ := filepath.Glob(filepath.Join(stacktest.Root(), pattern))
		for _, m := range matches {
			rel, _ := filepath.Rel(stacktest.Root(), m)
			files = append(files, rel)
		}
	}
	sort.Strings(files)
	if len(files) < 5 {
		t.Fatalf("only %v: are the docs still under docs/?", files)
	}
	for _, file := range files {
		text := fence.ReplaceAllString(readText(t, file), "")
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			if err := checkLink(file, m[1]); err != nil {
				t.Errorf("%s: link %s: %v", file, m[1], err)
			}
		}
	}
}

func checkLink(from, link string) error {
	if strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") {
		return nil
	}
	path, fragment, _ := strings.Cut(link, "#")
	target := from
	if path != "" {
		target = filepath.Join(filepath.Dir(from), path)
	}
	data, err := os.ReadFile(filepath.Join(stacktest.Root(), target))
	if err != nil {
		if info, statErr := os.Stat(filepath.Join(stacktest.Root(), target)); statErr == nil && info.IsDir() {
			return nil
		}
		return err
	}
	if fragment == "" || !strings.HasSuffix(target, ".md") {
		return nil
	}
	for _, h := range heading.FindAllStringSubmatch(fence.ReplaceAllString(string(data), ""), -1) {
		if slug(h[1]) == fragment {
			return nil
		}
	}
	return fmt.Errorf("%s has no heading #%s", target, fragment)
}

// slug is GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.
func slug(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(h)) {
		switch {
		case r == ' ':
			b.WriteRune('-')
		case r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"The microservice's entry":           "the-microservices-entry",
		"Hand-written azure-native bindings": "hand-written-azure-native-bindings",
		"`make docs`: what it writes":        "make-docs-what-it-writes",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// docs/policy-coverage.md leaves no control open: no row is marked open, "by construction" or a
// candidate, and every rule id it cites is a rule that exists today.
func TestCoverageDocumentHasNoOpenGap(t *testing.T) {
	raw := readText(t, filepath.Join("docs", "policy-coverage.md"))
	rules := map[string]bool{}
	for _, r := range policy.Rules() {
		rules[r.ID] = true
	}
	open := regexp.MustCompile(`\bOPEN\b|\*\*open\*\*|\| *open *\||by construction *\||\(candidate\)`)
	ruleID := regexp.MustCompile(`\b[A-Z]{2,8}-\d{3}\b`)
	rows := 0
	for i, line := range strings.Split(raw, "\n") {
		if !strings.HasPrefix(line, "| ") || strings.HasPrefix(line, "|---") {
			continue
		}
		rows++
		if open.MatchString(line) {
			t.Errorf("line %d is still open: %.160s", i+1, line)
		}
		for _, id := range ruleID.FindAllString(line, -1) {
			if !rules[id] && id != "AES-256" {
				t.Errorf("line %d cites %s, which is not a rule", i+1, id)
			}
		}
	}
	if rows < 100 {
		t.Fatalf("only %d table rows read: is the document still a table per scanner?", rows)
	}
}

// The configuration table renders each kind of value the same way whatever the project: lists
// by their length (0, 1, more), secrets as such, no default as —, a stack's silence as ·, and
// keys only stack files set after the declared ones.
func TestConfigDocRendersEachKindOfValue(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "Pulumi.yaml", "name: demo\nruntime: go\nconfig:\n"+
		"  name:\n    type: string\n    default: \"\"\n    description: A | B.\n"+
		"  list:\n    type: array\n    items:\n      type: string\n    default: []\n"+
		"  count:\n    type: integer\n    default: 3\n"+
		"  token:\n    type: string\n")
	writeFile(t, dir, "Pulumi.a.yaml", "config:\n  demo:list: [x]\n  demo:token:\n    secure: AAABAJ\n  gcp:region: europe-west4\n")
	writeFile(t, dir, "Pulumi.b.yaml", "config:\n  demo:list: [x, y]\n  demo:count: \"4\"\n")
	doc, err := plan.ConfigDoc(dir, []string{"a", "b"})
	if err != nil {
		t.Fatal(err)
	}
	want := "| key | type | default | a | b | description |\n|---|---|---|---|---|---|\n" +
		"| `name` | string | `\"\"` | · | · | A \\| B. |\n" +
		"| `list` | array of string | `[]` | 1 entry | 2 entries |  |\n" +
		"| `count` | integer | `3` | · | `4` |  |\n" +
		"| `token` | string | — | secret | · |  |\n" +
		"| `gcp:region` | — | — | `europe-west4` | · | provider setting, not declared in `Pulumi.yaml` |\n"
	if _, table, _ := strings.Cut(string(doc), "\n\n| key"); "| key"+table != want {
		t.Errorf("config table:\n%s\nwant:\n%s", "| key"+table, want)
	}
	if _, err := plan.ConfigDoc(dir, []string{"missing"}); err == nil {
		t.Error("a stack without a file gave no error")
	}
}
