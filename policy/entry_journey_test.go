package policy

import (
	"strings"
	"testing"
)

// journeyFindings are the ENTRY-001 findings of s.
func journeyFindings(s scenario) []Finding {
	var out []Finding
	for _, f := range Evaluate(s.resources, nil, nil) {
		if f.Rule == "ENTRY-001" {
			out = append(out, f)
		}
	}
	return out
}

// Cases of ENTRY-001: a whole entry, from the reserved address to the microservice's sidecar,
// and the same entry with one link broken.

func init() {
	knownTokens = append(knownTokens, globalAddressType, certMapType, certMapEntryType, secretType,
		istioGatewayType, virtualSvcType, requestAuthnType)
	ruleCases["ENTRY-001"] = ruleCase{list(journey(nil)), journeyFails()}
}

// journeyObjects is a compliant entry by key; each key is one resource.
func journeyObjects() map[string]struct {
	typ string
	in  map[string]any
} {
	type obj = struct {
		typ string
		in  map[string]any
	}
	gw := gateway()
	set(gw, "spec.addresses", []any{map[string]any{"type": "NamedAddress", "value": "mlp-prod-entry-ip"}})
	https := routeTo("https", toBackend)()
	set(https, "spec.hostnames", []any{"api.example.org"})
	ingressNs := meshNamespace(ingressNS, true)
	meshNs := meshNamespace("inference", true)
	return map[string]obj{
		"address":  {globalAddressType, map[string]any{"name": "mlp-prod-entry-ip"}},
		"certmap":  {certMapType, map[string]any{"name": "mlp-prod-entry-certmap"}},
		"entry":    {certMapEntryType, map[string]any{"map": "mlp-prod-entry-certmap", "hostname": "api.example.org", "certificates": []any{"cert-id"}}},
		"gateway":  {tK8sGateway, gw},
		"route":    {tHTTPRoute, https},
		"policy":   {tBackendPolicy, backendPolicy()},
		"secret":   {secretType, map[string]any{"metadata": map[string]any{"name": "iap-oauth-client", "namespace": ingressNS}, "stringData": map[string]any{"key": "s"}}},
		"member":   {tIAPMember, iapMember()},
		"armor":    {tArmor, armor()},
		"ingress":  {serviceType, map[string]any{"metadata": map[string]any{"name": "mesh-ingressgateway", "namespace": ingressNS}}},
		"ingressn": {tNamespace, ingressNs},
		"authn": {requestAuthnType, map[string]any{"metadata": map[string]any{"name": "iap-jwt", "namespace": ingressNS},
			"spec": map[string]any{"jwtRules": []any{map[string]any{"issuer": "https://cloud.google.com/iap"}}}}},
		"allowlb": {tAuthz, map[string]any{"metadata": map[string]any{"name": "allow-load-balancer", "namespace": ingressNS},
			"spec": map[string]any{"action": "ALLOW", "rules": []any{map[string]any{"from": []any{map[string]any{"source": map[string]any{
				"ipBlocks": []any{"35.191.0.0/16"}, "requestPrincipals": []any{"https://cloud.google.com/iap/*"}}}}}}}}},
		"meshgw": {istioGatewayType, map[string]any{"metadata": map[string]any{"name": "mesh-ingressgateway", "namespace": ingressNS},
			"spec": map[string]any{"servers": []any{map[string]any{"hosts": []any{"api.example.org"}}}}}},
		"vs": {virtualSvcType, map[string]any{"metadata": map[string]any{"name": "inference-api", "namespace": ingressNS},
			"spec": map[string]any{"hosts": []any{"api.example.org"}, "http": []any{map[string]any{"route": []any{
				map[string]any{"destination": map[string]any{"host": "inference-api.inference.svc.cluster.local"}}}}}}}},
		"backend": {serviceType, map[string]any{"metadata": map[string]any{"name": "inference-api", "namespace": "inference"}}},
		"allow":   {tAuthz, allowFrom(principal)()},
		"meshns":  {tNamespace, meshNs},
	}
}

// journey is the compliant entry, changed by mod.
func journey(mod func(objs map[string]map[string]any)) scenario {
	objs := map[string]map[string]any{}
	types := map[string]string{}
	for k, o := range journeyObjects() {
		objs[k], types[k] = o.in, o.typ
	}
	if mod != nil {
		mod(objs)
	}
	var rs []Resource
	for _, k := range []string{"address", "certmap", "entry", "gateway", "route", "policy", "secret", "member", "armor",
		"ingress", "ingressn", "authn", "allowlb", "meshgw", "vs", "backend", "allow", "meshns"} {
		if in, ok := objs[k]; ok {
			rs = append(rs, res(types[k], "j-"+k, in))
		}
	}
	return scenario{resources: rs}
}

// journeyFails breaks each link once, in walking order.
func journeyFails() []scenario {
	drop := func(k string) scenario { return journey(func(o map[string]map[string]any) { delete(o, k) }) }
	edit := func(k, path string, value any) scenario {
		return journey(func(o map[string]map[string]any) { set(o[k], path, value) })
	}
	return list(
		drop("address"), drop("entry"), edit("route", "spec.hostnames", []any{"other.example.org"}),
		edit("policy", "spec.default.iap.clientID", deleted{}), drop("secret"), drop("member"),
		edit("policy", "spec.default.securityPolicy", deleted{}), drop("ingress"),
		edit("ingressn", "metadata.labels", map[string]any{"environment": "prod"}), drop("authn"),
		edit("allowlb", "spec.rules", []any{map[string]any{"from": []any{map[string]any{"source": map[string]any{"ipBlocks": []any{"35.191.0.0/16"}}}}}}),
		drop("meshgw"), edit("vs", "spec.http", []any{}), drop("allow"),
		edit("meshns", "metadata.labels", map[string]any{"environment": "prod"}))
}

// Each broken link is named in the finding, and only the first broken one.
func TestEntryJourneyNamesTheFirstBrokenLink(t *testing.T) {
	if fs := journeyFindings(journey(nil)); len(fs) != 0 {
		t.Fatalf("compliant journey has findings:\n%s", render(fs))
	}
	wants := []string{"address", "certificate", "route", "IAP", "IAP", "IAP access", "Cloud Armor", "mesh ingress",
		"mesh ingress", "IAP header check", "IAP header check", "mesh routing", "mesh routing", "AuthorizationPolicy", "sidecar"}
	for i, s := range journeyFails() {
		fs := journeyFindings(s)
		want := "link \"" + wants[i] + "\""
		if len(fs) != 1 || !strings.Contains(fs[0].Message, want) {
			t.Errorf("case %d: want one finding naming %s, got:\n%s", i, want, render(fs))
		}
	}
}
