//go:build e2e

package e2e

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto/events"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"

	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/policy"
)

func packPath(t *testing.T) string {
	return filepath.Join(setup(t)["PULUMI_HOME"], "mlplatform-policy")
}

// TestPolicyPack: the rules in the engine. With the policy pack, `pulumi up` of each committed
// stack succeeds and reports exactly the offline plan's findings (waived ones as advisory), and
// a preview of dev without its private-networking waiver fails, naming each high rule and the
// resource it judged.
func TestPolicyPack(t *testing.T) {
	for _, name := range []string{"dev", "prod"} {
		t.Run(name, func(t *testing.T) {
			dir, stk, _ := deployableStack(t, name)
			// The first preview: inputs computed at apply are unknown. It passes, and each rule
			// that could not judge an input says so (advisory) rather than passing silently.
			pre, previewed := withPack(func(ch chan<- events.EngineEvent, out io.Writer) error {
				_, err := stk.Preview(context.Background(), optpreview.PolicyPacks(packPath(t)), optpreview.EventStreams(ch),
					optpreview.ProgressStreams(out), optpreview.ErrorProgressStreams(out))
				return err
			})
			mustSucceed(t, "preview with the policy pack", pre)
			notJudged := strings.Count(pre.output, "not judged during preview")
			r, got := withPack(func(ch chan<- events.EngineEvent, out io.Writer) error {
				_, err := stk.Up(context.Background(), optup.PolicyPacks(packPath(t)), optup.EventStreams(ch),
					optup.ProgressStreams(out), optup.ErrorProgressStreams(out))
				return err
			})
			mustSucceed(t, "up with the policy pack", r)
			offline, err := plan.Run(dir, name, start)
			if err != nil {
				t.Fatal(err)
			}
			want := offlineLines(offline.Findings)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("the policy pack reported\n  %s\nthe offline plan\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			note("%-5s policy pack: first preview %d findings (%d rules not judged: inputs unknown until apply); up %d findings, equal to the offline plan's",
				name, len(previewed), notJudged, len(got))
		})
	}
	t.Run("dev without its private-networking waiver", func(t *testing.T) {
		text := dropLine(deployable(t, "dev"), `"azurePrivateNetworking: `)
		dir := project(t, map[string]string{"Pulumi.dev.yaml": text})
		c := &clock{now: start}
		var keys []string
		stk := newStack(t, dir, "dev", realProgram(t, c, &keys))
		keys = configKeys(t, stk)
		r, got := withPack(func(ch chan<- events.EngineEvent, out io.Writer) error {
			_, err := stk.Preview(context.Background(), optpreview.PolicyPacks(packPath(t)), optpreview.EventStreams(ch),
				optpreview.ProgressStreams(out), optpreview.ErrorProgressStreams(out))
			return err
		})
		if r.err == nil {
			t.Fatalf("preview passed with six unwaived high findings\n%s", tail(r.output, 30))
		}
		var blocking []string
		for _, l := range got {
			if strings.HasSuffix(l, "mandatory") {
				blocking = append(blocking, l)
			}
		}
		for _, rule := range []string{"AAC-004", "ACR-003", "AKV-004", "AML-003", "AST-004", "AST-005"} {
			if !strings.Contains(strings.Join(blocking, "\n"), rule+" urn:pulumi:dev::mlplatform::") {
				t.Errorf("%s does not block naming its resource; blocking: %v", rule, blocking)
			}
			if !strings.Contains(r.output, rule) {
				t.Errorf("the preview's output does not name %s", rule)
			}
		}
		note("dev   without the azurePrivateNetworking waiver: preview fails, %d mandatory findings named", len(blocking))
	})
}

// withPack runs one engine operation and lists the policy pack's findings as "RULE URN level".
func withPack(op func(chan<- events.EngineEvent, io.Writer) error) (run, []string) {
	var lines []string
	r := operate(func(ch chan<- events.EngineEvent, out io.Writer) error {
		inner := make(chan events.EngineEvent)
		done := make(chan struct{})
		go func() {
			for ev := range inner {
				if p := ev.PolicyEvent; p != nil && p.PolicyPackName == "mlplatform" {
					lines = append(lines, fmt.Sprintf("%s %s %s", p.PolicyName, p.ResourceURN, p.EnforcementLevel))
				}
				ch <- ev
			}
			close(ch) // operate's collector ends when the stream does
			close(done)
		}()
		err := op(inner, out)
		<-done
		return err
	})
	sort.Strings(lines)
	return r, lines
}

// offlineLines are the offline plan's findings as withPack lists the pack's: unwaived high
// findings mandatory, the rest advisory.
func offlineLines(findings []policy.Finding) []string {
	var out []string
	for _, f := range findings {
		level := "advisory"
		if f.Severity == policy.High && !f.Waived {
			level = "mandatory"
		}
		out = append(out, fmt.Sprintf("%s %s %s", f.Rule, f.URN, level))
	}
	sort.Strings(out)
	return out
}

func dropLine(text, prefix string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.Contains(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
