// Package azure builds the platform's Azure side as ComponentResources: the foundation
// (resource group, observability, private-link network), App Configuration and the Machine
// Learning workspace with its storage and registry.
//
// Every component takes plain settings plus the outputs of other components as inputs, so
// dependencies are carried by outputs and stay visible in the graph. Environments differ only
// through settings values: PrivateNetworking turns public access off and adds private
// endpoints, ProtectStateful protects the resources that hold data.
package azure

import (
	"fmt"
	"sort"
	"strings"

	"github.com/example/mlplatform/settings"
)

// Tags are the tags every Azure resource of the platform carries.
func Tags(s *settings.Settings) map[string]string {
	return map[string]string{
		"environment": s.Env,
		"owner":       s.OwnerEmail,
		"managed-by":  "pulumi",
		"project":     s.Project,
	}
}

// missing returns an error naming the first empty required argument of a component.
func missing(component string, args map[string]bool) error {
	var names []string
	for name, empty := range args {
		if empty {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	return fmt.Errorf("azure.New%s: missing required arguments: %s", component, strings.Join(names, ", "))
}
