// Package spec is what the tooling knows about the microservice's IAP-protected entry (the
// global address, the Certificate Manager certificate and map, the Cloud Armor and SSL
// policies, the IAP grants and, in the cluster, the GKE Gateway with its routes and policies,
// the mesh ingress gateway's Istio routing and the IAP OAuth client's Secret): its per-resource
// policy rules with their cases, the offline plan's mock responders and typical creation
// times. It imports only kit; the component's resources are built by the parent folder's
// package entry.
//
// The ingress gateway's Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler,
// namespace, service accounts, network policy and AuthorizationPolicies are the entry's too,
// but the microservice registers the same types, so their rules, mocks and times stay with the
// tooling; so do the rules that look across resources (GW-002, IAP-001, ARMOR-001, SSL-002,
// ENTRY-*).
package spec

import (
	"fmt"
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens only this component registers.
const (
	GlobalAddressType   = "gcp:compute/globalAddress:GlobalAddress"
	ArmorType           = "gcp:compute/securityPolicy:SecurityPolicy"
	SSLPolicyType       = "gcp:compute/sSLPolicy:SSLPolicy"
	CertificateType     = "gcp:certificatemanager/certificate:Certificate"
	CertificateMapType  = "gcp:certificatemanager/certificateMap:CertificateMap"
	CertMapEntryType    = "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry"
	IAPMemberType       = "gcp:iap/webTypeComputeIamMember:WebTypeComputeIamMember"
	GatewayType         = "kubernetes:gateway.networking.k8s.io/v1:Gateway"
	HTTPRouteType       = "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute"
	HealthCheckType     = "kubernetes:networking.gke.io/v1:HealthCheckPolicy"
	BackendPolicyType   = "kubernetes:networking.gke.io/v1:GCPBackendPolicy"
	GatewayPolicyType   = "kubernetes:networking.gke.io/v1:GCPGatewayPolicy"
	IstioGatewayType    = "kubernetes:networking.istio.io/v1:Gateway"
	VirtualServiceType  = "kubernetes:networking.istio.io/v1:VirtualService"
	ServiceEntryType    = "kubernetes:networking.istio.io/v1:ServiceEntry"
	DestinationRuleType = "kubernetes:networking.istio.io/v1:DestinationRule"
	RequestAuthnType    = "kubernetes:security.istio.io/v1:RequestAuthentication"
	SecretType          = "kubernetes:core/v1:Secret"
)

// computeAPI prefixes Compute Engine self links.
const computeAPI = "https://www.googleapis.com/compute/v1/"

// Component is the entry as the tooling sees it.
var Component = kit.Component{
	Name:  "entry",
	Rules: rules(),
	Mocks: map[string]kit.Mock{
		GlobalAddressType:  {Provision: globalAddress},
		ArmorType:          {Provision: securityPolicy},
		CertificateType:    {Provision: certManager("certificates")},
		CertificateMapType: {Provision: certManager("certificateMaps")},
		CertMapEntryType:   {Provision: certMapEntry},
		IAPMemberType:      {Provision: iapMember},
		IstioGatewayType:   {Provision: kit.MockK8sObject("networking.istio.io/v1", "Gateway", true)},
		VirtualServiceType: {Provision: kit.MockK8sObject("networking.istio.io/v1", "VirtualService", true)},
		GatewayType:        {Provision: kit.MockK8sObject("gateway.networking.k8s.io/v1", "Gateway", true)},
		HTTPRouteType:      {Provision: kit.MockK8sObject("gateway.networking.k8s.io/v1", "HTTPRoute", true)},
		HealthCheckType:    {Provision: kit.MockK8sObject("networking.gke.io/v1", "HealthCheckPolicy", true)},
		BackendPolicyType:  {Provision: kit.MockK8sObject("networking.gke.io/v1", "GCPBackendPolicy", true)},
	},
	CreateTimes: createTimes,
}

// createTimes: what `pulumi up` waits for is modeled; what Google finishes afterwards is not,
// and it is the long pole of a first deployment: the GKE Gateway controller programs the load
// balancer minutes after the Gateway object exists (the provider has no await logic for
// custom resources), and a Google-managed certificate with load-balancer authorization is
// issued only once the load balancer serves traffic and the hostname's A record points at
// it ("Domain authorization", cloud.google.com/certificate-manager/docs/domain-authorization),
// which "can take up to 60 minutes after your DNS and load balancer configuration changes
// propagate" (cloud.google.com/certificate-manager/docs/troubleshooting).
var createTimes = map[string]time.Duration{
	// Estimate: global compute operations, seconds (TF timeout, google_compute_global_address
	// and google_compute_security_policy: create 20 min).
	GlobalAddressType: 10 * time.Second,
	ArmorType:         20 * time.Second,
	SSLPolicyType:     10 * time.Second, // a global object like the Cloud Armor policy, no rules
	// Estimate: Certificate Manager long-running operations return once the resource exists;
	// issuance of the managed certificate continues afterwards (see above).
	CertificateType:    10 * time.Second,
	CertificateMapType: 5 * time.Second,
	CertMapEntryType:   5 * time.Second,
	// Estimate: IAM policy read-modify-write on the project's IAP web resource.
	IAPMemberType: 5 * time.Second,
	// Estimate: API server writes with no readiness to wait for.
	RequestAuthnType:    1 * time.Second,
	ServiceEntryType:    1 * time.Second,
	DestinationRuleType: 1 * time.Second,
	SecretType:          1 * time.Second,
	IstioGatewayType:    1 * time.Second,
	VirtualServiceType:  1 * time.Second,
	GatewayType:         1 * time.Second,
	HTTPRouteType:       1 * time.Second,
	HealthCheckType:     1 * time.Second,
	BackendPolicyType:   1 * time.Second,
	GatewayPolicyType:   1 * time.Second,
}

// The responders follow the shapes the Google provider returns (resource names as ids,
// computed outputs derived from the inputs and the provider's gcp:project default).

func globalAddress(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := kit.GCPProject(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/global/addresses/%s", p, name)
	return id, map[string]interface{}{"name": name, "project": p, "address": kit.IPFrom("global-address", id),
		"selfLink": computeAPI + id, "labelFingerprint": kit.Hash("labels", id)[:12]}
}

func securityPolicy(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := kit.GCPProject(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/global/securityPolicies/%s", p, name)
	return id, map[string]interface{}{"name": name, "project": p, "selfLink": computeAPI + id,
		"fingerprint": kit.Hash("fp", id)[:12]}
}

// certManager answers for a global Certificate Manager collection (certificates, maps).
func certManager(collection string) func(kit.MockRequest) (string, map[string]interface{}) {
	return func(req kit.MockRequest) (string, map[string]interface{}) {
		p, name := kit.GCPProject(req), kit.AutoName(req, "name")
		id := fmt.Sprintf("projects/%s/locations/global/%s/%s", p, collection, name)
		return id, map[string]interface{}{"name": name, "project": p, "location": "global"}
	}
}

func certMapEntry(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := kit.GCPProject(req), kit.AutoName(req, "name")
	id := fmt.Sprintf("projects/%s/locations/global/certificateMaps/%s/certificateMapEntries/%s", p, kit.Str(req.In, "map"), name)
	return id, map[string]interface{}{"name": name, "project": p, "state": "ACTIVE"}
}

func iapMember(req kit.MockRequest) (string, map[string]interface{}) {
	p := kit.GCPProject(req)
	id := fmt.Sprintf("projects/%s/iap_web/compute/%s/%s", p, kit.Str(req.In, "role"), kit.Str(req.In, "member"))
	return id, map[string]interface{}{"project": p, "etag": "BwY" + kit.Hash("etag", id)[:9]}
}
