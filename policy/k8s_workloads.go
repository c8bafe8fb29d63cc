package policy

import (
	"fmt"
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
