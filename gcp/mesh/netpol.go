package mesh

import (
	corev1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/core/v1"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	networkingv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/networking/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp"
)

// The namespace's network policies.
const (
	// EgressPolicyName is the microservice namespace's egress NetworkPolicy.
	EgressPolicyName = "microservice-egress"
	// ReadyEgressPolicyName lets the mesh-ready Job of that namespace reach the API server.
	ReadyEgressPolicyName = "mesh-ready-apiserver"
	// WorkloadIngressPolicyName is the microservice namespace's ingress NetworkPolicy.
	WorkloadIngressPolicyName = "mesh-ingress"
)

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
				NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{gcp.InjectionLabel: pulumi.String(gcp.InjectionLabelValue)}},
			}},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{ // Workload Identity tokens
			To:    networkingv1.NetworkPolicyPeerArray{cidr(gcp.MetadataServerIP)},
			Ports: networkingv1.NetworkPolicyPortArray{tcp(80)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To:    networkingv1.NetworkPolicyPeerArray{cidr(gcp.MetadataServerDPV2IP)},
			Ports: networkingv1.NetworkPolicyPortArray{tcp(988)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{ // Azure private endpoints, over the VPN
			To:    networkingv1.NetworkPolicyPeerArray{cidr(s.PrivateEndpointSubnetCIDR.String())},
			Ports: networkingv1.NetworkPolicyPortArray{tcp(443)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{ // Google APIs and Entra sign-in (public)
			To:    networkingv1.NetworkPolicyPeerArray{cidr("0.0.0.0/0", gcp.NonPublicRanges...)},
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

// readyEgressPolicy lets the mesh-ready Job (ready.go) reach the API server, which it polls
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

// workloadIngressPolicy isolates the microservice namespace's pods for ingress (CIS GKE 4.3.2)
// and admits only the mesh: pods of sidecar-injected namespaces (the ingress gateway, the
// microservice's own replicas). Istio AuthorizationPolicy (MESH-001/002) then narrows the
// callers to named identities at L7; this is the L4 floor under it. The kubelet's probes are
// not affected: NetworkPolicy always allows traffic from the pod's own node (kubernetes.io/
// docs/concepts/services-networking/network-policies, "traffic to and from the node where a
// Pod is running is always allowed").
func workloadIngressPolicy(ctx *pulumi.Context, name string, ns pulumi.StringPtrInput, labels pulumi.StringMap, opts []pulumi.ResourceOption) error {
	_, err := networkingv1.NewNetworkPolicy(ctx, name+"-ingress-policy", &networkingv1.NetworkPolicyArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(WorkloadIngressPolicyName), Namespace: ns, Labels: labels},
		Spec: networkingv1.NetworkPolicySpecArgs{
			PodSelector: metav1.LabelSelectorArgs{},
			PolicyTypes: pulumi.ToStringArray([]string{"Ingress"}),
			Ingress: networkingv1.NetworkPolicyIngressRuleArray{networkingv1.NetworkPolicyIngressRuleArgs{
				From: networkingv1.NetworkPolicyPeerArray{gcp.MeshNamespaces()},
			}},
		},
	}, opts...)
	return err
}
