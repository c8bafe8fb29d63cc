package gcp_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/gcp/cluster"
	"github.com/example/mlplatform/gcp/mesh"
	"github.com/example/mlplatform/gcp/network"
	"github.com/example/mlplatform/gcp/services"
	"github.com/example/mlplatform/gcp/workload"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const (
	tService     = "gcp:projects/service:Service"
	tKeyRing     = "gcp:kms/keyRing:KeyRing"
	tKey         = "gcp:kms/cryptoKey:CryptoKey"
	tKeyMember   = "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember"
	tAccount     = "gcp:serviceaccount/account:Account"
	tSAKey       = "gcp:serviceaccount/key:Key"
	tProjMember  = "gcp:projects/iAMMember:IAMMember"
	tSAMember    = "gcp:serviceaccount/iAMMember:IAMMember"
	tCluster     = "gcp:container/cluster:Cluster"
	tNodePool    = "gcp:container/nodePool:NodePool"
	tMembership  = "gcp:gkehub/membership:Membership"
	tFeature     = "gcp:gkehub/feature:Feature"
	tFeatMember  = "gcp:gkehub/featureMembership:FeatureMembership"
	tFederated   = "azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential"
	tK8sProvider = "pulumi:providers:kubernetes"
	tNamespace   = "kubernetes:core/v1:Namespace"
	tKSA         = "kubernetes:core/v1:ServiceAccount"
	tPeerAuth    = "kubernetes:security.istio.io/v1beta1:PeerAuthentication"
)

var appID = "/applications/" + mocks.GUID("application-object", "test-app")

// platform is the composition the stack is expected to build.
type platform struct {
	services *services.Services
	network  *network.Network
	cluster  *cluster.Cluster
	identity *workload.WorkloadIdentity
	mesh     *mesh.Mesh
	outs     *captured
}

func build(ctx *pulumi.Context, s *settings.Settings) (*platform, error) {
	p := &platform{outs: &captured{vals: map[string]interface{}{}, outs: map[string]pulumi.Output{}}}
	var err error
	if p.services, err = services.NewServices(ctx, "gcp", &services.ServicesArgs{Project: s.GCP.Project}); err != nil {
		return nil, err
	}
	if p.network, err = network.NewNetwork(ctx, "gcp", &network.NetworkArgs{Env: s.Env, Name: s.Names.Network(), Region: s.GCP.Region,
		SubnetCIDR: s.GKE.SubnetCIDR, PodsCIDR: s.GKE.PodsCIDR, ServicesCIDR: s.GKE.ServicesCIDR, Project: p.services.NetworkProject}); err != nil {
		return nil, err
	}
	if p.cluster, err = cluster.NewCluster(ctx, "gcp", &cluster.ClusterArgs{
		Env: s.Env, ProjectID: s.GCP.Project, Region: s.GCP.Region, Location: s.GKE.Location,
		Labels: gcp.Labels(s.Env, s.OwnerEmail), Protect: s.ProtectStateful, Name: s.Names.Cluster(),
		NodeServiceAccountID: s.Names.NodeServiceAccount(), ReleaseChannel: s.GKE.ReleaseChannel,
		MasterCIDR: s.GKE.MasterCIDR, MasterAuthorizedNetworks: s.GKE.MasterAuthorizedNetworks,
		DeletionProtection: s.GKE.DeletionProtection, SecurityGroup: s.GKE.SecurityGroup, KMSRotationDays: s.GKE.KMSRotationDays,
		Nodes: cluster.Nodes{MachineType: s.GKE.MachineType, DiskSizeGB: s.GKE.NodeDiskSizeGB,
			MinCount: s.GKE.NodeMinCount, MaxCount: s.GKE.NodeMaxCount},
		Project: p.services.ClusterProject, Network: p.network.NetworkID, Subnetwork: p.network.SubnetID,
		PodsRangeName: p.network.PodsRangeName, ServicesRangeName: p.network.ServicesRangeName,
	}); err != nil {
		return nil, err
	}
	if p.identity, err = workload.NewWorkloadIdentity(ctx, "gcp", &workload.WorkloadIdentityArgs{
		Env: s.Env, AccountID: s.Names.WorkloadServiceAccount(), ClusterName: s.Names.Cluster(), Namespace: s.Workload.Namespace,
		ServiceAccount: s.Workload.ServiceAccount, Roles: s.Workload.Roles, Protect: s.ProtectStateful, Project: p.services.WorkloadProject, WorkloadPool: p.cluster.WorkloadPool,
		OIDCIssuer: p.cluster.OIDCIssuer, ApplicationID: pulumi.String(appID),
	}); err != nil {
		return nil, err
	}
	if p.mesh, err = mesh.NewMesh(ctx, "gcp", &mesh.MeshArgs{
		Env: s.Env, Labels: gcp.Labels(s.Env, s.OwnerEmail), ClusterName: s.Names.Cluster(), InCluster: s.Mesh.InCluster,
		Namespace: s.Workload.Namespace, ServiceAccount: s.Workload.ServiceAccount, CrossCloud: s.CrossCloud.Enabled,
		PrivateEndpointSubnetCIDR: s.Azure.PrivateEndpointSubnetCIDR, MasterCIDR: s.GKE.MasterCIDR, Project: p.services.MeshProject, ClusterID: p.cluster.ClusterID,
		OIDCIssuer: p.cluster.OIDCIssuer, ProjectNumber: p.cluster.ProjectNumber,
		WorkloadServiceAccountEmail: p.identity.ServiceAccountEmail, ImageMirror: p.cluster.ImageMirror,
		ReleaseChannel: s.GKE.ReleaseChannel,
	}); err != nil {
		return nil, err
	}
	for k, o := range map[string]pulumi.Output{
		"cluster.name": p.cluster.ClusterName, "cluster.id": p.cluster.ClusterID,
		"cluster.location": p.cluster.Location, "cluster.endpoint": p.cluster.Endpoint,
		"cluster.ca": p.cluster.CACertificate, "cluster.workloadPool": p.cluster.WorkloadPool,
		"cluster.issuer": p.cluster.OIDCIssuer, "cluster.kubeconfig": p.cluster.Kubeconfig,
		"cluster.nodeSA": p.cluster.NodeServiceAccountEmail, "cluster.kmsKey": p.cluster.KMSKeyID,
		"cluster.nodePool": p.cluster.NodePoolName, "cluster.projectNumber": p.cluster.ProjectNumber,
		"identity.email": p.identity.ServiceAccountEmail, "identity.member": p.identity.WorkloadIdentityMember,
		"identity.subject": p.identity.FederatedSubject, "identity.issuer": p.identity.FederatedIssuer,
		"identity.namespace": p.identity.Namespace, "identity.ksa": p.identity.KubernetesServiceAccount,
		"mesh.membershipId": p.mesh.MembershipID, "mesh.membershipName": p.mesh.MembershipName,
		"mesh.feature": p.mesh.FeatureName, "mesh.namespace": p.mesh.Namespace,
		"mesh.ksa": p.mesh.KubernetesServiceAccount, "mesh.inCluster": p.mesh.InCluster,
	} {
		p.outs.capture(k, o)
	}
	return p, nil
}

// captured holds resolved component outputs. Outputs built from plain values are not tied
// to the run, so their applies may finish after it: readers wait for all of them.
type captured struct {
	mu      sync.Mutex
	pending sync.WaitGroup
	vals    map[string]interface{}
	outs    map[string]pulumi.Output
}

func (c *captured) capture(key string, o pulumi.Output) {
	c.mu.Lock()
	c.outs[key] = o
	c.mu.Unlock()
	c.pending.Add(1)
	o.ApplyT(func(v interface{}) interface{} {
		defer c.pending.Done()
		c.mu.Lock()
		defer c.mu.Unlock()
		c.vals[key] = v
		return v
	})
}

func (c *captured) get(t *testing.T, key string) (interface{}, bool) {
	t.Helper()
	done := make(chan struct{})
	go func() { c.pending.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second): // a rejected output never applies
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vals[key]
	return v, ok
}

func (c *captured) str(t *testing.T, key string) string {
	t.Helper()
	v, ok := c.get(t, key)
	if !ok {
		t.Fatalf("output %s never resolved", key)
	}
	s, ok := v.(string)
	if !ok {
		t.Fatalf("output %s = %#v, want a string", key, v)
	}
	return s
}

func run(t *testing.T, stack string, mutate func(*settings.Settings)) (*mocks.Mocks, *settings.Settings, *platform) {
	t.Helper()
	s := stacktest.Settings(t, stack)
	if mutate != nil {
		mutate(s)
	}
	var p *platform
	m := stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
		var err error
		p, err = build(ctx, s)
		return err
	})
	return m, s, p
}

// at reads a value at a path of object keys (and array indexes) from a property map.
func at(pm resource.PropertyMap, path ...interface{}) interface{} {
	return mocks.At(pm, path...)
}

func TestPlatform(t *testing.T) {
	for _, tc := range []struct {
		stack, location, channel string
		deletionProtection       bool
		protect                  bool
	}{
		{"dev", "europe-west4-a", "REGULAR", false, false},
		{"prod", "europe-west4", "STABLE", true, true},
	} {
		t.Run(tc.stack, func(t *testing.T) {
			m, s, p := run(t, tc.stack, nil)
			project := s.GCP.Project
			if s.ProtectStateful != tc.protect || s.GKE.Location != tc.location {
				t.Fatalf("stack file changed: protect=%v location=%s", s.ProtectStateful, s.GKE.Location)
			}

			// Every GCP resource with a project field names the stack's project explicitly.
			for _, r := range m.Resources() {
				if !r.Custom || !strings.HasPrefix(r.Type, "gcp:") {
					continue
				}
				switch r.Type {
				case tKey, tKeyMember, tSAMember: // no project field: their parent id carries it
					continue
				}
				if got := at(r.Inputs, "project"); got != project {
					t.Errorf("%s %s project = %v, want %s", r.Type, r.Name, got, project)
				}
			}

			// The APIs and the network are tested in gcp/services and gcp/network.
			service := func(api string) mocks.Resource {
				for _, r := range m.ByType(tService) {
					if at(r.Inputs, "service") == api {
						return r
					}
				}
				t.Fatalf("no service %s", api)
				return mocks.Resource{}
			}

			// The cluster's own resources are tested in gcp/cluster; here, what the other
			// components and the outputs take from it.
			key, _ := m.Find(tKey, "gcp-secrets-key")
			cl := one(t, m, tCluster)
			pool := one(t, m, tNodePool)
			accounts := m.ByType(tAccount)
			if len(accounts) != 2 {
				t.Fatalf("%d service accounts, want node + workload", len(accounts))
			}
			var nodeSA, gsa mocks.Resource
			for _, a := range accounts {
				switch at(a.Inputs, "accountId") {
				case s.Names.NodeServiceAccount():
					nodeSA = a
				case s.Names.WorkloadServiceAccount():
					gsa = a
				}
			}
			if nodeSA.URN == "" || gsa.URN == "" {
				t.Fatalf("service accounts %v: want ids %s and %s", accounts, s.Names.NodeServiceAccount(), s.Names.WorkloadServiceAccount())
			}
			nodeEmail := at(nodeSA.Outputs, "email").(string)
			if gsa.Protect != tc.protect {
				t.Errorf("service account %s protect = %v, want %v", gsa.Name, gsa.Protect, tc.protect)
			}

			// Workload identity: exact roles, exact WI member, no keys anywhere.
			in(t, gsa).Eq(s.Names.WorkloadServiceAccount(), "accountId")
			gsaEmail := at(gsa.Outputs, "email").(string)
			want := slices.Sorted(slices.Values(s.Workload.Roles))
			if got := roleMembers(m, tProjMember, "serviceAccount:"+gsaEmail); !slices.Equal(got, want) || len(got) == 0 {
				t.Errorf("workload roles = %v, want %v", got, want)
			}
			if n := len(m.ByType(tProjMember)); n != len(cluster.NodeRoles)+len(s.Workload.Roles) {
				t.Errorf("%d project IAM members, want %d", n, len(cluster.NodeRoles)+len(s.Workload.Roles))
			}
			for _, r := range m.ByType(tProjMember) {
				if role := at(r.Inputs, "role"); role == "roles/owner" || role == "roles/editor" || role == "roles/viewer" {
					t.Errorf("primitive role %s granted", role)
				}
			}
			wi := one(t, m, tSAMember)
			c := in(t, wi)
			c.Eq(gsa.ID, "serviceAccountId")
			c.Eq("roles/iam.workloadIdentityUser", "role")
			c.Eq(fmt.Sprintf("serviceAccount:%s.svc.id.goog[%s/%s]", project, s.Workload.Namespace, s.Workload.ServiceAccount), "member")
			dependsOn(t, wi, cl) // the pool exists once the cluster does
			if keys := m.ByType(tSAKey); len(keys) != 0 {
				t.Errorf("service account keys created: %v", keys)
			}

			issuer := fmt.Sprintf("https://container.googleapis.com/v1/projects/%s/locations/%s/clusters/%s", project, tc.location, s.Names.Cluster())
			fic := one(t, m, tFederated)
			c = in(t, fic)
			c.Eq(appID, "applicationId")
			c.Eq(issuer, "issuer")
			c.Eq(fmt.Sprintf("system:serviceaccount:%s:%s", s.Workload.Namespace, s.Workload.ServiceAccount), "subject")
			c.Eq("[api://AzureADTokenExchange]", "audiences")
			if dn, _ := at(fic.Inputs, "displayName").(string); !strings.Contains(dn, s.Env) {
				t.Errorf("federated credential display name %q does not name the environment", dn)
			}

			// Fleet and managed mesh.
			mem := one(t, m, tMembership)
			c = in(t, mem)
			c.Eq(s.Names.Cluster(), "membershipId")
			c.Eq("global", "location")
			c.Eq("//container.googleapis.com/"+cl.ID, "endpoint", "gkeCluster", "resourceLink")
			c.Eq(issuer, "authority", "issuer")
			dependsOn(t, mem, cl, service("gkehub.googleapis.com"), service("mesh.googleapis.com"))
			feat := one(t, m, tFeature)
			in(t, feat).Eq("servicemesh", "name")
			in(t, feat).Eq("global", "location")
			fm := one(t, m, tFeatMember)
			c = in(t, fm)
			c.Eq("servicemesh", "feature")
			c.Eq(s.Names.Cluster(), "membership")
			c.Eq("global", "location")
			c.Eq("MANAGEMENT_AUTOMATIC", "mesh", "management")
			c.Absent("mesh", "controlPlane")

			// In-cluster objects through an explicit provider fed with a secret kubeconfig.
			prov := one(t, m, tK8sProvider)
			kc, ok := prov.Inputs["kubeconfig"]
			if !ok || !kc.IsSecret() {
				t.Fatalf("kubernetes provider kubeconfig is not a secret: %v", kc)
			}
			var cfg struct {
				Clusters []struct {
					Cluster map[string]string `json:"cluster"`
				} `json:"clusters"`
				Users []struct {
					User struct {
						Exec map[string]interface{} `json:"exec"`
					} `json:"user"`
				} `json:"users"`
			}
			if err := json.Unmarshal([]byte(kc.SecretValue().Element.StringValue()), &cfg); err != nil || len(cfg.Clusters) != 1 || len(cfg.Users) != 1 {
				t.Fatalf("kubeconfig: %v %+v", err, cfg)
			}
			// Through the fleet's Connect gateway: no network path to the cluster is needed.
			wantServer := "https://connectgateway.googleapis.com/v1/projects/" + mocks.GCPProjectNumber +
				"/locations/global/gkeMemberships/" + s.Names.Cluster()
			if got := cfg.Clusters[0].Cluster["server"]; got != wantServer {
				t.Errorf("kubeconfig server = %s, want %s", got, wantServer)
			}
			if got := cfg.Clusters[0].Cluster["certificate-authority-data"]; got != "" {
				t.Errorf("kubeconfig CA = %q, want none (the gateway has a public certificate)", got)
			}
			if got := cfg.Users[0].User.Exec["command"]; got != "gke-gcloud-auth-plugin" {
				t.Errorf("kubeconfig exec command = %v", got)
			}
			for _, r := range m.Resources() {
				if strings.HasPrefix(r.Type, "kubernetes:") && !strings.HasPrefix(r.Provider, prov.URN+"::") {
					t.Errorf("%s %s uses provider %q, want the explicit one", r.Type, r.Name, r.Provider)
				}
			}
			ns := one(t, m, tNamespace)
			c = in(t, ns)
			c.Eq(s.Workload.Namespace, "metadata", "name")
			c.Eq("enabled", "metadata", "labels", "istio-injection")
			c.Eq("baseline", "metadata", "labels", "pod-security.kubernetes.io/enforce")
			c.Eq("restricted", "metadata", "labels", "pod-security.kubernetes.io/warn")
			c.Eq("restricted", "metadata", "labels", "pod-security.kubernetes.io/audit")
			c.Absent("metadata", "labels", "istio.io/rev") // would override the default tag
			ksa, ok := m.Find(tKSA, "gcp-ksa")
			if !ok {
				t.Fatal("workload service account gcp-ksa not registered")
			}
			c = in(t, ksa)
			c.Eq(s.Workload.ServiceAccount, "metadata", "name")
			c.Eq(s.Workload.Namespace, "metadata", "namespace")
			c.Eq(gsaEmail, "metadata", "annotations", "iam.gke.io/gcp-service-account")
			c.Eq(false, "automountServiceAccountToken")
			dependsOn(t, ksa, ns, gsa)
			pa := one(t, m, tPeerAuth)
			c = in(t, pa)
			c.Eq("security.istio.io/v1beta1", "apiVersion")
			c.Eq("PeerAuthentication", "kind")
			c.Eq("default", "metadata", "name")
			c.Eq("istio-system", "metadata", "namespace")
			c.Eq("STRICT", "spec", "mtls", "mode")
			c.Absent("spec", "selector") // mesh-wide
			// First `up` needs no rerun: the PeerAuthentication waits for the readiness Job, which
			// the provider holds until it completes (the mesh CRD established), and the Job
			// starts counting once the feature membership exists.
			job, ok := m.Find("kubernetes:batch/v1:Job", "gcp-ready")
			if !ok {
				t.Fatal("mesh readiness Job not registered")
			}
			c = in(t, job)
			// The provider's built-in Job await (fails on a Failed Job); a waitFor or skipAwait
			// would replace it. A gate that failed is replaced by the next `up`.
			c.Absent("metadata", "annotations", "pulumi.com/waitFor")
			c.Absent("metadata", "annotations", "pulumi.com/skipAwait")
			c.Eq("1800", "metadata", "annotations", "pulumi.com/timeoutSeconds")
			c.Eq("true", "metadata", "annotations", "pulumi.com/replaceUnready")
			c.Eq(1800, "spec", "activeDeadlineSeconds")
			c.Eq("false", "spec", "template", "metadata", "annotations", "sidecar.istio.io/inject")
			// Pulled through the project's Artifact Registry proxy of Docker Hub, by digest, and
			// admitted by the project's Binary Authorization policy.
			mirror := s.GCP.Region + "-docker.pkg.dev/" + s.GCP.Project + "/dockerhub/"
			if image, _ := at(job.Inputs, "spec", "template", "spec", "containers", 0, "image").(string); !regexp.MustCompile(`^` + regexp.QuoteMeta(mirror) + `curlimages/curl:[0-9.]+@sha256:[0-9a-f]{64}$`).MatchString(image) {
				t.Errorf("readiness image %q is not %scurlimages/curl pinned by digest", image, mirror)
			}
			repo, ok := m.Find("gcp:artifactregistry/repository:Repository", "gcp-dockerhub")
			if !ok {
				t.Fatal("Docker Hub remote repository not registered")
			}
			dependsOn(t, job, repo)
			for _, path := range [][]any{{"securityContext", "runAsUser"}, {"securityContext", "runAsGroup"}} {
				if id, _ := at(job.Inputs, append([]any{"spec", "template", "spec"}, path...)...).(float64); id <= 10000 {
					t.Errorf("readiness Job %v is %v; want above 10000", path, id)
				}
			}
			// The gate waits for the CRD of every Istio kind the program creates, in the version
			// it uses, and for the managed revision of the cluster's channel to be provisioned
			// (what injection needs), and may read exactly those objects.
			script, _ := at(job.Inputs, "spec", "template", "spec", "containers", 0, "command", 2).(string)
			rev := map[string]string{"RAPID": "asm-managed-rapid", "REGULAR": "asm-managed", "STABLE": "asm-managed-stable"}[s.GKE.ReleaseChannel]
			for _, want := range []string{
				"customresourcedefinitions/peerauthentications.security.istio.io' '\"type\":\"Established\"' '\"status\":\"True\"'",
				"customresourcedefinitions/peerauthentications.security.istio.io' '\"name\":\"v1beta1\",' '\"served\":true'",
				"customresourcedefinitions/authorizationpolicies.security.istio.io' '\"name\":\"v1\",' '\"served\":true'",
				"customresourcedefinitions/gateways.networking.istio.io' '\"type\":\"Established\"'",
				"customresourcedefinitions/virtualservices.networking.istio.io' '\"name\":\"v1\",'",
				"/apis/mesh.cloud.google.com/v1beta1/namespaces/istio-system/controlplanerevisions/" + rev + "' '\"type\":\"ProvisioningFinished\"' '\"status\":\"True\"'",
			} {
				if !strings.Contains(script, want) {
					t.Errorf("readiness script does not wait for %s:\n%s", want, script)
				}
			}
			role, ok := m.Find("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "gcp-ready-role")
			if !ok {
				t.Fatal("readiness ClusterRole not registered")
			}
			for i, name := range []string{"peerauthentications.security.istio.io", "authorizationpolicies.security.istio.io",
				"requestauthentications.security.istio.io", "gateways.networking.istio.io", "virtualservices.networking.istio.io",
				"serviceentries.networking.istio.io", "destinationrules.networking.istio.io", rev} {
				in(t, role).Eq("get", "rules", i, "verbs", 0)
				in(t, role).Eq(name, "rules", i, "resourceNames", 0)
			}
			in(t, role).Eq("controlplanerevisions", "rules", 7, "resources", 0)
			in(t, role).Absent("rules", 8)
			dependsOn(t, pa, job)
			dependsOn(t, job, fm)

			// Structure: each custom resource sits in one of the five components.
			components := map[string]string{}
			for _, r := range m.Resources() {
				if !r.Custom {
					components[r.URN] = r.Type
				}
			}
			for _, typ := range []string{"Services", "Network", "Cluster", "WorkloadIdentity", "Mesh"} {
				if !slices.Contains(slices.Collect(maps.Values(components)), "mlplatform:gcp:"+typ) {
					t.Errorf("component mlplatform:gcp:%s not registered", typ)
				}
			}
			for _, r := range m.Resources() {
				if r.Custom && components[r.Parent] == "" {
					t.Errorf("%s %s is not parented to a component (parent %s)", r.Type, r.Name, r.Parent)
				}
			}

			// Component outputs.
			o := p.outs
			for key, want := range map[string]string{
				"cluster.name":          s.Names.Cluster(),
				"cluster.id":            cl.ID,
				"cluster.location":      tc.location,
				"cluster.endpoint":      at(cl.Outputs, "endpoint").(string),
				"cluster.ca":            at(cl.Outputs, "masterAuth", "clusterCaCertificate").(string),
				"cluster.workloadPool":  project + ".svc.id.goog",
				"cluster.issuer":        issuer,
				"cluster.nodeSA":        nodeEmail,
				"cluster.kmsKey":        key.ID,
				"cluster.nodePool":      at(pool.Outputs, "name").(string),
				"cluster.projectNumber": mocks.GCPProjectNumber,
				"identity.email":        gsaEmail,
				"identity.member":       fmt.Sprintf("serviceAccount:%s.svc.id.goog[%s/%s]", project, s.Workload.Namespace, s.Workload.ServiceAccount),
				"identity.issuer":       issuer,
				"identity.namespace":    s.Workload.Namespace,
				"identity.ksa":          s.Workload.ServiceAccount,
				"mesh.membershipId":     s.Names.Cluster(),
				"mesh.membershipName":   "projects/" + project + "/locations/global/memberships/" + s.Names.Cluster(),
				"mesh.feature":          "servicemesh",
				"mesh.namespace":        s.Workload.Namespace,
				"mesh.ksa":              s.Workload.ServiceAccount,
			} {
				if got := o.str(t, key); got != want {
					t.Errorf("output %s = %q, want %q", key, got, want)
				}
			}
			if !strings.Contains(o.str(t, "cluster.kubeconfig"), "gke-gcloud-auth-plugin") {
				t.Error("kubeconfig output lacks the auth plugin")
			}
			for key, wantSecret := range map[string]bool{"cluster.kubeconfig": true, "cluster.ca": false, "cluster.endpoint": false, "identity.email": false} {
				if got := pulumi.IsSecret(o.outs[key]); got != wantSecret {
					t.Errorf("output %s secret = %v, want %v", key, got, wantSecret)
				}
			}
		})
	}
}

func TestLabelValue(t *testing.T) {
	for in, want := range map[string]string{
		"ml-platform@example.com":   "ml-platform_at_example_com",
		"Team.Lead+ops@Example.org": "team_lead_ops_at_example_org",
		strings.Repeat("a", 70):     strings.Repeat("a", 63),
	} {
		if got := gcp.LabelValue(in); got != want {
			t.Errorf("LabelValue(%q) = %q, want %q", in, got, want)
		}
	}
}

var (
	one         = stacktest.One
	in          = stacktest.In
	dependsOn   = stacktest.DependsOn
	roleMembers = stacktest.RoleMembers
)
