package gcp

import (
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/apiextensions"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"github.com/example/mlplatform/kubenative"
)

// What the workloads in the cluster share (the microservice, gcp/microservice, and the
// entry's ingress gateway, gcp/entry): labels, the restricted pod security, placement,
// availability and the namespace's allow-nothing mesh authorization.
const (
	// The autoscaler adds pods above this average CPU utilization of the requests.
	autoscaleCPUPercent = 70
	// IstioSecurityAPI is the Istio security API; v1 is served by every supported managed Cloud
	// Service Mesh release (Istio 1.22 and later).
	IstioSecurityAPI = "security.istio.io/v1"
)

// WorkloadLabels are the labels of a workload's Kubernetes objects (the microservice's and the
// entry's ingress gateway).
func WorkloadLabels(env, app string) pulumi.StringMap {
	return pulumi.StringMap{"app": pulumi.String(app), "app.kubernetes.io/name": pulumi.String(app),
		"app.kubernetes.io/managed-by": pulumi.String("pulumi"), "environment": pulumi.String(env)}
}

// NodePoolSelector uses the label GKE puts on every node of a pool.
func NodePoolSelector(pool pulumi.StringInput) pulumi.StringMap {
	return pulumi.StringMap{"cloud.google.com/gke-nodepool": pool}
}

// NonRootID is the user and group every container the program declares runs as: above 10000,
// so it maps to no user or group of a node or image (Trivy AVD-KSV-0020/0021: "Force the
// container to run with user ID > 10000 to avoid conflicts with the host's user table"), and
// the UID/GID distroless images name "nonroot". Declared on the containers too: the mesh
// merges its gateway template under the pod's own istio-proxy container, and fields given
// there override the template's (Istio, "Installing the Sidecar", Customizing injection:
// istio.io/latest/docs/setup/additional-setup/sidecar-injection/#customizing-injection).
// The sidecars the mesh injects into meshed pods are not declared here and keep Istio's
// proxy UID 1337, which its traffic redirection relies on.
const NonRootID = 65532

// RestrictedPodSecurity and RestrictedContainerSecurity follow the Kubernetes "restricted"
// Pod Security Standard: non-root, RuntimeDefault seccomp, no privilege escalation, every
// capability dropped, and a read-only root filesystem on top.
func RestrictedPodSecurity() *kubenative.PodSecurityContextArgs {
	return &kubenative.PodSecurityContextArgs{RunAsNonRoot: pulumi.Bool(true),
		RunAsUser: pulumi.Int(NonRootID), RunAsGroup: pulumi.Int(NonRootID),
		SeccompProfile: &kubenative.SeccompProfileArgs{Type: pulumi.String("RuntimeDefault")}}
}

func RestrictedContainerSecurity() *kubenative.SecurityContextArgs {
	return &kubenative.SecurityContextArgs{
		RunAsNonRoot:             pulumi.Bool(true),
		RunAsUser:                pulumi.Int(NonRootID),
		RunAsGroup:               pulumi.Int(NonRootID),
		AllowPrivilegeEscalation: pulumi.Bool(false),
		Privileged:               pulumi.Bool(false),
		ReadOnlyRootFilesystem:   pulumi.Bool(true),
		Capabilities:             &kubenative.CapabilitiesArgs{Drop: pulumi.ToStringArray([]string{"ALL"})},
		SeccompProfile:           &kubenative.SeccompProfileArgs{Type: pulumi.String("RuntimeDefault")},
	}
}

// Every container the program declares has a read-only root filesystem, so its local
// ephemeral storage is its logs (the kubelet's defaults rotate them at containerLogMaxSize 10Mi
// and keep containerLogMaxFiles 5, GKE's NodeKubeletConfig default: about 50 MiB). The pod's
// limit is the sum of its containers' (kubernetes.io, "Local ephemeral storage"); the mesh's
// injected sidecar declares none (Istio injection-template.yaml sets only cpu and memory) but its
// logs and on-disk istio-data volume count, so the microservice pod's worst steady state is
// about 50 + 64 (/tmp emptyDir) + 50 MiB, about 165 MiB, under 256Mi. The request lets the
// scheduler count it; the limit gets a runaway writer evicted before it fills the node's boot
// disk (kube-score container-ephemeral-storage-request-and-limit). A burst of logging between
// two rotation checks can overshoot: raise the limit for a chatty image.
const (
	ephemeralStorageRequest = "64Mi"
	ephemeralStorageLimit   = "256Mi"
)

func ContainerResources(cpuReq, memReq, cpuLim, memLim string) *kubenative.ResourceRequirementsArgs {
	return &kubenative.ResourceRequirementsArgs{
		Requests: pulumi.StringMap{"cpu": pulumi.String(cpuReq), "memory": pulumi.String(memReq),
			"ephemeral-storage": pulumi.String(ephemeralStorageRequest)},
		Limits: pulumi.StringMap{"cpu": pulumi.String(cpuLim), "memory": pulumi.String(memLim),
			"ephemeral-storage": pulumi.String(ephemeralStorageLimit)},
	}
}

// SpreadOverNodes prefers to place a Deployment's replicas on different nodes, so one node's
// loss or drain takes at most one of them and the PodDisruptionBudget can be honoured.
// Preferred, not required: the autoscaler may run more replicas than the pool has nodes
// (kubernetes.io, "Assigning Pods to Nodes", inter-pod affinity and anti-affinity; kube-score
// deployment-has-host-podantiaffinity).
func SpreadOverNodes(selector pulumi.StringMap) *kubenative.AffinityArgs {
	return &kubenative.AffinityArgs{PodAntiAffinity: &kubenative.PodAntiAffinityArgs{
		PreferredDuringSchedulingIgnoredDuringExecution: kubenative.WeightedPodAffinityTermArray{&kubenative.WeightedPodAffinityTermArgs{
			Weight: pulumi.Int(100),
			PodAffinityTerm: &kubenative.PodAffinityTermArgs{TopologyKey: pulumi.String("kubernetes.io/hostname"),
				LabelSelector: &metav1.LabelSelectorArgs{MatchLabels: selector}},
		}},
	}}
}

// Availability adds the PodDisruptionBudget and the HorizontalPodAutoscaler of a Deployment
// (the microservice's, and the entry's ingress gateway, which scales with it between the same
// bounds). maxUnavailable 1 (not minAvailable) never blocks a node drain, even with one replica.
func Availability(ctx *pulumi.Context, name string, minReplicas, maxReplicas int, app string, ns pulumi.StringInput,
	labels, selector pulumi.StringMap, deployment pulumi.StringPtrOutput, opts []pulumi.ResourceOption) error {
	meta := &metav1.ObjectMetaArgs{Name: pulumi.String(app), Namespace: ns.ToStringOutput(), Labels: labels}
	if _, err := kubenative.NewPodDisruptionBudget(ctx, name+"-pdb", &kubenative.PodDisruptionBudgetArgs{
		Metadata: meta,
		Spec: &kubenative.PodDisruptionBudgetSpecArgs{MaxUnavailable: pulumi.Int(1),
			Selector: &metav1.LabelSelectorArgs{MatchLabels: selector}},
	}, opts...); err != nil {
		return err
	}
	_, err := kubenative.NewHorizontalPodAutoscaler(ctx, name+"-hpa", &kubenative.HorizontalPodAutoscalerArgs{
		Metadata: meta,
		Spec: &kubenative.HorizontalPodAutoscalerSpecArgs{
			ScaleTargetRef: &kubenative.CrossVersionObjectReferenceArgs{ApiVersion: pulumi.String("apps/v1"),
				Kind: pulumi.String("Deployment"), Name: deployment.Elem()},
			MinReplicas: pulumi.Int(minReplicas),
			MaxReplicas: pulumi.Int(maxReplicas),
			Metrics: kubenative.MetricSpecArray{&kubenative.MetricSpecArgs{Type: pulumi.String("Resource"),
				Resource: &kubenative.ResourceMetricSourceArgs{Name: pulumi.String("cpu"),
					Target: &kubenative.MetricTargetArgs{Type: pulumi.String("Utilization"), AverageUtilization: pulumi.Int(autoscaleCPUPercent)}}}},
		},
	}, opts...)
	return err
}

// DenyAll is the namespace's allow-nothing AuthorizationPolicy.
func DenyAll(ctx *pulumi.Context, name string, ns pulumi.StringInput, labels pulumi.StringMap, opts []pulumi.ResourceOption) error {
	_, err := apiextensions.NewCustomResource(ctx, name, &apiextensions.CustomResourceArgs{
		ApiVersion:  pulumi.String(IstioSecurityAPI),
		Kind:        pulumi.String("AuthorizationPolicy"),
		Metadata:    &metav1.ObjectMetaArgs{Name: pulumi.String("deny-all"), Namespace: ns.ToStringOutput(), Labels: labels},
		OtherFields: kubernetes.UntypedArgs{"spec": pulumi.Map{}},
	}, opts...)
	return err
}
