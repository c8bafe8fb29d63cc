package settings

import "net/netip"

// gcpProject reads gcp:project, which only the deploying team knows: no stack file commits a
// stand-in for it. The Google provider could fall back to GOOGLE_PROJECT or the gcloud
// default when the key is absent, but the program cannot: it derives names from the id
// itself (the workload identity pool PROJECT.svc.id.goog, the node and workload service
// accounts' emails, the project number it looks up), and those must come from the stack's
// configuration, the same for every run and every machine, not from whoever's shell runs
// `pulumi up`.
func (r *reader) gcpProject() string {
	v, ok := r.required("gcp:project",
		"name the Google Cloud project the stack deploys into (the program derives the workload identity pool and service-account emails from it, so the provider's GOOGLE_PROJECT or gcloud default is not used)",
		"<your project id>")
	if ok && !gcpProjectRE.MatchString(v) {
		r.fail("gcp:project", v, "must be a GCP project id: 6-30 lowercase letters, digits or hyphens, starting with a letter")
	}
	return v
}

// DocumentationRanges are the address blocks reserved for documentation and examples (RFC 5737
// TEST-NET-1/2/3; RFC 3849 for IPv6). No real network uses them, so a configured range inside
// one is a placeholder left in place, never a network to allow or route.
var DocumentationRanges = []netip.Prefix{
	netip.MustParsePrefix("192.0.2.0/24"),
	netip.MustParsePrefix("198.51.100.0/24"),
	netip.MustParsePrefix("203.0.113.0/24"),
	netip.MustParsePrefix("2001:db8::/32"),
}

// IsDocumentationRange reports whether p lies inside a documentation block (a wider range
// that merely contains one, such as 0.0.0.0/0, is judged by the other checks).
func IsDocumentationRange(p netip.Prefix) bool {
	for _, d := range DocumentationRanges {
		if p.Bits() >= d.Bits() && d.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// NilGUID is the all-zero GUID: a placeholder, the object id of no Entra principal.
const NilGUID = "00000000-0000-0000-0000-000000000000"
