package plan

import (
	"time"

	"github.com/example/mlplatform/components"
)

// DefaultCreateTime is taken by a type missing from TypicalCreateTime: a plain synchronous
// API call. The report lists such types; a test requires an entry for every type the program
// registers, so the default only matters for hand-built plans.
const DefaultCreateTime = 5 * time.Second

// GrantPropagation is, per type of resource that waits for a role assignment to be in effect
// (and receives the assignment through an input), how long the assignment takes to be in
// effect after it is created. The critical path models it as a step after the assignment.
//
// Cited upper figure, 15 min: "After a role assignment is made for an identity, allow up to 15
// minutes for the permission to propagate before accessing data stored in App Configuration
// using this identity" (learn.microsoft.com/azure/azure-app-configuration/concept-enable-rbac);
// ARM in general: "it can take up to 10 minutes for changes to take effect"
// (learn.microsoft.com/azure/role-based-access-control/troubleshooting). Microsoft publishes no
// typical figure; the program's wait (internal/grantwait) ends as soon as the grant answers,
// and gives up at the same 15 minutes.
var GrantPropagation = map[string]time.Duration{
	"azure-native:appconfiguration/v20240501:KeyValue": 15 * time.Minute,
}

// TypicalCreateTime is how long creating one resource of each type usually takes, from the
// create request until the provider reports it done (what `pulumi up` waits for).
//
// Honesty note: clouds publish upper bounds (the default create timeouts in the Terraform
// registry's "Timeouts" sections, cited as "TF timeout") and phrases like "several minutes",
// rarely typical figures. Where a public run log shows a figure ("Creation complete after
// 45s"), it is cited as "measured" with its source. Everything else is an estimate with its
// basis. Treat the sums as order-of-magnitude: good for comparing chains and finding the long
// poles, not for promising a deployment time.
var TypicalCreateTime = map[string]time.Duration{
	// --- Azure (azure-native: one ARM PUT, then polling the async operation if any) ---

	// The foundation's types (resource group, observability, VNet, NSG, private-endpoint
	// subnet, private DNS zones and links, monitor scope) time themselves: azure/foundation/spec.
	// Estimate: synchronous ARM write, no long-running operation.
	"azure-native:authorization:RoleAssignment": 5 * time.Second,
	// Estimate: synchronous ARM write on the target's diagnosticSettings child.
	"azure-native:insights:DiagnosticSetting": 5 * time.Second,
	// Estimate: async create, seconds (the cross-cloud gateway's subnets).
	"azure-native:network:Subnet": 10 * time.Second,
	// Estimate: synchronous ARM write of a lock.
	"azure-native:authorization:ManagementLockByScope": 5 * time.Second,
	// Estimate: allocates a NIC and approves the private-link connection; about a minute
	// (TF timeout, azurerm_private_endpoint: create 60 min, i.e. a long-running operation).
	"azure-native:network:PrivateEndpoint": 60 * time.Second,
	// Estimate: writes A records into the linked zones.
	"azure-native:network:PrivateDnsZoneGroup": 15 * time.Second,

	// --- Cross-cloud path (crossCloudNetwork) ---

	// Both ends of the cross-cloud link time themselves: azure/crosscloud/spec, gcp/crosscloud/spec.
	// Estimate: one API server write.
	"kubernetes:networking.k8s.io/v1:NetworkPolicy": 1 * time.Second,
	// Computed by the provider plugin, no cloud call.
	"random:index/randomPassword:RandomPassword": 0,

	// --- Google Cloud (gcp: Terraform-bridged; most calls are long-running operations) ---

	// Estimate: serviceusage enable is a long-running operation, usually well under a minute
	// (TF timeout, google_project_service: create 20 min).
	"gcp:projects/service:Service": 30 * time.Second,
	// The VPC, subnet and Cloud NAT time themselves (gcp/network/spec); the Cloud Router is
	// the network's and the cross-cloud link's. Estimate: a regional compute operation.
	"gcp:compute/router:Router": 15 * time.Second,
	// Estimate: IAM policy read-modify-write. The Google provider serializes project IAM
	// edits per project, which unbounded parallelism does not model.
	"gcp:projects/iAMMember:IAMMember": 10 * time.Second,
	// Measured 6 s: "google_service_account ... Creation complete after 6s"
	// (github.com/turbot/steampipe-plugin-gcp/pull/214).
	"gcp:serviceaccount/account:Account": 6 * time.Second,

	// --- Kubernetes (one API server call each) ---

	// Estimate: API server writes; the provider waits for a namespace to be active.
	"kubernetes:core/v1:Namespace":           2 * time.Second,
	"kubernetes:core/v1:ServiceAccount":      1 * time.Second,
	"kubernetes:core/v1:ServiceAccountPatch": 1 * time.Second,

	// --- The microservice and its entry's mesh ingress gateway (issue 16; the types only the
	// entry registers are gcp/entry/spec's) ---

	// Estimate, 90 s: pulumi-kubernetes waits until a Deployment's rollout is available
	// (image pull, sidecar injection, readiness probe); its default timeout is 10 minutes.
	"kubernetes:apps/v1:Deployment": 90 * time.Second,
	// Estimate, 60 s: pulumi-kubernetes waits until a Service selects ready pods, which the
	// Deployment created beside it brings up.
	"kubernetes:core/v1:Service": 60 * time.Second,
	// Estimate: API server writes with no readiness to wait for.
	"kubernetes:policy/v1:PodDisruptionBudget":            1 * time.Second,
	"kubernetes:autoscaling/v2:HorizontalPodAutoscaler":   1 * time.Second,
	"kubernetes:security.istio.io/v1:AuthorizationPolicy": 1 * time.Second,

	// --- Local ---

	// Computed by the provider plugin, no cloud call.
	"random:index/randomString:RandomString": 0,
}

// The components' own creation times join the table, from the one list of components. A type
// has one time: a token declared twice (by two components, or by a component and the table)
// stops the program, as a mock responder registered twice does in internal/mocks.
func init() {
	for _, c := range components.All() {
		for token, d := range c.CreateTimes {
			if _, dup := TypicalCreateTime[token]; dup {
				panic("plan: two creation times for " + token)
			}
			TypicalCreateTime[token] = d
		}
	}
}
