package stack

import (
	"fmt"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/internals"

	"github.com/example/mlplatform/contract"
	"github.com/example/mlplatform/identity"
	"github.com/example/mlplatform/settings"
)

// PreviousDeploymentName is the logical name of the stack's reference to itself.
const PreviousDeploymentName = "previous-deployment"

// schedule is the rotation schedule the settings describe.
func schedule(s *settings.Settings) identity.Schedule {
	return identity.Schedule{RotationDays: s.Identity.RotationDays, GraceDays: s.Identity.GraceDays}
}

// previousRotation reads the rotation state the stack's last deployment exported. A stack
// reference to the stack itself resolves to the outputs of its last update, in a preview as
// in an update (pulumi/pulumi#3722 shows the pattern; the StackReference is read on every run,
// pulumi/pulumi#2332). Reading the slots back, rather than recomputing them from the
// calendar, is what lets a late or skipped deployment rotate safely (identity/rotation.go).
func previousRotation(ctx *pulumi.Context) (identity.State, error) {
	self := fmt.Sprintf("%s/%s/%s", ctx.Organization(), ctx.Project(), ctx.Stack())
	ref, err := pulumi.NewStackReference(ctx, PreviousDeploymentName, &pulumi.StackReferenceArgs{Name: pulumi.String(self)})
	if err != nil {
		return identity.State{}, err
	}
	// Awaited whole: GetOutput fails outright when a stack has no outputs yet (a new stack).
	res, err := internals.UnsafeAwaitOutput(ctx.Context(), ref.Outputs)
	if err != nil {
		return identity.State{}, fmt.Errorf("reading the previous deployment's outputs: %w", err)
	}
	if !res.Known {
		return identity.State{}, fmt.Errorf("the previous deployment's outputs of %s are unknown: refusing to rotate blind", self)
	}
	outputs, _ := res.Value.(map[string]interface{})
	return RotationFromOutputs(func(name string) (string, error) {
		v, _ := outputs[name].(string)
		return v, nil
	})
}

// RotationFromOutputs rebuilds the rotation state from a previous deployment's outputs (get
// returns "" for a missing one). No slot outputs but credentialExpiresAt means the single
// credential of the earlier layout: slot a adopts it. No outputs at all is a new stack.
func RotationFromOutputs(get func(name string) (string, error)) (identity.State, error) {
	v := map[string]string{}
	for _, name := range []string{contract.CredentialSlotAIssuedAt, contract.CredentialSlotAExpiresAt,
		contract.CredentialSlotBIssuedAt, contract.CredentialSlotBExpiresAt, contract.CredentialExpiresAt, contract.ApplicationObjectID} {
		s, err := get(name)
		if err != nil {
			return identity.State{}, fmt.Errorf("reading output %s of the previous deployment: %w", name, err)
		}
		v[name] = s
	}
	var st identity.State
	switch {
	case v[contract.CredentialSlotAExpiresAt] == "" && v[contract.CredentialSlotBExpiresAt] == "" && v[contract.CredentialExpiresAt] != "":
		end, err := time.Parse(time.RFC3339, v[contract.CredentialExpiresAt])
		if err != nil {
			return st, fmt.Errorf("output %s of the previous deployment = %q: %w", contract.CredentialExpiresAt, v[contract.CredentialExpiresAt], err)
		}
		st.Slots[identity.SlotA] = identity.Credential{End: end.UTC(), Adopted: true}
		return st, nil
	case v[contract.CredentialSlotAExpiresAt] == "" && v[contract.CredentialSlotBExpiresAt] == "" && v[contract.ApplicationObjectID] != "":
		// Guessing "new stack" here would replace the credential in use: stop instead.
		return st, fmt.Errorf("the previous deployment exported an application but no credential slots: refusing to rotate blind (restore the outputs %s/%s or import the slots)",
			contract.CredentialSlotAExpiresAt, contract.CredentialSlotBExpiresAt)
	}
	var err error
	if st.Slots[identity.SlotA], err = slotFromOutputs(v, contract.CredentialSlotAIssuedAt, contract.CredentialSlotAExpiresAt); err != nil {
		return st, err
	}
	if st.Slots[identity.SlotB], err = slotFromOutputs(v, contract.CredentialSlotBIssuedAt, contract.CredentialSlotBExpiresAt); err != nil {
		return st, err
	}
	return st, st.Validate()
}

func slotFromOutputs(v map[string]string, issuedKey, expiresKey string) (identity.Credential, error) {
	if v[expiresKey] == "" {
		return identity.Credential{}, nil
	}
	end, err := time.Parse(time.RFC3339, v[expiresKey])
	if err != nil {
		return identity.Credential{}, fmt.Errorf("output %s of the previous deployment = %q: %w", expiresKey, v[expiresKey], err)
	}
	if v[issuedKey] == "" {
		return identity.Credential{End: end.UTC(), Adopted: true}, nil
	}
	start, err := time.Parse(time.RFC3339, v[issuedKey])
	if err != nil {
		return identity.Credential{}, fmt.Errorf("output %s of the previous deployment = %q: %w", issuedKey, v[issuedKey], err)
	}
	return identity.Credential{Start: start.UTC(), End: end.UTC()}, nil
}

// RotationOutputs are the stack outputs that describe st: what the next deployment reads
// back, and what shows both slots' expiry.
func RotationOutputs(st identity.State) pulumi.Map {
	out := pulumi.Map{}
	for name, v := range RotationValues(st) {
		out[name] = pulumi.String(v)
	}
	return out
}

// RotationValues are RotationOutputs as plain strings.
func RotationValues(st identity.State) map[string]string {
	cur, _ := st.Current()
	out := map[string]string{contract.CredentialExpiresAt: rfc3339(st.Slot(cur).End)}
	for _, slot := range identity.Slots {
		issued, expires := contract.CredentialSlotAIssuedAt, contract.CredentialSlotAExpiresAt
		if slot == identity.SlotB {
			issued, expires = contract.CredentialSlotBIssuedAt, contract.CredentialSlotBExpiresAt
		}
		c := st.Slot(slot)
		out[issued], out[expires] = "", rfc3339(c.End)
		if !c.Adopted {
			out[issued] = rfc3339(c.Start)
		}
	}
	return out
}

// rfc3339 formats t, or "" for the zero time (an empty slot).
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
