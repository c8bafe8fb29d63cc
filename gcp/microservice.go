package gcp

import (
	"github.com/example/mlplatform/internal/required"

	"github.com/example/mlplatform/settings"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/apiextensions"
	appsv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/apps/v1"
	autoscalingv2 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/autoscaling/v2"
	corev1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/core/v1"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
	policyv1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/policy/v1"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// The microservice's container budget. Requests are what the scheduler reserves (and what
// the autoscaler's utilization is measured against); the memory limit equals twice the
// request so a leak is killed before it starves the node.
const (
	microserviceCPURequest    = "250m"
	microserviceMemoryRequest = "256Mi"
	microserviceCPULimit      = "1"
	microserviceMemoryLimit   = "512Mi"
	// The autoscaler adds pods above this average CPU utilization of the requests.
	autoscaleCPUPercent = 70
	// IstioSecurityAPI is the Istio security API; v1 is served by every supported managed Cloud
	// Service Mesh release (Istio 1.22 and later).
	IstioSecurityAPI = "security.istio.io/v1"
)

// MicroserviceArgs configures NewMicroservice.
type MicroserviceArgs struct {
	settings.Common
	Microservice settings.Microservice
	Workload     settings.Workload
	// Provider, MeshReadyJob, Namespace and ServiceAccount come from the mesh (Mesh.Provider,
	// Mesh.Ready, Mesh.Namespace, Mesh.KubernetesServiceAccount).
	Provider       *kubernetes.Provider
	MeshReadyJob   pulumi.Resource
	Namespace      pulumi.StringInput
	ServiceAccount pulumi.StringInput
	// CallerPrincipal is the only mesh identity allowed to call the microservice
	// (Entry's ingress gateway: TRUST_DOMAIN/ns/NS/sa/SA).
	CallerPrincipal pulumi.StringInput
	// NodePool (Cluster.NodePoolName) pins the pods to the hardened node pool; it also makes
	// the rollout, which needs nodes, wait for the pool.
	NodePool pulumi.StringInput
	// Azure is the Entra application the pods sign in as (its federated credential trusts
	// the Kubernetes service account's token) and its tenant.
	Azure AzureIdentity
}

// AzureIdentity names the Entra application whose federated credential trusts the pods'
// projected token (Application.ClientID) and the tenant it lives in.
type AzureIdentity struct {
	ClientID pulumi.StringInput
	TenantID pulumi.StringInput
}

// Microservice is the workload: a Deployment running as the microservice's Kubernetes
// service account under a restricted pod security context, its Service, a
// PodDisruptionBudget, a HorizontalPodAutoscaler, and the namespace's mesh authorization
// (deny by default, allow only the ingress gateway's identity).
type Microservice struct {
	pulumi.ResourceState

	Namespace   pulumi.StringOutput
	ServiceName pulumi.StringOutput
	// ServiceHost is the Service's cluster DNS name (NAME.NS.svc.cluster.local).
	ServiceHost pulumi.StringOutput
	ServicePort pulumi.IntOutput
}

// NewMicroservice creates the workload in the mesh namespace.
func NewMicroservice(ctx *pulumi.Context, name string, args *MicroserviceArgs, opts ...pulumi.ResourceOption) (*Microservice, error) {
	if args == nil {
		args = &MicroserviceArgs{}
	}
	// Provider and MeshReadyJob exist only when the mesh is managed in-cluster (meshInCluster).
	if err := required.Args("gcp.NewMicroservice", map[string]any{"Env": args.Env, "Microservice.Image": args.Microservice.Image,
		"Provider": args.Provider, "MeshReadyJob": args.MeshReadyJob, "Namespace": args.Namespace,
		"ServiceAccount": args.ServiceAccount, "CallerPrincipal": args.CallerPrincipal, "NodePool": args.NodePool,
		"Azure.ClientID": args.Azure.ClientID, "Azure.TenantID": args.Azure.TenantID}); err != nil {
		return nil, err
	}
	s := args
	c := &Microservice{}
	if err := ctx.RegisterComponentResource("mlplatform:gcp:Microservice", name, c, opts...); err != nil {
		return nil, err
	}
	in := childOpts(c, pulumi.Provider(args.Provider))
	app := s.Workload.ServiceAccount
	selector := pulumi.StringMap{"app": pulumi.String(app)}
	labels := WorkloadLabels(s.Env, app)
	meta := func(n string) *metav1.ObjectMetaArgs {
		return &metav1.ObjectMetaArgs{Name: pulumi.String(n), Namespace: args.Namespace.ToStringOutput(), Labels: labels}
	}

	// DependsOn the mesh gate, not an output: the namespace is labelled for injection, and
	// injection happens only when a pod is created (gcp/mesh/ready.go, meshGateChecks); pods created before the
	// managed mesh can inject would run without a sidecar, outside STRICT mTLS and the
	// AuthorizationPolicies, until restarted.
	meshed := append(append([]pulumi.ResourceOption{}, in...), pulumi.DependsOn([]pulumi.Resource{args.MeshReadyJob}))
	dep, err := appsv1.NewDeployment(ctx, name+"-deployment", &appsv1.DeploymentArgs{
		Metadata: meta(app),
		Spec:     microserviceDeploymentSpec(s.Microservice, app, labels, selector, args.ServiceAccount, args.NodePool, args.Azure),
	}, meshed...)
	if err != nil {
		return nil, err
	}
	svc, err := microserviceService(ctx, name, meta(app), s.Microservice.Port, selector, in)
	if err != nil {
		return nil, err
	}
	if err := Availability(ctx, name, s.Microservice.MinReplicas, s.Microservice.MaxReplicas, app, args.Namespace, labels, selector, dep.Metadata.Name(), in); err != nil {
		return nil, err
	}
	if err := c.authorization(ctx, name, app, args, labels, in); err != nil {
		return nil, err
	}

	c.Namespace = svc.Metadata.Namespace().ApplyT(deref).(pulumi.StringOutput)
	c.ServiceName = svc.Metadata.Name().ApplyT(deref).(pulumi.StringOutput)
	c.ServiceHost = pulumi.Sprintf("%s.%s.svc.cluster.local", c.ServiceName, c.Namespace)
	c.ServicePort = pulumi.Int(s.Microservice.Port).ToIntOutput()
	return c, ctx.RegisterResourceOutputs(c, pulumi.Map{
		"namespace": c.Namespace, "serviceName": c.ServiceName, "serviceHost": c.ServiceHost, "servicePort": c.ServicePort,
	})
}

// microserviceService is the workload's ClusterIP Service on port.
func microserviceService(ctx *pulumi.Context, name string, meta *metav1.ObjectMetaArgs, port int, selector pulumi.StringMap,
	in []pulumi.ResourceOption) (*corev1.Service, error) {
	return corev1.NewService(ctx, name+"-service", &corev1.ServiceArgs{
		Metadata: meta,
		Spec: &corev1.ServiceSpecArgs{
			Type:     pulumi.String("ClusterIP"),
			Selector: selector,
			// The "http" name and appProtocol tell the mesh this is HTTP (L7 policy applies).
			Ports: corev1.ServicePortArray{&corev1.ServicePortArgs{Name: pulumi.String("http"),
				AppProtocol: pulumi.String("http"), Port: pulumi.Int(port), TargetPort: pulumi.String("http")}},
		},
	}, in...)
}

// WorkloadLabels are the labels of a workload's Kubernetes objects (the microservice's and the
// entry's ingress gateway).
func WorkloadLabels(env, app string) pulumi.StringMap {
	return pulumi.StringMap{"app": pulumi.String(app), "app.kubernetes.io/name": pulumi.String(app),
		"app.kubernetes.io/managed-by": pulumi.String("pulumi"), "environment": pulumi.String(env)}
}

// microserviceDeploymentSpec leaves replicas to the autoscaler: a replica count here would
// be reset on every `pulumi up`, fighting the HPA.
func microserviceDeploymentSpec(m settings.Microservice, app string, labels, selector pulumi.StringMap, ksa, pool pulumi.StringInput,
	azure AzureIdentity) *appsv1.DeploymentSpecArgs {
	probe := func(initialDelay, period int) *corev1.ProbeArgs {
		// The managed mesh rewrites HTTP probes to its agent, so they pass under STRICT mTLS.
		return &corev1.ProbeArgs{HttpGet: &corev1.HTTPGetActionArgs{Path: pulumi.String(m.HealthPath), Port: pulumi.String("http")},
			InitialDelaySeconds: pulumi.Int(initialDelay), PeriodSeconds: pulumi.Int(period), FailureThreshold: pulumi.Int(3)}
	}
	return &appsv1.DeploymentSpecArgs{
		Selector: &metav1.LabelSelectorArgs{MatchLabels: selector},
		Strategy: &appsv1.DeploymentStrategyArgs{Type: pulumi.String("RollingUpdate"),
			RollingUpdate: &appsv1.RollingUpdateDeploymentArgs{MaxUnavailable: pulumi.Int(0), MaxSurge: pulumi.Int(1)}},
		Template: &corev1.PodTemplateSpecArgs{
			Metadata: &metav1.ObjectMetaArgs{Labels: labels},
			Spec: &corev1.PodSpecArgs{
				ServiceAccountName:           ksa,
				AutomountServiceAccountToken: pulumi.Bool(false),
				NodeSelector:                 NodePoolSelector(pool),
				Affinity:                     SpreadOverNodes(selector),
				SecurityContext:              RestrictedPodSecurity(),
				Containers: corev1.ContainerArray{&corev1.ContainerArgs{
					Name:            pulumi.String(app),
					Image:           pulumi.String(m.Image),
					Ports:           corev1.ContainerPortArray{&corev1.ContainerPortArgs{Name: pulumi.String("http"), ContainerPort: pulumi.Int(m.Port)}},
					Resources:       ContainerResources(microserviceCPURequest, microserviceMemoryRequest, microserviceCPULimit, microserviceMemoryLimit),
					ReadinessProbe:  probe(5, 10),
					LivenessProbe:   probe(15, 20),
					SecurityContext: RestrictedContainerSecurity(),
					Env:             azureWorkloadIdentityEnv(azure),
					// The root filesystem is read-only; scratch space is a bounded emptyDir.
					VolumeMounts: corev1.VolumeMountArray{&corev1.VolumeMountArgs{Name: pulumi.String("tmp"), MountPath: pulumi.String("/tmp")},
						&corev1.VolumeMountArgs{Name: pulumi.String(AzureTokenVolume), MountPath: pulumi.String(AzureTokenDir), ReadOnly: pulumi.Bool(true)}},
				}},
				Volumes: corev1.VolumeArray{&corev1.VolumeArgs{Name: pulumi.String("tmp"),
					EmptyDir: &corev1.EmptyDirVolumeSourceArgs{SizeLimit: pulumi.String("64Mi")}}, azureTokenVolume()},
			},
		},
	}
}

// Azure workload identity on GKE. AKS's mutating webhook adds a projected token and four
// variables to a pod; GKE has no such webhook, so the Deployment declares the same ones
// (azure-workload-identity, "Mutating Admission Webhook": AZURE_AUTHORITY_HOST,
// AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_FEDERATED_TOKEN_FILE; volume azure-identity-token
// mounted at /var/run/secrets/azure/tokens/azure-identity-token,
// azure.github.io/azure-workload-identity/docs/installation/mutating-admission-webhook.html).
// The Azure SDKs' WorkloadIdentityCredential (inside DefaultAzureCredential) reads the first
// three and the token file; azidentity also reads AZURE_AUTHORITY_HOST when the code names no
// cloud (azure-sdk-for-go sdk/azidentity/azidentity.go, setAuthorityHost).
const (
	// AzureTokenVolume and AzureTokenDir are the webhook's volume name and mount directory; the
	// token file is AzureTokenDir/AzureTokenVolume.
	AzureTokenVolume = "azure-identity-token"
	AzureTokenDir    = "/var/run/secrets/azure/tokens"
	// AzureTokenSeconds is the webhook's default lifetime. Kubernetes refuses a projected token
	// below 10 minutes or above 2^32 seconds (pkg/apis/core/validation, "may not specify a
	// duration less than 10 minutes"); the kubelet rotates it at 80 % of its life (API
	// reference, ServiceAccountTokenProjection.expirationSeconds), and the SDK rereads the file.
	AzureTokenSeconds = 3600
	// AzureAuthorityHost is Entra ID's public-cloud sign-in host: the token exchange is an
	// HTTPS POST to AzureAuthorityHost/<tenant>/oauth2/v2.0/token, over Cloud NAT.
	AzureAuthorityHost = "https://login.microsoftonline.com/"
)

// azureTokenVolume projects a service account token whose audience is the one Entra ID's
// federated credential expects (AzureTokenExchangeAudience). The pod's default API token stays
// off (automountServiceAccountToken false): this token is valid only for Entra ID.
func azureTokenVolume() *corev1.VolumeArgs {
	return &corev1.VolumeArgs{Name: pulumi.String(AzureTokenVolume), Projected: &corev1.ProjectedVolumeSourceArgs{
		Sources: corev1.VolumeProjectionArray{&corev1.VolumeProjectionArgs{
			ServiceAccountToken: &corev1.ServiceAccountTokenProjectionArgs{Audience: pulumi.String(AzureTokenExchangeAudience),
				ExpirationSeconds: pulumi.Int(AzureTokenSeconds), Path: pulumi.String(AzureTokenVolume)},
		}},
	}}
}

func azureWorkloadIdentityEnv(azure AzureIdentity) corev1.EnvVarArray {
	env := func(name string, value pulumi.StringInput) *corev1.EnvVarArgs {
		return &corev1.EnvVarArgs{Name: pulumi.String(name), Value: value}
	}
	return corev1.EnvVarArray{
		env("AZURE_AUTHORITY_HOST", pulumi.String(AzureAuthorityHost)),
		env("AZURE_CLIENT_ID", azure.ClientID),
		env("AZURE_TENANT_ID", azure.TenantID),
		env("AZURE_FEDERATED_TOKEN_FILE", pulumi.String(AzureTokenDir+"/"+AzureTokenVolume)),
	}
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
func RestrictedPodSecurity() *corev1.PodSecurityContextArgs {
	return &corev1.PodSecurityContextArgs{RunAsNonRoot: pulumi.Bool(true),
		RunAsUser: pulumi.Int(NonRootID), RunAsGroup: pulumi.Int(NonRootID),
		SeccompProfile: &corev1.SeccompProfileArgs{Type: pulumi.String("RuntimeDefault")}}
}

func RestrictedContainerSecurity() *corev1.SecurityContextArgs {
	return &corev1.SecurityContextArgs{
		RunAsNonRoot:             pulumi.Bool(true),
		RunAsUser:                pulumi.Int(NonRootID),
		RunAsGroup:               pulumi.Int(NonRootID),
		AllowPrivilegeEscalation: pulumi.Bool(false),
		Privileged:               pulumi.Bool(false),
		ReadOnlyRootFilesystem:   pulumi.Bool(true),
		Capabilities:             &corev1.CapabilitiesArgs{Drop: pulumi.ToStringArray([]string{"ALL"})},
		SeccompProfile:           &corev1.SeccompProfileArgs{Type: pulumi.String("RuntimeDefault")},
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

func ContainerResources(cpuReq, memReq, cpuLim, memLim string) *corev1.ResourceRequirementsArgs {
	return &corev1.ResourceRequirementsArgs{
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
func SpreadOverNodes(selector pulumi.StringMap) *corev1.AffinityArgs {
	return &corev1.AffinityArgs{PodAntiAffinity: &corev1.PodAntiAffinityArgs{
		PreferredDuringSchedulingIgnoredDuringExecution: corev1.WeightedPodAffinityTermArray{&corev1.WeightedPodAffinityTermArgs{
			Weight: pulumi.Int(100),
			PodAffinityTerm: &corev1.PodAffinityTermArgs{TopologyKey: pulumi.String("kubernetes.io/hostname"),
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
	if _, err := policyv1.NewPodDisruptionBudget(ctx, name+"-pdb", &policyv1.PodDisruptionBudgetArgs{
		Metadata: meta,
		Spec: &policyv1.PodDisruptionBudgetSpecArgs{MaxUnavailable: pulumi.Int(1),
			Selector: &metav1.LabelSelectorArgs{MatchLabels: selector}},
	}, opts...); err != nil {
		return err
	}
	_, err := autoscalingv2.NewHorizontalPodAutoscaler(ctx, name+"-hpa", &autoscalingv2.HorizontalPodAutoscalerArgs{
		Metadata: meta,
		Spec: &autoscalingv2.HorizontalPodAutoscalerSpecArgs{
			ScaleTargetRef: &autoscalingv2.CrossVersionObjectReferenceArgs{ApiVersion: pulumi.String("apps/v1"),
				Kind: pulumi.String("Deployment"), Name: deployment.Elem()},
			MinReplicas: pulumi.Int(minReplicas),
			MaxReplicas: pulumi.Int(maxReplicas),
			Metrics: autoscalingv2.MetricSpecArray{&autoscalingv2.MetricSpecArgs{Type: pulumi.String("Resource"),
				Resource: &autoscalingv2.ResourceMetricSourceArgs{Name: pulumi.String("cpu"),
					Target: &autoscalingv2.MetricTargetArgs{Type: pulumi.String("Utilization"), AverageUtilization: pulumi.Int(autoscaleCPUPercent)}}}},
		},
	}, opts...)
	return err
}

// authorization: an AuthorizationPolicy with an empty spec denies every request to every
// workload of the namespace ("allow-nothing", Istio docs: Authorization Policy); the second
// allows the microservice's port only to the ingress gateway's mTLS identity.
func (c *Microservice) authorization(ctx *pulumi.Context, name string, app string, args *MicroserviceArgs, labels pulumi.StringMap, in []pulumi.ResourceOption) error {
	// DependsOn the mesh gate, not an output: the Istio CRDs appear only once the managed mesh
	// is installed (minutes after the feature membership), longer than pulumi-kubernetes
	// retries an unknown kind (gcp/mesh/ready.go, crdCheck).
	istio := append(append([]pulumi.ResourceOption{}, in...), pulumi.DependsOn([]pulumi.Resource{args.MeshReadyJob}))
	if err := DenyAll(ctx, name+"-deny-all", args.Namespace, labels, istio); err != nil {
		return err
	}
	_, err := apiextensions.NewCustomResource(ctx, name+"-allow-ingress", &apiextensions.CustomResourceArgs{
		ApiVersion: pulumi.String(IstioSecurityAPI),
		Kind:       pulumi.String("AuthorizationPolicy"),
		Metadata:   &metav1.ObjectMetaArgs{Name: pulumi.String("allow-ingress-gateway"), Namespace: args.Namespace.ToStringOutput(), Labels: labels},
		OtherFields: kubernetes.UntypedArgs{"spec": pulumi.Map{
			"selector": pulumi.Map{"matchLabels": pulumi.StringMap{"app": pulumi.String(app)}},
			"action":   pulumi.String("ALLOW"),
			"rules": pulumi.Array{pulumi.Map{
				"from": pulumi.Array{pulumi.Map{"source": pulumi.Map{"principals": pulumi.StringArray{args.CallerPrincipal}}}},
				"to":   pulumi.Array{pulumi.Map{"operation": pulumi.Map{"ports": pulumi.StringArray{pulumi.Sprintf("%d", args.Microservice.Port)}}}},
			}},
		}},
	}, istio...)
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
