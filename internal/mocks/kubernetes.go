package mocks

import "github.com/example/mlplatform/kit"

// Kubernetes objects get the id the provider uses ("<namespace>/<name>" or "<name>") and the
// server-populated metadata (uid, resourceVersion). The mesh's own types (its explicit
// provider, PeerAuthentication) answer from gcp/mesh/spec.

func k8sObject(apiVersion, kind string, namespaced bool) provisioner {
	return kit.MockK8sObject(apiVersion, kind, namespaced)
}

func init() {
	register("kubernetes:core/v1:Namespace", k8sObject("v1", "Namespace", false))
	register("kubernetes:core/v1:ServiceAccount", k8sObject("v1", "ServiceAccount", true))
}
