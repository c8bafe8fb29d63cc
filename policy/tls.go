package policy

import (
	"fmt"
	"strings"
)

// Types of the entry's TLS policy and its attachment to the Gateway.
const (
	gatewayPolicyType = "kubernetes:networking.gke.io/v1:GCPGatewayPolicy"
)

// tlsRules: the GKE Gateway actually uses the entry's SSL policy (without a GCPGatewayPolicy
// the load balancer keeps Google's default, COMPATIBLE from TLS 1.0). The policy's own floor
// (SSL-001: TLS 1.2, a modern cipher set) is the entry component's rule (gcp/entry/spec).
var tlsRules = []Rule{
	{ID: "SSL-002", Severity: High,
		Description: "Every external GKE Gateway must have a GCPGatewayPolicy naming an SSL policy (spec.default.sslPolicy). High: otherwise its load balancer accepts TLS 1.0 with Google's default COMPATIBLE policy.",
		Remediation: "Create a GCPGatewayPolicy in the Gateway's namespace with targetRef the Gateway and spec.default.sslPolicy an SSL policy that passes SSL-001.",
		External:    []string{"AVD-GCP-0039"},
		stack:       gatewaysHaveSSLPolicy},
}

// gatewaysHaveSSLPolicy: every Gateway whose class is external is the target of a
// GCPGatewayPolicy (same namespace) with a non-empty sslPolicy.
func gatewaysHaveSSLPolicy(st stack) []violation {
	covered, unknown := map[string]bool{}, false
	for _, p := range ofType(st, gatewayPolicyType) {
		ns, target := get(p.Inputs, "metadata.namespace"), get(p.Inputs, "spec.targetRef.name")
		ssl := get(p.Inputs, "spec.default.sslPolicy")
		if ns.Unknown() || target.Unknown() {
			unknown = true
			continue
		}
		if !oneOf(get(p.Inputs, "spec.targetRef.kind").Text(), "Gateway") {
			continue
		}
		if ssl.Unknown() || strings.TrimSpace(ssl.Text()) != "" {
			covered[objKey(ns.Text(), target.Text())] = true
		}
	}
	if unknown {
		return nil
	}
	var out []violation
	for _, gw := range ofType(st, k8sGatewayType) {
		key, ok := metaKey(gw.Inputs)
		if !ok || !strings.Contains(get(gw.Inputs, "spec.gatewayClassName").Text(), "external") {
			continue
		}
		if !covered[key] {
			out = append(out, violation{URN: gw.URN, Type: gw.Type, Name: gw.Name,
				Message: fmt.Sprintf("Gateway %s has no GCPGatewayPolicy with an sslPolicy: its load balancer accepts TLS 1.0", key)})
		}
	}
	return out
}
