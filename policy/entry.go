package policy

import (
	"fmt"
	"net/netip"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// Types of the microservice, its entry and the mesh authorization.
const (
	deploymentType    = "kubernetes:apps/v1:Deployment"
	namespaceType     = "kubernetes:core/v1:Namespace"
	k8sGatewayType    = "kubernetes:gateway.networking.k8s.io/v1:Gateway"
	httpRouteType     = "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute"
	backendPolicyType = "kubernetes:networking.gke.io/v1:GCPBackendPolicy"
	authzType         = "kubernetes:security.istio.io/v1:AuthorizationPolicy"
	armorType         = "gcp:compute/securityPolicy:SecurityPolicy"
)

// iapIAMTypes match the IAP web IAM members, bindings and policies.
var iapIAMTypes = []string{"gcp:iap/*:*IamMember", "gcp:iap/*:*IamBinding", "gcp:iap/*:*IamPolicy"}

var workloadRules = []Rule{
	{ID: "POD-001", Severity: High, Types: podTypes,
		External:    []string{"AVD-KSV-0001", "AVD-KSV-0003", "AVD-KSV-0004", "AVD-KSV-0005", "AVD-KSV-0008", "AVD-KSV-0009", "AVD-KSV-0010", "AVD-KSV-0012", "AVD-KSV-0017", "AVD-KSV-0105", "AVD-KSV-0106", "AVD-KSV-0118", "AVD-KSV-0119", "AVD-KSV-0120", "CIS GKE 4.6.3"},
		Description: "Pods must run as non-root, without privilege escalation, privileged mode or host namespaces, with every capability dropped. High: a compromised container could otherwise take over its node.",
		Remediation: "Set securityContext.runAsNonRoot, allowPrivilegeEscalation: false, capabilities.drop: [ALL]; leave privileged and hostNetwork/hostPID/hostIPC off.",
		check:       containers(privilegeChecks)},
	{ID: "POD-002", Severity: Medium, Types: podTypes,
		External:    []string{"AVD-KSV-0014", "AVD-KSV-0030", "CIS GKE 4.6.2"},
		Description: "Containers must have a read-only root filesystem and the RuntimeDefault (or a Localhost) seccomp profile. Medium: limits what an intruder can change and which syscalls it can make.",
		Remediation: "Set securityContext.readOnlyRootFilesystem: true and seccompProfile.type: RuntimeDefault (pod or container).",
		check:       containers(hardeningChecks)},
	{ID: "POD-003", Severity: Medium, Types: podTypes, External: []string{"AVD-KSV-0011", "AVD-KSV-0015", "AVD-KSV-0016", "AVD-KSV-0018"},
		Description: "Containers must declare CPU and memory requests and limits. Medium: without them one workload can starve its node.",
		Remediation: "Set resources.requests.cpu, resources.requests.memory, resources.limits.cpu and resources.limits.memory.",
		check:       containers(resourceChecks)},
	{ID: "POD-004", Severity: Medium, Types: []string{deploymentType},
		Description: "Containers must have readiness and liveness probes. Medium: traffic would reach pods that cannot serve, and hung pods would never restart.",
		Remediation: "Set readinessProbe and livenessProbe.",
		check:       containers(probeChecks)},
	{ID: "POD-005", Severity: Medium, Types: podTypes,
		External:    []string{"AVD-KSV-0013"},
		Description: "Images must be pinned by digest (@sha256:…). Medium: a tag can be moved to other bits after review; Binary Authorization judges digests.",
		Remediation: "Reference the image as REGISTRY/PATH@sha256:DIGEST.",
		check:       containers(digestCheck)},
}

var entryRules = []Rule{
	{ID: "GW-001", Severity: High, Types: []string{k8sGatewayType},
		Description: "A Gateway must serve HTTPS with a certificate (a Certificate Manager map or listener certificates). High: credentials and data would cross the internet in clear text.",
		Remediation: `Add an HTTPS listener and the networking.gke.io/certmap annotation (or tls.certificateRefs).`,
		check:       gatewayTLS},
	{ID: "GW-002", Severity: High,
		Description: "Routes attached to a plain-HTTP Gateway listener may only redirect to HTTPS. High: otherwise the service answers in clear text.",
		Remediation: "Give such HTTPRoutes only a RequestRedirect filter with scheme https and no backendRefs.",
		stack:       httpOnlyRedirects},
	{ID: "IAP-001", Severity: High,
		External:    []string{"KICS 3f1222a9"},
		Description: "Every backend of an external Gateway must have IAP enabled by a GCPBackendPolicy. High: anyone on the internet could call it.",
		Remediation: "Target the backend Service with a GCPBackendPolicy whose spec.default.iap.enabled is true.",
		stack:       backendPolicyCheck("IAP is not enabled", func(p resource.PropertyMap) bool { b, _ := get(p, "spec.default.iap.enabled").Boolean(); return b })},
	{ID: "IAP-002", Severity: High, Types: iapIAMTypes,
		Description: "IAP access must not be granted to allUsers or allAuthenticatedUsers. High: IAP would let everyone in.",
		Remediation: "Grant roles/iap.httpsResourceAccessor to named users, groups or service accounts.",
		check:       iamCheck(publicMember)},
	{ID: "IAP-003", Severity: High, Types: []string{backendPolicyType},
		Description: "A GCPBackendPolicy that enables IAP must name its OAuth client (iap.clientID) and the Secret holding the client's secret (iap.oauth2ClientSecret.name), as the GKE Gateway controller's type requires. High: the controller would reject the policy, and the Cloud Armor policy it carries would be dropped with it.",
		Remediation: "Set spec.default.iap.clientID to iapOAuthClientId and spec.default.iap.oauth2ClientSecret.name to a Secret in the policy's namespace holding the client secret under key \"key\" (gke-gateway-api GCPBackendPolicy; cloud.google.com/kubernetes-engine/docs/how-to/configure-gateway-resources).",
		check:       iapClientNamed},
	{ID: "ARMOR-001", Severity: High,
		Description: "Every backend of an external Gateway must have a Cloud Armor policy attached by a GCPBackendPolicy. High: no rate limit or WAF would stand between the internet and the service.",
		Remediation: "Set spec.default.securityPolicy in the backend's GCPBackendPolicy.",
		stack:       backendPolicyCheck("no Cloud Armor policy is attached", func(p resource.PropertyMap) bool { return get(p, "spec.default.securityPolicy").Text() != "" })},
	{ID: "ARMOR-002", Severity: Medium, Types: []string{armorType},
		Description: "A Cloud Armor policy must rate-limit per client (throttle or rate_based_ban keyed on the client, denying the excess). Medium: one client could exhaust the service.",
		Remediation: `Add a rule with action throttle or rate_based_ban, rateLimitOptions.enforceOnKey IP, exceedAction "deny(429)".`,
		check:       perClientRateLimit},
	{ID: "ARMOR-003", Severity: Medium, Types: []string{armorType},
		Description: "A Cloud Armor policy should block the preconfigured OWASP SQL-injection and XSS rules (not in preview). Medium: the most common web attacks reach the service.",
		Remediation: "Add deny rules evaluatePreconfiguredWaf('sqli-v33-stable', …) and evaluatePreconfiguredWaf('xss-v33-stable', …) (armorOwaspRules).",
		check:       owaspBlocking},
	{ID: "ARMOR-004", Severity: High, Types: []string{armorType},
		External:    []string{"CKV_GCP_73"},
		Description: "A Cloud Armor policy must block with Google's preconfigured cve-canary rule (not in preview), whose signatures stop the Log4j exploits CVE-2021-44228 and CVE-2021-45046. High: Log4Shell is remote code execution by one request.",
		Remediation: "Add a deny rule evaluatePreconfiguredWaf('cve-canary', …) (cloud.google.com/armor/docs/waf-rules).",
		check:       cveCanaryBlocking},
	{ID: "MESH-001", Severity: High,
		Description: "Every mesh namespace (sidecar injection on) must have an allow-nothing AuthorizationPolicy. High: without it any workload in the mesh can call any other.",
		Remediation: "Create an AuthorizationPolicy with an empty spec in the namespace, then allow callers explicitly.",
		stack:       defaultDeny},
	{ID: "MESH-002", Severity: High, Types: []string{authzType},
		Description: "ALLOW AuthorizationPolicies must name their callers (principals, namespaces or IP blocks, none a wildcard). High: a rule without a source allows everyone.",
		Remediation: "Give each rule a from.source with principals (TRUST_DOMAIN/ns/NS/sa/SA) or specific ipBlocks.",
		check:       allowNamesCallers},
}

// containers applies judge to every container of a Deployment's pod template; judge sees
// the container and the pod spec.
func containers(judge func(i int, c, pod resource.PropertyMap) []string) check {
	return func(r Resource) []string {
		pod := get(r.Inputs, "spec.template.spec")
		if pod.Unknown() {
			return nil
		}
		list := get(r.Inputs, "spec.template.spec.containers")
		if list.Absent() && !pod.Absent() {
			return msgf("spec.template.spec.containers is not set")
		}
		var out []string
		for i, c := range list.Array() {
			if cp := unwrap(c); !cp.Unknown() {
				out = append(out, judge(i, cp.Object(), pod.Object())...)
			}
		}
		return out
	}
}

// either reads a boolean from the container's securityContext, else the pod's.
func either(c, pod resource.PropertyMap, path string) prop {
	if p := get(c, "securityContext."+path); !p.Absent() {
		return p
	}
	return get(pod, "securityContext."+path)
}

func wantFlag(p prop, want bool) bool {
	if p.Unknown() {
		return true
	}
	b, ok := p.Boolean()
	return ok && b == want
}

func privilegeChecks(i int, c, pod resource.PropertyMap) []string {
	var out []string
	name := fmt.Sprintf("containers[%d]", i)
	if !wantFlag(either(c, pod, "runAsNonRoot"), true) {
		out = append(out, name+": runAsNonRoot is not true")
	}
	if !wantFlag(get(c, "securityContext.allowPrivilegeEscalation"), false) {
		out = append(out, name+": allowPrivilegeEscalation is not false")
	}
	if b, _ := get(c, "securityContext.privileged").Boolean(); b {
		out = append(out, name+": privileged is true")
	}
	caps := get(c, "securityContext.capabilities.drop")
	if !caps.Unknown() && !containsFold(caps.Strings(), "ALL") {
		out = append(out, name+": capabilities.drop does not contain ALL")
	}
	if i == 0 {
		for _, host := range []string{"hostNetwork", "hostPID", "hostIPC"} {
			if b, _ := get(pod, host).Boolean(); b {
				out = append(out, "pod: "+host+" is true")
			}
		}
	}
	return out
}

func hardeningChecks(i int, c, pod resource.PropertyMap) []string {
	var out []string
	name := fmt.Sprintf("containers[%d]", i)
	if !wantFlag(get(c, "securityContext.readOnlyRootFilesystem"), true) {
		out = append(out, name+": readOnlyRootFilesystem is not true")
	}
	seccomp := get(c, "securityContext.seccompProfile.type")
	if seccomp.Absent() {
		seccomp = get(pod, "securityContext.seccompProfile.type")
	}
	if !seccomp.Unknown() && !oneOf(seccomp.Text(), "RuntimeDefault", "Localhost") {
		out = append(out, fmt.Sprintf("%s: seccompProfile.type is %s; want RuntimeDefault", name, describe(seccomp, "Unconfined")))
	}
	return out
}

func resourceChecks(i int, c, _ resource.PropertyMap) []string {
	var out []string
	for _, path := range []string{"resources.requests.cpu", "resources.requests.memory", "resources.limits.cpu", "resources.limits.memory"} {
		if p := get(c, path); !p.Unknown() && strings.TrimSpace(p.Text()) == "" {
			out = append(out, fmt.Sprintf("containers[%d]: %s is not set", i, path))
		}
	}
	return out
}

func probeChecks(i int, c, _ resource.PropertyMap) []string {
	var out []string
	for _, probe := range []string{"readinessProbe", "livenessProbe"} {
		if get(c, probe).Absent() {
			out = append(out, fmt.Sprintf("containers[%d]: %s is not set", i, probe))
		}
	}
	return out
}

// digestCheck exempts the mesh's injected gateway: image "auto" is replaced at admission by
// the managed proxy image Google pins.
func digestCheck(i int, c, pod resource.PropertyMap) []string {
	img := get(c, "image")
	if img.Unknown() || strings.Contains(img.Text(), "@sha256:") || img.Text() == "auto" {
		return nil
	}
	return []string{fmt.Sprintf("containers[%d]: image %s is not pinned by digest", i, img.Show())}
}

func containsFold(list []string, want string) bool {
	for _, s := range list {
		if strings.EqualFold(strings.TrimSpace(s), want) {
			return true
		}
	}
	return false
}

func gatewayTLS(r Resource) []string {
	listeners := get(r.Inputs, "spec.listeners")
	certMap := get(r.Inputs, "metadata.annotations").Object()
	if listeners.Unknown() {
		return nil
	}
	hasMap := certMap != nil && (unwrap(certMap["networking.gke.io/certmap"]).Text() != "" || unwrap(certMap["networking.gke.io/certmap"]).Unknown())
	https := 0
	var out []string
	for i, l := range listeners.Array() {
		lm := unwrap(l).Object()
		if !oneOf(get(lm, "protocol").Text(), "HTTPS") {
			continue
		}
		https++
		if !hasMap && len(get(lm, "tls.certificateRefs").Array()) == 0 {
			out = append(out, fmt.Sprintf("spec.listeners[%d] is HTTPS without a certificate (no certmap annotation, no tls.certificateRefs)", i))
		}
	}
	if https == 0 {
		out = append(out, "no HTTPS listener: the Gateway serves only clear text")
	}
	return out
}

// iapClientNamed: the gke-gateway-api GCPBackendPolicy type on main says of iap.enabled "If
// true, the ClientID and Oauth2ClientSecret fields must be non-empty" (a later doc change
// making Google's managed client the default, commit 7a20e46, was never merged), and the
// Compute Engine API the controller calls says the same of a backend service
// (cloud.google.com/iap/docs/reference/compute-engine-apis: "If iap.enabled is true, the
// oauth2ClientId and oauth2ClientSecret properties must be set").
func iapClientNamed(r Resource) []string {
	if on, _ := get(r.Inputs, "spec.default.iap.enabled").Boolean(); !on {
		return nil
	}
	var out []string
	for _, path := range []string{"spec.default.iap.clientID", "spec.default.iap.oauth2ClientSecret.name"} {
		if p := get(r.Inputs, path); !p.Unknown() && strings.TrimSpace(p.Text()) == "" {
			out = append(out, path+" is not set: the controller rejects IAP without the OAuth client, and drops the policy's Cloud Armor with it")
		}
	}
	return out
}

func perClientRateLimit(r Resource) []string {
	rules := get(r.Inputs, "rules")
	if rules.Unknown() {
		return nil
	}
	for _, raw := range rules.Array() {
		rule := unwrap(raw).Object()
		if !oneOf(get(rule, "action").Text(), "throttle", "rate_based_ban") {
			continue
		}
		key := get(rule, "rateLimitOptions.enforceOnKey").Text()
		configs := len(get(rule, "rateLimitOptions.enforceOnKeyConfigs").Array())
		preview, _ := get(rule, "preview").Boolean()
		if (configs > 0 || (key != "" && !oneOf(key, "ALL"))) && !preview &&
			strings.HasPrefix(get(rule, "rateLimitOptions.exceedAction").Text(), "deny") {
			return nil
		}
	}
	return msgf("no active rate-limit rule keyed per client that denies the excess")
}

func owaspBlocking(r Resource) []string {
	rules := get(r.Inputs, "rules")
	if rules.Unknown() {
		return nil
	}
	found := map[string]bool{}
	for _, raw := range rules.Array() {
		rule := unwrap(raw).Object()
		preview, _ := get(rule, "preview").Boolean()
		if preview || !strings.HasPrefix(get(rule, "action").Text(), "deny") {
			continue
		}
		expr := get(rule, "match.expr.expression").Text()
		for _, attack := range []string{"sqli", "xss"} {
			if strings.Contains(expr, "('"+attack+"-") {
				found[attack] = true
			}
		}
	}
	var out []string
	for _, attack := range []string{"sqli", "xss"} {
		if !found[attack] {
			out = append(out, fmt.Sprintf("no blocking preconfigured %s rule", attack))
		}
	}
	return out
}

// cveCanaryBlocking: an active deny rule evaluating the preconfigured cve-canary rule, as
// Checkov CKV_GCP_73 (CloudArmorWAFACLCVE202144228) looks for it, in either expression form
// Cloud Armor accepts (evaluatePreconfiguredWaf, or the older evaluatePreconfiguredExpr).
func cveCanaryBlocking(r Resource) []string {
	rules := get(r.Inputs, "rules")
	if rules.Unknown() {
		return nil
	}
	for _, raw := range rules.Array() {
		rule := unwrap(raw).Object()
		preview, _ := get(rule, "preview").Boolean()
		expr := strings.ReplaceAll(get(rule, "match.expr.expression").Text(), `"`, "'")
		if !preview && strings.HasPrefix(get(rule, "action").Text(), "deny") &&
			(strings.Contains(expr, "evaluatePreconfiguredWaf('cve-canary'") || strings.Contains(expr, "evaluatePreconfiguredExpr('cve-canary'")) {
			return nil
		}
	}
	return msgf("no blocking preconfigured cve-canary rule (Log4Shell, CVE-2021-44228)")
}

func allowNamesCallers(r Resource) []string {
	spec := get(r.Inputs, "spec")
	if spec.Unknown() || (!get(r.Inputs, "spec.action").Absent() && !oneOf(get(r.Inputs, "spec.action").Text(), "ALLOW")) {
		return nil
	}
	var out []string
	for i, raw := range get(r.Inputs, "spec.rules").Array() {
		rule := unwrap(raw).Object()
		from := get(rule, "from")
		if from.Unknown() {
			continue
		}
		if len(from.Array()) == 0 {
			out = append(out, fmt.Sprintf("spec.rules[%d] has no from: it allows every caller", i))
			continue
		}
		for j, f := range from.Array() {
			if msg := openSource(unwrap(f).Object()); msg != "" {
				out = append(out, fmt.Sprintf("spec.rules[%d].from[%d]: %s", i, j, msg))
			}
		}
	}
	return out
}

// openSource explains why an AuthorizationPolicy source admits anyone, or returns "".
func openSource(f resource.PropertyMap) string {
	named := 0
	for _, key := range []string{"principals", "namespaces", "ipBlocks", "requestPrincipals"} {
		p := get(f, "source."+key)
		if p.Unknown() {
			return ""
		}
		for _, v := range p.Strings() {
			named++
			if strings.TrimSpace(v) == "*" {
				return fmt.Sprintf("source.%s contains \"*\"", key)
			}
			if pfx, err := netip.ParsePrefix(strings.TrimSpace(v)); err == nil && pfx.Bits() == 0 {
				return fmt.Sprintf("source.%s contains %s", key, pfx)
			}
		}
	}
	if named == 0 {
		return "the source names no principals, namespaces or IP blocks"
	}
	return ""
}
