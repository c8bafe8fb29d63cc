package mesh_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp/mesh"
	"github.com/example/mlplatform/gcp/mesh/spec"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
)

const tNetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy"

// outputs are the component's outputs read after the run: outputs built from plain values are
// not tied to the run, so their applies may finish after it.
type outputs struct{ namespace, ksa chan string }

// runMesh registers only the mesh, with the cluster's and identity's outputs as plain values.
func runMesh(t *testing.T, stack string, mutate func(*mesh.MeshArgs)) (*mocks.Mocks, *settings.Settings, outputs) {
	t.Helper()
	s := stacktest.Settings(t, stack)
	out := outputs{make(chan string, 1), make(chan string, 1)}
	m := stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
		args := meshArgs(s)
		if mutate != nil {
			mutate(args)
		}
		c, err := mesh.NewMesh(ctx, "mesh", args)
		if err != nil {
			return err
		}
		c.Namespace.ApplyT(func(v string) string { out.namespace <- v; return v })
		c.KubernetesServiceAccount.ApplyT(func(v string) string { out.ksa <- v; return v })
		return nil
	})
	return m, s, out
}

func meshArgs(s *settings.Settings) *mesh.MeshArgs {
	return &mesh.MeshArgs{Env: s.Env, Labels: map[string]string{"environment": s.Env}, ClusterName: s.Names.Cluster(),
		InCluster: s.Mesh.InCluster, Namespace: s.Workload.Namespace, ServiceAccount: s.Workload.ServiceAccount, CrossCloud: s.CrossCloud.Enabled,
		PrivateEndpointSubnetCIDR: s.Azure.PrivateEndpointSubnetCIDR, MasterCIDR: s.GKE.MasterCIDR,
		Project: pulumi.String(s.GCP.Project), ClusterID: pulumi.String("projects/p/locations/l/clusters/" + s.Names.Cluster()),
		OIDCIssuer:    pulumi.String("https://container.googleapis.com/v1/projects/p/locations/l/clusters/c"),
		ProjectNumber: pulumi.String(mocks.GCPProjectNumber), WorkloadServiceAccountEmail: pulumi.String("wl@p.iam.gserviceaccount.com"),
		ImageMirror: pulumi.String("europe-west4-docker.pkg.dev/p/dockerhub"), ReleaseChannel: s.GKE.ReleaseChannel}
}

func read(t *testing.T, c chan string) string {
	t.Helper()
	select {
	case v := <-c:
		return v
	case <-time.After(10 * time.Second):
		t.Fatal("output never resolved")
		return ""
	}
}

// Without InCluster only the fleet side exists, labelled with the given labels; the namespace
// and service account outputs then come from the arguments.
func TestMeshWithoutInCluster(t *testing.T) {
	for _, stack := range []string{"dev", "prod"} {
		t.Run(stack, func(t *testing.T) {
			m, s, out := runMesh(t, stack, func(a *mesh.MeshArgs) { a.InCluster = false })
			for _, r := range m.Resources() {
				if strings.HasPrefix(r.Type, "kubernetes:") || r.Type == spec.ProviderType {
					t.Errorf("InCluster=false still creates %s %s", r.Type, r.Name)
				}
			}
			for _, token := range []string{spec.MembershipType, spec.FeatureType, spec.FeatureMembershipType} {
				if n := len(m.ByType(token)); n != 1 {
					t.Fatalf("%d of %s, want 1", n, token)
				}
			}
			for _, token := range []string{spec.MembershipType, spec.FeatureType} {
				if got := m.ByType(token)[0].Inputs["labels"].ObjectValue()["environment"].StringValue(); got != s.Env {
					t.Errorf("%s environment label = %q, want %q", token, got, s.Env)
				}
			}
			if got := read(t, out.namespace); got != s.Workload.Namespace {
				t.Errorf("namespace output = %q, want %q", got, s.Workload.Namespace)
			}
			if got := read(t, out.ksa); got != s.Workload.ServiceAccount {
				t.Errorf("service account output = %q, want %q", got, s.Workload.ServiceAccount)
			}
		})
	}
}

// The namespace's egress is confined only with the cross-cloud path; its ingress always is.
func TestNetworkPoliciesFollowCrossCloud(t *testing.T) {
	for cross, want := range map[bool][]string{
		false: {mesh.WorkloadIngressPolicyName},
		true:  {mesh.WorkloadIngressPolicyName, mesh.ReadyEgressPolicyName, mesh.EgressPolicyName}, // sorted
	} {
		m, _, _ := runMesh(t, "prod", func(a *mesh.MeshArgs) { a.InCluster, a.CrossCloud = true, cross })
		var got []string
		for _, r := range m.ByType(tNetworkPolicy) {
			got = append(got, r.Inputs["metadata"].ObjectValue()["name"].StringValue())
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("CrossCloud=%v: network policies %v, want %v", cross, got, want)
		}
	}
}

// NewMesh names each required argument it was not given, in one form, before it registers
// anything; the in-cluster ones only with InCluster.
func TestInvalidArgs(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		project := pulumi.String(s.GCP.Project)
		for want, args := range map[string]*mesh.MeshArgs{
			"mesh.NewMesh: missing required arguments: ClusterID, ClusterName, Env, Namespace, OIDCIssuer, Project, ServiceAccount": nil,
			"mesh.NewMesh: missing required arguments: ImageMirror, ProjectNumber, ReleaseChannel, WorkloadServiceAccountEmail": {
				Env: s.Env, ClusterName: "gke-x", InCluster: true, Namespace: "ns", ServiceAccount: "ksa",
				Project: project, ClusterID: project, OIDCIssuer: project},
		} {
			if _, err := mesh.NewMesh(ctx, "k", args); err == nil || err.Error() != want {
				t.Errorf("got %v\nwant %s", err, want)
			}
		}
		return nil
	})
}
