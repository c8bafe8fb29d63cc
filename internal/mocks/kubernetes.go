package mocks

// Kubernetes objects get the id the provider uses ("<namespace>/<name>" or "<name>") and the
// server-populated metadata (uid, resourceVersion); the explicit provider echoes its inputs.

func k8sObject(apiVersion, kind string, namespaced bool) provisioner {
	return func(req Request) (string, map[string]interface{}) {
		name := nested(req.In, "metadata", "name")
		if name == "" {
			name = req.Name + "-" + Hash("k8s-autoname", req.Name)[:8]
		}
		add := map[string]interface{}{"name": name, "uid": GUID("k8s", kind, req.Name), "resourceVersion": digits(6, "rv", kind, req.Name)}
		id := name
		if namespaced {
			ns := nested(req.In, "metadata", "namespace")
			if ns == "" {
				ns = "default"
			}
			add["namespace"] = ns
			id = ns + "/" + name
		}
		out := map[string]interface{}{"apiVersion": apiVersion, "kind": kind, "metadata": merged(req.In, "metadata", add)}
		if kind == "Namespace" {
			out["spec"] = map[string]interface{}{"finalizers": []interface{}{"kubernetes"}}
			out["status"] = map[string]interface{}{"phase": "Active"}
		}
		return id, out
	}
}

func init() {
	register("pulumi:providers:kubernetes", func(req Request) (string, map[string]interface{}) {
		return GUID("kubernetes-provider", req.Name), nil
	})
	register("kubernetes:core/v1:Namespace", k8sObject("v1", "Namespace", false))
	register("kubernetes:core/v1:ServiceAccount", k8sObject("v1", "ServiceAccount", true))
	register("kubernetes:security.istio.io/v1beta1:PeerAuthentication",
		k8sObject("security.istio.io/v1beta1", "PeerAuthentication", true))
}
