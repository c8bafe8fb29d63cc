//go:build e2e

package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"

	"github.com/example/mlplatform/contract"
)

// TestMigrationFromOneCredential: a stack deployed with the single-credential layout (one
// ApplicationPassword "platform" in Key Vault, output credentialExpiresAt, no slot outputs)
// moves to the two slots with no outage: the live credential becomes slot a under its alias
// (same object, never replaced or deleted), slot b is issued, Key Vault takes slot b.
//
// The earlier layout's state is made from a real up by rewriting it the way that layout
// stored it (the password named "platform", no slot outputs) and importing it, so every
// other resource is exactly what an existing stack holds.
func TestMigrationFromOneCredential(t *testing.T) {
	const name = "dev"
	dir, stk, c := deployableStack(t, name)
	mustSucceed(t, "up", up(t, stk))

	_, raw := deployment(t, dir, stk)
	legacy, liveID := toSingleCredential(t, raw)
	stackCLI(t, dir, stk, legacy, "stack", "import", "--file")

	c.Set(start.AddDate(0, 0, 3))
	migrated := up(t, stk)
	mustSucceed(t, "up after the single-credential layout", migrated)
	for urn, op := range migrated.ops {
		if isPassword(urn) && (op == apitype.OpDelete || op == apitype.OpReplace || op == apitype.OpCreateReplacement || op == apitype.OpDeleteReplaced) {
			t.Errorf("migration %s %s: a live credential would be lost", op, urn)
		}
	}
	slotA, slotB := passwordURN(t, raw, "platform-a"), passwordURN(t, raw, "platform-b")
	if op := migrated.ops[slotA]; op != apitype.OpSame {
		t.Errorf("slot a: %s, want same (the live credential, adopted under its alias)", op)
	}
	if op := migrated.ops[slotB]; op != apitype.OpCreate {
		t.Errorf("slot b: %s, want create (the successor)", op)
	}
	d, _ := deployment(t, dir, stk)
	for _, r := range d.Resources {
		switch {
		case string(r.URN) == slotA && string(r.ID) != liveID:
			t.Errorf("slot a holds %s, want the live credential %s", r.ID, liveID)
		case strings.HasSuffix(string(r.URN), "keyvault:Secret::platform-client-secret") && !dependsOn(r, slotB):
			t.Errorf("Key Vault secret depends on %v, want slot b (the newest credential)", r.Dependencies)
		case strings.HasSuffix(string(r.URN), "ApplicationPassword::platform"):
			t.Errorf("the earlier layout's password is still in the state as %s", r.URN)
		}
	}
	again := up(t, stk)
	mustSucceed(t, "second up after the migration", again)
	if len(again.changed()) > 0 {
		t.Errorf("second up after the migration changes: %v", again.changed())
	}
	if !t.Failed() {
		note("migration from one credential: slot a adopted (same object), slot b created, no credential deleted")
	}
}

func isPassword(urn string) bool {
	return strings.Contains(urn, "applicationPassword:ApplicationPassword::")
}

func dependsOn(r apitype.ResourceV3, urn string) bool {
	for _, d := range r.Dependencies {
		if string(d) == urn {
			return true
		}
	}
	return false
}

func passwordURN(t *testing.T, raw, name string) string {
	t.Helper()
	var d apitype.DeploymentV3
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatal(err)
	}
	for _, r := range d.Resources {
		if isPassword(string(r.URN)) && r.URN.Name() == name {
			return string(r.URN)
		}
	}
	t.Fatalf("no password %s in the state", name)
	return ""
}

// toSingleCredential rewrites a state of the two-slot layout into the one before it: slot b
// (the Key Vault value) becomes the single password "platform", slot a is gone, and the stack
// exports no slot outputs. It returns the state and the live password's id.
func toSingleCredential(t *testing.T, raw string) (string, string) {
	t.Helper()
	slotA, slotB := passwordURN(t, raw, "platform-a"), passwordURN(t, raw, "platform-b")
	single := strings.TrimSuffix(slotB, "-b")
	var d map[string]any
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatal(err)
	}
	var kept []any
	liveID := ""
	for _, r := range d["resources"].([]any) {
		res := r.(map[string]any)
		switch res["urn"] {
		case slotA:
			continue
		case slotB:
			liveID, _ = res["id"].(string)
		}
		if res["type"] == "pulumi:pulumi:Stack" {
			outputs := res["outputs"].(map[string]any)
			for _, k := range []string{contract.CredentialSlotAIssuedAt, contract.CredentialSlotAExpiresAt, contract.CredentialSlotBIssuedAt, contract.CredentialSlotBExpiresAt} {
				delete(outputs, k)
			}
		}
		kept = append(kept, res)
	}
	d["resources"] = kept
	data, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	// Every reference to slot b (its own URN, dependencies) now names the single password.
	text := strings.ReplaceAll(string(data), `"`+slotB+`"`, `"`+single+`"`)
	if strings.Contains(text, slotA) {
		t.Fatalf("something still refers to slot a: the rewrite would not be the earlier layout")
	}
	return text, liveID
}

// stackCLI runs `pulumi <args> FILE` on stk with deployment as FILE's content (an untyped
// deployment, as `stack export` prints it).
func stackCLI(t *testing.T, dir string, stk auto.Stack, deployment string, args ...string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "state.json")
	doc, err := json.Marshal(apitype.UntypedDeployment{Version: 3, Deployment: json.RawMessage(deployment)})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pulumi", append(args, file, "--stack", stk.Name(), "--non-interactive")...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	for k, v := range envFor(t, dir) {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pulumi %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}
