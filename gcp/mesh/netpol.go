package mesh

import (
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/kubenative"
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
func (c *Mesh) egressPolicy(ctx *pulumi.Context, name string, s *MeshArgs, ns *kubenative.Namespace, opts []pulumi.ResourceOption) error {
	tcp := func(port int) kubenative.NetworkPolicyPortArgs {
		return kubenative.NetworkPolicyPortArgs{Protocol: pulumi.String("TCP"), Port: pulumi.Int(port)}
	}
	cidr := func(block string, except ...string) kubenative.NetworkPolicyPeerArgs {
		return kubenative.NetworkPolicyPeerArgs{IpBlock: &kubenative.IPBlockArgs{Cidr: pulumi.String(block), Except: pulumi.ToStringArray(except)}}
	}
	rules := kubenative.NetworkPolicyEgressRuleArray{
		kubenative.NetworkPolicyEgressRuleArgs{ // DNS
			To: kubenative.NetworkPolicyPeerArray{kubenative.NetworkPolicyPeerArgs{
				NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"kubernetes.io/metadata.name": pulumi.String("kube-system")}},
				PodSelector:       metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"k8s-app": pulumi.String("kube-dns")}},
			}},
			Ports: kubenative.NetworkPolicyPortArray{
				kubenative.NetworkPolicyPortArgs{Protocol: pulumi.String("UDP"), Port: pulumi.Int(53)}, tcp(53),
			},
		},
		kubenative.NetworkPolicyEgressRuleArgs{ // the mesh: workloads in sidecar-injected namespaces
			To: kubenative.NetworkPolicyPeerArray{kubenative.NetworkPolicyPeerArgs{
				NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{gcp.InjectionLabel: pulumi.String(gcp.InjectionLabelValue)}},
			}},
		},
		kubenative.NetworkPolicyEgressRuleArgs{ // Workload Identity tokens
			To:    kubenative.NetworkPolicyPeerArray{cidr(gcp.MetadataServerIP)},
			Ports: kubenative.NetworkPolicyPortArray{tcp(80)},
		},
		kubenative.NetworkPolicyEgressRuleArgs{
			To:    kubenative.NetworkPolicyPeerArray{cidr(gcp.MetadataServerDPV2IP)},
			Ports: kubenative.NetworkPolicyPortArray{tcp(988)},
		},
		kubenative.NetworkPolicyEgressRuleArgs{ // Azure private endpoints, over the VPN
			To:    kubenative.NetworkPolicyPeerArray{cidr(s.PrivateEndpointSubnetCIDR.String())},
			Ports: kubenative.NetworkPolicyPortArray{tcp(443)},
		},
		kubenative.NetworkPolicyEgressRuleArgs{ // Google APIs and Entra sign-in (public)
			To:    kubenative.NetworkPolicyPeerArray{cidr("0.0.0.0/0", gcp.NonPublicRanges...)},
			Ports: kubenative.NetworkPolicyPortArray{tcp(443)},
		},
	}
	_, err := kubenative.NewNetworkPolicy(ctx, name+"-egress", &kubenative.NetworkPolicyArgs{
		Metadata: policyMeta(EgressPolicyName, s.Env, ns),
		Spec: &kubenative.NetworkPolicySpecArgs{
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
func readyEgressPolicy(ctx *pulumi.Context, name string, s *MeshArgs, ns *kubenative.Namespace, opts []pulumi.ResourceOption) error {
	_, err := kubenative.NewNetworkPolicy(ctx, name+"-ready-egress", &kubenative.NetworkPolicyArgs{
		Metadata: policyMeta(ReadyEgressPolicyName, s.Env, ns),
		Spec: &kubenative.NetworkPolicySpecArgs{
			PodSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"app.kubernetes.io/name": pulumi.String(readyName)}},
			PolicyTypes: pulumi.ToStringArray([]string{"Egress"}),
			Egress: kubenative.NetworkPolicyEgressRuleArray{kubenative.NetworkPolicyEgressRuleArgs{
				To: kubenative.NetworkPolicyPeerArray{kubenative.NetworkPolicyPeerArgs{
					IpBlock: &kubenative.IPBlockArgs{Cidr: pulumi.String(s.MasterCIDR.String())},
				}},
				Ports: kubenative.NetworkPolicyPortArray{kubenative.NetworkPolicyPortArgs{Protocol: pulumi.String("TCP"), Port: pulumi.Int(443)}},
			}},
		},
	}, opts...)
	return err
}

func policyMeta(policy, env string, ns *kubenative.Namespace) *metav1.ObjectMetaArgs {
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
	_, err := kubenative.NewNetworkPolicy(ctx, name+"-ingress-policy", &kubenative.NetworkPolicyArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(WorkloadIngressPolicyName), Namespace: ns, Labels: labels},
		Spec: &kubenative.NetworkPolicySpecArgs{
			PodSelector: metav1.LabelSelectorArgs{},
			PolicyTypes: pulumi.ToStringArray([]string{"Ingress"}),
			Ingress: kubenative.NetworkPolicyIngressRuleArray{kubenative.NetworkPolicyIngressRuleArgs{
				From: kubenative.NetworkPolicyPeerArray{gcp.MeshNamespaces()},
			}},
		},
	}, opts...)
	return err
}
