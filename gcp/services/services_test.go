package services_test

import (
	"slices"
	"sort"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp/services"
	"github.com/example/mlplatform/internal/stacktest"
)

const tService = "gcp:projects/service:Service"

// Each API is enabled once in the given project, never disabled on destroy, and no invented
// API is among them, under the unchanged component token.
func TestServices(t *testing.T) {
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		_, err := services.NewServices(ctx, "gcp", &services.ServicesArgs{Project: "p-1"})
		return err
	})
	m.MustFind(t, "mlplatform:gcp:Services", "gcp")
	var apis []string
	for _, r := range m.ByType(tService) {
		in := r.Inputs.Mappable()
		if in["disableOnDestroy"] != false || in["disableDependentServices"] != false || in["project"] != "p-1" {
			t.Errorf("%s: %v", r.Name, in)
		}
		apis = append(apis, in["service"].(string))
	}
	sort.Strings(apis)
	if want := slices.Sorted(slices.Values(services.APIs)); !slices.Equal(apis, want) {
		t.Errorf("enabled APIs = %v, want %v", apis, want)
	}
	for _, api := range []string{"container.googleapis.com", "gkehub.googleapis.com", "mesh.googleapis.com", "cloudkms.googleapis.com", "iamcredentials.googleapis.com"} {
		if !slices.Contains(apis, api) {
			t.Errorf("API %s not enabled", api)
		}
	}
	if slices.Contains(apis, "istio.googleapis.com") {
		t.Error("istio.googleapis.com does not exist")
	}
}

// A missing project is named before anything is registered; ProjectAfter refuses an API the
// component does not enable and an empty list.
func TestInvalidArgs(t *testing.T) {
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		if _, err := services.NewServices(ctx, "a", nil); err == nil || err.Error() != "services.NewServices: missing required arguments: Project" {
			t.Errorf("nil args: %v", err)
		}
		svc, err := services.NewServices(ctx, "m", &services.ServicesArgs{Project: "p-1"})
		if err != nil {
			return err
		}
		if _, err := svc.ProjectAfter("istio.googleapis.com"); err == nil {
			t.Error("ProjectAfter accepted an API it does not enable")
		}
		if _, err := svc.ProjectAfter(); err == nil {
			t.Error("ProjectAfter accepted no API")
		}
		if _, err := svc.ProjectAfter("compute.googleapis.com"); err != nil {
			t.Errorf("ProjectAfter(compute): %v", err)
		}
		return nil
	})
}
