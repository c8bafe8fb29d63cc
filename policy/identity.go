package policy

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Entra ID (azuread) types.
const (
	applicationType      = "azuread:index/application:Application"
	servicePrincipalType = "azuread:index/servicePrincipal:ServicePrincipal"
	appPasswordType      = "azuread:index/applicationPassword:ApplicationPassword"
	spPasswordType       = "azuread:index/servicePrincipalPassword:ServicePrincipalPassword"
	maxCredentialDays    = 365
	targetCredentialDay  = 180
)

var passwordTypes = []string{appPasswordType, spPasswordType}

var entraRules = []Rule{
	{ID: "ENT-001", Severity: High, Types: passwordTypes,
		Description: "An Entra client secret must have an absolute endDate (RFC 3339) after its startDate. High: without one it silently gets the provider's default lifetime; endDateRelative moves on every replacement and cannot be reviewed in a plan.",
		Remediation: "Set endDate to the end of the rotation window (and drop endDateRelative).",
		check:       credentialEndDate},
	{ID: "ENT-002", Severity: High, Types: passwordTypes,
		Description: "An Entra client secret must not live longer than 365 days. High: a leaked long-lived secret stays usable for over a year.",
		Remediation: "Shorten endDate - startDate to at most 365 days (the platform rotates every 30 by default).",
		check:       credentialLifetime(maxCredentialDays, 1<<30)},
	{ID: "ENT-003", Severity: Medium, Types: passwordTypes,
		Description: "An Entra client secret should not live longer than 180 days. Medium: rotation that slow widens the window of a leak.",
		Remediation: "Shorten endDate - startDate to at most 180 days.",
		check:       credentialLifetime(targetCredentialDay, maxCredentialDays)},
	{ID: "ENT-004", Severity: Low, Types: passwordTypes,
		Description: "An Entra client secret should have an explicit startDate. Low: without it the lifetime depends on when the deployment runs and cannot be checked in a plan.",
		Remediation: "Set startDate to the start of the rotation window.",
		check:       nonEmpty("startDate")},
	{ID: "ENT-005", Severity: Medium, Types: []string{applicationType},
		Description: "The Entra application must be single-tenant (signInAudience AzureADMyOrg). Medium: multi-tenant apps can be consented to and used from other tenants.",
		Remediation: "Set signInAudience to AzureADMyOrg (or omit it).",
		check:       enum("signInAudience", "AzureADMyOrg", "AzureADMyOrg")},
	{ID: "ENT-006", Severity: Low, Types: []string{applicationType},
		Description: "The Entra application must have owners. Low: an ownerless app has nobody accountable for its credentials and permissions.",
		Remediation: "Set owners to the deploying principal and the owning team.",
		check:       nonEmpty("owners")},
	{ID: "ENT-008", Severity: High,
		Description: "The newest Entra client secret (the one Key Vault holds) must stay valid for at least one credential rotation period after the plan's date. High: consumers cache the value up to a period, so a rotation is overdue and an outage is near.",
		Remediation: "Deploy (the scheduled workflow rotates when due); check why scheduled deployments stopped.",
		stack:       newestCredentialExpiry},
	{ID: "ENT-007", Severity: High, Types: []string{applicationType},
		Description: "The Entra application must not declare an inline password block. High: that credential escapes the rotation schedule and the Key Vault hand-off.",
		Remediation: "Remove password and issue credentials with azuread.ApplicationPassword on the rotation schedule.",
		check:       absent("password", "the application declares an inline password credential")},
}

var secretInputRules = []Rule{
	{ID: "SEC-001", Severity: High,
		Description: "An input named like a credential (password, clientSecret, accessKey, token, connectionString, …) must not hold a plain string. High: plain inputs are stored readable in the state file and shown in previews.",
		Remediation: "Wrap the value with pulumi.ToSecret (or source it from a secret config value or a secret output).",
		check:       plainCredentialInputs},
	{ID: "SEC-002", Severity: High,
		Description: "No plain input may embed a credential (AccountKey=, SharedAccessKey=, Password=, a PEM private key, a kubeconfig token, a service-account key). High: plain inputs are stored readable in the state file.",
		Remediation: "Build such values inside an Apply on secret outputs and mark the result secret, or use identity-based access instead.",
		check:       embeddedCredentialInputs},
}

// absent: the property must not be set at all; why explains the finding.
func absent(path, why string) check {
	return func(r Resource) []string {
		if p := get(r.Inputs, path); !p.Absent() && !p.Unknown() {
			return msgf("%s is set: %s", path, why)
		}
		return nil
	}
}

func credentialEndDate(r Resource) []string {
	end, relative := get(r.Inputs, "endDate"), get(r.Inputs, "endDateRelative")
	switch {
	case end.Unknown():
		return nil
	case end.Absent() && !relative.Absent():
		return msgf("only endDateRelative (%s) is set; want an absolute endDate", relative.Show())
	case end.Absent():
		return msgf("endDate is not set: the provider applies its default lifetime")
	}
	endAt, ok := parseTime(end.Text())
	if !ok {
		return msgf("endDate is %s; want an RFC 3339 time", end.Show())
	}
	if startAt, ok := parseTime(get(r.Inputs, "startDate").Text()); ok && !endAt.After(startAt) {
		return msgf("endDate %s is not after startDate %s", endAt.Format(time.RFC3339), startAt.Format(time.RFC3339))
	}
	return nil
}

// credentialLifetime flags lifetimes in (over, upTo] days; both dates must be known.
func credentialLifetime(over, upTo int) check {
	return func(r Resource) []string {
		start, okStart := parseTime(get(r.Inputs, "startDate").Text())
		end, okEnd := parseTime(get(r.Inputs, "endDate").Text())
		if !okStart || !okEnd {
			return nil
		}
		days := end.Sub(start).Hours() / 24
		if days <= float64(over) || days > float64(upTo) {
			return nil
		}
		return msgf("the secret is valid for %.1f days (startDate %s, endDate %s); want at most %d",
			days, start.Format(time.RFC3339), end.Format(time.RFC3339), over)
	}
}

func parseTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func plainCredentialInputs(r Resource) []string {
	var out []string
	leaves(r.Inputs, func(l leaf) {
		// A kubeconfig is configuration: it is a credential only if it embeds one (SEC-002).
		if l.Secret || !l.V.IsString() || strings.TrimSpace(l.V.StringValue()) == "" || isKubeconfigName(l.Key) || !secretLikeName(l.Key) {
			return
		}
		out = append(out, fmt.Sprintf("%s is a plain string; a credential must be a Pulumi secret", l.Path))
	})
	return out
}

func embeddedCredentialInputs(r Resource) []string {
	var out []string
	leaves(r.Inputs, func(l leaf) {
		if !l.Secret && l.V.IsString() && embedsCredential(l.V.StringValue()) {
			out = append(out, fmt.Sprintf("%s is a plain string that embeds a credential", l.Path))
		}
	})
	return out
}

// credentialPatterns are fragments that only appear in a value carrying a credential.
var credentialPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\s*=\s*[^;\s]`),
	regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`),
	regexp.MustCompile(`"private_key"\s*:\s*"-----BEGIN`), // service-account key JSON
	// kubeconfig credentials (exec/auth-provider entries carry none)
	regexp.MustCompile(`(?im)^\s*["']?(token|client-key-data|password|id-token|refresh-token|access-token)["']?\s*:\s*["']?[A-Za-z0-9+/=_.-]{8,}`),
}

func embedsCredential(s string) bool {
	for _, re := range credentialPatterns {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// secretWords end a name that holds a secret; a trailing modifier (…Value, …Raw, …Pem) is
// ignored, and names that end in Id, Name, Uri, … refer to a secret instead of holding it.
var (
	secretWords = []string{"password", "passwd", "pwd", "passphrase", "secret", "token", "credential",
		"credentials", "kubeconfig", "connectionstring", "connectionstrings"}
	// keyQualifiers make "…key" a secret key rather than a key name or a public key.
	keyQualifiers = []string{"access", "account", "api", "private", "client", "shared", "primary", "secondary",
		"master", "storage", "signing", "subscription", "admin", "sas"}
	trailingModifiers = map[string]bool{"value": true, "values": true, "raw": true, "plain": true,
		"plaintext": true, "text": true, "pem": true, "json": true, "b64": true, "base64": true, "data": true}
)

// secretLikeName reports whether a property, key or output name says it holds a secret:
// clientSecret, DB_PASSWORD, storageAccessKey, kubeconfig, connectionString. Not:
// keyVaultName, clientSecretUri, secretName, publicKey, keyRing.
func secretLikeName(name string) bool {
	words := splitWords(name)
	for len(words) > 1 && trailingModifiers[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	for _, w := range secretWords {
		if strings.HasSuffix(last, w) || multiword(words, w) {
			return true
		}
	}
	if last == "key" || last == "keys" || strings.HasSuffix(last, "key") {
		trimmed := strings.TrimSuffix(strings.Join(words, ""), "s")
		for _, q := range keyQualifiers {
			if strings.HasSuffix(trimmed, q+"key") {
				return true
			}
		}
	}
	return false
}

// multiword reports whether w is spelt by the last words (connection+string, kube+config).
func multiword(words []string, w string) bool {
	tail := ""
	for i := len(words) - 1; i >= 0 && len(tail) < len(w); i-- {
		tail = words[i] + tail
	}
	return tail == w
}

func isKubeconfigName(name string) bool {
	flat := strings.Join(splitWords(name), "")
	return strings.HasSuffix(flat, "kubeconfig")
}

// splitWords lowercases a camelCase, snake_case, kebab-case or dotted name into words.
func splitWords(name string) []string {
	var words []string
	var cur []rune
	runes := []rune(name)
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range runes {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r) && len(cur) > 0:
			prevLower := unicode.IsLower(runes[i-1]) || unicode.IsDigit(runes[i-1])
			nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
			if prevLower || (unicode.IsUpper(runes[i-1]) && nextLower) {
				flush()
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// newestCredentialExpiry flags the newest application password (latest startDate) when it
// ends less than one rotation period after the clock.
func newestCredentialExpiry(st stack) []violation {
	if st.clock.Now.IsZero() || st.clock.CredentialRotationDays <= 0 {
		return nil
	}
	var newest *Resource
	var start, end time.Time
	for i, r := range st.resources {
		s, okStart := parseTime(get(r.Inputs, "startDate").Text())
		e, okEnd := parseTime(get(r.Inputs, "endDate").Text())
		if r.Type != appPasswordType || !okStart || !okEnd || (newest != nil && !s.After(start)) {
			continue
		}
		newest, start, end = &st.resources[i], s, e
	}
	period := time.Duration(st.clock.CredentialRotationDays) * 24 * time.Hour
	if newest == nil || end.Sub(st.clock.Now) >= period {
		return nil
	}
	return []violation{{URN: newest.URN, Type: newest.Type, Name: newest.Name,
		Message: fmt.Sprintf("the newest client secret (startDate %s) ends %s, %.1f days after %s; want at least %d (one rotation period)",
			start.Format(time.DateOnly), end.Format(time.RFC3339), end.Sub(st.clock.Now).Hours()/24, st.clock.Now.Format(time.DateOnly), st.clock.CredentialRotationDays)}}
}
