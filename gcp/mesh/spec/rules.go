package spec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/example/mlplatform/kit"
)

func rbacRules() []kit.Rule {
	return []kit.Rule{
		{ID: "KRBAC-001", Severity: kit.High, Types: []string{ClusterRoleType, RoleType, ClusterRoleBindingType, RoleBindingType},
			External: []string{"AVD-KSV-0041", "AVD-KSV-0042", "AVD-KSV-0043", "AVD-KSV-0044", "AVD-KSV-0045", "AVD-KSV-0046", "AVD-KSV-0047",
				"AVD-KSV-0048", "AVD-KSV-0049", "AVD-KSV-0050", "AVD-KSV-0051", "AVD-KSV-0052", "AVD-KSV-0053", "AVD-KSV-0054", "AVD-KSV-0055",
				"AVD-KSV-0056", "AVD-KSV-01011", "AVD-KSV-0111", "AVD-KSV-0112", "AVD-KSV-0113", "AVD-KSV-0114", "AVD-KSV-0115", "AVD-KSV-0122",
				"AVD-KSV-0123", "CIS GKE 4.1.1", "CIS GKE 4.1.2", "CIS GKE 4.1.3", "CIS GKE 4.1.6", "CIS GKE 4.1.7", "CIS GKE 4.1.8",
				"CIS GKE 4.1.9", "CIS GKE 4.1.10"},
			Description: "Kubernetes RBAC must grant least privilege: no wildcard group, resource or verb; no access to secrets, exec/attach, node proxy or token minting; no bind, escalate or impersonate; no writes to workloads, RBAC, webhooks, networking or configmaps; no binding to cluster-admin/admin/edit or to system:masters, system:anonymous, system:unauthenticated or system:authenticated. High: each lets the grantee take over the cluster or read its secrets.",
			Remediation: "List explicit apiGroups, resources (with resourceNames where possible) and read verbs; bind narrow roles to named service accounts.",
			Check:       rbacCheck,
			Cases: kit.Cases{
				Pass: []kit.Case{role(ClusterRoleType), binding(ClusterRoleBindingType),
					role(RoleType, "rules", rbacRule([]any{""}, []any{"configmaps", "pods"}, []any{"get", "list", "watch"})),
					binding(RoleBindingType, "roleRef.name", "view")},
				Fail: []kit.Case{role(ClusterRoleType, "rules", rbacRule([]any{"*"}, []any{"*"}, []any{"*"})),
					role(ClusterRoleType, "rules", rbacRule([]any{""}, []any{"secrets"}, []any{"get"})),
					role(ClusterRoleType, "rules", rbacRule([]any{""}, []any{"pods/exec"}, []any{"create"})),
					role(ClusterRoleType, "rules", rbacRule([]any{"rbac.authorization.k8s.io"}, []any{"clusterroles"}, []any{"bind", "escalate"})),
					role(ClusterRoleType, "rules", rbacRule([]any{""}, []any{"users", "groups"}, []any{"impersonate"})),
					role(RoleType, "rules", rbacRule([]any{"apps"}, []any{"deployments"}, []any{"patch"})),
					role(RoleType, "rules", rbacRule([]any{""}, []any{"nodes/proxy"}, []any{"get"})),
					binding(ClusterRoleBindingType, "roleRef.name", "cluster-admin"),
					binding(ClusterRoleBindingType, "subjects", []any{map[string]any{"kind": "Group", "name": "system:authenticated"}}),
					binding(RoleBindingType, "subjects", []any{map[string]any{"kind": "User", "name": "system:anonymous"}})}}},
	}
}

// Verbs and resources KRBAC-001 refuses.
var (
	escalationVerbs = []string{"bind", "escalate", "impersonate"}
	writeVerbs      = []string{"create", "update", "patch", "delete", "deletecollection"}
	// anyAccess: reading them is already too much (secrets, a shell, the kubelet, tokens).
	anyAccess = []string{"secrets", "pods/exec", "pods/attach", "pods/portforward", "nodes/proxy", "serviceaccounts/token"}
	// noWrite: writing them runs code, widens access or reroutes traffic.
	noWrite = []string{"pods", "pods/log", "deployments", "daemonsets", "statefulsets", "replicasets", "replicationcontrollers",
		"jobs", "cronjobs", "configmaps", "roles", "clusterroles", "rolebindings", "clusterrolebindings",
		"mutatingwebhookconfigurations", "validatingwebhookconfigurations", "services", "endpoints", "endpointslices",
		"networkpolicies", "ingresses"}
	privilegedK8sRoles = []string{"cluster-admin", "admin", "edit"}
	systemGroups       = []string{"system:masters", "system:anonymous", "system:unauthenticated", "system:authenticated"}
)

func rbacCheck(r kit.Resource) []string {
	if r.Type == ClusterRoleBindingType || r.Type == RoleBindingType {
		return bindingCheck(r)
	}
	var out []string
	for i, raw := range kit.Get(r.Inputs, "rules").Array() {
		rule := kit.Unwrap(raw).Object()
		groups, resources, verbs := kit.Get(rule, "apiGroups"), kit.Get(rule, "resources"), kit.Get(rule, "verbs")
		if groups.Unknown() || resources.Unknown() || verbs.Unknown() {
			continue
		}
		out = append(out, ruleProblems(fmt.Sprintf("rules[%d]", i), groups.Strings(), resources.Strings(), verbs.Strings())...)
	}
	return out
}

// ruleProblems judges one PolicyRule, named at in the messages.
func ruleProblems(at string, groups, resources, verbs []string) []string {
	var out []string
	for _, list := range []struct {
		name   string
		values []string
	}{{"apiGroups", groups}, {"resources", resources}, {"verbs", verbs}} {
		if containsFold(list.values, "*") {
			out = append(out, fmt.Sprintf("%s.%s contains \"*\"", at, list.name))
		}
	}
	for _, v := range escalationVerbs {
		if containsFold(verbs, v) {
			out = append(out, fmt.Sprintf("%s grants %s", at, v))
		}
	}
	writes := slices.ContainsFunc(writeVerbs, func(v string) bool { return containsFold(verbs, v) })
	for _, res := range resources {
		switch {
		case containsFold(anyAccess, res):
			out = append(out, fmt.Sprintf("%s grants access to %s", at, res))
		case writes && containsFold(noWrite, res):
			out = append(out, fmt.Sprintf("%s grants writes to %s", at, res))
		}
	}
	return out
}

func bindingCheck(r kit.Resource) []string {
	var out []string
	if role := kit.Get(r.Inputs, "roleRef.name"); !role.Unknown() && kit.OneOf(role.Text(), privilegedK8sRoles...) {
		out = append(out, fmt.Sprintf("roleRef.name is %s", role.Show()))
	}
	for i, raw := range kit.Get(r.Inputs, "subjects").Array() {
		if name := kit.Get(kit.Unwrap(raw).Object(), "name"); !name.Unknown() && kit.OneOf(name.Text(), systemGroups...) {
			out = append(out, fmt.Sprintf("subjects[%d] is %s", i, name.Show()))
		}
	}
	return out
}

// containsFold: case and surrounding spaces do not matter to the comparison.
func containsFold(list []string, want string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return strings.EqualFold(strings.TrimSpace(s), want) })
}

// ReadyClusterRole is the mesh-ready Job's role as the platform registers it in prod (get on
// one CRD): the base the cases edit, and the policy tests' compliant role.
func ReadyClusterRole() map[string]any {
	return map[string]any{"metadata": map[string]any{"name": "gke-mlp-prod-mesh-ready"},
		"rules": []any{map[string]any{"apiGroups": []any{"apiextensions.k8s.io"}, "resources": []any{"customresourcedefinitions"},
			"resourceNames": []any{"peerauthentications.security.istio.io"}, "verbs": []any{"get"}}}}
}

// ReadyClusterRoleBinding binds ReadyClusterRole to the Job's service account.
func ReadyClusterRoleBinding() map[string]any {
	return map[string]any{"metadata": map[string]any{"name": "gke-mlp-prod-mesh-ready"},
		"roleRef":  map[string]any{"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "gke-mlp-prod-mesh-ready"},
		"subjects": []any{map[string]any{"kind": "ServiceAccount", "name": "mesh-ready", "namespace": "inference"}}}
}

func rbacRule(groups, resources, verbs []any) []any {
	return []any{map[string]any{"apiGroups": groups, "resources": resources, "verbs": verbs}}
}

func role(typ string, edits ...any) kit.Case {
	return kit.Case{Type: typ, Base: ReadyClusterRole, Edits: edits}
}

func binding(typ string, edits ...any) kit.Case {
	return kit.Case{Type: typ, Base: ReadyClusterRoleBinding, Edits: edits}
}
