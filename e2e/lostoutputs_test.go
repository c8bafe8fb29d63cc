//go:build e2e

package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
)

// TestLostOutputsNeverReissueBothSlots: a CLI older than v3.112.0 erases every stack output
// when an update fails (pulumi/pulumi#14621). The next run then reads no credential slots and
// would issue both anew, deleting both live client secrets. The state is made from a real up
// with its outputs erased the way such a CLI left them; the next preview must keep both
// passwords on the day they were issued, and refuse three days later.
func TestLostOutputsNeverReissueBothSlots(t *testing.T) {
	const name = "dev"
	dir := project(t, map[string]string{"Pulumi." + name + ".yaml": deployable(t, name)})
	c := &clock{now: start}
	var keys []string
	stk := newStack(t, dir, name, realProgram(t, c, &keys))
	keys = configKeys(t, stk)
	mustSucceed(t, "up", up(t, stk))

	_, raw := deployment(t, dir, stk)
	stackCLI(t, dir, stk, withoutOutputs(t, raw), "stack", "import", "--file")

	sameDay := preview(t, stk)
	mustSucceed(t, "preview on the day the lost outputs' credentials were issued", sameDay)
	for urn, op := range sameDay.ops {
		if isPassword(urn) && op != apitype.OpSame {
			t.Errorf("same day: %s %s, want same (the live credential is kept)", op, urn)
		}
	}

	c.Set(start.AddDate(0, 0, 3))
	later := preview(t, stk)
	if later.err == nil {
		t.Fatalf("preview three days after the outputs were lost succeeded: both slots would be issued anew")
	}
	if !strings.Contains(later.output, "refusing to issue both slots anew") || !strings.Contains(later.output, "v3.112.0") {
		t.Errorf("the refusal does not say what and why:\n%s", tail(later.output, 30))
	}
	for urn, op := range later.ops {
		if isPassword(urn) && (op == apitype.OpDelete || op == apitype.OpReplace || op == apitype.OpDeleteReplaced) {
			t.Errorf("three days later: %s %s: a live credential would be lost", op, urn)
		}
	}
	if !t.Failed() {
		note("lost outputs: same day keeps both passwords, three days later the preview refuses to issue both slots")
	}
}

// withoutOutputs is the state raw with every stack output erased, as a failed update under a
// CLI older than v3.112.0 left it.
func withoutOutputs(t *testing.T, raw string) string {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatal(err)
	}
	for _, r := range d["resources"].([]any) {
		if res := r.(map[string]any); res["type"] == "pulumi:pulumi:Stack" {
			res["outputs"] = map[string]any{}
		}
	}
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
