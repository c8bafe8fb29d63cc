package workload_test

import (
	"testing"

	"github.com/example/mlplatform/gcp/workload"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The component names each required argument it was not given, in one form, before it
// registers anything.
func TestInvalidArgs(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		project := pulumi.String(s.GCP.Project)
		_, err := workload.NewWorkloadIdentity(ctx, "i", &workload.WorkloadIdentityArgs{Common: s.Common, Workload: s.Workload,
			Project: project, WorkloadPool: project, OIDCIssuer: project})
		if want := "workload.NewWorkloadIdentity: missing required arguments: ApplicationID"; err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
		return nil
	})
}
