package kubenative

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// PluginVersion is the kubernetes plugin every binding pins: the version of the
// github.com/pulumi/pulumi-kubernetes/sdk/v4 module go.mod resolves (a test holds it there).
// The generated constructors pin it through utilities.PkgResourceDefaultOpts, which prepends
// pulumi.Version("4.32.0") and nothing else (utilities/pulumiVersion.go has an empty
// pluginDownloadURL, and PkgResourceDefaultOpts does not read it); that package is internal
// to the SDK module, so this one reproduces it.
const PluginVersion = "4.32.0"

// Official tokens, as the generated v4.32.0 constructors register them.
const (
	NamespaceToken               = "kubernetes:core/v1:Namespace"
	ServiceAccountToken          = "kubernetes:core/v1:ServiceAccount"
	ServiceAccountPatchToken     = "kubernetes:core/v1:ServiceAccountPatch"
	ServiceToken                 = "kubernetes:core/v1:Service"
	SecretToken                  = "kubernetes:core/v1:Secret"
	DeploymentToken              = "kubernetes:apps/v1:Deployment"
	JobToken                     = "kubernetes:batch/v1:Job"
	NetworkPolicyToken           = "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	HorizontalPodAutoscalerToken = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler"
	PodDisruptionBudgetToken     = "kubernetes:policy/v1:PodDisruptionBudget"
	ClusterRoleToken             = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole"
	ClusterRoleBindingToken      = "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding"
)

// Tokens are the resource types the bindings register, in the order of the package table.
func Tokens() []string {
	return []string{NamespaceToken, ServiceAccountToken, ServiceAccountPatchToken, ServiceToken, SecretToken,
		DeploymentToken, JobToken, NetworkPolicyToken, HorizontalPodAutoscalerToken, PodDisruptionBudgetToken,
		ClusterRoleToken, ClusterRoleBindingToken}
}

// aliasTypes are the official alias types of each token (the older API versions a resource
// moved from), in the generated order; tokens without aliases are absent.
var aliasTypes = map[string][]string{
	DeploymentToken: {"kubernetes:apps/v1beta1:Deployment", "kubernetes:apps/v1beta2:Deployment",
		"kubernetes:extensions/v1beta1:Deployment"},
	NetworkPolicyToken: {"kubernetes:extensions/v1beta1:NetworkPolicy"},
	HorizontalPodAutoscalerToken: {"kubernetes:autoscaling/v1:HorizontalPodAutoscaler",
		"kubernetes:autoscaling/v2beta1:HorizontalPodAutoscaler", "kubernetes:autoscaling/v2beta2:HorizontalPodAutoscaler"},
	PodDisruptionBudgetToken: {"kubernetes:policy/v1beta1:PodDisruptionBudget"},
	ClusterRoleToken: {"kubernetes:rbac.authorization.k8s.io/v1alpha1:ClusterRole",
		"kubernetes:rbac.authorization.k8s.io/v1beta1:ClusterRole"},
	ClusterRoleBindingToken: {"kubernetes:rbac.authorization.k8s.io/v1alpha1:ClusterRoleBinding",
		"kubernetes:rbac.authorization.k8s.io/v1beta1:ClusterRoleBinding"},
}

// AliasTypes are the official alias types of token, in the generated order (nil for a token
// without aliases).
func AliasTypes(token string) []string {
	return append([]string(nil), aliasTypes[token]...)
}

// register is the tail every generated constructor shares: the alias option (or the
// secret-output option, for Secret) appended after the caller's options, then the plugin pin
// prepended (PkgResourceDefaultOpts), then RegisterResource on the official token.
func register(ctx *pulumi.Context, token, name string, args pulumi.Input, resource pulumi.CustomResource,
	secretOutputs []string, opts []pulumi.ResourceOption) error {
	if types, ok := aliasTypes[token]; ok {
		aliases := make([]pulumi.Alias, len(types))
		for i, t := range types {
			aliases[i] = pulumi.Alias{Type: pulumi.String(t)}
		}
		opts = append(opts, pulumi.Aliases(aliases))
	}
	if secretOutputs != nil {
		opts = append(opts, pulumi.AdditionalSecretOutputs(append([]string(nil), secretOutputs...)))
	}
	opts = append([]pulumi.ResourceOption{pulumi.Version(PluginVersion)}, opts...)
	return ctx.RegisterResource(token, name, args, resource, opts...)
}
