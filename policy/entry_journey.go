package policy

import (
	"fmt"
	"github.com/example/mlplatform/components"
	"net/url"
	"sort"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// The journey "a person in iapAccessMembers → entryUrl → the microservice", walked over the
// planned resources link by link in the order a request takes them. ENTRY-001 reports the first
// link that is broken, by name; each link says the cloud behaviour it relies on.
const (
	globalAddressType   = "gcp:compute/globalAddress:GlobalAddress"
	certMapType         = "gcp:certificatemanager/certificateMap:CertificateMap"
	certMapEntryType    = "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry"
	secretType          = "kubernetes:core/v1:Secret"
	istioGatewayType    = "kubernetes:networking.istio.io/v1:Gateway"
	serviceEntryType    = "kubernetes:networking.istio.io/v1:ServiceEntry"
	destinationRuleType = "kubernetes:networking.istio.io/v1:DestinationRule"
	virtualSvcType      = "kubernetes:networking.istio.io/v1:VirtualService"
	requestAuthnType    = "kubernetes:security.istio.io/v1:RequestAuthentication"
	iapIssuer           = "https://cloud.google.com/iap"
	iapAccessorRole     = "roles/iap.httpsResourceAccessor"
)

var journeyRules = []Rule{
	{ID: "ENTRY-001", Severity: High,
		Description: "A person in iapAccessMembers must reach the microservice through entryUrl: reserved address, certificate for the hostname, HTTPS route, IAP with an OAuth client and accessors, Cloud Armor, mesh ingress, IAP's signed header checked with its keys reachable, mesh routing, the microservice's AuthorizationPolicy and a sidecar. High: a broken link means the entry does not serve, or serves without a guard.",
		Remediation: "Restore the link the finding names (gcp/entry/entry.go, gcp/entry/cluster.go, gcp/microservice/microservice.go).",
		stack:       entryJourney},
}

// entryWalk carries what one link hands the next.
type entryWalk struct {
	st        stack
	gw        Resource
	host, ns  string // the hostname; the mesh ingress namespace
	svc       string // the ingress Service the route sends to
	policy    resource.PropertyMap
	dest, dNS string // the microservice Service and its namespace
}

// link is one step: its name, the cloud behaviour, and the check (a problem or "").
type link struct {
	name, cites string
	check       func(*entryWalk) string
}

var entryLinks = []link{
	{"address", "the Gateway takes the reserved global address by name (GKE Gateway spec.addresses NamedAddress)", linkAddress},
	{"certificate", "the certificate map named by networking.gke.io/certmap has an entry for the hostname (Certificate Manager, secure-gateway)", linkCertificate},
	{"route", "an HTTPRoute on the HTTPS listener sends the hostname to a Service (Gateway API)", linkRoute},
	{"IAP", "the backend's GCPBackendPolicy enables IAP with clientID and a Secret holding the client secret under \"key\" (GKE configure-gateway-resources)", linkIAP},
	{"IAP access", "roles/iap.httpsResourceAccessor is granted to the members (cloud.google.com/iap/docs/managing-access)", linkIAPAccess},
	{"Cloud Armor", "the same GCPBackendPolicy attaches a Cloud Armor policy that exists", linkArmor},
	{"mesh ingress", "the routed Service exists in an injected namespace (Cloud Service Mesh gateways)", linkIngress},
	{"IAP header check", "the mesh gateway verifies x-goog-iap-jwt-assertion and requires its principal (iap/docs/signed-headers-howto)", linkIAPHeader},
	{"IAP keys", "the gateway's proxy fetches the jwksUri itself, through a ServiceEntry for its host and a DestinationRule originating TLS (Cloud Service Mesh, configuring-remote-jwks-request-authentication)", linkIAPKeys},
	{"mesh routing", "an Istio Gateway serves the hostname and a VirtualService sends it to the microservice Service", linkMeshRouting},
	{"AuthorizationPolicy", "the microservice namespace allows the ingress gateway's mesh identity", linkAuthz},
	{"sidecar", "the microservice namespace is labelled for injection, so its pods get a proxy (istio-injection / istio.io/rev)", linkSidecar},
}

func entryJourney(st stack) []violation {
	// Walk in URN order, so the links chosen (and the findings) do not depend on registration order.
	st.resources = append([]Resource(nil), st.resources...)
	sort.Slice(st.resources, func(i, j int) bool { return st.resources[i].URN < st.resources[j].URN })
	var out []violation
	for _, gw := range ofType(st, k8sGatewayType) {
		if !strings.Contains(get(gw.Inputs, "spec.gatewayClassName").Text(), "external") {
			continue
		}
		w := &entryWalk{st: st, gw: gw, ns: get(gw.Inputs, "metadata.namespace").Text()}
		for _, l := range entryLinks {
			if problem := l.check(w); problem != "" {
				out = append(out, violation{URN: gw.URN, Type: gw.Type, Name: gw.Name,
					Message: fmt.Sprintf("journey person → entryUrl → microservice breaks at link %q: %s (%s)", l.name, problem, l.cites)})
				break
			}
		}
	}
	return out
}

// named finds a resource of typ whose input at path equals want; unknown values match.
func named(st stack, typ, path, want string) (Resource, bool) {
	for _, r := range ofType(st, typ) {
		if p := get(r.Inputs, path); p.Unknown() || p.Text() == want {
			return r, true
		}
	}
	return Resource{}, false
}

func inNS(st stack, typ, ns, name string) (Resource, bool) {
	for _, r := range ofType(st, typ) {
		if k, ok := metaKey(r.Inputs); !ok || k == objKey(ns, name) {
			return r, true
		}
	}
	return Resource{}, false
}

func linkAddress(w *entryWalk) string {
	for _, a := range get(w.gw.Inputs, "spec.addresses").Array() {
		am := unwrap(a).Object()
		if _, ok := named(w.st, globalAddressType, "name", get(am, "value").Text()); ok && oneOf(get(am, "type").Text(), "NamedAddress") {
			return ""
		}
	}
	return "the Gateway names no reserved global address of the plan"
}

func linkCertificate(w *entryWalk) string {
	ann := get(w.gw.Inputs, "metadata.annotations").Object()
	certMap := unwrap(ann["networking.gke.io/certmap"]).Text()
	if _, ok := named(w.st, certMapType, "name", certMap); !ok || certMap == "" {
		return "the Gateway's networking.gke.io/certmap names no certificate map of the plan"
	}
	for _, e := range ofType(w.st, certMapEntryType) {
		m := get(e.Inputs, "map")
		if (m.Unknown() || m.Text() == certMap) && len(get(e.Inputs, "certificates").Array()) > 0 {
			w.host = get(e.Inputs, "hostname").Text()
			return ""
		}
	}
	return "certificate map " + certMap + " has no entry with a certificate"
}

func linkRoute(w *entryWalk) string {
	gws := map[string]Resource{}
	if k, ok := metaKey(w.gw.Inputs); ok {
		gws[k] = w.gw
	}
	for _, r := range ofType(w.st, httpRouteType) {
		if get(r.Inputs, "metadata.namespace").Text() != w.ns || !containsFold(get(r.Inputs, "spec.hostnames").Strings(), w.host) {
			continue
		}
		https := false
		for _, p := range get(r.Inputs, "spec.parentRefs").Array() {
			protocols, _ := parentListeners(gws, w.ns, unwrap(p).Object())
			https = https || containsFold(protocols, "HTTPS")
		}
		for _, raw := range get(r.Inputs, "spec.rules").Array() {
			for _, ref := range get(unwrap(raw).Object(), "backendRefs").Array() {
				if name := get(unwrap(ref).Object(), "name").Text(); https && name != "" {
					w.svc = name
					return ""
				}
			}
		}
	}
	return "no HTTPRoute on the Gateway's HTTPS listener sends " + w.host + " to a Service"
}

func linkIAP(w *entryWalk) string {
	for _, p := range ofType(w.st, backendPolicyType) {
		if get(p.Inputs, "metadata.namespace").Text() == w.ns && get(p.Inputs, "spec.targetRef.name").Text() == w.svc {
			w.policy = p.Inputs
		}
	}
	if w.policy == nil {
		return "Service " + w.svc + " has no GCPBackendPolicy"
	}
	if on, _ := get(w.policy, "spec.default.iap.enabled").Boolean(); !on || len(iapClientUnnamed(Resource{Inputs: w.policy})) > 0 {
		return "IAP is not enabled with clientID and oauth2ClientSecret"
	}
	sec, ok := inNS(w.st, secretType, w.ns, get(w.policy, "spec.default.iap.oauth2ClientSecret.name").Text())
	if !ok || (get(sec.Inputs, "stringData.key").Absent() && get(sec.Inputs, "data.key").Absent()) {
		return "the OAuth client's Secret is missing or has no \"key\""
	}
	return ""
}

func linkIAPAccess(w *entryWalk) string {
	for _, r := range w.st.resources {
		if strings.HasPrefix(r.Type, "gcp:iap/") && get(r.Inputs, "role").Text() == iapAccessorRole && get(r.Inputs, "member").Text() != "" {
			return ""
		}
	}
	return "no member holds " + iapAccessorRole
}

func linkArmor(w *entryWalk) string {
	name := get(w.policy, "spec.default.securityPolicy").Text()
	if _, ok := named(w.st, armorType, "name", name); !ok || name == "" {
		return "the GCPBackendPolicy attaches no Cloud Armor policy of the plan"
	}
	return ""
}

func linkIngress(w *entryWalk) string {
	if _, ok := inNS(w.st, serviceType, w.ns, w.svc); !ok {
		return "Service " + objKey(w.ns, w.svc) + " is not in the plan"
	}
	if !injected(w.st, w.ns) {
		return "namespace " + w.ns + " is not labelled for sidecar injection: the gateway pods get no proxy"
	}
	return ""
}

func linkIAPHeader(w *entryWalk) string {
	checked := false
	for _, r := range ofType(w.st, requestAuthnType) {
		for _, j := range get(r.Inputs, "spec.jwtRules").Array() {
			jm := unwrap(j).Object()
			checked = checked || (get(r.Inputs, "metadata.namespace").Text() == w.ns && get(jm, "issuer").Text() == iapIssuer)
		}
	}
	if !checked {
		return "no RequestAuthentication in " + w.ns + " verifies IAP's signed header"
	}
	for _, p := range ofType(w.st, authzType) {
		if get(p.Inputs, "metadata.namespace").Text() == w.ns && mentions(get(p.Inputs, "spec.rules").V, iapIssuer) {
			return ""
		}
	}
	return "no AuthorizationPolicy in " + w.ns + " requires IAP's request principal"
}

// linkIAPKeys: with the managed control plane the Envoy proxy, not the control plane, fetches
// a RequestAuthentication's jwksUri, and needs a ServiceEntry for the host with a
// DestinationRule originating TLS to it; without them every token fails verification.
func linkIAPKeys(w *entryWalk) string {
	for _, r := range ofType(w.st, requestAuthnType) {
		if get(r.Inputs, "metadata.namespace").Text() != w.ns {
			continue
		}
		for _, j := range get(r.Inputs, "spec.jwtRules").Array() {
			u, err := url.Parse(get(unwrap(j).Object(), "jwksUri").Text())
			if err != nil || u.Hostname() == "" {
				continue
			}
			if problem := w.meshExternal(u.Hostname()); problem != "" {
				return problem
			}
		}
	}
	return ""
}

// meshExternal reports what keeps the namespace's proxies from reaching host over TLS.
func (w *entryWalk) meshExternal(host string) string {
	entry := false
	for _, r := range ofType(w.st, serviceEntryType) {
		entry = entry || (get(r.Inputs, "metadata.namespace").Text() == w.ns && mentions(get(r.Inputs, "spec.hosts").V, host) &&
			get(r.Inputs, "spec.location").Text() == "MESH_EXTERNAL")
	}
	if !entry {
		return "no MESH_EXTERNAL ServiceEntry in " + w.ns + " for " + host + ", whose keys the gateway's proxy fetches"
	}
	for _, r := range ofType(w.st, destinationRuleType) {
		if get(r.Inputs, "metadata.namespace").Text() == w.ns && get(r.Inputs, "spec.host").Text() == host &&
			get(r.Inputs, "spec.trafficPolicy.tls.mode").Text() == "SIMPLE" {
			return ""
		}
	}
	return "no DestinationRule in " + w.ns + " originating TLS (mode SIMPLE) to " + host
}

func linkMeshRouting(w *entryWalk) string {
	served := false
	for _, g := range ofType(w.st, istioGatewayType) {
		served = served || (get(g.Inputs, "metadata.namespace").Text() == w.ns && mentions(get(g.Inputs, "spec.servers").V, w.host))
	}
	if !served {
		return "no Istio Gateway in " + w.ns + " serves " + w.host
	}
	for _, vs := range ofType(w.st, virtualSvcType) {
		if !containsFold(get(vs.Inputs, "spec.hosts").Strings(), w.host) {
			continue
		}
		for _, h := range get(vs.Inputs, "spec.http").Array() {
			for _, d := range get(unwrap(h).Object(), "route").Array() {
				parts := strings.Split(get(unwrap(d).Object(), "destination.host").Text(), ".")
				if len(parts) >= 2 {
					if _, ok := inNS(w.st, serviceType, parts[1], parts[0]); ok {
						w.dest, w.dNS = parts[0], parts[1]
						return ""
					}
				}
			}
		}
	}
	return "no VirtualService sends " + w.host + " to a Service of the plan"
}

func linkAuthz(w *entryWalk) string {
	for _, p := range ofType(w.st, authzType) {
		if get(p.Inputs, "metadata.namespace").Text() == w.dNS && mentions(get(p.Inputs, "spec.rules").V, "/ns/"+w.ns+"/sa/") {
			return ""
		}
	}
	return "no AuthorizationPolicy in " + w.dNS + " allows the ingress gateway's identity"
}

func linkSidecar(w *entryWalk) string {
	if !injected(w.st, w.dNS) {
		return "namespace " + w.dNS + " is not labelled for sidecar injection: the microservice's pods run without a proxy"
	}
	return ""
}

// injected: the namespace carries istio-injection=enabled or an istio.io/rev label.
func injected(st stack, ns string) bool {
	for _, n := range ofType(st, namespaceType) {
		lbls := get(n.Inputs, "metadata.labels").Object()
		if get(n.Inputs, "metadata.name").Text() == ns && lbls != nil &&
			(oneOf(unwrap(lbls["istio-injection"]).Text(), "enabled") || unwrap(lbls["istio.io/rev"]).Text() != "") {
			return true
		}
	}
	return false
}

// mentions: some string inside v (through arrays, objects, secrets and outputs) contains sub.
func mentions(v resource.PropertyValue, sub string) bool {
	switch {
	case v.IsString():
		return strings.Contains(v.StringValue(), sub)
	case v.IsSecret():
		return mentions(v.SecretValue().Element, sub)
	case v.IsOutput():
		return mentions(v.OutputValue().Element, sub)
	case v.IsArray():
		for _, e := range v.ArrayValue() {
			if mentions(e, sub) {
				return true
			}
		}
	case v.IsObject():
		for _, e := range v.ObjectValue() {
			if mentions(e, sub) {
				return true
			}
		}
	}
	return false
}

// iapClientUnnamed is IAP-003's check (the entry component's rule, gcp/entry/spec), reached
// through the one list of components like every component's rule, never by importing it.
func iapClientUnnamed(r Resource) []string {
	for _, c := range components.All() {
		for _, rule := range c.Rules {
			if rule.ID == "IAP-003" {
				return rule.Check(r)
			}
		}
	}
	return []string{"IAP-003 is not registered"}
}
