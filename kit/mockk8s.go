package kit

import "math/big"

// MockK8sObject answers for a Kubernetes object as the provider does: the id is
// "<namespace>/<name>" (or "<name>" for a cluster-scoped kind) and the server fills in the
// metadata (uid, resourceVersion; a generated name when none is given). The mocks of several
// components answer with it, so every Kubernetes object of a plan has the same shape.
func MockK8sObject(apiVersion, kind string, namespaced bool) func(req MockRequest) (string, map[string]interface{}) {
	return func(req MockRequest) (string, map[string]interface{}) {
		name := Nested(req.In, "metadata", "name")
		if name == "" {
			name = req.Name + "-" + Hash("k8s-autoname", req.Name)[:8]
		}
		add := map[string]interface{}{"name": name, "uid": GUID("k8s", kind, req.Name), "resourceVersion": Digits(6, "rv", kind, req.Name)}
		id := name
		if namespaced {
			ns := Nested(req.In, "metadata", "namespace")
			if ns == "" {
				ns = "default"
			}
			add["namespace"] = ns
			id = ns + "/" + name
		}
		out := map[string]interface{}{"apiVersion": apiVersion, "kind": kind, "metadata": Merged(req.In, "metadata", add)}
		if kind == "Namespace" {
			out["spec"] = map[string]interface{}{"finalizers": []interface{}{"kubernetes"}}
			out["status"] = map[string]interface{}{"phase": "Active"}
		}
		return id, out
	}
}

// Nested reads a string at a path of object keys of a mock request's inputs (or "").
func Nested(in map[string]interface{}, path ...string) string {
	var cur interface{} = in
	for _, p := range path {
		obj, ok := cur.(map[string]interface{})
		if !ok {
			return ""
		}
		cur = obj[p]
	}
	s, _ := cur.(string)
	return s
}

// Digits is a stable n-digit decimal number (no leading zero) derived from its parts, for
// numeric ids such as project numbers and resource versions.
func Digits(n int, parts ...string) string {
	v, _ := new(big.Int).SetString(Hash(parts...), 16)
	return "1" + v.String()[:n-1]
}
