package settings

import (
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"
)

func (r *reader) date(key string) time.Time {
	v, ok := r.raw(key)
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		r.fail(key, v, "must be a calendar date YYYY-MM-DD")
	}
	return t
}

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

// Waiver accepts a policy finding on purpose; the reason is shown in every plan.
type Waiver struct {
	Rule     string // policy rule id
	Resource string // logical resource name; empty waives the rule for every resource
	Reason   string
}

var waiverPattern = regexp.MustCompile(`^([A-Z]+-[0-9]{3})(@([A-Za-z0-9._-]+))?:\s*(\S.{9,})$`)

// waivers parses entries of the form "RULE-ID[@resource-name]: reason of at least 10 characters".
func (r *reader) waivers(key string) []Waiver {
	var out []Waiver
	for _, v := range r.list(key) {
		m := waiverPattern.FindStringSubmatch(v)
		if m == nil {
			r.fail(key, v, `each entry must read "RULE-ID[@resource-name]: reason" with a reason of at least 10 characters, e.g. "AKV-004@vault: dev vault stays reachable from laptops"`)
			continue
		}
		out = append(out, Waiver{Rule: m[1], Resource: m[3], Reason: strings.TrimSpace(m[4])})
	}
	return out
}

// crossChecks validates relations between keys once each key is valid on its own.
func (r *reader) crossChecks(s *Settings) {
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
		case g.PrivateEndpoint && !p.Addr().IsPrivate():
			r.fail("gkeMasterAuthorizedNetworks", p.String(), "must be a private (RFC 1918) range while gkePrivateEndpoint is true: the private endpoint is reached only from the VPC and networks connected to it")
		}
	}
	if s.GCP.Region != "" && g.Location != s.GCP.Region && !isZoneOf(g.Location, s.GCP.Region) {
		r.fail("gkeLocation", g.Location, "must be the region %s (regional cluster) or one of its zones such as %s-a", s.GCP.Region, s.GCP.Region)
	}
	named := []struct {
		key    string
		prefix netip.Prefix
	}{{"gkeSubnetCidr", g.SubnetCIDR}, {"gkePodsCidr", g.PodsCIDR}, {"gkeServicesCidr", g.ServicesCIDR}, {"gkeMasterCidr", g.MasterCIDR}}
	for i, a := range named {
		for _, b := range named[i+1:] {
			if a.prefix.IsValid() && b.prefix.IsValid() && a.prefix.Overlaps(b.prefix) {
				r.fail(b.key, b.prefix.String(), "must not overlap %s (%s)", r.qualify(a.key), a.prefix)
			}
		}
	}
	for _, p := range []struct {
		key    string
		prefix netip.Prefix
	}{{"gkeSubnetCidr", g.SubnetCIDR}, {"gkePodsCidr", g.PodsCIDR}, {"gkeServicesCidr", g.ServicesCIDR}, {"gkeMasterCidr", g.MasterCIDR}, {"azureVnetCidr", s.Azure.VnetCIDR}} {
		if p.prefix.IsValid() && !p.prefix.Addr().IsPrivate() {
			r.fail(p.key, p.prefix.String(), "must be a private (RFC 1918) range")
		}
	}

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
	if s.Workload.ServiceAccount != "" && len(s.NamePrefix+"-"+s.Env+"-"+s.Workload.ServiceAccount) > 30 {
		r.fail("microserviceServiceAccount", s.Workload.ServiceAccount,
			"must be at most %d characters: the Google service account id %q must fit in 30",
			30-len(s.NamePrefix+"-"+s.Env+"-"), s.NamePrefix+"-"+s.Env+"-"+s.Workload.ServiceAccount)
	}
}

func isZoneOf(location, region string) bool {
	zone, ok := strings.CutPrefix(location, region+"-")
	return ok && len(zone) == 1 && zone[0] >= 'a' && zone[0] <= 'z'
}

// String renders a waiver in its config form.
func (w Waiver) String() string {
	target := w.Rule
	if w.Resource != "" {
		target += "@" + w.Resource
	}
	return fmt.Sprintf("%s: %s", target, w.Reason)
}
