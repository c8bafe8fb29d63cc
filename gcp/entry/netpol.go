package entry

import (
	"github.com/example/mlplatform/gcp"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	networkingv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/networking/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// ingressNetworkPolicy isolates every pod of the ingress namespace (CIS GKE Benchmark 4.3.2,
// "Ensure that all Namespaces have Network Policies defined"; Dataplane V2 enforces it) and
// lets through only what the mesh ingress gateway needs (cluster.go):
//   - in: the load balancer's proxies and health checks (LoadBalancerSourceRanges, the
//     ranges the AuthorizationPolicy allow-load-balancer also names) on the gateway's
//     listener (ingressTargetPort) and status port (ingressStatusPort, the HealthCheckPolicy);
//   - out: DNS, the mesh namespaces (the microservice it routes to), the metadata server and
//     public HTTPS (the managed control plane and Google APIs), the same destinations the
//     microservice's egress policy allows (gcp/mesh/netpol.go) minus the Azure endpoints.
//
// Policy NETPOL-001.
func ingressNetworkPolicy(ctx *pulumi.Context, name string, ns pulumi.StringPtrInput, labels pulumi.StringMap, opts []pulumi.ResourceOption) error {
	from := networkingv1.NetworkPolicyPeerArray{}
	for _, r := range LoadBalancerSourceRanges {
		from = append(from, networkingv1.NetworkPolicyPeerArgs{IpBlock: networkingv1.IPBlockArgs{Cidr: pulumi.String(r)}})
	}
	_, err := networkingv1.NewNetworkPolicy(ctx, name+"-network-policy", &networkingv1.NetworkPolicyArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(IngressNetworkPolicyName), Namespace: ns, Labels: labels},
		Spec: networkingv1.NetworkPolicySpecArgs{
			PodSelector: metav1.LabelSelectorArgs{}, // every pod of the namespace
			PolicyTypes: pulumi.ToStringArray([]string{"Ingress", "Egress"}),
			Ingress: networkingv1.NetworkPolicyIngressRuleArray{networkingv1.NetworkPolicyIngressRuleArgs{
				From:  from,
				Ports: networkingv1.NetworkPolicyPortArray{tcpPort(ingressTargetPort), tcpPort(ingressStatusPort)},
			}},
			Egress: meshEgressRules(),
		},
	}, opts...)
	return err
}

// IngressNetworkPolicyName is the ingress namespace's NetworkPolicy.
const IngressNetworkPolicyName = "ingress-gateway"

func tcpPort(port int) networkingv1.NetworkPolicyPortArgs {
	return networkingv1.NetworkPolicyPortArgs{Protocol: pulumi.String("TCP"), Port: pulumi.Int(port)}
}

// meshEgressRules: DNS to kube-dns, the mesh, the metadata server (Workload Identity tokens:
// 169.254.169.254:80 and, with Dataplane V2, 169.254.169.252:988), and public HTTPS.
func meshEgressRules() networkingv1.NetworkPolicyEgressRuleArray {
	cidr := func(block string, except ...string) networkingv1.NetworkPolicyPeerArgs {
		return networkingv1.NetworkPolicyPeerArgs{IpBlock: networkingv1.IPBlockArgs{Cidr: pulumi.String(block), Except: pulumi.ToStringArray(except)}}
	}
	return networkingv1.NetworkPolicyEgressRuleArray{
		networkingv1.NetworkPolicyEgressRuleArgs{
			To: networkingv1.NetworkPolicyPeerArray{networkingv1.NetworkPolicyPeerArgs{
				NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"kubernetes.io/metadata.name": pulumi.String("kube-system")}},
				PodSelector:       metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"k8s-app": pulumi.String("kube-dns")}},
			}},
			Ports: networkingv1.NetworkPolicyPortArray{
				networkingv1.NetworkPolicyPortArgs{Protocol: pulumi.String("UDP"), Port: pulumi.Int(53)}, tcpPort(53),
			},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{To: networkingv1.NetworkPolicyPeerArray{gcp.MeshNamespaces()}},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To: networkingv1.NetworkPolicyPeerArray{cidr(gcp.MetadataServerIP)}, Ports: networkingv1.NetworkPolicyPortArray{tcpPort(80)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To: networkingv1.NetworkPolicyPeerArray{cidr(gcp.MetadataServerDPV2IP)}, Ports: networkingv1.NetworkPolicyPortArray{tcpPort(988)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To: networkingv1.NetworkPolicyPeerArray{cidr("0.0.0.0/0", gcp.NonPublicRanges...)}, Ports: networkingv1.NetworkPolicyPortArray{tcpPort(443)},
		},
	}
}
