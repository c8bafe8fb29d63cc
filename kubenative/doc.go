// Package kubenative holds thin, hand-written Go bindings for the Kubernetes kinds the
// platform creates, in place of seven packages of github.com/pulumi/pulumi-kubernetes/sdk/v4
// (core/v1, apps/v1, batch/v1, networking/v1, autoscaling/v2, policy/v1, rbac/v1): together
// they took about 150 s of a cold build on 2 cores in issue 22's measurements (core/v1 alone
// 73 s), and slowed the link of every test binary of the GCP components, for the 12 kinds
// below. The official root package (the Provider), meta/v1 (ObjectMetaArgs, LabelSelectorArgs,
// ObjectMetaPatchArgs, ObjectMetaOutput, used here as they are) and apiextensions
// (CustomResource) are cheap and stay in use.
//
// Each binding registers the official type token, sends the official wire property names,
// sets apiVersion and kind as the generated v4.32.0 constructor does (a ServiceAccountPatch
// sends kind ServiceAccount), carries the official alias list (the older API versions a kind
// moved from, AliasTypes), applies the generated client-side behaviour (required-argument checks
// and their messages, nil args where the generated constructor accepts them, Secret's data
// and stringData wrapped in pulumi.ToSecret and marked as secret outputs) and pins the
// kubernetes plugin to PluginVersion, as utilities.PkgResourceDefaultOpts does (pulumi.Version
// only; a test holds it to go.mod's pulumi-kubernetes version). The package's tests register
// every binding under mocks and require the exact registration requests the official
// constructors send for the same inputs (testdata/official.json; `go test -tags officialsdk`
// registers the official packages under the same mocks and holds that file to them, so only
// that tagged run compiles them). The Go types keep the official names, and nested arguments
// are built the same way (&XArgs{...}, XArray{...}), so swapping the official packages back
// in is a change of imports only: the engine sees the same token, inputs, aliases and plugin
// version, so no state migration is needed.
//
//	Binding                  Official token                                              Replaces
//	Namespace                kubernetes:core/v1:Namespace                                core/v1
//	ServiceAccount           kubernetes:core/v1:ServiceAccount                           core/v1
//	ServiceAccountPatch      kubernetes:core/v1:ServiceAccountPatch                      core/v1
//	Service                  kubernetes:core/v1:Service                                  core/v1
//	Secret                   kubernetes:core/v1:Secret                                   core/v1
//	Deployment               kubernetes:apps/v1:Deployment                               apps/v1
//	Job                      kubernetes:batch/v1:Job                                     batch/v1
//	NetworkPolicy            kubernetes:networking.k8s.io/v1:NetworkPolicy               networking/v1
//	HorizontalPodAutoscaler  kubernetes:autoscaling/v2:HorizontalPodAutoscaler           autoscaling/v2
//	PodDisruptionBudget      kubernetes:policy/v1:PodDisruptionBudget                    policy/v1
//	ClusterRole              kubernetes:rbac.authorization.k8s.io/v1:ClusterRole         rbac/v1
//	ClusterRoleBinding       kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding  rbac/v1
//
// Only the inputs and outputs the platform uses are bound (outputs: every kind's metadata,
// and a ClusterRoleBinding's subjects); an output not declared here is still in state, just
// not readable from Go. Arrays are plain slices of the Args types (of values for the
// networking types, of pointers otherwise, as the platform builds them), and nested objects
// have no Input/Output conversion types: the program never passes one as an output. The
// generated packages' resource-module registration (init.go) is left out: it only rehydrates
// resource references, which the program never passes.
package kubenative
