package main

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"

	"github.com/example/mlplatform/gcp/entry"
	"github.com/example/mlplatform/internal/mocks"
)

// Every namespace the program creates gets its default ServiceAccount patched to mount no
// token (CIS GKE 4.1.4), and a NetworkPolicy isolating its pods for ingress (CIS GKE 4.3.2).
func TestNamespaceDefaults(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	for prefix, ns := range map[string]string{"mesh": "inference", "entry": "inference-ingress"} {
		sa := m.MustFind(t, "kubernetes:core/v1:ServiceAccountPatch", prefix+"-default-sa")
		if got := propAt(sa.Inputs, "metadata", "name"); got != "default" {
			t.Errorf("%s: patches ServiceAccount %v, want default", prefix, got)
		}
		if got := propAt(sa.Inputs, "metadata", "namespace"); got != ns {
			t.Errorf("%s: patch in namespace %v, want %s", prefix, got, ns)
		}
		if got := propAt(sa.Inputs, "automountServiceAccountToken"); got != false {
			t.Errorf("%s: automountServiceAccountToken = %v, want false", prefix, got)
		}
	}
	ingress := m.MustFind(t, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "entry-network-policy")
	if got := propAt(ingress.Inputs, "spec", "policyTypes"); !reflect.DeepEqual(got, []interface{}{"Ingress", "Egress"}) {
		t.Errorf("ingress namespace policyTypes = %v, want [Ingress Egress]", got)
	}
	if got := propAt(ingress.Inputs, "spec", "podSelector"); got != nil && fmt.Sprint(got) != "map[]" {
		t.Errorf("ingress namespace policy selects %v, want every pod", got)
	}
	// Only the load balancer's ranges, only on the listener and the status port.
	from := fmt.Sprint(propAt(ingress.Inputs, "spec", "ingress", 0, "from"))
	for _, r := range entry.LoadBalancerSourceRanges {
		if want := "cidr:" + r; !strings.Contains(from, want) {
			t.Errorf("ingress from = %s, lacks %s", from, r)
		}
	}
	if rules := propAt(ingress.Inputs, "spec", "ingress").([]interface{}); len(rules) != 1 {
		t.Errorf("%d ingress rules, want 1", len(rules))
	}
	ports := fmt.Sprint(propAt(ingress.Inputs, "spec", "ingress", 0, "ports"))
	if ports != "[map[port:8080 protocol:TCP] map[port:15021 protocol:TCP]]" {
		t.Errorf("ingress ports = %s", ports)
	}
	workload := m.MustFind(t, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "mesh-ingress-policy")
	if got := fmt.Sprint(propAt(workload.Inputs, "spec", "ingress", 0, "from", 0, "namespaceSelector", "matchLabels")); got != "map[istio-injection:enabled]" {
		t.Errorf("workload namespace admits %s, want the mesh namespaces", got)
	}
}

// The mesh-ready Job: bounded resources, RuntimeDefault seccomp, and the API token it needs.
func TestMeshReadyJobHardening(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	job := m.MustFind(t, "kubernetes:batch/v1:Job", "mesh-ready")
	pod := func(path ...interface{}) interface{} {
		return propAt(job.Inputs, append([]interface{}{"spec", "template", "spec"}, path...)...)
	}
	if got := pod("securityContext", "seccompProfile", "type"); got != "RuntimeDefault" {
		t.Errorf("seccompProfile = %v", got)
	}
	if got := pod("automountServiceAccountToken"); got != true {
		t.Errorf("automountServiceAccountToken = %v, want true (the script calls the API server)", got)
	}
	for _, path := range [][]interface{}{{"requests", "cpu"}, {"requests", "memory"}, {"limits", "cpu"}, {"limits", "memory"}} {
		if got := pod(append([]interface{}{"containers", 0, "resources"}, path...)...); got == nil || got == "" {
			t.Errorf("resources.%v not set", path)
		}
	}
	gw := m.MustFind(t, "kubernetes:apps/v1:Deployment", "entry-gateway-deployment")
	if got := propAt(gw.Inputs, "spec", "template", "spec", "automountServiceAccountToken"); got != false {
		t.Errorf("ingress gateway pod automountServiceAccountToken = %v, want false", got)
	}
}

// propAt reads a value at a path of object keys (and array indexes) from a property map.
func propAt(pm resource.PropertyMap, path ...interface{}) interface{} {
	return mocks.At(pm, path...)
}

// The entry's load balancer negotiates TLS 1.2 or later: an SSL policy, attached to the
// Gateway by a GCPGatewayPolicy (SSL-001/002).
func TestGatewaySSLPolicy(t *testing.T) {
	m, err := runWith(t, "prod", nil)
	if err != nil {
		t.Fatal(err)
	}
	ssl := m.MustFind(t, "gcp:compute/sSLPolicy:SSLPolicy", "entry-ssl-policy")
	if p, v := propAt(ssl.Inputs, "profile"), propAt(ssl.Inputs, "minTlsVersion"); p != "MODERN" || v != "TLS_1_2" {
		t.Errorf("SSL policy profile %v, min TLS %v; want MODERN, TLS_1_2", p, v)
	}
	gp := m.MustFind(t, "kubernetes:networking.gke.io/v1:GCPGatewayPolicy", "entry-gateway-policy")
	if got, want := propAt(gp.Inputs, "spec", "default", "sslPolicy"), propAt(ssl.Inputs, "name"); got != want {
		t.Errorf("GCPGatewayPolicy sslPolicy = %v, want the SSL policy's name %v", got, want)
	}
	gw := m.MustFind(t, "kubernetes:gateway.networking.k8s.io/v1:Gateway", "entry-gateway")
	if got, want := propAt(gp.Inputs, "spec", "targetRef", "name"), propAt(gw.Inputs, "metadata", "name"); got != want || got == nil {
		t.Errorf("GCPGatewayPolicy targets %v, want the Gateway %v", got, want)
	}
	if got, want := propAt(gp.Inputs, "metadata", "namespace"), propAt(gw.Inputs, "metadata", "namespace"); got != want {
		t.Errorf("GCPGatewayPolicy in namespace %v, Gateway in %v", got, want)
	}
}
