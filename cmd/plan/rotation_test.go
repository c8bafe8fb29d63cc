package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/example/mlplatform/contract"
	"github.com/example/mlplatform/identity"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/stack"
)

// `plan -now DATE -previous OUTPUTS` shows two credentials valid on that date, for a stack
// deployed every 4th day (a plan costs a tenth of a second) across several periods, each plan
// reading the outputs of the one before, as each deployment reads the last one's.
func TestPlanShowsTwoValidCredentialsOnEveryDate(t *testing.T) {
	for _, stackName := range []string{"dev", "prod"} {
		s := stacktest.Settings(t, stackName)
		first := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		var previous map[string]string
		rotations := 0
		for d := first; d.Before(first.AddDate(0, 0, 2*s.Identity.RotationDays+8)); d = d.AddDate(0, 0, 4) {
			r, err := plan.RunAfter(stacktest.Root(), stackName, d, previous)
			if err != nil {
				t.Fatalf("%s %s: %v", stackName, d.Format(time.DateOnly), err)
			}
			if previous != nil && previous[contract.CredentialExpiresAt] != r.Outputs[contract.CredentialExpiresAt] {
				rotations++
			}
			previous = map[string]string{}
			for name, v := range r.Outputs {
				if str, ok := v.(string); ok {
					previous[name] = str
				}
			}
			for _, name := range []string{contract.CredentialSlotAExpiresAt, contract.CredentialSlotBExpiresAt} {
				end, err := time.Parse(time.RFC3339, r.Outputs[name].(string))
				if err != nil || !end.After(d) {
					t.Errorf("%s %s: %s = %v, want a credential valid on that day", stackName, d.Format(time.DateOnly), name, r.Outputs[name])
				}
			}
			var secret, newest plan.Resource
			for _, res := range r.Resources {
				switch {
				case res.Type == "azure-native:keyvault:Secret":
					secret = res
				case res.Type == "azuread:index/applicationPassword:ApplicationPassword" && (newest.Name == "" || res.Inputs["startDate"].(string) > newest.Inputs["startDate"].(string)):
					newest = res
				}
			}
			// Key Vault's validity is exactly the newest credential's.
			attrs := secret.Inputs["properties"].(map[string]any)["attributes"].(map[string]any)
			start, _ := time.Parse(time.RFC3339, newest.Inputs["startDate"].(string))
			end, _ := time.Parse(time.RFC3339, newest.Inputs["endDate"].(string))
			if attrs["notBefore"] != float64(start.Unix()) || attrs["expires"] != float64(end.Unix()) || r.Outputs[contract.CredentialExpiresAt] != newest.Inputs["endDate"] {
				t.Errorf("%s %s: Key Vault attributes %v, credentialExpiresAt %v; newest credential %s..%s", stackName, d.Format(time.DateOnly),
					attrs, r.Outputs[contract.CredentialExpiresAt], start, end)
			}
			if len(r.Findings) != 0 && stackName == "prod" {
				t.Errorf("prod %s: findings %v", d.Format(time.DateOnly), r.Findings)
			}
		}
		if rotations != 2 {
			t.Errorf("%s: %d rotations over two periods and 8 days, want 2", stackName, rotations)
		}
	}
}

func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRotationFromOutputs(t *testing.T) {
	from := func(outputs map[string]string) (identity.State, error) {
		return stack.RotationFromOutputs(func(name string) (string, error) { return outputs[name], nil })
	}
	// A new stack: nothing to read.
	if st, err := from(nil); err != nil || st != (identity.State{}) {
		t.Errorf("new stack: %+v, %v", st, err)
	}
	// The single-credential layout: slot a adopts it.
	st, err := from(map[string]string{contract.CredentialExpiresAt: "2026-12-07T00:00:00Z", contract.ApplicationObjectID: "x"})
	if a := st.Slot(identity.SlotA); err != nil || !a.Adopted || a.End != day(t, "2026-12-07") || !st.Slot(identity.SlotB).Empty() {
		t.Errorf("legacy: %+v, %v", st, err)
	}
	// A deployed stack whose rotation outputs are gone: refuse rather than replace both slots.
	if _, err := from(map[string]string{contract.ApplicationObjectID: "x"}); err == nil || !strings.Contains(err.Error(), "refusing to rotate blind") {
		t.Errorf("missing state: %v", err)
	}
	if _, err := from(map[string]string{contract.CredentialSlotAExpiresAt: "soon", contract.CredentialSlotAIssuedAt: "2026-11-10T00:00:00Z"}); err == nil || !strings.Contains(err.Error(), contract.CredentialSlotAExpiresAt) {
		t.Errorf("bad date: %v", err)
	}
}

// What a deployment exports is what the next one reads back.
func TestRotationOutputsRoundTrip(t *testing.T) {
	for _, st := range []identity.State{
		{Slots: [2]identity.Credential{{Start: day(t, "2026-10-11"), End: day(t, "2027-01-09")}, {Start: day(t, "2026-11-10"), End: day(t, "2027-02-08")}}},
		{Slots: [2]identity.Credential{{End: day(t, "2026-12-07"), Adopted: true}, {Start: day(t, "2026-11-23"), End: day(t, "2027-02-21")}}},
		{Slots: [2]identity.Credential{{Start: day(t, "2026-11-23"), End: day(t, "2027-02-21")}}},
	} {
		var buf bytes.Buffer
		outputs := map[string]string{}
		for name, v := range stack.RotationValues(st) {
			outputs[name] = v
			buf.WriteString(name + "=" + v + " ")
		}
		got, err := stack.RotationFromOutputs(func(name string) (string, error) { return outputs[name], nil })
		if err != nil || got != st {
			t.Errorf("%s: read back %+v, %v; want %+v", buf.String(), got, err, st)
		}
	}
}

// `plan -previous FILE` plans the next deployment of a live stack from its outputs: before the
// rotation is due nothing moves; on the due day slot a (not in Key Vault) gets the successor.
// A file that is not `pulumi stack output --json` is a usage error.
func TestPlanFromALiveStacksOutputs(t *testing.T) {
	planAt := func(at string, extra ...string) (int, map[string]any, string) {
		var out, errOut bytes.Buffer
		code := run(append([]string{"-dir", stacktest.Root(), "-stack", "prod", "-format", "json", "-now", at}, extra...), &out, &errOut)
		var doc struct {
			Outputs map[string]any `json:"outputs"`
		}
		if code < 2 {
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatalf("%s: %v", at, err)
			}
		}
		return code, doc.Outputs, errOut.String()
	}
	_, first, _ := planAt("2026-11-01")
	file := filepath.Join(t.TempDir(), "outputs.json")
	data, _ := json.Marshal(first)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	period := stacktest.Settings(t, "prod").Identity.RotationDays
	due := day(t, "2026-11-01").AddDate(0, 0, period)
	_, before, _ := planAt(due.AddDate(0, 0, -1).Format(time.DateOnly), "-previous", file)
	for _, name := range []string{contract.CredentialSlotAIssuedAt, contract.CredentialSlotBIssuedAt, contract.CredentialExpiresAt} {
		if before[name] != first[name] {
			t.Errorf("a day before the rotation is due, %s = %v, want %v unchanged", name, before[name], first[name])
		}
	}
	_, after, _ := planAt(due.Format(time.DateOnly), "-previous", file)
	if after[contract.CredentialSlotAIssuedAt] != due.Format(time.RFC3339) || after[contract.CredentialSlotBIssuedAt] != first[contract.CredentialSlotBIssuedAt] ||
		after[contract.CredentialExpiresAt] != after[contract.CredentialSlotAExpiresAt] {
		t.Errorf("on the due day: %v", after)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("[1,2]"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, msg := planAt("2026-11-01", "-previous", bad); code != 2 || !strings.Contains(msg, "pulumi stack output --json") {
		t.Errorf("bad -previous file: exit %d, %q", code, msg)
	}
}
