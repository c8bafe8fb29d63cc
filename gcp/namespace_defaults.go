package gcp

import (
	"github.com/pulumi/pulumi-gcp/sdk/v7/go/gcp/compute"
	corev1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/core/v1"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	networkingv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/networking/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// Kubernetes namespace defaults shared by the components that write into the cluster: the
// mesh (gcp/mesh, the workload namespace) and the entry (the ingress namespace).

const (
	// InjectionLabel and InjectionLabelValue turn sidecar injection on for a namespace.
	// Managed Cloud Service Mesh with MANAGEMENT_AUTOMATIC follows the cluster's release
	// channel (RAPID/REGULAR/STABLE -> revisions asm-managed-rapid/asm-managed/
	// asm-managed-stable) and points the default injection tag at that revision. The
	// channel-independent default label therefore works for every environment, where an
	// istio.io/rev label would have to track gkeReleaseChannel. Only one of the two labels
	// may be set: istio-injection wins over istio.io/rev.
	InjectionLabel      = "istio-injection"
	InjectionLabelValue = "enabled"
)

// MeshNamespaceLabels are the labels of every namespace the program creates: sidecar injection
// and Pod Security Admission. PSA enforces "baseline", the strictest level Istio documents for
// meshed namespaces ("Install Istio with Pod Security Admission", istio.io/latest/docs/setup/
// additional-setup/pod-security-admission: injected pods meet baseline once traffic redirection
// runs in the CNI node agent instead of a NET_ADMIN init container; managed Cloud Service Mesh
// installs that agent, "The istio-cni-node daemonset in kube-system", cloud.google.com/service-mesh/
// docs/managed/provision-managed-anthos-service-mesh, Requirements); "restricted" is warned and
// audited, so a pod that falls short of it is reported without being refused
// (kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels).
// CIS GKE 4.2.1 asks for baseline or stricter; POD-001/002 hold the platform's own pods to the
// restricted security context.
func MeshNamespaceLabels() pulumi.StringMap {
	return pulumi.StringMap{
		InjectionLabel:                       pulumi.String(InjectionLabelValue),
		"pod-security.kubernetes.io/enforce": pulumi.String("baseline"),
		"pod-security.kubernetes.io/warn":    pulumi.String("restricted"),
		"pod-security.kubernetes.io/audit":   pulumi.String("restricted"),
	}
}

// Fixed addresses a meshed pod must reach besides its peers.
const (
	// The GKE metadata server answers Workload Identity token requests on 169.254.169.254:80;
	// with GKE Dataplane V2 a network policy must also allow 169.254.169.252/32 on 988
	// (https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity, "Restrictions"
	// / network policy note).
	MetadataServerIP     = "169.254.169.254/32"
	MetadataServerDPV2IP = "169.254.169.252/32"
)

// NonPublicRanges are excluded from the public HTTPS rules, so private addresses are reachable
// only where a rule names them (the Azure private endpoints).
var NonPublicRanges = []string{"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16"}

// QuietDefaultServiceAccount turns off API-token automounting for the `default`
// ServiceAccount of a namespace the program creates (CIS GKE Benchmark 4.1.4, "Ensure that
// default service accounts are not actively used": the audit wants
// automountServiceAccountToken: false on every default ServiceAccount). Every pod of the
// program runs under its own ServiceAccount; this only stops a pod that forgets to name one
// from receiving a token. The default ServiceAccount is created by the cluster's
// ServiceAccount controller, not here, so it is patched with Server-Side Apply
// (ServiceAccountPatch, pulumi-kubernetes v4.18.3: "Patch resources are used to modify
// existing Kubernetes resources by using Server-Side Apply updates"). On a first `up` the
// patch may reach the API server before the controller has created the account: a Server-Side
// Apply request then creates it ("create or patch", kubernetes.io server-side-apply; a
// NamespacePatch for a missing namespace creates it, pulumi/pulumi-kubernetes#2194), and the
// controller leaves an existing account alone, so there is no ordering to wait for. Policy KSA-001.
func QuietDefaultServiceAccount(ctx *pulumi.Context, name string, ns pulumi.StringPtrInput, labels pulumi.StringMap, opts []pulumi.ResourceOption) error {
	_, err := corev1.NewServiceAccountPatch(ctx, name+"-default-sa", &corev1.ServiceAccountPatchArgs{
		Metadata:                     &metav1.ObjectMetaPatchArgs{Name: pulumi.String("default"), Namespace: ns, Labels: labels},
		AutomountServiceAccountToken: pulumi.Bool(false),
	}, opts...)
	return err
}

// ingressNetworkPolicy isolates every pod of the ingress namespace (CIS GKE Benchmark 4.3.2,
// "Ensure that all Namespaces have Network Policies defined"; Dataplane V2 enforces it) and
// lets through only what the mesh ingress gateway needs (gcp/entry_cluster.go):
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

// MeshNamespaces selects every sidecar-injected namespace.
func MeshNamespaces() networkingv1.NetworkPolicyPeerArgs {
	return networkingv1.NetworkPolicyPeerArgs{
		NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{InjectionLabel: pulumi.String(InjectionLabelValue)}},
	}
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
		networkingv1.NetworkPolicyEgressRuleArgs{To: networkingv1.NetworkPolicyPeerArray{MeshNamespaces()}},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To: networkingv1.NetworkPolicyPeerArray{cidr(MetadataServerIP)}, Ports: networkingv1.NetworkPolicyPortArray{tcpPort(80)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To: networkingv1.NetworkPolicyPeerArray{cidr(MetadataServerDPV2IP)}, Ports: networkingv1.NetworkPolicyPortArray{tcpPort(988)},
		},
		networkingv1.NetworkPolicyEgressRuleArgs{
			To: networkingv1.NetworkPolicyPeerArray{cidr("0.0.0.0/0", NonPublicRanges...)}, Ports: networkingv1.NetworkPolicyPortArray{tcpPort(443)},
		},
	}
}

// sslPolicy is the TLS policy of the entry's global external Application Load Balancer:
// TLS 1.2 at least with the MODERN profile (AVD-GCP-0039 accepts MODERN or RESTRICTED at
// TLS 1.2; without a policy the load balancer uses Google's default, COMPATIBLE from TLS 1.0,
// "SSL policies overview", cloud.google.com/load-balancing/docs/ssl-policies-concepts).
// MODERN rather than RESTRICTED: RESTRICTED is the narrower set "intended to meet stricter
// compliance requirements" (same page); both satisfy the control. Policy SSL-001/SSL-002.
func sslPolicy(ctx *pulumi.Context, name, base string, project pulumi.StringInput, opts []pulumi.ResourceOption) (pulumi.StringOutput, error) {
	p, err := compute.NewSSLPolicy(ctx, name+"-ssl-policy", &compute.SSLPolicyArgs{
		Project: project, Name: pulumi.String(base + "-tls12"),
		Profile: pulumi.String("MODERN"), MinTlsVersion: pulumi.String("TLS_1_2"),
		Description: pulumi.String("TLS 1.2 or later, MODERN profile, for the entry's load balancer"),
	}, opts...)
	if err != nil {
		return pulumi.StringOutput{}, err
	}
	return p.Name, nil
}
