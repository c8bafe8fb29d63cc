package gcp

import (
	corev1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/core/v1"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	networkingv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/networking/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Fixed addresses the microservice must reach besides its peers.
const (
	// The GKE metadata server answers Workload Identity token requests on 169.254.169.254:80;
	// with GKE Dataplane V2 a network policy must also allow 169.254.169.252/32 on 988
	// (https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity, "Restrictions"
	// / network policy note).
	metadataServerIP     = "169.254.169.254/32"
	metadataServerDPV2IP = "169.254.169.252/32"
	// EgressPolicyName is the microservice namespace's egress NetworkPolicy.
	EgressPolicyName = "microservice-egress"
	// ReadyEgressPolicyName lets the mesh-ready Job of that namespace reach the API server.
	ReadyEgressPolicyName = "mesh-ready-apiserver"
)

// nonPublicRanges are excluded from the public HTTPS rule, so private addresses are reachable
// only where a rule names them (the Azure private endpoints).
var nonPublicRanges = []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"}

// egressPolicy confines the microservice namespace's egress (Dataplane V2 enforces it): DNS
// to kube-dns, the mesh (injected namespaces), the metadata server, the Azure private
// endpoints over the tunnels on 443, and public HTTPS for Google APIs and Entra sign-in.
//
// A Kubernetes NetworkPolicy matches addresses and ports, not names: "public HTTPS" cannot be
// narrowed to *.googleapis.com and login.microsoftonline.com here; that needs FQDN policy or
// mesh egress rules (see docs/network.md, "Egress").
func (c *Mesh) egressPolicy(ctx *pulumi.Context, name string, s *MeshArgs, ns *corev1.Namespace, opts []pulumi.ResourceOption) error {
	tcp := func(port int) networkingv1.NetworkPolicyPortArgs {
		return networkingv1.NetworkPolicyPortArgs{Protocol: pulumi.String("TCP"), Port: pulumi.Int(port)}
	}
	cidr := func(block string, except ...string) networkingv1.NetworkPolicyPeerArgs {
		return networkingv1.NetworkPolicyPeerArgs{IpBlock: networkingv1.IPBlockArgs{Cidr: pulumi.String(block), Except: pulumi.ToStringArray(except)}}
	}
	rules := networkingv1.NetworkPolicyEgressRuleArray{
		networkingv1.NetworkPolicyEgressRuleArgs{ // DNS
			To: networkingv1.NetworkPolicyPeerArray{networkingv1.NetworkPolicyPeerArgs{
				NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"kubernetes.io/metadata.name": pulumi.String("kube-system")}},
				PodSelector:       metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"k8s-app": pulumi.String("kube-dns")}},
			}},
			Ports: networkingv1.NetworkPolicyPortArray{
				networkingv1.NetworkPolicyPortArgs{Protocol: pulumi.String("UDP"), Port: pulumi.Int(53)}, tcp(53),
			},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{ // the mesh: workloads in sidecar-injected namespaces
			To: networkingv1.NetworkPolicyPeerArray{networkingv1.NetworkPolicyPeerArgs{
				NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{injectionLabel: pulumi.String(injectionLabelValue)}},
			}},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{ // Workload Identity tokens
			To:    networkingv1.NetworkPolicyPeerArray{cidr(metadataServerIP)},
			Ports: networkingv1.NetworkPolicyPortArray{tcp(80)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To:    networkingv1.NetworkPolicyPeerArray{cidr(metadataServerDPV2IP)},
			Ports: networkingv1.NetworkPolicyPortArray{tcp(988)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{ // Azure private endpoints, over the VPN
			To:    networkingv1.NetworkPolicyPeerArray{cidr(s.PrivateEndpointSubnetCIDR.String())},
			Ports: networkingv1.NetworkPolicyPortArray{tcp(443)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{ // Google APIs and Entra sign-in (public)
			To:    networkingv1.NetworkPolicyPeerArray{cidr("0.0.0.0/0", nonPublicRanges...)},
			Ports: networkingv1.NetworkPolicyPortArray{tcp(443)},
		},
	}
	_, err := networkingv1.NewNetworkPolicy(ctx, name+"-egress", &networkingv1.NetworkPolicyArgs{
		Metadata: policyMeta(EgressPolicyName, s.Env, ns),
		Spec: networkingv1.NetworkPolicySpecArgs{
			PodSelector: metav1.LabelSelectorArgs{}, // every pod of the namespace
			PolicyTypes: pulumi.ToStringArray([]string{"Egress"}),
			Egress:      rules,
		},
	}, opts...)
	return err
}

// readyEgressPolicy lets the mesh-ready Job (meshready.go) reach the API server, which it polls
// through kubernetes.default.svc. egressPolicy excludes private ranges, so without this the Job
// would never complete and the first `pulumi up` would wait out its timeout. Dataplane V2
// (Cilium) enforces egress after service translation, on the backend address (Cilium docs,
// "Kubernetes Services" in the policy language: rules see the selected backends, not the
// ClusterIP); for the kubernetes service that is the control plane's private endpoint, inside
// gkeMasterCidr (GKE private clusters: master-ipv4-cidr holds the control plane's internal IP).
// Only the Job's pods get it, and only on 443.
func readyEgressPolicy(ctx *pulumi.Context, name string, s *MeshArgs, ns *corev1.Namespace, opts []pulumi.ResourceOption) error {
	_, err := networkingv1.NewNetworkPolicy(ctx, name+"-ready-egress", &networkingv1.NetworkPolicyArgs{
		Metadata: policyMeta(ReadyEgressPolicyName, s.Env, ns),
		Spec: networkingv1.NetworkPolicySpecArgs{
			PodSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"app.kubernetes.io/name": pulumi.String(readyName)}},
			PolicyTypes: pulumi.ToStringArray([]string{"Egress"}),
			Egress: networkingv1.NetworkPolicyEgressRuleArray{networkingv1.NetworkPolicyEgressRuleArgs{
				To: networkingv1.NetworkPolicyPeerArray{networkingv1.NetworkPolicyPeerArgs{
					IpBlock: networkingv1.IPBlockArgs{Cidr: pulumi.String(s.MasterCIDR.String())},
				}},
				Ports: networkingv1.NetworkPolicyPortArray{networkingv1.NetworkPolicyPortArgs{Protocol: pulumi.String("TCP"), Port: pulumi.Int(443)}},
			}},
		},
	}, opts...)
	return err
}

func policyMeta(policy, env string, ns *corev1.Namespace) *metav1.ObjectMetaArgs {
	return &metav1.ObjectMetaArgs{
		Name:      pulumi.String(policy),
		Namespace: ns.Metadata.Name(),
		Labels:    pulumi.StringMap{"app.kubernetes.io/managed-by": pulumi.String("pulumi"), "environment": pulumi.String(env)},
	}
}
