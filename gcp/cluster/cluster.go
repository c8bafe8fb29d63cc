// Package cluster is the GKE cluster component: a private GKE Standard cluster, its node pool,
// the Cloud KMS keys that encrypt its secrets and boot disks, the nodes' service account, and
// the project's image supply (images.go). Its rules, mock responders and creation times are in
// spec/.
package cluster

import (
	"encoding/json"
	"fmt"
	"net/netip"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/internal/required"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/container"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/kms"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/projects"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/serviceaccount"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// NodeRoles are the only project roles of the node service account: write logs and
// metrics, read metadata for the monitoring agents, pull images. No editor, no more.
var NodeRoles = []string{
	"roles/artifactregistry.reader",
	"roles/logging.logWriter",
	"roles/monitoring.metricWriter",
	"roles/monitoring.viewer",
	"roles/stackdriver.resourceMetadata.writer",
}

const (
	kmsEncrypterDecrypter = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
	// cloudPlatformScope: access is governed by IAM roles on the node service account, not
	// by legacy OAuth scopes (Google's recommendation for GKE nodes).
	cloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform"
)

// ClusterArgs configures NewCluster: plain values (stack maps the configuration into them) and
// the outputs of the services and network components.
type ClusterArgs struct {
	// Env names the environment in the cluster's description and the nodes' Kubernetes labels.
	Env string
	// ProjectID is the GCP project id: the project-number lookup and the Workload Identity
	// pool (PROJECT.svc.id.goog) are derived from it.
	ProjectID string
	// Region holds the key ring (a zonal cluster's keys live in its region) and the Docker Hub
	// proxy repository.
	Region string
	// Location is the cluster's region (regional cluster) or one of its zones.
	Location string
	// Labels are the GCP labels of every labelable resource.
	Labels map[string]string
	// Protect keeps the key ring, the keys, the node service account and the cluster from
	// deletion by Pulumi.
	Protect bool
	// Name is the cluster's name; the key ring and the keys are named after it.
	Name string
	// NodeServiceAccountID is the account id of the nodes' service account.
	NodeServiceAccountID string
	// ReleaseChannel is the GKE release channel (RAPID, REGULAR, STABLE, EXTENDED).
	ReleaseChannel string
	// MasterCIDR is the control plane's private /28; MasterAuthorizedNetworks may reach it.
	MasterCIDR               netip.Prefix
	MasterAuthorizedNetworks []netip.Prefix
	DeletionProtection       bool
	// SecurityGroup is the Google Groups for RBAC group (gke-security-groups@DOMAIN); "" leaves
	// the feature off.
	SecurityGroup string
	// KMSRotationDays is the rotation period of the secrets and boot-disk keys.
	KMSRotationDays int
	// Nodes sizes the node pool.
	Nodes Nodes
	// Project is the project id gated on the cluster's APIs (services.Services.ClusterProject).
	Project pulumi.StringInput
	// Network and Subnetwork are the VPC and subnet ids (network.Network.NetworkID, network.Network.SubnetID).
	Network    pulumi.StringInput
	Subnetwork pulumi.StringInput
	// PodsRangeName and ServicesRangeName are the subnet's secondary ranges
	// (network.Network.PodsRangeName, network.Network.ServicesRangeName).
	PodsRangeName     pulumi.StringInput
	ServicesRangeName pulumi.StringInput
}

// Nodes sizes the node pool: the machine, the boot disk, and the autoscaler's bounds per zone.
type Nodes struct {
	MachineType        string
	DiskSizeGB         int
	MinCount, MaxCount int
}

// Cluster is a private GKE Standard cluster with Workload Identity, Dataplane V2, Binary
// Authorization, Kubernetes secrets encrypted with a rotating Cloud KMS key, and one
// autoscaled node pool running as a least-privilege service account.
type Cluster struct {
	pulumi.ResourceState

	ClusterName pulumi.StringOutput
	ClusterID   pulumi.StringOutput // projects/<p>/locations/<loc>/clusters/<name>
	Location    pulumi.StringOutput
	// Endpoint is the control plane's private address (reachable from the VPC and the
	// authorized networks; clients outside use the fleet's Connect gateway).
	Endpoint pulumi.StringOutput
	// CACertificate is the cluster CA, base64-encoded PEM; public by nature.
	CACertificate pulumi.StringOutput
	// WorkloadPool is "<project>.svc.id.goog"; it exists only once this cluster does.
	WorkloadPool pulumi.StringOutput
	// OIDCIssuer is the issuer of the cluster's service-account tokens:
	// https://container.googleapis.com/v1/projects/<p>/locations/<loc>/clusters/<name>.
	OIDCIssuer pulumi.StringOutput
	// Kubeconfig authenticates with gke-gcloud-auth-plugin (no static credentials in it);
	// secret all the same, as it locates and opens the control plane.
	Kubeconfig              pulumi.StringOutput
	NodePoolName            pulumi.StringOutput
	NodeServiceAccountEmail pulumi.StringOutput
	KMSKeyRingID            pulumi.StringOutput
	KMSKeyID                pulumi.StringOutput
	ProjectNumber           pulumi.StringOutput
	// ImageMirror is REGION-docker.pkg.dev/PROJECT/dockerhub, the project's Artifact Registry
	// proxy of Docker Hub: public images are named through it (images.go).
	ImageMirror pulumi.StringOutput
}

// NewCluster creates the KMS key, the node service account and its roles, the cluster and
// its node pool.
func NewCluster(ctx *pulumi.Context, name string, args *ClusterArgs, opts ...pulumi.ResourceOption) (*Cluster, error) {
	if args == nil {
		args = &ClusterArgs{}
	}
	if err := required.Args("cluster.NewCluster", map[string]any{"Env": args.Env, "ProjectID": args.ProjectID,
		"Region": args.Region, "Location": args.Location, "Name": args.Name, "NodeServiceAccountID": args.NodeServiceAccountID,
		"Project": args.Project, "Network": args.Network, "Subnetwork": args.Subnetwork,
		"PodsRangeName": args.PodsRangeName, "ServicesRangeName": args.ServicesRangeName,
	}); err != nil {
		return nil, err
	}
	s := args

	c := &Cluster{}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:Cluster", name, c, opts...); err != nil {
		return nil, err
	}
	stateful := pulumi.Protect(s.Protect)

	// The GKE service agent (service-<number>@container-engine-robot) needs the project
	// number; getProject in the projects package avoids compiling the organizations SDK.
	number, err := projectNumber(ctx, c, s.ProjectID)
	if err != nil {
		return nil, fmt.Errorf("cluster.NewCluster: %w", err)
	}
	keys, err := secretsKey(ctx, name, c, s, number, stateful)
	if err != nil {
		return nil, err
	}
	bootKey, err := bootDiskKey(ctx, name, c, keys.ring.ID(), number, s, stateful)
	if err != nil {
		return nil, err
	}
	nodeSA, nodeEmailAfterGrants, err := nodeAccount(ctx, name, c, s, stateful)
	if err != nil {
		return nil, err
	}
	cluster, err := container.NewCluster(ctx, name+"-cluster", clusterArgs(s, number, keys.grant.CryptoKeyId), childOpts(c, stateful)...)
	if err != nil {
		return nil, err
	}
	pool, err := nodePool(ctx, name, c, s, cluster, bootKey, nodeEmailAfterGrants)
	if err != nil {
		return nil, err
	}
	c.setOutputs(s.Name, cluster, pool, nodeSA, keys, number)
	if c.ImageMirror, err = trustedImages(ctx, name, c, s, args.Project); err != nil {
		return nil, err
	}
	if err := ctx.RegisterResourceOutputs(c, c.outputMap()); err != nil {
		return nil, err
	}
	return c, nil
}

// clusterKeys is the key ring and the Kubernetes secrets key, with the GKE service agent's
// grant on the key: the cluster takes the key id from the grant.
type clusterKeys struct {
	ring  *kms.KeyRing
	key   *kms.CryptoKey
	grant *kms.CryptoKeyIAMMember
}

// secretsKey creates the key ring, the key that encrypts Kubernetes secrets in etcd, and the
// GKE service agent's permission to use it.
func secretsKey(ctx *pulumi.Context, name string, c *Cluster, s *ClusterArgs, number string, stateful pulumi.ResourceOption) (clusterKeys, error) {
	clusterName := s.Name
	// KMS key rings can never be deleted and a destroyed key makes every secret it
	// encrypted unreadable: keep both in GCP whatever happens to the stack.
	keyRing, err := kms.NewKeyRing(ctx, name+"-keyring", &kms.KeyRingArgs{
		Project:  s.Project,
		Name:     pulumi.String(clusterName + "-keyring"),
		Location: pulumi.String(s.Region), // a zonal cluster's key lives in its region
	}, childOpts(c, stateful, pulumi.RetainOnDelete(true))...)
	if err != nil {
		return clusterKeys{}, err
	}
	key, err := kms.NewCryptoKey(ctx, name+"-secrets-key", &kms.CryptoKeyArgs{
		KeyRing:        keyRing.ID(), // the key ring id carries the project
		Name:           pulumi.String(clusterName + "-secrets"),
		Purpose:        pulumi.String("ENCRYPT_DECRYPT"),
		RotationPeriod: pulumi.String(fmt.Sprintf("%ds", s.KMSRotationDays*86400)),
		Labels:         pulumi.ToStringMap(s.Labels),
	}, childOpts(c, stateful, pulumi.RetainOnDelete(true))...)
	if err != nil {
		return clusterKeys{}, err
	}
	// The service agent exists once the container API is on: derive the member from the
	// gated project so the grant waits for it.
	agent := pulumi.StringInput(s.Project.ToStringOutput().ApplyT(func(string) string {
		return fmt.Sprintf("serviceAccount:service-%s@container-engine-robot.iam.gserviceaccount.com", number)
	}).(pulumi.StringOutput))
	keyGrant, err := kms.NewCryptoKeyIAMMember(ctx, name+"-gke-agent-kms", &kms.CryptoKeyIAMMemberArgs{
		CryptoKeyId: key.ID(),
		Role:        pulumi.String(kmsEncrypterDecrypter),
		Member:      agent,
	}, childOpts(c)...)
	if err != nil {
		return clusterKeys{}, err
	}
	return clusterKeys{ring: keyRing, key: key, grant: keyGrant}, nil
}

// nodeAccount creates the nodes' service account and its NodeRoles. The email it returns
// resolves only after every grant exists, as nodes start logging and pulling images at once.
func nodeAccount(ctx *pulumi.Context, name string, c *Cluster, s *ClusterArgs, stateful pulumi.ResourceOption) (*serviceaccount.Account, pulumi.StringOutput, error) {
	nodeSA, err := serviceaccount.NewAccount(ctx, name+"-nodes", &serviceaccount.AccountArgs{
		Project:     s.Project,
		AccountId:   pulumi.String(s.NodeServiceAccountID),
		DisplayName: pulumi.String("GKE nodes of " + s.Name),
		Description: pulumi.String("Least-privilege identity of the GKE nodes: logs, metrics, image pulls."),
	}, childOpts(c, stateful)...)
	if err != nil {
		return nil, pulumi.StringOutput{}, err
	}
	nodeEmail := []interface{}{nodeSA.Email}
	for _, role := range NodeRoles {
		m, err := projects.NewIAMMember(ctx, name+"-nodes-"+gcp.RoleSuffix(role), &projects.IAMMemberArgs{
			Project: nodeSA.Project,
			Role:    pulumi.String(role),
			Member:  nodeSA.Member,
		}, childOpts(c)...)
		if err != nil {
			return nil, pulumi.StringOutput{}, err
		}
		nodeEmail = append(nodeEmail, m.Member)
	}
	afterGrants := pulumi.All(nodeEmail...).ApplyT(func(v []interface{}) string { return v[0].(string) }).(pulumi.StringOutput)
	return nodeSA, afterGrants, nil
}

// clusterArgs is the cluster's network placement; clusterSecurity adds the rest.
// keyID is the secrets key id taken from the service agent's grant.
func clusterArgs(s *ClusterArgs, number string, keyID pulumi.StringOutput) *container.ClusterArgs {
	authorized := container.ClusterMasterAuthorizedNetworksConfigCidrBlockArray{}
	for i, p := range s.MasterAuthorizedNetworks {
		authorized = append(authorized, &container.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs{
			CidrBlock:   pulumi.String(p.Masked().String()),
			DisplayName: pulumi.String(fmt.Sprintf("gkeMasterAuthorizedNetworks-%d", i+1)),
		})
	}
	// Cloud Service Mesh identifies the cluster's mesh by this label and sets it itself
	// when it is missing; declaring it avoids a tug of war on every update.
	clusterLabels := pulumi.ToStringMap(s.Labels)
	clusterLabels["mesh_id"] = pulumi.String("proj-" + number)

	a := &container.ClusterArgs{
		Project:     s.Project,
		Name:        pulumi.String(s.Name),
		Description: pulumi.String("ML platform cluster (" + s.Env + ")"),
		Location:    pulumi.String(s.Location),
		Network:     s.Network,
		Subnetwork:  s.Subnetwork,
		// The default pool cannot be configured safely; the managed pool below replaces it.
		RemoveDefaultNodePool: pulumi.Bool(true),
		InitialNodeCount:      pulumi.Int(1),
		NetworkingMode:        pulumi.String("VPC_NATIVE"),
		IpAllocationPolicy: &container.ClusterIpAllocationPolicyArgs{
			ClusterSecondaryRangeName:  s.PodsRangeName,
			ServicesSecondaryRangeName: s.ServicesRangeName,
		},
		// Nodes have no external IPs and the control plane only its private endpoint (GKE-016).
		// Nobody needs a public one: the deployer's in-cluster writes, and kubectl, go through
		// the fleet's Connect gateway (see gcp.NewMesh). No stack ever turned it on, and turning
		// it on could only fail the gate, so it is not a setting.
		PrivateClusterConfig: &container.ClusterPrivateClusterConfigArgs{
			EnablePrivateNodes:    pulumi.Bool(true),
			EnablePrivateEndpoint: pulumi.Bool(true),
			MasterIpv4CidrBlock:   pulumi.String(s.MasterCIDR.String()),
		},
		MasterAuthorizedNetworksConfig: &container.ClusterMasterAuthorizedNetworksConfigArgs{
			CidrBlocks:                  authorized,
			GcpPublicCidrsAccessEnabled: pulumi.Bool(false),
		},
		DeletionProtection: pulumi.Bool(s.DeletionProtection),
		ResourceLabels:     clusterLabels,
	}
	clusterSecurity(a, s, keyID)
	return a
}

// clusterSecurity sets the cluster's authentication, hardening, encryption and telemetry.
func clusterSecurity(a *container.ClusterArgs, s *ClusterArgs, keyID pulumi.StringOutput) {
	a.MasterAuth = &container.ClusterMasterAuthArgs{
		ClientCertificateConfig: &container.ClusterMasterAuthClientCertificateConfigArgs{
			IssueClientCertificate: pulumi.Bool(false),
		},
	}
	// Google Groups for RBAC (CIS GKE 5.8.2) needs a group only the organization that owns
	// the domain can create, so it is opt-in (gkeSecurityGroup), as the optional
	// authenticator_security_group (default null) of terraform-google-kubernetes-engine.
	a.AuthenticatorGroupsConfig = securityGroup(s.SecurityGroup)
	a.EnableLegacyAbac = pulumi.Bool(false)
	a.EnableShieldedNodes = pulumi.Bool(true)
	a.WorkloadIdentityConfig = &container.ClusterWorkloadIdentityConfigArgs{WorkloadPool: pulumi.String(s.ProjectID + ".svc.id.goog")}
	a.ReleaseChannel = &container.ClusterReleaseChannelArgs{Channel: pulumi.String(s.ReleaseChannel)}
	// The GKE Gateway controller (standard channel) serves the entry's Gateway, HTTPRoutes
	// and GCPBackendPolicy (cloud.google.com/kubernetes-engine/docs/how-to/deploying-gateways).
	a.GatewayApiConfig = &container.ClusterGatewayApiConfigArgs{Channel: pulumi.String("CHANNEL_STANDARD")}
	// Dataplane V2 enforces NetworkPolicy itself; the Calico addon must stay off.
	a.DatapathProvider = pulumi.String("ADVANCED_DATAPATH")
	a.BinaryAuthorization = &container.ClusterBinaryAuthorizationArgs{
		EvaluationMode: pulumi.String("PROJECT_SINGLETON_POLICY_ENFORCE"),
	}
	// Secrets in etcd are encrypted with our key; the key id comes from the grant so the
	// cluster is created only once the service agent may use the key.
	a.DatabaseEncryption = &container.ClusterDatabaseEncryptionArgs{
		State:   pulumi.String("ENCRYPTED"),
		KeyName: keyID,
	}
	a.LoggingConfig = &container.ClusterLoggingConfigArgs{
		EnableComponents: pulumi.ToStringArray([]string{"SYSTEM_COMPONENTS", "WORKLOADS"}),
	}
	a.MonitoringConfig = &container.ClusterMonitoringConfigArgs{
		EnableComponents:  pulumi.ToStringArray([]string{"SYSTEM_COMPONENTS"}),
		ManagedPrometheus: &container.ClusterMonitoringConfigManagedPrometheusArgs{Enabled: pulumi.Bool(true)},
	}
	// Configuration auditing. Vulnerability mode is left to GKE: the GKE API marks
	// VULNERABILITY_BASIC "Deprecated: Basic vulnerability scanning is no longer supported"
	// (SecurityPostureConfig.VulnerabilityMode; cloud.google.com/kubernetes-engine/docs/
	// deprecations/posture-management-deprecation) and VULNERABILITY_ENTERPRISE needs GKE
	// Enterprise. Images are scanned by Artifact Analysis instead (containerscanning API,
	// GKE-015).
	a.SecurityPostureConfig = &container.ClusterSecurityPostureConfigArgs{Mode: pulumi.String("BASIC")}
	// Pod-to-pod traffic on one node goes through the VPC too, so flow logs and firewall
	// rules see it (GKE-014; CIS GKE 5.6.1).
	a.EnableIntranodeVisibility = pulumi.Bool(true)
}

// nodePool creates the cluster's one node pool.
//
// Auto-named ("<name>-pool-xxxxxxx") so a replacement is created before the old pool
// goes: workloads move instead of stopping.
//
// Two CIS GKE recommendations are decided against here, with their sources:
//   - GKE Sandbox (5.10.3, KICS 6c8a93a9, no sandboxConfig): Google positions it for
//     multi-tenant clusters whose providers "often run unknown code submitted by their users",
//     and as defense in depth for high-value containers (GKE, "GKE Sandbox",
//     cloud.google.com/kubernetes-engine/docs/concepts/sandbox-pods). This pool runs one
//     tenant's own images, pinned by digest and admitted only from the project's Artifact
//     Registry (images.go).
//   - Linux auditd (5.7.2, Manual): Google's own setup is a DaemonSet with hostNetwork,
//     hostPID and a privileged init container that chroots into the node (GKE, "Enabling
//     Linux auditd logs on GKE nodes", cloud.google.com/kubernetes-engine/docs/how-to/
//     linux-auditd-logging; GoogleCloudPlatform/k8s-node-tools os-audit/
//     cos-auditd-logging.yaml), which the namespaces' baseline Pod Security Standard
//     (PSA-001) and POD-001/POD-007 refuse; the page calls auditing "after the fact". Cloud
//     Audit Logs record the cluster's API calls (Admin Activity logs cannot be disabled:
//     GKE, "GKE audit logging"), and the nodes are COS with shielded boot (NODE-001/004).
func nodePool(ctx *pulumi.Context, name string, c *Cluster, s *ClusterArgs, cluster *container.Cluster,
	bootKey, nodeEmail pulumi.StringOutput) (*container.NodePool, error) {
	n := s.Nodes
	return container.NewNodePool(ctx, name+"-pool", &container.NodePoolArgs{
		Project:          cluster.Project,
		Location:         cluster.Location,
		Cluster:          cluster.Name,
		InitialNodeCount: pulumi.Int(max(n.MinCount, 1)),
		Autoscaling: &container.NodePoolAutoscalingArgs{ // per zone
			MinNodeCount: pulumi.Int(n.MinCount),
			MaxNodeCount: pulumi.Int(n.MaxCount),
		},
		Management: &container.NodePoolManagementArgs{
			AutoRepair:  pulumi.Bool(true),
			AutoUpgrade: pulumi.Bool(true),
		},
		NodeConfig: &container.NodePoolNodeConfigArgs{
			MachineType: pulumi.String(n.MachineType),
			DiskSizeGb:  pulumi.Int(n.DiskSizeGB),
			DiskType:    pulumi.String("pd-balanced"),
			// Boot disks encrypted with our key (NODE-007); the id comes from the grant, so the
			// pool is created only once Compute Engine may use the key.
			BootDiskKmsKey: bootKey,
			ImageType:      pulumi.String("COS_CONTAINERD"),
			ServiceAccount: nodeEmail,
			OauthScopes:    pulumi.ToStringArray([]string{cloudPlatformScope}),
			ShieldedInstanceConfig: &container.NodePoolNodeConfigShieldedInstanceConfigArgs{
				EnableSecureBoot:          pulumi.Bool(true),
				EnableIntegrityMonitoring: pulumi.Bool(true),
			},
			// Pods see the GKE metadata server (Workload Identity), never the node's identity.
			WorkloadMetadataConfig: &container.NodePoolNodeConfigWorkloadMetadataConfigArgs{Mode: pulumi.String("GKE_METADATA")},
			Metadata:               pulumi.StringMap{"disable-legacy-endpoints": pulumi.String("true")},
			Labels:                 pulumi.StringMap{"environment": pulumi.String(s.Env)},
			ResourceLabels:         pulumi.ToStringMap(s.Labels),
		},
		// The initial count only matters at creation; a later change of the minimum must not
		// replace the pool (initialNodeCount forces replacement).
	}, childOpts(c, pulumi.IgnoreChanges([]string{"initialNodeCount"}))...)
}

// setOutputs fills the component's outputs from what NewCluster created (all but ImageMirror).
func (c *Cluster) setOutputs(clusterName string, cluster *container.Cluster, pool *container.NodePool, nodeSA *serviceaccount.Account, keys clusterKeys, number string) {
	ca := cluster.MasterAuth.ClusterCaCertificate().ApplyT(deref).(pulumi.StringOutput)
	c.ClusterName = cluster.Name
	c.ClusterID = cluster.ID().ToStringOutput()
	c.Location = cluster.Location
	c.Endpoint = cluster.Endpoint
	c.CACertificate = ca
	c.WorkloadPool = cluster.WorkloadIdentityConfig.WorkloadPool().ApplyT(func(p *string) (string, error) {
		if p == nil || *p == "" {
			return "", fmt.Errorf("cluster %s has no workload identity pool", clusterName)
		}
		return *p, nil
	}).(pulumi.StringOutput)
	c.OIDCIssuer = pulumi.Sprintf("https://container.googleapis.com/v1/projects/%s/locations/%s/clusters/%s",
		cluster.Project, cluster.Location, cluster.Name)
	c.Kubeconfig = pulumi.ToSecret(pulumi.All(cluster.Project, cluster.Location, cluster.Name, cluster.Endpoint, ca).
		ApplyT(func(v []interface{}) (string, error) {
			return kubeconfig(v[0].(string), v[1].(string), v[2].(string), v[3].(string), v[4].(string))
		})).(pulumi.StringOutput)
	c.NodePoolName = pool.Name
	c.NodeServiceAccountEmail = nodeSA.Email
	c.KMSKeyRingID = keys.ring.ID().ToStringOutput()
	c.KMSKeyID = keys.key.ID().ToStringOutput()
	c.ProjectNumber = pulumi.String(number).ToStringOutput()
}

// outputMap is what RegisterResourceOutputs records for the component.
func (c *Cluster) outputMap() pulumi.Map {
	return pulumi.Map{
		"clusterName":             c.ClusterName,
		"clusterId":               c.ClusterID,
		"location":                c.Location,
		"endpoint":                c.Endpoint,
		"caCertificate":           c.CACertificate,
		"workloadPool":            c.WorkloadPool,
		"oidcIssuer":              c.OIDCIssuer,
		"kubeconfig":              c.Kubeconfig,
		"nodePoolName":            c.NodePoolName,
		"nodeServiceAccountEmail": c.NodeServiceAccountEmail,
		"kmsKeyRingId":            c.KMSKeyRingID,
		"kmsKeyId":                c.KMSKeyID,
		"projectNumber":           c.ProjectNumber,
		"imageMirror":             c.ImageMirror,
	}
}

// projectNumber looks the project up by id.
func projectNumber(ctx *pulumi.Context, parent pulumi.Resource, project string) (string, error) {
	res, err := projects.GetProject(ctx, &projects.GetProjectArgs{Filter: "id:" + project}, pulumi.Parent(parent))
	if err != nil {
		return "", fmt.Errorf("look up project %s: %w", project, err)
	}
	for _, p := range res.Projects {
		if p.ProjectId == project && p.Number != "" {
			return p.Number, nil
		}
	}
	return "", fmt.Errorf("project %s not found (does the deployer have resourcemanager.projects.get on it?)", project)
}

// deref reads an optional string output ("" when unset).
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// kubeconfig renders a kubeconfig (JSON, which is valid YAML) that authenticates through
// gke-gcloud-auth-plugin, named like the one gcloud writes.
func kubeconfig(project, location, name, endpoint, caData string) (string, error) {
	if endpoint == "" || caData == "" {
		return "", fmt.Errorf("cluster %s has no endpoint or CA certificate yet", name)
	}
	ctxName := fmt.Sprintf("gke_%s_%s_%s", project, location, name)
	cfg := map[string]interface{}{
		"apiVersion":      "v1",
		"kind":            "Config",
		"current-context": ctxName,
		"clusters": []interface{}{map[string]interface{}{
			"name": ctxName,
			"cluster": map[string]interface{}{
				"server":                     "https://" + endpoint,
				"certificate-authority-data": caData,
			},
		}},
		"contexts": []interface{}{map[string]interface{}{
			"name":    ctxName,
			"context": map[string]interface{}{"cluster": ctxName, "user": ctxName},
		}},
		"users": []interface{}{map[string]interface{}{
			"name": ctxName,
			"user": map[string]interface{}{"exec": map[string]interface{}{
				"apiVersion":         "client.authentication.k8s.io/v1beta1",
				"command":            "gke-gcloud-auth-plugin",
				"provideClusterInfo": true,
				"installHint":        "Install gke-gcloud-auth-plugin: https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin",
			}},
		}},
	}
	out, err := json.MarshalIndent(cfg, "", "  ")
	return string(out), err
}

// bootDiskKey is the node boot disks' key, in the cluster's key ring, with the Compute Engine
// service agent allowed to use it: GKE creates node disks through Compute Engine, whose agent
// (service-NUMBER@compute-system.iam.gserviceaccount.com) must hold Encrypter/Decrypter
// (cloud.google.com/kubernetes-engine/docs/how-to/using-cmek, "Grant permission to use the
// key"). The key id is returned from the grant so a pool that takes it waits for the grant.
func bootDiskKey(ctx *pulumi.Context, name string, c *Cluster, keyRing pulumi.IDOutput, number string,
	s *ClusterArgs, stateful pulumi.ResourceOption) (pulumi.StringOutput, error) {
	key, err := kms.NewCryptoKey(ctx, name+"-boot-key", &kms.CryptoKeyArgs{
		KeyRing:        keyRing,
		Name:           pulumi.String(s.Name + "-boot"),
		Purpose:        pulumi.String("ENCRYPT_DECRYPT"),
		RotationPeriod: pulumi.String(fmt.Sprintf("%ds", s.KMSRotationDays*86400)),
		Labels:         pulumi.ToStringMap(s.Labels),
	}, childOpts(c, stateful, pulumi.RetainOnDelete(true))...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	agent := s.Project.ToStringOutput().ApplyT(func(string) string {
		return fmt.Sprintf("serviceAccount:service-%s@compute-system.iam.gserviceaccount.com", number)
	}).(pulumi.StringOutput)
	grant, err := kms.NewCryptoKeyIAMMember(ctx, name+"-compute-agent-kms", &kms.CryptoKeyIAMMemberArgs{
		CryptoKeyId: key.ID(),
		Role:        pulumi.String(kmsEncrypterDecrypter),
		Member:      agent,
	}, childOpts(c)...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	return grant.CryptoKeyId, nil
}

// securityGroup is the cluster's Google Groups for RBAC setting; nil leaves it off.
func securityGroup(group string) container.ClusterAuthenticatorGroupsConfigPtrInput {
	if group == "" {
		return nil
	}
	return &container.ClusterAuthenticatorGroupsConfigArgs{SecurityGroup: pulumi.String(group)}
}

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}
