package main

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// meshGateName is the app.kubernetes.io/name label of the mesh gate: the Job that completes
// once managed Cloud Service Mesh has installed what the program's mesh objects and meshed
// pods need (gcp/mesh/ready.go).
const meshGateName = "mesh-ready"

// gateWait stands for the minutes the real gate waits: while it runs, whatever the engine
// schedules in parallel meets a cluster without the mesh.
const gateWait = 1500 * time.Millisecond

// cluster is what a Kubernetes stand-in knows of its cluster. The engine starts one plugin
// process per provider instance, so this is the state of one cluster. The mesh counts as
// installed once the gate has completed in this process, or once the engine shows that the
// stack already holds it (Diff, Read or Update of the gate: a later `up` of the same stack).
type cluster struct {
	mu            sync.Mutex
	meshInstalled bool
	// injected are the namespaces created with the sidecar-injection label.
	injected map[string]bool
}

// k8sKind splits a kubernetes type token kubernetes:GROUP/VERSION:KIND (core: core/v1).
func k8sKind(typ string) (group, version, kind string, ok bool) {
	parts := strings.Split(typ, ":")
	if len(parts) != 3 || parts[0] != "kubernetes" {
		return "", "", "", false
	}
	gv := strings.SplitN(parts[1], "/", 2)
	if len(gv) != 2 {
		return "", "", "", false
	}
	return gv[0], gv[1], parts[2], true
}

func str(m resource.PropertyMap, path ...string) string {
	v := resource.NewObjectProperty(m)
	for _, k := range path {
		if !v.IsObject() {
			return ""
		}
		v = v.ObjectValue()[resource.PropertyKey(k)]
	}
	if v.IsSecret() {
		v = v.SecretValue().Element
	}
	if v.IsString() {
		return v.StringValue()
	}
	return ""
}

func isGate(typ string, props resource.PropertyMap) bool {
	return typ == "kubernetes:batch/v1:Job" && str(props, "metadata", "labels", "app.kubernetes.io/name") == meshGateName
}

// seen records that the engine's state holds the gate (a later `up`): the mesh is installed.
func (c *cluster) seen(typ string, props resource.PropertyMap) {
	if isGate(typ, props) {
		c.mu.Lock()
		c.meshInstalled = true
		c.mu.Unlock()
	}
}

// create answers as the cluster would before the object exists, or refuses it. It refuses
// (1) an object of a kind the mesh installs (an API group under istio.io) before the mesh is
// installed, with the error the API server gives and pulumi-kubernetes reports after its
// retries (provider/pkg/provider/provider.go, Create; apimachinery meta.NoKindMatchError); and
// (2) a workload whose pods would be created in a namespace labelled for injection before
// injection works: the real API server admits those pods without a sidecar (the webhook is not
// installed yet, and injection happens only at pod creation), so STRICT mTLS and the
// AuthorizationPolicies are silently not enforced, and the gateway's `image: auto` is never
// replaced. The stand-in fails the `up` instead, so the test sees it.
func (c *cluster) create(urn string, props resource.PropertyMap) error {
	typ := string(resource.URN(urn).Type())
	group, version, kind, ok := k8sKind(typ)
	if !ok {
		return nil
	}
	if isGate(typ, props) {
		time.Sleep(gateWait)
		c.seen(typ, props)
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if typ == "kubernetes:core/v1:Namespace" {
		if str(props, "metadata", "labels", "istio-injection") == "enabled" || str(props, "metadata", "labels", "istio.io/rev") != "" {
			if c.injected == nil {
				c.injected = map[string]bool{}
			}
			c.injected[str(props, "metadata", "name")] = true
		}
		return nil
	}
	if c.meshInstalled {
		return nil
	}
	if group == "istio.io" || strings.HasSuffix(group, ".istio.io") {
		return fmt.Errorf("creation of resource %q with kind %s/%s/%s failed because the Kubernetes API server reported that "+
			"the apiVersion for this resource does not exist. Verify that any required CRDs have been created: "+
			"no matches for kind %q in version %q", urn, group, version, kind, kind, group+"/"+version)
	}
	if tmpl, meshed := c.podTemplate(kind, props); meshed && str(tmpl, "metadata", "annotations", "sidecar.istio.io/inject") != "false" {
		return fmt.Errorf("stand-in cluster: %s %q creates its pods in namespace %q, labelled for sidecar injection, before the mesh gate "+
			"completed: they would start without the istio-proxy sidecar (injection happens only at pod creation)",
			kind, str(props, "metadata", "name"), str(props, "metadata", "namespace"))
	}
	return nil
}

// podTemplate is the pod (template) a workload creates and whether its namespace is meshed.
func (c *cluster) podTemplate(kind string, props resource.PropertyMap) (resource.PropertyMap, bool) {
	if !c.injected[str(props, "metadata", "namespace")] {
		return nil, false
	}
	switch kind {
	case "Pod":
		return props, true
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job":
		spec := props["spec"]
		if spec.IsObject() && spec.ObjectValue()["template"].IsObject() {
			return spec.ObjectValue()["template"].ObjectValue(), true
		}
	}
	return nil, false
}
