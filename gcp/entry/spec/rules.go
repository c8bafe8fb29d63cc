package spec

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/example/mlplatform/kit"
)

// iapIAMTypes match the IAP web IAM members, bindings and policies: the entry registers
// members; IAP-002 judges the other two forms so a grant cannot slip past it by its shape.
var iapIAMTypes = []string{"gcp:iap/*:*IamMember", "gcp:iap/*:*IamBinding", "gcp:iap/*:*IamPolicy"}

// rules are the per-resource rules on the types only this component registers.
func rules() []kit.Rule {
	return append(edgeRules(), armorRules()...)
}

// edgeRules: TLS at the Gateway and the load balancer, and who IAP lets in.
func edgeRules() []kit.Rule {
	return []kit.Rule{
		{ID: "GW-001", Severity: kit.High, Types: []string{GatewayType},
			Description: "A Gateway must serve HTTPS with a certificate (a Certificate Manager map or listener certificates). High: credentials and data would cross the internet in clear text.",
			Remediation: `Add an HTTPS listener and the networking.gke.io/certmap annotation (or tls.certificateRefs).`,
			Check:       gatewayTLS,
			Cases: kit.Cases{Pass: []kit.Case{gw(), gw("metadata.annotations", kit.Deleted{}, "spec.listeners",
				[]any{map[string]any{"name": "https", "protocol": "HTTPS", "tls": map[string]any{"certificateRefs": []any{map[string]any{"name": "cert"}}}}})},
				Fail: []kit.Case{gw("metadata.annotations", kit.Deleted{}),
					gw("spec.listeners", []any{map[string]any{"name": "http", "protocol": "HTTP", "port": 80}})}}},
		{ID: "IAP-002", Severity: kit.High, Types: iapIAMTypes,
			Description: "IAP access must not be granted to allUsers or allAuthenticatedUsers. High: IAP would let everyone in.",
			Remediation: "Grant roles/iap.httpsResourceAccessor to named users, groups or service accounts.",
			Check:       publicIAPAccess,
			Cases: kit.Cases{Pass: []kit.Case{member()},
				Fail: []kit.Case{member("member", "allUsers"), member("member", "allAuthenticatedUsers")}}},
		{ID: "IAP-003", Severity: kit.High, Types: []string{BackendPolicyType},
			Description: "A GCPBackendPolicy that enables IAP must name its OAuth client (iap.clientID) and the Secret holding the client's secret (iap.oauth2ClientSecret.name), as the GKE Gateway controller's type requires. High: the controller would reject the policy, and the Cloud Armor policy it carries would be dropped with it.",
			Remediation: "Set spec.default.iap.clientID to iapOAuthClientId and spec.default.iap.oauth2ClientSecret.name to a Secret in the policy's namespace holding the client secret under key \"key\" (gke-gateway-api GCPBackendPolicy; cloud.google.com/kubernetes-engine/docs/how-to/configure-gateway-resources).",
			Check:       IAPClientNamed,
			Cases: kit.Cases{Pass: []kit.Case{backend(), backend("spec.default.iap", map[string]any{"enabled": false})},
				Fail: []kit.Case{backend("spec.default.iap.clientID", kit.Deleted{}), backend("spec.default.iap.oauth2ClientSecret", kit.Deleted{}),
					backend("spec.default.iap.clientID", ""), backend("spec.default.iap", map[string]any{"enabled": true})}}},
		// The external load balancer negotiates TLS 1.2 or later with a modern cipher set; SSL-002
		// (policy) checks that the Gateway uses this policy.
		{ID: "SSL-001", Severity: kit.High, Types: []string{SSLPolicyType},
			Description: "An SSL policy must require TLS 1.2 or later (minTlsVersion TLS_1_2) with the MODERN or RESTRICTED profile. High: TLS 1.0/1.1 and the COMPATIBLE ciphers have known weaknesses on an internet-facing endpoint.",
			Remediation: `Set minTlsVersion "TLS_1_2" and profile "MODERN" (or "RESTRICTED").`,
			External:    []string{"AVD-GCP-0039", "KICS 14a457f0-473d-4d1d-9e37-6d99b355b336"},
			Check:       kit.All(kit.Enum("minTlsVersion", "TLS_1_0", "TLS_1_2", "TLS_1_3"), kit.Enum("profile", "COMPATIBLE", "MODERN", "RESTRICTED")),
			Cases: kit.Cases{Pass: []kit.Case{ssl(), ssl("profile", "RESTRICTED")},
				Fail: []kit.Case{ssl("minTlsVersion", kit.Deleted{}), ssl("minTlsVersion", "TLS_1_1"),
					ssl("profile", kit.Deleted{}), ssl("profile", "COMPATIBLE")}}},
	}
}

// armorRules: what the Cloud Armor policy must block.
func armorRules() []kit.Rule {
	return []kit.Rule{
		{ID: "ARMOR-002", Severity: kit.Medium, Types: []string{ArmorType},
			Description: "A Cloud Armor policy must rate-limit per client (throttle or rate_based_ban keyed on the client, denying the excess). Medium: one client could exhaust the service.",
			Remediation: `Add a rule with action throttle or rate_based_ban, rateLimitOptions.enforceOnKey IP, exceedAction "deny(429)".`,
			Check:       perClientRateLimit,
			Cases: kit.Cases{Pass: []kit.Case{armor(), armorRule(3, "rateLimitOptions.enforceOnKey", "XFF_IP"), armorRule(3, "action", "throttle")},
				Fail: []kit.Case{armorRule(3, "rateLimitOptions.enforceOnKey", "ALL"), armorWithout(3),
					armorRule(3, "preview", true), armorRule(3, "rateLimitOptions.exceedAction", "allow")}}},
		{ID: "ARMOR-003", Severity: kit.Medium, Types: []string{ArmorType},
			Description: "A Cloud Armor policy should block the preconfigured OWASP SQL-injection and XSS rules (not in preview). Medium: the most common web attacks reach the service.",
			Remediation: "Add deny rules evaluatePreconfiguredWaf('sqli-v33-stable', …) and evaluatePreconfiguredWaf('xss-v33-stable', …) (armorOwaspRules).",
			Check:       owaspBlocking,
			Cases: kit.Cases{Pass: []kit.Case{armor()},
				Fail: []kit.Case{armorWithout(1, 2), armorRule(1, "preview", true), armorRule(2, "action", "allow")}}},
		{ID: "ARMOR-004", Severity: kit.High, Types: []string{ArmorType},
			External:    []string{"CKV_GCP_73"},
			Description: "A Cloud Armor policy must block with Google's preconfigured cve-canary rule (not in preview), whose signatures stop the Log4j exploits CVE-2021-44228 and CVE-2021-45046. High: Log4Shell is remote code execution by one request.",
			Remediation: "Add a deny rule evaluatePreconfiguredWaf('cve-canary', …) (cloud.google.com/armor/docs/waf-rules).",
			Check:       cveCanaryBlocking,
			Cases: kit.Cases{Pass: []kit.Case{armor(), armorRule(0, "match.expr.expression", `evaluatePreconfiguredExpr("cve-canary")`)},
				Fail: []kit.Case{armorWithout(0), armorRule(0, "preview", true), armorRule(0, "action", "allow"),
					armorRule(0, "match.expr.expression", "evaluatePreconfiguredWaf('java-v33-stable', {'sensitivity': 1})")}}},
	}
}

func gatewayTLS(r kit.Resource) []string {
	listeners := kit.Get(r.Inputs, "spec.listeners")
	certMap := kit.Get(r.Inputs, "metadata.annotations").Object()
	if listeners.Unknown() {
		return nil
	}
	hasMap := certMap != nil && (kit.Unwrap(certMap["networking.gke.io/certmap"]).Text() != "" || kit.Unwrap(certMap["networking.gke.io/certmap"]).Unknown())
	https := 0
	var out []string
	for i, l := range listeners.Array() {
		lm := kit.Unwrap(l).Object()
		if !kit.OneOf(kit.Get(lm, "protocol").Text(), "HTTPS") {
			continue
		}
		https++
		if !hasMap && len(kit.Get(lm, "tls.certificateRefs").Array()) == 0 {
			out = append(out, fmt.Sprintf("spec.listeners[%d] is HTTPS without a certificate (no certmap annotation, no tls.certificateRefs)", i))
		}
	}
	if https == 0 {
		out = append(out, "no HTTPS listener: the Gateway serves only clear text")
	}
	return out
}

// publicIAPAccess reads role/member (IamMember), role/members (IamBinding) and policyData
// (IamPolicy), as policy's IAM rules do, and refuses the public principals.
func publicIAPAccess(r kit.Resource) []string {
	role := kit.Get(r.Inputs, "role").Text()
	type grant struct{ role, member string }
	var grants []grant
	if m := kit.Get(r.Inputs, "member"); !m.Absent() {
		grants = append(grants, grant{role, m.Text()})
	}
	for _, m := range kit.Get(r.Inputs, "members").Strings() {
		grants = append(grants, grant{role, m})
	}
	if data := kit.Get(r.Inputs, "policyData"); data.V.IsString() {
		var policy struct {
			Bindings []struct {
				Role    string   `json:"role"`
				Members []string `json:"members"`
			} `json:"bindings"`
		}
		if json.Unmarshal([]byte(data.V.StringValue()), &policy) == nil {
			for _, b := range policy.Bindings {
				for _, m := range b.Members {
					grants = append(grants, grant{b.Role, m})
				}
			}
		}
	}
	var out []string
	for _, g := range grants {
		if kit.OneOf(g.member, "allUsers", "allAuthenticatedUsers") || strings.HasPrefix(g.member, "principalSet://goog/public:") {
			out = append(out, fmt.Sprintf("grants %s to %s", orNobody(g.role), g.member))
		}
	}
	return out
}

func orNobody(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

// IAPClientNamed (IAP-003; policy's journey asks it too): the gke-gateway-api GCPBackendPolicy type on main says of iap.enabled "If
// true, the ClientID and Oauth2ClientSecret fields must be non-empty" (a later doc change
// making Google's managed client the default, commit 7a20e46, was never merged), and the
// Compute Engine API the controller calls says the same of a backend service
// (cloud.google.com/iap/docs/reference/compute-engine-apis: "If iap.enabled is true, the
// oauth2ClientId and oauth2ClientSecret properties must be set").
func IAPClientNamed(r kit.Resource) []string {
	if on, _ := kit.Get(r.Inputs, "spec.default.iap.enabled").Boolean(); !on {
		return nil
	}
	var out []string
	for _, path := range []string{"spec.default.iap.clientID", "spec.default.iap.oauth2ClientSecret.name"} {
		if p := kit.Get(r.Inputs, path); !p.Unknown() && strings.TrimSpace(p.Text()) == "" {
			out = append(out, path+" is not set: the controller rejects IAP without the OAuth client, and drops the policy's Cloud Armor with it")
		}
	}
	return out
}
