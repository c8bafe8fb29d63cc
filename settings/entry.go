package settings

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Microservice is the workload that runs as the microservice's Kubernetes service account.
type Microservice struct {
	// Deploy creates the Deployment, its Service and the public entry (Entry). It needs
	// Mesh.InCluster: every object lives in the cluster.
	Deploy bool
	// Image is pinned by digest (REGISTRY/PATH@sha256:HEX): the same configuration always
	// deploys the same bits, and Binary Authorization (enforced on the cluster) judges digests.
	Image       string
	Port        int
	HealthPath  string
	MinReplicas int
	MaxReplicas int
}

// Entry is the way in from the internet: a Google-managed global external Application Load
// Balancer (GKE Gateway) with a managed certificate, IAP and a Cloud Armor policy.
type Entry struct {
	// Hostname is the public DNS name the certificate is issued for.
	Hostname string
	// IAPMembers may pass IAP (roles/iap.httpsResourceAccessor); empty lets no one in.
	IAPMembers []string
	// IAPClientID and IAPClientSecret are the team's own OAuth client for IAP (a "Web
	// application" client made in the Google Auth Platform; the IAP OAuth Admin API that could
	// create one was shut down on 2026-03-19, cloud.google.com/iap/docs/deprecations). The GKE
	// Gateway's GCPBackendPolicy requires both when IAP is enabled (gke-gateway-api
	// apis/networking/v1/gcpbackendpolicy_types.go on main: "If true, the ClientID and
	// Oauth2ClientSecret fields must be non-empty"), and a custom client, unlike the
	// Google-managed one, admits users outside the organization and programs
	// (cloud.google.com/iap/docs/custom-oauth-configuration). The secret is secret config.
	IAPClientID     string
	IAPClientSecret string
	Armor           Armor
}

// Armor is the Cloud Armor policy on the backend.
type Armor struct {
	// RateLimitCount requests per RateLimitIntervalSec are allowed per client IP.
	RateLimitCount       int
	RateLimitIntervalSec int
	// RateLimitAction is "throttle" (deny the excess) or "rate_based_ban" (deny the client
	// for BanDurationSec once it exceeds the limit).
	RateLimitAction string
	BanDurationSec  int
	// OWASPRules adds Google's preconfigured WAF rules (SQLi, XSS, LFI, RCE, …) in blocking mode.
	OWASPRules bool
}

// RateLimitActions are the Cloud Armor rule actions that rate-limit.
var RateLimitActions = []string{"throttle", "rate_based_ban"}

// ArmorIntervals are the values Cloud Armor accepts for rateLimitThreshold.intervalSec and
// banDurationSec (Cloud Armor docs, "Rate limiting overview").
var ArmorIntervals = []int{10, 30, 60, 120, 180, 240, 300, 600, 900, 1200, 1800, 2700, 3600}

var (
	// imageRE: a registry host, a path and a sha256 digest; tags are refused (see Image).
	imageRE    = regexp.MustCompile(`^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9]+([._-][a-z0-9]+)*)+@sha256:[a-f0-9]{64}$`)
	hostnameRE = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$`)
	httpPathRE = regexp.MustCompile(`^/[A-Za-z0-9._~/-]*$`)
	// iapClientIDRE: a Google OAuth 2.0 client id, NUMBER-ID.apps.googleusercontent.com.
	iapClientIDRE = regexp.MustCompile(`^[0-9]+-[a-z0-9][a-z0-9-]*\.apps\.googleusercontent\.com$`)
	// iapMemberRE: the IAM member forms IAP accepts for a person or a workload.
	iapMemberRE = regexp.MustCompile(`^(user|group|serviceAccount):[^@\s]+@[^@\s]+\.[^@\s]+$|^domain:[a-z0-9.-]+\.[a-z]+$`)
)

// ProjectRegistry is the Artifact Registry host and project every workload image comes from:
// REGION-docker.pkg.dev/PROJECT (Artifact Registry, "Repository and image names").
func ProjectRegistry(g GCP) string { return g.Region + "-docker.pkg.dev/" + g.Project }

// readEntry reads the workload and entry keys. Every key is read (Pulumi.yaml declares each);
// the ones only the user can know (image, hostname) are required only with microserviceDeploy.
func (r *reader) readEntry(s *Settings) {
	m := Microservice{
		Deploy:      r.boolean("microserviceDeploy"),
		Image:       r.str("microserviceImage"),
		Port:        r.intIn("microservicePort", 1024, 65535),
		HealthPath:  r.match("microserviceHealthPath", httpPathRE, "must be an absolute HTTP path such as /healthz"),
		MinReplicas: r.intIn("microserviceMinReplicas", 1, 100),
		MaxReplicas: r.intIn("microserviceMaxReplicas", 1, 100),
	}
	e := Entry{
		Hostname:        strings.TrimSuffix(r.str("gatewayHostname"), "."),
		IAPMembers:      r.iapMembers("iapAccessMembers"),
		IAPClientID:     strings.TrimSpace(r.str("iapOAuthClientId")),
		IAPClientSecret: r.str("iapOAuthClientSecret"),
		Armor: Armor{
			RateLimitCount:       r.intIn("armorRateLimitCount", 1, 1000000),
			RateLimitIntervalSec: r.armorInterval("armorRateLimitIntervalSec"),
			RateLimitAction:      r.oneOf("armorRateLimitAction", RateLimitActions...),
			BanDurationSec:       r.armorInterval("armorBanDurationSec"),
			OWASPRules:           r.boolean("armorOwaspRules"),
		},
	}
	if m.MinReplicas > m.MaxReplicas && m.MaxReplicas > 0 {
		r.fail("microserviceMinReplicas", strconv.Itoa(m.MinReplicas), "must not exceed microserviceMaxReplicas (%d)", m.MaxReplicas)
	}
	if m.Deploy {
		if !s.Mesh.InCluster {
			r.fail("microserviceDeploy", "true", "needs meshInCluster = true (the workload and its gateway are Kubernetes objects); set microserviceDeploy to false to plan without them")
		}
		switch {
		case m.Image == "":
			r.fail("microserviceImage", "", "is not set: name the microservice's container image pinned by digest, REGISTRY/PATH@sha256:<64 hex digits> (there is no default), or set microserviceDeploy to false")
		case !imageRE.MatchString(m.Image):
			r.fail("microserviceImage", m.Image, "must be an image reference pinned by digest, REGISTRY/PATH@sha256:<64 hex digits>; tags are not accepted")
		case s.GCP.Project != "" && s.GCP.Region != "" && !strings.HasPrefix(m.Image, ProjectRegistry(s.GCP)+"/"):
			// The stack's Binary Authorization policy admits only this registry (gcp/cluster/images.go,
			// BINAUTHZ-001): any other image would be refused at admission, after the up began.
			r.fail("microserviceImage", m.Image, "must be in the project's Artifact Registry in gcp:region, %s/REPOSITORY/IMAGE@sha256:<64 hex digits>: the project's Binary Authorization policy admits no other registry", ProjectRegistry(s.GCP))
		}
		r.iapClient(e)
		switch {
		case e.Hostname == "":
			r.fail("gatewayHostname", "", "is not set: name the public DNS name the managed certificate is issued for, such as api.example.org (there is no default), or set microserviceDeploy to false")
		case len(e.Hostname) > 253 || !hostnameRE.MatchString(e.Hostname):
			r.fail("gatewayHostname", e.Hostname, "must be a lowercase fully qualified DNS name such as api.example.org (no wildcard, no scheme, no port)")
		}
	}
	s.Microservice, s.Entry = m, e
}

// iapClient checks the IAP OAuth client: both values are the team's own (no default), the id
// in Google's client-id form, the secret set as secret config so it is encrypted in the stack
// file and the state (Pulumi.yaml also marks it `secret: true`, which the CLI enforces).
func (r *reader) iapClient(e Entry) {
	switch {
	case e.IAPClientID == "":
		r.fail("iapOAuthClientId", "", "is not set: name the OAuth client IAP signs users in with, NUMBER-ID.apps.googleusercontent.com (a Web application client of the project's Google Auth Platform; there is no default), or set microserviceDeploy to false")
	case !iapClientIDRE.MatchString(e.IAPClientID):
		r.fail("iapOAuthClientId", e.IAPClientID, "must be an OAuth 2.0 client id, NUMBER-ID.apps.googleusercontent.com")
	}
	q := r.qualify("iapOAuthClientSecret")
	switch {
	case strings.TrimSpace(e.IAPClientSecret) == "":
		r.fail("iapOAuthClientSecret", "", "is not set: give the secret of the OAuth client iapOAuthClientId names with `pulumi config set --secret iapOAuthClientSecret <client secret>` (there is no default)")
	case r.isSecret != nil && !r.secret(q) && e.IAPClientSecret != OfflineExamples["iapOAuthClientSecret"]:
		r.fail("iapOAuthClientSecret", "(not shown)", "must be secret config: set it again with `pulumi config set --secret iapOAuthClientSecret <client secret>`")
	}
}

func (r *reader) armorInterval(key string) int {
	v, ok := r.raw(key)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || !slices.Contains(ArmorIntervals, n) {
		allowed := make([]string, len(ArmorIntervals))
		for i, a := range ArmorIntervals {
			allowed[i] = strconv.Itoa(a)
		}
		r.fail(key, v, "must be one of %s seconds (the intervals Cloud Armor accepts)", strings.Join(allowed, ", "))
		return 0
	}
	return n
}

func (r *reader) iapMembers(key string) []string {
	return r.distinct(key, func(m string) string {
		switch {
		case m == "allUsers" || m == "allAuthenticatedUsers":
			return "must not make the service public: list users, groups, service accounts or a domain"
		case !iapMemberRE.MatchString(m):
			return "each entry must be an IAM member such as group:team@example.org, user:alice@example.org, serviceAccount:…, or domain:example.org"
		}
		return ""
	})
}

// OfflineExamples are the values the offline plan and the tests use for keys whose real value
// only the deploying team knows. They are never in a stack file, say "offline-plan-example",
// and resolve nowhere (the reserved .invalid domain, an all-zero digest, a project id nobody
// deploys); the plan labels them as examples. The image is named in the example project's
// Artifact Registry in the stacks' region, where the platform's Binary Authorization policy
// and policy POD-008 want workload images. A key with a namespace ("gcp:project") is a provider key, taken as is;
// the others are project keys. A GCP project id cannot hold a dot, so its example says what
// it is in its name.
var OfflineExamples = map[string]string{
	"microserviceImage": "europe-west4-docker.pkg.dev/offline-plan-example/apps/inference-api@sha256:" + strings.Repeat("0", 64),
	"gatewayHostname":   "inference.offline-plan-example.invalid",
	"iapAccessMembers":  `["group:offline-plan-example@example.invalid"]`,
	// The OAuth client is the team's own: these say what they are and open nothing.
	"iapOAuthClientId":     "000000000000-offline-plan-example.apps.googleusercontent.com",
	"iapOAuthClientSecret": "offline-plan-example-not-a-secret",
	"ownerEmail":           "owner@offline-plan-example.invalid",
	"gcp:project":          "offline-plan-example",
}

// ApplyOfflineExamples returns a copy of values (fully qualified keys) with every key of
// OfflineExamples that is unset or empty filled in, and the keys it filled, sorted.
func ApplyOfflineExamples(project string, values map[string]string) (map[string]string, []string) {
	out := make(map[string]string, len(values)+len(OfflineExamples))
	for k, v := range values {
		out[k] = v
	}
	var used []string
	for key, example := range OfflineExamples {
		q := key
		if !strings.Contains(key, ":") {
			q = project + ":" + key
		}
		if v := strings.TrimSpace(out[q]); v == "" || v == "[]" {
			out[q] = example
			used = append(used, q)
		}
	}
	slices.Sort(used)
	return out, used
}

// Entry is the base of the entry's Google Cloud names (address, certificate, map, Cloud
// Armor policy): at most 15 characters, so every derived name stays within GCP's 63.
func (n Names) Entry() string { return n.base("-") + "-entry" }
