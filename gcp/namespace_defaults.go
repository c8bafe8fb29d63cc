package gcp

import (
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/kubenative"
)

// Kubernetes namespace defaults shared by the components that write into the cluster: the
// mesh (gcp/mesh, the workload namespace) and the entry (gcp/entry, the ingress namespace).

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
// (ServiceAccountPatch, pulumi-kubernetes sdk/v4 v4.32.0, go/kubernetes/core/v1/
// serviceAccountPatch.go: "Patch resources are used to modify existing Kubernetes resources
// by using Server-Side Apply updates"). On a first `up` the
// patch may reach the API server before the controller has created the account: a Server-Side
// Apply request then creates it ("create or patch", kubernetes.io server-side-apply; a
// NamespacePatch for a missing namespace creates it, pulumi/pulumi-kubernetes#2194), and the
// controller leaves an existing account alone, so there is no ordering to wait for. Policy KSA-001.
func QuietDefaultServiceAccount(ctx *pulumi.Context, name string, ns pulumi.StringPtrInput, labels pulumi.StringMap, opts []pulumi.ResourceOption) error {
	_, err := kubenative.NewServiceAccountPatch(ctx, name+"-default-sa", &kubenative.ServiceAccountPatchArgs{
		Metadata:                     &metav1.ObjectMetaPatchArgs{Name: pulumi.String("default"), Namespace: ns, Labels: labels},
		AutomountServiceAccountToken: pulumi.Bool(false),
	}, opts...)
	return err
}

// MeshNamespaces selects every sidecar-injected namespace.
func MeshNamespaces() kubenative.NetworkPolicyPeerArgs {
	return kubenative.NetworkPolicyPeerArgs{
		NamespaceSelector: metav1.LabelSelectorArgs{MatchLabels: pulumi.StringMap{InjectionLabel: pulumi.String(InjectionLabelValue)}},
	}
}
