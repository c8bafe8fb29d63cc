// Package azurenative holds thin, hand-written Go bindings for azure-native resources, for
// two reasons:
//
//   - the module proxy does not serve their official Go modules
//     (github.com/pulumi/pulumi-azure-native-sdk/machinelearningservices/v2 and .../appconfiguration/v2);
//   - the official module is served but costs more to compile than the platform's use of it
//     is worth: .../network/v2 took 112 s and .../network/v2/v20240501 98 s of a quiet cold
//     build on 2 cores (issue 22), for the 14 network tokens below; insights/v2 33 s,
//     containerregistry/v2 24 s, authorization/v2 22 s, storage/v2 18 s, resources/v2 13 s,
//     operationalinsights/v2 12 s and keyvault/v2 8 s, for the 14 resource tokens and the
//     invoke from ResourceGroup down in the table below.
//
// The program links none of the official modules: only the tiny
// github.com/pulumi/pulumi-azure-native-sdk/v2/utilities, for the plugin pin. The tests that
// hold the resource-group-to-secret bindings to the official constructors compare them with
// testdata/official.json; the officialsdk-tagged test proves that file against the official
// modules (go test -tags officialsdk ./azurenative/ [-update]), so the default go test does not
// compile them.
//
// Each binding registers the official type token, sends the official wire property names,
// applies the generated constructor's client-side defaults and required-argument checks,
// carries the official alias list and pins the azure-native plugin through
// utilities.PkgResourceDefaultOpts (the version of the pulumi-azure-native-sdk/v2 module go.mod
// resolves, 2.90.0; a test holds it there, as the alias lists are copied from 2.90.0), exactly
// as the generated v2.90.0 files do. Swapping in the official module later is therefore a
// change of Go code only (imports, type names, and nested arguments passed as values and the
// SDK's array types instead of pointers and slices): the engine sees the same token, inputs and
// plugin version, so no state migration is needed.
//
//	Binding                          Official token                                              Azure API
//	Workspace                        azure-native:machinelearningservices/v20241001:Workspace    2024-10-01
//	ConfigurationStore               azure-native:appconfiguration/v20240501:ConfigurationStore  2024-05-01
//	KeyValue                         azure-native:appconfiguration/v20240501:KeyValue            2024-05-01
//	LookupKeyValue                   azure-native:appconfiguration/v20240501:getKeyValue         2024-05-01 (invoke)
//	VirtualNetwork                   azure-native:network:VirtualNetwork                         2023-02-01
//	NetworkSecurityGroup             azure-native:network:NetworkSecurityGroup                   2023-02-01
//	Subnet (NewSubnet)               azure-native:network:Subnet                                 2023-02-01
//	Subnet (NewSubnetV20240501)      azure-native:network/v20240501:Subnet                       2024-05-01
//	PrivateEndpoint                  azure-native:network:PrivateEndpoint                        2023-02-01
//	PrivateDnsZoneGroup              azure-native:network:PrivateDnsZoneGroup                    2023-02-01
//	PrivateZone                      azure-native:network:PrivateZone                            2020-06-01
//	VirtualNetworkLink               azure-native:network:VirtualNetworkLink                     2020-06-01
//	PublicIPAddress                  azure-native:network:PublicIPAddress                        2023-02-01
//	VirtualNetworkGateway            azure-native:network:VirtualNetworkGateway                  2023-02-01
//	LocalNetworkGateway              azure-native:network:LocalNetworkGateway                    2023-02-01
//	VirtualNetworkGatewayConnection  azure-native:network:VirtualNetworkGatewayConnection        2023-02-01
//	DnsResolver                      azure-native:network:DnsResolver                            2022-07-01
//	InboundEndpoint                  azure-native:network:InboundEndpoint                        2022-07-01
//	ResourceGroup                    azure-native:resources:ResourceGroup                        2022-09-01
//	LogAnalyticsWorkspace            azure-native:operationalinsights:Workspace                  2022-10-01
//	Component                        azure-native:insights:Component                             2020-02-02
//	DiagnosticSetting                azure-native:insights:DiagnosticSetting                     2021-05-01-preview
//	PrivateLinkScope                 azure-native:insights/v20210901:PrivateLinkScope            2021-09-01
//	PrivateLinkScopedResource        azure-native:insights/v20210901:PrivateLinkScopedResource   2021-09-01
//	Registry                         azure-native:containerregistry:Registry                     2022-12-01
//	RoleAssignment                   azure-native:authorization:RoleAssignment                   2022-04-01
//	GetClientConfig                  azure-native:authorization:getClientConfig                  (invoke)
//	StorageAccount                   azure-native:storage:StorageAccount                         2022-09-01
//	BlobServiceProperties            azure-native:storage:BlobServiceProperties                  2022-09-01
//	FileServiceProperties            azure-native:storage:FileServiceProperties                  2022-09-01
//	ManagementPolicy                 azure-native:storage:ManagementPolicy                       2022-09-01
//	Vault                            azure-native:keyvault:Vault                                 2023-02-01
//	Secret                           azure-native:keyvault:Secret                                2023-02-01
//
// Only the inputs and outputs the platform uses are bound; an output not declared here is
// still in state, just not readable from Go. Nested network types whose bound part has the
// same shape share one Go type (SubResourceArgs stands for every {id} reference, SkuArgs for
// both name/tier skus), and the network resources have no Input/Output conversion types: the
// program never passes one as an input. The generated files' resource-module registration
// (init.go) is left out: it only rehydrates resource references, which the program never
// passes, and would need github.com/blang/semver as a direct dependency.
package azurenative

// Values shared by both services.
const (
	PublicNetworkAccessEnabled  = "Enabled"
	PublicNetworkAccessDisabled = "Disabled"
)
