// Package compute holds thin, hand-written Go bindings for the Google Compute Engine resources
// the platform uses, in place of github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/compute: that
// package took 100 to 128 s of a cold build on 2 cores in issue 22's measurements, and slowed
// the link of every test binary that imported it, for the 12 resource types below.
//
// Each binding registers the official type token, sends the official wire property names,
// applies the generated v7.38.0 constructor's client-side behaviour (required-argument checks
// and their messages, nil args where the generated constructor accepts them, the shared secret
// sent as a secret, the same AdditionalSecretOutputs) and pins the gcp plugin to PluginVersion,
// as internal.PkgResourceDefaultOpts does (pulumi.Version only; a test holds it to go.mod's
// pulumi-gcp version). None of these resources has aliases or client-side defaults in
// v7.38.0. The package's tests register every binding under mocks and require the exact
// registration requests the official constructors send for the same inputs
// (testdata/official.json; `go test -tags officialsdk` registers the official package under
// the same mocks and holds that file to it, so only that tagged run compiles the official
// package). Swapping the official package back in is therefore a change of Go code only
// (imports, and nested arguments passed as the SDK's Input and array types instead of
// pointers and slices): the engine sees the same token, inputs and plugin version, so no
// state migration is needed.
//
//	Binding             Official token
//	Network             gcp:compute/network:Network
//	Subnetwork          gcp:compute/subnetwork:Subnetwork
//	Router              gcp:compute/router:Router
//	RouterNat           gcp:compute/routerNat:RouterNat
//	RouterInterface     gcp:compute/routerInterface:RouterInterface
//	RouterPeer          gcp:compute/routerPeer:RouterPeer
//	HaVpnGateway        gcp:compute/haVpnGateway:HaVpnGateway
//	ExternalVpnGateway  gcp:compute/externalVpnGateway:ExternalVpnGateway
//	VPNTunnel           gcp:compute/vPNTunnel:VPNTunnel
//	GlobalAddress       gcp:compute/globalAddress:GlobalAddress
//	SSLPolicy           gcp:compute/sSLPolicy:SSLPolicy
//	SecurityPolicy      gcp:compute/securityPolicy:SecurityPolicy
//
// Only the inputs and outputs the platform uses are bound; an output not declared here is
// still in state, just not readable from Go. The generated package's resource-module
// registration (init.go) is left out: it only rehydrates resource references, which the
// program never passes.
package compute
