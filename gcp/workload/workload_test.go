package workload_test

import (
	"slices"
	"testing"

	"github.com/example/mlplatform/gcp/workload"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	tAccount   = "gcp:serviceaccount/account:Account"
	tProjRole  = "gcp:projects/iAMMember:IAMMember"
	tSAMember  = "gcp:serviceaccount/iAMMember:IAMMember"
	tFederated = "azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential"
	issuer     = "https://container.googleapis.com/v1/projects/p-test/locations/europe-west4/clusters/gke-test"
)

// args are literal inputs in the shape stack maps from the configuration.
func args() *workload.WorkloadIdentityArgs {
	return &workload.WorkloadIdentityArgs{Env: "test", AccountID: "wi-test", ClusterName: "gke-test",
		Namespace: "inference", ServiceAccount: "inference-api",
		Roles:   []string{"roles/logging.logWriter", "roles/monitoring.metricWriter"},
		Protect: true, Project: pulumi.String("p-test"), WorkloadPool: pulumi.String("p-test.svc.id.goog"),
		OIDCIssuer: pulumi.String(issuer), ApplicationID: pulumi.String("/applications/app-1")}
}

func one(t *testing.T, m *mocks.Mocks, token string) mocks.Resource {
	t.Helper()
	rs := m.ByType(token)
	if len(rs) != 1 {
		t.Fatalf("%d resources of type %s, want 1", len(rs), token)
	}
	return rs[0]
}

func eq(t *testing.T, r mocks.Resource, want any, path ...any) {
	t.Helper()
	if got := mocks.At(r.Inputs, path...); got != want {
		t.Errorf("%s %v = %#v, want %#v", r.Name, path, got, want)
	}
}

// The account has exactly the given roles and is protected as asked; only the one Kubernetes
// service account may impersonate it, and Entra ID trusts that account's tokens from the
// cluster's issuer for the token-exchange audience.
func TestWorkloadIdentity(t *testing.T) {
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		_, err := workload.NewWorkloadIdentity(ctx, "wl", args())
		return err
	})
	gsa := one(t, m, tAccount)
	eq(t, gsa, "wi-test", "accountId")
	eq(t, gsa, "Microservice inference/inference-api", "displayName")
	if !gsa.Protect {
		t.Error("service account not protected")
	}
	email := mocks.At(gsa.Outputs, "email").(string)
	var roles []string
	for _, r := range m.ByType(tProjRole) {
		eq(t, r, "serviceAccount:"+email, "member")
		roles = append(roles, mocks.At(r.Inputs, "role").(string))
	}
	if slices.Sort(roles); !slices.Equal(roles, []string{"roles/logging.logWriter", "roles/monitoring.metricWriter"}) {
		t.Errorf("roles = %v", roles)
	}
	wi := one(t, m, tSAMember)
	eq(t, wi, gsa.ID, "serviceAccountId")
	eq(t, wi, "roles/iam.workloadIdentityUser", "role")
	eq(t, wi, "serviceAccount:p-test.svc.id.goog[inference/inference-api]", "member")
	fic := one(t, m, tFederated)
	eq(t, fic, "/applications/app-1", "applicationId")
	eq(t, fic, issuer, "issuer")
	eq(t, fic, "system:serviceaccount:inference:inference-api", "subject")
	eq(t, fic, workload.AzureTokenExchangeAudience, "audiences", 0)
	eq(t, fic, "gke-test-inference-inference-api", "displayName")
	eq(t, fic, "GKE cluster gke-test, Kubernetes service account inference/inference-api", "description")
}

// Without Protect the account can be deleted (dev stacks); no role, no project member.
func TestUnprotectedWithoutRoles(t *testing.T) {
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		a := args()
		a.Protect, a.Roles = false, nil
		_, err := workload.NewWorkloadIdentity(ctx, "wl", a)
		return err
	})
	if one(t, m, tAccount).Protect {
		t.Error("service account protected without Protect")
	}
	if n := len(m.ByType(tProjRole)); n != 0 {
		t.Errorf("%d project roles, want 0", n)
	}
}

// The component names each required argument it was not given, in one form, before it
// registers anything.
func TestInvalidArgs(t *testing.T) {
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		for want, a := range map[string]*workload.WorkloadIdentityArgs{
			"workload.NewWorkloadIdentity: missing required arguments: AccountID, ApplicationID, ClusterName, Env, Namespace, OIDCIssuer, Project, ServiceAccount, WorkloadPool": nil,
			"workload.NewWorkloadIdentity: missing required arguments: ApplicationID": func() *workload.WorkloadIdentityArgs {
				a := args()
				a.ApplicationID = nil
				return a
			}(),
		} {
			if _, err := workload.NewWorkloadIdentity(ctx, "i", a); err == nil || err.Error() != want {
				t.Errorf("got %v\nwant %s", err, want)
			}
		}
		return nil
	})
}
