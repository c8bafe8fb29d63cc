// Package spec is what the tooling knows about the service mesh component (the fleet
// membership, the managed mesh feature and, in the cluster, the mesh-ready Job with its RBAC
// and the STRICT PeerAuthentication): its policy rules with their cases, the offline plan's
// mock responders and typical creation times. It imports only kit; the component's resources
// are built by the parent folder's package mesh.
package spec

import (
	"fmt"
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens only this component registers.
const (
	MembershipType         = "gcp:gkehub/membership:Membership"
	FeatureType            = "gcp:gkehub/feature:Feature"
	FeatureMembershipType  = "gcp:gkehub/featureMembership:FeatureMembership"
	ProviderType           = "pulumi:providers:kubernetes"
	PeerAuthenticationType = "kubernetes:security.istio.io/v1beta1:PeerAuthentication"
	JobType                = "kubernetes:batch/v1:Job"
	ClusterRoleType        = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"
	ClusterRoleBindingType = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"
	// RoleType and RoleBindingType are registered by no component; KRBAC-001 covers them so
	// a namespaced grant cannot slip past the rule that judges the cluster-wide ones.
	RoleType        = "kubernetes:rbac.authorization.k8s.io/v1:Role"
	RoleBindingType = "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"
)

// Component is the service mesh component as the tooling sees it.
var Component = kit.Component{
	Name:  "mesh",
	Rules: rbacRules(),
	Mocks: map[string]kit.Mock{
		MembershipType:        {Provision: membership},
		FeatureType:           {Provision: feature},
		FeatureMembershipType: {Provision: featureMembership},
		// The explicit provider only configures the plugin: an id, no outputs.
		ProviderType: {Provision: func(req kit.MockRequest) (string, map[string]interface{}) {
			return kit.GUID("kubernetes-provider", req.Name), nil
		}},
		PeerAuthenticationType: {Provision: kit.MockK8sObject("security.istio.io/v1beta1", "PeerAuthentication", true)},
	},
	CreateTimes: map[string]time.Duration{
		// Estimate: GKE Hub long-running operations, tens of seconds. The FeatureMembership is
		// done when its spec is accepted; the managed mesh then installs itself for minutes (the
		// docs say to wait for controlPlaneManagement ACTIVE), which the Job below models.
		MembershipType:        30 * time.Second,
		FeatureType:           30 * time.Second,
		FeatureMembershipType: 30 * time.Second,
		// Estimate: an explicit provider instance only configures the plugin (no cloud call).
		ProviderType: 1 * time.Second,
		// Estimate: API server writes.
		PeerAuthenticationType: 1 * time.Second,
		ClusterRoleType:        1 * time.Second,
		ClusterRoleBindingType: 1 * time.Second,
		// The mesh readiness Job completes when managed Cloud Service Mesh has established its
		// CRDs, counted from the FeatureMembership it waits for. Cited upper figure, 10 min: "It
		// can take up to ten minutes to establish" the mesh CRD (Cloud Service Mesh, "Provision a
		// managed control plane", verify step `kubectl wait --for=condition=established crd
		// controlplanerevisions.mesh.cloud.google.com`).
		JobType: 10 * time.Minute,
	},
}

// project is the resource's project input, or the provider's default (gcp:project), as the
// Google provider resolves it.
func project(req kit.MockRequest) string {
	if p := kit.Str(req.In, "project"); p != "" {
		return p
	}
	return req.Config["gcp:project"]
}

// membership answers as GKE Hub does: the full resource name as id; with an authority, the
// fleet's workload identity pool and the issuer echoed as its identity provider.
func membership(req kit.MockRequest) (string, map[string]interface{}) {
	p, loc := project(req), kit.Str(req.In, "location")
	if loc == "" {
		loc = "global"
	}
	id := fmt.Sprintf("projects/%s/locations/%s/memberships/%s", p, loc, kit.Str(req.In, "membershipId"))
	out := map[string]interface{}{"name": id, "project": p, "location": loc}
	if _, ok := req.In["authority"]; ok {
		out["authority"] = kit.Merged(req.In, "authority", map[string]interface{}{
			"workloadIdentityPool": p + ".svc.id.goog",
			"identityProvider":     kit.Nested(req.In, "authority", "issuer"),
		})
	}
	return id, out
}

// feature is auto-named like any Pulumi resource when no name is given.
func feature(req kit.MockRequest) (string, map[string]interface{}) {
	p, name := project(req), kit.Str(req.In, "name")
	if name == "" {
		name = req.Name + kit.Hash("autoname", req.Name)[:7]
	}
	return fmt.Sprintf("projects/%s/locations/%s/features/%s", p, kit.Str(req.In, "location"), name),
		map[string]interface{}{"name": name, "project": p}
}

func featureMembership(req kit.MockRequest) (string, map[string]interface{}) {
	p := project(req)
	return fmt.Sprintf("projects/%s/locations/%s/features/%s/membershipId/%s", p, kit.Str(req.In, "location"),
		kit.Str(req.In, "feature"), kit.Str(req.In, "membership")), map[string]interface{}{"project": p}
}
