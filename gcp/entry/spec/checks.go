package spec

import (
	"fmt"
	"strings"

	"github.com/example/mlplatform/kit"
)

// The Cloud Armor checks read the policy's rules; an unknown list is judged once known.

func perClientRateLimit(r kit.Resource) []string {
	rules := kit.Get(r.Inputs, "rules")
	if rules.Unknown() {
		return nil
	}
	for _, raw := range rules.Array() {
		rule := kit.Unwrap(raw).Object()
		if !kit.OneOf(kit.Get(rule, "action").Text(), "throttle", "rate_based_ban") {
			continue
		}
		key := kit.Get(rule, "rateLimitOptions.enforceOnKey").Text()
		configs := len(kit.Get(rule, "rateLimitOptions.enforceOnKeyConfigs").Array())
		preview, _ := kit.Get(rule, "preview").Boolean()
		if (configs > 0 || (key != "" && !kit.OneOf(key, "ALL"))) && !preview &&
			strings.HasPrefix(kit.Get(rule, "rateLimitOptions.exceedAction").Text(), "deny") {
			return nil
		}
	}
	return kit.Msgf("no active rate-limit rule keyed per client that denies the excess")
}

func owaspBlocking(r kit.Resource) []string {
	rules := kit.Get(r.Inputs, "rules")
	if rules.Unknown() {
		return nil
	}
	found := map[string]bool{}
	for _, raw := range rules.Array() {
		rule := kit.Unwrap(raw).Object()
		preview, _ := kit.Get(rule, "preview").Boolean()
		if preview || !strings.HasPrefix(kit.Get(rule, "action").Text(), "deny") {
			continue
		}
		expr := kit.Get(rule, "match.expr.expression").Text()
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
func cveCanaryBlocking(r kit.Resource) []string {
	rules := kit.Get(r.Inputs, "rules")
	if rules.Unknown() {
		return nil
	}
	for _, raw := range rules.Array() {
		rule := kit.Unwrap(raw).Object()
		preview, _ := kit.Get(rule, "preview").Boolean()
		expr := strings.ReplaceAll(kit.Get(rule, "match.expr.expression").Text(), `"`, "'")
		if !preview && strings.HasPrefix(kit.Get(rule, "action").Text(), "deny") &&
			(strings.Contains(expr, "evaluatePreconfiguredWaf('cve-canary'") || strings.Contains(expr, "evaluatePreconfiguredExpr('cve-canary'")) {
			return nil
		}
	}
	return kit.Msgf("no blocking preconfigured cve-canary rule (Log4Shell, CVE-2021-44228)")
}
