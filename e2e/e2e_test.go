//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"

	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/settings"
	"github.com/example/mlplatform/stackconfig"
)

// start is a date inside a rotation window for every committed stack.
var start = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// summary lines, printed at the end (one screen).
var summary []string

func note(format string, args ...any) { summary = append(summary, fmt.Sprintf(format, args...)) }

func TestMain(m *testing.M) {
	code := m.Run()
	fmt.Println("\n== engine-level summary ==")
	for _, l := range summary {
		fmt.Println(l)
	}
	os.Exit(code)
}

func stackFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "Pulumi."+name+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// deployable is a committed stack file plus the offline plan's labelled example values for
// the keys only a team can know (settings.OfflineExamples), as a team would set them.
func deployable(t *testing.T, name string) string {
	t.Helper()
	text := stackFile(t, name)
	cfg, err := stackconfig.Load(root, name)
	if err != nil {
		t.Fatal(err)
	}
	values, used := settings.ApplyOfflineExamples(cfg.Project, cfg.Values)
	for _, key := range used {
		v := values[key]
		if !strings.HasPrefix(v, "[") { // a list stays a YAML (JSON flow) sequence
			v = strconv.Quote(v)
		}
		text += "  " + key + ": " + v + "\n"
	}
	return text
}

// TestLifecycle: preview, up, a second preview, an up a day later and an up after a rotation
// boundary, for every committed stack; the engine must see exactly the offline plan.
func TestLifecycle(t *testing.T) {
	for _, name := range []string{"dev", "prod"} {
		t.Run(name, func(t *testing.T) { lifecycle(t, name) })
	}
}

func lifecycle(t *testing.T, name string) {
	dir, stk, c := deployableStack(t, name)

	t0 := time.Now()
	mustSucceed(t, "preview", preview(t, stk))
	tPreview := time.Since(t0)
	t0 = time.Now()
	first := up(t, stk)
	mustSucceed(t, "up", first)
	tUp := time.Since(t0)
	again := preview(t, stk)
	mustSucceed(t, "second preview", again)
	if len(again.changed()) > 0 {
		t.Errorf("second preview changes: %v", again.changed())
	}
	checkDrift(t, stk, first)

	offline, err := plan.Run(dir, name, start)
	if err != nil {
		t.Fatal(err)
	}
	d, raw := deployment(t, dir, stk)
	compareWithPlan(t, d, offline)
	compareOutputs(t, stk, offline)
	noPlaintextSecrets(t, name, raw, secretTexts(t, dir, name))

	c.Set(start.Add(24 * time.Hour))
	later := up(t, stk)
	mustSucceed(t, "up a day later", later)
	if len(later.changed()) > 0 {
		t.Errorf("an up a day later changes: %v", later.changed())
	}

	boundary, want, after := nextRotation(t, dir, name, offline)
	c.Set(boundary)
	rotated := up(t, stk)
	mustSucceed(t, "up after the rotation boundary", rotated)
	got := urnsOf(rotated.changed())
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rotation on %s changed\n  %v\nwant exactly the credential and Key Vault secret\n  %v", boundary.Format(time.DateOnly), got, want)
	}
	// The rotated state is what the offline plan of that day, given the last outputs, shows.
	d, _ = deployment(t, dir, stk)
	compareWithPlan(t, d, after)
	compareOutputs(t, stk, after)
	note("%-5s %3d resources  preview %5.1fs  up %5.1fs  second preview, up a day later: no change  drift named  rotation %s: %d changed",
		name, len(first.ops), tPreview.Seconds(), tUp.Seconds(), boundary.Format(time.DateOnly), len(got))
}

// nextRotation is the first day after start whose offline plan, given the outputs of base,
// differs from base; the resources whose inputs differ then (those a rotation must change, and
// only those: one credential slot and the Key Vault secret); and that day's plan.
func nextRotation(t *testing.T, dir, name string, base *plan.Result) (time.Time, []string, *plan.Result) {
	t.Helper()
	before := inputsByURN(base)
	previous := plainOutputs(base)
	for day := 1; day <= 400; day++ {
		at := start.AddDate(0, 0, day)
		p, err := plan.RunAfter(dir, name, at, previous)
		if err != nil {
			t.Fatal(err)
		}
		var changed []string
		for urn, in := range inputsByURN(p) {
			if in != before[urn] {
				changed = append(changed, urn)
			}
		}
		if len(changed) > 0 {
			sort.Strings(changed)
			slots := 0
			for _, urn := range changed {
				if !rotationState(urn) {
					t.Errorf("a rotation would also change %s", urn)
				}
				if strings.Contains(urn, "ApplicationPassword::") {
					slots++
				}
			}
			if slots != 1 {
				t.Errorf("a rotation would change %d credential slots, want 1: %v", slots, changed)
			}
			return at, changed, p
		}
	}
	t.Fatal("no rotation within 400 days")
	return time.Time{}, nil, nil
}

// plainOutputs are a plan's string outputs: what the next deployment reads back.
func plainOutputs(p *plan.Result) map[string]string {
	out := map[string]string{}
	for name, v := range p.Outputs {
		if s, ok := v.(string); ok {
			out[name] = s
		}
	}
	return out
}

func inputsByURN(p *plan.Result) map[string]string {
	out := map[string]string{}
	for _, r := range p.Resources {
		data, _ := json.Marshal(r.Inputs)
		out[r.URN] = string(data)
	}
	return out
}

func urnsOf(changes []string) []string {
	out := []string{}
	for _, c := range changes {
		_, urn, _ := strings.Cut(c, " ")
		out = append(out, urn)
	}
	sort.Strings(out)
	return out
}

// compareWithPlan: the engine's state holds exactly the plan's resources, with the same
// inputs (secrets masked alike), parents, dependencies, protect flags and explicit providers.
func compareWithPlan(t *testing.T, d apitype.DeploymentV3, p *plan.Result) {
	t.Helper()
	state := map[string]apitype.ResourceV3{}
	for _, r := range d.Resources {
		if r.Type == "pulumi:pulumi:Stack" || strings.HasPrefix(string(r.Type), "pulumi:providers:") && strings.HasPrefix(r.URN.Name(), "default") {
			continue
		}
		if strings.HasPrefix(string(r.Type), "pulumi:providers:") {
			delete(r.Inputs, "version") // the engine records the plugin version it loaded
		}
		state[string(r.URN)] = r
	}
	compared := 0
	for _, want := range p.Resources {
		compared++
		got, ok := state[want.URN]
		delete(state, want.URN)
		if !ok {
			t.Errorf("engine lacks %s", want.URN)
			continue
		}
		if got.Protect != want.Protect || string(got.Parent) != parentOrStack(want.Parent, d) {
			t.Errorf("%s: protect %v parent %s; plan: protect %v parent %s", want.URN, got.Protect, got.Parent, want.Protect, want.Parent)
		}
		if deps := sortedURNs(got.Dependencies); !reflect.DeepEqual(deps, sorted(want.Dependencies)) {
			t.Errorf("%s: dependencies\n  engine %v\n  plan   %v", want.URN, deps, sorted(want.Dependencies))
		}
		if want.Provider != "" && !strings.HasPrefix(got.Provider, want.Provider+"::") {
			t.Errorf("%s: provider %s, plan %s", want.URN, got.Provider, want.Provider)
		}
		if in := normalize(got.Inputs); !reflect.DeepEqual(in, normalize(want.Inputs)) {
			a, _ := json.Marshal(in)
			b, _ := json.Marshal(normalize(want.Inputs))
			t.Errorf("%s: inputs differ\n  engine %s\n  plan   %s", want.URN, a, b)
		}
	}
	for urn := range state {
		t.Errorf("engine has %s, which the plan lacks", urn)
	}
	if compared < 50 {
		t.Errorf("only %d resources compared", compared)
	}
}

// rotationState: the resources a credential rotation may change.
func rotationState(urn string) bool {
	return strings.Contains(urn, "applicationPassword:ApplicationPassword::") || strings.HasSuffix(urn, "keyvault:Secret::platform-client-secret")
}

// parentOrStack: the plan leaves top-level parents empty; the engine names the stack.
func parentOrStack(parent string, d apitype.DeploymentV3) string {
	if parent != "" {
		return parent
	}
	for _, r := range d.Resources {
		if r.Type == "pulumi:pulumi:Stack" {
			return string(r.URN)
		}
	}
	return ""
}

func sortedURNs[T ~string](in []T) []string {
	out := []string{}
	for _, u := range in {
		out = append(out, string(u))
	}
	sort.Strings(out)
	return out
}

func sorted(in []string) []string { return sortedURNs(in) }

// normalize turns the state's encrypted secrets into the plan's mask and JSON numbers alike.
func normalize(v any) any {
	switch t := v.(type) {
	case map[string]any:
		if _, secret := t["4dabf18193072939515e22adb298388d"]; secret {
			return plan.SecretMask
		}
		out := map[string]any{}
		for k, e := range t {
			if !strings.HasPrefix(k, "__") {
				out[k] = normalize(e)
			}
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = normalize(e)
		}
		return out
	case nil:
		return nil
	}
	data, _ := json.Marshal(v)
	var back any
	_ = json.Unmarshal(data, &back)
	return back
}

func compareOutputs(t *testing.T, stk auto.Stack, p *plan.Result) {
	t.Helper()
	outs, err := stk.Outputs(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(outs) != len(p.Outputs) {
		t.Errorf("engine exports %d outputs, the plan %d", len(outs), len(p.Outputs))
	}
	for name, want := range p.Outputs {
		got, ok := outs[name]
		var value any = got.Value
		if got.Secret {
			value = plan.SecretMask
		}
		if !ok || !reflect.DeepEqual(normalize(value), normalize(want)) {
			t.Errorf("output %s: engine %v (secret %v), plan %v", name, got.Value, got.Secret, want)
		}
	}
}
