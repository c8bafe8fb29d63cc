package cluster_test

import (
	"fmt"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/gcp/cluster"
	"github.com/example/mlplatform/gcp/cluster/spec"
	"github.com/example/mlplatform/gcp/network"
	"github.com/example/mlplatform/gcp/services"
	"github.com/example/mlplatform/internal/mocks"
	"github.com/example/mlplatform/internal/stacktest"
	"github.com/example/mlplatform/settings"
)

const (
	tService    = "gcp:projects/service:Service"
	tNetwork    = "gcp:compute/network:Network"
	tSubnet     = "gcp:compute/subnetwork:Subnetwork"
	tKeyRing    = spec.KeyRingType
	tKey        = spec.CryptoKeyType
	tKeyMember  = spec.KeyMemberType
	tAccount    = "gcp:serviceaccount/account:Account"
	tProjMember = "gcp:projects/iAMMember:IAMMember"
	tCluster    = spec.ClusterType
	tNodePool   = spec.NodePoolType
)

// run registers the cluster with what it takes from the other GCP components: the project
// gated on its APIs (services.NewServices) and the network (network.NewNetwork).
func run(t *testing.T, stack string, mutate func(*settings.Settings)) (*mocks.Mocks, *settings.Settings) {
	t.Helper()
	s := stacktest.Settings(t, stack)
	if mutate != nil {
		mutate(s)
	}
	m := stacktest.MustRun(t, stack, func(ctx *pulumi.Context) error {
		services, err := services.NewServices(ctx, "gcp", &services.ServicesArgs{Project: s.GCP.Project})
		if err != nil {
			return err
		}
		network, err := network.NewNetwork(ctx, "gcp", &network.NetworkArgs{Env: s.Env, Name: s.Names.Network(), Region: s.GCP.Region,
			SubnetCIDR: s.GKE.SubnetCIDR, PodsCIDR: s.GKE.PodsCIDR, ServicesCIDR: s.GKE.ServicesCIDR, Project: services.NetworkProject})
		if err != nil {
			return err
		}
		args := argsOf(s)
		args.Project, args.Network, args.Subnetwork = services.ClusterProject, network.NetworkID, network.SubnetID
		args.PodsRangeName, args.ServicesRangeName = network.PodsRangeName, network.ServicesRangeName
		_, err = cluster.NewCluster(ctx, "gcp", args)
		return err
	})
	return m, s
}

// argsOf maps the stack's configuration into the cluster's plain inputs, as package stack does.
func argsOf(s *settings.Settings) *cluster.ClusterArgs {
	return &cluster.ClusterArgs{Env: s.Env, ProjectID: s.GCP.Project, Region: s.GCP.Region, Location: s.GKE.Location,
		Labels: gcp.Labels(s.Env, s.OwnerEmail), Protect: s.ProtectStateful, Name: s.Names.Cluster(),
		NodeServiceAccountID: s.Names.NodeServiceAccount(), ReleaseChannel: s.GKE.ReleaseChannel,
		MasterCIDR: s.GKE.MasterCIDR, MasterAuthorizedNetworks: s.GKE.MasterAuthorizedNetworks,
		DeletionProtection: s.GKE.DeletionProtection, SecurityGroup: s.GKE.SecurityGroup, KMSRotationDays: s.GKE.KMSRotationDays,
		Nodes: cluster.Nodes{MachineType: s.GKE.MachineType, DiskSizeGB: s.GKE.NodeDiskSizeGB,
			MinCount: s.GKE.NodeMinCount, MaxCount: s.GKE.NodeMaxCount}}
}

func TestCluster(t *testing.T) {
	for _, tc := range []struct {
		stack, location, channel string
		deletionProtection       bool
		protect                  bool
	}{
		{"dev", "europe-west4-a", "REGULAR", false, false},
		{"prod", "europe-west4", "STABLE", true, true},
	} {
		t.Run(tc.stack, func(t *testing.T) {
			m, s := run(t, tc.stack, nil)
			project := s.GCP.Project
			if s.ProtectStateful != tc.protect || s.GKE.Location != tc.location {
				t.Fatalf("stack file changed: protect=%v location=%s", s.ProtectStateful, s.GKE.Location)
			}
			service := func(api string) mocks.Resource { return apiService(t, m, api) }
			vpc, subnet := one(t, m, tNetwork), one(t, m, tSubnet)
			var c stacktest.Checker

			// KMS: rotating key, retained and protected, only the GKE service agent may use it.
			ring := one(t, m, tKeyRing)
			in(t, ring).Eq(s.GCP.Region, "location")
			key, _ := m.Find(tKey, "gcp-secrets-key")
			if n := len(m.ByType(tKey)); n != 2 {
				t.Errorf("%d crypto keys, want the secrets key and the boot disk key", n)
			}
			c = in(t, key)
			c.Eq(ring.ID, "keyRing")
			c.Eq("ENCRYPT_DECRYPT", "purpose")
			c.Eq(fmt.Sprintf("%ds", s.GKE.KMSRotationDays*86400), "rotationPeriod")
			c.Eq("7776000s", "rotationPeriod") // 90 days in both stacks
			for _, r := range []mocks.Resource{ring, key} {
				if r.Protect != tc.protect || !r.RetainOnDelete {
					t.Errorf("%s protect=%v retainOnDelete=%v, want %v/true", r.Type, r.Protect, r.RetainOnDelete, tc.protect)
				}
			}
			bootKey, _ := m.Find(tKey, "gcp-boot-key")
			c = in(t, bootKey)
			c.Eq(ring.ID, "keyRing")
			c.Eq(s.Names.Cluster()+"-boot", "name")
			c.Eq("7776000s", "rotationPeriod")
			if bootKey.Protect != tc.protect || !bootKey.RetainOnDelete {
				t.Errorf("boot key protect=%v retainOnDelete=%v, want %v/true", bootKey.Protect, bootKey.RetainOnDelete, tc.protect)
			}
			bootMember, _ := m.Find(tKeyMember, "gcp-compute-agent-kms")
			c = in(t, bootMember)
			c.Eq(bootKey.ID, "cryptoKeyId")
			c.Eq("roles/cloudkms.cryptoKeyEncrypterDecrypter", "role")
			c.Eq("serviceAccount:service-"+mocks.GCPProjectNumber+"@compute-system.iam.gserviceaccount.com", "member")
			keyMember, _ := m.Find(tKeyMember, "gcp-gke-agent-kms")
			c = in(t, keyMember)
			c.Eq(key.ID, "cryptoKeyId")
			c.Eq("roles/cloudkms.cryptoKeyEncrypterDecrypter", "role")
			c.Eq("serviceAccount:service-"+mocks.GCPProjectNumber+"@container-engine-robot.iam.gserviceaccount.com", "member")
			dependsOn(t, keyMember, service("container.googleapis.com"))
			var lookups []string
			for _, call := range m.Calls() {
				if call.Token == "gcp:projects/getProject:getProject" {
					lookups = append(lookups, fmt.Sprint(call.Args["filter"].V))
				}
			}
			if !slices.Equal(lookups, []string{"id:" + project}) {
				t.Errorf("project lookups = %v, want one by id", lookups)
			}

			// Node service account: exactly the five least-privilege roles, and nothing else.
			nodeSA := one(t, m, tAccount)
			in(t, nodeSA).Eq(s.Names.NodeServiceAccount(), "accountId")
			if nodeSA.Protect != tc.protect {
				t.Errorf("node service account protect = %v, want %v", nodeSA.Protect, tc.protect)
			}
			nodeEmail := at(nodeSA.Outputs, "email").(string)
			if got := roleMembers(m, tProjMember, "serviceAccount:"+nodeEmail); !slices.Equal(got, []string{
				"roles/artifactregistry.reader", "roles/logging.logWriter", "roles/monitoring.metricWriter",
				"roles/monitoring.viewer", "roles/stackdriver.resourceMetadata.writer"}) {
				t.Errorf("node service account roles = %v", got)
			}
			if n := len(m.ByType(tProjMember)); n != len(cluster.NodeRoles) {
				t.Errorf("%d project IAM members, want the %d node roles", n, len(cluster.NodeRoles))
			}

			// Cluster.
			cl := one(t, m, tCluster)
			if cl.Protect != tc.protect {
				t.Errorf("cluster protect = %v, want %v", cl.Protect, tc.protect)
			}
			c = in(t, cl)
			c.Eq(s.Names.Cluster(), "name")
			c.Eq(tc.location, "location")
			c.Eq(vpc.ID, "network")
			c.Eq(subnet.ID, "subnetwork")
			c.Eq(true, "removeDefaultNodePool")
			c.Eq(1, "initialNodeCount")
			c.Absent("nodeConfig")
			c.Absent("nodePools")
			c.Absent("networkPolicy")
			c.Absent("addonsConfig", "networkPolicyConfig")
			c.Eq(true, "privateClusterConfig", "enablePrivateNodes")
			c.Eq(true, "privateClusterConfig", "enablePrivateEndpoint")
			c.Eq(s.GKE.MasterCIDR.String(), "privateClusterConfig", "masterIpv4CidrBlock")
			c.Eq(false, "masterAuthorizedNetworksConfig", "gcpPublicCidrsAccessEnabled")
			blocks, _ := at(cl.Inputs, "masterAuthorizedNetworksConfig", "cidrBlocks").([]interface{})
			if len(blocks) != len(s.GKE.MasterAuthorizedNetworks) {
				t.Errorf("authorized networks = %v, want %v", blocks, s.GKE.MasterAuthorizedNetworks)
			}
			for i, p := range s.GKE.MasterAuthorizedNetworks {
				c.Eq(p.String(), "masterAuthorizedNetworksConfig", "cidrBlocks", i, "cidrBlock")
				if name, _ := at(cl.Inputs, "masterAuthorizedNetworksConfig", "cidrBlocks", i, "displayName").(string); name == "" {
					t.Errorf("authorized network %d has no display name", i)
				}
			}
			c.Eq(project+".svc.id.goog", "workloadIdentityConfig", "workloadPool")
			c.Eq(tc.channel, "releaseChannel", "channel")
			c.Eq(true, "enableShieldedNodes")
			c.Eq(false, "enableLegacyAbac")
			c.Eq("ADVANCED_DATAPATH", "datapathProvider")
			c.Eq("PROJECT_SINGLETON_POLICY_ENFORCE", "binaryAuthorization", "evaluationMode")
			c.Absent("binaryAuthorization", "enabled")
			c.Eq("ENCRYPTED", "databaseEncryption", "state")
			c.Eq(key.ID, "databaseEncryption", "keyName")
			c.Eq("[SYSTEM_COMPONENTS WORKLOADS]", "loggingConfig", "enableComponents")
			c.Eq("[SYSTEM_COMPONENTS]", "monitoringConfig", "enableComponents")
			c.Eq(true, "monitoringConfig", "managedPrometheus", "enabled")
			c.Eq("pods", "ipAllocationPolicy", "clusterSecondaryRangeName")
			c.Eq("services", "ipAllocationPolicy", "servicesSecondaryRangeName")
			c.Eq(tc.deletionProtection, "deletionProtection")
			c.Eq(false, "masterAuth", "clientCertificateConfig", "issueClientCertificate")
			c.Eq("BASIC", "securityPostureConfig", "mode")
			c.Eq(true, "enableIntranodeVisibility")
			c.Absent("authenticatorGroupsConfig") // opt-in: gkeSecurityGroup is empty in both stacks
			c.Eq(s.Env, "resourceLabels", "environment")
			c.Eq("owner_at_offline-plan-example_invalid", "resourceLabels", "owner")
			c.Eq("pulumi", "resourceLabels", "managed-by")
			c.Eq("proj-"+mocks.GCPProjectNumber, "resourceLabels", "mesh_id")
			// The cluster waits for its APIs, for the key grant and for the subnet.
			dependsOn(t, cl, keyMember, subnet, service("container.googleapis.com"), service("cloudkms.googleapis.com"),
				service("binaryauthorization.googleapis.com"))

			pool := one(t, m, tNodePool)
			c = in(t, pool)
			c.Absent("name") // auto-named: replacements are created before the old pool goes
			c.Eq(at(cl.Outputs, "name"), "cluster")
			c.Eq(tc.location, "location")
			c.Eq(s.GKE.NodeMinCount, "autoscaling", "minNodeCount")
			c.Eq(s.GKE.NodeMaxCount, "autoscaling", "maxNodeCount")
			c.Eq(true, "management", "autoRepair")
			c.Eq(true, "management", "autoUpgrade")
			c.Eq(s.GKE.MachineType, "nodeConfig", "machineType")
			c.Eq(s.GKE.NodeDiskSizeGB, "nodeConfig", "diskSizeGb")
			c.Eq("pd-balanced", "nodeConfig", "diskType")
			c.Eq(bootKey.ID, "nodeConfig", "bootDiskKmsKey")
			c.Eq("COS_CONTAINERD", "nodeConfig", "imageType")
			c.Eq(nodeEmail, "nodeConfig", "serviceAccount")
			c.Eq("[https://www.googleapis.com/auth/cloud-platform]", "nodeConfig", "oauthScopes")
			c.Eq(true, "nodeConfig", "shieldedInstanceConfig", "enableSecureBoot")
			c.Eq(true, "nodeConfig", "shieldedInstanceConfig", "enableIntegrityMonitoring")
			c.Eq("GKE_METADATA", "nodeConfig", "workloadMetadataConfig", "mode")
			c.Eq("true", "nodeConfig", "metadata", "disable-legacy-endpoints")
			c.Eq(s.Env, "nodeConfig", "resourceLabels", "environment")
			for _, r := range m.ByType(tProjMember) {
				if at(r.Inputs, "member") == "serviceAccount:"+nodeEmail {
					dependsOn(t, pool, r) // nodes start with every grant in place
				}
			}

			// The project's image supply: the Docker Hub proxy and the Binary Authorization policy.
			repo, ok := m.Find("gcp:artifactregistry/repository:Repository", "gcp-dockerhub")
			if !ok {
				t.Fatal("Docker Hub remote repository not registered")
			}
			c = in(t, repo)
			c.Eq("REMOTE_REPOSITORY", "mode")
			c.Eq("DOCKER", "format")
			c.Eq(s.GCP.Region, "location")
			c.Eq("DOCKER_HUB", "remoteRepositoryConfig", "dockerRepository", "publicRepository")
			bin, ok := m.Find("gcp:binaryauthorization/policy:Policy", "gcp-binauthz")
			if !ok {
				t.Fatal("Binary Authorization policy not registered")
			}
			c = in(t, bin)
			c.Eq("ALWAYS_DENY", "defaultAdmissionRule", "evaluationMode")
			c.Eq("ENFORCED_BLOCK_AND_AUDIT_LOG", "defaultAdmissionRule", "enforcementMode")
			c.Eq("ENABLE", "globalPolicyEvaluationMode")
			c.Eq(s.GCP.Region+"-docker.pkg.dev/"+s.GCP.Project+"/**", "admissionWhitelistPatterns", 0, "namePattern")
			// Every resource above is the component's own child.
			comp := one(t, m, "mlplatform:gcp:Cluster")
			for _, typ := range []string{tKeyRing, tKey, tKeyMember, tAccount, tProjMember, tCluster, tNodePool, spec.RepositoryType, spec.BinauthzType} {
				for _, r := range m.ByType(typ) {
					if r.Parent != comp.URN {
						t.Errorf("%s %s has parent %s, want the cluster component", r.Type, r.Name, r.Parent)
					}
				}
			}
		})
	}
}

// Google Groups for RBAC is on exactly when gkeSecurityGroup names the group.
func TestSecurityGroup(t *testing.T) {
	m, _ := run(t, "prod", func(s *settings.Settings) { s.GKE.SecurityGroup = "gke-security-groups@example.org" })
	in(t, one(t, m, tCluster)).Eq("gke-security-groups@example.org", "authenticatorGroupsConfig", "securityGroup")
}

// NewCluster names each required argument it was not given, in one error, before it registers
// anything.
func TestInvalidArgs(t *testing.T) {
	s := stacktest.Settings(t, "dev")
	m := stacktest.MustRun(t, "dev", func(ctx *pulumi.Context) error {
		args := argsOf(s)
		args.Project = pulumi.String(s.GCP.Project)
		_, err := cluster.NewCluster(ctx, "g", args)
		if want := "cluster.NewCluster: missing required arguments: Network, PodsRangeName, ServicesRangeName, Subnetwork"; err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
		_, err = cluster.NewCluster(ctx, "h", nil)
		if want := "cluster.NewCluster: missing required arguments: Env, Location, Name, Network, NodeServiceAccountID, PodsRangeName, Project, ProjectID, Region, ServicesRangeName, Subnetwork"; err == nil || err.Error() != want {
			t.Errorf("got %v\nwant %s", err, want)
		}
		return nil
	})
	if rs := m.Resources(); len(rs) != 0 {
		t.Errorf("registered %d resources before refusing: %v", len(rs), rs)
	}
}

// The component takes plain values: it never reads the configuration types (package stack maps
// them), and never the tooling.
func TestImportsNeitherSettingsNorTooling(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files: %v", err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range file.Imports {
			switch imp.Path.Value {
			case `"github.com/example/mlplatform/settings"`, `"github.com/example/mlplatform/policy"`,
				`"github.com/example/mlplatform/plan"`, `"github.com/example/mlplatform/internal/mocks"`:
				t.Errorf("%s imports %s", f, imp.Path.Value)
			}
		}
	}
}

func apiService(t *testing.T, m *mocks.Mocks, api string) mocks.Resource {
	t.Helper()
	for _, r := range m.ByType(tService) {
		if at(r.Inputs, "service") == api {
			return r
		}
	}
	t.Fatalf("no service %s", api)
	return mocks.Resource{}
}

// at reads a value at a path of object keys (and array indexes) from a property map.
func at(pm resource.PropertyMap, path ...interface{}) interface{} {
	return mocks.At(pm, path...)
}

var (
	one         = stacktest.One
	in          = stacktest.In
	dependsOn   = stacktest.DependsOn
	roleMembers = stacktest.RoleMembers
)
