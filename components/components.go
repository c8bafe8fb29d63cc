// Package components is the one list of the platform's components as the tooling sees them.
// The policy engine, the offline plan's mocks and the plan's timing model gather rules, mock
// responders and creation times from it, and reach no component any other way. Adding a
// component is one line here; adding a resource or a rule to one touches only its folder.
//
// It imports only the components' spec packages (which import only kit), so linking it costs
// no cloud SDK.
package components

import (
	appconfig "github.com/example/mlplatform/azure/appconfig/spec"
	azurecrosscloud "github.com/example/mlplatform/azure/crosscloud/spec"
	foundation "github.com/example/mlplatform/azure/foundation/spec"
	mlworkspace "github.com/example/mlplatform/azure/mlworkspace/spec"
	cluster "github.com/example/mlplatform/gcp/cluster/spec"
	gcpcrosscloud "github.com/example/mlplatform/gcp/crosscloud/spec"
	entry "github.com/example/mlplatform/gcp/entry/spec"
	mesh "github.com/example/mlplatform/gcp/mesh/spec"
	network "github.com/example/mlplatform/gcp/network/spec"
	workload "github.com/example/mlplatform/gcp/workload/spec"
	identity "github.com/example/mlplatform/identity/spec"
	"github.com/example/mlplatform/kit"
	secrets "github.com/example/mlplatform/secrets/spec"
)

// All returns every component, in a fixed order.
func All() []kit.Component {
	return []kit.Component{
		appconfig.Component,
		cluster.Component,
		gcpcrosscloud.Component,
		azurecrosscloud.Component,
		entry.Component,
		foundation.Component,
		identity.Component,
		mlworkspace.Component,
		mesh.Component,
		network.Component,
		secrets.Component,
		workload.Component,
	}
}
