package spec

import "github.com/example/mlplatform/kit"

// The entry's objects in the program's shape: the bases of the cases and the policy tests'
// compliant entry. Each call returns a fresh map.

// IngressNamespace is the fixtures' ingress namespace (the workload namespace "inference").
const IngressNamespace = "inference-ingress"

// Gateway is the GKE Gateway: HTTPS with the certificate map, HTTP beside it for the redirect.
func Gateway() map[string]any {
	return map[string]any{
		"metadata": map[string]any{"name": "inference-api", "namespace": IngressNamespace,
			"annotations": map[string]any{"networking.gke.io/certmap": "mlp-prod-entry-certmap"}},
		"spec": map[string]any{"gatewayClassName": "gke-l7-global-external-managed", "listeners": []any{
			map[string]any{"name": "https", "protocol": "HTTPS", "port": 443},
			map[string]any{"name": "http", "protocol": "HTTP", "port": 80}}}}
}

// BackendPolicy is the mesh ingress gateway's GCPBackendPolicy: Cloud Armor and IAP with the
// team's OAuth client.
func BackendPolicy() map[string]any {
	return map[string]any{"metadata": map[string]any{"name": "mesh-ingressgateway", "namespace": IngressNamespace},
		"spec": map[string]any{"targetRef": map[string]any{"group": "", "kind": "Service", "name": "mesh-ingressgateway"},
			"default": map[string]any{"securityPolicy": "mlp-prod-entry-armor", "iap": map[string]any{"enabled": true,
				"clientID": "123-abc.apps.googleusercontent.com", "oauth2ClientSecret": map[string]any{"name": "iap-oauth-client"}},
				"logging": map[string]any{"enabled": true}}}}
}

// Armor is the Cloud Armor policy: cve-canary (rule 0), the OWASP SQL-injection and XSS rules
// (1, 2), the per-client rate-based ban (3) and the default rule (4).
func Armor() map[string]any {
	waf := func(p int, rule string) map[string]any {
		return map[string]any{"priority": p, "action": "deny(403)", "preview": false,
			"match": map[string]any{"expr": map[string]any{"expression": "evaluatePreconfiguredWaf('" + rule + "', {'sensitivity': 1})"}}}
	}
	anyIP := map[string]any{"versionedExpr": "SRC_IPS_V1", "config": map[string]any{"srcIpRanges": []any{"*"}}}
	return map[string]any{"name": "mlp-prod-entry-armor", "type": "CLOUD_ARMOR", "rules": []any{
		waf(900, "cve-canary"), waf(1000, "sqli-v33-stable"), waf(1001, "xss-v33-stable"),
		map[string]any{"priority": 2000, "action": "rate_based_ban", "match": anyIP, "rateLimitOptions": map[string]any{
			"conformAction": "allow", "exceedAction": "deny(429)", "enforceOnKey": "IP", "banDurationSec": 600,
			"rateLimitThreshold": map[string]any{"count": 100, "intervalSec": 60}}},
		map[string]any{"priority": 2147483647, "action": "allow", "match": anyIP}}}
}

// IAPMember grants IAP access to one named group.
func IAPMember() map[string]any {
	return map[string]any{"project": "mlplatform-prod-7310", "role": "roles/iap.httpsResourceAccessor",
		"member": "group:inference-users@example.org"}
}

// SSLPolicy is the load balancer's TLS floor.
func SSLPolicy() map[string]any {
	return map[string]any{"name": "mlp-prod-entry-tls12", "profile": "MODERN", "minTlsVersion": "TLS_1_2"}
}

func gw(edits ...any) kit.Case { return kit.Case{Type: GatewayType, Base: Gateway, Edits: edits} }
func backend(edits ...any) kit.Case {
	return kit.Case{Type: BackendPolicyType, Base: BackendPolicy, Edits: edits}
}
func armor(edits ...any) kit.Case { return kit.Case{Type: ArmorType, Base: Armor, Edits: edits} }
func member(edits ...any) kit.Case {
	return kit.Case{Type: IAPMemberType, Base: IAPMember, Edits: edits}
}
func ssl(edits ...any) kit.Case { return kit.Case{Type: SSLPolicyType, Base: SSLPolicy, Edits: edits} }

// armorRule changes rule i of the Cloud Armor policy.
func armorRule(i int, path string, value any) kit.Case {
	return kit.Case{Type: ArmorType, Base: func() map[string]any {
		a := Armor()
		kit.SetPath(a["rules"].([]any)[i].(map[string]any), path, value)
		return a
	}}
}

// armorWithout drops the listed rules of the Cloud Armor policy.
func armorWithout(drop ...int) kit.Case {
	return kit.Case{Type: ArmorType, Base: func() map[string]any {
		a := Armor()
		var keep []any
		for i, r := range a["rules"].([]any) {
			skip := false
			for _, d := range drop {
				skip = skip || d == i
			}
			if !skip {
				keep = append(keep, r)
			}
		}
		a["rules"] = keep
		return a
	}}
}
