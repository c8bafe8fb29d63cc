package kit

import (
	"regexp"
	"strings"
	"unicode"
)

// Credential detection, shared by the rules that look for secrets in plain inputs.

// credentialPatterns are fragments that only appear in a value carrying a credential.
var credentialPatterns = []*regexp.Regexp{
	regexp.MustCompile(`(?i)\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)\s*=\s*[^;\s]`),
	regexp.MustCompile(`-----BEGIN [A-Z ]*PRIVATE KEY-----`),
	regexp.MustCompile(`"private_key"\s*:\s*"-----BEGIN`), // service-account key JSON
	// kubeconfig credentials (exec/auth-provider entries carry none)
	regexp.MustCompile(`(?im)^\s*["']?(token|client-key-data|password|id-token|refresh-token|access-token)["']?\s*:\s*["']?[A-Za-z0-9+/=_.-]{8,}`),
}

// EmbedsCredential reports whether s carries a credential (a key, password or token fragment).
func EmbedsCredential(s string) bool {
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

// SecretLikeName reports whether a property, key or output name says it holds a secret:
// clientSecret, DB_PASSWORD, storageAccessKey, kubeconfig, connectionString. Not:
// keyVaultName, clientSecretUri, secretName, publicKey, keyRing.
func SecretLikeName(name string) bool {
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

func IsKubeconfigName(name string) bool {
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
