// Package azurenative holds thin, hand-written Go bindings for the azure-native resources
// whose official Go modules the module proxy does not serve
// (github.com/pulumi/pulumi-azure-native-sdk/machinelearningservices/v2 and .../appconfiguration/v2).
//
// Each binding registers the official type token, sends the official wire property names,
// carries the official alias list and pins the azure-native plugin 2.90.0 through
// utilities.PkgResourceDefaultOpts, exactly as the generated v2.90.0 files do. Swapping in the
// official module later is therefore a change of Go import and type names only: the engine
// sees the same token, inputs and plugin version, so no state migration is needed.
//
//	Binding              Official token                                              Azure API
//	Workspace            azure-native:machinelearningservices/v20241001:Workspace    2024-10-01
//	ConfigurationStore   azure-native:appconfiguration/v20240501:ConfigurationStore  2024-05-01
//	KeyValue             azure-native:appconfiguration/v20240501:KeyValue            2024-05-01
//	LookupKeyValue       azure-native:appconfiguration/v20240501:getKeyValue         2024-05-01 (invoke)
//
// Only the inputs and outputs the platform uses are bound; an output not declared here is
// still in state, just not readable from Go. The generated files' resource-module
// registration (init.go) is left out: it only rehydrates resource references, which the
// program never passes, and would need github.com/blang/semver as a direct dependency.
package azurenative

// Values shared by both services.
const (
	PublicNetworkAccessEnabled  = "Enabled"
	PublicNetworkAccessDisabled = "Disabled"
)
