package entry

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/example/mlplatform/gcpnative/compute"
	"github.com/example/mlplatform/internal/required"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/certificatemanager"
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/iap"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The entry's fixed shape.
//
// Where the load balancer sends traffic: to the mesh's ingress gateway, not to the
// microservice's Service. The namespace runs STRICT mTLS and the load balancer is not a mesh
// workload, so it cannot present a mesh certificate; Google's reference architecture "From
// edge to mesh: Expose service mesh applications through GKE Gateway"
// (cloud.google.com/architecture/exposing-service-mesh-apps-through-gke-ingress) puts mesh
// ingress gateway proxies behind the GKE Gateway for exactly this. The hop from the load
// balancer to the gateway pods is HTTP over zonal NEGs, which Google encrypts automatically
// at the network level ("Encryption from the load balancer to the backends",
// cloud.google.com/load-balancing/docs/ssl-certificates/encryption-to-the-backends); from
// the gateway to the microservice the mesh's mTLS applies.
const (
	// GatewayClass is the GKE Gateway class of the global external Application Load
	// Balancer (cloud.google.com/kubernetes-engine/docs/concepts/gateway-api).
	GatewayClass = "gke-l7-global-external-managed"
	// certMapAnnotation attaches a Certificate Manager certificate map to a GKE Gateway
	// (cloud.google.com/kubernetes-engine/docs/how-to/secure-gateway, "Secure a Gateway
	// using Certificate Manager").
	certMapAnnotation = "networking.gke.io/certmap"
	// IngressServiceAccount runs the mesh ingress gateway; with IngressNamespace it is the
	// only identity the microservice accepts.
	IngressServiceAccount = "mesh-ingressgateway"
	ingressApp            = "mesh-ingressgateway"
	// The gateway proxy listens unprivileged on 8080 behind Service port 80; 15021 is the
	// proxy's health endpoint (the injected gateway template's readiness probe).
	ingressPort       = 80
	ingressTargetPort = 8080
	ingressStatusPort = 15021
	// iapAccessor is "IAP-secured Web App User" (cloud.google.com/iap/docs/managing-access).
	iapAccessor = "roles/iap.httpsResourceAccessor"
)

// LoadBalancerSourceRanges are where a global external Application Load Balancer's proxies
// and health checks reach zonal-NEG backends from (cloud.google.com/load-balancing/docs/
// firewall-rules). The ingress gateway accepts connections from these only.
var LoadBalancerSourceRanges = []string{"35.191.0.0/16", "130.211.0.0/22"}

// OWASPRules are Cloud Armor's preconfigured WAF rules from OWASP CRS 3.3
// (cloud.google.com/armor/docs/waf-rules). Sensitivity 1 enables only the high-confidence
// signatures (cloud.google.com/armor/docs/rule-tuning).
var OWASPRules = []string{"sqli-v33-stable", "xss-v33-stable", "lfi-v33-stable", "rfi-v33-stable", "rce-v33-stable",
	"methodenforcement-v33-stable", "scannerdetection-v33-stable", "protocolattack-v33-stable", "sessionfixation-v33-stable"}

// IngressNamespace is the namespace of the mesh ingress gateway.
func IngressNamespace(workloadNamespace string) string { return workloadNamespace + "-ingress" }

// EntryArgs configures NewEntry with plain typed values; stack maps the configuration.
type EntryArgs struct {
	// Env labels the Kubernetes objects; Labels are the Google Cloud resources' labels
	// (gcp.Labels).
	Env    string
	Labels map[string]string
	// Name is the base of the Google Cloud resources' names (settings Names.Entry()).
	Name string
	// Hostname is the public DNS name the certificate is issued for and the routes match.
	Hostname string
	// IAPMembers are granted the IAP-secured Web App User role.
	IAPMembers []string
	// IAPClientID and IAPClientSecret are the team's OAuth client IAP uses; the secret is kept
	// a Pulumi secret.
	IAPClientID     string
	IAPClientSecret string
	Armor           Armor
	// Namespace is the microservice's namespace (the gateway runs in IngressNamespace of it);
	// ServiceAccount names the Gateway, its routes and the VirtualService after the workload.
	Namespace      string
	ServiceAccount string
	// MinReplicas and MaxReplicas bound the ingress gateway's autoscaler: the microservice's
	// (it scales with it).
	MinReplicas, MaxReplicas int
	// Project is the project id gated on compute, Certificate Manager and IAP
	// (Services.EntryProject).
	Project pulumi.StringInput
	// Provider and MeshReadyJob come from the mesh (Mesh.Provider, Mesh.Ready).
	Provider     *kubernetes.Provider
	MeshReadyJob pulumi.Resource
	// BackendHost and BackendPort name the microservice's Service (Microservice.ServiceHost,
	// Microservice.ServicePort).
	BackendHost pulumi.StringInput
	BackendPort pulumi.IntInput
	// NodePool (Cluster.NodePoolName) pins the gateway pods to the hardened node pool.
	NodePool pulumi.StringInput
}

// Armor is the Cloud Armor policy's per-client rate limit and whether the OWASP rules block.
type Armor struct {
	// RateLimitCount requests per RateLimitIntervalSec seconds per client IP; above it
	// RateLimitAction (throttle or rate_based_ban, banning for BanDurationSec) answers 429.
	RateLimitCount       int
	RateLimitIntervalSec int
	RateLimitAction      string
	BanDurationSec       int
	OWASPRules           bool
}

// Entry is the microservice's way in: a reserved global IP, a Google-managed certificate,
// Cloud Armor, IAP, and in the cluster the GKE Gateway, its routes and backend policies in
// front of a mesh ingress gateway.
type Entry struct {
	pulumi.ResourceState

	// URL is https://<hostname>/ and IPAddress the reserved global address its DNS A record
	// must point to (the managed certificate is issued only then).
	URL            pulumi.StringOutput
	IPAddress      pulumi.StringOutput
	AddressName    pulumi.StringOutput
	CertificateMap pulumi.StringOutput
	SecurityPolicy pulumi.StringOutput
}

// NewEntry creates the Google Cloud edge and the in-cluster gateway objects.
func NewEntry(ctx *pulumi.Context, name string, args *EntryArgs, opts ...pulumi.ResourceOption) (*Entry, error) {
	if args == nil {
		args = &EntryArgs{}
	}
	// Provider and MeshReadyJob exist only when the mesh is managed in-cluster (meshInCluster).
	if err := required.Args("entry.NewEntry", map[string]any{"Env": args.Env, "Hostname": args.Hostname, "Name": args.Name,
		"Namespace": args.Namespace, "ServiceAccount": args.ServiceAccount,
		"Project": args.Project, "Provider": args.Provider, "MeshReadyJob": args.MeshReadyJob,
		"BackendHost": args.BackendHost, "BackendPort": args.BackendPort, "NodePool": args.NodePool}); err != nil {
		return nil, err
	}
	s := args
	c := &Entry{}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:Entry", name, c, opts...); err != nil {
		return nil, err
	}
	edge, err := c.edge(ctx, name, s, args.Project)
	if err != nil {
		return nil, err
	}
	if err := c.cluster(ctx, name, args, edge); err != nil {
		return nil, err
	}
	c.URL = pulumi.Sprintf("https://%s/", s.Hostname)
	return c, ctx.RegisterResourceOutputs(c, pulumi.Map{
		"url": c.URL, "ipAddress": c.IPAddress, "addressName": c.AddressName,
		"certificateMap": c.CertificateMap, "securityPolicy": c.SecurityPolicy,
	})
}

// edgeRefs are the Google Cloud names the in-cluster objects refer to.
type edgeRefs struct{ address, certMap, securityPolicy, sslPolicy pulumi.StringOutput }

// edge creates the address, the certificate and its map, the Cloud Armor policy and the IAP
// grants.
func (c *Entry) edge(ctx *pulumi.Context, name string, s *EntryArgs, project pulumi.StringInput) (edgeRefs, error) {
	base := s.Name
	addr, err := compute.NewGlobalAddress(ctx, name+"-ip", &compute.GlobalAddressArgs{
		Project: project, Name: pulumi.String(base + "-ip"), AddressType: pulumi.String("EXTERNAL"),
		IpVersion: pulumi.String("IPV4"), Description: pulumi.String("Entry of " + s.Hostname),
		Labels: pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...)
	if err != nil {
		return edgeRefs{}, err
	}
	// Load-balancer authorization (no DNS authorization): Google issues the certificate once
	// the hostname's A record points at the address above.
	cert, err := certificatemanager.NewCertificate(ctx, name+"-cert", &certificatemanager.CertificateArgs{
		Project: project, Name: pulumi.String(base + "-cert"), Scope: pulumi.String("DEFAULT"),
		Description: pulumi.String("Google-managed certificate for " + s.Hostname),
		Managed:     &certificatemanager.CertificateManagedArgs{Domains: pulumi.ToStringArray([]string{s.Hostname})},
		Labels:      pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...)
	if err != nil {
		return edgeRefs{}, err
	}
	certMap, err := certificatemanager.NewCertificateMapResource(ctx, name+"-certmap", &certificatemanager.CertificateMapResourceArgs{
		Project: project, Name: pulumi.String(base + "-certmap"), Labels: pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...)
	if err != nil {
		return edgeRefs{}, err
	}
	if _, err := certificatemanager.NewCertificateMapEntry(ctx, name+"-certmap-entry", &certificatemanager.CertificateMapEntryArgs{
		Project: project, Name: pulumi.String(base + "-certmap-entry"), Map: certMap.Name,
		Hostname: pulumi.String(s.Hostname), Certificates: pulumi.StringArray{cert.ID().ToStringOutput()},
		Labels: pulumi.ToStringMap(s.Labels),
	}, childOpts(c)...); err != nil {
		return edgeRefs{}, err
	}
	armor, err := compute.NewSecurityPolicy(ctx, name+"-armor", &compute.SecurityPolicyArgs{
		Project: project, Name: pulumi.String(base + "-armor"), Type: pulumi.String("CLOUD_ARMOR"),
		Description: pulumi.String("Per-client rate limit and WAF in front of " + s.Hostname),
		// STANDARD parsing lets the WAF rules inspect JSON bodies field by field.
		AdvancedOptionsConfig: &compute.SecurityPolicyAdvancedOptionsConfigArgs{JsonParsing: pulumi.String("STANDARD")},
		Rules:                 armorRules(s.Armor),
	}, childOpts(c)...)
	if err != nil {
		return edgeRefs{}, err
	}
	if err := c.iapAccess(ctx, name, s, project); err != nil {
		return edgeRefs{}, err
	}
	ssl, err := sslPolicy(ctx, name, base, project, childOpts(c))
	if err != nil {
		return edgeRefs{}, err
	}
	c.IPAddress, c.AddressName = addr.Address, addr.Name
	c.CertificateMap, c.SecurityPolicy = certMap.Name, armor.Name
	return edgeRefs{address: addr.Name, certMap: certMap.Name, securityPolicy: armor.Name, sslPolicy: ssl}, nil
}

// CVERule is Cloud Armor's preconfigured rule for newly discovered critical CVEs; its
// signatures block the Apache Log4j exploits CVE-2021-44228 and CVE-2021-45046 ("Log4Shell").
// Cloud Armor's preconfigured WAF rules (cloud.google.com/armor/docs/waf-rules, "Newly
// discovered vulnerabilities": cve-canary) and Google's announcement
// (cloud.google.com/blog/products/identity-security/cloud-armor-waf-rule-to-help-address-apache-log4j-vulnerability).
// Checkov CKV_GCP_73 asks every Cloud Armor policy for it; policy ARMOR-004.
const CVERule = "cve-canary"

// cvePriority puts the CVE rule before the OWASP rules (1000+) and the rate limit (2000).
const cvePriority = 900

// armorRules: the WAF rules first (blocking, 403), then the per-client rate limit (429),
// then the mandatory default rule that allows what is left. The cve-canary rule is on in
// every stack (armorOwaspRules only switches the broader OWASP set): an exploit of a library
// the image may carry is blocked even where the OWASP rules are off.
func armorRules(a Armor) []compute.SecurityPolicyRuleTypeArgs {
	anyIP := &compute.SecurityPolicyRuleMatchArgs{VersionedExpr: pulumi.String("SRC_IPS_V1"),
		Config: &compute.SecurityPolicyRuleMatchConfigArgs{SrcIpRanges: pulumi.ToStringArray([]string{"*"})}}
	rules := []compute.SecurityPolicyRuleTypeArgs{{
		Priority: pulumi.Int(cvePriority), Action: pulumi.String("deny(403)"), Preview: pulumi.Bool(false),
		Description: pulumi.String("Log4Shell (CVE-2021-44228) and other critical CVEs"),
		Match: &compute.SecurityPolicyRuleMatchArgs{Expr: &compute.SecurityPolicyRuleMatchExprArgs{
			Expression: pulumi.String(fmt.Sprintf("evaluatePreconfiguredWaf('%s', {'sensitivity': 1})", CVERule))}},
	}}
	if a.OWASPRules {
		for i, rule := range OWASPRules {
			rules = append(rules, compute.SecurityPolicyRuleTypeArgs{
				Priority: pulumi.Int(1000 + i), Action: pulumi.String("deny(403)"), Preview: pulumi.Bool(false),
				Description: pulumi.String("OWASP CRS 3.3 " + strings.TrimSuffix(rule, "-v33-stable")),
				Match: &compute.SecurityPolicyRuleMatchArgs{Expr: &compute.SecurityPolicyRuleMatchExprArgs{
					Expression: pulumi.String(fmt.Sprintf("evaluatePreconfiguredWaf('%s', {'sensitivity': 1})", rule))}},
			})
		}
	}
	limit := &compute.SecurityPolicyRuleRateLimitOptionsArgs{
		ConformAction: pulumi.String("allow"), ExceedAction: pulumi.String("deny(429)"), EnforceOnKey: pulumi.String("IP"),
		RateLimitThreshold: &compute.SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs{
			Count: pulumi.Int(a.RateLimitCount), IntervalSec: pulumi.Int(a.RateLimitIntervalSec)},
	}
	if a.RateLimitAction == "rate_based_ban" {
		limit.BanDurationSec = pulumi.Int(a.BanDurationSec)
	}
	rules = append(rules,
		compute.SecurityPolicyRuleTypeArgs{Priority: pulumi.Int(2000), Action: pulumi.String(a.RateLimitAction),
			Description: pulumi.String("Per-client-IP rate limit"), Match: anyIP, RateLimitOptions: limit},
		compute.SecurityPolicyRuleTypeArgs{Priority: pulumi.Int(2147483647), Action: pulumi.String("allow"),
			Description: pulumi.String("Default rule"), Match: anyIP})
	return rules
}

var nonNameChars = regexp.MustCompile(`[^a-z0-9]+`)

// iapAccess grants the IAP-secured Web App User role to each configured member on the
// project's IAP-secured backend services. The backend service itself is created and named
// by the GKE Gateway controller, so no Pulumi resource can name it for a narrower grant.
func (c *Entry) iapAccess(ctx *pulumi.Context, name string, s *EntryArgs, project pulumi.StringInput) error {
	for _, member := range s.IAPMembers {
		suffix := strings.Trim(nonNameChars.ReplaceAllString(strings.ToLower(member), "-"), "-")
		if _, err := iap.NewWebTypeComputeIamMember(ctx, name+"-iap-"+suffix, &iap.WebTypeComputeIamMemberArgs{
			Project: project, Role: pulumi.String(iapAccessor), Member: pulumi.String(member),
		}, childOpts(c)...); err != nil {
			return err
		}
	}
	return nil
}

// sslPolicy is the TLS policy of the entry's global external Application Load Balancer:
// TLS 1.2 at least with the MODERN profile (AVD-GCP-0039 accepts MODERN or RESTRICTED at
// TLS 1.2; without a policy the load balancer uses Google's default, COMPATIBLE from TLS 1.0,
// "SSL policies overview", cloud.google.com/load-balancing/docs/ssl-policies-concepts).
// MODERN rather than RESTRICTED: RESTRICTED is the narrower set "intended to meet stricter
// compliance requirements" (same page); both satisfy the control. Policy SSL-001/SSL-002.
func sslPolicy(ctx *pulumi.Context, name, base string, project pulumi.StringInput, opts []pulumi.ResourceOption) (pulumi.StringOutput, error) {
	p, err := compute.NewSSLPolicy(ctx, name+"-ssl-policy", &compute.SSLPolicyArgs{
		Project: project, Name: pulumi.String(base + "-tls12"),
		Profile: pulumi.String("MODERN"), MinTlsVersion: pulumi.String("TLS_1_2"),
		Description: pulumi.String("TLS 1.2 or later, MODERN profile, for the entry's load balancer"),
	}, opts...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	return p.Name, nil
}

// childOpts parents a resource under the component, so its URN is the component's child.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}
