package spec

import (
	"time"

	"github.com/example/mlplatform/kit"
)

// Credential lifetimes, in days: the hard limit and the target.
const (
	maxCredentialDays   = 365
	targetCredentialDay = 180
)

var passwordTypes = []string{AppPasswordType, SPPasswordType}

func rules() []kit.Rule {
	return append(passwordRules(), applicationRules()...)
}

func passwordRules() []kit.Rule {
	return []kit.Rule{
		{ID: "ENT-001", Severity: kit.High, Types: passwordTypes,
			Description: "An Entra client secret must have an absolute endDate (RFC 3339) after its startDate. High: without one it silently gets the provider's default lifetime; endDateRelative moves on every replacement and cannot be reviewed in a plan.",
			Remediation: "Set endDate to the end of the rotation window (and drop endDateRelative).",
			Check:       credentialEndDate,
			Cases: kit.Cases{Pass: []kit.Case{password(), spPassword()},
				Fail: []kit.Case{password("endDate", kit.Deleted{}, "endDateRelative", "8760h"), password("endDate", kit.Deleted{}),
					spPassword("endDate", "next year"), password("endDate", "2025-12-01T00:00:00Z")}}},
		{ID: "ENT-002", Severity: kit.High, Types: passwordTypes,
			Description: "An Entra client secret must not live longer than 365 days. High: a leaked long-lived secret stays usable for over a year.",
			Remediation: "Shorten endDate - startDate to at most 365 days (the platform rotates every 30 by default).",
			Check:       credentialLifetime(maxCredentialDays, 1<<30),
			// startDate is 2026-01-01: 2027-01-01 is 365 days later, 2027-01-02 366.
			Cases: kit.Cases{Pass: []kit.Case{password(), password("endDate", "2026-07-20T00:00:00Z"), password("endDate", "2027-01-01T00:00:00Z")},
				Fail: []kit.Case{password("endDate", "2027-01-02T00:00:00Z"), spPassword("endDate", "2028-01-01"),
					password("startDate", "2026-11-29T00:00:00Z", "endDate", "2028-01-03T00:00:00Z")}}},
		{ID: "ENT-003", Severity: kit.Medium, Types: passwordTypes,
			Description: "An Entra client secret should not live longer than 180 days. Medium: rotation that slow widens the window of a leak.",
			Remediation: "Shorten endDate - startDate to at most 180 days.",
			Check:       credentialLifetime(targetCredentialDay, maxCredentialDays),
			// 2026-06-30 is 180 days after 2026-01-01, 2026-07-01 181; past 365 is ENT-002's.
			Cases: kit.Cases{Pass: []kit.Case{password(), password("endDate", "2026-06-30T00:00:00Z"), password("endDate", "2027-06-01T00:00:00Z")},
				Fail: []kit.Case{password("endDate", "2026-07-01T00:00:00Z"), password("endDate", "2027-01-01T00:00:00Z"),
					password("startDate", "2026-11-29T00:00:00Z", "endDate", "2027-06-17T00:00:00Z")}}},
		{ID: "ENT-004", Severity: kit.Low, Types: passwordTypes,
			Description: "An Entra client secret should have an explicit startDate. Low: without it the lifetime depends on when the deployment runs and cannot be checked in a plan.",
			Remediation: "Set startDate to the start of the rotation window.",
			Check:       kit.NonEmpty("startDate"),
			Cases:       kit.Cases{Pass: []kit.Case{password()}, Fail: []kit.Case{password("startDate", kit.Deleted{}), password("startDate", "")}}},
	}
}

func applicationRules() []kit.Rule {
	return []kit.Rule{
		{ID: "ENT-005", Severity: kit.Medium, Types: []string{ApplicationType},
			Description: "The Entra application must be single-tenant (signInAudience AzureADMyOrg). Medium: multi-tenant apps can be consented to and used from other tenants.",
			Remediation: "Set signInAudience to AzureADMyOrg (or omit it).",
			Check:       kit.Enum("signInAudience", "AzureADMyOrg", "AzureADMyOrg"),
			Cases: kit.Cases{Pass: []kit.Case{app(), app("signInAudience", kit.Deleted{})},
				Fail: []kit.Case{app("signInAudience", "AzureADMultipleOrgs")}}},
		{ID: "ENT-006", Severity: kit.Low, Types: []string{ApplicationType},
			Description: "The Entra application must have owners. Low: an ownerless app has nobody accountable for its credentials and permissions.",
			Remediation: "Set owners to the deploying principal and the owning team.",
			Check:       kit.NonEmpty("owners"),
			Cases:       kit.Cases{Pass: []kit.Case{app()}, Fail: []kit.Case{app("owners", []any{}), app("owners", kit.Deleted{})}}},
		{ID: "ENT-007", Severity: kit.High, Types: []string{ApplicationType},
			Description: "The Entra application must not declare an inline password block. High: that credential escapes the rotation schedule and the Key Vault hand-off.",
			Remediation: "Remove password and issue credentials with azuread.ApplicationPassword on the rotation schedule.",
			Check:       absent("password", "the application declares an inline password credential"),
			Cases:       kit.Cases{Pass: []kit.Case{app()}, Fail: []kit.Case{app("password", map[string]any{"displayName": "legacy"})}}},
	}
}

// absent: the property must not be set at all; why explains the finding.
func absent(path, why string) kit.Check {
	return func(r kit.Resource) []string {
		if p := kit.Get(r.Inputs, path); !p.Absent() && !p.Unknown() {
			return kit.Msgf("%s is set: %s", path, why)
		}
		return nil
	}
}

func credentialEndDate(r kit.Resource) []string {
	end, relative := kit.Get(r.Inputs, "endDate"), kit.Get(r.Inputs, "endDateRelative")
	switch {
	case end.Unknown():
		return nil
	case end.Absent() && !relative.Absent():
		return kit.Msgf("only endDateRelative (%s) is set; want an absolute endDate", relative.Show())
	case end.Absent():
		return kit.Msgf("endDate is not set: the provider applies its default lifetime")
	}
	endAt, ok := kit.ParseTime(end.Text())
	if !ok {
		return kit.Msgf("endDate is %s; want an RFC 3339 time", end.Show())
	}
	if startAt, ok := kit.ParseTime(kit.Get(r.Inputs, "startDate").Text()); ok && !endAt.After(startAt) {
		return kit.Msgf("endDate %s is not after startDate %s", endAt.Format(time.RFC3339), startAt.Format(time.RFC3339))
	}
	return nil
}

// credentialLifetime flags lifetimes in (over, upTo] days; both dates must be known.
func credentialLifetime(over, upTo int) kit.Check {
	return func(r kit.Resource) []string {
		start, okStart := kit.ParseTime(kit.Get(r.Inputs, "startDate").Text())
		end, okEnd := kit.ParseTime(kit.Get(r.Inputs, "endDate").Text())
		if !okStart || !okEnd {
			return nil
		}
		days := end.Sub(start).Hours() / 24
		if days <= float64(over) || days > float64(upTo) {
			return nil
		}
		return kit.Msgf("the secret is valid for %.1f days (startDate %s, endDate %s); want at most %d",
			days, start.Format(time.RFC3339), end.Format(time.RFC3339), over)
	}
}

// SecureApplication is the Entra application's inputs as the platform registers them: the
// base every case edits, and the policy tests' compliant application.
func SecureApplication() map[string]any {
	return map[string]any{"displayName": "mlplatform-prod", "signInAudience": "AzureADMyOrg",
		"owners": []any{"33333333-3333-4333-8333-333333333333"}, "preventDuplicateNames": true}
}

// SecurePassword is a client secret in its rotation window, 2026-01-01 to 2026-02-07.
func SecurePassword() map[string]any {
	return map[string]any{"applicationId": "/applications/66666666-6666-4666-8666-666666666666",
		"displayName": "rotation 2026-01-01", "startDate": "2026-01-01T00:00:00Z", "endDate": "2026-02-07T00:00:00Z",
		"rotateWhenChanged": map[string]any{"rotationWindowStart": "2026-01-01"}}
}

func app(edits ...any) kit.Case {
	return kit.Case{Type: ApplicationType, Base: SecureApplication, Edits: edits}
}
func password(edits ...any) kit.Case {
	return kit.Case{Type: AppPasswordType, Base: SecurePassword, Edits: edits}
}
func spPassword(edits ...any) kit.Case {
	return kit.Case{Type: SPPasswordType, Base: SecurePassword, Edits: edits}
}
