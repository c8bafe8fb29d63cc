package policy

// Cases for ORDER-001 (first `up` ordering), added to ruleCases and knownTokens here so the
// shared tables stay untouched by this feature.

import "strings"

func init() {
	knownTokens = append(knownTokens, jobType, crType, crbType)
	gated := func(mod func(s *orderScene)) scenario { s := newOrderScene(); mod(s); return s.scenario() }
	ann := func(s *orderScene) map[string]any {
		return s.job["metadata"].(map[string]any)["annotations"].(map[string]any)
	}
	waitFor := func(expr, timeout string) func(*orderScene) {
		return func(s *orderScene) {
			ann(s)["pulumi.com/waitFor"] = expr
			if timeout == "" {
				delete(ann(s), "pulumi.com/timeoutSeconds")
			} else {
				ann(s)["pulumi.com/timeoutSeconds"] = timeout
			}
		}
	}
	ruleCases["ORDER-001"] = ruleCase{
		pass: list(gated(func(*orderScene) {}),
			// One second over Google's ten minutes, for the deadline, and for a waitFor's await.
			gated(func(s *orderScene) { s.job["spec"].(map[string]any)["activeDeadlineSeconds"] = 601 }),
			gated(waitFor("condition=Complete", "601")),
			// The built-in Job await's timer bounds nothing: no timeoutSeconds is needed.
			gated(func(s *orderScene) { delete(ann(s), "pulumi.com/timeoutSeconds") }),
			// waitFor as the provider reads it: a JSON array (all awaited), names and status in any case.
			gated(waitFor(`["jsonpath={.status.succeeded}=1","condition=Complete"]`, "1800")),
			gated(waitFor("condition=complete=true", "1800")),
			// Waiting through another resource that waits for the gate is waiting for it.
			gated(func(s *orderScene) { s.authzDeps = []string{s.urn("Namespace")}; s.nsDeps = []string{s.urn("Job")} }),
			// A pod that opts out of injection needs no injection.
			gated(func(s *orderScene) { s.depDeps = nil; s.podAnnotations["sidecar.istio.io/inject"] = "false" }),
			// Outside a namespace labelled for injection, a Deployment needs no gate.
			gated(func(s *orderScene) { s.depDeps = nil; s.ns["metadata"].(map[string]any)["labels"] = map[string]any{} })),
		fail: list(
			gated(func(s *orderScene) { s.authzDeps = nil }),                                                     // the AuthorizationPolicy does not wait
			gated(func(s *orderScene) { s.depDeps = nil }),                                                       // the Deployment does not wait
			gated(func(s *orderScene) { s.dropJob = true }),                                                      // there is no gate
			gated(func(s *orderScene) { s.dropRule(1) }),                                                         // the gate may not read the AuthorizationPolicy CRD
			gated(func(s *orderScene) { s.script = strings.ReplaceAll(s.script, "controlplanerevisions", "x") }), // nor checks injection
			gated(func(s *orderScene) { s.rules[2]["resourceNames"] = []any{"asm-managed-rapid"} }),              // another channel's revision
			// The deadline is what ends a gate that cannot succeed.
			gated(func(s *orderScene) { s.job["spec"].(map[string]any)["activeDeadlineSeconds"] = 600 }),
			gated(func(s *orderScene) { delete(s.job["spec"].(map[string]any), "activeDeadlineSeconds") }),
			// A waitFor await ends at timeoutSeconds, 600 s when absent.
			gated(waitFor("condition=Complete", "600")),
			gated(waitFor("condition=Complete", "")),
			// A failed gate must be replaced by the next `up`.
			gated(func(s *orderScene) { delete(ann(s), "pulumi.com/replaceUnready") }),
			gated(func(s *orderScene) { ann(s)["pulumi.com/replaceUnready"] = "false" }),
			// Not awaited until Complete: skipAwait, or a waitFor for something else.
			gated(func(s *orderScene) { ann(s)["pulumi.com/skipAwait"] = "true" }),
			gated(waitFor("jsonpath={.status.active}=1", "1800")),
			gated(waitFor("condition=Complete=False", "1800")),
			gated(waitFor("condition=Completed", "1800"))),
	}
}

// orderScene is the mesh gate of gcp/mesh/ready.go in small: a REGULAR-channel cluster, an
// injected namespace, the gate Job with its RBAC, an AuthorizationPolicy and a Deployment.
type orderScene struct {
	job, ns, dep    map[string]any
	rules           []map[string]any
	script          string
	podAnnotations  map[string]any
	authzDeps       []string
	depDeps, nsDeps []string
	dropJob         bool
}

func (s *orderScene) urn(name string) string { return "urn:pulumi:prod::mlplatform::t::" + name }

func newOrderScene() *orderScene {
	s := &orderScene{script: "has '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/authorizationpolicies.security.istio.io' x\n" +
		"has '/apis/mesh.cloud.google.com/v1beta1/namespaces/istio-system/controlplanerevisions/asm-managed' y\n",
		podAnnotations: map[string]any{}}
	s.rules = []map[string]any{
		{"apiGroups": []any{"apiextensions.k8s.io"}, "resources": []any{"customresourcedefinitions"}, "verbs": []any{"get"},
			"resourceNames": []any{"peerauthentications.security.istio.io"}},
		{"apiGroups": []any{"apiextensions.k8s.io"}, "resources": []any{"customresourcedefinitions"}, "verbs": []any{"get"},
			"resourceNames": []any{"authorizationpolicies.security.istio.io"}},
		{"apiGroups": []any{"mesh.cloud.google.com"}, "resources": []any{"controlplanerevisions"}, "verbs": []any{"get"},
			"resourceNames": []any{"asm-managed"}},
	}
	s.job = map[string]any{"metadata": map[string]any{"name": "mesh-ready", "namespace": "inference",
		"annotations": map[string]any{"pulumi.com/timeoutSeconds": "1800", "pulumi.com/replaceUnready": "true"}},
		"spec": map[string]any{"activeDeadlineSeconds": 1800}}
	s.ns = map[string]any{"metadata": map[string]any{"name": "inference", "labels": map[string]any{"istio-injection": "enabled"}}}
	s.authzDeps = []string{s.urn("Job")}
	s.depDeps = []string{s.urn("Job")}
	return s
}

func (s *orderScene) dropRule(i int) { s.rules = append(s.rules[:i:i], s.rules[i+1:]...) }

func (s *orderScene) scenario() scenario {
	rules := make([]any, len(s.rules))
	for i, r := range s.rules {
		rules[i] = r
	}
	s.job["spec"].(map[string]any)["template"] = map[string]any{"metadata": map[string]any{"annotations": map[string]any{"sidecar.istio.io/inject": "false"}},
		"spec": map[string]any{"serviceAccountName": "mesh-ready", "containers": []any{map[string]any{"name": "wait", "command": []any{"/bin/sh", "-c", s.script}}}}}
	node := func(typ, name string, in map[string]any, deps []string) Resource {
		r := res(typ, name, in)
		r.URN, r.Dependencies = s.urn(name), deps
		return r
	}
	rs := []Resource{
		node(gkeType, "Cluster", map[string]any{"releaseChannel": map[string]any{"channel": "REGULAR"}}, nil),
		node("kubernetes:core/v1:Namespace", "Namespace", s.ns, s.nsDeps),
		node(crType, "ClusterRole", map[string]any{"metadata": map[string]any{"name": "gke-mesh-ready"}, "rules": rules}, nil),
		node(crbType, "ClusterRoleBinding", map[string]any{"roleRef": map[string]any{"name": "gke-mesh-ready"},
			"subjects": []any{map[string]any{"kind": "ServiceAccount", "name": "mesh-ready", "namespace": "inference"}}}, nil),
		node(tAuthz, "AuthorizationPolicy", map[string]any{"metadata": map[string]any{"name": "deny-all", "namespace": "inference"}, "spec": map[string]any{}}, s.authzDeps),
		node(tDeployment, "Deployment", map[string]any{"metadata": map[string]any{"name": "api", "namespace": "inference"},
			"spec": map[string]any{"template": map[string]any{"metadata": map[string]any{"annotations": s.podAnnotations}}}}, s.depDeps),
	}
	if !s.dropJob {
		rs = append(rs, node(jobType, "Job", s.job, nil))
	}
	return scenario{resources: rs}
}
