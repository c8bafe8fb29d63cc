// Package microservice deploys the workload into the mesh namespace: a Deployment running as
// the microservice's Kubernetes service account under a restricted pod security context, its
// Service, a PodDisruptionBudget, a HorizontalPodAutoscaler and the namespace's mesh
// authorization. It registers no type the entry or the mesh do not register too, so it has
// no spec/: the rules on its objects stay in policy.
package microservice

import (
	"github.com/example/mlplatform/gcp"
	"github.com/example/mlplatform/gcp/workload"
	"github.com/example/mlplatform/internal/required"
	"github.com/example/mlplatform/kubenative"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes"
	"github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/apiextensions"
	metav1 "github.com/pulumi/pulumi-kubernetes/sdk/v4/go/kubernetes/meta/v1"
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
)

// MicroserviceArgs configures NewMicroservice.
type MicroserviceArgs struct {
	// Env labels the Kubernetes objects.
	Env string
	// App names the Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler and
	// labels the pods (the workload's Kubernetes service account name).
	App string
	// Image is the container image, pinned by digest (settings checked it).
	Image string
	// Port is the container's and the Service's HTTP port; HealthPath its probes' path.
	Port       int
	HealthPath string
	// MinReplicas and MaxReplicas bound the HorizontalPodAutoscaler.
	MinReplicas int
	MaxReplicas int
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
	if err := required.Args("microservice.NewMicroservice", map[string]any{"Env": args.Env, "App": args.App, "Image": args.Image, "HealthPath": args.HealthPath,
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
	app := s.App
	selector := pulumi.StringMap{"app": pulumi.String(app)}
	labels := gcp.WorkloadLabels(s.Env, app)
	meta := func(n string) *metav1.ObjectMetaArgs {
		return &metav1.ObjectMetaArgs{Name: pulumi.String(n), Namespace: args.Namespace.ToStringOutput(), Labels: labels}
	}

	// DependsOn the mesh gate, not an output: the namespace is labelled for injection, and
	// injection happens only when a pod is created (gcp/mesh/ready.go, meshGateChecks); pods created before the
	// managed mesh can inject would run without a sidecar, outside STRICT mTLS and the
	// AuthorizationPolicies, until restarted.
	meshed := append(append([]pulumi.ResourceOption{}, in...), pulumi.DependsOn([]pulumi.Resource{args.MeshReadyJob}))
	dep, err := kubenative.NewDeployment(ctx, name+"-deployment", &kubenative.DeploymentArgs{
		Metadata: meta(app),
		Spec:     microserviceDeploymentSpec(s, app, labels, selector, args.ServiceAccount, args.NodePool, args.Azure),
	}, meshed...)
	if err != nil {
		return nil, err
	}
	svc, err := microserviceService(ctx, name, meta(app), s.Port, selector, in)
	if err != nil {
		return nil, err
	}
	if err := gcp.Availability(ctx, name, s.MinReplicas, s.MaxReplicas, app, args.Namespace, labels, selector, dep.Metadata.Name(), in); err != nil {
		return nil, err
	}
	if err := c.authorization(ctx, name, app, args, labels, in); err != nil {
		return nil, err
	}

	c.Namespace = svc.Metadata.Namespace().ApplyT(deref).(pulumi.StringOutput)
	c.ServiceName = svc.Metadata.Name().ApplyT(deref).(pulumi.StringOutput)
	c.ServiceHost = pulumi.Sprintf("%s.%s.svc.cluster.local", c.ServiceName, c.Namespace)
	c.ServicePort = pulumi.Int(s.Port).ToIntOutput()
	return c, ctx.RegisterResourceOutputs(c, pulumi.Map{
		"namespace": c.Namespace, "serviceName": c.ServiceName, "serviceHost": c.ServiceHost, "servicePort": c.ServicePort,
	})
}

// microserviceService is the workload's ClusterIP Service on port.
func microserviceService(ctx *pulumi.Context, name string, meta *metav1.ObjectMetaArgs, port int, selector pulumi.StringMap,
	in []pulumi.ResourceOption) (*kubenative.Service, error) {
	return kubenative.NewService(ctx, name+"-service", &kubenative.ServiceArgs{
		Metadata: meta,
		Spec: &kubenative.ServiceSpecArgs{
			Type:     pulumi.String("ClusterIP"),
			Selector: selector,
			// The "http" name and appProtocol tell the mesh this is HTTP (L7 policy applies).
			Ports: kubenative.ServicePortArray{&kubenative.ServicePortArgs{Name: pulumi.String("http"),
				AppProtocol: pulumi.String("http"), Port: pulumi.Int(port), TargetPort: pulumi.String("http")}},
		},
	}, in...)
}

// microserviceDeploymentSpec leaves replicas to the autoscaler: a replica count here would
// be reset on every `pulumi up`, fighting the HPA.
func microserviceDeploymentSpec(m *MicroserviceArgs, app string, labels, selector pulumi.StringMap, ksa, pool pulumi.StringInput,
	azure AzureIdentity) *kubenative.DeploymentSpecArgs {
	probe := func(initialDelay, period int) *kubenative.ProbeArgs {
		// The managed mesh rewrites HTTP probes to its agent, so they pass under STRICT mTLS.
		return &kubenative.ProbeArgs{HttpGet: &kubenative.HTTPGetActionArgs{Path: pulumi.String(m.HealthPath), Port: pulumi.String("http")},
			InitialDelaySeconds: pulumi.Int(initialDelay), PeriodSeconds: pulumi.Int(period), FailureThreshold: pulumi.Int(3)}
	}
	return &kubenative.DeploymentSpecArgs{
		Selector: &metav1.LabelSelectorArgs{MatchLabels: selector},
		Strategy: &kubenative.DeploymentStrategyArgs{Type: pulumi.String("RollingUpdate"),
			RollingUpdate: &kubenative.RollingUpdateDeploymentArgs{MaxUnavailable: pulumi.Int(0), MaxSurge: pulumi.Int(1)}},
		Template: &kubenative.PodTemplateSpecArgs{
			Metadata: &metav1.ObjectMetaArgs{Labels: labels},
			Spec: &kubenative.PodSpecArgs{
				ServiceAccountName:           ksa,
				AutomountServiceAccountToken: pulumi.Bool(false),
				NodeSelector:                 gcp.NodePoolSelector(pool),
				Affinity:                     gcp.SpreadOverNodes(selector),
				SecurityContext:              gcp.RestrictedPodSecurity(),
				Containers: kubenative.ContainerArray{&kubenative.ContainerArgs{
					Name:            pulumi.String(app),
					Image:           pulumi.String(m.Image),
					Ports:           kubenative.ContainerPortArray{&kubenative.ContainerPortArgs{Name: pulumi.String("http"), ContainerPort: pulumi.Int(m.Port)}},
					Resources:       gcp.ContainerResources(microserviceCPURequest, microserviceMemoryRequest, microserviceCPULimit, microserviceMemoryLimit),
					ReadinessProbe:  probe(5, 10),
					LivenessProbe:   probe(15, 20),
					SecurityContext: gcp.RestrictedContainerSecurity(),
					Env:             azureWorkloadIdentityEnv(azure),
					// The root filesystem is read-only; scratch space is a bounded emptyDir.
					VolumeMounts: kubenative.VolumeMountArray{&kubenative.VolumeMountArgs{Name: pulumi.String("tmp"), MountPath: pulumi.String("/tmp")},
						&kubenative.VolumeMountArgs{Name: pulumi.String(AzureTokenVolume), MountPath: pulumi.String(AzureTokenDir), ReadOnly: pulumi.Bool(true)}},
				}},
				Volumes: kubenative.VolumeArray{&kubenative.VolumeArgs{Name: pulumi.String("tmp"),
					EmptyDir: &kubenative.EmptyDirVolumeSourceArgs{SizeLimit: pulumi.String("64Mi")}}, azureTokenVolume()},
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
// federated credential expects (workload.AzureTokenExchangeAudience). The pod's default API token stays
// off (automountServiceAccountToken false): this token is valid only for Entra ID.
func azureTokenVolume() *kubenative.VolumeArgs {
	return &kubenative.VolumeArgs{Name: pulumi.String(AzureTokenVolume), Projected: &kubenative.ProjectedVolumeSourceArgs{
		Sources: kubenative.VolumeProjectionArray{&kubenative.VolumeProjectionArgs{
			ServiceAccountToken: &kubenative.ServiceAccountTokenProjectionArgs{Audience: pulumi.String(workload.AzureTokenExchangeAudience),
				ExpirationSeconds: pulumi.Int(AzureTokenSeconds), Path: pulumi.String(AzureTokenVolume)},
		}},
	}}
}

func azureWorkloadIdentityEnv(azure AzureIdentity) kubenative.EnvVarArray {
	env := func(name string, value pulumi.StringInput) *kubenative.EnvVarArgs {
		return &kubenative.EnvVarArgs{Name: pulumi.String(name), Value: value}
	}
	return kubenative.EnvVarArray{
		env("AZURE_AUTHORITY_HOST", pulumi.String(AzureAuthorityHost)),
		env("AZURE_CLIENT_ID", azure.ClientID),
		env("AZURE_TENANT_ID", azure.TenantID),
		env("AZURE_FEDERATED_TOKEN_FILE", pulumi.String(AzureTokenDir+"/"+AzureTokenVolume)),
	}
}

// authorization: an AuthorizationPolicy with an empty spec denies every request to every
// workload of the namespace ("allow-nothing", Istio docs: Authorization Policy); the second
// allows the microservice's port only to the ingress gateway's mTLS identity.
func (c *Microservice) authorization(ctx *pulumi.Context, name string, app string, args *MicroserviceArgs, labels pulumi.StringMap, in []pulumi.ResourceOption) error {
	// DependsOn the mesh gate, not an output: the Istio CRDs appear only once the managed mesh
	// is installed (minutes after the feature membership), longer than pulumi-kubernetes
	// retries an unknown kind (gcp/mesh/ready.go, crdCheck).
	istio := append(append([]pulumi.ResourceOption{}, in...), pulumi.DependsOn([]pulumi.Resource{args.MeshReadyJob}))
	if err := gcp.DenyAll(ctx, name+"-deny-all", args.Namespace, labels, istio); err != nil {
		return err
	}
	_, err := apiextensions.NewCustomResource(ctx, name+"-allow-ingress", &apiextensions.CustomResourceArgs{
		ApiVersion: pulumi.String(gcp.IstioSecurityAPI),
		Kind:       pulumi.String("AuthorizationPolicy"),
		Metadata:   &metav1.ObjectMetaArgs{Name: pulumi.String("allow-ingress-gateway"), Namespace: args.Namespace.ToStringOutput(), Labels: labels},
		OtherFields: kubernetes.UntypedArgs{"spec": pulumi.Map{
			"selector": pulumi.Map{"matchLabels": pulumi.StringMap{"app": pulumi.String(app)}},
			"action":   pulumi.String("ALLOW"),
			"rules": pulumi.Array{pulumi.Map{
				"from": pulumi.Array{pulumi.Map{"source": pulumi.Map{"principals": pulumi.StringArray{args.CallerPrincipal}}}},
				"to":   pulumi.Array{pulumi.Map{"operation": pulumi.Map{"ports": pulumi.StringArray{pulumi.Sprintf("%d", args.Port)}}}},
			}},
		}},
	}, istio...)
	return err
}

// childOpts parents children to the component.
func childOpts(parent pulumi.Resource, extra ...pulumi.ResourceOption) []pulumi.ResourceOption {
	return append([]pulumi.ResourceOption{pulumi.Parent(parent)}, extra...)
}

// deref reads an optional string output ("" when unset).
func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
