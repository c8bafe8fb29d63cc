package policy

import (
	"fmt"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Cross-resource rules of the entry: Kubernetes objects refer to each other by namespace and
// name, so these rules join them the way the GKE Gateway controller does.

// objKey is namespace/name; an object without a namespace is in "default".
func objKey(ns, name string) string {
	if ns == "" {
		ns = "default"
	}
	return ns + "/" + name
}

func metaKey(in resource.PropertyMap) (string, bool) {
	ns, name := get(in, "metadata.namespace"), get(in, "metadata.name")
	if ns.Unknown() || name.Unknown() {
		return "", false
	}
	return objKey(ns.Text(), name.Text()), true
}

func ofType(st stack, typ string) []Resource {
	var out []Resource
	for _, r := range st.resources {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

// parentListeners returns the protocols of the Gateway listeners a route attaches to, and
// whether that Gateway's class is an external one.
func parentListeners(gateways map[string]Resource, routeNS string, parent resource.PropertyMap) (protocols []string, external bool) {
	ns := get(parent, "namespace").Text()
	if ns == "" {
		ns = routeNS
	}
	gw, ok := gateways[objKey(ns, get(parent, "name").Text())]
	if !ok {
		return nil, false
	}
	section := get(parent, "sectionName").Text()
	for _, l := range get(gw.Inputs, "spec.listeners").Array() {
		lm := unwrap(l).Object()
		if section == "" || get(lm, "name").Text() == section {
			protocols = append(protocols, strings.ToUpper(get(lm, "protocol").Text()))
		}
	}
	return protocols, strings.Contains(get(gw.Inputs, "spec.gatewayClassName").Text(), "external")
}

func gatewaysByKey(st stack) map[string]Resource {
	out := map[string]Resource{}
	for _, gw := range ofType(st, k8sGatewayType) {
		if k, ok := metaKey(gw.Inputs); ok {
			keepFirst(out, k, gw)
		}
	}
	return out
}

// keepFirst keeps, of several objects with one namespace/name, the one with the lowest URN,
// so the findings do not depend on registration order.
func keepFirst(m map[string]Resource, key string, r Resource) {
	if old, ok := m[key]; !ok || r.URN < old.URN {
		m[key] = r
	}
}

func httpOnlyRedirects(st stack) []violation {
	gateways := gatewaysByKey(st)
	var out []violation
	for _, route := range ofType(st, httpRouteType) {
		routeNS := get(route.Inputs, "metadata.namespace").Text()
		plain := false
		for _, p := range get(route.Inputs, "spec.parentRefs").Array() {
			protocols, _ := parentListeners(gateways, routeNS, unwrap(p).Object())
			plain = plain || containsFold(protocols, "HTTP")
		}
		if !plain {
			continue
		}
		for i, raw := range get(route.Inputs, "spec.rules").Array() {
			rule := unwrap(raw).Object()
			if len(get(rule, "backendRefs").Array()) > 0 || !redirectsToHTTPS(rule) {
				out = append(out, violation{URN: route.URN, Type: route.Type, Name: route.Name,
					Message: fmt.Sprintf("spec.rules[%d] on a plain-HTTP listener serves traffic instead of redirecting to https", i)})
			}
		}
	}
	return out
}

func redirectsToHTTPS(rule resource.PropertyMap) bool {
	for _, f := range get(rule, "filters").Array() {
		fm := unwrap(f).Object()
		if oneOf(get(fm, "type").Text(), "RequestRedirect") && oneOf(get(fm, "requestRedirect.scheme").Text(), "https") {
			return true
		}
	}
	return false
}

// backendPolicyCheck reports every Service an external Gateway routes to whose
// GCPBackendPolicy is missing or fails ok.
func backendPolicyCheck(problem string, ok func(resource.PropertyMap) bool) func(stack) []violation {
	return func(st stack) []violation {
		gateways := gatewaysByKey(st)
		policies := map[string]Resource{}
		for _, p := range ofType(st, backendPolicyType) {
			ns, name := get(p.Inputs, "metadata.namespace"), get(p.Inputs, "spec.targetRef.name")
			if oneOf(get(p.Inputs, "spec.targetRef.kind").Text(), "Service") && !ns.Unknown() && !name.Unknown() {
				keepFirst(policies, objKey(ns.Text(), name.Text()), p)
			}
		}
		var out []violation
		for _, route := range ofType(st, httpRouteType) {
			seen := map[string]bool{}
			routeNS := get(route.Inputs, "metadata.namespace")
			if routeNS.Unknown() || !routesExternally(gateways, routeNS.Text(), route) {
				continue
			}
			for _, raw := range get(route.Inputs, "spec.rules").Array() {
				for _, ref := range get(unwrap(raw).Object(), "backendRefs").Array() {
					rm := unwrap(ref).Object()
					name := get(rm, "name")
					if name.Unknown() || (!get(rm, "kind").Absent() && !oneOf(get(rm, "kind").Text(), "Service")) {
						continue
					}
					ns := get(rm, "namespace").Text()
					if ns == "" {
						ns = routeNS.Text()
					}
					key := objKey(ns, name.Text())
					if seen[key] {
						continue
					}
					seen[key] = true
					if p, found := policies[key]; !found {
						out = append(out, violation{URN: route.URN, Type: route.Type, Name: route.Name,
							Message: fmt.Sprintf("backend Service %s has no GCPBackendPolicy: %s", key, problem)})
					} else if !ok(p.Inputs) {
						out = append(out, violation{URN: p.URN, Type: p.Type, Name: p.Name,
							Message: fmt.Sprintf("backend Service %s: %s", key, problem)})
					}
				}
			}
		}
		return out
	}
}

func routesExternally(gateways map[string]Resource, routeNS string, route Resource) bool {
	for _, p := range get(route.Inputs, "spec.parentRefs").Array() {
		if _, external := parentListeners(gateways, routeNS, unwrap(p).Object()); external {
			return true
		}
	}
	return false
}

// defaultDeny: an AuthorizationPolicy with no selector and no rules (an empty spec) denies
// every request in its namespace (Istio: "allow-nothing").
func defaultDeny(st stack) []violation {
	denied := map[string]bool{}
	for _, p := range ofType(st, authzType) {
		spec, ns := get(p.Inputs, "spec"), get(p.Inputs, "metadata.namespace")
		if ns.Unknown() {
			continue
		}
		if spec.Absent() || (spec.V.IsObject() && len(spec.Object()) == 0) {
			denied[ns.Text()] = true
		}
	}
	var out []violation
	for _, n := range ofType(st, namespaceType) {
		lbls := get(n.Inputs, "metadata.labels").Object()
		name := get(n.Inputs, "metadata.name")
		if name.Unknown() || lbls == nil {
			continue
		}
		injected := oneOf(unwrap(lbls["istio-injection"]).Text(), "enabled") || unwrap(lbls["istio.io/rev"]).Text() != ""
		if injected && !denied[name.Text()] {
			out = append(out, violation{URN: n.URN, Type: n.Type, Name: n.Name,
				Message: fmt.Sprintf("mesh namespace %s has no allow-nothing AuthorizationPolicy", name.Text())})
		}
	}
	return out
}
