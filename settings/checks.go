package settings

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// primitiveRoles are too broad for any workload: they span every service in the project.
var primitiveRoles = map[string]bool{"roles/owner": true, "roles/editor": true, "roles/viewer": true}

func (r *reader) roles(key string) []string {
	return r.distinct(key, func(role string) string {
		switch {
		case primitiveRoles[role]:
			return "primitive roles (owner, editor, viewer) are not allowed: name a predefined role such as roles/cloudtrace.agent"
		case !predefinedRoleRE.MatchString(role):
			return "must be a role name such as roles/monitoring.metricWriter or projects/PROJECT/roles/CUSTOM"
		}
		return ""
	})
}

// distinct reads a list of strings, reporting each entry check rejects (check returns what is
// allowed, or "" when the entry is fine) and each entry listed twice.
func (r *reader) distinct(key string, check func(string) string) []string {
	vals := r.list(key)
	seen := map[string]bool{}
	for _, v := range vals {
		if allowed := check(v); allowed != "" {
			r.fail(key, v, "%s", allowed)
		} else if seen[v] {
			r.fail(key, v, "is listed twice")
		}
		seen[v] = true
	}
	return vals
}

// Waiver accepts policy findings on purpose; the reason is shown in every plan.
//
// A waiver names either one rule on one resource ("AKV-004@vault"), one rule on every
// resource ("AKV-004@*", explicit so a resource added later is not waived by accident), or a
// decision: a configuration key whose relaxed value implies a fixed set of findings
// ("azurePrivateNetworking"). Until, when set, is the last day the waiver holds; after it the
// findings are open again and the expired waiver itself fails the gate.
type Waiver struct {
	Rule     string // policy rule id; empty for a decision waiver
	Resource string // logical resource or output name, or "*" for every resource
	Decision string // configuration key of a decision; empty for a rule waiver
	Until    time.Time
	Reason   string
}

// AllResources is the Resource of a rule-wide waiver.
const AllResources = "*"

var waiverPattern = regexp.MustCompile(`^(?:([A-Z]+-[0-9]{3})@([A-Za-z0-9._-]+|\*)|([a-z][A-Za-z0-9]+))(?: until ([0-9]{4}-[0-9]{2}-[0-9]{2}))?:\s*(\S.{9,})$`)

const waiverForm = `each entry must read "RULE-ID@resource-name: reason", "RULE-ID@*: reason" (every resource) or "decisionKey: reason", optionally with " until YYYY-MM-DD" before the colon, and a reason of at least 10 characters, e.g. "AKV-004@vault until 2027-03-31: dev vault stays reachable from laptops"`

// waivers parses the entries; see Waiver for the forms.
func (r *reader) waivers(key string) []Waiver {
	var out []Waiver
	seen := map[string]bool{}
	for _, v := range r.list(key) {
		m := waiverPattern.FindStringSubmatch(v)
		if m == nil {
			r.fail(key, v, "%s", waiverForm)
			continue
		}
		w := Waiver{Rule: m[1], Resource: m[2], Decision: m[3], Reason: strings.TrimSpace(m[5])}
		if m[4] != "" {
			until, err := time.Parse(time.DateOnly, m[4])
			if err != nil {
				r.fail(key, v, "the date after until must be a calendar date YYYY-MM-DD")
				continue
			}
			w.Until = until
		}
		if seen[w.Target()] {
			r.fail(key, v, "%s is waived twice: keep one entry", w.Target())
		}
		seen[w.Target()] = true
		out = append(out, w)
	}
	return out
}

// crossChecks validates relations between keys once each key is valid on its own.
func (r *reader) crossChecks(s *Settings) {
	r.gkeChecks(s)
	r.rangeChecks(s)
	r.azureChecks(s)
	if s.Workload.ServiceAccount != "" && len(s.NamePrefix+"-"+s.Env+"-"+s.Workload.ServiceAccount) > 30 {
		r.fail("microserviceServiceAccount", s.Workload.ServiceAccount,
			"must be at most %d characters: the Google service account id %q must fit in 30",
			30-len(s.NamePrefix+"-"+s.Env+"-"), s.NamePrefix+"-"+s.Env+"-"+s.Workload.ServiceAccount)
	}
}

// gkeChecks validates the node counts, control plane access and location of the cluster.
func (r *reader) gkeChecks(s *Settings) {
	g := s.GKE
	if g.NodeMinCount > g.NodeMaxCount && g.NodeMaxCount > 0 {
		r.fail("gkeNodeMinCount", strconv.Itoa(g.NodeMinCount), "must not exceed gkeNodeMaxCount (%d)", g.NodeMaxCount)
	}
	if g.MasterCIDR.IsValid() && g.MasterCIDR.Bits() != 28 {
		r.fail("gkeMasterCidr", g.MasterCIDR.String(), "must be a /28 block (GKE reserves exactly 16 addresses for the control plane)")
	}
	for _, p := range g.MasterAuthorizedNetworks {
		switch {
		case p.Bits() == 0:
			r.fail("gkeMasterAuthorizedNetworks", p.String(), "must not open the control plane to the whole internet: list the networks that administer the cluster")
		case !p.Addr().IsPrivate():
			r.fail("gkeMasterAuthorizedNetworks", p.String(), "must be a private (RFC 1918) range: the control plane has only its private endpoint, reached from the VPC and networks connected to it")
		}
	}
	if g.SecurityGroup != "" && !securityGroupRE.MatchString(g.SecurityGroup) {
		r.fail("gkeSecurityGroup", g.SecurityGroup, "must be the Google Groups for RBAC parent group, gke-security-groups@YOUR-DOMAIN (the name GKE requires), or empty to leave Google Groups for RBAC off")
	}
	if s.GCP.Region != "" && g.Location != s.GCP.Region && !isZoneOf(g.Location, s.GCP.Region) {
		r.fail("gkeLocation", g.Location, "must be the region %s (regional cluster) or one of its zones such as %s-a", s.GCP.Region, s.GCP.Region)
	}
}

// keyedPrefix is a configured range with the key it came from, for error messages.
type keyedPrefix struct {
	key    string
	prefix netip.Prefix
}

// rangeChecks refuses overlapping GKE ranges and public ranges where private ones belong.
func (r *reader) rangeChecks(s *Settings) {
	g := s.GKE
	named := []keyedPrefix{{"gkeSubnetCidr", g.SubnetCIDR}, {"gkePodsCidr", g.PodsCIDR}, {"gkeServicesCidr", g.ServicesCIDR}, {"gkeMasterCidr", g.MasterCIDR}}
	for i, a := range named {
		for _, b := range named[i+1:] {
			if a.prefix.IsValid() && b.prefix.IsValid() && a.prefix.Overlaps(b.prefix) {
				r.fail(b.key, b.prefix.String(), "must not overlap %s (%s)", r.qualify(a.key), a.prefix)
			}
		}
	}
	for _, p := range append(named, keyedPrefix{"azureVnetCidr", s.Azure.VnetCIDR}) {
		if p.prefix.IsValid() && !p.prefix.Addr().IsPrivate() {
			r.fail(p.key, p.prefix.String(), "must be a private (RFC 1918) range")
		}
	}
}

// azureChecks validates the Azure network ranges and what private networking requires.
func (r *reader) azureChecks(s *Settings) {
	a := s.Azure
	if a.VnetCIDR.IsValid() && a.PrivateEndpointSubnetCIDR.IsValid() &&
		(!a.VnetCIDR.Contains(a.PrivateEndpointSubnetCIDR.Addr()) || a.PrivateEndpointSubnetCIDR.Bits() < a.VnetCIDR.Bits()) {
		r.fail("azurePrivateEndpointSubnetCidr", a.PrivateEndpointSubnetCIDR.String(), "must lie inside azureVnetCidr (%s)", a.VnetCIDR)
	}
	for _, p := range a.AllowedIPRanges {
		if p.Addr().IsPrivate() || p.Bits() < 8 {
			r.fail("azureAllowedIpRanges", p.String(), "must be public IPv4 ranges of /8 or narrower (Azure firewalls match public source addresses only)")
		}
	}
	if a.PrivateNetworking && a.ContainerRegistrySKU != "" && a.ContainerRegistrySKU != "Premium" {
		r.fail("containerRegistrySku", a.ContainerRegistrySKU, "must be Premium when azurePrivateNetworking is true (private endpoints need Premium)")
	}
	if a.PrivateNetworking && s.ML.ManagedNetworkIsolation == "Disabled" {
		r.fail("mlManagedNetworkIsolation", "Disabled", "must be AllowOnlyApprovedOutbound or AllowInternetOutbound when azurePrivateNetworking is true")
	}
}

func isZoneOf(location, region string) bool {
	zone, ok := strings.CutPrefix(location, region+"-")
	return ok && len(zone) == 1 && zone[0] >= 'a' && zone[0] <= 'z'
}

// Target is what the waiver covers: "RULE@resource", "RULE@*" or the decision key.
func (w Waiver) Target() string {
	if w.Decision != "" {
		return w.Decision
	}
	return w.Rule + "@" + w.Resource
}

// Expired reports whether the waiver no longer holds on day now (it holds through Until).
func (w Waiver) Expired(now time.Time) bool {
	return !w.Until.IsZero() && now.After(w.Until.AddDate(0, 0, 1).Add(-time.Nanosecond))
}

// String renders a waiver in its config form.
func (w Waiver) String() string {
	target := w.Target()
	if !w.Until.IsZero() {
		target += " until " + w.Until.Format(time.DateOnly)
	}
	return fmt.Sprintf("%s: %s", target, w.Reason)
}

// securityGroupRE: GKE accepts only a group named gke-security-groups in the organization's
// domain ("Configure Google Groups for RBAC"; the provider's securityGroup field: "Group name
// must be in format gke-security-groups@yourdomain.com").
var securityGroupRE = regexp.MustCompile(`^gke-security-groups@[a-z0-9-]+(\.[a-z0-9-]+)+$`)
