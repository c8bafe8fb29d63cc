package identity_test

import (
	"reflect"
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

func TestCurrentWindow(t *testing.T) {
	anchor := day("2026-01-01")
	for _, tc := range []struct {
		now, start, next, end string
	}{
		{"2026-01-01", "2026-01-01", "2026-01-31", "2026-02-07"},
		{"2026-01-30", "2026-01-01", "2026-01-31", "2026-02-07"},
		{"2026-01-31", "2026-01-31", "2026-03-02", "2026-03-09"}, // boundary starts the next window
		{"2026-11-23", "2026-10-28", "2026-11-27", "2026-12-04"}, // 326 days: 10 periods + 26 days
		{"2025-12-31", "2025-12-02", "2026-01-01", "2026-01-08"}, // before the anchor: floor, not truncation
	} {
		now := day(tc.now).Add(13 * time.Hour)
		w := identity.CurrentWindow(anchor, 30, 7, now)
		got := []string{w.Start.Format(time.DateOnly), w.NextRotation.Format(time.DateOnly), w.End.Format(time.DateOnly)}
		if want := []string{tc.start, tc.next, tc.end}; !reflect.DeepEqual(got, want) {
			t.Errorf("now %s: window %v, want %v", tc.now, got, want)
		}
		if now.Before(w.Start) || !now.Before(w.NextRotation) {
			t.Errorf("now %s outside its window %v", tc.now, got)
		}
	}
}

func newApp(t *testing.T, stack string, now time.Time) (*mocks.Mocks, settings.Identity) {
	t.Helper()
	s := stacktest.Settings(t, stack)
	m := stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
		_, err := identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{
			DisplayName:    "mlplatform-" + stack,
			Notes:          "owned by ml-platform",
			OwnerObjectIDs: pulumi.StringArray{pulumi.String(mocks.DeployerObjectID)},
			Rotation:       s.Identity,
			Now:            now,
			Tags:           []string{"env:" + stack},
			Protect:        s.ProtectStateful,
		})
		return err
	})
	return m, s.Identity
}

func TestApplicationInputs(t *testing.T) {
	now := day("2026-11-23").Add(9 * time.Hour)
	for _, stack := range []string{"dev", "prod"} {
		t.Run(stack, func(t *testing.T) {
			m, rot := newApp(t, stack, now)
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

			pw, _ := m.Find("azuread:index/applicationPassword:ApplicationPassword", "platform")
			w := identity.CurrentWindow(rot.RotationAnchor, rot.RotationDays, rot.OverlapDays, now)
			if got := pw.Inputs["endDate"].StringValue(); got != w.End.Format(time.RFC3339) {
				t.Errorf("endDate = %s, want %s", got, w.End.Format(time.RFC3339))
			}
			if got := pw.Inputs["startDate"].StringValue(); got != w.Start.Format(time.RFC3339) {
				t.Errorf("startDate = %s, want %s", got, w.Start.Format(time.RFC3339))
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

func TestSecondRunHasIdenticalInputs(t *testing.T) {
	now := day("2026-11-23")
	first, _ := newApp(t, "prod", now)
	second, _ := newApp(t, "prod", now.Add(20*time.Hour)) // same window, later in the day
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

func TestRotationReplacesCredentialWhenWindowAdvances(t *testing.T) {
	m1, rot := newApp(t, "prod", day("2026-11-23"))
	next := identity.CurrentWindow(rot.RotationAnchor, rot.RotationDays, rot.OverlapDays, day("2026-11-23")).NextRotation
	m2, _ := newApp(t, "prod", next)
	pw := func(m *mocks.Mocks) resource.PropertyMap {
		r, _ := m.Find("azuread:index/applicationPassword:ApplicationPassword", "platform")
		return r.Inputs
	}
	if pw(m1)["rotateWhenChanged"].DeepEquals(pw(m2)["rotateWhenChanged"]) || pw(m1)["endDate"] == pw(m2)["endDate"] {
		t.Errorf("credential unchanged across a rotation boundary: %v", pw(m2))
	}
}

func TestComponentOutputs(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		app, err := identity.NewApplication(ctx, "platform", &identity.ApplicationArgs{
			DisplayName: "x", OwnerObjectIDs: pulumi.StringArray{pulumi.String(mocks.DeployerObjectID)},
			Rotation: s.Identity, Now: day("2026-11-23"),
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
