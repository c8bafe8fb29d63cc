package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/example/mlplatform/contract"
	"github.com/example/mlplatform/identity"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/plan"
	"github.com/example/mlplatform/stack"
)

// `plan -now DATE` shows two credentials valid on that date, for dates across several
// periods of both stacks (every 4th day: a plan costs a tenth of a second).
func TestPlanShowsTwoValidCredentialsOnEveryDate(t *testing.T) {
	for _, stackName := range []string{"dev", "prod"} {
		s := stacktest.Settings(t, stackName)
		first := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
		for d := first; d.Before(first.AddDate(0, 0, 2*s.Identity.RotationDays+8)); d = d.AddDate(0, 0, 4) {
			r, err := plan.Run(stacktest.Root(), stackName, d)
			if err != nil {
				t.Fatalf("%s %s: %v", stackName, d.Format(time.DateOnly), err)
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
