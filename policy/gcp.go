package policy

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"strconv"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// GCP resource types.
const (
	clusterType    = "gcp:container/cluster:Cluster"
	nodePoolType   = "gcp:container/nodePool:NodePool"
	cryptoKeyType  = "gcp:kms/cryptoKey:CryptoKey"
	subnetworkType = "gcp:compute/subnetwork:Subnetwork"
	maxKeyRotation = 90 * 24 * 60 * 60 // seconds
)

// iamTypes match every IAM member, binding and policy resource of the gcp provider
// (projects, service accounts, KMS keys, buckets, …).
var iamTypes = []string{"gcp:*/*:*IAMMember", "gcp:*/*:*IAMBinding", "gcp:*/*:*IAMPolicy"}

// hierarchyIAMTypes grant on a project, folder or organization: every resource below.
var hierarchyIAMTypes = []string{"gcp:projects/*:IAM*", "gcp:folder/*:IAM*", "gcp:organizations/*:IAM*"}

var gkeRules = []Rule{
	{ID: "GKE-001", Severity: High, Types: []string{clusterType},
		External:    []string{"CKV_GCP_25", "CKV_GCP_64", "AVD-GCP-0059", "KICS 6ccb85d7", "CIS GKE 5.6.5"},
		Description: "GKE nodes must be private (privateClusterConfig.enablePrivateNodes=true). High: nodes with public IPs are reachable from the internet.",
		Remediation: "Set privateClusterConfig.enablePrivateNodes to true (Cloud NAT for egress).",
		check:       isTrue("privateClusterConfig.enablePrivateNodes")},
	{ID: "GKE-002", Severity: High, Types: []string{clusterType},
		External:    []string{"KICS edea054b", "CIS GKE 5.2.2"},
		Description: "GKE must enable Workload Identity (workloadIdentityConfig.workloadPool). High: without it pods use the node's service account.",
		Remediation: "Set workloadIdentityConfig.workloadPool to PROJECT_ID.svc.id.goog.",
		check:       nonEmpty("workloadIdentityConfig.workloadPool")},
	{ID: "GKE-003", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CKV_GCP_71", "AVD-GCP-0055", "KICS 579a0727", "CIS GKE 5.5.5"},
		Description: "GKE shielded nodes must not be disabled. Medium: they stop a compromised node impersonating another.",
		Remediation: "Remove enableShieldedNodes or set it to true.",
		check:       notFalse("enableShieldedNodes")},
	{ID: "GKE-004", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CKV_GCP_70", "KICS c1701dcf", "CIS GKE 5.5.4"},
		Description: "GKE must be enrolled in a release channel. Medium: unenrolled clusters fall behind on security patches.",
		Remediation: "Set releaseChannel.channel to STABLE or REGULAR.",
		check:       enum("releaseChannel.channel", "", "RAPID", "REGULAR", "STABLE", "EXTENDED")},
	{ID: "GKE-005", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CKV_GCP_66", "KICS 4ca625e5"},
		Description: "GKE must enforce Binary Authorization (evaluationMode PROJECT_SINGLETON_POLICY_ENFORCE). Medium: otherwise any image can run.",
		Remediation: "Set binaryAuthorization.evaluationMode to PROJECT_SINGLETON_POLICY_ENFORCE.",
		check:       enum("binaryAuthorization.evaluationMode", "", "PROJECT_SINGLETON_POLICY_ENFORCE")},
	{ID: "GKE-006", Severity: Medium, Types: []string{clusterType},
		External:    []string{"KICS 83d1c89f", "CIS GKE 5.3.1"},
		Description: "GKE must encrypt Kubernetes Secrets at the application layer with a Cloud KMS key. Medium: etcd then holds only ciphertext.",
		Remediation: "Set databaseEncryption to {state: ENCRYPTED, keyName: <KMS key id>}.",
		check:       all(enum("databaseEncryption.state", "", "ENCRYPTED"), nonEmpty("databaseEncryption.keyName"))},
	{ID: "GKE-007", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CIS GKE 5.2.1", "CKV_GCP_123"},
		Description: "GKE must remove the default node pool and declare no node pool inline. Medium: the default pool runs as the Compute Engine default service account with unhardened settings, and inline pools cannot be changed without replacing the cluster.",
		Remediation: "Set removeDefaultNodePool to true and manage node pools as gcp.container.NodePool.",
		check:       all(isTrue("removeDefaultNodePool"), noInlinePools)},
	{ID: "GKE-008", Severity: High, Types: []string{clusterType},
		External:    []string{"CKV_GCP_20", "AVD-GCP-0061", "CIS GKE 5.6.3"},
		Description: "The GKE control plane must only be reachable from listed networks: masterAuthorizedNetworksConfig set, no 0.0.0.0/0, no blanket Google Cloud public IPs. High: the API server is then exposed to the internet.",
		Remediation: "Set masterAuthorizedNetworksConfig.cidrBlocks to the admin networks and gcpPublicCidrsAccessEnabled to false (or use a private endpoint).",
		check:       controlPlaneExposure},
	{ID: "GKE-009", Severity: High, Types: []string{clusterType},
		External:    []string{"CKV_GCP_7", "AVD-GCP-0062", "KICS 5baa92d2", "CIS GKE 5.8.3"},
		Description: "GKE legacy ABAC must be off. High: ABAC grants broad, unaudited permissions that bypass RBAC.",
		Remediation: "Remove enableLegacyAbac or set it to false.",
		check:       notTrue("enableLegacyAbac")},
	{ID: "GKE-010", Severity: High, Types: []string{clusterType},
		External:    []string{"CKV_GCP_13", "AVD-GCP-0064", "KICS 73fb21a1", "CIS GKE 5.8.1"},
		Description: "GKE must not issue a client certificate. High: it is a long-lived, non-revocable cluster-admin credential.",
		Remediation: "Remove masterAuth.clientCertificateConfig or set issueClientCertificate to false.",
		check:       notTrue("masterAuth.clientCertificateConfig.issueClientCertificate")},
	{ID: "GKE-011", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CKV_GCP_12", "AVD-GCP-0056", "CIS GKE 4.3.1"},
		Description: "GKE must enforce network policies (Dataplane V2 or networkPolicy.enabled). Medium: otherwise every pod can reach every other pod.",
		Remediation: "Set datapathProvider to ADVANCED_DATAPATH.",
		check:       networkPolicyEnforced},
	{ID: "GKE-012", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CKV_GCP_1", "CKV_GCP_8", "AVD-GCP-0052", "AVD-GCP-0060", "KICS 4c7ebcb2", "KICS 30e8dfd2", "CIS GKE 5.7.1"},
		Description: "GKE logging and monitoring must not be turned off. Medium: incidents would leave no audit or workload trail.",
		Remediation: "Remove loggingService/monitoringService (or set the *.googleapis.com/kubernetes services) and keep loggingConfig components.",
		check:       telemetryEnabled},
	{ID: "GKE-013", Severity: Low, Types: []string{clusterType},
		Description: "GKE deletion protection should stay on. Low: it only guards against accidental deletion.",
		Remediation: "Remove deletionProtection or set it to true.",
		check:       notFalse("deletionProtection")},
	{ID: "GKE-014", Severity: Low, Types: []string{clusterType},
		External:    []string{"CKV_GCP_61", "CIS GKE 5.6.1"},
		Description: "GKE intranode visibility must be on (enableIntranodeVisibility=true). Low: without it traffic between pods on one node never reaches the VPC, so flow logs and firewall rules miss it.",
		Remediation: "Set enableIntranodeVisibility to true.",
		check:       isTrue("enableIntranodeVisibility")},
	{ID: "GKE-015", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CIS GKE 5.1.1"},
		Description: "A project with a GKE cluster must enable the Container Scanning API (containerscanning.googleapis.com), so Artifact Analysis scans the images the cluster pulls from Artifact Registry. Medium: GKE's own posture scanning needs GKE Enterprise (VULNERABILITY_BASIC is no longer supported), so this is the only vulnerability scan of the images.",
		Remediation: "Enable containerscanning.googleapis.com (a gcp:projects/service:Service in gcp.APIs).",
		stack:       containerScanning},
}

const (
	projectServiceType   = "gcp:projects/service:Service"
	containerScanningAPI = "containerscanning.googleapis.com"
)

// containerScanning names each cluster planned without the Container Scanning API enabled, in a
// stack that manages the project's APIs (one that enables none leaves them to someone else).
func containerScanning(st stack) []violation {
	services := ofType(st, projectServiceType)
	if len(services) == 0 {
		return nil
	}
	for _, r := range services {
		if svc := get(r.Inputs, "service"); svc.Unknown() || oneOf(svc.Text(), containerScanningAPI) {
			return nil
		}
	}
	var out []violation
	for _, r := range ofType(st, clusterType) {
		out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name,
			Message: containerScanningAPI + " is not enabled: no vulnerability scan of the cluster's images"})
	}
	return out
}

var nodePoolRules = []Rule{
	{ID: "NODE-001", Severity: Medium, Types: []string{nodePoolType},
		External:    []string{"CKV_GCP_68", "CKV_GCP_72", "CIS GKE 5.5.6", "CIS GKE 5.5.7"},
		Description: "GKE nodes must be shielded VMs with secure boot on and integrity monitoring not off. Medium: guards against boot-level rootkits.",
		Remediation: "Set nodeConfig.shieldedInstanceConfig {enableSecureBoot: true, enableIntegrityMonitoring: true}.",
		check: all(isTrue("nodeConfig.shieldedInstanceConfig.enableSecureBoot"),
			notFalse("nodeConfig.shieldedInstanceConfig.enableIntegrityMonitoring"))},
	{ID: "NODE-002", Severity: High, Types: []string{nodePoolType},
		External:    []string{"CKV_GCP_69", "AVD-GCP-0057", "KICS e858428b", "CIS GKE 5.4.1"},
		Description: "GKE nodes must run the GKE metadata server (workloadMetadataConfig.mode GKE_METADATA). High: otherwise pods can read the node's service-account token.",
		Remediation: "Set nodeConfig.workloadMetadataConfig.mode to GKE_METADATA.",
		check:       enum("nodeConfig.workloadMetadataConfig.mode", "", "GKE_METADATA")},
	{ID: "NODE-003", Severity: Medium, Types: []string{nodePoolType}, External: []string{"AVD-GCP-0048"},
		Description: `GKE nodes must disable the legacy metadata endpoints (metadata "disable-legacy-endpoints" = "true"). Medium: the v1beta1 endpoints skip the metadata-flavor header check.`,
		Remediation: `Set nodeConfig.metadata["disable-legacy-endpoints"] to "true".`,
		check:       legacyEndpointsDisabled},
	{ID: "NODE-004", Severity: Medium, Types: []string{nodePoolType},
		External:    []string{"CKV_GCP_22", "AVD-GCP-0054", "KICS 8a893e46", "CIS GKE 5.5.1"},
		Description: "GKE nodes must use Container-Optimized OS with containerd (the default). Medium: it is the hardened, auto-patched node image.",
		Remediation: "Remove nodeConfig.imageType or set it to COS_CONTAINERD.",
		check:       enum("nodeConfig.imageType", "COS_CONTAINERD", "COS_CONTAINERD")},
	{ID: "NODE-005", Severity: Medium, Types: []string{nodePoolType},
		External:    []string{"CKV_GCP_9", "CKV_GCP_10", "AVD-GCP-0058", "AVD-GCP-0063", "KICS acfdbec6", "KICS b139213e", "CIS GKE 5.5.2", "CIS GKE 5.5.3"},
		Description: "GKE node auto-repair and auto-upgrade must not be off. Medium: nodes would miss security patches.",
		Remediation: "Remove management or set autoRepair and autoUpgrade to true.",
		check:       all(notFalse("management.autoRepair"), notFalse("management.autoUpgrade"))},
	{ID: "NODE-006", Severity: High, Types: []string{nodePoolType},
		External:    []string{"AVD-GCP-0050", "KICS 1c8eef02", "KICS 8ef3f681", "CIS GKE 5.2.1"},
		Description: "GKE nodes must run as a dedicated service account, not the Compute Engine default one. High: the default account has the project Editor role.",
		Remediation: "Set nodeConfig.serviceAccount to a minimal node service account (roles/container.defaultNodeServiceAccount).",
		check:       nodeServiceAccount},
	{ID: "NODE-007", Severity: Medium, Types: []string{nodePoolType},
		External:    []string{"CIS GKE 5.9.2"},
		Description: "GKE node boot disks must be encrypted with a customer-managed key (nodeConfig.bootDiskKmsKey). Medium: the key's rotation, access and destruction are then ours, as for the cluster's secrets (GKE-006).",
		Remediation: "Set nodeConfig.bootDiskKmsKey to a Cloud KMS key the Compute Engine service agent may use (a change replaces the pool).",
		check:       nonEmpty("nodeConfig.bootDiskKmsKey")},
}

var gcpIAMRules = []Rule{
	{ID: "IAM-001", Severity: High, Types: iamTypes,
		Description: "IAM grants must not use the primitive roles owner, editor or viewer. High: they span every service in the project.",
		Remediation: "Grant predefined roles scoped to the task (e.g. roles/monitoring.metricWriter).",
		check:       iamCheck(primitiveRole)},
	{ID: "IAM-002", Severity: High, Types: iamTypes,
		External:    []string{"KICS 16cc87d1"},
		Description: "IAM grants must not name allUsers or allAuthenticatedUsers. High: the resource becomes public.",
		Remediation: "Grant to specific service accounts, groups or workload identities.",
		check:       iamCheck(publicMember)},
	{ID: "IAM-004", Severity: High, Types: hierarchyIAMTypes,
		External:    []string{"AVD-GCP-0011", "KICS 617ef6ff", "KICS c68b4e6d"},
		Description: "Project-, folder- or organization-wide grants must not include service-account impersonation or IAM administration roles. High: the grantee can act as every service account below.",
		Remediation: "Grant roles/iam.workloadIdentityUser / serviceAccountUser on the one service account instead.",
		check:       iamCheck(impersonationRole)},
}

var kmsRules = []Rule{
	{ID: "KMS-001", Severity: Medium, Types: []string{cryptoKeyType},
		External:    []string{"CKV_GCP_43", "AVD-GCP-0065", "KICS d8c57c4e"},
		Description: "KMS keys must rotate at least every 90 days (rotationPeriod). Medium: limits how much data one key version protects.",
		Remediation: `Set rotationPeriod to at most "7776000s".`,
		check:       keyRotation},
}

var networkRules = []Rule{
	{ID: "NET-001", Severity: Medium, Types: []string{subnetworkType},
		External:    []string{"CKV_GCP_74", "AVD-GCP-0075", "KICS ee7b93c1"},
		Description: "Subnets must enable Private Google Access. Medium: private nodes otherwise need public egress to reach Google APIs.",
		Remediation: "Set privateIpGoogleAccess to true.",
		check:       isTrue("privateIpGoogleAccess")},
	{ID: "NET-002", Severity: Low, Types: []string{subnetworkType},
		External:    []string{"CKV_GCP_26", "AVD-GCP-0029", "AVD-GCP-0076", "KICS 40430747", "CIS GKE 5.6.1"},
		Description: "Subnets should export VPC flow logs (logConfig). Low: visibility for investigations.",
		Remediation: "Set logConfig (e.g. aggregationInterval INTERVAL_5_SEC, flowSampling 0.5).",
		check:       nonEmpty("logConfig")},
	{ID: "NAT-001", Severity: Low, Types: []string{routerNatType},
		Description: "Cloud NAT must serve a list of subnets (sourceSubnetworkIpRangesToNat LIST_OF_SUBNETWORKS with subnetworks), not every subnet of the VPC. Low: a subnet added later would otherwise get internet egress without anyone deciding it.",
		Remediation: "Set sourceSubnetworkIpRangesToNat to LIST_OF_SUBNETWORKS and list the cluster subnet in subnetworks.",
		check:       all(enum("sourceSubnetworkIpRangesToNat", "", "LIST_OF_SUBNETWORKS"), nonEmpty("subnetworks"))},
}

const routerNatType = "gcp:compute/routerNat:RouterNat"

func controlPlaneExposure(r Resource) []string {
	cfg := get(r.Inputs, "masterAuthorizedNetworksConfig")
	if cfg.Unknown() {
		return nil
	}
	if cfg.Absent() {
		if private, ok := get(r.Inputs, "privateClusterConfig.enablePrivateEndpoint").Boolean(); ok && private {
			return nil
		}
		return msgf("masterAuthorizedNetworksConfig is not set: the public control-plane endpoint accepts any address")
	}
	var out []string
	for i, block := range get(r.Inputs, "masterAuthorizedNetworksConfig.cidrBlocks").Array() {
		cidr := unwrap(block).Object()
		if p, err := netip.ParsePrefix(strings.TrimSpace(get(cidr, "cidrBlock").Text())); err == nil && p.Bits() == 0 {
			out = append(out, fmt.Sprintf("masterAuthorizedNetworksConfig.cidrBlocks[%d] is %s: open to the internet", i, p))
		}
	}
	if on, ok := get(r.Inputs, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled").Boolean(); ok && on {
		out = append(out, "masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled is true: any Google Cloud VM can reach the control plane")
	}
	return out
}

func networkPolicyEnforced(r Resource) []string {
	dp, np := get(r.Inputs, "datapathProvider"), get(r.Inputs, "networkPolicy.enabled")
	if dp.Unknown() || np.Unknown() || oneOf(dp.Text(), "ADVANCED_DATAPATH") {
		return nil
	}
	if on, ok := np.Boolean(); ok && on {
		return nil
	}
	return msgf("datapathProvider is %s and networkPolicy is not enabled", describe(dp, "LEGACY_DATAPATH"))
}

func telemetryEnabled(r Resource) []string {
	var out []string
	for _, path := range []string{"loggingService", "monitoringService"} {
		if p := get(r.Inputs, path); oneOf(p.Text(), "none") {
			out = append(out, fmt.Sprintf("%s is %s", path, p.Show()))
		}
	}
	if p := get(r.Inputs, "loggingConfig.enableComponents"); p.V.IsArray() && len(p.Array()) == 0 {
		out = append(out, "loggingConfig.enableComponents is empty: no logs are collected")
	}
	return out
}

func legacyEndpointsDisabled(r Resource) []string {
	metadata := get(r.Inputs, "nodeConfig.metadata")
	if metadata.Unknown() {
		return nil
	}
	p := unwrap(metadata.Object()["disable-legacy-endpoints"])
	if p.Unknown() {
		return nil
	}
	if b, ok := p.Boolean(); ok && b {
		return nil
	}
	shown := "is not set"
	if !p.Absent() {
		shown = "is " + p.Show()
	}
	return msgf(`nodeConfig.metadata["disable-legacy-endpoints"] %s; want "true"`, shown)
}

func nodeServiceAccount(r Resource) []string {
	p := get(r.Inputs, "nodeConfig.serviceAccount")
	switch sa := strings.TrimSpace(p.Text()); {
	case p.Unknown():
		return nil
	case sa == "":
		return msgf("nodeConfig.serviceAccount is not set: nodes run as the Compute Engine default service account")
	case sa == "default" || strings.HasSuffix(sa, "-compute@developer.gserviceaccount.com"):
		return msgf("nodeConfig.serviceAccount is %s, the Compute Engine default service account", p.Show())
	}
	return nil
}

// grant is one role given to one member by an IAM resource.
type grant struct{ role, member string }

// iamCheck applies judge to every grant of an IAM member, binding or policy resource.
func iamCheck(judge func(grant) string) check {
	return func(r Resource) []string {
		var out []string
		for _, g := range grants(r) {
			if msg := judge(g); msg != "" {
				out = append(out, msg)
			}
		}
		return out
	}
}

// grants reads role/member (IAMMember), role/members (IAMBinding) and policyData (IAMPolicy).
func grants(r Resource) []grant {
	role := get(r.Inputs, "role").Text()
	var out []grant
	if m := get(r.Inputs, "member"); !m.Absent() {
		out = append(out, grant{role, m.Text()})
	}
	for _, m := range get(r.Inputs, "members").Strings() {
		out = append(out, grant{role, m})
	}
	if role != "" && len(out) == 0 {
		out = append(out, grant{role: role})
	}
	if data := get(r.Inputs, "policyData"); data.V.IsString() {
		var policy struct {
			Bindings []struct {
				Role    string   `json:"role"`
				Members []string `json:"members"`
			} `json:"bindings"`
		}
		if json.Unmarshal([]byte(data.V.StringValue()), &policy) == nil {
			for _, b := range policy.Bindings {
				for _, m := range b.Members {
					out = append(out, grant{b.Role, m})
				}
			}
		}
	}
	return out
}

func primitiveRole(g grant) string {
	if oneOf(g.role, "roles/owner", "roles/editor", "roles/viewer") {
		return fmt.Sprintf("grants the primitive role %s to %s", g.role, orNobody(g.member))
	}
	return ""
}

func publicMember(g grant) string {
	if oneOf(g.member, "allUsers", "allAuthenticatedUsers") || strings.HasPrefix(g.member, "principalSet://goog/public:") {
		return fmt.Sprintf("grants %s to %s", orNobody(g.role), g.member)
	}
	return ""
}

// impersonationRoles let the grantee act as, or administer, every service account in scope.
var impersonationRoles = []string{"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator",
	"roles/iam.workloadIdentityUser", "roles/iam.serviceAccountKeyAdmin", "roles/iam.serviceAccountAdmin",
	"roles/iam.securityAdmin", "roles/resourcemanager.projectIamAdmin"}

func impersonationRole(g grant) string {
	if oneOf(g.role, impersonationRoles...) {
		return fmt.Sprintf("grants %s to %s on the whole project/folder/organization", g.role, orNobody(g.member))
	}
	return ""
}

func orNobody(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

func keyRotation(r Resource) []string {
	p := get(r.Inputs, "rotationPeriod")
	switch {
	case p.Unknown():
		return nil
	case p.Absent():
		return msgf("rotationPeriod is not set: the key never rotates")
	}
	seconds, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(p.Text()), "s"), 64)
	if err != nil || seconds <= 0 {
		return msgf(`rotationPeriod is %s; want a duration such as "7776000s"`, p.Show())
	}
	if seconds > maxKeyRotation {
		return msgf("rotationPeriod is %s (%.0f days); want at most 90 days", p.Show(), seconds/86400)
	}
	return nil
}

var podSecurityRules = []Rule{
	{ID: "PSA-001", Severity: Medium, Types: []string{namespaceType},
		External:    []string{"CIS GKE 4.2.1"},
		Description: "Every Kubernetes namespace the program creates must enforce a Pod Security Standard (label pod-security.kubernetes.io/enforce baseline or restricted). Medium: without it any pod spec, privileged or host-networked included, is admitted.",
		Remediation: "Label the namespace pod-security.kubernetes.io/enforce=baseline (meshed namespaces: the strictest level Istio documents) or restricted, with warn/audit=restricted.",
		check:       podSecurityEnforced},
}

const psaEnforce = "pod-security.kubernetes.io/enforce"

// podSecurityEnforced reads the label by key (label keys hold dots, which get() splits on).
func podSecurityEnforced(r Resource) []string {
	lbls := get(r.Inputs, "metadata.labels")
	if lbls.Unknown() {
		return nil
	}
	level := prop{V: resource.NewNullProperty()}
	if obj := lbls.Object(); obj != nil {
		level = unwrap(obj[resource.PropertyKey(psaEnforce)])
	}
	switch {
	case level.Unknown(), oneOf(level.Text(), "baseline", "restricted"):
		return nil
	case level.Absent():
		return msgf("label %s is not set; want baseline or restricted", psaEnforce)
	}
	return msgf("label %s is %s; want baseline or restricted", psaEnforce, level.Show())
}

// noInlinePools: CKV_GCP_123 wants node pools as their own resources, not nodePools blocks.
func noInlinePools(r Resource) []string {
	if len(get(r.Inputs, "nodePools").Array()) > 0 {
		return msgf("nodePools declares node pools inline; use gcp.container.NodePool")
	}
	return nil
}
