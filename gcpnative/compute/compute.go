package compute

import (
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// PluginVersion is the pulumi-gcp plugin every binding pins: the version of the
// github.com/pulumi/pulumi-gcp/sdk/v7 module go.mod resolves (a test holds it there). The
// generated constructors pin it through internal.PkgResourceDefaultOpts, which prepends
// pulumi.Version("7.38.0") and nothing else (no download URL: internal/pulumiVersion.go has
// an empty pluginDownloadURL); that package is internal to the SDK module, so this one
// reproduces it.
const PluginVersion = "7.38.0"

// Official tokens, as the generated v7.38.0 constructors register them (note the casing of
// vPNTunnel and sSLPolicy: tfgen lower-cases the first letter of the module-file name).
const (
	NetworkToken            = "gcp:compute/network:Network"
	SubnetworkToken         = "gcp:compute/subnetwork:Subnetwork"
	RouterToken             = "gcp:compute/router:Router"
	RouterNatToken          = "gcp:compute/routerNat:RouterNat"
	RouterInterfaceToken    = "gcp:compute/routerInterface:RouterInterface"
	RouterPeerToken         = "gcp:compute/routerPeer:RouterPeer"
	HaVpnGatewayToken       = "gcp:compute/haVpnGateway:HaVpnGateway"
	ExternalVpnGatewayToken = "gcp:compute/externalVpnGateway:ExternalVpnGateway"
	VPNTunnelToken          = "gcp:compute/vPNTunnel:VPNTunnel"
	GlobalAddressToken      = "gcp:compute/globalAddress:GlobalAddress"
	SSLPolicyToken          = "gcp:compute/sSLPolicy:SSLPolicy"
	SecurityPolicyToken     = "gcp:compute/securityPolicy:SecurityPolicy"
)

// Tokens are the resource types the bindings register, in the order of the package table.
func Tokens() []string {
	return []string{NetworkToken, SubnetworkToken, RouterToken, RouterNatToken, RouterInterfaceToken,
		RouterPeerToken, HaVpnGatewayToken, ExternalVpnGatewayToken, VPNTunnelToken, GlobalAddressToken,
		SSLPolicyToken, SecurityPolicyToken}
}

// register is the tail every generated constructor shares: the secret-output option of the
// resources that have one, appended after the caller's options, then the plugin pin prepended
// (PkgResourceDefaultOpts), then RegisterResource on the official token. None of the bound
// resources has aliases in v7.38.0.
func register(ctx *pulumi.Context, token, name string, args pulumi.Input, resource pulumi.CustomResource,
	secretOutputs []string, opts []pulumi.ResourceOption) error {
	if secretOutputs != nil {
		opts = append(opts, pulumi.AdditionalSecretOutputs(append([]string(nil), secretOutputs...)))
	}
	opts = append([]pulumi.ResourceOption{pulumi.Version(PluginVersion)}, opts...)
	return ctx.RegisterResource(token, name, args, resource, opts...)
}

// labelSecrets are the computed label maps the labelled resources mark secret
// (effectiveLabels: every label GCP holds, including ones set outside Pulumi).
var labelSecrets = []string{"effectiveLabels", "pulumiLabels"}
