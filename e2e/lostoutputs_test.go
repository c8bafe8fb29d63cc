//go:build e2e

package e2e

import (
	"encoding/json"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"

	"github.com/example/mlplatform/contract"
)

// TestLostOutputsNeverReissueBothSlots: a CLI older than v3.112.0 erases every stack output
// when an update fails (pulumi/pulumi#14621), and a new stack whose first update failed after
// creating its passwords has none. The next run then reads no credential slots and would issue
// both anew, deleting both live client secrets. The state is made from a real up with its
// outputs erased; three days later the preview and the up must keep both passwords, and the
// outputs must again describe the credentials that exist (issued on the first day).
func TestLostOutputsNeverReissueBothSlots(t *testing.T) {
	const name = "dev"
	dir, stk, c := deployableStack(t, name)
	mustSucceed(t, "up", up(t, stk))
	before, raw := deployment(t, dir, stk)
	stackCLI(t, dir, stk, withoutOutputs(t, raw), "stack", "import", "--file")

	c.Set(start.AddDate(0, 0, 3))
	for _, step := range []struct {
		what string
		op   func(*testing.T, auto.Stack) run
	}{{"preview", preview}, {"up", up}} {
		r := step.op(t, stk)
		mustSucceed(t, step.what+" three days after the outputs were lost", r)
		for urn, op := range r.ops {
			if isPassword(urn) && op != apitype.OpSame {
				t.Errorf("%s: %s %s, want same (the live credential is kept)", step.what, op, urn)
			}
		}
	}
	after, _ := deployment(t, dir, stk)
	if got, want := stackOutput(after, contract.CredentialSlotBIssuedAt), stackOutput(before, contract.CredentialSlotBIssuedAt); got != want || want == "" {
		t.Errorf("%s = %q after the outputs were lost, want %q (the credential the state holds)", contract.CredentialSlotBIssuedAt, got, want)
	}
	if !t.Failed() {
		note("lost outputs: three days later both passwords are kept and the slots are read back from them")
	}
}

// stackOutput is the stack's plain output name in d.
func stackOutput(d apitype.DeploymentV3, name string) string {
	for _, r := range d.Resources {
		if r.Type == "pulumi:pulumi:Stack" {
			v, _ := r.Outputs[name].(string)
			return v
		}
	}
	return ""
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
