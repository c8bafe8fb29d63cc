package policy

import (
	"testing"

	clusterspec "github.com/example/mlplatform/gcp/cluster/spec"
)

// Tokens, fixtures and cases of k8sWorkloadRules (and of POD-001..005 on Jobs).
const (
	tJob           = "kubernetes:batch/v1:Job"
	tK8sSA         = "kubernetes:core/v1:ServiceAccount"
	tK8sSAPatch    = "kubernetes:core/v1:ServiceAccountPatch"
	tNetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy"
)

func init() {
	knownTokens = append(knownTokens, tJob, tK8sSA, tK8sSAPatch, tNetworkPolicy)
	for id, c := range workloadCases {
		ruleCases[id] = c
	}
	// POD-001/002/003/005 judge Jobs too: one failing Job scenario each, beside the
	// Deployment cases in entry_cases_test.go.
	for id, mod := range map[string]func(c, pod map[string]any){
		"POD-001": func(c, _ map[string]any) { sc(c)["allowPrivilegeEscalation"] = true },
		"POD-002": func(c, pod map[string]any) { delete(sc(c), "seccompProfile"); delete(pod, "securityContext") },
		"POD-003": func(c, _ map[string]any) { delete(c, "resources") },
		"POD-005": func(c, _ map[string]any) { c["image"] = "curlimages/curl:8.11.1" },
	} {
		c := ruleCases[id]
		c.pass = append(c.pass, v(tJob, job(nil)))
		c.fail = append(c.fail, v(tJob, job(mod)))
		ruleCases[id] = c
	}
}

// job is a compliant Job (the mesh-ready check's shape), changed by mod (container, pod spec).
func job(mod func(c, pod map[string]any)) func() map[string]any {
	return func() map[string]any {
		in := dep(func(c, pod map[string]any) {
			delete(c, "readinessProbe")
			delete(c, "livenessProbe")
			pod["restartPolicy"] = "Never"
			pod["automountServiceAccountToken"] = true // it calls the API server
			if mod != nil {
				mod(c, pod)
			}
		})()
		in["metadata"] = map[string]any{"name": "mesh-ready", "namespace": "inference"}
		return in
	}
}

// privateCluster is the cluster in the program's shape: only the private endpoint, private
// authorized networks, labels and VPC-native networking.
func privateCluster() map[string]any { return clusterspec.SecureCluster() }

func defaultSA(ns string, automount any) Resource {
	in := map[string]any{"metadata": map[string]any{"name": "default", "namespace": ns}}
	if automount != nil {
		in["automountServiceAccountToken"] = automount
	}
	return res(tK8sSAPatch, "default-sa-"+ns, in)
}

func netpol(ns string, selector map[string]any, types ...any) Resource {
	spec := map[string]any{"podSelector": selector}
	if len(types) > 0 {
		spec["policyTypes"] = types
	}
	return res(tNetworkPolicy, "netpol-"+ns, map[string]any{"metadata": map[string]any{"name": "p", "namespace": ns}, "spec": spec})
}

func nsRes(name string) Resource { return res(tNamespace, "ns-"+name, meshNamespace(name, true)) }

func saGrant(role string) func() map[string]any {
	return func() map[string]any {
		return map[string]any{"project": "mlplatform-prod-7310", "role": role,
			"member": "serviceAccount:inference-api@mlplatform-prod-7310.iam.gserviceaccount.com"}
	}
}

var workloadCases = map[string]ruleCase{
	"POD-006": {list(v(tDeployment, dep(nil)), v(tJob, job(nil))),
		list(v(tDeployment, dep(func(_, pod map[string]any) { delete(pod, "automountServiceAccountToken") })), v(tJob, job(func(_, pod map[string]any) { delete(pod, "automountServiceAccountToken") })))},
	"KSA-001": {list(many(nsRes("inference"), defaultSA("inference", false)),
		many(nsRes("inference"), res(tK8sSA, "sa", map[string]any{"metadata": map[string]any{"name": "default", "namespace": "inference"},
			"automountServiceAccountToken": false}))),
		list(many(nsRes("inference")), many(nsRes("inference"), defaultSA("inference", true)),
			many(nsRes("inference"), defaultSA("inference", nil)), many(nsRes("inference"), defaultSA("other", false)))},
	"NETPOL-001": {list(many(nsRes("inference"), netpol("inference", map[string]any{}, "Ingress", "Egress")),
		many(nsRes("inference"), netpol("inference", map[string]any{}))),
		list(many(nsRes("inference")), many(nsRes("inference"), netpol("inference", map[string]any{}, "Egress")),
			many(nsRes("inference"), netpol("inference", map[string]any{"matchLabels": map[string]any{"app": "x"}}, "Ingress")),
			many(nsRes("inference"), netpol("other", map[string]any{}, "Ingress")))},
	"IAM-005": {list(v(tProjMember, saGrant("roles/monitoring.metricWriter")), v(tProjMember, projectMember, "role", "roles/container.admin", "member", "group:admins@example.org"),
		v(tProjMember, saGrant("roles/cloudkms.cryptoKeyEncrypterDecrypter"))),
		list(v(tProjMember, saGrant("roles/container.admin")), v(tProjMember, saGrant("roles/iam.serviceAccountAdmin")),
			v(tProjMember, saGrant("roles/editor")), v(tSAMember, saGrant("roles/storage.objectAdmin")))},
}

// A namespace with every default this branch adds, and a hardened Job, raise no finding.
func TestWorkloadBaselinePasses(t *testing.T) {
	rs := []Resource{nsRes("inference"), defaultSA("inference", false), netpol("inference", map[string]any{}, "Ingress"),
		res(tJob, "job", job(nil)()), res(tDeployment, "dep", dep(nil)()),
		res(tAuthz, "deny", denyAllIn("inference")), res(tCluster, "gke", privateCluster()), res(tBinauthz, "binauthz", binauthz())}
	// ORDER-001 needs the mesh gate of a whole stack, which this baseline does not hold; the
	// order cases (order_cases_test.go) are its baseline.
	var fs []Finding
	for _, f := range Evaluate(rs, nil, nil) {
		if f.Rule != "ORDER-001" {
			fs = append(fs, f)
		}
	}
	if len(fs) > 0 {
		t.Errorf("compliant workload has findings:\n%s", render(fs))
	}
}
