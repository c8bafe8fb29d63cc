// Package spec is what the tooling knows about the workload identity (the Google service
// account, its Workload Identity binding and the Entra federated credential): the offline
// plan's mock responders and typical creation times of the types only it registers. It
// imports only kit; the component's resources are built by the parent folder's package
// workload.
//
// It declares no rule. The IAM rules (IAM-001/002/004/005) judge every IAM member, the
// cluster's node account's too, and the federated credential is judged only across
// resources (the sign-in journey, policy/signin.go); the service account and its project
// roles are registered by the cluster as well, so their responders and times stay with the
// tooling (internal/mocks, plan/durations.go).
package spec

import (
	"time"

	"github.com/example/mlplatform/kit"
)

// The type tokens only this component registers.
const (
	ServiceAccountIAMMemberType = "gcp:serviceaccount/iAMMember:IAMMember"
	FederatedType               = "azuread:index/applicationFederatedIdentityCredential:ApplicationFederatedIdentityCredential"
)

// Component is the workload identity as the tooling sees it.
var Component = kit.Component{
	Name: "workload",
	Mocks: map[string]kit.Mock{
		ServiceAccountIAMMemberType: {Provision: serviceAccountIAMMember},
		FederatedType:               {Provision: federatedCredential},
	},
	CreateTimes: map[string]time.Duration{
		// Estimate: an IAM policy read-modify-write on one service account.
		ServiceAccountIAMMemberType: 5 * time.Second,
		// Estimate: one Graph call plus the provider's consistency polling, seconds.
		FederatedType: 5 * time.Second,
	},
}

// serviceAccountIAMMember's id is account/role/member, as the provider imports it.
func serviceAccountIAMMember(req kit.MockRequest) (string, map[string]interface{}) {
	id := kit.Str(req.In, "serviceAccountId") + "/" + kit.Str(req.In, "role") + "/" + kit.Str(req.In, "member")
	return id, map[string]interface{}{"etag": "BwY" + kit.Hash("etag", id)[:9]}
}

// federatedCredential is answered under the application it belongs to.
func federatedCredential(req kit.MockRequest) (string, map[string]interface{}) {
	credID := kit.GUID("federated", req.Name)
	return kit.Str(req.In, "applicationId") + "/federatedIdentityCredential/" + credID,
		map[string]interface{}{"credentialId": credID}
}
