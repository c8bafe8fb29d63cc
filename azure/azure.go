// Package azure is what the platform's Azure components share: the foundation's outputs as
// they take them (Foundation, PrivateNetwork), the private endpoint every one of them
// registers into the foundation's subnet and DNS zones (NewPrivateEndpoint, the private-link
// groups and their zones), and the standard tags. The components are folders of their own:
// azure/foundation (resource group, observability, private-link network), azure/appconfig
// (App Configuration), azure/mlworkspace (the Machine Learning workspace with its storage and
// registry) and azure/crosscloud (the Azure end of the cross-cloud link).
//
// Every component takes plain typed inputs plus the outputs of other components, so
// dependencies are carried by outputs and stay visible in the graph. Environments differ only
// through those values: private networking turns public access off and adds private
// endpoints, protection protects the resources that hold data.
package azure

import (
	"github.com/example/mlplatform/settings"
)

// Tags are the tags every Azure resource of the platform carries.
func Tags(s settings.Common) map[string]string {
	return map[string]string{
		"environment": s.Env,
		"owner":       s.OwnerEmail,
		"managed-by":  "pulumi",
		"project":     s.Project,
	}
}
