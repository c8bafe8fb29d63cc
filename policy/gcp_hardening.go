package policy

import (
	"fmt"
	"strings"
)

const (
	binauthzPolicyType = "gcp:binaryauthorization/policy:Policy"
	cloudAssetAPI      = "cloudasset.googleapis.com"
)

// gcpHardeningRules turn what the GCP components build by construction into checks (issue 14:
// IAM members, the Cloud Asset API, the node account's roles, the project's Binary
// Authorization policy). The cluster's own per-resource rules are in gcp/cluster/spec.
var gcpHardeningRules = []Rule{
	{ID: "IAM-006", Severity: Medium, Types: iamTypes,
		External:    []string{"AVD-GCP-0003", "AVD-GCP-0006", "AVD-GCP-0069", "KICS 9356962e-4a4f-4d06-ac59-dc8008775eaa"},
		Description: "IAM grants must not name individual users (user:), consumer accounts (gmail.com) or the Compute Engine / App Engine default service accounts. Medium: grants to people outlive their role and escape group review, and a default service account is shared by everything that runs without its own.",
		Remediation: "Grant to a group (group:) or to a dedicated service account created for the task.",
		check:       iamCheck(personalOrDefaultMember)},
	{ID: "API-001", Severity: Low,
		External:    []string{"KICS 4f60da73-190e-4048-8e1d-cc5a3974cd15"},
		Description: "A stack that manages the project's APIs must enable the Cloud Asset API (cloudasset.googleapis.com). Low: Cloud Asset Inventory keeps the history of resources and IAM policies an investigation needs.",
		Remediation: "Enable cloudasset.googleapis.com (a gcp:projects/service:Service in services.APIs, gcp/services).",
		stack:       cloudAssetInventory},
	{ID: "NODE-008", Severity: High,
		External:    []string{"CIS GKE 5.1.3", "KICS b29ff836-5b2e-4089-a40c-086426ef3980"},
		Description: "The node service account may hold only the roles nodes need: read images (artifactregistry.reader), write logs and metrics, read monitoring, write resource metadata (or roles/container.defaultNodeServiceAccount). High: every pod that escapes to a node acts with these roles.",
		Remediation: "Grant the node service account only cluster.NodeRoles (or roles/container.defaultNodeServiceAccount); give workloads their own service accounts through Workload Identity.",
		stack:       nodeAccountRoles},
	{ID: "BINAUTHZ-001", Severity: High,
		External:    []string{"CIS GKE 5.1.4", "CIS GKE 4.5.1"},
		Description: "A cluster that enforces the project's Binary Authorization policy needs that policy in the stack, denying by default (not ALWAYS_ALLOW, enforced with audit logs), evaluating Google's system-image policy, exempting no whole registry, and admitting every image the stack's workloads name. High: the project's default policy allows every image, and a workload the policy refuses never starts.",
		Remediation: "Declare gcp.binaryauthorization.Policy with defaultAdmissionRule ALWAYS_DENY or REQUIRE_ATTESTATION (ENFORCED_BLOCK_AND_AUDIT_LOG), globalPolicyEvaluationMode ENABLE and admissionWhitelistPatterns naming the project's Artifact Registry (HOST/PROJECT/**).",
		stack:       binauthzPolicy},
}

func personalOrDefaultMember(g grant) string {
	m := strings.ToLower(strings.TrimSpace(g.member))
	switch {
	case strings.HasPrefix(m, "user:"):
		return fmt.Sprintf("grants %s to the individual %s; grant to a group", orNobody(g.role), g.member)
	case strings.HasSuffix(m, "@gmail.com") || strings.HasSuffix(m, "@googlemail.com"):
		return fmt.Sprintf("grants %s to the consumer account %s", orNobody(g.role), g.member)
	case strings.HasSuffix(m, "-compute@developer.gserviceaccount.com") || strings.HasSuffix(m, "@appspot.gserviceaccount.com"):
		return fmt.Sprintf("grants %s to the default service account %s", orNobody(g.role), g.member)
	}
	return ""
}

// cloudAssetInventory reports a stack that enables project APIs but not the Cloud Asset API,
// once, on the first of its services (a stack that enables none leaves the project's APIs to
// someone else).
func cloudAssetInventory(st stack) []violation {
	services := ofType(st, projectServiceType)
	if len(services) == 0 {
		return nil
	}
	for _, r := range services {
		if svc := get(r.Inputs, "service"); svc.Unknown() || oneOf(svc.Text(), cloudAssetAPI) {
			return nil
		}
	}
	first := services[0]
	for _, r := range services[1:] {
		if r.URN < first.URN {
			first = r
		}
	}
	return []violation{{URN: first.URN, Type: first.Type, Name: first.Name,
		Message: cloudAssetAPI + " is not enabled: no Cloud Asset Inventory history of the project's resources and IAM policies"}}
}

// binauthzPolicy judges the project policies in the stack and, with none, every cluster that
// enforces one; then checks that each policy admits the stack's workload images.
func binauthzPolicy(st stack) []violation {
	policies := ofType(st, binauthzPolicyType)
	var out []violation
	if len(policies) == 0 {
		for _, c := range ofType(st, clusterType) {
			if mode := get(c.Inputs, "binaryAuthorization.evaluationMode"); oneOf(mode.Text(), "PROJECT_SINGLETON_POLICY_ENFORCE") {
				out = append(out, violation{URN: c.URN, Type: c.Type, Name: c.Name,
					Message: "enforces the project's Binary Authorization policy, but the stack declares none: the project default admits every image"})
			}
		}
		return out
	}
	for _, p := range policies {
		for _, msg := range policyContent(p) {
			out = append(out, violation{URN: p.URN, Type: p.Type, Name: p.Name, Message: msg})
		}
		out = append(out, refusedImages(st, p)...)
	}
	return out
}

func policyContent(p Resource) []string {
	var out []string
	eval, enforce := get(p.Inputs, "defaultAdmissionRule.evaluationMode"), get(p.Inputs, "defaultAdmissionRule.enforcementMode")
	if !eval.Unknown() && !oneOf(eval.Text(), "ALWAYS_DENY", "REQUIRE_ATTESTATION") {
		out = append(out, fmt.Sprintf("defaultAdmissionRule.evaluationMode is %s; want ALWAYS_DENY or REQUIRE_ATTESTATION", describe(eval, "")))
	}
	if !enforce.Unknown() && !oneOf(enforce.Text(), "ENFORCED_BLOCK_AND_AUDIT_LOG") {
		out = append(out, fmt.Sprintf("defaultAdmissionRule.enforcementMode is %s; want ENFORCED_BLOCK_AND_AUDIT_LOG", describe(enforce, "")))
	}
	if g := get(p.Inputs, "globalPolicyEvaluationMode"); !g.Unknown() && !oneOf(g.Text(), "ENABLE") {
		out = append(out, fmt.Sprintf("globalPolicyEvaluationMode is %s; want ENABLE (Google's system images)", describe(g, "DISABLE")))
	}
	for i, pat := range allowPatterns(p) {
		if registry, path, _ := strings.Cut(pat, "/"); path == "" || strings.HasPrefix(path, "*") || oneOf(registry, "docker.io", "index.docker.io") {
			out = append(out, fmt.Sprintf("admissionWhitelistPatterns[%d] is %q: it exempts a whole public registry or every image", i, pat))
		}
	}
	return out
}

func allowPatterns(p Resource) []string {
	var out []string
	for _, raw := range get(p.Inputs, "admissionWhitelistPatterns").Array() {
		if n := get(unwrap(raw).Object(), "namePattern"); !n.Unknown() {
			out = append(out, strings.TrimSpace(n.Text()))
		}
	}
	return out
}

// refusedImages: with a deny-by-default rule, every known workload image must match an exempt
// pattern (no attestor is declared, so nothing else admits it). The mesh's injected gateway
// image ("auto") is resolved at admission to the managed proxy image the policy exempts.
func refusedImages(st stack, p Resource) []violation {
	if eval := get(p.Inputs, "defaultAdmissionRule.evaluationMode"); eval.Unknown() || oneOf(eval.Text(), "ALWAYS_ALLOW") {
		return nil
	}
	patterns := allowPatterns(p)
	var out []violation
	for _, typ := range podTypes {
		for _, r := range ofType(st, typ) {
			for _, raw := range get(r.Inputs, "spec.template.spec.containers").Array() {
				img := get(unwrap(raw).Object(), "image")
				if img.Unknown() || img.Text() == "auto" || admitted(img.Text(), patterns) {
					continue
				}
				out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name,
					Message: fmt.Sprintf("image %s matches no admissionWhitelistPatterns of %s: Binary Authorization would refuse the pod", img.Show(), p.Name)})
			}
		}
	}
	return out
}

// admitted follows the policy's pattern syntax (Binary Authorization policy YAML reference,
// admissionWhitelistPatterns): an exact image path, a trailing * that matches within one path
// segment, or a trailing ** that matches below it. Tags and digests are not part of the path.
func admitted(image string, patterns []string) bool {
	name, _, _ := strings.Cut(image, "@")
	if i := strings.LastIndex(name, ":"); i > strings.LastIndex(name, "/") {
		name = name[:i]
	}
	for _, pat := range patterns {
		switch {
		case strings.HasSuffix(pat, "**"):
			if strings.HasPrefix(name, strings.TrimSuffix(pat, "**")) {
				return true
			}
		case strings.HasSuffix(pat, "*"):
			prefix := strings.TrimSuffix(pat, "*")
			if strings.HasPrefix(name, prefix) && !strings.Contains(name[len(prefix):], "/") {
				return true
			}
		case name == pat:
			return true
		}
	}
	return false
}

// nodeRoles are the project roles GKE documents for a least-privilege node service account
// (cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster, "Use least
// privilege IAM service accounts"), plus read-only Artifact Registry access (CIS GKE 5.1.3).
var nodeRoles = []string{"roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader", "roles/logging.logWriter",
	"roles/monitoring.metricWriter", "roles/monitoring.viewer", "roles/stackdriver.resourceMetadata.writer", "roles/autoscaling.metricsWriter"}

// nodeAccountRoles judges every project-level grant to a service account that a node pool
// runs as.
func nodeAccountRoles(st stack) []violation {
	nodes := map[string]bool{}
	for _, p := range ofType(st, nodePoolType) {
		if sa := get(p.Inputs, "nodeConfig.serviceAccount"); !sa.Unknown() && sa.Text() != "" {
			nodes["serviceaccount:"+strings.ToLower(strings.TrimSpace(sa.Text()))] = true
		}
	}
	var out []violation
	for _, r := range st.resources {
		if !(Rule{Types: hierarchyIAMTypes}).applies(r.Type) {
			continue
		}
		for _, g := range grants(r) {
			if nodes[strings.ToLower(strings.TrimSpace(g.member))] && !oneOf(g.role, nodeRoles...) {
				out = append(out, violation{URN: r.URN, Type: r.Type, Name: r.Name,
					Message: fmt.Sprintf("grants %s to the node service account %s", orNobody(g.role), g.member)})
			}
		}
	}
	return out
}
