// Package azure builds the platform's Azure foundation as ComponentResources (resource group,
// observability, private-link network and the private endpoints into it) and the cross-cloud
// gateway. The components built on the foundation are folders of their own: azure/appconfig
// (App Configuration) and azure/mlworkspace (the Machine Learning workspace with its storage
// and registry).
//
// Every component takes plain settings plus the outputs of other components as inputs, so
// dependencies are carried by outputs and stay visible in the graph. Environments differ only
// through settings values: PrivateNetworking turns public access off and adds private
// endpoints, ProtectStateful protects the resources that hold data.
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
