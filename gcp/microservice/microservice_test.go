package microservice_test

import (
	"testing"

	"github.com/example/mlplatform/gcp/microservice"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The component names each required argument it was not given, in one form, before it
// registers anything.
func TestInvalidArgs(t *testing.T) {
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		_, err := microservice.NewMicroservice(ctx, "l", nil)
		want := "microservice.NewMicroservice: missing required arguments: Azure.ClientID, Azure.TenantID, CallerPrincipal, Env, MeshReadyJob, Microservice.Image, Namespace, NodePool, Provider, ServiceAccount"
		if err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
		return nil
	})
}
