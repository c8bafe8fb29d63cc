// Package spec is what the tooling knows about the project services. It imports only kit; the
// component's resources are built by the parent folder's package services.
//
// It declares no rule, mock or creation time: the one type it registers, an API enablement
// (gcp:projects/service:Service), is registered by the cross-cloud link too (the DNS API), so
// its responder and creation time stay with the tooling. The rules on the APIs look at the
// whole stack (API-001 Cloud Asset Inventory, GKE-015 Container Scanning beside a cluster) and
// stay in policy.
package spec

import "github.com/example/mlplatform/kit"

// Component is the project services as the tooling sees them.
var Component = kit.Component{Name: "services"}
