package policy

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// GCP resource types. The per-resource rules on the cluster, its node pool and its KMS keys
// are the cluster component's (gcp/cluster/spec); the rules here look across resources or
// inspect types several components register (IAM members, networks).
const (
	clusterType    = "gcp:container/cluster:Cluster"
	nodePoolType   = "gcp:container/nodePool:NodePool"
	cryptoKeyType  = "gcp:kms/cryptoKey:CryptoKey"
	subnetworkType = "gcp:compute/subnetwork:Subnetwork"
)

// iamTypes match every IAM member, binding and policy resource of the gcp provider
// (projects, service accounts, KMS keys, buckets, …).
var iamTypes = []string{"gcp:*/*:*IAMMember", "gcp:*/*:*IAMBinding", "gcp:*/*:*IAMPolicy"}

// hierarchyIAMTypes grant on a project, folder or organization: every resource below.
var hierarchyIAMTypes = []string{"gcp:projects/*:IAM*", "gcp:folder/*:IAM*", "gcp:organizations/*:IAM*"}

// gkeRules: the cluster needs an API that another component (services.NewServices) enables.
var gkeRules = []Rule{
	{ID: "GKE-015", Severity: Medium, Types: []string{clusterType},
		External:    []string{"CIS GKE 5.1.1"},
		Description: "A project with a GKE cluster must enable the Container Scanning API (containerscanning.googleapis.com), so Artifact Analysis scans the images the cluster pulls from Artifact Registry. Medium: GKE's own posture scanning needs GKE Enterprise (VULNERABILITY_BASIC is no longer supported), so this is the only vulnerability scan of the images.",
		Remediation: "Enable containerscanning.googleapis.com (a gcp:projects/service:Service in services.APIs, gcp/services).",
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

// NET-001, NET-002 and NAT-001 judge types only the network registers: gcp/network/spec.
// The types stay named here for the rules across resources (XNET-001, the sign-in's egress).
const routerNatType = "gcp:compute/routerNat:RouterNat"

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
