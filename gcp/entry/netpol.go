package entry

import (
	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/kubenative"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
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
	from := kubenative.NetworkPolicyPeerArray{}
	for _, r := range LoadBalancerSourceRanges {
		from = append(from, kubenative.NetworkPolicyPeerArgs{IpBlock: &kubenative.IPBlockArgs{Cidr: pulumi.String(r)}})
	}
	_, err := kubenative.NewNetworkPolicy(ctx, name+"-network-policy", &kubenative.NetworkPolicyArgs{
		Metadata: &metav1.ObjectMetaArgs{Name: pulumi.String(IngressNetworkPolicyName), Namespace: ns, Labels: labels},
		Spec: &kubenative.NetworkPolicySpecArgs{
			PodSelector: metav1.LabelSelectorArgs{}, // every pod of the namespace
			PolicyTypes: pulumi.ToStringArray([]string{"Ingress", "Egress"}),
			Ingress: kubenative.NetworkPolicyIngressRuleArray{kubenative.NetworkPolicyIngressRuleArgs{
				From:  from,
				Ports: kubenative.NetworkPolicyPortArray{tcpPort(ingressTargetPort), tcpPort(ingressStatusPort)},
			}},
			Egress: meshEgressRules(),
		},
	}, opts...)
	return err
}

// IngressNetworkPolicyName is the ingress namespace's NetworkPolicy.
const IngressNetworkPolicyName = "ingress-gateway"

func tcpPort(port int) kubenative.NetworkPolicyPortArgs {
	return kubenative.NetworkPolicyPortArgs{Protocol: pulumi.String("TCP"), Port: pulumi.Int(port)}
}

// meshEgressRules: DNS to kube-dns, the mesh, the metadata server (Workload Identity tokens:
// 169.254.169.254:80 and, with Dataplane V2, 169.254.169.252:988), and public HTTPS.
func meshEgressRules() kubenative.NetworkPolicyEgressRuleArray {
	cidr := func(block string, except ...string) kubenative.NetworkPolicyPeerArgs {
		return kubenative.NetworkPolicyPeerArgs{IpBlock: &kubenative.IPBlockArgs{Cidr: pulumi.String(block), Except: pulumi.ToStringArray(except)}}
	}
	return kubenative.NetworkPolicyEgressRuleArray{
		kubenative.NetworkPolicyEgressRuleArgs{
			To: kubenative.NetworkPolicyPeerArray{kubenative.NetworkPolicyPeerArgs{
				NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"kubernetes.io/metadata.name": pulumi.String("kube-system")}},
				PodSelector:       metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{"k8s-app": pulumi.String("kube-dns")}},
			}},
			Ports: kubenative.NetworkPolicyPortArray{
				kubenative.NetworkPolicyPortArgs{Protocol: pulumi.String("UDP"), Port: pulumi.Int(53)}, tcpPort(53),
			},
		},
		kubenative.NetworkPolicyEgressRuleArgs{To: kubenative.NetworkPolicyPeerArray{gcp.MeshNamespaces()}},
		kubenative.NetworkPolicyEgressRuleArgs{
			To: kubenative.NetworkPolicyPeerArray{cidr(gcp.MetadataServerIP)}, Ports: kubenative.NetworkPolicyPortArray{tcpPort(80)},
		},
		kubenative.NetworkPolicyEgressRuleArgs{
			To: kubenative.NetworkPolicyPeerArray{cidr(gcp.MetadataServerDPV2IP)}, Ports: kubenative.NetworkPolicyPortArray{tcpPort(988)},
		},
		kubenative.NetworkPolicyEgressRuleArgs{
			To: kubenative.NetworkPolicyPeerArray{cidr("0.0.0.0/0", gcp.NonPublicRanges...)}, Ports: kubenative.NetworkPolicyPortArray{tcpPort(443)},
		},
	}
}
