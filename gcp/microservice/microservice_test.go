package microservice_test

import (
	"slices"
	"testing"

	"github.com/example/mlplatform/gcp/microservice"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	tDeployment = "kubernetes:apps/v1:Deployment"
	tService    = "kubernetes:core/v1:Service"
	tPDB        = "kubernetes:policy/v1:PodDisruptionBudget"
	tHPA        = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler"
	tAuthz      = "kubernetes:security.istio.io/v1:AuthorizationPolicy"
	image       = "registry.example/test/api@sha256:0000000000000000000000000000000000000000000000000000000000000000"
	caller      = "p-test.svc.id.goog/ns/inference-ingress/sa/mesh-ingressgateway"
)

// build runs the microservice at literal inputs; the mesh gate is a stand-in provider (any
// resource will do: the test checks the dependency, not what it is).
func build(t *testing.T, edit func(*microservice.MicroserviceArgs)) *mocks.Mocks {
	t.Helper()
	return stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		k8s, err := kubernetes.NewProvider(ctx, "k8s", &kubernetes.ProviderArgs{})
		if err != nil {
			return err
		}
		gate, err := kubernetes.NewProvider(ctx, "mesh-ready", &kubernetes.ProviderArgs{})
		if err != nil {
			return err
		}
		a := &microservice.MicroserviceArgs{Env: "test", App: "inference-api", Image: image, Port: 8080, HealthPath: "/healthz",
			MinReplicas: 2, MaxReplicas: 5, Provider: k8s, MeshReadyJob: gate, Namespace: pulumi.String("inference"),
			ServiceAccount: pulumi.String("inference-api"), CallerPrincipal: pulumi.String(caller), NodePool: pulumi.String("pool-1"),
			Azure: microservice.AzureIdentity{ClientID: pulumi.String("client-1"), TenantID: pulumi.String("tenant-1")}}
		if edit != nil {
			edit(a)
		}
		_, err = microservice.NewMicroservice(ctx, "ms", a)
		return err
	})
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
	got := mocks.At(r.Inputs, path...)
	if n, ok := want.(int); ok {
		want = float64(n)
	}
	if got != want {
		t.Errorf("%s %v = %#v, want %#v", r.Name, path, got, want)
	}
}

// The Deployment runs the image as the given service account on the given pool, probes the
// health path on the named port and carries the Azure sign-in environment; the Service, the
// autoscaler and the allow rule take the literal port, bounds and caller.
func TestMicroservice(t *testing.T) {
	m := build(t, nil)
	dep := one(t, m, tDeployment)
	pod := []any{"spec", "template", "spec"}
	c0 := append(slices.Clone(pod), "containers", 0)
	eq(t, dep, "inference-api", "metadata", "name")
	eq(t, dep, "inference", "metadata", "namespace")
	eq(t, dep, "inference-api", append(slices.Clone(pod), "serviceAccountName")...)
	eq(t, dep, "pool-1", append(slices.Clone(pod), "nodeSelector", "cloud.google.com/gke-nodepool")...)
	eq(t, dep, image, append(slices.Clone(c0), "image")...)
	eq(t, dep, 8080, append(slices.Clone(c0), "ports", 0, "containerPort")...)
	eq(t, dep, "/healthz", append(slices.Clone(c0), "readinessProbe", "httpGet", "path")...)
	eq(t, dep, "client-1", append(slices.Clone(c0), "env", 1, "value")...)
	eq(t, dep, "tenant-1", append(slices.Clone(c0), "env", 2, "value")...)
	eq(t, dep, nil, "spec", "replicas") // the autoscaler owns the count
	eq(t, one(t, m, tService), 8080, "spec", "ports", 0, "port")
	eq(t, one(t, m, tPDB), 1, "spec", "maxUnavailable")
	hpa := one(t, m, tHPA)
	eq(t, hpa, 2, "spec", "minReplicas")
	eq(t, hpa, 5, "spec", "maxReplicas")
	gate, _ := m.Find("pulumi:providers:kubernetes", "mesh-ready")
	for _, r := range append(m.ByType(tAuthz), dep) {
		if !slices.Contains(r.Dependencies, gate.URN) {
			t.Errorf("%s %s does not wait for the mesh gate", r.Type, r.Name)
		}
	}
	allow, ok := m.Find(tAuthz, "ms-allow-ingress")
	if !ok {
		t.Fatal("no allow-ingress AuthorizationPolicy")
	}
	eq(t, allow, caller, "spec", "rules", 0, "from", 0, "source", "principals", 0)
	eq(t, allow, "8080", "spec", "rules", 0, "to", 0, "operation", "ports", 0)
	deny, _ := m.Find(tAuthz, "ms-deny-all")
	eq(t, deny, "deny-all", "metadata", "name")
}

// The autoscaler's bounds are the given ones, the lowest allowed (one replica) included.
func TestSingleReplicaBounds(t *testing.T) {
	m := build(t, func(a *microservice.MicroserviceArgs) { a.MinReplicas, a.MaxReplicas = 1, 1 })
	hpa := one(t, m, tHPA)
	eq(t, hpa, 1, "spec", "minReplicas")
	eq(t, hpa, 1, "spec", "maxReplicas")
}

// The component names each required argument it was not given, in one form, before it
// registers anything.
func TestInvalidArgs(t *testing.T) {
	stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		_, err := microservice.NewMicroservice(ctx, "l", nil)
		want := "microservice.NewMicroservice: missing required arguments: App, Azure.ClientID, Azure.TenantID, CallerPrincipal, Env, HealthPath, Image, MeshReadyJob, Namespace, NodePool, Provider, ServiceAccount"
		if err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
		return nil
	})
}
