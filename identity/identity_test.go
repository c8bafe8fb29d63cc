package identity_test

import (
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/identity"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

const passwordType = "azuread:index/applicationPassword:ApplicationPassword"

func schedule(s *settings.Settings) identity.Schedule {
	return identity.Schedule{RotationDays: s.Identity.RotationDays, GraceDays: s.Identity.GraceDays}
}

func newApp(t *testing.T, stack string, prev identity.State, now time.Time) (*mocks.Mocks, identity.Schedule) {
	t.Helper()
	s := stacktest.Settings(t, stack)
	m := stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
		_, err := identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{
			DisplayName:    "mlplatform-" + stack,
			Notes:          "owned by ml-platform",
			OwnerObjectIDs: pulumi.StringArray{pulumi.String(mocks.DeployerObjectID)},
			Rotation:       schedule(s),
			Previous:       prev,
			Now:            now,
			Tags:           []string{"env:" + stack},
			Protect:        s.ProtectStateful,
		})
		return err
	})
	return m, schedule(s)
}

// both is the state of a stack that rotated on 2026-11-10 into slot b, after slot a on 2026-10-11.
var both = identity.State{Slots: [2]identity.Credential{
	{Start: day("2026-10-11"), End: day("2027-01-09")},
	{Start: day("2026-11-10"), End: day("2027-02-08")},
}}

func TestApplicationInputs(t *testing.T) {
	now := day("2026-11-23").Add(9 * time.Hour)
	for _, stack := range []string{"dev", "prod"} {
		t.Run(stack, func(t *testing.T) {
			m, sch := newApp(t, stack, identity.State{}, now)
			app, ok := m.Find("azuread:index/application:Application", "platform")
			if !ok {
				t.Fatal("application not registered")
			}
			if got := app.Inputs["signInAudience"].StringValue(); got != "AzureADMyOrg" {
				t.Errorf("signInAudience = %q, want single tenant", got)
			}
			owners := app.Inputs["owners"].ArrayValue()
			if len(owners) != 1 || owners[0].StringValue() != mocks.DeployerObjectID {
				t.Errorf("owners = %v, want the deployer", owners)
			}
			if app.Protect != (stack == "prod") {
				t.Errorf("application protect = %v in %s", app.Protect, stack)
			}
			if app.Parent == "" || !app.Custom {
				t.Errorf("application must be a child of the component")
			}

			sp, _ := m.Find("azuread:index/servicePrincipal:ServicePrincipal", "platform")
			if got := sp.Inputs["clientId"].StringValue(); got != app.Outputs["clientId"].StringValue() {
				t.Errorf("service principal clientId = %q, want the application's", got)
			}

			// A new stack issues a credential into each slot, valid 2 periods + grace.
			if pws := m.ByType(passwordType); len(pws) != 2 {
				t.Fatalf("%d passwords on a new stack, want 2 (slots a and b)", len(pws))
			}
			pw, _ := m.Find(passwordType, "platform-a")
			if b, _ := m.Find(passwordType, "platform-b"); b.Inputs["endDate"].StringValue() != pw.Inputs["endDate"].StringValue() {
				t.Errorf("slot b ends %s, want slot a's end: both issued on the first day", b.Inputs["endDate"].StringValue())
			}
			end := day("2026-11-23").AddDate(0, 0, sch.LifetimeDays())
			if got := pw.Inputs["endDate"].StringValue(); got != end.Format(time.RFC3339) {
				t.Errorf("endDate = %s, want %s", got, end.Format(time.RFC3339))
			}
			if got := pw.Inputs["startDate"].StringValue(); got != "2026-11-23T00:00:00Z" {
				t.Errorf("startDate = %s, want the issue day", got)
			}
			if _, has := pw.Inputs["value"]; has {
				t.Error("a password value was sent: Azure AD must generate it")
			}
			if got := pw.Inputs["applicationId"].StringValue(); got != app.ID {
				t.Errorf("password applicationId = %q, want the application's resource id %q", got, app.ID)
			}
			if pw.Protect {
				t.Error("the rotating password must not be protected: rotation replaces it")
			}
			if !pw.Outputs["value"].IsSecret() {
				t.Error("generated password value must come back as a secret")
			}
		})
	}
}

func TestBothSlotsKeepTheirCredentials(t *testing.T) {
	m, _ := newApp(t, "prod", both, day("2026-11-23"))
	for _, slot := range identity.Slots {
		pw, ok := m.Find(passwordType, "platform-"+slot.String())
		if !ok {
			t.Fatalf("slot %s not registered", slot)
		}
		c := both.Slot(slot)
		if pw.Inputs["startDate"].StringValue() != c.Start.Format(time.RFC3339) || pw.Inputs["endDate"].StringValue() != c.End.Format(time.RFC3339) {
			t.Errorf("slot %s: %v, want the credential the previous deployment issued %+v", slot, pw.Inputs, c)
		}
		if len(pw.IgnoreChanges) != 0 {
			t.Errorf("slot %s ignores changes to %v", slot, pw.IgnoreChanges)
		}
	}
}

func TestSecondRunHasIdenticalInputs(t *testing.T) {
	now := day("2026-12-10") // rotation due: slot a is reissued
	first, sch := newApp(t, "prod", both, now)
	second, _ := newApp(t, "prod", identity.Next(both, sch, now), now.Add(20*time.Hour))
	a, b := first.Resources(), second.Resources()
	if len(a) != len(b) {
		t.Fatalf("%d vs %d resources", len(a), len(b))
	}
	for i := range a {
		if a[i].URN != b[i].URN || !a[i].Inputs.DeepEquals(b[i].Inputs) {
			t.Errorf("%s: inputs differ between runs:\n%v\n%v", a[i].URN, a[i].Inputs, b[i].Inputs)
		}
	}
}

// A run after the rotation is due changes exactly one slot: the one superseded longest ago.
func TestRotationChangesExactlyOneSlot(t *testing.T) {
	before, _ := newApp(t, "prod", both, day("2026-12-09"))
	after, _ := newApp(t, "prod", both, day("2026-12-10"))
	inputs := func(m *mocks.Mocks, name string) resource.PropertyMap {
		r, _ := m.Find(passwordType, name)
		return r.Inputs
	}
	// Slot a, superseded on 2026-11-10 (a full period ago), is the one reissued.
	if inputs(before, "platform-a").DeepEquals(inputs(after, "platform-a")) {
		t.Error("slot a was not reissued when the rotation fell due")
	}
	if !inputs(before, "platform-b").DeepEquals(inputs(after, "platform-b")) {
		t.Error("slot b (the Key Vault value) changed")
	}
	if got := inputs(after, "platform-a")["rotateWhenChanged"].ObjectValue()["issued"].StringValue(); got != "2026-12-10" {
		t.Errorf("slot a rotateWhenChanged issued = %q", got)
	}
}

// An existing stack with the single credential "platform" moves it into slot a: alias, and
// its inputs kept as they are, so the engine renames it and deletes nothing.
func TestSlotAAdoptsTheSingleCredential(t *testing.T) {
	adopted := identity.State{Slots: [2]identity.Credential{{End: day("2026-12-07"), Adopted: true}}}
	m, _ := newApp(t, "prod", adopted, day("2026-11-23"))
	a, _ := m.Find(passwordType, "platform-a")
	component, _ := m.Find("mlplatform:identity:Application", "platform")
	legacy := "urn:pulumi:prod::mlplatform::mlplatform:identity:Application$" + passwordType + "::" + identity.LegacyPasswordName
	if len(a.Aliases) != 1 || a.Aliases[0] != legacy || a.Parent != component.URN {
		t.Errorf("slot a aliases %v, want [%s]", a.Aliases, legacy)
	}
	if strings.Join(a.IgnoreChanges, ",") != "displayName,startDate,endDate,rotateWhenChanged" {
		t.Errorf("adopted slot a ignores %v, want every input that replaces a password", a.IgnoreChanges)
	}
	b, ok := m.Find(passwordType, "platform-b")
	if !ok || b.Inputs["startDate"].StringValue() != "2026-11-23T00:00:00Z" || len(b.Aliases) != 0 {
		t.Errorf("slot b must get a new credential issued today: %v", b.Inputs)
	}
	// Once slot a holds a credential this model issued, it is an ordinary slot again.
	m, _ = newApp(t, "prod", both, day("2026-11-23"))
	if a, _ := m.Find(passwordType, "platform-a"); len(a.IgnoreChanges) != 0 || len(a.Aliases) != 1 {
		t.Errorf("slot a: ignoreChanges %v, aliases %v", a.IgnoreChanges, a.Aliases)
	}
}

func TestInvalidPreviousStateIsAnError(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	bad := identity.State{Slots: [2]identity.Credential{{Start: day("2026-11-23"), End: day("2026-11-01")}}}
	_, err := stacktest.Run(t, "dev", func(ctx *pulumi.Context) error {
		_, err := identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{
			DisplayName: "x", OwnerObjectIDs: pulumi.StringArray{pulumi.String(mocks.DeployerObjectID)},
			Rotation: schedule(s), Previous: bad, Now: day("2026-11-23"),
		})
		return err
	})
	if err == nil || !strings.Contains(err.Error(), "slot a") {
		t.Fatalf("err = %v", err)
	}
}

func TestComponentOutputs(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		app, err := identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{
			DisplayName: "x", OwnerObjectIDs: pulumi.StringArray{pulumi.String(mocks.DeployerObjectID)},
			Rotation: schedule(s), Now: day("2026-11-23"),
		})
		if err != nil {
			return err
		}
		if !pulumi.IsSecret(app.ClientSecret) {
			t.Error("ClientSecret must be a secret output")
		}
		pulumi.All(app.ClientID, app.ServicePrincipalObjectID, app.ResourceID).ApplyT(func(v []interface{}) error {
			for i, want := range []string{mocks.GUID("application-client", "platform"), mocks.GUID("service-principal", "platform")} {
				if v[i] != want {
					t.Errorf("output %d = %v, want %s", i, v[i], want)
				}
			}
			if v[2] != "/applications/"+mocks.GUID("application-object", "platform") {
				t.Errorf("ResourceID = %v", v[2])
			}
			return nil
		})
		return nil
	})
}

func TestMissingArgsIsAnError(t *testing.T) {
	_, err := stacktest.Run(t, "dev", func(ctx *pulumi.Context) error {
		_, err := identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{DisplayName: "x"})
		return err
	})
	if err == nil {
		t.Fatal("expected an error for missing owners, rotation and clock")
	}
}

// heldState answers like the mocks, except that every password reports the rotateWhenChanged
// and endDate a state written on issuedDay holds (ignoreChanges keeps a password's old inputs).
type heldState struct {
	*mocks.Mocks
	issuedDay, endDate string
}

func (h heldState) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	id, outs, err := h.Mocks.NewResource(args)
	if err == nil && args.TypeToken == passwordType {
		held := outs["rotateWhenChanged"].ObjectValue().Copy()
		held["issued"] = resource.NewStringProperty(h.issuedDay)
		outs["rotateWhenChanged"] = resource.NewObjectProperty(held)
		outs["endDate"] = resource.NewStringProperty(h.endDate)
	}
	return id, outs, err
}

// A first issue (no previous slots) over a state that already holds passwords: outputs lost
// by a failed update under an old CLI, or a new stack whose first update failed after creating
// them. Issuing both slots anew would delete both live secrets: the engine keeps them
// (ignoreChanges) and the stack adopts what they hold.
func TestFirstIssueAdoptsTheCredentialsTheStateHolds(t *testing.T) {
	s := stacktest.Settings(t, "prod")
	c := stacktest.Config(t, "prod")
	for _, tc := range []struct{ held, end string }{
		{"2026-11-22", "2027-02-19T00:00:00Z"}, // issued the day before
		{"2026-11-23", "2027-02-20T00:00:00Z"}, // issued the same day: what the model issues
	} {
		m := heldState{mocks.New(c.Project, c.Stack), tc.held, tc.end}
		var app *identity.Application
		err := pulumi.RunErr(func(ctx *pulumi.Context) (err error) {
			app, err = identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{
				DisplayName: "x", OwnerObjectIDs: pulumi.StringArray{pulumi.String(mocks.DeployerObjectID)},
				Rotation: schedule(s), Now: day("2026-11-23").Add(10 * time.Hour),
			})
			return err
		}, pulumi.WithMocks(c.Project, c.Stack, m))
		if err != nil {
			t.Fatalf("state issued %s: %v", tc.held, err)
		}
		end, _ := time.Parse(time.RFC3339, tc.end)
		want := identity.Credential{Start: day(tc.held), End: end}
		for _, slot := range identity.Slots {
			if got := app.Rotation.Slot(slot); got != want {
				t.Errorf("state issued %s: slot %s = %+v, want the credential the state holds %+v", tc.held, slot, got, want)
			}
		}
		if app.Current != want {
			t.Errorf("state issued %s: current = %+v, want %+v (Key Vault's expiry follows it)", tc.held, app.Current, want)
		}
		for _, slot := range []string{"platform-a", "platform-b"} {
			pw, _ := m.Find(passwordType, slot)
			if strings.Join(pw.IgnoreChanges, ",") != "displayName,startDate,endDate,rotateWhenChanged" {
				t.Errorf("first issue: %s ignores %v, want every input that replaces a password", slot, pw.IgnoreChanges)
			}
		}
	}
}
