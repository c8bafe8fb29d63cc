package policy

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/example/mlplatform/kit"
)

// Entra ID (azuread) types.
const (
	applicationType      = "azuread:index/application:Application"
	servicePrincipalType = "azuread:index/servicePrincipal:ServicePrincipal"
	appPasswordType      = "azuread:index/applicationPassword:ApplicationPassword"
	spPasswordType       = "azuread:index/servicePrincipalPassword:ServicePrincipalPassword"
)

// entraRules are the Entra rules that look across resources; the per-credential ones are
// the identity component's (identity/spec).
var entraRules = []Rule{
	{ID: "ENT-008", Severity: High,
		Description: "The newest Entra client secret (the one Key Vault holds) must stay valid for at least one credential rotation period after the plan's date. High: consumers cache the value up to a period, so a rotation is overdue and an outage is near.",
		Remediation: "Deploy (the scheduled workflow rotates when due); check why scheduled deployments stopped.",
		stack:       newestCredentialExpiry},
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
		s, okStart := kit.ParseTime(get(r.Inputs, "startDate").Text())
		e, okEnd := kit.ParseTime(get(r.Inputs, "endDate").Text())
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
