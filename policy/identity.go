package policy

import (
	"fmt"
	"strings"
	"time"

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
