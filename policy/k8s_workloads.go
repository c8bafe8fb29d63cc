package policy

import (
	"fmt"
	"net/netip"
	"strings"
)

// Kubernetes types the workload-hardening rules read besides Deployments and Namespaces.
const (
	jobType              = "kubernetes:batch/v1:Job"
	serviceAccountType   = "kubernetes:core/v1:ServiceAccount"
	serviceAccountPatch  = "kubernetes:core/v1:ServiceAccountPatch"
	networkPolicyType    = "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	defaultServiceAcct   = "default"
	networkPolicyIngress = "Ingress"
)

// podTypes are the controllers whose pod template the POD-* rules judge.
var podTypes = []string{deploymentType, jobType}

// k8sWorkloadRules close gaps the external scanners name for the Kubernetes objects (Trivy
// AVD-KSV-*, CIS GKE Benchmark section 4) and for the cluster and IAM (issue 14).
var k8sWorkloadRules = []Rule{
	{ID: "POD-006", Severity: Medium, Types: podTypes,
		Description: "Every pod must state whether it mounts its service-account API token (automountServiceAccountToken at pod level; false unless the pod calls the API server). Medium: an implicit token lets an intruder call the API as the pod.",
		Remediation: "Set spec.template.spec.automountServiceAccountToken: false (true only for a pod that talks to the API server).",
		External:    []string{"CIS GKE 4.1.5", "AVD-KSV-0036"},
		check:       tokenMountDeclared},
	{ID: "KSA-001", Severity: Medium,
		Description: "The default ServiceAccount of every namespace the program creates must not automount API tokens. Medium: a pod that names no service account would otherwise carry a token.",
		Remediation: "Patch ServiceAccount default in the namespace with automountServiceAccountToken: false (core/v1 ServiceAccountPatch).",
		External:    []string{"CIS GKE 4.1.4"},
		stack:       defaultServiceAccountsQuiet},
	{ID: "NETPOL-001", Severity: Medium,
		Description: "Every namespace the program creates must have a NetworkPolicy that selects all its pods for ingress. Medium: without one any pod in the cluster can connect to them at L4.",
		Remediation: "Add a NetworkPolicy with podSelector {} and policyTypes [Ingress, …], allowing only the callers the namespace needs.",
		External:    []string{"CIS GKE 4.3.2"},
		stack:       namespacesIsolated},
	{ID: "IAM-005", Severity: High, Types: iamTypes,
		Description: "A service account must not be granted an administrator role (a role ending in admin) or owner/editor. High: a stolen workload credential would administer the service.",
		Remediation: "Grant the service account the narrow predefined role its task needs (a user, viewer, writer or accessor role).",
		External:    []string{"AVD-GCP-0007", "KICS 84d36481-fd63-48cb-838e-635c44806ec2"},
		check:       iamCheck(adminRoleToServiceAccount)},
	{ID: "GKE-016", Severity: High, Types: []string{clusterType},
		Description: "The GKE control plane must have only its private endpoint (privateClusterConfig.enablePrivateEndpoint=true). High: a public endpoint is reachable from the internet, filtered only by the authorized networks.",
		Remediation: "Set privateClusterConfig.enablePrivateEndpoint to true and deploy through the fleet Connect gateway.",
		External:    []string{"CIS GKE 5.6.4", "KICS 6ccb85d7-0420-4907-9380-50313f80946b", "AVD-GCP-0053"},
		check:       isTrue("privateClusterConfig.enablePrivateEndpoint")},
	{ID: "GKE-017", Severity: High, Types: []string{clusterType},
		Description: "Master authorized networks must list only private (RFC 1918, RFC 6598) ranges. High: a public range lets addresses on the internet reach the control plane.",
		Remediation: "Remove public CIDRs from masterAuthorizedNetworksConfig.cidrBlocks; reach the cluster through the Connect gateway or a private network.",
		External:    []string{"AVD-GCP-0053", "CKV_GCP_18", "CIS GKE 5.6.3"},
		check:       privateAuthorizedNetworks},
	{ID: "GKE-018", Severity: Low, Types: []string{clusterType},
		Description: "A GKE cluster must carry resource labels. Low: cost allocation and inventory rely on them.",
		Remediation: "Set resourceLabels (environment, owner, …).",
		External:    []string{"CKV_GCP_21", "AVD-GCP-0051", "KICS 65c1bc7a-4835-4ac4-a2b6-13d310b0648d"},
		check:       nonEmptyMap("resourceLabels")},
	{ID: "GKE-019", Severity: Medium, Types: []string{clusterType},
		Description: "A GKE cluster must be VPC-native (ipAllocationPolicy: alias IP ranges). Medium: routes-based clusters cannot use private clusters, Dataplane V2 or VPC firewalling of pod ranges.",
		Remediation: "Set ipAllocationPolicy with the pod and service secondary ranges (networkingMode VPC_NATIVE).",
		External:    []string{"CKV_GCP_23", "AVD-GCP-0049", "CIS GKE 5.6.2", "KICS c606ba1d-d736-43eb-ac24-e16108f3a9e0"},
		check:       vpcNative},
}

// tokenMountDeclared: the pod template states automountServiceAccountToken.
func tokenMountDeclared(r Resource) []string {
	pod := get(r.Inputs, "spec.template.spec")
	if pod.Unknown() {
		return nil
	}
	if get(r.Inputs, "spec.template.spec.automountServiceAccountToken").Absent() {
		return msgf("spec.template.spec.automountServiceAccountToken is not set: the pod mounts an API token unless its service account says otherwise")
	}
	return nil
}

// forEachNamespace reports every registered Namespace with a known name that lacks what has
// says it needs.
func forEachNamespace(st stack, has func(ns string) bool, problem string) []violation {
	var out []violation
	for _, n := range ofType(st, namespaceType) {
		name := get(n.Inputs, "metadata.name")
		if name.Unknown() || name.Text() == "" {
			continue
		}
		if !has(name.Text()) {
			out = append(out, violation{URN: n.URN, Type: n.Type, Name: n.Name, Message: fmt.Sprintf("namespace %s: %s", name.Text(), problem)})
		}
	}
	return out
}

func defaultServiceAccountsQuiet(st stack) []violation {
	quiet, unknown := map[string]bool{}, false
	for _, typ := range []string{serviceAccountType, serviceAccountPatch} {
		for _, sa := range ofType(st, typ) {
			key, ok := metaKey(sa.Inputs)
			if !ok {
				unknown = true
				continue
			}
			if b, ok := get(sa.Inputs, "automountServiceAccountToken").Boolean(); ok && !b {
				quiet[key] = true
			}
		}
	}
	if unknown {
		return nil // a ServiceAccount whose namespace the plan cannot know might be the one
	}
	return forEachNamespace(st, func(ns string) bool { return quiet[ns+"/"+defaultServiceAcct] },
		"ServiceAccount default does not set automountServiceAccountToken: false")
}

func namespacesIsolated(st stack) []violation {
	isolated, unknown := map[string]bool{}, false
	for _, p := range ofType(st, networkPolicyType) {
		ns := get(p.Inputs, "metadata.namespace")
		if ns.Unknown() {
			unknown = true
			continue
		}
		if selectsAll(get(p.Inputs, "spec.podSelector")) && coversIngress(get(p.Inputs, "spec.policyTypes")) {
			isolated[ns.Text()] = true
		}
	}
	if unknown {
		return nil
	}
	return forEachNamespace(st, func(ns string) bool { return isolated[ns] },
		"no NetworkPolicy selects every pod for ingress (podSelector {}, policyTypes Ingress)")
}

// selectsAll: an empty (or absent) label selector selects every pod of the namespace.
func selectsAll(sel prop) bool {
	if sel.Absent() {
		return true
	}
	m := sel.Object()
	return m != nil && len(get(m, "matchLabels").Object()) == 0 && len(get(m, "matchExpressions").Array()) == 0
}

// coversIngress: policyTypes lists Ingress, or is absent (Kubernetes then implies Ingress).
func coversIngress(types prop) bool {
	return types.Absent() || containsFold(types.Strings(), networkPolicyIngress)
}

// adminRoleToServiceAccount: AVD-GCP-0007 rejects, for serviceAccount: members, roles whose
// name ends in "admin" and the basic roles owner and editor.
func adminRoleToServiceAccount(g grant) string {
	if !strings.HasPrefix(g.member, "serviceAccount:") {
		return ""
	}
	if strings.HasSuffix(strings.ToLower(g.role), "admin") || oneOf(g.role, "roles/owner", "roles/editor") {
		return fmt.Sprintf("grants the administrative role %s to %s", g.role, g.member)
	}
	return ""
}

// privateRanges are the address blocks AVD-GCP-0053 and CIS GKE 5.6.3 accept in master
// authorized networks: RFC 1918 and RFC 6598 (shared address space).
var privateRanges = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"), netip.MustParsePrefix("100.64.0.0/10")}

func privateAuthorizedNetworks(r Resource) []string {
	var out []string
	for i, block := range get(r.Inputs, "masterAuthorizedNetworksConfig.cidrBlocks").Array() {
		cidr := get(unwrap(block).Object(), "cidrBlock")
		if cidr.Unknown() {
			continue
		}
		p, err := netip.ParsePrefix(strings.TrimSpace(cidr.Text()))
		if err != nil {
			out = append(out, fmt.Sprintf("masterAuthorizedNetworksConfig.cidrBlocks[%d] is %s: not a CIDR", i, cidr.Show()))
			continue
		}
		if !within(p, privateRanges) {
			out = append(out, fmt.Sprintf("masterAuthorizedNetworksConfig.cidrBlocks[%d] is %s: a public range", i, p))
		}
	}
	return out
}

func within(p netip.Prefix, ranges []netip.Prefix) bool {
	for _, r := range ranges {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

func nonEmptyMap(path string) check {
	return func(r Resource) []string {
		p := get(r.Inputs, path)
		if p.Unknown() || len(p.Object()) > 0 {
			return nil
		}
		return msgf("%s is not set", path)
	}
}

func vpcNative(r Resource) []string {
	policy, mode := get(r.Inputs, "ipAllocationPolicy"), get(r.Inputs, "networkingMode")
	if policy.Unknown() || mode.Unknown() {
		return nil
	}
	if policy.Absent() {
		return msgf("ipAllocationPolicy is not set: the cluster is routes-based")
	}
	if oneOf(mode.Text(), "ROUTES") {
		return msgf("networkingMode is ROUTES")
	}
	return nil
}
